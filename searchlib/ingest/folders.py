"""Sources named by folder: a ``.source`` file makes its directory's articles one outlet's.

Analysts file downloads by outlet (``corpus/vna/…``, ``corpus/baochinhphu/…``) and many
saved pages carry no usable credit. A file named ``.source`` in a directory says so: its
first line is a source name (mapped through the outlet table, so ``TTXVN`` gives "VNA"),
or, when empty, the directory's own name is (``corpus/vna/.source`` → "VNA"). It applies
to every file in that directory and below, unless a deeper ``.source`` overrides it.
Hidden files are never indexed, so ``.source`` itself is not an article.

Priority, from the strongest: a header line / JSONL field / explicit metadata, then the
folder's ``.source``, then HTML meta tags, then credits found in the text. Lookups are
cached per directory (one ``stat`` per directory per process, not per file).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from searchlib.ingest.sources import canonical_source

MARKER = ".source"
#: A ``.source`` file is one name; anything longer is not read past this.
_MAX_BYTES = 4096


def folder_source(path: str | Path) -> str | None:
    """The source that a ``.source`` file in the directory of ``path`` (or above) names."""
    return _directory_source(os.path.dirname(os.path.abspath(path)))


def forget_folder_sources() -> None:
    """Drop the cached lookups (after ``.source`` files were added, edited or removed)."""
    _directory_source.cache_clear()


@lru_cache(maxsize=4096)
def _directory_source(directory: str) -> str | None:
    marker = os.path.join(directory, MARKER)
    try:
        with open(marker, "rb") as fh:
            raw = fh.read(_MAX_BYTES)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        parent = os.path.dirname(directory)
        return None if parent == directory else _directory_source(parent)
    except OSError:  # unreadable marker: as if absent, never a failure of the article
        parent = os.path.dirname(directory)
        return None if parent == directory else _directory_source(parent)
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    name = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not name:
        name = os.path.basename(directory)
    return canonical_source(name) if name else None
