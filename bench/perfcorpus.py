"""The deterministic benchmark corpus of ``bench/perf.py``: real news text recombined into
articles of press-release length, written to disk in the forms users have.

Text comes from ``../shared/data``: Reuters-21578 bodies and XQuAD-en paragraphs for the
English articles; Dân trí news, XQuAD-vi paragraphs and ALQAC law articles for the
Vietnamese ones (one article in five). Each article opens with the paragraphs of one source
document (its title too) and is filled up to a drawn length of 2-5 KB with paragraphs of
other documents of the same language, so N articles are N distinct texts even when N is
larger than the source collections. Metadata is drawn too: a date in 2010-2026, a source
from ``searchlib/data/sources.json``, a sentence naming people from ``people.json`` and one
on a topic from ``topics.json`` (so filters, facets and ``"human trafficking" --since 2024``
have realistic work). Same seed, same corpus, byte for byte.

On disk: 75 % ``.txt`` files with ``title:``/``date:``/``source:`` header lines under
``txt/YYYY/MM/``, 10 % HTML pages (head metadata, navigation and footer chrome) under
``html/YYYY/``, 15 % as JSON Lines, 200 records a file, under ``jsonl/``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

REUTERS = Path("reuters21578/reuters21578.jsonl.gz")
DANTRI = Path("vi-news-underthesea-unc/unc_dantri.jsonl.gz")
XQUAD_EN = Path("xquad/xquad.en.json")
XQUAD_VI = Path("xquad/xquad.vi.json")
ALQAC = Path("vi-legal-retrieval-alqac/corpus.jsonl.gz")
REQUIRED = (REUTERS, DANTRI, XQUAD_EN, XQUAD_VI, ALQAC)
DATA_JSON = Path(__file__).resolve().parents[1] / "searchlib" / "data"

SEED = 20261123
PER_JSONL = 200
MIN_BYTES, MAX_BYTES = 2000, 5000
FIRST_DAY, LAST_DAY = dt.date(2010, 1, 1), dt.date(2026, 10, 31)

_EN_PEOPLE = ("{0} said the two sides agreed to step up cooperation.",
              "According to {0}, the measures will take effect next month.",
              "{0} and {1} attended the meeting, officials said.")
_VI_PEOPLE = ("{0} cho biết hai bên nhất trí tăng cường hợp tác.",
              "Theo {0}, các biện pháp sẽ có hiệu lực từ tháng sau.",
              "{0} và {1} dự cuộc họp, các quan chức cho biết.")
_EN_TOPIC = ("Officials also discussed {0} at the regional conference.",
             "The report named {0} as a priority for the coming year.")
_VI_TOPIC = ("Hội nghị cũng bàn về {0} trong khu vực.", "Báo cáo xác định {0} là ưu tiên trong năm tới.")


@dataclass
class Source:
    """One source document: title and paragraphs."""

    title: str
    paragraphs: list[str]


@dataclass
class Pools:
    """Source documents by language."""

    en: list[Source] = field(default_factory=list)
    vi: list[Source] = field(default_factory=list)


@dataclass
class Doc:
    """One benchmark article and its metadata."""

    id: str
    lang: str
    title: str
    body: str
    date: dt.date
    source: str


def missing_data(data: Path) -> Path | None:
    """The first required data file absent under ``data``, or ``None``."""
    return next((data / p for p in REQUIRED if not (data / p).is_file()), None)


def _jsonl_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _paras(text: str, sep: str = r"\n+") -> list[str]:
    """Paragraphs of ``text`` split at ``sep``, whitespace runs made single spaces."""
    parts = re.split(sep, text.replace("\r", ""))
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 4]


def _xquad(path: Path) -> list[Source]:
    out = []
    for art in json.loads(path.read_text(encoding="utf-8"))["data"]:
        for k, para in enumerate(art["paragraphs"]):
            out.append(Source(f"{art['title'].replace('_', ' ')} ({k + 1})", _paras(para["context"])))
    return out


def load_pools(data: Path) -> Pools:
    """Every usable source document, in a fixed order."""
    pools = Pools()
    for o in _jsonl_gz(data / REUTERS):
        paras = _paras((o.get("body") or "").strip().removesuffix("Reuter"), r"\n {2,}")
        if paras and o.get("title"):
            pools.en.append(Source(" ".join(o["title"].split()).title(), paras))
    pools.en += _xquad(data / XQUAD_EN)
    for o in _jsonl_gz(data / DANTRI):
        first, _, rest = o["text"].strip().partition("\n")
        if len(first) < 150 and rest.strip():
            pools.vi.append(Source(first.strip(), _paras(rest)))
    pools.vi += _xquad(data / XQUAD_VI)
    for o in _jsonl_gz(data / ALQAC):
        pools.vi.append(Source(f"{o['law']}, {o['title']}"[:140], _paras(o["text"])))
    pools.en = [s for s in pools.en if s.paragraphs]
    pools.vi = [s for s in pools.vi if s.paragraphs]
    return pools


def _tables() -> tuple[list[str], list[str], list[tuple[str, list[str], list[str]]]]:
    people = [p["name"] for p in json.loads((DATA_JSON / "people.json").read_text("utf-8"))["people"]]
    # the 25 outlets the corpus was first drawn from: the table grows at its end, and a longer
    # list would draw other random numbers, so other articles, from the same seed
    sources = [s["name"] for s in json.loads((DATA_JSON / "sources.json").read_text("utf-8"))["sources"]][:25]
    # likewise each topic's first 12 phrases: the rules' lists grow at their end too
    topics = [(t["label"], (t.get("en") or [t["label"]])[:12], (t.get("vi") or [t["label"]])[:12])
              for t in json.loads((DATA_JSON / "topics.json").read_text("utf-8"))["topics"]]
    return people, sources, topics


def make_docs(pools: Pools, n: int, seed: int = SEED) -> list[Doc]:
    """``n`` articles; the same ``n`` and ``seed`` give the same articles."""
    rng = random.Random(seed)
    people, sources, topics = _tables()
    order = {"en": list(range(len(pools.en))), "vi": list(range(len(pools.vi)))}
    for lst in order.values():
        rng.shuffle(lst)
    span = (LAST_DAY - FIRST_DAY).days
    docs: list[Doc] = []
    for i in range(n):
        lang = "vi" if i % 5 == 4 else "en"
        pool = pools.vi if lang == "vi" else pools.en
        lead = pool[order[lang][(i // 5 if lang == "vi" else i - i // 5 - 1) % len(pool)]]
        target = rng.randint(MIN_BYTES, MAX_BYTES)
        paras = list(lead.paragraphs)
        who = rng.sample(people, 2)
        templates = _VI_PEOPLE if lang == "vi" else _EN_PEOPLE
        paras.insert(min(1, len(paras)), rng.choice(templates).format(*who))
        if rng.random() < 0.6:
            _label, en, vi = rng.choice(topics)
            phrase = rng.choice(vi if lang == "vi" else en)
            paras.append(rng.choice(_VI_TOPIC if lang == "vi" else _EN_TOPIC).format(phrase))
        size = sum(len(p.encode()) + 2 for p in paras)
        while size < target:
            extra = rng.choice(rng.choice(pool).paragraphs)
            paras.insert(rng.randint(1, len(paras)), extra)
            size += len(extra.encode()) + 2
        body = _cap("\n\n".join(paras), MAX_BYTES - len(lead.title.encode()) - 80)
        day = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        docs.append(Doc(f"bench-{i:06d}", lang, lead.title, body, day, rng.choice(sources)))
    return docs


def _cap(text: str, limit: int) -> str:
    """``text`` cut at a paragraph (else word) boundary to at most ``limit`` UTF-8 bytes."""
    if len(text.encode()) <= limit:
        return text
    cut = text.encode()[:limit].decode("utf-8", "ignore")
    para = cut.rfind("\n\n")
    return cut[:para] if para > MIN_BYTES // 2 else cut[:cut.rfind(" ")]


def txt_text(doc: Doc) -> str:
    return f"title: {doc.title}\ndate: {doc.date.isoformat()}\nsource: {doc.source}\n\n{doc.body}\n"


def html_text(doc: Doc) -> str:
    e = html.escape
    paras = "\n".join(f"<p>{e(p)}</p>" for p in doc.body.split("\n\n"))
    return (f'<!DOCTYPE html>\n<html lang="{doc.lang}"><head><meta charset="utf-8">\n'
            f"<title>{e(doc.title)} | {e(doc.source)}</title>\n"
            f'<meta property="og:title" content="{e(doc.title)}">\n'
            f'<meta property="og:site_name" content="{e(doc.source)}">\n'
            f'<meta property="article:published_time" content="{doc.date.isoformat()}T08:00:00+07:00">\n'
            f"<style>body{{font-family:sans-serif}}</style><script>var page='{doc.id}';</script></head>\n"
            f'<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav>\n'
            f"<article><h1>{e(doc.title)}</h1>\n{paras}\n</article>\n"
            f"<footer>© {doc.date.year} {e(doc.source)}. All rights reserved. <a href=\"/contact\">Contact</a>"
            f"</footer></body></html>\n")


def jsonl_record(doc: Doc) -> str:
    return json.dumps({"id": doc.id, "title": doc.title, "date": doc.date.isoformat(), "source": doc.source,
                       "body": doc.body}, ensure_ascii=False)


@dataclass
class Written:
    """What :func:`write_corpus` put on disk."""

    txt: int = 0
    html: int = 0
    jsonl_files: int = 0
    jsonl_records: int = 0
    bytes: int = 0
    vi: int = 0


def write_corpus(docs: list[Doc], root: Path) -> Written:
    """Write ``docs`` under ``root``: 15 of 20 as .txt, 2 as HTML, 3 as JSONL records."""
    out = Written()
    lines: list[str] = []
    for i, doc in enumerate(docs):
        out.vi += doc.lang == "vi"
        slot = i % 20
        if slot < 15:
            path = root / "txt" / f"{doc.date.year}" / f"{doc.date.month:02d}" / f"{doc.id}.txt"
            text = txt_text(doc)
            out.txt += 1
        elif slot < 17:
            path = root / "html" / f"{doc.date.year}" / f"{doc.id}.html"
            text = html_text(doc)
            out.html += 1
        else:
            lines.append(jsonl_record(doc))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        out.bytes += len(data)
    (root / "jsonl").mkdir(parents=True, exist_ok=True)
    for k in range(0, len(lines), PER_JSONL):
        data = ("\n".join(lines[k:k + PER_JSONL]) + "\n").encode("utf-8")
        (root / "jsonl" / f"part-{k // PER_JSONL:04d}.jsonl").write_bytes(data)
        out.jsonl_files += 1
        out.bytes += len(data)
    out.jsonl_records = len(lines)
    return out


def write_new(docs: list[Doc], folder: Path) -> None:
    """Articles added after the build (the incremental update), as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / f"{doc.id}.txt").write_text(txt_text(doc), encoding="utf-8")
