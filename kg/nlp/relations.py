"""The relation extractor: sentences -> typed, directed, hedge- and negation-aware relations.

Rules read the dependency parse through :class:`kg.nlp.syntax.Syntax` (one mapping of
labels) and the cue lexicons of ``kg/data/relations.yaml``. Each rule has an id, recorded
on the relation with its trigger and a confidence. Results go to ``Doc._.kg_relations`` as
:class:`kg.claims.Relation` records in character offsets of the Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.actors import Actor, Gazetteer, load_gazetteer, new_actor
from kg.claims import Relation
from kg.nlp import extensions
from kg.nlp.actors import linking_cues
from kg.nlp.syntax import Syntax, syntax_for

extensions.register()

RELATIONS_NAME = "kg_relations"
NON_PARTY_TYPES = frozenset({"Media"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
PRONOUN_TYPES = {
    "it": ("State", "IGO", "ArmedGroup", "Organization", "Party"),
    "he": ("Person",),
    "she": ("Person",),
    "him": ("Person",),
    # plural: only a subject before it in the sentence or at the start of the last one
    # ("Mali, Burkina Faso and Niger said they would leave ECOWAS"), never the last mention
    "they": ("State", "IGO", "ArmedGroup", "Organization", "Party"),
    "them": ("State", "IGO", "ArmedGroup", "Organization", "Party"),
}
PLURAL_PRONOUNS = frozenset({"they", "them"})
PAIR_WORDS = frozenset({"two", "both"})  # "the two countries", "both sides"
_CONNECTORS = frozenset({"of", "on", "for", "under", "and", "the", "'s", "’s", "-", "&"})


@dataclass(frozen=True, eq=False)  # hashed by identity: one cue set, cached
class Cues:
    lists: dict[str, frozenset[str]]
    member_status: dict[str, frozenset[str]]
    nominal_predicates: dict[str, str]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise AttributeError(name) from None


@lru_cache(maxsize=1)
def relation_cues() -> Cues:
    raw = yaml.safe_load(resources.files("kg.data").joinpath("relations.yaml").read_text("utf-8"))
    status = {k: frozenset(v) for k, v in raw.pop("member_status").items()}
    nominal = {str(k): str(v) for k, v in raw.pop("nominal_predicates").items()}
    lists = {k: frozenset(str(x).lower() for x in v) for k, v in raw.items()}
    return Cues(lists, status, nominal)


@Language.factory(
    RELATIONS_NAME,
    requires=["doc._.kg_mentions"],
    assigns=["doc._.kg_relations"],
    default_config={"gazetteer_path": None},
)
def make_relation_extractor(nlp: Language, name: str, gazetteer_path: str | None):
    return RelationExtractor(gazetteer_path)


class RelationExtractor:
    def __init__(self, gazetteer_path: str | None = None):
        self.cues = relation_cues()
        self.gazetteer_path = gazetteer_path

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.kg_mentions:
            doc._.kg_relations = []
            return doc
        ctx = Context(doc, syntax_for(doc), self.cues, load_gazetteer(self.gazetteer_path))
        found: list[Relation] = []
        if ctx.syntax.parsed:
            for sent in doc.sents:
                found.extend(ctx.sentence(sent))
        seen: dict[tuple, Relation] = {}
        for rel in found:
            key = (rel.predicate, rel.subject, rel.object, rel.sent_start, rel.negated)
            if key not in seen or seen[key].confidence < rel.confidence:
                seen[key] = rel
        doc._.kg_relations = sorted(
            seen.values(), key=lambda r: (r.sent_start, r.predicate, r.subject, r.object or "")
        )
        return doc


_RELATIVE_PRONOUNS = frozenset({"which", "what"})


@dataclass
class Context:
    """Per-document state of the extractor."""

    doc: Doc
    syntax: Syntax
    cues: Cues
    gazetteer: Gazetteer
    token_actor: dict[int, str] = field(default_factory=dict)
    mention_tokens: list[tuple[int, int, str]] = field(default_factory=list)
    sent_index: dict[int, int] = field(default_factory=dict)
    sents: list[Span] = field(default_factory=list)
    _quotes: list[tuple[int, int, list[str]]] | None = None
    _authors: dict[int, list[tuple[str, Token]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.linking = linking_cues()  # role words, state and governing bodies
        self.actors: dict[str, Actor] = self.doc._.kg_actors or {}
        for mention in self.doc._.kg_mentions or []:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            self.mention_tokens.append((span.start, span.end, mention.actor))
            for token in span:
                self.token_actor[token.i] = mention.actor
        self.sents = (
            list(self.doc.sents) if self.doc.has_annotation("SENT_START") else [self.doc[:]]
        )
        for number, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_index[i] = number

    # -- actors of phrases ---------------------------------------------------------------
    def actor_type(self, actor_id: str) -> str:
        return self.actors[actor_id].type

    def actors_of(self, token: Token) -> list[str]:
        """Actors denoted by the phrase headed by ``token`` (coordination expanded)."""
        out: list[str] = []
        for t in self.syntax.conjuncts(token):
            for actor in self._actor_of_head(t):
                if actor not in out:
                    out.append(actor)
        # a list misparsed as appositions: "Mali, Burkina Faso and Niger" (not "the Islamic
        # State (ISIS), specifically its branch known as ISIS-K", which names one actor)
        if len(out) == 1 and token.i in self.token_actor and self._known_as(token) is None:
            kind = self.actor_type(out[0])
            for appos in self.syntax.appositions(token):
                linked = self.token_actor.get(appos.i)
                if linked is None or self.actor_type(linked) != kind:
                    continue
                for t in appos.subtree:
                    actor = self.token_actor.get(t.i)
                    if actor and self.actor_type(actor) == kind and actor not in out:
                        out.append(actor)
        return out

    def _actor_of_head(self, token: Token) -> list[str]:
        known_as = self._known_as(token)
        if known_as:
            return [known_as]
        if token.i in self.token_actor:
            return [self.token_actor[token.i]]
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and self.syntax.is_relative_clause(token.head):
            return self._actor_of_head(token.head.head)
        if lower in PRONOUN_TYPES or lower in POSSESSIVE_PRONOUNS:
            return self.antecedents(token)
        if lower in self.linking.person_roles or lower in self.cues.leader_titles:
            # "Iran's supreme leader Ali Khamenei accused ...": the person, not Iran
            for child in self.syntax.appositions(token):
                person = self.token_actor.get(child.i)
                if person is not None and self.actor_type(person) == "Person":
                    return [person]
        for child in token.children:
            if child.dep_ in self.syntax.scheme.modifier and child.i < token.i:
                if child.i in self.token_actor:
                    return [self.token_actor[child.i]]
                if child.lower_ in POSSESSIVE_PRONOUNS and token.lower_ in _AGENT_NOUNS:
                    found = self.antecedent(child)
                    return [found] if found else []
        for child in self.syntax.appositions(token):
            if child.i in self.token_actor:
                return [self.token_actor[child.i]]
        if lower in self.cues.pair_nouns and any(
            c.lower_ in PAIR_WORDS for c in token.children if c.i < token.i
        ):
            return self._last_pair(token)
        if lower in self.linking.governing_bodies:
            # "the junta in Bamako", "the military governments of Mali, Burkina Faso and Niger"
            return [
                a
                for _, t in self.syntax.prep_objects(token, {"in", "of"})
                for a in self.actors_of(t)
                if self.actor_type(a) == "State"
            ]
        return []

    def _named(self, token: Token) -> str | None:
        """The actor a token itself names (a relative pronoun: its antecedent), not one of
        its modifiers."""
        if token.lower_ in RELATIVE_PRONOUNS and self.syntax.is_relative_clause(token.head):
            token = token.head.head
        if token.i not in self.token_actor and token.lower_ in self.cues.org_head_nouns:
            # "the BRICS group", "the CSTO bloc": the name before the head noun
            for child in token.children:
                if child.i < token.i and child.i in self.token_actor:
                    return self.token_actor[child.i]
        return self.token_actor.get(token.i)

    def _last_pair(self, token: Token) -> list[str]:
        """ "the two countries", "both sides": the last two states named together, "A and B",
        in this sentence before the phrase or in the last few sentences."""
        doc = self.doc
        here = self.sent_index.get(token.i, 0)
        pairs = []
        for start, end, actor in self.mention_tokens:
            if start >= token.i or here - self.sent_index.get(start, 0) > 3:
                continue
            if self.actor_type(actor) != "State":
                continue
            k = end
            while k < len(doc) and doc[k].lower_ in ("and", "the"):
                k += 1
            other = self.token_actor.get(k)
            if (
                k > end
                and doc[end].lower_ == "and"
                and other is not None
                and other != actor
                and self.actor_type(other) == "State"
                and k < token.i
            ):
                pairs.append([actor, other])
        return pairs[-1] if pairs else []

    def _known_as(self, token: Token) -> str | None:
        for t in token.subtree:
            if t.lower_ in ("known", "called", "dubbed", "named") and t.i + 1 < len(self.doc):
                nxt = self.doc[t.i + 1]
                if nxt.lower_ == "as" and t.i + 2 < len(self.doc) and t.i + 2 in self.token_actor:
                    return self.token_actor[t.i + 2]
        return None

    def antecedent(self, pronoun: Token, exclude: Iterable[str] = ()) -> str | None:
        """The (first) actor a pronoun points back to."""
        found = self.antecedents(pronoun, exclude)
        return found[0] if found else None

    def antecedents(self, pronoun: Token, exclude: Iterable[str] = ()) -> list[str]:
        """The actors a pronoun points back to: the clause subject, the last sentence's
        subject, or (singular pronouns only) the last matching mention. A plural pronoun
        takes every actor of a coordinated subject."""
        base = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
        types = PRONOUN_TYPES.get(base)
        if types is None:
            return []
        plural = base in PLURAL_PRONOUNS
        exclude = set(exclude)

        def of_subject(subj: Token) -> list[str]:
            if subj.lower_ in PRONOUN_TYPES:
                return []
            actors = self.actors_of(subj) if plural else self._actor_of_head(subj)
            found = [a for a in actors if a not in exclude and self.actor_type(a) in types]
            if not plural:
                return found[:1]
            # "they" is a coordination of actors, a named group ("the Houthis said they ...")
            # or governments; not "CSTO members", whose actor is only a modifier
            named = subj.i in self.token_actor or subj.lower_ in self.linking.governing_bodies
            return found if len(found) > 1 or named else []

        # the subject of the clause the pronoun is in, when it comes first
        for head in [pronoun, *self.syntax.heads(pronoun)]:
            for subj in self.syntax.subjects(head) + self.syntax.subjects(head, passive=True):
                if subj.i < pronoun.i:
                    found = of_subject(subj)
                    if found:
                        return found
        here = self.sent_index.get(pronoun.i, 0)
        first_word = next((t.i for t in self.sents[here] if not t.is_space), pronoun.i)
        back = here - 1
        while back >= 0 and all(t.is_space for t in self.sents[back]):
            back -= 1  # paragraph breaks can be sentences of their own
        if pronoun.i == first_word and back >= 0:
            prev = self.sents[back]
            for subj in self.syntax.all_subjects(prev.root):
                found = of_subject(subj)
                if found:
                    return found
        if plural:
            return []
        best = None
        for start, _end, actor in self.mention_tokens:
            if start >= pronoun.i:
                break
            if (
                here - self.sent_index.get(start, 0) <= 2
                and actor not in exclude
                and self.actor_type(actor) in types
            ):
                best = actor
        return [best] if best else []

    def subject_actors(self, verb: Token, passive: bool = False) -> list[str]:
        """Actors of the subject of ``verb``.

        Without a subject of its own, a predicate takes the one of the clause it hangs
        from: through xcomp/advcl/conj/acl heads ("Russia is trying to link ...", "after
        criticizing it"), a noun's possessor ("Putin's desire to implicate ...") or the
        noun it modifies ("the Russian ministry, which hurried to deny ..."), up to the
        verb that governs that noun ("PACE adopted a resolution recognizing ...").
        """
        scheme = self.syntax.scheme
        climb = (
            {"parataxis"}
            | scheme.open_complement
            | scheme.adverbial_clause
            | scheme.conjunct
            | scheme.clausal_modifier
        )
        current = verb
        for _ in range(6):
            if current.pos_ in ("NOUN", "PROPN", "PRON") and current.i != verb.i:
                owner = self.syntax.possessor(current)
                if owner is not None:
                    return self.actors_of(owner)
                found = self.actors_of(current) if current.lower_ not in PRONOUN_TYPES else []
                if not found and current.pos_ == "NOUN":
                    found = self._set_off_person(current, verb)
                if found:
                    return found
                if current.head.i == current.i:
                    return []
                current = current.head
                continue
            subjects = self.syntax.subjects(current, passive=passive)
            if not subjects and current.i != verb.i:
                # "the US are compelled to make an alliance": the passive subject controls
                subjects = self.syntax.subjects(current, passive=True)
            if not subjects and not passive:
                subjects = self._misattached_subject(current)
            if subjects:
                found = []
                for s in subjects:
                    actors = self._fronted_person(s) or self.actors_of(s)
                    if not actors and s.pos_ == "NOUN":
                        actors = self._set_off_person(s, current)
                    found.extend(a for a in actors if a not in found)
                return found
            if current.dep_ not in climb or current.head.i == current.i:
                return []
            current = current.head
        return []

    def _misattached_subject(self, verb: Token) -> list[Token]:
        """ "While the Kremlin is trying ..., the Islamic State (ISIS) ... has claimed ...":
        the parser hung the main clause's subject on the subordinate verb as a conjunct or
        with a label no noun takes ("punct", "dep"), between that verb and ``verb``; it is
        the subject of ``verb``."""
        scheme = self.syntax.scheme
        for clause in verb.children:
            if clause.dep_ not in scheme.adverbial_clause or clause.i > verb.i:
                continue
            for c in clause.children:
                if (
                    (c.dep_ in scheme.conjunct or c.dep_ in ("punct", "dep"))
                    and c.pos_ in ("NOUN", "PROPN")
                    and clause.i < c.i < verb.i
                ):
                    return [c]
        return []

    def _set_off_person(self, noun: Token, verb: Token) -> list[str]:
        """ "The leader of Hezbollah, Hassan Nasrallah, blamed ...": a person's name set off by
        commas at the end of the subject phrase, right before the verb, names the subject noun
        when the parser hung the name on the noun's complement (as a conjunct or an apposition
        of "Hezbollah") instead of on the noun."""
        doc = self.doc
        k = verb.i - 1
        while k > noun.i and doc[k].pos_ in ("AUX", "ADV", "PART"):
            k -= 1  # "..., Hassan Nasrallah, has also blamed"
        if k <= noun.i or doc[k].text != ",":
            return []
        person = self.token_actor.get(k - 1)
        if person is None or self.actor_type(person) != "Person":
            return []
        start = k - 1
        while self.token_actor.get(start - 1) == person:
            start -= 1
        if start - 1 <= noun.i or doc[start - 1].text != ",":
            return []
        if not (noun.left_edge.i <= start - 1 and k - 1 <= noun.right_edge.i):
            return []
        return [person]

    def _fronted_person(self, subject: Token) -> list[str]:
        """The person of "Stanislav Pritchin, a senior researcher at the Center for ...
        Studies, was ..." when the parser made a word of the apposition the subject: the
        subject phrase opens with a person's name followed by a comma."""
        first = subject.left_edge
        person = self.token_actor.get(first.i)
        if person is None or self.actor_type(person) != "Person":
            return []
        end = first.i
        while self.token_actor.get(end + 1) == person:
            end += 1
        if subject.i <= end or end + 1 >= subject.i or self.doc[end + 1].text != ",":
            return []
        return [person]

    # -- flags ---------------------------------------------------------------------------
    def negated(self, *tokens: Token) -> bool:
        for token in tokens:
            if token is None:
                continue
            if token.lemma_.lower() in self.cues.hedge_negated_verbs:
                continue
            if self.syntax.negated(token):
                return True
            head = token.head
            if (
                token.dep_ in self.syntax.scheme.open_complement
                and self._lemma(head) in self.cues.refusal_verbs
                and not self.syntax.negated(head)
            ):
                return True  # "Hungary has refused to criticize Russia"
            if token.pos_ in ("VERB", "AUX") and any(
                # "Pyongyang has denied supplying weapons to Russia": a denied act
                h.pos_ == "VERB"
                and self._lemma(h) in self.cues.deny_verbs
                and not self.syntax.negated(h)
                for h in list(self.syntax.heads(token))[:3]
            ):
                return True
        return False

    def hedged(self, *tokens: Token) -> bool:
        cues = self.cues
        for token in tokens:
            if token is None:
                continue
            chain = [token, *list(self.syntax.heads(token))[:4]]
            for t in chain:
                for child in t.children:
                    lower = child.lower_
                    if (
                        child.dep_ in self.syntax.scheme.auxiliary
                        and lower in cues.hedge_modals
                        and not self._reported_future(child, t)
                    ):
                        return True
                    if lower in cues.hedge_adverbs:
                        return True
                    if (
                        child.dep_ in self.syntax.scheme.marker
                        and lower in cues.conditional_markers
                    ):
                        return True
                if t.lemma_.lower() in cues.hedge_verbs and t.i != token.i:
                    return True
                if t.lemma_.lower() in cues.hedge_negated_verbs and self.syntax.negated(t):
                    return True
        return False

    def _reported_future(self, modal: Token, clause: Token) -> bool:
        """ "Mali said it would leave ECOWAS": "would" in the complement of a speech verb is
        the future of the reported words, not a possibility ("would have" still hedges)."""
        if modal.lower_ not in self.cues.reported_future_modals:
            return False
        scheme = self.syntax.scheme
        for c in clause.children:
            if c.lower_ == "have" or c.dep_ in scheme.copula:
                return False  # "would have been behind it", "would be responsible for"
            if c.dep_ in scheme.adverbial_clause and any(
                m.lower_ in self.cues.conditional_markers for m in c.children
            ):
                return False  # "Iran would attack Israel if provoked"
        head = clause.head
        return (
            clause.dep_ in self.syntax.scheme.complement
            and self._lemma(head) in self.cues.speech_verbs
        )

    def attribution(self, sent: Span, trigger: Token) -> str | None:
        for i, token in enumerate(sent):
            if token.lower_ == "according" and i + 2 < len(sent) and sent[i + 1].lower_ == "to":
                for t in sent[i + 2 : i + 8]:
                    actor = self.token_actor.get(t.i)
                    if actor and self.actor_type(actor) == "Media":
                        return actor
        for head in self.syntax.heads(trigger):
            if head.lemma_.lower() in self.cues.speech_verbs:
                for subj in self.syntax.subjects(head):
                    for actor in self.actors_of(subj):
                        if self.actor_type(actor) == "Media":
                            return actor
        return None

    def about(self, sent: Span) -> str | None:
        for token in sent:
            if token.lemma_.lower() in self.cues.event_nouns and token.pos_ == "NOUN":
                left = token.i
                for child in token.lefts:
                    if child.dep_ in self.syntax.scheme.modifier and child.i < left:
                        left = child.i
                text = self.doc[left : token.i + 1].text
                if len(text.split()) > 1:
                    return text
        return None

    # -- relations -----------------------------------------------------------------------
    def sentence(self, sent: Span) -> Iterator[Relation]:
        words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if not any(i in self.token_actor for i in range(sent.start, sent.end)) and (
            not words & self.cues.pair_nouns or not words & PAIR_WORDS
        ):
            return  # no actor named, and no "the two countries" that points back to some
        has_person = any(
            sent.start <= start < sent.end and self.actor_type(actor) == "Person"
            for start, _end, actor in self.mention_tokens
        )
        for name, triggers in rule_table(self.cues):
            if triggers is None and not has_person:
                continue
            if triggers is not None and triggers.isdisjoint(words):
                continue
            yield from getattr(self, name)(sent)

    def make(
        self,
        sent: Span,
        predicate: str,
        subject: str,
        obj: str | None,
        trigger: Token,
        rule: str,
        confidence: float,
        *,
        hedged: bool | None = None,
        negated: bool = False,
        status: str | None = None,
        about: str | None = None,
        scope: Iterable[Token] = (),
    ) -> Relation | None:
        if subject == obj or self.actor_type(subject) in NON_PARTY_TYPES:
            return None
        if obj is not None and self.actor_type(obj) in NON_PARTY_TYPES:
            return None
        scope = [trigger, *scope]
        start, end = _trim(sent)
        return Relation(
            predicate=predicate,
            subject=subject,
            object=obj,
            sent_start=start,
            sent_end=end,
            trigger=trigger.text,
            rule=rule,
            confidence=confidence,
            hedged=self.hedged(*scope) if hedged is None else hedged,
            negated=negated or self.negated(*scope),
            about=about,
            status=status,
            attributed_to=self.attribution(sent, trigger),
        )

    def _lemma(self, token: Token) -> str:
        return token.lemma_.lower() or token.lower_

    def _linking_verb(self, token: Token) -> bool:
        """be / remain / become / stay, by lemma or by form (the lemmatizer may leave "are")."""
        linking = self.cues.linking_verbs
        return self._lemma(token) in linking or token.lower_ in linking

    def rule_accuse_verb(self, sent: Span) -> Iterator[Relation]:
        for verb in sent:
            if self._lemma(verb) not in self.cues.accuse_verbs:
                continue
            if verb.pos_ not in ("VERB", "AUX") and not (
                # "which the United States accuses of ...": tagged VBZ, labelled a noun
                verb.tag_.startswith("VB") and self.syntax.subjects(verb)
            ):
                continue
            if self.syntax.is_passive(verb):
                agents = self.syntax.agents(verb)
                for _, target in self.syntax.prep_objects(verb, {"on", "to"}):
                    # "blamed on North Korea by South Korea" with "by" under "Korea"
                    agents += [t for _, t in self.syntax.prep_objects(target, {"by"})]
                accusers = [a for t in agents for a in self.actors_of(t)]
                accused = [
                    a
                    for _, t in self.syntax.prep_objects(verb, {"on", "to"})
                    for a in self.actors_of(t)
                ]
                accused += self.subject_actors(verb, passive=True)
            else:
                accusers = self.subject_actors(verb)
                accused = self._accused(verb)
            pairs = [(s, o) for s in accusers for o in accused]
            if not accused and len(accusers) > 1 and self._reciprocal(verb):
                pairs = [(s, o) for s in accusers for o in accusers if s != o]
            for s, o in pairs:
                rel = self.make(
                    sent, "accuses", s, o, verb, "accuse.verb", 0.9, about=self.about(sent)
                )
                if rel:
                    yield rel

    def _reciprocal(self, verb: Token) -> bool:
        """ "accused each other", "blamed one another" (read off the words: parsers hang the
        reciprocal pronoun in several ways)."""
        following = [t.lower_ for t in self.doc[verb.i + 1 : verb.i + 3]]
        return following in (["each", "other"], ["one", "another"])

    def _accused(self, verb: Token) -> list[str]:
        """The actors an active accusation verb accuses: its direct object ("accused Iran
        of ..."), else an "on" phrase ("blamed it on Kyiv")."""
        # one direct object: a second "obj" is a parse error ("link Ukraine to the attack,
        # the Islamic State, specifically its branch ...")
        candidates = [c for c in verb.children if c.dep_ in self.syntax.scheme.object]
        candidates = candidates or [c for c in verb.children if self.syntax.object_like(c)]
        first = sorted(candidates, key=lambda c: abs(c.i - verb.i))[:1]
        accused = [a for t in self.syntax.expand(first) for a in self.actors_of(t)]
        if not accused:
            accused = [
                a for _, t in self.syntax.prep_objects(verb, {"on"}) for a in self.actors_of(t)
            ]
        return accused

    def _speech_complements(self, verb: Token) -> list[Token]:
        comps = self.syntax.complements(verb)
        # "does not rule out that ..." (advcl/obl), "said that ... and that Kyiv was helping"
        # (a that-clause parsed as a conjunct of the speech verb)
        scheme = self.syntax.scheme
        comps += self.syntax.that_clauses(
            verb, scheme.adverbial_clause | scheme.oblique | scheme.conjunct
        )
        # "stated over the weekend that ...", with the clause attached to "weekend"
        comps += [
            clause
            for c in verb.children
            if c.dep_ in scheme.oblique and self._lemma(c) in self.cues.time_nouns
            for clause in self.syntax.that_clauses(
                c, scheme.clausal_modifier | scheme.relative_clause
            )
        ]
        if verb.dep_ == "parataxis" and verb.head.i != verb.i:
            comps.append(verb.head)
        out: list[Token] = []
        for c in comps:
            out.extend(self.syntax.conjuncts(c))
        return out

    def _responsible(self, head: Token) -> list[tuple[str, Token]]:
        """Actors a clause presents as authors of an event, with the word that says so."""
        cues = self.cues
        found: list[tuple[str, Token]] = []
        lemma = self._lemma(head)
        case_words = {c.lower_ for c in head.children}
        if any(c.lower_ in cues.deontic_modals for c in head.children):
            return found  # a demand, not an accusation
        assisting = lemma in cues.assisting_verbs and (
            any(
                t.lower_ in cues.assisting_targets or self._lemma(t) in cues.event_nouns
                for t in head.subtree
                if t.i != head.i
            )
            # "Russia cooperates with both the regime and ISIS", "Iran arms the Houthis":
            # helping an armed group (its object or "with" phrase, not "helps Iraq fight ISIS")
            or any(
                self.actor_type(a) == "ArmedGroup"
                for t in self.syntax.expand(
                    self.syntax.objects(head)
                    + [t for _, t in self.syntax.prep_objects(head, {"with"})]
                )
                for a in self._actor_of_head(t)
            )
        )
        # "Hamas said Israel had bombed the hospital": a hostile act told as done (no modal:
        # "would attack" is a warning, not an accusation)
        hostile = (
            lemma in cues.conflict_verbs | cues.hostile_verbs
            and head.pos_ == "VERB"
            and not any(
                c.dep_ in self.syntax.scheme.auxiliary and c.tag_ == "MD" for c in head.children
            )
        )
        responsible = (
            lemma in cues.responsibility_verbs
            or assisting
            or hostile
            or lemma in cues.responsibility_predicates
            or "behind" in case_words
        )
        if responsible and not self.syntax.is_passive(head):
            for s in self.syntax.subjects(head):
                found.extend((a, head) for a in self.actors_of(s))
        if lemma in ("involve", "involved", "implicate", "implicated") and self.syntax.is_passive(
            head
        ):
            for s in self.syntax.subjects(head, passive=True) + self.syntax.subjects(head):
                found.extend((a, head) for a in self.actors_of(s))
        perpetrators = any(
            self._lemma(s) in cues.perpetrator_nouns for s in self.syntax.subjects(head)
        )
        if lemma in cues.origin_verbs and perpetrators:
            for _, t in self.syntax.prep_objects(head, {"from"}):
                found.extend((a, head) for a in self.actors_of(t))
        # "Y is a terrorist state", "Y acts as a terrorist state"
        if lemma in cues.accusatory_nouns or any(
            c.lower_ in cues.accusatory_modifiers for c in head.children
        ):
            for s in self.syntax.subjects(head):
                found.extend((a, head) for a in self.actors_of(s))
        if lemma in cues.label_verbs:
            for _, t in self.syntax.prep_objects(head, {"as"}):
                if self._lemma(t) in cues.accusatory_nouns or any(
                    c.lower_ in cues.accusatory_modifiers for c in t.children
                ):
                    for s in self.syntax.subjects(head):
                        found.extend((a, head) for a in self.actors_of(s))
        # passive participles with an agent anywhere in the clause: "organized by Russia"
        for t in head.subtree:
            if (
                self._lemma(t) in cues.responsibility_verbs | cues.assisting_verbs
                and t.tag_ == "VBN"
            ):
                agents = self.syntax.agents(t)
                # "was allowed to take place by the Russian special services"
                agents += [
                    o
                    for c in t.children
                    if c.dep_ in self.syntax.scheme.open_complement
                    for _, o in self.syntax.prep_objects(c, {"by"})
                ]
                for agent in agents:
                    found.extend((a, t) for a in self.actors_of(agent))
        return found

    def rule_speech(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for verb in sent:
            lemma = self._lemma(verb)
            if verb.pos_ not in ("VERB", "AUX") or lemma not in cues.speech_verbs:
                continue
            if lemma == "rule" and not any(c.lower_ == "out" for c in verb.children):
                continue
            speakers = self.subject_actors(verb)
            if not speakers:
                continue
            for comp in self._speech_complements(verb):
                # accusation: "X said Y was behind the attack"
                for author, trigger in self._responsible(comp):
                    for s in speakers:
                        rel = self._statement(
                            sent, s, author, trigger, "speech", 0.75, scope=[verb, comp]
                        )
                        if rel:
                            yield rel
                # "Al-Shabaab said its fighters attacked the base": the speaker's own act
                if (
                    self._lemma(comp) in cues.conflict_verbs
                    and not self.syntax.negated(comp)
                    and not any(c.lower_ in cues.hedge_modals | {"will"} for c in comp.children)
                    and self.syntax.subjects(verb)
                ):
                    doers = [
                        a
                        for t in self.syntax.subjects(comp)
                        if t.pos_ == "PRON" or self.syntax.possessor(t) is not None
                        for a in self.actors_of(t)
                    ]
                    for s in speakers:
                        if s in doers and self.actor_type(s) in (
                            "ArmedGroup",
                            "Organization",
                            "State",
                        ):
                            rel = self.make(
                                sent,
                                "claims_responsibility",
                                s,
                                None,
                                comp,
                                "claim.speech",
                                0.65,
                                scope=[verb],
                                about=self.about(sent),
                            )
                            if rel:
                                yield rel
                # criticism: "X said Y could have prevented the attack"
                if (
                    self._lemma(comp) in cues.prevent_verbs
                    and {"could", "might", "would"} & {c.lower_ for c in comp.children}
                    and any(c.lower_ == "have" for c in comp.children)
                ):
                    for target in self.syntax.subjects(comp):
                        for o in self.actors_of(target):
                            for s in speakers:
                                rel = self.make(
                                    sent,
                                    "criticizes",
                                    s,
                                    o,
                                    comp,
                                    "criticize.counterfactual",
                                    0.6,
                                    scope=[verb],
                                    hedged=False,
                                )
                                if rel:
                                    yield rel
                # denial: "X said the accusations were fake" / "there were no signs of a link"
                if self._falsity(comp) or self._no_evidence(comp):
                    for s in speakers:
                        rel = self.make(
                            sent,
                            "denies",
                            s,
                            None,
                            comp,
                            "deny.speech",
                            0.7,
                            scope=[verb],
                            about=self.about(sent),
                        )
                        if rel:
                            yield rel
            # labelling verbs with an object: "recognizing Russia as a terrorist regime"
        for verb in sent:
            if self._lemma(verb) in cues.label_verbs and verb.pos_ == "VERB":
                for obj in self.syntax.objects(verb):
                    predicates = [t for _, t in self.syntax.prep_objects(verb, {"as"})]
                    for t in predicates + self.syntax.complements(verb):
                        if self._lemma(t) in cues.accusatory_nouns or any(
                            c.lower_ in cues.accusatory_modifiers for c in t.children
                        ):
                            for s in self.subject_actors(verb):
                                for o in self.actors_of(obj):
                                    rel = self.make(
                                        sent, "accuses", s, o, verb, "accuse.label", 0.7
                                    )
                                    if rel:
                                        yield rel

    def _statement(
        self,
        sent: Span,
        speaker: str,
        author: str,
        trigger: Token,
        kind: str,
        confidence: float,
        scope: Iterable[Token] = (),
    ) -> Relation | None:
        """A speaker presents an actor as the author of an act: an accusation (rule
        ``accuse.<kind>``), or a claim of responsibility when the speaker names itself
        (``claim.<kind>``, "ISIS said it carried out the attack")."""
        own = speaker == author
        return self.make(
            sent,
            "claims_responsibility" if own else "accuses",
            speaker,
            None if own else author,
            trigger,
            f"claim.{kind}" if own else f"accuse.{kind}",
            confidence - 0.05 if own else confidence,
            scope=scope,
            about=self.about(sent),
        )

    def _authors_in(self, sent: Span) -> list[tuple[str, Token]]:
        """(author, word that says so) of every clause of a sentence that presents an actor
        as the author of an act; the sentence's speaker is found elsewhere (a quotation, an
        "according to" source). Each clause is read once per document."""
        found: dict[tuple[str, int], Token] = {}
        for token in sent:
            if token.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
                continue
            if token.i not in self._authors:
                self._authors[token.i] = self._responsible(token)
            for author, trigger in self._authors[token.i]:
                found.setdefault((author, trigger.i), trigger)
        return [(author, trigger) for (author, _), trigger in found.items()]

    def rule_alleged_involvement(self, sent: Span) -> Iterator[Relation]:
        """ "Russia suspects Ukrainian involvement", "Peskov did not rule out Kyiv's role": a
        verb of saying or suspecting whose object is an involvement noun of another actor (its
        possessor or a modifier), bare or in a hostile event, accuses that actor. The
        speaker's own involvement is left alone."""
        cues = self.cues
        for verb in sent:
            if verb.pos_ != "VERB" or self._lemma(verb) not in cues.involvement_verbs:
                continue
            nouns = [
                o
                for o in self.syntax.expand(self.syntax.objects(verb))
                if self._lemma(o) in cues.involvement_nouns
                # "involvement in the attack" or bare; not "Russia's role in the talks"
                and all(
                    self._lemma(t) in cues.event_nouns
                    for _, t in self.syntax.prep_objects(o, {"in", "of"})
                )
            ]
            if not nouns:
                continue
            accused = []
            for noun in nouns:
                owner = self.syntax.possessor(noun)
                accused += self.actors_of(owner) if owner is not None else []
                accused += [
                    self.token_actor[c.i]
                    for c in noun.children
                    if c.i < noun.i
                    and c.i in self.token_actor
                    and c.dep_ in self.syntax.scheme.modifier
                ]
            for s in self.subject_actors(verb):
                for o in dict.fromkeys(accused):
                    rel = self.make(
                        sent,
                        "accuses",
                        s,
                        o,
                        verb,
                        "accuse.involvement",
                        0.7,
                        about=self.about(sent),
                    )
                    if rel:
                        yield rel

    def rule_according_to(self, sent: Span) -> Iterator[Relation]:
        """ "According to the Kremlin, Ukraine was behind the drone attack": a source that is
        an actor (not a news outlet, which goes to ``attributed_to``) speaks the clause."""
        doc = self.doc
        for tok in sent:
            if tok.lower_ != "according" or tok.i + 2 >= sent.end or doc[tok.i + 1].lower_ != "to":
                continue
            k = tok.i + 2
            while k < sent.end and doc[k].lower_ == "the":
                k += 1
            if k >= sent.end:
                continue
            noun = doc[k]
            source = self.token_actor.get(k)
            if source is None and noun.head.i > k:
                # "according to US officials": a noun whose modifier is the actor
                noun = noun.head
                found = self._actor_of_head(noun)
                source = found[0] if found else None
            if source is None or self.actor_type(source) == "Media":
                continue
            phrase = {tok.i, tok.i + 1} | {t.i for t in noun.subtree}
            for author, trigger in self._authors_in(sent):
                if trigger.i not in phrase:
                    rel = self._statement(sent, source, author, trigger, "according", 0.65)
                    if rel:
                        yield rel

    def quotes(self) -> list[tuple[int, int, list[str]]]:
        """Quotations of the document as (opening token, closing token, speakers): the actors
        of a speech verb after the closing mark in its sentence ("...,” S. Kuzan asks"), else
        before the opening mark in its sentence ("Kuzan said: “..."). Computed once."""
        if self._quotes is not None:
            return self._quotes
        doc, cues = self.doc, self.cues
        spans: list[tuple[int, int]] = []
        opened: int | None = None
        for t in doc:
            if t.text == "“" or (t.text == '"' and opened is None):
                opened = t.i
            elif t.text in ("”", '"') and opened is not None:
                spans.append((opened, t.i))
                opened = None
        verbs = cues.speech_verbs | cues.quote_verbs
        found = []
        for start, end in spans:
            speakers: list[str] = []
            after = [t for t in self.sents[self.sent_index.get(end, 0)] if t.i > end]
            if not after and end + 1 < len(doc):
                # the splitter may end the sentence at the closing mark: "...,” | Putin said."
                after = list(self.sents[self.sent_index.get(end + 1, 0)])
            opening = self.sents[self.sent_index.get(start, 0)]
            for verb in after + [t for t in opening if t.i < start]:
                if verb.pos_ == "VERB" and self._lemma(verb) in verbs:
                    speakers = [
                        a for subj in self.syntax.subjects(verb) for a in self.actors_of(subj)
                    ]
                    if not speakers and verb.i > end:
                        # "...,” Ukrainian President Volodymyr Zelensky told reporters": the
                        # name between the closing mark and the verb, however it was parsed
                        speakers = [
                            self.token_actor[i]
                            for i in range(end + 1, verb.i)
                            if i in self.token_actor
                            and self.actor_type(self.token_actor[i]) == "Person"
                        ][:1]
                    if speakers:
                        break
            if speakers:
                found.append((start, end, speakers))
        self._quotes = found
        return found

    def rule_quoted_accusation(self, sent: Span) -> Iterator[Relation]:
        """A sentence inside a longer quotation, attributed after or before it ("“... the
        attack, which was allowed to take place by the Russian special services, ... How else
        can this be called but terror,” S. Kuzan asks"): a clause that presents an actor as
        the author or enabler of the attack is the speaker's accusation, or its claim when
        the speaker names itself."""
        for start, end, speakers in self.quotes():
            if not (start <= sent.start and sent.end - 1 <= end + 1):
                continue
            if self.sent_index.get(end) == self.sent_index.get(sent.start):
                continue  # the attributed sentence itself: rule_speech reads it
            for author, trigger in self._authors_in(sent):
                if not self._on_event(trigger):
                    continue  # "we were helped by Iran after the attack"
                for s in speakers:
                    rel = self._statement(sent, s, author, trigger, "quote", 0.6)
                    if rel:
                        yield rel

    def _on_event(self, verb: Token) -> bool:
        """The word acts on a hostile event: the event is its subject or object ("the attack
        was planned by Kyiv", "Kyiv organised the attack"), the noun its relative clause hangs
        on ("the attack, which was allowed to take place by ..."), or the word itself ("Ukraine
        was behind the attack")."""
        scheme = self.syntax.scheme
        words = (
            self.syntax.subjects(verb)
            + self.syntax.subjects(verb, passive=True)
            + self.syntax.objects(verb)
        )
        if verb.dep_ in scheme.relative_clause | scheme.clausal_modifier:
            words.append(verb.head)
        words.append(verb)  # "Ukraine was behind the attack": the event is the predicate
        return any(
            self._lemma(w) in self.cues.event_nouns | self.cues.perpetrator_nouns for w in words
        )

    def rule_falsity_surface(self, sent: Span) -> Iterator[Relation]:
        """Fallback when the parse of a quoted denial is broken: a speech verb with an actor
        subject, then a claim noun ("accusations", "reports"), then a falsity word ("fake")."""
        cues = self.cues
        tokens = list(sent)
        for n, verb in enumerate(tokens):
            if self._lemma(verb) not in cues.speech_verbs or verb.pos_ not in ("VERB", "AUX"):
                continue
            speakers = [a for t in self.syntax.subjects(verb) for a in self.actors_of(t)]
            if not speakers:
                continue
            rest = tokens[n + 1 :]
            claim_at = next(
                (k for k, t in enumerate(rest) if t.lower_.rstrip("s") in cues.claim_nouns), None
            )
            if claim_at is None:
                continue
            falsity = next(
                (t for t in rest[claim_at + 1 :] if t.lower_.strip("“”\"'") in cues.falsity_words),
                None,
            )
            if falsity is None or self.negated(verb):
                continue
            for s in speakers:
                rel = self.make(
                    sent, "denies", s, None, falsity, "deny.falsity", 0.55, scope=[verb]
                )
                if rel:
                    yield rel

    def _falsity(self, head: Token) -> bool:
        cues = self.cues
        if (
            self._lemma(head) not in cues.falsity_words
            and head.lower_.strip('“”"') not in cues.falsity_words
        ):
            near = [t for t in head.children if self._lemma(t) in cues.falsity_words]
            if not near:
                return False
        subjects = self.syntax.subjects(head) + self.syntax.subjects(head, passive=True)
        return any(self._lemma(s) in cues.claim_nouns for s in subjects) or not subjects

    def _no_evidence(self, head: Token) -> bool:
        for t in head.subtree:
            if self._lemma(t) in self.cues.evidence_nouns and any(
                c.lower_ == "no" for c in t.children
            ):
                return True
        return False

    def rule_deny_verb(self, sent: Span) -> Iterator[Relation]:
        for verb in sent:
            lemma = self._lemma(verb)
            if verb.pos_ != "VERB" or lemma not in self.cues.deny_verbs:
                continue
            if lemma == "distance" and not any(
                c.lower_ in ("itself", "themselves", "himself", "herself") for c in verb.subtree
            ):
                continue
            objects = self.syntax.objects(verb)
            if (
                objects
                and lemma != "distance"
                and not any(
                    self._lemma(o) in self.cues.denied_objects or o.i in self.token_actor
                    for o in objects
                )
            ):
                continue  # "rejecting all contacts", "denied entry": not a denial of a claim
            accusers = [a for o in objects for a in self._claim_author(o)]
            deniers = self.subject_actors(verb)
            if self.syntax.is_passive(verb):
                # "The accusations by Pakistan were rejected by the Taliban"
                deniers = [a for t in self.syntax.agents(verb) for a in self.actors_of(t)]
                accusers = [
                    a
                    for o in self.syntax.subjects(verb, passive=True)
                    for a in self._claim_author(o)
                ]
            for s in deniers:
                for o in accusers or [None]:
                    rel = self.make(
                        sent, "denies", s, o, verb, "deny.verb", 0.85, about=self.about(sent)
                    )
                    if rel:
                        yield rel

    def _claim_author(self, noun: Token) -> list[str]:
        """Who made the claim a noun names: "Russia's accusations", "the allegations by Kyiv"."""
        if self._lemma(noun) not in self.cues.claim_nouns:
            return []
        owner = self.syntax.possessor(noun)
        found = self.actors_of(owner) if owner is not None else []
        found += [
            a for _, t in self.syntax.prep_objects(noun, {"by", "from"}) for a in self.actors_of(t)
        ]
        for child in noun.children:
            # "the accusations made (levelled) by Tajikistan"
            if child.dep_ in self.syntax.scheme.clausal_modifier and child.pos_ == "VERB":
                found += [a for t in self.syntax.agents(child) for a in self.actors_of(t)]
        return found

    def rule_nominal(self, sent: Span) -> Iterator[Relation]:
        """Nominalised claims: "Moscow's accusations against Kyiv", "Ukraine's denial of ...",
        "Ankara's criticism of Stockholm", "Iran's support for Hezbollah", "X's claim of
        responsibility for the bombing"."""
        cues = self.cues
        for noun in sent:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = self._lemma(noun)
            predicate = cues.nominal_predicates.get(lemma)
            if predicate is None:
                continue
            owner = self.syntax.possessor(noun)
            authors = self.actors_of(owner) if owner is not None else []
            authors += [
                a for _, t in self.syntax.prep_objects(noun, {"by"}) for a in self.actors_of(t)
            ]
            verb = noun.head
            scope: list[Token] = []
            if (
                not authors
                and noun.dep_ in self.syntax.scheme.object
                and verb.pos_ == "VERB"
                and self._lemma(verb) in cues.light_verbs | cues.mutual_verbs
            ):
                # "China voiced support for Russia", "Israel and Iran traded accusations"
                authors = self.subject_actors(verb)
                scope = [verb]
            if not authors:
                continue
            if predicate == "denies":
                targets = [
                    a
                    for _, t in self.syntax.prep_objects(noun, {"of"})
                    for a in self._claim_author(t)
                ]
                for s in authors:
                    for o in targets or [None]:
                        rel = self.make(sent, "denies", s, o, noun, "deny.nominal", 0.7)
                        if rel:
                            yield rel
                continue
            if predicate == "claims_responsibility":
                if not any(
                    self._lemma(t) in cues.claim_objects
                    for _, t in self.syntax.prep_objects(noun, {"of"})
                ):
                    continue
                for s in authors:
                    rel = self.make(
                        sent, predicate, s, None, noun, "claim.nominal", 0.7, about=self.about(sent)
                    )
                    if rel:
                        yield rel
                continue
            preps = {
                "accuses": {"against", "of"},
                "criticizes": {"of", "against"},
                "supports": {"for", "to", "of"},
            }[predicate]
            heads = [noun] + [t for _, t in self.syntax.prep_objects(noun, {"by"})]
            # "accusations by Pakistan against Afghanistan", with "against" under "Pakistan"
            targets = [
                a
                for head in heads
                for _, t in self.syntax.prep_objects(head, preps)
                for a in self.actors_of(t)
                if a not in authors
            ]
            if predicate == "accuses":
                # "Beijing's accusation that Washington had spread the virus" (a that-clause
                # with "that" as its marker, even when parsed as a relative clause)
                scheme = self.syntax.scheme
                targets += [
                    a
                    for clause in self.syntax.that_clauses(
                        noun, scheme.clausal_modifier | scheme.relative_clause
                    )
                    for t in self.syntax.subjects(clause)
                    for a in self.actors_of(t)
                ]
            pairs = [(s, o) for s in authors for o in targets]
            if not targets and scope and self._lemma(verb) in cues.mutual_verbs:
                pairs = [(s, o) for s in authors for o in authors if s != o]
            for s, o in pairs:
                rel = self.make(
                    sent, predicate, s, o, noun, f"{predicate}.nominal", 0.65, scope=scope
                )
                if rel:
                    yield rel

    def rule_deny_surface(self, sent: Span) -> Iterator[Relation]:
        """Fallback when the tagger misses a denial verb ("Ukraine denies its involvement"
        tagged as a noun): an actor directly before a finite form of a denial verb."""
        cues = self.cues
        for token in sent:
            if token.lower_ not in cues.deny_forms or self._parsed_verb(token):
                continue
            j = token.i - 1
            while j >= sent.start and self.doc[j].pos_ == "ADV":
                j -= 1
            if j < sent.start or j not in self.token_actor:
                continue
            subject = self.token_actor[j]
            start = j
            while start > sent.start and self.token_actor.get(start - 1) == subject:
                start -= 1
            if start > sent.start and self.doc[start - 1].lower_ in _RELATIVE_PRONOUNS:
                subject, obj = self._relative_denial(sent, subject, start)
                rule = "deny.relative"
            else:
                following = [t for t in self.doc[token.i + 1 : min(token.i + 4, sent.end)]]
                if not any(
                    self._lemma(t) in cues.denied_objects or t.lower_ in ("any", "its", "their")
                    for t in following
                ):
                    continue
                obj, rule = None, "deny.surface"
            rel = self.make(sent, "denies", subject, obj, token, rule, 0.6)
            if rel:
                yield rel

    def _relative_denial(self, sent: Span, subject: str, start: int) -> tuple[str, str | None]:
        """Denier and accuser of "..., which the country denies", the subject mention
        starting at token ``start``: the denial of what the clause before says; a definite
        description ("the country") is the accused of an accusation there, if any."""
        verb = self._accusation_before(sent, start - 1)
        accusers = self.subject_actors(verb) if verb is not None else []
        accused = self._accused(verb) if verb is not None else []
        if len(accused) == 1 and self.doc[start].lower_ == "the":
            subject = accused[0]
        obj = accusers[0] if len(accusers) == 1 and subject in accused else None
        return subject, obj

    def rule_deny_relative(self, sent: Span) -> Iterator[Relation]:
        """A parsed relative clause whose object is the relative pronoun: "..., which the
        country denies" denies what the clause before says, whatever noun the parser
        attached the relative clause to (a country is not what is denied)."""
        for verb in sent:
            if (
                verb.pos_ != "VERB"
                or self._lemma(verb) not in self.cues.deny_verbs
                or not self.syntax.is_relative_clause(verb)
            ):
                continue
            objects = self.syntax.objects(verb)
            if not objects or not all(o.lower_ in _RELATIVE_PRONOUNS for o in objects):
                continue
            for subj in self.syntax.subjects(verb):
                if subj.i not in self.token_actor:
                    continue
                start = subj.left_edge.i
                if start <= objects[0].i:
                    continue
                subject, obj = self._relative_denial(sent, self.token_actor[subj.i], start)
                rel = self.make(sent, "denies", subject, obj, verb, "deny.relative", 0.6)
                if rel:
                    yield rel

    def _accusation_before(self, sent: Span, end: int) -> Token | None:
        """The last active accusation verb of ``sent`` before token ``end``."""
        for verb in reversed(self.doc[sent.start : end]):
            if (
                verb.pos_ in ("VERB", "AUX")
                and self._lemma(verb) in self.cues.accuse_verbs
                and not self.syntax.is_passive(verb)
            ):
                return verb
        return None

    def _parsed_verb(self, token: Token) -> bool:
        """True when the parse already reads ``token`` as a verb with a subject, so the
        dependency rules see it and the surface fallbacks must not."""
        return token.pos_ in ("VERB", "AUX") and bool(
            self.syntax.subjects(token) or self.syntax.subjects(token, passive=True)
        )

    def rule_support_surface(self, sent: Span) -> Iterator[Relation]:
        """Fallback when the tagger misses a support verb ("Rwanda backs the M23 rebels" with
        "backs" tagged as a noun) or a supply verb with what is supplied ("Germany supplied
        tanks to Ukraine" read as "supplied tanks"): actor, adverbs, a finite form, an actor
        within the next few words."""
        doc = self.doc
        cues = self.cues
        for token in sent:
            if self._parsed_verb(token):
                continue
            if token.lower_ in cues.supply_forms:
                # "Germany supplied tanks to Ukraine" with "supplied" read as a modifier:
                # only with something supplied right after
                window = doc[token.i + 1 : min(token.i + 3, sent.end)]
                if not any(self._lemma(t) in cues.supply_objects for t in window):
                    continue
            elif token.lower_ not in cues.support_forms:
                continue
            j = token.i - 1
            while j >= sent.start and doc[j].pos_ == "ADV":
                j -= 1
            if j < sent.start or j not in self.token_actor:
                continue
            k = next(
                (
                    i
                    for i in range(token.i + 1, min(token.i + 4, sent.end))
                    if i in self.token_actor
                ),
                None,
            )
            if k is None:
                continue
            rel = self.make(
                sent,
                "supports",
                self.token_actor[j],
                self.token_actor[k],
                token,
                "support.surface",
                0.55,
            )
            if rel:
                yield rel

    def rule_accuse_surface(self, sent: Span) -> Iterator[Relation]:
        """Fallback when the tagger misses an accusation verb ("Greece allegedly blamed
        Albania" with "blamed" tagged as an adjective): actor, adverbs, a finite form of an
        accusation verb, an actor."""
        cues = self.cues
        doc = self.doc
        for token in sent:
            if token.lower_ not in cues.accuse_forms or self._parsed_verb(token):
                continue
            j = token.i - 1
            adverbs = []
            while j >= sent.start and doc[j].pos_ in ("ADV", "PART"):
                adverbs.append(doc[j].lower_)
                j -= 1
            k = token.i + 1
            while k < sent.end and doc[k].pos_ == "DET":
                k += 1
            if j < sent.start or k >= sent.end or k not in self.token_actor:
                continue
            if j in self.token_actor:
                accusers = [self.token_actor[j]]
            elif doc[j].pos_ == "NOUN":
                accusers = self._actor_of_head(doc[j])  # "Russian pilots still blame ..."
            else:
                accusers = []
            if len(accusers) != 1:
                continue
            for accused in self.actors_of(doc[k]):  # "Uganda and Burundi"
                rel = self.make(
                    sent,
                    "accuses",
                    accusers[0],
                    accused,
                    token,
                    "accuse.surface",
                    0.6,
                    hedged=bool(set(adverbs) & cues.hedge_adverbs),
                    negated=bool(set(adverbs) & cues.negation_words),
                )
                if rel:
                    yield rel

    def rule_claim_responsibility(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for verb in sent:
            if self._lemma(verb) not in cues.claim_verbs or verb.pos_ != "VERB":
                continue
            if self.syntax.is_passive(verb):
                yield from self._claimed_by(sent, verb)
                continue
            objects = self.syntax.objects(verb)
            clause = verb
            if verb.dep_ in self.syntax.scheme.modifier and verb.head.i == verb.i + 1:
                # "The Houthis claimed responsibility" parsed as "claimed responsibility"
                # (a modifier), the subject under the verb or under the noun
                objects = [verb.head]
                clause = verb if self.syntax.subjects(verb) else verb.head
            if not any(self._lemma(o) in cues.claim_objects for o in objects) and not (
                self._lemma(verb) == "claim"
                and any(self._lemma(o) in cues.event_nouns for o in objects)
            ):
                continue
            yield from self._claims(sent, verb, self.subject_actors(clause), 0.9)

    def _claims(
        self, sent: Span, verb: Token, claimants: list[str], confidence: float
    ) -> Iterator[Relation]:
        """claim.verb relations of the claimants that can claim an act (not a media outlet)."""
        for s in claimants:
            if self.actor_type(s) in ("ArmedGroup", "Organization", "State", "Person", "Party"):
                rel = self.make(
                    sent,
                    "claims_responsibility",
                    s,
                    None,
                    verb,
                    "claim.verb",
                    confidence,
                    about=self.about(sent),
                )
                if rel:
                    yield rel

    def _claimed_by(self, sent: Span, verb: Token) -> Iterator[Relation]:
        """ "The attack was claimed by the Islamic State", "Responsibility was claimed by
        ISIS": a passive claim of an event or of responsibility, the agent claims it."""
        cues = self.cues
        subjects = self.syntax.subjects(verb, passive=True)
        if self._lemma(verb) != "claim" or not any(
            self._lemma(s) in cues.event_nouns | cues.claim_objects for s in subjects
        ):
            return
        agents = [a for t in self.syntax.agents(verb) for a in self.actors_of(t)]
        yield from self._claims(sent, verb, agents, 0.85)

    def _status(self, tokens: Iterable[Token]) -> str:
        lemmas: set[str] = set()
        for token in tokens:
            lemmas.add(self._lemma(token))
            lemmas.update(self._lemma(c) for c in token.children)
            lemmas.update(c.lower_ for c in token.children)  # "no longer" (lemma "long")
        for status in ("left", "suspended", "joining"):
            if lemmas & self.cues.member_status[status]:
                return status
        return "active"

    def rule_membership(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for token in sent:
            lemma = self._lemma(token)
            if lemma in cues.member_nouns and token.pos_ == "NOUN":
                orgs = [
                    a
                    for p, t in self.syntax.prep_objects(token, {"of", "in"})
                    for a in self.actors_of(t)
                ]
                orgs = [o for o in orgs if self.actor_type(o) in ("IGO", "Organization", "Party")]
                if not orgs:
                    continue
                members = (
                    self.subject_actors(token)
                    if token.dep_ not in self.syntax.scheme.apposition
                    else []
                )
                if (
                    not members
                    and token.dep_ in self.syntax.scheme.object
                    and self._lemma(token.head) in ("become", "remain", "stay")
                ):
                    members = self.subject_actors(token.head)  # "X became a member of Y"
                if not members and token.dep_ in self.syntax.scheme.apposition:
                    members = self.actors_of(token.head)
                chain = [token, *list(self.syntax.heads(token))[:2]]
                status = self._status(chain)
                yield from self._memberships(
                    sent, members, orgs, token, "member.noun", 0.85, status
                )
            elif lemma in cues.membership_nouns:
                targets = self.syntax.prep_objects(token, {"in", "of", "to", "from"})
                if not targets and token.head.i != token.i:
                    targets = self.syntax.prep_objects(token.head, {"in", "from"})
                orgs = [a for p, t in targets for a in self.actors_of(t)]
                orgs += [
                    self.token_actor[c.i]
                    for c in token.children
                    if c.i in self.token_actor and c.dep_ in self.syntax.scheme.flat_name
                ]
                orgs = [o for o in orgs if self.actor_type(o) in ("IGO", "Organization", "Party")]
                if not orgs:
                    continue
                owner = self.syntax.possessor(token)
                members = self.actors_of(owner) if owner is not None else []
                verb = token.head if token.head.i != token.i else token
                if not members:
                    members = self.subject_actors(verb)
                status = self._status([verb, token])
                yield from self._memberships(
                    sent, members, orgs, token, "member.membership", 0.8, status, scope=[verb]
                )
            elif (
                lemma in cues.suspend_verbs
                and token.pos_ == "VERB"
                and not self.syntax.is_passive(token)
                and any(self.actor_type(a) == "IGO" for a in self.subject_actors(token))
            ):
                # "The African Union suspended Niger", "ECOWAS suspended Mali and Guinea"
                orgs = [a for a in self.subject_actors(token) if self.actor_type(a) == "IGO"]
                status = "left" if lemma in cues.member_status["left"] else "suspended"
                members = [
                    a
                    for t in self.syntax.expand(self.syntax.objects(token))
                    for a in self._actor_of_head(t)
                    if self.actor_type(a) == "State"
                ]
                yield from self._memberships(
                    sent, members, orgs, token, "member.suspended", 0.8, status
                )
            elif (
                lemma in cues.suspend_verbs
                and token.pos_ == "VERB"
                and self.syntax.is_passive(token)
            ):
                # "Venezuela was suspended from Mercosur", "Russia was expelled from the Council"
                orgs = [
                    a
                    for _, t in self.syntax.prep_objects(token, {"from"})
                    for a in self.actors_of(t)
                    if self.actor_type(a) == "IGO"
                ]
                status = "left" if lemma in cues.member_status["left"] else "suspended"
                yield from self._memberships(
                    sent,
                    self.subject_actors(token, passive=True),
                    orgs,
                    token,
                    "member.suspended",
                    0.8,
                    status,
                )
            elif lemma in cues.include_verbs and token.pos_ == "VERB":
                # "The CSTO, which includes Russia, Belarus and Armenia, ...": the states an
                # organisation includes are its members
                # named themselves, not through a modifier: "the EU's sanctions package
                # includes Russian banks" is no membership
                orgs = [
                    a
                    for t in self.syntax.subjects(token)
                    for a in [self._named(t)]
                    if a is not None and self.actor_type(a) == "IGO"
                ]
                members = [
                    a
                    for t in self.syntax.expand(self.syntax.objects(token))
                    for a in [self._named(t)]
                    if a is not None and self.actor_type(a) == "State"
                ]
                yield from self._memberships(
                    sent, members, orgs, token, "member.includes", 0.75, "active"
                )
            elif lemma in cues.founding_verbs and token.pos_ == "VERB":
                # "Mali, Burkina Faso and Niger formed the Alliance of Sahel States": the
                # founding states are members of the organisation they form
                orgs = [
                    a
                    for t in self.syntax.expand(self.syntax.objects(token))
                    for a in self._actor_of_head(t)
                    if self.actor_type(a) in ("IGO", "Organization")
                ]
                founders = [a for a in self.subject_actors(token) if self.actor_type(a) == "State"]
                yield from self._memberships(
                    sent, founders, orgs, token, "member.founder", 0.7, "active"
                )
            elif (
                lemma in cues.join_verbs | cues.leave_verbs | cues.withdraw_verbs
                and token.pos_ == "VERB"
            ):
                targets = self.syntax.objects(token) + [
                    t for _, t in self.syntax.prep_objects(token, {"from", "to"})
                ]
                orgs = [
                    a for t in targets for a in self.actors_of(t) if self.actor_type(a) == "IGO"
                ]
                if not orgs:
                    continue
                if lemma in cues.join_verbs:
                    future = (
                        any(
                            self._lemma(h) in cues.member_status["joining"]
                            for h in self.syntax.heads(token)
                        )
                        or any(
                            c.lower_ in ("will", "to", "may", "might", "could", "would", "shall")
                            for c in token.children
                        )
                        or token.tag_ == "VBG"
                    )
                    status = "joining" if future else "active"
                else:
                    status = "left"
                yield from self._memberships(
                    sent, self.subject_actors(token), orgs, token, "member.verb", 0.8, status
                )

    def _memberships(
        self,
        sent: Span,
        members: list[str],
        orgs: list[str],
        trigger: Token,
        rule: str,
        confidence: float,
        status: str,
        scope: Iterable[Token] = (),
    ) -> Iterator[Relation]:
        """member_of relations of every member in every organisation."""
        for m in members:
            for o in orgs:
                rel = self.make(
                    sent, "member_of", m, o, trigger, rule, confidence, status=status, scope=scope
                )
                if rel:
                    yield rel

    def rule_led(self, sent: Span) -> Iterator[Relation]:
        """ "the Russia-led CSTO": the leading state is a member of the organisation."""
        doc = self.doc
        for token in sent:
            if token.lower_ != "led" or token.i < 2 or doc[token.i - 1].text not in ("-", "–"):
                continue
            leader = self._state_at(token.i - 2)
            if leader is None:
                continue
            for t in doc[token.i + 1 : min(token.i + 8, sent.end)]:
                actor = self.token_actor.get(t.i)
                if actor and self.actor_type(actor) == "IGO":
                    rel = self.make(
                        sent,
                        "member_of",
                        leader,
                        actor,
                        token,
                        "member.led",
                        0.8,
                        status="active",
                        hedged=False,  # "the Russia-led CSTO" is presupposed, not asserted
                    )
                    if rel:
                        yield rel
                    break

    def rule_backed(self, sent: Span) -> Iterator[Relation]:
        """ "Iran-backed Houthi rebels", "the Russian-backed separatists of the Donetsk
        People's Republic": the backer supports the actor the compound modifies (the next
        actor within the noun phrase)."""
        doc = self.doc
        for token in sent:
            if (
                token.lower_ not in self.cues.backed_forms
                or token.i < 2
                or doc[token.i - 1].text not in ("-", "–")
            ):
                continue
            backer = self.token_actor.get(token.i - 2)
            if backer is None:
                continue
            for t in doc[token.i + 1 : min(token.i + 5, sent.end)]:
                if t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct:
                    break  # past the noun phrase
                actor = self.token_actor.get(t.i)
                if actor and actor != backer and self.actor_type(actor) != "State":
                    rel = self.make(
                        sent,
                        "supports",
                        backer,
                        actor,
                        token,
                        "support.backed",
                        0.75,
                        hedged=False,  # presupposed by the compound, not asserted
                    )
                    if rel:
                        yield rel
                    break

    def _state_at(self, i: int) -> str | None:
        if i in self.token_actor:
            return self.token_actor[i]
        for ent in self.doc.ents:
            if ent.start <= i < ent.end and ent.ent_id_ and "|" in ent.ent_id_:
                actor_id = ent.ent_id_.split("|", 1)[0]
                if actor_id.startswith("state:"):
                    entry = self.gazetteer.entries.get(actor_id)
                    if entry is not None:
                        self.actors.setdefault(actor_id, entry.actor)
                        return actor_id
        return None

    # -- leaders -------------------------------------------------------------------------
    def _title_before(self, end: int, start_limit: int) -> tuple[int, str] | None:
        """A leader title ending at token ``end - 1``: (its first token index, title)."""
        for size in (3, 2, 1):
            first = end - size
            if first < start_limit:
                continue
            words = " ".join(t.lower_ for t in self.doc[first:end])
            words = words.replace(" - ", "-")
            if words in self.cues.leader_titles:
                if first > 0 and self.doc[first - 1].lower_ in self.cues.leader_excluded_before:
                    return None
                return first, words
        return None

    def _org_after(self, i: int, limit: int) -> tuple[str, int] | None:
        """The organisation named from token ``i`` on (a mention or a capitalised name)."""
        doc = self.doc
        if i < limit and doc[i].lower_ == "the":
            i += 1
        if i >= limit:
            return None
        if i in self.token_actor:
            actor = self.token_actor[i]
            j = i
            while j < limit and self.token_actor.get(j) == actor:
                j += 1
            longer = self._capitalised_org(i, limit)
            if longer is not None and longer[1] > j:
                return longer
            bodies = self.linking.state_bodies | self.linking.governing_bodies
            if self.actor_type(actor) == "State" and any(
                t.pos_ == "NOUN" and t.is_lower and t.lower_ not in bodies for t in doc[j:limit]
            ):
                return None  # "the head of the Russian delegation" leads no state
            return actor, j
        return self._capitalised_org(i, limit)

    def _capitalised_org(self, i: int, limit: int) -> tuple[str, int] | None:
        doc = self.doc
        j = i
        last_cap = None
        while j < limit:
            t = doc[j]
            if t.is_title or t.is_upper and t.is_alpha:
                last_cap = j
            elif t.lower_ not in _CONNECTORS:
                break
            j += 1
        if last_cap is None or last_cap - i < 1 and not doc[i].is_upper:
            return None
        span = doc[i : last_cap + 1]
        for k, t in enumerate(span):
            # "the General Staff of the Free Syrian Army": a body of a known organisation
            if t.lower_ == "of" and k > 0:
                for u in span[k + 1 :]:
                    actor = self.token_actor.get(u.i)
                    if actor and self.actor_type(actor) in (
                        "IGO",
                        "ArmedGroup",
                        "Organization",
                        "Party",
                    ):
                        return actor, last_cap + 1
            # "Russia's Federal Security Service": the linked body after the possessive
            if t.text in ("'s", "’s") and k + 1 < len(span):
                tail = {self.token_actor.get(u.i) for u in span[k + 1 :]}
                actor = tail.pop() if len(tail) == 1 else None
                if actor and self.actor_type(actor) in ("IGO", "ArmedGroup", "Organization"):
                    return actor, last_cap + 1
        text = span.text
        for actor_id, _form in self.gazetteer.lookup(text):
            self.actors.setdefault(actor_id, self.gazetteer.actor(actor_id))
            return actor_id, last_cap + 1
        actor = new_actor(text, "Organization")
        self.actors.setdefault(actor.id, actor)
        return actor.id, last_cap + 1

    def rule_leader_titles(self, sent: Span) -> Iterator[Relation]:
        doc = self.doc
        persons = []
        seen = set()
        for start, end, actor in self.mention_tokens:
            if (
                sent.start <= start < sent.end
                and self.actor_type(actor) == "Person"
                and start not in seen
            ):
                seen.add(start)
                persons.append((start, end, actor))
        for start, end, person in persons:
            # "Tajik President Emomali Rahmon", "its then leader Roza Otunbayeva",
            # "the President of the country Sadyr Japarov"
            j = start
            title = self._title_before(j, sent.start)
            while (
                title is None
                and j > sent.start
                and doc[j - 1].is_title
                and doc[j - 1].lower_ in _MILITARY_RANKS
            ):
                j -= 1
                title = self._title_before(j, sent.start)
            if (
                title is None
                and j - 1 > sent.start
                and doc[j - 1].text == ","
                and end < sent.end
                and doc[end].text == ","
            ):
                # "Mali's junta leader, Colonel Assimi Goita, said": a title set off by
                # commas on both sides of the name (not "the Turkish president, Putin said")
                title = self._title_before(j - 1, sent.start)
            if title is not None:
                first, words = title
                former = False
                k = first
                while k > sent.start and doc[k - 1].lower_ in self.cues.leader_qualifiers:
                    k -= 1  # "Mali's junta leader", "the country's interim president"
                while k > sent.start and doc[k - 1].lower_ in self.cues.former_markers:
                    former = True
                    k -= 1
                org = None
                if k > sent.start and doc[k - 1].text in ("'s", "’s") and k - 1 > sent.start:
                    k -= 1  # "Tajikistan's President Emomali Rahmon"
                if k > sent.start:
                    prev = doc[k - 1]
                    if prev.i in self.token_actor:
                        org = self.token_actor[prev.i]
                        m = k - 1
                        while m > sent.start and self.token_actor.get(m - 1) == org:
                            m -= 1
                        # "Former Brazilian President Jair Bolsonaro", "Ex-Philippine President"
                        if m > sent.start and doc[m - 1].text in ("-", "–"):
                            m -= 1
                        if m > sent.start and doc[m - 1].lower_ in self.cues.former_markers:
                            former = True
                    elif prev.lower_ in POSSESSIVE_PRONOUNS:
                        org = self.antecedent(prev, exclude=[person])
                    elif self._state_at(prev.i):
                        org = self._state_at(prev.i)
                if org is not None:
                    rel = self._leader(sent, person, org, doc[first], former)
                    if rel:
                        yield rel
                    continue
            # "the President of the country Sadyr Japarov" / "the head of X, P"
            rel = self._leader_of_before(sent, start, person)
            if rel:
                yield rel
                continue
            # "P, (then) head of the X"
            rel = self._leader_apposition_after(sent, end, person)
            if rel:
                yield rel

    def rule_lead_verb(self, sent: Span) -> Iterator[Relation]:
        """ "X leads/heads/chairs Y" with a person X."""
        for verb in sent:
            if verb.pos_ != "VERB" or self._lemma(verb) not in self.cues.lead_verbs:
                continue
            if self.syntax.is_passive(verb) or (
                # "the Russia-led bloc", "a party led by X"; not "has ruled Tajikistan"
                verb.tag_ == "VBN"
                and not any(c.lower_ in ("has", "have", "had") for c in verb.children)
            ):
                continue
            for s in self.subject_actors(verb):
                if self.actor_type(s) != "Person":
                    continue
                for o in [a for t in self.syntax.objects(verb) for a in self.actors_of(t)]:
                    rel = self._leader(sent, s, o, verb, False, "leader.verb")
                    if rel:
                        yield rel

    def _leader(
        self,
        sent: Span,
        person: str,
        org: str,
        trigger: Token,
        former: bool,
        rule: str = "leader.title",
    ) -> Relation | None:
        if self.actor_type(org) == "Person":
            return None
        return self.make(
            sent,
            "leader_of",
            person,
            org,
            trigger,
            rule,
            0.85,
            status="former" if former else None,
            hedged=False,  # a title is presupposed: "would" elsewhere in the clause does not hedge it
        )

    def _leader_of_before(self, sent: Span, start: int, person: str) -> Relation | None:
        doc = self.doc
        j = start
        while j > sent.start and doc[j - 1].is_title and doc[j - 1].lower_ in _MILITARY_RANKS:
            j -= 1
        if j > sent.start and doc[j - 1].text == ",":
            j -= 1
        # walk back over the organisation (and an abbreviation in brackets) to "of"
        k = j - 1
        if k > sent.start and doc[k].text == ")":
            while k > sent.start and doc[k].text != "(":
                k -= 1
            k -= 1
        lo = max(sent.start, k - 12)
        for of in range(k, lo, -1):
            if doc[of].lower_ != "of":
                continue
            title = self._title_before(of, sent.start)
            if title is None:
                # "Chief of the General Staff of the FSA": allow one "of X" in between
                continue
            org = self._org_after(of + 1, j)
            if org is None:
                continue
            first, _ = title
            former = first > sent.start and doc[first - 1].lower_ in self.cues.former_markers
            return self._leader(sent, person, org[0], doc[first], former)
        return None

    def _leader_apposition_after(self, sent: Span, end: int, person: str) -> Relation | None:
        doc = self.doc
        i = end
        if i >= sent.end or doc[i].text != ",":
            return None
        i += 1
        former = False
        while i < sent.end and doc[i].lower_ in ({"a", "an", "the"} | self.cues.former_markers):
            former = former or doc[i].lower_ in self.cues.former_markers
            i += 1
        org_before = None
        if (
            i < sent.end
            and i in self.token_actor
            and self.actor_type(self.token_actor[i]) != "Person"
        ):
            org_before = self.token_actor[i]
            while i < sent.end and self.token_actor.get(i) == org_before:
                i += 1
            if i < sent.end and doc[i].text in ("'s", "’s"):
                i += 1
            while i < sent.end and doc[i].lower_ in self.cues.former_markers:
                former = True
                i += 1
        for size in (3, 2, 1):
            words = " ".join(t.lower_ for t in doc[i : i + size]).replace(" - ", "-")
            if words in self.cues.leader_titles and org_before is not None:
                return self._leader(sent, person, org_before, doc[i], former)
            if words in self.cues.leader_titles and i + size < sent.end:
                if doc[i + size].lower_ != "of":
                    return None
                org = self._org_after(i + size + 1, sent.end)
                if org is None:
                    return None
                return self._leader(sent, person, org[0], doc[i], former)
        return None

    # -- alliances ----------------------------------------------------------------------
    def _allies_surface(self, noun: Token, sent: Span) -> Relation | None:
        """ "A and B are (treaty) allies" read off the words when the parse does not make the
        two actors the subject of the ally noun: two coordinated actors, a form of "be" /
        "remain" / "become", modifiers, the noun. "not" among the words negates it, a modal
        before the verb hedges it."""
        doc, cues = self.doc, self.cues
        if noun.i + 1 < sent.end and doc[noun.i + 1].lower_ in ("of", "to", "with"):
            return None  # "allies of the opposition": allied with someone else
        k = noun.i - 1
        negated = False
        while k >= sent.start and doc[k].pos_ in ("ADJ", "NOUN", "ADV", "PART", "DET"):
            negated = negated or doc[k].lower_ in cues.negation_words
            k -= 1
        if k < sent.start or not self._linking_verb(doc[k]):
            return None
        verb = doc[k]
        hedged = False
        k -= 1
        while k >= sent.start and doc[k].pos_ in ("AUX", "PART", "ADV"):
            hedged = hedged or doc[k].lower_ in cues.hedge_modals  # "may become allies"
            negated = negated or doc[k].lower_ in cues.negation_words
            k -= 1
        sides, k = self._actor_pair(sent, k, -1)
        if not sides:
            return None
        if k >= sent.start and doc[k].pos_ == "ADP":
            return None  # "critics of Russia and China are ...": not the two actors
        a, b = sides
        return self.make(
            sent,
            "allied_with",
            a,
            b,
            noun,
            "ally.surface",
            0.6,
            hedged=hedged,
            negated=negated or self.syntax.negated(verb),
        )

    def _ally_named_by_and(self, noun: Token) -> list[str]:
        """ "Putin losing his close ally and Tajikistan": English translated from Russian often
        keeps "and" where it means "also" ("и"). A possessed singular ally with no name of its
        own, joined by a bare "and" to one actor name and nothing else, is that actor. A list
        ("its allies and China", "its ally, Belarus and China") is not read this way."""
        doc = self.doc
        if noun.lower_ != self._lemma(noun) or noun.i + 2 >= len(doc):
            return []  # plural, or no room for "and X"
        conjuncts = [c for c in noun.children if c.dep_ in self.syntax.scheme.conjunct]
        if len(conjuncts) != 1 or doc[noun.i + 1].lower_ != "and":
            return []
        name = conjuncts[0]
        if any(c.dep_ in self.syntax.scheme.conjunct for c in name.children):
            return []
        first = noun.i + 2 + (doc[noun.i + 2].lower_ == "the")
        actor = self.token_actor.get(name.i)
        if actor is None or self.token_actor.get(first) != actor:
            return []
        if any(self.token_actor.get(t.i) != actor for t in doc[first : name.i + 1]):
            return []
        return [actor] if self.actor_type(actor) in ("State", "IGO") else []

    def _state_side(self, side: str, other: str) -> str:
        """The owner of an ally: a leader's ally that is a state is an ally of the leader's
        state ("Putin's close ally Tajikistan" is Russia allied with Tajikistan). A person who
        is the ally stays a person ("Assad remains Russia's ally"), and so do two persons."""
        if self.actor_type(side) != "Person" or self.actor_type(other) not in ("State", "IGO"):
            return side
        country = self.actors[side].country
        if country is not None and country not in self.actors and country in self.gazetteer:
            self.actors[country] = self.gazetteer.actor(country)  # named by its leader only
        return country if country in self.actors else side

    def rule_allies(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for token in sent:
            lemma = self._lemma(token)
            if lemma in cues.ally_verbs and token.pos_ == "VERB":
                for _, t in self.syntax.prep_objects(token, {"with"}):
                    for a in self.subject_actors(token) or self.subject_actors(token, passive=True):
                        for b in self.actors_of(t):
                            rel = self.make(sent, "allied_with", a, b, token, "ally.verb", 0.8)
                            if rel:
                                yield rel
            elif (
                token.pos_ in ("NOUN", "PROPN")
                and (token.lower_ in cues.ally_nouns or lemma in cues.ally_nouns)
                # "Russia's largest trading partner" is trade, not an alliance
                and not any(c.lower_ in cues.trade_modifiers for c in token.children)
            ):
                owner = self.syntax.possessor(token)
                side_a = self.actors_of(owner) if owner is not None else []
                side_a += [
                    a
                    for _, t in self.syntax.prep_objects(token, {"of", "to"})
                    for a in self.actors_of(t)
                ]
                side_b = self.subject_actors(token) if self.syntax.subjects(token) else []
                if not side_b and token.head.i != token.i and self._linking_verb(token.head):
                    side_b = self.subject_actors(token.head)
                if not side_b and token.dep_ in self.syntax.scheme.apposition:
                    side_b = self.actors_of(token.head)
                side_b += [a for c in self.syntax.appositions(token) for a in self.actors_of(c)]
                if not side_a and len(side_b) >= 2:
                    side_a, side_b = side_b[:1], side_b[1:]
                rule, confidence = "ally.noun", 0.8
                if side_a and not side_b:
                    side_b = self._ally_named_by_and(token)
                    rule, confidence = "ally.conj", 0.5
                if not side_a or not side_b:
                    surface = self._allies_surface(token, sent)
                    if surface is not None:
                        yield surface
                        continue
                for owner_actor in side_a:
                    for ally in side_b:
                        a, b = self._state_side(owner_actor, ally), ally
                        predicative = (
                            bool(self.syntax.subjects(token))
                            or any(c.dep_ in self.syntax.scheme.copula for c in token.children)
                            or self._linking_verb(token.head)
                        )
                        rel = self.make(
                            sent,
                            "allied_with",
                            a,
                            b,
                            token,
                            rule,
                            confidence,
                            # "one of its allies, Tajikistan" inside a hedged clause is
                            # still a plain statement of the alliance
                            hedged=None if predicative else False,
                        )
                        if rel:
                            yield rel
            elif lemma in cues.alliance_nouns:
                partners = [
                    a
                    for _, t in self.syntax.prep_objects(token, {"with"})
                    for a in self.actors_of(t)
                ]
                between = [
                    a
                    for _, t in self.syntax.prep_objects(token, {"between"})
                    for a in self.actors_of(t)
                ]
                verb = token.head
                founders = self.subject_actors(verb) if verb.i != token.i else []
                pairs = [(a, b) for a in founders for b in partners]
                pairs += [(between[i], b) for i in range(len(between)) for b in between[i + 1 :]]
                if (
                    not partners
                    and not between
                    and len(founders) > 1
                    and self._lemma(verb) in cues.alliance_verbs
                ):
                    # "Mali, Burkina Faso and Niger formed an alliance"
                    pairs += [
                        (founders[i], b) for i in range(len(founders)) for b in founders[i + 1 :]
                    ]
                for a, b in pairs:
                    rel = self.make(
                        sent, "allied_with", a, b, token, "ally.alliance", 0.75, scope=[verb]
                    )
                    if rel:
                        yield rel

    # -- extended predicates -------------------------------------------------------------
    def _objects_excluding(self, verb: Token, subjects: list[str]) -> list[str]:
        out = []
        objects = self.syntax.objects(verb)
        if objects:
            # "criticizing it and Russia" parsed with "Russia" as a conjunct of the verb
            objects += [
                c
                for c in verb.children
                if c.dep_ in self.syntax.scheme.conjunct
                and c.pos_ == "PROPN"
                and c.i in self.token_actor
                and not self.syntax.subjects(c)
            ]
        for obj in objects:
            for t in self.syntax.conjuncts(obj):
                if t.lower_ in PRONOUN_TYPES:
                    a = self.antecedent(t, exclude=subjects)
                    if a:
                        out.append(a)
                else:
                    out.extend(self._actor_of_head(t))
        return out

    def rule_criticize(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for token in sent:
            lemma = self._lemma(token)
            if lemma in cues.criticize_verbs and token.pos_ == "VERB":
                if self.syntax.is_passive(token):
                    # "Saudi Arabia was criticised by Canada"
                    subjects = [a for t in self.syntax.agents(token) for a in self.actors_of(t)]
                    objects = self.subject_actors(token, passive=True)
                else:
                    subjects = self.subject_actors(token)
                    objects = self._objects_excluding(token, subjects)
                    if not objects and self._reciprocal(token):
                        objects = subjects  # "Serbia and Kosovo criticized each other"
                for s in subjects:
                    for o in objects:
                        rel = self.make(sent, "criticizes", s, o, token, "criticize.verb", 0.75)
                        if rel:
                            yield rel
            elif lemma in cues.critical_adjectives:
                subjects = self.subject_actors(token)
                for _, t in self.syntax.prep_objects(token, {"about", "of", "toward", "towards"}):
                    targets = self.actors_of(t)
                    owner = self.syntax.possessor(t)
                    if owner is not None:
                        targets += self.actors_of(owner)
                    for s in subjects:
                        for o in targets:
                            rel = self.make(
                                sent, "criticizes", s, o, token, "criticize.adjective", 0.65
                            )
                            if rel:
                                yield rel

    def rule_support(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for token in sent:
            lemma = self._lemma(token)
            if token.pos_ != "VERB":
                continue
            targets: list[str] = []
            supporters: list[str] | None = None
            objects = self.syntax.objects(token)
            if lemma in cues.support_verbs:
                if self.syntax.is_passive(token):
                    # "Ukraine is supported by Poland"
                    supporters = [a for t in self.syntax.agents(token) for a in self.actors_of(t)]
                    targets = self.subject_actors(token, passive=True)
                else:
                    targets = [a for o in objects for a in self.actors_of(o)]
            elif lemma in cues.supply_verbs and any(
                self._lemma(o) in cues.supply_objects for o in objects
            ):
                # "sold weapons to Assad", "provides weapons to Taiwan" ("to" on the verb or noun)
                heads = [token, *(o for o in objects if self._lemma(o) in cues.supply_objects)]
                if token.dep_ in self.syntax.scheme.open_complement:
                    heads.append(token.head)  # "keep selling weapons ..., to the Iraqi military"
                targets = [
                    a
                    for head in heads
                    for _, t in self.syntax.prep_objects(head, {"to"})
                    for a in self.actors_of(t)
                ]
                targets += [a for t in self.syntax.second_objects(token) for a in self.actors_of(t)]
            elif lemma in cues.supply_verbs and any(
                self._lemma(t) in cues.supply_objects
                for head in [token, *objects]
                for _, t in self.syntax.prep_objects(head, {"with"})
            ):
                # "supplying Iran with fighter jets": the recipient is the object
                targets = [a for o in objects for a in self.actors_of(o)]
            if not targets:
                continue
            if supporters is None:
                supporters = self.subject_actors(token)
            for s in supporters:
                for o in dict.fromkeys(targets):
                    rel = self.make(sent, "supports", s, o, token, "support.verb", 0.7)
                    if rel:
                        yield rel

    def _between_surface(self, token: Token, sent: Span) -> list[str]:
        """ "fighting between (the) A and (the) B" read off the words when the parse does
        not attach both sides to the noun: two actors right after "between"."""
        k = token.i + 1
        if k >= sent.end or self.doc[k].lower_ != "between":
            return []
        pair, _ = self._actor_pair(sent, k + 1, 1)
        return pair

    def _actor_pair(self, sent: Span, k: int, step: int) -> tuple[list[str], int]:
        """Two different actors joined by "and", "(the) A and (the) B", read from token ``k``
        in direction ``step`` (1: forwards, -1: backwards): ([A, B] in reading order, the
        index after the pair), or ([], k) when the words there are not such a pair."""
        doc = self.doc

        def inside(i: int) -> bool:
            return sent.start <= i < sent.end

        start = k
        sides: list[str] = []
        for joiner in ("and", None):
            while inside(k) and doc[k].lower_ == "the":
                k += step
            actor = self.token_actor.get(k) if inside(k) else None
            if actor is None or actor in sides:
                return [], start
            sides.append(actor)
            while inside(k) and self.token_actor.get(k) == actor:
                k += step
            if joiner is not None:
                while inside(k) and doc[k].lower_ == "the":
                    k += step
                if not inside(k) or doc[k].lower_ != joiner:
                    return [], start
                k += step
        return (sides if step > 0 else sides[::-1]), k

    def _attack_pairs(self, noun: Token) -> list[tuple[str, str]]:
        """ "Iran's attack on Israel", "Israel launched airstrikes on Hezbollah targets": the
        attacker is the possessor or the subject of a launching verb, the target the object
        of "on" / "against" (not "in": "the attack in Moscow" names a place)."""
        targets = [
            a
            for _, t in self.syntax.prep_objects(noun, {"on", "against"})
            for a in self.actors_of(t)
        ]
        if not targets:
            return []
        owner = self.syntax.possessor(noun)
        attackers = self.actors_of(owner) if owner is not None else []
        verb = noun.head
        if (
            not attackers
            and noun.dep_ in self.syntax.scheme.object
            and self._lemma(verb) in self.cues.attack_launch_verbs
        ):
            attackers = self.subject_actors(verb)
        return [(a, b) for a in attackers for b in targets if a != b]

    def _fire_pairs(self, verb: Token) -> list[tuple[str, str]]:
        """ "Hezbollah fired (dozens of) rockets at Israel": a firing verb with a weapon as its
        object and the target after at / on / into (under the verb or under the weapon)."""
        weapon_nouns = self.cues.weapon_nouns
        weapons = [
            o
            for o in self.syntax.objects(verb)
            if self._lemma(o) in weapon_nouns
            or any(self._lemma(t) in weapon_nouns for _, t in self.syntax.prep_objects(o, {"of"}))
        ]
        if not weapons:
            return []
        preps = {"at", "on", "into", "toward", "towards"}
        targets = [
            a
            for head in [verb, *weapons]
            for _, t in self.syntax.prep_objects(head, preps)
            for a in self.actors_of(t)
        ]
        return [(a, b) for a in self.subject_actors(verb) for b in targets if a != b]

    def rule_conflict(self, sent: Span) -> Iterator[Relation]:
        cues = self.cues
        for token in sent:
            lemma = self._lemma(token)
            pairs: list[tuple[str, str]] = []
            if (lemma in cues.conflict_verbs and token.pos_ == "VERB") or (
                # "India and Pakistan clashed" with "clashed" tagged as an adjective
                token.lower_ in cues.conflict_forms
                and token.pos_ == "ADJ"
                and self.syntax.subjects(token)
            ):
                subjects = self.subject_actors(token)
                objects = self._objects_excluding(token, subjects)
                objects += [
                    a
                    for _, t in self.syntax.prep_objects(token, {"with", "against"})
                    for a in self.actors_of(t)
                ]
                pairs = [(s, o) for s in subjects for o in objects]
                between = [
                    a
                    for _, t in self.syntax.prep_objects(token, {"between"})
                    for a in self.actors_of(t)
                ]
                if len(between) < 2:
                    between = self._between_surface(token, sent) or between
                pairs += [(between[i], b) for i in range(len(between)) for b in between[i + 1 :]]
                if not objects and len(subjects) > 1:
                    pairs = [
                        (subjects[i], b) for i in range(len(subjects)) for b in subjects[i + 1 :]
                    ]
            elif lemma in cues.attack_nouns and token.pos_ == "NOUN":
                pairs = self._attack_pairs(token)
            elif lemma in cues.fire_verbs and token.pos_ == "VERB":
                pairs = self._fire_pairs(token)
            elif (
                lemma in cues.conflict_nouns
                and token.pos_ in ("NOUN", "VERB")
                and (token.pos_ == "NOUN" or token.tag_ == "VBG")
            ):
                owner = self.syntax.possessor(token)
                side_a = self._actor_of_head(owner) if owner is not None else []
                targets = self.syntax.prep_objects(token, {"of", "in", "against", "with", "on"})
                side_b = [a for _, t in targets for a in self.actors_of(t)]
                for child in token.children:
                    if child.dep_ == "acl":
                        side_a += [a for t in self.syntax.agents(child) for a in self.actors_of(t)]
                        side_b += [
                            a
                            for _, t in self.syntax.prep_objects(child, {"in", "against", "on"})
                            for a in self.actors_of(t)
                        ]
                between = [
                    a
                    for _, t in self.syntax.prep_objects(token, {"between"})
                    for a in self.actors_of(t)
                ]
                if len(between) < 2:
                    between = self._between_surface(token, sent) or between
                mods = [
                    self.token_actor[c.i]
                    for c in token.subtree
                    if c.i < token.i
                    and c.i in self.token_actor
                    and self.actor_type(self.token_actor[c.i]) == "State"
                    and c.dep_ in self.syntax.scheme.modifier | self.syntax.scheme.conjunct
                ]
                if not side_a and owner is None and token.head.i != token.i:
                    side_a = (
                        self.subject_actors(token.head)
                        if self._lemma(token.head)
                        in ("launch", "start", "wage", "begin", "unleash")
                        else []
                    )
                pairs = [(a, b) for a in side_a for b in side_b]
                pairs += [(between[i], b) for i in range(len(between)) for b in between[i + 1 :]]
                mods = list(dict.fromkeys(mods))
                pairs += [(mods[i], b) for i in range(len(mods)) for b in mods[i + 1 :]]
            for a, b in pairs:
                if self.actor_type(a) == "Person" or self.actor_type(b) == "Person":
                    continue
                rel = self.make(sent, "conflict_with", a, b, token, "conflict", 0.7)
                if rel:
                    yield rel


@lru_cache(maxsize=4)
def rule_table(cues: Cues) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """(rule method name, trigger words) of every rule, built once per cue set: a rule runs
    only on sentences that contain one of its trigger words (None: a person)."""
    nominal = frozenset(cues.nominal_predicates)
    return (
        ("rule_accuse_verb", cues.accuse_verbs),
        ("rule_speech", cues.speech_verbs | cues.label_verbs),
        ("rule_deny_verb", cues.deny_verbs),
        ("rule_deny_relative", cues.deny_verbs),
        ("rule_falsity_surface", cues.speech_verbs),
        ("rule_according_to", frozenset({"according"})),
        ("rule_quoted_accusation", cues.event_nouns | cues.perpetrator_nouns),
        ("rule_alleged_involvement", cues.involvement_nouns),
        ("rule_deny_surface", cues.deny_forms),
        ("rule_accuse_surface", cues.accuse_forms),
        ("rule_support_surface", cues.support_forms | cues.supply_forms),
        ("rule_claim_responsibility", cues.claim_verbs),
        ("rule_nominal", nominal),
        (
            "rule_membership",
            cues.member_nouns
            | cues.membership_nouns
            | cues.founding_verbs
            | cues.include_verbs
            | cues.join_verbs
            | cues.leave_verbs
            | cues.withdraw_verbs
            | cues.suspend_verbs,
        ),
        ("rule_led", frozenset({"led"})),
        ("rule_backed", cues.backed_forms),
        ("rule_leader_titles", None),  # needs a person in the sentence
        ("rule_lead_verb", cues.lead_verbs),
        ("rule_allies", cues.ally_nouns | cues.alliance_nouns | cues.ally_verbs),
        ("rule_criticize", cues.criticize_verbs | cues.critical_adjectives),
        ("rule_support", cues.support_verbs | cues.supply_verbs),
        (
            "rule_conflict",
            cues.conflict_verbs
            | cues.conflict_nouns
            | cues.conflict_forms
            | cues.attack_nouns
            | cues.fire_verbs,
        ),
    )


_AGENT_NOUNS = frozenset(
    {
        "fighters",
        "forces",
        "troops",
        "militants",
        "soldiers",
        "members",
        "army",
        "military",
        "men",
        "units",
        "president",
        "leader",
        "government",
        "ministry",
        "office",
        "minister",
        "officials",
        "leadership",
        "spokesman",
        "spokesperson",
    }
)
_MILITARY_RANKS = frozenset(
    {"major", "general", "lieutenant", "colonel", "brigadier", "admiral", "marshal", "captain"}
)


def _trim(sent: Span) -> tuple[int, int]:
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return sent.start_char, sent.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
