"""The kg command line: thin click commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KGError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
EXIT_SKIPPED = 3


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def main() -> None:
    """kg: build a cited geopolitical knowledge graph from news articles.

    \b
    kg build sources/ -o out/      build the graph of a folder of articles
    kg eval GOLD out/claims.jsonl  score the claims against a gold file
    kg actors out/                 list the actors of a built graph
    kg query out/graph.ttl Q.rq    run a SPARQL query over the graph
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Folder to write the graph files into.",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME_OR_PATH",
    help="spaCy pipeline to use instead of kg's own (e.g. en_core_web_trf, a folder, or 'blank').",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=20_000_000,
    show_default=True,
    help="Skip files larger than this.",
)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for the NLP pass (same output for any number).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Reuse analyses of unchanged documents from this folder (incremental rebuilds).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--json-summary", is_flag=True, help="Print the closing summary as JSON.")
def build(
    sources: tuple[Path, ...],
    out_dir: Path,
    model: str | None,
    max_bytes: int,
    workers: int,
    cache_dir: Path | None,
    quiet: bool,
    json_summary: bool,
) -> None:
    """Build the graph of SOURCES (files or folders of .md, .txt, .html, .jsonl).

    Writes claims.jsonl, actors.json, documents.json, graph.ttl, graph.graphml and
    graph.html into OUT. Files that cannot be read are skipped and reported; the exit
    status is 3 when anything was skipped, 0 otherwise.
    """
    from kg.build import build_graph, write_outputs
    from kg.documents import LoadOptions, Skipped

    files = _count_files(sources)
    show = not quiet and files > 1 and sys.stderr.isatty()
    try:
        with (
            click.progressbar(length=files, label="Reading", file=sys.stderr, show_pos=True)
            if show
            else _NoBar() as bar
        ):

            def progress(item) -> None:
                bar.update(1)
                if isinstance(item, Skipped) and not show and not quiet:
                    click.echo(f"skipped {item.path}: {item.reason}", err=True)

            result = build_graph(
                sources,
                model=model,
                options=LoadOptions(max_bytes=max_bytes),
                progress=progress,
                workers=workers,
                cache_dir=cache_dir,
            )
        if result.documents:
            write_outputs(result.graph, out_dir)
    except KGError as exc:
        raise _fail(exc) from None
    summary = result.summary()
    if json_summary:
        click.echo(json.dumps(summary, indent=1))
    else:
        click.echo(
            f"Read {summary['documents_read']} documents ({summary['words']:,} words) in "
            f"{summary['seconds']} s: {summary['claims']} claims about "
            f"{summary['actors']} actors ({summary['actors_mentioned']} actors mentioned)."
        )
        if result.documents:
            click.echo(f"Wrote {out_dir}/: claims.jsonl, graph.ttl, graph.html, graph.graphml")
        if result.skipped:
            click.echo(f"Skipped {len(result.skipped)}:", err=True)
            for item in result.skipped:
                click.echo(f"  {item.path}: {item.reason}", err=True)
    if not result.documents:
        raise click.ClickException("no document could be read, nothing was written")
    if result.skipped:
        sys.exit(EXIT_SKIPPED)


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _count_files(sources: tuple[Path, ...]) -> int:
    total = 0
    for source in sources:
        if source.is_dir():
            total += sum(1 for p in source.rglob("*") if p.is_file())
        else:
            total += 1
    return total


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("claims", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--show-errors", is_flag=True, help="List misses and false alarms.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: Path, claims: Path, show_errors: bool, as_json: bool) -> None:
    """Score CLAIMS (a claims.jsonl) against GOLD (the format of the bundled gold file).

    Reports precision, recall and F1 per predicate, for the core and extended predicate
    sets, hedge agreement, negated claims emitted as positive, and citation accuracy.
    """
    from kg.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, claims)
    except KGError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo(format_report(report, show_errors=show_errors))


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--type", "actor_type", default=None, help="Only actors of this type (e.g. State).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def actors(out_dir: Path, actor_type: str | None, as_json: bool) -> None:
    """List the actors of a built graph: type, ids, mention count and surface forms."""
    from kg.graph import KnowledgeGraph

    try:
        graph = KnowledgeGraph.load(out_dir)
    except KGError as exc:
        raise _fail(exc) from None
    records = [r for r in graph.actors.values() if actor_type is None or r.actor.type == actor_type]
    records.sort(key=lambda r: (-r.mentions, r.actor.id))
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1))
        return
    click.echo(
        f"{'id':32} {'type':12} {'wikidata':10} {'iso3':4} {'mentions':>8} {'docs':>4}  forms"
    )
    for r in records:
        a = r.actor
        click.echo(
            f"{a.id:32} {a.type:12} {a.wikidata or '-':10} {a.iso3 or '-':4} {r.mentions:>8} "
            f"{len(r.documents):>4}  {', '.join(sorted(r.forms))}"
        )


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("query")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Keep a persistent oxigraph store in this folder (loaded once, reused).",
)
def query(graph: Path, query: str, fmt: str, store_dir: Path | None) -> None:
    """Run a SPARQL QUERY over GRAPH (an RDF file such as out/graph.ttl, or a built out/ folder).

    QUERY is a query string, a .rq file, or the name of a shipped query in
    ontology/queries/ (accusations, denials, members, leaders, corroborated).
    """
    from kg.store import format_result, run_query

    if graph.is_dir():
        graph = graph / "graph.ttl"
        if not graph.exists():
            raise click.ClickException(
                f"{graph} not found: run 'kg build SOURCES -o {graph.parent}'"
            )
    try:
        result = run_query(graph, query, store_dir=store_dir)
    except KGError as exc:
        raise _fail(exc) from None
    click.echo(format_result(result, fmt), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
