"""Topics: a fixed taxonomy of crime and cooperation themes, detected by keyword phrases.

The labels are facet values and ``--topic`` arguments, so they come from one table
(``data/topics.json``) with English and Vietnamese phrases for each. A topic needs real
evidence: one passing mention in a list ("drug-related crimes, human trafficking and
online fraud") is not enough.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from searchlib.ingest.resources import load_table, user_table
from searchlib.ingest.trie import trie_pattern
from searchlib.textnorm import fold_key, normalize_text

TITLE_WEIGHT = 3
MIN_SCORE = 2
_SENTENCE_END = re.compile(r"[.!?…;]\s|\n")


@dataclass
class TopicTable:
    """Topic labels, their folded lookup keys, and every phrase (lowercase, hyphens as
    spaces) with the labels it is evidence for, compiled into one trie regex."""

    labels: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, set[int]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None


def load_topics(extra: Path | None = None) -> TopicTable:
    """The shipped taxonomy, extended by ``extra`` (``{"topics": [{"label": ..., "en": [...],
    "vi": [...], "aliases": [...]}]}``); an existing label gets the extra phrases."""
    if extra is None:
        return _default_table()
    return _build(load_table("topics.json", "topics", extra))


@lru_cache(maxsize=1)
def _default_table() -> TopicTable:
    return _build(load_table("topics.json", "topics", user_table("topics")))


def _key(value: str) -> str:
    return " ".join(fold_key(value).replace("-", " ").replace("_", " ").split())


def _phrase(text: str) -> str:
    return " ".join(normalize_text(text).lower().replace("-", " ").split())


def _build(entries: list[dict]) -> TopicTable:
    table = TopicTable()
    for entry in entries:
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            continue
        label = " ".join(normalize_text(label).lower().split())
        if label not in table.labels:
            table.labels.append(label)
        index = table.labels.index(label)
        for alias in [label] + [a for a in entry.get("aliases", []) if isinstance(a, str)]:
            table.keys.setdefault(_key(alias), label)
        phrases = [_phrase(p) for p in entry.get("vi", []) if isinstance(p, str)]
        for phrase in (_phrase(p) for p in entry.get("en", []) if isinstance(p, str)):
            # English: the last word may take a plural ending.
            phrases += [phrase, phrase + "s", phrase + "es"] if phrase[-1:].isalpha() else [phrase]
        for phrase in filter(None, phrases):
            table.phrases.setdefault(phrase, set()).add(index)
    if table.phrases:
        table.pattern = re.compile(r"\b" + trie_pattern(table.phrases) + r"(?!\w)")
    return table


def _mentions(text: str, table: TopicTable) -> list[tuple[int, int]]:
    """``(sentence number, label index)`` for each phrase found in ``text`` (lowercase)."""
    if table.pattern is None:
        return []
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    found: list[tuple[int, int]] = []
    for match in table.pattern.finditer(text.replace("-", " ")):
        sentence = bisect.bisect_left(ends, match.start())
        for index in table.phrases.get(" ".join(match.group(0).split()), ()):
            found.append((sentence, index))
    return found


def __getattr__(name: str) -> tuple[str, ...]:
    """``TOPIC_LABELS``: the taxonomy's labels in table order (facet values and ``--topic``
    arguments), built on first use so that importing the ingester stays cheap."""
    if name == "TOPIC_LABELS":
        return tuple(_default_table().labels)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def canonical_topic(value: str, table: TopicTable | None = None) -> str | None:
    """The taxonomy label for ``value``: a label, a slug ("human-trafficking") or an alias,
    compared without case, accents or hyphens. ``None`` when it names no topic."""
    return (table or _default_table()).keys.get(_key(value))


def detect_topics(title: str, body: str, table: TopicTable | None = None) -> list[str]:
    """Topic labels whose score reaches :data:`MIN_SCORE`, best first (then by label).

    Each title occurrence scores :data:`TITLE_WEIGHT`; in the body each sentence that
    mentions the topic scores 1, so one list naming "illegal migration … illegal
    immigration" counts once.
    """
    table = table or _default_table()
    scores: dict[str, int] = {}
    for _, index in _mentions(title.lower(), table):
        label = table.labels[index]
        scores[label] = scores.get(label, 0) + TITLE_WEIGHT
    for _, index in set(_mentions(body.lower(), table)):  # once per sentence
        label = table.labels[index]
        scores[label] = scores.get(label, 0) + 1
    ranked = sorted((-score, label) for label, score in scores.items() if score >= MIN_SCORE)
    return [label for _, label in ranked]
