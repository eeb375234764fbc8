"""Resource limits for reading untrusted archives (issue 11).

Every reader takes a `Limits` so that a hostile or broken input is refused with a clear
reason instead of exhausting memory or disk.
"""
from __future__ import annotations

from dataclasses import dataclass

MIB = 2**20


@dataclass(frozen=True)
class Limits:
    """Caps applied while reading inputs.

    `max_ratio` is only enforced once an output passes `ratio_floor` bytes: tiny members
    that compress very well (a page of spaces) are harmless, bombs are large by definition.
    `max_depth` counts containers around an article file: a `.txt.gz` is depth 1, a `.zip`
    inside a `.zip` is depth 2, a `.txt.gz` in a `.zip` in a `.zip` (depth 3) is refused.
    """

    max_file_bytes: int = 50 * MIB  # of decoded text / decompressed data per article file
    max_archive_total: int = 500 * MIB  # total uncompressed size of a zip
    max_ratio: float = 100.0  # zip/gzip compression ratio refused above
    max_entries: int = 10000
    max_depth: int = 2  # nested archives
    ratio_floor: int = 1 * MIB  # below this decompressed size the ratio is not checked
