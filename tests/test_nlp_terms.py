"""The speed devices of term recognition find exactly what the plain pattern tables find.

``terms._guarded`` puts a one-character lookahead before a pattern and ``terms.RowAlternation``
tries each position only against the rows that can start with its character; both must give the
matches (and the row) of ``re.finditer`` over the plain alternation, on any text.
"""

from __future__ import annotations

import re

import pytest

from loaders.nlp.terms import PATTERNS_DIR, RowAlternation, _guarded, _rows, load_tables

SAMPLES = [
    "违反本法第三十五条规定，由县级以上人民政府食品安全监督管理部门没收违法所得，并处五万元以上十万元以下罚款。",
    "经县级以上地方人民政府自然资源主管部门审核同意，报省、自治区、直辖市人民政府批准。",
    "逾期不拆除的，由县级以上人民政府住房城乡建设主管部门依法组织拆除，所需费用由违法者承担。",
    "税务机关有权进行合理调整；纳税人未按照规定期限缴纳税款的，税务机关除责令限期缴纳外，从滞纳税款之日起，按日加收滞纳税款万分之五的滞纳金。",
    "公安机关交通管理部门可以扣留机动车，并处警告或者二十元以上二百元以下罚款；不得收取费用。",
    "（一）取缔；\n（二）给予处分；\n争议由乡级人民政府或者县级以上人民政府处理。",
    "",
    "，。；",
    "abc 123 \n\t",
]


def _corpus_texts(laws_dir) -> list[str]:
    """Two whole statutes of the gold set's main part, as raw text."""
    texts = []
    for name in ("道路交通安全法(2021-04-29).md", "土地管理法(2019-08-26).md"):
        texts += [p.read_text(encoding="utf-8") for p in laws_dir.rglob(name)]
    return texts


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int, int | None]]:
    return [(m.start(), m.end(), m.lastindex) for m in regex.finditer(text)]


def _table_patterns() -> dict[str, str]:
    bodies = _rows(PATTERNS_DIR / "bodies.tsv")
    return {
        "constructions": "|".join(f"({row['pattern']})" for row in _rows(PATTERNS_DIR / "constructions.tsv")),
        "nonpowers": "|".join(f"(?:{row['pattern']})" for row in _rows(PATTERNS_DIR / "nonpowers.tsv")),
        "levels": "|".join(f"(?:{row['pattern']})" for row in _rows(PATTERNS_DIR / "levels.tsv")),
        "body suffixes": "|".join(row["pattern"] for row in bodies),
    }


def test_guard_bounds_the_first_character() -> None:
    assert _guarded("(?<=部门|机关)同意|批准(?!文件)") == "(?=[同批])(?:(?<=部门|机关)同意|批准(?!文件))"
    assert _guarded("(?:依法)?给予[^，]{0,4}处分").startswith("(?=[依给])")
    assert _guarded("(?:[a-c]|x)*y") == "(?=[abcxy])(?:(?:[a-c]|x)*y)"
    # nothing to bound: a negated class, a match that may be empty, any character, global flags
    for pattern in ("[^，。]罚款", "(?:罚款)?", ".处", "(?i)abc"):
        assert _guarded(pattern) == pattern


@pytest.mark.parametrize("table", sorted(_table_patterns()))
def test_guarded_tables_match_as_the_plain_ones(table, laws_dir) -> None:
    pattern = _table_patterns()[table]
    guarded = _guarded(pattern)
    assert guarded != pattern  # each of these tables can be bounded
    plain, fast = re.compile(pattern), re.compile(guarded)
    for text in SAMPLES + _corpus_texts(laws_dir):
        assert _spans(fast, text) == _spans(plain, text)


def test_row_alternation_gives_the_plain_matches_and_rows(laws_dir) -> None:
    rows = [row["pattern"] for row in _rows(PATTERNS_DIR / "constructions.tsv")]
    plain = re.compile("|".join(f"({p})" for p in rows))
    table = RowAlternation(rows)
    texts = SAMPLES + _corpus_texts(laws_dir)
    assert len(texts) > len(SAMPLES)  # the statutes were found
    for text in texts:
        assert [(m.span(), index) for m, index in table.finditer(text)] == [
            (m.span(), m.lastindex - 1) for m in plain.finditer(text)]


def test_row_alternation_prefers_the_earlier_row_and_sees_behind() -> None:
    table = RowAlternation(["(?<=部门)同意", "同意", "批准|审批"])
    assert [(m.group(), i) for m, i in table.finditer("主管部门同意，上级同意后审批")] == [
        ("同意", 0), ("同意", 1), ("审批", 2)]
    loose = RowAlternation(["[^，]罚款", "警告"])  # a row that can start anywhere: the plain regex is used
    assert [(m.group(), i) for m, i in loose.finditer("处罚款，警告")] == [("处罚款", 0), ("警告", 1)]


def test_loaded_tables_use_the_guards() -> None:
    tables = load_tables()
    assert tables.acts.pattern.pattern.startswith("(?=[")
    assert tables.nonpowers.pattern.startswith("(?=[")
    assert "(?P<suffix>(?=[" in tables.bodies.pattern


def test_every_construction_and_modal_row_starts_with_a_bounded_character() -> None:
    """One row that may start with any character (``[^，。]{0,4}罚款``) sends the whole table back to the plain
    alternation, twice as slow over the corpus (BENCHMARKS.md, clause extraction): start it with its act word."""
    from loaders.nlp.terms import _first_chars, _sre_parse

    for table in ("constructions.tsv", "modals.tsv"):
        for row in _rows(PATTERNS_DIR / table):
            chars, may_be_empty = _first_chars(_sre_parse(row["pattern"]))
            assert chars is not None and not may_be_empty, f"{table}: {row['pattern']}"
