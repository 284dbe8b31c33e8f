"""Markdown rendering: exact HTML, anchors with Danish letters, the table of contents and sanitising."""

import pytest

from haelguiden.content.directives import Directive, mapping_resolver, parse_directive
from haelguiden.content.markdown import (
    Image,
    Link,
    TextBlock,
    TocEntry,
    render_markdown,
    slugify,
)
from haelguiden.content.problems import ContentProblems


def html(source: str) -> str:
    return render_markdown(source, lang="da").html


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Hvad er hælspore?", "hvad-er-haelspore"),
        ("Æble, Øre og Århus", "aeble-oere-og-aarhus"),
        ("Hvor i hælen gør det ondt? Under vs. bag hælen", "hvor-i-haelen-goer-det-ondt-under-vs-bag-haelen"),
        ("Café & crème brûlée", "cafe-creme-brulee"),
        ("  3–6 måneder  ", "3-6-maaneder"),
        ("???", "afsnit"),
    ],
)
def test_anchor_slugs_spell_danish_letters_out(heading: str, anchor: str) -> None:
    assert slugify(heading) == anchor


def test_h2_and_h3_get_ids_deeper_headings_do_not_and_repeats_are_numbered() -> None:
    assert html("## Årsager\n\n### Hælspore\n\n#### Lille\n\n## Årsager\n") == (
        '<h2 id="aarsager">Årsager</h2>\n'
        '<h3 id="haelspore">Hælspore</h3>\n'
        "<h4>Lille</h4>\n"
        '<h2 id="aarsager-1">Årsager</h2>\n'
    )


def test_tables_render_with_alignment_as_classes_not_inline_styles() -> None:
    source = "| Årsag | Tegn | Råd |\n|:---|---:|---|\n| Hælspore | Smerte | Stræk |\n"

    assert html(source) == (
        "<table>\n<thead>\n<tr>\n"
        '<th class="align-left">Årsag</th>\n<th class="align-right">Tegn</th>\n<th>Råd</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-left">Hælspore</td>\n<td class="align-right">Smerte</td>\n<td>Stræk</td>\n'
        "</tr>\n</tbody>\n</table>\n"
    )


def test_lists_emphasis_code_quotes_and_rules_survive_sanitising() -> None:
    source = "- *en*\n- **to**\n\n1. `tre`\n\n> citat\n\n---\n"

    assert html(source) == (
        "<ul>\n<li><em>en</em></li>\n<li><strong>to</strong></li>\n</ul>\n"
        "<ol>\n<li><code>tre</code></li>\n</ol>\n"
        "<blockquote>\n<p>citat</p>\n</blockquote>\n<hr>\n"
    )


def test_external_links_get_rel_noopener_and_internal_links_stay_plain() -> None:
    assert html("[a](https://sundhed.dk/x?a=1&b=2) [b](/artikler/hael) [c](#top) [d](mailto:a@b.dk)") == (
        '<p><a href="https://sundhed.dk/x?a=1&amp;b=2" rel="noopener">a</a> <a href="/artikler/hael">b</a> '
        '<a href="#top">c</a> <a href="mailto:a@b.dk">d</a></p>\n'
    )


def test_images_from_other_hosts_become_their_alt_text_and_local_images_stay() -> None:
    rendered = render_markdown("![Fod](https://cdn.example/fod.png) ![Hæl](/static/hael.png)", lang="da")

    assert rendered.html == '<p>Fod <img src="/static/hael.png" alt="Hæl"></p>\n'
    assert rendered.images == (
        Image("https://cdn.example/fod.png", "Fod", 1),
        Image("/static/hael.png", "Hæl", 1),
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>alert(1)</script>\n\nTekst", "\n<p>Tekst</p>\n"),
        ('<p onclick="steal()" onmouseover="x()">Hej</p>', "<p>Hej</p>"),
        ('Hej <span style="color:red" onload="x()">du</span>', "<p>Hej du</p>\n"),
        ('<a href="javascript:alert(1)">klik</a>', "<p><a>klik</a></p>\n"),
        ('<iframe src="https://evil.example"></iframe>\n\nTekst', "\n<p>Tekst</p>\n"),
        ('<img src="https://tracker.example/p.gif" onerror="x()">', "<img>"),
        ("<!-- en kommentar -->\n\nTekst", "\n<p>Tekst</p>\n"),
        ('<h2 id="egen" class="x">Egen</h2>', '<h2 id="egen">Egen</h2>'),
    ],
)
def test_raw_html_is_sanitised(source: str, expected: str) -> None:
    assert html(source) == expected


SECTIONS = """\
Indledning.

### Før første afsnit

## Årsager

### Hælspore

### Akillessenen

## Behandling

## Ofte stillede spørgsmål

### Går det over?
"""


def test_the_table_of_contents_nests_h3_under_their_h2() -> None:
    assert render_markdown(SECTIONS, lang="da").toc == (
        TocEntry("Før første afsnit", "foer-foerste-afsnit"),
        TocEntry(
            "Årsager",
            "aarsager",
            (TocEntry("Hælspore", "haelspore"), TocEntry("Akillessenen", "akillessenen")),
        ),
        TocEntry("Behandling", "behandling"),
        TocEntry(
            "Ofte stillede spørgsmål",
            "ofte-stillede-spoergsmaal",
            (TocEntry("Går det over?", "gaar-det-over"),),
        ),
    )


def test_anchors_are_every_heading_id() -> None:
    assert render_markdown(SECTIONS, lang="da").anchors == {
        "foer-foerste-afsnit",
        "aarsager",
        "haelspore",
        "akillessenen",
        "behandling",
        "ofte-stillede-spoergsmaal",
        "gaar-det-over",
    }


PLAIN = """\
## Overskrift

Læs [denne vejledning](https://example.org/lang-adresse) eller <https://example.org>.
Ny linje i samme afsnit.

- Punkt *et*
- Punkt `to`

| Årsag | Tegn |
|---|---|
| Hælspore | Ondt om morgenen |

<!-- kb:timeline plantar_fasciitis -->

    kode
"""


def test_plain_text_keeps_link_text_drops_urls_and_gives_one_block_per_line() -> None:
    rendered = render_markdown(PLAIN, lang="da", first_line=10)

    assert rendered.blocks == (
        TextBlock("heading", "Overskrift", 10, 2, "overskrift"),
        TextBlock("paragraph", "Læs denne vejledning eller . Ny linje i samme afsnit.", 12),
        TextBlock("list_item", "Punkt et", 15),
        TextBlock("list_item", "Punkt to", 16),
        TextBlock("table_row", "Årsag Tegn", 18),
        TextBlock("table_row", "Hælspore Ondt om morgenen", 20),
        TextBlock("code", "kode", 24),
    )
    assert rendered.plain_text.splitlines()[0] == "Overskrift"
    assert rendered.lix_text == (
        "Læs denne vejledning eller . Ny linje i samme afsnit.\nPunkt et\nPunkt to\nÅrsag Tegn\n"
        "Hælspore Ondt om morgenen"
    )


def test_links_are_collected_with_their_text_and_file_line() -> None:
    rendered = render_markdown(
        "Tekst.\n\nSe [*hælspore*](/artikler/haelspore) og <https://x.dk>.", lang="da", first_line=7
    )

    assert rendered.links == (
        Link("/artikler/haelspore", "hælspore", 9),
        Link("https://x.dk", "https://x.dk", 9),
    )


DIRECTIVES = """\
Før.

<!-- kb:cause-table plantar_fasciitis achilles_rupture -->

<!--kb:timeline-->
Efter.

Inline <!-- kb:warning-signs --> her.

<!-- kb:self-care --> og mere tekst
"""


def test_directives_are_found_with_their_arguments_and_lines() -> None:
    rendered = render_markdown(DIRECTIVES, lang="da", first_line=5)

    assert rendered.directives == (
        Directive("cause-table", ("plantar_fasciitis", "achilles_rupture"), 7),
        Directive("timeline", (), 9),
    )
    assert rendered.malformed_directive_lines == (12, 14)


def test_without_a_resolver_directives_are_left_out() -> None:
    assert (
        render_markdown(DIRECTIVES, lang="da").html == "<p>Før.</p>\n\n\n<p>Efter.</p>\n<p>Inline  her.</p>\n"
    )


def test_the_resolver_output_is_trusted_and_inserted_after_sanitising() -> None:
    calls: list[tuple[str, tuple[str, ...], str]] = []

    def resolver(name: str, args: tuple[str, ...], lang: str) -> str:
        calls.append((name, args, lang))
        joined = " ".join(args)
        return (
            f'<div class="kb-{name}" data-args="{joined}"><details><summary>{lang}</summary></details></div>'
        )

    rendered = render_markdown(
        "<!-- kb:cause-table a b -->\n\n<!-- kb:timeline -->\n", lang="en", resolver=resolver
    )

    assert calls == [("cause-table", ("a", "b"), "en"), ("timeline", (), "en")]
    assert rendered.html == (
        '<div class="kb-cause-table" data-args="a b"><details><summary>en</summary></details></div>\n'
        '<div class="kb-timeline" data-args=""><details><summary>en</summary></details></div>\n'
    )


def test_an_unknown_directive_name_is_an_error_when_rendering_with_a_resolver() -> None:
    with pytest.raises(ContentProblems) as caught:
        render_markdown(
            "Tekst.\n\n<!-- kb:cause-tabel x -->\n", lang="da", resolver=lambda *_: "", file="da/a.md"
        )

    assert str(caught.value) == (
        "da/a.md:3: body: unknown directive kb:cause-tabel; use one of care-routes, cause-table, self-care, "
        "timeline, warning-signs"
    )


def test_an_article_cannot_forge_the_directive_placeholder() -> None:
    source = "<!-- kb:timeline -->\n\n<p>kb0000000000000000x0</p>\n"

    rendered = render_markdown(source, lang="da", resolver=lambda *_: "<b>TIDSLINJE</b>")

    assert rendered.html.count("TIDSLINJE") == 1
    assert "kb0000000000000000x0" in rendered.html


def test_parse_directive_and_mapping_resolver() -> None:
    resolve = mapping_resolver({"timeline": lambda args, lang: f"<p>{lang}:{','.join(args)}</p>"})

    assert parse_directive("<!--   kb:timeline  a   b -->\n", 3) == Directive("timeline", ("a", "b"), 3)
    assert parse_directive("<!-- almindelig kommentar -->", 3) is None
    assert resolve("timeline", ("a", "b"), "da") == "<p>da:a,b</p>"
    with pytest.raises(ContentProblems, match="unknown directive kb:self-care; known: timeline"):
        resolve("self-care", (), "da")
