"""Public functions: authorising clauses of a law version, and ``plkg extract``."""

from __future__ import annotations

import functools
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, TextIO

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import UserError
from kg.model import AuthorisingClause, Category, LawVersion, Provision, ProvisionKind
from kg.text import normalise

from .clauses import COMPETENCE, SANCTION_CATEGORIES, named_act_keys
from .objects import conduct_reading, modifier_of
from .pipeline import build_pipeline
from .prefilter import might_grant

FORMATS = ("jsonl", "table")
STATUTE_SUFFIXES = (".md", ".txt", ".docx", ".html", ".htm")
_HTML_TAG = re.compile(r"<[^>]{0,200}>|&(?:nbsp|lt|gt|amp|quot);")

_PIPELINES: dict[tuple[str, bool], Language] = {}
FILTER_SWITCH = "PLKG_CLAUSE_FILTER"


def filter_enabled(clause_filter: bool | None = None) -> bool:
    """Whether the trained clause filter runs: ``clause_filter`` when given, else the environment
    variable ``PLKG_CLAUSE_FILTER`` (``0`` turns it off), else on when its model is installed."""
    from .clause_filter import MODEL_DIR

    if clause_filter is not None:
        return clause_filter
    if os.environ.get(FILTER_SWITCH, "").strip() in ("0", "false", "no", "off"):
        return False
    return (MODEL_DIR / "config.cfg").is_file()


def get_pipeline(segmenter: str = "char", clause_filter: bool | None = None) -> Language:
    """The shared pipeline (built once per segmenter and filter switch)."""
    key = (segmenter, filter_enabled(clause_filter))
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(segmenter, make_spans=False, clause_filter=key[1])
    return _PIPELINES[key]


@dataclass
class _Unit:
    provision: Provision
    text: str


def _clean(text: str) -> str:
    text = _HTML_TAG.sub("", text)
    return normalise(text).replace("\n", " ").strip()


def _article_units(article: Provision, children: list[Provision]) -> list[_Unit]:
    """One line per paragraph (its text before its items) and per item, in order."""
    if not children:
        return [_Unit(article, _clean(line)) for line in (article.text or "").split("\n") if line.strip()][:1] or [
            _Unit(article, _clean(article.text or ""))]
    units: list[_Unit] = []
    items_of: dict[str, list[Provision]] = {}
    for child in children:
        if child.kind in (ProvisionKind.ITEM, ProvisionKind.SUBITEM):
            parent = next((p for p in reversed(children[: children.index(child)])
                           if p.kind is ProvisionKind.PARAGRAPH), None)
            items_of.setdefault(parent.id if parent else article.id, []).append(child)
    for child in children:
        if child.kind is ProvisionKind.PARAGRAPH:
            own = child.text or ""
            for item in items_of.get(child.id, ()):
                if item.text and item.text in own:
                    own = own.replace(item.text, "", 1)
            units.append(_Unit(child, _clean(own)))
        elif child.kind in (ProvisionKind.ITEM, ProvisionKind.SUBITEM):
            units.append(_Unit(child, _clean(child.text or "")))
    return units


def _articles(provisions: list[Provision]) -> Iterable[tuple[Provision | None, Provision, list[Provision]]]:
    """(chapter, article, its paragraphs and items) in document order."""
    chapter: Provision | None = None
    current: Provision | None = None
    children: list[Provision] = []
    for p in sorted(provisions, key=lambda p: p.order) if any(p.order for p in provisions) else provisions:
        if p.kind in (ProvisionKind.PART, ProvisionKind.CHAPTER):
            if current is not None:
                yield chapter, current, children
                current, children = None, []
            chapter = p
        elif p.kind is ProvisionKind.ARTICLE:
            if current is not None:
                yield chapter, current, children
            current, children = p, []
        elif p.kind is ProvisionKind.SECTION:
            continue
        elif current is not None:
            children.append(p)
    if current is not None:
        yield chapter, current, children


_NUM = r"[零〇一二三四五六七八九十百千\d]+"
# 本法[第A条至第B条、第C条]规定的[吊销许可证的]行政处罚，[除…外，]由X[按照…]决定[；其他行政处罚，由Y决定]
_DESIGNATION = re.compile(
    rf"(?:本(?P<unit>法|条例|办法|规定|细则|章)(?P<scope>(?:第{_NUM}条(?:之[一二三四五六七八九十]+)?(?:第{_NUM}款)?"
    rf"(?:至第{_NUM}条)?[、，,和及]{{0,2}})*)规定的(?P<what>[^。；]{{0,40}}?的)?"
    # i12-procedure: the law's penalty named by its kind as a sentence's subject, 治安管理处罚由X决定 (治安管理处罚法 art. 91),
    # 特种设备安全行政处罚由X实施; a kind naming an act (行政拘留处罚由X决定) is a designation of that act only
    rf"|(?:^|(?<=[。；\n]))(?!下列|上述|前款|前述|本条|该|其他|对|行政处罚)(?P<kind>(?:(?!给予|予以|适用|对|由)[^，。；、的\s]){{2,10}}?))(?:行政)?处罚"
    # 以及与行政处罚相关的行政强制措施 (济宁市城镇容貌和环境卫生管理条例 art. 8): the formula of local regulations whose
    # penalties go to a 综合行政执法 department with the measures that serve them (i12-local)
    # (a kind is followed by 由 at once: 当事人对行政处罚决定…不履行的，由… is no designation)
    r"(?(kind)[，,]?|(?:和行政措施|(?:以及|和|及)与(?:行政处罚|之|其)?相关的[^。；，]{1,30}?)?[，,]?"
    r"(?:除[^；。]{0,60}?外[，,])?(?:[^；。]{0,30}?的[，,])?)(?:可以|依法)?由(?P<bodies>[^；。]{2,80}?)(?:决定|实施|执行)"
    # i12-water2: an alternative body, 由X决定，或者由Y按照…权限决定 (防洪法 art. 63; 河南省实施《防洪法》办法): X and Y both
    r"(?:[，,](?:或者|也可以|或)由(?P<alternative>[^；。]{2,80}?)(?:决定|实施|执行))?"
    r"(?:[^。]{0,40}?[；;，,](?:本(?:法|条例|办法|规定|细则)规定的)?其他(?:行政)?处罚[，,]?由(?P<others>[^；。]{2,80}?)(?:决定|实施|执行))?")
_SCOPE_RANGE = re.compile(rf"第({_NUM})条(?:之[一二三四五六七八九十]+)?(?:第{_NUM}款)?(?:至第({_NUM})条)?")
# bodies after 按照/依照 (按照国务院规定的职权范围) name the rule, not the deciding body
_RULE_TAIL = re.compile(r"(?:按照|依照|根据|依据|在)[^；。]*$")

Designation = tuple[int, int, "Provision | None", "frozenset[str] | None", list[tuple[str, str | None]]]


def _designated_bodies(text: str) -> list[tuple[str, str | None]]:
    from .terms import find_terms, load_tables

    text = _RULE_TAIL.sub("", text)
    return [(t.text, t.level or None) for t in find_terms(text, load_tables()) if t.label == "BODY"]


def _designations(articles: list[tuple[Provision | None, Provision, str]]) -> list[Designation]:
    """(first, last article, chapter or None, act keys or None, bodies) of every 本法规定的行政处罚，由X决定.

    A scope of articles (本法第四十九条至第五十七条、第六十条至第六十三条) gives one range each;
    本章 gives the chapter the provision stands in; a named penalty (规定的吊销营业执照的行政处罚) gives
    the act keys the designation is for, and 其他行政处罚，由Y决定 the bodies of every other one.
    """
    from kg.text import chinese_to_int

    from .terms import find_terms, load_tables

    found: list[Designation] = []
    for chapter, article, text in articles:
        for m in _DESIGNATION.finditer(text):
            bodies = _designated_bodies(m.group("bodies"))
            if m.group("alternative"):
                bodies += [b for b in _designated_bodies(m.group("alternative")) if b not in bodies]
            others = _designated_bodies(m.group("others")) if m.group("others") else []
            if not bodies and not others:
                continue
            ranges = []
            for r in _SCOPE_RANGE.finditer(m.group("scope") or ""):
                try:
                    lo = chinese_to_int(r.group(1))
                    ranges.append((lo, chinese_to_int(r.group(2)) if r.group(2) else lo))
                except ValueError:
                    continue
            ranges = ranges or [(0, 10**6)]
            scope_chapter = chapter if m.group("unit") == "章" else None
            keys = None
            what = m.group("what") or m.group("kind")
            if what:
                keys = frozenset(key for t in find_terms(what, load_tables()) if t.label == "ACT"
                                 for key in named_act_keys(t.key, t.text)) or None
            for lo, hi in ranges if bodies else ():
                found.append((lo, hi, scope_chapter, keys, bodies))
            if others and keys:
                for lo, hi in ranges:
                    found.append((lo, hi, scope_chapter, None, others))
    return found


def _designated_for(designations: list[Designation], number: int, chapter: Provision | None
                    ) -> list[tuple[frozenset[str] | None, list[tuple[str, str | None]]]] | None:
    """The designations covering an article: named articles before a whole law or chapter, named penalties first."""
    covering = [d for d in designations if d[0] <= number <= d[1] and (d[2] is None or d[2] is chapter)]
    if not covering:
        return None
    covering.sort(key=lambda d: (d[3] is None, d[1] - d[0]))
    return [(keys, bodies) for _, _, _, keys, bodies in covering]


_LAW_SCOPES: list[tuple[re.Pattern, str]] | None = None


def dropped_categories(law: str) -> set[str] | None:
    """Clause categories a law's title says it cannot grant (``patterns/law_scopes.tsv``).

    None: nothing dropped; ``{"all"}``: the law grants no administrative power.

    >>> sorted(dropped_categories("公安机关办理行政案件程序规定"))
    ['行政许可']
    >>> dropped_categories("公安机关办理刑事案件程序规定")
    {'all'}
    >>> dropped_categories("中华人民共和国行政许可法") is None
    True
    """
    global _LAW_SCOPES
    if _LAW_SCOPES is None:
        from .terms import PATTERNS_DIR, _rows

        _LAW_SCOPES = [(re.compile(row["pattern"]), row["drops"]) for row in _rows(PATTERNS_DIR / "law_scopes.tsv")]
    for pattern, drops in _LAW_SCOPES:  # the first matching row decides
        if pattern.search(law):
            return {drops}
    return None


# tests/gold/README.md rule 7.1 (i12-conventions): a place phrase before a body picks the body of the place (territorial
# jurisdiction), not another role, and is dropped from the subject like a pronoun: 常住户口所在地的公安机关 -> 公安机关
# (居民身份证法 art. 7), 当地卫生行政部门 -> 卫生行政部门 (传染病防治法 art. 27); the body is read with it
_PLACE_PREFIX = re.compile(r"^(?:[^，。；、的]{1,14}?(?:所在地|发生地)的?|所在地的?|当地的?|本行政区域内的)(?=[^，。；]{2,}$)")


def subject_without_place(subject: str) -> str:
    """The subject of a clause without the place phrase written before it (X所在地的, 当地, X发生地的)."""
    return _PLACE_PREFIX.sub("", subject, count=1)


_GENERIC_BODY = re.compile(r"^(?:其他|有关|各级|本级|同级)|有关部门$|其他部门$")


def _competent(findings) -> list[tuple[str, str | None]] | None:
    """The local departments an article makes competent for the law's field (X负责…的监督管理工作).

    The law's own sanctions that name no body are theirs (what power lists read in them);
    departments of the State Council and generic ones (有关部门) are left out.
    """
    bodies = [(f.subject, f.inherited_level) for f in findings
              if f.construction == COMPETENCE and not _GENERIC_BODY.search(f.subject)
              and not f.subject.endswith(("人民政府", "国务院"))]
    local = [b for b in bodies if not b[0].startswith(("国务院", "国家", "中央"))]
    return list(dict.fromkeys(local)) or None


_LIABILITY = re.compile(r"法律责任|罚则")  # the chapter whose sanctions a law may leave without a body


def _usual_agent(seen: "Counter[tuple[str, str | None]]") -> list[tuple[str, str | None]] | None:
    """The local department a law without a competence clause names most often as the holder of its other
    powers (个人独资企业法: the 登记机关 of arts. 9-16), for the sanctions its liability chapter leaves
    without a body (arts. 33-37 …的，责令改正，处以五千元以下的罚款); None when no one body leads."""
    ranked = [(body, n) for body, n in seen.most_common() if not _GENERIC_BODY.search(body[0])
              and not body[0].endswith(("人民政府", "国务院")) and not body[0].startswith(("国务院", "国家", "中央"))]
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return [ranked[0][0]]


@dataclass(frozen=True)
class CitedPower:
    """A row of ``patterns/references.tsv``: an article that does what an earlier article of the same law says
    (音像制品管理条例 art. 22 应当依照本条例第二十一条的规定办理审批手续) holds that article's clauses of ``category``."""

    construction: str
    category: str
    action: str
    pattern: re.Pattern


@functools.lru_cache(maxsize=1)
def cited_powers() -> tuple[CitedPower, ...]:
    """The rows of ``patterns/references.tsv`` (a bad row is a UserError naming the file and row)."""
    from .terms import PATTERNS_DIR, _rows

    path = PATTERNS_DIR / "references.tsv"
    rows = []
    for n, row in enumerate(_rows(path), start=2):
        try:
            category = Category(row["category"]).value
            pattern = re.compile(row["pattern"])
        except (ValueError, KeyError, re.error, TypeError) as exc:
            raise UserError(f"{path}, row {n}: {exc}") from None
        if "article" not in pattern.groupindex or not row.get("construction") or not row.get("action"):
            raise UserError(f"{path}, row {n}: needs a construction, an action and a pattern with (?P<article>…)")
        rows.append(CitedPower(row["construction"], category, row["action"], pattern))
    return tuple(rows)


def _cited_clauses(text: str, starts: list[int], units: list[_Unit], article: int, article_suffix: int,
                   earlier: dict[int, list[AuthorisingClause]], have: set[str]) -> list[AuthorisingClause]:
    """Clauses an article holds by citing an earlier article (``cited_powers``): the cited article's clauses of the
    row's category, moved to the provision holding the citation, when the article found none of that category."""
    from dataclasses import replace

    from kg.text import chinese_to_int

    found: dict[tuple[str, str], AuthorisingClause] = {}
    for row in cited_powers():
        if row.category in have:
            continue
        for m in row.pattern.finditer(text):
            try:
                cited = chinese_to_int(m.group("article"))
            except ValueError:
                continue
            if cited >= article:
                continue
            unit = units[max(i for i, s in enumerate(starts) if s <= m.start())]
            modality = "应当" if re.search(r"(?:应当|必须|须)[^，。；]{0,4}$", text[max(0, m.start() - 6): m.start()]) else None
            for old in earlier.get(cited, ()):
                if old.category.value != row.category or (row.category, old.subject) in found:
                    continue
                found[(row.category, old.subject)] = replace(
                    old, provision=unit.provision.id, article=article, article_suffix=article_suffix,
                    paragraph=unit.provision.paragraph, item=unit.provision.item, modality=modality,
                    actions=(row.action,), triggers=(), amounts=(), text=unit.text, construction=row.construction,
                    object_modifier=modifier_of(unit.text), **_conducts(unit))
    return list(found.values())


def _conducts(unit: _Unit) -> dict[str, Any]:
    """The ``AuthorisingClause`` fields of what the vacuum query compares (:func:`loaders.nlp.objects.conduct_reading`)."""
    return vars(conduct_reading(unit.text, unit.provision.text))


def _trigger_law(reference: str, law: str) -> str:
    if reference.startswith("《"):
        return reference.strip("《》")
    return law


@dataclass
class AnalysedArticle:
    """One article after the pipeline: its units (one line of ``doc`` each) and the Doc."""

    chapter: Provision | None
    article: Provision
    number: int
    units: list[_Unit]
    doc: Doc


def analysed_articles(version: LawVersion, provisions: list[Provision], nlp: Language
                      ) -> Iterable[AnalysedArticle]:
    """Every article of a law version that may grant (``might_grant``), run through ``nlp``, in order.

    The chapter's carried subject, the law's designations and its competent departments are set on each
    Doc before the components run (they reach across articles).
    """
    carried = None
    competent: list[tuple[str, str | None]] | None = None  # from the first article of competence clauses
    agents_seen: Counter = Counter()  # holders of the law's powers other than sanctions, so far (_usual_agent)
    chapter_seen = object()
    articles = []
    for chapter, article, children in _articles(provisions):
        units = _article_units(article, children)
        articles.append((chapter, article, units, "\n".join(u.text for u in units)))
    designations = _designations([(c, a, text) for c, a, _, text in articles if "处罚" in text])
    for chapter, article, units, text in articles:
        if chapter is not chapter_seen:
            carried, chapter_seen = None, chapter
        if not text.strip() or not might_grant(text):
            continue
        number = article.article if article.article is not None else article.number
        designated = _designated_for(designations, number, chapter)
        doc = nlp.make_doc(text)
        doc._.source = text  # what doc.text gives back, without joining a token per character again
        doc._.carried_subject = carried
        doc._.designated_subjects = designated
        doc._.competent_subjects = competent or (
            _usual_agent(agents_seen) if agents_seen and chapter is not None and _LIABILITY.search(chapter.heading or "")
            else None)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        carried = doc._.last_subject or carried
        for finding in doc._.clauses or ():
            if finding.category not in SANCTION_CATEGORIES and finding.construction != COMPETENCE:
                agents_seen[(finding.subject, finding.inherited_level)] += 1
        if competent is None:
            # the rules' competence clauses, vetoed or not: the filter judges pairs, not who is competent
            competent = _competent([*(doc._.clauses or ()), *(doc._.vetoed_clauses or ())])
        yield AnalysedArticle(chapter, article, number, units, doc)


def extract_clauses(version: LawVersion, provisions: list[Provision], *, segmenter: str = "char",
                    clause_filter: bool | None = None) -> list[AuthorisingClause]:
    """Authorising clauses of one law version's provisions (document order).

    One clause per (provision, category, subject); the provision is the most
    specific one holding the act (a paragraph, or an item).  ``clause_filter``
    turns the trained veto of :mod:`loaders.nlp.clause_filter` on or off (None:
    the ``PLKG_CLAUSE_FILTER`` environment variable, on unless it is ``0``).
    """
    nlp = get_pipeline(segmenter, clause_filter)
    law = version.law
    clauses: list[AuthorisingClause] = []
    dropped = dropped_categories(law) or set()
    if "all" in dropped:
        return clauses
    by_article: dict[int, list[AuthorisingClause]] = {}  # the clauses of each article so far (_cited_clauses)
    for analysed in analysed_articles(version, provisions, nlp):
        article, units, doc, number = analysed.article, analysed.units, analysed.doc, analysed.number
        starts, pos = [], 0
        for unit in units:
            starts.append(pos)
            pos += len(unit.text) + 1
        merged: dict[tuple[str, str, str], AuthorisingClause] = {}
        for finding in doc._.clauses or ():
            if finding.category in dropped:
                continue
            index = max(i for i, s in enumerate(starts) if s <= finding.start)
            unit = units[index]
            prov = unit.provision
            subject = subject_without_place(finding.subject)
            key = (prov.id, finding.category, subject)
            if key in merged:
                old = merged[key]
                old.actions = tuple(dict.fromkeys(old.actions + tuple(finding.actions)))
                if old.construction == COMPETENCE:
                    old.construction = finding.construction  # a real act beside a competence decides
                continue
            merged[key] = AuthorisingClause(
                provision=prov.id, law=law, version=version.date,
                article=article.article if article.article is not None else article.number,
                article_suffix=article.article_suffix or article.suffix,
                paragraph=prov.paragraph, item=prov.item,
                category=Category(finding.category), subject=subject,
                level=finding.level, sector=finding.sector, modality=finding.modality,
                actions=tuple(finding.actions),
                triggers=tuple((_trigger_law(ref, law), number) for ref, number in finding.triggers),
                amounts=tuple(finding.amounts), text=unit.text, construction=finding.construction or None,
                object_modifier=modifier_of(unit.text), **_conducts(unit),
            )
        found = list(merged.values())
        suffix = article.article_suffix or article.suffix
        if not suffix:
            cited = _cited_clauses(doc._.source, starts, units, number, suffix,
                                   by_article, {c.category.value for c in found})
            found.extend(c for c in cited if c.category.value not in dropped)
            by_article.setdefault(number, []).extend(found)
        clauses.extend(found)
    return clauses


def _statute_files(paths: Iterable[str | Path]) -> Iterable[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in STATUTE_SUFFIXES and not file.name.startswith("_"):
                    yield file
        else:
            yield path


def _table_row(clause: AuthorisingClause) -> str:
    place = f"第{clause.article}条" + (f"第{clause.paragraph}款" if clause.paragraph else "") + (
        f"第{clause.item}项" if clause.item else "")
    cells = [clause.law, place, clause.category.value, clause.subject, clause.level or "-", clause.sector or "-",
             clause.modality or "-", "、".join(clause.actions)]
    return "\t".join(cells)


def _say(stream, line: str) -> None:
    """One line on a text stream or a rich Console (what the CLI passes)."""
    if hasattr(stream, "write"):
        stream.write(line + "\n")
    else:
        stream.print(line, markup=False, highlight=False, soft_wrap=True)


def write_extraction(paths: Iterable[str | Path], *, format: str, out: TextIO, err: TextIO) -> int:
    """``plkg extract``: clauses of statute files as JSONL or a table; returns the clause count.

    A file that cannot be read is reported on ``err`` in one line and skipped;
    :class:`UserError` when no file could be read (a law with no authorising clause is read, and gives 0).
    """
    if format not in FORMATS:
        raise UserError(f"--format {format!r}: expected one of {', '.join(FORMATS)}")
    from loaders.statutes import parse_file

    count, read, tried = 0, 0, 0
    if format == "table":
        out.write("\t".join(["法律", "条款", "权力类别", "实施主体", "层级", "领域", "情态", "行为"]) + "\n")
    for file in _statute_files(paths):
        tried += 1
        try:
            parsed = parse_file(file)
            clauses = extract_clauses(parsed.version, list(parsed.provisions))
        except Exception as exc:  # one bad file is reported and skipped, never a traceback
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            _say(err, message if message.startswith(str(file)) else f"{file}: {message}")
            continue
        read += 1
        for clause in clauses:
            if format == "jsonl":
                out.write(json.dumps(clause.to_json(), ensure_ascii=False) + "\n")
            else:
                out.write(_table_row(clause) + "\n")
            count += 1
    if not read:
        raise UserError(f"no statute text could be read from the {tried} file(s) given" if tried
                        else "no statute file (.md .txt .docx .html) among the paths given")
    return count
