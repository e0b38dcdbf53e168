"""Read a statute file (.md .txt .docx .html) into normalised lines and its info block.

Every format becomes a :class:`Document`: the title, an optional subtitle, the
info lines (dates and events before the body) and the body lines, each
normalised with :func:`kg.text.normalise` (simplified characters, half-width
digits) and stripped.  Markdown headings keep a flag so the structure step can
trust them.

The corpus Markdown (LawRefBook) looks like::

    # 中华人民共和国食品安全法
    2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过
    <!-- INFO END -->
    ## 第一章 总 则
    第一条 为了保证食品安全，……

Other formats have no INFO END marker: lines after the title that start with a
date (or are a parenthesised list of dates) are the info block.
"""

from __future__ import annotations

import html.parser
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import unicodedata

from kg.text import DecodeError, decode_bytes, halfwidth, simplified

SUFFIXES = (".md", ".txt", ".docx", ".html", ".htm")

INFO_END = "<!-- INFO END -->"
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_HEADING_RE = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_SPACES_RE = re.compile(r"[\s\u200b]+")  # any Unicode space (en spaces in 民法典 headings)
_FILE_DATE_RE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")
_INFO_LINE_RE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月")
# The body starts at the first structural line: 第…编/章/节/条 or a preamble heading.
_BODY_START_RE = re.compile(r"^(第[零〇一二三四五六七八九十百千0-9]+(?:编|分编|章|节|条)|序言|总则|目录)")


class ReadError(ValueError):
    """A file cannot be read as a statute (binary, undecodable, damaged)."""


@dataclass(frozen=True)
class Line:
    text: str
    number: int  # 1-based line (paragraph, block) number in the source
    heading: bool = False  # a Markdown / HTML heading


@dataclass
class Document:
    path: Path
    title: str
    subtitle: str = ""
    info: list[str] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    file_date: str | None = None  # the date in the file name: 食品安全法(2021-04-29).md

    @property
    def stem(self) -> str:
        """File name without suffix and date: the metadata.csv join key."""
        return _FILE_DATE_RE.sub("", self.path.stem).strip()


def file_date(path: Path) -> str | None:
    match = _FILE_DATE_RE.search(path.stem)
    return match.group(1) if match else None


def read_document(path: str | Path) -> Document:
    """The file as a :class:`Document`; raises :class:`ReadError` with a one-line reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        blocks = _docx_blocks(path)
    else:
        try:
            raw = decode_bytes(path.read_bytes(), str(path))
        except DecodeError as exc:
            raise ReadError(str(exc).split(": ", 1)[-1]) from None
        except OSError as exc:
            raise ReadError(f"cannot read ({exc.strerror})") from None
        if suffix in (".html", ".htm"):
            blocks = _html_blocks(raw)
        else:
            blocks = _markdown_blocks(raw)
    lines = _normalised(blocks)
    return _split(path, lines)


# --- per format: (text, heading) blocks ----------------------------------------


def _markdown_blocks(raw: str) -> list[tuple[str, bool]]:
    if raw.startswith("---"):  # Hugo front matter of _index.md and the template
        end = raw.find("\n---", 3)
        if end != -1:
            raw = raw[end + 4:]
    raw = raw.replace(INFO_END, "\n\x00INFO\x00\n")
    raw = _COMMENT_RE.sub("", raw)
    blocks = []
    for line in raw.split("\n"):
        match = _HEADING_RE.match(line.strip())
        if match:
            blocks.append((match.group(2), True))
        else:
            blocks.append((line, False))
    return blocks


def _docx_blocks(path: Path) -> list[tuple[str, bool]]:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ReadError(f"python-docx is not installed ({exc})") from None
    if not zipfile.is_zipfile(path):
        raise ReadError("not a Word .docx file (not a zip archive)")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise ReadError(f"damaged Word file ({type(exc).__name__})") from None
    blocks = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
        heading = style.lower().startswith(("heading", "title"))
        for text in paragraph.text.split("\n"):
            blocks.append((text, heading))
    return blocks


class _HtmlText(html.parser.HTMLParser):
    """Text of an HTML page, one block per block-level element."""

    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article", "td"}
    _HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    _SKIP = {"script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self._text: list[str] = []
        self._heading = 0
        self._skip = 0
        self.title = ""
        self._in_title = False

    def _flush(self) -> None:
        text = "".join(self._text)
        if text.strip():
            self.blocks.append((text, self._heading > 0))
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
            return
        if tag in self._SKIP:
            self._skip += 1
            return
        if tag in self._BLOCKS:
            self._flush()
        if tag in self._HEADINGS:
            self._heading += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
            return
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in self._BLOCKS:
            self._flush()
        if tag in self._HEADINGS:
            self._heading = max(0, self._heading - 1)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._text.append(data)


# A page title is "<law>_<site>" or "<law> - <site>" (中华人民共和国食品安全法_中国人大网).
_SITE_SUFFIX_RE = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|——).*$")
# Page furniture after the law's last line (npc.gov.cn, gov.cn, flk.npc.gov.cn footers).
_HTML_FOOTER_RE = re.compile(r"^(?!.*[。；])(?:[【\[]?\s*(?:打印|关闭|返回|顶部|收藏|分享|字号|字体|纠错|下载).{0,30}"
                             r"|.{0,20}(?:版权所有|主办单位|ICP备|网站标识码|责任编辑|来源：).{0,40})$")


def _html_blocks(raw: str) -> list[tuple[str, bool]]:
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    parser._flush()
    blocks = [(text, heading) for chunk, heading in parser.blocks for text in chunk.split("\n")]
    title = _SITE_SUFFIX_RE.sub("", parser.title.strip())
    # Navigation before the law (首页 > 法律) was read as its title: start at the law's own title line.
    key = _SPACES_RE.sub("", title)
    start = next((i for i, (text, _) in enumerate(blocks) if key and _SPACES_RE.sub("", text) == key), None)
    if start is not None:
        blocks = [(blocks[start][0], True)] + blocks[start + 1:]
    elif title and not any(heading for _, heading in blocks):
        blocks.insert(0, (title, True))
    while blocks and (not blocks[-1][0].strip() or _HTML_FOOTER_RE.match(blocks[-1][0].strip())):
        blocks.pop()
    return blocks


# --- common ------------------------------------------------------------------------


def _normalised(blocks: list[tuple[str, bool]]) -> list[Line]:
    # normalise (kg.text.normalise) in two steps: NFC and half-width for the whole
    # file at once, then traditional -> simplified per line, so that the slow
    # OpenCC pass only sees lines holding a traditional character (a simplified
    # statute with one 覆 or 藉 would otherwise be converted whole)
    joined = halfwidth(unicodedata.normalize(
        "NFC", "\n".join(text.replace("\r", " ").replace("\n", " ") for text, _ in blocks)))
    lines = []
    for number, (text, (_, heading)) in enumerate(zip(joined.split("\n"), blocks), start=1):
        text = _SPACES_RE.sub(" ", simplified(text)).strip()
        if text:
            lines.append(Line(text, number, heading))
    return lines


def _split(path: Path, lines: list[Line]) -> Document:
    """Title, subtitle, info block and body."""
    doc = Document(path=path, title="", file_date=file_date(path))
    marker = next((i for i, line in enumerate(lines) if line.text == "\x00INFO\x00"), None)
    if not lines:
        return doc
    start = 0
    if not _BODY_START_RE.match(lines[0].text):
        doc.title = _title_text(lines[0].text)
        start = 1
    if marker is not None:
        head, body = lines[start:marker], lines[marker + 1:]
        for line in head:
            if line.heading and not doc.subtitle and not _INFO_LINE_RE.match(line.text):
                doc.subtitle = _title_text(line.text)
            else:
                doc.info.append(line.text)
        doc.body = body
        return doc
    i = start
    # a second heading right after the title is a subtitle (民法典 parts)
    if i < len(lines) and lines[i].heading and not _BODY_START_RE.match(lines[i].text) \
            and not _INFO_LINE_RE.match(lines[i].text) and len(lines[i].text) <= 30:
        doc.subtitle = _title_text(lines[i].text)
        i += 1
    while i < len(lines) and _is_info(lines[i].text):
        doc.info.append(lines[i].text)
        i += 1
    doc.body = lines[i:]
    return doc


def _title_text(text: str) -> str:
    return text.replace(" ", "").strip()


def _is_info(text: str) -> bool:
    if _INFO_LINE_RE.match(text):
        return True
    # （2009年2月28日第十一届全国人民代表大会常务委员会第七次会议通过 …）
    return text.startswith(("（", "(")) and text.endswith(("）", ")")) and bool(re.search(r"\d{4}\s*年", text)) \
        and not _BODY_START_RE.match(text[1:])


# --- the info block: dates and events ------------------------------------------------

_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EFFECTIVE_RE = re.compile(r"施行|实施|生效")
_AMENDED_RE = re.compile(r"修正|修订|修改")
_PROMULGATED_RE = re.compile(r"通过|公布|发布|颁布|批准|制定")
_ORDINALS_RE = re.compile(r"第[零〇一二三四五六七八九十百0-9]+(?:届|次会议|次)")
_ISSUER_RE = re.compile(
    r"(全国人民代表大会常务委员会|全国人民代表大会|国务院|中央军事委员会|最高人民法院|最高人民检察院"
    r"|[\u4e00-\u9fff]{2,12}?人民代表大会常务委员会|[\u4e00-\u9fff]{2,12}?人民代表大会"
    r"|[\u4e00-\u9fff]{2,12}?人民政府|[\u4e00-\u9fff]{1,12}?(?:部|委员会|总局|总署|署|局|银行))"
)


@dataclass
class Info:
    """What the info lines say: dates of adoption, amendments, entry into force; the issuer."""

    promulgated: str | None = None
    amended: tuple[str, ...] = ()
    effective: str | None = None
    issuer: str = ""
    events: tuple[str, ...] = ()

    @property
    def latest(self) -> str | None:
        dates = [d for d in (self.promulgated, *self.amended) if d]
        return max(dates) if dates else None


def _iso(match: re.Match[str]) -> str | None:
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_info(lines: list[str]) -> Info:
    """Dates and issuer from info lines.

    >>> info = parse_info(["2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过",
    ...                    "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议第二次修正",
    ...                    "2021年11月1日 施行"])
    >>> info.promulgated, info.amended, info.effective, info.issuer
    ('2009-02-28', ('2021-04-29',), '2021-11-01', '全国人民代表大会常务委员会')
    """
    info = Info(events=tuple(lines))
    amended: list[str] = []
    for line in lines:
        matches = list(_DATE_RE.finditer(line))
        for i, match in enumerate(matches):
            date = _iso(match)
            if date is None:
                continue
            event = line[match.end(): matches[i + 1].start() if i + 1 < len(matches) else len(line)]
            # "自公布之日起施行" describes entry into force on the adoption date
            if _AMENDED_RE.search(event) and "之日" not in event:
                amended.append(date)
            elif _EFFECTIVE_RE.search(event) and not _PROMULGATED_RE.search(event):
                info.effective = info.effective or date
            elif _PROMULGATED_RE.search(event) or not event.strip(" ）)"):
                if info.promulgated is None:
                    info.promulgated = date
                if _EFFECTIVE_RE.search(event) and ("之日" in event or "同时" in event):
                    info.effective = info.effective or date
            if not info.issuer:
                found = _ISSUER_RE.search(_ORDINALS_RE.sub("", event))
                if found:
                    info.issuer = found.group(1).removeprefix("中华人民共和国").removeprefix("经")
    info.amended = tuple(sorted(set(amended)))
    return info
