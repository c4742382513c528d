"""Reading one corpus file into articles: bytes, gzip, decoding, format dispatch.

Every way a file can be unusable ends as one :class:`IngestError` naming the file, so
the indexer can report it and go on; nothing else escapes for bad input.
"""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from searchlib.article import Article
from searchlib.errors import IngestError
from searchlib.ingest.build import build_article
from searchlib.ingest.decode import decode_bytes
from searchlib.ingest.files import format_suffix
from searchlib.ingest.folders import folder_source
from searchlib.ingest.textfile import split_header

#: Refuse to inflate a .gz past this size (a decompression bomb is not a press release).
MAX_INFLATED = 512 * 1024 * 1024
#: Largest single article (a .txt/.md/.html file, or one JSONL line) read, in bytes: press
#: releases are kilobytes; a 50 MB "article" is a log or a dump, and would take minutes and
#: gigabytes to analyse. JSONL files as a whole may be larger (they hold many articles).
MAX_ARTICLE = 16 * 1024 * 1024
_TOO_LARGE_HINT = "split it into articles, or make it a .jsonl file with one article per line"


@dataclass
class FileResult:
    """The articles read from one file, per-line problems (JSONL) and non-fatal notes."""

    articles: list[Article] = field(default_factory=list)
    problems: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_file(path: Path, display_path: str | None = None) -> FileResult:
    """Read ``path``; ``display_path`` (default ``str(path)``) names it in articles, ids
    and errors. Raises :class:`IngestError` when the whole file is unusable."""
    where = display_path if display_path is not None else str(path)
    suffix = format_suffix(path)
    if suffix is None:
        raise IngestError(where, "unsupported file type",
                          hint="supported: .txt .md .html .htm .jsonl, each optionally .gz")
    single = not suffix.startswith(".jsonl")
    data = _read_bytes(Path(path), where, MAX_ARTICLE if single and not suffix.endswith(".gz") else None)
    if suffix.endswith(".gz"):
        data = _gunzip(data, where, MAX_ARTICLE if single else MAX_INFLATED)
        suffix = suffix[:-3]
    if single and len(data) > MAX_ARTICLE:
        raise IngestError(where, _too_large(len(data)), hint=_TOO_LARGE_HINT)
    if not data.strip():
        raise IngestError(where, "empty file")
    html = suffix in (".html", ".htm")
    # JSONL records and HTML extracts are normalised piece by piece (cheaper than the
    # whole file: most of a page's bytes are markup that is thrown away).
    text, warnings = decode_bytes(data, where, html=html, normal=suffix not in (".jsonl", ".html", ".htm"))
    if not text.strip():
        raise IngestError(where, "empty file")
    try:
        result = _dispatch(text, suffix, where, folder_source(path))
    except RecursionError:
        raise IngestError(where, "structure nested too deeply to read") from None
    result.warnings[:0] = [f"{where}: {w}" for w in warnings]
    return result


def _too_large(size: int) -> str:
    return f"too large for one article ({size / 2**20:.1f} MiB; the limit is {MAX_ARTICLE >> 20} MiB)"


def _read_bytes(path: Path, where: str, limit: int | None) -> bytes:
    """The file's bytes; ``limit`` refuses a larger file before reading it."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a FIFO or device would block
            raise IngestError(where, "is a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file")
        if limit is not None and st.st_size > limit:
            raise IngestError(where, _too_large(st.st_size), hint=_TOO_LARGE_HINT)
        with open(path, "rb") as fh:
            return fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError:
        reason = "file vanished or is a dangling link"
        raise IngestError(where, reason) from None
    except PermissionError:
        raise IngestError(where, "permission denied", hint="check the file's read permission") from None
    except IsADirectoryError:
        raise IngestError(where, "is a directory") from None
    except OSError as exc:
        raise IngestError(where, f"cannot read file ({exc.strerror or exc})") from None


def _gunzip(data: bytes, where: str, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            inflated = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error, ValueError):
        raise IngestError(where, "truncated or corrupt gzip data") from None
    if len(inflated) > limit:
        raise IngestError(where, f"inflates to more than {limit >> 20} MiB", hint=_TOO_LARGE_HINT)
    return inflated


def _drop_huge_lines(text: str, where: str) -> tuple[str, list[IngestError]]:
    """Blank out JSONL lines longer than :data:`MAX_ARTICLE` characters (line numbers
    stay right) and report each as a problem of its line."""
    if len(text) <= MAX_ARTICLE:
        return text, []
    lines = text.split("\n")
    problems = []
    for i, line in enumerate(lines):
        if len(line) > MAX_ARTICLE:
            problems.append(IngestError(f"{where}:{i + 1}", _too_large(len(line.encode("utf-8", "replace"))),
                                        hint=_TOO_LARGE_HINT))
            lines[i] = ""
    return ("\n".join(lines), problems) if problems else (text, [])


def _dispatch(text: str, suffix: str, where: str, folder: str | None) -> FileResult:
    """Read ``text`` by format; ``folder`` is the source a ``.source`` file names, weaker
    than a header line or JSONL field, stronger than HTML meta tags and text credits."""
    if suffix == ".jsonl":
        from searchlib.ingest.jsonl import read_jsonl

        text, huge = _drop_huge_lines(text, where)
        lines = read_jsonl(text, where, default_source=folder)
        lines.problems[:0] = huge
        if not lines.articles and lines.problems:
            first = lines.problems[0]
            raise IngestError(where, f"no usable line ({len(lines.problems)} broken; first: {first.message})")
        if not lines.articles:
            raise IngestError(where, "empty file")
        return FileResult(lines.articles, lines.problems, lines.warnings)
    if suffix in (".html", ".htm"):
        from searchlib.ingest.html import extract_html

        body, meta = extract_html(text, where)
        if folder:
            meta["source"] = folder
        article, notes = build_article(body, path=where, article_id=where, meta=meta, headline_first_line=False)
    else:
        meta, body = split_header(text)
        if folder and not meta.get("source"):
            meta["source"] = folder
        article_id = where
        article, notes = build_article(body, path=where, article_id=article_id, meta=meta)
    return FileResult([article], [], [f"{where}: {n}" for n in notes])
