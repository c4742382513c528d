"""Large updates run in worker processes and write several segments: the index they commit
must be the one a single process writes, with the same rules for bad files and duplicates.

The corpus is the labelled set of real press releases (English and Vietnamese, text and
HTML) copied into several folders, so there are enough files to start workers.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

import searchlib.indexer as indexer
import searchlib.segwriter as segwriter
from searchlib import Index
from searchlib.ingest import extract
from searchlib.schema import article_to_fields, build_schema
from searchlib.segwriter import FastSegmentWriter
from searchlib.store import IndexDir

from .conftest import ROOT

LABELLED = ROOT / "tests" / "fixtures" / "labelled"
QUERIES = [("trafficking", {}), ("ma tuy", {}), ("luong tam quang", {}), ("cooperation", {"since": "2024"}),
           ('"public security"', {}), ("Campuchia", {"lang": "vi"})]


def _corpus(root: Path, copies: int = 4) -> Path:
    corpus = root / "corpus"
    files = sorted(p for p in LABELLED.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    for k in range(copies):
        for path in files:
            target = corpus / f"copy{k}" / path.relative_to(LABELLED)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return corpus


@pytest.fixture
def parallel(monkeypatch):
    """Workers for any update of 10 files or more, two of them even on one CPU."""
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(indexer, "_cpus", lambda: 2)


def _answers(ix: Index) -> list:
    out = []
    for q, filters in QUERIES:
        res = ix.search(q, limit=0, **filters)
        out.append((q, res.total, sorted((h.id, round(h.score, 5)) for h in res.hits), res.facets))
    return out


def _segments(ixpath: Path) -> int:
    name = IndexDir(ixpath).read_pointer()["name"]
    ix = whoosh_index.open_dir(str(ixpath), indexname=name)
    try:
        return len(ix._read_toc().segments)
    finally:
        ix.close()


def test_parallel_build_commits_the_same_index_as_one_process(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 10_000)  # in process
    one = Index(tmp_path / "one").update([corpus])
    monkeypatch.setattr(indexer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(indexer, "_cpus", lambda: 2)
    monkeypatch.setattr(segwriter, "FLUSH_POSTINGS", 5_000)  # several segments per worker
    many = Index(tmp_path / "many").update([corpus])
    assert _segments(tmp_path / "one") == 1 and _segments(tmp_path / "many") > 4
    assert (many.added, many.articles, many.failed, many.undated) == (one.added, one.articles, one.failed, one.undated)
    assert many.articles > 100
    assert _answers(Index(tmp_path / "many")) == _answers(Index(tmp_path / "one"))


def test_parallel_update_keeps_the_rules_for_changes_bad_files_and_duplicates(tmp_path, parallel):
    corpus = _corpus(tmp_path, copies=3)
    ix = Index(tmp_path / "index")
    first = ix.update([corpus])
    assert first.failed == 0 and ix.exists
    victim = corpus / "copy1" / "t03_vna_extradition_thailand.txt"
    victim_id = "corpus/copy1/t03_vna_extradition_thailand.txt"
    before = ix.get(victim_id)
    # a file that breaks keeps its indexed version; a changed file is re-indexed; duplicates refused
    victim.write_bytes(b"")
    changed = corpus / "copy2" / "t01_vns_lao_phone_talks.txt"
    changed.write_text("title: Phone talks rescheduled\n\nThe ministers will speak again on Friday about trafficking.\n")
    for k in range(20):
        (corpus / "new").mkdir(exist_ok=True)
        (corpus / "new" / f"feed{k:02d}.jsonl").write_text(
            f'{{"id": "shared-id", "title": "Feed {k}", "body": "Border guards met on smuggling, report {k}."}}\n')
    problems = []
    report = ix.update([corpus], on_problem=problems.append)
    reasons = sorted({p.reason.split(" (")[0] for p in problems})
    assert reasons == ["duplicate article id 'shared-id'", "empty file"], reasons
    assert (report.added, report.updated, report.failed) == (20, 1, 1 + 19)
    assert ix.get(victim_id).body == before.body  # the old version stays
    hits = ix.search("border guards smuggling report", limit=0)
    assert [h.path for h in hits.hits if h.id == "shared-id"] == ["corpus/new/feed00.jsonl"]
    assert ix.get("corpus/copy2/t01_vns_lao_phone_talks.txt").title == "Phone talks rescheduled"
    assert len(ix) == first.articles + 1
    again = ix.update([corpus])  # the broken file is tried again (and still keeps its old version)
    assert (again.added, again.updated, again.failed, len(ix)) == (0, 0, 1, first.articles + 1)


def _both_writers(tmp_path: Path, articles: list, merge=None) -> list:
    """Readers of two indexes written with Whoosh's ``SegmentWriter`` and with ours: the
    same ``articles`` added, then the segment of ``merge`` (a reader) if given."""
    readers = []
    for kind, make in (("whoosh", lambda ix: SegmentWriter(ix, compound=False)), ("fast", FastSegmentWriter)):
        folder = tmp_path / kind
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), build_schema())
        writer = make(ix)
        for article in articles:
            writer.add_document(**article_to_fields(article))
        if merge is not None:
            writer.add_reader(merge)
        writer.commit()
        readers.append(whoosh_index.open_dir(str(folder)).reader())
    return readers


@pytest.mark.parametrize("grouping", ["python", "numpy"])
def test_fast_segment_writer_writes_what_whoosh_writes(tmp_path, monkeypatch, grouping):
    """Same postings (term, document, weight, encoded positions), statistics and lengths as
    Whoosh's own writer, for real English and Vietnamese articles: copies of them, so common
    terms have more postings than one block holds (blocks of 128). New postings are grouped
    by term in Python for small segments and with numpy for large ones: both are checked."""
    monkeypatch.setattr(segwriter, "NUMPY_GROUP_MIN", 0 if grouping == "numpy" else 10**9)
    once = extract(LABELLED)
    assert len(once) > 30 and {a.lang for a in once} == {"en", "vi"}
    articles = [replace(a, id=f"{a.id}#{k}") for k in range(5) for a in once]
    stock, fast = readers = _both_writers(tmp_path, articles)

    def postings(reader):  # a value-less posting reads as None from a block, "" inline: both empty
        return [(f, t, d, w, v or b"") for f, t, d, w, v in reader.iter_postings()]

    assert postings(fast) == postings(stock)
    assert max(stock.doc_frequency(f, t) for f, t in stock.all_terms()) > 128  # several blocks
    for fieldname, text in stock.all_terms():
        a, b = stock.term_info(fieldname, text), fast.term_info(fieldname, text)
        assert (a.doc_frequency(), a.weight(), a.max_weight(), a.min_id(), a.max_id()) == \
               (b.doc_frequency(), b.weight(), b.max_weight(), b.min_id(), b.max_id()), (fieldname, text)
        assert (a.min_length(), a.max_length()) == (b.min_length(), b.max_length()), (fieldname, text)
    for name in build_schema().scorable_names():
        assert fast.field_length(name) == stock.field_length(name)
        assert [fast.doc_field_length(n, name) for n in range(len(articles))] == \
               [stock.doc_field_length(n, name) for n in range(len(articles))]
    assert list(fast.all_stored_fields()) == list(stock.all_stored_fields())
    for r in readers:
        r.close()


def test_fast_segment_writer_merging_into_a_segment_with_its_own_documents(tmp_path):
    """A writer that holds new documents and then merges another segment (its postings come
    after, with higher document numbers) writes what Whoosh's writer writes."""
    articles = extract(LABELLED)
    source = tmp_path / "source"
    source.mkdir()
    src = whoosh_index.create_in(str(source), build_schema())
    with src.writer() as w:
        for article in articles[:15]:
            w.add_document(**article_to_fields(replace(article, id=article.id + "#old")))
    with src.reader() as reader:
        stock, fast = readers = _both_writers(tmp_path, articles[15:], merge=reader)
    postings = [[(f, t, d, w, v or b"") for f, t, d, w, v in r.iter_postings()] for r in readers]
    assert postings[0] == postings[1] and len(postings[0]) > 10_000
    assert fast.doc_count() == len(articles) and list(fast.all_stored_fields()) == list(stock.all_stored_fields())
    for r in readers:
        r.close()
