"""Reading, analysing and writing changed files: in this process, or in worker processes.

A file's work is independent of every other file's: hash it, compare with the version the
manifest knows, extract its articles and add them to a segment being written. So a large
update runs that work in one worker process per core, each writing its own segments (a new
one every :data:`~searchlib.segwriter.FLUSH_POSTINGS` postings, which bounds memory); the
parent only hands out files and collects :class:`Outcome` records, and the indexer then
commits every segment in one Whoosh commit. Small updates do the same work in process.

Nothing is visible before that commit: a failed or killed run leaves segment files that no
generation names, and the next run prunes them. Workers hold no lock of their own (the parent
holds the index lock for them), die with their parent, and ignore Ctrl-C (the parent stops
them).
"""

from __future__ import annotations

import gc
import hashlib
import os
import queue
import signal
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import IngestError
from .schema import article_to_fields
from .segwriter import FastSegmentWriter

#: Files handed to a worker at a time.
CHUNK = 16


@dataclass
class Task:
    """One file to look at; ``prev_*`` is what the manifest knows of it (if anything)."""

    index: int  #: position in the sorted file list (outcomes are applied in this order)
    disp: str
    path: str
    prev_sha256: str | None = None
    prev_ok: bool = False  #: the known version was indexed without error


@dataclass
class Outcome:
    """What became of one file. ``kind``: ``unchanged`` (same content, new stat),
    ``failed`` (not readable or no articles; ``problems`` says why), ``indexed``."""

    index: int
    disp: str
    kind: str
    mtime_ns: int = 0
    size: int = 0
    sha256: str = ""
    #: (article id, segment key, document number in that segment)
    articles: list[tuple[str, tuple[int, int], int]] = field(default_factory=list)
    #: (path, reason, hint) of each problem; rebuilt as :class:`IngestError` by the parent
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  #: why the whole file failed (kept in the manifest)


def sha256_file(path: Path | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _problem(err: IngestError) -> tuple[str, str, str]:
    return err.path, err.reason, err.hint


def as_error(problem: tuple[str, str, str]) -> IngestError:
    path, reason, hint = problem
    return IngestError(path, reason, hint=hint) if hint else IngestError(path, reason)


class SegmentSink:
    """Adds articles to a segment writer, starting a new segment when one is full.

    ``key`` of a segment is (worker number, segment number); finished segments are handed
    to ``on_segment(key, segment)``.
    """

    def __init__(self, ix, worker: int, on_segment: Callable[[tuple[int, int], object], None]) -> None:
        self.ix = ix
        self.worker = worker
        self.on_segment = on_segment
        self.slot = 0
        self.writer: FastSegmentWriter | None = None

    def add(self, fields: dict) -> tuple[tuple[int, int], int]:
        if self.writer is None:
            self.writer = FastSegmentWriter(self.ix, _lk=False)
        docnum = self.writer.docnum
        self.writer.add_document(**fields)
        return (self.worker, self.slot), docnum

    def rotate_if_full(self) -> None:
        if self.writer is not None and self.writer.flush_due():
            self.finish()

    def finish(self) -> None:
        writer, self.writer = self.writer, None
        if writer is None:
            return
        if writer._added:
            self.on_segment((self.worker, self.slot), writer._finalize_segment())
            self.slot += 1
        else:
            writer._close_segment()

    def cancel(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None:
            try:
                writer._close_segment()
            except Exception:  # closing after a failed write can fail again; files are pruned later
                pass


def process(task: Task, sink: SegmentSink, extract_file) -> Outcome:
    """Hash, compare, extract and write one file (an :class:`Outcome`, never an exception
    for a bad file; errors of the index itself propagate)."""
    out = Outcome(task.index, task.disp, "failed")
    path = Path(task.path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
            out.problems.append((task.disp, "not a regular file", ""))
            return out
        out.mtime_ns, out.size = st.st_mtime_ns, st.st_size
        out.sha256 = sha256_file(path)
    except OSError as exc:
        out.problems.append((task.disp, f"cannot read: {exc.strerror or exc}", ""))
        return out
    if task.prev_ok and task.prev_sha256 == out.sha256:
        out.kind = "unchanged"
        return out
    try:
        result = extract_file(path, task.disp)
    except IngestError as err:
        out.problems.append(_problem(err))
        out.error = err.reason
        return out
    out.problems += [_problem(e) for e in result.problems]
    out.warnings = list(result.warnings)
    out.kind = "indexed"
    for article in result.articles:
        key, docnum = sink.add(article_to_fields(article))
        out.articles.append((article.id, key, docnum))
    sink.rotate_if_full()
    return out


# -- worker processes ----------------------------------------------------------------------------
def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux), so a killed
    update leaves no worker behind."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _quiet_gc() -> None:
    """Fewer garbage collections in a worker: what it inherited from the parent is never
    garbage (frozen out of every collection), and a segment's postings pool holds hundreds
    of thousands of lists that each full collection would walk again (a few % of a build)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _worker(number: int, ixpath: str, name: str, tasks, results, close_fds: list[int], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _quiet_gc()
    for fd in close_fds:  # the parent's lock: it must go when the parent goes
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        from whoosh import index as whoosh_index

        from .ingest import extract_file

        ix = whoosh_index.open_dir(ixpath, indexname=name)
        sink = SegmentSink(ix, number, lambda key, seg: results.put(("segment", key, seg)))
        while True:
            chunk = tasks.get()
            if chunk is None:
                break
            results.put(("files", [process(t, sink, extract_file) for t in chunk]))
        sink.finish()
        results.put(("done", number))
    except OSError as exc:
        results.put(("oserror", exc.errno, exc.strerror, exc.filename))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        results.put(("error", f"{type(exc).__name__}: {exc}"))


class WorkerError(RuntimeError):
    """A worker process failed in a way that is not an OS error (a bug, or a damaged index)."""


def run_parallel(tasks: list[Task], ixpath: str, name: str, workers: int, close_fds: list[int],
                 on_outcome: Callable[[Outcome], None], on_segment: Callable[[tuple[int, int], object], None]) -> None:
    """Process ``tasks`` in ``workers`` processes; ``on_outcome`` is called per file as
    results arrive, ``on_segment`` per finished segment. Raises ``OSError`` as a worker met
    it, :class:`WorkerError` for anything else; workers are stopped either way."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    task_q, result_q = ctx.Queue(), ctx.Queue()
    for k in range(0, len(tasks), CHUNK):
        task_q.put(tasks[k:k + CHUNK])
    procs = [ctx.Process(target=_worker, args=(n, ixpath, name, task_q, result_q, close_fds, os.getpid()),
                         daemon=True) for n in range(workers)]
    for _ in procs:
        task_q.put(None)
    for p in procs:
        p.start()
    done = 0
    try:
        while done < workers:
            try:
                msg = result_q.get(timeout=1.0)
            except queue.Empty:
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    raise WorkerError(f"an indexing worker exited with status {dead[0].exitcode}") from None
                continue
            kind = msg[0]
            if kind == "files":
                for out in msg[1]:
                    on_outcome(out)
            elif kind == "segment":
                on_segment(msg[1], msg[2])
            elif kind == "done":
                done += 1
            elif kind == "oserror":
                raise OSError(msg[1], msg[2], msg[3])
            else:
                raise WorkerError(msg[1])
        for p in procs:
            p.join()
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
        task_q.close()
        result_q.close()
