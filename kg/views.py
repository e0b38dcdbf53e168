"""Bulk read views that queries use, with portable default implementations.

Each view is a method of :class:`GraphViews` (a base of :class:`kg.store.Store`)
written over the store's primitives (``nodes``, ``get``, ``out_edges``,
``in_edges``); a server backend overrides a view to compute it server-side
(one Cypher query, streamed) and must return the same rows.

Rows are plain frozen dataclasses whose fields are plain values (str, int,
float, bool, None, tuples of those, or other row dataclasses), so a server
backend builds them from a Cypher record field by field.  Node properties are
the stored ones (``Node.props``, fields at their default left out) plus
``"id"``; a property a node lacks is absent from its dict, never None-filled.

Every view lists its rows in a deterministic order (documented per view) so
that two backends give identical output.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Iterator, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .model import Node


def _props(node: "Node | None") -> dict[str, Any] | None:
    if node is None:
        return None
    return {**node.props, "id": node.id}


@functools.lru_cache(maxsize=None)
def _field_defaults(cls) -> tuple[tuple[str, Any], ...]:
    """(name, default) of each field of a row class but ``id`` ("" for a field without a default)."""
    return tuple((f.name, "" if f.default is MISSING else f.default) for f in fields(cls) if f.name != "id")


def _row_of(cls, node: "Node"):
    """A row dataclass from a node: ``id`` is the node's id, each other field its
    property (the field's default when the node lacks it; lists become tuples).

    The row is made as ``cls(**values)`` makes it, without the frozen dataclass's ``object.__setattr__`` per field
    (a whole-corpus check makes ~100,000 clause and provision rows before its first government): the row classes
    have no ``__post_init__`` and no field made by a factory.
    """
    props = node.props
    row = object.__new__(cls)
    values = row.__dict__
    values["id"] = node.id
    # dataclasses.fields() per row cost more than building the row: read them once per class
    scalar = _SCALARS
    for name, default in _field_defaults(cls):
        value = props.get(name, default)
        if value is None:
            if default is not None:
                value = default
        elif value.__class__ not in scalar and isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return row


_SCALARS = frozenset({str, int, float, bool})
"""What a property mostly holds: a value of these classes is no list (:func:`_row_of` asks nothing more of it)."""


@dataclass(frozen=True)
class ClauseRef:
    """An authorising clause (the AuthorisingClause node's properties)."""

    id: str
    provision: str
    category: str
    subject: str
    level: str | None = None
    sector: str | None = None
    modality: str | None = None
    actions: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()  # penalty amounts as the extractor found them (AuthorisingClause.amounts)
    text: str = ""
    law: str = ""
    version: str = ""  # LawVersion.date as stored on the clause
    article: int | None = None
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    construction: str | None = None  # "competence" for X负责/主管…工作 (AuthorisingClause.construction)
    amounts: tuple[str, ...] = ()  # fines as written (五万元以上十万元以下, 货值金额一倍以上三倍以下)
    object_modifier: str = ""  # what restricts the object of its conduct (AuthorisingClause.object_modifier)
    conduct: str = ""  # the conduct it acts on, read at load (AuthorisingClause.conduct)
    listed: tuple[str, ...] = ()  # the conducts its provision's items list (AuthorisingClause.listed)
    doer: str = ""  # whom its provision's chapeau punishes (AuthorisingClause.doer)

    @classmethod
    def of(cls, node: "Node") -> "ClauseRef":
        return _row_of(cls, node)


@dataclass(frozen=True)
class ProvisionRef:
    """A Provision (条/款/项) with the fields findings show."""

    id: str
    version: str  # LawVersion.id
    kind: str
    label: str = ""
    text: str = ""
    article: int | None = None
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    by_duty: bool = False  # it gives its acts to the bodies it names each within its duties (Provision.by_duty)
    conduct: str = ""  # the conduct its text names, read at load (Provision.conduct)

    @classmethod
    def of(cls, node: "Node | None") -> "ProvisionRef | None":
        if node is None or node.label != "Provision":
            return None
        return _row_of(cls, node)


@dataclass(frozen=True)
class VersionRef:
    """A LawVersion with its Law's region and the version of the same law now in force.

    ``current`` is the id of the newest (by ``date``) version of the same Law
    whose status is ``in_force``, or None when there is none (repealed law);
    ``current_date``/``current_effective`` are its date and effective date.
    ``region`` is the version's region, else the Law's.
    """

    id: str
    law: str
    title: str
    date: str
    rank: str
    status: str
    effective: str | None = None
    region: str | None = None
    current: str | None = None
    current_date: str | None = None
    current_effective: str | None = None
    truncated: str = ""  # why the version's loaded text looks cut short (LawVersion.truncated)
    repealed_by: str | None = None  # the article of another text that states the repeal (LawVersion.repealed_by)
    repealed_on: str | None = None  # when that repeal took effect
    repeal_text: str | None = None  # its sentence


@dataclass(frozen=True)
class CitationBasis:
    """One citation of an item's basis, with what it resolved to.

    - ``citation``: the Citation node's properties plus ``id``.
    - ``target_label``: label of the RESOLVES_TO target ("Provision",
      "LawVersion") or None when the citation resolves to nothing.
    - ``target``: the target provision, or None (unresolved, or a whole law).
    - ``article``: the 条 holding ``target`` (the target itself when it is an
      article), or None.
    - ``version``: the LawVersion of the target; for a citation without a
      target, the LawVersion named by ``citation["version"]`` when stored; else None.
    - ``clauses``: every AuthorisingClause on ``article`` or on a provision it
      contains (any depth), ordered by clause id.
    - ``version_has_clauses``: whether any provision of ``version`` has a clause
      (tells "extraction found nothing here" from "extraction never ran").
    - ``best_match``: the provision named by ``citation["quote_best_match"]``, or None.
    """

    citation: Mapping[str, Any]
    target_label: str | None = None
    target: ProvisionRef | None = None
    article: ProvisionRef | None = None
    version: VersionRef | None = None
    clauses: tuple[ClauseRef, ...] = ()
    version_has_clauses: bool = False
    best_match: ProvisionRef | None = None


@dataclass(frozen=True)
class ItemBasis:
    """A power item with its department, government, responsibilities and bases.

    - ``item``: the PowerItem's properties plus ``id``.
    - ``department``/``government``: Department (via EXERCISED_BY) and
      Government (via the department's PART_OF, else the item's ``government``
      id) properties plus ``id``, or None.
    - ``responsibilities``: how many Responsibility nodes (HAS_RESPONSIBILITY).
    - ``has_duties``/``has_accountability``: whether any of them has a
      non-blank ``duties`` / ``accountability``.
    - ``citations``: one :class:`CitationBasis` per BASED_ON citation, ordered
      by citation id.
    """

    item: Mapping[str, Any]
    department: Mapping[str, Any] | None
    government: Mapping[str, Any] | None
    responsibilities: int = 0
    has_duties: bool = False
    has_accountability: bool = False
    citations: tuple[CitationBasis, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ClauseInForce:
    """An authorising clause of a law version in force, with where it sits.

    ``provision`` holds the clause; ``article`` is its 条; ``version`` its
    LawVersion (status ``in_force``); ``law_rank`` the version's rank.
    """

    clause: ClauseRef
    provision: ProvisionRef
    article: ProvisionRef | None
    version: VersionRef


_ITEM_EDGES = ("EXERCISED_BY", "HAS_RESPONSIBILITY", "BASED_ON")
"""What :meth:`GraphViews.item_bases` reads of an item: its department, responsibilities and citations."""
_node_id = operator.attrgetter("id")


class GraphViews:
    """Query-shaped bulk reads; see each method for the rows it yields.

    The defaults use only the primitives ``get``, ``nodes``, ``out_edges`` and
    ``in_edges`` (and ``targets``/``sources``) of :class:`kg.store.Store`.
    """

    # --- item_bases ---------------------------------------------------------------

    def item_bases(self, government: str | None = None, department: str | None = None,
                   list_date: str | None = None) -> Iterator[ItemBasis]:
        """Every power item with everything a finding about it needs.

        Filters: ``government`` equals ``PowerItem.government`` (the Government
        id, i.e. its name); ``department`` equals the Department's ``name`` or
        its id.  ``list_date`` None keeps the current version of each
        government's list (items without ``superseded``); a date keeps the items
        of that version (``PowerItem.list_date`` equal to it), current or past.
        Rows are ordered by item id.  See :class:`ItemBasis` and
        :class:`CitationBasis` for the row shape.

        Cypher sketch (one query)::

            MATCH (i:PowerItem) WHERE $g IS NULL OR i.government = $g
            OPTIONAL MATCH (i)-[:EXERCISED_BY]->(d:Department)
            OPTIONAL MATCH (d)-[:PART_OF]->(g:Government)
            OPTIONAL MATCH (i)-[:HAS_RESPONSIBILITY]->(r)
            OPTIONAL MATCH (i)-[:BASED_ON]->(c:Citation)
            OPTIONAL MATCH (c)-[:RESOLVES_TO]->(t)
            ... article of t, (a)-[:CONTAINS*0..]->()-[:HAS_CLAUSE]->(cl) ...
        """
        cache = view_cache(self)
        items = self.nodes("PowerItem", government=government) if government else self.nodes("PowerItem")
        for node in sorted(items, key=lambda n: n.id):
            if not in_version(node.props, list_date):
                continue
            depts, resps, cited = self.targets_by_type(node.id, _ITEM_EDGES)
            dept_node = depts[0] if depts else None
            if department and (dept_node is None or department not in (dept_node.id, dept_node.props.get("name"))):
                continue
            dept, gov = cache.department(dept_node)
            if gov is None and node.props.get("government"):
                gov = cache.props(node.props["government"])
            citations = tuple(cache.citation_basis(c) for c in sorted(cited, key=_node_id))
            yield ItemBasis(
                item=_props(node),
                department=dept,
                government=gov,
                responsibilities=len(resps),
                has_duties=any(str(r.props.get("duties", "")).strip() for r in resps),
                has_accountability=any(str(r.props.get("accountability", "")).strip() for r in resps),
                citations=citations,
            )

    # --- clauses_in_force --------------------------------------------------------

    def clauses_in_force(self, law: str | None = None) -> Iterator[ClauseInForce]:
        """Every AuthorisingClause of a LawVersion whose status is ``in_force``.

        ``law`` (optional) keeps the clauses whose ``law`` equals it.  The
        version is the LawVersion with id ``clause.law + "/" + clause.version``
        (the clause's provision's ``version``).  Rows are ordered by clause id.
        The rows are built once per committed state (:func:`state_cached`):
        vacuum and overlap queries ask for them once per government.
        """
        rows = state_cached(self, "clauses_in_force", lambda: _kept_clauses_in_force(self))
        if law is None:
            return iter(rows)
        # by law through an index: a whole corpus has ~30,000 rows, and overlap queries ask law by law
        return iter(state_cached(self, "clauses_in_force_by_law", lambda: _grouped(rows, _clause_law)).get(law, ()))

    def _clauses_in_force(self) -> Iterator[ClauseInForce]:
        """The rows of :meth:`clauses_in_force`, made from the nodes."""
        cache = view_cache(self)
        for node in sorted(self.nodes("AuthorisingClause"), key=lambda n: n.id):
            clause = cache.clause(node)
            provision = cache.provision(cache.node(clause.provision))
            if provision is None:
                continue
            version = cache.version(provision.version)
            if version is None or version.status != "in_force":
                continue
            yield ClauseInForce(clause, provision, cache.article_of(provision), version)

    # --- covered_provisions -----------------------------------------------------

    def covered_provisions(self, government: str) -> frozenset[str]:
        """Ids of the articles (条) that an item of ``government`` rests on.

        An article counts when a citation of an item with
        ``PowerItem.government == government`` RESOLVES_TO the article or to a
        provision the article contains.  Citations resolving to a whole
        LawVersion cover no article.
        """
        return self._covered(government)[0]

    def _covered(self, government: str) -> tuple[frozenset[str], frozenset[tuple[str, int, int]]]:
        cache = view_cache(self)
        provisions: set[str] = set()
        articles: set[tuple[str, int, int]] = set()
        for item in self.nodes("PowerItem", government=government):
            if item.props.get("superseded"):
                continue
            for citation in self.targets(item.id, "BASED_ON"):
                for target in self.targets(citation.id, "RESOLVES_TO"):
                    cover_target(cache, provisions, articles, cache.provision(target), citation.props.get("current_target"))
        return frozenset(provisions), frozenset(articles)

    def covered_articles(self, government: str) -> frozenset[tuple[str, int, int]]:
        """(law, article number, article suffix) of every article an item of ``government`` rests on.

        Like :meth:`covered_provisions` but across versions: ``law`` is the
        Law id (``LawVersion.law``) of the resolved provision's version, so an
        item citing an older version of a law still counts for the same
        article number of the version in force.
        """
        return self._covered(government)[1]

    # --- list versions ----------------------------------------------------------

    def list_versions(self, government: str | None = None) -> list[ListVersion]:
        """The versions of each government's list: one row per (``PowerItem.government``, ``list_date``).

        ``government`` keeps one government's.  ``current`` is true for the
        version whose items are not ``superseded``.  Rows are ordered by
        government, then date (a missing date first, as "").
        """
        counts: dict[tuple[str, str], list[int]] = {}
        items = self.nodes("PowerItem", government=government) if government else self.nodes("PowerItem")
        for node in items:
            key = (node.props.get("government") or "", node.props.get("list_date") or "")
            found = counts.setdefault(key, [0, 0])
            found[0] += 1
            found[1] += 0 if node.props.get("superseded") else 1
        return [ListVersion(g, d, n, current > 0) for (g, d), (n, current) in sorted(counts.items())]

    # --- departments ------------------------------------------------------------

    def departments_of(self, government: str) -> list[dict[str, Any]]:
        """Departments PART_OF ``government`` (properties plus ``id``), ordered by id."""
        return sorted((_props(d) for d in self.sources(government, "PART_OF")), key=lambda d: d["id"])

    def governments(self) -> list[dict[str, Any]]:
        """All Government nodes (properties plus ``id``), ordered by id."""
        return sorted((_props(g) for g in self.nodes("Government")), key=lambda g: g["id"])


_ARTICLE_OF_ID = re.compile(r"^(?P<version>(?P<law>.+)/[^/]+)/第(?P<article>\d+)条(?:之(?P<suffix>\d+))?")


def add_cover(provisions: set[str], articles: set[tuple[str, int, int]], article_id: str | None,
              own: tuple[str, int, int] | None, current: str | None) -> None:
    """Add what one citation covers to a government's covered articles (ids) and (law, number, suffix).

    ``own`` is the cited article's key; ``current`` the citation's ``current_target`` (the article of the
    version in force holding the cited text, "" when it is gone, None when the cited version is in force or
    not aligned): a citation of an older version covers the article that now holds its text, not the
    article now bearing its old number.

    >>> p, a = set(), set()
    >>> add_cover(p, a, "L/2017/第70条", ("L", 70, 0), "L/2024/第87条")
    >>> sorted(p), sorted(a)
    (['L/2017/第70条', 'L/2024/第87条'], [('L', 87, 0)])
    """
    if article_id is not None:
        provisions.add(article_id)
    if current is None:
        if own is not None:
            articles.add(own)
        return
    key = article_key(current)
    if key is not None:
        provisions.add(current)
        articles.add(key)


def cover_target(cache: Any, provisions: set[str], articles: set[tuple[str, int, int]],
                 provision: ProvisionRef | None, current: str | None) -> None:
    """:func:`add_cover` for a citation resolving to ``provision`` (a view cache's ProvisionRef, or None)."""
    if provision is None:
        return
    article = cache.article_of(provision)
    own = None
    if provision.article is not None:
        version = cache.version(provision.version)
        if version is not None:
            own = (version.law, provision.article, provision.article_suffix)
    add_cover(provisions, articles, article.id if article is not None else None, own, current)


def article_key(article_id: str) -> tuple[str, int, int] | None:
    """(law, number, suffix) of an article id (``kg.model.article_id``), or None for another id.

    >>> article_key("中华人民共和国文物保护法/2024-11-08/第87条")
    ('中华人民共和国文物保护法', 87, 0)
    """
    match = _ARTICLE_OF_ID.match(article_id or "")
    if not match:
        return None
    return match["law"], int(match["article"]), int(match["suffix"] or 0)
@dataclass(frozen=True)
class ListVersion:
    """One version of a government's list: its date ("" when the list has none), item count, whether current."""

    government: str
    date: str
    items: int
    current: bool


def in_version(props: Mapping[str, Any], list_date: str | None) -> bool:
    """Whether an item (its properties) belongs to the version ``list_date`` (None: the current one).

    >>> in_version({"list_date": "2024-01-01", "superseded": "2025-01-01"}, None)
    False
    >>> in_version({"list_date": "2024-01-01", "superseded": "2025-01-01"}, "2024-01-01")
    True
    """
    if list_date is None:
        return not props.get("superseded")
    return (props.get("list_date") or "") == list_date


def covered_by(bases: Iterable[ItemBasis]) -> tuple[frozenset[str], frozenset[tuple[str, int, int]]]:
    """What :meth:`GraphViews.covered_provisions` and :meth:`GraphViews.covered_articles` return, from item rows.

    Parameters
    ----------
    bases : iterable of ItemBasis
        Every item of one government (``item_bases(government=...)``).

    Returns
    -------
    (frozenset of str, frozenset of (str, int, int))
        The ids of the articles the items rest on, and their (law, article,
        suffix).  A citation resolves to at most one target
        (``Citation.target``), the one its :class:`CitationBasis` holds, so
        these equal the views' sets without walking the items again.

    Examples
    --------
    >>> covered_by([])
    (frozenset(), frozenset())
    """
    provisions: set[str] = set()
    articles: set[tuple[str, int, int]] = set()
    for basis in bases:
        for citation in basis.citations:
            target = citation.target
            own = None
            if target is not None and target.article is not None and citation.version is not None:
                own = (citation.version.law, target.article, target.article_suffix)
            add_cover(provisions, articles, citation.article.id if citation.article is not None else None, own,
                      citation.citation.get("current_target") if citation.target is not None else None)
    return frozenset(provisions), frozenset(articles)


# 依照森林法第四十四条的规定予以处罚, 依照《药品管理法》第八十六条的规定给予处罚: the penalty is the cited article's
# (a 转致 clause, ontology/relevance.csv row ``referral``); 违反…第X条规定 names a breached duty instead and is left out
REFERRAL = re.compile(r"(?:依照|按照|依据)[^。；，]{0,40}?第[零〇一二三四五六七八九十百千0-9]+条[^。；，]{0,30}?规定"
                      r"(?:予以|给予|进行|追究)?(?:行政)?(?:处罚|处理)")


def referred_by(store: Any, bases: Iterable[ItemBasis]) -> tuple[frozenset[str], frozenset[tuple[str, int, int]]]:
    """Articles the provisions items rest on refer their penalty to (:data:`REFERRAL`), as ids and (law, number,
    suffix), by each referring citation's dated resolution: the article of the cited law's version in force at
    the citing text's date, or, when that version is superseded, the article of the version in force the
    alignment pairs with it (``Citation.current_target``; "" when its text is gone).  A ``version_not_loaded``
    citation (the dated text is not loaded) covers nothing: the same number of a later text may be another
    provision (森林法实施条例 2018 art. 41 ¶2 cites the 1998 森林法 art. 44; 2019 art. 44 encourages planting).
    Only referrals to another law count: within one law a referral lends one article's sanctions to another
    conduct (疫苗管理法 art. 85: the persons responsible for a cold-chain breach are fined 依照本法第八十二条), and the
    referred article's own conduct still needs an item.
    """
    provisions: set[str] = set()
    articles: set[tuple[str, int, int]] = set()
    seen: set[str] = set()
    # what a provision refers to is the law's alone: found once per store state, not once per government citing it
    referrals = state_cached(store, "referrals_under", dict)
    for basis in bases:
        for citation in basis.citations:
            if citation.target is None or citation.target.id in seen:
                continue
            seen.add(citation.target.id)
            found = referrals.get(citation.target.id)
            if found is None:
                found = referrals[citation.target.id] = tuple(_referrals_under(store, citation.target.id))
            for cover in found:
                add_cover(provisions, articles, *cover)
    return frozenset(provisions), frozenset(articles)


def _referrals_under(store: Any, provision_id: str) -> Iterator[tuple[str | None, tuple[str, int, int] | None, str | None]]:
    """What :func:`referred_by` adds for an item resting on ``provision_id``: :func:`add_cover`'s article, own
    key and current target of each referral of the provision or of one it contains."""
    todo = [provision_id]
    while todo:
        pid = todo.pop()
        todo.extend(child.id for child in store.targets(pid, "CONTAINS"))
        node = store.get(pid)
        text = (node.props.get("text") or "") if node is not None else ""
        spans = [m.group(0) for m in REFERRAL.finditer(text)]
        if not spans:
            continue
        for cited in store.targets(pid, "CITES"):
            props = cited.props
            target = props.get("target")
            if props.get("law") == pid.split("/", 1)[0]:
                continue  # this law's own article (本法第八十二条)
            if props.get("status") != "resolved" or props.get("article") is None \
                    or not target or not any(props.get("text", "\0") in span for span in spans):
                continue
            yield _article_of_id(target), article_key(target), props.get("current_target")


def _article_of_id(provision_id: str) -> str | None:
    match = _ARTICLE_OF_ID.match(provision_id or "")
    return match.group(0) if match else None


def _clause_law(row: ClauseInForce) -> str:
    return row.clause.law


def _grouped(rows: Iterable[Any], key: Callable[[Any], Hashable]) -> dict[Hashable, list[Any]]:
    """``rows`` by ``key(row)``, each group in the rows' order."""
    groups: dict[Hashable, list[Any]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


_first = operator.itemgetter(0)


def clause_reach(row: ClauseInForce) -> tuple[str | None, str, str | None]:
    """What decides which governments a clause in force can bind: (role level, version rank, version region)."""
    return row.clause.level, row.version.rank, row.version.region


def clauses_binding(store: Any, key: Any, build: Callable[[], Iterable[Any]],
                    keep: Callable[..., bool], reach: Callable[[Any], tuple] = clause_reach,
                    live: Callable[[Any], bool] | None = None) -> Iterator[Any]:
    """The rows of ``build()`` whose ``reach`` ``keep`` accepts, in the rows' order, through an index.

    ``build()`` (kept per committed state under ``key``, as :func:`state_cached`
    keeps it) lists clauses in force, e.g. ``store.clauses_in_force()`` or a
    query's selection of them, in clause-id order.  They are indexed once by
    (role level, rank, region): a whole corpus has ~30,000 clauses in force
    but ~260 such groups, and a government is bound by a few of them (the
    national laws' clauses of levels binding its level, its own region's local
    legislation), so a query per government asks ``keep`` ~260 times instead
    of walking every clause.

    Parameters
    ----------
    store : kg.store.Store
    key : hashable
        Names ``build()``'s rows in the state cache (the index is kept under ``(key, "reach")``).
    build : callable
        The rows, in clause-id order.
    keep : callable
        ``keep(*reach(row))``; with the default :func:`clause_reach`,
        ``keep(level, rank, region)``: whether a clause of that role level, in a
        version of that rank and region, can bind the government asked about.
    reach : callable
        What a row is indexed by (a tuple, the same for every row the index
        groups; default :func:`clause_reach`).  A query whose rows wrap a
        :class:`ClauseInForce` (``queries.vacuum.VacuumClause``) names its own,
        and may add what it keeps or drops the same way for every government.
    live : callable, optional
        ``live(row)``: whether a row is wanted at all, whatever the government (a query that skips the
        same rows for every government: the vacuums' clauses dropped everywhere).  Asked once per row of
        a group when a government first keeps the group; the rows it refuses are never given again.

    Returns
    -------
    iterator
        The kept rows, in the order of ``build()``.

    Examples
    --------
    >>> class Store: _views = {}
    >>> list(clauses_binding(Store(), "none", lambda: [], lambda level, rank, region: True))
    []
    """
    index = state_cached(store, (key, "reach", reach), lambda: _grouped(enumerate(state_cached(store, key, build)),
                                                                            lambda pair: reach(pair[1])))
    chosen = [rows for group, rows in index.items() if keep(*group)]
    if live is not None:
        alive = state_cached(store, (key, "reach", reach, live), dict)  # id of a group's rows -> (them, the live)
        for n, rows in enumerate(chosen):
            kept = alive.get(id(rows))
            if kept is None or kept[0] is not rows:
                kept = alive[id(rows)] = (rows, [pair for pair in rows if live(pair[1])])
            chosen[n] = kept[1]
    if len(chosen) == 1:
        return (row for _, row in chosen[0])
    # (position, row) pairs: positions are distinct, so rows are never compared; one C sort of the kept
    # positions is cheaper than a Python-level merge of the dozens of groups a government keeps
    return (row for _, row in sorted(itertools.chain.from_iterable(chosen), key=_first))


def _kept_clauses_in_force(store: Any) -> list[ClauseInForce]:
    """:meth:`GraphViews._clauses_in_force`'s rows, from the views the store kept for its state when it has
    them (:meth:`kg.embedded.EmbeddedStore.kept_views`), else made, and kept for the next process when the
    store keeps views: ~1 CPU s on a whole corpus, paid before ``check all`` forks its workers.

    The kept rows join the view cache, where a row of the same node made before (an item's cited provision)
    stays the one every view gives: the kept rows holding another object of it are made again with it, so
    the rows and the cache are what making them here gives."""
    cache = view_cache(store)
    kept = getattr(store, "kept_views", None)
    payload = kept() if kept is not None else None
    if payload is not None:
        rows = cache.adopt(payload)
        if rows is not None:
            return rows
    rows = list(store._clauses_in_force())
    keep = getattr(store, "keep_views", None)
    if keep is not None:
        keep(cache.kept(rows))
    return rows


def view_cache(store: Any) -> "_ViewCache":
    """The look-up cache of the default views for ``store``'s committed state.

    A store with a ``_views`` dict that it clears on every write (as
    :class:`kg.embedded.EmbeddedStore` does) keeps one cache there, so the
    articles, clauses, versions and provision rows built for one view call
    serve every later call until the next write: ``check all`` asks for the
    items of each of thousands of governments, which share their laws.
    Other stores get a fresh cache per call.
    """
    return state_cached(store, "view_cache", lambda: _ViewCache(store))


def state_cached(store: Any, key: Any, build: Callable[[], Any]) -> Any:
    """``build()``, kept for ``store``'s committed state under ``key`` when the store can keep it.

    A store with a ``_views`` dict that it clears on every write (as
    :class:`kg.embedded.EmbeddedStore` does) keeps the value there; any other
    store gets ``build()`` afresh.  Queries use it for what they derive from
    the laws alone and would otherwise redo for each government.

    Examples
    --------
    >>> class Store: _views = {}
    >>> state_cached(Store(), "answer", lambda: 42), Store._views
    (42, {'answer': 42})
    """
    views = getattr(store, "_views", None)
    if not isinstance(views, dict):
        return build()
    if key not in views:
        views[key] = build()
    return views[key]


class _ViewCache:
    """Memoised lookups of the default views (nodes, versions, provision and clause rows, articles' clauses).

    Rows are frozen, so one row object serves every view call that reads the
    same node; the cache lives as long as the store state it was built from
    (:func:`view_cache`).
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self._nodes: dict[str, Any] = {}
        self._versions: dict[str, VersionRef | None] = {}
        self._provisions: dict[str, ProvisionRef] = {}
        self._clauses: dict[str, ClauseRef] = {}
        self._articles: dict[str, ProvisionRef | None] = {}
        self._article_clauses: dict[str, tuple[ClauseRef, ...]] = {}
        self._version_has_clauses: dict[str, bool] = {}
        self._departments: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
        self._props: dict[str, dict[str, Any] | None] = {}

    _KEPT = ("_versions", "_provisions", "_clauses", "_articles")
    """The row memos kept with the clauses in force (:func:`_kept_clauses_in_force`): their rows are made of
    the laws alone."""

    def kept(self, rows: list[ClauseInForce]) -> tuple:
        """What :meth:`adopt` takes back: the row memos and ``rows`` (made from them)."""
        return (*(getattr(self, name) for name in self._KEPT), rows)

    def adopt(self, payload: Any) -> list[ClauseInForce] | None:
        """The rows of :meth:`kept`'s ``payload``, its memos joined to this cache's (a row this cache made
        first stays, and the rows holding the payload's object of it hold this cache's); None when the
        payload is not such a thing (nothing is joined then)."""
        if not (payload.__class__ is tuple and len(payload) == len(self._KEPT) + 1 and payload[-1].__class__ is list
                and all(memo.__class__ is dict for memo in payload[:-1])):
            return None
        *memos, rows = payload
        kinds = ({VersionRef, type(None)}, {ProvisionRef}, {ClauseRef}, {ProvisionRef, type(None)})
        if not all(set(map(type, memo.values())) <= kind for memo, kind in zip(memos, kinds)) \
                or not all(row.__class__ is ClauseInForce for row in rows):
            return None
        swap: dict[int, Any] = {}  # id of a payload row -> this cache's row of the same node
        replaced = []  # the payload rows swapped, alive (their ids stay theirs) until the rows are made again
        for name, memo in zip(self._KEPT, memos):
            mine = getattr(self, name)
            for key in mine.keys() & memo.keys():
                if memo[key] is not None and mine[key] is not memo[key]:
                    swap[id(memo[key])] = mine[key]
                    replaced.append(memo[key])
            memo.update(mine)
            setattr(self, name, memo)
        if swap:
            get = swap.get
            rows = [row if not (id(row.clause) in swap or id(row.provision) in swap or id(row.article) in swap
                                or id(row.version) in swap)
                    else ClauseInForce(get(id(row.clause), row.clause), get(id(row.provision), row.provision),
                                       row.article if row.article is None else get(id(row.article), row.article),
                                       get(id(row.version), row.version))
                    for row in rows]
        del replaced
        return rows

    def node(self, node_id: str | None):
        if not node_id:
            return None
        if node_id not in self._nodes:
            self._nodes[node_id] = self.store.get(node_id)
        return self._nodes[node_id]

    def props(self, node_id: str) -> dict[str, Any] | None:
        """A node's properties plus ``id`` (one dict per node, shared by the rows naming it)."""
        if node_id not in self._props:
            self._props[node_id] = _props(self.node(node_id))
        return self._props[node_id]

    def department(self, node: "Node | None") -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """A Department node's properties and those of the Government it is PART_OF (or None)."""
        if node is None:
            return None, None
        found = self._departments.get(node.id)
        if found is None:
            gov = next(iter(self.store.targets(node.id, "PART_OF")), None)
            found = self._departments[node.id] = (_props(node), _props(gov))
        return found

    def provision(self, node: "Node | None") -> ProvisionRef | None:
        """:meth:`ProvisionRef.of`, one row per provision."""
        if node is None or node.label != "Provision":
            return None
        row = self._provisions.get(node.id)
        if row is None:
            row = self._provisions[node.id] = _row_of(ProvisionRef, node)
        return row

    def clause(self, node: "Node") -> ClauseRef:
        """:meth:`ClauseRef.of`, one row per clause."""
        row = self._clauses.get(node.id)
        if row is None:
            row = self._clauses[node.id] = _row_of(ClauseRef, node)
        return row

    def version(self, version_id: str | None) -> VersionRef | None:
        if not version_id:
            return None
        if version_id not in self._versions:
            self._versions[version_id] = self._load_version(version_id)
        return self._versions[version_id]

    def _load_version(self, version_id: str) -> VersionRef | None:
        node = self.node(version_id)
        if node is None or node.label != "LawVersion":
            return None
        p = node.props
        law = self.node(p.get("law"))
        current = None
        if law is not None:
            in_force = [v for v in self.store.targets(law.id, "HAS_VERSION") if v.props.get("status", "in_force") == "in_force"]
            if in_force:
                current = max(in_force, key=lambda v: (v.props.get("date", ""), v.id))
        region = p.get("region") or (law.props.get("region") if law is not None else None)
        latest = (current.id, current.props.get("date"), current.props.get("effective")) if current is not None else None
        return version_ref(node.id, p, region, latest)

    def article_of(self, provision: ProvisionRef | None) -> ProvisionRef | None:
        if provision is None or provision.article is None:
            return None
        if provision.kind == "条":
            return provision
        if provision.id not in self._articles:
            from .model import article_id

            node = self.node(article_id(provision.version, provision.article, provision.article_suffix))
            self._articles[provision.id] = self.provision(node)
        return self._articles[provision.id]

    def clauses_under(self, article: ProvisionRef) -> tuple[ClauseRef, ...]:
        if article.id not in self._article_clauses:
            found: list[ClauseRef] = []
            stack = [article.id]
            while stack:
                pid = stack.pop()
                found.extend(self.clause(c) for c in self.store.targets(pid, "HAS_CLAUSE"))
                stack.extend(e.dst for e in self.store.out_edges(pid, "CONTAINS"))
            self._article_clauses[article.id] = tuple(sorted(found, key=lambda c: c.id))
        return self._article_clauses[article.id]

    def version_has_clauses(self, version: VersionRef) -> bool:
        if version.id not in self._version_has_clauses:
            date = version.date
            has = any(True for _ in self.store.nodes("AuthorisingClause", law=version.law, version=date))
            self._version_has_clauses[version.id] = has
        return self._version_has_clauses[version.id]

    def citation_basis(self, citation) -> CitationBasis:
        target_node = next(iter(self.store.targets(citation.id, "RESOLVES_TO")), None)
        return citation_basis(self, _props(citation), target_node)


def version_ref(version_id: str, props: Mapping[str, Any], region: str | None,
                current: tuple[str, str | None, str | None] | None) -> VersionRef:
    """A :class:`VersionRef` from a LawVersion's properties, for either backend.

    ``region`` is the version's or else its Law's; ``current`` the (id, date,
    effective) of the newest version of the Law in force, or None.
    """
    return VersionRef(
        id=version_id,
        law=props.get("law", ""),
        title=props.get("title", ""),
        date=props.get("date", ""),
        rank=props.get("rank", "其他"),
        status=props.get("status", "in_force"),
        effective=props.get("effective"),
        region=region,
        current=current[0] if current else None,
        current_date=current[1] if current else None,
        current_effective=current[2] if current else None,
        truncated=props.get("truncated", ""),
        repealed_by=props.get("repealed_by"),
        repealed_on=props.get("repealed_on"),
        repeal_text=props.get("repeal_text"),
    )


def citation_basis(cache: Any, props: dict[str, Any], target_node: "Node | None") -> CitationBasis:
    """One citation's basis row, from a view cache of either backend.

    ``cache`` provides ``version``, ``article_of``, ``clauses_under``,
    ``version_has_clauses`` and ``node``, and may provide ``provision`` (a
    memoised :meth:`ProvisionRef.of`); sharing this function keeps the
    embedded and the server rows identical.
    """
    provision_of = getattr(cache, "provision", ProvisionRef.of)
    target = provision_of(target_node)
    if target is not None:
        version = cache.version(target.version)
    elif target_node is not None and target_node.label == "LawVersion":
        version = cache.version(target_node.id)
    else:
        version = cache.version(props.get("version"))
    article = cache.article_of(target)
    return CitationBasis(
        citation=props,
        target_label=target_node.label if target_node is not None else None,
        target=target,
        article=article,
        version=version,
        clauses=cache.clauses_under(article) if article is not None else (),
        version_has_clauses=cache.version_has_clauses(version) if version is not None else False,
        best_match=provision_of(cache.node(props.get("quote_best_match"))),
    )
