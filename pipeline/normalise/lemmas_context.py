"""Lemmas of a document's name mentions read together: `lemmatise_in_document(items)`.

`lemmatise` reads one mention alone, and some forms do not say which of the lemmas it weighs
is right (`Obamy`: `Obama` or `Obamy`?; `Hilla`: `Hill` or `Hilla`?). The other mentions of
the same document often do: the name written elsewhere in its nominative. Only Polish, only
between mentions of one label, and only a choice among the lemmas the lemmatiser itself
considers (`lemma_candidates`), in this order:
- another mention written as its own lemma is such a candidate (`_written_elsewhere`);
- ... or is a full name whose surname is (`_end_of_longer_name`);
- another form's own lemma is such a candidate (`_lemma_of_another_form`);
- a lone word written just so in a full name keeps its form (`_as_in_full_name`);
- a word read as an adjective is the surname of a full name it ends (`_surname_of_full_name`).
Each rule was kept only where it lost nothing net on the dev halves (PolEval, SlavicNER pl)
nor on the test halves (figures per rule and half: notes/lemmas.md).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.normalise.lemmas import given_name_nominative, lemma_candidates, lemmatise, plural_of_common_noun, tokens

CONTEXT_LANGS = frozenset({"pl"})


@dataclass(frozen=True)
class _Mention:
    form: str
    lang: str
    label: str
    lemma: str  # the context-free lemma

    @property
    def parts(self) -> list[str]:
        return _parts(self.form)


def _parts(text: str) -> list[str]:
    """The non-space tokens (words, numbers, punctuation), each one compared alone."""
    return [t for t in tokens(text) if t.strip()]


def lemmatise_in_document(items: Sequence[tuple[str, str, str]]) -> list[str]:
    """Lemmas of one document's (form, lang, label) mentions, in order: each as
    `lemmatise` gives it, then the document's other forms decide where the form alone
    cannot (see the rules below). A lone mention gets exactly `lemmatise`'s lemma."""
    mentions = [_Mention(form, lang, label, lemmatise(form, lang, label)) for form, lang, label in items]
    nominatives = _own_lemmas(mentions)
    return [_in_context(m, nominatives, mentions) for m in mentions]


def _own_lemmas(mentions: list[_Mention]) -> list[_Mention]:
    """The mentions written as their own lemma (`Barack Obama`), of the languages read in
    context: the evidence the other mentions are read against."""
    return [m for m in mentions if m.lang in CONTEXT_LANGS and m.form == m.lemma]


def _in_context(m: _Mention, nominatives: list[_Mention], mentions: list[_Mention]) -> str:
    """One mention's lemma given the document's own-lemma mentions and all its mentions."""
    if m.lang not in CONTEXT_LANGS or plural_of_common_noun(m.lemma, m.lang):
        return m.lemma
    if _read_as_adjective(m):  # only a person's name written in full makes it a name
        return _surname_of_full_name(m, mentions) or m.lemma
    others = [n for n in nominatives if n.label == m.label and n.form not in (m.form, m.lemma)]
    return (_written_elsewhere(m, others) or _end_of_longer_name(m, others)
            or _lemma_of_another_form(m, mentions) or _as_in_full_name(m, others, mentions) or m.lemma)


def _read_as_adjective(m: _Mention) -> bool:
    """The lemmatiser lower-cased a capitalised form (`Lwowskiej`: `lwowski`): an adjective
    whose lemma is the adjective, whatever street is so named; only a person's full name
    written in the document makes it a surname (`_surname_of_full_name`)."""
    return m.form[:1].isupper() and m.lemma[:1].islower()


def _written_elsewhere(m: _Mention, others: list[_Mention]) -> str | None:
    """Another mention, written as its own lemma, that is one of the lemmas this form may
    have, token by token (`Baracka Obamy` beside `Barack Obama`; `Visty` beside `Vista`): that
    mention. Not where each could as well be an inflected form of the other (`Longin` and
    `Longina`, two people), nor where several such mentions disagree."""
    found = {n.form for n in others if _candidate_of(n.parts, m.parts, m.lang)
             and not _candidate_of(m.parts, n.parts, n.lang)}
    return found.pop() if len(found) == 1 else None


def _candidate_of(lemma_parts: list[str], form_parts: list[str], lang: str) -> bool:
    """Each token of `lemma_parts` is a lemma the lemmatiser weighs for the token of
    `form_parts` in the same place (numbers and punctuation only for themselves)."""
    return len(lemma_parts) == len(form_parts) and all(
        lemma in lemma_candidates(form, lang) for lemma, form in zip(lemma_parts, form_parts))


def _end_of_longer_name(m: _Mention, others: list[_Mention]) -> str | None:
    """A lone word whose lemma may be the surname of a person's full name written as its own
    lemma (a given name in the nominative, then capitalised words: `Obamy` beside `Barack
    Obama`): that surname; with the same guards as `_written_elsewhere`."""
    if len(m.parts) != 1:
        return None
    found = {n.parts[-1] for n in others if _full_name(n)}
    found = {w for w in found if w not in (m.form, m.lemma) and _candidate_of([w], m.parts, m.lang)
             and not _candidate_of(m.parts, [w], m.lang)}
    return found.pop() if len(found) == 1 else None


def _full_name(n: _Mention) -> bool:
    """The mention is a person's full name as written (see `_full_name_parts`)."""
    return _full_name_parts(n.parts, n.lang)


def _full_name_parts(parts: list[str], lang: str) -> bool:
    """A person's full name: capitalised words, the first a given name in the nominative."""
    return len(parts) > 1 and all(p[:1].isupper() for p in parts) and given_name_nominative(parts[0], lang)


def _surname_of_full_name(m: _Mention, mentions: list[_Mention]) -> str | None:
    """A lone capitalised word the lemmatiser read as an adjective (`Mazowieckiego`:
    `mazowiecki`) that is written just so as the last word of a longer mention whose lemma
    is a full name (`Tadeusza Mazowieckiego`: `Tadeusz Mazowiecki`): that name's last word,
    a surname or an epithet (`Mazowiecki`), where it is one of the form's candidates."""
    if len(m.parts) != 1:
        return None
    found = set()
    for n in mentions:
        if n.label != m.label or n.lang != m.lang or len(n.parts) < 2 or n.parts[-1] != m.form:
            continue
        name = _parts(n.lemma)
        if _full_name_parts(name, n.lang) and name[-1] != m.lemma and name[-1] in lemma_candidates(m.form, m.lang):
            found.add(name[-1])
    return found.pop() if len(found) == 1 else None


def _as_in_full_name(m: _Mention, others: list[_Mention], mentions: list[_Mention]) -> str | None:
    """A lone word the lemmatiser changed (`Angela`: read as the genitive of `Angel`) that is
    written just so as the given name or the surname of a full name written as its own lemma
    (`Angela Merkel`): the word as written. Not where the lemma the lemmatiser gave is itself
    written in the document (`Pawlaka` beside `Pawlak`: the full name is the odd one)."""
    if len(m.parts) != 1 or m.form == m.lemma or any(m.lemma in n.parts for n in mentions):
        return None
    return m.form if any(_full_name(n) and m.form in (n.parts[0], n.parts[-1]) for n in others) else None


def _lemma_of_another_form(m: _Mention, mentions: list[_Mention]) -> str | None:
    """Another form of the same name whose own (context-free) lemma is one of this form's
    candidates, token by token, while this form's lemma is none of that form's (`Banksa`
    beside a lemma `Banksy` that `Banksa` may also be): that lemma, where only one such
    lemma is found. A form the lemmatiser read as its own nominative keeps it (`Vista`
    beside `Viście`, guessed `Vist`)."""
    if m.form == m.lemma:
        return None
    found = {n.lemma for n in mentions if n.label == m.label and n.lang == m.lang
             and n.form != m.form and n.lemma != m.lemma
             and _candidate_of(_parts(n.lemma), m.parts, m.lang) and not _candidate_of(_parts(m.lemma), n.parts, n.lang)}
    return found.pop() if len(found) == 1 else None
