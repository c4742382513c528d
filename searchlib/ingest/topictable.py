"""The topic taxonomy as a table: labels, aliases and the phrases that are evidence for each,
read from ``data/topics.json`` (and a user's extension) and compiled for matching.

The table says what words count; :mod:`searchlib.ingest.topics` decides, sentence by
sentence, whether they are evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from searchlib.ingest.resources import load_strings, load_table, user_table
from searchlib.ingest.trie import trie_pattern
from searchlib.textnorm import fold, fold_key, has_diacritics, normalize_text


@dataclass(frozen=True)
class Together:
    """A rule of evidence by co-occurrence: an action done with a partner ("working with the
    police of Cambodia"; "lừa đảo ... qua Zalo"), in a sentence naming an actor when
    ``actors`` is set. The partner is looked for up to ``window`` characters after the
    action, and also before it when ``before`` is set."""

    index: int
    actions: re.Pattern[str]
    partners: re.Pattern[str]
    actors: re.Pattern[str] | None = None
    window: int = 60
    before: bool = False
    #: Words that void the rule in a sentence ("citizens" handed over are sent home).
    unless: re.Pattern[str] | None = None
    #: Words right before an action that make it someone else's ("criminal gangs in
    #: cooperation with armed groups": the gangs work together, not the police).
    not_after: re.Pattern[str] | None = None
    #: The actions folded, lowercase: an article that has none of them (most articles, for
    #: most rules) skips the rule before any of its regexes runs (``TopicTable.literal_pattern``).
    literals: tuple[str, ...] = ()
    #: A weak rule counts only for a topic that has evidence of its own (suspects handed
    #: over abroad are a chase only when the article says some were wanted or had fled).
    weak: bool = False
    #: Partners must be foreign to the article: its own country named in its own press is
    #: no partner (a "joint crackdown" of South Korea's agencies in Yonhap).
    foreign: bool = False


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
    #: (phrase, label index) for forms the labelling guide settles as evidence by themselves
    #: ("fugitives hiding" in the other country): the learned decision may not drop them.
    settled: set[tuple[str, int]] = field(default_factory=set)
    #: Co-occurrence rules: a sentence where one holds is specific evidence for its topic.
    together: list[Together] = field(default_factory=list)
    #: (phrase, label index) -> the label it defers to: "fraud" is economic crime only in an
    #: article with no evidence of an online scam.
    defer: dict[tuple[str, int], int] = field(default_factory=dict)
    #: (phrase, label index) -> the label it yields to in a sentence with evidence of that
    #: label: drugs "smuggled" or "trafficked" are drug crime, not smuggling.
    yields: dict[tuple[str, int], int] = field(default_factory=dict)
    #: (label index, signal pattern, label indexes): in an article with evidence of the label
    #: where a signal occurs (an impersonation scam), mentions of the other labels are what
    #: the scammer claimed ("your account is linked to a drug ring"): no evidence.
    pretexts: list[tuple[int, re.Pattern[str], set[int]]] = field(default_factory=list)
    #: (label index, signal pattern, phrases): in an article where a signal occurs (wildlife),
    #: these words name another trade ("trafficking networks" of pangolin scales), so they
    #: are no evidence for the label.
    aside: list[tuple[int, re.Pattern[str], frozenset[str]]] = field(default_factory=list)
    #: (label index, pattern, measures): routine work with a partner ("joint patrols" counted in a border
    #: post's year); a sentence telling it is evidence for the label only beside evidence in
    #: another sentence or the headline.
    #: A ``measures`` entry is stricter: the sentence must tell nothing else of the label (a
    #: speaker's deportation figures, not "entered illegally ... and will be deported").
    routine: list[tuple[int, re.Pattern[str], bool]] = field(default_factory=list)
    #: Every co-occurrence rule's actions, folded, as one pattern tried at each position, and
    #: which rules a match shows may apply (those with an action it starts with): one scan of
    #: an article tells which rules to run.
    literal_pattern: re.Pattern[str] | None = None
    literal_rules: dict[str, frozenset[int]] = field(default_factory=dict)
    #: A country's key -> the partner words that name it ("korea", "korean", "knpa"): in an
    #: article from that country's press they name no foreign partner.
    countries: dict[str, frozenset[str]] = field(default_factory=dict)
    #: A place a wire's dateline names (folded: "sydney", "phnom penh") -> its country's name.
    places: dict[str, str] = field(default_factory=dict)

    def home_words(self, country: str | None) -> frozenset[str]:
        """The partner words (folded) naming ``country``, the home of an article's outlet."""
        return self.countries.get(_key(country), frozenset()) if country else frozenset()

    def dateline_country(self, body: str) -> str | None:
        """The country of the place a wire's dateline names ("SYDNEY, May 21 (Reuters) -" ->
        Australia): the home of a story from an outlet of no country's press."""
        match = _DATELINE.search(body[:600])  # the lead's, under a time line or two
        return self.places.get(" ".join(fold(match.group(1)).lower().split())) if match else None
    #: Police unit names, masked before matching: a unit's name is no evidence of its field.
    ignore_pattern: re.Pattern[str] | None = None


def load_topics(extra: Path | None = None) -> TopicTable:
    """The shipped taxonomy, extended by ``extra`` (``{"topics": [{"label": ..., "en": [...],
    "vi": [...], "aliases": [...]}]}``); an existing label gets the extra phrases."""
    if extra is None:
        return _default_table()
    return _build(load_table("topics.json", "topics", extra), load_strings("topics.json", "ignore", extra),
                  load_table("topics.json", "countries", extra, optional=True))


@lru_cache(maxsize=1)
def _default_table() -> TopicTable:
    extra = user_table("topics")
    return _build(load_table("topics.json", "topics", extra), load_strings("topics.json", "ignore", extra),
                  load_table("topics.json", "countries", extra, optional=True))


def _key(value: str) -> str:
    return " ".join(fold_key(value).replace("-", " ").replace("_", " ").split())


def _phrase(text: str) -> str:
    return " ".join(normalize_text(text).lower().replace("-", " ").split())


def _english_forms(phrase: str) -> list[str]:
    """An English phrase and its plurals (the last word may take "s" or "es")."""
    return [phrase, phrase + "s", phrase + "es"] if phrase[-1:].isalpha() else [phrase]


#: A wire's dateline opening the text: the place in capitals, then a comma or the credit
#: ("PHNOM PENH, Dec 3 (Xinhua) --", "BANGKOK (AP) —").
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z .'’-]{1,30}?)[ \t]*(?:,|\()", re.M)
#: First words of partner phrases that are no places ("vietnamese police", "royal thai police").
_NOT_PLACES = frozenset({"royal", "vietnamese", "korean", "myanmar", "afp", "federal", "australian"})


def _build(entries: list[dict], ignore: list[str] | None = None, countries: list[dict] | None = None) -> TopicTable:
    table = TopicTable()
    country_words: list[str] = []  # every country's partner words, for rules whose partners are countries
    for country in countries or []:
        if isinstance(country.get("name"), str):
            country_words += _strings(country.get("partners"))
            words = {fold(_phrase(w)) for w in _strings(country.get("partners"))}
            table.countries[_key(country["name"])] = table.countries.get(_key(country["name"]), frozenset()) | words
            for place in [*_strings(country.get("partners")), *_strings(country.get("cities"))]:
                if " " not in place or place.split()[0] not in _NOT_PLACES:
                    table.places.setdefault(" ".join(fold(place).lower().split()), country["name"])
    deferred_to: list[tuple[int, str, list[str]]] = []
    yielding: list[tuple[int, str, list[str]]] = []
    claimed: list[tuple[int, re.Pattern[str], list[str]]] = []
    for entry in entries:
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            continue
        label = _label(label)
        if label not in table.labels:
            table.labels.append(label)
        index = table.labels.index(label)
        for alias in [label] + [a for a in entry.get("aliases", []) if isinstance(a, str)]:
            table.keys.setdefault(_key(alias), label)
        phrases = [_phrase(p) for p in _strings(entry.get("vi"))]
        for phrase in (_phrase(p) for p in _strings(entry.get("en"))):
            phrases += _english_forms(phrase)
        # weak phrases only support, generic ones count half; title phrases count only in a headline
        for key, marked in (("weak", table.weak), ("generic", table.generic), ("title", table.title_only)):
            for word in (_phrase(p) for p in _strings(entry.get(key))):
                forms = _english_forms(word) if word.isascii() else [word]
                phrases += forms
                marked.update(forms)
                if has_diacritics(word):
                    table.folded.setdefault(fold(word), set()).add(index)
                    marked.add(fold(word))
        for word in (_phrase(p) for p in _strings(entry.get("settled"))):
            forms = _english_forms(word) if word.isascii() else [word]
            phrases += forms
            table.settled.update((form, index) for form in forms + [fold(word)])
            if has_diacritics(word):
                table.folded.setdefault(fold(word), set()).add(index)
        given_way = entry.get("yields")
        if isinstance(given_way, dict) and isinstance(given_way.get("label"), str):
            words = [_phrase(p) for p in _strings(given_way.get("phrases"))]
            yielding.append((index, _label(given_way["label"]), words))
        other_trade = entry.get("aside")
        if isinstance(other_trade, dict) and _strings(other_trade.get("signals")) and _strings(other_trade.get("phrases")):
            forms = {form for p in _strings(other_trade["phrases"]) for form in _english_forms(_phrase(p))}
            table.aside.append((index, _word_pattern(_strings(other_trade["signals"])), frozenset(forms)))
        for key, strict in (("routine", False), ("measures", True)):
            if _strings(entry.get(key)):
                routine = [form for p in _strings(entry[key]) for form in _english_forms(_phrase(p))]
                table.routine.append((index, _word_pattern(routine), strict))
        pretext = entry.get("pretexts")
        if isinstance(pretext, dict) and _strings(pretext.get("signals")) and _strings(pretext.get("topics")):
            claimed.append((index, _word_pattern(_strings(pretext["signals"])), _strings(pretext["topics"])))
        unless = entry.get("unless")
        if isinstance(unless, dict) and isinstance(unless.get("label"), str):
            words = [_phrase(p) for p in _strings(unless.get("generic"))]
            deferred_to.append((index, _label(unless["label"]), words))
        rules = entry.get("together")
        first: dict = {}
        for together in rules if isinstance(rules, list) else [rules]:
            if not isinstance(together, dict):
                continue
            # a later rule of the topic shares the first one's partners and actors unless it names its own
            together = {**{k: v for k, v in first.items() if k in ("partners", "actors")}, **together}
            if together.get("countries_are_partners") is True:  # the "countries" table's words, kept in one place
                together["partners"] = _strings(together.get("partners")) + country_words
            first = first or together
            actions = _strings(together.get("actions"))
            if actions and _strings(together.get("partners")):
                actors = _strings(together.get("actors"))
                unless_words = _strings(together.get("unless"))
                window = together.get("window", 60)
                table.together.append(Together(index, _word_pattern(actions),
                                               _word_pattern(_strings(together["partners"])),
                                               _word_pattern(actors) if actors else None,
                                               window if isinstance(window, int) and 0 < window <= 500 else 60,
                                               together.get("before") is True,
                                               _word_pattern(unless_words) if unless_words else None,
                                               _before_pattern(_strings(together.get("not_after"))),
                                               tuple(sorted({fold(_phrase(w)) for w in actions})),
                                               together.get("weak") is True, together.get("foreign") is True))
        for phrase in filter(None, phrases):
            table.phrases.setdefault(phrase, set()).add(index)
        for phrase in _strings(entry.get("vi")):
            if has_diacritics(phrase):  # undiacritised Vietnamese text
                table.folded.setdefault(fold(_phrase(phrase)), set()).add(index)
    for index, other, words in deferred_to:  # generic words counting only without the other topic
        if other in table.labels:
            for word in words:
                for form in _english_forms(word) if word.isascii() else [word]:
                    table.phrases.setdefault(form, set()).add(index)
                    table.generic.add(form)
                    table.defer[(form, index)] = table.labels.index(other)
    for index, signals, labels in claimed:
        others = {table.labels.index(label) for label in map(_label, labels) if label in table.labels}
        table.pretexts.append((index, signals, others))
    for index, other, words in yielding:
        if other in table.labels:
            for word in words:
                for form in _english_forms(word) if word.isascii() else [word, fold(word)]:
                    table.yields[(form, index)] = table.labels.index(other)
    owners: dict[str, set[int]] = {}  # an action's folded form -> the rules that have it
    for k, rule in enumerate(table.together):
        for literal in rule.literals:
            owners.setdefault(literal, set()).add(k)
    if owners:
        table.literal_pattern = re.compile("(?=(" + trie_pattern(owners, space=" ") + "))")
        # a match also shows every action it starts with ("joint task force" holds "joint")
        table.literal_rules = {found: frozenset().union(*(owners.get(found[:n], ()) for n in range(1, len(found) + 1)))
                               for found in owners}
    if table.phrases:
        table.pattern = re.compile(r"\b" + trie_pattern(table.phrases) + r"(?!\w)")
    if table.folded:
        table.folded_pattern = re.compile(r"\b" + trie_pattern(table.folded) + r"(?!\w)")
    masked = {" ".join(_phrase(p).replace(",", " ").split()) for p in ignore or []}
    masked |= {fold(p) for p in masked}
    if masked:
        # A comma in a unit name ("phòng, chống") may be written with or without a space, or
        # left out ("phong chong" in text typed without accents).
        table.ignore_pattern = re.compile(r"\b" + trie_pattern(masked, space=r"[ \t]*,?[ \t]*") + r"(?!\w)")
    return table


def _label(value: str) -> str:
    """A topic label as the table keys it: NFC, lowercase, single spaces."""
    return " ".join(normalize_text(value).lower().split())


def _strings(value: object) -> list[str]:
    """The non-blank strings of a table value that should be a list of strings (a user's
    table may hold anything: what is not a phrase is ignored)."""
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def _before_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Any of ``words`` ending at most a few words, and no comma, before where the search stops."""
    return re.compile(_word_pattern(words).pattern + r"[^,.;]{0,15}$") if words else None


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` (lowercase; Vietnamese ones also without accents) as whole words."""
    forms = {_phrase(w) for w in words if isinstance(w, str) and w.strip()}
    forms |= {fold(w) for w in forms if has_diacritics(w)}
    return re.compile(r"(?<!\w)" + trie_pattern(dict.fromkeys(forms)) + r"(?!\w)")


def canonical_topic(value: str, table: TopicTable | None = None) -> str | None:
    """The taxonomy label for ``value``: a label, a slug ("human-trafficking") or an alias,
    compared without case, accents or hyphens. ``None`` when it names no topic."""
    return (table or _default_table()).keys.get(_key(value))
