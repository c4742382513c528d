"""The index directory on disk: which Whoosh index is live, who may write, what files it holds.

Layout of an index directory::

    searchdocs.json            pointer: format, schema version, name of the live Whoosh index
    .lock                      advisory lock (fcntl) held by the one process updating
    _<name>_<gen>.toc, <name>_*.{seg,pst,…}   Whoosh's own files (non-compound segments)
    manifest-<name>-<gen>.json the files behind generation <gen>: stat, content hash, ids
                               (in full, or the rows changed since an earlier full one, kept)

Every change becomes visible in one atomic step: Whoosh's commit writes a new TOC, and a
rebuild writes a whole new Whoosh index under a new name beside the live one and then
replaces the pointer with ``os.replace``. Readers never see a half-written state, and the
manifest of a generation is written before its TOC so a crash never leaves a live
generation without one.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .errors import (IndexCorruptError, IndexLockedError, IndexNotFoundError, IndexUnsafeError,
                     IndexWriteError)
from .schema import SCHEMA_VERSION

POINTER = "searchdocs.json"
LOCKFILE = ".lock"
FORMAT = "searchdocs-index"
_IGNORABLE = {".gitkeep", "README.md", ".DS_Store", LOCKFILE}
#: Names of files searchdocs writes: Whoosh files of an ``ix…`` index (and a TOC being
#: written), Whoosh's posting-pool directory ``ix….tmp``, manifests, our own temp files.
_OURS = re.compile(r"^(?:_?ix[0-9a-f]+_.*|ix[0-9a-f]+\.tmp|manifest-ix[0-9a-f]+-\d+\.json|\..*\.\d+\.tmp)$")
#: Leftovers a killed writer can leave; any present while we hold the lock are stale.
_LEFTOVER = re.compile(r"^(?:_ix[0-9a-f]+_\d+\.toc\..+|ix[0-9a-f]+\.tmp|\..*\.\d+\.tmp)$")
#: What follows the directories at the start of a manifest (see ``Manifest.to_json``).
#: A delta (``Manifest.delta_json``) names its base generation before the files.
_HEAD_REST = re.compile(r',"updated":[-+0-9.eE]+,"count":(\d+),(?:"base":(\d+),)?"files":')
#: File mode bits that let other users change a file or directory.
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


@dataclass(slots=True)
class FileState:
    """What the index knows of one source file."""

    mtime_ns: int
    size: int
    sha256: str
    ids: list[str] = field(default_factory=list)
    error: str | None = None  #: why the file could not be indexed, if it could not


#: A generation's manifest holds only the rows changed since its base (a full manifest of an
#: earlier generation) while they are at most this fraction of all files: an update of 100
#: files into a 100k-file index then writes a few KB instead of re-encoding ~12 MB.
DELTA_FRACTION = 0.1


def _row(disp: str, st: FileState) -> list:
    # [mtime_ns, size, sha256, ids, error?], ids null when the file holds one article named by
    # its path (most files): at 100k files this halves the JSON and its parse time against an
    # object per file.
    ids = None if len(st.ids) == 1 and st.ids[0] == disp else st.ids
    return [st.mtime_ns, st.size, st.sha256, ids, st.error] if st.error else [st.mtime_ns, st.size, st.sha256, ids]


def _states(rows: dict) -> dict[str, FileState]:
    if any(isinstance(row, dict) for row in rows.values()):  # the layout before rows (an object per file)
        return {disp: FileState(**row) for disp, row in rows.items()}
    return {disp: FileState(row[0], row[1], row[2], [disp] if row[3] is None else row[3],
                            row[4] if len(row) > 4 else None) for disp, row in rows.items()}


@dataclass
class Manifest:
    """The source files behind one index generation, keyed by display path.

    Change files through :meth:`put`, :meth:`drop` and :meth:`touch`: they record what changed
    since ``base``, the generation whose full manifest this one was read from, so that saving
    it can write only the difference (:meth:`IndexDir.save_manifest`).
    """

    files: dict[str, FileState] = field(default_factory=dict)
    dirs: dict[str, int] = field(default_factory=dict)  #: scanned directories → mtime_ns
    updated: float = 0.0
    #: generation of the full manifest the changes below are counted from (None: save in full)
    base: int | None = None
    changed: set[str] = field(default_factory=set)  #: files added or changed since ``base``
    removed: set[str] = field(default_factory=set)  #: files dropped since ``base``

    def put(self, disp: str, state: FileState) -> None:
        """Record ``state`` as what is known of ``disp``."""
        self.files[disp] = state
        self.changed.add(disp)
        self.removed.discard(disp)

    def drop(self, disp: str) -> FileState:
        """Forget ``disp`` (gone from disk); returns what was known of it."""
        state = self.files.pop(disp)
        self.changed.discard(disp)
        self.removed.add(disp)
        return state

    def touch(self, disp: str) -> None:
        """Note that the state of ``disp`` was changed in place."""
        self.changed.add(disp)

    def _head(self, count: int, **more) -> str:
        # The directories first: IndexDir.manifest_head reads what comes before the files
        # without parsing them.
        return json.dumps({"dirs": self.dirs, "updated": self.updated, "count": count, **more},
                          ensure_ascii=False, separators=(",", ":"))[:-1]

    def to_json(self) -> str:
        """The whole manifest."""
        files = {disp: _row(disp, st) for disp, st in self.files.items()}
        return self._head(len(files)) + ',"files":' + json.dumps(files, ensure_ascii=False, separators=(",", ":")) + "}"

    def delta_json(self) -> str:
        """The rows changed since ``base`` and the files removed since, with the base's number."""
        files = {disp: _row(disp, self.files[disp]) for disp in sorted(self.changed) if disp in self.files}
        compact = {"ensure_ascii": False, "separators": (",", ":")}
        return (self._head(len(self.files), base=self.base) + ',"files":' + json.dumps(files, **compact)
                + ',"removed":' + json.dumps(sorted(self.removed - self.files.keys()), **compact) + "}")

    def wants_delta(self) -> bool:
        """True when the changes since ``base`` are few enough to save as a difference."""
        return self.base is not None and len(self.changed) + len(self.removed) <= DELTA_FRACTION * max(len(self.files), 1)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        """A full manifest (a delta raises ``ValueError``: read it with :meth:`IndexDir.load_manifest`)."""
        data = json.loads(text)
        if "base" in data:
            raise ValueError("a manifest delta needs its base")
        return cls._from_data(data)

    @classmethod
    def _from_data(cls, data: dict, base: int | None = None) -> "Manifest":
        return cls(files=_states(data.get("files", {})), dirs=dict(data.get("dirs", {})),
                   updated=float(data.get("updated", 0.0)), base=base)

    def _apply_delta(self, data: dict) -> None:
        """Apply a delta's rows on top of this (its base's) manifest."""
        changes = _states(data.get("files", {}))
        for disp in data.get("removed", ()):
            self.files.pop(disp, None)
        self.files.update(changes)
        self.dirs = dict(data.get("dirs", {}))
        self.updated = float(data.get("updated", 0.0))
        self.changed = set(changes)
        self.removed = set(data.get("removed", ()))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new content, never a part.

    The temporary file is removed again if writing fails (a full disk must not keep it).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


class IndexDir:
    """An index directory: reads the pointer, takes the write lock, keeps manifests."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # -- state ---------------------------------------------------------------------------
    def exists(self) -> bool:
        """True when the directory holds a searchdocs index."""
        return (self.path / POINTER).is_file()

    def size_bytes(self) -> int:
        """Bytes on disk of the files in the index directory."""
        total = 0
        for entry in os.scandir(self.path):
            try:
                if entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                pass
        return total

    def looks_empty(self) -> bool:
        """True when no index is here yet: the directory is missing, or holds only
        placeholders and leftovers of a first build that was killed (removed by the next
        successful build)."""
        if not self.path.exists():
            return True
        if not self.path.is_dir():
            return False
        return all(p.name in _IGNORABLE or _OURS.match(p.name) for p in self.path.iterdir())

    def is_ours(self) -> bool:
        """True when the directory is a searchdocs index, even a damaged one: its pointer
        names our format, or everything else in it is a file of our naming. ``--rebuild``
        may repair such a directory; anything else is someone else's and never touched."""
        try:
            data = json.loads((self.path / POINTER).read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return True
        except (OSError, ValueError):
            pass
        if not self.path.is_dir():
            return False
        return all(p.name in _IGNORABLE or p.name == POINTER or _OURS.match(p.name)
                   for p in self.path.iterdir())

    def check_safe(self) -> None:
        """Refuse an index that other users can write.

        A Whoosh index stores Python pickles, and loading a pickle can run code: whoever can
        write the directory or its files could run code as the user who searches it.
        """
        try:
            entries = [self.path, *(p for p in self.path.iterdir()
                                    if p.name == POINTER or _OURS.match(p.name))]
        except OSError:
            return  # missing or unlistable: the caller reports that more precisely
        for entry in entries:
            try:
                st = entry.lstat()
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode) or not st.st_mode & _OTHERS_WRITE:
                continue
            what = "directory" if entry == self.path else f"file {entry.name}"
            raise IndexUnsafeError(
                f"the index at {self.path} is writable by other users ({what} is "
                f"{stat.filemode(st.st_mode)}); refusing to open it",
                hint=f"an index holds Python pickles, which can run code when loaded: if you trust "
                     f"everyone who can write it, run 'chmod -R go-w {self.path}'; otherwise "
                     f"rebuild it in a private directory")

    def read_pointer(self, check_safe: bool = True) -> dict:
        """The pointer's content, checked; raises a typed error naming the fix.
        ``check_safe=False`` skips the permission check (:meth:`check_safe`), for callers
        that only compare generations and load nothing."""
        pointer = self.path / POINTER
        if not pointer.is_file():
            if self.looks_empty():
                raise IndexNotFoundError(f"no index at {self.path}",
                                         hint="run 'searchdocs index' to build it from the corpus")
            raise IndexCorruptError(
                f"{self.path} is not a searchdocs index (no {POINTER})",
                hint="point --index at an index directory, or at a new empty one")
        if check_safe:
            self.check_safe()
        try:
            data = json.loads(pointer.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexCorruptError(f"cannot read {pointer}: {exc}",
                                    hint="run 'searchdocs index --rebuild'") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("name"), str) \
                or not re.fullmatch(r"ix[0-9a-f]+", data["name"]):
            raise IndexCorruptError(f"{pointer} is not a searchdocs index pointer",
                                    hint="run 'searchdocs index --rebuild'")
        if data.get("schema") != SCHEMA_VERSION:
            raise IndexCorruptError(
                f"the index at {self.path} was built with schema {data.get('schema')}, "
                f"this searchdocs uses {SCHEMA_VERSION}",
                hint="run 'searchdocs index --rebuild'")
        return data

    def write_pointer(self, name: str) -> None:
        """Make the Whoosh index ``name`` the live one (atomic)."""
        write_atomic(self.path / POINTER, json.dumps(
            {"format": FORMAT, "schema": SCHEMA_VERSION, "name": name}, indent=2) + "\n")

    @staticmethod
    def new_name() -> str:
        """A fresh Whoosh index name, unique and sortable by creation time."""
        return f"ix{time.time_ns():x}"

    def latest_generation(self, name: str) -> int:
        """The newest committed generation of Whoosh index ``name`` (-1 if none)."""
        prefix = f"_{name}_"
        gens = [int(f[len(prefix):-4]) for f in os.listdir(self.path)
                if f.startswith(prefix) and f.endswith(".toc") and f[len(prefix):-4].isdigit()]
        return max(gens, default=-1)

    # -- manifests -----------------------------------------------------------------------
    def _manifest_path(self, name: str, generation: int) -> Path:
        return self.path / f"manifest-{name}-{generation}.json"

    def load_manifest(self, name: str, generation: int) -> Manifest | None:
        """The manifest of a generation (a delta is applied to its base), or ``None`` when it
        or its base is missing or unreadable."""
        try:
            data = json.loads(self._manifest_path(name, generation).read_text("utf-8"))
            if not isinstance(data, dict):
                return None
            if "base" not in data:
                return Manifest._from_data(data, base=generation)
            base = int(data["base"])
            if base >= generation:
                return None
            manifest = Manifest.from_json(self._manifest_path(name, base).read_text("utf-8"))
            manifest._apply_delta(data)
            manifest.base = base
            if len(manifest.files) != data.get("count"):
                return None  # the base is not the one the delta was written against
            return manifest
        except (OSError, ValueError, TypeError, AttributeError, KeyError, IndexError):
            return None

    def manifest_base(self, name: str, generation: int) -> int | None:
        """The generation whose full manifest this generation's manifest is a delta of
        (``None`` for a full manifest, or one that cannot be read)."""
        head = self._read_head(name, generation)
        return head[2] if head else None

    def manifest_head(self, name: str, generation: int) -> tuple[dict[str, int], int] | None:
        """The scanned directories and the number of files in a generation's manifest, read
        from the start of the file only: a manifest of 100k files is ~12 MB of JSON, and the
        staleness check every search runs needs only this. ``None`` when the manifest is
        missing, unreadable or of an older layout (then use :meth:`load_manifest`)."""
        head = self._read_head(name, generation)
        return (head[0], head[1]) if head else None

    def _read_head(self, name: str, generation: int) -> tuple[dict[str, int], int, int | None] | None:
        prefix = '{"dirs":'
        try:
            with open(self._manifest_path(name, generation), "rb") as fh:
                data = b""
                while True:
                    more = fh.read(max(1 << 16, len(data)))
                    data += more
                    text = data.decode("utf-8", "replace")
                    if not text.startswith(prefix):
                        return None
                    try:
                        dirs, end = json.JSONDecoder().raw_decode(text, len(prefix))
                    except ValueError:
                        if more:
                            continue  # the directories go on past what was read
                        return None
                    found = _HEAD_REST.match(text, end)
                    if found is None and more and len(text) - end < 200:
                        continue  # the count (and base) may lie past what was read
                    if found is None or not isinstance(dirs, dict):
                        return None
                    base = found.group(2)
                    return dirs, int(found.group(1)), int(base) if base is not None else None
        except OSError:
            return None

    def save_manifest(self, name: str, generation: int, manifest: Manifest) -> None:
        """Write the manifest of ``generation``: the difference from its base when that is
        small (:data:`DELTA_FRACTION`) and the base is an earlier generation whose file is still
        there, else in full (which makes this generation the base of the next ones). A manifest
        rewritten for its own generation (an update that changed no articles) is never made a
        delta of itself."""
        if manifest.wants_delta() and manifest.base < generation and self._manifest_path(name, manifest.base).exists():
            write_atomic(self._manifest_path(name, generation), manifest.delta_json())
            return
        write_atomic(self._manifest_path(name, generation), manifest.to_json())
        manifest.base = generation
        manifest.changed.clear()
        manifest.removed.clear()

    def prune(self, live_name: str, live_generation: int, live_segments: set[str] | None = None) -> None:
        """Delete what the live generation does not use: files of other Whoosh indexes,
        stale manifests, leftovers of killed writers and, given the live segment ids
        (``ix…_segid``), orphaned segment files. Never foreign files. Call with the lock held.
        The full manifest a live delta is read against is kept."""
        keep = {live_generation, self.manifest_base(live_name, live_generation)}
        ours = re.compile(r"^(?:_?(ix[0-9a-f]+)_.*|manifest-(ix[0-9a-f]+)-(\d+)\.json)$")
        segment = re.compile(rf"^({re.escape(live_name)}_[0-9a-z]+)\.[A-Za-z0-9_.]+$")
        for entry in self.path.iterdir():
            if _LEFTOVER.match(entry.name):
                _remove(entry)
                continue
            m = ours.match(entry.name)
            if not m:
                continue
            name = m.group(1) or m.group(2)
            stale = name != live_name or (m.group(3) is not None and int(m.group(3)) not in keep)
            if not stale and live_segments is not None:
                seg = segment.match(entry.name)
                stale = bool(seg) and seg.group(1) not in live_segments
            if stale:
                _remove(entry)

    def discard(self, name: str) -> None:
        """Delete every file of the Whoosh index ``name`` (a failed rebuild)."""
        pattern = re.compile(
            rf"^(?:_?{re.escape(name)}_.*|{re.escape(name)}\.tmp|manifest-{re.escape(name)}-\d+\.json)$")
        for entry in self.path.iterdir():
            if pattern.match(entry.name):
                _remove(entry)

    # -- locking -------------------------------------------------------------------------
    def lock(self, wait: bool = False, on_wait: Callable[[str], None] | None = None) -> "WriteLock":
        """The exclusive write lock (see :class:`WriteLock`): refused at once while another
        process holds it, or with ``wait`` waited for, after calling ``on_wait(pid)``."""
        return WriteLock(self.path / LOCKFILE, wait=wait, on_wait=on_wait)


#: The only directories searchdocs ever deletes: Whoosh's posting pools (``ix….tmp``).
_POOL_DIR = re.compile(r"^ix[0-9a-f]+\.tmp$")


def _remove(entry: Path) -> None:
    """Delete one file of ours, or a Whoosh pool directory; any other directory is left
    alone, and errors are ignored (the next run retries)."""
    try:
        if entry.is_symlink() or entry.is_file():
            entry.unlink()
        elif entry.is_dir() and _POOL_DIR.match(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
    except OSError:
        pass


def raised_in_whoosh(exc: BaseException) -> bool:
    """True when ``exc`` was raised inside Whoosh's own code, or in the methods
    :mod:`searchlib.whoosh_fixes` puts in its place: reading damaged index files (a bug of
    ours raises in our other frames, and must not be blamed on the index)."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and (f"{os.sep}whoosh{os.sep}" in last or last.endswith(f"{os.sep}whoosh_fixes.py"))


def is_disk_error(exc: OSError) -> bool:
    """True for errors of the storage itself (full, quota, read-only, I/O), not of a path."""
    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG)


class WriteLock:
    """An exclusive, process-wide lock on an index directory.

    Uses ``fcntl.flock``, so a crashed writer never leaves a stale lock: the kernel drops it
    with the process. The holder's PID is written into the file for the error message.
    Without ``wait`` a held lock raises :class:`IndexLockedError` at once; with it, the lock
    is waited for (Ctrl-C still interrupts).
    """

    def __init__(self, path: Path, *, wait: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None

    def __enter__(self) -> "WriteLock":
        import fcntl

        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError:
            raise IndexWriteError(f"no permission to write the index at {self.path.parent}",
                                  hint="check the directory's permissions, or choose another --index") from None
        except OSError as exc:
            raise IndexWriteError(f"cannot create the lock file {self.path}: {exc.strerror or exc}",
                                  hint="check the index directory, or choose another --index") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise IndexWriteError(f"cannot lock {self.path}: {exc.strerror or exc}",
                                          hint="the file system must support locks (flock)") from None
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                if not self.wait:
                    raise IndexLockedError(
                        f"the index at {self.path.parent} is being updated by process {holder}",
                        hint="wait for it to finish and run the command again, or add --wait") from None
                if self.on_wait:
                    self.on_wait(holder)
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:  # the PID is only for other processes' messages; a full disk must not stop us
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
            except OSError:
                pass
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    @property
    def fd(self) -> int | None:
        """The lock file's descriptor while held (a forked worker must close its copy)."""
        return self._fd

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            except OSError:
                pass
            finally:
                os.close(self._fd)
                self._fd = None


def walk_dirs(root: Path) -> Iterator[Path]:
    """``root`` and every non-hidden directory below it (symlinked directories not followed)."""
    stack = [root]
    while stack:
        d = stack.pop()
        yield d
        try:
            with os.scandir(d) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False) and not e.name.startswith("."):
                        stack.append(Path(e.path))
        except OSError:
            continue
