"""Dates: `find_dates` and `extract_event_date` on hand-written Indonesian sentences."""
from datetime import date

import pytest

from pipeline.stages.extract_dates import extract_event_date, find_dates


def event_start(text: str, published: date | None = None) -> str | None:
    return extract_event_date(text, "doc", published)[0].start


# --------------------------------------------------------------------------- find_dates


def test_weekday_with_numeric_full_date():
    text = "Wali Kota Semarang menerima rombongan pada Kamis (24/7/2025) di Balai Kota."
    [mention] = find_dates(text)
    assert (mention.day, mention.month, mention.year) == (24, 7, 2025)
    assert mention.weekday == 3  # Kamis = Thursday
    assert text[mention.start:mention.end] == mention.text
    assert mention.text.startswith("Kamis (24/7/2025")
    assert mention.end_day is None and not mention.with_time


def test_weekday_with_day_and_month_only():
    [mention] = find_dates("Pertemuan berlangsung Rabu (07/08) di Balai Kota.")
    assert (mention.day, mention.month, mention.year, mention.weekday) == (7, 8, None, 2)


def test_textual_month_with_weekday_and_comma():
    text = "Penandatanganan dilakukan Senin, 19 Maret 2018 di Semarang."
    [mention] = find_dates(text)
    assert (mention.day, mention.month, mention.year, mention.weekday) == (19, 3, 2018, 0)
    assert mention.text == "Senin, 19 Maret 2018"


def test_textual_month_without_weekday():
    [mention] = find_dates("Kunjungan dilaksanakan pada 8 Agustus 2024 di Pendopo.")
    assert (mention.day, mention.month, mention.year, mention.weekday) == (8, 8, 2024, None)


def test_ranges_with_word_and_with_dash():
    for text, expected in [("Kunjungan kerja berlangsung 23 hingga 25 Juli 2025 di Izumisano.", "23 hingga 25 Juli 2025"),
                           ("Kunjungan kerja berlangsung 23–25 Juli 2025 di Izumisano.", "23–25 Juli 2025")]:
        [mention] = find_dates(text)
        assert mention.text == expected
        assert (mention.day, mention.end_day, mention.month, mention.year) == (23, 25, 7, 2025)


def test_header_time_stamp_is_marked_with_time():
    text = "Kompas.com - 03/06/2013, 11:36 WIB\nSEMARANG, KOMPAS.com - Rombongan tiba Kamis (30/5)."
    stamp, body = find_dates(text)
    assert (stamp.day, stamp.month, stamp.year, stamp.with_time) == (3, 6, 2013, True)
    assert (body.day, body.month, body.with_time) == (30, 5, False)


def test_invalid_calendar_dates_are_ignored():
    assert find_dates("Pertemuan 31/2/2024 dan Kamis (31/2) tidak ada.") == ()
    assert find_dates("Rapat pada 32/1/2024 atau 15/13/2024.") == ()
    [valid] = find_dates("Pertemuan pada 31/2 dibatalkan. Rapat lanjutan 5/3/2024.")
    assert (valid.day, valid.month, valid.year) == (5, 3, 2024)


def test_backwards_range_is_not_a_date():
    assert find_dates("Rombongan tiba 25 hingga 23 Juli 2025 di Balai Kota.") == ()


def test_mentions_come_in_text_order():
    text = "Pada Kamis (24/7/2025), dalam kunjungan 23 hingga 25 Juli 2025."
    mentions = find_dates(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [(m.day, m.end_day) for m in mentions] == [(24, None), (23, 25)]


# --------------------------------------------------------------------------- extract_event_date


def test_full_numeric_date_with_weekday():
    event, published = extract_event_date(
        "Wali Kota Semarang menerima rombongan Pemkab Banyuwangi, Kamis (24/7/2025).", "doc", date(2025, 7, 25))
    assert event.start == "2025-07-24"
    assert published == date(2025, 7, 25)
    assert event.evidence and event.evidence[0].doc_id == "doc"
    assert "24/7/2025" in event.evidence[0].text


def test_day_month_takes_year_from_publication_date():
    assert event_start("Pertemuan berlangsung Rabu (07/08) di Balai Kota.", date(2024, 8, 8)) == "2024-08-07"


def test_day_month_without_publication_date_stays_partial():
    event, published = extract_event_date("Pertemuan berlangsung Rabu (07/08) di Balai Kota.", "doc")
    assert event.start == "--08-07"
    assert published is None


def test_textual_dates():
    assert event_start("Penandatanganan dilakukan Senin, 19 Maret 2018 di Semarang.") == "2018-03-19"
    assert event_start("Kunjungan dilaksanakan pada 8 Agustus 2024 di Pendopo.") == "2024-08-08"


def test_range_keeps_span():
    for text in ("Kunjungan kerja berlangsung 23 hingga 25 Juli 2025 di Izumisano.",
                 "Kunjungan kerja berlangsung 23–25 Juli 2025 di Izumisano."):
        event, _ = extract_event_date(text, "doc")
        assert event.start == "2025-07-23"
        assert (event.span_start, event.span_end) == ("2025-07-23", "2025-07-25")


def test_weekday_date_inside_range_is_event_day_and_range_is_span():
    text = "Dalam kunjungan tiga hari (23-25 Juli 2025), penandatanganan dilakukan Kamis (24/7)."
    event, _ = extract_event_date(text, "doc", date(2025, 7, 26))
    assert event.start == "2025-07-24"
    assert event.end is None
    assert (event.span_start, event.span_end) == ("2025-07-23", "2025-07-25")
    texts = [e.text for e in event.evidence]
    assert any("24/7" in t for t in texts) and "23-25 Juli 2025" in texts


def test_range_without_year_takes_publication_year():
    event, _ = extract_event_date("Kunjungan berlangsung 23-25 Juli di Balai Kota.", "doc", date(2025, 7, 30))
    assert (event.start, event.span_start, event.span_end) == ("2025-07-23", "2025-07-23", "2025-07-25")


def test_year_contradicting_weekday_yields_to_publication_year():
    # 3 January 2023 was a Tuesday; 3 January 2024, the publication day, a Wednesday (Rabu).
    assert date(2024, 1, 3).weekday() == 2 and date(2023, 1, 3).weekday() != 2
    assert event_start("Rombongan tiba Rabu 3 Januari 2023 di Balai Kota.", date(2024, 1, 3)) == "2024-01-03"


def test_stated_year_kept_when_weekday_agrees_or_publication_year_does_not_help():
    # Selasa fits 3 Jan 2023: the stated year stands.
    assert event_start("Rombongan tiba Selasa 3 Januari 2023 di Balai Kota.", date(2024, 1, 3)) == "2023-01-03"
    # Jumat fits neither year: the stated year stands.
    assert event_start("Rombongan tiba Jumat 3 Januari 2023 di Balai Kota.", date(2024, 1, 3)) == "2023-01-03"
    # Without a publication date nothing can overrule the stated year.
    assert event_start("Rombongan tiba Rabu 3 Januari 2023 di Balai Kota.") == "2023-01-03"


def test_header_date_with_time_is_publication_date():
    text = ("Kompas.com - 03/06/2013, 11:36 WIB\n"
            "SEMARANG, KOMPAS.com - Wali Kota Semarang menerima rombongan Pemkab Banyuwangi, Kamis (30/5).")
    event, published = extract_event_date(text, "doc")
    assert published == date(2013, 6, 3)
    assert event.start == "2013-05-30"
    assert all("11:36" not in e.text for e in event.evidence)


def test_header_date_with_time_is_not_the_event_day_but_fills_in_when_body_has_none():
    text = ("Kompas.com - 03/06/2013, 11:36 WIB\n"
            "SEMARANG, KOMPAS.com - Wali Kota Semarang menerima rombongan pada 30 Mei di Balai Kota.")
    assert event_start(text) == "2013-05-30"
    no_body_date = "Kompas.com - 03/06/2013, 11:36 WIB\nSEMARANG - Wali Kota menerima rombongan di Balai Kota."
    assert event_start(no_body_date) == "2013-06-03"


def test_metadata_publication_date_wins_over_header():
    text = "Kompas.com - 03/06/2013, 11:36 WIB\nSEMARANG - Wali Kota menerima rombongan, Kamis (30/5)."
    event, published = extract_event_date(text, "doc", date(2014, 6, 3))
    assert published == date(2014, 6, 3)
    assert event.start == "2014-05-30"


def test_december_event_in_january_article_takes_previous_year():
    text = "Kedua kepala daerah bertemu Senin (30/12) di Balai Kota Semarang."
    assert event_start(text, date(2025, 1, 3)) == "2024-12-30"


def test_day_shortly_after_publication_keeps_publication_year():
    # Within a week after the publication day (an announced date a few days on), the year stays.
    assert event_start("Rombongan tiba Kamis (8/8) di Balai Kota.", date(2024, 8, 1)) == "2024-08-08"


def test_invalid_date_skipped_for_next_valid_one():
    text = "Pertemuan pada 31/2 dibatalkan. Rapat lanjutan digelar 5/3/2024 di Semarang, dihadiri dua daerah."
    assert event_start(text, date(2024, 3, 6)) == "2024-03-05"


def test_no_date_and_no_publication_date():
    event, published = extract_event_date("Wali Kota menerima rombongan di Balai Kota.", "doc")
    assert event.start is None
    assert event.evidence == []
    assert published is None


def test_no_date_falls_back_to_publication_date():
    event, published = extract_event_date("Wali Kota menerima rombongan di Balai Kota.", "doc", date(2024, 5, 6))
    assert event.start == "2024-05-06"
    assert published == date(2024, 5, 6)


def test_evidence_offsets_slice_the_text():
    text = ("SEMARANG - Pemkot Semarang menerima kunjungan kerja Pemkab Banyuwangi, Kamis (24/7/2025). "
            "Kunjungan berlangsung 23 hingga 25 Juli 2025.")
    event, _ = extract_event_date(text, "doc", date(2025, 7, 25))
    assert event.start == "2025-07-24"
    assert event.evidence
    for ev in event.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_date_stamp_line_is_publication_not_event_date():
    text = ("Senin, 19 Maret 2018\nSEMARANG - Wali Kota Semarang menerima rombongan Pemkab Banyuwangi "
            "pada Kamis (15/3) di Balai Kota.")
    event_date, published = extract_event_date(text, "doc")
    assert (event_date.start, published) == ("2018-03-15", date(2018, 3, 19))


def test_range_event_date_has_one_evidence():
    text = "Kunjungan kerja berlangsung 23 hingga 25 Juli 2025 di Izumisano, Jepang."
    event_date, _ = extract_event_date(text, "doc")
    assert (event_date.start, event_date.end) == ("2025-07-23", "2025-07-25")
    assert [e.text for e in event_date.evidence] == ["23 hingga 25 Juli 2025"]


def test_day_without_year_takes_the_year_of_a_full_date_of_that_month_in_the_text():
    text = "Kunjungan berlangsung 23 hingga 25 Juli 2025. Pada Rabu (23/7) rombongan tiba di Badung."
    event_date, _ = extract_event_date(text, "doc")
    assert (event_date.start, event_date.span_start, event_date.span_end) == ("2025-07-23", "2025-07-23", "2025-07-25")


def test_kemarin_is_the_day_before_publication_when_no_date_is_written():
    text = "Delegasi Toowoomba bertemu jajaran Pemerintah Kota Balikpapan di balai kota, kemarin."
    event_date, _ = extract_event_date(text, "doc", date(2025, 3, 18))
    assert event_date.start == "2025-03-17"
    assert [e.text for e in event_date.evidence] == ["kemarin"]


def test_a_past_weekday_is_the_last_such_day_before_publication():
    text = "Bupati Kendal menerima kunjungan Bupati Batang di Pendopo Kendal, Jumat lalu."
    event_date, _ = extract_event_date(text, "doc", date(2025, 3, 3))  # a Monday
    assert event_date.start == "2025-02-28"
    assert [e.text for e in event_date.evidence] == ["Jumat lalu"]
    # published on a Friday, "Jumat kemarin" is a week before, not the day before
    event_date, _ = extract_event_date(text.replace("Jumat lalu", "Jumat kemarin"), "doc", date(2025, 3, 7))
    assert event_date.start == "2025-02-28"
    assert extract_event_date(text, "doc")[0].start is None  # nothing to count back from


def test_date_stamp_followed_by_page_furniture_is_the_publication_date():
    text = ("Pemkab Musi Banyuasin Studi Banding ke Kulon Progo\n\nRabu, 05 Juni 2024 | Humas | 1.032 kali\n\n"
            "WATES – Pada hari kedua, Selasa (4/6/2024), rombongan diterima Wakil Bupati Kulon Progo.")
    event_date, published = extract_event_date(text, "doc")
    assert (event_date.start, published) == ("2024-06-04", date(2024, 6, 5))


@pytest.mark.parametrize("text, day", [
    ("Rabu, 25 Juni 2025    Beranda   Profil   Berita   Galeri   Kontak\nPemprov NTT dan NTB Rapat Virtual\n\n"
     "KUPANG – Pemprov NTT dan Pemprov NTB menggelar rapat secara virtual, Senin (23/6/2025).", "2025-06-23"),
    ("Beranda / Berita Kudus Jadi Rujukan Diunggah pada Rabu, 5 Maret 2025 | Dibaca 87 kali\n\n"
     "KUDUS – Pemkab Kudus menerima rombongan Pemkab Hulu Sungai Tengah, Selasa (4/3/2025).", "2025-03-04"),
])
def test_a_page_stamp_among_menu_words_or_after_posting_words_is_not_the_event_day(text, day):
    assert extract_event_date(text, "doc")[0].start == day


def test_the_articles_own_time_stamp_gives_the_year_not_the_site_headers_date():
    text = ("Jumat, 14 Februari 2025\nKABAR SOLO\nHome | Solo | Sragen | Bisnis\n\n"
            "Pemkab Blora Studi Banding ke Sragen\n\nRabu, 6 November 2024 | 10:15 WIB\n\n"
            "SRAGEN – Rombongan Pemkab Blora melakukan studi banding ke Pemkab Sragen, Selasa (5/11).")
    assert extract_event_date(text, "doc")[0].start == "2024-11-05"
    assert extract_event_date(text, "doc")[1] == date(2024, 11, 6)


def test_a_date_with_only_a_menu_after_it_is_a_stamp_on_a_joined_header_line():
    text = ("Lord Mayor Darwin ke Ambon, Sister City Dihidupkan Lagi SIWALIMA NEWS Home | Ambon | Opini "
            "Senin, 15 September 2025 | Login | Langganan E-Paper\n\n"
            "AMBON - Wali Kota Ambon menerima Lord Mayor Darwin, Jumat (8/8).")
    assert extract_event_date(text, "doc")[0].start == "2025-08-08"


def test_a_weekday_of_last_week_counts_back_from_publication():
    text = "Timika - Pemkab Mimika melakukan kunjungan kerja ke Pemkab Badung, Kamis pekan lalu."
    assert event_start(text, date(2025, 7, 14)) == "2025-07-10"  # a Monday: the Thursday four days before
    assert event_start(text, date(2025, 7, 18)) == "2025-07-10"  # a Friday: not yesterday, a week earlier
    assert event_start("Pemkab Mimika berkunjung ke Pemkab Badung, Kamis lalu.", date(2025, 7, 18)) == "2025-07-17"


def test_a_weekday_counted_back_told_before_a_dated_day_is_the_event_day():
    text = ("Bupati Kobar menyambangi Kantor Wali Kota Padang pada Kamis lalu. “Kami berdiskusi soal sampah,” "
            "ungkap bupati di sela aktivitasnya, Senin (4/3/2019).")
    assert event_start(text, date(2019, 3, 4)) == "2019-02-28"
    dated_first = "Bupati Kobar berkunjung ke Padang, Senin (25/2/2019). Kamis lalu ia ke Solok."
    assert event_start(dated_first, date(2019, 3, 4)) == "2019-02-25"


def test_a_day_told_with_a_plan_is_not_the_event_day():
    text = ("Kesepakatan ditandatangani Gubernur Bengkulu dan Gubernur Jambi di Bengkulu, Rabu. Usai penandatanganan, "
            "rombongan dijadwalkan meninjau pelabuhan Pulau Baai, Kamis (9/4).")
    event_date, _ = extract_event_date(text, "doc", published=date(2026, 4, 8))
    assert event_date.start == "2026-04-08"
