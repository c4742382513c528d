"""People named in an article: a gazetteer of known officials plus names after titles.

The ``people`` facet must hold one value per person whatever the spelling ("Lương Tam
Quang", "Luong Tam Quang", "LƯƠNG TAM QUANG"), and never a stray given name ("Lam said",
"Quang thanked Wang") or a photo credit. So only two things count as a mention: a known
name from ``data/people.json``, or 2–4 capitalised words right after a title ("Minister
of Public Security Lương Tam Quang", "Thứ trưởng Bộ Công an Nguyễn Văn Long").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from searchlib.ingest.backrefs import referred_back
from searchlib.ingest.captionnames import caption_names
from searchlib.ingest.credits import mask_credits
from searchlib.ingest.eastasiannames import given_name_first, japanese_caps_mentions, pronoun_surname_mentions
from searchlib.ingest.givennames import (
    foreign_accented, foreign_name_next, given_name_mentions, given_names, names_a_place_or_outlet,
)
from searchlib.ingest.namecontext import (
    BODY_WORDS, SPEAKER_AFTER, SPEAKER_BEFORE, SPEAKER_CLAUSE_END, SPEAKER_NAME,
    AGE_AFTER, AGED_BEFORE, AGED_NAME_END, ALIAS_AFTER, CHARACTERS_AFTER, CHARGED_AFTER, FIRM_BEFORE, HYPHENATED_GIVEN,
    LIST_AND, NAMED_BEFORE,
    PLACE_BEFORE, ROLE_AFTER, ROLE_BEFORE, ROLE_OF_BEFORE, SENTENCE_START, WHO_AFTER, blank_inserts, claimed_identity,
    named_after_title_is_no_one, with_stops,
)
from searchlib.ingest.laonames import SYLLABLE, lao_family_word, lao_syllables
from searchlib.ingest.namewords import (
    ABBREVIATIONS, BURMESE_HONORIFICS, BURMESE_NAME_WORDS, COMPASS, EAST_ASIAN_FAMILIES, FOREIGN_LEADING,
    FOREIGN_ONLY, HIGHLAND_FAMILIES, HIGHLAND_FIRST, HIGHLAND_PAIRS, LEADING,
    LOWERCASE_ONLY, MALAY_PARTS, MIDDLE_NAMES, NOT_NAMES, NOT_PERSON_AFTER, NOT_PERSON_BEFORE, PORTFOLIO, POST_NOMINALS,
    REJECT, REJECT_AFTER_FIRST, REJECT_PHRASES, SPORT_ROLES, SURNAMES, SURNAME_PLACES, TITLE_KIND, TITLE_OPENERS,
    UNACCENTED_ADDRESS, VI_DIRECT, VI_PERSONAL,
)
from searchlib.ingest.resources import load_table, user_table
from searchlib.ingest.streets import in_street_list, street_kind_before
from searchlib.ingest.trie import trie_pattern
from searchlib.textnorm import VIETNAMESE_LETTERS, fold, fold_key, has_diacritics, normalize_text, smart_title

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The title regex (matched on the lowercased text, same length; the word boundary
    before a title and the case of "ông"/"bà" are checked in Python) and the regex for
    runs of two or more capitalised words, the only places a known name can be.
    Compiled on first use: importing the ingester must stay cheap."""
    titles = re.compile(r"\b" + trie_pattern(TITLE_KIND) + r"(?![\w-])")
    runs = re.compile(rf"(?<!\w)[{_UPPER}][\w'’-]*(?:[ \t]+[{_UPPER}][\w'’-]*)+")
    return titles, runs


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(\.?)")
_ACRONYM = re.compile(r"[ \t]+\([A-Z]{2,8}\)(?=[ \t]+[A-Z])")


@dataclass
class Gazetteer:
    """Known people: folded key → canonical name, and the accented spellings that are theirs."""

    names: dict[str, str] = field(default_factory=dict)
    accented: dict[str, set[str]] = field(default_factory=dict)  # key -> lowercased spellings
    pattern: re.Pattern[str] | None = None

    def compatible(self, key: str, surface: str) -> bool:
        """A spelling without accents, or with exactly the known accents, names the same
        person; "Lường Cường" is somebody else than "Lương Cường"."""
        return not has_diacritics(surface) or surface.lower() in self.accented.get(key, set())


def load_people(extra: Path | None = None) -> Gazetteer:
    """The shipped gazetteer, extended by ``extra`` (``{"people": [{"name": ..., "aliases": [...]}]}``).

    An entry with ``"spelling_only": true`` is never looked for on its own, because its
    name is also a place ("Ho Chi Minh City"); it only gives the spelling of a name that
    another rule found ("late President Ho Chi Minh" → Hồ Chí Minh)."""
    if extra is None:
        return _default_gazetteer()
    return _build(load_table("people.json", "people", extra))


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return _build(load_table("people.json", "people", user_table("people")))


def _build(entries: list[dict]) -> Gazetteer:
    gaz = Gazetteer()
    matched: list[str] = []
    for entry in entries:
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        name = " ".join(normalize_text(name).split())
        for spelling in [name] + [a for a in entry.get("aliases", []) if isinstance(a, str)]:
            spelling = " ".join(normalize_text(spelling).split())
            key = fold_key(spelling)
            gaz.names[key] = name
            if not entry.get("spelling_only"):
                matched.append(key)
            if has_diacritics(spelling):
                gaz.accented.setdefault(key, set()).add(spelling.lower())
    if matched:
        keys = list(dict.fromkeys(matched))
        gaz.pattern = re.compile(r"\b" + trie_pattern(keys, space=" ") + r"(?!\w)")
    return gaz


def canonical_person(name: str, gazetteer: Gazetteer | None = None) -> str:
    """The display form of a given name: the gazetteer's spelling when known, else the
    name itself with capitals turned into title case."""
    gaz = gazetteer or _default_gazetteer()
    clean = " ".join(normalize_text(name).split())
    key = next((k for k in (fold_key(clean), fold_key(clean.rstrip("."))) if k in gaz.names), fold_key(clean))
    if key in gaz.names and gaz.compatible(key, clean):
        return gaz.names[key]
    return smart_title(clean)


def detect_people(text: str, gazetteer: Gazetteer | None = None, *, accents: str = "") -> list[str]:
    """Canonical names of the people mentioned in ``text``, in order of first appearance.

    ``accents`` is text of the same page that names no one of its own but may spell a name
    of ``text`` with its accents (a photo caption over a story typed without them)."""
    gaz = gazetteer or _default_gazetteer()
    text = mask_credits(text)  # photographers, bylines, a wire's reporters: no people of the story
    text = blank_inserts(text)  # "(Pol.)", a nickname in quotes; same length: positions stay
    # VnExpress's place glued to the lead: "Hà NộiBà Trần Thị Hồng Vân"
    text = _GLUED_ADDRESS.sub(lambda m: f"{m.group(1)}. " if m.group(1).islower() else m.group(1), text)
    runs = list(_patterns()[1].finditer(text))  # runs of capitalised words, shared by two rules
    # names whose order a rule settled ("MORITA Kenji" → Kenji Morita; "He Lifeng" as written):
    # their reversed spelling is not another person
    ordered_names = japanese_caps_mentions(text) + pronoun_surname_mentions(text)
    printed = {fold_key(" ".join(reversed(name.split()))) for _, name in ordered_names}
    aliases = _quoted_names(text)  # papers "in the name of" someone: not a person of the story
    untitled = [m for m in _bare_vietnamese_mentions(text, runs) + _appositive_mentions(text, runs)
                + referred_back(text, runs, _as_name) + given_name_mentions(text, runs, _as_name)
                + caption_names(text, accents)
                if fold_key(m[1]) not in aliases]
    mentions = with_stops(text, [m for m in _gazetteer_mentions(runs, gaz) + _titled_mentions(text) + untitled
                                 if fold_key(m[1]) not in printed] + ordered_names)
    # a scammer's claimed identity ("xưng là đại úy Lê Minh Quân") names no one of the story;
    # a known official impersonated ("posing as Minister To Lam") is still named
    claimed = {fold_key(name) for pos, name in mentions if claimed_identity(text, pos)} - gaz.names.keys()
    groups: dict[str, tuple[int, list[str]]] = {}
    for pos, surface in sorted(mentions):
        key = fold_key(surface.rstrip("."))  # "Marcos Jr." is the gazetteer's "Marcos Jr"
        if key in claimed:
            continue
        first, spellings = groups.setdefault(key, (pos, []))
        spellings.append(surface)
    # A shorter form inside a longer name of the same article ("Ahmad Fadzil" after "Ahmad
    # Fadzil Yusof") is the same person, referred back to.
    padded = {key: f" {key} " for key in groups}
    for key in [k for k in groups if any(k != other and padded[k] in padded[other] for other in groups)]:
        del groups[key]
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    folded_accents = fold(accents).lower()  # once per article, for every name that needs it
    if accents and len(folded_accents) == len(accents):
        for key, (_, spellings) in ordered:
            if key not in gaz.names and not any(map(has_diacritics, spellings)):
                spellings += _accented_spellings(key, accents, folded_accents)
    # a Japanese name printed family name first ("Tanaka Hiroshi") is shown given name first
    return list(dict.fromkeys(given_name_first(_display(key, spellings, gaz)) for key, (_, spellings) in ordered))


#: A Vietnamese form of address glued to the word before it, as copied VnExpress leads have it.
_GLUED_ADDRESS = re.compile(r"([^\W\d_])(?=(?:Bà|Ông|Anh|Chị|Cụ|Em|Bé|Cháu)[ \t][^\W\d_])")


def _accented_spellings(key: str, hint: str, folded: str) -> list[str]:
    """The spellings with accents of the folded name ``key`` in ``hint`` (``folded`` is
    ``hint`` folded and lowercased, of the same length), as whole words."""
    found = []
    for match in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
        surface = hint[match.start():match.end()]
        if has_diacritics(surface) and surface[0].isupper():
            found.append(surface)
    return found




_QUOTED = re.compile(r"[\"“]([^\"”\n]{5,40})[\"”]")


def _quoted_names(text: str) -> set[str]:
    """Folded keys of names written alone inside quotes: an alias or a false identity
    (giấy tờ mang tên "Nguyễn Văn Hải"), which names no one when it recurs untitled."""
    runs = _patterns()[1]
    return {fold_key(m.group(1)) for m in _QUOTED.finditer(text)
            if runs.fullmatch(m.group(1)) and 2 <= len(m.group(1).split()) <= 4}


def _display(key: str, spellings: list[str], gaz: Gazetteer) -> str:
    if key in gaz.names and any(gaz.compatible(key, s) for s in spellings):
        return gaz.names[key]
    best = max(spellings, key=lambda s: sum(1 for ch in s if has_diacritics(ch)))
    return smart_title(best)


def _same_length_lower(text: str) -> str:
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c.lower()[:1] or " " for c in text)


def _gazetteer_mentions(runs: list[re.Match[str]], gaz: Gazetteer) -> list[tuple[int, str]]:
    """Known names, looked for (folded) inside runs of capitalised words only."""
    if gaz.pattern is None:
        return []
    found: list[tuple[int, str]] = []
    for run in runs:
        words = run.group(0)
        folded = " ".join(fold(words).lower().split())
        original = " ".join(words.split())
        if len(folded) != len(original):
            continue
        for match in gaz.pattern.finditer(folded):
            surface = original[match.start():match.end()]
            if gaz.compatible(match.group(0), surface):
                found.append((run.start() + match.start(), surface))
    return found


def _titled_mentions(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    lowered = _same_length_lower(text)
    for match in _patterns()[0].finditer(lowered):
        at = match.start()
        kind = TITLE_KIND.get(" ".join(match.group(0).split()))
        if kind is None or at and lowered[at - 1] == "-":
            continue
        if kind == "direct" and text[at:match.end()] not in VI_DIRECT and not foreign_name_next(text, match.end()) \
                or match.group(0) in LOWERCASE_ONLY and not text[at].islower():
            continue
        # A role noun written in lowercase ("superintendent of the Chon Buri office") names
        # no one through "of the"; a capitalised title may ("Minister of Public Security To Lam").
        words, start = _words_after(text, match.end(), vietnamese=kind == "vi",
                                    direct=kind == "direct" or not text[at].isupper()
                                    or match.group(0) in SPORT_ROLES or match.group(0) in VI_PERSONAL)
        while kind == "en" and match.group(0).endswith("minister") and len(words) > 2 and words[0].lower() in PORTFOLIO:
            words, start = words[1:], text.index(words[1], start + len(words[0]))
        name = _as_name(words) if kind == "en" else _vietnamese_name(words)
        following = _NEXT_WORD.match(text, start + len(" ".join(words))) if kind == "en" and words else None
        if following and following.group(1) in NOT_PERSON_AFTER:
            continue  # "Director of the Nghe An provincial police": a place, then its body
        if name and not named_after_title_is_no_one(text, start, name, match.end()) \
                and not (match.group(0) in FOREIGN_ONLY and name.split()[0].lower() in SURNAMES) \
                and not (kind == "vi" and name.isupper() and not has_diacritics(name)):  # a headline in capitals, unaccented
            found.append((start, name))
    return found


def _words_after(text: str, pos: int, *, vietnamese: bool, direct: bool) -> tuple[list[str], int]:
    """The run of capitalised words after a title, with its start offset.

    English titles may be followed by "of (the)" before the run; Vietnamese titles by up
    to six lowercase or organisation words ("Bộ Công an"). Stops at punctuation.
    """
    run: list[str] = []
    start = pos
    skipped = 0
    while len(run) < 12:
        if run:  # an organisation's acronym in brackets before the name: "Agency (KNPA) Park Seung-hwan"
            acronym = _ACRONYM.match(text, pos)
            pos = acronym.end() if acronym else pos
        match = _NEXT_WORD.match(text, pos)
        if not match:
            break
        word, dot = match.group(1), match.group(2)
        pos = match.end()
        if word.endswith(("'s", "’s")):
            if word[0].isupper():
                run.append(word[:-2])
            break
        if not word[0].isupper():
            if run and word in ("and", "&") and all(w.lower() in PORTFOLIO for w in run):
                continue  # a portfolio of two ("Minister of Immigration and Corrections")
            if not run and not direct and (word in ("of", "the", "for", "to") or vietnamese and skipped < 6):
                skipped += 1
                continue
            if vietnamese and not direct and skipped < 6 and _vietnamese_name(run) is None:
                run, skipped = [], skipped + 1
                continue
            break
        if not run:
            start = match.start(1)
        if dot and word.lower() in ABBREVIATIONS:
            run.append(word)
            continue
        if dot and not run and len(word) == 1:  # an initial opening the name: "Minister K. Shanmugam"
            run.append(f"{word}.")
            continue
        run.append(word)
        if dot:
            break
    return run, start


#: Ranks that "Sen." (senior) may open.
_RANKS = frozenset({"lieut", "lt", "col", "gen", "maj", "capt", "lieutenant", "colonel", "general", "captain"})


def _strip_leading(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) and words[i].lower() in LEADING and " ".join(words[i:i + 2]).lower() not in HIGHLAND_PAIRS:
        if words[i] in UNACCENTED_ADDRESS and (i + 1 == len(words) or words[i + 1].lower() not in SURNAMES) \
                and (i + 2 >= len(words) or words[i + 2].lower() not in ("thi", "van")):
            break  # "Ong Tran Van Binh", "Ba Mau Thi Lanh" are Mr Tran, Mrs Mau; "Ong Ye Kung" is Singapore's minister
        if words[i].lower() == "tan" and (i + 1 == len(words) or words[i + 1].lower() != "sri"):
            break  # "Tan Sri" is a Malaysian honorific; "Tan Wei Ming" is Mr Tan
        if words[i].lower() in ("sri", "wira") and (not i or words[i - 1].lower() not in ("tan", "seri", "datuk", "dato'", "dato")):
            break  # "Tan Sri", "Datuk Wira" are honorifics; "Sri Wahyuni" is a Javanese given name
        if words[i].lower() == "sen" and (i + 1 == len(words) or words[i + 1].lower() not in _RANKS):
            break  # "Sen. Lieut. Gen." is a rank; "Sen Sokha" is a Khmer name
        i += 1
    if len(words) - i >= 3 and words[i] in BURMESE_HONORIFICS \
            and all(word.lower() in BURMESE_NAME_WORDS for word in words[i + 1:]):
        i += 1  # "Ma Khin Thida", "U Kyaw Moe": an honorific, not part of the name ("Ko Wai Ming" is Mr Ko)
    return words[i:]


def _as_name(words: list[str]) -> str | None:
    """Accept 2–4 capitalised words that are not an organisation, place or date."""
    words = _strip_leading(words)
    while len(words) > 3 and words[-1].lower() in TITLE_OPENERS or len(words) > 2 and words[-1] in POST_NOMINALS:
        words = words[:-1]  # "... Chủ tịch" opens the next phrase; "Helen Ashworth KC": her rank at the bar
    if len(words) == 5 and not MALAY_PARTS.isdisjoint(w.lower() for w in words):
        return " ".join(words) if _as_name(words[:4]) else None  # "Wan Mohd Saifuddin Wan Ismail"
    if words and words[-1][-1] in "-‐–":  # "Trần Trung Chính- Chủ tịch"
        words = [*words[:-1], words[-1].rstrip("-‐–")]
    if not 2 <= len(words) <= 4:
        return None
    if words[0].lower() in COMPASS:
        return None  # a region ("East Java, a police spokesperson said"; "North Sumatra")
    if len(words[-1].rstrip(".")) == 1 or _INITIALS.fullmatch(words[-1]) and (
            words[-1].endswith(".") or has_diacritics(" ".join(words)) or fold(words[-2]).lower() in MIDDLE_NAMES):
        return None  # initials only ("Nguyễn Văn T.", "Nguyễn Thị Ph."): the press hides the person, and it names no one
    # "A" and "An" are articles in English, and names in Vietnamese ("Sùng A Páo", "Tô An Xô").
    # "Thai" is a nationality, and the given name Thái at the end of a Vietnamese name ("Pham Quoc Thai")
    vietnamese = len(words) >= 3 and words[0].lower() in SURNAMES
    if any((w.lower() in REJECT and not (w in ("A", "An") and 0 < i)
            and not (vietnamese and i == len(words) - 1 and fold(w).lower() == "thai")) or not w[0].isupper()
           or (i and w.lower() in REJECT_AFTER_FIRST) for i, w in enumerate(words)):
        return None
    name = " ".join(words)
    key = f" {fold_key(name)} "
    if any(f" {phrase} " in key for phrase in REJECT_PHRASES):  # whole words: "thanh pho" ≠ "Thanh Phong"
        return None
    if len(words) == 2 and key.strip() in SURNAME_PLACES:  # "Deputy Director of Ha Tinh provincial police"
        return None
    return name


#: A Vietnamese initial of two letters: no vowel, so no syllable ("Nguyễn Thị Ph."; "Kevin Ng" is a name).
_INITIALS = re.compile(r"(?:Ch|Gh|Gi|Kh|Ng|Nh|Ph|Th|Tr|Qu)\.?")


def _vietnamese_name(words: list[str]) -> str | None:
    """The name in the run of capitalised words after a Vietnamese title.

    A Vietnamese name starts at the first family name that does not start a place
    ("Thái Bình"); a foreign name is the last two words written without Vietnamese
    letters ("Thủ tướng Anh Boris Johnson", "Chủ tịch Real Madrid Florentino Perez").
    """
    named = _start_at_surname(words)
    if len(named) >= 2:
        return _as_name(named[:4])
    # a family name outside the table ("Thượng tá Lộc Văn Dũng", Tày): three Vietnamese
    # syllables with accents, a common middle name second
    if len(words) >= 3 and fold(words[1]).lower() in MIDDLE_NAMES and has_diacritics(" ".join(words[:3])) \
            and fold(words[0]).lower() not in FOREIGN_LEADING and fold_key(" ".join(words[:2])) not in REJECT_PHRASES \
            and all(SYLLABLE.fullmatch(fold(word).lower()) for word in words[:4]):
        return _as_name(words[:4])
    # Ê Đê and Gia Rai names: a woman's "H'" ("H'Linh Niê"); a man's "Y" before a family name
    # of theirs ("Y Bih Niê"; "Y tế" is health)
    highland = words[:3]
    if len(highland) >= 2 and (highland[0][:2] in ("H'", "H’")
                               or highland[0] == "Y" and highland[-1].lower() in HIGHLAND_FAMILIES):
        return _as_name(highland)
    if len(words) >= 3 and words[0] in ("Rơ", "Ro"):  # a Gia Rai family name of two words: "Rơ Châm Phiu"
        return _as_name(words[:3])
    lao = []
    for word in reversed(words):  # a Lao or Khmer name spelt by syllables: "Bun-thăn Phôm-ma-vông"
        if "-" not in word.strip("-"):
            break
        lao.insert(0, word)
    if len(lao) == 1 and lao[0].count("-") >= 2 and len(words) >= 2 and "-" not in words[-2]:
        lao.insert(0, words[-2])  # a given name of one word before the syllables: "Bunmi Phết-sạ-vẳn"
    if len(lao) >= 2:
        return _as_name(lao[-2:])
    run = words[1:] if words and words[0].lower() in FOREIGN_LEADING else words
    lao_name = lao_syllables(run, _as_name) or lao_family_word(run, _as_name)
    if lao_name:
        return lao_name
    tail: list[str] = []
    for word in reversed(words):
        if not VIETNAMESE_LETTERS.isdisjoint(word) and not foreign_accented(word) or (len(word) > 1 and word.isupper()):
            break
        tail.insert(0, word)
    tail = [w for w in tail if w.lower() not in FOREIGN_LEADING]
    if fold_key(" ".join(tail[-2:])) in SURNAME_PLACES:
        return None  # a province typed without accents ("Cong an tinh Cao Bang cho biet")
    if len(tail) >= 4 and tail[-4].lower() in BURMESE_NAME_WORDS:  # "Cố vấn Nhà nước Aung San Suu Kyi"
        return _as_name(tail[-4:])
    # three words when they open with an East Asian family name ("Choi Young Sam"), else two
    # ("Chủ tịch Real Madrid Florentino Perez", "Thống đốc bang California Gavin Newsom")
    # (or a Gia Rai family name of two words: "Rah Lan Chung")
    # ... or end with an Arabic family name ("Chủ tịch Interpol Ahmed Naser Al-Raisi")
    if len(tail) >= 3 and (tail[-3].lower() in EAST_ASIAN_FAMILIES or tail[-3].lower() in HIGHLAND_FIRST
                           or tail[-1][:3].lower() in ("al-", "el-")):
        return _as_name(tail[-3:]) or _as_name(tail[-2:])
    return _as_name(tail[-2:])



def _start_at_surname(words: list[str]) -> list[str]:
    """The words from the first Vietnamese family name that does not start a place on."""
    for i, word in enumerate(words):
        if i == 1 and (_foreign_given(words[0]) or words[0].lower() in EAST_ASIAN_FAMILIES
                       and VIETNAMESE_LETTERS.isdisjoint(" ".join(words[:3]))) \
                and not (len(words) >= 4 and fold(words[2]).lower() in MIDDLE_NAMES):
            # "HLV Park Hang Seo": a Korean name, though "Hang" is also a Vietnamese family name;
            # "Teller Tran Thi Kim Ngan": a role word, then a name with its middle name
            return []
        if word.lower() in SURNAMES and fold_key(" ".join(words[i:i + 2])) not in SURNAME_PLACES \
                and fold_key(" ".join(words[i:i + 3])) not in SURNAME_PLACES:
            return words[i:]
    return []


def _foreign_given(word: str) -> bool:
    """Whether ``word`` opening a run is a foreign name ("Park"), not a Vietnamese word ("Em")
    nor a title or place word."""
    low = word.lower()
    return VIETNAMESE_LETTERS.isdisjoint(low) and not SYLLABLE.fullmatch(low) and low not in LEADING \
        and low not in REJECT and not word.isupper()


def _bare_vietnamese_mentions(text: str, runs: list[re.Match[str]]) -> list[tuple[int, str]]:
    """Full Vietnamese names written without a title ("The suspect, Trần Minh Khôi, 47",
    "Lò Văn Thắng (SN 1985)", "On the first day, Senior Lieutenant Trần Thị Ngọc Ánh"):
    three or four capitalised words from a family name on, written with Vietnamese accents
    (unaccented runs are too often places, unless an age or a year of birth follows), and
    not the name of a street, school or city ("16 Lê Hồng Phong", "đường Trần Hưng Đạo")."""
    found: list[tuple[int, str]] = []
    for run in runs:
        all_words = run.group(0).split()
        words = _start_at_surname(all_words)
        addressed = [] if words else _addressed_highland_name(all_words)  # "Chị H'Ngơn Êban"
        words = words or addressed
        highland = bool(addressed) or _addressed_highland(all_words, words)
        if not 3 <= len(words) <= 4 and not highland:
            continue
        start = run.start() + run.group(0).index(words[0], len(" ".join(all_words[:len(all_words) - len(words)])))
        aged = bool(AGE_AFTER.match(text, run.end()))
        if not has_diacritics(" ".join(words)) and not aged and not highland and not _unaccented_name(text, run, words):
            continue
        line_start = max(text.rfind("\n", 0, start) + 1, start - 20)
        before = text[line_start:start].split()
        if before and (before[-1].lower().strip(",.") in NOT_PERSON_BEFORE or before[-1][-1:].isdigit()
                       or [w.lower() for w in before[-2:]] == ["biên", "phòng"]  # a border post ("Đồn Biên phòng Tống Lê Chân")
                       or len(before) >= 2 and before[-2][-1:].isdigit() and before[-1].istitle()
                       and len(before[-1]) <= 4):
            continue  # a street's address ("288 Bis Nguyễn Văn Cừ")
        if in_street_list(text, run.start(), run.end()) or street_kind_before(text, start) \
                or FIRM_BEFORE.search(text, max(0, start - 40), start):
            continue  # or a firm's name: "Công ty Luật Hà Thành Minh"
        after = text[run.end():run.end() + 20].split()
        if after and after[0].lower().strip(",.") in NOT_PERSON_AFTER:
            continue
        key = fold_key(" ".join(words))
        if any(key.startswith(place) for place in SURNAME_PLACES) or key.startswith(NOT_NAMES):
            continue
        name = _as_name(words)
        if name and " ".join(words).startswith(name):
            found.append((start, name))
    return found


def _addressed_highland(run_words: list[str], words: list[str]) -> bool:
    """Whether ``words`` is a Central Highlands name of two words after "Ong"/"Ba" (Mr/Mrs)
    typed without accents ("Ong Ksor Phot"): a family name of theirs, then the given name."""
    before = run_words[:len(run_words) - len(words)]
    return len(words) == 2 and before == run_words[:1] and fold(before[0]).lower() in ("ong", "ba") \
        and fold(words[0]).lower() in HIGHLAND_FAMILIES


def _addressed_highland_name(run_words: list[str]) -> list[str]:
    """The Ê Đê or Gia Rai name after a form of address ("Chị H'Ngơn Êban", "anh Y Bhiêr
    Niê"): a woman's "H'" and two words, or a man's "Y", a given name and a family name of
    theirs; empty when the run is not one."""
    if len(run_words) not in (3, 4) or fold(run_words[0]).lower() not in ("ong", "ba", "anh", "chi", "em", "co"):
        return []
    name = run_words[1:]
    if name[0][:2] in ("H'", "H’") and len(name) == 2 or \
            name[0] == "Y" and len(name) == 3 and name[-1].lower() in HIGHLAND_FAMILIES or \
            len(name) == 3 and " ".join(name[:2]).lower() in HIGHLAND_PAIRS:  # "anh Bo Bo Hùng", Raglai
        return name
    return []


#: Before an unaccented name: a street word (tai nut giao Ton That Thuyet - Duong Dinh Nghe),
#: compared in lowercase: "Duong" in a place's name is none.
#: An alias in quotes (doi ten thanh "Tran Van Son") is no one for every rule (_quoted_names).
_NOT_UNACCENTED_BEFORE = re.compile(r"\b(?:nut giao|giao lo|nga ba|nga tu|duong|pho|street|road)\b[^.!?\n]*$")


#: The last word of a body's English name, after which its head's name may follow directly.
_BODY_ENDS = frozenset("Committee Department Police Ministry Office Command Court Council Agency Bureau "
                       "Commission Authority Guard Procuracy Inspectorate Association Union Front Affairs Security".split())


def _unaccented_name(text: str, run: re.Match[str], words: list[str]) -> bool:
    """Whether ``words``, the whole capitalised ``run`` (or all of it after "Ong"/"Ba"), is
    a Vietnamese name printed without accents: family name, a common middle name,
    Vietnamese syllables only, and neither an alias in quotes nor a street."""
    before = run.group(0).split()[:-len(words)]
    # the whole run is the name, or "Ong"/"Ba" (Mr/Mrs) and the name, or an English role word
    # and the name ("Teller Tran Thi Kim Ngan noticed")
    english_role = len(before) == 1 and before[0].isalpha() and before[0].lower() not in REJECT \
        and VIETNAMESE_LETTERS.isdisjoint(before[0]) and not SYLLABLE.fullmatch(fold(before[0]).lower())
    # or the body whose title stands before it ("Chairman of the Da Nang People's Committee Ho Ky Minh")
    of_body = bool(before) and before[-1] in _BODY_ENDS and VIETNAMESE_LETTERS.isdisjoint(" ".join(before))
    if before and fold(" ".join(before)).lower() not in ("ong", "ba") and not english_role and not of_body \
            or len(words) not in (3, 4):
        return False
    folded = [fold(w).lower() for w in words]
    if folded[1] not in MIDDLE_NAMES or not all(SYLLABLE.fullmatch(w) for w in folded):
        return False
    # in lowercase: a street word, not a place named with it ("huyen Tuong Duong")
    return not _NOT_UNACCENTED_BEFORE.search(fold(text[max(0, run.start() - 60):run.start()]))


def _appositive_mentions(text: str, runs: list[re.Match[str]]) -> list[tuple[int, str]]:
    """Names of any origin introduced by what follows them: an age or a year of birth
    ("Bounmy Sengsouvanh, 38,"), a role in apposition ("Zhang Xiaolin, an official
    with ...", "Michael Collins, Australia's Ambassador") or an alias ("Chen Jianhua, known
    as ..."); or by a person described before them ("One of the suspects, Huang Weiming,")."""
    found: list[tuple[int, str]] = []
    longer = {" ".join(words[-2:]) for words in (_strip_leading(run.group(0).split()) for run in runs) if len(words) > 2}
    who = {run.start() for run in runs if WHO_AFTER.match(text, run.end())
           and not PLACE_BEFORE.search(text, max(0, run.start() - 30), run.start())}
    for k, run in enumerate(runs):
        # "..., who" after it, or after the next name of an "A and B" list
        relative = run.start() in who or k + 1 < len(runs) and runs[k + 1].start() in who \
            and bool(LIST_AND.fullmatch(text, run.end(), runs[k + 1].start()))
        described = text.startswith(",", run.end()) and ROLE_BEFORE.search(text, max(0, run.start() - 40),
                                                                             run.start())
        described = described or NAMED_BEFORE.search(text, max(0, run.start() - 30), run.start()) \
            or AGED_BEFORE.search(text, max(0, run.start() - 40), run.start()) and AGED_NAME_END.match(text, run.end()) \
            or text.startswith(",", run.end()) and ROLE_OF_BEFORE.search(text, max(0, run.start() - 120), run.start()) \
            and BODY_WORDS.isdisjoint(run.group(0).lower().split())  # "the owner of the Chicago Tribune, New York Daily News,"
        characters = CHARACTERS_AFTER.match(text, run.end()) and HYPHENATED_GIVEN.fullmatch(run.group(0).split()[-1])
        charged = CHARGED_AFTER.match(text, run.end()) and _charged_subject(text, run)
        if not (relative or AGE_AFTER.match(text, run.end()) or ROLE_AFTER.match(text, run.end()) or described
                or ALIAS_AFTER.match(text, run.end()) or characters or charged or _speaker(text, run, longer)):
            continue
        words = _strip_leading(run.group(0).split())
        name = _as_name(words) or lao_syllables(words, _as_name)  # "đối tượng Khăm Phon Xay Nha Vông (SN 1990)"
        if name:
            found.append((run.end() - len(name), name))
    return found


def _charged_subject(text: str, run: re.Match[str]) -> bool:
    """Whether the run opening a sentence before the charges someone faces is a person's name:
    a common given name first, no body's word ("Desmond Tan Wei Jie faces 12 charges"; not
    "Golden Harvest Trading was charged")."""
    words = run.group(0).split()
    return bool(SENTENCE_START.search(text, max(0, run.start() - 3), run.start())) and 2 <= len(words) <= 4 \
        and words[0].lower() in given_names() and BODY_WORDS.isdisjoint(w.lower() for w in words)


def _speaker(text: str, run: re.Match[str], longer: set[str]) -> bool:
    """Whether the run is a bare name of two plain words next to a verb of speech
    ("Steve Clarke said", "said Mark Quinlan."), not a body's or a place's name ("Sky News
    said", "Tuoi Tre said", "police in Mae Sot said") nor the end of a longer name written
    elsewhere (``longer``: "Kathleen Hawk Sawyer" ... "Hawk Sawyer told")."""
    after = SPEAKER_AFTER.match(text, run.end())
    if not (after or SPEAKER_CLAUSE_END.match(text, run.end())
            and SPEAKER_BEFORE.search(text, max(0, run.start() - 20), run.start())):
        return False
    name = " ".join(_strip_leading(run.group(0).split()))  # "But Steve Clarke said"
    if not SPEAKER_NAME.fullmatch(name) or not BODY_WORDS.isdisjoint(name.lower().split()) or name in longer:
        return False
    if run.group(0).startswith("The ") or text[max(0, run.start() - 4):run.start()].lower() == "the " \
            or after and PLACE_BEFORE.search(text, max(0, run.start() - 30), run.start()):
        return False
    folded = fold(name).lower()
    # Vietnamese syllables alone are a paper or a place here ("Tuoi Tre", "Long An", "Hong Kong")
    # nor a place the topic table knows, nor an outlet ("Kuala Lumpur said", "Al Jazeera said")
    return not all(SYLLABLE.fullmatch(word) for word in folded.split()) and not names_a_place_or_outlet(name)
