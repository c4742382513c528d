"""Finding the corpus files under the paths a user gives.

Deterministic order (sorted), no hidden files, no symlinked directories (they can loop or
pull in half the disk), and only the suffixes the readers handle.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from searchlib.errors import CorpusNotFoundError

BASE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
SUPPORTED_SUFFIXES: tuple[str, ...] = BASE_SUFFIXES + tuple(s + ".gz" for s in BASE_SUFFIXES)


def format_suffix(path: Path | str) -> str | None:
    """The handled suffix of ``path`` ("x.JSONL.gz" → ".jsonl.gz"), or ``None``."""
    name = Path(path).name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the supported files among ``paths`` and, recursively, under directories.

    Each directory's files come sorted; a file is yielded once. Raises
    :class:`CorpusNotFoundError` for a given path that does not exist; unreadable
    subdirectories are skipped.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not os.path.lexists(path):
            raise CorpusNotFoundError(f"no such file or directory: {path}",
                                      hint="check the path, or run from the directory that holds the corpus")
        found = _walk(path) if path.is_dir() else ([path] if format_suffix(path) else [])
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and format_suffix(name):
                files.append(Path(dirpath) / name)
    return sorted(files, key=lambda p: p.relative_to(root).parts)
