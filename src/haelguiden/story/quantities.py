"""Numbers, durations and points in time as people say them ("ti uger", "halvanden måned", "3-4").

:func:`mark_quantities` finds them in a tokenised story and merges each into one token with two custom
attributes: ``hg_kind`` (``num``, ``dur``, ``ago``, ``decade`` or ``since``) and ``hg_value`` (the number;
durations and points in time in minutes). The phrase patterns then match them with ``{n}``, ``{dur}``,
``{ago}``, ``{decade}`` and ``{since}``. All the words come from the lexicon's ``language.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Token

from haelguiden.story.spec import LanguageSpec

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_RANGE = re.compile(r"^(\d+)[-–](\d+)$")
_OUT_OF_TEN = re.compile(r"^(\d+)/10$")
_DECADE = re.compile(r"^(\d)0'?(?:erne|s)$")
_MINUTES_PER_DAY = 24 * 60
#: Words that count as "one" only when a unit follows ("en måned", "et år"; not "en hæl").
_WEAK_ONE = frozenset({"en", "et", "a", "an"})

if not Token.has_extension("hg_kind"):
    Token.set_extension("hg_kind", default="")
    Token.set_extension("hg_value", default=None)


def slot_norm(kind: str) -> str:
    """The NORM a quantity token of ``kind`` gets (never a real word)."""
    return f"hgslot{kind}"


def _number(text: str, rules: LanguageSpec) -> float | None:
    """A single token as a number: digits, a word, a range ("3-4", "tre-fire") as its middle, or digits
    with a half ("2½")."""
    if _DIGITS.match(text):
        return float(text.replace(",", "."))
    if text.endswith("½") and (text[:-1] == "" or _DIGITS.match(text[:-1])):
        return float(text[:-1].replace(",", ".") or 0) + 0.5
    m = _RANGE.match(text)
    if m:
        return (int(m.group(1)) + int(m.group(2))) / 2
    if text in rules.numbers and text not in _WEAK_ONE and rules.numbers[text] >= 1:
        return rules.numbers[text]
    if "-" in text or "–" in text:
        parts = re.split(r"[-–]", text)
        if len(parts) == 2 and all(p in rules.numbers for p in parts):
            return (rules.numbers[parts[0]] + rules.numbers[parts[1]]) / 2
    return None


def _multiword(words: list[str], i: int, table: dict[str, float]) -> tuple[float, int] | None:
    """The longest entry of ``table`` (keys of one or more words) starting at word ``i``."""
    best: tuple[float, int] | None = None
    for key, value in table.items():
        parts = key.split()
        k = len(parts)
        if words[i : i + k] == parts and (best is None or k > best[1]):
            best = (value, k)
    return best


def _unit(token: Token, rules: LanguageSpec) -> float | None:
    for form in (token.lower_, token.lemma_.lower()):
        if form in rules.units:
            return rules.units[form]
    return None


def _months_since(month: int, today: dt.date) -> float:
    """Minutes since the middle of the last ``month`` before today (a season or holiday)."""
    back = (today.month - month) % 12
    return back * 30 * _MINUTES_PER_DAY


def _lead(words: list[str], i: int, phrases: tuple[str, ...]) -> int:
    """The number of words of the longest of ``phrases`` starting at word ``i`` (0: none)."""
    best = 0
    for phrase in phrases:
        parts = phrase.split()
        if len(parts) > best and words[i : i + len(parts)] == parts:
            best = len(parts)
    return best


def _quantity_at(
    doc: Doc, words: list[str], i: int, rules: LanguageSpec, multi: dict[str, float]
) -> tuple[int, str, float] | None:
    """The number or duration starting at word ``i``: (end, kind, value); kind "" for a lone weak word.

    A weak word ("en", "et", "halve") is a number only before a time unit; "to og en halv måned" adds
    the half.
    """
    n = len(doc)
    quantity: tuple[float, int] | None = _multiword(words, i, multi)
    weak = False
    if quantity is None:
        value = _number(words[i], rules)
        if value is not None:
            quantity = (value, 1)
        elif words[i] in _WEAK_ONE or (words[i] in rules.numbers and rules.numbers[words[i]] <= 1):
            quantity, weak = (rules.numbers.get(words[i], 1.0), 1), True
    if quantity is None:
        return None
    number = quantity[0]
    j = i + quantity[1]
    half = _lead(words, j, rules.and_a_half) if j < n else 0
    if half and j + half < n and _unit(doc[j + half], rules) is not None:
        number, j = number + 0.5, j + half
    unit = _unit(doc[j], rules) if j < n else None
    if unit is not None:
        end = j + 1
        if end < n and words[end] in ("tid", "tids"):  # "en måneds tid", "et kvarters tid"
            end += 1
        return end, "dur", number * unit
    return (j, "", 0.0) if weak else (j, "num", number)


def mark_quantities(doc: Doc, rules: LanguageSpec, today: dt.date | None) -> Doc:
    """Merge every quantity in ``doc`` into one token and mark it (see the module docstring)."""
    words = [t.lower_ for t in doc]
    multi = {k: v for k, v in rules.numbers.items() if " " in k}
    found: list[tuple[int, int, str, float]] = []
    i = 0
    n = len(doc)
    while i < n:
        hit = _multiword(words, i, dict(rules.ago))
        if hit is not None:
            found.append((i, i + hit[1], "ago", hit[0]))
            i += hit[1]
            continue
        if today is not None and words[i] in rules.seasons:
            found.append((i, i + 1, "since", _months_since(rules.seasons[words[i]], today)))
            i += 1
            continue
        m = _DECADE.match(words[i])
        decade = rules.decades.get(words[i], int(m.group(1)) * 10 if m else None)
        if decade is not None:
            found.append((i, i + 1, "decade", float(decade)))
            i += 1
            continue
        score = _OUT_OF_TEN.match(words[i])
        if score:
            found.append((i, i + 1, "num", float(score.group(1))))
            i += 1
            continue
        lead = _lead(words, i, rules.one_unit_after)
        if lead and i + lead < n and _unit(doc[i + lead], rules) is not None:
            # "den sidste måned": the bare unit is one of it (the lead words stay for the phrases)
            found.append((i + lead, i + lead + 1, "dur", _unit(doc[i + lead], rules) or 0.0))
            i += lead + 1
            continue
        approx = _lead(words, i, rules.approximate)
        if approx:
            # "cirka tre uger", "knap to måneder": the approximation is part of the duration
            near = _quantity_at(doc, words, i + approx, rules, multi)
            if near is not None and near[1] == "dur":
                found.append((i, near[0], "dur", near[2]))
                i = near[0]
                continue
        quantity = _quantity_at(doc, words, i, rules, multi)
        if quantity is None:
            i += 1
            continue
        end, kind, value = quantity
        if kind:
            found.append((i, end, kind, value))
        i = end
    with doc.retokenize() as retokenizer:
        for start, end, kind, value in found:
            span = doc[start:end]
            # NORM carries the kind too, so the matcher tests it in C rather than through the extension
            norm = slot_norm(kind)
            if end - start > 1:
                attrs: dict[str | int, Any] = {
                    "LEMMA": span.text,
                    "NORM": norm,
                    "_": {"hg_kind": kind, "hg_value": value},
                }
                retokenizer.merge(span, attrs=attrs)
            else:
                span[0]._.hg_kind = kind
                span[0]._.hg_value = value
                span[0].norm_ = norm
    return doc
