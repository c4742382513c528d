"""Topics: a fixed taxonomy of crime and cooperation themes, detected by keyword phrases.

The labels are facet values and ``--topic`` arguments, so they come from one table
(``data/topics.json``) with English and Vietnamese phrases for each. A topic needs real
evidence: one passing mention in a list ("drug-related crimes, human trafficking and
online fraud") is not enough.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import NamedTuple

from searchlib.ingest.enumerations import listed_with
from searchlib.ingest.lang import detect_language
from searchlib.ingest.topicclauses import SENTENCE_END, charge_lists, returned, routine_only
from searchlib.ingest.topicmentions import COURTESY, COURTESY_WORDS, HEDGE, Mention, find_mentions, mask_units
from searchlib.ingest.topicmodel import TopicModel, default_model, topic_features
from searchlib.ingest.topictable import Together, TopicTable, _default_table, _key, canonical_topic, load_topics
from searchlib.textnorm import fold, fold_aligned

__all__ = ["TopicTable", "Together", "canonical_topic", "detect_topics", "load_topics"]

TITLE_WEIGHT = 3
MIN_SCORE = 1.0
#: A sentence naming more topics than this is a laundry list: each mention counts half.
LIST_SIZE = 3
#: People as what a trafficking ring trades, in the sentence of an ambiguous "trafficking".
_PEOPLE_TRADED = re.compile(r"\b(?:women|girls|children|babies|infants|brides|victims|phụ nữ|trẻ em|thiếu nữ|cô gái|"
                            r"nạn nhân|trẻ sơ sinh)\b")


def __getattr__(name: str) -> tuple[str, ...]:
    """``TOPIC_LABELS``: the taxonomy's labels in table order (facet values and ``--topic``
    arguments), built on first use so that importing the ingester stays cheap."""
    if name == "TOPIC_LABELS":
        return tuple(_default_table().labels)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: ``(sentence number, label index, position)`` of the co-occurrences found.
_Found = list[tuple[int, int, int]]


def _together(text: str, table: TopicTable, folded: str | None = None,
              home: frozenset[str] = frozenset()) -> tuple[_Found, _Found]:
    """``(sentence number, label index, position)`` for each sentence of ``text`` holding both
    an action and a partner of a topic's ``together`` rule (numbered as :func:`find_mentions`
    numbers them; the position is the action's): for the rules that are not weak, then for
    the weak ones. For a rule whose partners must be foreign, one in ``home`` (the article's
    own country) is none.
    Only sentences where an action occurs are looked at (most articles have few or none)."""
    if not table.together:
        return [], []
    folded_text = fold_aligned(text) if folded is None else folded  # one character for one
    bounds = [m.start() for m in SENTENCE_END.finditer(text)] + [len(text)]
    # Every action is in the pattern folded too, so the folded text shows each sentence where
    # an action occurs.
    found: list[tuple[int, int, int, int]] = []
    # the rules one of whose actions occurs (a plain scan of the folded text, before any of
    # their regexes runs)
    may_apply: set[int] = set()
    if table.literal_pattern is not None:
        for match in table.literal_pattern.finditer(folded_text):
            may_apply |= table.literal_rules[match.group(1)]
    for number_of_rule, rule in enumerate(table.together):
        if rule.literals and number_of_rule not in may_apply:
            continue
        numbers = sorted({bisect.bisect_left(bounds, m.start()) for m in rule.actions.finditer(folded_text)})
        for number in numbers:
            start = bounds[number - 1] + 1 if number else 0
            end = bounds[number]
            sentence = text[start:end + 1]
            folded_sentence = folded_text[start:end + 1]
            if rule.actors is not None and not (rule.actors.search(sentence) or rule.actors.search(folded_sentence)):
                continue
            if rule.unless is not None and (rule.unless.search(sentence) or rule.unless.search(folded_sentence)):
                continue
            if not rule.partners.search(folded_sentence) and not rule.partners.search(sentence):
                continue  # no partner anywhere in the sentence: the common case, cheaply
            if any(word in folded_sentence for word in COURTESY_WORDS) \
                    and (COURTESY.search(sentence) or COURTESY.search(folded_sentence)):
                continue  # "thanked the Lao police for their cooperation" is courtesy
            own = home if rule.foreign else frozenset()
            at = _acts_with(sentence, rule, home=own)
            if at < 0:
                at = _acts_with(folded_sentence, rule, sentence, own)
            if at >= 0:
                found.append((number, number_of_rule, rule.index, start + at))
    found.sort()
    return ([(number, index, at) for number, k, index, at in found if not table.together[k].weak],
            [(number, index, at) for number, k, index, at in found if table.together[k].weak])


#: A pledge ("will continue to work with", "sẽ tiếp tục phối hợp") is no act yet.
_PLEDGE = re.compile(r"\b(?:will|would|shall|to continue to|sẽ|se|tiếp tục|tiep tuc)\b[^.;]{0,25}$")
_PLEDGE_VI = re.compile(r"\b(?:sẽ|se|tiếp tục|tiep tuc)\b[^.;]{0,80}$")
#: Places whose names hold a partner's ("Lào Cai" is a Vietnamese province; an
#: "international border gate" is no international partner), and embassies: a country's
#: diplomats are no police partner ("worked with the Vietnamese Embassy to confirm").
_PARTNER_PLACES = re.compile(r"\b(?:lào cai|lao cai|(?:cửa khẩu|sân bay|cảng|cảng hàng không|nhà ga) quốc tế"
                             r"|(?:cua khau|san bay|cang|cang hang khong|nha ga) quoc te"
                             r"|international (?:border gate|airport|checkpoint|port|terminal)"
                             r"|[a-z]+(?: [a-z]+)? (?:embassy|embassies|consulate)|(?:đại sứ quán|lãnh sự quán) [^\W\d_]+)\b")


def _acts_with(sentence: str, rule: Together, original: str | None = None, home: frozenset[str] = frozenset()) -> int:
    """Where an action is followed, within a few words, by a partner it is done with
    ("phối hợp với lực lượng chức năng Lào", "handed over by the Thai police"), or preceded
    by one when the rule allows it; -1 when none is. For a folded ``sentence``, ``original``
    is the text it was folded from: a match counts only where that is typed without accents
    ("bị lửa" folds to "bi lua", which is not "bị lừa")."""
    sentence = _PARTNER_PLACES.sub(lambda m: " " * len(m.group(0)), sentence)

    def typed(match: re.Match[str]) -> bool:
        return original is None or original[match.start():match.end()] == match.group(0)

    for match in rule.actions.finditer(sentence):
        if not typed(match) or _pledged(sentence, match.start()) \
                or HEDGE.search(sentence, max(0, match.start() - 120), match.start()) \
                or (rule.not_after is not None and rule.not_after.search(sentence, max(0, match.start() - 60),
                                                                          match.start())):
            continue
        start = max(0, match.start() - rule.window) if rule.before else match.start()
        end = min(len(sentence), match.end() + rule.window)
        if any(typed(partner) and (not home or fold(partner.group(0)) not in home)
               for partner in rule.partners.finditer(sentence, start, end)):
            return match.start()
    return -1


def _pledged(sentence: str, at: int) -> bool:
    """Whether the act at ``at`` is a pledge: English within a few words ("will continue to
    work with"), Vietnamese also over a list of measures ("sẽ tiếp tục tăng cường tuần tra,
    kiểm soát ..., phối hợp với")."""
    return bool(_PLEDGE.search(sentence, max(0, at - 40), at) or _PLEDGE_VI.search(sentence, max(0, at - 90), at))


def detect_topics(title: str, body: str, table: TopicTable | None = None, model: TopicModel | None = None,
                  *, learned: bool = True, home: str | None = None) -> list[str]:
    """Topic labels of an article, best evidence first (then by label).

    The rules below find and weigh the evidence, and a topic whose evidence reaches
    :data:`MIN_SCORE` is proposed; the learned model (:mod:`searchlib.ingest.topicmodel`,
    ``model`` or the shipped one) then keeps it or not. It never adds a topic, so a passing
    mention is still no topic. ``learned=False`` gives the rules' proposal alone.

    A title mention scores :data:`TITLE_WEIGHT`. In the body each sentence counts once per
    topic: 1 for a specific phrase ("human trafficking", "mua bán người"), half for a single
    or generic word ("smuggling", "scam"), and half again when the mention is an item of a
    list or a pretext, or the sentence names more than :data:`LIST_SIZE` topics; a charge
    sheet in the body counts nothing, in a headline half. So "drug crime, human trafficking and smuggling" tags nothing by itself. The name
    of a place or an actor ("border gate", "Bộ đội Biên phòng") counts half, and only for a
    topic with evidence of its own: the labelling guide says a name is no evidence.

    Two readings depend on the rest of the article, as the guide's do: what someone is
    charged with is a charge sheet only in an article about a chase or an extradition ("wanted
    for fraud"); in a story about the arrest itself ("arrested for fraud") it is the story.
    And a deferred word ("fraud") counts for its topic only when the topic it defers to (an
    online scam) has no evidence.

    ``home`` is the country of the article's outlet ("Korea" for Yonhap): in its own press a
    country is no foreign partner, so "a joint crackdown" in South Korea is domestic work; ""
    is no country's. Left out, an article in Vietnamese is taken to be from Vietnam's press.
    An outlet of no country's press (a wire) reports from the country its dateline names.
    """
    table = table or _default_table()
    found = _evidence(title, body, table, table.home_words(press_home(title, body, table, home)))
    kept = {table.labels[index] for index, score in found.scores.items() if score >= MIN_SCORE}
    if learned and kept:
        # the rules propose, the model disposes: it may drop a topic, never add one, and
        # never one that a form the guide settles supports
        model = model or default_model()
        features = topic_features(found, table.labels, MIN_SCORE, LIST_SIZE)
        chances = {label: model.probability(label, features[label]) for label in kept}
        settled = {table.labels[m.index] for m in found.in_body
                   if m.weight >= 1 and not m.passing and not m.charged and (m.phrase, m.index) in table.settled}
        kept = {label for label, chance in chances.items()
                if chance is None or chance >= model.threshold(label) or label in settled}
    scores = {table.labels[index]: score for index, score in found.scores.items()}
    return sorted(kept, key=lambda label: (-scores.get(label, 0.0), label))


def press_home(title: str, body: str, table: TopicTable, home: str | None = None) -> str | None:
    """The country whose press an article is from, as :func:`detect_topics` reads it: ``home``
    when given, Vietnam for Vietnamese text, else for a wire's story the country its dateline
    names ("SYDNEY, May 21 (Reuters) -")."""
    if home is None and detect_language(f"{title}\n{body}") == "vi":
        home = "Vietnam"
    return home or table.dateline_country(body) or home


class Evidence(NamedTuple):
    """What :func:`detect_topics` found in an article: the mentions of the title and of the
    body that count, the co-occurrence rules met, what each sentence counts, each topic's
    score and whether the article is about a chase (so charge sheets pass)."""

    in_title: list[Mention]
    in_body: list[Mention]
    together: list[tuple[int, int, int]]
    #: what each body sentence counts for each topic it names (see :func:`_per_sentence`)
    sentences: dict[int, dict[int, float]]
    scores: dict[int, float]
    charges_pass: bool


def _evidence(title: str, body: str, table: TopicTable, home: frozenset[str] = frozenset()) -> Evidence:
    """The evidence for each topic of ``table`` in an article from the press of ``home``."""
    body = _unwrap(body)
    title_text = mask_units(title.lower().replace("-", " "), table)
    in_title = find_mentions(title_text, table, in_title=True)
    # a headline telling the act with its partner ("Laos hands over three fugitives") names it
    title_together, title_weak = _together(title_text, table, home=home)
    in_title += [Mention(-1, index, 1.0, False, start=at) for _n, index, at in title_together]
    text = mask_units(body.lower().replace("-", " "), table)
    folded = fold_aligned(text)  # once, for both passes; positions as in text
    together, weak = _together(text, table, folded, home=home)
    in_body = find_mentions(text, table, folded=folded)
    # a weak rule counts only for a topic with evidence of its own ("suspects handed over to
    # China" are a chase when the article says some were wanted or had fled)
    own = {m.index for m in in_title + in_body if m.weight > 0} | {index for _n, index, _at in together}
    in_title += [Mention(-1, index, 1.0, False, start=at) for _n, index, at in title_weak if index in own]
    together = sorted(together + [t for t in weak if t[1] in own])
    in_body, items = listed_with(text, in_body, together)
    in_title = _yield(in_title, [], table)
    # the headline's topic takes an ambiguous word of the body too ("trafficking networks" in a
    # course on drug control)
    headline = {m.index for m in in_title if m.weight > 0}
    peopled: set[int] = set()
    if any(table.yields.get((m.phrase, m.index)) in headline for m in in_body):  # the sentences of people traded
        ends = [m.start() for m in SENTENCE_END.finditer(text)]
        peopled = {bisect.bisect_left(ends, m.start()) for m in _PEOPLE_TRADED.finditer(text)}
    in_body = _yield(in_body, together, table, headline=headline, keep=peopled)
    for index, signals, phrases in table.aside:  # "trafficking" in a story of pangolin scales
        if signals.search(title_text) or signals.search(text):
            in_title = [m for m in in_title if m.index != index or m.phrase not in phrases]
            in_body = [m for m in in_body if m.index != index or m.phrase not in phrases]
    chase = _index_of(table, "fugitives and extradition")
    in_title, in_body = returned(title_text, text, in_title, in_body, table, chase)
    scores = _scores(in_title, _per_sentence(in_body, together, True, items), charges_pass=True)
    charges_pass = scores.get(chase, 0) >= MIN_SCORE
    if charges_pass:
        # After the wanted people of a sentence, crimes joined to them ("including", "trong
        # đó có") are what they are wanted for ("handed over 23 wanted Koreans, among them
        # leaders of phone-scam rings").
        exempt = {chase, _index_of(table, "cooperation")}
        wanted: dict[int, int] = {}
        for m in in_body:
            if m.index == chase and m.weight >= 1:
                wanted[m.sentence] = min(wanted.get(m.sentence, m.start), m.start)
        in_body = [m._replace(charged=True) if m.index not in exempt and _wanted_for(text, wanted.get(m.sentence), m.start)
                   else m for m in in_body]
        together = [t for t in together if t[1] in exempt or not _wanted_for(text, wanted.get(t[0]), t[2])]
        # in a chase, "deported" is how the wanted were sent home, not illegal migration
        in_title = [m for m in in_title if table.yields.get((m.phrase, m.index)) != chase]
        in_body = [m for m in in_body if table.yields.get((m.phrase, m.index)) != chase]
    deferred = {m.defer for m in in_title + in_body if m.defer is not None}
    dropped = {index for index in deferred if scores.get(index, 0) >= MIN_SCORE}
    claimed, where = _claims(title.lower(), text, in_body, together, scores, table)
    in_title = [m for m in in_title if m.defer not in dropped and not (m.index in claimed and -1 in where)]
    # a form the guide settles as evidence ("criminals who have fled") is nobody's pretext
    in_body = [m for m in in_body if m.defer not in dropped
               and not (m.index in claimed and m.sentence in where and (m.phrase, m.index) not in table.settled)]
    if not charges_pass:
        in_body = charge_lists(in_body)
    sentences = _per_sentence(in_body, together, charges_pass, items)
    for index in routine_only(text, in_title, in_body, together, sentences, table):
        in_body = [m for m in in_body if m.index != index or m.weight <= 0]
        together = [t for t in together if t[1] != index]
        sentences = _per_sentence(in_body, together, charges_pass, items)
    return Evidence(in_title, in_body, together, sentences, _scores(in_title, sentences, charges_pass), charges_pass)


def _index_of(table: TopicTable, name: str) -> int:
    """The index of the topic ``name`` (a label or an alias) names; -1 when none (a user's
    table may lack it)."""
    label = table.keys.get(_key(name))
    return table.labels.index(label) if label is not None else -1


#: Characters that end a line which ends a sentence (or a quotation).
_LINE_END = tuple(".!?:;…\"”)")


def _unwrap(body: str) -> str:
    """``body`` with the line breaks of hard-wrapped text made spaces, so that a sentence
    is one sentence: newswire wraps its lines at about 65 characters. A line that does not
    end a sentence continues when the next one starts in lowercase, or, in text where most
    lines are as long as wrapped lines, when it is one; paragraph breaks and headings stay."""
    if "\n" not in body:
        return body
    lines = body.split("\n")
    filled = [line for line in lines if line.strip()]
    wrapped = sum(55 <= len(line.rstrip()) <= 80 for line in filled) * 2 > len(filled)
    out: list[list[str]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        last = previous.rstrip()
        if last and line[:1].strip() and not last.endswith(_LINE_END) \
                and (line[0].islower() or (wrapped and 55 <= len(last) <= 80)):
            out[-1].append(line)
        else:
            out.append([line])
    return "\n".join(" ".join(part.rstrip() for part in parts[:-1]) + (" " if len(parts) > 1 else "") + parts[-1]
                     for parts in out)


#: Words joining wanted people to what they are wanted for.
_WANTED_FOR = re.compile(r"\b(?:for|including|among (?:them|whom)|accused of|suspected of|involved in|"
                         r"trong đó(?: có)?|về (?:tội|hành vi)|vì|cầm đầu|liên quan|"
                         r"trong do(?: co)?|ve (?:toi|hanh vi)|cam dau|lien quan)\b")
#: Words reporting what someone said or claimed (a scam's pretext is told, not done).
_CLAIM = re.compile(r"\b(?:told|tells|said|says|saying|claimed|claiming|informed|threatened|"
                    r"thông báo|báo|cho biết|nói|yêu cầu|đe dọa|dọa|thong bao|bao|cho biet|noi|yeu cau|de doa|doa)\b")


#: Verbs of saying that an official's statement uses too, and the official saying it ("Pol Col
#: Akkharawat said Japanese police had obtained arrest warrants"): no scammer's claim.
_SAYS = frozenset({"said", "says", "saying", "cho biết", "nói", "cho biet", "noi"})
#: ... unless the "official" is the scammer's disguise ("The fake officer said", "Viên công an giả này nói").
_FAKE = re.compile(r"\b(?:fake|bogus|self-styled|posing|impersonat\w*|giả|tự xưng|gia|tu xung)\b")
_OFFICIAL_SAYS = re.compile(r"\b(?:police|pol|col|gen|officers?|investigators|authorities|officials?|spokes\w+|chief|"
                            r"superintendent|prosecutors?|ministry|công an|cảnh sát|thượng tá|trung tá|đại tá|thiếu tá|"
                            r"đại úy|cơ quan)\b[^.!?\n\"“”]{0,40}$", re.I)


def _wanted_for(text: str, wanted_at: int | None, at: int) -> bool:
    """Whether the crime at ``at`` is what the wanted people named at ``wanted_at`` (same
    sentence) are wanted for."""
    return wanted_at is not None and wanted_at < at and bool(_WANTED_FOR.search(text, wanted_at, at))


def _claims(title: str, text: str, in_body: list[Mention], together: list[tuple[int, int, int]],
            scores: dict[int, float], table: TopicTable) -> tuple[set[int], set[int]]:
    """The topics an impersonation scam claims ("your account is linked to a drug ring") and
    the sentences where they are claims: those telling what was said, naming the scam or its
    disguise (-1 is the title). Mentions of those topics there are no evidence."""
    claimed: set[int] = set()
    where: set[int] = set()
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    for index, signals, others in table.pretexts:
        if scores.get(index, 0) < MIN_SCORE:
            continue
        found = [m.start() for m in signals.finditer(text)]  # the pattern has the folded forms
        if not found and not signals.search(title):
            continue
        claimed |= others
        where |= {bisect.bisect_left(ends, at) for at in found}
        where |= {bisect.bisect_left(ends, m.start()) for m in _CLAIM.finditer(text)
                  if not (m.group(0) in _SAYS and _OFFICIAL_SAYS.search(text, max(0, m.start() - 60), m.start())
                          and not _FAKE.search(text, max(0, m.start() - 60), m.start()))}
        where |= {m.sentence for m in in_body if m.index == index and m.weight > 0}
        where |= {sentence for sentence, label, _at in together if label == index}
        if signals.search(title) or _CLAIM.search(title):
            where.add(-1)
    return claimed, where


def _yield(mentions: list[Mention], together: list[tuple[int, int, int]], table: TopicTable,
           headline: set[int] | None = None, keep: set[int] | None = None) -> list[Mention]:
    """``mentions`` without those that yield to another topic with evidence in the same
    sentence ("smuggling 86 kg of crystal meth" is drug crime, not smuggling) or in the
    headline (``headline``: the topics it names), except in the sentences of ``keep``
    (people traded: "a trafficking ring that had sold four young women")."""
    if not table.yields:
        return mentions
    evident = {(m.sentence, m.index) for m in mentions if m.weight > 0} | {(t[0], t[1]) for t in together}
    named = headline or set()
    # a sentence with evidence of its own for the topic keeps its ambiguous word ("broke up a
    # trafficking ring that had sold four young women" under a headline on heroin)
    own = {(m.sentence, m.index) for m in mentions if m.weight > 0 and (m.phrase, m.index) not in table.yields} \
        | {(t[0], t[1]) for t in together}
    kept = keep or set()
    # an article whose evidence for the other topic runs through two sentences or more, and that
    # has none of its own for this one, reads the word as the other's ("sentenced to death for
    # trafficking offences" in a story on a drug lab)
    runs = {index for index, count in Counter(index for _, index in evident).items() if count >= 2}
    backed = {index for _, index in own}

    def read_as_other(m: Mention) -> bool:
        other = table.yields.get((m.phrase, m.index), -1)
        if (m.sentence, other) in evident:
            return True
        taken = other in named or (other in runs and m.index not in backed)
        return taken and (m.sentence, m.index) not in own and m.sentence not in kept

    return [m for m in mentions if not read_as_other(m)]


def _per_sentence(in_body: list[Mention], together: list[tuple[int, int, int]],
                  charges_pass: bool, items: frozenset[int] = frozenset()) -> dict[int, dict[int, float]]:
    """What each body sentence counts for each topic it names: a co-occurrence 1 (half when
    it starts at an item of a list of other topics' crimes too: "cướp giật, ma túy, lừa đảo
    qua mạng", or is one of ``items``), a mention its weight (half when passing, nothing
    when a charge sheet), a name -0.5 (support)."""
    per_sentence: dict[int, dict[int, float]] = {}
    listed: dict[int, set[int]] = {}  # the topics of each sentence's list items
    for m in in_body:
        if m.listed:
            listed.setdefault(m.sentence, set()).add(m.index)
    mixed = [m for m in in_body if m.listed and len(listed[m.sentence]) > 1]
    for sentence, index, at in together:
        item = at in items or any(m.sentence == sentence and m.index == index and m.start <= at < m.end
                                  for m in mixed)
        per_sentence.setdefault(sentence, {})[index] = 0.5 if item else 1.0
    for mention in in_body:
        seen = per_sentence.setdefault(mention.sentence, {})
        # a charge sheet is no evidence (the guide); a name is kept as -0.5 (support) unless
        # the sentence has real evidence for the topic
        charge_sheet = charges_pass and mention.charged
        value = mention.weight * (0.0 if charge_sheet else 0.5 if mention.passing else 1.0) if mention.weight else -0.5
        old = seen.get(mention.index)
        seen[mention.index] = value if old is None else max(old, value) if value > 0 or old > 0 else old
    return per_sentence


def _scores(in_title: list[Mention], per_sentence: dict[int, dict[int, float]], charges_pass: bool) -> dict[int, float]:
    """Each topic's evidence plus the support of names, from the title's mentions and the
    body's sentences."""
    evidence: dict[int, float] = {}
    support: dict[int, float] = {}
    for mention in in_title:
        if mention.weight and charges_pass and mention.charged:
            # a headline's charge sheet ("fugitive wanted for fraud extradited") is still one
            evidence[mention.index] = evidence.get(mention.index, 0) + 0.5 * mention.weight
        elif mention.weight:
            evidence[mention.index] = evidence.get(mention.index, 0) + TITLE_WEIGHT
        else:
            support[mention.index] = support.get(mention.index, 0) + 0.5
    for topics_here in per_sentence.values():
        crowd = 0.5 if len(topics_here) > LIST_SIZE else 1.0
        for index, value in topics_here.items():
            if value > 0:
                evidence[index] = evidence.get(index, 0) + crowd * value
            else:
                support[index] = support.get(index, 0) - crowd * value
    return {index: score + support.get(index, 0) for index, score in evidence.items()}
