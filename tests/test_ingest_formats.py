"""Ingest of every format, on the real seed articles and realistic fixtures."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from searchlib.errors import CorpusNotFoundError, IngestError
from searchlib.ingest import SUPPORTED_SUFFIXES, FileResult, extract, extract_file, extract_text, iter_source_files
from searchlib.ingest.sources import load_sources

CORPUS = Path(__file__).parent.parent / "corpus"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
DANTRI = Path("/work/shared/data/vi-news-underthesea-unc/unc_dantri.jsonl.gz")


def seed(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    result = extract_file(path)
    assert result.problems == [] and result.warnings == []
    (article,) = result.articles
    return article


SEEDS = {
    "000": dict(title="Mekong–Lancang countries committed to strengthening cooperation in security and law enforcement",
                date=dt.date(2025, 9, 17), source=None, author="Minh Ngan",
                # "a particular focus on combating drug-related crimes, human trafficking and online
                # fraud": items of one list, each named once, are passing mentions (as the analysts'
                # labels in tests/fixtures/labelled and heldout treat them)
                topics=["law-enforcement cooperation"]),
    "001": dict(title="Minister of Public Security Lương Tam Quang held phone talks with his Chinese counterpart "
                      "Wang Xiaohong…",
                date=dt.date(2025, 8, 19), source="VNS", author=None,
                topics=["law-enforcement cooperation", "illegal migration"]),
    "002": dict(title="Vietnamese, Lao public security ministries tighten cooperation",
                date=dt.date(2022, 10, 25), source="VNA", author=None,
                # "anti-terrorism exercises"; "border areas" and "borderline" only name places
                # (no evidence by the labelling guide); crimes otherwise only in lists
                topics=["law-enforcement cooperation", "terrorism"]),
    "003": dict(title="In his opening remarks at the Conference, General Vilay Lakhamphong, Member of the Political "
                      "Bureau, Deputy…",
                date=None, source=None, author=None, topics=["law-enforcement cooperation"]),
    "004": dict(title="Vietnamese, Chinese Ministers of Public Security hold talks", date=None, source="VGP",
                author=None,
                topics=["law-enforcement cooperation"]),  # two laundry lists of crimes
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_metadata(prefix: str) -> None:
    article = seed(prefix)
    expected = SEEDS[prefix]
    assert article.title == expected["title"]
    assert len(article.title) <= 111
    assert article.date == expected["date"]
    assert article.source == expected["source"]
    assert article.author == expected["author"]
    assert article.topics == expected["topics"]
    assert article.lang == "en"
    assert article.id == article.path == str(next(CORPUS.glob(f"{prefix}_*.txt")))
    assert unicodedata.is_normalized("NFC", article.body)


def test_seed_headline_is_removed_from_body_but_derived_title_keeps_its_sentence() -> None:
    assert not seed("000").body.startswith("Mekong–Lancang countries committed")
    assert not seed("002").body.startswith("Vietnamese, Lao public security")
    assert seed("001").body.startswith("HÀ NỘI — Minister of Public Security Lương Tam Quang held phone talks")
    assert seed("003").body.startswith("Heads of delegations attending the Conference")  # caption kept in body


@pytest.mark.parametrize("junk", ["Print", "Chia sẻFacebook", "Comment (0)", "00:00", "1 mklc.jpg", "![]()",
                                  "By Minh Ngan"])
def test_seed_boilerplate_is_gone(junk: str) -> None:
    for prefix in SEEDS:
        assert junk not in seed(prefix).body


def test_seed_keeps_captions_credits_and_end_marks() -> None:
    assert "Head delegates join group photo." in seed("000").body
    assert "17/09/2025" in seed("000").body
    body3 = seed("003").body
    assert "in particular.\n" in body3 and "|" not in body3
    assert "(Photo: HAI TIEN)" in body3
    assert seed("001").body.endswith("Crime Prevention and Combat. VNA/VNS")
    assert seed("002").body.endswith("in 2023./.")
    # The caption glued to the dateline is split off onto its own line.
    assert "(Photo: VNA)\nHanoi (VNA) – Vietnamese Minister" in seed("002").body
    assert "\n\n\n" not in seed("000").body


def test_display_path_names_the_article(tmp_path: Path) -> None:
    src = next(CORPUS.glob("002_*.txt"))
    result = extract_file(src, display_path="corpus/seed-002.txt")
    assert isinstance(result, FileResult)
    assert result.articles[0].id == result.articles[0].path == "corpus/seed-002.txt"


# --- HTML ---------------------------------------------------------------------------

def html_article():
    (article,) = extract_file(FIXTURES / "mps_article.html").articles
    return article


def test_html_metadata() -> None:
    article = html_article()
    assert article.title == "Viet Nam, Cambodia step up joint fight against online fraud"
    assert article.date == dt.date(2025, 9, 15)
    assert article.source == "MPS"  # og:site_name "Ministry of Public Security of Viet Nam"
    assert article.url == "https://en.bocongan.gov.vn/international-cooperation/viet-nam-cambodia-online-fraud-t1234.html"
    assert article.author == "Thu Hien"
    assert article.people == ["Lê Quốc Hùng", "Sar Sokha"]
    # "handed over 37 fugitives wanted in Viet Nam" and, among the measures agreed, "exchange lists
    # of wanted suspects every quarter": a chase the talks develop
    assert article.topics == ["online and telecom fraud", "fugitives and extradition", "law-enforcement cooperation"]
    assert article.lang == "en"


def test_html_body_keeps_the_article_and_drops_the_chrome() -> None:
    body = html_article().body
    assert body.splitlines()[0].startswith("HÀ NỘI — Deputy Minister of Public Security Senior Lieutenant General")
    for kept in ("scam compounds along the shared border.", "Joint investigations",
                 "exchange lists of wanted suspects every quarter;", "“No safe haven will be left",
                 "lured into online fraud schemes"):
        assert kept in body
    for dropped in ("cookies", "Accept all", "Home", "International cooperation", "Share", "Facebook", "Print",
                    "Tags:", "Comments (2)", "Great news for families", "Related news", "Lương Tam Quang",
                    "Most read", "Subscribe", "©", "Back to top", "dataLayer", "ad slot", "(Photo:",
                    "By Thu Hien", "Viet Nam, Cambodia step up joint fight"):
        assert dropped not in body, dropped
    assert "\n\n" in body  # paragraphs separated by blank lines


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_html_title_falls_back_to_title_tag_then_h1(tmp_path: Path) -> None:
    body = "<p>" + "Police in Đà Nẵng arrested three suspects in a drug trafficking ring on Friday. " * 3 + "</p>"
    page = write(tmp_path, "a.html", f"<html><head><title>Đà Nẵng police bust drug ring | Báo Nhân Dân</title>"
                                     f"</head><body><div>{body}</div></body></html>")
    assert extract_file(page).articles[0].title == "Đà Nẵng police bust drug ring"
    page = write(tmp_path, "b.htm", f"<html><body><h1>Police bust drug ring</h1><div>{body}</div></body></html>")
    assert extract_file(page).articles[0].title == "Police bust drug ring"


def test_html_date_from_time_element_and_json_ld(tmp_path: Path) -> None:
    text = "<p>" + "The ministry announced the results of the campaign against smuggling. " * 3 + "</p>"
    page = write(tmp_path, "t.html", f"<html><body><article><time datetime='2024-02-29'>hôm qua</time>{text}"
                                     "</article></body></html>")
    assert extract_file(page).articles[0].date == dt.date(2024, 2, 29)
    page = write(tmp_path, "j.html", "<html><head><script type='application/ld+json'>"
                                     '{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-05-04T10:00:00Z"}]}'
                                     f"</script></head><body>{text}</body></html>")
    assert extract_file(page).articles[0].date == dt.date(2023, 5, 4)


def test_html_without_markup_for_the_article_uses_the_densest_block(tmp_path: Path) -> None:
    story = "".join(f"<p>Paragraph {i} of the story about border security cooperation.</p>" for i in range(5))
    links = "".join(f"<p><a href='/{i}'>Link number {i} to another page of the site</a></p>" for i in range(8))
    page = write(tmp_path, "d.html", f"<html><body><div id='x'>{links}</div><div id='y'>{story}</div></body></html>")
    body = extract_file(page).articles[0].body
    assert "Paragraph 0" in body and "Paragraph 4" in body and "Link number" not in body


def test_html_div_text_with_br_becomes_paragraphs(tmp_path: Path) -> None:
    page = write(tmp_path, "br.html", "<html><body><article>Dòng thứ nhất của bài viết về an ninh mạng.<br>"
                                      "Dòng thứ hai của bài viết.<br><br>Dòng thứ ba.</article></body></html>")
    assert extract_file(page).articles[0].body.split("\n\n") == [
        "Dòng thứ nhất của bài viết về an ninh mạng.", "Dòng thứ hai của bài viết.", "Dòng thứ ba."]


# --- JSONL ----------------------------------------------------------------------------

def test_jsonl_reads_good_lines_and_reports_broken_ones() -> None:
    path = FIXTURES / "batch.jsonl"
    result = extract_file(path, display_path="batch.jsonl")
    assert [a.id for a in result.articles] == ["mps-2025-0001", "batch.jsonl#2", "42"]
    assert [p.path for p in result.problems] == ["batch.jsonl:3", "batch.jsonl:5", "batch.jsonl:6"]
    assert all(isinstance(p, IngestError) for p in result.problems)
    assert "invalid JSON" in result.problems[0].reason
    assert "expected a JSON object" in result.problems[1].reason
    assert "no article text" in result.problems[2].reason
    assert result.warnings == ["batch.jsonl:2: date '2025-10' is not a full date; using the text instead"]


def test_jsonl_given_metadata_wins_and_is_canonicalised() -> None:
    first, second, third = extract_file(FIXTURES / "batch.jsonl").articles
    assert first.title == "Vietnam, Laos sign 2026 cooperation plan"
    assert first.date == dt.date(2025, 12, 1)
    assert first.source == "VNA"  # vietnamplus.vn is a VNA outlet
    assert first.people == ["Lương Tam Quang", "Vilay Lakhamphong"]
    assert first.topics == ["law-enforcement cooperation", "border security"]
    assert first.author == "Lan Anh" and first.url == "https://en.vietnamplus.vn/x.vnp"
    # Missing fields are extracted: headline first line, body date after a partial given date.
    assert second.title == "Police dismantle telecom fraud ring"
    assert second.date == dt.date(2025, 10, 17)
    assert second.topics == ["online and telecom fraud"]
    assert second.people == []
    assert third.lang == "vi" and third.people == ["Lê Quốc Hùng"] and third.date == dt.date(2025, 9, 20)
    assert third.title.endswith("…") and len(third.title) <= 111


# --- gzip, encodings -------------------------------------------------------------------

def test_gzip_dispatches_on_the_inner_suffix(tmp_path: Path) -> None:
    (article,) = extract_file(FIXTURES / "laos_brief.md.gz").articles
    assert article.title == "Lao police hand over fugitives wanted in Viet Nam"
    assert article.date == dt.date(2025, 6, 3) and article.source == "KPL"
    # "escorted to the Nậm Cắn border gate" names a place, not border security (a weak phrase);
    # "wanted ... for fraud and money laundering" is their charge sheet, not the subject; a
    # handover by the Lao police at Việt Nam's request is cooperation (the guide; the analysts
    # labelled heldout3/z02, "Laos hands over three Vietnamese fugitives", the same way)
    assert article.topics == ["fugitives and extradition", "law-enforcement cooperation"]
    packed = tmp_path / "batch.jsonl.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "batch.jsonl").read_bytes()))
    result = extract_file(packed)
    assert [a.id for a in result.articles] == ["mps-2025-0001", f"{packed}#2", "42"]
    assert len(result.problems) == 3


def test_nfd_file_is_stored_nfc() -> None:
    raw = (FIXTURES / "nfd_article.txt").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw)
    (article,) = extract_file(FIXTURES / "nfd_article.txt").articles
    assert unicodedata.is_normalized("NFC", article.title + article.body)
    assert article.title == "Tô Lâm tiếp Bộ trưởng Bộ Công an Lào"
    assert article.people == ["Tô Lâm", "Vilay Lakhamphong"]
    assert article.date == dt.date(2023, 8, 10) and article.lang == "vi"


def test_windows_1252_file_is_decoded_with_a_warning() -> None:
    result = extract_file(FIXTURES / "cp1252_article.txt", display_path="cp.txt")
    assert result.warnings == ["cp.txt: not valid UTF-8; decoded as Windows-1252"]
    (article,) = result.articles
    assert article.title == "Police warn of “safe account” scams"
    assert article.body.startswith("HANOI — Police in Hanoi")
    assert article.date == dt.date(2024, 3, 12)  # 12/03/2024 is day first


def test_utf16_file_with_bom() -> None:
    (article,) = extract_file(FIXTURES / "utf16_article.txt").articles
    assert article.title == "Quảng Ninh border guards seize smuggled goods"
    # The labelling guide: a seizure at a border gate, by border guards, is not border
    # security by itself (a place and an actor are no evidence).
    assert article.topics == ["smuggling"]


def test_vietnamese_text_file_with_header() -> None:
    (article,) = extract_file(FIXTURES / "vi_article.txt").articles
    assert article.title == "Bộ Công an Việt Nam và Lào tăng cường hợp tác phòng, chống tội phạm ma túy"
    assert article.source == "CAND"  # "Báo Công an Nhân dân"
    assert article.url == "https://cand.com.vn/thoi-su/hop-tac-phong-chong-ma-tuy-i780001/"
    assert article.date == dt.date(2025, 9, 15)  # "Thứ Hai, 15/9/2025 14:35"
    assert article.author == "Minh Châu"  # "Bài và ảnh: Minh Châu"
    assert article.people == ["Nguyễn Văn Long", "Khamla Sengsavang", "Lương Tam Quang"]
    assert article.topics == ["law-enforcement cooperation", "drug crime", "human trafficking"]
    assert article.lang == "vi"
    for junk in ("Chia sẻ", "Facebook", "tiep-doan.jpg", "Bình luận", "Bài và ảnh"):
        assert junk not in article.body
    assert "Quang cảnh buổi tiếp. Ảnh: Bộ Công an" in article.body


# --- finding files, extract(), extract_text() -------------------------------------------

def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".jsonl", ".txt.gz", ".md.gz", ".html.gz",
                                       ".htm.gz", ".jsonl.gz"}


def test_iter_source_files(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/10.md", "a.html", "c.jsonl.gz", ".hidden.txt", ".git/x.txt", "notes.pdf",
                 "d/e/f.HTM", "x.tar.gz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "linked.txt").write_text("x")
    os.symlink(outside, tmp_path / "link")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path])]
    assert found == ["a.html", "b/10.md", "b/2.txt", "c.jsonl.gz", "d/e/f.HTM"]
    assert list(iter_source_files([tmp_path / "a.html", tmp_path / "a.html", tmp_path / "notes.pdf"])) == [
        tmp_path / "a.html"]
    with pytest.raises(CorpusNotFoundError) as info:
        list(iter_source_files([tmp_path / "missing"]))
    assert "no such file or directory" in info.value.message and info.value.hint


def test_iter_source_files_orders_by_path_components(tmp_path: Path) -> None:
    """A subdirectory's files come where its name sorts among its siblings ("a" < "a-b.txt" <
    "a.txt"), given roots are walked once however they are spelled, files keep their order."""
    for name in ("a.txt", "a/x.txt", "a-b.txt", "a.txt.d/y.md", "a/b/a.txt", "B/q.jsonl", "Z.txt", "b c/w.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path])]
    assert found == ["B/q.jsonl", "Z.txt", "a/b/a.txt", "a/x.txt", "a-b.txt", "a.txt", "a.txt.d/y.md", "b c/w.txt"]
    again = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path / "a", f"{tmp_path}/", tmp_path])]
    assert again == ["a/b/a.txt", "a/x.txt", "B/q.jsonl", "Z.txt", "a-b.txt", "a.txt", "a.txt.d/y.md", "b c/w.txt"]


def test_extract_directory_skips_bad_files_but_a_bad_file_given_directly_raises(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Police seize drugs\n\nPolice in Hà Nội seized 10 kg of heroin.\n")
    (tmp_path / "empty.txt").write_text("")
    articles = extract(tmp_path)
    assert [a.title for a in articles] == ["Police seize drugs"]
    with pytest.raises(IngestError):
        extract(tmp_path / "empty.txt")
    assert extract(str(tmp_path / "good.txt"))[0].body == "Police in Hà Nội seized 10 kg of heroin."


def test_extract_text_given_metadata_wins() -> None:
    text = "HÀ NỘI — Deputy Minister Nguyễn Văn Long met Ambassador Marc Knapper on 15/9/2025.\nPrint"
    article = extract_text(text, title="Talks", date="2025-09-16", source="Viet Nam News", lang="en", id="x1")
    assert (article.id, article.path, article.title, article.date, article.source) == (
        "x1", "<text>", "Talks", dt.date(2025, 9, 16), "VNS")
    assert article.people == ["Nguyễn Văn Long", "Marc Knapper"]
    assert article.body.endswith("15/9/2025.")
    bare = extract_text(text)
    assert bare.id == "<text>" and bare.date == dt.date(2025, 9, 15) and bare.source is None
    assert bare.title.startswith("Deputy Minister Nguyễn Văn Long met Ambassador Marc Knapper")


@pytest.mark.skipif(not DANTRI.exists(), reason=f"{DANTRI} not present (shared Vietnamese news data set)")
def test_dantri_jsonl_is_all_vietnamese_nfc() -> None:
    result = extract_file(DANTRI)
    assert result.problems == []
    assert len(result.articles) == 2653
    assert all(unicodedata.is_normalized("NFC", a.title + a.body) for a in result.articles)
    assert all(a.lang == "vi" for a in result.articles)
    assert all(a.date is not None for a in result.articles)
    # the site given ("dantri.com.vn") is the source, unless the story closes crediting another
    # outlet with all of it ("Theo Reuters" under a world story: 60 of them)
    others = [a for a in result.articles if a.source != "Dân Trí"]
    assert 0 < len(others) < 100
    table = load_sources()
    assert all(table.lookup(a.source) == a.source for a in others)
    with gzip.open(DANTRI, "rt", encoding="utf-8") as lines:
        raw = {row["id"]: row["text"] for row in map(json.loads, lines)}
    for article in others:  # each one's last credit line names the outlet it got
        credits = re.findall(r"^(?:Theo|Nguồn:?)\s+(.+?)\s*$", raw[article.id], re.M)
        assert credits and table.lookup(credits[-1]) == article.source, article.id
    assert len({a.id for a in result.articles}) == 2653


def test_html_libraries_are_imported_only_for_html_files() -> None:
    code = ("import sys; from pathlib import Path; from searchlib.ingest import extract_file; "
            f"extract_file(Path({str(next(CORPUS.glob('000_*.txt')))!r})); "
            "print(sorted(m for m in ('bs4', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]" and out.stderr == ""


# --- text files copied from sites (forms heldout5 showed) -----------------------------------

def test_vietnamese_header_lines_give_title_date_and_source(tmp_path: Path) -> None:
    path = tmp_path / "khoi_to.txt"
    path.write_text("Tiêu đề: Khởi tố 9 bị can trong vụ án nhận hối lộ tại một ngân hàng\n"
                    "Ngày đăng: ngày 24 tháng 9 năm 2025\n"
                    "Nguồn: Cổng Thông tin điện tử Bộ Công an\n"
                    "Chuyên mục: Tin tức - Sự kiện / An ninh trật tự\n\n"
                    "Ngày 23/9, Cơ quan Cảnh sát điều tra Bộ Công an cho biết đã ra quyết định khởi tố vụ án.\n",
                    encoding="utf-8")
    (article,) = extract_file(path).articles
    assert article.title == "Khởi tố 9 bị can trong vụ án nhận hối lộ tại một ngân hàng"
    assert article.date == dt.date(2025, 9, 24) and article.source == "MPS"
    assert article.body.startswith("Ngày 23/9") and "Chuyên mục" not in article.body


def test_a_body_line_with_an_unknown_key_is_no_header(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Ghi chú: bài viết này được cập nhật.\nCông an tỉnh Lạng Sơn vừa bắt giữ hai đối tượng.\n",
                    encoding="utf-8")
    (article,) = extract_file(path).articles
    assert "Ghi chú" in f"{article.title}\n{article.body}"


@pytest.mark.parametrize("masthead, breadcrumb, outlet", [
    ("VIENTIANE TIMES", "", "Vientiane Times"),
    ("THE STAR", "Metro > Metro News\n", "The Star"),
])
def test_a_masthead_line_is_the_source_not_the_title(tmp_path: Path, masthead: str, breadcrumb: str,
                                                      outlet: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"{masthead}\n{breadcrumb}Imitation handbags worth RM2.3mil seized in JB raids\n"
                    "By MOHD FARHAN DARWIS\nWednesday, 28 Jan 2026 6:12 PM MYT\n\n"
                    "JOHOR BARU: Enforcement officers have seized thousands of imitation designer handbags.\n",
                    encoding="utf-8")
    (article,) = extract_file(path).articles
    assert article.title == "Imitation handbags worth RM2.3mil seized in JB raids"
    assert article.source == outlet and article.author == "MOHD FARHAN DARWIS"
    assert "By MOHD" not in article.body and "Metro >" not in article.body


def test_a_bar_credit_and_a_vietnamese_byline(tmp_path: Path) -> None:
    path = tmp_path / "tno.txt"
    path.write_text("Chặn 2 xuồng chở 18.000 gói thuốc lá ngoại vượt kênh Vĩnh Tế\n"
                    "TNO | Thứ Bảy, 21/2/2026 09:12 GMT+7\nTác giả: Trần Hữu Lợi\n\n"
                    "Lực lượng chức năng tỉnh An Giang vừa chặn bắt 2 xuồng máy chở thuốc lá ngoại. "
                    "Ông Trương Văn Bé, Đội trưởng Đội Quản lý thị trường số 4, cho biết.\n", encoding="utf-8")
    (article,) = extract_file(path).articles
    assert article.source == "Thanh Niên" and article.author == "Trần Hữu Lợi"
    assert article.date == dt.date(2026, 2, 21)
    assert "Trần Hữu Lợi" not in article.people and "Trương Văn Bé" in article.people
