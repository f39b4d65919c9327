"""Claims: typed, directed, cited statements extracted from one document.

This is the boundary of the NLP layer: :func:`doc_to_claims` reads the offsets that the
spaCy components left on a Doc and returns plain frozen dataclasses. Nothing after this
module imports spaCy.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from kg.actors import Actor
from kg.documents import Document
from kg.text import TextView

CORE_PREDICATES = (
    "accuses",
    "denies",
    "claims_responsibility",
    "allied_with",
    "member_of",
    "leader_of",
)
EXTENDED_PREDICATES = ("criticizes", "supports", "conflict_with")
PREDICATES = CORE_PREDICATES + EXTENDED_PREDICATES
SYMMETRIC_PREDICATES = frozenset({"allied_with", "conflict_with"})
STATUSES = ("active", "joining", "suspended", "left", "former")
CLAIM_KEYS = (
    "id",
    "predicate",
    "subject",
    "object",
    "about",
    "status",
    "hedged",
    "negated",
    "attributed_to",
    "doc",
    "source",
    "sentence",
    "start",
    "end",
    "trigger",
    "confidence",
)


@dataclass(frozen=True)
class Mention:
    """An actor mention in the NLP view of a document (character offsets of the view)."""

    start: int
    end: int
    actor: str
    form: str


@dataclass(frozen=True)
class Relation:
    """A relation found by a rule, in NLP-view offsets (set on ``Doc._.kg_relations``)."""

    predicate: str
    subject: str
    object: str | None
    sent_start: int
    sent_end: int
    trigger: str
    rule: str
    confidence: float
    hedged: bool = False
    negated: bool = False
    about: str | None = None
    status: str | None = None
    attributed_to: str | None = None


@dataclass(frozen=True)
class Claim:
    """One cited claim: a line of ``claims.jsonl``."""

    id: str
    predicate: str
    subject: Actor
    object: Actor | None
    about: str | None
    status: str | None
    hedged: bool
    negated: bool
    attributed_to: Actor | None
    doc: str
    source: dict[str, str | None]
    sentence: str
    start: int
    end: int
    trigger: str
    confidence: float
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "predicate": self.predicate,
            "subject": self.subject.ref(),
            "object": self.object.ref() if self.object else None,
            "about": self.about,
            "status": self.status,
            "hedged": self.hedged,
            "negated": self.negated,
            "attributed_to": self.attributed_to.ref() if self.attributed_to else None,
            "doc": self.doc,
            "source": dict(self.source),
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "confidence": self.confidence,
        }

    @property
    def key(self) -> tuple[str, str, str | None]:
        """(subject, predicate, object), with symmetric predicates in a canonical order."""
        obj = self.object.id if self.object else None
        subj = self.subject.id
        if self.predicate in SYMMETRIC_PREDICATES and obj is not None and obj < subj:
            subj, obj = obj, subj
        return subj, self.predicate, obj


def claim_id(
    doc_id: str, predicate: str, subject: str, obj: str | None, start: int, end: int
) -> str:
    payload = json.dumps([doc_id, predicate, subject, obj, start, end])
    return "c" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def relations_to_claims(
    document: Document,
    view: TextView,
    relations: list[Relation],
    actors: dict[str, Actor],
) -> list[Claim]:
    """Turn relations found in the NLP view into claims cited in the stored text."""
    claims: dict[str, Claim] = {}
    for rel in relations:
        start, end = view.to_source(rel.sent_start, rel.sent_end)
        sentence = document.text[start:end]
        stripped = sentence.strip()
        start += len(sentence) - len(sentence.lstrip())
        end = start + len(stripped)
        cid = claim_id(document.id, rel.predicate, rel.subject, rel.object, start, end)
        if cid in claims and claims[cid].confidence >= rel.confidence:
            continue
        claims[cid] = Claim(
            id=cid,
            predicate=rel.predicate,
            subject=actors[rel.subject],
            object=actors[rel.object] if rel.object else None,
            about=rel.about,
            status=rel.status,
            hedged=rel.hedged,
            negated=rel.negated,
            attributed_to=actors[rel.attributed_to] if rel.attributed_to else None,
            doc=document.id,
            source=document.source,
            sentence=document.text[start:end],
            start=start,
            end=end,
            trigger=rel.trigger,
            confidence=round(rel.confidence, 3),
            rule=rel.rule,
        )
    return sorted(claims.values(), key=lambda c: (c.start, c.predicate, c.subject.id, c.id))


def claim_from_dict(data: dict[str, Any]) -> Claim:
    """Read back a line of ``claims.jsonl``."""

    def actor(ref: dict[str, str] | None) -> Actor | None:
        return Actor(ref["id"], ref["label"], ref["type"]) if ref else None

    subject = actor(data["subject"])
    assert subject is not None
    return Claim(
        id=data["id"],
        predicate=data["predicate"],
        subject=subject,
        object=actor(data.get("object")),
        about=data.get("about"),
        status=data.get("status"),
        hedged=bool(data.get("hedged")),
        negated=bool(data.get("negated")),
        attributed_to=actor(data.get("attributed_to")),
        doc=data["doc"],
        source=data.get("source") or {},
        sentence=data["sentence"],
        start=data["start"],
        end=data["end"],
        trigger=data.get("trigger", ""),
        confidence=float(data.get("confidence", 0.0)),
        rule=data.get("rule", ""),
    )


def link_denials(claims: list[Claim]) -> list[Claim]:
    """Give each denial with an unknown accuser the accuser of the accusation it answers.

    The accusation answered by a denial of D is an ``accuses`` claim whose object is D,
    looked for in the same document first (the last one before the denial, else the first
    after it), then in the rest of the corpus (the most frequent accuser).
    """
    accusations = [c for c in claims if c.predicate == "accuses" and not c.negated and c.object]
    out = []
    for claim in claims:
        if claim.predicate != "denies" or claim.object is not None or claim.negated:
            out.append(claim)
            continue
        target = claim.subject.id
        same_doc = [a for a in accusations if a.doc == claim.doc and a.object.id == target]
        answered = _nearest(same_doc, claim)
        if answered is None:
            # across documents only an accusation about the same event ("the Crocus City Hall
            # attack" / "the Crocus attack") is answered
            others = Counter(
                a.subject.id
                for a in accusations
                if a.object.id == target and _same_event(a.about, claim.about)
            )
            if others:
                top = sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                answered = next(
                    a for a in accusations if a.subject.id == top and a.object.id == target
                )
        if answered is None:
            out.append(claim)
            continue
        out.append(replace(claim, object=answered.subject))
    return out


_GENERIC_EVENT_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "terror",
        "terrorist",
        "attack",
        "attacks",
        "incident",
        "bombing",
        "shooting",
        "strike",
        "operation",
        "act",
    ]
)


def _same_event(a: str | None, b: str | None) -> bool:
    """True when two event descriptions share a distinctive word ("Crocus")."""
    if not a or not b:
        return False
    words_a = {w for w in a.lower().split() if w not in _GENERIC_EVENT_WORDS}
    words_b = {w for w in b.lower().split() if w not in _GENERIC_EVENT_WORDS}
    return bool(words_a & words_b)


def answered_accusation(denial: Claim, claims: list[Claim]) -> Claim | None:
    """The accusation a denial answers (same rule as :func:`link_denials`), if any."""
    if denial.predicate != "denies" or denial.object is None:
        return None
    candidates = [
        c
        for c in claims
        if c.predicate == "accuses"
        and not c.negated
        and c.object is not None
        and c.object.id == denial.subject.id
        and c.subject.id == denial.object.id
    ]
    return _nearest(candidates, denial)


def _nearest(accusations: list[Claim], denial: Claim) -> Claim | None:
    """In the denial's document the last accusation before it, else the first after it; with
    none there, the first of the corpus."""
    same = [c for c in accusations if c.doc == denial.doc]
    before = [c for c in same if c.start <= denial.start]
    if before:
        return before[-1]
    pool = same or accusations
    return pool[0] if pool else None
