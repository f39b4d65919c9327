"""The relation extractor on a table of hand-written news sentences (the packaged pipeline).

Each row is ``(sentence, expected)``: ``expected`` is a set of tuples
``(predicate, subject id, object id or None, hedged, negated, status)`` built with :func:`rel`.
The sentences are written for this table (none is taken from ``sources/``) and cover many
countries and actors, so the table measures how general the rules are, not how well they fit
the bundled articles. Expectations follow ``/work/shared/gold/README.md``: ``denies`` points
at the accuser when the sentence names it, ``claims_responsibility`` has no object,
``member_of`` always carries a status and ``leader_of`` has status ``former`` or none.

Comparison rule (symmetric predicates, ``allied_with`` and ``conflict_with``, compare their
two actors in either order):

- rows of :data:`NOTHING` must yield no relation at all: the extracted set is empty;
- in every other row each expected tuple must be among the extracted ones, and no
  *positive* (not negated) extracted relation with the same predicate, subject and object
  may contradict it, i.e. differ from it in ``hedged``, ``negated`` or ``status``. A negated
  expectation is thus contradicted by any positive relation between the same actors, and a
  hedged one by an unhedged relation. Further relations between other actors are allowed:
  the table checks what a sentence says, not everything a rule may also find in it.

Rows the extractor gets wrong today are kept with ``xfail(strict=True)`` and a reason that
names what is missed; the reasons are shared constants, so that the rows of one cause can be
found (and their marks removed) together.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SYMMETRIC = frozenset({"allied_with", "conflict_with"})

Expected = tuple[str, str, "str | None", bool, bool, "str | None"]


def rel(
    predicate: str,
    subject: str,
    obj: str | None = None,
    *,
    hedged: bool = False,
    negated: bool = False,
    status: str | None = None,
) -> Expected:
    """One expected relation, with symmetric predicates in a canonical order."""
    if predicate in SYMMETRIC and obj is not None and obj < subject:
        subject, obj = obj, subject
    return (predicate, subject, obj, hedged, negated, status)


def miss(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# -- reasons of known failures (one constant per cause) ---------------------------------------
UNLINKED_TURKEY_GEORGIA = miss(
    "linker: 'Turkey' (copular clause) and 'Georgia' (before a modal) as subjects are not linked "
    "to the state, though they are in other sentences"
)
UNLINKED_CAPITAL_OBJECT = miss(
    "linker: a capital standing for its state is not linked after a preposition "
    "('between Moscow and Pyongyang')"
)
UNLINKED_PERSON = miss(
    "linker/NER: the person is not linked under the expected id (a bare surname without "
    "its country or title, or a name the NER takes into another entity)"
)
UNLINKED_ISLAMIC_STATE = miss("linker: 'the Islamic State' is not linked to armedgroup:isis")
DENY_ACCUSER = miss(
    "deny.verb always leaves the object None, even when the sentence names the accuser "
    "('Russia's accusations', 'the allegations by Washington')"
)
RELATIVE_OBJECT = miss(
    "relative clause whose object is the relative pronoun ('Pakistan, which India blames') "
    "is not resolved to the antecedent"
)
SPEECH_PASSIVE_PREDICATE = miss(
    "accuse.speech: 'Y was/had been involved' (a passive-form predicate) is not read as "
    "responsibility"
)
SPEECH_RULE_OUT = miss(
    "accuse.speech: in 'does not rule out that Y organised / was behind ...' the clause is "
    "parsed as advcl or obl of 'rule', and only ccomp/xcomp complements are read"
)
SPEECH_LAUNCH_NEEDS_EVENT = miss(
    "claim.speech: 'launch' is an assisting verb since f7dc141 and needs an event noun or "
    "perpetrators in the clause, so 'X said it had launched the rockets' is no longer a claim"
)
SPEECH_POSSESSED_AGENT = miss(
    "claim.speech: 'X said its fighters carried out / attacked ...' (agent possessed by the "
    "speaker) is not a claim of responsibility"
)
ALLY_VERB_SHADOWED = miss(
    "ally.verb is unreachable: the lemma 'ally' is also in ally_nouns, so 'X has allied itself "
    "with Y' goes to the noun branch and yields nothing"
)
ALLY_APPOSITION = miss(
    "ally.noun: the apposition 'X, a close ally of Y,' (parsed as a second nsubj of the main "
    "verb) is not read"
)
ALLIANCE_COORDINATED_FOUNDERS = miss(
    "ally.alliance: coordinated founders ('Mali, Burkina Faso and Niger formed an alliance') "
    "are not paired with each other"
)
MEMBER_BECOME = miss(
    "member.noun: 'X became a member of Y' (no copula subject on the noun) is not read"
)
MEMBER_MODAL_JOINING = miss(
    "member.verb: a modal ('Serbia might join') gives status active, not joining"
)
MEMBER_SUSPENDED_VERB = miss("membership: 'X was suspended from Y' is not read (status suspended)")
MEMBER_APPOSITION_COORDINATED = miss(
    "member.noun: an apposition to coordinated actors ('Egypt and Ethiopia, new members of "
    "BRICS') is not read"
)
MEMBER_COMPOUND = miss(
    "membership: an organisation as compound modifier ('Finland's NATO membership') is not read"
)
LEADER_FORMER_BEFORE_DEMONYM = miss(
    "leader.title: 'Former'/'Ex-' before the demonym ('Former Brazilian President') does not "
    "set status former"
)
LEADER_APPOSITION_ORG_FIRST = miss(
    "leader.title: an apposition with the organisation before the title ('Antonio Guterres, "
    "the UN secretary general', 'Sheikh Hasina, Bangladesh's former prime minister') is not read"
)
LEADER_VERB = miss(
    "leader_of from the verb 'lead' ('X now leads NATO') is not read, nor the apposition "
    "'a former Dutch prime minister'"
)
CRITICIZE_PASSIVE = miss("criticize.verb: the passive 'Y was criticised by X' is not read")
SUPPLY_TO = miss(
    "support.verb: in 'X provides weapons to Y' the parser attaches 'to Y' to the noun "
    "(nmod of 'weapons'), and the rule only looks for 'to Y' on the verb"
)
SUPPORT_PASSIVE = miss("support.verb: the passive 'Y is supported by X' is not read")
CONFLICT_BETWEEN_SUBJECT = miss(
    "conflict: 'Fighting between X and Y' as a sentence subject, and 'X and Y clashed' "
    "(clash as a verb), are not read"
)


# -- accusations: verbs, passive, negation, hedging, coordination -------------------------------
ACCUSES = [
    pytest.param(
        # the accusation a denial answers stays an accusation
        "Ukraine rejected Russia's accusation that it had organised the attack.",
        {rel("accuses", "state:RUS", "state:UKR"), rel("denies", "state:UKR", "state:RUS")},
    ),
    pytest.param(
        "The Wagner Group, which the United States accuses of atrocities in Mali, denied the "
        "report.",
        {
            rel("accuses", "state:USA", "armedgroup:wagner-group"),
            rel("denies", "armedgroup:wagner-group"),
        },
    ),
    pytest.param(
        # an involvement noun of another actor after a verb of suspecting
        "Russian officials suspect Kyiv's role in the bombing.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "Peskov said Moscow did not rule out Ukrainian involvement.",
        {rel("accuses", "state:RUS", "state:UKR", hedged=True)},
    ),
    pytest.param(
        # a governing body "in" a capital is the state
        "The junta in Bamako accused Algeria of hostile acts.",
        {rel("accuses", "state:MLI", "state:DZA")},
    ),
    pytest.param(
        "Azerbaijan and Armenia accused each other of violating the ceasefire.",
        {rel("accuses", "state:AZE", "state:ARM"), rel("accuses", "state:ARM", "state:AZE")},
    ),
    pytest.param(
        # the name set off by commas is the subject, wherever the parser hangs it
        "The leader of Hezbollah, Hassan Nasrallah, blamed Israel for the killing.",
        {
            rel("accuses", "person:hassan-nasrallah", "state:ISR"),
            rel("leader_of", "person:hassan-nasrallah", "armedgroup:hizballah"),
        },
    ),
    pytest.param(
        "The head of Russia's Federal Security Service, Alexander Bortnikov, accused Ukraine "
        "of involvement.",
        {
            rel("accuses", "person:alexander-bortnikov", "state:UKR"),
            rel("leader_of", "person:alexander-bortnikov", "org:federal-security-service"),
        },
    ),
    pytest.param(
        "Russia accused Ukraine of organising the attack.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "Iran accused Israel of sabotaging its nuclear facility at Natanz.",
        {rel("accuses", "state:IRN", "state:ISR")},
    ),
    pytest.param(
        "India blamed Pakistan for the attack on its soldiers in Kashmir.",
        {rel("accuses", "state:IND", "state:PAK")},
    ),
    pytest.param(
        "Egypt accused Ethiopia of endangering its water supply.",
        {rel("accuses", "state:EGY", "state:ETH")},
    ),
    pytest.param(
        "The United States charged Russia with interfering in the election.",
        {rel("accuses", "state:USA", "state:RUS")},
    ),
    # passive
    pytest.param(
        "The attack was blamed on Ukraine by Moscow.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "Ethiopia was accused by Egypt of endangering its water supply.",
        {rel("accuses", "state:EGY", "state:ETH")},
    ),
    pytest.param(
        "The cyberattack was blamed on North Korea by South Korea.",
        {rel("accuses", "state:KOR", "state:PRK")},
    ),
    pytest.param(
        "Ukraine has been accused by Hungary of mistreating its minority.",
        {rel("accuses", "state:HUN", "state:UKR")},
    ),
    # negation
    pytest.param(
        "Russia does not accuse Turkey of involvement in the incident.",
        {rel("accuses", "state:RUS", "state:TUR", negated=True)},
    ),
    pytest.param(
        "Japan does not accuse China of the cyberattack.",
        {rel("accuses", "state:JPN", "state:CHN", negated=True)},
    ),
    pytest.param(
        "Venezuela has never accused Colombia of harbouring the rebels.",
        {rel("accuses", "state:VEN", "state:COL", negated=True)},
    ),
    # hedging
    pytest.param(
        "China may accuse the Philippines of provoking the standoff.",
        {rel("accuses", "state:CHN", "state:PHL", hedged=True)},
    ),
    pytest.param(
        "Serbia reportedly blamed Kosovo for the violence in the north.",
        {rel("accuses", "state:SRB", "state:XKX", hedged=True)},
    ),
    pytest.param(
        "China appeared to blame the United States for the collapse of the talks.",
        {rel("accuses", "state:CHN", "state:USA", hedged=True)},
    ),
    pytest.param(
        "Greece allegedly blamed Albania for the border incident.",
        {rel("accuses", "state:GRC", "state:ALB", hedged=True)},
    ),
    # coordination
    pytest.param(
        "Armenia and France accused Azerbaijan of ethnic cleansing.",
        {rel("accuses", "state:ARM", "state:AZE"), rel("accuses", "state:FRA", "state:AZE")},
    ),
    pytest.param(
        "Rwanda accused Uganda and Burundi of violating the border agreement.",
        {rel("accuses", "state:RWA", "state:UGA"), rel("accuses", "state:RWA", "state:BDI")},
    ),
    # persons
    pytest.param(
        "Erdogan accused Israel of genocide in Gaza.",
        {rel("accuses", "person:recep-erdogan", "state:ISR")},
        marks=UNLINKED_PERSON,
    ),
]

# -- reported speech: accusations and claims made by saying ------------------------------------
REPORTED_SPEECH = [
    pytest.param(
        "“Ukraine was behind the attack. We have proof,” Vladimir Putin said.",
        {rel("accuses", "person:vladimir-putin", "state:UKR")},
    ),
    pytest.param(
        # a speaker naming itself in a longer quotation claims the act
        "“ISIS carried out the attack. We will strike again,” the Islamic State said.",
        {rel("claims_responsibility", "armedgroup:isis")},
    ),
    pytest.param(
        "Manila said Chinese coast guard ships had rammed a Philippine supply boat.",
        {rel("accuses", "state:PHL", "state:CHN")},
    ),
    pytest.param(
        # a hostile act told as done is an accusation; the that-clause hangs on "statement"
        "Ukraine's foreign ministry said in a statement that Russia had shelled civilian areas.",
        {rel("accuses", "state:UKR", "state:RUS")},
    ),
    pytest.param(
        "Hamas said Israel had bombed the hospital.",
        {rel("accuses", "armedgroup:hamas", "state:ISR")},
    ),
    pytest.param(
        "Kyiv said Russian troops had not attacked the city.",
        {rel("accuses", "state:UKR", "state:RUS", negated=True)},
    ),
    pytest.param(
        # a source that is an actor speaks the clause
        "According to the Kremlin, Ukraine was behind the drone attack on Moscow.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        # a sentence inside a longer quotation speaks for the speaker named after it
        "“The bombing was organised by the Russian special services. Everyone knows it,” "
        "Ukrainian President Volodymyr Zelensky told reporters.",
        {rel("accuses", "person:volodymyr-zelenskyy", "state:RUS")},
    ),
    pytest.param(
        # helping an armed group, in reported speech, is an accusation
        "Israel said Iran funds Hezbollah and the Houthis.",
        {
            rel("accuses", "state:ISR", "state:IRN"),
            rel("supports", "state:IRN", "armedgroup:hizballah"),
            rel("supports", "state:IRN", "armedgroup:ansarallah"),
        },
    ),
    pytest.param(
        "General Ahmed Khalid Birri stated that Russia cooperates with ISIS.",
        {rel("accuses", "person:ahmed-khalid-birri", "state:RUS")},
    ),
    pytest.param(
        "Moscow said Kyiv was behind the attack.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "The Kremlin said Kyiv was behind the attack.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "Tehran said Israel had orchestrated the assassination.",
        {rel("accuses", "state:IRN", "state:ISR")},
    ),
    pytest.param(
        "Seoul said North Korea was responsible for the cyberattack.",
        {rel("accuses", "state:KOR", "state:PRK")},
    ),
    pytest.param(
        "Israel said Hezbollah was responsible for the strike.",
        {rel("accuses", "state:ISR", "armedgroup:hizballah")},
    ),
    pytest.param(
        "China said the United States was behind the cyberattacks.",
        {rel("accuses", "state:CHN", "state:USA")},
    ),
    pytest.param(
        "Russian President Vladimir Putin said Ukraine had helped the gunmen escape.",
        {
            rel("accuses", "person:vladimir-putin", "state:UKR"),
            rel("leader_of", "person:vladimir-putin", "state:RUS"),
        },
    ),
    pytest.param(
        "Ukrainian officials said Russia could be behind the sabotage.",
        {rel("accuses", "state:UKR", "state:RUS", hedged=True)},
    ),
    pytest.param(
        "Kyiv could be behind the attack, Moscow said.",
        {rel("accuses", "state:RUS", "state:UKR", hedged=True)},
    ),
    pytest.param(
        "Moscow suggested that Kyiv may have been involved in the attack.",
        {rel("accuses", "state:RUS", "state:UKR", hedged=True)},
    ),
    pytest.param(
        "Kyiv has not said that Minsk was involved in the attack.",
        {rel("accuses", "state:UKR", "state:BLR", negated=True)},
    ),
    pytest.param(
        "Baku does not rule out that Armenia organised the provocation.",
        {rel("accuses", "state:AZE", "state:ARM", hedged=True)},
    ),
    pytest.param(
        "Pakistan does not rule out that India was behind the bombing.",
        {rel("accuses", "state:PAK", "state:IND", hedged=True)},
    ),
    pytest.param(
        "ISIS said it carried out the attack.",
        {rel("claims_responsibility", "armedgroup:isis")},
    ),
    pytest.param(
        "Hamas said it had launched the rockets.",
        {rel("claims_responsibility", "armedgroup:hamas")},
    ),
    pytest.param(
        "Hamas said its fighters had carried out the raid.",
        {rel("claims_responsibility", "armedgroup:hamas")},
    ),
    pytest.param(
        "Al-Shabaab said its fighters attacked the base.",
        {rel("claims_responsibility", "armedgroup:al-shabaab")},
    ),
]

# -- nominalisations -------------------------------------------------------------------------
NOMINALISATIONS = [
    pytest.param(
        "Moscow's accusations against Kyiv were dismissed by Western governments.",
        {rel("accuses", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "The accusations by Pakistan against Afghanistan were rejected by the Taliban.",
        {
            rel("accuses", "state:PAK", "state:AFG"),
            rel("denies", "armedgroup:taliban", "state:PAK"),
        },
    ),
    pytest.param(
        "Beijing's accusation that Washington had spread the virus angered American officials.",
        {rel("accuses", "state:CHN", "state:USA")},
    ),
    pytest.param(
        "Ukraine's denial of Moscow's accusations came within hours.",
        {rel("denies", "state:UKR", "state:RUS")},
    ),
    pytest.param(
        "Ankara's criticism of Stockholm delayed the vote.",
        {rel("criticizes", "state:TUR", "state:SWE")},
    ),
    pytest.param(
        "Iran's support for Hezbollah worries Israel.",
        {rel("supports", "state:IRN", "armedgroup:hizballah")},
    ),
    pytest.param(
        "Al-Shabaab's claim of responsibility for the bombing was posted online.",
        {rel("claims_responsibility", "armedgroup:al-shabaab")},
    ),
    pytest.param(
        # the subject of a light verb is the author of the claim noun
        "China voiced support for Russia at the summit.",
        {rel("supports", "state:CHN", "state:RUS")},
    ),
    pytest.param(
        "Israel and Iran have traded accusations over the attack.",
        {rel("accuses", "state:ISR", "state:IRN"), rel("accuses", "state:IRN", "state:ISR")},
    ),
]

# -- relative clauses ------------------------------------------------------------------------
RELATIVE_CLAUSES = [
    pytest.param(
        "The United States accused Iran of attacking the tanker, which Tehran denies.",
        {rel("accuses", "state:USA", "state:IRN"), rel("denies", "state:IRN", "state:USA")},
    ),
    pytest.param(
        # "the country" is the accused, not the last country named
        "Ukraine accuses Iran of supplying drones to Russia, which the country denies.",
        {rel("accuses", "state:UKR", "state:IRN"), rel("denies", "state:IRN", "state:UKR")},
    ),
    pytest.param(
        # no accusation verb: the denier is the country the anaphor resolves to; the claim
        # layer links the denial to the reported accusation
        "Moscow says the gunmen had crossed from Kazakhstan, which the country denies.",
        {rel("denies", "state:KAZ")},
    ),
    pytest.param(
        "Pakistan, which India blames for the attack, called for a neutral investigation.",
        {rel("accuses", "state:IND", "state:PAK")},
    ),
    pytest.param(
        "Lebanon, which Israel accuses of sheltering Hezbollah, called for calm.",
        {rel("accuses", "state:ISR", "state:LBN")},
    ),
    pytest.param(
        "Hezbollah, which Iran has armed for decades, fired rockets at Israel.",
        {rel("supports", "state:IRN", "armedgroup:hizballah")},
    ),
    pytest.param(
        "Belarus, which is a member of the CSTO, hosted the exercise.",
        {rel("member_of", "state:BLR", "igo:csto", status="active")},
    ),
]

# -- denials ---------------------------------------------------------------------------------
DENIES = [
    pytest.param(
        "Israel neither confirmed nor denied its involvement.",
        {rel("denies", "state:ISR", negated=True)},
    ),
    pytest.param(
        "Kyrgyzstan denied the accusations made by Tajikistan.",
        {rel("denies", "state:KGZ", "state:TJK")},
    ),
    pytest.param(
        "Ukraine denied any involvement in the attack.",
        {rel("denies", "state:UKR")},
    ),
    pytest.param(
        "Iran dismissed the report as baseless.",
        {rel("denies", "state:IRN")},
    ),
    pytest.param(
        "Syria rejected the accusations.",
        {rel("denies", "state:SYR")},
    ),
    pytest.param(
        "Moscow refuted claims that its troops had crossed the border.",
        {rel("denies", "state:RUS")},
    ),
    pytest.param(
        "China has denied the accusations, calling them a smear.",
        {rel("denies", "state:CHN")},
    ),
    pytest.param(
        "Azerbaijan distanced itself from the attack.",
        {rel("denies", "state:AZE")},
    ),
    pytest.param(
        "Pakistan's foreign ministry said the allegations were false.",
        {rel("denies", "state:PAK")},
    ),
    pytest.param(
        "Ukraine denied Russia's accusations.",
        {rel("denies", "state:UKR", "state:RUS")},
    ),
    pytest.param(
        "Beijing rejected the allegations by Washington as groundless.",
        {rel("denies", "state:CHN", "state:USA")},
    ),
    pytest.param(
        "Venezuela's government dismissed the accusations by Guyana.",
        {rel("denies", "state:VEN", "state:GUY")},
    ),
    # negation
    pytest.param(
        "Israel did not deny carrying out the strike.",
        {rel("denies", "state:ISR", negated=True)},
    ),
    pytest.param(
        "Serbia did not reject the allegations.",
        {rel("denies", "state:SRB", negated=True)},
    ),
    # hedging
    pytest.param(
        "Hamas reportedly denied involvement in the kidnapping.",
        {rel("denies", "armedgroup:hamas", hedged=True)},
    ),
    pytest.param(
        "Minsk might deny the reports.",
        {rel("denies", "state:BLR", hedged=True)},
    ),
]

# -- claims of responsibility ----------------------------------------------------------------
CLAIMS = [
    pytest.param(
        "The attack was claimed by the Islamic State.",
        {rel("claims_responsibility", "armedgroup:isis")},
    ),
    pytest.param(
        # the longer gazetteer name wins over Hezbollah's alias "The Islamic Resistance"
        "The Islamic Resistance in Iraq claimed responsibility for the drone attack.",
        {rel("claims_responsibility", "armedgroup:islamic-resistance-in-iraq")},
    ),
    pytest.param(
        "Al-Shabaab claimed responsibility for the bombing in Mogadishu.",
        {rel("claims_responsibility", "armedgroup:al-shabaab")},
    ),
    pytest.param(
        "Boko Haram claimed the kidnapping of the schoolgirls.",
        {rel("claims_responsibility", "armedgroup:boko-haram")},
    ),
    pytest.param(
        "The Wagner Group admitted responsibility for the ambush.",
        {rel("claims_responsibility", "armedgroup:wagner-group")},
    ),
    pytest.param(
        "Jaish-e-Mohammad claimed responsibility for the Pulwama bombing.",
        {rel("claims_responsibility", "armedgroup:jaish-e-mohammad")},
    ),
    pytest.param(
        "The Taliban took responsibility for the assassination of the governor.",
        {rel("claims_responsibility", "armedgroup:taliban")},
    ),
    pytest.param(
        "The Islamic State claimed responsibility for the attack.",
        {rel("claims_responsibility", "armedgroup:isis")},
    ),
    pytest.param(
        # "claimed" is read as a modifier of "responsibility"
        "The Houthis claimed responsibility for the missile strike on the ship.",
        {rel("claims_responsibility", "armedgroup:ansarallah")},
    ),
    pytest.param(
        "Hezbollah did not claim responsibility for the rocket fire.",
        {rel("claims_responsibility", "armedgroup:hizballah", negated=True)},
    ),
    pytest.param(
        "The Islamic State might claim responsibility for the shooting, analysts said.",
        {rel("claims_responsibility", "armedgroup:isis", hedged=True)},
    ),
    pytest.param(
        "Boko Haram may have claimed the bombing of the market.",
        {rel("claims_responsibility", "armedgroup:boko-haram", hedged=True)},
    ),
]

# -- alliances -------------------------------------------------------------------------------
ALLIES = [
    pytest.param(
        'China and Russia pledged a "no limits" partnership in 2022.',
        {rel("allied_with", "state:CHN", "state:RUS")},
    ),
    pytest.param(
        "Belarus remains Russia's closest ally.",
        {rel("allied_with", "state:BLR", "state:RUS")},
    ),
    pytest.param(
        "Japan is a key ally of the United States.",
        {rel("allied_with", "state:JPN", "state:USA")},
    ),
    pytest.param(
        "Pakistan and China are strategic partners.",
        {rel("allied_with", "state:PAK", "state:CHN")},
    ),
    pytest.param(
        "Russia and Iran are close allies.",
        {rel("allied_with", "state:RUS", "state:IRN")},
    ),
    pytest.param(
        "The Philippines and the United States are treaty allies.",
        {rel("allied_with", "state:PHL", "state:USA")},
    ),
    pytest.param(
        "Iran formed an alliance with Syria in the 1980s.",
        {rel("allied_with", "state:IRN", "state:SYR")},
    ),
    pytest.param(
        "Israel, a close ally of Washington, received new fighter jets.",
        {rel("allied_with", "state:ISR", "state:USA")},
    ),
    pytest.param(
        "The pact between Moscow and Pyongyang was signed in June.",
        {rel("allied_with", "state:RUS", "state:PRK")},
    ),
    pytest.param(
        "Serbia has allied itself with Russia.",
        {rel("allied_with", "state:SRB", "state:RUS")},
    ),
    pytest.param(
        "Mali, Burkina Faso and Niger formed an alliance last year.",
        {
            rel("allied_with", "state:MLI", "state:BFA"),
            rel("allied_with", "state:MLI", "state:NER"),
            rel("allied_with", "state:BFA", "state:NER"),
        },
    ),
    pytest.param(
        "Hungary is not an ally of Russia, the prime minister said.",
        {rel("allied_with", "state:HUN", "state:RUS", negated=True)},
    ),
    pytest.param(
        "Saudi Arabia could become a partner of Israel.",
        {rel("allied_with", "state:SAU", "state:ISR", hedged=True)},
    ),
    pytest.param(
        # a leader's ally that is a state is an ally of the leader's state
        "Donald Trump praised his key ally Israel.",
        {rel("allied_with", "state:USA", "state:ISR")},
    ),
    pytest.param(
        # translated from Russian: "and" stands for "also" (и), the ally is Armenia
        "Vladimir Putin has lost his closest ally and Armenia.",
        {rel("allied_with", "state:RUS", "state:ARM")},
    ),
    pytest.param(
        # between two persons, persons stay
        "Vladimir Putin met his close ally Alexander Lukashenko in Minsk.",
        {rel("allied_with", "person:vladimir-putin", "person:alexander-lukashenko")},
    ),
]

# -- membership (status active / joining / suspended / left) ---------------------------------
MEMBERSHIP = [
    pytest.param(
        "The BRICS group now includes Iran, Egypt and Ethiopia.",
        {
            rel("member_of", "state:IRN", "igo:brics", status="active"),
            rel("member_of", "state:EGY", "igo:brics", status="active"),
            rel("member_of", "state:ETH", "igo:brics", status="active"),
        },
    ),
    pytest.param(
        "The CSTO, which includes Russia and Belarus, held drills in Kazakhstan.",
        {
            rel("member_of", "state:RUS", "igo:csto", status="active"),
            rel("member_of", "state:BLR", "igo:csto", status="active"),
        },
    ),
    pytest.param(
        "The African Union suspended Niger after the coup.",
        {rel("member_of", "state:NER", "igo:au", status="suspended")},
    ),
    pytest.param(
        "Belarus is no longer a member of the Organization for Security and Co-operation in "
        "Europe.",
        {rel("member_of", "state:BLR", "igo:osce", status="left")},
    ),
    pytest.param(
        "Officials said Armenia was unlikely to leave the CSTO.",
        {rel("member_of", "state:ARM", "igo:csto", status="left", hedged=True)},
    ),
    pytest.param(
        # "they" takes every state of the coordinated subject; "would" reports a future
        "The military governments of Mali, Burkina Faso and Niger said they would leave ECOWAS.",
        {
            rel("member_of", "state:MLI", "igo:ecowas", status="left"),
            rel("member_of", "state:BFA", "igo:ecowas", status="left"),
            rel("member_of", "state:NER", "igo:ecowas", status="left"),
        },
    ),
    pytest.param(
        # founding states are members
        "Mali, Burkina Faso and Niger formed the Alliance of Sahel States in September.",
        {
            rel("member_of", "state:MLI", "igo:alliance-of-sahel-states", status="active"),
            rel("member_of", "state:BFA", "igo:alliance-of-sahel-states", status="active"),
            rel("member_of", "state:NER", "igo:alliance-of-sahel-states", status="active"),
        },
    ),
    pytest.param(
        "Kyrgyzstan and Tajikistan are members of the CSTO.",
        {
            rel("member_of", "state:KGZ", "igo:csto", status="active"),
            rel("member_of", "state:TJK", "igo:csto", status="active"),
        },
    ),
    pytest.param(
        "Kazakhstan, Kyrgyzstan and Tajikistan are members of the Shanghai Cooperation "
        "Organisation.",
        {
            rel("member_of", "state:KAZ", "igo:shanghai-cooperation-organisation", status="active"),
            rel("member_of", "state:KGZ", "igo:shanghai-cooperation-organisation", status="active"),
            rel("member_of", "state:TJK", "igo:shanghai-cooperation-organisation", status="active"),
        },
    ),
    pytest.param(
        "Azerbaijan is a member of the Commonwealth of Independent States.",
        {rel("member_of", "state:AZE", "igo:cis", status="active")},
    ),
    pytest.param(
        "Finland joined NATO in April 2023.",
        {rel("member_of", "state:FIN", "igo:nato", status="active")},
    ),
    pytest.param(
        "Sweden and Finland joined NATO.",
        {
            rel("member_of", "state:SWE", "igo:nato", status="active"),
            rel("member_of", "state:FIN", "igo:nato", status="active"),
        },
    ),
    pytest.param(
        "Ukraine wants to join the European Union.",
        {rel("member_of", "state:UKR", "igo:eu", status="joining")},
    ),
    pytest.param(
        "Ukraine has applied for membership of the European Union.",
        {rel("member_of", "state:UKR", "igo:eu", status="joining")},
    ),
    pytest.param(
        "Moldova's accession to the European Union could take years.",
        {rel("member_of", "state:MDA", "igo:eu", status="joining", hedged=True)},
    ),
    pytest.param(
        "Armenia has frozen its membership in the CSTO.",
        {rel("member_of", "state:ARM", "igo:csto", status="suspended")},
    ),
    pytest.param(
        "Russia's membership in the Council of Europe was suspended.",
        {rel("member_of", "state:RUS", "igo:coe", status="suspended")},
    ),
    pytest.param(
        "Sudan's membership of the African Union was suspended after the coup.",
        {rel("member_of", "state:SDN", "igo:au", status="suspended")},
    ),
    pytest.param(
        "Britain left the European Union in 2020.",
        {rel("member_of", "state:GBR", "igo:eu", status="left")},
    ),
    pytest.param(
        "Mali withdrew from ECOWAS in January.",
        {rel("member_of", "state:MLI", "igo:ecowas", status="left")},
    ),
    pytest.param(
        "Kazakhstan is not a member of NATO.",
        {rel("member_of", "state:KAZ", "igo:nato", status="active", negated=True)},
    ),
    pytest.param(
        "Turkey is not a member of the European Union.",
        {rel("member_of", "state:TUR", "igo:eu", status="active", negated=True)},
    ),
    pytest.param(
        "Georgia may join NATO one day.",
        {rel("member_of", "state:GEO", "igo:nato", status="joining", hedged=True)},
    ),
    pytest.param(
        "Serbia might join the European Union before 2030.",
        {rel("member_of", "state:SRB", "igo:eu", status="joining", hedged=True)},
    ),
    pytest.param(
        "Indonesia became a member of BRICS in January.",
        {rel("member_of", "state:IDN", "igo:brics", status="active")},
    ),
    pytest.param(
        "Venezuela was suspended from Mercosur in 2016.",
        {rel("member_of", "state:VEN", "igo:mercosur", status="suspended")},
    ),
    pytest.param(
        "Egypt and Ethiopia, new members of BRICS, sent delegations.",
        {
            rel("member_of", "state:EGY", "igo:brics", status="active"),
            rel("member_of", "state:ETH", "igo:brics", status="active"),
        },
    ),
    pytest.param(
        "Finland's NATO membership angered Moscow.",
        {rel("member_of", "state:FIN", "igo:nato", status="active")},
    ),
]

# -- "X-led" organisations: the leading state is a member ------------------------------------
LED = [
    pytest.param(
        "The Russia-led CSTO held drills in Belarus.",
        {rel("member_of", "state:RUS", "igo:csto", status="active")},
    ),
    pytest.param(
        "The China-led Shanghai Cooperation Organisation met in Astana.",
        {rel("member_of", "state:CHN", "igo:shanghai-cooperation-organisation", status="active")},
    ),
    pytest.param(
        "Leaders of the Russia-led Eurasian Economic Union met in Minsk.",
        {rel("member_of", "state:RUS", "igo:eaeu", status="active")},
    ),
    pytest.param(
        "The Moscow-led Collective Security Treaty Organization held exercises.",
        {rel("member_of", "state:RUS", "igo:csto", status="active")},
    ),
    pytest.param(
        "The US-led NATO alliance expanded eastwards.",
        {rel("member_of", "state:USA", "igo:nato", status="active")},
    ),
    pytest.param(
        "Mali announced its withdrawal from ECOWAS in January.",
        {rel("member_of", "state:MLI", "igo:ecowas", status="left")},
    ),
    pytest.param(
        "The US withdrawal from the World Health Organization took effect in January.",
        {rel("member_of", "state:USA", "igo:who", status="left")},
    ),
]

# -- leaders: titles and appositions ----------------------------------------------------------
LEADERS = [
    pytest.param(
        "Emomali Rahmon has ruled Tajikistan since 1992.",
        {rel("leader_of", "person:emomali-rahmon", "state:TJK")},
    ),
    pytest.param(
        # the titled person, not the state of the title, is the accuser
        "Iran's supreme leader Ali Khamenei accused Israel of the assassination.",
        {
            rel("accuses", "person:ali-khamenei", "state:ISR"),
            rel("leader_of", "person:ali-khamenei", "state:IRN"),
        },
    ),
    pytest.param(
        "Mali's junta leader, Colonel Assimi Goita, visited Moscow.",
        {rel("leader_of", "person:assimi-goita", "state:MLI")},
    ),
    pytest.param(
        "Antonio Guterres, the UN Secretary-General, condemned the attack.",
        {rel("leader_of", "person:antonio-guterres", "igo:un")},
    ),
    pytest.param(
        "French President Emmanuel Macron visited Kenya.",
        {rel("leader_of", "person:emmanuel-macron", "state:FRA")},
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi arrived in Washington.",
        {rel("leader_of", "person:narendra-modi", "state:IND")},
    ),
    pytest.param(
        "Ethiopian Prime Minister Abiy Ahmed won the Nobel Peace Prize.",
        {rel("leader_of", "person:abiy-ahmed", "state:ETH")},
    ),
    pytest.param(
        "Belarusian leader Aleksandr Lukashenko met the delegation.",
        {rel("leader_of", "person:aleksandr-lukashenko", "state:BLR")},
    ),
    pytest.param(
        "Tajik President Emomali Rahmon opened the summit.",
        {rel("leader_of", "person:emomali-rahmon", "state:TJK")},
    ),
    pytest.param(
        "Hezbollah leader Hassan Nasrallah was killed in an Israeli strike.",
        {rel("leader_of", "person:hassan-nasrallah", "armedgroup:hizballah")},
    ),
    pytest.param(
        "Volodymyr Zelensky, the president of Ukraine, addressed the parliament.",
        {rel("leader_of", "person:volodymyr-zelenskyy", "state:UKR")},
    ),
    pytest.param(
        "Jens Stoltenberg, the former secretary general of NATO, spoke in Oslo.",
        {rel("leader_of", "person:jens-stoltenberg", "igo:nato", status="former")},
    ),
    pytest.param(
        "Kazakh President Kassym-Jomart Tokayev met the delegation.",
        {rel("leader_of", "person:kassym-jomart-tokayev", "state:KAZ")},
    ),
    pytest.param(
        "Stanislav Zas, the CSTO secretary general, said the drills were a success.",
        {rel("leader_of", "person:stanislav-zas", "igo:csto")},
    ),
    pytest.param(
        "The then Prime Minister of Pakistan Imran Khan visited Moscow.",
        {rel("leader_of", "person:imran-khan", "state:PAK", status="former")},
    ),
    pytest.param(
        "Wagner chief Yevgeny Prigozhin died in a plane crash.",
        {rel("leader_of", "person:yevgeny-prigozhin", "armedgroup:wagner-group")},
    ),
    pytest.param(
        "Former Brazilian President Jair Bolsonaro was barred from office.",
        {rel("leader_of", "person:jair-bolsonaro", "state:BRA", status="former")},
    ),
    pytest.param(
        "Ex-Philippine President Rodrigo Duterte was arrested in Manila.",
        {rel("leader_of", "person:rodrigo-duterte", "state:PHL", status="former")},
    ),
    pytest.param(
        "UN Secretary-General Antonio Guterres called for a ceasefire.",
        {rel("leader_of", "person:antonio-guterres", "igo:un")},
    ),
    pytest.param(
        "NATO Secretary General Mark Rutte visited Kyiv.",
        {rel("leader_of", "person:mark-rutte", "igo:nato")},
    ),
    pytest.param(
        "Antonio Guterres, the UN secretary general, called for a ceasefire.",
        {rel("leader_of", "person:antonio-guterres", "igo:un")},
    ),
    pytest.param(
        "Sheikh Hasina, Bangladesh's former prime minister, fled to India.",
        {rel("leader_of", "person:sheikh-hasina", "state:BGD", status="former")},
    ),
    pytest.param(
        "Mark Rutte, a former Dutch prime minister, now leads NATO.",
        {
            rel("leader_of", "person:mark-rutte", "state:NLD", status="former"),
            rel("leader_of", "person:mark-rutte", "igo:nato"),
        },
    ),
]

# -- criticism ---------------------------------------------------------------------------------
CRITICIZES = [
    pytest.param(
        # the complement of a refusal does not happen
        "Hungary has refused to criticize Russia.",
        {rel("criticizes", "state:HUN", "state:RUS", negated=True)},
    ),
    pytest.param(
        "Serbia and Kosovo criticized each other after the clashes.",
        {
            rel("criticizes", "state:SRB", "state:XKX"),
            rel("criticizes", "state:XKX", "state:SRB"),
        },
    ),
    pytest.param(
        "Germany criticised Hungary over its veto.",
        {rel("criticizes", "state:DEU", "state:HUN")},
    ),
    pytest.param(
        "China condemned the United States for the sanctions.",
        {rel("criticizes", "state:CHN", "state:USA")},
    ),
    pytest.param(
        "Canada slammed India over the killing of a Sikh activist.",
        {rel("criticizes", "state:CAN", "state:IND")},
    ),
    pytest.param(
        "Germany, France and Italy condemned Russia.",
        {
            rel("criticizes", "state:DEU", "state:RUS"),
            rel("criticizes", "state:FRA", "state:RUS"),
            rel("criticizes", "state:ITA", "state:RUS"),
        },
    ),
    pytest.param(
        "Norway was sharply critical of Israel.",
        {rel("criticizes", "state:NOR", "state:ISR")},
    ),
    pytest.param(
        "Brazil did not criticise Russia at the summit.",
        {rel("criticizes", "state:BRA", "state:RUS", negated=True)},
    ),
    pytest.param(
        "China did not condemn Russia's invasion of Ukraine.",
        {
            rel("criticizes", "state:CHN", "state:RUS", negated=True),
            rel("conflict_with", "state:RUS", "state:UKR"),
        },
    ),
    pytest.param(
        "The European Union could censure Poland over the judicial reforms.",
        {rel("criticizes", "igo:eu", "state:POL", hedged=True)},
    ),
    pytest.param(
        "Turkey denounced Sweden over the burning of the Koran.",
        {rel("criticizes", "state:TUR", "state:SWE")},
    ),
    pytest.param(
        "Saudi Arabia was criticised by Canada over its human rights record.",
        {rel("criticizes", "state:CAN", "state:SAU")},
    ),
]

# -- support and supply ------------------------------------------------------------------------
SUPPORTS = [
    pytest.param(
        # a denied act is negated
        "Pyongyang has denied supplying weapons to Russia.",
        {rel("denies", "state:PRK"), rel("supports", "state:PRK", "state:RUS", negated=True)},
    ),
    pytest.param(
        "Iran-backed Houthi rebels attacked a tanker in the Red Sea.",
        {rel("supports", "state:IRN", "armedgroup:ansarallah")},
    ),
    pytest.param(
        "Iran supplied the Houthis with missiles and drones.",
        {rel("supports", "state:IRN", "armedgroup:ansarallah")},
    ),
    pytest.param(
        "Iran backs the Houthis in Yemen.",
        {rel("supports", "state:IRN", "armedgroup:ansarallah")},
    ),
    pytest.param(
        "Qatar has funded Hamas for years.",
        {rel("supports", "state:QAT", "armedgroup:hamas")},
    ),
    pytest.param(
        "Rwanda backs the M23 rebels, UN experts said.",
        {rel("supports", "state:RWA", "armedgroup:m23")},
    ),
    pytest.param(
        "Ankara sold drones to Ethiopia.",
        {rel("supports", "state:TUR", "state:ETH")},
    ),
    pytest.param(
        "Turkey sold drones to Ethiopia.",
        {rel("supports", "state:TUR", "state:ETH")},
    ),
    pytest.param(
        # "supplied" is read as a modifier of "tanks": the surface fallback finds it
        "Germany supplied tanks to Ukraine.",
        {rel("supports", "state:DEU", "state:UKR")},
    ),
    pytest.param(
        "The United States provides weapons to Taiwan.",
        {rel("supports", "state:USA", "state:TWN")},
    ),
    pytest.param(
        "Britain provided military aid to Kyiv.",
        {rel("supports", "state:GBR", "state:UKR")},
    ),
    pytest.param(
        "India reportedly delivered ammunition to Armenia.",
        {rel("supports", "state:IND", "state:ARM", hedged=True)},
    ),
    pytest.param(
        "China does not supply weapons to Russia.",
        {rel("supports", "state:CHN", "state:RUS", negated=True)},
    ),
    pytest.param(
        "Russia may supply weapons to Niger.",
        {rel("supports", "state:RUS", "state:NER", hedged=True)},
    ),
    pytest.param(
        "Ukraine is supported by Poland.",
        {rel("supports", "state:POL", "state:UKR")},
    ),
]

# -- armed conflict ----------------------------------------------------------------------------
CONFLICTS = [
    pytest.param(
        # "the two countries" / "both sides": the last pair of states named together
        "Kyrgyzstan and Tajikistan share a disputed border. The two countries clashed in 2022, "
        "and both sides accused each other of starting the fighting.",
        {
            rel("conflict_with", "state:KGZ", "state:TJK"),
            rel("accuses", "state:KGZ", "state:TJK"),
            rel("accuses", "state:TJK", "state:KGZ"),
        },
    ),
    pytest.param(
        # "Sudan's army" is the state
        "Sudan's army is fighting the Rapid Support Forces in Khartoum.",
        {rel("conflict_with", "state:SDN", "armedgroup:rapid-support-forces")},
    ),
    pytest.param(
        # "would" with a condition still hedges
        "Iran would attack Israel if provoked, officials warned.",
        {rel("conflict_with", "state:IRN", "state:ISR", hedged=True)},
    ),
    pytest.param(
        "Israel launched airstrikes on Hezbollah targets in southern Lebanon.",
        {rel("conflict_with", "state:ISR", "armedgroup:hizballah")},
    ),
    pytest.param(
        "Hezbollah fired dozens of rockets at Israel overnight.",
        {rel("conflict_with", "armedgroup:hizballah", "state:ISR")},
    ),
    pytest.param(
        "Iran's attack on Israel involved hundreds of drones.",
        {rel("conflict_with", "state:IRN", "state:ISR")},
    ),
    pytest.param(
        "Russia invaded Ukraine in February 2022.",
        {rel("conflict_with", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "The Russian invasion of Ukraine began in 2022.",
        {rel("conflict_with", "state:RUS", "state:UKR")},
    ),
    pytest.param(
        "Israel's war against Hamas has displaced most of Gaza's population.",
        {rel("conflict_with", "state:ISR", "armedgroup:hamas")},
    ),
    pytest.param(
        "The war between Ethiopia and Eritrea ended in 2000.",
        {rel("conflict_with", "state:ETH", "state:ERI")},
    ),
    pytest.param(
        "Israel struck Iran in October.",
        {rel("conflict_with", "state:ISR", "state:IRN")},
    ),
    pytest.param(
        "Saudi Arabia bombed the Houthis for years.",
        {rel("conflict_with", "state:SAU", "armedgroup:ansarallah")},
    ),
    pytest.param(
        "Armenia did not attack Azerbaijan, its foreign ministry said.",
        {rel("conflict_with", "state:ARM", "state:AZE", negated=True)},
    ),
    pytest.param(
        "Iraq might attack Kuwait again, officials in Riyadh warned.",
        {rel("conflict_with", "state:IRQ", "state:KWT", hedged=True)},
    ),
    pytest.param(
        "Fighting between Armenia and Azerbaijan broke out in 2020.",
        {rel("conflict_with", "state:ARM", "state:AZE")},
    ),
    pytest.param(
        # "clashed" is tagged as an adjective: read through the conflict forms
        "India and Pakistan clashed along the Line of Control.",
        {rel("conflict_with", "state:IND", "state:PAK")},
    ),
    pytest.param(
        "Turkey might attack Syria again.",
        {rel("conflict_with", "state:TUR", "state:SYR", hedged=True)},
    ),
    pytest.param(
        "Russia's aggression against Georgia in 2008 shocked Europe.",
        {rel("conflict_with", "state:RUS", "state:GEO")},
    ),
]

# -- sentences with actors and no relation between them ---------------------------------------
NOTHING = [
    "The EU's sanctions package includes Russian banks.",
    "The head of the Russian delegation, Sergei Lavrov, arrived in Geneva.",
    "China is Russia's largest trading partner.",
    "China and Russia are major trading partners.",
    "Russia and Ukraine exchanged prisoners of war on Friday.",
    "The Turkish president hosted talks between Russia and Ukraine in Istanbul.",
    "The African Union suspended the talks in Addis Ababa.",
    "Russia said Ukraine would attack Crimea if it received long-range missiles.",
    "According to Kazakhstan, trade with China grew by a fifth.",
    "The two countries clashed along their border in 2022.",
    "Vladimir Putin said Russia supports the peace talks.",
    "China supplied Brazil with soybeans.",
    "Iran acknowledged Russia's role in the talks.",
    "The territory is claimed by both Armenia and Azerbaijan.",
    "Russia and Ukraine signed a grain deal in Istanbul.",
    "After talks with the Turkish president, Vladimir Putin said the deal was done.",
    "The opposition leader, Alexei Navalny, died in prison.",
    "CSTO members fear that Russia may attack them.",
    "Israel and Jordan exchanged ambassadors in 1994.",
    "Russia's withdrawal from Kherson was a setback for the army.",
    "Hezbollah fired its spokesman after the interview.",
    "Critics of Russia and China are allies of the opposition.",
    "Russia's allies and China voted against the resolution.",
    "Russia, its closest ally and China signed the statement.",
    "The summit in Dushanbe ended on Friday.",
    "Russian tourists visited Turkey.",
    "Trade between Brazil and Argentina grew by 12 percent last year.",
    "Oil prices rose after OPEC met in Vienna.",
    "Heavy rain flooded parts of Pakistan.",
    "A French court sentenced the man to ten years in prison.",
    "Egypt hosted the climate conference in Sharm el-Sheikh.",
    "Indian films are popular in Nigeria.",
    "The German economy shrank in the third quarter.",
    "Kazakhstan exports uranium to China and France.",
    "Ukrainian grain reached Egypt by ship.",
    "The NATO summit will take place in The Hague.",
    "Polish farmers protested in Warsaw.",
    "Italy beat Spain in the semi-final.",
    "Journalists from Russia and Ukraine attended the conference in Geneva.",
    "Vietnam's exports to the United States rose sharply.",
    "The film was shot in Morocco and Jordan.",
    "Thousands of Afghan refugees live in Iran.",
    "A delegation from Mongolia visited Seoul.",
    "Argentina won the World Cup in Qatar.",
    "The Chinese foreign minister arrived in Brussels for talks with the European Union.",
    "Japan and South Korea signed a trade agreement.",
    "Mexico supplied tomatoes to the United States.",
    "India denied entry to the Pakistani cricket team.",
    "Ghana rejected the trade proposal from Nigeria.",
    "The blast was blamed on Hamas.",
    "Kenyan runners won the marathon in Berlin.",
    "The Iranian foreign minister met his Omani counterpart in Muscat.",
]

ROWS = (
    ACCUSES
    + REPORTED_SPEECH
    + NOMINALISATIONS
    + RELATIVE_CLAUSES
    + DENIES
    + CLAIMS
    + ALLIES
    + MEMBERSHIP
    + LED
    + LEADERS
    + CRITICIZES
    + SUPPORTS
    + CONFLICTS
)


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_nlp

    return load_nlp()


def extracted(nlp, sentence: str) -> set[Expected]:
    return {
        rel(r.predicate, r.subject, r.object, hedged=r.hedged, negated=r.negated, status=r.status)
        for r in nlp(sentence)._.kg_relations
    }


def _row_id(value: object) -> str | None:
    return value if isinstance(value, str) else None


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=_row_id)
def test_relations_found(nlp, sentence: str, expected: set[Expected]):
    found = extracted(nlp, sentence)
    missing = expected - found
    assert not missing, f"missing {sorted(missing, key=str)}; found {sorted(found, key=str)}"
    for want in expected:
        contradicting = [got for got in found if got[:3] == want[:3] and not got[4] and got != want]
        assert not contradicting, f"{contradicting} contradicts the expected {want}"


@pytest.mark.parametrize("sentence", NOTHING)
def test_nothing_found(nlp, sentence: str):
    assert extracted(nlp, sentence) == set()


def test_table_size():
    """The table keeps its breadth: every predicate, and enough rows of each kind."""
    predicates = {want[0] for row in ROWS for want in row.values[1]}
    assert predicates == {
        "accuses",
        "denies",
        "claims_responsibility",
        "allied_with",
        "member_of",
        "leader_of",
        "criticizes",
        "supports",
        "conflict_with",
    }
    assert len(ROWS) + len(NOTHING) >= 120
    assert len(NOTHING) >= 20
