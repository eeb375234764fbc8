"""Events of one article: trigger mentions -> candidates -> one draft per real occurrence.

A trigger (a lemma of the event lexicon, or a visit verb) gives a candidate with the date and
place its own sentence states. What the sentence does not state is taken, in this order, from
the event it refers to ("Drugiego dnia forum"), the multi-day event or date range in force
(ordinal days, "rozpoczęła się", "Завершился"), another trigger of the same sentence, the
heading over the paragraph, or the previous event of the paragraph. A candidate with nothing
of its own is only a retelling: it may merge into an event, never create one.

Candidates merge into an existing draft when type, place and date are compatible (one event
told twice is one row); a plural trigger with several places is a series, one draft per
place; a short, untitled part of a multi-day visit in the visit's city is absorbed by it
(../shared/eval/GUIDELINES.md, "Series, visits and their parts").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.cues import DateArg, PlaceArg, SentCues, Trigger, day_shift, days_between, family, read_cues
from pipeline.extract.document import title_sent
from pipeline.record import Article, Event

TYPE_RANK = {"meeting": 1, "other": 1, "visit": 2, "signing": 2, "study_visit": 3, "seminar": 3,
             "conference": 3, "training": 3, "forum": 3, "fair": 3}
GENERIC = {"meeting"}
ENCLOSING = {"visit", "study_visit", "forum", "fair", "conference", "training", "seminar"}
CUE_REACH = 8  # tokens from "zorganizowane przez"/"организатором выступил" to the organiser
MARKER_REACH = 6  # tokens between "rozpoczęła się"/"Завершился" and the trigger it dates


@dataclass
class Cand:
    etype: str
    si: int  # sentence index
    trig: Trigger
    place: str = ""
    strength: int = 0
    own_place: bool = False
    start: str = ""
    end: str = ""
    inferred: bool = False
    own_date: bool = False
    derived: bool = False  # date derived from an ordinal/marker/reference (counts as its own)
    tense: str = ""
    organisers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    retelling: bool = False


@dataclass
class Draft:
    etype: str
    title: str = ""
    named: bool = False
    place: str = ""
    strength: int = 0
    start: str = ""
    end: str = ""
    inferred: bool = False
    explicit_date: bool = False
    organisers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    lead: str = ""  # an organiser told but not named: "we" (the publisher) or "co" (a co-organiser's partner)
    sents: list[int] = field(default_factory=list)
    evidence: int = -1
    evidence_score: int = -1
    tenses: list[str] = field(default_factory=list)
    mentions: int = 0
    strong: bool = False

    def set_organisers(self, organisers: list[str]) -> None:
        """These organised it; none of them is then also a participant."""
        self.organisers = list(organisers)
        self.participants = [k for k in self.participants if k not in self.organisers]

    def is_range(self) -> bool:
        return len(self.start) == 10 and len(self.end) == 10 and self.end > self.start

    def contains(self, start: str, end: str) -> bool:
        return self.is_range() and len(start) == 10 and self.start <= start and (end or start) <= self.end


@dataclass
class Context:
    parent: Draft | None = None  # the multi-day event in force
    range: tuple[str, str] | None = None  # the last multi-day date range told
    block_draft: dict[int, Draft] = field(default_factory=dict)  # last draft touched per line/paragraph
    block_place: dict[int, tuple[str, int]] = field(default_factory=dict)  # last place an event sentence named
    last: Draft | None = None
    announced: Cand | None = None  # "X przygotowała wizytę studyjną" with no date or place yet
    pending: tuple[int, list[str]] | None = None  # "Organizator: X." with no event told yet


# ----------------------------------------------------------------------------- arguments
def _nearest(i: int, trigs: list[Trigger], clause: list[int] | None = None) -> Trigger:
    """The trigger an argument at token i belongs to: the nearest one of its own clause ("W środę
    ... konferencja, a w czwartek ... warsztaty"), else the nearest one of the sentence."""
    if clause and i < len(clause):
        same = [t for t in trigs if t.i < len(clause) and clause[t.i] == clause[i]]
        trigs = same or trigs
    return min(trigs, key=lambda t: (abs(i - t.i), 0 if t.i <= i else 1))


def _assign(c: SentCues, creators: list[Trigger], parties_from: int | None
            ) -> dict[int, tuple[list[PlaceArg], list[DateArg]]]:
    out: dict[int, tuple[list[PlaceArg], list[DateArg]]] = {id(t): ([], []) for t in creators}
    if not creators:
        return out
    seen = set()
    for p in c.places:
        if p.strength < 1 or p.key in seen or (parties_from is not None and p.i > parties_from):
            continue
        seen.add(p.key)
        out[id(_nearest(p.i, creators, c.clause))][0].append(p)
    for d in c.dates:
        out[id(_nearest(d.i, creators, c.clause))][1].append(d)
    return out


def _best_date(dates: list[DateArg], i: int) -> DateArg | None:
    if not dates:
        return None
    return max(dates, key=lambda d: (d.precision, -abs(d.i - i)))


def _best_place(places: list[PlaceArg], i: int) -> PlaceArg | None:
    if not places:
        return None
    return max(places, key=lambda p: (p.strength, -(p.i - i if p.i >= i else 100 + i - p.i)))


def _series_places(cues: list[SentCues], si: int, own: list[PlaceArg]) -> list[PlaceArg]:
    """Places of a plural trigger; "Były one zlokalizowane w X, Y i Z" in the next sentence counts."""
    if len(own) >= 2:
        return own
    nxt = si + 1
    if nxt < len(cues) and cues[nxt].sent.block == cues[si].sent.block and not cues[nxt].triggers:
        extra = [p for p in cues[nxt].places if p.strength >= 1]
        keys = list(dict.fromkeys(p.key for p in extra))
        if len(keys) >= 2:
            return [next(p for p in extra if p.key == k) for k in keys]
    return own


def _tense_near(c: SentCues, i: int) -> str:
    if not c.tense:
        return ""
    planned = [t for t in c.tense if t[1] == "planned"]
    if planned:
        return "planned"
    return min(c.tense, key=lambda t: abs(t[0] - i))[1]


def _orgs(c: SentCues) -> tuple[list[str], list[str]]:
    """(organisers, participants) of a sentence: the organisations next to an organiser cue (after
    it, else before it; supporters and guests not counted) and those told together with them;
    the rest take part."""
    if not c.orgs:
        return [], []
    if c.organiser_cue and not c.implementer:
        near = [i for i, _ in c.orgs if i not in c.supported and any(0 < i - cue <= CUE_REACH for cue in c.organiser_cue)]
        near = near or [i for i, _ in c.orgs if i not in c.supported and any(0 < cue - i <= 6 for cue in c.organiser_cue)]
        at = _together((set(near) | c.by_head) - c.supported, c.joined, c.supported)
        org = [k for i, k in c.orgs if i in at]
        return list(dict.fromkeys(org)), list(dict.fromkeys(k for _, k in c.orgs if k not in org))
    return [], list(dict.fromkeys(k for _, k in c.orgs))


def _together(at: set[int], joined: list[tuple[int, int]], supported: set[int]) -> set[int]:
    """`at` grown by the organisations joined to it (`X i Y`, `X совместно с Y`): co-organisers."""
    grown = set(at)
    changed = bool(grown)
    while changed:
        changed = False
        for a, b in joined:
            for x, y in ((a, b), (b, a)):
                if x in grown and y not in grown and y not in supported:
                    grown.add(y)
                    changed = True
    return grown


# ----------------------------------------------------------------------------- candidates
def _candidates(cues: list[SentCues], si: int, parties_from: int | None) -> list[Cand]:
    c = cues[si]
    usable = [t for t in c.triggers if not t.reference]
    strong = [t for t in usable if not t.weak]
    creators = strong or usable
    args = _assign(c, creators, parties_from)
    organisers, participants = _orgs(c)
    out: list[Cand] = []
    for t in usable:
        places, dates = args.get(id(t), ([], []))
        base = dict(si=si, trig=t, tense=_tense_near(c, t.i), organisers=organisers, participants=participants)
        if t not in creators:  # a weak trigger beside a strong one: only a retelling
            p = _best_place([p for p in c.places if p.strength >= 1], t.i)
            out.append(Cand(t.etype, place=p.key if p else "", strength=p.strength if p else 0,
                            own_place=bool(p), retelling=True, **base))
            continue
        series = t.count >= 2 or t.umbrella or (t.plural and (bool(dates) or c.sent.heading))
        splaces = _series_places(cues, si, places) if series else places
        keys = list(dict.fromkeys(p.key for p in splaces))
        if t.umbrella and len(keys) < 2:  # "cykl warsztatów" whose members the text tells one by one
            p = _best_place(places, t.i)
            out.append(Cand(t.etype, place=p.key if p else "", strength=p.strength if p else 0,
                            own_place=bool(p), retelling=True, **base))
            continue
        if len(dates) >= 2 and len(keys) >= 2:  # "4 listopada w Homlu, 5 listopada w Pińsku ..."
            for k in keys:
                p = next(x for x in splaces if x.key == k)
                before = [d for d in dates if d.i <= p.i]
                d = max(before, key=lambda d: d.i) if before else min(dates, key=lambda d: d.i)
                out.append(_cand(t, p, d, **base))
        elif series and len(keys) >= 2:
            d = _best_date(dates, t.i)
            n_days = days_between(d.start, d.end) + 1 if d and d.precision == 3 and len(d.end) == 10 else 0
            for n, k in enumerate(keys):
                p = next(x for x in splaces if x.key == k)
                cand = _cand(t, p, d, **base)
                if n_days == len(keys) and n_days > 1:
                    cand.start = cand.end = day_shift(d.start, n)
                    cand.inferred = True
                out.append(cand)
        else:
            out.append(_cand(t, _best_place(places, t.i), _best_date(dates, t.i), **base))
    return out


def _cand(t: Trigger, p: PlaceArg | None, d: DateArg | None, **kw) -> Cand:
    cand = Cand(t.etype, **kw)
    if p:
        cand.place, cand.strength, cand.own_place = p.key, p.strength, True
    if d:
        cand.start, cand.end, cand.inferred, cand.own_date = d.start, d.end, d.relative, True
    return cand


# ----------------------------------------------------------------------------- inheritance
def _derive_date(cand: Cand, c: SentCues, ref: Draft | None, base: Draft | None, ctx: Context) -> None:
    """A date the sentence gives only through another event: the n-th day of the event in
    force ("Drugiego dnia"), its start or end ("Misja rozpoczęła się ... od Forum",
    "Завершился визит ... круглым столом"), or the day of the event referred to."""
    if any(t.after for t in c.triggers) and c.ordinal is None and cand.trig.weak:
        return  # "Po zakończeniu targów część delegacji udała się do Smoleńska": some day after
    if c.same_day and ctx.last is not None and ctx.last.start:  # "W tym samym czasie ... trwały targi"
        cand.start, cand.end = ctx.last.start, ctx.last.end
        cand.inferred = cand.derived = True
        return
    if c.day_offset and ctx.last is not None and len(ctx.last.start) == 10:  # "Dzień wcześniej", "На следующий день"
        anchor = ctx.last.end if c.day_offset > 0 and len(ctx.last.end) == 10 else ctx.last.start
        cand.start = cand.end = day_shift(anchor, c.day_offset)
        cand.inferred = cand.derived = True
        return
    rng = (base.start, base.end) if base and base.is_range() else ctx.range
    day = ""
    if c.ordinal is not None and rng:
        day = rng[1] if c.ordinal == -1 else day_shift(rng[0], c.ordinal - 1) if c.ordinal > 0 else ""
        day = day if day and rng[0] <= day <= rng[1] else ""
    elif any(abs(m - cand.trig.i) <= MARKER_REACH for m in c.marker_at) and base and len(base.start) == 10:
        day = base.start if c.start_marker else (base.end or base.start)
    elif ref and ref.start:
        cand.start, cand.end = ref.start, ref.end
        cand.inferred = cand.derived = True
    if day:
        cand.start = cand.end = day
        cand.inferred = cand.derived = True


def _referenced(c: SentCues, drafts: list[Draft], ctx: Context) -> Draft | None:
    for t in c.triggers:
        if t.reference:
            if ctx.parent is not None and family(ctx.parent.etype) == family(t.etype):
                return ctx.parent
            for d in reversed(drafts):
                if family(d.etype) == family(t.etype):
                    return d
    return None


def _fill(cand: Cand, c: SentCues, cues: list[SentCues], drafts: list[Draft], ctx: Context,
          heading_places: dict[int, PlaceArg], siblings: list[Cand]) -> None:
    ref = _referenced(c, drafts, ctx)
    base = ref or ctx.parent
    if not cand.own_date:
        _derive_date(cand, c, ref, base, ctx)
    if cand.own_date and c.duration > 1 and cand.start == cand.end and len(cand.start) == 10:
        if c.end_marker:  # "Wczoraj zakończyło się dwudniowe szkolenie"
            cand.start = day_shift(cand.end, -(c.duration - 1))
        else:
            cand.end = day_shift(cand.start, c.duration - 1)
    if not cand.place:
        for sib in siblings:  # "W środę ... konferencja, a w czwartek w Zamościu warsztaty": not its place
            if cand.own_date and sib.own_date and sib.start != cand.start and c.clause \
                    and c.clause[cand.trig.i] != c.clause[sib.trig.i]:
                continue
            if sib is not cand and sib.place and sib.own_place and not sib.retelling:
                cand.place, cand.strength = sib.place, sib.strength
                break
    if not cand.place and cand.derived and base and base.place:
        cand.place, cand.strength = base.place, base.strength
    if not cand.place and ref and ref.place:
        cand.place, cand.strength = ref.place, ref.strength
    if not cand.place and c.same_place and ctx.last is not None and ctx.last.place:  # "w tym samym miejscu"
        cand.place, cand.strength = ctx.last.place, ctx.last.strength
    if not cand.place:
        hp = heading_places.get(c.sent.block)
        prev = ctx.block_draft.get(c.sent.block)
        told = ctx.block_place.get(c.sent.block)
        if hp:
            cand.place, cand.strength = hp.key, hp.strength
        elif told:
            cand.place, cand.strength = told
        elif prev and prev.place:
            cand.place, cand.strength = prev.place, prev.strength


# ----------------------------------------------------------------------------- merging
def _dates_ok(d: Draft, c: Cand) -> bool:
    if not d.start or not c.start:
        return True
    if d.start == c.start and (d.end or d.start) == (c.end or c.start):
        return True
    short, long_ = sorted((d.start, c.start), key=len)
    return len(short) < len(long_) and long_.startswith(short) and d.place == c.place and bool(d.place)


def _compatible(d: Draft, c: Cand) -> bool:
    types = d.etype == c.etype or family(d.etype) == family(c.etype) or d.etype in GENERIC or c.etype in GENERIC
    if not types:
        return False
    if d.place and c.place and d.place != c.place and min(d.strength, c.strength) >= 2:
        return False
    if d.place and c.place and d.place != c.place and not (c.retelling or not d.start or not c.start):
        return False
    return _dates_ok(d, c)


def _absorbs(p: Draft, c: Cand, named: bool) -> bool:
    """Is `c` a part of the multi-day event `p` rather than an event of its own?"""
    if not p.is_range() or named:
        return False
    within = not c.start or p.contains(c.start, c.end)
    if not within:
        return False
    if family(p.etype) != "visit" and family(c.etype) != family(p.etype) and c.etype not in GENERIC:
        return False  # a fair beside a conference is not a part of it; a session or a meeting is
    if not c.place or c.place == p.place:
        return True
    if family(c.etype) == family(p.etype) and p.strength < 2:
        span = days_between(p.start, p.end) + 1
        own_days = days_between(c.start, c.end or c.start) + 1 if c.own_date and len(c.start) == 10 else 0
        return not c.own_date or own_days * 2 >= span
    return False


def _merge(d: Draft, c: Cand, cues: list[SentCues]) -> None:
    t = c.trig
    if TYPE_RANK[c.etype] > TYPE_RANK[d.etype] and not c.retelling and (c.own_date or c.own_place):
        d.etype = c.etype
    if t.named and not d.title:
        d.title, d.named = t.title, True
    if c.place and (not d.place or c.strength > d.strength):
        d.place, d.strength = c.place, c.strength
    if c.start:
        explicit = c.own_date and not c.inferred
        if not d.start or (explicit and not d.explicit_date) or (not d.explicit_date and c.own_date and d.inferred
                                                                  and not c.inferred):
            if not d.start or not d.is_range() or explicit:
                d.start, d.end, d.inferred = c.start, c.end or c.start, c.inferred
                d.explicit_date = d.explicit_date or explicit
    _absorb_args(d, c, cues)


def _absorb_args(d: Draft, c: Cand, cues: list[SentCues]) -> None:
    d.lead = d.lead or cues[c.si].lead
    for k in c.organisers:
        if k not in d.organisers:
            d.organisers.append(k)
    for k in c.participants:
        if k not in d.participants and k not in d.organisers:
            d.participants.append(k)
    d.participants = [k for k in d.participants if k not in d.organisers]
    if c.si not in d.sents:
        d.sents.append(c.si)
    d.mentions += 1
    d.strong = d.strong or not c.trig.weak
    if c.tense:
        d.tenses.append(c.tense)
    score = 2 * c.own_date + 2 * bool(c.own_place) + (not cues[c.si].sent.heading) * 1
    if score > d.evidence_score:
        d.evidence, d.evidence_score = c.si, score


def _new(c: Cand, cues: list[SentCues]) -> Draft:
    d = Draft(c.etype, title=c.trig.title, named=c.trig.named, place=c.place, strength=c.strength,
              start=c.start, end=c.end or c.start, inferred=c.inferred,
              explicit_date=c.own_date and not c.inferred)
    _absorb_args(d, c, cues)
    return d


def _target(drafts: list[Draft], c: Cand) -> Draft | None:
    best, best_score = None, -1.0
    for n, d in enumerate(drafts):
        if not _compatible(d, c):
            continue
        score = (2 * (bool(d.place) and d.place == c.place) + 2 * (bool(d.start) and d.start == c.start)
                 + (d.etype == c.etype) + n / (10 * len(drafts)))
        if score > best_score:
            best, best_score = d, score
    return best


# ----------------------------------------------------------------------------- main
def _heading_places(cues: list[SentCues]) -> dict[int, PlaceArg]:
    """Block -> the place named by the heading line just above it."""
    out: dict[int, PlaceArg] = {}
    for n, c in enumerate(cues):
        if not c.sent.heading:
            continue
        strong = [p for p in c.places if p.strength >= 1]
        nxt = next((x for x in cues[n + 1:] if x.sent.block != c.sent.block), None)
        if strong and nxt is not None and not nxt.sent.heading:
            out[nxt.sent.block] = max(strong, key=lambda p: p.strength)
    return out


def detect(art: Article, cues: list[SentCues], parties_from: dict[int, int]
           ) -> tuple[list[Draft], list[dict]]:
    """Drafts of the article's events, and per sentence the event context an agreement
    told there refers to (`ref`, `block`, `last`, `range`, `date`)."""
    drafts: list[Draft] = []
    sent_ctx: list[dict] = []
    implementers: list[str] = []
    ctx = Context()
    heading_places = _heading_places(cues)
    for si, c in enumerate(cues):
        own = [t for t in c.triggers if not t.reference and not t.weak]
        for t in c.triggers:  # "Umowę podpisano podczas konferencji", no conference told before: told here
            if t.reference and not t.after and not own and not any(family(d.etype) == family(t.etype) for d in drafts):
                t.reference = False
        cands = _candidates(cues, si, parties_from.get(si))
        landed = False  # did a trigger of this sentence reach an event?
        for cand in cands:
            _fill(cand, c, cues, drafts, ctx, heading_places, cands)
        for cand in cands:
            if cand.own_place and cand.strength >= 1:
                ctx.block_place[c.sent.block] = (cand.place, cand.strength)
            dated = cand.own_date and (len(cand.start) > 4 or cand.own_place)  # "w 2018 roku" alone is too vague
            has_own = dated or (cand.own_place and cand.strength >= 1) or cand.derived
            if cand.trig.weak and not cand.start:
                has_own = False  # "część delegacji udała się do Smoleńska": no event without a date
            if cand.trig.plural and not cand.trig.count and not cand.own_date and not c.sent.heading:
                has_own = False  # "udział w wizytach studyjnych w Polsce": a kind of event, not one
            if cand.retelling or not has_own:
                target = _target(drafts, cand) if (cand.place or cand.start) else _recent(drafts, ctx, c, cand)
                if target is not None:
                    _merge(target, cand, cues)
                    _touch(ctx, c, target)
                    landed = True
                if cand.organisers and ((target is None and not cand.retelling) or _series(cand.trig)):
                    ctx.announced = cand  # its members, told next, take its organisers
                continue
            target = _target(drafts, cand)
            if target is None and ctx.parent is not None and _absorbs(ctx.parent, cand, cand.trig.named):
                target = ctx.parent
            if target is not None:
                _merge(target, cand, cues)
            else:
                target = _new(cand, cues)
                parent = ctx.parent
                if not target.place and parent is not None and parent.place and target.start \
                        and parent.contains(target.start, target.end):
                    target.place, target.strength = parent.place, parent.strength  # a venue in the visit's town
                drafts.append(target)
            _take_announced(ctx, target, si)
            _touch(ctx, c, target)
            landed = True
        implementers += [k for k in c.implementer if k not in implementers]
        if not landed and (c.orgs or c.lead) and c.organiser_cue and not c.implementer:  # "X była współorganizatorem"
            prev = ctx.block_draft.get(c.sent.block) or (ctx.last if si and ctx.last and ctx.last.sents
                                                           and ctx.last.sents[-1] >= si - 1 else None)
            organisers, participants = _orgs(c)
            if organisers and (prev is None or not (prev.start or prev.place)):
                ctx.pending = (si, organisers)  # "Organizator: X." before the event is told
            for d in _told_with(prev, drafts):
                d.organisers += [k for k in organisers if k not in d.organisers]
                d.participants += [k for k in participants if k not in d.participants
                                   and k not in d.organisers]
                d.lead = d.lead or c.lead
        for d in c.dates:
            if d.precision == 3 and d.end != d.start and len(d.end) == 10:
                ctx.range = (d.start, d.end)
        dated = [x for x in cands if x.start and len(x.start) == 10]
        sent_ctx.append({"ref": _referenced(c, drafts, ctx), "block": ctx.block_draft.get(c.sent.block),
                         "parent": ctx.parent, "drafts": list(drafts),
                         "last": ctx.last, "range": ctx.range, "date": dated[0].start if dated else ""})
    keep = [d for d in drafts if d.place or d.start]
    _title_type(art, keep)
    _title_organisers(art, keep)
    _inherit_organisers(keep, cues)
    own = own_organisation(art)
    for d in keep:  # "Projekt realizowany przez PFRR": the project's events are its implementer's
        if not d.organisers and implementers:
            d.organisers = list(implementers)
        d.set_organisers(list(dict.fromkeys(_lead(d.lead, implementers, own) + d.organisers)))
    return keep, sent_ctx


def _lead(kind: str, implementers: list[str], own: str) -> list[str]:
    """The organiser a sentence implied without naming it (`cues._untold_lead`): for "we" the
    publisher, else the project's implementer; for "co" the implementer, else the publisher."""
    if kind == "we":
        return [own] if own else list(implementers)
    if kind == "co":
        return list(implementers) or ([own] if own else [])
    return []


def own_organisation(art: Article) -> str:
    """The publishing organisation: the one whose acronym, or whose name's letters or their end
    (the proper name after the head), is a label of the article's url host (`lfrow.example.pl`,
    `fundacjawolnosci.example.org`, `smakipodlasia.example.pl` for Klaster Spożywczy „Smaki
    Podlasia”), else the one a short closing line names (a signature: `Zespół Fundacji Wolności`)."""
    from urllib.parse import urlparse
    from pipeline.normalise.textnorm import fold as fold_plain
    labels = set((urlparse(art.url).hostname or "").casefold().split("."))
    for key, o in art.organisations.items():
        letters = "".join(ch for ch in fold_plain(o.name) if ch.isalnum())
        if (o.acronym and o.acronym.casefold() in labels) or any(len(x) >= HOST_LABEL and letters.endswith(x) for x in labels):
            return key
    lines = [ln for ln in art.text.splitlines() if ln.strip()]
    if not lines or len(lines[-1].split()) > SIGNATURE_WORDS:
        return ""
    at = len(art.text.rstrip()) - len(lines[-1].strip())
    return next((m.entity_key for m in art.mentions if m.label == "ORG" and m.start >= at
                 and m.entity_key in art.organisations), "")


HOST_LABEL = 6  # a shorter url label (`www`, `news`) names no organisation by its letters
SIGNATURE_WORDS = 6  # a closing line this short naming an organisation signs the article
ANNOUNCE_REACH = 2  # sentences from "X przygotowała wizytę" to "Wizyta odbyła się 10-14 czerwca"


def _series(t: Trigger) -> bool:
    """A trigger that tells several events (`cykl szkoleń`, `dwa seminaria`, `семинары`)."""
    return t.umbrella or t.plural or t.count >= 2


def _told_with(prev: Draft | None, drafts: list[Draft]) -> list[Draft]:
    """The event a sentence after it refers to (`Organizatorem był X`, `Их организовал X`), with
    the others told in the same sentence as it (`... 5 мая в Бресте и 6 мая в Пинске`)."""
    if prev is None:
        return []
    if not prev.sents:
        return [prev]
    return [d for d in drafts if d is prev or (d.sents and d.sents[-1] == prev.sents[-1] and d.sents == prev.sents)]


def _take_announced(ctx: Context, d: Draft, si: int) -> None:
    """An event first told with its organiser but no date or place ("Fundacja przygotowała wizytę
    studyjną ...") and then dated a sentence or two on ("Wizyta odbyła się ..."): the dated event
    is the one announced, so it takes the organisers and the more specific noun. So too an
    organiser line with no event before it (`Organizator: X.`, then `Warsztaty odbędą się ...`)."""
    if ctx.pending is not None:
        at, organisers = ctx.pending
        ctx.pending = None
        if si - at <= ANNOUNCE_REACH and not d.organisers:
            d.set_organisers(organisers)
    a = ctx.announced
    if a is None or si - a.si > ANNOUNCE_REACH or family(a.etype) != family(d.etype):
        return
    if not _series(a.trig):  # "cykl szkoleń": each of its members told next was so organised
        ctx.announced = None
    if not d.organisers:
        d.set_organisers(a.organisers)
    if TYPE_RANK[a.etype] > TYPE_RANK[d.etype]:
        d.etype = a.etype


def _title_organisers(art: Article, drafts: list[Draft]) -> None:
    """A headline that names the organiser (`Fundacja X zaprasza na szkolenie w Mińsku`, `Фонд X
    провел семинар в Батуми`) where the body does not: the headline's event (the first of its
    noun's family, else the article's only event) was organised by them."""
    s = title_sent(art)
    if s is None or not drafts:
        return
    c = read_cues(s, art)
    organisers, _ = _orgs(c)
    if not organisers:
        return
    kinds = {family(t.etype) for t in c.triggers}
    d = next((d for d in drafts if family(d.etype) in kinds), None) if kinds else \
        (drafts[0] if len(drafts) == 1 else None)
    if d is not None and not d.organisers:
        d.set_organisers(organisers)


def _inherit_organisers(drafts: list[Draft], cues: list[SentCues]) -> None:
    """A part of a multi-day visit or event (the day trip, the named seminar on day 3) was
    organised by whoever organised the whole; "Kolejne warsztaty" by whoever organised the
    previous ones; unless the text names its own organisers."""
    from pipeline.extract.lexicon import sentence_vocab
    for n, d in enumerate(drafts):
        if d.organisers or not d.start:
            continue
        parent = next((p for p in reversed(drafts[:n]) if p.is_range() and p.organisers
                       and p.contains(d.start, d.end) and p is not d), None)
        if parent is None and d.evidence >= 0:
            s = cues[d.evidence].sent
            v = sentence_vocab(s.lang)
            if any(v.token_is(t, v.words("next_words")) for t in s.tokens):
                parent = next((p for p in reversed(drafts[:n]) if p.etype == d.etype and p.organisers), None)
        if parent is not None:
            d.set_organisers(parent.organisers)


def _title_type(art: Article, drafts: list[Draft]) -> None:
    """The headline names the main event ("... z wizytą studyjną w Białymstoku"): where it uses a
    more specific noun of the same family than the first such event got, the event takes it."""
    from pipeline.extract.lexicon import tokenize, vocabs_for
    if not art.title:
        return
    toks = tokenize(art.title, 0, len(art.title))
    for i, tok in enumerate(toks):
        for v in vocabs_for(tok, art.language):
            hit = v.find(toks, i, v.data.get("event_triggers", {}))
            if not hit:
                continue
            first = next((d for d in drafts if family(d.etype) == family(hit[0])), None)
            if first is not None and TYPE_RANK[hit[0]] > TYPE_RANK[first.etype]:
                for d in drafts:  # its parts in other towns share the type
                    if d is first or (d.etype == first.etype and first.contains(d.start, d.end)):
                        d.etype = hit[0]
            break


def _recent(drafts: list[Draft], ctx: Context, c: SentCues, cand: Cand) -> Draft | None:
    """A retelling without arguments ("Program wizyty przygotowała ...") joins the latest
    compatible event of its paragraph, else the latest compatible event before it."""
    prev = ctx.block_draft.get(c.sent.block)
    if prev is not None and _compatible(prev, cand):
        return prev
    if ctx.last is not None and _compatible(ctx.last, cand) and family(ctx.last.etype) == family(cand.etype):
        return ctx.last
    return None


def _touch(ctx: Context, c: SentCues, d: Draft) -> None:
    ctx.block_draft[c.sent.block] = d
    ctx.last = d
    if d.is_range() and d.etype in ENCLOSING:
        ctx.parent = d
        ctx.range = (d.start, d.end)


def status_of(d: Draft, published: str) -> str:
    pub = published[:10]
    if d.start and pub:
        n = len(d.start)
        if d.start > pub[:n]:
            return "planned"
        if d.start < pub[:n]:
            return "held"
    if "planned" in d.tenses or ("future" in d.tenses and "past" not in d.tenses):
        return "planned"
    return "held"


def to_events(art: Article, drafts: list[Draft], cues: list[SentCues]) -> list[Event]:
    out = []
    for d in drafts:
        s = cues[d.evidence].sent if d.evidence >= 0 else cues[d.sents[0]].sent
        conf = 0.35 + 0.2 * bool(d.start) + 0.2 * bool(d.place) + 0.1 * d.strong + 0.05 * min(d.mentions - 1, 2)
        conf -= 0.1 * d.inferred
        out.append(Event(event_type=d.etype, start=s.start, end=s.end, title=d.title, date_start=d.start,
                         date_end=d.end or d.start, date_inferred=d.inferred, place_key=d.place,
                         organisers=list(d.organisers), participants=list(d.participants),
                         status=status_of(d, art.published), confidence=round(min(conf, 0.95), 3)))
    return out
