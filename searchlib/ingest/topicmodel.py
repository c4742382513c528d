"""The decision on each topic: a small learned model over the rules' evidence.

The rules in :mod:`searchlib.ingest.topics` find and weigh the evidence for each topic; a
threshold on that score was the decision until the blind test sets showed it does not carry
over to press releases the rules were not written from. A logistic regression per topic,
trained on the analysts' labels over features of the same evidence (``bench/topic_learned.py``),
decided better on every blind set: 12 articles right that the threshold got wrong, 3 the
other way, over heldout5, heldout6 and the real test half.

The model only weighs evidence the rules found: a topic without a mention in the text is
never given, and a topic the model has no weights for (a user's own) keeps the threshold.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from searchlib.ingest.topics import Evidence

#: The features, in the order the weights are stored.
FEATURES = ("bias", "score", "headline", "full sentences", "half sentences", "co-occurrences", "lead",
            "names", "share", "top", "topics in article", "charge sheets", "passing", "crowded", "first at")


@dataclass(frozen=True)
class TopicModel:
    """Weights of one logistic regression per topic label, over :data:`FEATURES`."""

    weights: dict[str, tuple[float, ...]]
    #: The chance at which a topic is kept, where it is not one half (see ``about_keep_at`` in
    #: ``topic_model.json``: measured, not trained).
    keep_at: dict[str, float] = field(default_factory=dict)

    def probability(self, label: str, features: list[float]) -> float | None:
        """How likely the topic is, given its features; ``None`` when there is no model for it."""
        weights = self.weights.get(label)
        if weights is None:
            return None
        z = sum(w * v for w, v in zip(weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold(self, label: str) -> float:
        """The chance from which the rules' proposal of ``label`` is kept."""
        return self.keep_at.get(label, 0.5)


def model_from_json(data: dict) -> TopicModel:
    """A :class:`TopicModel` from its JSON form (``{"features": [...], "models": {label: [...]},
    "keep_at": {label: chance}}``); a file whose features differ from :data:`FEATURES`, or a
    chance outside (0, 1), is refused."""
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError("topic model features do not match this version of searchlib")
    keep_at = {label: float(chance) for label, chance in data.get("keep_at", {}).items()}
    if any(not 0.0 < chance < 1.0 for chance in keep_at.values()):
        raise ValueError("a topic model's keep_at chances must lie between 0 and 1")
    return TopicModel({label: tuple(float(w) for w in weights) for label, weights in data["models"].items()},
                      keep_at)


@lru_cache(maxsize=1)
def default_model() -> TopicModel:
    """The model shipped in ``searchlib/data/topic_model.json``."""
    text = resources.files("searchlib.data").joinpath("topic_model.json").read_text(encoding="utf-8")
    return model_from_json(json.loads(text))


def topic_features(found: Evidence, labels: list[str], min_score: float, list_size: int) -> dict[str, list[float]]:
    """Features of each topic with any mention in the article (by label): how much evidence,
    where (headline, lead, how late it starts), and of what kind (full sentences, half
    sentences, co-occurrences, names, charge sheets, list items, crowded sentences), and its
    share of the article's evidence. ``min_score`` and ``list_size`` are the rules' threshold
    and laundry-list size."""
    per = found.sentences
    sentences = max(per, default=0) + 1
    best = max(found.scores.values(), default=0.0)
    strong = sum(score >= min_score for score in found.scores.values())
    out: dict[str, list[float]] = {}
    for index in set(found.scores) | {m.index for m in found.in_body + found.in_title}:
        score = found.scores.get(index, 0.0)
        values = [(s, d[index]) for s, d in per.items() if index in d]
        body_mentions = [m for m in found.in_body if m.index == index]
        first = min([s for s, v in values if v > 0], default=sentences) / sentences
        out[labels[index]] = [
            1.0, min(score, 8.0) / 4, float(any(m.index == index and m.weight > 0 for m in found.in_title)),
            math.log1p(sum(v >= 1 for _, v in values)), math.log1p(sum(0 < v < 1 for _, v in values)),
            math.log1p(sum(t[1] == index for t in found.together)), float(any(s <= 1 and v > 0 for s, v in values)),
            math.log1p(sum(v < 0 for _, v in values)), score / best if best > 0 else 0.0,
            float(0 < score == best), math.log1p(strong), math.log1p(sum(m.charged for m in body_mentions)),
            math.log1p(sum(m.passing for m in body_mentions)),
            math.log1p(sum(len(per[s]) > list_size for s, _ in values)), first]
    return out
