"""Cross-article clustering: one real-world event reported by several articles.

Two events of different articles join a cluster when they have the same type (a study visit
and a visit count as one type: articles name the same trip either way) and place and their
date ranges overlap (partial dates stand for their whole month or year). Every event gets a
cluster; the cluster id derives from the smallest event id in it, so it is stable across runs.
"""
from __future__ import annotations

import calendar
import hashlib
from collections import defaultdict

from pipeline.extract.cues import family
from pipeline.tables.schema import MULTI_SEP


def date_bounds(start: str, end: str) -> tuple[str, str] | None:
    """ISO (possibly partial) start/end -> the widest full-date interval they denote."""
    if not start:
        return None
    end = end or start

    def lo(d: str) -> str:
        return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d[:10]

    def hi(d: str) -> str:
        if len(d) == 4:
            return d + "-12-31"
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
        return d[:10]

    return lo(start), hi(end)


def _find(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def cluster_events(events: list[dict]) -> tuple[list[dict], list[dict]]:
    """Set `event_cluster_id` on every event row; return (events, cluster rows)."""
    parent = {i: i for i in range(len(events))}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev["place_id"] and ev["date_start"]:
            groups[(family(ev["event_type"]), ev["place_id"])].append(i)
    for members in groups.values():
        spans = sorted((date_bounds(events[i]["date_start"], events[i]["date_end"]), i) for i in members)
        for (a, i), (b, j) in ((x, y) for n, x in enumerate(spans) for y in spans[n + 1:]):
            if events[i]["article_id"] != events[j]["article_id"] and a[0] <= b[1] and b[0] <= a[1]:
                parent[_find(parent, j)] = _find(parent, i)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        clusters[_find(parent, i)].append(i)
    cluster_rows = []
    for members in clusters.values():
        ids = sorted(events[i]["event_id"] for i in members)
        cid = "C" + hashlib.sha1(ids[0].encode()).hexdigest()[:10]
        for i in members:
            events[i]["event_cluster_id"] = cid
        first = events[min(members, key=lambda i: events[i]["event_id"])]
        starts = [events[i]["date_start"] for i in members if events[i]["date_start"]]
        ends = [events[i]["date_end"] or events[i]["date_start"] for i in members if events[i]["date_start"]]
        article_ids = sorted({events[i]["article_id"] for i in members})
        cluster_rows.append({
            "event_cluster_id": cid, "event_type": first["event_type"],
            "date_start": min(starts) if starts else "", "date_end": max(ends) if ends else "",
            "place_id": first["place_id"], "place_name": first["place_name"],
            "n_articles": len(article_ids), "article_ids": MULTI_SEP.join(article_ids),
        })
    cluster_rows.sort(key=lambda r: r["event_cluster_id"])
    return events, cluster_rows
