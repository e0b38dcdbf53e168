"""Constructions of the agricultural-inputs sector (issue 12, branch i12-agri): a table of (articles as the corpus has
them, expected clauses), each rule the branch added (patterns/constructions.tsv licence_renewal and licence_change,
patterns/nonpowers.tsv, the 收到X报送的 reading of loaders/nlp/clauses.py) with a text it must read and a near miss it
must not.

None of the texts is from the two laws the branch annotated (tests/gold/dev/种子法.jsonl, 农药管理条例.jsonl): the rules
were written from the construction, and these are other statutes that use it.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (articles of one chapter, expected {(article, category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 向X申请延续 of a term-limited licence: its life cycle is the licence (tests/gold/README.md rule 7.5) -----------
    # 河南省减少污染物排放条例 (2018) art. 15
    (["排污许可证的有效期限为三年。排污许可证有效期限届满后需要继续排放污染物的，排污许可证持有者应当在有效期限届满三十日前"
      "向发证机关申请延续。"],
     {(1, "行政许可", "发证机关", "licence_renewal")}),
    # 畜禽遗传资源进出境和对外合作研究利用审批办法 (2008) art. 14
    (["畜禽遗传资源引进、输出审批表的有效期为6个月；需要延续的，申请人应当在有效期届满10个工作日前向原审批机关申请延续。"],
     {(1, "行政许可", "原审批机关", "licence_renewal")}),
    # near miss, 上海市司法鉴定管理条例 (2019): a renewal not applied for is the case of a sanction, no grant
    (["有下列情形之一的，由市司法行政部门注销登记：\n（四）司法鉴定许可证有效期届满未申请延续的；"],
     {(1, "其他", "市司法行政部门", "deregistration"), (1, "行政确认", "市司法行政部门", "registration")}),
    # --- 向发证机关申请 / 到原发证机关办理变更(登记)手续: the change of a licence the law calls one (rule 7.5) -----------------
    # 北京市实施《种子法》办法 (2018) art. 22
    (["在种子生产许可证有效期内，许可证注明的项目变更的，种子生产者应当自变更之日起30日内到原发证机关办理变更手续。"],
     {(1, "行政许可", "原发证机关", "licence_change")}),
    # 浙江省矿产资源管理条例 (2013) art. 30 (the example of the row)
    (["采矿许可证有效期内，采矿权人需要变更采矿许可证核定事项的，应当向原登记发证机关申请变更登记，并提交下列资料："],
     {(1, "行政许可", "原登记发证机关", "licence_change")}),
    # near miss, 社会团体登记管理条例 (2016) art. 18: the change of an organisation's registration stays 行政确认 (rule 7.5)
    (["社会团体的登记事项需要变更的，应当自业务主管单位审查同意之日起30日内，向登记管理机关申请变更登记。"],
     {(1, "行政确认", "登记管理机关", "registration")}),
    # --- 收到X报送的材料之日起…作出批准决定: the body receiving a two-stage application decides, the sender is no agent --------
    # 宗教事务条例 (2017) art. 21 para. 3
    (["省、自治区、直辖市人民政府宗教事务部门应当自收到设区的市级人民政府宗教事务部门报送的材料之日起30日内，作出批准或者不予"
      "批准的决定。"],
     {(1, "行政许可", "省、自治区、直辖市人民政府宗教事务部门", "approval")}),
    # near miss, 宗教事务条例 (2017) art. 12 without the sender: the receiving body alone
    (["国务院宗教事务部门应当自收到全国性宗教团体的申请之日起60日内，作出批准或者不予批准的决定。"],
     {(1, "行政许可", "国务院宗教事务部门", "approval")}),
    # --- 登记 as the modifier of a dossier noun (登记试验单位, 登记评审, 登记资料, 登记证持有人): no act of registration --------
    # 农药管理条例 (2017-03-16) art. 10 paras. 1 and 3, the version before the annotated one (the compounds occur in 32 corpus
    # files, 登记资料 in 不动产登记暂行条例 arts. 13 and 27, but produce an entry only in the two pesticide texts)
    (["登记试验应当由国务院农业主管部门认定的登记试验单位按照国务院农业主管部门的规定进行。\n登记试验单位应当对登记试验报告的"
      "真实性负责。"], set()),
    # near miss, 企业法人登记管理条例 (2019) art. 16: the act itself
    (["申请企业法人开业登记的单位，经登记主管机关核准登记注册，领取《企业法人营业执照》后，企业即告成立。"],
     {(1, "行政确认", "登记主管机关", "registration"), (1, "行政许可", "登记主管机关", "approval")}),
    # --- 审查申请材料，必要时进行实地/现场核查: a step of the licensing review, no inspection (patterns/procedures.tsv) ------
    # 山东省食品小作坊小餐饮和食品摊点管理条例 (2017) art. 17 para. 1 (first sentence)
    (["县（市、区）人民政府食品药品监督管理部门应当对申请材料进行审查，必要时进行现场核查。"],
     {(1, "行政许可", "县（市、区）人民政府食品药品监督管理部门", "project_review")}),
    # near miss, 国务院关于规范中介机构为公司公开发行股票提供服务的规定 (2025) art. 12: a check that supervision, no
    # application, may need stays an inspection
    (["证券监督管理、财政、司法行政等部门应当加强信息沟通和协调配合，按照职责分工，依法对中介机构执业行为加强监管；必要时可以"
      "采取联合现场检查等措施，依法查处违法违规行为。"],
     {(1, "行政检查", "证券监督管理、财政、司法行政等部门", "inspection")}),
    # --- 公开/发布X、Y…等信息: the acts listed are kinds of information published, no grant -------------------------------
    # 环境保护法 (2014) art. 54 para. 2
    (["县级以上人民政府环境保护主管部门和其他负有环境保护监督管理职责的部门，应当依法公开环境质量、环境监测、突发环境事件以及"
      "环境行政许可、行政处罚、排污费的征收和使用情况等信息。"], set()),
]


@pytest.mark.parametrize("articles, expected", ROWS, ids=[f"{i:02d}-{a[0][:10]}" for i, (a, _) in enumerate(ROWS)])
def test_agri_construction(articles: list[str], expected: set) -> None:
    assert found(articles) == expected
