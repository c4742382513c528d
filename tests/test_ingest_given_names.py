"""Names with no title or role around them, found by a common given name (givennames.py).

The sentences are real: Reuters-21578 newswire and the extraction benchmark's pages, where
general news names people bare, and where firms, places and trophies carry given names too.
"""

from __future__ import annotations

import json

import pytest

from searchlib.ingest.credits import mask_credits
from searchlib.ingest.givennames import given_names
from searchlib.ingest.people import detect_people
from searchlib.ingest.resources import DATA_DIR


@pytest.mark.parametrize("text, expected", [
    ("Aaron Ramsey scored twice for Ryan Giggs' team, as country makes it back to a tournament where it made "
     "the semifinals in 2016.", ["Aaron Ramsey"]),  # the newswire writes "Ryan" as a family name: left out
    ("They also shouted their support for a demand that jailed black nationalist leader Nelson Mandela be "
     "released.", ["Nelson Mandela"]),
    ("As much as Joe Biden is still a front-runner, so are Elizabeth Warren, Pete Buttigieg and Bernie "
     "Sanders.", ["Joe Biden", "Elizabeth Warren", "Pete Buttigieg"]),  # "Bernie" is too rare in the census
    # a role or a body before the given name stays out of the name
    ("Assistant House Republican Leader Trent Lott of Mississippi, said he believed Reagan took the right "
     "measure.", ["Trent Lott"]),
    ("Let’s hope we see more of Epstein’s associates, from media figures such as Katie Couric, George "
     "Stephanopoulos, and Chelsea Handler.", ["Katie Couric", "George Stephanopoulos", "Chelsea Handler"]),
])
def test_a_bare_name_opening_with_a_common_given_name(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the person, not the firm
    ('"The terms put most of the risk on the shoulders of the manufacturers," said analyst Kevin Murphy of '
     "Morgan Stanley and Co.", ["Kevin Murphy"]),
    ("Then Marcel Granollers completed the comeback to give the hosts a 2-1 win over Russia in the inaugural "
     "Davis Cup Finals.", ["Marcel Granollers"]),
])
def test_the_person_and_not_the_firm_or_the_trophy(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


@pytest.mark.parametrize("text", [
    # firms and brands named after people
    "International Pharmaceutical Products Inc said Eli Lilly and Co has filed a patent infringement suit.",
    "Hutton Group Inc and Sears, Roebuck and Co Inc's Dean Witter Reynolds Inc unit.",
    "Lực lượng chức năng thu giữ 320 túi xách giả nhãn hiệu Louis Vuitton và Gucci.",
    # places, trophies, parties, products
    "No bid was posted for SRW wheat on the call session at the St. Louis Merchants Exchange today.",
    "The Latest on a deadly stabbing on a San Francisco Bay Area commuter train.",
    "The dispute is mainly between the Socialist Party and the majority Christian Democrats.",
    "growers by the Florida Citrus Mutual, a Lakeland group, and Barry Citrus Products.",
    "Residents of Virginia Beach were told to stay indoors.",
    # a headline in title case, a byline alone on its line
    "Mary Steenburgen Wrote a Song for Her Role",
    "Natasha Ong\n\nSINGAPORE: Police arrested 12 people in a joint operation.",
    # a given name that is also a word is not in the list: "Bill Clinton" needs a title or a role
    "Will Power won the race, and Grace Bank reported a loss.",
])
def test_no_person_where_a_given_name_opens_something_else(text: str) -> None:
    assert detect_people(text) == []


def test_a_korean_given_name_is_not_cut_from_its_family_name() -> None:
    assert "Hye Jin" not in detect_people("The winners were Jeong Hye Jin and Kim Cheol Hwan of Seoul.")


@pytest.mark.parametrize("text", [
    "Wednesday, 21 May 2025 16:47 WIB\nReporter: Dewi Kartika, Bayu Pratama\nEditor: Rudy Hartanto\n",
    "Translator: Bayu Pratama\nEditor: Rudy Hartanto\nCopyright © ANTARA 2025",
    "(By Wu Pei-chen and James Lo)\nEnditem/AW",
])
def test_staff_credits_name_no_one(text: str) -> None:
    assert detect_people(text) == []
    assert "Rudy" not in mask_credits(text) and "James Lo" not in mask_credits(text)


def test_the_shipped_list_holds_given_names_not_words_places_or_months() -> None:
    names = given_names()
    data = json.loads((DATA_DIR / "given_names.json").read_text(encoding="utf-8"))
    assert len(names) == len(data["names"]) > 1000 and "census" in data["about"].lower()
    assert {"john", "mary", "aaron", "alice", "jessica", "carlos", "maria", "omar"} <= names
    # common words, months, places and family names used alone, left out by the Reuters check
    assert names.isdisjoint({"will", "bill", "mark", "grant", "may", "june", "april", "dallas", "israel", "reagan"})
    assert all(name == name.lower() and name.isalpha() for name in names)


@pytest.mark.parametrize("text, expected", [
    # heldout26/i37 and heldout25/o21: Japanese names family name first in Vietnamese text
    ("Ông Tanaka Hiroshi, Giám đốc điều hành công ty, cho biết dữ liệu đã bị mã hóa.", ["Hiroshi Tanaka"]),
    ("Đại sứ Nhật Bản tại Việt Nam Ito Naoki đến chào xã giao.", ["Naoki Ito"]),
    ("Kenta Morioka, 41, a Japanese national, was among those deported.", ["Kenta Morioka"]),  # already given first
])
def test_japanese_names_are_shown_given_name_first(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # heldout26/i08: a magistrate's title
    ("The remand order was issued by Magistrate Nurul Ain Mohd Yusof on Tuesday.", ["Nurul Ain Mohd Yusof"]),
    # heldout26/i10: a region in apposition to a spokesperson is no person
    ("They were planning attacks on police stations in Central Java and East Java, a police spokesperson said "
     "on Thursday.", []),
])
def test_titles_and_regions_of_heldout26(text: str, expected: list[str]) -> None:
    assert detect_people(text) == expected
