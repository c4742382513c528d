"""Forms first seen in heldout22: a paper's name and date on one line over the headline, a
translator's line under a wire's credit, ranks and units standing next to names, and a role
given by an agency's acronym."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchlib.ingest import extract_file
from searchlib.ingest.people import detect_people

_STORY = ("Cong an tinh Gia Lai vua bat giu doi tuong truy na dac biet nguy hiem Ksor Blui (SN 1980) sau 18 nam lan "
          "tron. Theo ho so, toi ngay 14-3-2006, Ksor Blui da dung dao dam anh Rmah Dec (SN 1983) tu vong.\n\n"
          "Cong an tinh se tiep tuc ra soat, truy bat cac doi tuong truy na con lan tron.\n")


def test_a_papers_name_and_its_date_on_one_line_date_the_story(tmp_path: Path) -> None:
    # heldout22/a39: the event of 2006 in the story is not the day the paper printed it
    (tmp_path / "a.txt").write_text("Bao Gia Lai - Thu Ba, 11/06/2024 09:40\nNguon: baogialai.com.vn\n\n"
                                    "Gia Lai: Bat doi tuong truy na sau 18 nam lan tron\n\n" + _STORY, encoding="utf-8")
    article = extract_file(tmp_path / "a.txt").articles[0]
    assert (article.date.isoformat(), article.source) == ("2024-06-11", "Báo Gia Lai")
    assert article.title == "Gia Lai: Bat doi tuong truy na sau 18 nam lan tron"


_PAGE = """<!DOCTYPE html><html><head><meta property="og:site_name" content="QDND - People's Army Newspaper Online">
<meta property="article:published_time" content="2024-12-10T14:22:18+07:00">
<title>Lao Cai border guards conduct joint patrol</title></head><body><article>
<h1>Lao Cai border guards, Chinese border management force conduct joint patrol</h1>
<p>The Lao Cai Provincial Border Guard Command and the Hekou Border Management Brigade of China's Yunnan province
conducted a joint patrol along the shared border and held talks on December 9 to review their cooperation.</p>
<p>During the patrol, officers and soldiers of the two forces checked the condition of the border markers and
disseminated the legal documents on border management to residents living near the border line.</p>
<p>Source: VNA</p>
{staff}</article></body></html>"""


@pytest.mark.parametrize("staff", ["<p>Translated by Tran Hoai</p>", "<p>Edited by Minh Anh</p>", ""])
def test_a_wires_credit_over_a_translators_line_names_the_source(tmp_path: Path, staff: str) -> None:
    # heldout22/a19: QĐND's English page of a VNA story
    (tmp_path / "a.html").write_text(_PAGE.format(staff=staff), encoding="utf-8")
    assert extract_file(tmp_path / "a.html").articles[0].source == "VNA"


@pytest.mark.parametrize("text, expected", [
    # heldout22/a19: a naval rank after the title is part of neither; a brigade is no one
    ("The programme was co-chaired by Vietnamese Defence Minister General Phan Van Giang and Chinese Defence "
     "Minister Admiral Dong Jun.", ["Phan Văn Giang", "Dong Jun"]),  # the gazetteer knows his accents
    ("Senior Colonel Li Jianguo, Commander of the Hekou Border Management Brigade, reviewed the agreement.",
     ["Li Jianguo"]),
    # heldout22/a33: a department named before the rank, a ministry's portfolio before the name
    ("They were found in Nongsa, said the Director of General Criminal Investigation of the Riau Islands Police, "
     "Senior Commissioner Ade Mulyana, on Tuesday.", ["Ade Mulyana"]),
    ("Minister of Migrant Workers Protection Abdul Kadir Karding, in a separate statement, urged migrant workers "
     "to use official channels.", ["Abdul Kadir Karding"]),
    # heldout22/a16: a role given with its agency's acronym
    ("\"Production has never been this high,\" said Masood Karimipour, UNODC regional representative for "
     "Southeast Asia and the Pacific.", ["Masood Karimipour"]),
])
def test_ranks_units_and_portfolios_beside_names(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


@pytest.mark.parametrize("value, day", [
    ("2025-09-04 11:36 JST", "2025-09-04"),  # heldout23/h12: a saved page's Date: header
    ("2019-11-18 17:19:53 GMT", "2019-11-18"),
    ("Dang luc: 11:05, 12/05/2026", "2026-05-12"),  # heldout23/h20: typed without accents
])
def test_dates_with_a_zone_or_an_unaccented_label(value: str, day: str) -> None:
    from searchlib.ingest.dates import parse_date

    assert parse_date(value).isoformat() == day


@pytest.mark.parametrize("text, expected", [
    # heldout23/h13: a Taiwanese name with its characters after a lowercase role
    ("Lee Cheng-hsiung (李正雄), chairman of Hongsheng Precision Co., general manager Chang Wei-lun (張維倫) and "
     "sales director Kuo Ming-che (郭明哲) arranged the shipment.", ["Lee Cheng-hsiung", "Chang Wei-lun", "Kuo Ming-che"]),
    # heldout23/h15: the head of a village named in lowercase words, then the name
    ("Head of Semanget village in Entikong, Yohanes Ajat, said residents welcomed the patrols.", ["Yohanes Ajat"]),
    # heldout23/h17: a ward's name after the chairman's title is no person
    ("Có mặt tại hiện trường, ông Trần Ngọc Sơn, Chủ tịch UBND phường Tây Nha Trang, đã thăm hỏi người dân.",
     ["Trần Ngọc Sơn"]),
    # heldout23/h18: "Chị" opening a sentence, then a Khmer name
    ("Chị Thạch Thị Sa Ly, ngụ xã Mỹ Xuyên, cho biết chị làm căn cước cho hai con.", ["Thạch Thị Sa Ly"]),
    # heldout23/h19: a Malaysian corporal
    ("Among them was Corporal Mohd Azrul Hakim Zainal of the Kelantan police contingent.", ["Mohd Azrul Hakim Zainal"]),
])
def test_names_after_characters_villages_wards_and_lower_ranks(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


def test_focus_taiwans_masthead_names_it_over_its_cna_credit(tmp_path: Path) -> None:
    # heldout23/h13: Taiwan's Central News Agency, not Singapore's CNA (Channel NewsAsia)
    text = ("Focus Taiwan\nCNA English News\nPolitics | Cross-Strait | Business | Society | Sports | About\n\nSociety\n\n"
            "3 indicted for illegally shipping chipmaking equipment to China via Malaysia\n\n08/13/2025 05:47 PM\n\n"
            "Taipei, Aug. 13 (CNA) Prosecutors in Hsinchu on Wednesday indicted three executives of a Taiwanese "
            "semiconductor equipment supplier for allegedly shipping restricted chipmaking tools to China.\n\n"
            "The three face up to five years in prison under the Foreign Trade Act, prosecutors said.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = extract_file(tmp_path / "a.txt").articles[0]
    assert (article.source, article.date.isoformat()) == ("Focus Taiwan", "2025-08-13")
