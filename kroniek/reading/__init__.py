"""Reading: files and records in, `Article` objects (or `InputError`s) out."""
from .sources import iter_articles, register_reader, READERS  # noqa: F401
