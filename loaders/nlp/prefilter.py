"""A cheap keyword test on raw text: does an article mention a body or a sanction?

Most articles do neither (definitions, duties of the public, procedure), and
the full pipeline costs about a segmenter pass; one compiled regex over the
raw text costs a small fraction of that.

>>> might_grant("第一条 为了保证食品安全，制定本法。")
False
>>> might_grant("由公安机关处二百元罚款")
True
"""

from __future__ import annotations

import re

# Any body (…部门, …机关, 人民政府, 国务院, 海关, …机构) or any act keyword.
_KEYWORDS = re.compile(
    r"部门|机关|人民政府|国务院|海关|机构|办事处|罚款|没收|吊销|拘留|警告|责令|查封|扣押|冻结|扣留|强制|代为|代履行"
    r"|许可|批准|审批|核准|核发|颁发|检查|征收|征缴|收费|登记|认定|鉴定|确认|奖励|表彰|裁决|补助|抚恤|救助|备案|注销"
)


def might_grant(text: str) -> bool:
    """True when ``text`` mentions a body or an act, i.e. may hold an authorising clause."""
    return _KEYWORDS.search(text) is not None
