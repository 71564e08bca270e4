"""Named entities: the spaCy pipeline the extractors read (`nlp`), its two statistical backends, and the
training and benchmark of those models (`training`, `stanza_training`, `corpus`, `bench`), which no
run imports."""
