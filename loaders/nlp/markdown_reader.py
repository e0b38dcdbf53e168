"""A minimal reader of the corpus Markdown statutes, for the benchmark and the gold evaluation.

The statute loader (``loaders.statutes.parse_file``) is the reader of record;
this one only knows the corpus layout (``# title``, info lines up to
``<!-- INFO END -->``, ``## 第一章`` headings, ``第X条`` articles, one paragraph
per line, items ``（一）``) and is used where ``parse_file`` is unavailable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.model import LawVersion, Provision, ProvisionKind, article_id, container_id, item_id, paragraph_id, version_id
from kg.text import chinese_to_int, read_text

_ARTICLE = re.compile(r"^第([零〇一二三四五六七八九十百千\d]+)条(?:之([一二三四五六七八九十]+))?[\s　]*")
_CONTAINER = re.compile(r"^#*\s*第([零〇一二三四五六七八九十百千\d]+)(编|章|节)\s*(.*)$")
_ITEM = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


@dataclass
class ParsedText:
    version: LawVersion
    provisions: list[Provision]


def parse_markdown(path: str | Path) -> ParsedText:
    path = Path(path)
    text = read_text(path)
    lines = [line.strip() for line in text.split("\n")]
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("# ")), path.stem)
    m = _DATE.search(path.name)
    date = m.group(1) if m else "0000-00-00"
    if "<!-- INFO END -->" in lines:
        lines = lines[lines.index("<!-- INFO END -->") + 1:]
    version = LawVersion(law=title, date=date, title=title, source=str(path))
    vid = version_id(title, date)
    provisions: list[Provision] = []
    order = 0
    chapter_id = vid
    article: Provision | None = None
    paragraph: Provision | None = None
    n_para = n_item = 0

    def add(p: Provision) -> Provision:
        nonlocal order
        order += 1
        p.order = order
        provisions.append(p)
        return p

    for line in lines:
        if not line:
            continue
        cm = _CONTAINER.match(line)
        if cm and line.startswith("#"):
            kind = ProvisionKind(cm.group(2))
            number = chinese_to_int(cm.group(1))
            cid = container_id(vid if kind is not ProvisionKind.SECTION else chapter_id, kind, number)
            if kind is ProvisionKind.CHAPTER:
                chapter_id = cid
            add(Provision(cid, vid, kind, number, label=line.lstrip("# "), heading=cm.group(3).strip()))
            article = None
            continue
        if line.startswith("#"):
            continue
        am = _ARTICLE.match(line)
        if am:
            number = chinese_to_int(am.group(1))
            suffix = chinese_to_int(am.group(2)) if am.group(2) else 0
            body = line[am.end():]
            article = add(Provision(article_id(vid, number, suffix), vid, ProvisionKind.ARTICLE, number, suffix,
                                    label=am.group(0).strip(), text=body, article=number, article_suffix=suffix))
            n_para, n_item = 1, 0
            paragraph = add(Provision(paragraph_id(article.id, 1), vid, ProvisionKind.PARAGRAPH, 1, text=body,
                                      article=number, article_suffix=suffix, paragraph=1))
            continue
        if article is None:
            continue
        article.text += "\n" + line
        im = _ITEM.match(line)
        if im and paragraph is not None:
            n_item += 1
            paragraph.text += "\n" + line
            add(Provision(item_id(paragraph.id, n_item), vid, ProvisionKind.ITEM, n_item, text=line,
                          label=im.group(0), article=article.article, article_suffix=article.article_suffix,
                          paragraph=paragraph.paragraph, item=n_item))
        else:
            n_para += 1
            n_item = 0
            paragraph = add(Provision(paragraph_id(article.id, n_para), vid, ProvisionKind.PARAGRAPH, n_para,
                                      text=line, article=article.article, article_suffix=article.article_suffix,
                                      paragraph=n_para))
    return ParsedText(version, provisions)
