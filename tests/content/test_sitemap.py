"""sitemap.xml and robots.txt."""

from datetime import date
from xml.etree import ElementTree

import pytest

from haelguiden.content.sitemap import SITEMAP_NAMESPACE, SitemapEntry, robots_txt, sitemap_xml
from haelguiden.errors import ConfigError

NS = {"s": SITEMAP_NAMESPACE}


def test_the_sitemap_lists_each_page_once_with_an_iso_lastmod() -> None:
    xml = sitemap_xml(
        "https://haelguiden.dk/",
        [
            SitemapEntry("/"),
            SitemapEntry("/artikler/haelspore", date(2025, 10, 12)),
            SitemapEntry("/en/articles/heel-spur?x=1&y=2", date(2025, 9, 3)),
            SitemapEntry("/artikler/haelspore", date(2020, 1, 1)),
        ],
    )

    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/')
    root = ElementTree.fromstring(xml)
    assert root.tag == f"{{{SITEMAP_NAMESPACE}}}urlset"
    assert [
        (url.findtext("s:loc", namespaces=NS), url.findtext("s:lastmod", namespaces=NS))
        for url in root.findall("s:url", NS)
    ] == [
        ("https://haelguiden.dk/", None),
        ("https://haelguiden.dk/artikler/haelspore", "2025-10-12"),
        ("https://haelguiden.dk/en/articles/heel-spur?x=1&y=2", "2025-09-03"),
    ]


def test_an_empty_sitemap_is_still_a_valid_urlset() -> None:
    root = ElementTree.fromstring(sitemap_xml("https://haelguiden.dk", []))

    assert (root.tag, list(root)) == (f"{{{SITEMAP_NAMESPACE}}}urlset", [])


def test_a_path_without_a_leading_slash_is_refused() -> None:
    with pytest.raises(ValueError, match="sitemap path 'artikler/x' must start with '/'"):
        sitemap_xml("https://haelguiden.dk", [SitemapEntry("artikler/x")])


def test_robots_allows_everything_and_names_the_sitemap() -> None:
    assert robots_txt("https://haelguiden.dk/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://haelguiden.dk/sitemap.xml\n"
    )


@pytest.mark.parametrize(
    "base_url", ["haelguiden.dk", "ftp://haelguiden.dk", "https://", "https://x.dk/?a=1", ""]
)
def test_a_base_url_that_is_not_an_absolute_web_address_is_refused(base_url: str) -> None:
    with pytest.raises(ConfigError, match=r"write it like https://haelguiden\.dk"):
        robots_txt(base_url)
