"""The search experience through click's runner: suggestions, timelines, facets, output
formats, colour, quiet, explain, show/open/similar, stats and facet values."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys

import pytest

from searchlib.errors import ExitCode

from .conftest import invoke

TRAFFICKING_STDOUT = """\
2024-03-20	VGP	Trafficking ring dismantled in Hanoi	corpus/news.jsonl
2024-03-05	VNA	Police rescue victims of human trafficking	corpus/news.jsonl
2024-05-02	VNA	Court jails traffickers	corpus/news.jsonl
"""


def run(project, *args, env=None):
    return invoke(project, list(args), env)


def rstripped(text: str) -> str:
    """Rich pads table lines to the terminal width; compare without the padding."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


# did you mean ------------------------------------------------------------------------------------
def test_zero_hits_print_a_suggestion_on_stderr_and_exit_1(ux_project):
    result = run(ux_project, "trafficing")
    assert result.exit_code == ExitCode.NO_HITS and result.stdout == ""
    assert result.stderr == "searchdocs: no hits for 'trafficing'\nsearchdocs: did you mean: trafficking\n"


def test_suggestion_in_json_and_the_query_is_not_rewritten(ux_project):
    result = run(ux_project, "traficking", "--json")
    data = json.loads(result.stdout)
    assert (data["query"], data["total"], data["suggestion"]) == ("traficking", 1, "trafficking")
    assert [h["id"] for h in data["hits"]] == ["t4"]
    assert result.stderr == "searchdocs: did you mean: trafficking\n"


def test_no_suggestion_key_is_null_when_there_is_none(ux_project):
    assert json.loads(run(ux_project, "trafficking", "--json").stdout)["suggestion"] is None


# plain output: facets and timeline on stderr ----------------------------------------------------
def test_pipe_output_has_hits_on_stdout_and_facets_and_timeline_on_stderr(ux_project):
    result = run(ux_project, "trafficking")
    assert result.exit_code == 0 and result.stdout == TRAFFICKING_STDOUT
    assert result.stderr == """\
searchdocs: showing 1–3 of 3 · page 1/1 · sorted by relevance
  year: 2024 (3)
  source: VNA (2), VGP (1)
  people: Nguyễn Thị Bình (1), Nguyễn Văn An (1), Trần Văn Thanh (1)
  topics: human trafficking (3)
  hits per month:
    2024-03  ████████████████████████████████████████  2
    2024-04                                            0
    2024-05  ████████████████████                      1
"""


def test_facet_chooses_facets_and_facet_size_their_length(ux_project):
    result = run(ux_project, "trafficking", "--facet", "month", "--facet", "person", "--facet-size", "1",
                 "--no-timeline")
    assert result.stdout == TRAFFICKING_STDOUT
    assert result.stderr == """\
searchdocs: showing 1–3 of 3 · page 1/1 · sorted by relevance
  month: 2024-03 (2)
  people: Nguyễn Thị Bình (1)
"""


def test_facet_none_and_unknown_facet(ux_project):
    result = run(ux_project, "trafficking", "--facet", "none", "--no-timeline")
    assert result.stderr == "searchdocs: showing 1–3 of 3 · page 1/1 · sorted by relevance\n"
    bad = run(ux_project, "trafficking", "--facet", "colour")
    assert bad.exit_code == ExitCode.ERROR
    assert bad.stderr == ("searchdocs: error: unknown facet 'colour'\n"
                          "  hint: facets: year, month, source, people, topics, lang\n")


def test_timeline_per_year_over_a_long_span(seed_project):
    result = run(seed_project, "cooperation", "--facet", "none")
    assert result.stderr.endswith("""\
  hits per year:
    2022     ████████████████████                      1
    2023                                               0
    2024                                               0
    2025     ████████████████████████████████████████  2
    undated                                            2
""")


# machine-readable outputs --------------------------------------------------------------------
def test_json_has_total_took_ms_timeline_and_highlight_offsets(ux_project):
    data = json.loads(run(ux_project, "human trafficking", "--json").stdout)
    assert data["total"] == 1 and isinstance(data["took_ms"], float) and data["took_ms"] >= 0
    assert data["timeline"] == {"unit": "month", "buckets": [{"period": "2024-03", "count": 1}], "undated": 0}
    hit = data["hits"][0]
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["human", "trafficking", "trafficking"]
    assert [hit["title"][a:b] for a, b in hit["title_highlights"]] == ["human", "trafficking"]
    assert hit["url"] == "https://example.org/t1"


def test_jsonl_is_one_hit_per_line_equal_to_the_json_hits(ux_project):
    lines = run(ux_project, "trafficking", "--jsonl").stdout.splitlines()
    full = json.loads(run(ux_project, "trafficking", "--json").stdout)
    assert [json.loads(line) for line in lines] == full["hits"]
    assert [json.loads(line)["id"] for line in lines] == ["t2", "t1", "t3"]


def test_csv_has_a_header_and_one_row_per_hit(ux_project):
    result = run(ux_project, "trafficking", "--csv", "-n", "2", "--page", "2")
    assert result.stdout == (
        "rank,id,date,source,title,path,url,people,topics,lang,score,snippet\n"
        "3,t3,2024-05-02,VNA,Court jails traffickers,corpus/news.jsonl,,Trần Văn Thanh,human trafficking,en,3.6556,"
        "A court jailed five members of a trafficking gang. Judge Trần Văn Thanh said trafficking cases had risen "
        "along the northern border.\n")
    rows = list(csv.DictReader(io.StringIO(run(ux_project, "police", "--csv").stdout)))
    assert [r["id"] for r in rows] == ["t1", "t6", "t2"] and rows[1]["date"] == ""


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path):
    from .conftest import write_jsonl

    (tmp_path / "corpus").mkdir()
    write_jsonl(tmp_path / "corpus" / "x.jsonl", [{"id": "=cmd", "title": "=HYPERLINK(\"x\")",
                                                   "body": "Police seized goods at the border crossing."}])
    row = next(csv.DictReader(io.StringIO(run(tmp_path, "police", "--csv").stdout)))
    assert (row["id"], row["title"]) == ("'=cmd", "'=HYPERLINK(\"x\")")


def test_only_one_output_format(ux_project):
    result = run(ux_project, "trafficking", "--json", "--csv")
    assert result.exit_code == ExitCode.ERROR and "choose one of --json / --csv" in result.stderr


# quiet, explain, pager ----------------------------------------------------------------------
def test_quiet_prints_nothing_and_sets_the_status(ux_project):
    hit = run(ux_project, "trafficking", "-q")
    miss = run(ux_project, "trafficing", "--quiet", "--explain")
    assert (hit.exit_code, hit.stdout, hit.stderr) == (0, "", "")
    assert (miss.exit_code, miss.stdout, miss.stderr) == (1, "", "")


def test_quiet_still_reports_errors(ux_project):
    result = run(ux_project, '"unbalanced', "-q")
    assert result.exit_code == ExitCode.ERROR and result.stderr.startswith("searchdocs: error: unbalanced quote")


def test_explain_prints_the_parsed_query_on_stderr(ux_project):
    result = run(ux_project, "Thạch", "--explain", "--since", "2024", "--person", "le van", "--source", "nowhere")
    assert result.exit_code == ExitCode.NO_HITS and result.stdout == ""
    assert result.stderr == """\
searchdocs: query: 'Thạch' · all words required
  fields searched: body, body_acc, body_fold, title, title_fold
  folded terms: thach
  exact terms: thạch
  date range: 2024-01-01 … (open)
  filter source: matches nothing in the index
  filter person: le van thach
  whoosh: Or([Term('body_fold', 'thach'), Term('title_fold', 'thach', boost=2.0), Term('body', 'thạch', \
boost=2.0), Term('body_acc', 'thạch', boost=2.0), Term('title', 'thạch', boost=4.0)])
searchdocs: no hits for 'Thạch'
"""


def test_explain_unaccented_words_and_phrases(ux_project):
    result = run(ux_project, '"trafficking ring" -drug', "--explain", "--facet", "none", "--no-timeline")
    explained = result.stderr.split("  whoosh:")[0]
    assert explained == """\
searchdocs: query: '"trafficking ring" -drug' · all words required
  fields searched: body_fold, title_fold
  folded terms: —
  exact terms: — (no accents typed: exact fields not searched)
  phrases: trafficking ring
  excluded: drug
"""


def test_pager_is_ignored_when_stdout_is_not_a_terminal(ux_project):
    plain = run(ux_project, "trafficking")
    paged = run(ux_project, "trafficking", "--pager", env={"PAGER": "false"})
    assert (paged.stdout, paged.stderr) == (plain.stdout, plain.stderr)


# colour and terminal layout ------------------------------------------------------------------
COLUMNS = {"COLUMNS": "90"}


def test_terminal_layout_without_colour(ux_project):
    result = run(ux_project, "warned", "--color", "never", env={**COLUMNS, "FORCE_COLOR": "1"})
    assert "\x1b" not in result.stdout
    assert rstripped(result.stdout) == """\
  1 undated     VNS  Cyber fraud warning issued
    Police warned the public about online fraud using fake investment apps and cyber
    scams.
    corpus/news.jsonl  · online and telecom fraud

╭─ Facets over 1 hit ────────────────────────────────────────────────────────────────────╮
│ Year            Source      Topics                                                     │
│  undated  1      VNS  1      online and telecom fraud  1                               │
╰────────────────────────────────────────────────────────────────────────────────────────╯
"""


BOLD_UNDERLINE = "\x1b[1;4mwarned\x1b[0m"
CYAN = "\x1b[36m"


def test_color_always_marks_hits_bold_underlined_in_colour(ux_project):
    result = run(ux_project, "warned", "--color", "always", env={**COLUMNS, "NO_COLOR": "1", "TERM": "dumb"})
    assert BOLD_UNDERLINE in result.stdout and CYAN in result.stdout  # the flag wins over the environment


def test_no_color_keeps_bold_and_underline(ux_project):
    result = run(ux_project, "warned", env={**COLUMNS, "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert BOLD_UNDERLINE in result.stdout and CYAN not in result.stdout


def test_term_dumb_and_color_never_print_no_escapes(ux_project):
    for env, args in (({"FORCE_COLOR": "1", "TERM": "dumb"}, []), ({"FORCE_COLOR": "1"}, ["--color", "never"])):
        result = run(ux_project, "warned", *args, env={**COLUMNS, **env})
        assert "\x1b" not in result.stdout and "Cyber fraud warning issued" in result.stdout


def test_color_auto_in_a_pipe_is_plain(ux_project):
    result = run(ux_project, "warned", "--color", "auto")
    assert result.stdout == "-\tVNS\tCyber fraud warning issued\tcorpus/news.jsonl\n"


def test_terminal_layout_draws_the_timeline_under_the_facets(ux_project):
    result = run(ux_project, "trafficking", "--color", "never", "--facet", "none", env={**COLUMNS, "FORCE_COLOR": "1"})
    assert rstripped(result.stdout).endswith("""\
╭─ Hits per month (3 hits) ────────────────────────────╮
│ 2024-03  ████████████████████████████████████████  2 │
│ 2024-04                                            0 │
│ 2024-05  ████████████████████                      1 │
╰──────────────────────────────────────────────────────╯
""")


# show / open / similar ----------------------------------------------------------------------
def test_show_prints_the_whole_article_with_metadata(ux_project):
    result = run(ux_project, "show", "t5", "-q", "thach")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == """\
Cảnh báo lừa đảo trực tuyến

    id: t5
  date: 2024-06-11
source: CAND
  lang: vi
people: Lê Văn Thạch
topics: online and telecom fraud
author: —
   url: —
  path: corpus/news.jsonl

Công an thành phố cảnh báo người dân về các thủ đoạn lừa đảo trực tuyến. Đại tá Lê Văn Thạch cho biết nhiều người đã bị lừa qua mạng xã hội.
"""


def test_show_highlights_the_query_terms(ux_project):
    result = run(ux_project, "show", "t5", "--query", "Lê Văn Thạch", "--color", "always", env={"COLUMNS": "200"})
    assert "\x1b[1;4mLê\x1b[0m \x1b[1;4mVăn\x1b[0m \x1b[1;4mThạch\x1b[0m" in result.stdout


def test_show_json_gives_offsets(ux_project):
    data = json.loads(run(ux_project, "show", "t1", "-q", "trafficking", "--json").stdout)
    assert [data["body"][a:b] for a, b in data["body_highlights"]] == ["trafficking", "trafficking"]
    assert [data["title"][a:b] for a, b in data["title_highlights"]] == ["trafficking"]
    assert data["url"] == "https://example.org/t1" and data["date"] == "2024-03-05"


def test_show_unknown_id_is_an_error(ux_project):
    result = run(ux_project, "show", "nope")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == ("searchdocs: error: no article with id 'nope' in the index\n"
                             "  hint: ids are the 'id' key of --json output; a file's id is its path as listed\n")


def test_open_print_shows_the_url_or_the_file(ux_project):
    assert run(ux_project, "open", "t1", "--print").stdout == "https://example.org/t1\n"
    news = f"{ux_project / 'corpus' / 'news.jsonl'}\n"
    assert run(ux_project, "open", "t1", "--print", "--file").stdout == news
    assert run(ux_project, "open", "t2", "--print").stdout == news
    assert run(ux_project, "open", "t2", env={"SEARCHDOCS_OPEN_PRINT": "1"}).stdout == news


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="click.launch uses xdg-open on Linux")
def test_open_launches_the_system_opener(ux_project, tmp_path):
    # a stand-in xdg-open on PATH records what click.launch asked it to open
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    opener.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {tmp_path}/opened\n')
    opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
    env = {"PATH": f"{opener.parent}{os.pathsep}{os.environ['PATH']}"}
    assert run(ux_project, "open", "t1", env=env).exit_code == 0
    assert run(ux_project, "open", "t2", env=env).exit_code == 0
    assert (tmp_path / "opened").read_text() == f"https://example.org/t1\n{ux_project / 'corpus' / 'news.jsonl'}\n"
    opener.write_text("#!/bin/sh\nexit 4\n")
    failed = run(ux_project, "open", "t1", env=env)
    assert failed.exit_code == ExitCode.ERROR
    assert failed.stderr.startswith("searchdocs: error: could not open https://example.org/t1 (the opener exited "
                                    "with status 4)")


def test_similar_lists_articles_like_one(ux_project):
    result = run(ux_project, "similar", "t2")
    assert result.stdout == ("2024-03-05\tVNA\tPolice rescue victims of human trafficking\tcorpus/news.jsonl\n"
                             "2024-05-02\tVNA\tCourt jails traffickers\tcorpus/news.jsonl\n")
    first, footer = result.stderr.splitlines()
    assert first.startswith("searchdocs: like t2: ") and "trafficking" in first
    assert footer == "searchdocs: showing 1–2 of 2 · page 1/1 · sorted by similarity"
    data = json.loads(run(ux_project, "similar", "t2", "-n", "1", "--json").stdout)
    assert (data["like"], data["total"], len(data["hits"])) == ("t2", 2, 1)


# stats and facet values ------------------------------------------------------------------------
def test_stats(ux_project):
    result = run(ux_project, "stats")
    out = re.sub(r"index · [\d.]+ KiB", "index · SIZE", result.stdout)
    out = re.sub(r"updated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "updated: TIME", out)
    assert out == """\
    index: index · SIZE · 1 source file · 1 segment
  updated: TIME
 articles: 6 (5 dated, 1 undated)
    dates: 2023-12-30 … 2024-06-11
languages: en (5), vi (1)
  sources: VNA (2), VNS (2), CAND (1), VGP (1)
   people: Lê Văn Thạch (1), Nguyễn Thị Bình (1), Nguyễn Văn An (1), Trần Văn Thanh (1)
   topics: human trafficking (3), online and telecom fraud (2), law-enforcement cooperation (1)
    years:
      2023     ██████████                                1
      2024     ████████████████████████████████████████  4
      undated                                            1
"""


def test_stats_json(ux_project):
    data = json.loads(run(ux_project, "stats", "--json", "--top", "1").stdout)
    assert data["sources"] == {"VNA": 2} and data["languages"] == {"en": 5, "vi": 1}
    assert (data["articles"], data["undated"], data["first_date"], data["last_date"]) == (6, 1, "2023-12-30", "2024-06-11")
    assert data["years"]["buckets"] == [{"period": "2023", "count": 1}, {"period": "2024", "count": 4}]
    assert data["size_bytes"] > 0 and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", data["updated"])
    assert data["segments"] == 1


def test_facets_match_without_accents(ux_project):
    result = run(ux_project, "facets", "people", "--match", "nguyen")
    assert (result.exit_code, result.stdout) == (0, "1  Nguyễn Thị Bình\n1  Nguyễn Văn An\n")
    assert run(ux_project, "facets", "source").stdout == "2  VNA\n2  VNS\n1  CAND\n1  VGP\n"
    assert json.loads(run(ux_project, "facets", "person", "--match", "THẠCH", "--json").stdout) == \
        {"facet": "people", "match": "THẠCH", "values": {"Lê Văn Thạch": 1}}


def test_facets_no_match_exits_1_and_unknown_facet_exits_2(ux_project):
    assert run(ux_project, "facets", "people", "--match", "zzz").exit_code == ExitCode.NO_HITS
    assert run(ux_project, "facets", "colour").exit_code == ExitCode.ERROR
