"""The HTTP API (FastAPI) and the web page, served by `kroniek serve`.

The API answers the same questions as the command line, as JSON, one page at a time
(`limit`, `offset`, `next_offset`); `POST /articles` runs the pipeline on one article and
stores it. OpenAPI documentation is at /docs and /openapi.json; the web page is at /.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import threading
from pathlib import Path
from typing import Any, Callable, List, Literal, Optional

from fastapi import Body, Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from ..records import MODES, Article, InputProblem
from ..store import queries
from ..store.db import Store, StoreError
from ..store.queries import EventFilter

WEB = Path(__file__).with_name("web")
MAX_LIMIT = 1000
MAX_OFFSET = 2**53  # beyond it DuckDB's OFFSET overflows (a 500); no store is that large

Processor = Callable[[Article], Article]
Order = Literal[tuple(queries.ORDERS)]      # type: ignore[valid-type]
Bucket = Literal[tuple(queries.BUCKETS)]    # type: ignore[valid-type]
Anchor = Literal[tuple(queries.ANCHORS)]    # type: ignore[valid-type]


class ArticleIn(BaseModel):
    """One article to ingest, as in a JSON Lines input line."""

    id: str = Field(..., min_length=1, examples=["nos-2025-03-11-jeddah"])
    date: str = Field(..., description="Publication date: YYYY-MM or YYYY-MM-DD", examples=["2025-03-11"])
    text: str = Field(..., min_length=1)
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None


class IngestOut(BaseModel):
    id: str
    status: str = Field(..., description="added, replaced or unchanged")
    events: int
    quotes: int


def pipeline_processor(stages: Optional[list[str]] = None) -> Processor:
    """The real pipeline for POST /articles, started on first use and shared (one Frog)."""
    from ..pipeline import DEFAULT_PIPELINE, Pipeline
    lock = threading.Lock()
    holder: dict[str, Any] = {}

    def process(article: Article) -> Article:
        with lock:
            if "pipe" not in holder:
                holder["pipe"] = Pipeline(list(stages or DEFAULT_PIPELINE))
            return holder["pipe"](article)

    def close() -> None:
        if "pipe" in holder:
            holder.pop("pipe").close()

    process.close = close  # type: ignore[attr-defined]
    return process


def _jsonable(obj):
    """Dates to ISO strings, recursively (FastAPI would do it too; exports need the same)."""
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def _split(values: Optional[List[str]]) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _page(res: dict) -> dict:
    total, limit, offset = res.get("total"), res.get("limit"), res.get("offset", 0)
    nxt = offset + len(res["items"])
    res["next_offset"] = nxt if total is not None and nxt < total else None
    return res


def create_app(store: Store, process: Optional[Processor] = None) -> FastAPI:
    """The app over an open store. `process` turns a posted Article into an analysed one
    (the pipeline); without it POST /articles answers 503."""
    from .. import __version__
    from ..output.exports import event_json
    meta = dict(title="kroniek", version=__version__,
                description="Coded, time-anchored political events from Dutch news: events, timelines, "
                            "dyads, actors and the articles with their evidence.")
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        # On shutdown: stop the pipeline's Frog, if a POST started one. (uvicorn re-raises
        # SIGTERM after a graceful shutdown, so code after uvicorn.run() may never run.)
        close = getattr(process, "close", None)
        if close:
            close()

    meta["lifespan"] = lifespan
    try:  # Swagger UI and ReDoc from the package, not a CDN: the docs work offline too
        from fastapi_offline import FastAPIOffline
        app = FastAPIOffline(**meta)
    except ImportError:
        app = FastAPI(**meta)

    def make_filter(actor=None, source=None, target=None, dyad=None, directed=False, cameo=None, root=None,
                    plover=None, quadclass=None, mode=None, since=None, until=None, article_since=None,
                    article_until=None, text=None, article=None, min_confidence=None) -> EventFilter:
        pair = None
        if dyad:
            parts = _split([dyad])
            if len(parts) != 2:
                raise HTTPException(400, "dyad takes two actors: dyad=USA,UKR")
            pair = (parts[0], parts[1])
        try:
            qc = [int(q) for q in _split(quadclass)]
        except ValueError:
            raise HTTPException(400, "quadclass takes numbers 1 to 4") from None
        if any(q not in (1, 2, 3, 4) for q in qc):
            raise HTTPException(400, "quadclass takes numbers 1 to 4")
        modes = [m.lower() for m in _split(mode)]
        if bad := [m for m in modes if m not in MODES]:
            raise HTTPException(400, f"unknown mode {bad[0]!r} (known: {', '.join(MODES)})")
        return EventFilter(actor=actor or None, source=source or None, target=target or None, dyad=pair,
                           directed=directed, cameo=_split(cameo), root=_split(root), plover=_split(plover),
                           quadclass=qc, mode=modes, since=since or None, until=until or None,
                           article_since=article_since or None, article_until=article_until or None,
                           text=text or None, article=article or None, min_confidence=min_confidence)

    def filters(
        actor: Optional[str] = Query(None, description="Actor or country as source or target (USA, USAGOV, a name)"),
        source: Optional[str] = Query(None, description="Actor or country as source"),
        target: Optional[str] = Query(None, description="Actor or country as target"),
        dyad: Optional[str] = Query(None, description="Two actors, USA,UKR: events between them"),
        directed: bool = Query(False, description="With dyad: only the first as source"),
        cameo: Optional[List[str]] = Query(None, description="CAMEO code prefixes (072, 19); repeat or comma-separate"),
        root: Optional[List[str]] = Query(None, description="CAMEO root codes 01..20"),
        plover: Optional[List[str]] = Query(None, description="PLOVER event types"),
        quadclass: Optional[List[str]] = Query(None, description="QuadClass 1-4"),
        mode: Optional[List[str]] = Query(None, description="asserted, intended, hypothetical, negated, counterfactual"),
        since: Optional[str] = Query(None, description="Event may have happened on or after (YYYY[-MM[-DD]])"),
        until: Optional[str] = Query(None, description="Event may have happened on or before"),
        article_since: Optional[str] = Query(None, description="Article published on or after"),
        article_until: Optional[str] = Query(None, description="Article published on or before"),
        text: Optional[str] = Query(None, description="Free text in sentence, evidence, actors or title"),
        article: Optional[str] = Query(None, description="One article id"),
        min_confidence: Optional[float] = Query(None, ge=0, le=1, description="Lowest coder confidence"),
    ) -> EventFilter:
        return make_filter(actor, source, target, dyad, directed, cameo, root, plover, quadclass, mode, since,
                           until, article_since, article_until, text, article, min_confidence)

    @app.exception_handler(ValueError)
    async def _bad_value(_, exc: ValueError):
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.get("/health", tags=["store"])
    def health() -> dict:
        """The store's file, schema version and table sizes."""
        return {"status": "ok", "db": store.path, "schema_version": store.version(),
                "read_only": store.read_only, "ingest": process is not None, **_jsonable(queries.stats(store))}

    @app.get("/events", tags=["events"])
    def list_events(f: EventFilter = Depends(filters), limit: int = Query(100, ge=1, le=MAX_LIMIT),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET), order: Order = "date") -> dict:
        """Events matching all the filters given. Actors match a CAMEO code by prefix (USA matches
        USAGOV), a country code, or a name; `since`/`until` test the event's date interval."""
        res = queries.events(store, f, limit=limit, offset=offset, order=order)
        res["items"] = [event_json(e) for e in res["items"]]
        return _jsonable(_page(res))

    @app.get("/events/{gid}", tags=["events"])
    def get_event(gid: int) -> dict:
        """One event: all its evidence spans, its article and the quotes that carry it."""
        e = queries.event_detail(store, gid)
        if e is None:
            raise HTTPException(404, f"no event {gid}")
        out = event_json({**e, "article_title": (e["article"] or {}).get("title"),
                          "article_url": (e["article"] or {}).get("url"),
                          "article_date": (e["article"] or {}).get("date_value")})
        out["evidence_spans"] = e["evidence"]
        out["quotes"] = e["quotes"]
        return _jsonable(out)

    @app.get("/timeline", tags=["events"])
    def get_timeline(f: EventFilter = Depends(filters), limit: int = Query(200, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """Events in the order they happened (earliest possible day first)."""
        res = queries.timeline(store, f, limit=limit, offset=offset)
        res["items"] = [event_json(e) for e in res["items"]]
        return _jsonable(_page(res))

    @app.get("/dyad", tags=["events"])
    def get_dyad(a: str, b: str, by: Bucket = "week", directed: bool = False,
                 mode: Optional[List[str]] = Query(None), since: Optional[str] = None,
                 until: Optional[str] = None, anchor: Anchor = "earliest") -> dict:
        """Counts per QuadClass and Goldstein sums per period for events between A and B
        (asserted events unless `mode` says otherwise)."""
        f = make_filter(mode=mode, since=since, until=until)
        return _jsonable(queries.dyad(store, a, b, by=by, directed=directed, f=f, anchor=anchor))

    @app.get("/facets", tags=["events"])
    def get_facets(f: EventFilter = Depends(filters)) -> dict:
        """How many matching events have each CAMEO root, PLOVER type, mode and QuadClass."""
        return queries.facets(store, f)

    @app.get("/actors", tags=["actors"])
    def get_actors(search: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """Actors in events, most active first."""
        return _jsonable(_page(queries.actors(store, limit=limit, offset=offset, search=search or None)))

    @app.get("/articles", tags=["articles"])
    def get_articles(search: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """Stored articles, newest first."""
        return _jsonable(_page(queries.list_articles(store, limit=limit, offset=offset, search=search or None)))

    @app.get("/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str, segments: bool = True) -> dict:
        """An article with its events, quotes, time expressions and actor mentions, and `marks`
        (character spans of `text`); `segments` cuts the text at every mark boundary."""
        art = queries.article_detail(store, article_id, with_segments=segments)
        if art is None:
            raise HTTPException(404, f"no article {article_id!r}")
        art["events"] = [event_json(e) | {"evidence_spans": e["evidence"]} for e in art["events"]]
        return _jsonable(art)

    @app.post("/articles", tags=["articles"], response_model=IngestOut)
    def post_article(item: ArticleIn = Body(...), replace: bool = False) -> IngestOut:
        """Run the pipeline on one article and store it (idempotent: the same id and content
        again is `unchanged`; new content for an id replaces the old records)."""
        from ..reading.jsonl import article_from_record
        if store.read_only:
            raise HTTPException(403, "the store is open read-only")
        if process is None:
            raise HTTPException(503, "this server has no pipeline to process articles")
        from ..reading.limits import ArticleChecks
        try:
            art = article_from_record(item.model_dump(), "POST /articles", 1)
        except InputProblem as exc:
            raise HTTPException(400, exc.reason) from None
        if refused := ArticleChecks().check(art):  # the readers' size and date rules
            raise HTTPException(400, refused.reason)
        if not replace and store.hashes([art.id]).get(art.id) == art.content_hash:
            return IngestOut(id=art.id, status="unchanged", events=0, quotes=0)
        try:
            art = process(art)
        except Exception as exc:  # the pipeline failed on this article: say so, store nothing
            raise HTTPException(422, f"pipeline failed: {type(exc).__name__}: {exc}") from None
        try:
            res = store.ingest([art], replace=replace)
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from None
        status = "added" if res.added else "replaced" if res.replaced else "unchanged"
        return IngestOut(id=art.id, status=status, events=len(art.events), quotes=len(art.quotes))

    @app.get("/export", tags=["events"])
    def get_export(f: EventFilter = Depends(filters), format: Literal["jsonl", "csv", "gdelt"] = "jsonl"):
        """All matching events as JSON Lines, CSV or the GDELT 2.0 event table (tab-separated)."""
        import io
        from ..output import exports
        if format == "gdelt" and not f.mode:
            f.mode = ["asserted"]
        writer = {"jsonl": exports.write_jsonl, "csv": exports.write_csv, "gdelt": exports.write_gdelt}[format]
        media = {"jsonl": "application/x-ndjson", "csv": "text/csv", "gdelt": "text/tab-separated-values"}[format]

        def chunks():
            import itertools
            rows = queries.iter_events(store, f)
            first = True
            while True:
                batch = list(itertools.islice(rows, 5000))
                if not batch and not first:
                    return
                buf = io.StringIO()
                if format == "csv":
                    exports.write_csv(batch, buf, header=first)
                else:
                    writer(batch, buf)
                first = False
                yield buf.getvalue()
        name = f"kroniek-events.{ {'jsonl': 'jsonl', 'csv': 'csv', 'gdelt': 'export.CSV'}[format] }"
        return StreamingResponse(chunks(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app
