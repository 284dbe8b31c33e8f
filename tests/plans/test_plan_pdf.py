"""The plan as a PDF: A4, latin-1 safe text, and everything the plan page shows."""

from __future__ import annotations

import re

import pytest

from haelguiden.engine.model import Lang
from haelguiden.engine.plan import Plan, PlanLibrary, build_plan
from haelguiden.knowledge.plans import default_directory
from haelguiden.rendering.plan_pdf import latin1, plan_pdf

DRAWINGS = default_directory() / "exercises"


def built(
    library: PlanLibrary,
    condition: str,
    level: str = "self_care",
    age: int = 45,
    traits: tuple[str, ...] = (),
) -> Plan:
    plan = build_plan(library, condition, level, age, False, False, traits)
    assert isinstance(plan, Plan)
    return plan


def shown_text(pdf: bytes) -> str:
    """The text drawn on the pages of an uncompressed PDF made with a core font (latin-1)."""
    return "\n".join(
        m.decode("latin-1").replace("\\(", "(").replace("\\)", ")")
        for m in re.findall(rb"\((.*?)(?<!\\)\) ?Tj", pdf)
    )


def test_latin1_replaces_what_the_core_font_cannot_show_and_keeps_danish_letters() -> None:
    assert latin1("Uge 1–6 — “hæl” ’s • ≤5 ≥2 … → ×") == 'Uge 1-6 - "hæl" \'s - <=5 >=2 ... -> ×'
    assert latin1("ÆØÅ æøå é ü") == "ÆØÅ æøå é ü"
    # Letters outside latin-1 keep their base letter when they have one; anything else becomes "?".
    assert latin1("Łódź ő 😀") == "?ódz o ?"


def test_the_pdf_is_a4_and_shows_the_plan(library: PlanLibrary) -> None:
    pdf = plan_pdf(built(library, "plantar_fasciitis"), "da", compress=False)
    assert pdf.startswith(b"%PDF")
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4 in points
    text = shown_text(pdf)
    assert "Din plan ved smerter under hælen" in text
    for expected in (
        "Hælguiden stiller ikke en diagnose.",
        "Stop og søg hjælp",
        "Kontakt en læge i dag, hvis ...",
        "Det kan du selv gøre",
        "Is kan dæmpe smerten",
        "Øvelser uge for uge",
        "Tung tåhævning med håndklæde under",
        "Uge 3-4: 4 sæt × 10 gentagelser.",
        "Sådan laver du øvelserne",
        "Hvad kan du forvente?",
    ):
        assert expected in text, expected
    assert (
        text.index("Stop og søg hjælp")
        < text.index("Øvelser uge for uge")
        < text.index("Det kan du selv gøre")
    )
    assert "–" not in pdf.decode("latin-1")


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("traits", [(), ("runner",), ("runner", "overweight")])
def test_a_typical_plan_prints_on_two_a4_pages(
    library: PlanLibrary, lang: Lang, traits: tuple[str, ...]
) -> None:
    # The plan for plantar fasciitis, the commonest cause, with or without running and weight advice.
    assert pages(plan_pdf(built(library, "plantar_fasciitis", traits=traits), lang, compress=False)) == 2


def test_the_english_pdf(library: PlanLibrary) -> None:
    pdf = plan_pdf(built(library, "achilles_tendinopathy_midportion"), "en", compress=False)
    text = shown_text(pdf)
    assert "Your plan for pain in the Achilles tendon" in text
    assert "Other exercise programmes" in text
    assert "Alfredson's eccentric programme" in text
    assert "Hælguiden does not make a diagnosis." in text


def test_compressed_by_default_and_drawings_can_be_included(library: PlanLibrary) -> None:
    plan = built(library, "plantar_fasciitis")
    plain = plan_pdf(plan, "da")
    assert plain.startswith(b"%PDF")
    assert b"Din plan ved smerter" not in plain  # the page streams are compressed
    with_drawings = plan_pdf(plan, "da", drawings=DRAWINGS)
    assert len(with_drawings) > len(plain)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    ("condition", "level", "age"),
    [
        ("plantar_fasciitis", "self_care", 45),
        ("achilles_tendinopathy_insertional", "professional", 60),
        ("retrocalcaneal_bursitis", "self_care", 50),
        ("fat_pad_syndrome", "self_care", 70),
        ("nerve_entrapment", "self_care", 40),
        ("calcaneal_apophysitis", "self_care", 11),
        ("skin_lesion", "self_care", 30),
        ("not_heel", "self_care", 30),
        ("gout", "self_care", 60),
        ("calcaneal_stress_fracture", "gp", 25),
    ],
)
def test_every_plan_renders(library: PlanLibrary, condition: str, level: str, age: int, lang: Lang) -> None:
    plan = built(library, condition, level, age)
    pdf = plan_pdf(plan, lang, drawings=DRAWINGS, compress=False)
    assert pdf.startswith(b"%PDF")
    assert latin1(plan.title.get(lang)) in shown_text(pdf)
