"""Web input: saved HTML pages and WARC crawl files (CC-NEWS style) as articles.

trafilatura takes the article out of the page (text without menus, footers and comments,
plus title, publication date and URL); py3langid decides the language. An article in
another language is not an error: it is read with `lang` set to what was detected, and
the runner skips it and counts it (`kroniek.scale.runner`). A page without article text
or without a publication date is an InputError naming the file (and the WARC record
number), because kroniek anchors events in time and an undated page cannot be anchored.

WARC files are read record by record (`warcio`, gzip or plain): `response` records with an
HTML payload and `resource` records of type text/html; every other record (request,
metadata, images, redirects) is passed over without a word.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator, Optional

from ..records import Article, DocDate, InputError, InputProblem
from .decode import decode_bytes
from .ids import article_id, name_text
from .limits import max_page_bytes
from .paragraphs import split_paragraphs
from .sources import READERS, _load_builtin_readers, register_reader

# Imported on its own (before any reader was asked for), this module must not leave the
# plain-text and JSON Lines readers unregistered.
if not READERS:
    _load_builtin_readers()

# Shorter texts carry too little for language identification and are rarely news articles.
MIN_TEXT_CHARS = 200
# py3langid is reliable on a few sentences; the start of the article is enough and keeps it fast.
LANG_SAMPLE_CHARS = 3000


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of `text` (py3langid)."""
    import py3langid
    return py3langid.classify(text[:LANG_SAMPLE_CHARS])[0]


def _extract(html: bytes | str, url: Optional[str]):
    import trafilatura
    # Precision over recall: a crawl holds many pages that are not articles, and boilerplate
    # sentences ("Lees ook", cookie banners) would only make noise events.
    # The date comes from the page's metadata or its URL only: htmldate's extensive search
    # takes a year mentioned in the text and makes it 1 January of that year, which would
    # anchor every relative date of the article on a made-up day.
    from lxml import etree
    try:
        tree = _parse(html)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):  # no HTML in it at all
        return None
    return trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, favor_precision=True,
                                       date_extraction_params={"extensive_search": False, "original_date": True})


def _parse(html: bytes | str):
    """The page as an lxml tree, parsed here rather than by trafilatura so that libxml2's
    10 MB limit on one text node is lifted (`huge_tree`): a page with a large inline script
    lost its whole article to it. The page's size is bounded before (`max_page_bytes`).
    Text is parsed as the UTF-8 it is given as; bytes that did not decode are left to the
    charset the page declares."""
    from lxml.html import HTMLParser, fromstring
    options = dict(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, huge_tree=True)
    if isinstance(html, str):
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=HTMLParser(encoding="utf-8", **options))
    return fromstring(html, parser=HTMLParser(**options))


def _article_text(title: Optional[str], body: str) -> str:
    """Paragraphs separated by blank lines (kroniek's paragraph convention), headline first.

    trafilatura gives one line per paragraph; the headline is kept as the first paragraph
    because events reported in a headline are coded, as in the plain-text format."""
    paras = [" ".join(line.split()) for line in body.splitlines()]
    paras = [p for p in paras if p]
    if title and (not paras or paras[0] != " ".join(title.split())):
        paras.insert(0, " ".join(title.split()))
    return "\n\n".join(paras)


def article_from_html(html: bytes | str, file: str, line: Optional[int] = None, url: Optional[str] = None,
                      doc_id: Optional[str] = None) -> Article:
    """One article out of one HTML page; raises InputProblem when there is none."""
    doc = _extract(html, url)
    if doc is None or not (doc.text or "").strip():
        raise InputProblem("no article text found in the page", file, line)
    title = " ".join((doc.title or "").split()) or None
    text = _article_text(title, doc.text)
    if len(text) < MIN_TEXT_CHARS:
        raise InputProblem(f"page text too short for an article ({len(text)} characters)", file, line)
    if not doc.date:
        raise InputProblem("no publication date found in the page", file, line)
    try:
        date = DocDate.parse(doc.date)
    except ValueError as exc:
        raise InputProblem(f"malformed publication date: {exc}", file, line) from None
    url = doc.url or url
    if doc_id is None:
        key = url or f"{file}:{line or 0}"
        doc_id = "web-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    article = Article(id=doc_id, date=date, text=text, title=title, url=url, source=doc.sitename or doc.hostname,
                      origin=file, line=line, lang=detect_language(text), paragraphs=split_paragraphs(text))
    return article


@register_reader(".html", ".htm", ".xhtml")
def read_html_file(path: Path) -> Iterator[Article | InputError]:
    file = str(path)
    try:
        size, limit = path.stat().st_size, max_page_bytes()
        if size > limit:  # not read at all
            raise InputProblem(_too_big(f"{size:,} bytes", limit), file)
        data = path.read_bytes()
        if not data.strip():
            raise InputProblem("empty file", file)
        html, _ = decode_bytes(data, file)
        stem = article_id(name_text(path.name).rsplit(".", 1)[0], file)
        yield article_from_html(html, file, doc_id=stem)
    except InputProblem as exc:
        yield InputError(file=exc.file or file, line=exc.line, reason=exc.reason)
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")


def _too_big(size: str, limit: int) -> str:
    return (f"page too large: {size} (limit {limit:,}; set KRONIEK_MAX_PAGE_BYTES to raise it); "
            f"not read")


def _is_html(content_type: str) -> bool:
    ct = content_type.split(";", 1)[0].strip().lower()
    return ct in ("text/html", "application/xhtml+xml")


@register_reader(".warc", ".warc.gz")
def read_warc_file(path: Path) -> Iterator[Article | InputError]:
    """Articles of the HTML pages in a WARC file; `line` is the record number (1-based)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    file = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")
        return
    limit = max_page_bytes()
    with stream:
        number = 0
        try:
            for record in ArchiveIterator(stream):
                number += 1
                if record.format != "warc":
                    # warcio reads any text as old ARC records; a .warc file must hold WARC records.
                    yield InputError(file=file, line=number, reason="not a readable WARC file: "
                                     "no WARC record header (WARC/1.x) where a record should start")
                    return
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    if status != "200" or not _is_html(record.http_headers.get_header("Content-Type") or ""):
                        continue
                elif record.rec_type == "resource":
                    if not _is_html(record.rec_headers.get_header("Content-Type") or ""):
                        continue
                else:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    # Bounded: a record of a few hundred KB can decompress to gigabytes. The rest
                    # of a page over the limit is skipped by the iterator, a chunk at a time.
                    payload = record.content_stream().read(limit + 1)
                    if len(payload) > limit:
                        raise InputProblem(_too_big(f"more than {limit:,} bytes", limit), file, number)
                    missing = getattr(record.raw_stream, "limit", 0)
                    if missing:  # the file ends inside this record: never take half a page as the article
                        raise InputProblem(f"truncated WARC record: the file ends {missing} bytes before "
                                           f"the record does", file, number)
                    if not payload.strip():
                        raise InputProblem(f"empty page {url or ''}".strip(), file, number)
                    try:
                        html, _ = decode_bytes(payload, file)
                    except InputProblem:
                        html = payload  # let lxml find the charset in the page itself
                    yield article_from_html(html, file, line=number, url=url)
                except InputProblem as exc:
                    reason = exc.reason if not url or url in exc.reason else f"{exc.reason} ({url})"
                    yield InputError(file=file, line=number, reason=reason)
        except ArchiveLoadFailed as exc:
            yield InputError(file=file, line=number + 1 if number else None,
                             reason=f"not a readable WARC file: {str(exc).strip()}")
            return
        if number == 0 and stream.tell() > 0:
            yield InputError(file=file, reason="not a readable WARC file: no WARC record found")
