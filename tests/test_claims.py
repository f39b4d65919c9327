from __future__ import annotations

from kg.actors import Actor
from kg.claims import Claim, answered_accusation, link_denials

RUS = Actor("state:RUS", "Russia", "State")
UKR = Actor("state:UKR", "Ukraine", "State")
USA = Actor("state:USA", "United States", "State")
TJK = Actor("state:TJK", "Tajikistan", "State")


def claim(cid, doc, predicate, subject, obj=None, start=0, about=None, negated=False):
    return Claim(
        id=cid, predicate=predicate, subject=subject, object=obj, about=about, status=None,
        hedged=False, negated=negated, attributed_to=None, doc=doc, source={}, sentence="S.",
        start=start, end=start + 2, trigger="", confidence=0.9,
    )  # fmt: skip


def test_a_denial_answers_the_last_accusation_before_it_in_its_document():
    claims = [
        claim("a1", "d1", "accuses", RUS, UKR, start=0),
        claim("a2", "d1", "accuses", USA, UKR, start=10),
        claim("n1", "d1", "denies", UKR, start=20),
    ]
    linked = {c.id: c for c in link_denials(claims)}
    assert linked["n1"].object == USA
    assert answered_accusation(linked["n1"], claims).id == "a2"


def test_a_denial_before_any_accusation_answers_the_first_after_it():
    claims = [
        claim("n1", "d1", "denies", TJK, start=0),
        claim("a1", "d1", "accuses", RUS, TJK, start=9),
    ]
    assert link_denials(claims)[0].object == RUS


def test_across_documents_only_an_accusation_about_the_same_event_is_answered():
    claims = [
        claim("a1", "d1", "accuses", RUS, UKR, about="Crocus City Hall attack"),
        claim("n1", "d2", "denies", UKR, about="the Crocus attack"),
        claim("n2", "d3", "denies", UKR, about="the Kerch bridge bombing"),
        claim("n3", "d4", "denies", UKR),
    ]
    linked = {c.id: c for c in link_denials(claims)}
    assert linked["n1"].object == RUS
    assert linked["n2"].object is None and linked["n3"].object is None


def test_negated_accusations_are_not_answered():
    claims = [
        claim("a1", "d1", "accuses", RUS, UKR, negated=True),
        claim("n1", "d1", "denies", UKR, start=5),
    ]
    assert link_denials(claims)[1].object is None


def test_claim_key_orders_symmetric_predicates():
    a = claim("x", "d", "allied_with", UKR, RUS)
    b = claim("y", "d", "allied_with", RUS, UKR)
    assert a.key == b.key
    assert claim("z", "d", "accuses", UKR, RUS).key != claim("w", "d", "accuses", RUS, UKR).key
