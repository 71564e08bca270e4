"""Sectors: `extract_sectors` on hand-written Indonesian sentences."""
from pipeline.stages.extract_sectors import extract_sectors
from pipeline.ner.nlp import annotate
from pipeline.schema import Sector


def sectors_of(text: str) -> dict[str, Sector]:
    return {s.code: s for s in extract_sectors(annotate(text), "doc")}


def assert_evidence_slices(text: str, sectors: dict[str, Sector]) -> None:
    for sector in sectors.values():
        assert sector.evidence, f"{sector.code} has no evidence"
        for ev in sector.evidence:
            assert ev.doc_id == "doc"
            assert text[ev.start:ev.end] == ev.text


def test_one_phrase_pair_gives_two_codes():
    text = "Kedua daerah sepakat menjalin kerja sama di bidang budaya dan pariwisata."
    sectors = sectors_of(text)
    assert set(sectors) == {"culture", "tourism"}
    assert sectors["culture"].phrases == ["budaya"]
    assert sectors["tourism"].phrases == ["pariwisata"]
    assert_evidence_slices(text, sectors)


def test_longest_phrase_wins_wastewater_over_waste():
    text = "Rombongan melakukan studi banding tentang pengelolaan limbah cair di Kota Semarang."
    sectors = sectors_of(text)
    assert "wastewater_sanitation" in sectors
    assert "waste" not in sectors
    assert sectors["wastewater_sanitation"].phrases == ["pengelolaan limbah cair"]
    assert_evidence_slices(text, sectors)


def test_acronym_matches_case_sensitively():
    text = "Kunjungan itu membahas pengelolaan sampah di TPA Jatibarang."
    sectors = sectors_of(text)
    assert set(sectors) == {"waste"}
    assert "TPA" in sectors["waste"].phrases
    assert any(ev.text == "TPA" for ev in sectors["waste"].evidence)
    assert_evidence_slices(text, sectors)


def test_lowercase_acronym_and_acronym_inside_words_do_not_match():
    assert sectors_of("Kunjungan itu membahas tpa, stpa dan aTPAb.") == {}
    assert sectors_of("Kerja sama itu membahas program ATPAS.") == {}


def test_sector_word_in_background_sentence_is_not_coded():
    text = ("Wali Kota Semarang menerima kunjungan kerja Pemkab Banyuwangi membahas kerja sama. "
            "Kota Semarang dikenal dengan pariwisata dan kuliner yang maju.")
    assert "tourism" not in sectors_of(text)


def test_only_the_cooperation_sentence_gives_sectors():
    text = ("Kota Semarang dikenal dengan pariwisata yang maju. "
            "Kedua wali kota berdiskusi tentang kerja sama pendidikan.")
    sectors = sectors_of(text)
    assert set(sectors) == {"education"}
    assert_evidence_slices(text, sectors)


def test_list_continues_after_topic_sentence():
    text = "Kedua daerah sepakat menjalin kerja sama di 3 bidang. Yakni pendidikan, kesehatan dan pertanian."
    sectors = sectors_of(text)
    assert set(sectors) == {"education", "health", "agriculture_fisheries"}
    assert [s.code for s in extract_sectors(annotate(text), "doc")] == ["education", "health",
                                                                        "agriculture_fisheries"]
    assert_evidence_slices(text, sectors)
    assert sectors["health"].evidence[0].text == "kesehatan"


def test_list_opener_without_topic_sentence_before_is_not_coded():
    text = "Kedua daerah bertemu di Semarang. Yakni pendidikan, kesehatan dan pertanian."
    assert sectors_of(text) == {}


def test_repeated_phrase_is_listed_once_with_all_evidence():
    text = "Kerja sama pariwisata dibahas, termasuk promosi pariwisata bersama."
    sectors = sectors_of(text)
    assert sectors["tourism"].phrases == ["pariwisata"]
    assert len(sectors["tourism"].evidence) == 2
    assert_evidence_slices(text, sectors)


def test_paraphrases_of_governance_health_and_digital_fields():
    text = ("Kerja sama itu mencakup peningkatan kompetensi ASN, pengiriman tenaga perawat, serta "
            "pemanfaatan teknologi dan informasi untuk penyelenggaraan pemerintahan.")
    sectors = sectors_of(text)
    assert {"governance", "health", "smart_city_digital"} <= set(sectors)
    assert_evidence_slices(text, sectors)


def test_a_list_opened_by_mencakup_after_a_cooperation_sentence_is_on_topic():
    text = ("Kedua gubernur membahas penjajakan kerja sama strategis. "
            "Mencakup penguatan transportasi udara dan pembangunan infrastruktur.")
    assert {"transportation", "public_works"} <= set(sectors_of(text))


def test_common_phrasings_of_trade_msme_and_energy_cooperation():
    text = ("Kedua daerah sepakat bekerja sama melalui misi dagang, pendampingan UKM dan pengembangan "
            "energi baru terbarukan.")
    assert {"trade", "msme_cooperatives", "energy"} <= set(sectors_of(text))


def test_a_field_named_three_times_is_a_subject_outside_the_cue_sentences_too():
    text = ("Gubernur Kaltim menandatangani nota kesepakatan dengan Gubernur Sulteng. "
            "Kaltim selama ini bergantung pada pasokan pangan dari daerah lain. "
            "Harga pangan di Samarinda naik menjelang Ramadan, dan cadangan pangan menipis. "
            "Samarinda juga punya banyak objek wisata.")
    sectors = sectors_of(text)
    assert set(sectors) == {"food_security"}  # wisata, named once outside a topic sentence, is not one
    assert [ev.text for ev in sectors["food_security"].evidence] == ["pangan", "pangan", "cadangan pangan"]
    assert_evidence_slices(text, sectors)


def test_every_item_of_a_bulleted_or_numbered_list_after_a_topic_sentence_is_coded():
    bullets = ("Kedua kota sepakat menjalin kerja sama di empat bidang:\n\n"
               "• Pendidikan dan pertukaran pelajar\n• Ketenagakerjaan\n• Pariwisata\n• Pengelolaan sampah\n")
    assert set(sectors_of(bullets)) == {"education", "employment", "tourism", "waste"}
    numbered = ("Kerja sama yang disepakati meliputi:\n1. Pendidikan\n2. Ketenagakerjaan\n3. Pariwisata\n")
    assert set(sectors_of(numbered)) == {"education", "employment", "tourism"}


def test_a_list_after_background_is_not_coded():
    text = "Kota itu dikenal dengan beberapa keunggulan:\n\n• Pendidikan gratis\n• Pariwisata pantai\n"
    assert sectors_of(text) == {}


def test_a_field_in_an_offices_name_is_not_one_of_the_talks():
    text = ("Kedua daerah membahas kerja sama pembibitan sapi dan kesehatan hewan. Hadir Kepala Dinas Kepemudaan, "
            "Olahraga dan Pariwisata serta Kepala Dinas Perdagangan dalam pertemuan kerja sama itu.")
    assert set(sectors_of(text)) == {"agriculture_fisheries"}


def test_an_offices_name_still_adds_to_how_often_a_subject_is_named():
    text = ("Rombongan meninjau sekolah unggulan. Kepala Dinas Pendidikan memaparkan program itu. "
            "Para guru sekolah itu berbagi pengalaman.")
    assert set(sectors_of(text)) == {"education"}


def test_a_street_address_is_no_roads_sector():
    text = "Kerja sama dibahas di Ruang Rapat Bappeda, Jalan Khatib Sulaiman, Padang, tentang tata kelola data."
    assert set(sectors_of(text)) == {"governance"}
    assert "public_works" in sectors_of("Kedua daerah bekerja sama membangun jalan penghubung antarkabupaten.")


def test_the_fields_of_an_earlier_meeting_are_not_this_ones():
    text = ("Dalam kunjungan balasan ini, kedua daerah membahas kerja sama pendidikan vokasi. Sebelumnya, Bupati "
            "Buru menjajaki kerja sama di bidang pariwisata bahari. Lomba layar yang pernah menjadi agenda "
            "olahraga kedua kota akan dihidupkan kembali dalam kerja sama ini.")
    assert set(sectors_of(text)) == {"education", "youth_sports"}


def test_connectivity_alone_is_no_public_works():
    text = "Kedua daerah sepakat bekerja sama memperkuat konektivitas transportasi laut."
    assert set(sectors_of(text)) == {"transportation"}


def test_music_is_culture():
    assert set(sectors_of("Kedua kota membahas pertukaran musisi dan festival musik.")) == {"culture"}


def test_cleanliness_smoke_free_areas_and_e_budgeting_are_fields():
    text = ("DPRD Buleleng studi banding soal Ranperda Kawasan Tanpa Rokok dan Pelayanan Kebersihan, serta "
            "penerapan e-planning dan e-budgeting.")
    assert set(sectors_of(text)) == {"health", "waste", "smart_city_digital"}


def test_licensing_is_governance_and_building_permits_are_public_works():
    text = "DPRD Banjarbaru studi banding mempelajari Perda tentang Perizinan dan perizinan IMB."
    assert set(sectors_of(text)) == {"governance", "public_works"}


def test_an_assistants_portfolio_is_no_field_of_the_talks():
    text = ("Rombongan dipimpin Asisten Perekonomian dan Pembangunan Setda Sleman ingin mempelajari kerja sama "
            "pengelolaan bank sampah.")
    assert set(sectors_of(text)) == {"waste"}


def test_the_fields_in_a_consuls_or_a_units_name_are_its_own():
    text = ("Konsul Jenderal membahas kerja sama pertanian lahan kering. Ia didampingi Konsul Bidang Ekonomi "
            "dan Perdagangan, Chen Meiling, serta Pengarah Unit Perancang Ekonomi Negeri Johor.")
    assert set(sectors_of(text)) == {"agriculture_fisheries"}


def test_a_partys_profile_is_no_field_of_the_talks():
    text = ("Di awal pertemuan, Retno memaparkan gambaran umum perekonomian Jawa Timur yang tumbuh 4,9 persen. "
            "Kedua pihak kemudian membahas kerja sama hilirisasi kopi dan kakao.")
    assert "economy" not in sectors_of(text)
    assert "industry_investment" in sectors_of(text)


def test_a_party_telling_its_achievements_names_no_field_of_the_talks():
    text = ("Kunjungan kerja itu membahas kerja sama pengelolaan sampah. "
            "Wali Kota juga memaparkan sejumlah capaian daerahnya di bidang pariwisata dan kesehatan.")
    assert set(sectors_of(text)) == {"waste"}


def test_a_phrase_used_in_other_senses_names_its_field_only_beside_another():
    alone = "Kerja sama kedua daerah diharapkan membuka jalan bagi anak muda untuk bekerja di luar negeri."
    assert "public_works" not in sectors_of(alone)
    beside = "Kerja sama kedua daerah meliputi jalan desa dan drainase di perbatasan."
    assert sectors_of(beside)["public_works"].phrases == ["jalan", "drainase"]
    assert sectors_of("Kedua daerah bekerja sama dalam pembangunan jalan.")["public_works"].phrases == [
        "pembangunan jalan"]


def test_a_section_of_the_sites_menu_is_no_field():
    text = ("Pemkab Agam Studi Banding Pengelolaan Sampah ke Sleman | Pemerintahan | Pariwisata | Olahraga\n"
            "Pemkab Sleman menerima studi banding Pemkab Agam terkait kerja sama pengelolaan sampah.")
    assert set(sectors_of(text)) == {"waste"}
