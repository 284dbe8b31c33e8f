"""Fixtures for the content tests: a tiny article site, an article writer and the seed page."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_SITE = FIXTURES / "articles"
REAL_ARTICLES = REPO / "src/haelguiden/knowledge_base/articles"
SEED = REPO.parent / "shared/seed/ondt-i-haelen.md"

CONDITION_IDS = frozenset(
    {
        "plantar_fasciitis", "plantar_fascia_rupture", "achilles_tendinopathy_midportion",
        "achilles_tendinopathy_insertional", "achilles_rupture", "calcaneal_stress_fracture",
        "calcaneal_fracture", "retrocalcaneal_bursitis", "fat_pad_syndrome", "nerve_entrapment",
        "lumbar_radiculopathy", "calcaneal_apophysitis", "inflammatory_enthesitis", "gout", "infection",
        "bone_tumour", "peripheral_arterial_disease", "skin_lesion", "not_heel",
    }
)  # fmt: skip
SOURCE_IDS = frozenset({"ref-1", "ref-5", "ref-13"})

GOOD_FRONT = {
    "title": "Hælspore",
    "metaTitle": "Hælspore: mulige årsager",
    "datePublished": "13/09/2025",
    "lastUpdated": "12/10/2025",
    "sources": ["ref-1"],
}

WriteArticle = Callable[..., Path]


def article_text(body: str = "Tekst.\n", **fields: object) -> str:
    """An article file: ``GOOD_FRONT`` updated with ``fields`` (``None`` removes a field), then the body."""
    front = {k: v for k, v in {**GOOD_FRONT, **fields}.items() if v is not None}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """An empty articles directory with ``da/`` and ``en/``."""
    for lang in ("da", "en"):
        (tmp_path / lang).mkdir()
    return tmp_path


@pytest.fixture
def write_article(site: Path) -> WriteArticle:
    """Write ``site/<file>`` from a body and front matter overrides (see :func:`article_text`)."""

    def write(file: str, body: str = "Tekst.\n", **fields: object) -> Path:
        path = site / file
        path.write_text(article_text(body, **fields), encoding="utf-8")
        return path

    return write


@pytest.fixture
def seed_path() -> Path:
    """The seed page; absent only outside CI, where the shared folder may not be checked out."""
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed page {SEED} is missing")
        pytest.skip(f"the seed page {SEED} is not here")
    return SEED


@pytest.fixture
def source_ids() -> frozenset[str]:
    """The real source ids of the knowledge base."""
    data = yaml.safe_load((REPO / "src/haelguiden/knowledge_base/sources.yaml").read_text(encoding="utf-8"))
    return frozenset(s["id"] for s in data["sources"])
