"""The bundled region outlines (scripts/build_region_map.py) and the map drawn from them."""
from __future__ import annotations

import importlib.util

from matplotlib.figure import Figure

import analyst_tables as at
from conftest import REPO
from pipeline.analyst import figures


def _script():
    spec = importlib.util.spec_from_file_location("build_region_map", REPO / "scripts" / "build_region_map.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_outlines_cover_the_project_countries_inside_their_box():
    geo = figures.outlines()
    codes = {f["properties"]["iso_a2"] for f in geo["features"]}
    assert {"PL", "BY", "UA", "MD", "GE", "RU", "LT"} <= codes
    x0, y0, x1, y1 = geo["bbox"]
    for feat in geo["features"]:
        for poly in feat["geometry"]["coordinates"]:
            for ring in poly:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in ring), feat["properties"]["name"]


def test_clip_ring_to_box():
    clip = _script().clip_ring
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    clipped = clip(square, (5.0, -1.0, 20.0, 5.0))
    assert sorted(set(clipped)) == [(5.0, 0.0), (5.0, 5.0), (10.0, 0.0), (10.0, 5.0)]
    assert clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_map_marks_places_with_events():
    t = at.tables()
    ax = Figure().subplots()
    assert figures.draw_map(ax, t["places"], t["events"], t["agreements"]) == 2
    labels = {a.get_text() for a in ax.texts}
    assert labels == {"Grodno (1/1)", "Brześć (1/0)"}
