#!/usr/bin/env python3
"""Ingest quality, measured: main-text extraction on real pages and metadata on labelled articles.

1. Main text: the 181 real news pages of ``../shared/data/article-extraction-benchmark``
   with their true article bodies. Each extractor's output is scored the way upstream
   scores it (re-implemented here): the multiset of word 4-gram shingles of the output
   against that of the truth gives TP/FP/FN per page, normalised so every page weighs the
   same; precision and recall are averaged over pages and F1 is their harmonic mean. A
   "pooled" F1 (raw shingle counts summed over all pages) is shown too. Extractors:

   * ``searchdocs``: ``searchlib.ingest.extract_file`` on each ``.html.gz`` file, i.e. what
     ``searchdocs extract`` does, in this one process;
   * ``bs4 get_text``: ``BeautifulSoup(html, "lxml").get_text()``, the floor;
   * ``trafilatura``: ``trafilatura.extract(html)``, the anchor (``pip install trafilatura``;
     skipped with a note when it is not installed; it is not a searchdocs dependency).

   Pages/s is the median over ``--runs`` rounds; the rounds interleave the extractors so
   that a busy machine slows all of them alike, and the ratio to trafilatura is the
   median of the per-round ratios.

2. Metadata: every article in ``tests/fixtures/labelled`` is read with ``extract_file`` and
   compared with the analyst's labels in ``labels.json`` (date, source, people, topics as
   sets, lang); per-field accuracy is printed with the articles that miss.

Usage: ``python bench/extraction.py [--runs 3] [--write]`` (``--write`` replaces the
``## Extraction`` section of ``bench/RESULTS.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import os
import platform
import random
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
LABELLED = ROOT / "tests" / "fixtures" / "labelled"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Extraction"

_WORD = re.compile(r"\w+")


# --- the score ---------------------------------------------------------------------------

def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of word ``n``-grams of ``text`` (a text shorter than ``n`` words is one
    shingle of all its words; an empty text has none)."""
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def counts(truth: str, predicted: str) -> tuple[int, int, int]:
    """(TP, FP, FN) of the shingles of ``predicted`` against those of ``truth``."""
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def page_scores(triples: list[tuple[int, int, int]]) -> dict[str, float]:
    """Upstream's metric over pages: each page's counts are normalised to sum 1, precision
    and recall are averaged over the pages where they are defined, F1 is their harmonic
    mean; "pooled" sums the raw counts instead."""
    precisions, recalls = [], []
    for tp, fp, fn in triples:
        if fp == fn == 0 and tp:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    tp, fp, fn = (sum(t[i] for t in triples) for i in range(3))
    pooled_p = tp / (tp + fp) if tp + fp else 0.0
    pooled_r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": _f1(p, r), "pooled_f1": _f1(pooled_p, pooled_r)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def f1_interval(triples: list[tuple[int, int, int]], rounds: int = 300) -> float:
    """1.96 × the bootstrap standard deviation of F1 (pages resampled with replacement)."""
    rng = random.Random(0)
    n = len(triples)
    values = [page_scores([triples[rng.randrange(n)] for _ in range(n)])["f1"] for _ in range(rounds)]
    return 1.96 * statistics.stdev(values)


# --- the extractors ----------------------------------------------------------------------

def _ours() -> Callable[[Path, bytes], str]:
    from searchlib.errors import IngestError
    from searchlib.ingest import extract_file

    def run(path: Path, _raw: bytes) -> str:
        try:
            return extract_file(path).articles[0].body
        except IngestError:
            return ""
    return run


def _get_text() -> Callable[[Path, bytes], str]:
    from bs4 import BeautifulSoup

    def run(_path: Path, raw: bytes) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return BeautifulSoup(gzip.decompress(raw), "lxml").get_text()
    return run


def _trafilatura() -> Callable[[Path, bytes], str] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(_path: Path, raw: bytes) -> str:
        return trafilatura.extract(gzip.decompress(raw)) or ""
    return run


def measure_pages(runs: int) -> tuple[list[str], dict[str, dict[str, float]], list[str]]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    paths = [BENCH / "html" / f"{k}.html.gz" for k in keys]
    raws = [p.read_bytes() for p in paths]
    extractors: dict[str, Callable[[Path, bytes], str]] = {"searchdocs": _ours(), "bs4 get_text": _get_text()}
    notes: list[str] = []
    anchor = _trafilatura()
    if anchor is None:
        notes.append("trafilatura is not installed: `pip install trafilatura` to get the anchor row")
    else:
        extractors["trafilatura"] = anchor
    outputs: dict[str, list[str]] = {}
    speeds: dict[str, list[float]] = {name: [] for name in extractors}
    for name, run in extractors.items():  # warm-up: imports and caches, not timed
        run(paths[0], raws[0])
    for _ in range(runs):
        for name, run in extractors.items():
            start = time.perf_counter()
            outputs[name] = [run(path, raw) for path, raw in zip(paths, raws)]
            speeds[name].append(len(paths) / (time.perf_counter() - start))
    table: dict[str, dict[str, float]] = {}
    for name in extractors:
        triples = [counts(truth[k].get("articleBody", ""), out) for k, out in zip(keys, outputs[name])]
        row = page_scores(triples)
        row["f1_ci"] = f1_interval(triples)
        row["exact"] = sum(1 for k, out in zip(keys, outputs[name])
                           if " ".join(out.split()) == " ".join(truth[k].get("articleBody", "").split())) / len(keys)
        row["pages_s"] = statistics.median(speeds[name])
        row["runs"] = speeds[name]
        if "trafilatura" in speeds:
            row["ratio"] = statistics.median(a / b for a, b in zip(speeds[name], speeds["trafilatura"]))
        table[name] = row
    lines = [f"{'extractor':<14} {'precision':>9} {'recall':>7} {'F1':>15} {'pooled F1':>9} {'exact':>6} "
             f"{'pages/s':>8} {'vs trafilatura':>14}  runs (pages/s)"]
    for name, row in table.items():
        ratio = f"{row['ratio']:.2f}" if "ratio" in row else "-"
        runs_text = ", ".join(f"{s:.0f}" for s in row["runs"])
        lines.append(f"{name:<14} {row['precision']:>9.3f} {row['recall']:>7.3f} "
                     f"{row['f1']:>7.3f} ± {row['f1_ci']:.3f} {row['pooled_f1']:>9.3f} {row['exact']:>6.3f} "
                     f"{row['pages_s']:>8.1f} {ratio:>14}  {runs_text}")
    return lines, table, notes


# --- metadata on the labelled set --------------------------------------------------------

FIELDS = ("date", "source", "people", "topics", "lang")


def extracted_fields(path: Path) -> dict[str, object]:
    """The labelled fields as the ingester extracts them from ``path``."""
    from searchlib.ingest import extract_file

    article = extract_file(path).articles[0]
    return {"date": article.date.isoformat() if article.date else None, "source": article.source,
            "people": sorted(article.people), "topics": sorted(article.topics), "lang": article.lang}


def labelled_expected(label: dict[str, object]) -> dict[str, object]:
    return {"date": label.get("date"), "source": label.get("source"), "people": sorted(label.get("people") or []),
            "topics": sorted(label.get("topics") or []), "lang": label.get("lang")}


#: The labelled sets: the development set the rules were written against, and the sets
#: labelled blind (by analysts who never ran the extractor) to measure generalisation.
LABEL_SETS = (
    ("labelled", "development set (rules written while reading it)"),
    ("heldout", "blind set 1 (measured once, then used to fix rules)"),
    ("heldout2", "blind set 2 (measured once, then used to fix rules)"),
    ("heldout3", "blind set 3 (measured once, then used to fix topic rules)"),
    ("heldout4", "blind set 4 (measured once, then used to fix topic rules)"),
    ("heldout5", "blind set 5 (measured once, then used to fix source and people)"),
    ("heldout6", "blind set 6 (measured once, then used to fix dates, sources and people)"),
    ("heldout7", "blind set 7 (measured once, then used to fix dates, sources and people)"),
    ("heldout8", "blind set 8 (measured once, then used to fix dates, sources and people)"),
    ("heldout9", "blind set 9 (measured once, then used to fix every field)"),
    ("heldout10", "blind set 10 (measured once, then used to fix every field)"),
    ("heldout11", "blind set 11 (measured once, then used to fix every field)"),
    ("heldout12", "blind set 12 (measured once, then used to fix every field)"),
    ("heldout13", "blind set 13 (measured once, then used to fix every field)"),
    ("heldout14", "blind set 14 (measured once, then used to fix every field)"),
    ("heldout15", "blind set 15 (measured once, then used to fix every field)"),
    ("heldout16", "blind set 16 (measured once, then used to fix every field)"),
    ("heldout17", "blind set 17 (measured once, then used to fix every field)"),
    ("heldout18", "blind set 18 (measured once, then used to fix every field)"),
    ("heldout19", "blind set 19 (measured once, then used to fix every field)"),
    ("heldout20", "blind set 20 (measured once, then used to fix every field)"),
    ("heldout21", "blind set 21 (measured once, then used to fix every field)"),
    ("heldout22", "blind set 22 (measured once, then used to fix every field)"),
    ("heldout23", "blind set 23 (measured once, then used to fix every field)"),
    ("heldout24", "blind set 24 (measured once, then used to fix every field)"),
    ("heldout25", "blind set 25 (measured once, then used to fix every field)"),
    ("heldout26", "blind set 26 (measured once, then used to fix dates, sources and people)"),
    ("heldout27", "blind set 27, new subjects and outlets (measured once, then used to fix sources, people, topics)"),
    ("heldout28", "blind set 28, new subjects and outlets (measured once, then used to fix sources, people, topics)"),
    ("heldout29", "blind set 29, new subjects and outlets (measured once, then used to fix sources, people, topics)"),
    ("heldout30", "blind set 30, new subjects and outlets (measured once, then used to fix sources, people, topics)"),
    ("heldout31", "blind set 31, new subjects and outlets (measured once, then used to fix dates, sources, people, topics)"),
    ("heldout32", "blind set 32, new subjects and outlets (measured once, then used to fix dates, sources, people, topics)"),
)


def measure_labels() -> tuple[list[str], dict[str, float]]:
    """Per-field accuracy on every labelled set, with the misses; returns the lines and the
    accuracy over all sets together."""
    lines: list[str] = []
    guided_path = LABELLED.parent / "topics_guided.json"
    guided = json.loads(guided_path.read_text(encoding="utf-8"))["articles"] if guided_path.exists() else {}
    total = dict.fromkeys(FIELDS, 0)
    count = 0
    misses: list[str] = []
    rows: list[str] = []
    for folder_name, what in LABEL_SETS:
        folder = LABELLED.parent / folder_name
        if not (folder / "labels.json").exists():
            continue
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["articles"]
        hits = dict.fromkeys(FIELDS, 0)
        for name, label in sorted(labels.items()):
            got = extracted_fields(folder / name)
            want = labelled_expected(label)
            if f"{folder_name}/{name}" in guided:
                want["topics"] = sorted(guided[f"{folder_name}/{name}"]["topics"])
            for key in FIELDS:
                if got[key] == want[key]:
                    hits[key] += 1
                else:
                    misses.append(f"  {folder_name}/{name}: {key} = {got[key]!r}, label {want[key]!r}")
        rows.append(f"{folder_name:<10} {len(labels):>4}  " + "  ".join(f"{hits[k] / len(labels):>7.1%}" for k in FIELDS)
                    + f"  {what}")
        for key in FIELDS:
            total[key] += hits[key]
        count += len(labels)
    accuracy = {key: total[key] / max(1, count) for key in FIELDS}
    lines.append("Metadata: per-field accuracy against analysts' labels (tests/fixtures/; topics: the guided labels)")
    lines.append(f"{'set':<10} {'n':>4}  " + "  ".join(f"{k:>7}" for k in FIELDS))
    lines += rows
    lines.append(f"{'all':<10} {count:>4}  " + "  ".join(f"{accuracy[k]:>7.1%}" for k in FIELDS))
    lines += measure_agreement()
    if misses:
        lines.append("misses:")
        lines += misses
    return lines, accuracy


def measure_agreement() -> list[str]:
    """Topics are a judgment: how often two analysts labelling the same articles blind chose
    the same set, without a written guide and with one, and how often the extractor matches."""
    lines = guided_agreement()
    second_path = LABELLED.parent / "topics_second_labeller.json"
    if not second_path.exists():
        return lines
    second = json.loads(second_path.read_text(encoding="utf-8"))["articles"]
    lines.append("Topics without a guide: the original labels vs a second analyst (exact set per article):")
    for folder_name in sorted({key.split("/")[0] for key in second}):
        folder = LABELLED.parent / folder_name
        first = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["articles"]
        names = [n for n in first if f"{folder_name}/{n}" in second]
        both = sum(set(first[n]["topics"]) == set(second[f"{folder_name}/{n}"]) for n in names)
        got = {n: set(extracted_fields(folder / n)["topics"]) for n in names}
        with_first = sum(got[n] == set(first[n]["topics"]) for n in names)
        with_second = sum(got[n] == set(second[f"{folder_name}/{n}"]) for n in names)
        lines.append(f"  {folder_name:<10} {len(names):>3} articles: analysts agree {both / len(names):.1%}; "
                     f"extractor = analyst 1 {with_first / len(names):.1%}, = analyst 2 {with_second / len(names):.1%}")
    return lines


def measure_real_topics() -> list[str]:
    """Topics on real articles (bench/topic_sample.py): accuracy on each half of the first
    sample and on the second, against the analysts' majority, their own agreement, and
    per-topic counts."""
    import topic_sample
    from searchlib.ingest import extract_text

    if not (topic_sample.available() and topic_sample.LABELS.exists()):
        return [f"Topics on real articles: skipped, {topic_sample.DATA} is not present"]
    lines: list[str] = []
    samples = [("first", topic_sample.sample, topic_sample.LABELS, "three analysts")]
    if topic_sample.LABELS2.exists():
        samples.append(("second", topic_sample.sample2, topic_sample.LABELS2, "two analysts and a third where they differ"))
    for name, draw, path, who in samples:
        labels = json.loads(path.read_text(encoding="utf-8"))["articles"]
        rows: dict[str, list[int]] = {}
        agree = [0, 0]
        per_topic: dict[str, list[int]] = {}  # topic -> [true positives, extracted, labelled]
        for article in draw():
            label = labels[article.key]
            got = set(extract_text(article.text, title=article.title, date=article.date, path=article.key).topics)
            want = set(label["topics"])
            part = rows.setdefault(article.half if name == "first" else "tune 2", [0, 0])
            part[0] += got == want
            part[1] += 1
            agree[0] += len({frozenset(v) for v in label["labels"].values()}) == 1
            agree[1] += 1
            for topic in got | want:
                counts = per_topic.setdefault(topic, [0, 0, 0])
                counts[0] += topic in got and topic in want
                counts[1] += topic in got
                counts[2] += topic in want
        lines.append(f"Topics on the {name} sample of real articles: {agree[1]} (Dân trí, Reuters-21578; "
                     f"bench/topic_sample.py), against the majority of {who} labelling blind by the guide "
                     f"(all agree on {agree[0] / agree[1]:.1%}):")
        for half, (ok, n) in rows.items():
            lines.append(f"  {half:<6} {n:>4} articles: exact topic set {ok / n:.1%}")
        lines.append("  per topic: extracted / labelled / both")
        for topic, (both, extracted, labelled) in sorted(per_topic.items()):
            lines.append(f"    {topic:<30} {extracted:>3} / {labelled:>3} / {both:>3}")
    return lines


def guided_agreement() -> list[str]:
    """Agreement of the two analysts who labelled topics by the written guide, per set."""
    path = LABELLED.parent / "topics_guided.json"
    if not path.exists():
        return []
    guided = json.loads(path.read_text(encoding="utf-8"))["articles"]
    lines = ["Topics by the guide (tests/fixtures/topic-labelling-guide.md): analysts A and B, blind (exact set):"]
    for folder_name, _ in LABEL_SETS:
        keys = [k for k in guided if k.split("/")[0] == folder_name]
        if keys:
            agree = sum(sorted(guided[k]["a"]) == sorted(guided[k]["b"]) for k in keys)  # sets, not orders
            lines.append(f"  {folder_name:<10} {len(keys):>3} articles: A and B agree {agree / len(keys):.1%}")
    return lines


# --- report ------------------------------------------------------------------------------

def machine() -> str:
    try:
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        gib = int(mem.split()[1]) / 1024 ** 2
        memory = f"{gib:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        memory = "memory unknown"
    import bs4
    import lxml.etree
    versions = f"bs4 {bs4.__version__}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION[:3]))}"
    try:
        import trafilatura
        versions += f", trafilatura {trafilatura.__version__}"
    except ImportError:
        pass
    return (f"{os.cpu_count()} CPUs (nproc), {memory}, Python {platform.python_version()}, {versions}, "
            f"{platform.system()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed rounds over the pages (median reported)")
    parser.add_argument("--write", action="store_true", help="replace the Extraction section of bench/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    out = io.StringIO()
    with redirect_stdout(out):
        command = "python bench/extraction.py" + (f" --runs {args.runs}" if args.runs != 3 else "")
        print(f"command: {command}")
        print(f"machine: {machine()}")
        print(f"date:    {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
        print()
        if (BENCH / "ground-truth.json").exists():
            lines, _, notes = measure_pages(max(1, args.runs))
            print(f"Main text: {BENCH.name} (181 real pages), word 4-gram shingles, "
                  f"upstream averaging; pages/s median of {max(1, args.runs)} rounds")
            print("\n".join(lines))
            for note in notes:
                print(f"note: {note}")
        else:
            print(f"Main text: skipped, {BENCH} is not present")
        print()
        if (LABELLED / "labels.json").exists():
            print("\n".join(measure_labels()[0]))
        print()
        print("\n".join(measure_real_topics()))
        print(f"\ntotal benchmark time: {time.perf_counter() - started:.0f} s")
    report = out.getvalue()
    print(report, end="")
    if args.write:
        _write(report)
    return 0


NOTES = """\
Produced by `python bench/extraction.py --write` (needs `../shared/data`; the trafilatura row
needs `pip install trafilatura lxml_html_clean` in the venv, not a searchdocs dependency).

- **Score.** Upstream's metric, re-implemented: word 4-gram shingle multisets per page, each
  page's TP/FP/FN normalised so pages weigh the same, precision and recall averaged over pages,
  F1 their harmonic mean (± is 1.96 × bootstrap s.d. over pages). "pooled F1" sums raw counts
  over all pages instead (long pages weigh more). "exact" = output equals the truth modulo spaces.
- **Before this work** the ingester scored F1 0.904 (P 0.876, R 0.934) at 19 pages/s: it took the
  `<article>` with most text (teaser cards won on 10 pages) and dropped `<form>` wrappers.
- **Speed.** cProfile: building the BeautifulSoup tree is ~60 % of the time even after the cuts
  (bs4's Python callbacks per tag and string; lxml itself parses the same pages at ~500 pages/s),
  the content pass ~15 %, the regex pre-pass ~8 %, metadata/people/topics ~6 %. What made it
  fast: one regex pass cuts scripts, styles, comments, SVG, form controls and page-level
  nav/header/footer/aside before parsing (-60 % bytes), the head is read with regexes and not
  parsed, class/id verdicts are cached across pages, the whole page is no longer
  NFC-normalised (only the extracted text is).
- **Noise.** The VM is shared (another process used ~70 % of a CPU during these runs): single
  rounds varied 60–83 pages/s for searchdocs and 44–61 for trafilatura over the day; the ratio
  to trafilatura (1.28–1.34 in 5-round and 3-round runs) is the steadier figure. The run below
  shared the 2 cores with other benchmark and test jobs: 37 pages/s at ratio 1.34; the
  quiet-machine run of the same code gave 81.6 pages/s (trafilatura 61.1, ratio 1.34).
- **Labelled sets.** Three sets (a fourth since 2026-11-24) in `tests/fixtures/`, each labelled from the text alone:
  `labelled` (33, the development set: the rules were written while reading it), `heldout` (26)
  and `heldout2` (24), written and labelled blind by analysts who never ran the extractor.
  The first blind set showed that the development figures did not generalise: on first contact
  it scored date 92.3 %, source 96.2 %, **people 46.2 %, topics 53.8 %**. What it exposed and
  what changed (rules stated in general terms, each with a test):
  - people without a title were missed: names introduced by an age or year of birth
    ("Bounmy Sengsouvanh, 38,", "(SN 1989)", "(31 tuổi)") or by a role in apposition ("Zhang
    Xiaolin, an official with"); ranks and roles as titles (Major, Captain, officer, spokesman,
    Gen/Lt Gen without dots, Thiếu tá, Đại úy, Cục trưởng, Datuk, Seri); a Vietnamese name inside
    a longer capitalised run ("Senior Lieutenant Trần Thị Ngọc Ánh"); H'Mông and Thái family
    names (Vàng, Sùng, Giàng, Lầu...); a shorter form inside a longer name of the same article
    ("Ahmad Fadzil" after "Ahmad Fadzil Yusof") is that person;
  - topics: the taxonomy's vocabulary was thin (deportation, overstays, wildlife smuggling,
    ransomware, data leaks, impersonation scams, joint exercises, information sharing...), and a
    crime named once as an item of a list, or as the charge someone is wanted for, was counted as
    a topic: list items and charges now count half, as both blind sets' labels treat them; the
    bare word "cooperation"/"hợp tác" counts only in a headline;
  - a site header's "today" date was taken for the publication date; "Australian Federal Police
    (AFP)" was read as the AFP news agency credit.
  After these changes the first blind set scores people 88.5 %, topics 76.9 %, but it is no
  longer blind. The second set was then measured once: date 95.8 %, source 83.3 %, **people
  58.3 %, topics 70.8 %**. General fixes followed (bracketed site names, "Báo điện tử", "Seri"
  and sentence-initial "Anh"; two mentions joined by a comma are a list; "his lawyer, X,";
  titles typed without accents; streets listed after "đường"; infant-trafficking words).
- **The test set** (`heldout3`, 30 articles, written blind after all of the above) measured
  once, untouched: date 100 %, source 86.7 %, **people 90.0 %**, **topics 56.7 %**, lang 100 %.
  People now generalise; topics do not. The source and people misses it showed were then fixed
  (an outlet alone on a text file's first lines; "(Bộ Công an)" is an affiliation, not a credit;
  a credit before the site name, "KPL Lao News Agency"; Antara and Bernama added to the outlet
  table; "born in 1985"; three-word Korean names; wards named after people).
- **Topics are a judgment, so the labels were made repeatable first.** Without a guide, a
  second analyst agreed with the original development labels on only 72.7 % of articles
  (`tests/fixtures/topics_second_labeller.json`): the 95 % target was above what two careful
  people reach. So a written labelling guide now says what counts as evidence
  (`tests/fixtures/topic-labelling-guide.md`: the headline, a developed point, or two
  separate mentions; never a list item, a charge sheet, a scammer's pretext, a unit's name,
  courtesy or background), and two analysts relabelled the topics of all 113 articles blind
  and independently (`tests/fixtures/topics_guided.json`). They agree on 106 (93.8 %); the 7
  differences were settled by majority with the original label. **Topics are now scored
  against these guided labels.** One rule followed from the guide: cooperation is a sentence
  where a cooperative act ("working with", "handed over", "phối hợp với", "bàn giao") is done
  with a foreign or international partner named within a few words, not a pledge ("will
  continue to work with") and not "Lào Cai". Against the guided labels it moved the sets from
  81.8 / 69.2 / 75.0 / 53.3 % to 90.9 / 73.1 / 87.5 / 50.0 % (development / blind 1 / blind 2 /
  test; 69.9 % → 75.2 % over all 113). **The 95 % target is not met on unseen text**: the test
  set's misses are mostly extra topics from one clear mention (the threshold is one specific
  phrase; requiring two would lose the single-sentence cases the guide accepts) and gaps in
  vocabulary. Rule tuning on these sets has reached its limit; the next step is a larger
  guided set (two analysts, ~300 articles from real feeds) to tune on and a fresh one to test.
- **Real articles (2026-11).** The fixture sets are written for this project; the next test
  came from text nobody on the team wrote: 200 real articles (`bench/topic_sample.py`: 140
  from Dân trí, 60 from Reuters-21578, crime and police stories over-sampled by a fixed
  keyword list, most still about other things), split into a tune half (108) and a test half
  (92) by a hash of the id. Six analysts labelled them blind by the guide, three per article;
  all three agreed on 97.5 %, and the label is the majority. **Measured before any change:
  tune 80.6 %, test 84.8 %** (exact topic set). Only the tune half's misses were read. They
  were over-tagging from names and background, and the rules changed in general terms, each
  with a test on the real sentence: the name of a place or an actor ("đường biên giới",
  "border gate", "hotline", "liaison office", "trục xuất" of diplomats) only adds to a topic
  that has evidence of its own, as the guide says a name is no evidence; broad words
  ("laundering", "lẩn trốn") count half; a cooperative act with a foreign partner counts
  for law-enforcement cooperation only when the sentence names police, a crime or an
  enforcement body (scientists of five countries, a submarine search are not); Vietnamese
  charge forms ("phạm tội", "vì tội", "bị kết án") are charge sheets; economic-crime and
  smuggling vocabulary from the guide's own definitions (insider trading, securities fraud,
  illegal exports, goods of unknown origin). **After: tune 91.7 %, test 92.4 %.** One
  candidate rule (border-control phrases) raised nothing on the tune half and lost one test
  article, and was dropped. On the fixture sets the same changes moved the topics to
  90.9 / 76.9 / 87.5 / 53.3 % (development / blind 1 / blind 2 / test set). The test half's
  remaining misses include three online-fraud articles the extractor finds no topic for
  (phishing and OTP scams described without the taxonomy's phrases); they were not read
  for rules, to keep the half a test.
- **A second real sample, rules from the guide, a new test set (2026-11-24).** The first
  real sample has few topics (35 labels in 200 articles), so a second was drawn
  (`bench/topic_sample.py --second`: 149 Dân trí and Reuters-21578 articles naming at least
  two crime words, none of the first sample) and labelled blind by the guide by two analysts
  per article (agreement 94.0 %), a third settling the 9 differences. Measured before any
  change: **65.8 %** exact topic set (it is crime news: 84 of 149 have a topic). Its misses
  and those of the four fixture sets were read (heldout3, the old test set, is now a tuning
  set), and the rules changed in general terms, each with a test on the real sentence
  (`tests/test_topics_evidence.py`): a folded phrase counts only in text typed without
  accents ("công dân do phía" folded is "dan do", extradition); unit and law names are no
  evidence ("economic crime division", "National Narcotics Agency", "Anti-Money Laundering
  ... Act", a unit typed without accents and without its comma); online fraud is also a fraud
  verb with a phone or internet channel in the same stretch of a sentence ("bị lừa đảo ...
  trên mạng", "swindled ... over the phone"); "fraud" alone is economic crime unless the
  article is an online scam; what someone is charged with is a charge sheet only in an
  article about a chase (elsewhere, "arrested for fraud" is the story), and in such an
  article the crimes named after the wanted people of a sentence are what they are wanted
  for; a broad word shortly after an arrest or charge counts in full; drugs smuggled or
  trafficked are drug crime only; sentences of courtesy and the claims of an impersonation
  scam are no evidence; a pledge reaches further back ("sẽ tiếp tục tăng cường tuần tra,
  kiểm soát ..., phối hợp với"); Reuters' hard-wrapped lines are joined into sentences.
  Three candidate rules lost ground and were dropped: border security from patrol verbs near
  "border" (second sample 105 -> 99, real test 88 -> 86), "joint investigation" only with a
  foreign partner, and a wider window after a charge verb. **After: development / blind 1 /
  blind 2 / blind 3 90.9 -> 93.9, 76.9 -> 84.6, 87.5 -> 91.7, 53.3 -> 70.0 % (all 113: 77.0
  -> 85.0 %); real tune 91.7 -> 93.5 %; real test half (misses still unread) 92.4 -> 95.7 %;
  second sample 65.8 -> 70.5 %, 69.1 % after the review below.**
- **The new test set** (`heldout4`, 30 articles written blind by an analyst who never read or
  ran the extractor, topics labelled by two more analysts by the guide, who agreed on 29)
  was measured once after the rules above were fixed: date 96.7 %, source 100 %, **people
  90.0 %**, **topics 66.7 %** (the rules before tonight: 60.0 %), lang 100 %. A review of
  the rules then found defects, each now fixed with a test: folded matches in the
  co-occurrence rules on accented text ("bị lửa" read as "bị lừa"); a past conviction in a
  relative clause counted as a case; the impersonation-scam rule erased a real drug bust
  elsewhere in the article (pretexts now only count as such in sentences telling what was
  said, naming the scam or its disguise); every crime after a wanted person in a sentence
  was read as his charge sheet (now only when joined by "for", "including", "trong đó có"
  ...); "thanks to" read as courtesy; "told reporters ... linked to" and "khởi tố ... liên
  quan đến" read as pretexts; an English pledge reached over a relative clause; positions
  shifted by "ß" and "İ" (folding is now one character for one); heading lines joined to
  the next paragraph in text that is not hard-wrapped, in quadratic time; a user's table
  with odd values crashed. With those fixes heldout4 topics are **63.3 %** (a meeting agenda
  naming "online fraud syndicates" after "wanted persons" is no longer read as their charge
  sheet), the second sample 69.1 %; the other sets are unchanged. The topic misses
  are split between extra and missing topics (a fugitive handover that is also cooperation
  or not, a counterfeit raid and a scam described without the taxonomy's words, an
  overcounted border-marker meeting); the people misses were two unaccented place and unit
  words read as names after a title ("Cong an tinh Cao Bang cho biet", "Don truong Don Bien
  phong"), since fixed in general terms with a test (so heldout4's people figure, now 96.7 %,
  is no longer blind), and one name missed. **Topics remain short of
  95 % on written press releases**; the real news halves are at 93.5 and 95.7 %.
- **Rules from the tuning sets, and a fifth blind test set (2026-11-24, next session).** heldout4 was
  made a tuning set and the misses of all the tuning sets read. The rules changed in general
  terms, each with a test on the sentence (`tests/test_topics_evidence.py`): a dot inside a
  word ("<WSTP.S>") no longer cuts a charge from its arrest; the one crime of the taxonomy
  in a case's charge list ("charged with grand theft and embezzlement") is the case; fake
  goods named by kind ("counterfeit cosmetics", "mỹ phẩm làm giả") are smuggling; forged
  bonds are economic crime; a handover with its partner named before the verb is
  cooperation, citizens or deportees handed over at a border are not, and an
  "international border gate" is no international partner; a charge sheet in the body of a
  chase article counts nothing ("wanted by Chinese authorities for telecom fraud"); what
  leaked data "could be used" for is a risk, not a case; "bắt cóc online" and "xưng là công
  an" are an impersonation scam, whose disguise (police uniform, fake seals) marks the
  sentences of its claims; "không gian mạng" names a place; the co-occurrence rules also
  read the headline. Candidates that lost ground were dropped (Vietnamese border-control
  phrases: +2 -2 on the second sample; a list naming one topic twice: it broke a background
  conviction; "could become victims of": +1 -1). **Tuning sets, before -> after:** blind 3
  70.0 -> 76.7 %, heldout4 63.3 -> 83.3 %, second sample 69.1 -> 75.2 %; development, blind
  1 and 2, and both real halves unchanged (the real test half, 95.7 %, was not read).
  **Then a fifth set** (`heldout5`: 30 articles written blind by an analyst who never read or
  ran the extractor; two more analysts labelled the topics by the guide and agreed on all 30)
  was measured once: date 93.3 %, source 86.7 %, **people 56.7 %, topics 60.0 %**, lang
  100 %. **The rules from before this session also score 60.0 % on it; only one of its 30
  articles changed.** Tonight's rules fit the texts they were read from and did not carry
  over. The source and people misses were forms not seen before, since fixed in general terms
  with tests (Vietnamese header lines "Tiêu đề:", "Ngày đăng:", "Nguồn:"; a masthead line
  "VIENTIANE TIMES" and a breadcrumb; "TNO | date"; a byline in the first lines, "By ...",
  "Tác giả: ..."; "People's Committee", a company's "Land" and "Lang Son" are no names):
  heldout5 source 100 %, people 70.0 % (no longer blind). Its remaining people misses are
  names the extractor never looks for (Japanese, Indonesian, Burmese names without a title;
  a name only in an image's alt text; "Ringleader X"; an anonymised "Nguyễn Văn T"; "Cụ").
- **Session of 2026-11-24 (later).** People, from heldout5's misses (now a tuning set for
  people): a role with its own adjectives in apposition ("Takeshi Morimoto, a senior cyber
  investigator", "Wei Zhiqiang, a suspected financier"), "a 27-year-old", role words and the
  honorific "Cụ" before a name, Lù/Thèn/Chảo/Sình/Cù family names, and initials-only names
  ("Nguyễn Văn T.") left out: heldout5 people 70.0 -> 93.3 %, the other sets unchanged.
  **Topics: a learned decision** (bench/topic_learned.py, its own section above): the rules
  propose, one logistic regression per topic over their evidence keeps or drops. **Then a
  sixth set** (`heldout6`: 40 articles written by two analysts who never read or ran the
  extractor, topics by two more who agreed on 39) was measured once, with the models frozen
  before it was labelled: date 90.0 %, source 77.5 %, people 72.5 % (77.5 % once the
  gazetteer's canonical names are applied to four names the writers labelled as printed, the
  convention of the earlier sets), **topics 62.5 % by the threshold, 75.0 % by the frozen
  models, 80.0 % as shipped** (the model may only drop a topic), lang 100 %. Its source and
  title misses were text copied from pages with the site's chrome (menus, breadcrumbs, a date
  bar, "ANTARA News - <headline>", related links, copyright lines, a forwarded mail,
  "Nguon:" typed without accents, "(TTXVN/Vietnam+)"), since handled in
  `searchlib/ingest/pagechrome.py` with tests: heldout6 source 90.0 %, topics 85.0 % (no
  longer blind). Its people misses were printed by the measurement, but no rule was written from them.
- **Misses left**, by kind: names printed without diacritics that a label restores (Le Hoang
  Long → Lê Hoàng Long; the facet groups spellings across articles, but one article cannot
  know the accents), Sino-Vietnamese renderings of Chinese names (Lý Kiến Quân → Li Jianjun),
  Japanese family-name-first order, a surname that is an English pronoun ("She Zhijiang");
  topics: impersonation-scam pretexts, a drug haul at a border gate (border security too?),
  and missing vocabulary for cooperation that is only described (equipment handed over,
  a training school).
"""


def _write(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# searchdocs benchmark results\n"
    section = f"{SECTION}\n\n{NOTES}\n```\n{report.rstrip()}\n```\n"
    start = text.find(f"\n{SECTION}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start + 1] + section + (text[end:] if end >= 0 else "")
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
