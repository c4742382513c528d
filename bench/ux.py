"""What the search-experience features cost, measured against the same search without them.

On the deterministic Reuters/Dân trí corpus of ``bench/quick.py`` (built once, in a temp
dir), interleaved rounds of ``Index.search`` (medians, ms, and ratios to the baseline of the
same round, so machine noise cancels):

- baseline: ``search(q, limit=10, timeline=False, suggest=False)``, i.e. ranking, snippets
  and the four default facets, as before the timeline existed;
- ``+ timeline``: the default (hits per year/month, counted in the facets' pass);
- typo queries that find nothing: with the suggestion (edit distance over the folded
  vocabulary, then one validating count) against without;
- ``stats()``, ``facet_values("people", match=...)``, ``similar(id)`` and ``explain(q)``
  (absolute ms; there is nothing to compare them with).

Run:  python bench/ux.py --docs 5000 [--write] [--data DIR]
Needs /work/shared/data (or --data); exits with status 2 when it is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from quick import DEFAULT_DATA, QUERIES, load_docs, machine, write_corpus, write_results  # noqa: E402

from searchlib import Index  # noqa: E402

TYPOS = ["oil pricse", "interest rtaes", "cofee", "Vietnm", "moneey supply", "tradde deficit"]
ROUNDS = 7


def ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def med(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--write", action="store_true", help="add or replace this run's section in bench/RESULTS.md")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"bench: {args.data} is absent", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="searchdocs-ux-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(load_docs(args.data, args.docs), corpus)
        ix = Index(Path(tmp) / "index")
        ix.update([corpus])
        queries = [(q, f) for q, f in QUERIES]
        for q, f in queries:  # warm caches
            ix.search(q, **f)
        base, timeline, plain_typo, suggest_typo = [], [], [], []
        suggestions: dict[str, str | None] = {}
        for _ in range(ROUNDS):
            b = [ms(lambda q=q, f=f: ix.search(q, **f, timeline=False, suggest=False)) for q, f in queries]
            t = [ms(lambda q=q, f=f: ix.search(q, **f)) for q, f in queries]
            base.append(med(b))
            timeline.append(med(t))
            p = [ms(lambda q=q: ix.search(q, suggest=False)) for q in TYPOS]
            s = [ms(lambda q=q: suggestions.__setitem__(q, ix.search(q).suggestion)) for q in TYPOS]
            plain_typo.append(med(p))
            suggest_typo.append(med(s))
        some_id = ix.search("oil prices", limit=1).hits[0].id
        others = {
            "stats()": med([ms(lambda: ix.stats()) for _ in range(ROUNDS)]),
            'facet_values("people", match="nguyen")': med([ms(lambda: ix.facet_values("people", match="nguyen"))
                                                           for _ in range(ROUNDS)]),
            f"similar({some_id!r})": med([ms(lambda: ix.similar(some_id)) for _ in range(ROUNDS)]),
            'explain("oil prices", since="1987")': med([ms(lambda: ix.explain("oil prices", since="1987"))
                                                        for _ in range(ROUNDS)]),
        }
    ratio = [t / b for t, b in zip(timeline, base)]
    sratio = [s / p for s, p in zip(suggest_typo, plain_typo)]
    lines = [
        f"date: {dt.date.today()}   machine: {machine()}",
        f"command: python bench/ux.py --docs {args.docs}   ({ROUNDS} interleaved rounds, medians)",
        "",
        f"search, {len(queries)} queries (median per round)   baseline {med(base):7.1f} ms"
        f"   with timeline {med(timeline):7.1f} ms   ratio {med(ratio):.2f}",
        f"typo queries, {len(TYPOS)} (0 hits)               no suggestion {med(plain_typo):6.1f} ms"
        f"   with suggestion {med(suggest_typo):6.1f} ms   ratio {med(sratio):.2f}",
        "suggestions: " + ", ".join(f"{q!r} -> {s!r}" for q, s in suggestions.items()),
        "",
    ] + [f"{name:<45} {value:7.1f} ms" for name, value in others.items()]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_results(HERE / "RESULTS.md", f"## Search experience (bench/ux.py, --docs {args.docs})", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
