"""The attribution lexicon (cues.yaml): which words say who said something."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..resources import package_data

FRAMES = {"direct", "dat", "after", "anaphoric", "te"}
KINDS = {"speech", "opinion", "writing", "question"}


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class VerbCue:
    key: str
    lemma: str
    frames: frozenset[str]
    kind: str
    particle: str | None = None
    governor: str | None = None


@dataclass
class CueLexicon:
    verbs: dict[str, list[VerbCue]]           # lemma -> entries (zeggen and zeggen_toe share a lemma)
    sources: dict[str, str]                    # volgens -> any, aldus -> after
    not_sources: frozenset[str]
    anaphors: frozenset[str]
    generic_speakers: frozenset[str]
    pronouns: frozenset[str]
    time_words: frozenset[str] = frozenset()
    own_account: tuple[tuple[str, ...], ...] = ()
    te_blockers: frozenset[str] = frozenset()       # "om", "poging": a te-infinitive of purpose   # "naar eigen zeggen": the clause's subject claims it
    path: Path | None = field(default=None, compare=False)

    def entries(self, lemma: str) -> list[VerbCue]:
        """Cue entries for a verb lemma; a lemma with the particle glued on ("aangeven",
        "aan_geven") finds the particle entry."""
        lemma = lemma.lower().replace("_", "")
        return self.verbs.get(lemma, []) + self.glued.get(lemma, [])

    @property
    def glued(self) -> dict[str, list[VerbCue]]:
        if not hasattr(self, "_glued"):
            g: dict[str, list[VerbCue]] = {}
            for cues in self.verbs.values():
                for c in cues:
                    if c.particle:
                        g.setdefault(c.particle + c.lemma, []).append(c)
            self._glued = g
        return self._glued


def load_lexicon(path: str | Path | None = None) -> CueLexicon:
    """Read and validate a cue file; errors name the file and the entry."""
    path = Path(path) if path else package_data("quotes", "cues.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None
    verbs: dict[str, list[VerbCue]] = {}
    for key, spec in (data.get("verbs") or {}).items():
        spec = spec or {}
        frames = set(spec.get("frames") or [])
        if not frames or frames - FRAMES:
            raise LexiconError(f"{path}: verb {key!r}: frames must be among {sorted(FRAMES)}, got {sorted(frames)}")
        kind = spec.get("kind", "speech")
        if kind not in KINDS:
            raise LexiconError(f"{path}: verb {key!r}: kind must be one of {sorted(KINDS)}, got {kind!r}")
        lemma = str(spec.get("lemma") or key).lower()
        if "_" in lemma or " " in lemma:
            raise LexiconError(f"{path}: verb {key!r}: a multiword cue needs `lemma` and `particle` or `governor`")
        cue = VerbCue(key, lemma, frozenset(frames), kind, spec.get("particle"), spec.get("governor"))
        verbs.setdefault(lemma, []).append(cue)
    sources = {str(k).lower(): (v or {}).get("position", "any") for k, v in (data.get("sources") or {}).items()}
    for k, pos in sources.items():
        if pos not in ("any", "after", "before"):
            raise LexiconError(f"{path}: source {k!r}: position must be any, after or before")
    return CueLexicon(
        verbs=verbs, sources=sources,
        not_sources=frozenset(str(x).lower() for x in data.get("not_sources") or []),
        anaphors=frozenset(str(x).lower() for x in data.get("anaphors") or []),
        generic_speakers=frozenset(str(x).lower() for x in data.get("generic_speakers") or []),
        pronouns=frozenset(str(x).lower() for x in data.get("pronouns") or []),
        time_words=frozenset(str(x).lower() for x in data.get("time_words") or []),
        te_blockers=frozenset(str(x).lower() for x in data.get("te_blockers") or []),
        own_account=tuple(tuple(str(x).lower().split()) for x in data.get("own_account") or []),
        path=path)


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    return load_lexicon()
