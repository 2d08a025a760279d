"""A conditional-logit scorer over a role's candidate organizations.

Every candidate (each organization of the record, and "none") gets a score, the dot product of
its features (:mod:`pipeline.role_orgs.features`) with the weights; the role takes the
best-scoring candidate. Training maximises the probability of the correct candidates under a
softmax over each role's candidates, with an L2 penalty, by full-batch gradient descent (Adam);
a few hundred roles and a few dozen features need nothing more than numpy, which spaCy brings.
The weights file is data, reviewed in git like any rule: ``rules/role_orgs.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import RuleFileError
from .features import Features

FILE_NAME = "role_orgs.json"


@dataclass
class Example:
    """One role: its candidates' features and which candidates are correct (one or more)."""

    candidates: list[Features]
    correct: list[int]


@dataclass
class RoleOrgModel:
    """Weights by feature name, and what they were trained on (for the file's reader)."""

    weights: dict[str, float]
    about: dict = field(default_factory=dict)

    def score(self, features: Features) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def choose(self, candidates: Sequence[Features]) -> int:
        """The index of the best candidate (the first of equals)."""
        scores = [self.score(f) for f in candidates]
        return max(range(len(scores)), key=lambda i: (scores[i], -i))

    @classmethod
    def load(cls, rules_dir: str | Path) -> RoleOrgModel | None:
        """The model in ``rules_dir``, or None when the folder has none (rules decide)."""
        path = Path(rules_dir) / FILE_NAME
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RuleFileError(f"{path}: not a role-organization model ({exc})") from exc
        return cls(weights, {k: v for k, v in data.items() if k != "weights"})

    def save(self, path: str | Path) -> None:
        data = dict(self.about)
        data["weights"] = {k: round(v, 4) for k, v in sorted(self.weights.items())}
        Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def fit(
    examples: Sequence[Example], l2: float = 0.05, steps: int = 600, rate: float = 0.05
) -> RoleOrgModel:
    """Fit the weights on ``examples`` (roles with at least one correct candidate)."""
    examples = [e for e in examples if e.correct and len(e.candidates) > 1]
    names = sorted({k for e in examples for f in e.candidates for k in f})
    index = {k: i for i, k in enumerate(names)}
    rows, owners, correct = [], [], []
    for n, example in enumerate(examples):
        for c, features in enumerate(example.candidates):
            row = np.zeros(len(names))
            for k, v in features.items():
                row[index[k]] = v
            rows.append(row)
            owners.append(n)
            correct.append(c in example.correct)
    if not rows:
        return RoleOrgModel({})
    x = np.array(rows)
    owner = np.array(owners)
    is_correct = np.array(correct, dtype=float)
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    n_roles = len(examples)
    for step in range(1, steps + 1):
        scores = x @ w
        top = np.full(n_roles, -np.inf)
        np.maximum.at(top, owner, scores)
        e = np.exp(scores - top[owner])
        total = np.zeros(n_roles)
        np.add.at(total, owner, e)
        good = np.zeros(n_roles)
        np.add.at(good, owner, e * is_correct)
        # d(-log p(correct))/d score_c = p_c - p_c|correct
        p_all = e / total[owner]
        p_good = e * is_correct / good[owner]
        grad = x.T @ (p_all - p_good) / n_roles + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {k: float(w[i]) for k, i in index.items() if abs(w[i]) > 1e-4}
    return RoleOrgModel(weights)


def log_loss(model: RoleOrgModel, examples: Sequence[Example]) -> float:
    """Mean negative log probability of the correct candidates (for reports)."""
    total, n = 0.0, 0
    for example in examples:
        if not example.correct:
            continue
        scores = [model.score(f) for f in example.candidates]
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        good = sum(math.exp(scores[i] - top) for i in example.correct)
        total -= math.log(good / z)
        n += 1
    return total / n if n else 0.0
