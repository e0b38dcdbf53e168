"""A court's act is no administrative power: 人民法院 followed by its own modal (procedures.tsv court_acts).

Judge X (docs/evaluation/changed-findings-20261207-X.md) found 反家庭暴力法 art. 21's revocation of guardianship, the
people's court's act, counted as a city government's 行政处罚 on the Karamay lists; art. 34's fine for breaching a
protection order, also the court's, went to 公安机关. The subject came from the law's context, so the rows below
extract the corpus text itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.nlp.extract import extract_clauses
from loaders.statutes import parse_file

from .test_nlp_constructions import found

LAWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
# (file under laws/, article, the entries expected there as (category, subject))
CORPUS = [
    ("社会法/反家庭暴力法(2015-12-27).md", 21, set()),   # 人民法院可以…依法撤销其监护人资格
    ("社会法/反家庭暴力法(2015-12-27).md", 34, set()),   # 人民法院应当给予训诫，可以…处以…罚款、十五日以下拘留
    # near miss: the court's decision is the cause, the registry registers
    ("DLC/上海地方法规/地方性法规/上海/上海市房地产登记条例(2008-12-25).md", 38, {("行政确认", "房地产登记机构")}),
]


@pytest.mark.parametrize("file, article, expected", CORPUS)
def test_a_courts_act_is_no_administrative_power(file: str, article: int, expected: set) -> None:
    assert corpus_entries(file, article) == expected


def corpus_entries(file: str, article: int) -> set[tuple[str, str]]:
    """(category, subject) of the clauses the extractor finds in one article of a corpus file (skips without it)."""
    path = LAWS / file
    if not path.exists():
        pytest.skip(f"{path}: the shared statute corpus is not here")
    parsed = parse_file(path)
    return {(c.category.value, c.subject) for c in extract_clauses(parsed.version, parsed.provisions) if c.article == article}


def test_a_body_with_its_own_modal_keeps_its_act() -> None:
    # no court in the sentence: the row does not apply
    assert found(["第一条 违反本条例规定，拒不执行的，由县级以上人民政府公安机关处以五百元以下罚款。"]) == {
        (1, "行政处罚", "县级以上人民政府公安机关", "penalty")}
