"""A Frog-free pipeline component for the scale tests: whitespace tokens and one event per
paragraph, deterministic, so that runs in different processes can be compared exactly."""
from __future__ import annotations

import os

from kroniek.pipeline import component
from kroniek.records import ActorRef, Article, Event, Sentence, Span, Token


class FakeAnalysis:
    def __call__(self, a: Article) -> Article:
        if "BOOM" in a.text:
            raise RuntimeError("component failure on purpose")
        if "DIE" in a.text and os.environ.get("KRONIEK_FAKE_DIE") == "1":
            os._exit(3)   # a worker process that dies
        pos = 0
        for p_index, (s, e) in enumerate(a.paragraphs or [(0, len(a.text))]):
            first = len(a.tokens)
            for w in a.text[s:e].split():
                start = a.text.index(w, max(pos, s))
                pos = start + len(w)
                a.tokens.append(Token(i=len(a.tokens), text=w, start=start, end=pos, sent=len(a.sentences),
                                      lemma=w.lower(), pos="N(soort)"))
            a.sentences.append(Sentence(index=len(a.sentences), start=s, end=e, paragraph=p_index,
                                        first_token=first, last_token=len(a.tokens)))
            a.events.append(Event(cameo="010", source=ActorRef(a.text[s:s + 10]), target=None,
                                  earliest=a.date.earliest.isoformat(), latest=a.date.latest.isoformat(),
                                  evidence=[Span(s, e, a.text[s:e], p_index)], sentence=a.text[s:e],
                                  id=f"e{p_index + 1}", rule="fake"))
        a.meta["pid"] = os.getpid()
        return a


@component("fake")
def make_fake() -> FakeAnalysis:
    return FakeAnalysis()
