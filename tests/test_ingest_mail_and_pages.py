"""Layouts first seen in heldout21: a forwarder's note with no rule under it, a Xinhua credit
line under a hard-wrapped headline, a comment box's notice naming the site, and a page whose
metadata stamp is a day off the date it prints under the headline (or, heldout7, two days off
the date both its date line and its dateline show)."""

from __future__ import annotations

from pathlib import Path

from searchlib.ingest import extract_file


def _extract(tmp_path: Path, name: str, text: str):  # noqa: ANN202
    (tmp_path / name).write_text(text, encoding="utf-8")
    (article,) = extract_file(tmp_path / name).articles
    return article


_STORY = ("Savannakhet provincial police have handed over to Vietnamese authorities a Vietnamese man who had been "
          "on the run in Laos for more than three years, the provincial police said on Wednesday.\n\n"
          "The man was handed over at the Dansavanh-Lao Bao international border checkpoint.\n")


def test_a_forwarders_note_without_a_rule_names_the_outlet_and_is_no_headline(tmp_path: Path) -> None:
    # heldout21/b19
    text = ("---------- Forwarded message ---------\nFrom: Laos desk <laosdesk.monitor@gmail.com>\n"
            "Date: Mon, 12 May 2025 at 09:05\nSubject: Fwd: VT - Savannakhet hands over Vietnamese fugitive\n"
            "To: <regional-monitoring@googlegroups.com>\n\n\nFYI, from the Vientiane Times site (Thursday's paper, "
            "p.3). Follows our note of 2 May on the Dansavanh border meeting.\n\n\nSavannakhet hands over "
            "Vietnamese fugitive to Quang Tri police\n\n8 May, 2025\n\n" + _STORY)
    article = _extract(tmp_path, "fwd.txt", text)
    assert article.source == "Vientiane Times"
    assert article.title == "Savannakhet hands over Vietnamese fugitive to Quang Tri police"
    assert article.date.isoformat() == "2025-05-08"


def test_a_credit_line_under_a_wrapped_headline_stays_apart(tmp_path: Path) -> None:
    # heldout21/b08: Xinhua's "Source: Xinhua| 2025-12-09 20:31:05|Editor: huaxia" under the headline
    text = ('China, Laos, Myanmar, Thailand launch new joint patrol on Mekong River\n'
            'Source: Xinhua| 2025-12-09 20:31:05|Editor: huaxia\n'
            '\n'
            'KUNMING, Dec. 9 (Xinhua) -- Law enforcement forces from China, Laos,\n'
            'Myanmar and Thailand on Tuesday launched a four-day joint patrol on the\n'
            'Mekong River, the 163rd such operation since the mechanism was set up in\n'
            'December 2011.\n'
            '\n'
            'The patrol fleet, made up of eight vessels and more than 200 officers,\n'
            'set off from Guanlei port in Xishuangbanna Dai Autonomous Prefecture in\n'
            "southwest China's Yunnan Province, and will sail down to Chiang Saen in\n"
            "Thailand's Chiang Rai Province before returning, according to the\n"
            'Yunnan provincial public security department.\n'
            '\n'
            'Apart from routine patrols, the four countries will conduct a joint\n'
            'search and rescue drill near the Golden Triangle, the area where the\n'
            'borders of Laos, Myanmar and Thailand meet, and will visit riverside\n'
            'villages to distribute leaflets on drug control and on preventing\n'
            'online fraud.\n'
            '\n'
            'During the patrol, officers of the four countries will also exchange\n'
            'intelligence on criminal groups active along the river and hold a\n'
            'working meeting at the joint command post in Chiang Saen to plan\n'
            'follow-up operations, the department said.\n')
    article = _extract(tmp_path, "xinhua.txt", text)
    assert article.title == "China, Laos, Myanmar, Thailand launch new joint patrol on Mekong River"
    assert article.date.isoformat() == "2025-12-09" and article.source == "Xinhua"


def test_a_comment_boxs_notice_names_the_site(tmp_path: Path) -> None:
    # heldout21/b40: the Taipei Times names itself only there
    text = ("Brokers indicted for forcing Vietnamese workers into unpaid labor\nThu, Mar 27, 2025 page 2\n"
            "By Lin Hsiu-ching / Staff reporter\n\nTaoyuan prosecutors yesterday indicted six people on charges of "
            "human trafficking for allegedly confiscating the passports of 37 Vietnamese migrant workers.\n\n"
            "All 37 workers have been placed with new employers, the office said.\n\nComments will be moderated. "
            "Keep comments relevant to the article. Remarks containing abusive and obscene language, personal attacks "
            "of any kind or promotion will be removed and the user banned. Final decision will be at the discretion "
            "of the Taipei Times.\n")
    article = _extract(tmp_path, "tt.txt", text)
    assert article.source == "Taipei Times"
    assert article.date.isoformat() == "2025-03-27"


_PAGE = """<html><head><meta property="article:published_time" content="{stamp}">
<title>Biên phòng Điện Biên tuần tra song phương với Lào</title></head><body>
<article><h1>Biên phòng Điện Biên tuần tra song phương với Lào</h1>
<div class="meta"><span class="post-date">{shown}</span></div>
<p>QĐND Online - Từ ngày 29/9 đến 1/10, Đồn Biên phòng Mường Lói phối hợp với Đại đội 4 bảo vệ biên giới
của Lào tổ chức tuần tra song phương trên tuyến biên giới, kiểm tra hệ thống mốc quốc giới.</p>
<p>Hai bên thống nhất duy trì trao đổi thông tin, phối hợp quản lý, bảo vệ biên giới và đấu tranh phòng,
chống các loại tội phạm trên tuyến biên giới hai nước trong thời gian tới.</p></article></body></html>"""


def test_the_date_printed_under_the_headline_beats_a_stamp_a_day_off(tmp_path: Path) -> None:
    # heldout21/b20 and heldout7/t38: the stamp is the evening before the date the page prints
    page = _PAGE.format(stamp="2024-10-02T21:47:00+07:00", shown="Thứ Năm, 03/10/2024 | 08:21")
    assert _extract(tmp_path, "a.html", page).date.isoformat() == "2024-10-03"
    # a printed date far from the stamp is something else: the stamp stays
    page = _PAGE.format(stamp="2024-10-02T21:47:00+07:00", shown="Thứ Năm, 17/10/2024 | 08:21")
    assert _extract(tmp_path, "b.html", page).date.isoformat() == "2024-10-02"


_AKP = """<!DOCTYPE html><html><head><meta property="article:published_time" content="{stamp}">
<title>Cambodia Hands Over Vietnamese Fugitive | AKP</title></head><body>
<div class="post"><div class="category"><a href="/en/category/national">National</a></div>
<h2 class="post-title">Cambodia Hands Over Vietnamese Fugitive at Bavet</h2>
<div class="post-meta"><span class="date">{shown}</span> <span class="views">1,204</span></div>
<img src="/storage/posts/2023/06/handover.jpg" alt="">
<div class="content">
<p>{dateline} AKP -- Cambodia's General Department of Immigration yesterday handed over a Vietnamese man
wanted by Vietnamese police to the Vietnamese authorities at the Bavet international border checkpoint.</p>
<p>Acting on information provided by the Vietnamese Ministry of Public Security through the police liaison
channel, Cambodian immigration police located the man in a rented flat in Phnom Penh and arrested him.</p>
</div></div></body></html>"""


def test_a_date_line_and_a_dateline_agreeing_beat_a_stamp_two_days_off(tmp_path: Path) -> None:
    # heldout7/t05: the page shows June 14 twice; its stamp says June 12
    page = _AKP.format(stamp="2023-06-12T17:05:00+07:00", shown="14 June, 2023", dateline="Phnom Penh, June 14, 2023")
    assert _extract(tmp_path, "a.html", page).date.isoformat() == "2023-06-14"
    # one shown date alone, its dateline silent, leaves the stamp as it is
    page = _AKP.format(stamp="2023-06-12T17:05:00+07:00", shown="14 June, 2023", dateline="Phnom Penh,")
    assert _extract(tmp_path, "b.html", page).date.isoformat() == "2023-06-12"


_VI_STORY = ("Trong đêm 31/1 rạng sáng 1/2, Đồn Biên phòng Hải Sơn phát hiện, ngăn chặn một nhóm 9 công dân đang tìm "
             "cách vượt biên trái phép qua khu vực đường mòn để sang Trung Quốc làm thuê.\n\n"
             "Qua kiểm tra, nhóm gồm 6 nam, 3 nữ, không có hộ chiếu hay giấy tờ xuất nhập cảnh.\n\n")


def test_a_utc_stamp_is_the_next_day_where_the_outlet_publishes(tmp_path: Path) -> None:
    # heldout24/l25: the only stamp is 23:48 UTC, 06:48 the next morning in Phnom Penh
    page = ('<html><head><title>Over 200 foreigners to be deported - Khmer Times</title>'
            '<meta property="og:site_name" content="Khmer Times">'
            '<meta property="article:published_time" content="2025-07-21T23:48:05+00:00"></head><body>'
            '<div class="top"><span class="current-date">Thursday, July 24, 2025</span></div>'
            '<article><h1>Over 200 foreigners to be deported</h1>'
            + "".join(f"<p>{p}</p>" for p in _STORY.split("\n\n")) + "</article></body></html>")
    assert _extract(tmp_path, "kt.html", page).date.isoformat() == "2025-07-22"
    # a site of no known country keeps the stamp's day
    other = page.replace("Khmer Times", "Example Daily")
    assert _extract(tmp_path, "other.html", other).date.isoformat() == "2025-07-21"


def test_a_closing_source_line_under_the_related_links_credits_the_story(tmp_path: Path) -> None:
    # heldout24/l32: "Nguồn: baoquangninh.vn — copy ngày ..." under "Tin khác", the collector's note after it
    text = ("Ngăn chặn 9 người xuất cảnh trái phép sang Trung Quốc làm thuê\nCập nhật: 15:47 | 02/02/2026\n"
            "Lượt xem: 1.284\n\n" + _VI_STORY + "Đỗ Phương\n\nTin khác\n"
            "• Móng Cái: Thu giữ 3 tấn nội tạng động vật (01/02/2026)\n\n"
            "Nguồn: baoquangninh.vn — copy ngày 04/02/2026\n")
    article = _extract(tmp_path, "qn.txt", text)
    assert (article.source, article.date.isoformat()) == ("Báo Quảng Ninh", "2026-02-02")


def test_a_footer_naming_the_papers_governing_body_names_the_paper(tmp_path: Path) -> None:
    # heldout24/l06: "Tuổi Trẻ Online - Cơ quan chủ quản: Thành Đoàn TP.HCM"
    text = ("Cháy nhà 3 tầng trong hẻm ở Gò Vấp\n06/01/2025 09:45 GMT+7\n\n" + _VI_STORY
            + "Tặng sao   Chia sẻ   Lưu\nTuổi Trẻ Online - Cơ quan chủ quản: Thành Đoàn TP.HCM\n")
    assert _extract(tmp_path, "tt.txt", text).source == "Tuổi Trẻ"


def test_a_collectors_note_and_link_over_a_story_typed_without_accents(tmp_path: Path) -> None:
    # heldout24/l26: the note gives the day, the link the paper
    text = ("bai tren bao Nguoi Lao Dong ngay 5/11/2024 (chep lai khong dau)\n"
            "link: https://nld.com.vn/tiep-nhan-ke-giet-nguoi-196241105153012345.htm\nmuc: Phap luat\n\n"
            "TIEP NHAN KE GIET NGUOI TRON SANG CAMPUCHIA\n\n"
            "Sau 5 nam tron truy na sang Campuchia, doi tuong da bi canh sat nuoc ban bat giu va ban giao cho "
            "Cong an tinh An Giang.\n\nChieu 5-11, Cong an tinh An Giang cho biet vua tiep nhan doi tuong tai "
            "Cua khau quoc te Tinh Bien.\n")
    article = _extract(tmp_path, "nld.txt", text)
    assert (article.source, article.date.isoformat()) == ("Người Lao Động", "2024-11-05")
    assert article.url.startswith("https://nld.com.vn/")


def test_outlets_added_for_heldout24() -> None:
    from searchlib.ingest.sources import load_sources

    table = load_sources()
    # l24: the Border Guard's paper; l12: An ninh Thủ đô's own domain; l06: Tuổi Trẻ's lead credit
    assert table.lookup("BÁO BIÊN PHÒNG") == table.lookup("bienphong.com.vn") == "Báo Biên phòng"
    assert table.lookup("anninhthudo.vn") == "An ninh Thủ đô"
    assert table.credits["tto"] == "Tuổi Trẻ"
