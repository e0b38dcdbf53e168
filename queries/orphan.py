"""Orphan powers (无依据事项): items with no resolvable statutory basis.

An item is an orphan when

1. its basis text is blank and it has no citation (没有设定依据); or
2. none of its citations resolves to a law: each is ``article_not_found``,
   ``unparsed`` or ``normative_document`` (the last only for categories the
   setting rules do not cover: a licence, penalty or coercion resting on a
   规范性文件 is reported as ``invalid_basis`` instead); or
3. every citation that resolves to an article resolves to one that grants
   nothing of the item's category: the article (or anything it contains)
   holds authorising clauses, but none of that category or of a kindred one
   (:data:`ALSO_GRANTS`: 责令改正 counts for a penalty, a competence clause
   or a coercive measure for an inspection ...).  An article without any
   extracted clause says nothing (the extraction may have missed it), and
   only 行政许可, 行政处罚, 行政强制 and 行政检查 items are checked: the
   extraction finds the other categories too rarely to conclude.  An item
   whose name names an act those articles grant under another category
   (a 行政强制 item 责令停产停业 on a penalty clause) is not an orphan: its
   basis is there, misfiled (:mod:`queries.mismatch`, ``category_mismatch``).
   Nor is an item whose quote the version holds better in another article
   that grants an act of the category for the violation the item's name
   describes (:func:`renumbered`: 生猪屠宰管理条例 2021 cited by its 2008
   numbers, art. 26 for what is now art. 33): the basis is there under
   another number, a stale basis.

"Basis not verifiable here" is not an orphan: an item whose only usable
citations name a law that is not loaded (``law_not_loaded``), cannot be
told apart (``ambiguous``), or cite an article beyond the end of a version
whose loaded text looks cut short (``text_incomplete``) yields an ``unverifiable`` note from
:func:`find_unverifiable` instead.

>>> from kg.embedded import EmbeddedStore
>>> import tempfile, pathlib
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> list(find_orphans(store))
[]
"""

from __future__ import annotations

from typing import Iterator

from kg.views import CitationBasis, ItemBasis

from .findings import Evidence, Finding, describe_citation, item_finding, item_findings
from .mismatch import misfiling
from .rules import consequence, power_types
from .stale import MIN_QUOTE, QUOTE_MATCH, quote_coverage

UNVERIFIABLE = frozenset({"law_not_loaded", "ambiguous", "text_incomplete"})
RULED_CATEGORIES = frozenset({"行政许可", "行政处罚", "行政强制"})


# Categories whose clauses the extraction finds reliably; for the others an
# article without a clause of the category says little.
CHECKED_CATEGORIES = frozenset({"行政许可", "行政处罚", "行政强制", "行政检查"})
# Clause categories that also ground an item of a category.  The lines between
# them are drawn differently by lists and by the extraction: a competence
# clause (其他: 主管…监督管理工作) grounds inspections; 责令改正 / 责令限期治理
# (其他) is listed as a penalty by many lists; "有权采取下列措施" mixes
# inspection and coercion; 核发证书 / 授权 sit between licence and
# confirmation.  An item is an orphan only when its articles grant clearly
# other things.
ALSO_GRANTS = {
    "行政许可": frozenset({"行政许可", "行政确认"}),
    "行政处罚": frozenset({"行政处罚", "其他"}),
    "行政强制": frozenset({"行政强制", "行政检查", "其他"}),
    "行政检查": frozenset({"行政检查", "行政强制", "其他"}),
}


def _grants(citation: CitationBasis, category: str) -> bool | None:
    """Whether a resolved citation's article grants ``category``; None when unknown.

    Unknown when the citation names no article, the category is not checked,
    or the article has no extracted clause at all (the extraction may have
    missed a subjectless clause: 责令改正，处…罚款).
    """
    if citation.target is None or citation.article is None:
        return None  # a whole law, or no article: cannot tell
    if category not in CHECKED_CATEGORIES or not citation.clauses:
        return None
    wanted = ALSO_GRANTS.get(category, frozenset({category}))
    return any(c.category in wanted for c in citation.clauses)


def orphan_of(basis: ItemBasis) -> Finding | None:
    """The orphan finding for one item, or None."""
    item = basis.item
    cits = basis.citations
    category = item.get("category", "")
    if not cits:
        if not str(item.get("basis_text", "")).strip():
            return item_finding("orphan", basis, "该事项未填写设定依据。", [Evidence(note="设定依据为空")])
        return item_finding(
            "orphan", basis, "该事项的依据文字中未能识别出任何法律、法规或规章。",
            [Evidence(citation=str(item.get("basis_text", ""))[:300], resolved_to="未能识别出所引法律")],
        )
    statuses = [c.citation.get("status", "unparsed") for c in cits]
    resolved = [c for c in cits if c.target_label is not None]
    if any(s in UNVERIFIABLE for s in statuses):
        return None
    if not resolved:
        if category in RULED_CATEGORIES and "normative_document" in statuses:
            return None  # reported by invalid_basis
        return item_finding(
            "orphan", basis, "该事项所列依据均未能对应到已载入法律中存在的条文。",
            [describe_citation(c) for c in cits],
        )
    verdicts = [_grants(c, category) for c in resolved]
    verdicts = [None if v is False and _moved(c, category, item.get("name", "")) else v for c, v in zip(resolved, verdicts)]
    if verdicts and all(v is False for v in verdicts):
        if misfiling(category, [item.get("name", ""), item.get("sub", "")], resolved) is not None:
            return None  # the act is granted, under another category: category_mismatch
        evidence = [describe_citation(c) for c in cits]
        evidence.append(Evidence(note=f"所引条文中抽取到的授权条款类别：{_clause_categories(resolved) or '无'}"))
        return item_finding("orphan", basis, f"该事项所引条文均未授予{category}权力。", evidence)
    return None


def _moved(citation: CitationBasis, category: str, name: str) -> bool:
    """Whether the provision best holding the citation's quote, another than the one cited, grants the item's act."""
    best = citation.best_match
    if best is None or best.id in {p.id for p in (citation.target, citation.article) if p is not None}:
        return False
    return renumbered(category, name, best.text)


def renumbered(category: str, name: str, text: str) -> bool:
    """Whether ``text`` grants the act an item named ``name`` describes: an act of ``category`` for its violation.

    The violation is what the name says between 对 and its last 的 (对…注水的处罚);
    it must stand in ``text`` (:func:`queries.stale.quote_coverage`), and the
    text must name an act of the category (the act tables of
    :mod:`queries.rules`), after its condition.  Categories without an act
    table (行政许可, 行政检查) are never so judged.
    """
    violation = name.rsplit("的", 1)[0].removeprefix("对") if "的" in name else ""
    if len(violation) < MIN_QUOTE or not power_types(category, [consequence(text)]):
        return False
    return quote_coverage(violation, text) >= QUOTE_MATCH


def _clause_categories(citations: list[CitationBasis]) -> str:
    cats = sorted({c.category for cit in citations for c in cit.clauses})
    return "、".join(cats)


def unverifiable_of(basis: ItemBasis) -> Finding | None:
    """A note for items whose only usable bases name laws not loaded here."""
    cits = basis.citations
    if not cits or any(c.target_label is not None for c in cits):
        return None
    if not any(c.citation.get("status") in UNVERIFIABLE for c in cits):
        return None
    laws = sorted({f"《{c.citation.get('law')}》" for c in cits if c.citation.get("status") in UNVERIFIABLE and c.citation.get("law")})
    cut = sorted({f"《{c.citation.get('law')}》" for c in cits if c.citation.get("status") == "text_incomplete" and c.citation.get("law")})
    if cut and set(cut) == set(laws):
        reason = f"该事项所引{'、'.join(cut)}载入的文本不全，所引条文不在其中，依据无法在此核验（不计为无依据）。"
    else:
        reason = f"该事项所引{'、'.join(laws) or '法律'}未载入，依据无法在此核验（不计为无依据）。"
    return item_finding("unverifiable", basis, reason, [describe_citation(c) for c in cits])


def find_orphans(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Orphan items of ``government`` (and ``department``), in item-id order."""
    return item_findings(store, orphan_of, government, department)


def find_unverifiable(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Items whose basis cannot be checked here (law not loaded): notes, not orphans."""
    return item_findings(store, unverifiable_of, government, department)
