"""Align the articles of two versions of one law: which article of the newer text holds each older one.

Amendments renumber (the 2024 文物保护法 holds the 2017 text's art. 70 as art. 87), split, merge, insert
and drop articles, and rewrite the cross-references inside them (违反本法第七十条 -> 第八十七条).  The
alignment is order-preserving: an amendment inserts and drops articles but does not reorder the law.

1. Articles are compared as cleaned text: no punctuation or spaces, and every article number inside the
   text replaced by one placeholder, so a renumbered cross-reference is no change.
2. Identical cleaned texts in the same order anchor the alignment (a longest matching subsequence over
   whole articles, :class:`difflib.SequenceMatcher`).
3. Between two anchors, the remaining articles are paired by an order-preserving match maximising the
   total similarity (character trigram overlap, :func:`similarity`), pairs below :data:`MIN_SIMILARITY`
   left out: such an older article was dropped or rewritten beyond recognition.

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

from kg.text import normalise, squeeze

MIN_SIMILARITY = 0.5
"""Least trigram similarity for two differing articles to count as one provision."""

_REFERENCE = re.compile(r"第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?")
_LABEL = re.compile(r"^\s*第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?\s*")


@dataclass(frozen=True)
class Aligned:
    """One older article and the article of the newer version holding its text."""

    old: Hashable  # the older article's key (what the caller passed: a number or an id)
    new: Hashable
    similarity: float  # 1.0 for the same cleaned text
    same_text: bool


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
    ga, gb = _trigrams(a), _trigrams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def _match_gap(old: Sequence[tuple[Hashable, str, set[str]]], new: Sequence[tuple[Hashable, str, set[str]]]) -> list[Aligned]:
    """Order-preserving pairs of two runs of articles with the greatest total similarity."""
    n, m = len(old), len(new)
    if not n or not m:
        return []
    score = [[0.0] * m for _ in range(n)]
    for i, (_, _, ga) in enumerate(old):
        for j, (_, _, gb) in enumerate(new):
            if ga and gb:
                s = 2 * len(ga & gb) / (len(ga) + len(gb))
                if s >= MIN_SIMILARITY:
                    score[i][j] = s
    # best[i][j]: the best total over old[i:], new[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            take = score[i][j] + below[j + 1] if score[i][j] else 0.0
            row[j] = max(below[j], row[j + 1], take)
    pairs: list[Aligned] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append(Aligned(old[i][0], new[j][0], round(score[i][j], 3), False))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# Runs between anchors longer than this are matched by similarity within a band, not all against all.
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
    matcher = SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    pairs: list[Aligned] = []
    i = j = 0
    for block in matcher.get_matching_blocks():
        gap_old = [(k, t, _trigrams(t)) for k, t in a[i:block.a]]
        gap_new = [(k, t, _trigrams(t)) for k, t in b[j:block.b]]
        if len(gap_old) * len(gap_new) <= _GAP_LIMIT * _GAP_LIMIT:
            pairs.extend(_match_gap(gap_old, gap_new))
        pairs.extend(Aligned(a[block.a + k][0], b[block.b + k][0], 1.0, True) for k in range(block.size))
        i, j = block.a + block.size, block.b + block.size
    return pairs
