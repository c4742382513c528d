"""Fuzzing the two doors where untrusted text comes in: queries and corpus files.

Hypothesis generates queries (any text, and text built from the query language's own pieces
so it reaches deep into the parser), filter values, and file contents for every suffix
(random bytes, text in several encodings, HTML-ish and JSONL-ish documents, gzip of those).
The rule checked: the only exceptions that escape are the library's documented errors
(``QueryError`` for queries, ``IngestError`` for files), never a crash.

CI runs a bounded, derandomised number of examples (deterministic); set
``SEARCHDOCS_FUZZ_EXAMPLES`` (e.g. 50000) for a longer local run with fresh randomness.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchlib.errors import IngestError, QueryError, SearchdocsError
from searchlib.ingest import extract_file
from searchlib.ingest.files import SUPPORTED_SUFFIXES
from searchlib.query import parse_query

LONG = int(os.environ.get("SEARCHDOCS_FUZZ_EXAMPLES", "0"))


def fuzz(ci_examples: int):
    """Settings: ``ci_examples`` derandomised examples in CI, or the long run's number."""
    return settings(max_examples=LONG or ci_examples, derandomize=not LONG, deadline=None,
                    database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


# -- queries ----------------------------------------------------------------------------------
WORDS = ["to", "lam", "Lương", "tam", "quang", "hà", "nội", "Việt", "Nam", "drug", "trafficking", "a",
         "Covid-19", "15/8", "TP.HCM", "đường", "x", "1", "2024", "*", "?", "~", "^2", "\\", "'", '"', "ǅ",
         "\u0301", "\u200b", "İ", "ﬁ", "ß", "🙂", "\x00", "\ud800"]
PIECES = ["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "(", ")", '"', "-", "+", ":", "*", "[", "]", "{", "}",
          "TO", "title:", "body:", "person:", "source:", "topic:", "lang:", "year:", "date:", "id:",
          "foo:", "date:[2024-01 TO", "2024-06]", "year:>2020", "date:<2025", "^", "~2", "'", "/", "\\"]
query_text = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PIECES), st.text(max_size=6)),
             max_size=14).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PIECES)), max_size=14).map("".join),
)
filter_value = st.one_of(st.none(), st.text(max_size=20),
                         st.sampled_from(["2024", "2024-06", "2024-02-30", "0000", "9999-99", "-1", "vna", "to lam",
                                          "drug crime", "vi", "en", "", " ", "*", "[a TO b]"]))


@fuzz(2000)
@given(text=query_text, lenient=st.booleans(), match=st.sampled_from(["all", "any"]))
def test_parse_query_raises_only_query_errors(text, lenient, match):
    try:
        parse_query(text, lenient=lenient, match=match)
    except QueryError as err:
        assert not lenient, f"lenient parsing raised {err.message!r}"
        assert err.message and "\n" not in err.message


@pytest.fixture(scope="module")
def fuzz_index(seed_index):
    return seed_index


@fuzz(600)
@given(text=query_text, since=filter_value, until=filter_value, source=filter_value, person=filter_value,
       topic=filter_value, lang=filter_value, sort=st.sampled_from(["relevance", "newest", "oldest"]),
       limit=st.integers(0, 12), page=st.integers(1, 4), lenient=st.booleans(),
       match=st.sampled_from(["all", "any"]))
def test_search_gives_results_or_a_query_error(fuzz_index, text, since, until, source, person, topic, lang,
                                               sort, limit, page, lenient, match):
    try:
        results = fuzz_index.search(text, since=since, until=until, source=source, person=person, topic=topic,
                                    lang=lang, sort=sort, limit=limit, page=page, lenient=lenient, match=match)
    except QueryError:
        return
    except SearchdocsError as err:  # a healthy index: anything else is a bug
        raise AssertionError(f"unexpected {type(err).__name__}: {err}") from err
    assert 0 <= len(results.hits) <= (limit or results.total) and results.total <= 5
    json.dumps(results.to_dict(), ensure_ascii=False)


def test_lenient_search_never_fails_on_syntax(fuzz_index):
    for text in ['"unclosed', "(", ")", "AND", "foo:bar", "a*", "date:[x TO", "-", "OR OR", "title:", "\\"]:
        fuzz_index.search(text, lenient=True)


# -- files ------------------------------------------------------------------------------------
ARTICLE_WORDS = ["Police", "in", "Hà", "Nội", "seized", "heroin", "Bộ", "Công", "an", "ngày", "15/9/2025", "VNA",
                 "Minister", "Tô", "Lâm", "said", ".", ",", "\n", "\n\n", "title:", "date:", "source:", "(VNA)",
                 "—", "Print", "00:00", "photo.jpg", "\t", "\r\n", "\x1b[31m", "\u200b", "\ufeff"]
texts = st.one_of(st.text(max_size=300),
                  st.lists(st.sampled_from(ARTICLE_WORDS), max_size=80).map(" ".join))
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
                             "cp1258", "latin-1"])


@st.composite
def encoded_text(draw) -> bytes:
    return draw(texts).encode(draw(encodings), errors="replace")


TAGS = ["html", "head", "body", "title", "meta", "script", "style", "nav", "footer", "article", "p", "div",
        "h1", "time", "a", "br", "!--", "![CDATA[", "svg", "table", "td", "noscript", "template"]
ATTRS = ['', ' charset="cp1258"', ' charset=utf-16', ' property="og:title" content="Tin"',
         ' name="date" content="2025-13-45"', ' datetime="2025-09-17"', ' class="share"', ' href="javascript:x"']


@st.composite
def html_bytes(draw) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(texts))
    depth = draw(st.integers(0, 3)) * 500
    text = "<div>" * depth + "".join(parts) + "</div>" * draw(st.integers(0, depth))
    return text.encode(draw(encodings), errors="replace")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4), max_leaves=12)
KEYS = ["id", "title", "body", "text", "content", "date", "source", "url", "people", "topics", "lang", "author"]


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.text(max_size=40)))  # a broken line
        else:
            record = draw(st.dictionaries(st.sampled_from(KEYS), json_values | texts, max_size=8))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return "\n".join(lines).encode(draw(encodings), errors="replace")


def contents_for(suffix: str):
    base = suffix.removesuffix(".gz")
    shaped = {".html": html_bytes(), ".htm": html_bytes(), ".jsonl": jsonl_bytes()}.get(base, encoded_text())
    plain = st.one_of(st.binary(max_size=600), shaped, encoded_text())
    if not suffix.endswith(".gz"):
        return plain
    return st.one_of(plain.map(gzip.compress), st.binary(max_size=200),
                     plain.map(lambda b: gzip.compress(b)[: max(1, len(b) // 2)]))


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


#: CI examples per suffix: ``.htm`` goes down the same path as ``.html``, so it gets fewer.
FILE_EXAMPLES = {".htm": 60, ".htm.gz": 60}


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_extract_file_raises_only_ingest_errors(scratch, suffix):
    @fuzz(FILE_EXAMPLES.get(suffix, 200))
    @given(data=contents_for(suffix))
    def check(data: bytes) -> None:
        path = scratch / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            result = extract_file(path, f"corpus/fuzz{suffix}")
        except IngestError as err:
            assert err.path == f"corpus/fuzz{suffix}" and err.reason
            return
        for article in result.articles:
            assert article.body.strip() and article.id
            json.dumps(article.to_dict(), ensure_ascii=False)
        for problem in result.problems:
            assert isinstance(problem, IngestError) and problem.path.startswith(f"corpus/fuzz{suffix}:")

    check()
