#!/usr/bin/env python3
"""Build ontology/actors.yaml (the actor gazetteer) from the reference data.

Usage:
    python scripts/build_actors.py --reference ../shared/reference --out ontology/actors.yaml

Inputs (see each folder's SOURCE.md for licence and known defects):
  rigour-territories, mledoze-countries, wikidata-country-aliases, countryinfo,
  petrarch2-phoenix, supraverden-igos, cia-factbook
plus the hand-curated additions in ontology/actors_curated.yaml.

Identifiers (QIDs, ISO codes, CAMEO codes) are only ever copied from the reference
data; the curated file supplies names and aliases only (and ids of actors it extends).
The output is deterministic: actors sorted by id, lists sorted, no timestamps.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from kg.actors import ACTOR_TYPES, ID_PREFIX

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_CURATED = REPO / "ontology" / "actors_curated.yaml"
DEFAULT_OUT = REPO / "ontology" / "actors.yaml"

TYPES = ACTOR_TYPES  # the types kg knows (kg/actors.py)
KEY_ORDER = (
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
)
LIST_KEYS = ("names", "abbreviations", "short", "demonyms", "metonyms", "ambiguous")

SOURCES = {
    "rigour-territories": {
        "licence": "MIT (OpenSanctions rigour); QIDs from Wikidata (CC0)",
        "origin": "https://github.com/opensanctions/rigour rust/data/territories/data.jsonl",
    },
    "mledoze-countries": {
        "licence": "ODbL 1.0 (share-alike for derived databases)",
        "origin": "https://github.com/mledoze/countries countries.json",
    },
    "wikidata-country-aliases": {
        "licence": "MIT (Andrew Whitby); labels from Wikidata (CC0)",
        "origin": "https://github.com/econandrew/sparql_queries country_aliases.csv",
    },
    "countryinfo": {
        "licence": "CC BY-SA 3.0 (Copyright (c) 2012 Philip A. Schrodt)",
        "origin": "https://github.com/openeventdata/CountryInfo CountryInfo.120116.txt",
    },
    "petrarch2-phoenix": {
        "licence": "MIT (Open Event Data Alliance); lineage from CountryInfo (CC BY-SA 3.0)",
        "origin": "https://github.com/openeventdata/petrarch2 data/dictionaries/Phoenix.*",
    },
    "supraverden-igos": {
        "licence": "CC BY-SA 4.0 (Confirmordeny); QIDs from Wikidata (CC0)",
        "origin": "https://github.com/confirmordeny/supraverden data/general_list.yaml",
    },
    "cia-factbook-2026": {
        "licence": "public domain (CIA World Factbook); factbook.json repo CC0",
        "origin": "https://github.com/factbook/factbook.json (Jan 2026 content)",
    },
    "cia-factbook-history": {
        "licence": "public domain (CIA World Factbook); archive crosswalks MIT (MilkMp)",
        "origin": "https://github.com/MilkMp/CIA-World-Factbooks-Archive-1990-2025",
    },
    "curated": {
        "licence": "MIT (this project)",
        "origin": "ontology/actors_curated.yaml",
    },
}

# Partially recognised states that have no ISO alpha-3: keyed by rigour territory code.
RIGOUR_EXTRA_STATES = ("cy-trnc", "ge-ab", "md-pmr", "so-som", "x-so")
# mledoze entries that are not `independent` but count as states for news purposes.
MLEDOZE_EXTRA = ("ESH", "PSE", "TWN", "UNK")

# Phoenix head phrases (Countries file) for seats of government used as metonyms.
# The state comes from the entry's CAMEO code, never from this list.
PHOENIX_SEATS = (
    "KREMLIN_",
    "RUSSIAN_WHITE_HOUSE",
    "WHITE_HOUSE_",
    "THE_WHITE_HOUSE_",
    "PENTAGON_",
    "NUMBER_10_DOWNING_STREET_",
    "MALACANANG",
    "MALACANANG_PALACE",
)
# Seats that take the definite article in English ("the Kremlin").
ARTICLE_SEATS = ("Kremlin", "White House", "Pentagon", "Russian White House")

PARTICLES = {
    "al",
    "el",
    "de",
    "da",
    "di",
    "du",
    "del",
    "della",
    "der",
    "den",
    "dos",
    "das",
    "van",
    "von",
    "bin",
    "ibn",
    "y",
    "e",
    "la",
    "le",
    "of",
    "the",
    "and",
    "ul",
    "ud",
}
ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

# Words that belong to an office title in Factbook executive-branch text.
TITLE_WORDS = {
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Premier",
    "King",
    "Queen",
    "Emperor",
    "Emir",
    "Amir",
    "Sultan",
    "Sheikh",
    "Shaykh",
    "Chancellor",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chair",
    "Council",
    "Cabinet",
    "Ministers",
    "State",
    "Federal",
    "Acting",
    "Interim",
    "Transitional",
    "Crown",
    "Prince",
    "Princess",
    "Grand",
    "Duke",
    "Duchess",
    "General",
    "Lieutenant",
    "Colonel",
    "Brigadier",
    "Major",
    "Captain",
    "Field",
    "Marshal",
    "Admiral",
    "Chief",
    "Executive",
    "Supreme",
    "Leader",
    "Pope",
    "Co-prince",
    "Co-Prince",
    "Head",
    "Taoiseach",
    "Governor",
    "Governor-General",
    "Presidency",
    "Presidential",
    "Government",
    "Secretary",
    "First",
    "Deputy",
    "Republic",
    "National",
    "Assembly",
    "Sovereign",
    "Military",
    "Junta",
    "Regent",
    "Captains",
    "Captain-Regent",
    "Chairmen",
    "Presidium",
    "Committee",
    "Revolutionary",
    "Command",
    "Party",
    "Communist",
    "Secretary-General",
    "Transition",
    "Salvation",
    "Restoration",
    "Democracy",
    "Homeland",
    "Patriotic",
    "Movement",
    "Safeguard",
    "Union",
    "Taliban",
    "Overall",
    "Director",
    "Mayor",
    "Commander",
    "Officer",
    "Coordinator",
    "Administrator",
    "Senior",
    "Dr.",
    "Dr",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Adm.",
    "Sir",
    "Dame",
    "Lord",
    "Sheikha",
    "Cardinal",
    "Archbishop",
    "Bishop",
}


# ---------------------------------------------------------------------------
# text helpers


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9]+", "-", t)
    return t.strip("-")


def clean(text: str) -> str:
    text = html.unescape(text or "")
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def cap_word(w: str, first: bool) -> str:
    """Title-case one upper-case word, keeping particles and roman numerals."""
    if not w:
        return w
    if ROMAN.match(w) and not first:
        return w
    low = w.lower()
    if not first and low in PARTICLES:
        return low
    parts = re.split(r"([-'])", low)
    out = []
    for i, p in enumerate(parts):
        if p in "-'" or not p:
            out.append(p)
            continue
        if i > 0 and parts[i - 1] == "-" and p in PARTICLES:
            out.append(p)
        elif i > 0 and parts[i - 1] == "'" and len(parts[i - 2]) > 1:
            out.append(p)  # possessive-like apostrophe (Qa'ida)
        else:
            out.append(p[0].upper() + p[1:])
    return "".join(out)


def tabari_phrase(phrase: str) -> str:
    """'TAJIK_' -> 'Tajik'; 'NUMBER_10_DOWNING_STREET_' -> 'Number 10 Downing Street'."""
    words = [w for w in phrase.strip().strip("_").split("_") if w]
    return " ".join(cap_word(w, i == 0) for i, w in enumerate(words))


def plural(noun: str) -> str | None:
    if not noun or not noun[-1].isalpha():
        return None
    low = noun.lower()
    if low.endswith(("ese", "sh", "ch", "ss", "z", "x", "s")) or " " in noun:
        return None
    if low.endswith("man"):
        return noun[:-3] + "men"
    return noun + "s"


def uniq(items) -> list[str]:
    seen = []
    for it in items:
        if it and it not in seen:
            seen.append(it)
    return seen


def good_name(n: str) -> bool:
    if not n or len(n) < 3:
        return False
    if not is_latin(n):
        return False
    if re.fullmatch(r"[A-Za-z]{2}", n):
        return False
    return bool(re.search(r"[A-Za-z]", n))


# ---------------------------------------------------------------------------
# readers


def read_rigour(ref: Path) -> dict[str, dict]:
    rows = {}
    with open(ref / "rigour-territories" / "territories.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            rows[d["code"]] = d
    return rows


def read_mledoze(ref: Path) -> list[dict]:
    with open(ref / "mledoze-countries" / "countries.json", encoding="utf-8") as fh:
        return json.load(fh)


def read_wikidata_aliases(ref: Path) -> dict[str, list[str]]:
    out = defaultdict(list)
    path = ref / "wikidata-country-aliases" / "country_aliases.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["language"] != "en":
                continue
            out[row["iso3c"]].append(row["label"])
    return out


def read_countryinfo(ref: Path) -> dict[str, dict]:
    raw = (ref / "countryinfo" / "CountryInfo.120116.txt").read_bytes()
    text = raw.replace(b"\x00", b"").decode("utf-8", errors="replace")
    out = {}
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        m = re.search(r"<CountryCode>\s*([A-Z]+)\s*</CountryCode>", block)
        if not m:
            continue
        code = m.group(1)

        def section(tag, block=block):
            mm = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if not mm:
                return []
            items = []
            for line in mm.group(1).splitlines():
                line = line.split("#", 1)[0].strip()
                if line and "\ufffd" not in line:
                    items.append(line)
            return items

        leaders = []
        lm = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        if lm:
            office = None
            for line in lm.group(1).splitlines():
                line = line.split("#", 1)[0].strip()
                om = re.fullmatch(r"<([^/>][^>]*)>", line)
                if om:
                    office = om.group(1)
                    continue
                if not line or line.startswith("</"):
                    continue
                nm = re.match(r"((?:\{[^}]+\})+|\S+)\s*(.*)", line)
                if nm:
                    names = re.findall(r"\{([^}]+)\}", nm.group(1)) or [nm.group(1)]
                    leaders.append({"office": office, "names": names, "dates": nm.group(2)})
        govt = []
        gm = re.search(r"<Government>(.*?)</Government>", block, re.S)
        if gm:
            for line in gm.group(1).splitlines():
                body, _, comment = line.partition("#")
                body = body.strip()
                if not body:
                    continue
                nm = re.match(r"((?:\{[^}]+\})+|\S+)\s*(.*)", body)
                names = re.findall(r"\{([^}]+)\}", nm.group(1)) or [nm.group(1)]
                govt.append({"names": names, "codes": nm.group(2), "comment": comment.strip()})
        out[code] = {
            "nationality": section("Nationality"),
            "capital": section("Capital"),
            "leaders": leaders,
            "government": govt,
        }
    return out


def read_tabari(path: Path) -> list[dict]:
    """Parse a TABARI actor dictionary into blocks {head, syns, codes}."""
    blocks = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            codes = re.findall(r"\[([^\]]*)\]", line)
            body = re.sub(r"\[[^\]]*\]", "", line).strip()
            if line[0] in " \t[":
                if cur is not None:
                    cur["codes"].extend(codes)
                continue
            if body.startswith("+"):
                if cur is not None:
                    for part in body.split("+"):
                        if part.strip():
                            cur["syns"].append(part.strip())
                    cur["codes"].extend(codes)
                continue
            cur = {"head": body, "syns": [], "codes": list(codes)}
            blocks.append(cur)
    return blocks


def read_factbook(ref: Path) -> tuple[dict[str, dict], dict[str, str], dict[str, str]]:
    fb = ref / "cia-factbook"
    gec2iso = {}
    types = {}
    with open(fb / "master_countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["ISOAlpha2"]:
                gec2iso[row["CanonicalCode"].lower()] = row["ISOAlpha2"].upper()
            types[row["CanonicalCode"].lower()] = row["EntityType"]
    with open(fb / "fips_to_iso2.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["ISOAlpha2"]:
                gec2iso.setdefault(row["FIPS"].lower(), row["ISOAlpha2"].upper())
    rows = {}
    with open(fb / "factbook_2026-01_actor_fields.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            rows[d["gec"]] = d
    return rows, gec2iso, types


def read_factbook_history(ref: Path) -> list[dict]:
    path = ref / "cia-factbook" / "factbook_executive_branch_1990-2025.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


# ---------------------------------------------------------------------------
# actor store


class Store:
    def __init__(self):
        self.actors: dict[str, dict] = {}

    def get(self, aid: str, label: str, typ: str) -> dict:
        a = self.actors.get(aid)
        if a is None:
            a = {"id": aid, "label": label, "type": typ, "names": [], "sources": []}
            self.actors[aid] = a
        return a

    @staticmethod
    def add(a: dict, key: str, values, source: str | None = None):
        if isinstance(values, str):
            values = [values]
        lst = a.setdefault(key, [])
        added = False
        for v in values:
            v = (v or "").strip()
            if v and v not in lst:
                lst.append(v)
                added = True
        if source and (added or key == "names") and source not in a["sources"]:
            a["sources"].append(source)


# ---------------------------------------------------------------------------
# states


def demonym_candidates_from_caps(items: list[str], names_upper: set[str]) -> list[str]:
    """countryinfo <Nationality> mixes adjectives with country-name misspellings."""
    out = []
    for i, it in enumerate(items):
        word = it.strip("_").replace("_", " ")
        if not word or not re.fullmatch(r"[A-Z][A-Z' -]*", word):
            continue
        if word in names_upper:
            continue
        low = word.lower()
        first = i == 0
        adjectival = re.search(r"(ian|ean|an|ese|ish|i|ic|ot|ak|ek|ik|yz|iz|men|er|ene)$", low)
        if low.endswith(("tan", "stan", "statian", "land", "ia")):
            continue  # country-name misspellings (KIRGIZTAN_) and oddities (UNITEDSTATIAN_)
        if first or (adjectival and " " not in word):
            out.append(tabari_phrase(it))
    return out


def build_states(store: Store, ref: Path, ci: dict, phoenix_countries: list[dict], fb):
    rigour = read_rigour(ref)
    mledoze = read_mledoze(ref)
    wd = read_wikidata_aliases(ref)
    fb_rows, gec2iso, _ = fb
    fb_by_iso2 = {}
    for gec, row in fb_rows.items():
        iso2 = gec2iso.get(gec)
        if iso2:
            fb_by_iso2.setdefault(iso2, row)

    iso3_of_iso2 = {}
    states = {}
    for c in mledoze:
        if not (c.get("independent") or c.get("unMember") or c["cca3"] in MLEDOZE_EXTRA):
            continue
        r = rigour.get(c["cca2"].lower(), {})
        iso3 = (r.get("alpha3") or c["cca3"]).upper()
        states[iso3] = (c, r)
        iso3_of_iso2[c["cca2"]] = iso3

    for iso3, (c, r) in sorted(states.items()):
        label = c["name"]["common"]
        a = store.get(f"state:{iso3}", label, "State")
        a["iso2"] = c["cca2"]
        a["iso3"] = iso3
        if r.get("qid"):
            a["wikidata"] = r["qid"]
            store.add(a, "names", [], "rigour-territories")
        names = [label, c["name"]["official"]]
        for alt in c.get("altSpellings", []):
            # native-language spellings with non-ASCII letters are noise for English text
            if good_name(alt) and not alt.isupper() and alt.isascii():
                names.append(alt)
        store.add(a, "names", [n for n in names if good_name(n)], "mledoze-countries")
        # rigour names_strong mixes in other languages ("Estados Unidos"): names only
        rn = [r.get("name", ""), r.get("full_name", "")]
        rn = [n for n in rn if good_name(n) and "(" not in n and not n.isupper()]
        rn = [n for n in rn if n[0].isupper()]
        store.add(a, "names", rn, "rigour-territories")
        wnames = []
        for n in wd.get(iso3, []):
            if not good_name(n) or n.lower() == n:
                continue
            if re.fullmatch(r"[A-Z]{2,3}", n):
                continue
            wnames.append(n)
        if wnames:
            abbr = [n for n in wnames if re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{3,}", n)]
            store.add(a, "abbreviations", abbr, "wikidata-country-aliases")
            store.add(a, "names", [n for n in wnames if n not in abbr], "wikidata-country-aliases")
        # demonyms
        dem = []
        for g in ("m", "f"):
            v = c.get("demonyms", {}).get("eng", {}).get(g)
            if v:
                dem.append(v)
        if dem:
            store.add(a, "demonyms", dem, "mledoze-countries")
        caps = [x for x in c.get("capital", []) if good_name(x)]
        if caps:
            store.add(a, "metonyms", caps, "mledoze-countries")
            store.add(a, "metonyms", [f"official {x}" for x in caps[:1]])

        fbr = fb_by_iso2.get(c["cca2"])
        if fbr:
            nat = fbr.get("People and Society / Nationality", {})
            fd = []
            for part in ("noun", "adjective"):
                txt = clean(nat.get(part, {}).get("text", ""))
                txt = re.sub(r"\([^)]*(singular|plural|or )[^)]*\)", "", txt)
                for piece in re.split(r",|;| or ", txt):
                    piece = piece.strip()
                    m = re.fullmatch(r"([A-Z][\w' -]+?)\((s|es|men|women)\)", piece)
                    if m:
                        base = m.group(1).strip()
                        suf = m.group(2)
                        fd.append(base)
                        if suf in ("men", "women"):
                            fd.append(re.sub(r"(wo)?man$", suf, base))
                        else:
                            fd.append(base + suf)
                    elif re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?", piece) and piece not in (
                        "None",
                    ):
                        fd.append(piece)
            fd = [x for x in fd if x != label and x.lower() != "none"]
            store.add(a, "demonyms", fd, "cia-factbook-2026")
            cap = clean(fbr.get("Government / Capital", {}).get("name", {}).get("text", ""))
            cap = re.split(r"[;(]", cap)[0].strip()
            if cap and good_name(cap) and len(cap.split()) <= 3:
                store.add(a, "metonyms", [cap, f"official {cap}"], "cia-factbook-2026")
            cn = fbr.get("Government / Country name", {})
            for k in ("conventional short form", "conventional long form"):
                v = clean(cn.get(k, {}).get("text", ""))
                if v and v.lower() != "none" and good_name(v) and ";" not in v:
                    store.add(a, "names", v, "cia-factbook-2026")

        ciblock = ci.get(iso3)
        if ciblock:
            names_upper = {n.upper() for n in a["names"]}
            dem = demonym_candidates_from_caps(ciblock["nationality"], names_upper)
            store.add(a, "demonyms", dem, "countryinfo")
            capv = [tabari_phrase(x) for x in ciblock["capital"]]
            capv = [x for x in capv if good_name(x) and "." not in x and "(" not in x]
            store.add(a, "metonyms", capv, "countryinfo")

    # rigour-only partially recognised states
    for code in RIGOUR_EXTRA_STATES:
        r = rigour.get(code)
        if not r:
            continue
        label = re.sub(r"\s*\(.*?\)", "", r["name"]).strip()
        a = store.get(f"state:{code.upper()}", label, "State")
        if r.get("qid"):
            a["wikidata"] = r["qid"]
        rn = [label, re.sub(r"\s*\(.*?\)", "", r.get("full_name", "")).strip()]
        rn += r.get("names_strong", [])
        rn = [n for n in rn if good_name(n) and "(" not in n and n[0].isupper()]
        store.add(a, "names", rn, "rigour-territories")

    # phoenix: CAMEO codes, adjectives and seats of government
    first_code = {}
    for b in phoenix_countries:
        for code in b["codes"]:
            m = re.match(r"([A-Z]{3})(\S*)\s*(.*)", code.strip())
            if not m:
                continue
            c3 = m.group(1)
            if (
                m.group(2) == ""
                and b["head"].endswith("_")
                and (">" in m.group(3) or not m.group(3))
            ):
                first_code.setdefault(b["head"], c3)
    for b in phoenix_countries:
        c3 = first_code.get(b["head"])
        if not c3:
            continue
        aid = f"state:{c3}"
        if aid not in store.actors:
            continue
        a = store.actors[aid]
        head_name = tabari_phrase(b["head"])
        if head_name.lower() not in {n.lower() for n in a["names"]}:
            continue  # only the country block itself
        a["cameo"] = c3
        store.add(a, "names", [], "petrarch2-phoenix")
        names_upper = {n.upper() for n in a["names"]}
        syns = [s for s in b["syns"]]
        # phoenix lists names, then adjectives, then capital and places; keep adjectives
        dem = demonym_candidates_from_caps(syns[:3], names_upper)
        dem = [d for d in dem if d in a.get("demonyms", []) or d.lower() not in ("the",)]
        ci_dem = set(a.get("demonyms", []))
        store.add(
            a,
            "demonyms",
            [d for d in dem if d in ci_dem or re.search(r"(ian|an|ese|ish|i)$", d)],
            "petrarch2-phoenix",
        )

    for b in phoenix_countries:
        heads = [b["head"]] + b["syns"]
        hit = [h for h in heads if h.strip() in PHOENIX_SEATS]
        if not hit:
            continue
        code = next((c.split()[0] for c in b["codes"] if c.strip()), "")
        m = re.match(r"([A-Z]{3})GOV$", code)
        if not m or f"state:{m.group(1)}" not in store.actors:
            continue
        a = store.actors[f"state:{m.group(1)}"]
        forms = []
        for h in hit:
            n = tabari_phrase(h)
            if n.startswith("The "):
                n = n[4:]
            forms.append(n)
            if n in ARTICLE_SEATS:
                forms.append("the " + n)
        store.add(a, "metonyms", forms, "petrarch2-phoenix")

    return iso3_of_iso2


def finish_state_demonyms(store: Store):
    for a in store.actors.values():
        if a["type"] != "State":
            continue
        dem = a.get("demonyms", [])
        plus = []
        for d in dem:
            p = plural(d)
            if p and p not in dem and not d.endswith("i") or (d.endswith("i") and p):
                plus.append(p)
        plus = [p for p in plus if p]
        a["demonyms"] = uniq(dem + plus)
        # demonym/metonym strings that are also names stay names only
        names = set(a["names"])
        a["demonyms"] = [d for d in a["demonyms"] if d not in names]
        a["metonyms"] = [m for m in a.get("metonyms", []) if m not in names]


# ---------------------------------------------------------------------------
# IGOs


def build_igos(store: Store, ref: Path, phoenix_intl: list[dict]):
    with open(ref / "supraverden-igos" / "general_list.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    used = set()
    for key in sorted(data):
        v = data[key]
        if v.get("Type") == "European Research Infrastructure Consortium":
            continue
        name = v.get("Name_en") or key
        abbr = v.get("Abbreviation_en")
        if abbr and (len(abbr) > 15 or abbr.count(" ") > 1):
            abbr = None  # data defect: some rows repeat the full name as abbreviation
        qid = v.get("Wikidata_code", "")
        base = slug(abbr) if abbr else slug(name)
        aid = f"igo:{base}"
        if aid in used:
            aid = f"igo:{slug(name)}"
        used.add(aid)
        a = store.get(aid, name, "IGO")
        names = [name, key, v.get("Name_other_en"), v.get("Name_other_2_en")]
        store.add(a, "names", [n for n in names if n and good_name(n)], "supraverden-igos")
        abbrs = [abbr, v.get("Abbreviation_other_en")]
        abbrs = [x for x in abbrs if x and x != "ERIC" and 2 <= len(x) <= 15 and x.count(" ") <= 1]
        store.add(a, "abbreviations", abbrs)
        if re.fullmatch(r"Q\d+", qid or ""):
            a["wikidata"] = qid

    # phoenix International: merge IGO names into matching entries, add CAMEO codes
    index = {}
    for aid, a in store.actors.items():
        if a["type"] != "IGO":
            continue
        for n in a["names"] + a.get("abbreviations", []):
            index.setdefault(norm(n), set()).add(aid)
    for b in phoenix_intl:
        codes = [c.split()[0] for c in b["codes"] if c.strip()]
        if not codes or not codes[0].startswith("IGO"):
            continue
        if any(len(c.split()) > 1 for c in b["codes"]):
            continue  # office holders carry date ranges
        phrases = [b["head"]] + b["syns"]
        forms = []
        for p in phrases:
            p = p.strip()
            core = p.strip("_")
            if re.fullmatch(r"[A-Z]{2,8}|(?:[A-Z]\.){2,}", core):
                forms.append(("abbr", core))
            else:
                n = tabari_phrase(p)
                if n.startswith("The "):
                    n = n[4:]
                forms.append(("name", n))
        hits = set()
        for _, f in forms:
            hits |= index.get(norm(f), set())
        if len(hits) != 1:
            continue
        a = store.actors[hits.pop()]
        a["cameo"] = a.get("cameo") or codes[0]
        store.add(
            a, "names", [f for k, f in forms if k == "name" and good_name(f)], "petrarch2-phoenix"
        )
        store.add(a, "abbreviations", [f for k, f in forms if k == "abbr"])


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = s.replace("organisation", "organization").replace("the ", "")
    return re.sub(r"[^a-z0-9]", "", s)


# ---------------------------------------------------------------------------
# armed groups


def split_group(text: str) -> tuple[list[str], list[str]]:
    """'Ansarallah (Houthis)' -> names, abbreviations."""
    names, abbrs = [], []
    for part in re.findall(r"\(([^)]*)\)", text):
        part = part.strip()
        if (
            re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]", part)
            and sum(ch.isupper() for ch in part) >= 2
        ):
            abbrs.append(part)
        elif part:
            names.append(part)
    main = re.sub(r"\s*\([^)]*\)", "", text).strip(" .")
    if main:
        names.insert(0, main)
    return names, abbrs


HONORIFICS = {"Sheikh", "Sheik", "Shaykh", "Sayyed", "Sayyid", "Seyyed", "Imam", "Mullah", "Emir"}
ORG_WORDS = {
    "organization",
    "organisation",
    "army",
    "front",
    "party",
    "movement",
    "brigade",
    "brigades",
    "group",
    "jihad",
    "resistance",
    "liberation",
    "council",
    "forces",
    "force",
    "league",
    "union",
    "command",
    "committee",
    "commandos",
    "cells",
    "faction",
    "network",
    "militia",
    "state",
    "islamic",
    "revolutionary",
    "popular",
    "national",
    "people's",
    "mujahideen",
    "battalion",
    "legion",
    "guard",
    "guards",
    "squad",
    "squads",
    "unit",
    "units",
    "alliance",
}


def looks_like_person(name: str) -> bool:
    toks = name.split()
    if toks and toks[0] in HONORIFICS:
        return True
    if 2 <= len(toks) <= 3 and not any(t.lower().strip("()") in ORG_WORDS for t in toks):
        return all(t[:1].isupper() for t in toks) and not any(t.lower() in PARTICLES for t in toks)
    return False


def build_armed_groups(store: Store, fb, phoenix_mil: list[dict], iso3_of_iso2):
    fb_rows, gec2iso, _ = fb
    items = []
    for gec in sorted(fb_rows):
        row = fb_rows[gec]
        t = row.get("Terrorism / Terrorist group(s)")
        if not t:
            continue
        text = clean(t.get("text", ""))
        if not text or " such as " in text or len(text) > 2000:
            continue
        for item in text.split(";"):
            item = item.strip()
            if not item or len(item) > 120:
                continue
            for sub in re.split(r"(?<=\))/", item):
                names, abbrs = split_group(sub.replace(" \u2013 ", "-").replace(" - ", "-"))
                if names:
                    items.append((names, abbrs))
    # the same group is written with and without its abbreviation in different countries
    abbr_of = {}
    for names, abbrs in items:
        if abbrs:
            abbr_of.setdefault(norm(names[0]), abbrs[0])
    for names, abbrs in items:
        key = abbr_of.get(norm(names[0])) or names[0]
        aid = f"armedgroup:{slug(key)}"
        a = store.get(aid, names[0], "ArmedGroup")
        store.add(a, "names", names, "cia-factbook-2026")
        store.add(a, "abbreviations", abbrs)
    state_names = {
        n.lower() for a in store.actors.values() if a["type"] == "State" for n in a["names"]
    }

    for b in phoenix_mil:
        codes = [c.split()[0] for c in b["codes"] if c.strip()]
        head = tabari_phrase(re.sub(r"\(.*?\)", "", b["head"]))
        if not head or not codes:
            continue
        names, abbrs = [head], []
        for p in [b["head"]] + b["syns"]:
            for ab in re.findall(r"\(([A-Z0-9-]+)\)", p):
                abbrs.append(ab)
            core = re.sub(r"\(.*?\)", "", p).strip("_ ")
            if re.fullmatch(r"[A-Z0-9-]{2,5}", core) or re.fullmatch(r"(?:[A-Z]\.){2,}", core):
                abbrs.append(core)
            elif core:
                n = tabari_phrase(core)
                if p is not b["head"] and looks_like_person(n):
                    continue  # phoenix lists leaders among a group's synonyms
                names.append(n)
        names = [n for n in uniq(names) if good_name(n) and (len(n.split()) >= 2 or len(n) >= 6)]
        names = [n for n in names if n.lower() not in state_names]
        abbrs = [x for x in abbrs if x.lower() not in state_names and len(x) <= 6]
        if not names:
            continue
        # join onto an existing group (from the factbook) when a full name or a long
        # abbreviation matches (short ones such as ISI are too ambiguous)
        target = None
        keys = {norm(n) for n in names} | {norm(x) for x in abbrs if len(x) >= 4}
        for aid, a in store.actors.items():
            if a["type"] != "ArmedGroup":
                continue
            theirs = a["names"] + [x for x in a.get("abbreviations", []) if len(x) >= 4]
            if keys & {norm(n) for n in theirs}:
                target = aid
                break
        if target is None:
            target = f"armedgroup:{slug(head)}"
        a = store.get(target, head, "ArmedGroup")
        store.add(a, "names", names, "petrarch2-phoenix")
        store.add(a, "abbreviations", uniq(abbrs))
        a.setdefault("cameo", codes[0])
        m = re.match(r"([A-Z]{3})REB", codes[0])
        if m and f"state:{m.group(1)}" in store.actors and "country" not in a:
            a["country"] = f"state:{m.group(1)}"


# ---------------------------------------------------------------------------
# persons


DATE_RE = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")
MONTHS = {
    m: i
    for i, m in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August")
        + ("September", "October", "November", "December"),
        1,
    )
}


def iso_date(text: str) -> str | None:
    m = DATE_RE.search(text)
    if m and m.group(2) in MONTHS:
        return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return m.group(1) if m else None


def is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters[:2]) and tok[0].isalpha()


NAME_LINKERS = PARTICLES - {"of", "the", "and", "e", "y"}
COMPOUND_GIVEN = {"Abd", "Abdel", "Abdul", "Abu", "Ould", "Abdoul"}


def parse_person(segment: str) -> dict | None:
    """'President Emomali RAHMON (since 16 November 1994; ...)' -> title, names, since."""
    seg = clean(segment)
    since = None
    m = re.search(r"\((?:[^()]*?)since ([^;)]*)", seg)
    if m:
        since = iso_date(m.group(1))
    head = re.split(r"\s*\(", seg, maxsplit=1)[0].strip(" ,;:")
    nicks = re.findall(r'"([^"]+)"', head)
    head = re.sub(r'\s*"[^"]*"', "", head)
    toks = [t.strip(";:") for t in head.split()]
    toks = [t for t in toks if t]
    caps_idx = [
        i
        for i, t in enumerate(toks)
        if is_caps(t) and not ROMAN.match(t) and not re.fullmatch(r"[A-Z]{1,4}\.", t)
    ]
    if not caps_idx:
        return None
    s0 = caps_idx[0]
    s1 = s0
    while s1 + 1 < len(toks) and not ROMAN.match(toks[s1 + 1]) and not toks[s1].endswith(","):
        nxt = toks[s1 + 1]
        if is_caps(nxt) or nxt.lower() in NAME_LINKERS:
            s1 += 1
        else:
            break
    while s1 > s0 and toks[s1].lower() in PARTICLES:
        s1 -= 1
    # roman numerals and mixed-case tails after the surname (XI Jinping, SALMAN bin Abd al-Aziz)
    tail = []
    j = s1 + 1
    while j < len(toks) and not toks[j - 1].endswith(","):
        t = toks[j]
        if ROMAN.match(t) or (t[:1].isupper() and t not in TITLE_WORDS) or t in NAME_LINKERS:
            tail.append(t)
            j += 1
        else:
            break
    while tail and tail[-1].lower() in PARTICLES:
        tail.pop()
    given = []
    k = s0 - 1
    while (
        k >= 0
        and toks[k] not in TITLE_WORDS
        and not toks[k].endswith(",")
        and (toks[k][:1].isupper() or toks[k] in NAME_LINKERS)
    ):
        given.insert(0, toks[k])
        k -= 1
    while given and given[0].lower() in PARTICLES:
        given.pop(0)
    title = " ".join(toks[: k + 1]).strip(" ,")
    surname_tokens = [t.strip(",") for t in toks[s0 : s1 + 1]]
    surname = " ".join(cap_word(t, i == 0) for i, t in enumerate(surname_tokens))
    tail = [t.strip(",") for t in tail]
    short: list[str] = []
    if not given and tail and not all(ROMAN.match(t) for t in tail):
        # surname first (LAI Ching-te, XI Jinping, HAYBATULLAH Akhundzada)
        full = " ".join([surname] + tail)
        short = [surname]
        label = full
    else:
        romans = [t for t in tail if ROMAN.match(t)]
        # "Luiz Inacio LULA da Silva": a particle and capitalised words after the surname
        # belong to the full name
        particle_tail = (
            tail
            if tail and tail[0] in NAME_LINKERS and not any(ROMAN.match(t) for t in tail)
            else []
        )
        full = " ".join(given + [surname] + (particle_tail or romans))
        if not given and len(surname_tokens) > 1:
            label = full  # all-caps full names (HUN SEN, HTIN KYAW)
            short = []
        elif not given:
            # monarchs and popes: "King Charles III", "Pope Leo XIV"; bare name is `short`
            short = [full]
            rank = title.split()[-1] if title else ""
            label = f"{rank} {full}" if rank in TITLE_WORDS else full
        elif given[0] in COMPOUND_GIVEN:
            label = full
            short = [surname]
        else:
            label = " ".join(given[:1] + [surname] + romans)
            short = [surname]
    if len(full) < 4 or not title or not re.search(r"[a-z]", full):
        return None
    names = uniq([full, label] + [f"{given[0]} {n} {surname}" for n in nicks if given])
    short += [n for n in nicks if " " not in n]
    return {"title": title, "label": label, "names": names, "short": short, "since": since}


def exec_segments(text: str) -> list[str]:
    text = clean(text)
    text = re.sub(r"^.*?note\s*[-:]", "", text) if text.lower().startswith("note") else text
    return [
        s.strip()
        for s in re.split(r";\s*(?=[A-Z])|\band\b(?= [A-Z][a-z]+ [A-Z][a-z]* ?[A-Z]{2})", text)
    ]


def build_persons(store: Store, fb, ci: dict, phoenix_countries: list[dict], history: list[dict]):
    fb_rows, gec2iso, types = fb
    iso3_by_iso2 = {a["iso2"]: a["iso3"] for a in store.actors.values() if "iso2" in a}
    for gec in sorted(fb_rows):
        row = fb_rows[gec]
        iso2 = gec2iso.get(gec)
        iso3 = iso3_by_iso2.get(iso2 or "")
        if not iso3:
            continue
        ex = row.get("Government / Executive branch") or {}
        for kind in ("chief of state", "head of government"):
            txt = (ex.get(kind) or {}).get("text", "")
            if not txt:
                continue
            for seg in re.split(
                r";\s*(?=[A-Z][a-z]+(?: [a-zA-Z-]+)* [A-Z][a-z]+ [A-Z]{2})", clean(txt)
            ):
                p = parse_person(seg)
                if not p:
                    continue
                if "former" in seg[:20].lower() or "overthrown" in seg:
                    continue
                add_person(store, p, iso3, kind.replace(" ", "_"), "cia-factbook-2026", until=None)
    add_history(store, history, iso3_by_iso2)
    add_person_variants(store, ci, phoenix_countries)


def person_key(label: str) -> str:
    return f"person:{slug(label)}"


def add_person(store, p, iso3, kind, source, until=None, since=None):
    aid = person_key(p["label"])
    a = store.get(aid, p["label"], "Person")
    store.add(a, "names", p["names"], source)
    store.add(a, "short", p["short"])
    a.setdefault("country", f"state:{iso3}")
    role = {
        "role": p["title"],
        "of": f"state:{iso3}",
        "kind": kind,
        "since": since or p["since"],
        "until": until,
        "source": source,
    }
    roles = a.setdefault("roles", [])
    for r in roles:
        if r["role"] == role["role"] and r["of"] == role["of"] and r["kind"] == role["kind"]:
            if role["since"] and (not r["since"] or str(role["since"]) < str(r["since"])):
                r["since"] = role["since"]
            return a
    roles.append(role)
    return a


HIST_PART = re.compile(
    r"(chief of state|head of government)\s*:\s*(.*?)(?=\b(?:chief of state|head of government|cabinet|elections?|election results|note)\s*:|$)",
    re.S,
)


def add_history(store: Store, history: list[dict], iso3_by_iso2):
    """Former chiefs of state / heads of government from the yearly Factbook editions."""
    seen = defaultdict(dict)  # (iso3, kind, surname-key) -> {years, parsed}
    years_with_data = defaultdict(set)
    for row in history:
        if row.get("entity_type") != "sovereign":
            continue
        iso3 = iso3_by_iso2.get((row.get("iso2") or "").upper())
        if not iso3:
            continue
        content = row.get("content") or ""
        for kind, body in HIST_PART.findall(content):
            body = clean(body).strip(" |")
            if len(body) < 5:
                continue
            k = kind.replace(" ", "_")
            years_with_data[(iso3, k)].add(row["year"])
            # only the first-named office holder of each part
            seg = re.split(r";", body, maxsplit=1)[0]
            seg = re.split(r"\bnote\b", seg, maxsplit=1)[0]
            p = parse_person(seg)
            if not p:
                continue
            sk = pkey(p)
            rec = seen[(iso3, k)].setdefault(sk, {"years": set(), "p": p})
            rec["years"].add(row["year"])
            if row["year"] >= rec.get("last", 0):
                rec["last"] = row["year"]
                rec["p"]["title"] = p["title"]
            if p["since"] and (not rec["p"]["since"] or p["since"] < rec["p"]["since"]):
                rec["p"]["since"] = p["since"]
            rec.setdefault("variants", []).append(p)
    current = {}
    for a in store.actors.values():
        if a["type"] == "Person":
            for r in a.get("roles", []):
                current[(r["of"][6:], r["kind"], pkey_label(a["label"]))] = a
    by_country = {}
    for a in store.actors.values():
        if a["type"] == "Person" and a.get("country"):
            by_country[(a["country"][6:], pkey_label(a["label"]))] = a
    for (iso3, k), people in sorted(seen.items()):
        data_years = sorted(years_with_data[(iso3, k)])
        for sk, rec in sorted(people.items()):
            years = sorted(rec["years"])
            p = rec["p"]
            if len(years) < 2:
                continue  # single-edition hits are mostly parse noise
            variants = uniq(n for v in rec["variants"] for n in v["names"])
            shorts = uniq(s for v in rec["variants"] for s in v["short"])
            cur = current.get((iso3, k, sk)) or by_country.get((iso3, sk))
            if (
                cur is not None
                and cur.get("roles")
                and any(r["kind"] == k and r["of"] == f"state:{iso3}" for r in cur["roles"])
            ):
                store.add(cur, "names", variants, "cia-factbook-history")
                store.add(cur, "short", shorts)
                continue
            later = [y for y in data_years if y > years[-1]]
            until = str(later[0]) if later else None
            if until is None:
                continue  # still in office per the 2025 edition but not in 2026: skip
            since = p["since"] or str(years[0])
            p2 = dict(p, names=variants, short=shorts)
            if cur is not None:
                # same person, another office (e.g. a former PM who later became president)
                p2["label"] = cur["label"]
            a = add_person(store, p2, iso3, k, "cia-factbook-history", until=until, since=since)
            by_country.setdefault((iso3, sk), a)


def pkey(p: dict) -> str:
    return pkey_label(p["label"])


def pkey_label(label: str) -> str:
    toks = slug(label).split("-")
    first = toks[0] if toks else ""
    last = toks[-1] if toks else ""
    return f"{first[:3]}|{last[:4]}"  # Islam/Islom KARIMOV, Emomali RAKHMONOV/RAHMON


def add_person_variants(store: Store, ci: dict, phoenix_countries: list[dict]):
    """Add countryinfo/phoenix spellings of a Factbook person (same country, matching name)."""
    persons = defaultdict(list)
    for a in store.actors.values():
        if a["type"] == "Person":
            persons[a.get("country", "")].append(a)
    for iso3, block in sorted(ci.items()):
        cands = persons.get(f"state:{iso3}")
        if not cands:
            continue
        variants = []
        for led in block["leaders"]:
            variants.append((led["names"], "countryinfo"))
        for g in block["government"]:
            if re.search(r"\[[A-Z]{3}GOV\b", g["codes"]) and re.search(
                r"President|Prime Minister|Premier|King|Emir|Sultan", g["comment"]
            ):
                variants.append((g["names"], "countryinfo"))
        for names, src in variants:
            match_variant(store, cands, names, src)
    for b in phoenix_countries:
        if not b["codes"]:
            continue
        m = re.match(r"([A-Z]{3})(GOV|ELI)", b["codes"][0].strip())
        if not m:
            continue
        cands = persons.get(f"state:{m.group(1)}")
        if cands:
            match_variant(store, cands, [b["head"]] + b["syns"], "petrarch2-phoenix")


def match_variant(store, cands, raw_names, src):
    forms = [tabari_phrase(n) for n in raw_names if n.strip("_")]
    forms = [f for f in forms if len(f.split()) >= 2 and len(f.split()) <= 4]
    for a in cands:
        given = slug(a["label"]).split("-")[0]
        surn = slug(a["short"][0]) if a.get("short") else slug(a["label"]).split("-")[-1]
        hit = []
        for f in forms:
            toks = slug(f).split("-")
            if toks[0] == given and toks[-1][:4] == surn[:4] and len(toks[-1]) >= 4:
                hit.append(f)
        if hit:
            store.add(a, "names", hit, src)
            store.add(a, "short", [h.split()[-1] for h in hit if len(h.split()[-1]) >= 4])


# ---------------------------------------------------------------------------
# curated additions


def apply_curated(store: Store, curated_path: Path):
    with open(curated_path, encoding="utf-8") as fh:
        cur = yaml.safe_load(fh) or {}
    for entry in cur.get("actors", []):
        if not entry.get("note"):
            raise SystemExit(f"curated entry without note: {entry.get('id')}")
        for forbidden in ("wikidata", "iso2", "iso3", "cameo"):
            if forbidden in entry:
                raise SystemExit(f"curated entry {entry['id']} must not carry {forbidden}")
        aid = entry["id"]
        if aid in store.actors:
            a = store.actors[aid]
        else:
            if not entry.get("label") or not entry.get("type"):
                raise SystemExit(f"new curated entry {aid} needs label and type")
            a = store.get(aid, entry["label"], entry["type"])
        if entry.get("label_override"):
            a["label"] = entry["label_override"]
        if entry.get("type_override"):
            # a source that types an actor wrongly (a leader coded as his group): the actor
            # moves to the id prefix of its type, "armedgroup:osama-bin-laden" ->
            # "person:osama-bin-laden"
            typ = entry["type_override"]
            if typ not in ID_PREFIX:
                raise SystemExit(f"curated {aid}: unknown type {typ}")
            new_id = ID_PREFIX[typ] + aid.split(":", 1)[1]
            if new_id in store.actors:
                raise SystemExit(f"curated {aid}: {new_id} exists already")
            del store.actors[aid]
            a["id"], a["type"] = new_id, typ
            store.actors[new_id] = a
        for k in LIST_KEYS:
            if entry.get(k):
                store.add(a, k, entry[k], "curated")
        for k in entry.get("drop", []) or []:
            for lk in LIST_KEYS:
                if k in a.get(lk, []):
                    a[lk].remove(k)
        if entry.get("country"):
            if entry["country"] not in store.actors:
                raise SystemExit(f"curated {aid}: unknown country {entry['country']}")
            a["country"] = entry["country"]
        if "curated" not in a["sources"]:
            a["sources"].append("curated")
    return cur


# ---------------------------------------------------------------------------
# collisions and output


def resolve_collisions(store: Store) -> list[tuple[str, list[str]]]:
    """A string used by several actors must be in `ambiguous` of all of them (or dropped)."""
    owners = defaultdict(set)
    for a in store.actors.values():
        for k in ("names", "abbreviations", "demonyms", "metonyms"):
            for n in a.get(k, []):
                owners[n].add(a["id"])
    report = []
    for n, ids in sorted(owners.items()):
        if len(ids) < 2:
            continue
        ids = sorted(ids)
        report.append((n, ids))
        for aid in ids:
            a = store.actors[aid]
            if n in a["names"] or n in a.get("abbreviations", []):
                Store.add(a, "ambiguous", [n])
            # a demonym or metonym shared by several states (Korean, Congolese) stays on all
    return report


def finalize(a: dict) -> dict:
    out = {}
    for k in KEY_ORDER:
        if k not in a:
            continue
        v = a[k]
        if k in LIST_KEYS:
            v = sorted(set(v))
            if k == "names":
                v = sorted(set(v), key=lambda s: (s != a["label"], s))
            if not v:
                continue
        elif k == "roles":
            v = sorted(v, key=lambda r: (str(r["since"]), r["of"], r["role"]))
            v = [
                {kk: r[kk] for kk in ("role", "of", "kind", "since", "until", "source")} for r in v
            ]
            if not v:
                continue
        elif k == "sources":
            v = sorted(set(v))
        out[k] = v
    if "names" not in out:
        out["names"] = [a["label"]]
    return out


class Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


Dumper.add_representer(str, _str)


def build(reference: Path, curated: Path) -> tuple[dict, list]:
    store = Store()
    ci = read_countryinfo(reference)
    ph = reference / "petrarch2-phoenix"
    phoenix_countries = read_tabari(ph / "Phoenix.Countries.actors.txt")
    phoenix_intl = read_tabari(ph / "Phoenix.International.actors.txt")
    phoenix_mil = read_tabari(ph / "Phoenix.MilNonState.actors.txt")
    fb = read_factbook(reference)
    iso3_of_iso2 = build_states(store, reference, ci, phoenix_countries, fb)
    build_igos(store, reference, phoenix_intl)
    build_armed_groups(store, fb, phoenix_mil, iso3_of_iso2)
    build_persons(store, fb, ci, phoenix_countries, read_factbook_history(reference))
    cur = apply_curated(store, curated)
    finish_state_demonyms(store)
    drop = set(cur.get("drop_names", []) or [])
    for a in store.actors.values():
        for k in LIST_KEYS:
            if k in a:
                a[k] = [
                    x
                    for x in a[k]
                    if x not in drop
                    and not re.fullmatch(r"[a-z]{2}", x)
                    and (k == "abbreviations" or not re.fullmatch(r"[A-Z]{2}", x))
                ]
        if a["label"] not in a["names"]:
            a["names"].insert(0, a["label"])
    report = resolve_collisions(store)
    actors = [finalize(store.actors[k]) for k in sorted(store.actors)]
    used = sorted({s for a in actors for s in a["sources"]})
    doc = {
        "meta": {
            "generated_by": "scripts/build_actors.py",
            "licence_notice": (
                "Derived from ODbL (mledoze/countries), CC BY-SA 3.0 (CountryInfo) and "
                "CC BY-SA 4.0 (SupraVerden) data: see ontology/ACTORS.md for attribution "
                "and share-alike terms."
            ),
            "sources": {s: SOURCES[s] for s in used},
        },
        "actors": actors,
    }
    return doc, report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--report", action="store_true", help="print name collisions")
    args = ap.parse_args(argv)
    if not (args.reference / "README.md").exists():
        print(f"reference data not found at {args.reference}", file=sys.stderr)
        return 2
    doc, report = build(args.reference, args.curated)
    text = yaml.dump(
        doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    counts = defaultdict(int)
    for a in doc["actors"]:
        counts[a["type"]] += 1
    print(
        f"wrote {args.out}: {len(doc['actors'])} actors "
        + ", ".join(f"{t}={counts[t]}" for t in TYPES)
        + f"; {len(report)} shared strings marked ambiguous",
        file=sys.stderr,
    )
    if args.report:
        for n, ids in report:
            print(f"  {n!r}: {', '.join(ids)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
