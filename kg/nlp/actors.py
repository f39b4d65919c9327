"""Actor ruler patterns and the linker component.

The ruler (a phrase matcher placed before the statistical NER) marks every surface form of
the gazetteer; its entity ids are ``"<actor id>|<form>"``. The linker
turns entities into actor mentions on ``Doc._.kg_mentions``: gazetteer names directly;
demonyms only when they stand for the state ("Tajik President", "Russian pilots");
capitals and seats of government only when they act ("Moscow said", not "in Moscow");
persons and organisations outside the gazetteer get ids from their full names, and a
bare surname links back to the full name seen earlier in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
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
FORM_COREF = "coref"
_LANGUAGE_VERBS = frozenset(
    [
        "speak",
        "speaks",
        "spoke",
        "spoken",
        "learn",
        "learns",
        "learned",
        "teach",
        "taught",
        "translate",
        "translates",
        "translated",
        "write",
        "writes",
        "wrote",
        "written",
        "dub",
        "dubbed",
        "publish",
        "published",
    ]
)
_ORDINALS = frozenset({"first", "second", "third", "vice"})


@dataclass
class _DocState:
    """What the linker learns while it reads one document."""

    doc: Doc
    syntax: object
    present: set[str]  # gazetteer actors the document names unambiguously
    persons: dict[str, str] = field(default_factory=dict)  # name or surname -> actor id


def _name_word(token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _is_headline(sent: Span) -> bool:
    """A headline in title case: every word longer than three letters is capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) > 2 and all(t.is_title or t.is_upper for t in words)


def _initials(span: Span, connectors: frozenset[str]) -> str:
    return "".join(t.text[0] for t in span if t.is_alpha and t.lower_ not in connectors)


def _initials_of(label: str, connectors: frozenset[str]) -> str:
    return "".join(w[0] for w in label.split() if w[0].isalpha() and w.lower() not in connectors)


def _hashes(words: Iterable[str]) -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def _without_overlaps(found: list[tuple[Mention, Actor]]) -> list[tuple[Mention, Actor]]:
    """Keep the longest of overlapping mentions (the earliest on ties)."""
    kept: list[tuple[Mention, Actor]] = []
    for item in sorted(found, key=lambda f: (-(f[0].end - f[0].start), f[0].start)):
        m = item[0]
        if all(m.end <= k.start or m.start >= k.end for k, _ in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[0].start)


@dataclass(frozen=True)
class LinkingCues:
    demonym_heads: frozenset[str]
    state_bodies: frozenset[str]
    governing_bodies: frozenset[str]
    date_words: frozenset[str]
    non_state_heads: frozenset[str]
    place_prepositions: frozenset[str]
    actor_markers: frozenset[str]
    titles: frozenset[str]
    anaphors: dict[str, tuple[str, ...]]
    anaphor_window: int
    org_words: frozenset[str]
    org_heads: frozenset[str]
    name_connectors: frozenset[str]
    place_words: frozenset[str]
    media_words: frozenset[str]
    source_cues: frozenset[str]
    subnational_cues: frozenset[str]
    act_verbs: frozenset[str]
    armed_group_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    relational_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    person_roles: frozenset[str]
    speech_forms: frozenset[str]
    place_openers: frozenset[str]


@lru_cache(maxsize=1)
def linking_cues() -> LinkingCues:
    raw = yaml.safe_load(resources.files("kg.data").joinpath("linking.yaml").read_text("utf-8"))
    words = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    return LinkingCues(
        **{k: words[k] for k in LinkingCues.__dataclass_fields__ if k in words},
        anaphors={k: tuple(v) for k, v in raw["anaphors"].items()},
        anaphor_window=int(raw["anaphor_window"]),
    )


def ruler_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for every surface form, sorted for stable output."""
    patterns = []
    for actor_id, entry in sorted(gazetteer.entries.items()):
        for form, value in entry.surface_forms():
            label = "NORP" if form == FORM_DEMONYM else _TYPE_LABEL.get(entry.actor.type, "ORG")
            patterns.append({"label": label, "pattern": value, "id": f"{actor_id}|{form}"})
    return patterns


def add_actor_ruler(nlp: Language, gazetteer: Gazetteer, gazetteer_path: str | None = None) -> None:
    """Add the gazetteer ruler before the statistical NER (or at the end without one).

    With a statistical NER, two components frame it: ``kg_actor_bounds`` (after the ruler)
    trims a leading article from ruler spans and holds back the ones that are part of a
    longer capitalised name ("Liberal Party of Canada", "Pierre Trudeau", "Denmark-Norway"),
    so that the NER can take the whole name; ``kg_actor_restore`` (after the NER) puts a
    held-back span back where the NER found nothing over it and gives an NER place that is
    a gazetteer state its GPE label.
    """
    has_ner = "ner" in nlp.pipe_names
    where = {"before": "ner"} if has_ner else {}
    nlp.add_pipe(RULER_NAME, config={"gazetteer_path": gazetteer_path}, **where)
    if has_ner:
        nlp.add_pipe(BOUNDS_NAME, after=RULER_NAME)
        nlp.add_pipe(RESTORE_NAME, after="ner", config={"gazetteer_path": gazetteer_path})
    else:
        nlp.add_pipe(BOUNDS_NAME, after=RULER_NAME, config={"hold_back": False})


class ActorRuler:
    """Marks every gazetteer surface form as an entity: label from the actor type, entity id
    ``"<actor id>|<form>"``. Longest matches win; of one surface form shared by several
    actors, the first in ``ruler_patterns`` order. One phrase matcher key for all forms, so
    that building it and matching stay cheap with thousands of forms."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.matcher = PhraseMatcher(nlp.vocab)
        self.entities: dict[tuple[int, ...], tuple[str, str]] = {}
        patterns = ruler_patterns(gazetteer)
        phrases = []
        # the tokenizer alone, not the components before the ruler
        for pattern, doc in zip(
            patterns, nlp.tokenizer.pipe(p["pattern"] for p in patterns), strict=True
        ):
            key = tuple(doc.to_array("ORTH").tolist())
            if not key:
                continue
            if key not in self.entities:
                phrases.append(doc)
            elif _rank(self.entities[key][1]) <= _rank(pattern["id"]):
                continue  # of one actor's forms, the name before its abbreviation ...
            self.entities[key] = (pattern["label"], pattern["id"])
        self.matcher.add("ACTOR", phrases)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        if not matches:
            return doc
        orth = doc.to_array("ORTH").tolist()
        spans = sorted(
            {(start, end) for _, start, end in matches}, key=lambda m: (m[0] - m[1], m[0])
        )
        preset = {i for e in doc.ents for i in range(e.start, e.end)}  # kept as they are
        taken: set[int] = set()
        new = []
        for start, end in spans:
            if start in taken or end - 1 in taken or not preset.isdisjoint(range(start, end)):
                continue
            label, actor_form = self.entities[tuple(orth[start:end])]
            new.append(Span(doc, start, end, label=label, span_id=actor_form))
            taken.update(range(start, end))
        doc.ents = list(doc.ents) + new
        return doc


def _rank(actor_form: str) -> int:
    return _FORM_RANK.get(actor_form.split("|", 1)[1], 9)


@Language.factory(RULER_NAME, assigns=["doc.ents"], default_config={"gazetteer_path": None})
def make_ruler(nlp: Language, name: str, gazetteer_path: str | None) -> ActorRuler:
    return ActorRuler(nlp, load_gazetteer(gazetteer_path))


BOUNDS_NAME = "kg_actor_bounds"
RESTORE_NAME = "kg_actor_restore"
HELD_BACK = "kg_held_back"
_ARTICLES = frozenset({"the"})  # "The Moscow Times" keeps its article
_CALENDAR = frozenset(
    [
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
    ]
)
_NAME_LINKS = frozenset({"of", "for"})


class _Lines:
    """Title-case lines without a full stop ("Russia Accuses Ukraine Of Terror Attack"),
    read on the token arrays before the parser, when sentence starts are line starts."""

    def __init__(self, doc: Doc):
        starts = doc.to_array("SENT_START") == 1
        starts[0] = True
        self.starts = numpy.flatnonzero(starts)
        self.words = doc.to_array("IS_ALPHA").astype(bool) & (doc.to_array("LENGTH") > 3)
        self.lower = doc.to_array("IS_LOWER").astype(bool)
        self.space = doc.to_array("IS_SPACE").astype(bool)
        self.orth = doc.to_array("ORTH")

    def headline(self, i: int) -> bool:
        k = int(numpy.searchsorted(self.starts, i, side="right"))
        start = int(self.starts[k - 1])
        end = int(self.starts[k]) if k < len(self.starts) else len(self.orth)
        solid = numpy.flatnonzero(~self.space[start:end])
        if len(solid) and self.orth[start + solid[-1]] == _FULL_STOP:
            return False
        words = self.words[start:end]
        return int(words.sum()) > 2 and not self.lower[start:end][words].any()


_FULL_STOP = hash_string(".")


class ActorBounds:
    """Trims articles off ruler spans and holds back spans inside longer names."""

    def __init__(self, hold_back: bool):
        self.hold_back = hold_back
        cues = linking_cues()
        self.titles = cues.titles
        self.bodies = cues.state_bodies
        self.words = english_words()

    def _name_word(self, token) -> bool:
        return (
            _name_word(token)
            and not token.is_stop
            and token.lower_ not in self.titles
            and token.lower_ not in _CALENDAR
        )

    def _names_with(self, ent: Span, after) -> bool:
        """A name word after the span continues its name, except after a nationality that
        modifies another gazetteer actor ("Afghan Taliban", "Russian Vladimir Putin"; not
        "Australian Labor Party")."""
        return ent.label_ != "NORP" or not after.ent_type

    def _inside_longer_name(self, ent: Span) -> bool:
        doc = ent.doc
        first, last = ent[0], ent[-1]
        if (
            ent.start >= 2
            and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lower_ in self.titles
        ):
            return False  # "Prime Minister of Pakistan Imran Khan": the title's state, a name
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and not after.is_sent_start:
            if last.whitespace_ and self._name_word(after) and self._names_with(ent, after):
                return True  # "Jean Chrétien", "Kim Jong-un", "Australian Labor Party"
            if (
                after.text == "-"
                and not last.whitespace_
                and not after.whitespace_
                and ent.end + 1 < len(doc)
                and self._name_word(doc[ent.end + 1])
                and not doc[ent.end + 1].ent_type
            ):
                return True  # "Austria-Hungary"; not "Russia-Tajikistan relations"
            k = ent.end + 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if after.lower_ in _NAME_LINKS and k < len(doc) and self._name_word(doc[k]):
                return True  # "Democratic Party of Albania"
        if first.is_sent_start or ent.start == 0:
            return False
        before = doc[ent.start - 1]
        if (
            self._name_word(before)
            and before.ent_type_ != "NORP"  # "Afghan Taliban": a nationality modifies it
            and not (
                ent.label_ == "NORP"
                and before.is_sent_start is not False
                and before.lower_ in self.words
            )
        ):
            # "Pierre Trudeau", "Australian Labor Party", "Northern Ireland"; not "Ethnic
            # Uzbeks" at the start of a sentence
            return True
        if (
            before.text == "-"
            and not before.whitespace_
            and ent.start > 1
            and not doc[ent.start - 2].whitespace_
            and self._name_word(doc[ent.start - 2])
            and not doc[ent.start - 2].ent_type
        ):
            return True  # "Austria-Hungary"
        k = ent.start - 1
        if before.lower_ == "the" and k > 0 and not before.is_sent_start:
            k -= 1
        link = doc[k]
        if link.lower_ in _NAME_LINKS and k > 0 and not link.is_sent_start:
            head = doc[k - 1]
            # "Liberal Party of Canada", "Kingdom of Romania"; not "President of Russia",
            # "the government of Tajikistan"
            return self._name_word(head) and head.lower_ not in self.bodies
        return False

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        kept, held = [], []
        changed = False
        lines: _Lines | None = None
        for ent in ents:
            if "|" not in ent.ent_id_:
                kept.append(ent)
                continue
            if len(ent) > 1 and ent[0].text in _ARTICLES:
                ent[0].ent_id = 0
                ent = Span(doc, ent.start + 1, ent.end, label=ent.label, span_id=ent.id)
                changed = True
            if self.hold_back and self._inside_longer_name(ent):
                lines = lines or _Lines(doc)
                if lines.headline(ent.start):
                    kept.append(ent)
                    continue
                for token in ent:
                    token.ent_id = 0  # or an NER entity over it would inherit the id
                held.append(ent)
                changed = True
            else:
                kept.append(ent)
        if changed:
            # held-back and trimmed tokens become "outside", which the NER may overrule
            doc.ents = kept
            if held:
                doc.spans[HELD_BACK] = held
        return doc


@Language.factory(
    BOUNDS_NAME,
    assigns=["doc.ents"],
    default_config={"hold_back": True},
)
def make_bounds(nlp: Language, name: str, hold_back: bool) -> ActorBounds:
    return ActorBounds(hold_back)


class ActorRestore:
    """After the NER: held-back ruler spans return where the NER found nothing; an NER
    place that is a gazetteer state name becomes GPE."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        cues = self.cues = linking_cues()
        self.org_words = cues.org_words | cues.org_heads
        self.org_name_ends = self.org_words - _PLACE_HEADS  # "... Institute", not "... Street"

    def _state_form(self, text: str) -> str | None:
        for actor_id, form in self.gazetteer.lookup(text):
            entry = self.gazetteer.entries[actor_id]
            if (
                entry.actor.type == "State"
                and form in (FORM_NAME, FORM_ABBREVIATION, FORM_SHORT)
                and text not in entry.ambiguous
            ):
                return f"{actor_id}|{form}"
        return None

    def _adjective(self, word: str) -> bool:
        """ "Russian", "Strategic", "International": a word a name does not end with (the
        restore step runs before the tagger, so by form: a demonym or an adjective ending)."""
        if any(form == FORM_DEMONYM for _, form in self.gazetteer.lookup(word)):
            return True
        return word[:1].isupper() and word.lower().endswith(_ADJECTIVE_ENDINGS)

    def _named_for(self, ent: Span) -> bool:
        """ "Center for Russian", "Institute of Oriental": an organisation word followed by
        "for"/"of" inside the entity, so a coordinated name part may follow."""
        words = [t.lower_ for t in ent]
        return any(
            w in self.org_words and nxt in _NAME_LINKS
            for w, nxt in zip(words, words[1:], strict=False)
        )

    def _speaks_or_has_a_role(self, ent: Span) -> bool:
        """A place entity used as a person: "says Serhii Kuzan", "S. Kuzan asks",
        "Serhii Kuzan, head of ...": a speech verb next to it or a role in apposition."""
        doc = ent.doc
        cues = self.cues
        if ent.start > 0 and doc[ent.start - 1].lower_ in cues.speech_forms:
            return True
        if ent.end < len(doc) and doc[ent.end].lower_ in cues.speech_forms:
            return True
        k = ent.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
            while k < len(doc) and doc[k].lower_ in ("a", "an", "the", "senior", "former"):
                k += 1
            return k < len(doc) and doc[k].lower_ in cues.person_roles
        return False

    def _role_before(self, ent: Span) -> bool:
        """ "Kremlin spokesman Dmitry Peskov": a person's role word right before the entity."""
        return ent.start > 0 and ent.doc[ent.start - 1].lower_ in self.cues.person_roles

    def _persons_labelled_places(self, doc: Doc) -> set[int]:
        """Starts of LOC entities that name a person: two or three capitalised words (or an
        initial and a surname) that speak or have a role, and every other LOC entity with
        the same words or the same surname after an initial. An ORG entity of such words
        right after a role word names a person too ("Kremlin spokesman Dmitry Peskov")."""
        candidates = [
            e
            for e in doc.ents
            if (e.label_ == "LOC" or (e.label_ == "ORG" and self._role_before(e)))
            and "|" not in e.ent_id_
            and 2 <= len(e) <= 3
            and all(t.is_title or _is_initial(t) for t in e)
            and not self.gazetteer.lookup(e.text)
            and e[0].lower_ not in self.cues.place_openers
            and not any(t.lower_ in self.org_words or t.lower_ in self.cues.place_words for t in e)
        ]
        names = {e.text for e in candidates if e.label_ == "ORG" or self._speaks_or_has_a_role(e)}
        surnames = {name.split()[-1] for name in names}
        return {
            e.start
            for e in candidates
            if e.text in names or (e[-1].text in surnames and _is_initial(e[0]))
        }

    def __call__(self, doc: Doc) -> Doc:
        persons = self._persons_labelled_places(doc)
        held = list(doc.spans[HELD_BACK]) if HELD_BACK in doc.spans else []
        ents = []
        changed = bool(held)
        for ent in doc.ents:
            if "|" not in ent.ent_id_ and ent.label_ != "GPE":
                key = self._state_form(ent.text) if ent.label_ == "LOC" else None
                if ent.start in persons:
                    # "Serhii Kuzan" labelled a place, but he speaks and heads a centre
                    ent = Span(doc, ent.start, ent.end, label="PERSON")
                    changed = True
                elif key is not None:
                    ent = Span(doc, ent.start, ent.end, label="GPE", span_id=key)
                    changed = True
                elif _polity(ent):
                    ent = Span(doc, ent.start, ent.end, label="GPE")
                    changed = True
                elif (
                    ent.label_ in ("PERSON", "LOC")
                    and len(ent) > 1
                    and ent[-1].lower_ in self.org_name_ends
                ):
                    # "Adam Smith Institute", "John Marek Independent Party": no one's name;
                    # "Soufan Group", "State Duma Committee": no place
                    ent = Span(doc, ent.start, ent.end, label="ORG")
                    changed = True
            before = ents[-1] if ents else None
            if (
                before is not None
                and ent.label_ == "PERSON"
                and (before.label_ == "PERSON" or (len(before) == 1 and before.label_ == "LOC"))
                and "|" not in before.ent_id_ + ent.ent_id_
                and ent.start == before.end + 1
                and doc[before.end].text == "-"
                and not doc[before.end - 1].whitespace_
                and not doc[before.end].whitespace_
            ):
                # "Kassym" + "-" + "Jomart Tokayev": a hyphenated first name cut in two (the
                # first part may come out as a one-word place)
                ent = Span(doc, before.start, ent.end, label="PERSON")
                ents.pop()
                changed = True
            elif (
                before is not None
                and before.label_ in ("ORG", "LOC")
                and ent.label_ in ("ORG", "LOC")
                and "|" not in before.ent_id_ + ent.ent_id_
                and ent.start == before.end + 1
                and doc[before.end].lower_ == "and"
                and self._adjective(before[-1].text)
                and self._named_for(before)
            ):
                # "Davis Center for Russian" + "and" + "Eurasian Studies": one organisation
                # (a name does not end in an adjective: the NER cut it at the "and")
                ent = Span(doc, before.start, ent.end, label="ORG")
                ents.pop()
                changed = True
            ents.append(ent)
        if not changed:
            return doc
        for span in sorted(held, key=lambda e: -e.start):  # "Party" after "Party of Albania"
            ents = _restore(span, ents, self.org_words)
        doc.set_ents(ents, default="unmodified")
        if held:
            del doc.spans[HELD_BACK]
        return doc


_NAME_GAP = frozenset({"-", "of", "the", "for"})
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ic", "al", "ish")


def _is_initial(token) -> bool:
    """ "S." in "S. Kuzan"."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


_PLACE_HEADS = frozenset({"street", "square", "station", "hall", "court"})
_POLITY_HEADS = frozenset(
    ["Empire", "Kingdom", "Caliphate", "Sultanate", "Khanate", "Emirate", "Duchy", "Republic"]
)
_POLITY_WORDS = _POLITY_HEADS | {"Principality", "Grand"}


def _polity(ent: Span) -> bool:
    """A state by its form of government: "Ottoman Empire", "Kingdom of Castile",
    "Islamic Emirate of Afghanistan", "Weimar Republic"."""
    if len(ent) < 2:
        return False
    if ent[-1].text in _POLITY_HEADS:
        return True
    of = next((t.i for t in ent if t.lower_ == "of"), None)
    return of is not None and any(t.text in _POLITY_WORDS for t in ent.doc[ent.start : of])


def _restore(held: Span, ents: list[Span], org_words: frozenset[str]) -> list[Span]:
    """Put a held-back ruler span back: alone where the NER found nothing over it, or
    joined to the NER entity it touches ("Liberal Party of" + "Canada", "Jean" +
    "Chrétien"): the NER took only part of the longer name."""
    doc = held.doc
    for ent in ents:
        if ent.start < held.end and held.start < ent.end:
            return ents  # the NER took these words into another entity
    for k, ent in enumerate(ents):
        if "|" in ent.ent_id_:
            continue
        lo, hi = (ent.end, held.start) if ent.end <= held.start else (held.end, ent.start)
        gap = doc[lo:hi]
        if len(gap) <= 2 and all(t.text in _NAME_GAP for t in gap):
            start, end = min(ent.start, held.start), max(ent.end, held.end)
            joined = Span(doc, start, end, label=ent.label)
            return [*ents[:k], joined, *ents[k + 1 :]]
    name = _organisation_of(held, org_words)
    if name is not None and not any(e.start < name.end and name.start < e.end for e in ents):
        held = name
    return sorted([*ents, held], key=lambda e: e.start)


def _organisation_of(held: Span, org_words: frozenset[str]) -> Span | None:
    """ "Democratic Party of Albania" when the NER missed it: the capitalised words before
    "of (the)" name an organisation."""
    doc = held.doc
    k = held.start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k <= 0 or doc[k].lower_ not in _NAME_LINKS:
        return None
    start = k
    while (
        start > 0
        and doc[start - 1].is_alpha
        and doc[start - 1].is_title
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if (
        start > 0
        and doc[start - 1].is_alpha
        and doc[start - 1].is_title
        and doc[start - 1].is_sent_start
    ):
        start -= 1  # the name opens the sentence
    words = doc[start:k]
    if not len(words) or not any(t.lower_ in org_words for t in words):
        return None
    return Span(doc, start, held.end, label="ORG")


@Language.factory(
    RESTORE_NAME,
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={"gazetteer_path": None},
)
def make_restore(nlp: Language, name: str, gazetteer_path: str | None) -> ActorRestore:
    return ActorRestore(load_gazetteer(gazetteer_path))


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
        # word hashes, to find candidate tokens on the token arrays without making Tokens
        self._armed_group_nouns = _hashes(self.cues.armed_group_nouns)
        self._anaphor_words = _hashes(self.cues.anaphors)

    def __call__(self, doc: Doc) -> Doc:
        state = _DocState(doc, syntax_for(doc), self._present(doc))
        self._local = {}
        found: list[tuple[Mention, Actor]] = []
        for ent in doc.ents:
            linked = self._link(ent, state)
            if linked is not None:
                actor, form, span = linked
                found.append((Mention(span.start_char, span.end_char, actor.id, form), actor))
        found.extend(self._unlabelled_orgs(state, found))
        found.extend(self._titled_persons(state, found))
        found.extend(self._unnamed_armed_groups(state, found))
        found.extend(self._surnames(state, found))
        kept = _without_overlaps(found)
        mentions = [m for m, _ in kept]
        actors = {a.id: a for _, a in kept}
        mentions.extend(self._anaphors(doc, mentions, actors, state.syntax))
        mentions.sort(key=lambda m: (m.start, m.end))
        doc._.kg_mentions = mentions
        doc._.kg_actors = actors
        return doc

    def _present(self, doc: Doc) -> set[str]:
        """Actors the document names unambiguously (used to confirm short and ambiguous names)."""
        present = set()
        for ent in doc.ents:
            if ent.ent_id_ and "|" in ent.ent_id_:
                actor_id, form = ent.ent_id_.split("|", 1)
                entry = self.gazetteer.entries.get(actor_id)
                if entry is None or ent.text in entry.ambiguous or form == FORM_SHORT:
                    continue
                present.add(actor_id)
        return present

    # -- entities -----------------------------------------------------------------------
    def _link(self, ent: Span, state: _DocState) -> tuple[Actor, str, Span] | None:
        if ent.ent_id_ and "|" in ent.ent_id_:
            actor_id, form = ent.ent_id_.split("|", 1)
            return self._link_entry(ent, state, [(actor_id, form)])
        candidates = self._lookup(ent)
        if candidates:
            return self._link_entry(ent, state, candidates)
        if ent.label_ == "PERSON":
            return self._person(ent, state)
        if ent.label_ == "ORG":
            return self._organisation(ent, state)
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if (
            ent.label_ == "NORP"
            and after is not None
            and after.lower_ in self.cues.armed_group_nouns
        ):
            # "the Kurdish militia": an unnamed armed group of a people that is not a state
            span = ent.doc[ent.start : ent.end + 1]
            actor = new_actor(span.text, "ArmedGroup")
            return self._local.setdefault(actor.id, actor), FORM_NER, span
        if ent.text in state.persons and len(ent) == 1:
            # a surname the NER took for a place ("According to Sherin")
            actor = self._actor(state.persons[ent.text])
            return (actor, FORM_COREF, ent) if actor is not None else None
        return None  # places, nationalities, dates ... outside the gazetteer are not actors

    def _lookup(self, ent: Span) -> list[tuple[str, str]]:
        text = ent.text
        for variant in (text, "the " + text[4:] if text.startswith("The ") else "", "the " + text):
            if variant and self.gazetteer.lookup(variant):
                return self.gazetteer.lookup(variant)
        if text.lower().startswith("the "):
            return self.gazetteer.lookup(text[4:])
        return []

    def _link_entry(
        self, ent: Span, state: _DocState, fallback: list[tuple[str, str]]
    ) -> tuple[Actor, str, Span] | None:
        candidates = self.gazetteer.lookup(ent.text) or fallback
        actor_id, form = sorted(candidates, key=lambda c: _FORM_RANK.get(c[1], 9))[0]
        entry = self.gazetteer.entries[actor_id]
        if form == FORM_DEMONYM:
            span = self._demonym_span(ent, state.syntax)
            return (entry.actor, form, span) if span is not None else None
        if form == FORM_METONYM and not self._metonym_acts(ent, state.syntax):
            return None
        if form in (FORM_NAME, FORM_ABBREVIATION) and ent.text in entry.ambiguous:
            person = self._person_named_like(ent, state)
            if person is not None:
                return person
            if not self._ambiguous_confirmed(ent, state, actor_id):
                return None
        if form == FORM_SHORT:
            return self._short(ent, state, entry)
        if entry.actor.type == "Person":
            self._remember_entry(entry, state.persons)
        return entry.actor, form, ent

    def _short(self, ent: Span, state: _DocState, entry) -> tuple[Actor, str, Span] | None:
        """A gazetteer surname: part of a longer unknown name, or the gazetteer person."""
        longer = self._longer_name(ent, state.doc)
        if longer is not None:
            if any(w.lower_ in self.cues.org_words for w in longer):
                return None  # "Davis Center"
            name = self._strip_titles(longer)
            return self._new_person(name.text, state), FORM_NER, name
        if not self._short_confirmed(ent, state, entry):
            return None
        return self._short_person(ent, entry.actor, state.persons), FORM_SHORT, ent

    def _demonym_span(self, ent: Span, syntax) -> Span | None:
        """The mention a demonym makes of its state, or None when it is not the state.

        A demonym stands for its state ("Tajik President", "Russian citizens", "Ukrainian
        cities", "Russian-led", "the Kyrgyz") except for language, culture and descent
        ("Russian speakers", "ethnic Russians", "in Russian") and when it is part of the name
        of another actor ("Afghan Taliban"). Before a state body the mention takes it in
        ("the Russian foreign ministry").
        """
        doc = ent.doc
        last = ent[-1]
        before = doc[ent.start - 1] if ent.start > 0 else None
        after = doc[ent.end] if ent.end < len(doc) else None
        if before is not None and before.lower_ == "ethnic":
            return None
        hyphenated = after is not None and after.text == "-" and ent.end + 1 < len(doc)
        if hyphenated and doc[ent.end + 1].lower_ in self.cues.non_state_heads:
            return None  # "Russian-speaking"
        if (
            before is not None
            and before.lower_ in ("in", "into", "from")
            and any(t.lower_ in _LANGUAGE_VERBS for t in doc[max(0, ent.start - 4) : ent.start])
        ):
            return None  # "translated from Russian last year", however it is parsed
        head = syntax.modified_noun(last) if syntax.parsed else None
        if head is None and after is not None and after.is_alpha and after.is_lower:
            head = after
        if head is not None:
            if head.lower_ in self.cues.non_state_heads:
                return None
            if head.ent_type_ == "ORG" and head.ent_iob_ == "B" and head.i != last.i:
                return None  # "Afghan Taliban": the name of another actor
            if head.i > last.i and head.lower_ in self.cues.state_bodies:
                between = doc[ent.end : head.i]
                if all(t.is_lower and t.is_alpha and not t.ent_type_ for t in between):
                    return doc[ent.start : head.i + 1]
            return ent
        attached = syntax.attachment(ent.root) if syntax.parsed else None
        if (
            not last.text.endswith("s")
            and attached is not None
            and attached[0] in ("in", "into", "from")
        ):
            return None  # "written in Russian": the language
        if syntax.parsed and ent.root.head.lemma_ in _LANGUAGE_VERBS:
            return None
        return ent

    def _metonym_acts(self, ent: Span, syntax) -> bool:
        """A capital or seat of government stands for its state only when it acts."""
        doc = ent.doc
        first = ent[0]
        before = doc[first.i - 1] if first.i > 0 else None
        if before is not None and before.lower_ in self.cues.actor_markers:
            return True  # "official Dushanbe"
        if before is not None and before.lower_ == "the" and first.i > 1:
            before = doc[first.i - 2]
        if syntax.parsed and self._relational_target(ent, syntax):
            return True  # "the pact between Moscow and Pyongyang", "Russia blamed Kyiv"
        if before is not None and before.lower_ in self.cues.place_prepositions:
            # "the junta in Bamako" acts for Mali, "according to the Kremlin" is a source;
            # "the summit in Dushanbe" is a place
            word = doc[before.i - 1] if before.i > 0 else None
            return word is not None and (
                (before.lower_ == "in" and word.lower_ in self.cues.governing_bodies)
                or (before.lower_ == "to" and word.lower_ == "according")
            )
        if not syntax.parsed:
            return syntax.acts(ent)
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.lower_ in self.cues.act_verbs:
            return True  # "Moscow tries to ...", however the parse attached it
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "the approaches of Bishkek and Dushanbe"
        attached = syntax.attachment(root)
        if attached is not None:
            prep, head = attached
            if prep == "of":
                # "the approaches of Bishkek", not "the streets of Moscow"
                return head.lower_ not in self.cues.place_words and head.pos_ == "NOUN"
            return prep == "by"
        if syntax.is_object(root):
            return False  # "ISIS hit Moscow"
        bodies = self.cues.state_bodies | {"officials", "official"}
        if (
            after is not None
            and after.is_lower
            and after.tag_ in ("NN", "NNS")
            and after.lower_ not in bodies
        ):
            return False  # "the Paris attacks", "the Moscow concert hall": a modifier
        if syntax.acts(ent):
            return True  # "Moscow said", "Moscow's position"
        if after is not None and after.tag_ in ("VBZ", "VBD", "MD"):
            return True
        head = syntax.modified_noun(ent[-1])
        # "the Kabul government", "Kremlin officials"; not "the Paris attacks"
        return head is not None and head.lower_ in self.cues.state_bodies | {
            "officials",
            "official",
        }

    def _relational_target(self, ent: Span, syntax) -> bool:
        """A capital that is the other party of a relation word: an "of/between/against/with/
        to" phrase of a relational noun ("accusations against Kyiv", "aid to Kyiv", "an ally
        of Washington"), or the object of a relational verb ("Russia blamed Kyiv")."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        attached = syntax.attachment(root)
        if attached is not None:
            prep, head = attached
            lemma = head.lemma_.lower()
            if head.pos_ in ("VERB", "AUX"):
                # "provided aid to Kyiv", "sided with Moscow"; not "flew to Kyiv"
                return (prep == "to" and lemma in self.cues.giving_verbs) or (
                    prep in ("against", "with") and lemma in self.cues.relational_verbs
                )
            return (
                prep in ("of", "between", "against", "with", "to", "by", "from")
                and lemma in self.cues.relational_nouns
            )
        if syntax.is_object(root):
            return root.head.lemma_.lower() in self.cues.relational_verbs
        return False

    def _longer_name(self, ent: Span, doc: Doc) -> Span | None:
        """The full name when a gazetteer surname is part of a longer unknown name."""

        def name_part(token) -> bool:
            return (
                token.is_title
                and token.is_alpha
                and not token.is_stop
                and token.ent_type_ in ("", "PERSON")
                and token.lower_ not in self.cues.titles
            )

        end = ent.end
        while end < len(doc) and name_part(doc[end]) and not doc[end].is_sent_start:
            end += 1
        start = ent.start
        while start > 0 and name_part(doc[start - 1]) and not doc[start].is_sent_start:
            start -= 1
        if end == ent.end and start == ent.start:
            return None
        return doc[start:end]

    def _person_named_like(self, ent: Span, state: _DocState) -> tuple[Actor, str, Span] | None:
        """An ambiguous state name inside a person's name: "Michael Jordan", "Chad Smith"."""
        longer = self._longer_name(ent, ent.doc)
        if longer is None or any(
            t.lower_ in self.cues.org_words | self.cues.place_words for t in longer
        ):
            return None
        if _is_headline(ent.sent if ent.doc.has_annotation("SENT_START") else ent.doc[:]):
            return None  # "How Turkey Benefits ..."
        others = [t for t in longer if t.i < ent.start or t.i >= ent.end]
        if any(t.ent_type_ == "PERSON" for t in others) or (
            longer.start == ent.start and all(t.pos_ == "PROPN" for t in others)
        ):
            return self._new_person(longer.text, state), FORM_NER, longer
        return None

    def _short_confirmed(self, ent: Span, state: _DocState, entry) -> bool:
        """A bare surname names a gazetteer person after a title ("President Putin"), when
        the document also gives the full name, or when it names the person's country and the
        surname is not a title ("Assad" in a text about Syria; not "Major General ...")."""
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in self.cues.titles:
            return True
        full = set(entry.forms.get(FORM_NAME, ()))
        if any(e.text in full for e in doc.ents):
            return True
        country = entry.actor.country
        after = doc[ent.end] if ent.end < len(doc) else None
        return (
            country is not None
            and country in state.present
            and len(self.gazetteer.lookup(ent.text)) == 1
            and ent.text.lower() not in self.cues.titles
            and not (after is not None and after.lower_ in self.cues.titles)
        )

    def _ambiguous_confirmed(self, ent: Span, state: _DocState, actor_id: str) -> bool:
        """An ambiguous name ("Georgia", "Jordan", "Turkey") names the actor unless it is part
        of a longer name ("Michael Jordan") or the document uses it as a sub-national place
        ("Atlanta, Georgia"); it needs another form of the actor in the document ("Tbilisi",
        "Georgian"), for a state another state named in the document, for a group a role
        word right after it ("Wagner chief")."""
        doc = ent.doc
        entry = self.gazetteer.entries[actor_id]
        if self._longer_name(ent, doc) is not None:
            return False
        others = {v for f, v in entry.surface_forms() if v not in entry.ambiguous}
        if any(e.text in others for e in doc.ents if e.start != ent.start):
            return True
        if self._subnational(ent.text, doc):
            return False
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            entry.actor.type != "State"
            and after is not None
            and after.lower_ in self.cues.person_roles
        ):
            return True  # "Wagner chief Yevgeny Prigozhin": a group with a chief
        if entry.actor.type != "State":
            return False
        # another state or an inter-governmental organisation makes it international news
        return any(
            a != actor_id
            and a in self.gazetteer
            and self.gazetteer.actor(a).type in ("State", "IGO")
            for a in state.present
        )

    def _subnational(self, name: str, doc: Doc) -> bool:
        """True when the document uses ``name`` as a sub-national place anywhere."""
        text = doc.text
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            before = text[max(0, match.start() - 40) : match.start()].lower()
            after = text[match.end() : match.end() + 40].lower()
            if re.search(r"[A-Z][a-z]+, $", text[max(0, match.start() - 30) : match.start()]):
                return True  # "Atlanta, Georgia"
            window = before[-25:] + " " + after[:25]
            if any(
                re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", window)
                for c in self.cues.subnational_cues
            ):
                return True
        return False

    # -- persons and organisations ------------------------------------------------------
    def _strip_titles(self, ent: Span) -> Span:
        start = ent.start
        while start < ent.end - 1 and ent.doc[start].lower_.rstrip(".") in self.cues.titles:
            start += 1
        end = ent.end
        while end > start + 1 and (
            ent.doc[end - 1].is_punct or ent.doc[end - 1].lower_ in ("'s", "’s")
        ):
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

    def _new_person(self, name: str, state: _DocState) -> Actor:
        actor = new_actor(name, "Person")
        actor = self._local.setdefault(actor.id, actor)
        self._remember_person(name, actor.id, state.persons)
        return actor

    def _short_person(self, ent: Span, actor: Actor, persons: dict[str, str]) -> Actor:
        local = persons.get(ent.text)
        if local is not None and local != actor.id:
            return self._actor(local) or actor
        self._remember_person(ent.text, actor.id, persons)
        return actor

    def _person(self, ent: Span, state: _DocState) -> tuple[Actor, str, Span] | None:
        """A PERSON entity outside the ruler: a gazetteer person, a name seen earlier, or a
        new person named by its full name. A lone word that names nobody seen before is left
        out unless a title introduces it ("Foreign Minister Lavrov")."""
        span = self._strip_titles(ent)
        text = span.text.strip()
        persons = state.persons
        if not text or not text[0].isupper() or any(ch.isdigit() for ch in text):
            return None
        for actor_id, form in self.gazetteer.lookup(text):
            if self.gazetteer.entries[actor_id].actor.type == "Person":
                self._remember_entry(self.gazetteer.entries[actor_id], persons)
                return self.gazetteer.actor(actor_id), form, span
        initial = re.fullmatch(r"([A-Z])\.\s*([A-Z][\w'-]+)", text)
        if initial:
            for name, actor_id in persons.items():
                parts = name.split()
                if len(parts) > 1 and parts[-1] == initial[2] and parts[0][0] == initial[1]:
                    return self._actor(actor_id) or new_actor(name, "Person"), FORM_COREF, span
        if any(w.lower_ in self.cues.org_words | self.cues.place_words for w in span):
            return None  # "Davis Center", "North Caucasus": an institution or a place
        if text in persons:
            return self._actor(persons[text]) or new_actor(text, "Person"), FORM_COREF, span
        if len(span) == 1:
            titled = span.start > 0 and span.doc[span.start - 1].lower_ in self.cues.titles
            if not titled or text.endswith("'s"):
                return None
        return self._new_person(text, state), FORM_NER, span

    def _organisation(self, ent: Span, state: _DocState) -> tuple[Actor, str, Span] | None:
        span = self._extend_name(ent)
        if span[0].lower_ == "the":
            span = span[1:]
        if not len(span):
            return None
        text = span.text.strip()
        for actor_id, form in self.gazetteer.lookup(text):
            return self.gazetteer.actor(actor_id), form, span
        if text in state.persons and len(span) == 1 and self._actor(state.persons[text]):
            return self._actor(state.persons[text]), FORM_COREF, span
        words = text.split()
        last = span[-1]
        if (
            last.lower_ in self.cues.place_words
            or last.text.endswith("-")
            or last.lower_ in self.cues.name_connectors
            or last.tag_ in ("JJ", "JJR", "JJS")
            or (len(span) == 1 and span[0].is_sent_start and span[0].lower_ in english_words())
            or (len(span) == 1 and span[0].lower_ in english_words() and not span[0].is_upper)
        ):
            return None
        if (
            len(words) > 10
            or not text[0].isupper()
            or all(w.isdigit() for w in words)
            or (len(words) == 1 and len(text) < 2)
        ):
            return None
        actor_type = "Media" if self._is_media(span) else "Organization"
        actor = self._local.setdefault(new_actor(text, actor_type).id, new_actor(text, actor_type))
        return actor, FORM_NER, span

    def _is_media(self, span: Span) -> bool:
        """A news outlet: its name ends like one ("Times") or it is cited as a source and
        is not named as a body ("according to the Office of the Prosecutor General")."""
        if span[-1].lower_ in self.cues.media_words:
            return True
        if any(t.lower_ in self.cues.org_heads for t in span):
            return False
        doc = span.doc
        start = (
            span.start - 1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else span.start
        )
        before = " ".join(t.lower_ for t in doc[max(0, start - 2) : start])
        return any(before.endswith(cue) for cue in self.cues.source_cues)

    def _extend_name(self, span: Span) -> Span:
        """Extend a name the NER cut short: "Center for Post-Soviet" -> "... Studies",
        "State Duma" -> "State Duma Committee on International Affairs"."""
        doc = span.doc
        end = span.end
        while end < len(doc):
            token = doc[end]
            if _name_word(token) and not token.is_sent_start and token.ent_type_ in ("", "ORG"):
                end += 1
                continue
            if token.lower_ in self.cues.name_connectors:
                k = end + 1
                while k < len(doc) and doc[k].lower_ == "the":
                    k += 1
                if (
                    k < len(doc)
                    and _name_word(doc[k])
                    and doc[k].lower_ not in self.cues.date_words  # "... Force on Monday"
                    and doc[k].ent_type_ in ("", "ORG", "NORP")
                    and not doc[k].is_sent_start
                    and not (
                        token.lower_ == "and"
                        and any(t.lower_ in self.cues.org_heads for t in doc[span.start : end])
                        and self._names_organisation(doc, k)
                    )
                ):
                    end = k + 1
                    continue
            break
        return doc[span.start : end]

    def _names_organisation(self, doc: Doc, k: int) -> bool:
        """The capitalised words from ``k`` name an organisation of their own ("Center for
        Strategic Studies and Brookings Institution"), so an "and" after a name that has its
        own head word does not continue it."""
        while k < len(doc) and _name_word(doc[k]):
            if doc[k].lower_ in self.cues.org_heads:
                return True
            k += 1
        return False

    def _unlabelled_orgs(
        self, state: _DocState, found: list[tuple[Mention, Actor]]
    ) -> list[tuple[Mention, Actor]]:
        """Capitalised names with an organisation head word the NER missed ("Ukrainian
        Security and Cooperation Center"), and acronyms of them ("USCC")."""
        doc = state.doc
        taken = {i for m, _ in found for i in range(m.start, m.end)}
        out: list[tuple[Mention, Actor]] = []
        names: dict[str, Actor] = {}
        titles = self.cues.titles | _ORDINALS
        alpha = doc.to_array("IS_ALPHA").astype(bool)
        upper = doc.to_array("IS_UPPER").astype(bool)
        capital = alpha & (doc.to_array("IS_TITLE").astype(bool) | upper)
        long_words = alpha & (doc.to_array("LENGTH") > 3)
        titles_of = self.cues.titles | {"of"}
        bodies = self.cues.state_bodies | {"ministry"}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = long_words[sent.start : sent.end]
            if words.sum() > 2 and capital[sent.start : sent.end][words].all():
                continue  # a headline in title case
            # cheap test on the arrays first: most tokens are not names
            candidates = (sent.start + numpy.flatnonzero(capital[sent.start : sent.end])).tolist()
            i = sent.start
            for c in candidates:
                if c < i:
                    continue
                i = c
                token = doc[i]
                if (
                    not _name_word(token)
                    or token.is_stop
                    or token.ent_type_ == "PERSON"
                    or (
                        token.lower_ in titles
                        and i + 1 < len(doc)
                        and doc[i + 1].lower_ in titles_of
                    )
                ):
                    continue  # "First Deputy Chairman of the ...": the body starts later
                span = self._extend_name(doc[i : i + 1])
                span = doc[span.start : min(span.end, sent.end)]
                heads = [t for t in span if t.lower_ in self.cues.org_heads]
                if span[-1].lower_ in self.cues.media_words:
                    heads.append(span[-1])  # "the Tashkent Herald"
                if token.ent_type_ in ("GPE", "LOC") and not (
                    heads and heads[-1].i == span.end - 1
                ):
                    continue  # a place, unless it starts a name that ends in a head word
                if len(span) < 2 or not heads or span.start_char in taken and not heads:
                    i = span.end
                    continue
                first_actor = self._state_word(span[0])
                if first_actor and heads[0].lower_ in bodies:
                    i = span.end  # "Russian Defense Ministry": the state's body
                    continue
                start = span.start
                if (
                    start >= 2
                    and doc[start - 1].lower_ in ("'s", "’s")
                    and _name_word(doc[start - 2])
                ) and not self._state_word(doc[start - 2]):
                    start -= 2  # "the Bundestag's Foreign Affairs Committee"
                full = doc[start : span.end]
                if self._lookup(full):
                    i = span.end  # a gazetteer name the ruler has already marked
                    continue
                label = " ".join(t.text for t in full if t.lower_ not in ("'s", "’s"))
                actor_type = "Media" if self._is_media(full) else "Organization"
                actor = self._local.setdefault(
                    new_actor(label, actor_type).id, new_actor(label, actor_type)
                )
                names[_initials(full, self.cues.name_connectors)] = actor
                out.append((Mention(full.start_char, full.end_char, actor.id, FORM_NER), actor))
                i = span.end
        for _, actor in found:
            if actor.type in ("Organization", "Media") and " " in actor.label:
                names.setdefault(_initials_of(actor.label, self.cues.name_connectors), actor)
        if not names:
            return out
        hashes = _hashes(names)
        acronyms = upper & (doc.to_array("LENGTH") >= 3) & numpy.isin(doc.to_array("ORTH"), hashes)
        for i in numpy.flatnonzero(acronyms).tolist():
            token = doc[i]
            actor = names[token.text]
            out.append(
                (Mention(token.idx, token.idx + len(token), actor.id, FORM_ABBREVIATION), actor)
            )
        return out

    def _unnamed_armed_groups(
        self, state: _DocState, found: list[tuple[Mention, Actor]]
    ) -> list[tuple[Mention, Actor]]:
        """A people that is not a state plus a fighters' noun: "the Kurdish militia"."""
        doc = state.doc
        taken = {i for m, _ in found for i in range(m.start, m.end)}
        out = []
        nouns = numpy.isin(doc.to_array("LOWER")[1:], self._armed_group_nouns)
        for i in numpy.flatnonzero(nouns).tolist():
            token, noun = doc[i], doc[i + 1]
            if (
                noun.lower_ not in self.cues.armed_group_nouns
                or not token.is_title
                or token.is_sent_start
                or token.lower_ in self.cues.titles
                or token.idx in taken
                or token.pos_ not in ("ADJ", "PROPN")
                or self.gazetteer.lookup(token.text)
            ):
                continue
            span = doc[token.i : token.i + 2]
            actor = new_actor(span.text, "ArmedGroup")
            actor = self._local.setdefault(actor.id, actor)
            out.append((Mention(span.start_char, span.end_char, actor.id, FORM_NER), actor))
        return out

    def _state_word(self, token) -> bool:
        return any(
            self.gazetteer.entries[a].actor.type == "State"
            for a, _ in self.gazetteer.lookup(token.text)
        )

    def _titled_persons(
        self, state: _DocState, found: list[tuple[Mention, Actor]]
    ) -> list[tuple[Mention, Actor]]:
        """Names the NER missed after a title: "CSTO Secretary General Stanislav Zas", "Prime
        Minister of Pakistan Imran Khan"."""
        doc = state.doc
        taken = {i for m, _ in found for i in range(m.start, m.end)}
        not_names = self.cues.titles | self.cues.org_words
        out = []
        titled = doc.to_array("IS_TITLE").tolist()
        for i, is_title in enumerate(titled):
            if not is_title:
                continue  # cheap test on the array first: most tokens are not titles
            token = doc[i]
            if token.lower_.rstrip(".") not in self.cues.titles:
                continue
            start = token.i + 1
            if (
                start + 1 < len(doc)
                and doc[start].lower_ == "of"
                and doc[start + 1].ent_type_ == "GPE"
                and doc[start + 1].ent_iob_ == "B"
            ):
                # "Prime Minister of Pakistan Imran Khan": the name follows the title's state
                start += 2
                while start < len(doc) and doc[start].ent_iob_ == "I":
                    start += 1
            end = start
            while (
                end < len(doc)
                and end - start < 3
                and _name_word(doc[end])
                and doc[end].pos_ == "PROPN"
                and doc[end].lower_ not in not_names
                and doc[end].ent_type_ in ("", "PERSON")
                and doc[end].idx not in taken
            ):
                end += 1
            span = doc[start:end]
            if len(span) < 2 or (end < len(doc) and _name_word(doc[end])):
                continue
            actor = self._new_person(span.text, state)
            out.append((Mention(span.start_char, span.end_char, actor.id, FORM_NER), actor))
        return out

    def _surnames(
        self, state: _DocState, found: list[tuple[Mention, Actor]]
    ) -> list[tuple[Mention, Actor]]:
        """A surname of a person named in full earlier in the document, wherever the NER
        left it unlabelled ("Sherin said", after "Alexander Sherin")."""
        doc = state.doc
        taken = {i for m, _ in found for i in range(m.start, m.end)}
        firsts = {}
        for mention, actor in found:
            if actor.type == "Person":
                firsts.setdefault(actor.id, mention.start)
        out: list[tuple[Mention, Actor]] = []
        if not state.persons:
            return out
        hashes = _hashes(state.persons)
        for i in numpy.flatnonzero(numpy.isin(doc.to_array("ORTH"), hashes)).tolist():
            token = doc[i]
            actor_id = state.persons[token.text]
            if (
                token.idx in taken
                or not token.is_title
                or token.idx < firsts.get(actor_id, float("inf"))
            ):
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if (before is not None and _name_word(before) and not token.is_sent_start) or (
                after is not None and _name_word(after) and not after.is_sent_start
            ):
                continue  # part of another name
            actor = self._actor(actor_id)
            if actor is not None:
                out.append(
                    (Mention(token.idx, token.idx + len(token), actor_id, FORM_COREF), actor)
                )
        return out

    def _actor(self, actor_id: str) -> Actor | None:
        if actor_id in self.gazetteer:
            return self.gazetteer.actor(actor_id)
        return self._local.get(actor_id)

    # -- anaphora -----------------------------------------------------------------------
    @staticmethod
    def _of_phrase_of(token, nxt, syntax) -> bool:
        """True when an "of" phrase after ``token`` belongs to it ("the state of emergency"),
        not to the verb ("accuses the alliance of inaction")."""
        if nxt.lower_ != "of":
            return False
        if not syntax.parsed:
            return True
        after = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
        if after is not None and after.tag_ == "VBG":
            return False  # "accusing the bloc of being manipulated": a clause of the verb
        for obj in nxt.doc[nxt.i + 1 : nxt.i + 4]:
            attached = syntax.attachment(obj)
            if attached is not None and attached[0] == "of":
                return attached[1].i == token.i
        return True

    def _anaphors(
        self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor], syntax
    ) -> Iterable[Mention]:
        """ "the country" / "the group" -> the last actor of a matching type, a few sentences back."""
        if not mentions:
            return []
        found: list[Mention] = []
        candidates = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), self._anaphor_words))
        candidates = candidates[candidates > 0].tolist()
        if not candidates:
            return found
        if doc.has_annotation("SENT_START"):
            starts = doc.to_array("SENT_START") == 1
            starts[0] = True
            sent_of = (numpy.cumsum(starts) - 1).tolist()
        else:
            sent_of = [0] * len(doc)
        ordered = sorted(mentions, key=lambda m: m.start)
        for i in candidates:
            token = doc[i]
            det = doc[token.i - 1]
            if det.lower_ != "the" or not token.is_lower or token.ent_type_:
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            names_person = nxt is not None and nxt.ent_type_ == "PERSON"
            if nxt is not None and (
                (nxt.is_title and not names_person) or self._of_phrase_of(token, nxt, syntax)
            ):
                continue  # "the State Duma", "the state of emergency"
            types = self.cues.anaphors[token.lower_]
            here = sent_of[token.i]
            best = best_subject = same_sentence = None
            for mention in ordered:
                if mention.start >= det.idx:
                    break
                actor = actors[mention.actor]
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                mention_sent = sent_of[span[0].i]
                if actor.type in types and here - mention_sent <= self.cues.anaphor_window:
                    best = mention
                    if mention_sent == here:
                        same_sentence = mention
                    if syntax.is_subject(span.root) or span.root.dep_ == "ROOT":
                        best_subject = mention
            # an antecedent earlier in the same sentence wins; else the latest subject
            best = same_sentence or best_subject or best
            if best is not None:
                found.append(Mention(det.idx, token.idx + len(token), best.actor, FORM_ANAPHOR))
        return found


_FORM_RANK = {FORM_NAME: 0, FORM_ABBREVIATION: 1, FORM_SHORT: 2, FORM_METONYM: 3, FORM_DEMONYM: 4}
