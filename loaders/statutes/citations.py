"""Find citations in statute text: 本法第X条, 前款, 第X条第Y款第（Z）项, 《…法》第X条 …

The text is read as a stream of tokens (a law name in 《》, 本法, 第X条,
第Y款, 第（Z）项, 前款, separators 、和 或者 至).  Adjacent tokens make one
chain: 《行政许可法》第十二条第一款第（三）项 is one reference; separators
continue a chain (第六十五条、第六十六条), 至 makes a range (第十条至第十五条:
one reference per article).  A chain without a law name refers to the law
being read.  Relative references (前款, 本条第二款, 第（三）项) are resolved
against the citing paragraph and item.

>>> refs = find_citations("违反本法第十条、第十二条第二款规定的", article=(50, 0), paragraph=1)
>>> [(r.law, r.article, r.paragraph) for r in refs]
[(None, 10, None), (None, 12, 2)]
>>> [(r.law, r.article) for r in find_citations("依照《中华人民共和国行政许可法》第十二条至第十四条")]
[('中华人民共和国行政许可法', 12), ('中华人民共和国行政许可法', 13), ('中华人民共和国行政许可法', 14)]
>>> [(r.article, r.paragraph) for r in find_citations("有前两款情形的", article=(5, 0), paragraph=3)]
[(5, 1), (5, 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import chinese_to_int

NUM = r"[零〇一二三四五六七八九十百千0-9]+"
MAX_RANGE = 100  # a longer 至 range is a typo, not a citation

_SELF = r"本(?:法典|法|条例|规定|办法|细则|实施细则|实施办法|决定|规则|解释|准则|章程|通则|编|规程|决议|条款)"

_TOKEN_RE = re.compile(
    rf"(?P<law>《(?P<name>[^《》]{{1,80}})》)"
    rf"|(?P<self>{_SELF})"
    rf"|(?P<art>第(?P<an>{NUM})条(?:之(?P<asuf>{NUM}))?)"
    rf"|(?P<par>第(?P<pn>{NUM})款)"
    rf"|(?P<items>第?[（(](?P<in>{NUM})[）)](?P<more>(?:[、和或至](?:第)?[（(]{NUM}[）)])*)项)"
    rf"|(?P<item2>第(?P<in2>{NUM})项)"
    rf"|(?P<prevpar>前(?P<pcount>[一二两三四五六七八九十]?)款)"
    rf"|(?P<previtem>前(?P<icount>[一二两三四五六七八九十]?)项)"
    rf"|(?P<thisart>本条)"
    rf"|(?P<thispar>本款)"
    rf"|(?P<sep>、|及其|以及|或者|及|和|与|或|至|到)"
)
_ITEM_NUM_RE = re.compile(rf"[（(]({NUM})[）)]")
# A law named without 《》 right before 第X条: 依照刑法第二百三十四条 (checked against loaded laws later)
_BARE_LAW_RE = re.compile(r"([\u4e00-\u9fff]{1,30}?(?:法|法典|民法典|条例|规定|办法|细则))$")
_LAW_SUFFIX_RE = re.compile(r"(?:法|法典|条例|规定|办法|细则|决定|规则|解释|通则|章程|措施|目录)(?:（[^）]*）)?$")


@dataclass
class FoundCitation:
    """One reference in statute text.

    ``law`` is None for the law being read (本法, bare 第X条, 前款), else the
    name as cited (without 《》).  ``bare_law`` holds a name written without
    《》 before 第X条, to be checked against loaded laws.
    """

    text: str
    start: int
    end: int
    law: str | None = None
    article: int | None = None
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    bare_law: str | None = None
    relative: bool = False  # a bare 第二款 / 第（三）项: relative to the citing article
    recent_article: tuple[int, int] | None = None  # the article cited last before it in the same text

    @property
    def internal(self) -> bool:
        return self.law is None

    @property
    def law_only(self) -> bool:
        return self.article is None and self.paragraph is None and self.item is None


def _int(numeral: str | None) -> int | None:
    if not numeral:
        return None
    try:
        return chinese_to_int(numeral)
    except ValueError:
        return None


def find_citations(text: str, *, article: tuple[int, int] | None = None, paragraph: int | None = None,
                   item: int | None = None) -> list[FoundCitation]:
    """Citations in ``text`` of the provision at (article, paragraph, item).

    Relative references (前款, 本条第二款, bare 第二款 or 第（三）项) need the
    citing position; without it they are left out.
    """
    tokens = list(_TOKEN_RE.finditer(text))
    found: list[FoundCitation] = []
    chain_law: str | None = None  # law of the current chain (None: this law)
    chain_bare: str | None = None
    last: FoundCitation | None = None  # last reference of the chain
    last_kind = ""  # "art" | "par" | "item"
    pending_sep = ""
    prev_end = -1
    chain_start = 0
    law_token: re.Match[str] | None = None  # a 《》 name not yet followed by an article

    def flush_law_only() -> None:
        nonlocal law_token
        if law_token is not None:
            name = law_token.group("name")
            if _LAW_SUFFIX_RE.search(name):
                found.append(FoundCitation(law_token.group(0), law_token.start(), law_token.end(), law=name))
            law_token = None

    recent: tuple[int, int] | None = None

    def emit(ref: FoundCitation) -> FoundCitation:
        nonlocal recent
        if ref.relative:
            ref.recent_article = recent
        elif ref.law is None and ref.bare_law is None and ref.article is not None:
            recent = (ref.article, ref.article_suffix)
        found.append(ref)
        return ref

    for token in tokens:
        kind = token.lastgroup if token.lastgroup in (
            "law", "self", "art", "par", "items", "item2", "prevpar", "previtem", "thisart", "thispar", "sep") else None
        if kind is None:  # a nested group matched last: find the outer one
            kind = next(k for k in ("law", "self", "art", "par", "items", "item2", "prevpar", "previtem",
                                    "thisart", "thispar", "sep") if token.group(k) is not None)
        adjacent = token.start() == prev_end
        if not adjacent and kind != "sep":
            # the chain is broken by other words
            flush_law_only()
            chain_law, chain_bare, last, last_kind, pending_sep = None, None, None, "", ""
        if kind == "sep":
            if adjacent and (last is not None or law_token is not None):
                pending_sep = token.group(0)
                prev_end = token.end()
            continue
        start = token.start()
        if kind == "law":
            flush_law_only()
            law_token = token
            chain_law, chain_bare, last, last_kind, pending_sep = token.group("name"), None, None, "", ""
            chain_start = start
            prev_end = token.end()
            continue
        if kind == "self":
            flush_law_only()
            chain_law, chain_bare, last, last_kind, pending_sep = None, None, None, "", ""
            chain_start = start
            prev_end = token.end()
            continue
        if kind == "thisart":
            flush_law_only()
            chain_law, chain_bare, pending_sep = None, None, ""
            chain_start = start
            if article is not None:
                last = FoundCitation("本条", start, token.end(), article=article[0], article_suffix=article[1])
                last_kind = "thisart"
            prev_end = token.end()
            continue
        if kind == "thispar":
            flush_law_only()
            chain_law, chain_bare, pending_sep = None, None, ""
            chain_start = start
            if article is not None and paragraph is not None:
                last = FoundCitation("本款", start, token.end(), article=article[0], article_suffix=article[1],
                                     paragraph=paragraph)
                last_kind = "thispar"
            prev_end = token.end()
            continue

        if kind == "art":
            number, suffix = _int(token.group("an")), _int(token.group("asuf")) or 0
            if number is None:
                prev_end = token.end()
                continue
            if law_token is not None and adjacent:
                law_token = None  # the name is part of this citation
            if last is None and chain_law is None and not adjacent:
                chain_start = start
                # a law written without 《》 right before: 依照刑法第二十条
                bare = _BARE_LAW_RE.search(text[max(0, start - 30):start])
                chain_bare = bare.group(1) if bare and not re.search(rf"{_SELF}$", bare.group(1)) else None
            if pending_sep in ("至", "到") and last is not None and last_kind == "art" and last.article is not None \
                    and 0 < number - last.article <= MAX_RANGE and not suffix and last.law == chain_law:
                for n in range(last.article + 1, number + 1):
                    last = emit(FoundCitation(text[chain_start:token.end()], chain_start, token.end(),
                                              law=chain_law, article=n, bare_law=chain_bare))
            else:
                if last is None or pending_sep or last_kind != "art":
                    ref_start = chain_start if last is None else start
                else:
                    ref_start = start
                last = emit(FoundCitation(text[ref_start:token.end()], ref_start, token.end(), law=chain_law,
                                          article=number, article_suffix=suffix, bare_law=chain_bare))
            last_kind, pending_sep = "art", ""
            prev_end = token.end()
            continue

        if kind == "par":
            number = _int(token.group("pn"))
            if number is None:
                prev_end = token.end()
                continue
            base = last if adjacent or pending_sep else None
            if base is not None and last_kind == "art" and adjacent and not pending_sep and base.paragraph is None \
                    and base in found:
                base.paragraph = number  # 第十条第二款
                base.text = text[base.start:token.end()]
                base.end = token.end()
            elif base is not None and base.article is not None and last_kind in ("art", "par", "thisart"):
                count = [number]
                if pending_sep in ("至", "到") and last_kind == "par" and base.paragraph and number > base.paragraph:
                    count = list(range(base.paragraph + 1, number + 1))
                for n in count:
                    last = emit(FoundCitation(text[start:token.end()] if last_kind != "thisart"
                                              else text[base.start:token.end()],
                                              start if last_kind != "thisart" else base.start, token.end(),
                                              law=base.law, article=base.article, article_suffix=base.article_suffix,
                                              paragraph=n, bare_law=base.bare_law))
            elif chain_law is None and article is not None and not adjacent:
                # bare 第二款: a paragraph of the citing article
                last = emit(FoundCitation(token.group(0), start, token.end(), article=article[0],
                                          article_suffix=article[1], paragraph=number, relative=True))
            else:
                prev_end = token.end()
                continue
            last_kind, pending_sep = "par", ""
            prev_end = token.end()
            continue

        if kind in ("items", "item2"):
            if kind == "items":
                numbers = [_int(token.group("in"))] + [_int(n) for n in _ITEM_NUM_RE.findall(token.group("more") or "")]
                more = token.group("more") or ""
                if "至" in more and len(numbers) == 2 and numbers[0] and numbers[1] and numbers[1] > numbers[0]:
                    numbers = list(range(numbers[0], numbers[1] + 1))
            else:
                numbers = [_int(token.group("in2"))]
            numbers = [n for n in numbers if n]
            if not numbers:
                prev_end = token.end()
                continue
            base = last if (adjacent or pending_sep) else None
            refs: list[FoundCitation] = []
            if base is not None and base.article is not None and last_kind in ("art", "par", "thisart", "thispar",
                                                                                "item", "prevpar"):
                if pending_sep in ("至", "到") and last_kind == "item" and base.item and numbers[0] > base.item:
                    numbers = list(range(base.item + 1, numbers[0] + 1))
                first = adjacent and not pending_sep and base.item is None and base in found
                for i, n in enumerate(numbers):
                    if first and i == 0:
                        base.item = n
                        base.text = text[base.start:token.end()]
                        base.end = token.end()
                        refs.append(base)
                    else:
                        refs.append(emit(FoundCitation(
                            text[start:token.end()], start, token.end(), law=base.law, article=base.article,
                            article_suffix=base.article_suffix, paragraph=base.paragraph, item=n,
                            bare_law=base.bare_law)))
            elif chain_law is None and article is not None and not adjacent and paragraph is not None:
                # bare 第（三）项: an item of the citing paragraph
                for n in numbers:
                    refs.append(emit(FoundCitation(token.group(0), start, token.end(), article=article[0],
                                                   article_suffix=article[1], paragraph=paragraph, item=n,
                                                   relative=True)))
            if refs:
                last, last_kind = refs[-1], "item"
            pending_sep = ""
            prev_end = token.end()
            continue

        if kind == "prevpar":
            flush_law_only()
            chain_law, chain_bare, pending_sep = None, None, ""
            chain_start = start
            count = _int(token.group("pcount")) or 1
            if article is not None and paragraph is not None and paragraph > 1:
                first = max(1, paragraph - count)
                for n in range(first, paragraph):
                    last = emit(FoundCitation(token.group(0), start, token.end(), article=article[0],
                                              article_suffix=article[1], paragraph=n))
                last_kind = "prevpar"
            else:
                last, last_kind = None, ""
            prev_end = token.end()
            continue

        if kind == "previtem":
            flush_law_only()
            chain_law, chain_bare, pending_sep = None, None, ""
            count = _int(token.group("icount")) or 1
            if article is not None and paragraph is not None and item is not None and item > 1:
                for n in range(max(1, item - count), item):
                    last = emit(FoundCitation(token.group(0), start, token.end(), article=article[0],
                                              article_suffix=article[1], paragraph=paragraph, item=n))
                last_kind = "item"
            else:
                last, last_kind = None, ""
            prev_end = token.end()
            continue
    flush_law_only()
    return found
