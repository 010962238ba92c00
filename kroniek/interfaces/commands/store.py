"""Store commands: `kroniek ingest`, `events`, `timeline`, `dyad`, `actors`, `article`, `export`, `serve`.

All query commands read the store given by `--db` (default kroniek.duckdb) and print a Rich
table, or JSON / CSV with `--format`.
"""
from __future__ import annotations

import functools
import inspect
import io
import json
import sys
import time
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ...pipeline import DEFAULT_PIPELINE
from ...records import Article, InputError
from ..progress import article_progress, err_console

DB_OPTION = typer.Option("kroniek.duckdb", "--db", help="The store file (DuckDB)", envvar="KRONIEK_DB")
FORMATS = ("table", "json", "csv")


def _fail(msg: str) -> None:
    from rich.markup import escape
    err_console.print(f"[red]error[/red] {escape(msg)}", soft_wrap=True)  # messages quote user input
    raise typer.Exit(2)


def _open(db: str, read_only: bool = True):
    from ...store import Store, StoreError
    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        _fail(str(exc))


def _jsonable(v):
    import datetime as dt
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    raise TypeError(type(v).__name__)


def _dump(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1, default=_jsonable) + "\n")


def _csv(rows: list[dict], columns: list[str] | None = None) -> None:
    import csv
    columns = columns or (list(rows[0]) if rows else [])
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else _jsonable(r[c]) if hasattr(r[c], "isoformat") else r[c]
                    for c in columns])


def _split(values: Optional[List[str]]) -> list[str]:
    """Repeated options and comma-separated lists are the same: --mode asserted,intended."""
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


# -- the event filter options, shared by events / timeline / export -----------------------------
FILTER_PARAMS = [
    ("actor", Optional[str], typer.Option(None, "--actor", "-a", help="Actor or country as source or target (USA, USAGOV, a person's name)")),
    ("source", Optional[str], typer.Option(None, "--source", "-s", help="Actor or country as source")),
    ("target", Optional[str], typer.Option(None, "--target", "-t", help="Actor or country as target")),
    ("dyad", Optional[str], typer.Option(None, "--dyad", help="Two actors, 'USA,UKR': events between them")),
    ("directed", bool, typer.Option(False, "--directed", help="With --dyad: only the first as source")),
    ("cameo", Optional[List[str]], typer.Option(None, "--cameo", "-c", help="CAMEO code or prefix (072, 19); repeatable")),
    ("root", Optional[List[str]], typer.Option(None, "--root", help="CAMEO root code (01..20); repeatable")),
    ("plover", Optional[List[str]], typer.Option(None, "--plover", help="PLOVER event type (AID, ASSAULT, ...); repeatable")),
    ("quadclass", Optional[List[str]], typer.Option(None, "--quadclass", "-q", help="QuadClass 1-4; repeatable")),
    ("mode", Optional[List[str]], typer.Option(None, "--mode", "-m", help="asserted, intended, hypothetical, negated, counterfactual")),
    ("since", Optional[str], typer.Option(None, "--since", help="Events that may have happened on or after this day (YYYY[-MM[-DD]])")),
    ("until", Optional[str], typer.Option(None, "--until", help="Events that may have happened on or before this day")),
    ("article_since", Optional[str], typer.Option(None, "--article-since", help="Articles published on or after")),
    ("article_until", Optional[str], typer.Option(None, "--article-until", help="Articles published on or before")),
    ("text", Optional[str], typer.Option(None, "--text", help="Free text in the sentence, evidence, actors or title")),
    ("article", Optional[str], typer.Option(None, "--article", help="One article id")),
    ("min_confidence", Optional[float], typer.Option(None, "--min-confidence", help="Lowest coder confidence")),
]


def make_filter(**kw):
    from ...store.queries import EventFilter
    dyad = None
    if kw.get("dyad"):
        parts = _split([kw["dyad"]])
        if len(parts) != 2:
            _fail("--dyad takes two actors: --dyad USA,UKR")
        dyad = (parts[0], parts[1])
    try:
        qc = [int(q) for q in _split(kw.get("quadclass"))]
    except ValueError:
        _fail("--quadclass takes numbers 1 to 4")
    if any(q not in (1, 2, 3, 4) for q in qc):
        _fail("--quadclass takes numbers 1 to 4")
    from ...records import MODES
    modes = [m.lower() for m in _split(kw.get("mode"))]
    if bad := [m for m in modes if m not in MODES]:
        _fail(f"unknown mode {bad[0]!r} (known: {', '.join(MODES)})")
    return EventFilter(actor=kw.get("actor"), source=kw.get("source"), target=kw.get("target"), dyad=dyad,
                       directed=bool(kw.get("directed")), cameo=_split(kw.get("cameo")), root=_split(kw.get("root")),
                       plover=_split(kw.get("plover")), quadclass=qc, mode=modes, since=kw.get("since"),
                       until=kw.get("until"), article_since=kw.get("article_since"),
                       article_until=kw.get("article_until"), text=kw.get("text"), article=kw.get("article"),
                       min_confidence=kw.get("min_confidence"))


def with_filters(fn: Callable) -> Callable:
    """Add the event filter options to a command; the command receives them as `filt`."""
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values() if p.name != "filt"]
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=ann)
             for name, ann, default in FILTER_PARAMS]

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        fkw = {name: kwargs.pop(name, None) for name, _, _ in FILTER_PARAMS}
        return fn(*args, filt=make_filter(**fkw), **kwargs)

    wrapper.__signature__ = sig.replace(parameters=[
        *[p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params], *extra])
    return wrapper


# -- rendering -----------------------------------------------------------------------------------
def _actor_cell(e: dict, p: str) -> Text:
    text = e.get(f"{p}_person") or e.get(f"{p}_text")
    code = e.get(f"{p}_code") or e.get(f"{p}_country")
    if not text and not code:
        return Text("—")
    return Text.assemble(text or "", " ", (code or "", "dim"))


def _date_cell(e: dict) -> str:
    a, b = e.get("earliest"), e.get("latest")
    if a is None and b is None:
        return f"[dim]{e['day']}?[/dim]"
    return str(a) if a == b else f"{a}\n..{b}"


QC_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}


def events_table(items: list[dict], title: str, with_sentence: bool = False) -> Table:
    t = Table(title=title, expand=False, show_lines=with_sentence)
    min_widths = {"date": 10, "source": 10, "event": 7, "target": 10, "mode": 8, "evidence": 24, "article": 12}
    max_widths = {"source": 22, "target": 22, "event": 14, "mode": 12, "article": 16, "evidence": 80}
    for col in ("date", "source", "event", "target", "mode", "G", "evidence", "article"):
        t.add_column(col, overflow="fold", no_wrap=col == "date", min_width=min_widths.get(col),
                     max_width=max_widths.get(col))
    for e in items:
        qc = e.get("quadclass")
        ev_text = e.get("evidence_text") or ""
        sentence = e.get("sentence") or ""
        if with_sentence and ev_text and ev_text in sentence and ev_text != sentence:
            # the sentence, with the evidence in it in bold
            i = sentence.index(ev_text)
            ev = Text.assemble(sentence[:i], (ev_text, "bold"), sentence[i + len(ev_text):])
        else:
            shown = ev_text or sentence
            ev = Text(shown if with_sentence or len(shown) <= 90 else shown[:89] + "…")
        code = f"[{QC_STYLE.get(qc, 'white')}]{e['cameo']}[/] {e.get('plover') or ''}".strip()
        t.add_row(_date_cell(e), _actor_cell(e, "src"), code, _actor_cell(e, "tgt"),
                  e.get("mode") or "", "" if e.get("goldstein") is None else f"{e['goldstein']:+g}", ev,
                  Text(str(e["article_id"])))
    return t


def _console() -> Console:
    """Rich's console; piped output gets 120 columns instead of 80 so tables stay readable."""
    c = Console()
    if not c.is_terminal:
        c = Console(width=120)
    return c


def _page_note(res: dict, console: Console) -> None:
    shown = len(res["items"])
    if res.get("total") is not None and res["total"] > shown:
        console.print(f"[dim]{shown} of {res['total']} shown (offset {res['offset']}); use --limit/--offset[/dim]")


def _print_events(res: dict, fmt: str, title: str, with_sentence: bool = False) -> None:
    """A page of events (`kroniek events`, `kroniek timeline`) as JSON, CSV or a table."""
    from ...output.exports import CSV_COLUMNS, event_json, write_csv
    if fmt == "json":
        _dump({**res, "items": [event_json(e) for e in res["items"]]})
    elif fmt == "csv":
        write_csv(res["items"], sys.stdout, CSV_COLUMNS)
    else:
        console = _console()
        console.print(events_table(res["items"], title, with_sentence=with_sentence))
        _page_note(res, console)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        inputs: List[str] = typer.Argument(..., help="Files or folders, as for `kroniek extract`"),
        db: str = DB_OPTION,
        stages: Optional[str] = typer.Option(None, help=f"Comma-separated pipeline components (default: {','.join(DEFAULT_PIPELINE)})"),
        skip: str = typer.Option("", help="Frog modules to skip, e.g. 'p' for no dependency parse"),
        workers: int = typer.Option(1, "--workers", "-w", help="Parallel pipeline workers"),
        cluster: Optional[str] = typer.Option(None, "--cluster", help="Dask scheduler address for distributed runs"),
        batch: int = typer.Option(50, help="Articles per store transaction"),
        parse_filter: bool = typer.Option(False, "--parse-filter/--parse-all",
                                          help="Dependency-parse only sentences where events can be (faster)"),
        replace: bool = typer.Option(False, help="Re-process and replace articles even when unchanged"),
        progress: Optional[bool] = typer.Option(None, help="Force the progress bar on or off"),
    ) -> None:
        """Run the pipeline on INPUTS and store the results. Unchanged articles (same id and
        content) are skipped without processing; changed ones are replaced. Exit 1 on input errors."""
        from rich.markup import escape
        from ...reading.sources import iter_articles
        from ...scale.runner import process_inputs
        from ...store import IngestResult
        from .extract import count_inputs, frog_config
        from ..preflight import check_run
        names = [s.strip() for s in stages.split(",")] if stages else list(DEFAULT_PIPELINE)
        started = time.monotonic()
        store = _open(db, read_only=False)
        result, errors = IngestResult(), 0
        with store:
            skip_ids: set[str] = set()
            read_errors: list[InputError] = []
            to_process = None
            if not replace and store.scalar("SELECT count(*) FROM articles"):
                # Reading is cheap next to analysis: find the unchanged articles first, so the
                # pipeline never sees them (and is not even started when nothing changed).
                stored = store.hashes()
                to_process = 0
                for a in iter_articles(inputs):
                    if isinstance(a, InputError):
                        read_errors.append(a)
                    elif stored.get(a.id) == a.content_hash:
                        skip_ids.add(a.id)
                    else:
                        skip_ids.discard(a.id)
                        to_process += 1
            result.unchanged += sorted(skip_ids)
            total = count_inputs(inputs)
            from ...scale.stats import RunStats
            stats = RunStats()
            if to_process != 0:
                check_run(names, cluster)
            items = (process_inputs(inputs, names, config=frog_config(skip, parse_filter), workers=workers,
                                    cluster=cluster, skip_ids=skip_ids, stats=stats)
                     if to_process != 0 else iter(read_errors))
            pending: list[Article] = []
            with article_progress(None if total is None else max(0, total - len(skip_ids)), progress) as advance:
                for item in items:
                    if isinstance(item, InputError):
                        errors += 1
                        err_console.print(f"[red]error[/red] {escape(str(item))}", soft_wrap=True)
                        continue
                    pending.append(item)
                    advance()
                    if len(pending) >= batch:
                        _store_batch(store, pending, replace, result)
                        pending = []
                if pending:
                    _store_batch(store, pending, replace, result)
            counts = store.counts()
        console = Console(stderr=True)
        if stats.read:
            console.print(stats.summary(), highlight=False, markup=False, soft_wrap=True)
        console.print(f"[bold]{escape(db)}[/bold]: {len(result.added)} added, {len(result.replaced)} replaced, "
                      f"{len(result.unchanged)} unchanged, {errors} errors in {time.monotonic() - started:.1f} s; "
                      f"store holds {counts['articles']} articles, {counts['events']} events, "
                      f"{counts['quotes']} quotes, {counts['timexes']} time expressions")
        if errors:
            raise typer.Exit(1)

    @app.command()
    @with_filters
    def events(
        db: str = DB_OPTION,
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
        limit: int = typer.Option(100, "--limit", "-n", help="At most this many events"),
        offset: int = typer.Option(0, "--offset", help="Skip this many (for paging)"),
        order: str = typer.Option("date", "--order", help="date, -date, article, goldstein, -goldstein, confidence"),
        filt=None,
    ) -> None:
        """Events in the store, filtered (all filters combine)."""
        from ...store import queries
        _check_format(fmt)
        with _open(db) as store:
            try:
                res = queries.events(store, filt, limit=limit, offset=offset, order=order)
            except ValueError as exc:
                _fail(str(exc))
        _print_events(res, fmt, f"{res['total']} events")

    @app.command()
    @with_filters
    def timeline(
        db: str = DB_OPTION,
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
        limit: int = typer.Option(200, "--limit", "-n"),
        offset: int = typer.Option(0, "--offset"),
        filt=None,
    ) -> None:
        """Events in the order they happened, each with the sentence that proves it."""
        from ...store import queries
        _check_format(fmt)
        with _open(db) as store:
            try:
                res = queries.timeline(store, filt, limit=limit, offset=offset)
            except ValueError as exc:
                _fail(str(exc))
        _print_events(res, fmt, f"timeline: {res['total']} events", with_sentence=True)

    @app.command()
    def dyad(
        a: str = typer.Argument(..., help="First actor or country (USA, USAGOV, a person)"),
        b: str = typer.Argument(..., help="Second actor or country"),
        by: str = typer.Option("week", "--by", help="day, week, month, quarter or year"),
        directed: bool = typer.Option(False, "--directed", help="Only A as source and B as target"),
        anchor: str = typer.Option("earliest", "--anchor", help="Count an event on its earliest, middle or latest possible day"),
        mode: Optional[List[str]] = typer.Option(None, "--mode", "-m", help="Modes to count (default: asserted)"),
        since: Optional[str] = typer.Option(None, "--since"),
        until: Optional[str] = typer.Option(None, "--until"),
        db: str = DB_OPTION,
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
    ) -> None:
        """Cooperation and conflict between A and B over time: counts per QuadClass and Goldstein sums."""
        from ...store import queries
        _check_format(fmt)
        filt = make_filter(mode=mode, since=since, until=until)
        with _open(db) as store:
            try:
                res = queries.dyad(store, a, b, by=by, directed=directed, f=filt, anchor=anchor)
            except ValueError as exc:
                _fail(str(exc))
        if fmt == "json":
            _dump(res)
            return
        if fmt == "csv":
            _csv(res["periods"], ["period", "events", "q1", "q2", "q3", "q4", "goldstein", "goldstein_cooperation",
                                  "goldstein_conflict", "goldstein_mean", "a_to_b", "b_to_a", "imprecise"])
            return
        console = _console()
        arrow = "→" if directed else "↔"
        t = Table(title=f"{a} {arrow} {b} by {by} ({', '.join(res['modes'])} events)")
        for col in ("period", "events", "Q1", "Q2", "Q3", "Q4", "Goldstein", f"{a}→{b}", f"{b}→{a}", "vague", ""):
            t.add_column(col, justify="left" if col in ("period", "") else "right", no_wrap=True)
        peak = max((abs(r["goldstein"]) for r in res["periods"]), default=0) or 1
        for r in res["periods"]:
            g = r["goldstein"]
            bar = Text("█" * max(0, round(8 * abs(g) / peak)), style="green" if g > 0 else "red")
            t.add_row(str(r["period"]), str(r["events"]), str(r["q1"]), str(r["q2"]), str(r["q3"]), str(r["q4"]),
                      f"{g:+.1f}", str(r["a_to_b"]), str(r["b_to_a"]), str(r["imprecise"]) if r["imprecise"] else "",
                      bar)
        console.print(t)
        console.print("[dim]Q1 verbal cooperation, Q2 material cooperation, Q3 verbal conflict, Q4 material "
                      f"conflict; vague: events dated less precisely than the period (counted at their {anchor} possible day)[/dim]")
        tot = res["totals"]
        console.print(f"{tot['events']} events: {tot['q1'] + tot['q2']} cooperation, {tot['q3'] + tot['q4']} "
                      f"conflict, Goldstein sum {tot['goldstein']:+.1f}")

    # `kroniek actors` is also the actor knowledge base's command group (actors.py, registered
    # first): the store's actor listing is then `kroniek actors list`.
    kb_group = next((g.typer_instance for g in app.registered_groups if g.name == "actors"), None)
    actors_command = kb_group.command("list") if kb_group is not None else app.command("actors")

    @actors_command
    def actors(
        db: str = DB_OPTION,
        search: Optional[str] = typer.Option(None, "--search", help="Part of a code or name"),
        limit: int = typer.Option(100, "--limit", "-n"),
        offset: int = typer.Option(0, "--offset"),
        fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
    ) -> None:
        """The actors in the stored events: how often each acts and is acted upon, mean Goldstein score."""
        from ...store import queries
        _check_format(fmt)
        with _open(db) as store:
            res = queries.actors(store, limit=limit, offset=offset, search=search)
        if fmt == "json":
            _dump(res)
        elif fmt == "csv":
            _csv(res["items"], ["actor", "code", "country", "person", "name", "events", "as_source", "as_target",
                                "goldstein_mean", "first", "last"])
        else:
            console = _console()
            t = Table(title=f"{res['total']} actors")
            for col in ("actor", "name", "country", "events", "as source", "as target", "mean G", "first", "last"):
                t.add_column(col, justify="right" if col in ("events", "as source", "as target", "mean G") else "left")
            for r in res["items"]:
                t.add_row(Text(r["actor"] or ""), Text(r["name"] or ""), r["country"] or "", str(r["events"]),
                          str(r["as_source"]), str(r["as_target"]),
                          "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}",
                          str(r["first"]), str(r["last"]))
            console.print(t)
            _page_note(res, console)

    @app.command()
    def article(
        article_id: str = typer.Argument(..., metavar="ID", help="Article id"),
        db: str = DB_OPTION,
        fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
    ) -> None:
        """One article's text with its events' evidence and its quotes marked, then the events and quotes."""
        from ...store import queries
        _check_format(fmt)
        with _open(db) as store:
            art = queries.article_detail(store, article_id)
        if art is None:
            _fail(f"no article {article_id!r} in {db}")
        if fmt == "json":
            _dump(art)
            return
        if fmt == "csv":
            _fail("`kroniek article` prints a table or JSON; use `kroniek events --article ID --format csv`")
        console = _console()
        console.rule(f"[bold]{art['title'] or art['id']}[/bold]  [dim]{art['id']} · {art['date_value']}"
                     f"{' · ' + art['url'] if art['url'] else ''}[/dim]")
        console.print(marked_text(art, brackets=not console.is_terminal or console.no_color))
        if console.is_terminal and not console.no_color:
            console.print("[dim]legend:[/dim] [black on yellow]evidence[/] [bold underline]trigger[/] "
                          "[italic cyan]quote[/] [magenta]speaker[/] [underline blue]time expression[/]")
        else:
            console.print("⟦…⟧ marks the evidence of an event")
        if art["events"]:
            console.print(events_table(art["events"], f"{len(art['events'])} events"))
        if art["quotes"]:
            t = Table(title=f"{len(art['quotes'])} quotes")
            for col in ("speaker", "quote", "direct"):
                t.add_column(col, overflow="fold")
            for q in art["quotes"]:
                t.add_row(Text(q["speaker_person"] or q["speaker_text"] or "—"), Text(q["quote"] or ""),
                          "yes" if q["direct"] else "no")
            console.print(t)

    @app.command()
    @with_filters
    def export(
        fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet or gdelt (GDELT 2.0 event table)"),
        out: Optional[str] = typer.Option(None, "--out", "-o", help="Output file ('-' or none: standard output)"),
        db: str = DB_OPTION,
        filt=None,
    ) -> None:
        """Export events (optionally filtered). The GDELT layout holds asserted events unless --mode says otherwise."""
        from ...output.exports import FORMATS as EXPORT_FORMATS, export as do_export
        if fmt not in EXPORT_FORMATS:
            _fail(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
        with _open(db) as store:
            try:
                n = do_export(store, fmt, out, filt)
            except (ValueError, OSError) as exc:
                _fail(str(exc))
        if out not in (None, "-"):
            note = " (asserted events only; --mode for others)" if fmt == "gdelt" and not filt.mode else ""
            err_console.print(f"{n} events written to {out} ({fmt}){note}")

    @app.command()
    def serve(
        db: str = DB_OPTION,
        host: str = typer.Option("127.0.0.1", help="Address to bind (default: this machine only)"),
        port: int = typer.Option(8000, help="Port"),
        stages: Optional[str] = typer.Option(None, help="Pipeline components for POST /articles"),
        read_only: bool = typer.Option(False, "--read-only", help="Open the store read-only; POST /articles is refused"),
        token: Optional[str] = typer.Option(None, "--token", envvar="KRONIEK_TOKEN", show_default=False,
                                            help="Writes (POST /articles) must carry 'Authorization: Bearer TOKEN'; "
                                                 "required with a writable store on a non-loopback --host"),
    ) -> None:
        """Serve the HTTP API (OpenAPI docs at /docs) and the web page at http://HOST:PORT/."""
        import uvicorn
        from ..api import create_app, pipeline_processor
        from ..security import check_exposure, harden
        if problem := check_exposure(host, not read_only, token):
            _fail(problem)
        store = _open(db, read_only=read_only)
        names = [s.strip() for s in stages.split(",")] if stages else None
        # token, body size limit, Host check and security headers: kroniek/interfaces/security.py
        app_ = harden(create_app(store, process=None if read_only else pipeline_processor(names)), host, token)
        err_console.print(f"kroniek: serving {escape(db)} on http://{host}:{port}/ (API docs: /docs)")
        try:
            uvicorn.run(app_, host=host, port=port, log_level="warning")  # its shutdown stops the pipeline
        finally:
            store.close()


def _store_batch(store, pending: list, replace: bool, result) -> None:
    """One store transaction; a failed write (disk full) ends the run with a clear error."""
    from ...store import StoreError
    try:
        result.merge(store.ingest(pending, replace=replace))
    except StoreError as exc:
        _fail(f"{exc} ({len(result.added) + len(result.replaced)} articles were stored in this run)")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


MARK_STYLES = {"evidence": "black on yellow", "trigger": "bold underline", "quote": "italic cyan",
               "speaker": "magenta", "cue": "dim", "timex": "underline blue"}


def marked_text(art: dict, brackets: bool = False) -> Text:
    """The article text with its marks as Rich styles (markup in the text is never interpreted).
    With `brackets` (output without colours: a file, a pipe) evidence spans are also ⟦bracketed⟧."""
    raw = art["text"]
    if not brackets:
        text = Text(raw)
        for kind in ("quote", "cue", "speaker", "timex", "evidence", "trigger"):  # later styles win
            for m in art["marks"]:
                if m["kind"] == kind:
                    text.stylize(MARK_STYLES[kind], m["start"], m["end"])
        return text
    inserts: dict[int, str] = {}
    for m in art["marks"]:
        if m["kind"] == "evidence":
            inserts[m["start"]] = inserts.get(m["start"], "") + "⟦"
            inserts[m["end"]] = "⟧" + inserts.get(m["end"], "")
    out, last = [], 0
    for pos in sorted(inserts):
        out += [raw[last:pos], inserts[pos]]
        last = pos
    out.append(raw[last:])
    return Text("".join(out))
