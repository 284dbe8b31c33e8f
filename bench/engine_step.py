"""Benchmark: one engine step (derive facts, triage, posterior, choose the next question).

Replays the interviews of the development vignettes (or the file given) and times every ``assess`` call.
Prints the median and the 90th/99th percentile per step, as wall-clock time and as the thread's CPU time
(less disturbed by other processes on a shared machine), and "best": each distinct step's lowest CPU time
over the rounds, which a busy shared machine disturbs least (the timeit module's advice). Target: p99 <= 1 ms.

    .venv/bin/python bench/engine_step.py [VIGNETTES.jsonl]
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

from haelguiden.engine.assess import assess
from haelguiden.engine.state import Answers
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.evaluation.vignettes import read_vignettes
from haelguiden.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5
DEFAULT = ROOT.parent / "shared" / "vignettes" / "dev.jsonl"


def main() -> None:
    """Run the benchmark and print the figures."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    kb = load_knowledge()
    vignettes = list(read_vignettes(kb, path))
    timings: list[float] = []
    cpu: list[float] = []
    best: dict[tuple[str, int], float] = {}  # (vignette, step) -> the lowest CPU time over the rounds
    for _ in range(ROUNDS):  # several rounds so the median is stable
        for v in vignettes:
            answers = Answers()
            while True:
                start, start_cpu = time.perf_counter(), time.thread_time()
                result = assess(kb, answers)
                elapsed_cpu = time.thread_time() - start_cpu
                cpu.append(elapsed_cpu)
                timings.append(time.perf_counter() - start)
                key = (v.id, len(answers.items))
                best[key] = min(best.get(key, elapsed_cpu), elapsed_cpu)
                if result.question is None:
                    break
                answers = answers.answer(
                    kb, result.question.id, simulated_answer(kb, result.question, v.facts)
                )
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"engine steps timed: {len(timings)} ({len(vignettes)} vignettes x {ROUNDS} rounds)")
    for name, values in (("wall", timings), ("cpu ", cpu), ("best", list(best.values()))):
        ms = sorted(t * 1000 for t in values)
        q = statistics.quantiles(ms, n=100)
        print(
            f"{name}: median {statistics.median(ms):.3f} ms   p90 {q[89]:.3f} ms   "
            f"p99 {q[98]:.3f} ms   max {ms[-1]:.3f} ms"
        )


if __name__ == "__main__":
    main()
