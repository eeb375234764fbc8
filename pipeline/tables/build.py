"""Build the run's tables from the enriched articles, streamed: memory bounded by the number of
entities and the size of the finished tables, not by the articles' full records.

Entities are linked across articles here: places by their gazetteer key, organisations by the
run-level merge of normalise, so that one organisation or place is one row whatever the
number of articles (or workers) that mention it. IDs derive from keys and article ids only,
never from the order of processing.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from pipeline.normalise.organisations import merge_organisations
from pipeline.record import Article, Organisation, Place, Problem
from pipeline.tables.schema import FLOAT, INTEGER, MULTI_SEP, TABLES

if TYPE_CHECKING:  # pandas is imported when the tables are built, not on the way to the first article
    import pandas as pd

# words derived from place names (adjectives, inhabitants) are not place mentions: MISC in mentions.csv
LABEL_OUT = {"LOC_ADJ": "MISC", "LOC_DEM": "MISC", "ORG_ADJ": "MISC"}


def short_hash(value: str, n: int = 12) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:n]


def place_id(place: Place) -> str:
    return f"P{place.geonames_id}" if place.geonames_id else f"P{short_hash(place.key, 10)}"


def org_id(key: str) -> str:
    return f"O{short_hash(key, 10)}"


def _join(values: Iterable[str]) -> str:
    return MULTI_SEP.join(v for v in values if v)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = " ".join(str(v).split())
        if v and v not in seen:
            seen[v] = None
    return list(seen)


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    import pandas as pd

    columns = list(TABLES[name])
    for row in rows:  # extra columns a stage added stay, after the contract's
        columns.extend(k for k in row if k not in columns)
    df = pd.DataFrame(rows, columns=columns)
    for col in df.columns:
        if col in INTEGER:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
        elif col in FLOAT:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Float64")
        else:
            df[col] = df[col].astype("string")
    return df


class _Entities:
    """Run-wide registry of places and organisations, keyed by normalise's keys."""

    def __init__(self, places: dict[str, Place], org_by_key: dict[str, Organisation]):
        self.places = places
        self.org_key = merge_organisations(list(org_by_key.values()))  # any key -> canonical key
        self.orgs: dict[str, Organisation] = {}
        for key in sorted(org_by_key):
            canon = self.org_key.get(key, key)
            org = org_by_key[key]
            if canon not in self.orgs:
                base = org_by_key.get(canon, org)
                self.orgs[canon] = Organisation(canon, base.name, base.acronym, [], base.country_code)
            merged = self.orgs[canon]
            merged.aliases.extend([org.name, org.acronym, *org.aliases])
            merged.acronym = merged.acronym or org.acronym
            merged.country_code = merged.country_code or org.country_code
        # ordered sets: a name repeated in every article is kept once, in first-seen order
        self.place_aliases: dict[str, dict[str, None]] = defaultdict(dict)
        self.org_aliases: dict[str, dict[str, None]] = defaultdict(dict)
        self.counts: dict[str, int] = defaultdict(int)

    def canonical(self, key: str) -> str:
        return self.org_key.get(key, key)

    def entity_id(self, key: str) -> str:
        if not key:
            return ""
        if key in self.places:
            return place_id(self.places[key])
        canon = self.canonical(key)
        return org_id(canon) if canon in self.orgs else ""

    def name(self, key: str) -> str:
        if key in self.places:
            return self.places[key].name
        org = self.orgs.get(self.canonical(key))
        return org.name if org else ""


SortKey = tuple[str, str, int]  # (source, article_id, arrival): the tables' article order


class _Registry:
    """Places and organisations of the articles seen so far. Added in any arrival order, it holds
    what reading the articles in table order gives (per key the first article's record, aliases
    in first-seen order), in memory bounded by the number of entities, not of articles."""

    def __init__(self) -> None:
        self.places: dict[str, tuple[SortKey, Place]] = {}
        self.orgs: dict[str, tuple[SortKey, Organisation]] = {}
        self.aliases: dict[str, dict[str, tuple[SortKey, int]]] = defaultdict(dict)

    def add(self, order: SortKey, art: Article) -> None:
        for key, place in art.places.items():
            if key not in self.places or order < self.places[key][0]:
                self.places[key] = (order, place)
        for key, org in art.organisations.items():
            if key not in self.orgs or order < self.orgs[key][0]:
                self.orgs[key] = (order, org)
            seen = self.aliases[key]
            for pos, alias in enumerate(org.aliases):
                if alias not in seen or (order, pos) < seen[alias]:
                    seen[alias] = (order, pos)

    def entities(self) -> _Entities:
        org_by_key = {}
        for key, (_, org) in self.orgs.items():
            aliases = sorted(self.aliases[key], key=self.aliases[key].__getitem__)
            org_by_key[key] = Organisation(org.key, org.name, org.acronym, aliases, org.country_code)
        return _Entities({k: p for k, (_, p) in self.places.items()}, org_by_key)


# The per-article tables become DataFrames this many articles at a time: as dicts, rows take
# ~10x the memory of the finished frame.
CHUNK = 500
_CHUNKED = ("articles", "segments", "mentions")


class TableBuilder:
    """The run's tables from its articles, added one at a time in any order.

    Each article is spooled to an anonymous temporary file (pickle: written and read by this
    process only; the file vanishes with the process) without its sentences, which no table
    reads; what stays in memory is the entity registry and an index. `build` reads the
    spool back in table order (source, article_id), so the tables do not depend on the order in
    which articles arrive (workers, cache hits, Dask partitions).
    """

    def __init__(self, folder: str | None = None):
        self._spool = tempfile.TemporaryFile(dir=folder)
        self._index: list[tuple[SortKey, int, int]] = []  # (order, offset, length)
        self._by_id: dict[str, tuple[int, int]] = {}
        self._registry = _Registry()

    def __len__(self) -> int:
        return len(self._index)

    def add(self, art: Article) -> None:
        order = (art.source, art.article_id, len(self._index))
        if art.status == "ok":
            self._registry.add(order, art)
        meta = {"failed_stage": art.meta["failed_stage"]} if "failed_stage" in art.meta else {}
        blob = pickle.dumps(dataclasses.replace(art, sentences=[], places={}, organisations={}, meta=meta),
                            protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._spool.seek(0, os.SEEK_END)
        self._spool.write(blob)
        self._index.append((order, offset, len(blob)))
        if art.text:
            self._by_id[art.article_id] = (offset, len(blob))

    def _read(self, offset: int, length: int) -> Article:
        self._spool.seek(offset)
        return pickle.loads(self._spool.read(length))

    def articles(self) -> Iterator[Article]:
        """The spooled articles (no sentences, places or organisations), in table order."""
        self._spool.flush()
        for _, offset, length in sorted(self._index):
            yield self._read(offset, length)

    def texts(self) -> Mapping[str, str]:
        """article_id -> text, read from the spool on demand."""
        return _SpooledTexts(self)

    def build(self, problems: list[Problem]) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
        """(the tables, the texts of the articles whose text was extracted: texts.parquet)."""
        import pandas as pd

        ents = self._registry.entities()
        rows: dict[str, list[dict]] = {name: [] for name in TABLES}
        chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in _CHUNKED}
        errors = [{"source": p.source, "stage": p.stage, "error": p.error} for p in problems]
        texts = []
        for n, art in enumerate(self.articles(), 1):
            _article_rows(art, ents, rows, errors)
            if not art.text_is_file:
                texts.append({"article_id": art.article_id, "text": art.text})
            if n % CHUNK == 0:
                for name in _CHUNKED:
                    chunks[name].append(_frame(name, rows[name]))
                    rows[name] = []
        tables = _finish(ents, rows, errors)
        for name in _CHUNKED:
            if chunks[name]:
                tables[name] = pd.concat([*chunks[name], tables[name]], ignore_index=True)
        return tables, pd.DataFrame(texts, columns=["article_id", "text"]).astype("string")

    def close(self) -> None:
        self._spool.close()

    def __enter__(self) -> TableBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _SpooledTexts(Mapping[str, str]):
    def __init__(self, builder: TableBuilder):
        self._builder = builder

    def __getitem__(self, article_id: str) -> str:
        return self._builder._read(*self._builder._by_id[article_id]).text

    def __iter__(self) -> Iterator[str]:
        return iter(self._builder._by_id)

    def __len__(self) -> int:
        return len(self._builder._by_id)


def build_tables(articles: Iterable[Article], problems: list[Problem]) -> dict[str, pd.DataFrame]:
    """The tables of a collection of articles (the run streams them through a `TableBuilder`)."""
    with TableBuilder() as builder:
        for art in articles:
            builder.add(art)
        return builder.build(problems)[0]


def _article_rows(art: Article, ents: _Entities, rows: dict[str, list[dict]], errors: list[dict]) -> None:
    """One article's rows of articles, segments, mentions, events and agreements."""
    rows["articles"].append({
        "article_id": art.article_id, "source": art.source, "url": art.url, "title": art.title,
        "published": art.published, "language": art.language, "languages": _join(art.languages),
        "n_chars": len(art.text), "status": art.status, "error": art.error,
    })
    if art.status != "ok":
        errors.append({"source": art.source, "stage": art.meta.get("failed_stage", "ingest"),
                       "error": art.error or art.status})
    for i, seg in enumerate(art.segments, 1):
        rows["segments"].append({
            "article_id": art.article_id, "segment_id": f"{art.article_id}-s{i:04d}",
            "start": seg.start, "end": seg.end, "language": seg.language,
            "confidence": round(seg.confidence, 4),
        })
    for i, m in enumerate(art.mentions, 1):
        eid = ents.entity_id(m.entity_key)
        rows["mentions"].append({
            "mention_id": f"{art.article_id}-m{i:04d}", "article_id": art.article_id,
            "start": m.start, "end": m.end, "text": m.text, "label": LABEL_OUT.get(m.label, m.label),
            "language": m.language, "lemma": m.lemma, "entity_id": eid,
        })
        if eid:
            target = ents.place_aliases if m.entity_key in ents.places else ents.org_aliases
            target[eid].update({m.text: None, m.lemma: None})
            ents.counts[eid] += 1
    event_ids = [f"{art.article_id}-e{i:03d}" for i in range(1, len(art.events) + 1)]
    for eid, ev in zip(event_ids, art.events):
        place = ents.places.get(ev.place_key)
        rows["events"].append({
            "event_id": eid, "article_id": art.article_id, "event_type": ev.event_type,
            "title": ev.title, "date_start": ev.date_start, "date_end": ev.date_end,
            "date_inferred": _bool(ev.date_inferred),
            "place_id": place_id(place) if place else "", "place_name": place.name if place else "",
            "geonames_id": place.geonames_id if place else None,
            "country_code": place.country_code if place else "",
            "organisers": _join(_unique(ents.name(k) for k in ev.organisers)),
            "participants": _join(_unique(ents.name(k) for k in ev.participants)),
            "status": ev.status, "start": ev.start, "end": ev.end,
            "confidence": round(ev.confidence, 3), "event_cluster_id": "",
        })
    for i, ag in enumerate(art.agreements, 1):
        place = ents.places.get(ag.place_key)
        parties = [(ents.name(k), ents.entity_id(k)) for k in ag.parties]
        parties = [p for p in parties if p[0]]
        rows["agreements"].append({
            "agreement_id": f"{art.article_id}-a{i:03d}", "article_id": art.article_id,
            "agreement_type": ag.agreement_type, "title": ag.title, "date": ag.date,
            "place_id": place_id(place) if place else "", "place_name": place.name if place else "",
            "geonames_id": place.geonames_id if place else None,
            "country_code": place.country_code if place else "",
            "parties": _join(n for n, _ in parties), "party_ids": _join(i for _, i in parties),
            "status": ag.status,
            "event_id": event_ids[ag.event_index] if ag.event_index is not None and ag.event_index < len(event_ids) else "",
            "start": ag.start, "end": ag.end, "confidence": round(ag.confidence, 3),
            "date_inferred": _bool(ag.date_inferred),
        })


def _finish(ents: _Entities, rows: dict[str, list[dict]], errors: list[dict]) -> dict[str, pd.DataFrame]:
    """The cross-article tables (places, organisations, event clusters) and every table as a frame."""
    seen_places: set[str] = set()
    for key, place in sorted(ents.places.items(), key=lambda kv: (place_id(kv[1]), kv[0])):
        pid = place_id(place)
        if pid in seen_places:
            continue
        seen_places.add(pid)
        rows["places"].append({
            "place_id": pid, "name": place.name, "name_en": place.name_en,
            "geonames_id": place.geonames_id, "country_code": place.country_code,
            "lat": place.lat, "lon": place.lon, "feature": place.feature,
            "aliases": _join(_unique([place.name, place.name_en, *ents.place_aliases.get(pid, [])])),
            "n_mentions": ents.counts.get(pid, 0),
        })
    for key, org in sorted(ents.orgs.items(), key=lambda kv: org_id(kv[0])):
        oid = org_id(key)
        rows["organisations"].append({
            "org_id": oid, "name": org.name, "acronym": org.acronym,
            "aliases": _join(_unique([a for a in [*org.aliases, *ents.org_aliases.get(oid, [])] if a != org.name])),
            "country_code": org.country_code, "n_mentions": ents.counts.get(oid, 0),
        })

    from pipeline.extract.clusters import cluster_events  # the cross-article step of extract
    rows["events"], rows["event_clusters"] = cluster_events(rows["events"])
    rows["errors"] = errors
    return {name: _frame(name, rows[name]) for name in TABLES}
