"""Query parsing: strict errors, lenient fallback, field choice by typed accents, dates."""

from __future__ import annotations

import datetime as dt

import pytest
from whoosh import query as Q

from searchlib.errors import QueryError
from searchlib.filters import date_range, parse_date_bound
from searchlib.query import parse_query


def fields_of(q: Q.Query) -> set[str]:
    return {f for f, _ in q.iter_all_terms(phrases=True)}


def terms_of(q: Q.Query, field: str) -> set[str]:
    return {t for f, t in q.iter_all_terms(phrases=True) if f == field}


# R8: typed accents choose the fields ---------------------------------------------------------
def test_query_without_accents_never_touches_exact_fields():
    q = parse_query("duong day lua dao").query
    assert not fields_of(q) & {"body", "title"}
    assert terms_of(q, "body_fold") == {"duong", "day", "lua", "dao"}


def test_query_with_accents_adds_exact_fields():
    q = parse_query("đường dây").query
    assert terms_of(q, "body") == {"đường", "dây"}
    assert terms_of(q, "body_fold") == {"duong", "day"}


def test_words_are_all_required():
    q = parse_query("human trafficking").query
    main = q.a if isinstance(q, Q.AndMaybe) else q
    assert isinstance(main, Q.And) and len(main.subqueries) == 2


def test_multi_word_query_gets_proximity_boost():
    q = parse_query("to lam").query
    assert isinstance(q, Q.AndMaybe)
    phrases = [s for s in q.b.subqueries if isinstance(s, Q.Phrase)]
    assert phrases and phrases[0].words == ["to", "lam"]
    assert Q.Term("body_pairs", "to_lam") in q.b.subqueries


def test_accented_query_uses_full_exact_field_and_accented_names_field():
    q = parse_query("Việt Nam").query
    assert {t for f, t in q.iter_all_terms() if f == "body"} == {"việt", "nam"}
    assert {t for f, t in q.iter_all_terms() if f == "body_acc"} == {"việt"}


def test_place_words_merge_across_query_words():
    q = parse_query("Ha Noi police").query
    assert terms_of(q, "body_fold") >= {"hanoi", "police"}
    assert "ha" not in terms_of(q, "body_fold")


def test_quoted_phrase_searches_folded_phrase():
    q = parse_query('"Tô Lâm"').query
    assert any(p.fieldname == "body_fold" and p.words == ["to", "lam"] for p in _walk(q) if isinstance(p, Q.Phrase))


def _walk(q):
    yield q
    for child in q.children():
        yield from _walk(child)


def test_english_words_also_search_stemmed_field():
    q = parse_query("arrested").query
    assert terms_of(q, "body_en") == {"arrest"}


def test_negation_and_or():
    q = parse_query("trafficking -drug").query
    assert any(isinstance(n, Q.Not) or isinstance(n, Q.AndNot) for n in _walk(q))
    q = parse_query("smuggling OR trafficking").query
    main = q.a if isinstance(q, Q.AndMaybe) else q
    assert isinstance(main, Q.Or)


def test_match_any_makes_words_optional():
    q = parse_query("human trafficking ring", match="any").query
    assert isinstance(q, Q.Or)
    pairs = {t for f, t in q.iter_all_terms() if f == "body_pairs"}
    assert pairs == {"human_trafficking", "trafficking_ring"}
    assert not any(isinstance(n, Q.And) for n in q.subqueries)
    with pytest.raises(QueryError):
        parse_query("x", match="some")


@pytest.mark.parametrize("text", ["Covid-19 vaccine", "date:2024-05"])
def test_hyphen_inside_a_word_is_not_negation(text):
    q = parse_query(text).query
    assert not any(isinstance(n, (Q.Not, Q.AndNot)) for n in _walk(q))


def test_prefix_query_on_folded_fields():
    q = parse_query("traffick*").query
    assert any(isinstance(n, Q.Prefix) and n.fieldname == "body_fold" and n.text == "traffick" for n in _walk(q))


def test_question_mark_is_not_a_wildcard():
    q = parse_query("who is the minister?").query
    assert not any(isinstance(n, Q.Wildcard) for n in _walk(q))


def test_empty_query_is_list_mode():
    assert parse_query("").query is None
    assert parse_query("   ").query is None


# strict and lenient ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, message", [
    ('"human trafficking', "unbalanced quote"),
    ("(drug OR smuggling", "unbalanced parenthesis"),
    ("drug)", "unbalanced parenthesis"),
    ("foo:bar", "unknown field 'foo:'"),
    ("drug AND", "missing a term"),
    ("OR drug", "missing a term"),
    ("drug AND OR smuggling", "in a row"),
    ("???", "no words"),
    ("a*", "at least 2 letters"),
    ("year:20x4", "invalid year"),
    ("date:2024-13", "invalid date"),
    ("person: to lam", "has no value"),
    ("drug title:", "has no value"),
])
def test_malformed_queries_raise_clear_errors(text, message):
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in info.value.message
    assert info.value.hint


@pytest.mark.parametrize("text", ['"oil prices" OR coffee', 'coffee OR "oil prices"', '"Tô Lâm" AND "Hà Nội"',
                                  'NOT "money supply" drug'])
def test_quoted_phrase_next_to_an_operator_is_a_term(text):
    """A phrase is an operand: ``"oil prices" OR coffee`` is complete, not 'OR' missing a term."""
    q = parse_query(text).query
    assert any(isinstance(n, Q.Phrase) for n in _walk(q))


@pytest.mark.parametrize("text", ['"human trafficking', "(drug OR smuggling", "foo:bar drug", "drug AND"])
def test_lenient_mode_searches_the_words(text):
    parsed = parse_query(text, lenient=True)
    assert parsed.query is not None
    assert parsed.notes and "plain text" in parsed.notes[0]


def test_lenient_mode_with_no_words_lists():
    parsed = parse_query("???", lenient=True)
    assert parsed.query is None and parsed.notes


def test_colon_in_time_is_not_a_field():
    assert parse_query("10:30 meeting").query is not None


# dates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, end, expected", [
    ("2024", False, dt.date(2024, 1, 1)), ("2024", True, dt.date(2024, 12, 31)),
    ("2024-02", True, dt.date(2024, 2, 29)), ("2023-02", True, dt.date(2023, 2, 28)),
    ("2024-06", False, dt.date(2024, 6, 1)), ("2024-06-15", True, dt.date(2024, 6, 15)),
])
def test_partial_dates_cover_their_period(value, end, expected):
    assert parse_date_bound(value, end=end) == expected


@pytest.mark.parametrize("value", ["24", "2024-6-31", "June 2024", "2024-00", "9999"])
def test_bad_dates_raise(value):
    with pytest.raises(QueryError):
        parse_date_bound(value, end=False)


def test_reversed_range_raises():
    with pytest.raises(QueryError, match="after"):
        date_range("2025", "2024")
