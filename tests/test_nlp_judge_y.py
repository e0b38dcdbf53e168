"""Two non-powers judge Y (docs/evaluation/changed-findings-20261208-Y.md) found counted in the Karamay 公安 notes.

- An act after 不受 is an immunity the law gives, not a power (procedures.tsv immunity): 拘留所条例 art. 25
  来往信件不受检查和扣押.
- An act naming a document's list is a noun (procedures.tsv document_list_noun): 公安机关办理行政案件程序规定 art. 175
  行政处罚决定书应当附没收、收缴、追缴物品清单.

The corpus rows extract the corpus text itself.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found
from .test_nlp_courts import corpus_entries

# (file under laws/, article, the (category, subject) entries expected there)
CORPUS = [
    ("行政法规/拘留所条例(2012-02-23).md", 25, set()),  # 被拘留人与他人的来往信件不受检查和扣押
    ("部门规章/公安部/公安机关办理行政案件程序规定(2019-04-27).md", 175, set()),  # 决定书应当附没收、收缴、追缴物品清单
]


@pytest.mark.parametrize("file, article, expected", CORPUS)
def test_the_articles_judge_y_found_hold_no_power(file: str, article: int, expected: set) -> None:
    assert corpus_entries(file, article) == expected


@pytest.mark.parametrize("text, expected", [
    # the immunity: nothing
    ("第一条 被拘留人与他人的来往信件不受检查和扣押。", set()),
    # near miss: the body's own seizure after a refusal to accept (不受理) is kept
    ("第一条 对不受理的申请，县级以上人民政府公安机关可以扣押其非法财物。",
     {(1, "行政强制", "县级以上人民政府公安机关", "coercive_measure")}),
])
def test_an_act_after_bu_shou(text: str, expected: set) -> None:
    assert {e for e in found([text]) if e[1] != "其他"} == expected


@pytest.mark.parametrize("text, expected", [
    ("第一条 对涉案财物作出处理的，行政处罚决定书应当附没收、收缴、追缴物品清单。", set()),
    # near miss: the confiscation itself, with its list made afterwards, is kept
    ("第一条 违反本条例规定的，由县级以上人民政府公安机关没收非法财物，并开具清单。",
     {(1, "行政处罚", "县级以上人民政府公安机关", "penalty")}),
])
def test_a_documents_list_is_a_noun(text: str, expected: set) -> None:
    assert {e for e in found([text]) if e[1] != "其他"} == expected
