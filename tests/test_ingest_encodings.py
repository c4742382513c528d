"""Bytes to text on real Vietnamese, French and English: cp1258 vs cp1252, declared
charsets that lie, UTF-16, BOMs, and NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from searchlib.ingest import extract_file
from searchlib.ingest.charsets import decode_western_or_vietnamese, vietnamese_share
from searchlib.ingest.decode import decode_bytes

LABELLED = Path(__file__).parent / "fixtures" / "labelled"
VI = ("Ngày 19/8, Công an thành phố Đà Nẵng cho biết đã bắt giữ 5 đối tượng về hành vi tổ chức cho người "
      "khác nhập cảnh trái phép vào Việt Nam. Mỗi người phải trả cho nhóm đối tượng từ 1.500 đến 2.000 USD.")
FR = ("Le ministre de l’Intérieur a annoncé mercredi une coopération renforcée avec le Viêt Nam contre la "
      "traite des êtres humains. Les enquêteurs français ont déjà identifié plusieurs réseaux à Marseille.")
PT = "A polícia não encontrou provas; as autoridades então decidiram ampliar a investigação sobre o tráfico."
EN = "The minister’s “hotline” — opened in 2024 — handles reports of fraud. Café owners welcomed it."
_SHAPES = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: precomposed in cp1258


def to_cp1258(text: str) -> bytes:
    """Encode as Windows software does: shaped vowels precomposed, tone marks combining."""
    out: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out:
            if ch in _SHAPES:
                out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + ch)
            else:
                out[-1][1] += ch
        else:
            out.append([ch, ""])
    return "".join(base + tones for base, tones in out).encode("cp1258")


def test_cp1258_vietnamese_decodes_to_nfc() -> None:
    data = to_cp1258(VI)
    assert "\u0323".encode("cp1258") in data  # tone marks really are separate bytes
    text, codec = decode_western_or_vietnamese(data)
    assert codec == "cp1258" and text == VI and unicodedata.is_normalized("NFC", text)
    mojibake = data.decode("cp1252")
    assert vietnamese_share(mojibake)[0] < 0.5 <= vietnamese_share(text)[0]


@pytest.mark.parametrize("text", [FR, PT, EN])
def test_western_text_stays_cp1252(text: str) -> None:
    assert decode_western_or_vietnamese(text.encode("cp1252")) == (text, "cp1252")


def test_text_file_in_cp1258_is_read_as_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(to_cp1258("Cảnh báo lừa đảo\n\n" + VI))
    result = extract_file(path)
    (article,) = result.articles
    assert article.body == VI and article.title == "Cảnh báo lừa đảo" and article.lang == "vi"
    assert any("Windows-1258" in w for w in result.warnings)


def test_french_cp1252_file_is_not_taken_for_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FR.encode("cp1252"))
    (article,) = extract_file(path).articles
    assert article.body == FR and article.lang == "en"  # only en/vi are told apart


def test_declared_cp1258_page_and_a_page_declared_wrongly() -> None:
    (page,) = extract_file(LABELLED / "h12_vi_cp1258.html").articles
    assert page.title == "Công an tỉnh Lạng Sơn triệt phá đường dây mua bán người sang Trung Quốc"
    assert "Trung tá Hoàng Văn Quyết" in page.body and unicodedata.is_normalized("NFC", page.body)
    (page,) = extract_file(LABELLED / "h13_en_misdeclared_charset.html").articles  # UTF-8 sent as iso-8859-1
    assert page.people == ["Đặng Hồng Đức", "Lesa Gale"] and "Ã" not in page.body + page.title


def test_cp1258_page_declared_as_cp1252_is_still_vietnamese(tmp_path: Path) -> None:
    html = (f"<html><head><meta charset='windows-1252'><title>Tin tức</title></head>"
            f"<body><p>{VI}</p></body></html>")
    path = tmp_path / "p.html"
    path.write_bytes(to_cp1258(html))
    assert extract_file(path).articles[0].body == VI


@pytest.mark.parametrize("codec, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                        ("utf-16-be", b"\xfe\xff"), ("utf-8", b"")])
def test_unicode_encodings_with_and_without_bom(codec: str, bom: bytes) -> None:
    text, warnings = decode_bytes(bom + VI.encode(codec), "x")
    assert text == VI and warnings == []


def test_nfd_text_becomes_nfc() -> None:
    text, _ = decode_bytes(unicodedata.normalize("NFD", VI).encode("utf-8"), "x")
    assert text == VI


def test_utf16_crlf_fixture() -> None:
    (article,) = extract_file(LABELLED / "t14_en_utf16.txt").articles
    assert article.title.startswith("Viet Nam hands over 12 trafficking victims") and "\r" not in article.body
