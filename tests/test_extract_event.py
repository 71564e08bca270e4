"""Event type: `classify_event` on hand-written Indonesian news sentences."""
import pytest

from pipeline.stages.extract_event import classify_event
from pipeline import extract_from_text
from pipeline.ner.nlp import annotate


def classify(text: str):
    return classify_event(annotate(text), "doc")


def assert_evidence(text: str, evidence, cue: str) -> None:
    assert evidence, "a classified event must carry evidence"
    assert any(cue in ev.text.lower() for ev in evidence)
    for ev in evidence:
        assert ev.doc_id == "doc"
        assert text[ev.start:ev.end].strip() == ev.text


def test_signing_is_agreement_even_when_a_visit_is_reported():
    text = ("SEMARANG - Rombongan Pemerintah Kabupaten Banyuwangi melakukan kunjungan kerja ke Balai Kota "
            "Semarang, Kamis (24/7/2025). Dalam kunjungan itu dilakukan penandatanganan nota kesepahaman "
            "kerja sama bidang pariwisata antara kedua daerah.")
    kind, evidence, _ = classify(text)
    assert kind == "agreement"
    assert_evidence(text, evidence, "penandatanganan")


def test_agreement_wins_over_meeting():
    text = ("Pemkot Semarang dan Pemkab Banyuwangi menggelar rapat koordinasi secara virtual, Senin (3/3/2025). "
            "Usai rapat, kedua daerah menandatangani perjanjian kerja sama.")
    kind, evidence, _ = classify(text)
    assert kind == "agreement"
    assert_evidence(text, evidence, "menandatangani")


def test_zoom_meeting_is_meeting():
    text = ("Pemkot Semarang dan Pemkab Banyuwangi menggelar rapat melalui Zoom, Senin (3/3/2025). "
            "Rapat membahas pengelolaan sampah.")
    kind, evidence, cue = classify(text)
    assert (kind, cue) == ("meeting", "meeting_virtual")
    assert_evidence(text, evidence, "zoom")


def test_studi_banding_is_visit():
    text = ("Anggota DPRD Kabupaten Banyuwangi melaksanakan studi banding ke Kota Semarang tentang "
            "pengelolaan sampah, Selasa (4/3/2025).")
    kind, evidence, _ = classify(text)
    assert kind == "visit"
    assert_evidence(text, evidence, "studi banding")


def test_planned_visit_is_not_an_event():
    text = ("Bupati Banyuwangi akan melakukan kunjungan kerja ke Kota Semarang bulan depan untuk membahas "
            "kerja sama pariwisata.")
    assert classify(text) is None


def test_a_signing_intended_is_no_event():
    assert classify("Pemkab Boven Digoel hendak menandatangani nota kesepahaman dengan Pemkab Merauke.") is None


def test_a_sentence_opened_by_a_preposition_and_pointing_back_to_a_plan_tells_of_the_plan():
    text = ("Bupati Mappi menyiapkan kunjungan kerja ke Kabupaten Asmat. Kunjungan itu dijadwalkan pada akhir bulan. "
            "Dalam kunjungan tersebut, Pemkab Mappi dan Pemkab Asmat menandatangani nota kesepahaman.")
    assert classify(text) is None


def test_planned_signing_does_not_count_but_a_done_visit_does():
    text = ("Nota kesepahaman akan ditandatangani tahun depan. "
            "Bupati Banyuwangi berkunjung ke Semarang, Senin (3/3/2025).")
    kind, evidence, _ = classify(text)
    assert kind == "visit"
    assert_evidence(text, evidence, "berkunjung")
    assert all("ditandatangani" not in ev.text for ev in evidence)


def test_plain_local_news_has_no_event():
    text = ("Wali Kota Semarang meresmikan taman baru di Kecamatan Tembalang, Rabu (5/3/2025). "
            "Taman itu dilengkapi area bermain anak.")
    assert classify(text) is None


def test_in_person_pertemuan_without_visit_words_is_a_meeting():
    result = classify_event(annotate("Bupati Sleman dan Bupati Bantul menggelar pertemuan di Pendopo Sleman."), "doc")
    assert result is not None and result[0] == "meeting"


def test_pertemuan_during_a_visit_stays_a_visit():
    text = "Pemkot Bekasi menerima kunjungan kerja Pemkot Bengkulu. Pertemuan berlangsung di ruang rapat."
    assert classify_event(annotate(text), "doc")[0] == "visit"


def spans_of(text: str, *names: str) -> list[tuple[str, int, int]]:
    return [(name, text.index(name), text.index(name) + len(name)) for name in names]


def test_cue_inside_a_quotation_does_not_report_the_event():
    text = ('Bupati Sumbawa membuka bimtek kerja sama daerah bersama Pemprov NTB. '
            '"Jangan sampai kita sudah tanda tangan MoU, tapi tidak ada tindak lanjutnya," ujarnya.')
    assert classify_event(annotate(text), "doc", spans_of(text, "Sumbawa", "Pemprov NTB")) is None


def test_cue_must_stand_near_two_of_the_parties():
    text = ("Pemkot Batam menyiapkan agenda bagi delegasi Johor Bahru. Paket wisata singkat disiapkan. "
            "Dinas Pariwisata Batam menyiapkan kunjungan ke Jembatan Barelang.")
    parties = [("batam", text.index("Batam"), text.index("Batam") + 5),
               ("johor", text.index("Johor Bahru"), text.index("Johor Bahru") + 11),
               ("batam", text.rindex("Batam"), text.rindex("Batam") + 5)]
    assert classify_event(annotate(text), "doc", parties) is None
    visit = "Pemkot Batam menerima kunjungan delegasi Majlis Bandaraya Johor Bahru, Kamis (12/12/2024)."
    assert classify_event(annotate(visit), "doc", spans_of(visit, "Batam", "Johor Bahru"))[0] == "visit"


def test_signing_targeted_for_later_is_not_an_agreement():
    text = ("Bupati Bantaeng dan Bupati Jeneponto menggelar pertemuan forum kerja sama. "
            "Kesepakatan bersama ditargetkan ditandatangani pada April mendatang.")
    assert classify_event(annotate(text), "doc")[0] == "meeting"


def test_a_signing_names_its_signatories_in_its_own_sentence():
    text = ("Pemerintah Kabupaten Klaten dan Universitas Sebelas Maret menandatangani nota kesepahaman. "
            "Bupati Sukoharjo turut memberikan sambutan.")
    parties = spans_of(text, "Kabupaten Klaten", "Bupati Sukoharjo")
    assert classify_event(annotate(text), "doc", parties) is None


@pytest.mark.parametrize("text, kind, cue", [
    ("SURABAYA - Pemerintah Provinsi Jawa Timur dan Pemerintah Provinsi Bali menggelar Misi Dagang "
     "dan Investasi di Hotel Majapahit Surabaya, Rabu (12/3/2025).", "visit", "misi dagang"),
    ("Pertemuan para wali kota se-Kalimantan digelar di Kota Balikpapan, Jumat (7/2), dihadiri "
     "Wali Kota Samarinda dan Wali Kota Banjarmasin.", "meeting", "pertemuan para"),
    ("Gubernur Bali Wayan Koster menerima Duta Besar Jepang untuk Indonesia di Jayasabha, Denpasar, "
     "Rabu (19/3/2025).", "visit", "menerima duta besar"),
    ("Pemkot Bogor menjajaki kerja sama dengan Pemkab Cianjur di bidang pariwisata. Pertemuan digelar di "
     "Balai Kota Bogor, Jumat (7/3/2025).", "meeting", "pertemuan digelar"),
])
def test_missions_and_receptions_are_visits_and_gatherings_meetings(text, kind, cue):
    found, evidence, _ = classify(text)
    assert found == kind
    assert_evidence(text, evidence, cue)


@pytest.mark.parametrize("text, named", [
    # `antar daerah`, `lima pemerintah kota`: the other signatories named as a group, in the signing's sentence
    ("Pendopo Kabupaten Madiun menjadi tempat penandatanganan kerja sama antar daerah, Senin (6/3). "
     "Bupati Madiun menyambut Bupati Ngawi dan para bupati lainnya.", ["Kabupaten Madiun", "Bupati Ngawi"]),
    ("Pemkot Surabaya melakukan penandatanganan nota kesepahaman dengan lima pemerintah kota "
     "di Hotel Shangri-La, Kamis (4/9). Wali Kota Surabaya hadir bersama Wali Kota Malang.",
     ["Pemkot Surabaya", "Wali Kota Malang"]),
])
def test_a_signing_with_governments_named_as_a_group_needs_only_its_host_by_name(text, named):
    parties = [(name, text.index(name), text.index(name) + len(name)) for name in named]
    kind, evidence, _ = classify_event(annotate(text), "doc", parties)
    assert kind == "agreement"
    assert_evidence(text, evidence, "penandatanganan")


def test_a_signing_that_points_back_to_the_agreement_has_its_signatories_in_the_sentence_before():
    text = ("Pemkab Malang dan Pemkot Batu sepakat bekerja sama dalam pengelolaan sampah regional. "
            "Kesepakatan itu diteken di Pendopo Kabupaten Malang, Kamis (20/3/2025).")
    found = classify_event(annotate(text), "doc", spans_of(text, "Pemkab Malang", "Pemkot Batu"))
    assert found is not None and found.type == "agreement"
    assert_evidence(text, found.evidence, "diteken")
    # without the pointer back, the signing's own sentence must name its signatories
    plain = ("Pemkab Malang dan Pemkot Batu sepakat bekerja sama dalam pengelolaan sampah regional. "
             "Sebuah nota diteken di Pendopo, Kamis (20/3/2025).")
    found = classify_event(annotate(plain), "doc", spans_of(plain, "Pemkab Malang", "Pemkot Batu"))
    assert found is None or found.type != "agreement"


@pytest.mark.parametrize("text, kind", [
    ("Bupati Sleman menjamu delegasi Kota Gimhae, Korea Selatan, di Pendopo Rumah Dinas Bupati, Senin (3/6/2024).",
     "visit"),
    ("Pemerintah Kabupaten Banyumas sambangi Pemerintah Kota Salatiga untuk menimba ilmu soal pelayanan publik.",
     "visit"),
    ("Rombongan Pemkab Kutai Kartanegara kunjungi Pemkab Badung, Senin (22/7/2024).", "visit"),
    ("Wakil Bupati Gowa menghadiri pertemuan bilateral dengan Pemerintah Kota Makassar, Kamis (18/7/2024).",
     "meeting"),
    ("Pemprov Bali dan Pemprov NTB menggelar rapat penjajakan kerja sama pangan di Mataram, Rabu (5/2/2025).",
     "meeting"),
])
def test_headline_verbs_delegations_and_bilateral_meetings_are_cues(text, kind):
    assert classify(text).type == kind


@pytest.mark.parametrize("text, kind", [
    ("Pemkot Probolinggo dan Pemkab Lumajang teken PKS pengelolaan sampah, Rabu (4/9/2024).", "agreement"),
    ("Pemkab Lumajang dan Pemkot Probolinggo menjalin kesepakatan kerja sama pengelolaan sampah, Rabu (4/9/2024).",
     "agreement"),
    ("Pemkab Lumajang jalin kerja sama dengan Pemkot Probolinggo, Rabu (4/9/2024). Nota kesepakatan "
     "ditandatangani kedua kepala daerah di Pendopo Arya Wiraraja.", "agreement"),
    ("Wali Kota Probolinggo Habib Hadi bertolak ke Kabupaten Lumajang membahas kerja sama sampah, Rabu (4/9/2024).",
     "visit"),
    ("Sebanyak 20 ASN Pemkot Probolinggo melakukan benchmarking ke Pemkab Lumajang, Rabu (4/9/2024).", "visit"),
    ("Pemkab Lumajang melakukan studi lapangan ke Kota Probolinggo, Rabu (4/9/2024).", "visit"),
    ("Pemerintah Kabupaten Lumajang menjadi tuan rumah pertemuan dengan Pemerintah Kota Probolinggo, Rabu (4/9/2024).",
     "meeting"),
])
def test_signing_and_study_trip_phrasings_are_events_with_both_parties(text, kind):
    record = extract_from_text(text)
    assert record is not None and record.type == kind
    assert {p.name for p in record.parties} == {"Kabupaten Lumajang", "Kota Probolinggo"}


def test_a_regency_delegation_at_a_sports_week_is_no_visit():
    text = ("Delegasi Kabupaten Sleman meraih juara umum mengalahkan Kota Yogyakarta pada Pekan Olahraga "
            "Daerah DIY, Senin (3/6/2024).")
    assert extract_from_text(text) is None


def test_an_association_meeting_hosted_by_a_city_is_a_meeting():
    record = extract_from_text(
        "Padang - Pemerintah Kota Padang menjadi tuan rumah Rapat Komisariat Wilayah I APEKSI di Hotel "
        "Truntum, Rabu (23/7/2025). Tampak hadir Wali Kota Bukittinggi Zulfikar Erman dan Wali Kota "
        "Payakumbuh Yenni Marlina.")
    assert record is not None and record.type == "meeting"


@pytest.mark.parametrize("text", [
    "Pemkab Kendal Teken MoU dengan Investor Asal Guangxi, Konjen Tiongkok Turut Saksikan",
    "Bupati Kendal menandatangani MoU dengan PT Baja Makmur. Konsul Jenderal Tiongkok turut menyaksikan penandatanganan itu.",
    "Bupati Kendal menandatangani MoU dengan PT Baja Makmur. Turut menyaksikan, Konsul Jenderal Tiongkok di Surabaya.",
])
def test_a_witness_named_before_or_after_the_marker_is_no_signatory(text):
    assert extract_from_text(text) is None


def test_signatories_after_an_active_witness_still_sign():
    record = extract_from_text("Gubernur Jawa Tengah menyaksikan penandatanganan kesepakatan bersama antara "
                               "Pemkab Purworejo dan Pemkab Kulon Progo, Kamis (22/5/2025).")
    assert record is not None and {p.name for p in record.parties} == {"Kabupaten Purworejo", "Kabupaten Kulon Progo"}


def test_a_column_that_recalls_signings_reports_no_event():
    text = ("Kerja Sama Antardaerah: Jangan Berhenti di Seremoni\n\nOleh: Dr. Ridwan Hakim\n\n"
            "Kota Balikpapan dan Kabupaten Paser berulang kali meneken kesepakatan bersama soal air minum. "
            "Pertanyaannya, berapa banyak yang berjalan?\n\n"
            "*Penulis adalah dosen Administrasi Publik di Samarinda.")
    assert extract_from_text(text) is None
    assert extract_from_text(text.rsplit("\n\n", 1)[0]) is not None  # the same text as a report


def test_tourists_visits_are_no_governments_visit():
    text = ("MANGGAR - Pemkab Belitung Timur ingin belajar dari Pemkab Gianyar cara mengelola kunjungan wisatawan "
            "agar manfaatnya dirasakan warga desa.")
    assert extract_from_text(text) is None
    done = "Pemkab Belitung Timur melakukan kunjungan kerja ke Pemkab Gianyar, Rabu (2/10/2024)."
    assert extract_from_text(done).type == "visit"


def test_a_visit_pointed_back_to_after_a_plan_and_a_habit_are_no_event():
    text = ("MEDAN - Pemko Medan menyiapkan penyambutan delegasi Kota Gwangju, Korea Selatan, yang dijadwalkan "
            "berkunjung ke Medan bulan depan. Kunjungan tersebut dalam rangka peringatan hubungan sister city "
            "Medan-Gwangju. Selama ini kedua kota rutin saling berkunjung.")
    assert extract_from_text(text) is None
    done = ("MEDAN - Pemko Medan menerima kunjungan delegasi Kota Gwangju, Korea Selatan, Senin (9/9/2024). "
            "Kunjungan tersebut dalam rangka peringatan hubungan sister city Medan-Gwangju.")
    assert extract_from_text(done).type == "visit"


def test_regions_attending_a_meeting_the_nation_convenes_meet_no_one():
    text = ("JAKARTA - Bupati Brebes mengikuti Rapat Koordinasi Nasional Pengendalian Inflasi yang digelar "
            "Kementerian Dalam Negeri, Senin (9/12/2024). Dari Jawa Tengah tampak hadir Bupati Tegal dan Wali Kota "
            "Pekalongan. Kepala daerah lainnya mengikuti rakor melalui Zoom.\n"
            "Usai acara, Bupati Brebes meminta dinas terkait memantau harga beras.")
    assert extract_from_text(text) is None
    aside = text.replace("Usai acara,", "Di sela rakornas itu, Bupati Brebes dan Bupati Tegal menandatangani "
                                       "kesepakatan bersama pengelolaan air baku.\nUsai acara,")
    assert extract_from_text(aside).type == "agreement"


def test_a_witness_after_the_degree_that_ends_a_signatorys_name_is_no_signatory():
    text = ("Pemerintah Kabupaten Konawe Selatan dan Universitas Halu Oleo menandatangani nota kesepahaman, Senin "
            "(15/9/2025). MoU ditandatangani Bupati Konawe Selatan dan Rektor UHO, Prof. Dr. Andi Baso, M.Sc. "
            "Hadir menyaksikan Asisten Perekonomian Setda Provinsi Sulawesi Tenggara, Laode Munawir.")
    assert extract_from_text(text) is None
