"""Frog's rows back onto the article text: character offsets, and multiword units split.

Frog joins multiword units with `_` (`Verenigde_Staten`, `aan_het`, `nog_geen`, `op_tafel`)
and its parser treats each unit as one node. kroniek keeps one token per written word, so a
span can be highlighted and a phrase like `aan het Kremlin` is matched word by word: each
word of a unit gets its own text, lemma, POS and NER tag from Frog's `_`-joined fields; the
first word carries the unit's head and relation, the others attach to it with `mwp` and
point back to it in `Token.mwu`.
"""
from __future__ import annotations

from ..records import Sentence, Token
from .frog import FrogRow


class AlignmentError(ValueError):
    pass


def _split(field: str, n: int, fallback: list[str]) -> list[str]:
    parts = field.split("_")
    return parts if len(parts) == n else fallback


# Characters that print nothing and that Frog's tokenizer drops: a soft hyphen (U+00AD, common
# in copied newspaper text), zero-width spaces and joiners, the word joiner and a stray BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def _locate(text: str, word: str, cursor: int) -> tuple[int, int]:
    """Offsets of `word` at or after `cursor`, skipping white space and invisible characters."""
    i = cursor
    while i < len(text) and (text[i].isspace() or text[i] in INVISIBLE):
        i += 1
    if text.startswith(word, i):
        return i, i + len(word)
    # Frog's tokenizer may have changed a character (quote styles, ligatures): look a
    # little further for the exact word first, then take the same number of characters.
    j = text.find(word, i, i + 80 + len(word))
    if j != -1 and not text[i:j].strip(".,;:!?\"'()[]“”‘’„«»-–—…") :
        return j, j + len(word)
    end, taken = i, 0
    while end < len(text) and taken < len(word) and not text[end].isspace():
        end += 1
        taken += 1
    if _alnum(word) and _alnum(text[i:end]) != _alnum(word):
        # Not a changed character but other words: Frog left text out (a "word" of thousands
        # of letters, say). Go on at the next whole-word occurrence of this word; the text
        # skipped keeps no token (the frog component notes it as unanalysed).
        j = i
        while (j := text.find(word, j + 1, i + DROP_WINDOW)) != -1:
            if text[j - 1].isspace():
                return j, j + len(word)
    if end == i:
        raise AlignmentError(f"cannot place Frog token {word!r} at offset {cursor}")
    return i, end


DROP_WINDOW = 20_000  # how far past left-out text the next word is looked for


def _alnum(s: str) -> str:
    return "".join(c for c in s.casefold() if c.isalnum())


def align(text: str, sentences: list[list[FrogRow]], paragraphs: list[tuple[int, int]],
          parsed: bool = True) -> tuple[list[Sentence], list[Token]]:
    tokens: list[Token] = []
    out: list[Sentence] = []
    cursor = 0
    para_index = 0
    for rows in sentences:
        first = len(tokens)
        row_first_token: dict[int, int] = {}
        pending_heads: list[tuple[int, int | None]] = []
        for row in rows:
            pos_parts = row.pos.split("_")
            n = len(pos_parts)
            words = _split(row.word, n, [row.word]) if n > 1 else [row.word]
            if len(words) != n:  # an underscore in the text itself, not a unit
                pos_parts, n = [row.pos], 1
            lemmas = _split(row.lemma, n, words)
            ners = _split(row.ner, n, [row.ner] + ["O"] * (n - 1))
            chunks = _split(row.chunk, n, [row.chunk] * n)
            unit_first = len(tokens)
            row_first_token[row.index] = unit_first
            for k, word in enumerate(words):
                start, end = _locate(text, word, cursor)
                cursor = end
                tok = Token(i=len(tokens), text=text[start:end], start=start, end=end, sent=len(out),
                            lemma=lemmas[k], pos=pos_parts[k], ner=ners[k] or "O", chunk=chunks[k] or "O")
                if k == 0:
                    tok.rel = row.rel
                    pending_heads.append((tok.i, row.head))
                else:
                    tok.head, tok.rel, tok.mwu = unit_first, "mwp", unit_first
                tokens.append(tok)
            if n > 1:
                tokens[unit_first].mwu = unit_first
        for ti, head in pending_heads:
            tokens[ti].head = row_first_token.get(head) if head else None
        if len(tokens) == first:
            continue
        s_start, s_end = tokens[first].start, tokens[-1].end
        while para_index + 1 < len(paragraphs) and s_start >= paragraphs[para_index + 1][0]:
            para_index += 1
        out.append(Sentence(index=len(out), start=s_start, end=s_end, paragraph=para_index,
                            first_token=first, last_token=len(tokens), parsed=parsed))
    return out, tokens
