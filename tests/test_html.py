"""The HTML graph page, without a browser: what the page loads and the data it embeds."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from kg.actors import Actor
from kg.claims import Claim
from kg.export.html import json_for_script, to_html, write_html
from kg.graph import ActorRecord, KnowledgeGraph

TJK = Actor("tjk", "Tajikistan", "State")
KGZ = Actor("kgz", "Kyrgyzstan", "State")
RUS = Actor("rus", "Russia", "State")
CSTO = Actor("csto", "CSTO", "IGO")
RAHMON = Actor("person:emomali-rahmon", "Emomali Rahmon", "Person")
ISK = Actor("isk", "Islamic State Khorasan", "ArmedGroup")
SOURCE_A = {
    "path": "sources/a.md",
    "title": "Border clash",
    "publisher": "Example News",
    "url": "https://example.org/a",
    "date": "2022-09-16",
}
SOURCE_B = {"path": "sources/b.md", "title": None, "publisher": None, "url": None, "date": None}
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'


def claim(
    cid: str,
    predicate: str,
    subject: Actor,
    obj: Actor | None,
    sentence: str,
    *,
    doc: str = "a",
    hedged: bool = False,
    negated: bool = False,
    trigger: str = "",
) -> Claim:
    source = SOURCE_A if doc == "a" else SOURCE_B
    return Claim(
        id=cid,
        predicate=predicate,
        subject=subject,
        object=obj,
        about=None,
        status=None,
        hedged=hedged,
        negated=negated,
        attributed_to=None,
        doc=doc,
        source=source,
        sentence=sentence,
        start=0,
        end=len(sentence),
        trigger=trigger,
        confidence=0.9,
    )


def graph(claims: list[Claim], forms: dict[str, set[str]] | None = None) -> KnowledgeGraph:
    actors: dict[str, ActorRecord] = {}
    for c in claims:
        for actor in (c.subject, c.object):
            if actor is not None:
                actors[actor.id] = ActorRecord(actor, forms=set((forms or {}).get(actor.id, ())))
    return KnowledgeGraph(claims, actors)


@pytest.fixture
def central_asia() -> KnowledgeGraph:
    return graph(
        [
            claim(
                "c1",
                "accuses",
                TJK,
                KGZ,
                "Dushanbe accused Kyrgyzstan of shelling.",
                trigger="accused",
            ),
            claim("c2", "accuses", KGZ, TJK, "Bishkek reportedly accused Tajikistan.", hedged=True),
            claim("c3", "accuses", KGZ, TJK, "Kyrgyzstan accused Tajikistan again."),
            claim("c4", "criticizes", TJK, KGZ, "Tajikistan allegedly criticised it.", hedged=True),
            claim("c5", "leader_of", RAHMON, TJK, "Rahmon, president of Tajikistan.", doc="b"),
            claim("c6", "member_of", TJK, CSTO, "Tajikistan is a member of the CSTO.", doc="b"),
            claim("c7", "allied_with", RUS, TJK, "Russia and Tajikistan are allies.", doc="b"),
            claim("c8", "accuses", RUS, KGZ, "Russia did not accuse Kyrgyzstan.", negated=True),
            claim("c9", "denies", TJK, KGZ, "Tajikistan did not deny it.", negated=True),
            claim("c10", "denies", TJK, KGZ, "Tajikistan denied the report.", doc="b"),
            claim("c11", "claims_responsibility", ISK, None, "ISK claimed the attack.", doc="b"),
        ],
        forms={
            RAHMON.id: {"Rahmon", "Emomali Rahmon"},
            TJK.id: {"Tajikistan", "Dushanbe"},
            KGZ.id: {"Kyrgyzstan", "Bishkek"},
        },
    )


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page embeds its data as JSON"
    return json.loads(match.group(1))


def edge_key(edge: dict) -> tuple[str, str, str]:
    return edge["from"], edge["predicate"], edge["to"]


class _Resources(HTMLParser):
    """Every tag, URL-bearing attribute, and the text of <style> elements."""

    URL_ATTRS = {"src", "href", "action", "formaction", "poster", "data", "srcset", "background"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in self.URL_ATTRS and value is not None:
                self.urls.append((tag, name, value))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


# -- nothing remote ------------------------------------------------------------------------
def test_page_loads_nothing_from_the_network(central_asia):
    html = to_html(central_asia)
    parsed = _Resources()
    parsed.feed(html)
    assert parsed.urls == [], "no src/href at all: everything is inline"
    assert "link" not in parsed.tags and "iframe" not in parsed.tags
    assert parsed.tags.count("script") == 3  # the data, vis-network, the page's code
    css = "\n".join(parsed.styles)
    assert "@import" not in css
    assert re.findall(r"url\(\s*(?!['\"]?data:)", css) == []
    assert not re.search(r"""<script[^>]*\ssrc=|<link\b|cdn\.|bootstrap""", html, re.I)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp and "default-src 'none'" in csp.group(1)


def test_template_names_no_remote_resource():
    template = (resources.files("kg.export") / "templates" / "graph.html.j2").read_text("utf-8")
    urls = set(re.findall(r"https?://[^\s\"')]+", template))
    assert urls == {"http://www.w3.org/2000/svg"}  # an SVG namespace name, never fetched


# -- untrusted text ------------------------------------------------------------------------
def test_hostile_text_is_escaped_and_kept_as_data():
    evil = Actor("evil", f"Evil {HOSTILE_IMG}", "Organization")
    quote = f"Evil said {HOSTILE_SCRIPT} and {HOSTILE_IMG} &amp; </script><script>x=1</script>"
    hostile = Claim(
        id="h1",
        predicate="accuses",
        subject=evil,
        object=TJK,
        about=None,
        status=None,
        hedged=False,
        negated=False,
        attributed_to=None,
        doc="evil",
        source={
            "path": "sources/evil.md",
            "title": f"Title {HOSTILE_SCRIPT}",
            "publisher": HOSTILE_IMG,
            "url": "javascript:window.__pwned=1",
            "date": "2024-01-01",
        },
        sentence=quote,
        start=0,
        end=len(quote),
        trigger="said",
        confidence=0.5,
    )
    html = to_html(graph([hostile]), title=f"Graph {HOSTILE_SCRIPT}")
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, "<script>x=1", "<img", 'onerror="window'):
        assert raw not in html
    parsed = _Resources()
    parsed.feed(html)
    assert parsed.tags.count("script") == 3 and "img" not in parsed.tags
    assert "<title>Graph &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>" in html
    data = page_data(html)
    assert data["claims"]["h1"]["q"] == quote
    assert data["sources"]["evil"]["title"] == f"Title {HOSTILE_SCRIPT}"
    assert data["sources"]["evil"]["publisher"] == HOSTILE_IMG
    assert {n["label"] for n in data["nodes"]} == {evil.label, "Tajikistan"}


def test_json_for_script_escapes_markup_characters():
    text = json_for_script({"q": "</script><!-- & \u2028"})
    assert not set("<>&") & set(text)
    assert "\u2028" not in text
    assert json.loads(text) == {"q": "</script><!-- & \u2028"}


# -- what is drawn -------------------------------------------------------------------------
def test_nodes_and_edges_match_the_graph(central_asia):
    data = page_data(to_html(central_asia))
    assert [n["id"] for n in data["nodes"]] == central_asia.graph_actors()
    expected = {(e.subject, e.predicate, e.object) for e in central_asia.edges()}
    assert len(data["edges"]) == len(central_asia.edges()) == len(expected)
    assert {edge_key(e) for e in data["edges"]} == expected
    by_key = {edge_key(e): e for e in data["edges"]}
    assert by_key[("kgz", "accuses", "tjk")]["claims"] == ["c2", "c3"]
    assert by_key[("kgz", "accuses", "tjk")]["width"] > by_key[("tjk", "accuses", "kgz")]["width"]
    assert data["meta"] == {
        "nodes": 6,
        "edges": 7,
        "claims": 11,
        "total_nodes": 6,
        "total_edges": 7,
        "static_layout": False,
    }


def test_hedged_edges_are_dashed(central_asia):
    edges = {edge_key(e): e for e in page_data(to_html(central_asia))["edges"]}
    assert edges[("tjk", "criticizes", "kgz")]["dashes"] is True
    # one hedged and one plain claim: the relation is asserted, so the edge is solid
    assert edges[("kgz", "accuses", "tjk")]["dashes"] is False
    assert edges[("tjk", "accuses", "kgz")]["dashes"] is False


def test_negated_claims_are_listed_but_never_drawn(central_asia):
    data = page_data(to_html(central_asia))
    keys = {edge_key(e) for e in data["edges"]}
    assert ("rus", "accuses", "kgz") not in keys  # only a negated claim says so
    denies = next(e for e in data["edges"] if edge_key(e) == ("tjk", "denies", "kgz"))
    assert denies["claims"] == ["c10"]
    assert denies["negatedClaims"] == ["c9"]
    assert data["claims"]["c8"]["n"] is True
    russia = next(n for n in data["nodes"] if n["id"] == "rus")
    assert "c8" in russia["claims"]


def test_claims_without_object_stay_on_their_node(central_asia):
    data = page_data(to_html(central_asia))
    isk = next(n for n in data["nodes"] if n["id"] == "isk")
    assert isk["claims"] == ["c11"]
    assert not [e for e in data["edges"] if "isk" in (e["from"], e["to"])]


def test_node_style_follows_type_and_claim_count(central_asia):
    nodes = {n["id"]: n for n in page_data(to_html(central_asia))["nodes"]}
    assert nodes["tjk"]["claimCount"] == 9  # subject or object of nine claims
    assert nodes["isk"]["claimCount"] == 1
    assert nodes["tjk"]["size"] == 40 and nodes["isk"]["size"] == 8
    assert nodes["isk"]["size"] < nodes["rus"]["size"] < nodes["kgz"]["size"] < nodes["tjk"]["size"]
    assert nodes["tjk"]["shape"] != nodes["csto"]["shape"] != nodes[RAHMON.id]["shape"]
    assert nodes["tjk"]["color"]["background"] == nodes["kgz"]["color"]["background"]
    assert nodes["tjk"]["color"]["background"] != nodes["csto"]["color"]["background"]
    assert nodes[RAHMON.id]["forms"] == ["Rahmon"]  # surface forms other than the label


def test_edge_style_follows_relation_type(central_asia):
    data = page_data(to_html(central_asia))
    edges = {edge_key(e): e for e in data["edges"]}
    accuses, member = edges[("tjk", "accuses", "kgz")], edges[("tjk", "member_of", "csto")]
    assert accuses["color"]["color"] != member["color"]["color"]
    legend = {p["id"]: p["color"] for p in data["predicates"]}
    assert legend["accuses"] == accuses["color"]["color"]
    assert edges[("rus", "allied_with", "tjk")]["arrows"]["to"]["enabled"] is False
    assert accuses["arrows"]["to"]["enabled"] is True


def test_parallel_edges_are_curved_apart(central_asia):
    edges = [
        e
        for e in page_data(to_html(central_asia))["edges"]
        if {e["from"], e["to"]} == {"tjk", "kgz"}
    ]
    shapes = {
        (e["smooth"].get("type"), e["smooth"].get("roundness"), e["from"])
        for e in edges
        if e["smooth"]["enabled"]
    }
    assert len(edges) == 4
    assert len(shapes) == 3  # one straight edge, three distinct curves


def test_quotes_highlight_actor_names_and_trigger(central_asia):
    claims = page_data(to_html(central_asia))["claims"]
    c1 = claims["c1"]
    marked = [(c1["q"][s:e], kind) for s, e, kind in c1["hl"]]
    assert marked == [("Dushanbe", "actor"), ("accused", "trigger"), ("Kyrgyzstan", "actor")]
    c5 = claims["c5"]
    assert [c5["q"][s:e] for s, e, _ in c5["hl"]] == ["Rahmon", "Tajikistan"]


def test_sources_carry_citation_metadata(central_asia):
    data = page_data(to_html(central_asia))
    assert data["sources"]["a"] == {
        "title": "Border clash",
        "publisher": "Example News",
        "date": "2022-09-16",
        "url": "https://example.org/a",
        "path": "sources/a.md",
    }
    assert data["sources"]["b"]["path"] == "sources/b.md"
    assert data["claims"]["c5"]["doc"] == "b"


def test_legend_lists_the_actor_types_drawn(central_asia):
    html = to_html(central_asia)
    legend = html[html.index('<details id="kg-legend"') : html.index("</details>")]
    names = re.findall(r"</svg>(\w+)</li>", legend)
    assert names == ["State", "IGO", "ArmedGroup", "Person"]
    odd = graph([claim("o1", "supports", Actor("x", "X", "Militia"), TJK, "X supports it.")])
    legend = to_html(odd)
    assert re.findall(r"</svg>(\w+)</li>", legend[: legend.index("</details>")]) == [
        "State",
        "other",
    ]


def test_empty_graph_gives_an_empty_page():
    data = page_data(to_html(KnowledgeGraph([], {})))
    assert data["nodes"] == [] and data["edges"] == [] and data["claims"] == {}


# -- large graphs ----------------------------------------------------------------------------
def test_min_claims_drops_sparse_actors(central_asia):
    data = page_data(to_html(central_asia, min_claims=2))
    assert {n["id"] for n in data["nodes"]} == {"tjk", "kgz", "rus"}
    assert all({e["from"], e["to"]} <= {"tjk", "kgz", "rus"} for e in data["edges"])
    assert data["meta"]["total_nodes"] == 6


def test_max_nodes_keeps_the_most_connected():
    hub, a, b, c, d = (Actor(x, x.upper(), "State") for x in "habcd")
    kg = graph(
        [
            claim("1", "supports", hub, a, "H supports A."),
            claim("2", "supports", hub, b, "H supports B."),
            claim("3", "supports", hub, c, "H supports C."),
            claim("4", "supports", hub, d, "H supports D."),
            claim("5", "criticizes", a, b, "A criticizes B."),
            claim("6", "criticizes", c, d, "C did not criticize D.", negated=True),
        ]
    )
    data = page_data(to_html(kg, max_nodes=3))
    assert {n["id"] for n in data["nodes"]} == {"h", "a", "b"}
    assert {edge_key(e) for e in data["edges"]} == {
        ("h", "supports", "a"),
        ("h", "supports", "b"),
        ("a", "criticizes", "b"),
    }
    assert data["meta"]["total_nodes"] == 5 and data["meta"]["nodes"] == 3
    assert len(page_data(to_html(kg, max_nodes=10))["nodes"]) == 5
    with pytest.raises(ValueError):
        to_html(kg, max_nodes=-1)


def test_large_graphs_draw_without_physics():
    actors = [Actor(f"a{i}", f"Actor {i}", "State") for i in range(700)]
    claims = [
        claim(f"c{i}", "supports", actors[i], actors[(i * 7 + 1) % 700], "x") for i in range(700)
    ]
    data = page_data(to_html(graph(claims)))
    assert data["options"]["physics"]["enabled"] is False
    assert data["meta"]["static_layout"] is True
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == 700  # every node placed, none on top of another


def test_small_graphs_stabilise_before_drawing(central_asia):
    physics = page_data(to_html(central_asia))["options"]["physics"]
    assert physics["enabled"] is True
    assert 0 < physics["stabilization"]["iterations"] <= 300


# -- the writer ------------------------------------------------------------------------------
def test_write_html_writes_utf8(tmp_path: Path):
    dushanbe = Actor("dsh", "Душанбе", "State")
    kg = graph([claim("u1", "accuses", dushanbe, KGZ, "Душанбе accused Kyrgyzstan — again.")])
    path = tmp_path / "graph.html"
    write_html(kg, path, title="Граф")
    text = path.read_bytes().decode("utf-8")
    assert text == to_html(kg, title="Граф")
    assert "Душанбе" in text and "<title>Граф</title>" in text
