"""The Danish route to care: which after-hours number a person is given, in the words of care.yaml."""

from __future__ import annotations

from haelguiden.engine.care import after_hours_text, region_for_postcode
from haelguiden.engine.model import KnowledgeBase


def test_a_known_region_gives_its_own_number(kb: KnowledgeBase) -> None:
    capital = region_for_postcode(kb, 2100)
    assert capital is not None
    assert after_hours_text(kb, "da", capital) == "1813 (Region Hovedstaden)"
    zealand = region_for_postcode(kb, 4000)
    assert after_hours_text(kb, "en", zealand) == "1818 (Region Zealand)"


def test_an_unknown_region_lists_every_number_joined_as_the_language_says(kb: KnowledgeBase) -> None:
    assert after_hours_text(kb, "da", None) == (
        "1813 (Region Hovedstaden), 1818 (Region Sjælland), 70 11 07 07 (Region Syddanmark), "
        "70 11 31 31 (Region Midtjylland) eller 70 15 03 00 (Region Nordjylland)"
    )
    assert after_hours_text(kb, "en", None).endswith(" or 70 15 03 00 (North Denmark Region)")


def test_a_postcode_outside_denmark_or_unknown_has_no_region(kb: KnowledgeBase) -> None:
    assert region_for_postcode(kb, None) is None
    assert region_for_postcode(kb, 99999) is None
