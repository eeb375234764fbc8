"""Repairs of natasha's Russian NER spans where the model is weak.

natasha tags capitalised names well but (measured on factRuEval-2016 dev) misses organisation
descriptions built on a lower-case head word: `свободной экономической зоны «Могилев»`,
`правительство США`, `компания Microsoft`, `областной исполнительный комитет`; it also glues a
Latin transcription in brackets to a name. Each rule below is switchable so the evaluation can
keep only those that raise the scores. Head words are data: `pipeline/lang/<xx>/org_heads.json`.
Agreement (adjective <- head case/number/gender, genitive complements) comes from pymorphy3.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import razdel

from pipeline.annotate.ner_regions import region_spans
from pipeline.lang import load_json

Span = tuple[int, int, str]
RULES = frozenset({"clean", "quote", "head_entity", "genitive", "descr", "left_adj", "region"})
_CUT = "()[]•\n\r\t|"
_EDGE = " \t\r\n,.;:!?—–-\"'()[]•|"
_QUOTES = {"«": "»", "„": "“", "\"": "\"", "“": "”"}


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    return tuple(morph().parse(word))


@dataclass(frozen=True)
class Heads:
    lemmas: frozenset[str]
    acronyms: frozenset[str]
    name_links: frozenset[str]
    max_quote_tokens: int
    descr_adjectives: frozenset[str]
    max_complement: int
    place_links: frozenset[str]


@lru_cache(maxsize=None)
def heads_for(lang: str) -> Heads:
    data = load_json(lang, "org_heads.json") or {}
    return Heads(frozenset(data.get("heads", [])), frozenset(data.get("acronyms", [])),
                 frozenset(data.get("name_links", [])), int(data.get("max_quote_tokens", 12)),
                 frozenset(data.get("descr_adjectives", [])), int(data.get("max_complement_tokens", 3)),
                 frozenset(data.get("place_links", [])))


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str


_APOSTROPHES = "'’ʼ"


def tokens(text: str) -> list[Tok]:
    """razdel tokens, with words split at an apostrophe joined again (аб'яднанне, O'Brien)."""
    out: list[Tok] = []
    for t in razdel.tokenize(text):
        if len(out) >= 2 and out[-1].text in _APOSTROPHES and out[-2].end == out[-1].start == t.start - 1 \
                and out[-2].text.isalpha() and t.text[:1].isalpha():
            first = out[-2]
            out[-2:] = [Tok(first.start, t.stop, text[first.start:t.stop])]
        else:
            out.append(Tok(t.start, t.stop, t.text))
    return out


# ----------------------------------------------------------------------------- clean
def clean(text: str, spans: list[Span]) -> list[Span]:
    """Cut spans at brackets, bullets and line breaks (PER/LOC also at commas); trim
    punctuation at the edges.
    ("Скотт Хоровитц (Scott Horowitz)" -> two PER; "Суринам • Сирия" -> two LOC.)"""
    out = []
    for s, e, lab in spans:
        a = s
        cut = _CUT if lab == "ORG" else _CUT + ","  # "Овечкин, Фёдоров"; ORG lists stay whole
        for i in range(s, e + 1):
            if i == e or text[i] in cut:
                x, y = a, i
                while x < y and text[x] in _EDGE:
                    x += 1
                while y > x and text[y - 1] in _EDGE:
                    y -= 1
                if y > x and any(ch.isalnum() for ch in text[x:y]):
                    y = _close_quote(text, x, y)
                    out.append((x, y, lab))
                a = i + 1
    return out


def _close_quote(text: str, s: int, e: int) -> int:
    """End of a span that opens a quote it does not close, when the closing quote follows
    right after it (СЗАО «Гродно Азот -> СЗАО «Гродно Азот», РПР "Свобода -> РПР "Свобода")."""
    for op, cl in _QUOTES.items():
        unclosed = text.count(op, s, e) % 2 == 1 if op == cl else text.count(op, s, e) > text.count(cl, s, e)
        if unclosed and text[e:e + 1] == cl:
            return e + 1
    return e


# ----------------------------------------------------------------------------- morphology
def _head_parses(word: str, heads: Heads) -> list:
    """Singular noun parses of a head word: a plural head (власти Германии, правительств
    стран, компаниями) names several bodies or none, never one organisation."""
    return [p for p in parses(word.lower())
            if "NOUN" in p.tag and p.normal_form in heads.lemmas and p.tag.number == "sing"]


def _agreeing(adj_word: str, head_ps: list) -> list:
    """Head parses that the adjective agrees with (case, number, gender in the singular);
    pronominal adjectives (эту, все, какого-либо) never count."""
    out = []
    for a in parses(adj_word.lower()):
        if "Apro" in a.tag.grammemes or not ({"ADJF", "PRTF"} & a.tag.grammemes):
            continue
        for h in head_ps:
            if a.tag.case != h.tag.case or a.tag.number != h.tag.number:
                continue
            if h.tag.number == "sing" and a.tag.gender and h.tag.gender and a.tag.gender != h.tag.gender:
                continue
            out.append(h)
    return out


def _agrees(adj_word: str, head_ps: list) -> bool:
    return bool(_agreeing(adj_word, head_ps))


def _qualifies(adj_word: str, heads: Heads) -> bool:
    """An adjective that makes a description a name: capitalised, or a listed one."""
    return adj_word[:1].isupper() or any(p.normal_form in heads.descr_adjectives for p in parses(adj_word.lower()))


def _is_genitive(word: str) -> bool:
    ps = parses(word.lower())
    return bool(ps) and any(p.tag.case == "gent" or "Fixd" in p.tag.grammemes for p in ps[:3])


def _is_genitive_name(name: str) -> bool:
    """The Cyrillic words of a name up to its first noun can all be genitives: Свердловской
    области, Российской Федерации, Республики Беларусь (the noun governs what follows), США по
    делам ...; not Тюменской областью (instrumental) nor Боливия."""
    seen = False
    for w in name.split():
        w = w.strip(_EDGE)
        if not w or w[:1] in _QUOTES or not _is_cyrillic(w):
            break
        if not _is_genitive(w):
            return False
        seen = True
        if parses(w.lower())[0].tag.POS == "NOUN":
            break
    return seen


def _is_genitive_word(word: str) -> bool:
    """A lower-case content word in the genitive (сельского, хозяйства); never a preposition
    or conjunction (из, и), whatever rarer parse pymorphy3 also offers."""
    ps = parses(word.lower())
    if not ps or ps[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return False
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in ps[:3])


def is_word(tok: Tok) -> bool:
    return any(ch.isalpha() for ch in tok.text)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


# ----------------------------------------------------------------------------- head rules
def _left_adjectives(toks: list[Tok], i: int, head_ps: list) -> int:
    """Index of the first of the agreeing adjectives right before toks[i] (i if none)."""
    j = i
    while j > 0 and is_word(toks[j - 1]) and not any(ch.isdigit() for ch in toks[j - 1].text) \
            and _agrees(toks[j - 1].text, head_ps):
        j -= 1
    return j


def quoted_end(toks: list[Tok], k: int, max_tokens: int) -> int | None:
    """Index after the closing quote when toks[k] opens a quoted name of <= max_tokens tokens."""
    if k + 1 >= len(toks) or toks[k].text not in _QUOTES or toks[k + 1].text[:1].islower() \
            and _is_cyrillic(toks[k + 1].text):
        return None  # "в связи с нарушением ..." is a quotation, not a name
    close = _QUOTES[toks[k].text]
    for m in range(k + 1, min(len(toks), k + 2 + max_tokens)):
        if toks[m].text == close:
            return m + 1 if m > k + 1 else None
        if toks[m].text in ".!?" and m + 1 < len(toks) and toks[m + 1].text[:1].isupper():
            return None
    return None


def entity_at(spans: list[Span], pos: int, text: str) -> Span | None:
    """The span starting at `pos` (after whitespace)."""
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return next((sp for sp in spans if sp[0] == pos), None)


def _name_after(text: str, toks: list[Tok], i: int, spans: list[Span], heads: Heads) -> int | None:
    """End of the name that the head toks[i] governs, or None: `имени` + a person
    (университет имени Янки Купалы); a name right after the head (центра Сколково, компания
    Microsoft); after lower-case genitive complements an ORG or a genitive place (министерство
    сельского хозяйства Германии)."""
    k = i + 1
    if k < len(toks) and toks[k].text.lower() in heads.name_links:
        ent = entity_at(spans, toks[k].end, text)
        return ent[1] if ent and ent[2] == "PER" else None
    while k < len(toks) and k - i <= heads.max_complement and toks[k].text[:1].islower() \
            and is_word(toks[k]) and toks[k].text.lower() not in heads.place_links \
            and _is_genitive_word(toks[k].text):
        k += 1
    if k < len(toks) and toks[k].text.lower() in heads.place_links:
        j = k + 1 if k + 1 < len(toks) and toks[k + 1].text == "." else k
        ent = entity_at(spans, toks[j].end, text)
        return ent[1] if ent and ent[2] == "LOC" else None  # ... предпринимательства г. Гомеля
    ent = entity_at(spans, toks[k - 1].end, text)
    if ent and ent[2] in ("ORG", "LOC") and (
            ent[2] == "ORG" or _is_genitive_name(text[ent[0]:ent[1]])):
        return ent[1]
    return None


def head_candidates(text: str, toks: list[Tok], spans: list[Span], heads: Heads, rules: frozenset[str]) -> list[Span]:
    """ORG spans built around organisation head words: [agreeing adjectives] HEAD, then a
    quoted name (`quote`), a governed name (`head_entity`), or nothing but qualifying
    adjectives (`descr`: областной исполнительный комитет)."""
    out = []
    for i, tok in enumerate(toks):
        is_acr = tok.text in heads.acronyms
        head_ps = [] if is_acr else _head_parses(tok.text, heads)
        if not (is_acr or head_ps):
            continue
        left = i if is_acr else _left_adjectives(toks, i, head_ps)
        end = None
        if "quote" in rules:  # СЭЗ «Гродноинвест», партии «Яблоко»
            q = quoted_end(toks, i + 1, heads.max_quote_tokens)
            end = toks[q - 1].end if q is not None else None
        if end is None and "head_entity" in rules and not is_acr:
            end = _name_after(text, toks, i, spans, heads)
        if end is None and "descr" in rules and head_ps and left < i \
                and any(p.tag.number == "sing" for p in _agreeing(toks[i - 1].text, head_ps)) \
                and any(_qualifies(t.text, heads) for t in toks[left:i]):
            end = tok.end
        if end is not None:
            out.append((toks[left].start, end, "ORG"))
    return out


def left_adjectives(text: str, toks: list[Tok], spans: list[Span], heads: Heads) -> list[Span]:
    """An ORG starting with a head noun takes the agreeing qualifying adjectives before it
    (государственной Комиссии по атомной энергии, синодального Отдела ...)."""
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for s, e, lab in spans:
        i = starts.get(s)
        if lab != "ORG" or i is None:
            continue
        head_ps = _head_parses(toks[i].text, heads)
        left = _left_adjectives(toks, i, head_ps) if head_ps else i
        while left < i and not _qualifies(toks[left].text, heads):
            left += 1
        if left < i:
            out.append((toks[left].start, e, "ORG"))
    return out


def merge_genitive(text: str, spans: list[Span]) -> list[Span]:
    """ORG followed by a genitive LOC/ORG is one organisation: Госдепартамента США,
    Министерства сельского хозяйства Германии, Парламентской ассамблеи Совета Европы."""
    spans = sorted(spans)
    out: list[Span] = []
    for sp in spans:
        if out and out[-1][2] == "ORG" and sp[2] in ("ORG", "LOC") \
                and text[out[-1][1]:sp[0]] in (" ", "\u00a0") \
                and _is_genitive_name(text[sp[0]:sp[1]]):
            out[-1] = (out[-1][0], sp[1], "ORG")
        else:
            out.append(sp)
    return out


def combine(spans: list[Span], cands: list[Span], override: bool = False) -> list[Span]:
    """Add candidate spans, replacing model spans they contain, longest candidates first. A
    candidate that crosses a model span is dropped (the model saw something else there), or
    with `override` (where the model is known to be weak) replaces it."""
    result = list(spans)
    for c in sorted(set(cands), key=lambda x: (-(x[1] - x[0]), x[0])):
        if c in result:
            continue
        inside = [s for s in result if c[0] <= s[0] and s[1] <= c[1]]
        crossing = [s for s in result if s not in inside and s[0] < c[1] and c[0] < s[1]]
        if crossing and not (override and all(s[2] != "LOC" or c[2] == "LOC" for s in crossing)):
            continue
        result = [s for s in result if s not in inside and s not in crossing] + [c]
    return sorted(result)


CONVENTIONS = ("full", "names", "factrueval")


def factrueval_view(text: str, spans: list[Span]) -> list[Span]:
    """Repaired spans under factRuEval-2016's flattened convention: an organisation's span
    runs from its descriptor to the end of its name part, leaving the closing quote out
    (партии «Яблоко, not партии «Яблоко»)."""
    out = []
    for s, e, lab in spans:
        if lab == "ORG" and e - s > 1 and text[s] not in _QUOTES and any(
                text[e - 1] == cl and op in text[s:e - 1] for op, cl in _QUOTES.items()):
            e -= 1
        out.append((s, e, lab))
    return out


def names_view(text: str, spans: list[Span], model: list[Span]) -> list[Span]:
    """Repaired spans under Collection5's convention, where a descriptor or a governing
    organisation is not part of a mention but an alias in brackets is: a span the repairs built
    around model spans becomes those spans (правительства [России], партии «[Яблоко]»,
    [Сената] [США]); one without any keeps its place only when it starts with a capital
    (ООО «Альфа», Подкарпатским воеводством), not as a lower-case description; a person's or
    organisation's name and its bracketed alias are one mention (Фонда развития (ФР)), so is a
    place's with an acronym (Центрального округа (ЦО)); a place and the bracketed region it
    lies in are two."""
    kept = set(model)
    out: set[Span] = set()
    for sp in spans:
        inner = [m for m in model if sp[0] <= m[0] and m[1] <= sp[1]]
        if sp in kept:
            out.add(sp)
        elif inner:
            out.update(inner)
        elif text[sp[0]:sp[0] + 1].isupper():
            out.add(sp)
    joined: list[Span] = []
    for sp in sorted(out):
        prev = joined[-1] if joined else None
        alias = sp[2] != "LOC" or text[sp[0]:sp[1]].isupper()  # Клайпеде (Литва): two places
        if prev and prev[2] == sp[2] and alias and text[prev[1]:sp[0]] == " (" and text[sp[1]:sp[1] + 1] == ")":
            joined[-1] = (prev[0], sp[1] + 1, sp[2])
        else:
            joined.append(sp)
    return joined


def repair(text: str, spans: list[Span], heads_lang: str, rules: frozenset[str] = RULES,
           convention: str = "full") -> list[Span]:
    """natasha's spans with the enabled repairs applied; offsets stay offsets into `text`.

    `convention` "full" (the pipeline's): an organisation mention runs from its descriptor
    to its name and takes a governed place (свободной экономической зоны «Могилев»,
    Министерства иностранных дел Украины), the form its Polish or Belarusian name is linked
    to; "names" (`names_view`) and "factrueval" (`factrueval_view`) only for scoring on
    corpora annotated that way."""
    if "clean" in rules:
        spans = clean(text, spans)
    model = spans
    toks = tokens(text)
    if rules & {"quote", "head_entity", "descr", "left_adj"}:
        heads = heads_for(heads_lang)
        spans = combine(spans, head_candidates(text, toks, spans, heads, rules))
        if "left_adj" in rules:
            spans = combine(spans, left_adjectives(text, toks, spans, heads))
    if "region" in rules:
        spans = combine(spans, region_spans(toks, heads_lang))
    if "genitive" in rules:
        spans = merge_genitive(text, spans)
    if convention == "names":
        return names_view(text, spans, model)
    if convention == "factrueval":
        return factrueval_view(text, sorted(spans))
    return sorted(spans)
