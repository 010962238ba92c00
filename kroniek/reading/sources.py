"""Inputs to articles: files by their ending, folders recursively, several inputs at once.

Readers are registered by file ending, so web formats (HTML, WARC) plug in beside the
plain-text and JSON Lines readers without this module knowing them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..records import Article, InputError
from .ids import printable

Reader = Callable[[Path], Iterator["Article | InputError"]]
READERS: dict[str, Reader] = {}


def register_reader(*endings: str):
    def deco(fn: Reader) -> Reader:
        for e in endings:
            READERS[e.lower()] = fn
        return fn
    return deco


def _load_builtin_readers() -> None:
    from .jsonl import read_jsonl_file
    from .text import read_text_file
    READERS.setdefault(".txt", read_text_file)
    READERS.setdefault(".jsonl", read_jsonl_file)
    READERS.setdefault(".jsonl.gz", read_jsonl_file)  # the reader sees the gzip header itself
    try:  # web formats are optional extras
        from . import web  # noqa: F401  (registers .html, .warc, ...)
    except ImportError:
        pass


def reader_for(path: Path) -> Reader | None:
    if not READERS:
        _load_builtin_readers()
    name = path.name.lower()
    for ending in sorted(READERS, key=len, reverse=True):
        if name.endswith(ending):
            return READERS[ending]
    return None


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named directly, and the readable files in folders (sorted, recursively)."""
    if not READERS:
        _load_builtin_readers()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists():
            if reader_for(p) is None:
                yield InputError(file=str(p), reason=f"unknown input type (known: {', '.join(sorted(READERS))})")
            else:
                yield _not_a_file(p) or p
        else:
            yield _not_a_file(p) or InputError(file=str(p), reason="no such file or folder")


def _walk(top: Path) -> Iterator[Path | InputError]:
    """The readable files under `top`, sorted, symbolic links to folders followed (a linked
    subfolder used to be passed over without a word); a link back to a folder already being
    read (a loop) is reported, not followed."""
    errors: list[InputError] = []

    def onerror(exc: OSError):
        errors.append(InputError(file=exc.filename or str(top), reason=f"cannot read folder: {exc.strerror}"))

    visited = {os.path.realpath(top)}  # real paths of the folders read or about to be
    for root, dirs, files in os.walk(top, onerror=onerror, followlinks=True):
        dirs.sort()
        for d in list(dirs):
            path = os.path.join(root, d)
            real = os.path.realpath(path)
            if real in visited:  # a loop, or a folder reached twice: read once
                dirs.remove(d)
                if os.path.islink(path):
                    errors.append(InputError(file=path, reason=f"symbolic link to a folder already read "
                                                               f"({real}); not followed"))
            else:
                visited.add(real)
        for f in sorted(files):
            fp = Path(root, f)
            if reader_for(fp) is not None:
                yield _not_a_file(fp) or fp
    yield from errors


def _not_a_file(p: Path) -> InputError | None:
    """Why `p` cannot be read as a file (a FIFO would block the batch for ever), or None."""
    try:
        if p.is_file():
            return None
        if p.is_symlink():
            target = os.readlink(p)
            try:
                p.stat()
            except OSError as exc:
                if exc.strerror and "symbolic links" in exc.strerror:
                    return InputError(file=str(p), reason=f"symbolic link loop ({exc.strerror})")
            return InputError(file=str(p), reason=f"broken symbolic link to {target}")
        if p.exists():
            return InputError(file=str(p), reason="not a regular file (a FIFO, socket or device); not read")
    except OSError as exc:
        return InputError(file=str(p), reason=f"cannot read: {exc.strerror or exc}")
    return None


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article | InputError]:
    from .limits import ArticleChecks
    checks = ArticleChecks()  # size, future date, duplicate ids: the same rules for every reader
    for item in expand_inputs(inputs):
        if isinstance(item, InputError):
            yield printable_item(item)
            continue
        reader = reader_for(item)
        try:
            for read in reader(item):
                read = printable_item(read)
                yield (checks.check(read) or read) if isinstance(read, Article) else read
        except Exception as exc:  # a reader bug must not sink the batch
            yield printable_item(InputError(file=str(item), reason=f"reader failed: {type(exc).__name__}: {exc}"))


def printable_item(item: Article | InputError) -> Article | InputError:
    """File names as text every output can hold: a name that is not UTF-8 comes from the
    operating system with surrogate escapes, which a UTF-8 writer, the console and the store
    all refuse (one such name used to sink the whole run)."""
    if isinstance(item, InputError):
        item.file, item.reason = printable(item.file), printable(item.reason)
    else:
        item.origin = printable(item.origin)
    return item
