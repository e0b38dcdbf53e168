"""A statute's citation of another law reads the version in force when the citing text was made (issue 19).

Rows are from the corpus: the citing provision, the citation as written, and what it must resolve to. A text
older than every loaded version of the cited law cites a text that is not loaded (``version_not_loaded``): the
same number of the later text is kept for display (``later_target``) and resolves nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import EdgeType
from kg.views import referred_by
from loaders.powerlists import load_powers
from loaders.statutes import load_laws

FILES = [
    "经济法/森林法(2019-12-28).md", "行政法规/森林法实施条例(2018-03-19).md",
    "行政法/药品管理法(2019-08-26).md", "行政法规/药品管理法实施条例(2019-03-02).md",
    "行政法/海洋环境保护法(2017-11-04).md", "行政法/海洋环境保护法(2023-10-24).md",
    "行政法规/防治海岸工程建设项目污染损害海洋环境管理条例(2018-03-19).md",
    "经济法/统计法(2009-06-27).md", "经济法/统计法(2024-09-13).md", "行政法规/统计法实施条例(2017-05-28).md",
    "民法商法/专利法(2020-10-17).md", "行政法规/专利法实施细则(2023-12-11).md",
    "行政法/文物保护法(2017-11-04).md", "行政法/文物保护法(2024-11-08).md", "行政法规/文物保护法实施条例(2017-10-07).md",
    "行政法/疫苗管理法(2019-06-29).md",
]

P = "中华人民共和国"
# (citing provision, citation text, status, dated target, current target ("" = text gone), later target)
ROWS = [
    # the cases: the cited text (森林法 1998/2009, 药品管理法 2015) is not in the corpus; 2019 art. 44
    # encourages planting, 2019 art. 86 is about price data: neither is what the citation means
    (f"{P}森林法实施条例/2018-03-19/第41条/第2款", "第四十四条", "version_not_loaded", None, None,
     f"{P}森林法/2019-12-28/第44条"),
    (f"{P}药品管理法实施条例/2019-03-02/第68条/第1款", "《药品管理法》第八十六条", "version_not_loaded", None, None,
     f"{P}药品管理法/2019-08-26/第86条"),
    # in force on 2017-10-07 was the 2015 文物保护法; the earliest loaded is of 2017-11-04
    (f"{P}文物保护法实施条例/2017-10-07/第6条/第1款", "第十二条", "version_not_loaded", None, None,
     f"{P}文物保护法/2017-11-04/第12条"),
    # the dated version is loaded and superseded: the alignment gives the article of the version in force
    # (2017 art. 75 拒绝现场检查 -> 2023 art. 95 拒绝、阻挠调查和现场检查)
    (f"{P}防治海岸工程建设项目污染损害海洋环境管理条例/2018-03-19/第26条/第1款", "《中华人民共和国海洋环境保护法》第七十五条",
     "resolved", f"{P}海洋环境保护法/2017-11-04/第75条", f"{P}海洋环境保护法/2023-10-24/第95条", None),
    # 2017 art. 79 (a referral to the EIA law) has no successor in 2023
    (f"{P}防治海岸工程建设项目污染损害海洋环境管理条例/2018-03-19/第25条/第1款", "《中华人民共和国海洋环境保护法》第七十九条",
     "resolved", f"{P}海洋环境保护法/2017-11-04/第79条", "", None),
    # the 2024 统计法 inserted articles: 2009 art. 39 (discipline of statistics bodies) is 2024 art. 42
    (f"{P}统计法实施条例/2017-05-28/第49条/第1款", "第三十九条", "resolved", f"{P}统计法/2009-06-27/第39条",
     f"{P}统计法/2024-09-13/第42条", None),
    # near misses: made after the latest revision of the cited law (the dated version is the one in force)
    (f"{P}专利法实施细则/2023-12-11/第15条/第1款", "第十条", "resolved", f"{P}专利法/2020-10-17/第10条", None, None),
    # a law with one version, cited after it was made
    (f"{P}药品管理法实施条例/2019-03-02/第68条/第1款", "《药品管理法》", "resolved", f"{P}药品管理法/2019-08-26", None, None),
]


@pytest.fixture(scope="module")
def cited(laws_dir, tmp_path_factory):
    from kg.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("dated") / "t.kg")
    load_laws(store, [laws_dir / f for f in FILES], extract_clauses=False)
    return store


@pytest.mark.parametrize("source, text, status, target, current, later", ROWS)
def test_a_citation_reads_the_version_in_force_when_the_citing_text_was_made(cited, source, text, status, target,
                                                                             current, later):
    (citation,) = [c for c in cited.targets(source, EdgeType.CITES.value) if c.props["text"] == text]
    props = citation.props
    assert props["status"] == status
    assert props.get("target") == target
    assert props.get("current_target") == current
    assert props.get("later_target") == later
    assert props.get("cited_at")  # the citing version's date is kept
    edges = [e.dst for e in cited.out_edges(citation.id, EdgeType.RESOLVES_TO.value)]
    assert edges == ([target] if target else [])


def test_the_cited_by_list_of_a_later_article_no_longer_holds_an_older_texts_citation(cited):
    later = f"{P}森林法/2019-12-28/第44条"
    assert [c.id for c in cited.sources(later, EdgeType.RESOLVES_TO.value)] == []


def _items(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    workbook = tmp_path / "乙市生态环境局权责清单.csv"
    lines = ["序号,事项名称,权力类别,实施主体,设定依据"]
    lines += [f"{n},{name},行政处罚,乙市生态环境局,{basis}" for n, (name, basis) in enumerate(rows, 1)]
    workbook.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workbook


# (item basis, articles its referral covers (law, number)): a penalty a provision refers to (依照…第X条的规定
# 予以处罚) is held by the items resting on the provision, at the dated target's successor
REFERRALS = [
    ("《中华人民共和国防治海岸工程建设项目污染损害海洋环境管理条例》第二十六条", {(f"{P}海洋环境保护法", 95)}),
    # near misses: the referred text is gone (2017 art. 79); the dated text is not loaded (森林法 1998 art. 44,
    # not 2019 art. 44); a referral of discipline (追究法律责任), no penalty; a breached duty (违反…第X条规定)
    ("《中华人民共和国防治海岸工程建设项目污染损害海洋环境管理条例》第二十五条", set()),
    ("《中华人民共和国森林法实施条例》第四十一条第二款", set()),
    ("《中华人民共和国统计法实施条例》第四十九条", set()),
    ("《中华人民共和国专利法实施细则》第十五条", set()),
    # a referral within one law lends art. 82's sanctions on persons to the cold-chain breach of art. 85: art. 82's
    # own conduct (违反药品相关质量管理规范) is not held (found on the Karamay lists)
    ("《中华人民共和国疫苗管理法》第八十五条第一款", set()),
]


@pytest.mark.parametrize("basis, covered", REFERRALS)
def test_an_item_on_a_referring_provision_holds_the_referred_article(laws_dir, tmp_path, basis, covered):
    from kg.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "t.kg")
    load_laws(store, [laws_dir / f for f in FILES], extract_clauses=False)
    load_powers(store, [_items(tmp_path, [("对违法行为的处罚", basis)])], government="乙市", date="2024-06-01")
    _, numbers = referred_by(store, store.item_bases(government="乙市"))
    assert {(law, number) for law, number, _ in numbers} == covered


def test_show_article_gives_each_citation_of_another_law_with_its_dated_and_current_target(cited):
    from kg.show import show_article

    forest = show_article(cited, "森林法实施条例", 41)
    assert "第四十四条 (2018-03-19): version_not_loaded" in forest
    coast = show_article(cited, "防治海岸工程建设项目污染损害海洋环境管理条例", 26)
    assert f"{P}海洋环境保护法/2017-11-04/第75条, now {P}海洋环境保护法/2023-10-24/第95条" in coast
    gone = show_article(cited, "防治海岸工程建设项目污染损害海洋环境管理条例", 25)
    assert "its text is gone from the version in force" in gone
