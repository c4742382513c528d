"""Corrections to defects of the pinned Whoosh (whoosh-reloaded 2.7.5) that change results.

Applied once, when the search path is imported. Each is the smallest change that makes
Whoosh return what its own documentation promises, and each has a test that fails without
it (tests/test_collect.py).

- ``AndNotMatcher`` ("police -drug"): when the first document of the positive side comes
  *after* the first document of the negated side, Whoosh never moves the negated side up
  to it, so that first document is returned even when it contains the excluded word.
"""

from __future__ import annotations

from whoosh.matching.binary import AndNotMatcher

_PATCHED = "_searchdocs_fixed"


def _find_first(self) -> None:
    # The original only looked for a collision when both sides started on the same
    # document; _find_next moves the negated side forward first, as every later step does.
    if self.a.is_active() and self.b.is_active():
        self._find_next()


def apply() -> None:
    """Install the corrections (idempotent)."""
    if not getattr(AndNotMatcher, _PATCHED, False):
        AndNotMatcher._find_first = _find_first
        setattr(AndNotMatcher, _PATCHED, True)


apply()
