"""The searchdocs command line, through click's runner: every option, outputs, exit codes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from searchlib.errors import ExitCode

from .conftest import SEED, copy_seeds, invoke


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project directory with corpus/ and a built index/ (built by the first search)."""
    root = tmp_path_factory.mktemp("cli")
    copy_seeds(root)
    result = invoke(root, ["cooperation"])
    assert result.exit_code == 0, result.stderr
    return root


def lines(result):
    return [line for line in result.stdout.splitlines() if line]


def plain_ids(result):
    return {line.split("\t")[3] for line in lines(result)}


def json_of(result):
    return json.loads(result.stdout)


P = {name: f"corpus/{file}" for name, file in SEED.items()}


# first use ---------------------------------------------------------------------------------
def test_first_search_builds_the_index_with_a_notice(tmp_path):
    copy_seeds(tmp_path)
    result = invoke(tmp_path, ["human trafficking", "--since", "2024"])
    assert result.exit_code == 0
    notices = [line for line in result.stderr.splitlines() if "index" in line]
    assert notices == ["searchdocs: no index at index yet; building it from corpus …"]
    assert plain_ids(result) == {P["mekong"]}


def test_no_index_and_no_corpus_is_a_clear_error(tmp_path):
    result = invoke(tmp_path, ["anything"])
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("searchdocs: error: no index at index and no corpus")
    assert "hint:" in result.stderr and "Traceback" not in result.stderr


# the acceptance cases --------------------------------------------------------------
@pytest.mark.parametrize("query", ["luong tam quang", "Lương Tam Quang"])
def test_name_spellings_find_the_same_articles(project, query):
    assert plain_ids(invoke(project, [query])) == {P["phone"], P["asean"], P["beijing"]}


def test_person_option_any_spelling(project):
    result = invoke(project, ["--person", "to lam"])
    assert plain_ids(result) == {P["phone"], P["lao"], P["beijing"]}


def test_since_excludes_2022(project):
    result = invoke(project, ["human trafficking", "--since", "2024"])
    assert P["lao"] not in plain_ids(result)


# output formats ----------------------------------------------------------------------------
def test_plain_output_is_one_tab_separated_hit_per_line(project):
    result = invoke(project, ["cooperation", "--sort", "newest"])
    rows = [line.split("\t") for line in lines(result)]
    assert len(rows) == 5 and all(len(r) == 4 for r in rows)
    assert rows[0][:2] == ["2025-09-17", "-"]
    assert rows[-1][0] == "-"  # undated last
    assert "showing 1–5 of 5" in result.stderr


def test_plain_output_summarises_facets_on_stderr(project):
    result = invoke(project, ["luong tam quang"])
    assert "  year: 2025 (1), undated (2)" in result.stderr
    assert "  people: Lương Tam Quang (3), Tô Lâm (2)" in result.stderr
    assert "people:" not in result.stdout


def test_json_output(project):
    data = json_of(invoke(project, ["luong tam quang", "--json"]))
    assert data["query"] == "luong tam quang" and data["total"] == 3
    hit = data["hits"][0]
    assert set(hit) == {"id", "path", "title", "date", "source", "people", "topics", "lang", "score", "snippet",
                        "highlights", "title_highlights", "url"}
    assert set(data["facets"]) == {"year", "source", "people", "topics"}
    assert data["facets"]["people"]["Lương Tam Quang"] == 3
    assert all(isinstance(v, int) for v in data["facets"]["source"].values())


def test_json_dates_are_iso_or_null(project):
    data = json_of(invoke(project, ["--json", "-n", "0"]))
    assert {h["date"] for h in data["hits"]} == {"2025-09-17", "2025-08-19", "2022-10-25", None}


def test_rich_rendering_marks_matches_and_shows_facets(project):
    from rich.console import Console

    from searchlib import Index
    from searchlib.cli.render import render_rich

    buf = io.StringIO()
    out = Console(file=buf, force_terminal=True, width=100, color_system="standard")
    render_rich(Index(project / "index").search("luong"), out=out)
    text = buf.getvalue()
    assert "\x1b[1;4mLương\x1b[0m" in text or "\x1b[1;4mLuong\x1b[0m" in text
    assert "Facets over" in text and "Lương Tam Quang" in text


# every option ------------------------------------------------------------------------------
@pytest.mark.parametrize("args, expected", [
    (["--until", "2022"], {"lao"}),
    (["--since", "2025-08", "--until", "2025-08"], {"phone"}),
    (["--source", "VGP"], {"beijing"}),
    (["--source", "vgp", "--source", "VNA"], {"beijing", "lao"}),
    (["--person", "to lam", "--person", "nguyen van long"], {"phone", "lao", "beijing", "mekong"}),
    (["--person", "to lam", "--since", "2025"], {"phone"}),
    (["--topic", "law-enforcement cooperation", "--until", "2022"], {"lao"}),
    (["--lang", "en", "--until", "2022"], {"lao"}),
])
def test_filter_options(project, args, expected):
    assert plain_ids(invoke(project, args)) == {P[n] for n in expected}


def test_options_before_the_query(project):
    result = invoke(project, ["--since", "2024", "human trafficking"])
    assert plain_ids(result) == {P["mekong"]}


def test_sort_and_limit_and_page(project):
    newest = lines(invoke(project, ["--sort", "newest", "-n", "2"]))
    oldest = lines(invoke(project, ["--sort", "oldest", "--limit", "1"]))
    page2 = lines(invoke(project, ["--sort", "newest", "-n", "2", "--page", "2"]))
    assert [r.split("\t")[0] for r in newest] == ["2025-09-17", "2025-08-19"]
    assert [r.split("\t")[0] for r in oldest] == ["2022-10-25"]
    assert page2[0].split("\t")[0] == "2022-10-25"
    assert len(lines(invoke(project, ["-n", "0"]))) == 5


def test_page_past_the_end(project):
    result = invoke(project, ["-n", "2", "--page", "9"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "nothing to show on page 9: 5 hits fill 3 page(s)" in result.stderr


def test_index_and_corpus_options_and_env(project, tmp_path):
    elsewhere = tmp_path / "ix"
    r1 = invoke(tmp_path, ["to lam", "--index", str(elsewhere), "--corpus", str(project / "corpus")])
    assert r1.exit_code == 0 and (elsewhere / "searchdocs.json").exists()
    r2 = invoke(tmp_path, ["to lam"], env={"SEARCHDOCS_INDEX": str(elsewhere)})
    assert r2.exit_code == 0 and r2.stdout == r1.stdout
    r3 = invoke(tmp_path, ["to lam"], env={"SEARCHDOCS_INDEX": str(tmp_path / "ix2"),
                                           "SEARCHDOCS_CORPUS": str(project / "corpus")})
    assert r3.exit_code == 0 and "building it from" in r3.stderr


def test_query_that_is_a_command_name(project):
    result = invoke(project, ["search", "index", "-n", "1"])
    assert result.exit_code in (0, 1) and "Usage" not in result.stderr


# exit codes and bad input --------------------------------------------------------------------
def test_no_hits_exits_1(project):
    result = invoke(project, ["zzzqqqxxx"])
    assert result.exit_code == ExitCode.NO_HITS and result.stdout == ""


@pytest.mark.parametrize("args", [['"human trafficking'], ["(drug"], ["foo:bar"], ["--since", "June"],
                                  ["--topic", "gardening"], ["--sort", "random"], ["-n", "-1"]])
def test_bad_input_exits_2_with_one_line_error(project, args):
    result = invoke(project, args)
    assert result.exit_code == ExitCode.ERROR
    assert "Traceback" not in result.stderr
    assert result.stderr.lower().count("error") >= 1


def test_lenient_searches_the_words(project):
    result = invoke(project, ['"Luong Tam', "--lenient"])
    assert result.exit_code == 0 and plain_ids(result) == {P["phone"], P["asean"], P["beijing"]}
    assert "plain text" in result.stderr


def test_foreign_index_directory(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("buy milk")
    result = invoke(tmp_path, ["x", "--index", "notes"])
    assert result.exit_code == ExitCode.ERROR and "not a searchdocs index" in result.stderr
    assert os.listdir(tmp_path / "notes") == ["todo.txt"]


def test_search_never_modifies_the_index_and_reports_changes(tmp_path):
    copy_seeds(tmp_path)
    invoke(tmp_path, ["x"])
    before = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "index").iterdir()}
    shutil.copy(tmp_path / "corpus" / SEED["lao"], tmp_path / "corpus" / "copy.txt")
    result = invoke(tmp_path, ["cooperation"])
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "index").iterdir()}
    assert before == after
    assert "changed since the last update (1 new file(s))" in result.stderr


# index command ---------------------------------------------------------------------------
def test_index_command_summary_and_update(tmp_path):
    copy_seeds(tmp_path)
    first = invoke(tmp_path, ["index"])
    assert first.exit_code == 0
    assert "5 added, 0 updated, 0 removed, 0 unchanged, 0 failed · 5 articles (2 undated)" in first.stdout
    (tmp_path / "corpus" / SEED["asean"]).unlink()
    second = invoke(tmp_path, ["index", "--json"])
    report = json_of(second)
    assert (report["removed"], report["unchanged"], report["articles"]) == (1, 4, 4)


def test_index_command_paths_rebuild_quiet(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "a.txt").write_text("title: Fraud ring\ndate: 2024-02-02\n\nPolice broke up an online fraud ring.\n")
    assert invoke(tmp_path, ["index", "corpus", "extra"]).exit_code == 0
    rebuilt = invoke(tmp_path, ["index", "--rebuild", "--quiet", "extra"])
    assert rebuilt.exit_code == 0 and rebuilt.stdout == ""
    assert plain_ids(invoke(tmp_path, ["-n", "0"])) == {"extra/a.txt"}


def test_index_command_reports_bad_files_and_exits_3(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    (tmp_path / "corpus" / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00junk")
    result = invoke(tmp_path, ["index"])
    assert result.exit_code == ExitCode.PARTIAL
    assert "searchdocs: skipped corpus/empty.txt:" in result.stderr
    assert "searchdocs: skipped corpus/bad.txt:" in result.stderr
    assert "5 articles" in result.stdout and "2 failed" in result.stdout
    assert "Traceback" not in result.stderr


# extract command ---------------------------------------------------------------------------
def test_extract_text_output(project):
    result = invoke(project, ["extract", P["phone"]])
    assert result.exit_code == 0
    assert "   date: 2025-08-19" in result.stdout and " source: VNS" in result.stdout
    assert "Lương Tam Quang" in result.stdout


def test_extract_json_has_every_field_and_body(project):
    result = invoke(project, ["extract", "--json", "corpus"])
    records = [json.loads(line) for line in lines(result)]
    assert len(records) == 5
    assert set(records[0]) >= {"id", "path", "title", "body", "date", "source", "people", "topics", "lang"}
    assert all(r["body"] for r in records)


def test_extract_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke(tmp_path, ["extract", "empty.txt"])
    assert result.exit_code == ExitCode.ERROR and "empty.txt" in result.stderr
    missing = invoke(tmp_path, ["extract", "nope.txt"])
    assert missing.exit_code == ExitCode.ERROR and "Traceback" not in missing.stderr


# help and version --------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["--help"], ["search", "--help"], ["index", "--help"], ["extract", "--help"], ["-h"]])
def test_help(tmp_path, args):
    result = invoke(tmp_path, args)
    assert result.exit_code == 0 and "Usage" in result.stdout and "Example" in result.stdout


def test_version(tmp_path):
    result = invoke(tmp_path, ["--version"])
    assert result.exit_code == 0 and "searchdocs" in result.stdout


def test_mixed_bad_corpus_reports_each_file_and_indexes_the_rest(tmp_path):
    copy_seeds(tmp_path)
    corpus = tmp_path / "corpus"
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "latin1.txt").write_bytes("title: Café\n\nPolice raided a café selling heroin.\n".encode("cp1252"))
    (corpus / "broken.txt").write_bytes(b"title: x\n\n\xff\xfe\xfa\x00\x00\x01\x02\x03" * 50)
    (corpus / "blank.md").write_text("   \n\n", encoding="utf-8")
    (corpus / "feed.jsonl").write_text('{"id": "j1", "body": "Customs seized smuggled cigarettes."}\n'
                                       '{"id": "j2", "body": \n'
                                       '{"id": "j3", "body": "Border guards arrested two smugglers."}\n',
                                       encoding="utf-8")
    result = invoke(tmp_path, ["index"])
    assert result.exit_code == ExitCode.PARTIAL and "Traceback" not in result.stderr
    skipped = sorted(line.split(": ")[1].removeprefix("skipped ")
                     for line in result.stderr.splitlines() if "skipped" in line)
    assert skipped == ["corpus/blank.md", "corpus/broken.txt", "corpus/feed.jsonl:2", "corpus/gone.txt"]
    assert "warning: corpus/latin1.txt: not valid UTF-8" in result.stderr
    assert "8 articles" in result.stdout  # 5 seeds + latin1 + j1 + j3: nothing good lost
    assert plain_ids(invoke(tmp_path, ["heroin"])) == {"corpus/latin1.txt"}
    assert plain_ids(invoke(tmp_path, ["smugglers"])) == {"corpus/feed.jsonl"}


def test_broken_pipe_exits_quietly(project):
    import subprocess
    import sys

    code = ("import sys; from searchlib.cli import main; "
            "sys.argv = ['searchdocs', 'cooperation', '-n', '0', '--index', 'index', '--corpus', 'corpus']; main()")
    proc = subprocess.run(f"{sys.executable} -c \"{code}\" | head -c 1", shell=True, cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr and "error:" not in proc.stderr


def test_fifo_in_corpus_is_reported_not_read(tmp_path):
    copy_seeds(tmp_path)
    os.mkfifo(tmp_path / "corpus" / "pipe.txt")
    result = invoke(tmp_path, ["index"])
    assert result.exit_code == ExitCode.PARTIAL
    assert "searchdocs: skipped corpus/pipe.txt: not a regular file" in result.stderr


def test_environment_errors_are_one_line(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / ".lock").mkdir()  # the lock file cannot be opened
    result = invoke(tmp_path, ["index"])
    assert result.exit_code == ExitCode.ERROR and "Traceback" not in result.stderr
    assert result.stderr.startswith("searchdocs: error: ") and "hint:" in result.stderr


def test_help_does_not_import_the_engine() -> None:
    # `searchdocs --help` must stay fast: whoosh, Rich and Beautiful Soup load only when a
    # command runs (a deterministic guard; the time itself is measured in bench/perf.py).
    code = ("import sys, searchlib.cli; "
            "print(sorted(m for m in ('whoosh', 'rich', 'bs4', 'typesense') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
