"""Subjects by the grammar of body names (issue 12, branch i12-bodies2): four constructions the recall round of
i12-recall3 left without a subject or with a wrong one, each counted over the corpus and read by its grammar.

- an elliptic list of departments at the start of a clause, with no level word before it (食品药品监督管理、卫生计生
  行政部门应当…): one subject per body, the shared department word written out as tests/gold/README.md rule 3 does
  (食品安全监督管理、卫生行政部门 -> 食品安全监督管理部门 and 卫生行政部门): ``clauses._SECTORS_BEFORE``, ``_NOT_SECTOR``,
  ``_shared_tail``;
- 向X报检 / 向X申报检疫: the party asks X to inspect or quarantine its goods; X, the recipient, holds the 行政检查
  (constructions.tsv row ``quarantine_request``, the recipient rule of ``clauses._classify_bodies``);
- 其登记的民政部门 / 办理其登记的X: the pronoun and the act it did for the party are dropped, the body after them is the
  subject with its own level (tests/gold/README.md rule 3: 其所属的渔政监督管理机构 -> 渔政监督管理机构; the i12-bodies2
  block of ``terms.py``);
- 市或者区、县人事局: a list of levels with 或者 is written out one body per level, the levels the name itself opens with
  included (市人事局, 区人事局, 县人事局); without 或者 (区、县人事局) the list stays one subject as written.

Each row: article text as the corpus has it (law and article in the comment), expected (category, subject, construction).
"""

from __future__ import annotations

import pytest

from loaders.nlp.terms import find_terms, load_tables

from .test_nlp_constructions import found


def _clauses(text: str) -> set[tuple[str, str, str]]:
    return {(category, subject, construction) for _, category, subject, construction in found([text])}


CASES = [
    # --- (a) an elliptic list of departments with no level word ---
    # 浙江省少数民族权益保障条例 art. 33 (the miss of the fourth recall sample)
    ("食品药品监督管理、卫生计生行政部门应当加强对清真食品的安全卫生监督管理。",
     {("其他", "食品药品监督管理部门", "competence"), ("其他", "卫生计生行政部门", "competence")}),
    # 青岛市机动车排气污染防治条例 art. 9: a sector ending in 监督 shares only 部门
    ("质量技术监督、工商行政管理部门按照各自的职责分别对车用燃料的生产、销售行为进行监督管理。",
     {("其他", "质量技术监督部门", "competence"), ("其他", "工商行政管理部门", "competence")}),
    # 上海市大气污染防治条例 art. 43: 监督管理 is the last one's name (市场监督管理部门), not the shared word
    ("生态环境、市场监督管理部门应当对机动车排放检验机构的排放检验情况进行监督检查。",
     {("行政检查", "生态环境部门", "inspection"), ("行政检查", "市场监督管理部门", "inspection")}),
    # 济南市烟草专卖管理条例 art. 26 (lead-in): 工商 is a sector, not the verb 商
    ("违反本条例规定，有下列行为之一的，由烟草专卖、工商、质监部门按照下列规定给予处罚：",
     {("行政处罚", "烟草专卖部门", "penalty_referral"), ("行政处罚", "工商部门", "penalty_referral"),
      ("行政处罚", "质监部门", "penalty_referral")}),
    # near miss, 浙江省房屋使用安全管理条例 art. 12 (second paragraph): the verbs before a department are no sectors
    ("房屋使用安全责任人和施工人员以及其他单位、个人，不得拒绝、阻挠住房城乡建设主管部门依法对房屋装修行为进行监督检查。",
     set()),
    # near miss, 上海市农村集体资产监督管理条例 art. 34: 记录监督检查 is a verb phrase, 相关部门 a generic body in a noun
    ("农村经营管理机构应当建立农村集体资产监督管理档案，记录监督检查、相关部门对农村集体经济组织进行行政处罚等情况。",
     set()),
    # near miss, 上海市房地产登记条例 art. 14: a clause of seven characters before a body is no sector
    ("申请人补充材料、房地产登记机构实地查看的时间，不计入登记审核时限。", set()),
    # several sectors after a government (广东省公路条例 art. 43 second sentence): one body per sector, the level written out
    ("省人民政府财政、交通、税务、审计、发展改革主管部门应当加强监督检查。",
     {("行政检查", f"省人民政府{s}主管部门", "inspection") for s in ("财政", "交通", "税务", "审计", "发展改革")}),
    # near miss, 河南省治理货物运输车辆超限超载条例 art. 9 style: the government organises; the list is its object
    ("县级以上人民政府应当组织交通运输、公安、自然资源、市场监督管理等有关职能部门进行监督检查。",
     {("行政检查", "县级以上人民政府", "inspection")}),
    # --- (b) 向X报检 / 向X申报检疫 ---
    # 进出境动植物检疫法 art. 20
    ("货主或者其代理人在动植物、动植物产品和其他检疫物出境前，向口岸动植物检疫机关报检。",
     {("行政检查", "口岸动植物检疫机关", "quarantine_request")}),
    # 动物防疫法 (2021) art. 49 first paragraph: the body of the rule (国务院农业农村主管部门) is not the recipient
    ("屠宰、出售或者运输动物以及出售或者运输动物产品前，货主应当按照国务院农业农村主管部门的规定向所在地动物卫生监督机构"
     "申报检疫。",
     {("行政检查", "动物卫生监督机构", "quarantine_request")}),
    # 上海市动物防疫条例 art. 27: a place with 的 and a list of levels before the recipient
    ("在出售、运输动物、动物产品前，货主应当向所在地的区、县动物卫生监督机构报检，经检疫合格并取得检疫证明后，方可出售、运输。",
     {("行政检查", "区、县动物卫生监督机构", "quarantine_request")}),
    # near miss, 农业转基因生物安全管理条例 art. 49: 未向X报检的 is the case of a penalty, no inspection
    ("违反本条例规定，进口、携带、邮寄农业转基因生物未向口岸出入境检验检疫机构报检的，由口岸出入境检验检疫机构比照进出境"
     "动植物检疫法的有关规定处罚。", set()),
    # near miss, 进出境动植物检疫法实施条例 art. 19: 报检时 is the time of the party's duty
    ("向口岸动植物检疫机关报检时，应当填写报检单，并提交输出国家或者地区政府动植物检疫机关出具的检疫证书、产地证书和贸易合同、"
     "信用证、发票等单证；依法应当办理检疫审批手续的，还应当提交检疫审批单。", set()),
    # near miss, 进出境动植物检疫法实施条例 art. 18: 报检 with no recipient named
    ("输入种畜禽及其精液、胚胎的，应当在进境前30日报检；输入其他动物的，应当在进境前15日报检。", set()),
    # --- (c) 其登记的X: the pronoun and its act dropped ---
    # 慈善法 (2016) art. 18
    ("慈善组织清算结束后，应当向其登记的民政部门办理注销登记，并由民政部门向社会公告。",
     {("行政确认", "民政部门", "registration"), ("其他", "民政部门", "deregistration")}),
    # 慈善法 (2023) art. 18: 办理其登记的
    ("慈善组织清算结束后，应当向办理其登记的民政部门办理注销登记，并由民政部门向社会公告。",
     {("行政确认", "民政部门", "registration"), ("其他", "民政部门", "deregistration")}),
    # 上海市慈善条例 art. 11: the body after 其登记的 opens with its own list of levels
    ("已经在本市登记设立的基金会、社会团体、社会服务机构等非营利性组织，符合慈善组织设立条件的，可以向其登记的市或者区民政部门"
     "申请认定为慈善组织。",
     {("行政确认", "市民政部门", "registration"), ("行政确认", "区民政部门", "registration")}),
    # near miss, 慈善法 (2016) art. 13: a report to the body is no power of it
    ("慈善组织应当每年向其登记的民政部门报送年度工作报告和财务会计报告。", set()),
    # --- (d) 市或者区、县X局 ---
    # 上海市人才流动条例 art. 35 (lead-in)
    ("对违反本条例的下列行为，由市或者区、县人事局按照以下规定予以处罚：",
     {("行政处罚", "市人事局", "penalty_referral"), ("行政处罚", "区人事局", "penalty_referral"),
      ("行政处罚", "县人事局", "penalty_referral")}),
    # near miss, 上海市人才流动条例 art. 22: without 或者 the list of levels is one subject, as written
    ("市属单位及在本市的中央、外省市所属单位需要设立人才交流服务机构的，应当向市人事局提出申请；区、县属单位需要设立人才交流"
     "服务机构的，应当向所在地的区、县人事局提出申请。个人不得设立人才交流服务机构。",
     {("行政许可", "市人事局", "application"), ("行政许可", "区、县人事局", "application")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_subject_of_the_construction(text: str, expected: set) -> None:
    assert _clauses(text) == expected


BODIES = [
    # the pronoun and its act dropped (慈善法 art. 13; 山东省慈善条例 art. 21 with a level)
    ("慈善组织应当每年向其登记的民政部门报送年度工作报告和财务会计报告。", ["民政部门"]),
    ("并在开展公开募捐活动十日前，将募捐方案报其登记的县级以上人民政府民政部门备案。", ["县级以上人民政府民政部门"]),
    # near miss: without 其 the act names which body it is, kept as written (化妆品生产经营监督管理办法 art. 23)
    ("化妆品生产企业有下列情形之一的，原发证的药品监督管理部门应当依法注销其化妆品生产许可证。", ["原发证的药品监督管理部门"]),
    # near miss: 其 inside a word is no pronoun (尤其登记的…: a body that does not start at a phrase start is no body)
    ("应当尤其登记的民政部门", []),
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_body_after_a_pronoun_and_its_act(text: str, expected: list) -> None:
    assert [t.text for t in find_terms(text, load_tables()) if t.label == "BODY"] == expected
