"""The embedded event store (DuckDB): ingest, queries, and the schema with its migrations."""
from .db import DEFAULT_DB, IngestResult, Store, StoreError, event_gid
from .queries import EventFilter

__all__ = ["DEFAULT_DB", "EventFilter", "IngestResult", "Store", "StoreError", "event_gid"]
