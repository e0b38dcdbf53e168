"""The bundled ontology, SHACL shapes and legal rule tables (data only), and the one reader of its tables."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator


def rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of each row of the bundled table ``ontology/<name>``, a BOM allowed.

    The tables' loaders check their own columns and name the line of a bad row.
    """
    text = resources.files("ontology").joinpath(name).read_text(encoding="utf-8-sig")
    return enumerate(csv.DictReader(text.splitlines()), start=2)


@dataclass(frozen=True)
class ConductGrammar:
    """The rows of ``conduct_grammar.csv``: what tells a conduct (未取得许可证生产经营种子) from the words around it,
    shared by the clause loader (``loaders.nlp.objects.conduct_of``) and the vacuum query (items' names)."""

    generic: re.Pattern[str]  # words every liability clause shares (有下列行为之一, 尚不构成犯罪): no conduct
    doer: re.Pattern[str]  # what is left naming only who acts (农产品生产经营者): no conduct


@functools.lru_cache(maxsize=1)
def conduct_grammar() -> ConductGrammar:
    """``conduct_grammar.csv`` read and checked; a bad row raises ``ValueError`` naming its line."""
    found: dict[str, re.Pattern[str]] = {}
    for line, row in rows("conduct_grammar.csv"):
        role, pattern = (row.get("role") or "").strip(), row.get("pattern") or ""
        if role not in ConductGrammar.__dataclass_fields__ or role in found or not pattern:
            raise ValueError(f"ontology/conduct_grammar.csv: line {line}: expected one row per role "
                             f"({', '.join(ConductGrammar.__dataclass_fields__)}) with a pattern")
        try:
            found[role] = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"ontology/conduct_grammar.csv: line {line}: bad pattern ({exc})") from None
    missing = [role for role in ConductGrammar.__dataclass_fields__ if role not in found]
    if missing:
        raise ValueError(f"ontology/conduct_grammar.csv: no row of role {', '.join(missing)}")
    return ConductGrammar(**found)
