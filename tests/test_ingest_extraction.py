"""Main-text extraction against real pages with known article bodies.

Uses ../shared/data/article-extraction-benchmark (181 news pages with their true bodies)
and the shingle score of bench/extraction.py; skipped when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from searchlib.ingest import extract_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
BENCH = SHARED / "data" / "article-extraction-benchmark"
#: Every 6th page in key order: 31 pages, about 0.5 s.
STEP = 6
#: Measured 0.976 on this subset (0.957 on all 181 pages); the floor is set below it to
#: catch regressions, not to pin the exact figure.
F1_FLOOR = 0.94


def _score_module():
    spec = importlib.util.spec_from_file_location("bench_extraction",
                                                  Path(__file__).resolve().parents[1] / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def truth() -> dict[str, dict]:
    if not (BENCH / "ground-truth.json").exists():
        pytest.skip(f"{BENCH} is not present (../shared lives outside the repo)")
    return json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))


def test_score_is_upstreams_shingle_f1() -> None:
    score = _score_module()
    assert score.counts("a b c d e", "a b c d e") == (2, 0, 0)
    assert score.counts("a b c d e", "x a b c d") == (1, 1, 1)
    assert score.counts("one two", "") == (0, 0, 1)  # a short text is one shingle
    perfect = score.page_scores([(2, 0, 0), (5, 0, 0)])
    assert perfect["f1"] == perfect["pooled_f1"] == 1.0
    # Pages weigh the same however long they are; pooled counts weigh by length.
    mixed = score.page_scores([(1, 1, 0), (100, 0, 0)])
    assert mixed["precision"] == 0.75 and round(mixed["pooled_f1"], 3) == 0.995


def test_f1_floor_on_a_fixed_subset_of_real_pages(truth: dict) -> None:
    score = _score_module()
    keys = sorted(truth)[::STEP]
    triples = []
    for key in keys:
        (article,) = extract_file(BENCH / "html" / f"{key}.html.gz").articles
        triples.append(score.counts(truth[key]["articleBody"], article.body))
    result = score.page_scores(triples)
    assert result["f1"] >= F1_FLOOR, result
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result
