"""Constructions of the procedure of public-order penalties (issue 12, branch i12-procedure): a table of (article texts as
the corpus has them, expected clauses) with a near miss beside each row.

Each row this branch added to ``patterns/procedures.tsv`` (case_investigation, act_manner, seized_record,
own_administration_means) and ``patterns/constructions.tsv`` (coercive_summons, the penalty_designation of a penalty named
by its kind), and the extract.py / clauses.py changes (a designation of a penalty named by its kind, 治安管理处罚由X决定; a
law that designates only some acts leaves the others to the fall-backs) has a text here that it must read and one that it
must not; none of the texts is an article of the two laws the branch annotated (治安管理处罚法, 行政复议法实施条例:
tests/gold/dev).
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (article texts of one chapter, expected {(article, category, subject, construction)}), law and articles in the comment
ROWS = [
    # --- a designation of the law's penalty named by its kind (extract.py _DESIGNATION, constructions.tsv) ----------------
    # 特种设备安全监督检查办法 (2022) arts. 35 and 32: the fine names no body; 特种设备安全行政处罚由X实施 designates it
    (["被检查单位未按要求进行自查自纠的，责令限期改正；逾期未改正的，处五千元以上三万元以下罚款。",
      "特种设备安全行政处罚由违法行为发生地的县级以上市场监督管理部门实施。"],
     {(1, "行政处罚", "县级以上市场监督管理部门", "penalty"),
      (2, "行政处罚", "县级以上市场监督管理部门", "penalty_designation")}),
    # near miss, 上海市出租汽车管理条例 (two sentences of one article): 当事人对行政处罚决定…不履行的，由X申请人民法院强制执行 is
    # no designation (a kind is followed by 由 at once), so the fine keeps the body of its own article
    (["违反本条例规定的，由市交通行政管理部门责令改正，处二百元以上一千元以下罚款。",
      "当事人对行政处罚决定逾期不申请复议、不起诉又不履行的，由作出行政处罚决定的机关申请人民法院强制执行。"],
     {(1, "行政处罚", "市交通行政管理部门", "penalty")}),
    # --- a designation of one act leaves the others to the fall-backs (clauses.py) ------------------------------------
    # 公安机关办理行政案件程序规定 (2019) art. 173 (行政拘留处罚由…决定) with a seizure and a competence clause: the seizure,
    # no 行政拘留, takes the competent body, as it did before the designation was read
    (["县级以上地方人民政府公安机关负责本行政区域内的治安管理工作。",
      "对与案件有关的需要作为证据的物品，可以扣押。",
      "行政拘留处罚由县级以上公安机关或者出入境边防检查机关决定。"],
     {(1, "其他", "县级以上地方人民政府公安机关", "competence"),
      (2, "行政强制", "县级以上地方人民政府公安机关", "coercive_measure"), (3, "行政处罚", "县级以上公安机关", "penalty"),
      (3, "行政处罚", "出入境边防检查机关", "penalty_designation")}),
    # --- 行政强制: 强制传唤 (coercive_summons) ---------------------------------------------------------------------
    # 反间谍法 (2023) art. 27 (last sentences)
    (["国家安全机关应当将传唤的原因和依据告知被传唤人。对无正当理由拒不接受传唤或者逃避传唤的人，可以强制传唤。"],
     {(1, "行政强制", "国家安全机关", "coercive_summons")}),
    # near miss, 人民警察使用警械和武器条例 (1996) art. 8 item (二): 强制传唤 as one task of a list that is a case (…的)
    (["人民警察依法执行下列任务，遇有违法犯罪分子可能脱逃、行凶、自杀、自伤或者有其他危险行为的，可以使用手铐、脚镣、警绳等约束性警械:\n"
      "（一）抓获违法犯罪分子或者犯罪重大嫌疑人的；\n（二）执行逮捕、拘留、看押、押解、审讯、拘传、强制传唤的；"],
     set()),
    # --- 行政检查: the investigation of a report received (case_investigation) ------------------------------------
    # 宁波市城市房屋使用安全管理条例 (2015) art. 28 para. 2 (second sentence)
    (["住房和城乡建设行政主管部门接到违法装修行为报告或者受理违法装修行为举报、投诉后，应当及时到装修现场检查核实并依法处理。"],
     set()),
    # near miss, 政府采购法实施条例 (2015) art. 56: a power to investigate that the article gives (必要时可以进行调查取证)
    (["财政部门处理投诉事项采用书面审查的方式，必要时可以进行调查取证或者组织质证。"],
     {(1, "行政检查", "财政部门", "inspection")}),
    # --- 行政检查: where and how an act is done (act_manner) -----------------------------------------------------
    # 公安机关办理行政案件程序规定 (2019) art. 79
    (["人民警察询问被侵害人或者其他证人，可以在现场进行，也可以到其单位、学校、住所、其居住地居（村）民委员会或者其提出的地点进行。"],
     set()),
    # 河南省道路运输条例 (2007) art. 36: the officers show their papers when they check
    (["道路运输管理机构的执法人员在执行监督检查任务时，应当出示有效执法证件，佩戴标志，文明执法。"], set()),
    # near miss, 杭州市城市轨道交通管理条例 (2018): 有权进入…进行检查 grants the inspection
    (["建设、城市管理等部门有权进入保护区内施工现场进行检查，询问有关人员，调取、复制与作业相关的资料，相关单位和个人应当予以配合。"],
     {(1, "行政检查", "建设、城市管理等部门", "inspection")}),
    # --- 行政确认: the record of goods collected or seized (seized_record) -------------------------------------
    # 保守国家秘密法实施条例 (2024) art. 62
    (["保密行政管理部门收缴非法获取、持有的国家秘密载体，应当进行登记并出具清单，查清密级、数量、来源、扩散范围等，并采取相应的保密措施。"],
     set()),
    # near miss, 机动车登记规定 (2021) art. 81: 收缴…证书，撤销机动车登记 is the registration's own life cycle
    (["以欺骗、贿赂等不正当手段取得机动车登记的，由公安机关交通管理部门收缴机动车登记证书、号牌、行驶证，撤销机动车登记，处二千元以下罚款；"
      "申请人在三年内不得再次申请机动车登记。"],
     {(1, "行政处罚", "公安机关交通管理部门", "penalty"), (1, "行政强制", "公安机关交通管理部门", "coercive_measure"),
      (1, "行政确认", "公安机关交通管理部门", "registration")}),
    # --- 行政检查: checks as a government's means of supervising its own departments (own_administration_means) --------
    # 济南市优化营商环境条例 (2022) art. 59 (the row's own test is test_check_as_means_of_internal_supervision below)
    (["市、区县人民政府应当通过专项督查、日常检查、执法监督等方式，对本级人民政府有关部门以及下级人民政府优化营商环境工作进行监督检查，"
      "对存在的问题依法及时纠正。"],
     set()),
    # near miss, 反恐怖主义法 (2018) art. 53: checks of a person under a restraint order
    (["公安机关可以采取电子监控、不定期检查等方式对其遵守约束措施的情况进行监督。"], {(1, "行政检查", "公安机关", "inspection")}),
]


@pytest.mark.parametrize("texts, expected", ROWS, ids=[f"{i:02d}-{t[0][:10]}" for i, (t, _) in enumerate(ROWS)])
def test_procedure_construction(texts: list[str], expected: set) -> None:
    assert found(texts) == expected


# own_administration_means read at the check named as the means (the article's other acts are voided by own_administration
# or are no act words): 济南市优化营商环境条例 (2022) art. 59; near miss, 反恐怖主义法 (2018) art. 53 (a person's compliance)
@pytest.mark.parametrize("text, act, expected", [
    ("市、区县人民政府应当通过专项督查、日常检查、执法监督等方式，对本级人民政府有关部门以及下级人民政府优化营商环境工作进行监督检查，"
     "对存在的问题依法及时纠正。", "日常检查", "own_administration_means"),
    ("公安机关可以采取电子监控、不定期检查等方式对其遵守约束措施的情况进行监督。", "不定期检查", None),
])
def test_check_as_means_of_internal_supervision(text: str, act: str, expected: str | None) -> None:
    from loaders.nlp.procedures import procedure_of

    start = text.index(act) + len(act) - 2
    sentence_end = text.index("。") + 1
    assert procedure_of(text, "行政检查", "人民政府", start, start + 2, (0, sentence_end), 0) == expected
