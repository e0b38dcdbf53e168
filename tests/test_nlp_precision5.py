"""Grants told apart from text that grants nothing, round 5 (issue 12, branch i12-precision5).

Each row of ``patterns/procedures.tsv`` marked ``i12-precision5`` has a case here: its cited corpus example (cut
to the sentences that matter) with the pairs it must no longer yield, and a near miss of the same shape that grants,
which must still yield its pair (helpers in ``test_nlp_precision.py``).  The rows come from the false entries of
the seed-9339 sample of main e7d10d2 (docs/evaluation/precision-i12-20261204f.md).
"""

from __future__ import annotations

import pytest

from .test_nlp_precision import assert_case, rows_marked

# (row, articles, pairs that must not be found, pairs that must be found)
CASES = [
    # 突发事件应对法 art. 44: a warning published to the public
    ("warning_published",
     ["发布三级、四级警报，宣布进入预警期后，县级以上地方各级人民政府应当采取下列措施：\n"
      "（五）及时按照有关规定向社会发布可能受到突发事件危害的警告，宣传避免、减轻危害的常识，公布咨询电话。"],
     {("行政处罚", "县级以上地方各级人民政府")}, set()),
    # 杭州市水上交通管理条例 art. 14: a navigation warning
    ("warning_published",
     ["在航道上施工作业有碍航行安全的，由水上交通管理机构发布航行警告或者航行通告。"],
     {("行政处罚", "水上交通管理机构")}, set()),
    # near miss: a warning given, in the same sentence as 发布 (海上航行警告和航行通告管理规定 art. 18)
    ("warning_published",
     ["未依照本规定第六条、第七条规定的时间申请发布海上航行警告、航行通告的，国家主管机关或者区域主管机关可以给予警告，"
      "可以并处二千元以下的罚款。"],
     set(), {("行政处罚", "国家主管机关")}),
    # near miss: the publisher fined (德州市城乡容貌和环境卫生管理条例)
    ("warning_published",
     ["违反本条例规定散发商业广告的，由城市管理主管部门责令停止违法行为；未停止违法行为的，对散发人处二十元以上二百元以下罚款，"
      "对发布人处一千元以上一万元以下罚款。"],
     set(), {("行政处罚", "城市管理主管部门")}),
    # 商丘市优化营商环境条例 art. 12: a list of fees drawn up and published
    ("fee_list_noun",
     ["市、县（市、区）人民政府及其有关部门应当编制涉企行政事业性收费、涉企保证金以及实行政府定价或者政府指导价的涉企经营"
      "服务性收费目录清单，并予以公示，接受社会监督。"],
     {("行政征收", "有关部门"), ("行政征收", "市、县（市、区）人民政府")}, set()),
    # near miss: a fee collected
    ("fee_list_noun",
     ["城市排水设施使用费由城市排水行政主管部门收取。"],
     set(), {("行政征收", "城市排水行政主管部门")}),
    # 浙江省招标投标条例 art. 45: a breach found in enforcement
    ("breach_finding",
     ["有关行政监督部门应当加强对招标投标活动的监督，及时认定、制止、纠正招标投标活动中的违法行为，并依法查处。"],
     {("行政确认", "有关行政监督部门")}, set()),
    # near miss: a status recognised
    ("breach_finding",
     ["高新技术企业由省科学技术行政部门认定。"],
     set(), {("行政确认", "省科学技术行政部门")}),
    # 浙江省违法建筑处置规定 art. 18: the goods of the demolished building listed
    ("goods_inventory",
     ["违法建筑当事人未在强制拆除公告载明的期限内搬离违法建筑内财物的，自然资源主管部门或者乡镇人民政府应当在公证机构公证"
      "或者无利害关系的第三方见证下，将财物登记造册，并运送他处存放，通知当事人领取。"],
     {("行政确认", "自然资源主管部门"), ("行政确认", "乡镇人民政府")}, set()),
    # near miss: rights registered (重庆市林地保护管理条例 art. 9)
    ("goods_inventory",
     ["国家所有和集体所有的森林、林木和林地，个人所有的林木和使用的林地，由区县（自治县、市）人民政府依法登记造册，核发证书，"
      "确定所有权或使用权。"],
     set(), {("行政确认", "区县（自治县、市）人民政府")}),
    # 北京市城乡规划条例 art. 69: how the generic enforcement body exercises the inspection
    ("enforcement_body_topic",
     ["执法机关实施监督检查和查处违法建设，应当实行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"],
     {("行政检查", "执法机关")}, set()),
    # near miss: the same body with a modal of its own
    ("enforcement_body_topic",
     ["执法机关对违法建设进行监督检查时，可以进入现场检查，查阅、复制有关资料。"],
     set(), {("行政检查", "执法机关")}),
]


@pytest.mark.parametrize("row,articles,absent,present", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_precision5_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


def test_every_row_has_a_case():
    mine = rows_marked("i12-precision5:")
    assert mine and mine <= {c[0] for c in CASES}
