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

from searchlib.ingest.resources import load_strings, load_table, user_table
from searchlib.ingest.trie import trie_pattern
from searchlib.textnorm import fold, fold_key, has_diacritics, normalize_text

TITLE_WEIGHT = 3
MIN_SCORE = 1.0
#: A sentence naming more topics than this is a laundry list: each mention counts half.
LIST_SIZE = 3
_SENTENCE_END = re.compile(r"[.!?…;]\s|\n")
#: Words joining the items of an enumeration ("A, B and C", "A hoặc B").
_CONJUNCTIONS = r"(?:and|or|as well as|và|hoặc|cùng|va|hoac)"
#: A mention followed by a conjunction, or by a comma with a conjunction later in the
#: sentence; "and to hold", "và sẽ" join clauses, not items.
_LIST_AFTER = re.compile(r"\s*(?:/|" + _CONJUNCTIONS + r"\b(?!\s+(?:to|will|would|sẽ|se)\b)|,[^.!?;\n]{0,80}?\b"
                         + _CONJUNCTIONS + r"\b)")
#: A conjunction later in the same sentence.
_CONJUNCTION_LATER = re.compile(r"[^.!?;\n]{0,80}?\b" + _CONJUNCTIONS + r"\b")
#: A mention preceded by a conjunction or a comma (a later item of a list).
_LIST_BEFORE = re.compile(r"(?:/|,|\b" + _CONJUNCTIONS + r")\s*$")
#: Lists written with commas only ("truy bắt tội phạm truy nã, tội phạm ma túy, lừa đảo."):
#: a mention with an item after it and another after that, or with two before it.
_COMMA_LIST = re.compile(r"\s*,[^,.!?;\n]{1,30},")
_COMMA_LIST_BEFORE = re.compile(r",[^,.!?;\n]{1,30},\s*$")
#: What may stand between two items of a list.
_JOINER = re.compile(r"\s*(?:,|/|,?\s*" + _CONJUNCTIONS + r")\s*")
#: A mention naming what someone is wanted for, charged with or convicted of ("wanted for
#: fraud, drug trafficking and murder", "bị truy nã về tội ..."): the charge sheet of a
#: fugitive or a defendant, not what the article is about. Up to 60 characters may lie
#: between the verb and the mention (the other charges of the list).
_CHARGED = re.compile(r"(?:\b(?:wanted|charged|accused|convicted|sentenced|indicted|jailed|prosecuted|suspected)"
                      r"(?:\s+(?:him|her|them))?\s+(?:for|of|with|over)\b"
                      r"|\b(?:về|vì) (?:tội|hành vi)|\b(?:ve|vi) (?:toi|hanh vi)|\btội danh|\btoi danh"
                      r"|\bphạm (?:các |nhiều )?tội|\bpham (?:cac |nhieu )?toi|\bbị kết án|\bbi ket an)"
                      r"[^.!?;\n]{0,60}$")


@dataclass
class TopicTable:
    """Topic labels, their folded lookup keys, and every phrase (lowercase, hyphens as
    spaces) with the labels it is evidence for, compiled into one trie regex."""

    labels: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, set[int]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    folded: dict[str, set[int]] = field(default_factory=dict)  #: Vietnamese phrases without accents
    folded_pattern: re.Pattern[str] | None = None
    #: Phrases that name a place or an actor, not the crime ("border gate", "hotline"): they
    #: add to a topic that has evidence of its own, and are no evidence by themselves.
    weak: set[str] = field(default_factory=set)
    #: Broad words for the crime ("laundering", "lẩn trốn"): they count half.
    generic: set[str] = field(default_factory=set)
    #: Bare words for the work ("cooperation"): evidence only in a title.
    title_only: set[str] = field(default_factory=set)
    #: (label index, action pattern, partner pattern, actor pattern): a sentence with an action
    #: done with a partner, naming an actor of the field, is specific evidence ("working with
    #: the police of Cambodia", "phối hợp với lực lượng an ninh ... (Lào)").
    together: list[tuple[int, re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]] = \
        field(default_factory=list)
    #: Police unit names, masked before matching: a unit's name is no evidence of its field.
    ignore_pattern: re.Pattern[str] | None = None


def load_topics(extra: Path | None = None) -> TopicTable:
    """The shipped taxonomy, extended by ``extra`` (``{"topics": [{"label": ..., "en": [...],
    "vi": [...], "aliases": [...]}]}``); an existing label gets the extra phrases."""
    if extra is None:
        return _default_table()
    return _build(load_table("topics.json", "topics", extra), load_strings("topics.json", "ignore", extra))


@lru_cache(maxsize=1)
def _default_table() -> TopicTable:
    extra = user_table("topics")
    return _build(load_table("topics.json", "topics", extra), load_strings("topics.json", "ignore", extra))


def _key(value: str) -> str:
    return " ".join(fold_key(value).replace("-", " ").replace("_", " ").split())


def _phrase(text: str) -> str:
    return " ".join(normalize_text(text).lower().replace("-", " ").split())


def _english_forms(phrase: str) -> list[str]:
    """An English phrase and its plurals (the last word may take "s" or "es")."""
    return [phrase, phrase + "s", phrase + "es"] if phrase[-1:].isalpha() else [phrase]


def _build(entries: list[dict], ignore: list[str] | None = None) -> TopicTable:
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
            phrases += _english_forms(phrase)
        # weak phrases only support, generic ones count half; title phrases count only in a headline
        for key, marked in (("weak", table.weak), ("generic", table.generic), ("title", table.title_only)):
            for word in (_phrase(p) for p in entry.get(key, []) if isinstance(p, str)):
                forms = _english_forms(word) if word.isascii() else [word]
                phrases += forms
                marked.update(forms)
                if has_diacritics(word):
                    table.folded.setdefault(fold(word), set()).add(index)
                    marked.add(fold(word))
        together = entry.get("together")
        if isinstance(together, dict) and together.get("actions") and together.get("partners"):
            actors = together.get("actors")
            table.together.append((index, _word_pattern(together["actions"]), _word_pattern(together["partners"]),
                                   _word_pattern(actors) if actors else None))
        for phrase in filter(None, phrases):
            table.phrases.setdefault(phrase, set()).add(index)
        for phrase in entry.get("vi", []):
            if isinstance(phrase, str) and has_diacritics(phrase):  # undiacritised Vietnamese text
                table.folded.setdefault(fold(_phrase(phrase)), set()).add(index)
    if table.phrases:
        table.pattern = re.compile(r"\b" + trie_pattern(table.phrases) + r"(?!\w)")
    if table.folded:
        table.folded_pattern = re.compile(r"\b" + trie_pattern(table.folded) + r"(?!\w)")
    masked = {_phrase(p).replace(",", " ,") for p in ignore or []}
    masked |= {fold(p) for p in masked}
    if masked:
        # A comma in a unit name ("phòng, chống") may be written with or without a space.
        table.ignore_pattern = re.compile(r"\b" + trie_pattern(masked, space=r"[ \t]*").replace(r"\,", ",")
                                          + r"(?!\w)")
    return table


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` (lowercase; Vietnamese ones also without accents) as whole words."""
    forms = {_phrase(w) for w in words if isinstance(w, str) and w.strip()}
    forms |= {fold(w) for w in forms if has_diacritics(w)}
    return re.compile(r"(?<!\w)" + trie_pattern(dict.fromkeys(forms)) + r"(?!\w)")


def _mask(text: str, table: TopicTable) -> str:
    """``text`` with the unit names of the ignore list blanked out (same length)."""
    if table.ignore_pattern is None:
        return text
    return table.ignore_pattern.sub(lambda m: " " * len(m.group(0)), text)


def _in_enumeration(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is one item of an enumeration ("drug
    trafficking, human trafficking and the illegal crossing of people", "rửa tiền hoặc ...")."""
    if _LIST_AFTER.match(text, end) or _COMMA_LIST.match(text, end):
        return True
    if _COMMA_LIST_BEFORE.search(text, max(0, start - 100), start):
        return True
    if _LIST_BEFORE.search(text, max(0, start - 12), start):
        # after a comma only when another comma or a conjunction follows ("A, B, C", "A, B and C")
        before = text[max(0, start - 12):start].rstrip()
        return not before.endswith(",") or text[end:end + 2].lstrip().startswith(",") \
            or bool(_CONJUNCTION_LATER.match(text, end))
    return False


def _mentions(text: str, table: TopicTable, in_title: bool = False,
              folded: str | None = None) -> list[tuple[int, int, float, bool]]:
    """``(sentence number, label index, weight, passing)`` for each phrase found in ``text``
    (lowercase); ``weight`` is 1 for a specific phrase, 0.5 for a single or generic word
    ("scam", "narcotics", "laundering") and 0 for the name of a place or an actor;
    ``passing`` is True for an item of an enumeration or a charge someone is wanted for.

    Vietnamese phrases are also looked for in the folded text, so articles typed without
    accents are tagged too (a mention found both ways counts once per sentence anyway).
    """
    found: list[tuple[int, int, float, bool]] = []
    searches = [(table.pattern, table.phrases, text)]
    if table.folded_pattern is not None:
        searches.append((table.folded_pattern, table.folded, fold(text) if folded is None else folded))
    for pattern, phrases, haystack in searches:
        if pattern is None:
            continue
        ends = [m.start() for m in _SENTENCE_END.finditer(haystack)]
        matches = list(pattern.finditer(haystack.replace("-", " ")))
        # Two mentions joined by nothing but a comma or a conjunction are items of one list
        # ("buôn lậu, mua bán người."), however short the list.
        joined = {i for k in range(len(matches) - 1) for i in (k, k + 1)
                  if _JOINER.fullmatch(haystack, matches[k].end(), matches[k + 1].start())}
        for k, match in enumerate(matches):
            phrase = " ".join(match.group(0).split())
            if phrase in table.title_only and not in_title:
                continue
            sentence = bisect.bisect_left(ends, match.start())
            passing = (k in joined or bool(_CHARGED.search(haystack, max(0, match.start() - 90), match.start()))
                       or _in_enumeration(haystack, match.start(), match.end()))
            for index in phrases.get(phrase, ()):
                weight = 0.0 if phrase in table.weak else 0.5 if " " not in phrase or phrase in table.generic else 1.0
                found.append((sentence, index, weight, passing))
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


def _together(text: str, table: TopicTable, folded: str | None = None) -> list[tuple[int, int]]:
    """``(sentence number, label index)`` for each sentence of ``text`` holding both an action
    and a partner of a topic's ``together`` rule (numbered as :func:`_mentions` numbers them).
    Only sentences where an action occurs are looked at (most articles have few or none)."""
    if not table.together:
        return []
    folded_text = fold(text) if folded is None else folded  # same length: one character for one
    bounds = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    # Folding usually keeps every position, and every action is in the pattern folded too:
    # then the folded text shows each sentence where an action occurs. "ß" and "İ" move
    # positions: then every sentence is looked at.
    same_positions = len(folded_text) == len(text)
    found: list[tuple[int, int, int]] = []
    for rule, (index, actions, partners, actors) in enumerate(table.together):
        if same_positions:
            numbers = sorted({bisect.bisect_left(bounds, m.start()) for m in actions.finditer(folded_text)})
        else:
            numbers = range(len(bounds))
        for number in numbers:
            start = bounds[number - 1] + 1 if number else 0
            end = bounds[number]
            sentence = text[start:end + 1]
            folded_sentence = folded_text[start:end + 1]
            if actors is not None and not (actors.search(sentence) or actors.search(folded_sentence)):
                continue
            if _acts_with(sentence, actions, partners) or _acts_with(folded_sentence, actions, partners):
                found.append((number, rule, index))
    return [(number, index) for number, _rule, index in sorted(found)]


#: A pledge ("will continue to work with", "sẽ tiếp tục phối hợp") is no act yet.
_PLEDGE = re.compile(r"\b(?:will|would|shall|to continue to|sẽ|se|tiếp tục|tiep tuc)\b[^.;]{0,25}$")
#: Places whose names begin with a partner's ("Lào Cai" is a Vietnamese province).
_PARTNER_PLACES = re.compile(r"\b(?:lào cai|lao cai)\b")


def _acts_with(sentence: str, actions: re.Pattern[str], partners: re.Pattern[str]) -> bool:
    """Whether an action is followed, within a few words, by a partner it is done with
    ("phối hợp với lực lượng chức năng Lào", "handed over by the Thai police")."""
    sentence = _PARTNER_PLACES.sub(lambda m: " " * len(m.group(0)), sentence)
    for match in actions.finditer(sentence):
        if _PLEDGE.search(sentence, max(0, match.start() - 40), match.start()):
            continue
        if partners.search(sentence, match.start(), min(len(sentence), match.end() + 60)):
            return True
    return False


def detect_topics(title: str, body: str, table: TopicTable | None = None) -> list[str]:
    """Topic labels whose evidence reaches :data:`MIN_SCORE`, best first (then by label).

    A title mention scores :data:`TITLE_WEIGHT`. In the body each sentence counts once per
    topic: 1 for a specific phrase ("human trafficking", "mua bán người"), half for a single
    or generic word ("smuggling", "scam"), and half again when the mention is an item of a
    list or a charge sheet, or the sentence names more than :data:`LIST_SIZE` topics. So
    "drug crime, human trafficking and smuggling" tags nothing by itself. The name of a place
    or an actor ("border gate", "Bộ đội Biên phòng") counts half, and only for a topic with
    evidence of its own: the labelling guide says a name is no evidence.
    """
    table = table or _default_table()
    evidence: dict[int, float] = {}
    support: dict[int, float] = {}
    for _, index, weight, _passing in _mentions(_mask(title.lower().replace("-", " "), table), table, in_title=True):
        if weight:
            evidence[index] = evidence.get(index, 0) + TITLE_WEIGHT
        else:
            support[index] = support.get(index, 0) + 0.5
    per_sentence: dict[int, dict[int, float]] = {}
    text = _mask(body.lower().replace("-", " "), table)
    folded = fold(text)  # once, for both passes
    for sentence, index in _together(text, table, folded):
        per_sentence.setdefault(sentence, {})[index] = 1.0
    for sentence, index, weight, passing in _mentions(text, table, folded=folded):
        seen = per_sentence.setdefault(sentence, {})
        # a name is kept as -0.5 (support) unless the sentence has real evidence for the topic
        value = weight * (0.5 if passing else 1.0) if weight else -0.5
        old = seen.get(index)
        seen[index] = value if old is None else max(old, value) if value > 0 or old > 0 else old
    for topics_here in per_sentence.values():
        crowd = 0.5 if len(topics_here) > LIST_SIZE else 1.0
        for index, value in topics_here.items():
            if value > 0:
                evidence[index] = evidence.get(index, 0) + crowd * value
            else:
                support[index] = support.get(index, 0) - crowd * value
    ranked = sorted((-(score + support.get(index, 0)), table.labels[index]) for index, score in evidence.items()
                    if score + support.get(index, 0) >= MIN_SCORE)
    return [label for _, label in ranked]
