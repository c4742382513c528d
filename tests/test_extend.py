"""User extensions of the shipped tables (topics, sources, people) through environment variables."""

from __future__ import annotations

import json

import pytest

from searchlib import Index
from searchlib.ingest import extract_text, people, sources, topics


@pytest.fixture
def fresh_tables():
    caches = [topics._default_table, sources._default_table, people._default_gazetteer]
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_user_topics_sources_and_people(tmp_path, monkeypatch, fresh_tables):
    (tmp_path / "topics.json").write_text(json.dumps({"topics": [
        {"label": "wildlife trafficking", "en": ["ivory", "pangolin scales", "rhino horn"],
         "vi": ["ngà voi", "vảy tê tê"]}]}), encoding="utf-8")
    (tmp_path / "sources.json").write_text(json.dumps({"sources": [
        {"name": "Hà Tĩnh Police", "aliases": ["congan.hatinh.gov.vn"], "credits": []}]}), encoding="utf-8")
    (tmp_path / "people.json").write_text(json.dumps({"people": [{"name": "Nguyễn Hồng Phong"}]}),
                                          encoding="utf-8")
    monkeypatch.setenv("SEARCHDOCS_TOPICS", str(tmp_path / "topics.json"))
    monkeypatch.setenv("SEARCHDOCS_SOURCES", str(tmp_path / "sources.json"))
    monkeypatch.setenv("SEARCHDOCS_PEOPLE", str(tmp_path / "people.json"))

    art = extract_text("Customs seized 2 tonnes of pangolin scales and 50 kg of ivory. "
                       "The ivory was hidden in timber, Nguyen Hong Phong said.",
                       title="Ivory and pangolin scales seized", source="congan.hatinh.gov.vn")
    assert "wildlife trafficking" in art.topics
    assert art.source == "Hà Tĩnh Police"
    assert art.people == ["Nguyễn Hồng Phong"]

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("title: Ivory haul\ndate: 2024-04-04\n\nPolice seized ivory and rhino horn "
                                  "at the port. The ivory came from Africa.\n", encoding="utf-8")
    ix = Index(tmp_path / "index")
    ix.update([corpus])
    assert ix.search(topic="wildlife trafficking").total == 1
    assert ix.search(topic="Wildlife-Trafficking").total == 1


def test_broken_user_table_is_a_clear_error(tmp_path, monkeypatch, fresh_tables):
    from searchlib.errors import SearchdocsError

    (tmp_path / "topics.json").write_text("{oops", encoding="utf-8")
    monkeypatch.setenv("SEARCHDOCS_TOPICS", str(tmp_path / "topics.json"))
    with pytest.raises(SearchdocsError) as info:
        topics.detect_topics("Drug ring", "heroin heroin")
    assert "topics.json" in info.value.message and info.value.hint
