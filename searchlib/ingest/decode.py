"""Bytes to text: BOMs, UTF-8, declared HTML charsets, BOM-less UTF-16, Windows-1252/1258.

Press-release files arrive in every encoding a Windows desktop can save. The rules are
ordered so that plainly valid UTF-8 always wins (a wrong ``<meta charset>`` must not turn
good text into mojibake) and binary files are refused instead of indexed as noise. Bytes
that are not UTF-8 are read as Windows-1258 when that reads as Vietnamese, else as
Windows-1252 (:mod:`charsets`).
"""

from __future__ import annotations

import codecs
import re

from searchlib.errors import IngestError
from searchlib.ingest.charsets import decode_western_or_vietnamese
from searchlib.textnorm import normalize_text as normalize

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # must precede UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Declared charsets that are really "some Windows single-byte Latin page": the bytes decide
#: between cp1252 and cp1258 (sites declare one and send the other).
_SINGLE_BYTE_LATIN = frozenset({"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii", "cp1258"})
_CODEC_NAMES = {"cp1252": "Windows-1252", "cp1258": "Windows-1258 (Vietnamese)"}
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Control characters that never appear in text files (everything below 0x20 but \t \n \f \r, and ESC).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode_bytes(data: bytes, where: str, *, html: bool = False, normal: bool = True) -> tuple[str, list[str]]:
    """Decode ``data`` and normalise it (``normal=False`` skips the NFC step, for callers
    that normalise each record themselves); line ends become ``\\n``.

    Returns the text and warnings about guesses made. Raises :class:`IngestError` (for
    ``where``) for binary data.
    """
    text, warnings = _decode(data, where, html)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (normalize(text) if normal else text), warnings


def _decode(data: bytes, where: str, html: bool) -> tuple[str, list[str]]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), []
            except UnicodeDecodeError:
                return data[len(bom):].decode(codec, errors="replace"), [
                    f"invalid {codec.upper()} after its byte-order mark; bad bytes replaced"]
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), [f"no byte-order mark; decoded as {utf16.upper()}"]
        except UnicodeDecodeError:
            raise IngestError(where, "binary file, not text") from None
    if b"\x00" in data or _looks_binary(data):
        raise IngestError(where, "binary file, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared is not None and declared not in _SINGLE_BYTE_LATIN:
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            pass
    text, codec = decode_western_or_vietnamese(data, prefer=declared)
    if declared == codec or (declared in _SINGLE_BYTE_LATIN and declared != "cp1258" and codec == "cp1252"):
        return text, []
    return text, [f"not valid UTF-8; decoded as {_CODEC_NAMES[codec]}"]


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 variant when every other byte is NUL (ASCII-heavy UTF-16 text)."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even = sample[0:half * 2:2].count(0) / half
    odd = sample[1:half * 2:2].count(0) / half
    if odd >= 0.6 and even <= 0.05:
        return "utf-16-le"
    if even >= 0.6 and odd <= 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """More than 5% control bytes in the first 4 KiB: not a text file."""
    sample = data[:4096]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > 0.05


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii", "replace")).name
    except LookupError:
        return None
    return None if name == "utf-8" else name
