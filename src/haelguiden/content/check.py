"""The content check: every problem of every article, ready for ``haelguiden content check``.

It reads the articles the way :class:`ArticleLibrary` does, but never stops at the first broken file, and
adds the checks that need the whole site or the knowledge base: dates, sources, conditions, translations,
internal links and anchors, directives and Danish readability (LIX).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from haelguiden.content.article import ARTICLE_PATH_PREFIXES, Article, read_article
from haelguiden.content.directives import DIRECTIVE_NAMES
from haelguiden.content.frontmatter import DATE_EXAMPLE, LANGS, Lang, format_date
from haelguiden.content.lix import DANISH_TARGET, LixScore
from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.engine.suggest import did_you_mean

DEFAULT_ALLOWED_PATHS = frozenset({"/tjek", "/en/check"})
"""Site paths besides articles that articles may link to."""

_LANG_NAMES = {"da": "Danish", "en": "English"}
#: Words that claim a clinical review (Danish and English).
_REVIEW_CLAIM = re.compile(
    r"fagligt\s+gennemgået|gennemgået\s+af\s+en\s+(læge|kliniker|fysioterapeut)|clinically\s+reviewed|"
    r"medically\s+reviewed|reviewed\s+by\s+a\s+(doctor|clinician)",
    re.IGNORECASE,
)
_EXTERNAL_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@dataclass(frozen=True)
class ArticleCheck:
    """The result for one article file. ``lix`` is ``None`` when the file could not be parsed."""

    file: str
    lang: str
    slug: str
    lix: LixScore | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Whether the article has no problems."""
        return not self.problems


@dataclass(frozen=True)
class CheckReport:
    """Per-article results plus problems that belong to no single article."""

    articles: tuple[ArticleCheck, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether nothing at all is wrong."""
        return not self.problems and all(a.ok for a in self.articles)

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Every problem, the general ones first."""
        return self.problems + tuple(p for a in self.articles for p in a.problems)

    def format(self) -> str:
        """Plain text: one line per article, each of its problems indented under it, and a summary line."""
        lines = [str(p) for p in self.problems]
        width = max((len(a.file) for a in self.articles), default=0)
        slug_width = max((len(a.slug) for a in self.articles), default=0)
        for article in self.articles:
            score = f"LIX {article.lix}" if article.lix is not None else "LIX -"
            if article.lang == "da" and article.lix is not None:
                score += f" (target ≤ {DANISH_TARGET})"
            count = len(article.problems)
            status = "ok" if not count else f"{count} problem{'s' if count > 1 else ''}"
            lines.append(
                f"{article.file:<{width}}  {article.lang}  {article.slug:<{slug_width}}  {score}  {status}"
            )
            lines.extend(f"  {p}" for p in article.problems)
        total = len(self.all_problems)
        summary = "all ok" if not total else f"{total} problem{'s' if total > 1 else ''}"
        lines.append(
            f"{len(self.articles)} article{'s' if len(self.articles) != 1 else ''} checked: {summary}"
        )
        return "\n".join(lines)


def check_articles(
    directory: Path,
    today: date,
    known_condition_ids: Iterable[str],
    known_source_ids: Iterable[str],
    resolver_names: Iterable[str] = DIRECTIVE_NAMES,
    *,
    allowed_paths: Iterable[str] = DEFAULT_ALLOWED_PATHS,
) -> CheckReport:
    """Check every article under ``directory`` (``da/*.md`` and ``en/*.md``).

    Args:
        directory: the articles folder.
        today: no date in an article may be after it.
        known_condition_ids: valid ``about`` ids.
        known_source_ids: valid ``sources`` ids.
        resolver_names: the directive names the page resolver can fill in.
        allowed_paths: site paths, besides articles, that links may point at.

    Returns:
        A report; ``report.ok`` is false when any article has a problem.
    """
    if not directory.is_dir():
        return CheckReport((), (Problem(str(directory), "", "is not a directory of articles (da/ and en/)"),))
    parsed: list[tuple[str, Lang, str, Article | None, tuple[Problem, ...]]] = []
    for lang in LANGS:
        for path in sorted((directory / lang).glob("*.md")):
            file = f"{lang}/{path.name}"
            try:
                loaded = read_article(path, file=file)
            except ContentProblems as exc:
                parsed.append((file, lang, path.stem, None, exc.problems))
            else:
                parsed.append((file, loaded.lang, loaded.slug, loaded, ()))
    site = _Site(
        {(lang, slug): article for _, lang, slug, article, _ in reversed(parsed)},
        frozenset(allowed_paths),
    )
    checker = _Checker(
        site, today, frozenset(known_condition_ids), frozenset(known_source_ids), frozenset(resolver_names)
    )
    results = []
    seen: dict[tuple[str, str], str] = {}
    for file, lang, slug, article, problems in parsed:
        found = list(problems)
        if (lang, slug) in seen:
            found.append(
                Problem(
                    file,
                    "slug",
                    f"{slug!r} is also the slug of {seen[lang, slug]}; give each article its own",
                )
            )
        seen.setdefault((lang, slug), file)
        if article is not None:
            found.extend(checker.check(article))
        results.append(ArticleCheck(file, lang, slug, article.lix if article else None, tuple(found)))
    return CheckReport(tuple(results))


@dataclass(frozen=True)
class _Site:
    # Broken articles are present with None, so that links to them do not add a second, misleading problem.
    articles: dict[tuple[str, str], Article | None]
    allowed_paths: frozenset[str]

    def slugs(self, lang: str) -> list[str]:
        return [slug for (article_lang, slug) in self.articles if article_lang == lang]


@dataclass(frozen=True)
class _Checker:
    site: _Site
    today: date
    condition_ids: frozenset[str]
    source_ids: frozenset[str]
    directive_names: frozenset[str]

    def check(self, article: Article) -> list[Problem]:
        body = [
            *self._body(article),
            *(p for link in article.rendered.links if (p := self._link(article, link.href, link.line))),
        ]
        # Body problems in file order; the ones without a line (LIX) last.
        body.sort(key=lambda p: p.line if p.line is not None else float("inf"))
        return [
            *self._dates(article),
            *self._review(article),
            *self._ids(article),
            *self._translation(article),
            *body,
        ]

    def _review(self, article: Article) -> Iterable[Problem]:
        """A review is claimed only with a named reviewer and a date, never in the text alone."""
        meta = article.meta
        if meta.last_reviewed is not None and meta.reviewed_by is None:
            yield Problem(
                article.file,
                "reviewedBy",
                "is missing, but lastReviewed says the article was reviewed; name the clinician who "
                'reviewed it (reviewedBy: "Navn, titel") or remove lastReviewed',
            )
        if meta.reviewed_by is not None and meta.last_reviewed is None:
            yield Problem(
                article.file,
                "lastReviewed",
                f'is missing; give the date {meta.reviewed_by} reviewed the article (e.g. "{DATE_EXAMPLE}")',
            )
        if meta.reviewed_by is None:
            for block in article.rendered.blocks:
                if _REVIEW_CLAIM.search(block.text):
                    yield Problem(
                        article.file,
                        "body",
                        "claims a clinical review, but no reviewer is named; remove the claim or add "
                        "reviewedBy and lastReviewed",
                        block.line,
                    )

    def _dates(self, article: Article) -> Iterable[Problem]:
        meta = article.meta
        if meta.last_updated < meta.date_published:
            updated, published = format_date(meta.last_updated), format_date(meta.date_published)
            yield Problem(
                article.file,
                "lastUpdated",
                f"{updated} is before datePublished {published}; "
                "an article cannot be updated before it is published, so correct one of the dates",
            )
        for field, value in (
            ("datePublished", meta.date_published),
            ("lastUpdated", meta.last_updated),
            ("lastReviewed", meta.last_reviewed),
        ):
            if value is not None and value > self.today:
                yield Problem(
                    article.file,
                    field,
                    f"{format_date(value)} is after today ({format_date(self.today)}); use the real date",
                )

    def _ids(self, article: Article) -> Iterable[Problem]:
        if not article.meta.sources:
            yield Problem(
                article.file,
                "sources",
                "is missing or empty; list the sources the article is based on, e.g. sources: [ref-1, ref-5] "
                "(ids from knowledge_base/sources.yaml)",
            )
        for source in article.meta.sources:
            if source not in self.source_ids:
                hint = did_you_mean(source, self.source_ids) or " Use an id from knowledge_base/sources.yaml."
                yield Problem(article.file, "sources", f"{source!r} is not a known source id.{hint}")
        for condition in article.meta.about:
            if condition not in self.condition_ids:
                hint = (
                    did_you_mean(condition, self.condition_ids)
                    or " Use a condition id of the knowledge base."
                )
                yield Problem(article.file, "about", f"{condition!r} is not a known condition id.{hint}")

    def _translation(self, article: Article) -> Iterable[Problem]:
        target = article.meta.translation
        if target is None:
            return
        other_lang = "en" if article.lang == "da" else "da"
        if (other_lang, target) not in self.site.articles:
            hint = did_you_mean(target, self.site.slugs(other_lang))
            yield Problem(
                article.file,
                "translation",
                f"{target!r} is not the slug of any {_LANG_NAMES[other_lang]} article.{hint or ''} "
                f"Use the slug of the {_LANG_NAMES[other_lang]} version, or remove the line.",
            )
            return
        other = self.site.articles[other_lang, target]
        if other is not None and other.meta.translation != article.slug:
            names = (
                "has no translation field"
                if other.meta.translation is None
                else (f"names {other.meta.translation!r} as its translation")
            )
            yield Problem(
                article.file,
                "translation",
                f"{other.file} {names}; add 'translation: {article.slug}' to {other.file} so they point at "
                "each other",
            )

    def _body(self, article: Article) -> Iterable[Problem]:
        rendered = article.rendered
        file = article.file
        for directive in rendered.directives:
            if directive.name not in self.directive_names:
                known = ", ".join(sorted(self.directive_names))
                hint = did_you_mean(directive.name, self.directive_names)
                yield Problem(
                    file,
                    "body",
                    f"unknown directive kb:{directive.name}.{hint} Known: {known}.",
                    directive.line,
                )
        for line in rendered.malformed_directive_lines:
            yield Problem(
                file, "body", "a directive must be alone on its own line: <!-- kb:NAME ARG... -->", line
            )
        for block in rendered.blocks:
            if block.kind == "heading" and block.level == 1:
                yield Problem(
                    file,
                    "body",
                    f"'# {block.text}' is a level-1 heading, but the title is the page's only h1; "
                    f"use '## {block.text}'",
                    block.line,
                )
        for image in rendered.images:
            if not image.src.startswith("/") or image.src.startswith("//"):
                yield Problem(
                    file,
                    "body",
                    f"image {image.src!r} is on another host, and pages load nothing from other hosts; "
                    "serve it from this site (/static/...) or remove it",
                    image.line,
                )
        for entry in article.faq:
            if not entry.answer:
                yield Problem(
                    file, "body", f"FAQ question {entry.question!r} has no answer; write it below", entry.line
                )
        if article.lang == "da" and article.lix.value > DANISH_TARGET:
            yield Problem(
                file,
                "body",
                f"LIX is {article.lix}, above the Danish target of {DANISH_TARGET}; "
                "use shorter sentences and fewer long words",
            )

    def _link(self, article: Article, href: str, line: int) -> Problem | None:
        if href.startswith(_EXTERNAL_SCHEMES):
            return None
        if href.startswith("#"):
            return self._anchor(article, article, href, href[1:], line)
        if not href.startswith("/") or href.startswith("//"):
            return Problem(
                article.file,
                "body",
                f"link {href!r} is not a site path or a full address; write /artikler/<slug>, "
                "/en/articles/<slug>, /tjek, /en/check or https://...",
                line,
            )
        parts = urlsplit(href)
        for lang, prefix in ARTICLE_PATH_PREFIXES.items():
            slug = parts.path.removeprefix(prefix)
            if parts.path.startswith(prefix) and "/" not in slug:
                if (lang, slug) not in self.site.articles:
                    hint = did_you_mean(slug, self.site.slugs(lang))
                    return Problem(
                        article.file,
                        "body",
                        f"link {href!r} points at no article: there is no {_LANG_NAMES[lang]} article "
                        f"with the slug {slug!r}.{hint}",
                        line,
                    )
                target = self.site.articles[lang, slug]
                if parts.fragment and target is not None:
                    return self._anchor(article, target, href, parts.fragment, line)
                return None
        if parts.path in self.site.allowed_paths:
            return None
        return Problem(
            article.file,
            "body",
            f"link {href!r} is not a page of the site; link to /artikler/<slug>, /en/articles/<slug>, "
            + ", ".join(sorted(self.site.allowed_paths)),
            line,
        )

    def _anchor(self, article: Article, target: Article, href: str, anchor: str, line: int) -> Problem | None:
        anchors = target.rendered.anchors
        if anchor in anchors:
            return None
        where = "this article" if target is article else target.file
        hint = did_you_mean(anchor, anchors) or " Anchors are made from h2/h3 headings (æ→ae, ø→oe, å→aa)."
        return Problem(article.file, "body", f"link {href!r} points at no heading of {where}.{hint}", line)
