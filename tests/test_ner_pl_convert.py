"""NKJP IOB -> training spans: outermost entity, label mapping, place adjectives and demonyms apart."""
from __future__ import annotations

import gzip

from pipeline.annotate.nkjp_iob import doc_text_and_spans, read_iob

# A made-up two-document snippet in the NKJP IOB layout (orth, base, ctag, nested tags).
IOB = """-DOCSTART CONFIG FEATURES orth base ctag
-DOCSTART FILE ./doc-a
Delegacja	delegacja	subst:sg:nom:f	O
Uniwersytetu	uniwersytet	subst:sg:gen:m3	B-orgName
Łódzkiego	łódzki	adj:sg:gen:m3:pos	I-orgName#B-placeName-settlement
odwiedziła	odwiedzić	praet:sg:f:perf	O
Grodno	Grodno	subst:sg:acc:n	B-placeName-settlement
.	.	interp	O

Anna	Anna	subst:sg:nom:f	B-persName#B-persName-forename
Wiśniewska	Wiśniewska	subst:sg:nom:f	I-persName#B-persName-surname
chwaliła	chwalić	praet:sg:f:imperf	O
białoruskich	białoruski	adj:pl:acc:m1:pos	B-placeName-country
gospodarzy	gospodarz	subst:pl:acc:m1	O
.	.	interp	O
-DOCSTART FILE ./doc-b
Polacy	Polak	subst:pl:nom:m1	B-placeName-country
przyjechali	przyjechać	praet:pl:m1:perf	O
(	(	interp	O
5	5	num:pl:nom:m3	B-date
maja	maj	subst:sg:gen:m3	I-date
)	)	interp	O
.	.	interp	O
"""


def test_read_and_convert(tmp_path):
    path = tmp_path / "mini.iob.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(IOB)
    docs = list(read_iob(path))
    assert [d.name for d in docs] == ["./doc-a", "./doc-b"]
    assert len(docs[0].sentences) == 2

    text, spans, starts = doc_text_and_spans(docs[0])
    found = [(text[a:b], label) for a, b, label in spans]
    assert found == [("Uniwersytetu Łódzkiego", "ORG"), ("Grodno", "LOC"),
                     ("Anna Wiśniewska", "PER"), ("białoruskich", "LOC_ADJ")]
    assert text.startswith("Delegacja Uniwersytetu Łódzkiego odwiedziła Grodno. Anna")
    assert starts[1] == text.index("Anna")

    text, spans, _ = doc_text_and_spans(docs[1])
    assert text == "Polacy przyjechali (5 maja)."
    assert [(text[a:b], label) for a, b, label in spans] == [("Polacy", "LOC_DEM"), ("5 maja", "DATE")]


def test_training_command_converts_with_a_document_split(tmp_path):
    from spacy.tokens import DocBin

    from pipeline.annotate.ner_pl_train import main

    path = tmp_path / "mini.iob.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(IOB)
    rc = main(["--corpus", str(path), "--out", str(tmp_path / "out"), "--dev-share", "0.5", "--convert-only"])
    assert rc == 0
    import spacy

    vocab = spacy.blank("pl").vocab
    train = list(DocBin().from_disk(tmp_path / "out" / "corpus" / "train.spacy").get_docs(vocab))
    dev = list(DocBin().from_disk(tmp_path / "out" / "corpus" / "dev.spacy").get_docs(vocab))
    assert len(train) == 1 and len(dev) == 1
    labels = {e.label_ for d in train + dev for e in d.ents}
    assert labels == {"ORG", "LOC", "PER", "LOC_ADJ", "LOC_DEM", "DATE"}


def test_training_command_without_corpus(tmp_path):
    from pipeline.annotate.ner_pl_train import main

    assert main(["--corpus", str(tmp_path / "missing.iob.gz"), "--out", str(tmp_path / "o")]) == 2
