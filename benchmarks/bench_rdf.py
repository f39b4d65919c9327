"""Time to write a synthetic graph of about 1M RDF statements (Turtle by default).

Builds a corpus of synthetic claims (realistic sentences, qualifiers, document texts for the
quote selectors' prefix and suffix) sized to give ``--statements`` statements, then times
:func:`kg.export.rdf.write_rdf` (build + serialize + write) and, with ``--check``, parses the
file back with pyoxigraph to confirm it is valid and complete.

    .venv/bin/python benchmarks/bench_rdf.py                       # 1M statements, Turtle
    .venv/bin/python benchmarks/bench_rdf.py --format nt --check
    .venv/bin/python benchmarks/bench_rdf.py --statements 200000 --rdflib   # compare rdflib
    .venv/bin/python benchmarks/bench_rdf.py --query corroborated   # then query it (kg.store)
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.actors import ACTOR_TYPES, Actor  # noqa: E402
from kg.claims import PREDICATES, SYMMETRIC_PREDICATES, Claim  # noqa: E402
from kg.export.rdf import FORMATS, to_rdf, write_rdf  # noqa: E402
from kg.graph import ActorRecord, KnowledgeGraph  # noqa: E402

STATEMENTS_PER_CLAIM = 23  # measured on this generator; used only to size the corpus
CLAIMS_PER_DOC = 20
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "trig": "trig", "json-ld": "jsonld"}


def synthetic_graph(statements: int, *, seed: int = 7) -> KnowledgeGraph:
    """A corpus whose RDF export has roughly ``statements`` statements."""
    rng = random.Random(seed)
    n_claims = max(1, statements // STATEMENTS_PER_CLAIM)
    n_actors = max(10, n_claims // 20)
    n_docs = max(1, n_claims // CLAIMS_PER_DOC)
    actors = []
    for i in range(n_actors):
        kind = ACTOR_TYPES[i % len(ACTOR_TYPES)]
        actors.append(
            Actor(
                f"{kind.lower()}:actor-{i}",
                f"Actor {i}",
                kind,
                wikidata=f"Q{1000 + i}" if i % 3 else None,
            )
        )
    claims: list[Claim] = []
    documents: dict[str, dict] = {}
    for d in range(n_docs):
        doc_id = f"doc{d:06d}"
        source = {
            "path": f"sources/{doc_id}.md",
            "title": f"Synthetic article {d}",
            "publisher": f"Bench News {d % 50}",
            "url": f"https://example.org/news/{d}",
            "date": f"2024-{d % 12 + 1:02d}-{d % 28 + 1:02d}",
        }
        parts = [f"Synthetic article {d}\n\nLead paragraph of the story."]
        offset = len(parts[0])
        for k in range(CLAIMS_PER_DOC):
            predicate = PREDICATES[(d + k) % len(PREDICATES)]
            subject = actors[rng.randrange(n_actors)]
            obj = None if predicate == "claims_responsibility" else actors[rng.randrange(n_actors)]
            if obj is not None and obj.id == subject.id:
                obj = actors[(actors.index(subject) + 1) % n_actors]
            sentence = (
                f"{subject.label} {predicate.replace('_', ' ')} "
                f"{obj.label if obj else 'the attack'}, officials said on “day {k}”."
            )
            start = offset + 1
            parts.append(sentence)
            offset = start + len(sentence)
            claims.append(
                Claim(
                    id=f"c{d:08x}{k:08x}",
                    predicate=predicate,
                    subject=subject,
                    object=obj,
                    about="the attack"
                    if predicate in ("accuses", "claims_responsibility")
                    else None,
                    status="active" if predicate == "member_of" else None,
                    hedged=rng.random() < 0.1,
                    negated=rng.random() < 0.05,
                    attributed_to=None,
                    doc=doc_id,
                    source=source,
                    sentence=sentence,
                    start=start,
                    end=start + len(sentence),
                    trigger=predicate.split("_")[0],
                    confidence=round(rng.uniform(0.5, 1.0), 3),
                    rule="synthetic",
                )
            )
        documents[doc_id] = {"id": doc_id, **source, "author": None, "text": " ".join(parts)}
    records = {a.id: ActorRecord(a, mentions=1) for a in actors}
    assert not SYMMETRIC_PREDICATES - set(PREDICATES)
    return KnowledgeGraph(claims, records, documents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--format", choices=sorted(FORMATS), default="turtle")
    parser.add_argument("--check", action="store_true", help="parse the file back")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib serialize")
    parser.add_argument(
        "--query",
        metavar="NAME",
        help="also time kg.store.run_query with this shipped query (in memory, then a store "
        "directory: first run bulk-loads, second reuses)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    kg = synthetic_graph(args.statements)
    print(f"synthetic graph: {len(kg.claims):,} claims, {len(kg.actors):,} actors, "
          f"{len(kg.documents):,} documents ({time.perf_counter() - started:.1f} s to build)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"graph.{EXTENSIONS[args.format]}"
        started = time.perf_counter()
        count = write_rdf(kg, path, args.format)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        print(f"write_rdf {args.format}: {count:,} statements, {size / 1e6:.1f} MB "
              f"in {seconds:.1f} s ({count / seconds:,.0f} statements/s)")  # fmt: skip
        if args.check:
            import pyoxigraph as ox

            started = time.perf_counter()
            parsed = sum(1 for _ in ox.parse(path=str(path), format=FORMATS[args.format]))
            status = "ok" if parsed == count else f"MISMATCH ({parsed:,} parsed)"
            print(f"parse back: {status} in {time.perf_counter() - started:.1f} s")
            if parsed != count:
                return 1
        if args.query:
            from kg.store import run_query

            for label, store in (
                ("in memory", None),
                ("store, first run", Path(tmp) / "store"),
                ("store, reused", Path(tmp) / "store"),
            ):
                started = time.perf_counter()
                rows = len(run_query(path, args.query, store_dir=store))
                print(f"run_query {args.query} ({label}): {rows:,} rows "
                      f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        if args.rdflib:
            started = time.perf_counter()
            graph = to_rdf(kg)
            built = time.perf_counter() - started
            started = time.perf_counter()
            graph.serialize(Path(tmp) / "rdflib.ttl", format="turtle")
            print(f"rdflib: to_rdf {built:.1f} s, serialize turtle "
                  f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
