"""Loading statutes into a store: formats, graph shape, statuses, resolution, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import UserError
from kg.lawindex import LawIndex
from kg.model import Citation, EdgeType, LawVersion, ProvisionKind, Rank, VersionStatus
from loaders.statutes import load_laws, parse_file

FOOD = "中华人民共和国食品安全法"

FOOD_2015 = """# 中华人民共和国食品安全法

2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过

2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议修订

<!-- INFO END -->

## 第一章 总则

第一条 为了保证食品安全，制定本法。

第二条 从事下列活动，应当遵守本法：

（一）食品生产；

（二）食品销售。

## 第二章 法律责任

第三条 违反本法第二条规定的，由县级以上人民政府食品安全监督管理部门没收违法所得。

有前款规定情形，情节严重的，吊销许可证。
"""

FOOD_2021 = FOOD_2015.replace("2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议修订",
                              "2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议修订\n\n"
                              "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议第二次修正") + """
第三条之一 违反本法第二条第一款第（二）项、第九十九条规定的，依照《中华人民共和国行政处罚法》第十条处理。
"""

RULES = """# 中华人民共和国食品安全法实施条例

2019年10月11日 中华人民共和国国务院令第721号发布

<!-- INFO END -->

第一条 根据《中华人民共和国食品安全法》（以下称食品安全法），制定本条例。

第二条 违反《中华人民共和国食品安全法》第三条规定的，依照本条例第一条处理。
"""

METADATA = """level,name,subtitle,filename,publish,valid_from,expired,ver,category,folder
法律,食品安全法,,,2015-04-24,2015-10-01,1,2,行政法,
法律,食品安全法,,,2021-04-29,2021-04-29,0,2,行政法,
行政法规,食品安全法实施条例,,,2019-10-11,2019-12-01,0,1,行政法规,
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "食品安全法(2015-04-24).md").write_text(FOOD_2015, encoding="utf-8")
    (folder / "食品安全法(2021-04-29).md").write_text(FOOD_2021, encoding="utf-8-sig")  # with BOM
    sub = folder / "行政法规"
    sub.mkdir()
    (sub / "食品安全法实施条例(2019-10-11).md").write_text(RULES, encoding="utf-8")
    (folder / "metadata.csv").write_text(METADATA.replace(",行政法规,\n", ",行政法规,行政法规\n"), encoding="utf-8")
    (folder / "_index.md").write_text("---\nbookCollapseSection: true\n---\n", encoding="utf-8")
    return folder


def load(store, *paths, **kwargs):
    kwargs.setdefault("extract_clauses", False)
    return load_laws(store, list(paths), today="2025-01-01", **kwargs)


def test_graph_shape(store, corpus):
    report = load(store, corpus)
    assert report.counts["law_versions"] == 3
    assert not report.errors
    assert [str(p).split(": ", 1)[1] for p in report.skipped] == ["folder index page, not a statute"]
    vid = f"{FOOD}/2021-04-29"
    assert store.get(FOOD).label == "Law"
    assert {e.dst for e in store.out_edges(FOOD, EdgeType.HAS_VERSION.value)} == {vid, f"{FOOD}/2015-04-24"}
    # version -> chapters; chapter -> articles; article -> paragraphs; paragraph -> items
    assert {e.dst for e in store.out_edges(vid, EdgeType.CONTAINS.value)} == {f"{vid}/第1章", f"{vid}/第2章"}
    assert {e.dst for e in store.out_edges(f"{vid}/第1章", EdgeType.CONTAINS.value)} == {f"{vid}/第1条", f"{vid}/第2条"}
    assert {e.dst for e in store.out_edges(f"{vid}/第2条", EdgeType.CONTAINS.value)} == {f"{vid}/第2条/第1款"}
    assert {e.dst for e in store.out_edges(f"{vid}/第2条/第1款", EdgeType.CONTAINS.value)} == {
        f"{vid}/第2条/第1款/第1项", f"{vid}/第2条/第1款/第2项"}
    assert store.get(f"{vid}/第3条之1").props["suffix"] == 1
    assert store.get(f"{vid}/第1条/第1款") is not None  # one-paragraph article: paragraph 1 exists
    # metadata: rank, effective date
    version = store.get(vid).props
    assert version["rank"] == Rank.LAW.value and version["effective"] == "2021-04-29"
    assert version["amended"] == ["2015-04-24", "2021-04-29"] and version["promulgated"] == "2009-02-28"


def status(store, vid):
    return LawVersion.from_node(store.get(vid)).status


def test_version_status_and_supersedes(store, corpus):
    load(store, corpus)
    assert status(store, f"{FOOD}/2021-04-29") == VersionStatus.IN_FORCE
    assert status(store, f"{FOOD}/2015-04-24") == VersionStatus.SUPERSEDED
    assert [e.dst for e in store.out_edges(f"{FOOD}/2021-04-29", EdgeType.SUPERSEDES.value)] == [f"{FOOD}/2015-04-24"]


def citations_of(store, source):
    return [Citation.from_node(n) for n in store.targets(source, EdgeType.CITES.value)]


def test_internal_citations_resolve(store, corpus):
    load(store, corpus)
    vid = f"{FOOD}/2021-04-29"
    (cited,) = citations_of(store, f"{vid}/第3条/第1款")
    assert (cited.text, cited.status.value, cited.target) == ("本法第二条", "resolved", f"{vid}/第2条")
    assert cited.id == f"{vid}/第3条/第1款#c1"
    (previous,) = citations_of(store, f"{vid}/第3条/第2款")
    assert previous.target == f"{vid}/第3条/第1款"
    assert [e.dst for e in store.out_edges(previous.id, EdgeType.RESOLVES_TO.value)] == [f"{vid}/第3条/第1款"]
    cites = {c.text: c for c in citations_of(store, f"{vid}/第3条之1/第1款")}
    assert cites["本法第二条第一款第（二）项"].target == f"{vid}/第2条/第1款/第2项"
    assert cites["第九十九条"].status.value == "article_not_found" and cites["第九十九条"].target is None
    assert cites["《中华人民共和国行政处罚法》第十条"].status.value == "law_not_loaded"


def test_external_citations_resolve_to_the_version_in_force_at_the_citing_date(store, corpus):
    load(store, corpus)
    rules = "中华人民共和国食品安全法实施条例/2019-10-11"
    (law_only,) = citations_of(store, f"{rules}/第1条/第1款")
    assert law_only.status.value == "resolved" and law_only.target == f"{FOOD}/2015-04-24"
    first, second = sorted(citations_of(store, f"{rules}/第2条/第1款"), key=lambda c: c.id)
    assert first.target == f"{FOOD}/2015-04-24/第3条" and first.version == f"{FOOD}/2015-04-24"
    assert second.target == f"{rules}/第1条"


def test_citations_resolve_when_the_cited_law_comes_later(store, corpus, tmp_path):
    load(store, corpus / "行政法规")
    rules = "中华人民共和国食品安全法实施条例/2019-10-11"
    (pending,) = citations_of(store, f"{rules}/第1条/第1款")
    assert pending.status.value == "law_not_loaded"
    report = load(store, corpus / "食品安全法(2015-04-24).md")
    assert report.counts["citations_reresolved"] == 2
    (now,) = citations_of(store, f"{rules}/第1条/第1款")
    assert now.status.value == "resolved" and now.target == f"{FOOD}/2015-04-24"


def test_loading_a_newer_version_later_updates_statuses(store, corpus):
    load(store, corpus / "食品安全法(2015-04-24).md")
    assert status(store, f"{FOOD}/2015-04-24") == VersionStatus.REPEALED  # metadata: expired, no newer loaded
    load(store, corpus / "食品安全法(2021-04-29).md")
    assert status(store, f"{FOOD}/2015-04-24") == VersionStatus.SUPERSEDED
    assert status(store, f"{FOOD}/2021-04-29") == VersionStatus.IN_FORCE


def test_reloading_is_idempotent(store, corpus):
    load(store, corpus)
    before = store.stats()
    edges = store.edge_count()
    load(store, corpus)
    assert store.stats() == before and store.edge_count() == edges


def test_not_yet_in_force(store, tmp_path):
    path = tmp_path / "某某条例(2030-01-01).md"
    path.write_text("# 某某省某某条例\n\n2030年1月1日 某某省人民代表大会常务委员会通过\n\n2031年1月1日 施行\n\n"
                    "<!-- INFO END -->\n\n第一条 甲。\n", encoding="utf-8")
    load(store, path)
    props = store.get("某某省某某条例/2030-01-01").props
    assert props["status"] == "not_yet_in_force" and props["rank"] == "地方性法规"


def test_an_undated_text_takes_its_date_from_the_entry_into_force_article(store, tmp_path):
    path = tmp_path / "某市条例.md"
    path.write_text("# 某某市某某条例\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第二条 本条例自2005年3月1日起施行。\n",
                    encoding="utf-8")
    load(store, path)
    version = LawVersion.from_node(store.get("某某市某某条例/2005-03-01"))
    assert version.effective == "2005-03-01" and version.rank == Rank.LOCAL_REGULATION


def test_lawindex_sees_loaded_laws(store, corpus):
    load(store, corpus)
    index = LawIndex(store, today="2025-01-01")
    assert index.find("食品安全法") == [FOOD]
    assert index.version_at(FOOD, None).date == "2021-04-29"
    assert index.article(f"{FOOD}/2021-04-29", 3, 1).label == "第三条之一"


# --- formats and encodings ------------------------------------------------------------

PLAIN = """中华人民共和国测试法
（2020年1月1日第十三届全国人民代表大会常务委员会第十次会议通过）
第一章 总则
第一条 为了测试，制定本法。
第二条 违反本法第一条规定的，处罚。
"""


def _docx(path: Path, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(str(path))


@pytest.mark.parametrize(
    "name, writer",
    [
        ("测试法.txt", lambda p: p.write_text(PLAIN, encoding="utf-8")),
        ("测试法.md", lambda p: p.write_bytes(PLAIN.encode("gb18030"))),
        ("测试法.txt", lambda p: p.write_bytes(b"\xef\xbb\xbf" + PLAIN.replace("\n", "\r\n").encode("utf-8"))),
        ("测试法.html", lambda p: p.write_text(
            "<html><head><meta charset='utf-8'><title>中华人民共和国测试法</title></head><body>"
            "<h1>中华人民共和国测试法</h1><p>（2020年1月1日第十三届全国人民代表大会常务委员会第十次会议通过）</p>"
            "<h2>第一章 总则</h2><p>第一条 为了测试，制定本法。</p><p>第二条 违反本法第一条规定的，处罚。</p>"
            "<script>var x = '第九条 不是条文';</script></body></html>", encoding="utf-8")),
        # as npc.gov.cn / gov.cn pages are saved: GBK, the site in <title>, navigation before the law, a footer after
        ("测试法.html", lambda p: p.write_bytes(
            ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
             "<title>中华人民共和国测试法_中国人大网</title></head><body><div class='nav'>首页 &gt; 法律法规库</div>"
             + "".join(f"<p>{line}</p>" for line in PLAIN.strip().split("\n"))
             + "<div>【打印本页】【关闭窗口】</div><div>版权所有：中国人大网 京ICP备05070218号</div></body></html>").encode("gbk"))),
        ("测试法.htm", lambda p: p.write_text(
            "<html><head><title>中华人民共和国测试法 - 国家法律法规数据库</title></head><body><p>首页</p>"
            "<h1>中华人民共和国测试法</h1>" + "".join(f"<p>{line}</p>" for line in PLAIN.strip().split("\n")[1:])
            + "<p>[打印] [关闭]</p></body></html>", encoding="utf-8")),
        ("测试法.docx", lambda p: _docx(p, PLAIN.strip().split("\n"))),
        ("测试法.txt", lambda p: p.write_text(PLAIN.replace("测试", "測試").replace("为", "為").replace("规定", "規定"),
                                              encoding="utf-8")),
    ],
    ids=["txt", "gb18030", "bom-crlf", "html", "html-site-gbk", "html-site-h1", "docx", "traditional"],
)
def test_formats(tmp_path, name, writer):
    path = tmp_path / name
    writer(path)
    parsed = parse_file(path)
    assert parsed.law.id == "中华人民共和国测试法"
    assert parsed.law.rank == Rank.LAW
    assert parsed.version.date == "2020-01-01"
    assert [a.number for a in parsed.articles] == [1, 2]
    assert parsed.articles[0].text == "第一条 为了测试，制定本法。"
    assert parsed.articles[-1].text == "第二条 违反本法第一条规定的，处罚。"  # no page footer in the last article
    assert any(p.kind == ProvisionKind.CHAPTER for p in parsed.provisions)


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, kind, reason",
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "errors", "binary"),
        ("latin.txt", "Gr\u00fc\u00dfe \u00e9t\u00e9 ".encode("latin-1") * 3 + b"\xff\xfe\xfd\x81", "errors", "not UTF-8"),
        ("broken.docx", b"PK not really a zip", "errors", "not a Word"),
        ("notes.md", "# 会议纪要\n\n一、关于某事。\n\n二、关于另一事。\n".encode(), "skipped", "no articles"),
        ("empty.md", b"", "skipped", "empty"),
        ("data.xlsx", b"whatever", "skipped", "not a statute file type"),
    ],
)
def test_bad_files_are_reported_and_the_batch_goes_on(store, tmp_path, name, content, kind, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "测试法.txt").write_text(PLAIN, encoding="utf-8")
    report = load(store, tmp_path)
    problems = [p for p in getattr(report, kind) if p.where.endswith(name)]
    assert len(problems) == 1 and reason in problems[0].reason, getattr(report, kind)
    assert report.loaded == [str(tmp_path / "测试法.txt")]
    assert store.count("LawVersion") == 1


def test_empty_folder_loads_nothing(store, tmp_path):
    (tmp_path / "empty").mkdir()
    report = load(store, tmp_path / "empty")
    assert report.nothing_loaded and "empty folder" in report.skipped[0].reason
    assert store.count("LawVersion") == 0


def test_parse_file_raises_user_errors(tmp_path):
    path = tmp_path / "binary.md"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(UserError, match="binary.md: binary"):
        parse_file(path)
    notes = tmp_path / "notes.md"
    notes.write_text("# 通知\n\n一、事项。\n", encoding="utf-8")
    with pytest.raises(UserError, match="no articles"):
        parse_file(notes)


def test_a_failed_load_leaves_the_store_unchanged(store, corpus, monkeypatch):
    load(store, corpus / "行政法规")
    before, edges = store.stats(), store.edge_count()
    import loaders.statutes.build as build

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_resolve_pending_statute_citations", boom)
    with pytest.raises(KeyboardInterrupt):
        load(store, corpus)
    assert store.stats() == before and store.edge_count() == edges
    from kg.embedded import EmbeddedStore

    assert EmbeddedStore(store.path).stats() == before


# --- clauses ------------------------------------------------------------------------------


def test_clause_extraction_is_written_or_skipped_with_a_warning(store, corpus):
    report = load_laws(store, [corpus / "食品安全法(2021-04-29).md"], extract_clauses=True, today="2025-01-01")
    try:
        from loaders.nlp import extract_clauses  # noqa: F401
    except ImportError:
        assert any("extraction is not available" in p.reason for p in report.warnings)
        return
    assert report.counts["clauses"] == store.count("AuthorisingClause")
    for node in store.nodes("AuthorisingClause"):
        assert list(store.in_edges(node.id, EdgeType.HAS_CLAUSE.value))
        assert [e.dst for e in store.out_edges(node.id, EdgeType.AUTHORISES.value)]


def test_parts_of_one_code_form_one_version(store, tmp_path):
    head = "# 中华人民共和国某某典\n\n# {part}\n\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n\n<!-- INFO END -->\n\n"
    (tmp_path / "总则.md").write_text(head.format(part="总则") + "## 第一章\u2002\u2002基本规定\n\n第一条 甲。\n\n"
                                      "第二条 依照本法第三条规定。\n", encoding="utf-8")
    (tmp_path / "分则.md").write_text(head.format(part="分则") + "## 第一分编 通则\n\n### 第一章 一般规定\n\n"
                                      "第三条 乙。\n", encoding="utf-8")
    report = load(store, tmp_path)
    assert report.counts["law_versions"] == 1 and len(report.loaded) == 2
    vid = "中华人民共和国某某典/2020-05-28"
    assert sorted(e.dst for e in store.out_edges(vid, EdgeType.CONTAINS.value)) == [f"{vid}/第1编", f"{vid}/第2编"]
    assert store.get(f"{vid}/第1编/第1章").props["heading"] == "基本规定"
    assert [e.src for e in store.in_edges(f"{vid}/第3条", EdgeType.CONTAINS.value)] == [f"{vid}/第2编/第1章"]
    (cited,) = citations_of(store, f"{vid}/第2条/第1款")
    assert cited.target == f"{vid}/第3条"


def test_the_same_version_twice_is_reported_as_a_duplicate(store, corpus, tmp_path):
    copy = corpus / "copy"
    copy.mkdir()
    (copy / "食品安全法(2021-04-29).md").write_text(FOOD_2021, encoding="utf-8")
    report = load(store, corpus)
    assert any("duplicate of" in p.reason for p in report.skipped)
    assert report.counts["law_versions"] == 3


def _articles(*texts: str):
    from kg.model import Provision, ProvisionKind

    return [Provision(f"x/第{n}条", "x", ProvisionKind.ARTICLE, n, text=t, article=n) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize("texts, others, expected", [
    # 麻醉药品和精神药品管理条例 in the corpus: three articles of chapter one, no commencement
    (("为加强麻醉药品和精神药品的管理，制定本条例。", "麻醉药品药用原植物的种植……适用本条例。", "本条例所称麻醉药品和精神药品，是指……"),
     (), "文本止于第3条，末条不是施行条款"),
    # its own text cites an article it does not hold
    (("为了…，制定本条例。", "违反本条例第三十条规定的，处罚款。"), (), "文本止于第2条，而条文引用本身第30条；末条不是施行条款"),
    # far fewer articles than another version of the law
    (("为了…，制定本法。", "本法自2020年1月1日起施行。"), (2, 60), "只有2条，同法其他版本有60条"),
    # near misses: a whole text ends with its commencement; a repeal clause closes a text too
    (("为了…，制定本条例。", "本条例自2005年11月1日起施行。"), (), ""),
    (("为了…，制定本办法。", "1990年发布的《甲办法》同时废止。"), (2,), ""),
])
def test_truncation_of(texts, others, expected):
    from loaders.statutes.build import truncation_of

    assert truncation_of(_articles(*texts), others) == expected


def test_a_cut_short_file_is_recorded_on_its_version(store, tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "甲条例(2016-02-06).md").write_text(
        "# 甲条例\n\n2016年2月6日公布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了管理甲，制定本条例。\n\n"
        "第二条 本条例所称甲，是指……\n", encoding="utf-8")
    (folder / "乙条例(2016-02-06).md").write_text(
        "# 乙条例\n\n2016年2月6日公布\n\n<!-- INFO END -->\n\n第一条 为了管理乙，制定本条例。\n\n"
        "第二条 本条例自2016年3月1日起施行。\n", encoding="utf-8")
    load(store, folder)
    truncated = {n.props["law"]: n.props.get("truncated", "") for n in store.nodes("LawVersion")}
    assert truncated == {"甲条例": "文本止于第2条，末条不是施行条款", "乙条例": ""}
