"""The output contract (../shared/SCHEMA.md) in one place: tables, columns, their order.

Columns may be added, never renamed or dropped. `NUMERIC` lists columns whose values are
numbers (they keep a leading minus sign when CSV cells are neutralised for spreadsheets).
"""
from __future__ import annotations

MULTI_SEP = " | "

TABLES: dict[str, list[str]] = {
    "articles": ["article_id", "source", "url", "title", "published", "language", "languages",
                 "n_chars", "status", "error"],
    "segments": ["article_id", "segment_id", "start", "end", "language", "confidence"],
    "mentions": ["mention_id", "article_id", "start", "end", "text", "label", "language",
                 "lemma", "entity_id"],
    "places": ["place_id", "name", "name_en", "geonames_id", "country_code", "lat", "lon",
               "feature", "aliases", "n_mentions"],
    "organisations": ["org_id", "name", "acronym", "aliases", "country_code", "n_mentions"],
    "events": ["event_id", "article_id", "event_type", "title", "date_start", "date_end",
               "date_inferred", "place_id", "place_name", "geonames_id", "country_code",
               "organisers", "participants", "status", "start", "end", "confidence",
               "event_cluster_id"],
    "event_clusters": ["event_cluster_id", "event_type", "date_start", "date_end", "place_id",
                       "place_name", "n_articles", "article_ids"],
    "agreements": ["agreement_id", "article_id", "agreement_type", "title", "date", "place_id",
                   "place_name", "geonames_id", "country_code", "parties", "party_ids", "status",
                   "event_id", "start", "end", "confidence", "date_inferred"],
    "errors": ["source", "stage", "error"],
}

# integer columns that may be missing (pandas nullable Int64 keeps them as 123, not 123.0)
INTEGER = {"n_chars", "start", "end", "geonames_id", "n_mentions", "n_articles"}
FLOAT = {"confidence", "lat", "lon"}
NUMERIC = INTEGER | FLOAT

EVENT_TYPES = ("seminar", "conference", "meeting", "study_visit", "training", "forum", "fair",
               "visit", "signing", "other")
AGREEMENT_TYPES = ("memorandum", "cooperation_agreement", "letter_of_intent", "contract",
                   "partnership", "other")
