"""docs/tables.md documents every table and column of the contract, and its examples run."""
from __future__ import annotations

import re

import duckdb
import pandas as pd

from conftest import REPO
from pipeline.tables.duckdb_db import DB_NAME
from pipeline.tables.schema import TABLES

DOC = REPO / "docs" / "tables.md"


def test_every_table_and_column_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        match = re.search(rf"^## {name} .*?(?=^## )", text, re.S | re.M)
        assert match, f"no section for {name}"
        section = match.group(0)
        for col in columns:
            assert f"`{col}`" in section, f"{name}.{col} not documented"
        assert "```python" in section and "```sql" in section, f"{name}: needs a pandas and a DuckDB example"


def test_examples_run_on_the_sample_run(sample_out):
    text = DOC.read_text(encoding="utf-8")
    con = duckdb.connect(str(sample_out / DB_NAME), read_only=True)
    for block in re.findall(r"```sql\n(.*?)```", text, re.S):
        for stmt in (s for s in re.sub(r"--.*", "", block).split(";") if s.strip()):
            con.execute(stmt).fetchall()
    con.close()
    from pipeline.analyst.load import read_tables
    ns = {"pd": pd, "duckdb": duckdb, "out": str(sample_out), "tables": read_tables(sample_out)}
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        exec(block.replace('out = "data/processed"', f'out = "{sample_out}"'), ns)
