"""Precision, recall and F1 of emitted claims against a gold file (``kg eval``).

Gold format: one JSON object per document with ``doc``, ``actors`` (name, type, aliases)
and ``relations`` (subject, predicate, object, status, hedged, negated, evidence); see
``tests/fixtures/gold/README.md``. A gold relation is found when a claim of the same
document has the same subject, predicate and object after alias normalisation (object
ignored for ``denies`` and ``claims_responsibility``, order ignored for symmetric
predicates). Negated claims are left out; a positive claim matching a negated gold
relation is a false positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.claims import CORE_PREDICATES, EXTENDED_PREDICATES, PREDICATES, SYMMETRIC_PREDICATES
from kg.errors import GoldError

OBJECTLESS = frozenset({"denies", "claims_responsibility"})
Key = tuple[str, str, str, str | None]  # doc, subject, predicate, object


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = re.sub(r"^the ", "", text)
    return text


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    per_predicate: dict[str, Score]
    core: Score
    extended: Score
    overall: Score
    hedge_agreement: tuple[int, int]
    negated_as_positive: list[Key]
    cited: tuple[int, int]
    misses: list[tuple[Key, str]] = field(default_factory=list)
    false_alarms: list[tuple[Key, str]] = field(default_factory=list)
    # found relations none of whose claims quote the gold evidence sentence
    uncited: list[tuple[Key, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "per_predicate": {p: s.to_dict() for p, s in self.per_predicate.items()},
            "core": self.core.to_dict(),
            "extended": self.extended.to_dict(),
            "overall": self.overall.to_dict(),
            "hedge_agreement": {"agree": self.hedge_agreement[0], "of": self.hedge_agreement[1]},
            "negated_emitted_as_positive": len(self.negated_as_positive),
            "cites_evidence": {"cited": self.cited[0], "of": self.cited[1]},
            "misses": [{"key": list(k), "evidence": e} for k, e in self.misses],
            "false_alarms": [{"key": list(k), "sentence": s} for k, s in self.false_alarms],
            "uncited": [{"key": list(k), "evidence": e} for k, e in self.uncited],
        }


def _key(doc: str, subject: str, predicate: str, obj: str | None) -> Key:
    if predicate in OBJECTLESS:
        obj = None
    if predicate in SYMMETRIC_PREDICATES and obj is not None and obj < subject:
        subject, obj = obj, subject
    return doc, subject, predicate, obj


def read_gold(path: Path) -> list[dict]:
    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item["doc"], item["relations"]  # noqa: B018
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{number}: not a gold record ({exc})") from None
            docs.append(item)
    return docs


def _read_claims(path: Path) -> list[dict]:
    claims = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                claims.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
    return claims


def _actor_forms(claims_path: Path) -> dict[str, set[str]]:
    """Surface forms of each actor, from the actors.json written beside claims.jsonl."""
    actors_path = Path(claims_path).with_name("actors.json")
    forms: dict[str, set[str]] = defaultdict(set)
    if actors_path.exists():
        for item in json.loads(actors_path.read_text(encoding="utf-8")):
            forms[item["id"]].update(item.get("forms", []))
            forms[item["id"]].add(item["label"])
    return forms


def evaluate(gold_path: Path, claims_path: Path) -> Report:
    gold_docs = read_gold(gold_path)
    claims = _read_claims(claims_path)
    forms = _actor_forms(claims_path)
    alias_of: dict[str, dict[str, str]] = {}
    gold_pos: dict[Key, dict] = {}
    gold_neg: dict[Key, dict] = {}
    for item in gold_docs:
        doc = item["doc"]
        aliases = alias_of.setdefault(doc, {})
        for actor in item.get("actors", []):
            for alias in [actor["name"], *actor.get("aliases", [])]:
                aliases.setdefault(normalise(alias), actor["name"])
        for rel in item["relations"]:
            key = _key(doc, rel["subject"], rel["predicate"], rel.get("object"))
            (gold_neg if rel.get("negated") else gold_pos)[key] = rel

    def gold_name(doc: str, ref: dict | None) -> str | None:
        if ref is None:
            return None
        aliases = alias_of.get(doc, {})
        for candidate in [ref["label"], *sorted(forms.get(ref["id"], ()))]:
            name = aliases.get(normalise(candidate))
            if name is not None:
                return name
        return ref["label"]

    emitted: dict[Key, list[dict]] = defaultdict(list)
    for claim in claims:
        if claim.get("negated"):
            continue
        doc = claim["doc"]
        key = _key(
            doc,
            gold_name(doc, claim["subject"]),
            claim["predicate"],
            gold_name(doc, claim.get("object")),
        )
        emitted[key].append(claim)

    gold_docs_ids = {item["doc"] for item in gold_docs}
    per = {p: Score() for p in PREDICATES}
    hedge_agree = hedge_total = cited = cited_total = 0
    false_alarms: list[tuple[Key, str]] = []
    uncited: list[tuple[Key, str]] = []
    negated_as_positive: list[Key] = []
    for key, found in sorted(emitted.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        if key[0] not in gold_docs_ids or key[2] not in per:
            continue
        score = per[key[2]]
        if key in gold_pos:
            score.tp += 1
            rel = gold_pos[key]
            hedge_total += 1
            hedge_agree += all(c.get("hedged") for c in found) == bool(rel.get("hedged"))
            cited_total += 1
            evidence = _squash(rel.get("evidence", ""))
            if any(_same_sentence(_squash(c["sentence"]), evidence) for c in found):
                cited += 1
            else:
                uncited.append((key, rel.get("evidence", "")))
        else:
            score.fp += 1
            false_alarms.append((key, found[0]["sentence"]))
            if key in gold_neg:
                negated_as_positive.append(key)
    misses = []
    for key, rel in sorted(gold_pos.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        if key not in emitted and key[2] in per:
            per[key[2]].fn += 1
            misses.append((key, rel.get("evidence", "")))
    return Report(
        per_predicate=per,
        core=_sum(per, CORE_PREDICATES),
        extended=_sum(per, EXTENDED_PREDICATES),
        overall=_sum(per, PREDICATES),
        hedge_agreement=(hedge_agree, hedge_total),
        negated_as_positive=negated_as_positive,
        cited=(cited, cited_total),
        misses=misses,
        false_alarms=false_alarms,
        uncited=uncited,
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _same_sentence(a: str, b: str) -> bool:
    return a == b or (len(b) > 20 and (b in a or a in b))


def _sum(per: dict[str, Score], predicates: tuple[str, ...]) -> Score:
    return Score(
        sum(per[p].tp for p in predicates),
        sum(per[p].fp for p in predicates),
        sum(per[p].fn for p in predicates),
    )


def format_report(report: Report, *, show_errors: bool = False) -> str:
    lines = [f"{'predicate':24} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]

    def row(name: str, s: Score) -> str:
        return f"{name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}"

    for predicate, score in report.per_predicate.items():
        lines.append(row(predicate, score))
    lines.append("-" * 58)
    lines.append(row("core", report.core))
    lines.append(row("extended", report.extended))
    lines.append(row("all", report.overall))
    agree, total = report.hedge_agreement
    lines.append(f"hedge agreement on found relations: {agree}/{total}")
    lines.append(f"negated relations emitted as positive: {len(report.negated_as_positive)}")
    cited, total = report.cited
    lines.append(f"found relations citing their evidence sentence: {cited}/{total}")
    if show_errors:
        lines.append("")
        lines.append(f"misses ({len(report.misses)}):")
        for key, evidence in report.misses:
            lines.append(f"  {key[0]}  {key[1]} {key[2]} {key[3]}  | {evidence[:120]}")
        lines.append(f"false alarms ({len(report.false_alarms)}):")
        for key, sentence in report.false_alarms:
            lines.append(f"  {key[0]}  {key[1]} {key[2]} {key[3]}  | {sentence[:120]}")
        lines.append(f"found but not citing the gold evidence sentence ({len(report.uncited)}):")
        for key, evidence in report.uncited:
            lines.append(f"  {key[0]}  {key[1]} {key[2]} {key[3]}  | gold: {evidence[:110]}")
    return "\n".join(lines)
