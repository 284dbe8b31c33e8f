"""The composition root and the use cases every entry point calls.

``build_services(settings)`` is the only place that loads the knowledge base or opens storage; the web app
factory and the CLI both call it. Entry points call the functions here, never the adapters directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haelguiden.config import Settings
from haelguiden.engine.assess import Assessment, assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers
from haelguiden.knowledge.loader import load_knowledge


@dataclass
class Services:
    """What the entry points need, built once."""

    settings: Settings
    kb: KnowledgeBase

    def start(self) -> Assessment:
        """The first question of a new self-check."""
        return assess(self.kb, Answers())

    def assess(self, answers: Answers) -> Assessment:
        """The next question or the result for ``answers``."""
        return assess(self.kb, answers)


def build_services(settings: Settings | None = None, knowledge_dir: Path | None = None) -> Services:
    """Load everything once; raise a ``UserError`` subclass with a clear message when something is wrong."""
    settings = settings or Settings.from_env()
    kb = load_knowledge(knowledge_dir or settings.knowledge_dir)
    return Services(settings=settings, kb=kb)
