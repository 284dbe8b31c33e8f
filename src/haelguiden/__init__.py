"""Hælguiden: a Danish self-assessment and self-care guide for heel pain.

The public API is small: load the knowledge base, then call :func:`assess` with the answers so far.
"""

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers

__version__ = "0.1.0"

__all__ = ["Answers", "KnowledgeBase", "__version__", "assess"]
