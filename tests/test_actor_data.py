"""Checks on the committed actor gazetteer (ontology/actors.yaml).

Only the committed file is read; the single determinism test runs the builder and is
skipped when the reference data (../shared/reference) is absent, as in CI.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from kg.actors import ACTOR_TYPES, ID_PREFIX

REPO = Path(__file__).resolve().parent.parent
ACTORS = REPO / "ontology" / "actors.yaml"
REFERENCE = REPO.parent / "shared" / "reference"
TYPES = set(ACTOR_TYPES)
ALLOWED_KEYS = {
    "id",
    "label",
    "type",
    "names",
    "abbreviations",
    "short",
    "demonyms",
    "metonyms",
    "ambiguous",
    "iso2",
    "iso3",
    "wikidata",
    "cameo",
    "country",
    "roles",
    "sources",
}


@pytest.fixture(scope="module")
def doc():
    with open(ACTORS, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def by_id(doc):
    return {a["id"]: a for a in doc["actors"]}


def test_meta(doc):
    meta = doc["meta"]
    assert meta["generated_by"] == "scripts/build_actors.py"
    for src in ("mledoze-countries", "countryinfo", "supraverden-igos", "rigour-territories"):
        assert src in meta["sources"], src
        assert meta["sources"][src]["licence"]


def test_ids_unique_sorted_and_typed(doc):
    ids = [a["id"] for a in doc["actors"]]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    for a in doc["actors"]:
        assert set(a) <= ALLOWED_KEYS, (a["id"], set(a) - ALLOWED_KEYS)
        assert a["type"] in TYPES, a["id"]
        assert a["id"].startswith(ID_PREFIX[a["type"]]), a["id"]
        assert a["label"] and a["names"] and a["sources"], a["id"]
        if a["type"] != "State":
            assert re.fullmatch(r"[a-z]+:[a-z0-9-]+", a["id"]), a["id"]
        for key in ("abbreviations", "short", "demonyms", "metonyms", "ambiguous", "roles"):
            if key in a:
                assert a[key], f"{a['id']}: empty {key} should be omitted"


def test_ambiguous_is_subset(doc):
    for a in doc["actors"]:
        pool = set(a["names"]) | set(a.get("abbreviations", []))
        assert set(a.get("ambiguous", [])) <= pool, a["id"]


def test_states(doc):
    states = [a for a in doc["actors"] if a["type"] == "State"]
    assert len(states) >= 195
    with_iso = [a for a in states if "iso3" in a]
    assert len(with_iso) >= 195
    for a in with_iso:
        assert a["id"] == f"state:{a['iso3']}"
        assert re.fullmatch(r"[A-Z]{3}", a["iso3"])
        assert re.fullmatch(r"[A-Z]{2}", a["iso2"])
        assert re.fullmatch(r"Q\d+", a.get("wikidata", "")), a["id"]
    for key in ("demonyms", "metonyms", "iso2", "iso3"):
        for a in doc["actors"]:
            if a["type"] != "State":
                assert key not in a, (a["id"], key)


def test_russia(by_id):
    ru = by_id["state:RUS"]
    assert ru["wikidata"] == "Q159"
    assert ru["iso2"] == "RU" and ru["cameo"] == "RUS"
    assert {"the Kremlin", "Moscow", "official Moscow"} <= set(ru["metonyms"])
    assert "Russian Federation" in ru["names"]
    assert "Russian" in ru["demonyms"]


def test_central_asia(by_id):
    tj = by_id["state:TJK"]
    assert tj["wikidata"] == "Q863"
    assert {"Tajik", "Tajiks", "Tajikistani"} <= set(tj["demonyms"])
    assert {"Dushanbe", "official Dushanbe"} <= set(tj["metonyms"])
    kg = by_id["state:KGZ"]
    assert kg["wikidata"] == "Q813"
    assert "Kyrgyz" in kg["demonyms"] and "Bishkek" in kg["metonyms"]


def test_metonyms_seats(by_id):
    assert "the White House" in by_id["state:USA"]["metonyms"]
    assert "the Pentagon" in by_id["state:USA"]["metonyms"]
    assert "Downing Street" in by_id["state:GBR"]["metonyms"]
    assert {"Kyiv", "Kiev"} <= set(by_id["state:UKR"]["metonyms"])


def test_partially_recognised(by_id):
    labels = {a["label"] for a in by_id.values() if a["type"] == "State"}
    for name in ("Kosovo", "Taiwan", "Palestine", "Western Sahara", "Vatican City"):
        assert name in labels, name
    for name in ("Abkhazia", "South Ossetia", "Northern Cyprus", "Somaliland", "Transnistria"):
        assert any(name in a["names"] for a in by_id.values() if a["type"] == "State"), name


def test_igos(by_id):
    csto = by_id["igo:csto"]
    assert csto["wikidata"] == "Q318693"
    assert "CSTO" in csto["abbreviations"]
    assert "Collective Security Treaty Organisation" in csto["names"]
    assert by_id["igo:nato"]["wikidata"] == "Q7184"
    assert by_id["igo:un"]["wikidata"] == "Q1065"
    for aid in ("igo:brics", "igo:g7", "igo:g20", "igo:pace", "igo:eaeu"):
        assert by_id[aid]["type"] == "IGO", aid
        assert "wikidata" not in by_id[aid] or aid == "igo:eaeu"
    sco = [a for a in by_id.values() if "SCO" in a.get("abbreviations", [])]
    assert [a["wikidata"] for a in sco] == ["Q485207"]


def test_isis_k(by_id):
    a = by_id["armedgroup:isis-k"]
    assert a["type"] == "ArmedGroup"
    assert {"ISIS-K", "IS-K", "ISKP"} <= set(a["abbreviations"])
    for n in ("ISIS-Khorasan", "Islamic State Khorasan", "Islamic State Khorasan Province"):
        assert n in a["names"]
    assert "wikidata" not in a


def test_armed_groups(by_id):
    groups = [a for a in by_id.values() if a["type"] == "ArmedGroup"]
    names = {n for a in groups for n in a["names"] + a.get("abbreviations", [])}
    for n in ("Taliban", "Hamas", "Hezbollah", "al-Qaeda", "al-Shabaab", "Boko Haram", "PKK"):
        assert n in names, n
    for n in ("TTP", "HTS", "M23", "FSA", "Wagner Group", "Houthis", "Daesh", "ISIL"):
        assert n in names, n


def test_persons(by_id):
    rahmon = by_id["person:emomali-rahmon"]
    assert rahmon["country"] == "state:TJK"
    assert "Rahmon" in rahmon["short"]
    assert "Emomali Rakhmonov" in rahmon["names"]
    role = [r for r in rahmon["roles"] if r["kind"] == "chief_of_state" and r["until"] is None]
    assert role and role[0]["since"] == "1994-11-16"
    jap = by_id["person:sadyr-japarov"]
    assert jap["type"] == "Person"
    assert any(r["of"] == "state:KGZ" and r["kind"] == "chief_of_state" for r in jap["roles"])
    assert "Akylbek Japarov" not in jap["names"]
    assert "Volodymyr Zelenskyy" in by_id["person:volodymyr-zelenskyy"]["names"]
    assert "Putin" in by_id["person:vladimir-putin"]["short"]
    for a in by_id.values():
        if a["type"] == "Person":
            for r in a.get("roles", []):
                assert r["of"] in by_id, (a["id"], r["of"])
                assert r["kind"] in ("chief_of_state", "head_of_government")
                assert set(r) == {"role", "of", "kind", "since", "until", "source"}


def test_countries_resolve(by_id):
    for a in by_id.values():
        if "country" in a:
            assert by_id[a["country"]]["type"] == "State", a["id"]


def test_no_two_letter_lowercase_codes_or_flags(doc):
    for a in doc["actors"]:
        for key in ("names", "abbreviations", "demonyms", "metonyms", "short"):
            for n in a.get(key, []):
                assert not re.fullmatch(r"[a-z]{2}", n), (a["id"], n)
                assert not any(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in n), (a["id"], n)
                if key != "abbreviations":
                    assert not re.fullmatch(r"[A-Z]{2}", n) or a["type"] != "State", (a["id"], n)


def test_no_unmarked_collisions(doc):
    """A name or abbreviation used by two actors must be marked ambiguous on each."""
    owners = defaultdict(set)
    for a in doc["actors"]:
        for n in a["names"] + a.get("abbreviations", []):
            owners[n].add(a["id"])
    ambiguous = {a["id"]: set(a.get("ambiguous", [])) for a in doc["actors"]}
    bad = [
        (n, sorted(ids))
        for n, ids in owners.items()
        if len(ids) > 1 and any(n not in ambiguous[i] for i in ids)
    ]
    assert not bad, bad[:20]


def test_curated_media_and_parties(by_id):
    media = {a["label"] for a in by_id.values() if a["type"] == "Media"}
    assert {"Reuters", "TASS", "Meduza", "Radio Free Europe/Radio Liberty"} <= media
    assert "RFE/RL" in by_id["media:rfe-rl"]["abbreviations"]
    assert by_id["party:united-russia"]["country"] == "state:RUS"


@pytest.mark.skipif(
    not (REFERENCE / "README.md").exists(),
    reason="reference data ../shared/reference is not available (CI): determinism not checked",
)
def test_builder_is_deterministic(tmp_path):
    outs = []
    for i in range(2):
        out = tmp_path / f"actors{i}.yaml"
        subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "build_actors.py"),
                "--reference",
                str(REFERENCE),
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == ACTORS.read_bytes(), "ontology/actors.yaml is stale: run make actors"


# -- the parsed-gazetteer cache ----------------------------------------------------------------
GAZ_YAML = """actors:
- id: state:AAA
  label: Aland
  type: State
  names: [Aland, Republic of Aland]
  roles:
  - {role: member, of: "igo:x", since: 2001-05-07}
"""


def test_gazetteer_cache_gives_the_same_entries_and_follows_file_changes(tmp_path, monkeypatch):
    from kg.actors import Gazetteer

    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "actors.yaml"
    path.write_text(GAZ_YAML, encoding="utf-8")
    cold = Gazetteer.from_yaml(path)
    assert len(list((tmp_path / "cache").glob("gazetteer-*.json"))) == 1
    warm = Gazetteer.from_yaml(path)  # read from the JSON copy
    assert warm.entries == cold.entries
    (cached,) = (tmp_path / "cache").glob("gazetteer-*.json")
    cached.write_text(cached.read_text().replace("Republic of Aland", "Aland Republic"))
    assert Gazetteer.from_yaml(path).lookup("Aland Republic")  # the copy is what is read
    assert warm.entries["state:AAA"].roles[0].since == "2001-05-07"  # a YAML date, as text
    path.write_text(GAZ_YAML.replace("Aland", "Borland"), encoding="utf-8")
    changed = Gazetteer.from_yaml(path)
    assert changed.lookup("Borland") and not changed.lookup("Aland")


def test_gazetteer_loads_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    from kg.actors import Gazetteer

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("KG_CACHE_HOME", str(blocker / "cache"))
    path = tmp_path / "actors.yaml"
    path.write_text(GAZ_YAML, encoding="utf-8")
    assert Gazetteer.from_yaml(path).lookup("Republic of Aland") == [("state:AAA", "name")]


def test_a_corrupt_cache_file_is_parsed_again(tmp_path, monkeypatch):
    from kg.actors import Gazetteer

    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "actors.yaml"
    path.write_text(GAZ_YAML, encoding="utf-8")
    Gazetteer.from_yaml(path)
    (cached,) = tmp_path.glob("gazetteer-*.json")
    cached.write_text("{truncated", encoding="utf-8")
    assert Gazetteer.from_yaml(path).lookup("Aland") == [("state:AAA", "name")]
