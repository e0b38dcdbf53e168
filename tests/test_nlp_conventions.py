"""The annotation conventions settled on 2026-12-04 (tests/gold/README.md rule 7, branch i12-conventions): a case and a
near miss each, as (article text, expected (category, subject) pairs).  Texts are articles of the corpus (law and
article in the comment)."""

from __future__ import annotations

import pytest

from loaders.nlp import extract_clauses

from .test_nlp_extraction import VERSION, statute

CONVENTIONS = [
    # 7.1 居民身份证法 art. 7: the place before the body picks the body of the place and is dropped, like a pronoun
    ("公民应当自年满十六周岁之日起三个月内，向常住户口所在地的公安机关申请领取居民身份证。",
     {("行政确认", "公安机关")}),
    # 7.1 传染病防治法 art. 41: the level after the place stays
    ("对已经发生甲类传染病病例的场所或者该场所内的特定区域的人员，所在地的县级以上地方人民政府可以实施隔离措施，并同时向上一级人民政府报告。",
     {("行政强制", "县级以上地方人民政府")}),
    # 7.1 城镇燃气管理条例 art. 20: X所在地 without 的
    ("燃气经营者停业、歇业的，应当事先对其供气范围内的燃气用户的正常用气作出妥善安排，并在90个工作日前向所在地燃气管理部门报告，"
     "经批准方可停业、歇业。",
     {("行政许可", "燃气管理部门")}),
    # 7.1 a pronoun and the place after it are dropped (违反…的，由其所在地的…, a penalty article of the 草原防火条例 kind)
    ("违反本条例规定，擅自在草原上用火的，由其所在地的县级人民政府草原防火主管部门责令停止违法行为，可以处五百元以下罚款。",
     {("行政处罚", "县级人民政府草原防火主管部门")}),
    # 7.1 near miss: a place phrase after the body is the scope of its work (森林法 art. 9 style)
    ("县级以上地方人民政府林业主管部门负责本行政区域内的林业工作。",
     {("其他", "县级以上地方人民政府林业主管部门")}),
    # 7.1 near miss, 大气污染防治法 art. 118 para. 3: the place phrase of another noun phrase stays out
    ("违反本法规定，在当地人民政府禁止的时段和区域内露天烧烤食品的，由县级以上地方人民政府确定的监督管理部门责令改正，"
     "没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。",
     {("行政处罚", "县级以上地方人民政府确定的监督管理部门")}),
    # 7.2 食品安全法 art. 128: 有关主管部门 holds the penalty, as written
    ("违反本法规定，事故单位在发生食品安全事故后未进行处置、报告的，由有关主管部门按照各自职责分工责令改正，给予警告；"
     "隐匿、伪造、毁灭有关证据的，责令停产停业，没收违法所得，并处十万元以上五十万元以下罚款。",
     {("行政处罚", "有关主管部门")}),
    # 7.2 公路法 art. 44: 有关 kept before a sector
    ("因修建铁路、机场、电站、通信设施、水利工程和进行其他建设工程需要占用、挖掘公路或者使公路改线的，建设单位应当事先征得"
     "有关交通主管部门的同意；影响交通安全的，还须征得有关公安机关的同意。",
     {("行政许可", "有关交通主管部门"), ("行政许可", "有关公安机关")}),
    # 7.2 near miss, 港口法 art. 47: 国务院有关部门 only sets the rule
    ("在港口建设的危险货物作业场所、实施卫生除害处理的专用场所与人口密集区或者港口客运设施的距离不符合国务院有关部门的规定的，"
     "由港口行政管理部门责令停止建设或者使用，限期改正，可以处五万元以下罚款。",
     {("行政处罚", "港口行政管理部门")}),
    # 7.3 渔业法 art. 11: a bare 本级人民政府 is kept as written
    ("单位和个人使用国家规划确定用于养殖业的全民所有的水域、滩涂的，使用者应当向县级以上地方人民政府渔业行政主管部门提出申请，"
     "由本级人民政府核发养殖证，许可其使用该水域、滩涂从事养殖生产。",
     {("行政许可", "县级以上地方人民政府渔业行政主管部门"), ("行政许可", "本级人民政府")}),
    # 7.3 消防法 art. 4: before a department, 本级人民政府 is the level of the body named before, written out
    ("县级以上地方人民政府应急管理部门对本行政区域内的消防工作实施监督管理，并由本级人民政府消防救援机构负责实施。",
     {("其他", "县级以上地方人民政府应急管理部门"), ("其他", "县级以上地方人民政府消防救援机构")}),
    # 7.3 near miss: a department's plan sent up to 本级人民政府 is internal
    ("县级以上地方人民政府林业主管部门应当编制本行政区域的林业发展规划，报本级人民政府批准后实施。", set()),
    # 7.4 教育法 art. 15: 在各自的职责范围内，负责有关的…工作 is a competence clause
    ("县级以上各级人民政府其他有关部门在各自的职责范围内，负责有关的教育工作。",
     {("其他", "县级以上各级人民政府其他有关部门")}),
    # 7.4 near miss, 动物防疫法 art. 9 para. 3: 做好…工作 grants nothing
    ("县级以上人民政府其他有关部门在各自职责范围内做好动物防疫工作。", set()),
    # 7.5 商业银行法 art. 16: an enterprise's registration with the licence in hand stays 行政确认 (README rule 4)
    ("经批准设立的商业银行，由国务院银行业监督管理机构颁发经营许可证，并凭该许可证向工商行政管理部门办理登记，领取营业执照。",
     {("行政许可", "国务院银行业监督管理机构"), ("行政确认", "工商行政管理部门")}),
    # 7.5 公司法 art. 29 style: 申请设立登记
    ("设立公司，应当依法向公司登记机关申请设立登记。", {("行政确认", "公司登记机关")}),
    # 7.5 registration of a right in a house, 行政确认 too (郑州市房屋登记条例 art. 24 style)
    ("新建商品房竣工验收合格后，房地产开发企业应当向房屋登记机构申请办理房屋所有权初始登记。", {("行政确认", "房屋登记机构")}),
    # 7.5 税收征收管理法 art. 15: a taxpayer's registration, 行政确认
    ("从事生产、经营的纳税人自领取营业执照之日起三十日内，持有关证件，向税务机关申报办理税务登记。"
     "税务机关应当于收到申报的当日办理登记并发给税务登记证件。",
     {("行政确认", "税务机关")}),
    # 7.5 near miss, 医师法 art. 13: the registration the law makes the licence itself is 行政许可
    ("取得医师资格的，可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。"
     "卫生健康主管部门应当自受理申请之日起二十个工作日内准予注册，并发给医师执业证书。",
     {("行政许可", "县级以上地方人民政府卫生健康主管部门")}),
    # 7.6 文物保护法 art. 76: 补偿 paid to a party is 行政给付
    ("银行、冶炼厂、造纸厂以及废旧物资回收单位，应当与当地文物行政部门共同负责拣选掺杂在金银器和废旧物资中的文物。"
     "拣选文物除供银行研究所必需的历史货币可以由人民银行留用外，应当移交当地文物行政部门。移交拣选文物，应当给予合理补偿。",
     {("行政给付", "文物行政部门")}),
    # 7.6 near miss, 道路交通安全法 art. 93 para. 3: a duty to compensate is no benefit
    ("因采取不正确的方法拖车造成机动车损坏的，应当依法承担补偿责任。", set()),
    # 7.7 near miss, 广告法 art. 49: 查处 alone is no penalty
    ("市场监督管理部门应当建立健全广告监测制度，完善监测措施，及时发现和依法查处违法广告行为。", set()),
]


@pytest.mark.parametrize("text, expected", CONVENTIONS, ids=[t[:14] for t, _ in CONVENTIONS])
def test_settled_convention(text: str, expected: set) -> None:
    assert {(c.category.value, c.subject) for c in extract_clauses(VERSION, statute([text]))} == expected
