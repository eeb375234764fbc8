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
from typing import TYPE_CHECKING, Callable

from pipeline.tables.schema import NUMERIC

if TYPE_CHECKING:  # imported where a table is written (the CLI checks the output folder first)
    import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(Exception):
    """The output folder cannot be written."""


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

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


Writer = Callable[[Path], None]


def write_atomically(folder: Path, files: dict[str, Writer]) -> list[Path]:
    """Stage every file in a temporary folder inside `folder`, then rename each into place.

    Nothing in `folder` is replaced until every file has been written in full and synced.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".writing-", dir=folder))
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        for fname, write in files.items():
            write(tmp / fname)
            with open(tmp / fname, "rb") as fh:
                os.fsync(fh.fileno())
        for fname in files:
            os.replace(tmp / fname, folder / fname)
        return [folder / f for f in files]
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_tables(tables: dict[str, pd.DataFrame], out: Path, formats: set[str],
                 extra_parquet: dict[str, pd.DataFrame] | None = None) -> list[Path]:
    """Write every table (CSV and/or Parquet) plus extra Parquet files, atomically."""
    prepare_output(out)
    files: dict[str, Writer] = {}
    for name, df in tables.items():
        if "csv" in formats:
            files[f"{name}.csv"] = lambda path, df=df: path.write_bytes(csv_bytes(df))
        if "parquet" in formats:
            files[f"{name}.parquet"] = lambda path, df=df: df.to_parquet(path, index=False)
    for name, df in (extra_parquet or {}).items():
        files[f"{name}.parquet"] = lambda path, df=df: df.to_parquet(path, index=False)
    return write_atomically(out, files)
