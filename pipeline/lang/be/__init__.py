"""Belarusian: natasha-based pipeline with Belarusian repairs."""
NLP = "pipeline.annotate.ner_ru:load_be"
FRAGMENT_NER = "pipeline.annotate.ner_ru:entities_in_fragment"
