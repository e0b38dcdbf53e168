"""Divisions of a law's work by object, read from its articles at load time (``Provision.divides``).

A competence article may divide the law's work between departments without a dividing word (分别, 各自职责 …):
each body is given an object of its own, a sentence each (野生植物保护条例 art. 8: 林业…主管全国林区内野生植物…工作。
农业…主管全国其他野生植物…工作), or the acting body is an organ each department has of its own (植物检疫条例 art. 3:
农业主管部门、林业主管部门所属的植物检疫机构).  The constructions are the rows of ``ontology/divisions.csv``, each
citing its corpus article.  The loader records on each article (条) the sector groups it divides
(:func:`divides`), and marks the version (``LawVersion.divisions_read``); the overlap query
(``queries.overlap.LawDivisions``) reads the property and never the text.

Every provision is also marked when it gives its acts to the bodies it names each within its own duties
(``Provision.by_duty``: 各自职责, 分别, 依照职权 …, the words of ``ontology/duty_divisions.csv``, :func:`by_duty`).

A store loaded before these properties existed has versions with a lower mark: :func:`unread_versions` counts
them without reading the graph, and ``plkg`` says so when it opens the store (load the laws again to record them).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from kg.model import DIVISION_SEPARATOR as SEPARATOR
from kg.model import DIVISIONS_READING
from ontology import rows as ontology_rows

DIVISION_COLUMNS = ("construction", "scope", "pattern", "contains", "law", "article", "example", "why")
DIVISION_SCOPES = ("article", "sentence")


@dataclass(frozen=True)
class Division:
    """One row of ``ontology/divisions.csv``: a construction by which a competence article divides a law's work
    between departments by object.  ``scope`` ``article``: two or more matches in one article, each naming one
    body (group ``body``) and its object (group ``object``), bodies of different sectors given different
    objects; ``sentence``: one match naming two or more bodies (group ``bodies``, joined by 、)."""

    construction: str
    scope: str
    pattern: re.Pattern[str]
    cited: str  # the law and article of its corpus example
    contains: str = ""  # words every match holds: a text without them is not searched (the load reads every article)

    def sectors(self, text: str) -> frozenset[str]:
        """The sectors ``text`` (an article) divides by this construction (none, or two or more)."""
        if self.contains not in text:
            return frozenset()
        if self.scope == "sentence":
            for m in self.pattern.finditer(text):
                found = {sector_of(body) for body in m.group("bodies").split("、")} - {None}
                if len(found) >= 2:
                    return frozenset(found)
            return frozenset()
        objects: dict[str, set[str]] = defaultdict(set)
        for m in self.pattern.finditer(text):
            sector = sector_of(m.group("body"))
            if sector is not None:
                objects[sector].add(_PLACE.sub("", m.group("object")))
        # a sector sharing an object with another is not divided from it (X、Y主管…工作 in two sentences)
        divided = {s for s, found in objects.items()
                   if not any(found & other for t, other in objects.items() if t != s)}
        return frozenset(divided) if len(divided) >= 2 else frozenset()


_PLACE = re.compile(r"^(对)?(全国|本行政区域内?|本地区)(的)?")


@functools.lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """The rows of ``ontology/divisions.csv`` (each citing the corpus article it reads)."""
    rows = []
    for line, row in ontology_rows("divisions.csv"):
        if None in row or None in row.values() or row["scope"] not in DIVISION_SCOPES:
            raise ValueError(f"ontology/divisions.csv: line {line}: expected {len(DIVISION_COLUMNS)} cells "
                             f"({','.join(DIVISION_COLUMNS)}), scope one of {', '.join(DIVISION_SCOPES)}")
        try:
            pattern = re.compile(row["pattern"])
        except re.error as exc:
            raise ValueError(f"ontology/divisions.csv: line {line}: bad pattern ({exc})") from None
        groups = {"bodies"} if row["scope"] == "sentence" else {"body", "object"}
        if not groups <= set(pattern.groupindex):
            raise ValueError(f"ontology/divisions.csv: line {line}: a pattern of scope {row['scope']} needs the "
                             f"group(s) {', '.join(sorted(groups))}")
        if not row["contains"] or row["contains"] not in row["example"] or not pattern.search(row["example"]):
            raise ValueError(f"ontology/divisions.csv: line {line}: the example must hold the contains words "
                             f"({row['contains']!r}) and match the pattern")
        rows.append(Division(row["construction"], row["scope"], pattern, f"《{row['law']}》{row['article']}",
                             row["contains"]))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def _sector_terms() -> tuple[tuple[str, str], ...]:
    """(term, sector) of ``ontology/sectors.csv``, longest term first (the NLP loader's table, imported here only
    when an article is read: ``plkg`` counts unread versions through this module without loading spaCy)."""
    from loaders.nlp.roles import sector_terms

    rows = sector_terms()
    for term, sector in rows:
        if SEPARATOR in sector:
            raise ValueError(f"ontology/sectors.csv: the sector {sector!r} (term {term!r}) holds {SEPARATOR}, "
                             f"which separates the sectors of a division (Provision.divides)")
    return rows


@functools.lru_cache(maxsize=4096)
def sector_of(body: str) -> str | None:
    """The canonical sector of a body phrase (国务院林业行政主管部门 -> 林业和草原), by its longest term."""
    for term, sector in _sector_terms():
        if term in body:
            return sector
    return None


def divided_sectors(text: str) -> list[tuple[frozenset[str], Division]]:
    """The sector groups an article's text divides by the constructions of ``ontology/divisions.csv``.

    >>> [(sorted(s), d.construction) for s, d in divided_sectors(
    ...     "国务院林业行政主管部门主管全国林区内野生植物的监督管理工作。国务院农业行政主管部门主管全国其他野生植物的监督管理工作。")]
    [(['农业农村', '林业和草原'], 'by_object')]
    >>> divided_sectors("国务院农业主管部门主管全国种子工作。县级以上地方人民政府农业主管部门主管本行政区域内种子工作。")
    []
    """
    return [(found, row) for row in divisions() for found in (row.sectors(text),) if found]


def divides(text: str | None) -> tuple[str, ...]:
    """What ``Provision.divides`` records for an article: each sector group it divides (in table order), its
    sectors sorted and joined by :data:`SEPARATOR`.

    >>> divides("县级以上地方各级农业主管部门、林业主管部门所属的植物检疫机构，负责执行国家的植物检疫任务。")
    ('农业农村、林业和草原',)
    >>> divides("国务院农业主管部门主管全国种子工作。")
    ()
    """
    if not text:
        return ()
    return tuple(SEPARATOR.join(sorted(found)) for found, _ in divided_sectors(text))


DUTY_COLUMNS = ("word", "law", "article", "example", "why")


@functools.lru_cache(maxsize=1)
def duty_words() -> tuple[str, ...]:
    """The words of ``ontology/duty_divisions.csv``: a provision holding one divides its acts by the bodies' duties."""
    words = []
    for line, row in ontology_rows("duty_divisions.csv"):
        if tuple(row) != DUTY_COLUMNS:
            raise ValueError(f"ontology/duty_divisions.csv: columns {', '.join(row)}, expected {', '.join(DUTY_COLUMNS)}")
        word = (row["word"] or "").strip()
        if not word:
            raise ValueError(f"ontology/duty_divisions.csv line {line}: no word")
        words.append(word)
    return tuple(words)


def by_duty(text: str | None) -> bool:
    """Whether a provision's text gives its acts to the bodies it names each within its own duties.

    >>> by_duty("由网信部门和电信、公安、市场监管等有关部门依据职责，按照有关法律、行政法规和部门规章的规定予以处理")
    True
    >>> by_duty("由县级以上人民政府农业农村主管部门责令停止违法行为")
    False
    """
    return bool(text) and any(word in text for word in duty_words())


def unread_versions(store) -> int:
    """How many law versions of ``store`` were loaded before their provisions' divisions were recorded as this code
    records them (``divisions_read`` below :data:`kg.model.DIVISIONS_READING`), counted without reading the graph
    when it is not read yet."""
    return sum(1 for node in store.nodes_unread("LawVersion")
               if int(node.props.get("divisions_read") or 0) < DIVISIONS_READING)
