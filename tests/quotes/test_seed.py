"""The founding example: all three gold quotes with the right speaker, scored by the shared
scorer, and the events inside quotes carry their attribution."""
from __future__ import annotations

import importlib.util
import json

import pytest

from kroniek.pipeline import available, get_factory
from kroniek.quotes.component import make_quotes

from ..conftest import GOLD, SHARED

pytestmark = pytest.mark.frog


def _scorer():
    spec = importlib.util.spec_from_file_location("kroniek_shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def seed(seed_article):
    a = seed_article
    for stage in ("actors", "events"):
        if available(stage):
            a = get_factory(stage)()(a)
    return make_quotes()(a)


def test_seed_quotes_match_the_gold_with_their_speakers(seed):
    gold = [json.loads(line) for line in (GOLD / "seed.quotes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    system = [q.to_json(seed.id) for q in seed.quotes]
    result = _scorer().score_quotes(system, gold, verbose=False)
    assert result["recall"] == 1.0 and result["precision"] == 1.0
    assert result["speaker_accuracy"] == 1.0


def test_seed_speakers_are_actors(seed):
    by_text = {q.quote[:20]: q for q in seed.quotes if q.direct}
    rubio = by_text["We gaan ze vertellen"]
    assert rubio.cue.text == "zei" and "Rubio" in (rubio.speaker.person or rubio.speaker.text)
    if available("actors"):
        assert rubio.speaker.code == "USAGOV"


def test_events_inside_quotes_are_attributed(seed):
    if not seed.events:
        pytest.skip("the event coder is not installed")
    ids = {e.id for e in seed.events}
    for q in seed.quotes:
        assert set(q.events) <= ids
    for e in seed.events:
        anchor = e.trigger or (e.evidence[0] if e.evidence else None)
        holders = [q for q in seed.quotes if anchor and q.start <= anchor.start and anchor.end <= q.end
                   and not (q.cue and anchor.start < q.cue.end and q.cue.start < anchor.end)]
        if holders and any(q.speaker for q in holders):
            assert e.attributed_to is not None, e.to_json(seed.id)
            assert all(e.id in q.events for q in holders)
