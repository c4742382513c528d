"""Line-level cleaning of article bodies: site chrome, image debris, bylines.

Scraped press releases carry the share bar ("Chia sẻFacebook"), print links, comment
counters, lone image file names and clock times. They are noise for search and for the
extractors (a share bar is not a sentence), so every format's body goes through
:func:`clean_body` before anything is extracted from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from searchlib.ingest.dates import parse_date
from searchlib.ingest.namewords import REJECT, REJECT_PHRASES, SURNAME_PLACES, SURNAMES
from searchlib.textnorm import fold_key

_BOILERPLATE = re.compile(
    r"(?:print|in|in bai|share|share this|share on (?:facebook|twitter|zalo)|facebook|twitter|tweet|"
    r"email|e-mail|zalo|linkedin|copy link|copy url|back to top|len dau trang|xem them|theo doi|"
    r"chia se(?: ?(?:facebook|twitter|zalo|email|bai viet))*|"
    r"(?:comments?|binh luan|y kien) ?\(\d+\))"
)
_IMAGE_FILE = re.compile(r"\d*\s*[\w ()\-.,]*\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif)", re.I)
_CLOCK = re.compile(r"\(?\d{1,2}:\d{2}(?::\d{2})?\s*(?:(?:GMT|UTC)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?\)?", re.I)
_IMAGE_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)(?:[ \t]*\|)?")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_PUNCT_ONLY = re.compile(r"[\W_]*")
#: "(Photo: VNA)Hanoi (VNA) –": a caption glued to the next paragraph's first word.
_GLUED_CAPTION = re.compile(r"(\((?:Photo|Ảnh|Photos|Nguồn ảnh)\s*:[^()\n]{1,80}\))(?=[^\W\d_])")
_BYLINE = re.compile(
    r"(?P<kind>By|Written by|Reported by|Bài và ảnh:?|Bài, ảnh:?|Bài:|Tác giả:|Theo|Nguồn:|Nguon:|Source:)"
    r"\s+(?P<name>[^\W\d_][^\n]{0,60}?)[\s.]*"
)

#: A translator's or an editor's line after the credit ("Source: VNA" / "Translated by Tran
#: Hoai"): the page's staff, not the story's credit, which stands above it.
_STAFF_LINE = re.compile(r"(?:Translated by|Translation by|Edited by|Editor:|Biên dịch:|Bien dich:|Người dịch:|"
                         r"Nguoi dich:|Dịch:|Dich:)\s*[^\W\d_][^\n]{0,40}")

#: Writers signing together, as Vietnamese papers print them: "Trần Minh Khoa - Ngọc Khải".
_WRITER = r"[^\W\d_][\w'’]*(?:[ \t][^\W\d_][\w'’]*){1,3}"
_CO_AUTHORS = re.compile(_WRITER + r"(?:[ \t]+[-–][ \t]+" + _WRITER + r"){1,2}")

#: "Nguồn: https://thanhnien.vn/...", "Link: https://baokhanhhoa.vn/...": the story's address as
#: its credit (the site is the source).
_URL_CREDIT = re.compile(r"(?P<kind>Nguồn:|Nguon:|Source:|Link gốc:|Link goc:|Link:|URL:|Đường dẫn:|"
                         r"Duong dan:)\s*(?P<name>https?://\S+)", re.I)


#: A collector's note after a closing credit: when the page was copied or read.
_COPY_NOTE = re.compile(r"\s*[-–—,(]\s*(?:copy|copied|chép|chep|lấy về|lay ve|truy cập|truy cap|accessed|retrieved|"
                        r"saved)\b[^\n]*$", re.I)


@dataclass
class Cleaned:
    """A cleaned body and what was taken off its end.

    ``credit_kind`` is the word that introduced the removed last line ("By", "Theo",
    "Nguồn:"), ``credit`` the name after it; both are ``None`` when there was none.
    """

    body: str
    credit_kind: str | None = None
    credit: str | None = None
    #: A writer's byline taken from the first lines ("By Phoutthasinh Manivong", "Tác giả: …").
    byline: str | None = None


def clean_body(text: str) -> Cleaned:
    """Drop boilerplate lines, image markup and debris; take a final byline off the end and
    a writer's byline off the first lines."""
    text = _GLUED_CAPTION.sub(r"\1\n", _IMAGE_MARKUP.sub("", text))
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        if _is_debris(line.strip()):
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    cleaned = Cleaned(body="")
    if len(lines) > 2 and _STAFF_LINE.fullmatch(lines[-1].strip()) \
            and _BYLINE.fullmatch(next((line for line in reversed(lines[:-1]) if line), "").strip()):
        lines.pop()
        while lines and not lines[-1]:
            lines.pop()
    if lines:
        last = _COPY_NOTE.sub("", lines[-1].strip())  # "Nguồn: baoquangninh.vn — copy ngày 04/02/2026"
        match = _URL_CREDIT.fullmatch(last) or _BYLINE.fullmatch(last)
        if match and (match.re is _URL_CREDIT or _looks_like_name(match.group("name"))):
            cleaned.credit_kind = match.group("kind").rstrip(":").replace("Nguon", "Nguồn")  # typed without accents
            cleaned.credit = match.group("name").strip()
            lines.pop()
            while lines and not lines[-1]:
                lines.pop()
    if lines and cleaned.credit is None and (_co_authors(lines[-1]) or _signature(lines)):
        cleaned.byline = lines.pop().strip()  # "Trung Hiếu - Quốc Thắng", "Hoàng Thanh Sơn" signing the story
    top = [k for k, line in enumerate(lines) if line.strip()][:4]
    for k in top:
        match = _BYLINE.fullmatch(lines[k].strip())
        if match and match.group("kind").rstrip(":") in WRITER_KINDS and _looks_like_name(match.group("name")):
            cleaned.byline = match.group("name").strip()
            words = cleaned.byline.split()
            cut = next((i for i in range(1, len(words)) if parse_date(" ".join(words[i:]))), None)
            if cut is not None:  # "By The Irrawaddy 21 November 2024": the date stays
                cleaned.byline = " ".join(words[:cut]).rstrip(" ,|·–-")
                lines[k] = " ".join(words[cut:])
            else:
                del lines[k]
            break
        if _co_authors(lines[k]) and k + 1 < len(lines) and parse_date(lines[k + 1].strip()):
            cleaned.byline = lines[k].strip()  # the writers over the date line of a copied page
            del lines[k]
            break
    if cleaned.byline is None:  # the writer's name between the lead and the story, under the page's top
        k = next((k for k in [k for k, line in enumerate(lines) if line.strip()][:8]
                  if _writer_name(lines[k].strip()) and _under_lead(lines, k)), None)
        if k is not None:
            cleaned.byline = lines[k].strip()
            del lines[k]
    cleaned.body = "\n".join(lines).strip("\n")
    return cleaned


#: Bylines that name a writer (not an outlet credited with "Theo" or "Nguồn").
WRITER_KINDS = ("By", "Written by", "Reported by", "Tác giả", "Bài")


def _co_authors(line: str) -> bool:
    """Whether ``line`` is only writers' names joined by dashes, every word capitalised."""
    line = line.strip()
    return bool(_CO_AUTHORS.fullmatch(line)) and all(w[0].isupper() for w in line.split() if w not in "-–")


def _signature(lines: list[str]) -> bool:
    """Whether the last line is a Vietnamese writer's name signing the story: a paragraph of
    its own, two to four capitalised words, the first a family name ("Hoàng Thanh Sơn")."""
    return len(lines) >= 5 and not lines[-2].strip() and _writer_name(lines[-1])


def _writer_name(line: str) -> bool:
    """Whether ``line`` is only a Vietnamese name: two to four capitalised words, the first a
    family name, and no place ("Hà Nội", "Lâm Đồng")."""
    words = line.split()
    folded = fold_key(line)
    return 2 <= len(words) <= 4 and all(word.isalpha() and word[0].isupper() for word in words) \
        and words[0].lower() in SURNAMES and folded not in SURNAME_PLACES \
        and not any(word.lower() in REJECT for word in words) \
        and not any(f" {phrase} " in f" {folded} " for phrase in REJECT_PHRASES)


def _under_lead(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is a paragraph of its own under the lead, a paragraph ending a
    sentence, with the story after it: where a Vietnamese paper prints its writer's name."""
    before = [line for line in lines[:k] if line.strip()]
    return bool(before) and len(before[-1]) > 80 and before[-1].rstrip()[-1:] in ".!?:”\"" \
        and (k == 0 or not lines[k - 1].strip()) and k + 1 < len(lines) and not lines[k + 1].strip() \
        and any(line.strip() for line in lines[k + 1:])


def _is_debris(line: str) -> bool:
    if len(line) > 60:
        return False
    if _PUNCT_ONLY.fullmatch(line) or _CLOCK.fullmatch(line) or _IMAGE_FILE.fullmatch(line):
        return True
    return _BOILERPLATE.fullmatch(fold_key(line)) is not None


def _looks_like_name(name: str) -> bool:
    """A byline names a person or an outlet: a few words, starting with a capital (or a
    domain), no sentence punctuation."""
    words = name.split()
    if not 1 <= len(words) <= 6 or re.search(r"[,!?;:]|\.\s", name):
        return False
    return name[0].isupper() or _DOMAIN.fullmatch(name) is not None
