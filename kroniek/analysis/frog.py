"""One long-lived Frog process, spoken to over its standard input and output.

Why a child process and not `frog -S PORT` or python-frog: Debian's Frog 0.20 server mode
listens on every network address with no way to bind to loopback, and the newest
python-frog does not work with that Frog. A child process on pipes needs no network,
starts once (about 8 s, 1.9 GB with the parser) and serves any number of articles.

Protocol: Frog's interactive mode reads text until a blank line and then writes one block
of tab-separated rows per sentence, each block ended by a blank line. After the paragraphs
of an article we send a one-word sentinel paragraph; its row marks the end of the article,
so we never wait on a timer to know an article is done.
"""
from __future__ import annotations

import os
import queue
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Optional

SENTINEL = "Kroniekeindeartikelmarkering"


def _process_sentinel() -> str:
    """The end-of-article word of one Frog process: SENTINEL plus random letters, so that no
    article text can hold it (an article consisting of the bare word ended the read early
    and shifted every later article's analysis by one)."""
    import random
    import string
    return SENTINEL + "".join(random.SystemRandom().choices(string.ascii_lowercase, k=12))


class FrogError(RuntimeError):
    """Frog is missing, died, or did not answer in time."""


@dataclass
class FrogRow:
    """One row of Frog's tabular output (a word, or a multiword unit joined by `_`)."""

    index: int
    word: str
    lemma: str
    morph: str
    pos: str
    confidence: float
    ner: str
    chunk: str
    head: Optional[int]
    rel: str

    @classmethod
    def parse(cls, line: str) -> "FrogRow":
        f = line.rstrip("\n").split("\t")
        f += [""] * (10 - len(f))
        # With any module skipped Frog writes 12 columns, not 10; head and relation are always
        # the last two (seen with --skip=acn: the parse sits in columns 11 and 12).
        head = f[-2].strip()
        return cls(int(f[0]), f[1], f[2], f[3], f[4], float(f[5] or 0), f[6] or "O", f[7] or "O",
                   int(head) if head.isdigit() else None, f[-1].strip())


@dataclass
class FrogConfig:
    binary: str = "frog"
    skip: str = ""                 # Frog module letters to skip, e.g. "a" (morphology) or "ap"
    timeout: float = 120.0         # seconds to wait for one article before declaring Frog hung
    startup_timeout: float = 180.0
    max_parser_tokens: int = 250   # longer sentences are not parsed (Frog's parser is quadratic)
    extra_args: tuple[str, ...] = ()  # more Frog options, e.g. ("-n",): one sentence a line (parse filter)


class FrogProcess:
    """A running Frog. `analyse(paragraphs)` returns the sentences (lists of rows) of an article."""

    def __init__(self, config: FrogConfig | None = None):
        self.config = config or FrogConfig()
        self.proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.started_at = 0.0
        self.articles = 0
        self.sentinel = _process_sentinel()

    # -- process management -------------------------------------------------
    def start(self) -> "FrogProcess":
        if self.proc and self.proc.poll() is None:
            return self
        binary = shutil.which(self.config.binary)
        if not binary:
            raise FrogError(f"Frog not found ({self.config.binary!r}); install the Debian packages "
                            "'frog' and 'frogdata' (make setup does it)")
        cmd = [binary, f"--max-parser-tokens={self.config.max_parser_tokens}"]
        # The morphological analyser's output is never used: always skip it.
        skip = "".join(sorted(set(self.config.skip + "a")))
        cmd.append(f"--skip={skip}")
        cmd.extend(self.config.extra_args)
        env = dict(os.environ, OMP_NUM_THREADS="1")
        self._lines = queue.Queue()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env, text=True,
                                     encoding="utf-8", errors="replace", bufsize=1,
                                     cwd=os.environ.get("TMPDIR", "/tmp"))
        threading.Thread(target=self._pump, args=(self.proc, self._lines), daemon=True).start()
        self.started_at = time.monotonic()
        # Frog says nothing until it has loaded its models; a sentinel round trip proves it is ready.
        self._roundtrip([], self.config.startup_timeout)
        return self

    @staticmethod
    def _pump(proc: subprocess.Popen, lines: "queue.Queue[str | None]") -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    def close(self) -> None:
        if self.proc:
            try:
                if self.proc.stdin:
                    self.proc.stdin.close()
                self.proc.terminate()
                self.proc.wait(timeout=5)
            except Exception:
                self.proc.kill()
            self.proc = None

    def restart(self) -> None:
        self.kill()
        self.start()

    def kill(self) -> None:
        if self.proc:
            try:
                self.proc.kill()
                self.proc.wait(timeout=5)
            except Exception:
                pass
            self.proc = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def __enter__(self) -> "FrogProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- analysis ------------------------------------------------------------
    def analyse(self, paragraphs: list[str]) -> list[list[FrogRow]]:
        """Analyse the paragraphs of one article; one list of rows per sentence."""
        if not self.proc or self.proc.poll() is not None:
            self.start()
        self.articles += 1
        return self._roundtrip(paragraphs, self.config.timeout)

    def _roundtrip(self, paragraphs: list[str], timeout: float) -> list[list[FrogRow]]:
        assert self.proc and self.proc.stdin
        chunks = []
        for p in paragraphs:
            # "<utt>" is an utterance mark to Frog's tokenizer, which drops it and misplaced the
            # words after it; "(utt)" has the same length and is read as three tokens.
            flat = " ".join(p.split()).replace("<utt>", "(utt)")
            if flat:
                chunks.append(flat + "\n\n")
        chunks.append(self.sentinel + "\n\n")
        try:
            self.proc.stdin.write("".join(chunks))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            self.kill()
            raise FrogError(f"Frog stopped accepting input: {exc}") from None
        sentences: list[list[FrogRow]] = []
        current: list[FrogRow] = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self._lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                self.kill()
                raise FrogError(f"Frog did not answer within {timeout:.0f} s") from None
            if line is None:
                self.kill()
                raise FrogError("Frog exited while analysing")
            if not line.strip():
                if current:
                    if len(current) == 1 and current[0].word == self.sentinel:
                        return sentences
                    sentences.append(current)
                    current = []
                continue
            try:
                current.append(FrogRow.parse(line))
            except ValueError:
                continue  # a stray log line
