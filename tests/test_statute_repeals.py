"""Repeals stated in statute texts: the sentences, the statuses they set, and the stale bases they make."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import EdgeType, VersionStatus
from loaders.powerlists import load_powers
from loaders.statutes import load_laws
from loaders.statutes.repeals import find_repeals
from queries.stale import find_lapsed, find_stale
from queries.vacuum import find_vacuums

# (article text as the corpus has it, titles repealed)
REPEAL_SENTENCES = [
    # 煤矿安全生产条例 (2024) art. 76
    ("本条例自2024年5月1日起施行。《煤矿安全监察条例》和《国务院关于预防煤矿生产安全事故的特别规定》同时废止。",
     ["煤矿安全监察条例", "国务院关于预防煤矿生产安全事故的特别规定"]),
    # 居民身份证法 art. 23
    ("本法自2004年1月1日起施行，《中华人民共和国居民身份证条例》同时废止。", ["中华人民共和国居民身份证条例"]),
    # 行政复议法实施条例 style: dates and issuers before the title
    ("本条例自1999年10月1日起施行。1990年12月24日国务院发布、1994年10月9日国务院修订发布的《行政复议条例》同时废止。",
     ["行政复议条例"]),
    # 耕地占用税法 art. 16
    ("本法自2019年9月1日起施行。2007年12月1日国务院公布的《中华人民共和国耕地占用税暂行条例》同时废止。",
     ["中华人民共和国耕地占用税暂行条例"]),
    # 发票管理办法 art. 45: two documents joined by 和
    ("本办法自发布之日起施行。财政部1986年发布的《全国发票管理暂行办法》和原国家税务局1991年发布的"
     "《关于对外商投资企业和外国企业发票管理的暂行规定》同时废止。",
     ["全国发票管理暂行办法", "关于对外商投资企业和外国企业发票管理的暂行规定"]),
    # a title holding a nested title
    ("《浙江省实施〈中华人民共和国水法〉办法》同时废止。", ["浙江省实施〈中华人民共和国水法〉办法"]),
    # replacement stated the other way round
    ("本条例代替1987年4月1日国务院发布的《公共场所卫生管理条例》。", ["公共场所卫生管理条例"]),
    # a list of repealed documents
    ("下列行政法规自本条例施行之日起予以废止：（一）《甲管理条例》；（二）《乙暂行办法》。", ["甲管理条例", "乙暂行办法"]),
    # 自…起废止 with the title first
    ("《某市城市绿化管理办法》自2020年1月1日起废止。", ["某市城市绿化管理办法"]),
]

NOT_REPEALS = [
    # a power to repeal: no document named, or named as what a body may do
    "国务院有权改变或者撤销不适当的部门规章和地方政府规章。",
    "地方性法规同《中华人民共和国宪法》相抵触的，由全国人民代表大会常务委员会予以撤销或者废止。",
    "对不符合本法规定的规章和规范性文件，应当予以修改或者废止。",
    "县级以上人民政府应当及时清理与《中华人民共和国行政许可法》不一致的规定，并予以废止。",
    # a part of a law ends, the law stays
    "1997年3月25日国务院发布的《中华人民共和国反倾销和反补贴条例》中关于反倾销的规定同时废止。",
    # a citation, no repeal
    "违反《中华人民共和国森林法》规定，擅自改变林地用途的，由县级以上人民政府林业主管部门责令限期恢复原状。",
    "复议期间不停止执行。",
]


@pytest.mark.parametrize("text, titles", REPEAL_SENTENCES)
def test_repeal_sentences(text, titles):
    assert [r.title for r in find_repeals(text)] == titles


@pytest.mark.parametrize("text", NOT_REPEALS)
def test_not_repeals(text):
    assert find_repeals(text) == []


def _statute(title: str, dates: list[str], articles: list[str]) -> str:
    info = "\n\n".join(f"{d[:4]}年{int(d[5:7])}月{int(d[8:])}日 国务院令发布" for d in dates)
    body = "\n\n".join(f"第{n}条 {text}" for n, text in zip("一二三四五六七八九十", articles))
    return f"# {title}\n\n{info}\n\n<!-- INFO END -->\n\n{body}\n"


OLD = _statute("甲矿安全特别规定", ["2005-09-03", "2013-07-18"], [
    "为了预防甲矿生产安全事故，制定本规定。",
    "甲矿企业未依法取得安全生产许可证从事生产的，由县级以上地方人民政府负责甲矿安全生产监督管理的部门责令停产整顿，处五十万元以下罚款。",
])
NEW = _statute("甲矿安全生产条例", ["2024-01-24"], [
    "为了加强甲矿安全生产工作，制定本条例。",
    "本条例自2024年5月1日起施行。《甲矿安全特别规定》同时废止。",
])
SELF = _statute("乙市绿化条例", ["2019-07-26"], [
    "为了促进绿化，制定本条例。",
    "本条例自2019年10月1日起施行。1990年4月21日通过的《乙市绿化条例》同时废止。",
])


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("order", ["repealer last", "repealer first"])
def test_stated_repeal_sets_status_with_evidence(store, tmp_path, order):
    old = _write(tmp_path / "a", "甲矿安全特别规定(2013-07-18).md", OLD)
    new = _write(tmp_path / "b", "甲矿安全生产条例(2024-01-24).md", NEW)
    for path in ([old, new] if order == "repealer last" else [new, old]):
        report = load_laws(store, [path], extract_clauses=False, today="2025-01-01")
        assert not report.errors
    version = store.get("甲矿安全特别规定/2013-07-18")
    assert version.props["status"] == VersionStatus.REPEALED.value
    assert version.props["repealed_by"] == "甲矿安全生产条例/2024-01-24/第2条"
    assert version.props["repealed_on"] == "2024-05-01"
    assert "同时废止" in version.props["repeal_text"]
    assert any(e.dst == "甲矿安全特别规定" for e in store.out_edges("甲矿安全生产条例/2024-01-24", EdgeType.REPEALS.value))
    # the repealing text itself stays in force
    assert store.get("甲矿安全生产条例/2024-01-24").props.get("status", "in_force") == "in_force"


def test_repeal_not_yet_in_force_repeals_nothing(store, tmp_path):
    paths = [_write(tmp_path, "甲矿安全特别规定(2013-07-18).md", OLD), _write(tmp_path, "甲矿安全生产条例(2024-01-24).md", NEW)]
    load_laws(store, paths, extract_clauses=False, today="2024-03-01")
    assert store.get("甲矿安全特别规定/2013-07-18").props.get("status", "in_force") == "in_force"


def test_a_text_repealing_its_own_title_stays_in_force(store, tmp_path):
    load_laws(store, [_write(tmp_path, "乙市绿化条例(2019-07-26).md", SELF)], extract_clauses=False, today="2025-01-01")
    props = store.get("乙市绿化条例/2019-07-26").props
    assert props.get("status", "in_force") == "in_force" and not props.get("repealed_by")


@pytest.mark.parametrize("list_date, stale", [("2024-06-01", True), ("2024-03-01", False)])
def test_items_citing_a_law_repealed_by_another_are_stale_from_the_repeal_on(store, tmp_path, list_date, stale):
    laws = [_write(tmp_path / "laws", "甲矿安全特别规定(2013-07-18).md", OLD),
            _write(tmp_path / "laws", "甲矿安全生产条例(2024-01-24).md", NEW)]
    load_laws(store, laws, extract_clauses=False, today="2025-01-01")
    workbook = _write(tmp_path / "lists", "丙市应急管理局权责清单.csv",
                      "序号,事项名称,权力类别,实施主体,设定依据\n"
                      "1,对甲矿企业未取得安全生产许可证从事生产的处罚,行政处罚,丙市应急管理局,"
                      "《甲矿安全特别规定》第二条\n")
    report = load_powers(store, [workbook], government="丙市", date=list_date)
    assert not report.errors
    findings = list(find_stale(store))
    assert bool(findings) is stale
    if stale:
        (finding,) = findings
        assert "已由《甲矿安全生产条例》第二条废止" in finding.reason
        assert "同时废止" in finding.evidence[0].note


@pytest.mark.parametrize("list_date, stale, lapsed", [
    ("2024-06-01", "已由《甲矿安全生产条例》第二条废止", None),  # repealed at the list's date: stale
    # good at the list's date: no stale basis, a note that the repeal has ended it since
    ("2024-03-01", None, "在清单日期2024-03-01有效，该版本已由《甲矿安全生产条例》第二条自2024-05-01起废止"),
])
def test_a_basis_repealed_after_the_list_date_is_a_note_not_a_stale_basis(store, tmp_path, list_date, stale, lapsed):
    laws = [_write(tmp_path / "laws", "甲矿安全特别规定(2013-07-18).md", OLD),
            _write(tmp_path / "laws", "甲矿安全生产条例(2024-01-24).md", NEW)]
    load_laws(store, laws, extract_clauses=False, today="2025-01-01")
    workbook = _write(tmp_path / "lists", "丙市应急管理局权责清单.csv",
                      "序号,事项名称,权力类别,实施主体,设定依据\n"
                      "1,对甲矿企业未取得安全生产许可证从事生产的处罚,行政处罚,丙市应急管理局,《甲矿安全特别规定》第二条\n")
    load_powers(store, [workbook], government="丙市", date=list_date)
    assert [stale in f.reason for f in find_stale(store)] == ([True] if stale else [])
    notes = list(find_lapsed(store))
    assert [lapsed in f.reason for f in notes] == ([True] if lapsed else [])
    assert all(f.kind == "basis_lapsed" and f.finding_id.startswith("basis_lapsed-") for f in notes)


# The 2013 special provisions on coal mines, ended by the 2024 煤矿安全生产条例 (art. 76) from 2024-05-01: a
# list of a date before that is judged against them; each vacuum says the repeal has ended them since.
@pytest.mark.corpus
@pytest.mark.parametrize("list_date, vacuums", [("2024-03-01", True), ("2024-06-01", False)])
def test_corpus_clauses_of_a_law_repealed_after_the_list_date_are_vacuums(store, laws_dir, tmp_path, list_date, vacuums):
    files = [next(laws_dir.rglob("煤矿安全生产条例(2024-01-24).md")),
             next(laws_dir.rglob("国务院关于预防煤矿生产安全事故的特别规定(2013-07-18).md"))]
    load_laws(store, files)
    workbook = _write(tmp_path, "丙市应急管理局权责清单.csv",
                      "序号,事项名称,权力类别,实施主体,设定依据\n"
                      "1,对煤矿未依法取得安全生产许可证擅自进行生产的处罚,行政处罚,丙市应急管理局,"
                      "《国务院关于预防煤矿生产安全事故的特别规定》第十条\n")
    load_powers(store, [workbook], government="丙市", date=list_date)
    special = "国务院关于预防煤矿生产安全事故的特别规定"
    found = [f for f in find_vacuums(store) if f.kind == "vacuum"]
    repealed = [f for f in found if f.law == special]
    assert bool(repealed) is vacuums
    assert all("按清单日期判断；该版本已由《煤矿安全生产条例》第七十六条自2024-05-01起废止" in f.reason for f in repealed)
    assert not any(f.law == special and f.article == 10 for f in found)  # the item covers its own article
    # the regulation replacing them took effect after a list of 2024-03-01: none of its clauses is a vacuum of it
    assert {f.law for f in found} == ({special} if vacuums else {"煤矿安全生产条例"})


@pytest.mark.corpus
def test_corpus_coal_mine_regulation_repeals_the_special_provisions(store, laws_dir):
    files = [next(laws_dir.rglob("煤矿安全生产条例(2024-01-24).md")),
             next(laws_dir.rglob("国务院关于预防煤矿生产安全事故的特别规定(2013-07-18).md"))]
    load_laws(store, files, extract_clauses=False)
    props = store.get("国务院关于预防煤矿生产安全事故的特别规定/2013-07-18").props
    assert props["status"] == "repealed"
    assert props["repealed_by"] == "煤矿安全生产条例/2024-01-24/第76条"
