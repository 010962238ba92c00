"""The output folder of `kroniek extract`: one JSON Lines file per layer (../shared/eval/SCHEMA.md)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from ..records import Article, InputError

FILES = ("articles", "events", "timex", "quotes", "actors", "errors")


def dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class OutputFolder:
    """Writes articles.jsonl, events.jsonl, timex.jsonl, quotes.jsonl, actors.jsonl, errors.jsonl."""

    def __init__(self, folder: str | Path, with_tokens: bool = True):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.with_tokens = with_tokens
        self.files: dict[str, IO[str]] = {n: open(self.folder / f"{n}.jsonl", "w", encoding="utf-8") for n in FILES}
        self.counts = {n: 0 for n in FILES}

    def _write(self, name: str, obj: dict) -> None:
        self.files[name].write(dumps(obj) + "\n")
        self.counts[name] += 1

    def write_article(self, a: Article) -> None:
        self._write("articles", a.to_json(with_tokens=self.with_tokens))
        for e in a.events:
            self._write("events", e.to_json(a.id))
        for t in a.timexes:
            self._write("timex", t.to_json(a.id))
        for q in a.quotes:
            self._write("quotes", q.to_json(a.id))
        for m in a.actors:
            self._write("actors", m.to_json(a.id))

    def write_error(self, e: InputError) -> None:
        self._write("errors", e.to_json())

    def write(self, item: Article | InputError) -> None:
        if isinstance(item, InputError):
            self.write_error(item)
        else:
            self.write_article(item)

    def close(self) -> None:
        for f in self.files.values():
            f.close()

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
