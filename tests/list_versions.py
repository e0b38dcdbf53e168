"""A second version of a real Karamay list, derived in the test with a written key of 40 changes.

The 2024 list of 克拉玛依市人力资源和社会保障局 (``../shared`` corpus) is read
into entries; the 2025 version is the same entries written as a CSV with
changes of every kind made to chosen ones: removed, added, renamed,
recategorised, re-cited, moved to another department, responsibility
rewritten.  :func:`derive` returns the file and the key: one
(change, aspect, old name, new name) per change, old or new name None for an
added or removed item.  Nothing of the corpus is written outside the test's
temporary folder.
"""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.powerlists import read_list

CORPUS = Path("/work/shared/corpus/powerlists/karamay")
WORKBOOK = CORPUS / "克拉玛依市人力资源和社会保障局2024年权责清单.xls"
HEADERS = ("序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限",
           "责任事项内容", "责任事项依据", "追责对象范围", "追责情形", "备注")

# a new item's rows: (name, category, basis) citing real articles the 2024 list does not name this way
ADDED = [
    ("对用人单位未按规定建立职工名册的处罚", "行政处罚", "【法规】《劳动合同法实施条例》第三十三条"),
    ("企业年金方案备案", "其他", "【规章】《企业年金办法》第十条"),
    ("对职业技能等级认定机构的监督检查", "行政检查", "【法律】《中华人民共和国劳动法》第八十五条"),
    ("劳务派遣单位年度经营情况报告审查", "行政检查", "【规章】《劳务派遣行政许可实施办法》第二十条"),
    ("对拒不协助工伤事故调查核实的处罚", "行政处罚", "【法规】《工伤保险条例》第六十三条"),
    ("高技能人才评选表彰", "行政奖励", "【规范性文件】《关于加强新时代高技能人才队伍建设的意见》第七条"),
]
MOVED_TO = "市医疗保障局"


def _row(entry) -> list[str]:
    return [entry.number or "", entry.name, entry.sub, entry.category_raw or entry.category.value, entry.basis,
            entry.department, entry.office, entry.extra.get("实施层级及权限", ""), entry.duties, entry.resp_basis,
            entry.scope, entry.accountability, entry.extra.get("备注", "")]


def _label(entry) -> str:
    return entry.name + (f"／{entry.sub}" if entry.sub else "")


def derive(folder: Path) -> tuple[Path, list[tuple[str, str, str | None, str | None]]]:
    """Write the 2025 version into ``folder``; returns its path and the key of its 40 changes."""
    entries = read_list(WORKBOOK).entries
    # chosen by position in the list, spread over its categories (the list has 108 entries)
    penalties = [i for i, e in enumerate(entries) if e.category.value == "行政处罚"]
    permits = [i for i, e in enumerate(entries) if e.category.value == "行政许可"]
    inspections = [i for i, e in enumerate(entries) if e.category.value == "行政检查"]
    removed = permits[:3] + penalties[0:10:2] + inspections[:0]
    renamed = penalties[10:16]
    recategorised = penalties[16:19] + inspections[:3]
    recited = penalties[20:26]
    moved = penalties[26:28] + inspections[4:6]
    responsibility = penalties[30:34]
    key: list[tuple[str, str, str | None, str | None]] = []
    rows: list[list[str]] = []
    by_basis = [entries[i].basis for i in penalties[40:]]
    for index, entry in enumerate(entries):
        row = _row(entry)
        label = _label(entry)
        if index in removed:
            key.append(("removed", "", label, None))
            continue
        if index in renamed:
            row[1] = entry.name.replace("的处罚", "的行政处罚") if "的处罚" in entry.name else entry.name + "事项"
            key.append(("changed", "name", label, row[1] + (f"／{entry.sub}" if entry.sub else "")))
        elif index in recategorised:
            row[3] = "行政检查" if entry.category.value == "行政处罚" else "其他"
            key.append(("changed", "category", label, label))
        elif index in recited:
            row[4] = by_basis[len(key) % len(by_basis)]
            key.append(("changed", "basis", label, label))
        elif index in moved:
            row[5] = MOVED_TO
            key.append(("moved", "department", label, label))
        elif index in responsibility:
            row[8] = "1.依法受理立案。2.调查取证。3.作出处理决定并送达。" + entry.duties[:20]
            key.append(("changed", "responsibility", label, label))
        rows.append(row)
    for number, (name, category, basis) in enumerate(ADDED, 500):
        rows.append([str(number), name, "", category, basis, "市人力资源和社会保障局", "", "地州市级", "依法履行。",
                     "", "具体承办人", "未依法履行的", ""])
        key.append(("added", "", None, name))
    path = folder / "克拉玛依市人力资源和社会保障局2025年权责清单.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path, key
