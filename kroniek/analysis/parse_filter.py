"""Parse only where events can be: Frog's dependency parser on the sentences that need it.

Frog's tokenizer, tagger, lemmatizer and entity recognizer are cheap next to its dependency
parser (about half of Frog's time on news text). With the filter on, the analysis runs in
two Frog configurations, each a kept-alive process:

1. the *tagger* Frog (`--skip=acp`): every sentence gets tokens, lemmas, POS and entities
   (the chunker is left out too: no stage reads chunk tags, and it costs about as much as
   tagging and entities together; `chunks=True` keeps it);
2. the *parser* Frog (`--skip=actn -n`): the sentences that hold a candidate event
   predicate and a potential actor (`needs_parse`) are sent again, one per line, as the
   tagger Frog's tokens, so that the parser sees exactly those tokens. Frog tags and parses
   sentence by sentence, so a sentence parsed alone gets the parse it gets in its article
   (checked in tests/scale/test_parse_filter.py).

Other sentences keep `Sentence.parsed = False` and tokens without heads. The two Frogs are
two steps (`steps()`), so a runner can tag one article while the previous one is parsed.

Candidate predicates are what the event coder could match, read through its own loader
(`kroniek.events.lexicon.load`): verb entries with their `with` patterns and multiword
parts, separable verbs through the coder's particles, the inflected forms it uses to repair
tags, and event nouns including compounds; matched on the whole sentence, a superset of the
coder's clause-level match. Quote cue verbs and source words (kroniek/quotes/cues.yaml)
count too, see parse_filter.yaml. Potential actors are named entities, proper nouns,
personal pronouns, capitalised adjectives (demonyms) and the role nouns of
kroniek/actors/data/roles.yaml. Time expressions need no parse of their own: the coder dates
an event from its own sentence, which is parsed. If the event lexicon cannot be read, every
sentence is parsed: the filter never drops a parse it cannot justify.
"""
from __future__ import annotations

import fnmatch
import logging
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..records import Article, Sentence, Token
from ..resources import package_data
from .component import FrogAnalyzer
from .frog import FrogConfig, FrogError, FrogProcess, FrogRow

log = logging.getLogger(__name__)


QUOTE_MARKS = frozenset(['"', "“", "”", "„", "«", "»", ",,", "''", "‘", "’", "'"])


@dataclass(frozen=True)
class Predicate:
    """One lexicon entry as the filter sees it: every `with_all` pattern in the sentence, and
    one of the `with_any` patterns if there are any (each pattern: lemma globs in order)."""

    with_all: tuple[tuple[str, ...], ...] = ()
    with_any: tuple[tuple[str, ...], ...] = ()


def _word_matches(glob: str, lemma: str, text: str) -> bool:
    """As the event coder matches a pattern word (kroniek/events/lexicon.py): a glob, the
    lemma or the word, or the head of a compound (vredesoverleg -> overleg)."""
    if glob == "*":
        return True
    if any(c in glob for c in "*?["):
        return fnmatch.fnmatchcase(lemma, glob) or fnmatch.fnmatchcase(text, glob)
    if glob == lemma or glob == text:
        return True
    return len(glob) >= 5 and len(lemma) - len(glob) >= 3 and lemma.endswith(glob)


def _find(pattern: tuple[str, ...], words: list[tuple[str, str]]) -> bool:
    """`pattern` in the sentence, its words in order at any distance (the coder looks within
    a clause, with small gaps: this is a superset)."""
    k = 0
    for lemma, text in words:
        if k < len(pattern) and _word_matches(pattern[k], lemma, text):
            k += 1
    return k == len(pattern) or not pattern


@dataclass
class FilterLexicon:
    predicates: dict[str, list[Predicate]] = field(default_factory=dict)   # verb lemma -> entries
    verb_forms: dict[str, set[str]] = field(default_factory=dict)         # inflected form -> verb lemmas
    particles: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    actor_pronouns: frozenset[str] = frozenset()
    actor_pos: tuple[str, ...] = ()
    complete: bool = True      # False: the event lexicon was missing; parse everything
    quote_sentences: bool = False   # parse every sentence with a quote mark (and an actor)

    # -- loading --------------------------------------------------------------
    @classmethod
    def load(cls, events_dir: Optional[Path] = None, roles: Optional[Path] = None,
             cues: Optional[Path] = None, settings: Optional[Path] = None) -> "FilterLexicon":
        """The filter's view of the lexicons. The event lexicon is read through the event
        coder's own loader (`kroniek.events.lexicon.load`: its verb entries with their `with`
        patterns, its noun lemmas, the inflected verb forms it uses to repair tags, its
        particles); `events_dir` reads the YAML files of another folder instead."""
        conf = yaml.safe_load((settings or package_data("analysis", "parse_filter.yaml")).read_text("utf-8"))
        lex = cls(actor_pronouns=frozenset(conf.get("actor_pronouns") or ()),
                  actor_pos=tuple(conf.get("actor_pos_prefixes") or ()),
                  quote_sentences=bool(conf.get("include_quote_sentences")))
        try:
            if events_dir is None:
                lex._from_event_coder()
            else:
                lex._from_yaml(events_dir, set(conf.get("ignore_in_entries") or ()))
            lex.particles = lex.particles or frozenset(conf.get("particles") or ())
        except (OSError, ImportError, ValueError, yaml.YAMLError, AttributeError, TypeError) as exc:
            log.warning("parse filter: event lexicon not readable (%s); every sentence is parsed", exc)
            lex.complete = False
        if not lex.predicates:
            lex.complete = False
        if conf.get("include_quote_cues"):
            try:
                data = yaml.safe_load((cues or package_data("quotes", "cues.yaml")).read_text("utf-8")) or {}
                # the cue verbs, and the source words (volgens, aldus) that name a speaker
                for lemma in [*(data.get("verbs") or {}), *(data.get("sources") or {})]:
                    lex.predicates.setdefault(str(lemma).lower(), []).append(Predicate())
            except (OSError, yaml.YAMLError, AttributeError) as exc:
                log.warning("parse filter: quote cues not readable (%s); every sentence is parsed", exc)
                lex.complete = False
        actor_nouns = {w.lower() for w in conf.get("actor_nouns") or ()}
        try:
            data = yaml.safe_load((roles or package_data("actors", "data", "roles.yaml")).read_text("utf-8")) or {}
            for group in data.values() if isinstance(data, dict) else ():
                for item in group or ():
                    for noun in (item.get("nouns") if isinstance(item, dict) else None) or ():
                        actor_nouns.add(str(noun).lower().split()[0])   # the head of "minister van defensie"
        except (OSError, yaml.YAMLError, AttributeError) as exc:
            log.info("parse filter: actor roles not readable (%s); using the built-in list", exc)
        lex.actor_nouns = frozenset(actor_nouns)
        return lex

    def _from_event_coder(self) -> None:
        from ..events.lexicon import load as load_event_lexicon
        ev = load_event_lexicon()
        for lemma, entries in ev.verbs.items():
            for e in entries:
                self.predicates.setdefault(lemma, []).append(Predicate(tuple(e.with_all), tuple(e.with_any)))
        self.verb_forms = {form: set(lemmas) for form, lemmas in ev.verb_forms.items()}
        self.nouns = frozenset(ev.nouns)
        self.particles = frozenset(ev.words("particles"))

    def _from_yaml(self, folder: Path, ignore: set[str]) -> None:
        """The lexicon files read directly: `verb:` entries (multiword ones keyed on their last
        word, the others required), `with:` patterns, and `noun:` lemmas."""
        for entry in _entries(folder / "verbs.yaml"):
            with_any = tuple(tuple(str(p).lower().split()) for p in _as_list(entry.get("with")))
            for head in _as_list(entry.get("verb")):
                words = [w for w in str(head).lower().split() if w not in ignore] or [str(head).lower()]
                with_all = (tuple(words[:-1]),) if len(words) > 1 else ()
                self.predicates.setdefault(words[-1], []).append(Predicate(with_all, with_any))
        self.nouns = frozenset(w.lower() for e in _entries(folder / "nouns.yaml") for w in _as_list(e.get("noun")))

    # -- matching -------------------------------------------------------------
    def has_predicate(self, tokens: list[Token]) -> bool:
        """Could the event coder find a verb or noun entry in this sentence? (a superset of
        what it finds: a sentence, not a clause; any distance between pattern words)"""
        words = [(t.lemma.lower(), t.text.lower()) for t in tokens]
        particles = {text for _, text in words if text in self.particles}
        for t, (lemma, text) in zip(tokens, words):
            keys = {lemma, text} | self.verb_forms.get(text, set()) | {p + lemma for p in particles}
            for key in keys:
                for pred in self.predicates.get(key, ()):
                    if all(_find(p, words) for p in pred.with_all) and \
                            (not pred.with_any or any(_find(p, words) for p in pred.with_any)):
                        return True
            if t.tag == "N" and self._is_event_noun(t.lemma.lower() or text):
                return True
        return False

    def _is_event_noun(self, lemma: str) -> bool:
        """As the coder's `noun_entries`: the noun, or a compound ending in it."""
        if lemma in self.nouns:
            return True
        return any(len(head) >= 4 and len(lemma) - len(head) >= 3 and lemma.endswith(head) for head in self.nouns)

    def is_potential_actor(self, t: Token) -> bool:
        if t.ner not in ("O", ""):
            return True
        if t.pos.startswith(self.actor_pos):
            return True
        lemma = t.lemma.lower()
        if lemma in self.actor_pronouns and t.tag == "VNW":
            return True
        if t.tag == "ADJ" and t.text[:1].isupper() and t.i > 0:
            return True   # demonym: "de Russische inval" (not a capital from the sentence start)
        if t.tag == "N":
            if lemma in self.actor_nouns or t.text.lower() in self.actor_nouns:
                return True
            if any(len(lemma) - len(n) >= 3 and lemma.endswith(n) for n in self.actor_nouns if len(n) >= 5):
                return True   # oppositieleider, defensieminister
        return False

    def needs_parse(self, tokens: list[Token]) -> bool:
        if not self.complete:
            return True
        if not any(self.is_potential_actor(t) for t in tokens):
            return False
        if self.quote_sentences and any(t.text in QUOTE_MARKS for t in tokens):
            return True   # "…", lachte hij: any verb can attribute a quote; the quote engine needs the parse
        return self.has_predicate(tokens)


def _entries(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text("utf-8")) or []
    if isinstance(data, dict):   # a mapping of sections -> lists
        data = [e for v in data.values() if isinstance(v, list) for e in v]
    return [e for e in data if isinstance(e, dict)]


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


@lru_cache(maxsize=1)
def default_lexicon() -> FilterLexicon:
    return FilterLexicon.load()


def select_sentences(article: Article, lexicon: Optional[FilterLexicon] = None) -> list[int]:
    """Indices of the sentences of `article` that the parser should see."""
    lexicon = lexicon or default_lexicon()
    return [s.index for s in article.sentences if lexicon.needs_parse(article.sentence_tokens(s))]


# -- applying a parse ---------------------------------------------------------------

def apply_parse(article: Article, sentence: Sentence, rows: list[FrogRow]) -> bool:
    """Copy heads and relations from the parser Frog's rows onto the sentence's tokens.

    The rows are units (multiword units joined by `_`), as in `align`; their words must be
    the sentence's tokens one for one, else the sentence is left unparsed (False)."""
    tokens = article.sentence_tokens(sentence)
    units: list[tuple[FrogRow, int]] = []   # row, number of words
    for row in rows:
        n = len(row.pos.split("_"))
        if n > 1 and len(row.word.split("_")) != n:
            n = 1
        units.append((row, n))
    if sum(n for _, n in units) != len(tokens):
        return False
    first_of_row: dict[int, int] = {}
    k = 0
    for row, n in units:
        first_of_row[row.index] = tokens[k].i
        k += n
    k = 0
    for row, n in units:
        first = tokens[k]
        first.rel = row.rel
        first.head = first_of_row.get(row.head) if row.head else None
        first.mwu = first.i if n > 1 else None
        for t in tokens[k + 1:k + n]:
            t.head, t.rel, t.mwu = first.i, "mwp", first.i
        k += n
    sentence.parsed = True
    return True


class FilteredFrogAnalyzer(FrogAnalyzer):
    """The `frog` component with the parse filter: a tagger Frog for every sentence and a
    parser Frog for the sentences that `needs_parse`."""

    def __init__(self, config: FrogConfig | None = None, retries: int = 1,
                 lexicon: Optional[FilterLexicon] = None, chunks: bool = False):
        config = config or FrogConfig()
        # No stage reads Frog's chunk tags, and the chunker costs about as much as the tagger
        # and entity recognizer together (benchmarks/throughput.py): the filtered analysis,
        # whose point is to run only what the coder needs, leaves it out unless asked.
        skip = config.skip + "p" + ("" if chunks else "c")
        tagger = FrogConfig(binary=config.binary, skip="".join(sorted(set(skip))),
                            timeout=config.timeout, startup_timeout=config.startup_timeout,
                            max_parser_tokens=config.max_parser_tokens)
        super().__init__(tagger, retries=retries)
        # The parser Frog gets the tagger's tokens, one sentence a line: no tokenizer (t); and
        # it need not redo entities (n) and chunks (c), which come from the tagger Frog.
        self.parser = FrogProcess(FrogConfig(binary=config.binary, skip="actn", timeout=config.timeout,
                                             startup_timeout=config.startup_timeout,
                                             max_parser_tokens=config.max_parser_tokens, extra_args=("-n",)))
        self.lexicon = lexicon or default_lexicon()
        self.parse_nothing = "p" in config.skip   # --skip p: the user wants no parse at all
        self.sentences = 0
        self.parsed = 0
        self.seconds = {"tagger": 0.0, "parser": 0.0}   # time in each Frog (for the benchmark)
        self._starting: Optional[threading.Thread] = None

    def _start_parser(self) -> None:
        try:
            self.parser.start()
        except FrogError as exc:   # reported again, with the article, on first use
            log.warning("parse filter: the parser Frog did not start: %s", exc)

    def __call__(self, article: Article) -> Article:
        return self.parse(self.tag(article))

    def steps(self):
        """The two Frogs as two steps, so that a runner can tag article n+1 while article n
        is being parsed (kroniek.scale.overlap)."""
        return [self.tag, self.parse]

    def tag(self, article: Article) -> Article:
        """Tokens, lemmas, POS, entities for every sentence (the tagger Frog)."""
        if self._starting is None and self.parser.proc is None and not self.parse_nothing:
            # Both Frogs load their models at once (about 8 s each, on two cores in parallel).
            self._starting = threading.Thread(target=self._start_parser, daemon=True)
            self._starting.start()
        t0 = time.monotonic()
        article = super().__call__(article)
        self.seconds["tagger"] += time.monotonic() - t0
        return article

    def parse(self, article: Article) -> Article:
        """Heads and relations for the sentences that `needs_parse` (the parser Frog)."""
        self.sentences += len(article.sentences)
        if self.parse_nothing:
            return article
        chosen = [s for s in article.sentences if self.lexicon.needs_parse(article.sentence_tokens(s))]
        if not chosen:
            return article
        lines = [" ".join(t.text for t in article.sentence_tokens(s)) for s in chosen]
        if self._starting is not None:
            self._starting.join()
        t0 = time.monotonic()
        for attempt in range(self.retries + 1):
            try:
                parsed = self.parser.analyse(lines)
                break
            except FrogError:
                if attempt == self.retries:
                    raise
        if len(parsed) != len(chosen):
            # Frog split or merged a line after all: match sentence by sentence on token count.
            log.warning("parse filter: %s: %d sentences sent, %d parsed; parsing one by one",
                        article.id, len(chosen), len(parsed))
            parsed = [self._parse_one(line) for line in lines]
        self.seconds["parser"] += time.monotonic() - t0
        for s, rows in zip(chosen, parsed):
            if apply_parse(article, s, rows):
                self.parsed += 1
        return article

    def _parse_one(self, line: str) -> list[FrogRow]:
        out = self.parser.analyse([line])
        return out[0] if len(out) == 1 else []   # still split: leave the sentence unparsed

    def close(self) -> None:
        super().close()
        self.parser.close()
