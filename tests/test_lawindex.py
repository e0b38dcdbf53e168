"""LawIndex: cited names -> law ids, versions in force, articles."""

from __future__ import annotations

import pytest

from kg.lawindex import LawIndex, name_key
from kg.model import Law, LawVersion, Provision, ProvisionKind, Rank, VersionStatus, article_id

FOOD = "中华人民共和国食品安全法"
SHANGHAI = "上海市实施《中华人民共和国食品安全法》办法"


@pytest.fixture
def index(store):
    food = Law(FOOD, "食品安全法", Rank.LAW)
    env = Law("中华人民共和国环境保护法", "环境保护法", Rank.LAW)
    rules = Law("中华人民共和国食品安全法实施条例", "食品安全法实施条例", Rank.ADMINISTRATIVE_REGULATION)
    local = Law(SHANGHAI, SHANGHAI, Rank.LOCAL_REGULATION)
    decision = Law("全国人民代表大会常务委员会关于加强法律解释工作的决议", "", Rank.LAW)
    versions = [
        LawVersion(FOOD, "2015-04-24", FOOD, effective="2015-10-01", status=VersionStatus.SUPERSEDED),
        LawVersion(FOOD, "2021-04-29", FOOD, effective="2021-04-29"),
        LawVersion(FOOD, "2099-01-01", FOOD, effective="2099-06-01", status=VersionStatus.NOT_YET_IN_FORCE),
        LawVersion(env.id, "2014-04-24", env.title, effective="2015-01-01"),
    ]
    article = Provision(article_id(f"{FOOD}/2021-04-29", 122), f"{FOOD}/2021-04-29", ProvisionKind.ARTICLE, 122,
                        label="第一百二十二条", article=122)
    with store.transaction() as tx:
        tx.add_nodes([law.to_node() for law in (food, env, rules, local, decision)])
        tx.add_nodes([v.to_node() for v in versions])
        tx.add_node(article.to_node())
    return LawIndex(store, today="2025-01-01")


@pytest.mark.parametrize(
    "name, expected",
    [
        (FOOD, [FOOD]),
        ("食品安全法", [FOOD]),
        ("《中华人民共和国食品安全法》", [FOOD]),
        ("《食品安全法》", [FOOD]),
        ("中華人民共和國食品安全法", [FOOD]),
        ("食品安全法（2021年修正）", [FOOD]),
        ("食安法", [FOOD]),
        ("环保法", ["中华人民共和国环境保护法"]),
        ("食品安全法实施条例", ["中华人民共和国食品安全法实施条例"]),
        ("《上海市实施〈中华人民共和国食品安全法〉办法》", [SHANGHAI]),
        ("全国人大常委会关于加强法律解释工作的决议", ["全国人民代表大会常务委员会关于加强法律解释工作的决议"]),
        ("水法", []),
        ("", []),
    ],
)
def test_find(index, name, expected):
    assert index.find(name) == expected


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2016-01-01", "2015-04-24"),
        ("2021-04-29", "2021-04-29"),
        ("2099-03-01", "2021-04-29"),  # promulgated but not yet effective
        ("2100-01-01", "2099-01-01"),
        (None, "2021-04-29"),  # in force now, not the newest
        ("2000-01-01", "2015-04-24"),  # before every version: the earliest
    ],
)
def test_version_at(index, date, expected):
    assert index.version_at(FOOD, date).date == expected


def test_version_at_strict_and_unknown(index):
    assert index.version_at(FOOD, "2000-01-01", strict=True) is None
    assert index.version_at("无此法", None) is None


def test_versions_are_ordered(index):
    assert [v.date for v in index.versions(FOOD)] == ["2015-04-24", "2021-04-29", "2099-01-01"]


def test_article(index):
    found = index.article(f"{FOOD}/2021-04-29", 122)
    assert found is not None and found.label == "第一百二十二条"
    assert index.article(f"{FOOD}/2021-04-29", 123) is None
    assert index.article(f"{FOOD}/2021-04-29", 122, 1) is None


def test_add_registers_uncommitted_laws(index):
    law = Law("中华人民共和国水法", "水法", Rank.LAW)
    version = LawVersion(law.id, "2016-07-02", law.title)
    art = Provision(article_id(version.id, 1), version.id, ProvisionKind.ARTICLE, 1, article=1)
    index.add(law, [version], [art])
    assert index.find("水法") == [law.id]
    assert index.version_at(law.id, None) == version
    assert index.article(version.id, 1) == art


@pytest.mark.parametrize(
    "raw, key",
    [
        ("《行政许可法》", "行政许可法"),
        ("行政处罚法(2021修订)", "行政处罚法"),
        ("网络安全审查办法（试行）", "网络安全审查办法（试行）"),
        (" 食品 安全法 ", "食品安全法"),
    ],
)
def test_name_key(raw, key):
    assert name_key(raw) == key
