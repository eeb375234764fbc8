"""The analyst's side of a run: querying, counting, a report, figures for the notebook.

Everything here reads an output folder of `pipeline run` (the tables of SCHEMA.md, and the
DuckDB file where one was written); nothing here changes the tables.
"""
