"""The library side of the search experience: timelines, suggestions, explain, stats,
facet values, similar articles and article views, on small real indexes."""

from __future__ import annotations

import datetime as dt

import pytest

from searchlib import ArticleNotFoundError, Index, QueryError
from searchlib.suggest import is_vietnamese_syllable
from searchlib.timeline import build_timeline

from .conftest import seed_id


@pytest.fixture(scope="module")
def ux(ux_project) -> Index:
    return Index(ux_project / "index")


# timeline ----------------------------------------------------------------------------------
def test_timeline_counts_per_month_over_a_short_span_and_fills_gaps():
    tl = build_timeline([20240305, 20240320, 20240502, 0])
    assert tl.unit == "month"
    assert tl.buckets == [("2024-03", 2), ("2024-04", 0), ("2024-05", 1)]
    assert tl.undated == 1 and tl.peak == 2


def test_timeline_counts_per_year_over_a_long_span():
    tl = build_timeline([20221025, 20250819, 20250917])
    assert tl.unit == "year"
    assert tl.buckets == [("2022", 1), ("2023", 0), ("2024", 0), ("2025", 2)]


def test_timeline_switches_to_years_after_24_months():
    assert build_timeline([20220101, 20231215]).unit == "month"  # 24 months
    assert build_timeline([20220101, 20240101]).unit == "year"  # 25 months


def test_timeline_unit_can_be_forced_and_empty_is_empty():
    assert build_timeline([20240305], unit="year").buckets == [("2024", 1)]
    assert build_timeline([0, 0]).to_dict() == {"unit": "year", "buckets": [], "undated": 2}


def test_search_results_carry_the_timeline(ux):
    res = ux.search("trafficking")
    assert res.timeline.to_dict() == {"unit": "month", "undated": 0, "buckets": [
        {"period": "2024-03", "count": 2}, {"period": "2024-04", "count": 0}, {"period": "2024-05", "count": 1}]}
    assert ux.search("trafficking", timeline=False).timeline is None


# facets chosen by name ------------------------------------------------------------------------
def test_facets_can_be_chosen_and_include_month_and_lang(ux):
    res = ux.search("", facets=["month", "lang", "person"])
    assert res.facets == {"month": {"2024-03": 2, "2023-12": 1, "2024-05": 1, "2024-06": 1},
                          "lang": {"en": 5, "vi": 1},
                          "people": {"Lê Văn Thạch": 1, "Nguyễn Thị Bình": 1, "Nguyễn Văn An": 1,
                                     "Trần Văn Thanh": 1}}
    assert ux.search("", facets=[]).facets == {}
    with pytest.raises(QueryError, match="unknown facet 'colour'"):
        ux.search("", facets=["colour"])


def test_facet_size_limits_values(ux):
    assert ux.search("", facets=["source"], facet_size=2).facets == {"source": {"VNA": 2, "VNS": 2}}


# did you mean ------------------------------------------------------------------------------------
def test_zero_hits_suggest_a_respelling_from_the_folded_vocabulary(ux):
    res = ux.search("trafficing")
    assert (res.total, res.hits, res.suggestion) == (0, [], "trafficking")  # never rerun
    assert ux.search("polise").suggestion == "police"


def test_few_hits_on_a_typo_in_one_article_suggest_the_common_spelling(ux):
    res = ux.search("traficking")
    assert res.total == 1 and res.suggestion == "trafficking"


def test_other_words_and_syntax_are_kept(ux):
    assert ux.search('Trafficing -drug').suggestion == "Trafficking -drug"
    assert ux.search("source:vna trafficing").suggestion == "source:vna trafficking"


def test_no_suggestion_when_it_would_not_find_more(ux):
    assert ux.search("cooperation traficking").suggestion is None  # no article has both
    assert ux.search("traficking", source="VNS").suggestion is None  # filters still apply
    assert ux.search("trafficking").suggestion is None  # enough hits
    assert ux.search("trafficing", suggest=False).suggestion is None


def test_vietnamese_syllables_are_never_respelled(ux):
    # "thach" and "thanh" are one letter apart, and both names; a tone or a letter is a
    # different word in Vietnamese, not a typo
    assert is_vietnamese_syllable("thach") and is_vietnamese_syllable("nguyen")
    assert not is_vietnamese_syllable("trafficking") and not is_vietnamese_syllable("nguyenn")
    assert ux.search("Lê Văn Thạc").suggestion is None
    assert ux.search("thac").suggestion is None


def test_a_word_that_is_no_syllable_is_respelled_even_when_accented(ux):
    res = ux.search("Nguyễnn Văn An")
    assert res.total == 0 and res.suggestion == "Nguyen Văn An"


# explain ---------------------------------------------------------------------------------------
def test_explain_describes_fields_terms_dates_and_resolved_filters(ux):
    plan = ux.explain('"human trafficking" -drug Thạch traffick*', since="2024", until="2024-06",
                      person="thach", source=["vna", "nowhere"])
    assert plan.accented and plan.match == "all"
    assert plan.phrases == ["human trafficking"] and plan.prefixes == ["traffick*"]
    assert plan.folded == ["thach"] and plan.exact == ["thạch"]
    assert plan.excluded == ["drug"]
    assert (plan.since, plan.until) == ("2024-01-01", "2024-06-30")
    assert plan.filters == {"source": ["vna"], "person": ["le van thach"]}
    assert {"body_fold", "title_fold", "body", "title"} <= set(plan.fields)


def test_explain_plain_words(ux):
    plan = ux.explain("police warned")
    assert plan.folded == ["police", "warned"] and plan.exact == [] and not plan.accented
    assert plan.stemmed == ["polic", "warn"] and plan.proximity
    assert plan.filters == {} and plan.since is None


def test_explain_raises_like_search(ux):
    with pytest.raises(QueryError):
        ux.explain('"unbalanced')


# stats and facet values ---------------------------------------------------------------------
def test_stats(ux):
    s = ux.stats(top=2)
    assert (s.articles, s.undated, s.first_date, s.last_date) == (6, 1, dt.date(2023, 12, 30), dt.date(2024, 6, 11))
    assert s.languages == {"en": 5, "vi": 1}
    assert s.sources == {"VNA": 2, "VNS": 2}
    assert s.topics == {"human trafficking": 3, "online and telecom fraud": 2}
    assert s.years.buckets == [("2023", 1), ("2024", 4)] and s.years.undated == 1
    assert s.size_bytes > 10_000 and s.files == 1
    assert isinstance(s.updated, dt.datetime)


def test_facet_values_match_ignores_case_and_diacritics(ux):
    assert ux.facet_values("people", match="nguyen") == {"Nguyễn Thị Bình": 1, "Nguyễn Văn An": 1}
    assert ux.facet_values("person", match="NGUYỄN VĂN") == {"Nguyễn Văn An": 1}
    assert ux.facet_values("people", match="thach") == {"Lê Văn Thạch": 1}
    assert ux.facet_values("source", limit=1) == {"VNA": 2}
    assert ux.facet_values("topic", match="zzz") == {}


# show, open, similar --------------------------------------------------------------------------
def test_view_marks_the_query_in_title_and_body(ux):
    view = ux.view("t5", "le van thach")
    body = view.article.body
    assert [body[a:b] for a, b in view.body_highlights] == ["Lê", "Văn", "Thạch"]
    assert view.title_highlights == []
    assert ux.view("t5").body_highlights == []


def test_view_finds_by_path_when_one_article_has_it(seed_index):
    assert seed_index.view(seed_id("lao")).article.date == dt.date(2022, 10, 25)
    assert seed_index.view("./" + seed_id("lao")).article.id == seed_id("lao")


def test_unknown_or_ambiguous_ids_are_errors(ux):
    with pytest.raises(ArticleNotFoundError, match="no article with id 'nope'"):
        ux.view("nope")
    with pytest.raises(ArticleNotFoundError, match="holds 6 articles"):
        ux.view("corpus/news.jsonl")


def test_original_prefers_the_url_then_the_file(ux, ux_project):
    assert ux.original("t1") == "https://example.org/t1"
    assert ux.original("t1", prefer="file") == str(ux_project / "corpus" / "news.jsonl")
    assert ux.original("t2") == str(ux_project / "corpus" / "news.jsonl")


def test_similar_finds_the_other_trafficking_articles_first(ux):
    res = ux.similar("t2", limit=2)
    assert res.like == "t2" and "t2" not in [h.id for h in res.hits]
    assert {h.id for h in res.hits} == {"t1", "t3"}
    assert "trafficking" in res.terms and "the" not in res.terms
    assert res.to_dict()["terms"] == res.terms and res.sort == "similarity"


def test_similar_across_the_seed_corpus(seed_index):
    res = seed_index.similar(seed_id("phone"), limit=1)
    assert [h.id for h in res.hits] == [seed_id("beijing")]  # the same two ministers' talks


# the Whoosh empty-filter count ----------------------------------------------------------------
@pytest.mark.parametrize("limit, page", [(1, 1), (1, 3), (10, 1), (0, 1)])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_filter_matching_no_article_counts_zero_at_any_limit(ux, limit, page, sort):
    # Whoosh's FilterCollector reads an empty allow-set as "no filter" when listing all matches
    res = ux.search("trafficking", since="2030", limit=limit, page=page, sort=sort)
    assert res.total == 0 and res.facets["source"] == {} and res.timeline.buckets == []


def test_two_swapped_letters_count_as_one_edit(tmp_path):
    from .conftest import write_jsonl

    (tmp_path / "corpus").mkdir()
    write_jsonl(tmp_path / "corpus" / "a.jsonl",
                [{"id": f"d{i}", "title": "Rates", "body": f"The bank raised interest rates, note {i}."} for i in range(4)]
                + [{"id": "x", "title": "Rats", "body": "Rats, rites and rotes."}])
    ix = Index(tmp_path / "index")
    ix.update([tmp_path / "corpus"])
    assert ix.search("interest rtaes").suggestion == "interest rates"  # a swap, not "rats" or "rites"
