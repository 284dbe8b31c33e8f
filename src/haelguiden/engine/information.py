"""The expected information of every diagnostic question at once.

The diagnosis phase scores each candidate question on every step (:func:`next_question.information_gain`,
plus :func:`next_question.rule_out_gain` for each dangerous cause near its threshold). Done one likelihood
vector at a time in Python that was most of a slow step's time; here every line of every question is a row
of one matrix, so a step costs a few matrix-vector products whatever the number of questions. The Python
functions stay as the definition: a test checks that both give the same figures on every step of the
development interviews.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from haelguiden.engine.ranking import Model, Vector

Floats = npt.NDArray[np.float64]
Indices = npt.NDArray[np.intp]


@dataclass(frozen=True)
class GainMatrix:
    """Every line of every scored question as a row: P(line value | condition) per condition.

    Rows are grouped by observation (one likelihood table: a fact, a list item or a checklist line), and
    observations by question, so sums over groups give each question's gain.
    """

    #: question id -> its position in the scores.
    index: Mapping[str, int]
    #: R x C likelihoods, and l·log2(l) of each (0 for 0).
    rows: Floats
    rows_xlogx: Floats
    #: the first row of each observation, and the first observation of each question (for reduceat).
    observation_starts: Indices
    question_starts: Indices

    def scores(self, probs: Vector, prior_h: float, watch: Sequence[int] = ()) -> Floats:
        """Each question's expected information about the cause, plus about each ``watch`` condition alone.

        The same quantity as ``information_gain`` + ``rule_out_gain`` summed over ``watch``: per
        observation, the entropy now minus the expected entropy after the answer (never below 0), summed
        over the question's observations.
        """
        if not self.index:
            return np.zeros(0)
        p = np.asarray(probs, dtype=np.float64)
        pv = self.rows @ p  # P(value) of every row
        pv_log = _xlog2x(pv)
        jlogj = self.rows @ _xlog2x(p) + self.rows_xlogx @ p  # Σ_c p·l·log2(p·l), per row
        gains = self._per_question(np.maximum(0.0, prior_h - self._per_observation(pv_log - jlogj)))
        for idx in watch:
            pi = float(p[idx])
            if pi <= 0.0 or pi >= 1.0:
                continue
            # "this condition or another": joint mass p·l for it, and the rest's for all the others
            this = self.rows[:, idx] * pi
            expected = self._per_observation(pv_log - _xlog2x(this) - _xlog2x(pv - this))
            h2 = -(pi * np.log2(pi) + (1 - pi) * np.log2(1 - pi))
            gains += self._per_question(np.maximum(0.0, h2 - expected))
        return gains

    def advice_change(self, probs: Vector, risers: Sequence[tuple[int, float]]) -> Floats:
        """Each question's chance that its answer lifts a ``risers`` cause over its threshold.

        The same quantity as ``next_question.advice_change_chance``: per observation, the total
        probability of the values after which some (condition index, threshold) in ``risers`` holds at
        least its threshold; per question, its best observation.
        """
        if not self.index or not risers:
            return np.zeros(len(self.index))
        p = np.asarray(probs, dtype=np.float64)
        pv = self.rows @ p
        idx = np.array([i for i, _ in risers], dtype=np.intp)
        thresholds = np.array([t for _, t in risers], dtype=np.float64)
        joint = self.rows[:, idx] * p[idx]
        crosses = (pv > 0) & np.any(joint >= thresholds * pv[:, None], axis=1)
        per_observation = self._per_observation(np.where(crosses, pv, 0.0))
        return np.maximum.reduceat(per_observation, self.question_starts)

    def _per_observation(self, values: Floats) -> Floats:
        return np.add.reduceat(values, self.observation_starts)

    def _per_question(self, values: Floats) -> Floats:
        return np.add.reduceat(values, self.question_starts)


def _xlog2x(values: Floats) -> Floats:
    out = np.zeros_like(values)
    positive = values > 0
    out[positive] = values[positive] * np.log2(values[positive])
    return out


def build_gain_matrix(model: Model, tables: Mapping[str, Sequence[Mapping[str, Vector]]]) -> GainMatrix:
    """The matrix for the questions in ``tables`` (question id -> its likelihood tables, in order).

    A question with no table (the age question: age acts through the priors) is left out: its gain is 0.
    """
    rows: list[Vector] = []
    observation_starts: list[int] = []
    question_starts: list[int] = []
    index: dict[str, int] = {}
    for qid, question_tables in tables.items():
        if not question_tables:
            continue
        index[qid] = len(question_starts)
        question_starts.append(len(observation_starts))
        for table in question_tables:
            observation_starts.append(len(rows))
            rows.extend(table.values())
    matrix = np.array(rows, dtype=np.float64).reshape(len(rows), len(model.conditions))
    return GainMatrix(
        index=index,
        rows=matrix,
        rows_xlogx=_xlog2x(matrix),
        observation_starts=np.array(observation_starts, dtype=np.intp),
        question_starts=np.array(question_starts, dtype=np.intp),
    )
