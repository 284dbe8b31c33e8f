"""Probabilistic ranking of possible causes: a naive Bayes model over the answers.

posterior(c) ∝ prior(c | age band) × Π P(observation | c)

* Each fact is one categorical feature (booleans: true/false; integers: the fact's bins); a list fact is one
  true/false feature per item. Observations are assumed independent given the condition (the naive
  assumption; see docs/clinical-model.md for what that costs and why it is acceptable here).
* A condition whose knowledge file says nothing about a fact uses the fact's baseline distribution, so only
  the differences a source (or an expert estimate) gives move the ranking.
* "Ved ikke" is no observation. A checklist line left unticked is a real observation ("not this").
* Every likelihood is kept above a floor, so no single answer can rule a condition out completely.
* A condition with presentations (e.g. arterial disease: narrowed arteries, or a sudden blockage) is a
  mixture: P(observations | c) = Σ weight_k × Π P(observation | c, k). Its feature tables are the
  weighted averages (what question selection and explanations read); the posterior uses the mixture.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from haelguiden.engine.expressions import Known
from haelguiden.engine.model import Evidence, Fact, KnowledgeBase

Vector = tuple[float, ...]


@dataclass(frozen=True)
class Feature:
    """One categorical variable of the model: a fact, or one item of a list fact."""

    key: str
    fact: str
    item: str | None
    #: value -> P(value | condition) for each condition, in model order.
    table: Mapping[str, Vector]
    #: the same as natural logarithms (summed per answer; computed once)
    log_table: Mapping[str, Vector] = field(default_factory=dict)


@dataclass(frozen=True)
class Mixture:
    """A condition's presentations, as the posterior needs them."""

    weights: tuple[float, ...]
    #: Only the features whose tables differ between presentations: key -> value -> P per presentation.
    #: (Every other feature's table is the same in each, and the averaged table already counts it.)
    tables: Mapping[str, Mapping[str, tuple[float, ...]]]

    def correction(self, seen: Sequence[tuple[str, str]]) -> float:
        """log P(answers | mixture) − log Π P(answer | averaged table), over the differing features.

        Added to the naive log-likelihood of the averaged tables, it gives the mixture's.
        """
        totals = [math.log(w) for w in self.weights]
        averaged = 0.0
        for key, value in seen:
            table = self.tables.get(key)
            if table is None:
                continue
            probs = table.get(value)
            if probs is None:  # a partly known answer ("!a,b"): the values still possible
                excluded = set(value[1:].split(","))
                possible = [ps for v, ps in table.items() if v not in excluded]
                probs = tuple(sum(ps[k] for ps in possible) for k in range(len(self.weights)))
            totals = [t + math.log(p) for t, p in zip(totals, probs, strict=True)]
            averaged += math.log(sum(w * p for w, p in zip(self.weights, probs, strict=True)))
        top = max(totals)
        return top + math.log(sum(math.exp(t - top) for t in totals)) - averaged


@dataclass(frozen=True)
class Model:
    """The likelihood tables of a knowledge base, precomputed once."""

    conditions: tuple[str, ...]
    features: Mapping[str, Feature]
    #: age band id (or "unknown") -> prior probability per condition.
    priors: Mapping[str, Vector]
    #: condition index -> its presentations, for a condition that has them.
    mixtures: Mapping[int, Mixture] = field(default_factory=dict)


_MODELS: dict[int, tuple[KnowledgeBase, Model]] = {}


def model_for(kb: KnowledgeBase) -> Model:
    """The precomputed model of ``kb`` (built once per knowledge base object)."""
    cached = _MODELS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    model = build_model(kb)
    _MODELS[id(kb)] = (kb, model)
    return model


def distribution(fact: Fact, given: Mapping[str, float]) -> dict[str, float]:
    """Complete a partial distribution over a fact's feature values.

    Values not given share what is left equally; when every value is given, the numbers are normalised.
    """
    values = fact.feature_values()
    listed = {v: p for v, p in given.items() if v in values}
    missing = [v for v in values if v not in listed]
    rest = max(0.0, 1.0 - sum(listed.values()))
    out = dict(listed)
    for v in missing:
        out[v] = rest / len(missing)
    total = sum(out.values())
    return {v: out[v] / total for v in values}


def _with_floor(dist: Mapping[str, float], floor: float) -> dict[str, float]:
    raised = {v: max(p, floor) for v, p in dist.items()}
    total = sum(raised.values())
    return {v: p / total for v, p in raised.items()}


def _condition_feature(
    kb: KnowledgeBase, evidence_of: Mapping[str, Evidence], fact: Fact
) -> dict[str, dict[str, float]]:
    """Feature tables for one condition (its evidence) and fact: feature key -> value -> probability."""
    evidence = evidence_of.get(fact.id)
    floor = kb.settings.likelihood_floor
    if fact.type == "list":
        out: dict[str, dict[str, float]] = {}
        for item in fact.values:
            if evidence is not None and item in evidence.p:
                p = evidence.p[item]
            else:
                p = fact.baseline.get(item, 0.1)
            out[f"{fact.id}:{item}"] = _with_floor({"true": p, "false": 1 - p}, floor)
        return out
    given = evidence.p if evidence is not None else fact.baseline
    if fact.type == "boolean" and "true" in given and "false" not in given:
        given = {"true": given["true"], "false": 1 - given["true"]}
    return {fact.id: _with_floor(distribution(fact, given), floor)}


def build_model(kb: KnowledgeBase) -> Model:
    """Turn the knowledge base's conditions and facts into likelihood tables."""
    conditions = tuple(kb.conditions)
    per_condition = [kb.conditions[c] for c in conditions]
    features: dict[str, Feature] = {}
    mixed = {i: c.presentations for i, c in enumerate(per_condition) if c.presentations}
    differing: dict[int, dict[str, dict[str, tuple[float, ...]]]] = {i: {} for i in mixed}
    for fact in kb.facts.values():
        if fact.id == kb.settings.age_fact:
            continue  # age enters through the age-banded priors, not as a likelihood
        tables = [_condition_feature(kb, c.evidence, fact) for c in per_condition]
        for i, presentations in mixed.items():
            own = [_condition_feature(kb, p.evidence, fact) for p in presentations]
            weights = [p.weight for p in presentations]
            tables[i] = {
                key: {v: sum(w * t[key][v] for w, t in zip(weights, own, strict=True)) for v in table}
                for key, table in own[0].items()
            }
            for key, first in own[0].items():
                if any(t[key] != first for t in own[1:]):
                    differing[i][key] = {v: tuple(t[key][v] for t in own) for v in first}
        for key in tables[0]:
            item = key.split(":", 1)[1] if ":" in key else None
            values = tables[0][key].keys()
            table = {v: tuple(t[key][v] for t in tables) for v in values}
            logs = {v: tuple(math.log(p) for p in vec) for v, vec in table.items()}
            features[key] = Feature(key=key, fact=fact.id, item=item, table=table, log_table=logs)
    bands = [b.id for b in kb.settings.age_bands]
    priors: dict[str, Vector] = {}
    for band in bands:
        raw = [c.prior.get(band, 0.0) for c in per_condition]
        total = sum(raw) or 1.0
        priors[band] = tuple(r / total for r in raw)
    # Age unknown: the average of the bands, except that a cause possible only at some ages (a prior of 0
    # in another band, e.g. Sever's disease in children) is left out; listing it would claim what is not
    # known.
    n = len(conditions)
    restricted = [any(priors[b][i] == 0 for b in bands) for i in range(n)]
    average = [0.0 if restricted[i] else sum(priors[b][i] for b in bands) / len(bands) for i in range(n)]
    priors["unknown"] = normalise(average)
    return Model(
        conditions=conditions,
        features=features,
        priors=priors,
        mixtures={
            i: Mixture(weights=tuple(p.weight for p in presentations), tables=differing[i])
            for i, presentations in mixed.items()
        },
    )


def observations(
    kb: KnowledgeBase, model: Model, fact_id: str, known: Known
) -> list[tuple[str, str, Vector]]:
    """The model's view of what is known about one fact: (feature key, value, likelihood vector) triples.

    A partly known enum ("not this one") becomes the summed likelihood of the values still possible,
    with the value written as ``!excluded``.
    """
    if fact_id == kb.settings.age_fact:
        return []
    fact = kb.facts[fact_id]
    value = known.value
    out: list[tuple[str, str, Vector]] = []
    if fact.type == "list":
        items: dict[str, bool] = dict(known.items)
        if isinstance(value, frozenset):
            items = {item: item in value for item in fact.values}
        for item, included in items.items():
            feature = model.features[f"{fact_id}:{item}"]
            v = "true" if included else "false"
            out.append((feature.key, v, feature.table[v]))
        return out
    feature = model.features[fact_id]
    if isinstance(value, bool):
        v = "true" if value else "false"
        out.append((fact_id, v, feature.table[v]))
    elif isinstance(value, int):
        v = fact.bin_of(value)
        out.append((fact_id, v, feature.table[v]))
    elif isinstance(value, str):
        out.append((fact_id, value, feature.table[value]))
    elif known.excluded:
        allowed = [v for v in feature.table if v not in known.excluded]
        vec = tuple(sum(feature.table[v][i] for v in allowed) for i in range(len(model.conditions)))
        out.append((fact_id, "!" + ",".join(sorted(known.excluded)), vec))
    return out


def age_band(kb: KnowledgeBase, facts: Mapping[str, Known]) -> str:
    """The age band of the person, or "unknown"."""
    known = facts.get(kb.settings.age_fact)
    if known is None or not isinstance(known.value, int) or isinstance(known.value, bool):
        return "unknown"
    for band in kb.settings.age_bands:
        if band.low <= known.value <= band.high:
            return band.id
    return "unknown"


def normalise(weights: Sequence[float]) -> Vector:
    """Scale non-negative weights to sum to one."""
    total = sum(weights)
    return tuple(w / total for w in weights)


def prior_for(kb: KnowledgeBase, model: Model, facts: Mapping[str, Known]) -> Vector:
    """The prior for this person's age band, with 0 for a cause younger than it can occur (``min_age``)."""
    priors = model.priors[age_band(kb, facts)]
    known = facts.get(kb.settings.age_fact)
    age = known.value if known is not None else None
    if not isinstance(age, int) or isinstance(age, bool):
        return priors
    young = [
        i for i, c in enumerate(model.conditions) if (m := kb.conditions[c].min_age) is not None and age < m
    ]
    if not young or all(priors[i] == 0 for i in young):
        return priors
    return normalise([0.0 if i in young else p for i, p in enumerate(priors)])


def posterior(kb: KnowledgeBase, facts: Mapping[str, Known], exclude: frozenset[str] = frozenset()) -> Vector:
    """P(condition | answers) in model order, leaving out the facts in ``exclude``."""
    model = model_for(kb)
    priors = prior_for(kb, model, facts)
    logp = [math.log(p) if p > 0 else -1e9 for p in priors]
    seen: list[tuple[str, str]] = []
    for fact_id, known in sorted(facts.items()):  # a fixed order: the same sum whatever the answer order
        if fact_id in exclude:
            continue
        for key, value, vec in observations(kb, model, fact_id, known):
            logs = model.features[key].log_table.get(value)
            if logs is None:  # a partly known answer: the summed likelihood of the values still possible
                logs = tuple(math.log(p) for p in vec)
            logp = list(map(operator.add, logp, logs))
            seen.append((key, value))
    for i, mixture in model.mixtures.items():
        logp[i] += mixture.correction(seen)
    top = max(logp)
    return normalise([math.exp(lp - top) for lp in logp])


def answer_likelihood(
    model: Model, idx: int, seen: Sequence[tuple[str, str]], position: int, table_value: float
) -> float:
    """P(the answer at ``position`` of ``seen`` | condition ``idx`` and the other answers in ``seen``).

    For a condition without presentations the answers are independent, so this is its table value; for a
    mixture it is read through the presentations the other answers point to (months of pain is likely in
    an infection smouldering under a wound, unlikely in one that came on over a day).
    """
    mixture = model.mixtures.get(idx)
    if mixture is None:
        return table_value
    others = [answer for j, answer in enumerate(seen) if j != position]
    return table_value * math.exp(mixture.correction(seen) - mixture.correction(others))


def entropy(p: Sequence[float]) -> float:
    """Shannon entropy in bits."""
    return -sum(x * math.log2(x) for x in p if x > 0)
