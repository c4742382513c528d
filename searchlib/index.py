"""The :class:`Index` facade: what scripts and the CLI use to update and search."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .article import Article
from .errors import IndexCorruptError
from .filters import DateArg
from .indexer import ProblemFn, ProgressFn, UpdateReport, display_path, update_index
from .search import Results, run_search
from .store import IndexDir, walk_dirs

#: Above this many files, the staleness check looks at directories only.
_STAT_ALL_LIMIT = 5000


@dataclass
class CorpusChanges:
    """Differences between files on disk and the index, found without reading any file."""

    new: int = 0
    modified: int = 0
    deleted: int = 0
    dirs: list[str] = field(default_factory=list)  #: directories whose listing changed

    def __bool__(self) -> bool:
        return bool(self.new or self.modified or self.deleted or self.dirs)

    def summary(self) -> str:
        parts = [f"{n} {what}" for n, what in ((self.new, "new"), (self.modified, "modified"),
                                                (self.deleted, "deleted")) if n]
        return ", ".join(parts) + " file(s)" if parts else "directory listings changed"


class Index:
    """A searchdocs index in a directory (created on the first update).

    >>> ix = Index("index")
    >>> ix.update(["corpus"])            # doctest: +SKIP
    >>> ix.search("human trafficking", since="2024").total   # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike[str] = "index") -> None:
        self.path = Path(path)
        self._dir = IndexDir(self.path)

    def __repr__(self) -> str:
        return f"Index({str(self.path)!r})"

    @property
    def exists(self) -> bool:
        """True once the index has been built."""
        return self._dir.exists()

    # -- writing ---------------------------------------------------------------------------
    def update(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
               on_problem: ProblemFn | None = None) -> UpdateReport:
        """Index new and changed files under ``paths``, drop deleted ones; skip bad files.

        Creates the index if needed. ``progress(done, total, path)`` and
        ``on_problem(error)`` are optional callbacks for a front end.
        """
        return update_index(self._dir, list(paths), progress=progress, on_problem=on_problem)

    def rebuild(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
                on_problem: ProblemFn | None = None) -> UpdateReport:
        """Build a fresh index from ``paths`` and swap it in atomically when complete."""
        return update_index(self._dir, list(paths), rebuild=True, progress=progress, on_problem=on_problem)

    # -- reading ---------------------------------------------------------------------------
    def _open(self):
        from whoosh import index as whoosh_index

        name = self._dir.read_pointer()["name"]
        try:
            return whoosh_index.open_dir(str(self.path), indexname=name)
        except Exception as exc:  # whoosh raises many types for damaged files
            raise IndexCorruptError(f"cannot open the index at {self.path}: {exc}",
                                    hint="run 'searchdocs index --rebuild'") from None

    def search(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
               topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
               sort: str = "relevance", limit: int = 10, page: int = 1, lenient: bool = False,
               match: str = "all", facet_size: int = 20) -> Results:
        """Ranked, filtered, faceted search.

        ``query`` uses Whoosh syntax (quotes, ``-term``, ``OR``, ``field:value``); empty
        lists articles matching the filters, newest first. ``since``/``until`` take
        ``"2024"``, ``"2024-06"``, ``"2024-06-30"``, a ``date`` or a year as ``int``. Filter
        arguments take one value or a list (OR). ``limit=0`` returns every hit. Raises :class:`QueryError` for a
        malformed query unless ``lenient``.
        """
        from whoosh import scoring

        ix = self._open()
        try:
            with ix.searcher(weighting=scoring.BM25F()) as searcher:
                return run_search(searcher, query, since=since, until=until, source=source,
                                  person=person, topic=topic, lang=lang, sort=sort, limit=limit,
                                  page=page, lenient=lenient, match=match, facet_size=facet_size)
        finally:
            ix.close()

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        from .schema import stored_to_article

        ix = self._open()
        try:
            with ix.searcher() as s:
                stored = s.document(id=article_id)
                return stored_to_article(stored) if stored else None
        finally:
            ix.close()

    def __len__(self) -> int:
        ix = self._open()
        try:
            return ix.doc_count()
        finally:
            ix.close()

    def corpus_changes(self, paths: Iterable[str | os.PathLike[str]]) -> CorpusChanges:
        """What changed under ``paths`` since the last update, judged from stat alone."""
        changes = CorpusChanges()
        name = self._dir.read_pointer()["name"]
        generation = self._dir.latest_generation(name)
        manifest = self._dir.load_manifest(name, generation)
        if manifest is None:
            return changes
        base = Path(os.path.abspath(self.path)).parent
        roots = [display_path(Path(p), base) for p in paths]

        def under(d: str) -> bool:
            return any(d == r or d.startswith(r.rstrip("/") + "/") or r == "." for r in roots)

        for d, mtime in manifest.dirs.items():
            if not under(d):
                continue
            try:
                if (base / d).stat().st_mtime_ns != mtime:
                    changes.dirs.append(d)
            except OSError:
                changes.dirs.append(d)
        files = {d: st for d, st in manifest.files.items() if under(d)}
        if len(files) <= _STAT_ALL_LIMIT:
            for d, st in files.items():
                try:
                    s = (base / d).stat()
                except OSError:
                    changes.deleted += 1
                    continue
                if (s.st_mtime_ns, s.st_size) != (st.mtime_ns, st.size):
                    changes.modified += 1
            from .ingest import SUPPORTED_SUFFIXES

            for d in changes.dirs:
                try:
                    entries = list(os.scandir(base / d))
                except OSError:
                    continue
                for e in entries:
                    rel = display_path(Path(e.path), base)
                    if (e.is_file() and rel not in manifest.files and not e.name.startswith(".")
                            and any(e.name.lower().endswith(s) for s in SUPPORTED_SUFFIXES)):
                        changes.new += 1
            if changes.dirs and not (changes.new or changes.deleted):
                # a directory changed without any file we care about changing
                changes.dirs = [d for d in changes.dirs if _has_new_subdir(base / d, manifest.dirs, base)]
        return changes


def _has_new_subdir(path: Path, known: dict[str, int], base: Path) -> bool:
    for d in walk_dirs(path):
        if display_path(d, base) not in known:
            return True
    return False
