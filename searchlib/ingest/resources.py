"""Loading the JSON tables shipped in ``searchlib/data`` (and user extensions of them).

Kept in one place so every table is read the same way and a broken user file becomes a
:class:`~searchlib.errors.SearchdocsError` with a hint, not a traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from searchlib.errors import SearchdocsError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def user_table(key: str) -> Path | None:
    """The user's extension of a table, named by ``SEARCHDOCS_TOPICS``, ``SEARCHDOCS_SOURCES``
    or ``SEARCHDOCS_PEOPLE`` (a JSON file shaped like the shipped one)."""
    value = os.environ.get(f"SEARCHDOCS_{key.upper()}")
    return Path(value) if value else None


def load_table(name: str, key: str, extra: Path | None = None, *, optional: bool = False) -> list[dict[str, Any]]:
    """Return the entries under ``key`` of the shipped ``data/<name>``, followed by those of
    ``extra`` (a user file of the same shape), if given; an ``optional`` key may be missing
    from the user's file."""
    entries = _read(DATA_DIR / name, key)
    if extra is not None:
        entries = entries + _read(Path(extra), key, optional)
    return entries


def _read(path: Path, key: str, optional: bool = False) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeError, ValueError, RecursionError) as exc:
        raise SearchdocsError(f"cannot read {path}: {exc}",
                              hint=f'expected a JSON file like {{"{key}": [...]}}') from exc
    entries = data.get(key) if isinstance(data, dict) else None
    if optional and isinstance(data, dict) and key not in data:
        return []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise SearchdocsError(f"{path}: no list of objects under {key!r}",
                              hint=f'expected a JSON file like {{"{key}": [{{"name": ...}}]}}')
    return entries


def load_strings(name: str, key: str, extra: Path | None = None) -> list[str]:
    """The strings listed under ``key`` in the shipped ``data/<name>`` and in ``extra``
    (a missing key is an empty list; non-strings are skipped)."""
    found: list[str] = []
    for path in [DATA_DIR / name] + ([Path(extra)] if extra is not None else []):
        try:
            with path.open(encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, UnicodeError, ValueError, RecursionError) as exc:
            raise SearchdocsError(f"cannot read {path}: {exc}", hint=f'expected a JSON file like {{"{key}": [...]}}') \
                from exc
        values = data.get(key) if isinstance(data, dict) else None
        if isinstance(values, list):
            found += [v for v in values if isinstance(v, str) and v.strip()]
    return found
