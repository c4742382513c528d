"""The index directory on disk: which Whoosh index is live, who may write, what files it holds.

Layout of an index directory::

    searchdocs.json            pointer: format, schema version, name of the live Whoosh index
    .lock                      advisory lock (fcntl) held by the one process updating
    _<name>_<gen>.toc, <name>_*.{seg,pst,…}   Whoosh's own files (non-compound segments)
    manifest-<name>-<gen>.json the files behind generation <gen>: stat, content hash, ids

Every change becomes visible in one atomic step: Whoosh's commit writes a new TOC, and a
rebuild writes a whole new Whoosh index under a new name beside the live one and then
replaces the pointer with ``os.replace``. Readers never see a half-written state, and the
manifest of a generation is written before its TOC so a crash never leaves a live
generation without one.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import IndexCorruptError, IndexLockedError, IndexNotFoundError, IndexWriteError
from .schema import SCHEMA_VERSION

POINTER = "searchdocs.json"
LOCKFILE = ".lock"
FORMAT = "searchdocs-index"
_IGNORABLE = {".gitkeep", "README.md", ".DS_Store", LOCKFILE}
#: Names of files searchdocs writes (Whoosh files of an ``ix…`` index, manifests, temp files).
_OURS = re.compile(r"^(?:_?ix[0-9a-f]+_.*|manifest-ix[0-9a-f]+-\d+\.json|\..*\.\d+\.tmp)$")


@dataclass
class FileState:
    """What the index knows of one source file."""

    mtime_ns: int
    size: int
    sha256: str
    ids: list[str] = field(default_factory=list)
    error: str | None = None  #: why the file could not be indexed, if it could not


@dataclass
class Manifest:
    """The source files behind one index generation, keyed by display path."""

    files: dict[str, FileState] = field(default_factory=dict)
    dirs: dict[str, int] = field(default_factory=dict)  #: scanned directories → mtime_ns
    updated: float = 0.0

    def to_json(self) -> str:
        return json.dumps({"files": {k: asdict(v) for k, v in self.files.items()},
                           "dirs": self.dirs, "updated": self.updated},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        data = json.loads(text)
        return cls(files={k: FileState(**v) for k, v in data.get("files", {}).items()},
                   dirs=dict(data.get("dirs", {})), updated=float(data.get("updated", 0.0)))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new content, never a part."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class IndexDir:
    """An index directory: reads the pointer, takes the write lock, keeps manifests."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # -- state ---------------------------------------------------------------------------
    def exists(self) -> bool:
        """True when the directory holds a searchdocs index."""
        return (self.path / POINTER).is_file()

    def looks_empty(self) -> bool:
        """True when no index is here yet: the directory is missing, or holds only
        placeholders and leftovers of a first build that was killed (removed by the next
        successful build)."""
        if not self.path.exists():
            return True
        if not self.path.is_dir():
            return False
        return all(p.name in _IGNORABLE or _OURS.match(p.name) for p in self.path.iterdir())

    def read_pointer(self) -> dict:
        """The pointer's content, checked; raises a typed error naming the fix."""
        pointer = self.path / POINTER
        if not pointer.is_file():
            if self.looks_empty():
                raise IndexNotFoundError(f"no index at {self.path}",
                                         hint="run 'searchdocs index' to build it from the corpus")
            raise IndexCorruptError(
                f"{self.path} is not a searchdocs index (no {POINTER})",
                hint="point --index at an index directory, or at a new empty one")
        try:
            data = json.loads(pointer.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexCorruptError(f"cannot read {pointer}: {exc}",
                                    hint="run 'searchdocs index --rebuild'") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or "name" not in data:
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
        pattern = re.compile(rf"^_{re.escape(name)}_(\d+)\.toc$")
        gens = [int(m.group(1)) for p in self.path.iterdir() if (m := pattern.match(p.name))]
        return max(gens, default=-1)

    # -- manifests -----------------------------------------------------------------------
    def _manifest_path(self, name: str, generation: int) -> Path:
        return self.path / f"manifest-{name}-{generation}.json"

    def load_manifest(self, name: str, generation: int) -> Manifest | None:
        """The manifest of a generation, or ``None`` when it is missing or unreadable."""
        try:
            return Manifest.from_json(self._manifest_path(name, generation).read_text("utf-8"))
        except (OSError, ValueError, TypeError):
            return None

    def save_manifest(self, name: str, generation: int, manifest: Manifest) -> None:
        write_atomic(self._manifest_path(name, generation), manifest.to_json())

    def prune(self, live_name: str, live_generation: int) -> None:
        """Delete files of other Whoosh indexes and stale manifests; never foreign files."""
        ours = re.compile(r"^(?:_?(ix[0-9a-f]+)_.*|manifest-(ix[0-9a-f]+)-(\d+)\.json)$")
        for entry in self.path.iterdir():
            m = ours.match(entry.name)
            if not m:
                continue
            name = m.group(1) or m.group(2)
            stale = name != live_name or (m.group(3) is not None and int(m.group(3)) != live_generation)
            if stale and entry.is_file():
                try:
                    entry.unlink()
                except OSError:
                    pass

    def discard(self, name: str) -> None:
        """Delete every file of the Whoosh index ``name`` (a failed rebuild)."""
        pattern = re.compile(rf"^(?:_?{re.escape(name)}_.*|manifest-{re.escape(name)}-\d+\.json)$")
        for entry in self.path.iterdir():
            if pattern.match(entry.name) and entry.is_file():
                try:
                    entry.unlink()
                except OSError:
                    pass

    # -- locking -------------------------------------------------------------------------
    def lock(self) -> "WriteLock":
        """The exclusive write lock, taken without waiting (see :class:`WriteLock`)."""
        return WriteLock(self.path / LOCKFILE)


class WriteLock:
    """An exclusive, non-blocking, process-wide lock on an index directory.

    Uses ``fcntl.flock``, so a crashed writer never leaves a stale lock: the kernel drops it
    with the process. The holder's PID is written into the file for the error message.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> "WriteLock":
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError:
            raise IndexWriteError(f"no permission to write the index at {self.path.parent}",
                                  hint="check the directory's permissions, or choose another --index") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            finally:
                os.close(fd)
            raise IndexLockedError(
                f"the index at {self.path.parent} is being updated by process {holder}",
                hint="wait for it to finish, then run the command again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
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
