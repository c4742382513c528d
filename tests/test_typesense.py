"""The Typesense backend against a real server: the same hits, facets, filters, errors and
CLI as the local index (issue 8). The cluster behaviour is in test_typesense_cluster.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from searchlib import Index, QueryError
from searchlib.backend import SearchBackend, open_backend
from searchlib.errors import BackendError, IndexNotFoundError

from .conftest import copy_seeds, invoke, seed_id, write_jsonl

#: Vietnamese articles for the folding cases Typesense gets wrong on its own (ư, ơ, ộ, ẵ).
EXTRA = [
    {"id": "vi-danang", "title": "Công an thành phố Đà Nẵng triệt phá đường dây mua bán người",
     "body": "Công an thành phố Đà Nẵng vừa triệt phá một đường dây mua bán người xuyên quốc gia. "
             "Bộ trưởng Lương Tam Quang chỉ đạo phối hợp với Công an Hà Nội.",
     "date": "2024-03-02", "source": "CAND", "lang": "vi", "people": ["Lương Tam Quang"],
     "topics": ["human trafficking"]},
    {"id": "vi-da", "title": "Thiết bị đa năng cho lực lượng cứu hộ",
     "body": "Lực lượng cứu hộ được trang bị thiết bị đa năng mới. Đã có hướng dẫn sử dụng cho "
             "cán bộ chiến sĩ ở các địa phương.",
     "date": "2024-05-10", "source": "CAND", "lang": "vi"},
    {"id": "vi-duong", "title": "Đại tướng Tô Lâm thăm Công an tỉnh Hải Dương",
     "body": "Đại tướng Tô Lâm đến thăm và làm việc với Công an tỉnh Hải Dương; ông Dương Văn An "
             "báo cáo kết quả đấu tranh với tội phạm ma túy.",
     "date": "2023-11-20", "source": "VNA", "lang": "vi", "people": ["Tô Lâm", "Dương Văn An"],
     "topics": ["drug crime"]},
]

#: (query, filters) cases: the seed cases of the foundation plus the query features.
CASES = [
    ("luong tam quang", {}),
    ("Lương Tam Quang", {}),
    ("LƯƠNG TAM QUANG", {}),
    ("", {"person": "to lam"}),
    ("", {"person": "To Lam"}),
    ("", {"person": "quang"}),
    ("human trafficking", {"since": "2024"}),
    ("", {"since": "2024", "until": "2024-06"}),
    ("da nang", {}),
    ("Đà Nẵng", {}),
    ("duong", {}),
    ("đường dây", {}),
    ('"Mekong Lancang"', {}),
    ('"Ha Noi"', {}),
    ("Ha Noi", {}),
    ("traffick*", {}),
    ("trafficking -drug", {}),
    ('cooperation -"drug crime"', {}),
    ("title:extradition", {}),
    ("source:vna OR source:vgp", {}),
    ("person:\"to lam\" year:2023", {}),
    ("date:[2024-01 TO 2025-12]", {}),
    ("cooperation", {"source": ["VNA", "vgp"]}),
    ("", {"topic": "drug crime"}),
    ("", {"topic": "human-trafficking", "lang": "vi"}),
    ("", {"lang": "en"}),
    ("", {}),
    ("security", {"sort": "newest"}),
    ("security", {"sort": "oldest"}),
]


@pytest.fixture(scope="module")
def both(typesense_server, tmp_path_factory) -> tuple[Index, SearchBackend, Path, str]:
    """The seed corpus (plus three Vietnamese articles) in a local index and in a Typesense
    collection, read from the same directory so article paths agree."""
    root = tmp_path_factory.mktemp("ts-parity")
    corpus = copy_seeds(root)
    write_jsonl(corpus / "extra.jsonl", EXTRA)
    local = Index(root / "index")
    assert local.update([corpus]).failed == 0
    url = typesense_server.url("parity")
    remote = open_backend(url)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        report = remote.update(["corpus"])
    finally:
        os.chdir(cwd)
    assert report.failed == 0 and report.articles == len(local) == 8
    return local, remote, root, url


def _dates(results):
    return [h.date for h in results.hits]


@pytest.mark.parametrize("query, filters", CASES, ids=[f"{q!r} {f}" for q, f in CASES])
def test_same_hits_facets_and_counts_on_both_backends(both, query, filters):
    local, remote, _root, _url = both
    every = ["year", "month", "source", "people", "topics", "lang"]
    a = local.search(query, limit=0, facets=every, timeline=True, **filters)
    b = remote.search(query, limit=0, facets=every, timeline=True, **filters)
    assert {h.id for h in b.hits} == {h.id for h in a.hits}
    assert (b.total, b.undated, b.facets, b.sort, b.query) == (a.total, a.undated, a.facets, a.sort, a.query)
    assert b.timeline == a.timeline and b.took_ms > 0
    if a.sort != "relevance":
        assert _dates(b) == _dates(a)  # undated last in both orders


def test_seed_cases_find_something(both):
    """The parity above is not vacuous: the seed cases have hits, and the right ones."""
    _local, remote, _root, _url = both
    assert {h.id for h in remote.search("luong tam quang").hits} >= {seed_id("phone"), seed_id("asean")}
    assert remote.search("", person="to lam").total >= 3
    assert {h.id for h in remote.search("human trafficking", since="2024").hits} == {seed_id("mekong")}
    assert remote.search("luong tam quang").facets["people"]["Lương Tam Quang"] >= 3


def test_folding_is_searchdocs_own_not_typesense(both):
    """Typesense alone does not fold ư/ơ: 'duong' would miss 'Dương', 'da nang' would
    match 'đa năng' or plain 'da'. Sent folded, it behaves like the local index."""
    _local, remote, _root, _url = both
    assert {h.id for h in remote.search("da nang").hits} == {"vi-danang"}
    assert {h.id for h in remote.search("duong").hits} == {"vi-danang", "vi-duong"}
    assert remote.search("da").total >= 1 and "vi-da" in {h.id for h in remote.search("da").hits}


def test_hits_carry_highlights_on_the_original_text(both):
    _local, remote, _root, _url = both
    hit = next(h for h in remote.search("luong tam quang").hits if h.id == "vi-danang")
    marked = [hit.title[s:e] for s, e in hit.title_highlights] + [hit.snippet[s:e] for s, e in hit.snippet_highlights]
    assert "Lương" in marked and "Quang" in marked
    assert hit.date.isoformat() == "2024-03-02" and hit.source == "CAND" and hit.lang == "vi"
    assert hit.score and hit.score > 0


def test_paging_matches_the_local_index(both):
    local, remote, _root, _url = both
    for page in (1, 2, 3):
        a = local.search("", sort="oldest", limit=3, page=page)
        b = remote.search("", sort="oldest", limit=3, page=page)
        assert _dates(b) == _dates(a) and b.pages == a.pages == 3


def test_get_and_articles_return_the_stored_articles(both):
    local, remote, _root, _url = both
    for article in local.articles():
        assert remote.get(article.id) == article
    assert sorted(a.id for a in remote.articles()) == sorted(a.id for a in local.articles())
    assert remote.get("no such id") is None


def test_updating_again_leaves_each_article_once(both):
    _local, remote, root, _url = both
    cwd = os.getcwd()
    os.chdir(root)
    try:
        again = remote.update(["corpus"])
    finally:
        os.chdir(cwd)
    assert again.articles == len(remote) == 8 and again.failed == 0


def test_queries_typesense_cannot_express_are_refused_with_a_hint(both):
    _local, remote, _root, _url = both
    for query in ("smuggling OR trafficking", "(drug OR fraud) cooperation", "trafficking -source:vna",
                  "title:extradition body:lao"):
        with pytest.raises(QueryError) as err:
            remote.search(query)
        assert "Typesense" in err.value.message and err.value.hint
    lenient = remote.search("smuggling OR trafficking", lenient=True)
    assert lenient.notes and lenient.total == remote.search("smuggling trafficking").total
    with pytest.raises(QueryError, match="unbalanced quote"):  # the same syntax errors as locally
        remote.search('"human trafficking')


def test_sync_copies_a_local_index(both, typesense_server):
    local, _remote, root, _url = both
    url = typesense_server.url("synced")
    first = invoke(root, ["sync", "--from", "index", "--to", url])
    assert first.exit_code == 0, first.output
    again = invoke(root, ["sync", "--from", "index", "--to", url, "--replace"])
    assert again.exit_code == 0, again.output
    copy = open_backend(url)
    assert len(copy) == len(local) == 8
    assert {a.id for a in copy.articles()} == {a.id for a in local.articles()}
    names = [c["name"] for c in copy.client.collections.retrieve() if c["name"].startswith("synced")]
    assert len(names) == 1  # --replace dropped the collection it replaced


def test_cli_is_the_same_on_both_backends(both):
    _local, _remote, root, url = both
    whoosh = invoke(root, ["luong tam quang", "--json", "-n", "0"])
    typesense = invoke(root, ["luong tam quang", "--json", "-n", "0", "--backend", url])
    assert whoosh.exit_code == typesense.exit_code == 0
    a, b = json.loads(whoosh.stdout), json.loads(typesense.stdout)
    assert a.keys() == b.keys()
    assert (a["facets"], a["total"], a["undated"], a["timeline"]) == (b["facets"], b["total"], b["undated"], b["timeline"])
    strip = lambda hits: sorted((dict(h, score=None) for h in hits), key=lambda h: h["id"])  # noqa: E731
    assert strip(b["hits"]) == strip(a["hits"])  # snippets too: same text, same passage
    env = invoke(root, ["--person", "to lam", "-n", "0"], env={"SEARCHDOCS_BACKEND": url})
    assert env.exit_code == 0 and env.stdout.count("\n") == 3 + 1  # three seeds and vi-duong


def test_cli_indexes_into_typesense(typesense_server, tmp_path):
    copy_seeds(tmp_path)
    url = typesense_server.url("cli-index")
    result = invoke(tmp_path, ["index", "--backend", url, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 5
    rebuilt = invoke(tmp_path, ["index", "--rebuild", "--backend", url, "-q"])
    assert rebuilt.exit_code == 0 and len(open_backend(url)) == 5


def test_cli_errors_are_one_line_with_a_hint(typesense_server, tmp_path):
    missing = invoke(tmp_path, ["x", "--backend", typesense_server.url("never-made")])
    assert missing.exit_code == 2 and "no collection" in missing.stderr and "hint:" in missing.stderr
    bad_key = typesense_server.url("parity").replace(typesense_server.api_key, "wrong")
    refused = invoke(tmp_path, ["x", "--backend", bad_key])
    assert refused.exit_code == 2 and "refused the API key" in refused.stderr
    nowhere = invoke(tmp_path, ["x", "--backend", "typesense://k@127.0.0.1:9/press"])
    assert nowhere.exit_code == 2 and "does not answer" in nowhere.stderr and "Traceback" not in nowhere.output
    for spec in ("elastic://x", "typesense://@127.0.0.1:8108/p", "typesense://k@127.0.0.1:99999/p",
                 "typesense://k@127.0.0.1:8108/bad name"):
        bad = invoke(tmp_path, ["x", "--backend", spec], env={"TYPESENSE_API_KEY": None})
        assert bad.exit_code == 2 and "hint:" in bad.stderr, spec


def test_open_backend_names(both):
    assert isinstance(open_backend(None, "somewhere"), Index)
    assert isinstance(open_backend("whoosh", "somewhere"), Index)
    local, remote, _root, _url = both
    assert isinstance(local, SearchBackend) and isinstance(remote, SearchBackend)
    with pytest.raises(BackendError):
        open_backend("solr://x")


def test_url_key_may_come_from_the_environment(monkeypatch):
    from searchlib.typesense_backend import parse_url

    monkeypatch.setenv("TYPESENSE_API_KEY", "sekret")
    config = parse_url("typesense://127.0.0.1:8108,127.0.0.1:8118/press")
    assert config.api_key == "sekret" and config.nodes == (("127.0.0.1", 8108), ("127.0.0.1", 8118))
    assert "sekret" not in config.url()
    assert parse_url("typesenses://k@search.example.org/p").client_nodes()[0] == \
        {"host": "search.example.org", "port": 8108, "protocol": "https"}


def test_missing_collection_is_index_not_found(typesense_server):
    with pytest.raises(IndexNotFoundError):
        len(open_backend(typesense_server.url("absent")))


def test_any_query_gives_results_or_a_query_error_on_typesense(both):
    """Generated queries (the fuzz suite's) against the real server: whatever the
    translation sends, Typesense accepts it; only QueryError may escape, never with lenient."""
    from hypothesis import given
    from hypothesis import strategies as st

    from .test_fuzz import fuzz, query_text

    _local, remote, _root, _url = both

    @fuzz(200)
    @given(text=query_text, lenient=st.booleans(), match=st.sampled_from(["all", "any"]))
    def run(text, lenient, match):
        try:
            results = remote.search(text, lenient=lenient, match=match, limit=3)
        except QueryError:
            assert not lenient, f"--lenient raised on {text!r}"
            return
        assert results.total >= len(results.hits)

    run()


def test_explain_says_what_is_sent_to_typesense(both):
    _local, remote, root, url = both
    plan = remote.explain('"Ha Noi" luong -drug', person="quang", since="2024")
    assert plan.folded == ["hanoi", "luong"] and plan.phrases == []  # "Ha Noi" is one place token
    assert plan.excluded == ["drug"] and plan.filters["person"] == ["luong tam quang"]
    assert plan.since == "2024-01-01" and any("filter_by=" in note for note in plan.notes)
    shown = invoke(root, ["luong tam quang", "--explain", "--backend", url])
    assert shown.exit_code == 0 and "Typesense backend" in shown.stderr
