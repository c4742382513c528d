"""The :class:`Index` facade: what scripts and the CLI use to update and search."""

from __future__ import annotations

import datetime as _dt
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .article import Article
from .errors import IndexCorruptError, SearchdocsError
from .filters import DateArg
from .indexer import ProblemFn, ProgressFn, UpdateReport, disk_path, display_path, is_under, update_index
from .search import Results, run_search
from .store import IndexDir, Manifest, raised_in_whoosh, walk_dirs

if TYPE_CHECKING:  # pragma: no cover
    from .explain import QueryPlan
    from .similar import SimilarResults
    from .stats import IndexStats
    from .view import ArticleView

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
        #: thread id -> (live state, Whoosh index, searcher) kept open between its searches
        self._kept: dict[int, tuple] = {}
        self._kept_lock = threading.Lock()

    def close(self) -> None:
        """Close the searchers kept open between searches, every thread's (call it when no
        search is running); the next search opens the index again."""
        with self._kept_lock:
            kept = list(self._kept.values())
            self._kept.clear()
        for entry in kept:
            _close_kept(entry)

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Index({str(self.path)!r})"

    @property
    def exists(self) -> bool:
        """True once the index has been built."""
        return self._dir.exists()

    # -- writing ---------------------------------------------------------------------------
    def update(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
               on_problem: ProblemFn | None = None, wait: bool = False,
               on_wait: Callable[[str], None] | None = None) -> UpdateReport:
        """Index new and changed files under ``paths``, drop deleted ones; skip bad files.

        Creates the index if needed. ``progress(done, total, path)`` and
        ``on_problem(error)`` are optional callbacks for a front end. While another process
        updates, raises :class:`IndexLockedError`, or with ``wait`` calls ``on_wait(pid)``
        and waits for it.
        """
        return update_index(self._dir, list(paths), progress=progress, on_problem=on_problem,
                            wait=wait, on_wait=on_wait)

    def rebuild(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
                on_problem: ProblemFn | None = None, wait: bool = False,
                on_wait: Callable[[str], None] | None = None) -> UpdateReport:
        """Build a fresh index from ``paths`` and swap it in atomically when complete."""
        return update_index(self._dir, list(paths), rebuild=True, progress=progress, on_problem=on_problem,
                            wait=wait, on_wait=on_wait)

    # -- reading ---------------------------------------------------------------------------
    def _open(self) -> tuple[object, tuple[str, int]]:
        """The live Whoosh index, and its (name, generation) as seen just before opening.

        A commit or rebuild may delete the files of the generation being opened (Whoosh
        cleans up old TOCs and merged segments, a rebuild swaps the pointer and prunes the old
        index): when the live state changed meanwhile, opening is simply tried again.
        """
        from whoosh import index as whoosh_index

        for attempt in range(4):
            name = self._dir.read_pointer()["name"]
            state = (name, self._dir.latest_generation(name))
            try:
                return whoosh_index.open_dir(str(self.path), indexname=name), state
            except PermissionError:
                raise
            except Exception as exc:  # whoosh raises many types for damaged files
                if attempt < 3 and self._live_state() != state:
                    continue
                raise _corrupt(self.path, exc) from None
        raise AssertionError("unreachable")

    def _read(self, action: Callable, keep_open: bool = False):
        """Run ``action(ix)`` on the live index; damage found while reading becomes
        :class:`IndexCorruptError` (our own errors, permissions and bugs pass through).

        Whoosh opens some segment files lazily, so a commit or rebuild that deletes the files
        of an older generation mid-search can make a read fail: when the live generation
        changed meanwhile, the action is run again on the new one (each is a committed state).
        """
        for attempt in range(4):
            ix, state = self._open()
            try:
                return action(ix)
            except (SearchdocsError, PermissionError, MemoryError):
                raise
            except Exception as exc:
                if not (raised_in_whoosh(exc) or isinstance(exc, OSError)):
                    raise
                if attempt < 3 and self._live_state() != state:
                    continue
                raise _corrupt(self.path, exc) from None
            finally:
                if not keep_open or self._kept.get(threading.get_ident(), (None, None))[1] is not ix:
                    ix.close()
        raise AssertionError("unreachable")

    def _with_searcher(self, action: Callable):
        """Run ``action(searcher)`` on a BM25F searcher of the live index, kept open between
        calls while the live generation stays the same (opening costs about 8 ms at 100k
        articles; checking the generation a fraction of that). A commit, rebuild or
        deletion changes the generation, and the next call opens the new one."""
        from whoosh import scoring

        state = self._live_state(check_safe=False)  # opening a new generation checks
        me = threading.get_ident()
        with self._kept_lock:
            kept = self._kept.get(me)
        if kept is not None and state is not None and kept[0] == state:
            try:
                return action(kept[2])
            except (SearchdocsError, PermissionError, MemoryError):
                raise
            except Exception as exc:
                if not (raised_in_whoosh(exc) or isinstance(exc, OSError)):
                    raise
                # files of the kept generation went away: read the live one below
        if kept is not None:
            with self._kept_lock:
                self._kept.pop(me, None)
            _close_kept(kept)

        def fresh(ix):
            searcher = ix.searcher(weighting=scoring.BM25F())
            try:
                result = action(searcher)
            except BaseException:
                searcher.close()
                raise
            self._keep(me, ((ix.indexname, searcher.reader().generation()), ix, searcher))
            return result

        return self._read(fresh, keep_open=True)

    def _keep(self, me: int, entry: tuple) -> None:
        """Keep ``entry`` for thread ``me``; close what threads that have ended kept."""
        alive = {t.ident for t in threading.enumerate()}
        with self._kept_lock:
            self._kept[me] = entry
            ended = [self._kept.pop(t) for t in list(self._kept) if t not in alive]
        for old in ended:
            _close_kept(old)

    def _live_state(self, check_safe: bool = True) -> tuple[str, int] | None:
        """The live Whoosh index name and generation, or ``None`` if unreadable."""
        try:
            name = self._dir.read_pointer(check_safe)["name"]
            return name, self._dir.latest_generation(name)
        except (SearchdocsError, OSError):
            return None

    def search(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
               topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
               sort: str = "relevance", limit: int = 10, page: int = 1, lenient: bool = False,
               match: str = "all", facet_size: int = 20, facets: Sequence[str] | None = None,
               timeline: bool = True, suggest: bool = True) -> Results:
        """Ranked, filtered, faceted search.

        ``query`` uses Whoosh syntax (quotes, ``-term``, ``OR``, ``field:value``); empty
        lists articles matching the filters, newest first. ``since``/``until`` take
        ``"2024"``, ``"2024-06"``, ``"2024-06-30"``, a ``date`` or a year as ``int``. Filter
        arguments take one value or a list (OR). ``limit=0`` returns every hit. Raises :class:`QueryError` for a
        malformed query unless ``lenient``.

        ``facets`` names the facets to count (default year, source, people, topics; also
        month and lang; ``[]`` for none), ``facet_size`` their length (0: all values).
        ``timeline`` counts hits per year or month (``Results.timeline``); ``suggest`` looks
        for a respelled query when there are few hits (``Results.suggestion``, never run).
        """
        started = time.perf_counter()

        def run(searcher):
            return run_search(searcher, query, since=since, until=until, source=source,
                              person=person, topic=topic, lang=lang, sort=sort, limit=limit,
                              page=page, lenient=lenient, match=match, facet_size=facet_size,
                              facets=facets, timeline=timeline, suggest=suggest)

        results = self._with_searcher(run)
        results.took_ms = (time.perf_counter() - started) * 1000
        return results

    def explain(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
                source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
                topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
                lenient: bool = False, match: str = "all") -> QueryPlan:
        """How :meth:`search` would read this query and these filters: fields, folded and
        exact terms, phrases, date range, and the index values each filter matches."""
        from .explain import explain_query

        def run(ix):
            with ix.searcher() as searcher:
                return explain_query(searcher.reader(), query, since=since, until=until, source=source,
                                     person=person, topic=topic, lang=lang, lenient=lenient, match=match)

        return self._read(run)

    def view(self, article_id: str, query: str = "", *, lenient: bool = False) -> ArticleView:
        """The article with this id (or path) and the matches of ``query`` in it marked.
        Raises :class:`ArticleNotFoundError`."""
        from .view import view_article

        def run(ix):
            with ix.searcher() as searcher:
                return view_article(searcher, article_id, query, lenient=lenient)

        return self._read(run)

    def original(self, article_id: str, prefer: str = "url") -> str:
        """Where the article came from: its URL, else (or with ``prefer="file"``) the
        absolute path of its source file."""
        from .view import original_location

        return original_location(self.view(article_id).article, self.path, prefer)

    def similar(self, article_id: str, *, limit: int = 10) -> SimilarResults:
        """Articles like this one (Whoosh more-like-this on the folded body), best first."""
        from whoosh import scoring

        from .similar import similar_articles

        started = time.perf_counter()

        def run(ix):
            with ix.searcher(weighting=scoring.BM25F()) as searcher:
                return similar_articles(searcher, article_id, limit=limit)

        results = self._read(run)
        results.took_ms = (time.perf_counter() - started) * 1000
        return results

    def stats(self, *, top: int = 10) -> IndexStats:
        """Articles, date range, undated count, languages, top sources/people/topics
        (``top`` each), size on disk and time of the last update."""
        from .stats import index_stats

        def run(ix):
            with ix.searcher() as searcher:
                return index_stats(searcher.reader(), path=str(self.path), top=top)

        stats = self._read(run)
        stats.size_bytes = self._dir.size_bytes()
        name = self._dir.read_pointer()["name"]
        manifest = self._dir.load_manifest(name, self._dir.latest_generation(name))
        if manifest is not None:
            stats.files = len(manifest.files)
            if manifest.updated:
                stats.updated = _dt.datetime.fromtimestamp(manifest.updated)
        return stats

    def facet_values(self, name: str, *, match: str | None = None, limit: int = 0) -> dict[str, int]:
        """Values of a facet (``source``, ``people``, ``topics``, ``year``, ``month``,
        ``lang``) over the whole index with article counts, highest first; ``match`` keeps
        values containing it, ignoring case and diacritics."""
        from .stats import facet_values

        def run(ix):
            with ix.searcher() as searcher:
                return facet_values(searcher.reader(), name, match=match, limit=limit)

        return self._read(run)

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        from .schema import stored_to_article

        def run(ix):
            with ix.searcher() as s:
                stored = s.document(id=article_id)
                return stored_to_article(stored) if stored else None

        return self._read(run)

    def __len__(self) -> int:
        return self._read(lambda ix: ix.doc_count())

    def articles(self) -> Iterator[Article]:
        """Every stored article, from one committed state (e.g. to copy it to a cluster)."""
        from .schema import stored_to_article

        ix, _state = self._open()
        try:
            with ix.searcher() as s:
                for stored in s.all_stored_fields():
                    yield stored_to_article(stored)
        finally:
            ix.close()

    def corpus_changes(self, paths: Iterable[str | os.PathLike[str]]) -> CorpusChanges:
        """What changed under ``paths`` since the last update, judged from stat alone."""
        changes = CorpusChanges()
        name = self._dir.read_pointer()["name"]
        generation = self._dir.latest_generation(name)
        head = self._dir.manifest_head(name, generation)
        # above the limit only directories are compared: no need to parse every file's state
        per_file = head is None or head[1] <= _STAT_ALL_LIMIT
        manifest = self._dir.load_manifest(name, generation) if per_file else Manifest(dirs=head[0])
        if manifest is None:
            return changes
        base = Path(os.path.abspath(self.path)).parent
        roots = [display_path(Path(p), base) for p in paths]

        def under(d: str) -> bool:
            return any(is_under(d, r) for r in roots)

        for d, mtime in manifest.dirs.items():
            if not under(d):
                continue
            try:
                if disk_path(d, base).stat().st_mtime_ns != mtime:
                    changes.dirs.append(d)
            except OSError:
                changes.dirs.append(d)
        files = {d: st for d, st in manifest.files.items() if under(d)}
        if per_file and len(files) <= _STAT_ALL_LIMIT:
            for d, st in files.items():
                try:
                    s = disk_path(d, base).stat()
                except OSError:
                    changes.deleted += 1
                    continue
                if (s.st_mtime_ns, s.st_size) != (st.mtime_ns, st.size):
                    changes.modified += 1
            from .ingest.files import format_suffix

            for d in changes.dirs:
                try:
                    entries = list(os.scandir(disk_path(d, base)))
                except OSError:
                    continue
                for e in entries:
                    rel = display_path(Path(e.path), base)
                    if (e.is_file() and rel not in manifest.files and not e.name.startswith(".")
                            and format_suffix(e.name)):
                        changes.new += 1
            if changes.dirs and not (changes.new or changes.deleted):
                # a directory changed without any file we care about changing
                changes.dirs = [d for d in changes.dirs if _has_new_subdir(disk_path(d, base), manifest.dirs, base)]
        return changes


def _close_kept(entry: tuple) -> None:
    """Close a kept ``(state, Whoosh index, searcher)``."""
    for thing in (entry[2], entry[1]):
        try:
            thing.close()
        except Exception:  # noqa: BLE001 - closing what may already be gone
            pass


def _corrupt(path: Path, exc: BaseException) -> IndexCorruptError:
    """The error for damage found while reading: what failed, and the fix."""
    if isinstance(exc, OSError):
        where = f" ({Path(exc.filename).name})" if exc.filename else ""
        what = f"{exc.strerror or exc}{where}"
    else:
        what = f"{type(exc).__name__}: {exc}"
    return IndexCorruptError(f"the index at {path} is damaged: {what}",
                             hint="run 'searchdocs index --rebuild'")


def _has_new_subdir(path: Path, known: dict[str, int], base: Path) -> bool:
    for d in walk_dirs(path):
        if display_path(d, base) not in known:
            return True
    return False
