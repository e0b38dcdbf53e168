"""Invalid bases (设定权) on hand-made graphs."""

from __future__ import annotations

import pytest

from kg.model import Rank, article_id
from queries.invalid import find_invalid
from queries.rules import permitted, power_types, setting_rules

from .test_queries_builder import GraphBuilder, cite


@pytest.mark.parametrize("category, types, rank, allowed", [
    ("行政处罚", set(), "规范性文件", "no"),
    ("行政处罚", {"罚款"}, "地方政府规章", "conditional"),
    ("行政处罚", {"吊销许可证件"}, "部门规章", "no"),
    ("行政处罚", {"行政拘留"}, "地方性法规", "no"),
    ("行政处罚", {"行政拘留"}, "法律", "yes"),
    ("行政处罚", {"吊销营业执照"}, "行政法规", "yes"),
    ("行政处罚", {"吊销营业执照"}, "地方性法规", "no"),
    ("行政强制", {"冻结"}, "行政法规", "no"),
    ("行政强制", {"查封", "扣押"}, "地方性法规", "conditional"),  # art. 10 para. 3: no law or 行政法规 yet
    ("行政强制", {"其他强制措施"}, "行政法规", "conditional"),  # 强制卸货: art. 10 para. 2
    ("行政强制", {"其他强制措施"}, "地方性法规", "no"),
    ("行政强制", {"限制人身自由"}, "行政法规", "no"),
    ("行政强制", {"其他强制执行"}, "行政法规", "no"),  # art. 13
    ("行政强制", {"排除妨碍"}, "地方性法规", "no"),
    ("行政强制", {"代履行"}, "行政法规", "conditional"),  # art. 50 grants it itself, on conditions
    ("行政强制", {"加处罚款"}, "地方性法规", "conditional"),  # art. 45
    ("行政强制", {"加处罚款"}, "规范性文件", "no"),
    ("行政许可", set(), "部门规章", "no"),
    ("行政许可", set(), "地方性法规", "yes"),
    ("行政征收", {"税收"}, "地方性法规", "no"),
    ("行政检查", set(), "规范性文件", "yes"),
])
def test_setting_rules(category, types, rank, allowed):
    assert permitted(setting_rules(), category, types, rank).allowed == allowed


@pytest.mark.parametrize("category, text, types", [
    ("行政处罚", "对扰乱秩序的行政拘留", {"行政拘留"}),
    ("行政处罚", "吊销营业执照", {"吊销营业执照"}),
    ("行政处罚", "吊销许可证", {"吊销许可证件"}),
    ("行政强制", "冻结存款、汇款", {"冻结"}),
    ("行政强制", "发现车辆超载行为的，应当立即予以制止，并采取相应措施安排旅客改乘或者强制卸货", {"其他强制措施"}),
    ("行政强制", "逾期不拆除的，强制拆除", {"排除妨碍"}),
    ("行政强制", "没有行政强制执行权的行政机关可以申请人民法院强制执行", set()),
    ("行政征收", "契税征收", {"税收"}),
    ("行政征收", "税务登记费征收", set()),
])
def test_power_types(category, text, types):
    assert power_types(category, [text]) == types


def test_every_rule_cites_an_article():
    for rule in setting_rules().values():
        assert rule.law.startswith("中华人民共和国") and rule.article > 0 and rule.note


def _graph(store):
    g = GraphBuilder()
    law = g.law("中华人民共和国甲法", "2020-01-01", {10: "由公安机关处十日以下拘留。", 20: "冻结存款。"})
    reg = g.law("甲条例", "2018-01-01", {7: "由县级以上人民政府有关部门冻结其存款。"}, rank=Rank.ADMINISTRATIVE_REGULATION)
    local = g.law("乙省甲条例", "2019-01-01", {12: "由公安机关处五日以下拘留。"}, rank=Rank.LOCAL_REGULATION, region="乙省")
    rule = g.law("甲办法", "2017-01-01", {8: "处一千元以下罚款。"}, rank=Rank.DEPARTMENT_RULE)
    gov = g.government("甲市", province="乙省")
    d = g.department(gov, "甲市公安局", "公安")
    g.item(d, "a-fine-on-notice", "对某行为的罚款", "行政处罚", cite(None, "《关于某事的通知》", status="normative_document"))
    g.item(d, "b-detention-local", "对某行为的行政拘留", "行政处罚", cite(article_id(local, 12), "《乙省甲条例》第十二条"))
    g.item(d, "c-freeze-regulation", "冻结存款", "行政强制", cite(article_id(reg, 7), "《甲条例》第七条"))
    g.item(d, "d-licence-tag", "某许可", "行政许可", cite(None, "【规范性文件】《某通知》", law="某通知",
                                                    status="law_not_loaded", rank_tag="规范性文件"))
    # near misses
    g.item(d, "e-fine-on-rule", "对某行为的罚款", "行政处罚", cite(article_id(rule, 8), "《甲办法》第八条"))
    g.item(d, "f-detention-law", "对某行为的行政拘留", "行政处罚", cite(article_id(local, 12), "《乙省甲条例》第十二条"),
           cite(article_id(law, 10), "《甲法》第十条"))
    g.item(d, "g-untagged-unloaded", "冻结存款", "行政强制", cite(None, "《丙法》第三条", law="丙法", status="law_not_loaded"))
    g.item(d, "h-law-tag", "对某行为的行政拘留", "行政处罚", cite(None, "【法律】《丁法》第三条", law="丁法",
                                                         status="law_not_loaded", rank_tag="法律"))
    g.save(store)


def test_invalid_exact(store):
    _graph(store)
    found = {f.item_id: f for f in find_invalid(store)}
    assert sorted(found) == ["a-fine-on-notice", "b-detention-local", "c-freeze-regulation", "d-licence-tag"]
    rules = {k: [(e.rule_law, e.rule_article) for e in f.evidence if e.rule] for k, f in found.items()}
    assert rules["a-fine-on-notice"] == [("中华人民共和国行政处罚法", "第十六条")]
    assert rules["b-detention-local"] == [("中华人民共和国行政处罚法", "第十条第二款")]
    assert rules["c-freeze-regulation"] == [("中华人民共和国行政强制法", "第十条第二款")]
    assert rules["d-licence-tag"] == [("中华人民共和国行政许可法", "第十七条")]
    assert found["b-detention-local"].reason.startswith("该行政处罚事项（行政拘留）的依据仅有地方性法规")
