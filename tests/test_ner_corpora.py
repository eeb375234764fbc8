"""The factRuEval reader of the names-only convention, on a document written here."""
from pipeline.evaluate.ner_corpora import factrueval_name_docs

TEXT = "Сотрудники мэрии Томска и компании «Сибирский лес» встретили Ивана Петрова у реки Томь."


def _span(sid: str, kind: str, word: str) -> str:
    start = TEXT.index(word)
    return f"{sid} {kind} {start} {len(word)} 0 1  # 0 {word}"


def test_names_only_spans(tmp_path):
    folder = tmp_path / "ner" / "factrueval2016" / "devset"
    folder.mkdir(parents=True)
    (folder / "doc_1.txt").write_text(TEXT, encoding="utf-8")
    spans = [_span("1", "org_descr", "мэрии"), _span("2", "loc_name", "Томска"),
             _span("3", "org_descr", "компании"), _span("4", "org_name", "Сибирский лес"),
             _span("5", "name", "Ивана"), _span("6", "surname", "Петрова"),
             _span("7", "loc_descr", "реки"), _span("8", "loc_name", "Томь")]
    (folder / "doc_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    objects = ["10 Org 1 2 # мэрии Томска", "11 LocOrg 2 # Томска", "12 Org 3 4 # компании Сибирский лес",
               "13 Person 5 6 # Ивана Петрова", "14 Location 7 8 # реки Томь"]
    (folder / "doc_1.objects").write_text("\n".join(objects) + "\n", encoding="utf-8")
    [(name, text, gold)] = list(factrueval_name_docs(tmp_path))
    got = sorted((text[a:b], lab) for a, b, lab in gold)
    # an organisation without an org_name span (мэрии Томска) gives no ORG; descriptors are left out
    assert got == [("Ивана Петрова", "PER"), ("Сибирский лес", "ORG"), ("Томска", "LOC"), ("Томь", "LOC")]
