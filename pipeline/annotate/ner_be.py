"""Belarusian repairs of natasha's spans (natasha reads the text after the 1:1 spelling map
of `ner_be_map`; these rules read the original Belarusian words).

There is no Belarusian pymorphy3 dictionary, so organisation descriptions are found by stems
and endings listed in `pipeline/lang/be/org_heads.json`: [adjectives] HEAD [genitive
complements | «quoted name» | імя + name]. Capitalised event/document words that natasha takes
for names (Мемарандум, Семінар) are dropped, and natasha's PER/ORG guesses that are places in
the gazetteer become LOC (`ner_be_places`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.annotate.ner_be_places import is_place
from pipeline.annotate.ner_ru_repair import Span, Tok, _combine, _entity_at, _is_word, _QUOTES, clean, tokens
from pipeline.lang import load_json


RULES_BE = frozenset({"clean", "relabel", "gazetteer", "quote", "head_entity", "descr"})


@dataclass(frozen=True)
class BeData:
    heads: tuple[str, ...]
    max_ending: int
    adj_endings: tuple[str, ...]
    gen_endings: tuple[str, ...]
    descr_stems: tuple[str, ...]
    name_links: frozenset[str]
    not_names: frozenset[str]
    max_quote: int
    max_complement: int


@lru_cache(maxsize=1)
def be_data() -> BeData:
    d = load_json("be", "org_heads.json") or {}
    longest_first = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return BeData(longest_first(d.get("head_stems", [])), int(d.get("max_ending", 3)),
                  longest_first(d.get("adjective_endings", [])), longest_first(d.get("genitive_endings", [])),
                  tuple(d.get("descr_adjective_stems", [])), frozenset(d.get("name_links", [])),
                  frozenset(d.get("not_names", [])), int(d.get("max_quote_tokens", 12)),
                  int(d.get("max_complement_tokens", 5)))


def _is_head(word: str, d: BeData) -> bool:
    w = word.lower()
    return any(w.startswith(h) and len(w) - len(h) <= d.max_ending for h in d.heads)


def _is_adj(word: str, d: BeData) -> bool:
    w = word.lower()
    return len(w) > 3 and w.replace("-", "").isalpha() and w.endswith(d.adj_endings) and not _is_head(word, d)


def _qualifies(word: str, d: BeData) -> bool:
    return word[:1].isupper() or any(word.lower().startswith(s) for s in d.descr_stems)


def _is_genitive_word(tok: Tok, d: BeData) -> bool:
    w = tok.text
    return w[:1].islower() and w.isalpha() and len(w) > 3 and w.lower().endswith(d.gen_endings)


def _quote_end(toks: list[Tok], k: int, d: BeData) -> int | None:
    if k >= len(toks) or toks[k].text not in _QUOTES:
        return None
    close = _QUOTES[toks[k].text]
    for m in range(k + 1, min(len(toks), k + 2 + d.max_quote)):
        if toks[m].text == close:
            return m if m > k + 1 else None
    return None


def org_candidates(text: str, toks: list[Tok], spans: list[Span], d: BeData) -> list[Span]:
    out = []
    for i, tok in enumerate(toks):
        if not _is_head(tok.text, d):
            continue
        left = i
        while left > 0 and _is_word(toks[left - 1]) and _is_adj(toks[left - 1].text, d):
            left -= 1
        end, strong = tok.end, tok.text[:1].isupper() or any(_qualifies(t.text, d) for t in toks[left:i])
        k = i + 1
        q = _quote_end(toks, k, d)
        if q is not None:
            end, strong = toks[q].end, True
        elif k < len(toks) and toks[k].text.lower() in d.name_links:
            ent = _entity_at(spans, toks[k].end, text)
            if ent and ent[2] == "PER":
                end, strong = ent[1], True
        else:
            # genitive complements, possibly ending in a name: Міністэрства эканомікі Рэспублікі Беларусь
            while k < len(toks) and k - i <= d.max_complement:
                ent = _entity_at(spans, toks[k - 1].end, text)
                if ent and ent[0] == toks[k].start and ent[2] in ("LOC", "ORG"):
                    end = ent[1]
                    break
                if not _is_genitive_word(toks[k], d) and not (
                        toks[k].text[:1].isupper() and toks[k].text.isalpha() and k > i + 1):
                    break
                if toks[k].text[:1].isupper() or strong:
                    end = toks[k].end
                k += 1
        if strong and end > toks[left].start:
            out.append((toks[left].start, end, "ORG"))
    return out


def relabel(text: str, spans: list[Span], d: BeData) -> list[Span]:
    """Drop event/document words taken for names; single-word PER/ORG that are places -> LOC."""
    out = []
    for s, e, lab in spans:
        words = text[s:e].split()
        if len(words) == 1 and words[0].lower() in d.not_names:
            continue
        if lab != "LOC" and len(words) == 1 and is_place(words[0]):
            lab = "LOC"
        out.append((s, e, lab))
    return out


def add_places(text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
    """Capitalised words outside any span that the gazetteer knows as places -> LOC."""
    taken = [(s, e) for s, e, _ in spans]
    return [(t.start, t.end, "LOC") for t in toks
            if t.text[:1].isupper() and t.text.isalpha() and len(t.text) > 2
            and not any(s < t.end and t.start < e for s, e in taken) and is_place(t.text)]


def repair_be(text: str, spans: list[Span], rules: frozenset[str] = RULES_BE) -> list[Span]:
    """natasha's spans on Belarusian `text` with the Belarusian repairs applied."""
    d = be_data()
    if "clean" in rules:
        spans = clean(text, spans)
    toks = tokens(text)
    if "relabel" in rules:
        spans = relabel(text, spans, d)
    if "gazetteer" in rules:
        spans = sorted(spans + add_places(text, toks, spans))
    if rules & {"quote", "head_entity", "descr"}:
        spans = _combine(spans, org_candidates(text, toks, spans, d))
    return sorted(spans)
