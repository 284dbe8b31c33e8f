"""View models of sharing a diary with a clinician: the diary's share page and the new link, once.

Both pages live under the private diary link (only its owner reaches them). The shared page itself is the
summary page (:mod:`haelguiden.web.summary_views`) without anything that leads back to the diary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup
from starlette.requests import Request

from haelguiden.engine.model import Lang
from haelguiden.i18n import both, long_date, t
from haelguiden.tracker.qr import qr_svg
from haelguiden.tracker.shares import Share
from haelguiden.web import urls
from haelguiden.web.diary_views import diary_chrome
from haelguiden.web.viewmodels import Chrome, Link

#: The query value that says sharing was just stopped (``?besked=stoppet``).
REVOKED = {"da": "stoppet", "en": "stopped"}


@dataclass(frozen=True)
class ShareRow:
    """One active share: when it was made, what it shows, and the form that stops it."""

    made: str
    scope: str
    revoke_action: str
    #: Names the link for screen readers after "Stop delingen".
    label: str


@dataclass(frozen=True)
class SharePage:
    """What a share shows and cannot do, the button that makes one, and the shares made so far."""

    chrome: Chrome
    heading: str
    notice: str | None
    create_action: str
    shares: tuple[ShareRow, ...]
    back: Link


@dataclass(frozen=True)
class ShareCreatedPage:
    """The new read-only link, once: as text and as a QR code."""

    chrome: Chrome
    heading: str
    link: str
    qr: Markup
    back: Link


def share_page(
    request: Request, lang: Lang, token: str, shares: Sequence[Share], *, notice: str | None = None
) -> SharePage:
    """The diary's share page."""
    heading = t(lang, "share_title")
    rows = tuple(
        ShareRow(
            made=t(lang, "share_made_on", date=long_date(s.created, lang)),
            scope=t(lang, "share_with_answers") if s.answers else t(lang, "share_diary_only"),
            revoke_action=urls.diary_share_revoke(lang, token, s.id),
            label=t(lang, "share_revoke_label", date=long_date(s.created, lang)),
        )
        for s in shares
    )
    return SharePage(
        chrome=diary_chrome(request, lang, heading, urls.diary_part(urls.other(lang), token, "share")),
        heading=heading,
        notice=t(lang, "share_revoked") if notice == REVOKED[lang] else None,
        create_action=urls.diary_part(lang, token, "share"),
        shares=rows,
        back=Link(urls.diary(lang, token), t(lang, "back_to_diary")),
    )


def created_page(
    request: Request, lang: Lang, base_url: str, token: str, share_token: str
) -> ShareCreatedPage:
    """The page that hands over a new read-only link (it is not stored, so this is the only time)."""
    link = base_url + urls.shared(lang, share_token)
    heading = t(lang, "share_created_title")
    return ShareCreatedPage(
        chrome=diary_chrome(request, lang, heading, urls.diary_part(urls.other(lang), token, "share")),
        heading=heading,
        link=link,
        qr=Markup(qr_svg(link, lang, element_id="share-qr", title=both("qr_title_share"))),
        back=Link(urls.diary(lang, token), t(lang, "back_to_diary")),
    )
