"""Authorising clauses of a fixed set of real national laws, for the generator.

The synthetic power lists of :mod:`bench.generate` are derived from what the
real statutes grant: every clean item rests on an article that holds an
authorising clause of the item's category.  The clauses are extracted with the
project's own pipeline (:func:`loaders.statutes.parse_file` and
:func:`loaders.nlp.extract_clauses`) and cached as JSON under ``bench/out/`` so
that generation does not rerun spaCy; the cache is keyed by the law files and
by the source of ``loaders/`` (a change of the extraction invalidates it).

The law set is fixed and ordered (:data:`DEFAULT_LAWS`): the generator's
output depends only on it, the seed and the item count.  Three laws come in two
versions so that citations of a superseded version can be injected.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

REPO = Path(__file__).resolve().parents[1]
LAWS_DIR = REPO.parent / "shared" / "corpus" / "laws"
CACHE_DIR = REPO / "bench" / "out"

# National laws that local departments enforce (market, environment,
# agriculture, land, transport, construction, safety, public security), plus
# the superseded versions of three of them.  Paths relative to the laws folder.
DEFAULT_LAWS: tuple[str, ...] = (
    "行政法/食品安全法(2021-04-29).md",
    "行政法/药品管理法(2019-08-26).md",
    "行政法/大气污染防治法(2018-10-26).md",
    "行政法/水污染防治法(2017-06-27).md",
    "行政法/噪声污染防治法(2021-12-24).md",
    "行政法/固体废物污染环境防治法(2020-04-29).md",
    "行政法/土地管理法(2019-08-26).md",
    "行政法/城乡规划法(2019-04-23).md",
    "行政法/消防法(2021-04-29).md",
    "行政法/道路交通安全法(2021-04-29).md",
    "经济法/动物防疫法(2021-01-22).md",
    "经济法/种子法(2021-12-24).md",
    "经济法/森林法(2019-12-28).md",
    "经济法/草原法(2021-04-29).md",
    "经济法/产品质量法(2018-12-29).md",
    "经济法/广告法(2021-04-29).md",
    "经济法/建筑法(2019-04-23).md",
    "经济法/水法(2016-07-02).md",
    "经济法/旅游法(2018-10-26).md",
    "经济法/公路法(2017-11-04).md",
    "社会法/安全生产法(2021-06-10).md",
    "社会法/特种设备安全法(2013-06-29).md",
    "经济法/农产品质量安全法(2018-10-26).md",
    "经济法/农产品质量安全法(2022-09-02).md",
    "经济法/畜牧法(2015-04-24).md",
    "经济法/畜牧法(2022-10-30).md",
    "经济法/野生动物保护法(2018-10-26).md",
    "经济法/野生动物保护法(2022-12-30).md",
)

# A handful for tests: small, fast to extract, one of them in two versions.
SMALL_LAWS: tuple[str, ...] = (
    "行政法/大气污染防治法(2018-10-26).md",
    "经济法/畜牧法(2015-04-24).md",
    "经济法/畜牧法(2022-10-30).md",
    "社会法/特种设备安全法(2013-06-29).md",
)


@dataclass(frozen=True)
class ArticleText:
    """One article of a law version: number, paragraphs as written."""

    number: int
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.paragraphs)


@dataclass(frozen=True)
class ClauseRecord:
    """The parts of an extracted :class:`~kg.model.AuthorisingClause` the generator uses."""

    provision: str
    law: str
    version: str
    article: int
    paragraph: int | None
    item: int | None
    category: str
    subject: str
    level: str | None
    sector: str | None
    modality: str | None
    provision_text: str = ""
    actions: tuple[str, ...] = ()


@dataclass
class LawSource:
    """One law version of the set, its articles and clauses."""

    file: str  # relative to the laws folder
    title: str  # full title, the Law id
    date: str  # version date
    rank: str
    events: tuple[str, ...]  # info lines (adoption, amendments) as written
    articles: dict[int, ArticleText] = field(default_factory=dict)
    clauses: list[ClauseRecord] = field(default_factory=list)
    current: bool = True  # newest version of its law in the set

    @property
    def max_article(self) -> int:
        return max(self.articles) if self.articles else 0


def _fingerprint(laws_dir: Path, files: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        path = laws_dir / name
        digest.update(name.encode())
        digest.update(str(path.stat().st_size).encode())
    for source in sorted((REPO / "loaders").rglob("*")):
        if source.is_file() and source.suffix != ".pyc":
            digest.update(str(source.relative_to(REPO)).encode())
            digest.update(source.read_bytes())
    digest.update(Path(__file__).read_bytes())  # the record's fields
    for source in sorted((REPO / "ontology").glob("*.csv")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _extract(laws_dir: Path, name: str) -> LawSource:
    from loaders.nlp import extract_clauses
    from loaders.statutes import parse_file

    parsed = parse_file(laws_dir / name)
    version = parsed.version
    articles: dict[int, list[tuple[int, str]]] = {}
    whole: dict[int, str] = {}
    texts_by_id = {p.id: p.text for p in parsed.provisions}
    for provision in parsed.provisions:
        kind = getattr(provision.kind, "value", provision.kind)
        if provision.article is None or provision.article_suffix:
            continue  # 之一 articles are left out: rare, and cited in odd ways
        if kind == "条":
            whole[provision.article] = provision.text
        elif kind == "款":
            articles.setdefault(provision.article, []).append((provision.paragraph or 0, provision.text))
    texts: dict[int, ArticleText] = {}
    for number, text in whole.items():
        paragraphs = tuple(t for _, t in sorted(articles.get(number, ()))) or (text,)
        texts[number] = ArticleText(number, paragraphs)
    clauses = [
        ClauseRecord(
            provision=c.provision,
            law=c.law,
            version=c.version,
            article=c.article,
            paragraph=c.paragraph,
            item=c.item,
            category=getattr(c.category, "value", c.category),
            subject=c.subject,
            level=c.level,
            sector=c.sector,
            modality=c.modality,
            provision_text=texts_by_id.get(c.provision, ""),
            actions=tuple(c.actions),
        )
        for c in extract_clauses(version, parsed.provisions)
        if not getattr(c, "article_suffix", 0)
    ]
    return LawSource(
        file=name,
        title=version.law,
        date=version.date,
        rank=getattr(version.rank, "value", version.rank),
        events=tuple(version.events),
        articles=texts,
        clauses=clauses,
    )


def _mark_current(sources: list[LawSource]) -> None:
    newest: dict[str, str] = {}
    for source in sources:
        newest[source.title] = max(newest.get(source.title, ""), source.date)
    for source in sources:
        source.current = source.date == newest[source.title]


def _to_json(sources: Iterable[LawSource]) -> list[dict]:
    out = []
    for source in sources:
        record = asdict(source)
        record["articles"] = {str(k): list(v.paragraphs) for k, v in source.articles.items()}
        out.append(record)
    return out


def _from_json(records: list[dict]) -> list[LawSource]:
    sources = []
    for record in records:
        articles = {int(k): ArticleText(int(k), tuple(v)) for k, v in record.pop("articles").items()}
        clauses = [ClauseRecord(**c) for c in record.pop("clauses")]
        record["events"] = tuple(record["events"])
        sources.append(LawSource(**record, articles=articles, clauses=clauses))
    return sources


def load_sources(
    files: Sequence[str] = DEFAULT_LAWS,
    laws_dir: Path = LAWS_DIR,
    cache_dir: Path | None = CACHE_DIR,
) -> list[LawSource]:
    """The law versions of ``files`` with their articles and extracted clauses.

    Parameters
    ----------
    files : sequence of str
        Law files relative to ``laws_dir``, in the order the generator uses them.
    laws_dir : Path
        The corpus folder of statutes.
    cache_dir : Path or None
        Where the JSON cache lives; None disables it.

    Returns
    -------
    list of LawSource
        In the order of ``files``; ``current`` marks the newest version of each law.
    """
    laws_dir = Path(laws_dir)
    missing = [name for name in files if not (laws_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{laws_dir}: law files missing: {', '.join(missing)}")
    cache = None
    if cache_dir is not None:
        cache = Path(cache_dir) / f"clauses-{_fingerprint(laws_dir, files)}.json"
        if cache.exists():
            return _from_json(json.loads(cache.read_text(encoding="utf-8")))
    sources = [_extract(laws_dir, name) for name in files]
    _mark_current(sources)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(_to_json(sources), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)
    return sources
