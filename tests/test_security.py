"""Hostile article text cannot drive the terminal or fake output; index permissions.

Articles carry Rich markup, ANSI colour and screen-clearing escapes, OSC 8 hyperlinks and
window titles, carriage returns, 8-bit C1 controls and bidi overrides in titles, bodies,
sources, people and topics (and in a file name). Every output mode is checked: the Rich
terminal renderer, plain lines for pipes, ``--json``, ``extract``, and error messages.
"""

from __future__ import annotations

import io
import json
import re
import stat
from pathlib import Path

import pytest

from searchlib import Index
from searchlib.cli.output import json_text, one_line, safe
from searchlib.errors import ExitCode, IndexUnsafeError
from searchlib.store import IndexDir

from .conftest import copy_seeds, invoke, write_jsonl

ESC_RED, ESC_CLEAR = "\x1b[31m", "\x1b[2J\x1b[H"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
OSC_TITLE = "\x1b]0;pwned\x07"
HOSTILE_TITLE = f"[bold]Minister[/bold] {ESC_RED}resigns{ESC_CLEAR} {OSC8} [link=https://evil.example]x[/link]\rFAKE"
HOSTILE_BODY = (f"Smugglers {OSC_TITLE}were arrested\r\nsearchdocs: error: fake message\x9b2J at the "
                f"border \u202eemosewa\u202c gate. [red]Police[/red] seized {ESC_RED}heroin\x1b[0m today.")
#: What a terminal would act on, once Rich's own colour codes are taken out.
_RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
_DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")




@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    corpus = copy_seeds(root)
    write_jsonl(corpus / "evil.jsonl", [
        {"id": "evil-1", "title": HOSTILE_TITLE, "body": HOSTILE_BODY, "date": "2024-05-06",
         "source": f"[blink]VNA{ESC_RED}", "people": [f"To Lam{OSC_TITLE}", "[b]Mallory[/b]"],
         "topics": ["drug crime", f"ev\x1b[8mil\x9b1A"]},
    ])
    (corpus / f"name{ESC_RED}\rx.txt").write_text(f"Heroin haul\n\nBorder police seized heroin{ESC_CLEAR}.\n")
    assert invoke(root, ["index", "-q"]).exit_code == 0
    return root


def assert_inert(text: str) -> None:
    assert not _DANGEROUS.search(_RICH_SGR.sub("", text)), repr(text)
    assert "\x1b]" not in text and "evil.example/\x1b" not in text


def test_the_index_keeps_hostile_text_as_data(hostile):
    # the sanitising is a display matter: stored data is what the article said
    article = Index(hostile / "index").get("evil-1")
    assert ESC_RED in article.title and OSC8 in article.title and OSC_TITLE in article.body
    assert f"To Lam{OSC_TITLE}" in article.people


def test_rich_terminal_output_is_inert_and_shows_markup_as_typed(hostile):
    from rich.console import Console

    from searchlib.cli.render import render_rich

    buf = io.StringIO()
    # a console that *would* interpret markup: ours never hands it markup to interpret
    out = Console(file=buf, force_terminal=True, width=200, color_system="truecolor", markup=True)
    render_rich(Index(hostile / "index").search("smugglers OR heroin", limit=0), out=out)
    text = buf.getvalue()
    assert_inert(text)
    plain = _RICH_SGR.sub("", text)
    assert "[bold]Minister[/bold]" in plain and "[link=https://evil.example]x[/link]" in plain
    assert "[red]Police[/red]" in plain and "[b]Mallory[/b]" in plain and "[blink]VNA" in plain
    assert "click here" in plain and "FAKE" in plain  # the text stays; only the controls go
    assert "\nsearchdocs: error: fake message" not in plain  # a body line cannot start a fake line
    assert "emosewa" in plain


def test_plain_output_is_one_inert_line_per_hit(hostile):
    result = invoke(hostile, ["smugglers OR heroin"])
    assert result.exit_code == 0
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    rows = result.stdout.splitlines()
    assert len(rows) == 2 and all(row.count("\t") == 3 for row in rows)
    evil = next(r for r in rows if "Minister" in r)
    assert evil.split("\t")[2].startswith("[bold]Minister[/bold] resigns")


def test_json_output_keeps_the_data_and_escapes_what_a_terminal_would_act_on(hostile):
    result = invoke(hostile, ["smugglers OR heroin", "--json", "-n", "0"])
    assert_inert(result.stdout)
    data = json.loads(result.stdout)
    hit = next(h for h in data["hits"] if h["id"] == "evil-1")
    assert hit["title"] == Index(hostile / "index").get("evil-1").title  # unchanged as data
    assert ESC_RED in hit["title"] and f"To Lam{OSC_TITLE}" in hit["people"]
    assert any("\x9b" in t for t in data["facets"]["topics"])


def test_extract_output_is_inert(hostile):
    text = invoke(hostile, ["extract", "corpus/evil.jsonl"])
    assert text.exit_code == 0
    assert_inert(text.stdout)
    assert "[bold]Minister[/bold]" in text.stdout
    lines = invoke(hostile, ["extract", "--json", "corpus/evil.jsonl"])
    assert_inert(lines.stdout)
    assert json.loads(lines.stdout)["body"] == HOSTILE_BODY.replace("\r\n", "\n")


def test_messages_naming_hostile_paths_and_queries_are_inert(hostile, tmp_path):
    query = invoke(hostile, [f'"{ESC_CLEAR}unclosed'])
    assert query.exit_code == ExitCode.ERROR
    assert_inert(query.stderr)
    copy_seeds(tmp_path)
    (tmp_path / "corpus" / f"bad{OSC_TITLE}\r.txt").write_bytes(b"")
    skipped = invoke(tmp_path, ["index"])
    assert skipped.exit_code == ExitCode.PARTIAL
    assert_inert(skipped.stderr)
    assert "searchdocs: skipped corpus/bad.txt: empty file" in skipped.stderr


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b[31mred\x1b[0m b", "ared b"),
    ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("\x1b]0;title\x07text", "text"),
    ("\x1b]0;unterminated", ""),
    ("real\rfake", "realfake"),
    ("\x9b31mC1\x9d0;t\x9c ok", "C1 ok"),
    ("bidi \u202eevil\u202c", "bidi evil"),
    ("keep [bold]markup[/bold] and tabs\tand\nnewlines", "keep [bold]markup[/bold] and tabs\tand\nnewlines"),
    ("lone \udce9 surrogate", "lone \ufffd surrogate"),
    ("Lương Tam Quang — “quotes” ½", "Lương Tam Quang — “quotes” ½"),
])
def test_safe_removes_controls_and_keeps_text(raw, shown):
    assert safe(raw) == shown
    assert "\n" not in one_line(raw) and "\t" not in one_line(raw)


def test_json_text_round_trips_everything():
    data = {"t": "\x1b[2J\x9b\u202e\u2028\udce9 ok \x7f", "n": [1, None]}
    text = json_text(data)
    assert json.loads(text) == data
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u202e\udce9]", text)


# permissions: a Whoosh index holds pickles ------------------------------------------------------
def test_index_files_are_private_to_the_user(tmp_path):
    corpus = copy_seeds(tmp_path)
    ix = Index(tmp_path / "index")
    ix.update([corpus])
    ix.rebuild([corpus])
    (corpus / "new.txt").write_text("Heroin seized\n\nPolice seized heroin.\n")
    ix.update([corpus])
    assert stat.S_IMODE((tmp_path / "index").stat().st_mode) == 0o700
    for path in (tmp_path / "index").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


@pytest.mark.parametrize("what, mode", [("directory", 0o777), ("directory", 0o770), ("pointer", 0o666),
                                        ("segment", 0o622)])
def test_an_index_others_can_write_is_refused(tmp_path, what, mode):
    copy_seeds(tmp_path)
    assert invoke(tmp_path, ["index", "-q"]).exit_code == 0
    index = tmp_path / "index"
    target = {"directory": index, "pointer": index / "searchdocs.json",
              "segment": next(index.glob("ix*.trm"))}[what]
    target.chmod(mode)
    with pytest.raises(IndexUnsafeError, match="writable by other users"):
        Index(index).search("x")
    for args in (["cooperation"], ["index"]):
        result = invoke(tmp_path, args)
        assert result.exit_code == ExitCode.ERROR and "Traceback" not in result.stderr
        assert "is writable by other users" in result.stderr and "chmod -R go-w index" in result.stderr
    target.chmod(0o700 if what == "directory" else 0o600)
    assert invoke(tmp_path, ["cooperation"]).exit_code == 0


def test_an_empty_directory_others_can_write_is_not_built_into(tmp_path):
    shared = tmp_path / "shared-index"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(IndexUnsafeError):
        Index(shared).update([copy_seeds(tmp_path)])
    assert {p.name for p in shared.iterdir()} <= {".lock"}


def test_readme_warns_against_untrusted_indexes():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reliability"):]
    assert "never one from an untrusted source" in section and "pickle" in section


def test_lock_file_is_private(tmp_path):
    with IndexDir(tmp_path / "index").lock():
        pass
    assert stat.S_IMODE((tmp_path / "index" / ".lock").stat().st_mode) == 0o600
