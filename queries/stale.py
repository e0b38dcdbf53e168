"""Stale bases (依据过时): a repealed or superseded law, or a quote the article no longer holds.

For each citation that resolved to a law version:

- the version is ``repealed`` or ``superseded`` and was already so at the
  list's date (``PowerItem.list_date``: a version is still good at that date
  when the version replacing it took effect later); the evidence names the
  version in force, when there is one;
- or the citation quotes text (``Citation.quote``) that the cited article
  does not hold.  Texts are compared with punctuation, spaces and full-width
  forms removed, as the share of the quote's characters found in order in the
  article (:func:`quote_coverage`); below :data:`QUOTE_MATCH` it is a
  mismatch.  A quote that differs only in punctuation matches.  The evidence
  names the article that now holds the quote (``Citation.quote_best_match``)
  when the loader found one and it does hold the quote (by the same measure);
- or the citation resolved to another article than the one it numbers: the
  loader moved a quote of an older, unloaded version to the article that now
  holds it (renumbered), so the list's number is out of date.  The reason
  names both numbers.

One finding per item, carrying every stale citation.

A citation of a version good at the list's date but repealed or superseded
since is no stale basis: the list is checked as of its date, as the office
that made it would be.  It gives a ``basis_lapsed`` note instead
(:func:`lapsed_of`): which text ended the version and when, so the list's
next revision (清单动态调整) cites the text now in force.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Iterator

from kg.text import chinese_to_int, normalise
from kg.views import CitationBasis, ItemBasis, VersionRef, article_key

from .findings import Evidence, Finding, article_label, describe_citation, item_finding, item_findings, provision_label, version_label

QUOTE_MATCH = 0.8
"""Least share of the quote's characters the cited article must hold, in order."""

MIN_QUOTE = 8
"""Quotes shorter than this (after cleaning) are too short to judge."""

_NOT_TEXT = re.compile(r"[^\w]|_", re.UNICODE)
_UNITS = r"(?=元|日|天|倍|年|个月|小时|周岁|公斤|千克|吨|亩|米)"
_NUMBER = re.compile(r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?" + _UNITS)
_AMOUNT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:元|日|天|倍|年|个月|小时)")


def _arabic(match: re.Match[str]) -> str:
    number, big = match.group(1), match.group(2)
    try:
        value = float(number) if number[0].isdigit() else float(chinese_to_int(number))
    except ValueError:
        return match.group(0)
    value *= {"万": 10_000, "亿": 100_000_000}.get(big or "", 1)
    return str(int(value)) if value == int(value) else str(value)


def clean(text: str) -> str:
    """Text without punctuation, spaces or width differences, amounts in Arabic digits.

    >>> clean("第三条：处五万元以下罚款，") == clean("第三条 处50000元以下罚款")
    True
    """
    return _clean(text or "")


# Items of many governments quote the same articles: each text is cleaned once
# (bounded, as a 1M-item list may quote more texts than are worth keeping).
@functools.lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
    return _NOT_TEXT.sub("", _NUMBER.sub(_arabic, normalise(text)))


def quote_coverage(quote: str, article: str) -> float:
    """How well ``quote`` and ``article`` agree, from 0 to 1 (both cleaned).

    The share of the quote's characters found, in order, in the article; or,
    when the quote runs on into the next articles (lists often quote several
    at once), the share of the article found in the quote.  An amount, term
    or multiple of the quote (五千元, 十日, 三倍) that the article does not
    state caps the result at 0.5: the article was amended.

    >>> quote_coverage("县级以上人民政府，应当加强管理。", "县级以上人民政府应当加强管理")
    1.0
    >>> quote_coverage("处5万元以下罚款", "处五万元以下罚款")
    1.0
    """
    q, a = clean(quote), clean(article)
    if not q or q in a:
        return 1.0
    if len(a) >= MIN_QUOTE and a in q:
        return 1.0
    coverage = _share(q, a)
    if len(a) >= MIN_QUOTE and len(q) > len(a):
        coverage = max(coverage, _share(a, q))
    # an amount, a term or a multiple that the article no longer states is a real change
    if not set(_AMOUNT.findall(q)) <= set(_AMOUNT.findall(a)):
        if not (len(q) > len(a) and _share(a, q) >= QUOTE_MATCH):
            coverage = min(coverage, 0.5)
    return coverage


def _share(part: str, whole: str) -> float:
    """Share of ``part``'s characters found, in order, in ``whole``."""
    matcher = difflib.SequenceMatcher(None, part, whole, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(part)


def _superseded_at(citation: CitationBasis, list_date: str | None) -> bool:
    version = citation.version
    if version is None or version.status not in ("superseded", "repealed"):
        return False
    if list_date and version.repealed_on and version.repealed_on > list_date:
        return False  # the repeal another text states had not taken effect when the list was made
    if list_date and version.current_effective and version.current_effective > list_date:
        return False  # the newer version was not yet in force when the list was made
    if list_date and version.current_date and not version.current_effective and version.current_date > list_date:
        return False
    return True


def _cited_article(citation: CitationBasis) -> str | None:
    """The article as the list cites it (第103条), when the citation resolves to another article.

    The loader resolves a quote of an older, unloaded version to the article
    that now holds it (renumbered); the citation keeps the number as cited.
    """
    article = citation.citation.get("article")
    target = citation.article or citation.target
    if article is None or target is None or target.article is None:
        return None
    suffix = citation.citation.get("article_suffix") or 0
    if (int(article), int(suffix)) == (target.article, target.article_suffix or 0):
        return None
    return article_label(int(article), int(suffix), citation.citation.get("paragraph"), citation.citation.get("item"))


def repealing_label(provision_id: str) -> str:
    """《煤矿安全生产条例》第七十六条 from the repealing article's id.

    >>> repealing_label("煤矿安全生产条例/2024-01-24/第76条")
    '《煤矿安全生产条例》第七十六条'
    """
    key = article_key(provision_id)
    if key is None:
        return provision_id
    return f"《{key[0]}》" + article_label(key[1], key[2])


def _now_held(citation: CitationBasis) -> str:
    """Where the version in force holds the cited article's text (the statute loader's alignment), or ""."""
    current = citation.citation.get("current_target")
    target = citation.article or citation.target
    if current is None or target is None or target.article is None:
        return ""
    cited = article_label(target.article, target.article_suffix or 0)
    if current == "":
        return f"；原{cited}的内容在现行版本中已无对应条文"
    key = article_key(current)
    if key is None:
        return ""
    now = article_label(key[1], key[2])
    return f"；原{cited}的内容现为现行版本{now}" + ("（条文序号未变）" if now == cited else "，建议改引现行条文")


def since_list_date(version: VersionRef) -> str:
    """What ended ``version`` ("": in force), for a finding judged at a list's date before that.

    >>> since_list_date(VersionRef("退役士兵安置条例/2011-10-29", "退役士兵安置条例", "退役士兵安置条例", "2011-10-29",
    ...     "行政法规", "repealed", repealed_by="退役军人安置条例/2024-07-29/第76条", repealed_on="2024-09-01"))
    '该版本已由《退役军人安置条例》第七十六条自2024-09-01起废止'
    """
    if version.status == "in_force":
        return ""
    if version.repealed_by:
        return f"该版本已由{repealing_label(version.repealed_by)}自{version.repealed_on}起废止"
    if version.current:
        return f"该版本已被{version.current_date}版本取代" + (
            f"，后者自{version.current_effective}起施行" if version.current_effective else "")
    return "该法律已废止"


def lapsed_of(basis: ItemBasis) -> Finding | None:
    """A ``basis_lapsed`` note when a citation's version was good at the list's date and has ended since."""
    list_date = (basis.item.get("list_date") or "")[:10]
    if not list_date:
        return None
    reasons: list[str] = []
    evidence: list[Evidence] = []
    for citation in basis.citations:
        version = citation.version
        if citation.target_label is None or version is None or version.status not in ("superseded", "repealed"):
            continue
        if _superseded_at(citation, list_date) or not (version.repealed_on or version.current):
            continue  # stale already at the list's date, or repealed on a date nobody stated
        since = since_list_date(version)
        reasons.append(f"所引{version_label(version)}在清单日期{list_date}有效，{since}")
        ev = describe_citation(citation)
        note = since + (f"；现行版本：{version.current}" + _now_held(citation) if version.current else "")
        evidence.append(Evidence(ev.citation, ev.resolved_to, ev.article_text, note=note))
    if not reasons:
        return None
    return item_finding("basis_lapsed", basis, "；".join(dict.fromkeys(reasons)) + "；清单调整时应改引现行依据。", evidence)


def find_lapsed(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """``basis_lapsed`` notes (:func:`lapsed_of`), in item-id order."""
    return item_findings(store, lapsed_of, government, department)


def stale_of(basis: ItemBasis) -> Finding | None:
    list_date = basis.item.get("list_date")
    reasons: list[str] = []
    evidence: list[Evidence] = []
    for citation in basis.citations:
        if citation.target_label is None or citation.version is None:
            continue
        version = citation.version
        if _superseded_at(citation, list_date):
            ev = describe_citation(citation)
            if version.current:
                reasons.append(f"所引{version_label(version)}已被{version.current_date}版本取代")
                note = f"现行版本：{version.current}" + _now_held(citation)
            elif version.repealed_by:
                where = repealing_label(version.repealed_by)
                reasons.append(f"所引{version_label(version)}已由{where}废止")
                note = f"{where}（{version.repealed_on}起施行）：{version.repeal_text or ''}".rstrip("：")
            else:
                reasons.append(f"所引{version_label(version)}已废止")
                note = "该法律已无现行有效版本"
            evidence.append(Evidence(ev.citation, ev.resolved_to, ev.article_text, note=note))
            continue
        quote = citation.citation.get("quote")
        target = citation.article or citation.target
        if not quote or target is None or len(clean(quote)) < MIN_QUOTE:
            continue
        coverage = quote_coverage(quote, target.text)
        cited = _cited_article(citation)
        if coverage >= QUOTE_MATCH and cited is None:
            continue
        ev = describe_citation(citation)
        best = citation.best_match
        if cited is not None:
            # the loader moved the citation to the article holding the quote: the list's number is out of date
            where = provision_label(citation.target)
            reasons.append(f"所引{cited}的引文与现行条文不符，引文现见于{where}")
            note = f"所引{cited}按所注版本编号；引文与现行{where}相符度 {coverage:.2f}：{target.text[:200]}"
        elif best is not None and best.id != target.id and quote_coverage(quote, best.text) >= QUOTE_MATCH:
            where = provision_label(best)
            reasons.append(f"所引{provision_label(citation.target)}的引文与现行条文不符，引文现见于{where}")
            note = f"引文与所引条文相符度 {coverage:.2f}；现见于{where}：{best.text[:200]}"
        else:
            reasons.append(f"所引{provision_label(citation.target)}的引文与现行条文不符")
            note = f"引文与所引条文相符度 {coverage:.2f}；引文：{quote[:200]}"
        evidence.append(Evidence(ev.citation, ev.resolved_to, ev.article_text, note=note))
    if not reasons:
        return None
    return item_finding("stale_basis", basis, "；".join(dict.fromkeys(reasons)) + "。", evidence)


def find_stale(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Items resting on repealed/superseded laws or on misquoted articles, in item-id order."""
    return item_findings(store, stale_of, government, department)
