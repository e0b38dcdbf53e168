"""Entries of a power list -> graph objects: governments, departments, items,
responsibilities and citations with their edges.

Item ids: the list's own code when it is present and unique in the batch, else
``{department id}#{序号}#{hash of category, name and sub-item}`` (stable across
loads of the same list).  Citation ids: ``{item id}#c{n}``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from kg.model import Citation, Department, Edge, EdgeType, Government, GovLevel, PowerItem, Responsibility

from .citations import ParsedCitation
from .departments import GovernmentName, SectorTable, department_government
from .items import Entry
from .resolve import Resolution


def stable_item_id(department_id: str, entry: Entry) -> str:
    digest = hashlib.sha1(f"{entry.category.value if entry.category else ''}|{entry.name}|{entry.sub}".encode()).hexdigest()[:12]
    return f"{department_id}#{entry.number or '-'}#{digest}"


@dataclass
class GraphBatch:
    """Nodes and edges of one load, deduplicated by id."""

    governments: dict[str, Government] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    items: dict[str, PowerItem] = field(default_factory=dict)
    responsibilities: list[Responsibility] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)

    def government(self, name: GovernmentName, province: str | None) -> Government:
        parent = name.parent
        if parent is None and name.level in (GovLevel.CITY, GovLevel.COUNTY) and province and name.name != province:
            parent = province
        gov = self.governments.get(name.name)
        if gov is None:
            gov = Government(name.name, name.level, parent, province if name.level != GovLevel.PROVINCE else None)
            self.governments[name.name] = gov
            if parent:
                level = GovLevel.PROVINCE if parent == province or parent.endswith(("省", "自治区")) else GovLevel.CITY
                parent_gov = self.government(GovernmentName(parent, level, None if level == GovLevel.PROVINCE else province), province)
                self.edges.append(Edge(gov.id, parent_gov.id, EdgeType.SUBORDINATE_TO.value))
        return gov

    def department(self, written: str, default: GovernmentName, province: str | None, sectors: SectorTable) -> Department:
        gov_name, name = department_government(written, default, province)
        gov = self.government(gov_name, province)
        dept = Department(name, gov.id, sectors.sectors_for(name, gov.id))
        if dept.id not in self.departments:
            self.departments[dept.id] = dept
            self.edges.append(Edge(dept.id, gov.id, EdgeType.PART_OF.value))
        return self.departments[dept.id]


def responsibility_of(item_id: str, entry: Entry) -> Responsibility | None:
    if not (entry.duties or entry.accountability or entry.scope or entry.resp_basis):
        return None
    return Responsibility(f"{item_id}#r", item_id, entry.duties, entry.accountability, entry.scope, entry.resp_basis)


def citation_of(item_id: str, n: int, parsed: ParsedCitation, resolution: Resolution) -> Citation:
    return Citation(
        id_=f"{item_id}#c{n}",
        source=item_id,
        text=parsed.text,
        law=parsed.law,
        version=resolution.version,
        article=parsed.article,
        article_suffix=parsed.article_suffix,
        paragraph=parsed.paragraph,
        item=parsed.item,
        target=resolution.target,
        status=resolution.status,
        rank_tag=parsed.rank_tag,
        version_note=parsed.version_note,
        quote=parsed.quote,
        quote_similarity=resolution.quote_similarity,
        quote_best_match=resolution.quote_best_match,
        quote_best_similarity=resolution.quote_best_similarity,
    )


def add_citations(batch: GraphBatch, item_id: str, parsed: list[ParsedCitation], resolutions: list[Resolution]) -> None:
    for n, (cite, resolution) in enumerate(zip(parsed, resolutions), 1):
        citation = citation_of(item_id, n, cite, resolution)
        batch.citations.append(citation)
        batch.statuses[resolution.status.value] += 1
        batch.edges.append(Edge(item_id, citation.id, EdgeType.BASED_ON.value))
        if resolution.target:
            batch.edges.append(Edge(citation.id, resolution.target, EdgeType.RESOLVES_TO.value))

