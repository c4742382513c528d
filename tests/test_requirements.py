"""The matching and ranking examples of docs/vietnamese-analysis.md, on a small real index.

Analyzer-level examples are in test_analysis.py; seed-based ones (R7, R11, R12) also in
test_search.py. Each test names its requirement.
"""

from __future__ import annotations

import pytest
from whoosh import query as Q

from searchlib import Index
from searchlib.query import parse_query

from .conftest import write_jsonl

DOCS = [
    {"id": "hoa", "title": "Tin địa phương", "body": "Ông Nguyễn Văn Hòa được khen thưởng.", "lang": "vi"},
    {"id": "hoa-new", "title": "Tin địa phương", "body": "Bà Trần Thị Hoà nhận bằng khen.", "lang": "vi"},
    {"id": "dash", "title": "Cooperation", "body": "The Mekong–Lancang mechanism met in Beijing."},
    {"id": "spaced", "title": "Cooperation", "body": "Officials of the Mekong - Lancang framework met."},
    {"id": "hyphen", "title": "Cooperation", "body": "A Mekong-Lancang patrol set off."},
    {"id": "tolam-exact", "title": "Talks", "body": "Tổng Bí thư Tô Lâm tiếp đoàn đại biểu.", "lang": "vi"},
    {"id": "tolam-plain", "title": "Talks", "body": "General Secretary To Lam received the delegation."},
    {"id": "tolam-caps", "title": "Talks", "body": "TỔNG BÍ THƯ TÔ LÂM PHÁT BIỂU TẠI HỘI NGHỊ.", "lang": "vi"},
    {"id": "an-ninh", "title": "Hội nghị", "body": "Bảo vệ an ninh quốc gia là nhiệm vụ hàng đầu.", "lang": "vi"},
    {"id": "cho", "title": "Động vật", "body": "Con chó sủa cả đêm.", "lang": "vi"},
    {"id": "cho2", "title": "Cây", "body": "Cây chò mọc trong rừng.", "lang": "vi"},
    {"id": "ngay", "title": "Lịch", "body": "Ngày mai ngài Bộ trưởng sẽ đến.", "lang": "vi"},
    {"id": "arrest", "title": "Arrests", "body": "Police are arresting the suspects."},
]


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    root = tmp_path_factory.mktemp("req")
    write_jsonl(root / "docs.jsonl", DOCS)
    index = Index(root / "index")
    assert index.update([root / "docs.jsonl"]).articles == len(DOCS)
    return index


def hit_ids(ix, query, **kw):
    return [h.id for h in ix.search(query, limit=0, **kw).hits]


# R3 ---------------------------------------------------------------------------------------
def test_r3_old_and_new_tone_placement_match_through_the_exact_field(ix):
    q = parse_query("Nguyễn Văn Hoà").query
    exact_terms = {t for f, t in q.iter_all_terms() if f == "body"}
    assert "hòa" in exact_terms  # the query's "Hoà" became the canonical "hòa"
    assert hit_ids(ix, "Nguyễn Văn Hoà")[0] == "hoa"
    # both spellings of the given name are found, typed either way
    assert set(hit_ids(ix, "Hoà")) == set(hit_ids(ix, "Hòa")) == {"hoa", "hoa-new"}


# R5 ---------------------------------------------------------------------------------------
def test_r5_phrase_matches_every_dash_form(ix):
    assert set(hit_ids(ix, '"Mekong Lancang"')) == {"dash", "spaced", "hyphen"}


def test_r5_reversed_dash_compound_as_bag_of_words(ix):
    assert set(hit_ids(ix, "Lancang–Mekong")) == {"dash", "spaced", "hyphen"}


# R9 ---------------------------------------------------------------------------------------
def test_r9_tones_are_not_fuzzy(ix):
    assert hit_ids(ix, "chó")[0] == "cho"
    assert hit_ids(ix, "chò")[0] == "cho2"
    q = parse_query("chó").query
    assert not any(isinstance(n, (Q.FuzzyTerm, Q.Variations)) for n in q.leaves())


# R10 --------------------------------------------------------------------------------------
def test_r10_quoted_name_matches_all_spellings_exact_first(ix):
    got = hit_ids(ix, '"Tô Lâm"')
    assert set(got) == {"tolam-exact", "tolam-plain", "tolam-caps"}
    assert got[-1] == "tolam-plain"  # the unaccented spelling ranks after the exact ones


# R14 --------------------------------------------------------------------------------------
def test_r14_english_field_only_for_english_articles(ix):
    from whoosh import index as whoosh_index

    from searchlib.store import IndexDir

    name = IndexDir(ix.path).read_pointer()["name"]
    raw = whoosh_index.open_dir(str(ix.path), indexname=name)
    with raw.searcher() as s:
        vi_doc = s.document_number(id="ngay")
        en_doc = s.document_number(id="arrest")
        en_docs = set(s.docs_for_query(Q.Every("body_en")))
        assert en_doc in en_docs and vi_doc not in en_docs
        assert s.reader().doc_frequency("body_fold", "ngay") == 1
        assert s.reader().doc_frequency("body_fold", "ngai") == 1
    raw.close()
    assert hit_ids(ix, "arrested") == ["arrest"]


# R15 --------------------------------------------------------------------------------------
def test_r15_vietnamese_phrase_with_an_is_a_phrase_hit(ix):
    assert hit_ids(ix, '"an ninh quốc gia"') == ["an-ninh"]
    assert hit_ids(ix, '"an ninh quoc gia"') == ["an-ninh"]


# R16 --------------------------------------------------------------------------------------
def test_r16_query_hoa_new_style_highlights_old_style_text(ix):
    hit = ix.search("Hoà").hits
    marked = {h.id: [h.snippet[a:b] for a, b in h.snippet_highlights] for h in hit}
    assert marked["hoa"] == ["Hòa"] and marked["hoa-new"] == ["Hoà"]


# R8 regression guard ------------------------------------------------------------------------
def test_r8_unaccented_query_never_weights_the_exact_field(ix):
    q = parse_query("cho").query
    assert {f for f, _ in q.iter_all_terms()} <= {"body_fold", "title_fold", "body_en"}
    assert set(hit_ids(ix, "cho")) == {"cho", "cho2"}
