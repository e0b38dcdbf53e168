"""The web view over a store with the demo laws and a workbook (Starlette's TestClient, no browser)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from starlette.testclient import TestClient

from kg.embedded import EmbeddedStore
from loaders.powerlists import load_powers
from loaders.statutes import load_laws
from plkg.demo import DEMO_DATE, DEMO_GOVERNMENT, demo_data
from plkg.web import create_app
from queries.report import iter_findings

from .test_review import LIST, demo_rows, write_list

HOSTILE = '<script>alert("x")</script>蜂场设立审批'


@pytest.fixture(scope="module")
def web_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    store = EmbeddedStore(folder / "s.kg")
    load_laws(store, [demo_data() / "laws"], extract_clauses=True)
    rows = demo_rows()
    name, code = rows[0].index("事项名称"), rows[0].index("事项编码")
    # an item name with markup: the pages must show it as text
    write_list(folder / LIST, rows, edit=lambda n, r: r[:name] + [HOSTILE] + r[name + 1:] if r[code] == "YX-XK-002" else r)
    load_powers(store, [folder / LIST], government=DEMO_GOVERNMENT, level="city", date=DEMO_DATE)
    yield store
    store.close()


def links(html: str, path: str) -> list[str]:
    return [unescape(u) for u in re.findall(rf'href="({re.escape(path)}\?[^"]+)"', html)]


def client(store, **kw) -> TestClient:
    return TestClient(create_app(store, **kw))


def test_pages_from_government_to_article(web_store):
    c = client(web_store)
    home = c.get("/")
    assert home.status_code == 200 and "<svg" in home.text
    gov = c.get(links(home.text, "/government")[0])
    assert gov.status_code == 200 and "按权力类别" in gov.text
    dept_url = next(u for u in links(gov.text, "/department") if "%E5%86%9C%E4%B8%9A%E5%86%9C%E6%9D%91" in u)  # 农业农村局
    dept = c.get(dept_url)
    assert dept.status_code == 200 and "<svg" in dept.text and "未处理的问题" in dept.text
    stale = next(f for f in iter_findings(web_store, "stale") if f.item_code == "YX-CF-003")
    assert stale.finding_id in dept.text
    finding = c.get(f"/finding?id={stale.finding_id}")
    assert finding.status_code == 200 and stale.reason in unescape(finding.text)
    article = c.get(links(finding.text, "/article")[0])
    assert article.status_code == 200
    assert "以该条为依据的事项" in article.text and "YX-CF-003" in article.text and "版本" in article.text
    # an article on which items of two departments rest (the overlap on art. 28) lists both
    overlap = next(f for f in iter_findings(web_store, "overlaps") if f.article == 28)
    page = unescape(c.get(f"/article?id={overlap.provision}").text)
    assert all(d in page for d in overlap.departments)


def test_item_page_shows_citations_quote_diff_and_clauses(web_store):
    c = client(web_store)
    page = c.get("/item", params={"id": "YX-CF-003"})
    assert page.status_code == 200
    text = page.text
    assert "所引条文" in text and "<del>" in text and "<ins>" in text  # the quote differs from art. 28 as in force
    assert "该条抽取的授权条款" in text and "行政处罚" in text


def test_everything_from_workbooks_is_escaped(web_store):
    c = client(web_store)
    for url in ("/item?id=YX-XK-002", "/findings?kind=orphan", "/findings?q=script"):
        page = c.get(url)
        assert page.status_code == 200
        assert "<script>" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in c.get("/item?id=YX-XK-002").text


def test_unknown_ids_are_404(web_store):
    c = client(web_store)
    for url in ("/item?id=nope", "/article?id=nope", "/department?id=nope", "/government?name=nope", "/finding?id=orphan-0",
                "/items", "/finding/orphan-0"):  # a path that is no page: the site's own 404 page, with a way back
        response = c.get(url)
        assert response.status_code == 404 and "未找到" in response.text
    # a kind that does not exist listed no finding under the title 全部问题
    response = c.get("/findings?kind=orphans")
    assert response.status_code == 400 and "问题类型 orphans 不存在" in response.text


def test_decisions_need_the_flag_and_the_form_token(web_store):
    orphan = next(f for f in iter_findings(web_store, "orphans") if f.item_code == "YX-CF-010")
    form = {"finding_id": orphan.finding_id, "status": "confirmed", "note": "确无依据", "by": "张三"}
    read_only = client(web_store)
    assert read_only.post("/decide", data={**form, "token": read_only.app.state.web.token}).status_code == 403
    assert orphan.finding_id not in web_store.decisions()
    c = client(web_store, allow_decisions=True)
    assert c.post("/decide", data={**form, "token": "forged"}).status_code == 403
    assert c.post("/decide", data={**form, "status": "maybe", "token": c.app.state.web.token}).status_code == 400
    dept_id = "云溪市/云溪市农业农村局"
    assert orphan.finding_id in c.get("/department", params={"id": dept_id}).text
    done = c.post("/decide", data={**form, "token": c.app.state.web.token, "next": "/department?id=x"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/department?id=x"
    assert web_store.decisions()[orphan.finding_id].by == "张三"
    undecided = c.get("/department", params={"id": dept_id}).text.split('id="undecided-findings"')[1].split("</table>")[0]
    assert orphan.finding_id not in undecided
    decided = c.get("/findings", params={"decision": "decided"}).text
    assert orphan.finding_id in decided and "确认问题" in decided


@pytest.mark.bolt
def test_pages_and_review_are_the_same_on_both_backends(tmp_path, bolt_store):
    import openpyxl

    from kg.neo4j_store import copy_store
    from plkg.demo import build_demo_store
    from plkg.review import write_review

    embedded, _, _ = build_demo_store(tmp_path / "demo.kg")
    copy_store(embedded, bolt_store)
    ours, theirs = client(embedded), client(bolt_store)
    stale = next(f for f in iter_findings(embedded, "stale") if f.item_code == "YX-CF-003")
    pages = ["/", "/government?name=云溪市", "/department?id=云溪市/云溪市农业农村局", "/item?id=YX-CF-003",
             f"/finding?id={stale.finding_id}", "/findings?decision=all", "/findings?kind=vacuum"]
    pages += links(ours.get(pages[4]).text, "/article")
    for url in pages:
        assert ours.get(url).text == theirs.get(url).text, url
    source = next((demo_data() / "powerlists").glob("*.csv"))
    books = []
    for store, name in ((embedded, "e.xlsx"), (bolt_store, "b.xlsx")):
        write_review(store, source, tmp_path / name)
        books.append([[c.value for c in row] for ws in openpyxl.load_workbook(tmp_path / name).worksheets for row in ws.iter_rows()])
    assert books[0] == books[1]
    embedded.close()
