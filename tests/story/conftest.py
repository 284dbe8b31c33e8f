"""The real story lexicon and reader, built once per worker (spaCy takes a second or two to load)."""

from __future__ import annotations

import pytest

from haelguiden.services import Services, build_services
from haelguiden.story import StoryReader


@pytest.fixture(scope="session")
def services() -> Services:
    """The real knowledge base and story lexicon."""
    return build_services()


@pytest.fixture(scope="session")
def reader(services: Services) -> StoryReader:
    """The story reader on the real lexicon."""
    return services.story_reader
