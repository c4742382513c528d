"""Metadata on the labelled press releases (tests/fixtures/labelled, heldout to heldout32):
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
#: Topics as two analysts labelled them blind, independently, by the written guide
#: (tests/fixtures/topic-labelling-guide.md); they agreed on 106 of 113 articles, two more
#: on 29 of heldout4's 30, two more on all 30 of heldout5, two more on 39 of heldout6's 40,
#: two more on all 40 of heldout7, two more on all 40 of heldout8, two more on 39 of heldout9's 40,
#: two more on all 40 of heldout10, two more on all 40 of heldout11, two more on all 40 of heldout12, two
#: more on all 40 of heldout13, two more on all 40 of heldout14, two more on all 40 of heldout15,
#: two more on all 40 of heldout16, two more on all 40 of heldout17, two more on all 40 of heldout18,
#: two more on all 40 of heldout19, two more on all 40 of heldout20, two more on 39 of heldout21's 40
#: two more on all 40 of heldout22, of heldout23, of heldout24 and of heldout25, two more
#: on 39 of heldout26's 40, two more on all 40 of heldout27, two more on 39 of heldout28's
#: 40 and of heldout29's 40, and two more on all 40 of heldout30, of heldout31 and of heldout32.
GUIDED = json.loads((FIXTURES / "topics_guided.json").read_text(encoding="utf-8"))["articles"]
#: Per-field floors on the development set: the rules were written while reading these 33.
#: Topics are lower since the learned decision (searchlib/ingest/topicmodel.py): it drops
#: topics the rules were fitted to give here (31 -> 27 of 33, 26 since it was retrained with
#: heldout6 and heldout7), and wins more on blind sets.
FLOORS = {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.78, "lang": 0.95}
#: Sets labelled blind by analysts who never saw the extractor (see bench/RESULTS.md,
#: Extraction), each measured once and then used to fix rules. The last three, blind, were
#: written from subjects and outlets no set before them had: heldout27 at b2441aa (date 92.5 %,
#: source 65.0 %, people 75.0 %, topics 72.5 %; 60.0 % by the rules alone), heldout28 at c7c8f8d
#: after heldout27's fixes (92.5 / 75.0 / 80.0 / 67.5 %; 75.0 % by the rules alone) and heldout29
#: at 2127f3c after heldout28's (97.5 / 57.5 / 67.5 / 70.0 %; 60.0 % by the rules alone), and
#: heldout30 at 1a53d34 after heldout29's (97.5 / 60.0 / 77.5 / 47.5 %; 45.0 % by the rules
#: alone), and heldout31 at fa2cdc1 after heldout30's (92.5 / 62.5 / 67.5 / 75.0 %; 77.5 % by
#: the rules alone; source 75.0 % with six outlet names settled), and heldout32 at 9213868 after
#: heldout31's and more general fixes (95.0 / 85.0 / 80.0 / 60.0 %; 52.5 % by the rules alone;
#: source 87.5 % with one outlet name settled). Floors sit just under today's figures so that a
#: change that loses ground fails here; the next blind set (heldout33) is the honest test.
BLIND_FLOORS = {
    "heldout": {"date": 0.95, "source": 0.95, "people": 0.85, "topics": 0.84, "lang": 0.95},
    "heldout2": {"date": 0.90, "source": 0.90, "people": 0.75, "topics": 0.90, "lang": 0.95},
    "heldout3": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.75, "lang": 0.95},
    "heldout4": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.85, "lang": 0.95},
    "heldout5": {"date": 0.90, "source": 0.95, "people": 0.90, "topics": 0.65, "lang": 0.95},
    "heldout6": {"date": 0.95, "source": 0.90, "people": 0.95, "topics": 0.80, "lang": 0.95},
    "heldout7": {"date": 0.90, "source": 0.95, "people": 0.95, "topics": 0.85, "lang": 0.95},
    "heldout8": {"date": 0.95, "source": 0.95, "people": 0.90, "topics": 0.80, "lang": 0.95},
    "heldout9": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout10": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout11": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.85, "lang": 0.95},
    "heldout12": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout13": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout14": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.87, "lang": 0.95},
    "heldout15": {"date": 0.95, "source": 0.90, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout16": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.85, "lang": 0.95},
    "heldout17": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout18": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout19": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout20": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout21": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout22": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout23": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.95, "lang": 0.95},
    "heldout24": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.80, "lang": 0.95},
    "heldout25": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.90, "lang": 0.95},
    "heldout26": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.85, "lang": 0.95},
    "heldout27": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.80, "lang": 0.95},
    "heldout28": {"date": 0.95, "source": 0.90, "people": 0.95, "topics": 0.70, "lang": 0.95},
    "heldout29": {"date": 0.95, "source": 0.85, "people": 0.90, "topics": 0.70, "lang": 0.95},
    "heldout30": {"date": 0.95, "source": 0.95, "people": 0.95, "topics": 0.55, "lang": 0.95},
    "heldout31": {"date": 0.95, "source": 0.90, "people": 0.95, "topics": 0.75, "lang": 0.95},
    "heldout32": {"date": 0.95, "source": 0.95, "people": 0.90, "topics": 0.75, "lang": 0.95},
}


def fields(path: Path) -> dict[str, object]:
    (article,) = extract_file(path).articles
    return {"date": article.date.isoformat() if article.date else None, "source": article.source,
            "people": sorted(article.people), "topics": sorted(article.topics), "lang": article.lang}


def expected(label: dict, key: str) -> dict[str, object]:
    """The labels of the article at ``key`` (``set/file``), topics from the guided labelling."""
    return {"date": label["date"], "source": label["source"], "people": sorted(label["people"]),
            "topics": sorted(GUIDED[key]["topics"]), "lang": label["lang"]}


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
    want = {name: expected(label, f"labelled/{name}")[field] for name, label in LABELS.items()}
    hits = [name for name in LABELS if extracted[name][field] == want[name]]
    misses = {name: (extracted[name][field], want[name]) for name in LABELS if name not in hits}
    assert len(hits) / len(LABELS) >= FLOORS[field], misses


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_set_accuracy_floor(name: str) -> None:
    folder = FIXTURES / name
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["articles"]
    assert len(labels) >= 24 and all((folder / file).is_file() for file in labels)
    got = {file: fields(folder / file) for file in labels}
    for field, floor in BLIND_FLOORS[name].items():
        want = {f: expected(label, f"{name}/{f}")[field] for f, label in labels.items()}
        misses = {f: (got[f][field], want[f]) for f in labels if got[f][field] != want[f]}
        assert 1 - len(misses) / len(labels) >= floor, (field, misses)


def test_guided_topic_labels_cover_every_labelled_article() -> None:
    keys = {f"{folder}/{name}" for folder in ("labelled", *BLIND_FLOORS)
            for name in json.loads((FIXTURES / folder / "labels.json").read_text(encoding="utf-8"))["articles"]}
    assert keys == set(GUIDED)
    agreed = sum(entry["a"] == entry["b"] for entry in GUIDED.values())
    assert agreed / len(GUIDED) >= 0.9  # the guide makes the judgment repeatable


@pytest.mark.parametrize("name", sorted(n for n in LABELS if LABELS[n]["lang"] == "vi"))
def test_vietnamese_articles_are_vietnamese_and_dated_as_labelled(extracted: dict, name: str) -> None:
    assert extracted[name]["lang"] == "vi"
    assert extracted[name]["date"] == LABELS[name]["date"]


def test_spellings_of_one_person_are_one_value(extracted: dict) -> None:
    # "General TÔ LÂM", "Gen. Tô Lâm", "General To Lam" and "Lam" are one person.
    assert extracted["t16_en_allcaps_names.txt"]["people"] == ["Tô Lâm", "Vilay Lakhamphong"]


# --- topics on real articles nobody on the team wrote --------------------------------------

def _topic_sample():
    import sys

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import topic_sample

    return topic_sample


#: Exact-topic-set floors on bench/topic_sample.py's halves (tune: rules were changed while
#: reading its misses; test: only measured). Most of these 200 articles have no topic.
REAL_FLOORS = {"tune": 0.90, "test": 0.92}
#: The second sample (crime and police stories, most with a topic), a tuning set.
REAL2_FLOOR = 0.65


def test_real_topic_labels_cover_the_sample_and_come_from_three_analysts() -> None:
    labels = json.loads((FIXTURES / "topics_real.json").read_text(encoding="utf-8"))["articles"]
    assert len(labels) == 200
    for key, label in labels.items():
        assert len(label["labels"]) == 3, key
        votes = [t for given in label["labels"].values() for t in given]
        assert sorted(label["topics"]) == sorted({t for t in votes if votes.count(t) >= 2}), key
    topic_sample = _topic_sample()
    if topic_sample.available():
        assert {a.key for a in topic_sample.sample()} == set(labels)


@pytest.mark.parametrize("half", sorted(REAL_FLOORS))
def test_real_articles_topic_floor(half: str) -> None:
    topic_sample = _topic_sample()
    if not topic_sample.available():
        pytest.skip(f"the real-article sample is drawn from {topic_sample.DATA}, which is absent")
    from searchlib.ingest import extract_text

    labels = json.loads((FIXTURES / "topics_real.json").read_text(encoding="utf-8"))["articles"]
    articles = [a for a in topic_sample.sample() if a.half == half]
    misses = {}
    for a in articles:
        got = sorted(extract_text(a.text, title=a.title, date=a.date, path=a.key).topics)
        if got != labels[a.key]["topics"]:
            misses[a.key] = (got, labels[a.key]["topics"])
    assert 1 - len(misses) / len(articles) >= REAL_FLOORS[half], misses


def test_second_real_sample_labels_come_from_two_analysts_and_a_third_where_they_differ() -> None:
    labels = json.loads((FIXTURES / "topics_real2.json").read_text(encoding="utf-8"))["articles"]
    assert len(labels) >= 140
    for key, label in labels.items():
        given = list(label["labels"].values())
        assert len(given) == (2 if given[0] == given[1] else 3), key
        votes = [t for topics in given for t in topics]
        assert sorted(label["topics"]) == sorted({t for t in votes if votes.count(t) >= 2}), key
    topic_sample = _topic_sample()
    if topic_sample.available():
        assert {a.key for a in topic_sample.sample2()} == set(labels)
        assert not set(labels) & {a.key for a in topic_sample.sample()}


def test_second_real_sample_topic_floor() -> None:
    topic_sample = _topic_sample()
    if not topic_sample.available():
        pytest.skip(f"the real-article sample is drawn from {topic_sample.DATA}, which is absent")
    from searchlib.ingest import extract_text

    labels = json.loads((FIXTURES / "topics_real2.json").read_text(encoding="utf-8"))["articles"]
    articles = topic_sample.sample2()
    misses = {a.key: got for a in articles
              if (got := sorted(extract_text(a.text, title=a.title, date=a.date, path=a.key).topics))
              != labels[a.key]["topics"]}
    assert 1 - len(misses) / len(articles) >= REAL2_FLOOR, misses
