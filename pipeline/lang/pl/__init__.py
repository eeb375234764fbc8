"""Polish: the project's own NER model (pipeline/models/pl_ner)."""
NLP = "pipeline.annotate.ner_pl:load_pl"
FRAGMENT_NER = None
