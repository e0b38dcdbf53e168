"""Align the articles of two versions of one law: which article of the newer text holds each older one.

Amendments renumber (the 2024 文物保护法 holds the 2017 text's art. 70 as art. 87), split, merge, insert
and drop articles, and rewrite the cross-references inside them (违反本法第七十条 -> 第八十七条).  The
alignment is order-preserving: an amendment inserts and drops articles but does not reorder the law.

1. Articles are compared as cleaned text: no punctuation or spaces, and every article number inside the
   text replaced by one placeholder, so a renumbered cross-reference is no change.
2. Identical cleaned texts in the same order anchor the alignment (a longest matching subsequence over
   whole articles, :class:`difflib.SequenceMatcher`).
3. Between two anchors, the remaining articles are paired by an order-preserving match maximising the
   total score of the pairs.  A pair scores its similarity (character trigram overlap, :func:`similarity`)
   when that reaches :data:`MIN_SIMILARITY`; otherwise its containment (:func:`containment`: the share of
   the older article's distinctive bigrams the newer one holds) when that reaches :data:`MIN_CONTAINMENT`.
   A short article rewritten into a long one (农产品质量安全法 2018 art. 44, two sentences on forged test
   results, is the 2022 art. 65 of three paragraphs) shares too few trigrams with it for a symmetric
   measure, yet the newer text keeps most of what was particular to the older one.  Other pairs are left
   out: such an older article was dropped or rewritten beyond recognition.
4. An article an amendment moved out of order (the 2023 北京市制定地方性法规条例 put its art. 17 before the
   articles that had preceded it) is paired last, among the articles still unpaired, when the two are each
   other's closest match and the newer one nearly copies or holds the older one (similarity or containment
   at least :data:`MOVED_SIMILARITY`): with no order to support it, only that is taken as the same provision.

>>> old = [(1, "为了保护文物，制定本法。"), (2, "违反本法第一条规定的，处五千元罚款。"), (3, "本法自公布之日起施行。")]
>>> new = [(1, "为了保护文物，制定本法。"), (2, "国家鼓励社会参与文物保护。"),
...        (3, "违反本法第一条规定的，处一万元罚款。"), (4, "本法自公布之日起施行。")]
>>> [(a.old, a.new, a.same_text) for a in align_articles(old, new)]
[(1, 1, True), (2, 3, False), (3, 4, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Hashable, Sequence

from kg.text import bigrams, normalise, squeeze

MIN_SIMILARITY = 0.5
"""Least trigram similarity for two differing articles to count as one provision."""

MIN_CONTAINMENT = 0.45
"""Least share of an older article's distinctive bigrams a newer article between the same anchors must hold
to count as the same provision when their similarity is below :data:`MIN_SIMILARITY` (measured on the corpus:
BENCHMARKS.md, "Article alignment")."""

DISTINCTIVE_SPREAD = 2
"""A bigram is distinctive of an article when at most this many articles of its version hold it: 农产品质量安全
monitors every article of its law, 伪造检测结果 one."""

MIN_DISTINCTIVE = 6
"""Fewest distinctive bigrams an older article needs for containment to count: 本法自公布之日起施行 has none,
and three shared bigrams are chance."""

MOVED_SIMILARITY = 0.8
"""Least similarity, or containment, for two articles out of order to count as one provision the amendment moved."""

_REFERENCE = re.compile(r"第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?")
_LABEL = re.compile(r"^\s*第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?\s*")


@dataclass(frozen=True)
class Aligned:
    """One older article and the article of the newer version holding its text."""

    old: Hashable  # the older article's key (what the caller passed: a number or an id)
    new: Hashable
    similarity: float  # 1.0 for the same cleaned text
    same_text: bool
    how: str = "same"  # same (text), similar, contained (see containment) or moved (out of order)


def clean(text: str) -> str:
    """An article's text for comparison: no label, punctuation or spaces; article numbers as one placeholder.

    >>> clean("第八十七条 违反本法第七十条规定的，处罚款。") == clean("第七十条 违反本法第六十五条规定的，处罚款。")
    True
    """
    text = _LABEL.sub("", normalise(text or ""))
    return squeeze(_REFERENCE.sub("第#条", text))


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)} or ({text} if text else set())


def similarity(a: str, b: str) -> float:
    """Dice overlap of the character trigrams of two cleaned texts (0 to 1).

    >>> similarity("县级以上人民政府文物行政部门责令改正", "县级以上人民政府文物主管部门责令改正") > 0.7
    True
    """
    return _dice_of(_trigrams(a), _trigrams(b))


def _dice_of(ga: set[str], gb: set[str]) -> float:
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def containment(distinctive: frozenset[str], newer: str) -> float:
    """Share of an older article's distinctive bigrams (see :data:`DISTINCTIVE_SPREAD`) that ``newer`` holds.

    0 when the older article has fewer than :data:`MIN_DISTINCTIVE` of them.

    >>> containment(frozenset({"伪造", "造检", "检测", "测结", "结果", "资格"}), clean("检测机构伪造检测结果的，吊销资格证书"))
    1.0
    """
    return _share(distinctive, bigrams(newer))


def _share(distinctive: frozenset[str], newer: frozenset[str]) -> float:
    if len(distinctive) < MIN_DISTINCTIVE:
        return 0.0
    return len(distinctive & newer) / len(distinctive)


class _Article:
    """One article as the matching sees it."""

    __slots__ = ("key", "text", "trigrams", "bigrams", "distinctive")

    def __init__(self, key: Hashable, text: str, spread: dict[str, int] | None = None):
        self.key, self.text, self.trigrams, self.bigrams = key, text, _trigrams(text), bigrams(text)
        self.distinctive = (frozenset(g for g in self.bigrams if spread[g] <= DISTINCTIVE_SPREAD)
                            if spread is not None else frozenset())


def _overlap(old: _Article, new: _Article) -> float:
    return _dice_of(old.trigrams, new.trigrams)


def _dice(old: _Article, new: _Article) -> float:
    s = _overlap(old, new)
    return s if s >= MIN_SIMILARITY else 0.0


def _contained(old: _Article, new: _Article) -> float:
    c = _share(old.distinctive, new.bigrams)
    return c if c >= MIN_CONTAINMENT else 0.0


def _best_path(old: Sequence[_Article], new: Sequence[_Article], score_of) -> list[tuple[int, int]]:
    """Order-preserving (i, j) pairs of two runs with the greatest total ``score_of`` (0: no pair)."""
    n, m = len(old), len(new)
    if not n or not m:
        return []
    score = [[score_of(a, b) for b in new] for a in old]
    # best[i][j]: the best total over old[i:], new[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            take = score[i][j] + below[j + 1] if score[i][j] else 0.0
            row[j] = max(below[j], row[j + 1], take)
    path: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            path.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return path


def _match_gap(old: Sequence[_Article], new: Sequence[_Article]) -> list[Aligned]:
    """Order-preserving pairs of two runs of articles: by similarity, then by containment between those.

    Containment only fills the runs similarity left unpaired, so it never displaces a similar pair (a long
    new article holding much of two old ones would otherwise win against the pair similarity found).
    """
    pairs: list[Aligned] = []
    i0 = j0 = 0
    for i, j in _best_path(old, new, _dice) + [(len(old), len(new))]:
        for k, l in _best_path(old[i0:i], new[j0:j], _contained):
            a, b = old[i0 + k], new[j0 + l]
            pairs.append(Aligned(a.key, b.key, round(_overlap(a, b), 3), False, "contained"))
        if i < len(old):
            pairs.append(Aligned(old[i].key, new[j].key, round(_dice(old[i], new[j]), 3), False, "similar"))
        i0, j0 = i + 1, j + 1
    return pairs


# Runs between anchors longer than this are left unpaired: the all-against-all match would cost too much.
_GAP_LIMIT = 400


def align_articles(old: Sequence[tuple[Hashable, str]], new: Sequence[tuple[Hashable, str]]) -> list[Aligned]:
    """Pairs (older article, newer article) of two versions, in order.

    Parameters
    ----------
    old, new : sequence of (key, text)
        Each version's articles in document order; keys are returned as given.

    Returns
    -------
    list of Aligned
        One entry per older article the newer version still holds, in order.
    """
    a = [(key, clean(text)) for key, text in old]
    b = [(key, clean(text)) for key, text in new]
    spread: dict[str, int] = {}
    for _, text in a:
        for g in bigrams(text):
            spread[g] = spread.get(g, 0) + 1
    matcher = SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    pairs: list[Aligned] = []
    i = j = 0
    for block in matcher.get_matching_blocks():
        gap_old = [_Article(k, t, spread) for k, t in a[i:block.a]]
        gap_new = [_Article(k, t) for k, t in b[j:block.b]]
        if len(gap_old) * len(gap_new) <= _GAP_LIMIT * _GAP_LIMIT:
            pairs.extend(_match_gap(gap_old, gap_new))
        pairs.extend(Aligned(a[block.a + k][0], b[block.b + k][0], 1.0, True) for k in range(block.size))
        i, j = block.a + block.size, block.b + block.size
    moved = _match_moved(a, b, pairs, spread)
    if not moved:
        return pairs
    order_old = {key: n for n, (key, _) in enumerate(a)}
    return sorted(pairs + moved, key=lambda p: order_old[p.old])


def _match_moved(old: Sequence[tuple[Hashable, str]], new: Sequence[tuple[Hashable, str]],
                 pairs: Sequence[Aligned], spread: dict[str, int]) -> list[Aligned]:
    """Pairs of the articles left unpaired that are each other's closest match, at :data:`MOVED_SIMILARITY`
    of similarity or of containment (农产品质量安全法 2018 art. 33, the produce that may not be sold, is the
    2022 art. 36 with more cases, moved behind articles that had followed it)."""
    paired_old, paired_new = {p.old for p in pairs}, {p.new for p in pairs}
    rest_old = [_Article(k, t, spread) for k, t in old if k not in paired_old]
    rest_new = [_Article(k, t) for k, t in new if k not in paired_new]
    if not rest_old or not rest_new or len(rest_old) * len(rest_new) > _GAP_LIMIT * _GAP_LIMIT:
        return []
    score = [[max(_overlap(x, y), _share(x.distinctive, y.bigrams)) for y in rest_new] for x in rest_old]
    best_new = [max(range(len(rest_new)), key=row.__getitem__) for row in score]
    best_old = [max(range(len(rest_old)), key=lambda i: score[i][j]) for j in range(len(rest_new))]
    return [Aligned(rest_old[i].key, rest_new[j].key, round(score[i][j], 3), score[i][j] == 1.0, "moved")
            for i, j in enumerate(best_new) if best_old[j] == i and score[i][j] >= MOVED_SIMILARITY]
