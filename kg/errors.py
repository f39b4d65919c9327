"""Errors raised by kg. The CLI turns them into messages; the library never exits."""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class DocumentError(KGError):
    """A source file or record cannot be read as a news document.

    The message says what is wrong and what to do; the builder reports it and goes on
    with the rest of the corpus.
    """


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""


class GoldError(KGError):
    """A gold file for ``kg eval`` is malformed."""


class OutputError(KGError):
    """A built graph directory is missing or incomplete."""
