"""Finding quoted stretches of text from the quote marks alone (no tokens needed).

Dutch and Flemish news use many quote styles: "…", “…”, „…”, „…“, ,,…'' and ,,…" (old
newspaper style), '…', ‘…’, ’…’ (De Telegraaf), «…». Single marks double as apostrophes
(video’s, zo'n, 's avonds, '80), so each mark is first judged by the characters beside it
(can it open? can it close?), then marks are paired per paragraph with a stack. Quotes
that run over several paragraphs follow the newspaper convention: the paragraph ends
without a closing mark and the next paragraph opens again.

`find_quoted(text, paragraphs)` returns the outermost quoted stretches; whether a stretch
is a quotation or a scare quote is decided later, with tokens (see engine.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE, SINGLE = "double", "single"

# mark -> (family, role): role "open" / "close" are the usual use, "either" is decided by context.
MARKS: dict[str, tuple[str, str]] = {
    ",,": (DOUBLE, "open"), "``": (DOUBLE, "open"), "„": (DOUBLE, "open"), "«": (DOUBLE, "open"),
    "''": (DOUBLE, "close"), "”": (DOUBLE, "either"), "»": (DOUBLE, "close"),
    "“": (DOUBLE, "either"), '"': (DOUBLE, "either"),
    "‚": (SINGLE, "open"), "‹": (SINGLE, "open"), "›": (SINGLE, "close"),
    "'": (SINGLE, "either"), "‘": (SINGLE, "either"), "’": (SINGLE, "either"), "`": (SINGLE, "open"),
}
_MARK_RE = re.compile(r",,|''|``|[\"“”„«»‚‹›'‘’`]")
_QUOTE_CHARS = set("\"“”„«»‚‹›'‘’`")
OPEN_AFTER = set("([{—–-/:;") | _QUOTE_CHARS      # characters a quote may open right after
CLOSE_BEFORE = set(".,;:!?)]}—–-/…") | _QUOTE_CHARS  # characters a quote may close right before
# 's avonds, 't, 'n, 'k, 'm, 'r: elided words, not an opening mark
_ELISION = re.compile(r"(?i)(s|t|n|k|m|r|ns)(?![\w])")


@dataclass
class Mark:
    pos: int
    text: str
    family: str
    can_open: bool
    can_close: bool

    @property
    def end(self) -> int:
        return self.pos + len(self.text)


@dataclass
class Quoted:
    """An outermost quoted stretch: one part per paragraph it covers (content offsets,
    quote marks excluded), and where its marks stand."""

    parts: list[tuple[int, int]]
    open_at: int                 # offset of the opening mark
    close_end: int | None        # offset just after the closing mark (None: closed by the paragraph end)
    family: str = DOUBLE
    marks: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of every mark used

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def text(self, article_text: str, joiner: str = " ") -> str:
        return joiner.join(article_text[s:e] for s, e in self.parts)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def classify(text: str, pos: int, mark: str) -> Mark | None:
    family, role = MARKS[mark]
    prev = text[pos - 1] if pos > 0 else ""
    nxt = text[pos + len(mark)] if pos + len(mark) < len(text) else ""
    opens_here = _is_space(prev) or prev in OPEN_AFTER
    closes_here = _is_space(nxt) or nxt in CLOSE_BEFORE
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None                                  # video’s, zo'n, AOC's: an apostrophe
        rest = text[pos + len(mark): pos + len(mark) + 3]
        if opens_here and (_ELISION.match(rest) or rest[:1].isdigit()):
            opens_here = False                           # 's avonds, 't, '80
    can_open = opens_here and not _is_space(nxt) if role != "close" else False
    can_close = closes_here and not _is_space(prev) if role != "open" else False
    if family == DOUBLE and role == "either" and opens_here and closes_here:
        # A straight or curly double mark with spaces on both sides (tokenised text): context decides.
        can_open = can_close = True
    if role == "open" and not can_open and opens_here:
        can_open = True                                  # „ Dit is …” with a space after the opener
    if role == "close" and not can_close and closes_here:
        can_close = True
    if not (can_open or can_close):
        return None
    return Mark(pos, mark, family, can_open, can_close)


def csv_lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Lines that are a CSV field leaked into the text: wrapped in straight double quotes,
    with inner quotes doubled (Jobs zei:""Onderbreek me."" inside the wrapping marks), or
    the closing mark after trailing blanks (… beloofd.  "). Their outer marks are not quotes."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        body = line.strip()
        lead = line.find(body) if body else 0
        if len(body) > 2 and body[0] == '"' and body[-1] == '"':
            inner = body[1:-1]
            if '""' in inner or inner.endswith(("  ", " ")) and not inner.strip().endswith('"'):
                out.append((pos + lead, pos + lead + len(body)))
        pos += len(line) + 1
    return out


def find_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    end = len(text) if end is None else end
    csv = csv_lines(text, start, end)
    outer = {p for a, b in csv for p in (a, b - 1)}
    out = []
    for a, b in csv:
        # inside a CSV field a doubled quote is one quote mark, free of the spacing rules
        for m in re.finditer(r'""', text[a + 1:b - 1]):
            out.append(Mark(a + 1 + m.start(), '""', DOUBLE, True, True))
    doubled = {p for mk in out for p in (mk.pos, mk.pos + 1)}
    for m in _MARK_RE.finditer(text, start, end):
        if m.start() in outer or m.start() in doubled:
            continue
        mk = classify(text, m.start(), m.group())
        if mk:
            out.append(mk)
    return sorted(out, key=lambda mk: mk.pos)


def _pair_paragraph(text: str, marks: list[Mark], carried: list[Mark]):
    """Pair the marks of one paragraph. Returns (closed spans as (open, close) marks,
    opens left unclosed at the paragraph end)."""
    stack: list[Mark] = list(carried)
    pairs: list[tuple[Mark, Mark]] = []
    for mk in marks:
        same = [i for i, o in enumerate(stack) if o.family == mk.family]
        if same and mk.can_close:
            i = same[-1]
            opener = stack[i]
            # A German-style “ only closes a „ or ,,; after a straight " it opens a nested quote.
            if mk.text == "“" and opener.text not in ("„", ",,") and mk.can_open and not _is_space(text[mk.end:mk.end + 1]):
                stack.append(mk)
                continue
            del stack[i:]                       # inner openers never closed were apostrophes
            pairs.append((opener, mk))
        elif mk.can_open:
            stack.append(mk)
    return pairs, stack


def find_quoted(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quoted]:
    """The outermost quoted stretches of `text`, in order."""
    paragraphs = paragraphs or [(0, len(text))]
    spans: list[Quoted] = []
    cont_from: int | None = None
    carried: list[Mark] = []          # an opener whose quote runs on into the next paragraph
    pending: list[tuple[int, int]] = []  # parts of that quote so far
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = find_marks(text, ps, pe)
        first = marks[0] if marks else None
        if carried and first and first.pos == ps and first.family == carried[0].family and first.can_open:
            # The paragraph re-opens the running quote: the carried opener stands for it.
            marks = marks[1:]
            cont_from = first.end
        elif carried and pending and _closes_first(marks, carried[0].family):
            # The quote runs on into this paragraph without a new opening mark and closes
            # here (a sloppy multi-paragraph quote): continue it from the paragraph start.
            cont_from = ps
        else:
            if carried and pending:
                # Never closed and not re-opened: keep it only if it took the whole paragraph(s).
                op = carried[0]
                if _opens_block(text, op, paragraphs):
                    spans.append(Quoted(_trim_parts(text, pending), op.pos, None, op.family, [(op.pos, op.end)]))
            carried, pending, cont_from = [], [], None
        pairs, left = _pair_paragraph(text, marks, carried)
        outer = _outermost(pairs)
        for o, c in outer:
            if carried and o is carried[0]:
                parts = pending + [(cont_from, c.pos)]
            else:
                parts = [(o.end, c.pos)]
            spans.append(Quoted(_trim_parts(text, parts), o.pos, c.end, o.family, [(o.pos, o.end), (c.pos, c.end)]))
        if carried and any(o is carried[0] for o, _ in outer):
            carried, pending = [], []
        # An opener still open at the paragraph end that is not nested in another quote
        # runs on (multi-paragraph quote) or was closed by the paragraph end.
        left_outer = [o for o in left if not any(po.pos < o.pos < pc.pos for po, pc in pairs)]
        if left_outer:
            op = left_outer[0]
            start = cont_from if carried and op is carried[0] else op.end
            pending = (pending if carried and op is carried[0] else []) + [(start, pe)]
            carried = [op]
        else:
            carried, pending = [], []
    if carried and pending and _opens_block(text, carried[0], paragraphs):
        op = carried[0]
        spans.append(Quoted(_trim_parts(text, pending), op.pos, None, op.family, [(op.pos, op.end)]))
    spans = [s for s in spans if s.parts and all(e > b for b, e in s.parts)]
    spans.sort(key=lambda s: s.start)
    return spans


def _closes_first(marks: list[Mark], family: str) -> bool:
    """Does the first mark of this family in the paragraph close (and cannot open)?"""
    first = next((m for m in marks if m.family == family), None)
    return first is not None and first.can_close and not first.can_open


def _opens_block(text: str, op: Mark, paragraphs) -> bool:
    """An unclosed opener counts after a colon (a quote that lost its closing mark) or, for
    marks that are never apostrophes, at a paragraph start; elsewhere it is more likely a
    stray apostrophe."""
    before = text[:op.pos].rstrip(" \t")
    if before.endswith(":"):
        return True
    at_start = not before or before.endswith("\n") or any(op.pos == ps for ps, _ in paragraphs)
    return at_start and (op.family == DOUBLE or op.text in "‘‚")


def _outermost(pairs):
    pairs = sorted(pairs, key=lambda p: p[0].pos)
    out = []
    for o, c in pairs:
        if out and o.pos > out[-1][0].pos and c.pos < out[-1][1].pos:
            continue
        out.append((o, c))
    return out


def _trim_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Strip white space, and a trailing comma the writer put inside the closing mark."""
    out = []
    for s, e in parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        out.append((s, e))
    return out
