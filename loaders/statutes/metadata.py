"""metadata.csv of a statute folder: rank, dates and repeal status per law version.

The corpus table (LawRefBook) has one row per version::

    level,name,subtitle,filename,publish,valid_from,expired,ver,category,folder
    法律,食品安全法,,,2021-04-29,2021-04-29,0,1,行政法,行政法

A file joins a row by its name (the ``filename`` column when set, else
``name``) plus the date in the file name (``publish``), within the row's
``folder`` relative to the CSV.  Rank comes from ``level``; where a file has no
row, :func:`rank_from_title` applies the title and issuer rules of domain.md
section 2.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.model import Rank
from kg.text import decode_bytes, normalise

NAME = "metadata.csv"

LEVEL_RANKS = {
    "宪法": Rank.CONSTITUTION,
    "法律": Rank.LAW,
    "行政法规": Rank.ADMINISTRATIVE_REGULATION,
    "地方性法规": Rank.LOCAL_REGULATION,
    "部门规章": Rank.DEPARTMENT_RULE,
    "地方政府规章": Rank.LOCAL_GOVERNMENT_RULE,
    "规范性文件": Rank.NORMATIVE_DOCUMENT,
    "司法解释": Rank.JUDICIAL_INTERPRETATION,
    "国务院决定": Rank.STATE_COUNCIL_DECISION,
}


@dataclass(frozen=True)
class MetadataRow:
    level: str
    name: str
    subtitle: str = ""
    filename: str = ""
    publish: str | None = None
    valid_from: str | None = None
    expired: bool = False
    category: str = ""
    folder: str = ""
    line: int = 0

    @property
    def rank(self) -> Rank:
        return LEVEL_RANKS.get(self.level, Rank.OTHER)


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if _DATE_RE.match(value) else None


class Metadata:
    """The rows of one metadata.csv, looked up by file."""

    def __init__(self, path: Path, rows: list[MetadataRow]) -> None:
        self.path = path
        self.root = path.parent
        self.rows = rows
        self._by_name: dict[str, list[MetadataRow]] = defaultdict(list)
        for row in rows:
            self._by_name[row.filename or row.name].append(row)

    @classmethod
    def read(cls, path: str | Path) -> "Metadata":
        """Parse a metadata.csv; raises ValueError with a one-line reason."""
        path = Path(path)
        text = normalise(decode_bytes(path.read_bytes(), str(path)))
        reader = csv.DictReader(text.splitlines())
        missing = {"level", "name"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"no column {', '.join(sorted(missing))}")
        rows = []
        for line, record in enumerate(reader, start=2):
            name = (record.get("name") or "").strip()
            if not name:
                continue
            rows.append(MetadataRow(
                level=(record.get("level") or "").strip(),
                name=name,
                subtitle=(record.get("subtitle") or "").strip(),
                filename=(record.get("filename") or "").strip(),
                publish=_date(record.get("publish")),
                valid_from=_date(record.get("valid_from")),
                expired=(record.get("expired") or "").strip() in ("1", "true", "True", "是"),
                category=(record.get("category") or "").strip(),
                folder=(record.get("folder") or "").strip().strip("/"),
                line=line,
            ))
        return cls(path, rows)

    def lookup(self, file: Path, stem: str, date: str | None) -> MetadataRow | None:
        """The row for ``file`` (its name without date is ``stem``; ``date`` from the file name)."""
        candidates = self._by_name.get(stem, [])
        if not candidates:
            return None
        try:
            folder = file.parent.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            folder = None
        if folder is not None:
            in_folder = [row for row in candidates if row.folder == folder or not row.folder]
            candidates = in_folder or candidates
        if date:
            dated = [row for row in candidates if row.publish == date]
            if dated:
                return dated[0]
            if len(candidates) > 1:
                return None
        if len(candidates) == 1:
            return candidates[0]
        undated = [row for row in candidates if not row.publish]
        return undated[0] if len(undated) == 1 else None


def metadata_stops(roots: Iterable[Path]) -> frozenset[Path]:
    """The folders above which :func:`find_metadata` does not look, for these load roots."""
    return frozenset(root.resolve() if root.is_dir() else root.resolve().parent for root in roots)


def find_metadata(file: Path, roots: list[Path], *, stops: frozenset[Path] | None = None) -> Path | None:
    """The metadata.csv that covers ``file``: in its folder or a parent, not above the load roots' parents.

    ``stops``: :func:`metadata_stops` of ``roots``, computed once by a caller
    looking up many files (a load of 200 files given one by one resolved the
    200 roots for each file).
    """
    file = file.resolve()
    if stops is None:
        stops = metadata_stops(roots)
    for folder in file.parents:
        candidate = folder / NAME
        if candidate.is_file():
            return candidate
        if folder in stops or folder.parent == folder:
            # a single file loaded from inside a corpus still finds the corpus table a few levels up
            for extra in list(folder.parents)[:4]:
                if (extra / NAME).is_file():
                    return extra / NAME
            return None
    return None


# --- rank rules without metadata (domain.md section 2) -----------------------------

_PLACE_RE = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:省|自治区|特别行政区|市|自治州|地区|盟|县|自治县))")
_LOCAL_ORGAN = ("人民代表大会", "人大常委会")


def region_of(title: str) -> str | None:
    """The place a local statute is made for: 上海市…条例 -> 上海市."""
    if title.startswith("中华人民共和国"):
        return None
    match = _PLACE_RE.match(title)
    return match.group(1) if match else None


def rank_from_title(title: str, issuer: str = "") -> Rank:
    """Rank from a statute's title and issuer.

    >>> rank_from_title("中华人民共和国食品安全法")
    <Rank.LAW: '法律'>
    >>> rank_from_title("中华人民共和国食品安全法实施条例")
    <Rank.ADMINISTRATIVE_REGULATION: '行政法规'>
    >>> rank_from_title("上海市食品安全条例")
    <Rank.LOCAL_REGULATION: '地方性法规'>
    >>> rank_from_title("上海市养犬管理办法", "上海市人民政府")
    <Rank.LOCAL_GOVERNMENT_RULE: '地方政府规章'>
    >>> rank_from_title("食品生产许可管理办法", "国家市场监督管理总局")
    <Rank.DEPARTMENT_RULE: '部门规章'>
    """
    if title in ("中华人民共和国宪法", "宪法") or title.startswith("中华人民共和国宪法修正案"):
        return Rank.CONSTITUTION
    if issuer.startswith(("最高人民法院", "最高人民检察院")) or title.startswith(("最高人民法院", "最高人民检察院")):
        return Rank.JUDICIAL_INTERPRETATION
    if issuer.startswith("全国人民代表大会") or title.startswith("全国人民代表大会"):
        return Rank.LAW
    if title.startswith("中华人民共和国") and title.endswith("法"):
        return Rank.LAW
    if title.startswith("国务院") and title.endswith("决定"):
        return Rank.STATE_COUNCIL_DECISION
    if issuer.startswith(("国务院", "中央军事委员会")) and title.endswith(("条例", "规定", "办法", "细则", "实施细则")):
        return Rank.ADMINISTRATIVE_REGULATION
    if title.startswith("中华人民共和国") and title.endswith(("条例", "实施细则")):
        return Rank.ADMINISTRATIVE_REGULATION
    if title.endswith(("通知", "意见", "批复", "公告", "通告", "指引", "纲要", "方案")):
        return Rank.NORMATIVE_DOCUMENT
    region = region_of(title)
    if any(organ in issuer for organ in _LOCAL_ORGAN):
        return Rank.LOCAL_REGULATION
    if issuer.endswith("人民政府") and region:
        return Rank.LOCAL_GOVERNMENT_RULE
    if region:
        if title.endswith(("条例",)) or "实施《" in title or "决定" in title:
            return Rank.LOCAL_REGULATION
        return Rank.LOCAL_GOVERNMENT_RULE if issuer.endswith("政府") else Rank.LOCAL_REGULATION \
            if not issuer else Rank.LOCAL_GOVERNMENT_RULE
    if issuer and issuer.endswith(("部", "委员会", "总局", "总署", "署", "局", "银行")):
        return Rank.DEPARTMENT_RULE
    if title.endswith("条例"):
        return Rank.ADMINISTRATIVE_REGULATION
    return Rank.OTHER
