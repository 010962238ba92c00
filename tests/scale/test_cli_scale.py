"""`kroniek extract` with web input, --workers, --format parquet and the closing summary (no Frog:
the time tagger alone)."""
from __future__ import annotations

from typer.testing import CliRunner

from kroniek.interfaces.cli import app

from .webfixtures import DUTCH, ENGLISH, html_page, write_warc


def test_extract_web_input_with_workers_to_parquet(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "en.html").write_text(html_page(*ENGLISH, lang="en"), encoding="utf-8")
    write_warc(src / "crawl.warc.gz", [(f"https://voorbeeld.nl/{i}", html_page(*d)) for i, d in enumerate(DUTCH)]
               + [("https://voorbeeld.nl/kopie", html_page(*DUTCH[0]))])
    out = tmp_path / "ds"
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(src), "--out", str(out), "--stages", "timex", "--workers", "2",
                              "--format", "parquet", "--no-summary", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "read 4 articles: 2 processed, 1 skipped by language (en 1), 1 duplicates" in res.output
    assert "2 worker processes" in res.output and "peak memory" in res.output
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["month=2025-02", "month=2025-03"]
    again = runner.invoke(app, ["extract", str(src), "--out", str(out), "--stages", "timex", "--format", "parquet"])
    assert again.exit_code == 2 and "--overwrite" in again.output
