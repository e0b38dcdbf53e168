"""Articles aligned across the versions of a law: the alignment, its edges, and what stale bases say with it."""

from __future__ import annotations

import pytest

from kg.model import EdgeType
from loaders.powerlists import load_powers
from loaders.statutes import load_laws
from loaders.statutes.align import align_articles
from queries.stale import find_lapsed, find_stale

# (older articles, newer articles, expected (old, new) pairs): written from how amendments change laws
ALIGNMENTS = [
    # an article inserted: the later ones move down by one, cross-references renumbered
    ([(1, "为了保护文物，制定本法。"), (2, "违反本法第一条规定的，由文物主管部门处五千元罚款。"), (3, "本法自公布之日起施行。")],
     [(1, "为了保护文物，制定本法。"), (2, "国家鼓励社会力量参与文物保护。"),
      (3, "违反本法第一条规定的，由文物主管部门处五千元罚款。"), (4, "本法自公布之日起施行。")],
     [(1, 1), (2, 3), (3, 4)]),
    # an article dropped, another amended (amount raised, body renamed) and moved up
    ([(1, "为了规范统计，制定本法。"), (2, "统计机构应当建立统计资料档案。"),
      (3, "统计调查对象拒绝提供统计资料的，由县级以上人民政府统计机构责令改正，给予警告，可以予以通报；其直接负责的主管人员处一万元以下罚款。"),
      (4, "本法自公布之日起施行。")],
     [(1, "为了规范统计，制定本法。"),
      (2, "统计调查对象拒绝提供统计资料的，由县级以上人民政府统计机构责令改正，给予警告，可以予以通报；其直接负责的主管人员处五万元以下罚款。"),
      (3, "本法自公布之日起施行。")],
     [(1, 1), (3, 2), (4, 3)]),
    # a wholly rewritten article is no match: order is kept, nothing pairs across it
    ([(1, "甲。"), (2, "县级以上人民政府应当组织编制甲业发展规划。"), (3, "本法自公布之日起施行。")],
     [(1, "甲。"), (2, "从事甲业经营活动，应当向所在地县级人民政府甲业主管部门备案。"), (3, "本法自公布之日起施行。")],
     [(1, 1), (3, 3)]),
]


@pytest.mark.parametrize("old, new, pairs", ALIGNMENTS)
def test_alignment(old, new, pairs):
    assert [(a.old, a.new) for a in align_articles(old, new)] == pairs


def _statute(title: str, date: str, effective: str, articles: list[str]) -> str:
    body = "\n\n".join(f"第{n}条 {text}" for n, text in zip("一二三四五六七八九", articles))
    y, m, d = effective.split("-")
    return (f"# {title}\n\n{date[:4]}年{int(date[5:7])}月{int(date[8:])}日 第十三届全国人民代表大会常务委员会通过\n\n"
            f"<!-- INFO END -->\n\n{body}\n\n第{'一二三四五六七八九'[len(articles)]}条 本法自{y}年{int(m)}月{int(d)}日起施行。\n")


OLD = _statute("中华人民共和国甲保护法", "2017-11-04", "2017-11-04", [
    "为了保护甲，制定本法。",
    "擅自迁移甲保护单位的，由县级以上人民政府甲主管部门责令改正，处五万元以下的罚款。",
])
NEW = _statute("中华人民共和国甲保护法", "2024-11-08", "2025-03-01", [
    "为了保护甲，制定本法。",
    "国家鼓励社会力量参与甲保护。",
    "擅自迁移甲保护单位的，由县级以上人民政府甲行政部门责令改正，处五十万元以下的罚款。",
])


@pytest.fixture
def two_versions(store, tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "甲保护法(2017-11-04).md").write_text(OLD, encoding="utf-8")
    (folder / "甲保护法(2024-11-08).md").write_text(NEW, encoding="utf-8")
    load_laws(store, [folder], extract_clauses=False, today="2026-01-01")
    return store


def test_alignment_edges_are_written(two_versions):
    old = "中华人民共和国甲保护法/2017-11-04"
    new = "中华人民共和国甲保护法/2024-11-08"
    assert [e.dst for e in two_versions.out_edges(f"{old}/第2条", EdgeType.CORRESPONDS_TO.value)] == [f"{new}/第3条"]
    assert [e.dst for e in two_versions.out_edges(f"{old}/第1条", EdgeType.CORRESPONDS_TO.value)] == [f"{new}/第1条"]


@pytest.mark.parametrize("note, list_date, expected", [
    ("（2017年修正）", "2025-06-01", "原第二条的内容现为现行版本第三条"),  # the list cites the old text after the new took effect
    ("", "2024-06-01", None),  # before the new text took effect the old one is the basis: not stale
])
def test_stale_basis_names_the_article_now_holding_the_text(two_versions, tmp_path, note, list_date, expected):
    workbook = tmp_path / "乙市文化和旅游局权责清单.csv"
    workbook.write_text("序号,事项名称,权力类别,实施主体,设定依据\n"
                        f"1,对擅自迁移甲保护单位的处罚,行政处罚,乙市文化和旅游局,《中华人民共和国甲保护法》{note}第二条\n",
                        encoding="utf-8")
    load_powers(two_versions, [workbook], government="乙市", date=list_date)
    findings = list(find_stale(two_versions))
    if expected is None:
        assert findings == []
    else:
        (finding,) = findings
        assert expected in finding.evidence[0].note


@pytest.mark.corpus
@pytest.mark.parametrize("law, old, new", [
    ("文物保护法", (2017, 70), 87),  # the renumbering issue 19 names
    ("文物保护法", (2017, 66), 83),
    ("统计法", (2009, 20), 23),
    ("统计法", (2009, 37), 40),
    # a short article rewritten into a long one: too few shared trigrams, most of its distinctive bigrams kept
    ("农产品质量安全法", (2018, 44), 65),  # forged test results -> false test reports, three paragraphs
    ("农产品质量安全法", (2018, 39), 53),  # on-site inspection -> the list of measures an inspection may take
    ("海洋环境保护法", (2017, 63), 80),  # the ship's anti-pollution certificates, now beside its equipment
    ("烈士褒扬条例", (2019, 42), 69),  # memorial facilities abroad, a sentence on commemoration added
    # moved out of order by the amendment: a near-copy taken as the same provision
    ("北京市制定地方性法规条例", (2017, 17), 17),  # stayed in place while arts. 12-16 moved after it
    ("北京市制定地方性法规条例", (2017, 49), 60),  # a section moved behind another
    ("反间谍法", (2014, 25), 15),  # special spy equipment, moved forward
    ("农产品质量安全法", (2018, 33), 36),  # produce that may not be sold: more cases, moved back (containment)
    # dropped by the 2022 text: no article holds them, and none is paired with them
    ("农产品质量安全法", (2018, 42), None),  # imported produce
    ("农产品质量安全法", (2018, 55), None),  # pig slaughter left to state rules
])
def test_corpus_alignment(store, laws_dir, law, old, new):
    files = sorted(laws_dir.rglob(f"{law}(*.md"))
    load_laws(store, files, extract_clauses=False)
    (older,) = [n.id for n in store.nodes("LawVersion") if n.props["date"].startswith(str(old[0]))]
    targets = [e.dst for e in store.out_edges(f"{older}/第{old[1]}条", EdgeType.CORRESPONDS_TO.value)]
    if new is None:
        assert targets == []
    else:
        assert len(targets) == 1 and targets[0].endswith(f"/第{new}条")


def _list(tmp_path, note: str):
    workbook = tmp_path / "乙市文化和旅游局权责清单.csv"
    workbook.write_text("序号,事项名称,权力类别,实施主体,设定依据\n"
                        f"1,对擅自迁移甲保护单位的处罚,行政处罚,乙市文化和旅游局,《中华人民共和国甲保护法》{note}第二条\n",
                        encoding="utf-8")
    return workbook


def test_an_item_on_the_older_text_covers_the_article_now_holding_it(two_versions, tmp_path):
    load_powers(two_versions, [_list(tmp_path, "")], government="乙市", date="2024-06-01")
    law = "中华人民共和国甲保护法"
    articles = two_versions.covered_articles("乙市")
    assert (law, 3, 0) in articles and (law, 2, 0) not in articles  # art. 2 of the 2024 text is another provision
    assert f"{law}/2024-11-08/第3条" in two_versions.covered_provisions("乙市")


@pytest.mark.bolt
def test_alignment_cover_is_the_same_on_the_bolt_store(two_versions, tmp_path, bolt_store):
    from kg.neo4j_store import copy_store

    from .test_neo4j_parity import assert_parity

    load_powers(two_versions, [_list(tmp_path, "")], government="乙市", date="2024-06-01")
    copy_store(two_versions, bolt_store)
    assert_parity(two_versions, bolt_store)


def test_a_basis_superseded_after_the_list_date_is_a_note_saying_where_the_text_went(two_versions, tmp_path):
    load_powers(two_versions, [_list(tmp_path, "")], government="乙市", date="2024-06-01")
    assert list(find_stale(two_versions)) == []  # the 2017 text was in force at the list's date
    (note,) = find_lapsed(two_versions)
    assert "该版本已被2024-11-08版本取代，后者自2025-03-01起施行" in note.reason
    assert "原第二条的内容现为现行版本第三条" in note.evidence[0].note


def test_a_new_version_loaded_after_the_list_tells_its_citations_where_the_text_went(store, tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "甲保护法(2017-11-04).md").write_text(OLD, encoding="utf-8")
    load_laws(store, [folder / "甲保护法(2017-11-04).md"], extract_clauses=False, today="2026-01-01")
    load_powers(store, [_list(tmp_path, "（2017年修正）")], government="乙市", date="2025-06-01")
    assert list(find_stale(store)) == []  # the 2017 text is the only one loaded: in force
    (folder / "甲保护法(2024-11-08).md").write_text(NEW, encoding="utf-8")
    load_laws(store, [folder / "甲保护法(2024-11-08).md"], extract_clauses=False, today="2026-01-01")
    (citation,) = [n for n in store.nodes("Citation") if "#c" in n.id]
    assert citation.props["current_target"] == "中华人民共和国甲保护法/2024-11-08/第3条"
    (finding,) = find_stale(store)
    assert "原第二条的内容现为现行版本第三条" in finding.evidence[0].note
