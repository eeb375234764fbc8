"""Writing tables: CSV (RFC 4180, UTF-8, `\\n`), optional Parquet, always atomically.

Every file is first written in full to a temporary folder inside the output folder and then
renamed into place, so a run that is killed leaves the previous complete tables.

CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
or carriage return) get a leading apostrophe; numeric columns keep their sign. Parquet keeps
the raw values.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.tables.schema import NUMERIC

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(Exception):
    """The output folder cannot be written."""


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if col in NUMERIC or not (pd.api.types.is_string_dtype(out[col]) or out[col].dtype == object):
            continue
        s = out[col]
        mask = s.notna() & s.astype("string").str.startswith(FORMULA_START).fillna(False)
        if mask.any():
            out.loc[mask, col] = "'" + s[mask].astype("string")
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    return neutralise(df).to_csv(index=False, lineterminator="\n").encode("utf-8")


def prepare_output(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror or exc}") from None
    if not out.is_dir() or not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {out} is not writable")
    for stale in out.glob(".writing-*"):  # left by a run that was killed while writing
        shutil.rmtree(stale, ignore_errors=True)


def write_tables(tables: dict[str, pd.DataFrame], out: Path, formats: set[str],
                 extra_parquet: dict[str, pd.DataFrame] | None = None) -> list[Path]:
    """Write every table; returns the paths written. Nothing is replaced until all are written."""
    prepare_output(out)
    tmp = Path(tempfile.mkdtemp(prefix=".writing-", dir=out))
    try:
        staged: list[str] = []
        for name, df in tables.items():
            if "csv" in formats:
                (tmp / f"{name}.csv").write_bytes(csv_bytes(df))
                staged.append(f"{name}.csv")
            if "parquet" in formats:
                df.to_parquet(tmp / f"{name}.parquet", index=False)
                staged.append(f"{name}.parquet")
        for name, df in (extra_parquet or {}).items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
            staged.append(f"{name}.parquet")
        for fname in staged:
            with open(tmp / fname, "rb") as fh:
                os.fsync(fh.fileno())
        for fname in staged:
            os.replace(tmp / fname, out / fname)
        return [out / f for f in staged]
    except OSError as exc:
        raise OutputError(f"cannot write tables to {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
