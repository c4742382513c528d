"""Would a learned decision over the topic rules' evidence generalise better than the threshold?

The topic rules score each topic's evidence and keep those reaching ``MIN_SCORE``. On blind
sets they score far below the sets they were tuned on, so this experiment asks whether a
small model trained on the labels can decide better from the same evidence: one logistic
regression per topic over features of that evidence (the score, the headline, sentences of
full and half evidence, co-occurrences, the lead, names, the topic's share of the article's
evidence, charge sheets, list items, how late the evidence starts).

It is measured leave-one-set-out: for each labelled set, the models are trained on all the
other sets and tested on it, next to the rules on the same articles. Pure Python, no new
dependency; deterministic (zero start, fixed number of full-batch steps).

    python bench/topic_learned.py            # fixtures, plus the real samples when ../shared is there

Result (2026-11-24, bench/RESULTS.md "Topics: a learned decision"): leave-one-set-out, the
learned decision loses on the sets the rules were tuned on (the rules are right there by
construction) and wins on the sets no topic rule was read from. The models trained on every
set here were then frozen and measured once on a new blind set, heldout6 (40 articles):
threshold 62.5 %, models 75.0 % (free to add topics, as first run) and 80.0 % as shipped (they
may only drop a topic the rules propose). searchlib ships these models
(``--save searchlib/data/topic_model.json`` reproduced the file exactly at 3d855f3; the rules
have grown since, so a retrain now gives other weights. Two retrains on 2026-11-24, with and
without heldout10 and heldout11, both dropped seed 002's terrorism (p 0.48, one sentence on
anti-terrorism exercises) and fitted the older sets less well. A third, with heldout10 and
heldout11 and 1500 steps at L2 0.003 (leave-one-set-out 86.7 % against 86.6 %), kept it but
scored 70.0 % on heldout12, blind, against 75.0 % for the shipped models, and was reverted:
the file stays as trained).

heldout6 and heldout7 joined ``SETS`` once each had served as a blind test (heldout7: the
rules 75.0 %, the frozen models 87.5 %); the models shipped since are trained on all eight
sets and the real samples. heldout8 and heldout9 joined in turn after their blind
measurement, and the models shipped now are trained on all ten sets. heldout10 to heldout13
have each been measured blind since, and are not in ``SETS``.

Retraining, asked again on 2026-11-25 with 20 more sets (heldout10 to heldout29, 800 articles the
shipped models never saw): leave-one-set-out over every fixture set and the real samples, with
the features as ``detect_topics`` computes them (the outlet's country as ``home``), models trained
on all the other sets decided 92.5 % of those 800 articles right, the shipped models 92.6 % (rules
alone 86.1 %); 1500 steps at L2 0.003 or 0.001 gave 93.0 %, 400 steps at L2 0.03 92.8 %, against
92.8 % shipped on the same rows. No retrain is worth shipping: the misses left are topics the
rules find no evidence for, which no decision over that evidence can add.
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from searchlib.ingest import extract_file  # noqa: E402
from searchlib.ingest import topics as rules  # noqa: E402
from searchlib.ingest.topicmodel import FEATURES, topic_features  # noqa: E402
from searchlib.ingest.sources import load_sources  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SETS = ("labelled", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
        "heldout9")
_SOURCES = load_sources()
STEPS = 400
RATE = 0.5
L2 = 0.01


class Row(NamedTuple):
    """One labelled article: its set, the topics the rules give, the labels, and the
    features of each candidate topic (a topic with any mention)."""

    set: str
    rules: frozenset[str]
    wanted: frozenset[str]
    candidates: dict[str, list[float]]


def labelled_rows() -> list[Row]:
    """The fixture sets (topics as the analysts agreed them) and, when ``../shared`` is
    there, the two real samples."""
    guided = json.loads((FIXTURES / "topics_guided.json").read_text(encoding="utf-8"))["articles"]
    rows: list[Row] = []
    for folder in SETS:
        labels = json.loads((FIXTURES / folder / "labels.json").read_text(encoding="utf-8"))["articles"]
        for name, label in sorted(labels.items()):
            article = extract_file(FIXTURES / folder / name).articles[0]
            wanted = guided.get(f"{folder}/{name}", label)["topics"]
            home = _SOURCES.country(article.source) or ("Vietnam" if article.lang == "vi" else "")
            rows.append(_row(folder, article.title, article.body, wanted, home))
    import topic_sample

    if topic_sample.DANTRI.exists() and topic_sample.REUTERS.exists():
        real = json.loads(topic_sample.LABELS.read_text(encoding="utf-8"))["articles"]
        for art in topic_sample.sample():
            rows.append(_row("real-" + art.half, art.title, art.text, real[art.key]["topics"]))
        real2 = json.loads(topic_sample.LABELS2.read_text(encoding="utf-8"))["articles"]
        for art in topic_sample.sample2():
            if art.key in real2:
                rows.append(_row("real2", art.title, art.text, real2[art.key]["topics"]))
    return rows


def _row(folder: str, title: str, body: str, wanted: list[str], home: str | None = None) -> Row:
    """The article's row: the rules' topics (their threshold, as ``detect_topics(...,
    learned=False, home=home)``) and the features of every topic mentioned, from one reading;
    ``home`` is the outlet's country as ``detect_topics`` takes it (``None``: from the text)."""
    table = rules._default_table()
    found = rules._evidence(title, body, table, table.home_words(rules.press_home(title, body, table, home)))
    proposed = frozenset(table.labels[i] for i, score in found.scores.items() if score >= rules.MIN_SCORE)
    features = topic_features(found, table.labels, rules.MIN_SCORE, rules.LIST_SIZE)
    return Row(folder, proposed, frozenset(wanted), features)


def train(samples: list[tuple[list[float], float]]) -> list[float]:
    """Weights of a logistic regression (L2 on all but the bias), by full-batch gradient steps."""
    weights = [0.0] * len(FEATURES)
    for _ in range(STEPS):
        grad = [0.0] * len(weights)
        for x, y in samples:
            error = _sigmoid(sum(w * v for w, v in zip(weights, x))) - y
            for j, v in enumerate(x):
                grad[j] += error * v
        for j in range(len(weights)):
            weights[j] -= RATE * (grad[j] / len(samples) + (L2 * weights[j] if j else 0.0))
    return weights


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def learned_topics(models: dict[str, list[float]], row: Row) -> frozenset[str]:
    """The topics the rules propose that the models keep (at least even odds); the models
    never add a topic, and one without a model (too rare to train) is kept."""
    return frozenset(label for label in row.rules
                     if label not in models or _sigmoid(sum(w * v for w, v in zip(models[label], row.candidates[label]))) >= 0.5)


def fit(rows: list[Row]) -> dict[str, list[float]]:
    """One model per topic, from every candidate of that topic in ``rows``."""
    samples: dict[str, list[tuple[list[float], float]]] = defaultdict(list)
    for row in rows:
        for label, x in row.candidates.items():
            samples[label].append((x, float(label in row.wanted)))
    return {label: train(s) for label, s in samples.items() if sum(y for _, y in s) >= 3 and len(s) >= 10}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write the models trained on every set to this JSON file")
    args = parser.parse_args()
    rows = labelled_rows()
    sets = list(dict.fromkeys(row.set for row in rows))
    print(f"{'held-out set':<12} {'articles':>8} {'rules':>7} {'learned':>8}")
    total = [0, 0, 0]
    for held in sets:
        models = fit([row for row in rows if row.set != held])
        test = [row for row in rows if row.set == held]
        by_rules = sum(row.rules == row.wanted for row in test)
        by_model = sum(learned_topics(models, row) == row.wanted for row in test)
        total = [total[0] + len(test), total[1] + by_rules, total[2] + by_model]
        print(f"{held:<12} {len(test):>8} {100 * by_rules / len(test):>6.1f}% {100 * by_model / len(test):>7.1f}%")
    print(f"{'all':<12} {total[0]:>8} {100 * total[1] / total[0]:>6.1f}% {100 * total[2] / total[0]:>7.1f}%")
    models = fit(rows)
    if args.save:
        # the measured thresholds of the file replaced stay (they are not trained here)
        shipped = json.loads(args.save.read_text(encoding="utf-8")) if args.save.exists() else {}
        kept = {key: shipped[key] for key in ("about_keep_at", "keep_at") if key in shipped}
        args.save.write_text(json.dumps({"features": FEATURES, "models": models, **kept}, indent=1) + "\n",
                             encoding="utf-8")
    print("\nWeights trained on every set (per topic):")
    print(" " * 32 + " ".join(f"{name[:6]:>6}" for name in FEATURES))
    for label, weights in sorted(models.items()):
        print(f"{label[:31]:<32}" + " ".join(f"{w:>6.2f}" for w in weights))


if __name__ == "__main__":
    main()
