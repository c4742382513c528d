"""Credits in running text that name no one of the story: photographers ("Ảnh: ..."), a
wire's reporters and editors ("Reporting by ...; Editing by ...", "Editor: ..."), and a byline on its own
line with its agency ("Lê Huy Hùng (TTXVN)"). People detection blanks them out first.
"""

from __future__ import annotations

import re

#: A photo credit ("Ảnh: BÌNH DƯƠNG CUNG CẤP", "(Photo: Nguyen Van A/VNA)"), to its line's or bracket's end.
_PHOTO_CREDIT = re.compile(r"\b(?:[ẢảA]nh|ẢNH|ANH|[Pp]hotos?|PHOTO|[Nn]guồn ảnh|[Pp]hoto credit)\s*:\s*[^\n()]*")
#: A wire's staff credit ("(Reporting by Aradhana Menon in Singapore and Nguyen Thu Trang in
#: Hanoi; Editing by Simon Clarke)"), to its line's or bracket's end.
_STAFF_CREDIT = re.compile(r"\b(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited)"
                           r"\s+by\s[^\n()]*")
#: A staff credit led by its role ("Reporter: Dewi Kartika, Bayu Pratama", "Editor: Rudy
#: Hartanto", "Phóng viên: ..."), or a wire's bracketed byline ("(By Wu Pei-chen and James Lo)"),
#: to its line's or bracket's end.
_ROLE_CREDIT = re.compile(r"(?<![\w-])(?:Reporters?|Editors?|Translators?|Writers?|Pewarta|Penulis|Penerjemah|"
                          r"Phóng viên|Biên tập(?: viên)?|Biên dịch)\s*:\s*[^\n()]*|\(\s*[Bb]y\s[^\n()]*\)")
#: A line that is a byline: "By" (or "by", as Hong Kong Free Press prints it), a name, then
#: maybe its outlet and post ("By Kenneth Wu, Taiwan News, Staff Writer", "By: Ana Liza Mendoza -
#: Reporter / @AnaLizaINQ"); not a sentence
#: ("By Tuesday, police had ...": one capitalised word).
_BY_LINE = re.compile(r"^[ \t]*(?:By|by|BY):?[ \t]+[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}"
                      r"(?:[ \t]*(?:,|and|&|[-–|/][ \t])[^\n.]{0,60})?[ \t]*$", re.M)
#: A line that is only a name and an agency's initials in brackets: a byline ("Lê Huy Hùng
#: (TTXVN)", "Minh Châu (VNA)").
_BYLINE_LINE = re.compile(r"^[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,3}[ \t]*\([A-ZĐ]{2,6}(?:/[A-ZĐ]{2,6})?\)[ \t]*$",
                          re.M)


def mask_credits(text: str) -> str:
    """``text`` with its credits blanked out, same length (offsets stay valid)."""
    for pattern in (_PHOTO_CREDIT, _STAFF_CREDIT, _ROLE_CREDIT, _BYLINE_LINE, _BY_LINE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text
