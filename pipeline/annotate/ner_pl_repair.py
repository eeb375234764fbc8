"""Post-step after the Polish NER: organisation spans built around head words, place adjectives.

The CNN often cuts long organisation names (`Podlaska Fundacja` | `Rozwoju Regionalnego`) or
tags the place inside them (`Wolna Strefa Ekonomiczna „Mohylew”` -> LOC `Mohylew`). Here a
capitalised head word from `pipeline/lang/pl/org_heads.json` with the capitalised adjectives
before it and the capitalised words, connectors and a quoted name after it becomes one ORG span
that absorbs the model's overlapping spans. A lower-case adjective tagged LOC (`białoruskich`)
becomes LOC_ADJ: it names no place. A model organisation span that ends in a preposition or
conjunction (`Ośrodka Kultury w` | LOC `Terespolu`) or starts inside a hyphenated adjective
(LOC `Polsko` | `Białoruskie Forum Gospodarcze`) gets its edges put right (`name_edges`; the
compound prefixes are `pipeline/lang/pl/compound_prefixes.txt`), and one that opens a quote
runs on to the closing quote (`quoted_name_ends`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.annotate.pl_features import analyse, is_org_head
from pipeline.annotate.stateless import StatelessComponent
from pipeline.lang import LANG_DIR, data_lines, load_json
from pipeline.normalise.morph import morfeusz

REPAIR_NAME = "pl_ner_repair"
NESTED_KEY = "pl_nested"  # doc.spans key of places inside organisation names
_OPEN_QUOTES = {"„", "«", '"', "“"}
_CLOSE_QUOTES = {"”", "»", '"', "“"}


@lru_cache(maxsize=None)
def connectors() -> frozenset[str]:
    """Lower-case words allowed inside an organisation name between capitalised words (ds., i, na)."""
    return frozenset(load_json("pl", "org_heads.json")["connectors"])


@lru_cache(maxsize=None)
def place_prepositions() -> frozenset[str]:
    return frozenset(load_json("pl", "org_heads.json")["place_prepositions"])


@lru_cache(maxsize=None)
def name_place_prepositions() -> frozenset[str]:
    """Prepositions that bring a place into an organisation's name (`Ośrodek Kultury w Terespolu`),
    unlike those of a destination or origin (`do Grodna`, `z Zamościa`)."""
    return frozenset(load_json("pl", "org_heads.json")["name_place_prepositions"])


@lru_cache(maxsize=None)
def non_final_words() -> frozenset[str]:
    """Words that never end a name: conjunctions and the prepositions among the connectors and place
    prepositions (`w`, `i`, `dla`; not the abbreviations `ds.`, `im.`, `k.`, which a name may end in)."""
    data = load_json("pl", "org_heads.json")
    words = set(data["conjunctions"]) | set(data["connectors"]) | set(data["place_prepositions"])
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=None)
def compound_prefixes() -> frozenset[str]:
    """First parts of hyphenated adjectives (`polsko-`, `litewsko-`), pipeline/lang/pl/compound_prefixes.txt."""
    return frozenset(data_lines(LANG_DIR / "pl" / "compound_prefixes.txt"))


def _cap(tok) -> bool:
    return tok.text[:1].isupper()


def _is_adj(tok) -> bool:
    return analyse(tok.text)[1].startswith("adj")


def _is_head(tok) -> bool:
    return is_org_head(tok.text)


def _starts_org(doc: Doc, i: int, sent_end: int) -> bool:
    """Whether a new organisation name begins at token i (`... i Wolnej Strefy`): a head within
    the capitalised adjectives that start there."""
    j = i
    while j < min(sent_end, i + 4):
        if _is_head(doc[j]):
            return True
        if not (_cap(doc[j]) and _is_adj(doc[j])):
            return False
        j += 1
    return False


def _person_follows(doc: Doc, i: int) -> bool:
    """A person's name starts at token i (`Komisji Europejskiej Jean-Claude Juncker`): the model's PER
    or a first name outside a model ORG; after `im.` it is part of the name (Fundacja im. Jana ...)."""
    tok = doc[i]
    if i > 0 and doc[i - 1].lower_ == "im.":
        return False
    if tok.ent_type_ == "PER":
        return True
    return tok.ent_type_ != "ORG" and "first" in analyse(tok.text)[1].split("|")


def org_run(doc: Doc, head: int) -> tuple[int, int] | None:
    """Token range of the organisation name around a capitalised head word, or None if only the head."""
    sent_start = doc[head].sent.start if doc.has_annotation("SENT_START") else 0
    start = head
    while start - 1 >= sent_start:
        prev = doc[start - 1]
        if _cap(prev) and _is_adj(prev) and not prev.is_sent_start:
            start -= 1
        elif prev.text == "-" and start - 2 >= sent_start and _cap(doc[start - 2]) and not prev.whitespace_:
            start -= 2
        else:
            break
    end = head + 1
    n = len(doc)
    sent_end = doc[head].sent.end if doc.has_annotation("SENT_START") else n
    while end < sent_end:
        tok = doc[end]
        if tok.text in _OPEN_QUOTES:
            close = next((j for j in range(end + 1, min(sent_end, end + 8)) if doc[j].text in _CLOSE_QUOTES), None)
            if close is None or close == end + 1:
                break
            end = close + 1
            break
        if _person_follows(doc, end):
            break
        if _cap(tok) and tok.is_alpha or (tok.text.isupper() and len(tok.text) > 1):
            end += 1
        elif tok.text == "-" and not tok.whitespace_ and end + 1 < sent_end and _cap(doc[end + 1]):
            end += 1
        elif tok.lower_ in connectors() and end + 1 < sent_end and _cap(doc[end + 1]) \
                and not _starts_org(doc, end + 1, sent_end):
            end += 1
        else:
            break
    if end - start < 2:
        return None
    return start, end


def _compound_start(doc: Doc, start: int) -> int:
    """Start of the hyphenated adjective a name's first word ends (`Polsko-Białoruskie`, `Polsko-Litewsko-Ukraińska`)."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in compound_prefixes():
        start -= 2
    return start


def _replaced(ents: list[Span], fixed: list[Span]) -> list[Span]:
    """`ents` with the repaired spans in, and every span they overlap out."""
    if not fixed:
        return ents
    kept = [e for e in ents if _free(fixed, e.start, e.end)]
    return sorted(kept + fixed, key=lambda e: e.start)


def name_edges(doc: Doc, ents: list[Span]) -> list[Span]:
    """Organisation spans cut at a wrong word: one that ends in a preposition that names take places
    with takes the place right after it (`Ośrodka Kultury w` + LOC `Terespolu` -> one ORG, the NKJP
    reading: a place nested in the name); one that ends in another preposition or a conjunction
    (`Klastra Obróbki Metali do` + LOC `Grodna`), or in that preposition with no place after it, loses the word; one that starts after a hyphenated
    compound's first part takes it (LOC `Polsko` + ORG `Białoruskie Forum` -> `Polsko-Białoruskie Forum`)."""
    ents = sorted(ents, key=lambda e: e.start)
    starts = {e.start: e for e in ents}
    fixed: list[Span] = []
    for e in ents:
        if e.label_ != "ORG":
            continue
        a, b = _compound_start(doc, e.start), e.end
        while b - a > 1 and doc[b - 1].lower_ in non_final_words():
            nxt = starts.get(b)
            if doc[b - 1].lower_ in name_place_prepositions() and (
                    nxt is not None and nxt.label_ == "LOC" or nxt is None and b < len(doc) and _gazetteer_place(doc[b])):
                b = nxt.end if nxt is not None else b + 1
                break
            b -= 1
        if (a, b) != (e.start, e.end):
            fixed.append(Span(doc, a, b, label="ORG"))
    return _replaced(ents, fixed)


def _open_quotes(span: Span) -> int:
    """Opening quotes in a span that no closing quote after them matches."""
    depth = 0
    for tok in span:
        if tok.text in _OPEN_QUOTES and not (tok.text in _CLOSE_QUOTES and depth):
            depth += 1
        elif tok.text in _CLOSE_QUOTES and depth:
            depth -= 1
    return depth


def _after_event_noun(doc: Doc, start: int, adjectives: int = 2) -> bool:
    """An event noun stands before a quoted name, perhaps with lower-case adjectives between
    (`konferencja „...”`, `targach spożywczych „...”`): the name is the event's title."""
    from pipeline.normalise.organisations import event_heads

    i = start - 1
    while i >= 0 and start - 1 - i < adjectives and doc[i].text.islower() and _is_adj(doc[i]):
        i -= 1
    if i < 0:
        return False
    lemmas = {lem.split(":", 1)[0] for _, _, (_, lem, *_rest) in morfeusz(expand_tags=False).analyse(doc[i].text)}
    return bool(lemmas & event_heads())


def quoted_name_ends(doc: Doc, ents: list[Span], reach: int = 8) -> list[Span]:
    """A name whose span opens a quote and stops before it closes (`Stowarzyszenie „Razem` |
    `na Pograniczu”`) runs on to the closing quote when that comes within `reach` tokens of the
    same sentence, absorbing what the model tagged inside. A quoted name right after an event
    noun is the event's title, not an organisation: EVT."""
    ents = sorted(ents, key=lambda e: e.start)
    fixed: list[Span] = []
    for e in ents:
        if e.label_ not in ("ORG", "LOC", "EVT", "PRO"):
            continue
        end = e.end
        if _open_quotes(e):
            limit = min(doc[e.start].sent.end if doc.has_annotation("SENT_START") else len(doc), e.end + reach)
            close = next((j for j in range(e.end, limit) if doc[j].text in _CLOSE_QUOTES | _OPEN_QUOTES), None)
            if close is not None and doc[close].text in _CLOSE_QUOTES:
                end = close + 1
        label = "EVT" if doc[e.start].text in _OPEN_QUOTES and _after_event_noun(doc, e.start) else e.label_
        if (end, label) != (e.end, e.label_):
            fixed.append(Span(doc, e.start, end, label=label))
    return _replaced(ents, fixed)


def contrast_splits(doc: Doc, ents: list[Span]) -> list[Span]:
    """`a` between two capitalised names is the `a` of `między X a Y` and joins two
    organisations, never the words of one name: an ORG span across it becomes two."""
    fixed: list[Span] = []
    for e in ents:
        cut = next((i for i in range(e.start + 1, e.end - 1) if doc[i].text == "a"
                    and _cap(doc[i - 1]) and _cap(doc[i + 1])), None) if e.label_ == "ORG" else None
        if cut is not None:
            fixed += [Span(doc, e.start, cut, label="ORG"), Span(doc, cut + 1, e.end, label="ORG")]
    return _replaced(ents, fixed)


def _nominative_given_name(word: str) -> bool:
    """A given name that can only be a nominative here (`Iwan`, `Andrzej`; not `Jana`, `Anny`,
    which may be genitives inside a name: `Fundacja Anny Dymnej`)."""
    from pipeline.normalise.morph import pl_analyses

    given = [tag for _lemma, tag, quals in pl_analyses(word) if "imię" in quals]
    return bool(given) and all(":nom:" in tag or ":voc:" in tag for tag in given)


def person_tails(doc: Doc, ents: list[Span], longest: int = 3) -> list[Span]:
    """An organisation span that runs on into the name of the person after it
    (`przewodniczący Izby Iwan Topał`) is cut where a nominative given name starts the
    capitalised tail, which becomes PER."""
    fixed: list[Span] = []
    for e in ents:
        if e.label_ != "ORG":
            continue
        for i in range(max(e.start + 1, e.end - longest), e.end - 1):
            tail = doc[i:e.end]
            if doc[i - 1].lower_ != "im." and all(_cap(t) and t.is_alpha for t in tail) \
                    and _nominative_given_name(doc[i].text):
                fixed += [Span(doc, e.start, i, label="ORG"), Span(doc, i, e.end, label="PER")]
                break
    return _replaced(ents, fixed)


def _place_word(tok) -> bool:
    """Capitalised place noun (SGJP geographic name or gazetteer hit) or place adjective (-ski/-cki)."""
    if not _cap(tok) or not tok.is_alpha:
        return False
    lemma, cls = analyse(tok.text)
    parts = cls.split("|")
    if parts[0] == "adj":
        return lemma.endswith(("ski", "cki", "dzki"))
    return (parts[0] in ("subst", "ign") and ("geo" in parts or "gaz" in parts)
            and "first" not in parts and "orghead" not in parts)


def nested_places(doc: Doc) -> list[Span]:
    """LOC spans inside ORG entities (`Ministerstwo Gospodarki Białorusi` -> `Białorusi`), the
    nested level NKJP/PolEval annotate; runs of place words, never the whole organisation name."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < 2:
            continue
        i = ent.start
        while i < ent.end:
            if _place_word(doc[i]):
                j = i + 1
                while j < ent.end and _place_word(doc[j]):
                    j += 1
                if not (i == ent.start and j == ent.end):
                    out.append(Span(doc, i, j, label="LOC"))
                i = j
            else:
                i += 1
    return out


def _gazetteer_place(tok) -> bool:
    """Capitalised word that the gazetteer or SGJP knows as a place and not as a first name or surname only."""
    if not _cap(tok) or not tok.is_alpha:
        return False
    parts = analyse(tok.text)[1].split("|")
    if "first" in parts or "orghead" in parts:
        return False
    if "gaz" in parts:  # SGJP may read an unknown town as an adjective (Nowopołocka -> nowopołocki)
        return parts[0] in ("subst", "ign", "adj")
    return parts[0] in ("subst", "ign") and "geo" in parts and "sur" not in parts


def _free(ents: list[Span], a: int, b: int) -> bool:
    return all(e.end <= a or e.start >= b for e in ents)


def missed_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """LOC for a gazetteer word right after a place preposition (`w Kliczewie`) that no entity covers."""
    out = []
    preps = place_prepositions()
    for i in range(len(doc) - 1):
        if doc[i].lower_ in preps and _gazetteer_place(doc[i + 1]) and _free(ents, i + 1, i + 2):
            out.append(Span(doc, i + 1, i + 2, label="LOC"))
    return out


def missed_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """PER for a first name followed by capitalised surname-like words that no entity covers."""
    out = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        if _cap(tok) and tok.is_alpha and "first" in analyse(tok.text)[1].split("|"):
            j = i + 1
            while j < len(doc) and j - i <= 3 and _cap(doc[j]) and doc[j].is_alpha and \
                    {"sur", "ign", "first"} & set(analyse(doc[j].text)[1].split("|")):
                j += 1
            if j - i >= 2 and _free(ents, i, j):
                out.append(Span(doc, i, j, label="PER"))
                i = j
                continue
        i += 1
    return out


def missed_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG for an upper-case acronym (PAP, KE) that no entity covers and SGJP does not know as a place (USA)."""
    out = []
    for i, tok in enumerate(doc):
        w = tok.text
        if 2 <= len(w) <= 6 and w.isupper() and w.isalpha() and _free(ents, i, i + 1):
            if "geo" not in analyse(w)[1].split("|"):  # GeoNames hits on acronyms are noise (PAP, MSZ)
                out.append(Span(doc, i, i + 1, label="ORG"))
    return out


@lru_cache(maxsize=50_000)
def _place_name(text: str) -> bool:
    """The whole text names a country, city or region of the gazetteer (`Wielkiej Brytanii`, `Londyn`);
    an acronym only a country (`USA`, not `FES` -> Fès: acronyms are mostly organisations)."""
    from pipeline.normalise.gazetteer import get_gazetteer
    from pipeline.normalise.lemmas import lemmatise

    place = get_gazetteer().link(text, lemmatise(text, "pl", "LOC"), "pl")
    return place is not None and (not text.isupper() or place.feature == "country")


@lru_cache(maxsize=None)
def preposition_cases() -> dict[str, frozenset[str]]:
    """Cases each place preposition governs (`z` -> gen, inst), from pipeline/lang/pl/preposition_cases.tsv."""
    out = {}
    for line in data_lines(LANG_DIR / "pl" / "preposition_cases.tsv"):
        prep, cases = line.split("\t")
        out[prep] = frozenset(cases.split(","))
    return out


@lru_cache(maxsize=20_000)
def _only_place_reading(word: str, cases: frozenset[str]) -> bool:
    """Every SGJP common-noun or place reading of `word` in a case the preposition governs is a
    geographic name (`z Niemiec`: gen only as the country; `z Niemcami`: inst also as the inhabitants).
    Surname readings are left out: indeclinable women's surnames fit every case. A word with no
    reading at all is left to the gazetteer (`_place_name`)."""
    readings = [(tag, quals) for start, _, (_, _, tag, quals, _) in morfeusz(expand_tags=False).analyse(word)
                if start == 0]
    if all(tag == "ign" for tag, _ in readings):
        return True  # no dictionary reading (`w Komracie`): the gazetteer alone decides
    fitting = [quals for tag, quals in readings if tag.startswith("subst") and cases & set(tag.split(":")[2].split("."))
               and not {"nazwisko", "imię"} & set(quals)]
    return bool(fitting) and all("nazwa_geograficzna" in q for q in fitting)


def _organisation_named_as_place(e: Span) -> bool:
    """A country or city is a place, whatever the sentence does with it (`Wielka Brytania wychodzi
    z Unii`); an institution named after its territory is not (`Urząd Marszałkowski Województwa Podlaskiego`)."""
    return e.label_ == "ORG" and _cap(e[0]) and not any(_is_head(t) for t in e) and _place_name(e.text)


def _person_read_as_place(doc: Doc, e: Span) -> bool:
    """One word after a preposition whose governed case only the place reading has (`z Niemiec`)."""
    cases = preposition_cases().get(doc[e.start - 1].lower_) if e.start > 0 else None
    return (e.label_ in ("PER", "LOC_DEM") and len(e) == 1 and cases is not None
            and _only_place_reading(e.text, cases) and _place_name(e.text))


def _institution_read_as_place(e: Span) -> bool:
    """A name headed by an organisation's head word is the institution, not its town
    (`Urzędzie Miasta Suwałki`, `Nowogródzki Rejonowy Komitet Wykonawczy` tagged LOC): the
    head opens the name or follows its capitalised adjectives."""
    if e.label_ != "LOC" or len(e) < 2 or not _cap(e[0]):
        return False
    i = 0
    while i < len(e) - 1 and _cap(e[i]) and _is_adj(e[i]) and not _is_head(e[i]):
        i += 1
    return _cap(e[i]) and _is_head(e[i])


def places_by_name(doc: Doc, ents: list[Span]) -> list[Span]:
    """LOC for the entities the model labelled ORG, PER or LOC_DEM that name a gazetteer place;
    ORG for a LOC that opens with an organisation's head word."""
    out = []
    for e in ents:
        if _organisation_named_as_place(e) or _person_read_as_place(doc, e):
            e = Span(doc, e.start, e.end, label="LOC")
        elif _institution_read_as_place(e):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def derived_adjectives(doc: Doc, ents: list[Span]) -> list[Span]:
    """Lower-case adjectives are no names: LOC -> LOC_ADJ (`białoruskich`), ORG -> ORG_ADJ (`unijnych`)."""
    return [Span(doc, e.start, e.end, label=f"{e.label_}_ADJ")
            if e.label_ in ("LOC", "ORG") and e.text[:1].islower() and all(_is_adj(t) for t in e) else e
            for e in ents]


@dataclass(frozen=True)
class Switches:
    """Which repairs run. The defaults are the shipped ones, those that raised PolEval/SlavicNER
    scores (`python -m pipeline.evaluate.ner_pl --ablate`): derived adjectives (SlavicNER +0.006),
    nested places (PolEval +0.004), place names (SlavicNER +0.028, PolEval -0.006: NKJP labels a
    country acting as an agent orgName; the pipeline keeps places as places so that they link).
    Organisations were neutral, the rest lowered the scores. Name edges (an organisation span
    never ends in a preposition or conjunction nor starts after `Polsko-`): PolEval ORG exact F1
    0.618 -> 0.636, SlavicNER final 0.798 -> 0.799, PolEval final 0.806 unchanged; with quoted
    names run on to their closing quote (`quoted_name_ends`, same switch) PolEval ORG exact F1
    0.636 -> 0.639, both finals unchanged (0.806, 0.799)."""

    orgs: bool = False
    adjectives: bool = True
    nested: bool = True
    places: bool = False
    persons: bool = False
    acronyms: bool = False
    place_names: bool = True
    edges: bool = True


SHIPPED = Switches()


def repair(doc: Doc, switches: Switches = SHIPPED) -> Doc:
    """Apply the switched-on repairs; other entities are kept unless an organisation span absorbs them."""
    orgs, adjectives, nested = switches.orgs, switches.adjectives, switches.nested
    places, persons, acronyms, place_names = switches.places, switches.persons, switches.acronyms, switches.place_names
    edges = switches.edges
    ents = list(doc.ents)
    if adjectives:
        ents = derived_adjectives(doc, ents)
    if orgs:
        new: list[Span] = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if _is_head(tok):
                run = org_run(doc, i)
                if run:
                    a, b = run
                    over = [e for e in ents if e.start < b and e.end > a]
                    if any(e.label_ == "ORG" and e.start <= a and e.end >= b for e in over):
                        i = b
                        continue
                    a = min([a] + [e.start for e in over])
                    b = max([b] + [e.end for e in over])
                    ents = [e for e in ents if not (e.start < b and e.end > a)]
                    new.append(Span(doc, a, b, label="ORG"))
                    i = b
                    continue
            i += 1
        ents = filter_spans(ents + new)
    if edges:
        ents = person_tails(doc, contrast_splits(doc, quoted_name_ends(doc, name_edges(doc, ents))))
    if place_names:
        ents = places_by_name(doc, ents)
    if places:
        ents += missed_places(doc, ents)
    if persons:
        ents += missed_persons(doc, ents)
    if acronyms:
        ents += missed_acronyms(doc, ents)
    doc.ents = sorted(ents, key=lambda e: e.start)
    if nested:
        doc.spans[NESTED_KEY] = nested_places(doc)
    return doc


class NerRepair(StatelessComponent):
    """spaCy component wrapper for `repair` (rules and data ship with the package)."""

    def __init__(self, switches: Switches = SHIPPED) -> None:
        self.switches = switches

    def __call__(self, doc: Doc) -> Doc:
        return repair(doc, self.switches)


@Language.factory(REPAIR_NAME, default_config=asdict(SHIPPED))
def make_pl_ner_repair(nlp: Language, name: str, orgs: bool, adjectives: bool, nested: bool,
                       places: bool, persons: bool, acronyms: bool, place_names: bool,
                       edges: bool = SHIPPED.edges) -> NerRepair:
    return NerRepair(Switches(orgs=orgs, adjectives=adjectives, nested=nested, places=places,
                              persons=persons, acronyms=acronyms, place_names=place_names, edges=edges))
