"""Lists of crimes in running text: whether a topic's mention is one item of an enumeration.

The labelling guide says one item of a list of crimes ("drug trafficking, human trafficking
and cybercrime") is no evidence of its topic by itself; :mod:`searchlib.ingest.topics` asks
this module which mentions are such items. An inventory of a seizure ("4,200 packs of foreign
cigarettes and 3.5 tonnes of sugar") is a list too, but of things seized, not of crimes.
Alternatives in a warning ("not to transport goods for smugglers or shelter people who cross
the border illegally") are items too, and so is a phrase joined to another topic's
co-occurrence of an act and its object ("qua lại biên giới trái phép, vận chuyển hàng hóa
không rõ nguồn gốc").
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

M = TypeVar("M", bound=Any)  # a topic's Mention (a NamedTuple)

#: Words joining the items of an enumeration ("A, B and C", "A hoặc B").
_CONJUNCTIONS = r"(?:and|or|as well as|và|hoặc|cùng|va|hoac)"
#: A mention followed by a conjunction, or by a comma with a conjunction later in the
#: sentence; "and to hold", "và sẽ", "and are hiding" join clauses, not items.
_LIST_AFTER = re.compile(r"\s*(?:/|" + _CONJUNCTIONS
                         + r"\b(?!\s+(?:to|will|would|are|is|was|were|have|has|had|sẽ|se|đang|đã)\b)|,[^.!?;\n]{0,80}?\b"
                         + _CONJUNCTIONS + r"\b)")
#: A comma and "and" right after a mention: a new clause ("placed on Interpol red notices,
#: and their passports were invalidated"), unless items came before ("A, B, and C").
_CLAUSE_AFTER = re.compile(r"\s*,\s*(?:and|và|va)\s")
#: The next item of a list is a quantity: an inventory of a seizure, no list of crimes.
_QUANTITY_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|và\s+|va\s+)?|(?:and|và|va)\s+)"
                            r"(?:nearly\s+|about\s+|over\s+|more than\s+|gần\s+|hơn\s+|khoảng\s+)?\d")
#: A count of cases before a crime's name: "4 vụ ma túy", "15 cases of illegal entry".
_COUNT_BEFORE = re.compile(r"\b\d[\d.,]*\s+(?:vụ|vu|trường hợp|truong hop|cases?\s+of|incidents?\s+of)\s+$")
#: A comma or a conjunction and the first word of the next item.
_NEXT_ITEM = re.compile(r"\s*(?:,|\b" + _CONJUNCTIONS + r"\b)\s*([^\W\d_]+)")
_ONE_WORD = re.compile(r"[ \t]+[^\W\d_]+")
#: The end of a sentence or a clause.
_SENTENCE_STOP = re.compile(r"[.!?;\n]")
#: A conjunction later in the same sentence.
_CONJUNCTION_LATER = re.compile(r"[^.!?;\n]{0,80}?\b" + _CONJUNCTIONS + r"\b")
#: A mention preceded by a conjunction or a comma (a later item of a list).
_LIST_BEFORE = re.compile(r"(?:/|,|\b" + _CONJUNCTIONS + r")\s*$")
#: Lists written with commas only ("truy bắt tội phạm truy nã, tội phạm ma túy, lừa đảo."):
#: a mention with an item after it and another after that, or with two before it.
_COMMA_LIST = re.compile(r"\s*,[^,.!?;\n]{1,30},")
_COMMA_LIST_BEFORE = re.compile(r",[^,.!?;\n]{1,30},\s*$")
#: What may stand between two items of a list.
JOINER = re.compile(r"\s*(?:,|/|,?\s*" + _CONJUNCTIONS + r")\s*")
#: Alternatives of a warning or a prohibition ("not to transport goods for smugglers or
#: shelter people who cross the border illegally", "không qua lại biên giới trái phép, không
#: tiếp tay cho các đối tượng vận chuyển hàng cấm"): "or", or a comma and a repeated "not",
#: and a few words of the next item. Not "hay", which is "or" and also "often" ("mua bán ma
#: túy hay lợi dụng đêm tối xuất cảnh trái phép": they often cross at night).
ALTERNATIVE = re.compile(r"(?:\s+(?:or|hoặc|hoac)\s+(?:[^\W\d]+\s+){1,4}"
                         r"|\s*,\s*(?:không|khong|đừng|dung)\s+(?:[^\W\d]+\s+){0,6})")


def _parallel_item(text: str, start: int, end: int) -> bool:
    """Whether the mention stands in the middle item of a list whose items open with the same
    word ("mua căn cước của người lao động, người nghiện ma túy, người có hoàn cảnh khó khăn":
    a kind of people, not the crime); three items at least, as one word opening two may be chance."""
    before = text[max(0, start - 30):start]
    comma = before.rfind(",")
    if comma < 0 or _SENTENCE_STOP.search(before, comma):
        return False
    words = before[comma + 1:].split()
    if not 1 <= len(words) <= 3 or not words[0].isalpha():
        return False
    head = words[0]
    # the item before: the same word opening it, within 30 characters before the comma
    at = max(0, start - 30) + comma
    previous = text[max(0, at - 30):at]
    previous = previous[max(previous.rfind(c) for c in ",.!?;\n") + 1:]
    if head not in previous.split():
        return False
    # the item after: up to two more words of this one, then a comma or a conjunction and the same word
    pos = end
    for _ in range(3):
        following = _NEXT_ITEM.match(text, pos)
        if following and following.group(1) == head:
            return True
        word = _ONE_WORD.match(text, pos)
        if not word:
            return False
        pos = word.end()
    return False


def in_enumeration(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is one item of an enumeration ("drug
    trafficking, human trafficking and the illegal crossing of people", "rửa tiền hoặc ...")."""
    after = _LIST_AFTER.match(text, end)
    if after and _QUANTITY_NEXT.match(text, end):
        after = None  # what was seized, item by item ("4,200 packs of cigarettes and 3.5 tonnes of sugar")
    if after and not _CLAUSE_AFTER.match(text, end) or _COMMA_LIST.match(text, end):
        return True  # ", and" plus a clause ends a list only after items (the _LIST_BEFORE test below)
    counted = _COUNT_BEFORE.search(text, max(0, start - 30), start)
    if counted:  # "87 vụ buôn lậu, 4 vụ ma túy, 15 vụ xuất nhập cảnh trái phép": the count opens the item
        start = counted.start()
    if _COMMA_LIST_BEFORE.search(text, max(0, start - 100), start) or _parallel_item(text, start, end):
        return True
    if _LIST_BEFORE.search(text, max(0, start - 12), start):
        # after a comma only when another comma or a conjunction follows ("A, B, C", "A, B and C")
        before = text[max(0, start - 12):start].rstrip()
        return not before.endswith(",") or text[end:end + 2].lstrip().startswith(",") \
            or bool(_CONJUNCTION_LATER.match(text, end))
    return False


def listed_with(text: str, in_body: list[M], together: list[tuple[int, int, int]]) -> tuple[list[M], frozenset[int]]:
    """``in_body`` (a topic's mentions, as :mod:`searchlib.ingest.topics` finds them) with each
    mention joined by a comma or a conjunction to a co-occurrence of another topic marked as
    an item of a list, and the positions of those co-occurrences: "xử lý nhiều vụ việc người
    dân qua lại biên giới trái phép, vận chuyển hàng hóa không rõ nguồn gốc" lists two kinds
    of cases, as "A, B" of two phrases does."""
    items: set[int] = set()
    marked: set[int] = set()
    for sentence, index, at in together:
        for k, m in enumerate(in_body):
            if m.sentence == sentence and m.index != index and m.weight > 0 and m.start < at \
                    and JOINER.fullmatch(text, m.end, at):
                items.add(at)
                marked.add(k)
    if not marked:
        return in_body, frozenset()
    return [m._replace(passing=True, listed=True) if k in marked else m
            for k, m in enumerate(in_body)], frozenset(items)
