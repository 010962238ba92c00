"""Records back from their JSON form (`to_json()`), for `kroniek load`: the inverse of the
writers, so that an article read from a Parquet dataset is the article that was written."""
from __future__ import annotations

from typing import Optional

from ..records import ActorMention, ActorRef, Article, Event, Quote, Span, Timex, article_from_json

_REF_FIELDS = ("text", "code", "country", "role", "person", "start", "end")


def actor_ref(d: Optional[dict]) -> Optional[ActorRef]:
    if not d:
        return None
    return ActorRef(**{k: d.get(k) for k in _REF_FIELDS if k in d or k == "text"})


def span(d: Optional[dict]) -> Optional[Span]:
    if not d:
        return None
    return Span(start=d["start"], end=d["end"], text=d.get("text", ""), sent=d.get("sent"))


def event_from_json(d: dict) -> Event:
    date = d.get("date") or {}
    return Event(cameo=d["cameo"], source=actor_ref(d.get("source")), target=actor_ref(d.get("target")),
                 mode=d.get("mode", "asserted"), earliest=date.get("earliest"), latest=date.get("latest"),
                 evidence=[span(s) for s in d.get("evidence") or []], trigger=span(d.get("trigger")),
                 sentence=d.get("sentence", ""), confidence=d.get("confidence", 0.5), plover=d.get("plover"),
                 goldstein=d.get("goldstein"), quadclass=d.get("quadclass"), place=d.get("place"),
                 attributed_to=actor_ref(d.get("attributed_to")), symmetric=d.get("symmetric", False),
                 timex=d.get("timex"), rule=d.get("rule", ""), id=d.get("id", ""))


def timex_from_json(d: dict) -> Timex:
    return Timex(text=d["text"], start=d["start"], end=d["end"], type=d["type"], value=d["value"],
                 mod=d.get("mod"), earliest=d.get("earliest"), latest=d.get("latest"), sent=d.get("sent"),
                 tid=d.get("tid", ""), anchor=d.get("anchor"), rule=d.get("rule", ""))


def quote_from_json(d: dict) -> Quote:
    sp = d.get("speaker")
    return Quote(quote=d["quote"], start=d["start"], end=d["end"], speaker=actor_ref(sp),
                 direct=d.get("direct", True), sent=d.get("sent"), cue=span(d.get("cue")),
                 events=list(d.get("events") or []), id=d.get("id", ""))


def mention_from_json(d: dict) -> ActorMention:
    m = ActorMention(**{k: d.get(k) for k in _REF_FIELDS if k in d or k == "text"})
    m.sent, m.kind, m.entity, m.chain = d.get("sent"), d.get("kind", ""), d.get("entity"), d.get("chain")
    m.tokens = tuple(d.get("tokens") or (0, 0))
    return m


def article_with_layers(d: dict, layers: dict[str, list[dict]]) -> Article:
    """An Article from its `to_json()` dict and the records of its layers."""
    a = article_from_json(d)
    a.meta = dict(d.get("meta") or {})
    a.events = [event_from_json(e) for e in layers.get("events", [])]
    a.timexes = [timex_from_json(t) for t in layers.get("timex", [])]
    a.quotes = [quote_from_json(q) for q in layers.get("quotes", [])]
    a.actors = [mention_from_json(m) for m in layers.get("actors", [])]
    return a
