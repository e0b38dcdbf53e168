"""Recall round 4 (branch i12-recall3, issue 12): rows added from the misses of the fourth random sample
(bench/recall_sample/fourth, seed 4242) and the same constructions across the corpus.

Rows of this branch, each with the corpus text it cites and a near miss here (article text as the corpus has it,
expected (category, subject, construction)):

- ``patterns/bodies.tsv``, last three rows: sector names with 用 in them (节约用水, 房屋使用安全, 单用途卡行业,
  社会信用, 资源综合利用), which the name grammar of ``terms._NAME_CHAR`` refuses (用 ends a name: 用于…, 使用…);
  a body named by the act it did (原发证的…部门, 负责审批的…部门, 原批准的…部门: 的 before the sector ends a name);
  a local bureau (市水务局, 区、县人事局: 局 is no suffix of its own, so 布局, 格局, 局面 stay words);
- ``patterns/constructions.tsv``, the i12-recall3 block right after the i12-recall rows at the top of the file:
  ``competence`` 加强对…的(指导和|日常|安全…)监督管理 and 负责…的日常监督管理 / 对…实施综合监督管理;
  ``inspection`` 进行…(监督)抽测 / 抽检 / 抽样检测 / 监督检测; ``penalty`` 撤销登记 as a sanction (registers of
  property, relics, adoption, marriage and a citizen's own registration are left out).
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

CASES = [
    # --- bodies.tsv: sector names with 用 ---
    # 烟台市节约用水条例 art. 39 (the miss of the sample, no. 16)
    ("违反本条例规定，工业企业未循环利用或者回收利用工业冷却水、冷凝水的，由节约用水主管部门责令限期改正；逾期不改正的，"
     "处一万元以上五万元以下罚款。",
     {("行政处罚", "节约用水主管部门", "penalty")}),
    # 郑州市节约用水条例 art. 19
    ("计划用水单位的加价水费由节约用水管理机构负责征收。", {("行政征收", "节约用水管理机构", "levy")}),
    # 宁波市生活垃圾分类管理条例 art. 6
    ("资源综合利用主管部门对本行政区域内可回收物的利用实施监督管理。", {("其他", "资源综合利用主管部门", "competence")}),
    # 河南省社会信用条例 art. 68 (a level word before the name)
    ("信用主体违背信用承诺获取非法收益的，由县级以上社会信用工作主管部门没收非法收益，并处非法收益三至五倍的罚款；"
     "构成犯罪的，依法追究刑事责任。",
     {("行政处罚", "县级以上社会信用工作主管部门", "penalty")}),
    # near miss: the same words naming a party, not a body (郑州市房屋使用安全管理条例 art. 19)
    ("经鉴定属于危险房屋的，鉴定费用由房屋使用安全责任人承担。", set()),
    # --- bodies.tsv: a body named by the act it did (原发证的X部门, 负责审批的X部门, 原批准的X部门), kept as written ---
    # 化妆品生产经营监督管理办法 art. 23 (the miss of sample pilot, seed 12)
    ("化妆品生产企业有下列情形之一的，原发证的药品监督管理部门应当依法注销其化妆品生产许可证，并在政府网站上予以公布：\n"
     "（一）企业主动申请注销的；",
     # (i12-water2: 注销…许可证 is the licence's life cycle, 行政许可, tests/gold/README.md rule 7.5; the body name is the point here)
     {("行政许可", "原发证的药品监督管理部门", "licence_cancellation")}),
    # 北京市实施《文物保护法》办法 art. 30
    ("举办者擅自举办活动或者更改活动计划，由原批准的文物行政部门责令改正，没收违法所得，并处十万元以上二十万元以下的罚款。",
     {("行政处罚", "原批准的文物行政部门", "penalty")}),
    # near miss: 登记的 in a noun phrase before a function word is no body (重庆市土地房屋权属登记条例 art. 74)
    ("轮候查封登记的顺序按照司法机关送达协助执行通知书的时间先后进行排列。", set()),
    # --- bodies.tsv: a local bureau named 市/区、县…局 (上海市供水管理条例 art. 38) ---
    ("违反本条例规定，未经批准擅自取用地下水的，由市水务局责令其停止取水，并限期将深井填实。",
     {("其他", "市水务局", "order_to_correct")}),
    # near miss: 布局 is no bureau (广州市流溪河流域保护条例)
    ("市、区人民政府应当根据前款规定的产业发展规划和产业、产品目录，统筹兼顾，因地制宜，优化产业布局。", set()),
    # --- constructions.tsv competence: 加强对…的<manner>监督管理 ---
    # 上海市食品安全条例 art. 66
    ("区市场监督管理部门应当加强对食品摊贩遵守食品安全管理规定的指导和监督管理。",
     {("其他", "区市场监督管理部门", "competence")}),
    # 湖州市市容和环境卫生管理条例 art. 29
    ("综合行政执法部门应当加强对临时性经营者的日常监督管理，发现不属于本部门处理的违法行为，及时移交有权处理的部门。"
     "有权处理的部门应当依法处理，不得推诿。",
     {("其他", "综合行政执法部门", "competence")}),
    # near miss: a body's own staff (泰安市文明行为促进条例 art. 44)
    ("承担行政执法职责的部门应当加强对执法人员的教育培训和监督管理，提高执法能力和水平。", set()),
    # near miss: a government's leadership (粮食安全保障法 art. 52)
    ("国家厉行节约，反对浪费。县级以上人民政府应当建立健全引导激励与惩戒教育相结合的机制，加强对粮食节约工作的领导和监督管理，"
     "推进粮食节约工作。", set()),
    # --- constructions.tsv competence: 负责…的日常/综合/具体监督管理, 对…实施综合/具体/日常监督管理 ---
    # 山东省安全生产条例 art. 6
    ("县级以上人民政府应急管理部门依法对本行政区域内的安全生产工作实施综合监督管理，承担职责范围内的安全生产监督管理职责；"
     "其他负有安全生产监督管理职责的部门在各自职责范围内，依法对有关行业、领域的安全生产工作实施监督管理。",
     {("其他", "县级以上人民政府应急管理部门", "competence"), ("其他", "其他负有安全生产监督管理职责的部门", "competence")}),
    # 上海市促进浦东新区商事调解规定 art. 5
    ("浦东新区司法行政部门负责本行政区域内商事调解组织及其商事调解活动的日常监督管理。",
     {("其他", "浦东新区司法行政部门", "competence")}),
    # near miss: the rules of the supervision, not who supervises (宁波市公共资源交易管理条例)
    ("公共资源交易活动的具体监督管理办法，由市人民政府另行制定。", set()),
    # --- constructions.tsv inspection: 进行…监督抽测 ---
    # 上海市大气污染防治条例 art. 44 (the construction of the sample's miss, 聊城市大气污染防治条例 art. 38, no. 18)
    ("生态环境部门可以在机动车集中停放地、维修地对在用机动车的污染物排放状况进行监督抽测。",
     {("行政检查", "生态环境部门", "inspection")}),
    # near misses: the test as a noun of a procedural rule (青岛市机动车排气污染防治条例 art. 17) and as the time of a
    # party's duty (聊城市大气污染防治条例 art. 38)
    ("抽测不得收取抽测费用。抽测人员应当当场向机动车的驾驶人明示抽测结果。", set()),
    ("环境保护主管部门进行监督抽测时，任何单位和个人不得拒绝、阻挠。", set()),
    # the same row: 抽检 / 抽样检测 / 监督检测 of what a party supplies (济南市城市供水条例 art. 28)
    ("卫生主管部门应当按照职责，对供水水质进行监督检测。", {("行政检查", "卫生主管部门", "inspection")}),
    # near misses: how a test is done (杭州市机动车排气污染防治条例), and an enterprise testing its own coal (made up)
    ("生态环境主管部门对机动车进行排气污染抽检应当快捷、便民，不得妨碍道路交通安全和畅通，不得收取检测费，不得扣押车辆。", set()),
    ("燃用煤炭的企业应当对入炉前的煤炭质量进行抽样检测。", set()),
    # --- constructions.tsv penalty: 撤销登记 as a sanction (no 行政确认 read into it) ---
    # 民办非企业单位登记管理暂行条例 art. 24
    ("民办非企业单位在申请登记时弄虚作假，骗取登记的，或者业务主管单位撤销批准的，由登记管理机关予以撤销登记。",
     {("行政处罚", "登记管理机关", "penalty")}),
    # 洛阳市社会团体登记管理办法 art. 20 (the sample's false 行政确认, no. 31)
    ("社会团体有下列行为之一的，由登记管理机关予以撤销登记；有违法经营额或者违法所得的，予以没收，可以并处违法经营额一倍以上"
     "三倍以下或者违法所得三倍以上五倍以下的罚款：\n（一）涂改、转让、出租、出借《社会团体法人登记证书》造成严重后果的；",
     {("行政处罚", "登记管理机关", "penalty")}),
    # near misses: a citizen withdrawing his own registration (上海市遗体捐献条例 art. 14), and a relic's registration
    # closed because the relic is gone (新乡市不可移动文物保护条例 art. 21: the register, not a sanction)
    ("办理遗体捐献登记手续后，捐献人可以变更登记内容或者撤销登记。", set()),
    ("一般不可移动文物灭失、损毁的，由县（市、区）文物行政主管部门组织专家鉴定，确已不具有文物价值的，向社会公示。"
     "公示无异议的，予以撤销登记并向社会公布，同时报市文物行政主管部门备案。",
     {("行政确认", "县（市、区）文物行政主管部门", "registration")}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:14] for t, _ in CASES])
def test_recall4_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected
