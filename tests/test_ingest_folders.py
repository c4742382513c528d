"""Sources named by folder (.source files) and their priority against other metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searchlib.ingest import extract_file, iter_source_files
from searchlib.ingest.folders import folder_source, forget_folder_sources

TEXT = "Police in Hà Nội arrested three suspects in a drug trafficking ring on Friday.\n"
PAGE = ("<html><head><meta property='og:site_name' content='Tin Nhanh 24h'></head><body><article><p>"
        + TEXT * 3 + "</p></article></body></html>")


@pytest.fixture(autouse=True)
def fresh_cache():
    forget_folder_sources()
    yield
    forget_folder_sources()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_source_file_names_the_directory(tmp_path: Path) -> None:
    write(tmp_path / "vna" / ".source", "")
    article = write(tmp_path / "vna" / "2025" / "a.txt", TEXT)
    assert extract_file(article).articles[0].source == "VNA"  # "vna" through the outlet table
    write(tmp_path / "my-feeds" / ".source", "\n")
    other = write(tmp_path / "my-feeds" / "b.txt", TEXT)
    assert extract_file(other).articles[0].source == "my-feeds"  # unknown outlets keep their name


def test_named_source_and_a_deeper_override(tmp_path: Path) -> None:
    write(tmp_path / "press" / ".source", "Thông tấn xã Việt Nam\n")
    write(tmp_path / "press" / "police" / ".source", "\ufeffBáo Công an Nhân dân\n")
    assert folder_source(write(tmp_path / "press" / "x.txt", TEXT)) == "VNA"
    assert folder_source(write(tmp_path / "press" / "police" / "deep" / "y.txt", TEXT)) == "CAND"
    assert folder_source(write(tmp_path / "elsewhere" / "z.txt", TEXT)) is None


def test_priority_header_then_folder_then_meta_then_credit(tmp_path: Path) -> None:
    write(tmp_path / ".source", "VGP")
    header = write(tmp_path / "h.txt", "source: CAND\n\n" + TEXT)
    assert extract_file(header).articles[0].source == "CAND"
    credited = write(tmp_path / "c.txt", "Hanoi (VNA) – " + TEXT)
    assert extract_file(credited).articles[0].source == "VGP"
    page = write(tmp_path / "p.html", PAGE)
    assert extract_file(page).articles[0].source == "VGP"  # beats og:site_name
    records = [{"id": "1", "body": TEXT, "source": "VNS"}, {"id": "2", "body": TEXT}]
    feed = write(tmp_path / "f.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    assert [a.source for a in extract_file(feed).articles] == ["VNS", "VGP"]


def test_without_source_files_nothing_changes(tmp_path: Path) -> None:
    page = write(tmp_path / "p.html", PAGE)
    assert extract_file(page).articles[0].source == "Tin Nhanh 24h"


def test_the_source_file_is_not_an_article(tmp_path: Path) -> None:
    write(tmp_path / "vna" / ".source", "")
    write(tmp_path / "vna" / "a.txt", TEXT)
    assert [p.name for p in iter_source_files([tmp_path])] == ["a.txt"]


def test_lookups_are_cached_per_directory(tmp_path: Path) -> None:
    write(tmp_path / ".source", "VNA")
    article = write(tmp_path / "a.txt", TEXT)
    assert folder_source(article) == "VNA"
    (tmp_path / ".source").write_text("VGP", encoding="utf-8")
    assert folder_source(article) == "VNA"  # cached: a rebuild is needed after editing .source
    forget_folder_sources()
    assert folder_source(article) == "VGP"
