"""Lists of crimes in running text: whether a topic's mention is one item of an enumeration.

The labelling guide says one item of a list of crimes ("drug trafficking, human trafficking
and cybercrime") is no evidence of its topic by itself; :mod:`searchlib.ingest.topics` asks
this module which mentions are such items. An inventory of a seizure ("4,200 packs of foreign
cigarettes and 3.5 tonnes of sugar") is a list too, but of things seized, not of crimes.
"""

from __future__ import annotations

import re

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


def in_enumeration(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is one item of an enumeration ("drug
    trafficking, human trafficking and the illegal crossing of people", "rửa tiền hoặc ...")."""
    after = _LIST_AFTER.match(text, end)
    if after and _QUANTITY_NEXT.match(text, end):
        after = None  # what was seized, item by item ("4,200 packs of cigarettes and 3.5 tonnes of sugar")
    if after and not _CLAUSE_AFTER.match(text, end) or _COMMA_LIST.match(text, end):
        return True  # ", and" plus a clause ends a list only after items (the _LIST_BEFORE test below)
    if _COMMA_LIST_BEFORE.search(text, max(0, start - 100), start):
        return True
    if _LIST_BEFORE.search(text, max(0, start - 12), start):
        # after a comma only when another comma or a conjunction follows ("A, B, C", "A, B and C")
        before = text[max(0, start - 12):start].rstrip()
        return not before.endswith(",") or text[end:end + 2].lstrip().startswith(",") \
            or bool(_CONJUNCTION_LATER.match(text, end))
    return False
