"""searchdocs.toml (default options, saved searches, errors with file and line) and shell
completion from index values, through click's runner."""

from __future__ import annotations

import json

import pytest

from searchlib.errors import ExitCode

from .conftest import invoke

TOML = """\
[defaults]
limit = 1
facet = ["source"]
timeline = false

[searches.trafficking]
query = "trafficking"
source = ["VGP", "VNS"]

[searches.fraud]
query = "fraud"
json = true
"""


@pytest.fixture()
def configured(ux_project):
    """The ux project with a searchdocs.toml in its directory (removed afterwards)."""
    path = ux_project / "searchdocs.toml"
    path.write_text(TOML, encoding="utf-8")
    yield ux_project
    path.unlink()


def test_defaults_apply_and_the_command_line_wins(configured):
    result = invoke(configured, ["trafficking"])
    assert result.stdout == "2024-03-20\tVGP\tTrafficking ring dismantled in Hanoi\tcorpus/news.jsonl\n"
    assert result.stderr == ("searchdocs: showing 1–1 of 3 · page 1/3 · sorted by relevance\n"
                             "  source: VNA (2), VGP (1)\n")
    assert len(invoke(configured, ["trafficking", "-n", "3"]).stdout.splitlines()) == 3


def test_defaults_apply_to_every_command_with_the_option(configured):
    assert len(invoke(configured, ["similar", "t2"]).stdout.splitlines()) == 1  # limit = 1
    assert len(invoke(configured, ["facets", "people"]).stdout.splitlines()) == 1


def test_environment_beats_the_config(configured):
    (configured / "searchdocs.toml").write_text('[defaults]\ncolor = "always"\n')
    result = invoke(configured, ["warned"], env={"SEARCHDOCS_COLOR": "never"})
    assert result.stdout == "-\tVNS\tCyber fraud warning issued\tcorpus/news.jsonl\n"


def test_run_a_saved_search(configured):
    result = invoke(configured, ["run", "trafficking"])
    assert result.exit_code == 0
    assert result.stdout == "2024-03-20\tVGP\tTrafficking ring dismantled in Hanoi\tcorpus/news.jsonl\n"
    data = json.loads(invoke(configured, ["run", "fraud"]).stdout)
    assert [h["id"] for h in data["hits"]] == ["t6"]


def test_run_adds_extra_words_and_options(configured):
    widened = invoke(configured, ["run", "trafficking", "--source", "VNA", "-n", "5"])
    assert len(widened.stdout.splitlines()) == 3  # repeated filters widen: VGP, VNS or VNA
    narrowed = invoke(configured, ["run", "trafficking", "court", "--json"])
    assert [h["id"] for h in json.loads(narrowed.stdout)["hits"]] == []
    assert narrowed.exit_code == ExitCode.NO_HITS


def test_run_without_a_name_lists_saved_searches(configured):
    result = invoke(configured, ["run"])
    assert result.stdout == ("trafficking  searchdocs trafficking --source VGP --source VNS\n"
                             "fraud        searchdocs fraud --json\n")


def test_run_an_unknown_name(configured):
    result = invoke(configured, ["run", "nope"])
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == ("searchdocs: error: no saved search named 'nope'\n"
                             "  hint: saved searches: trafficking, fraud (in [searches.NAME] tables of searchdocs.toml)\n")


def test_user_config_dir_and_working_directory_merge(ux_project, tmp_path):
    user = tmp_path / "xdg" / "searchdocs"
    user.mkdir(parents=True)
    (user / "searchdocs.toml").write_text('[defaults]\nlimit = 2\nfacet = ["none"]\n\n'
                                          '[searches.mine]\nquery = "police"\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    result = invoke(ux_project, ["police", "--no-timeline"], env=env)
    assert len(result.stdout.splitlines()) == 2 and result.stderr.count("\n") == 1
    (ux_project / "searchdocs.toml").write_text("[defaults]\nlimit = 3\n")
    try:
        assert len(invoke(ux_project, ["police"], env=env).stdout.splitlines()) == 3  # the project's file wins
        assert invoke(ux_project, ["run"], env=env).stdout == "mine  searchdocs police\n"
    finally:
        (ux_project / "searchdocs.toml").unlink()


def test_searchdocs_config_names_the_only_file(ux_project, tmp_path):
    config = tmp_path / "other.toml"
    config.write_text("[defaults]\nlimit = 1\n")
    assert len(invoke(ux_project, ["police"], env={"SEARCHDOCS_CONFIG": str(config)}).stdout.splitlines()) == 1
    missing = invoke(ux_project, ["police"], env={"SEARCHDOCS_CONFIG": str(tmp_path / "nope.toml")})
    assert missing.exit_code == ExitCode.ERROR
    assert missing.stderr.startswith(f"searchdocs: error: {tmp_path / 'nope.toml'}: no such config file")


@pytest.mark.parametrize("text, message", [
    ("[defaults]\nlimit = 2\nlimt = 3\n", "searchdocs.toml:3: unknown option 'limt' in [defaults]"),
    ("[defaults]\nlimit = \"many\"\n", "searchdocs.toml:2: limit: 'many' is not a valid integer range."),
    ("[defaults]\nlimit = 2\nfoo bar\n", "searchdocs.toml:3: invalid TOML: Expected '=' after a key in a key/value pair"),
    ("[defaults]\nsort = \"random\"\n", "searchdocs.toml:2: sort: 'random' is not one of 'relevance', 'newest', 'oldest'."),
    ("[defaults]\njson = \"yes\"\n", "searchdocs.toml:2: json is a flag: use true or false"),
    ("\n[searches.a]\nquery = \"x\"\nsince = [\"2024\", \"2025\"]\n",
     "searchdocs.toml:4: since takes one value, not a list or table"),
    ("[searches.a]\nquery = 3\n", "searchdocs.toml:2: query must be a string"),
    ("[searches.a]\nquery = \"x\"\nrebuild = true\n", "searchdocs.toml:3: unknown search option 'rebuild' in [searches.a]"),
    ("[bogus]\nx = 1\n", "searchdocs.toml:1: unknown table or key 'bogus'"),
])
def test_a_bad_config_is_one_error_line_with_file_and_line(ux_project, text, message):
    (ux_project / "searchdocs.toml").write_text(text)
    try:
        result = invoke(ux_project, ["police"])
    finally:
        (ux_project / "searchdocs.toml").unlink()
    assert result.exit_code == ExitCode.ERROR and result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first == f"searchdocs: error: {message}"
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 2


# shell completion -----------------------------------------------------------------------------
def complete(project, words: str, env=None):
    args = words.split()
    cword = len(args) - (0 if words.endswith(" ") else 1)
    return invoke(project, [], env={"_SEARCHDOCS_COMPLETE": "bash_complete", "COMP_WORDS": words,
                                    "COMP_CWORD": str(cword), **(env or {})})


def test_person_completes_from_index_values_without_accents(ux_project):
    result = complete(ux_project, "searchdocs --person nguyen")
    assert result.stdout == "plain,Nguyễn Thị Bình\nplain,Nguyễn Văn An\n"
    assert complete(ux_project, "searchdocs trafficking --person thach").stdout == "plain,Lê Văn Thạch\n"


def test_source_and_topic_complete_from_index_values(ux_project):
    assert complete(ux_project, "searchdocs search --source v").stdout == "plain,VNA\nplain,VNS\nplain,VGP\n"
    assert complete(ux_project, "searchdocs --topic onl").stdout == "plain,online and telecom fraud\n"


def test_completion_of_commands_and_without_an_index(ux_project, tmp_path):
    assert complete(ux_project, "searchdocs sh").stdout == "plain,show\n"
    assert complete(tmp_path, "searchdocs --person ngu").stdout.strip() == ""  # no index: no values


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F"), ("zsh", "#compdef searchdocs"),
                                           ("fish", "complete --no-files --command searchdocs")])
def test_completion_command_prints_the_script(ux_project, shell, marker):
    result = invoke(ux_project, ["completion", shell])
    assert result.exit_code == 0 and marker in result.stdout and "_SEARCHDOCS_COMPLETE" in result.stdout
