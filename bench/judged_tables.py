"""The entries of the hand-judged precision tables (``docs/evaluation/precision-*.md``), as data.

Each table of a precision round has the header ``| n | law | art. | category | subject | construction | verdict |
group | note |``: one extracted (law title, article, category, subject) entry, drawn at random from the corpus
outside the gold set, judged by reading its article (``bench.precision_sample``).  Verdicts: ``right``,
``not a clause``, ``wrong category``, ``wrong subject``, ``uncertain``.

At the level of the (article, category) pair, which is what the clause filter keeps or vetoes, a wrong subject
is still a true pair (the article grants that category, to another body): :func:`pair_label` is True (keep) for
right and wrong subject, False (veto) for not a clause and wrong category, None (unusable) for uncertain.

>>> pair_label("wrong subject"), pair_label("not a clause"), pair_label("uncertain")
(True, False, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "docs" / "evaluation"
HEADER = ("n", "law", "art.", "category", "subject", "construction", "verdict", "group", "note")
VERDICTS = {"right": True, "wrong subject": True, "not a clause": False, "wrong category": False, "uncertain": None}
_ARTICLE = re.compile(r"^(\d+)(?:之(\d+))?$")


@dataclass(frozen=True)
class JudgedEntry:
    table: str  # file name of the table
    section: str  # the heading above the table (a file may hold several samples)
    n: int
    law: str  # law title, as bench.heldout.law_title gives it
    article: tuple[int, int]  # (number, suffix)
    category: str
    subject: str
    construction: str
    verdict: str

    @property
    def pair(self) -> tuple[str, tuple[int, int], str]:
        return (self.law, self.article, self.category)


def pair_label(verdict: str) -> bool | None:
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r} (expected one of {', '.join(VERDICTS)})")
    return VERDICTS[verdict]


def read_table(path: Path) -> list[JudgedEntry]:
    """Every judged row of one table file (rows under the header :data:`HEADER`; other tables skipped)."""
    entries: list[JudgedEntry] = []
    in_table, section = False, ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if tuple(cells) == HEADER:
            in_table = True
            continue
        if not in_table or set(line) <= set("|-: "):
            continue
        if len(cells) != len(HEADER):
            raise ValueError(f"{path.name}:{number}: {len(cells)} cells, the judged table has {len(HEADER)}")
        n, law, art, category, subject, construction, verdict = cells[:7]
        match = _ARTICLE.match(art)
        if not match or not n.isdigit():
            raise ValueError(f"{path.name}:{number}: row number {n!r} / article {art!r} unreadable")
        pair_label(verdict)  # a clear error for a verdict outside the protocol
        entries.append(JudgedEntry(path.name, section, int(n), law, (int(match[1]), int(match[2] or 0)), category,
                                   subject, construction, verdict))
    return entries


def read_tables(folder: Path = TABLES, exclude: tuple[str, ...] = ()) -> list[JudgedEntry]:
    """The judged rows of every ``precision-*.md`` of ``folder`` except the file names in ``exclude``."""
    out: list[JudgedEntry] = []
    for path in sorted(folder.glob("precision-*.md")):
        if path.name not in exclude:
            out.extend(read_table(path))
    return out
