"""A cheap keyword test on raw text: may an article hold an authorising clause?

A clause needs an act (罚款, 许可, 检查, 负责…) and a body to hold it, named in
the article or, for a sanction, carried from earlier in the chapter.  Most
articles fail this test (definitions, duties of the public, procedure), and one
compiled regex over the raw text costs a small fraction of a segmenter pass.

>>> might_grant("第一条 为了保证食品安全，制定本法。")
False
>>> might_grant("由公安机关处二百元罚款")
True
>>> might_grant("饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证。")
True
"""

from __future__ import annotations

import re

_SANCTIONS = (r"罚款|没收|吊销|拘留|警告|责令|查封|扣押|冻结|扣留|强制|暂扣|处罚|取缔|关闭|停业|停产|停工|代为|代履行"
              r"|禁止从事|限制|拖移|约束至|封存")
_ACTS = re.compile(
    _SANCTIONS + r"|许可|批准|审批|核准|核发|颁发|发给|换发|发放|检查|抽查|抽样|查阅|复制|询问|调查|征收|征缴|收费|收取"
    r"|登记|认定|鉴定|确认|评定|检定|奖励|表彰|嘉奖|裁决|调解|补助|抚恤|救助|补贴|注销|撤销|取消|暂停|约谈|负责|主管"
    r"|监督管理|验收|申请|申领|办理|予以|给予|争议|纠纷|调处|核定|合理调整|滞纳金|补缴|退还|阻止|制止|审核|审查|同意|拆除"
    r"|清除|恢复原状|安置|发给|收缴|发售|审计|检查监督|权属|签发|录音|查验|隔离|封锁|接管|生活保障|考核合格|征用|检疫|实施监督|进行监督|实行监督|核查|征购|阻断|扣缴|督导|巡查|离港|停航|进行查处"
    r"|紧急处置|请求[^，。；]{2,40}?处理"  # i12-works: emergency disposal; a claim brought to a body (广告管理条例 art. 20)
    r"|监管|组织实施|补偿|搬迁费|安置费|周转用房|产权调换|住房保障"  # i12-expro: expropriation and its compensation
    r"|临时[^，。；]{0,8}?控制"  # i12-rulings: 采取临时(隔离)控制措施, a temporary coercive measure
    r"|盘问|强行|使用(?:警械|武器)|交通管制|现场管制|保护性约束|强制措施"  # i12-coercion: the police's on-the-spot measures
    r"|调用|行使[^，。；]{0,40}?管理职责"  # i12-water2: a requisition (调用物资、设备), 行使…监督管理职责 (competence)
    # i12-labour: labour and safety inspection (实施劳动保障监察), paying insurance benefits, 划拨 of deposits, 当场纠正
    r"|(?:实施|进行|开展)[^，。；]{0,8}?监察|(?:支付|发放)[^，。；]{0,12}?(?:保险待遇|保险金|养老金)|划拨|当场(?:予以)?纠正"
    r"|(?:以下|下列)[^，。；：:\n]{0,12}?(?:职责|职权)[：:]"  # i12-duties: a duty list, whose items' tasks (管理…) are its acts
)
# a licence system with no body (瓶装燃气经营实行许可制度) takes the law's competent department (clauses.py);
# 办公室 (i12-census): 普查办公室 of the census regulations, 管理办公室 of patterns/bodies.tsv
_BODY_OR_SANCTION = re.compile(r"部门|机关|人民政府|国务院|海关|机构|办事处|办公室|警察|委员会|总局|总署|管理局|税务|中国人民银行|"
                               r"指挥部|许可(?:证)?(?:管理)?制度|" + _SANCTIONS  # 防汛指挥部 (防汛条例 art. 15)
                               # i12-publish: a procedure cited by article number holds that article's body
                               # (依照本条例第三十二条的规定办理审批手续, patterns/references.tsv)
                               + r"|本(?:法|条例|办法|规定|细则)第[〇零一二三四五六七八九十百]+条[^。；]{0,16}?办理")


def might_grant(text: str) -> bool:
    """True when ``text`` names an act and a body (or a sanction), i.e. may hold a clause."""
    return _ACTS.search(text) is not None and _BODY_OR_SANCTION.search(text) is not None
