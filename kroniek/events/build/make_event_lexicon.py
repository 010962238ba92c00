"""Candidate Dutch translations of PETRARCH2's CAMEO verb dictionary, for the curators of
kroniek/events/lexicon/verbs/*.yaml and nouns/*.yaml.

Run from the repository root:

    .venv/bin/python -m kroniek.events.build.make_event_lexicon          # write candidates/*.tsv
    .venv/bin/python -m kroniek.events.build.make_event_lexicon --diff   # what the dictionary lacks, by code

Inputs: PETRARCH2's verb dictionary `../shared/data/petrarch2/CAMEO.2.0.txt` (MIT, Open Event
Data Alliance; the format is in `dictionaries.rst` beside it) and the FreeDict English→Dutch and
Dutch→English dictionaries of Debian (packages dict-freedict-eng-nld and dict-freedict-nld-eng,
GPL-2+), read from /usr/share/dictd. FreeDict is a bridge at build time only: the candidates are
suggestions; the entries of the dictionary are Dutch word choices made by people (see NOTICE).

Outputs, in candidates/ beside this file (generated, committed so that they can be reviewed):

  verbs.tsv     one row per English verb of each verb group: the group, its line, the verb's
                CAMEO code (its own [code], else the group's), the Dutch infinitives found.
  patterns.tsv  one row per content word (or braced phrase, or synset) of each pattern line
                `- … * … [code]`: the pattern, its line, its code(s), the word's role (pre: before
                the verb, obj: after it, pp:PREP inside a prepositional phrase), Dutch nouns.
  synsets.tsv   one row per member of each synset `&NAME`: Dutch nouns, and the codes of the
                patterns that use the synset.

Dutch candidates come in three columns by confidence:
  nl_high    both ways: eng-nld gives the Dutch word for the English one, and nld-eng gives
             the English word back for the Dutch one (the back-translation check);
  nl_medium  nld-eng gives the English word in the first (or only) sense of the Dutch word;
  nl_low     one way only, or the English word in a later sense of the Dutch word.
eng-nld is small (7,700 headwords, many of them empty), so most candidates come from nld-eng read
backwards; FreeDict is noisy, so every candidate must be checked by someone who knows Dutch.

Verb candidates are Dutch infinitives only (a word ending in -en, or gaan/staan/doen/zien/zijn
and their compounds; multi-word headwords only when one of their words is one: "afstand doen").
Object candidates are any Dutch headword that is not an infinitive by that test.

`--diff` reads the committed candidates files (no FreeDict needed) and the curated YAML files and
lists, per CAMEO code, the candidates that no curated entry of the same CAMEO root uses yet: a verb
candidate is "in the dictionary" when a verb entry with that lemma has a code (code, objects code or
official_code) in the root of the candidate's code; an object candidate when it occurs in a `with`
or `objects` pattern of such an entry (lemma globs and compound heads count, as in the engine), or
as a noun entry of that root.
"""
from __future__ import annotations

import argparse
import io
import csv
import gzip
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from ...resources import build_source, data_file, read_yaml   # build_source: ../shared/data or $KRONIEK_SHARED/data

HERE = Path(__file__).resolve().parent
CANDIDATES = HERE / "candidates"
LEXICON = HERE.parent / "lexicon"
DICTD = Path("/usr/share/dictd")
FREEDICT_PACKAGES = "dict-freedict-eng-nld and dict-freedict-nld-eng"

LEVELS = ("high", "medium", "low")

# English words in patterns that are not objects: particles, prepositions, determiners, pronouns,
# auxiliaries and adverbs of the phrasal verbs (SET OUT, PUT FORWARD, WILL NOT …).
ENGLISH_FUNCTION = set("""
a an the of to in on at by for from with without into onto upon over under out up down off away back
forward forwards aside along about around across against toward towards through between among amid
before after behind beyond near close closer as than then so not no nor or and but if that this these
those it its itself he him himself she her herself they them themselves we us our you your i me my
who whom which what will would shall should can could may might must is are was were be been being
have has had do does did all any some each every more most less least very too also still again
""".split())

# Dutch words ending in -en that are no verbs (nouns, adjectives, adverbs, prepositions): left out of
# the verb candidates. Only the frequent ones; FreeDict has more, the curators catch them.
DUTCH_EN_NON_VERBS = set("""
wapen teken regen keuken examen deken laken molen wagen open houten gouden zilveren stenen eigen
even boven beneden binnen buiten tegen morgen heden haven bezem oven vrede
""".split())
# the same as heads of compounds (merkteken, vrachtwagen, luchthaven); no verb ends in them
DUTCH_EN_NOUN_HEADS = ("wapen", "teken", "keuken", "examen", "deken", "laken", "molen", "wagen", "haven", "regen")

_DUTCH_SHORT_INF = ("gaan", "staan", "slaan", "doen", "zien", "zijn")
_DUTCH_VOWEL_IEN = ("aaien", "ooien", "oeien", "eien", "uien")        # draaien, gooien, bloeien, schreien
# plurals of nouns that no verb shares: vrijheden, universiteiten, posterijen, vennootschappen
_DUTCH_PLURAL_ENDINGS = ("heden", "teiten", "erijen", "schappen")
_DUTCH_PREFIXES = sorted("""af be ont ver op uit in aan door over om toe weg mee na bij voor ge er her
tegen onder achter terug samen""".split(), key=len, reverse=True)


def _dutch_plural(w: str) -> bool:
    """A plural noun, not an infinitive: -heden, -erijen …; -ingen and -isten when the stem left
    after a verb prefix has a vowel (regeringen, leningen, terroristen; not dwingen, afdwingen,
    springen, twisten, betwisten)."""
    if w.endswith(_DUTCH_PLURAL_ENDINGS):
        return True
    for end in ("ingen", "isten"):
        if w.endswith(end):
            stem = w[:-len(end)]
            pre = next((p for p in _DUTCH_PREFIXES if stem.startswith(p)), "")
            return bool(re.search(r"[aeiouy]", stem[len(pre):]))
    return False


# ------------------------------------------------------------------ PETRARCH2 verb dictionary

@dataclass
class Verb:
    english: str            # lowercase, multi-word verbs with spaces: "ask for"
    code: str               # its own code, else the group's ("---" = no event)
    line: int
    head: str = ""          # the verb word of a multi-word verb (the one marked +): "ask"


@dataclass
class Phrase:
    """One content element of a pattern: a word, a braced noun phrase (head last) or a synset."""
    role: str               # pre | obj | pp:PREP
    words: tuple[str, ...]  # lowercase English words; a synset is ("&NAME",)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def head(self) -> str:
        return self.words[-1]


@dataclass
class Pattern:
    group: str
    line: int
    text: str               # the pattern as written, without code and comment
    code: str               # as written: "042:043", ":173", "080!"
    verb_hint: str          # the comment: the verb the pattern was found with
    phrases: list[Phrase] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        """The codes the pattern assigns (either side of a "source:target" pair), digits only."""
        out = []
        for part in self.code.split(":"):
            part = re.sub(r"\D", "", part)
            if part and part not in out:
                out.append(part)
        return out


@dataclass
class Group:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Synset:
    name: str               # with the &, as used in patterns: "&CEASEFIRE"
    line: int
    members: list[str] = field(default_factory=list)   # lowercase, underscores as spaces


@dataclass
class Petrarch:
    groups: list[Group]
    synsets: dict[str, Synset]


_GROUP = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


def _strip_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    return text.rstrip(), comment.strip()


def _verb_line(text: str) -> tuple[str, str | None, str]:
    """"+ASK_FOR {+ASKED_FOR …} [020]" → ("ask for", "020", "ask"); "WIRE_+TAP" → ("wire tap", None, "tap")."""
    code = None
    m = _CODE.search(text)
    if m:
        code = m.group(1).strip()
        text = text[:m.start()]
    text = re.sub(r"\{[^}]*\}", "", text).strip()
    word = text.split()[0] if text.split() else ""
    parts = word.split("_")
    head = next((p for p in parts if p.startswith("+")), parts[0] if parts else "")
    return word.replace("+", "").replace("_", " ").lower().strip(), code, head.lstrip("+").lower()


def _pattern_phrases(text: str) -> list[Phrase]:
    """The content elements of a pattern body ("* (FOR {FINANCIAL AID})", "&MILITARY * EXERCISES")."""
    tokens = re.findall(r"\{[^}]*\}|\(|\)|[^\s(){}]+", text)
    out: list[Phrase] = []
    side, in_pp, prep = "pre", False, ""
    first_in_pp = False
    for tok in tokens:
        if tok == "*":
            side = "obj"
            continue
        if tok == "(":
            in_pp, first_in_pp, prep = True, True, ""
            continue
        if tok == ")":
            in_pp = False
            continue
        if tok in ("$", "+", "%", "^", "-"):
            continue                              # source / target / other-actor markers
        if in_pp and first_in_pp:
            first_in_pp = False
            if not tok.startswith("{") and not tok.startswith("&"):
                prep = tok.lower()
                continue
        role = f"pp:{prep}" if in_pp and prep else side
        if tok.startswith("{"):
            words = tuple(w if w.startswith("&") else w.lower() for w in tok[1:-1].split() if w not in ("$", "+", "%", "^"))
        elif tok.startswith("&"):
            words = (tok,)
        else:
            words = (tok.lower(),)
        words = tuple(w for w in words if w.startswith("&") or w not in ENGLISH_FUNCTION)
        if words:
            out.append(Phrase(role, words))
    return out


def read_petrarch(path: Path | None = None) -> Petrarch:
    path = path or build_source("petrarch2", "CAMEO.2.0.txt")
    groups: list[Group] = []
    synsets: dict[str, Synset] = {}
    current_set: Synset | None = None
    group: Group | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if raw.startswith("---"):
            m = _GROUP.match(raw)
            if m:
                group = Group(m.group(1), m.group(2).strip(), n)
                groups.append(group)
                current_set = None
            continue
        if raw.startswith("#") and "TRANSFORMATIONS" in raw:
            group = None                           # "~ a (a b ATTACK) SAY = a b 015": not read
            continue
        if raw.startswith("~"):
            continue
        text, comment = _strip_comment(raw)
        if not text.strip():
            continue
        if text.startswith("&"):
            name = text.split()[0]
            current_set = synsets.setdefault(name, Synset(name, n))
            continue
        if current_set is not None and group is None and text.startswith("+"):
            current_set.members.append(text[1:].strip().rstrip("_").replace("_", " ").lower())
            continue
        if group is None:
            continue
        if text.startswith("-"):
            m = _CODE.search(text)
            if not m:
                continue
            body = text[1:m.start()].strip()
            group.patterns.append(Pattern(group.name, n, body, m.group(1).strip(), comment,
                                          _pattern_phrases(body)))
        else:
            word, code, head = _verb_line(text)
            if word:
                group.verbs.append(Verb(word, code or group.code, n, head or word))
    return Petrarch(groups, synsets)


def cameo_codes(path: Path | None = None) -> dict[str, str]:
    """CAMEO 1.1b3 code → name."""
    path = path or data_file("cameo", "cameo-codes.csv")
    with open(path, encoding="utf-8") as fh:
        return {row["code"].strip(): row["name"].strip() for row in csv.DictReader(fh)}


# ------------------------------------------------------------------ FreeDict

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def _b64(s: str) -> int:
    n = 0
    for c in s:
        n = n * 64 + _B64[c]
    return n


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def read_freedict(name: str, folder: Path = DICTD) -> dict[str, list[list[str]]]:
    """headword → senses → glosses, from a dictd .index and .dict.dz pair."""
    index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
    with gzip.open(data, "rb") as fh:
        blob = fh.read()
    out: dict[str, list[list[str]]] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database") or parts[0].startswith("00-database"):
            continue
        start, length = _b64(parts[1]), _b64(parts[2])
        body = blob[start:start + length].decode("utf-8", errors="replace").splitlines()
        head = _norm(parts[0])
        senses = []
        for s in body[1:]:                      # the first line is "headword /pronunciation/"
            s = _norm(re.sub(r"^\d+\.\s*", "", s))
            glosses = [g.strip() for g in re.split(r"[,;]", s) if g.strip()]
            if glosses:
                senses.append(glosses)
        if senses:
            out.setdefault(head, []).extend(senses)
    return out


def freedict_available(folder: Path = DICTD) -> bool:
    return all((folder / f"freedict-{p}.{ext}").exists() for p in ("eng-nld", "nld-eng") for ext in ("index", "dict.dz"))


class Bridge:
    """English → Dutch through FreeDict: eng-nld forwards, nld-eng backwards, with the
    back-translation check as the confidence signal (see the module docstring)."""

    def __init__(self, eng_nld: dict[str, list[list[str]]], nld_eng: dict[str, list[list[str]]],
                 vocabulary: set[str] = frozenset()):
        self.fwd: dict[str, set[str]] = {}
        for en, senses in eng_nld.items():
            self.fwd.setdefault(en.lower(), set()).update(g for s in senses for g in s)
        # English vocabulary for repairing glosses that lost their spaces ("askfor", "comeacross")
        self.vocab = {w for w in self.fwd if " " not in w} | set(vocabulary) | ENGLISH_FUNCTION
        self.back: dict[str, dict[str, int]] = {}      # nl → english gloss → first sense (1-based)
        self.rev: dict[str, dict[str, int]] = {}       # english gloss → nl → first sense
        for nl, senses in nld_eng.items():
            for i, sense in enumerate(senses, 1):
                for g in sense:
                    for en in self._gloss_forms(g):
                        self.back.setdefault(nl, {}).setdefault(en, i)
                        self.rev.setdefault(en, {}).setdefault(nl, i)

    def _gloss_forms(self, gloss: str) -> set[str]:
        g = re.sub(r"\([^)]*\)", " ", gloss.lower()).replace("...", " ").replace("…", " ")
        g = " ".join(g.split())
        if not g:
            return set()
        forms = {g}
        if g.startswith("to ") and len(g) > 3:
            forms.add(g[3:])
        if " " not in g and g not in self.vocab:
            split = self._segment(g)
            if split:
                forms.add(split)
        return forms

    def _segment(self, word: str) -> str | None:
        """"askfor" → "ask for" when the pieces (2 or 3, each at least 2 letters) are known words."""
        best: dict[int, list[str]] = {0: []}
        for i in range(1, len(word) + 1):
            for j in range(max(0, i - 20), i - 1):
                if j in best and word[j:i] in self.vocab and len(best[j]) < 3:
                    cand = best[j] + [word[j:i]]
                    if i not in best or len(cand) < len(best[i]):
                        best[i] = cand
        pieces = best.get(len(word))
        return " ".join(pieces) if pieces and len(pieces) > 1 else None

    def translate(self, english: str, accept) -> dict[str, str]:
        """Dutch candidates for an English word or phrase → confidence, filtered by `accept(nl)`."""
        english = english.lower().strip()
        out: dict[str, str] = {}
        forward = {_norm(t) for t in self.fwd.get(english, ())}
        for nl in forward:
            if not accept(nl):
                continue
            out[nl] = "high" if english in self.back.get(nl, {}) else "low"
        for nl, sense in self.rev.get(english, {}).items():
            if nl in out or not accept(nl):
                continue
            out[nl] = "medium" if sense == 1 else "low"
        return out


def is_dutch_infinitive(word: str) -> bool:
    w = word.strip()
    if not w or w != w.lower() or not re.fullmatch(r"[a-zäëïöüéèáóú' -]+", w):
        return False
    if " " in w:
        return len(w.split()) <= 4 and any(is_dutch_infinitive(p) for p in w.split())
    if w in DUTCH_EN_NON_VERBS or w.endswith(DUTCH_EN_NOUN_HEADS):
        return False
    if w.endswith(_DUTCH_SHORT_INF + _DUTCH_VOWEL_IEN):
        return True
    if len(w) < 5 or not w.endswith("en") or w[-3] in "aeiouyëïéè" or _dutch_plural(w):
        return False
    return True


def is_dutch_noun_candidate(word: str) -> bool:
    w = word.strip()
    if not w or w != w.lower() or not re.fullmatch(r"[a-zäëïöüéèáóú' -]+", w) or len(w.split()) > 3:
        return False
    return not is_dutch_infinitive(w)


def english_singulars(word: str) -> list[str]:
    """PETRARCH patterns write plurals (SANCTIONS, RALLIES, EXERCISES); FreeDict glosses are singular."""
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return out


# ------------------------------------------------------------------ candidates

def _columns(cands: dict[str, str]) -> list[str]:
    return [", ".join(sorted(nl for nl, c in cands.items() if c == level)) for level in LEVELS]


def _noun_candidates(bridge: Bridge, english: str) -> dict[str, str]:
    """A phrase first as a whole ("humanitarian aid"), else by its head and its plurals' singulars."""
    words = english.split()
    for form in [english] + ([" ".join(words[:-1] + [s]) for s in english_singulars(words[-1])[1:]] if words else []):
        c = bridge.translate(form, is_dutch_noun_candidate)
        if c:
            return c
    return {}


def _lower(cands: dict[str, str]) -> dict[str, str]:
    """One confidence level down: a candidate found for part of a phrase only."""
    return {nl: LEVELS[min(LEVELS.index(c) + 1, len(LEVELS) - 1)] for nl, c in cands.items()}


def phrase_candidates(bridge: Bridge, phrase: Phrase) -> dict[str, str]:
    """Dutch nouns for a pattern element; synsets are translated member by member in
    synsets.tsv, so "{&WEAPON ATTACK}" is translated by its own words ("attack")."""
    words = [w for w in phrase.words if not w.startswith("&")]
    if not words:
        return {}
    c = _noun_candidates(bridge, " ".join(words))
    if c or len(words) == 1:
        return c
    # a braced phrase FreeDict does not know: its head, one level less sure
    return _lower(_noun_candidates(bridge, words[-1]))


def verb_candidates(bridge: Bridge, verb: "Verb") -> dict[str, str]:
    """Dutch infinitives for an English verb; a multi-word verb FreeDict does not know
    ("communicate with", "angered by") by its verb word, one level less sure."""
    c = bridge.translate(verb.english, is_dutch_infinitive)
    if c or " " not in verb.english:
        return c
    return _lower(bridge.translate(verb.head, is_dutch_infinitive))


def write_candidates(petrarch: Petrarch, bridge: Bridge, codes: dict[str, str], out: Path = CANDIDATES) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    header = ("# GENERATED by kroniek/events/build/make_event_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT)\n"
              "# and FreeDict eng-nld / nld-eng (GPL-2+), a bridge for curators: check every candidate.\n")
    counts = {}

    def valid(code_list: list[str]) -> str:
        return ",".join(c for c in code_list if c in codes)

    # verbs
    rows = 0
    with (out / "verbs.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["group", "group_code", "line", "english", "code", "cameo", *(f"nl_{lv}" for lv in LEVELS)])
        for g in petrarch.groups:
            for v in g.verbs:
                cands = verb_candidates(bridge, v)
                code = v.code
                w.writerow([g.name, g.code, v.line, v.english, code,
                            valid(Pattern(g.name, v.line, "", code, "").codes), *_columns(cands)])
                rows += 1
    counts["verbs"] = rows

    # patterns
    rows = 0
    with (out / "patterns.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["group", "line", "pattern", "code", "cameo", "verb_hint", "role", "english",
                    *(f"nl_{lv}" for lv in LEVELS)])
        for g in petrarch.groups:
            for p in g.patterns:
                phrases = p.phrases or [Phrase("", ("",))]
                for ph in phrases:
                    cands = phrase_candidates(bridge, ph) if ph.text else {}
                    w.writerow([g.name, p.line, p.text, p.code, valid(p.codes), p.verb_hint.lower(),
                                ph.role, ph.text, *_columns(cands)])
                    rows += 1
    counts["patterns"] = rows

    # synsets
    used: dict[str, set[str]] = {}
    for g in petrarch.groups:
        for p in g.patterns:
            for ph in p.phrases:
                for wd in ph.words:
                    if wd.startswith("&"):
                        used.setdefault(wd.upper(), set()).update(c for c in p.codes if c in codes)
    rows = 0
    with (out / "synsets.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["synset", "line", "english", "used_by_codes", *(f"nl_{lv}" for lv in LEVELS)])
        for name, s in petrarch.synsets.items():
            for member in s.members:
                cands = phrase_candidates(bridge, Phrase("obj", tuple(member.split())))
                w.writerow([name, s.line, member, ",".join(sorted(used.get(name.upper(), ()))), *_columns(cands)])
                rows += 1
    counts["synsets"] = rows
    return counts


def build(out: Path = CANDIDATES) -> dict[str, int]:
    if not freedict_available(DICTD):
        print(f"FreeDict dictionaries not found in {DICTD}: install the Debian packages {FREEDICT_PACKAGES}\n"
              f"  sudo apt-get install dict-freedict-eng-nld dict-freedict-nld-eng", file=sys.stderr)
        raise SystemExit(2)
    petrarch = read_petrarch()
    vocabulary = {v.english for g in petrarch.groups for v in g.verbs if " " not in v.english}
    vocabulary |= {w for g in petrarch.groups for p in g.patterns for ph in p.phrases for w in ph.words}
    vocabulary |= {w for s in petrarch.synsets.values() for m in s.members for w in m.split()}
    bridge = Bridge(read_freedict("freedict-eng-nld", DICTD), read_freedict("freedict-nld-eng", DICTD), vocabulary)
    counts = write_candidates(petrarch, bridge, cameo_codes(), out)
    print(f"wrote {out}/verbs.tsv ({counts['verbs']} verbs), patterns.tsv ({counts['patterns']} pattern words), "
          f"synsets.tsv ({counts['synsets']} synset members)")
    return counts


# ------------------------------------------------------------------ --diff

def _as_list(v) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def curated_items(kind: str, folder: Path = LEXICON) -> list[tuple[str, int, dict]]:
    """The raw entries of verbs/*.yaml or nouns/*.yaml (and the core file): (file, number, item)."""
    files = [folder / f"{kind}s.yaml"] + sorted((folder / f"{kind}s").glob("*.yaml"))
    out = []
    for f in files:
        if not f.exists():
            continue
        raw = read_yaml(io.StringIO(f.read_text(encoding="utf-8"))) or []
        for n, item in enumerate(raw, 1):
            if isinstance(item, dict):
                out.append((str(f.relative_to(folder)), n, item))
    return out


def _item_codes(item: dict) -> set[str]:
    codes = {str(item.get("code", ""))}
    codes |= {str(o.get("code", "")) for o in item.get("objects") or [] if isinstance(o, dict)}
    if item.get("official_code"):
        codes.add(str(item["official_code"]))
    return {c for c in codes if c and c != "none"}


def _item_words(item: dict) -> list[str]:
    """Every word of an entry's patterns (with, objects, multi-word heads, complement_with)."""
    words = []
    for p in _as_list(item.get("with")) + _as_list(item.get("complement_with")):
        words += str(p).lower().split()
    for o in item.get("objects") or []:
        if isinstance(o, dict):
            for p in _as_list(o.get("with")):
                words += str(p).lower().split()
    for head in _as_list(item.get("verb")) + _as_list(item.get("noun")):
        words += str(head).lower().split()
    return words


def _word_known(nl: str, globs: set[str]) -> bool:
    for g in globs:
        if g == nl or (any(c in g for c in "*?[") and fnmatchcase(nl, g)):
            return True
        if len(g) >= 5 and len(nl) - len(g) >= 3 and nl.endswith(g):
            return True
    return False


def _read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split(cell: str) -> list[str]:
    return [c.strip() for c in (cell or "").split(",") if c.strip()]


def diff(min_level: str = "medium", prefix: str = "", folder: Path = CANDIDATES, lexicon: Path = LEXICON) -> dict:
    """Candidates of the committed TSVs that the curated dictionary does not use yet, by code:
    {code: {"verbs": {nl: [sources]}, "objects": {nl: [sources]}}}."""
    levels = LEVELS[:LEVELS.index(min_level) + 1]
    verbs_by_root: dict[str, set[str]] = {}      # root → verb lemmas coded in that root
    words_by_root: dict[str, set[str]] = {}      # root → words of patterns / noun lemmas of that root
    for kind in ("verb", "noun"):
        for _, _, item in curated_items(kind, lexicon):
            roots = {c[:2] for c in _item_codes(item)}
            heads = [str(h).lower().split()[-1] for h in _as_list(item.get(kind)) if str(h).split()]
            for r in roots:
                if kind == "verb":
                    verbs_by_root.setdefault(r, set()).update(heads)
                else:
                    words_by_root.setdefault(r, set()).update(heads)
                words_by_root.setdefault(r, set()).update(_item_words(item))
    out: dict[str, dict[str, dict[str, list[str]]]] = {}

    def add(code: str, part: str, nl: str, source: str):
        out.setdefault(code, {"verbs": {}, "objects": {}})[part].setdefault(nl, [])
        if source not in out[code][part][nl]:
            out[code][part][nl].append(source)

    for row in _read_tsv(folder / "verbs.tsv"):
        for code in _split(row["cameo"]):
            if not code.startswith(prefix):
                continue
            for lv in levels:
                for nl in _split(row[f"nl_{lv}"]):
                    if nl.split()[-1] not in verbs_by_root.get(code[:2], set()):
                        add(code, "verbs", nl, f"{row['english']} ({row['group']}, {lv})")
    for name in ("patterns.tsv", "synsets.tsv"):
        for row in _read_tsv(folder / name):
            codes = _split(row.get("cameo") or row.get("used_by_codes") or "")
            where = (f"{row['english']} in '{row['pattern']}' ({row['group']} l.{row['line']})" if name == "patterns.tsv"
                     else f"{row['english']} ({row['synset']})")
            for code in codes:
                if not code.startswith(prefix):
                    continue
                for lv in levels:
                    for nl in _split(row[f"nl_{lv}"]):
                        if not _word_known(nl, words_by_root.get(code[:2], set())):
                            add(code, "objects", nl, f"{where}, {lv}")
    return out


def print_diff(result: dict, codes: dict[str, str], limit: int = 12) -> None:
    for code in sorted(result):
        parts = result[code]
        print(f"== {code} {codes.get(code, '?')}: {len(parts['verbs'])} verbs, {len(parts['objects'])} object nouns not in the dictionary")
        for part in ("verbs", "objects"):
            items = sorted(parts[part].items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for nl, sources in items[:limit]:
                print(f"   {part[:-1]:6s} {nl:24s} ← {sources[0]}" + (f" (+{len(sources) - 1})" if len(sources) > 1 else ""))
            if len(items) > limit:
                print(f"   … {len(items) - limit} more {part}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--diff", action="store_true", help="list candidates not yet in the curated dictionary, by CAMEO code")
    ap.add_argument("--min-confidence", choices=LEVELS, default="medium", help="--diff: lowest confidence shown (default medium)")
    ap.add_argument("--code", default="", help="--diff: only codes starting with this (e.g. 19, 0231)")
    ap.add_argument("--limit", type=int, default=12, help="--diff: candidates shown per code and part (default 12)")
    ap.add_argument("--out", type=Path, default=CANDIDATES, help="folder of the candidates files")
    args = ap.parse_args(argv)
    if args.diff:
        try:
            print_diff(diff(args.min_confidence, args.code, args.out), cameo_codes(), args.limit)
        except BrokenPipeError:          # `… --diff | head`
            sys.stderr.close()
        return 0
    build(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
