"""SIGKILL during ``searchdocs index`` and ``--rebuild``: nothing lost, nothing half-done.

Each trial starts from a committed index of corpus state A, puts state B on disk (files
added, changed, deleted; a JSONL feed edited), runs the real command in a subprocess and
kills it with SIGKILL after a seeded random delay spread over the whole run. Then:

1. the index opens and holds exactly state A or exactly state B (one commit, all or none);
2. the next ``searchdocs index`` finishes with exit 0 and exactly state B: the right article
   count, no duplicate ids, nothing missing, every article in its new version.

The CI form is bounded (20 trials each for update and rebuild on a corpus that takes about a
second to index, the two series side by side); ``bench/soak.py`` runs the same trials by the
hundred on a corpus that takes several seconds.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from searchlib import Index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"
CLI = [sys.executable, "-c", "from searchlib.cli import main; main()"]


# -- corpus ------------------------------------------------------------------------------------
def real_sentences(limit: int = 20_000) -> list[str]:
    """Sentences of real press text: Reuters-21578 when ../shared has it, else the seeds."""
    sentences: list[str] = []
    if REUTERS.exists():
        with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
            for line in fh:
                body = json.loads(line).get("body") or ""
                sentences += [s.strip() + "." for s in re.split(r"\.\s+", " ".join(body.split())) if len(s) > 40]
                if len(sentences) >= limit:
                    break
    for path in sorted(SEEDS.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        sentences += [s.strip() + "." for s in re.split(r"\.\s+", text) if len(s) > 40]
    return sentences


@dataclass
class Corpus:
    """Two states of a corpus: article id → title, and the files that hold them."""

    files_a: dict[str, str] = field(default_factory=dict)  #: relative path → content
    files_b: dict[str, str] = field(default_factory=dict)
    titles_a: dict[str, str] = field(default_factory=dict)  #: article id → title
    titles_b: dict[str, str] = field(default_factory=dict)


def _article(rng: random.Random, sentences: list[str], key: str, rev: int, size: tuple[int, int]) -> tuple[str, str]:
    title = f"Report {key} revision {rev} on {rng.choice(['border', 'drug', 'fraud', 'customs', 'trade'])} cases"
    body = " ".join(rng.choice(sentences) for _ in range(rng.randint(*size)))
    return title, body


def make_corpus(n_files: int, jsonl_lines: int, seed: int, sentences_per_article: tuple[int, int] = (8, 20)) -> Corpus:
    """State A (``n_files`` .txt files and one JSONL feed) and state B derived from it:
    a third of the files rewritten, a sixth deleted, a third as many new ones, and the feed
    with lines changed, dropped and added. Articles have ``sentences_per_article`` sentences."""
    rng = random.Random(seed)
    sentences = real_sentences()

    def article(key: str, rev: int) -> tuple[str, str]:
        return _article(rng, sentences, key, rev, sentences_per_article)

    c = Corpus()
    for i in range(n_files):
        title, body = article(f"t{i}", 1)
        name = f"batch{i % 4}/art_{i:05d}.txt"
        c.files_a[name] = f"title: {title}\ndate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n{body}\n"
        c.titles_a[f"corpus/{name}"] = title
    feed_a = []
    for j in range(jsonl_lines):
        title, body = article(f"j{j}", 1)
        feed_a.append({"id": f"feed-{j}", "title": title, "body": body, "date": "2023-05-06"})
        c.titles_a[f"feed-{j}"] = title
    c.files_a["feed.jsonl"] = "".join(json.dumps(r) + "\n" for r in feed_a)

    c.files_b = dict(c.files_a)
    c.titles_b = dict(c.titles_a)
    names = sorted(n for n in c.files_a if n.endswith(".txt"))
    rng.shuffle(names)
    third, sixth = len(names) // 3, len(names) // 6
    for name in names[:third]:
        title, body = article(name, 2)
        c.files_b[name] = f"title: {title}\n\n{body}\n"
        c.titles_b[f"corpus/{name}"] = title
    for name in names[third:third + sixth]:
        del c.files_b[name]
        del c.titles_b[f"corpus/{name}"]
    for i in range(n_files, n_files + third):
        title, body = article(f"t{i}", 2)
        name = f"batch{i % 5}/new_{i:05d}.txt"
        c.files_b[name] = f"title: {title}\n\n{body}\n"
        c.titles_b[f"corpus/{name}"] = title
    feed_b = [r for j, r in enumerate(feed_a) if j % 5]
    for r in feed_b[::3]:
        r["title"], r["body"] = article(r["id"], 2)
    for j in range(jsonl_lines, jsonl_lines + jsonl_lines // 4):
        title, body = article(f"j{j}", 2)
        feed_b.append({"id": f"feed-{j}", "title": title, "body": body})
    c.files_b["feed.jsonl"] = "".join(json.dumps(r) + "\n" for r in feed_b)
    c.titles_b = {k: v for k, v in c.titles_b.items() if not k.startswith("feed-")}
    c.titles_b.update({r["id"]: r["title"] for r in feed_b})
    return c


def write_state(corpus_dir: Path, files: dict[str, str]) -> None:
    """Make ``corpus_dir`` hold exactly ``files`` (unchanged files keep their mtime)."""
    for path in sorted(corpus_dir.rglob("*.*")):
        rel = path.relative_to(corpus_dir).as_posix()
        if rel not in files:
            path.unlink()
    for rel, content in files.items():
        path = corpus_dir / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# -- trials ------------------------------------------------------------------------------------
def run_cli(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=root, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "SEARCHDOCS_INDEX": "", "SEARCHDOCS_CORPUS": ""})


def index_state(index_dir: Path) -> dict[str, str]:
    """Article id → title as the index holds them; fails on duplicate ids."""
    results = Index(index_dir).search(limit=0, sort="oldest")
    found = [(h.id, h.title) for h in results.hits]
    assert len(found) == results.total == len({i for i, _ in found}), "duplicate article ids"
    return dict(found)


@dataclass
class Trial:
    """What one kill did: when it struck, what the index held after, how recovery went."""

    delay: float
    killed: bool
    state: str  #: "old" or "new"
    recovery_seconds: float


class KillHarness:
    """A project directory with a committed state-A index, and trials against it."""

    def __init__(self, root: Path, corpus: Corpus) -> None:
        self.root, self.corpus = root, corpus
        self.corpus_dir, self.index_dir, self.snapshot = root / "corpus", root / "index", root / "index-a"
        self.corpus_dir.mkdir(parents=True, exist_ok=True)
        write_state(self.corpus_dir, corpus.files_a)
        done = run_cli(root, "index", "-q")
        assert done.returncode == 0, done.stderr
        assert index_state(self.index_dir) == corpus.titles_a
        shutil.copytree(self.index_dir, self.snapshot, copy_function=shutil.copy2)

    def reset(self) -> None:
        """Back to the committed state-A index, with state B on disk."""
        shutil.rmtree(self.index_dir)
        shutil.copytree(self.snapshot, self.index_dir, copy_function=shutil.copy2)
        write_state(self.corpus_dir, self.corpus.files_a)
        write_state(self.corpus_dir, self.corpus.files_b)

    def full_run_seconds(self, rebuild: bool) -> float:
        """How long an uninterrupted run takes (to spread kill moments over it)."""
        self.reset()
        started = time.perf_counter()
        done = run_cli(self.root, "index", "-q", *(["--rebuild"] if rebuild else []))
        assert done.returncode == 0, done.stderr
        return time.perf_counter() - started

    def trial(self, delay: float, rebuild: bool) -> Trial:
        self.reset()
        proc = subprocess.Popen([*CLI, "index", "-q", *(["--rebuild"] if rebuild else [])], cwd=self.root,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env={**os.environ, "SEARCHDOCS_INDEX": "", "SEARCHDOCS_CORPUS": ""})
        try:
            proc.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed = True
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        if not killed:
            assert proc.returncode == 0, stderr
        state = index_state(self.index_dir)
        assert state in (self.corpus.titles_a, self.corpus.titles_b), "index is neither the old nor the new state"
        label = "new" if state == self.corpus.titles_b else "old"
        started = time.perf_counter()
        done = run_cli(self.root, "index", "--json")
        recovery = time.perf_counter() - started
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        report = json.loads(done.stdout)
        assert report["articles"] == len(self.corpus.titles_b) and report["failed"] == 0
        assert index_state(self.index_dir) == self.corpus.titles_b
        leftovers = [p.name for p in self.index_dir.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers, f"temporary files left behind: {leftovers}"
        return Trial(delay, killed, label, recovery)


def kill_trials(harness: KillHarness, trials: int, rebuild: bool, seed: int) -> list[Trial]:
    """``trials`` seeded kills spread uniformly over the length of a full run. A busy machine
    can make the measured run longer than the trials' runs, so that few kills strike before
    the commit: then up to ``trials`` more kills fall in the first half of a run, until half
    of all the kills interrupted a run and one of them left the old state."""
    span = harness.full_run_seconds(rebuild) * 1.05
    rng = random.Random(seed)
    done = [harness.trial(rng.uniform(0.1, span), rebuild) for _ in range(trials)]
    for _ in range(trials):
        killed = [t for t in done if t.killed]
        if len(killed) >= len(done) // 2 and any(t.state == "old" for t in killed):
            break
        done.append(harness.trial(rng.uniform(0.1, span / 2), rebuild))
    return done


# -- the CI form -------------------------------------------------------------------------------
TRIALS = int(os.environ.get("SEARCHDOCS_KILL_TRIALS", "20"))


def test_sigkill_leaves_old_or_new_state_and_next_run_completes(tmp_path):
    """20 kills of ``searchdocs index`` and 20 of ``--rebuild``; the two series run side by
    side (CI has two cores) to stay within a bounded time."""
    corpus = make_corpus(n_files=36, jsonl_lines=24, seed=6, sentences_per_article=(4, 10))

    def series(mode: str) -> list[Trial]:
        harness = KillHarness(tmp_path / mode, corpus)
        return kill_trials(harness, TRIALS, rebuild=mode == "rebuild", seed=20 + (mode == "rebuild"))

    modes = ["update", "rebuild"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(modes, pool.map(series, modes)))
    for mode, trials in results.items():
        assert TRIALS <= len(trials) <= 2 * TRIALS
        # the seeded delays must interrupt runs before their commit, not only finished ones
        assert sum(t.killed for t in trials) >= len(trials) // 2, (mode, trials)
        assert any(t.killed and t.state == "old" for t in trials), (mode, trials)
