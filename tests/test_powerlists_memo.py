"""The import's memos give what the unmemoised code gives.

Parsed bases, citation resolutions, quote cover, government and department
names and department sectors are memoised (a list repeats them in every
government's part).  Each is compared here with the plain computation: the
code before memoising (quote cover by SequenceMatcher alone, sectors by
sorting the rules on each call, province counts by a scan per province) on
table rows and on every row of the real Karamay workbooks.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

import pytest

from kg.model import GovLevel
from kg.text import squeeze
from loaders.powerlists import read_list
from loaders.powerlists import citations as citations_module
from loaders.powerlists import departments as departments_module
from loaders.powerlists import resolve as resolve_module
from loaders.powerlists.citations import parse_basis
from loaders.powerlists.departments import (
    PROVINCES, GovernmentName, SectorTable, department_government, find_government, province_of, split_departments,
)
from loaders.powerlists.resolve import MIN_BLOCK, QUOTE_LIMIT, Resolver, quote_cover

KARAMAY = GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区")
PROVINCE = "新疆维吾尔自治区"
AGRICULTURE_LIST = "2024年市农业农村局权责清单.xls"
# the laws the agriculture list cites (as in test_powerlist_corpus)
CITED = ("种子法", "动物防疫法", "畜牧法", "渔业法", "农产品质量安全法", "生猪屠宰管理条例", "兽药管理条例",
         "饲料和饲料添加剂管理条例", "农药管理条例", "农业转基因生物安全管理条例", "植物检疫条例", "行政许可法", "行政处罚法")


# --- the computations as they were before memoising ------------------------------------------


def plain_quote_cover(quote: str, text: str) -> float:
    q = squeeze(quote)[:QUOTE_LIMIT]
    t = squeeze(text)
    if not q or not t:
        return 0.0
    matcher = SequenceMatcher(None, q, t, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks() if block.size >= MIN_BLOCK)
    return round(min(1.0, matched / len(q)), 3)


def plain_sectors_for(table: SectorTable, department: str, government: str | None = None) -> tuple[str, ...]:
    name = department
    if government and name.startswith(government):
        name = name[len(government):]
    name = name.replace("人民政府", "")
    for scoped in (True, False):  # the rules filtered and sorted on every call, nothing kept
        rules = [r for r in table.rules if (r.government == government if scoped else r.government is None)]
        sectors = SectorTable._match(name, sorted(rules, key=lambda r: -len(r.keyword)))
        if sectors:
            return sectors
    for term in sorted(table.terms, key=len, reverse=True):
        if len(term) >= 2 and term in name:
            return (table.terms[term],)
    return ()


def plain_province_of(texts) -> str | None:
    counts: Counter[str] = Counter()
    for text in texts:
        for province in PROVINCES:
            if province in text:
                counts[province] += text.count(province)
    return counts.most_common(1)[0][0] if counts else None


# --- tables ------------------------------------------------------------------------------------

ARTICLE = "由县级以上地方人民政府农业农村主管部门责令改正，处三千元以上一万元以下罚款。"


@pytest.mark.parametrize("quote, text", [
    ("县级以上人民政府农业农村主管部门责令改正", ARTICLE),  # not contained: 地方 is missing
    ("农业农村主管部门责令改正", ARTICLE),  # contained
    ("“农业农村主管部门责令改正。”", ARTICLE),  # contained once punctuation is squeezed out
    ("责令改正", ARTICLE),  # contained, exactly the shortest run that counts
    ("改正", ARTICLE),  # contained but shorter than a counted run
    ("罚款", "罚款"),
    ("处一万元以上五万元以下罚款", ARTICLE),
    ("", ARTICLE),
    ("责令改正", ""),
    ("。，", ARTICLE),
    ("种子生产经营者应当建立和保存包括种子来源" * 100, "种子生产经营者应当建立和保存包括种子来源" * 100),  # past QUOTE_LIMIT
])
def test_quote_cover_is_what_sequence_matching_gives(quote, text):
    assert quote_cover(quote, text) == plain_quote_cover(quote, text)
    assert quote_cover(quote, text) == plain_quote_cover(quote, text)  # from the memo


@pytest.mark.parametrize("text", [
    "【法律】《中华人民共和国畜牧法》（2005年12月29日通过，2022年10月30日修订）\n第二十二条第一款：从事种畜禽生产经营应当取得许可证。\n第二十四条：申请取得…",
    "国务院《易制毒化学品管理条例》第三十二条、公安部《易制毒化学品购销和运输管理办法》第二十六条规定",
    "《食品安全法》第一百二十二条、第一百二十三条第二款",
    "中华人民共和国社会保险法第八十四条",
    "依照有关规定执行",
    "",
])
def test_parsed_bases_are_the_callers_own_and_equal_to_a_fresh_parse(text):
    first = parse_basis(text)
    first.append("changed by a caller")
    again = parse_basis(text)
    assert again == citations_module._parse_basis_uncached(text)
    assert "changed by a caller" not in again


@pytest.mark.parametrize("department, government", [
    ("克拉玛依市市场监督管理局", "克拉玛依市"),
    ("克拉玛依市综合行政执法局", "克拉玛依市"),
    ("克拉玛依市人民政府", "克拉玛依市"),
    ("杭州市西湖区农业农村局", "杭州市西湖区"),
    ("新疆维吾尔自治区林业和草原局", "新疆维吾尔自治区"),
    ("浙江省卫生健康委员会", None),
    ("某某办公室", "某某"),
])
def test_sectors_are_what_sorting_the_rules_each_time_gives(department, government):
    extra = [departments_module.SectorRule("综合行政执法", ("城市管理", "生态环境", "自然资源"), "克拉玛依市")]
    for table in (SectorTable.default(), SectorTable.default().with_rules(extra)):
        assert table.sectors_for(department, government) == plain_sectors_for(table, department, government)
        assert table.sectors_for(department, government) == plain_sectors_for(table, department, government)


def test_the_sector_memo_stays_bounded(monkeypatch):
    monkeypatch.setattr(departments_module, "SECTOR_MEMO", 2)
    table = SectorTable.load([departments_module.DEPARTMENTS_CSV])
    names = ["克拉玛依市市场监督管理局", "克拉玛依市农业农村局", "克拉玛依市财政局", "克拉玛依市生态环境局", "克拉玛依市市场监督管理局"]
    for name in names:
        assert table.sectors_for(name, "克拉玛依市") == plain_sectors_for(table, name, "克拉玛依市")
        assert len(table._found) <= 2


def test_no_province_name_overlaps_another():
    """province_of finds the provinces of a text in one scan: sound only while no name ends with another's start."""
    for a in PROVINCES:
        for b in PROVINCES:
            assert not any(a.endswith(b[:k]) for k in range(1, len(b))), (a, b)
            assert a == b or b not in a


@pytest.mark.parametrize("texts", [
    ["新疆维吾尔自治区农业农村厅", "《新疆维吾尔自治区实施〈种子法〉办法》"],
    ["浙江省市场监督管理局", "新疆维吾尔自治区农业农村厅"],  # a tie: the first counted wins
    ["新疆维吾尔自治区农业农村厅", "浙江省市场监督管理局"],
    ["北京市北京市", "上海市上海市上海市", "北京市"],
    ["克拉玛依市科技局", "国务院"],
    [],
])
def test_province_of_is_what_counting_each_province_gives(texts):
    assert province_of(texts) == plain_province_of(texts)


def test_resolutions_are_the_callers_own(store):
    resolver = Resolver(store)
    cite = parse_basis("《食品安全法》第一百二十二条")[0]
    first = resolver.resolve(cite, "2024-01-01")
    first.target = "changed by a caller"
    assert resolver.resolve(cite, "2024-01-01").target is None


# --- the real Karamay lists ------------------------------------------------------------------


@pytest.fixture(scope="module")
def karamay_entries(powerlists_dir):
    return [e for path in sorted((powerlists_dir / "karamay").iterdir()) if path.suffix in (".xls", ".xlsx")
            for e in read_list(path).entries]


@pytest.mark.corpus
def test_karamay_bases_parse_as_without_the_memo(karamay_entries):
    bases = [e.basis for e in karamay_entries if e.basis]
    assert len(bases) > 1000
    for basis in bases:
        assert parse_basis(basis) == citations_module._parse_basis_uncached(basis), basis[:60]


@pytest.mark.corpus
def test_karamay_departments_as_without_the_memo(karamay_entries):
    table = SectorTable.default()
    cells = [e.department for e in karamay_entries if e.department]
    assert len(set(cells)) > 20
    for cell in cells:
        bodies = split_departments(cell)
        assert bodies == departments_module._split_departments_uncached(cell)
        assert find_government(cell) == departments_module._find_government.__wrapped__(cell)
        for body in bodies:
            named = department_government(body, KARAMAY, PROVINCE)
            assert named == departments_module._department_government.__wrapped__(body, KARAMAY, PROVINCE)
            assert table.sectors_for(named[1], named[0].name) == plain_sectors_for(table, named[1], named[0].name)
    texts = [e.basis + e.department for e in karamay_entries]
    assert province_of(texts) == plain_province_of(texts) == PROVINCE


@pytest.mark.corpus
def test_karamay_citations_resolve_as_without_the_memo(powerlists_dir, laws_dir, store, monkeypatch):
    from loaders.statutes import load_laws

    files = [p for p in laws_dir.rglob("*.md") if re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", p.stem) in CITED]
    load_laws(store, files, extract_clauses=False)
    plist = read_list(powerlists_dir / "karamay" / AGRICULTURE_LIST)
    cites = [c for e in plist.entries if e.basis for c in parse_basis(e.basis)]
    assert len(cites) > 300

    memoised = Resolver(store, province=PROVINCE)
    expected_first = [memoised.resolve(c, "2024-01-01") for c in cites]
    again = [memoised.resolve(c, "2024-01-01") for c in cites]  # all from the memo now

    # the same resolver code with every memo taken out and quote cover by SequenceMatcher alone
    monkeypatch.setattr(resolve_module, "_quote_cover", plain_quote_cover)
    plain = Resolver(store, province=PROVINCE)
    plain._resolve_memo, plain._best_memo = plain._resolve, plain._best_match
    unmemoised = [plain.resolve(c, "2024-01-01") for c in cites]

    assert expected_first == again == unmemoised
    similarities = [r.quote_similarity for r in unmemoised if r.quote_similarity is not None]
    assert len(similarities) > 200  # quotes were compared: contained ones and the others
    assert any(s == 1.0 for s in similarities) and any(s < 1.0 for s in similarities)
    assert any(r.quote_best_match for r in unmemoised)  # and quotes another article holds better
