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
from pipeline.annotate.ner_regions import region_spans
from pipeline.annotate.ner_ru_repair import Span, Tok, entity_at, is_word, clean, combine, quoted_end, tokens
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
    not_complement: tuple[str, ...]
    titles: frozenset[str]
    acronyms: frozenset[str]
    place_links: frozenset[str]


@lru_cache(maxsize=1)
def be_data() -> BeData:
    d = load_json("be", "org_heads.json") or {}
    longest_first = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return BeData(longest_first(d.get("head_stems", [])), int(d.get("max_ending", 3)),
                  longest_first(d.get("adjective_endings", [])), longest_first(d.get("genitive_endings", [])),
                  tuple(d.get("descr_adjective_stems", [])), frozenset(d.get("name_links", [])),
                  frozenset(d.get("not_names", [])), int(d.get("max_quote_tokens", 12)),
                  int(d.get("max_complement_tokens", 5)), tuple(d.get("not_complement_endings", [])),
                  frozenset(d.get("titles", [])),
                  frozenset(d.get("acronyms", [])), frozenset(d.get("place_links", [])))


def _is_head(word: str, d: BeData) -> bool:
    if word in d.acronyms:
        return True
    w = word.lower()
    return any(w.startswith(h) and len(w) - len(h) <= d.max_ending for h in d.heads)


def _is_adj(word: str, d: BeData) -> bool:
    w = word.lower()
    return len(w) > 3 and w.replace("-", "").isalpha() and w.endswith(d.adj_endings) and not _is_head(word, d)


def _qualifies(word: str, d: BeData) -> bool:
    return word[:1].isupper() or any(word.lower().startswith(s) for s in d.descr_stems)


def _is_genitive_word(tok: Tok, d: BeData) -> bool:
    w = tok.text
    return w[:1].islower() and w.isalpha() and len(w) > 3 and w.lower().endswith(d.gen_endings) \
        and not w.lower().endswith(d.not_complement)


def _complements(text: str, toks: list[Tok], i: int, spans: list[Span], d: BeData, lower_ok: bool) -> int | None:
    """End of the genitive complements after the head toks[i] (Міністэрства эканомікі Рэспублікі
    Беларусь, Інстытут эканомікі Нацыянальнай акадэміі навук): names found by the model, and,
    when `lower_ok`, lower-case genitive words; None when there are none."""
    end, k = None, i + 1
    while k < len(toks) and k - i <= d.max_complement:
        ent = entity_at(spans, toks[k - 1].end, text)
        if ent and ent[0] == toks[k].start and ent[2] in ("LOC", "ORG"):
            end = ent[1]
            while k < len(toks) and toks[k].start < end:
                k += 1
            continue
        word = toks[k].text
        if word[:1].isupper() and word.isalpha() and k > i + 1:
            end = toks[k].end  # a capitalised word inside the chain: Нацыянальнай
        elif lower_ok and _is_genitive_word(toks[k], d):
            end = toks[k].end
        else:
            break
        k += 1
    return end


def org_candidates(text: str, toks: list[Tok], spans: list[Span], d: BeData) -> list[Span]:
    """[qualifying adjectives] HEAD [«name» | імя + PER | у + place | complements] -> ORG."""
    out = []
    for i, tok in enumerate(toks):
        if not _is_head(tok.text, d):
            continue
        left = i
        while left > 0 and is_word(toks[left - 1]) and _is_adj(toks[left - 1].text, d) \
                and _qualifies(toks[left - 1].text, d):
            left -= 1
        end, strong = tok.end, tok.text[:1].isupper() or left < i
        k = i + 1
        nxt = toks[k].text.lower() if k < len(toks) else ""
        ent = entity_at(spans, toks[k].end, text) if k < len(toks) else None
        q = quoted_end(toks, k, d.max_quote)
        if q is not None:
            end, strong = toks[q - 1].end, True
        elif nxt in d.name_links and ent and ent[2] == "PER":
            end, strong = ent[1], True
        elif nxt in d.place_links and ent and ent[2] == "LOC" and tok.text[:1].isupper():
            end = ent[1]
        else:
            # lower-case complements only after a bare head: an adjective-qualified name is
            # complete (Гродзенскі дзяржаўны ўніверсітэт прыняў студэнтаў)
            c = _complements(text, toks, i, spans, d, lower_ok=left == i)
            if c is not None and (strong or any(sp[0] >= tok.end and sp[1] <= c for sp in spans)):
                end, strong = c, True
        if strong:
            out.append((toks[left].start, end, "ORG"))
    return out


def _strip_leading(text: str, s: int, e: int, d: BeData) -> int:
    """Start of a span after leading titles and event words (Бурмістр Супрасля -> Супрасля,
    Выстава прысвечана -> прысвечана); e when nothing is left."""
    while s < e:
        parts = text[s:e].split(maxsplit=1)
        if not parts or parts[0].lower() not in d.titles | d.not_names:
            return s
        s = text.index(parts[1], s + len(parts[0])) if len(parts) > 1 else e
    return s


def _lone_adjective(word: str, d: BeData) -> bool:
    return _is_adj(word, d) and not is_place(word)


def relabel(text: str, spans: list[Span], d: BeData) -> list[Span]:
    """Cut titles and event/document words off spans (dropping what has no capital left), drop
    lone adjectives (Мытны, Адукацыйная) and make single-word PER/ORG known as places LOC."""
    out = []
    for s, e, lab in spans:
        s = _strip_leading(text, s, e, d)
        words = text[s:e].split()
        if not any(w[:1].isupper() for w in words):
            continue
        if len(words) == 1 and lab != "PER" and _lone_adjective(words[0], d):
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
        spans = combine(spans, region_spans(toks, "be"), override=True)
        spans = sorted(spans + add_places(text, toks, spans))
    if rules & {"quote", "head_entity", "descr"}:
        spans = combine(spans, org_candidates(text, toks, spans, d), override=True)
    return sorted(spans)
