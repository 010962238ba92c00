"""`kroniek code` and `kroniek cameo`."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kroniek.interfaces.cli import app

runner = CliRunner()


def test_cameo_lookup_code_and_word():
    r = runner.invoke(app, ["cameo", "072"])
    assert r.exit_code == 0 and "Provide military aid" in r.output and "AID" in r.output
    r = runner.invoke(app, ["cameo", "binnenvallen"])
    assert r.exit_code == 0 and "192" in r.output
    assert runner.invoke(app, ["cameo", "999"]).exit_code == 1


@pytest.mark.frog
def test_code_command_on_an_analysed_example(example_article, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(example_article.to_json(), ensure_ascii=False) + "\n" + "{not json\n", encoding="utf-8")
    r = runner.invoke(app, ["code", "--analysed", str(path)])
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert r.exit_code == 1 and ":2: not an analysed article" in r.output   # the bad line is named, the rest is coded
    # the visit "een dag later" than "precies een week geleden" in an article dated to the month
    assert any(e["cameo"] == "042" and e["date"]["earliest"] == "2025-02-23" for e in lines)
