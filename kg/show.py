"""``plkg show law`` and ``plkg show article``: a law or an article with what cites it.

Both return plain text (the CLI prints it).  A law or article that is not in
the store raises :class:`kg.errors.UserError` with a one-line message.
"""

from __future__ import annotations

import re
from collections import Counter

from .errors import UserError
from .lawindex import LawIndex
from .model import EdgeType, LawVersion, Provision, ProvisionKind
from .store import Store
from .text import chinese_to_int, halfwidth

_ARTICLE_NUMBER_RE = re.compile(r"^第?\s*([零〇一二三四五六七八九十百千0-9]+)\s*条?\s*(?:之\s*([零〇一二三四五六七八九十0-9]+))?\s*$")


def parse_article_number(text: str) -> tuple[int, int]:
    """``122``, ``一百二十二``, ``第十条之一`` or ``10之1`` -> (number, suffix).

    >>> parse_article_number("第十条之一"), parse_article_number("122"), parse_article_number("10之1")
    ((10, 1), (122, 0), (10, 1))
    """
    match = _ARTICLE_NUMBER_RE.match(halfwidth(text.strip()))
    if not match:
        raise UserError(f"{text!r} is not an article number: write 122, 一百二十二 or 10之1")
    try:
        number = chinese_to_int(match.group(1))
        suffix = chinese_to_int(match.group(2)) if match.group(2) else 0
    except ValueError:
        raise UserError(f"{text!r} is not an article number: write 122, 一百二十二 or 10之1") from None
    return number, suffix


def _law(index: LawIndex, name: str) -> str:
    found = index.find(name)
    if not found:
        raise UserError(f"no law named {name!r} in the store: load it with `plkg load laws`")
    return found[0]


def _descendants(store: Store, root: str) -> list[Provision]:
    out: list[Provision] = []
    stack = [root]
    while stack:
        node_id = stack.pop()
        for node in store.targets(node_id, EdgeType.CONTAINS.value):
            out.append(Provision.from_node(node))
            stack.append(node.id)
    out.sort(key=lambda p: p.order)
    return out


def _citers(store: Store, target: str) -> list[tuple[str, str, str]]:
    """(kind, source id, citation text) of citations resolving to ``target``."""
    rows = []
    for citation in store.sources(target, EdgeType.RESOLVES_TO.value):
        source_id = citation.props.get("source", "")
        source = store.get(source_id)
        kind = source.label if source is not None else "?"
        rows.append((kind, source_id, citation.props.get("text", "")))
    return rows


def _dated(props: dict) -> str:
    """One citation of another law: as written, at which date, the dated target and the current one.

    >>> _dated({"text": "第四十四条", "cited_at": "2018-03-19", "status": "version_not_loaded",
    ...         "later_target": "森林法/2019-12-28/第44条"})
    '第四十四条 (2018-03-19): version_not_loaded, the text in force then is not loaded (森林法/2019-12-28/第44条 bears the number now)'
    >>> _dated({"text": "第七十五条", "cited_at": "2018-03-19", "status": "resolved", "target": "L/2017/第75条",
    ...         "current_target": "L/2023/第95条"})
    '第七十五条 (2018-03-19): L/2017/第75条, now L/2023/第95条'
    """
    head = f"{props.get('text', '')} ({props.get('cited_at') or 'undated'}): "
    status = props.get("status")
    if status == "version_not_loaded":
        return head + (f"{status}, the text in force then is not loaded"
                       + (f" ({props['later_target']} bears the number now)" if props.get("later_target") else ""))
    if status != "resolved":
        return head + str(status)
    current = props.get("current_target")
    tail = "" if current is None else (", its text is gone from the version in force" if current == "" else f", now {current}")
    return head + str(props.get("target")) + tail


def _items_on(store: Store, target: str) -> list[str]:
    """Power items whose basis citations resolve to ``target``."""
    names = []
    for citation in store.sources(target, EdgeType.RESOLVES_TO.value):
        for item in store.sources(citation.id, EdgeType.BASED_ON.value):
            props = item.props
            names.append(f"{props.get('name', item.id)} [{props.get('category', '')}] {props.get('department', '')}"
                         .rstrip())
    return names


def show_law(store: Store, name: str) -> str:
    """A law's versions (dates, rank, status), structure and how often it is cited."""
    index = LawIndex(store)
    law_id = _law(index, name)
    versions = index.versions(law_id)
    lines = [law_id]
    law_node = store.get(law_id)
    if law_node is not None and law_node.props.get("rank"):
        lines.append(f"rank: {law_node.props['rank']}")
    lines.append("versions:")
    for version in versions:
        dates = [f"effective {version.effective}" if version.effective else "",
                 f"promulgated {version.promulgated}" if version.promulgated else ""]
        lines.append(f"  {version.date}  {version.status.value:<16} {version.rank.value}  "
                     + "  ".join(d for d in dates if d))
    current = index.version_at(law_id, None)
    if current is None:
        return "\n".join(lines)
    provisions = _descendants(store, current.id)
    kinds = Counter(p.kind for p in provisions)
    summary = ", ".join(f"{kinds[k]} {k.value}" for k in ProvisionKind if kinds[k])
    lines.append(f"structure of {current.date}: {summary or 'no provisions'}")
    from_statutes = from_items = 0
    citing_laws: Counter[str] = Counter()
    for target in [current.id, *(p.id for p in provisions)]:
        for kind, source, _ in _citers(store, target):
            if kind == "Provision":
                if not source.startswith(law_id + "/"):
                    from_statutes += 1
                    citing_laws[source.split("/", 1)[0]] += 1
            elif kind == "PowerItem":
                from_items += 1
    lines.append(f"cited by {from_statutes} provisions of {len(citing_laws)} other laws and {from_items} power items")
    for other, count in citing_laws.most_common(5):
        lines.append(f"  {other}: {count}")
    return "\n".join(lines)


def _pick_version(index: LawIndex, law_id: str, version: str | None) -> LawVersion:
    if version is None:
        chosen = index.version_at(law_id, None)
    else:
        exact = [v for v in index.versions(law_id) if v.date == version]
        chosen = exact[0] if exact else index.version_at(law_id, version, strict=True)
    if chosen is None:
        dates = ", ".join(v.date for v in index.versions(law_id)) or "none"
        raise UserError(f"{law_id} has no version {version}: loaded versions are {dates}")
    return chosen


def show_article(store: Store, name: str, number: str | int, version: str | None = None) -> str:
    """An article's text by paragraph and item, what cites it, the items and clauses resting on it."""
    index = LawIndex(store)
    law_id = _law(index, name)
    chosen = _pick_version(index, law_id, version)
    num, suffix = parse_article_number(str(number))
    article = index.article(chosen.id, num, suffix)
    if article is None:
        label = f"{num}" + (f"之{suffix}" if suffix else "")
        raise UserError(f"{law_id} ({chosen.date}) has no article {label}")
    parts = _descendants(store, article.id)
    lines = [f"{law_id} ({chosen.date}, {chosen.status.value}) {article.label or f'第{num}条'}"]
    for part in parts:
        if part.kind == ProvisionKind.PARAGRAPH:
            lead = part.text.split("\n", 1)[0] if part.text else ""
            has_items = any(p.kind == ProvisionKind.ITEM and p.paragraph == part.number for p in parts)
            lines.append(f"  第{part.number}款 {lead if has_items else part.text}".rstrip())
        elif part.kind == ProvisionKind.ITEM:
            lines.append(f"    {part.text}")
    targets = [article.id, *(p.id for p in parts)]
    cited = [(t, row) for t in targets for row in _citers(store, t)]
    lines.append(f"cited by {len(cited)}:")
    for target, (kind, source, text) in cited[:50]:
        where = target[len(article.id):] or ""
        lines.append(f"  {kind} {source}: {text}" + (f" -> {where.strip('/')}" if where else ""))
    if len(cited) > 50:
        lines.append(f"  ... and {len(cited) - 50} more")
    cites = [c for t in targets for c in store.targets(t, EdgeType.CITES.value) if c.props.get("law") != law_id]
    if cites:
        lines.append(f"cites {len(cites)} provisions of other laws (by the version in force when this text was made):")
        lines.extend(f"  {_dated(c.props)}" for c in cites[:50])
    items = [name for t in targets for name in _items_on(store, t)]
    lines.append(f"power items resting on it: {len(items)}")
    lines.extend(f"  {item}" for item in items[:50])
    clauses = [node for t in targets for node in store.targets(t, EdgeType.HAS_CLAUSE.value)]
    lines.append(f"authorising clauses: {len(clauses)}")
    for clause in clauses:
        props = clause.props
        lines.append(f"  {props.get('category', '')} {props.get('subject', '')} {props.get('modality') or ''} "
                     f"{'、'.join(props.get('actions', []))}".rstrip())
    return "\n".join(lines)
