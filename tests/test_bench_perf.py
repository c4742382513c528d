"""bench/perf.py cannot rot: its corpus is deterministic and a small run reports sane figures.

No timing is asserted (speed is the benchmark's business, on a quiet machine); these tests
check that every step runs and measures what it claims. Skipped without ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT / "bench"))
import perfcorpus  # noqa: E402


def test_corpus_is_deterministic_realistic_and_mixed(tmp_path):
    pools = perfcorpus.load_pools(shared_path("data"))
    docs = perfcorpus.make_docs(pools, 200)
    again = perfcorpus.make_docs(pools, 200)
    assert [(d.title, d.body, d.date, d.source) for d in docs] == [(d.title, d.body, d.date, d.source) for d in again]
    assert len({d.body for d in docs}) == 200
    sizes = [len(perfcorpus.txt_text(d).encode()) for d in docs]
    assert min(sizes) >= 1500 and max(sizes) <= 5200 and 2500 <= sum(sizes) / len(sizes) <= 4500
    assert sum(d.lang == "vi" for d in docs) == 40
    assert all(2010 <= d.date.year <= 2026 for d in docs)
    written = perfcorpus.write_corpus(docs, tmp_path / "corpus")
    assert (written.txt, written.html, written.jsonl_records, written.vi) == (150, 20, 30, 40)
    assert len(list((tmp_path / "corpus").rglob("*.*"))) == 150 + 20 + written.jsonl_files


def test_a_small_run_reports_every_figure(tmp_path):
    data = shared_path("data")
    out = tmp_path / "perf.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "perf.py"), "--docs", "2000", "--runs", "1", "--updates", "2",
                             "--data", str(data), "--json", str(out)],
                            capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    m = json.loads(out.read_text())
    assert (m["build_articles"], m["build_failed"], m["base_articles"], m["incr_added"]) == (2000, 0, 2000, 300)
    assert m["updates_max_s"] >= m["updates_p50_s"] > 0 and m["segments_after"] >= 2
    assert m["corpus"]["vi"] == 400
    positive = ("build_rate", "base_rate", "build_rss_mb", "size_mb", "noop_s", "incr_s", "query_p50_ms",
                "query_p95_ms", "base_query_p50_ms", "cli_ms", "cli_rss_mb", "help_ms", "query_after_p50_ms")
    assert all(m[k] > 0 for k in positive), {k: m[k] for k in positive}
    hits = {q: h for q, h, _hb, _t, _tb in m["per_query"]}
    assert hits["human trafficking --since 2024"] > 0 and hits["luong tam quang"] > 0
    assert hits["gia vang"] == hits["giá vàng"] > 0  # folding: same articles with or without accents
    for row in ("full build, articles/s", "no-op `searchdocs index`", "2 more updates of 100, median s",
                "search p50", "one-shot CLI search",
                "`searchdocs --help`", "human trafficking --since 2024"):
        assert row in result.stdout
    if "rg_ms" not in m:
        assert "ripgrep (rg) is not installed" in result.stderr
