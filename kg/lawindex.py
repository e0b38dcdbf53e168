"""Find a cited law, its versions and articles in the store.

Citations name laws loosely: with or without 中华人民共和国, inside 《》, in
traditional characters, by a common abbreviation (环保法, 民诉法) or with a
version note ((2021年修正)).  :class:`LawIndex` maps such a name to the law
ids (full titles) in the store, and answers which version was in force at a
date and which provision is article N of a version.

It is built in one pass over the ``Law`` and ``LawVersion`` nodes, so a loader
can afford to build it once per load; :meth:`LawIndex.add` registers laws of
the batch being loaded before they are committed.

>>> from kg.embedded import EmbeddedStore
>>> from kg.model import Law, LawVersion, Rank
>>> import tempfile, pathlib
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "x.kg")
>>> law = Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW)
>>> old = LawVersion(law.id, "2018-12-29", law.title, effective="2018-12-29")
>>> new = LawVersion(law.id, "2021-04-29", law.title, effective="2021-04-29")
>>> with store.transaction() as tx:
...     tx.add_nodes([law.to_node(), old.to_node(), new.to_node()])
>>> index = LawIndex(store)
>>> index.find("《食品安全法》")
['中华人民共和国食品安全法']
>>> index.find("食品安全法(2021年修正)")
['中华人民共和国食品安全法']
>>> index.version_at("中华人民共和国食品安全法", "2019-06-01").date
'2018-12-29'
>>> index.version_at("中华人民共和国食品安全法", None).date
'2021-04-29'
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as _date
from typing import Iterable

from .model import Law, LawVersion, Provision, VersionStatus, article_id
from .store import Store
from .text import normalise, strip_prc

PRC = "中华人民共和国"

# Common short names in power lists and statutes -> the name without 中华人民共和国.
ABBREVIATIONS: dict[str, str] = {
    "环保法": "环境保护法",
    "环评法": "环境影响评价法",
    "大气法": "大气污染防治法",
    "水污染法": "水污染防治法",
    "固废法": "固体废物污染环境防治法",
    "道交法": "道路交通安全法",
    "道路交通法": "道路交通安全法",
    "治安处罚法": "治安管理处罚法",
    "民诉法": "民事诉讼法",
    "刑诉法": "刑事诉讼法",
    "行诉法": "行政诉讼法",
    "个保法": "个人信息保护法",
    "食安法": "食品安全法",
    "消法": "消费者权益保护法",
    "消费者保护法": "消费者权益保护法",
    "药品法": "药品管理法",
    "土地法": "土地管理法",
    "城规法": "城乡规划法",
    "规划法": "城乡规划法",
}

# Spelled-out organs that citations abbreviate.
_ORGAN_ABBREVIATIONS = (
    ("全国人大常委会", "全国人民代表大会常务委员会"),
    ("全国人大", "全国人民代表大会"),
)

# Version notes that follow a title: (2021年修正), （2018年修订）, [2015], (试行) is kept.
_VERSION_NOTE_RE = re.compile(r"[（(\[【][^（()）\]】]*?(?:\d{4}|修正|修订|修改|版|公布|施行)[^（()）\]】]*?[)）\]】]\s*$")
_WRAPPERS_RE = re.compile(r"^[《〈<\"“\s]+|[》〉>\"”\s]+$")
_SPACE_RE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A cited name in canonical form: simplified, no 《》, no spaces, no version note.

    >>> name_key(" 《中華人民共和國食品安全法》（2021年修正） ")
    '中华人民共和国食品安全法'
    """
    name = _SPACE_RE.sub("", normalise(name))
    name = _WRAPPERS_RE.sub("", name)
    while True:
        stripped = _VERSION_NOTE_RE.sub("", name)
        if stripped == name:
            break
        name = stripped
    # nested titles are written 〈〉 inside 《》 and 《》 in a bare title
    return _WRAPPERS_RE.sub("", name).replace("〈", "《").replace("〉", "》")


def _expand_organs(name: str) -> str:
    for short, full in _ORGAN_ABBREVIATIONS:
        if short in name and full not in name:
            name = name.replace(short, full)
    return name


class LawIndex:
    """Laws and versions of a store, looked up by the names citations use.

    Parameters
    ----------
    store : Store
        The store to read ``Law`` and ``LawVersion`` nodes from.
    today : str, optional
        ISO date that counts as *now* (default: today's date).
    unread : bool
        Read the laws and versions without the rest of the graph where the store can
        (:meth:`kg.store.Store.nodes_unread`): a command refusing an unknown law does not wait for it all.
    """

    def __init__(self, store: Store | None, today: str | None = None, *, unread: bool = False) -> None:
        self.store = store
        self.today = today or _date.today().isoformat()
        self._laws: dict[str, Law] = {}
        self._versions: dict[str, dict[str, LawVersion]] = defaultdict(dict)  # law id -> version id -> version
        self._names: dict[str, list[str]] = defaultdict(list)  # name key -> law ids
        self._articles: dict[str, Provision] = {}  # articles registered by add()
        self._sorted: dict[str, list[LawVersion]] = {}
        if store is not None:
            nodes = store.nodes_unread if unread else store.nodes
            for node in nodes("Law"):
                self._add_law(Law.from_node(node))
            for node in nodes("LawVersion"):
                version = LawVersion.from_node(node)
                self._add_version(version)

    # --- building ------------------------------------------------------------

    def add(self, law: Law, versions: Iterable[LawVersion] = (), articles: Iterable[Provision] = ()) -> None:
        """Register a law (and versions, articles) not yet committed to the store."""
        self._add_law(law)
        for version in versions:
            self._add_version(version)
        for provision in articles:
            self._articles[provision.id] = provision

    def _add_law(self, law: Law) -> None:
        if law.id not in self._laws:
            for key in {law.title, strip_prc(law.title), law.short_title}:
                if key:
                    self._name(name_key(key), law.id)
        self._laws[law.id] = law

    def _add_version(self, version: LawVersion) -> None:
        if version.law not in self._laws:
            self._add_law(Law(version.law, strip_prc(version.law), version.rank, version.region))
        self._versions[version.law][version.id] = version
        self._sorted.pop(version.law, None)
        if version.title and version.title != version.law:  # a renamed law keeps its old titles findable
            self._name(name_key(version.title), version.law)

    def _name(self, key: str, law_id: str) -> None:
        ids = self._names[key]
        if law_id not in ids:
            ids.append(law_id)

    # --- lookups --------------------------------------------------------------

    def __contains__(self, law_id: str) -> bool:
        return law_id in self._laws

    def law(self, law_id: str) -> Law | None:
        return self._laws.get(law_id)

    def laws(self) -> list[str]:
        return list(self._laws)

    def find(self, name: str) -> list[str]:
        """Law ids for a cited name, best first (the exact title first).

        >>> index = LawIndex(None)
        >>> index.add(Law("中华人民共和国环境保护法", "环境保护法"))
        >>> index.find("环保法"), index.find("中华人民共和国环境保护法"), index.find("水法")
        (['中华人民共和国环境保护法'], ['中华人民共和国环境保护法'], [])
        """
        key = name_key(name)
        if not key:
            return []
        found: list[str] = []

        def take(candidate: str) -> None:
            for law_id in self._names.get(candidate, ()):
                if law_id not in found:
                    found.append(law_id)

        if key in self._laws:
            found.append(key)
        take(key)
        bare = strip_prc(key)
        take(bare)
        take(PRC + bare)
        expanded = _expand_organs(bare)
        if expanded != bare:
            take(expanded)
        if not found and bare in ABBREVIATIONS:
            full = ABBREVIATIONS[bare]
            take(full)
            take(PRC + full)
        return found

    def similar(self, name: str, n: int = 5) -> list[str]:
        """Law ids whose titles are nearest ``name``, for an error that cannot find it: titles holding the name
        first (农产品质量安全 -> 中华人民共和国农产品质量安全法), then the closest spellings.

        >>> index = LawIndex(None)
        >>> index.add(Law("中华人民共和国农产品质量安全法", "农产品质量安全法"))
        >>> index.add(Law("中华人民共和国食品安全法", "食品安全法"))
        >>> index.similar("农产品质量安全"), index.similar("食品安全发")
        (['中华人民共和国农产品质量安全法'], ['中华人民共和国食品安全法'])
        """
        import difflib

        bare = strip_prc(name_key(name))
        if not bare:
            return []
        titles = {strip_prc(law_id): law_id for law_id in self._laws}
        holding = sorted((t for t in titles if bare in t), key=lambda t: (len(t), t))
        near = difflib.get_close_matches(bare, list(titles), n=n, cutoff=0.6)
        return list(dict.fromkeys(titles[t] for t in holding + near))[:n]

    def versions(self, law_id: str) -> list[LawVersion]:
        """The law's versions, oldest first."""
        ordered = self._sorted.get(law_id)
        if ordered is None:
            ordered = sorted(self._versions.get(law_id, {}).values(), key=lambda v: (v.date, v.effective or ""))
            self._sorted[law_id] = ordered
        return list(ordered)

    def version_at(self, law_id: str, date: str | None, *, strict: bool = False) -> LawVersion | None:
        """The version of ``law_id`` in force at ISO ``date``.

        ``date=None`` means now: the newest version in force, else the newest
        version.  When ``date`` is before every loaded version took effect,
        the earliest version is returned (the corpus often holds only later
        texts), or None when ``strict``.
        """
        versions = self.versions(law_id)
        if not versions:
            return None
        if date is None:
            in_force = [v for v in versions if v.status == VersionStatus.IN_FORCE]
            return (in_force or versions)[-1]
        date = date[:10]
        started = [v for v in versions if (v.effective or v.date) <= date]
        if started:
            return started[-1]
        return None if strict else versions[0]

    def version(self, version_id: str) -> LawVersion | None:
        law_id = version_id.rsplit("/", 1)[0]
        return self._versions.get(law_id, {}).get(version_id)

    def article(self, version_id: str, number: int, suffix: int = 0) -> Provision | None:
        """Article ``number`` (之 ``suffix``) of a version, or None."""
        aid = article_id(version_id, number, suffix)
        provision = self._articles.get(aid)
        if provision is not None:
            return provision
        if self.store is None:
            return None
        node = self.store.get(aid)
        if node is None or node.label != "Provision":
            return None
        return Provision.from_node(node)
