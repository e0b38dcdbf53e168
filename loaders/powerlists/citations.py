"""Parse the 设定依据 / 实施依据 text of a power item into citations.

Real bases look like::

    【法律】《中华人民共和国畜牧法》（2005年12月29日…通过…2022年10月30日…修订）
        第二十二条第一款：从事种畜禽生产经营…应当取得种畜禽生产经营许可证。
        第二十四条：申请取得…
    【法规】《植物检疫条例》（1983年1月3日国务院发布…）
        第三条、第七条：…

or, inline, ``国务院《易制毒化学品管理条例》第三十二条、公安部《…办法》第二十六条规定``.
:func:`parse_basis` returns one :class:`ParsedCitation` per cited unit
(article, paragraph or item; lists and ranges expanded), or one per law when
it names no article, with the rank tag, the version note (and the newest date
in it), and the article text quoted after the number.  Text that names no law
becomes one ``unparsed`` citation: nothing is dropped.

>>> [(c.law, c.article, c.paragraph) for c in parse_basis("《食品安全法》第一百二十二条、第一百二十三条第二款")]
[('食品安全法', 122, None), ('食品安全法', 123, 2)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.text import chinese_to_int, normalise

_NUM = r"[0-9零〇一二两三四五六七八九十百千]+"
_TAG_RE = re.compile(r"【([^】\n]{1,12})】")
_SPACE = " \t\u3000"

# A unit reference: 第X条 / 第X条之一 / 第X款 / 第X项 / 第（X）项 / 第X、Y项 / 第X章 / 附件第X项
_UNIT_RE = re.compile(
    rf"(?P<attach>附件\s*(?:{_NUM}\s*)?)?第\s*[（(]?\s*(?P<nums>{_NUM}(?:\s*[、,，和及]\s*{_NUM})*)\s*[）)]?\s*(?P<kind>条|款|项|章|节|目)"
    rf"(?:\s*之\s*(?P<suffix>{_NUM}))?"
)
_ITEM_BARE_RE = re.compile(rf"[（(]\s*(?P<nums>{_NUM})\s*[）)]\s*项")
_SEP_RE = re.compile(r"\s*(?:、|，|,|和|及|与|以及|或者|或|；|;)\s*")
_RANGE_RE = re.compile(r"\s*(?:至|到|-|—|－|～|~)\s*")
_DATE_RE = re.compile(r"(\d{4})\s*[年.．/-]\s*(\d{1,2})\s*[月.．/-]\s*(?:(\d{1,2})\s*日?)?")
_YEAR_RE = re.compile(r"(\d{4})\s*年")
_DOC_NUMBER_RE = re.compile(r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号")
_DECREE_RE = re.compile(r"令\s*(?:第|\d{4}年第)?\s*\d+\s*号|令第[零〇一二三四五六七八九十百]+号")
_NORMATIVE_TITLE_RE = re.compile(r"(通知|意见|方案|批复|函|纪要|公告|通告|指南|指引|规划|目录|清单|要点|说明|工作规程|实施意见)$")
_LAW_RANK_TAGS = ("法律", "法规", "规章")
_RULE_TITLE_RE = re.compile(r"(法|条例|规定|办法|细则|规则)$")
_NORMATIVE_TAGS = ("规范性文件", "其他规范性文件", "文件", "政策文件", "红头文件")
_BARE_TITLE_RE = re.compile(
    r"((?:中华人民共和国)?[\u4e00-\u9fff]{2,30}?(?:法|条例|规定|办法|细则|决定|规则))\s*(?:[（(][^）)\n]{0,80}[）)])?\s*(?=第)"
)


@dataclass(frozen=True)
class ParsedCitation:
    """One citation in a basis text, before it is resolved against the store."""

    text: str  # the law and unit as written: 《…》第二十二条第一款
    law: str | None = None  # title as cited, without 《》 (None: unparsed)
    rank_tag: str | None = None  # 法律, 法规, 规章 … as tagged in 【】
    version_note: str | None = None  # the parenthesised note after the title
    version_date: str | None = None  # newest date in the note (ISO)
    article: int | None = None
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    quote: str | None = None  # text written after the number
    normative: bool = False  # reads as a normative document (通知, 意见, 〔2021〕30号 …)
    attachment: bool = False  # 附件第102项: an item of an annex, not an article


@dataclass
class _Ref:
    article: int | None = None
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    text: str = ""
    attachment: bool = False


@dataclass
class _Law:
    title: str
    tag: str | None
    note: str | None
    refs: list[_Ref]
    quotes: dict[int, str]  # index of the first ref of a head -> quote
    heads: list[tuple[int, int]]  # (first ref, end ref) per head


# Distinct basis texts kept parsed.  Lists repeat the same bases in every government's part (a
# 1M-row list has ~115k distinct ones; the 2**14 most recently seen catch 99.7% of the repeats).
BASIS_MEMO = 2**14  # ~1.3 KB each: at most ~21 MB kept between loads


def parse_basis(text: str) -> list[ParsedCitation]:
    """All citations of one basis cell, in the order written."""
    # ParsedCitation is frozen, so the memo's citations can be shared; the list is the caller's own
    return list(_parse_basis(text or ""))


@functools.lru_cache(maxsize=BASIS_MEMO)
def _parse_basis(text: str) -> tuple[ParsedCitation, ...]:
    return tuple(_parse_basis_uncached(text))


def _parse_basis_uncached(text: str) -> list[ParsedCitation]:
    text = normalise(text or "").replace("\r", "\n")
    if not text.strip():
        return []
    laws = _scan(text)
    citations: list[ParsedCitation] = []
    for law in laws:
        citations.extend(_emit(law))
    if not citations:
        citations = _bare(text)
    if not citations:
        citations = [ParsedCitation(text=text.strip())]
    return citations


# --- scanning --------------------------------------------------------------------


def _read_bracketed(text: str, i: int, open_: str, close: str, limit: int) -> tuple[str, int] | None:
    """The text inside balanced brackets starting at ``text[i] == open_``, and the end index."""
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        ch = text[j]
        if ch in open_:
            depth += 1
        elif ch in close:
            depth -= 1
            if depth == 0:
                return text[i + 1 : j], j + 1
    return None


def _read_title(text: str, i: int) -> tuple[str, int] | None:
    """A 《title》 at ``i`` (nested 《》〈〉<> allowed; a doubled 》》 is swallowed)."""
    found = _read_bracketed(text, i, "《〈<", "》〉>", 120)
    if found is None:
        return None
    title, end = found
    # 《报废机动车回收管理办法》实施细则》: a title closed too early and continued
    tail = re.match(r"([^《》（()）\n\s、，,；;：:第]{1,10})》", text[end : end + 12])
    if tail and re.search(r"(细则|办法|条例|规定|决定|通知|意见)$", tail.group(1)):
        title += tail.group(1)
        end += tail.end()
    while end < len(text) and text[end] in "》〉>":
        end += 1
    title = re.sub(r"\s+", "", title).replace("〈", "《").replace("〉", "》").replace("<", "《").replace(">", "》")
    return title, end


def _skip_space(text: str, i: int, newlines: bool = True) -> int:
    chars = _SPACE + ("\n" if newlines else "")
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _at_line_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in _SPACE:
        j -= 1
    return j < 0 or text[j] == "\n"


def _read_refs(text: str, i: int) -> tuple[list[_Ref], int]:
    """Unit references starting at ``i``: lists, ranges, 款 and 项 of the last article."""
    refs: list[_Ref] = []
    last_article: _Ref | None = None
    pending_range = False
    pos = i
    while True:
        j = _skip_space(text, pos, newlines=False)
        match = _UNIT_RE.match(text, j)
        bare_item = None if match else _ITEM_BARE_RE.match(text, j) if refs else None
        if not match and not bare_item:
            break
        m = match or bare_item
        nums = [chinese_to_int(n) for n in re.split(r"\s*[、,，和及]\s*", m.group("nums"))]
        kind = m.group("kind") if match else "项"
        written = re.sub(r"\s+", "", m.group(0))
        if kind == "条":
            suffix = chinese_to_int(m.group("suffix")) if m.group("suffix") else 0
            if pending_range and last_article is not None and last_article.article is not None and nums[0] > last_article.article:
                for n in range(last_article.article + 1, nums[0]):
                    refs.append(_Ref(n, 0, text=f"第{n}条"))
            for k, n in enumerate(nums):
                ref = _Ref(n, suffix if k == len(nums) - 1 else 0, text=written)
                refs.append(ref)
                last_article = ref
        elif kind in ("章", "节"):
            pass  # context only: 第三章第十条 cites article 10
        elif kind == "款":
            if last_article is None:
                break
            base = last_article
            if pending_range and refs and refs[-1].paragraph is not None and nums[0] > refs[-1].paragraph:
                nums = list(range(refs[-1].paragraph + 1, nums[0])) + nums
            head = _article_text(base)
            for k, n in enumerate(nums):
                label = written if len(nums) == 1 else f"第{n}款"
                if k == 0 and refs and refs[-1] is base and base.paragraph is None and base.item is None:
                    base.paragraph = n
                    base.text = head + label
                else:
                    refs.append(_Ref(base.article, base.suffix, n, text=head + label))
        elif kind in ("项", "目"):
            # 附件第102项, or 第87项 of a decision's list: an item of the document, no article
            attachment = bool(match and match.group("attach")) or last_article is None
            if attachment:
                for n in nums:
                    refs.append(_Ref(None, 0, None, n, text=written if len(nums) == 1 else f"附件第{n}项", attachment=True))
            else:
                base = refs[-1]
                if pending_range and base.item is not None and nums[0] > base.item:
                    nums = list(range(base.item + 1, nums[0])) + nums
                head = base.text if base.item is None else base.text[: base.text.rfind("第")]
                for k, n in enumerate(nums):
                    label = written if len(nums) == 1 else f"第{n}项"
                    if k == 0 and base.item is None:
                        base.item = n
                        base.text = head + label
                    else:
                        refs.append(_Ref(base.article, base.suffix, base.paragraph, n, text=head + label))
        pos = m.end()
        nxt = _skip_space(text, pos, False)
        if (_UNIT_RE.match(text, nxt) and not text.startswith("附件", nxt)) or _ITEM_BARE_RE.match(text, nxt):
            pending_range = False
            continue
        sep = _RANGE_RE.match(text, pos)
        if sep and _UNIT_RE.match(text, _skip_space(text, sep.end(), False)):
            pending_range = True
            pos = sep.end()
            continue
        pending_range = False
        sep = _SEP_RE.match(text, pos)
        if sep and (_UNIT_RE.match(text, _skip_space(text, sep.end(), False)) or _ITEM_BARE_RE.match(text, _skip_space(text, sep.end(), False))):
            pos = sep.end()
            continue
        break
    return refs, (pos if refs else i)


def _article_text(ref: _Ref) -> str:
    match = re.match(r"(?:第[^条]*条(?:之[^第]*)?)", ref.text)
    return match.group(0) if match else f"第{ref.article}条"


_ENUMERATION_RE = re.compile(r"(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[)）])\s*")
_INLINE_HEAD_RE = re.compile(r"【[^】\n]{1,12}】\s*(?:[^《\n【]{0,40}?)《")
_HEAD_END = re.compile(r"\s*(?:的规定|规定|之规定)?\s*[:：]")


def _scan(text: str) -> list[_Law]:
    laws: list[_Law] = []
    current: _Law | None = None
    i = 0
    in_quote = False
    quote_start = 0
    quote_ref = -1
    n = len(text)

    def close_quote(end: int) -> None:
        nonlocal in_quote
        if in_quote and current is not None and quote_ref >= 0:
            quote = text[quote_start:end].strip(" \t\n:：")
            if quote:
                current.quotes[quote_ref] = quote
        in_quote = False

    while i < n:
        line_start = _at_line_start(text, i)
        ch = text[i]
        if in_quote and not line_start:
            nl = text.find("\n", i)
            line_end = n if nl < 0 else nl
            # a tagged law head later on the same line ends the quote: …。” 【规章】《…》
            head = _INLINE_HEAD_RE.search(text, i, line_end)
            if head:
                close_quote(head.start())
                i = head.start()
                continue
            i = line_end + 1 if nl >= 0 else n
            continue
        if ch in _SPACE or ch == "\n":
            i += 1
            continue
        # a law head: 【tag】《title》（note） or 《title》 outside a quote or at a line start
        tag = None
        j = i
        head_start = i
        if line_start:
            enumerated = _ENUMERATION_RE.match(text, i)  # 2.《…》 / （二）【法规】《…》 in a numbered list of laws
            if enumerated and text.startswith(("《", "【"), enumerated.end()):
                i = j = enumerated.end()
        tag_match = _TAG_RE.match(text, i)
        if tag_match and (line_start or not in_quote):
            tag = tag_match.group(1).strip()
            j = _skip_space(text, tag_match.end())
            # 【部令】 2017年3月1日国务院令第676号《…》: a date or issuer before the title
            ahead = re.match(r"[^《\n【]{1,60}?(?=《)", text[j:])
            if ahead and not _UNIT_RE.search(ahead.group(0)):
                j += ahead.end()
        title = None
        if j < n and text[j] in "《<〈" and (line_start or not in_quote or tag):
            title = _read_title(text, j)
            if title is not None and in_quote and not tag and not _starts_law_head(text, title[1]):
                title = None  # a title mentioned at the start of a quoted paragraph
        if title is not None or tag is not None and title is None and line_start:
            close_quote(head_start)
            if title is None:
                # 【法规】 followed by a bare title, or a title opened by a typo: （禁止使用童工规定》
                typo = re.match(r"[（(]([^（()）《》\n]{2,60})》", text[j:])
                bare = typo or re.match(r"([^（(\n第]{2,60})", text[j:])
                if not bare:
                    i = j
                    continue
                title = (bare.group(1).strip(), j + bare.end())
            name, j = title
            j = _skip_space(text, j, newlines=False)
            note = None
            while j < n and text[j] in "（(":
                found = _read_bracketed(text, j, "（(", "）)", 600)
                if found is None:
                    break
                note = found[0].strip() if note is None else f"{note}；{found[0].strip()}"
                j = _skip_space(text, found[1], newlines=False)
            # a stray closing bracket after the note (（…修订））第三十九条: lists copy the
            # corpus's info lines, which end in one) does not end the citation
            while note is not None and j < n and text[j] in "）)":
                j = _skip_space(text, j + 1, newlines=False)
            # 《A》《B》 written twice (a title and its alias): keep the first
            while j < n and text[j] == "《":
                again = _read_title(text, j)
                if again is None:
                    break
                j = _skip_space(text, again[1], newlines=False)
                while j < n and text[j] in "（(":
                    found = _read_bracketed(text, j, "（(", "）)", 200)
                    if found is None:
                        break
                    note = note or found[0].strip()
                    j = _skip_space(text, found[1], newlines=False)
            current = _Law(name, tag, note, [], {}, [])
            laws.append(current)
            j = _skip_space(text, j, newlines=False)
            if text.startswith("文", j):  # （新政发〔2020〕53号）文第三章第十条
                j += 1
            i = _after_refs(text, j, current)
            in_quote, quote_start, quote_ref = _quote_state(text, i, current)
            if in_quote:
                i = quote_start
            continue
        # an article head at a line start: 第X条(第Y款)…： for the current law
        if line_start and current is not None and (_UNIT_RE.match(text, i) or text.startswith("附件", i)):
            refs, end = _read_refs(text, i)
            if refs:
                close_quote(i)
                first = len(current.refs)
                current.refs.extend(refs)
                current.heads.append((first, len(current.refs)))
                quote_ref = first if len(refs) == 1 or _same_article(refs) else -1
                in_quote = True
                quote_start = _skip_space(text, end, newlines=False)
                head_end = _HEAD_END.match(text, quote_start)
                if head_end:
                    quote_start = head_end.end()
                i = quote_start
                continue
        if in_quote:
            nl = text.find("\n", i)
            line_end = n if nl < 0 else nl
            head = _INLINE_HEAD_RE.search(text, i + 1, line_end)
            if head:
                close_quote(head.start())
                i = head.start()
                continue
            i = line_end + 1 if nl >= 0 else n
            continue
        i += 1
    close_quote(n)
    return laws


def _starts_law_head(text: str, end: int) -> bool:
    """After a line-start 《title》 inside a quote: a note or an article follows only for a new law."""
    j = _skip_space(text, end, newlines=False)
    return j >= len(text) or text[j] in "（(\n" or bool(_UNIT_RE.match(text, j))


def _same_article(refs: list[_Ref]) -> bool:
    return len({(r.article, r.suffix) for r in refs}) == 1


def _after_refs(text: str, j: int, law: _Law) -> int:
    refs, end = _read_refs(text, j)
    if refs:
        first = len(law.refs)
        law.refs.extend(refs)
        law.heads.append((first, len(law.refs)))
    return end


def _quote_state(text: str, i: int, law: _Law) -> tuple[bool, int, int]:
    """After an inline head: is the rest of the line a quote of its article?"""
    if not law.heads:
        return False, i, -1
    first, end = law.heads[-1]
    if end != len(law.refs):
        return False, i, -1
    rest_of_line = text[i : (text.find("\n", i) if "\n" in text[i:] else len(text))]
    head_end = _HEAD_END.match(text, i)
    if not head_end and ("《" in rest_of_line or "【" in rest_of_line):
        return False, i, -1
    start = head_end.end() if head_end else i
    stripped = text[start:].strip()
    if len(re.sub(r"\W", "", rest_of_line)) < 6 and not head_end:
        return False, i, -1
    ref_index = first if end - first == 1 or _same_article(law.refs[first:end]) else -1
    return bool(stripped), start, ref_index


# --- emitting ----------------------------------------------------------------------


def note_date(note: str | None) -> str | None:
    """The newest date a version note names: its amendment or effective date.

    >>> note_date("2005年12月29日通过，2022年10月30日修订")
    '2022-10-30'
    >>> note_date("2016年修订") , note_date("国务院令第493号")
    ('2016-12-31', None)
    """
    if not note:
        return None
    dates = []
    for y, m, d in _DATE_RE.findall(note):
        year, month, day = int(y), int(m), int(d) if d else 1
        if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            dates.append(f"{year:04d}-{month:02d}-{day:02d}")
    if not dates:
        years = [int(y) for y in _YEAR_RE.findall(note) if 1949 <= int(y) <= 2100]
        if years and re.search(r"修正|修订|修改|公布|发布|施行|通过", note):
            dates.append(f"{max(years):04d}-12-31")
    return max(dates) if dates else None


def looks_normative(title: str, tag: str | None, note: str | None) -> bool:
    """A normative document (规范性文件), not a law: by tag, title or document number."""
    if title.startswith("国务院") and title.endswith("决定") and "办公厅" not in title:
        return False  # a State Council decision may set licences (行政许可法 art. 14): law, whatever the tag
    if tag and any(t == tag or t in tag for t in _NORMATIVE_TAGS):
        return True
    title = re.sub(r"[（(](试行|暂行|修订|修正|草案)[）)]$", "", title)
    if _NORMATIVE_TITLE_RE.search(title):
        return True
    # a department's decision (XX部关于…的决定); 国务院 and 人大 decisions are law
    if "关于" in title and title.endswith("决定") and not title.startswith(("国务院", "全国人民代表大会", "全国人大")):
        return True
    if title.startswith("关于") and not title.endswith(("条例", "法")):
        return True
    if note and _DOC_NUMBER_RE.search(note) and not _DECREE_RE.search(note):
        # a rule of the 1990s was often promulgated by a numbered notice (劳动部关于颁发《职业技能鉴定规定》
        # 的通知劳部发〔1993〕134号): a list tagging a rule-shaped title 规章/法规 means the rule, not the notice
        # (a 规〔2017〕 number marks a 行政规范性文件 whatever the tag)
        if (tag and any(t in tag for t in _LAW_RANK_TAGS) and _RULE_TITLE_RE.search(title)
                and not re.search(r"规\s*[〔\[【(（]", note)):
            return False
        return True
    return False


def _clean_title(title: str) -> str:
    return title.strip("《》 ")


def _emit(law: _Law) -> list[ParsedCitation]:
    title = _clean_title(law.title)
    common = dict(
        law=title,
        rank_tag=law.tag,
        version_note=law.note,
        version_date=note_date(law.note),
        normative=looks_normative(title, law.tag, law.note),
    )
    if not law.refs:
        return [ParsedCitation(text=f"《{title}》", **common)]
    out = []
    for index, ref in enumerate(law.refs):
        quote = law.quotes.get(index)
        if quote is None:
            # a quote written once for a head listing units of one article
            for first, end in law.heads:
                if first < index < end and first in law.quotes and _same_article(law.refs[first:end]):
                    quote = law.quotes[first]
        out.append(
            ParsedCitation(
                text=f"《{title}》{ref.text}",
                article=ref.article,
                article_suffix=ref.suffix,
                paragraph=ref.paragraph,
                item=ref.item,
                quote=quote or None,
                attachment=ref.attachment,
                **common,
            )
        )
    return out


def _bare(text: str) -> list[ParsedCitation]:
    """Citations of titles written without 《》: 中华人民共和国社会保险法第八十四条."""
    out: list[ParsedCitation] = []
    for match in _BARE_TITLE_RE.finditer(text):
        title = match.group(1)
        refs, end = _read_refs(text, match.end())
        for ref in refs:
            out.append(ParsedCitation(text=f"{title}{ref.text}", law=title, article=ref.article, article_suffix=ref.suffix,
                                      paragraph=ref.paragraph, item=ref.item, normative=looks_normative(title, None, None)))
    return out
