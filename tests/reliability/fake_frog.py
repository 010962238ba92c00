"""A stand-in for the `frog` binary that speaks its interactive protocol, for failure tests.

It reads text up to a blank line and answers one block of 10 tab-separated columns per
sentence, each block ended by a blank line, as Frog does. Its analysis is crude (regex
tokens, a flat tree) but well-formed, so the pipeline can run on it in milliseconds.

Misbehaviour is switched on by environment variables, so a test can make it fail on purpose:

- FAKE_FROG_CRASH_ON=WORD  exit (code 137, as if SIGKILLed) halfway through a paragraph with WORD
- FAKE_FROG_HANG_ON=WORD   stop answering (sleep) on a paragraph with WORD
- FAKE_FROG_ONCE=PATH      misbehave only while PATH does not exist (create it when misbehaving),
                           so that a retry in a fresh process succeeds
- FAKE_FROG_LOG=PATH       append one line "start <pid>" per process start
- FAKE_FROG_DELAY=SECONDS  wait this long before answering each paragraph (a slow Frog)
- FAKE_FROG_PROGRESS=PATH  append one line per paragraph answered (to kill a run mid-batch)
- FAKE_FROG_DROP=WORD      leave WORD out of the answer, as Frog leaves out a "word" of thousands of letters
"""
from __future__ import annotations

import os
import re
import sys
import time

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
SENTENCE_END = {".", "!", "?"}


def pos_of(word: str) -> str:
    if not any(c.isalnum() for c in word):
        return "LET()"
    if word.isdigit():
        return "TW(hoofd,vrij)"
    if word[0].isupper():
        return "SPEC(deeleigen)"
    return "N(soort,ev,basis,zijd,stan)"


def sentences_of(paragraph: str) -> list[list[str]]:
    out, current = [], []
    for word in TOKEN.findall(paragraph):
        current.append(word)
        if word in SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def misbehave(kind: str, paragraph: str) -> bool:
    word = os.environ.get(f"FAKE_FROG_{kind}_ON")
    if not word or word not in paragraph.split():
        return False
    once = os.environ.get("FAKE_FROG_ONCE")
    if once:
        if os.path.exists(once):
            return False
        open(once, "w").close()
    return True


def answer(paragraph: str, out) -> None:
    delay = float(os.environ.get("FAKE_FROG_DELAY") or 0)
    if delay:
        time.sleep(delay)
    progress = os.environ.get("FAKE_FROG_PROGRESS")
    if progress:
        with open(progress, "a") as f:
            f.write(paragraph[:40] + "\n")
    if misbehave("HANG", paragraph):
        while True:
            time.sleep(3600)
    crash = misbehave("CRASH", paragraph)
    for n, words in enumerate(sentences_of(paragraph)):
        if crash and n >= 0:
            out.write(f"1\t{words[0]}\t{words[0]}\t\t{pos_of(words[0])}\t0.9\tO\tB-NP\t0\tROOT\n")
            out.flush()
            os._exit(137)
        drop = os.environ.get("FAKE_FROG_DROP")
        words = [w for w in words if w != drop] or words[:0]
        if not words:
            continue
        for i, w in enumerate(words, 1):
            head, rel = (0, "ROOT") if i == 1 else (1, "punct" if pos_of(w) == "LET()" else "mod")
            lemma = w.lower() if pos_of(w) != "SPEC(deeleigen)" else w
            out.write(f"{i}\t{w}\t{lemma}\t[{lemma}]\t{pos_of(w)}\t0.9\tO\tB-NP\t{head}\t{rel}\n")
        out.write("\n")
    out.flush()


def main() -> None:
    log = os.environ.get("FAKE_FROG_LOG")
    if log:
        with open(log, "a") as f:
            f.write(f"start {os.getpid()}\n")
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace")
    stdout = sys.stdout
    block: list[str] = []
    for line in stdin:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            answer(" ".join(block), stdout)
            block = []
    if block:
        answer(" ".join(block), stdout)


if __name__ == "__main__":
    main()
