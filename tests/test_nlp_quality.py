"""Constructions of product quality and metrology (issue 12, branch i12-quality): a table of (articles as the corpus has
them, expected clauses), each rule the branch added (patterns/constructions.tsv, patterns/bodies.tsv and the referral of
loaders/nlp/clauses.py) with a text it must read and a near miss it must not.

None of the texts is from the two laws the branch annotated (tests/gold/dev/产品质量法.jsonl, 计量法.jsonl): the rules
were written from the construction, and these are other statutes that use it.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (articles of one chapter, expected {(article, category, subject, construction)}), law and article in the comment
ROWS = [
    # --- metrology_authorisation: X授权(其他单位的)…计量检定机构 / 技术机构 执行…检定任务 is a licence -------------------
    # 河南省计量监督管理条例 (2016) art. 27
    (["县级以上计量行政主管部门可以根据需要设置计量检定机构或者授权其他计量检定机构执行强制检定和其他检定、校准、测试任务。"],
     {(1, "行政许可", "县级以上计量行政主管部门", "metrology_authorisation")}),
    # 强制检定的工作计量器具检定管理办法 (1987) art. 10
    (["县级以上人民政府计量行政部门按照有利于管理、方便生产和使用的原则，结合本地区的实际情况，可以授权有关单位的计量检定机构"
      "在规定的范围内执行强制检定工作。"],
     {(1, "行政许可", "县级以上人民政府计量行政部门", "metrology_authorisation")}),
    # near miss, 浙江省计量监督管理条例 art. 17: 取得授权的 names the institutions, and publishing their list is publicity
    (["计量主管部门应当定期公布依法取得授权的计量检定机构名录及其授权范围，并向公众提供查询服务，接受社会监督。"], set()),
    # --- approval: 经 / 由X对其…考核合格 (the object between the body and the assessment) ------------------------------------
    # 绍兴市城市轨道交通管理条例 (2021) art. 39
    (["运营单位主要负责人、安全生产管理人员等应当经过安全培训，并经市交通运输部门对其安全生产知识和管理能力考核合格。"],
     {(1, "行政许可", "市交通运输部门", "approval")}),
    # near miss: the operator's own assessment of its staff (no body before 对)
    (["运营单位应当对其从业人员的安全生产知识和管理能力进行考核，考核合格后方可上岗。"], set()),
    # --- registration (检定): a body's 实行 / 进行 / 申请 检定 and 仲裁检定, not 检定 as a noun ---------------------------
    # 上海市测绘管理条例 art. 19
    (["市质量技术监督管理部门按照有关规定，对测绘仪器设备进行计量检定。"],
     {(1, "行政确认", "市质量技术监督管理部门", "registration")}),
    # 计量法实施细则 (2022) art. 28 item (四): 调解和仲裁检定
    (["（四）被授权单位成为计量纠纷中当事人一方时，在双方协商不能自行解决的情况下，由县级以上有关人民政府计量行政部门进行调解和"
      "仲裁检定。"],
     {(1, "行政确认", "县级以上有关人民政府计量行政部门", "registration")}),
    # near misses (no 行政确认): 检定 as a method named in a list (许昌市机动车和非道路移动机械排气污染防治条例 art. 8) and in a case
    # (青岛市客运出租汽车管理条例 art. 32)
    (["生态环境主管部门应当会同市场监督管理部门建立联合检查机制，通过监督抽查、计量检定、网络监控等方式，对机动车排放检验机构"
      "排放检验行为的公正性、准确性进行监督管理。"],
     {(1, "其他", "生态环境主管部门", "competence"), (1, "行政检查", "生态环境主管部门", "inspection")}),
    (["市场监管部门依法查处价格违法、不正当竞争以及非法改装、破坏或者使用未经检定合格的计程计价设备等违法行为。"], set()),
    # --- the inspecting body named by its inspection: 由实施监督检查的X部门责令… -----------------------------------------
    # 山东省实施《中华人民共和国产品质量法》办法 (2015) art. 29
    (["依照本办法进行监督检查的产品质量不合格的，由实施监督检查的质量技术监督部门责令生产者、销售者限期改正。逾期不改正的，"
      "由质量技术监督部门予以公告；公告后经复查仍不合格的，责令停业、限期整顿。法律另有规定的，从其规定。"],
     {(1, "其他", "实施监督检查的质量技术监督部门", "order_to_correct"),
      (1, "行政处罚", "质量技术监督部门", "penalty")}),
    # near miss: the same order given by the body that published (one body, so the order is part of its penalty)
    (["依照本办法进行监督检查的产品质量不合格的，由质量技术监督部门责令生产者、销售者限期改正。逾期不改正的，"
      "由质量技术监督部门予以公告；公告后经复查仍不合格的，责令停业、限期整顿。"],
     {(1, "行政处罚", "质量技术监督部门", "penalty")}),
    # --- application: 提出复检申请 is a party's objection to an inspection result, no licence ------------------------------
    # 食品安全法 (2021) art. 88 (its first sentence)
    (["对依照本法规定实施的检验结论有异议的，食品生产经营者可以自收到检验结论之日起七个工作日内向实施抽样检验的食品安全监督管理部门"
      "或者其上一级食品安全监督管理部门提出复检申请，由受理复检申请的食品安全监督管理部门在公布的复检机构名录中随机确定复检机构进行"
      "复检。"], set()),
    # --- penalty_referral: 依照本条例第X条的规定处罚 with no body is a penalty of the text, the designated body's ---------
    # 安全生产许可证条例 (2014) arts. 21 para. 2 and 23
    (["冒用安全生产许可证或者使用伪造的安全生产许可证的，依照本条例第十九条的规定处罚。",
      "本条例规定的行政处罚，由安全生产许可证颁发管理机关决定。"],
     {(1, "行政处罚", "安全生产许可证颁发管理机关", "penalty_referral"),
      (2, "行政处罚", "安全生产许可证颁发管理机关", "penalty_designation")}),
    # 浙江省产品质量监督条例 (2009) art. 34: …依照本条例第二十七条至第三十条对销售者的处罚规定处罚 (the designation shortened)
    (["服务业的经营者知道或者应当知道属于本条例第八条规定的产品而将其用于经营性服务的，按照违法使用的产品（包括已使用和尚未使用的"
      "产品）的货值金额，依照本条例第二十七条至第三十条对销售者的处罚规定处罚。",
      "本条例规定的行政处罚，由县级以上质量技术监督部门决定。"],
     {(1, "行政处罚", "县级以上质量技术监督部门", "penalty_referral"),
      (2, "行政处罚", "县级以上质量技术监督部门", "penalty_designation")}),
    # near miss, 浙江省产品质量监督条例 art. 28: a referral to another law names no body of this one (rule 2)
    (["违反本条例第八条第（三）项规定的，依照《产品质量法》关于销售失效、变质的产品的处罚规定处罚。",
      "本条例规定的行政处罚，由县级以上质量技术监督部门决定。"],
     {(2, "行政处罚", "县级以上质量技术监督部门", "penalty_designation")}),
]


@pytest.mark.parametrize("chapter, expected", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_quality_construction(chapter: list[str], expected: set[tuple]) -> None:
    assert found(chapter) == expected
