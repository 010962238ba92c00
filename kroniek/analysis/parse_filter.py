"""Parse only where events can be: Frog's dependency parser on the sentences that need it.

Frog's tokenizer, tagger, lemmatizer and entity recognizer are cheap next to its dependency
parser (about half of Frog's time on news text). With the filter on, the analysis runs in
two Frog configurations, each a kept-alive process:

1. the *tagger* Frog (`--skip=p`): every sentence gets tokens, lemmas, POS, NER and chunks;
2. the *parser* Frog (`--skip=actn -n`): the sentences that hold a candidate event
   predicate and a potential actor (`needs_parse`) are sent again, one per line, as the
   tagger Frog's tokens, so that the parser sees exactly those tokens. Frog tags and parses
   sentence by sentence, so a sentence parsed alone gets the parse it gets in its article.

Other sentences keep `Sentence.parsed = False` and tokens without heads.

The predicates are read from the event coder's lexicon (kroniek/events/lexicon/*.yaml) through
`FilterLexicon.load()`: the `verb` and `noun` lemmas of its entries, plus the `with` words for
light verbs (voeren/houden count only beside gesprek, overleg, ...). The potential actors are
named entities, proper nouns, personal pronouns, capitalised adjectives (demonyms) and the
role nouns of kroniek/actors/data/roles.yaml. If a lexicon cannot be read, every sentence is
parsed: the filter never drops a parse it cannot justify.
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


@dataclass(frozen=True)
class Predicate:
    """One lexicon entry as the filter sees it: all `words` in the sentence, and one of the
    `with` patterns if there are any (each pattern: all its words)."""

    words: tuple[str, ...]
    with_patterns: tuple[tuple[str, ...], ...] = ()


@dataclass
class FilterLexicon:
    predicates: dict[str, list[Predicate]] = field(default_factory=dict)   # key word -> entries
    nouns: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    actor_pronouns: frozenset[str] = frozenset()
    actor_pos: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    min_suffix: int = 5
    complete: bool = True      # False: a lexicon was missing; parse everything

    # -- loading --------------------------------------------------------------
    @classmethod
    def load(cls, events_dir: Optional[Path] = None, roles: Optional[Path] = None,
             cues: Optional[Path] = None, settings: Optional[Path] = None) -> "FilterLexicon":
        conf = yaml.safe_load((settings or package_data("analysis", "parse_filter.yaml")).read_text("utf-8"))
        ignore = set(conf.get("ignore_in_entries") or ())
        lex = cls(actor_pronouns=frozenset(conf.get("actor_pronouns") or ()),
                  actor_pos=tuple(conf.get("actor_pos_prefixes") or ()),
                  particles=tuple(sorted(conf.get("particles") or (), key=len, reverse=True)),
                  min_suffix=int(conf.get("min_suffix_chars", 5)))
        events_dir = events_dir or package_data("events", "lexicon")
        verbs, nouns = events_dir / "verbs.yaml", events_dir / "nouns.yaml"
        try:
            for entry in _entries(verbs):
                for lemma in _as_list(entry.get("verb")):
                    lex._add_predicate(lemma, entry.get("with"), ignore)
            noun_set: set[str] = set()
            for entry in _entries(nouns):
                noun_set.update(w.lower() for w in _as_list(entry.get("noun")))
            lex.nouns = frozenset(noun_set)
        except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
            log.warning("parse filter: event lexicon not readable (%s); every sentence is parsed", exc)
            lex.complete = False
        if not lex.predicates:
            lex.complete = False
        if conf.get("include_quote_cues"):
            try:
                data = yaml.safe_load((cues or package_data("quotes", "cues.yaml")).read_text("utf-8")) or {}
                for lemma in (data.get("verbs") or {}):
                    lex._add_predicate(lemma, None, ignore)
            except (OSError, yaml.YAMLError, AttributeError) as exc:
                log.warning("parse filter: quote cues not readable (%s); every sentence is parsed", exc)
                lex.complete = False
        actor_nouns = {w.lower() for w in conf.get("actor_nouns") or ()}
        try:
            data = yaml.safe_load((roles or package_data("actors", "data", "roles.yaml")).read_text("utf-8")) or {}
            for group in data.values() if isinstance(data, dict) else ():
                for item in group or ():
                    for noun in (item.get("nouns") if isinstance(item, dict) else None) or ():
                        words = str(noun).lower().split()
                        actor_nouns.add(words[0])   # the head of "minister van defensie"
        except (OSError, yaml.YAMLError) as exc:
            log.info("parse filter: actor roles not readable (%s); using the built-in list", exc)
        lex.actor_nouns = frozenset(actor_nouns)
        return lex

    def _add_predicate(self, lemma: str, with_patterns, ignore: set[str]) -> None:
        words = tuple(w for w in str(lemma).lower().split() if w not in ignore) or (str(lemma).lower(),)
        patterns = tuple(tuple(w for w in str(p).lower().split() if w not in ignore) or (str(p).lower(),)
                         for p in _as_list(with_patterns))
        pred = Predicate(words, patterns)
        # The entry is looked up by its first word; separable verbs also by their base.
        for key in {words[0], *self._bases(words[0])}:
            self.predicates.setdefault(key, []).append(pred)

    def _bases(self, lemma: str) -> list[str]:
        return [lemma[len(p):] for p in self.particles if lemma.startswith(p) and len(lemma) - len(p) >= 3]

    # -- matching -------------------------------------------------------------
    def has_predicate(self, tokens: list[Token]) -> bool:
        words = _words(tokens)
        for t in tokens:
            lemma = t.lemma.lower()
            for key in (lemma, t.text.lower()):
                for pred in self.predicates.get(key, ()):
                    if self._matches(pred, words, key):
                        return True
            if t.tag == "N" and self._is_event_noun(lemma):
                return True
        return False

    def _matches(self, pred: Predicate, words: set[str], key: str) -> bool:
        head = pred.words[0]
        if key != head:   # found through its base: the particle must be in the sentence too
            particle = head[: len(head) - len(key)]
            if particle not in words:
                return False
        if any(not _has(words, w) for w in pred.words[1:]):
            return False
        if pred.with_patterns:
            return any(all(_has(words, w) for w in pattern) for pattern in pred.with_patterns)
        return True

    def _is_event_noun(self, lemma: str) -> bool:
        if lemma in self.nouns:
            return True
        for k in range(1, len(lemma) - self.min_suffix + 1):
            if lemma[k:] in self.nouns:
                return True
        return False

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
            for k in range(1, len(lemma) - self.min_suffix + 1):   # oppositieleider, defensieminister
                if lemma[k:] in self.actor_nouns:
                    return True
        return False

    def needs_parse(self, tokens: list[Token]) -> bool:
        if not self.complete:
            return True
        return any(self.is_potential_actor(t) for t in tokens) and self.has_predicate(tokens)


def _entries(path: Path) -> Iterable[dict]:
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


def _words(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lemma.lower())
        out.add(t.text.lower())
    return out


def _has(words: set[str], pattern: str) -> bool:
    if any(c in pattern for c in "*?["):
        return any(fnmatch.fnmatchcase(w, pattern) for w in words)
    return pattern in words


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
        if self._starting is None and self.parser.proc is None:
            # Both Frogs load their models at once (about 8 s each, on two cores in parallel).
            self._starting = threading.Thread(target=self._start_parser, daemon=True)
            self._starting.start()
        t0 = time.monotonic()
        article = super().__call__(article)
        self.seconds["tagger"] += time.monotonic() - t0
        return article

    def parse(self, article: Article) -> Article:
        """Heads and relations for the sentences that `needs_parse` (the parser Frog)."""
        chosen = [s for s in article.sentences if self.lexicon.needs_parse(article.sentence_tokens(s))]
        self.sentences += len(article.sentences)
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
