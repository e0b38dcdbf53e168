"""Constructions of the statistics sector found through the two census regulations added to the gold set's dev part
(全国经济普查条例, 全国农业普查条例; branch i12-census, issue 12): tables of (article text as the corpus has it,
expected {(category, subject, construction)}), a near miss beside each row. No row quotes the two gold laws.

Rows of this branch: the i12-census rows at the end of ``patterns/bodies.tsv`` (统计机构, the census bodies),
``patterns/subjects.tsv`` (a leading group and its office) and ``patterns/procedures.tsv`` (official_discipline_notice,
official_discipline_notice_after, data_quality_check, staff_credential, statistical_survey, survey_noun,
approval_number); in ``loaders/nlp/clauses.py`` 配合X依法进行的监督检查 (X inspects) and 对象 (no 对 of the checked
party); 办公室 in ``loaders/nlp/prefilter.py``.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

ROWS = [
    # --- bodies.tsv: 统计机构, the statistics agency of a government -------------------------------------------
    # 重庆市统计管理条例 art. 43 (the subject was carried from an earlier article before the row)
    ("违反本条例第十七条第二款规定，统计调查对象未按规定建立统计关系、接受统计调查任务的，由市、区县（自治县）人民政府"
     "统计机构责令限期改正，给予警告；逾期未改正的，其直接负责的主管人员和其他直接责任人员属于国家工作人员的，由任免机关或者"
     "监察机关依法给予处分。",
     {("行政处罚", "市、区县（自治县）人民政府统计机构", "penalty")}),
    # 山东省统计管理条例 art. 11: the subject was wrong (超出本部门)
    ("各级人民政府统计机构、各业务主管部门和企业事业组织，对在统计工作中取得显著成绩或与统计违法行为作斗争表现突出的单位或个人，"
     "应给予表彰奖励。",
     {("行政奖励", "各级人民政府统计机构", "reward")}),
    # near miss: 统计人员 are staff, no body
    ("统计人员违反统计法规定的，由所在单位依法给予处分。", set()),
    # --- bodies.tsv: the census bodies; subjects.tsv: a leading group's office keeps only rewards and penalties -----
    # 全国污染源普查条例 art. 40 (办公室 also passes the prefilter now)
    ("污染源普查领导小组办公室应当设立举报电话和信箱，接受社会各界对污染源普查工作的监督和对违法行为的检举，并对检举有功的人员"
     "依法给予奖励，对检举的违法行为，依法予以查处。",
     {("行政奖励", "污染源普查领导小组办公室", "reward")}),
    # near miss: 全国污染源普查条例 art. 15 para. 2, the office's daily work is the administration's own
    ("县级以上地方人民政府污染源普查领导小组办公室设在同级生态环境主管部门，负责本行政区域的污染源普查日常工作。", set()),
    # --- procedures.tsv staff_credential: the pass of the administration's own officers ------------------------
    # 全国人口普查条例 art. 21
    ("普查机构应当对普查指导员和普查员进行业务培训，并对考核合格的人员颁发全国统一的普查指导员证或者普查员证。", set()),
    # 计量法实施细则 art. 24
    ("计量监督员必须经考核合格后，由县级以上人民政府计量行政部门任命并颁发监督员证件。", set()),
    # 上海市水产养殖保护规定 art. 20
    ("各级渔政监督管理机构的渔政检查员，由市渔政监督管理机构统一考核，发给渔政检查员证。", set()),
    # near miss: a certificate of the public stays a licence
    ("经考核合格的，由县级以上人民政府卫生行政部门颁发从业人员健康证明。",
     {("行政许可", "县级以上人民政府卫生行政部门", "certificate")}),
    # --- procedures.tsv official_discipline_notice(_after): 通报 / 责令 beside the 处分 of the same official --------
    # 土地调查条例 art. 31
    ("土地调查人员不执行全国土地调查总体方案和地方土地调查实施方案、《土地利用现状分类》国家标准和统一的技术规程，或者伪造、"
     "篡改调查资料，或者强令、授意接受调查的有关单位和个人提供虚假调查资料的，依法给予处分，并由县级以上人民政府国土资源主管部门、"
     "统计机构予以通报批评。", set()),
    # 山东省统计管理条例 art. 18 para. 2 (the 处分 right after the act)
    ("统计人员参与篡改统计资料、编造虚假数据的，由县级以上人民政府统计机构予以通报批评，依法给予行政处分或者建议有关部门依法给予"
     "行政处分。", set()),
    # near miss: 山东省统计管理条例 art. 12, the party is an enterprise
    ("企业事业组织、个体工商户有下列违法行为之一的，由县级以上人民政府统计机构予以警告，并可对企业事业组织处以五千元至五万元罚款；"
     "对个体工商户处以一百元至三千元罚款：",
     {("行政处罚", "县级以上人民政府统计机构", "penalty")}),
    # near miss: 电力安全事故应急处置和调查处理条例 art. 27, a fine on a 负责人 whose 处分 is conditional and in another sentence
    ("发生事故的电力企业主要负责人有下列行为之一的，由电力监管机构处其上一年年收入40%至80%的罚款；属于国家工作人员的，并依法给予"
     "处分；构成犯罪的，依法追究刑事责任：",
     {("行政处罚", "电力监管机构", "penalty")}),
    # --- clauses.py: 配合X依法实施的监督检查, X inspects ------------------------------------------------------------
    # 特种设备安全监督检查办法 art. 20
    ("特种设备生产、经营、使用单位和检验、检测机构及其人员应当积极配合市场监督管理部门依法实施的特种设备安全监督检查。",
     {("行政检查", "市场监督管理部门", "inspection")}),
    # the same with 对象 before the body (constructed: the 对 of 对象 no longer reads as the checked party's preposition)
    ("统计调查对象应当配合政府统计机构依法进行的监督检查。", {("行政检查", "政府统计机构", "inspection")}),
    # near miss: 山东省无线电管理条例 art. 44 (second sentence), 配合X开展 without 依法…的: the body helped gets nothing from it
    # (the helper's own entry is the extractor's reading before this branch)
    ("县级以上人民政府市场监管部门应当配合无线电管理机构开展监督检查，并及时向无线电管理机构通报其在产品质量监督、市场监管执法"
     "过程中发现的违法行为。",
     {("行政检查", "县级以上人民政府市场监管部门", "inspection")}),
    # --- procedures.tsv data_quality_check: the quality of statistical data ------------------------------------
    # 河南省节约能源条例 art. 16
    ("县级以上人民政府统计部门应当会同同级有关部门，建立健全能源统计制度，完善能源统计和监测指标体系，改进和规范能源统计方法，"
     "做好能源消费和利用状况的统计工作，开展能源统计数据质量检查，确保能源统计数据真实、完整，并提高能源统计信息服务质量。", set()),
    # near miss: 淄博市污染源自动监控条例 art. 27, an operator's monitoring data are checked
    ("生态环境主管部门应当采取“双随机、一公开”检查等方式，对本辖区内污染源自动监测设施的运行维护、监测数据审核以及比对检测等"
     "情况进行检查。",
     {("行政检查", "生态环境主管部门", "inspection")}),
    # --- procedures.tsv statistical_survey and survey_noun ------------------------------------------------------
    # 北京市统计条例 art. 27
    ("市和区、县人民政府统计机构和有关部门开展统计调查取得的统计资料、统计分析报告等，应当及时向社会公开，供社会公众查询，但涉及"
     "国家秘密、商业秘密和个人隐私的除外。", set()),
    # 上海市统计条例 art. 28
    ("市和区人民政府统计机构及有关部门公布统计资料时，应当说明指标含义、调查范围、调查方法等情况，便于社会公众理解和使用统计数据。",
     set()),
    # near miss: 上海市统计条例 art. 35, the statistical supervision of the same bodies stays
    ("市和区人民政府统计机构应当每年制定统计监督检查计划，确定年度重点监督检查领域，按照有关规定核查统计数据。",
     {("行政检查", "市和区人民政府统计机构", "inspection")}),
    # --- procedures.tsv approval_number: 批准文号 listed as a noun ----------------------------------------------
    # 上海市统计条例 art. 22
    ("市和区人民政府统计机构应当通过政府网站等渠道，公布地方统计调查项目名称、制定单位、有效期限、批准文号等信息，但涉及国家秘密的"
     "除外。", set()),
    # near miss: 血液制品管理条例 art. 22, applying for the approval number is the licence
    ("血液制品生产单位生产国内已经生产的品种，必须依法向国务院卫生行政部门申请产品批准文号；国内尚未生产的品种，必须按照国家有关"
     "新药审批的程序和要求申报。",
     {("行政许可", "国务院卫生行政部门", "approval")}),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_statistics_sector_constructions(text, expected):
    assert {(cat, subject, construction) for _, cat, subject, construction in found([text])} == expected
