"""The components around the statistical NER: kg_actor_bounds (after the gazetteer ruler)
and kg_actor_restore (after the NER), tested on hand-built Docs with the ruler's and the
NER's entities set by hand, so that no model decides the outcome."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.actors import load_gazetteer
from kg.nlp.actors import HELD_BACK, ActorBounds, ActorRestore


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def ruler_doc(nlp, text: str, spans: list[tuple[str, str, str]]) -> Doc:
    """A Doc with the entities the gazetteer ruler would set: (text, label, actor|form)."""
    doc = nlp(text)
    ents = []
    for surface, label, key in spans:
        span = doc.char_span(text.index(surface), text.index(surface) + len(surface))
        ents.append(Span(doc, span.start, span.end, label=label, span_id=key))
    doc.ents = ents
    return doc


def ner(doc: Doc, spans: list[tuple[str, str]]) -> Doc:
    """Add entities as the statistical NER would, keeping the preset ones."""
    ents = list(doc.ents)
    for surface, label in spans:
        start = doc.text.index(surface)
        ents.append(doc.char_span(start, start + len(surface), label=label))
    doc.set_ents(sorted(ents, key=lambda e: e.start))
    return doc


def ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_a_lower_case_article_is_trimmed_but_a_name_keeps_its_own(nlp):
    doc = ruler_doc(
        nlp,
        "Officials in the United States read The Moscow Times.",
        [
            ("the United States", "GPE", "state:USA|name"),
            ("The Moscow Times", "ORG", "media:the-moscow-times|name"),
        ],
    )
    doc = ActorBounds(hold_back=True)(doc)
    assert ents(doc) == [
        ("United States", "GPE", "state:USA|name"),
        ("The Moscow Times", "ORG", "media:the-moscow-times|name"),
    ]
    assert doc[2].ent_iob_ == "O" and doc[2].ent_id_ == ""


@pytest.mark.parametrize(
    "text, surface, label, held",
    [
        ("He led the Liberal Party of Canada for years.", "Canada", "GPE", True),
        ("He met the President of Russia on Monday.", "Russia", "GPE", False),
        ("He criticised the government of Tajikistan again.", "Tajikistan", "GPE", False),
        ("The former premier Pierre Trudeau spoke.", "Pierre", "PERSON", True),
        ("President Putin spoke on Monday.", "Putin", "PERSON", False),
        ("Before 1918 Austria-Hungary ruled the city.", "Hungary", "GPE", True),
        ("Thousands of ethnic Uzbeks fled.", "Uzbeks", "NORP", False),
        ("Ethnic Uzbeks fled the violence in the south.", "Uzbeks", "NORP", False),
        ("Russia Accuses Ukraine Of Terror Attack", "Russia", "GPE", False),
        ("The Australian Labor Party won the vote.", "Australian", "NORP", True),
        ("The Prime Minister of Pakistan Imran Khan spoke.", "Pakistan", "GPE", False),
    ],
)
def test_spans_inside_longer_names_are_held_back(nlp, text, surface, label, held):
    doc = ruler_doc(nlp, text, [(surface, label, f"x:{surface.lower()}|name")])
    doc = ActorBounds(hold_back=True)(doc)
    held_back = [s.text for s in doc.spans[HELD_BACK]] if HELD_BACK in doc.spans else []
    assert (held_back == [surface]) is held
    assert (surface in [e.text for e in doc.ents]) is not held


def test_a_nationality_before_a_known_actor_is_not_held_back(nlp):
    doc = ruler_doc(
        nlp,
        "The Afghan Taliban denied any role.",
        [("Afghan", "NORP", "state:AFG|demonym"), ("Taliban", "ORG", "armedgroup:taliban|name")],
    )
    doc = ActorBounds(hold_back=True)(doc)
    assert [e.text for e in doc.ents] == ["Afghan", "Taliban"]


def test_a_hyphen_between_two_gazetteer_names_holds_neither(nlp):
    doc = ruler_doc(
        nlp,
        "A rupture in Russia-Tajikistan relations followed.",
        [("Russia", "GPE", "state:RUS|name"), ("Tajikistan", "GPE", "state:TJK|name")],
    )
    doc = ActorBounds(hold_back=True)(doc)
    assert [e.text for e in doc.ents] == ["Russia", "Tajikistan"]


def test_without_a_statistical_ner_nothing_is_held_back(nlp):
    doc = ruler_doc(nlp, "He led the Liberal Party of Canada.", [("Canada", "GPE", "s|name")])
    doc = ActorBounds(hold_back=False)(doc)
    assert [e.text for e in doc.ents] == ["Canada"]


@pytest.fixture(scope="module")
def restore():
    return ActorRestore(load_gazetteer())


def held_doc(nlp, text, surface, label, key):
    doc = ruler_doc(nlp, text, [(surface, label, key)])
    return ActorBounds(hold_back=True)(doc)


def test_the_ner_taking_the_whole_name_wins(nlp, restore):
    doc = held_doc(nlp, "He led the Liberal Party of Canada.", "Canada", "GPE", "state:CAN|name")
    doc = restore(ner(doc, [("Liberal Party of Canada", "ORG")]))
    assert ents(doc) == [("Liberal Party of Canada", "ORG", "")]
    assert HELD_BACK not in doc.spans


def test_a_held_span_returns_where_the_ner_found_nothing(nlp, restore):
    doc = held_doc(nlp, "The former premier Pierre Trudeau spoke.", "Pierre", "PERSON", "p|short")
    doc = restore(doc)
    assert ents(doc) == [("Pierre", "PERSON", "p|short")]


def test_a_held_span_joins_the_part_of_the_name_the_ner_found(nlp, restore):
    doc = held_doc(nlp, "He led the Liberal Party of Canada.", "Canada", "GPE", "state:CAN|name")
    doc = restore(ner(doc, [("Liberal Party", "ORG")]))
    assert ents(doc) == [("Liberal Party of Canada", "ORG", "")]


def test_an_organisation_before_of_is_rebuilt_when_the_ner_missed_it(nlp, restore):
    doc = held_doc(
        nlp, "He joined the Democratic Party of Albania.", "Albania", "GPE", "state:ALB|name"
    )
    doc = restore(doc)
    assert ents(doc) == [("Democratic Party of Albania", "ORG", "")]


def test_ner_places_that_are_states_become_gpe_and_polities_too(nlp, restore):
    doc = nlp("Envoys from Canada, the Ottoman Empire and the Kingdom of Castile met in Paris.")
    doc = ner(
        doc,
        [
            ("Canada", "LOC"),
            ("Ottoman Empire", "ORG"),
            ("Kingdom of Castile", "LOC"),
            ("Paris", "LOC"),
        ],
    )
    doc = restore(doc)
    assert ents(doc) == [
        ("Canada", "GPE", "state:CAN|name"),
        ("Ottoman Empire", "GPE", ""),
        ("Kingdom of Castile", "GPE", ""),
        ("Paris", "LOC", ""),
    ]


def test_a_person_entity_ending_in_an_organisation_word_is_an_organisation(nlp, restore):
    doc = nlp("She spoke at the Adam Smith Institute with John Smith.")
    doc = ner(doc, [("Adam Smith Institute", "PERSON"), ("John Smith", "PERSON")])
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Adam Smith Institute", "ORG"),
        ("John Smith", "PERSON"),
    ]


def test_the_ruler_marks_the_longest_form_with_the_best_ranked_id(nlp):
    from kg.nlp.actors import ActorRuler

    ruler = ActorRuler(nlp, load_gazetteer())
    doc = ruler(nlp("The U.S. and the Islamic State Khorasan Province met the Kremlin."))
    found = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert ("U.S.", "GPE", "state:USA|name") in found  # a name, not the abbreviation form
    assert any(text == "Islamic State Khorasan Province" for text, _, _ in found)
    assert not any(text == "Islamic State" for text, _, _ in found)
    assert any(key.startswith("state:RUS|") for _, _, key in found)


def test_the_ruler_keeps_entities_set_before_it(nlp):
    from kg.nlp.actors import ActorRuler

    ruler = ActorRuler(nlp, load_gazetteer())
    doc = nlp("Georgia Smith met officials in Russia.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    doc = ruler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Georgia Smith", "PERSON"),
        ("Russia", "GPE"),
    ]


def test_an_organisation_name_opening_the_text_is_rebuilt_from_its_first_word(nlp, restore):
    doc = held_doc(nlp, "Communist Party of Albania leaders met.", "Albania", "GPE", "s|name")
    doc = restore(doc)
    assert ents(doc) == [("Communist Party of Albania", "ORG", "")]


def test_a_hyphenated_first_name_cut_by_the_ner_is_joined(nlp, restore):
    doc = nlp("President Kassym-Jomart Tokayev met Jean-Paul and Anne - Marie.")
    doc = ner(doc, [("Kassym", "PERSON"), ("Jomart Tokayev", "PERSON"), ("Anne", "PERSON")])
    doc = ner(doc, [("Marie", "PERSON")])
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kassym-Jomart Tokayev", "PERSON"),
        ("Anne", "PERSON"),  # spaced dashes join nothing
        ("Marie", "PERSON"),
    ]


def test_a_place_entity_ending_in_an_organisation_word_is_an_organisation(nlp, restore):
    doc = nlp("The Soufan Group met people in Baker Street and New York.")
    doc = ner(doc, [("Soufan Group", "LOC"), ("Baker Street", "LOC"), ("New York", "LOC")])
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Soufan Group", "ORG"),
        ("Baker Street", "LOC"),  # a street is a place
        ("New York", "LOC"),
    ]


def test_a_hyphenated_first_name_read_as_a_place_is_joined(nlp, restore):
    doc = nlp("President Kassym-Jomart Tokayev met Paris-Berlin officials.")
    doc = ner(doc, [("Kassym", "LOC"), ("Jomart Tokayev", "PERSON"), ("Paris", "LOC")])
    doc = ner(doc, [("Berlin", "LOC")])
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kassym-Jomart Tokayev", "PERSON"),
        ("Paris", "LOC"),  # two places stay two
        ("Berlin", "LOC"),
    ]


def test_an_organisation_name_cut_at_and_after_an_adjective_is_joined(nlp, restore):
    doc = nlp(
        "The Davis Center for Russian and Eurasian Studies, the Center for Strategic Studies "
        "and Brookings Institution met."
    )
    doc = ner(
        doc,
        [
            ("Davis Center for Russian", "LOC"),
            ("Eurasian Studies", "ORG"),
            ("Center for Strategic Studies", "ORG"),
            ("Brookings Institution", "ORG"),
        ],
    )
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Davis Center for Russian and Eurasian Studies", "ORG"),
        ("Center for Strategic Studies", "ORG"),  # a name ending in a noun is whole
        ("Brookings Institution", "ORG"),
    ]


def test_a_place_entity_that_speaks_or_has_a_role_is_a_person(nlp, restore):
    text = (
        "Peace is far, says Serhii Kuzan, head of the centre. S. Kuzan asks why. "
        "Serhii Kuzan knows. Lake Placid is cold, said Anna Berg. New Orleans said no."
    )
    doc = nlp(text)
    doc = ner(
        doc,
        [
            ("Serhii Kuzan, head", "LOC"),
            ("S. Kuzan", "LOC"),
            ("Serhii Kuzan knows", "LOC"),
            ("Lake Placid", "LOC"),
            ("Anna Berg", "PERSON"),
            ("New Orleans", "LOC"),
        ],
    )
    doc.set_ents(
        [
            Span(doc, e.start, e.start + 2, label=e.label_) if e.label_ == "LOC" else e
            for e in doc.ents
        ]
    )
    doc = restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Serhii Kuzan", "PERSON"),  # a speech verb before it and a role after it
        ("S. Kuzan", "PERSON"),  # an initial and the same surname
        ("Serhii Kuzan", "PERSON"),  # the same name elsewhere in the text
        ("Lake Placid", "LOC"),  # a place word
        ("Anna Berg", "PERSON"),
        ("New Orleans", "LOC"),  # a place name's first word
    ]
