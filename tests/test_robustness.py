"""Whatever text comes in, extraction returns a record or None and never raises."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract_from_text

FRAGMENTS = st.sampled_from([
    "Pemkot Bekasi", "Pemerintah Kabupaten (Pemkab) Banyuwangi", "Wali Kota", "Pj.", "Bupati Sleman,",
    " menerima kunjungan kerja ", "Kamis (24/7/2025)", "Rabu (07/08)", "23–25 Juli 2025", "(", ")", ",", ".",
    "\n\n", "“kerja sama”", "\"", "Kota Izumisano, Jepang", "DPRD DKI Jakarta", "H. Tri Adhianto, S.T.",
    "selaku", "BACA JUGA: ", "menandatangani MoU", "Zoom", "akan", "31/2/2025", "99/99", "-", "ditandatangani",
])
ARTICLE_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), ARTICLE_LIKE))
def test_extraction_never_raises(text):
    record = extract_from_text(text, doc_id="fuzz")
    if record is not None:
        assert len(record.parties) >= 2
        assert record.sources[0].doc_id == "fuzz"
