"""Faults an outside review found in the rules added for heldout24 and for people in real news
(2026-11-24), each with the sentence that showed it and the variant the rule was written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchlib.ingest import extract_file
from searchlib.ingest.clean import clean_body
from searchlib.ingest.people import detect_people
from searchlib.ingest.topics import detect_topics


def _rules(title: str, body: str) -> list[str]:
    return sorted(detect_topics(title, body, learned=False))


# --- topics ---------------------------------------------------------------------------------

def test_information_that_opens_a_sentence_is_no_data_sold_on() -> None:
    body = ("Theo thông tin ban đầu, nạn nhân bị bán sang Trung Quốc làm vợ với giá 50 triệu đồng.\n\n"
            "Công an đang điều tra.")
    assert "human trafficking" in _rules("Giải cứu thiếu nữ 16 tuổi ở Hà Giang", body)


def test_a_fake_officers_words_stay_a_scammers_claim() -> None:
    body = ("A man posing as a police officer called her by phone. The fake officer said she was under investigation "
            "in a drug trafficking case.\n\nShe transferred the money to scammers over the phone.")
    assert _rules("Retiree loses money", body) == ["online and telecom fraud"]


def test_a_sentence_with_people_sold_keeps_its_trafficking_under_a_drug_headline() -> None:
    body = ("Officers broke up a trafficking ring that had sold four young women to men in China.\n\n"
            "The heroin was seized.")
    assert _rules("Lao Cai police seize heroin, rescue women", body) == ["drug crime", "human trafficking"]


def test_in_the_act_of_is_no_law() -> None:
    body = ("Anti-trafficking officers caught the gang in the act of moving the women across the border.\n\n"
            "The women had been sold to brothels.")
    assert "human trafficking" in _rules("Gang caught", body)


def test_an_ambush_on_a_drug_courier_is_no_border_patrol() -> None:
    body = ("Tổ công tác phục kích tại khu vực đường mòn, bắt quả tang đối tượng vận chuyển 2 bánh heroin.\n\n"
            "Đối tượng khai nhận.")
    assert _rules("Bắt đối tượng vận chuyển heroin", body) == ["drug crime"]


# --- people ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Police raided the offices of Huione Pay, a partner of the group.",
    "The casino belongs to Prince Holding, the largest investor in Sihanoukville.",
    "The man was arrested on Monday, Tuoi Tre said.",
    "Hong Kong said it would act.",
    "Kuala Lumpur said it would act.",
    "Đồn trưởng Đồn Biên phòng Ia Krêl cho biết.",
    "Bí thư Huyện ủy Chư Prông cho biết.",
    "Giám đốc Sở Giao Thông Vận Tải Quảng Nam cho biết.",
])
def test_firms_papers_and_places_are_no_people(text: str) -> None:
    assert detect_people(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The plumes were rare, according to Megan Baldridge.", ["Megan Baldridge"]),
    ("But Steve Clarke said the team had played well.", ["Steve Clarke"]),
    ("Tổng thống Argentina Javier Milei nói.", ["Javier Milei"]),
    ("Thống đốc bang California Gavin Newsom nói.", ["Gavin Newsom"]),
    ("Tổng thống Hàn Quốc Yoon Suk Yeol nói.", ["Yoon Suk Yeol"]),
    ("Theo Dai ta Rah Lan Chung, tu dau nam den nay da bat 12 doi tuong.", ["Rah Lan Chung"]),
    ("Bukit Aman CID director Datuk Sri Mohd Shuhaily Mohd Zain said the case was solved.",
     ["Mohd Shuhaily Mohd Zain"]),
])
def test_names_the_review_found_cut_or_missed(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


def test_the_speaker_rule_reads_a_long_text() -> None:
    # the check for a longer name was a regex over the whole text per candidate (quadratic:
    # 3.8 s at 20,000 characters); it now looks up the runs already found
    assert detect_people("Steve Clarke said hi. " + "A" * 40000) == ["Steve Clarke"]


@pytest.mark.parametrize("last", ["Hà Nội", "Lâm Đồng", "Ho Chi Minh City"])
def test_a_place_closing_the_story_is_no_signature(last: str) -> None:
    assert clean_body(f"Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.\n\n{last}").byline is None


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("site, stamp, day", [
    ("Yonhap", "2025-07-21T15:30:00Z", "2025-07-22"),          # 00:30 in Seoul
    ("Khmer Times", "2025-07-21T15:30:00Z", "2025-07-21"),     # 22:30 in Phnom Penh
    ("Example Daily", "2025-07-21T23:48:05+00:00", "2025-07-21"),
])
def test_a_utc_stamp_takes_the_day_of_the_outlets_country(tmp_path: Path, site: str, stamp: str, day: str) -> None:
    page = (f'<html><head><title>Arrests - {site}</title><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{stamp}"></head><body><article>'
            "<h1>Police arrest ten suspects</h1><p>Police arrested ten suspects in a raid on Monday, officials said "
            "in a statement.</p><p>The suspects were taken to the station for questioning.</p></article></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert extract_file(tmp_path / "p.html").articles[0].date.isoformat() == day


def test_a_date_in_an_ordinary_headline_is_no_publication_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Truy tìm nghi phạm vụ cướp ngân hàng ngày 12/3/2019 vừa bị bắt\n\n"
                                    "Công an đã bắt được nghi phạm sau nhiều năm lẩn trốn.\n\nNghi phạm khai nhận.\n",
                                    encoding="utf-8")
    assert extract_file(tmp_path / "a.txt").articles[0].date is None


# --- heldout25 ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # o39: a bare age in brackets after each name of a list; a department's name after "Director of"
    ("Those arrested were Jake Thomas Wilson (34), an Australian citizen, Mykola Petrenko (29), a Ukrainian "
     "national, and Komang Sudarsana (41), a local man.", ["Jake Thomas Wilson", "Mykola Petrenko", "Komang Sudarsana"]),
    ("The Bali Police's Director of Narcotics Investigation, Senior Commissioner I Gede Ardana, said.",
     ["I Gede Ardana"]),
    ("Article 12 (34) of the law applies.", []),
    # o08: a Burmese honorific before a name, then a role
    ("U Min Naing, a local administrator in Myawaddy township, told Reuters by phone.", ["Min Naing"]),
    # o25: a border post named after its commune
    ("Thiếu tá Hoàng Văn Đông, Đồn trưởng Đồn Biên phòng Đàm Thủy cho biết.", ["Hoàng Văn Đông"]),
    # o07: a mausoleum named after a person is a place
    ("The delegation laid a wreath at the President Ho Chi Minh Mausoleum.", []),
])
def test_heldout25_names(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


@pytest.mark.parametrize("name, text, outlet", [
    # o15: the collector's tag; o28, o38: lead credits of Tiền Phong and Bảo vệ pháp luật
    ("star.txt", "[The Star] thestar.com.my/news/nation/2025/12/10/migrant-smuggling\ncollected 11/12/2025\n\n"
     "Migrant smuggling ring crippled\n\nPolice have crippled a syndicate that smuggled foreigners into the country.\n\n"
     "Six people were arrested.\n", "The Star"),
    ("tp.txt", "Triệt phá đường dây buôn lậu vàng\n\nThứ Năm, 04/12/2025 16:30\n\nTPO - Đường dây đã thuê người vận "
     "chuyển hơn 300 kg vàng từ Campuchia về Việt Nam.\n\nCông an tỉnh Tây Ninh cho biết đã khởi tố 9 bị can.\n",
     "Tiền Phong"),
    ("bvpl.txt", "Nâng cao hiệu quả truy tố tội rửa tiền\n\n10/06/2025 15:27\n\n(BVPL) - Ngày 10/6, tại Hà Nội, Viện "
     "kiểm sát nhân dân tối cao tổ chức hội thảo.\n\nCác đại biểu thảo luận về rửa tiền.\n", "Bảo vệ pháp luật"),
])
def test_heldout25_outlets(tmp_path: Path, name: str, text: str, outlet: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert extract_file(tmp_path / name).articles[0].source == outlet


def test_a_sites_name_with_its_description_is_the_outlet() -> None:
    from searchlib.ingest.sources import canonical_source

    # o25: og:site_name "VOV.VN - Báo điện tử Đài Tiếng nói Việt Nam"
    assert canonical_source("VOV.VN - Báo điện tử Đài Tiếng nói Việt Nam") == "VOV"
    assert canonical_source("Sports | Example Daily") == "Sports | Example Daily"


def test_a_posted_line_with_views_and_print_after_the_date(tmp_path: Path) -> None:
    # o37: "Posted: 18 December 2024 10:30 | Views: 412 | Print | Share" under the headline
    page = ('<html><head><title>Police review cooperation - KPL</title></head><body><div class="top">Friday 20 '
            'December 2024</div><h2 class="title">Police review cooperation</h2><div class="info">Posted: 18 '
            'December 2024 10:30 &nbsp;|&nbsp; Views: 412 &nbsp;|&nbsp; <a href="#">Print</a></div><div '
            'class="content"><p>(KPL) The police of two provinces agreed to step up the exchange of information.</p>'
            '<p>They coordinated in investigating 12 drug trafficking cases.</p></div></body></html>')
    (tmp_path / "kpl.html").write_text(page, encoding="utf-8")
    assert extract_file(tmp_path / "kpl.html").articles[0].date.isoformat() == "2024-12-18"


def test_a_call_centre_gang_with_mule_accounts_is_a_telecom_scam_and_an_office_name_no_laundering() -> None:
    # heldout25/o27
    body = ("Police arrested 27 people accused of supplying bank accounts and SIM cards to call-centre gangs operating "
            "from Myawaddy.\n\nThe gangs called victims while posing as officers of the Anti-Money Laundering Office, "
            "telling them that their bank accounts had been used by drug dealers.")
    topics = _rules("Police bust mule-account network linked to Myawaddy call centres", body)
    assert "online and telecom fraud" in topics and "economic crime" not in topics


def test_online_fraud_as_the_background_of_a_reminder_is_no_topic() -> None:
    # heldout25/o16: ID cards issued at home; "amid ever more online scams" officials remind people about OTPs
    body = ("Công an huyện cấp căn cước lưu động cho người cao tuổi tại nhà.\n\nTrong bối cảnh các hình thức lừa đảo "
            "qua mạng ngày càng nhiều, cán bộ cũng nhắc bà con không cung cấp mã OTP cho người lạ.")
    assert _rules("Cấp căn cước lưu động cho người dân vùng cao", body) == []


@pytest.mark.parametrize("title, body", [
    # heldout25/o27: information passed on by China's ministry, an investigation carried out with its police
    ("Police bust mule-account network",
     "Police arrested 27 people following an investigation carried out with Chinese police.\n\n"
     "The investigation began after China's Ministry of Public Security passed on information about Chinese victims."),
    # heldout25/o10: the channel between the police of two provinces facing each other across the border
    ("Giải cứu 3 thiếu nữ bị lừa bán sang Campuchia",
     "Đơn vị đã trao đổi thông tin, vị trí quán karaoke và hình ảnh các nạn nhân cho Cảnh sát tỉnh Takeo thông qua "
     "kênh hợp tác giữa Công an hai tỉnh giáp biên.\n\nCảnh sát Campuchia kiểm tra quán, giải cứu 3 em."),
])
def test_cooperation_told_by_what_passed_between_the_police(title: str, body: str) -> None:
    assert "law-enforcement cooperation" in sorted(detect_topics(title, body, learned=False, home="Thailand"
                                                                 if "Police" in title else "Vietnam"))
