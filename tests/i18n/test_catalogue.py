"""The message catalogue: one .po file per language, both complete, the same ids, the same placeholders,
compiled .mo files that match, and exactly the ids the code and the templates use."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from haelguiden.engine.model import LANGS
from haelguiden.i18n import LOCALE_DIR, translations

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def catalogue(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


CATALOGUES = {lang: catalogue(lang) for lang in LANGS}


def messages(lang: str) -> dict[str, Message]:
    """The catalogue's messages by id (a plural message by its singular id)."""
    return {m.id[0] if m.pluralizable else m.id: m for m in CATALOGUES[lang] if m.id}


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


def test_both_languages_have_the_same_message_ids() -> None:
    assert messages("da").keys() == messages("en").keys()
    assert len(messages("da")) > 400


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_text_in_every_form(lang: str) -> None:
    empty = [key for key, m in messages(lang).items() if not all(f.strip() for f in forms(m))]
    assert empty == []
    assert [key for key, m in messages(lang).items() if m.fuzzy] == []


@pytest.mark.parametrize("lang", LANGS)
def test_danish_and_english_count_in_two_plural_forms(lang: str) -> None:
    assert CATALOGUES[lang].plural_forms == "nplurals=2; plural=(n != 1);"
    for message in messages(lang).values():
        assert len(forms(message)) == (2 if message.pluralizable else 1)


def test_a_plural_message_is_plural_in_both_languages() -> None:
    da, en = messages("da"), messages("en")
    assert [key for key in da if da[key].pluralizable != en[key].pluralizable] == []


def test_each_form_has_the_same_placeholders_in_both_languages() -> None:
    da, en = messages("da"), messages("en")
    differ = [
        (key, i)
        for key in da
        for i, (a, b) in enumerate(zip(forms(da[key]), forms(en[key]), strict=True))
        if set(PLACEHOLDER.findall(a)) != set(PLACEHOLDER.findall(b))
    ]
    assert differ == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_formats_and_is_safe_as_html(lang: str) -> None:
    """Every text is %-formatted (a lone "%" would fail), and Jinja's new-style gettext marks it safe
    HTML: so none holds markup, an ampersand or a straight double quote (it may sit in an attribute)."""
    for key, message in messages(lang).items():
        for text in forms(message):
            values = dict.fromkeys(PLACEHOLDER.findall(text), "x")
            assert "%" not in PLACEHOLDER.sub("", text).replace("%%", ""), key
            assert text % values, key
            assert not set('<>&"') & set(text), key


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_the_po_file(lang: str) -> None:
    compiled = translations(lang)  # type: ignore[arg-type]
    for key, message in messages(lang).items():
        if message.pluralizable:
            assert (compiled.ngettext(key, key, 1), compiled.ngettext(key, key, 2)) == forms(message), key
        else:
            assert compiled.gettext(key) == message.string, key


def extracted_ids() -> dict[str, bool]:
    """The message ids in the code and the templates, found as `make messages` finds them."""
    makefile = (ROOT / "Makefile").read_text()
    keywords_line = re.search(r"^BABEL_KEYWORDS := (.*?)(?<!\\)$", makefile, re.M | re.S)
    assert keywords_line is not None
    words = shlex.split(keywords_line.group(1).replace("\\\n", " "))
    keywords: dict[str, tuple[int, ...]] = {}
    for word in words:
        if word in ("-k", "--no-default-keywords"):
            continue
        name, _, spec = word.partition(":")
        keywords[name] = tuple(int(n) for n in spec.split(",")) if spec else (1,)
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, bool] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords, comment_tags=()
    ):
        plural = isinstance(message, tuple)
        found[message[0] if plural else message] = plural
    return found


def test_the_catalogue_holds_exactly_the_ids_the_code_and_templates_use() -> None:
    used = extracted_ids()
    known = {key: m.pluralizable for key, m in messages("da").items()}
    assert sorted(set(used) - set(known)) == []  # used but never translated
    assert sorted(set(known) - set(used)) == []  # translated but never used
    assert [key for key in used if used[key] != known[key]] == []  # plural in one place only


def test_a_missing_compiled_catalogue_says_how_to_make_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import haelguiden.i18n as i18n

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        with pytest.raises(i18n.MissingCatalogue) as raised:
            i18n.translations("da")
        assert str(raised.value) == f"{tmp_path}/da/LC_MESSAGES/messages.mo is missing; run `make messages`"
    finally:
        i18n.translations.cache_clear()
