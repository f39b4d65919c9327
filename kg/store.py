"""SPARQL over exported graphs with pyoxigraph (embedded, no server).

:func:`run_query` loads one or more RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD,
RDF/XML: the format follows the file extension) into an in-memory store, or into a persistent
store directory that is bulk-loaded once and reused while the files do not change, and runs a
query. Named graphs (TriG) are queried as one default graph. :func:`format_result` renders
the result as an aligned table, SPARQL 1.1 CSV or SPARQL 1.1 JSON.

Queries may use the prefixes of :data:`QUERY_PREFIXES` without declaring them; the shipped
queries in ``ontology/queries/`` declare theirs so they run on any SPARQL store.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError
from kg.export.rdf import VOCAB_PREFIXES
from kg.namespace import DEFAULT_BASE

QUERY_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"
QUERY_PREFIXES = dict(VOCAB_PREFIXES)
# Prefixes shown in tables: vocabularies and the default data namespaces.
TABLE_PREFIXES = {
    **VOCAB_PREFIXES,
    "claim": f"{DEFAULT_BASE}claim/",
    "doc": f"{DEFAULT_BASE}doc/",
    "actor": f"{DEFAULT_BASE}actor/",
}
RESULT_FORMATS = ("table", "csv", "json")
MANIFEST = "kg-store.json"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_GRAPH_VARIABLES = ("subject", "predicate", "object")


class QueryError(KGError):
    """A query or a graph file cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Term:
    """An RDF term of a result, as SPARQL results formats describe it.

    ``type`` is "uri", "literal" or "bnode"; ``datatype`` is None for plain strings.
    """

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


@dataclass
class QueryResult:
    """Rows of a SELECT, the answer of an ASK, or the triples of a CONSTRUCT/DESCRIBE.

    CONSTRUCT and DESCRIBE results are rows of the variables subject, predicate, object.
    """

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as plain strings (IRIs, lexical forms), None where a variable is unbound."""
        return [tuple(None if t is None else t.value for t in row) for row in self.rows]

    def dicts(self) -> list[dict[str, str]]:
        """Rows as {variable: value} with unbound variables left out."""
        return [
            {v: t.value for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]

    def to_sparql_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = []
        for row in self.rows:
            binding = {}
            for var, term in zip(self.variables, row, strict=True):
                if term is None:
                    continue
                item = {"type": term.type, "value": term.value}
                if term.lang:
                    item["xml:lang"] = term.lang
                elif term.datatype:
                    item["datatype"] = term.datatype
                binding[var] = item
            bindings.append(binding)
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    @classmethod
    def from_sparql_json(cls, data: dict) -> QueryResult:
        """Read a SPARQL 1.1 JSON results document (as any SPARQL endpoint returns it)."""
        if "boolean" in data:
            return cls("ask", boolean=bool(data["boolean"]))
        variables = list(data.get("head", {}).get("vars", []))
        rows = []
        for binding in data.get("results", {}).get("bindings", []):
            row = []
            for var in variables:
                item = binding.get(var)
                if item is None:
                    row.append(None)
                    continue
                kind = item["type"]
                if kind == "typed-literal":  # SPARQL XML-era name some stores still use
                    kind = "literal"
                datatype = item.get("datatype")
                if datatype in (_XSD_STRING, _RDF_LANG_STRING):
                    datatype = None
                row.append(Term(kind, item["value"], datatype, item.get("xml:lang")))
            rows.append(tuple(row))
        return cls("select", variables, rows)


# -- queries --------------------------------------------------------------------------------


def shipped_queries() -> dict[str, Path]:
    """The example queries of ``ontology/queries/``, by name (file stem)."""
    return {path.stem: path for path in sorted(QUERY_DIR.glob("*.rq"))}


def read_query(arg: str | Path) -> str:
    """The text of a query given as a string, a ``.rq`` file or a shipped query's name.

    >>> read_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> read_query("leaders").lstrip().startswith("#")
    True
    """
    if isinstance(arg, Path):
        return _read_file(arg)
    text = arg.strip()
    if not text:
        raise QueryError("the query is empty: give a SPARQL query, a .rq file or a query name")
    if "\n" not in text and len(text) < 1024:
        shipped = shipped_queries()
        if text in shipped:
            return _read_file(shipped[text])
        candidate = Path(text).expanduser()
        if candidate.suffix.lower() in (".rq", ".sparql") or _is_file(candidate):
            return _read_file(candidate)
    return arg


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a one-line query longer than a file name may be
        return False


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        names = ", ".join(shipped_queries())
        raise QueryError(
            f"query file {path} not found: give a SPARQL query, a .rq file or one of: {names}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from None


# -- running --------------------------------------------------------------------------------


def run_query(
    graph_path: Path | str | Sequence[Path | str],
    query: str | Path,
    *,
    store_dir: Path | str | None = None,
) -> QueryResult:
    """Run ``query`` (text, ``.rq`` file or shipped query name) over the RDF file(s).

    Without ``store_dir`` the files are loaded into memory for this one query. With it, they
    are bulk-loaded once into an on-disk store in that directory and later calls reuse it as
    long as the same files (same paths, sizes and modification times) are asked for.
    """
    paths = _graph_paths(graph_path)
    text = read_query(query)
    store = _open_store(paths, Path(store_dir) if store_dir is not None else None)
    try:
        answer = store.query(text, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL query: {exc}") from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    return _result(answer)


def _graph_paths(graph_path: Path | str | Sequence[Path | str]) -> list[Path]:
    items = [graph_path] if isinstance(graph_path, str | Path) else list(graph_path)
    if not items:
        raise QueryError("no graph file given")
    paths = []
    for item in items:
        path = Path(item).expanduser()
        if not path.is_file():
            raise QueryError(f"graph file {path} not found: run 'kg build SOURCES -o OUT' first")
        _format(path)
        paths.append(path.resolve())
    return paths


def _format(path: Path) -> ox.RdfFormat:
    suffix = path.suffix.lower().lstrip(".")
    fmt = ox.RdfFormat.from_extension({"json": "jsonld"}.get(suffix, suffix)) if suffix else None
    if fmt is None:
        raise QueryError(
            f"cannot tell the RDF format of {path}: use .ttl, .nt, .trig, .nq, .jsonld or .rdf"
        )
    return fmt


def _open_store(paths: list[Path], store_dir: Path | None) -> ox.Store:
    if store_dir is None:
        store = ox.Store()
        for path in paths:
            _load(store.load, path)
        return store
    manifest_path = store_dir / MANIFEST
    db = store_dir / "oxigraph"
    wanted = _manifest(paths)
    current = None
    if manifest_path.is_file():
        try:
            current = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            current = None
    if current == wanted and db.is_dir():
        try:
            return ox.Store(str(db))
        except OSError:
            # Another process holds the store: read it as it is.
            return ox.Store.read_only(str(db))
    store_dir.mkdir(parents=True, exist_ok=True)
    manifest_path.unlink(missing_ok=True)
    try:
        store = ox.Store(str(db))
    except OSError as exc:
        raise QueryError(f"cannot open the store in {store_dir}: {exc}") from None
    store.clear()
    for path in paths:
        _load(store.bulk_load, path)
    store.flush()
    tmp = manifest_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(wanted, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, manifest_path)
    return store


def _load(load, path: Path) -> None:
    try:
        load(path=str(path), format=_format(path))
    except SyntaxError as exc:
        raise QueryError(f"{path} is not valid RDF: {exc}") from None


def _manifest(paths: list[Path]) -> dict:
    files = []
    for path in paths:
        stat = path.stat()
        files.append({"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    return {"pyoxigraph": ox.__version__, "files": files}


def _result(answer: object) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [tuple(_term(solution[v]) for v in variables) for solution in answer]
        return QueryResult("select", variables, rows)
    rows = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in answer]
    return QueryResult("graph", list(_GRAPH_VARIABLES), rows)


def _term(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language or datatype == _XSD_STRING:
            datatype = None
        return Term("literal", term.value, datatype, term.language)
    return Term("literal", str(term))  # quoted triples (RDF-star) as their N-Triples text


# -- formatting -----------------------------------------------------------------------------


def format_result(
    result: QueryResult,
    fmt: str = "table",
    *,
    prefixes: dict[str, str] | None = None,
    max_width: int = 60,
) -> str:
    """Render ``result`` as "table" (aligned text), "csv" or "json" (SPARQL 1.1 formats).

    Tables shorten IRIs with ``prefixes`` (default :data:`TABLE_PREFIXES`) and cut cells
    longer than ``max_width``; CSV and JSON keep every value whole.
    """
    if fmt == "json":
        return json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)  # SPARQL 1.1 CSV: CRLF line ends, values only
        if result.kind == "ask":
            writer.writerow(["boolean"])
            writer.writerow(["true" if result.boolean else "false"])
        else:
            writer.writerow(result.variables)
            for row in result.rows:
                writer.writerow(["" if t is None else _csv_value(t) for t in row])
        return out.getvalue()
    if fmt != "table":
        raise ValueError(
            f"unknown result format {fmt!r}: choose one of {', '.join(RESULT_FORMATS)}"
        )
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    return _table(result, TABLE_PREFIXES if prefixes is None else prefixes, max_width)


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if term.type == "bnode" else term.value


def _table(result: QueryResult, prefixes: dict[str, str], max_width: int) -> str:
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def cell(term: Term | None) -> str:
        if term is None:
            return ""
        if term.type == "uri":
            text = term.value
            for prefix, namespace in ordered:
                if text.startswith(namespace) and len(text) > len(namespace):
                    text = f"{prefix}:{text[len(namespace) :]}"
                    break
        elif term.type == "bnode":
            text = f"_:{term.value}"
        else:
            text = " ".join(term.value.split())
        if len(text) > max_width:
            text = text[: max_width - 1] + "…"
        return text

    header = list(result.variables)
    body = [[cell(t) for t in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    count = len(body)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"
