"""Officials on hand-written Indonesian sentences: names, positions, regions, one entry per person."""
import pytest

from pipeline.stages.extract_officials import find_official_mentions, merge_officials
from pipeline.stages.person_names import same_person
from pipeline.stages.extract_parties import find_mentions, select_parties
from pipeline.ner.nlp import annotate


def officials_of(text: str) -> list[tuple[str, str, str]]:
    doc = annotate(text)
    mentions = find_mentions(doc)
    parties = select_parties(mentions)
    names = {t.region.key: t.region.name for t in parties}
    return [(o.name, o.position, o.region) for o in merge_officials(find_official_mentions(doc, mentions, parties),
                                                                     names, "doc")]


def test_honorifics_and_degrees_are_dropped():
    text = ("Sekretaris Komisi I DPRD Kota Bandung, Susanto Triyogo Adiputro, S.ST., M.T., menerima "
            "Wakil Wali Kota Serang, Nur Agis Aulia, bersama Wakil Wali Kota Bandung, H. Erwin.")
    assert officials_of(text) == [
        ("Susanto Triyogo Adiputro", "Sekretaris Komisi I DPRD", "Kota Bandung"),
        ("Nur Agis Aulia", "Wakil Wali Kota", "Kota Serang"),
        ("Erwin", "Wakil Wali Kota", "Kota Bandung"),
    ]


def test_abbreviated_positions_are_written_in_full():
    text = ("Kesepakatan ditandatangani Pj. Wali Kota Bekasi, Gani Muhamad, dan Plt Bupati Kapuas Erlin. "
            "Hadir pula Sekda Kota Bekasi Junaedi.")
    officials = officials_of(text)
    assert ("Gani Muhamad", "Penjabat Wali Kota", "Kota Bekasi") in officials
    assert ("Erlin", "Pelaksana Tugas Bupati", "Kabupaten Kapuas") in officials
    assert ("Junaedi", "Sekretaris Daerah", "Kota Bekasi") in officials


def test_two_spellings_are_one_person():
    text = ("Pj. Wali Kota Bekasi, Gani Muhamad menerima Pemkot Malang. Pj. Wali Kota Bekasi, Gani Muhammad "
            "mengatakan kerja sama penting, ujar Gani Muhamad.")
    assert [o[0] for o in officials_of(text)] == ["Gani Muhamad"]


def test_nickname_of_single_office_holder_joins_the_full_name():
    text = ("Bupati Purbalingga Dyah Hayuning Pratiwi menerima delegasi Tono City. "
            "Bupati Tiwi berharap kerja sama berjalan.")
    assert officials_of(text) == [("Dyah Hayuning Pratiwi", "Bupati", "Kabupaten Purbalingga")]


def test_region_inferred_from_the_only_party_of_the_title_level():
    text = "Walikota Palu menerima Pemkab Minahasa Selatan. Walikota Hadianto Rasyid menyambut baik."
    assert officials_of(text) == [("Hadianto Rasyid", "Wali Kota", "Kota Palu")]


def test_name_does_not_run_over_a_line_break_or_into_a_weekday():
    text = ("Dalam kunjungan itu hadir pula secara langsung Wakil Bupati Minsel, Pendeta Petra Yani Rembang\n"
            "Kamis pagi Pemkot Palu menerima Pemkab Minsel.")
    assert officials_of(text) == [("Petra Yani Rembang", "Wakil Bupati", "Kabupaten Minahasa Selatan")]


def test_same_person_rule():
    assert same_person("Gani Muhamad", "Gani Muhammad")
    assert same_person("Muchamad Nur", "Muchamad Nur Aziz")
    assert not same_person("Tri Adhianto", "Tri Sutrisno")


def test_name_before_selaku_title_with_degrees_between():
    text = ("Tri Adhianto selaku Wali Kota Bekasi menerima kunjungan Pemkab Banyuwangi. "
            "Hadir pula Dr. Budi Santoso, M.Si., sebagai Sekretaris Daerah Kabupaten Banyuwangi.")
    assert officials_of(text) == [("Tri Adhianto", "Wali Kota", "Kota Bekasi"),
                                  ("Budi Santoso", "Sekretaris Daerah", "Kabupaten Banyuwangi")]


def test_unnamed_region_taken_from_the_party_named_before_it_in_the_sentence():
    text = ("Duta Besar Kerajaan Belanda untuk Indonesia, Hendrik van der Molen, diterima Bupati Demak "
            "Nur Laila. Dari Pemkab Demak hadir Plt. Kepala Bappeda Ahmad Sholikhin.")
    officials = officials_of(text)
    assert ("Hendrik van der Molen", "Duta Besar", "Netherlands") in officials
    assert ("Ahmad Sholikhin", "Pelaksana Tugas Kepala Bappeda", "Kabupaten Demak") in officials


def test_unit_of_a_head_of_office_with_a_list_and_an_acronym():
    text = ("Pemkot Sukabumi dan Pemkab Sukabumi meneken kesepakatan. Kepala Dinas Kelautan dan Perikanan "
            "Kabupaten Sukabumi, Ir. Suharto, hadir bersama Kadis PUPR Kota Sukabumi, Ir. Wahyu Hidayatullah.")
    officials = officials_of(text)
    assert ("Suharto", "Kepala Dinas Kelautan dan Perikanan") in [(o[0], o[1]) for o in officials]
    assert ("Wahyu Hidayatullah", "Kepala Dinas PUPR", "Kota Sukabumi") in officials


def test_name_before_a_title_in_parentheses_without_the_sentence_opener():
    text = ("Pemkot Bekasi menerima kunjungan kerja Pemkab Banyuwangi. "
            "Hadir Tri Adhianto (Wali Kota Bekasi) dan H. Budi Santoso, M.Si. (Sekda Banyuwangi).")
    assert officials_of(text) == [("Tri Adhianto", "Wali Kota", "Kota Bekasi"),
                                  ("Budi Santoso", "Sekretaris Daerah", "Kabupaten Banyuwangi")]


def test_name_before_a_comma_and_title_but_never_a_place():
    text = ("Rombongan Pemkab Barito Kuala datang ke Pemkab Sumedang. Rombongan dipimpin Ahmad Fauzan, "
            "Wakil Bupati Barito Kuala. Pemkab Sumedang, Bupati Sumedang menyambut.")
    assert officials_of(text) == [("Ahmad Fauzan", "Wakil Bupati", "Kabupaten Barito Kuala")]


def test_officials_of_a_foreign_council():
    text = ("Wali Kota Pontianak Edi Kamtono menerima lawatan Majlis Daerah Tuaran, Sabah Malaysia. "
            "Pegawai Eksekutif Majlis Daerah Tuaran, Jamlin bin Ladin, menyampaikan terima kasih.")
    assert ("Jamlin bin Ladin", "Pegawai Eksekutif", "Tuaran") in officials_of(text)


def test_member_of_a_dprd_commission_belongs_to_the_region_of_that_commission():
    text = ("Komisi I DPRD Tarakan melakukan kunjungan kerja ke Pemkot Surabaya. Kepala Dispendukcapil Kota "
            "Surabaya, Agus Priyo, memaparkan layanan. Anggota Komisi I, Dra. Hj. Siti Rahmah, bertanya.")
    assert officials_of(text) == [("Agus Priyo", "Kepala Dispendukcapil", "Kota Surabaya"),
                                  ("Siti Rahmah", "Anggota Komisi I DPRD", "Kota Tarakan")]


def test_a_bare_kepala_without_a_unit_is_no_position():
    text = "Pemkot Palu menerima Pemkab Minsel. Para kepala daerah Sulawesi hadir, kata kepala Budi."
    assert officials_of(text) == []


def test_name_after_a_unit_and_its_secretariat_and_councillor_honorific():
    text = ("Pemkot Balikpapan dan Pemkab Kutai Kartanegara menggelar pertemuan. Kutai Kartanegara diwakili "
            "Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah, Ahmad Rifani.")
    assert ("Ahmad Rifani", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Kabupaten Kutai Kartanegara") in officials_of(text)


def test_a_delegation_head_with_a_post_no_title_list_holds_is_read_with_the_ner():
    text = ("Pemerintah Kota Pekalongan menerima kunjungan kerja delegasi Pemerintah Kota Zwolle, Belanda, "
            "Rabu (3/7/2024). Rombongan dipimpin Wethouder (anggota dewan eksekutif kota) Zwolle, "
            "Mr. Jan-Willem de Vries. Wali Kota Pekalongan, Afzan Arslan Djunaid, menyambut rombongan.")
    assert ("Jan-Willem de Vries", "Wethouder", "Zwolle") in officials_of(text)


def test_a_delegation_head_with_a_known_title_is_left_to_the_titles():
    text = ("Rombongan Pemkab Demak yang dipimpin Wakil Bupati Demak, Ali Makhsun, diterima Wali Kota "
            "Semarang, Hevearita Gunaryanti Rahayu, di Balai Kota Semarang.")
    officials = officials_of(text)
    assert ("Ali Makhsun", "Wakil Bupati", "Kabupaten Demak") in officials
    assert not any(position.startswith("Wakil Bupati Demak") for _, position, _ in officials)


def test_a_party_name_an_acronym_or_an_activity_after_a_title_is_not_a_person():
    text = ("Bupati Kendal Dico Ganinduto menerima Ketua DPRD Golkar dan rombongan Wali Kota RRT, "
            "Rabu (5/3). Wakil Bupati Kaji Banding ke Pemkot Semarang.")
    assert [name for name, _, _ in officials_of(text)] == ["Dico Ganinduto"]


def test_a_field_word_before_the_name_does_not_join_it():
    text = ("Wali Kota Semarang menerima Kepala Biro Kerja Sama Taufik Hidayat dari Pemprov Jawa Tengah. "
            "Asisten Pembangunan Didi Aryadi turut hadir.")
    names = [name for name, _, _ in officials_of(text)]
    assert not any(n.startswith(("Kerja", "Pembangunan")) for n in names)


def test_a_foreign_officials_name_after_the_places_that_locate_the_city():
    text = ("Bupati Garut menerima kunjungan Wakil Wali Kota Higashikawa, Hokkaido, Jepang, Fumihiro Sitou "
            "beserta rombongan, Selasa (22/4). Gubernur Sulsel bertemu Gubernur Negara Bagian Victoria "
            "Australia, The Honourable Ms Linda Dessau AC CVO, Kamis (16/5).")
    names = {name for name, _, _ in officials_of(text)}
    assert {"Fumihiro Sitou", "Linda Dessau"} <= names
    assert "Hokkaido" not in names


def test_a_name_after_a_comma_without_a_country_is_still_read_as_the_name():
    text = "Wali Kota Bekasi, Tri Adhianto, menerima Wali Kota Izumisano, Jepang, Hiroyuki Chiyomatsu."
    assert [name for name, _, _ in officials_of(text)] == ["Tri Adhianto", "Hiroyuki Chiyomatsu"]


def test_a_place_and_its_country_after_a_title_are_not_a_person():
    # `Mungyeong Si`: the Korean `-si` (city) read as a name, then the country
    text = "Wali Kota Salatiga Robby Hernawan menerima Wali Kota Mungyeong Si Korea Selatan, Rabu (16/4)."
    assert [name for name, _, _ in officials_of(text)] == ["Robby Hernawan"]


def test_a_name_word_may_hold_an_apostrophe():
    text = ("Bupati Rembang, Anna Mu’awanah, menerima kunjungan Wali Kota Probolinggo, Ma'ruf Hidayat. "
            "Wakil Bupati Rembang O’ong hadir.")
    names = [name for name, _, _ in officials_of(text)]
    assert names == ["Anna Mu’awanah", "Ma'ruf Hidayat", "O’ong"]


@pytest.mark.parametrize("text, official", [
    # an envoy, past the country and the seat
    ("Wali Kota Kupang menerima Konsul Jenderal (Konjen) Jepang di Denpasar-Bali, Katsumata Harumi.",
     ("Katsumata Harumi", "Konsul Jenderal", "Japan")),
    ("Wali Kota Padang menerima kunjungan Konjen RRT di Medan, yaitu Mr. Zhang Min, Senin (6/3/2023).",
     ("Zhang Min", "Konsul Jenderal", "China")),
    ("Gubernur Jawa Tengah menerima Duta Besar Korea Selatan untuk Indonesia Lee Sang-deok di Semarang.",
     ("Lee Sang-deok", "Duta Besar", "South Korea")),
    # a unit the NER ends with a person keeps it when a name follows
    ("Rombongan Pemkab Sragen yang dipimpin Asisten Pemerintahan dan Kesra, Sutrisna, diterima "
     "Asisten II Setda Kota Surakarta, Heru Sunardi.", ("Sutrisna", "Asisten Pemerintahan dan Kesra", "Kabupaten Sragen")),
])
def test_an_official_is_read_past_what_stands_between_title_and_name(text, official):
    assert official in officials_of(text)


def test_a_short_month_form_is_a_name_word_away_from_numbers():
    text = ("Wali Kota Bandar Lampung menerima Konsul Jenderal Tiongkok, Selasa 15 Jan 2019. "
            "Rombongan dipimpin Wakil Konsul Jenderal Tiongkok Wang Jun.")
    officials = officials_of(text)
    assert ("Wang Jun", "Wakil Konsul Jenderal", "China") in officials
    assert not any("Jan" in name for name, _, _ in officials)


def test_a_unit_ends_where_the_person_the_ner_finds_begins():
    text = ("Bupati Garut didampingi Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu "
            "Dadang Mohamad Ma’soem dan Sekda Garut Nurdin Yana menerima rombongan Wali Kota Depok.")
    positions = {name: position for name, position, _ in officials_of(text)}
    assert positions.get("Nurdin Yana") == "Sekretaris Daerah"
    assert positions.get("Mohamad Ma’soem", "").startswith("Kepala Dinas Penanaman Modal")  # the NER's person


def test_a_korean_city_with_its_si_and_country_before_the_name():
    text = ("Pemerintah Kota Salatiga menerima kunjungan Wali Kota Mungyeong Si Korea Selatan, Shin Hyun Kook, "
            "dan Ketua DPRD Mungyeong Si Lee Jeong Geol, Selasa (15/4/2025).")
    assert officials_of(text) == [("Shin Hyun Kook", "Wali Kota", "Mungyeong"),
                                  ("Lee Jeong Geol", "Ketua DPRD", "Mungyeong")]


def test_an_abbreviated_first_name_keeps_its_full_stop_and_the_rest_of_the_name():
    text = "Wali Kota Makassar, Moh. Ramdhan Pomanto, menerima Pj. Wali Kota Mojokerto Moh. Ali Kuncoro."
    assert [name for name, _, _ in officials_of(text)] == ["Moh. Ramdhan Pomanto", "Moh. Ali Kuncoro"]


def test_after_a_foreign_city_and_its_country_the_name_comes_after_the_country():
    text = ("Pemkab Sumedang menerima rombongan dari Distrik Seodaemun, Seoul, Korea Selatan.\n"
            "Walikota Distrik Seodaemun Seoul Korea Selatan, Ms. Park Kang-soo mengakui Kabupaten Sumedang "
            "menjadi teman sepadan.")
    assert officials_of(text) == [("Park Kang-soo", "Wali Kota", "Distrik Seodaemun")]


def test_a_capital_letter_inside_a_name_is_an_initial_and_a_slogan_is_no_name():
    text = ("Bupati Purbalingga, Dyah H Pratiwi, menerima kunjungan Bupati Tulang Bawang Winarti SE MH. "
            "Bupati Gotong Royong itu datang bersama rombongan.")
    names = [name for name, _, _ in officials_of(text)]
    assert names[0].startswith("Dyah") and names[0].endswith("Pratiwi") and len(names[0].split()) >= 2
    assert "Winarti" in names and not any("Gotong" in name or "SE" in name.split() for name in names)


def test_a_place_no_gazetteer_knows_after_a_level_word_is_the_place_not_the_name():
    text = ("Pemkab Garut menerima kunjungan Pemerintah Kota Nishiwakamura, Jepang, Senin (3/3/2025). "
            "Kepala Bagian Kerja Sama Kota Nishiwakamura, Mr. Taro Yamada, menyambut baik kerja sama ini.")
    names = [official[0] for official in officials_of(text)]
    assert "Taro Yamada" in names and "Nishiwakamura" not in names


def test_an_office_named_by_its_short_name_ends_where_the_name_begins():
    text = ("Wali Kota Manado menerima rombongan Pemkot Cilegon, Senin (3/3/2025). Sekda Kota Manado Micler Lakat "
            "didampingi Kepala Bapelitbangda Liny Tambajong dan Kepala Dinas Kominfo Erwin Kontu serta Kepala BPBD "
            "Budi Santoso mengajak rombongan melihat ruang Big Data.")
    names = {(name, position) for name, position, _ in officials_of(text)}
    assert {("Liny Tambajong", "Kepala Bapelitbangda"), ("Erwin Kontu", "Kepala Dinas Kominfo"),
            ("Budi Santoso", "Kepala BPBD")} <= names


def test_a_unit_of_office_words_only_or_before_a_place_is_no_name():
    text = ("Wali Kota Manado menerima rombongan Pemkot Cilegon, Senin (3/3/2025). Hadir para Kepala Organisasi "
            "Perangkat Daerah dan Kepala Divisi Koeksistensi Multikultural Kota Manado.")
    assert not any(position.startswith("Kepala") for _, position, _ in officials_of(text))


def test_an_honorific_written_onto_the_name_is_dropped():
    text = ("Bupati Sumedang H.Dony Ahmad Munir menerima kunjungan Wali Kota Bandung Dr.Ir.Budi Santoso, "
            "S.T., M.Si. di Gedung Negara, Senin (3/3/2025).")
    assert {name for name, _, _ in officials_of(text)} == {"Dony Ahmad Munir", "Budi Santoso"}


def test_military_rank_before_a_name_is_dropped():
    text = ("Gubernur Sulawesi Utara, Mayjen TNI (Purn) Steven Kandou, menerima Wali Kota Bitung, "
            "Maurits Mantiri, di Manado.")
    assert ("Steven Kandou", "Gubernur", "Provinsi Sulawesi Utara") in officials_of(text)


def test_a_title_in_a_buildings_name_names_no_one():
    text = ("Bupati Morowali Yusran Lapananda beraudiensi dengan Bupati Luwu Timur Jufri Paberangi di Aula "
            "Rumah Jabatan Bupati, Puncak Indah, Malili.")
    assert [name for name, _, _ in officials_of(text)] == ["Yusran Lapananda", "Jufri Paberangi"]


def test_an_offices_words_after_a_title_are_no_name():
    text = ("Bupati Banyuwangi Ratna Wulandari menerima Konsul Jenderal Jepang di Surabaya, Takahiro "
            "Nishimura, yang didampingi Konsul Bidang Ekonomi.")
    assert "Bidang Ekonomi" not in [name for name, _, _ in officials_of(text)]


def test_an_honorific_before_a_hyphenated_korean_given_name_is_a_surname():
    text = ("Wali Kota Bandung, Kang Emil, menerima Wali Kota Suwon, Kang Seok-min, dan Wakil Wali Kota Suwon, "
            "Mr. Lee Ji-hyun.")
    assert [name for name, _, _ in officials_of(text)] == ["Emil", "Kang Seok-min", "Lee Ji-hyun"]


def test_a_secretariats_short_form_and_a_waste_unit_are_no_names():
    text = ("Wali Kota Tanjungpinang Andi Putra menerima Bupati Lingga Nizar. Hadir Asisten Perekonomian dan "
            "Pembangunan Setdako Tanjungpinang, Hj. Suryani Rahim, S.E., dan Kepala Bidang Pengelolaan Sampah "
            "pada Dinas Lingkungan Hidup Kabupaten Lingga.")
    names = [name for name, _, _ in officials_of(text)]
    assert "Suryani Rahim" in names
    assert not any("Setdako" in name or name == "Sampah" for name in names)


def test_a_secretary_of_an_office_a_camat_of_a_district_and_a_municipal_administrator():
    text = ("Bupati Sikka Yoseph Moa menerima rombongan Pemkab Manggarai Barat. Hadir Sekretaris Bappeda "
            "Kabupaten Manggarai Barat, Hendra Wijaya, S.Kom., dan Camat Alok, Fransiskus Lewar, S.Sos.")
    found = officials_of(text)
    assert found[:2] == [("Yoseph Moa", "Bupati", "Kabupaten Sikka"),
                         ("Hendra Wijaya", "Sekretaris Bappeda", "Kabupaten Manggarai Barat")]
    assert [(name, position) for name, position, _ in found[2:]] == [("Fransiskus Lewar", "Camat")]


def test_a_bare_secretary_and_a_unit_written_as_one_word_name_no_one():
    text = ("Wali Kota Tual menerima Wali Kota Surabaya. Hadir Asisten I, Kabag Pemerintahan dan Kerjasama, "
            "Sekretaris BPKAD, serta sekretaris rombongan.")
    names = [name for name, _, _ in officials_of(text)]
    assert "Kerjasama" not in names and not any(name.islower() for name in names)


def test_a_compass_word_after_a_foreign_city_is_the_councils_not_the_name():
    text = ("Wali Kota Pontianak Edi Rusdianto menerima Datuk Bandar Kuching Utara Datuk Haji Wan Azman bin "
            "Wan Ismail, Malaysia.")
    assert ("Wan Azman bin Wan Ismail", "Datuk Bandar", "Kuching") in officials_of(text)


def test_the_acehnese_honorific_teungku_is_no_name():
    text = "Bupati Banyuwangi menerima Wakil Bupati Aceh Besar, Tgk. H. Syukri Abdullah, S.Ag."
    assert ("Syukri Abdullah", "Wakil Bupati", "Kabupaten Aceh Besar") in officials_of(text)


def test_a_dprd_bodys_title_before_a_misspelt_council_town_keeps_its_region():
    text = ("DPRD Kota Banjarbaru berkunjung ke DPRD Kota Palangka Raya. Sedangkan, Ketua Komisi II DPRD Kota "
            "Banjabaru, Imung menjelaskan tujuan kunjungan.")
    assert ("Imung", "Ketua Komisi II DPRD", "Kota Banjarbaru") in officials_of(text)


def test_sekprov_is_a_provinces_secretary():
    text = "Wagub Kaltara Udin Hianggio didampingi Pj Sekprov Kaltara H Saiful Herman bertemu Wakil Bupati Buleleng."
    assert ("Saiful Herman", "Penjabat Sekretaris Daerah", "Provinsi Kalimantan Utara") in officials_of(text)


def test_after_a_buildings_title_only_a_whole_person_the_ner_reads_is_named():
    text = ("Kesepakatan diteken Bupati Kampar Ahmad Yusri Hasibuan dan Pj Wali Kota Pekanbaru Syamsul Bahri "
            "Nasution di Kantor Wali Kota Pekanbaru, Tenayan Raya, kemarin.")
    assert "Tenayan Raya" not in [name for name, _, _ in officials_of(text)]


def test_a_director_of_a_foreign_governments_bureau_is_its_official_but_a_companys_is_not():
    text = ("Wali Kota Medan, Rahmad Sitorus, menerima rombongan Pemerintah Kota Nanning, Tiongkok. Direktur "
            "Kantor Urusan Luar Negeri Kota Nanning, Wei Lixia, menyampaikan draf nota kesepahaman. Hadir pula "
            "Direktur Utama PT Sinar Medan, Budi Hartono.")
    assert officials_of(text) == [
        ("Rahmad Sitorus", "Wali Kota", "Kota Medan"),
        ("Wei Lixia", "Direktur Kantor Urusan Luar Negeri", "Nanning"),
    ]


def test_malaysian_chief_ministers_and_a_captains_rank_before_a_name():
    text = ("Wali Kota Tidore Kepulauan, Capt. H. Ahmad Laiman, menerima kunjungan Ketua Menteri Melaka, "
            "Malaysia, Dato' Seri Ab Rauf Yusoh, di Tidore.")
    assert officials_of(text) == [
        ("Ahmad Laiman", "Wali Kota", "Kota Tidore Kepulauan"),
        ("Ab Rauf Yusoh", "Ketua Menteri", "Melaka"),
    ]


def test_a_delegation_leader_the_ner_reads_only_as_honorifics_is_named_by_the_words_after_them():
    text = ("Gubernur Sumbar menerima delegasi Kerajaan Negeri Sembilan, Malaysia, yang dipimpin langsung oleh "
            "Menteri Besar Negeri Sembilan, Dato' Seri Haji Kamarulzaman bin Yusof, di Padang.")
    assert ("Kamarulzaman bin Yusof", "Menteri Besar", "Negeri Sembilan") in officials_of(text)


def test_a_bare_mayors_title_is_the_foreign_citys_where_no_indonesian_city_takes_part():
    text = ("Delegasi Pemerintah Kota Gyeongju, Korea Selatan, yang dipimpin Wali Kota Seo Dong-hyun berkunjung "
            "ke Pemerintah Kabupaten Gianyar. Rombongan diterima Bupati Gianyar, I Wayan Suardika Putra.")
    assert officials_of(text) == [("Seo Dong-hyun", "Wali Kota", "Gyeongju"),
                                  ("I Wayan Suardika Putra", "Bupati", "Kabupaten Gianyar")]


def test_a_list_of_officials_each_with_the_unit_of_their_office():
    text = ("Wali Kota Bukittinggi menerima Bupati Agam. Wali Kota didampingi Sekretaris Daerah Kota Bukittinggi, "
            "Yulnadi Amri, Kepala Dinas Pariwisata, Deni Mulyadi, serta Kepala Dinas Perdagangan, Rini Oktavia.")
    assert ("Deni Mulyadi", "Kepala Dinas Pariwisata", "Kota Bukittinggi") in officials_of(text)


def test_an_offices_short_name_in_brackets_ends_its_full_name():
    text = ("Pemerintah Provinsi Kalimantan Timur dan Pemerintah Kabupaten Enrekang menandatangani kesepakatan. "
            "Perjanjian teknis diteken Kepala Dinas Pangan, Tanaman Pangan dan Hortikultura (DPTPH) Kaltim, "
            "Ir. Siti Rahmawati, M.P.")
    assert officials_of(text) == [
        ("Siti Rahmawati", "Kepala Dinas Pangan, Tanaman Pangan dan Hortikultura", "Provinsi Kalimantan Timur")]


def test_a_veterinarians_degree_and_an_aceh_councils_body():
    text = ("Komisi B DPRK Aceh Tamiang berkunjung ke Pemkab Sumba Timur. Rombongan dipimpin Ketua Komisi B DPRK "
            "Aceh Tamiang, Tgk. Zulkifli Amri. Kepala Dinas Peternakan Kabupaten Sumba Timur, drh. Ferdinandus "
            "Lamba, memaparkan kasus rabies.")
    assert officials_of(text) == [
        ("Zulkifli Amri", "Ketua Komisi B DPRK", "Kabupaten Aceh Tamiang"),
        ("Ferdinandus Lamba", "Kepala Dinas Peternakan", "Kabupaten Sumba Timur")]


def test_a_malaysian_states_executive_councillor_and_director():
    text = ("Gubernur Kepulauan Riau menerima delegasi Kerajaan Negeri Johor, Malaysia. Delegasi dipimpin Exco "
            "Pelaburan, Perdagangan dan Hal Ehwal Pengguna Negeri Johor, Dato' Hasrul Nizam Bakri. Hadir pula "
            "Pengarah Unit Perancang Ekonomi Negeri Johor, Noraini Hashim.")
    assert officials_of(text) == [
        ("Hasrul Nizam Bakri", "Exco Pelaburan, Perdagangan dan Hal Ehwal Pengguna", "Johor"),
        ("Noraini Hashim", "Pengarah Unit Perancang Ekonomi", "Johor")]


def test_a_post_after_plt_is_no_name_before_the_next_title():
    text = ("Bupati Agam berkunjung ke Padang. Wali Kota Padang didampingi Kepala BKPSDM Arfian yang juga Plt "
            "Kadisdikbud, Kabag Kerja Sama, serta para camat.")
    assert officials_of(text) == [("Arfian", "Kepala BKPSDM", "Kota Padang")]


def test_a_foreign_town_named_with_its_country_before_is_the_region_of_an_office_after_kota():
    text = ("Bupati Garut menerima delegasi Kota Higashikawa, Hokkaido, Jepang. Kepala Divisi Koeksistensi "
            "Multikultural Kota Higashikawa, Mr. Daiki Honda, menyambut baik kemitraan ini.")
    assert ("Daiki Honda", "Kepala Divisi Koeksistensi Multikultural", "Higashikawa") in officials_of(text)


def test_mokh_is_a_name_prefix_kept_with_the_name():
    text = ("Bupati Sragen menerima kunjungan Sekretaris Daerah Kabupaten Ngawi, Dr. Mokh. Hadi Santoso, M.Si., "
            "Selasa (4/2/2025).")
    assert ("Mokh. Hadi Santoso", "Sekretaris Daerah", "Kabupaten Ngawi") in officials_of(text)



@pytest.mark.parametrize("text, official", [
    ("Bupati Jember Hendro Wicaksono menerima Konsul Jenderal Jepang di Surabaya, Takeshi Mori, yang didampingi "
     "Konsul Bidang Ekonomi, Emi Sakamoto.", ("Emi Sakamoto", "Konsul Bidang Ekonomi", "Japan")),
    ("Gubernur Jawa Tengah menerima rombongan Provinsi Chungcheongnam-do, Korea Selatan, yang dipimpin Wakil "
     "Gubernur Bidang Ekonomi Chungcheongnam-do, Kim Dong-su.",
     ("Kim Dong-su", "Wakil Gubernur Bidang Ekonomi", "Chungcheongnam-do")),
    ("Wali Kota Solo, Rudi Hartanto, dan Wakil Wali Kota Freiburg Bidang Pendidikan dan Kebudayaan, Dr. Lena Fischer, "
     "menandatangani surat minat kerja sama, Jerman.",
     ("Lena Fischer", "Wakil Wali Kota Bidang Pendidikan dan Kebudayaan", "Freiburg")),
    # foreign posts and honorifics
    ("Gubernur Kalimantan Barat Rahmat Hidayat tiba di Kuching, Malaysia. Ia diterima Premier Sarawak Datuk Patinggi "
     "Abang Kamaruddin di Wisma Bapa Malaysia.", ("Abang Kamaruddin", "Premier", "Sarawak")),
    ("Bupati Merauke Yosef Gebze berkunjung ke Daru, Papua Nugini, dan diterima Provincial Administrator "
     "Western Province, Samuel Wape.", ("Samuel Wape", "Provincial Administrator", "Western Province")),
    ("Gubernur Sumatera Utara menerima delegasi Provinsi Guangdong, Tiongkok, yang dipimpin Direktur Jenderal "
     "Kantor Urusan Luar Negeri Provinsi Guangdong Huang Wei.",
     ("Huang Wei", "Direktur Jenderal Kantor Urusan Luar Negeri", "Guangdong")),
    ("Wali Kota Semarang menerima Duta Besar Belanda, Pieter Jansen, yang didampingi Konselor Bidang Air "
     "Kedutaan Besar Belanda, Anouk Visser, serta Atase Pendidikan, Bram de Wit.",
     ("Bram de Wit", "Atase Pendidikan", "Netherlands")),
    ("Wali Kota Medan menerima Datuk Bandar Ipoh, Malaysia, yang datang bersama Timbalan Datuk Bandar Ipoh, "
     "Puan Siti Aishah binti Omar.", ("Siti Aishah binti Omar", "Timbalan Datuk Bandar", "Ipoh")),
    ("Bupati Bobonaro kunjungan ke Atambua, Kabupaten Belu. Bupati Belu menerima Administrador Munisipiu "
     "Bobonaro, Timor-Leste, dan Vise Administrador Munisipiu Bobonaro, Sr. Januario Belo.",
     ("Januario Belo", "Vise Administrador Munisipio", "Bobonaro")),
])
def test_the_field_a_post_is_for_and_foreign_posts_and_honorifics(text, official):
    assert official in officials_of(text)



def test_a_title_after_para_names_every_holder_not_a_person():
    text = ("Bupati Klaten menerima Bupati Boyolali. Hasil rapat dibawa ke pertemuan para bupati dan wali kota "
            "Solo Raya, Jumat.")
    assert officials_of(text) == []


def test_a_regions_short_form_ends_the_office_before_the_name():
    text = ("Sekda Kota Tangerang Selatan menerima rombongan DPRD Kabupaten Lebak. Kepala Badan Pendapatan Daerah "
            "(Bapenda) Tangsel, Dr. H. Rudi Prasetyo, memaparkan pajak online.")
    assert ("Rudi Prasetyo", "Kepala Badan Pendapatan Daerah", "Kota Tangerang Selatan") in officials_of(text)


@pytest.mark.parametrize("text, official", [
    ("Gubernur Kalimantan Timur menerima delegasi Negeri Sabah, Malaysia. Hadir Setiausaha Kerajaan Negeri Sabah "
     "Datuk Haji Kamal Ibrahim. Negeri Sabah siap bekerja sama.", ("Kamal Ibrahim", "Setiausaha", "Sabah")),
    ("Bupati Agam menerima Wali Kota Payakumbuh. Hadir Kepala Dinas Pariwisata Payakumbuh, Hendra Dt. Rajo Nan "
     "Sati.", ("Hendra", "Kepala Dinas Pariwisata", "Kota Payakumbuh")),
])
def test_a_persons_honorifics_after_a_place_or_inside_the_name(text, official):
    assert official in officials_of(text)


def test_a_short_region_form_and_an_engineering_degree_are_no_names():
    text = ("Bupati Temanggung menerima rombongan Pemkab Humbang Hasundutan. Hadir Kepala Dinas Pertanian Humbahas "
            "Marlina Sitorus dan Kepala Dinas PUPR Temanggung, Budi Santoso, S.T., M.Eng., di pendopo.")
    names = [name for name, _, _ in officials_of(text)]
    assert "Marlina Sitorus" in names
    assert not any("Humbahas" in name or "Eng" in name for name in names)


def test_a_two_word_short_region_form_ends_the_office_before_the_name():
    text = ("DPRD Provinsi Jambi menerima Komisi II DPRD Kabupaten Tanjung Jabung Timur. Rombongan dipimpin Ketua "
            "Komisi II DPRD Tanjab Timur, H. Syamsul Bahri, S.Ag.")
    assert ("Syamsul Bahri", "Ketua Komisi II DPRD", "Kabupaten Tanjung Jabung Timur") in officials_of(text)


def test_an_abbreviated_honorific_ends_an_offices_name_and_a_person_after_a_secretariat_is_no_place():
    text = ("Wali Kota Solok menerima Bupati Tanah Datar. Turut hadir Kepala Dinas Perhubungan Ir. Rahmat Yusuf, "
            "M.T., dan Kepala Bagian Kerja Sama Setdako Dewi Anggraini, S.STP. Penandatanganan turut disaksikan.")
    officials = {(name, position) for name, position, _ in officials_of(text)}
    assert ("Rahmat Yusuf", "Kepala Dinas Perhubungan") in officials
    assert ("Dewi Anggraini", "Kepala Bagian Kerja Sama") in officials


def test_a_dutch_mayor_is_a_wali_kota():
    text = ("Wali Kota Ambon menerima Burgemeester Nijmegen, Belanda, Joris van Dam, di Balai Kota Ambon.")
    assert ("Joris van Dam", "Wali Kota", "Nijmegen") in officials_of(text)


def test_an_english_title_with_its_unit_after_of_keeps_its_words():
    text = ("Wali Kota Kendari menerima Wali Kota Nagoya, Hiroto Kawamura, yang didampingi Director of International "
            "Exchange Division, Mika Tanaka. Hadir juga Director of Sales PT Nusantara Jaya, Budi Santoso.")
    officials = officials_of(text)
    assert ("Mika Tanaka", "Director of International Exchange Division", "Nagoya") in officials
    assert not any(name == "Budi Santoso" for name, _, _ in officials)  # a company's director: no unit of a government


def test_anak_joins_an_iban_name_as_bin_joins_a_malay_one():
    text = ("Gubernur Kalimantan Utara menerima Datuk Bandar Miri, Malaysia, yang didampingi Timbalan Datuk Bandar "
            "Miri, Encik Robert Lawai anak Jimbun.")
    assert ("Robert Lawai anak Jimbun", "Timbalan Datuk Bandar", "Miri") in officials_of(text)


def test_br_joins_a_batak_or_karo_womans_name_to_her_clan_and_ends_no_sentence():
    text = ("Wali Kota Binjai menerima rombongan DPRK Aceh Tamiang. Hadir Asisten Perekonomian dan Pembangunan Setda "
            "Binjai, Herlina Br. Ginting, dan Kepala Dinas Perdagangan Binjai, Rosmawati br Sitepu.")
    names = [name for name, _, _ in officials_of(text)]
    assert "Herlina Br. Ginting" in names and "Rosmawati br Sitepu" in names
