"""Loading and matching the Dutch event lexicon (the YAML files in ./lexicon).

The lexicon is data: verb patterns (verbs.yaml), nominal events (nouns.yaml), mode cues
(modes.yaml) and closed-class words (grammar.yaml). This module turns them into lookup
tables once, validates them against the CAMEO codebook, and offers pure matching helpers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import os

from ..resources import package_data, read_yaml
from . import codebook

# argument slots: the bare object, an actor adjective, or the preposition that introduces the
# actor (the lemma Frog gives it)
TARGET_MARKERS = {"obj", "adj", "aan", "met", "tegen", "op", "in", "naar", "voor", "bij", "tussen", "over",
                  "van", "uit", "door", "tegenover", "rond", "nabij", "jegens", "om", "onder", "achter",
                  "binnen", "buiten", "via", "vanwege", "wegens", "namens", "richting", "langs", "na", "tot"}
NO_EVENT = "none"  # an objects rule with this code says: with this object the entry does not apply


@dataclass(frozen=True)
class ObjectRule:
    patterns: tuple[tuple[str, ...], ...]
    code: str


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a verb (or noun) pattern and what it codes."""

    kind: str                      # "verb" or "noun"
    lemma: str                     # the verb/noun lemma the entry is keyed on
    code: str
    with_any: tuple[tuple[str, ...], ...] = ()   # at least one must occur
    with_all: tuple[tuple[str, ...], ...] = ()   # all must occur (from multiword verbs)
    complement_with: tuple[tuple[str, ...], ...] = ()   # one must occur in the dat-clause that follows
    objects: tuple[ObjectRule, ...] = ()
    target: tuple[str, ...] = ("obj",)
    doer: tuple[str, ...] = ()     # nouns: where the doer is (adj, van, door)
    pair: tuple[str, ...] = ()
    symmetric: bool = False
    target_optional: bool = False
    complement: Optional[str] = None
    also_as_object: bool = False   # nouns: an event of its own even as the object of a coded verb
    place_target: bool = False     # visits: a place after the target preposition stands for its country
    standalone: bool = True        # complement verbs: coded on their own when no embedded event is found
    source_not: tuple[str, ...] = ()
    speaker_source: bool = False   # a verdict in reported speech: the speaker is the source, the subject the target
    converse: bool = False         # the subject receives: "X krijgt een lening van Y" is Y's act towards X
    governs: bool = False          # as finite verb it outranks the verb of its te-infinitive
    official_code: Optional[str] = None   # the code when the doer is an official (verbal protest)
    verbal_code: Optional[str] = None     # the code when the doer is a politician, party or person, not a
                                          # state or armed force ("de PVV valt de minister aan": 111, not 190)
    statement: bool = False        # a plain statement (010): coded only when its sentence carries no other event
    predicate: bool = False        # nouns/: an adjective predicate ("boos op", "kritisch over"), matched on ADJ tokens
    name: str = ""                 # readable rule id, e.g. "verb:leveren+hulp"
    provenance: str = ""           # the entry's `source`: where it comes from (petrarch2 group, freedict, hand)

    @property
    def specificity(self) -> int:
        return (2 if self.with_all else 0) + (1 if self.with_any or self.complement_with else 0)


def _pattern(text: str) -> tuple[str, ...]:
    return tuple(w for w in str(text).lower().split() if w)


def _as_list(v) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


class LexiconError(ValueError):
    pass


def _check_code(code: str, where: str) -> str:
    code = str(code)
    if code == NO_EVENT:
        return code
    if not codebook.is_code(code):
        raise LexiconError(f"{where}: {code!r} is not a CAMEO code in the codebook")
    return code


def lexicon_files(kind: str) -> list[str]:
    """The files of one part of the dictionary, relative to ./lexicon: the hand-written core
    (`verbs.yaml`) first, then the files of `verbs/` in name order (one per CAMEO root range),
    so that the order of entries, and so the choice between equal patterns, is fixed."""
    folder = package_data("events", "lexicon", f"{kind}s")
    extra = sorted(f for f in os.listdir(folder) if f.endswith(".yaml")) if os.path.isdir(folder) else []
    return [f"{kind}s.yaml"] + [f"{kind}s/{f}" for f in extra]


def _entries_from(path: str, kind: str) -> list[Entry]:
    with open(package_data("events", "lexicon", path), encoding="utf-8") as fh:
        raw = read_yaml(fh) or []
    if not isinstance(raw, list):
        raise LexiconError(f"events/lexicon/{path}: must be a list of entries")
    out: list[Entry] = []
    for n, item in enumerate(raw, 1):
        where = f"events/lexicon/{path} entry {n}"
        heads = _as_list(item.get(kind))
        if not heads or "code" not in item:
            raise LexiconError(f"{where}: needs `{kind}` and `code`")
        code = _check_code(item["code"], where)
        objects = tuple(ObjectRule(tuple(_pattern(p) for p in _as_list(o.get("with"))), _check_code(o["code"], where))
                        for o in item.get("objects") or [])
        target = tuple(_as_list(item.get("target"))) or (("obj",) if kind == "verb" else ())
        for m in target + tuple(_as_list(item.get("doer"))) + tuple(_as_list(item.get("pair"))):
            if m not in TARGET_MARKERS:
                raise LexiconError(f"{where}: unknown argument marker {m!r}")
        if item.get("complement") not in (None, "intended", "hypothetical", "negated"):
            raise LexiconError(f"{where}: complement must be intended, hypothetical or negated")
        with_any = tuple(_pattern(p) for p in _as_list(item.get("with")))
        for head in heads:
            words = _pattern(head)
            lemma = words[-1]
            with_all = (tuple(words[:-1]),) if len(words) > 1 else ()
            out.append(Entry(kind=kind, lemma=lemma, code=code, with_any=with_any, with_all=with_all,
                             complement_with=tuple(_pattern(p) for p in _as_list(item.get("complement_with"))),
                             objects=objects, target=target, doer=tuple(_as_list(item.get("doer"))),
                             pair=tuple(_as_list(item.get("pair"))), symmetric=bool(item.get("symmetric")),
                             target_optional=bool(item.get("target_optional")), complement=item.get("complement"),
                             also_as_object=bool(item.get("also_as_object")),
                             place_target=bool(item.get("place_target")),
                             standalone=bool(item.get("standalone", True)),
                             source_not=tuple(_as_list(item.get("source_not"))),
                             governs=bool(item.get("governs")),
                             converse=bool(item.get("converse")),
                             speaker_source=bool(item.get("speaker_source")),
                             official_code=_check_code(item["official_code"], where) if item.get("official_code") else None,
                             verbal_code=_check_code(item["verbal_code"], where) if item.get("verbal_code") else None,
                             statement=bool(item.get("statement")),
                             predicate=bool(item.get("predicate")),
                             name=f"{kind}:{' '.join(words)}/{code}",
                             provenance=str(item.get("source") or "hand")))
    return out


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    modes: dict = field(default_factory=dict)
    grammar: dict = field(default_factory=dict)
    verb_forms: dict[str, set[str]] = field(default_factory=dict)   # inflected form → verb lemmas

    def words(self, key: str) -> set[str]:
        cache = self.__dict__.setdefault("_words", {})
        if key not in cache:
            cache[key] = frozenset(str(w).lower() for w in self.grammar.get(key) or self.modes.get(key) or [])
        return cache[key]

    def phrases(self, key: str) -> list[tuple[str, ...]]:
        cache = self.__dict__.setdefault("_phrases", {})
        if key not in cache:
            cache[key] = [_pattern(p) for p in self.modes.get(key) or self.grammar.get(key) or []]
        return cache[key]

    def noun_entries(self, lemma: str) -> list[Entry]:
        """Entries for a noun lemma, also through compounds: vredesgesprekken → gesprek."""
        lemma = lemma.lower()
        if lemma in self.nouns:
            return self.nouns[lemma]
        # the longest known head that ends the compound, leaving at least 3 letters before it
        for cut in range(3, len(lemma) - 3):
            head = lemma[cut:]
            if head in self.nouns:
                return self.nouns[head]
        return []


def dutch_verb_forms(lemma: str) -> set[str]:
    """The regular finite and participle forms of a Dutch verb, to recognise verbs the
    tagger called a noun ("Trump hint op …" with `hint` tagged N). Irregular verbs are
    tagged correctly by Frog in practice, so regular morphology is enough here."""
    if not lemma.endswith("en") or " " in lemma or len(lemma) < 4:
        return set()
    stem = lemma[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        stem = stem[:-1]                       # zeggen → zeg
    elif len(stem) >= 3 and stem[-1] not in "aeiou" and stem[-2] in "aou" and stem[-3] not in "aeiou":
        stem = stem[:-1] + stem[-2] + stem[-1]          # praten → praat
    elif len(lemma) > 7 and lemma.endswith("eren") and stem[-3] not in "aeiou":
        stem = stem[:-1] + "e" + stem[-1]                # pauzeren → pauzeer (stress on -eer)
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    if stem.endswith("z"):
        stem = stem[:-1] + "s"
    soft = stem[-1] in "tkfschp" or stem.endswith("x")
    past = "te" if soft else "de"
    # the plural present is the infinitive itself ("De VS delen inlichtingen", delen tagged as noun)
    return {lemma, stem, stem + "t" if not stem.endswith("t") else stem, stem + past, stem + past + "n"}


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for kind, table in (("verb", lex.verbs), ("noun", lex.nouns)):
        for path in lexicon_files(kind):
            for e in _entries_from(path, kind):
                table.setdefault(e.lemma, []).append(e)
    for name in ("modes", "grammar"):
        with open(package_data("events", "lexicon", f"{name}.yaml"), encoding="utf-8") as fh:
            setattr(lex, name, read_yaml(fh) or {})
    for lemma in lex.verbs:
        for form in dutch_verb_forms(lemma):
            lex.verb_forms.setdefault(form, set()).add(lemma)
    # past forms of strong verbs that Frog sometimes leaves as their own lemma ("verwierp")
    for form, lemma in (lex.grammar.get("strong_past_forms") or {}).items():
        if lemma in lex.verbs:
            lex.verb_forms.setdefault(str(form).lower(), set()).add(lemma)
    return lex


# ------------------------------------------------------------------ pattern matching

@lru_cache(maxsize=None)
def _glob_kind(glob: str) -> tuple[str, str]:
    """("any", ""), ("prefix", p) for "p*", ("suffix", s) for "*s", ("glob", g) for other
    wildcards, ("literal", g): most patterns are literal or prefix globs, which need no fnmatch."""
    if glob == "*":
        return "any", ""
    wild = [k for k, c in enumerate(glob) if c in "*?["]
    if not wild:
        return "literal", glob
    if wild == [len(glob) - 1] and glob[-1] == "*":
        return "prefix", glob[:-1]
    if wild == [0] and glob[0] == "*":
        return "suffix", glob[1:]
    return "glob", glob


def _word_matches(glob: str, lemma: str, text: str) -> bool:
    kind, g = _glob_kind(glob)
    if kind == "any":
        return True
    if kind == "prefix":
        return lemma.startswith(g) or text.startswith(g)
    if kind == "suffix":
        return lemma.endswith(g) or text.endswith(g)
    if kind == "glob":
        return fnmatchcase(lemma, glob) or fnmatchcase(text, glob)
    if glob == lemma or glob == text:
        return True
    # a noun also matches as the head of a compound: regeerakkoord → akkoord, vredesgesprek → gesprek
    return len(glob) >= 5 and len(lemma) - len(glob) >= 3 and lemma.endswith(glob)


class ClauseWords(list):
    """The (lemma, lowercased text) pairs of a clause, remembering which globs occur in it at
    all: with thousands of patterns, most are ruled out by one word that the clause lacks,
    and the same globs are asked for again and again."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()):
        super().__init__(pairs)
        self._seen: dict[str, bool] = {}
        self._exact: Optional[set[str]] = None

    def _literals(self) -> set[str]:
        """Every literal a glob without wildcards can match: the lemmas and texts, and the
        compound heads `_word_matches` accepts (5+ letters, 3+ letters before them)."""
        if self._exact is None:
            exact = set()
            for lem, txt in self:
                exact.add(lem)
                exact.add(txt)
                exact.update(lem[k:] for k in range(3, len(lem) - 4))
            self._exact = exact
        return self._exact

    def has(self, glob: str) -> bool:
        hit = self._seen.get(glob)
        if hit is None:
            if _glob_kind(glob)[0] == "literal":
                hit = glob in self._literals()
            else:
                hit = any(_word_matches(glob, lem, txt) for lem, txt in self)
            self._seen[glob] = hit
        return hit


def find_pattern(pattern: Sequence[str], words: Sequence[tuple[str, str]], max_gap: int = 2) -> Optional[tuple[int, int]]:
    """Where `pattern` (lemma globs) occurs in `words` ((lemma, lowercased text) pairs), its
    words in order with at most `max_gap` words between them; (first, last) indexes or None."""
    if not pattern:
        return None
    if isinstance(words, ClauseWords) and not all(words.has(g) for g in pattern):
        return None
    for i, (lem, txt) in enumerate(words):
        if not _word_matches(pattern[0], lem, txt):
            continue
        pos, ok = i, True
        for glob in pattern[1:]:
            for j in range(pos + 1, min(len(words), pos + 2 + max_gap)):
                if _word_matches(glob, *words[j]):
                    pos = j
                    break
            else:
                ok = False
                break
        if ok:
            return i, pos
    return None


def any_pattern(patterns: Iterable[Sequence[str]], words: Sequence[tuple[str, str]]) -> Optional[tuple[int, int]]:
    for p in patterns:
        hit = find_pattern(p, words)
        if hit:
            return hit
    return None


def choose_code(entry: Entry, words: Sequence[tuple[str, str]]) -> str:
    """The entry's code refined by the first object rule that matches the clause."""
    return choose_code_at(entry, words)[0]


def choose_code_at(entry: Entry, words: Sequence[tuple[str, str]]) -> tuple[str, Optional[tuple[int, int]]]:
    """choose_code, with where in `words` the object rule matched (None for the entry's own code)."""
    for rule in entry.objects:
        hit = any_pattern(rule.patterns, words)
        if hit:
            return rule.code, hit
    return entry.code, None
