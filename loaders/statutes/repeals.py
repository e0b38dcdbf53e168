"""Repeals a statute states itself: 《X》同时废止, 自…起废止, 下列…予以废止, 本条例代替《X》.

Laws and regulations close with the act that ends their predecessors:

- 第二十三条 本法自2004年1月1日起施行，《中华人民共和国居民身份证条例》同时废止。
- 第七十六条 本条例自2024年5月1日起施行。《国务院关于预防煤矿生产安全事故的特别规定》同时废止。
- 1990年12月24日国务院发布的《行政复议条例》同时废止。
- 下列行政法规予以废止：（一）《…》…

A sentence repeals the documents whose titles (《…》) stand in it before the repealing word, when it
is a statement of repeal and not a power to repeal: sentences where a body 可以 / 有权 / 应当 / 责令
/ 决定 repeal something (国务院有权…撤销不适当的规章), or that speak of 规章 and 规范性文件 in general,
grant a power and name no document.  What the title resolves to, and which versions the repeal ends,
is the loader's business (:mod:`loaders.statutes.build`); this module only reads text.

>>> [r.title for r in find_repeals("本法自2004年1月1日起施行，《中华人民共和国居民身份证条例》同时废止。")]
['中华人民共和国居民身份证条例']
>>> find_repeals("国务院有权改变或者撤销不适当的部门规章，《立法法》另有规定的除外。")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import normalise

# The repealing words, at the end of a repeal statement.
_REPEAL = re.compile(r"(?:同时|一并|相应)?(?:予以)?(?:废止|停止施行|不再施行|失效)")
# 本法/本条例/本规定/本办法…代替 《X》: a replacement stated the other way round.
_REPLACES = re.compile(r"本(?:法|条例|规定|办法|细则|决定|规则)[^。；《]{0,12}?(?:代替|取代)")
# A body's power or duty to repeal (国务院有权…废止, 应当予以废止, 责令…废止): no statement of repeal.
_POWER = re.compile(r"可以|有权|应当|必须|责令|决定|提请|建议|报请|撤销或者|改变或者|审查")
_PARTIAL = re.compile(r"^[^《》]*?(?:中|的)[^《》]*?(?:规定|条款|内容|部分)|第[一二三四五六七八九十百零\d]+条")
_TITLE = re.compile(r"《([^《》]{2,80}?)》")
_SENTENCE = re.compile(r"[^。；]*[。；]?")
# 下列…予以废止： the titles follow in the items of the same article
_LIST_HEAD = re.compile(r"下列[^。；：:]{0,40}?(?:同时|一并)?(?:予以)?废止[：:]")


@dataclass(frozen=True)
class StatedRepeal:
    """A document the text says is repealed (or replaced), as written."""

    title: str  # the title inside 《》, normalised, as written (with or without 中华人民共和国)
    sentence: str  # the repealing sentence


def find_repeals(text: str) -> list[StatedRepeal]:
    """The documents an article's text repeals or replaces, in order of appearance.

    >>> [r.title for r in find_repeals("本办法自公布之日起施行。1990年12月24日国务院发布、1994年10月9日国务院修订发布的《行政复议条例》同时废止。")]
    ['行政复议条例']
    >>> [r.title for r in find_repeals("本条例代替1987年发布的《公共场所卫生管理条例》。")]
    ['公共场所卫生管理条例']
    >>> [r.title for r in find_repeals("下列法规予以废止：（一）《甲条例》；（二）《乙办法》。")]
    ['甲条例', '乙办法']
    >>> find_repeals("违反本法规定的，由原发证机关予以废止。")
    []
    >>> find_repeals("国务院发布的《中华人民共和国反倾销和反补贴条例》中关于反倾销的规定同时废止。")
    []
    """
    text = normalise(text or "")
    if "废止" not in text and "代替" not in text and "取代" not in text and "失效" not in text \
            and "停止施行" not in text and "不再施行" not in text:
        return []
    found: list[StatedRepeal] = []
    seen: set[str] = set()

    def take(title: str, sentence: str) -> None:
        title = title.strip()
        if title and title not in seen and not title.startswith("本"):
            seen.add(title)
            found.append(StatedRepeal(title, sentence.strip()))

    head = _LIST_HEAD.search(text)
    if head and not _POWER.search(text[max(0, head.start() - 20):head.start()]):
        for match in _TITLE.finditer(text, head.end()):
            take(match.group(1), text[head.start():])
    for sentence in _SENTENCE.findall(text):
        if "《" not in sentence:
            continue
        replaces = _REPLACES.search(sentence)
        if replaces:
            for match in _TITLE.finditer(sentence, replaces.end()):
                take(match.group(1), sentence)
            continue
        repeal = None
        for repeal in _REPEAL.finditer(sentence):
            pass  # the last repealing word of the sentence governs the titles before it
        if repeal is None:
            continue
        before = sentence[:repeal.start()]
        # the power test looks only at the words between the last title and the repealing word,
        # and at the start of the sentence (由…决定…废止《X》 is a decision to be made, not a repeal)
        titles = list(_TITLE.finditer(before))
        if not titles:
            continue
        tail = before[titles[-1].end():]
        lead = before[:titles[0].start()]
        if _POWER.search(tail) or _POWER.search(lead):
            continue
        # 《X》中关于反倾销的规定同时废止 / 《X》第十条同时废止: a part of X ends, X stays in force
        if _PARTIAL.search(tail):
            continue
        # 违反《X》…的 / 依照《X》 speak of the law, not of its end
        if re.search(r"(?:违反|依照|依据|根据|按照)[^《]*$", lead) and not re.search(r"施行", lead):
            continue
        for match in titles:
            take(match.group(1), sentence)
    return found
