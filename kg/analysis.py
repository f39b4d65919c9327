"""Analysis helpers: one question about a KnowledgeGraph each.

Every helper takes a :class:`~kg.graph.KnowledgeGraph` and names actors by label, surface form
or id (``"Russia"``, ``"CSTO"``, ``"state:RUS"``) or by :class:`~kg.actors.Actor`. Negated
claims ("X did not accuse Y") never count as support. :func:`graph_from_triples` builds a
small graph by hand, without spaCy; the examples below use it:

>>> g = graph_from_triples([
...     ("Russia", "accuses", "Ukraine", {"doc": "a"}),
...     ("Russia", "accuses", "Ukraine", {"doc": "b"}),
...     ("Ukraine", "denies", None, {"doc": "b"}),
... ])
>>> g
KnowledgeGraph(2 actors, 3 claims, 2 documents)
>>> [(a.label, weight) for a, weight in top_accusers(g)]
[('Russia', 2)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.actors import Actor
from kg.claims import Claim, answered_accusation, claim_id, link_denials
from kg.graph import ActorRecord, Edge, KnowledgeGraph

__all__ = [
    "Denial",
    "Related",
    "Step",
    "accusations",
    "allies",
    "claims_over_time",
    "denials",
    "ego_network",
    "graph_from_triples",
    "members",
    "shortest_path",
    "top_accusers",
]

ActorRef = str | Actor
DEFAULT_TYPE = "State"
_PERIODS = {"day": 10, "month": 7, "year": 4}
_SOURCE_KEYS = ("path", "title", "publisher", "url", "date")


# -- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Related:
    """An actor related to the one asked about, and the claims that say so.

    ``sources`` is the number of documents among ``claims``; ``hedged`` is True when every
    one of them is hedged ("may have", "reportedly").
    """

    actor: Actor
    status: str | None
    sources: int
    claims: tuple[Claim, ...] = field(repr=False)

    @property
    def hedged(self) -> bool:
        return all(c.hedged for c in self.claims)


@dataclass(frozen=True)
class Denial:
    """A denial and the accusation it answers (None when no accusation is known)."""

    claim: Claim
    accusation: Claim | None


@dataclass(frozen=True)
class Step:
    """One hop of a path: an edge of the graph, in its own direction, with its claims."""

    subject: Actor
    predicate: str
    object: Actor
    sources: int
    claims: tuple[Claim, ...] = field(repr=False)

    def __str__(self) -> str:
        return f"{self.subject.label} -{self.predicate}-> {self.object.label}"


# -- building a graph by hand ---------------------------------------------------------------


def graph_from_triples(
    triples: Iterable[tuple[Any, ...]],
    *,
    types: Mapping[str, str] | None = None,
) -> KnowledgeGraph:
    """A KnowledgeGraph from ``(subject, predicate, object[, details])`` tuples (no spaCy).

    Subjects and objects are actor labels; an actor's id is its type and label
    (``"State"`` and ``"Russia"`` give ``state:russia``) and its type comes from ``types``
    (default ``"State"``). ``object`` may be None (a claim of responsibility, a denial whose
    accuser the text does not name: as in ``kg build``, such a denial gets the accuser of the
    accusation it answers). ``details`` is a dict of claim fields: ``doc`` (default
    ``"doc1"``), ``date`` (of that document), ``status``, ``hedged``, ``negated``, ``about``
    and ``sentence`` (default: the triple written out).

    >>> g = graph_from_triples(
    ...     [("Armenia", "member_of", "CSTO", {"status": "suspended", "date": "2024-03-25"})],
    ...     types={"CSTO": "IGO"},
    ... )
    >>> claim = g.claims[0]
    >>> claim.subject.id, claim.object.id, claim.status, claim.source["date"]
    ('state:armenia', 'igo:csto', 'suspended', '2024-03-25')
    >>> claim.sentence
    'Armenia member of CSTO.'
    """
    types = dict(types or {})
    actors: dict[str, Actor] = {}
    documents: dict[str, dict[str, Any]] = {}
    offsets: Counter[str] = Counter()
    claims = []

    def actor(label: str | None) -> Actor | None:
        if label is None:
            return None
        if label not in actors:
            kind = types.get(label, DEFAULT_TYPE)
            slug = re.sub(r"[^0-9a-z]+", "-", label.casefold()).strip("-")
            actors[label] = Actor(f"{kind.lower()}:{slug}", label, kind)
        return actors[label]

    for triple in triples:
        if len(triple) not in (3, 4):
            raise ValueError(f"expected (subject, predicate, object[, details]), got {triple!r}")
        subject_label, predicate, object_label = triple[:3]
        details = dict(triple[3]) if len(triple) == 4 else {}
        doc = details.pop("doc", "doc1")
        date = details.pop("date", None)
        meta = documents.setdefault(doc, {"id": doc, **dict.fromkeys(_SOURCE_KEYS), "date": date})
        if date is not None and meta["date"] not in (None, date):
            raise ValueError(f"document {doc!r} has two dates: {meta['date']} and {date}")
        meta["date"] = meta["date"] or date
        subject, obj = actor(subject_label), actor(object_label)
        assert subject is not None
        words = [subject_label, predicate.replace("_", " "), object_label or ""]
        sentence = details.pop("sentence", " ".join(w for w in words if w) + ".")
        start = offsets[doc]
        offsets[doc] += len(sentence) + 1
        end = start + len(sentence)
        claims.append(
            Claim(
                id=claim_id(doc, predicate, subject.id, obj.id if obj else None, start, end),
                predicate=predicate,
                subject=subject,
                object=obj,
                about=details.pop("about", None),
                status=details.pop("status", None),
                hedged=bool(details.pop("hedged", False)),
                negated=bool(details.pop("negated", False)),
                attributed_to=None,
                doc=doc,
                source={},
                sentence=sentence,
                start=start,
                end=end,
                trigger=predicate,
                confidence=1.0,
            )
        )
        if details:
            raise ValueError(f"unknown claim fields {sorted(details)} in {triple!r}")
    claims = [_with_source(c, documents[c.doc]) for c in claims]
    records = {a.id: ActorRecord(a, documents=_docs_of(a, claims)) for a in actors.values()}
    return KnowledgeGraph(link_denials(claims), records, documents)


def _with_source(claim: Claim, meta: dict[str, Any]) -> Claim:
    from dataclasses import replace

    return replace(claim, source={key: meta.get(key) for key in _SOURCE_KEYS})


def _docs_of(actor: Actor, claims: list[Claim]) -> set[str]:
    return {c.doc for c in claims if actor in (c.subject, c.object)}


# -- questions ------------------------------------------------------------------------------


def resolve(kg: KnowledgeGraph, actor: ActorRef) -> Actor:
    """The actor named by ``actor`` (an Actor, an id, a label or a seen surface form).

    >>> g = graph_from_triples([("Russia", "accuses", "Ukraine")])
    >>> resolve(g, "russia").id
    'state:russia'
    """
    if isinstance(actor, Actor):
        return actor
    if actor in kg.actors:
        return kg.actors[actor].actor
    return kg.find(actor)


def accusations(kg: KnowledgeGraph, *, hedged: bool = True) -> nx.DiGraph:
    """Who accuses whom: a DiGraph accuser -> accused weighted by the number of sources.

    Each edge has ``weight`` (documents with a non-negated accusation), ``hedged`` (every
    one of those claims is hedged) and ``claims`` (the Claim objects). ``hedged=False``
    leaves hedged accusations out. Nodes carry the actor's ``label`` and ``type``.

    >>> g = graph_from_triples([
    ...     ("Russia", "accuses", "Ukraine", {"doc": "a"}),
    ...     ("Russia", "accuses", "Ukraine", {"doc": "b"}),
    ...     ("Russia", "accuses", "Turkey", {"doc": "b", "hedged": True}),
    ...     ("Ukraine", "accuses", "Russia", {"doc": "a", "negated": True}),
    ... ])
    >>> acc = accusations(g)
    >>> sorted((acc.nodes[u]["label"], acc.nodes[v]["label"], w) for u, v, w in acc.edges(data="weight"))
    [('Russia', 'Turkey', 1), ('Russia', 'Ukraine', 2)]
    >>> accusations(g, hedged=False).number_of_edges()
    1
    """
    graph = nx.DiGraph()
    for edge in kg.edges():
        if edge.predicate != "accuses":
            continue
        claims = [c for c in edge.positive if hedged or not c.hedged]
        if not claims:
            continue
        for actor_id in (edge.subject, edge.object):
            actor = _actor_of(kg, actor_id, claims)
            graph.add_node(actor_id, label=actor.label, type=actor.type)
        graph.add_edge(
            edge.subject,
            edge.object,
            weight=len({c.doc for c in claims}),
            hedged=all(c.hedged for c in claims),
            claims=claims,
        )
    return graph


def top_accusers(kg: KnowledgeGraph, n: int | None = None) -> list[tuple[Actor, int]]:
    """Accusers ranked by their weighted out-degree in :func:`accusations`.

    The weight of an accuser is the number of (accused, source) pairs: an actor accusing
    two others in one article, or one other in two articles, weighs 2.

    >>> g = graph_from_triples([
    ...     ("Russia", "accuses", "Ukraine", {"doc": "a"}),
    ...     ("Russia", "accuses", "Tajikistan", {"doc": "a"}),
    ...     ("Germany", "accuses", "Russia", {"doc": "a"}),
    ... ])
    >>> [(actor.label, weight) for actor, weight in top_accusers(g)]
    [('Russia', 2), ('Germany', 1)]
    """
    graph = accusations(kg)
    ranked = sorted(
        ((node, weight) for node, weight in graph.out_degree(weight="weight") if weight),
        key=lambda item: (-item[1], graph.nodes[item[0]]["label"], item[0]),
    )
    return [(resolve(kg, node), weight) for node, weight in ranked[:n]]


def denials(kg: KnowledgeGraph, actor: ActorRef) -> list[Denial]:
    """The non-negated denials by ``actor``, each with the accusation it answers.

    >>> g = graph_from_triples([
    ...     ("Russia", "accuses", "Tajikistan", {"doc": "a"}),
    ...     ("Tajikistan", "denies", None, {"doc": "a", "about": "the attack"}),
    ... ])
    >>> [(d.claim.about, d.accusation.subject.label) for d in denials(g, "Tajikistan")]
    [('the attack', 'Russia')]
    """
    denier = resolve(kg, actor)
    return [
        Denial(claim, answered_accusation(claim, kg.claims))
        for claim in kg.claims
        if claim.predicate == "denies" and not claim.negated and claim.subject.id == denier.id
    ]


def members(kg: KnowledgeGraph, organisation: ActorRef, *, hedged: bool = False) -> list[Related]:
    """The members of ``organisation``, one row per (member, status), sorted by label.

    ``status`` is what the claims say (active, joining, suspended, left, former) or None.
    Hedged claims count only with ``hedged=True`` (as in ``ontology/queries/members.rq``).

    >>> g = graph_from_triples([
    ...     ("Russia", "member_of", "CSTO", {"doc": "a", "status": "active"}),
    ...     ("Russia", "member_of", "CSTO", {"doc": "b", "status": "active"}),
    ...     ("Armenia", "member_of", "CSTO", {"doc": "a", "status": "suspended"}),
    ...     ("Armenia", "member_of", "CSTO", {"doc": "b", "status": "left"}),
    ... ], types={"CSTO": "IGO"})
    >>> [(m.actor.label, m.status, m.sources) for m in members(g, "CSTO")]
    [('Armenia', 'left', 1), ('Armenia', 'suspended', 1), ('Russia', 'active', 2)]
    """
    org = resolve(kg, organisation)
    grouped: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for claim in kg.claims:
        if (
            claim.predicate == "member_of"
            and claim.object is not None
            and claim.object.id == org.id
            and not claim.negated
            and (hedged or not claim.hedged)
        ):
            grouped[(claim.subject.id, claim.status)].append(claim)
    rows = [
        Related(resolve(kg, member), status, len({c.doc for c in cs}), tuple(cs))
        for (member, status), cs in grouped.items()
    ]
    return sorted(rows, key=lambda r: (r.actor.label, r.actor.id, r.status or ""))


def allies(kg: KnowledgeGraph, actor: ActorRef, *, hedged: bool = False) -> list[Related]:
    """The actors said to be allied with ``actor`` (either way round), most sources first.

    >>> g = graph_from_triples([
    ...     ("Russia", "allied_with", "Tajikistan", {"doc": "a"}),
    ...     ("Kyrgyzstan", "allied_with", "Russia", {"doc": "b"}),
    ...     ("Tajikistan", "allied_with", "Russia", {"doc": "b"}),
    ...     ("Russia", "allied_with", "Iran", {"doc": "b", "hedged": True}),
    ... ])
    >>> [(a.actor.label, a.sources) for a in allies(g, "Russia")]
    [('Tajikistan', 2), ('Kyrgyzstan', 1)]
    >>> [a.actor.label for a in allies(g, "Russia", hedged=True)]
    ['Tajikistan', 'Iran', 'Kyrgyzstan']
    """
    me = resolve(kg, actor)
    rows = []
    for edge in kg.edges():
        if edge.predicate != "allied_with" or me.id not in (edge.subject, edge.object):
            continue
        claims = [c for c in edge.positive if hedged or not c.hedged]
        if not claims:
            continue
        other = edge.object if edge.subject == me.id else edge.subject
        rows.append(Related(resolve(kg, other), None, len({c.doc for c in claims}), tuple(claims)))
    return sorted(rows, key=lambda r: (-r.sources, r.actor.label, r.actor.id))


def shortest_path(
    kg: KnowledgeGraph,
    source: ActorRef,
    target: ActorRef,
    *,
    predicates: Iterable[str] | None = None,
) -> list[Step] | None:
    """The fewest edges linking two actors, whatever the edges' direction; None if none.

    Each step is the edge between two consecutive actors (the best-sourced one when there
    are several), in its own direction. ``predicates`` limits the edges used.

    >>> g = graph_from_triples([
    ...     ("United States", "accuses", "ISIS-K"),
    ...     ("Russia", "accuses", "Ukraine"),
    ...     ("United States", "denies", "Russia"),
    ... ])
    >>> [str(step) for step in shortest_path(g, "Russia", "ISIS-K")]
    ['United States -denies-> Russia', 'United States -accuses-> ISIS-K']
    >>> shortest_path(g, "Russia", "ISIS-K", predicates={"accuses"}) is None
    True
    """
    start, end = resolve(kg, source), resolve(kg, target)
    wanted = set(predicates) if predicates is not None else None
    graph = nx.MultiGraph()
    for edge in kg.edges():
        if wanted is None or edge.predicate in wanted:
            graph.add_edge(edge.subject, edge.object, edge=edge)
    try:
        nodes = nx.shortest_path(graph, start.id, end.id)
    except (nx.NodeNotFound, nx.NetworkXNoPath):
        return None
    steps = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        edge = min(
            (data["edge"] for data in graph[u][v].values()),
            key=lambda e: (-e.sources, e.predicate, e.subject),
        )
        steps.append(_step(kg, edge))
    return steps


def _step(kg: KnowledgeGraph, edge: Edge) -> Step:
    claims = edge.positive
    return Step(
        _actor_of(kg, edge.subject, claims),
        edge.predicate,
        _actor_of(kg, edge.object, claims),
        edge.sources,
        tuple(claims),
    )


def ego_network(kg: KnowledgeGraph, actor: ActorRef, radius: int = 1) -> nx.MultiDiGraph:
    """The part of ``kg.to_networkx()`` within ``radius`` edges of ``actor`` (any direction).

    >>> g = graph_from_triples([
    ...     ("Tajikistan", "member_of", "CSTO"),
    ...     ("Russia", "accuses", "Tajikistan"),
    ...     ("Russia", "conflict_with", "Ukraine"),
    ... ], types={"CSTO": "IGO"})
    >>> sorted(ego_network(g, "Tajikistan").nodes(data="label"))
    [('igo:csto', 'CSTO'), ('state:russia', 'Russia'), ('state:tajikistan', 'Tajikistan')]
    >>> ego_network(g, "Tajikistan", radius=2).number_of_nodes()
    4
    """
    me = resolve(kg, actor)
    graph = kg.to_networkx()
    if me.id not in graph:
        lone = nx.MultiDiGraph()
        lone.add_node(me.id, label=me.label, type=me.type, wikidata=me.wikidata, iso3=me.iso3)
        return lone
    return nx.ego_graph(graph, me.id, radius=radius, undirected=True)


def claims_over_time(
    kg: KnowledgeGraph,
    *,
    period: str = "day",
    predicate: str | None = None,
    undated: bool = False,
) -> dict[str | None, Counter[str]]:
    """Claims per document date: {date: Counter(predicate -> claims)}, oldest first.

    ``period`` is "day", "month" or "year" (dates are cut to ``YYYY-MM-DD``, ``YYYY-MM``,
    ``YYYY``). Claims of undated documents are left out, or counted under None (last)
    with ``undated=True``.

    >>> g = graph_from_triples([
    ...     ("Russia", "accuses", "Ukraine", {"doc": "a", "date": "2024-03-23"}),
    ...     ("Ukraine", "denies", "Russia", {"doc": "a"}),
    ...     ("Russia", "accuses", "Ukraine", {"doc": "b", "date": "2024-04-02"}),
    ...     ("Russia", "accuses", "Ukraine", {"doc": "c"}),
    ... ])
    >>> {date: dict(counts) for date, counts in claims_over_time(g, period="month").items()}
    {'2024-03': {'accuses': 1, 'denies': 1}, '2024-04': {'accuses': 1}}
    >>> {d: c.total() for d, c in claims_over_time(g, predicate="accuses", undated=True).items()}
    {'2024-03-23': 1, '2024-04-02': 1, None: 1}
    """
    if period not in _PERIODS:
        raise ValueError(f"unknown period {period!r}: choose one of {', '.join(_PERIODS)}")
    counts: dict[str | None, Counter[str]] = defaultdict(Counter)
    for claim in kg.claims:
        if predicate is not None and claim.predicate != predicate:
            continue
        date = kg.documents.get(claim.doc, {}).get("date") or claim.source.get("date")
        if date is None and not undated:
            continue
        key = str(date)[: _PERIODS[period]] if date else None
        counts[key][claim.predicate] += 1
    return dict(sorted(counts.items(), key=lambda item: (item[0] is None, item[0] or "")))


def _actor_of(kg: KnowledgeGraph, actor_id: str, claims: Iterable[Claim]) -> Actor:
    if actor_id in kg.actors:
        return kg.actors[actor_id].actor
    for claim in claims:
        for actor in (claim.subject, claim.object):
            if actor is not None and actor.id == actor_id:
                return actor
    raise KeyError(actor_id)
