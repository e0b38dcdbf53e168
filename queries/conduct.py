"""Conduct normalisation: one reading of the conduct a clause or a list item names, for comparing them.

A department's list often holds the act a clause penalises under another provision or law, in other words:
湿地保护法 art. 54 开（围）垦、填埋自然湿地 is the list's 对开垦、填埋湿地的处罚 (新疆湿地保护条例).  Character
bigrams of the raw texts share 3 of 10; once the bracketed alternative is read and 自然湿地 is
read as the provincial regulations' 湿地, they are one reading.
The rules are the rows of ``ontology/conduct_terms.csv`` (each citing a clause and an item it reconciles):

- ``bracket``: a short bracketed alternative is dropped (开（围）垦 -> 开垦);
- ``strip``: a modifier naming no act is removed (擅自, 非法, 违反…规定, 未经批准);
- ``synonym``: one word of a pair is written as the other (损毁 -> 损坏, 禁用 -> 禁止使用);
- ``connective``: an enumeration's connectives go (或者, 以及, 和 ...).

Rows apply in table order, brackets first: a synonym may need a bracket read first.
:func:`segments` splits an item name listing several conducts (A；B；C) so each can be compared on its own.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from kg.text import bigrams, halfwidth

from .tables import ontology_rows

KINDS = ("bracket", "strip", "synonym", "connective")


@functools.lru_cache(maxsize=1)
def conduct_terms() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(kind, pattern, replacement) of ``ontology/conduct_terms.csv``, brackets first, then in table order."""
    rows = []
    for line, row in ontology_rows("conduct_terms.csv"):
        if None in row or None in row.values():
            raise ValueError(f"ontology/conduct_terms.csv: line {line}: expected 5 cells (quote patterns holding a comma)")
        if row["kind"] not in KINDS:
            raise ValueError(f"ontology/conduct_terms.csv: line {line}: unknown kind {row['kind']!r} (one of {', '.join(KINDS)})")
        if row["kind"] == "synonym" and not row["replacement"]:
            raise ValueError(f"ontology/conduct_terms.csv: line {line}: a synonym needs its replacement")
        rows.append((row["kind"], re.compile(row["pattern"]), row["replacement"]))
    return tuple(sorted(rows, key=lambda r: r[0] != "bracket"))


@functools.lru_cache(maxsize=1 << 16)  # every government's vacuums read the same catalogue's item names
def normalise_conduct(text: str | None) -> str:
    """``text`` read by the rules of ``ontology/conduct_terms.csv``.

    >>> normalise_conduct("开（围）垦、填埋自然湿地")
    '开垦、填埋湿地'
    >>> normalise_conduct("违反规定、侵占、损毁或者擅自移动地质环境监测设施")
    '、侵占、损坏移动地质环境监测设施'
    """
    text = halfwidth(text or "")
    for _, pattern, replacement in conduct_terms():
        text = pattern.sub(replacement, text)
    return text


def conduct_grams(text: str | None) -> frozenset[str]:
    """The bigrams of the normalised conduct (:func:`normalise_conduct`): what two conducts are compared by.

    >>> conduct_grams("开（围）垦、填埋自然湿地") == conduct_grams("开垦、填埋湿地")
    True
    """
    return bigrams(normalise_conduct(text)) if text else frozenset()


_SEGMENT = re.compile(r"[；;]")


def segments(name: str | None) -> list[str]:
    """The conducts an item name lists one after another, split at ；: 对未办理植物检疫证书；在报检过程中弄虚作假…的处罚.

    A name of one conduct is its own only segment.

    >>> segments("擅自改变林地用途；在临时使用的林地上修建永久性建筑物")
    ['擅自改变林地用途', '在临时使用的林地上修建永久性建筑物']
    """
    parts = [p.strip("，,、 ") for p in _SEGMENT.split(name or "")]
    return [p for p in parts if p]


def readings(conduct: str | None, listed: Iterable[str] = ()) -> tuple[frozenset[str], ...]:
    """A clause's conduct as compared once normalised: its normalised bigrams, and those of each conduct
    ``listed`` in its items (有下列行为之一：（一）…；（二）…), deduplicated.

    >>> readings("开（围）垦、填埋自然湿地") == (conduct_grams("开垦填埋湿地"),)
    True
    >>> len(readings("生产经营劣种子", ["生产经营劣种子"]))
    1
    """
    found: list[frozenset[str]] = []
    for text in ([conduct] if conduct else []) + list(listed):
        grams = conduct_grams(text)
        if grams and grams not in found:
            found.append(grams)
    return tuple(found)


def item_readings(conduct: str | None) -> tuple[frozenset[str], ...]:
    """An item's conduct as compared once normalised: the whole, and each of the conducts it lists after
    one another (:func:`segments`), when there are several."""
    parts = segments(conduct)
    return readings(conduct, parts if len(parts) > 1 else ())
