"""Stable article ids: a function of the source path only, never of run order or workers."""
from __future__ import annotations

import hashlib


def article_id(source: str, root_name: str = "") -> str:
    """`a` + 15 hex chars of sha1(source); the root's name joins in only to disambiguate."""
    key = f"{root_name}/{source}" if root_name else source
    return "a" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]
