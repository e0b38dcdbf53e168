"""Powers without responsibility on hand-made graphs."""

from __future__ import annotations

from queries.unaccountable import find_unaccountable

from .test_queries_builder import GraphBuilder


def test_unaccountable_exact(store):
    g = GraphBuilder()
    gov = g.government("甲市")
    d = g.department(gov, "甲市商务局", "商务")
    g.item(d, "a-none", "甲", "行政检查", basis_text="x", responsibility=False)
    g.item(d, "b-no-accountability", "乙", "行政检查", basis_text="x", accountability=" ")
    g.item(d, "c-no-duties", "丙", "行政检查", basis_text="x", duties="")
    g.item(d, "d-ok", "丁", "行政检查", basis_text="x")
    g.save(store)
    found = {f.item_id: f.reason for f in find_unaccountable(store)}
    assert found == {
        "a-none": "该事项未列明责任事项和追责情形，有权无责。",
        "b-no-accountability": "该事项未列明追责情形，有权无责。",
        "c-no-duties": "该事项未列明责任事项，有权无责。",
    }
