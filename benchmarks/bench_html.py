"""Time to first drawing of the HTML graph page in headless Chromium.

Builds synthetic graphs (default 500 and 2,000 actors, about two relations per actor), writes
each page with :func:`kg.export.html.write_html`, opens it from ``file://`` with every network
request blocked, and reports the time from navigation start to vis-network's first
``afterDrawing`` event (``window.kgTiming.firstDraw``), the median of ``--repeat`` runs.

    .venv/bin/python benchmarks/bench_html.py            # 500 and 2,000 nodes
    .venv/bin/python benchmarks/bench_html.py --sizes 100 500 2000 --repeat 5

Needs Chromium (Debian package ``chromium``) and the ``playwright`` Python package.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.actors import ACTOR_TYPES, Actor  # noqa: E402
from kg.claims import PREDICATES, Claim  # noqa: E402
from kg.export.html import to_html  # noqa: E402
from kg.graph import ActorRecord, KnowledgeGraph  # noqa: E402

CHROMIUM_ARGS = ["--disable-gpu", "--disable-dev-shm-usage"]


def synthetic_graph(n_nodes: int, *, seed: int = 7, edges_per_node: int = 2) -> KnowledgeGraph:
    """A connected graph with hubs (preferential attachment) and realistic claim records."""
    rng = random.Random(seed)
    actors = [
        Actor(f"a{i}", f"Actor {i}", ACTOR_TYPES[i % len(ACTOR_TYPES)]) for i in range(n_nodes)
    ]
    n_docs = max(1, n_nodes // 10)
    sources = [
        {
            "path": f"sources/doc{d}.md",
            "title": f"Synthetic article {d}",
            "publisher": "Bench News",
            "url": f"https://example.org/{d}",
            "date": f"2024-01-{d % 28 + 1:02d}",
        }
        for d in range(n_docs)
    ]
    targets: list[int] = [0]
    claims: list[Claim] = []
    for i in range(1, n_nodes):
        for j in {rng.choice(targets) for _ in range(edges_per_node)}:
            subject, obj = actors[i], actors[j]
            predicate = rng.choice([p for p in PREDICATES if p != "claims_responsibility"])
            d = rng.randrange(n_docs)
            sentence = f"{subject.label} {predicate.replace('_', ' ')} {obj.label}, officials said."
            claims.append(
                Claim(
                    id=f"c{len(claims)}",
                    predicate=predicate,
                    subject=subject,
                    object=obj,
                    about=None,
                    status=None,
                    hedged=rng.random() < 0.2,
                    negated=rng.random() < 0.05,
                    attributed_to=None,
                    doc=f"doc{d}",
                    source=sources[d],
                    sentence=sentence,
                    start=0,
                    end=len(sentence),
                    trigger=predicate,
                    confidence=0.9,
                )
            )
            targets.extend((i, j))
    records = {a.id: ActorRecord(a, mentions=1, forms={a.label}) for a in actors}
    return KnowledgeGraph(claims, records)


def page_timings(page, path: Path) -> dict[str, float]:
    """Milliseconds from navigation start: our script starts, network built, first drawing."""
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => window.kgTiming && window.kgTiming.firstDraw !== null", timeout=120_000
    )
    return page.evaluate("({...window.kgTiming})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default=os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    launch_args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        launch_args.append("--no-sandbox")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=launch_args)
        for size in args.sizes:
            kg = synthetic_graph(size)
            started = time.perf_counter()
            html = to_html(kg)
            build_s = time.perf_counter() - started
            path = Path(tmp) / f"graph-{size}.html"
            path.write_text(html, encoding="utf-8")
            timings = []
            for _ in range(args.repeat):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.route(re.compile(r"^https?://"), lambda route: route.abort())
                timings.append(page_timings(page, path))
                counts = page.evaluate(
                    "[network.body.data.nodes.length, network.body.data.edges.length]"
                )
                page.close()
            median = {k: statistics.median(t[k] for t in timings) for k in timings[0]}
            rows.append((size, counts[1], len(html) / 1e6, build_s, median))
        browser.close()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"{os.cpu_count()} CPUs, load average {load}; median of {args.repeat} runs")
    print()
    print(
        "| nodes | edges | page (MB) | to_html (s) | script starts (ms) | network built (ms)"
        " | first drawing (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size, n_edges, mb, build_s, t in rows:
        print(
            f"| {size:,} | {n_edges:,} | {mb:.1f} | {build_s:.2f} | {t['script']:,.0f}"
            f" | {t['network']:,.0f} | {t['firstDraw']:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
