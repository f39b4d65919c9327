"""The exported Turtle in real SPARQL servers: oxigraph server and Virtuoso, over HTTP.

Each server is started from a temporary directory on a free local port, the Turtle of the
hand-built corpus is PUT into a named graph with the SPARQL 1.1 Graph Store protocol, and
every shipped query must return the rows ``test_store.EXPECTED`` lists.

The servers come from ``scripts/ci_install_stores.sh``: ``oxigraph`` (PyPI package, same
version as pyoxigraph) and ``virtuoso-t`` (Debian ``virtuoso-opensource``). Without them
these tests skip, except under ``CI=true`` where a missing server is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_rdf import sample_graph
from test_store import EXPECTED, project

from kg.export.rdf import iter_quads, write_rdf
from kg.store import QueryResult, read_query, run_query

GRAPH = "https://w3id.org/kg-news/graph/test"
SPARQL_JSON = "application/sparql-results+json"
START_TIMEOUT = 60.0


def require(binary: str) -> str:
    """The path of ``binary``: skip without it, or fail under CI=true."""
    found = shutil.which(binary)
    beside_python = Path(sys.executable).parent / binary
    if found is None and beside_python.is_file():
        found = str(beside_python)
    if found is None:
        message = f"{binary} is not installed: run scripts/ci_install_stores.sh"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Endpoint:
    """A running server: where to query, and how to PUT a graph (SPARQL Graph Store)."""

    name: str
    query_url: str
    store_url: str  # graph store endpoint, "?graph=" or "?graph-uri=" appended
    graph_param: str
    opener: urllib.request.OpenerDirector

    def put(self, graph: str, turtle: bytes) -> None:
        url = f"{self.store_url}?{self.graph_param}={urllib.parse.quote(graph, safe='')}"
        request = urllib.request.Request(
            url, data=turtle, method="PUT", headers={"Content-Type": "text/turtle"}
        )
        with self.opener.open(request, timeout=120) as response:
            assert response.status in (200, 201, 204), response.status

    def query(self, text: str, graph: str = GRAPH) -> QueryResult:
        """POST a query (form-encoded) over one named graph; read SPARQL JSON results."""
        body = urllib.parse.urlencode({"query": text, "default-graph-uri": graph}).encode()
        request = urllib.request.Request(
            self.query_url,
            data=body,
            headers={
                "Accept": SPARQL_JSON,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        with self.opener.open(request, timeout=60) as response:
            return QueryResult.from_sparql_json(json.loads(response.read().decode("utf-8")))


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"server at {url} not up after {START_TIMEOUT:.0f} s: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def turtle(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("export") / "graph.ttl"
    write_rdf(sample_graph(), path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory, turtle) -> Iterator[Endpoint]:
    binary = require("oxigraph")
    root = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = root / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "-l", str(root / "db"), "-b", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/query?query=ASK%7B%7D", process, log)
        endpoint = Endpoint(
            "oxigraph", f"{base}/query", f"{base}/store", "graph", urllib.request.build_opener()
        )
        endpoint.put(GRAPH, turtle)
        yield endpoint
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {root}/virtuoso.db
ErrorLogFile = {root}/virtuoso.log
LockFile = {root}/virtuoso.lck
TransactionFile = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {root}/virtuoso-temp.db
TransactionFile = {root}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {root}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 1

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}
ServerThreads = 4
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, turtle) -> Iterator[Endpoint]:
    binary = require("virtuoso-t")
    root = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(root=root, sql_port=free_port(), http_port=http_port),
        encoding="utf-8",
    )
    log = root / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_until_up(f"{base}/sparql?query=ASK%7B%7D", process, log)
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, base, "dba", "dba")
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
        endpoint = Endpoint(
            "virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", "graph-uri", opener
        )
        endpoint.put(GRAPH, turtle)
        yield endpoint
    finally:
        stop(process)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def endpoint(request) -> Endpoint:
    return request.getfixturevalue(request.param)


@pytest.mark.store
def test_the_whole_graph_is_loaded(endpoint):
    local = sample_graph()
    count = endpoint.query(
        "PREFIX kgo: <https://w3id.org/kg-news/ontology#> "
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kgo:Claim }"
    )
    assert count.values() == [(str(len(local.claims)),)]
    triples = endpoint.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    expected = sum(1 for _ in iter_quads(local))
    assert triples.values() == [(str(expected),)]


@pytest.mark.store
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shipped_query_returns_the_expected_rows(endpoint, name):
    columns, rows = EXPECTED[name]
    result = endpoint.query(read_query(name))
    assert set(columns) <= set(result.variables)
    assert project(result, columns) == rows, endpoint.name


@pytest.mark.parametrize(
    "ci, outcome",
    [
        ("true", pytest.fail.Exception),
        ("", pytest.skip.Exception),
        ("false", pytest.skip.Exception),
    ],
)
def test_a_missing_server_fails_under_ci_and_skips_elsewhere(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="kg-no-such-server is not installed"):
        require("kg-no-such-server")


CORPUS_GRAPH = "https://w3id.org/kg-news/graph/bundled-corpus"


@pytest.mark.store
@pytest.mark.model
def test_bundled_corpus_gives_the_same_rows_in_every_store(built_corpus, endpoint):
    """The real export: each shipped query's rows over HTTP equal the embedded store's."""
    out, _ = built_corpus
    graph = out / "graph.ttl"
    endpoint.put(CORPUS_GRAPH, graph.read_bytes())
    for name in EXPECTED:
        local = run_query(graph, name)
        remote = endpoint.query(read_query(name), CORPUS_GRAPH)
        assert remote.variables == local.variables, name
        assert local.rows, f"{name} finds nothing in the bundled corpus"
        assert comparable(remote, local) == local.values(), f"{name} differs in {endpoint.name}"


XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def comparable(remote: QueryResult, local: QueryResult) -> list[tuple[str | None, ...]]:
    """Remote values, with Virtuoso's booleans (it stores xsd:boolean as 0/1) read back."""
    booleans = {
        i
        for row in local.rows
        for i, term in enumerate(row)
        if term is not None and term.datatype == XSD_BOOLEAN
    }
    out = []
    for row in remote.values():
        out.append(
            tuple(
                {"0": "false", "1": "true"}.get(v, v) if i in booleans else v
                for i, v in enumerate(row)
            )
        )
    return out
