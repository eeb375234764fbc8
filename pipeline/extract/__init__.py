"""Extract stage: the events and agreements an article reports.

`extract(article)` fills `article.events` and `article.agreements` from the annotated and
linked article (sentences, mentions, places, organisations). Per-language vocabulary is
data in `pipeline/lang/<xx>/events.json`; see events.py and agreements.py for the rules.
Cross-article clustering runs later, on the event rows (clusters.py).
"""
from __future__ import annotations

from pipeline.extract import agreements as ag
from pipeline.extract import events as ev
from pipeline.extract.cues import SentCues, read_cues
from pipeline.extract.document import read
from pipeline.extract.lexicon import any_word, vocabs_for
from pipeline.record import Article


def extract(article: Article) -> Article:
    sents = read(article)
    cues = [read_cues(s, article) for s in sents]
    between = {i: b for i, s in enumerate(sents) if (b := ag.between_index(s)) is not None}
    drafts, sent_ctx = ev.detect(article, cues, between)
    ents = ag.entities(article)
    agreements = ag.merge(article, ag.detect(article, cues, sent_ctx, ents))
    _signing_events(article, agreements, drafts, cues)
    _dates_from_signings(agreements)
    _joint_organisers(article, agreements, drafts, cues)
    article.events = ev.to_events(article, drafts, cues)
    article.agreements = ag.to_agreements(article, agreements, cues, drafts)
    return article


def _signing_events(article: Article, agreements: list[ag.AgDraft], drafts: list[ev.Draft],
                    cues: list[SentCues]) -> None:
    """A signing with its own date or place and no event around it is an event of its own
    (a separate signing ceremony, GUIDELINES: `signing`); of the type of the event a sentence
    of it or the next says it took place during ("Падпісанне адбылося падчас візіту": the visit)."""
    made: dict[tuple, ev.Draft] = {}  # two agreements signed in one sentence: one ceremony
    for a in agreements:
        if a.event is not None or not (a.own_date or a.place):
            continue
        if (a.si, a.date, a.place) in made:
            a.event = made[(a.si, a.date, a.place)]
            continue
        kind = _setting_type(cues, a.sents or [a.si]) or "signing"
        d = ev.Draft(kind, place=a.place, strength=2 if a.place else 0, start=a.date, end=a.date,
                     inferred=a.inferred, explicit_date=a.own_date and not a.inferred, sents=[a.si],
                     evidence=a.si, evidence_score=1, mentions=1, strong=True,
                     tenses=["planned" if a.status == "planned" else "past"])
        drafts.append(d)
        a.event = made[(a.si, a.date, a.place)] = d


def _setting_type(cues: list[SentCues], sents: list[int]) -> str:
    """Type of the event a signing is retold as part of, in a sentence of the agreement or the
    next one of its paragraph ("Podpisanie odbyło się podczas wizyty", "Подписание состоялось
    в ходе визита"): a signing inside another event is that event, not a ceremony of its own;
    '' when none is told."""
    last = max(sents)
    near = sorted(set(sents) | ({last + 1} if last + 1 < len(cues) and cues[last + 1].sent.block == cues[last].sent.block
                                 else set()))
    for k in near:
        c = cues[k]
        if any(any_word(vocabs_for(t, c.sent.lang), t, "signing_nouns") for t in c.sent.tokens):
            kind = next((t.etype for t in c.triggers if not t.weak and t.etype != "signing"), "")
            if kind:
                return kind
    return ""


def _joint_organisers(article: Article, agreements: list[ag.AgDraft], drafts: list[ev.Draft],
                      cues: list[SentCues]) -> None:
    """"Pierwsza wspólna szkoła letnia dla studentów obu uczelni", "совместный семинар": a joint
    event with no organiser named was organised by the partners the article tells cooperating,
    the organisations that signed its one agreement."""
    sides = {tuple(k for k in a.parties if k in article.organisations) for a in agreements}
    sides = {p for p in sides if len(p) >= 2}
    if len(sides) != 1:
        return
    parties = list(next(iter(sides)))
    for d in drafts:
        if d.organisers or d.evidence < 0:
            continue
        c = cues[d.evidence]
        toks = c.sent.tokens
        if any(any_word(vocabs_for(toks[j], c.sent.lang), toks[j], "joint_adjectives")
               for t in c.triggers if ev.family(t.etype) == ev.family(d.etype) for j in range(max(0, t.i - 2), t.i)):
            d.set_organisers(parties)


def _dates_from_signings(agreements: list[ag.AgDraft]) -> None:
    """"Umowę podpisano w Grodnie podczas konferencji": an event told only as the setting of a
    signing whose date is known took place that day."""
    for a in agreements:
        d = a.event
        if d is not None and not d.start and len(a.date) == 10 and (not d.place or not a.place or d.place == a.place):
            d.start = d.end = a.date
            d.inferred = True


__all__ = ["extract"]
