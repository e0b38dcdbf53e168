"""Workbook reader, column synonyms, categories and rows -> items, on small realistic sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kg.model import Category
from loaders.powerlists.categories import category_in_title, count_in_title, normalise_category
from loaders.powerlists.columns import field_of, find_header
from loaders.powerlists.items import parse_numbers, read_items
from loaders.powerlists.workbook import Sheet, WorkbookError, read_workbook

HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使\n主体", "承办机构", "责任事项内容", "追责对象范围", "追责情形", "备注"]


@pytest.mark.parametrize(
    "header, field",
    [
        ("事项名称", "name"), ("权力名称", "name"), ("职权名称", "name"), ("抽查事项名称", "name"),
        ("子项\n名称", "sub"), ("权力类型", "category"), ("权力类别", "category"), ("事项类型", "category"),
        ("实施依据", "basis"), ("设定依据", "basis"), ("法律依据", "basis"), ("抽查依据", "basis"),
        ("行使\n主体", "department"), ("实施主体", "department"), ("实施机关", "department"),
        ("事项编码", "code"), ("职权编码", "code"), ("权力编码", "code"),
        ("责任事项", "duties"), ("责任事项内容", "duties"), ("责任事项依据", "resp_basis"),
        ("追责情形", "accountability"), ("追责对象\n范围", "scope"), ("序号", "number"), ("编号", "number"),
        ("部门职责", None), ("实施层级及权限", None), ("备注", None),
    ],
)
def test_column_synonyms(header, field):
    assert field_of(header) == field


@pytest.mark.parametrize(
    "text, category",
    [
        ("行政许可", Category.LICENSING), ("行政\n处罚", Category.PENALTY), ("行政 处罚", Category.PENALTY),
        ("行政强制措施", Category.COERCION), ("行政强制执行", Category.COERCION), ("其他行政权力", Category.OTHER),
        ("其他权力", Category.OTHER), ("其它", Category.OTHER), ("行政征收", Category.LEVY), ("行政给付", Category.BENEFIT),
        ("行政检查", Category.INSPECTION), ("行政确认", Category.CONFIRMATION), ("行政奖励", Category.REWARD),
        ("行政裁决", Category.ADJUDICATION), ("行政处罚类", Category.PENALTY), ("公共服务", None), ("内部管理", None), ("", None),
    ],
)
def test_categories(text, category):
    assert normalise_category(text) == category


@pytest.mark.parametrize(
    "title, category, count",
    [
        ("行政处罚（254项）", Category.PENALTY, 254), ("行政征收（ 1 项）", Category.LEVY, 1), ("其他行政权力（3项）", Category.OTHER, 3),
        ("附表1", None, None), ("克拉玛依市人防系统权责清单指导目录（行政检查类）", Category.INSPECTION, None),
    ],
)
def test_sheet_titles(title, category, count):
    assert category_in_title(title) == category and count_in_title(title) == count


@pytest.mark.parametrize("text, numbers", [("12", (12,)), ("2,3", (2, 3)), ("4-6", (4, 5, 6)), ("", ())])
def test_parse_numbers(text, numbers):
    assert parse_numbers(text) == numbers


def test_header_found_below_title_rows():
    rows = [["克拉玛依市档案局2024年权责清单"], [], HEADER, ["1", "x", "", "行政处罚", "", "局"]]
    colmap = find_header(rows)
    assert colmap.header_row == 2 and colmap.columns["department"] == 5


def _sheet(rows, merged=(), name="Sheet1"):
    return Sheet(Path("list.xlsx"), name, [list(r) for r in rows], list(merged))


def test_sub_items_by_merged_name_inherit_the_item():
    rows = [
        HEADER,
        ["3", "民办职业培训学校设立、分立、合并、变更及终止审批", "1.民办职业培训学校设立审批", "行政许可", "【法律】《民办教育促进法》第十二条", "市人社局", "", "受理", "", "", ""],
        ["", "", "2.民办职业培训学校分立审批", "", "", "", "", "", "", "", ""],
        ["", "", "3.民办职业培训学校终止审批", "", "", "", "", "", "", "", ""],
    ]
    items = read_items(_sheet(rows, merged=[(1, 4, 0, 1), (1, 4, 1, 2), (1, 4, 3, 4), (1, 4, 4, 5), (1, 4, 5, 6)]))
    assert [e.sub[:2] for e in items.entries] == ["1.", "2.", "3."]
    assert {e.name for e in items.entries} == {"民办职业培训学校设立、分立、合并、变更及终止审批"}
    assert all(e.category == Category.LICENSING and "第十二条" in e.basis and e.department == "市人社局" for e in items.entries)
    assert items.item_count == 1


def test_merged_blank_rows_and_continuation_rows_fold_into_the_item():
    rows = [
        HEADER,
        ["1", "对丢失档案的处罚", "", "行政处罚", "《档案法》第四十八条", "市档案局", "", "1.立案", "", "因不履行…", ""],
        ["", "", "", "", "", "", "", "", "", "", ""],  # covered by merges
        ["", "", "", "", "", "", "", "", "", "2.其他违反规定的行为", ""],  # a long cell continued
        ["2", "档案工作监督检查", "", "行政检查", "", "市档案局", "", "", "", "", ""],
    ]
    items = read_items(_sheet(rows, merged=[(1, 3, 0, 1), (1, 3, 1, 2)]))
    assert [e.name for e in items.entries] == ["对丢失档案的处罚", "档案工作监督检查"]
    assert items.entries[0].accountability == "因不履行…\n2.其他违反规定的行为"
    assert items.entries[0].rows == [2, 4]


def test_one_item_at_several_levels():
    rows = [
        HEADER,
        ["1", "对渔业资源增殖保护费的征收", "", "行政征收", "《渔业法》第二十八条", "自治区农业农村厅", "渔业监督处", "", "", "", ""],
        ["", "", "", "", "", "县市区农业农村局", "业务科室", "", "", "", ""],
        ["1", "对渔业资源增殖保护费的征收", "", "行政征收", "《渔业法》第二十八条", "地州市农业农村局", "畜牧兽医科", "", "", "", ""],
    ]
    items = read_items(_sheet(rows, name="行政征收（ 1 项）"))
    assert [e.department for e in items.entries] == ["自治区农业农村厅", "县市区农业农村局", "地州市农业农村局"]
    assert items.entries[1].basis == "《渔业法》第二十八条"  # inherited from the item
    assert items.item_count == 1 == items.stated_count


def test_category_from_sheet_title_and_bad_category_reported():
    rows = [
        HEADER,
        ["1", "对生猪屠宰活动的监督检查", "", "", "", "市农业农村局", "", "", "", "", ""],
        ["2", "政务服务咨询", "", "公共服务", "", "市农业农村局", "", "", "", "", ""],
        ["3", "对饲料生产的监督检查", "", "行政检查", "", "市农业农村局", "", "", "", "", ""],
    ]
    items = read_items(_sheet(rows, name="行政检查（ 17项）"))
    assert [e.category for e in items.entries] == [Category.INSPECTION, Category.INSPECTION]
    (problem,) = items.problems
    assert problem.row == 3 and "公共服务" in problem.reason and "not one of the ten" in problem.reason


def test_number_missing_but_new_name_is_a_new_item():
    rows = [
        HEADER,
        ["19", "对特定零售商促销内容的备案", "", "其他行政权力", "", "地州市商务主管部门", "", "", "", "", ""],
        ["", "洗染业经营者备案", "", "其他行政权力", "", "地州市商务主管部门", "", "", "", "", ""],
        ["21", "对外劳务合作经营资格核准", "", "行政许可", "", "地州市商务主管部门", "", "", "", "", ""],
    ]
    assert read_items(_sheet(rows)).item_count == 3


def test_section_rows_set_the_category():
    rows = [HEADER, ["一、行政许可（1项）"], ["1", "特种设备使用登记", "", "", "", "市场监管局", "", "", "", "", ""],
            ["二、行政处罚（1项）"], ["1", "对无证生产的处罚", "", "", "", "市场监管局", "", "", "", "", ""]]
    items = read_items(_sheet(rows))
    assert [e.category for e in items.entries] == [Category.LICENSING, Category.PENALTY]


def test_sheet_without_header_is_reported():
    items = read_items(_sheet([["说明"], ["本表为填表说明"]]))
    assert items.entries == [] and "no header row" in items.problems[0].reason


# --- files -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_any_encoding(tmp_path, encoding):
    path = tmp_path / "list.csv"
    path.write_text("编号,抽查事项名称,抽查依据\n1,获证食品生产企业监管,《食品安全法》第一百零九条\n", encoding=encoding)
    (sheet,) = read_workbook(path)
    assert sheet.rows[1] == ["1", "获证食品生产企业监管", "《食品安全法》第一百零九条"]


def test_xlsx_with_merged_cells_and_numbers(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "行政许可（1项）"
    ws.append(["某市某局权责清单"])
    ws.merge_cells("A1:F1")
    ws.append(HEADER)
    ws.append([1.0, "特种设备使用登记", None, "行政许可", "《特种设备安全法》第三十三条", "某市市场监督管理局"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    (sheet,) = read_workbook(path)
    assert sheet.rows[2][0] == "1" and sheet.name == "行政许可（1项）" and (0, 1, 0, 6) in sheet.merged


# bad files, and every format read by its bytes: tests/test_workbook_formats.py


def test_two_row_header_and_two_basis_columns():
    rows = [
        ["序号", "职权编码", "职权名称", "职权类别", "设定依据", "实施依据", "实施主体", "责任事项", "", "追责情形"],
        ["", "", "", "", "", "", "", "责任事项内容", "责任事项依据", ""],
        ["1", "650200-XK-001", "特种设备使用登记", "行政许可", "《特种设备安全法》第三十三条", "《特种设备使用管理规则》第3.1条", "市市场监管局",
         "1.受理", "《行政许可法》第三十二条", "因不履行…"],
    ]
    (entry,) = read_items(_sheet(rows, merged=[(0, 1, 7, 9)])).entries
    assert entry.code == "650200-XK-001" and entry.duties == "1.受理" and entry.resp_basis == "《行政许可法》第三十二条"
    assert entry.basis == "《特种设备安全法》第三十三条\n《特种设备使用管理规则》第3.1条"
    assert entry.accountability == "因不履行…"


def test_sub_numbers_under_an_item():
    rows = [
        HEADER,
        ["1", "建设类企业资质审批", "", "行政许可", "《建筑法》第十三条", "市住建局", "", "", "", "", ""],
        ["1.1", "房地产估价机构资质核准", "", "", "", "", "", "", "", "", ""],
        ["1.2", "建筑业企业资质审批", "", "", "", "", "", "", "", "", ""],
        ["2", "对违法建设的处罚", "", "行政处罚", "", "市住建局", "", "", "", "", ""],
    ]
    items = read_items(_sheet(rows))
    assert [(e.number, e.sub) for e in items.entries] == [("1", ""), ("1.1", "房地产估价机构资质核准"), ("1.2", "建筑业企业资质审批"), ("2", "")]
    assert items.entries[2].basis == "《建筑法》第十三条" and items.item_count == 2


@pytest.mark.parametrize(
    "written, government, expected",
    [
        ("市科技局", "克拉玛依市", "克拉玛依市科技局"),
        ("地州市商务主管部门", "克拉玛依市", "克拉玛依市商务主管部门"),
        ("地州市级农业农村局", "克拉玛依市", "克拉玛依市农业农村局"),
        ("市场监督管理局", "克拉玛依市", "克拉玛依市市场监督管理局"),
        ("市市场监督管理局", "克拉玛依市", "克拉玛依市市场监督管理局"),
        ("克拉玛依市生态环境局", "克拉玛依市", "克拉玛依市生态环境局"),
        ("市、县级市场监督管理部门", "浙江省", "浙江省市场监督管理部门"),
        ("省、市、县、所公安管理部门", "浙江省", "浙江省公安管理部门"),
        ("县市区农业农村局", "克拉玛依市", "县市区农业农村局"),
    ],
)
def test_department_names(written, government, expected):
    from kg.model import GovLevel
    from loaders.powerlists.departments import GovernmentName, department_government

    level = GovLevel.PROVINCE if government.endswith("省") else GovLevel.CITY
    _, name = department_government(written, GovernmentName(government, level), "浙江省" if level == GovLevel.PROVINCE else "新疆维吾尔自治区")
    assert name == expected


@pytest.mark.parametrize(
    "department, sectors",
    [
        ("克拉玛依市市场监督管理局", ("市场监督管理", "药品监督管理", "知识产权")),
        ("克拉玛依市生态环境局", ("生态环境",)),
        ("某县文化体育广播电视和旅游局", ("文化和旅游", "体育", "广播电视", "新闻出版", "电影")),
        ("克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）", ("人民防空",)),
        ("克拉玛依市人民政府", ()),
        ("某市应急管理局", ("应急管理", "矿山安全")),
    ],
)
def test_department_sectors(department, sectors):
    from loaders.powerlists.departments import SectorTable, canonical_sectors

    government = department[: department.index("市") + 1] if "市" in department[:6] else department[: department.index("县") + 1]
    found = SectorTable.default().sectors_for(department, government)
    assert found == sectors and set(found) <= canonical_sectors()


def test_every_sector_in_the_table_is_canonical():
    from loaders.powerlists.departments import SectorTable, canonical_sectors

    assert {s for rule in SectorTable.default().rules for s in rule.sectors} <= canonical_sectors()


def test_user_table_per_government_wins(tmp_path):
    from loaders.powerlists.departments import SectorTable

    extra = tmp_path / "departments.csv"
    extra.write_text("keyword,sectors,government,note\n综合行政执法,城市管理;生态环境;自然资源,克拉玛依市,\n", encoding="utf-8")
    table = SectorTable.default().with_rules(SectorTable.load([extra]).rules)
    assert table.sectors_for("克拉玛依市综合行政执法局", "克拉玛依市") == ("城市管理", "生态环境", "自然资源")
    assert table.sectors_for("杭州市综合行政执法局", "杭州市") == ("城市管理",)


def test_header_over_two_columns_keeps_both_in_extra():
    rows = [["序号", "事项名称", "权力类型", "实施依据", "行使主体", "实施层级及权限", "", "部门职责", "备注", "备注"],
            ["1", "固定资产投资项目核准", "行政许可", "", "市发改委", "地州市级", "负责本级项目核准", "综合管理", "甲", "乙"]]
    (entry,) = read_items(_sheet(rows, merged=[(0, 1, 5, 7)])).entries
    assert entry.extra == {"实施层级及权限": "地州市级", "实施层级及权限（续）": "负责本级项目核准", "部门职责": "综合管理",
                           "备注": "甲", "备注（2）": "乙"}
