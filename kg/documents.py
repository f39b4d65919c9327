"""Documents and their loaders.

A :class:`Document` is the stored text of one news article plus its metadata. Loaders
read ``.md``/``.txt`` (optional YAML front matter), ``.html`` (main text extracted with
trafilatura), ``.jsonl`` (one document per line) and folders (recursively, sorted).

Loading never raises for a bad file: :func:`iter_documents` yields a :class:`Skipped`
record saying what is wrong and what to do, and goes on with the rest of the corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import DocumentError

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000
METADATA_KEYS = ("title", "publisher", "author", "date", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)
_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Document:
    """One news article: its stored text (citations point into it) and metadata."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def source(self) -> dict[str, str | None]:
        """The citation metadata written with every claim."""
        return {
            "path": self.path,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "date": self.date,
        }

    @property
    def checksum(self) -> str:
        """SHA-256 of the text and metadata: the cache key of this document's analysis."""
        payload = json.dumps([self.id, self.text, self.source, self.author], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not read, and why."""

    path: str
    reason: str


@dataclass
class LoadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    skip_names: frozenset[str] = field(default_factory=lambda: frozenset({"readme.md"}))


def iter_documents(
    paths: Iterable[str | Path], options: LoadOptions | None = None
) -> Iterator[Document | Skipped]:
    """Yield the documents under ``paths`` in a stable order, and a Skipped for each bad one.

    Folders are walked recursively in sorted order; hidden files, ``README.md`` files and
    files of unsupported types inside folders are ignored (unsupported types are reported).
    Document ids are file stems (``sources/000_x.md`` -> ``000_x``); a stem seen twice gets
    a suffix from a hash of its path, so ids stay unique and stable.
    """
    options = options or LoadOptions()
    seen_ids: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Skipped(str(path), "no such file or folder: check the path")
            continue
        files = _walk(path, options) if path.is_dir() else [(path, True)]
        for file, explicit in files:
            if file.suffix.lower() not in SUPPORTED_SUFFIXES:
                if explicit or not file.name.startswith("."):
                    yield Skipped(
                        str(file),
                        f"unsupported file type {file.suffix or '(none)'!r}: "
                        "kg reads .md, .txt, .html and .jsonl",
                    )
                continue
            for item in _load_file(file, options):
                if isinstance(item, Document):
                    item = _unique(item, seen_ids)
                yield item


def load_documents(
    paths: Iterable[str | Path], options: LoadOptions | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read everything under ``paths``: (documents, skipped)."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in iter_documents(paths, options):
        (docs if isinstance(item, Document) else skipped).append(item)
    return docs, skipped


def parse_text(text: str, *, doc_id: str, path: str | None = None) -> Document:
    """Build a Document from the content of a ``.md``/``.txt`` file (front matter optional)."""
    meta: dict[str, object] = {}
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            raise DocumentError(
                f"malformed front matter{where}: {getattr(exc, 'problem', exc)}; "
                "fix the YAML between the two '---' lines or remove it"
            ) from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise DocumentError(
                "malformed front matter: expected 'key: value' lines between the two '---' lines"
            )
        meta = loaded
        body = text[match.end() :]
    elif text.startswith("---\n") or text.startswith("---\r\n"):
        raise DocumentError(
            "malformed front matter: it opens with '---' but has no closing '---' line"
        )
    return _make_document(body, meta, doc_id=doc_id, path=path)


def _make_document(
    text: str, meta: dict[str, object], *, doc_id: str, path: str | None
) -> Document:
    if not text.strip():
        raise DocumentError("empty document: there is no text to read")
    values: dict[str, str | None] = {}
    for key in METADATA_KEYS:
        value = meta.get(key)
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        if value is not None and not isinstance(value, str | int | float):
            raise DocumentError(
                f"front matter field {key!r} must be text, not {type(value).__name__}"
            )
        values[key] = None if value is None or str(value).strip() == "" else str(value)
    if meta.get("id") is not None:
        doc_id = _clean_id(str(meta["id"]))
    return Document(id=doc_id, text=text, path=path, **values)


def _walk(folder: Path, options: LoadOptions) -> list[tuple[Path, bool]]:
    files = []
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if file.name.lower() in options.skip_names:
            continue
        files.append((file, False))
    return files


def _load_file(path: Path, options: LoadOptions) -> Iterator[Document | Skipped]:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise DocumentError(
                f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit: "
                "split it or raise --max-bytes"
            )
        raw = path.read_bytes()
    except DocumentError as exc:
        yield Skipped(str(path), str(exc))
        return
    except OSError as exc:
        yield Skipped(str(path), f"cannot read the file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _load_jsonl(path, raw)
        return
    try:
        text = decode(raw)
        if suffix in HTML_SUFFIXES:
            yield _load_html(text, doc_id=_clean_id(path.stem), path=str(path))
        else:
            yield parse_text(text, doc_id=_clean_id(path.stem), path=str(path))
    except DocumentError as exc:
        yield Skipped(str(path), str(exc))


def decode(raw: bytes) -> str:
    """Decode UTF-8 bytes, or raise a DocumentError saying what the file is and how to fix it."""
    if b"\x00" in raw[:8192]:
        raise DocumentError("binary file (it contains NUL bytes): give kg text, HTML or JSONL")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(raw)
        hint = (
            f"it looks like {guess}; convert it with: iconv -f {guess} -t UTF-8"
            if guess
            else ("convert it to UTF-8")
        )
        raise DocumentError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}): {hint}"
        ) from None
    return text.replace("\r\n", "\n")


def _guess_encoding(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:65536]).best()
    return best.encoding if best is not None else None


def _load_html(html: str, *, doc_id: str, path: str) -> Document:
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise DocumentError("no article text found in the HTML page")
    meta_obj = trafilatura.extract_metadata(html)
    meta: dict[str, object] = {}
    if meta_obj is not None:
        meta = {
            "title": meta_obj.title,
            "publisher": meta_obj.sitename,
            "author": meta_obj.author,
            "date": meta_obj.date,
            "url": meta_obj.url,
        }
    return _make_document(text, meta, doc_id=doc_id, path=path)


def _load_jsonl(path: Path, raw: bytes) -> Iterator[Document | Skipped]:
    try:
        content = decode(raw)
    except DocumentError as exc:
        yield Skipped(str(path), str(exc))
        return
    stem = _clean_id(path.stem)
    any_line = False
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"invalid JSON ({exc.msg}): one JSON object per line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Skipped(where, 'each line needs a JSON object with a "text" string')
            continue
        try:
            doc_id = _clean_id(str(record.get("id") or f"{stem}-{number}"))
            meta = {k: v for k, v in record.items() if k != "id"}
            yield _make_document(record["text"], meta, doc_id=doc_id, path=where)
        except DocumentError as exc:
            yield Skipped(where, str(exc))
    if not any_line:
        yield Skipped(str(path), "empty document: the JSONL file has no records")


def _clean_id(value: str) -> str:
    cleaned = _ID_CHARS.sub("-", value.strip()).strip("-")
    return cleaned or "doc"


def _unique(doc: Document, seen: set[str]) -> Document:
    doc_id = doc.id
    if doc_id in seen:
        digest = hashlib.sha1((doc.path or doc.text).encode("utf-8")).hexdigest()[:8]
        doc_id = f"{doc.id}-{digest}"
    seen.add(doc_id)
    if doc_id == doc.id:
        return doc
    return Document(
        doc_id, doc.text, doc.path, doc.title, doc.publisher, doc.author, doc.date, doc.url
    )
