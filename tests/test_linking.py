"""Actor linking with the trained pipeline: (sentence, surface text, expected actor id).

Each case runs the full kg pipeline (``load_nlp()``) on a hand-written sentence and asks which
actor the linked mention covering the LAST occurrence of ``surface`` belongs to (``None``: no
linked mention covers it, the text is explicitly left out). The last occurrence is the one
tested so that coreference cases can name the person in full first.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_nlp

    return load_nlp()


def linked_actor(nlp, sentence: str, surface: str) -> str | None:
    start = sentence.rindex(surface)
    end = start + len(surface)
    doc = nlp(sentence)
    for mention in doc._.kg_mentions:
        if mention.start <= start and end <= mention.end:
            return mention.actor
    return None


# The full training run's NER and tagger (kg/models/en_kg_news) label these names and
# words differently from the quick model the rules were first written against.
NER_FULL = pytest.mark.xfail(
    reason="packaged pipeline: the NER misses this name or labels it a place "
    '("Serhii Kuzan" unlabelled, "S. Kuzan" and "Chad Smith" as LOC)',
    strict=True,
)


GAZETTEER = [
    ("Russia and Ukraine signed a deal on grain exports.", "Ukraine", "state:UKR"),
    (
        "The Collective Security Treaty Organization held drills in Armenia.",
        "Collective Security Treaty Organization",
        "igo:csto",
    ),
    ("NATO ministers met in Brussels on Tuesday.", "NATO", "igo:nato"),
    ("The Taliban seized the border crossing overnight.", "Taliban", "armedgroup:taliban"),
    ("ISIS-K claimed the bombing in a statement.", "ISIS-K", "armedgroup:isis-k"),
    (
        "Islamic State Khorasan claimed the bombing in a statement.",
        "Islamic State Khorasan",
        "armedgroup:isis-k",
    ),
    ("Analysts say ISKP recruits in Central Asia.", "ISKP", "armedgroup:isis-k"),
    (
        "Kazakhstan hosted a summit of the Shanghai Cooperation Organisation.",
        "Shanghai Cooperation Organisation",
        "igo:shanghai-cooperation-organisation",
    ),
    ("The European Union imposed new sanctions on Minsk.", "European Union", "igo:eu"),
    ("Islam Karimov ruled Uzbekistan for decades.", "Islam Karimov", "person:islam-karimov"),
    (
        "Volodymyr Zelensky addressed the parliament.",
        "Volodymyr Zelensky",
        "person:volodymyr-zelenskyy",
    ),
]

DEMONYMS = [
    ("Tajik President Emomali Rahmon met the delegation.", "Tajik", "state:TJK"),
    ("Russian pilots bombed the town again on Sunday.", "Russian", "state:RUS"),
    ("The Russian foreign ministry rejected the report.", "Russian foreign ministry", "state:RUS"),
    ("Ukrainian troops advanced along the river.", "Ukrainian", "state:UKR"),
    ("Kyrgyz border guards opened fire on Thursday.", "Kyrgyz", "state:KGZ"),
    ("Several Russian citizens were detained at the airport.", "Russian", "state:RUS"),
    ("The Iraqi military retook the city last week.", "Iraqi military", "state:IRQ"),
    ("The Russians have denied any involvement in the plot.", "Russians", "state:RUS"),
    ("The Russian-led bloc will meet in Minsk.", "Russian", "state:RUS"),
    ("Missiles hit Ukrainian cities overnight.", "Ukrainian", "state:UKR"),
    ("Most Russian speakers in the city voted for him.", "Russian", None),
    ("Her memoir was translated from Russian last year.", "Russian", None),
    ("Ethnic Uzbeks fled the violence in the south.", "Uzbeks", None),
    ("The Afghan Taliban denied any role in the attack.", "Afghan", None),
    ("Tajik cuisine is famous for its bread.", "Tajik", None),
    ("Many Russian-speaking residents left the region.", "Russian", None),
]

CAPITALS = [
    ("Moscow said the strike was a provocation.", "Moscow", "state:RUS"),
    ("The summit in Dushanbe ended without a declaration.", "Dushanbe", None),
    ("Official Dushanbe has not commented on the claims.", "Dushanbe", "state:TJK"),
    ("The Kremlin denied the accusations on Monday.", "Kremlin", "state:RUS"),
    ("Thousands of people protested in Moscow on Saturday.", "Moscow", None),
    ("The attack on a concert hall near Moscow killed dozens.", "Moscow", None),
    ("Kyiv rejected the accusation as absurd.", "Kyiv", "state:UKR"),
    ("Washington warned of further sanctions.", "Washington", "state:USA"),
    ("The militants found it easy to hit Moscow.", "Moscow", None),
    ("Moscow's position on the talks has not changed.", "Moscow", "state:RUS"),
    ("The approaches of Bishkek and Dushanbe differ on trade.", "Dushanbe", "state:TJK"),
    ("No matter how hard Moscow tries to hide the facts, they are known.", "Moscow", "state:RUS"),
    ("The Kabul government has not responded to the request.", "Kabul", "state:AFG"),
    ("He flew from Kyiv to Warsaw on Friday.", "Kyiv", None),
    ("Tehran and Moscow signed a cooperation treaty.", "Tehran", "state:IRN"),
    ("Moscow blamed Kyiv for the shelling.", "Kyiv", "state:UKR"),
    ("The accusations against Kyiv were dismissed.", "Kyiv", "state:UKR"),
    ("Britain provided military aid to Kyiv.", "Kyiv", "state:UKR"),
    ("The talks between Baku and Yerevan resumed.", "Yerevan", "state:ARM"),
    ("Refugees fled from Kyiv to Lviv.", "Kyiv", None),
    ("The delegation flew to Beijing on Monday.", "Beijing", None),
    ("Beijing criticised the new tariffs.", "Beijing", "state:CHN"),
    ("The delegation arrived in Tashkent late on Monday.", "Tashkent", None),
    pytest.param("The Paris attacks shocked Europe.", "Paris", None),
    ("Kremlin officials declined to comment.", "Kremlin", "state:RUS"),
    # a capital after "in" on a governing body acts for its state; not on an embassy or troops
    ("The junta in Bamako expelled the French ambassador.", "Bamako", "state:MLI"),
    ("The government in Kabul denied the report.", "Kabul", "state:AFG"),
    ("The embassy in Moscow issued a statement.", "Moscow", None),
    ("Troops in Kyiv prepared for the parade.", "Kyiv", None),
]

PERSONS = [
    # one actor for the president, with or without the accent (two factbook entries)
    ("Luiz Inacio Lula da Silva met Xi Jinping.", "Luiz Inacio Lula da Silva", "person:luiz-lula"),
    ("Luiz Inácio Lula da Silva met Xi Jinping.", "Luiz Inácio Lula da Silva", "person:luiz-lula"),
    # an ORG entity right after a person's role word is the person
    (
        "Kremlin spokesman Dmitry Peskov said the claims were absurd.",
        "Dmitry Peskov",
        "person:dmitry-peskov",
    ),
    (
        "Kyrgyz President Sadyr Japarov arrived in Astana.",
        "Sadyr Japarov",
        "person:sadyr-japarov",
    ),
    (
        "CSTO Secretary General Stanislav Zas said the alliance was ready.",
        "Stanislav Zas",
        "person:stanislav-zas",
    ),
    (
        "Tajik President Emomali Rahmon met the envoy. Rahmon later left for Moscow.",
        "Rahmon",
        "person:emomali-rahmon",
    ),
    ("President Putin chaired the meeting of the council.", "Putin", "person:vladimir-putin"),
    ("Putin said Russia would respond to the attack.", "Putin", "person:vladimir-putin"),
    (
        "Vladimir Putin spoke first. Later, Putin answered questions.",
        "Putin",
        "person:vladimir-putin",
    ),
    (
        "Former Kyrgyz President Roza Otunbayeva criticised the plan.",
        "Roza Otunbayeva",
        "person:roza-otunbayeva",
    ),
    (
        "Then leader Nursultan Nazarbayev signed the treaty.",
        "Nursultan Nazarbayev",
        "person:nursultan-nazarbayev",
    ),
    pytest.param(
        "Analyst Vera Mironova wrote that the group recruits online. Mironova added that it pays well.",
        "Mironova",
        "person:vera-mironova",
    ),
    (
        "Alexander Sherin, a deputy, spoke at length. According to Sherin, the border must be settled.",
        "Sherin",
        "person:alexander-sherin",
    ),
    pytest.param(
        "Serhii Kuzan heads the centre. S. Kuzan said the war would go on.",
        "S. Kuzan",
        "person:serhii-kuzan",
        marks=NER_FULL,
    ),
    (
        "Foreign Minister Sergei Lavrov met his Turkish counterpart.",
        "Sergei Lavrov",
        "person:sergei-lavrov",
    ),
    pytest.param("Lavrov met his counterpart in the afternoon.", "Lavrov", None),
    (
        "Major General Ahmed Khalid Birri said the army was ready.",
        "Ahmed Khalid Birri",
        "person:ahmed-khalid-birri",
    ),
    ("Syria is at war. That Assad alone is to blame is clear.", "Assad", "person:bashar-al-assad"),
    (
        # "Davis" is part of the centre's name, not the gazetteer's Philip Davis
        "He is a fellow at the Davis Center for Russian and Eurasian Studies.",
        "Davis",
        "org:davis-center-for-russian-and-eurasian-studies",
    ),
    (
        "Michael Roth, the committee chair, reminded voters of the war.",
        "Michael Roth",
        "person:michael-roth",
    ),
    ("The Caucasus remains unstable, the report said.", "Caucasus", None),
]

AMBIGUOUS = [
    ("Wagner chief Yevgeny Prigozhin died in a plane crash.", "Wagner", "armedgroup:wagner-group"),
    ("Wagner wrote operas in Bayreuth.", "Wagner", None),
    ("Georgia and Armenia signed a border agreement.", "Georgia", "state:GEO"),
    ("Tbilisi said Georgia would not join the sanctions.", "Georgia", "state:GEO"),
    ("Voters in Atlanta, Georgia, went to the polls on Tuesday.", "Georgia", None),
    ("The governor of Georgia signed the bill on Friday.", "Georgia", None),
    ("Jordan and Egypt condemned the strike on the camp.", "Jordan", "state:JOR"),
    ("Michael Jordan attended the game in Chicago.", "Jordan", "person:michael-jordan"),
    ("Jordan scored 30 points last night.", "Jordan", None),
    ("Turkey and Azerbaijan held joint exercises.", "Turkey", "state:TUR"),
    pytest.param(
        "Chad Smith played the drums at the concert.", "Chad", "person:chad-smith", marks=NER_FULL
    ),
    ("Niger and Mali left the regional bloc.", "Niger", "state:NER"),
]

ANAPHORS = [
    (
        "Tajikistan denied the report. The country said its citizens were not involved.",
        "The country",
        "state:TJK",
    ),
    ("The CSTO met in Minsk. The organization promised support.", "The organization", "igo:csto"),
    ("ISIS claimed the attack. The group released a video.", "The group", "armedgroup:isis"),
    ("The Taliban took Kabul. The group promised an amnesty.", "The group", "armedgroup:taliban"),
    (
        "Armenia froze its participation in the CSTO. The country says the alliance failed it.",
        "the alliance",
        "igo:csto",
    ),
    (
        "Armenia froze its participation in the CSTO. The country accuses the alliance of inaction.",
        "The country",
        "state:ARM",
    ),
    ("The country's economy grew by four percent.", "The country", None),
    ("Kazakhstan declared the state of emergency in the region.", "the state", None),
    ("The group of experts met in Geneva.", "The group", None),
    (
        # "of" before a gerund belongs to the verb, not to the anaphor
        "ECOWAS imposed sanctions on Niger. Niger accused the bloc of being manipulated.",
        "the bloc",
        "igo:ecowas",
    ),
]

MEDIA = [
    (
        "Four suspects were detained, according to The Moscow Times.",
        "The Moscow Times",
        "media:the-moscow-times",
    ),
    (
        "Four suspects were detained, according to The Moscow Times.",
        "Moscow",
        "media:the-moscow-times",
    ),
    ("Reuters reported that the talks had stalled.", "Reuters", "media:reuters"),
    ("Al Jazeera aired the video on Monday.", "Al Jazeera", "media:al-jazeera"),
    (
        "The minister told the Financial Times that the deal was off.",
        "Financial Times",
        "media:financial-times",
    ),
    (
        "The figures were reported by the Tashkent Herald.",
        "Tashkent Herald",
        "media:tashkent-herald",
    ),
]

ORGANISATIONS = [
    (
        # a name is not extended over "on" into a date
        "Chad and Sudan set up the Joint Border Force on Monday.",
        "Joint Border Force",
        "org:joint-border-force",
    ),
    (
        "Trade between the Center for Strategic Studies and Brookings Institution grew.",
        "Brookings Institution",
        "org:brookings-institution",
    ),
    (
        "Kuzan heads the Ukrainian Security and Cooperation Center in Kyiv.",
        "Ukrainian Security and Cooperation Center",
        "org:ukrainian-security-and-cooperation-center",
    ),
    pytest.param(
        "Kuzan heads the Ukrainian Security and Cooperation Center. The USCC tracks the war.",
        "USCC",
        "org:ukrainian-security-and-cooperation-center",
    ),
    (
        "Andrei Kazantsev of the Center for Post-Soviet Studies disagreed.",
        "Center for Post-Soviet Studies",
        "org:center-for-post-soviet-studies",
    ),
    ("The Soufan Group published a report on the attack.", "Soufan Group", "org:soufan-group"),
    (
        "Ivan Petrov, head of the State Duma Committee on International Affairs, spoke first.",
        "State Duma Committee on International Affairs",
        "org:state-duma-committee-on-international-affairs",
    ),
    (
        "The head of the Bundestag's Foreign Affairs Committee warned Moscow.",
        "Bundestag's Foreign Affairs Committee",
        "org:bundestag-foreign-affairs-committee",
    ),
    ("Gunmen opened fire in the hall.", "Gunmen", None),
    ("The fight against the Islamic Caliphate continues.", "Islamic Caliphate", None),
    ("Militants fled to the North Caucasus.", "North Caucasus", None),
    ("Crocus City Hall was set on fire.", "Crocus City Hall", None),
    (
        "Russia sold weapons to the Kurdish militia.",
        "Kurdish militia",
        "armedgroup:kurdish-militia",
    ),
    ("The Russian Defense Ministry said two drones were downed.", "Russian", "state:RUS"),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    GAZETTEER + DEMONYMS + CAPITALS + PERSONS + AMBIGUOUS + ANAPHORS + MEDIA + ORGANISATIONS,
)
def test_mention_links_to(nlp, sentence, surface, expected):
    assert linked_actor(nlp, sentence, surface) == expected


def test_table_is_large_enough():
    cases = GAZETTEER + DEMONYMS + CAPITALS + PERSONS + AMBIGUOUS + ANAPHORS + MEDIA + ORGANISATIONS
    assert len(cases) >= 80
    rows = [c.values if hasattr(c, "values") else c for c in cases]
    assert len({(s, t) for s, t, _ in rows}) == len(rows)
