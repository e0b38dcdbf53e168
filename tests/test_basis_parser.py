"""Basis-citation parser: real 实施依据/设定依据 strings (Karamay workbooks, Zhejiang CSV) -> citations."""

from __future__ import annotations

import pytest

from loaders.powerlists.citations import looks_normative, note_date, parse_basis

# (basis text as the lists write it, [(law, article, suffix, paragraph, item), ...])
CASES = [
    (  # tag, full title, long version note, article + paragraph, quoted text over two lines
        "【法律】《中华人民共和国畜牧法》（2005年12月29日第十届全国人民代表大会常务委员会第十九次会议通过\u3000"
        "2022年10月30日第十三届全国人民代表大会常务委员会第三十七次会议修订）               \n"
        "    第二十二条第一款：从事种畜禽生产经营或者生产商品代仔畜、雏禽的单位、个人，应当取得种畜禽生产经营许可证。   \n"
        "    第二十四条：申请取得生产家畜卵子、冷冻精液、胚胎等遗传材料的生产经营许可证，应当向省级人民政府畜牧兽医行政主管部门提出申请。",
        [("中华人民共和国畜牧法", 22, 0, 1, None), ("中华人民共和国畜牧法", 24, 0, None, None)],
    ),
    (  # inline, several laws, issuers before the titles (Zhejiang)
        "国务院《易制毒化学品管理条例》第三十二条、公安部《易制毒化学品购销和运输管理办法》第二十六条规定",
        [("易制毒化学品管理条例", 32, 0, None, None), ("易制毒化学品购销和运输管理办法", 26, 0, None, None)],
    ),
    (  # abbreviated title, no article for the second law
        "《食品安全法》第一百零九条、《食品生产经营日常监督检查管理办法》相关规定",
        [("食品安全法", 109, 0, None, None), ("食品生产经营日常监督检查管理办法", None, 0, None, None)],
    ),
    (  # an article list and a range
        "【法律】《中华人民共和国行政许可法》（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过）\n"
        "    第三十条、第三十二条、第六十条至第六十三条。",
        [("中华人民共和国行政许可法", n, 0, None, None) for n in (30, 32, 60, 61, 62, 63)],
    ),
    (  # 项 of an article, two at once, text after a space
        "【法律】《中华人民共和国食品安全法》（2009年2月28日…；2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议第二次修正）\n"
        "    第一百一十条第四、五项 县级以上人民政府食品药品监督管理、质量监督部门履行各自食品安全监督管理职责，有权采取下列措施",
        [("中华人民共和国食品安全法", 110, 0, None, 4), ("中华人民共和国食品安全法", 110, 0, None, 5)],
    ),
    (  # no tag, colon right after the article
        "《中华人民共和国社会保险法》第八十四条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正",
        [("中华人民共和国社会保险法", 84, 0, None, None)],
    ),
    (  # a title quoted inside the article text is not a citation
        "【法规】《危险化学品安全管理条例》（2002年1月26日公布，中华人民共和国国务院令第645号，2013年12月7日修正）\n"
        "    第九十三条：伪造、变造或者出租、出借、转让危险化学品安全生产许可证、工业产品生产许可证的，分别依照《安全生产许可证条例》、"
        "《中华人民共和国工业产品生产许可证管理条例》的规定处罚。\n"
        "　　伪造、变造或者出租、出借、转让本条例规定的其他许可证的，分别由相关许可证的颁发管理机关处10万元以上20万元以下的罚款。",
        [("危险化学品安全管理条例", 93, 0, None, None)],
    ),
    (  # nested title with <>, 之一 suffix
        "【法规】《新疆维吾尔自治区实施<中华人民共和国种子法>办法》（2006年11月24日通过）\n    第十条之一：县级以上人民政府农业行政主管部门",
        [("新疆维吾尔自治区实施《中华人民共和国种子法》办法", 10, 1, None, None)],
    ),
    (  # a doubled 》》 and a title closed too early
        "【法规】《报废机动车回收管理办法》》（2019年4月22日中华人民共和国国务院令第715号发布）\n    第四条第二款：县级以上地方人民政府\n"
        "【规章】《报废机动车回收管理办法》实施细则》（商务部令2020年第2号，自2020年9月1日起施行）\n    第五条第一款：省级商务主管部门",
        [("报废机动车回收管理办法", 4, 0, 2, None), ("报废机动车回收管理办法实施细则", 5, 0, 1, None)],
    ),
    (  # a second tagged law on the quote's line; a date before the first title
        "【部令】 2017年3月1日国务院令第676号《城市市容和环境卫生管理条例》第三十三条:“按国家行政建制设立的市的市区内，禁止饲养鸡、鸭。”       "
        "【规章】《新疆维吾尔自治区实施<城市市容和环境卫生管理条例>行政处罚办法》（2001年3月12日自治区人民政府令第97号发布）\n"
        "    第六条：违反《条例》规定，未经批准擅自饲养家禽家畜",
        [("城市市容和环境卫生管理条例", 33, 0, None, None), ("新疆维吾尔自治区实施《城市市容和环境卫生管理条例》行政处罚办法", 6, 0, None, None)],
    ),
    (  # items of a decision's annex
        "【国务院决定】《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号，自2004年7月1日起施行，2016年8月25日修订）\n"
        "    第87项：设立技工学校审批。实施机关:劳动保障部、省级人民政府劳动保障行政主管部门。",
        [("国务院对确需保留的行政审批项目设定行政许可的决定", None, 0, None, 87)],
    ),
    (  # a typo opens the title with （
        "【法规】（禁止使用童工规定》（2002年10月1日国务院令第364号公布,自2002年12月1日起施行）\n    第四条：用人单位招用人员时",
        [("禁止使用童工规定", 4, 0, None, None)],
    ),
    (  # article numbers without 第…条 heads on the next line: 第五十条 followed by a space
        "【法律】《中华人民共和国种子法》（2000年7月8日…2015年11月4日…修订，2016年1月1日起施行）\n"
        "第五十条 农业、林业主管部门是种子行政执法机关。\n    (一)进入生产经营场所进行现场检查；",
        [("中华人民共和国种子法", 50, 0, None, None)],
    ),
    (  # a stray closing bracket after the version note, as the corpus's info lines end
        "【法律】《中华人民共和国食品安全法》（2009年2月28日…通过　2018年12月29日…第二次修正））第三十九条第一款",
        [("中华人民共和国食品安全法", 39, 0, 1, None)],
    ),
    (  # the same with half-width brackets, then a second law
        "《中华人民共和国畜牧法》(2015年修正))第二十四条、《中华人民共和国动物防疫法》第二十条",
        [("中华人民共和国畜牧法", 24, 0, None, None), ("中华人民共和国动物防疫法", 20, 0, None, None)],
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_citations(text, expected):
    found = [(c.law, c.article, c.article_suffix, c.paragraph, c.item) for c in parse_basis(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text, tag, note, quote_start",
    [
        (CASES[0][0], "法律", "2005年12月29日", "从事种畜禽生产经营"),
        (CASES[5][0], None, None, "用人单位不办理社会保险登记"),
        (CASES[12][0], "法律", "2000年7月8日", "农业、林业主管部门是种子行政执法机关"),
    ],
)
def test_tag_note_and_quote(text, tag, note, quote_start):
    first = parse_basis(text)[0]
    assert first.rank_tag == tag
    assert (first.version_note or "").startswith(note or "")
    assert (first.quote or "").startswith(quote_start)


def test_quote_keeps_following_paragraphs_and_stops_at_next_article():
    first, second = parse_basis(CASES[0][0])
    assert first.quote.endswith("应当取得种畜禽生产经营许可证。")
    assert second.quote.startswith("申请取得生产家畜卵子")


@pytest.mark.parametrize(
    "note, expected",
    [
        ("2005年12月29日通过，2015年4月24日修正，2022年10月30日修订", "2022-10-30"),
        ("1997年7月3日通过，2021年1月22日第二次修订，自2021年5月1日起施行", "2021-05-01"),
        ("2016年修订", "2016-12-31"),
        ("国务院令第493号", None),
        (None, None),
    ],
)
def test_note_date(note, expected):
    assert note_date(note) == expected


@pytest.mark.parametrize(
    "title, tag, note, expected",
    [
        ("关于印发浙江省食品生产企业随机抽查工作规程（试行）的通知", None, "浙食药监规〔2015〕25号", True),
        ("政府储备粮食质量安全管理办法", "规范性文件", "国粮发规〔2021〕30号", True),
        ("自然资源部关于推进矿产资源管理改革若干事项的意见（试行）", None, None, True),
        ("农产品成本调查管理办法", None, "发改价格规〔2017〕1454号", True),
        ("中华人民共和国行政许可法", "法律", "2003年8月27日通过", False),
        ("企业投资项目核准和备案管理办法", "规章", "2017年3月8日国家发展改革委令第2号公布", False),
        ("国务院关于取消和下放一批行政许可事项的决定", "规范性文件", "国发〔2014〕5号", False),
        ("国家工商行政管理总局关于对河南省工商行政管理局等18个被授权局外商投资企业核准登记权予以确认的通知", None, None, True),
        # a 1990s ministry rule promulgated by a numbered notice, tagged 规章 by the list: the rule, not the notice
        ("职业技能鉴定规定", "规章", "2019年10月18日，劳动部关于颁发《职业技能鉴定规定》的通知劳部发〔1993〕134号", False),
        ("未成年工特殊保护规定", "规章", "劳部发〔1994〕498号；1994年12月9日", False),
        # near misses: a 规〔…〕 number marks a 行政规范性文件 whatever the tag; a notice's title stays a notice
        ("农产品成本调查管理办法", "规章", "发改价格规〔2017〕1454号", True),
        ("关于加强职业技能鉴定工作的通知", "规章", "劳部发〔1993〕135号", True),
        ("职业技能鉴定规定", None, "劳部发〔1993〕134号", True),
    ],
)
def test_normative_documents(title, tag, note, expected):
    assert looks_normative(title, tag, note) is expected


def test_normative_document_is_a_citation_with_its_tag():
    (cite,) = parse_basis("【规范性文件】《政府储备粮食质量安全管理办法》（国粮发规〔2021〕30号）\n    第十七条：承担政府储备委托检验的各级粮食检验机构")
    assert cite.normative and cite.rank_tag == "规范性文件" and cite.article == 17


@pytest.mark.parametrize("text", ["依据有关法律法规", "无", "相关规定"])
def test_text_without_a_law_is_kept_unparsed(text):
    (cite,) = parse_basis(text)
    assert cite.law is None and cite.text == text


def test_empty_basis_has_no_citations():
    assert parse_basis("") == [] and parse_basis("  \n ") == []


def test_bare_title_without_brackets():
    (cite,) = parse_basis("中华人民共和国社会保险法第八十六条")
    assert (cite.law, cite.article) == ("中华人民共和国社会保险法", 86)


def test_traditional_and_fullwidth_input():
    (cite,) = parse_basis("《中華人民共和國食品安全法》第１２２條")
    assert (cite.law, cite.article) == ("中华人民共和国食品安全法", 122)
