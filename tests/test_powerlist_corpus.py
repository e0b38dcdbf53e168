"""The real Karamay workbooks and the Zhejiang CSV: every file loads, item counts match what the
workbooks state, categories are the ten, and cited articles of loaded laws resolve.

Expected counts are read here from the workbooks themselves (sheet titles such as 行政处罚（254项）,
else the largest number in the 序号 column), independently of the loader.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import xlrd

from kg.model import CATEGORY_NAMES, CitationStatus
from loaders.powerlists import load_powers

pytestmark = pytest.mark.corpus


def _raw_sheets(path: Path):
    if path.suffix == ".xls":
        book = xlrd.open_workbook(path)
        for sh in book.sheets():
            yield sh.name, [[str(sh.cell_value(r, c)) for c in range(sh.ncols)] for r in range(sh.nrows)]
    else:
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets:
            yield ws.title, [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]


def stated_counts(path: Path) -> dict[str, int]:
    """Items per sheet as the workbook states them: the title's （N项）, else the largest 序号."""
    counts = {}
    for name, rows in _raw_sheets(path):
        title = re.search(r"（\s*(\d+)\s*项\s*）", name)
        header = next((i for i, row in enumerate(rows[:6]) if any(re.sub(r"\s", "", c) == "序号" for c in row)), None)
        if header is None:
            continue
        if title:
            counts[name.strip()] = int(title.group(1))
            continue
        col = next(c for c, v in enumerate(rows[header]) if re.sub(r"\s", "", v) == "序号")
        numbers = [int(float(n)) for row in rows[header + 1:] if col < len(row) for n in re.findall(r"\d+(?:\.0)?", row[col])]
        counts[name.strip()] = max(numbers)
    return counts


@pytest.fixture(scope="module")
def karamay(powerlists_dir, tmp_path_factory):
    from kg.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("karamay") / "k.kg")
    folder = powerlists_dir / "karamay"
    return folder, store, load_powers(store, [folder])


def test_all_twelve_workbooks_load(karamay):
    folder, _, report = karamay
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".xls", ".xlsx"))
    assert len(files) == 12
    assert not report.errors
    assert sorted(Path(p).name for p in report.loaded) == files


def test_item_counts_match_what_the_workbooks_state(karamay):
    folder, _, report = karamay
    per_file = report.details["per_file"]
    for path in sorted(folder.glob("*.xls*")):
        expected = stated_counts(path)
        loaded = {sheet: s["items"] for sheet, s in per_file[path.name]["sheets"].items()}
        assert loaded == expected, path.name
        assert per_file[path.name]["items"] == sum(expected.values())
        assert per_file[path.name]["skipped"] == [], path.name


def test_categories_are_the_ten(karamay):
    _, store, _ = karamay
    categories = {n.props["category"] for n in store.nodes("PowerItem")}
    assert categories <= set(CATEGORY_NAMES) and len(categories) == 10


def test_governments_and_departments(karamay):
    _, store, _ = karamay
    city = store.get("克拉玛依市")
    assert city.props["level"] == "city" and city.props["parent"] == "新疆维吾尔自治区"
    market = store.get("克拉玛依市/克拉玛依市市场监督管理局")
    assert {"市场监督管理", "药品监督管理", "知识产权"} <= set(market.props["sectors"])
    # 市人力资源和社会保障局 in the cells is the same department as in the title
    assert store.get("克拉玛依市/克拉玛依市人力资源和社会保障局") is not None
    # every department but the government itself (人民政府) and a greening committee maps to a sector
    unmapped = {n.id for n in store.nodes("Department") if not n.props.get("sectors")}
    assert unmapped == {"克拉玛依市/克拉玛依市人民政府", "克拉玛依市所辖县（市、区）/各区绿化委员会"}
    # the forestry workbook's 区县级 sheet is the districts' as a group (county level), not the city's
    group = store.get("克拉玛依市所辖县（市、区）")
    assert group.props["level"] == "county" and group.props["parent"] == "克拉玛依市"
    assert {n.props["government"] for n in store.nodes("PowerItem") if n.props["sheet"] == "区县级"} == {
        "克拉玛依市所辖县（市、区）", "克拉玛依市"}  # row 11 names the city's own bureau (实施层级 地州市级)
    # the 农业农村局 list's 行政征收 item, one row per level: 县市区农业农村局 (县市区级) is the group's, one level of it
    levy = {n.props["department"]: n.props for n in store.nodes("PowerItem")
            if n.props["sheet"].startswith("行政征收") and n.props["source_file"] == "2024年市农业农村局权责清单.xls"}
    assert sorted(levy) == ["克拉玛依市/克拉玛依市农业农村局", "克拉玛依市所辖县（市、区）/县市区农业农村局",
                            "新疆维吾尔自治区/新疆维吾尔自治区农业农村厅"]
    assert levy["克拉玛依市所辖县（市、区）/县市区农业农村局"].get("level_row") is True
    assert not any(n.id.startswith("克拉玛依市/县市区") for n in store.nodes("Department"))


def test_every_item_with_a_basis_has_citations(karamay):
    _, store, _ = karamay
    for node in store.nodes("PowerItem"):
        cites = list(store.out_edges(node.id, "BASED_ON"))
        assert bool(cites) == bool(node.props.get("basis_text")), node.id


def test_zhejiang_inspection_csv(powerlists_dir, store):
    folder = powerlists_dir / "zhejiang-inspection"
    report = load_powers(store, [folder], government="浙江省")
    assert not report.errors and len(report.loaded) == 2
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        expected = len({(r["编号"], r["抽查事项名称"]) for r in rows})
        assert report.details["per_file"][path.name]["items"] == expected
    assert {n.props["category"] for n in store.nodes("PowerItem")} == {"行政检查"}
    assert store.get("浙江省").props["level"] == "province"


# The Zhejiang list names departments by role, one department in several spellings (ontology/department_names.csv),
# and the levels that exercise each item: the province among them (县级以上…, 省、市、县、所…) or only its cities and
# counties (市…, 县…, 市、县…), whose rows load under the cities and the counties as a group (one item under each level):
# (government, department kept, 抽查主体 as the list writes it, the list's rows under that spelling)
ZJ, CITIES, COUNTIES = "浙江省", "浙江省所辖市（地、州、盟）", "浙江省所辖县（市、区）"
ZHEJIANG_DEPARTMENTS = [
    ((ZJ,), "浙江省市场监督管理部门", "县级以上工商、市场监管部门", 39),
    ((ZJ,), "浙江省市场监督管理部门", "县级以上市场监管部门", 21),
    ((CITIES, COUNTIES), "市场监督管理部门", "市、县级市场监督管理部门", 2),
    ((ZJ,), "浙江省市场监督管理部门", "省级工商、市场监管部门", 1),
    ((ZJ,), "浙江省市场监督管理部门", "县级以上市场监管部门）", 1),  # a stray bracket in the source
    ((CITIES, COUNTIES), "食品药品监督管理部门", "市、县食品药品监管部门", 4),
    ((CITIES,), "食品药品监督管理部门", "市食品药品监督管理部门", 2),
    ((COUNTIES,), "食品药品监督管理部门", "县食品药品监管部门(含基层监管所)", 2),
    ((CITIES, COUNTIES), "食品药品监督管理部门", "市县食品药品监管部门", 1),
    ((COUNTIES,), "食品药品监督管理部门", "县食品药品监管部门的基层站所", 1),
    ((CITIES,), "食品药品监督管理部门", "市食品药品监管部门", 1),
    ((ZJ,), "浙江省公安管理部门", "省、市、县、所公安管理部门", 4),
]


def test_zhejiang_role_named_departments_are_one_department_each(powerlists_dir, store):
    folder = powerlists_dir / "zhejiang-inspection"
    report = load_powers(store, [folder], government="浙江省")
    rows = Counter()
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows.update(r["抽查主体"] for r in csv.DictReader(handle))
    assert rows == {written: count for _, _, written, count in ZHEJIANG_DEPARTMENTS}
    departments = {n.id: n for n in store.nodes("Department")}
    # 2017: the 食品药品监督管理局 was still its own bureau at the province and in the cities (merged in 2018)
    assert sorted(departments) == sorted({f"{gov}/{name}" for govs, name, _, _ in ZHEJIANG_DEPARTMENTS for gov in govs})
    for govs, name, written, _ in ZHEJIANG_DEPARTMENTS:
        for gov in govs:
            assert written in departments[f"{gov}/{name}"].props.get("aliases", ()), (gov, name, written)
    # each row under the levels it names: 13 rows at the lower levels, 7 of them under both (one item each)
    items = Counter(n.props["government"] for n in store.nodes("PowerItem"))
    assert items == {ZJ: 66, CITIES: 10, COUNTIES: 10}
    line = report.details["files"][1]
    assert f"13 rows loaded at a lower level than 浙江省: 7 under {CITIES} and {COUNTIES}, one item under each" in line


# the laws the 农业农村局 list cites most (national; Xinjiang's own regulations are not in the corpus)
CITED = ("种子法", "动物防疫法", "畜牧法", "渔业法", "农产品质量安全法", "生猪屠宰管理条例", "兽药管理条例",
         "饲料和饲料添加剂管理条例", "农药管理条例", "农业转基因生物安全管理条例", "植物检疫条例", "行政许可法", "行政处罚法")


def test_cited_articles_of_loaded_laws_resolve(powerlists_dir, laws_dir, store):
    from loaders.statutes import load_laws

    files = [p for p in laws_dir.rglob("*.md") if re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", p.stem) in CITED]
    assert len(files) >= len(CITED)
    load_laws(store, files, extract_clauses=False)
    load_powers(store, [powerlists_dir / "karamay" / "2024年市农业农村局权责清单.xls"], government="克拉玛依市")
    cites = [n.props for n in store.nodes("Citation") if "#c" in n.id and n.props.get("article") is not None
             and n.props["status"] not in (CitationStatus.LAW_NOT_LOADED.value, CitationStatus.NORMATIVE_DOCUMENT.value)]
    resolved = [c for c in cites if c["status"] == CitationStatus.RESOLVED.value]
    assert len(cites) > 300
    assert len(resolved) / len(cites) >= 0.97
    quoted = [c["quote_similarity"] for c in resolved if c.get("quote_similarity") is not None]
    assert sum(s >= 0.8 for s in quoted) / len(quoted) >= 0.85
