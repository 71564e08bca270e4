"""Parties and roles on hand-written Indonesian sentences."""
import pytest

from pipeline.stages.extract_event import event_sentence_starts
from pipeline.stages.extract_parties import find_mentions, select_parties
from pipeline.stages.dateline import dateline_place
from pipeline.stages.participant_groups import forum_regions, listed_regions
from pipeline.stages.party_roles import assign_roles
from pipeline import extract_from_text
from pipeline.ner.nlp import annotate


def parties_of(text: str, event_type: str = "visit", remote: bool = False) -> dict[str, str]:
    doc = annotate(text)
    tallies = select_parties(find_mentions(doc))
    return {p.name: p.role for p in assign_roles(text, tallies, event_type, "doc", remote=remote)}


def test_pemkot_and_title_forms_name_the_city_government():
    text = ("Pemerintah Kota (Pemkot) Bekasi menerima kunjungan kerja Pemerintah Kabupaten Banyuwangi, "
            "Kamis (13/3). Rombongan dipimpin Wakil Bupati Banyuwangi.")
    assert parties_of(text) == {"Kota Bekasi": "host", "Kabupaten Banyuwangi": "guest"}


def test_level_from_title_separates_city_from_regency_of_same_name():
    text = "Wali Kota Bekasi menyambut rombongan Pemkab Malang yang berkunjung ke Balai Kota."
    assert parties_of(text) == {"Kota Bekasi": "host", "Kabupaten Malang": "guest"}


def test_dprd_takes_part_as_its_region():
    text = ("Anggota DPRD dari Kabupaten Purbalingga melakukan kunjungan kerja ke DPRD DKI Jakarta. "
            "Ketua DPRD Kabupaten Purbalingga, Tongat, hadir.")
    parties = parties_of(text)
    assert parties["Kabupaten Purbalingga"] == "guest"
    assert parties["Provinsi Daerah Khusus Ibukota Jakarta"] == "host"


def test_foreign_city_with_prefecture_and_country_qualifiers():
    text = ("Pemkot Bekasi menerima kunjungan resmi Pemerintah Kota Izumisano Perfektur Osaka, Jepang. "
            "Kunjungan dipimpin Wakil Wali Kota Izumisano.")
    doc = annotate(text)
    tallies = select_parties(find_mentions(doc))
    names = {t.region.name: t.region.country for t in tallies}
    assert names == {"Kota Bekasi": "ID", "Izumisano": "JP"}  # not Osaka, not Japan


def test_province_that_only_locates_a_city_is_not_a_party():
    text = ("Pemkot Magelang melakukan studi tiru ke Kota Singkawang, Kalimantan Barat. "
            "Rombongan diterima Pj Wali Kota Singkawang.")
    assert set(parties_of(text)) == {"Kota Magelang", "Kota Singkawang"}


def test_national_embassy_is_not_a_party():
    text = ("Bupati Purbalingga dan Wali Kota Tono City bertemu melalui Zoom. "
            "Sekretaris KBRI Tokyo turut hadir.")
    assert parties_of(text, "meeting", remote=True) == {"Kabupaten Purbalingga": "partner", "Tōno": "partner"}


def test_misspelled_region_after_title_resolves_to_region_named_elsewhere():
    text = ("Pemkab Mukomuko berkunjung ke Kabupaten Bojonegoro. "
            "Bupati Mokumuko Choirul Huda menyampaikan terima kasih.")
    doc = annotate(text)
    mentions = find_mentions(doc)
    assert [m.region.name for m in mentions if m.text.startswith("Bupati")] == ["Kabupaten Mukomuko"]


def test_person_name_after_title_is_not_taken_for_a_misspelled_region():
    text = "Begini respon Bupati Nina. Bupati Indramayu Hj Nina Agustina menerima Pemkab Kuningan."
    names = {m.region.name for m in find_mentions(annotate(text))}
    assert names == {"Kabupaten Indramayu", "Kabupaten Kuningan"}


def test_single_government_is_no_event_pair():
    text = "Bupati Kukar Edi Damansyah membuka FGD di Hotel Mercure Samarinda, Jumat (20/10/2023)."
    assert len(select_parties(find_mentions(annotate(text)))) < 2


def test_lowercase_common_word_is_not_a_region():
    text = "Nasib malang menimpa warga. Pemkot Bandung dan Pemkot Serang berdiskusi."
    assert set(parties_of(text)) == {"Kota Bandung", "Kota Serang"}


def test_third_government_named_once_outside_the_event_is_background():
    text = ("Pemkot Bekasi menerima kunjungan kerja Pemkab Banyuwangi, Senin (3/3/2025). "
            "Menurutnya, program Pemprov Jabar soal sampah juga berjalan baik.")
    doc = annotate(text)
    chosen = select_parties(find_mentions(doc), event_sentence_starts(doc))
    assert [t.region.name for t in chosen] == ["Kota Bekasi", "Kabupaten Banyuwangi"]
    joined = text.replace("Pemkab Banyuwangi", "Pemkab Banyuwangi dan Pemprov Jabar")
    doc = annotate(joined)
    assert "Provinsi Jawa Barat" in {t.region.name for t in select_parties(find_mentions(doc), event_sentence_starts(doc))}


def test_places_in_a_quotation_do_not_decide_roles():
    text = ('Pemerintah Provinsi Sumatera Barat dan Pemerintah Provinsi Riau menandatangani PKS di Jakarta. '
            '"Arus barang dari Riau ke Sumbar sangat tinggi," ujarnya.')
    assert parties_of(text, "agreement") == {"Provinsi Sumatera Barat": "partner", "Provinsi Riau": "partner"}


def test_forum_at_one_governments_venue_has_a_host():
    text = ("Gubernur Kalimantan Tengah menjadi tuan rumah rapat koordinasi bersama Gubernur Kalimantan Selatan "
            "di Palangka Raya. Rombongan Pemprov Kalimantan Selatan tiba di Kota Palangka Raya pagi hari.")
    parties = parties_of(text, "meeting")
    assert parties["Provinsi Kalimantan Tengah"] == "host" and parties["Provinsi Kalimantan Selatan"] == "guest"


def test_audiensi_with_a_governor_makes_the_governor_host():
    text = ("Bupati Kepulauan Selayar melakukan audiensi dengan Gubernur Sulawesi Selatan di Rumah Jabatan "
            "Gubernur, Makassar.")
    assert parties_of(text) == {"Kabupaten Kepulauan Selayar": "guest", "Provinsi Sulawesi Selatan": "host"}


def test_everyday_name_and_foreign_city_after_a_title_when_its_country_is_named():
    text = ("Wali Kota Sukabumi memimpin kunjungan kerja ke Pemkot Solo. Sebelumnya Wakil Wali Kota Toowoomba "
            "dari Australia berkunjung ke Pemkot Sukabumi.")
    assert set(parties_of(text)) == {"Kota Sukabumi", "Kota Surakarta", "Toowoomba"}


def test_venue_ambiguous_within_one_province_makes_that_province_host():
    text = ("Pemprov Jateng dan Pemprov Jatim menandatangani kesepakatan bersama tentang pengendalian inflasi "
            "di Semarang, Rabu (5/3/2025).")
    assert parties_of(text, "agreement") == {"Provinsi Jawa Tengah": "host", "Provinsi Jawa Timur": "guest"}


def test_a_region_represented_by_an_official_takes_part():
    text = ("Bupati Cilacap dan Bupati Banyumas menggelar rapat koordinasi di Pendopo Cilacap. "
            "Adapun Kabupaten Purbalingga diwakili Sekda Sugeng Raharjo.")
    assert "Kabupaten Purbalingga" in parties_of(text, "meeting")


def test_ambassador_followed_by_a_name_the_gazetteer_lacks_does_not_crash():
    # `Duta Besar` anchors a country, a level without Indonesian bare names to misspell
    doc = annotate("Duta Besar Kevin Marlow mengunjungi Pemerintah Kota Makassar pada Senin (3/3/2025) "
                   "dan bertemu Wali Kota Makassar untuk membahas kerja sama pendidikan.")
    keys = {m.region.key for m in find_mentions(doc)}
    assert keys and all(not key.startswith("foreign:kevin") for key in keys)


def test_foreign_town_the_gazetteer_lacks_is_a_party_when_its_country_follows_it():
    text = ("Pemerintah Kabupaten Sleman menerima kunjungan Wakil Wali Kota Kamikawa, Hokkaido, Jepang, "
            "Taro Yamada beserta rombongan, Senin (3/3/2025).")
    assert parties_of(text) == {"Kabupaten Sleman": "host", "Kamikawa": "guest"}
    country = {t.region.name: t.region.country for t in select_parties(find_mentions(annotate(text)))}
    assert country["Kamikawa"] == "JP"


def test_person_after_a_title_without_a_country_is_not_a_foreign_town():
    text = "Pemkab Kuningan menerima kunjungan Wali Kota Arief Budiman dari Kota Cirebon."
    assert set(parties_of(text)) == {"Kabupaten Kuningan", "Kota Cirebon"}


def test_prefecture_that_signs_is_a_party_but_one_that_locates_a_city_is_not():
    signing = "Kabupaten Kebumen dan Prefektur Tottori, Jepang, menandatangani kerja sama ketenagakerjaan."
    assert {t.region.name for t in select_parties(find_mentions(annotate(signing)))} == {"Kabupaten Kebumen", "Tottori"}
    locating = "Pemkot Bekasi menerima kunjungan Pemerintah Kota Izumisano, Prefektur Osaka, Jepang."
    assert {t.region.name for t in select_parties(find_mentions(annotate(locating)))} == {"Kota Bekasi", "Izumisano"}


def test_pemerintah_before_a_bare_province_name_makes_it_a_government():
    text = ("Gubernur Jambi menandatangani nota kesepakatan dengan Pemerintah Sumatera Selatan di Kantor "
            "Gubernur, Senin (3/2). Kerja sama antara Jambi dan Sumsel ini mencakup bidang pangan.")
    parties = parties_of(text, "agreement")
    assert set(parties) == {"Provinsi Jambi", "Provinsi Sumatera Selatan"}


def test_pemerintah_pusat_is_still_not_a_regional_party():
    text = ("Pemerintah pusat melalui Kemendagri mendukung kunjungan Bupati Sleman ke Pemkot Surabaya, "
            "Selasa (4/3).")
    assert set(parties_of(text)) == {"Kabupaten Sleman", "Kota Surabaya"}


def chosen(text: str) -> set[str]:
    doc = annotate(text)
    mentions = find_mentions(doc)
    return {t.region.name for t in select_parties(mentions, event_sentence_starts(doc), listed_regions(doc, mentions))}


@pytest.mark.parametrize("text, parties", [
    # bare names listed after a regency are regencies of the roster
    ("Pemkab Madiun menjadi tuan rumah penandatanganan kerja sama antar daerah, Senin (6/3). "
     "Pemkab Madiun menyambut para bupati. "
     "Kerja sama dilakukan antar enam kabupaten, meliputi Kabupaten Ponorogo, Magetan, Ngawi, Pacitan dan Trenggalek.",
     {"Kabupaten Madiun", "Kabupaten Ponorogo", "Kabupaten Magetan", "Kabupaten Ngawi", "Kabupaten Pacitan",
      "Kabupaten Trenggalek"}),
    # list lines after a line that introduces the cooperation
    ("Pemprov Jawa Tengah menandatangani kerja sama dengan lima daerah, Selasa (7/3).\n\n"
     "Adapun kepala daerah yang menjalin kerja sama itu yakni:\n\n"
     "1. Gubernur Bali\n2. Wali Kota Ambon\n3. Bupati Sleman\n4. Bupati Gowa\n5. Wali Kota Kupang\n",
     {"Provinsi Jawa Tengah", "Provinsi Bali", "Kota Ambon", "Kabupaten Sleman", "Kabupaten Gowa", "Kota Kupang"}),
    # the members of a forum are not a roster of the event
    ("Bupati Sleman berkunjung ke Pemkab Bantul, Rabu (8/3). "
     "Saat ini anggota forum itu ada lima kabupaten yaitu Kabupaten Gunungkidul, Kabupaten Kulon Progo, "
     "Kabupaten Klaten, Kabupaten Magelang dan Kabupaten Purworejo.",
     {"Kabupaten Sleman", "Kabupaten Bantul"}),
])
def test_rosters_of_participants(text, parties):
    assert chosen(text) == parties


def test_a_name_after_a_titled_region_and_a_comma_is_a_person_not_a_listed_place():
    text = "Wali Kota Kupang, George Hadjoh, menerima kunjungan Konsul Jenderal Jepang, Senin (3/4)."
    mentions = find_mentions(annotate(text))
    assert {m.region.name for m in mentions} <= {"Kota Kupang", "Japan"}


def test_a_short_unknown_name_after_a_form_is_not_read_as_a_misspelt_region():
    # `Kars` is one letter from `Karo`: too short to tell a misspelling from another name
    mentions = find_mentions(annotate("Bupati Sleman menerima rombongan Pemkab Kars, Senin (3/3)."))
    assert {m.region.name for m in mentions} == {"Kabupaten Sleman"}


def test_a_local_short_name_resolves_by_the_gazetteer_not_by_fuzzy_match():
    text = "Bupati Tuba Winarti berkunjung ke Pemkot Batu, Selasa (28/8). Pemkab Tuba belajar pertanian."
    assert set(parties_of(text)) == {"Kabupaten Tulang Bawang", "Kota Batu"}


def test_a_misspelling_still_resolves_when_one_region_is_clearly_closest():
    mentions = find_mentions(annotate("Pemkab Sinjunjung berkunjung ke Pemkot Padang, Senin (3/3)."))
    assert "Kabupaten Sijunjung" in {m.region.name for m in mentions}


@pytest.mark.parametrize("text, roles", [
    # "orang nomor satu di X" is X's head; "diterapkan di X" is where the visitor will use what it learned
    ("Bupati Sragen melakukan kunjungan kerja ke Kota Madiun, Senin (3/3/2025). Orang nomor satu di "
     "Kabupaten Sragen itu ingin belajar tata kelola pasar. Ilmu yang didapat akan diterapkan di "
     "Kabupaten Sragen.", {"Kota Madiun": "host", "Kabupaten Sragen": "guest"}),
    # a venue in the host region still names the host
    ("Rombongan Pemkab Sragen diterima di Kabupaten Klaten, Senin (3/3/2025). "
     "Wakil Bupati Klaten menyambut tamunya.", {"Kabupaten Klaten": "host", "Kabupaten Sragen": "guest"}),
])
def test_where_an_office_is_and_where_the_parties_met(text, roles):
    assert parties_of(text) == roles


def test_a_foreign_city_named_once_takes_part_as_a_delegation():
    text = "Pemerintah Kota Pontianak menerima kunjungan delegasi Kuching, Malaysia, Senin (17/3/2025)."
    assert parties_of(text) == {"Kota Pontianak": "host", "Kuching": "guest"}
    background = "Pemerintah Kota Pontianak menata tepian sungai seperti di Kuching, Malaysia."
    assert "Kuching" not in parties_of(background)


def test_after_a_title_a_foreign_city_the_article_named_with_its_country_is_that_city():
    text = ("Pemkab Lumajang menjalin kerja sama sister city dengan Kota Mitaka, Jepang. Nota kesepahaman "
            "ditandatangani Bupati Lumajang Thoriqul Haq dan Wali Kota Mitaka Yasuko Kawamura, Jumat (23/2/2024).")
    titled = [m for m in find_mentions(annotate(text)) if m.title_start is not None]
    assert [(m.text, m.region.name, m.region.country) for m in titled] == [
        ("Bupati Lumajang", "Kabupaten Lumajang", "ID"), ("Wali Kota Mitaka", "Mitaka", "JP")]
    record = extract_from_text(text)
    assert record.type == "agreement"
    assert {(o.name, o.region) for o in record.officials} == {
        ("Thoriqul Haq", "Kabupaten Lumajang"), ("Yasuko Kawamura", "Mitaka")}


def test_after_a_foreign_title_an_unknown_name_without_its_country_is_the_person_not_a_city():
    text = ("Sekretaris Daerah Kabupaten Sumedang menerima delegasi Kota Suwon, Korea Selatan, yang dipimpin "
            "Deputy Mayor Kim Hyun-soo, di Gedung Negara, Selasa (10/9/2024).")
    record = extract_from_text(text)
    assert {p.name for p in record.parties} == {"Kabupaten Sumedang", "Suwon"}
    assert ("Kim Hyun-soo", "Wakil Wali Kota", "Suwon") in {(o.name, o.position, o.region) for o in record.officials}


@pytest.mark.parametrize("text, partner, official", [
    ("Bupati Belu Agustinus Taolin menerima kunjungan Administrador Municipio Bobonaro, Timor-Leste, "
     "Jose Martins, di ruang kerja Bupati, Senin (2/9/2024).", "Bobonaro", "Jose Martins"),
    ("Bupati Belu menerima kunjungan delegasi Munisipio Maubara, Timor Leste, di ruang kerja Bupati, "
     "Senin (2/9/2024).", "Maubara", None),
    ("Penjabat Wali Kota Kupang Linus Lusi bertemu Lord Mayor Darwin, Kon Vatskalis, di Darwin, Australia, "
     "Selasa (20/8/2024).", "Darwin", "Kon Vatskalis"),
])
def test_timor_leste_municipalities_and_lord_mayors_are_foreign_governments(text, partner, official):
    record = extract_from_text(text)
    foreign = [p for p in record.parties if p.country != "ID"]
    assert [p.name for p in foreign] == [partner]
    assert [o.name for o in record.officials if o.region == partner] == ([official] if official else [])


@pytest.mark.parametrize("text, city, official", [
    ("Wali Kota Bandung, Muhammad Farhan, menerima kunjungan Wali Kota Yokohama, Takeharu Yamanaka, di Balai "
     "Kota Bandung, Senin (3/3/2025).", "Yokohama", "Takeharu Yamanaka"),
    ("Wali Kota Surabaya Eri Cahyadi menerima kunjungan Mayor of Busan Park Heong-joon di Balai Kota Surabaya, "
     "Senin (17/3/2025).", "Busan", "Park Heong-joon"),
])
def test_a_large_foreign_city_after_a_title_is_the_city_without_its_country(text, city, official):
    record = extract_from_text(text)
    assert [p.name for p in record.parties if p.country != "ID"] == [city]
    assert [o.name for o in record.officials if o.region == city] == [official]


def test_after_an_indonesian_title_a_small_foreign_town_of_a_persons_name_is_the_person():
    text = "Wawali Bambang Haryo menerima kunjungan Bupati Gresik di Balai Kota, Senin (3/3/2025)."
    assert all(m.region.country == "ID" for m in find_mentions(annotate(text)))


def test_the_region_named_as_host_of_a_forum_hosts_and_the_others_are_guests():
    text = ("Rapat koordinasi forum kerja sama daerah digelar di Bandar Lampung, Selasa (10/12/2024). Pertemuan "
            "dihadiri perwakilan Provinsi Lampung sebagai tuan rumah, Provinsi Banten, Provinsi Jawa Barat dan "
            "Provinsi Bali.")
    record = extract_from_text(text)
    assert {p.name: p.role for p in record.parties} == {
        "Provinsi Lampung": "host", "Provinsi Banten": "guest", "Provinsi Jawa Barat": "guest", "Provinsi Bali": "guest"}


def record_parties(text: str) -> dict[str, str]:
    record = extract_from_text(text)
    assert record is not None
    return {p.name: p.role for p in record.parties}


def test_every_government_named_at_a_counted_forum_takes_part():
    text = ("MAKASSAR - Pemerintah Provinsi Sulawesi Selatan menggelar rapat koordinasi penanganan banjir "
            "bersama 24 kabupaten/kota secara virtual, Selasa (3/6/2025).\n\n"
            "Bupati Maros, Andi Rahman, melaporkan tanggul di daerahnya mulai diperbaiki. "
            "Wali Kota Palopo, Budi Santoso, menyebut tiga kelurahan masih tergenang.")
    assert set(record_parties(text)) == {"Provinsi Sulawesi Selatan", "Kabupaten Maros", "Kota Palopo"}


def test_a_region_named_at_its_level_where_a_counted_forum_is_told_takes_part():
    text = ("PURWOKERTO - Empat pemerintah kabupaten menandatangani perjanjian kerja sama promosi wisata, Kamis "
            "(27/6/2024). Penandatanganan diikuti Kabupaten Wonosobo selaku tuan rumah, Kabupaten Temanggung "
            "serta dua kabupaten lainnya.\n\n"
            "Bupati Wonosobo, Afif Nurhidayat, mengatakan paket wisata disusun bersama. Bupati Magelang, "
            "Zaenal Arifin, menyebut promosi digelar bersama tiap tahun.")
    assert record_parties(text) == {"Kabupaten Wonosobo": "host", "Kabupaten Temanggung": "guest",
                                    "Kabupaten Magelang": "guest"}


def test_where_a_counted_forum_is_held_is_no_party():
    text = ("Empat pemerintah kabupaten menandatangani perjanjian kerja sama promosi wisata, Kamis (27/6/2024). "
            "Penandatanganan digelar di Gedung Serbaguna, Kota Semarang, dan diikuti Kabupaten Wonosobo, "
            "Kabupaten Temanggung serta dua kabupaten lainnya.")
    assert set(record_parties(text)) == {"Kabupaten Wonosobo", "Kabupaten Temanggung"}


def test_welcoming_an_idea_is_no_hosting_and_a_named_host_outweighs_a_place():
    text = ("Lima kabupaten menandatangani kerja sama pariwisata di Purwokerto, Kamis (27/6/2024), dengan "
            "Pemerintah Kabupaten Banyumas sebagai tuan rumah. Kepala Bappeda Kabupaten Purbalingga menyebut "
            "kawasan industri di Kabupaten Cilacap akan dipromosikan.\n\n"
            "Bupati Cilacap menyambut baik kerja sama tersebut. Bupati Purbalingga juga hadir.")
    assert record_parties(text)["Kabupaten Banyumas"] == "host"


def test_a_government_named_once_beside_a_two_party_visit_stays_background():
    text = ("Pemkab Sleman menerima kunjungan kerja Pemkab Tabalong, Senin (2/6/2025). "
            "Kedua pihak membahas pengelolaan sampah.\n\n"
            "Bupati Bantul, Hendra Wijaya, sebelumnya meresmikan TPST baru di Piyungan.")
    assert set(record_parties(text)) == {"Kabupaten Sleman", "Kabupaten Tabalong"}


def test_a_forum_that_is_only_planned_adds_no_parties():
    doc = annotate("Pemprov Jateng akan menggelar rapat koordinasi bersama 35 kabupaten/kota pekan depan. "
                   "Bupati Kudus, Sam'ani, mengaku siap.")
    assert forum_regions(doc, find_mentions(doc)) == set()


def test_a_title_written_with_its_level_word_names_that_level():
    doc = annotate("Rapat dihadiri Sekretaris Daerah Kota Yogyakarta Sri Handayani.")
    mentions = find_mentions(doc)
    assert [(m.region.name, m.government) for m in mentions] == [("Kota Yogyakarta", True)]


def test_tetum_spelling_of_a_municipality_names_the_foreign_government():
    text = ("Atambua - Delegasi Pemerintah Munisipiu Bobonaro, Timor-Leste, melakukan kunjungan kerja ke "
            "Kabupaten Belu, Selasa (13/5/2025). Rombongan dipimpin Presidente Autoridade Munisipiu Bobonaro, "
            "Abilio da Costa Soares.")
    record = extract_from_text(text)
    assert {p.name: p.country for p in record.parties} == {"Bobonaro": "TL", "Kabupaten Belu": "ID"}
    assert [o.name for o in record.officials if o.region == "Bobonaro"] == ["Abilio da Costa Soares"]


def test_the_indonesian_forms_of_a_municipal_authority_name_the_foreign_government():
    text = ("KUPANG - Pemerintah Provinsi NTT dan Otoritas Munisipal Covalima, Timor-Leste, menandatangani nota "
            "kesepahaman di Kupang, Rabu (16/10/2024). MoU diteken Gubernur NTT dan Presiden Otoritas Munisipal "
            "Covalima, Mateus Pereira.")
    record = extract_from_text(text)
    assert {p.name: p.country for p in record.parties} == {"Provinsi Nusa Tenggara Timur": "ID", "Cova Lima": "TL"}
    assert [(o.name, o.position) for o in record.officials if o.region == "Cova Lima"] == [
        ("Mateus Pereira", "Presiden Otoritas Munisipal")]


def test_a_regency_that_only_locates_a_village_is_no_party():
    text = ("GOWA – Rombongan Pemerintah Desa Mekar Jaya, Kecamatan Sukamaju, Kabupaten Luwu Utara, melakukan "
            "studi tiru ke Desa Bontolangkasa, Kecamatan Bontonompo, Kabupaten Gowa, Kamis (7/8/2025).")
    assert extract_from_text(text) is None
    regency = "Rombongan Pemerintah Kabupaten Luwu Utara melakukan studi tiru ke Kabupaten Gowa, Kamis (7/8/2025)."
    assert set(record_parties(regency)) == {"Kabupaten Luwu Utara", "Kabupaten Gowa"}


def test_governments_of_an_earlier_visit_told_in_passing_are_no_parties():
    text = ("TENGGARONG - Pemerintah Kabupaten Kutai Barat bertandang ke Pemkab Kukar, Senin (2/6/2025). "
            "Rombongan diterima Wakil Bupati Kutai Kartanegara.\n\n"
            "Kukar sebelumnya juga menjadi tujuan studi tiru Pemkab Berau dan Pemkab Paser untuk program serupa.")
    assert set(record_parties(text)) == {"Kabupaten Kutai Barat", "Kabupaten Kutai Kartanegara"}


def test_a_malaysian_state_government_is_a_foreign_party():
    text = ("PONTIANAK - Pemerintah Provinsi Kalimantan Barat dan Kerajaan Negeri Sarawak, Malaysia, menggelar "
            "rapat koordinasi secara virtual, Kamis (10/7/2025).")
    record = extract_from_text(text)
    assert {p.name: p.country for p in record.parties} == {"Provinsi Kalimantan Barat": "ID", "Sarawak": "MY"}


def test_a_consul_of_a_country_written_in_its_long_form_acts_for_it():
    text = ("Kupang - Gubernur Nusa Tenggara Timur menerima kunjungan kehormatan Konsul Jenderal Republik "
            "Demokratik Timor-Leste di Kupang, Joaquim da Costa Soares, Jumat (20/6/2025).")
    assert {p.country for p in extract_from_text(text).parties} == {"ID", "TL"}


def test_a_tours_next_stop_and_a_similar_earlier_visit_are_no_parties():
    text = ("SURABAYA - Pemerintah Kota Surabaya menerima kunjungan kerja Pemkab Bone Bolango, Rabu (23/7/2025). "
            "Rombongan dipimpin Bupati Bone Bolango, Rustam Dunggio.\n\n"
            "Keesokan harinya, rombongan melanjutkan kunjungan ke Pemerintah Kabupaten Sidoarjo. Di sana, mereka "
            "diterima Wakil Bupati Sidoarjo, Faizal Anwar.\n\n"
            "Sebelumnya, Pemkab Bone Bolango juga melakukan studi banding serupa ke Pemkot Malang.")
    assert set(record_parties(text)) == {"Kota Surabaya", "Kabupaten Bone Bolango"}


def test_a_country_whose_consul_takes_part_outranks_a_city_named_only_as_a_place():
    # Perth is named as a flight's origin, three times; Australia takes part through its consul
    text = ("MATARAM - Peluang penerbangan langsung dari Perth ke Lombok dibahas saat Konsul Jenderal Australia "
            "di Bali, Emily Brookfield, bertemu Gubernur NTB di Kantor Gubernur NTB, Selasa (13/8/2024). "
            "Banyak warga Perth sudah mengenal Lombok. Rute Perth-Lombok ditargetkan dibuka tahun depan.")
    assert set(record_parties(text)) == {"Provinsi Nusa Tenggara Barat", "Australia"}


def test_an_earlier_visit_told_after_sebelumnya_with_a_comma_is_no_party():
    text = ("AMBON - Pemerintah Kota Ambon dan Pemerintah Kota Vlissingen, Belanda, menggelar pertemuan virtual, "
            "Jumat (14/11/2025). Wali Kota Vlissingen hadir dari Belanda.\n\n"
            "Sebelumnya, Pemkot Ambon juga menerima kunjungan Duta Besar Belanda untuk Indonesia.")
    assert set(record_parties(text)) == {"Kota Ambon", "Vlissingen"}


def test_a_district_of_a_foreign_city_is_the_party_not_the_city():
    text = ("PONTIANAK - Delegasi Mapo-gu Seoul berkunjung ke Pontianak, Jumat (4/10/2024). Wali Kota Mapo-gu, "
            "Seoul, Korea Selatan, Kang Seok-min, disambut Penjabat Wali Kota Pontianak di Balai Kota.")
    record = extract_from_text(text)
    assert {p.name: p.country for p in record.parties} == {"Kota Pontianak": "ID", "Mapo-gu": "KR"}
    assert {o.name: o.region for o in record.officials}["Kang Seok-min"] == "Mapo-gu"


def test_the_city_and_distrik_forms_of_a_named_district_are_that_district():
    text = ("SUMEDANG - Rombongan dari Eunpyeong-gu, Seoul, Korea Selatan berkunjung ke Sumedang, Selasa "
            "(29/8/2023). Walikota Distrik Eunpyeong, Seoul, Korea Selatan, Kim Me-Kyung, memimpin delegasi dari salah satu distrik "
            "di Kota Seoul itu yang datang ke Sumedang menandatangani letter of intent dengan Pemerintah "
            "Kabupaten Sumedang.")
    record = extract_from_text(text)
    assert record.type == "agreement"
    assert {p.name for p in record.parties} == {"Kabupaten Sumedang", "Eunpyeong-gu"}
    assert {o.name: o.region for o in record.officials}["Kim Me-Kyung"] == "Eunpyeong-gu"


@pytest.mark.parametrize("text, place", [
    ("BLITAR – Rombongan Pemkab Bengkayang tiba, Kamis (23/1/2025).", "BLITAR"),
    ("Sanggau (ANTARA) - Pemkab Sanggau menerima rombongan, Senin (3/3).", "Sanggau"),
    ("Berita Kalbar\nSAMARINDA, Kompas.com - Pemkot Samarinda menerima rombongan.", "SAMARINDA"),
    ("Pemkab Sanggau menerima rombongan dari Blitar - Jawa Timur.", None),
])
def test_the_dateline_is_a_place_before_a_dash_at_a_lines_start(text, place):
    found = dateline_place(annotate(text))
    assert (found.text if found is not None else None) == place


def test_a_bare_title_with_a_name_is_the_head_of_the_datelines_region_of_its_level():
    text = ("BLITAR – Wakil Bupati Bengkayang bersama rombongan Pemerintah Kabupaten Bengkayang diterima "
            "langsung Wali Kota Bambang Susilo di Rumah Dinas Wali Kota, Kamis (23/1/2025).")
    assert record_parties(text) == {"Kabupaten Bengkayang": "guest", "Kota Blitar": "host"}
    office = ("PADANG - Gubernur Jawa Barat berkunjung ke Rumah Dinas Gubernur Sumatera Barat, Selasa (30/3/2021). "
              "Keduanya sama-sama mengawali karier menjadi wali kota di ibu kota provinsi.")
    assert set(record_parties(office)) == {"Provinsi Jawa Barat", "Provinsi Sumatera Barat"}


def test_a_timorese_municipal_administrator_acts_for_the_municipality():
    text = ("ATAMBUA - Bupati Belu menerima delegasi Munisipio Bobonaro, Timor-Leste, Selasa (27/8/2024). Delegasi "
            "dipimpin Administrator Munisipio Bobonaro, Domingos da Costa Soares.")
    record = extract_from_text(text)
    assert {o.name: o.region for o in record.officials}.get("Domingos da Costa Soares") == "Bobonaro"


def test_a_bare_government_form_is_the_datelines_government_of_its_level():
    text = ("TARAKAN – Pemkot menerima kunjungan kerja rombongan Pemerintah Kabupaten Nunukan di Ruang Rapat "
            "Wali Kota, Rabu (15/1/2025).")
    assert record_parties(text) == {"Kota Tarakan": "host", "Kabupaten Nunukan": "guest"}


def test_an_envoy_accompanying_a_delegation_makes_its_country_a_party():
    text = ("BANDUNG - Wali Kota Bandung menerima Wali Kota Braunschweig di Balai Kota Bandung, Selasa (14/5/2024). "
            "Wali Kota Braunschweig didampingi Konselor Bidang Kebudayaan Kedutaan Besar Jerman di Jakarta.")
    assert set(record_parties(text)) == {"Kota Bandung", "Braunschweig", "Germany"}
    witness = ("BANDUNG - Wali Kota Bandung menerima Wali Kota Braunschweig di Balai Kota Bandung, Selasa "
               "(14/5/2024). Acara itu dihadiri Kedutaan Besar Jerman di Jakarta.")
    assert set(record_parties(witness)) == {"Kota Bandung", "Braunschweig"}


def test_a_stop_on_the_way_and_a_prefecture_that_locates_a_city_are_no_parties():
    text = ("SURABAYA - Komisi II DPRD Kota Balikpapan melakukan kunjungan kerja ke DPRD Kota Surabaya, Rabu "
            "(14/5/2025).\n\nSebelum ke Surabaya, rombongan sempat singgah di DPRD Kabupaten Sidoarjo dan diterima "
            "Wakil Ketua DPRD Sidoarjo. Namun pembahasan utama dilakukan di Surabaya.")
    assert set(record_parties(text)) == {"Kota Balikpapan", "Kota Surabaya"}
    prefecture = ("MEDAN - Wali Kota Medan menerima delegasi Pemerintah Kota Ichikawa, Jepang, Senin (3/3/2025). Ia ingin "
                  "belajar soal sampah kepada kota di Prefektur Chiba tersebut.")
    assert set(record_parties(prefecture)) == {"Kota Medan", "Ichikawa"}


def test_a_mayor_of_a_distrik_is_the_mayor_of_the_district_the_article_names():
    text = ("BANDUNG - Pemkot Bandung dan Pemerintah Yeongdeungpo-gu, Seoul, Korea Selatan, menggelar pertemuan "
            "virtual, Selasa (3/6/2025). Pertemuan dipimpin Wali Kota Distrik Yeongdeungpo, Choi Min-seok.")
    record = extract_from_text(text)
    assert {o.name: o.region for o in record.officials}.get("Choi Min-seok") == "Yeongdeungpo-gu"


def test_a_university_or_bank_named_after_a_region_is_not_its_government():
    text = ("Pemerintah Kabupaten Banyuwangi menandatangani nota kesepahaman dengan Universitas Jember (Unej) "
            "di Pendopo, Jumat (29/8/2025). Unej akan menerjunkan mahasiswa KKN, dan Bank Jatim turut hadir.")
    assert extract_from_text(text) is None


def test_a_regional_development_bank_named_in_full_is_not_its_provinces_government():
    text = ("BLORA - Pemerintah Kabupaten Blora dan PT Bank Pembangunan Daerah Jawa Tengah (Bank Jateng) "
            "menandatangani perjanjian kerja sama retribusi nontunai di Pendopo Blora, Senin (4/8/2025).\n\n"
            "Penandatanganan dilakukan Bupati Blora Arief Rohman dan Direktur Utama Bank Jateng Irianto Harko. "
            "Kegiatan itu disaksikan Kepala Biro Perekonomian Setda Provinsi Jawa Tengah, Sri Wahyuni.")
    assert extract_from_text(text) is None


def test_a_place_where_a_company_or_its_investors_come_from_is_no_party():
    text = ("Pemkab Kendal menandatangani MoU dengan PT Nanning Baja Industri, perusahaan patungan "
            "asal Nanning, Tiongkok, Rabu (26/2/2025). Investor asal Nanning itu akan membangun pabrik.")
    assert extract_from_text(text) is None


def test_a_foreign_state_named_without_its_qualifier_takes_part():
    text = ("PADANG – Delegasi Negeri Sembilan, Malaysia, berkunjung ke Padang dan bertemu Gubernur Sumbar "
            "Rusdi Chaniago, Selasa (14/10/2025). Menteri Besar Negeri Sembilan, Kamarulzaman Yusof, "
            "menyebut kerja sama pariwisata.")
    record = extract_from_text(text)
    assert {(p.name, p.country, p.role) for p in record.parties} == {
        ("Provinsi Sumatera Barat", "ID", "host"), ("Negeri Sembilan", "MY", "guest")}


def test_a_timorese_municipality_is_known_without_its_municipal_form():
    text = ("ATAMBUA – Pemerintah Kabupaten Belu dan Autoridade Municipal Bobonaro, Timor-Leste, meneken "
            "kesepakatan kerja sama di Kantor Bupati Belu, Kamis (19/9/2024). Rombongan dari Bobonaro tiba "
            "sehari sebelumnya.")
    record = extract_from_text(text)
    assert record.type == "agreement"
    assert {(p.name, p.country) for p in record.parties} == {("Kabupaten Belu", "ID"), ("Bobonaro", "TL")}


def test_a_malaysian_state_government_named_once_by_its_form():
    text = ("Gubernur Kepulauan Riau, Zulkarnain Arif, menerima kunjungan Kerajaan Negeri Johor, Malaysia, di "
            "Tanjungpinang, Rabu (12/6/2024), untuk membahas kerja sama perdagangan.")
    record = extract_from_text(text)
    assert {(p.name, p.country, p.role) for p in record.parties} == {
        ("Provinsi Kepulauan Riau", "ID", "host"), ("Johor", "MY", "guest")}


def test_a_long_word_after_a_title_close_to_a_regions_name_is_that_region_misspelt():
    text = ("Wali Kota Pematangsiantar menerima para wali kota. Tampak pula Wali Kota Binjai Amir Hamzah dan "
            "Wali Kota Subusalam Affan Alfian dalam pertemuan di Pematangsiantar, Jumat (13/10/2023).")
    names = {m.region.name for m in find_mentions(annotate(text))}
    assert "Kota Subulussalam" in names



@pytest.mark.parametrize("text, parties", [
    pytest.param("Gubernur Jawa Tengah menerima kunjungan delegasi Pemerintah Provinsi Chungcheongnam-do, Korea Selatan, "
                 "di Semarang.", {"Provinsi Jawa Tengah": "host", "Chungcheongnam-do": "guest"}, id="korean-province"),
    pytest.param("Wali Kota Surabaya menerima kunjungan Duta Besar Belanda untuk Indonesia di Balai Kota Surabaya.",
                 {"Kota Surabaya": "host", "Netherlands": "guest"}, id="country-without-its-article"),
    # `Bina` is also a town in India; after `Direktur Jenderal` it begins the directorate's name
    pytest.param("Wali Kota Depok menerima Bupati Bogor di Balai Kota Depok. Direktur Jenderal Bina Keuangan Daerah "
                 "Kemendagri, Dr. Agus Firmansyah, hadir, seperti rombongan dari India.",
                 {"Kota Depok": "host", "Kabupaten Bogor": "guest"}, id="no-place-after-a-title-heading-an-office"),
    pytest.param("DPRD Provinsi Maluku Utara menerima kunjungan kerja rombongan DPR Papua Tengah di Sofifi, Senin (9/2). "
                 "Rombongan membahas penyusunan perda pajak daerah.",
                 {"Provinsi Maluku Utara": "host", "Provinsi Papua Tengah": "guest"}, id="papua-council-is-dpr"),
    pytest.param("Wali Kota Bogor Dedi Rahmat menerima Bupati Cianjur Wahyu Hidayat. Dari pihak Bogor, Sekda Syarifah "
                 "Sofiah memaparkan layanan perizinan. Dari pihak Bogor pula hadir Kepala Bappeda.",
                 {"Kota Bogor": "host", "Kabupaten Cianjur": "guest"}, id="dari-pihak-no-guest-vote"),
    pytest.param("Bupati Sambas menerima kunjungan rombongan Pemerintah Kabupaten Bengkayang. Banyak pedagang dari "
                 "Sambas berjualan di Bengkayang. Pedagang dari Sambas juga dilatih. Pasien dari Sambas dirujuk ke sana.",
                 {"Kabupaten Sambas": "host", "Kabupaten Bengkayang": "guest"}, id="traders-from-a-region-no-delegation"),
    pytest.param("Pemerintah Kabupaten Bantul menandatangani nota kesepahaman dengan Leiden University asal Belanda di "
                 "Bantul. Rektor Leiden University, Prof. Marijke Smit, hadir. Bupati Bantul menyebut Leiden University "
                 "mitra riset.", {"Kabupaten Bantul": "partner"}, id="a-university-named-after-its-city"),
    pytest.param("Wali Kota Tarakan menerima rombongan pengusaha Sabah, Malaysia, di Tarakan. Para pengusaha Sabah "
                 "ingin berinvestasi. Pengusaha Sabah juga meninjau pelabuhan.", {"Kota Tarakan": "partner"},
                 id="people-named-by-where-they-come-from"),
])
def test_foreign_provinces_papua_councils_and_neutral_mentions(text, parties):
    assert parties_of(text) == parties


def test_a_misspelled_item_does_not_end_a_list_of_regencies():
    text = ("Rapat koordinasi virtual dipimpin Sekda Provinsi Jambi dan diikuti Pemerintah Kabupaten Kerinci, Merangi, "
            "Sarolangun dan Bungo.")
    assert parties_of(text, "meeting", remote=True) == {"Provinsi Jambi": "partner", "Kabupaten Kerinci": "partner",
                                                        "Kabupaten Sarolangun": "partner", "Kabupaten Bungo": "partner"}



def test_the_member_cities_of_an_association_name_the_other_parties_of_its_meeting():
    text = ("MADIUN - Kota Madiun menjadi tuan rumah rapat kerja komisariat wilayah asosiasi pemerintah kota yang "
            "digelar di Balai Kota, Kamis (6/3/2025). Forum itu dihadiri wali kota dan sekda dari kota-kota anggota "
            "di Jawa Timur.\n\nTercatat hadir antara lain Wali Kota Kediri Budi Prasetyo, Wali Kota Blitar Sri "
            "Wahyuni dan Wali Kota Probolinggo Ahmad Fauzi. Wali Kota Madiun Maidi mengatakan forum membahas "
            "pendapatan daerah.")
    parties = record_parties(text)
    assert parties["Kota Madiun"] == "host"
    assert parties["Kota Kediri"] == "guest"
