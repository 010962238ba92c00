"""The pipeline: named components, each adding one layer to the `Article`.

As in spaCy, components are registered by name and configured, not hard-wired: a stage
module decorates a factory with `@component("name")`; a `Pipeline` is built from a list of
names and a config dict per name. A factory receives its config and returns a callable
that takes an Article and returns it (with its layer added). Components that hold a heavy
resource (Frog) expose `close()`.

The default order is the data flow: analysis → time → actors → quotes → events (the event
coder reads the quotes layer for first persons and attribution, and links events to quotes).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Protocol

from .records import Article, InputError


class Component(Protocol):
    def __call__(self, article: Article) -> Article: ...


Factory = Callable[..., Component]
_FACTORIES: dict[str, Factory] = {}

# Where the built-in components live; imported on first use, so that a run loads only the
# stages it names (a stage that cannot load stops the run: StageLoadError).
BUILTIN_MODULES = {
    "frog": "kroniek.analysis.component",
    "timex": "kroniek.time.component",
    "actors": "kroniek.actors.component",
    "events": "kroniek.events.component",
    "quotes": "kroniek.quotes.component",
}
DEFAULT_PIPELINE = ["frog", "timex", "actors", "quotes", "events"]


def component(name: str) -> Callable[[Factory], Factory]:
    def deco(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory
    return deco


class StageLoadError(RuntimeError):
    """A pipeline stage whose module cannot be imported (a dependency missing or broken):
    the run stops, naming the stage and the cause, rather than going on without the layer."""

    def __init__(self, name: str, cause: BaseException):
        self.stage, self.cause = name, cause
        super().__init__(f"pipeline stage {name!r} cannot load: {type(cause).__name__}: {cause}")


def get_factory(name: str) -> Factory:
    if name not in _FACTORIES and name in BUILTIN_MODULES:
        try:
            importlib.import_module(BUILTIN_MODULES[name])
        except ImportError as exc:
            raise StageLoadError(name, exc) from exc
    if name not in _FACTORIES:
        raise KeyError(f"unknown pipeline component {name!r} (known: {', '.join(sorted(set(_FACTORIES) | set(BUILTIN_MODULES)))})")
    return _FACTORIES[name]


def available(name: str) -> bool:
    try:
        get_factory(name)
        return True
    except (KeyError, StageLoadError):
        return False


@dataclass
class Pipeline:
    names: list[str] = field(default_factory=lambda: list(DEFAULT_PIPELINE))
    config: dict[str, dict[str, Any]] = field(default_factory=dict)
    strict: bool = False  # kept for callers; every stage is loaded or the pipeline fails (StageLoadError)

    def __post_init__(self) -> None:
        self.components: list[tuple[str, Component]] = []
        for name in self.names:
            # No stage is left out silently: a stage that cannot load raises StageLoadError.
            self.components.append((name, get_factory(name)(**self.config.get(name, {}))))

    def __call__(self, article: Article) -> Article:
        for _, comp in self.components:
            article = comp(article)
        return article

    def get(self, name: str) -> Component | None:
        return dict(self.components).get(name)

    def process(self, items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        """Run every article; an article that fails becomes an InputError, the batch goes on."""
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield self(item)
            except Exception as exc:
                yield InputError(file=item.origin, line=item.line, doc=item.id, stage="pipeline",
                                 reason=f"{type(exc).__name__}: {exc}")

    def close(self) -> None:
        for _, comp in self.components:
            close = getattr(comp, "close", None)
            if close:
                close()

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
