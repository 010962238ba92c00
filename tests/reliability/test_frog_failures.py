"""Frog failures: a crash or a hang on one article costs that article at most, never the batch.

The contract (kroniek.analysis.component): when Frog dies or does not answer within
`timeout`, the process is killed, a fresh one is started, the article is tried once more,
and if it fails again it becomes an InputError (stage "pipeline", naming file and line)
while the rest of the batch goes on. The fake Frog (fake_frog.py) crashes or hangs on a
chosen word; one test kills the real Frog mid-article.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from kroniek.pipeline import Pipeline
from kroniek.reading.jsonl import article_from_record
from kroniek.records import Article, InputError
from kroniek.scale.runner import process_inputs

from .conftest import run_kroniek

TEXTS = {
    "a1": "De minister bezocht gisteren Kyiv. Hij beloofde nieuwe steun.",
    "a2": "Het parlement stemde in met de wet. KRASJ HANG De oppositie protesteerde.",
    "a3": "Rusland viel in de nacht Odesa aan. Er vielen drie doden.",
}


def batch_file(tmp_path: Path) -> Path:
    p = tmp_path / "batch.jsonl"
    p.write_text("".join(json.dumps({"id": k, "date": f"2025-03-0{n}", "text": t}) + "\n"
                         for n, (k, t) in enumerate(TEXTS.items(), 1)))
    return p


def starts(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def run(tmp_path: Path, fake_frog: str, timeout: float = 30) -> tuple[dict[str, Article], list[InputError]]:
    items = list(process_inputs([batch_file(tmp_path)], ["frog"],
                                config={"frog": {"binary": fake_frog, "timeout": timeout}}))
    return ({i.id: i for i in items if isinstance(i, Article)}, [i for i in items if isinstance(i, InputError)])


def assert_analysed(a: Article) -> None:
    assert a.tokens and all(a.text[t.start:t.end] == t.text for t in a.tokens)
    assert "".join(t.text for t in a.tokens) == "".join(a.text.split())


def test_crash_every_time_records_the_article_and_goes_on(tmp_path, fake_frog, monkeypatch):
    log = tmp_path / "starts.log"
    monkeypatch.setenv("FAKE_FROG_LOG", str(log))
    monkeypatch.setenv("FAKE_FROG_CRASH_ON", "KRASJ")
    done, (err,) = run(tmp_path, fake_frog)
    assert sorted(done) == ["a1", "a3"]
    for a in done.values():
        assert_analysed(a)
    assert (err.file, err.line, err.doc, err.stage) == (str(tmp_path / "batch.jsonl"), 2, "a2", "pipeline")
    assert "Frog" in err.reason and "exited" in err.reason
    assert starts(log) == 3  # first, the retry of a2, and a fresh one for a3


def test_crash_once_is_retried_successfully(tmp_path, fake_frog, monkeypatch):
    log = tmp_path / "starts.log"
    monkeypatch.setenv("FAKE_FROG_LOG", str(log))
    monkeypatch.setenv("FAKE_FROG_CRASH_ON", "KRASJ")
    monkeypatch.setenv("FAKE_FROG_ONCE", str(tmp_path / "crashed"))
    done, errs = run(tmp_path, fake_frog)
    assert not errs and sorted(done) == ["a1", "a2", "a3"]
    for a in done.values():
        assert_analysed(a)
    assert starts(log) == 2


def test_hang_times_out_and_goes_on(tmp_path, fake_frog, monkeypatch):
    monkeypatch.setenv("FAKE_FROG_HANG_ON", "HANG")
    started = time.monotonic()
    done, (err,) = run(tmp_path, fake_frog, timeout=1)
    assert time.monotonic() - started < 20
    assert sorted(done) == ["a1", "a3"] and err.doc == "a2" and err.line == 2
    assert "did not answer within 1 s" in err.reason


def test_hang_once_is_retried_successfully(tmp_path, fake_frog, monkeypatch):
    monkeypatch.setenv("FAKE_FROG_HANG_ON", "HANG")
    monkeypatch.setenv("FAKE_FROG_ONCE", str(tmp_path / "hung"))
    done, errs = run(tmp_path, fake_frog, timeout=1)
    assert not errs and sorted(done) == ["a1", "a2", "a3"]
    assert_analysed(done["a2"])


def test_killed_between_articles_is_restarted(tmp_path, fake_frog):
    """SIGKILL the Frog child from outside in the middle of a batch."""
    arts = [article_from_record({"id": k, "date": "2025-03-01", "text": t}, "mem", n)
            for n, (k, t) in enumerate(TEXTS.items(), 1)]
    with Pipeline(["frog"], config={"frog": {"binary": fake_frog}}) as pipe:
        frog = pipe.get("frog").frog
        pids = []

        def feed():
            for n, a in enumerate(arts):
                if n == 1:
                    pids.append(frog.pid)
                    os.kill(frog.pid, signal.SIGKILL)
                    time.sleep(0.1)
                yield a
        out = list(pipe.process(feed()))
        assert all(isinstance(a, Article) and a.tokens for a in out), out
        assert frog.pid not in pids
    assert frog.proc is None  # closed with the pipeline: no stray Frog


def test_missing_frog_binary_is_a_clear_error(tmp_path):
    (a,) = [article_from_record({"id": "x", "date": "2025-03-01", "text": "Tekst."}, "mem", 1)]
    with Pipeline(["frog"], config={"frog": {"binary": "no-such-frog-binary"}}) as pipe:
        (err,) = list(pipe.process([a]))
    assert isinstance(err, InputError) and "Frog not found" in err.reason and "frogdata" in err.reason


def test_extract_exit_code_and_errors_file_after_frog_crash(tmp_path, fake_frog):
    out = tmp_path / "out"
    r = run_kroniek("extract", str(batch_file(tmp_path)), "--out", str(out), "--stages", "frog",
                    "--no-summary", "--no-progress", env={"FAKE_FROG_CRASH_ON": "KRASJ"})
    assert r.returncode == 1, r.stderr[-2000:]
    ids = [json.loads(l)["id"] for l in (out / "articles.jsonl").open()]
    (err,) = [json.loads(l) for l in (out / "errors.jsonl").open()]
    assert ids == ["a1", "a3"] and err["doc"] == "a2" and err["line"] == 2 and err["stage"] == "pipeline"
    assert f"{tmp_path / 'batch.jsonl'}:2" in r.stderr


@pytest.mark.frog
def test_real_frog_killed_mid_article(frog_analyzer):
    """SIGKILL the real Frog while it analyses an article: the article is analysed by a
    fresh Frog, completely. (Costs one Frog restart, ~8 s.)"""
    text = "\n\n".join(
        f"De minister van Buitenlandse Zaken sprak op {d} maart in Brussel met zijn Oekraïense collega "
        f"over nieuwe sancties tegen Rusland. Volgens de NAVO is de situatie aan het front zorgelijk."
        for d in range(1, 11))
    article = article_from_record({"id": "k", "date": "2025-03", "text": text}, "mem", 1)
    frog = frog_analyzer.frog
    frog.start()
    old = frog.pid
    killer = threading.Timer(0.1, lambda: os.kill(old, signal.SIGKILL))
    killer.start()
    try:
        result = frog_analyzer(article)
    finally:
        killer.cancel()
    assert frog.pid != old
    assert len(result.sentences) == 20
    assert "".join(t.text for t in result.tokens) == "".join(text.split())


def test_ingest_keeps_the_rest_and_a_rerun_adds_the_failed_article(tmp_path, fake_frog):
    from kroniek.store import Store
    db = tmp_path / "k.duckdb"
    args = ("ingest", str(batch_file(tmp_path)), "--db", str(db), "--stages", "frog", "--no-progress")
    r = run_kroniek(*args, env={"FAKE_FROG_CRASH_ON": "KRASJ"})
    assert r.returncode == 1 and f"{tmp_path / 'batch.jsonl'}:2" in r.stderr, r.stderr[-2000:]
    with Store(db, read_only=True) as s:
        assert sorted(x["id"] for x in s.query("SELECT id FROM articles")) == ["a1", "a3"]
    r = run_kroniek(*args)
    assert r.returncode == 0, r.stderr[-2000:]
    said = " ".join(r.stderr.split())
    assert "1 added" in said and "2 unchanged" in said
    with Store(db, read_only=True) as s:
        assert sorted(x["id"] for x in s.query("SELECT id FROM articles")) == ["a1", "a2", "a3"]


def test_article_that_is_the_end_marker_does_not_shift_the_stream(tmp_path, fake_frog):
    """The end-of-article word cannot be guessed: an article holding only the documented
    prefix is analysed as a word, and the articles after it keep their own analysis."""
    from kroniek.analysis.frog import SENTINEL
    arts = [article_from_record({"id": i, "date": "2025-03-01", "text": t}, "mem", n)
            for n, (i, t) in enumerate([("a", TEXTS["a1"]), ("b", SENTINEL), ("c", TEXTS["a3"])], 1)]
    with Pipeline(["frog"], config={"frog": {"binary": fake_frog}}) as pipe:
        out = list(pipe.process(arts))
    assert [a.id for a in out] == ["a", "b", "c"] and all(isinstance(a, Article) for a in out), out
    for a in out:
        assert_analysed(a)


@pytest.mark.frog
def test_real_frog_keeps_the_end_marker_one_word(frog_analyzer):
    from kroniek.analysis.frog import SENTINEL
    a = frog_analyzer(article_from_record({"id": "s", "date": "2025-03", "text": SENTINEL}, "mem", 1))
    assert [t.text for t in a.tokens] == [SENTINEL]
    b = frog_analyzer(article_from_record({"id": "n", "date": "2025-03", "text": TEXTS["a1"]}, "mem", 2))
    assert_analysed(b)
    assert b.tokens[0].text == "De"


# -- text Frog leaves out, and a layer that fails on its own ----------------------------------------
def test_text_frog_leaves_out_is_noted(tmp_path, fake_frog, monkeypatch):
    monkeypatch.setenv("FAKE_FROG_DROP", "HANG")
    done, errs = run(tmp_path, fake_frog)
    assert not errs
    a2 = done["a2"]
    gaps = a2.meta["unanalysed"]
    assert [a2.text[s:e] for s, e in gaps] == ["HANG"]
    assert a2.to_json()["meta"]["unanalysed"] == gaps
    assert "unanalysed" not in done["a1"].meta


def test_a_layer_that_fails_alone_is_an_error_and_the_article_is_kept(tmp_path, fake_frog):
    from kroniek.pipeline import component

    @component("reliability_failing_layer")
    def make():
        def run_layer(article):
            if "KRASJ" in article.text:  # as the event coder does: keep the article, note the failure
                article.meta["reliability_failing_layer_error"] = "ValueError: kapot"
            return article
        return run_layer

    items = list(process_inputs([batch_file(tmp_path)], ["frog", "reliability_failing_layer"],
                                config={"frog": {"binary": fake_frog}}))
    assert [getattr(i, "id", None) for i in items] == ["a1", "a2", None, "a3"]
    err = items[2]
    assert (err.doc, err.line, err.stage) == ("a2", 2, "reliability_failing_layer")
    assert "kept without that layer" in err.reason and "kapot" in err.reason


@pytest.mark.frog
def test_real_frog_utterance_mark_and_giant_word(frog_analyzer):
    a = frog_analyzer(article_from_record({"id": "u", "date": "2025-03", "text": "Hij zei <utt> niets."}, "m", 1))
    assert "".join(t.text for t in a.tokens) == "Hijzei<utt>niets."
    assert [t.lemma for t in a.tokens if t.text == "niets"] and "unanalysed" not in a.meta
    giant = "Zij schreef " + "a" * 5000 + " en ging."
    b = frog_analyzer(article_from_record({"id": "g", "date": "2025-03", "text": giant}, "m", 2))
    # Frog leaves out the giant word and the rest of its paragraph: noted, not misplaced
    assert [t.text for t in b.tokens][:2] == ["Zij", "schreef"]
    assert all(b.text[t.start:t.end] == t.text for t in b.tokens)
    assert b.text[slice(*b.meta["unanalysed"][0])] == "a" * 5000
