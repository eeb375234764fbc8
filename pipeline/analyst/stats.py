"""`pipeline stats`: counts of a run by language, year, type and country.

Why SQL over the views: the year of an event or agreement is defined once, in the database
views (date, else the article's publication year), and the counts use that definition.
"""
from __future__ import annotations

import argparse

import duckdb
import pandas as pd

STATS_SQL: dict[str, str] = {
    "articles by language": """
        SELECT coalesce(language, 'und') AS language, count(*) AS articles,
               count(*) FILTER (WHERE status = 'ok') AS ok
        FROM articles GROUP BY 1 ORDER BY articles DESC, language""",
    "articles by status": "SELECT status, count(*) AS articles FROM articles GROUP BY 1 ORDER BY 2 DESC, 1",
    "events and agreements by year": """
        WITH y AS (SELECT year, 'events' AS what FROM event_facts
                   UNION ALL SELECT year, 'agreements' FROM agreement_facts)
        SELECT year, count(*) FILTER (WHERE what = 'events') AS events,
               count(*) FILTER (WHERE what = 'agreements') AS agreements
        FROM y GROUP BY year ORDER BY year NULLS LAST""",
    "events by type": "SELECT event_type, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC, 1",
    "agreements by type": "SELECT agreement_type, count(*) AS agreements FROM agreements GROUP BY 1 ORDER BY 2 DESC, 1",
    "events and agreements by country": """
        WITH c AS (SELECT country_code, 'events' AS what FROM event_facts
                   UNION ALL SELECT country_code, 'agreements' FROM agreement_facts)
        SELECT coalesce(country_code, '') AS country_code,
               count(*) FILTER (WHERE what = 'events') AS events,
               count(*) FILTER (WHERE what = 'agreements') AS agreements
        FROM c GROUP BY 1 ORDER BY events + agreements DESC, 1""",
    "entities": """
        SELECT 'places' AS table_name, count(*) AS rows FROM places
        UNION ALL SELECT 'organisations', count(*) FROM organisations
        UNION ALL SELECT 'mentions', count(*) FROM mentions
        UNION ALL SELECT 'errors', count(*) FROM errors""",
}


def compute_stats(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every count table of `STATS_SQL`, by title."""
    return {title: con.execute(sql).df() for title, sql in STATS_SQL.items()}


def cmd_stats(args: argparse.Namespace) -> int:
    from pipeline.analyst.load import open_for_command
    from pipeline.analyst.query import format_frame
    con = open_for_command(args.out)
    if con is None:
        return 2
    try:
        stats = compute_stats(con)
    finally:
        con.close()
    if args.format == "json":
        import json
        print(json.dumps({t: df.to_dict(orient="records") for t, df in stats.items()},
                         ensure_ascii=False, indent=1, default=str))
        return 0
    blocks = []
    for title, df in stats.items():
        heading = f"## {title}" if args.format == "markdown" else title
        blocks.append(f"{heading}\n\n{format_frame(df, args.format)}" if args.format == "markdown"
                      else f"{heading}\n{format_frame(df, args.format)}")
    print("\n\n".join(blocks))
    return 0

