"""Benchmark: story mode (FORMAT.md section 10) next to the question-only interview, on every vignette set.

For each file, runs the real interview twice through ``haelguiden eval`` (without and with ``--story``),
scores both with ``score.py`` and prints one Markdown table row per set: top-1, top-3, triage exact,
under-triage, emergency recall and the median number of questions, question-only -> story mode, and the
story metrics (precision, coverage, red flags contradicted).

    .venv/bin/python bench/story_mode.py [VIGNETTES.jsonl ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "vignettes"
SCORE = SHARED / "score.py"
DEFAULT = [
    SHARED / "dev.jsonl",
    SHARED / "dev-cases.jsonl",
    *sorted((ROOT / "tests" / "vignettes").glob("qa*.jsonl")),
]
HAELGUIDEN = str(ROOT / ".venv/bin/haelguiden")


def scored(vignettes: Path, out: Path, story: bool) -> dict[str, object]:
    """Run ``haelguiden eval`` (``--story`` when asked) and return score.py's JSON."""
    args = [HAELGUIDEN, "eval", str(vignettes), "--out", str(out)] + (["--story"] if story else [])
    subprocess.run(args, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, str(SCORE), str(vignettes), str(out), "--json"], check=True, capture_output=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def pct(x: object) -> str:
    """A rate as a whole percentage."""
    return "-" if x is None else f"{float(str(x)) * 100:.0f} %"


def main() -> None:
    """Print the table."""
    paths = [Path(p) for p in sys.argv[1:]] or DEFAULT
    keys = ["top1", "top3", "triage_exact", "under_triage_rate", "emergency_recall"]
    print(
        "| set (n) | top-1 | top-3 | triage exact | under-triage | emergency recall | questions median "
        "| story precision | story coverage | red flags contradicted |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            q = scored(path, Path(tmp) / "q.jsonl", story=False)
            s = scored(path, Path(tmp) / "s.jsonl", story=True)
            story = s["story"]
            assert isinstance(story, dict)
            cells = [f"{pct(q[k])} → {pct(s[k])}" for k in keys]
            cells.append(f"{q['questions_asked_median']:g} → {s['questions_asked_median']:g}")
            cells += [
                f"{story['precision']:.3f}",
                f"{story['coverage']:.3f}",
                str(story["red_flags_contradicted"]),
            ]
            print(f"| {path.name} ({q['n_vignettes']}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
