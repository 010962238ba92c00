"""A bounded fuzz run: the property tests of tests/reliability/test_properties.py with many
more examples (readers, DocDate, the temporal tagger, the later pipeline stages, the store's
query filters) and any query string against the HTTP API.

    python benchmarks/fuzz.py --examples 3000      # about a few minutes on one core

Exit code 0 when no property failed; Hypothesis prints the smallest failing input otherwise.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=3000, help="Hypothesis examples per property")
    ap.add_argument("-k", default="", help="only the properties whose name matches (pytest -k)")
    args = ap.parse_args()
    env = dict(os.environ, KRONIEK_FUZZ_EXAMPLES=str(args.examples))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=0",
           "tests/reliability/test_properties.py", "tests/reliability/test_server_safety.py::test_any_query_string_is_answered",
           *(["-k", args.k] if args.k else [])]
    started = time.monotonic()
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    print(f"fuzz: {args.examples} examples per property, {time.monotonic() - started:.0f} s, "
          f"{'no failure' if rc == 0 else 'FAILURES'}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
