"""Actor ruler patterns and the linker component.

The ruler (a spaCy ``entity_ruler`` placed before the statistical NER) marks every
surface form of the gazetteer; its pattern ids are ``"<actor id>|<form>"``. The linker
turns entities into actor mentions on ``Doc._.kg_mentions``: gazetteer names directly;
demonyms only when they stand for the state ("Tajik President", "Russian pilots");
capitals and seats of government only when they act ("Moscow said", not "in Moscow");
persons and organisations outside the gazetteer get ids from their full names, and a
bare surname links back to the full name seen earlier in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.actors import (
    FORM_ABBREVIATION,
    FORM_DEMONYM,
    FORM_METONYM,
    FORM_NAME,
    FORM_SHORT,
    Actor,
    Gazetteer,
    load_gazetteer,
    new_actor,
)
from kg.claims import Mention
from kg.nlp import extensions
from kg.nlp.syntax import syntax_for
from kg.text import english_words

extensions.register()

RULER_NAME = "kg_actor_ruler"
LINKER_NAME = "kg_linker"
_TYPE_LABEL = {
    "State": "GPE",
    "IGO": "ORG",
    "ArmedGroup": "ORG",
    "Organization": "ORG",
    "Media": "ORG",
    "Party": "ORG",
    "Person": "PERSON",
}
FORM_ANAPHOR = "anaphor"
FORM_NER = "ner"


@dataclass(frozen=True)
class LinkingCues:
    demonym_heads: frozenset[str]
    place_prepositions: frozenset[str]
    actor_markers: frozenset[str]
    titles: frozenset[str]
    anaphors: dict[str, tuple[str, ...]]
    anaphor_window: int
    org_words: frozenset[str]
    place_words: frozenset[str]


@lru_cache(maxsize=1)
def linking_cues() -> LinkingCues:
    raw = yaml.safe_load(resources.files("kg.data").joinpath("linking.yaml").read_text("utf-8"))
    return LinkingCues(
        demonym_heads=frozenset(raw["demonym_heads"]),
        place_prepositions=frozenset(raw["place_prepositions"]),
        actor_markers=frozenset(raw["actor_markers"]),
        titles=frozenset(raw["titles"]),
        anaphors={k: tuple(v) for k, v in raw["anaphors"].items()},
        anaphor_window=int(raw["anaphor_window"]),
        org_words=frozenset(raw["org_words"]),
        place_words=frozenset(raw["place_words"]),
    )


def ruler_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for every surface form, sorted for stable output."""
    patterns = []
    for actor_id, entry in sorted(gazetteer.entries.items()):
        for form, value in entry.surface_forms():
            label = "NORP" if form == FORM_DEMONYM else _TYPE_LABEL.get(entry.actor.type, "ORG")
            patterns.append({"label": label, "pattern": value, "id": f"{actor_id}|{form}"})
    return patterns


def add_actor_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """Add the gazetteer ruler before the statistical NER (or at the end without one)."""
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        config={"validate": False, "overwrite_ents": False},
        **where,
    )
    # tokenise the patterns with the tokenizer alone, not with the components before the ruler
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(ruler_patterns(gazetteer))


@Language.factory(
    LINKER_NAME,
    requires=["doc.ents"],
    assigns=["doc._.kg_mentions", "doc._.kg_actors"],
    default_config={"gazetteer_path": None},
)
def make_linker(nlp: Language, name: str, gazetteer_path: str | None) -> ActorLinker:
    return ActorLinker(load_gazetteer(gazetteer_path))


class ActorLinker:
    """Turns entities into canonical actor mentions (``Doc._.kg_mentions``)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.cues = linking_cues()
        self._local: dict[str, Actor] = {}  # actors outside the gazetteer, for the current doc

    def __call__(self, doc: Doc) -> Doc:
        syntax = syntax_for(doc)
        mentions: list[Mention] = []
        actors: dict[str, Actor] = {}
        persons: dict[str, str] = {}  # surname/full name seen in this doc -> actor id
        self._local = {}
        for ent in doc.ents:
            linked = self._link(ent, doc, syntax, persons)
            if linked is None:
                continue
            actor, form = linked
            actors[actor.id] = actor
            mentions.append(Mention(ent.start_char, ent.end_char, actor.id, form))
        mentions.extend(self._anaphors(doc, mentions, actors, syntax))
        mentions.sort(key=lambda m: (m.start, m.end))
        doc._.kg_mentions = mentions
        doc._.kg_actors = actors
        return doc

    # -- entities -----------------------------------------------------------------------
    def _link(
        self, ent: Span, doc: Doc, syntax, persons: dict[str, str]
    ) -> tuple[Actor, str] | None:
        if ent.ent_id_ and "|" in ent.ent_id_:
            actor_id, form = ent.ent_id_.split("|", 1)
            candidates = self.gazetteer.lookup(ent.text) or [(actor_id, form)]
            actor_id, form = sorted(candidates, key=lambda c: _FORM_RANK.get(c[1], 9))[0]
            entry = self.gazetteer.entries[actor_id]
            if form == FORM_DEMONYM and not self._demonym_is_actor(ent, syntax):
                return None
            if form == FORM_METONYM and not self._metonym_acts(ent, syntax):
                return None
            if (
                form in (FORM_NAME, FORM_ABBREVIATION)
                and ent.text in entry.ambiguous
                and not self._ambiguous_confirmed(ent, doc, actor_id)
            ):
                return None
            if form == FORM_SHORT:
                longer = self._longer_name(ent, doc)
                if longer is not None and any(
                    w.lower() in self.cues.org_words for w in longer.split()
                ):
                    return None
                if longer is not None:
                    actor = self._local.get(new_actor(longer, "Person").id) or new_actor(
                        longer, "Person"
                    )
                    self._local[actor.id] = actor
                    self._remember_person(longer, actor.id, persons)
                    return actor, FORM_NER
                if not self._short_confirmed(ent, doc, entry):
                    return None
                return self._short_person(ent, entry.actor, persons), FORM_SHORT
            if entry.actor.type == "Person":
                self._remember_entry(entry, persons)
            return entry.actor, form
        if ent.label_ == "PERSON":
            return self._person(ent, persons)
        if ent.label_ == "ORG":
            return self._organisation(ent)
        return None  # places, nationalities, dates ... outside the gazetteer are not actors

    def _demonym_is_actor(self, ent: Span, syntax) -> bool:
        last = ent[-1]
        if last.text.endswith("s") and last.text[:1].isupper() and len(ent) == 1:
            # "Russians", "Turks": the people, standing for the state in news usage
            return last.tag_ in ("NNPS", "NNS", "") or last.pos_ in ("PROPN", "NOUN", "")
        head = syntax.modified_noun(last)
        return head is not None and head.lower_ in self.cues.demonym_heads

    def _metonym_acts(self, ent: Span, syntax) -> bool:
        first = ent[0]
        before = ent.doc[first.i - 1] if first.i > 0 else None
        if before is not None and before.lower_ in self.cues.actor_markers:
            return True
        if before is not None and before.lower_ == "the" and first.i > 1:
            before = ent.doc[first.i - 2]
        if before is not None and before.lower_ in self.cues.place_prepositions:
            return False
        return syntax.acts(ent)

    def _longer_name(self, ent: Span, doc: Doc) -> str | None:
        """The full name when a gazetteer surname is part of a longer unknown name."""

        def name_part(token) -> bool:
            return (
                token.is_title
                and token.is_alpha
                and token.ent_type_ in ("", "PERSON")
                and token.lower_ not in self.cues.titles
            )

        end = ent.end
        while end < len(doc) and name_part(doc[end]):
            end += 1
        start = ent.start
        while start > 0 and name_part(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
        if end == ent.end and start == ent.start:
            return None
        return doc[start:end].text

    def _short_confirmed(self, ent: Span, doc: Doc, entry) -> bool:
        """A bare surname names a gazetteer person only after a title ("President Putin")
        or when the document also gives the full name."""
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in self.cues.titles:
            return True
        full = set(entry.forms.get(FORM_NAME, ()))
        return any(e.text in full for e in doc.ents)

    def _ambiguous_confirmed(self, ent: Span, doc: Doc, actor_id: str) -> bool:
        entry = self.gazetteer.entries[actor_id]
        others = {v for f, v in entry.surface_forms() if v not in entry.ambiguous}
        return any(e.text in others for e in doc.ents if e.start != ent.start)

    # -- persons and organisations ------------------------------------------------------
    def _strip_titles(self, ent: Span) -> Span:
        start = ent.start
        while start < ent.end - 1 and ent.doc[start].lower_.rstrip(".") in self.cues.titles:
            start += 1
        end = ent.end
        while end > start + 1 and ent.doc[end - 1].is_punct:
            end -= 1
        return ent.doc[start:end]

    def _remember_entry(self, entry, persons: dict[str, str]) -> None:
        for form, value in entry.surface_forms():
            if form in (FORM_NAME, FORM_SHORT):
                self._remember_person(value, entry.actor.id, persons)

    def _remember_person(self, name: str, actor_id: str, persons: dict[str, str]) -> None:
        persons[name] = actor_id
        parts = name.split()
        if len(parts) > 1:
            persons.setdefault(parts[-1], actor_id)

    def _short_person(self, ent: Span, actor: Actor, persons: dict[str, str]) -> Actor:
        local = persons.get(ent.text)
        if local is not None and local != actor.id:
            return self._actor(local) or actor
        return actor

    def _person(self, ent: Span, persons: dict[str, str]) -> tuple[Actor, str] | None:
        span = self._strip_titles(ent)
        text = span.text.strip()
        if not text or not text[0].isupper() or any(ch.isdigit() for ch in text):
            return None
        for actor_id, form in self.gazetteer.lookup(text):
            if self.gazetteer.entries[actor_id].actor.type == "Person":
                self._remember_entry(self.gazetteer.entries[actor_id], persons)
                return self.gazetteer.actor(actor_id), form
        initial = re.fullmatch(r"([A-Z])\.\s*([A-Z][\w'-]+)", text)
        if initial:
            for name, actor_id in persons.items():
                parts = name.split()
                if len(parts) > 1 and parts[-1] == initial[2] and parts[0][0] == initial[1]:
                    return self._actor(actor_id) or new_actor(name, "Person"), FORM_NER
        if any(w.lower_ in self.cues.org_words for w in span):
            return None  # "Davis Center": an institution named after a person
        if text in persons:
            return self._actor(persons[text]) or new_actor(text, "Person"), FORM_NER
        if len(span) == 1 and text.endswith("'s"):
            return None
        actor = new_actor(text, "Person")
        self._remember_person(text, actor.id, persons)
        self._local[actor.id] = actor
        return actor, FORM_NER

    def _organisation(self, ent: Span) -> tuple[Actor, str] | None:
        span = ent
        if span[0].lower_ == "the":
            span = span[1:]
        text = span.text.strip()
        if not text:
            return None
        for actor_id, form in self.gazetteer.lookup(text):
            return self.gazetteer.actor(actor_id), form
        words = text.split()
        last = span[-1]
        if (
            last.lower_ in self.cues.place_words
            or last.text.endswith("-")
            or last.lower_ in ("of", "for", "and", "the", "on", "in")
            or last.tag_ in ("JJ", "JJR", "JJS")
            or (len(span) == 1 and span[0].is_sent_start and span[0].lower_ in english_words())
        ):
            return None
        if (
            len(words) > 10
            or not text[0].isupper()
            or all(w.isdigit() for w in words)
            or (len(words) == 1 and len(text) < 2)
        ):
            return None
        actor = new_actor(text, "Organization")
        self._local[actor.id] = actor
        return actor, FORM_NER

    def _actor(self, actor_id: str) -> Actor | None:
        if actor_id in self.gazetteer:
            return self.gazetteer.actor(actor_id)
        return self._local.get(actor_id)

    # -- anaphora -----------------------------------------------------------------------
    def _anaphors(
        self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor], syntax
    ) -> Iterable[Mention]:
        """ "the country" / "the group" -> the last actor of a matching type, a few sentences back."""
        if not mentions:
            return []
        found = []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        sent_of = {}
        for number, sent in enumerate(sents):
            for token in sent:
                sent_of[token.i] = number
        ordered = sorted(mentions, key=lambda m: m.start)
        for token in doc:
            if token.lower_ not in self.cues.anaphors or token.i == 0:
                continue
            det = doc[token.i - 1]
            if det.lower_ != "the" or not token.is_lower or token.ent_type_:
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and (nxt.is_title or nxt.lower_ == "of"):
                continue  # "the State Duma", "the state of emergency
            types = self.cues.anaphors[token.lower_]
            here = sent_of.get(token.i, 0)
            best = best_subject = same_sentence = None
            for mention in ordered:
                if mention.start >= det.idx:
                    break
                actor = actors[mention.actor]
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                mention_sent = sent_of.get(span[0].i, 0)
                if actor.type in types and here - mention_sent <= self.cues.anaphor_window:
                    best = mention
                    if mention_sent == here:
                        same_sentence = mention
                    if syntax.is_subject(span.root):
                        best_subject = mention
            # an antecedent earlier in the same sentence wins; else the latest subject
            best = same_sentence or best_subject or best
            if best is not None:
                found.append(Mention(det.idx, token.idx + len(token), best.actor, FORM_ANAPHOR))
        return found


_FORM_RANK = {FORM_NAME: 0, FORM_ABBREVIATION: 1, FORM_SHORT: 2, FORM_METONYM: 3, FORM_DEMONYM: 4}
