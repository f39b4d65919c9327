"""An interactive graph page that works offline: one self-contained HTML file.

:func:`to_html` builds the page in memory, :func:`write_html` writes it as UTF-8. Nodes,
edges and vis-network options are built with pyvis; the page itself comes from our own
template (``templates/graph.html.j2``), which inlines pyvis's bundled vis-network and
loads nothing from the network.

Article text is untrusted. Everything taken from the graph travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page
builds its panel with ``textContent`` only.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from kg.actors import ACTOR_TYPES, Actor
from kg.claims import PREDICATES, SYMMETRIC_PREDICATES, Claim
from kg.graph import Edge, KnowledgeGraph

VIS_VERSION = "9.1.2"
TEMPLATE = "graph.html.j2"

# Okabe-Ito colours (readable with the common colour-vision deficiencies) and one shape per
# actor type; every shape draws its label below it, so node size can follow the claim count.
ACTOR_STYLES: dict[str, tuple[str, str]] = {
    "State": ("#0072B2", "dot"),
    "IGO": ("#009E73", "hexagon"),
    "ArmedGroup": ("#D55E00", "triangle"),
    "Person": ("#E69F00", "diamond"),
    "Party": ("#CC79A7", "square"),
    "Organization": ("#56B4E9", "triangleDown"),
    "Media": ("#B8A800", "star"),
}
OTHER_STYLE = ("#999999", "dot")
PREDICATE_COLORS: dict[str, str] = {
    "accuses": "#D62728",
    "denies": "#9467BD",
    "claims_responsibility": "#8C564B",
    "allied_with": "#2CA02C",
    "member_of": "#1F77B4",
    "leader_of": "#FF7F0E",
    "criticizes": "#E377C2",
    "supports": "#17BECF",
    "conflict_with": "#333333",
}
OTHER_PREDICATE_COLOR = "#777777"
NODE_SIZE = (8.0, 40.0)  # by number of claims
EDGE_WIDTH = (1.0, 6.0)  # by number of positive claims

# Physics: full stabilisation up to SMALL_GRAPH_NODES, a few iterations up to
# STATIC_LAYOUT_NODES; above, no physics: positions computed here (see _static_layout).
SMALL_GRAPH_NODES = 150
STATIC_LAYOUT_NODES = 600

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_JSON_ESCAPES.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def to_html(
    kg: KnowledgeGraph,
    *,
    max_nodes: int | None = None,
    min_claims: int = 1,
    title: str = "kg graph",
) -> str:
    """The graph as one self-contained HTML page (no remote resources).

    ``min_claims`` drops actors that take part in fewer claims; ``max_nodes`` then keeps the
    most-connected actors (by number of drawn edges, then claims). Negated claims are never
    drawn as edges: they are listed in the side panel of their actors and edges.
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be >= 0, got {max_nodes}")
    view = _GraphView.select(kg, max_nodes=max_nodes, min_claims=min_claims)
    data = _page_data(kg, view)
    template = _environment().get_template(TEMPLATE)
    return template.render(
        title=title,
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        vis_css=Markup(_vis_asset("vis-network.css")),
        data_json=Markup(json_for_script(data)),
        actor_styles=_legend_styles(view.actor_types),
        shape_paths=_SHAPE_PATHS,
    )


def write_html(
    kg: KnowledgeGraph,
    path: str | Path,
    *,
    max_nodes: int | None = None,
    min_claims: int = 1,
    title: str = "kg graph",
) -> None:
    """Write :func:`to_html` to ``path`` as UTF-8."""
    html = to_html(kg, max_nodes=max_nodes, min_claims=min_claims, title=title)
    Path(path).write_text(html, encoding="utf-8")


def json_for_script(data: Any) -> str:
    r"""JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left.

    >>> print(json_for_script({"q": "</script><b>&"}))
    {"q": "\u003c/script\u003e\u003cb\u003e\u0026"}
    """
    return json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_JSON_ESCAPES)


# -- which actors and edges are drawn ------------------------------------------------------
@dataclass
class _GraphView:
    nodes: list[str]
    edges: list[Edge]
    claims: list[Claim]
    actors: dict[str, Actor]
    counts: dict[str, int]
    actor_types: set[str]
    total_nodes: int
    total_edges: int

    @classmethod
    def select(cls, kg: KnowledgeGraph, *, max_nodes: int | None, min_claims: int) -> _GraphView:
        counts: dict[str, int] = defaultdict(int)
        for claim in kg.claims:
            counts[claim.subject.id] += 1
            if claim.object is not None:
                counts[claim.object.id] += 1
        all_nodes = kg.graph_actors()
        all_edges = kg.edges()
        kept = {n for n in all_nodes if counts[n] >= min_claims}
        if max_nodes is not None and len(kept) > max_nodes:
            degree: dict[str, int] = defaultdict(int)
            for edge in all_edges:
                if edge.subject in kept and edge.object in kept:
                    degree[edge.subject] += 1
                    degree[edge.object] += 1
            ranked = sorted(kept, key=lambda n: (-degree[n], -counts[n], n))
            kept = set(ranked[:max_nodes])
        nodes = [n for n in all_nodes if n in kept]
        edges = [e for e in all_edges if e.subject in kept and e.object in kept]
        claims = [
            c
            for c in kg.claims
            if c.subject.id in kept or (c.object is not None and c.object.id in kept)
        ]
        actors = {n: kg.actors[n].actor for n in nodes if n in kg.actors}
        for claim in claims:
            for actor in (claim.subject, claim.object):
                if actor is not None and actor.id in kept:
                    actors.setdefault(actor.id, actor)
        types = {actors[n].type for n in nodes}
        return cls(
            nodes, edges, claims, actors, dict(counts), types, len(all_nodes), len(all_edges)
        )


# -- the data embedded in the page ---------------------------------------------------------
def _page_data(kg: KnowledgeGraph, view: _GraphView) -> dict[str, Any]:
    net = _network(kg, view)
    node_claims: dict[str, list[str]] = defaultdict(list)
    for claim in view.claims:
        node_claims[claim.subject.id].append(claim.id)
        if claim.object is not None and claim.object.id != claim.subject.id:
            node_claims[claim.object.id].append(claim.id)
    for node in net.nodes:
        node["claims"] = node_claims.get(node["id"], [])
    highlighter = _Highlighter(kg)
    claims = {c.id: _claim_record(c, highlighter) for c in view.claims}
    sources = _sources(kg, view.claims)
    predicates = sorted({e.predicate for e in view.edges}, key=_predicate_order)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "claims": claims,
        "sources": sources,
        "predicates": [
            {"id": p, "label": p.replace("_", " "), "color": _predicate_color(p)}
            for p in predicates
        ],
        "meta": {
            "nodes": len(view.nodes),
            "edges": len(view.edges),
            "claims": len(view.claims),
            "total_nodes": view.total_nodes,
            "total_edges": view.total_edges,
            "static_layout": len(view.nodes) > STATIC_LAYOUT_NODES,
        },
    }


def _network(kg: KnowledgeGraph, view: _GraphView) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    positions = _static_layout(view) if len(view.nodes) > STATIC_LAYOUT_NODES else {}
    node_range = _range(view.counts.get(n, 0) for n in view.nodes)
    edge_range = _range(len(e.positive) for e in view.edges)
    for node_id in view.nodes:
        actor = view.actors[node_id]
        record = kg.actors.get(node_id)
        color, shape = ACTOR_STYLES.get(actor.type, OTHER_STYLE)
        forms = sorted((record.forms if record else set()) - {actor.label})
        count = view.counts.get(node_id, 0)
        extra: dict[str, Any] = {}
        if node_id in positions:
            extra["x"], extra["y"] = positions[node_id]
        net.add_node(
            node_id,
            label=actor.label,
            shape=shape,
            color={
                "background": color,
                "border": "#222222",
                "highlight": {"background": color, "border": "#000000"},
                "hover": {"background": color, "border": "#000000"},
            },
            size=_scale(count, node_range, NODE_SIZE),
            claimCount=count,
            title=f"{actor.label} ({actor.type}): {count} claim{'s' if count != 1 else ''}",
            kgType=actor.type,
            forms=forms,
            wikidata=actor.wikidata,
            **extra,
        )
    for index, (edge, smooth) in enumerate(zip(view.edges, _smooth(view.edges), strict=True)):
        positive = edge.positive
        color = _predicate_color(edge.predicate)
        subject = view.actors[edge.subject].label
        obj = view.actors[edge.object].label
        label = f"{subject} {edge.predicate.replace('_', ' ')} {obj}"
        flags = " (hedged)" if edge.hedged else ""
        net.add_edge(
            edge.subject,
            edge.object,
            id=f"e{index}",
            predicate=edge.predicate,
            color={"color": color, "highlight": color, "hover": color},
            dashes=edge.hedged,
            hedged=edge.hedged,
            width=_scale(len(positive), edge_range, EDGE_WIDTH),
            arrows={"to": {"enabled": edge.predicate not in SYMMETRIC_PREDICATES}},
            smooth=smooth,
            title=f"{label}{flags}: {len(positive)} claim{'s' if len(positive) != 1 else ''}, "
            f"{edge.sources} source{'s' if edge.sources != 1 else ''}",
            claims=[c.id for c in positive],
            negatedClaims=[c.id for c in edge.claims if c.negated],
        )
    net.set_options(json.dumps(_options(len(view.nodes))))
    return net


def _range(values: Iterable[int]) -> tuple[int, int]:
    values = list(values)
    return (min(values), max(values)) if values else (0, 0)


def _scale(value: int, value_range: tuple[int, int], out: tuple[float, float]) -> float:
    """vis-network's linear scaling, done here: sizes need no pass over all nodes in the page."""
    low, high = value_range
    fraction = 0.5 if high == low else (value - low) / (high - low)
    return round(out[0] + fraction * (out[1] - out[0]), 1)


def _legend_styles(types: set[str]) -> list[tuple[str, str, str]]:
    """(type, colour, shape) of the actor types drawn, in the documented order."""
    styles = [(kind, *ACTOR_STYLES[kind]) for kind in ACTOR_TYPES if kind in types]
    if types - set(ACTOR_STYLES):
        styles.append(("other", *OTHER_STYLE))
    return styles


def _smooth(edges: list[Edge]) -> list[dict[str, Any]]:
    """Straight edges, with parallel edges of one pair curved to alternate sides."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    result = []
    for edge in edges:
        pair = (min(edge.subject, edge.object), max(edge.subject, edge.object))
        k = seen[pair]
        seen[pair] += 1
        if k == 0:
            result.append({"enabled": False})
            continue
        side = 1 if k % 2 else -1
        if (edge.subject, edge.object) != pair:
            side = -side
        result.append(
            {
                "enabled": True,
                "type": "curvedCW" if side > 0 else "curvedCCW",
                "roundness": round(0.2 * ((k + 1) // 2), 2),
            }
        )
    return result


def _options(n_nodes: int) -> dict[str, Any]:
    big = n_nodes > STATIC_LAYOUT_NODES
    if n_nodes <= SMALL_GRAPH_NODES:
        stabilization = {"enabled": True, "iterations": 300, "updateInterval": 50, "fit": True}
    else:
        stabilization = {"enabled": True, "iterations": 60, "updateInterval": 20, "fit": True}
    return {
        "nodes": {
            "font": {"size": 14, "face": "Liberation Sans, Arial, sans-serif"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"scaleFactor": 0.6}},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= SMALL_GRAPH_NODES},
        "physics": {
            "enabled": not big,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "springLength": 140,
                "springConstant": 0.03,
                "damping": 0.3,
                "avoidOverlap": 0.1,
            },
            "stabilization": stabilization,
            "minVelocity": 1.0,
        },
    }


def _static_layout(view: _GraphView) -> dict[str, tuple[int, int]]:
    """Positions for graphs too large for in-browser physics: components side by side.

    Within a component, nodes sit on rings by number of drawn edges (hubs in the middle),
    so the first drawing is instant and readable enough to search and filter.
    """
    adjacency: dict[str, set[str]] = {n: set() for n in view.nodes}
    for edge in view.edges:
        adjacency[edge.subject].add(edge.object)
        adjacency[edge.object].add(edge.subject)
    seen: set[str] = set()
    components: list[list[str]] = []
    for start in sorted(adjacency, key=lambda n: (-len(adjacency[n]), n)):
        if start in seen:
            continue
        stack, component = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            component.append(node)
            for other in sorted(adjacency[node]):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        components.append(sorted(component, key=lambda n: (-len(adjacency[n]), n)))
    positions: dict[str, tuple[int, int]] = {}
    cursor_x, cursor_y, row_height = 0.0, 0.0, 0.0
    row_width = 60.0 * math.sqrt(len(view.nodes)) * 4
    for component in components:
        placed: list[tuple[float, float]] = [(0.0, 0.0)]
        ring, index = 1, 1
        while index < len(component):
            capacity = 6 * ring
            for slot in range(min(capacity, len(component) - index)):
                angle = 2 * math.pi * slot / capacity + ring * 0.5
                placed.append((70.0 * ring * math.cos(angle), 70.0 * ring * math.sin(angle)))
                index += 1
            ring += 1
        radius = 70.0 * (ring - 1) + 60.0
        if cursor_x + 2 * radius > row_width and cursor_x > 0:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        cx, cy = cursor_x + radius, cursor_y + radius
        for node, (dx, dy) in zip(component, placed, strict=True):
            positions[node] = (round(cx + dx), round(cy + dy))
        cursor_x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return positions


class _Highlighter:
    """Character ranges of actor names (labels and surface forms) and triggers in quotes."""

    def __init__(self, kg: KnowledgeGraph):
        self._kg = kg
        self._names: dict[str, list[str]] = {}

    def _actor_names(self, actor: Actor) -> list[str]:
        if actor.id not in self._names:
            record = self._kg.actors.get(actor.id)
            names = {n.strip() for n in (actor.label, *(record.forms if record else ())) if n}
            self._names[actor.id] = sorted((n for n in names if n), key=len, reverse=True)
        return self._names[actor.id]

    def ranges(self, claim: Claim) -> list[list[Any]]:
        """Non-overlapping ``[start, end, "actor" | "trigger"]`` ranges, longest match first."""
        text = claim.sentence
        lowered = text.lower()
        folded = len(lowered) == len(text)  # lower() keeps offsets for almost every script
        found: list[tuple[int, int, str]] = []
        for actor in (claim.subject, claim.object, claim.attributed_to):
            if actor is not None:
                for name in self._actor_names(actor):
                    found.extend(_find_words(lowered if folded else text, name, folded, "actor"))
        if claim.trigger.strip():
            found.extend(_find_words(text, claim.trigger.strip(), False, "trigger"))
        result: list[list[Any]] = []
        end = 0
        for start, stop, kind in sorted(found, key=lambda r: (r[0], -r[1])):
            if start >= end:
                result.append([start, stop, kind])
                end = stop
        return result


def _find_words(text: str, word: str, folded: bool, kind: str) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of ``word`` in ``text`` (lower-cased when ``folded``)."""
    needle = word.lower() if folded else word
    found = []
    start = text.find(needle)
    while start >= 0:
        stop = start + len(needle)
        before = text[start - 1] if start else " "
        after = text[stop] if stop < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            found.append((start, stop, kind))
        start = text.find(needle, start + 1)
    return found


def _claim_record(claim: Claim, highlighter: _Highlighter) -> dict[str, Any]:
    return {
        "p": claim.predicate,
        "s": claim.subject.id,
        "sl": claim.subject.label,
        "o": claim.object.id if claim.object else None,
        "ol": claim.object.label if claim.object else None,
        "h": claim.hedged,
        "n": claim.negated,
        "about": claim.about,
        "status": claim.status,
        "attr": claim.attributed_to.label if claim.attributed_to else None,
        "q": claim.sentence,
        "hl": highlighter.ranges(claim),
        "doc": claim.doc,
    }


def _sources(kg: KnowledgeGraph, claims: list[Claim]) -> dict[str, dict[str, str | None]]:
    sources: dict[str, dict[str, str | None]] = {}
    for claim in claims:
        if claim.doc in sources:
            continue
        document = kg.documents.get(claim.doc, {})
        source = {
            key: claim.source.get(key) or document.get(key)
            for key in ("title", "publisher", "date", "url", "path")
        }
        sources[claim.doc] = {k: (str(v) if v is not None else None) for k, v in source.items()}
    return dict(sorted(sources.items(), key=lambda kv: _source_sort_key(kv[0], kv[1])))


def _source_sort_key(doc: str, source: dict[str, str | None]) -> tuple[str, str, str]:
    return (source.get("date") or "", (source.get("title") or source.get("path") or doc), doc)


def _predicate_order(predicate: str) -> tuple[int, str]:
    return (PREDICATES.index(predicate) if predicate in PREDICATES else len(PREDICATES), predicate)


def _predicate_color(predicate: str) -> str:
    return PREDICATE_COLORS.get(predicate, OTHER_PREDICATE_COLOR)


# -- template and assets -------------------------------------------------------------------
# Legend glyphs for the vis-network shapes, in a 20x20 box.
_SHAPE_PATHS = {
    "dot": "M10 3a7 7 0 1 0 0.01 0Z",
    "hexagon": "M10 2.5 16.5 6.25v7.5L10 17.5 3.5 13.75v-7.5Z",
    "triangle": "M10 3 17 16H3Z",
    "triangleDown": "M3 4H17L10 17Z",
    "diamond": "M10 2 18 10 10 18 2 10Z",
    "square": "M4 4H16V16H4Z",
    "star": "M10 2l2.4 5.2 5.6.6-4.2 3.8 1.2 5.6L10 14.4l-5 2.8 1.2-5.6L2 7.8l5.6-.6Z",
}


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    folder = resources.files("kg.export") / "templates"
    source = (folder / TEMPLATE).read_text(encoding="utf-8")
    return jinja2.Environment(
        loader=jinja2.DictLoader({TEMPLATE: source}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=2)
def _vis_asset(name: str) -> str:
    """pyvis's bundled copy of a vis-network file, checked to be safe to inline."""
    path = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}" / name
    # Without the source-map comment, developer tools do not look for a missing file.
    text = re.sub(r"(//|/\*)# sourceMappingURL=\S*( \*/)?", "", path.read_text(encoding="utf-8"))
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower() or "<!--" in text:
        raise RuntimeError(f"{path} cannot be inlined: it contains {closing} or <!--")
    return text
