"""``plkg serve``: a server-rendered web view of a store (Starlette + Jinja2, no JavaScript).

Pages: governments (``/``), a government, a department (counts by kind and
category, a chart as inline SVG, its items and findings), findings of a kind
with filters, a finding (its evidence and the decision form), an item (its
citations, each resolved article's text, the quote compared with the current
text, the clauses of the article), an article (its text, versions, the
items of every government resting on it, its clauses) and the decisions
whose finding is gone (``/decisions``), each with its likely successor
(:mod:`queries.carry`), which ``/carry`` carries the decision to.

Read-only unless ``allow_decisions``: the decision form then POSTs to
``/decide`` and the carry button to ``/carry`` (with a per-server token, so no other site can post for the
user); without the flag every POST is refused with 403.  Everything from
workbooks and statutes is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.decision import STATUSES
from kg.errors import UserError
from kg.views import view_cache
from queries.carry import CarryPlan, Succession, find_successors, plan_carry, trace
from queries.decisions import DecisionInput, annotate, make_decisions, missing_decisions, select
from queries.findings import KIND_NAMES
from queries.report import COMPANIONS

from .data import ALL_KINDS, Index, article_versions, bar_chart, citation_view, counts_by_kind, kind_by_category, provision, state_token

TEMPLATES = Path(__file__).with_name("templates")
PAGE = 500  # findings listed per page


class WebState:
    """The store, its :class:`Index` for the current state, and the decision switch."""

    def __init__(self, store: Any, *, allow_decisions: bool = False, concentrations: Any = None) -> None:
        self.store = store
        self.allow_decisions = allow_decisions
        self.concentrations = concentrations
        self.token = secrets.token_urlsafe(16)
        self._index: Index | None = None
        self._state: Any = None

    def index(self) -> Index:
        state = state_token(self.store)
        if self._index is None or state != self._state:
            if self._index is not None and hasattr(self.store, "path"):
                # another process wrote the store: read it again
                from kg.embedded import EmbeddedStore

                self.store.close()
                self.store = EmbeddedStore(self.store.path, create=False)
            self._index = Index.build(self.store, self.concentrations)
            self._state = state_token(self.store)
        return self._index

    def successions(self) -> list[Succession]:
        """The decisions whose finding is gone, each with its likely successor (:mod:`queries.carry`)."""
        index = self.index()
        if index.traces is None:
            index.traces = [trace(f) for f in index.findings]
        decisions = self.store.decisions()
        kinds = {f.kind for f in index.findings} | set(ALL_KINDS) | {k for ks in COMPANIONS.values() for k in ks}
        missing = missing_decisions(decisions, set(index.by_id), kinds)
        return find_successors(missing, index.traces, decisions=decisions, governments=index.governments)

    def carry(self, ids: list[str], by: str, to: str | None = None) -> CarryPlan:
        """Carry the decisions on ``ids`` (all that have one successor when empty) to their successors (``to``:
        the one chosen for the one id)."""
        index = self.index()
        plan = plan_carry(self.store.decisions(), index.findings, ids=ids, governments=index.governments, by=by,
                          to=to)
        if plan.carried:
            self.store.carry_decisions(plan.carried)
            self._state = state_token(self.store)
        return plan

    def decide(self, wanted: DecisionInput) -> None:
        index = self.index()
        finding = index.by_id.get(wanted.finding_id)
        decisions = make_decisions([finding] if finding else [], [wanted])
        self.store.record_decisions(decisions)
        self._state = state_token(self.store)  # our own write changes decisions only, not the findings


def create_app(store: Any, *, allow_decisions: bool = False, concentrations: Any = None) -> Starlette:
    """The web application over ``store``."""
    state = WebState(store, allow_decisions=allow_decisions, concentrations=concentrations)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals.update(KIND_NAMES=KIND_NAMES, STATUSES=STATUSES, url=_url)

    def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("allow_decisions", state.allow_decisions)
        context.setdefault("token", state.token)
        return HTMLResponse(env.get_template(name).render(**context), status_code=status_code)

    def not_found(what: str) -> HTMLResponse:
        return render("error.html", 404, title="未找到", message=what)

    async def home(request: Request) -> Response:
        index = state.index()
        rows = [(g, counts_by_kind(index.of_government.get(g["id"], [])), sum(1 for d in index.departments.values() if d.get("government") == g["id"]))
                for g in index.governments]
        total = counts_by_kind(index.findings)
        return render("home.html", title="政府", rows=rows, chart=bar_chart(total), total=total,
                      items=len(index.bases))

    async def government(request: Request) -> Response:
        index = state.index()
        name = request.query_params.get("name", "")
        gov = next((g for g in index.governments if g["id"] == name), None)
        if gov is None:
            return not_found(f"没有政府 {name}")
        findings = index.of_government.get(name, [])
        depts = [d for d in index.departments.values() if d.get("government") == name]
        rows = [(d, len(index.items_of_department.get(d["id"], [])), counts_by_kind(index.department_findings(d["id"])))
                for d in sorted(depts, key=lambda d: d.get("name", ""))]
        kinds, categories = kind_by_category(findings)
        return render("government.html", title=name, gov=gov, rows=rows, counts=counts_by_kind(findings),
                      chart=bar_chart(counts_by_kind(findings)), kinds=kinds, categories=categories)

    async def department(request: Request) -> Response:
        index = state.index()
        dept_id = request.query_params.get("id", "")
        dept = index.departments.get(dept_id)
        if dept is None:
            return not_found(f"没有部门 {dept_id}")
        decisions = state.store.decisions()
        findings = index.department_findings(dept_id)
        undecided = list(select(findings, decisions, "undecided"))
        kinds, categories = kind_by_category(findings)
        items = [(index.bases[i], index.of_item.get(i, [])) for i in index.items_of_department.get(dept_id, [])]
        return render("department.html", title=dept.get("name", dept_id), dept=dept, items=items,
                      counts=counts_by_kind(findings), chart=bar_chart(counts_by_kind(findings)),
                      kinds=kinds, categories=categories, undecided=undecided[:PAGE], n_undecided=len(undecided),
                      n_findings=len(findings))

    async def findings(request: Request) -> Response:
        index = state.index()
        q = request.query_params
        kind, show = q.get("kind", ""), q.get("decision", "undecided")
        if kind and kind not in ALL_KINDS:
            return render("error.html", 400, title="无效", message=f"问题类型 {kind} 不存在；可选：{'、'.join(ALL_KINDS)}")
        if show not in ("undecided", "decided", "all"):
            show = "undecided"
        government, department, category = q.get("government", ""), q.get("department", ""), q.get("category", "")
        text = q.get("q", "").strip()
        rows = index.findings if not government else index.of_government.get(government, [])
        if department:
            rows = index.of_department.get(department, [])
        rows = [f for f in rows
                if (not kind or f.kind == kind) and (not government or f.government == government)
                and (not category or f.category == category)
                and (not text or text in (f.name or "") or text in f.reason or text == f.finding_id)]
        shown = list(select(rows, state.store.decisions(), show))
        categories = sorted({f.category for f in index.findings if f.category})
        return render("findings.html", title=KIND_NAMES.get(kind, "全部问题") if kind else "全部问题",
                      rows=shown[:PAGE], total=len(shown), kinds=ALL_KINDS, categories=categories,
                      governments=[g["id"] for g in index.governments],
                      filters={"kind": kind, "government": government, "department": department,
                               "category": category, "decision": show, "q": text})

    async def finding(request: Request) -> Response:
        index = state.index()
        fid = request.query_params.get("id", "")
        found = index.by_id.get(fid)
        if found is None:
            decision = state.store.decisions().get(fid)
            if decision is not None:
                lost = next((s for s in state.successions() if s.decision.finding_id == fid), None)
                return render("gone.html", 404, title=fid, decision=decision, s=lost,
                              carried_to=decision.carried_to and index.by_id.get(decision.carried_to))
            return not_found(f"没有问题 {fid}")
        (shown,) = annotate([found], state.store.decisions())
        items = [index.bases[i] for i in ([found.item_id] if found.item_id else list(found.item_ids)) if i in index.bases]
        articles = _articles_of(state.store, found, items)
        return render("finding.html", title=fid, f=shown, items=items, articles=articles,
                      dept_id=index.department_of_name.get((found.government or "", found.department or "")))

    async def item(request: Request) -> Response:
        index = state.index()
        item_id = request.query_params.get("id", "")
        basis = index.bases.get(item_id)
        if basis is None:
            return not_found(f"没有事项 {item_id}")
        shown = list(annotate(index.of_item.get(item_id, []), state.store.decisions()))
        responsibilities = list(state.store.targets(item_id, "HAS_RESPONSIBILITY"))
        return render("item.html", title=basis.item.get("name", item_id), basis=basis, findings=shown,
                      citations=[citation_view(c) for c in basis.citations], responsibilities=responsibilities)

    async def article(request: Request) -> Response:
        index = state.index()
        pid = request.query_params.get("id", "")
        found = provision(state.store, pid)
        if found is None:
            return not_found(f"没有条文 {pid}")
        cache = view_cache(state.store)
        art = cache.article_of(found) or found
        version = cache.version(art.version)
        children = sorted((cache.provision(n) for n in state.store.targets(art.id, "CONTAINS")),
                          key=lambda p: (p.paragraph or 0, p.item or 0, p.id))
        resting = []
        for item_id, n in index.resting_on.get(art.id, []):
            basis = index.bases[item_id]
            resting.append((basis, basis.citations[n], index.of_item.get(item_id, [])))
        resting.sort(key=lambda r: ((r[0].government or {}).get("id", ""), (r[0].department or {}).get("name", ""), r[0].item.get("name", "")))
        return render("article.html", title=f"{version.title if version else ''} {art.label}", art=art, version=version,
                      children=children, versions=article_versions(state.store, art), resting=resting,
                      clauses=cache.clauses_under(art), asked=found if found.id != art.id else None)

    async def posted(request: Request, what: str) -> tuple[Any, Response | None]:
        """The form of a POST that may write, or the refusal (read-only server, missing or foreign token)."""
        if not state.allow_decisions:
            return None, render("error.html", 403, title="只读", message=f"该服务为只读；以 plkg serve --allow-decisions 启动后才可{what}。")
        form = await request.form()
        if not secrets.compare_digest(str(form.get("token", "")), state.token):
            return None, render("error.html", 403, title="拒绝", message="表单已过期或来自其他网站，请刷新页面后重试。")
        return form, None

    async def decide(request: Request) -> Response:
        form, refused = await posted(request, "记录处理决定")
        if refused is not None:
            return refused
        fid, status = str(form.get("finding_id", "")), str(form.get("status", ""))
        if status not in STATUSES:
            return render("error.html", 400, title="无效", message=f"处理决定须为 {'、'.join(STATUSES)}")
        try:
            state.decide(DecisionInput(fid, status, str(form.get("note", "")).strip(), str(form.get("by", "")).strip() or "web", "web form"))
        except UserError as exc:
            return render("error.html", 400, title="无效", message=str(exc))
        back = str(form.get("next", ""))
        if not back.startswith("/") or back.startswith("//"):
            back = _url("/finding", id=fid)
        return RedirectResponse(back, status_code=303)

    async def missing(request: Request) -> Response:
        return render("missing.html", title="失效的处理决定", rows=state.successions())

    async def carry(request: Request) -> Response:
        form, refused = await posted(request, "转入处理决定")
        if refused is not None:
            return refused
        ids = [str(v) for v in form.getlist("finding_id") if str(v).strip()]
        try:
            plan = state.carry(ids, str(form.get("by", "")).strip() or "web", str(form.get("to", "")).strip() or None)
        except UserError as exc:
            return render("error.html", 400, title="无法转入", message=str(exc))
        if not plan.carried:
            return render("error.html", 400, title="无法转入", message="；".join(
                f"{s.decision.finding_id}：{s.describe()}" for s in plan.left) or "没有可转入的处理决定")
        if len(plan.carried) == 1:
            return RedirectResponse(_url("/finding", id=plan.carried[0][1].finding_id), status_code=303)
        return RedirectResponse("/decisions", status_code=303)

    routes = [
        Route("/", home), Route("/government", government), Route("/department", department),
        Route("/findings", findings), Route("/finding", finding), Route("/item", item), Route("/article", article),
        Route("/decide", decide, methods=["POST"]), Route("/decisions", missing),
        Route("/carry", carry, methods=["POST"]),
    ]
    async def no_page(request: Request, exc: Exception) -> Response:
        return not_found(f"没有页面 {request.url.path}")

    app = Starlette(routes=routes, exception_handlers={404: no_page})
    app.state.web = state
    return app


def _articles_of(store: Any, finding: Any, items: list) -> list[Any]:
    """The articles a finding is about: its provision (vacuum, overlap), else its items' resolved articles."""
    cache = view_cache(store)
    found = []
    if finding.provision:
        p = cache.provision(store.get(finding.provision))
        if p is not None:
            found.append(cache.article_of(p) or p)
    for basis in items:
        for c in basis.citations:
            if c.article is not None and c.article not in found:
                found.append(c.article)
    return found


def _url(path: str, **params: Any) -> str:
    """A link with its query (values escaped: ids hold '#', '/' and Chinese)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def serve(store: Any, *, host: str = "127.0.0.1", port: int = 8000, allow_decisions: bool = False,
          concentrations: Any = None) -> None:
    """Run the web view until interrupted (the index is built before the first request)."""
    import uvicorn

    app = create_app(store, allow_decisions=allow_decisions, concentrations=concentrations)
    app.state.web.index()
    print(f"plkg serve: http://{host}:{port}/ ({'decisions allowed' if allow_decisions else 'read-only'})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
