"""Reliability soak: SIGKILL ``searchdocs index`` (and ``--rebuild``) hundreds of times.

The long form of ``tests/test_reliability_kill.py`` (same harness, same checks): each trial
starts from a committed index of corpus state A, puts state B on disk, runs the real command,
kills it with SIGKILL after a seeded random delay spread over a whole run, checks that the
index opens and holds exactly state A or state B, then runs ``searchdocs index`` again and
checks it ends with exactly state B (count, no duplicate ids, nothing missing, new versions).

    . .venv/bin/activate
    python bench/soak.py --trials 150 --files 500 --jsonl-lines 300 --write

Texts come from Reuters-21578 in ../shared/data when present, else from the seed articles.
``--write`` replaces the "## Reliability soak" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_reliability_kill import REUTERS, KillHarness, Trial, make_corpus  # noqa: E402

SECTION = "## Reliability soak"


def run_series(root: Path, args: argparse.Namespace, rebuild: bool) -> dict:
    """One mode's trials; failures are recorded (with the trial's delay), not raised."""
    corpus = make_corpus(n_files=args.files, jsonl_lines=args.jsonl_lines, seed=args.seed)
    harness = KillHarness(root, corpus)
    full = harness.full_run_seconds(rebuild)
    rng = random.Random(args.seed + rebuild)
    trials: list[Trial] = []
    failures: list[str] = []
    for n in range(args.trials):
        delay = rng.uniform(0.05, full * 1.05)
        try:
            trials.append(harness.trial(delay, rebuild))
        except AssertionError as exc:
            failures.append(f"trial {n} (kill after {delay:.2f} s): {str(exc).splitlines()[0]}")
        if args.verbose:
            print(f"{'rebuild' if rebuild else 'update'} {n + 1}/{args.trials}", file=sys.stderr)
    return {"mode": "index --rebuild" if rebuild else "index", "full": full, "trials": trials,
            "failures": failures, "articles_a": len(corpus.titles_a), "articles_b": len(corpus.titles_b),
            "files": len(corpus.files_b)}


def summary_rows(series: list[dict]) -> list[str]:
    rows = [f"{'command':<18} {'trials':>6} {'killed':>6} {'old':>5} {'new':>5} {'failed':>6} "
            f"{'full run s':>10} {'recovery s (median/max)':>24}"]
    for s in series:
        trials: list[Trial] = s["trials"]
        killed = [t for t in trials if t.killed]
        recov = [t.recovery_seconds for t in trials] or [0.0]
        rows.append(f"{s['mode']:<18} {len(trials) + len(s['failures']):>6} {len(killed):>6} "
                    f"{sum(t.state == 'old' for t in killed):>5} {sum(t.state == 'new' for t in killed):>5} "
                    f"{len(s['failures']):>6} {s['full']:>10.2f} "
                    f"{statistics.median(recov):>11.2f} / {max(recov):<10.2f}")
    return rows


def write_results(text: str) -> None:
    """Replace (or append) the soak section of bench/RESULTS.md; other sections are kept."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    start = current.find(SECTION)
    if start >= 0:
        end = current.find("\n## ", start + len(SECTION))
        current = current[:start].rstrip("\n") + "\n\n" + (current[end + 1:] if end >= 0 else "")
    path.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=100, help="kills per command (default 100)")
    parser.add_argument("--files", type=int, default=500, help=".txt articles in state A (default 500)")
    parser.add_argument("--jsonl-lines", type=int, default=300, help="articles in the JSONL feed (default 300)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", action="store_true", help="record the results in bench/RESULTS.md")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="searchdocs-soak-") as tmp:
        with ThreadPoolExecutor(max_workers=2) as pool:
            series = list(pool.map(lambda rebuild: run_series(Path(tmp) / str(rebuild), args, rebuild),
                                   [False, True]))
    total = time.perf_counter() - started
    failures = [f"{s['mode']}: {f}" for s in series for f in s["failures"]]
    first = series[0]
    text = "\n".join([
        SECTION, "",
        "Produced by `bench/soak.py` (the long form of `tests/test_reliability_kill.py`). Each trial:",
        "SIGKILL the real command at a seeded random moment of a run, check the index opens and holds",
        "exactly the old or the new state, then check the next `searchdocs index` ends with exactly",
        "the new state. `old`/`new`: what a killed run left; `recovery`: the next `searchdocs index`.",
        "The update and rebuild series run side by side.", "",
        "```",
        f"command: python bench/soak.py --trials {args.trials} --files {args.files} "
        f"--jsonl-lines {args.jsonl_lines} --seed {args.seed} --write",
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}",
        f"date:    {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"corpus:  {first['articles_a']} → {first['articles_b']} articles ({first['files']} files in state B; "
        f"text from {'Reuters-21578' if REUTERS.exists() else 'the seed articles'})",
        f"total:   {total / 60:.1f} min",
        "",
        *summary_rows(series),
        "```", "",
        f"Failures: {len(failures)}." + ("" if not failures else "\n\n" + "\n".join(f"- {f}" for f in failures)),
        "",
    ])
    print(text)
    if args.write:
        write_results(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
