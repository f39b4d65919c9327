"""KnowledgeGraph: claims, actors and documents, with a networkx view.

Built from claims only (no spaCy). Edges are keyed by predicate; an edge is drawn for a
(subject, predicate, object) that at least one positive (non-negated) claim supports.
Claims without an object (denials of an unknown accuser, claims of responsibility) stay
on the subject node.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.actors import Actor
from kg.claims import SYMMETRIC_PREDICATES, Claim, claim_from_dict
from kg.errors import OutputError


@dataclass
class ActorRecord:
    """An actor of the graph with what the corpus says about it."""

    actor: Actor
    mentions: int = 0
    forms: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        data = {
            "id": self.actor.id,
            "label": self.actor.label,
            "type": self.actor.type,
            "wikidata": self.actor.wikidata,
            "iso3": self.actor.iso3,
            "mentions": self.mentions,
            "forms": sorted(self.forms),
            "documents": sorted(self.documents),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ActorRecord:
        actor = Actor(
            data["id"], data["label"], data["type"], data.get("wikidata"), data.get("iso3")
        )
        return cls(
            actor,
            data.get("mentions", 0),
            set(data.get("forms", [])),
            set(data.get("documents", [])),
        )


@dataclass
class Edge:
    """All claims for one (subject, predicate, object)."""

    subject: str
    predicate: str
    object: str
    claims: list[Claim]

    @property
    def positive(self) -> list[Claim]:
        return [c for c in self.claims if not c.negated]

    @property
    def hedged(self) -> bool:
        """True when every positive claim is hedged."""
        return all(c.hedged for c in self.positive)

    @property
    def sources(self) -> int:
        return len({c.doc for c in self.positive})


class KnowledgeGraph:
    """The claims of a corpus, their actors and their documents."""

    def __init__(
        self,
        claims: Iterable[Claim],
        actors: dict[str, ActorRecord],
        documents: dict[str, dict] | None = None,
    ):
        self.claims = sorted(claims, key=lambda c: (c.doc, c.start, c.predicate, c.id))
        self.actors = dict(sorted(actors.items()))
        self.documents = dict(sorted((documents or {}).items()))

    def __repr__(self) -> str:
        return f"KnowledgeGraph({len(self.actors)} actors, {len(self.claims)} claims, {len(self.documents)} documents)"

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id].actor

    def find(self, name: str) -> Actor:
        """The actor whose label or a seen surface form is ``name`` (case-insensitive)."""
        wanted = name.casefold()
        for record in self.actors.values():
            if record.actor.label.casefold() == wanted or record.actor.id == name:
                return record.actor
        for record in self.actors.values():
            if wanted in {f.casefold() for f in record.forms}:
                return record.actor
        raise KeyError(f"no actor named {name!r}")

    def edges(self) -> list[Edge]:
        """Edges with at least one positive claim, in a stable order."""
        grouped: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.object is None:
                continue
            s, p, o = claim.subject.id, claim.predicate, claim.object.id
            if p in SYMMETRIC_PREDICATES and o < s:
                s, o = o, s
            grouped[(s, p, o)].append(claim)
        edges = [Edge(s, p, o, cs) for (s, p, o), cs in sorted(grouped.items())]
        return [e for e in edges if e.positive]

    def graph_actors(self) -> list[str]:
        """Actors that take part in at least one claim."""
        ids = set()
        for claim in self.claims:
            ids.add(claim.subject.id)
            if claim.object is not None:
                ids.add(claim.object.id)
        return sorted(ids)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph of the actors in claims; edge key = predicate (see docs/api.md)."""
        graph = nx.MultiDiGraph()
        object_less: dict[str, list[dict]] = defaultdict(list)
        for claim in self.claims:
            if claim.object is None:
                object_less[claim.subject.id].append(claim.to_dict())
        claim_counts: dict[str, int] = defaultdict(int)
        for claim in self.claims:
            claim_counts[claim.subject.id] += 1
            if claim.object is not None:
                claim_counts[claim.object.id] += 1
        for actor_id in self.graph_actors():
            record = self.actors.get(actor_id)
            actor = record.actor if record else self._claim_actor(actor_id)
            graph.add_node(
                actor_id,
                label=actor.label,
                type=actor.type,
                wikidata=actor.wikidata,
                iso3=actor.iso3,
                mentions=record.mentions if record else 0,
                claims=claim_counts[actor_id],
                own_claims=object_less.get(actor_id, []),
            )
        for edge in self.edges():
            graph.add_edge(
                edge.subject,
                edge.object,
                key=edge.predicate,
                predicate=edge.predicate,
                hedged=edge.hedged,
                sources=edge.sources,
                symmetric=edge.predicate in SYMMETRIC_PREDICATES,
                claims=[c.to_dict() for c in edge.positive],
                negated_claims=len(edge.claims) - len(edge.positive),
            )
        return graph

    def _claim_actor(self, actor_id: str) -> Actor:
        for claim in self.claims:
            for actor in (claim.subject, claim.object, claim.attributed_to):
                if actor is not None and actor.id == actor_id:
                    return actor
        raise KeyError(actor_id)

    # -- persistence ------------------------------------------------------------------
    @classmethod
    def load(cls, out_dir: str | Path) -> KnowledgeGraph:
        """Read a graph written by ``kg build`` (claims.jsonl, actors.json, documents.json)."""
        out = Path(out_dir)
        claims_path = out / "claims.jsonl"
        if not claims_path.exists():
            raise OutputError(f"{claims_path} not found: run 'kg build SOURCES -o {out}' first")
        with claims_path.open(encoding="utf-8") as fh:
            claims = [claim_from_dict(json.loads(line)) for line in fh if line.strip()]
        actors: dict[str, ActorRecord] = {}
        actors_path = out / "actors.json"
        if actors_path.exists():
            for item in json.loads(actors_path.read_text(encoding="utf-8")):
                record = ActorRecord.from_dict(item)
                actors[record.actor.id] = record
        documents: dict[str, dict] = {}
        docs_path = out / "documents.json"
        if docs_path.exists():
            documents = {d["id"]: d for d in json.loads(docs_path.read_text(encoding="utf-8"))}
        for claim in claims:
            for actor in (claim.subject, claim.object, claim.attributed_to):
                if actor is not None and actor.id not in actors:
                    actors[actor.id] = ActorRecord(actor)
        return cls(claims, actors, documents)
