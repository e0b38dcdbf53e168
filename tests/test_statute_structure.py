"""Statute snippets -> provisions (numerals, 之一, paragraphs, items, containers) and info lines."""

from __future__ import annotations

import pytest

from kg.model import ProvisionKind
from loaders.statutes.read import Line, parse_info
from loaders.statutes.structure import parse_structure

V = "法/2021-01-01"


def structure_of(*texts: str, heading_prefix: str = "#"):
    lines = []
    for i, text in enumerate(texts, start=1):
        heading = text.startswith(heading_prefix)
        lines.append(Line(text.lstrip("# "), i, heading))
    return parse_structure(lines, V)


def short(provision_id: str) -> str:
    return provision_id[len(V) + 1:]


@pytest.mark.parametrize(
    "line, number, suffix, label",
    [
        ("第一条 为了保证食品安全，制定本法。", 1, 0, "第一条"),
        ("第十条 食品安全。", 10, 0, "第十条"),
        ("第一百二十二条 违反本法规定。", 122, 0, "第一百二十二条"),
        ("第一百零五条 各种设备。", 105, 0, "第一百零五条"),
        ("第一千二百六十条 本法自2021年1月1日起施行。", 1260, 0, "第一千二百六十条"),
        ("第十条之一 新增的条文。", 10, 1, "第十条之一"),
        ("第12条 阿拉伯数字的条文。", 12, 0, "第12条"),
        ("第三条【立法目的】带标题的条文。", 3, 0, "第三条"),
    ],
)
def test_article_numbers(line, number, suffix, label):
    structure = structure_of(line)
    article = structure.articles[0]
    assert (article.number, article.suffix, article.label) == (number, suffix, label)
    assert article.text == line
    assert article.id == f"{V}/第{number}条" + (f"之{suffix}" if suffix else "")


def test_fullwidth_digits_are_normalised_by_the_reader(tmp_path):
    from loaders.statutes.read import read_document

    path = tmp_path / "法.md"
    path.write_text("# 某某条例\n\n<!-- INFO END -->\n\n第１２条　全角数字。\n", encoding="utf-8")
    doc = read_document(path)
    structure = parse_structure(doc.body, V)
    assert [a.number for a in structure.articles] == [12]


@pytest.mark.parametrize(
    "lines, expected",
    [
        # one paragraph: paragraph 1 always exists
        (["第一条 只有一款。"], ["第1条", "第1条/第1款"]),
        # article label alone on its line, text on the next
        (["第一条", "正文在下一行。"], ["第1条", "第1条/第1款"]),
        # two paragraphs
        (["第二条 第一款。", "第二款。"], ["第2条", "第2条/第1款", "第2条/第2款"]),
        # items belong to the paragraph before them; a line after items is a new paragraph
        (["第三条 下列行为：", "（一）甲；", "（二）乙。", "有前款行为的，处罚。"],
         ["第3条", "第3条/第1款", "第3条/第1款/第1项", "第3条/第1款/第2项", "第3条/第2款"]),
        # ASCII parentheses and large item numbers
        (["第四条 下列：", "(十一)丙。"], ["第4条", "第4条/第1款", "第4条/第1款/第11项"]),
        # sub-items 1. 2. stay in their item
        (["第五条 下列：", "（一）甲：", "1.子目一；", "2.子目二。"],
         ["第5条", "第5条/第1款", "第5条/第1款/第1项"]),
        # a list restarting in the same paragraph opens a new paragraph, never a duplicate id
        (["第六条 列表：", "（一）甲；", "（一）又一个甲。"],
         ["第6条", "第6条/第1款", "第6条/第1款/第1项", "第6条/第2款", "第6条/第2款/第1项"]),
    ],
)
def test_paragraphs_and_items(lines, expected):
    structure = structure_of(*lines)
    assert [short(p.id) for p in structure.provisions] == expected


def test_paragraph_and_item_text():
    structure = structure_of("第三条 下列行为：", "（一）甲；", "（二）乙。", "有前款行为的，处罚。")
    by_id = {short(p.id): p for p in structure.provisions}
    assert by_id["第3条"].text == "第三条 下列行为：\n（一）甲；\n（二）乙。\n有前款行为的，处罚。"
    assert by_id["第3条/第1款"].text == "下列行为：\n（一）甲；\n（二）乙。"
    assert by_id["第3条/第1款/第2项"].text == "（二）乙。"
    assert by_id["第3条/第1款/第2项"].label == "（二）"
    assert (by_id["第3条/第1款/第2项"].article, by_id["第3条/第1款/第2项"].paragraph,
            by_id["第3条/第1款/第2项"].item) == (3, 1, 2)
    assert by_id["第3条/第2款"].text == "有前款行为的，处罚。"
    assert [p.order for p in structure.provisions] == sorted(p.order for p in structure.provisions)


def test_containers_nest_and_articles_hang_from_the_innermost():
    structure = structure_of(
        "## 第一编 总则", "### 第一章 任务", "第一条 甲。", "#### 第一节 犯罪", "第二条 乙。",
        "## 第二编 分则", "### 第一章 危害国家安全罪", "第三条 丙。",
    )
    ids = [short(p.id) for p in structure.provisions if p.kind.is_container]
    assert ids == ["第1编", "第1编/第1章", "第1编/第1章/第1节", "第2编", "第2编/第1章"]
    parents = {short(k): v[len(V) + 1:] if v != V else "" for k, v in structure.parents.items()}
    assert parents["第1编"] == ""
    assert parents["第1条"] == "第1编/第1章"
    assert parents["第2条"] == "第1编/第1章/第1节"
    assert parents["第3条"] == "第2编/第1章"
    chapter = next(p for p in structure.provisions if short(p.id) == "第1编/第1章")
    assert (chapter.label, chapter.heading, chapter.kind) == ("第一章", "任务", ProvisionKind.CHAPTER)


def test_chapters_without_markdown_headings():
    structure = structure_of("第一章 总 则", "第一条 甲。", "第二章 附则", "第二条 乙。")
    assert [short(p.id) for p in structure.provisions if p.kind.is_container] == ["第1章", "第2章"]
    assert structure.parents[f"{V}/第2条"] == f"{V}/第2章"


def test_articles_without_containers_hang_from_the_version():
    structure = structure_of("第一条 甲。")
    assert structure.parents[f"{V}/第1条"] == V


def test_a_duplicate_article_is_left_out_with_a_warning():
    structure = structure_of("第一条 甲。", "第一条 又一个。", "第二条 乙。")
    assert [short(a.id) for a in structure.articles] == ["第1条", "第2条"]
    assert "appears twice" in structure.warnings[0]


def test_articles_run_together_on_one_line_are_split():
    structure = structure_of("第一条 甲。 第二条 乙。 第三条 丙。")
    assert [a.number for a in structure.articles] == [1, 2, 3]


def test_appendix_ends_the_last_article():
    structure = structure_of("第一条 甲。", "附件", "一、不属于条文的内容")
    assert [short(p.id) for p in structure.provisions] == ["第1条", "第1条/第1款"]


@pytest.mark.parametrize(
    "lines, promulgated, amended, effective, issuer",
    [
        (["2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过",
          "2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议修订",
          "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议第二次修正"],
         "2009-02-28", ("2015-04-24", "2021-04-29"), None, "全国人民代表大会常务委员会"),
        (["2020年5月28日 第十三届全国人民代表大会第三次会议通过", "2021年1月1日 施行"],
         "2020-05-28", (), "2021-01-01", "全国人民代表大会"),
        (["1996年7月13日 中华人民共和国国务院令第202号发布"], "1996-07-13", (), None, "国务院"),
        (["2019年3月29日 上海市第十五届人民代表大会常务委员会第十次会议通过 2020年5月1日 施行"],
         "2019-03-29", (), "2020-05-01", "上海市人民代表大会常务委员会"),
        (["（2009年2月28日第十一届全国人民代表大会常务委员会第七次会议通过 "
          "2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议修订）"],
         "2009-02-28", ("2015-04-24",), None, "全国人民代表大会常务委员会"),
        ([], None, (), None, ""),
    ],
)
def test_info_lines(lines, promulgated, amended, effective, issuer):
    info = parse_info(lines)
    assert (info.promulgated, info.amended, info.effective, info.issuer) == (promulgated, amended, effective, issuer)


def test_fast_provision_nodes_equal_the_model_ones():
    from loaders.statutes.build import provision_node

    structure = structure_of("## 第一章 总则", "第十条之一 下列：", "（一）甲；", "1.子目。", "第二款。")
    assert len(structure.provisions) == 5
    for provision in structure.provisions:
        assert provision_node(provision) == provision.to_node()


def test_a_table_of_contents_is_no_structure():
    structure = structure_of("## 第一章 总则", "## 第二章 附则", "## 第一章 总则", "第一条 甲。", "## 第二章 附则", "第二条 乙。")
    assert [short(p.id) for p in structure.provisions if p.kind.is_container] == ["第1章", "第2章"]
    assert structure.parents[f"{V}/第2条"] == f"{V}/第2章"
    assert structure.warnings == []
