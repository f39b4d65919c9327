"""Dependency labels through one mapping.

Relation and linking rules never name a dependency label directly: they ask a
:class:`Syntax` for subjects, objects, prepositional objects and so on. A label scheme
(Universal Dependencies as produced by kg's own pipeline, or the ClearNLP labels of
spaCy's ``en_core_web_*`` pipelines) is one entry of :data:`SCHEMES`; adding another
scheme means adding one entry there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Scheme:
    name: str
    subject: frozenset[str]
    passive_subject: frozenset[str]
    object: frozenset[str]
    second_object: frozenset[str]
    oblique: frozenset[str]  # prepositional phrase attached to a verb or noun
    case: frozenset[str]  # the preposition inside an oblique (UD) or the prep itself (Clear)
    prep_object: frozenset[str]
    agent: frozenset[str]
    complement: frozenset[str]
    open_complement: frozenset[str]
    adverbial_clause: frozenset[str]
    relative_clause: frozenset[str]
    clausal_modifier: frozenset[str]
    modifier: frozenset[str]  # amod, compound, nmod:poss ... of a noun
    possessive: frozenset[str]
    apposition: frozenset[str]
    conjunct: frozenset[str]
    negation: frozenset[str]
    auxiliary: frozenset[str]
    copula: frozenset[str]
    attribute: frozenset[str]
    flat_name: frozenset[str]
    marker: frozenset[str]


def _s(*labels: str) -> frozenset[str]:
    return frozenset(labels)


SCHEMES: dict[str, Scheme] = {
    "ud": Scheme(
        name="ud",
        subject=_s("nsubj", "csubj", "nsubj:outer"),
        passive_subject=_s("nsubj:pass", "csubj:pass"),
        object=_s("obj"),
        second_object=_s("iobj"),
        oblique=_s("obl", "nmod", "obl:npmod", "obl:tmod", "obl:agent"),
        case=_s("case"),
        prep_object=_s(),
        agent=_s("obl:agent"),
        complement=_s("ccomp"),
        open_complement=_s("xcomp"),
        adverbial_clause=_s("advcl"),
        relative_clause=_s("acl:relcl"),
        clausal_modifier=_s("acl"),
        modifier=_s("amod", "compound", "nmod:poss", "nmod", "flat", "nmod:npmod"),
        possessive=_s("nmod:poss"),
        apposition=_s("appos"),
        conjunct=_s("conj"),
        negation=_s("advmod", "det"),
        auxiliary=_s("aux", "aux:pass"),
        copula=_s("cop"),
        attribute=_s(),
        flat_name=_s("flat", "compound"),
        marker=_s("mark"),
    ),
    "clear": Scheme(
        name="clear",
        subject=_s("nsubj", "csubj", "expl"),
        passive_subject=_s("nsubjpass", "csubjpass"),
        object=_s("dobj"),
        second_object=_s("dative"),
        oblique=_s("prep"),
        case=_s(),
        prep_object=_s("pobj"),
        agent=_s("agent"),
        complement=_s("ccomp"),
        open_complement=_s("xcomp"),
        adverbial_clause=_s("advcl"),
        relative_clause=_s("relcl"),
        clausal_modifier=_s("acl"),
        modifier=_s("amod", "compound", "poss", "nmod", "npadvmod"),
        possessive=_s("poss"),
        apposition=_s("appos"),
        conjunct=_s("conj"),
        negation=_s("neg", "det"),
        auxiliary=_s("aux", "auxpass"),
        copula=_s(),
        attribute=_s("attr", "acomp"),
        flat_name=_s("compound"),
        marker=_s("mark"),
    ),
}
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
# labels a parser sometimes gives a direct object (UD EWT 2.x has obl:unmarked)
OBJECT_LIKE = frozenset({"xcomp", "obl:unmarked", "obl:npmod", "nmod:unmarked", "obl:tmod"})


def detect_scheme(labels: set[str]) -> Scheme | None:
    """The scheme a parser's labels belong to, or None."""
    if not labels:
        return None
    if "dobj" in labels or "nsubjpass" in labels or "pobj" in labels:
        return SCHEMES["clear"]
    return SCHEMES["ud"]


class Syntax:
    """Questions about a parsed Doc in scheme-independent terms."""

    def __init__(self, scheme: Scheme | None):
        self.scheme = scheme

    @property
    def parsed(self) -> bool:
        return self.scheme is not None

    # -- arguments of a predicate ------------------------------------------------------
    def subjects(self, verb: Token, passive: bool = False) -> list[Token]:
        if self.scheme is None:
            return []
        labels = self.scheme.passive_subject if passive else self.scheme.subject
        found = [c for c in verb.children if c.dep_ in labels]
        if not found and not passive:
            # "X came and said ..." / "X is trying to link": climb shared-subject chains
            head = verb
            while (
                head.dep_ in (self.scheme.conjunct | self.scheme.open_complement)
                and head.head.i != head.i
            ):
                head = head.head
                found = [c for c in head.children if c.dep_ in labels]
                if found:
                    break
        return self.expand(found)

    def all_subjects(self, verb: Token) -> list[Token]:
        return self.subjects(verb) or self.subjects(verb, passive=True)

    def objects(self, verb: Token) -> list[Token]:
        if self.scheme is None:
            return []
        found = [c for c in verb.children if c.dep_ in self.scheme.object]
        if not found and verb.pos_ in ("VERB", "AUX"):
            found = [c for c in verb.children if self.object_like(c)]
        return self.expand(found)

    def object_like(self, token: Token) -> bool:
        """A bare noun phrase after a verb under another label ("accused Ukraine" parsed as
        xcomp, "blamed Kyiv" as obl:unmarked): a direct object for the rules."""
        return (
            token.dep_ in OBJECT_LIKE
            and token.pos_ in ("PROPN", "NOUN", "PRON")
            and token.i > token.head.i
            and not any(c.dep_ in self.scheme.case | {"case", "mark"} for c in token.children)
        )

    def second_objects(self, verb: Token) -> list[Token]:
        if self.scheme is None:
            return []
        return self.expand([c for c in verb.children if c.dep_ in self.scheme.second_object])

    def prep_objects(
        self, head: Token, preps: frozenset[str] | set[str] | None = None
    ) -> list[tuple[str, Token]]:
        """(preposition, object) pairs of the prepositional phrases attached to ``head``."""
        if self.scheme is None:
            return []
        pairs: list[tuple[str, Token]] = []
        for child in head.children:
            if child.dep_ not in self.scheme.oblique:
                continue
            if self.scheme.case:
                case = [c for c in child.children if c.dep_ in self.scheme.case]
                if not case:
                    continue
                prep = " ".join(c.lower_ for c in case)
                if preps is None or prep in preps:
                    pairs.extend((prep, t) for t in self.expand([child]))
            else:
                prep = child.lower_
                if preps is None or prep in preps:
                    objs = [c for c in child.children if c.dep_ in self.scheme.prep_object]
                    pairs.extend((prep, t) for t in self.expand(objs))
        return pairs

    def agents(self, verb: Token) -> list[Token]:
        if self.scheme is None:
            return []
        if self.scheme.name == "clear":
            return self.expand(
                [
                    g
                    for a in verb.children
                    if a.dep_ in self.scheme.agent
                    for g in a.children
                    if g.dep_ == "pobj"
                ]
            )
        return [t for _, t in self.prep_objects(verb, {"by"})]

    def complements(self, verb: Token) -> list[Token]:
        if self.scheme is None:
            return []
        labels = self.scheme.complement | self.scheme.open_complement
        return [c for c in verb.children if c.dep_ in labels]

    def clausal_children(self, verb: Token) -> list[Token]:
        if self.scheme is None:
            return []
        labels = (
            self.scheme.complement
            | self.scheme.open_complement
            | self.scheme.adverbial_clause
            | self.scheme.conjunct
        )
        return [
            c
            for c in verb.children
            if c.dep_ in labels and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")
        ]

    def that_clauses(self, token: Token, labels: frozenset[str]) -> list[Token]:
        """Children of ``token`` under one of ``labels`` that are clauses marked by "that"."""
        if self.scheme is None:
            return []
        return [
            c
            for c in token.children
            if c.dep_ in labels
            and any(m.lower_ == "that" and m.dep_ in self.scheme.marker for m in c.children)
        ]

    def is_relative_clause(self, verb: Token) -> bool:
        return self.scheme is not None and verb.dep_ in self.scheme.relative_clause

    def is_passive(self, verb: Token) -> bool:
        if self.scheme is None:
            return False
        return any(c.dep_ in self.scheme.passive_subject for c in verb.children) or any(
            c.dep_ in ("aux:pass", "auxpass") for c in verb.children
        )

    def negated(self, verb: Token) -> bool:
        """True when ``verb`` itself is negated ("does not accuse", "did not deny", "neither
        confirmed nor denied")."""
        for child in verb.children:
            if child.lower_ in ("not", "n't", "never") and child.i < verb.i + 2:
                return True
            if child.lower_ in ("nor", "neither") and child.i < verb.i:
                return True
        return False

    def appositions(self, token: Token) -> list[Token]:
        if self.scheme is None:
            return []
        return [c for c in token.children if c.dep_ in self.scheme.apposition]

    def possessor(self, token: Token) -> Token | None:
        if self.scheme is None:
            return None
        for child in token.children:
            if child.dep_ in self.scheme.possessive:
                return child
        return None

    def modifiers(self, token: Token) -> list[Token]:
        if self.scheme is None:
            return []
        return [c for c in token.children if c.dep_ in self.scheme.modifier]

    def expand(self, tokens: list[Token]) -> list[Token]:
        """Add coordinated tokens: "Kyrgyzstan and Tajikistan" -> both."""
        out: list[Token] = []
        for token in tokens:
            out.extend(self.conjuncts(token))
        return out

    def conjuncts(self, token: Token) -> list[Token]:
        out = [token]
        if self.scheme is None:
            return out
        stack = [token]
        while stack:
            current = stack.pop()
            for child in current.children:
                if child.dep_ in self.scheme.conjunct and child not in out:
                    out.append(child)
                    stack.append(child)
        return out

    # -- linking questions --------------------------------------------------------------
    def modified_noun(self, token: Token) -> Token | None:
        """The noun ``token`` modifies ("Russian" in "Russian pilots" -> "pilots")."""
        if self.scheme is not None:
            current = token
            while current.dep_ in self.scheme.modifier and current.head.i != current.i:
                current = current.head
                if current.pos_ in ("NOUN", "PROPN"):
                    return current
            return None
        for nxt in token.doc[token.i + 1 : token.i + 3]:
            if nxt.is_alpha and nxt.is_lower:
                return nxt
        return None

    def acts(self, span: Span) -> bool:
        """True when the entity is an agent: a subject, a possessor, or coordinated with one."""
        root = span.root
        if self.scheme is None:
            if not span.doc.has_annotation("TAG") and not span.doc.has_annotation("POS"):
                return True  # nothing to tell a place from an actor: the ruler's word stands
            nxt = span.doc[span.end] if span.end < len(span.doc) else None
            return nxt is not None and (nxt.text in ("'s", "’s") or nxt.pos_ in ("VERB", "AUX"))
        labels = self.scheme.subject | self.scheme.passive_subject | self.scheme.possessive
        current = root
        while current.dep_ in self.scheme.conjunct and current.head.i != current.i:
            current = current.head
        if current.dep_ in labels:
            return True
        return (
            bool(self.scheme.agent)
            and current.dep_ in self.scheme.agent
            or (
                current.dep_ in self.scheme.prep_object | self.scheme.oblique
                and any(c.lower_ == "by" for c in current.children)
            )
        )

    def attachment(self, token: Token) -> tuple[str, Token] | None:
        """(preposition, head) when ``token`` is the object of a prepositional phrase:
        "Moscow" in "the summit in Moscow" -> ("in", summit)."""
        if self.scheme is None:
            return None
        if self.scheme.case:
            if token.dep_ not in self.scheme.oblique:
                return None
            case = [c for c in token.children if c.dep_ in self.scheme.case]
            if not case:
                return None
            return " ".join(c.lower_ for c in case), token.head
        if token.dep_ in self.scheme.prep_object and token.head.dep_ in self.scheme.oblique:
            return token.head.lower_, token.head.head
        return None

    def is_object(self, token: Token) -> bool:
        """True when ``token`` is the direct object of a verb ("ISIS hit Moscow")."""
        if self.scheme is None:
            return False
        if token.dep_ in self.scheme.object:
            return True
        return token.head.pos_ in ("VERB", "AUX") and self.object_like(token)

    def is_subject(self, token: Token) -> bool:
        if self.scheme is None:
            return False
        return token.dep_ in self.scheme.subject | self.scheme.passive_subject

    def heads(self, token: Token) -> Iterator[Token]:
        current = token
        while current.head.i != current.i:
            current = current.head
            yield current


def syntax_for(doc: Doc) -> Syntax:
    """The Syntax of a Doc: its parser's scheme, or none when the Doc is not parsed."""
    if not doc.has_annotation("DEP"):
        return Syntax(None)
    strings = doc.vocab.strings
    labels = {strings[int(label)] for label in set(doc.to_array("DEP").tolist()) if label}
    return Syntax(detect_scheme(labels))
