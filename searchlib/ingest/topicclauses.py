"""Evidence that is only a clause of another story, by the labelling guide: routine work
counted once (a border post's joint patrols), a speaker's measures of a crackdown (deportation
figures), suspects sent home to be arrested, and the one crime of a case's list of charges,
which is the case itself. :mod:`searchlib.ingest.topics` weighs evidence; this module says
which of it is no more than such a clause, and which crime word is used in its everyday sense."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from searchlib.textnorm import fold

if TYPE_CHECKING:
    from searchlib.ingest.topicmentions import Mention
    from searchlib.ingest.topictable import TopicTable

#: Where a sentence ends (a line break ends one too: headlines, list items).
SENTENCE_END = re.compile(r"[.!?…;]\s|\n")


#: Suspects sent home and arrested there ("police arrested 13 Japanese men deported from
#: Cambodia", "13 Japanese deported from Cambodia arrested over phone scams"); not people
#: arrested where they are and to be sent out ("workers arrested in a raid to be deported from
#: Thailand").
_RETURNED = re.compile(r"\b(?:arrest|arrested|arrests|detained|charged)\b[^.!?\n]{0,60}\b(?<!be )(?<!being )deported\s+from\b"
                       r"|\b(?<!be )(?<!being )deported\s+from\s+[^.!?\n]{0,30}?\b(?:arrested|arrest|charged|detained)\b")


def returned(title: str, text: str, in_title: list[Mention], in_body: list[Mention], table: TopicTable,
              chase: int) -> tuple[list[Mention], list[Mention]]:
    """The mentions without "deported" where it tells how suspects came home to be arrested: a
    return to face charges, no illegal migration (the guide's returned suspects)."""
    if "deported from" not in title and "deported from" not in text:
        return in_title, in_body
    kept = []
    for mentions, words in ((in_title, title), (in_body, text)):
        ends = [m.start() for m in SENTENCE_END.finditer(words)]
        where = {bisect.bisect_left(ends, m.start()) for m in _RETURNED.finditer(words)}
        kept.append([m for m in mentions if m.sentence not in where or table.yields.get((m.phrase, m.index)) != chase])
    return kept[0], kept[1]


def routine_only(text: str, in_title: list[Mention], in_body: list[Mention], together: list[tuple[int, int, int]],
                  sentences: dict[int, dict[int, float]], table: TopicTable) -> list[int]:
    """The labels whose only evidence is one sentence telling routine work or a measure of
    another story, and nothing else of the label: a border post's joint patrols counted among
    its year's work are no cooperation story, a speaker's deportation figures in his account
    of a crackdown on scams no illegal-migration story (the labelling guide: one clause or a
    count is not; a story of the patrol or the deportations tells it in more sentences)."""
    found: list[int] = []
    ends: list[int] | None = None
    for index, pattern, strict in table.routine:
        # elsewhere, the label's name as half a point (an item of a list of crimes) tells nothing
        # more; the same routine or measure told again does ("deported" in two sentences)
        if not any(per.get(index, 0) > 0 for per in sentences.values()):
            continue
        again = {m.sentence for m in in_body if m.index == index and pattern.match(text, m.start)}
        evident = {n for n, per in sentences.items() if per.get(index, 0) > 0.5 or per.get(index, 0) > 0 and n in again}
        if not evident:
            continue
        ends = ends if ends is not None else [m.start() for m in SENTENCE_END.finditer(text)]
        # sentences joined by a semicolon are one ("phối hợp tuần tra song phương với ...; hai
        # bên đã tổ chức 6 đợt tuần tra song phương": one clause and its count)
        if len({_passage(n, ends, text) for n in evident}) != 1 \
                or any(m.index == index and m.weight > 0 for m in in_title):
            continue
        if strict and (any(m.index == index and m.sentence in evident and m.weight > 0
                               and not pattern.match(text, m.start) for m in in_body)
                       or any(t[0] in evident and t[1] == index and not pattern.match(text, t[2]) for t in together)):
            continue  # the sentence tells more of the label ("entered illegally ... deported")
        if evident <= {bisect.bisect_left(ends, m.start()) for m in pattern.finditer(text)}:
            found.append(index)
    return found


def _passage(n: int, ends: list[int], text: str) -> int:
    """The first sentence of the run of sentences joined by semicolons that holds sentence ``n``."""
    while n > 0 and n - 1 < len(ends) and text[ends[n - 1]] == ";":
        n -= 1
    return n


def charge_lists(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` where the one crime of the taxonomy in the list of charges of a case
    ("arrested and charged with grand theft and embezzlement") is the case itself, not a
    passing item: outside a chase article, what someone is charged with is the story."""
    topics_in: dict[int, set[int]] = {}
    for m in mentions:
        if m.weight > 0:
            topics_in.setdefault(m.sentence, set()).add(m.index)
    return [m._replace(passing=False) if m.listed and m.case and m.charged and topics_in.get(m.sentence) == {m.index} else m
            for m in mentions]


#: "khủng bố" as Vietnamese uses it for harassment: debt collectors "calling and texting to
#: terrorise" a borrower ("gọi điện, nhắn tin khủng bố"), "khủng bố tinh thần", or the word in
#: scare quotes ("\"khủng bố\" danh bạ người vay").
_HARASS_BEFORE = re.compile(r"(?:gọi điện|nhắn tin|tin nhắn|cuộc gọi|đòi nợ|goi dien|nhan tin|tin nhan|doi no)"
                            r"[^.;\n]{0,20}[\"“]?\s*$", re.I)
_HARASS_AFTER = re.compile(r"[\"”]?\s*(?:tinh thần|tinh than)\b", re.I)


#: What is smuggled when people are ("smuggling hundreds of Vietnamese migrants"): migrant
#: smuggling, which is illegal migration, not the smuggling of goods.
_PEOPLE_SMUGGLED = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:migrants?|people|persons|workers|refugees|"
                              r"asylum[ \t]+seekers|nationals|women|children)\b(?!['’]s)", re.I)
#: An agreement or ties between armed forces ("a memorandum of understanding on defense
#: cooperation"): no cooperation of the police.
_MILITARY_AFTER = re.compile(r"[ \t]+(?:on|for|in)[ \t]+(?:defen[cs]e|military|naval|maritime[ \t]+security)\b", re.I)


def figurative(text: str, start: int, end: int) -> bool:
    """Whether the crime word at ``text[start:end]`` is used in another sense than the
    topic's: "khủng bố" (terrorise) for a debt collector's calls, "smuggling" of migrants
    (illegal migration), a memorandum "on defense cooperation" between navies, the "hàng giả"
    (counterfeit goods) that "ngân hàng giả" (a fake bank) spells."""
    word = text[start:end].lower()
    if fold(word).startswith("hang gia") and fold(text[max(0, start - 5):start]).strip().lower() == "ngan":
        return True  # "ngân hàng giả mạo": a fake bank's app, no counterfeit goods ("hàng giả")
    if word.startswith("smuggl"):
        return bool(_PEOPLE_SMUGGLED.match(text, end))
    if word.startswith("memorand") or word == "cooperation":
        return bool(_MILITARY_AFTER.match(text, end))
    if fold(text[start:end]).lower() != "khung bo":
        return False
    if text[start - 1:start] in ("\"", "“") and text[end:end + 1] in ("\"", "”"):
        return True  # in scare quotes: the press never quotes the crime itself so
    return bool(_HARASS_BEFORE.search(text, max(0, start - 40), start) or _HARASS_AFTER.match(text, end))
