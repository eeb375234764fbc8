"""One Morfeusz2 per process, seen with expanded or compact tags (pipeline.normalise.morph)."""
from __future__ import annotations

import pytest

morfeusz2 = pytest.importorskip("morfeusz2")

from pipeline.normalise.morph import morfeusz  # noqa: E402

WORDS = ["zamek", "Białymstoku", "gościliśmy", "dwa", "wiceministra", "Brzeg", "xyzzyq"]


def test_both_views_share_one_analyser():
    assert morfeusz(expand_tags=False)._morfeusz_obj is morfeusz()._morfeusz_obj
    assert morfeusz() is morfeusz() and morfeusz(expand_tags=False) is morfeusz(expand_tags=False)


@pytest.mark.parametrize("word", WORDS)
def test_compact_view_analyses_like_its_own_instance(word):
    own = morfeusz2.Morfeusz(generate=False, expand_tags=False)
    assert morfeusz(expand_tags=False).analyse(word) == own.analyse(word)


@pytest.mark.parametrize("word", WORDS)
def test_expanded_view_is_unchanged_by_the_compact_one(word):
    morfeusz(expand_tags=False).analyse(word)
    own = morfeusz2.Morfeusz(expand_tags=True, whitespace=morfeusz2.SKIP_WHITESPACES)
    assert morfeusz().analyse(word) == own.analyse(word)
    assert morfeusz().generate("dom") == own.generate("dom")
