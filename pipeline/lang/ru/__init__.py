"""Russian: natasha-based pipeline."""
NLP = "pipeline.annotate.ner_ru:load_ru"
FRAGMENT_NER = "pipeline.annotate.ner_ru:entities_in_fragment"
