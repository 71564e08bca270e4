"""Clean: page furniture dropped, article sentences kept, hard wraps mended, and idempotent."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.clean import clean_text, is_boilerplate
from pipeline.knowledge import load_data

LEAD = "Pemerintah Kota Bekasi menerima kunjungan resmi Pemerintah Kota Izumisano, Jepang, Kamis (24/7/2025)."
QUOTE = "“Kami ingin Kota Bekasi terus belajar dan berkembang bersama kota-kota lain di dunia,” ujar Tri Adhianto."


BOILERPLATE_LINES = [
    "Scroll untuk baca artikel",
    "BACA JUGA:Persempit Peredaran Uang Palsu Jelang Pemilu, Ini yang Sudah Dilakukan BI",
    "BACA JUGA :  Kota Bekasi Jadi Tuan Rumah IMAG I 2023, Tri Adhianto: Ini Jadi Pemanasan",
    "Baca Juga : Menparekraf RI Sandiaga Uno Sambangi Kampus UPB Pontianak, Ada Apa?",
    "Baca juga: Personel Pos Pam Singkawang Grand Mall Laksanakan Patroli dengan Jalan Kaki",
    "Berita Terkait: Bupati Kulon Progo Lepas Ekspor Gula Semut ke Belanda",
    "Artikel terkait : Wali Kota Blitar Resmikan Pasar Legi",
    "GESER UNTUK BACA BERITA",
    "Sebarkan artikel ini",
    "Share",
    "Bagikan",
    "Follow Berita Okezone di Google News",
    "Silakan baca konten menarik lainnya dari GenPI.co di Google News",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    "Simak breaking",
    "Baca berita tanpa iklan. Gabung Kompas.com+",
    "Baca koranmediasi.com untuk mendapatkan berita aktual, baik lokal maupun nasional.",
    "![]() |",
    "(foto : ist)",
    "(Foto: Adriana Megawati)",
    "ist",
    "Foto: Prokopim",
    "Berita Sebelumnya",
    "Berita Selanjutnya",
    "Tags",
    "Tags: Pemkot Bekasi, Izumisano, kerja sama",
    "Terkait",
    "Pos terkait",
    "Terkini",
    "Terpopuler",
    "Artikel Pilihan",
    "Halaman:",
    "Halaman 2",
    "Tinggalkan Balasan",
    "Komentar",
    "0 Komentar",
    "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
    "Situs ini menggunakan Akismet untuk mengurangi spam. Pelajari bagaimana data komentar Anda diproses.",
    "Copy and paste this URL into your WordPress site to embed",
    "Copy and paste this code into your site to embed",
    "×",
    "x",
    "Penulis: Rizki Kurnia | Editor: Try Juliansyah",
    "Editor: Nowo Sarwidi, S.Pd",
    "   Share   ",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_line_is_dropped_and_the_article_stays(line):
    text = f"{LEAD}\n{line}\n{QUOTE}"

    assert clean_text(text) == f"{LEAD}\n\n{QUOTE}"


ARTICLE_LINES = [
    LEAD,
    QUOTE,
    # A caption is article text (it names who met whom); only a bare credit is dropped.
    "Foto bersama jajaran Pemkot Pontianak dan Pemkot Magelang beserta awak media, Selasa (31/1). Foto: Prokopim",
    "Foto: Wali Kota Bekasi Tri Adhianto menerima cendera mata dari Wakil Wali Kota Izumisano.",
    "Gubernur Lampung menyambut kedatangan Ganjar Pranowo di Mahan Agung. (foto : ist)",
    "Senin, 19 Maret 2018 Reporter: Adriana Megawati Editor: Andry 2276",
    "Kompas.com - 03/06/2013, 11:36 WIB",
    "Kedua kota membahas kerja sama terkait pengelolaan sampah dan pariwisata.",
    "Share kerja sama ini diharapkan terus meningkat, kata Bupati.",
    "Komentar Wali Kota Malang soal kerja sama itu positif.",
    "Baca juga artikel kerja sama sebelumnya di laman resmi Pemkot.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_line_is_kept(line):
    assert not is_boilerplate(line)
    assert clean_text(line) == line


def test_real_page_furniture_is_removed():
    page = """Scroll untuk baca artikel
Zona Bekasi

Bekasi Terima Kunjungan Kota Izumisano

×

Sebarkan artikel ini
KOTA BEKASI – Pemerintah Kota Bekasi menyambut Wakil Wali Kota Izumisano, Kuniaki Nishinou.

GESER UNTUK BACA BERITA
GESER UNTUK BACA BERITA

Pertemuan berlangsung di Kantor Pemerintah Kota Bekasi, Kamis (24/7).

BACA JUGA :  Dukung Pembekuan Worldcoin, Mas Tri Ingatkan Tak Sembarang Menyerahkan Data Pribadi

Silakan baca konten menarik lainnya dari GenPI.co di Google News

Berita Sebelumnya
Berita Selanjutnya

Pos terkait

Tinggalkan Balasan

Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *
"""
    assert clean_text(page) == (
        "Zona Bekasi\n"
        "\n"
        "Bekasi Terima Kunjungan Kota Izumisano\n"
        "\n"
        "KOTA BEKASI – Pemerintah Kota Bekasi menyambut Wakil Wali Kota Izumisano, Kuniaki Nishinou.\n"
        "\n"
        "Pertemuan berlangsung di Kantor Pemerintah Kota Bekasi, Kamis (24/7)."
    )


def test_dropped_line_is_not_bridged_by_a_join():
    # Without the teaser between them the two lines would be mended (lower-case continuation).
    text = "Pemerintah Kota Serang\nBaca juga: Kunjungan ke Bandung\nditerima oleh Wakil Wali Kota Bandung."

    assert clean_text(text) == "Pemerintah Kota Serang\n\nditerima oleh Wakil Wali Kota Bandung."


# --- hard wraps ------------------------------------------------------------------------------

WRAPPED_AT_60 = """Rombongan Pemerintah Kota Serang
diterima oleh Wakil Wali Kota Bandung, H. Erwin, bersama para pejabat stuktural
di lingkungan Pemerintahan Kota Bandung.
Dalam kunjungan kerjanya, Pemerintah
Kota Serang berdiskusi terkait pengelolaan digitalisasi dan media, pengelolaann
UMKM, pengembangan sektor pariwisata, serta pengelolaan sampah di Kota Bandung.
"Kota Bandung tentunya sangat
terbuka menerima terhadap pemerintahan kabupaten/kota di Indonesia, untuk
melihat bagaimana permasalahan yang ada di Kota Bandung dan bagaimana
solusinya," ujarnya."""


def test_paragraph_wrapped_at_a_fixed_width_is_mended():
    assert clean_text(WRAPPED_AT_60) == (
        "Rombongan Pemerintah Kota Serang diterima oleh Wakil Wali Kota Bandung, H. Erwin, bersama para "
        "pejabat stuktural di lingkungan Pemerintahan Kota Bandung.\n"
        "Dalam kunjungan kerjanya, Pemerintah Kota Serang berdiskusi terkait pengelolaan digitalisasi dan "
        "media, pengelolaann UMKM, pengembangan sektor pariwisata, serta pengelolaan sampah di Kota Bandung.\n"
        "\"Kota Bandung tentunya sangat terbuka menerima terhadap pemerintahan kabupaten/kota di Indonesia, "
        "untuk melihat bagaimana permasalahan yang ada di Kota Bandung dan bagaimana solusinya,\" ujarnya."
    )


def test_line_broken_before_a_lower_case_word_is_joined():
    text = (
        '"Kami belum pernah sekalipun kunker ke\n'
        'luar negeri karena sulit," ujar Ketua DPRD Kabupaten Purbalingga, Tongat, di Gedung DPRD DKI Jakarta.'
    )
    assert clean_text(text) == (
        '"Kami belum pernah sekalipun kunker ke luar negeri karena sulit," ujar Ketua DPRD Kabupaten '
        "Purbalingga, Tongat, di Gedung DPRD DKI Jakarta."
    )


def test_headline_followed_by_a_blank_line_stays_its_own_line():
    text = f"Pemkab Mukomuko Kunjungi Bojonegoro Untuk Studi Banding\n\n{LEAD}"

    assert clean_text(text) == text


def test_headline_directly_above_long_paragraphs_is_not_joined():
    text = (
        "Kota Malang Masuk Usulan Jadi Kota Metropolitan\n"
        "MALANGVOICE- Kota Malang menjadi salah satu kota yang diusulkan menjadi kota metropolitan oleh "
        "pemerintah pusat.\n"
        "Wali Kota Malang, Wahyu Hidayat mengatakan sudah memerintahkan Sekda dan Kepala DPUPR-PKP untuk "
        "menjemput bola."
    )
    assert clean_text(text) == text


def test_bullets_stay_separate_lines():
    text = (
        "Sembilan sektor yang dibahas meliputi:\n"
        "\n"
        "  • Pendidikan (pertukaran pelajar dan guru)\n"
        "  • Transit-Oriented Development (TOD) – meski stasiun KRL masih ramai\n"
        "  • Budaya dan pariwisata bersama Kota Izumisano di Jepang\n"
        "  • Perdagangan dan ekonomi kreatif untuk pelaku UMKM Bekasi\n"
        "  • Pengelolaan limbah cair\n"
        "Tri Adhianto menyambut baik langkah ini."
    )
    assert clean_text(text) == text


def test_blank_runs_collapse_and_trailing_spaces_go():
    text = f"\n\n{LEAD}   \n\n\n\n{QUOTE}\t\n\n\n"

    assert clean_text(text) == f"{LEAD}\n\n{QUOTE}"


def test_carriage_returns_are_line_breaks():
    assert clean_text(f"{LEAD}\r\nShare\r\n{QUOTE}") == f"{LEAD}\n\n{QUOTE}"


# --- idempotence -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    WRAPPED_AT_60,
    "\n".join([LEAD, *BOILERPLATE_LINES, QUOTE]),
    # Two mended lines that start like a teaser: the second pass must have nothing left to do.
    "Baca\njuga: Pemkot Bekasi dan Izumisano\n" + LEAD,
    "Pemerintah\nkota\nserang\nberkunjung",
])
def test_cleaning_twice_changes_nothing(text):
    once = clean_text(text)

    assert clean_text(once) == once


FRAGMENTS = st.sampled_from([
    "", " ", "\n", "\n\n", "\r\n", "\t", ".", ",", ":", "”", "•", "  • ", "- ", "1. ", "a) ", "|",
    "Share", "BACA JUGA:", "Baca juga", "Halaman", "×", "x", "(foto : ist)", "![]() |", "Foto:",
    "Pemerintah Kota Serang", "diterima oleh Wakil Wali Kota Bandung", "kerja sama", "Google News",
    "di lingkungan Pemerintahan Kota Bandung.", "Komentar", "Tags", "Terkait", "ist",
])
PAGE_LIKE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), PAGE_LIKE_TEXT))
def test_clean_text_never_raises_and_is_idempotent(text):
    once = clean_text(text)

    assert isinstance(once, str)
    assert clean_text(once) == once


# --- the marker data -------------------------------------------------------------------------


def test_boilerplate_patterns_have_no_nested_repetition():
    repeated_group = re.compile(r"\([^()]*[*+][^()]*\)(?:[*+]|\{\d*,\})")
    for pattern in load_data("boilerplate")["line_patterns"]:
        re.compile(pattern)
        assert not repeated_group.search(pattern), pattern


def test_links_listed_under_a_baca_juga_header_go_with_it():
    text = ("Kesepakatan ditargetkan ditandatangani pada April.\n\nBACA JUGA:\n- Harga Jagung di Jeneponto Anjlok\n"
            "- Bupati Bantaeng Resmikan Pasar\n\nShare: FB | WA")
    cleaned = clean_text(text)
    assert "Jeneponto" not in cleaned and "Bantaeng" not in cleaned
    assert cleaned.startswith("Kesepakatan ditargetkan")


def test_a_list_in_the_article_itself_stays():
    text = "Sembilan sektor yang dibahas meliputi:\n  • Pendidikan\n  • Pariwisata"
    assert clean_text(text) == text


def test_unbulleted_related_headlines_under_a_header_go_up_to_the_article_text():
    text = ("Bupati Jonius menyampaikan terima kasih.\n\nBerita Terkait:\nPemkab Samosir dan Pemkab Humbang Bahas "
            "Batas Wilayah\nWali Kota Pematangsiantar Terima Kunjungan DPRD Simalungun\n\nSumber: Humas Pemkab Toba.")
    cleaned = clean_text(text)
    assert "Samosir" not in cleaned and "Simalungun" not in cleaned
    assert cleaned.endswith("Sumber: Humas Pemkab Toba.")
