"""Benchmark: `haelguiden eval` over the development vignettes, as a whole command (target: under 10 s).

.venv/bin/python bench/eval_speed.py [VIGNETTES.jsonl]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "vignettes" / "dev.jsonl"
CLI = ROOT / ".venv" / "bin" / "haelguiden"


def main() -> None:
    """Run the eval command three times and print the wall-clock times."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [str(CLI), "eval", str(path), "--out", f"{tmp}/p.jsonl"], check=True, capture_output=True
            )
            times.append(time.perf_counter() - start)
    print(f"haelguiden eval {path.name}: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"median {statistics.median(times):.2f} s (target < 10 s, including start-up and loading)")


if __name__ == "__main__":
    main()
