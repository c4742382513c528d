"""Unusable input: every failure is one IngestError naming the file, never a traceback."""

from __future__ import annotations

import codecs
import gzip
import os
from pathlib import Path

import pytest

from searchlib.errors import IngestError
from searchlib.ingest import extract_file

ARTICLE = "Police seize heroin\n\nPolice in Hà Nội seized 10 kg of heroin on Monday, the ministry said.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, display: str | None = None) -> str:
    with pytest.raises(IngestError) as info:
        extract_file(path, display)
    error = info.value
    assert error.path == (display if display is not None else str(path))
    assert error.message == f"{error.path}: {error.reason}"
    return error.reason


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""), ("blank.md", b"  \n\t\n \r\n"), ("empty.jsonl", b"\n\n"), ("empty.html", b""),
    ("bom-only.txt", codecs.BOM_UTF8 + b"  \n"), ("empty.txt.gz", gzip.compress(b"")),
])
def test_empty_files(tmp_path: Path, name: str, data: bytes) -> None:
    assert reason(write(tmp_path, name, data)) == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert reason(write(tmp_path, "photo.txt", png), "corpus/photo.txt") == "binary file, not text"
    assert reason(write(tmp_path, "ctl.txt", b"\x01\x02\x03\x04abc" * 50)) == "binary file, not text"


def test_invalid_utf8_falls_back_to_windows_1252_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", ARTICLE.replace("Hà Nội", "Hanoi").encode("ascii") + b"Caf\xe9 \x93ok\x94\n")
    result = extract_file(path, "latin.txt")
    assert result.warnings == ["latin.txt: not valid UTF-8; decoded as Windows-1252"]
    assert result.articles[0].body.endswith("Café “ok”")


def test_utf16_without_bom_and_utf32_with_bom(tmp_path: Path) -> None:
    (article,) = extract_file(write(tmp_path, "le.txt", ARTICLE.encode("utf-16-le"))).articles
    assert article.title == "Police seize heroin" and "Hà Nội" in article.body
    (article,) = extract_file(write(tmp_path, "be.txt", ARTICLE.encode("utf-32"))).articles
    assert article.title == "Police seize heroin"


def test_html_declared_charset(tmp_path: Path) -> None:
    body = "<p>Công an Hà Nội bắt giữ đường dây ma túy lớn, thu giữ 10 kg heroin.</p>"
    # Plainly valid UTF-8 wins over a wrong declaration: no mojibake.
    wrong = f"<html><head><meta charset='iso-8859-1'></head><body>{body}</body></html>".encode()
    result = extract_file(write(tmp_path, "wrong.html", wrong))
    assert "Hà Nội" in result.articles[0].body and result.warnings == []
    # A real legacy page: the declared charset decodes it.
    legacy = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'></head>" \
             f"<body><p>Cong an Ha Noi bat giu duong day ma tuy lon, thu giu 10 kg heroin.</p></body></html>"
    data = legacy.encode("cp1258")[:-len("</p></body></html>")] + "Đà".encode("cp1258") + b"</p></body></html>"
    (article,) = extract_file(write(tmp_path, "legacy.html", data)).articles
    assert article.body.endswith("heroin.Đà")


def test_truncated_and_corrupt_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(ARTICLE.encode() * 50)
    assert reason(write(tmp_path, "cut.txt.gz", packed[: len(packed) // 2])) == "truncated or corrupt gzip data"
    assert reason(write(tmp_path, "junk.jsonl.gz", b"this is not gzip at all")) == "truncated or corrupt gzip data"
    bad_crc = packed[:-8] + b"\x00\x00\x00\x00" + packed[-4:]
    assert reason(write(tmp_path, "crc.md.gz", bad_crc)) == "truncated or corrupt gzip data"


def test_vanished_file_and_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    assert "vanished" in reason(link)
    assert "vanished" in reason(tmp_path / "never-existed.md")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        assert reason(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_directory_and_unsupported_suffix(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    assert reason(tmp_path / "dir.txt") == "is a directory"
    assert reason(write(tmp_path, "notes.pdf", ARTICLE)) == "unsupported file type"


def test_no_text_after_cleaning(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "chrome.txt", "Print\nChia sẻ\nFacebook\n00:00\n1 photo.jpg\n")) == \
        "no article text after cleaning"
    page = "<html><head><title>Only a title</title><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"
    assert reason(write(tmp_path, "nothing.html", page)) == "no article text after cleaning"


def test_html_garbage_and_deep_nesting(tmp_path: Path) -> None:
    junk = "<<<>>><p <div </ /> &&&# <html><body><p>Still readable police news text here.</p>"
    (article,) = extract_file(write(tmp_path, "junk.html", junk)).articles
    assert "Still readable police news text here." in article.body
    deep = "<html><body>" + "<div>" * 5000 + "<p>Deeply nested article about border security.</p>" \
        + "</div>" * 5000 + "</body></html>"
    (article,) = extract_file(write(tmp_path, "deep.html", deep)).articles
    assert "Deeply nested article about border security." in article.body


def test_jsonl_all_lines_broken_is_a_file_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.jsonl", "{oops\n[1]\n\"just a string\"\n")
    assert reason(path, "bad.jsonl").startswith("no usable line (3 broken; first: bad.jsonl:1: invalid JSON")


def test_jsonl_line_problems_do_not_stop_the_file(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = [deep, '{"id": "ok", "text": "Police seized 10 kg of heroin in Hà Nội on Monday."}',
             '{"id": "x", "text": 42}', '{"id": "y", "text": "Print\\nChia sẻ"}', '{"id": "z", "body": "Ok."}']
    result = extract_file(write(tmp_path, "mixed.jsonl", "\n".join(lines)), "mixed.jsonl")
    assert [a.id for a in result.articles] == ["ok", "z"]
    assert [(p.path, p.reason.split(" (")[0]) for p in result.problems] == [
        ("mixed.jsonl:1", "invalid JSON"),
        ("mixed.jsonl:3", "no article text"),
        ("mixed.jsonl:4", "no article text after cleaning")]


def test_jsonl_odd_metadata_values_are_tolerated(tmp_path: Path) -> None:
    line = ('{"id": null, "text": "Police seized heroin in Hà Nội.", "date": 20250101, "people": "To Lam, ",'
            ' "topics": ["drugs", 3], "source": ["x"], "lang": "Vietnamese", "title": {"a": 1}}')
    result = extract_file(write(tmp_path, "odd.jsonl", line), "odd.jsonl")
    (article,) = result.articles
    assert article.id == "odd.jsonl#1"
    assert article.people == ["Tô Lâm"] and article.topics == ["drug crime", "3"]
    assert article.source is None and article.lang == "vi" and article.date is None
    assert result.warnings == ["odd.jsonl:1: date 20250101 is not a full date; using the text instead"]
