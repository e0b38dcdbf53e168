"""The scale generator: deterministic, its key consistent with its CSV, loadable, and scored exactly.

Small sizes over the small law set (bench.clause_source.SMALL_LAWS), so the
whole file runs in seconds.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bench.clause_source import SMALL_LAWS, load_sources
from bench.generate import COLUMNS, Rates, article_label, generate, strip_prc

pytestmark = pytest.mark.corpus

ITEMS = 1500
# Higher rates than the default so that every defect variant shows up at this size.
RATES = Rates(no_basis=0.01, article_not_found=0.01, grants_nothing=0.01, normative_only=0.01, stale_quote=0.01,
              stale_version=0.01, overlap=0.01, vacuum=0.01, unaccountable=0.01)


@pytest.fixture(scope="module")
def generated(tmp_path_factory, laws_dir: Path) -> tuple[Path, dict, list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("gen")
    out, key_path = folder / "list.csv", folder / "key.json"
    generate(ITEMS, 7, out, key_path, laws=SMALL_LAWS, laws_dir=laws_dir, cache_dir=folder, rates=RATES)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return out, json.loads(key_path.read_text(encoding="utf-8")), rows


def _run(tmp: Path, laws_dir: Path, seed: int, name: str) -> tuple[bytes, bytes]:
    out, key = tmp / f"{name}.csv", tmp / f"{name}.json"
    generate(ITEMS, seed, out, key, laws=SMALL_LAWS, laws_dir=laws_dir, cache_dir=tmp, rates=RATES)
    return out.read_bytes(), key.read_bytes()


def test_same_seed_same_bytes_other_seed_other_list(tmp_path: Path, laws_dir: Path) -> None:
    first = _run(tmp_path, laws_dir, 7, "a")
    assert _run(tmp_path, laws_dir, 7, "b") == first
    assert _run(tmp_path, laws_dir, 8, "c")[0] != first[0]


def test_exact_count_unique_codes_real_columns(generated) -> None:
    _, _, rows = generated
    assert len(rows) == ITEMS
    assert list(rows[0]) == list(COLUMNS)
    codes = [r["事项编码"] for r in rows]
    assert all(codes) and len(set(codes)) == len(codes)


@pytest.mark.parametrize(
    "kind, variant",
    [("orphan", "no_basis"), ("orphan", "article_not_found"), ("orphan", "grants_nothing"),
     ("invalid_basis", "normative_only"), ("stale_basis", "stale_quote"), ("stale_basis", "stale_version"),
     ("unaccountable", "unaccountable_none"), ("unaccountable", "unaccountable_no_liability")],
)
def test_every_variant_injected_and_keyed(generated, kind: str, variant: str) -> None:
    _, key, _ = generated
    assert key["variants"][variant], f"no {variant} injected"
    assert set(key["variants"][variant]) <= set(key[kind])


def test_key_matches_the_rows(generated) -> None:
    _, key, rows = generated
    by_code = {r["事项编码"]: r for r in rows}
    for code in key["variants"]["no_basis"]:
        assert by_code[code]["实施依据"] == ""
    for code in key["variants"]["normative_only"]:
        assert by_code[code]["实施依据"].startswith("【规范性文件】")
        assert by_code[code]["权力类型"] in ("行政处罚", "行政许可")
    for code in key["variants"]["unaccountable_none"]:
        assert by_code[code]["责任事项内容"] == "" and by_code[code]["追责情形"] == ""
    for code in key["variants"]["unaccountable_no_liability"]:
        assert by_code[code]["责任事项内容"] and by_code[code]["追责情形"] == ""
    clean = set(by_code) - {c for kind in ("orphan", "invalid_basis", "stale_basis", "unaccountable") for c in key[kind]}
    assert all(by_code[c]["追责情形"] and by_code[c]["实施依据"] for c in clean)
    injected = set(key["variants"]["overlap"])
    for codes in key["overlap"]:
        if injected & set(codes):
            first, second = (by_code[c] for c in codes)
            assert first["行使主体"] != second["行使主体"]
            assert first["权力类型"] == second["权力类型"]


def test_vacuums_are_cited_by_no_item_of_their_government(generated) -> None:
    from loaders.powerlists.departments import find_government

    _, key, rows = generated
    assert key["vacuum"]
    government_of = {r["行使主体"]: find_government(r["行使主体"]).name for r in rows}
    for vacuum in key["vacuum"]:
        label = article_label(vacuum["article"])
        citing = [r["事项编码"] for r in rows
                  if government_of[r["行使主体"]] == vacuum["government"]
                  and label in r["实施依据"].split("\n【地方性法规】")[0]
                  and strip_prc(vacuum["law"]) in r["实施依据"].split("\n【地方性法规】")[0]]
        assert not citing, (vacuum, citing)


def test_loads_with_the_power_list_loader(generated, store) -> None:
    from loaders.powerlists import load_powers

    out, _, rows = generated
    report = load_powers(store, [out])
    assert not report.errors
    assert store.count("PowerItem") == ITEMS
    assert {n.props.get("code") for n in store.nodes("PowerItem")} == {r["事项编码"] for r in rows}
    governments = {n.id: n.props.get("level") for n in store.nodes("Government")}
    assert {"province", "city", "county"} <= set(governments.values())


def test_findings_match_the_key(generated, store, laws_dir: Path) -> None:
    from bench.score import KIND_ARGS, score_kind, split_overlaps
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws
    from queries.report import iter_findings

    out, key, _ = generated
    load_laws(store, [laws_dir / name for name in SMALL_LAWS])
    load_powers(store, [out])
    found = {kind: [f for f in iter_findings(store, arg) if f.kind == kind] for kind, arg in KIND_ARGS.items()}
    split_overlaps(found)
    for kind in KIND_ARGS:
        score = score_kind(kind, found[kind], key)
        assert score.expected > 0, kind
        assert (score.precision, score.recall) >= (0.99, 0.99), (kind, score.missed, score.spurious)


def test_too_few_items_is_a_clear_error(tmp_path: Path, laws_dir: Path) -> None:
    with pytest.raises(ValueError, match="too small"):
        generate(10, 1, tmp_path / "x.csv", tmp_path / "x.json", laws=SMALL_LAWS, laws_dir=laws_dir, cache_dir=tmp_path)


def test_sources_mark_the_newest_version_current(laws_dir: Path, tmp_path: Path) -> None:
    sources = load_sources(SMALL_LAWS, laws_dir, tmp_path)
    current = {(s.title, s.date): s.current for s in sources}
    assert current[("中华人民共和国畜牧法", "2015-04-24")] is False
    assert current[("中华人民共和国畜牧法", "2022-10-30")] is True
    assert all(s.clauses for s in sources)


def test_laws_dividing_bodies_in_a_competence_article(laws_dir: Path, tmp_path: Path) -> None:
    """种子法 art. 3 and 野生动物保护法 art. 7 divide 农业农村 and 林业草原 by object (crops/forest seeds,
    aquatic/terrestrial wildlife): their clauses naming both make no law-given overlap."""
    from bench.generate import law_divisions

    laws = ("经济法/种子法(2021-12-24).md", "经济法/野生动物保护法(2022-12-30).md", "行政法/大气污染防治法(2018-10-26).md")
    divisions = law_divisions(load_sources(laws, laws_dir, tmp_path))
    pair = frozenset({"农业农村", "林业和草原"})
    assert pair in divisions["中华人民共和国种子法"]
    assert any(pair <= group for group in divisions["中华人民共和国野生动物保护法"])
    assert "中华人民共和国大气污染防治法" not in divisions  # it names several bodies without dividing them once for all


def test_law_given_overlaps_are_reported(generated, store, laws_dir: Path) -> None:
    from bench.score import score_kind, split_overlaps
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws
    from queries.report import iter_findings

    out, key, _ = generated
    load_laws(store, [laws_dir / name for name in SMALL_LAWS])
    load_powers(store, [out])
    found = {"overlap": [f for f in iter_findings(store, "overlaps") if f.kind == "overlap"]}
    split_overlaps(found)
    score = score_kind("overlap_law_given", found["overlap_law_given"], key)
    assert score.expected > 0
    assert (score.precision, score.recall) >= (0.99, 0.99), (score.missed, score.spurious)


# A stale quote must quote words the cited article does not hold (check would read them as its own, rightly):
# 大气污染防治法 art. 108 (一) restates art. 45, the one stale quote of 700 missed at 100k (item CF11111200346).
_ART_108 = ("违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正，处二万元以上二十万元以下的罚款；"
            "拒不改正的，责令停产整治：（一）产生含挥发性有机物废气的生产和服务活动，未在密闭空间或者设备中进行，"
            "未按照规定安装、使用污染防治设施，或者未采取减少废气排放措施的；")
_ART_45 = "产生含挥发性有机物废气的生产和服务活动，应当在密闭空间或者设备中进行，并按照规定安装、使用污染防治设施；无法密闭的，应当采取措施减少废气排放。"
_ART_46 = "工业涂装企业应当使用低挥发性有机物含量的涂料，并建立台账，记录生产原料、辅料的使用量、废弃量、去向以及挥发性有机物含量。"


@pytest.mark.parametrize("cited, quoted, repeats", [
    (_ART_108, _ART_45, True),  # the penalty article repeats the rule it enforces: no stale quote
    (_ART_108, _ART_46, False),  # near miss: (二) names 工业涂装企业 but not art. 46's words
])
def test_a_stale_quote_is_not_of_an_article_the_cited_one_repeats(cited: str, quoted: str, repeats: bool) -> None:
    from types import SimpleNamespace

    from bench.clause_source import ArticleText
    from bench.generate import Generator

    holder = SimpleNamespace(_quoted={})
    assert Generator._quoted_by(holder, ArticleText(108, (cited,)), ArticleText(45, (quoted,))) is repeats


def test_stale_quotes_are_of_words_the_cited_article_lacks(generated, laws_dir: Path, tmp_path: Path) -> None:
    from queries.stale import QUOTE_MATCH, quote_coverage

    _, key, rows = generated
    sources = {(s.title, s.date): s for s in load_sources(SMALL_LAWS, laws_dir, tmp_path)}
    by_code = {r["事项编码"]: r for r in rows}
    checked = 0
    for code in key["variants"]["stale_quote"]:
        basis = by_code[code]["实施依据"]
        for source in sources.values():
            if strip_prc(source.title) in basis and source.current:
                for number, article in source.articles.items():
                    if f"{article_label(number)}：" in basis:
                        quote = basis.split(f"{article_label(number)}：", 1)[1].strip("“”\n ")
                        assert quote_coverage(quote, article.text) < QUOTE_MATCH, code
                        checked += 1
    assert checked
