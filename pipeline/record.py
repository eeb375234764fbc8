"""The plain data that travels through the stages.

One `Article` is created by ingest and enriched stage by stage (segments, sentences,
mentions, events, agreements), the way natasha's `Doc` is. Stages add to the record;
they never reach into another stage's internals. All offsets are 0-based character
offsets into `Article.text`, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    """A contiguous run of one language inside an article."""

    start: int
    end: int
    language: str  # pl, ru, be, uk, en, und
    confidence: float = 1.0


@dataclass
class Sentence:
    start: int
    end: int
    language: str = "und"


@dataclass
class Mention:
    """An entity or temporal mention found by an annotator.

    `lemma` is filled by normalise (for DATE/TIME by the date annotator: the ISO value).
    `entity_key` is a run-independent key of the place or organisation it was linked to
    (e.g. ``geo:625665`` or ``org:pl:podlaska fundacja rozwoju regionalnego``); the tables
    stage turns keys into the ids of `places.csv` / `organisations.csv`.
    """

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, DATE, TIME, (EVT, PRO, MISC)
    language: str = "und"
    lemma: str = ""
    entity_key: str = ""
    source: str = ""  # which annotator produced it (ner_pl, natasha, rules, dates ...)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Place:
    """A gazetteer entry (GeoNames-backed where an id exists)."""

    key: str  # geo:<geonames_id> or loc:<normalised name> for places without an id
    name: str  # canonical, Polish exonym where one exists
    name_en: str = ""
    geonames_id: int | None = None
    country_code: str = ""
    lat: float | None = None
    lon: float | None = None
    feature: str = ""  # city, country, region, ...
    population: int = 0


@dataclass
class Organisation:
    key: str
    name: str
    acronym: str = ""
    aliases: list[str] = field(default_factory=list)
    country_code: str = ""


@dataclass
class Event:
    event_type: str
    start: int  # evidence span
    end: int
    title: str = ""
    date_start: str = ""
    date_end: str = ""
    date_inferred: bool = False
    place_key: str = ""
    organisers: list[str] = field(default_factory=list)  # organisation keys
    participants: list[str] = field(default_factory=list)
    status: str = "held"
    confidence: float = 0.5


@dataclass
class Agreement:
    agreement_type: str
    start: int
    end: int
    title: str = ""
    date: str = ""
    date_inferred: bool = False
    place_key: str = ""
    parties: list[str] = field(default_factory=list)  # organisation or place keys
    status: str = "signed"
    event_index: int | None = None  # index into Article.events
    confidence: float = 0.5


@dataclass
class Article:
    article_id: str
    source: str  # input path relative to its root; `path#n` / `path#<id>` for records
    text: str = ""  # the source text all offsets index
    url: str = ""
    title: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) or ""
    text_is_file: bool = True  # False: text was extracted (HTML, JSON, CSV) -> texts.parquet
    body_start: int = 0  # where the body begins (after a .txt header block)
    status: str = "ok"  # ok, empty, error
    error: str = ""
    language: str = "und"
    languages: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)  # key -> place, for linked mentions
    organisations: dict[str, Organisation] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Problem:
    """A row of errors.csv: something that went wrong with one input."""

    source: str
    stage: str
    error: str
