"""Per-field scoring of event records against gold files.

This is the project's own implementation of the scoring that ../shared/eval/score.py defines
(gold files: ../shared/spec/annotation-guide.md, records: ../shared/spec/output-contract.md).
It must give the same numbers as score.py on any input that score.py scores, so a few choices
below follow score.py to the letter where a looser choice would look more natural; each such
place says so. The name-normalisation knowledge (honorifics, position abbreviations, region
prefixes, province aliases) is data: pipeline/data/normalize.json, shared with the extractor; the
comparisons are in matching.py, the report and its printed form in results.py.

How it scores, in short:
- `events`: per article, whether it yields a record (its doc_id is in some record's sources).
- everything else per gold event (a cluster of articles, or one article without a cluster):
  the union of what its articles report against the merged record(s) those articles ended up
  in; `same_event_pairs` over pairs of articles with an event.
- `score`: the mean of events F1, type, date, party-role F1, official-region F1, sector F1
  and same-event-pair F1, each already rounded to 4 places (as score.py does).

Malformed input is a `ValueError` whose message names the file (and line, for predictions).
"""
from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .matching import date_matches, greedy_pairs, same_person, same_position, same_region, text_value
from .results import Counts, EvaluationReport, accuracy


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    doc: str
    cluster: Any  # the raw "cluster" value; None/"" when the article stands alone
    event: Optional[dict[str, Any]]  # None when the article reports no event

    @property
    def cluster_key(self) -> str:
        return self.cluster or self.doc


@dataclass
class GoldParty:
    name: str
    roles: set[Any]


@dataclass(frozen=True)
class GoldOfficial:
    name: str
    position: str
    region: str


@dataclass
class ExpectedEvent:
    """What one event's record should hold: the union of what its articles report."""

    docs: list[str]
    types: set[Any]
    dates: list[tuple[Any, Any]]  # (date, accept) of each article
    parties: list[GoldParty]
    officials: list[GoldOfficial]
    sectors: set[Any]

    @property
    def label(self) -> str:
        return "+".join(self.docs)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not JSON: {exc}") from exc


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    # glob + sort as score.py does: the order decides which article's entry wins in a union.
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise ValueError(f"no gold files in {gold_dir}")
    articles = []
    for path in paths:
        raw = _read_json(path)
        if not isinstance(raw, dict) or "doc" not in raw:
            raise ValueError(f"{path}: not a gold file (an object with a \"doc\")")
        event = raw.get("event")
        if event and not isinstance(event, dict):
            raise ValueError(f"{path}: \"event\" must be an object or null")
        articles.append(GoldArticle(path, raw["doc"], raw.get("cluster"), event or None))
    return articles


def _gold_list(event: dict[str, Any], key: str, article: GoldArticle) -> list[Any]:
    try:
        value = event[key]
        return list(value)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{article.path}: event.{key} must be a list") from exc


def _gold_item(item: Any, key: str, article: GoldArticle) -> Any:
    if not isinstance(item, dict) or key not in item:
        raise ValueError(f"{article.path}: {item!r} has no {key!r}")
    return item[key]


def _unite_parties(members: list[GoldArticle]) -> list[GoldParty]:
    """Each party once; a party reported with several roles keeps all of them."""
    parties: list[GoldParty] = []
    for article in members:
        for raw in _gold_list(article.event, "parties", article):
            name = text_value(_gold_item(raw, "name", article), f"{article.path}: party name")
            role = _gold_item(raw, "role", article)
            known = next((p for p in parties if same_region(name, p.name)), None)
            if known is None:
                parties.append(GoldParty(name, {role}))
            else:
                known.roles.add(role)
    return parties


def _unite_officials(members: list[GoldArticle]) -> list[GoldOfficial]:
    """Each person once, as the first article names them."""
    officials: list[GoldOfficial] = []
    for article in members:
        for raw in _gold_list(article.event, "officials", article):
            where = f"{article.path}: official"
            official = GoldOfficial(
                name=text_value(_gold_item(raw, "name", article), where + " name"),
                position=text_value(raw.get("position"), where + " position"),
                region=text_value(raw.get("region"), where + " region"),
            )
            if not any(same_person(official.name, seen.name) for seen in officials):
                officials.append(official)
    return officials


def expected_event(members: list[GoldArticle]) -> ExpectedEvent:
    sectors: set[Any] = set()
    for article in members:
        sectors.update(_gold_list(article.event, "sectors", article))
    return ExpectedEvent(
        docs=[a.doc for a in members],
        types={_gold_item(a.event, "type", a) for a in members},
        dates=[(a.event.get("date"), a.event.get("accept")) for a in members],
        parties=_unite_parties(members),
        officials=_unite_officials(members),
        sectors=sectors,
    )


def gold_events(articles: list[GoldArticle]) -> list[list[GoldArticle]]:
    """The articles of each gold event, in order of first appearance."""
    groups: dict[str, list[GoldArticle]] = {}
    for article in articles:
        if article.event:
            groups.setdefault(article.cluster_key, []).append(article)
    return list(groups.values())


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True, eq=False)
class PredRecord:
    where: str  # "file:line"
    data: dict[str, Any]


PredIndex = dict[str, list[PredRecord]]


def _items(value: Any, what: str) -> list[Any]:
    """A list-valued record field; absent or empty is []. (Any iterable is taken as score.py
    takes it, `list += value`.)"""
    try:
        return list(value or [])
    except TypeError as exc:
        raise ValueError(f"{what}: expected a list, got {value!r}") from exc


def _source_docs(record: PredRecord) -> list[str]:
    docs = []
    for source in _items(record.data.get("sources"), f"{record.where}: sources"):
        doc = source.get("doc_id") if isinstance(source, dict) else source
        docs.append(str(doc))
    return docs


def load_predictions(path: Path) -> PredIndex:
    """Records by the doc_id of each of their sources (a record once per listed source)."""
    index: PredIndex = {}
    try:
        # Iterating the text file (not str.splitlines) so line numbers are score.py's.
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                line = line.strip()
                if not line:
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{where}: not JSON: {exc}") from exc
                if not isinstance(data, dict):
                    raise ValueError(f"{where}: expected a JSON object, got {type(data).__name__}")
                record = PredRecord(where, data)
                for doc in _source_docs(record):
                    index.setdefault(doc, []).append(record)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8: {exc}") from exc
    return index


def _field(item: Any, key: str, where: str) -> Any:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected an object, got {item!r}")
    return item.get(key)


def _peek(item: Any, key: str) -> Any:
    """For error messages only: never fails."""
    return item.get(key) if isinstance(item, dict) else item


def _hashable(value: Any, what: str) -> Any:
    try:
        hash(value)
    except TypeError as exc:
        raise ValueError(f"{what}: {value!r} is not a plain value") from exc
    return value


@dataclass
class PredItem:
    """One party or official of a merged prediction, with the record it came from."""

    where: str
    raw: Any

    def get(self, key: str) -> Any:
        return _field(self.raw, key, self.where)


@dataclass
class MergedPrediction:
    """The records of one gold event's articles, taken together."""

    records: list[PredRecord]
    type: Any = None
    start: Any = None
    parties: list[PredItem] = field(default_factory=list)
    officials: list[PredItem] = field(default_factory=list)
    sectors: set[Any] = field(default_factory=set)


def _date_start(record: PredRecord) -> Any:
    date = record.data.get("date") or {}
    # score.py also takes a bare value ("date": "2025-07-24") as the start.
    return date.get("start") if isinstance(date, dict) else date


def merge_records(records: list[PredRecord]) -> MergedPrediction:
    """First type and start given win; parties, officials and sectors add up."""
    merged = MergedPrediction(records)
    for record in records:
        data, where = record.data, record.where
        merged.type = merged.type or data.get("type")
        merged.start = merged.start or _date_start(record)
        merged.parties += [PredItem(where, p) for p in _items(data.get("parties"), f"{where}: parties")]
        merged.officials += [PredItem(where, o) for o in _items(data.get("officials"), f"{where}: officials")]
        for sector in _items(data.get("sectors"), f"{where}: sectors"):
            code = sector.get("code") if isinstance(sector, dict) else sector
            merged.sectors.add(_hashable(code, f"{where}: sector code"))
    return merged


def records_of(members: list[GoldArticle], predictions: PredIndex) -> list[PredRecord]:
    """The records an event's articles ended up in, each once, in order of first mention."""
    unique: dict[int, PredRecord] = {}
    for article in members:
        for record in predictions.get(article.doc, []):
            unique.setdefault(id(record), record)
    return list(unique.values())


# --------------------------------------------------------------------------- scoring


def _sorted(values: set[Any]) -> list[Any]:
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=repr)


@dataclass
class EventTallies:
    """Everything scored per gold event."""

    parties: Counts = field(default_factory=Counts)
    party_roles: Counts = field(default_factory=Counts)
    officials: Counts = field(default_factory=Counts)
    official_regions: Counts = field(default_factory=Counts)
    sectors: Counts = field(default_factory=Counts)
    events: int = 0
    type_hits: int = 0
    date_hits: int = 0
    position_hits: int = 0
    positions: int = 0


def _role_ok(gold: GoldParty, pred: PredItem) -> bool:
    if "partner" in gold.roles:
        return True
    return _hashable(pred.get("role"), f"{pred.where}: party role") in gold.roles


def _score_parties(want: ExpectedEvent, got: MergedPrediction, t: EventTallies, errors: list[str]) -> None:
    pairs = greedy_pairs(want.parties, got.parties,
                         lambda g, p: same_region(g.name, text_value(p.get("name"), f"{p.where}: party name")))
    n_gold, n_pred = len(want.parties), len(got.parties)
    t.parties.add(n_gold, n_pred, len(pairs))
    t.party_roles.add(n_gold, n_pred, sum(_role_ok(want.parties[gi], got.parties[pi]) for gi, pi in pairs))
    if got.records and not len(pairs) == n_gold == n_pred:
        errors.append(f"{want.label}: parties {[_peek(p.raw, 'name') for p in got.parties]}, "
                      f"gold {[p.name for p in want.parties]}")


def _score_officials(want: ExpectedEvent, got: MergedPrediction, t: EventTallies, errors: list[str]) -> None:
    pairs = greedy_pairs(want.officials, got.officials,
                         lambda g, p: same_person(g.name, text_value(p.get("name"), f"{p.where}: official name")))
    n_gold, n_pred = len(want.officials), len(got.officials)
    t.officials.add(n_gold, n_pred, len(pairs))
    regions_ok = 0
    for gi, pi in pairs:
        gold, pred = want.officials[gi], got.officials[pi]
        regions_ok += same_region(gold.region, text_value(pred.get("region"), f"{pred.where}: official region"))
    t.official_regions.add(n_gold, n_pred, regions_ok)
    for gi, pi in pairs:
        gold, pred = want.officials[gi], got.officials[pi]
        t.positions += 1
        t.position_hits += same_position(gold.position, text_value(pred.get("position"), f"{pred.where}: position"))
    if got.records and not len(pairs) == n_gold == n_pred:
        errors.append(f"{want.label}: officials {[_peek(o.raw, 'name') for o in got.officials]}, "
                      f"gold {[o.name for o in want.officials]}")


def _score_sectors(want: ExpectedEvent, got: MergedPrediction, t: EventTallies, errors: list[str]) -> None:
    t.sectors.add(len(want.sectors), len(got.sectors), len(want.sectors & got.sectors))
    if got.records and want.sectors != got.sectors:
        errors.append(f"{want.label}: sectors extra {_sorted(got.sectors - want.sectors)}, "
                      f"missing {_sorted(want.sectors - got.sectors)}")


def _score_type_and_date(want: ExpectedEvent, got: MergedPrediction, t: EventTallies, errors: list[str]) -> None:
    where = got.records[0].where if got.records else "prediction"
    t.type_hits += _hashable(got.type, f"{where}: type") in want.types
    if got.records and any(date_matches(d, accept, got.start, where) for d, accept in want.dates):
        t.date_hits += 1
    elif got.records:
        errors.append(f"{want.label}: date {got.start!r}, gold {[d for d, _ in want.dates]!r}")


def score_event(members: list[GoldArticle], predictions: PredIndex, t: EventTallies, errors: list[str]) -> None:
    want = expected_event(members)
    got = merge_records(records_of(members, predictions))
    t.events += 1
    _score_type_and_date(want, got, t, errors)
    _score_parties(want, got, t, errors)
    _score_officials(want, got, t, errors)
    _score_sectors(want, got, t, errors)


def score_articles(articles: list[GoldArticle], predictions: PredIndex, errors: list[str]) -> Counts:
    """Whether each article yields a record, against whether its gold has an event."""
    counts = Counts()
    for article in articles:
        expected, found = bool(article.event), bool(predictions.get(article.doc))
        counts.add(int(expected), int(found), int(expected and found))
        if expected and not found:
            errors.append(f"{article.doc}: event missed")
        elif found and not expected:
            errors.append(f"{article.doc}: no event in gold, but predicted one")
    return counts


def _event_ids(records: list[PredRecord]) -> set[Any]:
    return {_hashable(r.data.get("event_id"), f"{r.where}: event_id") for r in records}


def score_pairs(articles: list[GoldArticle], predictions: PredIndex, errors: list[str]) -> Counts:
    """Over pairs of articles with an event: same gold cluster against a shared event_id."""
    with_event = [a for a in articles if a.event]
    ids = {a.doc: _event_ids(predictions.get(a.doc, [])) for a in with_event} if len(with_event) > 1 else {}
    counts = Counts()
    for a, b in itertools.combinations(with_event, 2):
        same_gold = bool(a.cluster) and bool(a.cluster == b.cluster)
        same_pred = bool((ids[a.doc] & ids[b.doc]) - {None})
        counts.tp += same_gold and same_pred
        counts.fp += same_pred and not same_gold
        counts.fn += same_gold and not same_pred
        if same_gold != same_pred:
            errors.append(f"{a.doc} + {b.doc}: merged={same_pred}, gold same event={same_gold}")
    return counts


def evaluate(gold_dir: Union[Path, str], pred_path: Union[Path, str]) -> EvaluationReport:
    """Score the records of `pred_path` (JSON Lines) against the gold files of `gold_dir`."""
    articles = load_gold(Path(gold_dir))
    predictions = load_predictions(Path(pred_path))
    errors: list[str] = []
    events = score_articles(articles, predictions, errors)
    tallies = EventTallies()
    for members in gold_events(articles):
        score_event(members, predictions, tallies, errors)
    pairs = score_pairs(articles, predictions, errors)

    scores = {
        "events": events.to_score(),
        "parties": tallies.parties.to_score(),
        "party_roles": tallies.party_roles.to_score(),
        "officials": tallies.officials.to_score(),
        "official_regions": tallies.official_regions.to_score(),
        "sectors": tallies.sectors.to_score(),
        "same_event_pairs": pairs.to_score(),
    }
    accuracies = {
        "type_accuracy": accuracy(tallies.type_hits, tallies.events),
        "date_accuracy": accuracy(tallies.date_hits, tallies.events),
        "position_accuracy": accuracy(tallies.position_hits, tallies.positions),
    }
    # The headline: rounded figures, summed in this order (float sums depend on it).
    headline = [scores["events"].f1, accuracies["type_accuracy"], accuracies["date_accuracy"],
                scores["party_roles"].f1, scores["official_regions"].f1, scores["sectors"].f1,
                scores["same_event_pairs"].f1]
    return EvaluationReport(
        **scores, **accuracies,
        score=round(sum(headline) / len(headline), 4),
        articles=len(articles),
        articles_with_event=sum(1 for a in articles if a.event),
        events_in_gold=tallies.events,
        errors=errors,
    )
