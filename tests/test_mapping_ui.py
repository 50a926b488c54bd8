"""The mapping step's choices (ui/mapping.py), without a browser: keys that never collide, candidates
whose measure the file's ĐVT cannot take said and put last, the catalog in Vietnamese order."""

from __future__ import annotations

from indicators import catalog as cat
from loaders.catalog import load_catalog
from loaders.unknowns import decision_key
from ui import mapping
from vn.text import collation_key


def _entry(name: str, candidates=(), measure: str = "") -> dict:
    return {
        "kind": "indicator",
        "name": name,
        "key": decision_key("indicator", name),
        "cells": ["f.xlsx: S!B7"],
        "candidates": list(candidates),
        "measure": measure,
    }


def test_two_long_names_alike_get_different_keys():
    a = _entry("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân")
    b = _entry("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi")
    assert mapping._widget_key(a) != mapping._widget_key(b)
    assert mapping._widget_key(a) == mapping._widget_key(dict(a))  # stable over reruns


def test_a_candidate_of_another_measure_is_said_and_put_last(empty_store):
    indicators = cat.indicators(empty_store)
    names = dict(zip(indicators.code, indicators.name))
    measure_of = dict(zip(indicators.code, indicators.measure))
    measure_names = dict(zip(indicators.code, indicators.measure_name))
    fits = mapping._measure_fits(load_catalog(empty_store), "%", measure_of)
    entry = _entry("Tỷ lệ giải ngân vốn đầu tư công", [("von_dau_tu", ""), ("nuoc_sach", "")], "%")
    options, labels = mapping._options(entry, names, {}, measure_names, fits)
    assert options[1:3] == ["nuoc_sach", "von_dau_tu"]
    assert (
        labels["von_dau_tu"].endswith("— ĐVT khác “%” của tệp")
        and "(Tỷ đồng)" in labels["von_dau_tu"]
    )
    assert labels["nuoc_sach"].endswith("— gợi ý")
    rest = [o for o in options if o in names and o not in ("nuoc_sach", "von_dau_tu")]
    assert rest == sorted(rest, key=lambda c: collation_key(names[c]))
