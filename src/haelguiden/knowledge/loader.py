"""Read the knowledge files, check them, and build the engine's ``KnowledgeBase``.

Every problem in every file is collected before anything is raised, and each message names the file, the
entry and the field, says what is wrong and how to fix it (with "did you mean" for unknown ids). A
reviewer sees the whole list at once, as with pyxform.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from haelguiden.engine.expressions import (
    All,
    AnyOf,
    AtLeast,
    Compare,
    Expr,
    FactIn,
    IsKnown,
    Not,
    Unanswered,
    cautious_facts,
)
from haelguiden.engine.model import (
    Bin,
    CareAction,
    CareSign,
    ChecklistItem,
    ChildWording,
    Condition,
    ConditionTriage,
    EngineSettings,
    Evidence,
    Fact,
    KnowledgeBase,
    Option,
    Presentation,
    Question,
    Region,
    RegionWording,
    Source,
    Text,
    TriageRule,
)
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError
from haelguiden.knowledge import schema as s
from haelguiden.knowledge.files import ESTIMATE, Problems, default_directory, read_yaml, validate

M = TypeVar("M", bound=BaseModel)


def _child_wording(c: s.ChildWordingModel | None) -> ChildWording | None:
    if c is None:
        return None
    return ChildWording(_text(c.text), _text(c.hint) if c.hint else None, _text(c.why) if c.why else None)


def _text(t: s.TextModel) -> Text:
    return Text(da=t.da, en=t.en)


class Loader:
    """Loads one knowledge folder. Use :func:`load_knowledge`."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.problems = Problems()
        self.source_ids: set[str] = set()
        self.facts: dict[str, Fact] = {}

    # --- references -------------------------------------------------------------------------------
    def check_sources(self, where: str, ids: list[str]) -> tuple[str, ...]:
        """Every id must be in sources.yaml, or be ``estimate``."""
        for sid in ids:
            if sid != ESTIMATE and sid not in self.source_ids:
                hint = did_you_mean(sid, sorted(self.source_ids | {ESTIMATE}))
                self.problems.add(
                    where, f"unknown source '{sid}'; cite an id from sources.yaml or write 'estimate'.{hint}"
                )
        return tuple(ids)

    def check_fact(self, where: str, fact_id: str) -> Fact | None:
        """The fact, or a problem with a spelling suggestion."""
        fact = self.facts.get(fact_id)
        if fact is None:
            hint = did_you_mean(fact_id, sorted(self.facts))
            self.problems.add(where, f"unknown fact '{fact_id}'; use an id from facts.yaml.{hint}")
        return fact

    def check_values(self, where: str, fact: Fact, values: list[str]) -> None:
        """Values must be allowed for the fact (booleans: true/false)."""
        allowed = list(fact.feature_values()) if fact.type != "list" else list(fact.values)
        if fact.type == "boolean":
            allowed = ["true", "false"]
        for v in values:
            if v not in allowed:
                hint = did_you_mean(v, allowed)
                self.problems.add(
                    where, f"'{v}' is not a value of fact '{fact.id}'; allowed: {allowed}.{hint}"
                )

    # --- expressions ------------------------------------------------------------------------------
    def expr(self, where: str, raw: Any) -> Expr | None:
        """Parse a condition written as data (``all``/``any``/``not``/a test on one fact)."""
        if not isinstance(raw, dict):
            self.problems.add(where, "a condition must be a mapping such as {fact: fever, is: true}")
            return None
        if "all" in raw or "any" in raw:
            key = "all" if "all" in raw else "any"
            parts_raw = raw[key]
            if len(raw) != 1 or not isinstance(parts_raw, list) or not parts_raw:
                self.problems.add(where, f"'{key}' takes a non-empty list of conditions and nothing else")
                return None
            parts = [self.expr(f"{where}.{key}[{i}]", p) for i, p in enumerate(parts_raw)]
            if any(p is None for p in parts):
                return None
            clean = tuple(p for p in parts if p is not None)
            return All(clean) if key == "all" else AnyOf(clean)
        if "at_least" in raw:
            count, parts_raw = raw.get("at_least"), raw.get("of")
            if (
                set(raw) != {"at_least", "of"}
                or not isinstance(count, int)
                or not isinstance(parts_raw, list)
            ):
                self.problems.add(where, "'at_least' takes a whole number and 'of': a list of conditions")
                return None
            if not 1 <= count <= len(parts_raw):
                self.problems.add(
                    f"{where}.at_least", f"must be from 1 to {len(parts_raw)} (the number of parts)"
                )
                return None
            parts = [self.expr(f"{where}.of[{i}]", p) for i, p in enumerate(parts_raw)]
            if any(p is None for p in parts):
                return None
            return AtLeast(count, tuple(p for p in parts if p is not None))
        if "not" in raw:
            inner = self.expr(f"{where}.not", raw["not"]) if len(raw) == 1 else None
            if len(raw) != 1:
                self.problems.add(where, "'not' takes one condition and nothing else")
            return Not(inner) if inner is not None else None
        if "unanswered" in raw:
            listed = raw["unanswered"]
            if len(raw) != 1 or not isinstance(listed, list) or not listed:
                self.problems.add(where, "'unanswered' takes a non-empty list of fact ids and nothing else")
                return None
            if not all(isinstance(f, str) for f in listed):
                self.problems.add(f"{where}.unanswered", "list fact ids, e.g. [fever, foot_cold_pale]")
                return None
            known = [f for i, f in enumerate(listed) if self.check_fact(f"{where}.unanswered[{i}]", f)]
            return Unanswered(tuple(known)) if len(known) == len(listed) else None
        fact_id = raw.get("fact")
        cautious = raw.get("if_unknown", False)
        if not isinstance(cautious, bool):
            self.problems.add(f"{where}.if_unknown", "takes true (read 'ved ikke' cautiously) or false")
            return None
        tests = [k for k in raw if k not in ("fact", "if_unknown")]
        if not isinstance(fact_id, str) or len(tests) != 1:
            self.problems.add(
                where,
                "a test needs 'fact' and exactly one of is, in, includes, lt, le, gt, ge, known "
                "(e.g. {fact: fever, is: true}), and may add 'if_unknown: true'",
            )
            return None
        fact = self.check_fact(f"{where}.fact", fact_id)
        if fact is None:
            return None
        test, arg = tests[0], raw[tests[0]]
        if test == "is":
            if fact.type != "boolean" or not isinstance(arg, bool):
                self.problems.add(
                    f"{where}.is", f"'is' takes true/false and a boolean fact ('{fact_id}' is {fact.type})"
                )
                return None
            return FactIn(fact_id, ("true" if arg else "false",), cautious)
        if test in ("in", "includes"):
            if not isinstance(arg, list) or not arg or not all(isinstance(a, str) for a in arg):
                self.problems.add(f"{where}.{test}", "takes a non-empty list of values")
                return None
            if (test == "includes") != (fact.type == "list"):
                self.problems.add(
                    f"{where}.{test}",
                    f"use 'includes' for list facts and 'in' for others ('{fact_id}' is {fact.type})",
                )
                return None
            self.check_values(f"{where}.{test}", fact, arg)
            return FactIn(fact_id, tuple(arg), cautious)
        if test in ("lt", "le", "gt", "ge"):
            if fact.type != "integer" or not isinstance(arg, int) or isinstance(arg, bool):
                self.problems.add(
                    f"{where}.{test}",
                    f"compares an integer fact with a whole number ('{fact_id}' is {fact.type})",
                )
                return None
            return Compare(fact_id, test, arg, cautious)
        if test == "known":
            if cautious:
                self.problems.add(f"{where}.if_unknown", "a 'known' test cannot read 'ved ikke' cautiously")
                return None
            if not isinstance(arg, bool):
                self.problems.add(f"{where}.known", "takes true or false")
                return None
            return IsKnown(fact_id, arg)
        hint = did_you_mean(test, ["is", "in", "includes", "lt", "le", "gt", "ge", "known"])
        self.problems.add(where, f"unknown test '{test}'.{hint}")
        return None

    # --- files ------------------------------------------------------------------------------------
    def load_file(self, name: str, model: type[M]) -> M | None:
        """Read and validate one top-level file."""
        data = read_yaml(self.dir / name, self.problems)
        if data is None:
            if (self.dir / name).exists() and not self.problems.items:
                self.problems.add(name, "is empty")
            return None
        return validate(model, data, name, self.problems)

    def load_list(self, name: str, key: str, model: type[M]) -> list[M]:
        """Read a file whose top level is ``key: [entries]``; validate each entry on its own.

        One bad entry does not hide the problems (or the cross-checks) of the others.
        """
        data = read_yaml(self.dir / name, self.problems)
        if data is None:
            return []
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            self.problems.add(name, f"must be a mapping with a list under '{key}:'")
            return []
        extra = sorted(set(data) - {key})
        if extra:
            self.problems.add(name, f"unknown top-level field(s) {extra}; only '{key}' is allowed")
        out: list[M] = []
        for index, entry in enumerate(data[key]):
            ident = entry.get("id") if isinstance(entry, dict) else None
            label = f"entry '{ident}'" if ident else f"entry #{index + 1}"
            valid = validate(model, entry, f"{name}: {label}", self.problems)
            if valid is not None:
                out.append(valid)
        return out

    def sources(self) -> dict[str, Source]:
        """sources.yaml."""
        out: dict[str, Source] = {}
        for src in self.load_list("sources.yaml", "sources", s.SourceModel):
            if src.id in out:
                self.problems.add(f"sources.yaml: entry '{src.id}'", "id is used twice; ids must be unique")
            out[src.id] = Source(id=src.id, citation=src.citation, url=src.url)
        self.source_ids = set(out)
        return out

    def load_facts(self) -> None:
        """facts.yaml."""
        for f in self.load_list("facts.yaml", "facts", s.FactModel):
            where = f"facts.yaml: entry '{f.id}'"
            if f.id in self.facts:
                self.problems.add(where, "id is used twice; ids must be unique")
            bins = tuple(Bin(b.id, b.low, b.high, _text(b.label)) for b in f.bins)
            if f.type == "integer" and not bins:
                self.problems.add(
                    f"{where}: bins", "an integer fact needs bins (named ranges) for the ranking model"
                )
            if f.type in ("enum", "list") and not f.values:
                self.problems.add(f"{where}: values", f"a {f.type} fact needs its list of values")
            fact = Fact(
                id=f.id,
                type=f.type,
                values=tuple(f.values),
                minimum=f.min,
                maximum=f.max,
                unit=f.unit,
                bins=bins,
                red_flag_values=tuple(f.red_flag_values),
                baseline=dict(f.baseline),
                statements={k: _text(v) for k, v in f.statements.items()},
                label=_text(f.label),
                unknown=_text(f.unknown) if f.unknown else None,
            )
            self.facts[f.id] = fact
            self.check_values(f"{where}: red_flag_values", fact, list(f.red_flag_values))
            if f.baseline:
                self.check_sources(f"{where}: baseline_sources", f.baseline_sources)
                if not f.baseline_sources:
                    self.problems.add(f"{where}: baseline_sources", "cite a source or write [estimate]")
                self.check_distribution(f"{where}: baseline", fact, f.baseline)
            for key in f.statements:
                bare = key[4:] if key.startswith("not:") else key
                self.check_values(f"{where}: statements", fact, bare.split(","))

    def check_distribution(self, where: str, fact: Fact, p: Mapping[str, float]) -> None:
        """Probabilities must be in 0–1, and a single-valued fact's must not add up to more than 1."""
        keys = list(p)
        self.check_values(where, fact, keys)
        for k, v in p.items():
            if not 0 <= v <= 1:
                self.problems.add(f"{where}.{k}", f"{v} is not a probability; write a number from 0 to 1")
        if fact.type in ("enum", "integer") and sum(p.values()) > 1.001:
            self.problems.add(
                where, f"the probabilities add up to {sum(p.values()):.3f}; they must not exceed 1"
            )

    def questions(self) -> tuple[Question, ...]:
        """questions.yaml."""
        out: list[Question] = []
        seen: set[str] = set()
        for q in self.load_list("questions.yaml", "questions", s.QuestionModel):
            where = f"questions.yaml: entry '{q.id}'"
            if q.id in seen:
                self.problems.add(where, "id is used twice; ids must be unique")
            seen.add(q.id)
            relevant = self.expr(f"{where}: relevant_when", q.relevant_when) if q.relevant_when else None
            items: list[ChecklistItem] = []
            if q.kind == "checklist":
                if q.fact is not None or q.options:
                    self.problems.add(where, "a checklist has 'items', not 'fact' or 'options'")
                if not 1 <= len(q.items) <= 6:
                    self.problems.add(f"{where}: items", "a checklist has 1 to 6 items (one phone screen)")
                for it in q.items:
                    fact = self.check_fact(f"{where}: items: '{it.id}': fact", it.fact)
                    if fact is not None:
                        self.check_values(f"{where}: items: '{it.id}': values", fact, it.values)
                    items.append(
                        ChecklistItem(
                            it.id,
                            it.fact,
                            tuple(it.values),
                            _text(it.label),
                            _text(it.child_label) if it.child_label else None,
                            it.adults_only,
                        )
                    )
            else:
                fact = self.check_fact(f"{where}: fact", q.fact or "") if q.fact else None
                if q.fact is None:
                    self.problems.add(f"{where}: fact", "a single, multi or number question names its fact")
                if fact is not None:
                    self._check_question_kind(where, q, fact)
            out.append(
                Question(
                    id=q.id,
                    kind=q.kind,
                    purpose=q.purpose,
                    text=_text(q.text),
                    why=_text(q.why),
                    hint=_text(q.hint) if q.hint else None,
                    fact=q.fact,
                    options=tuple(
                        Option(
                            o.value,
                            _text(o.label),
                            _text(o.hint) if o.hint else None,
                            o.adults_only,
                            _text(o.child_label) if o.child_label else None,
                        )
                        for o in q.options
                    ),
                    items=tuple(items),
                    relevant_when=relevant,
                    order=q.order,
                    none_label=_text(q.none_label) if q.none_label else None,
                    child=_child_wording(q.child),
                )
            )
        return tuple(out)

    def _check_question_kind(self, where: str, q: s.QuestionModel, fact: Fact) -> None:
        expected = {"boolean": "single", "enum": "single", "integer": "number", "list": "multi"}[fact.type]
        if q.kind != expected:
            self.problems.add(
                f"{where}: kind", f"fact '{fact.id}' is {fact.type}, so the kind must be '{expected}'"
            )
            return
        values = [o.value for o in q.options]
        if fact.type == "boolean":
            wanted = ["true", "false"]
        elif fact.type == "integer":
            wanted = []
        else:
            wanted = list(fact.values)
        if sorted(values) != sorted(wanted):
            self.problems.add(
                f"{where}: options",
                f"the options must be exactly the values of fact '{fact.id}': {wanted} (got {values})",
            )

    def conditions(self) -> dict[str, Condition]:
        """conditions/*.yaml, one file per condition."""
        out: dict[str, Condition] = {}
        folder = self.dir / "conditions"
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not files:
            self.problems.add("conditions/", "no condition files found; add one YAML file per condition")
        for path in files:
            name = f"conditions/{path.name}"
            data = read_yaml(path, self.problems)
            if data is None:
                continue
            c = validate(s.ConditionModel, data, name, self.problems)
            if c is None:
                continue
            where = f"{name}: entry '{c.id}'"
            if path.stem != c.id:
                self.problems.add(f"{where}: id", f"must match the file name ('{path.stem}')")
            self.check_sources(f"{where}: sources", c.sources)
            self.check_sources(f"{where}: prior.sources", c.prior.sources)
            self.check_sources(f"{where}: triage.sources", c.triage.sources)
            evidence = self.evidence_tables(where, c.evidence)
            presentations = self.presentations(where, c, evidence)
            out[c.id] = Condition(
                id=c.id,
                name=_text(c.name),
                description=_text(c.description),
                location=_text(c.location),
                onset=_text(c.onset),
                pattern=_text(c.pattern),
                who=_text(c.who),
                clinician=_text(c.clinician),
                quick_advice=_text(c.quick_advice),
                prior=dict(c.prior.bands),
                prior_sources=tuple(c.prior.sources),
                triage=ConditionTriage(
                    c.triage.level,
                    c.triage.threshold,
                    tuple(c.triage.sources),
                    self.expr(f"{where}: triage.unless", c.triage.unless) if c.triage.unless else None,
                ),
                evidence=evidence,
                dangerous=c.dangerous,
                sources=tuple(c.sources),
                article=dict(c.article or {}),
                plan=c.plan,
                presentations=presentations,
                min_age=c.prior.min_age,
            )
        return out

    def evidence_tables(self, where: str, tables: Mapping[str, s.EvidenceModel]) -> dict[str, Evidence]:
        """Evidence tables (a condition's or a presentation's), each fact, distribution and source checked."""
        out: dict[str, Evidence] = {}
        for fact_id, ev in tables.items():
            fact = self.check_fact(f"{where}: evidence.{fact_id}", fact_id)
            self.check_sources(f"{where}: evidence.{fact_id}.sources", ev.sources)
            if fact is None:
                continue
            self.check_distribution(f"{where}: evidence.{fact_id}.p", fact, ev.p)
            out[fact_id] = Evidence(fact=fact_id, p=dict(ev.p), sources=tuple(ev.sources))
        return out

    def presentations(
        self, where: str, c: s.ConditionModel, evidence: Mapping[str, Evidence]
    ) -> tuple[Presentation, ...]:
        """A condition's presentations: each its own evidence on top of the condition's."""
        if not c.presentations:
            return ()
        if len(c.presentations) < 2:
            self.problems.add(
                f"{where}: presentations", "list two or more presentations, or none (one is the condition)"
            )
        total = sum(p.weight for p in c.presentations)
        if abs(total - 1) > 0.001:
            self.problems.add(
                f"{where}: presentations", f"the weights add up to {total:.3f}; they must add up to 1"
            )
        out: list[Presentation] = []
        seen: set[str] = set()
        for p in c.presentations:
            at = f"{where}: presentations: '{p.id}'"
            if p.id in seen:
                self.problems.add(at, "id is used twice; ids must be unique within the condition")
            seen.add(p.id)
            self.check_sources(f"{at}: sources", p.sources)
            own = {**evidence, **self.evidence_tables(at, p.evidence)}
            out.append(Presentation(id=p.id, weight=p.weight, evidence=own, sources=tuple(p.sources)))
        return tuple(out)

    def rules(self) -> tuple[TriageRule, ...]:
        """rules.yaml."""
        out: list[TriageRule] = []
        seen: set[str] = set()
        for r in self.load_list("rules.yaml", "rules", s.RuleModel):
            where = f"rules.yaml: entry '{r.id}'"
            if r.id in seen:
                self.problems.add(where, "id is used twice; ids must be unique")
            seen.add(r.id)
            self.check_sources(f"{where}: sources", r.sources)
            when = self.expr(f"{where}: when", r.when)
            if when is None:
                continue
            cautious = cautious_facts(when)
            if cautious and r.precaution is None:
                self.problems.add(
                    f"{where}: precaution",
                    "this rule reads 'ved ikke' cautiously (if_unknown), so it needs a 'precaution' text "
                    "(da/en): the advice when it holds only because an answer is unknown",
                )
            stands_for = self.unknown_facts(where, r, cautious)
            self.check_unknown_phrases(where, cautious - stands_for)
            out.append(
                TriageRule(
                    r.id,
                    r.level,
                    when,
                    r.red_flag,
                    _text(r.reason),
                    tuple(r.sources),
                    cautious,
                    _text(r.precaution) if r.precaution else None,
                    _text(r.unknown) if r.unknown else None,
                    stands_for,
                )
            )
        return tuple(out)

    def unknown_facts(self, where: str, rule: s.RuleModel, cautious: frozenset[str]) -> frozenset[str]:
        """The facts a rule's own ``unknown`` phrase stands for: ``unknown_facts``, else all it reads
        cautiously; none without the phrase."""
        if rule.unknown is None:
            if rule.unknown_facts is not None:
                self.problems.add(f"{where}: unknown_facts", "needs an 'unknown' phrase (da/en) to stand for")
            return frozenset()
        if rule.unknown_facts is None:
            return cautious
        stray = sorted(set(rule.unknown_facts) - cautious)
        if stray:
            self.problems.add(
                f"{where}: unknown_facts",
                f"{stray} not read cautiously by this rule; list only facts its tests mark "
                f"'if_unknown: true' ({sorted(cautious)})",
            )
        return frozenset(rule.unknown_facts) & cautious

    def check_unknown_phrases(self, where: str, cautious: frozenset[str]) -> None:
        """A fact read cautiously needs an ``unknown`` phrase: the result says it made the advice cautious."""
        for fact_id in sorted(cautious):
            if self.facts[fact_id].unknown is None:
                self.problems.add(
                    f"facts.yaml: entry '{fact_id}': unknown",
                    f"{where} reads '{fact_id}' cautiously (if_unknown), so the fact needs an 'unknown' "
                    "phrase in Danish and English that ends the sentence 'Fordi du ikke ved, …', e.g. "
                    "{da: om det bliver bedre, en: whether it is getting better}",
                )

    def care(self) -> tuple[dict[str, CareAction], tuple[Region, ...], RegionWording | None]:
        """care.yaml: what to do per level, the regions' after-hours numbers, and how they are written."""
        doc = self.load_file("care.yaml", s.CareFile)
        actions: dict[str, CareAction] = {}
        regions: list[Region] = []
        if doc is None:
            return actions, (), None
        wording = RegionWording(_text(doc.wording.number), _text(doc.wording.every))
        for field_name, text, names in (
            ("number", wording.number, ("{phone}", "{region}")),
            ("every", wording.every, ("{numbers}", "{last}")),
        ):
            for lang, value in (("da", text.da), ("en", text.en)):
                if any(name not in value for name in names):
                    self.problems.add(
                        f"care.yaml: wording: {field_name}.{lang}",
                        f"must contain {' and '.join(names)}; write them where the numbers go",
                    )
        for a in doc.actions:
            self.check_sources(f"care.yaml: actions: '{a.level}': sources", a.sources)
            for n, sign in enumerate(a.signs, start=1):
                self.check_sources(f"care.yaml: actions: '{a.level}': signs[{n}]: sources", sign.sources)
            if a.signs and a.level != "emergency":
                self.problems.add(
                    f"care.yaml: actions: '{a.level}': signs",
                    "signs are the situations to call 112 for before any question; "
                    "list them under the emergency action only",
                )
            signs = tuple(CareSign(_text(x.text), tuple(x.sources)) for x in a.signs)
            actions[a.level] = CareAction(a.level, _text(a.title), _text(a.action), tuple(a.sources), signs)
        for level in ("emergency", "urgent", "gp", "professional", "self_care"):
            if level not in actions:
                self.problems.add("care.yaml: actions", f"no action for level '{level}'; add one")
        if "emergency" in actions and not actions["emergency"].signs:
            self.problems.add(
                "care.yaml: actions: 'emergency': signs",
                "list at least one situation to call 112 for at once (shown before the first question)",
            )
        for r in doc.regions:
            self.check_sources(f"care.yaml: regions: '{r.id}': sources", r.sources)
            regions.append(
                Region(
                    r.id,
                    _text(r.name),
                    r.phone,
                    tuple((lo, hi) for lo, hi in r.postcodes),
                    _text(r.note),
                    tuple(r.sources),
                )
            )
        return actions, tuple(regions), wording

    def settings(self) -> EngineSettings | None:
        """settings.yaml."""
        doc = self.load_file("settings.yaml", s.SettingsModel)
        if doc is None:
            return None
        self.check_sources("settings.yaml: sources", doc.sources)
        if doc.age_fact not in self.facts:
            self.check_fact("settings.yaml: age_fact", doc.age_fact)
        return EngineSettings(
            age_fact=doc.age_fact,
            age_bands=tuple(Bin(b.id, b.low, b.high, _text(b.label)) for b in doc.age_bands),
            max_questions=doc.max_questions,
            stop_probability=doc.stop_probability,
            min_information_gain=doc.min_information_gain,
            likelihood_floor=doc.likelihood_floor,
            list_max=doc.list_max,
            list_min_probability=doc.list_min_probability,
            possible_from=doc.possible_from,
            advice_change_chance=doc.advice_change_chance,
            child_below_age=doc.child_below_age,
        )


def load_knowledge(directory: Path | None = None, *, extra_checks: bool = True) -> KnowledgeBase:
    """Load and check the knowledge folder (default: the one shipped in the package).

    Raises :class:`KnowledgeError` listing every problem found.
    """
    loader = Loader(directory or default_directory())
    sources = loader.sources()
    loader.load_facts()
    questions = loader.questions()
    conditions = loader.conditions()
    rules = loader.rules()
    actions, regions, wording = loader.care()
    settings = loader.settings()
    if settings is None or wording is None or loader.problems.items:
        raise KnowledgeError(loader.problems.items or ["settings.yaml: could not be read"])
    kb = KnowledgeBase(
        facts=dict(loader.facts),
        questions=questions,
        conditions=conditions,
        rules=rules,
        care=actions,
        regions=regions,
        sources=sources,
        settings=settings,
        region_wording=wording,
    )
    if extra_checks:
        from haelguiden.knowledge.checks import cross_checks

        problems = cross_checks(kb)
        if problems:
            raise KnowledgeError(problems)
    return kb


def cached(factory: Callable[[], KnowledgeBase]) -> Callable[[], KnowledgeBase]:
    """Memoise a knowledge-base factory (the files do not change while the app runs)."""
    box: list[KnowledgeBase] = []

    def get() -> KnowledgeBase:
        if not box:
            box.append(factory())
        return box[0]

    return get
