"""Streets named after people: "đường Nguyễn Tất Thành", a junction "Nguyễn Văn Linh - Nguyễn
Hữu Thọ", "các tuyến đường như Phạm Văn Đồng, Võ Văn Kiệt". A name there is a street, not a
person of the story; :mod:`searchlib.ingest.people` asks before counting a full name."""

from __future__ import annotations

import re

#: A street word and the kind of road right before a name: "tuyến đường ven biển Nguyễn Tất
#: Thành", "đường mang tên Võ Văn Kiệt".
_STREET_KIND = re.compile(r"\b(?:đường|phố|duong|pho)\s+(?:ven biển|ven sông|cao tốc|vành đai|mang tên|ven bien|"
                          r"ven song|cao toc|vanh dai|mang ten)\s+$", re.IGNORECASE)
#: A street word earlier in the sentence, before a list of names.
_STREET_LIST = re.compile(r"\b(?:đường(?! chuyền)|phố|tuyến đường|các tuyến|nút giao|giao lộ|ngã ba|ngã tư|streets|roads|"
                          r"avenues|junctions?|intersections?)\b[^.!?;\n]*$", re.IGNORECASE)


def street_kind_before(text: str, start: int) -> bool:
    """Whether the name at ``text[start:]`` follows a street word and the kind of road
    ("đường ven biển", "đường mang tên")."""
    return bool(_STREET_KIND.search(text, max(0, start - 40), start))


def in_street_list(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is one of several listed after a street word
    ("các tuyến đường ... như Phạm Văn Đồng, Nguyễn Tri Phương, Võ Văn Kiệt"), or one of a
    junction's two streets ("giao lộ Nguyễn Văn Linh - Nguyễn Hữu Thọ")."""
    listed = text[max(0, start - 2):start].endswith((", ", "- ", "– ")) or text.startswith((",", " - ", " – "), end)
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    return listed and bool(_STREET_LIST.search(text, sentence_start, start))
