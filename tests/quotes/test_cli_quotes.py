"""`kroniek quotes`: quotes on standard output, clear errors for bad input."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kroniek.interfaces.cli import app


def test_bad_analysed_line_is_named_with_file_and_line(tmp_path):
    bad = tmp_path / "articles.jsonl"
    bad.write_text('{"id": "a"}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", "--analysed", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1:" in result.output and f"{bad}:2:" in result.output


@pytest.mark.frog
def test_quotes_of_an_analysed_article(tmp_path, analysed):
    a = analysed('"De sancties blijven van kracht", zei premier Rutte. Volgens de VN zijn er duizenden doden.')
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(a.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", "--analysed", str(path)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["direct"] for r in recs] == [True, False]
    assert "Rutte" in recs[0]["speaker"]["name"] and recs[0]["quote"] == "De sancties blijven van kracht"
    text = CliRunner().invoke(app, ["quotes", "--analysed", "--direct-only", "--text", str(path)])
    assert text.output.strip().endswith(': "De sancties blijven van kracht"')
