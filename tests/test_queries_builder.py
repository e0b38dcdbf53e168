"""A small builder of hand-made graphs for the query tests, and tests of the views.

Graphs are written with the kg.model dataclasses into an EmbeddedStore, in
the shapes the loaders produce (Law -HAS_VERSION-> LawVersion -CONTAINS->
article -CONTAINS-> paragraph; Provision -HAS_CLAUSE-> AuthorisingClause;
PowerItem -BASED_ON-> Citation -RESOLVES_TO-> Provision ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.model import (
    AuthorisingClause, Category, Citation, CitationStatus, Department, Edge, Government, GovLevel, Law, LawVersion,
    PowerItem, Provision, ProvisionKind, Rank, Responsibility, Role, VersionStatus, article_id, item_id, paragraph_id, version_id,
)
from loaders.nlp.objects import conduct_of, conduct_reading, modifier_of
from kg.model import DIVISIONS_READING
from loaders.statutes.divisions import by_duty, divides


@dataclass
class GraphBuilder:
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    _ids: set = field(default_factory=set)
    _texts: dict = field(default_factory=dict)  # provision id -> text, for the readings the loader makes of clauses

    def _add(self, obj) -> str:
        if isinstance(obj, Provision):
            obj.conduct = conduct_of(obj.text) or ""  # as the statute loader reads it
            self._texts[obj.id] = obj.text
        if obj.id not in self._ids:
            self._ids.add(obj.id)
            self.nodes.append(obj.to_node())
        return obj.id

    def _edge(self, src: str, dst: str, type: str) -> None:
        self.edges.append(Edge(src, dst, type))

    def law(self, title: str, date: str, articles: dict[int, Any], *, rank: Rank = Rank.LAW,
            status: VersionStatus = VersionStatus.IN_FORCE, region: str | None = None,
            effective: str | None = None, items: dict[tuple[int, int], list[str]] | None = None) -> str:
        """A law version; ``articles`` maps numbers to text or to a list of paragraph texts; ``items`` (article,
        paragraph) to the texts of that paragraph's 项 (a paragraph of a list of several)."""
        items = items or {}
        law = self._add(Law(title=title, rank=rank, region=region))
        version = LawVersion(law=title, date=date, title=title, rank=rank, status=status, region=region,
                             effective=effective or date, divisions_read=DIVISIONS_READING)
        vid = self._add(version)
        self._edge(law, vid, "HAS_VERSION")
        for order, (number, text) in enumerate(sorted(articles.items())):
            paras = text if isinstance(text, list) else [text]
            aid = article_id(vid, number)
            # the divisions by object the statute loader records (loaders.statutes.divisions)
            self._add(Provision(id_=aid, version=vid, kind=ProvisionKind.ARTICLE, number=number,
                                text="\n".join(paras), article=number, order=order, divides=divides("\n".join(paras)),
                                by_duty=by_duty("\n".join(paras))))
            self._edge(vid, aid, "CONTAINS")
            if len(paras) > 1:
                for p, ptext in enumerate(paras, start=1):
                    pid = paragraph_id(aid, p)
                    self._add(Provision(id_=pid, version=vid, kind=ProvisionKind.PARAGRAPH, number=p, text=ptext,
                                        article=number, paragraph=p, by_duty=by_duty(ptext)))
                    self._edge(aid, pid, "CONTAINS")
                    for i, itext in enumerate(items.get((number, p), ()), start=1):
                        iid = item_id(pid, i)
                        self._add(Provision(id_=iid, version=vid, kind=ProvisionKind.ITEM, number=i, text=itext,
                                            article=number, paragraph=p, item=i, by_duty=by_duty(itext)))
                        self._edge(pid, iid, "CONTAINS")
        return vid

    def supersede(self, newer: str, older: str) -> None:
        self._edge(newer, older, "SUPERSEDES")

    def clause(self, provision: str, category: str, subject: str, *, level: str | None = "县级以上",
               sector: str | None = None, modality: str | None = None, actions: tuple[str, ...] = (),
               text: str | None = None, amounts: tuple[str, ...] = (), item: int | None = None) -> str:
        """A clause on ``provision``; ``item`` the 项 of the paragraph it stands in (its measure of a list)."""
        law, date = provision.split("/")[0], provision.split("/")[1]
        parts = provision.split("/")
        article = int(parts[2][1:-1])
        paragraph = int(parts[3][1:-1]) if len(parts) > 3 else None
        clause = AuthorisingClause(provision=provision, law=law, version=date, article=article, paragraph=paragraph,
                                   item=item, category=Category(category), subject=subject, level=level,
                                   sector=sector, modality=modality, actions=actions, text=text or subject,
                                   amounts=amounts, object_modifier=modifier_of(text or subject),  # as the loader reads it
                                   **vars(conduct_reading(text or subject, self._texts.get(provision))))
        cid = self._add(clause)
        self._edge(provision, cid, "HAS_CLAUSE")
        if level and sector:
            rid = self._add(Role(level=level, sector=sector))
            self._edge(cid, rid, "AUTHORISES")
        return cid

    def government(self, name: str, level: GovLevel = GovLevel.CITY, province: str | None = None) -> str:
        return self._add(Government(name=name, level=level, province=province))

    def department(self, government: str, name: str, *sectors: str) -> str:
        did = self._add(Department(name=name, government=government, sectors=tuple(sectors)))
        self._edge(did, government, "PART_OF")
        return did

    def item(self, department: str, item_id: str, name: str, category: str, *citations: dict, code: str | None = None,
             basis_text: str | None = None, duties: str = "受理、审查、决定", accountability: str = "不依法履职的",
             responsibility: bool = True, list_date: str | None = None) -> str:
        government = department.split("/")[0]
        if basis_text is None:
            basis_text = "；".join(c["text"] for c in citations)
        iid = self._add(PowerItem(id_=item_id, name=name, category=Category(category), department=department,
                                  government=government, code=code, basis_text=basis_text, list_date=list_date))
        self._edge(iid, department, "EXERCISED_BY")
        if responsibility:
            rid = self._add(Responsibility(id_=f"{iid}#r", item=iid, duties=duties, accountability=accountability))
            self._edge(iid, rid, "HAS_RESPONSIBILITY")
        for n, spec in enumerate(citations):
            spec = dict(spec)
            target = spec.pop("target", None)
            status = spec.pop("status", "resolved" if target else "unparsed")
            cit = Citation(id_=f"{iid}#c{n}", source=iid, status=CitationStatus(status), **spec)
            cid = self._add(cit)
            self._edge(iid, cid, "BASED_ON")
            if target:
                self._edge(cid, target, "RESOLVES_TO")
        return iid

    def save(self, store) -> None:
        with store.transaction() as tx:
            tx.add_nodes(self.nodes)
            tx.add_edges(self.edges)


def cite(target: str | None, text: str, **extra) -> dict:
    """A citation spec resolving to ``target`` (a provision id)."""
    spec = {"target": target, "text": text}
    if target:
        spec.setdefault("law", target.split("/")[0])
        spec.setdefault("version", "/".join(target.split("/")[:2]))
    spec.update(extra)
    return spec


# ---------------------------------------------------------------------------
# tests of the views


def _small(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {1: ["县级以上人民政府农业农村主管部门负责监督管理。", "可以进行检查。"], 2: "违反本法的，由农业农村主管部门处罚款。"})
    g.clause(paragraph_id(article_id(v, 1), 2), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 2), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    gov = g.government("甲市", province="乙省")
    d = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(d, "i1", "检查", "行政检查", cite(article_id(v, 1), "《甲法》第一条"))
    g.item(d, "i2", "处罚", "行政处罚", cite(None, "《丙法》第三条", law="丙法", status="law_not_loaded"), responsibility=False)
    g.save(store)
    return v


def test_item_bases_rows(store):
    v = _small(store)
    rows = list(store.item_bases(government="甲市"))
    assert [r.item["id"] for r in rows] == ["i1", "i2"]
    first = rows[0]
    assert first.department["name"] == "甲市农业农村局" and first.government["id"] == "甲市"
    assert (first.responsibilities, first.has_duties, first.has_accountability) == (1, True, True)
    (c,) = first.citations
    assert c.target_label == "Provision" and c.article.id == article_id(v, 1)
    assert [cl.category for cl in c.clauses] == ["行政检查"]  # the clause on paragraph 2 counts for the article
    assert c.version.rank == "法律" and c.version.current == v and c.version_has_clauses
    second = rows[1]
    assert second.responsibilities == 0 and not second.has_duties
    assert second.citations[0].target is None and second.citations[0].version is None


def test_item_bases_department_filter(store):
    _small(store)
    assert len(list(store.item_bases(department="甲市农业农村局"))) == 2
    assert list(store.item_bases(department="别的局")) == []


def test_clauses_in_force_and_covered(store):
    v = _small(store)
    rows = list(store.clauses_in_force())
    assert [r.clause.category for r in rows] == ["行政检查", "行政处罚"]
    assert rows[0].article.id == article_id(v, 1) and rows[0].version.status == "in_force"
    assert store.covered_provisions("甲市") == frozenset({article_id(v, 1)})
