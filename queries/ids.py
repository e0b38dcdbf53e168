"""Stable finding ids and evidence fingerprints.

A finding's id is derived from what identifies the defect in the world, not
from store-internal ids: its kind, government and department, the item's own
list code (or else its name and category), the departments of an overlap, and
the law, article, paragraph, item, category and subject a finding names.  The
same finding gets the same id on every run and after a re-import of the same
list, so a decision recorded against it stays attached.  Every kind goes
through :func:`finding_id` (``Finding.finding_id``), so a new kind gets an id
from the fields it fills without further code.

The fingerprint is a digest of the evidence (citations as written, what they
resolved to, the article texts, notes): a decision made on one fingerprint is
*outdated* when the basis cell or the law it rests on changes.

>>> from queries.findings import Evidence, Finding
>>> a = Finding(kind="orphan", government="甲市", reason="x", item_id="id1", name="对某行为的处罚", department="甲市某局", category="行政处罚")
>>> b = Finding(kind="orphan", government="甲市", reason="y", item_id="id2", name="对某行为的处罚", department="甲市某局", category="行政处罚")
>>> finding_id(a) == finding_id(b), finding_id(a).startswith("orphan-")
(True, True)
>>> notes = [Finding(kind="vacuum_sector", government="甲市", reason="x", sector=s) for s in ("公安", "水利")]
>>> finding_id(notes[0]) == finding_id(notes[1])
False
>>> fingerprint(a) == fingerprint(Finding(**{**a.__dict__, "evidence": (Evidence(citation="《某法》第一条"),)}))
False
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from .findings import json_encoder

if TYPE_CHECKING:  # pragma: no cover
    from .findings import Finding

#: Fields that identify a finding, in the order they are hashed.  Reasons,
#: evidence, scores, store ids and law versions are left out: they change
#: with the code, the store or a new version of a law, not with the defect.
IDENTITY_FIELDS: tuple[str, ...] = (
    "government", "department", "departments", "law", "article", "paragraph", "item", "category", "subject",
)


def identity(finding: "Finding") -> dict[str, Any]:
    """The identifying content of ``finding`` (what :func:`finding_id` hashes)."""
    data: dict[str, Any] = {"kind": finding.kind}
    for name in IDENTITY_FIELDS:
        value = getattr(finding, name, None)
        if value in (None, "", ()):
            continue
        data[name] = sorted(value) if isinstance(value, tuple) else value
    # a government's note on an unloaded sector names nothing else: its sector tells one note from another
    if finding.kind == "vacuum_sector" and getattr(finding, "sector", None):
        data["sector"] = finding.sector
    # an item: the list's own code identifies it, else its name (with sub-item)
    if finding.item_code:
        data["item_code"] = finding.item_code
    elif finding.name:
        data["name"] = finding.name
    return data


def finding_id(finding: "Finding") -> str:
    """``<kind>-<10 hex digits>``: stable across runs and re-imports of the same list."""
    return finding_id_of(finding.kind, identity_text(finding))


def finding_id_of(kind: str, text: str) -> str:
    """The id of a finding of ``kind`` whose identity text (:func:`identity_text`) is ``text``."""
    return f"{kind}-{_sha1(text.encode()).hexdigest()[:10]}"


_sha1 = hashlib.sha1


def identity_text(finding: "Finding") -> str:
    """The JSON text :func:`finding_id` hashes: ``json.dumps(identity(finding), ensure_ascii=False, sort_keys=True)``.

    A vacuum's (a whole-corpus check makes ~360,000) is written field by field in the sorted order without
    building the dict; the other kinds' through :func:`identity`, which alone knows their special fields.

    >>> from queries.findings import Finding
    >>> f = Finding(kind="vacuum", government="甲市", reason="x", department="甲局", law="某法", article=3, paragraph=2)
    >>> identity_text(f) == json.dumps(identity(f), ensure_ascii=False, sort_keys=True)
    True
    """
    if finding.kind != "vacuum":
        return _ENCODE_SORTED(identity(finding))
    text = finding.__dict__.get("_text")  # its clause's fields written once (queries.findings.VacuumText)
    if text is not None:
        return text.identity(finding.department, finding.government)
    parts = []
    for name in _SORTED_FIELDS:
        if name == "kind":
            value = finding.kind
        elif name == "name" and finding.item_code:
            continue
        else:
            value = getattr(finding, name, None)
        part = identity_part(name, value)
        if part:
            parts.append(part)
    return "{" + ", ".join(parts) + "}"


def encode_identity(data: dict[str, Any]) -> str:
    """The identity text of an identity dict (:func:`identity`, or one rebuilt from a decision): what ids hash."""
    return _ENCODE_SORTED(data)


def identity_part(name: str, value: Any) -> str | None:
    """``"name": value`` as :func:`identity_text` writes one field, or None for a field it leaves out."""
    if value is None or value == "" or value == ():
        return None
    kind = type(value)
    if kind is str:
        return _KEYS[name] + _STRING(value)
    if kind is int:
        return _KEYS[name] + int.__repr__(value)
    return _KEYS[name] + _ENCODE_SORTED(sorted(value) if kind is tuple else value)


# json.dumps(..., ensure_ascii=False, sort_keys=True) with its encoder built once (a whole-corpus check makes
# ~400,000 ids): the text, hence every id, is the same
_ENCODE_SORTED = json_encoder(sort_keys=True)
_SORTED_FIELDS = tuple(sorted({"kind", *IDENTITY_FIELDS, "item_code", "name"}))
_KEYS = {name: json.dumps(name) + ": " for name in _SORTED_FIELDS}
_STRING = json.encoder.encode_basestring  # what the encoder writes a str with (ensure_ascii=False)


def fingerprint(finding: "Finding") -> str:
    """A digest of the evidence a decision about ``finding`` is made on."""
    parts = [[e.citation, e.resolved_to, e.article_text, e.note] for e in finding.evidence]
    text = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha1(text.encode()).hexdigest()[:16]
