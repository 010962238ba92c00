"""The size and coverage of the Dutch event dictionary (kroniek/events/lexicon/verbs*, nouns*).

Run from the repository root (or `make lexicon-stats`):

    .venv/bin/python -m kroniek.events.build.lexicon_stats

or import it: `stats()` returns the numbers as a dict, `format_table(stats())` the printed table.

What is counted:

  entry (item)    one YAML list item of verbs.yaml, verbs/*.yaml (or nouns…), as the curators write it;
  lemma entry     what the loader makes of it: one per head lemma (`verb: [aanvallen, bestormen]`
                  is one item and two lemma entries; `kroniek.events.lexicon.Entry`);
  verb lemmas     distinct verb lemmas with at least one entry (a multi-word head "op bezoek gaan"
                  is keyed on its verb, gaan);
  patterns        per lemma entry: one for each `with` (and `complement_with`) pattern, or one for
                  an entry with none (a bare entry, or a multi-word head, applies on its own), plus
                  one for each `objects` pattern that selects a sub-code (rules with code "none"
                  exclude a sense and are not counted); so one verb lemma × one `with` pattern,
                  one `objects` pattern that selects a sub-code, or one bare lemma = one pattern;
  group patterns  the same per item, without multiplying by the item's lemmas:
                  Σ items (max(1, with + complement_with) + sub-code objects patterns);
  nouns           distinct noun lemmas;
  provenance      an item's `source`: petrarch2 (it names a PETRARCH2 verb group), freedict (the
                  Dutch word came through the FreeDict bridge), hand; an item can be petrarch2 and
                  freedict (or hand) at once, so those columns overlap; "no source" counts the
                  items that lack the key (the loader calls them hand);
  codes missing   CAMEO codes that PETRARCH2's CAMEO.2.0.txt assigns (on a pattern line, on a verb
                  line or as a verb group's code; codes of the CAMEO 1.1b3 codebook only) but that no
                  entry of ours assigns anywhere (code, objects code, official_code or verbal_code; verbs or nouns).
"""
from __future__ import annotations

import re
from collections import Counter

from kroniek.resources import read_yaml

from ...resources import package_data
from .. import lexicon as L
from .make_event_lexicon import cameo_codes, read_petrarch

KINDS = ("verb", "noun")


def raw_items(kind: str) -> list[tuple[str, int, dict]]:
    """(file, number, raw YAML item) for every entry of one part of the dictionary, in load order."""
    out = []
    for rel in L.lexicon_files(kind):
        with open(package_data("events", "lexicon", rel), encoding="utf-8") as fh:
            raw = read_yaml(fh) or []
        for n, item in enumerate(raw, 1):
            out.append((rel, n, item))
    return out


def _as_list(v) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def item_patterns(item: dict) -> int:
    """Patterns of one YAML item, not multiplied by its lemmas (see the module docstring)."""
    base = len(_as_list(item.get("with"))) + len(_as_list(item.get("complement_with")))
    subcodes = sum(len(_as_list(o.get("with"))) for o in item.get("objects") or []
                   if isinstance(o, dict) and str(o.get("code")) != L.NO_EVENT)
    return max(1, base) + subcodes


def entry_patterns(e: L.Entry) -> int:
    """Patterns of one lemma entry (see the module docstring)."""
    base = len(e.with_any) + len(e.complement_with)
    return max(1, base) + sum(len(r.patterns) for r in e.objects if r.code != L.NO_EVENT)


def entry_codes(e: L.Entry) -> set[str]:
    codes = {e.code} | {r.code for r in e.objects}
    codes |= {getattr(e, f) for f in ("official_code", "verbal_code") if getattr(e, f, None)}
    return {c for c in codes if c != L.NO_EVENT}


def provenance_kinds(source) -> set[str]:
    """"petrarch2:ATTACK; freedict" → {petrarch2, freedict}; a missing source is hand."""
    text = str(source or "hand").lower()
    kinds = {k for k in ("petrarch2", "freedict", "hand") if k in text}
    return kinds or {"other"}


def petrarch_codes() -> set[str]:
    """The CAMEO codes PETRARCH2's verb dictionary assigns (patterns, verbs, groups), codebook codes only."""
    p = read_petrarch()
    codes: set[str] = set()

    def add(raw: str):
        for part in raw.split(":"):
            part = re.sub(r"\D", "", part)
            if part:
                codes.add(part)

    for g in p.groups:
        add(g.code)
        for v in g.verbs:
            add(v.code)
        for pt in g.patterns:
            add(pt.code)
    return codes


def stats(lex: L.Lexicon | None = None) -> dict:
    lex = lex or L.load()
    book = cameo_codes()
    out: dict = {}
    ours: set[str] = set()
    by_root: dict[str, Counter] = {}
    for kind in KINDS:
        table = lex.verbs if kind == "verb" else lex.nouns
        entries = [e for es in table.values() for e in es]
        items = raw_items(kind)
        prov = Counter()
        for _, _, item in items:
            if not isinstance(item, dict):
                continue
            if "source" not in item:
                prov["no source"] += 1
            for k in provenance_kinds(item.get("source")):
                prov[k] += 1
            root = str(item.get("code", ""))[:2]
            by_root.setdefault(root, Counter())[f"{kind} items"] += 1
        for e in entries:
            by_root.setdefault(e.code[:2], Counter())[f"{kind} lemma entries"] += 1
            ours |= entry_codes(e)
        out[kind] = {
            "lemmas": len(table),
            "items": len(items),
            "lemma_entries": len(entries),
            "patterns": sum(entry_patterns(e) for e in entries),
            "group_patterns": sum(item_patterns(i) for _, _, i in items if isinstance(i, dict)),
            "provenance": dict(prov),
        }
    pcodes = petrarch_codes()
    out["by_root"] = {r: dict(c) for r, c in sorted(by_root.items())}
    out["our_codes"] = sorted(ours)
    out["petrarch_codes"] = sorted(c for c in pcodes if c in book)
    out["petrarch_codes_not_in_codebook"] = sorted(c for c in pcodes if c not in book)
    out["missing_codes"] = sorted(c for c in pcodes if c in book and c not in ours)
    out["code_names"] = {c: book[c] for c in out["missing_codes"]}
    return out


def format_table(s: dict) -> str:
    v, n = s["verb"], s["noun"]
    lines = ["Dutch event dictionary (kroniek/events/lexicon)", ""]
    rows = [("", "verbs", "nouns"),
            ("distinct lemmas", v["lemmas"], n["lemmas"]),
            ("entries (YAML items)", v["items"], n["items"]),
            ("lemma entries", v["lemma_entries"], n["lemma_entries"]),
            ("patterns (per lemma)", v["patterns"], n["patterns"]),
            ("patterns (per item)", v["group_patterns"], n["group_patterns"])]
    for k in ("petrarch2", "freedict", "hand", "other", "no source"):
        rows.append((f"source: {k}", v["provenance"].get(k, 0), n["provenance"].get(k, 0)))
    w = max(len(str(r[0])) for r in rows)
    lines += [f"{r[0]:<{w}}  {r[1]:>7}  {r[2]:>7}" for r in rows]
    lines += ["", "entries by CAMEO root (items / lemma entries)", f"{'root':<5} {'verbs':>13} {'nouns':>13}"]
    for root, c in s["by_root"].items():
        lines.append(f"{root:<5} {c.get('verb items', 0):>6} / {c.get('verb lemma entries', 0):<5}"
                     f" {c.get('noun items', 0):>6} / {c.get('noun lemma entries', 0):<5}")
    covered = len(s["petrarch_codes"]) - len(s["missing_codes"])
    lines += ["", f"CAMEO codes: ours {len(s['our_codes'])}; PETRARCH2 assigns {len(s['petrarch_codes'])}, "
                  f"of which we cover {covered} and miss {len(s['missing_codes'])}"]
    if s["petrarch_codes_not_in_codebook"]:
        lines.append(f"  (PETRARCH2 codes outside the CAMEO 1.1b3 codebook, not counted: "
                     f"{', '.join(s['petrarch_codes_not_in_codebook'])})")
    for c in s["missing_codes"]:
        lines.append(f"  missing {c:<5} {s['code_names'].get(c, '')}")
    return "\n".join(lines)


def main() -> int:
    try:
        print(format_table(stats()))
    except BrokenPipeError:          # `… | head`
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
