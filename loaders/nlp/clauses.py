"""Clause extraction: who may or must do which act, of which category.

Works on the terms of :mod:`loaders.nlp.terms` (``Doc._.terms``) of one
article's text, paragraphs and items one per line, and leaves
:class:`ClauseFinding` objects on ``Doc._.clauses``.  The rules follow how
statutes are written (domain.md section 4):

* a condition (``违反本法第三十五条规定，…的，``) names the trigger, never a power;
* the subject is the body after 由, the body a clause starts with
  (``X可以/应当/有权…``), the body of 经X批准 / 向X申请 for licences, every
  body of ``X、Y按照职责分工``; failing those, the nearest earlier subject of the
  sentence (or paragraph), and for sanctions the last sanctioning body of the
  article, then the bodies a 本法规定的行政处罚，由X决定 provision designates
  (``Doc._.designated_subjects``), then the subject carried from earlier in the
  chapter (``Doc._.carried_subject``);
* discipline, criminal and civil liability (依法给予处分, 追究刑事责任,
  承担赔偿责任) are no power over the public and are masked out, and so is a
  sanction on a body's own misconduct (…部门有下列行为之一的) or an approval
  inside the administration (报国务院批准).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import UserError
from kg.text import chinese_to_int

from .procedures import procedure_of
from .roles import sector_terms
from .terms import _ALIAS, _VERBS_BEFORE_BODY, PATTERNS_DIR, Term, _rows, load_tables

if not Doc.has_extension("clauses"):
    Doc.set_extension("clauses", default=None)
if not Doc.has_extension("carried_subject"):
    Doc.set_extension("carried_subject", default=None)  # (subject, level) from earlier in the chapter
if not Doc.has_extension("competent_subjects"):
    Doc.set_extension("competent_subjects", default=None)  # departments the law makes competent (X负责…监督管理)
if not Doc.has_extension("designated_subjects"):
    Doc.set_extension("designated_subjects", default=None)  # (act keys or None, bodies) of 本法规定的行政处罚，由X决定
if not Doc.has_extension("last_subject"):
    Doc.set_extension("last_subject", default=None)  # the subject this article leaves for the next


@dataclass
class ClauseFinding:
    """One (category, subject) of one place of the text; offsets index ``Doc.text``."""

    category: str
    subject: str
    start: int  # first act
    construction: str = ""  # the construction of its first act (patterns/constructions.tsv)
    modality: str | None = None
    actions: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    triggers: list[tuple[str, int]] = field(default_factory=list)  # (本法 or 《law》, article)
    inherited_level: str | None = None
    level: str | None = None
    sector: str | None = None
    positions: list[int] = field(default_factory=list)  # start of every act


# X负责/主管…工作, X对…实施监督管理: a role's competence, no power toward the public on its own
COMPETENCE = "competence"
# Sanctions are what a liability chapter may leave without a subject.
SANCTION_CATEGORIES = {"行政处罚", "行政强制"}
LICENCE_ACTIONS = {"许可", "批准", "核发证", "考核", "验收"}
# 向X报检 / 向X申报检疫: the party asks X to inspect; X, the recipient, holds the inspection (i12-bodies2)
REQUESTED_INSPECTION = "quarantine_request"
PAID_TO = "levy_paid_to"  # 向X缴纳…费: the body paid collects (patterns/constructions.tsv)
# 依法给予处罚 / 治安管理处罚 refer to a penalty set elsewhere: only a body named beside them holds it
REFERRAL_ACTIONS = {"处罚", "治安管理处罚"}
# i12-quality: a referral to another article of the same text (依照本法第X条的规定, 依照本条例…的处罚规定) before 处罚; 依照前款
# 规定处罚 takes the body of the paragraph it cites (安全生产法 art. 110), not the designation
_OWN_RULE_REFERRAL = re.compile(r"(?:依照|按照|依据)本(?:法|条例|办法|规定|细则)(?!以外)[^，。；《]{0,40}?规定(?:予以|给予)?$")
# i12-duties: an item of a duty list (X履行下列职责：（一）管理…；（二）对…进行管理, 人民警察法 art. 6) whose task is the
# management of a field is X's competence clause (tests/gold/README.md rule 4, 其他): the chapeau's body is the subject of
# every item that names none, as X、Y按照职责分工 is of its acts (patterns/constructions.tsv duty_item)
DUTY_ITEM = "duty_item"

_SENTENCE_END = re.compile(r"[。；;\n]")
_CASE_BEFORE = re.compile(r"(?:的[^，。；]{0,12}?|时)[，,]")  # 不符合…的建筑工程， / 在申请…时，: a case before the subject
_PROHIBITED = re.compile(r"不得|不准|禁止|方可|方能|才能")  # what 未经X批准 leads to in a licence
_CLAUSE_END = re.compile(r"[，,。；;：:\n]")
# the rest of the act's comma clause: …时 (a time), …必须/应当/不得依照 (the act is the topic of a duty)
_TOPIC_AFTER = re.compile(r"时$|(?:必须|应当|不得|须)(?!由)")
_NOUN_AFTER = re.compile(r"[^，。；]{0,14}?的(?:情况|信息|结果|记录|名单|数据|权力|职权|期限)|[^，。；]{0,12}?之(?:日|前|后)"
                         r"|[^，。；]{0,24}?的[^，。；]{0,6}?[日月年](?:前|内|后|以前|以内)$"
                         r"|[^，。；]{0,4}?[一二三四五六七八九十百\d]+个?(?:工作)?日(?:前|以前)"
                         r"|(?:工作)?(?:中|过程中|需要|所需|经费)|职责|[^，。；]{0,2}?等(?:项目|工作|事项|活动|制度)"
                         r"|[^，。；]{0,16}?(?:制度|机制|体系)$")
# 接受X[和Y]的监督检查: the bodies named supervise (北京市出租汽车管理条例 art. 15 item 20)
_ACCEPTED = re.compile(r"(?:(?:和|、|或者|或|及|以及)[^，。；]{1,16}?(?:部门|机关|机构))*(?:依法)?(?:实施|进行)?的?[^，。；]{0,6}?(?:监督|检查|审计|调查)")
# i12-census: 配合X(和Y)依法进行的监督检查: the party cooperates with the inspection X makes, so X inspects (特种设备安全监督检查办法
# art. 20 应当积极配合市场监督管理部门依法实施的特种设备安全监督检查); only with 依法…的, since 配合X开展/做好… is a body helping X
_COOPERATED = re.compile(r"(?:(?:和|、|或者|或|及|以及)[^，。；]{1,16}?(?:部门|机关|机构|队))*依法(?:实施|进行|开展)的[^，。；]{0,10}?(?:监督检查|检查|调查)")
_PLAN_OBJECT = re.compile(r"(?<!符合)(?:规划|计划(?!生育))(?!区|条件|许可|确定|用途|的要求)|预算|决算|(?:业务|技术|行业|国家|地方|专业)(?:标准|规范)(?!化)|实施细则|实施办法|修改方案")
_ATTRIBUTIVE = re.compile(r"[^，。；]{0,4}?的|[^，。；]{0,6}?(?:范围|权限)")
# 征收…土地的，由国务院批准: approving a taking is part of the 行政征收; 农用地转用 beside it is a licence
_LEVY_OBJECT = re.compile(r"征收|征地|征用")
_USE_OBJECT = re.compile(r"转用|转为|使用|占用|用地|开发|出让|改变")
_INTERNAL_OBJECT = re.compile(r"工作人员|下级|所属|人民政府|部门|机关|执法活动|执法行为|履行职责|预算|决算|决策执行")
# 监督检查所属各单位的预算执行: the checked party named after the act is the administration's own
_INTERNAL_AFTER = re.compile(r"(?:本级|所属|下级|下一级)[^，。；]{0,6}?(?:单位|部门|机关|人民政府|政府)|[^，。；]{0,12}?(?:预算|决算)")
_NOT_AGENT_BEFORE = ("对", "向", "到", "报", "会同", "经", "与", "协助", "配合", "通知", "告知", "提请", "移送", "报告",
                     "商", "请", "交", "送", "提交", "申请", "由", "同", "和", "或者", "及", "、", "被", "给", "为",
                     "接受", "派", "组织", "指定", "授权", "委托", "设立", "设置", "本级", "取得", "属于", "作为", "征得",
                     # i12-names: the body ordered (责成, 督促, 协调, 指导) or consulted (征求) acts for the one that orders or asks
                     # (城乡规划法 art. 68: 县级以上地方人民政府可以责成有关部门采取查封施工现场、强制拆除等措施)
                     "责成", "督促", "征求", "协调", "指导",
                     # 城管执法部门按照市人民政府确定的职责分工…实施行政处罚 (上海市城市管理行政执法条例 art. 11): the body
                     # whose decision or grant is followed does not act (i12-local)
                     "按照", "依照", "根据",
                     # i12-agri: the body a two-stage application comes from (收到X报送的申请资料后…作出审批决定, 农药管理条例
                     # art. 12; 宗教事务条例 art. 33 自收到县级人民政府宗教事务部门报送的材料之日起): the receiver decides
                     "收到")
# 协助所在地人民政府…: the body assisted, with a place word before it (所在地, 当地), is no agent (湖州市生态文明先行示范区
# 建设条例 art. 52: 基层群众性自治组织应当协助所在地人民政府及相关主管部门…，依法调解…纠纷: the mediator is the assistant)
_PLACE_BEFORE = re.compile(r"(?:协助|配合)(?:所在地|当地)的?$")
# i12-recall6: a proposal that a body order another (建议X责成Y…) is a request inside the administration: no one acts in the
# sentence (国有重点金融机构监事会暂行条例 art. 14: 监事会…可以建议国务院责成审计署…进行审计或者检查). A proposal to the body
# that acts itself names it as the holder (商业银行法 art. 76: 中国人民银行可以建议国务院银行业监督管理机构责令停业整顿, dev gold)
_PROPOSED = re.compile(r"(?<![的出])建议[^，。；]{0,30}?责成[^，。；]{0,80}$")
# i12-bodies3: a sentence that opens with a subject of its own, a noun phrase the rules do not know as a body before its
# modal (强制隔离戒毒场所应当配备…，依法为…提供…: 戒毒条例 art. 29), does not take the body of the sentence before it, nor one
# carried from an earlier article: the act is that subject's (bench/recall_sample sixth no. 39)
_OWN_OPENER = re.compile(r"\s*(?:（[一二三四五六七八九十]+）)?(?!对|由|经|依|按|根据|在|因|当|凡|如|除|有|自|从|未|不|应|可|必|并|同时|必要时|发现)"
                         r"[\u4e00-\u9fff]{2,16}?(?<!的)(?<!工作人员)(?<!执法人员)(?<!公安人员)(?<!检查人员)(?<!稽查人员)(?<!人民警察)"
                         r"(?:应当|可以|必须|有权)")  # staff act for their body (subjects.tsv; 铁路法 art. 54 现场公安人员可以予以拘留)
_SUBJECTLESS_START = re.compile(r"\s*(?:对|应当|可以|有权|并|必要时|发现|经|根据|依照|按照|依法|需要|在)")
# X的工作人员实施监督检查时，可以…: officials act for their body
_OFFICIALS_ACTING = re.compile(r"(?:的|及其)(?:执法|监督检查|检查)?(?:工作)?人员(?:在)?(?:依法)?(?:实施|执行|进行|履行)"
                               # i12-coercion: X的人民警察 act for their organ X (公安机关适用继续盘问规定 art. 7 公安机关的人民警察
                               # 对有违法犯罪嫌疑的人员…可以当场盘问、检查; tests/gold/dev/NOTES-i12-coercion.md conv. 5), not where they are the topic
                               # of their own discipline, rank or training (…的人民警察有下列行为, 不得, 警衔, 院校)
                               r"|的人民警察(?!证|院校|培训|警衔|职务|的|和|、|有(?!权)|不得|违反|违法|应当(?:严格)?遵守)")
# 建设单位应当给予补偿: a party of the public pays (not 对土地使用权人应当给予补偿, the party paid); 国家为了…，可以…
# 并给予补偿 states a principle (土地管理法 art. 2)
_PRIVATE_ACTOR = re.compile(r"(?:^|[，,])(?!对)[^，,。；]{0,16}?(?:单位|企业|组织|个人|公民|经营者|使用者|所有者|业主|当事人|国家)"
                            r"(?:应当|可以|必须|依法|应|为了)")
# a compensation for what a body took earlier in the article (征用, 征收, 收回, 调集, 隔离, 移交 …)
_COMPENSATION = re.compile(r"补偿|报酬")
# i12-resources: 经…三分之二以上成员…的同意，并报X批准: a collective asks with its members' (super)majority, X's approval is a
# licence
# (农村土地承包法 art. 28 承包地调整…必须经…村民会议三分之二以上成员…的同意，并报乡（镇）人民政府…批准)
_MEMBERS_MAJORITY = r"经[^，。；]{0,60}?(?:三分之二|过半数|半数以上)[^，。；]{0,40}?同意"
_MEMBERS_CONSENT = re.compile(_MEMBERS_MAJORITY + r"[，,]?(?:并|再)?(?:报经|报)$")
_MEMBERS_DECIDE = re.compile(_MEMBERS_MAJORITY)  # what they approve is the collective's decision, no taking
_PARTY_TOPIC = re.compile(r"[^，。；]{2,40}?[，,](?:应当|必须|须)报经$")  # 设置X，应当报经
_HANDED_TO = re.compile(r"(?:移交|交给|上交|送交)$")
_TAKING = re.compile(r"征收|征用|收回|调集|拆除|隔离|移交|占用")
_ITEM_LINE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]")
_CONDITION_LEAD = re.compile(r"(?:之一的|拟(?:作出)?下列|下列[^：\n]{0,12}?(?:情形|行为|案件)(?:之一)?|用语的含义|(?<!负责)(?<!办理)下列[^：\n]{0,6}?(?:事项|情况|资料|内容|文件|材料|信息))")


@dataclass
class _Body:
    term: Term
    agent: bool
    licensing: bool = False  # 经X批准 / 向X申请
    group: int = -1  # bodies of one 、-list share a group
    local_end: int | None = None  # 并可以由X…: X holds only up to the end of its clause
    violator: bool = False  # the body whose misconduct a condition describes


# i12-planning: one step of a licence that another body's step follows in the same 经-phrase (经市园林绿化行政主管部门审核、
# 市规划国土行政主管部门批准: 北京市绿化条例 art. 57; 经风景区管理机构审核、有关部门批准: 青岛市崂山风景区条例 art. 23)
_CHAINED_STEP = re.compile(r"(?:审核|审查|初审|同意)(?:同意|通过)?、")
_AGENT_VERBS = ("批准", "审批", "核准", "同意", "许可", "登记", "认定", "确认", "鉴定", "备案", "核发", "颁发", "审核", "审查", "考核合格", "验收")
# X的工作人员 / X或者其他有关部门工作人员 + misconduct (利用职务上的便利, 徇私舞弊 ...): discipline of officials
# i12-publish: a comma may follow the staff (X及其工作人员，利用职务上的便利…批准…的: 音像制品管理条例 art. 37; X及其工作人员，违反本法
# 规定: 53 corpus files): the misconduct is still the case
_VIOLATION_AFTER = re.compile(r"(?:(?:及其|的|或(?:者)?[^，。；]{0,10}?)[^，。；]{0,8}?人员，?)?(?:(?:[^，。；]{0,12}?，)?有下列|有本法|违反|违法(?=实施|作出|采取|收取|征收|使用)|擅自|未(?!经)|不依法|不履行|不按照|滥用|玩忽|隐瞒|拒不|"
                              r"利用职务|徇私|索取|收受|"
                              r"在[^。；]{0,30}?(?:中|时)，?(?:有(?!权)|未|违反|违法|玩忽|滥用))")


# i12-planning: a body (or list of bodies) that opens a clause and a comma before its misconduct (历史文化名城名镇名村保护条例
# art. 39 …的保护主管部门或者城市、县人民政府城乡规划主管部门，未按照…履行…审批职责的); not 由X责令改正，拒不改正的 (X after 由 opens no clause)
_COMMA_VIOLATION = re.compile(r"[，,](?:未(?!经)|违反|擅自|不依法|不履行|不按照|滥用|玩忽|徇私|利用职务)")
_OPENS_CLAUSE = re.compile(r"(?:^|[，,。；;：:\n])\s*(?:（[一二三四五六七八九十]+）)?$")


def _mask(terms: list[Term]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in terms if t.label == "NONPOWER"]


def _without(text: str, start: int, end: int, ranges: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the characters of ``ranges`` (body names: 城市规划行政主管部门 plans nothing)."""
    keep = [c for i, c in enumerate(text[start:end], start) if not _inside(i, ranges)]
    return "".join(keep)


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _agent_like_at(text: str, bodies: list[Term], a: int, cut: int) -> bool:
    """Does a body that acts (X应当/可以/对…) stand before ``cut`` in the sentence from ``a``?"""
    for b in bodies:
        if a <= b.start < cut:
            before = text[max(a, b.start - 2): b.start]
            if (b.start == a or before.endswith(("，", "由"))) and not _VIOLATION_AFTER.match(text, b.end):
                return True
    return False


# i12-recall6: a duty to obtain a licence in a comma clause before the case (…修剪时，须征得公路管理机构同意，确需采伐的，
# 应当依法办理采伐手续: 洛阳市公路路政管理条例 art. 16) is a main clause: only the 的-segment after it is the case
_LICENCE_DUTY = re.compile(r"(?:须|应当|必须)(?:事先|事前|依法)?(?:经过?|征得|报经)[^，。；]{1,30}?(?:批准|同意|审批|核准|许可)")


def _condition_zones(text: str, sentences, lines, bodies: list[Term]) -> list[tuple[int, int]]:
    """Stretches that state the facts of a case: up to the last 的， of a sentence, and the
    items under a lead-in like 有下列情形之一的，…："""
    zones = []
    for a, b in sentences:
        cuts = [m.start() for m in re.finditer("的，", text[a:b])]
        cut = a + cuts[0] if cuts else -1
        for n, offset in enumerate(cuts):
            c = a + offset
            but = text.rfind("，但", a, c)
            if n == 0 and but >= 0:
                zones.append((but + 1, c + 2))  # X接受Y的监督管理，但法律规定…的，: the case is the 但-clause's
            elif n == 0 and not _agent_like_at(text, bodies, a, c) and not _LICENCE_DUTY.search(
                    text, a, max(a, text.rfind("，", a, c))):
                zones.append((a, c + 2))  # 违反…，未取得…的，: the case the sentence starts with
            else:
                # X应当…，对符合条件的，… / …罚款；情节严重的，…: only the 的-segment is a condition
                seg = text.rfind("，", a, c)
                lo = seg + 1 if seg >= 0 else a
                # X在监督检查工作中发现…的，应当…: the body that opens the case is the clause's subject
                end = lo
                for body in bodies:  # 应急管理部门、城市管理部门或者其他有关部门在履行职责中发现…的: the whole list
                    if body.start == end or body.start > end and re.fullmatch(r"、|和|或者|或|及|以及", text[end: body.start]):
                        end = body.end
                if end > lo and _FINDS_CASE.match(text, end):
                    lo = end
                zones.append((lo, c + 2))
        for m in re.finditer(r"违反[^，。；]{0,60}?规定", text[a:b]):
            zones.append((a + m.start(), a + m.end()))
        for m in re.finditer(r"未(?:经|取得|依法取得|按照|依照)[^，。；]{0,40}?(?:许可|批准|审批|核准|登记|备案|证)", text[a:b]):
            # 未经批准擅自…的 / 未经X许可，从事…的组织或者个人，由X…: a case; 未经X批准，不得…以外的其他标志
            # (公路法 art. 54): a licence, the 的 a noun's inside the prohibition
            comma = _CLAUSE_END.search(text, a + m.end(), b)
            rest = text[a + m.end(): b]
            if cut >= 0 or "的" in text[a + m.end(): comma.start() if comma else b] or (
                    "的" in rest and not _PROHIBITED.search(rest)):
                zones.append((a + m.start(), a + m.end()))
    lead_is_condition = False
    for a, b in lines:
        line = text[a:b]
        if _ITEM_LINE.match(line):
            if lead_is_condition:
                zones.append((a, b))
        else:
            lead_is_condition = bool(_CONDITION_LEAD.search(line))
    return zones


# 县级以上人民政府征兵办公室 / 人民政府国防交通主管机构 / 人民政府负责海事、渔业工作的行政主管部门: a body of
# the government the term table does not know; the bare government is not the subject
_UNNAMED_BODY_AFTER = re.compile(
    r"(?:负责|承担)[^，。；：]{0,24}?工作的[^，。；：]{0,8}?(?:部门|机构)"
    r"|(?!和|及|或|与|、|对|向|将|报|为|在|应|可|须|必|有|其|各|所|的|主管|负责|承担|组织|依|按|根据|统一|制定|规定|批准|"
    r"决定|责令|给予|加强|建立|采取|同意|会同|商|授|委托|指定|确定|设立|作出|申请|领导|督促|支持|鼓励|协调|通报|要求|及时|"
    r"分别|共同|应当|可以|本级|上级|下级|同级|责成)"  # i12-names: 人民政府责成有关部门, the government orders
    r"[\u4e00-\u9fff、]{0,12}?(?:部门|机构|办公室|委员会)")


def _classify_bodies(text: str, bodies: list[Term], zones, mask, internal: list[tuple[int, int]]) -> list[_Body]:
    """Agents, licensing bodies and violators; ``internal`` collects the spans of 报X批准."""
    result: list[_Body] = []
    group = 0
    previous_end = -10
    group_start = 0
    for term in bodies:
        before = text[max(0, term.start - 4): term.start]
        after = text[term.end: term.end + 40]
        joined = previous_end >= 0 and re.fullmatch(r"[（(]?(?:、|和|或者|或|及|以及|与)(?:其)?(?:所属的|设置的|指定的|授权的|委托的)?", text[previous_end: term.start] or "x")
        if not joined:
            group += 1
        licensing = False
        # 经X批准 / 报X审批, X after a place (报测绘成果所在地的…部门, 经单位所在地…部门); a level listed before it is part
        # of it or written out before it (_expand_elliptic: 经省级或者设区的市级人民政府商务主管部门批准, 对外劳务合作管理条例
        # art. 5), the second body joined to the first and licensing as it does
        if re.search(r"(?:经过?|报经|报请|报送|报)(?:所在地的?|当地|有关|[^，。；经报]{1,8}?所在地的?|[^，。；经报]{1,4}?地)?$",
                     text[max(0, term.start - 14): term.start]) and re.match(
                r"[^，。；]{0,30}?(?:" + "|".join(_AGENT_VERBS) + ")", after):
            licensing = True
        elif re.search(r"征得(?:[^，。；]{0,8}?所在地的?)?$", text[max(0, term.start - 12): term.start]) and re.match(
                r"[^，。；]{0,6}?同意", after) and not any(
                b.term.start >= max(text.rfind(c, 0, term.start) for c in "。；\n") for b in result):
            licensing = True  # 调入单位必须事先征得…植物检疫机构同意 (植物检疫条例 art. 10); a body asking another is internal
        elif re.search(r"(?:向|(?<![收得达受遇直做])到)(?:所在地的?|当地|有关|指定的|[^，。；向到]{1,8}?所在地的?)?$", text[max(0, term.start - 12): term.start]) and re.match(r"[^，。；]{0,30}?(?:申请|申领|办理|提交下列)|报告[，,]经批准|(?:(?:或者|或|和|、)[^，。；]{1,20}?)?(?:依法|按照规定|进行|办理)?(?:登记(?!备案)|缴纳[^，。；]{0,16}?费)"
                                                             r"|(?:重新)?(?:报检|申报检疫)", after):
            licensing = True  # 向X申请; 向X报检 (i12-bodies2): X is asked to inspect, the recipient acts
            # i12-labour: 到指定的X办理…登记 (失业保险条例 art. 16 到指定的社会保险经办机构办理失业登记): X registers.
            # i12-works: 向X登记 (建设工程安全生产管理条例 art. 35; 船舶登记条例 art. 5 应当向船舶登记机关登记) and
            # 向X缴纳…费 (宁波市水资源管理条例 art. 21): X registers or collects
        elif re.search(r"(?:取得|持有|领取)(?:所在地|当地|有关)?$", before) and re.match(r"(?:依法)?(?:核发|颁发|签发|发放|批准)", after):
            licensing = True  # 取得X核发的狩猎证: X issues the licence
        elif joined and result and result[-1].licensing:
            licensing = True
        elif result and result[-1].licensing and _CHAINED_STEP.fullmatch(text, result[-1].term.end, term.start) and re.match(
                r"[^，。；]{0,30}?(?:" + "|".join(_AGENT_VERBS) + ")", after):
            licensing = True  # i12-planning: 经X审核、Y批准 (a chain of steps of one licence: each body is a licensing one)
        sentence = text[max(text.rfind("。", 0, term.start), text.rfind("；", 0, term.start)) + 1: term.start]
        if (licensing and term.suffix in ("人民政府", "国务院") and re.search(r"报(?:经|请)?(?:本级|上一级|上级)?$", before)
                and "申请" not in sentence and not (
                    # 收费公路设置…的收费站，应当报经省…人民政府审查批准 (公路法 art. 64): no body in the sentence submits;
                    # the party that sets up the station asks the government
                    not result and _PARTY_TOPIC.match(sentence) and not _PLAN_OBJECT.search(sentence)
                    or _MEMBERS_CONSENT.search(sentence))
                # i12-bodies3: 经X审核后报国务院批准 (文物保护法 art. 42, dev gold): the government decides on what its department
                # reviewed for a party, the last step of one licence (not of a plan, a rule, a price or the state's own company)
                and not (_REVIEWED_FOR.search(sentence) and not _PLAN_OBJECT.search(sentence)
                         and not _NOT_FOR_A_PARTY.search(sentence))):
            licensing = False  # 报国务院批准: an approval inside the administration
            internal.append((term.end, term.end + 12))
        elif licensing and not joined and "申请" not in sentence and (
                _body_asks(text, term, result, sentence) or _GOVERNMENT_ACTS_AFTER.match(after)):
            licensing = False  # 省人民政府…经国务院批准，可以设立派出机关 / 招录机关应当将名单报…审批: one body asks another
            internal.append((term.end, term.end + 12))
        agent = False
        violator = bool(_VIOLATION_AFTER.match(after))
        if not joined:
            group_start = term.start
        if not violator and _COMMA_VIOLATION.match(after) and _OPENS_CLAUSE.search(text[max(0, group_start - 8): group_start]):
            violator = True  # i12-planning: 违反本条例规定，X或者Y，未按照…履行…职责的 (the list opens the clause)
        if term.suffix == "人民政府" and _UNNAMED_BODY_AFTER.match(after):
            result.append(_Body(term, False, False, group, None, violator))
            previous_end = term.end
            continue
        if not (_inside(term.start, zones) or _inside(term.start, mask)) and not violator:
            if before.endswith("由") or _SUBMITTED_ACTS.search(before) and _ACTS_ON_SUBMISSION.match(after) or before.endswith(
                    "提请") and re.match(r"(?:依法)?予以", after) or before.endswith(
                    ("提请", "报请")) and _DECIDES_AFTER.match(after) or before.endswith("提请") and re.match(
                    r"[^，。；]{0,12}?(?:调解处理|裁决|依法处理)", after) or before.endswith(("报", "报请")) and not text.startswith("告", term.start) and _RULES_AFTER.match(
                    after) and _DISPUTE.search(text, text.rfind("\n", 0, term.start) + 1, term.start):
                # 提请当地县级人民政府及其指定的部门调解处理 (石油地震勘探损害补偿规定 art. 7): the body asked rules the dispute;
                # so does the one a dispute of the paragraph is sent up to (重庆市林地保护管理条例 art. 21 权属争议…协调不成的，
                # 报区县（自治县、市）人民政府处理; i12-rulings)
                agent = True
            elif (before.endswith("接受") and _ACCEPTED.match(after) or before.endswith("配合") and _COOPERATED.match(after)) and not re.search(
                    r"被(?:检查|监督|审计)", sentence):
                agent = True  # 接受审计机关的审计监督: the body supervises the one who accepts
            elif before.endswith(("设立", "设置")) and _PIVOT_DUTY.match(after) and not _COORDINATING.search(
                    term.text) and result and result[-1].agent and (
                    _SETS_UP.fullmatch(text, result[-1].term.end, term.start)):
                agent = True  # i12-resources: X设立Y，负责… (a pivot): Y holds the duty (草原法 art. 56 设立草原监督管理机构，负责…)
            elif joined and result and result[-1].agent:
                agent = True
            elif not any(before.endswith(w) for w in _NOT_AGENT_BEFORE) and not _PLACE_BEFORE.search(
                    text, max(0, term.start - 10), term.start) and not (
                    before.endswith("请求") and re.match(r"(?:依法)?(?:协助|配合|提供|支持)", after)) and (
                    _OFFICIALS_ACTING.match(after) or not after.startswith(
                    ("的", "之", "所", "工作人员", "备案", "统一", "制作", "规定", "制定")) or re.match(r"统一(?:负责|主管|管理|监督|领导)", after)):
                agent = True
        local_end = None
        if agent and re.search(r"(?:并|可以|还|也|或者|直至|再|另)由$", before):
            stop = _SENTENCE_END.search(text, term.end)
            local_end = stop.start() if stop else len(text)
        result.append(_Body(term, agent, licensing, group, local_end, violator))
        previous_end = term.end
    # 国境卫生检疫机关、动物防疫机构未依法履行…的: every body of a list whose misconduct is described
    for body in result:
        if body.violator:
            for other in result:
                if other.group == body.group and not other.violator:
                    other.violator, other.agent = True, False
    return result


# i12-bodies3: 报(请)X吊销/撤销/核减/核定公布: the body the case is sent up to does the act, not the one that sends it (消耗臭氧层
# 物质管理条例 art. 32 …并处…罚款，报国务院生态环境主管部门吊销其生产、使用配额许可证; 洛阳市城市公共交通条例 art. 44 由公交主管部门报本级
# 人民政府撤销其城市公共交通运输经营权; 河南省实施《文物保护法》办法 art. 11 报省人民政府核定公布)
# what is reviewed and sent up for no party: a scheme (划定方案, 水量分配方案), a fee or price, the state's own company
# (浙江省水利工程安全管理条例 art. 28, 黄河保护法 art. 46, 山东省行政性事业性收费管理条例 art. 11, 公司法 art. 66)
_NOT_FOR_A_PARTY = re.compile(r"方案|收费标准|价格|国有独资|(?<!的)收费(?!公路|站)|的收费")
_REVIEWED_FOR = re.compile(r"(?:部门|机关|机构)(?:审核|审查|初审)(?:同意|通过)?后[，,]?(?:报|报送|报请)(?:经|请)?(?:本级|上一级|上级)?$")
_SUBMITTED_ACTS = re.compile(r"(?<!申)(?<!汇)(?:报|报请|通报)$")
_ACTS_ON_SUBMISSION = re.compile(r"(?:依法)?(?:吊销|撤销(?![^，。；]{0,12}?(?:决定|规定|文件))|核减|核定(?:并)?公布)")


# i12-bodies3: what may follow the partners of 会同 in a clause that is an adverbial of the next one (…会同Y依据职权，责令改正):
# nothing, or the rule it follows; a verb (会同Y依法查处…) makes the clause one of its own (淄博市煤炭清洁利用监督管理条例 art. 6)
_ADVERBIAL_TAIL = re.compile(r"(?:(?:依据|根据|按照|依照)[^，。；]{0,12}?(?:职责|职权|分工|规定|办法)(?:权限|范围)?|依法|分别|共同|联合"
                            r"|视[^，。；]{0,6}?(?:情节|情况)(?:轻重)?)*")  # 会同公安机关、国家安全机关视情节轻重，给予警告


# bodies that may detain (行政拘留): 公安机关 and its organs, 国家安全机关, 海警机构 (海警法 art. 37)
_DETAINING = re.compile(r"公安|警察|国家安全机关|边防检查|海警|移民管理")
POLICE = "公安机关"
_COURT = re.compile(r"人民法院|审判")  # 人民法院…予以罚款、拘留 (行政诉讼法 art. 59): a court's detention is no administrative power
# 除应当由Y依照…决定的外 / 但…由Y决定的除外: bodies a designation names as an exception
_ALTERNATIVE_BEFORE = re.compile(r"(?:决定|实施|执行)[，,](?:或者|也可以|或)由$")
_EXCEPTED_BEFORE = re.compile(r"除(?:应当|依法)?由$|除[^，。；]{0,6}由$")
_FOUND_IN_CHECK = re.compile(r"\s*(?:在|对)?(?:监督)?检查(?:中|时|过程中)[，,]?(?:发现|查明)[^，。；]{1,30}?的[，,](?:应当|可以)?(?:依法)?责令")
# 提请有关人民政府依据职责权限，责令停建、关闭 (传染病防治法 art. 76): the body asked decides the sanction itself
_RULES_AFTER = re.compile(r"(?:依法)?(?:作出行政裁决|调解处理|调处|裁决|处理(?=[，,。；]|$))")  # i12-rulings: 报X依法调处
_DISPUTE = re.compile(r"争议|纠纷")
_DECIDES_AFTER = re.compile(r"(?:依据职责权限|按照[^，。；]{0,16}?权限|依法)?[，,]?(?:责令|决定)(?:停产|停业|停建|关闭|取缔|吊销)")
# i12-agri: 报送的 is attributive (收到X报送的申请资料后…作出审批决定, 农药管理条例 art. 12): what was sent, not a sending
_SUBMITS = re.compile(r"(?<!申)报(?!告|名|酬|道|纸|刊|送的)|提请|呈送|送交|送请")
# X在监督检查中发现…的 / X发现…的: a body that finds the case (not one of the administration: 发现下级部门不履行职责的)
_FINDS_CASE = re.compile(r"(?:在[^，。；]{0,20}?(?:中|时)，?)?(?:依法)?(?:发现|查明|认为)"
                         r"(?![^，。；]{0,10}(?:部门|机关|人民政府|机构)(?![^，。；]{0,30}?(?:企业|单位|组织|个人)))")
# 对档案馆和机关、团体、企业事业单位…进行检查: a public among the checked parties makes it an inspection
_PUBLIC_OBJECT = re.compile(r"企业|单位|组织|个人|公民|法人|经营者|生产者|当事人")
# 经原批准机关批准，由县级以上人民政府无偿收回: the approved act is a government's own
_GOVERNMENT_ACTS_AFTER = re.compile(r"[^，。；]{0,20}?(?:批准|审批|核准|同意)(?:后)?[，,](?:可以|应当)?由[^，。；]{0,16}?(?:人民政府|部门|机关|机构)")
# i12-resources: an order followed in its sentence by 逾期不…的 (the coercion that enforces it)
_OVERDUE_AFTER = re.compile(r"[^。]{0,60}?[；;，,]逾期(?:不|未)[^，。；]{0,12}?的")
# i12-resources: the body set up in X设立Y，负责/承担… is the subject of the duty (a pivot construction)
_PIVOT_DUTY = re.compile(r"[，,](?:具体)?(?:负责|承担)")
_COORDINATING = re.compile(r"(?:委员会|领导小组)$")  # a coordinating committee of the governments holds no power of its own
_SETS_UP = re.compile(r"(?:应当|可以|依法|根据[^，。；]{0,10}?需要|[，,])*(?:设立|设置)")  # by a public body just named
_ACCEPTS_BEFORE = re.compile(r"(?:接受|配合|协助)(?:依法)?(?:实施|进行)?的?$")
_ASKING_OPENING = re.compile(r"(?:（[一二三四五六七八九十]+）)?(?:[^，。；]{0,4}?(?:可以|应当|由))?$")


# i12-recall6: 禁止/不得…，(但)经X批准的(…)除外 and the item 经X批准的… of a 但属于下列情况之一者除外： list lift a bar: X's licence
# (青岛市环境噪声管理规定 art. 23; 河南省《集会游行示威法》实施办法 art. 24: 不得举行集会、游行、示威。经省人民政府批准的除外)
_EXCEPTION_AFTER = re.compile(r"[^，。；]{0,4}?的[^，。；]{0,30}?除外")
_EXCEPTION_LEAD = re.compile(r"(?:(?:下列|以下)[^：:\n]{0,12}?除外|除(?:下列|以下)[^：:\n]{0,12}?外[^：:\n]*?)[：:]\s*$")
_BAR = re.compile(r"禁止|不得|不准|严禁")
_BY_CONSENT = re.compile(r"(?:^|[，,。；;）)])\s*(?:但|但是)?[，,]?(?:确因[^，。；]{0,20}?[，,])?(?:须)?经(?:过)?(?!济|营|费|常|法定)[^，。；]{1,40}$")


def _exception_licence(text: str, act: Term, paragraph: int, lines: list[tuple[int, int]], line: int) -> bool:
    """Is the licence act ``经X批准`` the exception that lifts a bar stated before it in the paragraph?"""
    start = lines[line][0]
    item = _ITEM_LINE.match(text[start: lines[line][1]])
    head = start + item.end() if item else max(text.rfind(c, paragraph, act.start) for c in "，,。；;")
    if head < 0:
        head = paragraph
    if not _BY_CONSENT.search(text[max(head - 1, paragraph): act.start]):
        return False
    if item:  # （一）经X批准的社会活动 under 但属于下列情况之一者除外：
        n = line - 1
        while n > 0 and _ITEM_LINE.match(text[lines[n][0]: lines[n][1]]):
            n -= 1
        if n < 0:
            return False
        lead = lines[n]
        return bool(_EXCEPTION_LEAD.search(text, lead[0], lead[1]) and _BAR.search(text, lead[0], lead[1])
                    and re.match(r"[^，。；]{0,4}?的", text[act.end:]))
    return bool(_EXCEPTION_AFTER.match(text, act.end) and _BAR.search(text, paragraph, act.start))


_LEAD_END = re.compile(r"[：:]\s*$")


def _distribute_chapeau(text: str, lines: list[tuple[int, int]], bodies: list[_Body],
                        findings: dict[tuple[int, str, str], ClauseFinding], line_index) -> None:
    """i12-recall6: a chapeau competence whose items each open with their own body (县级以上人民政府相关行政主管部门按照各自
    职责，负责…下列工作：（一）住房城乡建设行政主管部门负责…；（二）规划行政主管部门负责…, 河南省物业管理条例 art. 73) is
    the items' bodies', one entry each, as X、Y按照职责分工 is (tests/gold/README.md rule 3); the chapeau's generic body is
    their stand-in and gets none. An item body gets the competence only where its item grants it no act of its own (the
    act decides, as beside any competence) and is not aimed at the administration (对…部门…的监督检查)."""
    for key, finding in list(findings.items()):
        if finding.construction != COMPETENCE or finding.category != "其他" or key[0] >= 0:
            continue
        lead = line_index(finding.start)
        a, b = lines[lead]
        if _ITEM_LINE.match(text[a:b]) or not _LEAD_END.search(text, a, b):
            continue
        openers: list[tuple[int, list[_Body]]] = []
        n = lead + 1
        while n < len(lines) and (item := _ITEM_LINE.match(text[lines[n][0]: lines[n][1]])):
            at = lines[n][0] + item.end()
            first = next((x for x in bodies if x.term.start == at and x.agent), None)
            if first is not None:
                openers.append((n, [x for x in bodies if x.group == first.group and x.agent]))
            n += 1
        if len(openers) < 2:
            continue
        del findings[key]
        for n, group in openers:
            a, b = lines[n]
            obj = text.find("对", a, b)
            if obj >= 0 and _INTERNAL_OBJECT.search(text, obj, b) and not _PUBLIC_OBJECT.search(text, obj, b):
                continue
            for body in group:
                name = body.term.text
                if any(k[0] == n and k[2] == name for k in findings) or (n, "其他", name) in findings:
                    continue  # the item's own act decides
                findings[(n, "其他", name)] = ClauseFinding("其他", name, a, COMPETENCE, modality=finding.modality,
                                                          inherited_level=body.term.level or None,
                                                          actions=list(finding.actions), positions=[a])


def _body_asks(text: str, term: Term, earlier: list[_Body], sentence: str) -> bool:
    """Does a body (not a violator) open the sentence whose 经X批准 / 报X审批 names ``term``: is the asking party a body?"""
    start = max(term.start - len(sentence), text.rfind("\n", 0, term.start) + 1)
    for body in earlier:
        b = body.term
        if b.start < start or body.violator:
            continue
        if _ASKING_OPENING.fullmatch(text[start: b.start]) and not re.match(
                r"[^，。；]{0,2}(?:的(?![^，。；]{0,6}?(?:机构|部门|处|室))|之|所|工作人员)", text[b.end:]):
            return True
    return False


# a level word of a list before one body type: 市、区县（自治县）X / 省和地级以上市人民政府X / 省、市、县（区）人民政府X
# (the bracket holds the level's alternatives: 县（市、区）, 区（县级市）)
# i12-levels2: a level named by its grade, X级 with 以上 / 以下 / 地方 after it, is a level word too (戒毒条例 art. 13
# 县级、设区的市级人民政府公安机关; 对外劳务合作管理条例 art. 5 省级或者设区的市级人民政府商务主管部门; 外资企业法实施细则
# art. 31 县级或者县级以上地方人民政府); 县级市 is the county-level city (not 县级市场监督管理部门), 地级以上市 and 地级市
# cities (省或者地级以上市X: not 地级以上 and 市X), 乡镇 one level
_GRADE = r"级(?:以上|以下)?(?:地方)?"
_LEVEL_WORD = (rf"(?:县级市(?!场)|地级以上市|地级市|(?:设区的市|自治州|自治区|乡镇|地|[市区县省乡镇]){_GRADE}"
               r"|设区的市|省辖市|自治州|自治区|直辖市|自治县|区县|乡镇|[市区县省乡镇])"
               r"(?:（[^（）、]{1,4}(?:、[^（）、]{1,4})*）)?")
_LEVEL_LIST = re.compile(rf"(?:{_LEVEL_WORD}(?:、|或者|或|和|及|以及))+$")
_LEVEL_START = re.compile(_LEVEL_WORD)
# a list opening with a graded level (县级、设区的市级…): a level word by itself, that ends no other word, so the list may
# follow a place (所在地县级、设区的市级…: 戒毒条例 art. 41; 所在地的县级或者…: tests/gold/README.md 7.1), a verb
# (报省级或者…, 通知县级、乡级…) or 和 after another body (…能源主管部门和设区的市级、县级人民政府指定的部门: 石油天然气管道
# 保护法 art. 5); not a list it continues (国家级、省级、…, 副省级)
_GRADED_FIRST = re.compile(rf"(?:设区的市|自治州|自治区|乡镇|地|[市区县省乡镇]){_GRADE}(?:、|或者|或|和|及|以及)")
_NOT_BEFORE_GRADED = "、级副正"
_GRADE_END = re.compile(rf"{_GRADE}$")


def _written_level(level: str, grade: re.Match | None, rest: str) -> str:
    """One level of a 或者-list written out with the rest of the body's name (tests/gold/README.md rule 3). A graded
    level takes the name after the body's own level and grade: 省级或者设区的市级人民政府商务主管部门 -> 省级人民政府商务主管部门
    (对外劳务合作管理条例 art. 5), and no 的 after its grade (省级或者设区的市的监督检查部门 -> 省级监督检查部门, 浙江省反不正当竞争
    条例 art. 26); a bare level shares the body's grade, as before: 市或者县级人民政府X -> 市级人民政府X."""
    if _GRADE_END.search(level):
        return level + (rest[1:] if rest.startswith("的") else rest)
    return level + (grade.group() if grade else "") + rest


# i12-bodies2: the levels a body name opens with (区、县人事局: 区、县), when a 或者-list before it is written out
_OWN_LEVELS = re.compile(rf"(?:{_LEVEL_WORD}(?:、|或者|或|和|及|以及))*{_LEVEL_WORD}(?=[\u4e00-\u9fff]{{2}})")
_LEVEL_JOIN = re.compile(r"、|或者|或|和|及")
_PRONOUN_ACT_END = re.compile(r"其(?:原)?(?:负责)?(?:发证|审批|批准|登记|备案|核发|颁发)的$")  # terms._PRONOUN_ACT after 其
# i12-recall6: a name that opens with a level word of its own (省气象主管机构), not a sector that starts like one (市场, 市政, 市容)
_OWN_LEVEL_START = re.compile(r"^(?:省|自治区|自治州|直辖市|设区的市|地级市|市(?!场|政|容|民|区)|县|区(?!域)|乡|镇)")
_NAMED_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2}区(?!域)")  # 市、县（市）、吉利区X (洛阳市城市绿化条例 art. 37): the last level


# 农业农村、林业草原主管部门 (种子法 art. 46): sectors listed before one department word, at a phrase start
# (the words hold no function word, modal or level: 应当根据区、县兵役机关, 统一指挥、分级分部门 are no such list)
# i12-bodies2: a word of 7 or 8 characters ends as a sector's name does (食品药品监督管理, 人力资源社会保障, 出入境检验检疫),
# not as a clause does (申请人补充材料、房地产登记机构实地查看: 上海市房地产登记条例 art. 14)
_SECTORS_BEFORE = re.compile(r"(?:^|(?<=[，。；：\n由]))((?:(?:[^\s，。；：、（）()的对向经由与和或及并在将为其各有应可据依照按负统挥级区县市省乡镇会]{2,6}"
                             r"|[^\s，。；：、（）()的对向经由与和或及并在将为其各有应可据依照按负统挥级区县市省乡镇会]{1,6}"
                             r"(?:管理|监督|保障|执法|检疫))、)+)$")


# list words that are no sector: verbs, and bodies of their own (监察委员会、人民法院、…公安机关)
# i12-bodies2: 工商, 商务 and a sector ending in 监督 (质量技术监督、工商行政管理部门) or 监督管理 are sectors; 商 the verb, 监督检查,
# 阻碍 are not (不得拒绝、阻挠X部门; 记录监督检查、相关部门: 上海市农村集体资产监督管理条例 art. 34)
_NOT_SECTOR = re.compile(r"拒绝|阻挠|阻碍|妨碍|干扰|协助|配合|支持|指导|监督(?!、|$|管理)|通知|会同|报告|举报|投诉|检举|控告|(?<!工)商(?!务|业)|经|报"
                         r"|委员会|法院|检察院|机关|部门|机构|政府|海关|单位|组织|个人|企业")


def _shared_tail(word: str, suffix: str) -> str:
    """The department word a listed sector shares with the last one: 食品安全监督管理、卫生行政部门 -> 食品安全监督管理部门
    (tests/gold/README.md rule 3), 质量技术监督、工商行政管理部门 -> 质量技术监督部门; 教育、卫生行政部门 -> 教育行政部门."""
    if word.endswith(("管理", "监督", "监管")) or suffix == "监督管理部门" and not word.endswith(("食品", "药品")):
        # 商务、市场监督管理部门 -> 商务部门: 监督管理 belongs to the last one's name (市场监督管理部门), as it would to
        # 食品药品监督管理部门; only 食品、药品监督管理部门 shares it
        return re.sub(r"^(?:监督管理|行政管理|管理|行政)", "", suffix) or "部门"
    return suffix


# sectors listed and closed by 等 before one department word (words as in _SECTORS_BEFORE, plus the level words a
# government before the first one brings)
# i12-build2: a 和 that joins the two halves of one department's sector name (工业和信息化, 住房和城乡建设, 文化和旅游, 自然资源和
# 规划, 海洋发展和渔业) stays inside the word (国务院住房城乡建设、商务、发展改革、工业和信息化等部门, 招标投标法实施条例 art. 11)
# i12-duties: 经 opens 经济 (经济和信息化, 经济发展), never 经X批准 there (保障中小企业款项支付条例 art. 5 …工业和信息化、…等部门;
# 经济和信息化、自然资源和规划等有关部门)
_SECTOR_WORD = (r"(?:[^\s，。；：、（）()的对向经由与和或及并在将为其各有应可据依照按负统挥]|经(?=济)|(?<=[\u4e00-\u9fff])和(?=信息化|城乡建设|旅游|规划|计划生育|"
                r"社会保障|渔业|林业|绿化|环境卫生|储备|改革|信息产业)){2,16}?")
_NOT_SECTOR_WORD = re.compile(r"^(?:拒绝|阻挠|妨碍|干扰|协助|配合|支持|指导|通知|会同|报告|举报|投诉|检举|控告|提请|组织|商请|以|监督(?!管理))"
                              r"|委员会|法院|检察院|机关|部门|机构|政府|海关|单位|个人|企业")
_ETC_LIST = re.compile(rf"((?:{_SECTOR_WORD}、)+{_SECTOR_WORD})等(?:其他)?(?:有关|相关)?((?:行政)?(?:主管)?(?:部门|机构|机关))$")
_HEAD_OF_LIST = re.compile(r"^(?:国务院|[^、]*?人民政府)")


def _split_listed(text: str, bodies: list[Term]) -> list[Term]:
    """国务院教育、人力资源社会保障、中医药等有关部门 -> 国务院教育部门, 国务院人力资源社会保障部门, 国务院中医药部门: a list of
    sectors closed by 等 is written out, the open 等 dropped, the government before it the level of each (医师法 art. 4,
    notes of the unseen annotators; 城镇燃气管理条例 art. 22 县级以上地方人民政府质量监督、工商行政管理、燃气管理等部门 in the
    dev gold). One sector before 等 (生态环境等主管部门) stays as written, and so does a list of bodies or verbs."""
    out: list[Term] = []
    dropped: list[Term] = []
    for term in bodies:
        if any(term is d for d in dropped):
            continue
        m = None if term.level or "等" not in term.text else _ETC_LIST.search(text, max(0, term.end - 90), term.end)
        if m is None or m.end() != term.end:
            out.append(term)
            continue
        words = m.group(1).split("、")
        head = _HEAD_OF_LIST.match(words[0])
        prefix, level, at = "", "", m.start()
        if head:
            prefix, words[0] = head.group(), words[0][head.end():]
        joint = words[0].rfind("会同") + 2 if not head else 1
        relative = re.match(r"(?:同级|本级)(?:人民政府)?", words[0][joint:]) if joint >= 2 else None
        if relative and len(words[0]) - joint - relative.end() >= 2 and not any(
                _NOT_SECTOR_WORD.search(w) for w in [words[0][joint:], *words[1:]]):
            # i12-bodies3: X会同同级Y、Z等部门 (潍坊市红色文化资源保护条例 art. 9): the partners are written out after 会同, each
            # with the 同级 that _partners makes X's level (tests/gold/README.md rule 7.3)
            at = m.start() + joint
            words[0] = words[0][joint:]
            for n, word in enumerate(words):
                name = (relative.group() if n else "") + word
                end = term.end if n == len(words) - 1 else at + len(word)
                out.append(Term("BODY", at, end, name + m.group(2), suffix=m.group(2)))
                at += len(word) + 1
            continue
        # i12-duties: X和Y、Z等有关部门 (建设工程勘察设计管理条例 art. 5 县级以上人民政府建设行政主管部门和交通、水利等有关部门): the
        # level written before X, a department, is the level of every sector listed after 和, as a government before the
        # list would be (建设工程质量管理条例 art. 44 国务院建设行政主管部门和国务院铁路、交通、水利等有关部门, dev gold)
        partner = None if head or m.start() < 1 or text[m.start() - 1] != "和" else next(
            (b for b in reversed(out) if b.end == m.start() - 1 and b.suffix not in ("人民政府", "国务院")
             and len(b.text) > len(b.level)), None)
        if len(words[0]) < 2 or any(_NOT_SECTOR_WORD.search(w) for w in words) or not head and partner is None and not (
                m.start() == 0 or text[m.start() - 1] in "，。；：\n由" or any(
                b.end == m.start() and b.suffix in ("人民政府", "国务院") for b in bodies)):
            out.append(term)
            continue
        if partner is not None:  # (a department named without a level: the sectors without one, 中医药主管部门和市场监管、
            # 医疗保障等部门 -> 市场监管部门, 医疗保障部门; 深圳经济特区中医药条例 art. 84)
            level = partner.level if partner.level and partner.text.startswith(partner.level) else ""
            prefix = level
            for n, word in enumerate(words):
                end = term.end if n == len(words) - 1 else at + len(word)
                out.append(Term("BODY", at, end, prefix + word + m.group(2), level=level, suffix=m.group(2)))
                at += len(word) + 1
            continue
        government = next((b for b in bodies if b.suffix in ("人民政府", "国务院") and (
            b.start == m.start() and head or b.end == m.start() and not head)), None)
        if government is not None:
            prefix, level = (prefix or government.text), government.level
            out = [b for b in out if b is not government]  # the bare government was only the level of the list
            dropped.append(government)
            if not head:
                prefix = government.text
        else:  # no government term where the list starts: 各级人民政府公安、… cut inside a word
            out.append(term)
            continue
        for n, word in enumerate(words):
            width = len(word) + (len(prefix) if head and n == 0 else 0)  # the first one's span holds the government
            end = term.end if n == len(words) - 1 else at + width  # the last one's, 等部门 (…等部门及其工作人员有…的)
            out.append(Term("BODY", at, end, prefix + word + m.group(2), level=level, suffix=m.group(2)))
            at += width + 1
    return out


_GOVERNMENT_VERB = re.compile(r"应当|可以|应|组织|会同|负责|协调|督促|指导|必须|依法|按照|定期|建立|统筹")
_LIST_BREAKER_KINDS = ("verb", "modal", "preposition")


def _list_breakers(path: Path = PATTERNS_DIR / "list_breakers.tsv") -> re.Pattern:
    """i12-sectorlist: the words that no sector name of an elliptic list holds (patterns/list_breakers.tsv): verbs,
    modals and prepositions. A gap word after a government holding one is the government's own clause (市和县（市）、区
    人民政府设立预防和制止家庭暴力委员会, 宁波市预防和制止家庭暴力条例 art. 7), not a sector of the body after it."""
    words: list[str] = []
    for n, row in enumerate(_rows(path), start=2):
        word, kind = (row.get("word") or "").strip(), (row.get("kind") or "").strip()
        if not word or kind not in _LIST_BREAKER_KINDS or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            raise ValueError(f"{path}: row {n}: need a word of Chinese characters and a kind of "
                             f"{'/'.join(_LIST_BREAKER_KINDS)}, got {row!r}")
        words.append(word)
    if not words:
        raise ValueError(f"{path}: no rows")
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


_LIST_BREAKER = _list_breakers()


# a word that names a body of its own (国务院新闻办公室和其他部门, 外国常驻新闻机构和外国记者采访条例 art. 5): no sector
_BODY_NOUN_END = re.compile(r"(?:办公室|委员会|局|厅|署|办)$")


def _sector_at(word: str, start: bool) -> str | None:
    """The canonical sector of ontology/sectors.csv that ``word`` is (start=False) or starts with (start=True)."""
    for term, sector in sector_terms():  # longest term first
        if word == term or start and word.startswith(term):
            return sector
    return None


def _two_sectors(first: str, rest: str) -> bool:
    """i12-sectorlist: is X和Y部门 a list of two sectors of different kinds (环境保护和卫生行政主管部门, 山东省实施《固体
    废物污染环境防治法》办法 art. 18; 财政和税务部门; 地震和建设等有关部门), each a sector term of ontology/sectors.csv? The
    parts of one sector's name (卫生和计划生育, 自然资源和规划) and a name the table does not split (市容和环境卫生,
    公园和广场) are one name."""
    one, two = _sector_at(first, False), _sector_at(rest, True)
    whole = first + "和" + rest
    return bool(one and two and one != two
                and not any(len(term) > len(first) and whole.startswith(term) for term, _ in sector_terms()))


# a place phrase after 向 / 到 before a list of levels (向所在地的区、县…; 到居住地或者单位住所地的区、县公安部门…): the list
# is the body's level, the place is dropped (README convention 7.1)
_PLACE_BEFORE_LIST = re.compile(r"(?:向|(?<![收得达受遇直做接])到)[^，。；向到]{0,12}?地的$")
# what may open a list of levels: a stop, 由 / 经 / 向 / 对, or 到 as a preposition (not 接到 / 收到 / 达到 …: 接到县（市）、
# 石龙区城乡规划主管部门报告 of tests/test_nlp_sectorlist.py stays two bodies)
_LIST_OPENER = re.compile(r"(?:[，。；：由经向对\n]|(?<![收得达受遇直做接])到)$")


def _expand_elliptic(text: str, bodies: list[Term]) -> list[Term]:
    """县级以上人民政府食品安全监督管理、卫生行政部门 -> both departments in full; 农业农村、林业草原主管部门 too."""
    out: list[Term | None] = []
    for i, term in enumerate(bodies):
        listed = (None if term.level or term.suffix in ("人民政府", "国务院") or term.text.startswith(("有关", "其他", "各"))
                  else _SECTORS_BEFORE.search(text, max(0, term.start - 28), term.start))
        if listed and (any(listed.start() <= b.start < term.start for b in bodies)
                       or _NOT_SECTOR.search(listed.group(1))):
            listed = None  # 公安机关、海关、市场监督管理部门: bodies of their own; 拒绝、阻挠市场监督管理部门: verbs
        if listed:
            at = listed.start()
            for word in listed.group(1).split("、")[:-1]:
                tail = _shared_tail(word, term.suffix)
                out.append(Term("BODY", at, at + len(word), word + tail, level="", suffix=tail))
                at += len(word) + 1
        out.append(term)
        if term.suffix not in ("人民政府", "国务院") or i + 1 >= len(bodies):
            continue
        nxt = bodies[i + 1]
        gap = text[term.end: nxt.start]
        m = re.fullmatch(r"(?:的)?([^\s，。；：、由经向对]{2,12}?)(、|或者|或|和)", gap)
        # i12-bodies2: several sectors (省人民政府财政、交通、税务、审计、发展改革主管部门, 广东省公路条例 art. 43), split at 、 only
        # (住房和城乡建设 keeps its 和): one body per sector, as for one (tests/gold/README.md rule 3)
        words = [m.group(1)] if m else []
        joined = False  # i12-sectorlist: X和Y部门 after the government is one name holding 和
        if m and (_LIST_BREAKER.search(m.group(1)) or m.group(1).startswith("和")):
            # a verb, modal or preposition is the government's own clause (市人民政府应当在接到…部门报告后, 平顶山市城乡规划
            # 建设管理条例 art. 24); a leading 和 joins the government to bodies of their own (市、区县（自治县）人民政府和文化
            # 广播、体育主管部门和残疾人组织, 重庆市残疾人保障条例 art. 29): no sector of the body after it
            words = []
        elif m and m.group(2) == "和" and not _two_sectors(m.group(1), nxt.text) and not _BODY_NOUN_END.search(m.group(1)):
            # a sector name is a noun phrase: 和 inside it joins the parts of one name (市、区县人民政府的市容和环境卫生行政
            # 管理部门, 淄博市市容和环境卫生管理办法 art. 3; 历史文化街区和历史建筑保护主管部门, 杭州市历史文化街区和历史建筑
            # 保护条例 art. 5; 文化和旅游, 卫生和计划生育, 自然资源和规划), as 住房和城乡建设 keeps its 和 below
            joined = True
        if m is None and (several := re.fullmatch(r"(?:的)?((?:[^\s，。；：、由经向对]{2,12}?、){2,})", gap)):
            words = several.group(1).split("、")[:-1]
            if _GOVERNMENT_VERB.search(several.group(1)) or "等" in nxt.text or not nxt.text.endswith("部门"):
                # …等部门 is _split_listed's (one list closed by 等); 国务院X、Y、海关 names bodies of their own
                words = []  # 县级以上人民政府应当组织交通运输、公安、…等部门: the government acts, the list is its object
        # the gap must be a sector word: not 国务院和中央军事委员会批准或者国务院… (军事设施保护法 art. 34), not the
        # officials of 本级人民政府主要负责人、相关部门负责人 (重庆市突发事件应对条例 art. 11), and no second government
        # i12-names: nor a verb of order (县级以上人民政府责成城镇容貌和环境卫生行政主管部门, 滨州市城镇容貌和环境卫生管理条例 art. 54)
        if words and (any(_NOT_SECTOR_WORD.search(w) or "负责人" in w
                          or any(verb in w.replace(verb + "的", "") for verb in _VERBS_BEFORE_BODY)  # 其授权的: a name
                          for w in words)
                      or nxt.suffix in ("人民政府", "国务院")):
            words = []
        if words and joined and nxt.level == "" and nxt.suffix:
            out[-1] = None  # the government is the level of the one name
            # the law's own name for it (市人民政府园林和林业绿化主管部门（以下简称市绿化主管部门）, 济南市绿化条例 art. 6)
            # stands for the whole name, as for one body (i12-levels2)
            name = nxt.text if _ALIAS.search(text, nxt.start, nxt.end) else term.text + gap + nxt.text
            bodies[i + 1] = Term("BODY", term.start, nxt.end, name, level=term.level, suffix=nxt.suffix)
        elif words and nxt.level == "" and nxt.suffix:
            out[-1] = None  # the bare government was only the level of the list
            at = term.start
            for n, word in enumerate(words):
                start = text.index(word, at if n else term.end)
                tail = _shared_tail(word, nxt.suffix)  # 食品安全监督管理、卫生行政部门: the shared word is 部门
                out.append(Term("BODY", term.start if n == 0 else start, start + len(word), term.text + word + tail,
                                level=term.level, suffix=nxt.suffix))
                at = start + len(word)
            bodies[i + 1] = Term("BODY", nxt.start, nxt.end, term.text + nxt.text, level=term.level, suffix=nxt.suffix)
    result = [t for t in out if t is not None]
    # 市或者区档案行政管理部门: one body per level word (X或者Y); 市、区人民政府 is one subject as written
    expanded: list[Term] = []
    from_levels: set[int] = set()  # bodies written out of one 或者-list of levels (市或者区、县X): no level to carry on
    carried: tuple[str, str, int] | None = None  # (level list, government, end) of the last sector written out after one
    for term in result:
        if carried and text[carried[2]: term.start] == "、" and term.text.startswith(carried[1]) and (
                term.text != text[term.start: term.end]):
            # i12-levels2: the next sector written out of the same government (市、区人民政府发展改革、工业信息化…等行政主管
            # 部门) stands after the same list of levels
            expanded.append(Term("BODY", term.start, term.end, carried[0] + term.text, level=term.level,
                                 suffix=term.suffix))
            carried = (carried[0], carried[1], term.end)
            continue
        carried = None
        m = _LEVEL_LIST.search(text, max(0, term.start - 24), term.start)
        alias = _ALIAS.search(text, term.start, term.end)  # a body named by the law's own name for it (…（以下称X）)
        first = (_LEVEL_START.match(text, term.start) if alias else _LEVEL_START.match(term.text)
                 or m and _NAMED_DISTRICT.match(term.text))
        graded = bool(m and _GRADED_FIRST.match(m.group()))
        if (not m or not first or m.start() > 0 and (
                text[m.start() - 1] in _NOT_BEFORE_GRADED if graded else not _LIST_OPENER.search(text, max(0, m.start() - 3), m.start())  # i12-dogs: 到区、县公安部门申请
                and not _PRONOUN_ACT_END.search(text, max(0, m.start() - 8), m.start())  # 向其登记的市或者区民政部门
                # 向所在地的区、县动物卫生监督机构报检; i12-dogs: 到居住地或者单位住所地的区、县公安部门指定机构申请
                and not _PLACE_BEFORE_LIST.search(text, max(0, m.start() - 16), m.start()))):
            expanded.append(term)
            continue
        if alias:
            # i12-levels2: the law's own name (设区的市级、县级人民政府承担药品监督管理职责的部门（以下称药品监督管理部门）,
            # 疫苗管理法 art. 8; 市和区安全生产监督管理部门（以下简称安全生产监管部门）) stands for the whole list, as it does
            # for one body; only its span starts with the list (before, the list and the bracket were the subject)
            expanded.append(Term("BODY", m.start(), term.end, term.text, level=term.level, suffix=term.suffix))
            continue
        if "或" in m.group():  # 市或者区档案行政管理部门: one body per level word, the rest of the name shared
            mark = len(expanded)
            # i12-bodies2: 市或者区、县人事局: the term's own list of levels is written out too (市, 区, 县人事局), each
            # level with its bracket (县（市、区）) kept as one level (bench/recall_sample/README.md)
            own = _OWN_LEVELS.match(term.text) if first.end() < len(term.text) and _LEVEL_START.match(term.text) else None
            rest = term.text[own.end():] if own else term.text[first.end():]
            grade = _GRADE_END.search((own or first).group())
            for c in _LEVEL_START.finditer(m.group()):
                at = m.start() + c.start()
                expanded.append(Term("BODY", at, at + len(c.group()), _written_level(c.group(), grade, rest),
                                     level=term.level, suffix=term.suffix))
            if own and _LEVEL_JOIN.search(own.group()):
                levels = list(_LEVEL_START.finditer(own.group()))
                for n, c in enumerate(levels):
                    at = term.start + c.start()
                    end = term.end if n == len(levels) - 1 else at + len(c.group())
                    expanded.append(Term("BODY", at, end, _written_level(c.group(), grade, rest), level=term.level,
                                         suffix=term.suffix))
                from_levels.update(range(mark, len(expanded)))
                continue
            expanded.append(term)
            from_levels.update(range(mark, len(expanded)))
        else:  # 省和地级以上市人民政府X: the list of levels is one subject, as written (tests/gold/README.md)
            # i12-levels2: before a name written out above (市、区人民政府发展改革、…等行政主管部门 -> 区人民政府发展改革行政主管
            # 部门, 许昌市中心城区河湖水系保护条例 art. 5) the list stands before that name, not before the text it spans
            expanded.append(Term("BODY", m.start(), term.end, text[m.start(): term.start] + term.text,
                                 level=term.level, suffix=term.suffix))
            head = _GOVERNMENT_HEAD.match(term.text)
            if head and head.end() < len(term.text) and term.text != text[term.start: term.end]:
                carried = (text[m.start(): term.start], head.group(), term.end)
    result = expanded
    # 县级以上人民政府自然资源主管部门、农业农村主管部门 / 省、自治区、直辖市国家税务局、地方税务局: the level
    # and government of the first department are the second's too, when both are departments of one kind
    for i in range(1, len(result)):
        first, term = result[i - 1], result[i]
        if (first.level and not term.level and first.text.startswith(first.level) and term.text[-2:] == first.text[-2:]
                and (term.text[-2:] in ("部门", "机构") or term.text.endswith("税务局") and first.text.endswith("税务局"))
                and re.fullmatch(r"、|和|或者|或|以及|及", text[first.end: term.start])
                # 地方税务局 is a body of its own name (税收征收管理法 art. 31: 经省、自治区、直辖市国家税务局、地方税务局批准)
                and not (term.text.startswith(("本级", "同级", "上级", "国务院", "地方")) and term.text != "地方税务局")
                and "负有" not in term.text
                # i12-recall6: a body that names its own level (国务院气象主管机构或者省气象主管机构, 河南省气象条例 art. 21)
                and not _OWN_LEVEL_START.match(term.text) and i - 1 not in from_levels):
            # i12-recall6: 其他有关部门 after X or 和 is of X's government too, as after 以及 / 、 (其他 = other than X, of the
            # same set): 由县级以上人民政府住房城乡建设主管部门或者其他有关部门责令限期改正 (山东省循环经济条例 art. 50)
            # -> 县级以上人民政府其他有关部门; a first body without a level leaves it bare (港口法 art. 36)
            prefix = first.text[: len(first.level)]
            if first.text[len(prefix):].startswith("（") and "）" in first.text[len(prefix):]:
                # i12-recall6: 市、县（市、区）住房和城乡建设主管部门或者其他相关部门: the level's bracket is part of it
                prefix = first.text[: first.text.index("）", len(prefix)) + 1]
            if first.text[len(prefix):].startswith(("地方人民政府", "人民政府", "地方各级人民政府", "各级人民政府")):
                prefix = first.text[: first.text.index("人民政府", len(prefix)) + 4]
            result[i] = Term("BODY", term.start, term.end, prefix + term.text, level=first.level, suffix=term.suffix)
    return result


# a short name that refers back (卫生健康主管部门 after 县级以上地方人民政府卫生健康主管部门): not a generic or relative one
# i12-resources: 其他有关部门 after X和其他有关部门 named with a level is that list's second body (矿产资源法 art. 57)
_NOT_SHORT = re.compile(r"^(?:其他(?!有关部门$)|有关|各|本|该|上级|上一级|下级|同级|原|所在地|当地)|[的等]")
_NATIONAL = ("国务院", "国家", "中央")
# 本级人民政府消防救援机构 / 同级人民政府物价部门: a department of the government just named (not the bare government,
# 本级人民政府, kept as written: 土地管理法 art. 53)
_SAME_LEVEL = re.compile(r"(?:本级|同级)(?:地方)?人民政府(?=[^，。；、的省市县区乡镇][^，。；、的]+$)")
_GOVERNMENT_HEAD = re.compile(r"^(?:[^，。；]{0,24}?(?:人民政府|国务院))")


def _full_names(text: str, bodies: list[Term]) -> list[Term]:
    """A body written without its level after the same body named in full earlier in the article takes the full name
    (医师法 art. 13: 向所在地县级以上地方人民政府卫生健康主管部门申请注册 … 卫生健康主管部门应当…准予注册; notes of the
    unseen annotators, convention 2). Only one full name may fit: 县级以上X部门 and 设区的市级X部门 both named before leave
    the short X部门 as written. A department of the State Council is no full name of a short one: it sets the rule the
    local department applies (消防法 art. 13: 国务院住房和城乡建设主管部门规定…的建设工程，…向住房和城乡建设主管部门申请;
    道路交通安全法 art. 94: 国务院价格主管部门核定的收费标准 … 由价格主管部门…处罚)."""
    out: list[Term] = []
    for term in bodies:
        same = _SAME_LEVEL.match(term.text)
        if same and not term.level:
            # 县级以上地方人民政府应急管理部门…，并由本级人民政府消防救援机构负责实施 (消防法 art. 4): the level of the
            # department named before in the sentence is written out (notes of the unseen annotators, convention 1)
            sentence = max(text.rfind(c, 0, term.start) for c in "。；\n")
            lead = next((b for b in reversed(out) if b.level and sentence < b.start and b.end <= term.start
                         and (head := _GOVERNMENT_HEAD.match(b.text))
                         and head.end() < len(b.text) and not b.text.startswith(_NATIONAL)), None)
            if lead is not None:
                head = _GOVERNMENT_HEAD.match(lead.text).group()
                out.append(Term("BODY", term.start, term.end, head + term.text[same.end():], level=lead.level,
                                suffix=term.suffix))
                continue
        if term.level or term.suffix in ("人民政府", "国务院") or _NOT_SHORT.search(term.text) or len(term.text) < 4:
            out.append(term)
            continue
        fits = {b.text for b in out if b.level and b.end <= term.start and b.text.endswith(term.text)
                and not b.text.startswith(_NATIONAL)
                and (head := _GOVERNMENT_HEAD.match(b.text)) and head.end() == len(b.text) - len(term.text)}
        if len(fits) == 1:
            full = next(b for b in reversed(out) if b.text in fits)
            out.append(Term("BODY", term.start, term.end, full.text, level=full.level, suffix=term.suffix))
        else:
            out.append(term)
    return out


_WITH = re.compile(r"会同")
_GENERIC_PARTNER = re.compile(r"^(?:同级|本级|国务院|县级以上[^，。；]{0,8}?)?(?:其他)?有关|等[^，。；]{0,4}(?:部门|机构|机关)$")
_LIST_JOIN = re.compile(r"、|和|及|以及")
_BEFORE_WITH = re.compile(r"(?:应当|可以|必须|依法|并|也|还|分别|及时|负责)*")
_ONE_SECTOR_ETC = re.compile(r"((?:同级|本级)?(?:人民政府)?)([^、等，。；]{2,10}?)等(?:其他)?(?:有关|相关)?((?:行政)?(?:主管)?部门)")


def _partners(text: str, bodies: list["_Body"], subjects: list[Subject], lo: int, act: int) -> list[Subject]:
    """X会同Y[、Z]批准 in the act's own comma clause: Y and Z act with X, one entry each (港口法 art. 13,
    公路法 arts. 47, 63; 文物保护法 art. 91 会同公安机关、海上执法机关追缴文物, where the 警告 after the comma is X's
    alone). 同级 / 本级 before the partner is X's level written out (公路法 art. 63: 会同同级物价行政主管部门)."""
    names = {name for name, _ in subjects}
    found: list[Subject] = []
    for m in _WITH.finditer(text, lo, act):
        # (i12-bodies3: a modal may stand between the lead and 会同: 城市管理部门应当会同…, 北京市生活垃圾管理条例 art. 55)
        lead = next((b for b in bodies if b.term.end <= m.start() and b.term.text in names
                     and _BEFORE_WITH.fullmatch(text, b.term.end, m.start())), None)
        if lead is None:
            continue
        at = m.end()
        for b in bodies:
            if b.term.start < at or b.term.end > act:
                continue
            if b.term.start != at:
                break
            name, level = b.term.text, b.term.level or None
            one = _ONE_SECTOR_ETC.fullmatch(name)
            if one and not _NOT_SECTOR_WORD.search(one.group(2)):
                # i12-bodies3: 会同生态环境等有关部门 (北京市生活垃圾管理条例 art. 55, sixth no. 6): the one sector named is written
                # out without the open 等, as an elliptic list is (tests/gold/dev/NOTES-GHI.md, 医师法)
                name = one.group(1) + one.group(2) + one.group(3)
            if _GENERIC_PARTNER.search(name):
                break  # 会同有关部门 / 国务院外交等有关部门: no particular body
            same = re.match(r"(?:同级|本级)(?:人民政府)?", name)
            if same and lead.term.level:
                head = _GOVERNMENT_HEAD.match(lead.term.text)
                if head:
                    name, level = head.group() + name[same.end():], lead.term.level
                elif lead.term.text.startswith(lead.term.level) and not same.group().endswith("人民政府"):
                    # i12-bodies3: a lead of levels and no government (市、县自然资源和规划主管部门会同同级住房和城乡建设主管部门,
                    # 济南市历史文化名城保护条例 art. 59): its levels
                    name, level = lead.term.level + name[same.end():], lead.term.level
            elif same and len(name) - same.end() >= 3:
                # i12-bodies3: 同级 of a lead that names no level has none to write out: the bare department, as the lead
                # (潍坊市红色文化资源保护条例 art. 9, bench/recall_sample sixth no. 16)
                name = name[same.end():]
            found.append((name, level))
            join = _LIST_JOIN.match(text, b.term.end)
            at = join.end() if join else -1
    return [f for f in found if f not in subjects]


def _triggers(text: str, refs: list[Term], zones) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for ref in refs:
        if not _inside(ref.start, zones):
            continue
        law = ref.key or "本法"
        numbers: list[int] = []
        pending_range = False
        for number in re.findall(r"第([零〇一二三四五六七八九十百千\d]+)条(?:之[一二三四五六七八九十]+)?|至", ref.text):
            if number == "":
                pending_range = True
                continue
            try:
                value = chinese_to_int(number)
            except ValueError:
                continue
            if pending_range and numbers and 0 < value - numbers[-1] < 50:
                numbers.extend(range(numbers[-1] + 1, value))
            pending_range = False
            numbers.append(value)
        for value in numbers:
            if (law, value) not in found:
                found.append((law, value))
    return found


def _modality(modals: list[Term], lo: int, hi: int) -> str | None:
    """The modal verb nearest before the act (X应当…，不得收取: 不得)."""
    found = None
    for term in modals:
        if lo <= term.start < hi:
            found = term.key
    return found


# 其他 a government holds toward a party, not its leadership: 由县级以上人民政府无偿收回用地单位的土地使用权 (土地管理法 art. 38,
# dev gold)
_ON_A_PARTY = {"收回使用权",
               # i12-bodies3: the mediation of a dispute between parties (乡、镇人民政府调解民间纠纷): filed as 其他 by the lists
               # (克拉玛依市农业农村局: 对农业机械事故损害赔偿纠纷的调解), held by a government as by a department
               "调解纠纷"}


# i12-planning: a government's order to give back what a party took (占用的土地由乡级以上人民政府责令退回: 河南省村庄和集镇规划
# 建设管理条例; 由县级以上地方人民政府责令交出土地: 土地管理法实施条例, dev gold 其他) acts on the party, as 收回使用权 does
_RESTITUTION = re.compile(r"(?:限期|立即)?(?:如数)?(?:退还|退回|交出|交还|归还)")
# the government itself orders (由县级以上地方人民政府责令交出土地; 由县级以上人民政府作出责令交出土地的决定), not one it names
# (由各级人民政府指定有关部门责令退还) or a department whose name the rules cut (由国务院质量监督检验检疫部门…责令退回)
_GOVERNMENT_ORDERS = re.compile(r"(?:人民政府|国务院)(?:依法|可以|应当)?(?:作出)?$")


# i12-planning: a past grant as the attribute of a noun (已批准公布的…, 已经依法批准的…, 已取得许可的…)
_PAST_GRANT_BEFORE = re.compile(r"已(?:经|被)?(?:依法)?$")
_PAST_GRANT_AFTER = re.compile(r"[^，。；的]{0,4}?的")


def _is_local_government(subject: str) -> bool:
    """乡（镇）人民政府 / 街道办事处: the government nearest the public, whose 予以制止 acts on a party (丽水市扬尘污染防治规定
    art. 4, dev gold), not the leadership of a higher government."""
    return bool(re.search(r"(?:乡|镇|（镇）)人民政府$|街道办事处$", subject))


def _is_government(subject: str) -> bool:
    return subject.endswith(("人民政府", "国务院", "办事处"))


Subject = tuple[str, "str | None"]


# --- i12-build2: a named designation confined to the certificate it names ---
@functools.lru_cache(maxsize=1)
def designation_objects() -> dict[str, tuple[str, ...]]:
    """Action key -> the certificate words a named designation of that action is confined to
    (``patterns/designation_objects.tsv``; a bad row is a UserError naming the file and row)."""
    path = PATTERNS_DIR / "designation_objects.tsv"
    objects: dict[str, list[str]] = {}
    for n, row in enumerate(_rows(path), start=2):
        action, word = (row.get("action") or "").strip(), (row.get("object") or "").strip()
        if not action or not word or "|" in word:
            raise UserError(f"{path}, row {n}: needs an action and an object word (without |)")
        objects.setdefault(action, []).append(word)
    return {action: tuple(words) for action, words in objects.items()}


def named_act_keys(key: str, text: str) -> list[str]:
    """The keys a named designation (本条例规定的…吊销资质证书的行政处罚，由颁发资质证书的机关决定) gives for one act it names:
    ``key|word`` for each certificate word of designation_objects.tsv the act names (资质: an enterprise's
    qualification), so that the designation reaches only the revocation of that certificate and not another of the same
    action key (吊销执业资格证书 of a registered person, 建设工程抗震管理条例 art. 47, i12-build2); the bare key otherwise."""
    words = [w for w in designation_objects().get(key, ()) if w in text]
    return [f"{key}|{w}" for w in words] or [key]


def designation_covers(keys: frozenset[str], key: str, text: str) -> bool:
    """Does a named designation of ``keys`` (``named_act_keys``) cover the act of ``key`` whose text is ``text``?"""
    return key in keys or any(k.partition("|")[0] == key and k.partition("|")[2] in text for k in keys if "|" in k)
# --- end i12-build2 ---


def _no_subject(subject: str, category: str) -> bool:
    """Is ``subject`` one that holds no ``category`` power (patterns/subjects.tsv: 行政机关 of a procedure, staff…)?"""
    return any(p.search(subject) and category not in keeps for p, keeps in load_tables().no_subject)


def extract_findings(text: str, terms: list[Term], carried: Subject | None = None,
                     designated: list[tuple[frozenset[str] | None, list[Subject]]] | None = None,
                     competent: list[Subject] | None = None) -> tuple[list[ClauseFinding], Subject | None]:
    """Findings of one article text plus the subject it leaves for the next article.

    ``carried`` is the subject of an earlier article of the chapter; ``designated`` the
    (act keys, bodies) of the 本法规定的[吊销许可证的]行政处罚，由X决定 provisions that cover
    the article, most specific first (keys None: every penalty); ``competent`` the departments
    the law makes competent for its field (X负责…的监督管理工作), the last resort of a sanction
    the law leaves without a body (construction ``sanction_by_competence``).  Both serve only sanctions that
    name no body in the article.
    """
    mask = _mask(terms)
    sentences = _sentences(text)
    lines = _lines(text)
    body_terms = _full_names(text, _expand_elliptic(
        text, _split_listed(text, [t for t in terms if t.label == "BODY" and not _inside(t.start, mask)])))
    zones = _condition_zones(text, sentences, lines, body_terms)
    internal: list[tuple[int, int]] = []
    bodies = _classify_bodies(text, body_terms, zones, mask, internal)
    body_ranges = [(b.term.start, b.term.end) for b in bodies]
    # a modal inside the case (…属于禁止生产的产品而为其提供便利的，) is the case's, not the clause's
    modals = [t for t in terms if t.label == "MODAL" and not _inside(t.start, zones)]
    refs = [t for t in terms if t.label == "REF"]
    amounts = [t for t in terms if t.label == "AMOUNT"]
    acts = [t for t in terms if t.label == "ACT"]
    paragraph_of_line: list[int] = []
    para = -1
    for a, b in lines:
        if not _ITEM_LINE.match(text[a:b]) or para < 0:
            para += 1
        paragraph_of_line.append(para)

    def line_index(pos: int) -> int:
        for i, (a, b) in enumerate(lines):
            if a <= pos <= b:
                return i
        return len(lines) - 1

    def sentence_of(pos: int) -> tuple[int, int]:
        for a, b in sentences:
            if a <= pos < b:
                return a, b
        return sentences[-1] if sentences else (0, len(text))

    def paragraph_start(pos: int) -> int:
        p = paragraph_of_line[line_index(pos)]
        return lines[paragraph_of_line.index(p)][0]

    agents = [b for b in bodies if b.agent]
    violated_sentences = {sentence_of(b.term.start) for b in bodies if b.violator}
    findings: dict[tuple[int, str, str], ClauseFinding] = {}
    sanctioning: list[Subject] = []
    sanctioning_unnamed = False  # sanctioning came from a designation, an earlier article or the competent bodies
    police_in: tuple[int, int] | None = None  # the sentence whose 拘留 went to 公安机关 (a 并处 after it follows)
    police_keys: set[tuple[int, str, str]] = set()
    all_triggers = _triggers(text, refs, zones)
    for act in acts:
        excepted_licence = act.category == "行政许可" and _exception_licence(text, act, paragraph_start(act.start), lines,
                                                                       line_index(act.start))
        if (_inside(act.start, mask) or _inside(act.start, zones) and act.key != "处罚规定" and not excepted_licence
                or _inside(act.start, body_ranges)
                or act.key in LICENCE_ACTIONS and _inside(act.start, internal)):
            continue
        s_start, s_end = sentence_of(act.start)
        if (s_start, s_end) in violated_sentences:
            continue
        if re.search(r"被(?:[^，。；]{0,20}?(?:机关|部门|机构|政府))?(?:依法)?(?:决定)?(?:予以|处以)?(?:[^，。；]{0,12}?、)*$",
                     text[max(s_start, act.start - 48): act.start]):
            continue  # 被吊销许可证 / 被依法取缔: a past sanction told as a fact
        if act.category in SANCTION_CATEGORIES and re.search(r"(?:于|抵缴|缴纳)(?:[^，。；]{0,8}?、)*$", text[s_start: act.start]):
            continue  # 税收优先于罚款、没收违法所得: the sanction is a noun
        if act.category == "行政检查" and re.match(r"(?:的)?(?:情况|结果|计划|记录|信息|制度|工作机制)", text[act.end: act.end + 5]):
            continue  # 通报监督检查情况: a report about inspections, no inspection
        if re.match(r"(?:、[^，。；、]{1,6}?)*的(?!决定|方法|方式|措施|行政强制措施|强制措施)", text[act.end: act.end + 30]) and not (
                excepted_licence):
            continue  # 吊销许可证的…, 查封、扣押的财物: a noun or a condition, not a grant
        if re.search(r"的(?:[^，。；、]{0,8}?、)+$|(?:不再|不予|尚未|免予)[^，。；]{0,6}$|(?:依照|按照)法定程序[^，。；]{0,6}$",
                     text[max(s_start, act.start - 40): act.start]) or act.category in SANCTION_CATEGORIES and re.search(
                         r"已(?:经)?[^，。；]{0,10}$", text[max(s_start, act.start - 12): act.start]):
            continue  # 对行政处罚的启动、调查取证、审核…进行记录: a list of nouns; 已经给予当事人罚款的: a past act
        if act.category == "行政许可" and _PAST_GRANT_BEFORE.search(text, max(s_start, act.start - 6), act.start) and (
                _PAST_GRANT_AFTER.match(text, act.end)):
            continue  # i12-planning: 在已批准公布的历史文化名镇、名村中 / 已经批准的建设项目: a past grant names a thing
        if act.key == "核发证" and any(a.key == "登记" and s_start <= a.start < act.start for a in acts):
            continue  # 登记造册，核发证书: the certificate of a registration, no licence
        clause_end = _CLAUSE_END.search(text, act.end)
        rest = text[act.end: clause_end.start() if clause_end else len(text)]
        clause_start = max(text.rfind(c, s_start, act.start) for c in "，,：:")
        in_time = rest.endswith("时") and "在" in text[max(clause_start, s_start): act.start]
        cause = "因" in text[max(clause_start, s_start): act.start] and "而" in rest  # 因扣押…而知悉: a cause
        if _PROPOSED.search(text, max(clause_start + 1, s_start), act.start):
            continue  # 建议X责成Y…检查: a proposal that one body order another
        if act.key in REFERRAL_ACTIONS and re.match(r"[，,](?:应当|必须|应)", text[act.end: act.end + 3]):
            continue  # 行政机关…给予行政处罚，应当制作决定书: the penalty is the topic of a procedure
        if (_TOPIC_AFTER.search(rest) and not in_time) or _NOUN_AFTER.match(rest) or cause:
            # 征收税款时，必须…: a topic or a time (X在核发…证时 is the body's own act); …的情况, 之日起: a noun
            continue
        if act.category == "行政检查" or act.key == "约谈":
            lead = text.rfind("对", s_start, act.start)
            while lead >= 0 and text.startswith("对象", lead):  # i12-census: 普查对象 is a noun, no 对 of the checked party
                lead = text.rfind("对", s_start, lead)
            # i12-labour: the acting body of a clause 由X after the 对-phrase (，由X) is no object (对无营业执照…有劳动用工行为的，
            # 由劳动保障行政部门…实施劳动保障监察: 劳动保障监察条例 art. 33); a body inside the object (应当由审计机关进行审计的事项) stays
            subject_spans = [(b.term.start, b.term.end) for b in agents if text.endswith(("，由", ",由"), 0, b.term.start)]
            checked = _without(text, lead, act.start, subject_spans) if lead >= 0 else ""
            if lead >= 0 and _INTERNAL_OBJECT.search(checked) and not _PUBLIC_OBJECT.search(
                    text, lead, act.start) or act.key == "约谈" and (
                    _INTERNAL_OBJECT.search(rest)) or _INTERNAL_AFTER.match(rest):
                continue  # 对下级税务机关…进行监督检查, 约谈该地区人民政府: supervision inside the administration
        if _ACCEPTS_BEFORE.search(text, max(s_start, act.start - 30), act.start):
            continue  # 依法接受审计监督: the party that accepts is checked, it does not check
        if act.context and not re.search(act.context, text[paragraph_start(act.start):act.start]):
            continue  # a construction of two parts (争议…由X处理, 逾期不拆除的，由X拆除) lacks its first
        if act.key in ("批准", "审核", "同意") and (_PLAN_OBJECT.search(_without(text, s_start, act.start, body_ranges + zones))
                                                  or _ATTRIBUTIVE.match(text, act.end) and not excepted_licence
                                  and "经" in text[max(clause_start, s_start): act.start]):
            continue  # 规划…报国务院批准: planning inside the administration; 经X批准确定的耕地: a presupposition
        subjects: list[Subject] = []
        by_competence = unnamed = False
        excepted: list[Subject] = []
        subject_end = s_start
        named = [b for b in bodies if b.licensing and s_start <= b.term.start < act.start
                 and act.start - b.term.end < 40]
        if named and (act.key in LICENCE_ACTIONS or act.category in ("行政确认", "行政许可")
                      or act.construction in (REQUESTED_INSPECTION, PAID_TO)):
            subjects = [(b.term.text, b.term.level) for b in named if b.group == named[-1].group]
            subject_end = s_start  # 必须经X批准 / 应当向X申请: the modal stands before X
            # 向X提出申请，…，由Y批准 (土地管理法 art. 60): Y, named between X and the act, approves too
            deciding = [b for b in agents if named[-1].term.end <= b.term.start < act.start and text.startswith(
                "由", b.term.start - 1) and not _inside(b.term.start, internal)]
            subjects += [(b.term.text, b.term.level) for b in deciding if b.group == deciding[-1].group
                         and (b.term.text, b.term.level) not in subjects]
        if not subjects and act.key == "处罚规定":
            # 本法规定的行政处罚，由X决定: the bodies after the act hold it, those of a 除由Y决定的外 too
            # (消防法 art. 70: 除应当由公安机关依照《治安管理处罚法》…决定的外，由住房和城乡建设主管部门、消防救援机构…决定)
            after = [b for b in agents if act.end <= b.term.start < s_end]
            if after:
                groups = {after[0].group}
                excepted_groups = {b.group for b in after if _EXCEPTED_BEFORE.search(
                    text, max(act.end, b.term.start - 24), b.term.start)}
                if excepted_groups:
                    groups = {b.group for b in after}
                # i12-water2: 由X决定，或者由Y按照…权限决定 (防洪法 art. 63): the alternative body is designated too
                groups |= {b.group for b in after if _ALTERNATIVE_BEFORE.search(text, max(act.end, b.term.start - 8), b.term.start)}
                subjects = list(dict.fromkeys((b.term.text, b.term.level) for b in after if b.group in groups))
                # the later acts of the article (由作出决定的部门或者机构强制执行) are the designated bodies', not the exception's
                excepted = [(b.term.text, b.term.level) for b in after if b.group in excepted_groups]
                subject_end = act.end
            elif act.text.startswith("行政处罚权"):
                continue  # 规定由X行使的行政处罚权，…由Y行使: the power is Y's, and Y is no body the rules know
        if not subjects:
            # a sanction takes the nearest agent of its paragraph, else the last sanctioning
            # body of the article, else the designated or carried subject
            scope_start = paragraph_start(act.start)
            if act.category not in SANCTION_CATEGORIES and not _ITEM_LINE.match(text[lines[line_index(act.start)][0]:]):
                # another sentence's subject reaches only a sentence that starts without its own
                if not _SUBJECTLESS_START.match(text, s_start) and not _inside(s_start, zones):
                    scope_start = s_start  # (审核合格的，予以登记: a sentence opening with its case has no subject of its own)
            if act.category == "其他" and act.key != "监督管理职责" and not _ITEM_LINE.match(
                    text[lines[line_index(act.start)][0]:]) and not (
                    act.key == "责令改正" and _FOUND_IN_CHECK.match(text, s_start)):
                # 港口法 art. 36: X应当…实施监督检查…；检查中发现安全隐患的，应当责令被检查人立即排除: a sentence that opens
                # with what the checking found orders for the body of the sentence before
                scope_start = s_start
            before = [b for b in agents if scope_start <= b.term.start and b.term.end <= act.start
                      and (b.local_end is None or act.start < b.local_end)]
            if _ITEM_LINE.match(text[lines[line_index(act.start)][0]:]):
                # i12-duties: under a chapeau that names its subject (X履行下列职责：), an item's subject is its own body or
                # the chapeau's, never a body another item names (南阳市居民住宅区消防安全管理条例 art. 13 （二）指导乡镇人民政府…
                # 履行消防安全职责；（三）对…单位实施消防监督检查: the chapeau's 消防救援机构 checks)
                # (an item that opens with a body of its own is that body's sentence, and is left as it was)
                own_line = lines[line_index(act.start)][0]
                opener = own_line + _ITEM_LINE.match(text[own_line:]).end()
                in_items = [b for b in before if b.term.start < own_line and _ITEM_LINE.match(
                    text[lines[line_index(b.term.start)][0]:])]
                if act.construction == DUTY_ITEM or len(in_items) < len(before) and in_items and not any(
                        b.term.start == opener for b in bodies):
                    before = [b for b in before if b not in in_items]  # a duty item's body is its chapeau's, or none
            if act.category in SANCTION_CATEGORIES and not any(b.term.start >= s_start for b in before) and (
                    _OWN_OPENER.match(text, s_start)) and not _inside(s_start, zones):
                continue  # i12-bodies3: the sentence's own subject, no body the rules know, holds its act (戒毒条例 art. 29)
            if before and _no_subject(before[-1].term.text, act.category):
                before = []  # 由其上级主管部门…给予处分；…处以罚款: the nearest body holds none; a sanction looks further
            if before:
                nearest = before[-1]
                members = [b for b in before if b.group == nearest.group]
                subjects = [(b.term.text, b.term.level) for b in members]
                subject_end = nearest.term.end
                if text.startswith("由", nearest.term.start - 1):
                    subject_end = max(s_start, nearest.term.start - 4)  # 可以由X / 应当由X
                if act.key in LICENCE_ACTIONS | {"审核", "同意"} and _SUBMITS.search(text, nearest.term.end, act.start):
                    continue  # 招录机关应当将名单报…审批: the body submits, another approves
            elif act.category in SANCTION_CATEGORIES and act.key not in REFERRAL_ACTIONS:
                unnamed = True  # the article names no body for it (the 拘留 rule below)
                named_penalty = next((list(b) for keys, b in designated or ()
                                      if keys and designation_covers(keys, act.key, act.text)), None)
                # i12-coercion: …的，没收违法所得，由X处…罚款 (反电信网络诈骗法 art. 44): the body the sentence names after the
                # sanction decides it with the rest, before any body of an earlier paragraph or article
                # (only the clause right after the act's own: 处以罚款…，情节严重的，由X吊销营业执照 leaves the fine alone,
                # 政府采购法 art. 77)
                later = [b for b in agents if act.end <= b.term.start < s_end and text.startswith("由", b.term.start - 1)
                         and len(re.findall(r"[，,]", text[act.end: b.term.start])) <= 1
                         and not re.search(r"的[，,]", text[act.end: b.term.start])
                         and b.local_end is None and not _no_subject(b.term.text, act.category)]
                if later:
                    subjects, unnamed = [(b.term.text, b.term.level) for b in later if b.group == later[0].group], False
                elif named_penalty:
                    subjects = named_penalty  # 本法规定的吊销资质证书的行政处罚，由颁发资质证书的机关决定
                elif sanctioning:
                    subjects, unnamed = list(sanctioning), sanctioning_unnamed
                elif earlier := [b for b in agents if b.term.end <= act.start and b.local_end is None
                                 and not _no_subject(b.term.text, act.category)]:
                    # 行政处罚法 art. 28: 行政机关…应当责令改正。/ 当事人有违法所得…应当予以没收: the article's subject
                    subjects = [(b.term.text, b.term.level) for b in earlier if b.group == earlier[-1].group]
                    unnamed = False
                elif designated and (picked := next((list(bodies) for keys, bodies in designated
                                                     if keys and designation_covers(keys, act.key, act.text)),
                                                    next((list(bodies) for keys, bodies in designated if not keys), []))):
                    # a designation for this act (本法规定的吊销许可证的行政处罚，由X决定) before the general one; a law
                    # that designates only other acts (行政拘留处罚由X决定) leaves this one to the bodies below (i12-procedure)
                    subjects = picked
                elif carried and not _no_subject(carried[0], act.category):
                    subjects = [carried]
                elif competent:
                    subjects, by_competence = list(competent), True
            elif act.key == "处罚" and designated and _OWN_RULE_REFERRAL.search(text, max(s_start, act.start - 60), act.start):
                # i12-quality: 依照本法第X条的规定处罚 / 依照本法对销售者的处罚规定处罚 (浙江省产品质量监督条例 art. 34) with no
                # body is a penalty of this law, so the designated body's; a referral to another law stays none (rule 2)
                unnamed = True
                subjects = next((list(bodies) for keys, bodies in designated if not keys), [])
            elif act.construction == "licence_system" and competent and len(competent) == 1:
                # X经营实行许可制度 with no body in the article (浙江省燃气管理条例 art. 18): the licence is the law's
                # one competent department's, as a sanction without a body is; of several (河南省大气污染防治条例
                # art. 16: 环保, 住建, 交通…) none is known to license (tests/test_nlp_recall_sample.py)
                subjects = list(competent)
            elif (act.category == "行政给付" and _COMPENSATION.search(act.text) and _TAKING.search(text, 0, act.start)
                  and not _PRIVATE_ACTOR.search(text[s_start:act.start])):
                # 临时征用房屋…的，应当依法给予补偿 (传染病防治法 art. 45): a compensation with no body of its own is
                # paid by the body that took: the agents of the nearest earlier paragraph that has any (a body named
                # only after it, 具体标准由X规定, is a rule-maker, not the payer)
                earlier = [b for b in agents if b.term.end <= act.start and b.local_end is None]
                if not earlier:
                    # 拣选文物…应当移交当地文物行政部门。移交拣选文物，应当给予合理补偿 (文物保护法 art. 76): the body
                    # the goods are handed over to takes them, and pays
                    earlier = [b for b in bodies if b.term.end <= act.start and _HANDED_TO.search(text, 0, b.term.start)]
                if earlier:
                    para = paragraph_of_line[line_index(earlier[-1].term.start)]
                    subjects = [(b.term.text, b.term.level) for b in earlier
                                if paragraph_of_line[line_index(b.term.start)] == para]
        if subjects:  # (会同有关部门责令改正: _GENERIC_PARTNER names no particular body)
            # i12-bodies3: 由X会同Y，按照…实施A: the 会同 phrase is an adverbial of the acts of the sentence after it when its own
            # clause holds no act (潍坊市红色文化资源保护条例 art. 9; 由X会同Y依据职权，责令改正，给予警告: 计划生育技术服务管理条例
            # art. 35); 会同Y追缴文物，给予警告 keeps the 警告 X's (文物保护法 art. 91, dev gold).
            # The partners of a competence (X会同Y…进行监督管理) hold it with X (bench/recall_sample local no. 22, sixth no. 6)
            lo = max(clause_start + 1, s_start)
            joint = text.rfind("会同", s_start, lo)
            joint_end = _CLAUSE_END.search(text, joint) if joint >= 0 else None
            listed_end = max((b.term.end for b in bodies if joint_end and joint < b.term.start < joint_end.start()), default=-1)
            if listed_end >= 0 and _ADVERBIAL_TAIL.fullmatch(text, listed_end, joint_end.start()):
                lo = max(s_start, max(text.rfind(c, s_start, joint) for c in "，,：:") + 1)
            subjects += _partners(text, bodies, subjects, lo, act.start)
        subjects = [sub for sub in subjects if not _no_subject(sub[0], act.category)
                    and not procedure_of(text, act.category, sub[0], act.start, act.end, (s_start, s_end),
                                         paragraph_start(act.start))]  # patterns/procedures.tsv
        if not subjects:
            continue  # none, or only 行政机关 of a procedural rule, staff, a legislature (patterns/subjects.tsv)
        if act.category == "其他" and all(_is_government(s) for s, _ in subjects) and not (
                act.key == "制止" and all(_is_local_government(s) for s, _ in subjects)) and act.key not in _ON_A_PARTY and not (
                act.key == "责令改正" and _RESTITUTION.match(text, act.end) and _GOVERNMENT_ORDERS.search(text, 0, act.start)):
            continue  # a government's leadership or its own orders are no power list item
        if act.key == "监督管理职责" and act.construction != DUTY_ITEM and (
                act.start - subject_end > 80 or subject_end < s_start):
            continue  # 负责 must be the subject's own verb (an item of a duty list has its chapeau's)
        lo = max(subject_end, s_start)
        modal = _modality(modals, lo, act.start + 2)  # 可以处…罚款: the modal may open the act
        if modal is None and _ITEM_LINE.match(text[lines[line_index(act.start)][0]:]):
            lead = lines[paragraph_of_line.index(paragraph_of_line[line_index(act.start)])]
            modal = _modality(modals, lead[0], lead[1])
        if excepted_licence:
            modal = "不得"  # 禁止…，但经X批准的除外: what the licence lifts is a bar
        elif modal is None and act.key in LICENCE_ACTIONS and re.search(r"未经[^。；]{0,40}$", text[s_start:act.start]):
            if re.search(r"不得|禁止", text[act.end:s_end]):
                modal = "不得"
        if modal == "不得" and subject_end > s_start and not _CASE_BEFORE.search(text, s_start, subject_end) and re.fullmatch(
                r"[^，。；]{0,4}?不得[^，。；]*", text[subject_end:act.start]):
            # 县级以上人民政府及其有关部门不得超越权限审批建设项目 (建设工程质量管理条例 art. 5): a rule of conduct on the
            # body; a bar after a case (不符合…的，审批机关不得批准) states what its review checks, and stays
            continue
        if modal == "不得" and act.key not in LICENCE_ACTIONS and not excepted_licence:
            continue  # a prohibition on the body grants nothing
        by_police = False
        if act.category == "行政处罚" and unnamed and (act.key == "行政拘留" or police_in == (s_start, s_end) and re.search(
                r"并处$", text[max(clause_start + 1, s_start): act.start] + act.text[:2])):
            if not any(_DETAINING.search(s) for s, _ in subjects) and not _COURT.search(text):
                # only 公安机关 restricts personal liberty (行政处罚法 art. 18; 治安管理处罚法): a 拘留 whose paragraph names
                # no body, left to a designation or an earlier article of other bodies, is the police's, and so is the
                # fine 并处 beside it (消防法 arts. 63, 64, 68 under art. 70); a body the paragraph names keeps it
                subjects, by_police = [(POLICE, None)], True
                police_in = (s_start, s_end)
        first_level = subjects[0][1]
        if act.category in SANCTION_CATEGORIES and not by_police:
            sanctioning, sanctioning_unnamed = [x for x in subjects if x not in excepted] or list(subjects), unnamed
        amounts_here = [t.text for t in amounts if s_start <= t.start < s_end and not _inside(t.start, zones)]
        line = line_index(act.start)
        unit = line if _ITEM_LINE.match(text[lines[line][0]:]) else -1 - paragraph_of_line[line]
        categories = [act.category]
        if act.key == "批准" and _LEVY_OBJECT.search(text, s_start, act.start) and not _MEMBERS_DECIDE.search(
                text, s_start, act.start):
            categories = ["行政征收"] + (["行政许可"] if _USE_OBJECT.search(text, s_start, act.start) else [])
        for category, (subject, level) in ((c, s) for c in categories for s in subjects):
            key = (unit, category, subject)
            finding = findings.get(key)
            if finding is None:
                construction = act.construction if category == act.category else "expropriation_approval"
                if by_competence:
                    construction = "sanction_by_competence"
                finding = findings[key] = ClauseFinding(category, subject, act.start, construction,
                                                        modality=modal, inherited_level=level or first_level)
                if act.category in SANCTION_CATEGORIES or act.key == "责令改正":
                    finding.triggers = list(all_triggers)
            if by_police:
                police_keys.add(key)
            if finding.modality is None and modal is not None:
                finding.modality = modal  # …实施监督检查时，可以查阅: a later act states it
            if act.key not in finding.actions:
                finding.actions.append(act.key)
            if finding.construction == COMPETENCE and act.construction != COMPETENCE:
                finding.construction = act.construction  # a competence beside a real act: the act decides
            finding.positions.append(act.start)
            for amount in amounts_here if category == "行政处罚" else ():
                if amount not in finding.amounts:
                    finding.amounts.append(amount)
    _distribute_chapeau(text, lines, bodies, findings, line_index)
    # 责令改正 beside a penalty of the same body is part of the penalty decision, and so is 予以制止
    # (行政许可法 art. 81: 行政机关应当依法采取措施予以制止，并依法给予行政处罚)
    punished = {f.subject for f in findings.values() if f.category == "行政处罚"}
    # i12-resources: 责令限期拆除；逾期不拆除的，(由X)强制拆除 / 代为恢复: the order opens the body's own coercion (代履行)
    # and is part of it (NOTES-i12-works conv. 9; 草原法 art. 71)
    coerced = {f.subject: min(f.positions) for f in findings.values() if f.category == "行政强制" and f.positions}
    # i12-water2: so is the order of a 代履行 by the same body (由X责令限期清除；逾期不清除的，由X组织强行清除，所需费用由设障者
    # 承担, 防洪法 art. 42; tests/gold/dev/NOTES-i12-works.md convention 9): the order is the first step of the coercion
    punished |= {f.subject for f in findings.values() if f.category == "行政强制" and "代履行" in f.actions}
    result = [f for f in findings.values()
              if not (f.category == "其他" and set(f.actions) <= {"责令改正", "制止"} and f.subject in punished)
              and not (f.category == "其他" and set(f.actions) <= {"责令改正"} and f.subject in coerced and any(
                  p < coerced[f.subject] and _OVERDUE_AFTER.match(text, p) for p in f.positions))]
    result.sort(key=lambda f: f.start)
    last_subject = carried
    police = {id(findings[k]) for k in police_keys if k in findings}
    sanction_agents = [f for f in result if f.category in SANCTION_CATEGORIES and id(f) not in police]
    if sanction_agents:
        last_subject = (sanction_agents[-1].subject, sanction_agents[-1].inherited_level)
    elif agents:
        last = agents[-1]
        last_subject = (last.term.text, last.term.level or None)
    return result, last_subject


@Language.factory("authorising_clauses")
def make_clause_extractor(nlp: Language, name: str):
    return ClauseExtractor()


class ClauseExtractor:
    """Pipeline component: ``Doc._.clauses`` from ``Doc._.terms`` (and ``Doc._.carried_subject``)."""

    def __call__(self, doc: Doc) -> Doc:
        findings, last = extract_findings(doc._.source or doc.text, doc._.terms or [], doc._.carried_subject,
                                          doc._.designated_subjects, doc._.competent_subjects)
        doc._.clauses = findings
        doc._.last_subject = last
        return doc
