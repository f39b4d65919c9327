"""The kg-news ontology's terms (``ontology/kg.ttl``) as an rdflib namespace.

``KGO`` is closed (``_fail = True``): a misspelt term raises ``AttributeError`` instead of
minting an undeclared IRI. Every term listed here is declared in ``ontology/kg.ttl``; the
tests check both directions.

>>> str(KGO.accuses)
'https://w3id.org/kg-news/ontology#accuses'
>>> KGO.accusez
Traceback (most recent call last):
...
AttributeError: term 'accusez' not in namespace 'https://w3id.org/kg-news/ontology#'
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology"
DEFAULT_BASE = "https://w3id.org/kg-news/id/"

# Web Annotation vocabulary and Wikidata entities (not in rdflib's bundled namespaces).
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")


class KGO(DefinedNamespace):
    """kg-news ontology: actors, cited claims and the documents they come from."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # Classes
    Actor: URIRef  # Someone who acts in international politics.
    State: URIRef
    IGO: URIRef  # Intergovernmental organisation.
    ArmedGroup: URIRef
    Person: URIRef
    Organization: URIRef
    Party: URIRef
    Media: URIRef
    Claim: URIRef  # One cited statement read in one sentence of one document.
    Document: URIRef  # A news article.

    # Relations between actors (one per predicate of kg.claims.PREDICATES)
    accuses: URIRef
    denies: URIRef
    claimsResponsibility: URIRef
    alliedWith: URIRef
    memberOf: URIRef
    leaderOf: URIRef
    criticizes: URIRef
    supports: URIRef
    conflictWith: URIRef

    # Claim qualifiers
    subject: URIRef
    predicate: URIRef
    object: URIRef
    about: URIRef
    status: URIRef
    hedged: URIRef
    negated: URIRef
    attributedTo: URIRef
    rebuts: URIRef
    trigger: URIRef
    confidence: URIRef
    rule: URIRef
    evidence: URIRef

    # Actor attributes
    iso3: URIRef


# Claim predicate (kg.claims.PREDICATES) -> ontology property.
PREDICATE_TERMS: dict[str, URIRef] = {
    "accuses": KGO.accuses,
    "denies": KGO.denies,
    "claims_responsibility": KGO.claimsResponsibility,
    "allied_with": KGO.alliedWith,
    "member_of": KGO.memberOf,
    "leader_of": KGO.leaderOf,
    "criticizes": KGO.criticizes,
    "supports": KGO.supports,
    "conflict_with": KGO.conflictWith,
}

# Actor type (kg.actors.ACTOR_TYPES) -> ontology class.
ACTOR_CLASSES: dict[str, URIRef] = {
    "State": KGO.State,
    "IGO": KGO.IGO,
    "ArmedGroup": KGO.ArmedGroup,
    "Person": KGO.Person,
    "Party": KGO.Party,
    "Organization": KGO.Organization,
    "Media": KGO.Media,
}
