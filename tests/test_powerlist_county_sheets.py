"""A city workbook's sheet of county-level powers (区县级, 县市区 …) is loaded under a county-level government.

The Karamay forestry workbook (林业和草原系统2024年地县两级权责清单指导目录) has a sheet 地州级 and a sheet 区县级
(titled …2024年区县级权责清单, 实施层级 县市区级): the second sheet's departments (…各区自然资源分局,
县市区林业和草原局, 各区绿化委员会) are the districts', and took part in the city's overlaps and vacuums.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kg.model import Government, GovLevel
from loaders.powerlists import load_powers
from loaders.powerlists.departments import GovernmentName, county_group, department_government, sheet_level

CITY = GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区")
GROUP = "克拉玛依市所辖县（市、区）"


@pytest.mark.parametrize("sheet, titles, expected", [
    # the Karamay forestry workbook's county sheet, by its name and by its title row
    ("区县级", ["克拉玛依市林业和草原系统2024年区县级权责清单"], (GROUP, GovLevel.COUNTY, True)),
    ("Sheet1", ["克拉玛依市林业和草原系统2024年区县级权责清单"], (GROUP, GovLevel.COUNTY, True)),
    ("县市区", [], (GROUP, GovLevel.COUNTY, True)),
    ("县市区级", [], (GROUP, GovLevel.COUNTY, True)),
    ("县（市、区）级权责清单", [], (GROUP, GovLevel.COUNTY, True)),
    ("各区县", [], (GROUP, GovLevel.COUNTY, True)),
    ("县级", [], (GROUP, GovLevel.COUNTY, True)),
    # near misses: a sheet named after one district is that district, not the group
    ("白碱滩区", [], ("克拉玛依市白碱滩区", GovLevel.COUNTY, False)),
    ("克拉玛依区", [], ("克拉玛依市克拉玛依区", GovLevel.COUNTY, False)),
    ("独山子区权责清单", [], ("克拉玛依市独山子区", GovLevel.COUNTY, False)),
    ("克拉玛依市独山子区财政局权责清单", [], ("克拉玛依市独山子区", GovLevel.COUNTY, False)),
    # near misses: the city's own sheets and words that name no county level
    ("地州级", ["克拉玛依市林业和草原系统2024年地州级权责清单"], None),
    ("县级以上", [], None),  # a role of every level from the county up
    ("市县级", [], None),  # several levels
    ("市、县级", [], None),
    ("地县两级", [], None),
    ("准确版", ["住房和城乡建设系统区地县三级权责清单指导目录"], None),  # a catalogue of three levels
    ("自治区级", [], None),  # ends in 区级, names the province
    ("城区级", [], None),
    ("昌吉州区县级", [], None),  # another city's counties
    ("乡镇级", [], ("克拉玛依市所辖乡（镇、街道）", GovLevel.TOWNSHIP, True)),  # the townships' (test_powerlist_county_rows)
    ("高新区", [], None),  # a zone, not a county
    ("市本级", [], None),
    ("行政许可（11项）", [], None),
    ("附表1", ["克拉玛依市人力资源和社会保障局2024年权责清单"], None),
    ("县市区农业农村局", [], None),  # a department, not a level
])
def test_the_level_a_sheet_names(sheet, titles, expected):
    found = sheet_level(sheet, titles, CITY)
    assert (found and (found[0].name, found[0].level, found[0].group)) == expected


@pytest.mark.parametrize("sheet, titles, file, expected", [
    # a workbook of the county level by its file name alone: every sheet that states no level of its own
    ("Sheet1", [], "克拉玛依市区县级农业农村局权责清单", GROUP),
    ("行政许可（3项）", ["权责清单"], "克拉玛依市县（市、区）级市场监督管理局权责清单", GROUP),
    # near misses: a sheet stating the city's level wins over the file name; a file of two levels names no county level
    ("地州级", [], "克拉玛依市区县级农业农村局权责清单", None),
    ("Sheet1", ["克拉玛依市农业农村局市本级权责清单"], "克拉玛依市区县级农业农村局权责清单", None),
    ("Sheet1", [], "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录", None),
    ("Sheet1", [], "2024年市农业农村局权责清单", None),
])
def test_the_level_a_file_name_names(sheet, titles, file, expected):
    found = sheet_level(sheet, titles, CITY, file)
    assert (found and found[0].name) == expected


def test_a_county_list_has_no_county_sheets():
    county = GovernmentName("克拉玛依市白碱滩区", GovLevel.COUNTY, "克拉玛依市")
    assert sheet_level("区县级", [], county) is None


@pytest.mark.parametrize("cell, government, name", [
    # county-level units named generically, and a body with no government: the group's, as written
    ("克拉玛依市自然资源局各区自然资源分局", GROUP, "克拉玛依市自然资源局各区自然资源分局"),
    ("县市区林业和草原局", GROUP, "县市区林业和草原局"),
    ("各区绿化委员会", GROUP, "各区绿化委员会"),
    ("林业和草原局", GROUP, "林业和草原局"),
    # near misses: the city's own office (a row whose 实施层级 is 地州市级), one district, the province
    ("克拉玛依市林业和草原局", "克拉玛依市", "克拉玛依市林业和草原局"),
    ("市林业和草原局", "克拉玛依市", "克拉玛依市林业和草原局"),
    ("白碱滩区林业和草原局", "克拉玛依市白碱滩区", "克拉玛依市白碱滩区林业和草原局"),
    ("自治区林业和草原局", "新疆维吾尔自治区", "新疆维吾尔自治区林业和草原局"),
])
def test_the_departments_of_a_county_sheet(cell, government, name):
    gov, department = department_government(cell, county_group(CITY), "新疆维吾尔自治区")
    assert (gov.name, department) == (government, name)


HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限"]


def _forestry(path: Path, system: str = "系统") -> Path:
    book = openpyxl.Workbook()
    city = book.active
    city.title = "地州级"
    city.append([f"克拉玛依市林业和草原{system}2024年地州级权责清单"])
    city.append(HEADER)
    city.append([1, "林草植物检疫证书核发", "", "行政许可", "《植物检疫条例》第七条", "克拉玛依市林业和草原局", "", "地州市级"])
    county = book.create_sheet("区县级")
    county.append([f"克拉玛依市林业和草原{system}2024年区县级权责清单"])
    county.append(HEADER)
    county.append([1, "林草植物检疫证书核发", "", "行政许可", "《植物检疫条例》第七条", "克拉玛依市自然资源局各区自然资源分局", "", "县市区级"])
    county.append([2, "对违反义务植树法定义务的处罚", "", "行政处罚", "", "各区绿化委员会", "", "县市区级"])
    county.append([3, "进入自然保护区从事有关活动审批", "", "行政许可", "", "克拉玛依市林业和草原局", "", "地州市级"])
    book.save(path)
    return path


def test_a_county_sheet_loads_under_the_group(store, tmp_path):
    report = load_powers(store, [_forestry(tmp_path / "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xlsx")])
    assert not report.errors and report.counts["power_items"] == 4
    group = Government.from_node(store.get(GROUP))
    assert (group.level, group.parent, group.only_named) == (GovLevel.COUNTY, "克拉玛依市", False)
    assert [e.dst for e in store.out_edges(GROUP, "SUBORDINATE_TO")] == ["克拉玛依市"]
    by_government = {}
    for node in store.nodes("PowerItem"):
        by_government.setdefault(node.props["government"], set()).add((node.props["sheet"], node.props["department"]))
    assert by_government == {
        "克拉玛依市": {("地州级", "克拉玛依市/克拉玛依市林业和草原局"), ("区县级", "克拉玛依市/克拉玛依市林业和草原局")},
        GROUP: {("区县级", f"{GROUP}/克拉玛依市自然资源局各区自然资源分局"), ("区县级", f"{GROUP}/各区绿化委员会")},
    }
    (line,) = report.details["files"]
    assert "sheet 区县级 read as county level: its name 区县级 names the county level" in line
    assert "实施层级 column says 县市区级 on 2 of 3 rows" in line and f"loaded under {GROUP}" in line
    assert "1 row names a department of 克拉玛依市 itself and stays under it" in line
    assert "sheet 地州级" not in line
    per_file = report.details["per_file"]["克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xlsx"]
    assert per_file["sheets"]["区县级"]["government"] == GROUP and "government" not in per_file["sheets"]["地州级"]


def test_a_sheet_named_after_one_district_loads_under_it(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "白碱滩区"
    sheet.append(HEADER)
    sheet.append([1, "对违反财政法规的处罚", "", "行政处罚", "", "区财政局", "", ""])
    path = tmp_path / "克拉玛依市财政局权责清单.xlsx"
    book.save(path)
    report = load_powers(store, [path])
    (item,) = store.nodes("PowerItem")
    assert item.props["government"] == "克拉玛依市白碱滩区" and item.props["department"] == "克拉玛依市白碱滩区/克拉玛依市白碱滩区财政局"
    assert "sheet 白碱滩区 read as 克拉玛依市白碱滩区's" in report.details["files"][0]


@pytest.mark.parametrize("file_name, system, sectors", [
    # a list of one system: the districts' 自然资源分局 (自然资源 and 林业和草原 by its name) carries the system's only
    ("克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xlsx", "系统", ["林业和草原"]),
    # near miss: a list that names no system keeps every sector the body's name carries
    ("克拉玛依市林业和草原2024年地县两级权责清单.xlsx", "", ["自然资源", "林业和草原"]),
])
def test_a_body_of_several_sectors_in_one_systems_list(store, tmp_path, file_name, system, sectors):
    load_powers(store, [_forestry(tmp_path / file_name, system)])
    assert store.get(f"{GROUP}/克拉玛依市自然资源局各区自然资源分局").props["sectors"] == sectors


@pytest.mark.parametrize("title, system", [
    ("克拉玛依市林业和草原系统2024年地县两级权责清单指导目录", ("林业和草原",)),
    ("克拉玛依市人防系统权责清单指导目录（行政检查类）", ("人民防空",)),
    ("住房和城乡建设系统区地县三级权责清单指导目录", ("住房和城乡建设",)),
    # near misses: no system named, or a 系统 of no sector
    ("克拉玛依市自然资源局2024年权责清单", ()),
    ("克拉玛依市信息系统2024年权责清单", ()),
])
def test_the_system_a_list_names(title, system):
    from loaders.powerlists import PowerList, _system_of
    from loaders.powerlists.departments import SectorTable

    assert _system_of(PowerList(Path(title + ".xlsx")), SectorTable.default()) == system
