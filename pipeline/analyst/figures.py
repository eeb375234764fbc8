"""The figures the notebook and the report share: timeline, map, agreements network.

Each function draws on a matplotlib `Axes` it is given (the notebook passes pyplot's, the report
a bare `Figure`'s, so no GUI backend is needed) and returns how many items it drew. Nothing is
fetched from the network: the map's country outlines are the bundled
`pipeline/data/region_outlines.geojson` (see scripts/build_region_map.py).
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pipeline.tables.duckdb_db import span_text, split_multi

OUTLINES = Path(__file__).resolve().parents[1] / "data" / "region_outlines.geojson"
FOCUS = {"PL", "BY", "UA", "MD", "GE", "RU", "LT"}  # countries of the projects, drawn darker
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]


@lru_cache(maxsize=1)
def outlines() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def event_spans(events: pd.DataFrame) -> pd.DataFrame:
    """Events with a known date as (first day, last day, partial) rows; a partial date spans its month or year.

    Takes events.csv rows or event_facts rows (whose ISO text is in `date_start_raw`)."""
    from pipeline.extract.clusters import date_bounds  # (pipeline.extract loads spaCy: only when drawing)
    suffix = "_raw" if "date_start_raw" in events.columns else ""
    rows = []
    for ev in events.to_dict(orient="records"):
        start, end = _text(ev[f"date_start{suffix}"]), _text(ev[f"date_end{suffix}"])
        bounds = date_bounds(start, end)
        if not bounds:
            continue
        try:
            lo, hi = date.fromisoformat(bounds[0]), date.fromisoformat(bounds[1])
        except ValueError:
            continue
        rows.append({"event_id": ev["event_id"], "event_type": _text(ev["event_type"]), "first": lo,
                     "last": max(lo, hi), "partial": len(start) < 10, "place_name": _text(ev["place_name"]),
                     "country_code": _text(ev["country_code"])})
    return pd.DataFrame(rows, columns=["event_id", "event_type", "first", "last", "partial", "place_name", "country_code"])


def draw_timeline(ax, events: pd.DataFrame) -> int:
    """Events on a time axis, one row per event type, coloured by country; partial dates as hollow spans."""
    spans = event_spans(events).sort_values(["first", "event_id"])
    types = sorted(spans["event_type"].dropna().unique())
    countries = sorted(c for c in spans["country_code"].unique())
    colour = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(countries)}
    for i, sp in enumerate(spans.itertuples(index=False)):
        y = types.index(sp.event_type)
        c = colour.get(sp.country_code, "#555555")
        last = sp.last + timedelta(days=1)
        ax.plot([sp.first, last], [y, y], color=c, linewidth=6 if not sp.partial else 2,
                alpha=0.8, solid_capstyle="butt")
        ax.plot([sp.first], [y], marker="o", color=c, markerfacecolor="white" if sp.partial else c, markersize=6)
        if sp.place_name:
            ax.annotate(sp.place_name, (sp.first, y), xytext=(3, 6 + 7 * (i % 3)), textcoords="offset points", fontsize=7)
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.7, max(len(types), 1) - 0.3)
    for c in countries:
        ax.plot([], [], color=colour[c], linewidth=6, label=c or "unknown")
    if countries:
        ax.legend(title="country", fontsize=7, title_fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False)
    n_undated = len(events) - len(spans)
    ax.set_title(f"Events over time ({len(spans)} dated" + (f", {n_undated} without date" if n_undated else "") + ")",
                 fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    if ax.figure is not None:
        ax.figure.autofmt_xdate()
    return len(spans)


def draw_outlines(ax, geo: dict | None = None) -> None:
    geo = geo or outlines()
    for feat in geo["features"]:
        focus = feat["properties"].get("iso_a2") in FOCUS
        for poly in feat["geometry"]["coordinates"]:
            for ring in poly:
                xs, ys = zip(*ring)
                ax.fill(xs, ys, facecolor="#f1efe6" if focus else "#fafafa",
                        edgecolor="#8a8a8a" if focus else "#c8c8c8", linewidth=0.6, zorder=1)
    x0, y0, x1, y1 = geo["bbox"]
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def place_activity(places: pd.DataFrame, events: pd.DataFrame, agreements: pd.DataFrame) -> pd.DataFrame:
    """Places with coordinates and how many events and agreements took place there."""
    n_ev = events["place_id"].dropna().value_counts()
    n_ag = agreements["place_id"].dropna().value_counts()
    df = places.dropna(subset=["lat", "lon"]).copy()
    df["n_events"] = df["place_id"].map(n_ev).fillna(0).astype(int)
    df["n_agreements"] = df["place_id"].map(n_ag).fillna(0).astype(int)
    return df


def draw_map(ax, places: pd.DataFrame, events: pd.DataFrame, agreements: pd.DataFrame,
             only_active: bool = False) -> int:
    """Places on the region's outlines: size by events + agreements there; labelled where active."""
    import math
    draw_outlines(ax)
    df = place_activity(places, events, agreements)
    if only_active:
        df = df[(df.n_events + df.n_agreements) > 0]
    geo_bbox = outlines()["bbox"]
    inside = df[(df.lon.between(geo_bbox[0], geo_bbox[2])) & (df.lat.between(geo_bbox[1], geo_bbox[3]))]
    active = inside[(inside.n_events + inside.n_agreements) > 0]
    quiet = inside[(inside.n_events + inside.n_agreements) == 0]
    ax.scatter(quiet.lon.astype(float), quiet.lat.astype(float), s=12, color="#7f7f7f", alpha=0.6,
               zorder=2, label="mentioned")
    sizes = [30 + 40 * math.sqrt(n) for n in (active.n_events + active.n_agreements)]
    ax.scatter(active.lon.astype(float), active.lat.astype(float), s=sizes, color="#d62728", alpha=0.75,
               edgecolor="white", zorder=3, label="events / agreements")
    for p in active.itertuples(index=False):
        ax.annotate(f"{p.name} ({p.n_events}/{p.n_agreements})", (float(p.lon), float(p.lat)),
                    xytext=(4, 4), textcoords="offset points", fontsize=7, zorder=4)
    _zoom(ax, inside if len(inside) else df, geo_bbox)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.legend(fontsize=7, loc="lower left")
    ax.set_title(f"Places ({len(inside)} with coordinates; red: events/agreements held there)", fontsize=10)
    return len(inside)


def _zoom(ax, points: pd.DataFrame, bbox: list[float], pad: float = 3.0, min_span: float = 12.0) -> None:
    """Frame the points (padded, at least `min_span` degrees wide), inside the outlines' box."""
    import math
    if len(points):
        lon, lat = points.lon.astype(float), points.lat.astype(float)
        cx, cy = (lon.min() + lon.max()) / 2, (lat.min() + lat.max()) / 2
        half_x = max(min_span, lon.max() - lon.min() + 2 * pad) / 2
        half_y = max(min_span * 0.6, lat.max() - lat.min() + 2 * pad) / 2
        x0, x1 = max(bbox[0], cx - half_x), min(bbox[2], cx + half_x)
        y0, y1 = max(bbox[1], cy - half_y), min(bbox[3], cy + half_y)
    else:
        x0, y0, x1, y1 = bbox
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))


def agreement_graph(agreements: pd.DataFrame):
    """networkx graph: parties as nodes, an edge per pair that signed together (weight = agreements)."""
    import itertools

    import networkx as nx
    g = nx.Graph()
    for ag in agreements.itertuples(index=False):
        parties = sorted(set(split_multi(ag.parties)))
        g.add_nodes_from(parties)
        for a, b in itertools.combinations(parties, 2):
            w = g.get_edge_data(a, b, {"weight": 0})["weight"]
            g.add_edge(a, b, weight=w + 1)
    return g


def draw_network(ax, agreements: pd.DataFrame) -> int:
    """Who signs with whom; returns the number of parties drawn."""
    import networkx as nx
    g = agreement_graph(agreements)
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no agreements with parties", ha="center", va="center", transform=ax.transAxes)
        return 0
    pos = nx.spring_layout(g, seed=7, k=1.2 / max(1, g.number_of_nodes()) ** 0.5)
    widths = [1 + 1.5 * d["weight"] for _, _, d in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#999999")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[120 + 60 * g.degree(n) for n in g.nodes], node_color="#1f77b4",
                           alpha=0.85)
    labels = {n: n if len(n) <= 40 else n[:38] + "…" for n in g.nodes}
    nx.draw_networkx_labels(g, pos, labels=labels, ax=ax, font_size=7)
    ax.set_title(f"Agreements network ({g.number_of_nodes()} parties, {g.number_of_edges()} pairs)", fontsize=10)
    ax.margins(0.25)
    return g.number_of_nodes()


def top_organisations(events: pd.DataFrame, agreements: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Organisations by how many events they organised / took part in and agreements they signed."""
    counts: dict[str, dict[str, int]] = {}
    for column, key, frame in (("organisers", "organised", events), ("participants", "participated", events),
                               ("parties", "agreements", agreements)):
        for cell in frame[column]:
            for name in set(split_multi(cell)):
                counts.setdefault(name, {"organised": 0, "participated": 0, "agreements": 0})[key] += 1
    df = pd.DataFrame([{"name": k, **v} for k, v in counts.items()],
                      columns=["name", "organised", "participated", "agreements"])
    df["total"] = df[["organised", "participated", "agreements"]].sum(axis=1)
    return df.sort_values(["total", "name"], ascending=[False, True]).head(n).reset_index(drop=True)


def evidence_sentence(texts: dict[str, str], article_id: str, start, end) -> str:
    """`text[start:end]` of the article, whitespace collapsed; "" where the text is not at hand."""
    text = texts.get(str(article_id))
    return "" if text is None else span_text(text, start, end)
