"""Body lines of a statute -> provisions: 编 > 章 > 节 containers, 条 > 款 > 项 units.

Articles are numbered in Chinese numerals (第一百二十二条, 第十条之一); each
line of an article is a paragraph (款), except item lines （一）（二）, which
belong to the paragraph before them, and sub-item lines (1. 2.), which belong
to their item.  Paragraph 1 always exists, even in a one-paragraph article.

>>> from loaders.statutes.read import Line
>>> lines = [Line(t, i) for i, t in enumerate(["第一章 总则", "第一条 为了…，制定本法。",
...          "第二条 下列活动适用本法：", "（一）生产；", "（二）销售。", "前款规定以外的活动除外。"])]
>>> structure = parse_structure(lines, "法/2021-01-01")
>>> [p.id.split("/", 2)[2] for p in structure.provisions]  # doctest: +NORMALIZE_WHITESPACE
['第1章', '第1条', '第1条/第1款', '第2条', '第2条/第1款', '第2条/第1款/第1项', '第2条/第1款/第2项',
 '第2条/第2款']
>>> structure.parents["法/2021-01-01/第2条"]
'法/2021-01-01/第1章'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Provision, ProvisionKind, article_id, container_id, item_id, paragraph_id
from kg.text import chinese_to_int

from .read import Line

NUM = r"[零〇一二三四五六七八九十百千0-9]+"
ARTICLE_RE = re.compile(rf"^第({NUM})条(?:之({NUM}))?(?:[ :：]+|(?=【)|$)")
CONTAINER_RE = re.compile(rf"^第({NUM})(编|分编|章|节)(?:[ :：]*)(.*)$")
ITEM_RE = re.compile(rf"^[（(]({NUM})[）)]\s*")
SUBITEM_RE = re.compile(r"^(?:\d{1,2}[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])")
# Appendices and signatures end the article text.
APPENDIX_RE = re.compile(r"^(附件|附表|附录)[一二三四五六七八九十0-9]*(?:[:：].*)?$")

_KINDS = {"编": ProvisionKind.PART, "章": ProvisionKind.CHAPTER, "节": ProvisionKind.SECTION}
_LEVEL = {ProvisionKind.PART: 0, ProvisionKind.CHAPTER: 1, ProvisionKind.SECTION: 2}


@dataclass
class Structure:
    """The provisions of one version in document order, with their parents."""

    provisions: list[Provision] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)  # provision id -> direct parent id
    leads: dict[str, str] = field(default_factory=dict)  # paragraph/item id -> its own text (for citations)
    warnings: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[Provision]:
        return [p for p in self.provisions if p.kind == ProvisionKind.ARTICLE]


class _Builder:
    def __init__(self, version: str, structure: Structure, root: str | None = None) -> None:
        self.version = version
        self.out = structure
        self.root = root or version
        self.ids: set[str] = {p.id for p in structure.provisions}
        self.stack: list[Provision] = []  # open containers
        self.filled: set[str] = set(structure.parents.values())  # ids that have children
        self.article: Provision | None = None
        self.lines: list[str] = []  # current article lines
        self.paragraph: Provision | None = None
        self.item: Provision | None = None
        self.paragraphs = 0
        self.order = len(structure.provisions)

    # --- provisions -------------------------------------------------------------

    def _add(self, provision: Provision, parent: str) -> None:
        self.order += 1
        provision.order = self.order
        self.out.provisions.append(provision)
        self.out.parents[provision.id] = parent
        self.ids.add(provision.id)
        self.filled.add(parent)

    def container(self, kind: ProvisionKind, number: int, label: str, heading: str, line: Line) -> None:
        self.close_article()
        level = _LEVEL[kind]
        while self.stack and _LEVEL[self.stack[-1].kind] >= level:
            self.stack.pop()
        parent = self.stack[-1].id if self.stack else self.root
        cid = container_id(parent, kind, number)
        if cid in self.ids:  # a repeated heading: keep filling the container already made
            if cid in self.filled:  # (headings of a table of contents are empty: no warning)
                self.out.warnings.append(f"line {line.number}: repeated heading {label}")
            existing = next(p for p in self.out.provisions if p.id == cid)
            self.stack.append(existing)
            return
        provision = Provision(cid, self.version, kind, number, label=label, heading=heading)
        self._add(provision, parent)
        self.stack.append(provision)

    def start_article(self, number: int, suffix: int, label: str, rest: str, line: Line) -> None:
        self.close_article()
        aid = article_id(self.version, number, suffix)
        if aid in self.ids:
            self.out.warnings.append(f"line {line.number}: article {label} appears twice; the second is left out")
            self.article = None
            self.lines = []
            self.skipping = True
            return
        self.skipping = False
        parent = self.stack[-1].id if self.stack else self.root
        self.article = Provision(aid, self.version, ProvisionKind.ARTICLE, number, suffix=suffix, label=label,
                                 article=number, article_suffix=suffix)
        self._add(self.article, parent)
        self.lines = [line.text]
        self.paragraphs = 0
        self.paragraph = self.item = None
        if rest:
            self.new_paragraph(rest)

    skipping = False

    def new_paragraph(self, text: str) -> None:
        article = self.article
        assert article is not None
        self.paragraphs += 1
        pid = paragraph_id(article.id, self.paragraphs)
        self.paragraph = Provision(pid, self.version, ProvisionKind.PARAGRAPH, self.paragraphs, text=text,
                                   article=article.number, article_suffix=article.suffix, paragraph=self.paragraphs)
        self._add(self.paragraph, article.id)
        self.out.leads[pid] = text
        self.item = None

    def new_item(self, number: int, label: str, text: str) -> None:
        if self.paragraph is None or item_id(self.paragraph.id, number) in self.ids:
            self.new_paragraph("")  # items before any lead, or a list that starts again
        paragraph = self.paragraph
        assert paragraph is not None and self.article is not None
        iid = item_id(paragraph.id, number)
        self.item = Provision(iid, self.version, ProvisionKind.ITEM, number, label=label, text=text,
                              article=self.article.number, article_suffix=self.article.suffix,
                              paragraph=paragraph.number, item=number)
        self._add(self.item, paragraph.id)
        self.out.leads[iid] = text
        paragraph.text = f"{paragraph.text}\n{text}" if paragraph.text else text

    def extend_item(self, text: str) -> None:
        assert self.item is not None and self.paragraph is not None
        self.item.text += "\n" + text
        self.out.leads[self.item.id] += "\n" + text
        self.paragraph.text += "\n" + text

    def close_article(self) -> None:
        if self.article is not None:
            self.article.text = "\n".join(self.lines)
            if self.paragraphs == 0:  # 第X条 alone on its line with no text: still one paragraph
                self.new_paragraph("")
        self.article = self.paragraph = self.item = None
        self.lines = []

    # --- lines ------------------------------------------------------------------

    def feed(self, line: Line) -> None:
        text = line.text
        match = ARTICLE_RE.match(text)
        if match:
            try:
                number = chinese_to_int(match.group(1))
                suffix = chinese_to_int(match.group(2)) if match.group(2) else 0
            except ValueError:
                number = -1
            if number > 0:
                label = text[: match.end()].strip(" :：")
                self.start_article(number, suffix, label, text[match.end():].strip(), line)
                return
        match = CONTAINER_RE.match(text)
        if match and (line.heading or ("。" not in text and len(text) <= 40)):
            if match.group(2) == "分编":  # chapters run on across 分编 (民法典): no container needed
                self.close_article()
                return
            try:
                number = chinese_to_int(match.group(1))
            except ValueError:
                number = 0
            if number > 0:
                label = text[: match.start(3)].strip()
                self.container(_KINDS[match.group(2)], number, label, match.group(3).replace(" ", ""), line)
                return
        if line.heading or APPENDIX_RE.match(text):
            # a heading that is no 编/章/节 (附件, 一、…) ends the article
            self.close_article()
            self.skipping = False
            return
        if self.article is None:
            return  # preamble, table of contents, signatures
        self.lines.append(text)
        match = ITEM_RE.match(text)
        if match:
            try:
                number = chinese_to_int(match.group(1))
            except ValueError:
                number = 0
            if number > 0:
                self.new_item(number, text[: match.end()].strip(), text)
                return
        if self.item is not None and SUBITEM_RE.match(text):
            self.extend_item(text)
            return
        self.new_paragraph(text)


# Some sources run several articles into one line: "…。 第一百零五条 各种…"
_RUN_RE = re.compile(rf"(?<=[。；：”])\s+(?=第{NUM}条(?:之{NUM})?\s)")


def _split_runs(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        parts = _RUN_RE.split(line.text) if " 第" in line.text else [line.text]
        if len(parts) == 1:
            out.append(line)
            continue
        numbers = []
        for part in parts[1:]:
            match = ARTICLE_RE.match(part)
            try:
                numbers.append(chinese_to_int(match.group(1)) if match else -1)
            except ValueError:
                numbers.append(-1)
        # only a run of increasing article numbers is split; anything else is text
        if all(n > 0 for n in numbers) and numbers == sorted(numbers):
            out.extend(Line(part, line.number, line.heading) for part in parts)
        else:
            out.append(line)
    return out


def parse_structure(lines: list[Line], version: str, structure: Structure | None = None,
                    root: str | None = None) -> Structure:
    """Provisions of ``lines`` for version id ``version``.

    ``structure`` continues an earlier structure (parts of one code in
    several files); ``root`` is the id the top-level provisions hang from
    (default the version).
    """
    structure = structure if structure is not None else Structure()
    builder = _Builder(version, structure, root)
    for line in _split_runs(lines):
        if builder.skipping and not ARTICLE_RE.match(line.text) and not CONTAINER_RE.match(line.text) \
                and not line.heading:
            continue
        builder.feed(line)
    builder.close_article()
    return structure
