"""RDF export: actors, relations, cited claims and documents in the kg-news ontology.

:func:`iter_quads` is the builder: it reads a :class:`~kg.graph.KnowledgeGraph` and yields
pyoxigraph quads in a stable order. :func:`to_rdf` and :func:`to_rdf_dataset` collect them into
rdflib objects for small graphs; :func:`write_rdf` streams them through pyoxigraph's
serializers (about 1M triples in a few seconds, see ``docs/performance.md``).

What is written (``ontology/kg.ttl`` declares every term):

- each actor: ``rdf:type`` its class and ``kgo:Actor``, ``rdfs:label``, ``kgo:iso3``,
  ``owl:sameAs`` its Wikidata entity;
- a direct triple ``actor kgo:accuses actor`` for each (subject, predicate, object) that at
  least one non-negated, unhedged claim states (symmetric predicates in both directions);
- each claim as a ``kgo:Claim`` node with its qualifiers, ``prov:wasDerivedFrom`` its
  document, ``kgo:rebuts`` the accusation a denial answers, and ``kgo:evidence``: a Web
  Annotation ``oa:SpecificResource`` with a ``oa:TextQuoteSelector`` and a
  ``oa:TextPositionSelector``;
- each document with Dublin Core metadata.

IRIs derive from the ids of actors, claims and documents only, so a corpus exports to the same
IRIs every time. In TriG each document's claims and metadata go to the named graph
``{base}graph/{doc id}``; actors and direct triples stay in the default graph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.claims import SYMMETRIC_PREDICATES, Claim, answered_accusation, link_denials
from kg.graph import KnowledgeGraph
from kg.namespace import ACTOR_CLASSES, DEFAULT_BASE, KGO, OA, PREDICATE_TERMS, WD

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "Iris",
    "iter_quads",
    "rebuttals",
    "to_rdf",
    "to_rdf_dataset",
    "write_rdf",
]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}
QUOTE_CONTEXT = 32  # characters of text kept before and after a quote (oa:prefix, oa:suffix)

VOCAB_PREFIXES = {
    "kgo": str(KGO),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "skos": str(SKOS),
    "wd": str(WD),
}
_PREFIX_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
_WIKIDATA_ID = re.compile(r"^Q[0-9]+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def _node(term: Any) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_TYPE = _node(RDF.type)
_LABEL = _node(RDFS.label)
_SAME_AS = _node(OWL.sameAs)
_ACTOR = _node(KGO.Actor)
_CLAIM = _node(KGO.Claim)
_DOCUMENT = _node(KGO.Document)
_K = {name: _node(KGO[name]) for name in (
    "subject", "predicate", "object", "about", "status", "hedged", "negated", "attributedTo",
    "rebuts", "trigger", "confidence", "rule", "evidence", "iso3",
)}  # fmt: skip
_PREDICATES = {name: _node(term) for name, term in PREDICATE_TERMS.items()}
_CLASSES = {name: _node(term) for name, term in ACTOR_CLASSES.items()}
_DERIVED_FROM = _node(PROV.wasDerivedFrom)
_SPECIFIC_RESOURCE = _node(OA.SpecificResource)
_HAS_SOURCE = _node(OA.hasSource)
_HAS_SELECTOR = _node(OA.hasSelector)
_QUOTE_SELECTOR = _node(OA.TextQuoteSelector)
_POSITION_SELECTOR = _node(OA.TextPositionSelector)
_EXACT, _PREFIX, _SUFFIX = _node(OA.exact), _node(OA.prefix), _node(OA.suffix)
_START, _END = _node(OA.start), _node(OA.end)
_DC = {name: _node(DCTERMS[name]) for name in (
    "identifier", "title", "publisher", "creator", "date", "source",
)}  # fmt: skip
_XSD_BOOLEAN = _node(XSD.boolean)
_XSD_DECIMAL = _node(XSD.decimal)
_XSD_NNI = _node(XSD.nonNegativeInteger)
_XSD_DATE = _node(XSD.date)
_XSD_DATETIME = _node(XSD.dateTime)
_TRUE = ox.Literal("true", datatype=_XSD_BOOLEAN)
_FALSE = ox.Literal("false", datatype=_XSD_BOOLEAN)
_DEFAULT = ox.DefaultGraph()


class Iris:
    """The IRIs of a corpus's resources under one base IRI.

    >>> iris = Iris("https://example.org/kg/")
    >>> iris.actor("state:RUS")
    'https://example.org/kg/actor/state/RUS'
    >>> iris.actor("person:jean-yves le drian")
    'https://example.org/kg/actor/person/jean-yves%20le%20drian'
    >>> iris.claim("c0123456789abcdef"), iris.document("000_af2f28101dcae940")
    ('https://example.org/kg/claim/c0123456789abcdef', 'https://example.org/kg/doc/000_af2f28101dcae940')
    """

    def __init__(self, base: str = DEFAULT_BASE):
        if not base.endswith(("/", "#")):
            raise ValueError(f"base IRI {base!r} must end with '/' or '#'")
        try:
            ox.NamedNode(base)
        except ValueError:
            raise ValueError(f"base IRI {base!r} is not an absolute IRI") from None
        if ":" not in base.split("/", 1)[0]:
            raise ValueError(f"base IRI {base!r} is not an absolute IRI")
        self.base = base

    def actor(self, actor_id: str) -> str:
        """``kind:slug`` -> ``{base}actor/kind/slug`` (each part percent-encoded)."""
        kind, sep, rest = actor_id.partition(":")
        if not sep:
            return f"{self.base}actor/{_segment(actor_id)}"
        return f"{self.base}actor/{_segment(kind)}/{_segment(rest)}"

    def claim(self, claim_id: str) -> str:
        return f"{self.base}claim/{_segment(claim_id)}"

    def document(self, doc_id: str) -> str:
        return f"{self.base}doc/{_segment(doc_id)}"

    def graph(self, doc_id: str) -> str:
        """The named graph holding a document's metadata and claims (TriG)."""
        return f"{self.base}graph/{_segment(doc_id)}"

    def prefixes(self, actor_kinds: Iterable[str] = ()) -> dict[str, str]:
        """Prefixes for Turtle/TriG: vocabularies, ``claim:``, ``doc:`` and one per actor kind."""
        prefixes = dict(VOCAB_PREFIXES)
        prefixes.update({"claim": f"{self.base}claim/", "doc": f"{self.base}doc/"})
        for kind in sorted(set(actor_kinds)):
            if _PREFIX_NAME.match(kind) and kind not in prefixes:
                prefixes[kind] = f"{self.base}actor/{kind}/"
        return prefixes


def _segment(text: str) -> str:
    # Unreserved characters stay; everything else (including "/", ":" and "#") is encoded,
    # so distinct ids always give distinct IRIs.
    return quote(text, safe="") or "_"


# -- the builder ----------------------------------------------------------------------------


def rebuttals(claims: Iterable[Claim]) -> dict[str, str]:
    """Denial claim id -> id of the accusation claim it answers.

    The project's rule (:func:`kg.claims.link_denials` and
    :func:`kg.claims.answered_accusation`): a denial by D answers an accusation "A accuses D",
    with A the accuser the denial names; a denial naming no accuser gets the accuser
    ``link_denials`` finds. The same document is searched first (the last accusation before
    the denial, else the first after it), then the corpus. Negated claims neither rebut nor
    are rebutted. Accusations are indexed by target, so this stays linear in practice.
    """
    claims = list(claims)
    against: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.predicate == "accuses" and not claim.negated and claim.object is not None:
            against[claim.object.id].append(claim)
    links: dict[str, str] = {}
    for denial in claims:
        if denial.predicate != "denies" or denial.negated:
            continue
        pool = against.get(denial.subject.id)
        if not pool:
            continue
        if denial.object is None:
            denial = link_denials([*pool, denial])[-1]
            if denial.object is None:
                continue
        accuser = denial.object.id
        answered = answered_accusation(denial, [a for a in pool if a.subject.id == accuser])
        if answered is not None:
            links[denial.id] = answered.id
    return links


def iter_quads(kg: KnowledgeGraph, base_iri: str = DEFAULT_BASE) -> Iterator[ox.Quad]:
    """The RDF of ``kg`` as pyoxigraph quads, in a stable order (grouped by subject).

    Actors and direct relation triples are in the default graph; each document's metadata
    and claims in the named graph ``Iris.graph(doc_id)``.
    """
    for s, p, o, g in _statements(kg, Iris(base_iri)):
        yield ox.Quad(s, p, o, g)


def _statements(kg: KnowledgeGraph, iris: Iris) -> Iterator[tuple]:
    actors = _all_actors(kg)
    actor_nodes = {actor_id: ox.NamedNode(iris.actor(actor_id)) for actor_id in actors}

    relations: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for edge in kg.edges():
        if edge.hedged:  # every positive claim is hedged
            continue
        relations[edge.subject].add((edge.predicate, edge.object))
        if edge.predicate in SYMMETRIC_PREDICATES:
            relations[edge.object].add((edge.predicate, edge.subject))

    for actor_id, actor in actors.items():
        node = actor_nodes[actor_id]
        cls = _CLASSES.get(actor.type)
        if cls is not None:
            yield node, _TYPE, cls, _DEFAULT
        yield node, _TYPE, _ACTOR, _DEFAULT
        yield node, _LABEL, ox.Literal(actor.label or actor_id), _DEFAULT
        if actor.iso3 and _ISO3.match(actor.iso3):
            yield node, _K["iso3"], ox.Literal(actor.iso3), _DEFAULT
        if actor.wikidata and _WIKIDATA_ID.match(actor.wikidata):
            yield node, _SAME_AS, ox.NamedNode(f"{WD}{actor.wikidata}"), _DEFAULT
        for predicate, obj in sorted(relations.get(actor_id, ())):
            yield node, _PREDICATES[predicate], actor_nodes[obj], _DEFAULT

    documents = _all_documents(kg)
    claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in kg.claims:
        claims_by_doc[claim.doc].append(claim)
    rebutted = rebuttals(kg.claims)

    for doc_id, meta in documents.items():
        graph = ox.NamedNode(iris.graph(doc_id))
        doc_node = ox.NamedNode(iris.document(doc_id))
        yield from ((s, p, o, graph) for s, p, o in _document(doc_node, doc_id, meta))
        text = meta.get("text")
        contexts = meta.get("contexts") or {}
        for claim in claims_by_doc.get(doc_id, ()):
            context = contexts.get(claim.id)
            for s, p, o in _claim(claim, iris, doc_node, actor_nodes, text, rebutted, context):
                yield s, p, o, graph


def _document(node: ox.NamedNode, doc_id: str, meta: dict) -> Iterator[tuple]:
    yield node, _TYPE, _DOCUMENT
    yield node, _DC["identifier"], ox.Literal(doc_id)
    for key, prop in (("title", "title"), ("publisher", "publisher"), ("author", "creator")):
        value = meta.get(key)
        if value:
            yield node, _DC[prop], ox.Literal(str(value))
    date = meta.get("date")
    if date:
        yield node, _DC["date"], _date_literal(str(date))
    url = _url_node(meta.get("url"))
    if url is not None:
        yield node, _DC["source"], url


def _claim(
    claim: Claim,
    iris: Iris,
    doc_node: ox.NamedNode,
    actor_nodes: dict[str, ox.NamedNode],
    text: str | None,
    rebutted: dict[str, str],
    context: list[str] | None = None,
) -> Iterator[tuple]:
    iri = iris.claim(claim.id)
    node = ox.NamedNode(iri)
    evidence = ox.NamedNode(iri + "#evidence")
    quote_node = ox.NamedNode(iri + "#quote")
    position = ox.NamedNode(iri + "#position")

    yield node, _TYPE, _CLAIM
    yield node, _K["subject"], actor_nodes[claim.subject.id]
    yield node, _K["predicate"], _PREDICATES[claim.predicate]
    if claim.object is not None:
        yield node, _K["object"], actor_nodes[claim.object.id]
    if claim.attributed_to is not None:
        yield node, _K["attributedTo"], actor_nodes[claim.attributed_to.id]
    if claim.about:
        yield node, _K["about"], ox.Literal(claim.about)
    if claim.status:
        yield node, _K["status"], ox.Literal(claim.status)
    yield node, _K["hedged"], _TRUE if claim.hedged else _FALSE
    yield node, _K["negated"], _TRUE if claim.negated else _FALSE
    if claim.trigger:
        yield node, _K["trigger"], ox.Literal(claim.trigger)
    yield node, _K["confidence"], ox.Literal(_decimal(claim.confidence), datatype=_XSD_DECIMAL)
    if claim.rule:
        yield node, _K["rule"], ox.Literal(claim.rule)
    yield node, _DERIVED_FROM, doc_node
    if claim.id in rebutted:
        yield node, _K["rebuts"], ox.NamedNode(iris.claim(rebutted[claim.id]))
    yield node, _K["evidence"], evidence

    yield evidence, _TYPE, _SPECIFIC_RESOURCE
    yield evidence, _HAS_SOURCE, doc_node
    yield evidence, _HAS_SELECTOR, quote_node
    yield evidence, _HAS_SELECTOR, position

    yield quote_node, _TYPE, _QUOTE_SELECTOR
    yield quote_node, _EXACT, ox.Literal(claim.sentence)
    before = after = ""
    if text is not None and text[claim.start : claim.end] == claim.sentence:
        before = text[max(0, claim.start - QUOTE_CONTEXT) : claim.start]
        after = text[claim.end : claim.end + QUOTE_CONTEXT]
    elif context is not None:
        before, after = context
    if before or after:
        if before:
            yield quote_node, _PREFIX, ox.Literal(before)
        if after:
            yield quote_node, _SUFFIX, ox.Literal(after)

    yield position, _TYPE, _POSITION_SELECTOR
    yield position, _START, ox.Literal(str(claim.start), datatype=_XSD_NNI)
    yield position, _END, ox.Literal(str(claim.end), datatype=_XSD_NNI)


def _all_actors(kg: KnowledgeGraph) -> dict:
    """Actors of the graph's records plus any that only appear in claims, sorted by id."""
    actors = {actor_id: record.actor for actor_id, record in kg.actors.items()}
    for claim in kg.claims:
        for actor in (claim.subject, claim.object, claim.attributed_to):
            if actor is not None and actor.id not in actors:
                actors[actor.id] = actor
    return dict(sorted(actors.items()))


def _all_documents(kg: KnowledgeGraph) -> dict[str, dict]:
    """Documents of the graph plus those only known from their claims' citations."""
    documents = {doc_id: dict(meta) for doc_id, meta in kg.documents.items()}
    for claim in kg.claims:
        if claim.doc not in documents:
            documents[claim.doc] = {"id": claim.doc, **(claim.source or {})}
    return dict(sorted(documents.items()))


def _decimal(value: float) -> str:
    """Canonical xsd:decimal lexical form, three decimals at most: 0.85, 1.0, 0.0."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _date_literal(value: str) -> ox.Literal:
    if _DATE.match(value):
        return ox.Literal(value, datatype=_XSD_DATE)
    if _DATETIME.match(value):
        return ox.Literal(value, datatype=_XSD_DATETIME)
    return ox.Literal(value)


def _url_node(url: object) -> ox.NamedNode | None:
    if not isinstance(url, str) or not re.match(r"^https?://", url.strip()):
        return None
    safe = quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")
    try:
        return ox.NamedNode(safe)
    except ValueError:
        return None


# -- rdflib views ---------------------------------------------------------------------------


def to_rdf(kg: KnowledgeGraph, base_iri: str = DEFAULT_BASE) -> rdflib.Graph:
    """All statements in one rdflib Graph (named graphs merged), prefixes bound."""
    iris = Iris(base_iri)
    graph = rdflib.Graph()
    _bind(graph, iris, kg)
    add = graph.add
    for s, p, o, _ in _statements(kg, iris):
        add((_rdflib(s), _rdflib(p), _rdflib(o)))
    return graph


def to_rdf_dataset(kg: KnowledgeGraph, base_iri: str = DEFAULT_BASE) -> rdflib.Dataset:
    """An rdflib Dataset with a named graph per document (as written in TriG)."""
    iris = Iris(base_iri)
    dataset = rdflib.Dataset()
    _bind(dataset, iris, kg)
    for s, p, o, g in _statements(kg, iris):
        context = None if isinstance(g, ox.DefaultGraph) else rdflib.URIRef(g.value)
        dataset.add((_rdflib(s), _rdflib(p), _rdflib(o), context))
    return dataset


def _bind(graph: rdflib.Graph, iris: Iris, kg: KnowledgeGraph) -> None:
    for prefix, namespace in iris.prefixes(_actor_kinds(kg)).items():
        graph.bind(prefix, rdflib.Namespace(namespace), override=True, replace=True)


def _rdflib(term: ox.NamedNode | ox.Literal) -> rdflib.term.Identifier:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.string):
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))


def _actor_kinds(kg: KnowledgeGraph) -> set[str]:
    return {actor_id.partition(":")[0] for actor_id in _all_actors(kg) if ":" in actor_id}


# -- the writer -----------------------------------------------------------------------------


def write_rdf(
    kg: KnowledgeGraph,
    path: str | Path,
    fmt: str = "turtle",
    base_iri: str = DEFAULT_BASE,
) -> int:
    """Write ``kg`` as ``fmt`` ("turtle", "nt", "trig" or "json-ld"); return the statement count.

    Streams statements to the file: memory stays flat and a million triples take seconds.
    Only TriG keeps the per-document named graphs; the other formats merge them. JSON-LD is
    written in expanded form (full IRIs, no ``@context``): any JSON-LD processor compacts it.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}: choose one of {', '.join(FORMATS)}")
    iris = Iris(base_iri)
    rdf_format = FORMATS[fmt]
    count = 0

    def counted(items: Iterator) -> Iterator:
        nonlocal count
        for item in items:
            count += 1
            yield item

    statements = _statements(kg, iris)
    if fmt == "trig":
        items: Iterator = (ox.Quad(s, p, o, g) for s, p, o, g in statements)
    else:
        items = (ox.Triple(s, p, o) for s, p, o, _ in statements)
    prefixes = iris.prefixes(_actor_kinds(kg)) if fmt in ("turtle", "trig") else None
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        ox.serialize(counted(items), fh, rdf_format, prefixes=prefixes)
    return count
