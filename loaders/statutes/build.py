"""Statute files -> graph: laws, versions, provisions, citations, clauses, in one transaction.

:func:`parse_file` turns one file into a :class:`ParsedStatute`;
:func:`load_laws` loads files and folders into a store: every file is loaded,
skipped with a reason or reported as an error, and the whole batch is written
in one ``store.transaction()`` (all or nothing).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kg.errors import UserError
from kg.lawindex import LawIndex, name_key
from kg.model import (
    DIVISIONS_READING,
    Citation,
    CitationStatus,
    Edge,
    EdgeType,
    Law,
    LawVersion,
    Node,
    Provision,
    ProvisionKind,
    Rank,
    Role,
    VersionStatus,
    article_id,
    container_id,
    item_id,
    paragraph_id,
    version_id,
)
from kg.report import LoadReport
from kg.store import Store, Writer
from kg.text import strip_prc
from kg.views import article_key

from .citations import FoundCitation, find_citations
from .metadata import NAME as METADATA_NAME
from .metadata import Metadata, MetadataRow, find_metadata, metadata_stops, rank_from_title, region_of
from .read import SUFFIXES, Document, ReadError, parse_info, read_document
from .align import align_articles
from .divisions import by_duty, divides
from .repeals import find_repeals
from .structure import ARTICLE_RE, CONTAINER_RE, Structure, parse_structure

Progress = Callable[[int, int, str], None]

TEMPLATE_NAMES = ("法律法规模版.md", "法律法规模板.md")
UNDATED = "undated"
GENERIC_NAMES = frozenset({"法", "条例", "办法", "规定", "暂行规定", "暂行办法", "实施条例", "实施办法", "实施细则",
                           "细则", "决定", "规则", "章程", "规程", "解释"})


class NotAStatute(ValueError):
    """A readable file that holds no statute (an index page, the template, no articles)."""


@dataclass
class ParsedStatute:
    """One law version parsed from one file (or several parts of one code)."""

    law: Law
    version: LawVersion
    provisions: list[Provision]
    parents: dict[str, str] = field(default_factory=dict)  # provision id -> direct parent id
    leads: dict[str, str] = field(default_factory=dict)  # paragraph/item id -> its own text
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    expired: bool = False  # metadata says repealed or superseded

    @property
    def articles(self) -> list[Provision]:
        return [p for p in self.provisions if p.kind == ProvisionKind.ARTICLE]


# --- parsing ----------------------------------------------------------------------------


@dataclass
class _Source:
    doc: Document
    row: MetadataRow | None


def _not_a_statute(doc: Document) -> str | None:
    name = doc.path.name
    if name == "_index.md":
        return "folder index page, not a statute"
    if name in TEMPLATE_NAMES or "某条法律的标题" in doc.title:
        return "the corpus template, not a statute"
    if not doc.body and not doc.title:
        return "empty file"
    return None


def _version_of(source: _Source) -> LawVersion:
    doc, row = source.doc, source.row
    info = parse_info(doc.info)
    title = doc.title or doc.stem
    in_text = _effective_in_text(doc)
    date = doc.file_date or (row.publish if row else None) or info.latest or info.effective or in_text or UNDATED
    effective = (row.valid_from if row else None) or info.effective
    if effective is None and in_text and not info.amended and in_text >= (info.promulgated or ""):
        # 本条例自2010年1月1日起施行: true of an unamended text only
        effective = in_text
    rank = row.rank if row is not None else rank_from_title(title, info.issuer)
    if row is not None and rank == Rank.OTHER and row.level not in ("其他", "案例"):
        rank = rank_from_title(title, info.issuer)
    region = region_of(title)
    if region is None and row is not None and row.folder.startswith("DLC/"):
        region = row.category or None
    return LawVersion(
        law=title,
        date=date,
        title=title,
        subtitle=doc.subtitle,
        rank=rank,
        issuer=info.issuer,
        promulgated=info.promulgated,
        amended=info.amended,
        effective=effective,
        region=region,
        source=str(doc.path),
        events=info.events,
    )


_IN_FORCE_RE = re.compile(r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起\s*(?:施行|实施|生效)")


def _effective_in_text(doc: Document) -> str | None:
    """The date of 本法自…起施行 in the last lines of the body."""
    for line in reversed(doc.body[-12:]):
        match = _IN_FORCE_RE.search(line.text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _first_article(doc: Document) -> int:
    from kg.text import chinese_to_int

    for line in doc.body:
        match = ARTICLE_RE.match(line.text)
        if match:
            try:
                return chinese_to_int(match.group(1))
            except ValueError:
                continue
    return 0


def _parse_group(sources: list[_Source]) -> ParsedStatute:
    """One version from one file, or from the parts of one code (民法典 合同编, 物权编 …)."""
    version = _version_of(sources[0])
    vid = version.id
    structure = Structure()
    if len(sources) == 1:
        parse_structure(sources[0].doc.body, vid, structure)
    else:
        # parts in article order; each part without its own 编 heading becomes a 编 container
        ordered = sorted(sources, key=lambda s: _first_article(s.doc))
        for number, source in enumerate(ordered, start=1):
            has_parts = any((m := CONTAINER_RE.match(line.text)) is not None and m.group(2) == "编"
                            for line in source.doc.body)
            root = None
            if not has_parts and source.doc.subtitle:
                root = container_id(vid, ProvisionKind.PART, number)
                part = Provision(root, vid, ProvisionKind.PART, number, label=source.doc.subtitle,
                                 heading=source.doc.subtitle, order=len(structure.provisions) + 1)
                structure.provisions.append(part)
                structure.parents[root] = vid
            parse_structure(source.doc.body, vid, structure, root=root)
        version.subtitle = ""
        version.source = "; ".join(str(s.doc.path) for s in ordered)
        sources = ordered
    law = Law(version.law, strip_prc(version.law), version.rank, version.region)
    version.truncated = truncation_of([p for p in structure.provisions if p.kind == ProvisionKind.ARTICLE])
    version.repeals = tuple(f"{p.id}\t{r.title}\t{r.sentence}" for p in structure.provisions
                            if p.kind == ProvisionKind.ARTICLE for r in find_repeals(p.text))
    from loaders.nlp.objects import conduct_of  # the NLP package loads spaCy: only when statutes are parsed

    for p in structure.provisions:  # the work an article divides by object (ontology/divisions.csv), or by duty
        if p.kind == ProvisionKind.ARTICLE:
            p.divides = divides(p.text)
        p.by_duty = by_duty(p.text)
        p.conduct = conduct_of(p.text) or ""
    version.divisions_read = DIVISIONS_READING
    return ParsedStatute(
        law=law,
        version=version,
        provisions=structure.provisions,
        parents=structure.parents,
        leads=structure.leads,
        warnings=structure.warnings,
        files=[s.doc.path for s in sources],
        expired=any(s.row is not None and s.row.expired for s in sources),
    )


# A whole statute ends with its commencement (本法自…起施行) or a repeal clause.
_CLOSING_RE = re.compile(r"施行|生效|废止|实施之日|起实施")
_SELF_CITE_RE = re.compile(r"本(?:法|条例|办法|规定|细则|规则|决定)第([零〇一二三四五六七八九十百千\d]+)条")
SHORT_VERSION_SHARE = 0.5  # a version holding less than this share of another version's articles is cut short


def truncation_of(articles: Sequence[Provision], others: Sequence[int] = ()) -> str:
    """Why a version's loaded text looks cut short, or "" when it looks whole.

    Signs: its own text cites an article of itself beyond its last one; another
    loaded version of the law (``others``: their article counts) holds more
    than twice as many articles; its last article is no closing article
    (施行, 生效, 废止).  The signs are recorded, not acted on: a citation to an
    article beyond the end of such a version cannot be checked here.

    >>> from kg.model import Provision, ProvisionKind
    >>> arts = [Provision(f"x/第{n}条", "x", ProvisionKind.ARTICLE, n, text=t, article=n)
    ...         for n, t in [(1, "为了…，制定本条例。"), (2, "违反本条例第三十条的，处罚款。")]]
    >>> truncation_of(arts)
    '文本止于第2条，而条文引用本身第30条；末条不是施行条款'
    >>> truncation_of(arts[:1] + [Provision("x/第2条", "x", ProvisionKind.ARTICLE, 2, text="本条例自2020年1月1日起施行。", article=2)])
    ''
    """
    from kg.text import chinese_to_int

    if not articles:
        return ""
    last = max(articles, key=lambda a: (a.article or a.number, a.suffix))
    end = last.article or last.number
    reasons = []
    cited = []
    for article in articles:
        for number in _SELF_CITE_RE.findall(article.text or ""):
            try:
                cited.append(chinese_to_int(number))
            except ValueError:
                continue
    if cited and max(cited) > end:
        reasons.append(f"文本止于第{end}条，而条文引用本身第{max(cited)}条")
    longest = max(others, default=0)
    if longest and len(articles) < SHORT_VERSION_SHARE * longest:
        reasons.append(f"只有{len(articles)}条，同法其他版本有{longest}条")
    if not _CLOSING_RE.search(last.text or ""):
        reasons.append("末条不是施行条款")
    if reasons == ["末条不是施行条款"]:
        return f"文本止于第{end}条，末条不是施行条款"
    return "；".join(reasons)


def parse_file(path: str | Path, metadata: Metadata | MetadataRow | None = None) -> ParsedStatute:
    """Parse one statute file.

    ``metadata`` is the folder's :class:`Metadata` (the row is looked up) or
    the row itself.  Raises :class:`kg.errors.UserError` naming the file when it
    cannot be read or holds no statute.
    """
    path = Path(path)
    try:
        doc = read_document(path)
    except ReadError as exc:
        raise UserError(f"{path}: {exc}") from None
    reason = _not_a_statute(doc)
    if reason:
        raise UserError(f"{path}: {reason}")
    row = metadata.lookup(path, doc.stem, doc.file_date) if isinstance(metadata, Metadata) else metadata
    parsed = _parse_group([_Source(doc, row)])
    if not parsed.articles:
        raise UserError(f"{path}: no articles (第…条) found")
    return parsed


# --- version status -------------------------------------------------------------------------


def version_statuses(versions: Sequence[LawVersion], expired: dict[str, bool], today: str) -> dict[str, VersionStatus]:
    """Status of each version of one law.

    The newest version that has taken effect is in force (repealed when the
    metadata marks it expired); older ones are superseded; versions taking
    effect after ``today`` are not yet in force.

    >>> vs = [LawVersion("L", "2015-01-01", "L"), LawVersion("L", "2021-01-01", "L"),
    ...       LawVersion("L", "2030-01-01", "L", effective="2030-06-01")]
    >>> [s.value for s in version_statuses(vs, {}, "2025-01-01").values()]
    ['superseded', 'in_force', 'not_yet_in_force']
    """
    ordered = sorted(versions, key=lambda v: (v.date, v.effective or ""))
    statuses: dict[str, VersionStatus] = {}
    started = [v for v in ordered if (v.effective or v.date) <= today or v.date == UNDATED]
    for v in ordered:
        if v not in started:
            statuses[v.id] = VersionStatus.NOT_YET_IN_FORCE
    for i, v in enumerate(started):
        if i < len(started) - 1:
            statuses[v.id] = VersionStatus.SUPERSEDED
        else:
            statuses[v.id] = VersionStatus.REPEALED if expired.get(v.id) else VersionStatus.IN_FORCE
    return {v.id: statuses[v.id] for v in ordered}


# --- loading ----------------------------------------------------------------------------------


def _collect(paths: Iterable[str | Path], report: LoadReport) -> tuple[list[Path], list[Path]]:
    files: list[Path] = []
    roots: list[Path] = []
    for path in map(Path, paths):
        roots.append(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not found:
                report.skip(str(path), "empty folder: no files")
            for file in found:
                if file.suffix.lower() in SUFFIXES:
                    files.append(file)
                elif file.name == METADATA_NAME:
                    continue  # used for rank and dates, not a statute
                else:
                    report.skip(str(file), f"not a statute file type ({file.suffix or 'no suffix'}): "
                                           f"use .md .txt .docx .html")
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            elif path.name == METADATA_NAME:
                report.skip(str(path), "metadata table: load the folder that holds it")
            else:
                report.skip(str(path), f"not a statute file type ({path.suffix or 'no suffix'})")
        else:
            report.error(str(path), "no such file or folder")
    unique = list(dict.fromkeys(files))
    return unique, roots


class _Batch:
    """What one load writes, and the lookups its resolution needs."""

    def __init__(self, store: Store, parsed: list[ParsedStatute], today: str) -> None:
        self.store = store
        self.parsed = parsed
        self.today = today
        self.index = LawIndex(store, today=today)
        self.ids: set[str] = set()
        for p in parsed:
            self.index.add(p.law, [p.version], p.articles)
            self.ids.update(prov.id for prov in p.provisions)
        self.batch_laws = {p.law.id for p in parsed}
        self.internal_found = 0
        self.internal_resolved = 0
        # from the cross-version alignment (:func:`_write_alignment`): article id -> the article of the next
        # version holding its text, and law id -> its version in force, for citations made under an older text
        self.following: dict[str, str] = {}
        self.in_force: dict[str, str] = {}

    def exists(self, provision_id: str) -> bool:
        if provision_id in self.ids:
            return True
        node = self.store.get(provision_id)
        return node is not None and node.label == "Provision"

    def locate(self, vid: str, ref: FoundCitation | Citation) -> tuple[str | None, str]:
        """The provision id ``ref`` points to in version ``vid`` and whether it exists.

        Returns (target id or None, status).
        """
        if ref.article is None:
            return None, CitationStatus.ARTICLE_NOT_FOUND.value
        aid = article_id(vid, ref.article, ref.article_suffix)
        if not self.exists(aid):
            return None, CitationStatus.ARTICLE_NOT_FOUND.value
        if ref.paragraph is None and ref.item is None:
            return aid, CitationStatus.RESOLVED.value
        if ref.paragraph is not None:
            pid = paragraph_id(aid, ref.paragraph)
            if not self.exists(pid):
                return None, CitationStatus.ARTICLE_NOT_FOUND.value
            if ref.item is None:
                return pid, CitationStatus.RESOLVED.value
            iid = item_id(pid, ref.item)
            return (iid, CitationStatus.RESOLVED.value) if self.exists(iid) else (None, CitationStatus.ARTICLE_NOT_FOUND.value)
        # 第十条第（三）项 without a paragraph: the first paragraph holding that item
        for n in range(1, 16):
            pid = paragraph_id(aid, n)
            if not self.exists(pid):
                break
            iid = item_id(pid, ref.item)  # type: ignore[arg-type]
            if self.exists(iid):
                return iid, CitationStatus.RESOLVED.value
        return None, CitationStatus.ARTICLE_NOT_FOUND.value

    def resolve_external(self, citation: Citation, name: str, at: str | None, own_law: str) -> None:
        """Fill version/target/status of a citation of law ``name`` made at date ``at``.

        An article is looked up in the version in force at ``at`` (not today's): when that version is superseded
        ``current_target`` is the article of the version in force the alignment pairs with it; when it is not
        loaded the citation is ``version_not_loaded`` and resolves to nothing.
        """
        citation.version = citation.target = citation.current_target = citation.later_target = None
        found = self.index.find(name)
        citation.law = found[0] if len(found) == 1 else name_key(name)
        if not found:
            citation.status = CitationStatus.LAW_NOT_LOADED
            return
        key = name_key(name)
        if len(found) > 1 and found[0] not in (key, "中华人民共和国" + strip_prc(key)):
            citation.status = CitationStatus.AMBIGUOUS
            return
        law_id = found[0]
        citation.law = law_id
        citation.cited_at = at
        version = self.index.version_at(law_id, at)
        if version is None:
            citation.status = CitationStatus.LAW_NOT_LOADED
            return
        if citation.article is None and citation.paragraph is None and citation.item is None:
            # the law as such (依照《药品管理法》): a later version is still that law
            citation.version = version.id
            citation.target, citation.status = version.id, CitationStatus.RESOLVED
            return
        if at is not None and self.index.version_at(law_id, at, strict=True) is None:
            # every loaded version is later than the citing text: 森林法实施条例 (2018) art. 41 cites 森林法
            # 第四十四条 of the 1998 text, which 2019 renumbered (its art. 44 encourages tree planting)
            later, _ = self.locate(version.id, citation)
            citation.later_target, citation.status = later, CitationStatus.VERSION_NOT_LOADED
            return
        citation.version = version.id
        target, status = self.locate(version.id, citation)
        citation.target, citation.status = target, CitationStatus(status)
        if target is not None:
            citation.current_target = self.current_of(law_id, version.id, target)

    def current_of(self, law_id: str, vid: str, target: str) -> str | None:
        """The article of ``law_id``'s version in force that the alignment pairs with ``target``'s article
        ("" when the text is gone), or None when ``vid`` is the version in force or no version is."""
        current = self.in_force.get(law_id)
        if current is None or current == vid:
            return None
        key = article_key(target)
        if key is None:
            return None
        article: str | None = article_id(vid, key[1], key[2])
        while article and not article.startswith(current + "/"):
            article = self.following.get(article, "")
        return article


def _citing_date(version: LawVersion) -> str | None:
    if version.date == UNDATED:
        return version.effective
    return version.effective or version.date


def _bare_law(batch: _Batch, bare: str | None) -> str | None:
    """The longest tail of ``bare`` that names a loaded law (依照刑法 -> 刑法)."""
    if not bare:
        return None
    for start in range(len(bare) - 1):
        tail = bare[start:]
        if len(tail) < 2:
            break
        if batch.index.find(tail):
            return tail
    # not loaded: a name ending in 法 after a verb (依照物权法) is still another law
    match = _BARE_NAME_RE.search(bare)
    if match and not match.group(1).startswith("本"):
        return match.group(1)
    return None


_BARE_NAME_RE = re.compile(r"(?:依照|依据|按照|根据|适用|违反|参照|比照|援引|和|及|、|与|或者)((?:中华人民共和国)?[\u4e00-\u9fff]{1,12}(?:法|法典))$")


def _relocate(batch: _Batch, vid: str, ref: FoundCitation) -> tuple[str | None, str]:
    """A relative 第（三）项 / 第二款 that is not in the citing paragraph / article.

    Items: another paragraph of the article (有前款所列第（一）项情形); then the
    article cited last in the same sentence (违反第十二条规定…违反第一项规定).
    """
    tries = []
    if ref.item is not None:
        tries.append(FoundCitation(ref.text, ref.start, ref.end, article=ref.article,
                                   article_suffix=ref.article_suffix, item=ref.item))
    if ref.recent_article is not None:
        number, suffix = ref.recent_article
        tries.append(FoundCitation(ref.text, ref.start, ref.end, article=number, article_suffix=suffix,
                                   paragraph=ref.paragraph if ref.item is None else None, item=ref.item))
    status = CitationStatus.ARTICLE_NOT_FOUND.value
    for attempt in tries:
        target, status = batch.locate(vid, attempt)
        if target is not None:
            ref.article, ref.article_suffix = attempt.article, attempt.article_suffix
            ref.paragraph = int(target.rsplit("/第", 2)[1].rstrip("款")) if ref.item is not None else attempt.paragraph
            return target, status
    return None, status


def _citations_of(batch: _Batch, parsed: ParsedStatute) -> list[tuple[Citation, str]]:
    """Citations of one version with the provision each comes from."""
    version = parsed.version
    vid = version.id
    at = _citing_date(version)
    out: list[tuple[Citation, str]] = []
    by_id = {p.id: p for p in parsed.provisions}
    for pid, lead in parsed.leads.items():
        if "第" not in lead and "《" not in lead and "前" not in lead:
            continue
        provision = by_id[pid]
        position = (provision.article, provision.article_suffix) if provision.article is not None else None
        refs = find_citations(lead, article=position, paragraph=provision.paragraph, item=provision.item)
        n = 0
        for ref in refs:
            if ref.law is not None and name_key(ref.law) in GENERIC_NAMES:
                continue  # 《条例》 for "the regulation": a defined short name, not a title
            name = ref.law
            if name is None and ref.bare_law:
                name = _bare_law(batch, ref.bare_law)
            if name is not None and batch.index.find(name)[:1] == [parsed.law.id]:
                if ref.law_only:
                    continue  # the law naming itself
                name = None
            n += 1
            citation = Citation(
                id_=f"{pid}#c{n}", source=pid, text=ref.text, article=ref.article,
                article_suffix=ref.article_suffix, paragraph=ref.paragraph, item=ref.item,
            )
            if name is None:
                citation.law, citation.version = parsed.law.id, vid
                target, status = batch.locate(vid, ref)
                if target is None and ref.relative:
                    target, status = _relocate(batch, vid, ref)
                    citation.article, citation.article_suffix = ref.article, ref.article_suffix
                    citation.paragraph = ref.paragraph
                citation.target, citation.status = target, CitationStatus(status)
                batch.internal_found += 1
                batch.internal_resolved += status == CitationStatus.RESOLVED.value
            else:
                batch.resolve_external(citation, name, at, parsed.law.id)
            out.append((citation, pid))
    return out


def provision_node(p: Provision) -> Node:
    """``p.to_node()``, written out: the generic version costs a third of a whole-corpus load."""
    props: dict[str, object] = {"id_": p.id_, "version": p.version, "kind": p.kind.value, "number": p.number}
    if p.suffix:
        props["suffix"] = p.suffix
    if p.label:
        props["label"] = p.label
    if p.heading:
        props["heading"] = p.heading
    if p.text:
        props["text"] = p.text
    if p.article is not None:
        props["article"] = p.article
    if p.article_suffix:
        props["article_suffix"] = p.article_suffix
    if p.paragraph is not None:
        props["paragraph"] = p.paragraph
    if p.item is not None:
        props["item"] = p.item
    if p.order:
        props["order"] = p.order
    if p.divides:
        props["divides"] = list(p.divides)
    if p.by_duty:
        props["by_duty"] = True
    if p.conduct:
        props["conduct"] = p.conduct
    return Node(p.id_, Provision.LABEL, props)


def _citation_edges(citation: Citation, source: str) -> list[Edge]:
    edges = [Edge(source, citation.id, EdgeType.CITES.value)]
    if citation.target:
        edges.append(Edge(citation.id, citation.target, EdgeType.RESOLVES_TO.value))
    return edges


def _descendants(store: Store, root: str) -> set[str]:
    """Provisions, citations and clauses hanging from a stored version (to drop stale ones on reload)."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        for edge in store.out_edges(node):
            if edge.type in (EdgeType.CONTAINS.value, EdgeType.CITES.value, EdgeType.HAS_CLAUSE.value) \
                    and edge.dst not in seen:
                seen.add(edge.dst)
                if edge.type == EdgeType.CONTAINS.value:
                    stack.append(edge.dst)
    return seen


def _write_structure(tx: Writer, store: Store, batch: _Batch, report: LoadReport) -> None:
    # drop provisions of reloaded versions that the new text no longer has
    stale: set[str] = set()
    for parsed in batch.parsed:
        if store.get(parsed.version.id) is not None:
            stale |= _descendants(store, parsed.version.id)
    # provisions kept keep their incoming edges (power items resting on them);
    # citations and clauses are all rewritten below
    stale -= batch.ids
    if stale:
        tx.remove_nodes(stale)

    laws: dict[str, Law] = {}
    for parsed in batch.parsed:
        laws[parsed.law.id] = parsed.law
    tx.add_nodes(law.to_node() for law in laws.values())

    # statuses over stored and new versions of each touched law: the batch's laws and the laws its texts repeal
    stated = stated_repeals(batch.index)
    touched = set(laws) | {target for p in batch.parsed for target in _targets(batch.index, p.version)}
    stored: dict[str, LawVersion] = {}
    for law_id in touched:
        for version in batch.index.versions(law_id):
            stored[version.id] = version
    new_versions = {p.version.id: p for p in batch.parsed}
    by_law: dict[str, list[LawVersion]] = defaultdict(list)
    for version in stored.values():
        by_law[version.law].append(version)
    all_statuses: dict[str, VersionStatus] = {}
    for law_id, versions in by_law.items():
        expired = {v.id: (new_versions[v.id].expired if v.id in new_versions
                          else v.status == VersionStatus.REPEALED and not v.repealed_by)
                   for v in versions}
        repeals = {v.id: repeal_of(stated.get(law_id, ()), v) for v in versions}
        statuses = version_statuses(versions, {v: expired[v] or repeals[v] is not None for v in expired}, batch.today)
        all_statuses.update(statuses)
        ordered = sorted(versions, key=lambda v: (v.date, v.effective or ""))
        for version in ordered:
            status = statuses[version.id]
            repeal = repeals[version.id] if status == VersionStatus.REPEALED else None
            by = {"repealed_by": repeal.provision if repeal else None,
                  "repealed_on": repeal.cutoff if repeal else None,
                  "repeal_text": repeal.sentence if repeal else None}
            if version.id in new_versions:
                version.status = status
                for key, value in by.items():
                    setattr(version, key, value)
            elif version.status != status or version.repealed_by != by["repealed_by"]:
                tx.update_props(version.id, status=status.value, **by)
        old_links = [(e.src, e.dst, e.type) for v in ordered for e in store.out_edges(v.id, EdgeType.SUPERSEDES.value)]
        if old_links:
            tx.remove_edges(old_links)
    tx.add_nodes(p.version.to_node() for p in batch.parsed)
    edges: list[Edge] = []
    for law_id, versions in by_law.items():
        ordered = sorted(versions, key=lambda v: (v.date, v.effective or ""))
        for older, newer in zip(ordered, ordered[1:]):
            edges.append(Edge(newer.id, older.id, EdgeType.SUPERSEDES.value))
    # repealing version -> repealed law, whichever of the two was loaded first
    edges.extend(Edge(r.version, law_id, EdgeType.REPEALS.value) for law_id in touched
                 for r in stated.get(law_id, ()) if law_id in laws or r.version in new_versions)
    for parsed in batch.parsed:
        edges.append(Edge(parsed.law.id, parsed.version.id, EdgeType.HAS_VERSION.value))
        tx.add_nodes(provision_node(p) for p in parsed.provisions)
        edges.extend(Edge(parent, child, EdgeType.CONTAINS.value) for child, parent in parsed.parents.items())
        report.counts["law_versions"] += 1
        report.counts["provisions"] += len(parsed.provisions)
        report.counts["articles"] += sum(1 for p in parsed.provisions if p.kind == ProvisionKind.ARTICLE)
    tx.add_edges(edges)
    _write_alignment(tx, store, batch, by_law, all_statuses)


def _write_alignment(tx: Writer, store: Store, batch: _Batch, by_law: dict[str, list[LawVersion]],
                     statuses: dict[str, VersionStatus]) -> None:
    """CORRESPONDS_TO edges between the articles of consecutive versions of every touched law (:mod:`.align`).

    Citations already stored that resolve into a version no longer in force get the article of the version in
    force that now holds the cited text (``Citation.current_target``): a list loaded before the new version of
    its law learns where its bases went.
    """
    parsed_provisions = {p.version.id: p.provisions for p in batch.parsed}
    old_links: list[tuple[str, str, str]] = []
    edges: list[Edge] = []
    for law_id, versions in by_law.items():
        if len(versions) < 2:
            continue
        ordered = sorted(versions, key=lambda v: (v.date, v.effective or ""))
        units: dict[str, list[tuple[str, int, int | None, int]]] = {}  # version -> (id, order, article, suffix)
        articles: dict[str, list[tuple[str, str]]] = {}
        for version in ordered:
            if version.id in parsed_provisions:
                provisions = [(p.id, p.kind.value, p.order, p.text, p.article, p.article_suffix)
                              for p in parsed_provisions[version.id]]
            else:
                provisions = [(n.id, n.props.get("kind"), n.props.get("order", 0), n.props.get("text", ""),
                               n.props.get("article"), n.props.get("article_suffix", 0))
                              for n in store.nodes("Provision", version=version.id)]
            rows = sorted((p for p in provisions if p[1] == ProvisionKind.ARTICLE.value), key=lambda p: p[2])
            if version.id not in parsed_provisions:
                old_links.extend((p[0], e.dst, e.type) for p in rows for e in store.out_edges(p[0], EdgeType.CORRESPONDS_TO.value))
            articles[version.id] = [(p[0], p[3]) for p in rows]
            units[version.id] = [(p[0], p[2], p[4], p[5] or 0) for p in provisions if p[4] is not None]
        following: dict[str, str] = {}
        for older, newer in zip(ordered, ordered[1:]):
            for pair in align_articles(articles[older.id], articles[newer.id]):
                edges.append(Edge(pair.old, pair.new, EdgeType.CORRESPONDS_TO.value))
                following[pair.old] = pair.new
        batch.following.update(following)
        in_force = [v for v in ordered if statuses.get(v.id) == VersionStatus.IN_FORCE]
        if in_force:
            batch.in_force[law_id] = in_force[-1].id
            _update_current_targets(tx, store, ordered, in_force[-1], units, following)
    if old_links:
        tx.remove_edges(old_links)
    tx.add_edges(edges)


def _update_current_targets(tx: Writer, store: Store, ordered: list[LawVersion], current: LawVersion,
                            units: dict[str, list[tuple[str, int, int | None, int]]], following: dict[str, str]) -> None:
    """Set ``current_target`` on the stored power-item citations resolving into versions before ``current``."""
    for version in ordered:
        if version.id == current.id or (version.date, version.effective or "") > (current.date, current.effective or ""):
            continue
        for unit_id, _, article, suffix in units[version.id]:
            citing = [c for c in store.sources(unit_id, EdgeType.RESOLVES_TO.value) if c.label == "Citation" and "#c" in c.id]
            if not citing:
                continue
            target: str | None = article_id(version.id, article, suffix)
            while target and not target.startswith(current.id + "/"):
                target = following.get(target, "")
            for citation in citing:
                if citation.props.get("current_target") != target:
                    tx.update_props(citation.id, current_target=target)


@dataclass(frozen=True)
class _Repeal:
    target: str  # law id
    version: str  # the repealing LawVersion
    provision: str  # the repealing article
    cutoff: str  # versions of the target made before this date end
    sentence: str


def _repeal_targets(index: LawIndex, version: LawVersion) -> Iterator[_Repeal]:
    """Each repeal ``version`` states, resolved to a loaded law.

    The repeal ends the versions of the target made before the cut-off: the date the repealing text took
    effect, or, when a law repeals an earlier text of its own title (1994年发布的《基本农田保护条例》同时废止
    in the 1998 regulation), the earliest date of the repealing text, so that it never ends itself.
    """
    for entry in version.repeals:
        provision, _, rest = entry.partition("\t")
        title, _, sentence = rest.partition("\t")
        found = index.find(title)
        if not found:
            continue
        target = found[0]
        if ("试行" in title) != ("试行" in target):  # 民事诉讼法（试行） is not 民事诉讼法
            continue
        if target == version.law:
            # dates of one text may disagree in the metadata: the earliest, so the text never ends itself
            cutoff = min(d for d in (version.date, version.promulgated, version.effective) if d)
        else:
            cutoff = version.effective or version.date
        yield _Repeal(target, version.id, provision, cutoff, sentence)


def _targets(index: LawIndex, version: LawVersion) -> list[str]:
    return sorted({r.target for r in _repeal_targets(index, version)})


def stated_repeals(index: LawIndex) -> dict[str, list[_Repeal]]:
    """Target law id -> the repeals of it stated by any text the index knows that has taken effect."""
    stated: dict[str, list[_Repeal]] = defaultdict(list)
    for law_id in index.laws():
        for version in index.versions(law_id):
            if not version.repeals or (version.effective or version.date) > index.today:
                continue  # a text not yet in force repeals nothing yet
            for repeal in _repeal_targets(index, version):
                stated[repeal.target].append(repeal)
    return stated


def repeal_of(stated: Iterable[_Repeal], version: LawVersion) -> _Repeal | None:
    """The first stated repeal that ends ``version`` (made before the repeal's cut-off), or None.

    >>> v = LawVersion("L", "2013-07-18", "L")
    >>> repeal_of([_Repeal("L", "M/2024-02-03", "M/2024-02-03/第76条", "2024-05-01", "《L》同时废止。")], v).provision
    'M/2024-02-03/第76条'
    >>> repeal_of([_Repeal("L", "M/2009", "M/2009/第9条", "2010-01-01", "")], v) is None
    True
    """
    for repeal in sorted(stated, key=lambda r: (r.cutoff, r.provision)):
        if version.date < repeal.cutoff and version.date != UNDATED:
            return repeal
    return None


def _resolve_pending_statute_citations(tx: Writer, store: Store, batch: _Batch, report: LoadReport) -> int:
    """Re-resolve stored statute citations that were law_not_loaded, or version_not_loaded (the batch may hold
    the version in force when they were made), and name a law of this batch."""
    done = 0
    new_laws = batch.batch_laws
    pending = [node for status in (CitationStatus.LAW_NOT_LOADED, CitationStatus.VERSION_NOT_LOADED)
               for node in store.nodes("Citation", status=status.value)]
    for node in pending:
        citation = Citation.from_node(node)
        if citation.source in batch.ids or not citation.law:
            continue
        source = store.get(citation.source)
        if source is None or source.label != "Provision":
            continue  # power-item citations: the power-list loader re-resolves them
        found = batch.index.find(citation.law)
        if not found or found[0] not in new_laws:
            continue
        version_node = store.get(source.props.get("version", ""))
        at = None
        if version_node is not None:
            at = _citing_date(LawVersion.from_node(version_node))
        before = citation.status
        batch.resolve_external(citation, citation.law, at, "")
        if citation.status in (CitationStatus.LAW_NOT_LOADED, before):
            continue
        tx.add_node(citation.to_node())
        if citation.target:
            tx.add_edge(Edge(citation.id, citation.target, EdgeType.RESOLVES_TO.value))
        done += 1
    return done


def _write_clauses(tx: Writer, batch: _Batch, report: LoadReport) -> None:
    try:
        from loaders import nlp  # the NLP helper's module
        extract = nlp.extract_clauses
    except (ImportError, AttributeError) as exc:
        report.warn("clauses", f"authorising-clause extraction is not available ({exc}); clauses skipped")
        return
    for parsed in batch.parsed:
        try:
            clauses = extract(parsed.version, parsed.provisions)
        except Exception as exc:  # one version failing must not sink the batch
            report.warn(str(parsed.files[0]), f"clause extraction failed ({type(exc).__name__}: {exc})")
            continue
        nodes: list[Node] = []
        edges: list[Edge] = []
        seen: set[str] = set()
        for clause in clauses:
            if clause.id in seen or clause.provision not in batch.ids:
                continue
            seen.add(clause.id)
            role = Role(clause.level or "", clause.sector or "")
            nodes.append(clause.to_node())
            nodes.append(role.to_node())
            edges.append(Edge(clause.provision, clause.id, EdgeType.HAS_CLAUSE.value))
            edges.append(Edge(clause.id, role.id, EdgeType.AUTHORISES.value))
            for law, number in clause.triggers:
                if law == parsed.law.id:
                    target = article_id(parsed.version.id, number)
                    if target in batch.ids:
                        edges.append(Edge(clause.id, target, EdgeType.TRIGGERED_BY.value))
        tx.add_nodes(nodes)
        tx.add_edges(edges)
        report.counts["clauses"] += len(seen)


def _compare_versions(parsed_all: list[ParsedStatute]) -> None:
    """Record a version far shorter than another loaded version of its law as cut short."""
    counts: dict[str, list[int]] = defaultdict(list)
    for parsed in parsed_all:
        counts[parsed.version.law].append(len(parsed.articles))
    for parsed in parsed_all:
        others = [n for n in counts[parsed.version.law]]
        if len(others) > 1:
            parsed.version.truncated = truncation_of(parsed.articles, others)


def load_laws(store: Store, paths: Iterable[str | Path], *, extract_clauses: bool = True,
              progress: Progress | None = None, today: str | None = None) -> LoadReport:
    """Load statute files and folders (recursive) into ``store`` in one transaction.

    Every file is loaded, skipped with a reason, or reported as an error; a
    bad file never stops the batch.  Counts in the report: law_versions,
    articles, provisions, citations, citations_resolved, clauses.
    """
    report = LoadReport()
    today = today or _date.today().isoformat()
    files, roots = _collect(paths, report)
    tables: dict[Path, Metadata | None] = {}
    stops = metadata_stops(roots)
    table_of_folder: dict[Path, Path | None] = {}  # the table depends on the file's folder only
    sources: list[_Source] = []
    total = len(files)
    for done, file in enumerate(files):
        if progress is not None:
            progress(done, total, str(file))
        try:
            doc = read_document(file)
        except ReadError as exc:
            report.error(str(file), str(exc))
            continue
        except Exception as exc:  # a damaged file of a kind we did not foresee
            report.error(str(file), f"cannot read ({type(exc).__name__}: {exc})")
            continue
        reason = _not_a_statute(doc)
        if reason:
            report.skip(str(file), reason)
            continue
        row = None
        if file.parent not in table_of_folder:
            table_of_folder[file.parent] = find_metadata(file, roots, stops=stops)
        table_path = table_of_folder[file.parent]
        if table_path is not None:
            if table_path not in tables:
                try:
                    tables[table_path] = Metadata.read(table_path)
                except (ValueError, OSError) as exc:
                    report.warn(str(table_path), f"metadata not used: {exc}")
                    tables[table_path] = None
            table = tables[table_path]
            if table is not None:
                row = table.lookup(file, doc.stem, doc.file_date)
        sources.append(_Source(doc, row))
    if progress is not None:
        progress(total, total, "")

    # files of one version (the parts of 民法典) are parsed together
    groups: dict[str, list[_Source]] = defaultdict(list)
    for source in sources:
        try:
            version = _version_of(source)
        except Exception as exc:
            report.error(str(source.doc.path), f"cannot read the info lines ({type(exc).__name__}: {exc})")
            continue
        groups[version.id].append(source)
    parsed_all: list[ParsedStatute] = []
    for vid, group in groups.items():
        subtitles = {s.doc.subtitle for s in group}
        if len(group) > 1 and len(subtitles) < len(group):
            # the same version twice (a copy): keep the first, report the others
            kept: dict[str, _Source] = {}
            for source in group:
                if source.doc.subtitle in kept:
                    report.skip(str(source.doc.path), f"duplicate of {kept[source.doc.subtitle].doc.path} ({vid})")
                else:
                    kept[source.doc.subtitle] = source
            group = list(kept.values())
        try:
            parsed = _parse_group(group)
        except Exception as exc:
            for source in group:
                report.error(str(source.doc.path), f"cannot parse ({type(exc).__name__}: {exc})")
            continue
        if not parsed.articles:
            for source in group:
                report.skip(str(source.doc.path), "no articles (第…条) found: not a statute text")
            continue
        for warning in parsed.warnings:
            report.warn(str(parsed.files[0]), warning)
        parsed_all.append(parsed)
        report.loaded.extend(str(f) for f in parsed.files)
    if not parsed_all:
        return report
    _compare_versions(parsed_all)

    if progress is not None:
        progress(total, total, "writing the graph")
    with store.transaction() as tx:
        batch = _Batch(store, parsed_all, today)
        _write_structure(tx, store, batch, report)
        citation_count = resolved = 0
        for parsed in parsed_all:
            cited = _citations_of(batch, parsed)
            if not cited:
                continue
            tx.add_nodes(c.to_node() for c, _ in cited)
            tx.add_edges(e for c, source in cited for e in _citation_edges(c, source))
            citation_count += len(cited)
            resolved += sum(1 for c, _ in cited if c.status == CitationStatus.RESOLVED)
        report.counts["citations"] += citation_count
        report.counts["citations_resolved"] += resolved
        reresolved = _resolve_pending_statute_citations(tx, store, batch, report)
        if reresolved:
            report.counts["citations_reresolved"] += reresolved
        if store.count("PowerItem"):
            try:
                from loaders import powerlists
            except ImportError:
                powerlists = None  # type: ignore[assignment]
            if powerlists is not None and hasattr(powerlists, "resolve_pending"):
                changed = powerlists.resolve_pending(store, tx)
                if changed:
                    report.counts["power_citations_reresolved"] += int(changed)
        if extract_clauses:
            _write_clauses(tx, batch, report)
    report.details["metadata"] = sorted(str(path) for path, table in tables.items() if table is not None)
    report.details["internal_citations"] = {
        "found": batch.internal_found,
        "resolved": batch.internal_resolved,
        "rate": round(batch.internal_resolved / batch.internal_found, 4) if batch.internal_found else None,
    }
    return report
