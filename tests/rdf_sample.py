"""A small hand-made graph with every label, edge type and kind of property value (RDF and SPARQL tests)."""

from __future__ import annotations

from kg.model import (
    AuthorisingClause, Category, Citation, CitationStatus, Department, Edge, EdgeType, GovLevel, Government, Law,
    LawVersion, PowerItem, Provision, ProvisionKind, Rank, Responsibility, Role, VersionStatus, article_id,
    container_id, paragraph_id, item_id,
)

FOOD = "中华人民共和国食品安全法"
OLD = LawVersion(FOOD, "2018-12-29", FOOD, rank=Rank.LAW, status=VersionStatus.SUPERSEDED, effective="2018-12-29",
                 amended=("2015-04-24", "2018-12-29"))
NEW = LawVersion(FOOD, "2021-04-29", FOOD, subtitle="（2021年修正）", rank=Rank.LAW, issuer="全国人民代表大会常务委员会",
                 promulgated="2009-02-28", amended=("2015-04-24", "2018-12-29", "2021-04-29"), effective="2021-04-29",
                 source="laws/食品安全法.md", events=("2009年2月28日通过", "2021年4月29日修正"))
CHAPTER = Provision(container_id(NEW.id, ProvisionKind.CHAPTER, 9), NEW.id, ProvisionKind.CHAPTER, 9, label="第九章",
                    heading="法律责任", order=1)
ART35 = Provision(article_id(NEW.id, 35), NEW.id, ProvisionKind.ARTICLE, 35, label="第三十五条", text="国家对食品生产经营实行许可制度。",
                  article=35, order=2)
ART122 = Provision(article_id(NEW.id, 122), NEW.id, ProvisionKind.ARTICLE, 122, label="第一百二十二条",
                   text="违反本法规定，未取得食品生产经营许可从事食品生产经营活动……\n由县级以上人民政府食品安全监督管理部门没收违法所得",
                   article=122, order=3)
PARA = Provision(paragraph_id(ART122.id, 1), NEW.id, ProvisionKind.PARAGRAPH, 1, text="违反本法规定……", article=122,
                 paragraph=1, order=4)
ITEM = Provision(item_id(PARA.id, 3), NEW.id, ProvisionKind.ITEM, 3, label="（三）", text="\"引号\" \\ 反斜杠\t制表",
                 article=122, paragraph=1, item=3, order=5)
OLD_ART = Provision(article_id(OLD.id, 10, 1), OLD.id, ProvisionKind.ARTICLE, 10, suffix=1, label="第十条之一",
                    article=10, article_suffix=1)
INNER_CITE = Citation(f"{ART122.id}#c1", ART122.id, "本法第三十五条", law=FOOD, version=NEW.id, article=35,
                      target=ART35.id, status=CitationStatus.RESOLVED)
INNER_CITE2 = Citation(f"{ART122.id}#c2", ART122.id, "第三十五条", law=FOOD, version=NEW.id, article=35,
                       target=ART35.id, status=CitationStatus.RESOLVED)  # a second citation of the same article
ROLE = Role("县级以上", "市场监督管理")
CLAUSE = AuthorisingClause(PARA.id, FOOD, NEW.date, 122, 1, None, Category.PENALTY, "县级以上人民政府食品安全监督管理部门",
                           level="县级以上", sector="市场监督管理", modality="可以", actions=("没收违法所得", "罚款", "吊销许可证"),
                           triggers=((FOOD, 35),), amounts=("五万元以上十万元以下",), text="由县级以上人民政府……")
DUTY = AuthorisingClause(ART35.id, FOOD, NEW.date, 35, None, None, Category.LICENSING, "县级以上人民政府食品安全监督管理部门",
                         modality="应当")
PROVINCE = Government("新疆维吾尔自治区", GovLevel.PROVINCE)
CITY = Government("克拉玛依市", GovLevel.CITY, parent=PROVINCE.name, province=PROVINCE.name)
SAMR = Department("克拉玛依市市场监督管理局", CITY.name, sectors=("市场监督管理", "食品安全"))
HEALTH = Department("克拉玛依市卫生健康委员会", CITY.name)
ITEM1 = PowerItem("克拉玛依市/清单.xlsx/处罚/8", "对未取得许可从事食品生产经营的处罚", Category.PENALTY, SAMR.id, CITY.name,
                  code="330217001000", sub="", category_raw="行政处罚", basis_text="《中华人民共和国食品安全法》第一百二十二条第一款",
                  list_date="2022-01-01", source_file="清单.xlsx", sheet="处罚", row=8, extra={"备注": "无", "序号": "1"})
ITEM2 = PowerItem("克拉玛依市/清单.xlsx/处罚/9", "同一事项（卫健）", Category.PENALTY, HEALTH.id, CITY.name, row=9,
                  basis_text="《中华人民共和国食品安全法》第一百二十二条")
ITEM3 = PowerItem("克拉玛依市/清单.xlsx/其他/10", "没有依据的事项", Category.OTHER, HEALTH.id, CITY.name, row=10)
CITE1 = Citation(f"{ITEM1.id}#1", ITEM1.id, "《中华人民共和国食品安全法》第一百二十二条第一款", law=FOOD, version=NEW.id, article=122,
                 paragraph=1, target=PARA.id, status=CitationStatus.RESOLVED, rank_tag="【法律】", quote="违反本法规定",
                 quote_similarity=0.97, quote_best_match=PARA.id, quote_best_similarity=1.0)
CITE2 = Citation(f"{ITEM2.id}#1", ITEM2.id, "《中华人民共和国食品安全法》第一百二十二条", law=FOOD, version=NEW.id, article=122,
                 target=ART122.id, status=CitationStatus.RESOLVED, version_note="(2021年4月修正)")
CITE3 = Citation(f"{ITEM2.id}#2", ITEM2.id, "《某某条例》第五条", law="某某条例", article=5, status=CitationStatus.LAW_NOT_LOADED)
RESP = Responsibility(f"{ITEM1.id}#r", ITEM1.id, duties="受理、审查、决定", accountability="未依法履行职责的", scope="执法人员")

OBJECTS = [Law(FOOD, "食品安全法", Rank.LAW), OLD, NEW, CHAPTER, ART35, ART122, PARA, ITEM, OLD_ART, INNER_CITE, INNER_CITE2, ROLE,
           CLAUSE, DUTY, PROVINCE, CITY, SAMR, HEALTH, ITEM1, ITEM2, ITEM3, CITE1, CITE2, CITE3, RESP]

EDGES = [
    Edge(FOOD, OLD.id, EdgeType.HAS_VERSION, {"order": 1}),
    Edge(FOOD, NEW.id, EdgeType.HAS_VERSION, {"order": 2}),
    Edge(NEW.id, OLD.id, EdgeType.SUPERSEDES),
    Edge(NEW.id, CHAPTER.id, EdgeType.CONTAINS),
    Edge(NEW.id, ART35.id, EdgeType.CONTAINS),
    Edge(CHAPTER.id, ART122.id, EdgeType.CONTAINS),
    Edge(ART122.id, PARA.id, EdgeType.CONTAINS),
    Edge(PARA.id, ITEM.id, EdgeType.CONTAINS),
    Edge(OLD.id, OLD_ART.id, EdgeType.CONTAINS),
    Edge(ART122.id, INNER_CITE.id, EdgeType.CITES),
    Edge(INNER_CITE.id, ART35.id, EdgeType.RESOLVES_TO),
    Edge(ART122.id, INNER_CITE2.id, EdgeType.CITES),
    Edge(INNER_CITE2.id, ART35.id, EdgeType.RESOLVES_TO),
    Edge(PARA.id, CLAUSE.id, EdgeType.HAS_CLAUSE),
    Edge(ART35.id, DUTY.id, EdgeType.HAS_CLAUSE),
    Edge(CLAUSE.id, ROLE.id, EdgeType.AUTHORISES),
    Edge(DUTY.id, ROLE.id, EdgeType.AUTHORISES),
    Edge(CLAUSE.id, ART35.id, EdgeType.TRIGGERED_BY),
    Edge(CITY.name, PROVINCE.name, EdgeType.SUBORDINATE_TO),
    Edge(SAMR.id, CITY.name, EdgeType.PART_OF),
    Edge(HEALTH.id, CITY.name, EdgeType.PART_OF),
    Edge(ITEM1.id, SAMR.id, EdgeType.EXERCISED_BY),
    Edge(ITEM2.id, HEALTH.id, EdgeType.EXERCISED_BY),
    Edge(ITEM3.id, HEALTH.id, EdgeType.EXERCISED_BY),
    Edge(ITEM1.id, CITE1.id, EdgeType.BASED_ON),
    Edge(ITEM2.id, CITE2.id, EdgeType.BASED_ON),
    Edge(ITEM2.id, CITE3.id, EdgeType.BASED_ON),
    Edge(CITE1.id, PARA.id, EdgeType.RESOLVES_TO),
    Edge(CITE2.id, ART122.id, EdgeType.RESOLVES_TO),
    Edge(ITEM1.id, RESP.id, EdgeType.HAS_RESPONSIBILITY),
]


def build(store, objects=OBJECTS, edges=EDGES):
    """Write the sample graph into ``store`` and return it."""
    with store.transaction() as tx:
        tx.add_nodes([obj.to_node() for obj in objects])
        tx.add_edges([Edge(e.src, e.dst, getattr(e.type, "value", e.type), e.props) for e in edges])
    return store
