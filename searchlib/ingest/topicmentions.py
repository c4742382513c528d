"""Where a topic's phrases occur in an article, and in what voice: each match of the table's
phrases becomes a :class:`Mention` that says how much it weighs (a specific phrase, a generic
word, a name) and whether it only passes by (an item of a list, a scammer's pretext, a risk or a
warning, courtesy, a charge sheet). :mod:`searchlib.ingest.topics` weighs these into scores."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from searchlib.ingest.enumerations import ALTERNATIVE, JOINER, in_enumeration
from searchlib.ingest.topicclauses import SENTENCE_END, figurative
from searchlib.ingest.topictable import TopicTable
from searchlib.textnorm import fold_aligned

__all__ = ["COURTESY", "COURTESY_WORDS", "HEDGE", "Mention", "find_mentions", "mask_units"]

#: A mention naming what someone is wanted for, charged with or convicted of ("wanted for
#: fraud, drug trafficking and murder", "bị truy nã về tội ..."): the charge sheet of a
#: fugitive or a defendant, not what the article is about. Up to 60 characters may lie
#: between the verb and the mention (the other charges of the list).
_CHARGED = re.compile(r"(?:\b(?:wanted|charged|accused|convicted|sentenced|indicted|jailed|prosecuted|suspected)"
                      r"(?:\s+(?:him|her|them)|\s+(?:by|in)\s+[\w' ]{2,50}?)?\s+(?:for|of|with|over)\b"
                      r"|\b(?:về|vì) (?:tội|hành vi)|\b(?:ve|vi) (?:toi|hanh vi)|\btội danh|\btoi danh"
                      r"|\bphạm (?:các |nhiều )?tội|\bpham (?:cac |nhieu )?toi|\bbị kết án|\bbi ket an)"
                      r"[^.!?;\n]{0,60}$")


#: A mention followed by the word for a unit ("the provincial police's economic crime
#: division", "Anti-Narcotics Unit"): the unit's name, no evidence of its field.
_UNIT_AFTER = re.compile(r"\s+(?:investigation\s+|prevention\s+|suppression\s+|enforcement\s+)?(?:police\s+)?"
                         r"(?:division|department|unit|squad|bureau|section|command|agency|task force)s?\b")
#: A numbered landmark after "near" ("tại khu vực gần mốc giới 609", "near marker No. 33"): where
#: something happened, a place's name (support), not the work on the border.
_NEAR_BEFORE = re.compile(r"\b(?:gần|khu vực|near|close to)\s+$")
_NUMBER_AFTER = re.compile(r"\s+(?:số\s+|no\.?\s*)?\d")
#: A mention inside the name of a law ("the Anti-Money Laundering ... Act", "Luật Phòng,
#: chống ma túy"): a name, no evidence.
_LAW_BEFORE = re.compile(r"(?:\banti\s+|\bluật\s+(?:phòng,?\s*chống\s+)?|\bluat\s+(?:phong,?\s*chong\s+)?)$")
_LAW_AFTER = re.compile(r"[^.!?;\n]{0,100}?\b(?:act|law)\b")
#: Being sold on, and what before it shows that data, not people, were sold.
_SOLD_FORMS = frozenset({"bị bán lại", "resold", "bị bán cho", "bị bán qua lại", "sold on", "bị bán sang"})
_DATA_BEFORE = re.compile(r"(?<!theo )(?<!qua )(?<!according to )\b(?:dữ liệu|du lieu|thông tin|thong tin|tài khoản|"
                          r"tai khoan|data|accounts?|records|information|details)\b[^.!?;,\n]{0,50}$")
#: A body's word right after an "anti-..." mention ("Anti-Money Laundering Office").
_BODY_AFTER = re.compile(r"\s+(?:office|agency|bureau|department|commission|council|unit|committee|centre|center|"
                         r"division|task force|board)\b")
#: The rest of a law's name after an "anti-..." mention: words up to "Act" with no comma
#: between ("in Persons and Anti-Smuggling of Migrants Act"), not "law enforcement".
_ACT_AFTER = re.compile(r"[^.!?;,\n]{0,80}?(?<!the )(?<!an )\b(?:act|law)\b(?!\s+enforc)(?!\s+of\b)")
#: A mention that says what victims were told they are linked to ("victims were told that
#: their accounts were linked to money laundering", "thông báo bà có liên quan đến đường dây
#: ma túy", "Victims were told their identity documents had been used to open bank accounts
#: linked to a smuggling case"): a scammer's pretext, a passing mention.
_LINKED = re.compile(r"(?:\b(?:victims?|they|he|she|people|residents|customers)\s+(?:were|was)\s+told"
                     r"|\btold\s+(?:the\s+)?(?:victims?|him|her|them)|\bclaim(?:ed|ing)?)\b[^.!?;\n]{0,90}?"
                     r"\b(?:linked|connected|related|involved)\s+(?:to|with|in)\b[^.!?;\n]{0,50}$"
                     r"|\b(?:thông báo|báo|thong bao|bao)\b[^.!?;\n]{0,40}?\b(?:liên quan|lien quan)\b[^.!?;\n]{0,50}$")


class Mention(NamedTuple):
    """One phrase found: its sentence, its topic, its weight (1 specific, 0.5 a single or
    generic word, 0 a name), whether it passes (a list item, a pretext), whether it is what
    someone is charged with, the topic it defers to (or None), the phrase, its position,
    whether it passes only as an item of a list, whether it follows an arrest or a charge, and
    where it ends in the text (the phrase is whitespace-normalised, the text may not be)."""

    sentence: int
    index: int
    weight: float
    passing: bool
    charged: bool = False
    defer: int | None = None
    phrase: str = ""
    start: int = 0
    listed: bool = False
    case: bool = False
    end: int = 0


#: A relative clause before a charge ("who was jailed for", "which had been convicted of"):
#: the person's past, background to the story.
_RELATIVE = re.compile(r"\b(?:who|which|whom)\s+(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?$")
#: Words of a case (an arrest, a charge, a trial, an investigation): a broad word for a
#: crime shortly after one in the same sentence ("charged with misappropriating ... in an
#: alleged fraud") is the point of a case, not a passing word, and counts in full.
_CASE = re.compile(r"\b(?:arrest|arrested|arrests|charged|indicted|convicted|sentenced|jailed|prosecuted|"
                   r"pleaded guilty|pleads guilty|investigate|investigating|investigated|investigation|probe|raided|seized|"
                   r"khởi tố|bắt giữ|bắt khẩn cấp|tạm giữ|tạm giam|truy tố|xét xử|tuyên phạt|"
                   r"khoi to|bat giu|bat khan cap|tam giu|tam giam|truy to|xet xu|tuyen phat)\b"
                   r"(?<!will be charged)(?<!would be charged)(?:[^.!?;\n]|\.(?=\w))*$")


#: A risk, not a case: what stolen data "could be used" for ("có thể bị tội phạm mạng lợi
#: dụng để mạo danh, cho các mục đích lừa đảo"), what people who cross illegally "easily
#: fall into" ("dễ rơi vào cảnh ... bị bán qua lại"), what the public is warned against
#: ("cảnh giác với các cuộc gọi giả danh", "warned residents against", "đề nghị người dân ...
#: không nhận vận chuyển hàng hóa không rõ nguồn gốc"), or the times a
#: procedure happens in ("giữa lúc các thủ đoạn lừa đảo ngày càng tinh vi"), shortly before
#: the mention.
#: Before a mention: information exchanged about it ("trao đổi hơn 150 tin về tình hình an ninh
#: trật tự khu vực biên giới", "exchanged information on ..."): what the partners talked about,
#: a passing mention of that topic.
_INFO_ABOUT = re.compile(r"\b(?:trao đổi|trao doi|exchang\w*)\s+(?:hơn\s+|hon\s+|more than\s+)?(?:[\d.,]+\s+)?"
                         r"(?:thông\s+|thong\s+)?(?:tin|information|intelligence)\s+(?:về|ve|on|about)\s+"
                         r"(?:(?:tình hình|tinh hinh|the situation (?:of|on|in|at))\s+)?$")
HEDGE = re.compile(r"(?:\b(?:trong bối cảnh|trong boi canh|amid|amidst|against the backdrop of)\b"  # background
                    r"|\b(?:could|may|might|can)\s+(?:also\s+)?be\s+(?:used|exploited|misused|abused)\b"
                    r"|\b(?:at risk of|risk being|could end up|may end up|vulnerable to|beware of|be wary of)\b"
                    r"|\bwarn(?:ed|s|ing)?\s+(?:the\s+)?(?:public|people|residents|citizens|parents)\s+(?:against|about|not)\b"
                    r"|\b(?:cảnh giác|canh giac) (?:với|trước|voi|truoc)\b|\b(?:giữa lúc|giua luc)\b"
                    r"|\b(?:cảnh giác|canh giac),?\s+(?:không|khong)\b"
                    r"|\b(?:khuyến cáo|khuyen cao|đề nghị|de nghi|kêu gọi|keu goi)\s+(?:người dân|nguoi dan|bà con|ba con)\b"
                    r"|\b(?:dễ|nguy cơ|de|nguy co) (?:bị|rơi vào|bi|roi vao)\b"
                    r"|\bcó thể (?:bị |được )?[^.!?;\n]{0,30}?(?:lợi dụng|sử dụng)\b"
                    r"|\bco the (?:bi |duoc )?[^.!?;\n]{0,30}?(?:loi dung|su dung)\b"
                    # denied: "none of the workers had reported being held against their will"
                    r"|\b(?:none of|no one|nobody)\b[^.!?;\n]{0,50}?\b(?:reported|said|claimed|complained)\b"
                    r"|\bno (?:evidence|sign|signs|indication)\s+(?:of|that)\b"
                    r"|\b(?:không|chưa|khong|chua) (?:có|phát hiện|ghi nhận|co|phat hien|ghi nhan) "
                    r"(?:dấu hiệu|dau hieu)\b)[^.!?;\n]{0,60}$")


#: A sentence of courtesy ("thanked the police for their cooperation", "expressed his
#: gratitude ... for the fight against drug crime"): what it names passes.
COURTESY = re.compile(r"\b(?:thank|thanks(?!\s+to\b)|thanked|thanking|gratitude|appreciation|appreciated|"
                       r"cảm ơn|cám ơn|biết ơn|tri ân|cam on|biet on)\b")


#: Substrings one of which every courtesy word holds (a quick test before the regex).
COURTESY_WORDS = ("thank", "gratitude", "appreciat", "cảm ơn", "cám ơn", "biết ơn", "tri ân", "cam on", "biet on",
                   "tri an")


def mask_units(text: str, table: TopicTable) -> str:
    """``text`` with the unit names of the ignore list blanked out (same length)."""
    if table.ignore_pattern is None:
        return text
    return table.ignore_pattern.sub(lambda m: " " * len(m.group(0)), text)


_QUOTE = re.compile(r"['‘’\"“”]")


def _unquoted(text: str) -> str:
    """``text`` with each quotation mark that opens or closes a word made a space, keeping its
    length: a phrase with a word in quotes is still the phrase ("'rửa' tiền lừa đảo" is "rửa
    tiền"); an apostrophe inside a word ("Wong's") is no quote."""
    def blank(match: re.Match[str]) -> str:
        at = match.start()
        before, after = text[at - 1] if at else " ", text[at + 1:at + 2] or " "
        opens = before.isspace() and (after.isalnum() or after == "_")
        closes = (before.isalnum() or before == "_") and after.isspace()
        return " " if opens or closes else match.group(0)
    return _QUOTE.sub(blank, text)


def find_mentions(text: str, table: TopicTable, in_title: bool = False,
              folded: str | None = None) -> list[Mention]:
    """A :class:`Mention` for each phrase found in ``text`` (lowercase); ``weight`` is 1 for a
    specific phrase, 0.5 for a single or generic word ("scam", "narcotics", "laundering") and
    0 for the name of a place, an actor or a unit; ``passing`` is True for an item of an
    enumeration or what someone is told they are linked to; ``charged`` for what someone is
    wanted for or charged with.

    Vietnamese phrases are also looked for in the folded text, so articles typed without
    accents are tagged too (a mention found both ways counts once per sentence anyway).
    """
    found: list[Mention] = []
    searches = [(table.pattern, table.phrases, text)]
    if table.folded_pattern is not None:
        searches.append((table.folded_pattern, table.folded, fold_aligned(text) if folded is None else folded))
    for pattern, phrases, haystack in searches:
        if pattern is None:
            continue
        ends = [m.start() for m in SENTENCE_END.finditer(haystack)]
        courteous = {bisect.bisect_left(ends, m.start()) for m in COURTESY.finditer(haystack)} \
            if any(word in haystack for word in COURTESY_WORDS) else set()
        matches = list(pattern.finditer(_unquoted(haystack.replace("-", " "))))
        if haystack is not text:
            # A folded phrase is evidence only where the text itself is typed without accents:
            # "công dân do phía Campuchia" folds to "cong dan do phia", not to "dẫn độ".
            matches = [m for m in matches if text[m.start():m.end()] == m.group(0)]
        # Two mentions joined by nothing but a comma or a conjunction are items of one list
        # ("buôn lậu, mua bán người."), however short the list; two forms of one crime are not
        # ("through a natural crossing, bypassing the immigration checkpoint").
        joined = {i for k in range(len(matches) - 1) for i in (k, k + 1)
                  if (JOINER.fullmatch(haystack, matches[k].end(), matches[k + 1].start())
                      or ALTERNATIVE.fullmatch(haystack, matches[k].end(), matches[k + 1].start()))
                  and _kinds(phrases, matches[k]) != _kinds(phrases, matches[k + 1])}
        for k, match in enumerate(matches):
            phrase = " ".join(match.group(0).split())
            if phrase in table.title_only and not in_title:
                continue
            if _UNIT_AFTER.match(haystack, match.end()) or _law_name(haystack, match.start(), match.end()) \
                    or figurative(haystack, match.start(), match.end()):
                continue  # the name of a unit or a law, or a word in its everyday sense: not even support
            if phrase in _SOLD_FORMS and _DATA_BEFORE.search(haystack, max(0, match.start() - 60), match.start()):
                continue  # "dữ liệu cá nhân bị đánh cắp thường bị bán lại": data sold on, not people
            sentence = bisect.bisect_left(ends, match.start())
            listed = k in joined or in_enumeration(haystack, match.start(), match.end())
            aside = (sentence in courteous or bool(_LINKED.search(haystack, max(0, match.start() - 160), match.start()))
                     or bool(_INFO_ABOUT.search(haystack, max(0, match.start() - 80), match.start()))
                     or bool(HEDGE.search(haystack, max(0, match.start() - 120), match.start())))
            charge = _CHARGED.search(haystack, max(0, match.start() - 90), match.start())
            charged = charge is not None
            if charge is not None and _RELATIVE.search(haystack, max(0, charge.start() - 30), charge.start()):
                aside = True  # "the tycoon, who was jailed for bribery in 2010, ...": background
            case = bool(_CASE.search(haystack, max(0, match.start() - 80), match.start()))
            place = _NUMBER_AFTER.match(haystack, match.end()) and _NEAR_BEFORE.search(
                haystack, max(0, match.start() - 12), match.start())
            for index in phrases.get(phrase, ()):
                weight = 0.0 if phrase in table.weak or place else \
                    0.5 if (" " not in phrase or phrase in table.generic) and not case else 1.0
                found.append(Mention(sentence, index, weight, listed or aside, charged,
                                     table.defer.get((phrase, index)), phrase, match.start(), listed and not aside, case,
                                     match.end()))
    return found


def _kinds(phrases: dict[str, set[int]], match: re.Match[str]) -> set[int]:
    """The labels the phrase ``match`` found is evidence for."""
    return phrases.get(" ".join(match.group(0).split()), set())


def _law_name(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is part of a law's name ("the
    Anti-Trafficking in Persons and Anti-Smuggling of Migrants Act 2007")."""
    if text.startswith("anti", start) and _ACT_AFTER.match(text, end):
        return True
    before = _LAW_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    # "the Anti-Money Laundering Office": a body named after the fight against a crime
    return not before.group(0).startswith("anti") or bool(_LAW_AFTER.match(text, end) or _BODY_AFTER.match(text, end))
