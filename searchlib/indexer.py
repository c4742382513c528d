"""Bringing an index up to date with files on disk.

An update compares the files under the given paths with the manifest of the live
generation: unchanged stat (mtime, size) costs nothing, a changed stat costs a hash, and
only files whose content changed are read, cleaned and re-indexed. Files that vanished are
removed. A file that cannot be read is reported and skipped, and if an earlier version of it
was indexed, that version stays. All changes of one run are committed in one Whoosh commit.
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import CorpusNotFoundError, IndexCorruptError, IndexWriteError, IngestError, SearchdocsError
from .schema import ColumnView, build_schema
from .segwriter import FastSegmentWriter, commit_segments
from .store import FileState, IndexDir, Manifest, is_disk_error, raised_in_whoosh, walk_dirs
from .workers import Outcome, SegmentSink, Task, as_error, process, run_parallel

#: Called as ``progress(done, total, path)`` after each file.
ProgressFn = Callable[[int, int, str], None]
#: Called with each problem as soon as it is found.
ProblemFn = Callable[[IngestError], None]
#: Files to (re)read per worker process: an update with fewer changed files than this runs
#: in process (starting workers costs more than they save); more use up to one per core.
PARALLEL_MIN_FILES = 50


@dataclass
class UpdateReport:
    """What an update or rebuild did. File counts, then article counts."""

    added: int = 0  #: new files indexed
    updated: int = 0  #: files whose content changed, re-indexed
    removed: int = 0  #: files gone from disk, their articles removed
    unchanged: int = 0  #: files with nothing to do
    failed: int = 0  #: files (or JSONL lines) that could not be indexed
    articles_added: int = 0
    articles_removed: int = 0
    articles: int = 0  #: articles in the index afterwards
    undated: int = 0  #: of those, articles without a date (kept, never dropped)
    problems: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def display_path(path: Path, base: Path) -> str:
    """The path as stored and shown: relative to ``base`` when inside it, else absolute.

    Bytes of a file name that are not UTF-8 appear as ``\\xNN``, so every stored id and path
    is valid text (Whoosh terms, JSON and terminals need it) and still names one file.
    """
    absolute = Path(os.path.abspath(path))
    try:
        text = absolute.relative_to(base).as_posix()
    except ValueError:
        text = absolute.as_posix()
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def disk_path(disp: str, base: Path) -> Path:
    """The file a display path names (the inverse of :func:`display_path`, ``\\xNN`` back to
    the byte it stands for)."""
    raw = disp.encode("utf-8")
    if b"\\x" in raw:
        raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
    return base / os.fsdecode(raw)


def existing_roots(paths: Iterable) -> list[Path]:
    """``paths`` as :class:`Path` objects, or :class:`CorpusNotFoundError` for the first one
    that does not exist (before anything is read or written)."""
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise CorpusNotFoundError(f"no such file or directory: {root}",
                                      hint="give a directory or files of articles (.txt, .md, .html, .jsonl)")
    return roots


def is_under(disp: str, root: str) -> bool:
    """Whether display path ``disp`` lies under the display path ``root``."""
    if root == ".":
        return not disp.startswith("/")
    return disp == root or disp.startswith(root.rstrip("/") + "/")


class _Writer:
    """A Whoosh writer opened on first use; cancelled (its lock and temp files released)
    when the update fails."""

    def __init__(self, ix) -> None:
        self.ix = ix
        self.writer = None

    def get(self):
        if self.writer is None:
            self.writer = FastSegmentWriter(self.ix)
        return self.writer

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None and self.writer is not None:
            writer, self.writer = self.writer, None
            try:
                writer.cancel()
            except Exception:  # cancel flushes files too, and can fail again on a full disk
                _force_close(writer)


def _force_close(writer) -> None:
    """Release what a Whoosh ``SegmentWriter`` holds when its own ``cancel`` failed."""
    for step in (lambda: writer._tempstorage.destroy(), lambda: writer.writelock.release()):
        try:
            step()
        except Exception:
            pass
    writer.is_closed = True


def update_index(ixdir: IndexDir, paths: Iterable[str | os.PathLike[str]], *, rebuild: bool = False,
                 progress: ProgressFn | None = None, on_problem: ProblemFn | None = None,
                 wait: bool = False, on_wait: Callable[[str], None] | None = None) -> UpdateReport:
    """Bring the index in ``ixdir`` up to date with the files under ``paths``.

    With ``rebuild`` a fresh index is written beside the live one and replaces it only once
    complete. Raises :class:`IndexLockedError` when another process is updating, unless
    ``wait`` (then ``on_wait(pid)`` is called and the lock waited for). A failure to write
    (disk full, permissions) raises :class:`IndexWriteError` and leaves the previous state.
    Files are created readable by the user only (a Whoosh index holds pickles).
    """
    from .ingest import iter_source_paths

    started = time.perf_counter()
    roots = existing_roots(paths)
    report = UpdateReport()

    def problem(err: IngestError) -> None:
        report.problems.append(err)
        if on_problem:
            on_problem(err)

    if ixdir.path.exists() and not ixdir.path.is_dir():
        raise IndexCorruptError(f"{ixdir.path} is a file, not an index directory",
                                hint="give --index a directory path")
    _refuse_foreign(ixdir)
    old_umask = os.umask(0o077)
    try:
        with ixdir.lock(wait=wait, on_wait=on_wait) as lock:
            _refuse_foreign(ixdir)
            ixdir.check_safe()
            try:
                _locked_update(ixdir, roots, rebuild, report, problem, progress, iter_source_paths,
                               lock.fd)
            except OSError as exc:
                error = _write_error(ixdir, exc)
                if error is None:  # not the index's doing (e.g. a callback's broken pipe)
                    raise
                raise error from None
            except (SearchdocsError, MemoryError):
                raise
            except Exception as exc:
                if not raised_in_whoosh(exc):
                    raise
                raise _damaged(ixdir, f"{type(exc).__name__}: {exc}") from None
    finally:
        os.umask(old_umask)
    report.seconds = time.perf_counter() - started
    return report


def _locked_update(ixdir: IndexDir, roots: list[Path], rebuild: bool, report: UpdateReport,
                   problem: ProblemFn, progress: ProgressFn | None, iter_source_paths,
                   lock_fd: int | None = None) -> None:
    """The update proper, with the write lock held: all changes in one commit, or none."""
    from whoosh import index as whoosh_index

    fresh = rebuild or not ixdir.exists()
    if fresh:
        name = ixdir.new_name()
        ix = whoosh_index.create_in(str(ixdir.path), build_schema(), indexname=name)
        manifest = Manifest()
        on_disk = False
    else:
        name = ixdir.read_pointer()["name"]
        ix = _open(ixdir, name)
        loaded = ixdir.load_manifest(name, ix.latest_generation())
        on_disk = loaded is not None
        manifest = loaded or _recover_manifest(ixdir, ix)
    base = Path(os.path.abspath(ixdir.path)).parent
    root_disps = [display_path(r, base) for r in roots]
    try:
        with _Writer(ix) as w:
            tasks, total = _scan(w, manifest, roots, root_disps, base, report, problem, progress, iter_source_paths)
            outcomes, segments = _work(ix, ixdir, name, lock_fd, tasks, total, progress)
            _apply(w, manifest, outcomes, segments, report, problem)
            dirs_before = dict(manifest.dirs)
            manifest.updated = time.time()
            for root in roots:
                if root.is_dir():
                    for d in walk_dirs(root):
                        try:
                            manifest.dirs[display_path(d, base)] = d.stat().st_mtime_ns
                        except OSError:
                            pass
            if on_disk and not (outcomes or report.removed or manifest.dirs != dirs_before):
                generation = ix.latest_generation()  # nothing changed: the manifest on disk is right
            elif w.writer is not None or segments:
                writer = w.get()
                generation = writer.generation
                ixdir.save_manifest(name, generation, manifest)
                commit_segments(writer, list(segments.values()))
                w.writer = None
            else:
                generation = ix.latest_generation()
                ixdir.save_manifest(name, generation, manifest)
        if fresh:
            ixdir.write_pointer(name)
    except BaseException:
        ix.close()
        if fresh:
            ixdir.discard(name)
        else:
            _drop_uncommitted(ixdir, name)
        raise
    ixdir.prune(name, generation, _live_segments(ix))
    _count(ixdir, ix, report)
    ix.close()


def _live_segments(ix) -> set[str] | None:
    """Segment ids (``ix…_segid``) of the index's newest generation, or ``None`` if unknown."""
    try:
        return {seg.segment_id() for seg in ix._read_toc().segments}
    except Exception:  # unreadable TOC: prune nothing by segment
        return None


def _drop_uncommitted(ixdir: IndexDir, name: str) -> None:
    """After a failed update: delete files written for the generation that never committed
    (a full disk must get its space back); the live generation stays as it was."""
    from whoosh import index as whoosh_index

    try:
        ix = whoosh_index.open_dir(str(ixdir.path), indexname=name)
        try:
            ixdir.prune(name, ix.latest_generation(), _live_segments(ix))
        finally:
            ix.close()
    except Exception:
        pass  # the next successful update cleans up


def _write_error(ixdir: IndexDir, exc: OSError) -> IndexWriteError | IndexCorruptError | None:
    """The error for an OS failure during an update (the old state is kept): the storage
    refused a write (full, quota, read-only), a permission in the index directory did, or a
    file of the index is missing or unreadable. ``None`` when the failure is not the index's."""
    reason = exc.strerror or str(exc)
    where = f" ({exc.filename})" if exc.filename else ""
    in_index = bool(exc.filename) and Path(os.path.abspath(os.fsdecode(exc.filename))).is_relative_to(
        os.path.abspath(ixdir.path))
    if is_disk_error(exc):
        hint = "free some disk space (or fix the device) and run the command again"
    elif isinstance(exc, PermissionError) and in_index:
        hint = "check the index directory's permissions, or choose another --index"
    elif in_index or raised_in_whoosh(exc):  # e.g. mmap of a truncated file: EINVAL, no name
        return _damaged(ixdir, f"{reason}{where}")
    else:
        return None
    return IndexWriteError(f"cannot write the index at {ixdir.path}: {reason}{where}; "
                           f"the index was left as it was", hint=hint)


def _damaged(ixdir: IndexDir, what: str) -> IndexCorruptError:
    return IndexCorruptError(f"the index at {ixdir.path} is damaged: {what}; it was left as it was",
                             hint="run 'searchdocs index --rebuild'")


def _refuse_foreign(ixdir: IndexDir) -> None:
    """Never write into a directory that holds something other than a searchdocs index
    (a damaged index of ours may be rebuilt; a stranger's ``searchdocs.json`` is not ours)."""
    if ixdir.exists() and not ixdir.is_ours() or not ixdir.exists() and not ixdir.looks_empty():
        raise IndexCorruptError(
            f"{ixdir.path} is not empty and is not a searchdocs index; refusing to write into it",
            hint="point --index at a new or empty directory")


def _open(ixdir: IndexDir, name: str):
    from whoosh import index as whoosh_index

    try:
        return whoosh_index.open_dir(str(ixdir.path), indexname=name)
    except OSError:
        raise
    except Exception as exc:  # whoosh raises many types for damaged files
        raise _damaged(ixdir, f"{type(exc).__name__}: {exc}") from None


def _recover_manifest(ixdir: IndexDir, ix) -> Manifest:
    """Recover a manifest from stored fields; every file then looks changed and is re-checked."""
    manifest = Manifest()
    try:
        with ix.searcher() as s:
            for stored in s.all_stored_fields():
                state = manifest.files.setdefault(stored["path"], FileState(0, -1, ""))
                state.ids.append(stored["id"])
    except Exception as exc:  # damaged stored fields: whoosh raises many types
        raise _damaged(ixdir, f"{type(exc).__name__}: {exc}") from None
    return manifest


def _scan(w: _Writer, manifest: Manifest, roots, root_disps, base, report: UpdateReport, problem: ProblemFn,
          progress: ProgressFn | None, iter_source_paths) -> tuple[list[Task], int]:
    """Drop files gone from disk; settle files whose stat is unchanged; return the rest as
    tasks (in file order) and the number of files seen."""
    files: dict[str, str] = {}
    parents: dict[str, str] = {}  # display path per directory: one Path computation per directory
    for path in iter_source_paths(roots):
        parent, _, name = path.rpartition(os.sep)
        prefix = parents.get(parent)
        if prefix is None:
            prefix = parents[parent] = display_path(Path(parent or "."), base)
        if not name.isascii():
            name = os.fsencode(name).decode("utf-8", "backslashreplace")
        files.setdefault(name if prefix == "." else prefix.rstrip("/") + "/" + name, path)

    for disp in [d for d in manifest.files if d not in files and any(is_under(d, r) for r in root_disps)]:
        state = manifest.drop(disp)
        if state.ids:
            w.get().delete_by_term("path", disp)
            report.articles_removed += len(state.ids)
        report.removed += 1

    total = len(files)
    tasks: list[Task] = []
    for i, (disp, path) in enumerate(files.items()):
        prev = manifest.files.get(disp)
        if prev is not None:
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is not None and stat.S_ISREG(st.st_mode) and prev.mtime_ns == st.st_mtime_ns \
                    and prev.size == st.st_size:
                if prev.error:
                    report.failed += 1
                    problem(IngestError(disp, prev.error))
                else:
                    report.unchanged += 1
                if progress:
                    progress(i + 1, total, disp)
                continue
        tasks.append(Task(i, disp, path, prev.sha256 if prev else None, bool(prev and not prev.error)))
    return tasks, total


def _work(ix, ixdir: IndexDir, name: str, lock_fd: int | None, tasks: list[Task], total: int,
          progress: ProgressFn | None) -> tuple[list[Outcome], dict]:
    """Run the tasks (in worker processes when there are many): their outcomes, and the
    new segments by key."""
    if not tasks:  # a no-op update never loads the extractors
        return [], {}
    from .ingest import extract_file  # before forking: workers inherit the loaded modules
    outcomes: list[Outcome] = []
    segments: dict = {}
    done = total - len(tasks)

    def settled(out: Outcome) -> None:
        nonlocal done
        outcomes.append(out)
        done += 1
        if progress:
            progress(done, total, out.disp)

    workers = min(_cpus(), -(-len(tasks) // PARALLEL_MIN_FILES))
    if workers >= 2:
        run_parallel(tasks, str(ixdir.path), name, workers, [lock_fd] if lock_fd is not None else [],
                     settled, segments.__setitem__)
        return outcomes, segments
    sink = SegmentSink(ix, 0, segments.__setitem__)
    try:
        for task in tasks:
            settled(process(task, sink, extract_file))
        sink.finish()
    except BaseException:
        sink.cancel()
        raise
    return outcomes, segments


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _apply(w: _Writer, manifest: Manifest, outcomes: list[Outcome], segments: dict, report: UpdateReport,
           problem: ProblemFn) -> None:
    """Record the outcomes in file order: old versions deleted, duplicate ids refused (the
    first file in order keeps an id), the manifest updated."""
    owner = {aid: disp for disp, st in manifest.files.items() for aid in st.ids}
    for out in sorted(outcomes, key=lambda o: o.index):
        disp = out.disp
        prev = manifest.files.get(disp)
        for p in out.problems:
            report.failed += 1
            problem(as_error(p))
        if out.kind == "unchanged":
            prev.mtime_ns, prev.size = out.mtime_ns, out.size
            manifest.touch(disp)
            report.unchanged += 1
            continue
        if out.kind == "failed":
            if out.error is not None and not (prev and prev.ids):  # keep an earlier good version; retry next run
                manifest.put(disp, FileState(out.mtime_ns, out.size, out.sha256, [], out.error))
            continue
        report.warnings.extend(out.warnings)  # each already names its file
        if prev and prev.ids:
            w.get().delete_by_term("path", disp)
            report.articles_removed += len(prev.ids)
            for aid in prev.ids:
                if owner.get(aid) == disp:
                    del owner[aid]
        ids: list[str] = []
        for aid, key, docnum in out.articles:
            holder = owner.get(aid)
            if holder is not None:
                report.failed += 1
                problem(IngestError(disp, f"duplicate article id {aid!r} (already used by {holder}); skipped"))
                segments[key].delete_document(docnum)
                continue
            owner[aid] = disp
            ids.append(aid)
        report.articles_added += len(ids)
        if prev and prev.ids:
            report.updated += 1
        else:
            report.added += 1
        manifest.put(disp, FileState(out.mtime_ns, out.size, out.sha256, ids, None))


def _count(ixdir: IndexDir, ix, report: UpdateReport) -> None:
    """Articles and undated articles in the committed index."""
    try:
        with ix.searcher() as s:
            reader = s.reader()
            report.articles = reader.doc_count()
            report.undated = 0
            for (_offset, days), (segment, _) in zip(ColumnView(reader, "day", 0).segments(), reader.leaf_readers()):
                if days is None:  # a segment without a single dated article
                    report.undated += segment.doc_count()
                    continue
                deleted = segment.segment().deleted_docs() if segment.has_deletions() else ()
                report.undated += days.count(0) - sum(1 for n in deleted if not days[n])
    except OSError:
        raise
    except Exception as exc:  # damaged segments that this update did not rewrite
        raise _damaged(ixdir, f"{type(exc).__name__}: {exc}") from None
