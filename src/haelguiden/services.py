"""The composition root and the use cases every entry point calls.

``build_services(settings)`` is the only place that loads the knowledge base or opens storage; the web app
factory and the CLI both call it. Entry points call the functions here, never the adapters directly.
Storage is opened (and migrated) on first use, so the self-check alone needs no database.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from haelguiden.config import Settings
from haelguiden.engine.assess import Assessment, assess
from haelguiden.engine.errors import AnswerError
from haelguiden.engine.expressions import FactIn, evaluate
from haelguiden.engine.model import KnowledgeBase, TriageLevel
from haelguiden.engine.plan import Audience, NoPlan, Plan, PlanLibrary, build_plan
from haelguiden.engine.recovery import RecoveryRules
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.knowledge.files import default_directory
from haelguiden.knowledge.loader import load_knowledge
from haelguiden.knowledge.outcomes import Outcome, Outcomes, load_outcomes
from haelguiden.knowledge.plans import load_plan_library
from haelguiden.knowledge.recovery import load_recovery_rules
from haelguiden.knowledge.source_titles import SourceTitle, load_source_titles
from haelguiden.tracker.model import Diary
from haelguiden.tracker.repository import DiaryRepository, NewDiary, SqlAlchemyRepository
from haelguiden.tracker.shares import NewShare, Share

if TYPE_CHECKING:
    from haelguiden.knowledge.story import StoryLexicon
    from haelguiden.story import StoryReader, StoryReading

_REPOSITORY_LOCK = threading.Lock()
#: A diary untouched for this many months is deleted (``haelguiden diary purge``, run daily from cron).
DIARY_KEEP_MONTHS = 12
_STORY_LOCK = threading.Lock()

#: The numbness answers that count as "yes" (every answer but "none").
_NUMBNESS_VALUES = ("inner_heel", "sole_and_toes", "outer_foot_and_little_toe", "both_feet_stocking", "other")


@dataclass(frozen=True)
class PlanFlags:
    """What the self-care plan needs from the answers besides the result, and no more.

    A diary stores exactly these (data minimisation), so its plan is the one the result page showed.
    """

    #: "child" below the plans' child age, "adult" from it, None when the age is not known.
    age_group: Audience | None = None
    diabetes: bool = False
    numbness: bool = False
    #: The plan traits the answers show (``runner``, ``overweight``): advice only some people need.
    traits: frozenset[str] = frozenset()


@dataclass
class Services:
    """What the entry points need, built once."""

    settings: Settings
    kb: KnowledgeBase
    plans: PlanLibrary
    recovery: RecoveryRules
    knowledge_dir: Path
    #: The outcome page of each triage level (``outcomes.yaml``).
    outcomes: Outcomes = field(default_factory=dict)
    #: How each source is named to patients (``source_titles.yaml``).
    source_titles: Mapping[str, SourceTitle] = field(default_factory=dict)
    _repository: DiaryRepository | None = field(default=None, repr=False)
    _story_reader: StoryReader | None = field(default=None, repr=False)
    _story_lexicon: StoryLexicon | None = field(default=None, repr=False)

    def start(self) -> Assessment:
        """The first question of a new self-check."""
        return assess(self.kb, Answers())

    def assess(self, answers: Answers) -> Assessment:
        """The next question or the result for ``answers``."""
        return assess(self.kb, answers)

    def outcome_due(self, assessment: Assessment) -> bool:
        """Whether the person should see the outcome now: the interview is done, or it is an emergency.

        An emergency answer ends the interview: the next page is "Ring 112", with no further question and
        no check-your-answers page in between.
        """
        return assessment.done or assessment.triage.level == "emergency"

    def outcome(self, level: TriageLevel, child: bool = False) -> Outcome:
        """The outcome page's texts for a triage level (``outcomes.yaml``), for the parent of a ``child``
        in the child's wording."""
        return self.outcomes[level].words_for(child)

    def start_diary(self, answers: Answers | None, lang: str) -> NewDiary:
        """A new diary that keeps only what its plan needs from a finished self-check (if there is one).

        The condition, the triage level and the plan flags make the diary show the plan the result showed;
        without a finished self-check (``answers`` None or unfinished) the diary has no plan.
        """
        condition_id: str | None = None
        triage_level: str | None = None
        flags = PlanFlags()
        if answers is not None:
            result = self.assess(answers)
            if result.done:
                condition_id = result.listed[0].condition.id if result.listed else None
                triage_level = result.triage.level
                flags = self.plan_flags(answers)
        return self.repository.create_diary(
            start_date=self.today(),
            lang=lang,
            condition_id=condition_id,
            triage_level=triage_level,
            age_group=flags.age_group,
            diabetes=flags.diabetes,
            numbness=flags.numbness,
            traits=tuple(sorted(flags.traits)),
        )

    def share_diary(self, diary: Diary, answers: Answers | None) -> NewShare:
        """A read-only link to the diary's summary and chart for a clinician.

        The link carries the self-check only when ``answers`` make a finished one: those answers are then
        stored with the link (the person chose to share them) and deleted when they stop sharing.
        """
        snapshot = None
        if answers is not None and self.outcome_due(self.assess(answers)):
            snapshot = answers.to_dict()
        return self.repository.create_share(diary.id, snapshot)

    def shared_answers(self, share: Share) -> Answers | None:
        """The self-check shared with a link; None when none was, or it no longer fits the knowledge base."""
        if share.answers is None:
            return None
        try:
            return Answers.from_dict(self.kb, share.answers)
        except AnswerError:
            return None

    def plan_flags(self, answers: Answers) -> PlanFlags:
        """The age group, diabetes, numbness and traits of ``answers``: all the plan needs besides the result.

        A trait holds only when the answers say so; "ved ikke" leaves it out (no advice nobody asked for).
        """
        facts = derive_facts(self.kb, answers)
        age = facts.get(self.kb.settings.age_fact)
        years = age.value if age is not None and isinstance(age.value, int) else None
        age_group: Audience | None = None
        if years is not None:
            age_group = "child" if years < self.plans.rules.child_below_age else "adult"
        # evaluate(), not the exact value: ticking "tingling or numbness" in a checklist only rules out
        # "none", and the interview may end before asking where; that person must not get ice either.
        return PlanFlags(
            age_group=age_group,
            diabetes=evaluate(FactIn("diabetes", ("true",)), facts) is True,
            numbness=evaluate(FactIn("numbness_tingling", _NUMBNESS_VALUES), facts) is True,
            traits=frozenset(
                trait.id
                for trait in self.plans.rules.traits.values()
                if evaluate(FactIn(trait.fact, trait.values), facts) is True
            ),
        )

    def plan_for(self, answers: Answers) -> Plan | NoPlan:
        """The personal self-care plan for a finished self-check (or the reason there is none)."""
        result = assess(self.kb, answers)
        return self.plan_with(
            result.listed[0].condition.id if result.listed else None,
            result.triage.level,
            self.plan_flags(answers),
        )

    def plan_with(self, condition_id: str | None, triage_level: str, flags: PlanFlags) -> Plan | NoPlan:
        """The plan for a condition and triage level and the person's ``flags`` (as a diary keeps them).

        ``build_plan`` uses the age only to choose between the child and the adult plan, so an age group
        is enough: a child gets an age just under the plans' child age, an adult or an unknown age None
        (which ``build_plan`` treats as an adult). The result page and a diary get the same plan this way.
        """
        age = self.plans.rules.child_below_age - 1 if flags.age_group == "child" else None
        return build_plan(
            self.plans,
            condition_id=condition_id,
            triage_level=triage_level,
            age=age,
            diabetes=flags.diabetes,
            numbness=flags.numbness,
            traits=flags.traits,
        )

    @property
    def repository(self) -> DiaryRepository:
        """Diary storage: SQLite by default, PostgreSQL with ``DATABASE_URL``; migrated on first use.

        A lock makes two simultaneous first requests migrate once, not twice at the same time.
        """
        with _REPOSITORY_LOCK:
            if self._repository is None:
                from haelguiden.tracker.database import make_engine, upgrade

                engine = make_engine(self.settings.database_url)
                upgrade(engine)
                self._repository = SqlAlchemyRepository(engine)
            return self._repository

    @property
    def story_lexicon(self) -> StoryLexicon:
        """The story lexicon (``knowledge_base/story/``), loaded and checked on first use."""
        with _STORY_LOCK:
            if self._story_lexicon is None:
                from haelguiden.knowledge.story import load_story_lexicon

                self._story_lexicon = load_story_lexicon(self.knowledge_dir, self.kb)
            return self._story_lexicon

    @property
    def story_reader(self) -> StoryReader:
        """The story reader, built on first use (spaCy takes a second or two to load)."""
        lexicon = self.story_lexicon
        with _STORY_LOCK:
            if self._story_reader is None:
                from haelguiden.story import StoryReader

                self._story_reader = StoryReader(lexicon, self.kb)
            return self._story_reader

    def read_story(self, text: str, lang: str | None = None) -> StoryReading:
        """The facts a patient's own story states without doubt (nothing is stored or logged)."""
        return self.story_reader.read(text, lang=lang, today=self.today())

    def purge_inactive(self, months: int) -> int:
        """Delete diaries untouched for ``months`` months; returns how many were deleted."""
        return self.repository.purge_inactive(months)

    def today(self) -> dt.date:
        """Today's date (one place to change for tests)."""
        return dt.date.today()


def build_services(
    settings: Settings | None = None,
    knowledge_dir: Path | None = None,
    repository: DiaryRepository | None = None,
) -> Services:
    """Load everything once; raise a ``UserError`` subclass with a clear message when something is wrong."""
    settings = settings or Settings.from_env()
    directory = knowledge_dir or settings.knowledge_dir or default_directory()
    kb = load_knowledge(directory)
    plans = load_plan_library(directory) if (directory / "plans").is_dir() else load_plan_library()
    recovery = (
        load_recovery_rules(directory) if (directory / "recovery.yaml").exists() else load_recovery_rules()
    )
    outcomes = load_outcomes(directory) if (directory / "outcomes.yaml").exists() else load_outcomes()
    titles = (
        load_source_titles(directory) if (directory / "source_titles.yaml").exists() else load_source_titles()
    )
    return Services(
        settings=settings,
        kb=kb,
        plans=plans,
        recovery=recovery,
        knowledge_dir=directory,
        outcomes=outcomes,
        source_titles=titles,
        _repository=repository,
    )


def articles_directory(settings: Settings) -> Path:
    """The folder of the patient articles (``articles/`` of the knowledge folder in use)."""

    return (settings.knowledge_dir or default_directory()) / "articles"
