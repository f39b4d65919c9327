"""The relation rules on hand-built parses: no trained model, so a parser change cannot break them.

Each test writes one sentence as tokens with their head, dependency label, part of speech and
lemma (Universal Dependencies labels, as kg's own pipeline produces them; one test uses the
ClearNLP labels of spaCy's ``en_core_web_*`` pipelines), runs the gazetteer ruler, the linker
and the relation extractor of a blank English pipeline on it, and checks the relations.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.actors import load_gazetteer
from kg.nlp.actors import LINKER_NAME, RULER_NAME, add_actor_ruler
from kg.nlp.pipeline import RELATIONS_NAME

# (word, head index, dependency, part of speech, lemma, tag); the lemma defaults to the lower
# word, the fine-grained tag to none
Token = tuple


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, load_gazetteer())
    nlp.add_pipe(LINKER_NAME)
    nlp.add_pipe(RELATIONS_NAME)
    return nlp


def parse(nlp: Language, tokens: list[Token]) -> Doc:
    """A Doc with the given parse, run through the kg components (ruler, linker, relations)."""
    words = [t[0] for t in tokens]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[
            i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
        ],
        heads=[t[1] for t in tokens],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        lemmas=[t[4] if len(t) > 4 else t[0].lower() for t in tokens],
        tags=[t[5] if len(t) > 5 else "" for t in tokens],
    )
    for name in (RULER_NAME, LINKER_NAME, RELATIONS_NAME):
        doc = nlp.get_pipe(name)(doc)
    return doc


def relations(doc: Doc) -> set[tuple]:
    """(predicate, subject, object, hedged, negated, status, rule) of every relation."""
    return {
        (r.predicate, r.subject, r.object, r.hedged, r.negated, r.status, r.rule)
        for r in doc._.kg_relations
    }


# -- accusations -------------------------------------------------------------------------------
def test_accuse_verb(nlp):
    doc = parse(
        nlp,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("accused", 1, "ROOT", "VERB", "accuse"),
            ("Israel", 1, "obj", "PROPN"),
            ("of", 4, "case", "ADP"),
            ("sabotage", 1, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:IRN", "state:ISR", False, False, None, "accuse.verb")
    }


def test_accuse_verb_passive_with_agent(nlp):
    # "The attack was blamed on Ukraine by Russia."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("attack", 3, "nsubj:pass", "NOUN"),
            ("was", 3, "aux:pass", "AUX", "be"),
            ("blamed", 3, "ROOT", "VERB", "blame"),
            ("on", 5, "case", "ADP"),
            ("Ukraine", 3, "obl", "PROPN"),
            ("by", 7, "case", "ADP"),
            ("Russia", 3, "obl:agent", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:RUS", "state:UKR", False, False, None, "accuse.verb") in relations(
        doc
    )


def test_accuse_verb_negated(nlp):
    # "Russia does not accuse Japan."
    doc = parse(
        nlp,
        [
            ("Russia", 3, "nsubj", "PROPN"),
            ("does", 3, "aux", "AUX", "do"),
            ("not", 3, "advmod", "PART"),
            ("accuse", 3, "ROOT", "VERB"),
            ("Japan", 3, "obj", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:RUS", "state:JPN", False, True, None, "accuse.verb")
    }


@pytest.mark.parametrize(
    ("cue", "dep", "pos"),
    [("may", "aux", "AUX"), ("reportedly", "advmod", "ADV"), ("allegedly", "advmod", "ADV")],
)
def test_accuse_verb_hedged(nlp, cue, dep, pos):
    # "China may accuse Vietnam." / "China reportedly accused Vietnam."
    doc = parse(
        nlp,
        [
            ("China", 2, "nsubj", "PROPN"),
            (cue, 2, dep, pos),
            ("accused", 2, "ROOT", "VERB", "accuse"),
            ("Vietnam", 2, "obj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:CHN", "state:VNM", True, False, None, "accuse.verb")
    }


def test_accuse_verb_hedged_by_appear(nlp):
    # "China appeared to blame Vietnam."
    doc = parse(
        nlp,
        [
            ("China", 1, "nsubj", "PROPN"),
            ("appeared", 1, "ROOT", "VERB", "appear"),
            ("to", 3, "mark", "PART"),
            ("blame", 1, "xcomp", "VERB"),
            ("Vietnam", 3, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:CHN", "state:VNM", True, False, None, "accuse.verb")
    }


def test_accuse_speech(nlp):
    # "Russia said Ukraine was behind the attack."
    doc = parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Ukraine", 6, "nsubj", "PROPN"),
            ("was", 6, "cop", "AUX", "be"),
            ("behind", 6, "case", "ADP"),
            ("the", 6, "det", "DET"),
            ("attack", 1, "ccomp", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:RUS", "state:UKR", False, False, None, "accuse.speech")
    }


def test_accuse_speech_with_the_clause_hung_on_a_time_noun(nlp):
    # "Russia stated over the weekend that Kyiv was assisting them.", the that-clause parsed
    # as a modifier of "weekend"
    doc = parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("stated", 1, "ROOT", "VERB", "state"),
            ("over", 4, "case", "ADP"),
            ("the", 4, "det", "DET"),
            ("weekend", 1, "obl", "NOUN"),
            ("that", 8, "mark", "SCONJ"),
            ("Kyiv", 8, "nsubj", "PROPN"),
            ("was", 8, "aux", "AUX", "be"),
            ("assisting", 4, "acl", "VERB", "assist"),
            ("them", 8, "obj", "PRON", "they"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:RUS", "state:UKR", False, False, None, "accuse.speech") in relations(
        doc
    )


def test_accuse_speech_coordinated_speakers(nlp):
    # "Iran and Syria said Israel organised the attack."
    doc = parse(
        nlp,
        [
            ("Iran", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Syria", 0, "conj", "PROPN"),
            ("said", 3, "ROOT", "VERB", "say"),
            ("Israel", 5, "nsubj", "PROPN"),
            ("organised", 3, "ccomp", "VERB", "organise"),
            ("the", 7, "det", "DET"),
            ("attack", 5, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:IRN", "state:ISR", False, False, None, "accuse.speech"),
        ("accuses", "state:SYR", "state:ISR", False, False, None, "accuse.speech"),
    }


# -- denials and claims ------------------------------------------------------------------------
def test_deny_verb(nlp):
    # "Ukraine denied the accusations."
    doc = parse(
        nlp,
        [
            ("Ukraine", 1, "nsubj", "PROPN"),
            ("denied", 1, "ROOT", "VERB", "deny"),
            ("the", 3, "det", "DET"),
            ("accusations", 1, "obj", "NOUN", "accusation"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {("denies", "state:UKR", None, False, False, None, "deny.verb")}


def test_conflict_verb_tagged_as_an_adjective(nlp):
    # "Armenia and Azerbaijan clashed again."
    doc = parse(
        nlp,
        [
            ("Armenia", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Azerbaijan", 0, "conj", "PROPN"),
            ("clashed", 3, "ROOT", "ADJ", "clashed"),
            ("again", 3, "advmod", "ADV"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("conflict_with", "state:ARM", "state:AZE", False, False, None, "conflict")
    }


def test_a_conflict_form_as_a_plain_modifier_is_no_conflict(nlp):
    # "The attacked villages of Armenia were rebuilt."
    doc = parse(
        nlp,
        [
            ("The", 2, "det", "DET"),
            ("attacked", 2, "amod", "ADJ", "attacked"),
            ("villages", 7, "nsubj:pass", "NOUN", "village"),
            ("of", 4, "case", "ADP"),
            ("Armenia", 2, "nmod", "PROPN"),
            ("were", 7, "aux:pass", "AUX", "be"),
            ("quickly", 7, "advmod", "ADV"),
            ("rebuilt", 7, "ROOT", "VERB", "rebuild"),
            (".", 7, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


@pytest.mark.parametrize("subject_head", [1, 2])
def test_claim_verb_read_as_a_modifier(nlp, subject_head):
    # "Hamas claimed responsibility.", "claimed" an amod of "responsibility", the subject
    # attached to the verb or to the noun
    doc = parse(
        nlp,
        [
            ("Hamas", subject_head, "nsubj", "PROPN"),
            ("claimed", 2, "amod", "VERB", "claim"),
            ("responsibility", 2, "ROOT", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("claims_responsibility", "armedgroup:hamas", None, False, False, None, "claim.verb")
    }


def test_supply_verb_read_as_a_modifier(nlp):
    # "France delivered missiles to Ukraine.", parsed as "delivered missiles" (amod)
    doc = parse(
        nlp,
        [
            ("France", 2, "nsubj", "PROPN"),
            ("delivered", 2, "amod", "ADJ", "deliver"),
            ("missiles", 2, "ROOT", "NOUN", "missile"),
            ("to", 4, "case", "ADP"),
            ("Ukraine", 2, "nmod", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("supports", "state:FRA", "state:UKR", False, False, None, "support.surface")
    }


def test_supply_verb_without_anything_supplied_is_not_support(nlp):
    # "Russia sent Ukraine a warning." read with "sent" as a modifier: a warning is no aid
    doc = parse(
        nlp,
        [
            ("Russia", 2, "nsubj", "PROPN"),
            ("sent", 2, "amod", "ADJ", "send"),
            ("Ukraine", 2, "ROOT", "PROPN"),
            ("a", 4, "det", "DET"),
            ("warning", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


def test_accusation_noun_with_the_target_under_the_author(nlp):
    # "The accusations by Pakistan against Afghanistan ...", "against" attached to "Pakistan"
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("accusations", 1, "ROOT", "NOUN", "accusation"),
            ("by", 3, "case", "ADP"),
            ("Pakistan", 1, "nmod", "PROPN"),
            ("against", 5, "case", "ADP"),
            ("Afghanistan", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:PAK", "state:AFG", False, False, None, "accuses.nominal")
    }


def test_accusation_noun_with_a_that_clause(nlp):
    # "Iran's accusation that Israel had planned the attack"
    doc = parse(
        nlp,
        [
            ("Iran", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("accusation", 2, "ROOT", "NOUN"),
            ("that", 6, "mark", "SCONJ"),
            ("Israel", 6, "nsubj", "PROPN"),
            ("had", 6, "aux", "AUX", "have"),
            ("planned", 2, "acl", "VERB", "plan"),
            ("the", 8, "det", "DET"),
            ("attack", 6, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:IRN", "state:ISR", False, False, None, "accuses.nominal")
    }


def test_deny_in_a_relative_clause_tagged_as_a_noun(nlp):
    # "Ukraine accused Iran of arming Russia, which the country denies." with "denies" read
    # as a noun: "the country" is the accused Iran, not Russia, the last country named
    doc = parse(
        nlp,
        [
            ("Ukraine", 1, "nsubj", "PROPN"),
            ("accused", 1, "ROOT", "VERB", "accuse"),
            ("Iran", 1, "obj", "PROPN"),
            ("of", 4, "mark", "SCONJ"),
            ("arming", 1, "advcl", "VERB", "arm"),
            ("Russia", 4, "obj", "PROPN"),
            (",", 10, "punct", "PUNCT"),
            ("which", 10, "obj", "PRON"),
            ("the", 9, "det", "DET"),
            ("country", 10, "compound", "NOUN"),
            ("denies", 5, "acl:relcl", "NOUN", "denial"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = relations(doc)
    assert ("accuses", "state:UKR", "state:IRN", False, False, None, "accuse.verb") in found
    assert ("denies", "state:IRN", "state:UKR", False, False, None, "deny.relative") in found
    assert not any(r[0] == "denies" and r[1] == "state:RUS" for r in found)


def test_deny_after_a_relative_pronoun_without_an_accusation_verb(nlp):
    # "Russia says the gunmen came from Tajikistan, which Dushanbe denies."
    doc = parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("says", 1, "ROOT", "VERB", "say"),
            ("the", 3, "det", "DET"),
            ("gunmen", 4, "nsubj", "NOUN", "gunman"),
            ("came", 1, "ccomp", "VERB", "come"),
            ("from", 6, "case", "ADP"),
            ("Tajikistan", 4, "obl", "PROPN"),
            (",", 10, "punct", "PUNCT"),
            ("which", 10, "obj", "PRON"),
            ("Dushanbe", 10, "nsubj", "PROPN"),
            ("denies", 6, "acl:relcl", "NOUN", "denial"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert ("denies", "state:TJK", None, False, False, None, "deny.relative") in relations(doc)


def test_deny_verb_negated(nlp):
    # "Israel did not deny the report."
    doc = parse(
        nlp,
        [
            ("Israel", 3, "nsubj", "PROPN"),
            ("did", 3, "aux", "AUX", "do"),
            ("not", 3, "advmod", "PART"),
            ("deny", 3, "ROOT", "VERB"),
            ("the", 5, "det", "DET"),
            ("report", 3, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {("denies", "state:ISR", None, False, True, None, "deny.verb")}


def test_deny_verb_needs_a_claim_as_object(nlp):
    # "India denied entry to tourists." is not a denial
    doc = parse(
        nlp,
        [
            ("India", 1, "nsubj", "PROPN"),
            ("denied", 1, "ROOT", "VERB", "deny"),
            ("entry", 1, "obj", "NOUN"),
            ("to", 4, "case", "ADP"),
            ("tourists", 1, "obl", "NOUN", "tourist"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


def test_deny_speech_falsity(nlp):
    # "Pakistan said the allegations were false."
    doc = parse(
        nlp,
        [
            ("Pakistan", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("the", 3, "det", "DET"),
            ("allegations", 5, "nsubj", "NOUN", "allegation"),
            ("were", 5, "cop", "AUX", "be"),
            ("false", 1, "ccomp", "ADJ"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {("denies", "state:PAK", None, False, False, None, "deny.speech")}


def test_claim_responsibility_verb(nlp):
    # "Hamas claimed responsibility for the attack."
    doc = parse(
        nlp,
        [
            ("Hamas", 1, "nsubj", "PROPN"),
            ("claimed", 1, "ROOT", "VERB", "claim"),
            ("responsibility", 1, "obj", "NOUN"),
            ("for", 5, "case", "ADP"),
            ("the", 5, "det", "DET"),
            ("attack", 2, "nmod", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("claims_responsibility", "armedgroup:hamas", None, False, False, None, "claim.verb")
    }


def test_claim_responsibility_speech(nlp):
    # "ISIS said it carried out the attack."
    doc = parse(
        nlp,
        [
            ("ISIS", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("it", 3, "nsubj", "PRON"),
            ("carried", 1, "ccomp", "VERB", "carry"),
            ("out", 3, "compound:prt", "ADP"),
            ("the", 6, "det", "DET"),
            ("attack", 3, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("claims_responsibility", "armedgroup:isis", None, False, False, None, "claim.speech")
    }


# -- membership and leaders --------------------------------------------------------------------
def test_member_noun_coordinated(nlp):
    # "Kyrgyzstan and Tajikistan are members of the CSTO."
    doc = parse(
        nlp,
        [
            ("Kyrgyzstan", 4, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Tajikistan", 0, "conj", "PROPN"),
            ("are", 4, "cop", "AUX", "be"),
            ("members", 4, "ROOT", "NOUN", "member"),
            ("of", 7, "case", "ADP"),
            ("the", 7, "det", "DET"),
            ("CSTO", 4, "nmod", "PROPN"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("member_of", "state:KGZ", "igo:csto", False, False, "active", "member.noun"),
        ("member_of", "state:TJK", "igo:csto", False, False, "active", "member.noun"),
    }


def test_membership_noun_status_suspended(nlp):
    # "Armenia froze its membership in the CSTO."
    doc = parse(
        nlp,
        [
            ("Armenia", 1, "nsubj", "PROPN"),
            ("froze", 1, "ROOT", "VERB", "freeze"),
            ("its", 3, "nmod:poss", "PRON"),
            ("membership", 1, "obj", "NOUN"),
            ("in", 6, "case", "ADP"),
            ("the", 6, "det", "DET"),
            ("CSTO", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("member_of", "state:ARM", "igo:csto", False, False, "suspended", "member.membership")
    }


@pytest.mark.parametrize(
    ("verb", "lemma", "status"),
    [("joined", "join", "active"), ("left", "leave", "left")],
)
def test_member_verb_status(nlp, verb, lemma, status):
    # "Finland joined NATO." / "Finland left NATO."
    doc = parse(
        nlp,
        [
            ("Finland", 1, "nsubj", "PROPN"),
            (verb, 1, "ROOT", "VERB", lemma),
            ("NATO", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("member_of", "state:FIN", "igo:nato", False, False, status, "member.verb")
    }


def test_member_led(nlp):
    # "The Russia-led CSTO met."
    doc = parse(
        nlp,
        [
            ("The", 4, "det", "DET"),
            ("Russia", 3, "compound", "PROPN"),
            ("-", 3, "punct", "PUNCT"),
            ("led", 4, "amod", "VERB", "lead"),
            ("CSTO", 5, "nsubj", "PROPN"),
            ("met", 5, "ROOT", "VERB", "meet"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("member_of", "state:RUS", "igo:csto", False, False, "active", "member.led")
    }


def test_leader_title_before_name(nlp):
    # "Tajik President Emomali Rahmon spoke."
    doc = parse(
        nlp,
        [
            ("Tajik", 1, "amod", "ADJ"),
            ("President", 2, "nmod:desc", "PROPN", "president"),
            ("Emomali", 4, "nsubj", "PROPN"),
            ("Rahmon", 2, "flat", "PROPN"),
            ("spoke", 4, "ROOT", "VERB", "speak"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("leader_of", "person:emomali-rahmon", "state:TJK", False, False, None, "leader.title")
    }


def test_leader_title_after_possessive(nlp):
    # "Tajikistan's President Emomali Rahmon spoke."
    doc = parse(
        nlp,
        [
            ("Tajikistan", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("President", 3, "nmod:desc", "PROPN", "president"),
            ("Emomali", 5, "nsubj", "PROPN"),
            ("Rahmon", 3, "flat", "PROPN"),
            ("spoke", 5, "ROOT", "VERB", "speak"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("leader_of", "person:emomali-rahmon", "state:TJK", False, False, None, "leader.title")
    }


def test_leader_apposition_former(nlp):
    # "Jens Stoltenberg, the former secretary general of NATO, spoke."
    doc = parse(
        nlp,
        [
            ("Jens", 10, "nsubj", "PROPN"),
            ("Stoltenberg", 0, "flat", "PROPN"),
            (",", 6, "punct", "PUNCT"),
            ("the", 6, "det", "DET"),
            ("former", 6, "amod", "ADJ"),
            ("secretary", 6, "compound", "NOUN"),
            ("general", 0, "appos", "NOUN"),
            ("of", 8, "case", "ADP"),
            ("NATO", 6, "nmod", "PROPN"),
            (",", 6, "punct", "PUNCT"),
            ("spoke", 10, "ROOT", "VERB", "speak"),
            (".", 10, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        (
            "leader_of",
            "person:jens-stoltenberg",
            "igo:nato",
            False,
            False,
            "former",
            "leader.title",
        )
    }


# -- alliances and the extended predicates -----------------------------------------------------
def test_ally_noun(nlp):
    # "Belarus remains Russia's closest ally."
    doc = parse(
        nlp,
        [
            ("Belarus", 1, "nsubj", "PROPN"),
            ("remains", 1, "ROOT", "VERB", "remain"),
            ("Russia", 5, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"),
            ("closest", 5, "amod", "ADJ", "close"),
            ("ally", 1, "xcomp", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o}), h, n, r) for p, s, o, h, n, _, r in relations(doc)}
    assert found == {
        ("allied_with", frozenset({"state:BLR", "state:RUS"}), False, False, "ally.noun")
    }


def test_ally_noun_negated(nlp):
    # "Hungary is not an ally of Russia."
    doc = parse(
        nlp,
        [
            ("Hungary", 4, "nsubj", "PROPN"),
            ("is", 4, "cop", "AUX", "be"),
            ("not", 4, "advmod", "PART"),
            ("an", 4, "det", "DET"),
            ("ally", 4, "ROOT", "NOUN"),
            ("of", 6, "case", "ADP"),
            ("Russia", 4, "nmod", "PROPN"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o}), h, n) for p, s, o, h, n, _, _ in relations(doc)}
    assert found == {("allied_with", frozenset({"state:HUN", "state:RUS"}), False, True)}


def _losing_ally_and(nlp, ally: str, lemma: str) -> Doc:
    # "Vladimir Putin lost his close ally(ies) and Tajikistan." (Tajikistan a conjunct of ally)
    return parse(
        nlp,
        [
            ("Vladimir", 1, "compound", "PROPN"),
            ("Putin", 2, "nsubj", "PROPN"),
            ("lost", 2, "ROOT", "VERB", "lose"),
            ("his", 5, "nmod:poss", "PRON", "he"),
            ("close", 5, "amod", "ADJ"),
            (ally, 2, "obj", "NOUN", lemma),
            ("and", 7, "cc", "CCONJ"),
            ("Tajikistan", 5, "conj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )


def test_ally_named_by_and_is_an_ally_of_the_leaders_state(nlp):
    # Russia is not named: its actor comes from the gazetteer through Putin's country
    doc = _losing_ally_and(nlp, "ally", "ally")
    found = {(p, frozenset({s, o}), h, n, r) for p, s, o, h, n, _, r in relations(doc)}
    assert found == {
        ("allied_with", frozenset({"state:RUS", "state:TJK"}), False, False, "ally.conj")
    }
    assert doc._.kg_actors["state:RUS"].label == "Russia"


def test_plural_allies_and_a_name_are_a_list(nlp):
    assert relations(_losing_ally_and(nlp, "allies", "ally")) == set()


def test_ally_verb(nlp):
    # "Serbia allied itself with Russia."
    doc = parse(
        nlp,
        [
            ("Serbia", 1, "nsubj", "PROPN"),
            ("allied", 1, "ROOT", "VERB", "ally"),
            ("itself", 1, "obj", "PRON"),
            ("with", 4, "case", "ADP"),
            ("Russia", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o}), r) for p, s, o, _, _, _, r in relations(doc)}
    assert found == {("allied_with", frozenset({"state:SRB", "state:RUS"}), "ally.verb")}


def test_criticize_verb(nlp):
    # "Germany criticised Hungary."
    doc = parse(
        nlp,
        [
            ("Germany", 1, "nsubj", "PROPN"),
            ("criticised", 1, "ROOT", "VERB", "criticise"),
            ("Hungary", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("criticizes", "state:DEU", "state:HUN", False, False, None, "criticize.verb")
    }


def test_support_verb(nlp):
    # "Iran backs Hamas."
    doc = parse(
        nlp,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("backs", 1, "ROOT", "VERB", "back"),
            ("Hamas", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("supports", "state:IRN", "armedgroup:hamas", False, False, None, "support.verb")
    }


def test_supply_verb(nlp):
    # "Germany supplied tanks to Ukraine."
    doc = parse(
        nlp,
        [
            ("Germany", 1, "nsubj", "PROPN"),
            ("supplied", 1, "ROOT", "VERB", "supply"),
            ("tanks", 1, "obj", "NOUN", "tank"),
            ("to", 4, "case", "ADP"),
            ("Ukraine", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("supports", "state:DEU", "state:UKR", False, False, None, "support.verb")
    }


def test_supply_verb_needs_arms_or_aid(nlp):
    # "Mexico supplied tomatoes to Canada." is trade, not support
    doc = parse(
        nlp,
        [
            ("Mexico", 1, "nsubj", "PROPN"),
            ("supplied", 1, "ROOT", "VERB", "supply"),
            ("tomatoes", 1, "obj", "NOUN", "tomato"),
            ("to", 4, "case", "ADP"),
            ("Canada", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


def test_conflict_verb(nlp):
    # "Russia invaded Ukraine."
    doc = parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("invaded", 1, "ROOT", "VERB", "invade"),
            ("Ukraine", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o}), h, n, r) for p, s, o, h, n, _, r in relations(doc)}
    assert found == {
        ("conflict_with", frozenset({"state:RUS", "state:UKR"}), False, False, "conflict")
    }


def test_conflict_noun_between(nlp):
    # "The war between Ethiopia and Eritrea ended."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("war", 6, "nsubj", "NOUN"),
            ("between", 3, "case", "ADP"),
            ("Ethiopia", 1, "nmod", "PROPN"),
            ("and", 5, "cc", "CCONJ"),
            ("Eritrea", 3, "conj", "PROPN"),
            ("ended", 6, "ROOT", "VERB", "end"),
            (".", 6, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o})) for p, s, o, _, _, _, _ in relations(doc)}
    assert found == {("conflict_with", frozenset({"state:ETH", "state:ERI"}))}


# -- the ClearNLP label scheme -----------------------------------------------------------------
def test_accuse_verb_with_clearnlp_labels(nlp):
    # "Iran accused Israel of sabotage." with nsubj/dobj/prep/pobj
    doc = parse(
        nlp,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("accused", 1, "ROOT", "VERB", "accuse"),
            ("Israel", 1, "dobj", "PROPN"),
            ("of", 1, "prep", "ADP"),
            ("sabotage", 3, "pobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:IRN", "state:ISR", False, False, None, "accuse.verb")
    }


def test_accuse_passive_with_clearnlp_labels(nlp):
    # "The attack was blamed on Ukraine by Russia." with nsubjpass/auxpass/agent/pobj
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("attack", 3, "nsubjpass", "NOUN"),
            ("was", 3, "auxpass", "AUX", "be"),
            ("blamed", 3, "ROOT", "VERB", "blame"),
            ("on", 3, "prep", "ADP"),
            ("Ukraine", 4, "pobj", "PROPN"),
            ("by", 3, "agent", "ADP"),
            ("Russia", 6, "pobj", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:RUS", "state:UKR", False, False, None, "accuse.verb") in relations(
        doc
    )


# -- surface fallbacks for verbs the tagger misses ----------------------------------------------
def test_accusation_verb_tagged_as_adjective(nlp):
    # "Greece allegedly blamed Albania for the incident." with "blamed" read as an adjective
    doc = parse(
        nlp,
        [
            ("Greece", 3, "nsubj", "PROPN"),
            ("allegedly", 2, "advmod", "ADV"),
            ("blamed", 3, "amod", "ADJ", "blamed"),
            ("Albania", 3, "ROOT", "PROPN"),
            ("for", 6, "case", "ADP"),
            ("the", 6, "det", "DET"),
            ("incident", 3, "nmod", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:GRC", "state:ALB", True, False, None, "accuse.surface") in relations(
        doc
    )


def test_denial_verb_tagged_as_noun(nlp):
    # "Ukraine denies its involvement." with "denies" read as a plural noun
    doc = parse(
        nlp,
        [
            ("Ukraine", 1, "amod", "PROPN"),
            ("denies", 1, "ROOT", "NOUN", "denie"),
            ("its", 3, "nmod:poss", "PRON"),
            ("involvement", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert ("denies", "state:UKR", None, False, False, None, "deny.surface") in relations(doc)


def test_surface_fallback_needs_an_actor_before_the_verb(nlp):
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("report", 2, "nsubj", "NOUN"),
            ("denies", 2, "ROOT", "NOUN", "denie"),
            ("any", 4, "det", "DET"),
            ("involvement", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


def test_deny_verb_in_a_relative_clause_on_the_last_noun(nlp):
    # "Russia says the gunmen came from Tajikistan, which the country denies." with the
    # relative clause attached to "Tajikistan": what is denied is the claim, not the country
    doc = parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("says", 1, "ROOT", "VERB", "say"),
            ("the", 3, "det", "DET"),
            ("gunmen", 4, "nsubj", "NOUN", "gunman"),
            ("came", 1, "ccomp", "VERB", "come"),
            ("from", 6, "case", "ADP"),
            ("Tajikistan", 4, "obl", "PROPN"),
            (",", 11, "punct", "PUNCT"),
            ("which", 11, "obj", "PRON"),
            ("the", 10, "det", "DET"),
            ("country", 11, "nsubj", "NOUN"),
            ("denies", 6, "acl:relcl", "VERB", "deny"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = relations(doc)
    assert ("denies", "state:TJK", None, False, False, None, "deny.relative") in found
    assert not any(r[0] == "denies" and r[1] == "state:RUS" for r in found)


def test_accusation_surface_with_a_demonym_modified_subject(nlp):
    # "Russian pilots still blame Ukrainians." with "blame" left without a subject
    doc = parse(
        nlp,
        [
            ("Russian", 1, "amod", "ADJ"),
            ("pilots", 3, "nsubj", "NOUN", "pilot"),
            ("still", 3, "advmod", "ADV"),
            ("blame", 3, "ROOT", "NOUN"),
            ("Ukrainians", 3, "nmod", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:RUS", "state:UKR", False, False, None, "accuse.surface") in relations(
        doc
    )


def test_subject_misparse_inside_a_persons_apposition(nlp):
    # "Emmanuel Macron, an adviser to NATO, criticized Russia." with the parser making
    # "NATO" the subject and the name a compound of it
    doc = parse(
        nlp,
        [
            ("Emmanuel", 6, "compound", "PROPN"),
            ("Macron", 0, "flat", "PROPN"),
            (",", 4, "punct", "PUNCT"),
            ("an", 4, "det", "DET"),
            ("adviser", 0, "appos", "NOUN"),
            ("to", 6, "case", "ADP"),
            ("NATO", 8, "nsubj", "PROPN"),
            (",", 6, "punct", "PUNCT"),
            ("criticized", 8, "ROOT", "VERB", "criticize"),
            ("Russia", 8, "obj", "PROPN"),
            (".", 8, "punct", "PUNCT"),
        ],
    )
    found = {(p, s, o) for p, s, o, _, _, _, _ in relations(doc)}
    assert found == {("criticizes", "person:emmanuel-macron", "state:RUS")}


def test_conflict_between_read_off_the_words(nlp):
    # "Fighting between Armenia and Azerbaijan broke out." with "Azerbaijan" parsed as the
    # subject of "broke"
    doc = parse(
        nlp,
        [
            ("Fighting", 0, "ROOT", "VERB", "fight"),
            ("between", 2, "case", "ADP"),
            ("Armenia", 0, "obl", "PROPN"),
            ("and", 5, "cc", "CCONJ"),
            ("Azerbaijan", 5, "nsubj", "PROPN"),
            ("broke", 0, "conj", "VERB", "break"),
            ("out", 5, "compound:prt", "ADP"),
            (".", 0, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o})) for p, s, o, _, _, _, _ in relations(doc)}
    assert found == {("conflict_with", frozenset({"state:ARM", "state:AZE"}))}


def test_accusation_noun_with_a_that_clause_parsed_as_relative(nlp):
    # "Iran's accusation that Israel had planned the attack" with the clause read as acl:relcl
    doc = parse(
        nlp,
        [
            ("Iran", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("accusation", 2, "ROOT", "NOUN"),
            ("that", 6, "mark", "SCONJ"),
            ("Israel", 6, "nsubj", "PROPN"),
            ("had", 6, "aux", "AUX", "have"),
            ("planned", 2, "acl:relcl", "VERB", "plan"),
            ("the", 8, "det", "DET"),
            ("attack", 6, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("accuses", "state:IRN", "state:ISR", False, False, None, "accuses.nominal")
    }


def test_leader_title_of_a_state_before_a_name_the_ner_missed(nlp):
    # "The then Prime Minister of Pakistan Imran Khan visited Moscow." (no NER here: the name
    # is found after the title's state)
    doc = parse(
        nlp,
        [
            ("The", 3, "det", "DET"),
            ("then", 3, "amod", "ADV"),
            ("Prime", 3, "compound", "PROPN"),
            ("Minister", 8, "nsubj", "PROPN"),
            ("of", 5, "case", "ADP"),
            ("Pakistan", 3, "nmod", "PROPN"),
            ("Imran", 3, "appos", "PROPN"),
            ("Khan", 6, "flat", "PROPN"),
            ("visited", 8, "ROOT", "VERB", "visit"),
            ("Moscow", 8, "obj", "PROPN"),
            (".", 8, "punct", "PUNCT"),
        ],
    )
    found = {(p, s, o, st) for p, s, o, _, _, st, _ in relations(doc)}
    assert ("leader_of", "person:imran-khan", "state:PAK", "former") in found


def test_an_ambiguous_group_name_before_a_role_word_is_the_group(nlp):
    # "Wagner chief Yevgeny Prigozhin died." ("Wagner" alone is ambiguous: a composer too)
    doc = parse(
        nlp,
        [
            ("Wagner", 1, "compound", "PROPN"),
            ("chief", 2, "compound", "NOUN"),
            ("Yevgeny", 4, "nsubj", "PROPN"),
            ("Prigozhin", 2, "flat", "PROPN"),
            ("died", 4, "ROOT", "VERB", "die"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert "armedgroup:wagner-group" in {m.actor for m in doc._.kg_mentions}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # "France and Germany are treaty allies." with "allies" parsed as a conjunct
        (["France", "and", "Germany", "are", "treaty", "allies"], (False, False)),
        (["France", "and", "Germany", "are", "not", "allies"], (False, True)),
        (["France", "and", "Germany", "may", "become", "allies"], (True, False)),
    ],
)
def test_allies_read_off_the_words_when_the_parse_misses_the_subjects(nlp, words, expected):
    pos = {"and": "CCONJ", "are": "AUX", "may": "AUX", "become": "VERB", "not": "PART"}
    tokens = [
        (w, 0, "ROOT" if i == 0 else "dep", pos.get(w, "PROPN" if i < 3 else "NOUN"))
        for i, w in enumerate(words)
    ]
    tokens[-1] = (words[-1], 0, "conj", "NOUN", "ally")
    tokens.append((".", 0, "punct", "PUNCT"))
    found = relations(parse(nlp, tokens))
    hedged, negated = expected
    assert found == {
        ("allied_with", "state:FRA", "state:DEU", hedged, negated, None, "ally.surface")
    }


def test_allies_surface_needs_the_actors_to_open_the_clause(nlp):
    # "Critics of France and Germany are allies of the opposition."
    words = [
        "Critics",
        "of",
        "France",
        "and",
        "Germany",
        "are",
        "allies",
        "of",
        "the",
        "opposition",
    ]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "AUX", "NOUN", "ADP", "DET", "NOUN"]
    tokens = [
        (w, 0, "ROOT" if i == 0 else "dep", p)
        for i, (w, p) in enumerate(zip(words, pos, strict=True))
    ]
    tokens.append((".", 0, "punct", "PUNCT"))
    assert relations(parse(nlp, tokens)) == set()


@pytest.mark.parametrize("dep", ["conj", "punct"])
def test_a_subject_hung_on_the_subordinate_clause_is_the_main_verbs(nlp, dep):
    # "While Israel is searching, Hamas has claimed responsibility." with "Hamas" attached to
    # "searching" as a conjunct (or as punctuation) and "claimed" left without a subject
    doc = parse(
        nlp,
        [
            ("While", 3, "mark", "SCONJ"),
            ("Israel", 3, "nsubj", "PROPN"),
            ("is", 3, "aux", "AUX", "be"),
            ("searching", 7, "advcl", "VERB", "search"),
            (",", 5, "punct", "PUNCT"),
            ("Hamas", 3, dep, "PROPN"),
            ("has", 7, "aux", "AUX", "have"),
            ("claimed", 7, "ROOT", "VERB", "claim"),
            ("responsibility", 7, "obj", "NOUN"),
            (".", 7, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("claims_responsibility", "armedgroup:hamas", None, False, False, None, "claim.verb")
    }


# -- readings added for news beyond the bundled corpus ----------------------------------------
def test_person_set_off_by_commas_is_the_subject_noun(nlp):
    # "The leader of Hezbollah, Hassan Nasrallah, blamed Israel." with the name a conjunct of
    # "Hezbollah" instead of an apposition of "leader"
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("leader", 8, "nsubj", "NOUN"),
            ("of", 3, "case", "ADP"),
            ("Hezbollah", 1, "nmod", "PROPN"),
            (",", 5, "punct", "PUNCT"),
            ("Hassan", 3, "conj", "PROPN"),
            ("Nasrallah", 5, "flat", "PROPN"),
            (",", 1, "punct", "PUNCT"),
            ("blamed", 8, "ROOT", "VERB", "blame"),
            ("Israel", 8, "obj", "PROPN"),
            (".", 8, "punct", "PUNCT"),
        ],
    )
    accusations = {(s, o) for p, s, o, *_ in relations(doc) if p == "accuses"}
    assert accusations == {("person:hassan-nasrallah", "state:ISR")}


def test_person_without_commas_is_not_the_subject_noun(nlp):
    # "The leader of Hezbollah and Hassan Nasrallah blamed Israel.": no name set off by commas
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("leader", 7, "nsubj", "NOUN"),
            ("of", 3, "case", "ADP"),
            ("Hezbollah", 1, "nmod", "PROPN"),
            ("and", 5, "cc", "CCONJ"),
            ("Hassan", 3, "conj", "PROPN"),
            ("Nasrallah", 5, "flat", "PROPN"),
            ("blamed", 7, "ROOT", "VERB", "blame"),
            ("Israel", 7, "obj", "PROPN"),
            (".", 7, "punct", "PUNCT"),
        ],
    )
    assert not {(s, o) for p, s, o, *_ in relations(doc) if p == "accuses"}


def _reciprocal(nlp, verb: str, lemma: str) -> Doc:
    # "Azerbaijan and Armenia <verb> each other."
    return parse(
        nlp,
        [
            ("Azerbaijan", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Armenia", 0, "conj", "PROPN"),
            (verb, 3, "ROOT", "VERB", lemma),
            ("each", 5, "det", "DET"),
            ("other", 3, "obj", "ADJ"),
            (".", 3, "punct", "PUNCT"),
        ],
    )


@pytest.mark.parametrize(
    ("verb", "lemma", "predicate"),
    [("accused", "accuse", "accuses"), ("criticized", "criticize", "criticizes")],
)
def test_reciprocal_object_gives_both_directions(nlp, verb, lemma, predicate):
    found = {(p, s, o) for p, s, o, *_ in relations(_reciprocal(nlp, verb, lemma))}
    assert found == {
        (predicate, "state:AZE", "state:ARM"),
        (predicate, "state:ARM", "state:AZE"),
    }


def test_claim_noun_after_a_light_verb(nlp):
    # "China voiced support for Russia."
    doc = parse(
        nlp,
        [
            ("China", 1, "nsubj", "PROPN"),
            ("voiced", 1, "ROOT", "VERB", "voice"),
            ("support", 1, "obj", "NOUN"),
            ("for", 4, "case", "ADP"),
            ("Russia", 2, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == {
        ("supports", "state:CHN", "state:RUS", False, False, None, "supports.nominal")
    }


def test_traded_accusations_are_mutual(nlp):
    # "Israel and Iran traded accusations."
    doc = parse(
        nlp,
        [
            ("Israel", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Iran", 0, "conj", "PROPN"),
            ("traded", 3, "ROOT", "VERB", "trade"),
            ("accusations", 3, "obj", "NOUN", "accusation"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    found = {(p, s, o, r) for p, s, o, _, _, _, r in relations(doc)}
    assert found == {
        ("accuses", "state:ISR", "state:IRN", "accuses.nominal"),
        ("accuses", "state:IRN", "state:ISR", "accuses.nominal"),
    }


def test_attack_noun_launched_on_a_target(nlp):
    # "Israel launched airstrikes on Hezbollah targets in Lebanon."
    doc = parse(
        nlp,
        [
            ("Israel", 1, "nsubj", "PROPN"),
            ("launched", 1, "ROOT", "VERB", "launch"),
            ("airstrikes", 1, "obj", "NOUN", "airstrike"),
            ("on", 5, "case", "ADP"),
            ("Hezbollah", 5, "compound", "PROPN"),
            ("targets", 2, "nmod", "NOUN", "target"),
            ("in", 7, "case", "ADP"),
            ("Lebanon", 5, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o})) for p, s, o, *_ in relations(doc)}
    assert found == {("conflict_with", frozenset({"state:ISR", "armedgroup:hizballah"}))}


def test_attack_noun_in_a_place_is_no_conflict(nlp):
    # "Iran's attack in Israel ..." names a place: only "on" / "against" name a target
    doc = parse(
        nlp,
        [
            ("Iran", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("attack", 5, "nsubj", "NOUN"),
            ("in", 4, "case", "ADP"),
            ("Israel", 2, "nmod", "PROPN"),
            ("failed", 5, "ROOT", "VERB", "fail"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


def test_weapon_fired_at_a_target(nlp):
    # "Hezbollah fired dozens of rockets at Israel."
    doc = parse(
        nlp,
        [
            ("Hezbollah", 1, "nsubj", "PROPN"),
            ("fired", 1, "ROOT", "VERB", "fire"),
            ("dozens", 1, "obj", "NOUN", "dozen"),
            ("of", 4, "case", "ADP"),
            ("rockets", 2, "nmod", "NOUN", "rocket"),
            ("at", 6, "case", "ADP"),
            ("Israel", 1, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, frozenset({s, o})) for p, s, o, *_ in relations(doc)}
    assert found == {("conflict_with", frozenset({"state:ISR", "armedgroup:hizballah"}))}


def test_withdrawal_noun_is_membership_left(nlp):
    # "Mali announced its withdrawal from ECOWAS."
    doc = parse(
        nlp,
        [
            ("Mali", 1, "nsubj", "PROPN"),
            ("announced", 1, "ROOT", "VERB", "announce"),
            ("its", 3, "nmod:poss", "PRON", "its"),
            ("withdrawal", 1, "obj", "NOUN"),
            ("from", 5, "case", "ADP"),
            ("ECOWAS", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    found = {(p, s, o, st) for p, s, o, _, _, st, _ in relations(doc)}
    assert found == {("member_of", "state:MLI", "igo:ecowas", "left")}


def _governments_said_they(nlp, subject: list[Token], modal: str) -> Doc:
    # "<subject> said they <modal> leave ECOWAS." with the subject's head first
    n = len(subject)
    return parse(
        nlp,
        subject
        + [
            ("said", n, "ROOT", "VERB", "say"),
            ("they", n + 3, "nsubj", "PRON"),
            (modal, n + 3, "aux", "AUX"),
            ("leave", n, "ccomp", "VERB"),
            ("ECOWAS", n + 3, "obj", "PROPN"),
            (".", n, "punct", "PUNCT"),
        ],
    )


GOVERNMENTS_OF_THREE = [
    ("Governments", 5, "nsubj", "NOUN", "government"),
    ("of", 2, "case", "ADP"),
    ("Mali", 0, "nmod", "PROPN"),
    ("and", 4, "cc", "CCONJ"),
    ("Niger", 2, "conj", "PROPN"),
]


def test_plural_pronoun_takes_every_state_of_the_subject(nlp):
    doc = _governments_said_they(nlp, GOVERNMENTS_OF_THREE, "would")
    found = {(p, s, o, h, st) for p, s, o, h, _, st, _ in relations(doc)}
    # "would" in the complement of a speech verb reports the future: not hedged
    assert found == {
        ("member_of", "state:MLI", "igo:ecowas", False, "left"),
        ("member_of", "state:NER", "igo:ecowas", False, "left"),
    }


def test_might_in_reported_speech_still_hedges(nlp):
    doc = _governments_said_they(nlp, GOVERNMENTS_OF_THREE, "might")
    assert {h for _, _, _, h, *_ in relations(doc)} == {True}


def test_plural_pronoun_is_not_an_actor_modifier(nlp):
    # "CSTO members said they would leave ECOWAS.": "they" are the members, not the CSTO
    doc = _governments_said_they(
        nlp, [("CSTO", 1, "compound", "PROPN"), ("members", 2, "nsubj", "NOUN", "member")], "would"
    )
    assert relations(doc) == set()


def test_governing_body_in_a_capital_is_the_state(nlp):
    # "The junta in Bamako accused Algeria."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("junta", 4, "nsubj", "NOUN"),
            ("in", 3, "case", "ADP"),
            ("Bamako", 1, "nmod", "PROPN"),
            ("accused", 4, "ROOT", "VERB", "accuse"),
            ("Algeria", 4, "obj", "PROPN"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o) for p, s, o, *_ in relations(doc)} == {("accuses", "state:MLI", "state:DZA")}


def test_founding_states_are_members(nlp):
    # "Mali and Niger founded the African Union."
    doc = parse(
        nlp,
        [
            ("Mali", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Niger", 0, "conj", "PROPN"),
            ("founded", 3, "ROOT", "VERB", "found"),
            ("the", 6, "det", "DET"),
            ("African", 6, "amod", "ADJ"),
            ("Union", 3, "obj", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    found = {(p, s, o, st, r) for p, s, o, _, _, st, r in relations(doc)}
    assert found == {
        ("member_of", "state:MLI", "igo:au", "active", "member.founder"),
        ("member_of", "state:NER", "igo:au", "active", "member.founder"),
    }


def test_passive_claim_of_an_event(nlp):
    # "The attack was claimed by the Islamic State."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("attack", 3, "nsubj:pass", "NOUN"),
            ("was", 3, "aux:pass", "AUX", "be"),
            ("claimed", 3, "ROOT", "VERB", "claim"),
            ("by", 7, "case", "ADP"),
            ("the", 7, "det", "DET"),
            ("Islamic", 7, "amod", "ADJ"),
            ("State", 3, "obl:agent", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, r) for p, s, _, _, _, _, r in relations(doc)} == {
        ("claims_responsibility", "armedgroup:isis", "claim.verb")
    }


def _suspect_role(nlp, event: str) -> Doc:
    # "Russia suspects Ukraine's role in the <event>."
    return parse(
        nlp,
        [
            ("Russia", 1, "nsubj", "PROPN"),
            ("suspects", 1, "ROOT", "VERB", "suspect"),
            ("Ukraine", 4, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"),
            ("role", 1, "obj", "NOUN"),
            ("in", 7, "case", "ADP"),
            ("the", 7, "det", "DET"),
            (event, 4, "nmod", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )


def test_suspected_involvement_in_an_attack_accuses(nlp):
    assert {(p, s, o, r) for p, s, o, _, _, _, r in relations(_suspect_role(nlp, "attack"))} == {
        ("accuses", "state:RUS", "state:UKR", "accuse.involvement")
    }


def test_a_role_in_talks_accuses_nobody(nlp):
    assert relations(_suspect_role(nlp, "talks")) == set()


def test_denied_accusations_made_by_an_actor(nlp):
    # "Kyrgyzstan denied the accusations made by Tajikistan."
    doc = parse(
        nlp,
        [
            ("Kyrgyzstan", 1, "nsubj", "PROPN"),
            ("denied", 1, "ROOT", "VERB", "deny"),
            ("the", 3, "det", "DET"),
            ("accusations", 1, "obj", "NOUN", "accusation"),
            ("made", 3, "acl", "VERB", "make"),
            ("by", 6, "case", "ADP"),
            ("Tajikistan", 4, "obl:agent", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o) for p, s, o, *_ in relations(doc)} == {("denies", "state:KGZ", "state:TJK")}


def test_neither_nor_negates_the_denial(nlp):
    # "Israel neither confirmed nor denied its involvement."
    doc = parse(
        nlp,
        [
            ("Israel", 2, "nsubj", "PROPN"),
            ("neither", 2, "cc:preconj", "CCONJ"),
            ("confirmed", 2, "ROOT", "VERB", "confirm"),
            ("nor", 4, "cc", "CCONJ"),
            ("denied", 2, "conj", "VERB", "deny"),
            ("its", 6, "nmod:poss", "PRON", "its"),
            ("involvement", 4, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, n) for p, s, _, _, n, _, _ in relations(doc)} == {("denies", "state:ISR", True)}


@pytest.mark.parametrize(
    ("head", "lemma", "negated"), [("refused", "refuse", True), ("wanted", "want", False)]
)
def test_refusal_negates_its_complement(nlp, head, lemma, negated):
    # "Hungary refused (wanted) to criticize Russia."
    doc = parse(
        nlp,
        [
            ("Hungary", 1, "nsubj", "PROPN"),
            (head, 1, "ROOT", "VERB", lemma),
            ("to", 3, "mark", "PART"),
            ("criticize", 1, "xcomp", "VERB"),
            ("Russia", 3, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o, n) for p, s, o, _, n, _, _ in relations(doc)} == {
        ("criticizes", "state:HUN", "state:RUS", negated)
    }


@pytest.mark.parametrize(("thing", "supports"), [("missiles", True), ("soybeans", False)])
def test_supplying_a_recipient_with_arms(nlp, thing, supports):
    # "Iran supplied Syria with missiles (soybeans)."
    doc = parse(
        nlp,
        [
            ("Iran", 1, "nsubj", "PROPN"),
            ("supplied", 1, "ROOT", "VERB", "supply"),
            ("Syria", 1, "obj", "PROPN"),
            ("with", 4, "case", "ADP"),
            (thing, 1, "obl", "NOUN", thing[:-1]),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    expected = {("supports", "state:IRN", "state:SYR")} if supports else set()
    assert {(p, s, o) for p, s, o, *_ in relations(doc)} == expected


def test_reported_help_to_an_armed_group_accuses(nlp):
    # "Israel said Iran cooperates with Hezbollah."
    doc = parse(
        nlp,
        [
            ("Israel", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Iran", 3, "nsubj", "PROPN"),
            ("cooperates", 1, "ccomp", "VERB", "cooperate"),
            ("with", 5, "case", "ADP"),
            ("Hezbollah", 3, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    accusations = {(s, o) for p, s, o, *_ in relations(doc) if p == "accuses"}
    assert accusations == {("state:ISR", "state:IRN")}


def test_reported_help_to_a_state_fighting_a_group_accuses_nobody(nlp):
    # "Israel said Iran helps Iraq fight Hezbollah."
    doc = parse(
        nlp,
        [
            ("Israel", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Iran", 3, "nsubj", "PROPN"),
            ("helps", 1, "ccomp", "VERB", "help"),
            ("Iraq", 3, "obj", "PROPN"),
            ("fight", 3, "xcomp", "VERB"),
            ("Hezbollah", 5, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    assert not {(s, o) for p, s, o, *_ in relations(doc) if p == "accuses"}


def _quote(nlp, first: list[Token], root: int) -> Doc:
    # "“<first sentence> We know it,” Vladimir Putin said." with the first sentence's root at
    # index ``root``
    n = len(first)
    return parse(
        nlp,
        [("“", root, "punct", "PUNCT")]
        + first
        + [
            ("We", n + 2, "nsubj", "PRON"),
            ("know", n + 8, "ccomp", "VERB"),
            ("it", n + 2, "obj", "PRON"),
            (",", n + 2, "punct", "PUNCT"),
            ("”", n + 2, "punct", "PUNCT"),
            ("Vladimir", n + 7, "compound", "PROPN"),
            ("Putin", n + 8, "nsubj", "PROPN"),
            ("said", n + 8, "ROOT", "VERB", "say"),
            (".", n + 8, "punct", "PUNCT"),
        ],
    )


def test_quoted_sentence_accuses_for_the_speaker_after_the_quote(nlp):
    # "“The attack was planned by Kyiv. We know it,” Vladimir Putin said."
    doc = _quote(
        nlp,
        [
            ("The", 2, "det", "DET"),
            ("attack", 4, "nsubj:pass", "NOUN"),
            ("was", 4, "aux:pass", "AUX", "be"),
            ("planned", 4, "ROOT", "VERB", "plan", "VBN"),
            ("by", 6, "case", "ADP"),
            ("Kyiv", 4, "obl:agent", "PROPN"),
            (".", 4, "punct", "PUNCT"),
        ],
        4,
    )
    assert {(p, s, o, r) for p, s, o, _, _, _, r in relations(doc)} == {
        ("accuses", "person:vladimir-putin", "state:UKR", "accuse.quote")
    }


def test_quoted_help_unrelated_to_the_attack_accuses_nobody(nlp):
    # "“We were helped by Iran after the attack. We know it,” Vladimir Putin said."
    doc = _quote(
        nlp,
        [
            ("We", 3, "nsubj:pass", "PRON"),
            ("were", 3, "aux:pass", "AUX", "be"),
            ("helped", 3, "ROOT", "VERB", "help", "VBN"),
            ("by", 5, "case", "ADP"),
            ("Iran", 3, "obl:agent", "PROPN"),
            ("after", 8, "case", "ADP"),
            ("the", 8, "det", "DET"),
            ("attack", 3, "obl", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
        3,
    )
    assert relations(doc) == set()


def test_the_two_countries_are_the_last_pair_named_together(nlp):
    # "Kyrgyzstan and Tajikistan met. The two countries clashed."
    doc = parse(
        nlp,
        [
            ("Kyrgyzstan", 3, "nsubj", "PROPN"),
            ("and", 2, "cc", "CCONJ"),
            ("Tajikistan", 0, "conj", "PROPN"),
            ("met", 3, "ROOT", "VERB", "meet"),
            (".", 3, "punct", "PUNCT"),
            ("The", 7, "det", "DET"),
            ("two", 7, "nummod", "NUM"),
            ("countries", 8, "nsubj", "NOUN"),
            ("clashed", 8, "ROOT", "VERB", "clash"),
            (".", 8, "punct", "PUNCT"),
        ],
    )
    assert {(p, frozenset({s, o})) for p, s, o, *_ in relations(doc)} == {
        ("conflict_with", frozenset({"state:KGZ", "state:TJK"}))
    }


def _said_clause(nlp, aux: Token) -> Doc:
    # "Hamas said Israel <aux> bombed the hospital."
    return parse(
        nlp,
        [
            ("Hamas", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Israel", 4, "nsubj", "PROPN"),
            aux,
            ("bombed", 1, "ccomp", "VERB", "bomb"),
            ("the", 6, "det", "DET"),
            ("hospital", 4, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )


def test_reported_hostile_act_accuses(nlp):
    doc = _said_clause(nlp, ("had", 4, "aux", "AUX", "have", "VBD"))
    assert {(p, s, o, r) for p, s, o, _, _, _, r in relations(doc)} == {
        ("accuses", "armedgroup:hamas", "state:ISR", "accuse.speech")
    }


def test_reported_hostile_act_with_a_modal_is_a_warning(nlp):
    doc = _said_clause(nlp, ("would", 4, "aux", "AUX", "would", "MD"))
    assert relations(doc) == set()


def test_according_to_an_actor_speaks_the_clause(nlp):
    # "According to the Kremlin, Ukraine was behind the attack."
    doc = parse(
        nlp,
        [
            ("According", 3, "case", "VERB", "accord"),
            ("to", 0, "fixed", "ADP"),
            ("the", 3, "det", "DET"),
            ("Kremlin", 9, "obl", "PROPN"),
            (",", 3, "punct", "PUNCT"),
            ("Ukraine", 9, "nsubj", "PROPN"),
            ("was", 9, "cop", "AUX", "be"),
            ("behind", 9, "case", "ADP"),
            ("the", 9, "det", "DET"),
            ("attack", 9, "ROOT", "NOUN"),
            (".", 9, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o, r) for p, s, o, _, _, _, r in relations(doc)} == {
        ("accuses", "state:RUS", "state:UKR", "accuse.according")
    }


def test_backed_compound_is_support(nlp):
    # "Iran-backed Houthi rebels attacked the tanker."
    doc = parse(
        nlp,
        [
            ("Iran", 2, "npadvmod", "PROPN"),
            ("-", 2, "punct", "PUNCT"),
            ("backed", 4, "amod", "VERB", "back"),
            ("Houthi", 4, "compound", "PROPN"),
            ("rebels", 5, "nsubj", "NOUN", "rebel"),
            ("attacked", 5, "ROOT", "VERB", "attack"),
            ("the", 7, "det", "DET"),
            ("tanker", 5, "obj", "NOUN"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o, r) for p, s, o, _, _, _, r in relations(doc)} == {
        ("supports", "state:IRN", "armedgroup:ansarallah", "support.backed")
    }


def test_accusation_verb_labelled_a_noun_in_a_relative_clause(nlp):
    # "Hamas, which the United States accuses of atrocities, ..." with "accuses" a NOUN/VBZ
    doc = parse(
        nlp,
        [
            ("Hamas", 9, "nsubj", "PROPN"),
            (",", 6, "punct", "PUNCT"),
            ("which", 6, "obj", "PRON"),
            ("the", 5, "det", "DET"),
            ("United", 5, "amod", "PROPN"),
            ("States", 6, "nsubj", "PROPN"),
            ("accuses", 0, "acl:relcl", "NOUN", "accuse", "VBZ"),
            ("of", 8, "case", "ADP"),
            ("atrocities", 6, "obl", "NOUN", "atrocity"),
            ("fought", 9, "ROOT", "VERB", "fight"),
            (".", 9, "punct", "PUNCT"),
        ],
    )
    assert ("accuses", "state:USA", "armedgroup:hamas") in {
        (p, s, o) for p, s, o, *_ in relations(doc)
    }


def test_organisation_suspending_a_state(nlp):
    # "The African Union suspended Niger."
    doc = parse(
        nlp,
        [
            ("The", 2, "det", "DET"),
            ("African", 2, "amod", "ADJ"),
            ("Union", 3, "nsubj", "PROPN"),
            ("suspended", 3, "ROOT", "VERB", "suspend"),
            ("Niger", 3, "obj", "PROPN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o, st) for p, s, o, _, _, st, _ in relations(doc)} == {
        ("member_of", "state:NER", "igo:au", "suspended")
    }


def test_titled_subject_is_the_person_in_apposition(nlp):
    # "Iran's leader Ali Khamenei accused Israel."
    doc = parse(
        nlp,
        [
            ("Iran", 2, "nmod:poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("leader", 5, "nsubj", "NOUN"),
            ("Ali", 2, "appos", "PROPN"),
            ("Khamenei", 3, "flat", "PROPN"),
            ("accused", 5, "ROOT", "VERB", "accuse"),
            ("Israel", 5, "obj", "PROPN"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    assert {(s, o) for p, s, o, *_ in relations(doc) if p == "accuses"} == {
        ("person:ali-khamenei", "state:ISR")
    }


@pytest.mark.parametrize(("aux", "found"), [("has", True), (None, False)])
def test_lead_verb_in_the_perfect(nlp, aux, found):
    # "Emomali Rahmon has ruled Tajikistan." (a bare "ruled" tagged VBN is a participle)
    words = [("Emomali", 1, "compound", "PROPN"), ("Rahmon", 3, "nsubj", "PROPN")]
    words.append((aux, 3, "aux", "AUX", "have", "VBZ") if aux else ("then", 3, "advmod", "ADV"))
    words += [
        ("ruled", 3, "ROOT", "VERB", "rule", "VBN"),
        ("Tajikistan", 3, "obj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]
    expected = {("leader_of", "person:emomali-rahmon", "state:TJK")} if found else set()
    assert {(p, s, o) for p, s, o, *_ in relations(parse(nlp, words))} == expected


@pytest.mark.parametrize(("neg", "negated"), [(None, True), ("not", False)])
def test_denied_act_is_negated(nlp, neg, negated):
    # "North Korea (did not) denied supplying weapons to Russia."
    words = [("North", 1, "compound", "PROPN"), ("Korea", 4, "nsubj", "PROPN")]
    words.append(("did", 4, "aux", "AUX", "do") if neg else ("has", 4, "aux", "AUX", "have"))
    words.append((neg, 4, "advmod", "PART") if neg else ("already", 4, "advmod", "ADV"))
    words += [
        ("deny", 4, "ROOT", "VERB", "deny"),
        ("supplying", 4, "xcomp", "VERB", "supply"),
        ("weapons", 5, "obj", "NOUN", "weapon"),
        ("to", 8, "case", "ADP"),
        ("Russia", 5, "obl", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    ]
    found = {(p, s, o, n) for p, s, o, _, n, _, _ in relations(parse(nlp, words))}
    assert ("supports", "state:PRK", "state:RUS", negated) in found


@pytest.mark.parametrize(("modifier", "allied"), [("closest", True), ("trading", False)])
def test_trading_partner_is_no_ally(nlp, modifier, allied):
    # "China is Russia's closest (trading) partner."
    doc = parse(
        nlp,
        [
            ("China", 5, "nsubj", "PROPN"),
            ("is", 5, "cop", "AUX", "be"),
            ("Russia", 5, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"),
            (modifier, 5, "amod", "ADJ"),
            ("partner", 5, "ROOT", "NOUN"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    expected = {("allied_with", frozenset({"state:CHN", "state:RUS"}))} if allied else set()
    assert {(p, frozenset({s, o})) for p, s, o, *_ in relations(doc)} == expected


def test_organisation_including_states(nlp):
    # "The CSTO includes Russia and Belarus."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("CSTO", 2, "nsubj", "PROPN"),
            ("includes", 2, "ROOT", "VERB", "include"),
            ("Russia", 2, "obj", "PROPN"),
            ("and", 5, "cc", "CCONJ"),
            ("Belarus", 3, "conj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert {(p, s, o) for p, s, o, *_ in relations(doc)} == {
        ("member_of", "state:RUS", "igo:csto"),
        ("member_of", "state:BLR", "igo:csto"),
    }


def test_actors_only_modifying_subject_and_object_are_no_membership(nlp):
    # "The EU's package includes Russian banks."
    doc = parse(
        nlp,
        [
            ("The", 3, "det", "DET"),
            ("EU", 3, "nmod:poss", "PROPN"),
            ("'s", 1, "case", "PART"),
            ("package", 4, "nsubj", "NOUN"),
            ("includes", 4, "ROOT", "VERB", "include"),
            ("Russian", 6, "amod", "ADJ"),
            ("banks", 4, "obj", "NOUN", "bank"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert relations(doc) == set()


@pytest.mark.parametrize(("noun", "leads"), [("delegation", False), ("government", True)])
def test_head_of_a_states_delegation_leads_no_state(nlp, noun, leads):
    # "The head of the Russian delegation (government), Mikhail Mishustin, spoke."
    doc = parse(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("head", 11, "nsubj", "NOUN"),
            ("of", 5, "case", "ADP"),
            ("the", 5, "det", "DET"),
            ("Russian", 5, "amod", "ADJ"),
            (noun, 1, "nmod", "NOUN"),
            (",", 7, "punct", "PUNCT"),
            ("Mikhail", 1, "appos", "PROPN"),
            ("Mishustin", 7, "flat", "PROPN"),
            (",", 7, "punct", "PUNCT"),
            ("then", 11, "advmod", "ADV"),
            ("spoke", 11, "ROOT", "VERB", "speak"),
            (".", 11, "punct", "PUNCT"),
        ],
    )
    leaders = {(s, o) for p, s, o, *_ in relations(doc) if p == "leader_of"}
    assert leaders == ({("person:mikhail-mishustin", "state:RUS")} if leads else set())
