"""Metadata on the labelled press releases (tests/fixtures/labelled, heldout, heldout2):
date, source, people, topics and language against analysts' labels, field by field.

The labels were written from the text before the extractor was run on it and are never
adjusted to its output. ``bench/extraction.py`` prints the same accuracy with the misses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searchlib.ingest import extract_file

FIXTURES = Path(__file__).parent / "fixtures"
LABELLED = FIXTURES / "labelled"
LABELS = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))["articles"]
#: Per-field floors on the development set: the rules were written while reading these 33.
#: The one topic miss is a judgment call (organising illegal exit for scam compounds).
FLOORS = {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95}
#: Two sets labelled blind by analysts who never saw the extractor (see bench/RESULTS.md,
#: Extraction): "heldout" was measured once and then used to fix rules, "heldout2" is the
#: untouched test of generalisation. Floors sit just under today's figures so that a rule
#: change that loses ground on unseen text fails here.
BLIND_FLOORS = {
    "heldout": {"date": 0.95, "source": 0.95, "people": 0.85, "topics": 0.75, "lang": 0.95},
    "heldout2": {"date": 0.90, "source": 0.90, "people": 0.75, "topics": 0.80, "lang": 0.95},
    "heldout3": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.55, "lang": 0.95},
}


def fields(path: Path) -> dict[str, object]:
    (article,) = extract_file(path).articles
    return {"date": article.date.isoformat() if article.date else None, "source": article.source,
            "people": sorted(article.people), "topics": sorted(article.topics), "lang": article.lang}


def expected(label: dict) -> dict[str, object]:
    return {"date": label["date"], "source": label["source"], "people": sorted(label["people"]),
            "topics": sorted(label["topics"]), "lang": label["lang"]}


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict[str, object]]:
    return {name: fields(LABELLED / name) for name in LABELS}


def test_the_set_is_large_and_varied() -> None:
    assert len(LABELS) >= 30
    suffixes = {Path(name).suffix for name in LABELS}
    assert {".txt", ".html", ".md"} <= suffixes
    assert sum(label["lang"] == "vi" for label in LABELS.values()) >= 10
    assert all((LABELLED / name).is_file() for name in LABELS)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_floor(extracted: dict, field: str) -> None:
    hits = [name for name, label in LABELS.items() if extracted[name][field] == expected(label)[field]]
    misses = {name: (extracted[name][field], expected(LABELS[name])[field]) for name in LABELS if name not in hits}
    assert len(hits) / len(LABELS) >= FLOORS[field], misses


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_set_accuracy_floor(name: str) -> None:
    folder = FIXTURES / name
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["articles"]
    assert len(labels) >= 24 and all((folder / file).is_file() for file in labels)
    got = {file: fields(folder / file) for file in labels}
    for field, floor in BLIND_FLOORS[name].items():
        misses = {f: (got[f][field], expected(label)[field]) for f, label in labels.items()
                  if got[f][field] != expected(label)[field]}
        assert 1 - len(misses) / len(labels) >= floor, (field, misses)


@pytest.mark.parametrize("name", sorted(n for n in LABELS if LABELS[n]["lang"] == "vi"))
def test_vietnamese_articles_are_vietnamese_and_dated_as_labelled(extracted: dict, name: str) -> None:
    assert extracted[name]["lang"] == "vi"
    assert extracted[name]["date"] == LABELS[name]["date"]


def test_spellings_of_one_person_are_one_value(extracted: dict) -> None:
    # "General TÔ LÂM", "Gen. Tô Lâm", "General To Lam" and "Lam" are one person.
    assert extracted["t16_en_allcaps_names.txt"]["people"] == ["Tô Lâm", "Vilay Lakhamphong"]
