"""Vacuums on hand-made graphs: levels, regions, coverage, mapped and unmapped roles."""

from __future__ import annotations

import re

import pytest

from kg.model import GovLevel, Rank, VersionStatus, article_id, item_id, paragraph_id
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
    # the Karamay lists (2024): 草原防火条例 art. 42, the department corrected by its superior organ
    ("违反本条例规定，县级以上人民政府草原防火主管部门或者其他有关部门及其工作人员，有下列行为之一的，由其上级行政机关或者监察机关责令改正；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予处分：",
     ("其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令改正",)), "supervision"),
    # 食品生产经营监督检查管理办法 art. 45: funds and equipment of the office
    ("县级以上市场监督管理部门应当按照规定安排充足的经费，配备满足监督检查工作需要的采样、检验检测、拍摄、移动办公、安全防护等工具、设备。",
     ("行政检查", "县级以上市场监督管理部门", "农业农村", "应当", ("监督检查",)), "own-resources"),
    # 事业单位人事管理条例 art. 29: kinds of discipline of staff
    ("处分分为警告、记过、降低岗位等级或者撤职、开除。",
     ("行政处罚", "县级以上地方各级事业单位人事综合管理部门", "农业农村", None, ("警告",)), "discipline"),
    # 测绘法 art. 66, 矿产资源法 (2009) art. 45: who decides the penalties of other articles
    ("本法规定的降低测绘资质等级、暂扣测绘资质证书、吊销测绘资质证书的行政处罚，由颁发测绘资质证书的部门决定；其他行政处罚，由县级以上人民政府测绘地理信息主管部门决定。",
     ("行政处罚", "县级以上人民政府测绘地理信息主管部门", "农业农村", None, ("吊销许可证",)), "jurisdiction"),
    ("本法第三十九条、第四十条、第四十二条规定的行政处罚，由县级以上人民政府负责地质矿产管理工作的部门按照国务院地质矿产主管部门规定的权限决定。",
     ("行政处罚", "县级以上人民政府负责地质矿产管理工作的部门", "农业农村", None, ("罚款",)), "jurisdiction"),
    # 明码标价和禁止价格欺诈规定 art. 22, 铁路安全管理条例 art. 91: referrals to other laws
    ("经营者违反本规定有关明码标价规定的，由县级以上市场监督管理部门依照《中华人民共和国价格法》《价格违法行为行政处罚规定》有关规定进行处罚。",
     ("行政处罚", "县级以上市场监督管理部门", "农业农村", None, ()), "referral"),
    ("有下列行为之一的，分别由铁路沿线所在地县级以上地方人民政府水行政主管部门、国土资源主管部门或者无线电管理机构等依照有关水资源管理、矿产资源管理、无线电管理等法律、行政法规的规定处罚：",
     ("行政处罚", "县级以上地方人民政府国土资源主管部门", "农业农村", None, ()), "referral"),
    # 退耕还林条例 art. 62: laws named without 《》 (a Karamay judge: the 森林法/草原法 penalty items hold the conduct)
    ("退耕还林者擅自复耕的，依照刑法关于非法占用农用地罪的规定，依法追究刑事责任；尚不够刑事处罚的，由县级以上人民政府农业农村主管部门依照森林法、草原法、水土保持法的规定处罚。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ()), "referral"),
    # near miss: a referral inside the same law lends that article's sanction to another conduct: a vacuum
    ("违反本条例第十条规定的，由县级以上人民政府农业农村主管部门依照本条例第三十条的规定处罚。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ()), None),
    # 土地调查条例 art. 31: survey staff 依法给予处分，并…予以通报批评: the 通报批评 goes with the discipline
    ("土地调查人员不执行全国土地调查总体方案和地方土地调查实施方案、《土地利用现状分类》国家标准和统一的技术规程，或者伪造、篡改调查资料，或者强令、授意接受调查的有关单位和个人提供虚假调查资料的，依法给予处分，并由县级以上人民政府国土资源主管部门、统计机构予以通报批评。",
     ("行政处罚", "县级以上人民政府国土资源主管部门", "农业农村", None, ("通报批评",)), "discipline"),
    # near miss: 通报批评 of a unit beside a fine (no 处分) is a penalty
    ("检验检测机构出具虚假报告的，由县级以上人民政府农业农村主管部门予以通报批评，并处五万元以下罚款。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("通报批评", "罚款")), None),
    # 土地管理法 (2019) art. 72: a found violation 应当依法给予行政处罚 — the penalty is the article breached's
    ("县级以上人民政府自然资源主管部门在监督检查工作中发现土地违法行为构成犯罪的，应当将案件移送有关机关，依法追究刑事责任；尚不构成犯罪的，应当依法给予行政处罚。",
     ("行政处罚", "县级以上人民政府自然资源主管部门", "农业农村", "应当", ("处罚",)), "referral"),
    # 计量法实施细则 art. 24: appointing the office's own inspectors
    ("计量监督员必须经考核合格后，由县级以上人民政府计量行政部门任命并颁发监督员证件。",
     ("行政许可", "县级以上人民政府计量行政部门", "农业农村", None, ("许可",)), "own-staff"),
    # 传染病防治法 art. 75: the penalty is the 动物防疫法's
    ("未经检疫出售、运输与人畜共患传染病有关的野生动物、家畜家禽的，由县级以上地方人民政府畜牧兽医行政部门责令停止违法行为，并依法给予行政处罚。",
     ("行政处罚", "县级以上地方人民政府畜牧兽医行政部门", "农业农村", None, ("处罚",)), "referral"),
    # 企业名称登记管理规定 art. 2: who is the registration authority
    ("县级以上人民政府市场监督管理部门（以下统称企业登记机关）负责中国境内设立企业的企业名称登记管理。",
     ("行政确认", "县级以上人民政府市场监督管理部门", "农业农村", None, ("登记",)), "competence-text"),
    # near misses: a fallback penalty of the text itself (明码标价和禁止价格欺诈规定 art. 24) and an
    # enterprise's equipment ordered by the department are powers
    ("交易场所提供者违反本规定第四条第二款、第三款，法律、行政法规有规定的，依照其规定；法律、行政法规没有规定的，由县级以上市场监督管理部门责令改正，可以处五万元以下罚款。",
     ("行政处罚", "县级以上市场监督管理部门", "农业农村", "可以", ("罚款",)), None),
    ("燃气经营者未按照规定配备安全设备的，由县级以上地方人民政府燃气管理部门责令改正。",
     ("其他", "县级以上地方人民政府燃气管理部门", "农业农村", None, ("责令改正",)), None),
    # 森林法实施条例 arts. 35, 44: the 木材运输证 the 2019 森林法 abolished
    ("从林区运出非国家统一调拨的木材，必须持有县级以上人民政府林业主管部门核发的木材运输证。",
     ("行政许可", "县级以上人民政府农业农村主管部门", "农业农村", None, ("许可",)), "timber-transport"),
    # near miss: 负责…登记 with a decision on the application of its own (a licence) stays
    ("设立房地产开发企业，应当向县级以上人民政府工商行政管理部门申请登记。工商行政管理部门对符合条件的，应当予以登记。",
     ("行政确认", "县级以上人民政府工商行政管理部门", "农业农村", "应当", ("登记",)), None),
    # 动物防疫法 (2021) art. 38 (一): the department asks the government, which imposes the 封锁
    ("（一）所在地县级以上地方人民政府农业农村主管部门应当立即派人到现场，划定疫点、疫区、受威胁区，调查疫源，及时报请本级人民政府对疫区实行封锁。",
     ("行政强制", "县级以上地方人民政府农业农村主管部门", "农业农村", "应当", ("封锁",)), "request"),
    # near miss: a measure the department takes itself (动物防疫法 art. 39 style) is a coercive power
    ("县级以上地方人民政府农业农村主管部门应当对疫区内染疫的动物予以扑杀、销毁。",
     ("行政强制", "县级以上地方人民政府农业农村主管部门", "农业农村", "应当", ("扑杀",)), None),
    # near miss: a coercive measure among the means is a power of its own (湿地保护法 art. 46 (四))
    ("（四）查封、扣押涉嫌违法活动的场所、设施或者财物。",
     ("行政强制", "县级以上人民政府农业农村主管部门", "农业农村", "可以", ("查封", "扣押")), None),
    # near miss: an item that is an inspection of its own (病原微生物实验室生物安全管理条例 art. 49 (三))
    ("（三）对实验室或者实验室的设立单位培训、考核其工作人员以及上岗人员的情况进行监督检查；",
     ("行政检查", "县级以上人民政府农业农村主管部门", "农业农村", None, ("监督检查",)), None),
    # 渔业资源增殖保护费征收使用办法 art. 9: a fee collected with the licence, no licence of its own
    ("县级以上地方人民政府农业农村主管部门，在批准发放捕捞许可证的同时征收渔业资源费，并在捕捞许可证上注明缴纳金额，加盖印章。",
     ("行政许可", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("批准",)), "fee-at-licence"),
    # near miss: the licence itself (渔业法 art. 23)
    ("从事捕捞作业的单位和个人，必须经县级以上地方人民政府农业农村主管部门批准，领取捕捞许可证。",
     ("行政许可", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("批准",)), None),
    # 残疾人教育条例 art. 46 para. 2: making a policy for teachers is the office's own work, no award
    ("县级以上人民政府农业农村主管部门在职务评聘、培训进修、表彰奖励等方面，应当为特殊教育教师制定优惠政策、提供专门机会。",
     ("行政奖励", "县级以上人民政府农业农村主管部门", "农业农村", "应当", ("奖励",)), "own-work"),
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
    # 农产品质量安全法 2022 art. 74 and the list's item on art. 51 of 2018: the item's conduct, whole, in the clause's
    ("农产品生产经营者冒用农产品质量标志，或者销售冒用农产品质量标志的农产品的，由县级以上地方人民政府农业农村主管部门按照职责责令改正，没收违法所得，并处罚款。",
     "对冒用农产品质量标志的处罚", True),
    # near miss: a conduct of fewer bigrams wholly inside another tells nothing (伪造、变造许可证)
    ("违反本法规定，伪造、变造许可证或者以欺骗手段取得许可证的，由县级以上人民政府农业农村主管部门处罚款。",
     "对伪造、变造许可证的处罚", False),
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
    v = g.law("甲法", "2021-01-01", {30: "（一）对被检查单位的甲设施进行检查；", 31: "县级以上人民政府农业农村主管部门应当对甲活动进行监督检查。"})
    other = g.law(cited_law if cited_law != "甲法" else "乙法", "2021-01-01", {31: "县级以上人民政府农业农村主管部门应当对乙活动进行监督检查。"})
    g.clause(article_id(v, 30), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("监督检查",),
             text="（一）对被检查单位的甲设施进行检查；")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(agri, "i", "对甲活动的监督检查", "行政检查", cite(article_id(v if cited_law == "甲法" else other, 31), f"《{cited_law}》第三十一条"))
    g.save(store)
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


# --- precision on real lists (issue 17 acceptance, issue 19 point 2) ------------------------------------------


def _revised(store, list_date):
    """矿产资源法 as loaded: the 2009 text (superseded) and the 2024-11-08 revision (in force now); 能源法 only in
    its first text of 2024-11-08; a city whose 自然资源局 list is dated ``list_date`` (None: undated)."""
    g = GraphBuilder()
    old = g.law("中华人民共和国矿产资源法", "2009-08-27", {
        39: "违反本法规定，未取得采矿许可证擅自采矿的，责令停止开采、赔偿损失，没收采出的矿产品和违法所得，可以并处罚款。"},
        status=VersionStatus.SUPERSEDED)
    new = g.law("中华人民共和国矿产资源法", "2024-11-08", {
        64: "违反本法规定，未取得采矿权开采矿产资源的，由县级以上人民政府自然资源主管部门责令停止违法行为，没收直接用于违法开采的工具、设备以及违法采出的矿产品和违法所得，并处罚款。"},
        effective="2025-07-01")
    g.supersede(new, old)
    g.clause(article_id(old, 39), "行政处罚", "县级以上人民政府地质矿产主管部门", sector="自然资源", actions=("罚款",))
    g.clause(article_id(new, 64), "行政处罚", "县级以上人民政府自然资源主管部门", sector="自然资源", actions=("罚款",))
    energy = g.law("中华人民共和国能源法", "2024-11-08", {
        73: "违反本法规定，能源企业在能源应急状态时不服从统一指挥和安排的，由县级以上人民政府自然资源主管部门责令改正，处罚款。"},
        effective="2025-01-01")
    g.clause(article_id(energy, 73), "行政处罚", "县级以上人民政府自然资源主管部门", sector="自然资源", actions=("罚款",))
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市自然资源局", "自然资源")
    g.item(dept, "i0", "无关事项", "行政许可", cite(None, "《某规定》"), list_date=list_date)
    g.save(store)


@pytest.mark.parametrize("list_date, expected", [
    # a list of 2024-06-01 is judged on the 2009 text; 能源法 was not yet in force
    ("2024-06-01", [("中华人民共和国矿产资源法", "2009-08-27", 39)]),
    # a list after the revision took effect: the 2024 text and 能源法
    ("2025-08-01", [("中华人民共和国矿产资源法", "2024-11-08", 64), ("中华人民共和国能源法", "2024-11-08", 73)]),
    # near miss: between 能源法's effective date and the revision's
    ("2025-03-01", [("中华人民共和国矿产资源法", "2009-08-27", 39), ("中华人民共和国能源法", "2024-11-08", 73)]),
    # an undated list: the versions in force now
    (None, [("中华人民共和国矿产资源法", "2024-11-08", 64), ("中华人民共和国能源法", "2024-11-08", 73)]),
])
def test_a_list_is_judged_against_the_versions_in_force_at_its_date(store, list_date, expected):
    _revised(store, list_date)
    found = sorted((f.law, f.version, f.article) for f in find_vacuums(store, government="甲市"))
    assert found == expected


def test_a_version_after_the_list_date_is_explained(store):
    _revised(store, "2024-06-01")
    notes = [f.reason for f in find_vacuums(store, government="甲市", explain=True) if f.kind == "not_vacuum"]
    assert any("《中华人民共和国能源法》（2024-11-08）自2025-01-01起施行，晚于清单日期2024-06-01；清单日期该法尚未施行" in n
               for n in notes)
    assert any("清单日期施行的是《中华人民共和国矿产资源法》（2009-08-27），按该版本判断" in n for n in notes)


# (article text, the clauses' subjects and sectors, the departments) -> vacuums left (subject of each)
TWO_SUBJECTS = [
    # 职工带薪年休假条例 art. 7: 人事部门 or 劳动保障部门, both the one 人社局: one vacuum
    ("单位不安排职工休年休假又不依照本条例规定给予年休假工资报酬的，由县级以上地方人民政府人事部门或者劳动保障部门依据职权责令限期改正。",
     (("县级以上地方人民政府人事部门", "人力资源和社会保障"), ("县级以上地方人民政府劳动保障部门", "人力资源和社会保障")),
     (("甲市人力资源和社会保障局", "人力资源和社会保障"),), ["县级以上地方人民政府人事部门"]),
    # 野生动物保护法 art. 36 (四): the clause of 其他负有…职责的部门 gives way to the 主管部门's
    ("（四）查封、扣押无合法来源证明的野生动物及其制品；",
     (("其他负有野生动物保护职责的部门", "林业和草原"), ("县级以上人民政府野生动物保护主管部门", "林业和草原")),
     (("甲市林业和草原局", "林业和草原"),), ["县级以上人民政府野生动物保护主管部门"]),
    # near miss: 基本农田保护条例 art. 29 names two departments of the city: a vacuum of each
    ("县级以上地方人民政府土地行政主管部门、农业行政主管部门对本行政区域内发生的破坏基本农田的行为，有权责令纠正。",
     (("县级以上地方人民政府土地行政主管部门", "自然资源"), ("县级以上地方人民政府农业行政主管部门", "农业农村")),
     (("甲市自然资源局", "自然资源"), ("甲市农业农村局", "农业农村")),
     ["县级以上地方人民政府农业行政主管部门", "县级以上地方人民政府土地行政主管部门"]),
]


@pytest.mark.parametrize("text, subjects, departments, expected", TWO_SUBJECTS)
def test_one_vacuum_per_provision_category_and_department(store, text, subjects, departments, expected):
    _one_law(store, {7: text}, [(7, "其他", subject, sector, None, ("责令改正",)) for subject, sector in subjects],
             departments=departments)
    found = [f for f in find_vacuums(store, government="甲市", explain=True)]
    assert sorted(f.subject for f in found if f.kind == "vacuum") == sorted(expected)
    assert len([f for f in found if f.kind == "not_vacuum"]) == len(subjects) - len(expected)


# (quote of the item's citation, what the loader found best holding it) -> is art. 36 still a vacuum?
QUOTED = [
    # 城市房地产开发经营管理条例: the list cites 第三十九条 (numbering before 2020) with the text of art. 36
    ("违反本条例规定，擅自预售商品房的，由县级以上人民政府房地产开发主管部门责令停止违法行为，没收违法所得，可以并处已收取的预付款1%以下的罚款。",
     36, False),
    # near miss: the quote is art. 39's own text: art. 36 stays a vacuum
    ("违反本条例规定，擅自变更房地产开发项目的，由县级以上人民政府房地产开发主管部门责令改正。", None, True),
    # near miss: a best match the quote does not hold either (a weak guess) covers nothing
    ("房地产开发企业应当按照规定办理手续。", 36, True),
]


@pytest.mark.parametrize("quote, best, vacuum", QUOTED)
def test_a_citation_whose_quote_stands_elsewhere_covers_that_article(store, quote, best, vacuum):
    g = GraphBuilder()
    v = g.law("城市房地产开发经营管理条例", "2020-11-29", {
        36: "违反本条例规定，擅自预售商品房的，由县级以上人民政府房地产开发主管部门责令停止违法行为，没收违法所得，可以并处已收取的预付款1%以下的罚款。",
        39: "违反本条例规定，擅自变更房地产开发项目的，由县级以上人民政府房地产开发主管部门责令改正。"}, rank=Rank.ADMINISTRATIVE_REGULATION)
    g.clause(article_id(v, 36), "行政处罚", "县级以上人民政府房地产开发主管部门", sector="住房和城乡建设", actions=("罚款",))
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市住房和城乡建设局", "住房和城乡建设")
    g.item(dept, "i", "对房地产开发企业未取得商品房预售许可擅自预售商品房的处罚", "行政处罚",
           cite(article_id(v, 39), "《城市房地产开发经营管理条例》第三十九条", quote=quote,
                quote_best_match=article_id(v, best) if best else None))
    g.save(store)
    assert [f.article for f in find_vacuums(store, government="甲市")] == ([36] if vacuum else [])


def _enabled(store, first_cites, item_law, category, item_name):
    """食品生产经营监督检查管理办法 art. 1 citing ``first_cites`` (the law it was made under), its inspection clause
    of art. 5, and an item of ``category`` on art. 110 of ``item_law``."""
    from kg.model import Citation

    g = GraphBuilder()
    rule = g.law("食品生产经营监督检查管理办法", "2021-12-24", {
        1: "为了加强和规范对食品生产经营活动的监督检查，根据《中华人民共和国食品安全法》及其实施条例等法律法规，制定本办法。",
        5: "县级以上地方市场监督管理部门应当按照规定在覆盖所有食品生产经营者的基础上，随机选取食品生产经营者、随机选派监督检查人员实施监督检查。"},
        rank=Rank.DEPARTMENT_RULE)
    for n, law in enumerate(first_cites):
        cid = g._add(Citation(id_=f"{article_id(rule, 1)}#c{n}", source=article_id(rule, 1), text=f"《{law}》", law=law))
        g._edge(article_id(rule, 1), cid, "CITES")
    g.clause(article_id(rule, 5), category, "县级以上地方市场监督管理部门", sector="市场监督管理", modality="应当",
             actions=("监督检查",))
    law = g.law(item_law, "2021-04-29", {110: "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权采取下列措施。"})
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    g.item(dept, "i", item_name, category, cite(article_id(law, 110), f"《{item_law}》第一百一十条"))
    g.save(store)


@pytest.mark.parametrize("first_cites, item_law, category, covered", [
    # the 办法 is made under 食品安全法 (its art. 1): the list's food inspection item under that law holds it
    (["中华人民共和国食品安全法"], "中华人民共和国食品安全法", "行政检查", True),
    # 档案法实施条例 art. 10 style: an award under the law the text was made under is the same award
    (["中华人民共和国食品安全法"], "中华人民共和国食品安全法", "行政奖励", True),
    # near miss: an inspection item under a law the 办法 does not name
    (["中华人民共和国食品安全法"], "中华人民共和国产品质量法", "行政检查", False),
    # near miss: art. 1 names no law
    ([], "中华人民共和国食品安全法", "行政检查", False),
])
def test_a_per_law_item_holds_the_rules_made_under_its_law(store, first_cites, item_law, category, covered):
    _enabled(store, first_cites, item_law, category, "对食品生产和加工、食品流通和餐饮服务的检查")
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


# (clause text, category, the item of another department, its category) -> covered by the general act?
GENERAL = [
    # 城市房地产管理法 art. 61: land-use right registration, now 不动产统一登记 (不动产登记暂行条例 art. 4)
    ("以出让或者划拨方式取得土地使用权，应当向县级以上地方人民政府土地管理部门申请登记，经县级以上地方人民政府土地管理部门核实，由同级人民政府颁发土地使用权证书。",
     "行政确认", "不动产统一登记", "行政确认", True),
    # 森林法实施条例 art. 4 (三): forest rights, the same registration (held by the 自然资源局, not the 林草局)
    ("使用国家所有的其他森林、林木和林地的单位和个人，应当向县级以上地方人民政府林业主管部门提出登记申请，由县级以上地方人民政府登记造册，核发证书，确认森林、林木和林地使用权。",
     "行政确认", "不动产统一登记", "行政确认", True),
    # 城市房地产管理法 art. 65: trading without a licence, held by the list's 无照经营 penalty
    ("违反本法第三十条的规定，未取得营业执照擅自从事房地产开发业务的，由县级以上人民政府工商行政管理部门责令停止房地产开发业务活动，没收违法所得，可以并处罚款。",
     "行政处罚", "对经营者未依法取得营业执照从事经营活动的处罚", "行政处罚", True),
    # 城市房地产开发经营管理条例 art. 7: registering a new enterprise is the list's 企业登记注册
    # (the Karamay 市场监管 list files it as 行政许可)
    ("设立房地产开发企业，应当向县级以上人民政府工商行政管理部门申请登记。", "行政确认", "企业登记注册", "行政许可", True),
    # near misses: a registration item of another kind; the 无照经营 item held as an inspection; an enterprise
    # registration (设立登记) that is no real-property right
    ("以出让或者划拨方式取得土地使用权，应当向县级以上地方人民政府土地管理部门申请登记。",
     "行政确认", "企业登记注册", "行政确认", False),
    ("违反本法第三十条的规定，未取得营业执照擅自从事房地产开发业务的，由县级以上人民政府工商行政管理部门责令停止房地产开发业务活动，没收违法所得，可以并处罚款。",
     "行政处罚", "对无照经营行为的检查", "行政检查", False),
    ("设立房地产开发企业，应当向县级以上人民政府工商行政管理部门申请登记。",
     "行政确认", "不动产统一登记", "行政确认", False),
    # 乳品质量安全监督管理条例 art. 49: the price supervision of one trade is the list's 对价格活动进行监督检查 (价格法 art. 33)
    ("县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈、价格串通等不正当价格行为的监督检查。",
     "行政检查", "对价格活动进行监督检查", "行政检查", True),
    # near miss: the supervision of 价格鉴证 (河南省赃物罚没物管理条例 art. 36) is no supervision of prices charged
    ("价格主管部门应当对赃物、罚没物价格鉴证工作进行监督检查。", "行政检查", "对价格活动进行监督检查", "行政检查", False),
]


@pytest.mark.parametrize("text, category, name, item_category, covered", GENERAL)
def test_a_general_item_holds_the_act_under_every_law(store, text, category, name, item_category, covered):
    _one_law(store, {61: text}, [(61, category, "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("登记",))],
             departments=(("甲市农业农村局", "农业农村"), ("甲市自然资源局", "自然资源")), items=[(1, name, item_category, None)])
    found = list(find_vacuums(store, government="甲市", explain=True))
    assert [f.kind for f in found] == (["not_vacuum"] if covered else ["vacuum"])
    if covered:
        from queries.vacuum import general_acts

        assert f"事项“{name}”已列该行为" in found[0].reason and any(act.law in found[0].reason for act in general_acts())


@pytest.mark.parametrize("text, item_name, covered", [
    # 森林法 art. 57: the licence the list's 林木采伐许可证的核发 (art. 56) grants
    ("采伐许可证由县级以上人民政府林业主管部门核发。", "林木采伐许可证的核发", True),
    # 兽药管理条例 art. 22: the same licence under its own name
    ("县级以上地方人民政府兽医行政管理部门，应当自收到申请之日起30个工作日内完成审查。审查合格的，发给兽药经营许可证。",
     "兽药经营许可证核发", True),
    # near misses: a penalty item on the licence holds no licence, and another licence is another act
    ("从事动物诊疗活动的机构，应当向县级以上地方人民政府农业农村主管部门申请动物诊疗许可证。", "对未取得动物诊疗许可证从事动物诊疗活动的处罚", False),
    ("内陆水域的捕捞许可证，由县级以上地方人民政府渔业行政主管部门批准发放。", "渔业船网工具指标审批", False),
    # 渔业资源增殖保护费征收使用办法 art. 9: the fee the list's item under 渔业法 art. 28 levies
    ("县级以上地方人民政府渔业行政主管部门，在批准发放捕捞许可证的同时征收渔业资源费。", "对渔业资源增殖保护费的征收", True),
    # 计量法实施细则 art. 8: the certificate of the list's 计量标准器具核准
    ("经考核符合本细则第七条规定条件并取得考核合格证的，由当地县级以上人民政府计量行政部门审批颁发社会公用计量标准证书后，方可使用。",
     "计量标准器具核准", True),
    # near miss: another fee of the same office (土地复垦费 is not 耕地开垦费)
    ("土地复垦义务人不复垦的，应当缴纳土地复垦费，由县级以上地方人民政府农业农村主管部门征收。", "耕地开垦费的征收", False),
])
def test_a_licence_or_fee_item_holds_the_clauses_naming_it(store, text, item_name, covered):
    clause_category = "行政征收" if text.endswith(("资源费。", "征收。")) else "行政许可"
    category = clause_category if item_name.endswith(("核发", "审批", "征收", "核准")) else "行政处罚"
    _one_law(store, {57: text, 56: "甲。"}, [(57, clause_category, "县级以上人民政府农业农村主管部门", "农业农村", None, ("许可",))],
             items=[(0, item_name, category, 56)])
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


@pytest.mark.parametrize("law, text, vacuum", [
    # 矿山安全法 art. 33 and 乡镇煤矿管理条例 art. 24: 劳动行政主管部门 there is mine safety, now the inspectorate's
    ("中华人民共和国矿山安全法", "（一）检查矿山企业和管理矿山企业的主管部门贯彻执行矿山安全法律、法规的情况；", False),
    ("乡镇煤矿管理条例", "县级以上人民政府劳动行政主管部门负责对乡镇煤矿安全工作的监督，并有权对取得矿长资格证书的矿长进行抽查。", False),
    # near miss: the same role in 劳动法 is the 人社局's
    ("中华人民共和国劳动法", "县级以上各级人民政府劳动行政部门依法对用人单位遵守劳动法律、法规的情况进行监督检查。", True),
])
def test_a_relevance_row_can_hold_in_some_laws_only(store, law, text, vacuum):
    g = GraphBuilder()
    v = g.law(law, "2009-08-27", {33: text})
    g.clause(article_id(v, 33), "行政检查", "县级以上各级人民政府劳动行政主管部门", sector="人力资源和社会保障",
             actions=("监督检查",), text=text)
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市人力资源和社会保障局", "人力资源和社会保障")
    g.item(dept, "i0", "无关事项", "行政许可", cite(None, "《某规定》"))
    g.save(store)
    assert [f.kind for f in find_vacuums(store, government="甲市")] == (["vacuum"] if vacuum else [])


# an inspection's means listed as items (the paragraph's chapeau, its items) -> the items reported as vacuums
INSPECTION_MEANS_CASES = [
    # 湿地保护法 art. 46 (一)-(三): the chapeau 进行监督检查，有权采取下列措施 grants the inspection; its means are part of it
    ("县级以上人民政府农业农村主管部门进行监督检查，有权采取下列措施：", True,
     ["（一）询问被检查单位或者个人，要求其对与监督检查事项有关的情况作出说明；", "（二）进行现场检查；",
      "（三）查阅、复制有关文件、资料；"], []),
    # 农业法 art. 88 (一): 要求…说明情况，提供有关文件
    ("县级以上人民政府农业农村主管部门执行监督检查任务时，有权采取下列措施：", True,
     ["（一）要求被检查单位或者个人说明情况，提供有关文件、证照、资料；"], []),
    # a coercive measure among the means is a power of its own (湿地保护法 art. 46 (四))
    ("县级以上人民政府农业农村主管部门进行监督检查，有权采取下列措施：", True,
     ["（二）进行现场检查；", "（四）查封、扣押涉嫌违法活动的场所、设施或者财物。"], [4]),
    # near miss: 老年人权益保障法 art. 45, 依法履行监督检查职责，可以采取以下措施 is a competence with no clause: its
    # items carry the inspection (a Karamay judge: the 民政 inspection of 养老机构 was lost)
    ("县级以上人民政府农业农村主管部门依法履行监督检查职责，可以采取以下措施：", False,
     ["（一）向养老机构和个人了解情况；", "（二）进入涉嫌违法的养老机构进行现场检查；", "（三）查阅或者复制有关合同、票据、账簿及其他有关资料；"],
     [1, 2, 3]),
]


@pytest.mark.parametrize("chapeau, chapeau_clause, items, reported", INSPECTION_MEANS_CASES)
def test_the_means_of_an_inspection_are_the_chapeaus_inspection(store, chapeau, chapeau_clause, items, reported):
    g = GraphBuilder()
    numbers = ["一二三四五六七八九".index(text[1]) + 1 for text in items]
    listed = [items[numbers.index(n)] if n in numbers else "（略）" for n in range(1, max(numbers) + 1)]
    v = g.law("甲法", "2021-01-01", {46: [chapeau + "".join(items), "前款规定的措施，应当依法实施。"]},
              items={(46, 1): listed})
    paragraph = paragraph_id(article_id(v, 46), 1)
    subject = "县级以上人民政府农业农村主管部门"
    if chapeau_clause:
        g.clause(paragraph, "行政检查", subject, sector="农业农村", actions=("监督检查",), text=chapeau)
    for number, text in zip(numbers, items):
        category = "行政强制" if "查封" in text else "行政检查"
        g.clause(item_id(paragraph, number), category, subject, sector="农业农村", actions=("监督检查",), text=text,
                 item=number)
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    g.item(g.department(gov, "甲市农业农村局", "农业农村"), "i0", "无关事项", "行政许可", cite(None, "《某规定》"))
    g.save(store)
    found = [f for f in find_vacuums(store, government="甲市") if f.kind == "vacuum"]
    assert sorted(f.item for f in found if f.item is not None) == reported
    assert any(f.item is None for f in found) == chapeau_clause


@pytest.mark.parametrize("law, text, vacuum", [
    # 森林法实施条例 (2018) art. 5: the 2019 森林法 art. 15 gives forest tenure registration to the 不动产登记机构
    ("中华人民共和国森林法实施条例",
     "集体所有的森林、林木和林地，由所有者向所在地的县级人民政府林业主管部门提出登记申请，由该县级人民政府登记造册，核发证书，确认所有权。",
     False),
    # near misses: the same words in a law no later law overrode, and another act of the same 条例
    ("中华人民共和国草原法", "集体所有的草原，由县级人民政府登记造册，核发证书，确认所有权。", True),
    ("中华人民共和国森林法实施条例", "县级以上人民政府林业主管部门应当对林木采伐进行登记。", True),
])
def test_a_registration_a_later_law_moved_is_no_vacuum(store, law, text, vacuum):
    g = GraphBuilder()
    v = g.law(law, "2018-03-19", {5: text})
    g.clause(article_id(v, 5), "行政确认", "县级人民政府林业主管部门", sector="林业和草原", actions=("登记",), text=text)
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市林业和草原局", "林业和草原")
    g.item(dept, "i0", "无关事项", "行政许可", cite(None, "《某规定》"))
    g.save(store)
    assert [f.kind for f in find_vacuums(store, government="甲市")] == (["vacuum"] if vacuum else [])
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
    from loaders.nlp.objects import conduct_of
    from queries.vacuum import CONDUCT_SIMILARITY, HeldActs, bigrams, same_conduct

    dept = {"id": "甲市/甲市农业农村局", "name": "甲市农业农村局"}
    bases = [ItemBasis({"id": f"i{n}", "name": name, "category": "行政处罚"}, dept, None)
             for n, name in enumerate(HELD_NAMES)]
    held = HeldActs(bases)
    grams = bigrams(conduct_of(text))
    for reading in (False, True):  # raw conducts, then the normalised readings (queries.conduct)
        acts = [act for act in held.get(dept["id"]) if act.reading == reading]
        can = [act for act in acts if same_conduct(grams, act.conduct) >= CONDUCT_SIMILARITY]
        kept = held.sharing(dept["id"], grams, reading)
        assert all(act in kept for act in can)
        assert kept == [act for act in acts if act in kept]  # in the acts' order, of the same kind only


# --explain with --department: a dropped clause is explained only to the department whose sector it is
@pytest.mark.parametrize("department, notes", [
    ("甲市海关", ["海关"]),  # the customs clause is dropped (vertical), and told to the customs office
    ("甲市农业农村局", []),  # near miss: the agriculture office is told nothing of the customs clause
    (None, ["海关"]),
])
def test_explain_keeps_to_the_department_asked(store, department, notes):
    _one_law(store, {5: "违反本法规定的，由海关责令改正，处一万元以下罚款。"},
             [(5, "行政处罚", "海关", "海关", None, ("罚款",))],
             departments=(("甲市农业农村局", "农业农村"), ("甲市海关", "海关")))
    found = find_vacuums(store, government="甲市", department=department, complete=True, explain=True)
    assert [f.subject for f in found if f.kind == "not_vacuum"] == notes


# --- conduct normalisation (queries.conduct, ontology/conduct_terms.csv) and the acts a list names ------------

# (clause text of 甲法 art. 30, item name (resting on another law, or on no article), covered?)
READINGS = [
    # 湿地保护法 art. 54 and the 林草 list's item under the 新疆 regulation: a bracketed alternative, 自然湿地
    ("违反本法规定，开（围）垦、填埋自然湿地的，由县级以上人民政府农业农村主管部门责令停止违法行为，处罚款。",
     "对开垦、填埋湿地的处罚", True),
    # 地质灾害防治条例 art. 46 style and a list's wording: modifiers, synonyms (损毁/损坏), connectives
    ("违反本法规定，侵占、损毁、损坏地质环境监测设施的，由县级以上人民政府农业农村主管部门责令停止违法行为，处罚款。",
     "对单位或者个人违反规定、侵占、损坏或者擅自移动地质环境监测设施的处罚", True),
    # near miss: 药品管理法 art. 118 (personal sanctions) and the item on 生产、销售劣药 (art. 117): a short reading
    # names one act only as a whole
    ("生产、销售假药，或者生产、销售劣药且情节严重的，对法定代表人处罚款，由县级以上人民政府农业农村主管部门处罚款。",
     "对生产、销售劣药的处罚", False),
    # near miss: the same modifiers, another act (开垦 vs 排放蓄水)
    ("违反本法规定，开（围）垦、填埋自然湿地的，由县级以上人民政府农业农村主管部门责令停止违法行为，处罚款。",
     "对未经批准在湿地内排放蓄水、修建阻水或者排水设施的处罚", False),
]


@pytest.mark.parametrize("text, name, covered", READINGS)
def test_a_normalised_conduct_covers_a_vacuum(store, text, name, covered):
    _one_law(store, {30: text}, [(30, "行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",))],
             items=[(0, name, "行政处罚", None)])
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


def _listing_law(store, item_name, item_article):
    """甲法 art. 70 listing its conducts in items (农产品质量安全法 2022 art. 70), art. 71 another conduct, an item."""
    from kg.model import Provision, ProvisionKind, item_id

    g = GraphBuilder()
    chapeau = "违反本法规定，农产品生产经营者有下列行为之一的，由县级以上地方人民政府农业农村主管部门处罚款："
    listed = ["（一）在农产品生产经营过程中使用国家禁止使用的农业投入品或者其他有毒有害物质；",
              "（二）销售含有国家禁止使用的农药、兽药或者其他化合物的农产品；"]
    v = g.law("甲法", "2021-01-01", {70: chapeau + "\n" + "\n".join(listed),
                                    71: "违反本法规定，销售不符合农产品质量安全标准的农产品的，由县级以上地方人民政府农业农村主管部门处罚款。"})
    a70 = article_id(v, 70)
    for n, text in enumerate(listed, start=1):
        g._add(Provision(id_=item_id(a70, n), version=v, kind=ProvisionKind.ITEM, number=n, text=text, article=70, item=n))
        g._edge(a70, item_id(a70, n), "CONTAINS")
    g.clause(a70, "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",), text=chapeau)
    g.clause(article_id(v, 71), "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",),
             text="违反本法规定，销售不符合农产品质量安全标准的农产品的，由县级以上地方人民政府农业农村主管部门处罚款。")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(dept, "i0", item_name, "行政处罚",
           cite(article_id(v, item_article), f"《甲法》第{item_article}条") if item_article else cite(None, "《某办法》第二十三条"))
    g.save(store)


@pytest.mark.parametrize("name, article, vacuums", [
    # the 农业 list's item under the 新疆 implementing rules holds (二) of the article's list
    ("对销售含有国家禁止使用的农药、兽药、渔药或者其他化学物质等行为的处罚", None, [71]),
    # near miss: an item resting on art. 71 of the same law holds art. 71's conduct, not art. 70's list
    ("对销售含有国家禁止使用的农药、兽药、渔药或者其他化学物质等行为的处罚", 71, [70]),
])
def test_an_item_holding_one_of_the_conducts_a_clause_lists_in_its_items(store, name, article, vacuums):
    _listing_law(store, name, article)
    assert [f.article for f in find_vacuums(store, government="甲市")] == vacuums


# (licence clause text, the list's licence item) -> covered?  ontology/named_acts.csv
NAMED = [
    # 大中型水利水电工程建设征地补偿和移民安置条例 art. 23 and 临时用地审批 (土地管理法 art. 57)
    ("大中型水利水电工程建设临时用地，由县级以上人民政府农业农村主管部门批准。", "临时用地审批", True),
    # 森林法实施条例 art. 18 (占用林地) and 建设项目使用林地…审批 (占用/使用: ontology/conduct_terms.csv)
    ("森林经营单位在所经营的林地范围内修筑直接为林业生产服务的工程设施，需要占用林地的，由县级以上人民政府农业农村主管部门批准。",
     "建设项目使用林地及在森林和野生动物保护类型国家级自然保护区建设审批", True),
    # 草原防火条例 art. 22 para. 3 and the 林草 list's entry approval
    ("进入草原防火管制区的车辆，应当取得县级以上地方人民政府农业农村主管部门颁发的草原防火通行证，并服从防火管制。",
     "进入森林高火险区、草原防火管制区审批", True),
    # near miss: another approval of land
    ("大中型水利水电工程建设临时用地，由县级以上人民政府农业农村主管部门批准。", "建设项目用地预审与选址意见书核发", False),
]


@pytest.mark.parametrize("text, name, covered", NAMED)
def test_a_licence_item_naming_the_use_or_area_covers_a_vacuum(store, text, name, covered):
    _one_law(store, {18: text}, [(18, "行政许可", "县级以上人民政府农业农村主管部门", "农业农村", None, ("批准",))],
             items=[(0, name, "行政许可", None)])
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


@pytest.mark.parametrize("cites_other, vacuums", [
    # 农产品质量安全法 (2022) art. 60: 依照本法和《中华人民共和国食品安全法》…进行监督检查, held by the 食品安全法 inspection item
    (True, []),
    # near miss: an inspection clause naming no other law is not held by another law's inspection item
    (False, ["vacuum"]),
])
def test_an_inspection_under_another_law_is_held_by_that_laws_inspection_item(store, cites_other, vacuums):
    g = GraphBuilder()
    text = ("县级以上地方人民政府市场监督管理部门依照本法和《乙法》等法律、法规的规定，对农产品进入批发、零售市场后的生产经营活动进行监督检查。"
            if cites_other else "县级以上地方人民政府市场监督管理部门对农产品进入批发、零售市场后的生产经营活动进行监督检查。")
    v = g.law("甲法", "2022-09-02", {60: text})
    other = g.law("乙法", "2021-04-29", {110: "县级以上人民政府食品安全监督管理部门有权对生产经营者进行监督检查。"})
    g.clause(article_id(v, 60), "行政检查", "县级以上地方人民政府市场监督管理部门", sector="市场监督管理", text=text,
             actions=("监督检查",))
    if cites_other:  # the statute loader's citation of 《乙法》 inside the article
        from kg.model import Citation, CitationStatus

        cid = g._add(Citation(id_=f"{article_id(v, 60)}#c1", source=article_id(v, 60), text="《乙法》", law="乙法",
                              status=CitationStatus.UNPARSED))
        g._edge(article_id(v, 60), cid, "CITES")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    g.item(dept, "i0", "对食品生产经营的检查", "行政检查", cite(article_id(other, 110), "《乙法》第一百一十条"))
    g.save(store)
    assert [f.kind for f in find_vacuums(store, government="甲市")] == vacuums


@pytest.mark.parametrize("text, name, category, covered", [
    # 计量法实施细则 arts. 23 (四), 28 (四) and the list's 对计量纠纷的调解和仲裁检定 (filed 行政裁决)
    ("（四）进行计量认证，组织仲裁检定，调解计量纠纷；", "对计量纠纷的调解和仲裁检定", "行政裁决", True),
    ("（四）被授权单位成为计量纠纷中当事人一方时，在双方协商不能自行解决的情况下，由县级以上有关人民政府农业农村主管部门进行调解和仲裁检定。",
     "对计量纠纷的调解和仲裁检定", "行政裁决", True),
    # near miss: another dispute
    ("（四）进行计量认证，组织仲裁检定，调解计量纠纷；", "对专利纠纷的调解", "其他", False),
])
def test_the_metrology_arbitration_item_holds_every_arbitration_clause(store, text, name, category, covered):
    _one_law(store, {23: text}, [(23, "行政确认", "县级以上人民政府农业农村主管部门", "农业农村", None, ("登记",))],
             items=[(0, name, category, None)])
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


@pytest.mark.parametrize("text, expected", [
    ("开（围）垦、填埋自然湿地", "开垦、填埋湿地"),  # 湿地保护法 art. 54
    ("违反本条例规定，侵占、损毁地质灾害监测设施", "，侵占、损坏地质灾害监测设施"),  # 地质灾害防治条例 art. 46
    ("未经批准在湿地内采泥炭", "在湿地内采泥炭"),  # the 新疆 list's wetland item
    ("销售含有禁用药物的农产品", "销售含有禁止使用药物的农产品"),
    ("生产、销售劣药", "生产、销售劣药"),  # near miss: nothing to normalise
    ("未及时报告的，降低资质等级", "未及时报告的，降低资质等级"),  # near miss: 及, 等 inside words are no connectives
])
def test_conduct_normalisation(text, expected):
    from queries.conduct import normalise_conduct

    assert normalise_conduct(text) == expected


def test_a_bad_conduct_terms_row_is_a_clear_error(monkeypatch):
    import queries.conduct as conduct

    class Files:
        def joinpath(self, name):
            return self

        def read_text(self, encoding):
            return "kind,pattern,replacement,reason,example\nsynonyme,甲,乙,x,y\n"

    conduct.conduct_terms.cache_clear()
    import ontology
    monkeypatch.setattr(ontology.resources, "files", lambda package: Files())  # the bundled tables are read there
    with pytest.raises(ValueError, match="line 2: unknown kind 'synonyme'"):
        conduct.conduct_terms()
    conduct.conduct_terms.cache_clear()


@pytest.mark.parametrize("cited, vacuums", [
    # the 住建 list's 建筑节能检查 cites 《民用建筑节能条例》 without an article: it holds art. 34's inspection
    ("甲法", []),
    # near miss: a per-law inspection item of another law
    ("乙法", ["vacuum"]),
])
def test_a_per_law_inspection_item_citing_the_law_alone_holds_its_inspections(store, cited, vacuums):
    g = GraphBuilder()
    text = "县级以上地方人民政府建设主管部门应当对本行政区域内供热单位的能源消耗情况进行调查统计和分析，并监督实施。"
    v = g.law("甲法", "2008-08-01", {34: text})
    g.law("乙法", "2017-03-01", {20: "县级以上地方人民政府建设主管部门应当加强监督检查。"})
    g.clause(article_id(v, 34), "行政检查", "县级以上地方人民政府建设主管部门", sector="住房和城乡建设", text=text,
             actions=("监督检查",))
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市住房和城乡建设局", "住房和城乡建设")
    version = "甲法/2008-08-01" if cited == "甲法" else "乙法/2017-03-01"
    g.item(dept, "i0", "建筑节能检查", "行政检查", cite(None, f"《{cited}》", law=cited, version=version, status="resolved"))
    g.save(store)
    found = list(find_vacuums(store, government="甲市", explain=True))
    assert [f.kind for f in found if f.kind == "vacuum"] == vacuums
    if not vacuums:
        assert any("以《甲法》" in f.reason for f in found if f.kind == "not_vacuum")


# --- issue 17/19 judged samples: a role's function moved by the 2018 reform, the same power under another law ----

# (clause: sector, category, subject, text; the list's date) -> the sector that holds it (ontology/reform_functions.csv)
REFORMED = [
    # 乳品质量安全监督管理条例 art. 49: price supervision, 市场监督管理's since the 2018 reform
    ("发展和改革", "行政检查", "县级以上人民政府价格主管部门",
     "县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈、价格串通等不正当价格行为的监督检查。",
     "2024-06-01", "市场监督管理"),
    # 价格法 art. 39: a price penalty, even one on government-set prices, is enforcement
    ("发展和改革", "行政处罚", "价格主管部门",
     "经营者不执行政府指导价、政府定价以及法定的价格干预措施、紧急措施的，责令改正，没收违法所得，可以并处违法所得五倍以下的罚款。",
     "2024-06-01", "市场监督管理"),
    # near misses: a list dated before the reform; 价格鉴证 (河南省赃物罚没物管理条例 art. 36) and 价格监测
    # (青岛市价格监测条例 art. 26) stayed with 发展和改革; the setting of a fee is no enforcement category
    ("发展和改革", "行政检查", "县级以上人民政府价格主管部门",
     "县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈、价格串通等不正当价格行为的监督检查。",
     "2017-12-31", "发展和改革"),
    ("发展和改革", "行政检查", "价格主管部门", "价格主管部门应当对赃物、罚没物价格鉴证工作进行监督检查。", "2024-06-01", "发展和改革"),
    ("发展和改革", "行政检查", "价格主管部门", "价格主管部门实施专项调查，应当制定专项调查工作方案，确定调查内容。（价格监测）",
     "2024-06-01", "发展和改革"),
    ("发展和改革", "行政征收", "价格主管部门", "实行政府定价的经营性公共停车场，由价格主管部门会同城市管理部门制定收费标准。",
     "2024-06-01", "发展和改革"),
    # a clause of 发展和改革 whose subject is no price body (an energy duty) keeps its sector
    ("发展和改革", "行政检查", "县级以上人民政府能源主管部门", "县级以上人民政府能源主管部门应当对煤炭洗选进行监督检查。",
     "2024-06-01", "发展和改革"),
]


@pytest.mark.parametrize("sector, category, subject, text, date, expected", REFORMED)
def test_a_reform_moves_a_function_of_a_role_to_another_sector(sector, category, subject, text, date, expected):
    from types import SimpleNamespace

    from queries.roles import reformed_sector

    clause = SimpleNamespace(sector=sector, category=category, subject=subject, text=text)
    assert reformed_sector(clause, date) == expected


@pytest.mark.parametrize("price_item, vacuum_of", [
    # the 市场监管 list's 对价格活动进行监督检查 (价格法 art. 33) holds the price supervision of every law
    ("对价格活动进行监督检查", None),
    # near miss: without it the vacuum is 市场监管's, not the 发改委's, which kept only the setting of prices
    ("对价格监测定点单位的指定", "甲市市场监督管理局"),
])
def test_price_supervision_is_the_market_regulators_since_2018(store, price_item, vacuum_of):
    text = "县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈、价格串通等不正当价格行为的监督检查。"
    _one_law(store, {49: text}, [(49, "行政检查", "县级以上人民政府价格主管部门", "发展和改革", "应当", ("监督检查",))],
             departments=(("甲市发展和改革委员会", "发展和改革"), ("甲市市场监督管理局", "市场监督管理")),
             items=[(1, price_item, "行政检查", None)])
    found = [f for f in find_vacuums(store, government="甲市") if f.kind == "vacuum"]
    assert [f.department for f in found] == ([vacuum_of] if vacuum_of else [])
    assert all(f.sector == "市场监督管理" for f in found)


_ARCHIVES_48 = ("国家档案馆违反国家规定擅自扩大或者缩小档案接收范围的，或者不按照国家规定开放、提供利用档案的，由县级以上档案主管部门"
                "责令限期改正；情节严重的，由有关机关对负有责任的领导人员和直接责任人员依法给予处分。")
_SCHOOLS_64 = ("同时举办或者实际控制多所民办学校的举办者或者实际控制人违反本条例规定，对所举办或者实际控制的民办学校疏于管理，造成恶劣影响的，"
               "由县级以上档案主管部门责令限期整顿；拒不整改或者整改后仍发生同类问题的，1至5年内不得举办新的民办学校。")


# (the 其他 clause of 甲法实施条例, the item's category and the law of the article it rests on) -> vacuum?
CORRECTIONS = [
    # 档案法实施条例 art. 48: an order to correct, held by the archive bureau's 档案工作监督检查 (档案法 art. 42)
    (_ARCHIVES_48, "行政检查", "甲法", False),
    (_ARCHIVES_48, "行政检查", "甲法实施条例", False),
    # near misses: an inspection under another law; a penalty item (it holds only the article it rests on);
    # a clause doing more than order correction (民办教育促进法实施条例 art. 64 ¶2: 限期整顿, 1至5年内不得举办),
    # which the extractor reads as 责令改正 too
    (_ARCHIVES_48, "行政检查", "乙法", True),
    (_ARCHIVES_48, "行政处罚", "甲法", True),
    (_SCHOOLS_64, "行政检查", "甲法", True),
]


@pytest.mark.parametrize("text, item_category, item_law, vacuum", CORRECTIONS)
def test_an_order_to_correct_is_held_by_the_inspection_of_its_law(store, text, item_category, item_law, vacuum):
    g = GraphBuilder()
    inspection = "档案主管部门可以对档案馆和机关、团体、企业事业单位以及其他组织的下列情况进行检查："
    regulation = g.law("甲法实施条例", "2024-01-12", {48: text, 42: inspection}, rank=Rank.ADMINISTRATIVE_REGULATION)
    g.clause(article_id(regulation, 48), "其他", "县级以上档案主管部门", sector="档案", actions=("责令改正",), text=text)
    law = regulation if item_law == "甲法实施条例" else g.law(item_law, "2020-06-20", {42: inspection})
    g.clause(article_id(law, 42), item_category, "档案主管部门", sector="档案", actions=("监督检查",), text=inspection)
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市档案局", "档案")
    g.item(dept, "i", "档案工作监督检查", item_category, cite(article_id(law, 42), f"《{item_law}》第四十二条"))
    g.save(store)
    found = [f for f in find_vacuums(store, government="甲市", explain=True) if f.provision == article_id(regulation, 48)]
    assert [f.kind for f in found] == (["vacuum"] if vacuum else ["not_vacuum"])
    if not vacuum:
        assert "责令改正随其行政检查行使" in found[0].reason


_ACCIDENT_REGULATION = "一般事故由设区的市的特种设备安全监督管理部门会同有关部门组织事故调查组进行调查。"
_ACCIDENT_LAW = {3: "发生较大事故，由省、自治区、直辖市人民政府负责特种设备安全监督管理的部门会同有关部门组织事故调查组进行调查。",
                 4: "发生一般事故，由设区的市级人民政府负责特种设备安全监督管理的部门会同有关部门组织事故调查组进行调查。"}


@pytest.mark.parametrize("paragraph, item_category, vacuum", [
    # 特种设备安全监察条例 art. 67 ¶4 is 特种设备安全法 art. 72 ¶4: the list's item (filed as 其他) holds it
    (4, "其他", False),
    (4, "行政检查", False),
    # near misses: the 较大事故 of ¶3 (the province's); the same text filed as a licence is another act
    (3, "其他", True),
    (4, "行政许可", True),
])
def test_a_power_stated_in_two_laws_is_held_by_an_item_on_either(store, paragraph, item_category, vacuum):
    g = GraphBuilder()
    regulation = g.law("特种设备安全监察条例", "2009-01-24", {67: ["甲。", "乙。", "丙。", _ACCIDENT_REGULATION]},
                       rank=Rank.ADMINISTRATIVE_REGULATION)
    law = g.law("中华人民共和国特种设备安全法", "2013-06-29", {72: ["甲。", "乙。", _ACCIDENT_LAW[3], _ACCIDENT_LAW[4]]})
    g.clause(paragraph_id(article_id(regulation, 67), 4), "行政检查", "设区的市的特种设备安全监督管理部门", level="设区的市级",
             sector="市场监督管理", actions=("监督检查",), text=_ACCIDENT_REGULATION)
    subjects = {3: "省、自治区、直辖市人民政府负责特种设备安全监督管理的部门", 4: "设区的市级人民政府负责特种设备安全监督管理的部门"}
    g.clause(paragraph_id(article_id(law, 72), paragraph), "行政检查", subjects[paragraph], sector="市场监督管理",
             actions=("监督检查",), text=_ACCIDENT_LAW[paragraph])
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    g.item(dept, "i", "对特种设备发生事故时组织调查", item_category,
           cite(paragraph_id(article_id(law, 72), paragraph), "《特种设备安全法》第七十二条"))
    g.save(store)
    found = [f.kind for f in find_vacuums(store, government="甲市") if f.law == "特种设备安全监察条例"]
    assert found == (["vacuum"] if vacuum else [])


# Orders to public bodies enforced by 处分 (relevance row public-body): internal supervision, no power over the public
PUBLIC_BODIES = [
    # 事业单位人事管理条例 art. 41
    ("事业单位违反本条例规定的，由县级以上事业单位人事综合管理部门或者主管部门责令限期改正；逾期不改正的，对直接负责的主管人员和"
     "其他直接责任人员依法给予处分。", "public-body"),
    # near misses: 军人地位和权益保障法 art. 64 orders 企业事业单位 and others (the public too); an order with a fine
    ("群团组织、企业事业单位、社会组织和其他组织违反本法规定，不履行优待义务的，由有关部门责令改正；对直接负责的主管人员和其他直接"
     "责任人员，依法给予处分。", None),
    ("事业单位违反本条例规定的，由县级以上事业单位人事综合管理部门责令限期改正，处一万元以下罚款；对直接负责的主管人员依法给予处分。", None),
]


@pytest.mark.parametrize("text, rule", PUBLIC_BODIES)
def test_an_order_to_a_public_body_enforced_by_discipline_is_no_vacuum(store, text, rule):
    _one_law(store, {41: text}, [(41, "其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令改正",))])
    found = list(find_vacuums(store, government="甲市", explain=True))
    assert [f.kind for f in found] == (["not_vacuum"] if rule else ["vacuum"])
    if rule:
        assert "公共部门内部管理的层级监督" in found[0].reason and "公职人员政务处分法" in found[0].reason


# A licence the 本级人民政府 issues (relevance kind government): the government's, not its department's
GOVERNMENT_ISSUES = [
    # 渔业法 art. 11: the fishery department takes the application, the government issues the 养殖证
    ("单位和个人使用国家规划确定用于养殖业的全民所有的水域、滩涂的，使用者应当向县级以上地方人民政府渔业行政主管部门提出申请，"
     "由本级人民政府核发养殖证，许可其使用该水域、滩涂从事养殖生产。", "人民政府"),
    # near miss: 渔业法实施细则 art. 15 ¶4, the department issues the 捕捞许可证 itself
    ("内陆水域的捕捞许可证，由县级以上地方人民政府渔业行政主管部门批准发放。", "农业农村"),
]


@pytest.mark.parametrize("text, sector", GOVERNMENT_ISSUES)
def test_a_licence_the_government_issues_is_the_governments(store, text, sector):
    _one_law(store, {11: text}, [(11, "行政许可", "县级以上地方人民政府渔业行政主管部门", "农业农村", "应当", ("核发",))])
    found = [(f.kind, f.sector) for f in find_vacuums(store, government="甲市")]
    # the government's own list is not loaded: the clause is counted in its sector's note, not as the bureau's vacuum
    assert found == ([("vacuum_sector", "人民政府")] if sector == "人民政府" else [("vacuum", "农业农村")])
    complete = [(f.kind, f.sector, f.department) for f in find_vacuums(store, government="甲市", complete=True)]
    assert complete == [("vacuum", sector, None if sector == "人民政府" else "甲市农业农村局")]


_DEVICE_13 = ("设区的市级负责药品监督管理的部门自受理经营许可申请后，应当对申请资料进行审查，必要时按照医疗器械经营质量管理规范的要求"
              "开展现场核查，并自受理之日起20个工作日内作出决定。")


@pytest.mark.parametrize("rank, first_cites, item_name, item_law, vacuum", [
    # 医疗器械经营监督管理办法 art. 13 (a 部门规章 made under 医疗器械监督管理条例): the review of the licence the list holds
    # as 第三类医疗器械经营许可 on 条例 art. 42
    (Rank.DEPARTMENT_RULE, ["医疗器械监督管理条例"], "第三类医疗器械经营许可", "医疗器械监督管理条例", False),
    # near misses: a licence item naming another subject; a licence item on a law the rule was not made under;
    # a 行政法规 (it may set a licence of its own, 行政许可法 art. 14)
    (Rank.DEPARTMENT_RULE, ["医疗器械监督管理条例"], "第二类医疗器械生产许可", "医疗器械监督管理条例", True),
    (Rank.DEPARTMENT_RULE, [], "第三类医疗器械经营许可", "医疗器械监督管理条例", True),
    (Rank.ADMINISTRATIVE_REGULATION, ["医疗器械监督管理条例"], "第三类医疗器械经营许可", "医疗器械监督管理条例", True),
])
def test_a_rules_licence_clause_is_held_by_the_licence_item_of_the_law_it_implements(store, rank, first_cites, item_name,
                                                                                      item_law, vacuum):
    from kg.model import Citation

    g = GraphBuilder()
    rule = g.law("医疗器械经营监督管理办法", "2022-03-10", {
        1: "为了加强医疗器械经营监督管理，规范医疗器械经营活动，根据《医疗器械监督管理条例》，制定本办法。", 13: _DEVICE_13}, rank=rank)
    for n, law in enumerate(first_cites):
        cid = g._add(Citation(id_=f"{article_id(rule, 1)}#c{n}", source=article_id(rule, 1), text=f"《{law}》", law=law))
        g._edge(article_id(rule, 1), cid, "CITES")
    g.clause(article_id(rule, 13), "行政许可", "设区的市级负责药品监督管理的部门", level="设区的市级", sector="药品监督管理",
             modality="应当", actions=("许可",), text=_DEVICE_13)
    parent = g.law(item_law, "2021-02-09", {42: "从事第三类医疗器械经营的，经营企业应当向所在地设区的市级人民政府负责药品监督管理的部门申请经营许可。"},
                   rank=Rank.ADMINISTRATIVE_REGULATION)
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市市场监督管理局", "市场监督管理", "药品监督管理")
    g.item(dept, "i", item_name, "行政许可", cite(article_id(parent, 42), f"《{item_law}》第四十二条"))
    g.save(store)
    found = [f for f in find_vacuums(store, government="甲市", explain=True) if f.law == "医疗器械经营监督管理办法"]
    assert [f.kind for f in found] == (["vacuum"] if vacuum else ["not_vacuum"])
    if not vacuum:
        assert "规章不设定许可" in found[0].reason and "第三类医疗器械经营许可" in found[0].reason


_SEISMIC_35 = ["县级以上人民政府住房和城乡建设主管部门和其他有关监督管理部门履行建设工程抗震监督管理职责时，有权采取以下措施：",
               "（五）查封涉嫌违反抗震设防强制性标准的施工现场；",
               "（六）发现可能影响抗震质量的问题时，责令相关单位进行必要的检测、鉴定。"]


@pytest.mark.parametrize("head, item_law, vacuums", [
    # 建设工程抗震管理条例 art. 35 (made under 防震减灾法): the order of (六) is made in the 抗震设防 inspection the list
    # holds on 防震减灾法 art. 76; the 查封 of (五) is a coercive power of its own and stays
    (_SEISMIC_35[0], "中华人民共和国防震减灾法", [5]),
    # near misses: an inspection item on a law the regulation was not made under; a head that is no inspection's
    (_SEISMIC_35[0], "中华人民共和国城乡规划法", [5, 6]),
    ("县级以上人民政府住房和城乡建设主管部门可以依法采取以下措施：", "中华人民共和国防震减灾法", [5, 6]),
])
def test_an_order_among_an_inspections_measures_is_held_by_its_inspection_item(store, head, item_law, vacuums):
    from kg.model import Citation

    g = GraphBuilder()
    regulation = g.law("建设工程抗震管理条例", "2021-07-19", {
        1: "为了提升建设工程抗御地震破坏的能力，根据《中华人民共和国建筑法》、《中华人民共和国防震减灾法》等法律，制定本条例。",
        35: [head, _SEISMIC_35[1], _SEISMIC_35[2]]}, rank=Rank.ADMINISTRATIVE_REGULATION)
    cid = g._add(Citation(id_=f"{article_id(regulation, 1)}#c0", source=article_id(regulation, 1), text="《中华人民共和国防震减灾法》",
                          law="中华人民共和国防震减灾法"))
    g._edge(article_id(regulation, 1), cid, "CITES")
    subject = "县级以上人民政府住房和城乡建设主管部门"
    g.clause(paragraph_id(article_id(regulation, 35), 2), "行政强制", subject, sector="住房和城乡建设", actions=("查封",),
             text=_SEISMIC_35[1], item=5)
    g.clause(paragraph_id(article_id(regulation, 35), 3), "其他", subject, sector="住房和城乡建设", actions=("责令检测",),
             text=_SEISMIC_35[2], item=6)
    law = g.law(item_law, "2008-12-27", {76: "县级以上人民政府住房城乡建设主管部门应当按照职责分工，加强对工程建设强制性标准、抗震设防要求执行情况的监督检查。"})
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市住房和城乡建设局", "住房和城乡建设")
    g.item(dept, "i", "对工程建设强制性标准、抗震设防要求执行情况的检查", "行政检查", cite(article_id(law, 76), f"《{item_law}》第七十六条"))
    g.save(store)
    found = list(find_vacuums(store, government="甲市", explain=True))
    assert [f.item for f in found if f.kind == "vacuum"] == vacuums
    if 6 not in vacuums:
        assert any(f.item == 6 and "检查中采取的该项措施随其行政检查行使" in f.reason for f in found if f.kind == "not_vacuum")


# Limits on licences set elsewhere and the lesser order for an innocent seller (relevance rows licence-limit,
# innocent-seller): no power of their own
LIMITS = [
    # 渔业法 art. 24 ¶2: the licences of art. 23 must fit the catch quota
    ("县级以上地方人民政府渔业行政主管部门批准发放的捕捞许可证，应当与上级人民政府渔业行政主管部门下达的捕捞限额指标相适应。",
     ("行政许可", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("批准",)), "licence-limit"),
    # near miss: 渔业法 art. 23 itself
    ("从事捕捞作业的单位和个人，必须经县级以上地方人民政府渔业行政主管部门批准，领取捕捞许可证。",
     ("行政许可", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("批准",)), None),
    # 专利法实施细则 art. 101 ¶3, 商标法实施条例 art. 80: the seller who proves a lawful source is only ordered to stop
    ("销售不知道是假冒专利的产品，并且能够证明该产品合法来源的，由县级以上负责专利执法的部门责令停止销售。",
     ("其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令停止销售",)), "innocent-seller"),
    ("销售不知道是侵犯注册商标专用权的商品，能证明该商品是自己合法取得并说明提供者的，由工商行政管理部门责令停止销售。",
     ("其他", "县级以上人民政府农业农村主管部门", "农业农村", None, ("责令停止销售",)), "innocent-seller"),
    # near miss: the penalty of the paragraph before (the seller who knew)
    ("假冒专利的，除依法承担民事责任外，由县级以上负责专利执法的部门责令改正并予公告，没收违法所得，可以处违法所得5倍以下的罚款。",
     ("行政处罚", "县级以上人民政府农业农村主管部门", "农业农村", None, ("罚款",)), None),
]


@pytest.mark.parametrize("text, clause, rule", LIMITS)
def test_a_limit_on_a_licence_or_a_lesser_order_is_no_power(store, text, clause, rule):
    test_relevance_drops_what_no_local_government_exercises(store, text, clause, rule)


@pytest.mark.parametrize("text, item_name, item_category, covered", [
    # 强制检定的工作计量器具检定管理办法 art. 10 (行政确认 to the extractor) is the authorisation the list holds as a
    # licence (承担国家法定计量检定机构任务授权, 计量法 art. 20)
    ("县级以上人民政府计量行政部门按照有利于管理、方便生产和使用的原则，结合本地区的实际情况，可以授权有关单位的计量检定机构在规定的范围内"
     "执行强制检定工作。", "承担国家法定计量检定机构任务授权", "行政许可", True),
    ("县级以上人民政府计量行政部门按照有利于管理、方便生产和使用的原则，结合本地区的实际情况，可以授权有关单位的计量检定机构在规定的范围内"
     "执行强制检定工作。", "承担国家法定计量检定机构任务授权", "行政确认", True),
    # near misses: an item of another category; a clause naming authorised bodies without authorising (…授权的计量检定机构)
    ("县级以上人民政府计量行政部门按照有利于管理、方便生产和使用的原则，结合本地区的实际情况，可以授权有关单位的计量检定机构在规定的范围内"
     "执行强制检定工作。", "承担国家法定计量检定机构任务授权", "行政检查", False),
    ("县级以上人民政府计量行政部门应当按照经济合理、就地就近的原则，指定所属或者授权的计量检定机构执行强制检定任务。",
     "承担国家法定计量检定机构任务授权", "行政许可", False),
])
def test_an_authorisation_item_holds_it_under_either_category(store, text, item_name, item_category, covered):
    _one_law(store, {10: text}, [(10, "行政确认", "县级以上人民政府计量行政部门", "市场监督管理", "可以", ("授权",))],
             items=[(0, item_name, item_category, None)], departments=(("甲市市场监督管理局", "市场监督管理"),))
    assert [f.kind for f in find_vacuums(store, government="甲市")] == ([] if covered else ["vacuum"])


_PRODUCE_71 = ["违反本法规定，农产品生产经营者有下列行为之一，尚不构成犯罪的，由县级以上地方人民政府农业农村主管部门责令停止生产经营、"
               "追回已经销售的农产品，没收违法所得，并处五万元以上十万元以下罚款：",
               "（一）销售农药、兽药等化学物质残留或者含有的重金属等有毒有害物质不符合农产品质量安全标准的农产品；",
               "（二）销售含有的致病性寄生虫、微生物或者生物毒素不符合农产品质量安全标准的农产品；",
               "（三）销售其他不符合农产品质量安全标准的农产品。"]
_PRODUCE_2018_50 = ("农产品生产企业、农民专业合作经济组织销售的农产品有本法第三十三条第一项至第三项或者第五项所列情形之一的，责令停止销售，"
                    "追回已经销售的农产品，没收违法所得，并处二千元以上二万元以下罚款。")


@pytest.mark.parametrize("duty, duty_law, item_category, vacuum", [
    # 农产品质量安全法 2022 art. 71: the list punishes the sale of what 2018 art. 33 (二) bars (with the penalty of
    # art. 50, which the alignment of the two versions paired with nothing): a stale basis, not a vacuum
    ("（二）农药、兽药等化学物质残留或者含有的重金属等有毒有害物质不符合农产品质量安全标准的；", "中华人民共和国农产品质量安全法",
     "行政处罚", False),
    # near misses: the residual item (（五）其他不符合…的) lies in any such conduct; the same words in an older version of
    # another law; an inspection item citing the duty
    ("（五）其他不符合农产品质量安全标准的。", "中华人民共和国农产品质量安全法", "行政处罚", True),
    ("（二）农药、兽药等化学物质残留或者含有的重金属等有毒有害物质不符合农产品质量安全标准的；", "中华人民共和国乙法", "行政处罚", True),
    ("（二）农药、兽药等化学物质残留或者含有的重金属等有毒有害物质不符合农产品质量安全标准的；", "中华人民共和国农产品质量安全法",
     "行政检查", True),
])
def test_an_item_on_an_older_versions_duty_holds_the_new_versions_penalty(store, duty, duty_law, item_category, vacuum):
    g = GraphBuilder()
    law = "中华人民共和国农产品质量安全法"
    old = g.law(duty_law, "2018-10-26", {33: duty, 50: _PRODUCE_2018_50}, status=VersionStatus.SUPERSEDED)
    new = g.law(law, "2022-09-02", {71: _PRODUCE_71})
    g.clause(article_id(new, 71), "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",),
             text=_PRODUCE_71[0])
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    dept = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(dept, "i", "对农产品生产企业、农民专业合作经济组织销售不合格农产品的处罚", item_category,
           cite(article_id(old, 33), "第三十三条"), cite(article_id(old, 50), "第五十条"))
    g.save(store)
    found = [f for f in find_vacuums(store, government="甲市", explain=True) if f.law == law]
    assert [f.kind for f in found] == (["vacuum"] if vacuum else ["not_vacuum"])
    if not vacuum:
        assert "（2018-10-26）第三十三条已列同一行为" in found[0].reason


def test_each_unloaded_sector_note_has_its_own_id(store):
    # two sectors no loaded department carries: two notes, two ids (a decision on one must not hide the other)
    _one_law(store, {5: "违反本法规定的，由县级以上地方人民政府公安机关处罚款。", 6: "违反本法规定的，由县级以上地方人民政府水行政主管部门处罚款。"},
             [(5, "行政处罚", "县级以上地方人民政府公安机关", "公安", None, ("罚款",)),
              (6, "行政处罚", "县级以上地方人民政府水行政主管部门", "水利", None, ("罚款",))])
    notes = [f for f in find_vacuums(store, government="甲市") if f.kind == "vacuum_sector"]
    assert sorted(f.sector for f in notes) == ["公安", "水利"]
    assert len({f.finding_id for f in notes}) == 2


# --- an item exercising a vacuum clause without citing it: a basis to add (missing_basis) -----------------------

# (vacuum clause text, item name, item category, cited article of 甲法 or None (a rule not loaded)) -> kinds found
MISSING_BASIS = [
    # 地下水管理条例 art. 60 and the Karamay 自然资源局 item resting on the rule 地质环境监测管理办法 (judge T row 9)
    ("侵占、毁坏或者擅自移动地下水监测设施设备及其标志的，由县级以上地方人民政府农业农村主管部门责令停止违法行为，"
     "限期采取补救措施，处二万元以上十万元以下罚款。",
     "对单位或者个人违反规定、侵占、损坏或者擅自移动地质环境监测设施的行政处罚", "行政处罚", None, ["missing_basis"]),
    # 计量法 art. 24 and the item on 计量法实施细则: the item's conduct is a case of the clause's
    ("制造、修理、销售的计量器具不合格的，由县级以上地方人民政府农业农村主管部门没收违法所得，可以并处罚款。",
     "对制造、修理的计量器具未经出厂检定或者经检定不合格而出厂的处罚", "行政处罚", None, ["missing_basis"]),
    # near miss: the category alone proposes nothing (the same item filed as an inspection)
    ("侵占、毁坏或者擅自移动地下水监测设施设备及其标志的，由县级以上地方人民政府农业农村主管部门责令停止违法行为，"
     "限期采取补救措施，处二万元以上十万元以下罚款。",
     "对单位或者个人违反规定、侵占、损坏或者擅自移动地质环境监测设施的行政处罚", "行政检查", None, ["vacuum"]),
    # near miss: 基础测绘条例 art. 32, the verbs shared but another facility (0.23)
    ("违反本条例规定，侵占、损毁、拆除或者擅自移动基础测绘设施的，由县级以上地方人民政府农业农村主管部门责令限期改正，"
     "给予警告，可以并处五万元以下罚款。",
     "对单位或者个人违反规定、侵占、损坏或者擅自移动地质环境监测设施的行政处罚", "行政处罚", None, ["vacuum"]),
    # near miss: 大气污染防治法 art. 103 (一): a generic item does not name the clause's own act (containment 0.4)
    ("违反本法规定，销售不符合质量标准的煤炭、石油焦的，由县级以上地方人民政府农业农村主管部门责令改正，"
     "没收原材料、产品和违法所得，并处货值金额一倍以上三倍以下的罚款。",
     "对销售不符合强制性标准的商品的处罚", "行政处罚", None, ["vacuum"]),
    # near miss: 城乡规划法 art. 62, another doer (测绘单位 for 城乡规划编制单位) with the same words of the conduct
    (["城乡规划编制单位有下列行为之一的，由县级以上地方人民政府农业农村主管部门责令限期改正，处合同约定的规划编制费"
      "一倍以上二倍以下的罚款：", "（一）超越资质等级许可的范围承揽城乡规划编制工作的；", "（二）违反国家有关标准编制城乡规划的。"],
     "对测绘单位超越资质等级许可的范围从事测绘活动的行政处罚", "行政处罚", None, ["vacuum"]),
    # 计量法实施细则 (2022) art. 41: an item naming the object with its restriction (非法定计量单位) exercises it
    ("违反《中华人民共和国计量法》第十四条规定，制造、销售和进口非法定计量单位的计量器具的，责令其停止制造、销售和进口，"
     "没收计量器具和全部违法所得，可并处相当其违法所得10%至50%的罚款。",
     "对违法销售、使用非法定计量单位计量器具的处罚", "行政处罚", None, ["missing_basis"]),
    # near miss: art. 41 and the Karamay item naming the verbs and the head (计量器具) but not the restriction of the
    # object (judge W row 17): the clause stays a vacuum
    ("违反《中华人民共和国计量法》第十四条规定，制造、销售和进口非法定计量单位的计量器具的，责令其停止制造、销售和进口，"
     "没收计量器具和全部违法所得，可并处相当其违法所得10%至50%的罚款。",
     "对违法制造、销售、安装、使用的计量器具的处罚", "行政处罚", None, ["vacuum"]),
    # near miss: the construction with another restriction (未取得型式批准的计量器具): the verbs and the head alone
    ("违反本条例规定，制造、销售、进口、出租未取得型式批准的计量器具的，由县级以上地方人民政府农业农村主管部门责令停止，"
     "处二万元以上十万元以下罚款。",
     "对违法制造、销售、进口、安装、使用的计量器具的处罚", "行政处罚", None, ["vacuum"]),
    # near miss: an item on another article of the same law holds that article's act (a law sets one sanction
    # for one conduct: 民用建筑节能条例 art. 42 监理 and the item on art. 40 施工)
    ("侵占、毁坏或者擅自移动地下水监测设施设备及其标志的，由县级以上地方人民政府农业农村主管部门责令停止违法行为，"
     "限期采取补救措施，处二万元以上十万元以下罚款。",
     "对单位或者个人违反规定、侵占、损坏或者擅自移动地质环境监测设施的行政处罚", "行政处罚", 31, ["vacuum"]),
]


@pytest.mark.parametrize("text, name, category, cited, kinds", MISSING_BASIS)
def test_an_item_naming_a_vacuums_act_under_another_basis_is_a_basis_to_add(store, text, name, category, cited, kinds):
    _one_law(store, {30: text, 31: "甲。"}, [(30, "行政处罚", "县级以上地方人民政府农业农村主管部门", "农业农村", None, ("罚款",))],
             items=[(0, name, category, cited)])
    found = list(find_vacuums(store, government="甲市"))
    assert [f.kind for f in found] == kinds
    if kinds == ["missing_basis"]:
        f = found[0]
        assert "i0" in f.item_id and (f.name, f.department, f.category, f.law, f.article) == (
            name, "甲市农业农村局", "行政处罚", "甲法", 30)
        assert "建议在该事项的设定依据中补列《甲法》第三十条" in f.reason and f.reason.endswith("。")
        assert f.evidence[0].article_text == text and "现有依据" in f.evidence[-1].note  # the clause, then the item's
        assert f.finding_id.startswith("missing_basis-") and f.to_json()["provision"] == f.provision
