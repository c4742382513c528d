"""Quick end-to-end benchmark of searchdocs against plain Whoosh, on real news articles.

What it measures (one process, ``time.perf_counter``; cheap steps repeated, medians shown):

- build: ``Index(tmp).update([corpus])`` from scratch (articles/s, index MB on disk), against
  a plain-Whoosh baseline (one stemmed stored body, compound segment, one commit) that reads
  the same files with ``json.loads`` and plain file reads;
- no-op update (median of 5) and a small incremental update (20 new ``.txt`` articles);
- queries: ~12 fixed queries x 7 runs of ``Index.search(q, limit=10)`` (facets and snippets
  included) against ``searcher.search(..., groupedby=["source"])`` + ``hit.highlights("body")``
  on one open baseline searcher: p50/p95 ms;
- one-shot CLI: ``searchdocs "oil prices" --json`` x5 (wall ms, child peak RSS via
  ``/usr/bin/time -v``; children get a warm bytecode cache in the temp dir, and are also run
  with the inherited environment) against the ``python -c "import whoosh.index"`` start-up
  floor; peak RSS of this process.

The corpus is deterministic: the first N articles of an interleave of Reuters-21578 articles
that have a body (4 in 5) and Dân trí Vietnamese articles (1 in 5), in JSONL files of 500, and
about 1 in 11 of them as ``.txt`` files with ``title:``/``date:``/``source:`` headers.

Run:  python bench/quick.py --docs 5000 [--write] [--data DIR] [--keep]
Needs /work/shared/data (or --data); exits with status 2 when it is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REUTERS = Path("reuters21578/reuters21578.jsonl.gz")
DANTRI = Path("vi-news-underthesea-unc/unc_dantri.jsonl.gz")
PER_FILE = 500
N_NEW = 20  # articles added by the incremental update
QUERY_RUNS = 7
CLI_RUNS = 5

#: (query, searchdocs filters); the baseline maps the filters to Whoosh filter queries.
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("oil prices", {}), ("interest rates", {}), ("trade deficit", {}), ("coffee", {}),
    ("Vietnam", {}), ("Viet Nam", {}), ("giá vàng", {}), ("gia vang", {}), ("bóng đá", {}),
    ('"money supply"', {}), ("oil", {"since": "1987-03"}), ("covid", {"source": "Dân Trí"}),
]

Doc = dict[str, str]


# -- corpus ----------------------------------------------------------------------------------
def _read_jsonl_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_docs(data: Path, n: int) -> list[Doc]:
    """The first ``n`` documents of the deterministic Reuters/Dân trí interleave."""
    reuters = (
        {"id": f"reuters-{o['id']}", "title": o.get("title") or "", "body": o["body"],
         "date": o.get("date") or "", "source": "Reuters"}
        for o in _read_jsonl_gz(data / REUTERS) if (o.get("body") or "").strip())
    vi: list[Doc] = []
    for o in _read_jsonl_gz(data / DANTRI):
        first, _, rest = o["text"].strip().partition("\n")
        title, body = (first, rest) if len(first) < 150 and rest.strip() else ("", o["text"])
        vi.append({"id": f"dantri-{o['id']}", "title": title.strip(), "body": body.strip(),
                   "date": o.get("date") or "", "source": o.get("source") or "dantri.com.vn"})
    docs: list[Doc] = []
    vi_iter = iter(vi)
    for i in range(n):
        doc = next(vi_iter, None) if i % 5 == 4 else None
        doc = doc or next(reuters, None)
        if doc is None:
            raise SystemExit(f"bench: only {len(docs)} documents available, asked for {n}")
        docs.append(doc)
    return docs


def txt_text(doc: Doc) -> str:
    """A ``.txt`` article with a metadata header (empty values are left out)."""
    head = [f"{k}: {doc[k][:10] if k == 'date' else doc[k]}" for k in ("title", "date", "source") if doc[k]]
    return "\n".join(head) + "\n\n" + doc["body"] + "\n"


def write_corpus(docs: list[Doc], root: Path) -> tuple[int, int]:
    """JSONL files of ``PER_FILE`` articles, and every 11th article as a ``.txt`` file."""
    (root / "jsonl").mkdir(parents=True)
    (root / "txt").mkdir()
    lines: list[str] = []
    n_txt = 0
    for i, doc in enumerate(docs):
        if i % 11 == 5:
            (root / "txt" / f"{i:06d}.txt").write_text(txt_text(doc), encoding="utf-8")
            n_txt += 1
        else:
            lines.append(json.dumps(doc, ensure_ascii=False))
    n_jsonl = 0
    for k in range(0, len(lines), PER_FILE):
        (root / "jsonl" / f"part-{k // PER_FILE:03d}.jsonl").write_text("\n".join(lines[k:k + PER_FILE]) + "\n",
                                                                          encoding="utf-8")
        n_jsonl += 1
    return n_jsonl, n_txt


# -- plain-Whoosh baseline --------------------------------------------------------------------
def baseline_docs(corpus: Path):
    """Documents as a newcomer reads them: json.loads, a naive header split, bs4 get_text."""
    for path in sorted(corpus.rglob("*")):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    o = json.loads(line)
                    yield {k: o.get(k) or "" for k in ("id", "title", "body", "date", "source")}
        elif path.suffix == ".txt":
            head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            doc = {"id": path.name, "title": "", "body": body, "date": "", "source": ""}
            for line in head.splitlines():
                key, _, value = line.partition(":")
                doc[key.strip()] = value.strip()
            yield doc
        elif path.suffix == ".html":
            from bs4 import BeautifulSoup

            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            meta = {m.get("property"): m.get("content") for m in soup.find_all("meta") if m.get("property")}
            yield {"id": path.name, "title": meta.get("og:title", ""), "body": soup.get_text(" "),
                   "date": (meta.get("article:published_time") or "")[:10], "source": meta.get("og:site_name", "")}


def baseline_build(corpus: Path, ixdir: Path, *, year: bool = False) -> int:
    """Plain Whoosh: one stemmed stored body, sortable date and source (and a sortable year
    for ``groupedby`` when ``year``), one commit. Returns the number of documents."""
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, TEXT, Schema

    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(stored=True),
                    body=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    date=DATETIME(stored=True, sortable=True), source=ID(stored=True, sortable=True))
    if year:
        schema.add("year", ID(sortable=True))
    ixdir.mkdir()
    ix = index.create_in(str(ixdir), schema)
    writer = ix.writer()
    n = 0
    for doc in baseline_docs(corpus):
        fields: dict[str, Any] = {k: v for k, v in doc.items() if v and k != "date"}
        if doc["date"]:
            fields["date"] = dt.datetime.fromisoformat(doc["date"][:10] if year else doc["date"])
            if year:
                fields["year"] = doc["date"][:4]
        writer.add_document(**fields)
        n += 1
    writer.commit()
    ix.close()
    return n


def baseline_filter(filters: dict[str, str]):
    from whoosh import query as Q

    if "since" in filters:
        y, m = (int(p) for p in filters["since"].split("-"))
        return Q.DateRange("date", dt.datetime(y, m, 1), dt.datetime(2999, 12, 31))
    if "source" in filters:
        return Q.Term("source", "dantri.com.vn")
    return None


# -- measuring --------------------------------------------------------------------------------
@dataclass
class QueryStats:
    times: list[float] = field(default_factory=list)  # seconds, every run of every query
    per_query: dict[str, list[float]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    def add(self, label: str, seconds: float, total: int) -> None:
        self.times.append(seconds)
        self.per_query.setdefault(label, []).append(seconds)
        self.totals[label] = total


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def p95(values: list[float]) -> float:
    s = sorted(values)
    return s[max(0, -(-95 * len(s) // 100) - 1)]


def label(q: str, filters: dict[str, str]) -> str:
    return q + "".join(f" --{k} {v}" for k, v in filters.items())


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def run_child(argv: list[str], out: Path, env: dict[str, str]) -> tuple[float, int, float]:
    """Run ``argv`` with stdout/stderr to files: (wall s, exit code, peak RSS MB of the child).

    The RSS comes from ``/usr/bin/time -v`` when present: Linux carries the parent's RSS
    high-water mark into a child across fork/spawn + exec, so ``wait4`` of a child of this
    (large) process reports at least this process's RSS.
    """
    time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    err = Path(str(out) + ".err")
    actions = [(os.POSIX_SPAWN_OPEN, 1, str(out), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, str(err), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    full = [time_bin, "-v", *argv] if time_bin else argv
    t0 = time.perf_counter()
    pid = os.posix_spawn(full[0], full, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    rss_kb = usage.ru_maxrss
    if time_bin:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err.read_text(errors="replace"))
        rss_kb = int(found.group(1)) if found else rss_kb
    return wall, os.waitstatus_to_exitcode(status), rss_kb / 1024


def machine() -> str:
    mem = next((ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), "0") if Path("/proc/meminfo").exists() else "0"
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")), "")
    import whoosh

    return (f"{os.cpu_count()} CPUs ({cpu or platform.machine()}), {int(mem) / 1048576:.1f} GiB RAM, "
            f"Python {platform.python_version()}, whoosh {whoosh.versionstring()}, {platform.system()}")


# -- main -------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=5000, help="articles in the corpus (default 5000)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data directory (default {DEFAULT_DATA})")
    ap.add_argument("--write", action="store_true", help="add or replace this run's section in bench/RESULTS.md")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus and indexes")
    args = ap.parse_args()
    missing = [p for p in (REUTERS, DANTRI) if not (args.data / p).is_file()]
    if missing:
        print(f"bench: data not found: {args.data / missing[0]} (pass --data DIR)", file=sys.stderr)
        return 2
    exe = shutil.which("searchdocs") or str(Path(sys.executable).parent / "searchdocs")
    if not Path(exe).exists():
        print("bench: the 'searchdocs' console script is not installed (pip install -e .)", file=sys.stderr)
        return 2
    from whoosh import index as whoosh_index
    from whoosh.qparser import QueryParser

    from searchlib import Index

    tmp = Path(tempfile.mkdtemp(prefix="searchdocs-bench-"))
    corpus, ix_sd, ix_base = tmp / "corpus", tmp / "ix-searchdocs", tmp / "ix-whoosh"
    started = time.perf_counter()
    try:
        docs = load_docs(args.data, args.docs + N_NEW)
        new_docs, docs = docs[args.docs:], docs[:args.docs]
        n_jsonl, n_txt = write_corpus(docs, corpus)
        n_vi = sum(d["id"].startswith("dantri-") for d in docs)
        text_mb = sum(len(d["body"].encode()) + len(d["title"].encode()) for d in docs) / 1e6
        print(f"corpus: {len(docs)} articles ({len(docs) - n_vi} Reuters, {n_vi} Dân trí), {text_mb:.1f} MB text, "
              f"{n_jsonl} JSONL + {n_txt} .txt files in {tmp}", flush=True)

        index = Index(ix_sd)
        t_build, report = timed(lambda: index.update([corpus]))
        print(f"searchdocs build: {t_build:.1f} s, {report.articles} articles, {report.failed} failed", flush=True)
        t_base, n_base = timed(lambda: baseline_build(corpus, ix_base))
        print(f"baseline build:   {t_base:.1f} s, {n_base} articles", flush=True)

        noop = [timed(lambda: index.update([corpus]))[0] for _ in range(5)]

        sd, base = QueryStats(), QueryStats()
        index.search("warm up")
        for _ in range(QUERY_RUNS):
            for q, filters in QUERIES:
                secs, res = timed(lambda: index.search(q, limit=10, **filters))
                sd.add(label(q, filters), secs, res.total)
        def open_base():
            opened = whoosh_index.open_dir(str(ix_base))
            return opened, opened.searcher()

        t_open, (bix, searcher) = timed(open_base)
        parser = QueryParser("body", bix.schema)
        with searcher:
            def base_search(q: str, filters: dict[str, str]) -> int:
                results = searcher.search(parser.parse(q), limit=10, groupedby=["source"],
                                          filter=baseline_filter(filters))
                results.groups("source")
                for hit in results:
                    hit.highlights("body")
                return len(results)

            base_search("warm up", {})
            for _ in range(QUERY_RUNS):
                for q, filters in QUERIES:
                    secs, total = timed(lambda: base_search(q, filters))
                    base.add(label(q, filters), secs, total)
        bix.close()
        print("queries done", flush=True)

        out = tmp / "cli.out"
        cli_argv = [exe, "oil prices", "--index", str(ix_sd), "--corpus", str(corpus), "--json"]
        # Children get a bytecode cache outside the repo (an editable install has no .pyc of
        # searchlib while PYTHONDONTWRITEBYTECODE is set), warmed by one untimed run each.
        inherited = dict(os.environ)
        env = {k: v for k, v in inherited.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        floor_argv = [sys.executable, "-c", "import whoosh.index"]
        for argv in (cli_argv, floor_argv):
            run_child(argv, out, env)
        cli = [run_child(cli_argv, out, env) for _ in range(CLI_RUNS)]
        if any(code != 0 for _, code, _ in cli) or "hits" not in json.loads(out.read_text()):
            print(f"bench: CLI failed: {(tmp / 'cli.out.err').read_text()[-500:]}", file=sys.stderr)
        cli_inherited = [run_child(cli_argv, out, inherited) for _ in range(CLI_RUNS)]
        floor = [run_child(floor_argv, out, env) for _ in range(CLI_RUNS)]
        bare = [run_child([sys.executable, "-c", "pass"], out, env) for _ in range(CLI_RUNS)]

        for i, doc in enumerate(new_docs):
            (corpus / "txt" / f"new-{i:03d}.txt").write_text(txt_text(doc), encoding="utf-8")
        t_incr, incr = timed(lambda: index.update([corpus]))
        if incr.added != N_NEW:
            print(f"bench: incremental update added {incr.added} files, expected {N_NEW}", file=sys.stderr)
        rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sizes = dir_mb(ix_sd), dir_mb(ix_base)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    med = statistics.median
    ms = lambda values: 1000 * med(values)  # noqa: E731
    rate_sd, rate_base = report.articles / t_build, n_base / t_base
    q_sd, q_base = (1000 * med(sd.times), 1000 * p95(sd.times)), (1000 * med(base.times), 1000 * p95(base.times))
    cli_ms, cli_rss = ms([c[0] for c in cli]), med([c[2] for c in cli])
    floor_ms, floor_rss = ms([c[0] for c in floor]), med([c[2] for c in floor])
    rows = [
        ("build, articles/s", f"{rate_sd:.0f}", f"{rate_base:.0f}", f"{rate_sd / rate_base:.2f}"),
        ("build, seconds", f"{t_build:.1f}", f"{t_base:.1f}", f"{t_build / t_base:.2f}"),
        ("index size, MB", f"{sizes[0]:.1f}", f"{sizes[1]:.1f}", f"{sizes[0] / sizes[1]:.2f}"),
        ("no-op update, s (median of 5)", f"{med(noop):.3f}", "-", ""),
        (f"incremental update, {N_NEW} new .txt, s", f"{t_incr:.2f}", "-", ""),
        (f"query p50, ms ({len(QUERIES)} queries x {QUERY_RUNS})", f"{q_sd[0]:.1f}", f"{q_base[0]:.1f}",
         f"{q_sd[0] / q_base[0]:.2f}"),
        ("query p95, ms", f"{q_sd[1]:.1f}", f"{q_base[1]:.1f}", f"{q_sd[1] / q_base[1]:.2f}"),
        ("baseline open_dir + searcher (compound), ms", "-", f"{1000 * t_open:.1f}", ""),
        ("one-shot CLI 'oil prices' --json, .pyc cached, ms", f"{cli_ms:.0f}", f"{floor_ms:.0f}",
         f"{cli_ms / floor_ms:.2f}"),
        (f"  same, inherited env (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')}), ms",
         f"{ms([c[0] for c in cli_inherited]):.0f}", "", ""),
        ("one-shot CLI peak RSS, MB", f"{cli_rss:.0f}", f"{floor_rss:.0f}", f"{cli_rss / floor_rss:.2f}"),
        ("bare 'python -c pass', ms", "", f"{ms([c[0] for c in bare]):.0f}", ""),
        ("peak RSS of this process, MB", f"{rss_self:.0f}", "", ""),
    ]
    head = ("metric", "searchdocs", "baseline", "ratio")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    lines = [fmt(head), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows]
    qhead = ("query", "hits sd", "hits base", "p50 sd ms", "p50 base ms")
    qrows = [(k, str(sd.totals[k]), str(base.totals[k]), f"{ms(sd.per_query[k]):.1f}", f"{ms(base.per_query[k]):.1f}")
             for k in sd.per_query]
    qw = [max(len(r[i]) for r in qrows + [qhead]) for i in range(5)]
    qfmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, qw)))  # noqa: E731
    qlines = [qfmt(qhead), qfmt(tuple("-" * w for w in qw))] + [qfmt(r) for r in qrows]
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    command = "python bench/quick.py --docs " + str(args.docs) + (" --write" if args.write else "")
    about = [f"command: {command}", f"machine: {machine()}", f"date:    {when}",
             f"corpus:  {len(docs)} articles ({len(docs) - n_vi} Reuters, {n_vi} Dân trí; {text_mb:.1f} MB text; "
             f"{n_jsonl} JSONL + {n_txt} .txt files); baseline = plain Whoosh, stemmed stored body, compound, 1 commit",
             f"total benchmark time: {time.perf_counter() - started:.0f} s"]
    notes = ["medians; CLI rows: 5 runs each after one warm-up, baseline = `python -c 'import whoosh.index'`",
             "(start-up floor, no search); baseline queries reuse one open searcher, Index.search opens the",
             "index on every call; 'hits' = total matches (baseline: plain body field, no folding)."]
    text = "\n".join(about + [""] + lines + notes + [""] + qlines)
    print("\n" + text)
    if args.write:
        write_results(HERE / "RESULTS.md", f"## --docs {args.docs}", text)
    return 0


def write_results(path: Path, heading: str, body: str) -> None:
    """Replace the section under ``heading`` in ``path`` (or append it), keeping the others."""
    intro = "# searchdocs benchmark results\n\nProduced by `bench/quick.py --write`; one section per corpus size.\n"
    old = path.read_text(encoding="utf-8") if path.exists() else intro
    section = f"{heading}\n\n```\n{body}\n```\n"
    parts = old.split("\n## ")
    kept = [parts[0].rstrip("\n") + "\n"] + ["## " + p.rstrip("\n") + "\n" for p in parts[1:]
                                             if not ("## " + p).startswith(heading + "\n")]
    path.write_text("\n".join(kept + [section]), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
