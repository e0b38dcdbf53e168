"""Procedures told apart from grants (``patterns/procedures.tsv``).

A law about how powers are exercised (行政处罚法, 行政许可法, 行政强制法, 审计法) names
the acts of every category, but mostly as the topic of a duty on whichever body
exercises them: 行政机关实施监督检查，不得妨碍被许可人正常的生产经营活动 grants no
inspection; 经国务院批准，省、自治区、直辖市人民政府…可以决定 is an approval inside the
administration.  Each row of the table is one such construction: the categories it
voids, the subjects it applies to, and two regexes around the act (``before`` searched
in the text from the sentence or paragraph start up to the act, or through it for a row of scope ``act``,
``after`` matched from the act's end up to the sentence end).  An act of a row's category whose subject and
context match the row grants that subject nothing.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from .terms import PATTERNS_DIR

TABLE = PATTERNS_DIR / "procedures.tsv"
SCOPES = ("sentence", "paragraph", "act")


@dataclass(frozen=True)
class Procedure:
    name: str
    categories: frozenset[str] | None  # None: every category
    subject: re.Pattern | None
    scope: str  # sentence: the act's sentence; paragraph: also the lead line of its paragraph; act: the sentence
    # through the act's own words (进行监督 ends in 监督, not in 监督检查; 追征的税 is a modifier of 税款)
    before: re.Pattern | None
    after: re.Pattern | None


@functools.lru_cache(maxsize=None)
def load_procedures(path: str | None = None) -> tuple[Procedure, ...]:
    """The rows of ``procedures.tsv`` (a bad row is an error naming it: a silent typo would void nothing)."""
    table = TABLE if path is None else path
    rows = []
    with open(table, encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            if not any(row.values()):
                continue
            if row.get("scope") not in SCOPES:
                raise ValueError(f"{table}:{n}: scope must be one of {SCOPES}, not {row.get('scope')!r}")
            if not (row.get("before") or row.get("after")):
                raise ValueError(f"{table}:{n}: a row needs a before or an after pattern")
            try:
                rows.append(Procedure(
                    row["name"],
                    None if row["categories"] == "all" else frozenset(row["categories"].split(",")),
                    re.compile(row["subject"]) if row.get("subject") else None,
                    row["scope"],
                    re.compile(row["before"]) if row.get("before") else None,
                    re.compile(row["after"]) if row.get("after") else None,
                ))
            except re.error as exc:
                raise ValueError(f"{table}:{n}: bad pattern: {exc}") from exc
    return tuple(rows)


def procedure_of(text: str, category: str, subject: str, act_start: int, act_end: int,
                 sentence: tuple[int, int], paragraph_start: int) -> str | None:
    """The name of the first row that makes this act of ``subject`` a procedure, or None (a grant)."""
    own = text[sentence[0]:act_start]  # a slice, so that ^ and $ are the ends of the stretch
    befores = {"sentence": own, "paragraph": own, "act": text[sentence[0]:act_end]}
    if paragraph_start < sentence[0]:
        # the paragraph's lead line (对本级各部门…，采取下列处理措施：) and the act's own sentence, not the items
        # between them
        lead_end = text.find("\n", paragraph_start, sentence[0])
        befores["paragraph"] = text[paragraph_start: lead_end if lead_end >= 0 else sentence[0]] + "\n" + own
    for row in load_procedures():
        if row.categories is not None and category not in row.categories:
            continue
        if row.subject is not None and not row.subject.search(subject):
            continue
        before = befores[row.scope]
        if row.before is not None and not row.before.search(before):
            continue
        if row.after is not None and not row.after.match(text[act_end:sentence[1]]):
            continue
        return row.name
    return None
