"""The diary link as a QR code: a self-contained, labelled SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import segno

from haelguiden.tracker.qr import qr_svg

SVG = "{http://www.w3.org/2000/svg}"
URL = "https://haelguiden.test/dagbog/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd"


def test_the_svg_is_labelled_for_screen_readers() -> None:
    root = ET.fromstring(qr_svg(URL, "da"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("id") == "diary-qr"
    assert root.get("aria-labelledby") == "diary-qr-title"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert (title.get("id"), title.text) == ("diary-qr-title", "QR-kode med linket til din dagbog")
    assert next(iter(root)) is title


def test_english_title_and_own_id() -> None:
    root = ET.fromstring(qr_svg(URL, "en", element_id="qr-2"))
    assert root.get("aria-labelledby") == "qr-2-title"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == "QR code with the link to your diary"


def test_size_matches_the_qr_symbol() -> None:
    root = ET.fromstring(qr_svg(URL, "da"))
    side = segno.make(URL, error="m").symbol_size(scale=4, border=4)[0]
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        str(side),
        str(side),
        f"0 0 {side} {side}",
    )


def test_no_external_references_and_no_scripts() -> None:
    svg = qr_svg(URL, "da")
    assert not svg.startswith("<?xml")
    without_namespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for needle in ("http", "href", "<script", "url(", "<image", "<style", "@import"):
        assert needle not in without_namespace


def test_the_element_id_is_checked() -> None:
    with pytest.raises(ValueError, match="element_id"):
        qr_svg(URL, "da", element_id='x" onload="alert(1)')
