"""Hard-wrapped text (wire copy, mail, terminals): lines broken at a fixed width joined back.

Wire services and mail clients break paragraphs at about 70 characters. Left as they
are, a headline loses its last words ("… arrests 9 suspected militants ahead of" /
"Christmas"), a name is cut in two ("Dang Thi Kim" / "Oanh") and a dateline is split from
its date. A text counts as hard-wrapped when most of its lines end near one width of at
most 100 characters. A line is then joined to the one before when that one was full:
the next line's first word would not have fitted after it (the test a wrapping tool
applies), or, since people wrap by eye too, it reaches three quarters of the width and
does not end a sentence. The headline must pass the first test. Short lines (a byline,
"Editor: Yang Yi", a timestamp, menu items), a date line, list items and datelines are never joined,
and text whose lines are whole paragraphs is returned unchanged.
"""

from __future__ import annotations

import re

#: The widest wrap width recognised; wider lines are paragraphs, not wrapped text.
MAX_WIDTH = 100
#: Lines needed before a text is judged at all.
_MIN_LINES = 10
#: Share of the lines that must end within ``_NEAR`` characters of the width.
_FULL_SHARE = 0.5
_NEAR = 12
#: A line that opens a list item, a table row or a quote block is never glued to the last.
_OPENS_ITEM = re.compile(r"\s*(?:[-*•–—>|]\s|©|\d{1,2}[.)]\s|[A-Za-zÀ-ỹ ]{1,20}:\s*$"
                         r"|(?i:from|sent|to|cc|bcc|subject|date|từ|đến|chủ đề|ngày gửi):\s"  # a mail's header
                         # a page's credit and time line ("Source: Xinhua| 2025-12-09 20:31:05|Editor: huaxia")
                         r"|(?i:source|nguồn|nguon|published|updated|posted|cập nhật|đăng lúc)\s?:\s?\S"
                         r"|[A-ZĐ][A-ZĐ .]{2,30}(?:,[^,\n]{2,40})?\s*(?:\(|--|[-–—]\s))")
#: A short line that is a date or a timestamp ("12-Jun-2024 03:15 GMT", "June 12, 2024").
_DATE_LINE = re.compile(r"\s*(?:\d{1,2}[-/ .](?:[A-Za-z]{3,9}|\d{1,2})[-/ .]\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}"
                        r"|\d{4}-\d{2}-\d{2})\b[^\n]{0,25}$")
#: A line ending a sentence ("… the ministry said.").
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)]*$")


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, or ``None`` when they were not hard-wrapped."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > MAX_WIDTH or width < 40:
        return None
    full = sum(1 for n in lengths if width - _NEAR <= n <= width + 2)
    if full < _FULL_SHARE * len(lengths):
        return None
    return max(n for n in lengths if n <= width + 8)


def unwrap(text: str) -> str:
    """``text`` with its hard-wrapped paragraphs joined into one line each."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    previous = ""  # the last physical line read, before any joining
    headline = True  # still on the first non-blank line
    for line in lines:
        if out and line.strip() and previous.strip() and _broken_before(previous, line, width, headline):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
        if previous.strip() and not line.strip():
            headline = False
        previous = line
    return "\n".join(out)


def _broken_before(previous: str, line: str, width: int, headline: bool) -> bool:
    """Whether ``line`` continues ``previous``: the wrapper moved its first word down."""
    if len(previous) < 0.6 * width or _OPENS_ITEM.match(line) or _DATE_LINE.match(line):
        return False
    first_word = line.split(None, 1)[0]
    if len(previous) + 1 + len(first_word) > width:
        return True
    return not headline and len(previous) >= 0.75 * width and not _ENDS_SENTENCE.search(previous)
