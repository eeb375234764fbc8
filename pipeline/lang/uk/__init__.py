"""Ukrainian: no NER model yet; fragments go through the Russian model, which reads Ukrainian names fairly well."""
NLP = "pipeline.annotate.nlp:load_blank"
FRAGMENT_NER = "pipeline.annotate.ner_ru:entities_in_fragment"
