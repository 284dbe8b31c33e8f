"""Benchmark: the real interview on every vignette set, with all facts and with facts dropped at random.

.venv/bin/python bench/clinical.py                                   # every set, all facts
.venv/bin/python bench/clinical.py --drop 0.1 0.2 0.3 --seeds 1 2 3  # robustness: forget ordinary facts
.venv/bin/python bench/clinical.py --words                           # how often each likelihood word is right

Sets: the shared development sets (../shared/vignettes/dev.jsonl: literature-style; dev-cases.jsonl: real
patients from case reports) and the project's QA sets (tests/vignettes/qa*.jsonl). With --drop, each
vignette forgets that share of its facts except age, pain site and red-flag values
(haelguiden.evaluation.robustness), once per seed; the table shows the mean over seeds and the worst seed's
under-triage. The same runs can be made one at a time with
`haelguiden eval FILE --out PRED --drop-facts 0.3 --seed 1` and scored with ../shared/vignettes/score.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from haelguiden.evaluation.harness import interview
from haelguiden.evaluation.metrics import Predicted, Summary, mean_summary, read_gold, summarise
from haelguiden.evaluation.robustness import drop_facts
from haelguiden.evaluation.vignettes import read_vignettes
from haelguiden.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": ROOT.parent / "shared" / "vignettes" / "dev.jsonl",
    "dev-cases": ROOT.parent / "shared" / "vignettes" / "dev-cases.jsonl",
    **{p.stem: p for p in sorted((ROOT / "tests" / "vignettes").glob("qa*.jsonl"))},
}


def run(path: Path, drop: float | None = None, seed: int = 1) -> Summary:
    """Interview every vignette of ``path`` (optionally with facts dropped) and score the result."""
    kb = load_knowledge()
    predicted = {}
    for vignette in read_vignettes(kb, path):
        case = drop_facts(kb, vignette, drop, seed) if drop is not None else vignette
        result = interview(kb, case)
        a = result.assessment
        predicted[vignette.id] = Predicted(
            tuple(r.condition.id for r in a.ranking), a.triage.level, result.questions_asked
        )
    return summarise(read_gold(path), predicted)


def print_words(available: dict[str, Path]) -> None:
    """For each likelihood word, the share of listed causes with that word that were a correct cause."""
    kb = load_knowledge()
    words = ("most_likely", "possible", "less_likely")
    print("| set | " + " | ".join(f"{w.replace('_', ' ')} (right / shown)" for w in words) + " |")
    print("|---|---|---|---|")
    for name, path in available.items():
        gold = read_gold(path)
        right = dict.fromkeys(words, 0)
        shown = dict.fromkeys(words, 0)
        for vignette in read_vignettes(kb, path):
            g = gold[vignette.id]
            correct = {g.condition, *g.acceptable}
            for cause in interview(kb, vignette).assessment.listed:
                shown[cause.likelihood] += 1
                right[cause.likelihood] += cause.condition.id in correct
        cells = [f"{pct(right[w] / shown[w]) if shown[w] else '-'} ({right[w]}/{shown[w]})" for w in words]
        print(f"| {name} | " + " | ".join(cells) + " |")


def pct(x: float | None) -> str:
    """A rate as a whole percentage, or a dash."""
    # half up, with a little room for float error: 1/40 and the mean of three 1/40s both print "3 %"
    return "-" if x is None else f"{int(100 * x + 0.5 + 1e-9)} %"


def main() -> None:
    """Print one Markdown table: every set, all facts or each drop rate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop", type=float, nargs="*", default=[])
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    parser.add_argument("--words", action="store_true")
    args = parser.parse_args()
    available = {name: path for name, path in SETS.items() if path.exists()}
    if args.words:
        print_words(available)
        return
    if not args.drop:
        columns = ["set", "n", "top-1", "top-3", "triage exact", "under", "over", "urgent recall"]
        columns += ["self-care kept", "questions (median)"]
        print("| " + " | ".join(columns) + " |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, path in available.items():
            s = run(path)
            print(
                f"| {name} | {s.n} | {pct(s.top1)} | {pct(s.top3)} | {pct(s.triage_exact)} | "
                f"{pct(s.under_triage)} | {pct(s.over_triage)} | {pct(s.urgent_recall)} | "
                f"{pct(s.self_care_kept)} | {s.questions_median:g} |"
            )
        return
    seeds = " ".join(str(s) for s in args.seeds)
    print(f"Facts dropped at random; mean over seeds {seeds} (worst seed's under-triage in brackets)\n")
    print("| set | dropped | top-1 | top-3 | triage exact | under (worst) | over | urgent recall |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path in available.items():
        for rate in args.drop:
            runs = [run(path, rate, seed) for seed in args.seeds]
            m = mean_summary(runs)
            worst = max(r.under_triage for r in runs)
            print(
                f"| {name} | {rate:.0%} | {pct(m['top1'])} | {pct(m['top3'])} | {pct(m['triage_exact'])} | "
                f"{pct(m['under_triage'])} ({pct(worst)}) | {pct(m['over_triage'])} | "
                f"{pct(m['urgent_recall'])} |"
            )


if __name__ == "__main__":
    main()
