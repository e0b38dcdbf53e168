"""Citation forms found in statute text -> (law, article, suffix, paragraph, item)."""

from __future__ import annotations

import pytest

from loaders.statutes.citations import find_citations

LAW = "中华人民共和国行政许可法"


def refs(text, article=(50, 0), paragraph=2, item=None):
    return [(r.law, r.article, r.article_suffix, r.paragraph, r.item)
            for r in find_citations(text, article=article, paragraph=paragraph, item=item)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("依照本法第三十条的规定", [(None, 30, 0, None, None)]),
        ("违反本条例第十条规定的", [(None, 10, 0, None, None)]),
        ("依照本办法第一百二十二条", [(None, 122, 0, None, None)]),
        ("违反第十条之一规定", [(None, 10, 1, None, None)]),
        ("依照第10条规定", [(None, 10, 0, None, None)]),
        ("有前款规定情形的", [(None, 50, 0, 1, None)]),
        ("违反本条第一款规定", [(None, 50, 0, 1, None)]),
        ("依照第一款规定", [(None, 50, 0, 1, None)]),
        ("第三十条第二款第（三）项规定的", [(None, 30, 0, 2, 3)]),
        ("第三十条第二款第(三)项", [(None, 30, 0, 2, 3)]),
        ("本法第十条第三项", [(None, 10, 0, None, 3)]),
        ("第十条至第十二条", [(None, 10, 0, None, None), (None, 11, 0, None, None), (None, 12, 0, None, None)]),
        ("第六十五条、第六十六条", [(None, 65, 0, None, None), (None, 66, 0, None, None)]),
        ("第六十五条、第六十六条和第七十条", [(None, 65, 0, None, None), (None, 66, 0, None, None),
                                               (None, 70, 0, None, None)]),
        ("第六十五条或者第六十六条", [(None, 65, 0, None, None), (None, 66, 0, None, None)]),
        ("第十条第一款、第二款", [(None, 10, 0, 1, None), (None, 10, 0, 2, None)]),
        ("第八条第（一）项至第（三）项", [(None, 8, 0, None, 1), (None, 8, 0, None, 2), (None, 8, 0, None, 3)]),
        ("第八条第（一）、（三）项", [(None, 8, 0, None, 1), (None, 8, 0, None, 3)]),
        ("依照《中华人民共和国行政许可法》第十二条", [(LAW, 12, 0, None, None)]),
        ("依照《中华人民共和国行政许可法》第十二条第一款第（三）项", [(LAW, 12, 0, 1, 3)]),
        ("依照《行政许可法》第十二条、第十四条", [("行政许可法", 12, 0, None, None), ("行政许可法", 14, 0, None, None)]),
        ("遵守《中华人民共和国农产品质量安全法》的规定", [("中华人民共和国农产品质量安全法", None, 0, None, None)]),
        ("依照《食品安全法》执行", [("食品安全法", None, 0, None, None)]),
        ("按照《城市房屋拆迁管理条例》处理", [("城市房屋拆迁管理条例", None, 0, None, None)]),
        ("《行政处罚法》第九条、《行政强制法》第十条", [("行政处罚法", 9, 0, None, None), ("行政强制法", 10, 0, None, None)]),
        ("依照第十条和《治安管理处罚法》第二十条", [(None, 10, 0, None, None), ("治安管理处罚法", 20, 0, None, None)]),
        ("领取《营业执照》后", []),  # a document, not a law
        ("本法自2021年1月1日起施行。", []),
        ("第三十日内作出决定", []),
    ],
)
def test_citation_forms(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text, paragraph, item, expected",
    [
        ("有前款规定情形", 3, None, [(None, 50, 0, 2, None)]),
        ("有前两款规定情形", 3, None, [(None, 50, 0, 1, None), (None, 50, 0, 2, None)]),
        ("有前三款规定情形", 4, None, [(None, 50, 0, 1, None), (None, 50, 0, 2, None), (None, 50, 0, 3, None)]),
        ("前款第（一）项规定", 2, None, [(None, 50, 0, 1, 1)]),
        ("有前项情形", 1, 3, [(None, 50, 0, 1, 2)]),
        ("有第（二）项情形", 1, None, [(None, 50, 0, 1, 2)]),
        ("前款", 1, None, []),  # no paragraph before the first
    ],
)
def test_relative_citations(text, paragraph, item, expected):
    assert refs(text, paragraph=paragraph, item=item) == expected


def test_citation_text_and_span():
    text = "违反本法第三十条第二款规定的"
    (ref,) = find_citations(text, article=(50, 0), paragraph=1)
    assert ref.text == "本法第三十条第二款"
    assert text[ref.start:ref.end] == ref.text


def test_a_law_named_without_book_marks_is_kept_for_lookup():
    (ref,) = find_citations("依照刑法第二百三十四条的规定", article=(5, 0), paragraph=1)
    assert ref.article == 234 and ref.bare_law is not None and ref.bare_law.endswith("刑法")


def test_relative_references_need_a_position():
    assert find_citations("有前款规定情形") == []
