"""Legal term recognition over pattern tables kept as data (``patterns/*.tsv``).

Statute terms are phrases that segmenters cut in arbitrary places
(县级以上地方人民政府食品安全监督管理部门 is six jieba tokens), so the
tables hold regular expressions matched on the characters of the text; each
match becomes a :class:`Term` on ``Doc._.terms`` and a span (aligned outwards
to token boundaries) in ``doc.spans["legal_terms"]``.

>>> tables = load_tables()
>>> [t.label for t in find_terms("由县级以上人民政府公安机关处五百元罚款", tables)]
['BODY', 'ACT', 'AMOUNT']
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

try:  # the parse tree of a pattern, to bound its first character (_guarded); private to re, so optional
    import re._constants as _sre
    from re._parser import parse as _sre_parse
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise: patterns stay unguarded
    _sre = _sre_parse = None

PATTERNS_DIR = Path(__file__).parent / "patterns"


@dataclass(frozen=True)
class Term:
    """One recognised term: ``label`` is BODY, ACT, MODAL, AMOUNT, REF or NONPOWER."""

    label: str
    start: int
    end: int
    text: str
    key: str = ""  # canonical action / modality / level name
    category: str = ""  # power category of an ACT
    construction: str = ""  # the construction row of an ACT (patterns/constructions.tsv)
    context: str = ""  # regex the ACT's sentence must match before it (a construction's other part)
    level: str = ""  # level phrase of a BODY (may be empty)
    suffix: str = ""  # kind of body: 主管部门, 公安机关 ...


@dataclass(frozen=True)
class TermTables:
    acts: RowAlternation
    act_keys: tuple[tuple[str, str], ...]  # group index -> (action, category)
    act_constructions: tuple[str, ...]  # group index -> construction name
    act_contexts: tuple[str, ...]  # group index -> regex the sentence must match before the act
    modals: RowAlternation
    modal_keys: tuple[str, ...]
    levels: re.Pattern
    level_keys: tuple[str, ...]
    bodies: re.Pattern
    amounts: re.Pattern
    nonpowers: re.Pattern
    references: re.Pattern
    fixed_body: re.Pattern
    no_subject: tuple[tuple[re.Pattern, frozenset[str]], ...]  # subjects holding no power but the listed categories (patterns/subjects.tsv)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if any(row.values())]


def _alternation(patterns: list[str]) -> re.Pattern:
    """One regex; group i+1 holds alternative i (patterns must not capture)."""
    return re.compile(_guarded("|".join(f"({p})" for p in patterns)))


_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT} if _sre else set()
_REPEATS = {getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)}
_WIDEST_RANGE = 4096  # a class wider than this ([一-龥]) is no useful guard


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """(characters a match of the parsed ``items`` can start with, or None for any; can it match empty?)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL:
                    chars.add(chr(value))
                elif kind is _sre.RANGE and value[1] - value[0] <= _WIDEST_RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated class, \d, a wide range: nearly any character
                    return None, False
            return chars, False
        if op in _ZERO_WIDTH:  # lookarounds and anchors consume nothing: the next item starts the match
            continue
        if op is _sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:  # (?i:…): the case variants would have to be listed too
                return None, False
            alternatives = [av[-1]]
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            alternatives = [av]
        elif op is _sre.BRANCH:
            alternatives = av[1]
        elif op in _REPEATS:
            alternatives = [av[2]]
        else:  # ANY, NOT_LITERAL, a back reference...
            return None, False
        may_be_empty = op in _REPEATS and av[0] == 0
        for alternative in alternatives:
            first, empty = _first_chars(alternative)
            if first is None:
                return None, False
            chars |= first
            may_be_empty = may_be_empty or empty
        if not may_be_empty:
            return chars, False
    return chars, True


def _guarded(pattern: str) -> str:
    """``pattern`` behind a lookahead for the characters its matches can start with (same matches, same groups).

    Python's ``re`` tries every alternative of a large alternation at every position of the text,
    lookbehinds first; the one-character test rejects most positions at once.  That is most of the
    extraction time of a corpus (the act alternation alone was a third of it).  A pattern whose first
    character cannot be bounded (a negated class, one that may match empty) is returned as it is.
    """
    if _sre_parse is None:
        return pattern
    try:
        parsed = _sre_parse(pattern)
    except re.error:
        return pattern  # let re.compile report it with the pattern's own offsets
    first, may_be_empty = _first_chars(parsed)
    if first is None or may_be_empty or parsed.state.flags & ~re.UNICODE:  # global flags must open a pattern
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + f"])(?:{pattern})"


class RowAlternation:
    """The rows of a pattern table as one alternation: (match, row index) leftmost first, the earlier row on a tie.

    The matches are those of ``pattern.finditer`` over ``(row0)|(row1)|…``, but a position is tried only
    against the rows whose matches can start with its character (most start with one or two of them),
    not all sixty rows of the construction table.  A table with a row whose first character cannot be
    bounded is searched with ``pattern`` alone.
    """

    def __init__(self, patterns: list[str]):
        self.pattern = _alternation(patterns)
        self._patterns = patterns
        self._single: dict[int, re.Pattern] = {}  # row -> its own regex, compiled when a fallback needs it
        self._start: re.Pattern | None = None
        self._by_char: dict[str, tuple[re.Pattern, tuple[int, ...]]] = {}
        firsts = [_first_chars(_sre_parse(p)) if _sre_parse else (None, True) for p in patterns]
        if any(chars is None or empty for chars, empty in firsts):
            return
        rows_of: dict[str, list[int]] = {}
        for index, (chars, _) in enumerate(firsts):
            for char in chars:
                rows_of.setdefault(char, []).append(index)
        self._by_char = {char: (re.compile("|".join(f"({patterns[i]})" for i in rows)), tuple(rows))
                         for char, rows in rows_of.items()}
        self._start = re.compile("[" + "".join(re.escape(c) for c in sorted(rows_of)) + "]")

    def next_row(self, text: str, at: int, row: int) -> tuple[re.Match, int] | None:
        """The match at ``at`` of the first row after ``row`` that matches there: what the alternation gives
        when ``row`` is left out (a construction of two parts whose first part the sentence lacks)."""
        rows = self._by_char[text[at]][1] if self._start is not None else range(len(self._patterns))
        for other in rows:
            if other <= row:
                continue
            if other not in self._single:
                self._single[other] = re.compile(self._patterns[other])
            m = self._single[other].match(text, at)
            if m is not None:
                return m, other
        return None

    def finditer(self, text: str, pos: int = 0) -> Iterator[tuple[re.Match, int]]:
        if self._start is None:
            for m in self.pattern.finditer(text, pos):
                yield m, _group_index(m)
            return
        while (found := self._start.search(text, pos)) is not None:
            at = found.start()
            regex, rows = self._by_char[text[at]]
            m = regex.match(text, at)  # lookbehinds still see the text before ``at``
            if m is None:
                pos = at + 1
            else:
                yield m, rows[m.lastindex - 1]
                pos = m.end()  # no row matches empty (its first character is bounded)


# Characters that may sit inside a body name between its level and its suffix.
# Function words that start a new phrase end the name: 由经向对将按依会同 ...
# (i12-precision3: 自由贸易 and 经贸 are words, not 自 "from" + 由 or 经 "through": 中国（浙江）自由贸易试验区管理委员会 was cut
# to 贸易试验区管理委员会, 外经贸部门 to 贸部门)
_NAME_CHAR = r"(?:其他|经济|经贸|对外|民用|自由(?=贸易)|（(?![一二三四五六七八九十]+）)[^）]{1,10}）|和(?=计划生育|城乡建设|旅游|物资储备|社会保障|信息化|草原|改革)|(?<=粮食)和(?=储备)|(?<=市容)和(?=环境卫生)|(?<=自然资源)和(?=规划)|(?!应当|可以|依法|依照|按照|负责|有权|不得|会同|根据|对于|责令|予以|给予|必须|组织|提请|符合|通过|经过|属于|需要|提供|包括|规定|制定|设立|建立|支持|协助|配合|通知|装备|要求|加强|选举|任免|接受|征得|监督(?!管理|部门|机构|局|检查)|自(?!治|然)|用|地用|不(?!动产))[^\s，。；：、（）()《》“”\"由经向对将按依同与和并及或其在报请除为把被从给处罚以的到者内后时于即是日\d])"


# i12-names: verbs of transmission and order (and 受 of 受X委托) are never inside a body name, whatever stands before
# them: the body starts after the verb, with its own level (由县级以上人民政府责成有关部门强制拆除 -> 有关部门, 山东省燃气管理条例
# art. 52; 移送工商行政管理机关, 棉花质量监督管理条例 art. 29; 抄送有关部门, 信阳南湾水库饮用水水源保护条例 art. 28; 受住房城乡建设
# 行政主管部门委托, 北京市建设工程质量条例 art. 69). Directly before the suffix the verb names a body of its own (委托机关,
# 授权部门, 指定部门: 行政处罚法, 企业法人登记管理条例 art. 5), so it ends a name only where more name follows. Words that
# merely share characters stay names (委员会 is no 委托, 通信管理局 no 通知). The words block the name (_NAME_CHAR below),
# start a body after them (_BOUNDARY_WORDS) and are cut from the head of a list closed by 等 (find_terms).
_VERBS_BEFORE_BODY = ("责成", "抄送", "移送", "报送", "附送", "送交", "转送", "转交", "提交", "通知", "委托", "授权", "指定",
                      "会同", "协助", "配合", "督促", "建议", "征求", "取得", "明确", "鼓励", "组织", "请求",
                      # i12-resources: the body set up (X设立Y，负责…: 草原法 art. 56 设立草原监督管理机构) starts after the verb
                      "设立", "设置")
# 国务院授权有关部门 is the law's designation of one body (特种设备安全法 art. 72, 矿产资源法 art. 12): kept as written
# 协调 and 指导 are verbs only before an open designation (协调有关行政监督部门, 濮阳市公共资源交易管理条例 art. 5): 协调管理机构
# and 精神文明建设指导委员会 are names
_VERBS_BEFORE_OPEN_BODY = ("协调", "指导")
_VERB_IN_NAME = (rf"(?:{'|'.join(_VERBS_BEFORE_BODY)})(?!部门|机关|机构)(?<!授权(?=有关|相关))|受(?=[^，。；]{{2,30}}?委托)"
                 rf"|(?:{'|'.join(_VERBS_BEFORE_OPEN_BODY)})(?=有关|相关|各)")
_NAME_CHAR = rf"(?:(?!{_VERB_IN_NAME}){_NAME_CHAR})"
# the head of a list closed by 等 starts after the last verb of its first item (可以会同公安、交通、铁路等部门, 河南省盐业管理
# 条例 art. 15; 应当组织公安、交通运输等部门, 枣庄市农村公路条例 art. 29), or after the prepositions it opens with (由卫生健康、
# 教育…等部门, 未成年人保护法 art. 119; 报经规划、国土资源等有关部门, 浙江省物业管理条例 art. 40); 文化和旅游 keeps its 和
_LIST_HEAD_VERB = re.compile(rf"[^、]*(?:{'|'.join(_VERBS_BEFORE_BODY)})")
_LIST_HEAD_PREP = re.compile(r"(?:并|及时|可以|应当|分别|定期|书面|依法)*(?:由|经(?!济|营|办|费)|向|对(?!外)|报)+")


@functools.lru_cache(maxsize=4)
def load_tables(patterns_dir: str | None = None) -> TermTables:
    """Compile the pattern tables of ``patterns_dir`` (default: the bundled ones)."""
    base = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    acts = _rows(base / "constructions.tsv")
    modals = _rows(base / "modals.tsv")
    levels = _rows(base / "levels.tsv")
    bodies = _rows(base / "bodies.tsv")
    amounts = _rows(base / "amounts.tsv")
    nonpowers = _rows(base / "nonpowers.tsv")
    no_subjects = _rows(base / "subjects.tsv")
    level_re = "|".join(f"(?:{row['pattern']})" for row in levels)
    fixed = "|".join(row["pattern"] for row in bodies if row["kind"] == "fixed")
    suffix = "|".join(row["pattern"] for row in bodies if row["kind"] == "suffix")
    # a body: [level][sector words](suffix) | a fixed name | a level that is itself a government
    body_re = (
        rf"(?:有(?:批准|审批|审核|管辖|核准|处罚|审查)权的)?"  # 有批准权的县级以上人民政府…部门: kept as written
        rf"(?:(?P<level>{_guarded(level_re)})的?)?(?:(?P<name>{_NAME_CHAR}{{0,18}}?)(?P<suffix>{_guarded(fixed + '|' + suffix)}))"
        rf"|(?P<lonely>{_guarded(level_re)})"
    )
    return TermTables(
        acts=RowAlternation([row["pattern"] for row in acts]),
        act_keys=tuple((row["action"], row["category"]) for row in acts),
        act_constructions=tuple(row["construction"] for row in acts),
        act_contexts=tuple(row.get("context") or "" for row in acts),
        modals=RowAlternation([row["pattern"] for row in modals]),
        modal_keys=tuple(row["modality"] for row in modals),
        levels=_alternation([row["pattern"] for row in levels]),
        level_keys=tuple(row["level"] for row in levels),
        bodies=re.compile(body_re),
        fixed_body=re.compile(fixed),
        no_subject=tuple((re.compile(row["pattern"]), frozenset(filter(None, (row.get("keeps") or "").split(","))))
                         for row in no_subjects if row["kind"] == "none"),
        amounts=re.compile("|".join(f"(?:{row['pattern']})" for row in amounts)),
        nonpowers=re.compile(_guarded("|".join(f"(?:{row['pattern']})" for row in nonpowers))),
        references=re.compile(
            r"(?P<law>本法|本条例|本办法|本规定|本细则|《[^》]{1,60}》)?"
            r"(?P<arts>第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?"
            r"(?:第[零一二三四五六七八九十\d]+款)?(?:第（[一二三四五六七八九十]+）项)?"
            r"(?:(?:、|和|或者|至)第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?"
            r"(?:第[零一二三四五六七八九十\d]+款)?(?:第（[一二三四五六七八九十]+）项)?)*)"
        ),
    )


def _group_index(match: re.Match) -> int:
    return match.lastindex - 1 if match.lastindex else 0


_BOUNDARY_CHARS = set("，。；：、（）《》“”\n 由经向到对和及或与同并报")  # 到X办理: X starts after 到 (郑州市城市公有房屋管理条例 art. 13)
_BOUNDARY_WORDS = ("会同", "或者", "以及", "按照", "依照", "根据", "其中", "并且", "所属的", "设置的", "指定的", "授权的", "，依法",
                   "委托的", "接受", "条规定的", "款规定的", "所在地的", "报送", "设立的", "征得",  # 报送有审核权的…部门审核
                   "提请",  # 提请有关人民政府…责令停建、关闭 (传染病防治法 art. 76)
                   "请求", "移交",  # 请求管理专利工作的部门处理 (专利法 art. 65), 移交当地文物行政部门 (文物保护法 art. 76)
                   # 须经有关的档案行政管理部门审查同意 (档案法实施办法 art. 21; i12-lists): only after 经/由/向, since
                   # after 和 or a comma the list or the sentence around it is not read for it (国际海运条例 art. 4)
                   "经有关的", "由有关的", "向有关的",
                   # i12-recall2: a place word without 的 ends the place phrase, so the body starts after it
                   # (经所在地环境卫生行政主管部门商生态环境行政主管部门核准, 向户籍所在地公安机关申请)
                   "所在地",
                   # i12-recall6: 经过 is 经 (应当经过区县水行政主管部门同意, 淄博市水资源保护管理条例 art. 25; 应当经过市公路管理
                   # 机构许可, 北京市公路条例 art. 27): the body starts after it, not at 过
                   "经过") + _VERBS_BEFORE_BODY + _VERBS_BEFORE_OPEN_BODY  # i12-names: a body starts after the verb


# --- i12-bodies2: a body named by the act it did for the pronoun's party (其登记的民政部门, 办理其备案的民政部门) ---
# The pronoun and its act are dropped and the body after them is the subject, with its own level (tests/gold/README.md
# rule 3: 其所属的渔政监督管理机构 -> 渔政监督管理机构; 慈善法 art. 13 向其登记的民政部门报送, 山东省慈善条例 报其登记的县级以上
# 人民政府民政部门). Without 其 (原发证的药品监督管理部门) the act names which body it is, and the name is kept as written.
_PRONOUN_ACT = re.compile(r"(?:原)?(?:负责)?(?:发证|审批|批准|登记|备案|核发|颁发)的")
_PRONOUN_ACT_BEFORE = re.compile(r"(?:^|(?<=[，。；：、（）《》“”\n 由经向到对和及或与同并报]))(?:办理)?其$")
# --- end i12-bodies2 ---

_PLACE_BEFORE = re.compile(r"(?<=[，。；：、（由经向对报])[^，。；：、（）由经向对报的请提可应将并到或和及与]{1,14}所在地的$")
_ALIAS = re.compile(r"（以下(?:简)?称([^）]{2,16}?(?:部门|机关|机构))）")
_PRONOUN = re.compile(r"其(?:所属的|设置的|主管的)?$")
_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}、)+$")


def _body_boundary(text: str, start: int, name: str) -> bool:
    """A body without a level word must start where a phrase starts (not 应当公布本部门)."""
    if name.startswith(("该", "军队", "中国人民解放军", "中央军事委员会")):
        return False
    if name.startswith(("其", "各", "本")) and not name.startswith(("其他", "各级", "本级人民政府")):
        return False
    if name.startswith("过") and text[start - 1: start] == "经":
        return False  # i12-recall6: 经过X, the body starts after 过 (_BOUNDARY_WORDS)
    if name.startswith("送") and text[start - 1: start] in ("报", "抄"):
        return False  # 报送住房城乡建设管理部门: the body starts after 报送
    if text[start - 1: start] == "受" and "委托" in text[start: start + 32]:
        return True  # i12-names: 受X委托, the body after 受
    return start == 0 or text[start - 1] in _BOUNDARY_CHARS or text[:start].endswith(_BOUNDARY_WORDS)


def _add_acts(terms: list[Term], text: str, tables: TermTables, m: re.Match, index: int) -> None:
    """The ACT term of a construction row's match, and of the rows the alternation would give without it."""
    while True:
        action, category = tables.act_keys[index]
        terms.append(Term("ACT", m.start(), m.end(), m.group(), key=action, category=category,
                          construction=tables.act_constructions[index], context=tables.act_contexts[index]))
        if not tables.act_contexts[index]:
            break
        # a row of two parts wins its position only if its first part is there (checked with the sentence):
        # the row the alternation would give without it is kept beside it (组织实施 of an exam / of a taking)
        following = tables.acts.next_row(text, m.start(), index)
        if following is None:
            break
        m, index = following


# i12-build2: a list closed by 等 whose first item holds the government level and a long sector name (国务院住房城乡建设、
# 商务、发展改革、工业和信息化等部门, 招标投标法实施条例 art. 11): the 8-character items of _LIST_BEFORE start inside it, so the
# list is taken from the level when the level starts a phrase and only a sector word (no verb, 及其, modal) follows it
_LEAD_NOT_SECTOR = re.compile(r"及其|和|应当|可以|负责|依法|按照|依照|根据|会同|由|经|向|对|的")


def _level_lead(text: str, head: int, first_sep: int, tables: "TermTables") -> int | None:
    if first_sep < 0:
        return None
    for lv in tables.levels.finditer(text, max(0, head - 16), first_sep):
        if not (lv.start() < head and lv.group().endswith(("国务院", "人民政府"))):
            continue
        sector = text[lv.end(): first_sep]
        if not 2 <= len(sector) <= 12 or not re.fullmatch(r"[\u4e00-\u9fff]+", sector) or _LEAD_NOT_SECTOR.search(sector) or (
                _LIST_HEAD_VERB.match(sector)):
            return None
        if lv.start() == 0 or text[lv.start() - 1] in _BOUNDARY_CHARS or text[:lv.start()].endswith(_BOUNDARY_WORDS):
            return lv.start()
        return None
    return None


def find_terms(text: str, tables: TermTables) -> list[Term]:
    """Every term of ``text`` in document order (labels may overlap one another)."""
    terms: list[Term] = []
    pos = 0
    while (m := tables.bodies.search(text, pos)) is not None:
        # a rejected candidate (法接受审计机关) may hide a body that starts inside it (审计机关): search on from
        # its next character; an accepted one is skipped whole
        pos = m.start() + 1
        level = m.group("level") or m.group("lonely") or ""
        suffix = m.group("suffix") or ("人民政府" if m.group("lonely") else "")
        if m.group("lonely") and not (m.group("lonely").endswith(("人民政府", "国务院", "办事处"))):
            continue  # a bare level word (县级以上) is no body
        act_named = None if level else _PRONOUN_ACT.match(m.group())
        if act_named and _PRONOUN_ACT_BEFORE.search(text, max(0, m.start() - 3), m.start()):  # i12-bodies2: 其登记的X
            inner = tables.bodies.match(text, m.start() + act_named.end())
            if inner is not None and inner.end() == m.end() and not (inner.group("lonely") and not inner.group(
                    "lonely").endswith(("人民政府", "国务院"))):
                terms.append(Term("BODY", inner.start(), inner.end(), inner.group(),
                                  level=inner.group("level") or inner.group("lonely") or "",
                                  suffix=inner.group("suffix") or "人民政府"))
                pos = inner.end()
                continue
        pronoun = None if level else _PRONOUN.search(text, max(0, m.start() - 6), m.start())
        if pronoun and (m.group("name") or m.group("suffix") in ("主管部门", "主管机关", "行政主管部门")) and (
                pronoun.start() == 0 or text[pronoun.start() - 1] in _BOUNDARY_CHARS):
            # 由其主管部门 / 其所属的渔政监督管理机构: the pronoun is dropped (tests/gold/README.md rule 3)
            terms.append(Term("BODY", m.start(), m.end(), m.group(), level="", suffix=suffix))
            pos = m.end()
            continue
        if not level and not _body_boundary(text, m.start(), m.group()):
            continue
        if not level and not m.group("name") and not tables.fixed_body.fullmatch(m.group()) and not (
                # i12-recall6: 由主管部门责令其限期归还 (郑州市科学技术投入条例 art. 36), 由主管部门给予警告 (河南省道路运输条例
                # art. 41): the body the sentence makes act, named by its role and kept as written (like 有关主管部门)
                m.group("suffix") in ("主管部门", "行政主管部门") and text[m.start() - 1: m.start()] == "由"):
            continue  # a bare 部门 / 机关 is no particular body
        start = m.start()
        if not level and m.group().startswith("级") and (text.startswith("会同同级", start - 3) or text[start - 2: start] in (
                "经同", "由同", "向同") and not re.fullmatch(r"级(?:地方)?人民政府", m.group())):
            # 会同同级物价行政主管部门: the partner of the same level (公路法 art. 63); 经同级档案行政管理部门检查和同意
            # (档案法实施办法 art. 13): 同 is no boundary inside 同级; 报同级… stays internal, and so does the bare
            # 经/由同级人民政府批准 (a department's proposal going up: 德州市湿地保护条例 art. 23)
            start -= 1
        if not level and "等" in (m.group("name") or ""):
            # 财政、审计、税务、金融管理等部门: the list closed by 等 is one subject, as written
            head = _LIST_BEFORE.search(text, max(0, start - 40), start)
            verb = head and _LIST_HEAD_VERB.match(text, head.start(), text.find("、", head.start()))  # i12-names
            if verb:  # 会同/组织/通知… ends the phrase before the list
                start = verb.end()
            elif head and (head.start() == 0 or text[head.start() - 1] in _BOUNDARY_CHARS):
                start = head.start()
                prep = _LIST_HEAD_PREP.match(text, start, m.start())  # i12-names: 由/报经/并向… is no part of the list
                if prep:
                    start = prep.end()
            elif head and (lead := _level_lead(text, head.start(), text.find("、", head.start()), tables)) is not None:
                start = lead  # i12-build2: 国务院住房城乡建设、商务…等部门, the level before a long first sector
        if not level and text.startswith("所在地的", start - 4):
            # 常住户口所在地的公安机关 / 测绘成果所在地的测绘行政主管部门: the place is part of the name, as written
            place = _PLACE_BEFORE.search(text, max(0, start - 20), start)
            if place:
                start = place.start()
        alias = _ALIAS.match(text, m.end())
        if alias:  # 有关部门（以下称广告审查机关）: the law's own name for the body
            terms.append(Term("BODY", start, alias.end(), alias.group(1), level=level, suffix=suffix))
            pos = alias.end()
            continue
        terms.append(Term("BODY", start, m.end(), text[start: m.end()], level=level, suffix=suffix))
        pos = m.end()
    bodies = [t for t in terms if t.label == "BODY"]
    for m, index in tables.acts.finditer(text):
        _add_acts(terms, text, tables, m, index)
    # i12-publish: an act that starts inside a body's name (县级以上地方人民政府负责药品监督管理的部门负责本行政区域内的…工作:
    # the 负责 of the name) hides the act after the name; it is searched again from the name's end
    for body in bodies:
        hidden = [t.end for t in terms if t.label == "ACT" and body.start < t.start < body.end < t.end]
        if not hidden:
            continue
        seen = {(t.start, t.end, t.key) for t in terms if t.label == "ACT"}
        for m, index in tables.acts.finditer(text, body.end):
            if m.start() >= max(hidden):
                break
            if (m.start(), m.end(), tables.act_keys[index][0]) not in seen:
                _add_acts(terms, text, tables, m, index)
    for m, index in tables.modals.finditer(text):
        terms.append(Term("MODAL", m.start(), m.end(), m.group(), key=tables.modal_keys[index]))
    for m in tables.amounts.finditer(text):
        if any(ch.isdigit() or ch in "一二三四五六七八九十百千万两" for ch in m.group()) and m.end() > m.start() + 1:
            terms.append(Term("AMOUNT", m.start(), m.end(), m.group()))
    for m in tables.nonpowers.finditer(text):
        terms.append(Term("NONPOWER", m.start(), m.end(), m.group()))
    for m in tables.references.finditer(text):
        if m.group("arts"):
            terms.append(Term("REF", m.start(), m.end(), m.group(), key=m.group("law") or ""))
    terms.sort(key=lambda t: (t.start, -t.end))
    return terms


if not Doc.has_extension("terms"):
    Doc.set_extension("terms", default=None)
if not Doc.has_extension("source"):
    Doc.set_extension("source", default=None)  # doc.text, computed once (it joins every token)
if not Span.has_extension("term"):
    Span.set_extension("term", default=None)


@Language.factory("legal_terms", default_config={"patterns_dir": None, "make_spans": True})
def make_legal_terms(nlp: Language, name: str, patterns_dir: str | None, make_spans: bool):
    return LegalTermRecognizer(load_tables(patterns_dir), make_spans)


class LegalTermRecognizer:
    """Pipeline component: ``Doc._.terms`` and ``doc.spans["legal_terms"]``."""

    def __init__(self, tables: TermTables, make_spans: bool = True):
        self.tables = tables
        self.make_spans = make_spans

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.source
        if text is None:  # a caller that made the doc from a text it holds sets it (extract_clauses)
            doc._.source = text = doc.text
        terms = find_terms(text, self.tables)
        doc._.terms = terms
        if self.make_spans:
            spans = []
            for term in terms:
                span = doc.char_span(term.start, term.end, label=term.label, alignment_mode="expand")
                if span is not None:
                    span._.term = term
                    spans.append(span)
            doc.spans["legal_terms"] = SpanGroup(doc, name="legal_terms", spans=spans)
        return doc
