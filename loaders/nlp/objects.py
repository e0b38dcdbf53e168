"""The object a clause's conduct acts on, and the modifier restricting it (read once, at load time).

A liability clause names its conduct before its first 的，: 制造、销售和进口非法定计量单位的计量器具的，责令…
(计量法实施细则 (2022) art. 41).  The conduct opens with its verbs, a series joined by 、/和/或者 (制造、销售和
进口); what follows is the noun phrase they govern, the object (非法定计量单位的计量器具).  When the object has the form
M的H, M restricts its head H: the clause is about instruments *in non-legal units*, not instruments.  An item naming
the verbs and the head but not M (对违法制造、销售、安装、使用的计量器具的处罚) names another conduct, so the restriction
is recorded on the clause (``AuthorisingClause.object_modifier``) for the vacuum query to compare with items' names
(``queries.vacuum.basis_item``): queries never parse text.

The words are told apart by jieba's part-of-speech dictionary; the tags and words of each role are the rows of
``patterns/objects.tsv`` (each citing a corpus clause).  Read only:

- a conduct opening with a verb (an adverb may stand before a verb: 擅自移动, 未取得);
- an object holding 的 after its first word (制造、修理、销售的计量器具不合格, 计量法 art. 24: the verbs relativise
  the head, no object of theirs is restricted) and a head after its last 的;
- a modifier within one phrase (no comma) and a head that is not a doer (从事…销售的单位和个人: who acts) and holds
  no verb (负有军人优待义务的单位不履行优待义务: M的H is the conduct's subject, its predicate follows);

anything else (a conduct opening with a place or a doer, an object without 的: 移动地下水监测设施设备, 地下水管理条例
art. 60) has no modifier (""), and the query compares as it did before.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ontology import conduct_grammar

PATTERNS = Path(__file__).parent / "patterns" / "objects.tsv"
ROLES = ("violation", "enumerator", "end", "doer", "boundary", "verb", "adverb", "connective", "marker", "chapeau_doer")
SINGLE = ("violation", "enumerator", "end", "doer", "boundary", "marker", "chapeau_doer")
PATTERN_ROLES = ("violation", "enumerator", "end", "doer", "boundary", "chapeau_doer")


@dataclass(frozen=True)
class ObjectGrammar:
    """The rows of ``patterns/objects.tsv``, by role."""

    violation: re.Pattern[str]  # 违反…规定， before the conduct
    enumerator: re.Pattern[str]  # （三） opening an item of a list
    end: re.Pattern[str]  # where the conduct ends (its first 的，)
    doer: re.Pattern[str]  # a head naming who acts (…的单位和个人): no object
    boundary: re.Pattern[str]  # punctuation an object does not cross
    verbs: frozenset[str]  # part-of-speech tags of a verb of the series
    adverbs: frozenset[str]  # tags of an adverb before a verb
    connectives: frozenset[str]  # words joining the verbs
    marker: str  # the attributive particle 的
    chapeau_doer: re.Pattern[str]  # whom a clause listing conducts punishes (生产经营单位有下列…), group "doer"


def read_grammar(path: Path = PATTERNS) -> ObjectGrammar:
    """Read and check an object grammar table; a bad row raises ``ValueError`` naming the file and line."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames is None or not {"role", "value"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: line 1: expected the columns role, value, note")
        for line, row in enumerate(reader, start=2):
            role, value = (row.get("role") or "").strip(), row.get("value") or ""
            if not role and not value:
                continue
            if role not in ROLES or not value:
                raise ValueError(f"{path}: line {line}: role must be one of {', '.join(ROLES)}, with a value")
            found[role].append(value)
    for role in ROLES:
        if not found[role]:
            raise ValueError(f"{path}: no row of role {role}")
    for role in SINGLE:
        if len(found[role]) > 1:
            raise ValueError(f"{path}: one row of role {role} expected, found {len(found[role])}")
    patterns = {}
    for role in PATTERN_ROLES:
        try:
            patterns[role] = re.compile(found[role][0])
        except re.error as exc:
            raise ValueError(f"{path}: role {role}: bad pattern ({exc})") from None
    if "doer" not in patterns["chapeau_doer"].groupindex:
        raise ValueError(f"{path}: role chapeau_doer: the pattern needs a group (?P<doer>…)")
    return ObjectGrammar(patterns["violation"], patterns["enumerator"], patterns["end"], patterns["doer"],
                         patterns["boundary"], frozenset(found["verb"]),
                         frozenset(found["adverb"]), frozenset(found["connective"]), found["marker"][0],
                         patterns["chapeau_doer"])


@functools.lru_cache(maxsize=1)
def grammar() -> ObjectGrammar:
    return read_grammar()


def conduct_span(text: str | None, table: ObjectGrammar | None = None) -> str:
    """The conduct a clause names: its words before the first 的， (an item's number and 违反…规定 left out), or ""
    when it names none (a power stated without a conduct).

    >>> conduct_span("违反《中华人民共和国计量法》第十四条规定，制造、销售和进口非法定计量单位的计量器具的，责令其停止制造")
    '制造、销售和进口非法定计量单位的计量器具'
    >>> conduct_span("县级以上人民政府计量行政部门应当加强监督管理。")
    ''
    >>> conduct_span("（四）查封、扣押经检测不符合农产品质量安全标准的农产品；")
    '查封、扣押经检测不符合农产品质量安全标准的农产品'
    """
    table = table or grammar()
    text = (text or "").strip()
    enumerated = table.enumerator.match(text) is not None
    text = table.enumerator.sub("", text)
    end = table.end.search(text)
    if end is None:  # an item of a list of measures is its own act and object: （四）查封、扣押…的农产品；
        return text.rstrip("；;。，, ") if enumerated else ""
    return table.violation.sub("", text[:end.start()]).strip("，,；; ")


def conduct_of(text: str | None, table: ObjectGrammar | None = None) -> str | None:
    """The conduct a clause acts on, as the vacuum query compares it with items' names: :func:`conduct_span` without
    the words every liability clause shares, or None when it names none, or only who acts (the rows of
    ``ontology/conduct_grammar.csv``, which the query reads of items' names too).  Read at load time into
    ``AuthorisingClause.conduct`` and ``Provision.conduct``.

    >>> conduct_of("违反本法第三十二条规定，未取得种子生产经营许可证生产经营种子的，由县级以上人民政府农业农村主管部门责令改正")
    '未取得种子生产经营许可证生产经营种子'
    >>> conduct_of("（三）伪造、变造许可证的；"), conduct_of("县级以上人民政府应当加强监督管理。")
    ('伪造、变造许可证', None)
    >>> conduct_of("违反本法规定，农产品生产经营者有下列行为之一，尚不构成犯罪的，由县级以上地方人民政府农业农村主管部门责令停止生产经营：")
    >>> conduct_of("（四）查封、扣押经检测不符合农产品质量安全标准的农产品；")  # an item of a list of measures: its own act
    '查封、扣押经检测不符合农产品质量安全标准的农产品'
    """
    table = table or grammar()
    span = conduct_span(text, table)
    if not span:
        return None
    if table.end.search(table.enumerator.sub("", (text or "").strip())) is None:
        return span  # an item of a list of measures, its own act and object: nothing generic to leave out
    shared = conduct_grammar()
    conduct = shared.generic.sub("", span).strip("，,；; ")
    return None if not conduct or shared.doer.search(conduct) else conduct


def listed_conducts(text: str | None, provision_text: str | None, table: ObjectGrammar | None = None
                    ) -> tuple[str, ...]:
    r"""The conducts a clause's provision lists in its items (有下列行为之一…：（一）…；（二）…) when the clause's text
    ends in a colon: :func:`conduct_of` of each item line of the provision's text (which holds its items).

    >>> listed_conducts("有下列行为之一的，由公安机关处警告：", "有下列行为之一的，由公安机关处警告：\n（一）伪造证件的；\n（二）出租证件的。")
    ('伪造证件', '出租证件')
    """
    table = table or grammar()
    if not (text or "").rstrip().endswith(("：", ":")):
        return ()
    lines = (provision_text or "").splitlines()
    return tuple(c for c in (conduct_of(line, table) for line in lines if table.enumerator.match(line.strip())) if c)


def chapeau_doer(text: str | None, table: ObjectGrammar | None = None) -> str:
    """Whom a provision listing conducts punishes (``chapeau_doer``: 生产经营单位有下列行为之一的), or "".

    >>> chapeau_doer("违反本条例规定，生产经营单位有下列行为之一的，责令限期改正：")
    '生产经营单位'
    >>> chapeau_doer("有下列行为之一的，处警告：")
    ''
    """
    table = table or grammar()
    found = table.chapeau_doer.match((text or "").strip())
    return found.group("doer") if found else ""


@dataclass(frozen=True)
class ConductReading:
    """What the vacuum query compares of a clause, read once at load (``AuthorisingClause.conduct``, ``listed``,
    ``doer``): its conduct, else the conducts its provision's items list, and whom its chapeau punishes."""

    conduct: str = ""
    listed: tuple[str, ...] = ()
    doer: str = ""


@functools.lru_cache(maxsize=4096)
def conduct_reading(text: str | None, provision_text: str | None) -> ConductReading:
    r"""The :class:`ConductReading` of a clause of ``text`` (its unit's line) standing in a provision of
    ``provision_text`` (items included); once per unit (the clauses of one unit share it).

    >>> conduct_reading("生产经营单位有下列行为之一的，责令限期改正：", "生产经营单位有下列行为之一的，责令限期改正：\n（一）未按照规定对从业人员进行安全生产教育和培训的；")
    ConductReading(conduct='', listed=('未按照规定对从业人员进行安全生产教育和培训',), doer='生产经营单位')
    """
    conduct = conduct_of(text)
    listed = listed_conducts(text, provision_text) if conduct is None else ()
    return ConductReading(conduct or "", listed, chapeau_doer(provision_text or text))


@functools.lru_cache(maxsize=1)
def _tagger():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" lines on stderr
    return jieba.posseg.dt  # over jieba's default dictionary, the one the jieba segmenter has loaded already


def object_modifier(text: str | None, table: ObjectGrammar | None = None) -> str:
    """The modifier restricting the object of a clause's conduct (M of …V M的H), or "" (see the module).

    >>> object_modifier("违反《中华人民共和国计量法》第十四条规定，制造、销售和进口非法定计量单位的计量器具的，责令其停止")
    '非法定计量单位'
    >>> object_modifier("制造、修理、销售的计量器具不合格的，没收违法所得")  # the verbs relativise the head
    ''
    >>> object_modifier("侵占、毁坏或者擅自移动地下水监测设施设备及其标志的，责令停止违法行为")  # no 的 in the object
    ''
    """
    table = table or grammar()
    conduct = conduct_span(text, table)
    if table.marker not in conduct:
        return ""  # no M的H anywhere: nothing to tag
    tokens = [(pair.word, pair.flag) for pair in _tagger().cut(conduct)]
    at, verbs, joined = 0, 0, 0  # joined: where the series ends (after its last verb)
    opening = True  # at the series' start or after a connective: an adverb may stand before the verb
    while at < len(tokens):
        word, tag = tokens[at]
        if tag in table.verbs:
            verbs, opening, joined = verbs + 1, False, at + 1
        elif opening and tag in table.adverbs:
            pass
        elif verbs and not opening and word in table.connectives:
            opening = True
        else:
            break
        at += 1
    if not verbs:
        return ""  # the conduct opens with no act (a place, a doer): no object read
    rest = tokens[joined:]
    if not rest or rest[0][0] == table.marker:
        return ""  # 制造、修理、销售的计量器具: the verbs relativise the head
    last = max((i for i, (word, _) in enumerate(rest) if word == table.marker), default=-1)
    if last <= 0 or last == len(rest) - 1:
        return ""  # no 的 in the object, or no head after it
    modifier, head = "".join(word for word, _ in rest[:last]), "".join(word for word, _ in rest[last + 1:])
    if table.boundary.search(modifier + head) or table.doer.search(head):
        return ""  # not one phrase (…进入本市，或者接收…的动物), or the doer (…的单位和个人), not the object
    if any(tag in table.verbs for _, tag in rest[last + 1:]):
        return ""  # a verb after the head: M的H is the conduct's subject (负有…义务的单位不履行…), not an object
    return modifier


@functools.lru_cache(maxsize=4096)
def modifier_of(text: str) -> str:
    """:func:`object_modifier` by the bundled grammar, once per text (the clauses of one unit share it)."""
    return object_modifier(text)
