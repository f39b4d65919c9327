"""Text preparation for the NLP pass, with an offset map back to the stored text.

The stored text of a document is never changed: citations point into it. The NLP pass
reads a *view* of it in which

- page furniture lines ("Leave a Reply", a lone "Copy", calendars, author blurbs) are
  blanked, so they are not read as news, and
- split-word artefacts ("Du-shanbe", "Presi-dent", "co-untries-allies") are repaired.

:class:`TextView` maps any character range of the view back to the stored text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


@dataclass(frozen=True)
class TextView:
    """The NLP view of a stored text and the map of each view character to the stored text."""

    text: str
    source_index: array  # source_index[i] = position in the stored text of view char i

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the view range ``[start, end)`` to the stored text range it came from."""
        if end <= start:
            pos = self.source_index[start] if start < len(self.source_index) else self._end()
            return pos, pos
        return self.source_index[start], self.source_index[end - 1] + 1

    def _end(self) -> int:
        return self.source_index[-1] + 1 if len(self.source_index) else 0


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(resources.files("kg.data").joinpath("furniture.yaml").read_text("utf-8"))
    lines = tuple(re.compile(p) for p in data["lines"])
    after = tuple(re.compile(p) for p in data.get("after", []))
    return lines, after


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    raw = resources.files("kg.data").joinpath("words.txt").read_text("utf-8")
    return frozenset(w for w in raw.split() if not w.startswith("#"))


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` (whole lines) that are page furniture."""
    line_rules, after_rules = furniture_rules()
    ranges: list[tuple[int, int]] = []
    pos = 0
    drop_next_paragraph = False
    in_dropped_paragraph = False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped:
            if in_dropped_paragraph:
                in_dropped_paragraph = False
            continue
        if drop_next_paragraph or in_dropped_paragraph:
            drop_next_paragraph = False
            in_dropped_paragraph = True
            ranges.append((start, start + len(line.rstrip("\r\n"))))
            continue
        if any(rule.fullmatch(stripped) for rule in line_rules):
            ranges.append((start, start + len(line.rstrip("\r\n"))))
            if any(rule.fullmatch(stripped) for rule in after_rules):
                drop_next_paragraph = True
    return ranges


@lru_cache(maxsize=4)
def _vocabulary(lexicon: frozenset[str] | None) -> frozenset[str]:
    return english_words() if lexicon is None else lexicon | english_words()


def split_word_repairs(text: str, lexicon: Iterable[str] | None = None) -> list[int]:
    """Positions of hyphens in ``text`` that split one word in two ("Presi-dent").

    A hyphen is an artefact when the joined form is a known word and the two halves are
    not both words: "co-untries-allies" -> "countries-allies", "long-standing" stays.
    """
    words = _vocabulary(None if lexicon is None else frozenset(lexicon))
    hyphens: list[int] = []
    for match in _HYPHENATED.finditer(text):
        parts = match.group().split("-")
        offset = match.start()
        merged = parts[0]
        for part in parts[1:]:
            hyphen_at = offset + len(merged)
            joined = (merged + part).lower()
            left_known = len(merged) > 1 and merged.lower() in words
            right_known = len(part) > 1 and part.lower() in words
            if joined in words and not (left_known and right_known):
                hyphens.append(hyphen_at)
                offset -= 1  # the hyphen is gone from `merged`
                merged = merged + part
            else:
                offset += len(merged) + 1
                merged = part
    return hyphens


def prepare(text: str, lexicon: Iterable[str] | None = None) -> TextView:
    """Build the NLP view of a stored ``text``: furniture blanked, split words repaired.

    Furniture is replaced by spaces of the same length, so that sentence splitting does not
    glue the text around it; repaired hyphens are removed from the view.
    """
    blank = furniture_ranges(text)
    drop = sorted(set(split_word_repairs(text, lexicon)))
    if blank:
        pieces, pos = [], 0
        for start, end in blank:
            pieces += [text[pos:start], " " * (end - start)]
            pos = end
        pieces.append(text[pos:])
        blanked = "".join(pieces)
    else:
        blanked = text
    out: list[str] = []
    index = array("i")
    pos = 0
    for hyphen in [*drop, len(text)]:
        out.append(blanked[pos:hyphen])
        index.extend(range(pos, hyphen))
        pos = hyphen + 1
    return TextView("".join(out), index)
