"""Doc extensions set by kg's components, registered once.

They hold offsets and small frozen dataclasses, never Span objects, so that analysed
Docs can be cached with DocBin.
"""

from __future__ import annotations

from spacy.tokens import Doc


def register() -> None:
    """Register kg's Doc extensions (idempotent)."""
    for name in ("kg_mentions", "kg_relations"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("kg_actors"):
        # actor id -> kg.actors.Actor for every actor mentioned in the doc
        Doc.set_extension("kg_actors", default=None)


register()
