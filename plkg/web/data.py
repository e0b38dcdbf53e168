"""What the web pages show, read from the store once per store state.

:class:`Index` holds every item's basis, every finding (with indexes by
government, department, item and article) and the items resting on each
article.  It is built once (the first request, or ``plkg serve`` at start)
and again only when the store changes under the server (another process
loaded a list: the embedded store's file changed); decisions are read fresh
on every request, they are few and the server writes them itself.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from kg.model import article_id
from kg.views import CitationBasis, ItemBasis, ProvisionRef, view_cache
from queries.findings import KIND_NAMES, KINDS, Finding, departments_of
from queries.report import iter_findings

ALL_KINDS: tuple[str, ...] = (*KINDS, "unverifiable")


@dataclass
class Index:
    """Items, findings and the articles they rest on, for one store state."""

    governments: list[dict[str, Any]]
    departments: dict[str, dict[str, Any]]  # by Department id
    bases: dict[str, ItemBasis]  # by item id
    findings: list[Finding]
    by_id: dict[str, Finding] = field(default_factory=dict)
    of_item: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    of_department: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))  # by department name
    of_government: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    items_of_department: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # by Department id
    resting_on: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))  # article id -> (item, citation no.)
    department_of_name: dict[tuple[str, str], str] = field(default_factory=dict)  # (government, name) -> id
    traces: list | None = None  # the findings' queries.carry.Trace s, made when first asked for

    @classmethod
    def build(cls, store: Any, concentrations: Any = None) -> "Index":
        governments = store.governments()
        departments: dict[str, dict[str, Any]] = {}
        for gov in governments:
            for dept in store.departments_of(gov["id"]):
                departments[dept["id"]] = dept
        bases = {b.item["id"]: b for b in store.item_bases()}
        findings = list(iter_findings(store, "all", concentrations=concentrations))
        index = cls(governments, departments, bases, findings)
        for dept_id, dept in departments.items():
            index.department_of_name[(dept.get("government", ""), dept.get("name", ""))] = dept_id
        for item_id, basis in bases.items():
            if basis.department:
                index.items_of_department[basis.department["id"]].append(item_id)
            for n, citation in enumerate(basis.citations):
                if citation.article is not None:
                    index.resting_on[citation.article.id].append((item_id, n))
        for finding in findings:
            index.by_id[finding.finding_id] = finding
            for item_id in ([finding.item_id] if finding.item_id else list(finding.item_ids)):
                index.of_item[item_id].append(finding)
            for name in set(departments_of(finding)):
                index.of_department[name].append(finding)
            index.of_government[finding.government or ""].append(finding)
        for ids in index.items_of_department.values():
            ids.sort(key=lambda i: (bases[i].item.get("sheet", ""), bases[i].item.get("row", 0), i))
        return index

    def department_findings(self, dept_id: str) -> list[Finding]:
        dept = self.departments.get(dept_id) or {}
        return [f for f in self.of_department.get(dept.get("name", ""), [])
                if f.government == dept.get("government")]


def state_token(store: Any) -> Any:
    """What changes when another process writes the store (the embedded file's mtime and size), or None."""
    path = getattr(store, "path", None)
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


# ---------------------------------------------------------------------------
# Page helpers


def counts_by_kind(findings: Iterable[Finding]) -> list[tuple[str, str, int]]:
    """(kind, Chinese name, count) for the kinds present, in output order."""
    counts = Counter(f.kind for f in findings)
    return [(k, KIND_NAMES.get(k, k), counts[k]) for k in ALL_KINDS if counts[k]]


def kind_by_category(findings: Iterable[Finding]) -> tuple[list[str], list[tuple[str, list[int], int]]]:
    """Kinds present and, per category, the count of each kind and the total."""
    findings = list(findings)
    kinds = [k for k, _, _ in counts_by_kind(findings)]
    table = Counter((f.category or "（未分类）", f.kind) for f in findings)
    categories = sorted({c for c, _ in table})
    return kinds, [(c, [table[(c, k)] for k in kinds], sum(table[(c, k)] for k in kinds)) for c in categories]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float
    colour: str


BAR_COLOURS = {"orphan": "#c0392b", "invalid_basis": "#e74c3c", "stale_basis": "#e67e22", "overlap": "#8e44ad",
               "vacuum": "#2980b9", "missing_basis": "#5dade2", "unaccountable": "#16a085", "candidate": "#7f8c8d", "unverifiable": "#95a5a6"}


def bar_chart(counts: list[tuple[str, str, int]], width: int = 420, row: int = 22) -> dict[str, Any]:
    """Bars of an inline SVG chart (the template draws them; labels are escaped there)."""
    top = max((c for _, _, c in counts), default=0) or 1
    bars = [Bar(name, c, i * row, (width - 160) * c / top, BAR_COLOURS.get(k, "#555")) for i, (k, name, c) in enumerate(counts)]
    return {"bars": bars, "height": max(row, len(bars) * row), "width": width, "row": row}


def quote_diff(quote: str, current: str) -> list[tuple[str, str]]:
    """The quote against the current text, as (op, text) pieces: ``same``, ``del`` (only in the quote), ``ins`` (only in the law)."""
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, quote, current, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", quote[a0:a1]))
            continue
        if a1 > a0:
            pieces.append(("del", quote[a0:a1]))
        if b1 > b0:
            pieces.append(("ins", current[b0:b1]))
    return pieces


def provision(store: Any, provision_id: str) -> ProvisionRef | None:
    return view_cache(store).provision(store.get(provision_id))


def article_versions(store: Any, article: ProvisionRef) -> list[dict[str, Any]]:
    """Every version of the article's law, with the same article in it (id, or None when it has none)."""
    cache = view_cache(store)
    version = cache.version(article.version)
    if version is None:
        return []
    rows = []
    for node in sorted(store.targets(version.law, "HAS_VERSION"), key=lambda n: n.props.get("date", "")):
        same = article_id(node.id, article.article, article.article_suffix) if article.article is not None else None
        found = cache.provision(cache.node(same)) if same else None
        rows.append({"version": cache.version(node.id), "article": found, "current": node.id == article.version})
    return rows


def citation_view(citation: CitationBasis) -> dict[str, Any]:
    """A citation as the item page shows it: resolved text and, for a quote, its differences to the law."""
    quote = (citation.citation.get("quote") or "").strip()
    text = citation.target.text.strip() if citation.target is not None else ""
    label = citation.target.label if citation.target is not None else ""
    if label and text.startswith(label) and not quote.startswith(label):
        text = text[len(label):].lstrip()  # a quote leaves the article's number out: do not mark it as missing
    return {
        "basis": citation,
        "diff": quote_diff(quote, text) if quote and text else None,
        "best_match": citation.best_match,
    }
