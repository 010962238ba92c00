"""Hand-made articles with events and quotes, so store tests do not depend on the coder."""
from __future__ import annotations

from kroniek.records import ActorRef, Article, DocDate, Event, Quote, Sentence, Span, Timex
from kroniek.reading.paragraphs import split_paragraphs

USA = dict(code="USAGOV", country="USA", role="GOV")
UKR = dict(code="UKR", country="UKR")
RUS = dict(code="RUSMIL", country="RUS", role="MIL")


def span(text: str, part: str, sent: int | None = None) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part, sent)


def actor(text: str, part: str, **kw) -> ActorRef:
    start = text.index(part)
    return ActorRef(text=part, start=start, end=start + len(part), **kw)


def sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, piece in enumerate(text.split(". ")):
        end = start + len(piece) + (1 if start + len(piece) < len(text) else 0)
        out.append(Sentence(index=i, start=start, end=min(end, len(text)), paragraph=0, first_token=0, last_token=0))
        start = end + 1
    return out


def make_article(doc_id: str = "a1", date: str = "2025-03-11", extra: str = "", url: str | None = None) -> Article:
    text = ("De Verenigde Staten hervatten de militaire hulp aan Oekraïne. "
            "Rusland bombardeerde Kyiv op 10 maart. "
            '"We willen deze maand nog een antwoord uit Moskou", zei Rubio. <b>Let op</b> & meer' + extra)
    a = Article(id=doc_id, date=DocDate.parse(date), text=text, title=f"Hulp hervat {doc_id}",
                url=url or f"https://example.org/{doc_id}", source="test", origin="factory",
                paragraphs=split_paragraphs(text))
    a.sentences = sentences(text)
    a.timexes = [Timex(text="10 maart", start=text.index("10 maart"), end=text.index("10 maart") + 8, type="DATE",
                       value="2025-03-10", earliest="2025-03-10", latest="2025-03-10", sent=1, tid="t1")]
    e1 = Event(cameo="0331", source=actor(text, "De Verenigde Staten", **USA), target=actor(text, "Oekraïne", **UKR),
               mode="asserted", earliest=a.date.earliest.isoformat(), latest=a.date.latest.isoformat(),
               evidence=[span(text, "De Verenigde Staten hervatten de militaire hulp aan Oekraïne", 0)],
               trigger=span(text, "hervatten", 0), sentence=text[:text.index(".") + 1], confidence=0.9,
               plover="AID", goldstein=7.4, quadclass=2, id="e1")
    e2 = Event(cameo="195", source=actor(text, "Rusland", **RUS), target=actor(text, "Kyiv", **UKR),
               mode="asserted", earliest="2025-03-10", latest="2025-03-10",
               evidence=[span(text, "Rusland bombardeerde Kyiv op 10 maart", 1)], trigger=span(text, "bombardeerde", 1),
               sentence="Rusland bombardeerde Kyiv op 10 maart.", confidence=0.8, plover="ASSAULT", goldstein=-10.0,
               quadclass=4, place={"text": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "geonameid": 703448}, timex="t1", id="e2")
    e3 = Event(cameo="036", source=actor(text, "Rubio", code="USAGOV", country="USA", person="Marco Rubio"),
               target=None, mode="intended", earliest="2025-03-11", latest="2025-03-31",
               evidence=[span(text, "We willen deze maand nog een antwoord uit Moskou", 2)], sentence="", confidence=0.6,
               plover="CONSULT", goldstein=4.0, quadclass=1, attributed_to=ActorRef("Rubio", "USAGOV", "USA",
                                                                                   person="Marco Rubio"), id="e3")
    a.events = [e1, e2, e3]
    q = span(text, "We willen deze maand nog een antwoord uit Moskou")
    a.quotes = [Quote(quote=q.text, start=q.start, end=q.end, speaker=actor(text, "Rubio", code="USAGOV",
                                                                          person="Marco Rubio"),
                      direct=True, sent=2, cue=span(text, "zei"), events=["e3"], id="q1")]
    return a
