"""Powers without responsibility (有权无责): no 责任事项 or no 追责情形.

An item is unaccountable when it has no Responsibility, or none of its
responsibilities lists duties (责任事项), or none lists accountability
(追责情形).  One finding per item says which is missing.
"""

from __future__ import annotations

from typing import Iterator

from kg.views import ItemBasis

from .findings import Evidence, Finding, item_finding, item_findings


def unaccountable_of(basis: ItemBasis) -> Finding | None:
    missing = []
    if not basis.has_duties:
        missing.append("责任事项")
    if not basis.has_accountability:
        missing.append("追责情形")
    if not missing:
        return None
    reason = f"该事项未列明{'和'.join(missing)}，有权无责。"
    note = f"责任条目 {basis.responsibilities} 条；" + "；".join(f"{m}：空" for m in missing)
    return item_finding("unaccountable", basis, reason, [Evidence(note=note)])


def find_unaccountable(store, *, government: str | None = None, department: str | None = None) -> Iterator[Finding]:
    """Items lacking 责任事项 or 追责情形, in item-id order."""
    return item_findings(store, unaccountable_of, government, department)
