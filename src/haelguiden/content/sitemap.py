"""``sitemap.xml`` and ``robots.txt`` for a base URL and a list of pages."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree

from haelguiden.errors import ConfigError

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_BASE_URL_RE = re.compile(r"https?://[^/?#\s]+(?:/[^?#\s]*)?")


@dataclass(frozen=True)
class SitemapEntry:
    """One page: its path on the site (starting with ``/``) and when it last changed."""

    path: str
    lastmod: date | None = None


def normalise_base_url(base_url: str) -> str:
    """The base URL without a trailing slash.

    Raises:
        ConfigError: it is not an absolute ``http(s)://`` URL without query or fragment.
    """
    if not _BASE_URL_RE.fullmatch(base_url):
        raise ConfigError(
            f"base URL {base_url!r} is not an absolute web address; write it like https://haelguiden.dk"
        )
    return base_url.rstrip("/")


def sitemap_xml(base_url: str, entries: Iterable[SitemapEntry]) -> str:
    """A sitemap (urlset with ``loc`` and ISO ``lastmod``), one ``url`` per distinct path, in the given order.

    Raises:
        ConfigError: the base URL is not valid.
        ValueError: a path does not start with ``/``.
    """
    base = normalise_base_url(base_url)
    urlset = ElementTree.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    seen: set[str] = set()
    for entry in entries:
        if not entry.path.startswith("/"):
            raise ValueError(f"sitemap path {entry.path!r} must start with '/'")
        if entry.path in seen:
            continue
        seen.add(entry.path)
        url = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(url, "loc").text = base + entry.path
        if entry.lastmod is not None:
            ElementTree.SubElement(url, "lastmod").text = entry.lastmod.isoformat()
    ElementTree.indent(urlset)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(urlset, encoding="unicode") + "\n"
    )


def robots_txt(base_url: str) -> str:
    """A robots.txt that allows every crawler everywhere and names the sitemap.

    Raises:
        ConfigError: the base URL is not valid.
    """
    return f"User-agent: *\nAllow: /\n\nSitemap: {normalise_base_url(base_url)}/sitemap.xml\n"
