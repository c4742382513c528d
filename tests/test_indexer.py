"""Incremental updates, rebuilds, locking and damaged indexes, on real article files."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from searchlib import Index
from searchlib.errors import CorpusNotFoundError, IndexCorruptError, IndexLockedError, IndexNotFoundError
from searchlib.store import POINTER, IndexDir

from .conftest import CORPUS, SEED, copy_seeds, ids, write_jsonl


@pytest.fixture
def project(tmp_path):
    """A fresh project: a copy of the seeds in corpus/ and an empty index/."""
    corpus = copy_seeds(tmp_path)
    return tmp_path, corpus, Index(tmp_path / "index")


def bump_mtime(path, seconds=10):
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def test_first_update_adds_everything(project):
    _, corpus, ix = project
    report = ix.update([corpus])
    assert (report.added, report.updated, report.removed, report.unchanged, report.failed) == (5, 0, 0, 0, 0)
    assert report.articles == 5 and report.undated == 2
    assert len(ix) == 5


def test_second_update_changes_nothing(project):
    _, corpus, ix = project
    ix.update([corpus])
    report = ix.update([corpus])
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 5)
    assert not report.changed


def test_touched_file_with_same_content_is_unchanged(project):
    _, corpus, ix = project
    ix.update([corpus])
    bump_mtime(corpus / SEED["lao"])
    report = ix.update([corpus])
    assert report.unchanged == 5 and not report.changed


def test_add_change_delete(project):
    _, corpus, ix = project
    ix.update([corpus])
    (corpus / "new.txt").write_text("title: Drug ring dismantled in Quảng Ninh\ndate: 2024-03-02\n\n"
                                    "Police in Quảng Ninh dismantled a heroin trafficking ring.\n", encoding="utf-8")
    lao = corpus / SEED["lao"]
    lao.write_text(lao.read_text(encoding="utf-8") + "\nThe ministers also discussed orchid exports.\n",
                   encoding="utf-8")
    (corpus / SEED["asean"]).unlink()
    report = ix.update([corpus])
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert report.articles == 5
    assert ids(ix.search("orchid")) == {f"corpus/{SEED['lao']}"}
    assert ids(ix.search("heroin")) == {"corpus/new.txt"}
    assert ids(ix.search("ASEAN Secretary-General")) == set()
    # nothing duplicated: every id once
    listing = ix.search(limit=0)
    assert listing.total == 5 and len(ids(listing)) == 5


def test_update_of_a_subdirectory_leaves_other_files(project):
    root, corpus, ix = project
    sub = corpus / "vn"
    sub.mkdir()
    write_jsonl(sub / "feed.jsonl", [{"id": "vn-1", "title": "Triệt phá đường dây ma túy", "date": "2024-01-05",
                                      "body": "Công an tỉnh Nghệ An triệt phá đường dây mua bán ma túy."}])
    ix.update([corpus])
    (sub / "feed.jsonl").unlink()
    report = ix.update([sub])
    assert report.removed == 1 and report.articles == 5


def test_broken_file_reported_and_rest_indexed(project):
    _, corpus, ix = project
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bad.jsonl").write_text('{"id": "ok-1", "body": "Border guards seized smuggled cigarettes."}\n'
                                      "{not json\n", encoding="utf-8")
    problems = []
    report = ix.update([corpus], on_problem=problems.append)
    assert report.articles == 6
    assert report.failed == 2
    paths = sorted(p.path for p in problems)
    assert paths[0].startswith("corpus/bad.jsonl") and paths[1] == "corpus/empty.txt"
    assert ids(ix.search("cigarettes")) == {"ok-1"}
    # an unchanged broken file is reported again without being re-read
    again = ix.update([corpus])
    assert again.failed == 1 and again.problems[0].path == "corpus/empty.txt"


def test_file_that_breaks_keeps_its_indexed_version(project):
    _, corpus, ix = project
    ix.update([corpus])
    lao = corpus / SEED["lao"]
    lao.write_bytes(b"")
    report = ix.update([corpus])
    assert report.failed == 1 and report.articles == 5
    assert f"corpus/{SEED['lao']}" in ids(ix.search("Vilay"))


def test_duplicate_ids_are_refused_not_overwritten(project):
    _, corpus, ix = project
    write_jsonl(corpus / "a.jsonl", [{"id": "x1", "body": "First article about drug trafficking."}])
    write_jsonl(corpus / "b.jsonl", [{"id": "x1", "body": "Second article about fraud."}])
    report = ix.update([corpus])
    assert report.failed == 1 and "duplicate article id" in report.problems[0].reason
    assert ix.get("x1").body == "First article about drug trafficking."


def test_missing_path_is_an_error(project):
    root, _, ix = project
    with pytest.raises(CorpusNotFoundError):
        ix.update([root / "nope"])


def test_rebuild_replaces_atomically_and_cleans_up(project):
    root, corpus, ix = project
    ix.update([corpus])
    old = json.loads((root / "index" / POINTER).read_text())["name"]
    (corpus / SEED["asean"]).unlink()
    report = ix.rebuild([corpus])
    new = json.loads((root / "index" / POINTER).read_text())["name"]
    assert new != old and report.added == 4 and report.articles == 4
    assert not [p for p in (root / "index").iterdir() if old in p.name]


def test_failed_rebuild_keeps_the_old_index(project, monkeypatch):
    root, corpus, ix = project
    ix.update([corpus])
    import searchlib.workers as workers

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(workers, "article_to_fields", boom)
    with pytest.raises(RuntimeError):
        ix.rebuild([corpus])
    assert len(ix) == 5 and ix.search("Vilay").total == 2
    pointer = json.loads((root / "index" / POINTER).read_text())["name"]
    assert all(pointer in p.name for p in (root / "index").iterdir()
               if p.name.startswith(("_ix", "ix", "manifest-")))


def test_second_writer_is_refused_with_pid(project):
    _, corpus, ix = project
    ix.update([corpus])
    with IndexDir(ix.path).lock():
        with pytest.raises(IndexLockedError, match=str(os.getpid())):
            ix.update([corpus])
    assert ix.update([corpus]).unchanged == 5


def test_search_before_index_exists(tmp_path):
    with pytest.raises(IndexNotFoundError) as info:
        Index(tmp_path / "index").search("x")
    assert "searchdocs index" in info.value.hint


def test_foreign_directory_is_never_written(tmp_path):
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(IndexCorruptError, match="not a searchdocs index"):
        Index(foreign).update([CORPUS])
    with pytest.raises(IndexCorruptError):
        Index(foreign).search("x")
    assert [p.name for p in foreign.iterdir()] == ["holiday.jpg"]


def test_damaged_pointer_asks_for_rebuild(project):
    _, corpus, ix = project
    ix.update([corpus])
    (ix.path / POINTER).write_text("{garbage", encoding="utf-8")
    with pytest.raises(IndexCorruptError) as info:
        ix.search("x")
    assert "--rebuild" in info.value.hint


def test_index_of_other_schema_version_asks_for_rebuild(project):
    _, corpus, ix = project
    ix.update([corpus])
    data = json.loads((ix.path / POINTER).read_text())
    data["schema"] = 0
    (ix.path / POINTER).write_text(json.dumps(data))
    with pytest.raises(IndexCorruptError, match="schema"):
        ix.search("x")


def test_corpus_changes_detected_cheaply(project):
    _, corpus, ix = project
    ix.update([corpus])
    assert not ix.corpus_changes([corpus])
    shutil.copy(corpus / SEED["lao"], corpus / "copy.txt")
    (corpus / SEED["asean"]).unlink()
    changes = ix.corpus_changes([corpus])
    assert (changes.new, changes.deleted) == (1, 1)
    ix.update([corpus])
    assert not ix.corpus_changes([corpus])


def test_corpus_changes_of_a_large_corpus_read_only_the_manifest_head(project, monkeypatch):
    import searchlib.index as index_module

    _, corpus, ix = project
    ix.update([corpus])
    name = IndexDir(ix.path).read_pointer()["name"]
    generation = IndexDir(ix.path).latest_generation(name)
    dirs, count = IndexDir(ix.path).manifest_head(name, generation)
    assert count == 5 and dirs == IndexDir(ix.path).load_manifest(name, generation).dirs
    monkeypatch.setattr(index_module, "_STAT_ALL_LIMIT", 2)  # "large": directories only
    assert not ix.corpus_changes([corpus])
    (corpus / "sub").mkdir()
    changes = ix.corpus_changes([corpus])
    assert changes and changes.dirs == ["corpus"] and (changes.new, changes.modified) == (0, 0)
    ix.update([corpus])
    assert not ix.corpus_changes([corpus])


def test_get_returns_the_stored_article(project):
    _, corpus, ix = project
    ix.update([corpus])
    art = ix.get(f"corpus/{SEED['phone']}")
    assert art.date.isoformat() == "2025-08-19" and "Lương Tam Quang" in art.people
    assert ix.get("nope") is None


@pytest.mark.parametrize("text", [
    "Zed title\n\nSome drug trafficking body without source, people, topic or date.\n",
    "title: Police in Hà Nội report a quiet week\ndate: 2024-05-05\n\nThe city police reported no new "
    "cases this week, and officers said patrols would continue through the holiday.\n",
])
def test_search_and_facets_after_an_update_missing_column_values(project, text):
    # a later segment whose documents all lack source/people/topics/date must not shift columns
    _, corpus, ix = project
    ix.update([corpus])
    (corpus / "zzz.txt").write_text(text, encoding="utf-8")
    ix.update([corpus])
    listing = ix.search(limit=0, sort="newest")
    assert listing.total == 6 and len(ids(listing)) == 6
    assert ix.search("security", limit=0).facets["source"] == {"VGP": 1, "VNA": 1, "VNS": 1}
    assert ix.search(lang="en", limit=0).total == 6
    assert ix.search("Vilay", limit=0).facets["people"]["Vilay Lakhamphong"] == 2


def test_leftovers_of_a_killed_first_build_are_recovered(project):
    # a first build killed before its pointer was written leaves Whoosh files only
    _, corpus, ix = project
    ix.update([corpus])
    (ix.path / POINTER).unlink()
    leftovers = sorted(p.name for p in ix.path.iterdir())
    with pytest.raises(IndexNotFoundError):
        ix.search("x")
    report = ix.update([corpus])
    assert report.added == 5 and report.articles == 5
    assert not set(leftovers) & {p.name for p in ix.path.iterdir()} - {".lock"}


def _manifest_file(ix):
    store = IndexDir(ix.path)
    name = store.read_pointer()["name"]
    return ix.path / f"manifest-{name}-{store.latest_generation(name)}.json"


def test_manifest_stores_one_row_per_file_and_still_reads_the_older_layout(project):
    _, corpus, ix = project
    write_jsonl(corpus / "feed.jsonl", [{"id": "f-1", "title": "Feed one", "body": "Border guards met on smuggling."},
                                        {"id": "f-2", "title": "Feed two", "body": "Customs seized 20 kg of heroin."}])
    (corpus / "empty.txt").write_text("")
    ix.update([corpus])
    path = _manifest_file(ix)
    rows = json.loads(path.read_text(encoding="utf-8"))["files"]
    # a file holding one article named by its path stores no ids; others list theirs; errors last
    assert rows[f"corpus/{SEED['lao']}"][3] is None and len(rows[f"corpus/{SEED['lao']}"]) == 4
    assert rows["corpus/feed.jsonl"][3] == ["f-1", "f-2"]
    assert rows["corpus/empty.txt"][3:] == [[], "empty file"]
    _, name, generation = path.stem.split("-")
    loaded = IndexDir(ix.path).load_manifest(name, int(generation))
    assert loaded.files[f"corpus/{SEED['lao']}"].ids == [f"corpus/{SEED['lao']}"]
    # an index written before rows (an object per file) is read as it is: nothing re-read
    old = json.loads(path.read_text(encoding="utf-8"))
    old["files"] = {disp: {"mtime_ns": st.mtime_ns, "size": st.size, "sha256": st.sha256, "ids": st.ids,
                           "error": st.error} for disp, st in loaded.files.items()}
    path.write_text(json.dumps(old), encoding="utf-8")
    again = ix.update([corpus])
    assert (again.added, again.updated, again.removed, again.unchanged, again.failed) == (0, 0, 0, 6, 1)
    assert len(ix) == 7


def test_an_update_with_nothing_to_read_never_loads_the_extractors(project):
    import subprocess
    import sys

    _, corpus, ix = project
    ix.update([corpus])
    code = ("import sys; from searchlib import Index; r = Index(sys.argv[1]).update([sys.argv[2]]); "
            "print(r.unchanged, 'searchlib.ingest.reader' in sys.modules, 'bs4' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(ix.path), str(corpus)], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["5", "False", "False"]


# -- manifest deltas: a small update writes the changed rows, not the whole manifest ---------------
def _small_note(corpus, n):
    (corpus / f"note{n}.txt").write_text(f"title: Border note {n}\ndate: 2024-05-0{n % 9 + 1}\n\n"
                                         f"Border guards of Lạng Sơn recorded note number {n} on smuggling.\n",
                                         encoding="utf-8")


def _manifest_rows(ix):
    store = IndexDir(ix.path)
    name = store.read_pointer()["name"]
    manifest = store.load_manifest(name, store.latest_generation(name))
    return {disp: (st.mtime_ns, st.size, st.sha256, st.ids, st.error) for disp, st in manifest.files.items()}


def _rebuilt_rows(ix, corpus):
    """The manifest rows a rebuild of ``corpus`` from scratch records."""
    ix.rebuild([corpus])
    return _manifest_rows(ix)


def _first_build(project, monkeypatch, fraction: float):
    """The seeds indexed once with deltas allowed up to ``fraction`` of the files: the corpus,
    the index, its directory, the Whoosh index name and the first (whole) manifest's generation."""
    import searchlib.store as store_module

    _, corpus, ix = project
    monkeypatch.setattr(store_module, "DELTA_FRACTION", fraction)
    ix.update([corpus])
    store = IndexDir(ix.path)
    name = store.read_pointer()["name"]
    return corpus, ix, store, name, store.latest_generation(name)


def test_small_updates_write_deltas_that_read_back_as_the_whole_manifest(project, monkeypatch):
    corpus, ix, store, name, base = _first_build(project, monkeypatch, 0.7)  # 5 seeds: a few changes are "small"
    assert store.manifest_base(name, base) is None  # the first manifest is whole

    _small_note(corpus, 1)
    ix.update([corpus])
    lao = corpus / SEED["lao"]
    lao.write_text(lao.read_text(encoding="utf-8") + "\nThe ministers also discussed orchid exports.\n",
                   encoding="utf-8")
    bump_mtime(lao)
    bump_mtime(corpus / SEED["asean"])  # touched, same content: its stat changes in the manifest
    ix.update([corpus])
    generation = store.latest_generation(name)
    assert generation > base + 1 and store.manifest_base(name, generation) == base
    delta = json.loads((ix.path / f"manifest-{name}-{generation}.json").read_text(encoding="utf-8"))
    assert sorted(delta["files"]) == sorted(["corpus/note1.txt", f"corpus/{SEED['lao']}", f"corpus/{SEED['asean']}"])
    assert delta["count"] == 6 and delta["removed"] == []
    # the base is kept beside the live delta, the intermediate delta is pruned
    manifests = sorted(p.name for p in ix.path.glob("manifest-*.json"))
    assert manifests == sorted([f"manifest-{name}-{base}.json", f"manifest-{name}-{generation}.json"])

    (corpus / "note1.txt").unlink()
    report = ix.update([corpus])
    assert report.removed == 1
    generation = store.latest_generation(name)
    delta = json.loads((ix.path / f"manifest-{name}-{generation}.json").read_text(encoding="utf-8"))
    assert delta["removed"] == ["corpus/note1.txt"] and "corpus/note1.txt" not in delta["files"]

    assert _manifest_rows(ix) == _rebuilt_rows(ix, corpus)
    again = ix.update([corpus])
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5) and not again.changed
    assert len(ix) == 5 and ix.search("orchid").total == 1


def test_many_changes_write_the_whole_manifest_again_and_the_old_base_goes(project, monkeypatch):
    corpus, ix, store, name, first = _first_build(project, monkeypatch, 0.3)
    _small_note(corpus, 1)
    ix.update([corpus])
    assert store.manifest_base(name, store.latest_generation(name)) == first
    for n in range(2, 5):  # 4 changes since the base of 8 files: past 30 %
        _small_note(corpus, n)
    ix.update([corpus])
    generation = store.latest_generation(name)
    assert store.manifest_base(name, generation) is None
    assert [p.name for p in ix.path.glob("manifest-*.json")] == [f"manifest-{name}-{generation}.json"]
    assert _manifest_rows(ix) == _rebuilt_rows(ix, corpus)
    name = store.read_pointer()["name"]  # the rebuild wrote a new Whoosh index
    generation = store.latest_generation(name)
    _small_note(corpus, 5)  # the whole manifest is the new base
    ix.update([corpus])
    assert store.manifest_base(name, store.latest_generation(name)) == generation


@pytest.mark.parametrize("damage", ["base missing", "base replaced"])
def test_a_delta_without_its_base_is_recovered_from_the_index(project, monkeypatch, damage):
    corpus, ix, store, name, base = _first_build(project, monkeypatch, 0.5)
    _small_note(corpus, 1)
    ix.update([corpus])
    base_file = ix.path / f"manifest-{name}-{base}.json"
    if damage == "base missing":
        base_file.unlink()
    else:  # a base that is not the one the delta counts from (one file fewer)
        data = json.loads(base_file.read_text(encoding="utf-8"))
        data["files"].pop(next(iter(data["files"])))
        data["count"] -= 1
        base_file.write_text(json.dumps(data), encoding="utf-8")
    assert store.load_manifest(name, store.latest_generation(name)) is None
    report = ix.update([corpus])  # every file is re-checked by content: nothing is re-added twice
    assert report.articles == 6 and len(ix) == 6 and ix.search("note").total >= 1
    assert not ix.corpus_changes([corpus])


def test_an_update_that_changes_no_article_keeps_a_readable_manifest(project, monkeypatch):
    """A touched file (new mtime, same content) rewrites the live generation's manifest: it
    must stay whole, never become a delta of itself (which no one could read)."""
    corpus, ix, store, name, generation = _first_build(project, monkeypatch, 0.7)
    bump_mtime(corpus / SEED["lao"])
    report = ix.update([corpus])
    assert report.unchanged == 5 and store.latest_generation(name) == generation
    assert store.load_manifest(name, generation) is not None
    again = ix.update([corpus])  # nothing is read again
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


@pytest.mark.parametrize("short_by", [1, 20, 60])
def test_the_base_of_a_delta_is_read_when_the_head_crosses_a_read_boundary(tmp_path, short_by):
    """The directories of a manifest end just before the first 64 KiB read: its count and
    base lie past it, and must still be found (prune keeps the base by this)."""
    from searchlib.store import FileState, Manifest, write_atomic

    store = IndexDir(tmp_path)
    manifest = Manifest(files={"corpus/a.txt": FileState(1, 2, "ab" * 32, ["corpus/a.txt"])}, base=3,
                        changed={"corpus/a.txt"})
    manifest.dirs = {"corpus": 1}
    pad = 65536 - short_by - len(manifest.delta_json().split(',"updated"')[0]) - len(',"":2')
    manifest.dirs = {"corpus": 1, "x" * pad: 2}
    text = manifest.delta_json()
    assert text.index(',"updated"') == 65536 - short_by
    write_atomic(tmp_path / "manifest-ixab-5.json", text)
    assert store.manifest_base("ixab", 5) == 3
    assert store.manifest_head("ixab", 5) == (manifest.dirs, 1)
