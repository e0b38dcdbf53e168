"""Entries of a power list -> graph objects: governments, departments, items,
responsibilities and citations with their edges.

Item ids: the list's own code when it is present and unique in the batch, else
``{department id}#{序号}#{hash of category, name and sub-item}`` (stable across
loads of the same list).  Citation ids: ``{item id}#c{n}``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kg.model import (
    Citation,
    Department,
    Edge,
    EdgeType,
    GovLevel,
    Government,
    Node,
    PowerItem,
    Responsibility,
    department_id,
    nodes_of,
)
from kg.store import Store, Writer

from .citations import ParsedCitation
from .departments import GovernmentName, SectorTable, department_name
from .items import Entry
from .resolve import Resolution


def stable_item_id(department_id: str, entry: Entry) -> str:
    digest = hashlib.sha1(f"{entry.category.value if entry.category else ''}|{entry.name}|{entry.sub}".encode()).hexdigest()[:12]
    return f"{department_id}#{entry.number or '-'}#{digest}"


@dataclass
class GraphBatch:
    """Nodes and edges of one load, written to a transaction a chunk at a time.

    Governments and departments are deduplicated over the whole load (a small
    dict each); items, responsibilities, citations and edges wait in the chunk
    until :meth:`flush` writes them and lets them go.  ``item_ids`` holds every
    item id of the load, to number a repeated one.
    """

    governments: dict[str, Government] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    item_ids: set[str] = field(default_factory=set)
    items: list[PowerItem] = field(default_factory=list)  # the chunk's
    responsibilities: list[Responsibility] = field(default_factory=list)  # the chunk's
    citations: list[Citation] = field(default_factory=list)  # the chunk's
    edges: list[Edge] = field(default_factory=list)  # the chunk's
    statuses: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)  # nodes written, by label
    new_governments: list[Government] = field(default_factory=list)  # the chunk's
    new_departments: list[Department] = field(default_factory=list)  # the chunk's
    prior: dict[str, Node | None] = field(default_factory=dict)  # each government's node before this load
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)  # (government id, a department's other name) -> its id
    superseded: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)  # a stored department under an old name -> (government, name now, its items)
    dates: dict[str, set[str]] = field(default_factory=dict)  # list dates of this load's items, by government
    _holding: set[str] | None = field(default=None, repr=False)  # governments the store had items of before this load
    _department_ids: dict[str, str] = field(default_factory=dict, repr=False)
    _by_cell: dict[tuple, Department] = field(default_factory=dict, repr=False)
    _written: set[str] = field(default_factory=set, repr=False)  # departments already in the transaction
    _changed: dict[str, Department] = field(default_factory=dict, repr=False)  # written ones with new sectors or aliases

    def government(self, name: GovernmentName, province: str | None, get: Callable[[str], Node | None] | None = None) -> Government:
        parent = name.parent
        if parent is None and name.level in (GovLevel.CITY, GovLevel.COUNTY) and province and name.name != province:
            parent = province
        gov = self.governments.get(name.name)
        if gov is None:
            gov = Government(name.name, name.level, parent, province if name.level != GovLevel.PROVINCE else None)
            self.governments[name.name] = gov
            self.new_governments.append(gov)
            self.prior[gov.id] = get(gov.id) if get else None
            if parent:
                level = GovLevel.PROVINCE if parent == province or parent.endswith(("省", "自治区")) else GovLevel.CITY
                parent_gov = self.government(GovernmentName(parent, level, None if level == GovLevel.PROVINCE else province), province, get)
                self.edges.append(Edge(gov.id, parent_gov.id, EdgeType.SUBORDINATE_TO.value))
        return gov

    def learn_aliases(self, written: str, default: GovernmentName, province: str | None) -> None:
        """Note the other names a 实施主体 cell gives its department, before any item is built.

        A load reads every list first, so a body named alone in one list
        (粮食和物资储备局) joins the office that another list names it a
        second name of (发展和改革委员会（粮食和物资储备局）), whichever comes first.
        """
        named = department_name(written, default, province)
        own = department_id(named.government.name, named.name)
        for alias in named.aliases:
            key = (named.government.name, department_name(alias, named.government, province).name)
            if key[1] != named.name:
                self.aliases.setdefault(key, own)

    def learn_store_aliases(self, departments: Iterable[Node], province: str | None,
                            in_edges: Callable[[str, str], Iterable[Edge]]) -> None:
        """The other names departments already in the store carry (from earlier loads), and the
        departments an earlier loader named otherwise (read before the transaction opens)."""
        for node in departments:
            gov, name = node.props.get("government"), node.props.get("name")
            if not gov or not name:
                continue
            default = GovernmentName(gov, GovLevel.CITY)
            now = department_name(name, default, province)
            if now.name != name and now.government.name == gov:  # an earlier loader's node: X（second name）, X本级
                self.superseded[node.id] = (gov, now.name, [e.src for e in in_edges(node.id, EdgeType.EXERCISED_BY.value)])
            for alias in node.props.get("aliases") or ():
                canonical = department_name(alias, default, province).name
                if canonical != name:
                    self.aliases.setdefault((gov, canonical), node.id)

    def fold_role(self, role: str, office: str, default: GovernmentName, province: str | None,
                  get: Callable[[str], Node | None], in_edges: Callable[[str, str], Iterable[Edge]]) -> None:
        """A stored department named by a statutory role (克拉玛依市商务主管部门, as an earlier load named it) that
        this load reads as the office ``office``: folded into the office by :meth:`merge_superseded`."""
        named, now = department_name(role, default, province), department_name(office, default, province)
        old_id = department_id(named.government.name, named.name)
        node = get(old_id)
        if node is not None and node.label == "Department" and old_id not in self.superseded \
                and named.government.name == now.government.name and named.name != now.name:
            self.superseded[old_id] = (now.government.name, now.name, [e.src for e in in_edges(old_id, EdgeType.EXERCISED_BY.value)])

    def department(self, written: str, default: GovernmentName, province: str | None, sectors: SectorTable,
                   get: Callable[[str], Node | None] | None = None, system: tuple[str, ...] = ()) -> Department:
        """The department a 实施主体 cell names: one node per office, whatever name the cell gives it.

        Its sectors are the union of those its names carry, and of those a
        node of the same id in the store had; its aliases collect the other
        names.  A department already written in this transaction that gains a
        name is written again at the next :meth:`flush`.  ``system``: the sectors of
        the one system a list is of (林业和草原系统…权责清单): a body of several sectors named there
        (…各区自然资源分局: 自然资源, 林业和草原) carries from this list only the system's.
        """
        memo = (written, default, province, system)
        dept = self._by_cell.get(memo)
        if dept is not None:
            return dept
        named = department_name(written, default, province)
        gov = self.government(named.government, province, get)
        dept_id = self.aliases.get((gov.id, named.name), department_id(gov.id, named.name))
        dept = self.departments.get(dept_id)
        if dept is None:
            dept = Department(dept_id[len(gov.id) + 1:], gov.id)
            prior = get(dept_id) if get else None
            if prior is not None and prior.label == "Department":  # an earlier load's: keep what it knew
                dept.sectors = tuple(prior.props.get("sectors") or ())
                dept.aliases = tuple(prior.props.get("aliases") or ())
            self.departments[dept.id] = dept
            self._department_ids[dept.id] = dept.id
            self.new_departments.append(dept)
            self.edges.append(Edge(dept.id, gov.id, EdgeType.PART_OF.value))
        names = [n for n in (named.name, *named.aliases) if n != dept.name]
        aliases = dept.aliases + tuple(n for n in names if n not in dept.aliases)
        found = [s for n in (dept.name, *names) for s in sectors.sectors_for(n, gov.id)]
        found = [s for s in found if s in system] or found
        union = dept.sectors + tuple(dict.fromkeys(s for s in found if s not in dept.sectors))
        if (union, aliases) != (dept.sectors, dept.aliases):
            dept.sectors, dept.aliases = union, aliases
            if dept.id in self._written:
                self._changed[dept.id] = dept
        self._by_cell[memo] = dept
        return dept

    def merge_superseded(self, tx: Writer) -> None:
        """Fold each stored department under an old name into the one this load names the office by.

        Its items move over (their ``department`` and EXERCISED_BY edge), its
        names and sectors join the department's, and the old node goes.  Only
        offices this load wrote are touched: the rest of the store stays as it was.
        """
        for old_id, (gov, name, items) in self.superseded.items():
            new_id = self.aliases.get((gov, name), department_id(gov, name))
            dept = self.departments.get(new_id)
            old = tx.get(old_id)
            if dept is None or old is None or old_id == new_id:
                continue
            for item in items:
                if tx.get(item) is None:
                    continue  # removed with its file's earlier load
                tx.update_props(item, department=new_id)
                tx.remove_edges([(item, old_id, EdgeType.EXERCISED_BY.value)])
                tx.add_edge(Edge(item, new_id, EdgeType.EXERCISED_BY.value))
            names = (old.props.get("name"), *(old.props.get("aliases") or ()))
            aliases = dept.aliases + tuple(dict.fromkeys(n for n in names if n and n != dept.name and n not in dept.aliases))
            sectors = dept.sectors + tuple(dict.fromkeys(s for s in old.props.get("sectors") or () if s not in dept.sectors))
            if (sectors, aliases) != (dept.sectors, dept.aliases):
                dept.sectors, dept.aliases = sectors, aliases
                if dept.id in self._written:
                    self._changed[dept.id] = dept
            tx.remove_nodes([old_id])

    def department_id(self, department: Department) -> str:
        """``department.id`` as one string object: items and edges hold it, not a copy each."""
        return self._department_ids[department.id]

    def versioned_id(self, item_id: str, government: str, date: str | None, store: Store) -> str:
        """``item_id``, or ``item_id@date`` when the store holds that id for an item of another list date
        (a second version of the government's list: both are kept)."""
        if government not in self.holding(store):  # a first version: no item is looked up
            return item_id
        node = store.get(item_id)
        if node is None or node.label != "PowerItem" or node.props.get("list_date") == date:
            return item_id
        return f"{item_id}@{date or '-'}"

    def holding(self, store: Store) -> set[str]:
        """The governments the store holds items of, read once before this load's first item: a property
        look-up per government would rebuild the store's index after every write of the load."""
        if self._holding is None:
            self._holding = {node.props.get("government") for node in store.nodes("PowerItem")}
        return self._holding

    def add_item(self, item: PowerItem, responsibility: Responsibility | None) -> None:
        self.item_ids.add(item.id_)
        self.dates.setdefault(item.government, set()).add(item.list_date or "")
        self.items.append(item)
        self.edges.append(Edge(item.id_, item.department, EdgeType.EXERCISED_BY.value))
        if responsibility is not None:
            self.responsibilities.append(responsibility)
            self.edges.append(Edge(item.id_, responsibility.id_, EdgeType.HAS_RESPONSIBILITY.value))

    def pending_item(self, item_id: str) -> PowerItem | None:
        """An item of the chunk not yet written."""
        return next((item for item in self.items if item.id_ == item_id), None)

    def flush(self, tx: Writer) -> None:
        """Write the chunk (nodes before the edges that need them) and forget it."""
        if self._changed:  # written in an earlier chunk, with fewer sectors or aliases than they have now
            new = {d.id for d in self.new_departments}
            tx.add_nodes(nodes_of(d for d in self._changed.values() if d.id not in new))
            self._changed.clear()
        self._written.update(d.id for d in self.new_departments)
        for label, objects in (("Government", self.new_governments), ("Department", self.new_departments),
                               ("PowerItem", self.items), ("Responsibility", self.responsibilities),
                               ("Citation", self.citations)):
            if objects:
                tx.add_nodes(nodes_of(objects))
                self.counts[label] += len(objects)
                objects.clear()
        if self.edges:
            tx.add_edges(self.edges)
            self.edges.clear()


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
        current_target=resolution.current_target,
    )


def add_citations(batch: GraphBatch, item_id: str, parsed: list[ParsedCitation], resolutions: list[Resolution]) -> None:
    for n, (cite, resolution) in enumerate(zip(parsed, resolutions), 1):
        citation = citation_of(item_id, n, cite, resolution)
        batch.citations.append(citation)
        batch.statuses[resolution.status.value] += 1
        batch.edges.append(Edge(item_id, citation.id, EdgeType.BASED_ON.value))
        if resolution.target:
            batch.edges.append(Edge(citation.id, resolution.target, EdgeType.RESOLVES_TO.value))



def mark_versions(store: Store, tx: Writer, batch: GraphBatch, replaced: set[str]) -> list[str]:
    """Mark the items of the older version of each government's list this load touched ``superseded``.

    The items a government already had in the store (less ``replaced``: those
    this load takes the place of) and the items of this load are two versions
    when their newest list dates differ; the side with the older newest date
    is marked with the other's date.  Items of one load never supersede one
    another (a batch of department lists of different years is one list).
    Returns a line per government whose versions this load changed, for the load summary.
    """
    notes: list[str] = []
    wanted = {g for g in batch.dates if g in batch.holding(store)}  # the others had no item: nothing to compare
    if not wanted:
        return notes
    # one pass over the items, not a look-up per government (each would rebuild the index after the load's writes);
    # a store may show the transaction's own writes: this load's items are not "earlier"
    earlier_of: dict[str, list[Node]] = defaultdict(list)
    for node in store.nodes("PowerItem"):
        government = node.props.get("government")
        if government in wanted and node.id not in replaced and node.id not in batch.item_ids:
            earlier_of[government].append(node)
    for government, dates in sorted(batch.dates.items()):
        new = max(dates)
        earlier = earlier_of.get(government)
        if not earlier:
            continue
        old = max(node.props.get("list_date") or "" for node in earlier)
        if new > old:
            doomed = [node for node in earlier if not node.props.get("superseded")]
            date = new
            note = (f"{government}: the list dated {new or '(none)'} is now its current version; the {len(doomed)} items "
                    f"dated {old or '(none)'} are kept as a past version (plkg diff lists) and no longer checked"
                    " - a new version holds every department's list of that date")
        elif old > new:
            doomed = [node for node in (tx.get(i) for i in sorted(batch.item_ids))
                      if node is not None and node.props.get("government") == government]
            date = old
            note = (f"{government}: these {len(doomed)} items dated {new or '(none)'} are a past version"
                    f" (plkg diff lists); its current list is dated {old}")
        else:
            continue
        # one write of every marked node (props merged), not a read and a write each
        tx.add_nodes(Node(node.id, node.label, {**node.props, "superseded": date or None}) for node in doomed)
        notes.append(note)
    if len(notes) > 5:  # a provincial batch: one line, not one per county
        return notes[:3] + [f"… and {len(notes) - 3} more governments whose list versions this load changed"]
    return notes
