"""Building a graph: documents -> spaCy -> claims -> KnowledgeGraph -> output files."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.actors import Actor
from kg.claims import Claim, link_denials, relations_to_claims
from kg.documents import Document, LoadOptions, Skipped, iter_documents
from kg.graph import ActorRecord, KnowledgeGraph
from kg.text import prepare

OUTPUT_FILES = (
    "claims.jsonl",
    "actors.json",
    "documents.json",
    "graph.ttl",
    "graph.graphml",
    "graph.html",
)


@dataclass
class DocumentResult:
    """What the NLP pass found in one document (picklable, spaCy-free)."""

    document: Document
    claims: list[Claim]
    mentions: list[tuple[str, str]]  # (actor id, surface form in the stored text)
    actors: dict[str, Actor]
    words: int
    contexts: dict[str, list[str]] = field(default_factory=dict)  # claim id -> [prefix, suffix]


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    skipped: list[Skipped] = field(default_factory=list)
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0

    def summary(self) -> dict[str, object]:
        return {
            "documents_read": self.documents,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "claims": len(self.graph.claims),
            "actors": len(self.graph.graph_actors()),
            "actors_mentioned": len(self.graph.actors),
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "cache": {"hits": self.cache_hits, "misses": self.cache_misses},
        }


# Documents per nlp.pipe batch: the network layers run on whole batches; 16 ran about 15%
# slower than 32 on the 2-core reference machine (docs/performance.md).
BATCH_SIZE = 32
CHUNK_BATCHES = 8  # nlp.pipe batches per analysis call in one process


class Analyzer:
    """Runs the kg spaCy pipeline over documents and turns the results into claims."""

    def __init__(self, model: str | Path | None = None, *, batch_size: int = BATCH_SIZE):
        from kg.nlp.pipeline import load_nlp

        self.nlp = load_nlp(model)
        self.batch_size = batch_size
        gazetteer_words = self.nlp.get_pipe("kg_linker").gazetteer.words()
        self.lexicon = frozenset(gazetteer_words)

    def analyse(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        def views() -> Iterator[tuple[str, tuple[Document, object]]]:
            for document in documents:
                view = prepare(document.text, self.lexicon)
                yield view.text, (document, view)

        for doc, (document, view) in self.nlp.pipe(
            views(), as_tuples=True, batch_size=self.batch_size
        ):
            actors = dict(doc._.kg_actors or {})
            claims = relations_to_claims(document, view, doc._.kg_relations or [], actors)
            mentions = []
            for mention in doc._.kg_mentions or []:
                start, end = view.to_source(mention.start, mention.end)
                mentions.append((mention.actor, document.text[start:end]))
            flags = doc.to_array(["IS_SPACE", "IS_PUNCT"])
            words = int(len(doc) - (flags.sum(axis=1) > 0).sum()) if len(doc) else 0
            yield DocumentResult(
                document, claims, mentions, actors, words, quote_contexts(document.text, claims)
            )


QUOTE_CONTEXT = 32  # characters kept before and after each quote (W3C oa:prefix / oa:suffix)


def quote_contexts(text: str, claims: list[Claim]) -> dict[str, list[str]]:
    """The text just before and after each claim's sentence, so that exports can cite the
    quote with a W3C TextQuoteSelector without keeping the document text."""
    return {
        c.id: [text[max(0, c.start - QUOTE_CONTEXT) : c.start], text[c.end : c.end + QUOTE_CONTEXT]]
        for c in claims
    }


def build_graph(
    paths: Iterable[str | Path],
    *,
    model: str | Path | None = None,
    options: LoadOptions | None = None,
    progress: Callable[[Document | Skipped], None] | None = None,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    cache_dir: str | Path | None = None,
    batch_size: int = BATCH_SIZE,
) -> BuildResult:
    """Read, analyse and link every document under ``paths``; nothing is written.

    Documents stream through in batches: no stage holds the corpus text. With
    ``cache_dir``, each document's analysis is stored under a key made of its content and
    the pipeline version, and unchanged documents are not analysed again. With
    ``workers > 1`` the NLP pass runs in that many processes; the output is the same.
    """
    started = time.perf_counter()
    skipped: list[Skipped] = []
    cache = None
    if cache_dir is not None:
        from kg.cache import AnalysisCache
        from kg.nlp.pipeline import pipeline_version

        cache = AnalysisCache(cache_dir, pipeline_version(model))

    def documents() -> Iterator[Document]:
        for item in iter_documents(paths, options):
            if isinstance(item, Skipped):
                skipped.append(item)
                if progress:
                    progress(item)
                continue
            yield item

    claims: list[Claim] = []
    records: dict[str, ActorRecord] = {}
    doc_meta: dict[str, dict] = {}
    words = 0
    results = _analyse(documents(), model, analyzer, workers, cache, batch_size)
    for result in results:
        document = result.document
        doc_meta[document.id] = {
            "id": document.id,
            **document.source,
            "author": document.author,
            "contexts": result.contexts,
        }
        claims.extend(result.claims)
        words += result.words
        for actor_id, form in result.mentions:
            record = records.get(actor_id)
            if record is None:
                record = records[actor_id] = ActorRecord(result.actors[actor_id])
            record.mentions += 1
            record.forms.add(form)
            record.documents.add(document.id)
        for claim in result.claims:
            for actor in (claim.subject, claim.object, claim.attributed_to):
                if actor is not None and actor.id not in records:
                    records[actor.id] = ActorRecord(actor, documents={document.id})
        if progress:
            progress(document)
    graph = KnowledgeGraph(link_denials(claims), records, doc_meta)
    result = BuildResult(graph, skipped, len(doc_meta), words, time.perf_counter() - started)
    if cache is not None:
        result.cache_hits, result.cache_misses = cache.hits, cache.misses
    return result


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyse(
    documents: Iterable[Document],
    model: str | Path | None,
    analyzer: Analyzer | None,
    workers: int,
    cache,
    batch_size: int,
) -> Iterator[DocumentResult]:
    """Results in input order, from the cache where possible, else from the NLP pass."""

    def split(batch: list[Document]) -> tuple[list[DocumentResult | None], list[Document]]:
        found = [cache.get(d) if cache is not None else None for d in batch]
        return found, [d for d, r in zip(batch, found, strict=True) if r is None]

    def merge(found: list[DocumentResult | None], fresh: list[DocumentResult]):
        fresh_iter = iter(fresh)
        for item in found:
            if item is None:
                item = next(fresh_iter)
                if cache is not None:
                    cache.put(item)
            yield item

    if workers <= 1:
        local: Analyzer | None = analyzer
        # several nlp.pipe batches per call: fewer pipeline set-ups, memory still bounded
        for batch in _batches(documents, batch_size * CHUNK_BATCHES):
            found, todo = split(batch)
            if todo and local is None:
                local = Analyzer(model, batch_size=batch_size)
            fresh = list(local.analyse(todo)) if todo else []
            yield from merge(found, fresh)
        return

    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(model, batch_size)
    ) as pool:
        pending: deque = deque()
        for batch in _batches(documents, batch_size):
            found, todo = split(batch)
            pending.append((found, pool.submit(_worker_analyse, todo) if todo else None))
            while len(pending) > 2 * workers:
                found, future = pending.popleft()
                yield from merge(found, future.result() if future else [])
        while pending:
            found, future = pending.popleft()
            yield from merge(found, future.result() if future else [])


_WORKER: Analyzer | None = None


def _init_worker(model: str | Path | None, batch_size: int) -> None:
    global _WORKER
    _WORKER = Analyzer(model, batch_size=batch_size)


def _worker_analyse(documents: list[Document]) -> list[DocumentResult]:
    assert _WORKER is not None
    return list(_WORKER.analyse(documents))


def write_outputs(graph: KnowledgeGraph, out_dir: str | Path) -> list[Path]:
    """Write every output file of a graph into ``out_dir`` (created if missing)."""
    from kg.export.graphml import write_graphml
    from kg.export.html import write_html
    from kg.export.jsonl import write_actors_json, write_claims_jsonl, write_documents_json
    from kg.export.rdf import write_rdf

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_claims_jsonl(graph, out / "claims.jsonl")
    write_actors_json(graph, out / "actors.json")
    write_documents_json(graph, out / "documents.json")
    write_rdf(graph, out / "graph.ttl")
    write_graphml(graph, out / "graph.graphml")
    write_html(graph, out / "graph.html")
    return [out / name for name in OUTPUT_FILES]


def build_corpus(paths: Iterable[str | Path], out_dir: str | Path, **kwargs) -> BuildResult:
    """Build the graph of ``paths`` and write it into ``out_dir``."""
    result = build_graph(paths, **kwargs)
    write_outputs(result.graph, out_dir)
    return result
