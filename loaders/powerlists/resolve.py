"""Resolve parsed basis citations against the laws in the store.

A citation resolves to the law version it names (its version note's newest
date) or else the version in force at the list's date, then to the cited
article, paragraph or item (or to the version itself when it names no
article).  Where the list quotes the article's text, the quote is compared
with the target's text (punctuation and whitespace ignored, kg.text.squeeze):
``quote_similarity`` is the share of the quote found in the provision, in
runs of four or more characters.  A low similarity with a better match
elsewhere in the same version (a renumbered or amended article) is recorded
as ``quote_best_match``.

One case is resolved by the quote instead: the note names a version older
than every loaded version (种子法 2015 cited, only 2021 loaded) and the quote
matches another article of the loaded version nearly exactly and clearly
better than the article of that number (shared boilerplate such as 由县级以上
人民政府…主管部门责令改正 keeps the wrong one from scoring zero).  The citation then resolves to the provision holding the
quoted text; its ``article`` keeps the number as cited, so the renumbering
shows as ``article`` differing from the target's number.  When another article
holds most of the quote (:data:`AMENDED_AT`) while the same-numbered one is
another text, the citation resolves to that article with the quote's lower
similarity (amended and renumbered: a stale basis, not a missing one).  When
no article holds the quote and the same-numbered one is another text, the
status is ``article_not_found`` (the cited provision is not in the store).

A cited article beyond the last article of a version whose loaded text looks
cut short (``LawVersion.truncated``, set by the statute loader: a 3-article
file of a 89-article regulation) is ``text_incomplete``: not verifiable here,
rather than missing from the law.

>>> quote_cover("县级以上人民政府农业农村主管部门责令改正", "由县级以上地方人民政府农业农村主管部门责令改正，处三千元以上一万元以下罚款。")
1.0
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Iterable

from kg.lawindex import LawIndex, name_key
from kg.model import CitationStatus, EdgeType, LawVersion, Node, Provision, ProvisionKind, VersionStatus, item_id, paragraph_id
from kg.store import Store
from kg.text import strip_prc, squeeze

from .citations import ParsedCitation
from .departments import PROVINCES

MIN_BLOCK = 4  # shorter common runs are chance (的, 部门, 规定)
QUOTE_LIMIT = 1500  # characters of a quote compared
BEST_MATCH_GAIN = 0.15
RETARGET_AT = 0.85  # a quote this like another article of a newer version: the article was renumbered
AMENDED_AT = 0.6  # a quote this like another article of a newer version, when its own number holds another text: amended there
UNRELATED_BELOW = 0.3  # a quote this unlike the same-numbered article of a newer version: not that provision
# Memo sizes.  A list cites the same articles with the same quotes in every government's part (the 1M-row
# benchmark list: 1.09M citations, 36k distinct, every repeat among the 2**15 most recent); the bounds keep
# a long run from holding every one it ever saw.
RESOLVE_MEMO = 2**15  # citations per Resolver
COVER_MEMO = 2**14  # (quote, provision text) pairs, kept between loads


# Short names power lists use beyond kg.lawindex.ABBREVIATIONS.
SHORT_NAMES = {
    "税收征管法": "税收征收管理法",
    "监督法": "各级人民代表大会常务委员会监督法",
    "土地法实施条例": "土地管理法实施条例",
    "食品安全法实施细则": "食品安全法实施条例",
}


@dataclass
class Resolution:
    status: CitationStatus
    law: str | None = None  # law id (full title) when found
    version: str | None = None
    target: str | None = None
    quote_similarity: float | None = None
    quote_best_match: str | None = None
    quote_best_similarity: float | None = None
    current_target: str | None = None  # Citation.current_target


def quote_cover(quote: str, text: str) -> float:
    """Share of ``quote`` (squeezed) found in ``text`` in common runs of 4+ characters."""
    return _quote_cover(quote, text)


@functools.lru_cache(maxsize=COVER_MEMO)
def _quote_cover(quote: str, text: str) -> float:
    q = squeeze(quote)[:QUOTE_LIMIT]
    t = squeeze(text)
    if not q or not t:
        return 0.0
    if q in t:
        # the longest common block is the whole quote: what SequenceMatcher finds, without its cost
        return 1.0 if len(q) >= MIN_BLOCK else 0.0
    matcher = SequenceMatcher(None, q, t, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks() if block.size >= MIN_BLOCK)
    return round(min(1.0, matched / len(q)), 3)


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


class Resolver:
    """Resolves citations; caches law lookups and each version's articles.

    Parameters
    ----------
    store : Store
        Holds the laws.
    get : callable, optional
        Node lookup to use instead of ``store.get`` (a transaction's ``get``,
        which sees laws written in the same transaction).
    province : str, optional
        Expands 自治区/省 at the start of a cited title (自治区实施《…》办法).
    """

    def __init__(self, store: Store, *, get: Callable[[str], Node | None] | None = None, province: str | None = None,
                 index: LawIndex | None = None) -> None:
        self.store = store
        self.get = get or store.get
        self.index = index or LawIndex(store)
        self.province = province
        self._found: dict[tuple[str, str | None], tuple[list[str], bool]] = {}
        self._articles: dict[str, list[tuple[str, str, set[str]]]] = {}
        self._last: dict[str, int] = {}
        # the result depends only on the citation, the date and the laws, which do not change while a
        # Resolver is in use (it already caches law lookups and articles on that ground)
        self._resolve_memo = functools.lru_cache(maxsize=RESOLVE_MEMO)(self._resolve)
        self._best_memo = functools.lru_cache(maxsize=RESOLVE_MEMO)(self._best_match)

    # --- laws ----------------------------------------------------------------------

    def _candidates(self, title: str) -> list[str]:
        key = name_key(title)
        # a misspelt state name (中国人民共和国, 中华人名共和国) is the PRC prefix
        key = re.sub(r"^中[华国]?人[民名]共和国", "中华人民共和国", key)
        names = [title, key]
        if self.province:
            short = self.province.replace("维吾尔自治区", "").replace("壮族自治区", "").replace("回族自治区", "").replace("自治区", "").replace("省", "")
            for prefix in ("自治区", "省", "全区", short):
                if prefix and key.startswith(prefix) and not key.startswith(self.province):
                    names.append(self.province + key[len(prefix):])
        bare = strip_prc(key)
        if bare in SHORT_NAMES:
            names.append(SHORT_NAMES[bare])
        if "（试行）" in key or "(试行)" in key:
            names.append(key.replace("（试行）", "").replace("(试行)", ""))
        for name in names:
            found = self.index.find(name)
            if found:
                return found
        return []

    def find_law(self, title: str, tag: str | None) -> tuple[list[str], bool]:
        """(law ids, ambiguous) for a cited title."""
        cache_key = (title, tag)
        if cache_key in self._found:
            return self._found[cache_key]
        ids = self._candidates(title)
        ambiguous = False
        if len(ids) > 1:
            key = strip_prc(name_key(title))
            exact = [i for i in ids if strip_prc(i) == key]
            if len(exact) == 1:
                ids = exact
            else:
                local = tag is not None and ("地方" in tag or tag == "法规" and any(p in key for p in PROVINCES))
                ranked = [i for i in ids if (self.index.law(i) and self.index.law(i).region) == (None if not local else self.index.law(i).region)]
                if len(ranked) == 1:
                    ids = ranked
                else:
                    ambiguous = True
        self._found[cache_key] = (ids, ambiguous)
        return ids, ambiguous

    # --- provisions ----------------------------------------------------------------

    def _provision(self, node_id: str) -> Provision | None:
        node = self.get(node_id)
        if node is None or node.label != "Provision":
            return None
        return Provision.from_node(node)

    def _unit(self, article: Provision, paragraph: int | None, item: int | None) -> Provision:
        """The cited paragraph or item of an article (the article when it is not found)."""
        base = article
        if paragraph:
            found = self._provision(paragraph_id(article.id, paragraph))
            if found is not None:
                base = found
        if item:
            parents = [base.id] if base is not article else [paragraph_id(article.id, 1), article.id]
            for parent in parents:
                found = self._provision(item_id(parent, item))
                if found is not None:
                    return found
            for edge in self.store.out_edges(base.id, "CONTAINS"):  # items under some paragraph
                node = self.get(edge.dst)
                if node is None:
                    continue
                for sub in self.store.out_edges(edge.dst, "CONTAINS"):
                    unit = self._provision(sub.dst)
                    if unit is not None and unit.kind == ProvisionKind.ITEM and unit.item == item:
                        return unit
        return base

    def _version_articles(self, version_id: str) -> list[tuple[str, str, set[str]]]:
        articles = self._articles.get(version_id)
        if articles is None:
            articles = []
            for node in self.store.nodes("Provision", version=version_id):
                if node.props.get("kind") == ProvisionKind.ARTICLE.value:
                    text = squeeze(node.props.get("text", ""))
                    articles.append((node.id, text, _trigrams(text)))
            self._articles[version_id] = articles
        return articles

    def last_article(self, version_id: str) -> int:
        """The number of the last article of a version (0 when it holds none)."""
        if version_id not in self._last:
            self._last[version_id] = max((node.props.get("article") or node.props.get("number") or 0
                                          for node in self.store.nodes("Provision", version=version_id)
                                          if node.props.get("kind") == ProvisionKind.ARTICLE.value), default=0)
        return self._last[version_id]

    def best_match(self, quote: str, version_id: str) -> tuple[str | None, float]:
        """The article of ``version_id`` that best holds ``quote``."""
        return self._best_memo(quote, version_id)

    def _best_match(self, quote: str, version_id: str) -> tuple[str | None, float]:
        q = squeeze(quote)[:QUOTE_LIMIT]
        grams = _trigrams(q)
        if not grams:
            return None, 0.0
        scored = sorted(((len(grams & g), aid, text) for aid, text, g in self._version_articles(version_id)), reverse=True)[:3]
        best, best_score = None, 0.0
        for overlap, aid, text in scored:
            if overlap == 0:
                break
            score = quote_cover(q, text)
            if score > best_score:
                best, best_score = aid, score
        return best, best_score

    def current_article(self, article_id: str) -> str | None:
        """The article of the law's version in force holding ``article_id``'s text.

        Follows the statute loader's alignment (CORRESPONDS_TO, one version to the next) from an article
        of a version no longer in force: "" when a later version dropped the text, None when the article's
        version is in force or has no later version loaded.
        """
        node = self.get(article_id)
        if node is None:
            return None
        version = self.index.version(node.props.get("version", ""))
        if version is None or version.status in (VersionStatus.IN_FORCE, VersionStatus.NOT_YET_IN_FORCE):
            return None
        later = [v for v in self.index.versions(version.law) if (v.date, v.effective or "") > (version.date, version.effective or "")]
        if not later:
            return None
        current = article_id
        for _ in later:
            following = [e.dst for e in self.store.out_edges(current, EdgeType.CORRESPONDS_TO.value)]
            if not following:
                return ""
            current = following[0]
            node = self.get(current)
            step = self.index.version(node.props.get("version", "")) if node is not None else None
            if step is None or step.status == VersionStatus.IN_FORCE:
                return current
        return current

    # --- citations -------------------------------------------------------------------

    def resolve(self, cite: ParsedCitation, list_date: str | None) -> Resolution:
        """The resolution of ``cite`` for a list dated ``list_date`` (a fresh object: callers may change it)."""
        found = self._resolve_memo(cite, list_date)
        return Resolution(**vars(found))

    def _resolve(self, cite: ParsedCitation, list_date: str | None) -> Resolution:
        if cite.law is None:
            return Resolution(CitationStatus.UNPARSED)
        ids, ambiguous = self.find_law(cite.law, cite.rank_tag)
        if not ids:
            status = CitationStatus.NORMATIVE_DOCUMENT if cite.normative else CitationStatus.LAW_NOT_LOADED
            return Resolution(status)
        if ambiguous:
            return Resolution(CitationStatus.AMBIGUOUS)
        law_id = ids[0]
        # a note naming a version's own date (2021年1月22日修正, in force 2021-05-01) is that version
        dated = version_dated(self.index.versions(law_id), cite.version_date)
        named = dated or (self.index.version_at(law_id, cite.version_date) if cite.version_date else None)
        # the version the note names is older than every loaded version: its numbering may differ
        named_missing = (bool(cite.version_date) and dated is None
                         and self.index.version_at(law_id, cite.version_date, strict=True) is None)
        at_date = self.index.version_at(law_id, list_date)
        version = named or at_date
        if version is None:
            return Resolution(CitationStatus.LAW_NOT_LOADED, law=law_id)
        if cite.article is None:
            return Resolution(CitationStatus.RESOLVED, law_id, version.id, version.id)
        article = None
        for candidate in _unique([version, at_date, self.index.version_at(law_id, None)]):
            article = self.index.article(candidate.id, cite.article, cite.article_suffix)
            if article is not None:
                version = candidate
                break
        if article is None:
            if version.truncated and cite.article > self.last_article(version.id):
                # the loaded text stops before the cited article: it cannot be checked here
                return Resolution(CitationStatus.TEXT_INCOMPLETE, law_id, version.id)
            return Resolution(CitationStatus.ARTICLE_NOT_FOUND, law_id, version.id)
        target = self._unit(article, cite.paragraph, cite.item)
        result = Resolution(CitationStatus.RESOLVED, law_id, version.id, target.id,
                            current_target=self.current_article(article.id))
        if cite.quote and squeeze(cite.quote):
            similarity = quote_cover(cite.quote, target.text)
            if target is not article:
                similarity = max(similarity, quote_cover(cite.quote, article.text))
            result.quote_similarity = similarity
            if similarity < 0.8:
                best, best_score = self.best_match(cite.quote, version.id)
                if best and best != article.id and best_score >= similarity + BEST_MATCH_GAIN:
                    if named_missing and best_score >= RETARGET_AT:
                        # the cited (older, unloaded) version numbered this text differently: the
                        # provision that holds the quoted text is the right one; ``article`` keeps the
                        # number as cited, so the renumbering stays visible.
                        result.target, result.quote_similarity = best, best_score
                    else:
                        result.quote_best_match, result.quote_best_similarity = best, best_score
            if named_missing and result.target == target.id and result.quote_similarity < UNRELATED_BELOW:
                if result.quote_best_match and (result.quote_best_similarity or 0) >= AMENDED_AT:
                    # the quoted text was amended and renumbered (种子法 2015 art. 53 -> 2021 art. 52, its
                    # 林木种子 half dropped): the provision that now holds most of it is the one cited; the
                    # quote's similarity stays below a match, so the basis shows as stale, not as missing
                    result.target, result.quote_similarity = result.quote_best_match, result.quote_best_similarity
                    result.quote_best_match = result.quote_best_similarity = None
                else:
                    # the cited older version is not loaded and this version's article of that number is
                    # another text: the cited provision is not in the store
                    result.status, result.target = CitationStatus.ARTICLE_NOT_FOUND, None
        return result


def version_dated(versions: Iterable[LawVersion], date: str | None) -> LawVersion | None:
    """The version whose own date a version note names, or None.

    A version's own date is :attr:`LawVersion.date`: its promulgation, or its
    latest amendment (the newest of ``promulgated`` and ``amended``).  The
    earlier dates of ``amended`` are its history: they name older texts,
    numbered otherwise, so they do not name this version.

    Examples
    --------
    >>> law = "中华人民共和国动物防疫法"
    >>> v2021 = LawVersion(law, "2021-01-22", law, promulgated="1997-07-03",
    ...                    amended=("2007-08-30", "2015-04-24", "2021-01-22"), effective="2021-05-01")
    >>> version_dated([v2021], "2021-01-22").id
    '中华人民共和国动物防疫法/2021-01-22'
    >>> version_dated([v2021], "2015-04-24") is None
    True
    """
    if not date:
        return None
    date = date[:10]
    for version in versions:
        own = max((d for d in (version.promulgated, *version.amended) if d), default=version.date)
        if date in (version.date, own):
            return version
    return None


def _unique(versions: list[LawVersion | None]) -> list[LawVersion]:
    seen, out = set(), []
    for version in versions:
        if version is not None and version.id not in seen:
            seen.add(version.id)
            out.append(version)
    return out


def status_counts(resolutions: list[Resolution]) -> Counter:
    return Counter(r.status.value for r in resolutions)
