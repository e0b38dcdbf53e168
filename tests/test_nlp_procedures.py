"""Procedures told apart from grants (patterns/procedures.tsv): a law on how powers are exercised names acts
of every category as the topic of a duty on whichever body exercises them; those grant nothing.

Every text is an article as the corpus has it (law and article in the comment).
"""

from __future__ import annotations

import csv
import re

import pytest

from kg.model import CATEGORY_NAMES
from loaders.nlp import extract_clauses
from loaders.nlp.procedures import SCOPES, TABLE, load_procedures

from .test_nlp_extraction import VERSION, statute


def pairs(text: str) -> set[tuple[str, str]]:
    return {(c.category.value, c.subject) for c in extract_clauses(VERSION, statute([text]))}


# (article text, pairs that must not be found, pairs that must be found)
CASES = [
    # 行政许可法 art. 63: the exercise of an inspection is the topic of a prohibition (exercise_topic)
    ("行政机关实施监督检查，不得妨碍被许可人正常的生产经营活动，不得索取或者收受被许可人的财物，不得谋取其他利益。",
     {("行政检查", "行政机关")}, set()),
    # 行政许可法 art. 62: the same body's own grant of an inspection stays
    ("行政机关可以对被许可人生产经营的产品依法进行抽样检查、检验、检测，对其生产经营场所依法进行实地检查。"
     "检查时，行政机关可以依法查阅或者要求被许可人报送有关材料；被许可人应当如实提供有关情况和材料。",
     set(), {("行政检查", "行政机关")}),
    # 行政处罚法 art. 56: an act with a modal of its own stays although a duty follows it
    ("行政机关在收集证据时，可以采取抽样取证的方法；在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，"
     "可以先行登记保存，并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据。",
     set(), {("行政检查", "行政机关"), ("行政强制", "行政机关")}),
    # 行政处罚法 art. 54: as other laws provide (by_other_law)
    ("除本法第五十一条规定的可以当场作出的行政处罚外，行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，"
     "必须全面、客观、公正地调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。\n符合立案标准的，行政机关应当及时立案。",
     {("行政检查", "行政机关")}, set()),
    # 行政处罚法 art. 75: supervising the exercise of penalties (power_as_object)
    ("行政机关应当建立健全对行政处罚的监督制度。县级以上人民政府应当定期组织开展行政执法评议、考核，加强对行政处罚的监督检查，"
     "规范和保障行政处罚的实施。",
     {("行政检查", "县级以上人民政府")}, set()),
    # 行政许可法 art. 25: a government needs the approval (government_asks)
    ("经国务院批准，省、自治区、直辖市人民政府根据精简、统一、效能的原则，可以决定一个行政机关行使有关行政机关的行政许可权。",
     {("行政许可", "国务院")}, set()),
    # 审计法 art. 18: the audited are the body's own government (own_administration) ...
    ("审计机关对本级各部门（含直属单位）和下级政府预算的执行情况和决算以及其他财政收支情况，进行审计监督。",
     {("行政检查", "审计机关")}, set()),
    # ... 审计法 art. 22: enterprises are the public
    ("审计机关对国有企业、国有金融机构和国有资本占控股地位或者主导地位的企业、金融机构的资产、负债、损益以及其他财务收支情况，"
     "进行审计监督。",
     set(), {("行政检查", "审计机关")}),
    # 行政处罚法 art. 82: beside the superior of a body that did wrong (beside_superior)
    ("行政机关对应当依法移交司法机关追究刑事责任的案件不移交，以行政处罚代替刑事处罚，由上级行政机关或者有关机关责令改正，"
     "对直接负责的主管人员和其他直接责任人员依法给予处分；情节严重构成犯罪的，依法追究刑事责任。",
     {("其他", "有关机关")}, set()),
    # 行政许可法 art. 68: the inspection is the time of an order (exercise_time); the order stays
    ("对直接关系公共安全、人身健康、生命财产安全的重要设备、设施，行政机关应当督促设计、建造、安装和使用单位建立相应的自检制度。\n"
     "行政机关在监督检查时，发现直接关系公共安全、人身健康、生命财产安全的重要设备、设施存在安全隐患的，应当责令停止建造、"
     "安装和使用，并责令设计、建造、安装和使用单位立即改正。",
     {("行政检查", "行政机关")}, {("其他", "行政机关")}),
    # 文物保护法 art. 49: a department asks its government for leave to act itself (body_asks_before)
    ("根据保证文物安全、进行科学研究和充分发挥文物作用的需要，省、自治区、直辖市人民政府文物行政部门经本级人民政府批准，"
     "可以调用本行政区域内的出土、出水文物；国务院文物行政部门经国务院批准，可以调用全国的重要出土、出水文物。",
     {("行政许可", "本级人民政府"), ("行政许可", "国务院")}, set()),
    # 渔业法 art. 12: the body's own licence named as a time stays (main gold: X在核发…证时 is its own act)
    ("县级以上地方人民政府在核发养殖证时，应当优先安排当地的渔业生产者。", set(), {("行政许可", "县级以上地方人民政府")}),
    # 土地管理法 art. 58: 由X报经Y批准，可以收回 (body_asks_approval); the taking's compensation is X's
    ("有下列情形之一的，由有关人民政府自然资源主管部门报经原批准用地的人民政府或者有批准权的人民政府批准，可以收回国有土地使用权：\n"
     "（一）为实施城市规划进行旧城区改建以及其他公共利益需要，确需使用土地的；\n"
     "（二）土地出让等有偿使用合同约定的使用期限届满，土地使用者未申请续期或者申请续期未获批准的；\n"
     "（三）因单位撤销、迁移等原因，停止使用原划拨的国有土地的；\n"
     "（四）公路、铁路、机场、矿场等经核准报废的。\n"
     "依照前款第（一）项的规定收回国有土地使用权的，对土地使用权人应当给予适当补偿。",
     {("行政许可", "原批准用地的人民政府")},
     {("其他", "有关人民政府自然资源主管部门"), ("行政给付", "有关人民政府自然资源主管部门")}),
    # 治安管理处罚法 art. 107: a sanction named as the object of its suspension (sanction_noun_before/after)
    ("被处罚人不服行政拘留处罚决定，申请行政复议、提起行政诉讼的，可以向公安机关提出暂缓执行行政拘留的申请。"
     "公安机关认为暂缓执行行政拘留不致发生社会危险的，由被处罚人或者其近亲属提出符合条件的担保人，或者按每日行政拘留二百元的标准"
     "交纳保证金，行政拘留的处罚决定暂缓执行。",
     {("行政处罚", "公安机关")}, set()),
    # 治安管理处罚法 art. 89: a procedural chapter's express 可以 of a measure stays
    ("公安机关办理治安案件，对与案件有关的需要作为证据的物品，可以扣押；对被侵害人或者善意第三人合法占有的财产，不得扣押，"
     "应当予以登记。对与案件无关的物品，不得扣押。",
     set(), {("行政强制", "公安机关")}),
    # 治安管理处罚法 art. 99: leave to extend the body's own time limit (time_extension)
    ("公安机关办理治安案件的期限，自受理之日起不得超过三十日；案情重大、复杂的，经上一级公安机关批准，可以延长三十日。",
     {("行政许可", "上一级公安机关")}, set()),
    # 行政复议法 art. 64: the review body orders the respondent, a body (respondent_body)
    ("行政行为有下列情形之一的，行政复议机关决定撤销或者部分撤销该行政行为，并可以责令被申请人在一定期限内重新作出行政行为：\n"
     "（一）主要事实不清、证据不足；",
     {("其他", "行政复议机关")}, set()),
    # 传染病防治法实施办法 art. 72: a fine "的决定" by amount is a grant, not a noun
    ("县级政府卫生行政部门可以作出处一万元以下罚款的决定。", set(), {("行政处罚", "县级政府卫生行政部门")}),
]


@pytest.mark.parametrize("text,absent,present", CASES, ids=[c[0][:12] for c in CASES])
def test_procedures_grant_nothing_and_grants_stay(text, absent, present) -> None:
    found = pairs(text)
    assert not (found & absent), found
    assert present <= found, found


def _table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_every_row_is_complete_and_its_example_is_in_the_cited_article(laws_dir) -> None:
    from kg.model import ProvisionKind
    from kg.text import squeeze
    from loaders.statutes import parse_file

    rows = _table()
    assert len(rows) == len(load_procedures())
    texts: dict[str, dict[int, str]] = {}
    for row in rows:
        assert row["name"] and row["note"] and row["scope"] in SCOPES, row
        assert row["categories"] == "all" or set(row["categories"].split(",")) <= set(CATEGORY_NAMES), row
        assert row["before"] or row["after"], row
        for column in ("subject", "before", "after"):
            re.compile(row[column])
        short = row["law"].removeprefix("中华人民共和国")
        if short not in texts:
            texts[short] = {}
            # 部门规章 sit one folder deeper, under their ministry (部门规章/公安部/…), local laws deeper still
            # (DLC/上海地方法规/地方性法规/上海/…, some with no date in the name)
            for path in [*laws_dir.rglob(f"{short}(*).md"), *laws_dir.rglob(f"{short}.md")]:
                for p in parse_file(path).provisions:
                    if p.kind is ProvisionKind.ARTICLE and not p.article_suffix:
                        texts[short][p.article] = texts[short].get(p.article, "") + squeeze(p.text or "")
        assert squeeze(row["example"]) in texts[short].get(int(row["article"]), ""), row


def test_a_bad_row_is_an_error_naming_its_line(tmp_path) -> None:
    bad = tmp_path / "procedures.tsv"
    bad.write_text("name\tcategories\tsubject\tscope\tbefore\tafter\texample\tlaw\tarticle\tnote\n"
                   "x\tall\t\tclause\t对\t\te\tl\t1\tn\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"procedures.tsv:2: scope"):
        load_procedures(str(bad))
    bad.write_text("name\tcategories\tsubject\tscope\tbefore\tafter\texample\tlaw\tarticle\tnote\n"
                   "x\tall\t\tsentence\t对(\t\te\tl\t1\tn\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"procedures.tsv:2: bad pattern"):
        load_procedures(str(bad))
