"""One pass over the items, government by government, feeding every finding kind.

``check all`` needs each item's basis for the item kinds (orphan, invalid,
stale, unaccountable, unverifiable) and every item of each government for its
overlaps and vacuums.  :func:`scan` reads the items of one government once
(:meth:`kg.views.GraphViews.item_bases`), classifies them, finds the
government's overlaps and vacuums from the same rows, and lets them go
before the next government: only findings are kept.

The findings are those of the single-kind queries, in their order: item
findings by item id (as :func:`queries.orphan.find_orphans` ... list them),
overlaps and vacuums government by government in government-id order (as
:func:`queries.overlap.find_overlaps` and :func:`queries.vacuum.find_vacuums`).

>>> from kg.embedded import EmbeddedStore
>>> import tempfile, pathlib
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> result = scan(store)
>>> result.items["orphan"], result.overlaps, result.vacuums
([], [], [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from kg.views import ItemBasis

from .findings import Finding, item_finding
from .invalid import invalid_of
from .mismatch import debatable_of, mismatch_of
from .orphan import orphan_of, unverifiable_of
from .overlap import Concentration, LawDivisions, overlaps_of_government
from .stale import lapsed_of, stale_of
from .unaccountable import unaccountable_of
from .vacuum import vacuums_of

ITEM_CLASSIFIERS: dict[str, Callable[[ItemBasis], Finding | None]] = {
    "orphan": orphan_of,
    "invalid_basis": invalid_of,
    "stale_basis": stale_of,
    "basis_lapsed": lapsed_of,
    "unaccountable": unaccountable_of,
    "unverifiable": unverifiable_of,
    "category_mismatch": mismatch_of,
    "category_debatable": debatable_of,
}
"""The item kinds, each with the function that finds it on one item row."""


@dataclass
class Scan:
    """What :func:`scan` found.

    - ``items``: the findings of each item kind asked for, by item id.
    - ``overlaps``/``vacuums``: in government-id order, each government's in
      the order of :func:`overlaps_of_government` / :func:`vacuums_of`.
    - ``identities``: an identity finding (kind ``candidate``, no reason) of
      every item in scope that has an item finding or is in an overlap: what
      :func:`queries.candidate.rank_candidates` needs of the items.
    """

    items: dict[str, list[Finding]] = field(default_factory=dict)
    overlaps: list[Finding] = field(default_factory=list)
    vacuums: list[Finding] = field(default_factory=list)
    identities: dict[str, Finding] = field(default_factory=dict)
    bases: dict[str, list[ItemBasis]] | None = None  # each government's item rows, when asked to keep them


def scan(store, *, government: str | None = None, department: str | None = None,
         concentrations: list[Concentration] = (), item_kinds: Iterable[str] = tuple(ITEM_CLASSIFIERS),
         overlaps: bool = True, vacuums: bool = True, complete: bool = False,
         manifest: Mapping[str, list] | None = None, keep_bases: bool = False) -> Scan:
    """Item findings, overlaps and vacuums of ``government`` (every government when None).

    Parameters
    ----------
    store : kg.store.Store
    government, department : str, optional
        The scope, as for the single-kind queries: item findings of the items
        of ``government`` exercised by ``department``; overlaps and vacuums of
        ``government`` (none when it is not a Government node) that
        ``department`` is part of.
    concentrations : list of Concentration
        Lawful concentrations suppressing overlaps.
    item_kinds : iterable of str
        The item kinds to find (keys of :data:`ITEM_CLASSIFIERS`).
    overlaps, vacuums : bool
        Whether to find them.
    complete, manifest
        Whether every government's list is declared complete, and the
        departments of those declared complete by a manifest
        (:func:`queries.vacuum.load_manifest`): see :func:`vacuums_of`.
    keep_bases : bool
        Whether to keep each government's item rows in ``Scan.bases`` (by
        government id), for a caller that reads them again.

    Returns
    -------
    Scan

    Examples
    --------
    >>> from kg.embedded import EmbeddedStore
    >>> import tempfile, pathlib
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
    >>> scan(store, item_kinds=["orphan"], vacuums=False).items
    {'orphan': []}
    """
    classifiers = [(kind, ITEM_CLASSIFIERS[kind]) for kind in item_kinds]
    result = Scan(items={kind: [] for kind, _ in classifiers}, bases={} if keep_bases else None)
    governments = {g["id"]: g for g in store.governments()}
    chosen = [governments[government]] if government in governments else (
        [] if government else list(governments.values()))
    total = scan_governments(store, chosen, result, classifiers=classifiers, department=department,
                             concentrations=concentrations, governments=governments, divisions=LawDivisions(store),
                             overlaps=overlaps, vacuums=vacuums, complete=complete, manifest=manifest)
    scan_rest(store, government, department, governments, total, classifiers, result)
    return result


def scan_governments(store, chosen: Iterable[Mapping], result: Scan, *, classifiers: list[tuple[str, Callable]],
                     department: str | None, concentrations: list[Concentration], governments: Mapping[str, Mapping],
                     divisions: LawDivisions, overlaps: bool = True, vacuums: bool = True, complete: bool = False,
                     manifest: Mapping[str, list] | None = None) -> int:
    """:func:`scan`'s pass over the governments ``chosen``, in their order, into ``result``; the items read.

    The governments are independent of each other: the passes over consecutive runs of them (as
    :mod:`queries.parallel` makes them, in several processes), their results put together in order, are the
    pass over all of them.
    """
    total = 0
    for gov in chosen:
        bases = list(store.item_bases(government=gov["id"]))
        total += len(bases)
        if result.bases is not None:
            result.bases[gov["id"]] = bases
        in_scope = _in_department(bases, department)
        _classify(in_scope, classifiers, result)
        if overlaps:
            in_overlaps: set[str] = set()
            for finding in overlaps_of_government(store, gov, bases, concentrations, governments, divisions, department,
                                                  complete=complete, declared=(manifest or {}).get(gov["id"], ())):
                result.overlaps.append(finding)
                in_overlaps.update(finding.item_ids)
            for basis in in_scope:
                if basis.item["id"] in in_overlaps and basis.item["id"] not in result.identities:
                    result.identities[basis.item["id"]] = item_finding("candidate", basis, "", ())
        if vacuums and not gov.get("only_named"):
            # a government known only from another's list has no list here: it leaves nothing unlisted
            result.vacuums.extend(vacuums_of(store, gov, department=department, governments=governments, bases=bases,
                                             complete=complete, manifest=manifest))
    return total


def scan_rest(store, government: str | None, department: str | None, governments: Mapping[str, Mapping],
              total: int, classifiers: list[tuple[str, Callable]], result: Scan) -> None:
    """The end of :func:`scan`: the item findings of items of no chosen government (a government that is not a
    node, or none), then each item kind's findings ordered by item id; ``total`` the items the pass read."""
    if government and government not in governments:
        rest: Iterable[ItemBasis] = store.item_bases(government=government, department=department)
    elif not government and total < store.count("PowerItem"):
        rest = (b for b in store.item_bases(department=department) if b.item.get("government") not in governments)
    else:
        rest = ()
    _classify(rest, classifiers, result)
    for findings in result.items.values():
        findings.sort(key=lambda f: f.item_id)


def _in_department(bases: list[ItemBasis], department: str | None) -> list[ItemBasis]:
    """The rows ``item_bases(department=...)`` keeps: the item's department has that id or name."""
    if not department:
        return bases
    return [b for b in bases if b.department is not None and department in (b.department["id"], b.department.get("name"))]


def _classify(bases: Iterable[ItemBasis], classifiers: list[tuple[str, Callable]], result: Scan) -> None:
    """Add the item findings of ``bases`` to ``result``, and the identity of each item found."""
    for basis in bases:
        found = False
        for kind, classify in classifiers:
            finding = classify(basis)
            if finding is not None:
                result.items[kind].append(finding)
                found = True
        if found:
            result.identities[basis.item["id"]] = item_finding("candidate", basis, "", ())
