"""The HTML graph page in headless Chromium, with every network request blocked.

Needs the Debian package ``chromium`` (or ``KG_CHROMIUM`` pointing at a Chromium binary) and
the ``playwright`` Python package; never ``playwright install``. Without them these tests
skip, except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.actors import Actor
from kg.claims import Claim
from kg.export.html import write_html
from kg.graph import ActorRecord, KnowledgeGraph

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-dev-shm-usage"]
REMOTE = re.compile(r"^https?://", re.I)

TJK = Actor("tjk", "Tajikistan", "State")
KGZ = Actor("kgz", "Kyrgyzstan", "State")
RUS = Actor("rus", "Russia", "State")
CSTO = Actor("csto", "CSTO", "IGO")
RAHMON = Actor("person:emomali-rahmon", "Emomali Rahmon", "Person")
SOURCE_A = {
    "path": "sources/a.md",
    "title": "Border clash on the Isfara",
    "publisher": "Example News",
    "url": "https://example.org/border-clash",
    "date": "2022-09-16",
}
SOURCE_B = {
    "path": "sources/b.md",
    "title": "CSTO summit",
    "publisher": None,
    "url": None,
    "date": "2022-10-01",
}
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'


def _claim(cid, predicate, subject, obj, sentence, source, *, hedged=False, negated=False):
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
        doc=source["path"].split("/")[-1].removesuffix(".md"),
        source=source,
        sentence=sentence,
        start=0,
        end=len(sentence),
        trigger="",
        confidence=0.9,
    )


def _graph(claims: list[Claim], forms: dict[str, set[str]]) -> KnowledgeGraph:
    actors = {}
    for c in claims:
        for actor in (c.subject, c.object):
            if actor is not None:
                actors[actor.id] = ActorRecord(actor, forms=forms.get(actor.id, set()))
    return KnowledgeGraph(claims, actors)


def central_asia() -> KnowledgeGraph:
    return _graph(
        [
            _claim("c1", "accuses", TJK, KGZ, "Dushanbe accused Kyrgyzstan of shelling.", SOURCE_A),
            _claim(
                "c2",
                "accuses",
                KGZ,
                TJK,
                "Bishkek reportedly blamed Tajikistan.",
                SOURCE_A,
                hedged=True,
            ),
            _claim(
                "c3", "leader_of", RAHMON, TJK, "Rahmon, president of Tajikistan, spoke.", SOURCE_B
            ),
            _claim("c4", "member_of", TJK, CSTO, "Tajikistan is a member of the CSTO.", SOURCE_B),
            _claim("c5", "member_of", KGZ, CSTO, "Kyrgyzstan is a member of the CSTO.", SOURCE_B),
            _claim("c6", "allied_with", RUS, TJK, "Russia and Tajikistan are allies.", SOURCE_B),
            _claim(
                "c7",
                "accuses",
                RUS,
                KGZ,
                "Russia did not accuse Kyrgyzstan.",
                SOURCE_A,
                negated=True,
            ),
        ],
        {RAHMON.id: {"Rahmon", "Emomali Rahmon"}, TJK.id: {"Dushanbe"}, KGZ.id: {"Bishkek"}},
    )


# -- browser fixtures ------------------------------------------------------------------------
def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}: install Debian 'chromium' and PyPI 'playwright'")
    pytest.skip(f"{reason} (install Debian 'chromium' and PyPI 'playwright'; CI=true fails)")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    executable = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        _unavailable(f"Chromium not found at {executable}")
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=args)
        yield chromium
        chromium.close()


class Page:
    """A graph page opened from file://, with its requests and errors recorded."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.route(REMOTE, lambda route: route.abort())
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.network && window.network.body")
        self.page.wait_for_function("() => window.kgTiming && window.kgTiming.firstDraw !== null")
        # Freeze the layout so that positions read below are where the click lands.
        self.page.evaluate("() => network.setOptions({ physics: { enabled: false } })")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_canvas(self, point: dict) -> None:
        box = self.page.locator("#kg-network canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def click_node(self, node_id: str) -> None:
        self.click_canvas(
            self.js("id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
        )

    def click_edge(self, edge_id: str) -> None:
        # the middle of the drawn line or curve, in canvas coordinates
        point = self.js(
            "id => network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5))", edge_id
        )
        self.click_canvas(point)

    def panel(self) -> str:
        return self.page.locator("#kg-panel").inner_text()

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if REMOTE.match(url)]


@pytest.fixture
def open_graph(browser, tmp_path) -> Iterator:
    pages: list[Page] = []

    def open_(kg: KnowledgeGraph, **options) -> Page:
        path = tmp_path / f"graph{len(pages)}.html"
        write_html(kg, path, **options)
        page = Page(browser, path)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.page.close()


def edge_id(page: Page, subject: str, predicate: str, obj: str) -> str:
    return page.js(
        "([s, p, o]) => kgGraph.edges.get({filter: e => e.from === s && e.predicate === p"
        " && e.to === o})[0].id",
        [subject, predicate, obj],
    )


# -- tests -----------------------------------------------------------------------------------
def test_counts_match_the_graph_and_nothing_is_fetched(open_graph):
    kg = central_asia()
    page = open_graph(kg, title="Central Asia")
    assert page.js("network.body.data.nodes.length") == len(kg.graph_actors()) == 5
    assert page.js("network.body.data.edges.length") == len(kg.edges()) == 6
    assert page.js("Object.keys(network.body.nodes).length") == 5  # vis drew every node
    assert page.page.locator("h1").inner_text() == "Central Asia"
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert (ARTIFACTS / "graph.png").stat().st_size > 10_000
    assert page.requests and all(url.startswith(("file:", "data:")) for url in page.requests)
    assert page.remote_requests() == []
    assert page.errors == []


def test_clicking_an_edge_shows_its_quote_and_source(open_graph):
    page = open_graph(central_asia())
    page.click_edge(edge_id(page, "tjk", "accuses", "kgz"))
    text = page.panel()
    assert "Dushanbe accused Kyrgyzstan of shelling." in text
    assert "Border clash on the Isfara" in text
    assert "Example News, 2022-09-16" in text
    link = page.page.locator("#kg-panel .source a")
    assert link.get_attribute("href") == "https://example.org/border-clash"
    marks = page.page.locator("#kg-panel mark.actor").all_inner_texts()
    assert marks == ["Dushanbe", "Kyrgyzstan"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "graph-edge-panel.png"))
    assert page.remote_requests() == []


def test_clicking_a_hedged_edge_flags_it(open_graph):
    page = open_graph(central_asia())
    page.click_edge(edge_id(page, "kgz", "accuses", "tjk"))
    assert "Bishkek reportedly blamed Tajikistan." in page.panel()
    assert page.page.locator("#kg-panel .claim .flag.hedged").count() == 1
    assert page.js("kgGraph.edges.get({filter: e => e.predicate === 'accuses'}).length") == 2


def test_clicking_a_node_lists_its_claims_with_negated_ones_flagged(open_graph):
    page = open_graph(central_asia())
    page.click_node("rus")
    text = page.panel()
    assert "Russia and Tajikistan are allies." in text
    assert "Russia did not accuse Kyrgyzstan." in text
    negated = page.page.locator("#kg-panel .claim.negated")
    assert negated.count() == 1 and "NEGATED" in negated.inner_text().upper()
    # CSTO summit has no URL: the citation shows the title and the file path instead
    assert "sources/b.md" in text and page.page.locator("#kg-panel a").count() == 1


def test_search_finds_actors_by_label_and_surface_form(open_graph):
    page = open_graph(central_asia())
    search = page.page.locator("#kg-search")
    search.fill("Rahmon")
    search.press("Enter")
    assert page.js("network.getSelectedNodes()") == [RAHMON.id]
    assert page.page.locator("#kg-panel h2").inner_text() == "Emomali Rahmon"
    search.fill("dushanbe")  # a surface form of Tajikistan, not in its label
    search.press("Enter")
    assert page.js("network.getSelectedNodes()") == ["tjk"]
    assert page.js("kgGraph.search('nowhere')") == []
    assert "nothing found" in page.page.locator("#kg-status").inner_text()


def test_relation_filter_hides_edges_of_that_type(open_graph):
    page = open_graph(central_asia())
    hidden = "() => kgGraph.edges.get().filter(e => e.hidden).map(e => e.predicate).sort()"
    page.page.locator("#kg-pred-accuses").uncheck()
    assert page.js(hidden) == ["accuses", "accuses"]
    accuses = page.js("kgGraph.edges.getIds({filter: e => e.predicate === 'accuses'})")
    assert all(page.js("id => network.body.edges[id].options.hidden", i) for i in accuses)
    page.page.locator("#kg-pred-accuses").check()
    assert page.js(hidden) == []


def test_source_filter_and_reset(open_graph):
    page = open_graph(central_asia())
    page.page.locator("#kg-doc").select_option("a")
    visible = "() => kgGraph.edges.get().filter(e => !e.hidden).map(e => e.predicate).sort()"
    assert page.js(visible) == ["accuses", "accuses"]
    assert page.js("kgGraph.nodes.get().filter(n => n.hidden).map(n => n.id).sort()") == [
        "csto",
        RAHMON.id,
    ]
    page.page.locator("#kg-pred-allied_with").uncheck()
    page.page.locator("#kg-search").fill("Russia")
    page.page.locator("#kg-search").press("Enter")
    page.page.locator("#kg-reset").click()
    assert page.js("kgGraph.edges.get().filter(e => e.hidden).length") == 0
    assert page.js("kgGraph.nodes.get().filter(n => n.hidden).length") == 0
    assert page.js("network.getSelectedNodes()") == []
    assert page.page.locator("#kg-search").input_value() == ""
    assert page.page.locator("#kg-pred-allied_with").is_checked()


def test_hostile_article_text_is_shown_literally_and_never_runs(open_graph):
    evil = Actor("org:evil", f"Evil {PWN_IMG}", "Organization")
    hostile_source = {
        "path": "sources/evil.md",
        "title": f"Leaked {PWN_SCRIPT}",
        "publisher": PWN_IMG,
        "url": "javascript:window.__pwned=1",
        "date": "2024-01-01",
    }
    quote = f"Evil accused Tajikistan {PWN_SCRIPT} and {PWN_IMG} </script><b>bold</b>"
    kg = _graph(
        [
            _claim("h1", "accuses", evil, TJK, quote, hostile_source),
            _claim("h2", "accuses", TJK, evil, "Tajikistan accused Evil.", SOURCE_A),
        ],
        {evil.id: {PWN_SCRIPT}},
    )
    page = open_graph(kg, title=f"Graph {PWN_SCRIPT}")
    assert page.js("network.body.data.nodes.length") == 2
    assert page.js("network.body.data.edges.length") == 2
    page.click_edge(edge_id(page, evil.id, "accuses", "tjk"))
    text = page.panel()
    assert PWN_SCRIPT in text and PWN_IMG in text and "<b>bold</b>" in text
    assert f"Leaked {PWN_SCRIPT}" in text
    panel = page.page.locator("#kg-panel")
    assert panel.locator("script, img, b").count() == 0
    assert panel.locator("a").count() == 0  # a javascript: URL is never a link
    page.click_node(evil.id)
    assert f"Evil {PWN_IMG}" in page.page.locator("#kg-panel h2").inner_text()
    tooltip = page.page.locator(".vis-tooltip")  # vis-network's hover popup, plain text
    tooltip.wait_for(state="visible")
    assert f"Evil {PWN_IMG}" in tooltip.inner_text() and tooltip.locator("img").count() == 0
    assert "Also named: " + PWN_SCRIPT in page.panel()
    page.page.locator("#kg-search").fill("evil")
    page.page.locator("#kg-search").press("Enter")
    assert page.page.locator("h1").inner_text() == f"Graph {PWN_SCRIPT}"
    assert page.page.title() == f"Graph {PWN_SCRIPT}"
    assert page.js("typeof window.__pwned") == "undefined"
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.dialogs == [] and page.errors == []
    assert page.remote_requests() == []
