"""The story reader: a patient's own words ("Fortæl med dine egne ord") read into facts.

An adapter at the level of ``knowledge``: it uses spaCy for the language work and the lexicon in
``knowledge_base/story/`` for the words; the engine never sees the story itself, only the facts the
patient confirmed (``Answers.story``).
"""

from haelguiden.story.reader import Finding, StoryReader, StoryReading
from haelguiden.story.spec import StoryValue

__all__ = ["Finding", "StoryReader", "StoryReading", "StoryValue"]
