"""What the loaders read from statute text for the queries, so that queries never parse text:
the modifier restricting a clause's object (``AuthorisingClause.object_modifier``, loaders/nlp/objects.py), the
conducts the vacuum query compares with items' names (``AuthorisingClause.conduct``/``listed``/``doer``,
``Provision.conduct``, loaders/nlp/objects.py) and the divisions of work by object of an article
(``Provision.divides``, loaders/statutes/divisions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.embedded import EmbeddedStore
from kg.model import DIVISIONS_READING
from loaders.nlp.objects import ConductReading, conduct_of, conduct_reading, object_modifier, read_grammar
from loaders.statutes import load_laws
from loaders.statutes.divisions import divides, unread_versions
from plkg.cli import app, hoist_global_options

# (clause text) -> the modifier restricting the object of its conduct
OBJECT_MODIFIERS = [
    # 计量法实施细则 (2022) art. 41: V、V和V M的H
    ("违反《中华人民共和国计量法》第十四条规定，制造、销售和进口非法定计量单位的计量器具的，责令其停止制造、销售和进口", "非法定计量单位"),
    # 大气污染防治法 art. 103: a modifier that is itself a verb phrase
    ("违反本法规定，销售不符合质量标准的煤炭、石油焦的，由县级以上地方人民政府市场监督管理部门责令改正", "不符合质量标准"),
    # an item of a list of measures: its own act and object
    ("（四）查封、扣押经检测不符合农产品质量安全标准的农产品；", "经检测不符合农产品质量安全标准"),
    # near miss: 计量法 art. 24, the verbs relativise the head (制造、修理、销售的计量器具): no object restricted
    ("制造、修理、销售的计量器具不合格的，没收违法所得，可以并处罚款。", ""),
    # near miss: 地下水管理条例 art. 60, an object without 的 (a compound noun restricts nothing by this rule)
    ("侵占、毁坏或者擅自移动地下水监测设施设备及其标志的，由县级以上地方人民政府水行政主管部门责令停止违法行为", ""),
    # near miss: the head names the doer (…的单位和个人), not the object
    ("违反本条例规定，从事动物、动物产品收购、运输、销售的单位和个人，未按照规定建立台账的，由县级以上人民政府动物防疫主管部门责令改正", ""),
    # near miss: M的H followed by its predicate is the conduct's subject, not an object
    ("负有军人优待义务的单位不履行优待义务的，由县级人民政府退役军人事务部门责令限期履行义务", ""),
    # near miss: a comma between the verbs and the 的: no one object
    ("未经检疫通道运输动物、动物产品进入本市，或者接收未取得动物卫生监督机构监督检查专用章的动物、动物产品的，由动物卫生监督机构处罚款", ""),
    # near miss: a conduct opening with a place, not a verb
    ("在临时使用的林地上修建永久性建筑物的，由县级以上人民政府林业主管部门责令限期恢复植被", ""),
    # near miss: no conduct at all (a power stated without one)
    ("县级以上人民政府计量行政部门应当加强对计量器具的监督管理。", ""),
]


@pytest.mark.parametrize("text, expected", OBJECT_MODIFIERS)
def test_the_modifier_restricting_a_conducts_object(text, expected):
    assert object_modifier(text) == expected


# (clause text, its provision's text) -> what the loader records for the vacuum query
CONDUCT_READINGS = [
    # 种子法 (2021) art. 76: the conduct before the first 的， without 违反…规定
    ("违反本法第三十二条规定，未取得种子生产经营许可证生产经营种子的，由县级以上人民政府农业农村主管部门责令改正",
     None, ConductReading("未取得种子生产经营许可证生产经营种子")),
    # 北京市安全生产条例 (2022) art. 58: a chapeau names whom it punishes and lists the conducts in its items
    ("生产经营单位有下列行为之一的，责令限期改正，处五万元以下的罚款：",
     "生产经营单位有下列行为之一的，责令限期改正，处五万元以下的罚款：\n（一）未按照规定对从业人员进行安全生产教育和培训的；\n"
     "（二）未如实记录安全生产教育和培训情况的；",
     ConductReading("", ("未按照规定对从业人员进行安全生产教育和培训", "未如实记录安全生产教育和培训情况"), "生产经营单位")),
    # 农产品质量安全法 (2022) art. 71: the words every liability clause shares leave only who acts: no conduct of
    # its own (its items, not given here, list them), and whom it punishes
    ("违反本法规定，农产品生产经营者有下列行为之一，尚不构成犯罪的，由县级以上地方人民政府农业农村主管部门责令停止生产经营：",
     None, ConductReading(doer="农产品生产经营者")),
    # near miss: a power stated without a conduct
    ("县级以上人民政府农业农村主管部门应当加强种子质量的监督检查。", None, ConductReading()),
    # near miss: a chapeau that does not end in a colon lists nothing of its own
    ("有下列行为之一的，依照前条的规定处罚。", "有下列行为之一的，依照前条的规定处罚。\n（一）伪造证件的；", ConductReading()),
]


@pytest.mark.parametrize("text, provision_text, expected", CONDUCT_READINGS)
def test_the_conducts_a_clause_is_compared_by_are_read_at_load(text, provision_text, expected):
    assert conduct_reading(text, provision_text or text) == expected


def test_a_bad_conduct_grammar_row_names_its_line(monkeypatch):
    import ontology

    ontology.conduct_grammar.cache_clear()
    monkeypatch.setattr(ontology, "rows", lambda name: iter([(2, {"role": "generic", "pattern": "("}),
                                                            (3, {"role": "doer", "pattern": "者$"})]))
    try:
        with pytest.raises(ValueError, match=r"conduct_grammar.csv: line 2: bad pattern"):
            ontology.conduct_grammar()
        monkeypatch.setattr(ontology, "rows", lambda name: iter([(2, {"role": "generic", "pattern": "x"})]))
        with pytest.raises(ValueError, match="no row of role doer"):
            ontology.conduct_grammar()
    finally:
        monkeypatch.undo()
        ontology.conduct_grammar.cache_clear()
    assert conduct_of("（三）伪造、变造许可证的；") == "伪造、变造许可证"


@pytest.mark.parametrize("table, message", [
    ("role\tvalue\tnote\nverb\tv\t\n", "no row of role violation"),
    ("role\tvalue\tnote\nnoun\tn\t\n", "line 2: role must be one of"),
    ("name\tvalue\n", "line 1: expected the columns role, value, note"),
])
def test_a_bad_object_grammar_names_its_file_and_row(tmp_path: Path, table, message):
    path = tmp_path / "objects.tsv"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        read_grammar(path)
    assert str(path) in str(info.value)


# (article text) -> what Provision.divides records
DIVIDES = [
    # 野生植物保护条例 art. 8: each body its own object, a sentence each
    ("国务院林业行政主管部门主管全国林区内野生植物和林区外珍贵野生树木的监督管理工作。"
     "国务院农业行政主管部门主管全国其他野生植物的监督管理工作。", ("农业农村、林业和草原",)),
    # 植物检疫条例 art. 3: an organ each department has of its own
    ("县级以上地方各级农业主管部门、林业主管部门所属的植物检疫机构，负责执行国家的植物检疫任务。", ("农业农村、林业和草原",)),
    # near miss: both bodies given the same object
    ("国务院农业主管部门主管全国种子工作。国务院林业主管部门主管全国种子工作。", ()),
    # near miss: one sector at two levels
    ("国务院农业主管部门主管全国种子工作。县级以上地方人民政府农业主管部门主管本行政区域内种子工作。", ()),
]


@pytest.mark.parametrize("text, expected", DIVIDES)
def test_the_divisions_an_article_records(text, expected):
    assert divides(text) == expected


PLANTS = """# 植物检疫条例

1983年1月3日 国务院发布

<!-- INFO END -->

第一条 为了防止危害植物的危险性病、虫、杂草传播蔓延，制定本条例。

第二条 县级以上地方各级农业主管部门、林业主管部门所属的植物检疫机构，负责执行国家的植物检疫任务。

第三条 违反本条例规定，销售未经检疫的种子、苗木的，由植物检疫机构责令纠正，可以处以罚款。

第四条 县级以上人民政府其他有关部门按照各自的职责，做好植物检疫有关工作。
"""


def _loaded(tmp_path: Path) -> Path:
    laws = tmp_path / "laws"
    laws.mkdir(parents=True)
    (laws / "植物检疫条例(1983-01-03).md").write_text(PLANTS, encoding="utf-8")
    path = tmp_path / "s.kg"
    with EmbeddedStore(path) as store:
        load_laws(store, [laws], today="2024-01-01")
    return path


def test_the_loader_records_the_readings_on_the_graph(tmp_path: Path):
    with EmbeddedStore(_loaded(tmp_path)) as store:
        versions = list(store.nodes("LawVersion"))
        assert [v.props.get("divisions_read") for v in versions] == [DIVISIONS_READING]
        articles = {n.props["number"]: n.props for n in store.nodes("Provision") if n.props.get("kind") == "条"}
        assert articles[2]["divides"] == ["农业农村、林业和草原"] and "divides" not in articles[1]
        assert unread_versions(store) == 0
        # every provision giving its acts by the bodies' duties is marked (art. 4: 按照各自的职责), the others not
        by_duty = {n.props["article"] for n in store.nodes("Provision") if n.props.get("by_duty")}
        assert by_duty == {4}  # the article and its paragraph
        modifiers = {n.props.get("article"): n.props.get("object_modifier", "") for n in store.nodes("AuthorisingClause")}
        assert modifiers.get(3) == "未经检疫"  # 销售未经检疫的种子、苗木
        conducts = {n.props.get("article"): n.props.get("conduct", "") for n in store.nodes("AuthorisingClause")}
        assert conducts.get(3) == "销售未经检疫的种子、苗木"
        assert {n.props["article"]: n.props.get("conduct") for n in store.nodes("Provision")
                if n.props.get("kind") == "条"} == {1: None, 2: None, 3: "销售未经检疫的种子、苗木", 4: None}


def test_a_store_loaded_before_the_divisions_were_recorded_is_named(tmp_path: Path):
    path = _loaded(tmp_path)
    with EmbeddedStore(path) as store:  # as an older loader left it: no mark, no divisions
        with store.transaction() as tx:
            for node in list(store.nodes("LawVersion")):
                tx.update_props(node.id, divisions_read=None)
    with EmbeddedStore(path) as store:
        assert unread_versions(store) == 1
    result = CliRunner().invoke(app, hoist_global_options(["--store", str(path), "stats"]))
    assert result.exit_code == 0
    assert "1 law versions in this store were loaded before the divisions of work by object" in result.output
    with EmbeddedStore(path) as store:  # the first reading (divisions by object, no by_duty marks) is old too
        with store.transaction() as tx:
            for node in list(store.nodes("LawVersion")):
                tx.update_props(node.id, divisions_read=True)
    with EmbeddedStore(path) as store:
        assert unread_versions(store) == 1
    fresh = CliRunner().invoke(app, hoist_global_options(["--store", str(_loaded(tmp_path / "b")), "stats"]))
    assert "divisions of work" not in fresh.output


def test_the_note_on_old_versions_is_counted_from_the_graph_a_command_read(tmp_path: Path, monkeypatch):
    # the versions are counted when the command has run: a check reads the graph anyway, and asking the file first
    # scanned its every node row (no index by label: 640 MB at whole corpus + 100,000 items, which a check reading
    # its graph from the snapshot never touches otherwise)
    path = _loaded(tmp_path)
    with EmbeddedStore(path) as store:
        with store.transaction() as tx:
            for node in list(store.nodes("LawVersion")):
                tx.update_props(node.id, divisions_read=None)
    asked: list[bool] = []
    unread = EmbeddedStore.nodes_unread

    def recorded(self, label):
        asked.append(self._loaded)
        return unread(self, label)

    monkeypatch.setattr(EmbeddedStore, "nodes_unread", recorded)
    out = tmp_path / "check.json"
    result = CliRunner().invoke(app, hoist_global_options(
        ["--store", str(path), "check", "all", "--format", "json", "--output", str(out)]))
    assert result.exit_code == 0, result.output
    assert "1 law versions in this store were loaded before the divisions of work by object" in result.output
    assert asked == [True]  # once, of the graph the check read
    assert out.exists()
    # a command that stops with its own error says it too, after the error
    asked.clear()
    failed = CliRunner().invoke(app, hoist_global_options(["--store", str(path), "check", "all", "--government", "无此政府"]))
    assert failed.exit_code == 2
    assert "1 law versions in this store" in failed.output and asked and "无此政府" in failed.output
    assert failed.output.index("无此政府") < failed.output.index("1 law versions in this store")
