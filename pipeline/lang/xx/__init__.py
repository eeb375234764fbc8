"""Fallback for languages without data of their own (en, und, ...)."""
NLP = "pipeline.annotate.nlp:load_blank"
FRAGMENT_NER = None
