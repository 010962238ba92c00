"""The `frog` pipeline component: sentences and tokens on the Article, from one kept-alive Frog."""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .align import align
from .frog import FrogConfig, FrogError, FrogProcess


class FrogAnalyzer:
    def __init__(self, config: FrogConfig | None = None, retries: int = 1):
        self.frog = FrogProcess(config or FrogConfig())
        self.retries = retries

    def __call__(self, article: Article) -> Article:
        paragraphs = [article.text[s:e] for s, e in article.paragraphs] or [article.text]
        for attempt in range(self.retries + 1):
            try:
                rows = self.frog.analyse(paragraphs)
                break
            except FrogError:
                # Frog died or hung on this article: the process is gone; the next call
                # starts a fresh one. Retry once, then let the pipeline record the failure.
                if attempt == self.retries:
                    raise
        parsed = "p" not in self.frog.config.skip
        article.sentences, article.tokens = align(article.text, rows, article.paragraphs, parsed=parsed)
        gaps = unanalysed_spans(article.text, article.tokens)
        if gaps:  # text Frog returned no token for (it drops a "word" of thousands of letters): say so
            article.meta["unanalysed"] = gaps
        return article

    def close(self) -> None:
        self.frog.close()


def unanalysed_spans(text: str, tokens) -> list[list[int]]:
    """[start, end) spans of non-space text that no token covers."""
    covered = bytearray(len(text))
    for t in tokens:
        covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    spans: list[list[int]] = []
    for i, c in enumerate(text):
        if not covered[i] and not c.isspace():
            if spans and spans[-1][1] == i:
                spans[-1][1] = i + 1
            else:
                spans.append([i, i + 1])
    return spans


@component("frog")
def make_frog(skip: str = "", timeout: float = 120.0, binary: str = "frog", retries: int = 1,
              parse_filter: bool = False, chunks: bool = False) -> FrogAnalyzer:
    if parse_filter:  # dependency parse only where events can be (kroniek/analysis/parse_filter.py)
        from .parse_filter import FilteredFrogAnalyzer
        return FilteredFrogAnalyzer(FrogConfig(binary=binary, skip=skip, timeout=timeout), retries=retries,
                                    chunks=chunks)
    # No stage reads chunk tags, and Frog's parse is the same without its chunker (checked
    # row by row on the seed and nl-eval) while the run is ~20% faster: skip it unless asked.
    if not chunks and "c" not in skip:
        skip += "c"
    return FrogAnalyzer(FrogConfig(binary=binary, skip=skip, timeout=timeout), retries=retries)
