"""Run the pipeline over inputs: the one entry point that `extract` and `ingest` share.

`process_inputs` yields each processed Article or InputError, in input order where it can.
Today it runs one pipeline in this process; `workers` and `cluster` are the hooks for the
parallel and distributed modes.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from ..pipeline import DEFAULT_PIPELINE, Pipeline
from ..reading.sources import iter_articles
from ..records import Article, InputError


def process_inputs(inputs: Iterable[str], stages: Optional[list[str]] = None,
                   config: Optional[dict[str, dict[str, Any]]] = None, workers: int = 1,
                   cluster: Optional[str] = None, skip_ids: Optional[set[str]] = None) -> Iterator[Article | InputError]:
    """Read `inputs` and run the pipeline; articles whose id is in `skip_ids` are not processed."""
    names = list(stages or DEFAULT_PIPELINE)
    articles: Iterable[Article | InputError] = iter_articles(inputs)
    if skip_ids:
        articles = (a for a in articles if isinstance(a, InputError) or a.id not in skip_ids)
    with Pipeline(names, config=config or {}) as pipe:
        yield from pipe.process(articles)
