"""Vacuums (权力真空): authorising clauses in force that no item of the government rests on.

For a government, a clause counts when

- its law version was in force at the date of the government's list
  (:func:`list_date_of`; now when undated) and binds the government:
  national ranks bind every government, local legislation only within its
  region (:func:`queries.roles.binds_government`).  A law revised after the
  list's date is judged in the version in force then, a law not yet in
  force then makes no vacuum (:func:`rows_at`);
- its role level binds the government's level (``ontology/levels.csv``) and
  its sector is a canonical one (``ontology/sectors.csv``) or 人民政府: a
  clause for 有关部门 names no body that could hold it; a function a reform
  moved maps to its new sector from the reform's date
  (``ontology/reform_functions.csv``: :func:`queries.roles.reformed_sector`), and
  a licence the 本级人民政府 issues maps to 人民政府 (``government`` rows of
  ``ontology/relevance.csv``);
- it is not a prohibition (modality 不得), nor an 其他 clause (责令改正 ...)
  beside a clause of another category for the same subject on the same
  provision (one vacuum per act, not two), nor a competence clause
  (X负责/主管…工作: :func:`queries.roles.is_competence`), which assigns a
  sector to a role and is no power toward the public;
- a local government exercises it at all (``ontology/relevance.csv``, each
  row citing why): not a vertically managed system (海关, 海事, 税务 ...), not
  a body above the government's level named alone (国务院…部门; 省级 for a
  city or county), not placed where the government is not (在海上, 沿海,
  边境 ...); nor a law of a geographic scope (``ontology/law_scopes.csv``)
  outside its provinces;
- no item of the government rests on the clause's article or on anything the
  article contains (:meth:`GraphViews.covered_provisions`), nor on the same
  article number of an older version of the law, nor on another article
  whose text its quote gives (:func:`quoted_elsewhere`: stale bases, not
  vacuums), nor does an item of the department the clause maps to hold the
  same act for the same conduct under another provision or law (a penalty
  repeated in 安全生产法 and 煤矿安全生产条例: :func:`conduct_cover`; an order to
  correct and nothing else, or an order among an inspection's measures, by the
  department's inspection item on the same law family: :func:`only_corrects`,
  :func:`inspection_order`; a power stated without a conduct, by an
  item on another law's clause stating it: :func:`statement_of`; a rule's
  licence clause, by the licence item on the law it implements:
  :func:`rule_licence_cover`; a conduct of the version in force, by an item
  on the same law's older provision stating it: ``HeldActs._older``), nor
  does an item of the government name the general act that holds it
  (不动产统一登记, 无照经营: ``ontology/general_acts.csv``, :func:`general_cover`);
- it is the first clause of its provision and category mapping to those
  departments: a provision naming two bodies that one department carries
  (人事部门或者劳动保障部门) is one vacuum, not two.

Scope by what was loaded.  A clause is a vacuum of its own only when its
sector is carried by a *loaded* department of the government (one with items
in the store).  The clauses of a sector that no loaded department carries
make one ``vacuum_sector`` note per government and sector (how many clauses,
how many 应当 duties, which laws): the list of that department was simply not
loaded.  They become vacuums one by one when the government's list is
declared complete (``complete=True``, or the government is in a manifest of
its departments, :func:`load_manifest`); a sector that no department of a
complete list carries is then a vacuum with no department
(本级政府无对应部门).

Ranking.  Mapped before unmapped, 应当 duties first, then severity (a
restriction of personal liberty, then revocation of a licence or closure,
then the highest fixed fine; ``ontology/severity.csv``), then specific
categories before 其他.  Vacuums are grouped by law and article: each group
stands where its best member ranks and keeps its members together, and every
vacuum carries its group's size and duties (``count``, ``duties``).  ``top``
keeps the first N groups of each government.  ``explain`` adds a
``not_vacuum`` note for every clause of a binding law dropped for relevance or
for a conduct already listed, saying which rule dropped it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import itertools
import math
import re
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import cn2an

from kg.errors import UserError
from kg.model import article_id
from kg.text import bigrams, halfwidth, strip_prc
from kg.views import ClauseInForce, ItemBasis, clause_reach, clauses_binding, covered_by, referred_by, state_cached, view_cache
from ontology import conduct_grammar

from .conduct import item_readings, normalise_conduct, readings
from .findings import (Evidence, Finding, VacuumLines, VacuumText, describe_citation, new_finding, provision_label,
                       version_label, with_vacuum_text)
from .overlap import loaded_departments
from .roles import (
    RelevanceRule, applies_in, binds_government, binds_level, canonical_sectors, competence_rule,
    departments_for, government_places, is_competence, no_power_rule, reformed_sector, relevance_limits,
)
from .stale import MIN_QUOTE, QUOTE_MATCH, clean, quote_coverage, since_list_date
from .tables import ontology_rows, read_table
from .vacuum_memo import CoverMemo, sector_at

MODALITY_RANK = {"应当": 0, "必须": 0, "可以": 1}
DUTIES = frozenset({"应当", "必须"})
CONDUCT_SIMILARITY = 0.45
"""Jaccard similarity of character bigrams above which two conducts are the same (see :func:`conduct_cover`)."""
CONDUCT_MIN = 6
"""Bigrams a conduct needs to be compared at all (生产、销售劣药 has five: too common to tell one provision)."""
CONDUCT_MIN_READING = 5
"""Bigrams a normalised reading of a vacuum clause or of an item's name needs (:mod:`queries.conduct`): its
modifiers gone, 开垦、填埋湿地 has five and names one act (湿地保护法 art. 54 and the list's 对开垦、填埋湿地的处罚),
when the two readings are all but the same (:data:`SAME_PROVISION`).
A clause an item rests on still needs :data:`CONDUCT_MIN`: 生产、销售假药 opens 药品管理法 arts. 116 and 118."""
CONDUCT_CONTAINED = 0.8
"""Share of the shorter conduct's bigrams (at least :data:`CONDUCT_MIN_CONTAINED`) in the longer one above which
an item names one of the conducts a clause lists (对销售的种畜禽未附具合格证明…的处罚 for a clause listing three)."""
CONDUCT_MIN_CONTAINED = 10
CONDUCT_MIN_WHOLE = 8
"""Bigrams a conduct needs to count as named by a longer one when every one of its bigrams is in it
(冒用农产品质量标志 in 农产品生产经营者冒用农产品质量标志，或者销售冒用农产品质量标志的农产品)."""
SAME_PROVISION = 0.8
"""Jaccard similarity above which a conduct is the same provision listed under another of the
:data:`ENFORCEMENT` categories (封存 of a clause whose penalty the list holds)."""
ENFORCEMENT = frozenset({"行政处罚", "行政强制", "其他"})
"""What a provision on one conduct does to the offender (罚款, 封存, 责令改正): one item may list them together."""
LISTED_PER_LAW = frozenset({"行政检查", "行政奖励"})
"""Categories that lists hold once per law (对…的监督检查, 对…做出显著成绩的单位和个人的表彰奖励, citing one
or two of the law's articles): an item of the category on any article of the law, of the law it implements
(:func:`law_family`) or of a law the clause's text was made under (:func:`enabling_laws`), holds the
inspection powers and measures, or the awards, of its other articles."""
CORRECTION = frozenset({"责令改正"})
"""The acts of an order to correct (责令改正, 责令限期改正, 责令纠正: :mod:`loaders.nlp` reads them all as 责令改正).
An 其他 clause doing nothing else toward the public (its 处分 is of officials) is what a supervising body does
with what its inspection finds: an inspection item (:data:`CORRECTION_HOLDERS`) of the department on the same
law family holds it (档案法实施条例 arts. 48, 49: 由县级以上档案主管部门责令限期改正, held by the archive bureau's
档案工作监督检查 on 档案法 art. 42, whose duties read 发现违法违规行为的…责令整改)."""
CORRECTION_HOLDERS = frozenset({"行政检查"})
_SANCTION = re.compile(r"罚|没收|吊销|暂扣|停止|停业|停产|关闭|不得|不予|补种|拆除|恢复|赔偿|支付|撤销|取消|整顿|警告|通报|查封|扣押|限制")
"""What a clause does besides ordering correction, after its subject (行政处罚法 art. 9's penalties, 行政强制法 art. 9's
measures, other orders: 责令停止执业, 责令补种树木, 1至5年内不得举办): such a clause is more than an order to correct,
the extractor's 责令改正 notwithstanding (民用建筑节能条例 art. 44, 民办教育促进法实施条例 art. 64 ¶2)."""
STATEMENT_SIMILARITY = SAME_PROVISION
"""Jaccard similarity of two statements of a power (a clause with no conduct: 一般事故由…部门会同有关部门组织事故调查组
进行调查), their subjects removed, above which they are one power stated in two laws (特种设备安全监察条例 art. 67 ¶4
and 特种设备安全法 art. 72 ¶4); the 较大事故 of the next paragraph, another level's power, stays below (0.68)."""
STATEMENT_MIN = 10
"""Bigrams a statement needs to be compared at all: a short one (进行监督检查) is every law's."""
_IMPLEMENTING = re.compile(r"(实施细则|实施条例|实施办法)$")
_INSPECTION_MEASURES = re.compile(r"(监督检查|监督管理职责|检查)[^。]{0,30}采取(下列|以下)措施")
"""The head of a list of the measures an inspection may take (建设工程抗震管理条例 art. 35: 履行建设工程抗震监督管理职责时，
有权采取以下措施：): an order among them (（六）…责令相关单位进行必要的检测、鉴定) is made in that inspection."""
RULE_RANKS = frozenset({"部门规章", "地方政府规章"})
"""Ranks that may set no licence, only specify one a higher law set (行政许可法 arts. 16-17)."""
_RULE_KIND = re.compile(r"(监督管理|管理|监督检查)?(实施)?(办法|规定|细则|规则)$")
RULE_SUBJECT_MIN = 4
"""Characters a rule's subject (its title without 监督管理办法 …) needs to name a licence: 医疗器械经营."""


@functools.lru_cache(maxsize=1 << 14)  # asked of every act of a department for each inspection clause
def law_family(law: str) -> str:
    """A law and the regulation implementing it share one family: 计量法实施细则 -> 计量法.

    >>> law_family("中华人民共和国计量法实施细则"), law_family("中华人民共和国计量法")
    ('计量法', '计量法')
    """
    return _IMPLEMENTING.sub("", strip_prc(law or ""))


# ---------------------------------------------------------------------------
# What a clause is, independent of the government


@dataclass(frozen=True)
class Severity:
    """How heavy a clause's act is: restriction of liberty, revocation/closure, the highest fixed fine (yuan)."""

    liberty: bool = False
    revocation: bool = False
    amount: int = 0

    @property
    def key(self) -> tuple[int, int, int]:
        return (-self.liberty, -self.revocation, -self.amount)

    @functools.cached_property  # a clause's severity is labelled in every government's vacuum of it
    def label(self) -> str | None:
        parts = (["限制人身自由"] if self.liberty else []) + (["吊销许可证件或责令停产停业、关闭"] if self.revocation else [])
        if self.amount:
            parts.append(f"最高罚款{_yuan(self.amount)}")
        return "、".join(parts) or None


def _yuan(amount: int) -> str:
    return f"{amount // 10000:g}万元" if amount >= 10000 and amount % 10000 == 0 else f"{amount}元"


@functools.lru_cache(maxsize=1)
def severity_terms() -> tuple[tuple[str, str], ...]:
    """(term, class) of ``ontology/severity.csv``: class ``liberty`` or ``revocation``."""
    text = resources.files("ontology").joinpath("severity.csv").read_text(encoding="utf-8-sig")
    return tuple((row["term"], row["class"]) for row in csv.DictReader(text.splitlines()))


_AMOUNT = re.compile(r"([0-9０-９.．一二两三四五六七八九十百千万亿零〇]+)元")


def severity_of(actions: Iterable[str], amounts: Iterable[str]) -> Severity:
    """The severity of a clause from its actions and the fines it states (``AuthorisingClause.amounts``).

    >>> severity_of(["罚款", "吊销许可证"], ["五万元以上十万元以下"])
    Severity(liberty=False, revocation=True, amount=100000)
    >>> severity_of(["行政拘留", "罚款"], ["五日以下", "1000元以下"]).key
    (-1, 0, -1000)
    """
    actions = list(actions)
    found = {cls for term, cls in severity_terms() if any(term in a for a in actions)}
    amount = 0
    for written in amounts:
        for numeral in _AMOUNT.findall(written):
            try:
                value = cn2an.cn2an(halfwidth(numeral), "smart")
            except (ValueError, KeyError, IndexError):
                continue
            amount = max(amount, int(value))
    return Severity("liberty" in found, "revocation" in found, amount)


_ENUMERATOR = re.compile(r"^[（(][一二三四五六七八九十\d]+[）)]\s*")
_CONDUCT_END = re.compile(r"的[，,：:；;。]|的$")


_ITEM_NAME = re.compile(r"^(对|关于)|(的|之)?(行政)?(处罚|检查|强制措施|强制|行为)+$")


def item_conduct(name: str) -> str:
    """The conduct an item's name states: 对未取得…的处罚 -> 未取得…, without the words every liability clause
    shares, and "" when only who acts is left (``ontology/conduct_grammar.csv``, as the loader reads clauses).

    >>> item_conduct("对未取得种子生产经营许可证生产经营种子的处罚")
    '未取得种子生产经营许可证生产经营种子'
    """
    previous = None
    name = (name or "").strip()
    while previous != name:
        previous, name = name, _ITEM_NAME.sub("", name)
    grammar = conduct_grammar()
    name = grammar.generic.sub("", name).strip("，,；; ")
    return "" if grammar.doer.search(name) else name


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_conduct(a: frozenset[str], b: frozenset[str]) -> float:
    """How surely two conducts are one: their Jaccard similarity, or 1 when the shorter
    (of at least :data:`CONDUCT_MIN_CONTAINED` bigrams) lies in the longer for :data:`CONDUCT_CONTAINED`,
    or (of at least :data:`CONDUCT_MIN_WHOLE`) wholly."""
    shorter = min(len(a), len(b))
    if shorter >= CONDUCT_MIN_CONTAINED and len(a & b) >= CONDUCT_CONTAINED * shorter:
        return 1.0
    if shorter >= CONDUCT_MIN_WHOLE and len(a & b) == shorter:
        return 1.0
    return similarity(a, b)


def only_corrects(clause) -> bool:
    """Whether an 其他 clause only orders correction (:data:`CORRECTION`): read as 责令改正 and, after its subject,
    no other sanction or order (:data:`_SANCTION`); the 处分 of officials by 有关机关 is no power over the public.

    >>> from types import SimpleNamespace as C
    >>> only_corrects(C(category="其他", actions=("责令改正",), subject="县级以上档案主管部门",
    ...                 text="单位或者个人侵占、挪用国家档案馆的馆舍的，由县级以上档案主管部门责令限期改正；情节严重的，由有关机关对负有责任的领导人员和直接责任人员依法给予处分"))
    True
    >>> only_corrects(C(category="其他", actions=("责令改正",), subject="县级以上人民政府建设主管部门",
    ...                 text="注册执业人员未执行民用建筑节能强制性标准的，由县级以上人民政府建设主管部门责令停止执业3个月以上1年以下"))
    False
    """
    actions = frozenset(clause.actions or ())
    if clause.category != "其他" or not actions or not actions <= CORRECTION:
        return False
    text = clause.text or ""
    at = text.rfind(clause.subject) if clause.subject else -1
    return _SANCTION.search(text[at + len(clause.subject):] if at >= 0 else text) is None


def inspection_order(row: ClauseInForce) -> bool:
    """Whether a clause is an order among the measures an inspection may take (:data:`_INSPECTION_MEASURES`):
    an 其他 item of such a list, ordering (责令) and no sanction (:data:`_SANCTION`): made by the inspecting body in
    the course of its inspection, so held by its inspection item (建设工程抗震管理条例 art. 35 (六), by the 抗震设防
    inspection on 防震减灾法 art. 76, the law the regulation was made under).  A coercive measure of the list (（五）查封
    …施工现场) is a power of its own and stays."""
    clause = row.clause
    text = clause.text or ""
    if clause.category != "其他" or clause.item is None or "责令" not in text or _SANCTION.search(text):
        return False
    head = (row.article.text if row.article is not None else row.provision.text) or ""
    return _INSPECTION_MEASURES.search(head) is not None


def rule_subject(title: str) -> str:
    """What a rule governs: its title without the kind of text (医疗器械经营监督管理办法 -> 医疗器械经营).

    >>> rule_subject("医疗器械经营监督管理办法"), rule_subject("中华人民共和国渔业法实施细则")
    ('医疗器械经营', '渔业法')
    """
    return _RULE_KIND.sub("", strip_prc(title or ""))


def statement_of(clause) -> frozenset[str]:
    """The bigrams of a clause that states a power without a conduct (no 的， before its act), its subject removed:
    what two laws stating the same power share whoever they name (设区的市的特种设备安全监督管理部门,
    设区的市级人民政府负责特种设备安全监督管理的部门).

    >>> from types import SimpleNamespace as C
    >>> sorted(statement_of(C(text="一般事故由设区的市的部门组织调查。", subject="设区的市的部门")))
    ['一般', '事故', '故由', '由组', '组织', '织调', '般事', '调查']
    >>> statement_of(C(text="违反本法规定，开采泥炭的，由部门处罚款。", subject="部门"))
    frozenset()
    """
    text = clause.text or ""
    if _CONDUCT_END.search(text) or "下列" in text or _ENUMERATOR.match(text.strip()):
        return frozenset()  # a conduct (…的，), a list's head or one of its items: compared by conduct, not here
    return bigrams(text.replace(clause.subject, "") if clause.subject else text)


@dataclass(frozen=True)
class VacuumClause:
    """A clause that could be a vacuum of some government, with what does not depend on the government.

    ``dropped`` is the competence row of ``ontology/relevance.csv`` when the
    clause is a competence clause (a vacuum nowhere); ``limits`` the
    vertical/above/scope rows it matches.
    """

    row: ClauseInForce
    duty: bool
    families: frozenset[str] = frozenset()  # law families whose per-law items hold it (:data:`LISTED_PER_LAW`)
    late: str | None = None  # why its version was not yet in force at the list's date (then never a vacuum)
    chapeau_inspects: bool = False  # its paragraph's own text grants its subject an inspection (行政检查)

    @functools.cached_property  # only the few clauses no item names plainly are compared this way
    def readings(self) -> tuple[frozenset[str], ...]:
        """The conduct normalised, or the conducts its paragraph lists in its items (:mod:`queries.conduct`), as the
        loader read them (``AuthorisingClause.conduct`` and ``listed``)."""
        clause = self.row.clause
        return readings(clause.conduct or None, clause.listed)

    # What every government's check of the clause reads of its text: worked out once per clause (the clauses
    # are kept per store state), not once per government (a whole corpus: ~300 governments, ~1,200 vacuums each),
    # and only for the clauses some government reaches (a whole corpus has ~36,000 in force, many of them local
    # legislation of provinces no loaded list is in).

    @functools.cached_property
    def dropped(self) -> RelevanceRule | None:
        """The competence or no-power row of ``ontology/relevance.csv`` that drops the clause everywhere, or None."""
        clause = self.row.clause
        if is_competence(clause):
            return competence_rule(clause) or _EXTRACTED_COMPETENCE
        rule = no_power_rule(clause)
        if rule is not None and rule.rule == INSPECTION_MEANS and not self.chapeau_inspects:
            # the means are the inspection itself where the chapeau grants none (老年人权益保障法 art. 45:
            # 依法履行监督检查职责，可以采取以下措施 is a competence, its items carry the 民政 inspection)
            return None
        return rule

    @functools.cached_property
    def limits(self) -> tuple[RelevanceRule, ...]:
        """The vertical/above/scope rows of ``ontology/relevance.csv`` the clause matches."""
        return relevance_limits(self.row.clause)

    @functools.cached_property
    def severity(self) -> Severity:
        return severity_of(self.row.clause.actions, self.row.clause.amounts)

    @functools.cached_property
    def conduct(self) -> frozenset[str]:
        """The bigrams of the conduct the clause acts on (``AuthorisingClause.conduct``, read at load)."""
        return bigrams(self.row.clause.conduct)

    @functools.cached_property
    def basis_compared(self) -> tuple[tuple[frozenset[str], bool, int], ...]:
        """What :func:`basis_item` compares with item names: (conduct bigrams, normalised reading or raw, bigrams
        an item's name must share), the raw conduct then its readings."""
        compared = [(self.conduct, False)] if len(self.conduct) >= CONDUCT_MIN else []
        compared += [(reading, True) for reading in self.readings if len(reading) >= CONDUCT_MIN_READING]
        return tuple((c, r, max(BASIS_SHARED, math.ceil(round(BASIS_CONTAINED * len(c), 9)))) for c, r in compared)

    @functools.cached_property
    def doer(self) -> frozenset[str]:
        """The bigrams of whom the clause's chapeau punishes (``AuthorisingClause.doer``, read at load), or none: an
        item naming another doer is not proposed as its basis (:func:`basis_item`)."""
        return bigrams(self.row.clause.doer)

    @functools.cached_property
    def statement(self) -> frozenset[str]:
        """The bigrams of the power the clause states when it names no conduct (:func:`statement_of`)."""
        return statement_of(self.row.clause)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """What an item holding the clause would name (:func:`names_of`)."""
        return names_of(self.row.clause.category, self.row.clause.text)

    @functools.cached_property
    def general(self) -> tuple["GeneralAct", ...]:
        """The :func:`general_acts` rows whose clause side the clause matches, in table order."""
        row = self.row.clause
        return tuple(act for act in general_acts() if row.category in act.categories and act.clause.search(row.text or ""))

    @functools.cached_property
    def where(self) -> str:
        """The version and provision, as findings name them."""
        return version_label(self.row.version) + provision_label(self.row.provision)

    @functools.cached_property
    def judged(self) -> tuple[str, tuple[str, int | None, int], tuple, tuple]:
        """What :func:`vacuums_of` asks of the clause for every government: its article's id and (law, number,
        suffix), to tell covered ones, and its rank (but for whether it maps to a department) and order."""
        row = self.row
        clause = row.clause
        article = row.article if row.article is not None else row.provision
        return (article.id, (row.version.law, article.article, article.article_suffix),
                (MODALITY_RANK.get(clause.modality or "", 2), *self.severity.key, clause.category == "其他"),
                (row.version.law, clause.article or 0, clause.article_suffix, clause.paragraph or 0, clause.item or 0,
                 clause.id))

    @functools.cached_property
    def group(self) -> tuple[str, int | None, int]:
        """The law and article its vacuums are grouped by (:func:`_grouped`): (law, article number, suffix)."""
        row = self.row
        clause = row.clause
        return (row.version.law, clause.article if clause.article is not None else row.provision.article,
                self.judged[3][2])

    @functools.cached_property
    def finding_text(self) -> tuple[str, str, VacuumText]:
        """What a vacuum of the clause says and holds whatever the government (:func:`_vacuum`): its reason's
        words before the government's name and after its holders, and the clause's fields and their text."""
        row = self.row
        clause = row.clause
        duty = "应当履行的职责" if self.duty else "权力"
        since = since_list_date(row.version)  # judged as of the list's date, ended since (rows_at)
        text = VacuumText(
            law=row.version.law, version=row.version.date,
            article=clause.article if clause.article is not None else row.provision.article,
            paragraph=clause.paragraph, item=clause.item, category=clause.category, subject=clause.subject,
            modality=clause.modality, provision=row.provision.id, severity=self.severity.label)
        return (f"{self.where}授予{clause.subject}的{clause.category}{duty}，",
                f"（按清单日期判断；{since}）。" if since else "。", text)

    @functools.cached_property
    def evidence(self) -> tuple[Evidence, ...]:
        """A vacuum's evidence: the provision's text and the clause's roles."""
        clause = self.row.clause
        return (Evidence(resolved_to=self.where, article_text=self.row.provision.text,
                         note=f"条款主体：{clause.subject}；层级：{clause.level}；领域：{clause.sector}；"
                              f"情态：{clause.modality or '无'}；行为：{'、'.join(clause.actions) or '无'}"
                              + (f"；严重程度：{self.severity.label}" if self.severity.label else "")),)


def _without_companions(rows: Iterable[ClauseInForce]) -> Iterator[ClauseInForce]:
    """Drop 其他 clauses (责令改正 ...) beside another category's clause for the same subject.

    Rows come ordered by clause id, so the clauses of one provision are adjacent.
    """
    for _, group in itertools.groupby(rows, key=lambda r: r.provision.id):
        group = list(group)
        acts = {r.clause.subject for r in group if r.clause.category != "其他"}
        for row in group:
            if row.clause.category == "其他" and row.clause.subject in acts:
                continue
            yield row


def _assignable(store, law: str | None, date: str | None = None) -> list[VacuumClause]:
    """The clauses that could be a vacuum of some government with a list of ``date``, in clause-id order,
    then those of versions not yet in force at ``date`` (``late`` set; see :func:`rows_at`).

    What does not depend on the government: not a prohibition, not an 其他
    companion, a canonical sector; whether it is a competence clause, where
    it is exercised, how heavy it is and what conduct it acts on.
    """
    sectors = canonical_sectors()
    rows, late = rows_at(store, date, law)
    inspecting = {_paragraph_subject(row) for row in (*rows, *(r for r, _ in late))
                  if row.clause.category == "行政检查" and _item_of(row) is None}
    found = []
    for group, why in ((_without_companions(rows), None), *(((row,), reason) for row, reason in late)):
        for row in group:
            clause = row.clause
            # 有关部门, 其他有关部门 ...: no body can be named as the holder
            if clause.modality == "不得" or clause.sector not in sectors:
                continue
            families = frozenset({law_family(row.version.law)} | {law_family(x) for x in enabling_laws(store, row.version.id)}
                                 | {law_family(x) for x in applied_laws(store, row.provision.id)}) \
                if clause.category in LISTED_PER_LAW or _implementing(row) else frozenset()
            found.append(VacuumClause(row, clause.modality in DUTIES, families, why,
                                      _item_of(row) is not None and _paragraph_subject(row) in inspecting))
    return found


INSPECTION_MEANS = "inspection-means"
"""The ``ontology/relevance.csv`` row of an inspection's means (询问, 进入现场检查, 查阅复制…) listed as items: dropped
only where the paragraph's chapeau grants the same subject the inspection (:attr:`VacuumClause.dropped`)."""


def _item_of(row: ClauseInForce) -> int | None:
    """The 项 a clause stands in: its provision's, or the clause's own where it sits on the paragraph."""
    return row.provision.item if row.provision.item is not None else row.clause.item


def _paragraph_subject(row: ClauseInForce) -> tuple[str, int | None, int, int | None, str]:
    """The version, article, paragraph and subject of a clause: an item's chapeau shares them."""
    p = row.provision
    return (p.version, p.article, p.article_suffix, p.paragraph, row.clause.subject)


def _implementing(row: ClauseInForce) -> bool:
    """Whether a clause is held per law family like an inspection (``families``): an order made in an inspection
    (:func:`inspection_order`) or a licence clause of a rule (:func:`rule_licence_cover`)."""
    return (row.clause.category == "行政许可" and row.version.rank in RULE_RANKS) or inspection_order(row)


def list_date_of(bases: Iterable[ItemBasis]) -> str | None:
    """The date of a government's list: the newest ``PowerItem.list_date`` of its items (None when undated).

    >>> list_date_of([])
    """
    return max((b.item["list_date"][:10] for b in bases if b.item.get("list_date")), default=None)


def _start(effective: str | None, date: str | None) -> str:
    """When a version took effect: its effective date, else its date (ISO, "" when neither is known)."""
    return (effective or date or "")[:10]


def version_at(store, law: str, date: str) -> str | None:
    """The id of the version of ``law`` (a Law id) in force at ISO ``date``: the newest that had taken effect
    by then (effective date, else its date), not marked not yet in force; None when none had."""
    started = [v for v in store.targets(law, "HAS_VERSION")
               if v.props.get("status") != "not_yet_in_force" and "" < _start(v.props.get("effective"), v.props.get("date")) <= date]
    return max(started, key=lambda v: (_start(v.props.get("effective"), v.props.get("date")), v.props.get("date", ""), v.id)).id \
        if started else None


def rows_at(store, date: str | None, law: str | None = None) -> tuple[list[ClauseInForce], list[tuple[ClauseInForce, str]]]:
    """The clauses of the versions in force at ``date`` (a list's date), in clause-id order, and the clauses
    in force now whose version took effect after it, each with why it is not judged.

    A list of 2024-06-01 cannot rest on a text in force from 2024-11: a law revised since is judged in the
    version in force at the list's date (its clauses, ``CORRESPONDS_TO`` aside: an item citing the older text
    covers its own article), and a law not yet in force then makes no vacuum.  A law a stated repeal ended
    after the list's date (退役士兵安置条例, repealed from 2024-09-01 by the 退役军人安置条例) was in force then:
    its clauses are judged, and the vacuum says it has since been repealed (:func:`queries.stale.since_list_date`).
    A version the metadata alone marks repealed has no date of repeal: it is taken as repealed before the list.
    ``date`` None: now.  Kept per store state and date (:func:`state_cached`).
    """
    if not date:
        return list(store.clauses_in_force(law=law)), []
    return state_cached(store, ("vacuum_rows_at", law, date), lambda: _rows_at(store, date, law))


def _rows_at(store, date: str, law: str | None):
    cache = view_cache(store)
    kept: list[ClauseInForce] = []
    late: list[tuple[ClauseInForce, str]] = []
    older: dict[str, str | None] = {}
    for row in store.clauses_in_force(law=law):
        start = _start(row.version.effective, row.version.date)
        if not start or start <= date:
            kept.append(row)
            continue
        name = row.version.law
        if name not in older:
            older[name] = version_at(store, name, date)
            if older[name] is not None:
                kept.extend(_version_rows(store, cache, older[name]))
        then = cache.version(older[name]) if older[name] else None
        late.append((row, f"所依据的{version_label(row.version)}自{start}起施行，晚于清单日期{date}"
                          + (f"；清单日期施行的是{version_label(then)}，按该版本判断" if then else "；清单日期该法尚未施行")))
    judged = {v for v in older.values() if v}
    for node in store.nodes("LawVersion", status="repealed"):
        ended, name = node.props.get("repealed_on"), node.props.get("law")
        # repealed after the list's date and the version in force at it (not an older text of a law revised since)
        if ended and ended > date and (law is None or name == law) and node.id not in judged \
                and version_at(store, name, date) == node.id:
            judged.add(node.id)
            kept.extend(_version_rows(store, cache, node.id))
    kept.sort(key=lambda r: r.clause.id)
    return kept, late


def _version_rows(store, cache, version_id: str) -> Iterator[ClauseInForce]:
    version = cache.version(version_id)
    if version is None:
        return
    for node in store.nodes("AuthorisingClause", law=version.law, version=version.date):
        clause = cache.clause(node)
        provision = cache.provision(cache.node(clause.provision))
        if provision is not None and provision.version == version.id:
            yield ClauseInForce(clause, provision, cache.article_of(provision), version)


def enabling_laws(store, version_id: str) -> frozenset[str]:
    """The laws (Law ids) a version's first article cites: those it was made under (第一条 根据《X》…制定本办法).

    Kept per store state (:func:`state_cached`); the version's own law is left out.
    """
    laws = state_cached(store, "vacuum_enabling_laws", dict)
    if version_id not in laws:
        found: set[str] = set()
        stack = [article_id(version_id, 1)]
        while stack:
            pid = stack.pop()
            found.update(c.props["law"] for c in store.targets(pid, "CITES") if c.props.get("law"))
            stack.extend(e.dst for e in store.out_edges(pid, "CONTAINS"))
        found.discard(version_id.rsplit("/", 1)[0])
        laws[version_id] = frozenset(found)
    return laws[version_id]


def applied_laws(store, provision_id: str) -> frozenset[str]:
    """The laws (Law ids) a provision cites as the ones its power is exercised under: 依照本法和《中华人民共和国食品安全法》
    等法律…进行监督检查 (农产品质量安全法 2022 art. 60) is inspected by the 食品安全法 inspection items too."""
    return frozenset(c.props["law"] for c in store.targets(provision_id, "CITES") if c.props.get("law"))


def quoted_elsewhere(bases: Iterable[ItemBasis]) -> tuple[frozenset[str], frozenset[tuple[str, int, int]]]:
    """Articles that items rest on by their quote: a citation whose quote is not in the article it names
    (below :data:`queries.stale.QUOTE_MATCH`) but is in another article of the same version
    (``Citation.quote_best_match``) covers that one too, as ids and as (law, number, suffix).

    A list citing 城市房地产开发经营管理条例 第三十九条 with the text of 第三十六条 (the numbering before the
    2020 revision) rests on art. 36: a stale basis to correct, not a vacuum of art. 36.
    """
    ids: set[str] = set()
    numbers: set[tuple[str, int, int]] = set()
    for basis in bases:
        for citation in basis.citations:
            best, target, quote = citation.best_match, citation.article or citation.target, citation.citation.get("quote")
            if best is None or target is None or best.article is None or citation.version is None or not quote:
                continue
            if best.id == target.id or len(clean(quote)) < MIN_QUOTE or quote_coverage(quote, target.text) >= QUOTE_MATCH:
                continue
            if quote_coverage(quote, best.text) >= QUOTE_MATCH:
                ids.add(article_id(best.version, best.article, best.article_suffix))
                numbers.add((citation.version.law, best.article, best.article_suffix))
    return frozenset(ids), frozenset(numbers)


_EXTRACTED_COMPETENCE = RelevanceRule(
    "competence-construction", "competence", "construction", re.compile("competence"), frozenset(), frozenset(), frozenset(),
    "抽取器认定为职责分工条款（某部门负责、主管…工作），不单独构成权力事项或真空", "中华人民共和国行政处罚法", "第十七条")


# ---------------------------------------------------------------------------
# What a government's items already hold


@dataclass(frozen=True)
class _Held:
    """One act an item of a department holds: its category, the conduct's bigrams, and where it is listed
    (``law``: the law of the provision it rests on; None for the item's own name)."""

    category: str
    conduct: frozenset[str]
    item: tuple[str, str]  # the item's name and code
    law: str | None = None
    sectors: frozenset[str] = frozenset()  # the sectors of the clauses it rests on (none known: any)
    version: Any = None  # the VersionRef and ProvisionRef it rests on (None: the item's own name)
    provision: Any = None
    reading: bool = False  # a normalised reading (:mod:`queries.conduct`): compared with a clause's readings only
    rests: frozenset[tuple[str, int | None]] = frozenset()  # (version, article) the item rests on, for its name
    statement: bool = False  # a cited clause's statement of a power (:func:`statement_of`), of whatever category
    note: str | None = None  # why it holds a clause of another provision when that is not the same conduct (--explain)
    older: bool = False  # the text of a provision of an older version the item cites, with no clause of its category

    @property
    def where(self) -> str:
        """事项“…”（code）, and the provision it rests on; written only when a finding shows it."""
        item = f"事项“{self.item[0]}”（{self.item[1]}）"
        if self.provision is None:
            return item if self.version is None else f"{item}以{version_label(self.version)}为依据"
        where = version_label(self.version) + provision_label(self.provision)
        return f"{item}以{where}为依据" if not self.conduct else f"{item}所依据的{where}"


class HeldActs:
    """Department id -> the acts its items hold (each item's name, and each clause of the item's
    category on the articles it rests on), built for a department when first asked for.

    ``grams`` memoises the conduct bigrams of a clause by its id: the clauses of a law are cited by
    the items of every government.
    """

    def __init__(self, bases: Iterable[ItemBasis], grams: dict[str, frozenset[str]] | None = None) -> None:
        self._bases: dict[str, list[ItemBasis]] = defaultdict(list)
        for basis in bases:
            if basis.department is not None:
                self._bases[basis.department["id"]].append(basis)
        self._acts: dict[str, list[_Held]] = {}
        self._named: dict[tuple[str, str], tuple[list, dict]] = {}  # (department, category) -> basis_item's index
        self._grams = grams if grams is not None else {}
        # per (department, reading): its raw or its normalised acts, their bigram index and how many have each bigram
        self._acts_of: dict[tuple[str, bool], list[_Held]] = {}
        self._by_gram: dict[tuple[str, bool], dict[str, list[int]]] = {}
        self._counts: dict[tuple[str, bool], dict[str, int]] = {}

    def get(self, department: str, default: Iterable[_Held] = ()) -> list[_Held]:
        if department not in self._acts:
            if department not in self._bases:
                return list(default)
            self._acts[department] = [act for basis in self._bases[department] for act in self._of(basis)]
        return self._acts[department]

    def items(self, department: str) -> list[ItemBasis]:
        """The items of a department, as given."""
        return self._bases.get(department, [])

    def named(self, department: str, category: str) -> tuple[list[ItemBasis], list, dict[bool, dict[str, list]], dict]:
        """What :func:`basis_item` compares a vacuum clause with, for a department and category: its items of the
        category, their names' conducts by reading (False: the raw conduct's bigrams, True: its normalised
        readings), per reading a bigram index of them (bigram -> (item position, conduct position)), and a memo of
        what :func:`_named_alike` found for a clause among these names (by clause id).

        The conducts and the index depend on the names alone, in their order, and governments of one level list
        their catalogue's names (at 100,000 items 17,516 department lists of a category hold 1,578 sequences of
        names): they are kept by the names in the store state's memo (the :data:`NAMED_KEPT` last used) and built
        once for all governments listing them."""
        key = (department, category)
        found = self._named.get(key)
        if found is None:
            bases = [b for b in self._bases.get(department, ()) if b.item.get("category") == category]
            names = tuple(b.item.get("name", "") for b in bases)
            kept = self._grams.get("named index")
            if kept is None:
                kept = self._grams["named index"] = OrderedDict()
            built = kept.get(names)
            if built is not None:
                kept.move_to_end(names)
            else:
                conducts = []
                index: dict[bool, dict[str, list[tuple[int, int]]]] = {False: {}, True: {}}
                raw, normalised = index[False], index[True]
                for position, name in enumerate(names):
                    grams, reads = self._name_grams(name)
                    conducts.append({False: (grams,), True: reads})
                    for gram in grams:
                        raw.setdefault(gram, []).append((position, 0))
                    for variant, conduct in enumerate(reads):
                        for gram in conduct:
                            normalised.setdefault(gram, []).append((position, variant))
                built = kept[names] = (conducts, index, {})  # {}: basis_item's memo
                if len(kept) > NAMED_KEPT:
                    kept.popitem(last=False)  # the least recently listed: memory stays bounded at a million items
            found = self._named[key] = (bases, *built)
        return found

    def sharing(self, department: str, grams: frozenset[str], reading: bool = False) -> list[_Held]:
        """The acts of ``get(department)``, in its order, that can be the same conduct as ``grams``,
        of its normalised readings when ``reading`` (raw conducts are compared with raw ones only).

        :func:`same_conduct` reaches :data:`CONDUCT_SIMILARITY` only for an act sharing at least
        ``CONDUCT_SIMILARITY * len(grams)`` bigrams with ``grams`` (a Jaccard similarity is at most the
        shared share of either side) or, contained, ``CONDUCT_CONTAINED * CONDUCT_MIN_CONTAINED`` or, wholly,
        ``CONDUCT_MIN_WHOLE``; the other
        acts are never the one :func:`conduct_cover` finds.  The shared bigrams are counted through a
        bigram index of the department's acts, built when first asked for: a government's vacuum
        candidates are compared with the same few hundred acts.
        """
        key = (department, reading)
        index = self._by_gram.get(key)
        if index is None:
            self._acts_of[key] = [act for act in self.get(department) if act.reading == reading]
            index = self._by_gram[key] = {}
            for position, act in enumerate(self._acts_of[key]):
                for gram in act.conduct:
                    index.setdefault(gram, []).append(position)
            self._counts[key] = {gram: len(positions) for gram, positions in index.items()}
        acts = self._acts_of[key]
        need = _shared_needed(len(grams))
        counts = self._counts[key]
        present = grams & counts.keys()
        if len(present) < need:
            return []
        # how many of the bigrams each act shares, counted in C over the postings of those present (an act is
        # in a bigram's postings once): no set intersection per act
        shared = Counter(itertools.chain.from_iterable(map(index.__getitem__, present)))
        return [acts[p] for p in sorted(p for p, n in shared.items() if n >= need)]

    def among(self, acts: Mapping[str, list[_Held]]) -> "_ActsAmong":
        """These acts alone, by department: what :func:`conduct_cover` asks of them (``get``, ``sharing``)
        answered as this object answers it of all (:class:`queries.vacuum_memo.CoverMemo` asks of the acts
        a clause was not compared with before)."""
        return _ActsAmong(acts)

    def _clause_grams(self, clause) -> frozenset[str]:
        grams = self._grams.get(clause.id)
        if grams is None:
            grams = self._grams[clause.id] = bigrams(clause.conduct)
        return grams

    def _name_grams(self, name: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
        # an item name's conduct bigrams and readings: lists of one level repeat their catalogue's names
        key = (name, "item name")
        found = self._grams.get(key)
        if found is None:
            conduct = item_conduct(name)
            found = self._grams[key] = (bigrams(conduct), item_readings(conduct))
        return found

    def _clause_readings(self, clause) -> tuple[frozenset[str], ...]:
        key = (clause.id, "readings")
        found = self._grams.get(key)
        if found is None:
            found = self._grams[key] = readings(clause.conduct or None)
        return found

    def _of(self, basis: ItemBasis) -> Iterator[_Held]:
        category = basis.item.get("category", "")
        item = (basis.item.get("name", ""), basis.item.get("code") or basis.item["id"])
        grams, item_reads = self._name_grams(item[0])
        cited = frozenset(c.sector for citation in basis.citations for c in citation.clauses
                          if c.category == category and c.sector)
        if len(grams) >= CONDUCT_MIN:
            yield _Held(category, grams, item, sectors=cited)
        rests = frozenset((c.version.id, c.article.article) for c in basis.citations
                          if c.version is not None and c.article is not None)
        for reading in item_reads:
            if len(reading) >= CONDUCT_MIN_READING:
                yield _Held(category, reading, item, sectors=cited, reading=True, rests=rests)
        for citation in basis.citations:
            law = citation.version.law if citation.version is not None else None
            # a per-law item citing the law without an article (建筑节能检查: 《民用建筑节能条例》) holds it too
            if category in LISTED_PER_LAW and law is not None:
                yield _Held(category, frozenset(), item, law, version=citation.version, provision=citation.target)
            for clause in citation.clauses:
                if clause.category != category:
                    # a list files the power a clause states under its own category (组织事故调查组进行调查:
                    # 行政检查 to the extractor, 其他 in the list): only its statement is compared
                    if category == "其他" or clause.category == "其他":
                        yield from self._statement(category, item, law, clause, citation)
                    continue
                yield from self._statement(category, item, law, clause, citation)
                grams = self._clause_grams(clause)
                sectors = frozenset({clause.sector}) if clause.sector else frozenset()
                if len(grams) >= CONDUCT_MIN:
                    yield _Held(category, grams, item, law, sectors, citation.version, citation.article)
                for reading in self._clause_readings(clause):
                    if len(reading) >= CONDUCT_MIN:  # 生产、销售假药 opens several provisions (药品管理法 116, 118)
                        yield _Held(category, reading, item, law, sectors, citation.version, citation.article, True)
            if category in ENFORCEMENT and citation.version is not None and citation.version.status != "in_force" \
                    and citation.target is not None and not any(c.category == category for c in citation.clauses):
                yield from self._older(category, item, law, cited, citation)


    def _older(self, category: str, item: tuple[str, str], law: str | None, sectors: frozenset[str],
               citation) -> Iterator[_Held]:
        """The conduct of a provision of an older version an item cites where no clause of its category stands:
        a duty it punishes the breach of (农产品质量安全法 2018 art. 33 (三), cited with the penalty of art. 50) or a
        penalty the extractor found no subject for (2018 art. 49: 由…部门决定 stands in art. 52).  Compared with
        the clauses of the same law only (:func:`conduct_cover`): the version in force restates the conduct under
        another number when the alignment of the two versions paired none (2022 art. 71 (二))."""
        key = (citation.target.id, "older")
        found = self._grams.get(key)
        if found is None:
            conduct = citation.target.conduct or None  # read at load (Provision.conduct)
            if conduct and conduct.startswith("其他"):
                conduct = None  # a list's residual item (（五）其他不符合农产品质量安全标准的) lies in any conduct of the kind
            found = self._grams[key] = (bigrams(conduct), readings(conduct))
        grams, normalised = found
        if len(grams) >= CONDUCT_MIN:
            yield _Held(category, grams, item, law, sectors, citation.version, citation.target, older=True)
        for reading in normalised:
            if len(reading) >= CONDUCT_MIN:
                yield _Held(category, reading, item, law, sectors, citation.version, citation.target, True, older=True)

    def _statement(self, category: str, item: tuple[str, str], law: str | None, clause, citation) -> Iterator[_Held]:
        key = (clause.id, "statement")
        grams = self._grams.get(key)
        if grams is None:
            grams = self._grams[key] = statement_of(clause)
        if len(grams) >= STATEMENT_MIN:
            sectors = frozenset({clause.sector}) if clause.sector else frozenset()
            yield _Held(category, grams, item, law, sectors, citation.version, citation.article, statement=True)


class _ActsAmong:
    """A few acts of some departments, with :meth:`HeldActs.get` and :meth:`HeldActs.sharing` over them."""

    def __init__(self, acts: Mapping[str, list[_Held]]) -> None:
        self._acts = acts

    def get(self, department: str, default: Iterable[_Held] = ()) -> list[_Held]:
        return self._acts[department] if department in self._acts else list(default)

    def sharing(self, department: str, grams: frozenset[str], reading: bool = False) -> list[_Held]:
        need = _shared_needed(len(grams))  # as HeldActs.sharing counts them: the bigrams an act shares
        return [act for act in self._acts.get(department, ()) if act.reading == reading and len(grams & act.conduct) >= need]


@functools.lru_cache(maxsize=None)
def _shared_needed(size: int) -> int:
    """How many bigrams an act must share with a conduct of ``size`` bigrams to be the same (see HeldActs.sharing)."""
    need = min(CONDUCT_SIMILARITY * size, CONDUCT_CONTAINED * CONDUCT_MIN_CONTAINED, CONDUCT_MIN_WHOLE)
    return max(math.ceil(round(need, 9)), 1)  # 0.45 * 20 is 9, not 9.000…1


@functools.lru_cache(maxsize=1)
def named_acts() -> tuple[tuple[frozenset[str], re.Pattern[str], str], ...]:
    """(categories, clause pattern with one group, what an item's name contains) of ``ontology/named_acts.csv``;
    a row of several categories (separated by ;) names an act lists file under any of them, the clause's and
    the item's alike (an authorisation of 计量检定机构: 行政确认 to the extractor, 行政许可 in the list)."""
    acts = []
    for line, row in ontology_rows("named_acts.csv"):
        if None in row or None in row.values() or "{0}" not in row["item_contains"]:
            raise ValueError(f"ontology/named_acts.csv: line {line}: expected 4 cells, item_contains naming {{0}}")
        acts.append((frozenset(c for c in row["category"].split(";") if c), re.compile(row["clause_pattern"]),
                     row["item_contains"]))
    return tuple(acts)


def names_of(category: str, text: str | None) -> frozenset[str]:
    """What an item of ``category`` holding the clause would name (``ontology/named_acts.csv``).

    >>> sorted(names_of("行政许可", "采伐许可证由县级以上人民政府林业主管部门核发。"))
    ['采伐许可']
    >>> sorted(names_of("行政征收", "在批准发放捕捞许可证的同时征收渔业资源费。")), names_of("行政处罚", "处罚款。")
    (['渔业资源'], frozenset())
    """
    return frozenset(contains.format(m.group(1)) for cats, pattern, contains in named_acts() if category in cats
                     for m in pattern.finditer(text or ""))


def named_cover(clause: VacuumClause, departments: Iterable[Mapping[str, Any]], held: HeldActs) -> _Held | None:
    """An item of one of ``departments``, of the clause's category, naming the licence or fee the clause
    grants or levies (:func:`names_of`), or None: 林木采伐许可证的核发 (森林法 art. 56) holds art. 57."""
    category = clause.row.clause.category
    names = clause.names
    text = clause.row.clause.text or ""
    # the categories an item naming the act may be filed under: the clause's, and those of the rows naming it
    kinds = frozenset({category}).union(*(cats for cats, pattern, _ in named_acts() if category in cats and pattern.search(text))) \
        if names else frozenset()
    for dept in departments if names else ():
        for basis in held.items(dept["id"]):
            name = basis.item.get("name") or ""
            if basis.item.get("category") in kinds and any(normalise_conduct(n) in normalise_conduct(name) for n in names):
                return _Held(category, bigrams(name), (name, basis.item.get("code") or basis.item["id"]))
    return None


def conduct_cover(clause: VacuumClause, departments: Iterable[Mapping[str, Any]], held: HeldActs) -> _Held | None:
    """An act one of ``departments`` already holds with the clause's category and conduct, or None.

    The same conduct: Jaccard similarity of the character bigrams of the two
    conducts at least :data:`CONDUCT_SIMILARITY` (a conduct of fewer than
    :data:`CONDUCT_MIN` bigrams tells nothing), or an item naming one of the
    conducts the clause lists (:func:`same_conduct`); a conduct all but the
    same (:data:`SAME_PROVISION`) whatever the category.  One of a list of
    measures is held only by an item or by a clause of the same law, and an
    act resting on clauses of other sectors only holds those sectors'
    conducts (非法转让草原 is not 非法转让土地).  An inspection
    (:data:`LISTED_PER_LAW`) is held by an inspection item of the department
    resting on any article of the same law, of the law it implements or of a law the clause's text was
    made under (``families``); so is an award (:data:`LISTED_PER_LAW`).
    """
    category = clause.row.clause.category
    law = clause.row.version.law
    measure = clause.row.clause.item is not None  # one of a list of measures (（一）进入…现场检查)
    if category in LISTED_PER_LAW:
        families = clause.families or frozenset({law_family(law)})
        for dept in departments:
            for act in held.get(dept["id"], ()):
                if act.category == category and act.law is not None and not act.statement and law_family(act.law) in families:
                    return act
    ordered = inspection_order(clause.row)
    if ordered or only_corrects(clause.row.clause):
        families = clause.families or frozenset({law_family(law)})
        for dept in departments:
            for act in held.get(dept["id"], ()):
                if act.category in CORRECTION_HOLDERS and act.law is not None and not act.conduct \
                        and law_family(act.law) in families:
                    return dataclasses.replace(act, note=f"{act.where}，检查中采取的该项措施随其{act.category}行使") \
                        if ordered else act
    if len(clause.statement) >= STATEMENT_MIN:
        return _statement_cover(clause, departments, held)
    best, score = None, CONDUCT_SIMILARITY
    compared = [(clause.conduct, False)] if len(clause.conduct) >= CONDUCT_MIN else []
    compared += [(reading, True) for reading in clause.readings if len(reading) >= CONDUCT_MIN_READING]
    for (grams, reading), dept in itertools.product(compared, departments):
        # raw with raw, normalised with normalised (a stripped modifier is no shared word); an act sharing no bigram scores 0
        for act in held.sharing(dept["id"], grams, reading):
            if not act.conduct or act.statement or (act.older and act.law != law):
                continue
            if act.category != category and not (
                    {act.category, category} <= ENFORCEMENT and similarity(grams, act.conduct) >= SAME_PROVISION):
                continue
            if measure and act.law not in (None, law):
                continue  # 进入现场检查、查阅复制资料: every inspection law lists them
            if reading and _other_article(clause.row, act):
                continue  # a law sets one sanction for one conduct: its other article is another conduct (监理 vs 施工)
            if act.sectors and clause.row.clause.sector not in act.sectors:
                continue  # 非法转让草原 is not 非法转让土地: the same conduct is the same role's
            value = same_conduct(grams, act.conduct)
            if min(len(grams), len(act.conduct)) < CONDUCT_MIN and similarity(grams, act.conduct) < SAME_PROVISION:
                continue  # a short reading names one act only as a whole (生产、销售劣药 lies in 药品管理法 art. 118 too)
            if value >= score:
                best, score = act, value
    return best


BASIS_SIMILARITY = 0.3
"""Jaccard similarity of the conduct bigrams of a vacuum clause and of an item's name (:func:`item_conduct`), or of
their normalised readings, from which the item is proposed as exercising the clause (:func:`basis_item`): below
:data:`CONDUCT_SIMILARITY`, so not the same conduct for certain, but the same act named in other words
(地下水管理条例 art. 60 侵占、毁坏或者擅自移动地下水监测设施设备及其标志, the list's 对…侵占、损坏或者擅自移动地质环境监测设施的
行政处罚 resting on a rule)."""
BASIS_SHARED = 6
"""Bigrams the two conducts must share besides (:data:`BASIS_SIMILARITY`): the act's own words, not one object."""
BASIS_CONTAINED = 0.45
"""Share of the clause's conduct bigrams the item's name must hold: the item names the clause's act, not only
words of it (a generic 对销售不符合强制性标准的商品的处罚 does not exercise 大气污染防治法 art. 103's 销售不符合质量标准的
煤炭、石油焦, 0.4)."""
BASIS_DOER = 0.5
"""Share of the bigrams of whom a clause listing conducts punishes (``AuthorisingClause.doer``: 城乡规划编制单位 of
城乡规划编制单位有下列行为之一的) the item's name must hold: an item naming another doer (测绘单位超越资质等级许可的范围
从事测绘活动) exercises another law's clause, whatever the conducts share."""
BASIS_MODIFIER = 0.5
"""Share of the bigrams of the modifier restricting the clause's object (M of …V M的H: 非法定计量单位 of 制造、销售和进口
非法定计量单位的计量器具, 计量法实施细则 art. 41) the item's name must hold: an item naming the verbs and the head alone
(对违法制造、销售、安装、使用的计量器具的处罚) names another conduct (docs/evaluation/changed-findings-night-W.md row 17)."""
NAMED_KEPT = 512
"""Sequences of a department's item names of a category whose index :meth:`HeldActs.named` keeps for the next
government listing the same names (at 100,000 items 1,578 sequences, ~6 names each)."""


def basis_item(clause: VacuumClause, departments: Iterable[Mapping[str, Any]], held: HeldActs) -> tuple[ItemBasis, float] | None:
    """An item of one of ``departments`` that seems to exercise the vacuum clause though it does not cite it, and
    how surely (the similarity of the two conducts), or None.

    The item has the clause's category, and its name states the clause's conduct in words sharing at least
    :data:`BASIS_SHARED` bigrams, :data:`BASIS_CONTAINED` of the clause's and a Jaccard similarity of
    :data:`BASIS_SIMILARITY` (raw with raw, normalised with normalised readings, :mod:`queries.conduct`); the
    category alone never proposes an item, nor does a clause with no conduct of its own (an inspection's
    measures, a statement of a power).  Not proposed: an item on another article or version of the clause's law
    (a law sets one sanction for one conduct: 民用建筑节能条例 art. 42 监理 is not the item on art. 40 施工; an older
    version's article is a stale basis), an item naming another doer than the clause's chapeau
    (``AuthorisingClause.doer``), an item resting on clauses of other sectors only (非法转让草原 is not 非法转让土地), an item
    whose name does not hold the modifier restricting the clause's object (:func:`names_object`: 非法定计量单位 of
    计量法实施细则 art. 41, read by the loader into ``object_modifier``; a clause of a store loaded before has none).  The
    office should add the clause to the item's 设定依据 rather than list a new power (地下水管理条例 art. 60, judged
    in docs/evaluation/changed-findings-i12-20261204b-T.md row 9; measured in docs/evaluation/vacuum-basis-karamay.md).
    """
    compared = clause.basis_compared
    if not compared:
        return None
    row = clause.row
    category = row.clause.category
    doer_grams = clause.doer
    modifier = bigrams(row.clause.object_modifier)
    best: tuple[ItemBasis, float] | None = None
    for dept in departments:
        bases, conducts, index, memo = held.named(dept["id"], category)
        found = memo.get(row.clause.id)
        if found is None:  # what the names alone say, kept for the governments listing the same names
            found = memo[row.clause.id] = _named_alike(compared, conducts, index)
        for value, position in found:
            if best is not None and value <= best[1]:
                break
            basis = bases[position]
            if any(c.version is not None and c.version.law == row.version.law for c in basis.citations):
                continue  # the law's own provision for its act (监理 vs 施工), or an older version's (stale)
            sectors = {c.sector for citation in basis.citations for c in citation.clauses
                       if c.category == category and c.sector}
            if sectors and row.clause.sector not in sectors:
                continue  # an act of other sectors only (非法转让草原 is not 非法转让土地)
            if doer_grams and len(doer_grams & conducts[position][False][0]) < BASIS_DOER * len(doer_grams):
                continue  # another doer's act (测绘单位 for 城乡规划编制单位)
            if modifier and not names_object(modifier, basis.item):
                continue  # the verbs and the head, not what restricts the object (非法定计量单位的计量器具)
            best = (basis, value)
            break
    return best


def names_object(modifier: frozenset[str], item: Mapping[str, Any]) -> bool:
    """Whether an item's name (and sub-item name) holds :data:`BASIS_MODIFIER` of the bigrams of the modifier that
    restricts a clause's object (``AuthorisingClause.object_modifier``, read by the loader).

    >>> names_object(bigrams("非法定计量单位"), {"name": "对违法制造、销售、安装、使用的计量器具的处罚"})
    False
    >>> names_object(bigrams("非法定计量单位"), {"name": "对制造、销售和进口非法定计量单位的计量器具的处罚"})
    True
    """
    held = bigrams(item.get("name")) | bigrams(item.get("sub"))
    return len(modifier & held) >= BASIS_MODIFIER * len(modifier)


def _named_alike(compared: tuple[tuple[frozenset[str], bool, int], ...], conducts: list,
                  index: dict[bool, dict[str, list[tuple[int, int]]]]) -> tuple[tuple[float, int], ...]:
    """(similarity, item position) of the names whose conducts share ``need`` bigrams and :data:`BASIS_SIMILARITY`
    with one of ``compared`` ((conduct, reading, need)), best first, then in the order compared and listed."""
    found = []
    for order, (conduct, reading, need) in enumerate(compared):
        postings = index[reading]
        present = sorted((g for g in conduct if g in postings), key=lambda g: (len(postings[g]), g))
        if len(present) < need:
            continue
        # a name sharing `need` of the bigrams present holds one of the len(present) - need + 1 rarest (a prefix
        # filter: the bigrams every name has, 违反 or 规定, are never walked)
        for position, variant in sorted(set(itertools.chain.from_iterable(
                postings[g] for g in present[:len(present) - need + 1]))):
            other = conducts[position][reading][variant]
            if len(conduct & other) >= need:
                value = similarity(conduct, other)
                if value >= BASIS_SIMILARITY:
                    found.append((-value, order, position, variant))
    return tuple((-value, position) for value, _, position, _ in sorted(found)) if found else ()


def rule_licence_cover(clause: VacuumClause, departments: Iterable[Mapping[str, Any]], held: HeldActs) -> _Held | None:
    """A licence item of one of ``departments`` on the rule or on a law it was made under (``families``), naming
    what the rule governs (:func:`rule_subject`), for a licence clause of a rule (:data:`RULE_RANKS`), or None.

    A rule sets no licence of its own (行政许可法 arts. 16-17): its licence clauses are the review and time
    limits of the licence its higher law set, which the list holds under that law (医疗器械经营监督管理办法
    art. 13, held by 第三类医疗器械经营许可 on 医疗器械监督管理条例 art. 42)."""
    row = clause.row
    if row.clause.category != "行政许可" or row.version.rank not in RULE_RANKS:
        return None
    subject = normalise_conduct(rule_subject(row.version.title or row.version.law))
    if len(subject) < RULE_SUBJECT_MIN:
        return None
    families = clause.families or frozenset({law_family(row.version.law)})
    for dept in departments:
        for basis in held.items(dept["id"]):
            name = basis.item.get("name") or ""
            if basis.item.get("category") != "行政许可" or subject not in normalise_conduct(name):
                continue
            for citation in basis.citations:
                if citation.version is not None and law_family(citation.version.law) in families:
                    act = _Held("行政许可", frozenset(), (name, basis.item.get("code") or basis.item["id"]),
                                citation.version.law, version=citation.version, provision=citation.target)
                    return dataclasses.replace(act, note=f"{act.where}：规章不设定许可，本条是该许可的审查程序")
    return None


def _statement_cover(clause: VacuumClause, departments: Iterable[Mapping[str, Any]], held: HeldActs) -> _Held | None:
    """A clause an item of ``departments`` rests on that states the same power as ``clause`` (a clause with no
    conduct), under any law: their statements alike for :data:`STATEMENT_SIMILARITY`, of the same category or
    one of them 其他 (lists file what has no category of its own there), of the same sector."""
    row = clause.row.clause
    grams = clause.statement
    best, score = None, STATEMENT_SIMILARITY
    for dept in departments:
        for act in held.sharing(dept["id"], grams):
            if not act.statement or (act.category != row.category and "其他" not in (act.category, row.category)):
                continue
            if act.sectors and row.sector not in act.sectors:
                continue
            value = similarity(grams, act.conduct)
            if value >= score:
                best, score = act, value
    return best


def _other_article(row: ClauseInForce, act: _Held) -> bool:
    """Whether ``act`` (a clause an item rests on, or an item's name) rests on another article of the clause's own
    law version, and so holds that article's conduct (the item on 民用建筑节能条例 art. 40 施工单位未按照民用建筑节能
    强制性标准进行施工 for art. 42 工程监理单位…未按照民用建筑节能强制性标准实施监理)."""
    number = row.article.article if row.article is not None else row.provision.article
    if act.version is not None and act.provision is not None:
        return act.version.id == row.version.id and act.provision.article != number
    own = {article for version, article in act.rests if version == row.version.id}
    return bool(own) and number not in own


@dataclass(frozen=True)
class GeneralAct:
    """One row of ``ontology/general_acts.csv``: an act one general item of a list holds under any law.

    A clause of one of ``categories`` whose text matches ``clause`` is held by
    an item of the government, of any department, of one of ``categories``
    (lists file a registration as 行政许可 or 行政确认) whose name matches ``item`` (不动产统一登记 holds the 土地使用权 and 林权
    registrations of older laws; 对无照经营的处罚 holds each law's penalty on
    trading without a business licence).
    """

    rule: str
    categories: frozenset[str]
    clause: re.Pattern[str]
    item: re.Pattern[str]
    reason: str
    law: str
    article: str

    @property
    def cited(self) -> str:
        return f"{self.reason}（《{self.law}》{self.article}）"


@functools.lru_cache(maxsize=1)
def general_acts() -> tuple[GeneralAct, ...]:
    """The rows of ``ontology/general_acts.csv``, in table order."""
    acts = []
    for line, row in ontology_rows("general_acts.csv"):
        if None in row or None in row.values():  # a pattern's {m,n} left unquoted splits the row
            raise ValueError(f"ontology/general_acts.csv: line {line}: expected 7 cells (quote patterns holding a comma)")
        if any(act.rule == row["rule"] for act in acts):  # general_cover keeps what it found by rule
            raise ValueError(f"ontology/general_acts.csv: line {line}: rule {row['rule']} named twice")
        acts.append(GeneralAct(row["rule"], frozenset(c for c in row["categories"].split(";") if c),
                               re.compile(row["clause_pattern"]), re.compile(row["item_pattern"]), row["reason"], row["law"],
                               row["article"]))
    return tuple(acts)


def general_cover(clause: VacuumClause, items: Iterable[Mapping[str, Any]],
                  found: dict[str, Mapping[str, Any] | None] | None = None) -> tuple[GeneralAct, Mapping[str, Any]] | None:
    """The :func:`general_acts` row and the item (of ``items``, a government's) that hold ``clause``, or None.

    ``found`` (optional, one per ``items``) keeps the item found for each row, or None: a government's
    candidates ask about the same few rows.
    """
    found = {} if found is None else found
    for act in clause.general:
        if act.rule not in found:
            found[act.rule] = next((item for item in items if item.get("category") in act.categories
                                    and act.item.search(item.get("name") or "")), None)
        if found[act.rule] is not None:
            return act, found[act.rule]
    return None


# ---------------------------------------------------------------------------
# Manifests: a government's departments, declaring its list complete

MANIFEST_COLUMNS = ("government", "department", "sectors")


def load_manifest(path: str | Path | None) -> dict[str, list[dict[str, Any]]]:
    """Read a government manifest (see ``ontology/governments.example.csv``).

    Columns ``government``, ``department`` (the department's name as in its
    list) and ``sectors`` (canonical sectors of ``ontology/sectors.csv``,
    separated by ; or 、).  A government in the manifest has declared its
    departments complete: every clause binding it is judged one by one.
    Raises :class:`UserError` naming the file and line on bad input.
    """
    if path is None:
        return {}
    known = canonical_sectors()
    manifest: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line, row in read_table(path, "manifest", MANIFEST_COLUMNS):
        for column in ("government", "department"):
            if not row.get(column):
                raise UserError(f"{path}: line {line}: the {column} column is empty")
        sectors = [s.strip() for s in re.split(r"[;；、]", row.get("sectors", "")) if s.strip()]
        unknown = [s for s in sectors if s not in known]
        if unknown:
            raise UserError(f"{path}: line {line}: unknown sector(s) {'、'.join(unknown)} (see ontology/sectors.csv)")
        manifest[row["government"]].append(
            {"id": f"{row['government']}/{row['department']}", "name": row["department"], "sectors": sectors})
    return dict(manifest)


# ---------------------------------------------------------------------------
# The vacuums of a government


def _vacuum(government: Mapping[str, Any], item: VacuumClause, names: str,
            count: int = 0, duties: int = 0, date: str | None = None) -> Finding:
    """The vacuum of ``item`` in ``government``, held by the departments named ``names`` (joined by 、; "" for none)."""
    before, after, text = item.finding_text
    reason = f"{before}{government.get('name', government['id'])}（{names or '本级政府无对应部门'}）的清单中没有事项以该条为依据{after}"
    return with_vacuum_text(new_finding(
        kind="vacuum", government=government["id"], reason=reason, evidence=item.evidence, **text.values,
        department=names or None, sector=sector_at(item, date, reformed_sector), count=count, duties=duties,
    ), text)


def _vacuum_line(writer: VacuumLines, item: VacuumClause, names: str,
                 count: int = 0, duties: int = 0, date: str | None = None) -> str:
    """``_vacuum(government, ...).to_json_text()`` of ``writer``'s government, made without the finding
    (``vacuums_of(lines=True)``)."""
    before, after, text = item.finding_text
    return writer.line(text, item.evidence, before, after, names, sector_at(item, date, reformed_sector), count, duties)


def _missing_basis(government: Mapping[str, Any], item: VacuumClause, basis: ItemBasis, value: float,
                   date: str | None = None) -> Finding:
    """The ``missing_basis`` finding of a vacuum clause that ``basis``'s item seems to exercise (:func:`basis_item`):
    the item, the clause it should cite, and as evidence the clause and the bases the item cites instead."""
    row = item.row
    clause = row.clause
    _, _, text = item.finding_text
    name = basis.item.get("name", "") + (f"（{basis.item['sub']}）" if basis.item.get("sub") else "")
    code = basis.item.get("code") or None
    department = (basis.department or {}).get("name")
    title = row.version.title or row.version.law
    source = {k: v for k, v in (("file", basis.item.get("source_file")), ("sheet", basis.item.get("sheet")),
                                ("row", basis.item.get("row"))) if v}
    # the list's code, else where the row stands (Karamay's lists number rows, they give no code)
    label = code or (f"{source['sheet']}第{source['row']}行" if "sheet" in source and "row" in source else basis.item["id"])
    cited = list(dict.fromkeys(describe_citation(c) for c in basis.citations))  # a citation repeated is one basis
    written = "；".join(dict.fromkeys(e.resolved_to for e in cited if e.resolved_to)) or "无可解析的依据"
    duty = "应当履行的职责" if item.duty else "权力"
    reason = (f"{department}的事项“{name}”（{label}）所列行为与{item.where}授予{clause.subject}的{clause.category}{duty}"
              f"的行为相近（行为用语相似度{value:.2f}），但其设定依据未引该条（现引：{written}）：建议在该事项的设定依据中补列"
              f"《{title}》{provision_label(row.provision)}，而非列为权力真空。")
    item_note = f"{department}：{name}（{label}）的现有依据"
    evidence = item.evidence + (tuple(Evidence(e.citation, e.resolved_to, e.article_text, note=item_note) for e in cited)
                                or (Evidence(citation=basis.item.get("basis_text") or None, note=item_note + "：无可解析的依据"),))
    return Finding(
        kind="missing_basis", government=government["id"], reason=reason, evidence=evidence,
        item_id=basis.item["id"], item_code=code, name=name, department=department, category=clause.category,
        law=text.values["law"], version=text.values["version"], article=text.values["article"],
        paragraph=clause.paragraph, item=clause.item, subject=clause.subject, modality=clause.modality,
        provision=row.provision.id, sector=sector_at(item, date, reformed_sector), source=source,
    )


def _not_vacuum(government: Mapping[str, Any], item: VacuumClause, why: str) -> Finding:
    row = item.row
    clause = row.clause
    where = item.where
    return Finding(
        kind="not_vacuum", government=government["id"], reason=f"{where}（{clause.subject}）不计为权力真空：{why}。",
        evidence=(Evidence(resolved_to=where, article_text=row.provision.text),),
        law=row.version.law, version=row.version.date, article=clause.article if clause.article is not None else row.provision.article,
        paragraph=clause.paragraph, item=clause.item, category=clause.category, subject=clause.subject,
        modality=clause.modality, provision=row.provision.id, sector=clause.sector,
    )


def _sector_note(government: Mapping[str, Any], sector: str, items: list[VacuumClause]) -> Finding:
    laws = Counter(i.row.version.law for i in items)
    titles = {i.row.version.law: i.row.version.title or i.row.version.law for i in items}
    ranked = [law for law, _ in sorted(laws.items(), key=lambda kv: (-kv[1], kv[0]))]
    duties = sum(i.duty for i in items)
    name = government.get("name", government["id"])
    shown = "、".join(f"《{titles[law]}》" for law in ranked[:5]) + ("等" if len(ranked) > 5 else "")
    holder = "本级人民政府" if sector == "人民政府" else f"承担{sector}职责的部门"
    reason = (f"{name}未载入{holder}的清单：{len(items)}个条款（其中应当履行的职责{duties}个）无事项以其为依据，"
              f"涉及{shown}{len(ranked)}部法律法规；载入该部门清单或声明本级清单完整后逐条列为权力真空。")
    evidence = tuple(Evidence(resolved_to=f"《{titles[law]}》", note=f"{laws[law]}个条款") for law in ranked[:10])
    return Finding(kind="vacuum_sector", government=government["id"], reason=reason, evidence=evidence,
                   sector=sector, count=len(items), duties=duties, laws=tuple(ranked))


def vacuums_of(store, government: Mapping[str, Any], *, department: str | None = None,
               governments: Mapping[str, Mapping[str, Any]] | None = None,
               law: str | None = None, bases: Iterable[ItemBasis] | None = None,
               complete: bool = False, manifest: Mapping[str, list[Mapping[str, Any]]] | None = None,
               top: int | None = None, explain: bool = False, lines: bool = False) -> list[Finding]:
    """The vacuums of one government, grouped and ordered (see the module docstring),
    then its ``vacuum_sector`` notes, then (``explain``) its ``not_vacuum`` notes.

    ``bases`` (optional) are every item of the government
    (:meth:`item_bases`), already read; else they are read here.  ``lines``: each vacuum is its JSON line
    (``Finding.to_json_text()``, a str), not the finding; the notes are findings still.
    """
    governments = governments or {g["id"]: g for g in store.governments()}
    places = government_places(government, governments)
    level = government.get("level")
    bases = list(bases) if bases is not None else list(store.item_bases(government=government["id"]))
    declared = list((manifest or {}).get(government["id"], ()))
    complete = complete or bool(declared)
    # only departments whose lists were loaded (they have items) carry sectors one can judge
    departments = loaded_departments(store.departments_of(government["id"]), bases, complete, declared)
    covered, covered_numbers = covered_by(bases)
    moved, moved_numbers = quoted_elsewhere(bases)
    referred, referred_numbers = referred_by(store, bases)  # 依照…第X条的规定处罚 in a provision items rest on
    covered, covered_numbers = covered | moved | referred, covered_numbers | moved_numbers | referred_numbers
    held = HeldActs(bases, state_cached(store, "vacuum_conduct_grams", dict))
    covers = CoverMemo(held, state_cached(store, "vacuum_cover_profiles", dict))  # governments listing the same acts
    found: list[tuple[tuple, Finding]] = []
    reported: dict[tuple, tuple[int, VacuumClause]] = {}  # (provision, category, holders) -> where in found, which
    unloaded: dict[str, list[VacuumClause]] = defaultdict(list)
    notes: list[Finding] = []
    proposals: dict[tuple[str, str, str], Finding] = {}  # (provision, category, item) -> its missing_basis finding
    date = list_date_of(bases)
    items = [b.item for b in bases]
    general_found: dict[str, Mapping[str, Any] | None] = {}
    sector_departments: dict[str | None, tuple[list[Mapping[str, Any]], tuple[str, ...], str]] = {}  # ids, names

    def explained(clause) -> bool:
        # --explain with --department: only the notes of clauses whose sector that department carries
        return explain and (not department or any(department in (d.get("name"), d["id"])
                                                  for d in departments_for(reformed_sector(clause, date), departments)))

    def keep(clause_level: str | None, rank: str, region: str | None) -> bool:
        # local legislation of elsewhere is not this government's law at all; unless explained, a clause of a
        # level not binding this government's is skipped too (and, below, one dropped everywhere: _irrelevant)
        return binds_government(rank, region, places) and (explain or binds_level(clause_level, level))

    # unless explained, the clauses dropped everywhere and those of versions not in force at the list's date are
    # left out of the index once, not skipped by each government
    for item in clauses_binding(store, ("vacuum_clauses", law, date), lambda: _assignable(store, law, date), keep, _reach,
                                live=None if explain else _live):
        if not explain and item.dropped is not None:
            continue
        row = item.row
        clause = row.clause
        if item.late is not None:
            if explained(clause) and clause.level and binds_level(clause.level, level):
                notes.append(_not_vacuum(government, item, item.late))
            continue
        article, numbered, rank, order = item.judged
        if article in covered:
            continue
        if numbered in covered_numbers:
            continue  # an item rests on the same article of an older version (reported as stale)
        why = _irrelevant(item, level, places)
        if why is not None:
            if explained(clause) and clause.level:  # a clause of no recognised level was never assignable
                notes.append(_not_vacuum(government, item, _why(why)))
            continue
        sector = sector_at(item, date, reformed_sector)  # 价格主管部门's price supervision is 市场监督管理's since 2018
        depts, holders, names = sector_departments.get(sector) or (None, None, None)
        if depts is None:
            depts = departments_for(sector, departments)
            holders = tuple(d["id"] for d in depts)
            names = "、".join(d.get("name", d["id"]) for d in depts)
            sector_departments[sector] = (depts, holders, names)
        general = general_cover(item, items, general_found)
        if general is not None:
            if explained(clause):
                act, holder = general
                notes.append(_not_vacuum(government, item, f"事项“{holder.get('name')}”已列该行为：{act.cited}"))
            continue
        if depts:
            held_by = covers(conduct_cover, item, depts) or named_cover(item, depts, held) or rule_licence_cover(item, depts, held)
            if held_by is not None:
                if explained(clause):
                    notes.append(_not_vacuum(government, item, held_by.note if held_by.note
                                             else f"{held_by.where}已列同一行为" if held_by.conduct
                                             else f"{held_by.where}，该法的责令改正随其{held_by.category}行使"
                                             if only_corrects(clause) and held_by.category in CORRECTION_HOLDERS
                                             else f"{held_by.where}，已列该法的{clause.category}"))
                continue
        elif not complete:
            if not department:
                unloaded[sector].append(item)
            continue
        if department and not any(department in (d.get("name"), d["id"]) for d in depts):
            continue
        proposed = basis_item(item, depts, held) if depts else None
        if proposed is not None:
            # an item of the department names the clause's act but cites another basis: a basis to add, not a power
            # nobody holds (one finding per provision, category and item)
            same = (row.provision.id, clause.category, proposed[0].item["id"])
            if same not in proposals:
                proposals[same] = _missing_basis(government, item, *proposed, date=date)
            continue
        key = (0 if depts else 1, *rank)
        # one vacuum per provision, category and holder: a clause extracted once per subject it names
        # (人事部门或者劳动保障部门, 其他负有…职责的部门) that map to the same departments is one power left unlisted
        same = (row.provision.id, clause.category, holders or clause.sector)
        if same in reported:
            index, kept = reported[same]
            if _vaguer(kept.row.clause.subject) and not _vaguer(clause.subject):
                found[index], reported[same], item, kept = ((key, order), (item, names)), (index, item), kept, item
            if explained(clause):
                notes.append(_not_vacuum(government, item, f"同一条款已按{kept.row.clause.subject}列为权力真空"))
            continue
        reported[same] = (len(found), item)
        found.append(((key, order), (item, names)))
    if lines:
        make = functools.partial(_vacuum_line, VacuumLines(government["id"], government.get("name", government["id"])),
                                 date=date)
    else:
        make = functools.partial(_vacuum, government, date=date)
    vacuums = _grouped(found, top, make)
    sectors = [_sector_note(government, sector, items) for sector, items in sorted(unloaded.items())]
    return vacuums + list(proposals.values()) + sectors + notes


def _vaguer(subject: str | None) -> bool:
    """A subject naming no body of its own (其他负有…职责的部门, 有关部门): the other clause of the provision is kept."""
    return (subject or "").startswith(("其他", "有关"))


def _reach(item: VacuumClause) -> tuple[str | None, str, str | None]:
    """What the clause index of :func:`vacuums_of` groups candidates by: the clause's reach
    (:func:`kg.views.clause_reach`; whether a relevance row drops it everywhere is asked of the clauses reached)."""
    return clause_reach(item.row)


def _live(item: VacuumClause) -> bool:
    """Whether a clause can be a vacuum of any government (:func:`vacuums_of` without ``explain``): neither dropped
    everywhere by a relevance row nor of a version not yet in force at the list's date."""
    return item.dropped is None and item.late is None


def _irrelevant(item: VacuumClause, level: str | None, places: list[str]) -> tuple[str, Any] | None:
    """Why no government at ``level`` and ``places`` exercises the clause, as (reason kind, detail), or None.

    Kept unformatted: every government asks this of every clause, and only ``--explain`` shows it
    (:func:`_why`).
    """
    clause = item.row.clause
    if item.dropped is not None:
        return ("rule", item.dropped)
    if not binds_level(clause.level, level):
        return ("level", clause.level)
    for rule in item.limits:
        if rule.excludes(level, places):
            return ("rule", rule)
    if not applies_in(item.row.version.law, places):
        return ("scope", None)
    return None


def _why(reason: tuple[str, Any]) -> str:
    kind, detail = reason
    if kind == "rule":
        return detail.cited
    if kind == "level":
        return f"条款主体的层级（{detail or '未识别'}）不含本级政府（ontology/levels.csv）"
    return "该法律法规只适用于特定地域，不含本地（ontology/law_scopes.csv）"


def _grouped(found: list[tuple[tuple, tuple[VacuumClause, str]]], top: int | None,
             make: Callable[..., Finding]) -> list[Finding]:
    """Vacuums grouped by law and article, groups by their best member, each member with its group's counts.

    ``found`` holds (rank key, (clause, its departments' names)); ``make(clause, names, count, duties)``
    builds a finding, once, and only for the groups kept (``top``).
    """
    groups: dict[tuple, list[tuple[tuple, tuple[VacuumClause, str]]]] = defaultdict(list)
    for member in found:
        groups[member[1][0].group].append(member)
    ranked = sorted(groups.values(), key=lambda members: min(k for k, _ in members))
    if top is not None:
        ranked = ranked[:max(top, 0)]
    result = []
    for members in ranked:
        members.sort(key=lambda kf: (kf[0][1][3:], kf[0][0]))
        duties = sum(item.row.clause.modality in DUTIES for _, (item, _) in members)
        result.extend(make(item, names, len(members), duties) for _, (item, names) in members)
    return result


def find_vacuums(store, *, government: str | None = None, department: str | None = None,
                 law: str | None = None, complete: bool = False,
                 manifest: Mapping[str, list[Mapping[str, Any]]] | str | Path | None = None,
                 top: int | None = None, explain: bool = False,
                 bases: Mapping[str, list[ItemBasis]] | None = None, lines: bool = False) -> Iterator[Finding]:
    """Vacuums of ``government`` (of every government when None), with its notes (see :func:`vacuums_of`).

    ``bases`` (optional): the item rows of the governments, by id, already read
    (:func:`queries.scan.scan` with ``keep_bases``); else each is read here.  ``lines``: each vacuum comes as
    its JSON line (:func:`vacuums_of`).

    A government known only from another government's list (``only_named``: a
    city's province, a provincial department in a 实施主体 cell) has no list
    here, so nothing it leaves unlisted is a vacuum: it yields none.
    """
    if not isinstance(manifest, Mapping):
        manifest = load_manifest(manifest)
    governments = {g["id"]: g for g in store.governments()}
    chosen = [governments[government]] if government in governments else (
        [] if government else list(governments.values()))
    for gov in chosen:
        if gov.get("only_named"):
            continue
        yield from vacuums_of(store, gov, department=department, governments=governments, law=law,
                              complete=complete, manifest=manifest, top=top, explain=explain,
                              bases=(bases or {}).get(gov["id"]), lines=lines)
