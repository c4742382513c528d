"""Plain-text and Markdown articles: the metadata header and the body.

Files may open with ``key: value`` lines (title, date, source, …) or, as in the seeds,
with `` date 2025-08-19 REST`` where REST already belongs to the article. Only known keys
(English, or Vietnamese: "Tiêu đề", "Ngày đăng", "Nguồn") count as header, so a body line
"Note: …" is never eaten.
"""

from __future__ import annotations

import re

from searchlib.textnorm import fold, normalize_text

#: Header keys (lowercase) → metadata field.
HEADER_KEYS = {
    "title": "title", "headline": "title", "date": "date", "published": "date", "source": "source",
    "url": "url", "link": "url", "author": "author", "by": "author", "people": "people",
    "persons": "people", "topics": "topics", "tags": "topics", "lang": "lang", "language": "lang", "id": "id",
    "section": "section", "category": "section",
    # when a clipping tool saved the page: the reader's day, not the article's
    "retrieved": "retrieved", "accessed": "retrieved", "saved": "retrieved", "fetched": "retrieved",
    "clipped": "retrieved", "captured": "retrieved", "downloaded": "retrieved",
    # Vietnamese headers, as Vietnamese sites and clipping tools write them
    "tiêu đề": "title", "ngày": "date", "ngày đăng": "date", "ngày xuất bản": "date", "thời gian": "date",
    "nguồn": "source", "nguồn tin": "source", "tác giả": "author", "đường dẫn": "url", "liên kết": "url",
    "chuyên mục": "section", "danh mục": "section", "thể loại": "section", "từ khóa": "topics",
    "ngày truy cập": "retrieved", "ngày lưu": "retrieved",
}
#: The Vietnamese keys typed without accents ("Nguon: Tuoi Tre Online").
HEADER_KEYS.update({fold(key): field for key, field in list(HEADER_KEYS.items()) if fold(key) not in HEADER_KEYS})
#: "key: value" where the key is one to three words ("Ngày đăng: ...").
_KEY_VALUE = re.compile(r"\s*([^\W\d_]+(?: [^\W\d_]+){0,2})\s*:\s*(.*?)\s*")
_SEED_DATE = re.compile(r"\s*date\s+(\d{4}-\d{1,2}-\d{1,2})(?:\s+(.*?))?\s*", re.I)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into header metadata and the body that follows it."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip() and not meta:
        i += 1
    while i < len(lines):
        line = lines[i]
        seed = _SEED_DATE.fullmatch(line)
        if seed:
            meta.setdefault("date", seed.group(1))
            if seed.group(2):
                lines[i] = seed.group(2)
                break
            i += 1
            continue
        pair = _KEY_VALUE.fullmatch(line)
        field = HEADER_KEYS.get(normalize_text(pair.group(1)).lower()) if pair else None
        if field is None or not pair.group(2):
            break
        meta.setdefault(field, pair.group(2))
        i += 1
    if meta and i < len(lines) and not lines[i].strip():
        i += 1
    return meta, "\n".join(lines[i:])
