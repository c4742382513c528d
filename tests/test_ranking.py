"""Array ranking (searchlib/ranking.py) against Whoosh's own matchers.

The index holds the seeds and the labelled press releases three times over (so common
terms span several posting blocks), written in several commits with an article changed
and one folder removed afterwards: several segments, deletions inside them, and terms
missing from some segments.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as Q

from searchlib import Index, collect as collect_module
from searchlib.collect import collect
from searchlib.filters import Resolver
from searchlib.query import parse_query
from searchlib.ranking import Ranker, Unsupported, _spans_match

from .conftest import CORPUS, whoosh_references, with_bm25_searcher

FIXTURES = Path(__file__).parent / "fixtures"

QUERIES = ["police", "human trafficking", "lua dao", "ma túy", "Viet Nam", '"border gate"', "police -drug",
           "cooperation OR extradition", "hà nội", "Lương Tam Quang", "xyzzy", "the", "Ministry of Public Security",
           '"Ministry of Public Security" police', "công an", "Bộ Công an", "drug trafficking ring",
           "title:police", "body:cooperation", '"human trafficking" OR fraud', "To Lam", "Tô Lâm", "Lao Cai",
           "ministry (police OR security)", "vietnam -hanoi"]
FILTERS = [{}, {"since": "2025"}, {"lang": ["vi"]}, {"source": ["VNA"]}, {"topic": ["drug crime"]}]


@pytest.fixture(scope="module")
def big_index(tmp_path_factory) -> Index:
    root = tmp_path_factory.mktemp("ranking")
    corpus = root / "corpus"
    index = Index(root / "index")
    shutil.copytree(CORPUS, corpus / "seeds")
    for copy in range(3):
        for folder in ("labelled", "heldout", "heldout2", "heldout3"):
            shutil.copytree(FIXTURES / folder, corpus / f"{folder}{copy}", ignore=shutil.ignore_patterns("*.json"))
        index.update([corpus])
    changed = sorted((corpus / "heldout1").glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nUpdated: police cooperation.\n", encoding="utf-8")
    shutil.rmtree(corpus / "labelled0")
    index.update([corpus])
    return index


def _rounded(pairs):
    return [(round(s, 9), d) for s, d in pairs]


def assert_same_ranking(mine, everything, top, label) -> None:
    """``mine`` is the best ``top`` of Whoosh's ranking of ``everything``, allowing documents
    with equal scores in either order: Whoosh sums a document's scores in an order that
    depends on its segment, so equal documents differ in the last bit there."""
    want = everything[:top] if top is not None else everything
    assert [round(s, 9) for s, _ in mine] == [round(s, 9) for s, _ in want], label
    tied: dict[float, set[int]] = {}
    for score, doc in everything:
        tied.setdefault(round(score, 9), set()).add(doc)
    for score, doc in mine:
        assert doc in tied[round(score, 9)], label
    assert len({d for _, d in mine}) == len(mine), label


def test_index_has_what_the_comparisons_need(big_index: Index) -> None:
    def check(searcher):
        reader = searcher.reader()
        assert len(reader.leaf_readers()) >= 3 and reader.has_deletions()
        return max(reader.doc_frequency("body_fold", w) for w in ("police", "cong", "the"))

    assert with_bm25_searcher(big_index, check) > 128  # more than one W3 posting block


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_matches_and_top_10_equal_whoosh(big_index: Index, filters: dict) -> None:
    def check(searcher):
        # Whoosh's limit=10 search would drop a document of the true top 10 here ("lua dao")
        for text, q, allow, reference in whoosh_references(searcher, filters, QUERIES):
            want = set(reference.docs()) if reference.top_n else set()
            ids, best = Ranker(searcher).rank(q, allow, 10)
            assert set(ids.tolist()) == want, text
            assert_same_ranking(best, reference.top_n, 10, text)

    with_bm25_searcher(big_index, check)


def test_every_match_ranked_equals_whoosh(big_index: Index) -> None:
    def check(searcher):
        resolver = Resolver(searcher.reader())
        for text in QUERIES:
            q = parse_query(text, resolver=resolver).query
            everything = list(searcher.search(q, limit=None).top_n)
            assert_same_ranking(Ranker(searcher).rank(q, None, None)[1], everything, None, text)

    with_bm25_searcher(big_index, check)


@pytest.mark.parametrize("top", [1, 3, 25])
def test_proximity_bound_keeps_the_exact_top_n(big_index: Index, monkeypatch, top: int) -> None:
    """Checking phrases one document at a time (the smallest batch) stops early and still
    gives Whoosh's order: the bound is never below a real score."""
    import searchlib.ranking as ranking

    monkeypatch.setattr(ranking, "CHECK_BATCH", 1)

    def check(searcher):
        for text in ("human trafficking", "Ministry of Public Security", "drug trafficking ring", "công an"):
            q = parse_query(text).query
            assert isinstance(q, Q.AndMaybe)
            reference = searcher.search(q, limit=None).top_n
            assert_same_ranking(Ranker(searcher).rank(q, None, top)[1], reference, top, text)

    with_bm25_searcher(big_index, check)


def test_collect_uses_arrays_above_the_threshold(big_index: Index, monkeypatch) -> None:
    calls = []
    real = Ranker.rank

    def counting(self, *args):
        calls.append(args)
        return real(self, *args)

    monkeypatch.setattr(Ranker, "rank", counting)

    def check(searcher):
        q = parse_query("police").query
        monkeypatch.setattr(collect_module, "ARRAY_RANK_MIN", 10 ** 9)
        small = collect(searcher, q, None, 10)
        assert not calls
        monkeypatch.setattr(collect_module, "ARRAY_RANK_MIN", 0)
        docs, best = collect(searcher, q, None, 10)
        assert calls and set(docs.tolist()) == small[0]
        assert_same_ranking(best, searcher.search(q, limit=None).top_n, 10, "police")

    with_bm25_searcher(big_index, check)


def test_queries_it_does_not_evaluate_go_to_whoosh(big_index: Index, monkeypatch) -> None:
    monkeypatch.setattr(collect_module, "ARRAY_RANK_MIN", 0)

    def check(searcher):
        q = parse_query("traffick*").query
        with pytest.raises(Unsupported):
            Ranker(searcher).rank(q, None, 10)
        reference = searcher.search(q, limit=10)
        docs, best = collect(searcher, q, None, 10)  # Whoosh's own collector, so its own order
        assert docs == set(reference.docs()) and _rounded(best) == _rounded(reference.top_n)

    with_bm25_searcher(big_index, check)


def test_search_results_unchanged_by_array_ranking(big_index: Index, monkeypatch) -> None:
    """The whole search (hits, scores, totals, facets) is the same either way."""
    for text, options in (("police", {}), ("human trafficking", {"since": "2025"}), ("công an", {"sort": "newest"}),
                          ('"border gate" OR smuggling', {"facets": ["people", "topics"]})):
        monkeypatch.setattr(collect_module, "ARRAY_RANK_MIN", 10 ** 9)
        whoosh = big_index.search(text, **options).to_dict()
        monkeypatch.setattr(collect_module, "ARRAY_RANK_MIN", 0)
        arrays = big_index.search(text, **options).to_dict()
        for result in (whoosh, arrays):
            result.pop("took_ms")
            for hit in result["hits"]:
                hit["score"] = None if hit["score"] is None else round(hit["score"], 3)
        assert arrays == whoosh, text


# -- phrase positions ----------------------------------------------------------------------------
def _whoosh_spans_match(positions: list[list[int]], slop: int) -> bool:
    """Whoosh's SpanNear2 on the same positions, through its own classes."""
    from whoosh.matching import ListMatcher

    from whoosh.query.spans import Span, SpanNear2

    class Positions(ListMatcher):
        def __init__(self, pos):
            super().__init__([0])
            self._pos = pos

        def spans(self):
            return [Span(p) for p in self._pos]

    m = SpanNear2.SpanNear2Matcher([Positions(p) for p in positions], slop=slop, ordered=True, mindist=1)
    return bool(m.is_active() and m.spans())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.integers(0, 30), min_size=1, max_size=6, unique=True).map(sorted), min_size=1, max_size=4),
       st.integers(1, 4))
def test_phrase_positions_match_like_whoosh(positions, slop):
    assert _spans_match(positions, slop) == _whoosh_spans_match(positions, slop)


@pytest.mark.parametrize("positions, slop, expected", [
    ([[3], [4]], 1, True),            # adjacent, in order
    ([[4], [3]], 1, False),           # reversed
    ([[3], [6]], 3, True),            # within the proximity slop
    ([[3], [7]], 3, False),
    ([[1, 9], [10], [11]], 1, True),  # the second occurrence makes the phrase
    ([[5], [5]], 1, False),           # the same position is not "after"
])
def test_phrase_positions_examples(positions, slop, expected):
    assert _spans_match(positions, slop) is expected
    assert _whoosh_spans_match(positions, slop) is expected


def test_random_phrases_equal_whoosh_on_real_text(big_index: Index) -> None:
    """Two- and three-word phrases drawn from real article text, checked on every segment."""
    rng = random.Random(7)

    def check(searcher):
        reader = searcher.reader()
        texts = [reader.stored_fields(n).get("text", "") for n in list(reader.all_doc_ids())[::9]]
        checked = 0
        for text in texts:
            words = text.split()
            if len(words) < 4:
                continue
            start = rng.randrange(len(words) - 3)
            phrase = " ".join(words[start:start + rng.choice((2, 3))])
            q = parse_query(f'"{phrase}"', lenient=True).query
            if q is None:
                continue
            reference = searcher.search(q, limit=None)
            ids, best = Ranker(searcher).rank(q, None, None)
            assert set(ids.tolist()) == (set(reference.docs()) if reference.top_n else set()), phrase
            assert_same_ranking(best, reference.top_n, None, phrase)
            checked += 1
        return checked

    assert with_bm25_searcher(big_index, check) > 20


@pytest.mark.parametrize("names", [("year", "source", "people", "topics"), ("month", "lang", "people")])
def test_array_facet_counts_equal_per_document_counts(big_index: Index, names) -> None:
    """searchlib/facet_arrays.py counts the same months, values and spellings as the Python loop."""
    import numpy as np

    from searchlib.search import tally

    def check(searcher):
        reader = searcher.reader()
        everything = sorted(reader.all_doc_ids())
        for docs in (everything, everything[::3], [d for d in everything if d % 7 in (1, 2)], everything[:5]):
            assert tally(reader, np.array(docs, np.int64), 0, names) == tally(reader, set(docs), 0, names)
            assert tally(reader, np.array(docs, np.int64), 3, names) == tally(reader, set(docs), 3, names)

    with_bm25_searcher(big_index, check)


def test_single_child_groups_drop_their_boost_like_whoosh(big_index: Index) -> None:
    """Whoosh runs a one-child And/Or as the child alone, boost and all dropped."""
    shapes = [Q.Or([Q.Term("body_fold", "police")], boost=2.0), Q.And([Q.Term("body_fold", "police")], boost=2.0),
              Q.AndMaybe(Q.Term("body_fold", "police"),
                         Q.Or([Q.Phrase("body_fold", ["cong", "an"], slop=3)], boost=1.5))]

    def check(searcher):
        for q in shapes:
            assert_same_ranking(Ranker(searcher).rank(q, None, None)[1], searcher.search(q, limit=None).top_n,
                                None, repr(q))

    with_bm25_searcher(big_index, check)


def test_facet_counts_are_right_when_threads_count_at_once(big_index: Index, monkeypatch) -> None:
    """The shared column codes and spelling registries are grown under a lock: four threads
    counting the same fresh columns at once get the Python path's counts, then and later."""
    import sys
    import threading

    import numpy as np

    import searchlib.facet_arrays as facet_arrays
    from searchlib.search import tally

    names = ("year", "source", "people", "topics")
    old_interval = sys.getswitchinterval()

    def check(searcher):
        reader = searcher.reader()
        docs = sorted(reader.all_doc_ids())
        want = tally(reader, set(docs), 0, names)
        sys.setswitchinterval(1e-6)
        try:
            for _ in range(5):
                facet_arrays._PREPARED.clear()
                facet_arrays._REGISTRIES.clear()
                start, results = threading.Barrier(4), []

                def count():
                    start.wait()
                    results.append(tally(reader, np.array(docs, np.int64), 0, names))

                threads = [threading.Thread(target=count) for _ in range(4)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                assert results == [want] * 4
                assert tally(reader, np.array(docs, np.int64), 0, names) == want
        finally:
            sys.setswitchinterval(old_interval)

    with_bm25_searcher(big_index, check)


def test_term_cache_accounting_survives_threads(big_index: Index) -> None:
    import threading

    import searchlib.ranking as ranking

    ranking.clear_term_cache()
    queries = [parse_query(t).query for t in ("police", "human trafficking", "công an", "Viet Nam")]

    def work():
        index_searches = [big_index.search(text) for text in ("police", "human trafficking", "công an", "Viet Nam")]
        assert all(r.total for r in index_searches[:1])

        def run(searcher):
            for q in queries:
                Ranker(searcher).rank(q, None, 10)

        with_bm25_searcher(big_index, run)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert ranking._term_cache_bytes == sum(ranking._cost(t) for t in ranking._TERM_CACHE.values())
    assert ranking._TERM_CACHE
