"""Polish word analyses and nominative generation through Morfeusz2 (SGJP)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.normalise import morph
from pipeline.normalise.agreement import Analysis, match_case
from pipeline.normalise.lemmas_rules import ending_readings

_NOUN = {"subst", "depr"}
_ADJ = {"adj", "ppas", "pact"}
_KINDS = {
    "nazwa_geograficzna": "geo", "człon_nazwy_geograficznej": "geo", "imię": "name",
    "nazwisko": "surname", "nazwa_organizacji": "org", "nazwa_pospolita": "common",
}


class PolishEngine:
    """Engine for `agreement.lemmatise_words` backed by Morfeusz2."""

    has_dictionary = True  # False: every word gets ending-rule readings
    postnominal_adjectives = True

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _analyse(word)

    def bare(self, word: str) -> bool:
        """A word with no Polish case ending (`Corbyn`, `Cummings`, not `Corbyna`)."""
        low = word.lower()
        return not word.isupper() and low[-1:].isalpha() and not low.endswith(_case_endings())

    def guesses(self, word: str) -> tuple[Analysis, ...]:
        """Readings of a word Morfeusz does not know, by its ending (see `ending_readings`)."""
        return () if _analyse(word) else ending_readings(word, "pl")

    def nominative(self, word: str, a: Analysis, gender: str, number: str) -> str | None:
        if a.ref is None:  # a guess (see `guesses`)
            return match_case(word, a.lemma)
        tag, lemma, prefix, suffix = a.ref
        form = _generate(lemma, tag, gender, number)
        if form is None:
            if a.pos == "noun" and a.number == "sg":
                form = morph.base_lemma(lemma)
            else:
                return None
        model = word[len(prefix): len(word) - len(suffix)]
        return prefix + match_case(model, form) + suffix


@lru_cache(maxsize=100_000)
def _analyse(word: str) -> tuple[Analysis, ...]:
    if "." in word or (word.isupper() and len(word) > 1):
        return ()  # abbreviations and acronyms (Wlk., PZL.23, MAM, DUP) are not inflected
    if "-" in word.strip("-"):
        head, _, tail = word.rpartition("-")
        if not any(c.isalpha() for c in tail):  # `potoku-2`: the word before the number inflects
            return _plain(head, suffix="-" + tail)
        tail_an = _plain(tail, prefix=head + "-")
        head_an = _plain(head, suffix="-" + tail)
        if tail_an and all(t.startswith("adja") for _l, t, _q in morph.pl_analyses(head)):
            return tail_an  # Przemysłowo-Handlowej: only the last part inflects
        return tail_an or head_an
    return _plain(word)


def _plain(word: str, prefix: str = "", suffix: str = "") -> tuple[Analysis, ...]:
    out = []
    for lemma, tag, quals in morph.pl_analyses(word):
        parts = tag.split(":")
        cls = parts[0]
        if cls in _NOUN:
            pos = "noun"
        elif cls in _ADJ:
            pos = "adj"
        else:
            continue
        if len(parts) < 4:
            continue
        kinds = frozenset([_KINDS.get(q, q) for q in quals]
                          + (["pt"] if parts[-1] == "pt" else []) + (["depr"] if cls == "depr" else []))
        out.append(Analysis(lemma=morph.base_lemma(lemma), pos=pos, case=parts[2],
                            number=parts[1], gender=parts[3], kinds=kinds,
                            ref=(tag, lemma, prefix, suffix)))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _generate(lemma: str, tag: str, gender: str, number: str) -> str | None:
    """The form of `lemma` whose tag is `tag` with nominative case (and the head's gender and
    number for adjectives)."""
    parts = tag.split(":")
    parts[2] = "nom"
    if parts[0] in _ADJ:
        parts[1] = number or parts[1]
        parts[3] = gender or parts[3]
    elif number and parts[1] != number:  # a plural noun to the singular (`Słowian`)
        parts[1] = number
    want = ":".join(parts)
    forms = morph.pl_generate(lemma)
    exact = [orth for orth, t in forms if t == want]
    if exact:  # the lemma itself where it fits (`Niemcy`), else `Polacy` before `Polakowie`
        base = morph.base_lemma(lemma)
        return base if base in exact else min(exact, key=lambda f: (len(f), f))
    prefix = ":".join(parts[:3])
    for orth, t in forms:  # gender granularity differs (m1 vs m3): same class, number, case
        if t.startswith(prefix) and (not gender or t.split(":")[3][:1] == gender[:1]):
            return orth
    return None


@lru_cache(maxsize=1)
def _case_endings() -> tuple[str, ...]:
    path = Path(__file__).resolve().parents[1] / "lang" / "pl" / "case_endings.txt"
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))
