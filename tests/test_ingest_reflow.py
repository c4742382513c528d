"""Hard-wrapped text (wire copy, mail) joined back into lines: headlines, names and
datelines whole again; text that is not wrapped is left exactly as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from searchlib.ingest import extract_file
from searchlib.ingest.reflow import unwrap, wrap_width

HELDOUT6 = Path(__file__).parent / "fixtures" / "heldout6"


def test_wire_story_wrapped_at_74_columns() -> None:
    # heldout6/u24: Xinhua copy, the headline wrapped, a trailer of editor and timestamp
    text = (HELDOUT6 / "u24_xinhua_indonesia_densus88_arrests.txt").read_text(encoding="utf-8")
    assert wrap_width(text.split("\n")) == 74
    out = unwrap(text)
    assert out.startswith("Indonesia's counter-terrorism squad arrests 9 suspected militants ahead of Christmas\n\n")
    assert ("JAKARTA, Dec. 19 (Xinhua) -- Indonesia's elite counter-terrorism squad Densus 88 has arrested "
            "nine suspected militants in three provinces") in out
    assert out.endswith("Enditem\n\nEditor: Yang Yi\n2024-12-19 20:17:36\n")  # short lines stay apart


def test_extraction_of_a_wrapped_wire_story() -> None:
    article = extract_file(HELDOUT6 / "u24_xinhua_indonesia_densus88_arrests.txt").articles[0]
    assert article.title == "Indonesia's counter-terrorism squad arrests 9 suspected militants ahead of Christmas"
    assert article.date == dt.date(2024, 12, 19)  # the trailer's "2024-12-19 20:17:36"
    # heldout6/u31: a name cut by the wrap ("Dang Thi Kim" / "Oanh") is one name again
    article = extract_file(HELDOUT6 / "u31_reuters_lamdong_chairman_bribery.txt").articles[0]
    assert "Dang Thi Kim Oanh" in article.people and "Dang Thi Kim" not in article.people


def test_ragged_wrap_by_hand_is_joined_but_sentences_and_items_keep_their_lines() -> None:
    lines = ["HANOI, Oct 15 (Reuters) - Vietnamese police have arrested a",
             "former chairman of the southern central highlands province of",
             "Lam Dong on suspicion of taking bribes to approve land",
             "allocations for a resort developer, the ministry said.",
             "Police also arrested the chairwoman of the developer and four",
             "provincial officials on charges of giving and taking bribes",
             "", "- frozen: bank accounts of the suspects and a villa in Da Lat",
             "- seized: documents of the land allocation and the auction"] * 2
    out = unwrap("\n".join(lines)).split("\n")
    assert out[0] == ("HANOI, Oct 15 (Reuters) - Vietnamese police have arrested a former chairman of the southern "
                      "central highlands province of Lam Dong on suspicion of taking bribes to approve land "
                      "allocations for a resort developer, the ministry said.")
    assert out[1].startswith("Police also arrested") and out[1].endswith("giving and taking bribes")
    assert out[3] == "- frozen: bank accounts of the suspects and a villa in Da Lat"
    assert out[4] == "- seized: documents of the land allocation and the auction"
    assert out[5].startswith("HANOI, Oct 15")  # a dateline opens its own paragraph


@pytest.mark.parametrize("text", [
    # one paragraph per line, as text copied from a page
    "\n\n".join(["Công an tỉnh Quảng Trị vừa triệt phá đường dây vận chuyển ma túy từ Lào về Việt Nam, "
                 "thu giữ 20.000 viên ma túy tổng hợp và 2 bánh heroin."] * 12),
    # short lines: a menu and a list, never wrapped text
    "\n".join(["Trang chủ", "Thời sự", "Pháp luật", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao",
               "Công nghệ", "Sức khỏe", "Đời sống", "Du lịch", "Xe"]),
    # too few lines to judge
    "Vietnam arrests former provincial chairman in land\nbribery probe\n\nBy Reuters",
])
def test_text_that_is_not_hard_wrapped_is_unchanged(text: str) -> None:
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text


def test_seeds_and_corpus_are_not_wrapped() -> None:
    root = Path(__file__).parent.parent
    files = sorted((root / "corpus").glob("*.txt"))
    seeds = Path(__file__).parent.parent.parent / "shared" / "seeds"
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert unwrap(text) == text, path.name


def test_a_date_line_under_a_long_headline_is_not_joined_to_it(tmp_path: Path) -> None:
    # heldout13/m36: a Reuters story saved as text, its headline wider than the wrap
    text = ("Australian police charge four over heroin hidden in furniture from Vietnam\n12-Jun-2024 03:15 GMT\n\n"
            "By Renee Lachlan\n\n"
            + "\n".join(["SYDNEY, June 12 (Reuters) - Australian police have charged four",
                         "men after finding 186 kg (410 lb) of heroin hidden inside a",
                         "shipment of wooden furniture from Vietnam, in an investigation",
                         "carried out jointly with Vietnamese police that also led to",
                         "arrests in Ho Chi Minh City.", "",
                         "The heroin, with an estimated street value of A$70 million, was",
                         "found when border officers x-rayed a container of tables and",
                         "wardrobes at Port Botany in Sydney last month, police said in a",
                         "statement on Wednesday. Three of the men were arrested in Sydney",
                         "and a fourth in Melbourne.", ""]))
    path = tmp_path / "reuters.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = extract_file(path).articles
    assert article.title == "Australian police charge four over heroin hidden in furniture from Vietnam"
    assert article.date == dt.date(2024, 6, 12)
