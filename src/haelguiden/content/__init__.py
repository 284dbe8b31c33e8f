"""Article publishing: front matter, Markdown rendering, FAQ, LIX, JSON-LD, sitemap, search and the check.

Articles are Markdown files with YAML front matter in ``da/`` and ``en/`` folders. A web layer loads an
:class:`ArticleLibrary` once (with a directive :data:`Resolver`), then asks it for pages, indexes, sitemap
entries and search documents; nothing here imports a web framework. ``check_articles`` is what
``haelguiden content check`` runs.
"""

from haelguiden.content.article import (
    ARTICLE_PATH_PREFIXES,
    Article,
    article_path,
    parse_article,
    read_article,
)
from haelguiden.content.check import DEFAULT_ALLOWED_PATHS, ArticleCheck, CheckReport, check_articles
from haelguiden.content.directives import DIRECTIVE_NAMES, Directive, Resolver, mapping_resolver
from haelguiden.content.faq import FaqEntry, extract_faq
from haelguiden.content.frontmatter import FrontMatter, Lang, parse_front_matter
from haelguiden.content.jsonld import faq_page, medical_web_page, script_json
from haelguiden.content.library import ArticleLibrary, danish_sort_key, scan_articles
from haelguiden.content.lix import DANISH_TARGET, LixScore, lix
from haelguiden.content.markdown import RenderedMarkdown, TocEntry, render_markdown, sanitise, slugify
from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.content.search import SearchDocument, SearchHit, SearchIndex
from haelguiden.content.sitemap import SitemapEntry, robots_txt, sitemap_xml

__all__ = [
    "ARTICLE_PATH_PREFIXES",
    "DANISH_TARGET",
    "DEFAULT_ALLOWED_PATHS",
    "DIRECTIVE_NAMES",
    "Article",
    "ArticleCheck",
    "ArticleLibrary",
    "CheckReport",
    "ContentProblems",
    "Directive",
    "FaqEntry",
    "FrontMatter",
    "Lang",
    "LixScore",
    "Problem",
    "RenderedMarkdown",
    "Resolver",
    "SearchDocument",
    "SearchHit",
    "SearchIndex",
    "SitemapEntry",
    "TocEntry",
    "article_path",
    "check_articles",
    "danish_sort_key",
    "extract_faq",
    "faq_page",
    "lix",
    "mapping_resolver",
    "medical_web_page",
    "parse_article",
    "parse_front_matter",
    "read_article",
    "render_markdown",
    "robots_txt",
    "sanitise",
    "scan_articles",
    "script_json",
    "sitemap_xml",
    "slugify",
]
