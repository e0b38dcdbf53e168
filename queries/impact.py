"""``plkg impact LAW``: what a new version of a law does to the lists resting on the old one.

The articles of each older version are aligned with those of the new version
by text similarity (a weighted Dice coefficient of character bigrams) with an
order-preserving match: the pairs with the highest total similarity such that
article order is kept (a revision inserts, deletes and renumbers, it does not
shuffle), each pair at least :data:`ALIGN_MIN` alike and either clearly alike
(:data:`SURE`) or ahead of the old article's next best candidate by
:data:`MARGIN` (penalty articles of one law share most of their wording).
Similarity weighs each bigram by its rarity among the articles of both
versions and leaves numbers out (sums and cross-references change in every
revision).  An old article the ordered match leaves unpaired is then paired
out of order with its best eligible new article not yet taken (an article
moved to another chapter); one whose near-equal rivals all went to other old
articles takes the one left.  An old article this leaves with no new one, which the statute
loader aligned (``CORRESPONDS_TO``: :mod:`loaders.statutes.align`, whose containment pairs a
short article rewritten into a long one), takes the loader's article, so impact, stale bases
and coverage agree.  Each old article is then:

=================  ==========================================================
``unchanged``      same number, same text
``moved``          same text under another number (renumbered)
``changed``        same number, the text changed
``moved_changed``  another number and a changed text
``split``          its text now spread over several new articles, each holding
                   :data:`SPLIT_HOLD` of its own text inside the old article
``merged``         its text is now part of a new article another old article
                   went to (:data:`SPLIT_HOLD` of its bigrams are in it)
``unclear``        two or more new articles are about equally alike (within
                   :data:`MARGIN`) and none clearly (:data:`SURE`): listed
                   for a person to choose, no citation proposed
``removed``        no new article holds its text
=================  ==========================================================

Every citation of the law by an item of a loaded list (the current version of
each list) is accounted for: one that resolves to an older version gets its
article's status, the new article(s) that hold the text now and a proposed
citation (the paragraph matched the same way inside the article); one that
already resolves to the new version is ``current``; one that resolves to no
article is ``unresolved`` (with its resolution status).  Then the clauses the
new version adds (on an article no old article pairs with, or of a category
its old article had no clause of) that no item of any loaded list rests on,
directly or through the old article it replaces: ``uncovered_clause``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterator, Sequence


from kg.errors import UserError
from kg.lawindex import LawIndex
from kg.model import LawVersion
from kg.text import bigrams
from kg.views import ProvisionRef

from .diff import FORMATS, dice, write_records
from .findings import article_label

ALIGN_MIN = 0.25
SURE = 0.5
MARGIN = 0.05
SPLIT_HOLD = 0.6
STATUS_NAMES = {
    "unchanged": "未变", "moved": "条号变动", "changed": "内容修改", "moved_changed": "条号变动且内容修改",
    "split": "拆分", "removed": "已删除", "unclear": "需人工核对", "merged": "合并", "current": "已引用新版本", "unresolved": "未对应到条文",
    "newer": "引用更新的版本",
}


@dataclass(frozen=True)
class Article:
    """An article (条) of a version with its paragraphs' texts."""

    id: str
    number: int
    suffix: int
    label: str
    text: str
    paragraphs: tuple[tuple[int, str], ...]  # (number, text)


@dataclass(frozen=True)
class Mapping_:
    """Where an old article's text is now: ``status`` and the new articles that hold it (best first)."""

    old: Article
    status: str
    new: tuple[Article, ...] = ()
    similarity: float = 0.0


def articles_of(store, version_id: str) -> list[Article]:
    """The articles of a version in document order, with their paragraphs."""
    rows = [n for n in store.nodes("Provision", version=version_id)]
    paragraphs: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    articles = []
    for node in rows:
        p = node.props
        if p.get("kind") == "款" and p.get("article") is not None and p.get("item") is None:
            paragraphs[(p["article"], p.get("article_suffix", 0))].append((p.get("paragraph") or 0, p.get("text", "")))
    for node in sorted((n for n in rows if n.props.get("kind") == "条"), key=lambda n: (n.props.get("order", 0), n.id)):
        p = node.props
        key = (p.get("article"), p.get("article_suffix", 0))
        articles.append(Article(node.id, p.get("article"), p.get("article_suffix", 0), p.get("label", ""),
                                p.get("text", ""), tuple(sorted(paragraphs.get(key, ())))))
    return articles


def similarities(old: Sequence[Article], new: Sequence[Article]) -> tuple[list[frozenset[str]], list[frozenset[str]],
                                                                        list[dict[int, float]], dict[str, float]]:
    """The articles' bigrams, per old article its weighted Dice similarity to each new article sharing a
    bigram with it (by new article index), and the weight of each bigram."""
    og = [_grams(a.text) for a in old]
    ng = [_grams(b.text) for b in new]
    # bigrams weighted by how rare they are among the articles of both versions: the boilerplate of a
    # penalty article (违反本法规定 … 由县级以上 … 罚款) says little about which article it is
    df: Counter = Counter(g for grams in og + ng for g in grams)
    total = len(og) + len(ng)
    weight = {g: math.log((total + 1) / (n + 0.5)) for g, n in df.items()}
    omass = [sum(weight[g] for g in grams) for grams in og]
    nmass = [sum(weight[g] for g in grams) for grams in ng]
    # candidate pairs through shared bigrams only: a big code's matrix is mostly zeros
    index: dict[str, list[int]] = defaultdict(list)
    for j, grams in enumerate(ng):
        for g in grams:
            index[g].append(j)
    sims: list[dict[int, float]] = []
    for i, grams in enumerate(og):
        shared: dict[int, float] = defaultdict(float)
        for g in grams:
            w = weight[g]
            for j in index.get(g, ()):
                shared[j] += w
        sims.append({j: 2 * w / (omass[i] + nmass[j]) for j, w in shared.items() if omass[i] + nmass[j] > 0})
    return og, ng, sims, weight


def align(old: Sequence[Article], new: Sequence[Article]) -> dict[str, Mapping_]:
    """Map each old article (by id) to where its text is in ``new`` (module docstring)."""
    og, ng, sims, weight = similarities(old, new)

    def held(part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part`` (by weight) is in ``whole``."""
        mass = sum(weight[g] for g in part)
        return sum(weight[g] for g in part & whole) / mass if mass else 0.0

    n, m = len(old), len(new)
    # a pair must stand out: clear (SURE) or ahead of the old article's next best by MARGIN; penalty
    # articles of one law look alike, and an article with two near-equal candidates is left unclear
    eligible: list[dict[int, float]] = []
    for si in sims:
        ranked = sorted(si.values(), reverse=True)
        second = ranked[1] if len(ranked) > 1 else 0.0
        eligible.append({j: s for j, s in si.items() if s >= ALIGN_MIN and (s >= SURE or s - second >= MARGIN)})
    # order-preserving match of highest total similarity (a weighted LCS) over the eligible pairs
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, si = score[i], score[i + 1], eligible[i]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] > row[j + 1] else row[j + 1]
            s = si.get(j)
            if s is not None and s + below[j + 1] > best:
                best = s + below[j + 1]
            row[j] = best
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        s = eligible[i].get(j)
        if s is not None and abs(score[i][j] - (s + score[i + 1][j + 1])) < 1e-9:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    taken = set(pairs.values())
    for i in range(n):  # moved out of order
        if i not in pairs and eligible[i]:
            j, s = max(((j, s) for j, s in eligible[i].items() if j not in taken), key=lambda js: (js[1], -js[0]), default=(None, 0))
            if j is not None:
                pairs[i] = j
                taken.add(j)
    result: dict[str, Mapping_] = {}
    for i, a in enumerate(old):
        holders = _holders(og[i], ng, sims[i], held)
        j = pairs.get(i)
        if len(holders) >= 2 and (j is None or j in holders):
            ordered = tuple(new[k] for k in sorted(holders))
            result[a.id] = Mapping_(a, "split", ordered, max(sims[i].get(k, 0.0) for k in holders))
            continue
        if j is None:
            best = max(sims[i].values(), default=0.0)
            near = sorted((k for k, s in sims[i].items() if s >= ALIGN_MIN and s >= best - MARGIN), key=lambda k: -sims[i][k])
            # merged: a new article another old one went to holds this one's text too
            merged = sorted((k for k in sims[i] if k in taken and len(og[i]) >= 8 and held(og[i], ng[k]) >= SPLIT_HOLD),
                            key=lambda k: -sims[i][k])
            free = [k for k in near if k not in taken]
            if merged:
                result[a.id] = Mapping_(a, "merged", (new[merged[0]],), round(sims[i][merged[0]], 3))
                continue
            if len(free) == 1 and len(near) > 1:
                j = free[0]  # its rivals went to other old articles: the one left is its successor
                taken.add(j)
            elif free:
                result[a.id] = Mapping_(a, "unclear", tuple(new[k] for k in free), round(sims[i][free[0]], 3))
                continue
            else:
                result[a.id] = Mapping_(a, "removed")
                continue
        b, s = new[j], sims[i][j]
        same_text = og[i] == ng[j] and a.text.strip() == b.text.strip()
        same_number = (a.number, a.suffix) == (b.number, b.suffix)
        status = ("unchanged" if same_number else "moved") if same_text else ("changed" if same_number else "moved_changed")
        result[a.id] = Mapping_(a, status, (b,), round(s, 3))
    return result


def _with_loaded_alignment(store, mappings: dict[str, Mapping_], new: LawVersion,
                           new_articles: Sequence[Article]) -> dict[str, Mapping_]:
    """``mappings`` with each ``removed`` article the statute loader aligned into ``new`` (its ``CORRESPONDS_TO``
    edges, version to version: :mod:`loaders.statutes.align`) given that article, so that impact, stale bases
    and coverage say the same: 农产品质量安全法 2018 art. 44, two sentences on forged test results, shares too
    few bigrams with 2022 art. 65 for the similarity here, yet the newer text keeps what was particular to it."""
    by_id = {b.id: b for b in new_articles}
    for article_id, mapping in mappings.items():
        if mapping.status != "removed":
            continue
        target, seen = article_id, set()
        while target and not target.startswith(new.id + "/") and target not in seen:
            seen.add(target)
            target = next((e.dst for e in store.out_edges(target, "CORRESPONDS_TO")), None)
        b = by_id.get(target or "")
        if b is not None:
            a = mapping.old
            status = "changed" if (a.number, a.suffix) == (b.number, b.suffix) else "moved_changed"
            mappings[article_id] = Mapping_(a, status, (b,), round(dice(_grams(a.text), _grams(b.text)), 3))
    return mappings


_NUMERALS_RE = re.compile(r"[零〇一二三四五六七八九十百千万亿两\d]+")


def _grams(text: str) -> frozenset[str]:
    """Bigrams of an article's text without its numbers: sums and cross-references change in every
    revision and are alike between unrelated articles (五百元以上二千元以下)."""
    return bigrams(_NUMERALS_RE.sub("", text))


def _holders(grams: frozenset[str], new_grams: Sequence[frozenset[str]], sims: dict[int, float], held) -> list[int]:
    """New articles that each hold SPLIT_HOLD of their own text (by weight, :func:`align`'s ``held``) inside
    the old one, when together they hold more of it than the best single one by a margin (a split, not a
    shortened article)."""
    if not grams:
        return []
    inside = [j for j in sims if len(new_grams[j]) >= 8 and held(new_grams[j], grams) >= SPLIT_HOLD]
    if len(inside) < 2:
        return []
    union = frozenset().union(*(new_grams[j] & grams for j in inside))
    best = max(held(grams, new_grams[j]) for j in inside)
    whole = held(grams, union)
    return inside if whole >= 0.8 and whole - best >= 0.2 else []


# ---------------------------------------------------------------------------
# Citations of the lists


@dataclass(frozen=True)
class ImpactRow:
    """A cited article of a list and what the new version does to it (``kind`` impact), or a new clause
    no list covers (``kind`` uncovered_clause)."""

    kind: str
    law: str
    new_version: str
    status: str
    government: str | None = None
    department: str | None = None
    item_id: str | None = None
    item_code: str | None = None
    name: str | None = None
    category: str | None = None
    citation: str = ""
    cited_version: str | None = None
    cited_article: str | None = None
    cited_text: str = ""
    new_articles: tuple[str, ...] = ()
    new_text: str = ""
    similarity: float | None = None
    proposed: str = ""
    reason: str = ""
    subject: str | None = None
    provision: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}
        return data


def _law_id(index: LawIndex, name: str) -> str:
    found = index.find(name)
    if not found:
        near = [law for law in index.similar(name) if len(index.versions(law)) > 1] or index.similar(name)
        raise UserError(f"no law named {name!r} in the store" + (
            f"; did you mean {', '.join(near)}?" if near else ": load it with `plkg load laws`"))
    return found[0]


def _new_version(index: LawIndex, law_id: str, date: str | None) -> LawVersion:
    versions = index.versions(law_id)
    if date is None:
        chosen = versions[-1] if versions else None
    else:
        chosen = next((v for v in versions if v.date == date), None)
    if chosen is None or len(versions) < 2 or chosen is versions[0]:
        dates = ", ".join(v.date for v in versions) or "none"
        what = f"no version {date}" if chosen is None else "no older version to compare with"
        raise UserError(f"{law_id} has {what}: loaded versions are {dates}")
    return chosen


def _paragraph(cited: ProvisionRef | None, old: Article, new: Article) -> int | None:
    """The paragraph of ``new`` that best holds the cited paragraph of ``old`` (None when the citation
    names no paragraph or the new article has one paragraph)."""
    if cited is None or cited.paragraph is None or len(new.paragraphs) < 2:
        return None
    text = next((t for n, t in old.paragraphs if n == cited.paragraph), cited.text)
    grams = bigrams(text)
    return max(new.paragraphs, key=lambda p: (dice(grams, bigrams(p[1])), -p[0]))[0]


def _proposal(law: str, version: LawVersion, mapping: Mapping_, cited: ProvisionRef | None) -> str:
    if mapping.status in ("removed", "unclear") or not mapping.new:
        return ""
    if mapping.status == "split":  # merged: the one article it went into
        units = "、".join(article_label(b.number, b.suffix) for b in mapping.new)
    else:
        b = mapping.new[0]
        paragraph = _paragraph(cited, mapping.old, b)
        units = article_label(b.number, b.suffix, paragraph)
    return f"《{law}》（{version.date}）{units}"


def impact(store, law: str, version: str | None = None) -> Iterator[ImpactRow]:
    """Rows of ``plkg impact``: every citation of ``law`` by a loaded list, then the uncovered new clauses.

    ``version`` is the new version's date (default: the newest loaded).
    Raises :class:`UserError` for an unknown law (naming the nearest loaded ones) or a law with one version
    at once, from the laws and versions alone: before the rows are asked for and the whole graph is read
    (on the whole-corpus store that read is most of the time).
    """
    index = LawIndex(store, unread=True)
    law_id = _law_id(index, law)
    new = _new_version(index, law_id, version)
    return _impact_rows(store, index, law_id, new)


def _impact_rows(store, index: LawIndex, law_id: str, new: LawVersion) -> Iterator[ImpactRow]:
    new_articles = articles_of(store, new.id)
    alignments: dict[str, dict[str, Mapping_]] = {}

    def mapping_of(version_id: str, article_id: str) -> Mapping_ | None:
        if version_id not in alignments:
            alignments[version_id] = _with_loaded_alignment(store, align(articles_of(store, version_id), new_articles),
                                                            new, new_articles)
        return alignments[version_id].get(article_id)

    dates = {v.id: v.date for v in index.versions(law_id)}
    covered_new: set[str] = set()
    rows: list[ImpactRow] = []
    for basis in store.item_bases():
        item = basis.item
        dept = (basis.department or {}).get("name") or item.get("department")
        for cb in basis.citations:
            in_law = (cb.version is not None and cb.version.law == law_id) or (
                cb.version is None and cb.citation.get("law") and index.find(cb.citation["law"])[:1] == [law_id])
            if not in_law:
                continue
            common = dict(government=item.get("government"), department=dept, item_id=item["id"], item_code=item.get("code"),
                          name=item.get("name", "") + (f"／{item['sub']}" if item.get("sub") else ""),
                          category=item.get("category"), citation=cb.citation.get("text", ""),
                          cited_version=cb.version.date if cb.version else None)
            if cb.article is None:
                why = ("引用整部法律，未指明条款" if cb.target_label == "LawVersion"
                       else f"引用未对应到条文（{cb.citation.get('status', '')}）")
                rows.append(ImpactRow("impact", law_id, new.date, "unresolved", reason=f"{why}，无法判断新版本的影响。", **common))
                continue
            label = article_label(cb.article.article, cb.article.article_suffix)
            cited_date = dates.get(cb.article.version, "")
            if cb.article.version == new.id or cited_date > new.date:
                status = "current" if cb.article.version == new.id else "newer"
                if status == "current":
                    covered_new.add(cb.article.id)
                rows.append(ImpactRow("impact", law_id, new.date, status, cited_article=label, cited_text=cb.article.text[:300],
                                      reason="已引用该版本。" if status == "current" else "引用的版本比所比较的版本更新。", **common))
                continue
            mapping = mapping_of(cb.article.version, cb.article.id)
            if mapping is None:
                continue
            covered_new.update(b.id for b in mapping.new)
            holders = tuple(article_label(b.number, b.suffix) for b in mapping.new)
            reason = {
                "unchanged": f"新版本{label}内容未变。",
                "moved": f"条文内容未变，条号由{label}变为{'、'.join(holders)}。",
                "changed": f"{label}内容已修改。",
                "moved_changed": f"条文已修改，并由{label}移至{'、'.join(holders)}。",
                "split": f"{label}已拆分为{'、'.join(holders)}。",
                "removed": f"新版本中没有与{label}内容相符的条文（已删除）：该依据失效，应核实事项是否保留。",
                "merged": f"{label}已与其他条文合并为{'、'.join(holders)}。",
                "unclear": f"新版本中与{label}最相近的{'、'.join(holders)}相近程度接近，需人工核对后改引。",
            }[mapping.status]
            rows.append(ImpactRow(
                "impact", law_id, new.date, mapping.status, cited_article=label, cited_text=cb.article.text[:300],
                new_articles=holders, new_text="\n".join(b.text for b in mapping.new)[:300], similarity=mapping.similarity,
                proposed=_proposal(law_id, new, mapping, cb.target), reason=reason, **common))
    yield from rows
    yield from _uncovered(store, law_id, new, new_articles, alignments, covered_new, index)


def _uncovered(store, law_id: str, new: LawVersion, new_articles: list[Article], alignments: dict[str, dict[str, Mapping_]],
               covered: set[str], index: LawIndex) -> Iterator[ImpactRow]:
    """Clauses the new version adds that no item rests on."""
    older = [v for v in index.versions(law_id) if v.date < new.date]
    if older and older[-1].id not in alignments:
        alignments[older[-1].id] = align(articles_of(store, older[-1].id), new_articles)
    previous = alignments.get(older[-1].id, {}) if older else {}
    before: dict[str, set[str]] = defaultdict(set)  # new article id -> categories its old article had clauses of
    paired: set[str] = set()
    clauses_old: dict[str, set[str]] = defaultdict(set)
    if older:
        for node in store.nodes("AuthorisingClause", law=law_id, version=older[-1].date):
            p = node.props
            clauses_old[(p.get("article"), p.get("article_suffix", 0))].add(p.get("category"))
    for mapping in previous.values():
        for b in mapping.new:
            paired.add(b.id)
            before[b.id] |= clauses_old.get((mapping.old.number, mapping.old.suffix), set())
    by_number = {(a.number, a.suffix): a for a in new_articles}
    for node in sorted(store.nodes("AuthorisingClause", law=law_id, version=new.date), key=lambda n: n.id):
        p = node.props
        article = by_number.get((p.get("article"), p.get("article_suffix", 0)))
        if article is None or article.id in covered:
            continue
        if article.id in paired and p.get("category") in before[article.id]:
            continue  # not new: the old article had such a clause
        label = article_label(article.number, article.suffix)
        yield ImpactRow(
            "uncovered_clause", law_id, new.date, "uncovered", category=p.get("category"), subject=p.get("subject"),
            new_articles=(label,), new_text=p.get("text", "")[:300], provision=p.get("provision"),
            proposed=f"《{law_id}》（{new.date}）{label}",
            reason=(f"新版本{label}{'新增' if article.id not in paired else '新设'}{p.get('category')}条款"
                    f"（{p.get('subject')}{('，' + p['modality']) if p.get('modality') else ''}），已载入的清单均无事项以其为依据。"),
        )


# ---------------------------------------------------------------------------
# Output

COLUMNS: dict[str, list] = {
    "impact": [
        ("影响类型", lambda r: STATUS_NAMES.get(r.status, r.status)), ("政府", lambda r: r.government),
        ("实施主体", lambda r: r.department), ("事项编码", lambda r: r.item_code), ("事项名称", lambda r: r.name),
        ("权力类别", lambda r: r.category), ("引用", lambda r: r.citation), ("引用版本", lambda r: r.cited_version),
        ("引用条", lambda r: r.cited_article), ("新版本条", lambda r: "、".join(r.new_articles)),
        ("相似度", lambda r: r.similarity), ("建议引用", lambda r: r.proposed), ("问题说明", lambda r: r.reason),
        ("原条文", lambda r: r.cited_text), ("新条文", lambda r: r.new_text), ("事项ID", lambda r: r.item_id),
    ],
    "uncovered_clause": [
        ("法律", lambda r: r.law), ("版本", lambda r: r.new_version), ("条", lambda r: "、".join(r.new_articles)),
        ("权力类别", lambda r: r.category), ("条款主体", lambda r: r.subject), ("问题说明", lambda r: r.reason),
        ("条文", lambda r: r.new_text),
    ],
}
SHEET_NAMES = {"impact": "法律修改影响", "uncovered_clause": "新增条款未入清单"}


def impact_line(row: Any) -> str:
    if isinstance(row, ImpactRow) and row.kind == "impact":
        where = f"[{row.department}] {row.name}"
        return f"{STATUS_NAMES.get(row.status, row.status)}\t{where}\t{row.citation[:40]}\t{row.reason}" + (
            f"\t建议引用：{row.proposed}" if row.proposed else "")
    if isinstance(row, ImpactRow):
        return f"新增条款\t{row.new_articles[0]}\t{row.category}\t{row.reason}"
    return str(row)


def write_impact(store, law: str, version: str | None = None, *, format: str = "table", output=None, out=None) -> Counter:
    """``plkg impact``: write the rows; returns the count per status (and ``uncovered``)."""
    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    counts: Counter = Counter()

    found = impact(store, law, version)  # an unknown law is refused here, before any output is opened

    def rows():
        for row in found:
            counts[row.status] += 1
            yield row
        if format == "table":
            yield "汇总：" + "，".join(f"{STATUS_NAMES.get(k, '新增条款未入清单')} {v}" for k, v in sorted(counts.items()))

    write_records(rows(), format, COLUMNS, SHEET_NAMES, output=output, out=out, table_line=impact_line)
    return counts
