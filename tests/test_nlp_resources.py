"""Constructions of natural resources and land rights (issue 12, branch i12-resources): a table of (article text as the
corpus has it, expected clauses) with a near miss beside each row.

Each clauses.py / terms.py / constructions.tsv change of this branch has a text here that it must read and one that it
must not; none of the texts is an article of the two laws the branch annotated (草原法, 矿产资源法: tests/gold/dev).
"""

from __future__ import annotations

import pytest

from loaders.nlp.clauses import _expand_elliptic, _full_names, _split_listed
from loaders.nlp.extract import get_pipeline

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政强制: 责令限期X；逾期不X的，(由X)强制X / 代为X: the order opens the body's own coercion (代履行) ---------------
    # 收费公路管理条例 (2004) art. 53: 责令限期拆除 is no penalty when the coercion that enforces it follows (constructions.tsv
    # penalty 限期拆除; NOTES-i12-works conv. 9)
    ("违反本条例的规定，收费公路终止收费后，收费公路经营管理者不及时拆除收费设施的，由省、自治区、直辖市人民政府交通主管部门"
     "责令限期拆除；逾期不拆除的，强制拆除，拆除费用由原收费公路经营管理者承担。",
     {("行政强制", "省、自治区、直辖市人民政府交通主管部门", "coercive_measure")}),
    # 山东省港口条例 (2012) art. 62: 责令限期改正；逾期不改正的，由X组织修复、清除 (clauses.py: the order beside the coercion)
    ("违反本条例规定，港口建设项目法人未及时修复港口公共基础设施、清除港区内废弃物的，由交通港口管理部门责令限期改正；逾期不改正的，"
     "由交通港口管理部门组织修复、清除，所需费用由港口建设项目法人承担。",
     {("行政强制", "交通港口管理部门", "substitute_cost")}),
    # near miss, 土地管理法实施条例 (2021) art. 53 (dev gold of i12-expro): the court enforces (申请人民法院强制执行), the order
    # stands alone: 其他
    ("违反《土地管理法》第六十五条的规定，对建筑物、构筑物进行重建、扩建的，由县级以上人民政府自然资源主管部门责令限期拆除；"
     "逾期不拆除的，由作出行政决定的机关依法申请人民法院强制执行。",
     {("其他", "县级以上人民政府自然资源主管部门", "order_to_correct")}),
    # near miss, 公路法 (2017) art. 79: a fine beside the order keeps the penalty
    ("违反本法第五十六条规定，在公路建筑控制区内修建建筑物、地面构筑物或者擅自埋设管线、电缆等设施的，由交通主管部门责令限期拆除，"
     "并可以处五万元以下的罚款。逾期不拆除的，由交通主管部门拆除，有关费用由建筑者、构筑者承担。",
     {("行政处罚", "交通主管部门", "penalty"), ("行政强制", "交通主管部门", "substitute_performance")}),
    # --- 行政许可: 经…三分之二以上成员…的同意，并报X批准: a collective's decision approved by a government ---------------
    # 农村土地承包法 (2018) art. 52 (clauses.py: _MEMBERS_CONSENT)
    ("发包方将农村土地发包给本集体经济组织以外的单位或者个人承包，应当事先经本集体经济组织成员的村民会议三分之二以上成员或者三分之二"
     "以上村民代表的同意，并报乡（镇）人民政府批准。",
     {("行政许可", "乡（镇）人民政府", "approval")}),
    # 浙江省实施《农村土地承包法》办法 (2009) art. 17: a taking named among the causes is no 行政征收 of the approval
    ("承包期内，因自然灾害严重毁损承包地，国家和省重点建设项目征收、征用村集体土地面积较大，落实国家移民政策等特殊情形对个别农户之间"
     "承包的耕地需要适当调整的，必须经本集体经济组织成员会议（村民会议）或者成员代表会议（村民代表会议）三分之二以上成员同意，"
     "并报乡（镇）人民政府和县级人民政府农业行政主管部门批准。",
     {("行政许可", "乡（镇）人民政府", "approval"), ("行政许可", "县级人民政府农业行政主管部门", "approval")}),
    # near miss, 村民委员会组织法 (2018) art. 3 para. 2: a government proposes, the villagers discuss: between governments
    ("村民委员会的设立、撤销、范围调整，由乡、民族乡、镇的人民政府提出，经村民会议讨论同意，报县级人民政府批准。", set()),
    # --- the body set up holds the duty: X设立Y，负责… (a pivot) -------------------------------------------------------
    # 浙江省风景名胜区条例 (2014) art. 7 (clauses.py: _PIVOT_DUTY; terms.py: a body starts after 设立 / 设置)
    ("县级以上人民政府应当依法设置风景名胜区管理机构，具体负责风景名胜区的建设、保护和管理工作。",
     {("其他", "风景名胜区管理机构", "competence")}),
    # near miss, 全国经济普查条例 (2018) art. 18: an enterprise sets up its own unit (no public body sets it up)
    ("大型企业应当设立经济普查机构，负责本企业经济普查表的填报工作。其他各类法人单位应当指定相关人员负责本单位经济普查表的填报工作。",
     set()),
    # near miss, 社区矫正法 (2019) art. 8 para. 2: a coordinating committee of the governments holds no power of its own
    ("地方人民政府根据需要设立社区矫正委员会，负责统筹协调和指导本行政区域内的社区矫正工作。", set()),
    # --- a right taken back: 收回…经营权 / 矿业权 (constructions.tsv resource_right_revoked / resource_right_recovery) -------
    # 浙江省燃气管理条例 (2020) art. 49: after a breach (违反…) it is a sanction, as 撤销 a licence is
    ("燃气经营单位和个人违反本条例有关规定，有下列行为之一的，由燃气主管部门吊销其燃气经营许可证，并由县级以上人民政府收回其管道燃气"
     "特许经营权：",
     {("行政处罚", "燃气主管部门", "penalty"), ("行政处罚", "县级以上人民政府", "resource_right_revoked")}),
    # 北京市燃气管理条例 (2020) art. 56 (first sentence): 拒不改正的，可以收回特许经营权 by the concession's 实施机关 (bodies.tsv)
    ("取得燃气特许经营权的企业有下列情形之一的，特许经营的实施机关应当责令限期改正；拒不改正的，可以收回特许经营权、终止特许经营协议，"
     "并采取措施保障燃气供应和服务：",
     {("行政处罚", "特许经营的实施机关", "resource_right_revoked")}),
    # near miss, 彭水苗族土家族自治县旅游条例 (2019) art. 18: taken back for an unmet term, no breach named: 其他, as 土地管理法
    # art. 38 无偿收回 (dev gold), with the 补偿 of para. 3
    ("自治县人民政府应当对旅游发展规划的执行情况定期组织监督检查。\n"
     "取得旅游资源开发经营权的项目业主，在合同约定的启动建设期两年内，因自身原因未启动建设的，由自治县人民政府无偿收回旅游资源开发经营权。\n"
     "取得旅游资源开发经营权的项目业主，因自身原因未达到修建性详细规划和合同约定的建设进度要求的，自治县人民政府应当收回旅游资源开发经营权，"
     "并对其实际投入进行评估后给予适当补偿。",
     {("其他", "自治县人民政府", "resource_right_recovery"), ("行政给付", "自治县人民政府", "benefit")}),
    # near miss, a ban on taking back (…不得违法收回, 退役军人保障法 art. 70 words): no act
    ("承包期内不得违法收回或者强迫、阻碍土地经营权流转。", set()),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_resources_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected


def _names(text: str) -> list[str]:
    bodies = [t for t in get_pipeline()(text)._.terms if t.label == "BODY"]
    return [t.text for t in _full_names(text, _expand_elliptic(text, _split_listed(text, bodies)))]


def test_other_departments_named_again_take_the_full_name() -> None:
    # 山东省非物质文化遗产条例 (2015) art. 10: X和其他有关部门… ；其他有关部门应当… is the list's second body again
    text = ("县级以上人民政府文化主管部门和其他有关部门进行非物质文化遗产调查，应当妥善保存相关实物和资料，并予以记录、建档；"
            "其他有关部门应当在调查结束后六十日内，将实物图片、资料复制件汇交同级文化主管部门。")
    assert _names(text)[:3] == ["县级以上人民政府文化主管部门", "县级以上人民政府其他有关部门", "县级以上人民政府其他有关部门"]
    # near miss: with no such list before it, 其他有关部门 stays as written
    assert _names("其他有关部门应当予以配合。") == ["其他有关部门"]
