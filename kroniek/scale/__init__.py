"""Scale: batch runs over many articles, parallel workers, and the distributed mode.

- `runner.process_inputs`: the one entry point (`extract`, `ingest`); admission of articles
  (language, duplicates, already stored) and the choice of mode.
- `overlap`: Frog and the Python stages on consecutive articles at once, in every mode.
- `pool`: N local worker processes, one pipeline (one Frog) each, one writer.
- `cluster`: Dask distributed, one pipeline per worker through a worker plugin, shards read
  where they lie, Parquet parts written by the workers.
- `parquet`, `revive`: the Parquet dataset by article month, and records back from it
  (`kroniek load`).
- `stats`: counts, times and per-worker memory for the closing summary.
"""
