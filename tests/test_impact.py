"""``plkg impact``: article alignment of two versions of a law, on the demo law and on a real corpus law."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest

from kg.errors import UserError
from kg.neo4j_store import copy_store
from loaders.powerlists import load_powers
from loaders.statutes import load_laws
from plkg import demo
from queries.impact import align, articles_of, impact, write_impact

BEE = "中华人民共和国蜂业促进法"


@pytest.fixture
def bee(store):
    """The demo laws, and the demo list dated before the 2022 version took effect (it cites the 2018 one)."""
    data = demo.demo_data()
    load_laws(store, [data / "laws"])
    load_powers(store, [data / "powerlists"], government=demo.DEMO_GOVERNMENT, level="city", date="2020-06-30")
    return store


# (2018 article, status, 2022 articles holding its text): read off the two texts by hand
BEE_ALIGNMENT = [
    (1, "unchanged", [1]),
    (2, "unchanged", [2]),
    (3, "changed", [3]),  # 农业 -> 农业农村, a paragraph added
    (10, "changed", [10]),
    (11, "removed", []),  # the archive duty is gone (第十一条 now holds the licence term)
    (26, "unclear", [28, 32]),  # its penalty went with the duty: two penalties of 2022 are about as alike
    (28, "moved_changed", [33]),  # 禁止放蜂区域 moved to 第三十三条
    (30, "changed", [30]),  # higher fine
    (32, "moved_changed", [36]),  # 施行 date article
]


@pytest.mark.parametrize("article, status, holders", BEE_ALIGNMENT)
def test_demo_law_alignment(bee, article, status, holders):
    old = articles_of(bee, f"{BEE}/2018-04-27")
    new = articles_of(bee, f"{BEE}/2022-06-24")
    mapping = {m.old.number: m for m in align(old, new).values()}
    assert mapping[article].status == status
    assert [b.number for b in mapping[article].new] == holders


def test_every_cited_article_of_the_demo_list_is_accounted_for(bee):
    rows = list(impact(bee, "蜂业促进法"))
    cited = [(b.item["id"], c.citation["text"]) for b in bee.item_bases() for c in b.citations
             if (c.citation.get("law") or "").endswith("蜂业促进法")]
    accounted = [(r.item_id, r.citation) for r in rows if r.kind == "impact"]
    assert sorted(accounted) == sorted(cited) and len(cited) == 14
    by_status = Counter(r.status for r in rows if r.kind == "impact")
    assert by_status == {"moved_changed": 3, "changed": 4, "current": 5, "unclear": 1, "unresolved": 1}  # YX-CF-013 cites the 2022 text
    moved = next(r for r in rows if r.status == "moved_changed" and "放蜂" in r.name)
    assert moved.proposed == f"《{BEE}》（2022-06-24）第三十三条" and moved.cited_article == "第二十八条"
    # 2022 第十六条 (monitoring), 第十七条 (rewards), 第三十二条, 第三十五条 are new and no item rests on them
    new_clauses = {(r.new_articles[0], r.category) for r in rows if r.kind == "uncovered_clause"}
    assert ("第十七条", "行政奖励") in new_clauses and ("第三十五条", "行政处罚") in new_clauses
    assert not any(r.new_articles == ("第十五条",) for r in rows if r.kind == "uncovered_clause")  # cited by items


def test_unknown_law_and_single_version_are_one_line_errors(bee):
    with pytest.raises(UserError, match="no law named"):
        list(impact(bee, "不存在法"))
    with pytest.raises(UserError, match="no older version"):
        list(impact(bee, "蜂产品质量管理条例"))
    with pytest.raises(UserError, match="no version 2019-01-01"):
        list(impact(bee, "蜂业促进法", "2019-01-01"))


@pytest.mark.parametrize("name, message", [
    ("蜂业促进", "did you mean 中华人民共和国蜂业促进法?"),  # a title cut short: the laws holding it
    ("蜂业促近法", "did you mean 中华人民共和国蜂业促进法?"),  # a wrong character: the closest spelling
    ("不存在法", "load it with `plkg load laws`"),  # nothing near: how to load it
])
def test_an_unknown_law_is_refused_at_once_naming_the_nearest(bee, name, message):
    from kg.embedded import EmbeddedStore

    fresh = EmbeddedStore(bee.path, create=False)  # as the command opens it: the graph not read yet
    with pytest.raises(UserError, match="no law named") as refused:
        impact(fresh, name)  # refused when called, before any row is asked for
    assert message in str(refused.value)
    # the laws and versions were read from the file alone: on the whole-corpus store the full read took most
    # of the ~50 s the QA pass waited for this error
    assert not fresh._loaded


def test_formats_and_backends_agree(bee, bolt_store, tmp_path):
    copy_store(bee, bolt_store)
    texts = []
    for backend in (bee, bolt_store):
        buf = io.StringIO()
        write_impact(backend, "蜂业促进法", format="jsonl", out=buf)
        texts.append(buf.getvalue())
    assert texts[0] == texts[1]
    assert {json.loads(line)["kind"] for line in texts[0].splitlines()} == {"impact", "uncovered_clause"}
    write_impact(bee, "蜂业促进法", format="xlsx", output=tmp_path / "i.xlsx")
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "i.xlsx").sheetnames == ["法律修改影响", "新增条款未入清单"]


REAL_LAWS = ["经济法/农产品质量安全法(2018-10-26).md", "经济法/农产品质量安全法(2022-09-02).md",
             "经济法/畜牧法(2015-04-24).md", "经济法/畜牧法(2022-10-30).md"]
KARAMAY_AGRICULTURE = "karamay/2024年市农业农村局权责清单.xls"


@pytest.mark.parametrize("law", ["农产品质量安全法", "畜牧法"])
def test_real_law_every_cited_article_of_a_karamay_list_accounted_for(store, tmp_path, laws_dir, powerlists_dir, law):
    folder = tmp_path / "laws"
    folder.mkdir()
    for name in REAL_LAWS:
        (folder / name.split("/")[1]).symlink_to(laws_dir / name)
    with open(laws_dir / "metadata.csv", encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle) if r["name"] in ("农产品质量安全法", "畜牧法")]
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    load_laws(store, [folder])
    # dated before the new versions took effect: the list cites the old ones
    load_powers(store, [powerlists_dir / KARAMAY_AGRICULTURE], government="克拉玛依市", date="2020-06-01")
    rows = list(impact(store, law))
    cited = sorted((b.item["id"], c.citation["text"]) for b in store.item_bases() for c in b.citations
                   if c.version is not None and c.version.law == f"中华人民共和国{law}")
    assert cited and sorted((r.item_id, r.citation) for r in rows if r.kind == "impact") == cited
    statuses = Counter(r.status for r in rows if r.kind == "impact")
    assert statuses["moved_changed"] >= 8  # both laws were renumbered by a full revision
    for row in rows:
        if row.status in ("moved", "changed", "moved_changed", "split"):
            assert row.proposed.startswith(f"《中华人民共和国{law}》（2022-") and row.new_articles
    if law == "农产品质量安全法":
        # a short article rewritten into a long one: the statute loader's alignment (containment) holds it, and
        # impact says the same as stale bases and coverage instead of "removed"
        (forged,) = [r for r in rows if r.kind == "impact" and r.cited_article == "第四十四条"]
        assert forged.status == "moved_changed" and forged.new_articles == ("第六十五条",)


# real text of 畜牧法 (2015) 第六十五条 and 第六十九条, and 农产品质量安全法 (2018) 第三十四条, cut and joined
A = ("销售种畜禽有本法第三十条第一项至第四项违法行为之一的，由县级以上人民政府畜牧兽医行政主管部门或者工商行政管理部门"
     "责令停止销售，没收违法销售的畜禽和违法所得。")
B1 = "违法所得在五万元以上的，并处违法所得一倍以上五倍以下罚款；没有违法所得或者违法所得不足五万元的，并处五千元以上五万元以下罚款。"
B2 = "情节严重的，并处吊销种畜禽生产经营许可证或者营业执照。"
C = ("销售不符合国家技术规范的强制性要求的畜禽的，由县级以上地方人民政府畜牧兽医行政主管部门或者工商行政管理部门"
     "责令停止违法行为，没收违法销售的畜禽和违法所得，并处违法所得一倍以上三倍以下罚款。")
D = ("国家建立农产品质量安全监测制度。县级以上人民政府农业行政主管部门应当按照保障农产品质量安全的要求，"
     "制定并组织实施农产品质量安全监测计划，对生产中或者市场上销售的农产品进行监督抽查。")


@pytest.mark.parametrize("old, new, expected", [
    ({1: A, 2: B1 + B2, 3: C}, {1: A, 2: B1, 3: B2 + "国家另有规定的，从其规定。", 4: C},
     {1: ("unchanged", [1]), 2: ("split", [2, 3]), 3: ("moved", [4])}),
    ({1: A + B1, 2: B2, 3: C}, {1: A + B1 + B2, 2: C},
     {1: ("changed", [1]), 2: ("merged", [1]), 3: ("moved", [2])}),
    ({1: D, 2: A, 3: C}, {1: A, 2: C, 3: D}, {1: ("moved", [3]), 2: ("moved", [1]), 3: ("moved", [2])}),
    ({1: A, 2: C}, {1: A}, {1: ("unchanged", [1]), 2: ("removed", [])}),
])
def test_alignment_of_cut_and_joined_articles(store, old, new, expected):
    from .test_queries_builder import GraphBuilder

    g = GraphBuilder()
    g.law("甲法", "2015-01-01", old)
    g.law("甲法", "2022-01-01", new)
    g.save(store)
    mapping = align(articles_of(store, "甲法/2015-01-01"), articles_of(store, "甲法/2022-01-01"))
    assert {m.old.number: (m.status, [b.number for b in m.new]) for m in mapping.values()} == expected
