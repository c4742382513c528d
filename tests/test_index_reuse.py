"""Index.search keeps its searcher open between calls while the live generation stays the
same, and opens the new one after an update, a deletion or a rebuild."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from searchlib import Index

from .conftest import copy_seeds

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def project(tmp_path) -> tuple[Index, Path]:
    corpus = copy_seeds(tmp_path)
    index = Index(tmp_path / "index")
    index.update([corpus])
    return index, corpus


def _kept(index: Index, thread: int | None = None):
    kept = index._kept.get(threading.get_ident() if thread is None else thread)
    return None if kept is None else kept[2]


def test_searches_share_one_searcher(project) -> None:
    index, _ = project
    first = index.search("police")
    searcher = _kept(index)
    assert searcher is not None
    again = index.search("police")
    assert _kept(index) is searcher
    assert [h.id for h in again.hits] == [h.id for h in first.hits]


def test_an_update_is_seen_by_the_next_search(project) -> None:
    index, corpus = project
    before = index.search("Mekong").total
    searcher = _kept(index)
    shutil.copytree(FIXTURES / "labelled", corpus / "more", ignore=shutil.ignore_patterns("*.json"))
    index.update([corpus])
    assert index.search("Mekong").total > before
    assert _kept(index) is not searcher


def test_a_deletion_is_seen_by_the_next_search(project) -> None:
    index, corpus = project
    hit = index.search("police").hits[0]
    (corpus / Path(hit.path).name).unlink()
    index.update([corpus])
    assert hit.id not in {h.id for h in index.search("police", limit=0).hits}


def test_a_rebuild_by_another_handle_is_seen(project) -> None:
    index, corpus = project
    before = index.search("police").total
    shutil.copytree(FIXTURES / "labelled", corpus / "more", ignore=shutil.ignore_patterns("*.json"))
    Index(index.path).rebuild([corpus])  # another handle, as a second process would have
    after = index.search("police").total
    assert after > before and after == Index(index.path).search("police").total


def test_close_and_context_manager(project) -> None:
    index, _ = project
    with index as ix:
        ix.search("police")
        assert _kept(ix) is not None
    assert _kept(index) is None
    assert index.search("police").total  # opens again


def test_each_thread_has_its_own_searcher(project) -> None:
    index, _ = project
    index.search("police")
    mine = _kept(index)
    seen = []

    def work():
        index.search("police")
        seen.append(_kept(index))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen and seen[0] is not None and seen[0] is not mine
    assert _kept(index) is mine


def test_close_releases_every_threads_searcher(project) -> None:
    """An idle pool thread must not keep an old generation's files open past close()."""
    index, _ = project
    searched, release = threading.Event(), threading.Event()
    idents = []

    def idle_worker():
        index.search("police")
        idents.append(threading.get_ident())
        searched.set()
        release.wait(10)

    thread = threading.Thread(target=idle_worker)
    thread.start()
    searched.wait(10)
    kept = _kept(index, idents[0])
    assert kept is not None
    index.close()
    assert not index._kept
    with pytest.raises(Exception):
        kept.doc_count()  # closed: its reader is gone
    release.set()
    thread.join()


def test_searchers_of_ended_threads_are_closed(project) -> None:
    index, corpus = project
    thread = threading.Thread(target=lambda: index.search("police"))
    thread.start()
    thread.join()
    assert len(index._kept) == 1  # the ended thread's
    shutil.copytree(FIXTURES / "labelled", corpus / "more", ignore=shutil.ignore_patterns("*.json"))
    index.update([corpus])
    index.search("police")  # this thread opens the new generation and sweeps
    assert list(index._kept) == [threading.get_ident()]
