"""Typed findings with evidence: what every query yields and every format writes.

A :class:`Finding` is one defect a legal-affairs officer can act on: it names
the item (or items, or provision), says why in one Chinese sentence and
carries :class:`Evidence`.  ``Finding.to_json`` gives the ``plkg check`` JSON
object of cli.md; the fields a kind does not use are left out.

>>> f = Finding(kind="orphan", government="甲市", reason="该事项未填写设定依据。", item_id="x", name="对某行为的处罚")
>>> f.to_json()["kind"], f.to_json()["item_code"]
('orphan', None)
"""

from __future__ import annotations

import functools
import json
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator

import cn2an

from kg.views import CitationBasis, ItemBasis, ProvisionRef, VersionRef

KINDS: tuple[str, ...] = (
    "orphan",
    "invalid_basis",
    "stale_basis",
    "overlap",
    "vacuum",
    "missing_basis",
    "unaccountable",
    "candidate",
    "category_mismatch",
)
"""Finding kinds in cli.md order; ``unverifiable`` is a note kind, not a defect."""

NOTE_KINDS: tuple[str, ...] = ("unverifiable", "category_debatable", "vacuum_sector", "not_vacuum", "basis_lapsed")

KIND_NAMES: dict[str, str] = {
    "orphan": "无依据事项",
    "invalid_basis": "依据层级不足",
    "category_mismatch": "分类不当",
    "stale_basis": "依据过时",
    "overlap": "多头执法",
    "vacuum": "权力真空",
    "missing_basis": "疑似漏引依据",
    "unaccountable": "有权无责",
    "candidate": "建议取消或修改",
    "unverifiable": "依据无法核验",
    "category_debatable": "分类有争议",
    "vacuum_sector": "未载入领域",
    "not_vacuum": "不计为真空",
    "basis_lapsed": "依据已于清单日期后失效",
}

ITEM_KINDS = frozenset({"orphan", "invalid_basis", "stale_basis", "unaccountable", "candidate", "unverifiable",
                        "category_mismatch", "category_debatable", "basis_lapsed", "missing_basis"})


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a citation and what it resolved to, or a rule, or a clause."""

    citation: str | None = None  # the citation as written in the list
    resolved_to: str | None = None  # what it resolved to (law, version, article) or why not
    article_text: str | None = None  # text of the resolved provision (or of the clause)
    rule: str | None = None  # the rule applied, in Chinese
    rule_law: str | None = None  # the law stating the rule
    rule_article: str | None = None  # the article stating it, e.g. 第十六条
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "citation": self.citation,
            "resolved_to": self.resolved_to,
            "article_text": self.article_text,
            "rule": self.rule,
            "rule_law": self.rule_law,
            "rule_article": self.rule_article,
            "note": self.note,
        }


@dataclass(frozen=True)
class Finding:
    """A finding of one kind; see cli.md for the fields each kind carries."""

    kind: str
    government: str | None
    reason: str
    evidence: tuple[Evidence, ...] = ()
    # item findings
    item_id: str | None = None
    item_code: str | None = None
    name: str | None = None
    department: str | None = None
    category: str | None = None
    # overlap
    item_ids: tuple[str, ...] = ()
    item_codes: tuple[str | None, ...] = ()
    departments: tuple[str, ...] = ()
    # overlap and vacuum
    law: str | None = None
    article: int | None = None
    # vacuum
    version: str | None = None
    paragraph: int | None = None
    item: int | None = None
    subject: str | None = None
    modality: str | None = None
    provision: str | None = None
    sector: str | None = None  # vacuum, vacuum_sector: the clause's canonical sector
    severity: str | None = None  # vacuum: 限制人身自由、吊销、最高罚款… (ranking after 应当)
    count: int = 0  # vacuum: vacuums on its law and article; vacuum_sector: clauses of the sector
    duties: int = 0  # of those, 应当/必须 duties
    laws: tuple[str, ...] = ()  # vacuum_sector: the laws of its clauses, most clauses first
    # candidate
    reasons: tuple[str, ...] = ()  # kinds behind a candidate, strongest first
    score: int = 0
    action: str | None = None  # 取消 or 修改
    # category_mismatch: the category the law gives the act (``category`` is the list's)
    law_category: str | None = None
    source: dict[str, Any] = field(default_factory=dict)  # file/sheet/row of the item
    decision: dict[str, Any] | None = None  # the decision recorded about it (queries.decisions), if any

    @cached_property
    def finding_id(self) -> str:
        """The stable id (:func:`queries.ids.finding_id`): same finding, same id on every run."""
        from .ids import finding_id

        return finding_id(self)

    def to_json(self) -> dict[str, Any]:
        data = self._head()
        data["evidence"] = [with_default_rule(e.to_json(), self) for e in self.evidence]
        if self.decision is not None:
            data["decision"] = self.decision
        return data

    def to_json_text(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, made faster.

        The evidence of a clause's finding (a vacuum, a clause not counted) is the
        clause's alone: on a whole corpus ~300,000 vacuums quote ~30,000
        clauses, so its text is encoded once per clause (:func:`_evidence_text`)
        and put in place.
        """
        text = self.__dict__.get("_text")
        if text is not None and self.decision is None:
            return text.line(self)
        head = _vacuum_head_text(self) if self.kind == "vacuum" else _ENCODE(self._head())
        tail = ', "evidence": ' + _evidence_text(self)
        if self.decision is not None:
            tail += ', "decision": ' + _ENCODE(self.decision)
        return head[:-1] + tail + "}"

    def _head(self) -> dict[str, Any]:
        """:meth:`to_json` up to its evidence."""
        data: dict[str, Any] = {"kind": self.kind, "finding_id": self.finding_id,
                                "government": self.government, "reason": self.reason}
        if self.kind in ITEM_KINDS:
            data.update(
                item_id=self.item_id, item_code=self.item_code, name=self.name,
                department=self.department, category=self.category,
            )
            if self.source:
                data["source"] = self.source
        if self.kind in ("category_mismatch", "category_debatable"):
            data.update(law_category=self.law_category, list_category=self.category)
        if self.kind == "candidate":
            data.update(reasons=list(self.reasons), score=self.score, action=self.action)
        if self.kind == "overlap":
            data.update(
                item_ids=list(self.item_ids), item_codes=list(self.item_codes), departments=list(self.departments),
                category=self.category, law=self.law, article=self.article, provision=self.provision,
            )
        if self.kind in ("vacuum", "not_vacuum"):
            data.update(
                law=self.law, version=self.version, article=self.article, paragraph=self.paragraph,
                item=self.item, category=self.category, subject=self.subject, modality=self.modality,
                department=self.department, provision=self.provision, sector=self.sector,
            )
        if self.kind == "vacuum":
            data.update(severity=self.severity, group_count=self.count, group_duties=self.duties)
        if self.kind == "missing_basis":  # the item (above) and the clause it seems to exercise without citing it
            data.update(law=self.law, version=self.version, article=self.article, paragraph=self.paragraph,
                        item=self.item, subject=self.subject, modality=self.modality, provision=self.provision,
                        sector=self.sector)
        if self.kind == "vacuum_sector":
            data.update(sector=self.sector, clauses=self.count, duties=self.duties, laws=list(self.laws))
        return data


_DEFAULTS = {f.name: f.default for f in fields(Finding) if f.default is not MISSING}
_REQUIRED = frozenset(f.name for f in fields(Finding) if f.default is MISSING and f.default_factory is MISSING)
_FIELDS = frozenset(f.name for f in fields(Finding))


def new_finding(**values: Any) -> Finding:
    """``Finding(**values)``, made without the frozen dataclass's ``object.__setattr__`` per field (~40).

    For the kinds made by the hundred thousand (vacuums on a whole corpus); the
    fields are checked as the constructor checks them.
    """
    if not _REQUIRED <= values.keys() <= _FIELDS:
        raise TypeError(f"new_finding: missing {sorted(_REQUIRED - values.keys())} or unknown {sorted(values.keys() - _FIELDS)}")
    finding = object.__new__(Finding)
    state = finding.__dict__
    state.update(_DEFAULTS)
    state["source"] = {}
    state.update(values)
    return finding


def json_encoder(sort_keys: bool = False) -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False[, sort_keys=True])`` with its encoder built once, not per call.

    json.dumps with arguments builds a JSONEncoder, and its encode a C
    encoder, for every value; a whole-corpus check encodes ~400,000 findings
    and as many ids.  The C encoder, made without a circular-reference check
    (findings hold none), is reused; the text is the same.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys, check_circular=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator: the pure-Python encoder, built once all the same
        return encoder.encode
    chunks = make(None, encoder.default, json.encoder.encode_basestring, None, ": ", ", ", sort_keys, False, True)
    join = "".join
    return lambda value: join(chunks(value, 0))


_ENCODE = json_encoder()
_STRING = json.encoder.encode_basestring  # what the encoder writes a str with (ensure_ascii=False)


def _value_text(value: Any) -> str:
    """``_ENCODE(value)`` of one value, without the encoder's call for the plain ones (None, str, int)."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is int:
        return int.__repr__(value)
    return _ENCODE(value)


class VacuumText:
    """What a vacuum's JSON line and id text hold of its clause alone, written once per clause.

    A whole corpus writes ~360,000 vacuums of ~30,000 clauses: the fields a vacuum takes from its clause
    (law ... modality, provision, severity) are the same for every government, so their text is made here
    once and the finding's own fields (government, reason, department, sector, counts) are put between.
    :func:`queries.vacuum._vacuum` puts one on each vacuum it makes (``finding.__dict__["_text"]``, see
    :func:`with_vacuum_text`); a finding without one (made otherwise, or copied by ``dataclasses.replace``)
    is written field by field, to the same text.
    """

    __slots__ = ("values", "middle", "provision", "severity", "id_before", "id_after", "evidence", "written")

    def __init__(self, *, law: str | None, version: str | None, article: int | None, paragraph: int | None,
                 item: int | None, category: str | None, subject: str | None, modality: str | None,
                 provision: str | None, severity: str | None) -> None:
        from .ids import identity_part

        v = _value_text
        self.values = dict(law=law, version=version, article=article, paragraph=paragraph, item=item,
                           category=category, subject=subject, modality=modality, provision=provision,
                           severity=severity)
        self.middle = (f'"law": {v(law)}, "version": {v(version)}, "article": {v(article)}, '
                       f'"paragraph": {v(paragraph)}, "item": {v(item)}, "category": {v(category)}, '
                       f'"subject": {v(subject)}, "modality": {v(modality)}, "department": ')
        self.provision = f', "provision": {v(provision)}, "sector": '
        self.severity = f', "severity": {v(severity)}, "group_count": '
        # the id text's fields in sorted order: article, category | department, government | item, kind, law,
        # paragraph, subject (a vacuum has no departments, item code or name)
        self.id_before = [p for p in (identity_part("article", article), identity_part("category", category)) if p]
        self.id_after = [p for p in (identity_part("item", item), identity_part("kind", "vacuum"),
                                     identity_part("law", law), identity_part("paragraph", paragraph),
                                     identity_part("subject", subject)) if p]
        self.evidence: str | None = None  # its evidence's JSON, made when first written (the clause's alone)
        self.written: tuple[str, str, str, str] | None = None  # what VacuumLines writes of it (made when first asked)

    def line(self, f: Finding) -> str:
        """``f.to_json_text()`` of a vacuum ``f`` of this clause without a decision."""
        if self.evidence is None:
            self.evidence = _evidence_text(f)
        return self.text(f.finding_id, f.government, f.reason, f.department, f.sector, f.count, f.duties)

    def text(self, finding_id: str, government: str | None, reason: str, department: str | None,
             sector: str | None, count: int, duties: int) -> str:
        """The JSON line of a vacuum of this clause with these fields of its own (its evidence's text made)."""
        v = _value_text
        return (f'{{"kind": "vacuum", "finding_id": {v(finding_id)}, "government": {v(government)}, '
                f'"reason": {v(reason)}, {self.middle}{v(department)}{self.provision}{v(sector)}'
                f'{self.severity}{v(count)}, "group_duties": {v(duties)}, "evidence": {self.evidence}}}')

    def identity(self, department: str | None, government: str | None) -> str:
        """The id text (:func:`queries.ids.identity_text`) of a vacuum of this clause held by ``department``."""
        from .ids import identity_part

        parts = self.id_before.copy()
        for part in (identity_part("department", department), identity_part("government", government)):
            if part:
                parts.append(part)
        return "{" + ", ".join(parts + self.id_after) + "}"


class VacuumLines:
    """The JSON lines of one government's vacuums, made without their findings (``vacuums_of(lines=True)``):
    each is :meth:`Finding.to_json_text` of the vacuum :func:`queries.vacuum._vacuum` would make, and its id
    :func:`queries.ids.finding_id` of it.

    A government writes ~1,300 vacuums on a whole corpus, held by a few dozen sets of departments: what they
    share (its id and name, each holders' names and their id fields) is encoded once here, and the words of
    a clause's reason once on its :class:`VacuumText`.  JSON escapes a string character by character, so the
    parts encoded apart and put together are the whole encoded.
    """

    __slots__ = ("government_json", "name", "government_part", "holders", "sectors", "_id", "_part")

    def __init__(self, government: str, name: str) -> None:
        from .ids import finding_id_of, identity_part

        self._id, self._part = finding_id_of, identity_part
        self.government_json = _value_text(government)
        self.name = _STRING(name)[1:-1]
        self.government_part = identity_part("government", government)
        self.holders: dict[str, tuple[str, str, str]] = {}
        self.sectors: dict[str | None, str] = {}

    def line(self, text: VacuumText, evidence: tuple[Evidence, ...], before: str, after: str, names: str,
             sector: str | None, count: int, duties: int) -> str:
        """The line of the vacuum of ``text``'s clause held by ``names`` (joined by 、; "" for none), whose reason
        is ``before`` + the government's name + （holders）的清单中没有事项以该条为依据 + ``after``."""
        holders = self.holders.get(names)
        if holders is None:
            department = names or None
            middle = ", ".join(p for p in (self._part("department", department), self.government_part) if p)
            holders = self.holders[names] = (_value_text(department), _STRING(names or "本级政府无对应部门")[1:-1],
                                             middle + ", " if middle else "")
        department_json, holder_names, id_middle = holders
        written = text.written
        if written is None:
            head = ", ".join(text.id_before)
            written = text.written = (_STRING(before)[1:-1], _STRING(after)[1:-1], "{" + head + ", " if head else "{",
                                      ", ".join(text.id_after) + "}")
        reason_before, reason_after, id_open, id_close = written
        if text.evidence is None:
            values = text.values
            text.evidence = _clause_evidence_text("vacuum", values["category"], values["law"], values["article"],
                                                  evidence)
        sector_json = self.sectors.get(sector)
        if sector_json is None:
            sector_json = self.sectors[sector] = _value_text(sector)
        finding_id = self._id("vacuum", id_open + id_middle + id_close)
        return (f'{{"kind": "vacuum", "finding_id": "{finding_id}", "government": {self.government_json}, '
                f'"reason": "{reason_before}{self.name}（{holder_names}）的清单中没有事项以该条为依据{reason_after}", '
                f'{text.middle}{department_json}{text.provision}{sector_json}{text.severity}{count}, '
                f'"group_duties": {duties}, "evidence": {text.evidence}}}')


def with_vacuum_text(finding: Finding, text: VacuumText) -> Finding:
    """``finding`` (a vacuum made by :func:`new_finding` from ``text.values``) with its clause's text kept on it."""
    finding.__dict__["_text"] = text
    return finding


def _vacuum_head_text(f: Finding) -> str:
    """``_ENCODE(f._head())`` of a vacuum, written key by key in :meth:`Finding._head`'s order: a whole
    corpus writes ~360,000 vacuums, and building each one's dict cost more than its text."""
    v = _value_text
    return (f'{{"kind": "vacuum", "finding_id": {v(f.finding_id)}, "government": {v(f.government)}, '
            f'"reason": {v(f.reason)}, "law": {v(f.law)}, "version": {v(f.version)}, "article": {v(f.article)}, '
            f'"paragraph": {v(f.paragraph)}, "item": {v(f.item)}, "category": {v(f.category)}, '
            f'"subject": {v(f.subject)}, "modality": {v(f.modality)}, "department": {v(f.department)}, '
            f'"provision": {v(f.provision)}, "sector": {v(f.sector)}, "severity": {v(f.severity)}, '
            f'"group_count": {v(f.count)}, "group_duties": {v(f.duties)}}}')
CLAUSE_KINDS = frozenset({"vacuum", "not_vacuum"})
"""Kinds whose evidence depends on their clause alone (its provision, text and roles), not on the government."""


def _evidence_text(finding: Finding) -> str:
    """The JSON of ``finding``'s evidence (with the rules applied, :func:`with_default_rule`)."""
    if finding.kind in CLAUSE_KINDS:
        return _clause_evidence_text(finding.kind, finding.category, finding.law, finding.article, finding.evidence)
    return _ENCODE([with_default_rule(e.to_json(), finding) for e in finding.evidence])


@functools.lru_cache(maxsize=1 << 15)
def _clause_evidence_text(kind: str, category: str | None, law: str | None, article: int | None,
                          evidence: tuple[Evidence, ...]) -> str:
    # what with_default_rule reads of a clause finding: its kind, category, law and article
    finding = Finding(kind=kind, government=None, reason="", category=category, law=law, article=article)
    return _ENCODE([with_default_rule(e.to_json(), finding) for e in evidence])


def _finding_rules() -> dict[tuple[str, str], dict[str, str | None]]:
    """The principle each finding kind applies (ontology/finding_rules.csv), by (kind, category)."""
    global _FINDING_RULES
    if _FINDING_RULES is None:
        import csv
        from importlib import resources

        text = resources.files("ontology").joinpath("finding_rules.csv").read_text(encoding="utf-8")
        _FINDING_RULES = {
            (row["kind"], row["category"]): {
                "rule": row["rule"], "rule_law": row["law"] or None, "rule_article": row["article"] or None,
            }
            for row in csv.DictReader(text.splitlines())
        }
    return _FINDING_RULES


_FINDING_RULES: dict[tuple[str, str], dict[str, str | None]] | None = None


def with_default_rule(evidence: dict[str, Any], finding: "Finding") -> dict[str, Any]:
    """Evidence JSON with the rule applied filled in where the query named none.

    Queries name specific rules (the setting-right article of an invalid basis);
    other evidence gets the principle of its finding kind, and a vacuum the
    clause that states the duty.
    """
    if evidence.get("rule"):
        return evidence
    kind = finding.reasons[0] if finding.kind == "candidate" and finding.reasons else finding.kind
    rules = _finding_rules()
    rule = rules.get((kind, finding.category or "")) or rules.get((kind, ""))
    if rule is None:
        return evidence
    filled = {**evidence, **rule}
    if kind == "vacuum" and finding.law and finding.article:
        filled["rule_law"], filled["rule_article"] = finding.law, article_label(finding.article)
    return filled


# ---------------------------------------------------------------------------
# Helpers shared by the queries


def cn(number: int | None) -> str:
    """Chinese numeral of an article/paragraph number: 122 -> 一百二十二."""
    if number is None:
        return ""
    return cn2an.an2cn(int(number))


# cn2an costs ~35 us a number, and a whole-corpus check labels the same few thousand provisions ~10^6 times
@functools.lru_cache(maxsize=1 << 16)
def article_label(article: int | None, suffix: int = 0, paragraph: int | None = None, item: int | None = None) -> str:
    """第一百二十二条之一第二款第（三）项, from numbers.

    >>> article_label(10, 0, 2, 3)
    '第十条第二款第（三）项'
    """
    if article is None:
        return ""
    text = f"第{cn(article)}条" + (f"之{cn(suffix)}" if suffix else "")
    if paragraph:
        text += f"第{cn(paragraph)}款"
    if item:
        text += f"第（{cn(item)}）项"
    return text


def provision_label(p: ProvisionRef | None) -> str:
    if p is None:
        return ""
    return article_label(p.article, p.article_suffix, p.paragraph, p.item)


def version_label(v: VersionRef | None) -> str:
    if v is None:
        return ""
    return f"《{v.title or v.law}》（{v.date}）" if v.date else f"《{v.title or v.law}》"


STATUS_TEXT = {
    "resolved": "已对应",
    "law_not_loaded": "所引法律未载入，无法核验",
    "article_not_found": "所引条文在该法律版本中不存在",
    "ambiguous": "所引法律名称不明确，可能对应多部法律",
    "normative_document": "所引为规范性文件，不是法律、法规或规章",
    "unparsed": "未能识别出所引法律",
    "text_incomplete": "所引法律载入的文本不全，无法核验",
}


def describe_citation(c: CitationBasis) -> Evidence:
    """Evidence for one citation: its text, what it resolved to, the article text."""
    status = c.citation.get("status", "unparsed")
    if c.target is not None:
        resolved = version_label(c.version) + provision_label(c.target)
        text = c.target.text
    elif c.target_label == "LawVersion":
        resolved = version_label(c.version) + "（未指明条文）"
        text = None
    else:
        law = c.citation.get("law")
        resolved = STATUS_TEXT.get(status, status) + (f"：《{law}》" if law else "")
        if c.version is not None and status == "text_incomplete":
            resolved = (f"{version_label(c.version)}载入的文本不全（{c.version.truncated or '文本止于所引条文之前'}），"
                        f"无法核验{article_label(c.citation.get('article'), c.citation.get('article_suffix', 0))}")
        if c.version is not None and status == "article_not_found":
            resolved = f"{version_label(c.version)}中没有{article_label(c.citation.get('article'), c.citation.get('article_suffix', 0))}"
        text = None
    return Evidence(citation=c.citation.get("text"), resolved_to=resolved, article_text=text)


def item_findings(store, classify: Callable[[ItemBasis], "Finding | None"], government: str | None = None,
                  department: str | None = None) -> Iterator[Finding]:
    """What ``classify`` finds about each item of ``government`` (and ``department``), in item-id order: the one
    loop every per-item kind (orphan, invalid basis, stale, lapsed, unaccountable, debatable) runs."""
    for basis in store.item_bases(government=government, department=department):
        finding = classify(basis)
        if finding is not None:
            yield finding


def item_finding(kind: str, basis: ItemBasis, reason: str, evidence: Iterable[Evidence], **extra: Any) -> Finding:
    """A finding about one item, with the item's identifying fields filled in."""
    item = basis.item
    source = {k: v for k, v in (("file", item.get("source_file")), ("sheet", item.get("sheet")), ("row", item.get("row"))) if v}
    return Finding(
        kind=kind,
        government=(basis.government or {}).get("name") or item.get("government"),
        reason=reason,
        evidence=tuple(evidence),
        item_id=item["id"],
        item_code=item.get("code") or None,
        name=item.get("name", "") + (f"（{item['sub']}）" if item.get("sub") else ""),
        department=(basis.department or {}).get("name"),
        category=item.get("category"),
        source=source,
        **extra,
    )


def departments_of(finding: Finding) -> list[str]:
    """Every department a finding concerns: an overlap's, or the one named (a vacuum may name several, joined by 、).

    >>> departments_of(Finding(kind="vacuum", government="甲市", reason="x", department="甲市农业农村局、县市区农业农村局"))
    ['甲市农业农村局', '县市区农业农村局']
    """
    names = list(finding.departments) or [finding.department or ""]
    return [part for name in names for part in name.split("、") if part]
