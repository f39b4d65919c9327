"""Measure how many mentions of the gold actors the linker links, per document and overall.

For each gold actor of ``tests/fixtures/gold/articles_gold.jsonl`` the script counts the
occurrences of its aliases in the document's stored text (whole word, case-sensitive) and how
many of them fall inside a linked mention (``Doc._.kg_mentions``, mapped back to the stored
text) of the actor the gold name resolves to. Occurrences inside a longer alias occurrence
(of any gold actor of the document: "Russian" in "Russian Federation", "Foreign Affairs
Committee" in "Bundestag Foreign Affairs Committee") are counted once, as the longer one;
occurrences inside a longer linked mention of another actor ("Moscow" in "The Moscow Times")
are not mentions of the gold actor and are not counted.

The gold name resolves to the id of its gazetteer entry, or the id ``kg.actors.new_actor``
gives a name outside the gazetteer. The script also reports gold actors split over several
ids (duplicates) and, with ``--misses``, every unlinked occurrence with its context.

    .venv/bin/python scripts/measure_linking.py [--misses] [--sources sources] [--gold FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD_TYPES = {"Other": "Organization"}


def gold_actor_id(name: str, actor_type: str, gazetteer) -> str:
    """The kg id a gold actor name stands for."""
    from kg.actors import new_actor

    hits = gazetteer.lookup(name)
    names = [actor_id for actor_id, form in hits if form == "name"]
    if names or hits:
        return (names or [hits[0][0]])[0]
    return new_actor(name, GOLD_TYPES.get(actor_type, actor_type)).id


def occurrences(text: str, actors: list[dict]) -> list[tuple[int, int, int]]:
    """(start, end, gold actor index) of alias occurrences, longest first, no overlaps."""
    found = []
    for index, actor in enumerate(actors):
        for alias in {actor["name"], *actor.get("aliases", [])}:
            # the article is not part of the name: "the US" is a mention "US"
            alias = alias[4:] if alias.startswith("the ") else alias
            pattern = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
            found.extend((m.start(), m.end(), index) for m in re.finditer(pattern, text))
    found.sort(key=lambda o: (-(o[1] - o[0]), o[0]))
    kept: list[tuple[int, int, int]] = []
    for occ in found:
        if all(occ[1] <= k[0] or occ[0] >= k[1] for k in kept):
            kept.append(occ)
    return sorted(kept)


def _left_out_as_place(doc, view, start: int, end: int) -> bool:
    """True when the occurrence is a capital the linker left out on purpose (a place)."""
    for ent in doc.ents:
        s, e = view.to_source(ent.start_char, ent.end_char)
        if s <= start and end <= e and ent.ent_id_.endswith("|metonym"):
            return True
    return False


def measure(sources: Path, gold_path: Path, show_misses: bool) -> int:
    from kg.documents import load_documents
    from kg.nlp.pipeline import load_nlp
    from kg.text import prepare

    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["doc"]] = record["actors"]
    documents, _ = load_documents([sources])
    nlp = load_nlp()
    linker = nlp.get_pipe("kg_linker")
    lexicon = frozenset(linker.gazetteer.words())
    total_found = total_linked = total_places = 0
    duplicates: dict[str, set[str]] = {}
    print(f"{'document':24} {'occurrences':>11} {'linked':>7} {'rate':>7} {'places':>7}")
    for document in documents:
        if document.id not in gold:
            continue
        actors = gold[document.id]
        ids = [gold_actor_id(a["name"], a["type"], linker.gazetteer) for a in actors]
        view = prepare(document.text, lexicon)
        doc = nlp(view.text)
        mentions = []
        for mention in doc._.kg_mentions or []:
            start, end = view.to_source(mention.start, mention.end)
            mentions.append((start, end, mention.actor))
        linked = places = 0
        occs = []
        for start, end, index in occurrences(document.text, actors):
            covering = [m for m in mentions if m[0] <= start and end <= m[1]]
            if any(m[2] != ids[index] and m[1] - m[0] > end - start for m in covering):
                continue  # part of another actor's name
            occs.append((start, end, index))
            if any(m[2] == ids[index] for m in covering):
                linked += 1
                continue
            other = {m[2] for m in covering}
            if other:
                duplicates.setdefault(actors[index]["name"], set()).update(other)
            place = _left_out_as_place(doc, view, start, end)
            places += place
            if show_misses:
                context = document.text[max(0, start - 50) : end + 50].replace("\n", " ")
                got = ",".join(sorted(other)) or ("left out: place" if place else "-")
                print(f"  miss {ids[index]:28} {document.text[start:end]!r:30} got {got}")
                print(f"       ...{context}...")
        rate = linked / len(occs) if occs else 1.0
        print(f"{document.id:24} {len(occs):11d} {linked:7d} {rate:7.1%} {places:7d}")
        total_found += len(occs)
        total_linked += linked
        total_places += places
    rate = total_linked / total_found if total_found else 1.0
    print(f"{'overall':24} {total_found:11d} {total_linked:7d} {rate:7.1%} {total_places:7d}")
    if total_found > total_places:
        rate = total_linked / (total_found - total_places)
        print(f"rate without the capitals left out as places: {rate:.1%}")
    if duplicates:
        print("gold actors linked to another id somewhere (possible duplicates):")
        for name, other in sorted(duplicates.items()):
            print(f"  {name}: {', '.join(sorted(other))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=REPO / "sources")
    parser.add_argument(
        "--gold", type=Path, default=REPO / "tests/fixtures/gold/articles_gold.jsonl"
    )
    parser.add_argument("--misses", action="store_true", help="print every unlinked occurrence")
    args = parser.parse_args(argv)
    return measure(args.sources, args.gold, args.misses)


if __name__ == "__main__":
    sys.exit(main())
