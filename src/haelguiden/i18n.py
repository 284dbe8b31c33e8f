"""The message catalogue: every word of the user interface in Danish and English, through gettext.

The texts live in ``locale/{da,en}/LC_MESSAGES/messages.po`` (compiled to ``messages.mo`` beside them, both
in git). A message id is a stable key such as ``"check_title"``, never the text itself, so a proof-read or
a better English wording changes one ``.po`` file and nothing else (see docs/architecture.md). Templates
reach the catalogue through Jinja's ``jinja2.ext.i18n`` (``{{ _("check_title") }}``); Python code through
the functions below, which ``pybabel extract`` finds by name (``BABEL_KEYWORDS`` in the Makefile):

- ``t(lang, key, **values)``: one message, ``%(name)s`` placeholders filled in;
- ``tn(lang, key, number, **values)``: a message with plural forms (the ``.po`` header's ``Plural-Forms``
  picks the form; ``%(num)s`` is the number);
- ``both(key, ...)``/``both_n(key, number, ...)``: the same in both languages, as a :class:`Text`, for a
  message whose language is chosen later (an error raised below the web layer);
- ``N_(key)``, ``N_plural(key)``: mark a key (a plural key) that is looked up later, so extraction still
  finds it.

Dates and lists go through Babel (``long_date``, ``short_date``, ``join``), never through hand-made month
tables or joiners.
Only user-interface words live here: clinical facts come from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from functools import cache
from pathlib import Path
from typing import Final, Literal

from babel.dates import format_date, format_skeleton
from babel.lists import format_list

from haelguiden.engine.model import LANGS, Lang, Text

#: The gettext domain and the folder of the catalogues (``<lang>/LC_MESSAGES/<domain>.mo``).
DOMAIN: Final = "messages"
LOCALE_DIR: Final = Path(__file__).parent / "locale"
#: The Babel locale of each language: English dates as in Britain ("5 March 2026").
LOCALES: Final[dict[Lang, str]] = {"da": "da_DK", "en": "en_GB"}


class MissingCatalogue(RuntimeError):
    """A compiled catalogue (``.mo``) is missing: the package was built without ``make messages``."""


@cache
def translations(lang: Lang) -> _gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` (read once per process). No fallback: a missing file is an error."""
    try:
        found = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except FileNotFoundError:
        raise MissingCatalogue(
            f"{LOCALE_DIR / lang / 'LC_MESSAGES' / (DOMAIN + '.mo')} is missing; run `make messages`"
        ) from None
    assert isinstance(found, _gettext.GNUTranslations)
    return found


def t(lang: Lang, key: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` with its ``%(name)s`` placeholders filled in from ``values``.

    Like Jinja's new-style gettext, the text is always %-formatted, so a literal ``%`` is ``%%`` in the
    ``.po`` files. An unknown key comes back unchanged (the catalogue tests make sure none is used).
    """
    return translations(lang).gettext(key) % values


def tn(lang: Lang, key: str, number: int, /, **values: object) -> str:
    """The plural message ``key`` in the form for ``number`` (``%(num)s`` is the number).

    The ``.po`` entry has ``msgid`` and ``msgid_plural`` both equal to ``key``; Danish and English have
    two forms (``nplurals=2; plural=(n != 1)``). A sentence of its own for none is a separate message.
    """
    return translations(lang).ngettext(key, key, number) % {"num": number, **values}


def both(key: str, /, **values: object) -> Text:
    """The message ``key`` in Danish and English; a :class:`Text` or a date value is put in each language."""
    return Text(**{lang: t(lang, key, **_for(lang, values)) for lang in LANGS})


def both_n(key: str, number: int, /, **values: object) -> Text:
    """The plural message ``key`` for ``number`` in Danish and English."""
    return Text(**{lang: tn(lang, key, number, **_for(lang, values)) for lang in LANGS})


def _for(lang: Lang, values: dict[str, object]) -> dict[str, object]:
    """``values`` with every :class:`Text` taken in ``lang`` and every date written out (``long_date``)."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Text):
            out[name] = value.get(lang)
        elif isinstance(value, dt.date):
            out[name] = long_date(value, lang)
        else:
            out[name] = value
    return out


def N_(key: str) -> str:
    """Mark ``key`` as a message id looked up later (``pybabel extract`` finds it); returns ``key``."""
    return key


def N_plural(key: str) -> str:
    """Mark ``key`` as the id of a plural message looked up later with :func:`tn`; returns ``key``."""
    return key


#: The plural message of each unit a number is counted in (a fact's ``unit``, a duration, a rate window).
UNITS: Final[dict[str, str]] = {
    "years": N_plural("unit_years"),
    "months": N_plural("unit_months"),
    "weeks": N_plural("unit_weeks"),
    "days": N_plural("unit_days"),
    "hours": N_plural("unit_hours"),
    "minutes": N_plural("unit_minutes"),
    "seconds": N_plural("unit_seconds"),
    "metres": N_plural("unit_metres"),
}


def unit_name(lang: Lang, unit: str, number: int = 2) -> str:
    """The name of ``unit`` (a key of :data:`UNITS`) for ``number`` of it, the plural by default: "dage"."""
    return tn(lang, UNITS[unit], number)


def count(lang: Lang, unit: str, number: int) -> str:
    """``number`` with its unit in the right form: "1 dag", "2 dage", "1 year", "38 years"."""
    return f"{number} {unit_name(lang, unit, number)}"


def long_date(day: dt.date, lang: Lang) -> str:
    """A date for reading (CLDR's long format): "5. marts 2026" or "5 March 2026"."""
    return format_date(day, "long", locale=LOCALES[lang])


def short_date(day: dt.date, lang: Lang) -> str:
    """A date for an axis label (day and abbreviated month): "5. mar." or "5 Mar"."""
    return format_skeleton("MMMd", day, locale=LOCALES[lang])


def numeric_date(day: dt.date) -> str:
    """A date as people type it in Denmark, in either language: "05.03.2026"."""
    return format_date(day, "dd.MM.y", locale=LOCALES["da"])


def join(lang: Lang, items: list[str], style: Literal["standard", "or"] = "standard") -> str:
    """A list in running text (CLDR): ``2, 4, 6 og 8`` / ``2, 4, 6 and 8``; ``style="or"``: ``a eller b``."""
    return format_list(items, style=style, locale=LOCALES[lang]) if items else ""


__all__ = [
    "DOMAIN",
    "LOCALES",
    "LOCALE_DIR",
    "N_",
    "UNITS",
    "MissingCatalogue",
    "N_plural",
    "both",
    "both_n",
    "count",
    "join",
    "long_date",
    "numeric_date",
    "short_date",
    "t",
    "tn",
    "translations",
    "unit_name",
]
