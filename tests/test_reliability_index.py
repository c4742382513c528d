"""The index under stress: two writers, readers during writes, damage, foreign directories,
a full disk. Every outcome is the old state or the new one, or a one-line error with a fix."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from searchlib import Index
from searchlib.errors import ExitCode, IndexLockedError, IndexWriteError
from searchlib.store import POINTER, IndexDir

from .conftest import copy_seeds, ids, invoke, write_jsonl

CLI = [sys.executable, "-c", "from searchlib.cli import main; main()"]
ENV = {**os.environ, "SEARCHDOCS_INDEX": "", "SEARCHDOCS_CORPUS": ""}




def extra_articles(corpus: Path, n: int, tag: str = "extra") -> None:
    write_jsonl(corpus / f"{tag}.jsonl", [
        {"id": f"{tag}-{i}", "title": f"Customs case {i}", "date": "2024-02-03",
         "body": f"Customs officers seized {i} tonnes of smuggled sugar at the {tag} border gate."}
        for i in range(n)])


@pytest.fixture
def project(tmp_path):
    copy_seeds(tmp_path)
    assert invoke(tmp_path, ["index", "-q"]).exit_code == 0
    return tmp_path


# two writers ------------------------------------------------------------------------------------
def test_second_index_run_fails_at_once_with_the_pid(project):
    with IndexDir(project / "index").lock():  # this process is "the other updater"
        result = invoke(project, ["index"])
    assert result.exit_code == ExitCode.ERROR and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"searchdocs: error: the index at index is being updated by process {os.getpid()}")
    assert "--wait" in result.stderr


def test_second_index_run_with_wait_waits_with_a_notice(project):
    extra_articles(project / "corpus", 3)
    lock = IndexDir(project / "index").lock()
    lock.__enter__()
    try:
        proc = subprocess.Popen([*CLI, "index", "--wait"], cwd=project, env=ENV, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = proc.stderr.readline()  # blocks until the waiting process says so
        assert first == (f"searchdocs: the index at index is being updated by process {os.getpid()}; "
                         f"waiting for it to finish …\n")
        assert proc.poll() is None
    finally:
        lock.__exit__(None, None, None)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "1 added" in out and "8 articles" in out


def test_first_search_waits_for_a_build_in_progress(tmp_path):
    copy_seeds(tmp_path)
    lock = IndexDir(tmp_path / "index").lock()
    lock.__enter__()
    try:
        proc = subprocess.Popen([*CLI, "cooperation"], cwd=tmp_path, env=ENV, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        notice = proc.stderr.readline()
        assert "no index at index yet" in notice
        assert proc.stderr.readline() == f"searchdocs: process {os.getpid()} is building the index; waiting for it …\n"
    finally:
        lock.__exit__(None, None, None)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and len(out.splitlines()) == 5, err


def test_lock_holder_pid_is_a_real_process(project):
    # a real second process: while it holds the lock, we are refused with its PID
    code = ("import sys, time; from searchlib.store import IndexDir\n"
            "with IndexDir('index').lock():\n    print('locked', flush=True); sys.stdin.readline()")
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=project, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(IndexLockedError, match=f"process {holder.pid}$"):
            Index(project / "index").update([project / "corpus"])
    finally:
        holder.communicate("\n", timeout=30)
    assert Index(project / "index").update([project / "corpus"]).unchanged == 5


# readers during writes --------------------------------------------------------------------------
@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "rebuild"])
def test_searches_during_an_update_see_the_last_commit(project, rebuild):
    corpus = project / "corpus"
    extra_articles(corpus, 40)
    reader = Index(project / "index")
    seen = []

    def progress(done: int, total: int, path: str) -> None:  # runs mid-update, before the commit
        results = reader.search("sugar OR cooperation", limit=0)
        seen.append((results.total, len(reader)))

    run = Index(project / "index").rebuild if rebuild else Index(project / "index").update
    report = run([corpus], progress=progress)
    assert report.articles == 45 and seen and set(seen) == {(5, 5)}
    assert reader.search("sugar", limit=0).total == 40


def test_searches_in_another_thread_never_fail_while_rebuilds_swap_the_index(project):
    corpus = project / "corpus"
    ix = Index(project / "index")
    stop = threading.Event()
    totals, errors = [], []

    def search_loop() -> None:
        reader = Index(project / "index")
        while not stop.is_set():
            try:
                totals.append(reader.search(limit=0).total)
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(exc)

    thread = threading.Thread(target=search_loop)
    thread.start()
    try:
        for i in range(10):
            if i % 2:
                (corpus / "extra.jsonl").unlink()
            else:
                extra_articles(corpus, 3)
            (ix.rebuild if i % 3 == 0 else ix.update)([corpus])
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors, errors[:3]
    assert totals and set(totals) <= {5, 8}


# damaged and foreign directories ----------------------------------------------------------------
def _damage(index: Path, target: str, how: str) -> None:
    pointer = json.loads((index / POINTER).read_text())
    name = pointer["name"]
    if target == "pointer":
        files = [index / POINTER]
    elif target == "toc":
        files = sorted(index.glob(f"_{name}_*.toc"))
    else:
        files = sorted(p for p in index.glob(f"{name}_*.{target}"))
    assert files, (target, sorted(p.name for p in index.iterdir()))
    rng = random.Random(7)
    for path in files:
        data = path.read_bytes()
        if how == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "garbage":
            path.write_bytes(rng.randbytes(max(len(data), 64)))
        else:
            path.unlink()


@pytest.mark.parametrize("target", ["pointer", "toc", "trm", "pst", "col"])
@pytest.mark.parametrize("how", ["truncated", "garbage", "deleted"])
def test_damaged_index_gives_one_line_naming_the_fix_and_rebuild_repairs_it(project, target, how):
    if target == "pointer" and how == "deleted":
        pytest.skip("a missing pointer is a killed first build: covered in test_indexer")
    _damage(project / "index", target, how)
    outcomes = [invoke(project, ["cooperation", "--json"]), invoke(project, ["index"])]
    for result in outcomes:
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if result.exit_code == ExitCode.ERROR:
            first, hint = result.stderr.splitlines()[:2]
            assert first.startswith("searchdocs: error: ") and ("damaged" in first or "searchdocs.json" in first)
            assert hint == "  hint: run 'searchdocs index --rebuild'"
        else:  # damage Whoosh cannot notice (a length column): the search still answers
            assert result.exit_code == ExitCode.OK
    # Damage Whoosh cannot notice: a length column; or, in this 5-article index where most terms
    # live inline in the term table, the half of the postings file that the query never reads
    # (then the answer must still be complete).
    unnoticed = target == "col" or (target, how) == ("pst", "truncated") and \
        len(json.loads(outcomes[0].stdout)["hits"]) == 5
    assert any(r.exit_code == ExitCode.ERROR for r in outcomes) or unnoticed
    rebuilt = invoke(project, ["index", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert len(Index(project / "index")) == 5
    assert len(ids(Index(project / "index").search("cooperation"))) == 5


def test_foreign_directories_are_never_written_or_deleted(tmp_path):
    copy_seeds(tmp_path)
    home = tmp_path / "notes"
    home.mkdir()
    (home / "todo.txt").write_text("buy milk")
    (home / POINTER).write_text('{"settings": "someone else\'s"}')
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    for args in (["index", "--index", "notes"], ["index", "--rebuild", "--index", "notes"],
                 ["x", "--index", "notes"]):
        result = invoke(tmp_path, args)
        assert result.exit_code == ExitCode.ERROR and "Traceback" not in result.stderr
        assert "searchdocs: error: " in result.stderr and "hint: " in result.stderr
    assert {p.name: p.read_bytes() for p in home.iterdir()} == before
    (home / "plain-file").write_text("x")
    assert invoke(tmp_path, ["index", "--index", "notes/plain-file"]).exit_code == ExitCode.ERROR


def test_leftovers_of_killed_writers_are_cleaned_by_the_next_run(project):
    index = project / "index"
    name = json.loads((index / POINTER).read_text())["name"]
    junk = [f"{name}.tmp", "ix18eaaaaaaaaaaa.tmp", f"_{name}_9.toc.1712.5", ".searchdocs.json.4242.tmp",
            "ix18eaaaaaaaaaaa_abcdefgh12345678.trm", f"{name}_zzzzzzzzzzzzzzzz.pst"]
    for entry in junk:
        if entry.endswith(".tmp") and entry.startswith("ix"):
            (index / entry).mkdir()
            (index / entry / "pool.tmp").write_bytes(b"x" * 100)
        else:
            (index / entry).write_bytes(b"x" * 100)
    (index / "ixabc_photos").mkdir()  # looks like ours, but a directory: never deleted
    (index / "ixabc_photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    extra_articles(project / "corpus", 2)
    assert invoke(project, ["index", "-q"]).exit_code == 0
    assert not set(junk) & {p.name for p in index.iterdir()}
    assert (index / "ixabc_photos" / "cat.jpg").exists()
    assert len(Index(index)) == 7


# a full disk ------------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 3 MiB tmpfs at ``tmp_path/disk``, or skip when this process may not mount one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(disk)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` so that about ``leave`` bytes stay free."""
    st = os.statvfs(disk)
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, st.f_bavail * st.f_frsize - leave))
    return filler


@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "rebuild"])
def test_disk_full_during_an_update_keeps_the_old_index(tmp_path, small_disk, rebuild):
    corpus = copy_seeds(tmp_path)
    index = small_disk / "index"
    args = ["index", "--index", str(index)]
    assert invoke(tmp_path, [*args, "-q"]).exit_code == 0
    before_files = sorted(p.name for p in index.iterdir())
    before = Index(index).search("cooperation", limit=0)
    extra_articles(corpus, 400)
    filler = _fill(small_disk, leave=64 * 1024)
    result = invoke(tmp_path, [*args, *(["--rebuild"] if rebuild else [])])
    assert result.exit_code == ExitCode.ERROR and "Traceback" not in result.stderr
    first, hint = result.stderr.splitlines()[-2:]
    assert first.startswith(f"searchdocs: error: cannot write the index at {index}: No space left on device")
    assert first.endswith("the index was left as it was") and "free some disk space" in hint
    assert sorted(p.name for p in index.iterdir()) == before_files  # what it wrote is gone again
    after = Index(index).search("cooperation", limit=0)
    assert (after.total, ids(after)) == (before.total, ids(before)) and len(Index(index)) == 5
    filler.unlink()
    retry = invoke(tmp_path, [*args, "--json"])
    assert retry.exit_code == 0 and json.loads(retry.stdout)["articles"] == 405


def test_disk_full_on_the_first_build_leaves_nothing(tmp_path, small_disk):
    corpus = copy_seeds(tmp_path)
    extra_articles(corpus, 400)
    _fill(small_disk, leave=32 * 1024)
    index = small_disk / "index"
    with pytest.raises(IndexWriteError, match="No space left on device"):
        Index(index).update([corpus])
    assert IndexDir(index).looks_empty() and not IndexDir(index).exists()
    assert {p.name for p in index.iterdir()} <= {".lock"}


# nothing escapes the command line ------------------------------------------------------------
@pytest.mark.parametrize("exc, code, first", [
    (RuntimeError("boom"), ExitCode.ERROR, "searchdocs: error: internal error: RuntimeError: boom"),
    (RecursionError("deep"), ExitCode.ERROR, "searchdocs: error: internal error: RecursionError: deep"),
    (OSError(28, "No space left on device"), ExitCode.ERROR, "searchdocs: error: No space left on device"),
    (KeyboardInterrupt(), ExitCode.INTERRUPTED, None),
    (IndexWriteError("cannot write", hint="free space"), ExitCode.ERROR, "searchdocs: error: cannot write"),
])
def test_every_failure_is_one_line_and_an_exit_code(project, monkeypatch, exc, code, first):
    def fail(*args, **kwargs):
        raise exc

    monkeypatch.setattr(Index, "search", fail)
    monkeypatch.delenv("SEARCHDOCS_DEBUG", raising=False)
    result = invoke(project, ["cooperation"])
    assert result.exit_code == code and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    if first is None:
        assert lines == []
    else:
        assert lines[0] == first and lines[1].startswith("  hint: ") and len(lines) == 2
