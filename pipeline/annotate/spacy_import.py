"""Import spaCy without its command line.

spaCy 3.8's `__init__` imports `spacy.cli` (typer, requests, weasel, httpx, jinja2) only to
re-export `spacy.info`: ~0.3 s of a cold start that never runs a spaCy command (upstream made
this lazy in explosion/spaCy#12962, not in the 3.8 releases). While `spacy/__init__` runs, a
placeholder stands in for `spacy.cli` and `spacy.cli.info`; it is removed right after, so a
later `import spacy.cli` (training) imports the real package, and `spacy.info` imports it on
first call.
"""
from __future__ import annotations

import sys
import types

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def _info(*args, **kwargs):
    """`spacy.info`, importing the command line on first use."""
    from spacy.cli.info import info
    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The `spacy` module, imported without `spacy.cli` if nothing imported spaCy before."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType(_CLI)
    cli.__path__ = []  # a package, so that `spacy.cli.info` resolves under it
    info = types.ModuleType(_INFO)
    info.info = _info
    cli.info = info
    sys.modules[_CLI], sys.modules[_INFO] = cli, info
    try:
        import spacy
    finally:
        for name, placeholder in ((_INFO, info), (_CLI, cli)):
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
        module = sys.modules.get("spacy")
        if module is not None and getattr(module, "cli", None) is cli:
            del module.cli
    return spacy
