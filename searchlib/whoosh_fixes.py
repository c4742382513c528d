"""Corrections to defects of the pinned Whoosh (whoosh-reloaded 2.7.5) that change results.

Applied once, when the search path is imported. Each is the smallest change that makes
Whoosh return what its own documentation promises, and each has a test that fails without
it (tests/test_collect.py).

- ``AndNotMatcher`` ("police -drug"): when the first document of the positive side comes
  *after* the first document of the negated side, Whoosh never moves the negated side up
  to it, so that first document is returned even when it contains the excluded word.

And one that changes only speed (same arrays, tested against the original):

- ``VarBytesColumn.Reader`` rebuilds a column's offset table from its lengths with a Python
  ``append`` per document every time a reader is opened: ~1 ms per 6,000-article segment and
  column, ~30 ms of a search that counts three facets over 23 segments at 100k articles.
  ``itertools.accumulate`` builds the same array in C.
"""

from __future__ import annotations

import struct
from array import array
from itertools import accumulate

from whoosh.columns import VarBytesColumn
from whoosh.matching.binary import AndNotMatcher

_PATCHED = "_searchdocs_fixed"


def _find_first(self) -> None:
    # The original only looked for a collision when both sides started on the same
    # document; _find_next moves the negated side forward first, as every later step does.
    if self.a.is_active() and self.b.is_active():
        self._find_next()


#: Whoosh's own method, kept for the test that compares the two.
original_read_offsets_and_lengths = VarBytesColumn.Reader._read_offsets_and_lengths


def _read_offsets_and_lengths(self) -> None:
    # Same reads and the same arrays as Whoosh's; only the derived offsets are built in C.
    dbfile, doccount = self._dbfile, self._doccount
    lastbyte = self._basepos + self._length - 1
    lens_code = chr(dbfile.get_byte(lastbyte))
    offsets = None
    if lens_code == "X":  # the writer stored the offsets too
        self.had_stored_offsets = True
        lens_code = chr(dbfile.get_byte(lastbyte - 2))
        offsets_code = chr(dbfile.get_byte(lastbyte - 1))
        offsetstart = (lastbyte - 2) - doccount * struct.calcsize(offsets_code)
        offsets = dbfile.get_array(offsetstart, offsets_code, doccount)
        lastbyte = offsetstart
    lengths = dbfile.get_array(lastbyte - struct.calcsize(lens_code) * doccount, lens_code, doccount)
    if offsets is None:
        offsets = array("L", accumulate(lengths, initial=0))
        offsets.pop()
    self._offsets = offsets
    self._lengths = lengths


def apply() -> None:
    """Install the corrections (idempotent)."""
    if not getattr(AndNotMatcher, _PATCHED, False):
        AndNotMatcher._find_first = _find_first
        setattr(AndNotMatcher, _PATCHED, True)
    if not getattr(VarBytesColumn.Reader, _PATCHED, False):
        VarBytesColumn.Reader._read_offsets_and_lengths = _read_offsets_and_lengths
        setattr(VarBytesColumn.Reader, _PATCHED, True)


apply()
