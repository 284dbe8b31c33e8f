"""Benchmark: reading one story in-process (spaCy tokeniser, lookup lemmas, matcher, negation and doubt).

Reads the ``story_da`` of every vignette in the files given (default: the development sets and the three
QA sets) ten times each and prints the median and the 90th/99th percentile per story, after one warm-up
round. Loading spaCy and compiling the lexicon happen once, before timing, as in the web app.
Target (issue 14): p99 <= 20 ms on the CI machine.

    .venv/bin/python bench/story_read.py [VIGNETTES.jsonl ...]
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

from haelguiden.services import build_services

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "vignettes"
DEFAULT = [
    SHARED / "dev.jsonl",
    SHARED / "dev-cases.jsonl",
    ROOT / "tests/vignettes/qa.jsonl",
    ROOT / "tests/vignettes/qa2.jsonl",
    ROOT / "tests/vignettes/qa3.jsonl",
]
ROUNDS = 10


def stories(paths: list[Path]) -> list[str]:
    """Every ``story_da`` of the files."""
    out: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["story_da"])
    return out


def main() -> None:
    """Run the benchmark and print the figures."""
    paths = [Path(p) for p in sys.argv[1:]] or DEFAULT
    texts = stories(paths)
    start = time.perf_counter()
    reader = build_services().story_reader
    load_s = time.perf_counter() - start
    for text in texts:  # warm-up
        reader.read(text, lang="da")
    timings: list[float] = []
    for _ in range(ROUNDS):
        for text in texts:
            t0 = time.perf_counter()
            reader.read(text, lang="da")
            timings.append(time.perf_counter() - t0)
    ms = sorted(t * 1000 for t in timings)
    q = statistics.quantiles(ms, n=100)
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"start-up (knowledge, lexicon, spaCy): {load_s:.2f} s")
    print(f"stories read: {len(ms)} ({len(texts)} stories x {ROUNDS} rounds, {words:.0f} words on average)")
    print(
        f"median {statistics.median(ms):.2f} ms   p90 {q[89]:.2f} ms   "
        f"p99 {q[98]:.2f} ms   max {ms[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
