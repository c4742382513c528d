"""Bad input through ``searchdocs index``: one line per bad file, every good article kept.

Each case puts one awkward file beside the five seed articles and runs the command; then
all cases together run as one real process (a mixed corpus). The rules checked: a bad file
is one line ``searchdocs: skipped PATH: reason`` on stderr, counted in the summary's
``failed``, exit 3; a file that could be read with a guess (encodings) is indexed with one
``warning`` line and exit 0; never a traceback.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from searchlib import Index
from searchlib.errors import ExitCode

from .conftest import copy_seeds, ids, invoke
from .test_ingest_encodings import VI, to_cp1258

ARTICLE = "Police seize heroin\n\nPolice in Hà Nội seized 10 kg of heroin on Monday, the ministry said.\n"


def _binary(corpus: Path) -> None:
    rng = random.Random(1)
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000))
    (corpus / "blob.html").write_bytes(rng.randbytes(3000))


def _gz(corpus: Path) -> None:
    packed = gzip.compress(ARTICLE.encode() * 40)
    (corpus / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])


def _huge(corpus: Path) -> None:
    line = ("Police in Hà Nội seized heroin and arrested smugglers near the border. " * 14 + "\n").encode()
    with open(corpus / "huge.txt", "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)


def _deep(corpus: Path) -> None:
    (corpus / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>Border guards in Lạng Sơn seized "
                                      "smuggled cigarettes on Tuesday.</p>" + "</div>" * 10_000 + "</body></html>")


def _script(corpus: Path) -> None:
    (corpus / "script.html").write_text("<html><head><title>Breaking</title></head><body>" + "<script>document."
                                        "write('Police arrested three smugglers');</script>" * 300 + "</body></html>")


def _jsonl(corpus: Path) -> None:
    (corpus / "feed.jsonl").write_text(
        '{"id": "f1", "body": "Customs officers seized smuggled cigarettes at the port."}\n'
        '{"id": "f2", "body": "broken line, no closing brace"\n'
        '[1, 2, 3]\n'
        '{"id": "f4", "body": "Border guards arrested two smugglers in the mountains."}\n', encoding="utf-8")


def _loops(corpus: Path) -> None:
    os.symlink("loop-b.txt", corpus / "loop-a.txt")
    os.symlink("loop-a.txt", corpus / "loop-b.txt")
    (corpus / "sub").mkdir()
    os.symlink("..", corpus / "sub" / "up")  # a directory loop: never followed


def _names(corpus: Path) -> None:
    (corpus / "with spaces.txt").write_text("Fraud ring broken\n\nPolice broke up an online fraud ring in Đà Nẵng.\n")
    (corpus / "new\nline.txt").write_text("Drug ring dismantled\n\nPolice dismantled a methamphetamine ring.\n")
    (corpus.joinpath(os.fsdecode(b"caf\xe9-\xff.txt"))).write_text(
        "Customs news\n\nCustoms officers found contraband ivory in a container.\n")


#: case → (builder, expected skipped paths and a word of their reason, warnings, good articles added)
CASES: dict[str, tuple[Callable[[Path], None], dict[str, str], list[str], int]] = {
    "binary with text suffixes": (_binary, {"corpus/photo.txt": "binary", "corpus/blob.html": "binary"}, [], 0),
    "empty files": (lambda c: ((c / "empty.md").write_bytes(b""), (c / "blank.txt").write_text(" \n\t\n")),
                    {"corpus/empty.md": "empty", "corpus/blank.txt": "empty"}, [], 0),
    "invalid utf-8": (lambda c: (c / "latin.txt").write_bytes(ARTICLE.replace("Hà Nội", "Hanoi").encode()
                                                               + b"Caf\xe9 \x93ok\x94\n"),
                      {}, ["corpus/latin.txt: not valid UTF-8; decoded as Windows-1252"], 1),
    "utf-16 without bom": (lambda c: (c / "utf16.txt").write_bytes(ARTICLE.encode("utf-16-le")),
                           {}, ["corpus/utf16.txt: no byte-order mark; decoded as UTF-16-LE"], 1),
    "windows-1258": (lambda c: (c / "vn.txt").write_bytes(to_cp1258("Tin tức\n\n" + VI)),
                     {}, ["corpus/vn.txt: not valid UTF-8; decoded as Windows-1258 (Vietnamese)"], 1),
    "truncated gz": (_gz, {"corpus/cut.txt.gz": "truncated or corrupt gzip"}, [], 0),
    "50 MB text file": (_huge, {"corpus/huge.txt": "too large for one article"}, [], 0),
    "html nested 10000 deep": (_deep, {}, [], 1),
    "html all script": (_script, {"corpus/script.html": "no article text"}, [], 0),
    "jsonl broken lines": (_jsonl, {"corpus/feed.jsonl:2": "invalid JSON", "corpus/feed.jsonl:3": ""}, [], 2),
    "symlink loops": (_loops, {"corpus/loop-a.txt": "symbolic links", "corpus/loop-b.txt": "symbolic links"}, [], 0),
    "odd file names": (_names, {}, [], 3),
}




def skipped_lines(stderr: str) -> dict[str, str]:
    out = {}
    for line in stderr.splitlines():
        if line.startswith("searchdocs: skipped "):
            path, _, reason = line.removeprefix("searchdocs: skipped ").partition(": ")
            assert path not in out, f"{path} reported twice"
            out[path] = reason
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_input_is_one_line_and_the_rest_is_indexed(tmp_path, case):
    build, skipped, warnings, good = CASES[case]
    copy_seeds(tmp_path)
    build(tmp_path / "corpus")
    result = invoke(tmp_path, ["index"])
    assert "Traceback" not in result.stderr
    assert result.exit_code == (ExitCode.PARTIAL if skipped else ExitCode.OK), result.stderr
    reported = skipped_lines(result.stderr)
    assert set(reported) == set(skipped)
    for path, word in skipped.items():
        assert word in reported[path]
    for warning in warnings:
        assert f"searchdocs: warning: {warning}" in result.stderr
    assert f"{len(skipped)} failed · {5 + good} articles" in result.stdout
    assert len(Index(tmp_path / "index")) == 5 + good


def test_odd_file_names_are_indexed_and_shown_as_text(tmp_path):
    copy_seeds(tmp_path)
    _names(tmp_path / "corpus")
    assert invoke(tmp_path, ["index", "-q"]).exit_code == 0
    ix = Index(tmp_path / "index")
    assert ids(ix.search("fraud ring")) == {"corpus/with spaces.txt"}
    assert ids(ix.search("methamphetamine")) == {"corpus/new\nline.txt"}
    assert ids(ix.search("ivory")) == {"corpus/caf\\xe9-\\xff.txt"}
    plain = invoke(tmp_path, ["methamphetamine"])
    assert plain.stdout.count("\n") == 1 and plain.stdout.rstrip("\n").endswith("corpus/new line.txt")
    data = json.loads(invoke(tmp_path, ["ivory", "--json"]).stdout)
    assert data["hits"][0]["path"] == "corpus/caf\\xe9-\\xff.txt"
    again = invoke(tmp_path, ["index", "--json"])  # stable names: nothing looks changed
    assert json.loads(again.stdout)["unchanged"] == 8
    assert not ix.corpus_changes([tmp_path / "corpus"])


# files that change between listing and reading ---------------------------------------------------
def _swap_after(first: str, action: Callable[[], None]):
    """A progress callback running ``action`` once, right after ``first`` was indexed:
    the next file has been listed but not read yet."""
    done = []

    def progress(_n: int, _total: int, path: str) -> None:
        if path.endswith(first) and not done:
            done.append(path)
            action()
    return progress


@pytest.mark.parametrize("change, reason", [
    ("delete", "No such file"), ("dangling symlink", "No such file"), ("fifo", "not a regular file"),
    ("directory", "not a regular file"), ("chmod 000", "Permission denied"),
])
def test_file_changed_between_listing_and_reading(tmp_path, change, reason):
    if change == "chmod 000" and os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file; the other changes cover the same path")
    corpus = copy_seeds(tmp_path)
    (corpus / "a.txt").write_text(ARTICLE)
    victim = corpus / "b.txt"
    victim.write_text(ARTICLE.replace("heroin", "opium"))

    def act() -> None:
        if change == "chmod 000":
            victim.chmod(0)
            return
        victim.unlink()
        if change == "dangling symlink":
            victim.symlink_to(tmp_path / "nowhere")
        elif change == "fifo":
            os.mkfifo(victim)
        elif change == "directory":
            victim.mkdir()

    problems = []
    report = Index(tmp_path / "index").update([corpus], progress=_swap_after("a.txt", act),
                                              on_problem=problems.append)
    assert [(p.path, reason in p.reason) for p in problems] == [("corpus/b.txt", True)], problems
    assert report.failed == 1 and report.articles == 6


# all of it at once, as a real process ---------------------------------------------------------------
def test_mixed_bad_corpus_in_one_real_run(tmp_path):
    corpus = copy_seeds(tmp_path)
    expected: dict[str, str] = {}
    good = 0
    for build, skipped, _warnings, added in CASES.values():
        build(corpus)
        expected.update(skipped)
        good += added
    os.mkfifo(corpus / "pipe.txt")
    expected["corpus/pipe.txt"] = "not a regular file"
    proc = subprocess.run([sys.executable, "-c", "from searchlib.cli import main; main()", "index"],
                          cwd=tmp_path, capture_output=True, timeout=120,
                          env={**os.environ, "SEARCHDOCS_INDEX": "", "SEARCHDOCS_CORPUS": ""})
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == ExitCode.PARTIAL and "Traceback" not in stderr
    assert set(skipped_lines(stderr)) == set(expected)
    assert all(line.startswith(("searchdocs: skipped ", "searchdocs: warning: ")) for line in stderr.splitlines())
    assert f"{len(expected)} failed · {5 + good} articles" in stdout
    listing = Index(tmp_path / "index").search(limit=0)
    assert listing.total == 5 + good == len(ids(listing))
