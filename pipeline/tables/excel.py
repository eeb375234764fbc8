"""The `--excel` flavour: CSVs a spreadsheet in a Polish or Russian locale opens correctly.

Why another flavour: the contract's RFC 4180 files (comma, no BOM) open in such a spreadsheet
as one column of mojibake. Here: UTF-8 with BOM (so Cyrillic and Polish letters are read as
UTF-8), `;` as separator and `,` as decimal mark (the list and decimal separators of pl/ru/be/uk
locales), CRLF line ends, full dates as `YYYY-MM-DD` (which spreadsheets read as dates; partial
dates `2019-10` are kept as written), formula-like cells neutralised as in the main CSVs.
Written to `out/excel/<table>.csv`, atomically (staged in a temporary folder, then renamed).
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pandas as pd

from pipeline.tables.write import neutralise, write_atomically

EXCEL_DIR = "excel"
SEP = ";"
DECIMAL = ","
BOM = "\ufeff"


def excel_bytes(df: pd.DataFrame) -> bytes:
    """One table as spreadsheet-locale CSV bytes (BOM included)."""
    text = neutralise(df).to_csv(index=False, sep=SEP, decimal=DECIMAL, lineterminator="\r\n")
    return (BOM + text).encode("utf-8")


def write_excel(tables: Mapping[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write every table to `out/excel/`; nothing there is replaced until all are written."""
    return write_atomically(Path(out) / EXCEL_DIR, {
        f"{name}.csv": (lambda path, df=df: path.write_bytes(excel_bytes(df))) for name, df in tables.items()
    })
