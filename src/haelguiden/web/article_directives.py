"""Fill in the articles' ``<!-- kb:... -->`` directives from the knowledge base.

An article says where a table goes; the knowledge base says what is in it, so clinical facts are written
once. The resolver's HTML is trusted by the content package (it goes in after sanitising), so every text
from the knowledge base is escaped here.

| directive | filled with |
|---|---|
| ``cause-table`` | the common causes (with an article): name (linked), pattern, quick advice |
| ``warning-signs`` | the red-flag rules' reasons, grouped by triage level |
| ``care-routes`` | what to do at each triage level, and every region's after-hours number |
| ``self-care <id>`` | the condition's quick advice |
| ``timeline <id>`` | :func:`timeline_from_plan` (the plan's week-by-week timeline for the condition) |
"""

from __future__ import annotations

from markupsafe import Markup

from haelguiden.content import ContentProblems, Problem, Resolver, mapping_resolver
from haelguiden.engine.model import TRIAGE_LEVELS, Condition, KnowledgeBase, Lang
from haelguiden.engine.plan import PlanLibrary
from haelguiden.i18n import N_, t
from haelguiden.web import urls


def _lang(value: str) -> Lang:
    return "en" if value == "en" else "da"


def _condition(kb: KnowledgeBase, name: str, args: tuple[str, ...]) -> Condition:
    if len(args) != 1 or args[0] not in kb.conditions:
        known = ", ".join(sorted(kb.conditions))
        raise ContentProblems(
            [Problem("", "directive", f"kb:{name} needs one condition id, one of: {known}")]
        )
    return kb.conditions[args[0]]


def cause_table(kb: KnowledgeBase, lang: Lang) -> str:
    """The most common causes (those with an article in ``lang``): name with link, typical signs, what to do.

    The rarer and more serious causes are covered by ``warning-signs`` on the same pages.
    """
    labels = [
        t(lang, k) for k in (N_("cause_table_cause"), N_("cause_table_pattern"), N_("cause_table_advice"))
    ]
    row = Markup(
        '<tr><th><a href="{}">{}</a></th><td data-label="{}">{}</td><td data-label="{}">{}</td></tr>'
    )
    rows = [
        row.format(
            urls.article(lang, c.article[lang]), c.name.get(lang),
            labels[1], c.pattern.get(lang), labels[2], c.quick_advice.get(lang),
        )
        for c in kb.conditions.values()
        if c.article.get(lang)
    ]  # fmt: skip
    # Simple tables: header cells apply to their column and row without scope attributes (page weight).
    head = Markup("<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>")
    return str(
        Markup('<table class="table table--stack">')
        + head.format(*labels)
        + Markup("<tbody>{}</tbody></table>").format(Markup("").join(rows))
    )


def warning_signs(kb: KnowledgeBase, lang: Lang) -> str:
    """The red-flag rules' reasons, grouped under the title of their triage level (most urgent first)."""
    parts = [Markup('<div class="kb-warning">')]
    for level in TRIAGE_LEVELS:
        reasons = list(dict.fromkeys(r.reason.get(lang) for r in kb.rules if r.red_flag and r.level == level))
        if not reasons:
            continue
        items = Markup("").join(Markup("<li>{}</li>").format(reason) for reason in reasons)
        parts.append(Markup("<h3>{}</h3><ul>{}</ul>").format(kb.care[level].title.get(lang), items))
    parts.append(Markup("</div>"))
    return str(Markup("").join(parts))


def care_routes(kb: KnowledgeBase, lang: Lang) -> str:
    """What to do at each triage level, then every region's after-hours number."""
    items = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(
            kb.care[level].title.get(lang),
            kb.care[level].action.get(lang).replace("{after_hours}", t(lang, "after_hours_below")),
        )
        for level in TRIAGE_LEVELS
        if level in kb.care
    )
    regions = Markup("").join(
        Markup('<tr><th>{}</th><td><a href="tel:{}">{}</a></td></tr>').format(
            r.name.get(lang), r.phone.replace(" ", ""), r.phone
        )
        for r in kb.regions
    )
    return str(
        Markup(
            '<dl class="kb-care">{}</dl><table class="table kb-regions"><thead><tr>'
            "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>"
        ).format(items, t(lang, "care_routes_region"), t(lang, "care_routes_phone"), regions)
    )


def self_care(kb: KnowledgeBase, args: tuple[str, ...], lang: Lang) -> str:
    """The condition's quick self-care advice in a box."""
    condition = _condition(kb, "self-care", args)
    return str(
        Markup('<div class="kb-box"><p class="kb-box__title">{}</p><p>{}</p></div>').format(
            t(lang, "self_care_title"), condition.quick_advice.get(lang)
        )
    )


def timeline_from_condition(kb: KnowledgeBase, args: tuple[str, ...], lang: Lang) -> str:
    """The condition's own onset and pattern texts: the timeline until plans have timelines of their own."""
    condition = _condition(kb, "timeline", args)
    return str(
        Markup('<dl class="kb-timeline"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>').format(
            t(lang, "timeline_onset"),
            condition.onset.get(lang),
            t(lang, "timeline_pattern"),
            condition.pattern.get(lang),
        )
    )


def timeline_from_plan(kb: KnowledgeBase, plans: PlanLibrary, args: tuple[str, ...], lang: Lang) -> str:
    """What to expect week by week, from the self-care plan written for the condition.

    The article and the person's plan read the same knowledge entries, so they can never disagree. A
    condition without a plan of its own (the ones that need a doctor first) shows its onset and pattern.
    """
    condition = _condition(kb, "timeline", args)
    template = plans.plan_for_condition(condition.id)
    if template is None or not template.timeline:
        return timeline_from_condition(kb, args, lang)
    rows = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(item.when.get(lang), item.text.get(lang))
        for item in template.timeline
    )
    return str(Markup('<dl class="kb-timeline">{}</dl>').format(rows))


def kb_resolver(kb: KnowledgeBase, plans: PlanLibrary | None = None) -> Resolver:
    """The directive resolver for :class:`haelguiden.content.ArticleLibrary`.

    With ``plans``, ``kb:timeline`` shows the plan's timeline; without, the condition's own texts.
    """
    return mapping_resolver(
        {
            "cause-table": lambda args, lang: cause_table(kb, _lang(lang)),
            "warning-signs": lambda args, lang: warning_signs(kb, _lang(lang)),
            "care-routes": lambda args, lang: care_routes(kb, _lang(lang)),
            "self-care": lambda args, lang: self_care(kb, args, _lang(lang)),
            "timeline": lambda args, lang: (
                timeline_from_plan(kb, plans, args, _lang(lang))
                if plans is not None
                else timeline_from_condition(kb, args, _lang(lang))
            ),
        }
    )
