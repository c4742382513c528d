"""The analysis chains, one test per example of docs/vietnamese-analysis.md implemented here."""

from __future__ import annotations

import unicodedata

import pytest

from searchlib.analysis import analyzers, spans, terms
from searchlib.textnorm import fold, fold_key, has_diacritics, normalize_text


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# R1: NFC ---------------------------------------------------------------------------------
def test_r1_nfd_input_tokenises_like_nfc():
    assert terms("exact", nfd("Việt Nam")) == ["việt", "nam"]
    assert terms("folded", nfd("Việt Nam")) == ["vietnam"]
    assert terms("folded", nfd("Việt Bắc")) == ["viet", "bac"]  # not ['vie', 't', ...]


@pytest.mark.parametrize("kind", ["exact", "accented", "folded", "english"])
def test_r1_nfd_and_nfc_documents_index_identically(kind):
    text = "Bộ trưởng Lương Tam Quang làm việc tại Hà Nội về phòng, chống mua bán người."
    chain = analyzers()[kind]
    as_nfc = [(t.text, t.pos) for t in chain(text, positions=True)]
    as_nfd = [(t.text, t.pos) for t in chain(nfd(text), positions=True)]
    assert as_nfc == as_nfd


# R2: look-alikes and invisibles -------------------------------------------------------------
def test_r2_eth_is_read_as_d_with_stroke():
    assert terms("exact", "\u00d0à Nẵng") == ["đà", "nẵng"]
    assert terms("folded", "\u00d0à Nẵng") == ["danang"]
    assert terms("folded", "\u00f0ường") == ["duong"]


def test_r2_invisibles_removed_and_nbsp_is_space():
    assert terms("folded", "an\u00adninh secu\u200brity") == ["anninh", "security"]
    assert terms("folded", "Tô\u00a0Lâm") == ["to", "lam"]
    assert normalize_text("a\ufeffb\u00a0c") == "ab c"


# R3: tone placement -------------------------------------------------------------------------
@pytest.mark.parametrize("new, old", [
    ("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("toà án", "tòa án"),
    ("xoá", "xóa"), ("hoá học", "hóa học"), ("CỘNG HOÀ", "CỘNG HÒA"), ("vịêt", "việt"), ("thuýên", "thuyến"),
])
def test_r3_tone_placements_meet_in_the_exact_chain(new, old):
    assert terms("exact", new) == terms("exact", old) == [w.lower() for w in old.split()]


@pytest.mark.parametrize("word", ["quý", "quá", "giữ", "gìn", "người", "thuở", "khuyến", "hoàn", "ngoài",
                                  "khuỷu", "mía", "múa", "Nguyễn"])
def test_r3_correct_placements_stay(word):
    assert terms("exact", word) == [word.lower()]


@pytest.mark.parametrize("word", ["café", "josé", "ngàyapp"])
def test_r3_non_syllables_untouched(word):
    assert terms("exact", word) == [word]


# R4: syllables, single letters, numbers -----------------------------------------------------
def test_r4_single_letter_syllables_and_numbers_kept():
    assert terms("exact", "Bộ Y tế") == ["bộ", "y", "tế"]
    assert terms("folded", "Bộ Y tế") == ["bo", "y", "te"]
    assert terms("exact", "15/8") == ["15", "8"]


def test_accented_chain_keeps_only_accented_syllables_with_their_positions():
    # what English articles store as exact postings: their accented names
    got = [(t.text, t.pos) for t in analyzers()["accented"]("Bộ Y tế", positions=True)]
    assert got == [("bộ", 0), ("tế", 2)]


def test_r4_positions_are_kept():
    got = [(t.text, t.pos) for t in analyzers()["folded"]("Bộ Y tế", positions=True)]
    assert got == [("bo", 0), ("y", 1), ("te", 2)]


# R5: dashes and possessives -----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mekong–Lancang", ["mekong", "lancang"]),
    ("Việt Nam–China", ["vietnam", "china"]),
    ("Vietnam-Laos", ["vietnam", "laos"]),
    ("Việt Nam’s", ["vietnam"]),
    ("Quang's", ["quang"]),
])
def test_r5_dashes_split_and_possessives_drop(text, expected):
    assert terms("folded", text) == expected


def test_r5_exact_chain_splits_dash_compounds():
    assert terms("exact", "Việt Nam–China") == ["việt", "nam", "china"]
    assert terms("exact", "Việt Nam’s") == ["việt", "nam"]


# R6: lowercasing Vietnamese capitals ---------------------------------------------------------
def test_r6_vietnamese_capitals_lowercase():
    assert terms("exact", "HÀ NỘI —") == ["hà", "nội"]
    assert terms("exact", "TÔ LÂM") == ["tô", "lâm"]
    assert terms("folded", "TÔ LÂM") == ["to", "lam"]


# R7: folding -------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["Lương Tam Quang", "Luong Tam Quang", "LƯƠNG TAM QUANG", "luong tam quang"])
def test_r7_name_spellings_fold_alike(spelling):
    assert terms("folded", spelling) == ["luong", "tam", "quang"]


@pytest.mark.parametrize("text, expected", [("Đà Nẵng", ["danang"]), ("đường", ["duong"]),
                                            ("Nguyễn Phú Trọng", ["nguyen", "phu", "trong"])])
def test_r7_folding_removes_tones_and_maps_d(text, expected):
    assert terms("folded", text) == expected


def test_fold_helpers():
    assert fold("Đường Lương") == "Duong Luong"
    assert fold_key("  TÔ   LÂM ") == "to lam"
    assert has_diacritics("Dương") and not has_diacritics("Duong")


# R10/R15: no stopword ever removes Vietnamese syllables ------------------------------------------
@pytest.mark.parametrize("text, expected", [("To Lam", ["to", "lam"]), ("an ninh", ["an", "ninh"]),
                                            ("Lê Thành An", ["le", "thanh", "an"])])
def test_r15_no_stopwords_in_folded_field(text, expected):
    assert terms("folded", text) == expected


def test_r15_english_stopwords_only_in_english_field():
    assert terms("english", "the minister of public security") == ["minist", "public", "secur"]


# R12: place variants --------------------------------------------------------------------------
@pytest.mark.parametrize("text, canon", [
    ("Việt Nam", "vietnam"), ("Viet Nam", "vietnam"), ("Vietnam", "vietnam"), ("VN", "vietnam"),
    ("Hà Nội", "hanoi"), ("Ha Noi", "hanoi"), ("Hanoi", "hanoi"), ("HÀ NỘI", "hanoi"),
    ("TP.HCM", "hcmc"), ("TP HCM", "hcmc"), ("TPHCM", "hcmc"), ("HCMC", "hcmc"),
    ("Ho Chi Minh City", "hcmc"), ("Thành phố Hồ Chí Minh", "hcmc"), ("TP. Hồ Chí Minh", "hcmc"),
    ("Đà Nẵng", "danang"), ("Da Nang", "danang"), ("Danang", "danang"),
    ("Hải Phòng", "haiphong"), ("Haiphong", "haiphong"),
    ("Mê Kông", "mekong"), ("Mê Công", "mekong"), ("Mekong", "mekong"),
    ("Lan Thương", "lancang"), ("Lancang", "lancang"),
])
def test_r12_place_spellings_merge(text, canon):
    assert terms("folded", text) == [canon]


def test_r12_bare_ho_chi_minh_and_lowercase_vn_stay():
    assert terms("folded", "President Ho Chi Minh") == ["president", "ho", "chi", "minh"]
    assert terms("folded", "baochinhphu.vn") == ["baochinhphu", "vn"]


def test_r12_lowercase_lookalikes_in_text_are_not_places():
    # "đa năng" (multi-purpose) and "hai phòng" (two rooms) are not Đà Nẵng and Hải Phòng
    assert terms("folded", "nhà văn hóa đa năng có hai phòng") == \
        ["nha", "van", "hoa", "da", "nang", "co", "hai", "phong"]
    # ...but a query, typed in any case, merges them
    assert terms("folded", "da nang", mode="query") == ["danang"]


def test_r12_positions_renumbered_after_merge():
    got = [(t.text, t.pos) for t in analyzers()["folded"]("Hà Nội is big", positions=True)]
    assert got == [("hanoi", 0), ("is", 1), ("big", 2)]


def test_r12_exact_chain_keeps_original_syllables():
    assert terms("exact", "Hà Nội và Đà Nẵng") == ["hà", "nội", "và", "đà", "nẵng"]
    assert terms("exact", "Viet Nam") == ["viet", "nam"]


# R14: English stemming only in the English chain -----------------------------------------------
def test_r14_stemming_in_english_chain():
    assert terms("english", "arrested arresting") == ["arrest", "arrest"]


def test_r14_vietnamese_syllables_not_stemmed_in_shared_fields():
    assert terms("folded", "ngày ngài") == ["ngay", "ngai"]
    assert terms("exact", "ngày ngài") == ["ngày", "ngài"]


# R13: language per article (ingest), never for queries ---------------------------------------------
def test_r13_language_detection_on_examples():
    from searchlib.ingest.lang import detect_language

    from .conftest import CORPUS

    for path in sorted(CORPUS.iterdir()):
        assert detect_language(path.read_text(encoding="utf-8")) == "en"
    vi = ("Bộ Công an đã tổ chức hội nghị tổng kết công tác phòng, chống tội phạm ma túy năm 2024 "
          "tại Hà Nội với sự tham gia của lãnh đạo các đơn vị và công an các tỉnh.")
    assert detect_language(vi) == "vi"
    assert detect_language(fold(vi)) == "vi"  # undiacritised Vietnamese is still Vietnamese


# R16: offsets point into the original text -------------------------------------------------------
def test_r16_offsets_cover_original_text():
    text = "Thủ đô Hà Nội và ông Lương"
    got = {term: text[s:e] for term, s, e in spans("folded", text)}
    assert got["hanoi"] == "Hà Nội"
    assert got["luong"] == "Lương"


def test_r16_offsets_under_tone_canonicalisation():
    text = "Ông Nguyễn Văn Hoà phát biểu"
    got = {term: text[s:e] for term, s, e in spans("exact", text)}
    assert got["hòa"] == "Hoà"


def test_r16_offsets_on_nfd_text():
    text = nfd("ông Lương")
    (_, s1, e1), (_, s2, e2) = list(spans("folded", text))
    assert text[s2:e2] == nfd("Lương")


# R17: deterministic, one builder -----------------------------------------------------------------
def test_r17_one_builder_same_objects():
    assert analyzers() is analyzers()
    sample = "Bộ Công an và Interpol hợp tác"
    assert terms("folded", sample) == terms("folded", sample)


def test_r17_same_output_in_a_fresh_process_without_network():
    import subprocess
    import sys

    code = ("from searchlib.analysis import terms; "
            "print(terms('folded', 'Hà Nội, TP.HCM và Lương Tam Quang'), terms('exact', 'hoà thuỷ'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"PATH": "", "NO_PROXY": "*", "http_proxy": "http://127.0.0.1:9"}).stdout
    assert out.strip() == "['hanoi', 'hcmc', 'va', 'luong', 'tam', 'quang'] ['hòa', 'thủy']"


def test_fields_index_exactly_what_whoosh_would_from_the_analyzers():
    # AnalysedText skips Token objects; its postings must equal Whoosh's generic path
    from whoosh.fields import TEXT

    from searchlib.schema import AnalysedText, build_schema

    from .conftest import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir())]
    texts += ["Bộ trưởng Lương Tam Quang làm việc tại Hà Nội, TP.HCM và Đà Nẵng; hoà thuỷ Uỷ ban.",
              nfd("Việt Nam’s Ðà Nẵng an\u00adninh"), "", "x"]
    schema = build_schema()
    fields = [schema[name] for name in schema.names() if isinstance(schema[name], AnalysedText)]
    assert len(fields) == 7
    for field in fields:
        for text in texts:
            assert sorted(field.index(text)) == sorted(TEXT.index(field, text))


# R18: the indexing view of a stream ----------------------------------------------------------
_INDEXING_TEXTS = [
    "Minister Lương Tam Quang's talks in Hà Nội with Laos's delegation, and VN police in TP.HCM.",
    nfd("Bộ trưởng Lương Tam Quang làm việc tại Hà Nội về phòng, chống mua bán người."),
    "Ha Noi and Viet Nam: the Me Kong delta; a multi-purpose (đa năng) hall; O'Brien's and Quang’s.",
    "Cảnh sát bắt giữ 3 đối tượng buôn bán ma túy ở Đà Nẵng; vn is a domain, VN is Vietnam.",
    "ＴＯ ＬＡＭ met the press in Hà Nội",  # look-alike (full-width) letters, normalised per token
    "The police and the customs of the two countries seized 20 kg of heroin on the border.",
    "a", "", "'s", "x's", "İstanbul İzmir",
]


@pytest.mark.parametrize("kind", ["exact", "accented", "folded", "pairs", "english"])
@pytest.mark.parametrize("text", _INDEXING_TEXTS)
def test_indexing_terms_are_the_stream_without_offsets(kind, text):
    """Indexing reads each stream's terms and positions without finding token offsets; they
    must be exactly the stream that queries and highlighting see."""
    from searchlib.analysis import Streams

    for query in (False, True):
        stream = Streams(text, query).get(kind)
        texts, positions = Streams(text, query).terms(kind)
        assert (list(texts), list(positions)) == ([t[0] for t in stream], [t[1] for t in stream])


def test_seed_articles_index_the_same_terms_as_their_streams(seed_texts):
    from searchlib.analysis import KINDS, Streams

    for text in seed_texts:
        for kind in KINDS:
            stream = Streams(text, False).get(kind)
            texts, positions = Streams(text, False).terms(kind)
            assert (list(texts), list(positions)) == ([t[0] for t in stream], [t[1] for t in stream])


@pytest.fixture(scope="module")
def seed_texts():
    from searchlib.ingest import extract_file

    from .conftest import CORPUS

    texts = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".txt", ".html", ".jsonl"):
            for article in extract_file(path).articles:
                texts += [article.title or "", article.body]
    assert len(texts) >= 10
    return texts
