"""Ukrainian: no NER model of its own. Ukrainian fragments inside another language's article go
through the Russian fragment model, which reads Ukrainian names fairly well; a whole Ukrainian
article gets dates only (no gold to measure a Russian model on Ukrainian text against)."""
NLP = "pipeline.annotate.nlp:load_blank"
FRAGMENT_NER = "pipeline.annotate.ner_ru:entities_in_fragment"
