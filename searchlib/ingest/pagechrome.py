"""Page chrome in text copied from a web page: what comes before the headline and after the story.

Users save articles by selecting a page and pasting it, or forward them by mail. What comes
along is the site's: its name, the menu, the breadcrumb and the date bar above the headline;
the share bar, related links, tags, comment box and copyright line below the story. None of
it is the article, and some of it misleads (a related link's headline names another crime;
a menu line is no title), but the site's name and copyright say which outlet it is.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re

from searchlib.ingest.dates import parse_date
from searchlib.ingest.sources import SourceTable, canonical_source
from searchlib.ingest.titles import is_headline
from searchlib.ingest.unlisted import ORGAN, named_beside_address, outlet_like
from searchlib.textnorm import fold_key

#: "---------- Forwarded message ---------" and the mail header lines after it.
_FORWARD = re.compile(r"^[ \t>]*(?:-{3,}\s*(?:forwarded message|original message|tin nhắn chuyển tiếp)\s*-{3,}"
                      r"|begin forwarded message:)[ \t]*$", re.I | re.M)
#: A mail's date header, and the word before its time ("Fri, Jan 23, 2026 at 6:47 PM").
_MAIL_DATE = re.compile(r"(?:date|sent|ngày gửi|ngày)\s*:\s*(\S.*)", re.I)
_AT_TIME = re.compile(r"\s+(?:at|lúc|luc)\s+(?=\d)", re.I)
#: A rule between a mail's note or signature and the story it carries ("===", "-- ", "____").
_RULE_LINE = re.compile(r"={3,}|-{2,}|_{3,}|\*{3,}")
_MAIL_HEADER = re.compile(r"(?:from|date|sent|subject|to|cc|từ|ngày|chủ đề|đến)\s*:.*", re.I)
#: A breadcrumb: short items joined by ">", "»", "›" or "/".
_BREADCRUMB = re.compile(r"[^\n.!?]{1,40}(?:\s[>»›/]\s[^\n.!?]{1,40})+")
#: Words of a date bar ("Monday November 24, 2025", "Thứ Ba, 27/06/2023 19:05 GMT+7"), folded.
_DATE_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec st nd rd th gmt utc ict wib am pm h
latest update updated posted published on at
thu hai ba tu nam sau bay chu nhat cn ngay thang cap nhat luc dang xuat ban jst kst sgt myt pht hkt cst
""".split())
_TOKENS = re.compile(r"[^\W\d_]+")
#: Where the links after a story start ("Related stories", "Tin liên quan", "Xem thêm:").
_RELATED = re.compile(r"(?:related(?: stories| news| posts| articles| links)?|read more|read next|see also|more news|"
                      r"other news|more stories|latest news|"
                      r"(?:cac )?tin lien quan|bai (?:viet )?lien quan|tin cung chuyen muc|xem them|doc them|(?:cac )?tin khac)\s*:?",)
#: The heading of a comment box, with its count ("Bình luận (3)", "Comments (12)"), folded.
_COMMENTS = re.compile(r"(?:binh luan|y kien ban doc|comments?|reader comments)\s*(?:\(\d+\))?")
#: Lines of the tail: tags, a comment box, a copyright line, the masthead's editor, owner,
#: newsroom and licence ("Tổng Biên tập: ...", "Toà soạn: ...").
_TAIL_LINE = re.compile(r"(?:tags?|tu khoa|binh luan|gui binh luan|comments?|leave a comment|"
                        r"(?:pho )?tong bien tap|co quan chu quan|toa soan|giay phep|chiu trach nhiem|editor in chief)"
                        r"\b.{0,200}")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|bản quyền|ban quyen)", re.I)
_COPYRIGHT_NOISE = re.compile(r"©|\(c\)|\bcopyright\b|\b(?:bản quyền|ban quyen)(?: thuộc về| thuoc ve)?\b|\d{4}(?:\s*-\s*\d{4})?"
                              r"|all rights reserved\.?|\bby\b", re.I)
#: A web address, its scheme left out ("baogialai.com.vn", "www.nhandan.vn/").
SITE_ADDRESS = r"(?:www\.)?[\w-]+(?:\.[\w-]+)+/?"
#: A paper's footer giving its name and its site ("Báo Gia Lai điện tử - baogialai.com.vn").
_PAPER_SITE = re.compile(r"(?P<name>(?:Báo|Tạp chí|Đài)\s[^|–—\n]{2,50}?)\s+[-–—|]\s+"
                         r"(?:https?://)?" + SITE_ADDRESS + "$")
#: A paper's reader hotline in its footer ("Bạn đọc có thể gửi thông tin về đường dây nóng Báo
#: Lao Động: 0961...").
_HOTLINE = re.compile(r"(?:đường dây nóng|duong day nong|hotline)(?:\s+(?:của|cua|of))?\s+"
                      r"(?P<name>(?:Báo|Bao|Tạp chí|Tap chi|Đài|Dai)\s[^:\n]{2,40}?)\s*:", re.I)
#: A newspaper, magazine or broadcaster named as such ("Báo Đà Nẵng", "Tạp chí Cộng sản").
_PAPER = re.compile(r"(?:Báo|Bao|Tạp chí|Tap chi|Đài|Dai)((?:\s+\w+){1,4})$")
_HOLDER_LEAD = re.compile(r"^(?:of|belongs to|thuộc về|thuộc|thuoc ve|thuoc)\s+", re.I)
#: A credit line over the headline, often with the date ("Nguồn: qdnd.vn, Thứ Hai, 28/07/2025").
_SOURCE_LINE = re.compile(r"(?:nguồn|nguon|source)\s*:\s*\S", re.I)
#: The site a comment box's notice names: "Final decision will be at the discretion of the Taipei Times."
_DISCRETION = re.compile(r"\bat the discretion of (?:the )?(?P<name>[A-Z][\w'’ -]{2,40}?)\s*\.?\s*$")
#: How many lines before the headline are looked at.
_LEAD_LINES = 8
#: How far down a copied page its menu may stand.
_MENU_LINES = 60


#: How a forwarder's note opens when no rule sets it apart from the story: words that only
#: open a note ("FYI, from the ... site", "Gui anh chi bai ..."), never a headline's first word
#: ("Chuyển hồ sơ vụ buôn lậu ...", "Sharing economy ...").
_NOTE_OPENER = re.compile(r"\s*(?:FYI|FYR|For your (?:info|information|reference)|Please see|Pls see|See below|"
                          r"Passing (?:on|along)|(?:Em\s+)?(?:Gửi|Gui|Chuyển|Chuyen)\s+(?:anh|chị|chi|các anh|"
                          r"cac anh|sếp|sep|mọi người|moi nguoi)|Em (?:gửi|gui|chuyển|chuyen))\b", re.I)


def after_forward(text: str) -> str:
    """``text`` without the mail wrapping it: the forwarder's headers ("From: ... To: ..."),
    note and marker lines before the forwarded message, and that message's headers. The
    sender of a mail is not a person of the story, nor its subject line the headline."""
    marks = list(_FORWARD.finditer(text))
    mailed = _opens_with_mail_headers(text)
    if marks and (mailed or not text[:marks[0].start()].strip()):
        text = text[marks[-1].end():]
    elif not mailed:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines) and (not lines[i].strip() or _MAIL_HEADER.fullmatch(lines[i].strip())):
        i += 1
    lines = lines[i:]
    end = next((k for k, line in enumerate(lines) if not line.strip()), len(lines))
    if lines and _NOTE_OPENER.match(lines[0]) and end <= 4 \
            and not any(_RULE_LINE.fullmatch(line.strip()) for line in lines[:end + 3]):
        # a short first paragraph opening as a note does, with no rule under it ("FYI, from the
        # Vientiane Times site"): the story follows it
        lines = lines[end:]
    # the sender's note, then a rule ("===") and the story; the story, a rule and a signature
    rules = [k for k, line in enumerate(lines) if _RULE_LINE.fullmatch(line.strip())]
    # a block with a date line is the story's own head (headline, date, "---"), not a note
    head = [x.strip() for x in lines[:rules[0]] if x.strip()] if rules else []
    if rules and len(head) <= 6 and not any(is_date_bar(x) for x in head):
        lines = lines[rules[0] + 1:]
        rules = [k - rules[0] - 1 for k in rules[1:]]
    if rules and sum(1 for x in lines[rules[-1] + 1:] if x.strip()) <= 3:
        lines = lines[:rules[-1]]
    while lines and (not lines[-1].strip() or _RULE_LINE.fullmatch(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines)


def mail_date(text: str) -> _dt.date | None:
    """The day the innermost message of a mail was sent ("Date: Fri, Jan 23, 2026 at 6:47
    PM" under the last "Forwarded message" line): a wire alert goes out the day its story
    does, so this dates a story that gives no date itself. ``None`` for text that is no mail."""
    message = _last_message(text)
    return None if message is None else _sent(message)


def forward_date(text: str) -> _dt.date | None:
    """The day a mail was forwarded (its own "Sent:" line at the top): no date of the story,
    which was out before, but the year of a yearless date line under it ("Jan. 30 18:40 JST")."""
    return _sent(text) if _opens_with_mail_headers(text) else None


#: A collector's note of the day a page was saved, on the text's first lines ("japantoday.com --
#: copied 15/3/2025", "[lưu ngày 20/10/2025]", "retrieved 16 Oct 2025").
_SAVED_ON = re.compile(r"\b(?:copied|saved|retrieved|accessed|lưu ngày|luu ngay|chép ngày|chep ngay)(?:[ \t]+on)?[ \t]*:?[ \t]*"
                       r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}[ \t]+[A-Za-z]{3,9}\.?[ \t]+\d{4}|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4})",
                       re.I)


def saved_date(text: str) -> _dt.date | None:
    """The day a collector saved the page, from a note on its first lines: no date of the story,
    which was out before, but the year of a yearless date line under it ("Mar. 14 06:30 am JST")."""
    found = _SAVED_ON.search("\n".join(text.lstrip().split("\n")[:3]))
    return parse_date(found.group(1)) if found else None


def _sent(message: str) -> _dt.date | None:
    """The day on the "Date:" or "Sent:" line among a message's first lines."""
    for line in message.lstrip("\n").split("\n")[:8]:
        found = _MAIL_DATE.fullmatch(line.strip())
        if found:
            value = found.group(1).strip()
            try:
                return email.utils.parsedate_to_datetime(value).date()  # "Thu, 29 May 2025 17:05:00 +0700"
            except (TypeError, ValueError, IndexError):
                return parse_date(_AT_TIME.sub(" ", value))
    return None


#: A paper a forwarder's note names ("bài trên Báo Khánh Hòa", "bai bao Quang Tri"): its
#: capitalised words after "báo".
_NOTE_PAPER = re.compile(r"\b(?:[Bb]áo|[Bb]ao)\s+((?:[A-ZĐÀ-Ỹ][\w'’]*[ \t]*){1,4})")


def forward_note_outlet(text: str, table: SourceTable) -> str | None:
    """The paper the forwarder's note of a mail names as the story's ("Gui phong bai bao Quang
    Tri ve vu chay"): the subject and the lines between the last message's headers and the rule
    over the story. ``None`` for text that is no mail, or whose note names no known paper."""
    message = _last_message(text)
    if message is None:
        return None
    sender = _SENDER.search(message[:600])  # a newsletter forwarded whole: "From: ... <news@independent.co.uk>"
    if sender and (owner := table.by_host(sender.group(1))):
        return owner
    note: list[str] = []
    for line in message.split("\n"):
        line = line.strip()
        if _RULE_LINE.fullmatch(line):
            break
        if not _MAIL_HEADER.fullmatch(line) or line.lower().startswith(("subject", "chủ đề")):
            note.append(line)
    else:
        # no rule sets the note apart: a short first paragraph after the headers still says
        # where the story is from ("FYI, from the Vientiane Times site (Thursday's paper)")
        paragraphs = [p.strip() for p in "\n".join(note).split("\n\n")
                      if p.strip() and not p.strip().lower().startswith(("subject", "chủ đề"))]
        lines = paragraphs[0].split("\n") if paragraphs else []
        if len(paragraphs) < 2 or len(lines) > 4 or not _NOTE_OPENER.match(lines[0]):
            return None  # a headline ("Journalists from the Bangkok Post win award") names no source
        return _note_outlet(lines, table, english_only=True)
    return _note_outlet(note, table)


#: A collector's note in brackets naming the print edition a text was typed from ("[go lai tu
#: bao giay - Tien Phong so ra ngay 3/3/2025, trang 7]"): the paper, then the issue's day.
_PRINT_NOTE = re.compile(r"^[ \t]*[\[(][^\])\n]*?\b((?:[A-ZĐ][\w'’.-]*[ \t]+){0,3}[A-ZĐ][\w'’.-]*)[ \t]+"
                         r"(?:số ra ngày|so ra ngay|số báo ngày|so bao ngay|(?:print )?edition of)[ \t]+"
                         r"(\d{1,2}/\d{1,2}/\d{4})", re.I)


def print_note(text: str, table: SourceTable) -> tuple[str | None, _dt.date | None]:
    """The known paper and the issue's day a collector's note at the top names as the print
    edition a text was typed from; ``(None, None)`` when there is no such note."""
    match = _PRINT_NOTE.match(text.lstrip("\n"))
    if match is None:
        return None, None
    return _closing_name(match.group(1).split(), table), parse_date(match.group(2))


def _closing_name(words: list[str], table: SourceTable) -> str | None:
    """The known outlet the last of ``words`` name ("... Tien Phong", "For the file. Philstar")."""
    return next(filter(None, (table.lookup(" ".join(words[k:]), strict=True) for k in range(len(words)))), None)


#: The sender's address on a message's From: line.
_SENDER = re.compile(r"^[ \t]*(?:From|Từ)[ \t]*:[^\n@]*@([\w-]+(?:\.[\w-]+)+)>?[ \t]*$", re.M)
#: An outlet a note names in English ("from the Vientiane Times site", "via Bangkok Post").
_NOTE_FROM = re.compile(r"\b(?:from|via)\s+(?:the\s+)?((?:[A-Z][\w'’.]*[ \t]*){1,4})")
#: A paper named as the one that ran the story ("Philstar ran this in the print edition"): the
#: name closes the capitalised words before the verb.
_NOTE_RAN = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){1,4})(?:ran|published|carried|printed)[ \t]+"
                       r"(?:this|it|the story|the piece)\b")


def _note_outlet(note: list[str], table: SourceTable, *, english_only: bool = False) -> str | None:
    """The known paper a forwarder's note names ("bai bao Quang Tri", "from the Vientiane Times
    site"); with ``english_only``, only the English form counts (a first paragraph may be the
    story)."""
    text = "\n".join(note)
    english = ((_NOTE_FROM, ""), (_NOTE_RAN, ""))
    for pattern, prefix in english if english_only else ((_NOTE_PAPER, "Báo "), *english):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            if pattern is _NOTE_RAN:  # the name closes the words before "ran" ("For the file. Philstar ran")
                found = _closing_name(words, table)
                if found:
                    return found
                continue
            for n in range(len(words), 0, -1):  # "Bao Quang Tri" before "Bao Quang"
                found = table.lookup(prefix + " ".join(words[:n]), strict=True)
                if found:
                    return found
    named = named_beside_address(text)  # "bài của Phụ nữ Việt Nam (phunuvietnam.vn)": a paper outside the table
    return canonical_source(named, table) if named else None


def _last_message(text: str) -> str | None:
    """The innermost message of a mail, from its headers on: what follows the last
    "Forwarded message" line, or the whole text when it opens with mail headers; ``None``
    for text that is no mail."""
    marks = list(_FORWARD.finditer(text))
    if marks:
        return text[marks[-1].end():]
    return text if _opens_with_mail_headers(text) else None


def _opens_with_mail_headers(text: str) -> bool:
    """Whether ``text`` starts as a saved mail: a "From:" line among two or more header lines."""
    head: list[str] = []
    for line in text.lstrip().split("\n"):
        if not _MAIL_HEADER.fullmatch(line.strip()):
            break
        head.append(line.strip().lower())
    return len(head) >= 2 and any(h.startswith(("from", "từ")) for h in head)


#: The tools of one story (text size, print, share), which sit under its date, unlike the site's menu.
_ARTICLE_TOOLS = re.compile(r"\b(?:Cỡ chữ|In bài|A-\s+A\+|Print|Font size)\b", re.I)


def lead_in(body: str, table: SourceTable) -> tuple[str | None, str | None, str]:
    """The outlet a page's top names, the headline under its date bar (``None`` when no
    date bar stands before it), and ``body`` without the menus, the breadcrumbs and that
    headline; the date bar stays where it was, as the dates module reads it."""
    lines = body.split("\n")
    outlet: str | None = None
    dates: list[str] = []
    i = seen = 0
    while i < len(lines) and seen < _LEAD_LINES:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        seen += 1
        column_end = _menu_column(lines, i - 1)
        if column_end > i - 1:  # a menu one item a line ("Thời sự", "Thế giới", "Pháp luật", ...)
            dates, i = [], column_end
            continue
        if line[0] in "([" and line[-1] in ")]" and line.count(line[0]) == 1:
            continue  # a collector's note in brackets ("(chep lai tu trang voatiengviet.com, go khong dau)")
        if _ARTICLE_TOOLS.search(line) and is_menu(line):
            continue  # the story's own tool bar under its date ("Cỡ chữ A- A+ In bài Chia sẻ"): the date stays
        section, bar, dated = line.rpartition("|")
        if bar and len(section.split()) <= 3 and parse_date(dated.strip()):
            dates.append(dated.strip())  # the desk, then the date: "General  |  19/08/2025 04:52 PM"
            continue
        if is_menu(line):
            dates = []  # a date above the site's menu is its "today" bar, not the article's
            if " - " in line:  # "VnExpress - Thời sự / Pháp luật": the site, then its breadcrumb
                outlet = outlet or table.lookup(line.partition(" - ")[0].strip())
            # "freemalaysiatoday.com  |  NEWS > NATION": the site's address, then its section
            outlet = outlet or (_outlet_line(line, table) or (None, ""))[0]
            continue
        named = _outlet_line(line, table)
        if named is not None:
            outlet, rest = named
            dated = line.partition(" - ")[2].strip()
            if dated and parse_date(dated):  # "Bao Gia Lai - Thu Ba, 11/06/2024 09:40": the paper, then its date
                dates.append(dated)
                continue
            if rest:  # "ANTARA News - Indonesia, Vietnam police agree ...": the headline follows the name
                lines[i - 1] = rest
                i -= 1
                break
            continue
        if is_date_bar(line) or _SOURCE_LINE.match(line):  # "Nguon: qdnd.vn - ..., 28/07/2025 16:35"
            dates.append(lines[i - 1])
            continue
        if dates and _SECTION_LABEL.fullmatch(line) and is_headline(_next_line(lines, i)):
            continue  # the desk's label between a wire's date line and its headline ("GENERAL")
        i -= 1
        break
    rest = lines[i:]
    headline = None
    if dates and rest and is_headline(rest[0]) and any(x.strip() for x in rest[1:]):
        headline, rest = " ".join(rest[0].split()), rest[1:]
    elif not dates:
        top = _chrome_over_byline(rest)
        if top:  # "Skip to main content", a menu one word a line, a tagline, the section
            over = next(line for line in reversed(rest[:top]) if line.strip())
            dated = [over, ""] if is_date_bar(over.strip()) else []  # the date over the headline stays
            headline, rest = " ".join(rest[top].split()), dated + rest[top + 1:]
    return outlet, headline, "\n".join([*dates, "", *rest] if dates else rest).strip("\n")


#: One item of a menu printed one item a line: one to three words, no digit, no full stop.
_MENU_ITEM = re.compile(r"[^\W\d_]+(?:[ &-]+[^\W\d_]+){0,2}")


def _menu_column(lines: list[str], k: int) -> int:
    """The index after a menu printed one item a line from ``lines[k]`` on (four items or
    more, no blank line between them); ``k`` when none starts there."""
    j = k
    while j < len(lines) and _MENU_ITEM.fullmatch(lines[j].strip()):
        j += 1
    return j if j - k >= 4 else k


#: A desk or section label in capitals, one to three words ("GENERAL", "WORLD NEWS").
_SECTION_LABEL = re.compile(r"[A-Z&/]+(?: [A-Z&/]+){0,2}")


def _next_line(lines: list[str], i: int) -> str:
    """The first line from ``i`` on that is not blank ("" when none is)."""
    return next((line for line in lines[i:] if line.strip()), "")


def byline_over_date(body: str, table: SourceTable) -> str | None:
    """The outlet whose name alone opens ``body`` over a date line ("KYODO" then "Jun 12,
    2025" under a paper's headline): the story's byline, so its source."""
    lines = [line.strip() for line in body.lstrip().split("\n", 2)]
    if len(lines) < 2 or len(lines[0]) > 40 or not is_date_bar(lines[1]):
        return None
    return table.lookup(lines[0], strict=True)


#: A byline line under a headline ("By Reuters", "By Nguyen Ha and Tran Minh").
_BYLINE_LINE = re.compile(r"(?:By|BY|Bởi)\s+[A-ZÀ-Ỹ][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-ZÀ-Ỹ][\w.'’-]*){0,5}")


def _chrome_over_byline(lines: list[str]) -> int:
    """The index of a headline (five words or more: not the outlet's name) that a byline or
    a date line follows, or that follows a date line under the menu, when only short lines
    without a full stop stand above it (a copied page's chrome); 0 when there is none."""
    shown = [k for k, line in enumerate(lines[:80]) if line.strip()][:32]
    for n, k in enumerate(shown[1:-1], start=1):
        after = lines[shown[n + 1]].strip()
        dated = n >= 2 and is_date_bar(lines[shown[n - 1]].strip())
        if len(lines[k].split()) < 5 or not is_headline(lines[k]) \
                or not (_BYLINE_LINE.fullmatch(after) or is_date_bar(after) or dated):
            continue
        above = [lines[j].strip() for j in shown[:n]]
        if all(len(x.split()) <= 12 and not x.endswith((".", "!", "?", ":")) for x in above):
            return k
        return 0
    return 0


def is_menu(line: str) -> bool:
    """A site's menu or breadcrumb: short items joined by bars, arrows or wide gaps."""
    if len(line) > 160:
        return False
    for parts in (line.split("|"), re.split(r"\s{2,}|\t", line)):
        parts = [p.strip() for p in parts if p.strip()]
        # "Khoa học - Công nghệ", "Travel & Life": a dash or an ampersand is no word of an item
        if len(parts) >= 3 and all(sum(1 for w in p.split() if w not in ("-", "–", "&")) <= 4
                                   and not p.endswith((".", "?", "!")) for p in parts):
            return True
    return bool(_BREADCRUMB.fullmatch(line))


def menu_outlet(text: str, table: SourceTable) -> str | None:
    """The outlet whose own section names ("Góc nhìn", "Số hóa" for VnExpress) stand in the
    menu at the top of a copied page: two of them name the site; ``None`` when no outlet's
    do, or more than one's."""
    if not table.menus:
        return None
    hits: dict[str, set[str]] = {}
    for line in text[:4000].split("\n")[:_MENU_LINES]:
        line = line.strip()
        if len(line) <= 30:  # a menu one item a line
            items = [line]
        elif is_menu(line):
            items = re.split(r"\s*\|\s*|\s{2,}|\t", line)
        else:
            continue
        for item in items:
            key = fold_key(item.strip())
            if key in table.menus:
                hits.setdefault(table.menus[key], set()).add(key)
    named = [outlet for outlet, sections in hits.items() if len(sections) >= 2]
    return named[0] if len(named) == 1 else None


#: Date lines only one outlet prints: VnExpress's "Thứ hai, 15/9/2025, 08:30 (GMT+7)" (the
#: weekday in lowercase, day and month without a leading zero, the zone in brackets).
_DATE_STYLES = ((re.compile(r"(?:^|>)[ \t]*(?:Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật), [1-9]\d?/[1-9]\d?/20\d\d, "
                            r"\d{1,2}:\d\d \(GMT\+7\)[ \t]*(?:$|<)", re.M), "VnExpress"),)


def date_style_outlet(text: str) -> str | None:
    """The outlet whose own style of date line a copied page carries near its top; ``None``
    when the page's date line is in no outlet's own style."""
    head = text[:3000]
    return next((outlet for pattern, outlet in _DATE_STYLES if pattern.search(head)), None)


#: A share bar's "follow us" link ("Theo dõi Lao Động trên Google News", "Follow VietnamPlus on
#: Google News"): the name before it is the site's.
_FOLLOW = re.compile(r"(?P<name>[^\W\d_][^\n·|•]{1,40}?)\s+(?:trên|tren|on)\s+google\s+(?:news|tin tức|tin tuc)\b", re.I)
_FOLLOW_VERB = re.compile(r"^.*?\b(?:theo dõi|theo doi|follow)\s+", re.I)


def follow_outlet(text: str, table: SourceTable) -> str | None:
    """The outlet a page's "follow us on Google News" link names; ``None`` when none does."""
    if "oogle" not in text:
        return None
    for match in _FOLLOW.finditer(text):
        name = _FOLLOW_VERB.sub("", match.group("name").strip()).strip()
        found = table.lookup(name)
        if found:
            return found
        words = name.split()
        if _FOLLOW_VERB.match(match.group("name").strip()) and 1 <= len(words) <= 5 \
                and words[0][0].isupper() and words[-1][0].isupper():
            return canonical_source(name, table)  # "Theo dõi Người Đưa Tin trên Google News": a site outside the table
    return None


def is_date_bar(line: str) -> bool:
    """A line that only says when ("Monday November 24, 2025", "18th February 2025 18:40
    GMT+700", "Thứ Ba, 27/06/2023 19:05")."""
    if len(line) > 60 or not re.search(r"\d", line):
        return False
    words = _TOKENS.findall(fold_key(line))
    return all(word in _DATE_WORDS for word in words) and bool(re.search(r"\d{4}|\d{1,2}/\d{1,2}", line))


#: What parts a masthead line's names: two spaces or more, a bar, a breadcrumb's arrow.
_MASTHEAD_PARTS = re.compile(r"[ \t]{2,}|[ \t]*[|>»][ \t]*")


def _outlet_line(line: str, table: SourceTable) -> tuple[str, str] | None:
    """``(outlet, rest)`` when ``line`` is an outlet's name, alone or before a section name
    ("baotintuc.vn - Pháp luật", rest "") or a headline ("ANTARA News - Indonesia, ...")."""
    if len(line) <= 40:
        found = table.lookup(line)
        if found:
            return found, ""
    # a masthead of parts: "ANTĐ.VN  An ninh Thủ đô", "freemalaysiatoday.com  |  NEWS > NATION"
    parts = [part for part in _MASTHEAD_PARTS.split(line) if part.strip()] if len(line) <= 80 else []
    found = next(filter(None, (table.lookup(part, strict=True) for part in parts)), None) if len(parts) > 1 else None
    if found:
        return found, ""
    head, sep, tail = line.partition(" - ")
    if not sep or len(head) > 40:
        return None
    found = table.lookup(head)
    if not found:
        return None
    return found, tail.strip() if len(tail.split()) > 4 else ""


#: The form of a company at the end of its name ("Bangkok Post PCL", "... Co., Ltd").
_COMPANY_FORM = re.compile(r"[\s,]{1,4}(?:PCL|Plc|PLC|JSC|Co\.?,?\s*Ltd\.?|Ltd\.?|Limited|Public Company Limited|"
                           r"Sdn\.?\s*Bhd\.?|Bhd\.?|Berhad|Inc\.?|Corp\.?|Corporation)$")


def copyright_holder(line: str, table: SourceTable) -> str | None:
    """The outlet a copyright line names ("© Copyright of Nhan Dan Online. All rights
    reserved." → Nhân Dân; "© Bản quyền thuộc Bộ Công an. Ghi rõ nguồn ..." → MPS)."""
    holder = " ".join(_COPYRIGHT_NOISE.sub(" ", line).split())
    holder = re.split(r"\.\s|\s\|\s|;", holder, maxsplit=1)[0]
    holder = _HOLDER_LEAD.sub("", holder.strip(" .,-")).strip(" .,-")
    if not holder:
        return None
    # a paper not in the table still names itself ("Bản quyền thuộc về Báo Đà Nẵng"); a
    # company holding the rights ("XYZ Media JSC") is no outlet
    paper = _PAPER.match(holder)
    named = paper is not None and all(word[0].isupper() for word in paper.group(1).split())
    # the paper's own company ("© Bangkok Post PCL"): its name without the company's form
    company = _COMPANY_FORM.sub("", holder)
    return table.lookup(holder) or (table.lookup(company) if company != holder else None) \
        or (canonical_source(holder, table) if named or outlet_like(holder) else None)


def footer_outlet(lines: list[str], table: SourceTable) -> str | None:
    """The outlet the last lines name: a copyright line, the paper's statement of whose
    organ it is ("Báo Đắk Lắk - Cơ quan của Đảng bộ tỉnh Đắk Lắk"), its name with its
    site ("Báo Gia Lai điện tử - baogialai.com.vn"), or its reader hotline."""
    outlet = None
    for line in reversed(lines[-7:]):
        moderated = _DISCRETION.search(line)  # a comment box's notice: "... at the discretion of the Taipei Times."
        if moderated:
            outlet = outlet or table.lookup(moderated.group("name"))
        if len(line) >= 200:
            continue
        if _COPYRIGHT.search(line):
            outlet = outlet or copyright_holder(line, table)
        organ = ORGAN.match(line.strip()) or _PAPER_SITE.match(line.strip()) or _HOTLINE.search(line)
        if organ:
            outlet = outlet or canonical_source(re.split(r"\s[-–—|]\s", organ.group("name"))[-1], table)
    return outlet


def tail_off(body: str, table: SourceTable) -> tuple[str | None, str]:
    """The outlet a copyright line names, and ``body`` without the chrome after the story:
    related links (from their heading on, when only short lines follow), tags, share bars,
    comment boxes and copyright lines."""
    lines = body.split("\n")
    outlet = footer_outlet(lines, table)
    cut = len(lines)
    start = int(len(lines) * 0.5)
    for k in range(start, len(lines)):
        folded = fold_key(lines[k].strip())
        # readers' comments follow the box's heading, however long; an empty box ("(0)") is one line
        if _COMMENTS.fullmatch(folded) and not folded.endswith("(0)"):
            cut = k
            break
        if _RELATED.fullmatch(folded) or folded.startswith("related news:"):
            after = [x for x in lines[k + 1:] if x.strip()]
            if all(len(x) <= 200 for x in after):
                cut = k
                break
    # a credit line closing the copied page under its related links ("Nguồn: baoquangninh.vn")
    # is the story's, not the list's
    closing = next((x.strip() for x in reversed(lines[cut:]) if x.strip()), "")
    lines = lines[:cut] + ([closing] if cut < len(lines) and _SOURCE_LINE.match(closing) else [])
    while lines and len(lines) > 1 and len(lines[-1]) <= 200 and (
            not lines[-1].strip() or is_menu(lines[-1].strip()) or _COPYRIGHT.search(lines[-1])
            or _TAIL_LINE.fullmatch(fold_key(lines[-1].strip())) or (lines[-1].strip().isupper() and len(lines[-1]) > 60)):
        lines.pop()
    return outlet, "\n".join(lines)
