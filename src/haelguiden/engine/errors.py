"""Errors the engine raises. The full tree, with the adapters' errors, is drawn in ``haelguiden.errors``."""


class HaelguidenError(Exception):
    """Base of every error Hælguiden raises on purpose."""


class UserError(HaelguidenError):
    """Bad input from a person or a file: shown as a message, never with a traceback."""


class AnswerError(UserError):
    """An answer that does not fit its question (unknown question, value out of range, ...)."""
