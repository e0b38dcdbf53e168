"""Vacuums on hand-made graphs: levels, regions, coverage, mapped and unmapped roles."""

from __future__ import annotations

import re

import pytest

from kg.model import GovLevel, Rank, VersionStatus, article_id, paragraph_id
from queries.vacuum import find_vacuums

from .test_queries_builder import GraphBuilder, cite


def _graph(store):
    g = GraphBuilder()
    v = g.law("甲法", "2021-01-01", {
        9: "县级以上地方人民政府农业农村主管部门应当对甲活动进行监督检查。",
        20: ["违反本法规定的，由县级以上地方人民政府农业农村主管部门责令改正，处罚款。", "情节严重的，由原发证机关吊销许可证。"],
        21: "违反本法规定的，由县级以上地方人民政府农业农村主管部门处罚款。",
        22: "国务院农业农村主管部门可以对全国的甲活动进行检查。",
        23: "乡镇人民政府应当协助做好甲工作。",
        24: "违反本法规定的，由县级以上地方人民政府公安机关处五日以下拘留。",
        25: "农业农村主管部门不得收取费用。",
    })
    a = {n: article_id(v, n) for n in (9, 20, 21, 22, 23, 24, 25)}
    g.clause(a[9], "行政检查", "县级以上地方人民政府农业农村主管部门", sector="农业农村", modality="应当")
    g.clause(paragraph_id(a[20], 1), "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    g.clause(paragraph_id(a[20], 1), "其他", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("责令改正",))
    g.clause(a[21], "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    g.clause(a[22], "行政检查", "国务院农业农村主管部门", level="国务院", sector="农业农村", modality="可以")
    g.clause(a[23], "其他", "乡镇人民政府", level="乡镇", sector="人民政府", modality="应当")
    g.clause(a[24], "行政处罚", "县级以上地方人民政府公安机关", sector="公安", actions=("行政拘留",))
    g.clause(a[25], "其他", "农业农村主管部门", sector="农业农村", modality="不得")
    old = g.law("乙法", "2000-01-01", {5: "由县级以上人民政府农业农村主管部门处罚款。"}, status=VersionStatus.REPEALED)
    g.clause(article_id(old, 5), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    here = g.law("丙省甲条例", "2019-01-01", {6: "县级以上人民政府农业农村主管部门应当建立甲档案。"},
                 rank=Rank.LOCAL_REGULATION, region="丙省")
    g.clause(article_id(here, 6), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    there = g.law("丁省甲条例", "2019-01-01", {6: "县级以上人民政府农业农村主管部门应当建立乙档案。"},
                  rank=Rank.LOCAL_REGULATION, region="丁省")
    g.clause(article_id(there, 6), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    gov = g.government("甲市", GovLevel.CITY, province="丙省")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.department(gov, "甲市商务局", "商务")
    # an item on paragraph 2 of article 21's neighbour covers article 20 as a whole
    g.item(agri, "i1", "吊销许可证", "行政处罚", cite(paragraph_id(a[20], 2), "《甲法》第二十条第二款"))
    g.save(store)
    return v, here


def test_vacuums_exact(store):
    v, here = _graph(store)
    found = [(f.kind, f.law or f.sector, f.article, f.category, f.modality, f.department)
             for f in find_vacuums(store, government="甲市")]
    assert found == [
        ("vacuum", "甲法", 9, "行政检查", "应当", "甲市农业农村局"),
        ("vacuum", "丙省甲条例", 6, "其他", "应当", "甲市农业农村局"),  # 其他 after the specific categories
        ("vacuum", "甲法", 21, "行政处罚", None, "甲市农业农村局"),
        # no loaded department carries 公安: one note for the sector, not a vacuum per clause
        ("vacuum_sector", "公安", None, None, None, None),
    ]
    # declared complete: the clause is a vacuum of its own, with no department to hold it
    complete = [(f.kind, f.law, f.article, f.department) for f in find_vacuums(store, government="甲市", complete=True)]
    assert complete[-1] == ("vacuum", "甲法", 24, None)


def test_vacuum_fields_and_department_filter(store):
    _graph(store)
    first = list(find_vacuums(store, government="甲市", department="甲市农业农村局"))[1]
    assert first.kind == "vacuum" and first.version == "2019-01-01" and first.subject.startswith("县级以上")
    assert first.reason.startswith("《丙省甲条例》（2019-01-01）第六条授予县级以上人民政府农业农村主管部门的其他应当履行的职责")
    assert first.evidence[0].article_text == "县级以上人民政府农业农村主管部门应当建立甲档案。"
    assert len(list(find_vacuums(store, department="甲市农业农村局"))) == 3
    assert list(find_vacuums(store, department="甲市商务局")) == []


def test_county_gets_township_free_and_national_free(store):
    _graph(store)
    g = GraphBuilder()
    g.government("甲县", GovLevel.TOWNSHIP, province="丙省")
    g.save(store)
    found = [(f.article, f.subject) for f in find_vacuums(store, government="甲县", complete=True)]
    assert found == [(23, "乡镇人民政府")]
    # nothing loaded: the government's own clause is summed up in a note, not listed
    assert [(f.kind, f.sector, f.count, f.duties) for f in find_vacuums(store, government="甲县")] == [
        ("vacuum_sector", "人民政府", 1, 1)]


def test_older_version_and_geographic_scope_are_not_vacuums(store):
    g = GraphBuilder()
    old = g.law("甲法", "2015-01-01", {7: "由县级以上人民政府农业农村主管部门处罚款。"}, status=VersionStatus.SUPERSEDED)
    new = g.law("甲法", "2022-01-01", {7: "由县级以上人民政府农业农村主管部门处二万元以下罚款。",
                                       8: "由县级以上人民政府农业农村主管部门处警告。"})
    g.supersede(new, old)
    for n in (7, 8):
        g.clause(article_id(new, n), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    sea = g.law("中华人民共和国海岛保护法", "2009-12-26", {50: "由县级以上人民政府海洋主管部门处罚款。"})
    g.clause(article_id(sea, 50), "行政处罚", "县级以上人民政府海洋主管部门", sector="自然资源")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.department(gov, "甲市自然资源局", "自然资源")
    g.item(agri, "i1", "处罚", "行政处罚", cite(article_id(old, 7), "《甲法》（2015年）第七条"))
    g.save(store)
    # art. 7 rests on the 2015 text (a stale basis, not a vacuum); the island law does not reach Xinjiang
    assert [(f.law, f.article) for f in find_vacuums(store, government="甲市")] == [("甲法", 8)]


def test_a_government_known_only_from_another_list_has_no_vacuums(store):
    """A province named only as a city's parent or in a 实施主体 cell has no list here to judge."""
    from kg.model import Government, nodes_of

    _graph(store)
    with store.transaction() as tx:
        tx.add_nodes(nodes_of([Government("丙省", GovLevel.PROVINCE, only_named=True),
                               Government("丁市", GovLevel.CITY, province="丙省")]))
    assert list(find_vacuums(store, government="丙省")) == []
    assert {f.government for f in find_vacuums(store)} == {"甲市", "丁市"}  # near miss: a listed one is judged


@pytest.mark.parametrize("law, places, expected", [
    ("汶川地震灾后恢复重建条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("汶川地震灾后恢复重建条例", ["绵阳市", "四川省"], True),
    ("长江三峡工程建设移民条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("长江三峡工程建设移民条例", ["宜昌市", "湖北省"], True),
    ("南水北调工程供用水管理条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("中华人民共和国防治陆源污染物污染损害海洋环境管理条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    # near miss: a national law without a geographic scope binds everywhere
    ("中华人民共和国水法", ["克拉玛依市", "新疆维吾尔自治区"], True),
])
def test_laws_of_a_region_bind_only_its_provinces(law, places, expected):
    from queries.roles import applies_in

    assert applies_in(law, places) is expected


# --- scope, relevance, ranking (issue 17) and competence, conduct cover (issue 19) -----------------


def _one_law(store, articles, clauses, *, items=(), departments=(("甲市农业农村局", "农业农村"),), province="新疆维吾尔自治区"):
    """A law ``甲法`` with ``articles`` (number -> text) and ``clauses`` ((number, category, subject, sector,
    modality, actions)), a city with ``departments`` each holding one item, and ``items`` ((department index,
    name, category, cited article or None)) more."""
    g = GraphBuilder()
    v = g.law("甲法", "2021-01-01", articles)
    for number, category, subject, sector, modality, actions in clauses:
        text = articles[number] if isinstance(articles[number], str) else articles[number][0]
        amounts = tuple(re.findall(r"[一二三四五六七八九十百千万]+元(?:以上[一二三四五六七八九十百千万]+元)?以下", text))
        g.clause(article_id(v, number), category, subject, sector=sector, modality=modality, actions=actions, text=text,
                 amounts=amounts)
    gov = g.government("甲市", GovLevel.CITY, province=province)
    depts = [g.department(gov, name, sector) for name, sector in departments]
    for n, dept in enumerate(depts):
        g.item(dept, f"base{n}", "无关事项", "行政许可", cite(None, "《某规定》"))
    for n, (index, name, category, number) in enumerate(items):
        g.item(depts[index], f"i{n}", name, category,
               cite(article_id(v, number) if number else None, f"《甲法》第{number}条" if number else "《某规定》"))
    g.save(store)
    return v


# (article text, clause: category, subject, sector, modality, actions) -> vacuum or the rule that drops it
RELEVANCE = [
    # 关税法/海关法 style: a vertical system (海关), exercised by no local government
    ("违反本法规定的，由海关责令改正，处一万元以下罚款。", ("行政处罚", "海关", "海关", None, ("罚款",)), "customs"),
    ("违反本法规定的，由税务机关责令限期改正，可以处二千元以下的罚款。", ("行政处罚", "税务机关", "税务", "可以", ("罚款",)), "tax"),
    # 煤矿安全生产条例 art. 7: the mine safety inspectorate is vertical
    ("煤矿企业有下列行为之一的，由矿山安全监察机构责令改正，处十万元以上罚款。",
     ("行政处罚", "矿山安全监察机构", "应急管理", None, ("罚款",)), "mine-inspection"),
    # a clause placed at sea, for an inland city
    ("在海上从事养殖的，由县级以上人民政府农业农村主管部门责令改正。",
     ("其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令改正",)), "at-sea"),
    # a competence clause (X主管…工作) is no power toward the public
    ("县级以上地方人民政府农业农村主管部门主管本行政区域内的甲工作。",
     ("其他", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("监督管理职责",)), "competence-action"),
    # 全民所有制工业企业法 art. 59 para. 3: who decides the penalties of the article, no power of its own
    ("本条规定的行政处罚，由县级以上工商行政管理部门决定。", ("行政处罚", "县级以上工商行政管理部门", "农业农村", None, ("罚款",)),
     "jurisdiction"),
    # 收费公路管理条例 art. 56, 疫苗管理法 art. 90: referrals to other laws
    ("县级以上地方人民政府价格主管部门对违反本条例的价格违法行为，应当依据价格管理的法律、法规和规章的规定予以处罚。",
     ("行政处罚", "县级以上地方人民政府价格主管部门", "农业农村", "应当", ()), "referral"),
    ("接种单位违反本法规定收取费用的，由县级以上人民政府卫生健康主管部门监督其将违法收取的费用退还，并由县级以上人民政府农业农村主管部门依法给予处罚。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ()), "referral"),
    # 强制检定的工作计量器具检定管理办法 art. 2: a definition
    ("强制检定是指由县级以上人民政府计量行政部门所属或者授权的计量检定机构，对计量器具实行的定点定期检定。",
     ("行政确认", "县级以上人民政府计量行政部门", "农业农村", None, ("登记",)), "definition"),
    # 残疾预防和残疾人康复条例 art. 31: the office's own work, no award to anyone
    ("县级以上人民政府农业农村主管部门应当在培训进修、表彰奖励等方面，对残疾人康复工作人员予以倾斜。",
     ("行政奖励", "县级以上人民政府农业农村主管部门", "农业农村", "应当", ("奖励",)), "own-work"),
    # 湿地保护法: mangroves grow only on the coast
    ("违反本法规定，在红树林湿地内挖塘的，由县级以上人民政府农业农村主管部门处罚款。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",)), "mangrove"),
    # 食品安全法 art. 136, 食品安全法实施条例 art. 61: limits of powers set elsewhere
    ("食品经营者有充分证据证明其不知道所采购的食品不符合食品安全标准的，可以免予处罚，但应当依法没收其不符合食品安全标准的食品。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("没收非法财物",)), "mitigation"),
    ("县级以上人民政府农业农村主管部门依照本法第十条的规定实施查封、扣押措施，查封、扣押的期限不得超过30日。",
     ("行政强制", "县级以上人民政府农业农村主管部门", "农业农村", None, ("查封", "扣押")), "procedure-limit"),
    # 土地管理法 art. 71: officials' violations go to the supervisory organs
    ("县级以上人民政府农业农村主管部门在监督检查工作中发现国家工作人员的违法行为，依法应当给予处分的，应当依法予以处理；自己无权处理的，应当依法移送监察机关或者有关机关处理。",
     ("行政检查", "县级以上人民政府农业农村主管部门", "农业农村", "应当", ("监督检查",)), "discipline"),
    # 乡村振兴促进法 art. 10: a competence clause the extractor gave 行政检查
    ("县级以上地方人民政府农业农村主管部门负责本行政区域内乡村振兴促进工作的统筹协调、指导和监督检查。",
     ("行政检查", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("监督检查",)), "competence-text"),
    # near miss: 负责…and an inspection of its own (动物防疫法 art. 18)
    ("县级以上地方人民政府农业农村主管部门负责组织实施动物疫病强制免疫计划，并对饲养动物的单位和个人履行强制免疫义务的情况进行监督检查。",
     ("行政检查", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("监督检查",)), None),
    # near misses: an ordinary local penalty and an 责令改正 of a local department are vacuums
    ("违反本法规定的，由县级以上地方人民政府农业农村主管部门处五万元以下罚款。",
     ("行政处罚", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("罚款",)), None),
    ("违反本法规定的，由县级以上人民政府农业农村主管部门责令改正。",
     ("其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令改正",)), None),
    # near miss: a clause with its own fine is no referral though it ends with 依法给予处罚
    ("违反本法规定的，由县级以上地方人民政府农业农村主管部门处五万元以下罚款；拒不改正的，由县级以上地方人民政府农业农村主管部门依法给予处罚。",
     ("行政处罚", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("罚款",)), None),
    # near miss: 奖励 that is an award to the public stays
    ("对举报违法行为的，县级以上人民政府农业农村主管部门应当给予奖励。",
     ("行政奖励", "县级以上人民政府农业农村主管部门", "农业农村", "应当", ("奖励",)), None),
]


@pytest.mark.parametrize("text, clause, rule", RELEVANCE)
def test_relevance_drops_what_no_local_government_exercises(store, text, clause, rule):
    _one_law(store, {5: text}, [(5, *clause)], departments=(("甲市农业农村局", "农业农村"), ("甲市海关", "海关"),
                                                           ("甲市税务局", "税务"), ("甲市应急管理局", "应急管理")))
    found = list(find_vacuums(store, government="甲市", complete=True, explain=True))
    if rule is None:
        assert [f.kind for f in found] == ["vacuum"]
        return
    from queries.roles import relevance_rules

    cited = next(r for r in relevance_rules() if r.rule == rule)
    assert [f.kind for f in found] == ["not_vacuum"]
    assert cited.law in found[0].reason and cited.article in found[0].reason


def test_scope_terms_keep_a_clause_where_it_applies(store):
    _one_law(store, {5: "在海上从事养殖的，由县级以上人民政府农业农村主管部门责令改正。"},
             [(5, "其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令改正",))], province="浙江省")
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ["vacuum"]


def test_construction_competence_is_no_vacuum(store):
    """The extractor's construction == "competence" marks a competence clause whatever its actions."""
    from kg.model import AuthorisingClause, Category, nodes_of

    v = _one_law(store, {5: "县级以上地方人民政府农业农村主管部门负责本行政区域内的甲工作。"}, [])
    with store.transaction() as tx:
        tx.add_nodes(nodes_of([AuthorisingClause(
            provision=article_id(v, 5), paragraph=None, item=None, category=Category("其他"), subject="县级以上地方人民政府农业农村主管部门",
            level="县级以上", sector="农业农村", actions=("责令改正",), law="甲法", version="2021-01-01", article=5,
            construction="competence")]))
    assert list(find_vacuums(store, government="甲市")) == []


# (vacuum clause text, item name, cited text of the item's basis in another law) -> covered?
CONDUCT = [
    # 煤矿安全生产条例 repeats 安全生产法 art. 97 style: same act, same conduct, other provision
    ("违反本法规定，生产经营单位未按照规定对从业人员进行安全生产教育和培训的，由县级以上地方人民政府农业农村主管部门责令限期改正，处十万元以下的罚款。",
     "对未按照规定对从业人员进行安全生产教育和培训的处罚", True),
    ("违反本法第二十条规定，未取得种子生产经营许可证生产经营种子的，由县级以上人民政府农业农村主管部门责令改正，处三万元以下罚款。",
     "对未取得种子生产经营许可证生产经营种子的处罚", True),
    # an item naming one of the conducts a clause lists (畜牧法 art. 88 and the list's item on art. 68 of 2015)
    ("违反本法规定，销售的种畜禽未附具种畜禽合格证明、家畜系谱，销售、收购国务院农业农村主管部门规定应当加施标识而没有标识的畜禽，或者重复使用畜禽标识的，由县级以上人民政府农业农村主管部门责令改正，可以处二千元以下罚款。",
     "对销售的种畜禽未附具种畜禽合格证明、检疫合格证明、家畜系谱等行为的处罚", True),
    # near miss: two clauses sharing only 有下列行为之一 are not one conduct
    ("违反本法规定，农产品生产经营者有下列行为之一，尚不构成犯罪的，由县级以上人民政府农业农村主管部门责令停止生产经营，处罚款。",
     "对农药经营者有下列行为之一的处罚", False),
    # near miss: same law, other conduct
    ("违反本法第二十条规定，未取得种子生产经营许可证生产经营种子的，由县级以上人民政府农业农村主管部门责令改正，处三万元以下罚款。",
     "对生产经营假种子的处罚", False),
]


@pytest.mark.parametrize("text, name, covered", CONDUCT)
def test_an_item_holding_the_same_act_and_conduct_covers_a_vacuum(store, text, name, covered):
    _one_law(store, {30: text, 31: "甲。"}, [(30, "行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",))],
             items=[(0, name, "行政处罚", 31)])
    found = [f.kind for f in find_vacuums(store, government="甲市")]
    assert found == ([] if covered else ["vacuum"])


def test_ranking_duties_then_severity_grouped_by_article(store):
    _one_law(store, {
        1: "违反本法规定的，由县级以上人民政府农业农村主管部门处一千元以下罚款。",
        2: ["违反本法规定的，由县级以上人民政府农业农村主管部门处十万元以上二十万元以下罚款。", "情节严重的，由县级以上人民政府农业农村主管部门吊销许可证。"],
        3: "违反本法规定的，由县级以上人民政府农业农村主管部门处五十万元以下罚款。",
        4: "县级以上人民政府农业农村主管部门应当对甲活动进行监督检查。",
    }, [
        (1, "行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",)),
        (3, "行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",)),
        (4, "行政检查", "县级以上人民政府农业农村主管部门", "农业农村", "应当", ("监督检查",)),
    ])
    g = GraphBuilder()
    g.clause(paragraph_id(article_id("甲法/2021-01-01", 2), 1), "行政处罚", "县级以上人民政府农业农村主管部门",
             sector="农业农村", actions=("罚款",), text="违反本法规定的，由县级以上人民政府农业农村主管部门处十万元以上二十万元以下罚款。",
             amounts=("十万元以上二十万元以下",))
    g.clause(paragraph_id(article_id("甲法/2021-01-01", 2), 2), "行政处罚", "县级以上人民政府农业农村主管部门",
             sector="农业农村", actions=("吊销许可证",), text="情节严重的，由县级以上人民政府农业农村主管部门吊销许可证。")
    g.save(store)
    found = list(find_vacuums(store, government="甲市"))
    # the duty first; then art. 2 (a revocation beats the larger fine of art. 3), its two paragraphs together
    assert [(f.article, f.paragraph, f.count) for f in found] == [(4, None, 1), (2, 1, 2), (2, 2, 2), (3, None, 1), (1, None, 1)]
    assert found[3].severity == "最高罚款50万元"
    assert [(f.article) for f in find_vacuums(store, government="甲市", top=2)] == [4, 2, 2]


@pytest.mark.parametrize("actions, amounts, expected", [
    (("罚款", "吊销许可证"), ("五万元以上十万元以下",), (False, True, 100000)),
    (("行政拘留", "罚款"), ("五日以下", "１０００元以下"), (True, False, 1000)),
    (("罚款",), ("货值金额十倍以上二十倍以下",), (False, False, 0)),  # a multiple has no fixed amount
    (("责令停产停业", "罚款"), ("二千元以上二万元以下", "违法所得一倍以上五倍以下"), (False, True, 20000)),
    (("警告",), (), (False, False, 0)),
])
def test_severity(actions, amounts, expected):
    from queries.vacuum import severity_of

    found = severity_of(actions, amounts)
    assert (found.liberty, found.revocation, found.amount) == expected


def test_manifest_declares_a_list_complete(store, tmp_path):
    from queries.vacuum import load_manifest

    _graph(store)
    path = tmp_path / "manifest.csv"
    path.write_text("government,department,sectors\n甲市,甲市公安局,公安\n", encoding="utf-8-sig")
    found = [(f.kind, f.article, f.department) for f in find_vacuums(store, government="甲市", manifest=path)]
    assert ("vacuum", 24, "甲市公安局") in found and "vacuum_sector" not in {k for k, _, _ in found}
    assert set(load_manifest(path)) == {"甲市"}


@pytest.mark.parametrize("content, message", [
    ("government,department\n甲市,甲局\n", "line 1: missing column"),
    ("government,department,sectors\n,甲局,公安\n", "line 2: the government column is empty"),
    ("government,department,sectors\n甲市,甲局,火星\n", "line 2: unknown sector"),
])
def test_bad_manifest_is_one_clear_error(tmp_path, content, message):
    from kg.errors import UserError
    from queries.vacuum import load_manifest

    path = tmp_path / "m.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_manifest(path)


def test_example_manifest_loads():
    from importlib import resources

    from queries.vacuum import load_manifest

    assert load_manifest(resources.files("ontology").joinpath("governments.example.csv"))["克拉玛依市"]


@pytest.mark.parametrize("item_category, covered", [
    ("行政处罚", True),  # 计量法实施细则 art. 44: the 封存 of a conduct whose penalty the list holds
    ("行政许可", False),  # near miss: a licence item naming the same words is another act
])
def test_a_near_identical_conduct_covers_across_categories(store, item_category, covered):
    text = "制造、销售未经型式批准或样机试验合格的计量器具新产品的，责令其停止制造、销售，封存该种新产品，没收全部违法所得，可并处3000元以下的罚款。"
    _one_law(store, {44: text, 48: "甲。"}, [(44, "行政强制", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("封存",))],
             items=[(0, "对制造、销售未经型式批准或样机试验合格的计量器具新产品的处罚" if covered else "制造、销售未经型式批准或样机试验合格的计量器具新产品审批", item_category, 48)])
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


@pytest.mark.parametrize("cited_law, covered", [
    ("甲法", True),  # an inspection item on art. 31 of the law holds its inspection powers and measures
    ("甲法实施细则", True),  # or of the regulation implementing it (计量法 and 计量法实施细则)
    ("乙法", False),  # near miss: an inspection under another law
])
def test_an_inspection_item_holds_the_inspection_powers_of_its_law(store, cited_law, covered):
    g = GraphBuilder()
    v = g.law("甲法", "2021-01-01", {30: "（一）进入被检查单位的现场进行检查；", 31: "县级以上人民政府农业农村主管部门应当对甲活动进行监督检查。"})
    other = g.law(cited_law if cited_law != "甲法" else "乙法", "2021-01-01", {31: "县级以上人民政府农业农村主管部门应当对乙活动进行监督检查。"})
    g.clause(article_id(v, 30), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("监督检查",),
             text="（一）进入被检查单位的现场进行检查；")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(agri, "i", "对甲活动的监督检查", "行政检查", cite(article_id(v if cited_law == "甲法" else other, 31), f"《{cited_law}》第三十一条"))
    g.save(store)
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


# item names of one department (the demo's and Karamay lists' style) and clause texts whose conduct is looked up
HELD_NAMES = [
    "对未按照规定对从业人员进行安全生产教育和培训的处罚",
    "对未取得种子生产经营许可证生产经营种子的处罚",
    "对销售的种畜禽未附具种畜禽合格证明、检疫合格证明、家畜系谱等行为的处罚",
    "对农药经营者有下列行为之一的处罚",
    "对生产经营假种子的处罚",
    "对生产经营劣种子的处罚",
    "对未按照规定建立、保存种子生产经营档案的处罚",
]
CLAUSE_TEXTS = [text for text, _, _ in CONDUCT] + [
    "违反本法第四十八条规定，生产经营劣种子的，由县级以上人民政府农业农村主管部门责令停止生产经营，没收违法所得和种子。",
    "违反本法规定，种子生产经营者未按照规定建立、保存种子生产经营档案的，由县级以上人民政府农业农村主管部门责令改正，处二千元以上二万元以下罚款。",
    "违反本法规定，擅自采集或者采伐国家重点保护的天然种质资源的，由县级以上人民政府林业草原主管部门责令停止违法行为。",
]


@pytest.mark.parametrize("text", CLAUSE_TEXTS)
def test_the_bigram_index_keeps_every_act_that_can_cover_a_conduct(text):
    from kg.views import ItemBasis
    from queries.vacuum import CONDUCT_SIMILARITY, HeldActs, bigrams, conduct_of, same_conduct

    dept = {"id": "甲市/甲市农业农村局", "name": "甲市农业农村局"}
    bases = [ItemBasis({"id": f"i{n}", "name": name, "category": "行政处罚"}, dept, None)
             for n, name in enumerate(HELD_NAMES)]
    held = HeldActs(bases)
    grams = bigrams(conduct_of(text))
    can = [act for act in held.get(dept["id"]) if same_conduct(grams, act.conduct) >= CONDUCT_SIMILARITY]
    kept = held.sharing(dept["id"], grams)
    assert all(act in kept for act in can)
    assert kept == [act for act in held.get(dept["id"]) if act in kept]  # in the acts' order
