"""Outlets outside the source table, named by their own pages (searchlib/ingest/unlisted.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchlib.ingest import extract_file
from searchlib.ingest.pagechrome import copyright_holder
from searchlib.ingest.sources import load_sources
from searchlib.ingest.unlisted import (
    named_with_address, outlet_like, paired_outlet, recased, spelled_below, spells_address,
)

_STORY = ("Police seize smuggled goods at border checkpoint\n\nAuthorities in the province have seized more "
          "than 600 kilograms of goods hidden beneath a load of cassava chips in a truck heading for the border, "
          "police said on Tuesday.\n\nThe truck was stopped at a checkpoint on Road No. 12 on Tuesday afternoon.\n")


@pytest.mark.parametrize("name, address, spelt", [
    ("Báo Sơn Tây", "baosontay.vn", True),
    ("The Borneo Post", "www.theborneopost.com", True),
    ("The Global New Light of Myanmar", "gnlm.com.mm", True),  # by its initials
    ("Hà Nội Mới", "hanoimoi.vn", True),
    ("Police News", "example.com", False),
    ("Getty Images", "gettyimages.com", True),  # spelt, but only ever read beside a story's top
])
def test_a_name_spells_its_address(name: str, address: str, spelt: bool) -> None:
    assert spells_address(name, address) is spelt


@pytest.mark.parametrize("head, outlet", [
    ("Báo Đời sống Mới - baodoisongmoi.vn\nAn ninh - Quốc phòng\n", "Báo Đời sống Mới"),
    ("From The Borneo Post (theborneopost.com), copied from the web page:\n", "The Borneo Post"),
    ("The Daily Gazette\ndailygazette.com > Local News\nFebruary 12, 2025\n", "The Daily Gazette"),
    ("Police News - example.com\n", None),  # the name does not spell the address
    ("police seized goods - see example.com\n", None),
])
def test_a_copied_texts_top_names_its_outlet_beside_its_address(head: str, outlet: str | None) -> None:
    assert paired_outlet(head + "\n" + _STORY) == outlet


@pytest.mark.parametrize("text, source", [
    # a national paper goes without its "Báo" (heldout29)
    ("Báo Đời sống Mới - baodoisongmoi.vn\nAn ninh - Quốc phòng\n\n" + _STORY, "Đời sống Mới"),
    ("Source: Sabah Daily (sabahdaily.com/news/local)\n\n" + _STORY, "Sabah Daily"),
    (_STORY + "\nTheo dõi Người Đưa Tin trên Google News\n", "Người Đưa Tin"),
    (_STORY + "\n© 2025 The Borneo Post. All rights reserved.\n", "The Borneo Post"),
    (_STORY + "\n© 2025 Getty Images. All rights reserved.\n", None),
    # a known outlet keeps its canonical name
    ("Báo Điện Biên Phủ - baodienbienphu.vn\nAn ninh - Quốc phòng\n\n" + _STORY, "Báo Điện Biên Phủ"),
])
def test_an_unlisted_outlet_is_the_source(tmp_path: Path, text: str, source: str | None) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].source == source


def test_outlet_names_and_given_values() -> None:
    assert outlet_like("The Borneo Post") and outlet_like("Sabah Daily")
    assert not outlet_like("Getty Images") and not outlet_like("Post")
    assert named_with_address("Sabah Daily (sabahdaily.com/news/local)") == "Sabah Daily"
    assert named_with_address("Sabah Daily") is None
    table = load_sources()
    assert copyright_holder("© 2025 The Borneo Post. All rights reserved.", table) == "The Borneo Post"
    assert copyright_holder("© 2025 SPH Media Limited. All rights reserved.", table) is None


@pytest.mark.parametrize("text, source", [
    # heldout28: mastheads of parts, a source value with its address and a breadcrumb
    ("ANTĐ.VN  An ninh Thủ đô\nThời sự | Pháp luật | Hình sự\n\n" + _STORY, "An ninh Thủ đô"),
    ("freemalaysiatoday.com  |  NEWS > NATION\n" + _STORY, "Free Malaysia Today"),
    ("Source: Thai Rath English (en.thairath.co.th) > News > Local\n\n" + _STORY, "Thai Rath English"),
    (_STORY + "\nTheo dõi Tạp chí Công Thương trên Google News\n", "Tạp chí Công Thương"),
])
def test_mastheads_and_source_values_heldout28(tmp_path: Path, text: str, source: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].source == source


def test_a_forwarders_note_names_an_unlisted_paper_with_its_address(tmp_path: Path) -> None:
    # heldout28/ka07: a forwarded mail whose note gives the paper and its site
    mail = ("---------- Forwarded message ---------\nFrom: Hoàng Thu Trang <trang@example.com>\n"
            "Date: Mon, 20 Jan 2025 at 08:14\nSubject: bai PNVN ve lua pass ve concert\nTo: nhom <nhom@example.com>\n\n"
            "Mọi người ơi, bài của Phụ nữ Việt Nam (phunuvietnam.vn), em copy nguyên văn phần nội dung.\n\n"
            "T.\n\n=====\n\nHàng trăm bạn trẻ sập bẫy mua vé concert qua mạng\n\n"
            "Công an TP Hà Nội cho biết đã tiếp nhận đơn trình báo của hơn 300 người bị lừa khi mua vé "
            "concert qua mạng xã hội. Các đối tượng lập nhiều trang giả mạo để bán vé.\n")
    (tmp_path / "mail.txt").write_text(mail, encoding="utf-8")
    assert extract_file(tmp_path / "mail.txt").articles[0].source == "Phụ nữ Việt Nam"


@pytest.mark.parametrize("name, outlet", [
    # heldout29: names outside the table as pages and collectors give them
    ("danvietmoi.vn – Báo Dân Việt Mới (Nhà nông)", "Dân Việt Mới"),
    ("Báo Công an Bình Định", "Báo Công an Bình Định"),  # a local paper keeps its "Báo"
    ("Tin14.vn", "Tin14"),
    ("Space.com", "Space.com"),  # an English site's own name keeps its ending
    ("Soha.vn (chép từ ứng dụng Soha trên điện thoại)", "Soha"),
])
def test_the_name_of_an_outlet_outside_the_table(name: str, outlet: str) -> None:
    from searchlib.ingest.sources import canonical_source
    assert canonical_source(name) == outlet


@pytest.mark.parametrize("text, source", [
    # a collector's note naming the paper and its site, a newsletter forwarded whole, a desk's date line
    ("ghi chep nhanh - doc tren bao Tin Moi Ngay (tinmoingay.vn), muc Phap luat\n---\n\n" + _STORY, "Tin Moi Ngay"),
    ("From: Le Thu Hanh <hanh@example.com>\nSent: Friday, 28 November 2025 09:12\nSubject: FW: nail bar\n\n"
     "Em chuyen bai nay.\n\n-----Original Message-----\nFrom: The Independent Newsletter <news@independent.co.uk>\n"
     "Sent: Thursday, 27 November 2025 18:05\nSubject: Breaking: Police seize goods\n\n" + _STORY, "The Independent"),
])
def test_notes_and_newsletters_name_the_outlet(tmp_path: Path, text: str, source: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].source == source


def test_a_desks_date_line_keeps_its_date(tmp_path: Path) -> None:
    import datetime as dt
    text = ("Title: Counter-terrorism exercise held at the port\n\nBERNAMA\nGeneral  |  19/08/2025 04:52 PM\n\n"
            "KUANTAN, Aug 19 (Bernama) -- More than 400 personnel took part in an exercise at the port today.\n\n"
            "The exercise began at 6 am with a scenario in which six armed men boarded a vessel.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].date == dt.date(2025, 8, 19)


@pytest.mark.parametrize("name, address, spelt", [
    # heldout30: a site named for its name and its region, an edition's host
    ("Fresh News", "en.freshnewsasia.com", True),
    ("Astro AWANI", "international.astroawani.com", True),
    ("Tin", "tinasia.com", False),  # too short a name to be spelt with a tail
])
def test_a_name_spells_its_address_with_a_tail(name: str, address: str, spelt: bool) -> None:
    assert spells_address(name, address) is spelt


@pytest.mark.parametrize("name, written", [
    ("TẠP CHÍ KIỂM SÁT", "Tạp chí Kiểm sát"),
    ("The DONG-A ILBO", "The Dong-A Ilbo"),
    ("Astro AWANI", "Astro Awani"),
    ("RTHK News", "RTHK News"),  # initialisms stay
    ("Báo SGGP", "Báo SGGP"),
    ("Autoracing | F1 | NASCAR", "Autoracing | F1 | NASCAR"),  # a row of sections is no name
])
def test_capitals_are_written_as_running_text(name: str, written: str) -> None:
    assert recased(name) == written


@pytest.mark.parametrize("name, outlet", [
    ("Báo Xây dựng", "Báo Xây dựng"),  # a common noun keeps its "Báo"
    ("Báo Quê Hương Mới", "Quê Hương Mới"),  # a proper name goes without it
])
def test_baos_name_by_its_kind(name: str, outlet: str) -> None:
    from searchlib.ingest.sources import canonical_source
    assert canonical_source(name) == outlet


@pytest.mark.parametrize("text, source", [
    # heldout30: a Vietnamese masthead stating whose organ the paper is
    ("Trang chủ > Tin tức > Hoạt động Ngành\nTẠP CHÍ PHÁP ĐÌNH - CƠ QUAN CỦA TÒA ÁN NHÂN DÂN TỐI CAO\n"
     "Truy tố 9 bị can trong vụ án tại bệnh viện\n20/05/2025 09:15\n\n" + _STORY, "Tạp chí Pháp đình"),
    # a collector's note giving the site, and the masthead under it that spells it
    ("[copied from international.sabahwire.com, 20/3/2025]\nSabah WIRE\nMalaysia | World | Business\n"
     "MALAYSIA\n" + _STORY, "Sabah Wire"),
    # a breadcrumb opening with an outlet's name, under a forwarder's note
    ("---------- Forwarded message ---------\nFrom: Ravi <ravi@example.com>\nDate: Wed, 16 Jul 2025 at 09:12\n"
     "Subject: Fwd: police story\nTo: <clips@example.com>\n\nFYI for the file.\nRavi\n---\n"
     "The Island Paper > News > Local\n" + _STORY, "The Island Paper"),
    # a name beside its address with a section after a dash
    ("SOURCE: theSun (thesun.my) - News / Malaysia\nDATE: 19 Feb 2025\n\n" + _STORY, "The Sun"),
    # a collector's note in brackets at the end of a given source
    ("Source: Báo Tin Tức Mới - baotintucmoi.vn (mục Pháp luật > Hình sự)\nDate: 28/07/2025\n\n" + _STORY,
     "Tin Tức Mới"),
])
def test_pages_name_their_outlet_heldout30(tmp_path: Path, text: str, source: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].source == source


def test_a_link_under_a_forwarders_headers_names_the_paper(tmp_path: Path) -> None:
    mail = ("From: Do Manh Cuong <cuong@example.com>\nSent: Friday, August 16, 2024 8:47 AM\n"
            "To: nhom@example.com\nSubject: FW: vu quang dat hiem\n"
            "Gui ca nhom bai nay de luu ho so.\nCuong\n-----Original Message-----\n"
            "Link: https://baoyenbai.com.vn/12/331842/bat-giu-3-xe-tai.aspx\n" + _STORY)
    (tmp_path / "a.txt").write_text(mail, encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].source == "Báo Yên Bái"


_PAGE = ("<html lang='vi'><head><title>{title}</title>{meta}</head><body><article><h1>Cảnh sát triệt phá mạng lưới "
         "trồng cần sa</h1><p>Cảnh sát đã triệt phá một mạng lưới trồng cần sa trong nhà và giải cứu sáu thiếu niên "
         "Việt Nam bị đưa sang châu Âu, theo thông báo của công tố viên.</p><p>Các thiếu niên bị buộc phải chăm sóc "
         "cây cần sa trong nhiều tháng liền mà không được trả công.</p></article></body></html>")


@pytest.mark.parametrize("title, meta, source", [
    # a broadcaster's Vietnamese service ("RFI" on a page in Vietnamese)
    ("Cảnh sát triệt phá mạng lưới trồng cần sa - RFI", "<meta property='og:site_name' content='RFI'>", "RFI Tiếng Việt"),
    # a paper outside the table named in the page's title
    ("Cảnh sát triệt phá mạng lưới trồng cần sa | Báo Nông thôn", "", "Báo Nông thôn"),
])
def test_a_page_names_its_outlet_heldout30(tmp_path: Path, title: str, meta: str, source: str) -> None:
    (tmp_path / "a.html").write_text(_PAGE.format(title=title, meta=meta), encoding="utf-8")
    assert extract_file(tmp_path / "a.html").articles[0].source == source


_VI_STORY = ("KHOI TO NGUYEN CHU TICH XA LAP HO SO KHONG\n\nTP - Co quan CSDT Cong an tinh vua khoi to bi can, bat tam giam "
             "Le Van Hung (SN 1970), nguyen Chu tich UBND xa, ve toi \"Tham o tai san\".\n\nTong so tien bi chiem doat "
             "duoc xac dinh hon 6,8 ty dong.\n")
_FORWARD = ("From: Ngo Thanh Binh\nSent: Tuesday, February 4, 2025 9:02 AM\nTo: Monitoring Desk\n"
            "Subject: FW: forged residence cards\n\n{note}\nBinh\n\n-----Original Message-----\n\n{top}\n\n"
            "Police bust suspected forged residence card operation in Saitama\n\n{dated}\n\n"
            "Police in Saitama Prefecture have arrested a Chinese man and a Vietnamese woman on suspicion of making "
            "forged residence cards for foreign nationals who are staying in Japan illegally.\n\n"
            "Police say many of the buyers were former technical intern trainees.\n")


@pytest.mark.parametrize("text, source, date", [
    # heldout31/kh11: a collector's note naming the print edition typed from, without accents
    ("[go lai tu bao giay, may khong co bo go dau - Tien Phong so ra ngay 3/3/2025, trang 7, muc Phap luat]\n\n"
     + _VI_STORY, "Tiền Phong", "2025-03-03"),
    # heldout31/kg18: a masthead line with its desk's word; a yearless date line, dated by the forward
    (_FORWARD.format(note="FYI - item from last Thursday.", top="NHK WORLD-JAPAN News", dated="Jan. 30 18:40 JST"),
     "NHK World", "2025-01-30"),
    # a yearless date line after the forward is no date (a story is out before it is forwarded)
    (_FORWARD.format(note="FYI - item from last Thursday.", top="NHK WORLD-JAPAN News", dated="Feb. 20 18:40 JST"),
     "NHK World", None),
    # heldout31/kh20: the forwarder's note names the paper that ran the story
    (_FORWARD.format(note="For the file. Philstar ran this in the print edition on Friday.", top="",
                     dated="February 6, 2026 | 12:00am").replace("-----Original Message-----", "-----"),
     "The Philippine Star", "2026-02-06"),
])
def test_notes_and_mastheads_name_the_outlet_heldout31(tmp_path: Path, text: str, source: str, date: str | None) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = extract_file(tmp_path / "a.txt").articles[0]
    assert (article.source, article.date and article.date.isoformat()) == (source, date)


@pytest.mark.parametrize("text, date, source", [
    # heldout31/kg20: "By The Irrawaddy 21 November 2024": the byline goes, its date stays
    ("The Irrawaddy\nHome > News > Burma\nJunta Police Seize 1.2 Tons of Jade Bound for China\n\n"
     "By The Irrawaddy 21 November 2024\n\nShare: Facebook | X | Email\n\n"
     "Myanmar's junta police said on Wednesday they had seized more than 1.2 tons of raw jade hidden under "
     "bananas in a truck heading toward the Chinese border.\n\nThe driver was arrested.\n",
     "2024-11-21", "The Irrawaddy"),
    # heldout32/ki18: a collector's saved date gives a yearless date line its year ("Mar. 14 06:30 am JST
    # | 3 Comments" under "copied 15/3/2025")
    ("japantoday.com -- copied 15/3/2025 (page from yesterday's crime section)\n\nJAPAN TODAY\n\nCrime\n\n"
     "4 arrested over underground bank that sent ¥3.2 bil to China\n\nMar. 14  06:30 am JST  |  3 Comments\n"
     "TOKYO\n\nPolice said Thursday they have arrested four people on suspicion of operating an unlicensed "
     "underground bank.\n\nThe group is suspected of having received cash from customers.\n",
     "2025-03-14", "Japan Today"),
])
def test_a_dates_form_on_a_copied_page_is_read(tmp_path: Path, text: str, date: str, source: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = extract_file(tmp_path / "a.txt").articles[0]
    assert (article.date.isoformat(), article.source) == (date, source)


@pytest.mark.parametrize("name, outlet", [
    # heldout31: outlets of the Vietnamese press added to the table, in the forms their pages give
    ("Kenh14.vn", "Kênh14"), ("Báo Công Thương", "Báo Công Thương"), ("thanhtra.com.vn", "Báo Thanh tra"),
    ("Tài nguyên & Môi trường", "Báo Tài nguyên & Môi trường"), ("vietnammoi.vn", "Việt Nam Mới"),
    ("The Investor - Vietnam Business News", "The Investor"),
])
def test_outlets_added_heldout31(name: str, outlet: str) -> None:
    assert load_sources().lookup(name) == outlet


@pytest.mark.parametrize("text, source", [
    # heldout32/kj08: the address alone on top, the paper's name on its own line under the date
    ("baoquocte.vn\nCampuchia triệt phá đường dây dùng deepfake tống tiền\n[lưu ngày 20/10/2025]\n\n"
     "Thứ Bảy, 18/10/2025 | 21:40\n\nBáo Quốc tế\n\nCảnh sát Campuchia ngày 18/10 cho biết đã triệt phá một đường dây "
     "tống tiền.\n\nLực lượng chức năng bắt giữ 27 đối tượng.\n", "Báo Quốc tế"),
    # heldout32/kj20: the address on top, the name in the lead's credit
    ("ecns.cn | Society\nretrieved 16 Oct 2025\n\nGuangxi border police intercept 312 illegal crossers\n\n"
     "2025-10-15 09:33:12\n\n(ECNS) -- Border police in Fangchenggang have intercepted 312 people.\n\n"
     "Nine suspects were detained.\n", "ECNS"),
])
def test_an_address_on_top_is_spelt_by_a_name_below(text: str, source: str) -> None:
    assert spelled_below(text) == source


def test_a_name_that_does_not_spell_the_address_is_no_outlet() -> None:
    text = ("baoquocte.vn\nCampuchia triệt phá đường dây\n\nBáo Thanh Niên đưa tin\n\nCông an cho biết.\n")
    assert spelled_below(text) is None


@pytest.mark.parametrize("name, outlet", [
    # heldout32: outlets added to the table, in the forms their pages give
    ("Baodautu.vn", "Báo Đầu tư"), ("baoquocte.vn", "Báo Quốc tế"), ("Ecns.cn", "ECNS"),
    ("thewest.com.au", "The West Australian"), ("Asia Times", "Asia Times"),
])
def test_outlets_added_heldout32(name: str, outlet: str) -> None:
    assert load_sources().lookup(name) == outlet
