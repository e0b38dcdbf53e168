"""Constructions of the water sector (issue 12, branch i12-water2): a table of (articles as the corpus has them,
expected clauses), each rule the branch added (patterns/constructions.tsv, patterns/nonpowers.tsv, the designation of
loaders/nlp/extract.py and the 代履行 order of loaders/nlp/clauses.py) with a text it must read and a near miss it must
not.

None of the texts is from the two laws the branch annotated (tests/gold/dev/防洪法.jsonl,
取水许可和水资源费征收管理条例.jsonl): the rules were written from the construction, and these are other statutes that
use it.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (articles of one chapter, expected {(article, category, subject, construction)}), law and article in the comment
ROWS = [
    # --- an alternative designated body: 由X决定，或者由Y按照…权限决定 (extract._DESIGNATION) -----------------------
    # 河南省实施《防洪法》办法 (2016) arts. 41 and 45
    (["占用水库库容，在提防、护堤地挖筑坑塘的，责令停止违法行为，排除阻碍或者采取其他补救措施，根据情节轻重，处一万元以下的罚款。",
      "本办法规定的行政处罚，由县级以上人民政府水行政主管部门决定，或者由有关流域管理机构按照规定的权限决定。"],
     {(1, "行政处罚", "县级以上人民政府水行政主管部门", "penalty"), (1, "行政处罚", "有关流域管理机构", "penalty"),
      (2, "行政处罚", "县级以上人民政府水行政主管部门", "penalty_designation"),
      (2, "行政处罚", "有关流域管理机构", "penalty_designation")}),
    # near miss: one body, its 按照…权限 the rule it follows (the same texts without the alternative)
    (["占用水库库容，在提防、护堤地挖筑坑塘的，责令停止违法行为，排除阻碍或者采取其他补救措施，根据情节轻重，处一万元以下的罚款。",
      "本办法规定的行政处罚，由县级以上人民政府水行政主管部门按照规定的权限决定。"],
     {(1, "行政处罚", "县级以上人民政府水行政主管部门", "penalty"),
      (2, "行政处罚", "县级以上人民政府水行政主管部门", "penalty_designation")}),
    # --- competence: 负责…的组织实施和监督管理 -------------------------------------------------------------------
    # 蓄滞洪区运用补偿暂行办法 (2000) art. 6
    (["国务院财政主管部门和国务院水行政主管部门依照本办法的规定，负责全国蓄滞洪区运用补偿工作的组织实施和监督管理。"],
     {(1, "其他", "国务院财政主管部门", "competence"), (1, "其他", "国务院水行政主管部门", "competence")}),
    # 处方药与非处方药分类管理办法（试行） (1999) art. 3 (the rule-making of its first sentence is no competence)
    (["国家药品监督管理局负责处方药与非处方药分类管理办法的制定。各级药品监督管理部门负责辖区内处方药与非处方药分类管理的组织实施和监督管理。"],
     {(1, "其他", "各级药品监督管理部门", "competence")}),
    # --- competence: X行使…监督管理职责 / 行政管理职责 ---------------------------------------------------------------
    # 太湖流域管理条例 (2011) art. 5 para. 2
    (["国务院水行政主管部门设立的太湖流域管理机构(以下简称太湖流域管理机构)在管辖范围内，行使法律、行政法规规定的和国务院水行政"
      "主管部门授予的监督管理职责。"],
     {(1, "其他", "太湖流域管理机构", "competence")}),
    # 广东省公路条例 (2022) art. 3 para. 2
    (["省公路管理机构按照省人民政府的规定，对国道、省道行使公路行政管理职责。"], {(1, "其他", "省公路管理机构", "competence")}),
    # near miss: the duties as a noun (行使的…职责, 公路法 art. 82) and a private party's (私募投资基金监督管理条例)
    (["本章规定由交通主管部门行使的路政管理职责，可以依照本法第八条第四款的规定，由公路管理机构行使。"], set()),
    (["私募基金管理人委托他人行使投资管理职责，应当订立委托协议。"], set()),
    # --- requisition: 调用物资、设备… of the public in an emergency -------------------------------------------------
    # 破坏性地震应急条例 (2011) art. 20 (the 补偿 after it was read before)
    (["在临震应急期，有关地方人民政府有权在本行政区域内紧急调用物资、设备、人员和占用场地，任何组织或者个人都不得阻拦；"
      "调用物资、设备或者占用场地的，事后应当及时归还或者给予补偿。"],
     {(1, "行政征收", "有关地方人民政府", "requisition"), (1, "行政给付", "有关地方人民政府", "benefit")}),
    # near miss, 国防交通条例 (2011) art. 7 item (五): the state's own reserve, one kind of goods
    (["县级以上地方国防交通主管机构负责本行政区域的国防交通工作，履行下列职责：\n"
      "（五）按照国家有关规定，制定和实施本地区的国防交通物资储备计划，调用国防交通物资；"],
     {(1, "其他", "县级以上地方国防交通主管机构", "competence")}),
    # --- 遇到阻拦、拖延时，由X(组织)强制实施 ------------------------------------------------------------------------
    # 河南省黄河防汛条例 (2016) art. 38 para. 2
    (["依法启用滞洪区，任何单位和个人不得阻拦、拖延；遇到阻拦、拖延时，由有关县级以上人民政府组织强制实施。"],
     {(1, "行政强制", "县级以上人民政府", "forced_execution")}),
    # near miss: a plan carried out (组织实施), no force
    (["经批准的滞洪区运用方案，由有关县级以上人民政府组织实施。"], set()),
    # --- the order of a 代履行 by the same body is its first step: no 其他 beside it (clauses.extract_findings) ------------
    # 水土保持法 (2010) art. 56
    (["违反本法规定，开办生产建设项目或者从事其他生产建设活动造成水土流失，不进行治理的，由县级以上人民政府水行政主管部门责令"
      "限期治理；逾期仍不治理的，县级以上人民政府水行政主管部门可以指定有治理能力的单位代为治理，所需费用由违法行为人承担。"],
     {(1, "行政强制", "县级以上人民政府水行政主管部门", "substitute_performance")}),
    # near miss, 广东省固体废物污染环境防治条例 (2022) art. 45 para. 1 alone: an order with nothing after it stays 其他
    (["危险废物产生单位必须按照国家规定处置危险废物，不得擅自倾倒、堆放。超期贮存危险废物的，由其所在地县级以上人民政府生态环境"
      "主管部门责令限期处置。"],
     {(1, "其他", "县级以上人民政府生态环境主管部门", "order_to_correct")}),
    # --- 注销…许可证: the end of a licence the law calls one is its life cycle (tests/gold/README.md rule 7.5) ----------
    # 青岛市河道管理条例 (2020) art. 45
    (["河道采砂许可证有效期届满或者累计采砂达到规定总量的，发证机关应当注销其河道采砂许可证。"],
     {(1, "行政许可", "发证机关", "licence_cancellation")}),
    # near miss, 出境入境管理法 (the example of the deregistration row of patterns/constructions.tsv): a document, no licence
    (["公安机关可以对前款规定的或被他人冒用的出境入境证件予以注销或者收缴。"],
     {(1, "其他", "公安机关", "deregistration")}),
]


@pytest.mark.parametrize("articles, expected", ROWS, ids=[f"{i:02d}-{a[0][:10]}" for i, (a, _) in enumerate(ROWS)])
def test_water_construction(articles: list[str], expected: set) -> None:
    assert found(articles) == expected
