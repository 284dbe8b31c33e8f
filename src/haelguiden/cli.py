"""The ``haelguiden`` command: the self-check in the terminal, knowledge checks, evaluation, the server.

Every ``UserError`` becomes one clear line and exit code 2; nothing here prints a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from haelguiden.durations import parse_spoken, to_days
from haelguiden.engine.assess import Assessment
from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase, Lang, Question
from haelguiden.engine.plan_text import LocalPlan
from haelguiden.engine.state import Answers, AnswerValue
from haelguiden.errors import StorageError, UserError
from haelguiden.i18n import N_, t
from haelguiden.presenters import (
    assessment_dict,
    likelihood_text,
    questions_about,
    reason_text,
    triage_reason_text,
)
from haelguiden.services import DIARY_KEEP_MONTHS, Services, build_services

F = TypeVar("F", bound=Callable[..., Any])
NESTING_HINT = '{"question_id": value, ...}'
#: The most months ``diary purge --older-than`` takes (100 years).
MAX_PURGE_MONTHS = 1200


class UsageFailure(click.ClickException):
    """A user error: printed as one line, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print ``Error: <message>`` to stderr."""
        click.echo(f"Error: {self.format_message()}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn ``UserError`` and ``StorageError`` into a one-line message with exit code 2."""
    try:
        yield
    except (UserError, StorageError) as exc:
        raise UsageFailure(str(exc)) from None


def _services(knowledge_dir: Path | None = None) -> Services:
    with user_errors():
        return build_services(knowledge_dir=knowledge_dir)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="haelguiden")
def main() -> None:
    """Hælguiden: self-check, self-care and recovery for heel pain."""


# --- kb ------------------------------------------------------------------------------------------------
@main.group()
def kb() -> None:
    """The clinical knowledge base."""


@kb.command("check")
@click.option(
    "--dir", "directory", type=click.Path(path_type=Path, file_okay=False), help="Knowledge folder."
)
def kb_check(directory: Path | None) -> None:
    """Validate the knowledge base and print a summary (uncited claims must be 0)."""
    from haelguiden.knowledge.summary import summarise

    services = _services(directory)
    summary = summarise(services.kb)
    summary["self-care plans"] = len(services.plans.plans)
    summary["exercises"] = len(services.plans.exercises)
    summary["recovery check-in weeks"] = len(services.recovery.checkin_weeks)
    summary["outcome pages"] = len(services.outcomes)
    if (services.knowledge_dir / "story").is_dir():
        with user_errors():
            summary["story phrase entries"] = len(services.story_lexicon.entries)
    for key, value in summary.items():
        click.echo(f"{key:<32} {value}")
    if summary["uncited claims"]:
        raise UsageFailure("the knowledge base has uncited claims")
    click.echo("knowledge base OK")


# --- tjek ----------------------------------------------------------------------------------------------
def _read_answers_file(kb_: KnowledgeBase, path: Path) -> Answers:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageFailure(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError):
        raise UsageFailure(f"{path}: cannot be read as UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise UsageFailure(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"
        ) from None
    except RecursionError:
        raise UsageFailure(f"{path}: nested too deeply; write the answers as {NESTING_HINT}") from None
    with user_errors():
        if isinstance(raw, dict) and "answers" not in raw:
            # the short form {"question_id": value, ...}
            raw = {"answers": [{"question": k, "value": v} for k, v in raw.items()]}
        return Answers.from_dict(kb_, _durations_in_days(kb_, raw))


def _durations_in_days(kb_: KnowledgeBase, raw: object) -> object:
    """The answers with every duration written as people say it ("6 uger") counted in days for the engine.

    A number stays a number of days; anything the engine cannot read is passed on for its own message.
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("answers"), list):
        return raw
    out = []
    for entry in raw["answers"]:
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("value"), str)
            and entry.get("question") in kb_.question_ids
        ):
            fact = kb_.facts.get(kb_.question(entry["question"]).fact or "")
            spoken = parse_spoken(entry["value"]) if fact is not None and fact.unit == "days" else None
            if spoken is not None:
                entry = {**entry, "value": to_days(*spoken)}
        out.append(entry)
    return {**raw, "answers": out}


def _print_emergency_signs(kb_: KnowledgeBase, lang: Lang) -> None:
    """Before the first question, as on the start page: when to call 112 instead of answering."""
    title = kb_.care["emergency"].title.get(lang)
    click.secho(t(lang, "emergency_line", emergency=title), bold=True, fg="red")
    click.echo(t(lang, "start_emergency_signs"))
    for sign in kb_.care["emergency"].signs:
        click.echo(f"  - {sign.text.get(lang)}")


def _ask(q: Question, a: Assessment, lang: Lang, facts_unit: str | None = None) -> AnswerValue | str:
    """Show one question; return the answer, or the string "<back>".

    ``facts_unit`` is the unit of a number question's fact: a duration in days is typed as a number and
    a unit ("3 uger") and converted to days before the engine sees it.
    """
    click.echo()
    number = t(lang, "cli_question", n=a.progress.asked + 1)
    left = t(lang, "cli_left", n=a.progress.remaining)
    click.secho(f"{number} ({left})", dim=True)
    click.secho(q.text_for(a.child).get(lang), bold=True)
    hint = q.hint_for(a.child)
    if hint:
        click.echo(hint.get(lang))
    click.secho(t(lang, "why_summary") + " " + q.why_for(a.child).get(lang), dim=True)
    none_key = t(lang, "cli_none_key")
    if q.kind == "checklist":
        for n, item in enumerate(a.items, 1):
            click.echo(f"  {n}) {item.label_for(a.child).get(lang)}")
        click.echo(f"  {none_key}) " + t(lang, "none_of_these"))
    elif q.kind in ("single", "multi"):
        for n, opt in enumerate(a.options, 1):
            click.echo(f"  {n}) {opt.label_for(a.child).get(lang)}")
    click.echo("  v) " + t(lang, "dont_know") + "    b) " + t(lang, "cli_back"))
    # A duration is typed the way people say it ("3 uger", "2 months") and counted in days here.
    days = "days" if q.kind == "number" and facts_unit == "days" else None
    if days:
        click.echo(t(lang, "cli_duration"))
    while True:
        raw = click.prompt(t(lang, "cli_prompt"), default="", show_default=False).strip().lower()
        if raw == "b":
            return "<back>"
        if raw == "v":
            return None
        try:
            if q.kind == "number" and days is not None:
                spoken = parse_spoken(raw)
                if spoken is None:
                    raise ValueError
                return to_days(*spoken)
            if q.kind == "number":
                return int(raw)
            if q.kind == "single":
                return a.options[int(raw) - 1].value
            if raw == none_key:
                return () if q.kind == "multi" else "none"
            picks = [int(x) for x in raw.replace(" ", "").split(",") if x]
            if not picks or any(p < 1 for p in picks):
                raise ValueError
            if q.kind == "multi":
                return tuple(a.options[p - 1].value for p in picks)
            return tuple(a.items[p - 1].id for p in picks)
        except (ValueError, IndexError):
            click.echo(t(lang, "cli_bad"))


def _questions_to_answer_again(services: Services, a: Assessment) -> list[str]:
    """The questions answered "ved ikke" that made the advice cautious (to be answered again)."""
    asked = set(a.answers.asked)
    out: list[str] = []
    for reason in a.triage.reasons:
        if reason.kind != "precaution":
            continue
        for fact_id in reason.unknown:
            out += [q for q in questions_about(services.kb, fact_id) if q in asked and q not in out]
    return out


def _confirm_story(services: Services, facts: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """Show what was understood; the person unticks by number what is wrong. Returns what stays."""
    from haelguiden.presenters import story_statements

    statements = story_statements(services.kb, services.story_lexicon, facts, lang)
    click.echo()
    if not statements:
        click.echo(t(lang, "story_empty"))
        return {}
    click.secho(t(lang, "cli_story_understood"), bold=True)
    for n, st in enumerate(statements, 1):
        click.echo(f"  {n}) {st.text}")
    while True:
        raw = click.prompt(t(lang, "cli_story_prompt"), default="", show_default=False).strip()
        try:
            wrong = {int(x) for x in raw.replace(" ", "").split(",") if x}
        except ValueError:
            click.echo(t(lang, "cli_story_bad"))
            continue
        if all(1 <= w <= len(statements) for w in wrong):
            break
        click.echo(t(lang, "cli_story_bad"))
    kept: dict[str, Any] = {}
    for n, st in enumerate(statements, 1):
        if n in wrong:
            continue
        if st.item is None:
            kept[st.fact] = st.value
        else:
            kept[st.fact] = (*kept.get(st.fact, ()), st.item)
    return kept


def _print_result(services: Services, a: Assessment, lang: Lang) -> None:
    kb_ = services.kb
    care = kb_.care[a.triage.level]
    click.echo()
    click.secho(care.title.get(lang).upper(), bold=True, fg="red" if a.triage.rank <= 1 else None)
    click.echo(action_text(kb_, a.triage.level, lang))
    for reason in a.triage.reasons:
        if reason.kind in ("rule", "precaution"):
            click.echo(f"  - {triage_reason_text(kb_, reason, lang)}")
    if a.triage.level == "emergency":
        return  # nothing may compete with "call 112" (possible causes can wait for the examination)
    click.echo()
    click.secho(t(lang, "cli_causes"), bold=True)
    for r in a.listed:
        click.echo(f"  {r.condition.name.get(lang)} ({likelihood_text(r.likelihood, lang).lower()})")
        for key, reasons in ((N_("cli_for"), r.explanation.for_), (N_("cli_against"), r.explanation.against)):
            if reasons:
                click.echo(f"      {t(lang, key)}: " + "; ".join(reason_text(x, lang) for x in reasons))
    if a.triage.rank >= 3 and a.listed:
        click.echo()
        click.secho(t(lang, "cli_advice"), bold=True)
        click.echo(a.listed[0].condition.quick_advice.get(lang))


@main.command()
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help="Language.")
@click.option(
    "--answers", "answers_file", type=click.Path(path_type=Path, dir_okay=False), help="Answers as JSON."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--story", "story", help="Your own words first; then only what is still missing is asked.")
def tjek(lang: Lang, answers_file: Path | None, as_json: bool, story: str | None) -> None:
    """The self-check: one question at a time, then what to do and the possible causes."""
    services = _services()
    if answers_file is None and not as_json:
        _print_emergency_signs(services.kb, lang)
    story_facts: Mapping[str, Any] = {}
    if story is not None:
        if not story.strip():
            raise UsageFailure("--story: write what happened in your own words, or leave --story out")
        with user_errors():
            story_facts = services.read_story(story, lang).facts
        if answers_file is None and not as_json:
            story_facts = _confirm_story(services, story_facts, lang)
    if answers_file is not None:
        answers = _read_answers_file(services.kb, answers_file)
        with user_errors():
            answers = answers.with_story(services.kb, {**answers.story, **story_facts})
        result = services.assess(answers)
        if as_json:
            click.echo(json.dumps(assessment_dict(services.kb, result, lang), ensure_ascii=False, indent=2))
        elif result.done:
            _print_result(services, result, lang)
        else:
            next_id = result.question.id if result.question else ""
            raise UsageFailure(f"the answers are not complete: the next question is '{next_id}'")
        return
    with user_errors():
        answers = Answers().with_story(services.kb, story_facts)
    while True:
        result = services.assess(answers)
        while result.question is not None:
            fact = services.kb.facts.get(result.question.fact or "")
            value = _ask(result.question, result, lang, fact.unit if fact else None)
            if value == "<back>":
                answers = answers.undo()
            else:
                try:
                    answers = answers.answer(services.kb, result.question.id, value)
                except UserError as exc:
                    click.echo(str(exc))
            result = services.assess(answers)
        if as_json:
            click.echo(json.dumps(assessment_dict(services.kb, result, lang), ensure_ascii=False, indent=2))
            return
        _print_result(services, result, lang)
        unknown = _questions_to_answer_again(services, result)
        if not unknown or as_json:
            return
        choice = click.prompt(t(lang, "cli_again"), default="", show_default=False).strip().lower()
        if choice not in ("s", "a"):
            return
        for qid in unknown:
            answers = answers.without(qid)  # asked again: the interview picks them up from here


# --- eval ----------------------------------------------------------------------------------------------
@main.command("eval")
@click.argument("vignettes", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False), help="Predictions file."
)
@click.option(
    "--drop-facts",
    "drop",
    type=click.FloatRange(0, 1),
    default=None,
    help="Forget this share (0-1) of each vignette's ordinary facts first (never age, site or red flags).",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed for --drop-facts.")
@click.option(
    "--story", "story_mode", is_flag=True, help="Story mode: read story_da first, ask only what is missing."
)
def eval_command(vignettes: Path, out: Path, drop: float | None, seed: int, story_mode: bool) -> None:
    """Run the real interview on every vignette and write predictions (JSON Lines)."""
    from haelguiden.evaluation.harness import StoryFn, interview, prediction
    from haelguiden.evaluation.robustness import drop_facts
    from haelguiden.evaluation.vignettes import read_vignettes

    services = _services()
    try:
        with user_errors():
            cases = list(read_vignettes(services.kb, vignettes, story=story_mode))
    except RecursionError:
        raise UsageFailure(
            f"{vignettes}: a line is nested too deeply to be a vignette; see ../shared/vignettes/FORMAT.md"
        ) from None
    if drop is not None:
        cases = [drop_facts(services.kb, c, drop, seed) for c in cases]
    read: StoryFn | None = None
    if story_mode:
        with user_errors():
            reader = services.story_reader

        def read(text: str) -> Mapping[str, Any]:
            # The date of a vignette's story is unknown: "siden sommer" is not turned into days.
            return reader.read(text, lang="da").facts

    def line(case: Any) -> str:
        return json.dumps(prediction(interview(services.kb, case, read)), ensure_ascii=False)

    lines: list[str] = []
    if sys.stderr.isatty():  # a progress bar only for a person watching a terminal
        with click.progressbar(cases, label="Interviewing", file=sys.stderr) as bar:
            lines.extend(line(c) for c in bar)
    else:
        lines.extend(line(c) for c in cases)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageFailure(f"{out}: cannot write ({exc.strerror})") from None
    click.echo(f"{len(lines)} predictions written to {out}")


def _json_default(o: object) -> object:
    if isinstance(o, Mapping):
        return dict(o)
    raise TypeError(type(o).__name__)


# --- content -------------------------------------------------------------------------------------------
@main.group()
def content() -> None:
    """Patient articles."""


@content.command("check")
@click.option("--dir", "directory", type=click.Path(path_type=Path, file_okay=False), help="Articles folder.")
def content_check(directory: Path | None) -> None:
    """Check every article: front matter, dates, sources, links, directives and readability (LIX)."""
    import datetime as dt

    from haelguiden.content.check import check_articles

    services = _services()
    folder = directory or services.knowledge_dir / "articles"
    with user_errors():
        report = check_articles(folder, dt.date.today(), services.kb.conditions, services.kb.sources)
    click.echo(report.format())
    if not report.ok:
        raise UsageFailure("the articles have problems (listed above)")


# --- plan ----------------------------------------------------------------------------------------------
@main.command()
@click.option("--answers", "answers_file", required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help="Language.")
@click.option(
    "--pdf", "pdf_out", type=click.Path(path_type=Path, dir_okay=False), help="Also write an A4 PDF."
)
def plan(answers_file: Path, lang: Lang, pdf_out: Path | None) -> None:
    """Print the personal self-care plan for a finished self-check."""
    from haelguiden.engine.plan import NoPlan, no_plan_for_lang, plan_for_lang
    from haelguiden.rendering.plan_pdf import plan_pdf

    services = _services()
    answers = _read_answers_file(services.kb, answers_file)
    result = services.assess(answers)
    if not result.done:
        next_id = result.question.id if result.question else ""
        raise UsageFailure(f"the answers are not complete: the next question is '{next_id}'")
    built = services.plan_for(answers)
    if isinstance(built, NoPlan):
        click.echo(no_plan_for_lang(built, lang).reason)
        return
    local = plan_for_lang(built, lang)
    click.echo(_plan_text(local))
    if pdf_out is not None:
        try:
            pdf_out.write_bytes(plan_pdf(built, lang))
        except OSError as exc:
            raise UsageFailure(f"{pdf_out}: cannot write ({exc.strerror})") from None
        click.echo(f"PDF written to {pdf_out}")


def _plan_text(local: LocalPlan) -> str:
    """A plain-text rendering of a localised plan, in the order of the web page and the PDF."""
    lines: list[str] = [local.title.upper(), "", local.intro, ""]
    headings = local.headings
    lines.append(headings.seek_help.upper())
    for group in local.seek_help_groups:
        lines.append(group.heading)
        lines += [f"- {item.text}" for item in group.items]
    programmes = [p for p in (local.programme, *local.alternative_programmes) if p is not None]
    for programme in programmes:
        lines += ["", (programme.title or headings.exercises).upper()]
        for row in programme.rows:
            name = row.name + (f" ({row.weeks})" if row.weeks else "")
            if row.progresses:
                lines.append(f"- {name}: " + "; ".join(row.common))
                lines += [f"    {dose.weeks}: " + "; ".join(dose.lines) for dose in row.doses]
            else:
                lines.append(f"- {name}: " + "; ".join(row.doses[0].lines))
    lines += ["", headings.advice.upper()]
    lines += [f"- {item.title}: {item.text}" for item in local.advice]
    lines += ["", headings.timeline.upper()]
    lines += [f"- {t.when}: {t.text}" for t in local.timeline]
    return "\n".join(lines)


# --- diary ---------------------------------------------------------------------------------------------
@main.group()
def diary() -> None:
    """The recovery diary."""


@diary.command("export")
@click.argument("token")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
def diary_export(token: str, fmt: str) -> None:
    """Print one diary (given by its private link token) as JSON or CSV."""
    from haelguiden.tracker.export import to_csv, to_json

    services = _services()
    with user_errors():
        found = services.repository.get_diary(token)
        entries = services.repository.list_entries(found.id)
    click.echo(to_json(found, entries) if fmt == "json" else to_csv(entries), nl=False)


def _months(value: str) -> int:
    text = value.strip().lower()
    number = text[:-1] if text.endswith("m") else text
    if not (number.isascii() and number.isdigit()) or int(number) < 1:
        raise UsageFailure(f"--older-than: '{value}' is not a number of months such as 12m")
    if int(number) > MAX_PURGE_MONTHS:
        raise UsageFailure(f"--older-than: '{value}' is more than {MAX_PURGE_MONTHS} months; use e.g. 12m")
    return int(number)


@diary.command("purge")
@click.option(
    "--older-than",
    "older_than",
    default=f"{DIARY_KEEP_MONTHS}m",
    show_default=True,
    help="Months untouched, e.g. 12m.",
)
def diary_purge(older_than: str) -> None:
    """Delete diaries not used for the given number of months (run it daily from cron)."""
    months = _months(older_than)
    services = _services()
    with user_errors():
        count = services.purge_inactive(months)
    click.echo(f"{count} diaries deleted (untouched for {months} months or more)")


# --- serve ---------------------------------------------------------------------------------------------
@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (uvicorn); they share the secret key. One per core is a good start.",
)
def serve(host: str, port: int, workers: int) -> None:
    """Run the web app (self-check, articles, JSON API) with uvicorn.

    Everything is checked before listening (settings, knowledge base, articles), so a bad setting is one
    line and exit code 2. Proxy headers are trusted from FORWARDED_ALLOW_IPS (default: 127.0.0.1 only).
    """
    import os

    import uvicorn

    from haelguiden.config import Settings
    from haelguiden.web.app import create_app
    from haelguiden.web.logs import log_config

    with user_errors():
        settings = Settings.from_env()
        key = settings.signing_key()  # in development: made once here, before the workers start
        app = create_app(settings)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_config": log_config(),
        "access_log": False,  # haelguiden.access logs route templates instead of paths
        "server_header": False,
        "proxy_headers": True,
    }
    if settings.forwarded_allow_ips is not None:
        common["forwarded_allow_ips"] = settings.forwarded_allow_ips
    if workers == 1:
        uvicorn.run(app, **common)
        return
    from haelguiden.web.server import run_workers

    # Every worker builds its own app from the same environment; they must sign with the same key.
    os.environ["HAELGUIDEN_SECRET_KEY"] = key
    with user_errors():
        status = run_workers("haelguiden.web.app:create_app", workers, **common)
    if status:
        raise SystemExit(status)
