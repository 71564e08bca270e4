"""Ingest: every format read into Articles, and every bad file reported instead of raised."""
from __future__ import annotations

import errno
import json
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from pipeline.stages.ingest import iter_articles, list_input_files, read_file

BEKASI_TEXT = (
    "Pemerintah Kota Bekasi menerima kunjungan resmi Pemerintah Kota Izumisano, Perfektur Osaka, "
    "Jepang, Kamis (24/7/2025).\n"
    "Kunjungan ini dipimpin langsung Wakil Wali Kota Izumisano, Kuniaki Nishinou.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Pemkot Bekasi Terima Kunjungan Izumisano</title>
<link rel="canonical" href="https://bekasikota.go.id/berita/izumisano">
<meta property="article:published_time" content="2025-07-24T10:00:00+07:00">
<script>var rahasia = "skrip tidak boleh tampil"; document.write("iklan sembulan");</script>
<style>.menu { color: red; }</style>
</head><body>
<nav><ul>
<li><a href="/">Beranda</a></li><li><a href="/berita">Indeks Berita</a></li>
<li><a href="/profil">Profil Kota</a></li><li><a href="/kontak">Hubungi Kami</a></li>
</ul></nav>
<article>
<h1>Pemkot Bekasi Terima Kunjungan Izumisano</h1>
<p>Pemerintah Kota Bekasi menerima kunjungan resmi Pemerintah Kota Izumisano, Perfektur Osaka,
Jepang, pada Kamis (24/7/2025) di Kantor Wali Kota Bekasi.</p>
<script>trackPageView("skrip pelacak artikel");</script>
<p>Kunjungan dipimpin Wakil Wali Kota Izumisano, Kuniaki Nishinou, dan disambut langsung oleh
Wali Kota Bekasi, Tri Adhianto, beserta jajaran perangkat daerah.</p>
<p>Kedua pihak menjajaki kerja sama di bidang pengelolaan limbah, pendidikan, ketenagakerjaan,
dan pariwisata.</p>
</article>
<footer><p>Hak cipta 2025 Pemerintah Kota Bekasi</p></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain text and encodings -------------------------------------------------------------


def test_txt_file_gives_one_article_named_by_its_file(tmp_path):
    path = write(tmp_path / "000_e03d2eb86fb04af8.txt", BEKASI_TEXT)

    articles, report = read_file(path)

    assert report.status == "ok"
    assert report.path == str(path)
    assert report.doc_id == "000_e03d2eb86fb04af8"
    assert [a.doc_id for a in articles] == ["000_e03d2eb86fb04af8"]
    assert articles[0].text == BEKASI_TEXT
    assert articles[0].path == str(path)
    assert articles[0].url is None and articles[0].published is None and articles[0].title is None


def test_only_the_final_extension_is_stripped_from_the_doc_id(tmp_path):
    articles, report = read_file(write(tmp_path / "x.tar.html", HTML_PAGE))

    assert report.doc_id == "x.tar"
    assert articles[0].doc_id == "x.tar"


def test_cp1252_file_is_decoded_right(tmp_path):
    sentence = "Pemerintah Kota Bekasi menerima kunjungan — “kerja sama” dengan Kota Izumisano."
    path = write(tmp_path / "cp1252.txt", sentence.encode("cp1252"))

    articles, report = read_file(path)

    assert report.status == "ok"
    assert articles[0].text == sentence


def test_latin1_file_is_decoded_right(tmp_path):
    sentence = "Delegasi kafé Izumisano menerima cinderamata dari Wali Kota Bekasi."
    path = write(tmp_path / "latin1.txt", sentence.encode("latin-1"))

    articles, _ = read_file(path)

    assert articles[0].text == sentence


def test_utf8_bom_is_stripped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + BEKASI_TEXT.encode("utf-8"))

    articles, report = read_file(path)

    assert report.status == "ok"
    assert articles[0].text == BEKASI_TEXT
    assert not articles[0].text.startswith("\ufeff")


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = write(tmp_path / "utf16.txt", BEKASI_TEXT.encode("utf-16"))

    articles, report = read_file(path)

    assert report.status == "ok"
    assert articles[0].text == BEKASI_TEXT


def test_newlines_and_unicode_are_normalised(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Kafé Bekasi")
    path = write(tmp_path / "crlf.txt", f"{decomposed}\r\nBaris kedua.\rBaris ketiga.\r\n".encode("utf-8"))

    articles, _ = read_file(path)

    assert articles[0].text == "Kafé Bekasi\nBaris kedua.\nBaris ketiga.\n"
    assert unicodedata.is_normalized("NFC", articles[0].text)


# --- files that are skipped or fail ---------------------------------------------------------


def test_empty_file_is_skipped(tmp_path):
    articles, report = read_file(write(tmp_path / "kosong.txt", b""))

    assert articles == []
    assert report.status == "skipped"
    assert "empty" in report.reason
    assert report.doc_id == "kosong"


def test_whitespace_only_file_is_skipped_as_no_text(tmp_path):
    articles, report = read_file(write(tmp_path / "spasi.txt", "  \n\t\n"))

    assert articles == []
    assert report.status == "skipped"
    assert "No article text" in report.reason


def test_binary_txt_is_skipped(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    articles, report = read_file(write(tmp_path / "gambar.txt", png))

    assert articles == []
    assert report.status == "skipped"
    assert "binary" in report.reason


def test_oversized_file_is_skipped(tmp_path):
    path = write(tmp_path / "besar.txt", BEKASI_TEXT * 10)

    articles, report = read_file(path, max_bytes=100)

    assert articles == []
    assert report.status == "skipped"
    assert "over the limit of 100 bytes" in report.reason


def _file_grown_since_fstat(monkeypatch, size_at_fstat: int) -> None:
    """`os.fstat` reports the file at `size_at_fstat` bytes, as if it grew before it was read."""
    real_fstat = os.fstat

    def earlier_fstat(handle):
        info = real_fstat(handle)
        return os.stat_result((*info[:6], size_at_fstat, *info[7:]))
    monkeypatch.setattr(os, "fstat", earlier_fstat)


def test_a_file_that_grew_since_fstat_is_read_whole(tmp_path, monkeypatch):
    path = write(tmp_path / "tumbuh.txt", BEKASI_TEXT)
    _file_grown_since_fstat(monkeypatch, 10)

    articles, report = read_file(path)

    assert report.status == "ok" and articles[0].text.startswith(BEKASI_TEXT.strip()[:40])


def test_a_file_that_grew_past_the_limit_while_read_is_skipped(tmp_path, monkeypatch):
    path = write(tmp_path / "tumbuh_besar.txt", BEKASI_TEXT * 10)
    _file_grown_since_fstat(monkeypatch, 10)

    articles, report = read_file(path, max_bytes=100)

    assert articles == [] and report.status == "skipped"
    assert "grew past the limit of 100 bytes" in report.reason


def test_unexpected_failure_is_an_error_report_not_an_exception(tmp_path, monkeypatch):
    path = write(tmp_path / "rusak_di_disk.txt", BEKASI_TEXT)

    def failing_open(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "open", failing_open)

    articles, report = read_file(path)

    assert articles == []
    assert report.status == "error"
    assert report.reason == "Reading failed with OSError: [Errno 5] Input/output error"


def test_entries_that_are_not_regular_files_are_skipped_with_what_they_are(tmp_path):
    folder = tmp_path / "bukan_berkas.txt"
    folder.mkdir()
    pipe = tmp_path / "pipa.txt"
    os.mkfifo(pipe)  # opening a pipe for reading would wait for a writer forever
    dangling = tmp_path / "putus.txt"
    os.symlink(tmp_path / "tidak_ada.txt", dangling)
    looping = tmp_path / "putar.txt"
    os.symlink(looping, looping)

    reasons = {path.name: read_file(path)[1] for path in (folder, pipe, dangling, looping)}

    assert {report.status for report in reasons.values()} == {"skipped"}
    assert "not a regular file" in reasons["bukan_berkas.txt"].reason
    assert "not a regular file" in reasons["pipa.txt"].reason
    assert "does not exist" in reasons["putus.txt"].reason
    assert "loops back on itself" in reasons["putar.txt"].reason


def test_a_file_gone_since_it_was_listed_is_skipped(tmp_path):
    articles, report = read_file(tmp_path / "hilang.txt")

    assert (articles, report.status) == ([], "skipped")
    assert report.reason.startswith("The file disappeared before it could be read")


def test_sidecar_over_its_size_limit_is_ignored_with_a_note(tmp_path):
    write(tmp_path / "d05.txt", BEKASI_TEXT)
    write(tmp_path / "d05.meta.json", '{"title": "' + "x" * 1_100_000 + '"}')

    articles, report = read_file(tmp_path / "d05.txt")

    assert report.status == "ok" and articles[0].title is None
    assert "The sidecar d05.meta.json was ignored" in report.reason and "over the limit" in report.reason


# --- Markdown and HTML -----------------------------------------------------------------------


def test_markdown_keeps_the_words_without_the_markup(tmp_path):
    markdown = (
        "# Pemkot Bekasi Jalin Kerja Sama dengan Pemkot Malang\n\n"
        "![Foto penandatanganan](https://prolite.id/foto.jpg)\n"
        "**KOTA MALANG, Prolite** – Pemerintah Kota Bekasi menjalin kerja sama dengan "
        "[Pemerintah Kota Malang](https://malangkota.go.id).\n\n"
        "## Dokumentasi\n"
    )
    articles, _ = read_file(write(tmp_path / "004.md", markdown))

    assert articles[0].text == (
        "Pemkot Bekasi Jalin Kerja Sama dengan Pemkot Malang\n\n"
        "\n"
        "KOTA MALANG, Prolite – Pemerintah Kota Bekasi menjalin kerja sama dengan "
        "Pemerintah Kota Malang.\n\n"
        "Dokumentasi\n"
    )


def test_html_gives_main_text_and_metadata_without_script_or_menu(tmp_path):
    articles, report = read_file(write(tmp_path / "izumisano.html", HTML_PAGE))

    assert report.status == "ok"
    text = articles[0].text
    assert "menerima kunjungan resmi Pemerintah Kota Izumisano" in text
    assert "Kedua pihak menjajaki kerja sama" in text
    for unwanted in ("skrip", "rahasia", "iklan sembulan", "color: red", "Beranda", "Hubungi Kami"):
        assert unwanted not in text
    assert articles[0].title == "Pemkot Bekasi Terima Kunjungan Izumisano"
    assert articles[0].url == "https://bekasikota.go.id/berita/izumisano"
    assert articles[0].published == date(2025, 7, 24)


def test_html_fragment_too_small_for_trafilatura_still_gives_its_text(tmp_path):
    fragment = "<div>Wali Kota Palu menerima kunjungan Pemkab Minsel.</div><script>alert('skrip')</script>"
    articles, report = read_file(write(tmp_path / "kecil.htm", fragment))

    assert report.status == "ok"
    assert "Wali Kota Palu menerima kunjungan Pemkab Minsel." in articles[0].text
    assert "skrip" not in articles[0].text


def test_html_without_text_is_skipped(tmp_path):
    articles, report = read_file(write(tmp_path / "kosong.html", "<html><body><script>x()</script></body></html>"))

    assert articles == []
    assert report.status == "skipped"


# --- JSON and JSON Lines ---------------------------------------------------------------------


def test_json_object_with_content_url_and_date(tmp_path):
    record = {
        "judul": "Pemkab Pulang Pisau Teken MoU dengan Pemkab Kapuas",
        "link": "https://kalteng.example.id/mou-kapuas",
        "date": "2023-01-03T09:30:00+07:00",
        "content": "Pemerintah Kabupaten Pulang Pisau menandatangani kesepakatan bersama dengan Pemkab Kapuas.",
    }
    articles, report = read_file(write(tmp_path / "b11.json", json.dumps(record)))

    assert report.status == "ok"
    assert report.doc_id == "b11"
    [article] = articles
    assert article.doc_id == "b11"
    assert article.text == record["content"]
    assert article.url == "https://kalteng.example.id/mou-kapuas"
    assert article.published == date(2023, 1, 3)
    assert article.title == "Pemkab Pulang Pisau Teken MoU dengan Pemkab Kapuas"


def test_json_field_order_follows_the_data_file(tmp_path):
    # `text` comes before `body` in ingest_fields.json; an empty `text` does not count as present.
    record = {"body": "Isi dari body.", "text": "  ", "published": "2025-07-24", "tanggal": "2020-01-01"}
    articles, _ = read_file(write(tmp_path / "urutan.json", json.dumps(record)))

    assert articles[0].text == "Isi dari body."
    assert articles[0].published == date(2025, 7, 24)


def test_unparseable_date_becomes_none(tmp_path):
    record = {"isi": "Bupati Kukar membuka FGD kerja sama daerah.", "tanggal": "Jumat, 20 Oktober 2023"}
    articles, report = read_file(write(tmp_path / "b24.json", json.dumps(record)))

    assert report.status == "ok"
    assert articles[0].published is None


def test_json_list_names_articles_by_id_or_number(tmp_path):
    records = [
        {"id": "palu-minsel", "text": "Wali Kota Palu menerima kunjungan Pemkab Minahasa Selatan."},
        {"text": "Pemkab Mukomuko berkunjung ke Bojonegoro untuk studi banding."},
        {"title": "Tanpa isi"},
    ]
    articles, report = read_file(write(tmp_path / "kumpulan.json", json.dumps(records)))

    assert [a.doc_id for a in articles] == ["palu-minsel", "kumpulan-2"]
    assert report.doc_id == "palu-minsel"
    assert report.status == "ok"
    assert "1 of 3 items had no text." in report.reason


def test_invalid_json_file_is_skipped(tmp_path):
    articles, report = read_file(write(tmp_path / "rusak.json", '{"text": "Bupati Indramayu'))

    assert articles == []
    assert report.status == "skipped"
    assert "not valid JSON" in report.reason


def test_jsonl_keeps_good_lines_and_counts_the_broken_one(tmp_path):
    lines = [
        json.dumps({"text": "Pj Wali Kota Singkawang menerima rombongan Wali Kota Magelang.", "url": "https://a.id/1"}),
        '{"text": "Pemkot Pontianak menerima lawatan Majlis Daerah Tuaran", ',
        "",
        json.dumps({"id": 77, "article": "Bupati Purbalingga dan Wali Kota Tono City bertemu secara daring."}),
    ]
    articles, report = read_file(write(tmp_path / "berita.jsonl", "\n".join(lines) + "\n"))

    assert report.status == "ok"
    assert [a.doc_id for a in articles] == ["berita-1", "77"]
    assert articles[0].url == "https://a.id/1"
    assert articles[1].text.startswith("Bupati Purbalingga")
    assert "1 of 3 lines was not valid JSON." in report.reason


def test_jsonl_with_only_broken_lines_is_skipped_with_the_count(tmp_path):
    articles, report = read_file(write(tmp_path / "rusak.jsonl", "{tidak json\n[1, 2\n"))

    assert articles == []
    assert report.status == "skipped"
    assert "2 of 2 lines were not valid JSON." in report.reason


# --- sidecar metadata ------------------------------------------------------------------------


def test_sidecar_metadata_wins_over_the_file_own(tmp_path):
    write(tmp_path / "izumisano.meta.json", json.dumps({
        "url": "https://mediasi.example.com/izumisano",
        "published": "2025-07-25",
        "title": None,
    }))
    articles, report = read_file(write(tmp_path / "izumisano.html", HTML_PAGE))

    assert report.status == "ok"
    assert report.reason == ""
    assert articles[0].url == "https://mediasi.example.com/izumisano"
    assert articles[0].published == date(2025, 7, 25)
    # A null in the sidecar means "not known": the page's own title stays.
    assert articles[0].title == "Pemkot Bekasi Terima Kunjungan Izumisano"


def test_sidecar_gives_metadata_to_a_plain_text_file(tmp_path):
    write(tmp_path / "b05.meta.json", json.dumps({
        "url": "https://radarcirebon.disway.id/read/152460/kunci-bersama",
        "published": None,
        "title": "Ketua Satker Kunci Bersama Ajak Indramayu Gabung",
    }))
    articles, _ = read_file(write(tmp_path / "b05.txt", BEKASI_TEXT))

    assert articles[0].url == "https://radarcirebon.disway.id/read/152460/kunci-bersama"
    assert articles[0].published is None
    assert articles[0].title == "Ketua Satker Kunci Bersama Ajak Indramayu Gabung"


def test_malformed_sidecar_is_ignored_with_a_note(tmp_path):
    write(tmp_path / "c06.meta.json", '{"url": "https://sonora.id/pontianak", ')
    record = {"text": "Wali Kota Pontianak menerima lawatan Majlis Daerah Tuaran.", "url": "https://asli.id/c06"}
    articles, report = read_file(write(tmp_path / "c06.json", json.dumps(record)))

    assert report.status == "ok"
    assert articles[0].url == "https://asli.id/c06"
    assert "c06.meta.json was ignored" in report.reason


def test_sidecar_that_is_not_an_object_is_ignored(tmp_path):
    write(tmp_path / "d03.meta.json", '["https://singkawangkota.go.id"]')
    articles, report = read_file(write(tmp_path / "d03.txt", BEKASI_TEXT))

    assert report.status == "ok"
    assert articles[0].url is None
    assert "not a JSON object" in report.reason


# --- finding files ---------------------------------------------------------------------------


def test_list_input_files_walks_nested_folders_and_leaves_out_the_rest(tmp_path):
    expected = [
        write(tmp_path / "2023" / "januari" / "d04.txt", BEKASI_TEXT),
        write(tmp_path / "2023" / "palu.htm", HTML_PAGE),
        write(tmp_path / "a.md", "# Judul"),
        write(tmp_path / "b.json", "{}"),
        write(tmp_path / "c.JSONL", ""),
        write(tmp_path / "d.html", HTML_PAGE),
    ]
    write(tmp_path / "2023" / "januari" / "d04.meta.json", "{}")
    write(tmp_path / ".tersembunyi.txt", BEKASI_TEXT)
    write(tmp_path / ".cache" / "salinan.txt", BEKASI_TEXT)
    write(tmp_path / "foto.jpg", b"\xff\xd8\xff")
    write(tmp_path / "catatan.csv", "a,b")

    assert list_input_files(tmp_path) == sorted(expected)


def test_symlink_loop_does_not_hang_and_linked_folders_are_not_entered(tmp_path):
    inner = write(tmp_path / "berita" / "daerah" / "f03.txt", BEKASI_TEXT)
    os.symlink(tmp_path, tmp_path / "berita" / "daerah" / "kembali_ke_akar", target_is_directory=True)
    os.symlink(tmp_path / "berita", tmp_path / "pintasan", target_is_directory=True)

    assert list_input_files(tmp_path) == [inner]


def test_broken_links_are_listed_so_the_manifest_can_say_why_they_were_skipped(tmp_path):
    good = write(tmp_path / "a.txt", BEKASI_TEXT)
    dangling = tmp_path / "b.txt"
    os.symlink(tmp_path / "tidak_ada.txt", dangling)

    assert list_input_files(tmp_path) == [good, dangling]


def test_the_output_folder_inside_the_input_is_not_read(tmp_path):
    good = write(tmp_path / "a.txt", BEKASI_TEXT)
    write(tmp_path / "hasil" / "events.jsonl", "{}")

    assert list_input_files(tmp_path, exclude=tmp_path / "hasil") == [good]


def test_iter_articles_reports_every_file(tmp_path):
    write(tmp_path / "a.txt", BEKASI_TEXT)
    write(tmp_path / "b.txt", b"")

    results = list(iter_articles(tmp_path))

    assert [(report.doc_id, report.status, len(articles)) for report, articles in results] == [
        ("a", "ok", 1),
        ("b", "skipped", 0),
    ]


@pytest.mark.parametrize("content", [b"\xff\xfe\x00", b"{", b"\x00" * 10, b"<html>", b"\r\n"])
def test_read_file_never_raises(tmp_path, content):
    for extension in (".txt", ".md", ".html", ".json", ".jsonl"):
        articles, report = read_file(write(tmp_path / f"aneh{extension}", content))
        assert report.status in ("ok", "skipped", "error")
        assert (report.status == "ok") == bool(articles)


def test_report_carries_the_sha256_of_the_file_bytes(tmp_path):
    import hashlib
    good = tmp_path / "baik.txt"
    good.write_text("Pemkot Bekasi menerima kunjungan kerja Pemkab Banyuwangi.", encoding="utf-8")
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    assert read_file(good)[1].content_hash == hashlib.sha256(good.read_bytes()).hexdigest()
    assert read_file(empty)[1].content_hash == hashlib.sha256(b"").hexdigest()
    oversized = read_file(good, max_bytes=5)[1]
    assert oversized.status == "skipped"
    assert oversized.content_hash == hashlib.sha256(good.read_bytes()).hexdigest()  # hashed, never parsed
