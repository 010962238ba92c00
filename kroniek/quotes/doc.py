"""Token helpers over an analysed Article: dependency children, subtrees, noun phrases,
and which tokens lie inside direct quotes."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..records import Article, Token

NP_TAGS = {"N", "SPEC", "ADJ", "LID", "TW", "VNW"}
NAME_NER = ("PER", "ORG", "LOC", "MISC")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NP_PREPOSITIONS = {"van", "uit", "voor", "bij", "namens"}  # "minister van Buitenlandse Zaken", "Paternotte van D66"


def is_word(t: Token) -> bool:
    return t.tag != "LET" and any(ch.isalnum() for ch in t.text)


def is_finite(t: Token) -> bool:
    return t.tag == "WW" and "pv" in t.features


def is_name(t: Token) -> bool:
    return t.tag == "SPEC" and "deeleigen" in t.features or (t.tag == "N" and "eigen" in t.features) \
        or (t.ner != "O" and t.text[:1].isupper()) or _camel(t.text)


def _camel(word: str) -> bool:
    """MacFarlane, DeSantis, McCain: a capital inside a lower-case word marks a surname
    even where the tagger calls it a common noun."""
    return word[:1].isupper() and "-" not in word and any(c.islower() for c in word[1:3]) \
        and any(c.isupper() for c in word[2:])


def is_pronoun(t: Token) -> bool:
    return t.tag == "VNW" and "pers" in t.features


@dataclass
class Doc:
    article: Article
    children: dict[int, list[int]] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    quoted: set[int] = field(default_factory=set)      # tokens inside a direct quote (marks included)
    time_words: frozenset[str] = frozenset()
    timed: set[int] = field(default_factory=set)       # tokens of time expressions ("woensdag")
    mentions: list = field(default_factory=list)       # the actor stage's ActorMentions

    def __post_init__(self):
        for t in self.article.tokens:
            if t.head is not None:
                self.children.setdefault(t.head, []).append(t.i)
        self.starts = [t.start for t in self.article.tokens]
        for x in self.article.timexes:
            self.timed.update(self.tokens_in(x.start, x.end))
        for t in self.article.tokens:
            if t.lemma.lower() in self.time_words or t.text.lower() in self.time_words \
                    or any(t.text.lower().startswith(w) for w in WEEKDAYS):
                self.timed.add(t.i)

    @property
    def tokens(self) -> list[Token]:
        return self.article.tokens

    def tok(self, i: int) -> Token:
        return self.article.tokens[i]

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Tokens that lie inside [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for i in range(lo, len(self.tokens)):
            t = self.tokens[i]
            if t.start >= end:
                break
            if t.end <= end:
                out.append(i)
        return out

    def token_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 else None

    def sent_range(self, s: int) -> range:
        se = self.article.sentences[s]
        return range(se.first_token, se.last_token)

    def sentence_of_offset(self, offset: int) -> int | None:
        i = self.token_at(offset)
        return self.tokens[i].sent if i is not None else None

    def span_text(self, first: int, last: int) -> str:
        """Text of tokens [first, last)."""
        return self.article.text[self.tokens[first].start:self.tokens[last - 1].end]

    def subtree(self, head: int) -> set[int]:
        sent = self.tokens[head].sent
        out, todo = {head}, [head]
        while todo:
            for c in self.children.get(todo.pop(), []):
                if c not in out and self.tokens[c].sent == sent:
                    out.add(c)
                    todo.append(c)
        return out

    def children_with(self, head: int, rel: str) -> list[int]:
        return [c for c in self.children.get(head, []) if self.tokens[c].rel == rel]

    def np_around(self, head: int, limit: int = 12) -> tuple[int, int]:
        """The noun phrase headed by `head` as a token range [first, last): the contiguous part
        of its subtree around it, cut at commas, quotes, verbs, relative clauses and dates,
        then widened over names the parser left out ("de krant The Standard")."""
        sub = self.subtree(head)
        first = last = head
        while first - 1 in sub and self._np_ok(first - 1) and head - first < limit:
            first -= 1
        while last + 1 in sub and self._np_ok(last + 1) and last - head < limit:
            last += 1
        first, last = self._trim(first, last, head)
        # names that follow in the same phrase (multiword names the parse split)
        sent = self.tokens[head].sent
        while last + 1 < len(self.tokens) and self.tokens[last + 1].sent == sent and self._np_ok(last + 1) \
                and is_name(self.tokens[last + 1]) and is_name(self.tokens[last]) and last - first < limit \
                and last + 1 not in self.timed:
            last += 1
        # apposition: "Femke de Graaf, econoom bij ING, zei" / "de voorzitter van
        # de FNV, Jan de Vries, zei": the name on the other side of the comma belongs to it
        if first >= 2 and self.tokens[first - 1].text == "," and is_name(self.tokens[first - 2]) \
                and self.tokens[first - 2].sent == sent and first - 2 not in self.quoted:
            k = first - 2
            while k - 1 >= 0 and self.tokens[k - 1].sent == sent and is_name(self.tokens[k - 1]) and k - 1 not in self.quoted:
                k -= 1
            if k == 0 or self.tokens[k - 1].sent != sent or self.tokens[k - 1].tag in ("LET", "VG") or k == self.sent_range(sent).start:
                first = k
        if last + 2 < len(self.tokens) and self.tokens[last + 1].text == "," and is_name(self.tokens[last + 2]) \
                and self.tokens[last + 2].sent == sent and last + 2 not in self.quoted and not is_name(self.tokens[last]):
            k = last + 2
            while k + 1 < len(self.tokens) and self.tokens[k + 1].sent == sent and is_name(self.tokens[k + 1]) \
                    and k + 1 not in self.quoted and k + 1 not in self.timed:
                k += 1
            nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
            if nxt is None or nxt.text in (",", ".") or nxt.tag == "WW":
                last = k
        # "Esther Ouwehand van de PvdD" where the parse made "de PVV" the subject
        if first >= 2 and self.tokens[first - 1].lemma == "van" and self.tokens[first - 1].sent == sent:
            left = self.np_chunk_from(first - 2, -1)
            if left and any(is_name(self.tokens[k]) or self.tokens[k].tag == "N" for k in range(*left)):
                first = left[0]
        return first, last + 1

    def _trim(self, first: int, last: int, head: int) -> tuple[int, int]:
        # a trailing preposition without its object, or a date, is not part of the name
        cut = next((k for k in range(head + 1, last + 1) if k in self.timed), None)
        if cut is not None:
            last = cut - 1
        while last > head and (self.tokens[last].tag in ("VZ", "LET", "VG") or last in self.timed):
            last -= 1
        while first < head and (self.tokens[first].tag in ("LET", "VG", "VZ") or first in self.timed):
            first += 1
        return first, last

    def _np_ok(self, i: int) -> bool:
        t = self.tokens[i]
        if i in self.quoted or i in self.timed or t.text in (",", ":", ";", "(", ")") or t.tag in ("WW", "BW"):
            return False
        if t.tag == "VNW" and ("betr" in t.features or "vb" in t.features):
            return False
        if t.tag == "VZ" and t.lemma.lower() not in NP_PREPOSITIONS and t.rel != "mwp":
            return False
        return t.tag != "LET" or t.text in ("-", ".", "'")

    def np_chunk_from(self, i: int, direction: int = 1, limit: int = 10) -> tuple[int, int] | None:
        """A noun phrase by word classes alone, starting at token i and running forward (or
        ending at i and running backward): the fallback where the parse gives no subject."""
        sent = self.tokens[i].sent
        rng = self.sent_range(sent)
        j, seen = i, []
        while j in rng and len(seen) < limit and j not in self.quoted:
            t = self.tokens[j]
            ok = t.tag in NP_TAGS or (t.tag == "VZ" and t.lemma in NP_PREPOSITIONS and seen) or t.rel == "mwp" \
                or (t.tag == "VG" and t.lemma == "en" and seen and j + direction in rng
                    and self.tokens[j + direction].tag in NP_TAGS)
            if j in self.timed or (t.tag == "VNW" and t.lemma.lower() in ("er", "het", "dat", "dit") and seen):
                ok = False
            if t.tag == "VNW" and ("betr" in t.features or "vb" in t.features):
                ok = False
            if not ok:
                break
            seen.append(j)
            j += direction
        if not seen:
            return None
        a, b = min(seen), max(seen)
        while b > a and self.tokens[b].tag in ("VZ", "LET", "VG"):
            b -= 1
        while a < b and self.tokens[a].tag in ("VZ", "LET", "VG"):
            a += 1
        if not any(self.tokens[k].tag in ("N", "SPEC", "VNW", "TW") for k in range(a, b + 1)):
            return None
        return a, b + 1
