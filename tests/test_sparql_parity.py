"""Parity: the SPARQL orphan and overlap queries find what the native ones find, on the demo and on Karamay."""

from __future__ import annotations

import pytest

from kg.embedded import EmbeddedStore
from kg.rdf import export_rdf_text, import_rdf
from queries.sparql import load_graph, sparql_orphans, sparql_overlaps

orphan = pytest.importorskip("queries.orphan")
overlap = pytest.importorskip("queries.overlap")


def native_item_overlaps(store):
    found = []
    divisions = overlap.LawDivisions(store)  # as find_overlaps does
    for gov in store.governments():
        found.extend(overlap.overlaps_of_items(list(store.item_bases(government=gov["id"])), [], divisions))
    return sorted((f.government, f.category, f.provision, tuple(sorted(f.item_ids))) for f in found)


def assert_parity(store):
    graph = load_graph(store)
    native_orphans = sorted(f.item_id for f in orphan.find_orphans(store))
    assert [o.item_id for o in sparql_orphans(graph)] == native_orphans
    assert sorted((o.government, o.category, o.provision, o.item_ids) for o in sparql_overlaps(graph)) == \
        native_item_overlaps(store)
    return native_orphans


def test_parity_on_the_demo(tmp_path):
    demo = pytest.importorskip("plkg.demo", reason="the demo data has not landed")
    build_demo = getattr(demo, "build_demo_store", None)
    if build_demo is None:
        pytest.skip("plkg.demo has no build_demo_store(path) yet")
    store, _laws, _powers = build_demo(tmp_path / "demo.kg")
    orphans = assert_parity(store)
    assert orphans, "the demo is made so that orphans appear"
    # and the same after a round trip through Turtle
    path = tmp_path / "demo.ttl"
    path.write_text(export_rdf_text(store), encoding="utf-8")
    fresh = EmbeddedStore(tmp_path / "fresh.kg")
    import_rdf(fresh, path)
    assert fresh.stats() == store.stats()
    assert [f.to_json() for f in orphan.find_orphans(fresh)] == [f.to_json() for f in orphan.find_orphans(store)]
    assert [f.to_json() for f in overlap.find_overlaps(fresh)] == [f.to_json() for f in overlap.find_overlaps(store)]


@pytest.mark.slow
@pytest.mark.corpus
def test_parity_on_the_karamay_lists_with_the_laws_they_cite(karamay_store):
    store = karamay_store
    assert store.count("PowerItem") > 1000
    orphans = assert_parity(store)
    assert orphans
