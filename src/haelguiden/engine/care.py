"""The Danish route to care: which after-hours number applies, and the action text with it filled in."""

from __future__ import annotations

from haelguiden.engine.model import KnowledgeBase, Lang, Region, TriageLevel


def region_for_postcode(kb: KnowledgeBase, postcode: int | None) -> Region | None:
    """The region whose postcode ranges hold ``postcode`` (None when unknown or not Danish)."""
    if postcode is None:
        return None
    for region in kb.regions:
        if any(lo <= postcode <= hi for lo, hi in region.postcodes):
            return region
    return None


def after_hours_text(kb: KnowledgeBase, lang: Lang, region: Region | None) -> str:
    """The region's number, or every region's number when the region is not known."""
    wording = kb.region_wording
    if region is not None:
        return wording.number.get(lang).format(phone=region.phone, region=region.name.get(lang))
    parts = [wording.number.get(lang).format(phone=r.phone, region=r.name.get(lang)) for r in kb.regions]
    if len(parts) == 1:
        return parts[0]
    return wording.every.get(lang).format(numbers=", ".join(parts[:-1]), last=parts[-1])


def action_text(kb: KnowledgeBase, level: TriageLevel, lang: Lang, region: Region | None = None) -> str:
    """What to do at ``level``, with the after-hours number(s) filled in."""
    return kb.care[level].action.get(lang).replace("{after_hours}", after_hours_text(kb, lang, region))
