"""`kroniek actors` commands (no Frog needed)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from kroniek.interfaces.cli import app

runner = CliRunner()


def test_lookup_by_date():
    r = runner.invoke(app, ["actors", "lookup", "Rutte", "--date", "2025-03-01"])
    assert r.exit_code == 0, r.output
    assert "IGONAT as secretary_general" in r.output
    r = runner.invoke(app, ["actors", "lookup", "Trump", "--date", "2022-06-01"])
    assert "USAELI" in r.output
    assert runner.invoke(app, ["actors", "lookup", "Xyzzy"]).exit_code == 1


def test_check_passes():
    r = runner.invoke(app, ["actors", "check"])
    assert r.exit_code == 0, r.output
    assert "person:" in r.output


def test_resolve_analysed_jsonl(tmp_path):
    # A tiny analysed article in the articles.jsonl form (as `kroniek extract` writes it).
    toks = [("De", "de", "LID(bep,stan,rest)"), ("Russische", "russisch", "ADJ(prenom,basis,met-e,stan)"),
            ("president", "president", "N(soort,ev,basis,zijd,stan)"), ("dreigt", "dreigen", "WW(pv,tgw,met-t)"),
            (".", ".", "LET()")]
    text, rows, pos = "De Russische president dreigt.", [], 0
    for i, (w, lemma, tag) in enumerate(toks):
        start = text.index(w, pos)
        pos = start + len(w)
        rows.append({"i": i, "text": w, "start": start, "end": pos, "lemma": lemma, "pos": tag, "ner": "O",
                     "chunk": "O", "head": None, "rel": ""})
    art = {"id": "a1", "date": "2025-03-10", "text": text,
           "sentences": [{"index": 0, "start": 0, "end": len(text), "paragraph": 0, "tokens": rows}]}
    f = tmp_path / "articles.jsonl"
    f.write_text(json.dumps(art) + "\n{broken\n", encoding="utf-8")
    r = runner.invoke(app, ["actors", "resolve", str(f)])
    assert r.exit_code == 1                                   # the broken line is reported ...
    assert f"{f}:2" in r.output
    m = json.loads(next(l for l in r.output.splitlines() if l.startswith("{")))   # ... and the good one resolved
    assert (m["text"], m["code"], m["person"]) == ("De Russische president", "RUSGOV", "Vladimir Poetin")
