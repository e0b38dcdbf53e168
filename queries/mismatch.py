"""Wrong category (分类不当): the cited provisions grant the act, under another category.

An item names its act (:func:`queries.rules.name_head`: 责令停产停业, 查封、扣押,
强制卸货 ...).  The law gives each act a category: the kinds of penalty of
行政处罚法 art. 9, the coercive measures of 行政强制法 art. 9 and the
enforcements of its art. 12 (``ontology/penalty_kinds.csv``,
``ontology/coercive_acts.csv``), or several, for the acts whose category is
defensibly several (``ontology/ambiguous_acts.csv``: 征用, 暂扣, 责令停航 ...).

The item is **misfiled** (``category_mismatch``) when its name names acts of
which none is of the item's category, and an authorising clause of a cited
article grants one of them (the act's pattern in what the clause lets the body
do, after its condition ``…的，``): the basis is there, filed under the wrong
category.  The finding carries the category the law gives (with the article
that gives it) and the list's.  When the act named is an ambiguous one and
the list's category is one of those defensible, the item gets a
``category_debatable`` note citing the table row instead.

An item whose name names no act (对…的处罚) is not judged here: whether its
articles grant its category is :mod:`queries.orphan`'s question, and an
orphan is only an item none of whose cited provisions grants its act at all.

>>> from kg.embedded import EmbeddedStore
>>> import tempfile, pathlib
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> list(find_mismatches(store))
[]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator, Sequence

from kg.views import CitationBasis, ClauseRef, ItemBasis

from .findings import Evidence, Finding, describe_citation, item_finding, item_findings
from .rules import Act, acts, consequence, name_head


@dataclass(frozen=True)
class Misfiling:
    """What the cited law says of the act an item names."""

    act: Act
    clause: ClauseRef  # the clause granting it
    citation: CitationBasis
    debatable: bool  # the act is ambiguous and the list's category is one of those defensible


def named_acts(texts: Sequence[str]) -> list[tuple[Act, bool]]:
    """Acts the item names, in table order, each with whether an ambiguous act matched where it matched.

    A plain act so hidden (责令停业整顿: the penalty kind and the ambiguous
    责令停产停业) still shows the category the law gives it first, but only
    the ambiguous act is judged.
    """
    found: list[tuple[Act, bool]] = []
    for text in texts:
        for named in _acts_in(text) if text else ():
            if named not in found:
                found.append(named)
    return found


@functools.lru_cache(maxsize=1 << 16)
def _acts_in(name: str) -> tuple[tuple[Act, bool], ...]:
    # item names recur in every government's list: match each once
    head = name_head(name)
    spans = {act: [m.span() for m in act.pattern.finditer(head)] for act in acts()}
    ambiguous = [s for act, ss in spans.items() if act.ambiguous for s in ss]
    return tuple((act, not act.ambiguous and all(any(a < e and s < b for a, b in ambiguous) for s, e in ss))
                 for act, ss in spans.items() if ss)


def _grants(act: Act, clause: ClauseRef) -> bool:
    """Whether ``clause`` grants ``act``, or another act of its type (强行带离 for 限制人身自由).

    An ambiguous act is granted by the plain acts it names the half of
    (暂扣 by 暂扣财物 and 暂扣许可证件).  Looked for in what the clause lets the body do (after its condition
    …的，), or anywhere in it when the extraction gave the clause a category
    of the act (…车辆予以暂扣的，应当妥善保管: a coercion clause).
    """
    kin = [a for a in acts() if a is act or (act.type and a.type == act.type and a.categories == act.categories)
           or (act.ambiguous and not a.ambiguous and act.name in a.name)]
    texts = [consequence(clause.text), *clause.actions]
    if clause.category in act.categories:
        texts.append(clause.text)
    return any(a.pattern.search(text) for a in kin for text in texts)


def misfiling(category: str, names: Sequence[str], citations: Sequence[CitationBasis]) -> Misfiling | None:
    """The act an item of ``category`` names that its cited clauses grant under another category, or None.

    None also when the name names an act the law gives ``category`` (没收、扣押
    in a penalty item: the penalty is there; 责令停业整顿 in a penalty item).
    Only citations resolving to a provision count (``target``).
    """
    if not named_acts(names):
        return None  # most items: their name names no act
    cited = [(citation, clause) for citation in citations if citation.target is not None for clause in citation.clauses]
    found = granted_act(category, names, [clause for _, clause in cited])
    if found is None:
        return None
    act, clause, debatable = found
    citation = next(c for c, cl in cited if cl is clause)
    return Misfiling(act, clause, citation, debatable)


def granted_act(category: str, names: Sequence[str], clauses: Sequence[ClauseRef]) -> tuple[Act, ClauseRef, bool] | None:
    """(act, clause granting it, debatable) for an item of ``category`` named ``names``; see :func:`misfiling`.

    The clauses are those of the cited articles; the SPARQL twin of the
    orphans (:func:`queries.sparql.sparql_orphans`) calls this on the clauses
    it reads, so both judge alike.
    """
    named = named_acts(names)
    if not named or any(not act.ambiguous and category == act.categories[0] for act, _ in named):
        return None
    best: tuple[Act, ClauseRef, bool] | None = None
    for act in (act for act, hidden in named if not hidden):
        for clause in clauses:
            if _grants(act, clause):
                if category not in act.categories:
                    return act, clause, False  # a misfiling outweighs a debatable choice
                best = best or (act, clause, True)
    return best


def _evidence(basis: ItemBasis, found: Misfiling) -> list[Evidence]:
    act = found.act
    evidence = [describe_citation(c) for c in basis.citations]
    evidence.append(Evidence(
        citation=found.citation.citation.get("text"), article_text=found.clause.text,
        note=f"所引条文授予“{act.name}”（抽取的授权条款类别：{found.clause.category}）",
    ))
    what = f"可列为{'或'.join(act.categories)}" if act.ambiguous else f"属{act.kind or act.categories[0]}"
    evidence.append(Evidence(
        rule=f"“{act.name}”{what}：{act.note}", rule_law=act.law, rule_article=act.provision,
        note=f"依据表：ontology/{act.table}",
    ))
    return evidence


def category_of(basis: ItemBasis) -> Finding | None:
    """The ``category_mismatch`` finding or ``category_debatable`` note of one item, or None."""
    global _last
    if _last[0] is basis:
        return _last[1]  # scan asks twice per item: for the finding, then for the note
    _last = (basis, _category_of(basis))
    return _last[1]


_last: tuple[ItemBasis | None, Finding | None] = (None, None)


def _category_of(basis: ItemBasis) -> Finding | None:
    item = basis.item
    category = item.get("category", "")
    if not category:
        return None
    found = misfiling(category, [item.get("name", ""), item.get("sub", "")], basis.citations)
    if found is None:
        return None
    act, law_says = found.act, "或".join(found.act.categories)
    if found.debatable:
        reason = (f"该事项列为{category}；“{act.name}”的类别有不同理解（可列为{law_says}），"
                  f"清单所选有据，仅作提示。")
        return item_finding("category_debatable", basis, reason, _evidence(basis, found), law_category=law_says)
    reason = (f"所引条文授予的“{act.name}”依《{act.law}》{act.provision}属{law_says}，"
              f"清单列为{category}：依据存在，分类不当。")
    return item_finding("category_mismatch", basis, reason, _evidence(basis, found),
                        law_category=law_says)


def mismatch_of(basis: ItemBasis) -> Finding | None:
    """The ``category_mismatch`` finding of one item, or None."""
    finding = category_of(basis)
    return finding if finding is not None and finding.kind == "category_mismatch" else None


def debatable_of(basis: ItemBasis) -> Finding | None:
    """The ``category_debatable`` note of one item, or None."""
    finding = category_of(basis)
    return finding if finding is not None and finding.kind == "category_debatable" else None


def find_mismatches(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Items filed under a category other than the one their cited provisions grant their act in, by item id."""
    return item_findings(store, mismatch_of, government, department)


def find_debatable(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Notes on items whose act is defensibly of several categories, the list's among them."""
    return item_findings(store, debatable_of, government, department)

