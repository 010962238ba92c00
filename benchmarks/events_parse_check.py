"""How far can the event coder trust Frog's dependency relations? (issue 3)

Measures, on pre-analysed articles (Frog output as JSON Lines, e.g. /tmp/analysed/*/articles.jsonl
or `kroniek extract … --out DIR` → DIR/articles.jsonl):

1. sentences with more than one ROOT (the parse falls apart into fragments);
2. finite verbs with no `su` dependent at all;
3. `su` dependents that can not be subjects: adverbs, time nouns (dinsdag, vandaag),
   adjectives, or a plural noun under a singular finite verb (and the reverse);
4. clauses whose finite verb Frog tagged as an infinitive, and verbless clauses that hold
   a verb of the lexicon under another tag (the POS repairs the coder makes);
5. clauses in which an actor stands where Dutch word order puts the subject (first
   constituent, or first noun phrase after the finite verb in an inverted clause) and
   whether Frog's `su` of that finite verb lies inside that actor — split by straight
   and inverted order. `--show N` prints N disagreements for hand-checking.

Usage:
    .venv/bin/python benchmarks/events_parse_check.py /tmp/analysed/seed/articles.jsonl /tmp/analysed/nl-eval/articles.jsonl [--show 20]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from kroniek.events.clauses import clause_arguments, mentions_by_sentence, split_clauses, subject_and_objects
from kroniek.events.lexicon import load
from kroniek.pipeline import available, get_factory
from kroniek.records import article_from_json

TIME_WORDS = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "vandaag",
              "gisteren", "morgen", "week", "maand", "jaar", "dag", "avond", "ochtend", "middag", "nacht"}


def number(tok) -> str | None:
    f = tok.features
    return "ev" if "ev" in f else "mv" if "mv" in f else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    lex = load()
    stages = [get_factory(n)() for n in ("timex", "actors") if available(n)]
    c = Counter()
    shown = []
    for path in args.files:
        for line in open(path, encoding="utf-8"):
            a = article_from_json(json.loads(line))
            for st in stages:
                a = st(a)
            mentions = mentions_by_sentence(a)
            for s in a.sentences:
                toks = a.sentence_tokens(s)
                c["sentences"] += 1
                roots = sum(1 for t in toks if t.head is None and t.tag != "LET")
                c["multi_root"] += roots > 1
                for t in toks:
                    if t.tag == "WW" and "pv" in t.features:
                        c["finite"] += 1
                        sus = [x for x in toks if x.head == t.i and x.rel == "su"]
                        if not sus:
                            c["finite_no_su"] += 1
                            continue
                        su = sus[0]
                        bad = su.tag in ("BW", "ADJ", "VZ", "TW") or su.lemma.lower() in TIME_WORDS
                        if su.tag == "N" and number(su) and number(t) and number(su) != number(t) and "ev" in t.features:
                            bad = True
                        c["su_impossible"] += bad
                for cl in split_clauses(a, s.index, lex):
                    cl.args = clause_arguments(a, cl, mentions.get(s.index, []), lex)
                    c["clauses"] += 1
                    c["finite_repaired"] += cl.finite_repaired
                    c["verbless_with_verb_form"] += (not cl.verbs) and any(
                        a.tokens[i].text.lower() in lex.verb_forms and a.tokens[i].tag in ("N", "ADJ", "SPEC")
                        for i in cl.tokens)
                    if cl.finite is None or cl.kind not in ("main", "conj") or cl.finite_repaired:
                        continue
                    subj, _ = subject_and_objects(a, cl, cl.args, lex)
                    if not subj:
                        continue
                    order = "inverted" if subj[0].first > cl.finite else "straight"
                    sus = [x for x in toks if x.head == cl.finite and x.rel == "su"]
                    agree = any(subj[0].first <= x.i < subj[0].last for x in sus)
                    c[f"{order}_clauses"] += 1
                    c[f"{order}_frog_agrees"] += agree
                    if not agree and len(shown) < args.show:
                        shown.append((order, a.sentence_text(s), subj[0].mention.text,
                                      ", ".join(x.text for x in sus) or "-"))
    pct = lambda k, n: f"{c[k]}/{c[n]} = {c[k] / c[n]:.1%}" if c[n] else "n/a"
    print(f"sentences with more than one root:      {pct('multi_root', 'sentences')}")
    print(f"finite verbs without a su dependent:    {pct('finite_no_su', 'finite')}")
    print(f"su that can not be a subject:           {pct('su_impossible', 'finite')}")
    print(f"clauses whose finite verb was tagged infinitive (repaired): {pct('finite_repaired', 'clauses')}")
    print(f"verbless clauses holding a lexicon verb form (tag repair): {pct('verbless_with_verb_form', 'clauses')}")
    print(f"straight clauses, Frog su = word order: {pct('straight_frog_agrees', 'straight_clauses')}")
    print(f"inverted clauses, Frog su = word order: {pct('inverted_frog_agrees', 'inverted_clauses')}")
    for order, sent, subj, su in shown:
        print(f"\n[{order}] {sent}\n   word order subject: {subj}   Frog su: {su}")


if __name__ == "__main__":
    main()
