"""The real knowledge base: it loads, matches the vignette vocabulary, and every claim is sourced."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from haelguiden.engine.care import region_for_postcode
from haelguiden.engine.model import TRIAGE_LEVELS, KnowledgeBase
from haelguiden.knowledge.summary import summarise
from tests.conftest import ROOT, shared_file


@pytest.fixture(scope="module")
def vocab() -> dict[str, object]:
    script = shared_file("vignettes", "score.py")
    out = subprocess.run([sys.executable, str(script), "--vocab"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_conditions_match_the_vignette_vocabulary(kb: KnowledgeBase, vocab: dict[str, object]) -> None:
    assert set(kb.conditions) == set(vocab["conditions"])  # type: ignore[arg-type]


def test_triage_levels_match(vocab: dict[str, object]) -> None:
    assert list(TRIAGE_LEVELS) == vocab["triage_levels"]


def test_facts_match_types_values_and_ranges(kb: KnowledgeBase, vocab: dict[str, object]) -> None:
    facts = vocab["facts"]
    assert isinstance(facts, dict)
    assert set(kb.facts) == set(facts)
    for fid, spec in facts.items():
        fact = kb.facts[fid]
        assert fact.type == spec["type"], fid
        if spec["type"] in ("enum", "list"):
            assert list(fact.values) == spec["values"], fid
        if spec["type"] == "integer":
            assert (fact.minimum, fact.maximum) == (spec["min"], spec["max"]), fid


def test_red_flags_match(kb: KnowledgeBase, vocab: dict[str, object]) -> None:
    red = vocab["red_flags"]
    assert isinstance(red, dict)
    ours = {f.id: f.red_flag_values for f in kb.facts.values() if f.red_flag_values}
    theirs = {fid: tuple("true" if v is True else v for v in values) for fid, values in red.items()}
    assert ours == theirs


def test_no_uncited_claims(kb: KnowledgeBase) -> None:
    summary = summarise(kb)
    assert summary["uncited claims"] == 0
    assert summary["conditions"] == 19
    assert summary["facts"] == 60


def test_every_source_id_cited_exists(kb: KnowledgeBase) -> None:
    cited = {s for c in kb.conditions.values() for e in c.evidence.values() for s in e.sources}
    cited |= {s for r in kb.rules for s in r.sources}
    assert cited - set(kb.sources) == {"estimate"}


def test_every_condition_article_exists(kb: KnowledgeBase) -> None:
    for condition in kb.conditions.values():
        for lang, slug in condition.article.items():
            path = ROOT / "src" / "haelguiden" / "knowledge_base" / "articles" / lang / f"{slug}.md"
            assert path.exists(), f"{condition.id}: {path}"


def test_every_question_offers_text_in_both_languages(kb: KnowledgeBase) -> None:
    for q in kb.questions:
        assert all((q.text.da, q.text.en, q.why.da, q.why.en)), q.id


def test_checklists_fit_one_phone_screen(kb: KnowledgeBase) -> None:
    assert all(len(q.items) <= 6 for q in kb.questions if q.kind == "checklist")


@pytest.mark.parametrize(
    ("postcode", "region"),
    [
        (2100, "hovedstaden"),
        (3700, "hovedstaden"),
        (2680, "sjaelland"),
        (4000, "sjaelland"),
        (5000, "syddanmark"),
        (7100, "syddanmark"),
        (8000, "midtjylland"),
        (7400, "midtjylland"),
        (9000, "nordjylland"),
        (7700, "nordjylland"),
    ],
)
def test_postcode_to_region(kb: KnowledgeBase, postcode: int, region: str) -> None:
    found = region_for_postcode(kb, postcode)
    assert found is not None
    assert found.id == region


def test_unknown_postcode_has_no_region(kb: KnowledgeBase) -> None:
    assert region_for_postcode(kb, 999) is None
    assert region_for_postcode(kb, None) is None


def test_capital_region_number_is_1813_and_zealand_1818(kb: KnowledgeBase) -> None:
    phones = {r.id: r.phone for r in kb.regions}
    assert phones["hovedstaden"] == "1813"
    assert phones["sjaelland"] == "1818"
