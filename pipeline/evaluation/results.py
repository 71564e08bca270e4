"""The evaluation's report: per-field precision, recall and F1 with their counts, the accuracies and the
headline score, in the shape of ../shared/eval/score.py's JSON report, and its printed form."""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field

FIELD_KEYS = ("events", "parties", "party_roles", "officials", "official_regions", "sectors",
              "same_event_pairs")
ACCURACY_KEYS = ("type_accuracy", "date_accuracy", "position_accuracy")


class FieldScore(BaseModel):
    """Precision, recall and F1 of one field (rounded to 4 places), with the counts behind them."""

    p: float
    r: float
    f1: float
    tp: int
    fp: int
    fn: int


class EvaluationReport(BaseModel):
    """What `evaluate` finds; `model_dump()` has the shape of score.py's JSON report."""

    events: FieldScore
    parties: FieldScore
    party_roles: FieldScore
    officials: FieldScore
    official_regions: FieldScore
    sectors: FieldScore
    same_event_pairs: FieldScore
    type_accuracy: float
    date_accuracy: float
    position_accuracy: float
    score: float = Field(description="Mean of the 7 headline figures.")
    articles: int
    articles_with_event: int
    events_in_gold: int
    errors: list[str] = Field(default_factory=list)

    def field_score(self, key: str) -> FieldScore:
        return getattr(self, key)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, n_gold: int, n_pred: int, n_matched: int) -> None:
        self.tp += n_matched
        self.fn += n_gold - n_matched
        self.fp += n_pred - n_matched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        # Computed from the unrounded P and R, in this operand order, so that the float (and
        # hence its 4-place rounding) is bit-for-bit score.py's.
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_score(self) -> FieldScore:
        return FieldScore(p=round(self.precision, 4), r=round(self.recall, 4), f1=round(self.f1, 4),
                          tp=self.tp, fp=self.fp, fn=self.fn)


def accuracy(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def format_report(report: EvaluationReport, show_errors: bool = False) -> str:
    """The report as score.py prints it: errors (when asked), one line per field, the score."""
    lines = [f"  {error}" for error in report.errors] if show_errors else []
    for key in FIELD_KEYS:
        s = report.field_score(key)
        lines.append(f"{key:18} P {s.p:.3f}  R {s.r:.3f}  F1 {s.f1:.3f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    for key in ACCURACY_KEYS:
        lines.append(f"{key:18} {getattr(report, key):.3f}")
    lines.append(f"score {report.score:.3f} over {report.articles} articles "
                 f"({report.articles_with_event} with an event, {report.events_in_gold} distinct events)")
    return "\n".join(lines)
