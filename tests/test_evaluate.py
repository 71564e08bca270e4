"""pipeline.evaluation: hand-checked figures on small Indonesian examples, and agreement with
../shared/eval/score.py on generated and randomly perturbed gold/prediction sets."""
from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from typing import Any, Optional

import pytest
from rapidfuzz import fuzz

from pipeline.evaluation.matching import (
    person_key,
    position_key,
    region_key,
    same_person,
    same_position,
    same_region,
)
from pipeline.evaluation.results import EvaluationReport, format_report
from pipeline.evaluation.scoring import evaluate
from pipeline.knowledge import load_data

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE_PY = SHARED / "eval/score.py"
DEV_GOLD = SHARED / "eval/dev/gold"


# --------------------------------------------------------------------------- helpers


def party(name: str, role: str, country: str = "ID") -> dict:
    return {"name": name, "country": country, "role": role}


def official(name: str, position: str, region: Optional[str]) -> dict:
    return {"name": name, "position": position, "region": region}


def event(type_: str, date: Optional[str], parties: list, officials: list, sectors: list,
          accept: Optional[list] = None) -> dict:
    return {"type": type_, "date": date, "accept": accept or [], "parties": parties,
            "officials": officials, "sectors": sectors}


def write_gold(gold_dir: Path, doc: str, ev: Optional[dict], cluster: Optional[str] = None) -> None:
    gold_dir.mkdir(parents=True, exist_ok=True)
    gold = {"doc": doc, "url": None, "published": None, "cluster": cluster, "event": ev}
    (gold_dir / f"{doc}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def record(event_id: str, docs: list[str], type_: Any = "visit", start: Any = None, parties: Any = (),
           officials: Any = (), sectors: Any = ()) -> dict:
    return {"event_id": event_id, "type": type_, "date": {"start": start, "end": None},
            "parties": list(parties), "officials": list(officials),
            "sectors": [{"code": s} for s in sectors], "sources": [{"doc_id": d} for d in docs]}


def write_pred(path: Path, records: list[Any]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def figures(report: EvaluationReport, key: str) -> tuple:
    s = report.field_score(key)
    return s.p, s.r, s.f1, s.tp, s.fp, s.fn


# --------------------------------------------------------------------------- the data file


def test_normalize_json_structure():
    data = load_data("normalize")
    assert all(isinstance(t, str) and t == t.lower() for t in data["honorifics"])
    assert {"h", "hj", "dr", "ir"} <= set(data["honorifics"])
    for key in ("position_abbreviations", "region_prefixes"):
        assert all(isinstance(p, list) and len(p) == 2 for p in data[key])
    assert ["\\bpj\\b", "penjabat"] in data["position_abbreviations"]
    assert ["\\bsekda\\b", "sekretaris daerah"] in data["position_abbreviations"]
    assert data["province_aliases"]["ntt"] == "nusatenggaratimur"
    assert data["region_levels"] == ["kota", "kabupaten", "provinsi"]


# --------------------------------------------------------------------------- name matching


@pytest.mark.parametrize("gold, pred", [
    ("Kota Bekasi", "Pemkot Bekasi"),
    ("Kota Bekasi", "Pemerintah Kota Bekasi"),
    ("Kota Bekasi", "KOTA BEKASI"),
    ("Kabupaten Minahasa Selatan", "Kab. Minahasa Selatan"),
    ("Kabupaten Purbalingga", "Pemkab Purbalingga"),
    ("Provinsi Gorontalo", "Pemprov Gorontalo"),
    ("Provinsi DKI Jakarta", "Provinsi Daerah Khusus Ibukota Jakarta"),
    ("Provinsi Nusa Tenggara Timur", "Prov. NTT"),
    ("Provinsi Kepulauan Riau", "Provinsi Kepri"),
    ("Kota Bandung", "DPRD Kota Bandung"),
    ("Tōno", "Tono"),
    ("Kabupaten Dharmasraya", "Kabupaten Dharmasraia"),  # a small typo
])
def test_same_region(gold, pred):
    assert same_region(gold, pred)


@pytest.mark.parametrize("gold, pred", [
    ("Kota Bekasi", "Kabupaten Bekasi"),  # wrong level
    ("Kota Bekasi", "Bekasi"),  # no level is a level of its own
    ("Kota Bekasi", "Kota Bengkulu"),
    ("Provinsi Jawa Tengah", "Provinsi Jawa Timur"),
])
def test_different_regions(gold, pred):
    assert not same_region(gold, pred)


def test_region_key():
    assert region_key("Pemkot Bekasi") == ("kota", "bekasi")
    assert region_key("Prov. DKI Jakarta") == ("provinsi", "jakarta")
    assert region_key("Izumisano") == ("", "izumisano")


@pytest.mark.parametrize("gold, pred", [
    ("Erwin", "H. Erwin"),
    ("Tri Adhianto", "Dr. Tri Adhianto"),
    ("Susanto Triyogo Adiputro", "Susanto Triyogo Adiputro, S.ST., M.T."),
    ("Gani Muhamad", "Gani Muhammad"),
    ("Mhd. Fadhil Arief", "Fadhil Arief"),
    ("Nina Agustina", "Hj. Nina Agustina, S.H., M.H."),
])
def test_same_person(gold, pred):
    assert same_person(gold, pred)


def test_person_key_drops_honorifics_and_degrees():
    assert person_key("H. Erwin") == "erwin"
    assert person_key("Dr. Ir. H. Tri Adhianto, M.M.") == "tri adhianto"
    assert not same_person("Erwin", "Erlin Hardi")
    assert not same_person("H.", "Hj.")  # nothing left of either name


def test_difflib_decides_where_rapidfuzz_would_accept():
    # rapidfuzz's Indel ratio says 90 (above the 0.88 person threshold); difflib, and so
    # score.py, says 0.71: not the same person.
    assert fuzz.ratio("kuniaki nishinou", "kuniak nihi nou") > 88
    assert not same_person("Kuniaki Nishinou", "Kuniak Nihi Nou")


def test_positions():
    assert position_key("Pj. Walikota") == "penjabat wali kota"
    assert position_key("Sekda") == "sekretaris daerah"
    assert position_key("Plt. Bupati") == "pelaksana tugas bupati"
    assert same_position("Wali Kota", "Walikota")
    assert same_position("Wakil Wali Kota", "Wawali")
    assert same_position("Sekretaris Daerah", "Sekretaris Daerah Provinsi")
    assert not same_position("Wali Kota", "Wakil Wali Kota")


# --------------------------------------------------------------------------- hand-checked figures

BEKASI_CLUSTER = "bekasi-izumisano-2025-07-24"


@pytest.fixture
def bekasi_gold(tmp_path: Path) -> Path:
    """Two articles on the Izumisano visit to Kota Bekasi, and one about a local programme."""
    gold = tmp_path / "gold"
    parties = [party("Kota Bekasi", "host"), party("Izumisano", "guest", "JP")]
    write_gold(gold, "a01", event(
        "visit", "2025-07-24", parties,
        [official("Tri Adhianto", "Wali Kota", "Kota Bekasi"),
         official("Kuniaki Nishinou", "Wakil Wali Kota", "Izumisano")],
        ["waste", "environment"], accept=["2025-07-23"]), BEKASI_CLUSTER)
    write_gold(gold, "a02", event(
        "visit", "2025-07-24", parties,
        [official("Tri Adhianto", "Wali Kota", "Kota Bekasi"),
         official("Abdul Harris Bobihoe", "Wakil Wali Kota", "Kota Bekasi")],
        ["waste", "education"]), BEKASI_CLUSTER)
    write_gold(gold, "a03", None)
    return gold


def test_merged_cluster_with_name_variants(bekasi_gold: Path, tmp_path: Path):
    pred = write_pred(tmp_path / "pred.jsonl", [record(
        "ev1", ["a01", "a02"], "visit", "2025-07-24",
        [party("Pemkot Bekasi", "host"), party("Izumisano", "guest", "JP")],
        [official("Dr. Tri Adhianto", "Walikota", "Pemkot Bekasi"),
         official("Kuniaki Nishino", "Wakil Walikota", "Izumisano")],
        ["waste", "environment", "tourism"])])
    report = evaluate(bekasi_gold, pred)
    assert figures(report, "events") == (1.0, 1.0, 1.0, 2, 0, 0)
    assert figures(report, "parties") == (1.0, 1.0, 1.0, 2, 0, 0)
    assert figures(report, "party_roles") == (1.0, 1.0, 1.0, 2, 0, 0)
    # The gold union has three officials (Bobihoe is only in a02).
    assert figures(report, "officials") == (1.0, 0.6667, 0.8, 2, 0, 1)
    assert figures(report, "official_regions") == (1.0, 0.6667, 0.8, 2, 0, 1)
    assert figures(report, "sectors") == (0.6667, 0.6667, 0.6667, 2, 1, 1)
    assert figures(report, "same_event_pairs") == (1.0, 1.0, 1.0, 1, 0, 0)
    assert (report.type_accuracy, report.date_accuracy, report.position_accuracy) == (1.0, 1.0, 1.0)
    assert report.score == round((1 + 1 + 1 + 1 + 0.8 + 0.6667 + 1) / 7, 4) == 0.9238
    assert (report.articles, report.articles_with_event, report.events_in_gold) == (3, 2, 1)
    assert report.errors == [
        "a01+a02: officials ['Dr. Tri Adhianto', 'Kuniaki Nishino'], "
        "gold ['Tri Adhianto', 'Kuniaki Nishinou', 'Abdul Harris Bobihoe']",
        "a01+a02: sectors extra ['tourism'], missing ['education']",
    ]


def test_split_cluster_wrong_date_and_negative_predicted(bekasi_gold: Path, tmp_path: Path):
    pred = write_pred(tmp_path / "pred.jsonl", [
        record("ev1", ["a01"], "visit", "2025-07-20", [party("Kota Bekasi", "host")]),
        record("ev2", ["a02"], "agreement", "2025-07-20", [party("Kota Bekasi", "guest")]),
        record("ev3", ["a03"], "meeting", None, [party("Kota Bekasi", "partner")]),
    ])
    report = evaluate(bekasi_gold, pred)
    assert figures(report, "events") == (0.6667, 1.0, 0.8, 2, 1, 0)
    # The cluster's records together: Kota Bekasi twice (host, guest) against two gold parties.
    assert figures(report, "parties") == (0.5, 0.5, 0.5, 1, 1, 1)
    assert figures(report, "party_roles") == (0.5, 0.5, 0.5, 1, 1, 1)
    assert figures(report, "officials") == (1.0, 0.0, 0.0, 0, 0, 3)
    assert figures(report, "same_event_pairs") == (1.0, 0.0, 0.0, 0, 0, 1)
    assert report.type_accuracy == 1.0  # the first record's type counts
    assert report.date_accuracy == 0.0
    assert report.position_accuracy == 1.0  # no matched officials
    assert "a03: no event in gold, but predicted one" in report.errors
    assert "a01+a02: date '2025-07-20', gold ['2025-07-24', '2025-07-24']" in report.errors
    assert "a01 + a02: merged=False, gold same event=True" in report.errors


def test_accepted_date_and_missing_article(bekasi_gold: Path, tmp_path: Path):
    pred = write_pred(tmp_path / "pred.jsonl", [
        record("ev1", ["a01"], "visit", "2025-07-23", [party("Kota Bekasi", "host"),
                                                       party("Izumisano", "guest", "JP")]),
    ])
    report = evaluate(bekasi_gold, pred)
    assert figures(report, "events") == (1.0, 0.5, 0.6667, 1, 0, 1)
    assert report.date_accuracy == 1.0  # a01 accepts the first day of the visit
    assert figures(report, "same_event_pairs") == (1.0, 0.0, 0.0, 0, 0, 1)
    assert report.errors[0] == "a02: event missed"


def test_wrong_level_variants_and_year_unknown(tmp_path: Path):
    gold = tmp_path / "gold"
    write_gold(gold, "b01", event(
        "visit", "--04-10", [party("Kota Bekasi", "host"), party("Kota Bandung", "guest")],
        [official("Erwin", "Wakil Wali Kota", "Kota Bandung"),
         official("Tri Adhianto", "Wali Kota", "Kota Bekasi")],
        ["governance"]))
    pred = write_pred(tmp_path / "pred.jsonl", [record(
        "x", ["b01"], "visit", "2024-04-10",
        [party("Kabupaten Bekasi", "host"), party("DPRD Kota Bandung", "guest")],
        [official("H. Erwin", "Wawali", "Pemkot Bandung"),
         official("Tri Adhianto", "Wali Kota", "Kabupaten Bekasi")],
        ["governance"])])
    report = evaluate(gold, pred)
    assert figures(report, "parties") == (0.5, 0.5, 0.5, 1, 1, 1)
    assert figures(report, "party_roles") == (0.5, 0.5, 0.5, 1, 1, 1)
    assert figures(report, "officials") == (1.0, 1.0, 1.0, 2, 0, 0)
    assert figures(report, "official_regions") == (0.5, 0.5, 0.5, 1, 1, 1)
    assert figures(report, "sectors") == (1.0, 1.0, 1.0, 1, 0, 0)
    assert figures(report, "same_event_pairs") == (1.0, 1.0, 1.0, 0, 0, 0)  # no pairs at all
    assert (report.type_accuracy, report.date_accuracy, report.position_accuracy) == (1.0, 1.0, 1.0)
    assert report.score == round(6 / 7, 4) == 0.8571


def test_partner_role_accepts_any_role_and_roles_unite(tmp_path: Path):
    gold = tmp_path / "gold"
    write_gold(gold, "c01", event("meeting", None, [party("Kabupaten Purbalingga", "partner"),
                                                    party("Tōno", "partner", "JP")], [], []), "pt")
    write_gold(gold, "c02", event("meeting", None, [party("Kabupaten Purbalingga", "host"),
                                                    party("Kota Tono", "guest", "JP")], [], []), "pt")
    pred = write_pred(tmp_path / "pred.jsonl", [record(
        "e", ["c01", "c02"], "meeting", None,
        [party("Pemkab Purbalingga", "guest"), party("Tono", "host", "JP"), party("Kota Tono", "host")])])
    report = evaluate(gold, pred)
    # Gold union: Purbalingga {partner, host}, Tōno {partner}, Kota Tono {guest}.
    assert figures(report, "parties") == (1.0, 1.0, 1.0, 3, 0, 0)
    assert figures(report, "party_roles") == (0.6667, 0.6667, 0.6667, 2, 1, 1)
    assert report.date_accuracy == 1.0  # null date, null prediction


def test_malformed_line_names_file_and_line(bekasi_gold: Path, tmp_path: Path):
    pred = write_pred(tmp_path / "pred.jsonl", [record("ev1", ["a01"]), "{not json", ""])
    with pytest.raises(ValueError, match=r"pred\.jsonl:2: not JSON"):
        evaluate(bekasi_gold, pred)
    write_pred(pred, [record("ev1", ["a01"]), "", "[1, 2]"])
    with pytest.raises(ValueError, match=r"pred\.jsonl:3"):
        evaluate(bekasi_gold, pred)


def test_no_gold_files(tmp_path: Path):
    with pytest.raises(ValueError, match="no gold files"):
        evaluate(tmp_path, write_pred(tmp_path / "p.jsonl", []))


def test_format_report(bekasi_gold: Path, tmp_path: Path):
    pred = write_pred(tmp_path / "pred.jsonl", [record("ev1", ["a01", "a02"], "visit", "2025-07-24")])
    report = evaluate(bekasi_gold, pred)
    lines = format_report(report).splitlines()
    assert lines[0] == "events             P 1.000  R 1.000  F1 1.000   (tp 2, fp 0, fn 0)"
    assert lines[7] == "type_accuracy      1.000"
    assert lines[-1] == f"score {report.score:.3f} over 3 articles (2 with an event, 1 distinct events)"
    assert len(lines) == 11
    shown = format_report(report, show_errors=True).splitlines()
    assert shown[:len(report.errors)] == ["  " + e for e in report.errors]


# --------------------------------------------------------------------------- agreement with score.py

REGIONS = [
    ("Kota Bekasi", "ID"), ("Kabupaten Bekasi", "ID"), ("Kota Bandung", "ID"), ("Kota Serang", "ID"),
    ("Kota Bengkulu", "ID"), ("Provinsi DKI Jakarta", "ID"), ("Provinsi Lampung", "ID"),
    ("Provinsi Jawa Tengah", "ID"), ("Kabupaten Purbalingga", "ID"), ("Kota Magelang", "ID"),
    ("Kota Singkawang", "ID"), ("Kabupaten Minahasa Selatan", "ID"), ("Provinsi Nusa Tenggara Timur", "ID"),
    ("Izumisano", "JP"), ("Tōno", "JP"), ("Tuaran", "MY"), ("Japan", "JP"),
]
PEOPLE = [
    "Tri Adhianto", "Kuniaki Nishinou", "Dedy Wahyudi", "Erwin", "Nur Agis Aulia", "Gani Muhamad",
    "Wahyu Hidayat", "Arinal Djunaidi", "Chusnunia Chalim", "M. Mansyur", "Muchamad Nur Aziz",
    "Edi Rusdi Kamtono", "Dyah Hayuning Pratiwi", "Susanto Triyogo Adiputro", "Hadianto Rasyid",
    "Reny A Lamadjido", "Abdul Harris Bobihoe", "Erlin", "Nunu Andriani", "Mhd. Fadhil Arief",
]
POSITIONS = ["Wali Kota", "Wakil Wali Kota", "Bupati", "Wakil Bupati", "Gubernur", "Penjabat Wali Kota",
             "Pelaksana Tugas Bupati", "Sekretaris Daerah", "Kepala Dinas Perdagangan", "Ketua DPRD"]
SECTORS = ["waste", "environment", "education", "tourism", "culture", "trade", "governance",
           "health", "agriculture", "transportation"]
ROLES = ["host", "guest", "partner"]
TYPES = ["visit", "agreement", "meeting"]


def typo(text: str, rng: random.Random, edits: int = 1) -> str:
    chars = list(text)
    for _ in range(edits):
        i = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.33 and len(chars) > 1:
            chars.pop(min(i, len(chars) - 1))
        elif op < 0.66:
            chars.insert(i, rng.choice("aeiouhnkrst -."))
        elif chars:
            chars[min(i, len(chars) - 1)] = rng.choice("aeiouhnkrst")
        if op > 0.9 and len(chars) > 2:  # a transposition now and then
            j = rng.randrange(len(chars) - 1)
            chars[j], chars[j + 1] = chars[j + 1], chars[j]
    return "".join(chars)


def region_variant(name: str, rng: random.Random) -> str:
    swaps = [("Kota ", "Pemkot "), ("Kota ", "Pemerintah Kota "), ("Kota ", "Kabupaten "),
             ("Kota ", "DPRD Kota "), ("Kota ", "Kotamadya "), ("Kabupaten ", "Kab. "),
             ("Kabupaten ", "Pemkab "), ("Kabupaten ", "Kota "), ("Provinsi ", "Prov. "),
             ("Provinsi ", "Pemprov "), ("DKI Jakarta", "Daerah Khusus Ibukota Jakarta"),
             ("Nusa Tenggara Timur", "NTT"), ("Tōno", "Tono"), ("Kota ", "")]
    choice = rng.random()
    if choice < 0.45:
        old, new = rng.choice(swaps)
        return name.replace(old, new, 1) if old in name else name.upper()
    if choice < 0.75:
        return typo(name, rng, rng.randint(1, 3))
    if choice < 0.85:
        return name.replace(" ", "-", 1)
    return rng.choice(REGIONS)[0]


def person_variant(name: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.2:
        return rng.choice(["H. ", "Hj. ", "Dr. ", "Ir. H. ", "Bapak ", "KH "]) + name
    if choice < 0.3:
        return name + rng.choice([", S.E., M.M.", ", S.ST., M.T.", ", S.H.", " SE"])
    if choice < 0.7:
        return typo(name, rng, rng.randint(1, 4))
    if choice < 0.8:
        return " ".join(name.split()[1:]) or name
    if choice < 0.9:
        return name.upper()
    return rng.choice(PEOPLE)


def position_variant(position: str, rng: random.Random) -> str:
    swaps = [("Wali Kota", "Walikota"), ("Wakil Wali Kota", "Wawali"), ("Wakil Bupati", "Wabup"),
             ("Penjabat", "Pj."), ("Pelaksana Tugas", "Plt."), ("Sekretaris Daerah", "Sekda"),
             ("Kepala Dinas", "Kadis"), ("Wakil ", "")]
    if rng.random() < 0.6:
        old, new = rng.choice(swaps)
        return position.replace(old, new) if old in position else position.lower()
    return typo(position, rng, rng.randint(1, 3)) if rng.random() < 0.7 else rng.choice(POSITIONS)


def random_event(rng: random.Random) -> dict:
    n_parties = rng.randint(1, 3)
    parties = [party(name, rng.choice(ROLES), country) for name, country in rng.sample(REGIONS, n_parties)]
    officials = [official(name, rng.choice(POSITIONS), rng.choice(parties)["name"] if rng.random() < 0.95 else None)
                 for name in rng.sample(PEOPLE, rng.randint(0, 4))]
    year = rng.choice(["2023", "2024", "2025", None])
    date = (f"{year}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}" if year else f"--0{rng.randint(1, 9)}-{rng.randint(10, 28)}") \
        if rng.random() < 0.9 else None
    accept = [f"2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"] if rng.random() < 0.2 else []
    return event(rng.choice(TYPES), date, parties, officials, rng.sample(SECTORS, rng.randint(0, 4)), accept)


def sibling_event(base: dict, rng: random.Random) -> dict:
    """Another article's view of the same event: some parties, officials, sectors differ."""
    ev = copy.deepcopy(base)
    if rng.random() < 0.3 and ev["officials"]:
        ev["officials"].pop(rng.randrange(len(ev["officials"])))
    if rng.random() < 0.4:
        ev["officials"].append(official(rng.choice(PEOPLE), rng.choice(POSITIONS), ev["parties"][0]["name"]))
    if rng.random() < 0.3:
        ev["officials"] = [dict(o, name=person_variant(o["name"], rng)) for o in ev["officials"]]
    if rng.random() < 0.3:
        ev["parties"] = [dict(p, role=rng.choice(ROLES)) for p in ev["parties"]]
    if rng.random() < 0.2:
        ev["parties"].append(party(*rng.choice(REGIONS)[:1], rng.choice(ROLES)))
    if rng.random() < 0.5:
        ev["sectors"] = rng.sample(SECTORS, rng.randint(0, 4))
    if rng.random() < 0.3:
        ev["type"] = rng.choice(TYPES)
    if rng.random() < 0.3:
        ev["date"] = rng.choice([None, "2025-07-24", "--07-24"])
    return ev


def random_gold(gold_dir: Path, rng: random.Random) -> list[dict]:
    golds = []
    n = 0
    for c in range(rng.randint(1, 5)):
        base = random_event(rng)
        cluster = f"cl{c}" if rng.random() < 0.8 else None
        size = rng.randint(1, 3) if cluster else 1
        for k in range(size):
            ev = base if k == 0 else sibling_event(base, rng)
            golds.append({"doc": f"d{n:02d}", "cluster": cluster, "event": ev})
            n += 1
    for _ in range(rng.randint(0, 2)):
        golds.append({"doc": f"d{n:02d}", "cluster": None, "event": None})
        n += 1
    rng.shuffle(golds)
    for g in golds:
        write_gold(gold_dir, g["doc"], g["event"], g["cluster"])
    return golds


def load_golds(gold_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def perfect_records(golds: list[dict]) -> list[dict]:
    """One record per gold event, holding everything its articles report."""
    by_cluster: dict[str, list[dict]] = {}
    for g in golds:
        if g.get("event"):
            by_cluster.setdefault(g.get("cluster") or g["doc"], []).append(g)
    records = []
    for cid, members in by_cluster.items():
        evs = [g["event"] for g in members]
        parties: list[dict] = []
        for p in (p for e in evs for p in e["parties"]):
            if not any(same_region(p["name"], q["name"]) for q in parties):
                parties.append(p)
        officials: list[dict] = []
        for o in (o for e in evs for o in e["officials"]):
            if not any(same_person(o["name"], q["name"]) for q in officials):
                officials.append(o)
        records.append({
            "event_id": f"ev-{cid}", "type": evs[0]["type"], "date": {"start": evs[0].get("date"), "end": None},
            "parties": parties, "officials": officials,
            "sectors": sorted({s for e in evs for s in e["sectors"]}),
            "sources": [{"doc_id": g["doc"]} for g in members],
        })
    return records


def perturb(records: list[dict], golds: list[dict], rng: random.Random) -> list[Any]:
    """Randomly damage a prediction the ways an extractor might."""
    records = copy.deepcopy(records)
    for rec in records:
        if rng.random() < 0.3 and rec["parties"]:
            rec["parties"].pop(rng.randrange(len(rec["parties"])))
        if rng.random() < 0.4:
            rec["parties"] = [dict(p, name=region_variant(p["name"], rng)) if rng.random() < 0.5 else p
                              for p in rec["parties"]]
        if rng.random() < 0.3:
            rec["parties"] = [dict(p, role=rng.choice(ROLES)) for p in rec["parties"]]
        if rng.random() < 0.2:
            rec["parties"].append(party(rng.choice(REGIONS)[0], rng.choice(ROLES)))
        if rng.random() < 0.3 and rec["officials"]:
            rec["officials"].pop(rng.randrange(len(rec["officials"])))
        if rng.random() < 0.5:
            rec["officials"] = [dict(o, name=person_variant(o["name"], rng)) if rng.random() < 0.5 else o
                                for o in rec["officials"]]
        if rng.random() < 0.4:
            rec["officials"] = [dict(o, position=position_variant(o["position"], rng),
                                     region=region_variant(o["region"] or "Kota Bekasi", rng)
                                     if rng.random() < 0.5 else o["region"])
                                for o in rec["officials"]]
        if rng.random() < 0.2:
            rec["officials"].append(official(rng.choice(PEOPLE), rng.choice(POSITIONS), rng.choice(REGIONS)[0]))
        if rng.random() < 0.4:
            rec["sectors"] = [s for s in rec["sectors"] if rng.random() < 0.7]
        if rng.random() < 0.3:
            rec["sectors"].append(rng.choice(SECTORS))
        rec["sectors"] = [{"code": s} if rng.random() < 0.8 else s for s in rec["sectors"]]
        start = rec["date"]["start"]
        roll = rng.random()
        if roll < 0.2 and start:
            rec["date"]["start"] = "--" + start[-5:]
        elif roll < 0.3:
            rec["date"]["start"] = rng.choice([None, "", "2025-07-24", "--07-24", "2024-01-01"])
        elif roll < 0.35:
            rec["date"] = start  # a bare value instead of an object
        elif roll < 0.4:
            del rec["date"]
        if rng.random() < 0.15:
            rec["type"] = rng.choice(TYPES + [None])
        if rng.random() < 0.1:
            rec["sources"] = [s["doc_id"] for s in rec["sources"]]  # plain strings
        if rng.random() < 0.05:
            rec["event_id"] = None
    # Split records with several sources.
    split = []
    for rec in records:
        if len(rec["sources"]) > 1 and rng.random() < 0.3:
            for i, src in enumerate(rec["sources"]):
                part = copy.deepcopy(rec)
                part["sources"] = [src]
                part["event_id"] = f"{rec['event_id']}-{i}" if rng.random() < 0.8 else rec["event_id"]
                split.append(part)
        else:
            split.append(rec)
    records = split
    # Merge two records into one.
    if len(records) > 1 and rng.random() < 0.3:
        a, b = rng.sample(range(len(records)), 2)
        merged = records[a]
        merged["sources"] = list(merged.get("sources") or []) + list(records[b].get("sources") or [])
        merged["parties"] += records[b]["parties"]
        del records[b]
    # Two records that share an event_id.
    if len(records) > 1 and rng.random() < 0.2:
        a, b = rng.sample(range(len(records)), 2)
        records[b]["event_id"] = records[a]["event_id"]
    # Drop a record; predict an event for an article without one; a record for an unknown doc.
    if records and rng.random() < 0.2:
        records.pop(rng.randrange(len(records)))
    negatives = [g["doc"] for g in golds if not g.get("event")]
    if negatives and rng.random() < 0.3:
        records.append(record("neg", [rng.choice(negatives)], "visit", "2025-01-01",
                              [party("Kota Bekasi", "host")]))
    if rng.random() < 0.1:
        records.append(record("ghost", ["no-such-doc"], "meeting"))
    rng.shuffle(records)
    if records and rng.random() < 0.1:
        records.append(copy.deepcopy(records[0]))  # the same record twice
    out: list[Any] = list(records)
    if rng.random() < 0.2:
        out.insert(rng.randrange(len(out) + 1), "")  # a blank line
    return out


@pytest.fixture(scope="module")
def reference_score():
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is absent")
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def assert_agrees(reference_score, gold_dir: Path, pred_path: Path) -> None:
    ours = evaluate(gold_dir, pred_path).model_dump()
    theirs = reference_score(gold_dir, pred_path, show_errors=True)
    assert ours == theirs


@pytest.mark.parametrize("seed", range(60))
def test_agreement_with_score_py(reference_score, tmp_path: Path, seed: int):
    rng = random.Random(seed)
    gold_dir = tmp_path / "gold"
    random_gold(gold_dir, rng)
    golds = load_golds(gold_dir)
    perfect = perfect_records(golds)
    pred = tmp_path / "pred.jsonl"
    write_pred(pred, perfect)
    report = evaluate(gold_dir, pred)
    assert report.events.f1 == 1.0 and report.same_event_pairs.f1 == 1.0
    assert_agrees(reference_score, gold_dir, pred)
    write_pred(pred, [])
    assert_agrees(reference_score, gold_dir, pred)
    for _ in range(8):
        write_pred(pred, perturb(perfect, golds, rng))
        assert_agrees(reference_score, gold_dir, pred)


@pytest.mark.parametrize("seed", range(15))
def test_agreement_on_dev_gold(reference_score, tmp_path: Path, seed: int):
    if not DEV_GOLD.is_dir():
        pytest.skip(f"{DEV_GOLD} is absent")
    rng = random.Random(1000 + seed)
    golds = load_golds(DEV_GOLD)
    perfect = perfect_records(golds)
    pred = tmp_path / "pred.jsonl"
    if seed == 0:
        write_pred(pred, perfect)
        assert evaluate(DEV_GOLD, pred).score == 1.0
        assert_agrees(reference_score, DEV_GOLD, pred)
    for _ in range(6):
        write_pred(pred, perturb(perfect, golds, rng))
        assert_agrees(reference_score, DEV_GOLD, pred)


def test_agreement_on_hand_written_sets(reference_score, bekasi_gold: Path, tmp_path: Path):
    pred = tmp_path / "pred.jsonl"
    cases = [
        [record("ev1", ["a01", "a02"], "visit", "2025-07-24",
                [party("Pemkot Bekasi", "host"), party("Izumisano", "guest", "JP")],
                [official("Dr. Tri Adhianto", "Walikota", "Pemkot Bekasi"),
                 official("Kuniaki Nishino", "Wakil Walikota", "Izumisano")],
                ["waste", "environment", "tourism"])],
        [record("ev1", ["a01"], "visit", "2025-07-20", [party("Kota Bekasi", "host")]),
         record("ev2", ["a02"], "agreement", "2025-07-20", [party("Kota Bekasi", "guest")]),
         record("ev3", ["a03"], "meeting", None, [party("Kota Bekasi", "partner")])],
        [record("ev1", ["a01"], "visit", "--07-24", [party("Kabupaten Bekasi", "host")],
                [official("Kuniak Nihi Nou", "Wakil Wali Kota", "Izumisano")])],
        [record("same", ["a01"]), record("same", ["a03"]), record("same", ["a02"])],
    ]
    for records in cases:
        write_pred(pred, records)
        assert_agrees(reference_score, bekasi_gold, pred)
