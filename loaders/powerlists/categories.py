"""Power categories as lists write them, normalised to the ten names.

Lists write 其他行政权力, 其它权力, 行政强制措施, 行政 处罚 (wrapped), 行政征收（征用）
...; :func:`normalise_category` maps each to a :class:`kg.model.Category` or
returns None for text that is no category (公共服务, 内部管理).

>>> normalise_category("行政\\n处罚"), normalise_category("其他行政权力"), normalise_category("行政强制措施")
(<Category.PENALTY: '行政处罚'>, <Category.OTHER: '其他'>, <Category.COERCION: '行政强制'>)
>>> normalise_category("公共服务") is None
True
>>> category_in_title("行政处罚（254项）"), category_in_title("附表1")
(<Category.PENALTY: '行政处罚'>, None)
"""

from __future__ import annotations

import re

from kg.model import Category

# Spellings beyond the ten names themselves; longest first when searching titles.
SYNONYMS: dict[str, Category] = {
    "其他行政权力": Category.OTHER,
    "其它行政权力": Category.OTHER,
    "其他权力": Category.OTHER,
    "其它权力": Category.OTHER,
    "其他职权": Category.OTHER,
    "其他类": Category.OTHER,
    "其它": Category.OTHER,
    "行政备案": Category.OTHER,
    "备案": Category.OTHER,
    "非行政许可审批": Category.OTHER,
    "行政强制措施": Category.COERCION,
    "行政强制执行": Category.COERCION,
    "强制措施": Category.COERCION,
    "强制执行": Category.COERCION,
    "行政征用": Category.LEVY,
    "征收征用": Category.LEVY,
    "行政征收征用": Category.LEVY,
    "行政监督检查": Category.INSPECTION,
    "监督检查": Category.INSPECTION,
    "行政审批": Category.LICENSING,
    "许可": Category.LICENSING,
    "处罚": Category.PENALTY,
    "强制": Category.COERCION,
    "征收": Category.LEVY,
    "给付": Category.BENEFIT,
    "检查": Category.INSPECTION,
    "确认": Category.CONFIRMATION,
    "奖励": Category.REWARD,
    "裁决": Category.ADJUDICATION,
    "其他": Category.OTHER,
}

_NOISE = re.compile(r"[\s\d.、,，:：()（）\[\]【】类项]+")


def normalise_category(text: str) -> Category | None:
    """The category a cell names, or None when it names none of the ten."""
    key = re.sub(r"\s+", "", text or "")
    if not key:
        return None
    for category in Category:
        if key == category.value:
            return category
    if key in SYNONYMS:
        return SYNONYMS[key]
    bare = _NOISE.sub("", key)
    for category in Category:
        if bare == category.value:
            return category
    if bare in SYNONYMS:
        return SYNONYMS[bare]
    # 行政处罚类, 行政许可事项: a category name followed by a generic word
    for category in Category:
        if category is not Category.OTHER and bare.startswith(category.value) and len(bare) <= len(category.value) + 4:
            return category
    for name in sorted(SYNONYMS, key=len, reverse=True):
        if len(name) >= 4 and bare.startswith(name) and len(bare) <= len(name) + 4:
            return SYNONYMS[name]
    return None


def category_in_title(title: str) -> Category | None:
    """The one category a sheet or table title names (行政许可（11项）), else None."""
    key = re.sub(r"\s+", "", title or "")
    found = {c for c in Category if c is not Category.OTHER and c.value in key}
    if any(name in key for name in ("其他行政权力", "其它行政权力", "其他权力", "其他职权")):
        found.add(Category.OTHER)
    return found.pop() if len(found) == 1 else None


_COUNT_RE = re.compile(r"[（(]\s*(\d+)\s*项\s*[）)]|共\s*(\d+)\s*项")


def count_in_title(title: str) -> int | None:
    """The item count a title states: 行政处罚（254项） -> 254."""
    match = _COUNT_RE.search(re.sub(r"\s+", "", title or ""))
    if not match:
        return None
    return int(match.group(1) or match.group(2))
