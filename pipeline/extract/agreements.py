"""Agreements of one article: a signing of a named document between named parties.

A sentence gives an agreement when it has an agreement noun (memorandum, porozumienie,
соглашение, дамова ...) and a signing word (podpisać, подписание, падпісалі ...). Its
parties come, in this order of trust, from `między X a Y` / `между X и Y` / `паміж X і Y`
(one agreement per such clause), from the coordinated subject before the signing verb
(`X i Y podpisały`, `prezes KOM i dyrektor WSE podpisali`, `klaster i izba podpisały` with the
common noun resolved to the last organisation of that head word), or from `obie strony` /
`стороны` (the two entities last named). Date and place come from the sentence, else from
the event it was signed at (the one the sentence refers to, the ordinal day of the event in
force, the paragraph's event) and are then `date_inferred`.

Signings told around the document: the document named only in the next sentence ("Podpisy
złożyli X i Y. Dokument, umowa o partnerstwie, ..."), or only as "dokument"/"документ"; parties
told in the next sentence ("Stronami dokumentu są ..."), in the heading, or by the sentence
before (its subject for a partner-only "goście podpisali ... z Y", else the article's most named
organisation; "podpisaliśmy" is the article's organisation too); one signatory with partners
each told with `z`/`с` signs one agreement with each. A signing noun in a negated clause
("Do podpisania umowy nie doszło") is no signing, nor is one on a condition or only possible
("Jeśli ..., umowa zostanie podpisana", "может быть подписано"); a document told as the outcome
of an event ("Efektem spotkania jest porozumienie ...") needs no signing word; an untagged run
of capitalised words from a sentence's start to its signing verb is its subject.

Told as a list or a programme: documents listed after a signing that ends in a colon ("W trakcie
forum podpisano: 1) umowę ... 2) list intencyjny ...") are each signed, with the lead's day and
tense; a signing at an event still to come is planned; a document initialled now whose signing
is set for a later day and place is planned there. A partner told only as "z partnerem z ..."
is the one organisation of the next sentence ("Partnerem jest Y"); "dziś"/"сегодня" in an article
opening with a dateline is the dateline's day and town; a quote that tells a signing itself is
read (a quoted title is not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.annotate.dates import ordinal_day
from pipeline.extract.cues import SentCues, day_shift
from pipeline.extract.document import Sent
from pipeline.extract.events import Draft
from pipeline.extract.lexicon import Token, any_word, fold, sentence_vocab, sentence_vocabs, tokenize, vocabs_for
from pipeline.record import Agreement, Article, Mention

TYPE_PRIORITY = ["memorandum", "letter_of_intent", "partnership", "other", "contract", "cooperation_agreement"]
HOW_RANK = ["between", "subject", "sides", "all", ""]  # how parties were found, most trusted first
WINDOW = 8  # tokens: agreement nouns this close form one document name


@dataclass
class Entity:
    key: str
    start: int
    end: int
    heads: frozenset[str]
    is_place: bool


@dataclass
class AgDraft:
    atype: str
    si: int
    start: int  # title span
    end: int
    parties: list[str] = field(default_factory=list)
    party_names: list[str] = field(default_factory=list)
    date: str = ""
    inferred: bool = False
    own_date: bool = False
    place: str = ""
    status: str = "signed"
    event: Draft | None = None
    how: str = ""  # between / subject / sides / all
    trigger_i: int = 0  # token index of the document's name in its sentence
    sents: list[int] = field(default_factory=list)
    heading: bool = False  # told in a heading line
    retold: bool = False  # "Dokument podpisano ...", "Церемония прошла ...": the agreement told before
    named_next: bool = False  # "Podpisy złożyli X i Y. Dokument, umowa o partnerstwie, ...": named in the next sentence
    unsigned: bool = False  # named without a signing ("Nowe memorandum ... między X a Y"): kept only
    # when a signing told elsewhere ("Dokument podpisali ...") joins it


# ----------------------------------------------------------------------------- entities
def _heads(text: str) -> frozenset[str]:
    """Lemmas of the head noun of a name: the first word analysed as a noun."""
    for t in tokenize(text, 0, len(text)):
        if any(x.startswith("subst") or x.startswith("NOUN") for x in t.tags):
            return t.lemmas
    return frozenset()


def entities(art: Article) -> list[Entity]:
    """Organisation and place mentions that can be parties, in text order."""
    out = []
    for m in sorted(art.mentions, key=lambda m: m.start):
        end = m.start + len(art.text[m.start:m.end].rstrip())  # a span run on over a line break ends at its last word
        if m.label == "ORG" and m.entity_key in art.organisations:
            out.append(_head_run_on(m, art) or Entity(m.entity_key, m.start, end, _heads(m.text), False))
        elif m.label in ("LOC", "GPE", "ORG") and m.entity_key in art.places:  # "Rejon Orszański" tagged ORG, linked as a unit
            if art.places[m.entity_key].feature != "country":
                out += _glued(m, art) or [Entity(m.entity_key, m.start, end, frozenset(), True)]
    return out


def _head_run_on(m: Mention, art: Article) -> Entity | None:
    """"Універсітэтам Марыі Кюры-Складоўскай" tagged only on its head word: an organisation
    mention that is one head noun (Uniwersytet, Университет, Універсітэт) and is followed by
    capitalised words no other mention covers is named by them too (the article's organisation
    of that name, else a new one)."""
    from pipeline.normalise.lemmas import lemmatise
    words = tokenize(art.text, m.start, m.end)
    if len(words) != 1 or not _head_word(words[0], m.language):
        return None
    taken = [(x.start, x.end) for x in art.mentions if x is not m and x.label in ("ORG", "LOC", "GPE", "PER")]
    run = []
    for t in tokenize(art.text, m.end, min(len(art.text), m.end + 200)):
        gap = art.text[(run[-1].end if run else m.end):t.start]
        if gap.strip() or not t.text[:1].isupper() or any(a <= t.start < b for a, b in taken):
            break
        run.append(t)
    if not run:
        return None
    surface = art.text[m.start:run[-1].end]
    org = _organisation(art, lemmatise(surface, m.language, "ORG") or surface)
    return Entity(org.key, m.start, run[-1].end, _heads(surface), False)


def _unglued(art: Article, key: str) -> str:
    """The place of a place mention the NER ran on into an organisation (`_glued`), else `key`."""
    m = next((m for m in art.mentions if key and m.entity_key == key and m.label in ("LOC", "GPE")), None)
    split = _glued(m, art) if m is not None else []
    return split[0].key if split else key


def _head_word(t: Token, lang: str) -> bool:
    """Is the word an organisation's head noun (`heads` lemmas, or `head_stems` for be, of
    lang/<xx>/org_heads.json): Izba, Университет, Універсітэт?"""
    heads, stems = _org_heads(lang)
    return bool(heads & {fold(x) for x in t.lemmas}) or t.lower.startswith(stems)


@lru_cache(maxsize=None)
def _org_heads(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    from pipeline.lang import load_json
    data = load_json(lang, "org_heads.json") or {}
    return frozenset(fold(h) for h in data.get("heads", [])), tuple(fold(h) for h in data.get("head_stems", []))


def _glued(m: Mention, art: Article) -> list[Entity]:
    """"w Białymstoku Podlaska Izba Turystyki i ...": a place mention the NER ran on into the
    organisation named right after it. When its first one or two words are a place the gazetteer
    knows and the rest opens capitalised with an organisation head noun (Izba, Uniwersytet ...),
    it is that place and that organisation (the article's of that name, else a new one)."""
    from pipeline.normalise import country_context
    from pipeline.normalise.gazetteer import get_gazetteer
    from pipeline.normalise.lemmas import lemmatise
    words = tokenize(art.text, m.start, m.end)
    while words and words[-1].text.islower():  # "... Turystyki i"
        words.pop()
    for k in (1, 2):
        rest = words[k:]
        if not rest or not rest[0].text[:1].isupper() or not any(_head_word(t, m.language) for t in rest[:3]):
            continue
        place = get_gazetteer().link(art.text[words[0].start:words[k - 1].end], None, m.language, country_context(art.places))
        if place is None or place.feature == "country":
            continue
        art.places.setdefault(place.key, place)
        surface = art.text[rest[0].start:rest[-1].end]
        org = _organisation(art, lemmatise(surface, m.language, "ORG") or surface)
        return [Entity(place.key, m.start, words[k - 1].end, frozenset(), True),
                Entity(org.key, rest[0].start, rest[-1].end, _heads(surface), False)]
    return []


def _names(art: Article, key: str) -> list[str]:
    if key in art.places:
        p = art.places[key]
        return [p.name, p.name_en]
    o = art.organisations.get(key)
    return [o.name, o.acronym, *o.aliases] if o else [key]


def _same_party(art: Article, a: str, b: str) -> bool:
    if a == b:
        return True
    for x in _names(art, a):
        for y in _names(art, b):
            fx, fy = fold(x or ""), fold(y or "")
            if len(fx) >= 3 and len(fy) >= 3 and (fx in fy or fy in fx or fx.split()[0][:5] == fy.split()[0][:5]):
                return True
    return False


# ----------------------------------------------------------------------------- one sentence
def _hits(s: Sent) -> list[tuple[int, int, str]]:
    """(token index, n tokens, type) of agreement nouns, outside quoted titles."""
    out = []
    i = 0
    toks = s.tokens
    while i < len(toks):
        best = None
        if (not s.in_quote(toks[i].start) or _reported_in_quote(s, i)) and not _after_draft_noun(s, i):
            for v in vocabs_for(toks[i], s.lang):
                hit = v.find(toks, i, v.data.get("agreement_triggers", {}))
                if hit and (best is None or hit[1] > best[1]):
                    best = hit
        if best and _proper_name(toks, i, best[1]):
            i += best[1]  # "w ramach Programu Współpracy Transgranicznej": a programme's name, no document
        elif best:
            out.append((i, best[1], best[0]))
            i += best[1]
        else:
            i += 1
    return out


def _reported_in_quote(s: Sent, i: int) -> bool:
    """"Portal podaje: «15 марта ... X и Y подписали договор о сотрудничестве»": a quote that tells
    a signing itself (a signing word inside it) is a report, not a quoted title; its document counts."""
    span = next((q for q in s.quotes if q[0] <= s.tokens[i].start < q[1]), None)
    return span is not None and any(span[0] <= t.start < span[1] and any_word(vocabs_for(t, s.lang), t, "signing_words")
                                    for t in s.tokens)


def _proper_name(toks: list[Token], i: int, n: int) -> bool:
    """A hit of several words, all capitalised, inside the sentence and inside a longer run of
    capitalised words ("w ramach Programu Współpracy Transgranicznej"): a name, not a document.
    A run that is just the document's name ("podpisały List Intencyjny w sprawie ...") is one."""
    if not (i > 0 and n > 1 and all(t.text[:1].isupper() for t in toks[i:i + n])):
        return False
    return toks[i - 1].text[:1].isupper() or (i + n < len(toks) and toks[i + n].text[:1].isupper())


def _after_draft_noun(s: Sent, i: int) -> bool:
    """"projekt porozumienia", "проект соглашения": a draft, not the document."""
    return i > 0 and any_word(vocabs_for(s.tokens[i - 1], s.lang), s.tokens[i - 1], "draft_nouns")


def _document_hits(s: Sent, atype: str, signs: list[int]) -> list[tuple[int, int, str]]:
    """"Dokument"/"Документ" standing for the agreement told just before, or a signing told in
    the very next sentence ("Церемония подписания прошла 5 марта в Витебске"): a hit of its
    type (it has no parties of its own, so it only adds the date and place to that agreement)."""
    docs = [(i, 1, atype) for i, t in enumerate(s.tokens)
            if any_word(vocabs_for(t, s.lang), t, "document_nouns")][:1]
    return docs or [(i, 1, atype) for i in signs[:1]]


def _similar_document(s: Sent) -> int | None:
    """"Аналогичный документ подписан и со Y", "Podobny dokument podpisano z Y": a document noun
    right after a word of likeness (`similar_words`) is another document like the last one, not a
    retelling of it. Its token index, or None."""
    toks = s.tokens
    for i in range(1, len(toks)):
        vs = vocabs_for(toks[i], s.lang)
        if any_word(vs, toks[i], "document_nouns") and any_word(vs, toks[i - 1], "similar_words"):
            return i
    return None


def _document_signed(s: Sent, signs: list[int], text: str) -> list[tuple[int, int, str]]:
    """"Соответствующий документ подписали ректоры обоих вузов", "X i Y podpisały dokument o
    współpracy": a document noun in the clause of a signing whose sentence names a party or the
    sides, with no agreement named before, is a (generic) agreement."""
    clause = {t.start for i in signs for t in _clause(s, i, text)}
    vs = sentence_vocabs(s.tokens, s.lang)
    sides = any(v.match_at(s.tokens, i, p) for v in vs for i in range(len(s.tokens)) for p in v.words("both_sides"))
    if not sides and not any(m.label == "ORG" for m in s.mentions):
        return []  # "Uczestnicy szkolenia podpisali dokumenty": no party told
    return [(i, 1, "cooperation_agreement") for i, t in enumerate(s.tokens)
            if t.start in clause and any_word(vocabs_for(t, s.lang), t, "document_nouns")][:1]


def _signed_under_other(s: Sent, i: int) -> bool:
    """"Podpisy pod apelem złożyli ...": signatures under something named that is no document
    ("pod dokumentem", "под документом" are)."""
    toks = s.tokens
    if i + 2 >= len(toks):
        return False
    vs = vocabs_for(toks[i + 1], s.lang)
    if not any_word(vs, toks[i + 1], "under_preps"):
        return False
    obj = toks[i + 2]
    return not (any_word(vs, obj, "document_nouns") or any(v.find(toks, i + 2, v.data.get("agreement_triggers", {})) for v in vs))


def _named_next(cues: list[SentCues], si: int, signs: list[int], text: str):
    """"Podpisy złożyli wczoraj X i Y. Dokument, umowa o partnerstwie, przewiduje ...", "Подписи
    поставили ... Меморандум предусматривает": a signing with no document named, and the next
    sentence of its paragraph naming one with no signing of its own. Returns the hit the signing
    stands for (the type of that document) and the document's title span, or None."""
    if si + 1 >= len(cues) or cues[si + 1].sent.block != cues[si].sent.block:
        return None
    nxt = cues[si + 1].sent
    hits = _hits(nxt)
    if not hits or _signing(nxt, text) or _signed_under_other(cues[si].sent, signs[0]):
        return None
    i, n, atype = hits[0]
    return [(signs[0], 1, atype)], (nxt.tokens[i].start, _title_end(nxt, i + n, text))


def _signing(s: Sent, text: str, key: str = "signing_words") -> list[int]:
    """Token indices of signing words, leaving out a signing negated, only considered or possible
    ("nie podpisano", "o możliwości podpisania", "может быть подписан", "возможность заключения",
    "магчымасць падпісання") or on a condition."""
    toks = s.tokens
    out = []
    for i, t in enumerate(toks):
        vs = vocabs_for(t, s.lang)
        if not any_word(vs, t, key):
            continue
        before = toks[max(0, i - 2):i]
        negated = any(b.lower in v.words("negations") and not (k + 1 < len(before) and
                                                               before[k + 1].lower in v.words("negation_exceptions"))
                      for v in vs for k, b in enumerate(before))  # "nie tylko podpisały" still signs
        if not negated and not any(any_word(vs, b, "not_signed_words") for b in before) \
                and not _negated_nominal(s, i, vs, text) and not _conditional(s, i, text, vs):
            out.append(i)
    return out


OUTCOME_TO_EVENT = 2  # tokens from "Efektem"/"Итогом" to the event noun it is the outcome of


def _outcome_of_event(c: SentCues, hits: list[tuple[int, int, str]], text: str) -> list[int]:
    """"Efektem spotkania jest porozumienie o współpracy między X a Y", "Итогом визита стало
    соглашение ...": a document told as the outcome of an event has been reached there, as if
    signed. Token index of the outcome noun right before an event noun, in the clause of a
    document named after it (not "w wyniku umowy": the document is then the cause)."""
    s = c.sent
    events = {t.i for t in c.triggers if not t.verb}
    for i, t in enumerate(s.tokens):
        if not any_word(vocabs_for(t, s.lang), t, "outcome_nouns"):
            continue
        if not any(i < k <= i + OUTCOME_TO_EVENT for k in events):
            continue
        lo, hi = _clause_bounds(s, i, text)
        if any(i < h <= hi for h, _, _ in hits) and not _conditional(s, i, text, sentence_vocabs(s.tokens, s.lang)):
            return [i]
    return []


def _clause(s: Sent, i: int, text: str) -> list[Token]:
    """The tokens of token i's clause: between the commas (or sentence bounds) around it."""
    lo, hi = _clause_bounds(s, i, text)
    return s.tokens[lo:hi + 1]


def _clause_bounds(s: Sent, i: int, text: str) -> tuple[int, int]:
    """Indices of the first and last token of token i's clause."""
    toks = s.tokens
    lo = next((k for k in range(i, 0, -1) if "," in text[toks[k - 1].end:toks[k].start]), 0)
    hi = next((k for k in range(i, len(toks) - 1) if "," in text[toks[k].end:toks[k + 1].start]), len(toks) - 1)
    return lo, hi


def _conditional(s: Sent, i: int, text: str, vs) -> bool:
    """"Jeśli projekt otrzyma dofinansowanie, umowa zostanie podpisana", "Подписание планируется
    осенью, если ...": a signing on a condition told in its own clause or the one before or after
    is only possible, not announced (the guidelines count signed or announced agreements)."""
    lo, hi = _clause_bounds(s, i, text)
    if lo > 0:
        lo = _clause_bounds(s, lo - 1, text)[0]
    if hi < len(s.tokens) - 1:
        hi = _clause_bounds(s, hi + 1, text)[1]
    return any(v.match_at(s.tokens, k, p) for v in vs for k in range(lo, hi + 1) for p in v.words("condition_words"))


def _negated_nominal(s: Sent, i: int, vs, text: str) -> bool:
    """"Do podpisania umowy jednak nie doszło", "Подписание соглашения не состоялось": a signing
    noun whose clause has a negation (not "nie tylko") tells a signing that did not happen."""
    t = s.tokens[i]
    nominal = bool(t.tags) and all(x.startswith(("ger", "subst", "NOUN")) for x in t.tags)
    if not (nominal or any_word(vs, t, "signing_nouns")):  # "podpisania" is a gerund of "podpisać"
        return False
    clause = _clause(s, i, text)
    return any(t.lower in v.words("negations") and not (k + 1 < len(clause) and
                                                        clause[k + 1].lower in v.words("negation_exceptions"))
               for v in vs for k, t in enumerate(clause))


def between_index(s: Sent) -> int | None:
    """Token index of the first `między`/`между`/`паміж` (places after it are parties)."""
    for i, t in enumerate(s.tokens):
        if any_word(vocabs_for(t, s.lang), t, "between_words"):
            return i
    return None


def _in_sentence(ents: list[Entity], text: str, lo: int, hi: int) -> list[Entity]:
    """Entities inside [lo, hi), a parenthesised alias folded into the name before it."""
    out: list[Entity] = []
    for e in ents:
        if e.start < lo or e.end > hi:
            continue
        if out and (e.key == out[-1].key or text[out[-1].end:e.start].strip() in ("(", "(«", "(„", "(\"")):
            continue  # "Fundacja X (Фонд X)": the same organisation in another language
        out.append(e)
    return out


def _between_pairs(s: Sent, ents: list[Entity], vs, art: Article) -> list[list[Entity]]:
    toks = s.tokens
    idx = [i for i, t in enumerate(toks) if any_word(vs, t, "between_words")]
    pairs = []
    for n, i in enumerate(idx):
        lo = toks[i].end
        hi = toks[idx[n + 1]].start if n + 1 < len(idx) else s.end
        found = [e for e in _in_sentence(ents, art.text, lo, hi)
                 if not (e.is_place and _prep_before(s, e.start, sentence_vocab(s.lang).words("place_preps")))]
        if len(found) == 1:
            found = _split_coordinated(found[0], s, vs, art) or found
        if len(found) < 2:
            found = _linked_sides(s, i, idx[n + 1] if n + 1 < len(idx) else len(toks), found, vs, art, ents)
        if len(found) >= 2:  # "między A, B i C": all of them
            pairs.append([_as_unit(e, s, art) for e in found])
    return pairs


def _split_coordinated(e: Entity, s: Sent, vs, art: Article) -> list[Entity]:
    """`między Klastrem Obróbki Metali a Wolną Strefą ...` tagged as ONE organisation: two names
    joined by `a`/`i`/`и`/`і` (capitalised on both sides) are two parties. Each side is the
    article's organisation of that name, else a new one (its nominative as the name)."""
    if e.is_place:
        return []
    inner = [t for t in s.tokens if e.start <= t.start and t.end <= e.end]
    k = next((k for k in range(1, len(inner) - 1) if any_word(vs, inner[k], "and_words")
              and inner[k].text.islower() and inner[k - 1].text[:1].isupper() and inner[k + 1].text[:1].isupper()), None)
    if k is None:
        return []
    from pipeline.normalise.lemmas import lemmatise
    out = []
    for a, b in ((inner[0].start, inner[k - 1].end), (inner[k + 1].start, e.end)):
        surface = art.text[a:b]
        org = _organisation(art, lemmatise(surface, s.lang, "ORG") or surface)
        out.append(Entity(org.key, a, b, _heads(surface), False))
    return out if out[0].key != out[1].key else []


def _organisation(art: Article, name: str):
    """The article's organisation of that name (by signature), else a new one."""
    from pipeline.normalise.organisations import org_key, signatures_match
    from pipeline.record import Organisation
    org = next((o for o in art.organisations.values() if signatures_match(o.name, name)), None)
    return org or art.organisations.setdefault(org_key(name), Organisation(org_key(name), name))


def _seated(parties: list[Entity], s: Sent, art: Article, ents: list[Entity]) -> list[Entity]:
    """"Университетом в Белостоке", "Універсітэт у Беластоку" split by the NER into a bare head
    noun and a place: the party is the organisation with its seat, and that place no party."""
    from pipeline.extract.cues import org_head
    from pipeline.normalise.lemmas import lemmatise
    toks = s.tokens
    preps = {w for v in sentence_vocabs(toks, s.lang) for w in v.words("place_preps")}
    out = []
    for e in parties:
        words = [i for i, t in enumerate(toks) if e.start <= t.start and t.end <= e.end]
        k = words[-1] + 1 if len(words) == 1 else len(toks)
        seat = next((p for p in ents if p.is_place and k + 1 < len(toks) and p.start == toks[k + 1].start), None)
        if seat is None and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and not e.is_place:
            seat = _link_words([toks[k + 1]], art, s.lang)  # the seat the NER left untagged
        if e.is_place or seat is None or toks[k].lower not in preps or not org_head(toks, words[0], s.lang) \
                or art.text[e.end:toks[k].start].strip():
            out.append(e)
            continue
        head = lemmatise(art.text[e.start:e.end], s.lang, "ORG") or art.text[e.start:e.end]
        org = _organisation(art, f"{head} {art.text[toks[k].start:seat.end]}")
        out.append(Entity(org.key, e.start, seat.end, e.heads, False))
    return [e for e in out if not any(f is not e and f.start <= e.start and e.end <= f.end for f in out)]


def _as_unit(e: Entity, s: Sent, art: Article) -> Entity:
    """"gminą Supraśl", "Полацкім раёнам": the unit the word before a place names, if the
    gazetteer knows it as a region (the party is the district, not the town)."""
    if not e.is_place:
        return e
    prev = [t for t in s.tokens if t.end <= e.start][-1:]
    if not prev or prev[0].text[:1].isupper():
        return e
    from pipeline.normalise import country_context
    from pipeline.normalise.gazetteer import get_gazetteer
    place = get_gazetteer().link(art.text[prev[0].start:e.end], None, s.lang, country_context(art.places))
    if place is None or place.key == e.key or place.feature != "region":
        return e
    art.places.setdefault(place.key, place)
    return Entity(place.key, prev[0].start, e.end, frozenset(), True)


def _linked_sides(s: Sent, i: int, stop: int, found: list[Entity], vs, art: Article,
                  named: list[Entity] = ()) -> list[Entity]:
    """`między X a Y` where the NER missed or did not link X or Y: link the words on each side
    of the conjunction with the gazetteer (cities and regions acting as parties)."""
    toks = s.tokens
    conj = next((k for k in range(i + 2, stop) if any_word(vs, toks[k], "and_words")), None)
    if conj is None:
        return found
    sides = [(i + 1, conj), (conj + 1, min(stop, conj + 5))]
    out: list[Entity] = []
    for a, b in sides:
        if a >= b:
            return found
        lo, hi = toks[a].start, toks[b - 1].end
        have = [e for e in found if lo <= e.start < hi]
        if have:
            out.append(have[0])
            continue
        e = _link_words(toks[a:b], art, s.lang) or _named_elsewhere(toks[a:b], named, art)
        if e is None:
            return found
        out.append(e)
    return out


def _named_elsewhere(words: list[Token], named: list[Entity], art: Article) -> Entity | None:
    """A side the NER missed that names, in another form, an entity tagged elsewhere in the
    sentence ("бургамістр Аўгустова ... паміж горадам Лідай і горадам Аўгустоў")."""
    for w in words:
        if not w.text[:1].isupper() or len(w.text) < 5:
            continue
        stem = fold(w.text)[:5]
        for e in named:
            if fold(art.text[e.start:e.end]).startswith(stem) and not (e.start <= w.start < e.end):
                return Entity(e.key, w.start, w.end, e.heads, e.is_place)
    return None


def _link_words(words: list[Token], art: Article, lang: str) -> Entity | None:
    spans = [(0, 2), (0, 1), (1, 2), (1, 3)]
    for a, b in spans:
        part = words[a:b]
        if not part or not any(w.text[:1].isupper() for w in part):
            continue
        key = _gazetteer_place(art.text[part[0].start:part[-1].end], lang, art, ("country",))
        if key:
            return Entity(key, part[0].start, part[-1].end, frozenset(), True)
    return None


def _gazetteer_place(surface: str, lang: str, art: Article, not_kinds: tuple[str, ...]) -> str:
    """The key of the place the gazetteer links `surface` to, read in the article's countries
    and of none of `not_kinds` ('' if none); the place joins the article's places."""
    from pipeline.normalise import country_context
    from pipeline.normalise.gazetteer import get_gazetteer
    place = get_gazetteer().link(surface, None, lang, country_context(art.places))
    if place is None or place.feature in not_kinds:
        return ""
    art.places.setdefault(place.key, place)
    return place.key


def _subject(s: Sent, ents: list[Entity], verb: int, prior: list[Entity], vs, place_preps,
             text: str, art: Article) -> list[Entity]:
    toks = s.tokens
    lo = s.start
    for i in range(verb - 1, 0, -1):  # clause start: the last comma before the verb
        if "," in text[toks[i - 1].end:toks[i].start]:
            lo = _listed_before(s, ents, i, text)
            break
    origin = [w for v in vs for w in v.words("origin_preps")]  # "Фонд «Свобода» из Варшавы": whence, not who
    found = _seated([e for e in _in_sentence(ents, text, lo, toks[verb].start)
                     if not (e.is_place and (_prep_before(s, e.start, place_preps) or
                                             (_prep_before(s, e.start, origin) and art.places[e.key].feature != "region")))],
                    s, art, ents)
    if len(found) == 1:  # "Fundacja X i Izba Y podpisały" tagged as one organisation
        found = _split_coordinated(found[0], s, vs, art) or found
    # common nouns standing for an organisation named before: "klaster i izba podpisały";
    # an acronym named before and not tagged again: "rektor ГрДУ i prorektor ..."
    for t in toks[:verb]:
        inside = next((e for e in ents if e.start <= t.start < e.end), None)
        # an acronym the NER glued to a place ("w Tbilisi PFDS i GFA") is still read
        if t.start < lo or (inside is not None and not (inside.is_place and t.text.isupper())):
            continue
        if t.text[:1].isupper():
            same = [e for e in prior if _abbreviates(t.text, text[e.start:e.end], e, art)]
            if same and all(f.key != same[-1].key for f in found):
                found.append(Entity(same[-1].key, t.start, t.end, same[-1].heads, same[-1].is_place))
            continue
        for e in reversed(prior):
            if not e.is_place and e.heads and t.lemmas & e.heads:
                if all(f.key != e.key for f in found):  # placed where the common noun stands
                    found.append(Entity(e.key, t.start, t.end, e.heads, False))
                break
    found += [e for e in _untagged_orgs(toks, lo, verb, ents, art) if all(f.key != e.key for f in found)]
    # "prezydent Rzeszowa i mer Łucka podpisali", "бургамістр Аўгустова": the town an official heads
    for k, t in enumerate(toks[:verb - 1]):
        nxt = toks[k + 1]
        if t.start < lo or any(e.start <= nxt.start < e.end for e in found) \
                or not any_word(vs, t, "official_nouns"):
            continue
        e = _official_unit(t, toks[k + 1:min(k + 3, verb)], art, s.lang, vs)
        if e is not None and all(f.key != e.key for f in found):
            found.append(e)
    span = [k for k, t in enumerate(toks[:verb]) if t.start >= lo]
    found += (joined := _joined_orgs(s, found, ents, span, art, vs))
    found += _joined_towns(s, found, ents + joined, span, art, vs)
    if not found and (opening := _opening_name(s, verb, ents, art)) is not None:
        found = [opening]
    if not found and (own := _own_organisation(s, verb, lo, prior, vs)) is not None:
        found = [own]
    found.sort(key=lambda e: e.start)
    if len(found) == 1 and (partner := _partner_after(s, ents, verb, vs, place_preps, text)) is not None:
        found.append(partner)
    if not found:  # "umowę zawarły Starostwo ... i Rada ...", "Dokument podpisali rektor X i prorektor Y"
        found = _coordinated_after(s, ents, verb, vs, place_preps, art)
    if len(found) == 1:  # "podpisało z politechniką", "подписал с университетом": a body named before
        for k in range(verb + 1, min(len(toks), verb + 4)):
            t = toks[k]
            if t.text[:1].isupper() or not any_word(vs, toks[k - 1], "and_words"):
                continue
            e = next((e for e in reversed(prior) if not e.is_place and e.heads and t.lemmas & e.heads
                      and e.key != found[0].key), None)
            if e is not None:
                found.append(Entity(e.key, t.start, t.end, e.heads, False))
                break
    return found


def _listed_before(s: Sent, ents: list[Entity], i: int, text: str) -> int:
    """"A, B и C подписали": the clause of a signing verb opens after the last comma before it,
    unless what comes before that comma is only a name (or several, each cut by a comma from the
    sentence's start or from another name): a list of subjects, which the clause takes in.
    Returns the offset the clause starts at."""
    toks = s.tokens
    while i > 0:
        e = next((e for e in ents if e.end == toks[i - 1].end or e.end == toks[i - 1].end - 1), None)
        if e is None or e.start < s.start:
            break
        first = next(k for k, t in enumerate(toks) if t.start >= e.start)
        if first > 0 and "," not in text[toks[first - 1].end:toks[first].start]:
            break  # "Prezes fundacji X, ...": words before the name, no list
        i = first
    return toks[i].start


def _opening_name(s: Sent, verb: int, ents: list[Entity], art: Article) -> Entity | None:
    """"Caritas Diecezji Drohiczyńskiej podpisała porozumienie z X": the NER, unsure of a
    capital at the very start of a sentence, left the subject untagged. Two or more capitalised
    words, outside any mention, filling the sentence from its first word up to the signing verb,
    are an organisation (the article's of that name, else a new one)."""
    from pipeline.normalise.lemmas import lemmatise
    words = s.tokens[:verb]
    if len(words) < 2 or not all(w.text[:1].isupper() and not w.text.isupper() for w in words) \
            or any(m.start < words[-1].end and words[0].start < m.end for m in s.mentions) \
            or any(art.text[a.end:b.start].strip() for a, b in zip(words, words[1:])):
        return None
    surface = art.text[words[0].start:words[-1].end]
    org = _organisation(art, lemmatise(surface, s.lang, "ORG") or surface)
    return Entity(org.key, words[0].start, words[-1].end, _heads(surface), False)


def _partner_after(s: Sent, ents: list[Entity], verb: int, vs, place_preps, text: str) -> Entity | None:
    """"X подписали с Y": the first organisation after the verb, with `z`/`с`/`з` among the two
    words before it; else a town or unit ("umowy partnerskie z gminą Żółkiew", "z Lidą") with
    `z` the only such word between the verb and it, right before it ("z uczelnią z Grodna" tells
    where the university is from, not a partner)."""
    toks = s.tokens
    after = [e for e in _in_sentence(ents, text, toks[verb].end, s.end) if toks[verb].end <= e.start]

    def joins(e: Entity) -> list[int]:
        gap = [t for t in toks if toks[verb].end <= t.start < e.start]
        return [len(gap) - k for k, t in enumerate(gap) if any_word(vs, t, "and_words")]  # distance back

    org = next((e for e in after if not e.is_place), None)
    if org is not None and any(d <= 2 for d in joins(org)):
        return org
    town = next((e for e in after if e.is_place and not _prep_before(s, e.start, place_preps)), None)
    if town is not None and (org is None or town.start < org.start) and joins(town) == [1]:
        return town
    return None


def _more_partners(s: Sent, subj: list[Entity], here: list[Entity], vs, art: Article,
                   plural: bool = False) -> list[Entity]:
    """"X podpisał umowy o współpracy z A oraz z B", "подписал соглашения с A и с B": when the
    partner A is told with `z`/`с`/`з` (`with_preps`), each further organisation or unit told
    with its own `z`, or joined to the partner before it by a conjunction alone ("z A i B"). The
    caller tells them apart (`_joined_only`): with a plural document ("podpisała porozumienia z A
    i B") each is the partner of another agreement of the same signatory, with a singular one a
    joined partner is a further party of the same document."""
    toks = s.tokens

    def told_with(e: Entity) -> bool:
        prev = [t for t in toks if t.end <= e.start][-1:]
        return bool(prev) and prev[0].text.islower() and any_word(vs, prev[0], "with_preps")

    def joined(e: Entity, last: Entity) -> bool:
        gap = [t for t in toks if last.end <= t.start and t.end <= e.start]
        return len(gap) == 1 and any_word(vs, gap[0], "conjunctions")

    if len(subj) != 2 or not told_with(subj[1]):
        return []
    keys = {e.key for e in subj}
    out, last = [], subj[1]
    for e in sorted(here, key=lambda e: e.start):
        if e.start < subj[1].end or e.key in keys or (e.is_place and art.places[e.key].feature != "region"):
            continue
        if told_with(e) or joined(e, last):
            out.append(e)
            last = e
    return list({e.key: e for e in out}.values())


def _joined_only(s: Sent, e: Entity, vs) -> bool:
    """Is the partner joined by a conjunction alone ("z A i B": B), not told with its own `z`?"""
    prev = [t for t in s.tokens if t.end <= e.start][-1:]
    return bool(prev) and any_word(vs, prev[0], "conjunctions")


def _plural_object(s: Sent, verb: int, noun: int) -> bool:
    """"podpisała porozumienia", "подписал соглашения": an active signing verb with a document
    noun read only as a plural object (an accusative plural and no accusative singular), i.e.
    several documents. A noun after a signing noun ("podpisanie porozumienia") is a genitive."""
    v = s.tokens[verb].tags
    n = [x for x in s.tokens[noun].tags if x.startswith(("subst", "ger", "NOUN"))]  # its readings as a noun
    active = any(x.startswith(("praet", "fin", "imps")) or x.startswith("VERB") for x in v)
    pl_acc = any(":pl:acc" in x or "plur,accs" in x for x in n)
    sg_acc = any(":sg:acc" in x or "sing,accs" in x for x in n)
    return active and pl_acc and not sg_acc


def _own_organisation(s: Sent, verb: int, lo: int, prior: list[Entity], vs) -> Entity | None:
    """"W Grodnie podpisaliśmy memorandum z X", "Наша ассоциация подписала ...": a signing told in
    the first person plural (`we_words` in its clause, a verb ending of `we_endings`) is by the
    article's own organisation, the first one it names."""
    toks = s.tokens
    we = any(any_word(vs, t, "we_words") for t in toks[:verb] if t.start >= lo) \
        or any(toks[verb].lower.endswith(e) for v in vs for e in v.words("we_endings"))
    return next((e for e in prior if not e.is_place), None) if we else None


def _official_unit(official: Token, words: list[Token], art: Article, lang: str, vs) -> Entity | None:
    """The town or unit an official heads: "burmistrz Białej Podlaskiej", "mer Lidy", "wójt gminy
    Hańsk", "marszałek województwa podlaskiego", and "starosta hrubieszowski" (the unit of the
    office, `official_units`, with the adjective), where the gazetteer knows it."""
    from pipeline.normalise.textnorm import fold as fold_plain
    if not words:
        return None
    e = _town_or_unit(words, art, lang)
    if e is not None or words[0].text[:1].isupper():
        return e
    unit = next((u for v in vs for o, u in v.data.get("official_units", {}).items() if o in official.lemmas), None)
    if unit is None or not words[0].text.islower():
        return None
    e = _region_named(f"{unit} {words[0].text}", words[:1], art, lang)
    # the adjective must name the unit found ("powiat bialski" is no other powiat)
    return e if e is not None and fold_plain(words[0].text)[:4] in fold_plain(art.places[e.key].name) else None


def _town_or_unit(words: list[Token], art: Article, lang: str) -> Entity | None:
    """A town named by capitalised words ("Białej Podlaskiej"), or a unit by its type word and
    name ("województwa podlaskiego", "гмина Бяла-Подляска"), as the gazetteer links them."""
    from pipeline.normalise.regions import region_types
    from pipeline.normalise.textnorm import fold as fold_plain
    if words[0].text[:1].isupper():
        return _link_words(words, art, lang)
    if fold_plain(words[0].text) in region_types() and len(words) > 1:
        return _region_named(art.text[words[0].start:words[1].end], words[:2], art, lang)
    return None


def _region_named(surface: str, span: list[Token], art: Article, lang: str) -> Entity | None:
    from pipeline.normalise import country_context
    from pipeline.normalise.gazetteer import get_gazetteer
    place = get_gazetteer().link(surface, None, lang, country_context(art.places))
    if place is None or place.feature != "region":
        return None
    art.places.setdefault(place.key, place)
    return Entity(place.key, span[0].start, span[-1].end, frozenset(), True)


def _coordinated_after(s: Sent, ents: list[Entity], verb: int, vs, place_preps, art: Article) -> list[Entity]:
    """The subject told after the verb: the first party after it and each next one joined to
    it by `i`/`и`/`і` or told as the other side ("ze strony polskiej – X, ze strony
    białoruskiej – Y"); a place after `w`/`в` is where, not who."""
    toks = s.tokens
    after = [e for e in _in_sentence(ents, art.text, toks[verb].end, s.end)
             if not (e.is_place and _prep_before(s, e.start, place_preps))]
    out = after[:1]
    for e in after[1:]:
        gap = [t for t in toks if out[-1].end <= t.start and t.end <= e.start]
        joined = (any(any_word(vs, t, "and_words") for t in gap) and len(gap) <= 3) \
            or art.text[out[-1].end:e.start].strip() == ","  # "X, Y i Z"
        sides = any(v.match_at(gap, k, p) for v in vs for k in range(len(gap)) for p in v.words("both_sides"))
        if not (joined or (gap and sides and len(gap) <= 6)):
            break
        out.append(e)
    span = list(range(verb + 1, len(toks)))
    out += (joined := _joined_orgs(s, out, ents, span, art, vs)) if out else []
    out += _joined_towns(s, out, ents + joined, span, art, vs) if out else []
    return out if len(out) >= 2 else []


def _joined_orgs(s: Sent, found: list[Entity], ents: list[Entity], span: list[int], art: Article,
                 vs) -> list[Entity]:
    """"przez Poleski Park Narodowy i Szacki Park Narodowy": two or more capitalised words with an
    organisation's head noun (Park, Izba, Университет ...), joined to a party by `i`/`и`/`і` and
    left untagged by the NER, are an organisation (the article's of that name, else a new one)."""
    from pipeline.extract.cues import org_head
    from pipeline.normalise.lemmas import lemmatise
    toks = s.tokens
    out: list[Entity] = []
    for k in span[:-1]:
        t = toks[k]
        if not any_word(vs, t, "conjunctions") or not t.text.islower() \
                or not any(f.end == toks[k - 1].end for f in found + out):  # not "z": "Stowarzyszenie z Wołkowyska"
            continue
        run = [k + 1]
        while run[-1] + 1 in span and toks[run[-1] + 1].text[:1].isupper() \
                and not art.text[toks[run[-1]].end:toks[run[-1] + 1].start].strip():
            run.append(run[-1] + 1)
        words = [toks[i] for i in run]
        if len(run) < 2 or not words[0].text[:1].isupper() or any(e.start < words[-1].end and words[0].start < e.end for e in ents) \
                or not any(org_head(toks, i, s.lang) for i in run):
            continue
        surface = art.text[words[0].start:words[-1].end]
        org = _organisation(art, lemmatise(surface, s.lang, "ORG") or surface)
        if all(f.key != org.key for f in found + out):
            out.append(Entity(org.key, words[0].start, words[-1].end, _heads(surface), False))
    return out


def _joined_towns(s: Sent, found: list[Entity], ents: list[Entity], span: list[int], art: Article,
                  vs) -> list[Entity]:
    """"Zamość i Bielce podpisały", "przez Gminę Hańsk i Rejon Szacki": a town or district joined
    to a party by `i`/`и`/`і` that the NER left untagged (or took for a person), linked by the
    gazetteer; `span` is the token indices to look in."""
    toks = s.tokens
    out: list[Entity] = []
    for k in span[1:-1]:
        t, nxt = toks[k], toks[k + 1]
        if k + 1 not in span or any(e.start <= nxt.start < e.end for e in ents) \
                or not any(f.end == toks[k - 1].end for f in found + out) \
                or not any_word(vs, t, "and_words"):
            continue
        e = _town_or_unit([toks[i] for i in (k + 1, k + 2) if i in span], art, s.lang)
        if e is not None and all(f.key != e.key for f in found + out):
            out.append(e)
    return out


def _own_partner(s: Sent, subj: list[Entity], here: list[Entity], verb: int,
                 groups: list[list[tuple[int, int, str]]], gi: int, vs) -> list[Entity]:
    """"X podpisało porozumienie z A oraz list intencyjny z B": one subject, and each document
    the partner joined to it by `z`/`с`/`з` after its own name."""
    toks = s.tokens
    before = [e for e in subj if e.start < toks[verb].start]
    g = groups[gi]
    lo = toks[g[-1][0] + g[-1][1] - 1].end
    hi = toks[groups[gi + 1][0][0]].start if gi + 1 < len(groups) else s.end
    if len(before) != 1:
        return subj
    for e in here:
        if lo <= e.start < hi and not e.is_place:
            gap = [t for t in toks if lo <= t.start and t.end <= e.start]  # "z Brzeskim Obwodowym Komitetem"
            if any(any_word(vs, t, "and_words") for t in gap):
                return before + [e]
    return subj


def _untagged_orgs(toks: list[Token], lo: int, stop: int, ents: list[Entity], art: Article) -> list[Entity]:
    """Runs of two or more capitalised words before token `stop` that the NER left untagged but
    that name an organisation of the article ("SIT i Witebskie Obwodowe Centrum Turystyki
    podpisały", the centre tagged only where first named)."""
    from pipeline.normalise.organisations import signatures_match
    out, run = [], []
    for t in toks[:stop] + [None]:
        free = t is not None and t.start >= lo and t.text[:1].isupper() and not t.text.isupper() \
            and not any(e.start <= t.start < e.end for e in ents)
        if free:
            run.append(t)
            continue
        if len(run) >= 2:
            name = art.text[run[0].start:run[-1].end]
            org = next((o for o in art.organisations.values() if signatures_match(o.name, name)), None)
            if org is not None:
                out.append(Entity(org.key, run[0].start, run[-1].end, _heads(name), False))
        run = []
    return out


def _abbreviates(token: str, surface: str, e: Entity, art: Article) -> bool:
    """Is `token` (an acronym such as KOM, SIT, ГрДУ) a name of the organisation mentioned as
    `surface`: the same text, its recorded acronym, or the initials of its capitalised words?"""
    if sum(c.isupper() for c in token) < 2 or e.is_place:
        return False
    if surface == token:
        return True
    org = art.organisations.get(e.key)
    if org is not None and token in (org.acronym, *org.aliases):
        return True
    if re.match(rf"[^()\n.]{{0,40}}\({re.escape(token)}\)", art.text[e.end:e.end + 60]):
        return True  # "Гродзенскі дзяржаўны ўніверсітэт імя Янкі Купалы (ГрДУ)": defined right after the name
    words = [w for w in re.split(r"[\s\-]+", surface.split("„")[0].split("«")[0].split('"')[0]) if w[:1].isupper()]
    initials = "".join(w[0] for w in words).upper()
    return len(token) >= 2 and token.isupper() and initials[:len(token)] == token and len(words) >= len(token)


def _prep_before(s: Sent, offset: int, preps: list[str]) -> bool:
    prev = [t for t in s.tokens if t.end <= offset][-2:]
    return any(t.lower in preps for t in prev)


def _two_parties_of(prev: Sent | None, prior: list[Entity], text: str, art: Article) -> list[Entity]:
    """The two parties a sentence names (organisations or administrative units), if it names
    exactly two."""
    if prev is None:
        return []
    units = [_as_unit(e, prev, art) for e in _in_sentence(prior, text, prev.start, prev.end)]
    units = [e for e in units if not e.is_place or art.places[e.key].feature == "region"]
    if not units:  # "Miasto Przemyśl i Rejon Samborski będą ...": both left untagged by the NER
        units = _untagged_towns(prev, art)
    return list({e.key: e for e in units}.values()) if len({e.key for e in units}) == 2 else []


def _untagged_towns(s: Sent, art: Article) -> list[Entity]:
    """The town or district on each side of the sentence's first `i`/`и`/`і` (up to two
    capitalised words each: "Miasto Przemyśl i Rejon Samborski"), where the gazetteer links both."""
    toks = s.tokens
    vs = sentence_vocabs(toks, s.lang)
    k = next((k for k in range(1, len(toks) - 1) if any_word(vs, toks[k], "conjunctions")), None)
    if k is None:
        return []
    before = [t for t in toks[max(0, k - 2):k] if t.text[:1].isupper()]
    after = [t for t in toks[k + 1:k + 3] if t.text[:1].isupper()]
    if not before or not after or before[-1] is not toks[k - 1] or after[0] is not toks[k + 1]:
        return []
    sides = [_link_words(before, art, s.lang), _link_words(after, art, s.lang)]
    return [e for e in sides if e is not None] if all(sides) else []


def _parties_told_next(cues: list[SentCues], si: int, ents: list[Entity], art: Article,
                       need_noun: bool = True) -> list[Entity]:
    """"W środę podpisano list intencyjny. Stronami dokumentu są A oraz B.", "Сторонами соглашения
    стали A и B": a signing with no parties of its own, whose parties the next sentence of its
    paragraph tells with `strona`/`сторона`/`бакі` (`party_nouns`), with no signing of its own.
    Without the noun when the signing itself says the sides signed ("Соглашение стороны подписали
    ... В переговорах участвовали A и B")."""
    if si + 1 >= len(cues) or cues[si + 1].sent.block != cues[si].sent.block:
        return []
    nxt = cues[si + 1].sent
    vs = sentence_vocabs(nxt.tokens, nxt.lang)
    if _signing(nxt, art.text) or (need_noun and not any(any_word(vs, t, "party_nouns") for t in nxt.tokens)):
        return []
    return _two_parties_of(nxt, ents, art.text, art)


def _partner_named_next(cues: list[SentCues], si: int, verb: int, ents: list[Entity], art: Article) -> Entity | None:
    """"X podpisała umowę z partnerem z Mołdawii. Partnerem jest Y z Soroki": a signing `z`
    `partnerem`/`с партнёром` (`partner_nouns`) that names no partner, and the next sentence of
    its paragraph, with no signing of its own, telling the partner: its one organisation."""
    s = cues[si].sent
    toks = s.tokens
    vs = sentence_vocabs(toks, s.lang)
    told = any(any_word(vs, toks[i - 1], "with_preps") and any_word(vs, toks[i], "partner_nouns")
               for i in range(max(verb, 1), len(toks)))
    if not told or si + 1 >= len(cues) or cues[si + 1].sent.block != s.block:
        return None
    nxt = cues[si + 1].sent
    nvs = sentence_vocabs(nxt.tokens, nxt.lang)
    if _signing(nxt, art.text) or not any(any_word(nvs, t, "partner_nouns") for t in nxt.tokens):
        return None
    orgs = {e.key: e for e in _in_sentence(ents, art.text, nxt.start, nxt.end) if not e.is_place}
    return next(iter(orgs.values())) if len(orgs) == 1 else None


def _heading_parties(cues: list[SentCues], si: int, prior: list[Entity], art: Article) -> list[Entity]:
    """"Porozumienie Podlaskiej Izby Rolniczej z Grodzieńskim Związkiem Rolników" / "W poniedziałek
    w Sokółce podpisano porozumienie o współpracy.": the two parties the article's heading names,
    with a name the NER left untagged there (capitalised words with an organisation head noun)."""
    head = next((c.sent for c in cues[:si] if c.sent.heading), None)
    if head is None:
        return []
    named = sorted(prior + _capitalised_orgs(head, prior, art), key=lambda e: e.start)
    return _two_parties_of(head, named, art.text, art)


def _capitalised_orgs(s: Sent, ents: list[Entity], art: Article) -> list[Entity]:
    """Runs of two or more capitalised words, outside any entity, with an organisation head noun
    among their first three, after the sentence's first word: names the NER left untagged."""
    from pipeline.normalise.lemmas import lemmatise
    out: list[Entity] = []
    run: list[Token] = []
    for t in s.tokens[1:] + [None]:
        free = t is not None and t.text[:1].isupper() and not any(e.start <= t.start < e.end for e in ents) \
            and (not run or not art.text[run[-1].end:t.start].strip())
        if free:
            run.append(t)
            continue
        if len(run) >= 2 and any(_head_word(w, s.lang) for w in run[:3]):
            surface = art.text[run[0].start:run[-1].end]
            org = _organisation(art, lemmatise(surface, s.lang, "ORG") or surface)
            out.append(Entity(org.key, run[0].start, run[-1].end, _heads(surface), False))
        run = [t] if t is not None and t.text[:1].isupper() and not any(e.start <= t.start < e.end for e in ents) else []
    return out


def _sides(prior: list[Entity], text: str, prev: Sent | None, art: Article) -> list[Entity]:
    """`obie strony`, `стороны`: the two parties of the sentence before (organisations or
    administrative units), else the two organisations named last."""
    told = _two_parties_of(prev, prior, text, art)
    if told:
        return told
    prior = _in_sentence(prior, text, 0, len(text))
    for pool in ([e for e in prior if not e.is_place], prior):
        out: list[Entity] = []
        for e in reversed(pool):
            if all(f.key != e.key for f in out):
                out.append(e)
            if len(out) == 2:
                return list(reversed(out))
    return []


def _partner_only(s: Sent, here: list[Entity], vs) -> Entity | None:
    """The one organisation of a sentence, told as a partner (`z B`, `с B`, `з B`)."""
    own = [e for e in here if not e.is_place]
    if len({e.key for e in own}) != 1:
        return None
    prev = [t for t in s.tokens if t.end <= own[0].start][-1:]
    if not prev or not any_word(vs, prev[0], "and_words") or prev[0].text[:1].isupper():
        return None
    return own[0]


def _with_last_signatory(s: Sent, here: list[Entity], prior: list[Entity], done: list[AgDraft], vs) -> list[Entity]:
    """"X podpisała porozumienie z A. Planowane jest podpisanie umowy z B.": a document with only
    a partner (`z B`, `с B`) is signed by the one who signed the agreement told before."""
    partner = _partner_only(s, here, vs)
    last = next((d for d in reversed(done) if not d.unsigned and len(d.parties) >= 2), None)
    if partner is None or last is None or partner.key in last.parties:
        return []
    signatory = next((e for e in reversed(prior) if e.key == last.parties[0]), None)
    return [signatory, partner] if signatory is not None else []


def _with_previous_subject(s: Sent, here: list[Entity], prev: Sent | None, prior: list[Entity], vs) -> list[Entity]:
    """"Delegacja X przebywała w Nowogródku. Drugiego dnia goście podpisali porozumienie z Y.",
    "Делегация X посетила Люблин. В ходе визита был подписан договор с Y": a document with only a
    partner and no subject of its own is signed by the first organisation of the sentence before
    (of the same paragraph), the one that sentence is about; with none there (a paragraph opening
    "W czwartek zawarto porozumienie z Y"), by the article's organisation: the one named most
    often before (the first of those)."""
    partner = _partner_only(s, here, vs)
    if partner is None:
        return []
    orgs = [e for e in prior if not e.is_place and e.key != partner.key]
    told = [e for e in orgs if prev is not None and e.start >= prev.start]
    first = told[0] if told else _most_named(orgs)
    return [first, partner] if first is not None else []


def _most_named(ents: list[Entity]) -> Entity | None:
    counts: dict[str, int] = {}
    for e in ents:
        counts[e.key] = counts.get(e.key, 0) + 1
    return max(ents, key=lambda e: (counts[e.key], -ents.index(e)), default=None)


def _infinitive(t: Token) -> bool:
    return bool(t.tags) and all(x.startswith("inf") or "INFN" in x for x in t.tags)


def _status(c: SentCues, verb: int, date: str, published: str) -> str:
    if date and published:
        n = len(date)
        if date > published[:n]:
            return "planned"
        if date < published[:n]:
            return "signed"
    if any(t == "planned" for _, t in c.tense):
        return "planned"
    if 0 <= verb < len(c.sent.tokens) and _infinitive(c.sent.tokens[verb]):
        return "planned"  # "договорились ... подписать меморандум", "zamierzają podpisać"
    if _pending(c.sent, verb):
        return "planned"
    near = sorted(c.tense, key=lambda t: abs(t[0] - verb))
    if near and near[0][1] == "future":
        return "planned"
    return "signed"


PENDING_TO_SIGNING = 3  # tokens from "przygotowują się"/"ожидается" to the signing it awaits


def _pending(s: Sent, verb: int) -> bool:
    """"przygotowują się do podpisania", "czeka na podpisanie", "ожидается подписание": a signing
    prepared for or awaited (`pending_words` just before it) is still to come."""
    toks = s.tokens
    return any(any_word(vocabs_for(t, s.lang), t, "pending_words") for t in toks[max(0, verb - PENDING_TO_SIGNING):max(verb, 0)])


VERB_TO_VENUE = 6  # tokens from "podpisano"/"был подписан" to the place it was signed at


def _venue(c: SentCues, art: Article, between: int | None, trigger: int, verb: int = -1,
           title_end: int = -1, retold: bool = False) -> str:
    """Where it was signed: a place with `w`/`в`/`у` before the document's name (after it, a
    place belongs to the document's content: "partnerów w obwodzie smoleńskim"), shortly
    after the signing or holding verb that follows the name ("Umowę podpisano w Grodnie",
    "Podpisanie umowy odbyło się 6 czerwca w Łucku"), or right after the name with only a date
    between ("podpiszą porozumienie o współpracy 21 listopada w Mińsku"). A sentence that only
    retells the signing ("Uroczystość miała miejsce 17 września w Białymstoku") has no content
    of the document in it: any place it names after `w`/`в` is where."""
    v = sentence_vocab(c.sent.lang)
    preps = v.words("place_preps")
    toks = c.sent.tokens
    dated = {i for m in c.sent.mentions if m.label == "DATE" for i, t in enumerate(toks) if m.start <= t.start < m.end}
    vs = sentence_vocabs(toks, c.sent.lang)
    anchors = [verb] + [i for i in range(trigger + 1, len(toks))
                        if any_word(vs, toks[i], "held_verbs")]
    first_after = next((i for i, t in enumerate(toks) if t.start >= title_end), len(toks)) if title_end >= 0 else len(toks)

    def near(a: int, i: int) -> bool:
        return trigger < a < i and i - a - len(dated & set(range(a, i))) <= VERB_TO_VENUE

    for p in c.places:
        after_verb = retold or any(near(a, p.i) for a in anchors) \
            or (p.i - 1 > first_after and set(range(first_after, p.i - 1)) <= dated)
        if p.strength < 1 or (between is not None and p.i > between and not after_verb) or (p.i > trigger and not after_verb):
            continue
        prev = c.sent.tokens[p.i - 1].lower if p.i > 0 else ""
        if prev in preps and not _in_a_name(c.sent, p.i - 1):
            return p.key
    return ""


def _in_a_name(s: Sent, prep: int) -> bool:
    """"Starostwo Powiatowe w Sokółce", "Uniwersytetem w Białymstoku" split by the NER: the
    preposition inside, or right after, an organisation's mention belongs to its name."""
    toks = s.tokens
    ends = {m.end for m in s.mentions if m.label == "ORG"}
    return any(m.label == "ORG" and m.start <= toks[prep].start < m.end for m in s.mentions) \
        or (prep > 0 and toks[prep - 1].end in ends)


def _clause_ordinal(c: SentCues, i: int, art: Article) -> int | None:
    """The ordinal day told in token i's clause before it ("Pierwszego dnia goście spotkali się
    ..., a drugiego dnia ... podpisano": day 2), else the sentence's (its first ordinal)."""
    toks = c.sent.tokens
    if c.ordinal is None or not 0 <= i < len(toks):
        return c.ordinal
    first = next(k for k in range(i + 1) if c.clause[k] == c.clause[i])
    own = ordinal_day(art.text[toks[first].start:toks[i].end], c.sent.lang)
    return own if own is not None else c.ordinal


def _date_from_event(c: SentCues, ev: Draft | None, rng: tuple[str, str] | None, ordinal: int | None) -> str:
    if ev is not None and ev.is_range():
        rng = (ev.start, ev.end)
    if ordinal is not None and rng:
        day = rng[1] if ordinal == -1 else day_shift(rng[0], ordinal - 1) if ordinal > 0 else ""
        if day and rng[0] <= day <= rng[1]:
            return day
    if c.end_marker and ev is not None and ev.end:
        return ev.end
    if ev is not None and ev.is_range():
        return ""  # "Podczas wizyty (10–14 kwietnia) podpisano": which day is not told
    if ev is not None and ev.start:
        return ev.start
    return ""


def _title_end(s: Sent, after: int, text: str) -> int:
    """End of a document's name: its `o współpracy ...` / `о сотрудничестве` complement (up to
    three words) and a name in parentheses right after it."""
    toks = s.tokens
    end = toks[after - 1].end
    if after + 1 < len(toks) and toks[after].lower in ("o", "о", "об", "аб", "про") \
            and not text[end:toks[after].start].strip():
        k = after + 2  # "o współpracy", "о сотрудничестве", "аб супрацоўніцтве" (+ one adjective)
        if k < len(toks) and toks[k].text[:1].islower() and toks[k].lower.endswith(("ej", "ой", "ай", "ym", "ом")) \
                and not text[toks[k - 1].end:toks[k].start].strip():
            k += 1
        end = toks[k - 1].end
    rest = text[end:s.end]
    if ")" in rest and (rest.lstrip().startswith("(") or text[toks[0].start:end].count("(") >
                        text[toks[0].start:end].count(")")):
        end += rest.index(")") + 1
    return end


def detect(art: Article, cues: list[SentCues], sent_ctx: list[dict], ents: list[Entity]) -> list[AgDraft]:
    out: list[AgDraft] = []
    para_date: dict[int, str] = {}
    lead: tuple[int, int] | None = None  # (sentence, signing verb) of a "Podpisano:" whose items follow
    dateline = _dateline(cues, art)
    for si, c in enumerate(cues):
        s = c.sent
        ctx = sent_ctx[si]
        if ctx.get("date"):
            para_date[s.block] = ctx["date"]
        hits = _hits(s)
        signs = _signing(s, art.text) or _outcome_of_event(c, hits, art.text)
        if signs and not hits and _opens_list(s, art.text):
            lead = (si, signs[0])
            continue
        item = lead is not None and bool(hits) and not signs
        if item:  # "1) umowę o współpracy między X a Y;": signed by the "Podpisano:" it follows
            signs = [hits[0][0]]
        elif not hits or signs:
            lead = None
        if not hits and not signs and out and si - 1 in out[-1].sents:
            signs = _signing(s, art.text, "ceremony_nouns")  # "Церемония прошла 16 мая в Бресте": the signing told next
        retold = not hits and bool(signs) and bool(out)
        if retold and (similar := _similar_document(s)):  # "Аналогичный документ подписан и со Y": another one
            retold, hits = False, [(similar, 1, out[-1].atype)]
        elif retold:  # "Dokument podpisano 26 kwietnia w Orszy", "Церемония подписания прошла"
            hits = _document_hits(s, out[-1].atype, signs if si - 1 in out[-1].sents else [])
        named = _named_next(cues, si, signs, art.text) if signs and not hits else None
        if named:
            hits = named[0]
        elif signs and not hits:  # "Соответствующий документ подписали X и Y", "podpisały dokument o współpracy"
            hits = _document_signed(s, signs, art.text)
        if not hits:
            continue
        vs = sentence_vocabs(s.tokens, s.lang)
        v = sentence_vocab(s.lang)
        prior = [e for e in ents if e.end <= s.start]
        here = [e for e in ents if e.start >= s.start and e.end <= s.end]
        between = between_index(s)
        groups: list[list[tuple[int, int, str]]] = []
        for h in hits:
            gap = s.tokens[groups[-1][-1][0] + groups[-1][-1][1]:h[0]] if groups else []
            if groups and len(gap) <= WINDOW and not any(any_word(vs, t, "conjunctions") for t in gap):
                groups[-1].append(h)  # "porozumienie ... oraz list intencyjny": two documents
            else:
                groups.append([h])
        pairs = _between_pairs(s, here, vs, art)
        prev = cues[si - 1].sent if si and cues[si - 1].sent.block == s.block else None
        if not signs:  # a document named before its signing is told: its parties, if `między X a Y` gives them
            for gi, g in enumerate(groups if pairs else []):
                atype = min((h[2] for h in g), key=TYPE_PRIORITY.index)
                for parties in (pairs if len(groups) == 1 else pairs[gi:gi + 1]):
                    parties = _seated(parties, s, art, here)
                    out.append(AgDraft(atype, si, s.tokens[g[0][0]].start, _title_end(s, g[-1][0] + g[-1][1], art.text),
                                       parties=list(dict.fromkeys(e.key for e in parties)), how="between",
                                       trigger_i=g[0][0], sents=[si], heading=s.heading, unsigned=True))
            continue
        verb = min(signs, key=lambda i: abs(i - groups[0][0][0]))
        for gi, g in enumerate(groups):
            atype = min((h[2] for h in g), key=TYPE_PRIORITY.index)
            title = named[1] if named else (s.tokens[g[0][0]].start, _title_end(s, g[-1][0] + g[-1][1], art.text))
            a = AgDraft(atype, si, *title, sents=[si])
            if pairs:
                chosen = pairs if len(groups) == 1 else pairs[gi:gi + 1]
            else:
                chosen = []
            if not chosen:
                subj = _subject(s, here, verb, prior, vs, v.words("place_preps"), art.text, art)
                if len(groups) > 1:
                    subj = _own_partner(s, subj, here, verb, groups, gi, vs)
                if len(subj) >= 2:
                    chosen, a.how = [subj], "subject"
                    if len(groups) == 1:  # "podpisał umowy z A oraz z B": one agreement with each
                        plural = _plural_object(s, verb, g[0][0])
                        more = _more_partners(s, subj, here, vs, art, plural)
                        if plural and len(subj) > 2 and all(e.start > s.tokens[verb].start for e in subj[1:]):
                            chosen = [[subj[0], p] for p in subj[1:]]  # "podpisała umowy z A oraz B": one each
                        elif not plural:  # "podpisała porozumienie z A i B": one document, three parties
                            chosen = [subj + [e for e in more if _joined_only(s, e, vs)]]
                            more = [e for e in more if not _joined_only(s, e, vs)]
                        chosen += [[subj[0], p] for p in more]
                elif len(subj) == 1 and (partner := _partner_named_next(cues, si, verb, ents, art)) is not None:
                    chosen, a.how = [[subj[0], partner]], "subject"
                elif told_next := _parties_told_next(cues, si, ents, art):
                    chosen, a.how = [told_next], "sides"
                elif any(v2.match_at(s.tokens, i, p) for v2 in vs for i in range(len(s.tokens))
                         for p in v2.words("both_sides")):
                    chosen, a.how = [_sides(prior, art.text, prev, art) or _parties_told_next(cues, si, ents, art, False)], "sides"
                elif not subj and not any(not e.is_place for e in here) and not (out and si - 1 in out[-1].sents) \
                        and (told := _two_parties_of(prev, prior, art.text, art) or _heading_parties(cues, si, prior, art)):
                    # "Podczas wizyty podpisano porozumienie": no party named, the two of the sentence before
                    # (unless that sentence told an agreement: this one retells it), else of the heading
                    chosen, a.how = [told], "sides"
                elif signed_by := _with_last_signatory(s, here, prior, out, vs):
                    chosen, a.how = [signed_by], "sides"
                elif not subj and (signed_by := _with_previous_subject(s, here, prev, prior, vs)):
                    chosen, a.how = [signed_by], "sides"
                else:
                    chosen, a.how = [[e for e in here if not e.is_place]], "all"
            else:
                a.how = "between"
            for parties in chosen:
                parties = _seated(parties, s, art, here)
                b = AgDraft(a.atype, si, a.start, a.end, sents=[si], how=a.how, trigger_i=g[0][0], heading=s.heading,
                            retold=retold, named_next=bool(named))
                b.parties = list(dict.fromkeys(e.key for e in parties))
                _when_where(b, c, ctx, art, between, para_date, out, verb, dateline)
                if item:
                    _from_list_lead(b, cues[lead[0]], lead[1], art)
                out.append(b)
    return out


def _opens_list(s: Sent, text: str) -> bool:
    """"W trakcie forum podpisano:", "Подписаны:": a signing with no document, ending in a colon,
    whose documents follow as the items of a list (one line, one document)."""
    return text[s.start:s.end].rstrip().endswith(":")


def _from_list_lead(a: AgDraft, lead: SentCues, verb: int, art: Article) -> None:
    """A list item's document is signed when and as its lead sentence says: the lead's own day,
    else the one found for the item, and the lead's tense ("Podpisane zostaną:")."""
    own = [d for d in lead.dates if d.precision >= 2]
    if own and not a.own_date:
        a.date, a.own_date, a.inferred = own[0].start, True, own[0].relative
    a.status = _status(lead, verb, a.date, art.published)


def _dateline(cues: list[SentCues], art: Article) -> tuple[str, str] | None:
    """"Grodno, 14 listopada 2019 r. – ...": the body's first sentence when it is only a town and
    a day (a dateline, cut from what follows; the town found by the gazetteer where the NER left
    it untagged); (day, place key), else None."""
    c = next((c for c in cues if not c.sent.heading), None)
    if c is None or len(c.dates) != 1 or c.dates[0].precision < 3 or c.dates[0].i == 0:
        return None
    s, toks = c.sent, c.sent.tokens
    comma = next((k for k in range(1, len(toks)) if "," in art.text[toks[k - 1].end:toks[k].start]), None)
    dated = {i for m in s.mentions if m.label == "DATE" for i, t in enumerate(toks) if m.start <= t.start < m.end}
    if comma is None or comma > 2 or any(i >= comma and i not in dated and t.text[:1].isalnum() for i, t in enumerate(toks)):
        return None
    key = next((p.key for p in c.places if p.i == 0 and p.strength >= 2), None) or \
        _gazetteer_place(art.text[toks[0].start:toks[comma - 1].end], s.lang, art, ("country", "region"))
    return (c.dates[0].start, key) if key else None


def _today_from_dateline(a: AgDraft, c: SentCues, dateline: tuple[str, str] | None) -> None:
    """"Grodno, 14 listopada. – X i Y zawarły dziś umowę": "today" (`today_words`, which the date
    grammar leaves alone as it mostly means "nowadays") in an article opening with a dateline is
    the dateline's day, and where it was filed is where, unless the sentence says."""
    vs = sentence_vocabs(c.sent.tokens, c.sent.lang)
    if dateline is None or a.date or not any(any_word(vs, t, "today_words") for t in c.sent.tokens):
        return
    a.date, a.own_date, a.inferred = dateline[0], True, False
    a.place = a.place or dateline[1]


def _when_where(a: AgDraft, c: SentCues, ctx: dict, art: Article, between: int | None,
                para_date: dict[int, str], done: list[AgDraft], verb: int,
                dateline: tuple[str, str] | None = None) -> None:
    own = [d for d in c.dates if d.precision >= 2]
    vs = sentence_vocabs(c.sent.tokens, c.sent.lang)
    years = [m.lemma for m in c.sent.mentions if m.label == "DATE" and re.fullmatch(r"\d{4}", m.lemma or "")
             and not (m.attrs.get("relative") and m.lemma == art.published[:4]) and not _period(m, vs)]
    # "Rok wcześniej", "Ещё в 2019 году", "ранее подписанное": not the day of the event told before
    before = bool(years) or any(any_word(vs, t, "earlier_words") for t in c.sent.tokens)
    verb_status = _status(c, verb, "", "")
    ev: Draft | None = ctx.get("ref")
    ordinal = _clause_ordinal(c, verb, art)
    if ev is None and (ordinal is not None or c.end_marker) and ctx.get("parent") is not None:
        ev = ctx["parent"]  # "Ostatniego dnia ... podpisały": a day of the event in force
    ev = ev or ctx.get("block") or ctx.get("last")
    if own:
        d = own[0]
        a.date, a.own_date, a.inferred = d.start, True, d.relative
    elif c.same_day and any(x.date for x in done):  # "Tego samego dnia", "В тот же день"
        a.date, a.inferred = next(x.date for x in reversed(done) if x.date), True
    elif c.day_offset and (any(len(x.date) == 10 for x in done) or (ev is not None and len(ev.start) == 10)):
        # "Dzień później", "Tydzień wcześniej", "На следующий день": from the agreement or event told before
        base = next((x.date for x in reversed(done) if len(x.date) == 10), None) or ev.start
        a.date, a.inferred = day_shift(base, c.day_offset), True
    elif years:
        a.date, a.own_date = years[0], True  # "w 2019 r. podpisały": known to the year
    elif before:
        pass
    elif verb_status == "signed" or ctx.get("ref") is not None:
        day = _date_from_event(c, ev, ctx.get("range"), ordinal)
        if ordinal is None and not c.end_marker and not ctx.get("ref") and para_date.get(c.sent.block):
            day = para_date[c.sent.block]
        a.date, a.inferred = day, bool(day)
    a.place = _unglued(art, _venue(c, art, between, a.trigger_i, verb, a.end, a.retold or a.named_next))
    at_event = ev is not None and (verb_status == "signed" or ctx.get("ref") is not None) \
        and (ctx.get("ref") is not None or not before) and _during(a, ev)
    if not a.place and at_event:
        a.place = ev.place
    if at_event:
        a.event = ev
    if a.place and a.date:  # the event held where and when it was signed
        for d in reversed(ctx.get("drafts", [])):
            if d.place == a.place and (d.start == a.date or d.contains(a.date, a.date)):
                a.event = d
                break
    _today_from_dateline(a, c, dateline)
    # "Program wizyty: ... podpisanie listu intencyjnego": at an event still to come, a signing is too
    a.status = _status(c, verb, a.date or (a.event.start if a.event is not None else ""), art.published)


def _period(m: Mention, vs) -> bool:
    """"program współpracy na 2022 rok", "план мероприятий на 2022 год": a year the document is
    for (`period_preps`), not when it was signed."""
    first = fold(m.text.split()[0]) if m.text.split() else ""
    return any(first in v.words("period_preps") for v in vs)


def _during(a: AgDraft, ev: Draft) -> bool:
    """Could the agreement have been signed at the event: no own date, or one inside the
    event's dates at the precision of the agreement's ("w marcu" is not at a May seminar)."""
    if not (a.own_date and a.date and ev.start):
        return True
    n = len(a.date)
    return ev.start[:n] <= a.date <= (ev.end or ev.start)[:n]


def merge(art: Article, drafts: list[AgDraft]) -> list[AgDraft]:
    """One agreement told several times (title, lead, body, a "КОРОТКО" box) is one row. A
    retelling without parties ("Podpisanie umowy odbyło się ...") joins the agreement told last,
    whatever the noun it uses; a heading sharing a party with the body tells the same one."""
    out: list[AgDraft] = []
    for a in drafts:
        target = None
        partyless = len(a.parties) < 2 or a.retold
        for b in (reversed(out) if partyless else out):
            generic = (partyless and a.atype == "cooperation_agreement" and not a.heading) or a.retold
            if (b.atype != a.atype and not generic) \
                    or (a.date and b.date and a.date[:7] != b.date[:7] and not (a.inferred or b.inferred)):
                continue
            if set(a.sents) & set(b.sents) and not (a.atype == b.atype and set(a.parties) == set(b.parties)):
                continue  # two documents of one sentence are two agreements
            small, big = sorted((a.parties, b.parties), key=len)
            same = [x for x in small if any(_same_party(art, x, y) for y in big)]
            if len(small) < 2 or a.retold or len(same) == len(small) or (same and (a.heading or b.heading)):
                target = b
                break
        if target is None:
            out.append(a)
            continue
        if target.unsigned and not a.unsigned:  # the signing told later gives status, day and place
            target.unsigned, target.si, target.status = False, a.si, a.status
            target.date, target.inferred, target.own_date = a.date, a.inferred, a.own_date
            target.place, target.event = a.place, a.event
        rank, target_rank = HOW_RANK.index(a.how), HOW_RANK.index(target.how)
        body_over_heading = target.heading and not a.heading and len(a.parties) >= 2 and rank <= target_rank
        if len(target.parties) < 2 or rank < target_rank or body_over_heading:
            target.parties, target.how, target.heading = a.parties, a.how, a.heading
        if a.own_date and not a.inferred and (not target.own_date or target.inferred):
            target.date, target.inferred, target.own_date = a.date, a.inferred, True
        if a.retold and a.own_date and a.status == "planned":  # "Parafowano umowę ... Jej podpisanie
            target.status, target.place = "planned", a.place or target.place  # zaplanowano na 12 września w Rzeszowie"
        elif not target.date:
            target.date, target.inferred = a.date, a.inferred
        target.place = target.place or a.place
        target.event = target.event or a.event
        target.sents += a.sents
    return [a for a in out if len(a.parties) >= 2 and not a.unsigned]


def to_agreements(art: Article, drafts: list[AgDraft], cues: list[SentCues], events: list[Draft]) -> list[Agreement]:
    out = []
    for a in drafts:
        s = cues[a.si].sent
        conf = 0.45 + 0.2 * (a.how == "between") + 0.1 * (a.how == "subject") + 0.1 * bool(a.date) \
            + 0.1 * bool(a.place) - 0.05 * a.inferred
        idx = next((n for n, d in enumerate(events) if d is a.event), None)
        out.append(Agreement(agreement_type=a.atype, start=s.start, end=s.end, title=art.text[a.start:a.end],
                             date=a.date, date_inferred=a.inferred and bool(a.date), place_key=a.place,
                             parties=list(a.parties), status=a.status, event_index=idx,
                             confidence=round(min(conf, 0.95), 3)))
    return out
