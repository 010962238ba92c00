import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLE, ROOT


def run_cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kroniek.interfaces.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=600, **kw)


@pytest.mark.frog
def test_extract_example_end_to_end(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("geen datum\n")
    r = run_cli("extract", str(EXAMPLE), str(bad), "--out", str(tmp_path / "out"))
    assert r.returncode == 1, r.stderr
    out = tmp_path / "out"
    for name in ("articles", "events", "timex", "quotes", "errors"):
        assert (out / f"{name}.jsonl").exists()
    (art,) = [json.loads(l) for l in (out / "articles.jsonl").open()]
    assert art["id"] == "001_brussel_luchtverdediging" and art["date"]["precision"] == "month"
    tok = art["sentences"][0]["tokens"][0]
    assert {"text", "start", "end", "lemma", "pos", "ner", "head", "rel"} <= set(tok)
    (err,) = [json.loads(l) for l in (out / "errors.jsonl").open()]
    assert err["file"] == str(bad) and err["line"] == 1 and "date header" in err["reason"]


def test_usage_error_exit_code(tmp_path):
    r = run_cli("extract", "--out", str(tmp_path))
    assert r.returncode == 2
