"""Invalid bases (依据层级不足): the only bases have a rank that may not create the power.

For each item of a category the setting rules cover (行政许可, 行政处罚,
行政强制, 行政征收 of taxes), every citation is given the ranks it may stand
for: the rank of the law version it resolved to (also when the article was
not found), 规范性文件 for a ``normative_document`` citation, else the ranks
its 【tag】 names (【法规】 = 行政法规 or 地方性法规).  Citations that name no law
and carry no tag are no basis and are ignored.  The item's types (行政拘留,
吊销营业执照, 冻结, 强制卸货 as another coercive measure, 代履行 as an
enforcement, 税收 ...) come from the part of its name that names its act
(:func:`queries.rules.name_head`: 对…吊销营业执照后继续经营的处罚 names no
type) and from the clauses of its category on the resolved articles
(:func:`queries.rules.power_types`): the name first, the clauses only when
the name names no type (then the item is judged on the types one at a time:
an article listing 查封、扣押、冻结 permits an item that may be only the 查封).
A clause's types come from what it lets the body do (its text after the
condition, :func:`queries.rules.consequence`), else from its actions: the
extraction files 强制卸货 and 强制拆除 alike under one action, while the law
lets a 行政法规 set the first (行政强制法 art. 10, a measure) and not the
second (art. 13, an enforcement).

The item is reported when at least one citation was judged, no citation
permits it (for every rank a citation may stand for, the rule says ``no``),
and no citation has an unknown rank (a law not loaded and untagged, or a rank
the rules do not mention): a basis of sufficient rank anywhere, or one that
cannot be judged, keeps the item out.
"""

from __future__ import annotations

import functools
from typing import Iterator

from kg.views import CitationBasis, ClauseRef, ItemBasis

from .findings import Evidence, Finding, describe_citation, item_finding, item_findings
from .rules import SettingRule, consequence, name_head, permitted, power_types, ranks_of_tag, setting_rules


@functools.lru_cache(maxsize=1 << 16)
def _clause_types(category: str, clause: ClauseRef) -> frozenset[str]:
    """Types a clause grants: from what it lets the body do, else from its actions (clauses recur on every item)."""
    return frozenset(power_types(category, [consequence(clause.text)]) or power_types(category, clause.actions))


def _ranks(citation: CitationBasis) -> tuple[str, ...] | None:
    """Ranks the citation may stand for; () when it is no basis; None when unknown."""
    status = citation.citation.get("status", "unparsed")
    if citation.version is not None:
        return (citation.version.rank,)
    if status == "normative_document":
        return ("规范性文件",)
    tagged = ranks_of_tag(citation.citation.get("rank_tag"))
    if tagged:
        return tagged
    if status == "unparsed" and not citation.citation.get("law"):
        return ()
    return None


@functools.lru_cache(maxsize=1)
def _ruled_categories() -> frozenset[str]:
    """Categories the setting rules speak of."""
    return frozenset(key[0] for key in setting_rules())


def invalid_of(basis: ItemBasis) -> Finding | None:
    rules = setting_rules()
    category = basis.item.get("category", "")
    if category not in _ruled_categories():
        return None
    # the item's own name says which act it is; the clause actions only when it does not
    types = power_types(category, [name_head(basis.item.get("name", "")), name_head(basis.item.get("sub", ""))])
    from_clauses = not types
    if from_clauses:
        for cl in (cl for c in basis.citations for cl in c.clauses if cl.category == category):
            types |= _clause_types(category, cl)
    if category == "行政征收" and "税收" not in types:
        return None  # fees and other levies: no setting rule
    judged: list[tuple[CitationBasis, str, SettingRule]] = []
    for citation in basis.citations:
        ranks = _ranks(citation)
        if ranks is None:
            return None
        if not ranks:
            continue
        denial: tuple[str, SettingRule] | None = None
        for rank in ranks:
            if (category, "", rank) not in rules and not any((category, t, rank) in rules for t in types):
                return None  # a rank the rules do not speak of (宪法, 司法解释, 其他): cannot judge
            if from_clauses and len(types) > 1:
                # the article lists several acts; the item may be only the allowed ones
                verdicts = [permitted(rules, category, {t}, rank) for t in sorted(types)]
                verdict = next((v for v in verdicts if v.allowed != "no"), verdicts[0])
            else:
                verdict = permitted(rules, category, types, rank)
            if verdict.allowed != "no":
                return None  # this citation is a sufficient basis
            denial = (rank, verdict.rule)  # type: ignore[assignment]
        assert denial is not None
        judged.append((citation, *denial))
    if not judged:
        return None
    rank, rule = judged[0][1], judged[0][2]
    rank_text = "、".join(sorted({r for _, r, _ in judged}))
    type_text = f"（{'、'.join(sorted(types))}）" if types else ""
    reason = (
        f"该{category}事项{type_text}的依据仅有{rank_text}，"
        f"依《{rule.law}》{rule.article_label}，{rule.note}。"
    )
    evidence = [describe_citation(c) for c, _, _ in judged]
    seen = set()
    for _, r, rl in judged:
        if (rl.law, rl.article_label) in seen:
            continue
        seen.add((rl.law, rl.article_label))
        evidence.append(Evidence(rule=f"{r}：{rl.note}", rule_law=rl.law, rule_article=rl.article_label))
    return item_finding("invalid_basis", basis, reason, evidence)


def find_invalid(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Items whose only bases may not create them (设定权), in item-id order."""
    return item_findings(store, invalid_of, government, department)
