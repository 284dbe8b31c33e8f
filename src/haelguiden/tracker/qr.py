"""The diary link as a QR code: an inline SVG with a title for screen readers and no external references."""

from __future__ import annotations

import io
import re

import segno

from haelguiden.engine.model import Lang, Text
from haelguiden.i18n import t

#: Pixels per QR module; the SVG scales with CSS through its viewBox.
QR_SCALE = 4
QR_BORDER = 4
_ELEMENT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def qr_svg(url: str, lang: Lang, *, element_id: str = "diary-qr", title: Text | None = None) -> str:
    """An ``<svg>`` element (no XML declaration) showing ``url`` as a QR code.

    It has ``role="img"`` and a ``<title>`` (in ``lang``) that names it; the link itself is not read out,
    because the page shows it as text next to the code. ``element_id`` must be unique on the page;
    ``title`` replaces the default title ("QR-kode med linket til din dagbog").
    """
    if not _ELEMENT_ID.match(element_id):
        raise ValueError("qr_svg: element_id must start with a letter and hold only letters, digits, _ and -")
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        title=title.get(lang) if title else t(lang, "qr_title_diary"),
        svgid=element_id,
        svgclass="diary-qr",
        lineclass="diary-qr-line",
        scale=QR_SCALE,
        border=QR_BORDER,
        omitsize=False,
        nl=False,
    )
    svg: str = buffer.getvalue().decode("utf-8")
    width, height = code.symbol_size(scale=QR_SCALE, border=QR_BORDER)
    title_id = f"{element_id}-title"
    svg = svg.replace("<title>", f'<title id="{title_id}">', 1)
    return svg.replace(
        "<svg ",
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{title_id}" ',
        1,
    )


__all__ = ["QR_BORDER", "QR_SCALE", "qr_svg"]
