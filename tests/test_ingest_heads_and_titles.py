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
