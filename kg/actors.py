"""The actor gazetteer: canonical actors and the surface forms that name them.

Reads ``ontology/actors.yaml`` (built by ``scripts/build_actors.py``, format in
``ontology/ACTORS.md``). No spaCy here: the linker in :mod:`kg.nlp.actors` turns the
gazetteer into span-ruler patterns.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import KGError

ACTOR_TYPES = ("State", "IGO", "ArmedGroup", "Person", "Party", "Organization", "Media")
# actor ids start with the prefix of their type: "state:RUS", "person:vladimir-putin"
ID_PREFIX = {
    "State": "state:",
    "IGO": "igo:",
    "ArmedGroup": "armedgroup:",
    "Person": "person:",
    "Party": "party:",
    "Organization": "org:",
    "Media": "media:",
}
# The form of a name decides when a mention of it stands for the actor.
FORM_NAME = "name"
FORM_ABBREVIATION = "abbreviation"
FORM_DEMONYM = "demonym"
FORM_METONYM = "metonym"
FORM_SHORT = "short"


def ontology_dir() -> Path:
    """The ``ontology/`` folder (``KG_ONTOLOGY_DIR`` overrides it)."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a node of the graph."""

    id: str
    label: str
    type: str
    wikidata: str | None = None
    iso3: str | None = None
    country: str | None = None

    def ref(self) -> dict[str, str]:
        """The ``{id, label, type}`` form written into claims."""
        return {"id": self.id, "label": self.label, "type": self.type}


@dataclass(frozen=True)
class Role:
    role: str
    of: str
    kind: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Entry:
    """An actor with its surface forms, as the gazetteer gives it."""

    actor: Actor
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous: frozenset[str] = frozenset()
    roles: tuple[Role, ...] = ()

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        for form, values in self.forms.items():
            for value in values:
                yield form, value


class Gazetteer:
    """Actors by id, and the entries whose surface forms the linker matches."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.actor.id: e for e in entries}
        self._by_form: dict[str, list[tuple[str, str]]] = {}
        for entry in entries:
            for form, value in entry.surface_forms():
                self._by_form.setdefault(value, []).append((entry.actor.id, form))

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def actor(self, actor_id: str) -> Actor:
        return self.entries[actor_id].actor

    def lookup(self, text: str) -> list[tuple[str, str]]:
        """(actor id, form) pairs whose surface form is exactly ``text``."""
        return self._by_form.get(text, [])

    def words(self) -> set[str]:
        """Lower-case words of every surface form (used to repair split words)."""
        words: set[str] = set()
        for value in self._by_form:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", value))
        return words

    @classmethod
    def from_yaml(cls, path: Path) -> Gazetteer:
        """Read a gazetteer file. Parsing the YAML of the shipped gazetteer (1 MB) takes about
        a second, so its data is also kept as JSON in kg's cache directory (see
        :func:`cache_home`), under the SHA-256 of the file's bytes: a changed file is parsed
        again, and an unwritable cache only costs the parse."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KGError(
                f"actor gazetteer {path} not found: run 'make actors' or set KG_ONTOLOGY_DIR"
            ) from None
        data = _cached_yaml(raw)
        return cls([_entry(item) for item in data.get("actors", [])])


_CACHE_FORMAT = "1"


def cache_home() -> Path:
    """kg's cache directory: ``$KG_CACHE_HOME``, else ``$XDG_CACHE_HOME/kg``, else
    ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_HOME"):
        return Path(os.environ["KG_CACHE_HOME"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def _cached_yaml(raw: bytes) -> dict:
    """``yaml.safe_load(raw)``, through a JSON copy in :func:`cache_home` keyed by content."""
    digest = hashlib.sha256(raw).hexdigest()
    cached = cache_home() / f"gazetteer-{_CACHE_FORMAT}-{digest[:40]}.json"
    try:
        data = json.loads(cached.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    if not isinstance(data, dict):
        raise KGError("actor gazetteer: expected a mapping with an 'actors' list")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: parse every time
    return data


def _entry(item: dict) -> Entry:
    actor = Actor(
        id=item["id"],
        label=item["label"],
        type=item["type"],
        wikidata=item.get("wikidata"),
        iso3=item.get("iso3"),
        country=item.get("country"),
    )
    forms: dict[str, tuple[str, ...]] = {}
    for form, key in (
        (FORM_NAME, "names"),
        (FORM_ABBREVIATION, "abbreviations"),
        (FORM_DEMONYM, "demonyms"),
        (FORM_METONYM, "metonyms"),
        (FORM_SHORT, "short"),
    ):
        values = tuple(v for v in item.get(key, []) or [] if isinstance(v, str) and v.strip())
        if form == FORM_NAME and item["label"] not in values:
            values = (item["label"], *values)
        if values:
            forms[form] = values
    roles = tuple(
        Role(
            role=r.get("role", ""),
            of=r.get("of", ""),
            kind=r.get("kind"),
            since=_str(r.get("since")),
            until=_str(r.get("until")),
        )
        for r in item.get("roles", []) or []
        if r.get("of")
    )
    return Entry(actor, forms, frozenset(item.get("ambiguous", []) or []), roles)


def _str(value: object) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: ``ontology/actors.yaml``), cached."""
    return Gazetteer.from_yaml(Path(path) if path else ontology_dir() / "actors.yaml")


def slugify(text: str) -> str:
    """ASCII slug used in ids of actors outside the gazetteer: "Sadyr Japarov" -> "sadyr-japarov"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def new_actor(label: str, actor_type: str) -> Actor:
    """An actor outside the gazetteer, with an id made from its full name."""
    prefix = ID_PREFIX.get(actor_type, actor_type.lower() + ":")
    return Actor(id=f"{prefix}{slugify(label)}", label=label, type=actor_type)
