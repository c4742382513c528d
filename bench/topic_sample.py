"""A fixed sample of real news articles for measuring topic tagging.

The labelled fixture sets under ``tests/fixtures/`` were written for this project; this sample
is real text nobody on the team wrote: Vietnamese articles from Dân trí
(``vi-news-underthesea-unc``) and Reuters-21578 newswire. Most of it is about other things
(sport, markets, health), which is what tests over-tagging; articles that name crime or
police are over-sampled so that each topic has positives.

Selection is deterministic (fixed seed, fixed keyword list), and every article falls into
the ``tune`` or ``test`` half by a hash of its id, so rules are tuned on one half and
measured on the other. Topic labels come from analysts who followed
``tests/fixtures/topic-labelling-guide.md`` without seeing the extractor
(``tests/fixtures/topics_real.json``).

    python bench/topic_sample.py --export DIR    # one text file per article, for labelling
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DANTRI = DATA / "vi-news-underthesea-unc" / "unc_dantri.jsonl.gz"
REUTERS = DATA / "reuters21578" / "reuters21578.jsonl.gz"
LABELS = ROOT / "tests" / "fixtures" / "topics_real.json"
LABELS2 = ROOT / "tests" / "fixtures" / "topics_real2.json"

#: Broad words for crime, police and borders. They only decide which articles are
#: over-sampled; the labels are the analysts'.
VI_WORDS = ("công an", "bắt giữ", "bắt giam", "khởi tố", "lừa đảo", "ma túy", "ma tuý", "buôn lậu",
            "tham nhũng", "truy nã", "dẫn độ", "xuất cảnh", "nhập cảnh", "mua bán người", "tội phạm",
            "biên giới", "khủng bố", "tin tặc", "hacker", "rửa tiền", "hối lộ", "cảnh sát")
EN_WORDS = ("drug", "smuggl", "fraud", "brib", "corrupt", "extradit", "terroris", "police", "border",
            "launder", "arrest", "narcotic", "customs", "guerrilla", "hijack", "immigra")
MAX_CHARS = 5000
SEED = 20261123
#: The second sample (drawn after the first was labelled): only articles that name at least
#: two of the words, so that most of it is about crime or police, none of the first sample.
SEED2 = 20261124
MIN_WORDS2 = 2


@dataclass(frozen=True)
class SampleArticle:
    """One article of the sample, as the ingester will be given it."""

    key: str
    title: str
    text: str
    date: str | None
    lang: str

    @property
    def half(self) -> str:
        """``tune`` or ``test``, fixed by the key (the first sample's halves)."""
        return "test" if hashlib.sha1(self.key.encode()).digest()[0] & 1 else "tune"


def _dantri() -> list[SampleArticle]:
    out = []
    with gzip.open(DANTRI, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = row["text"].strip()
            if len(text) > MAX_CHARS:
                continue
            title, _, body = text.partition("\n")
            out.append(SampleArticle(f"dantri:{row['id']}", title.strip(), body.strip(), (row.get("date") or "")[:10] or None,
                                     "vi"))
    return out


def _reuters() -> list[SampleArticle]:
    out = []
    with gzip.open(REUTERS, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            body = (row.get("body") or "").strip()
            if not body or not row.get("title") or len(body) > MAX_CHARS:
                continue
            out.append(SampleArticle(f"reuters:{row['id']}", row["title"].strip(), body, (row.get("date") or "")[:10] or None,
                                     "en"))
    return out


def _matches(article: SampleArticle, words: tuple[str, ...], least: int = 1) -> bool:
    text = (article.title + "\n" + article.text).lower()
    return sum(word in text for word in words) >= least


def _pick(pool: list[SampleArticle], words: tuple[str, ...], matched: int, other: int,
          rng: random.Random) -> list[SampleArticle]:
    hits = [a for a in pool if _matches(a, words)]
    rest = [a for a in pool if not _matches(a, words)]
    return rng.sample(hits, min(matched, len(hits))) + rng.sample(rest, min(other, len(rest)))


def sample() -> list[SampleArticle]:
    """The 200 articles, in a fixed order."""
    rng = random.Random(SEED)
    chosen = _pick(_dantri(), VI_WORDS, 100, 40, rng) + _pick(_reuters(), EN_WORDS, 40, 20, rng)
    return sorted(chosen, key=lambda a: a.key)


def sample2() -> list[SampleArticle]:
    """The second sample: 120 Dân trí and 60 Reuters articles naming at least
    :data:`MIN_WORDS2` of the crime words, none of them in :func:`sample`, in a fixed order.
    Drawn to give the tuning more articles with topics than the first sample had."""
    first = {a.key for a in sample()}
    rng = random.Random(SEED2)
    chosen = []
    for pool, words, count in ((_dantri(), VI_WORDS, 120), (_reuters(), EN_WORDS, 60)):
        hits = [a for a in pool if a.key not in first and _matches(a, words, MIN_WORDS2)]
        chosen += rng.sample(hits, min(count, len(hits)))
    return sorted(chosen, key=lambda a: a.key)


def available() -> bool:
    """Whether the shared data the sample is drawn from is on this machine."""
    return DANTRI.exists() and REUTERS.exists()


def export(directory: Path, second: bool = False) -> int:
    """Write one plain-text file per article (title, blank line, text) for the labellers."""
    directory.mkdir(parents=True, exist_ok=True)
    articles = sample2() if second else sample()
    for article in articles:
        name = re.sub(r"[^a-z0-9]+", "_", article.key) + ".txt"
        (directory / name).write_text(f"{article.key}\n{article.title}\n\n{article.text}\n", encoding="utf-8")
    return len(articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--export", type=Path, help="write the sample as text files into this folder")
    parser.add_argument("--second", action="store_true", help="the second sample (crime and police stories)")
    args = parser.parse_args()
    if not available():
        print(f"topic_sample: {DATA} is absent; the sample is drawn from it", file=sys.stderr)
        return 2
    if args.export:
        print(f"{export(args.export, args.second)} articles written to {args.export}")
    elif args.second:
        print(f"{len(sample2())} articles")
    else:
        halves = [a.half for a in sample()]
        print(f"{len(halves)} articles: tune {halves.count('tune')}, test {halves.count('test')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
