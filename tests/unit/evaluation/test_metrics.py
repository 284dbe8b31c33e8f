"""Scoring predictions against gold answers, with the benchmark's definitions (FORMAT.md §8)."""

from __future__ import annotations

from haelguiden.evaluation.metrics import Gold, Predicted, summarise

GOLD = {
    "a": Gold("plantar_fasciitis", (), "self_care"),
    "b": Gold("achilles_rupture", (), "urgent"),
    "c": Gold("gout", ("infection",), "gp"),
    "d": Gold("fat_pad_syndrome", (), "professional"),
}


def test_rates_count_every_vignette_and_a_missing_prediction_is_unsafe() -> None:
    predicted = {
        "a": Predicted(("plantar_fasciitis", "fat_pad_syndrome"), "professional", 9),
        "b": Predicted(("achilles_tendinopathy_midportion", "achilles_rupture"), "emergency", 7),
        "c": Predicted(("infection", "gout"), "professional", 11),
    }
    s = summarise(GOLD, predicted)
    assert (s.n, s.top1, s.top3, s.triage_exact) == (4, 0.5, 0.75, 0.0)
    assert (s.under_triage, s.over_triage, s.urgent_recall, s.self_care_kept) == (0.5, 0.5, 1.0, 0.0)
    assert (s.questions_median, s.under_ids) == (9, ("c", "d"))
