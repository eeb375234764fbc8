"""Cold start: `--workers 1` loads a model only when an article needs it, and spaCy without its
command line; the city names the NER features read come prebuilt (and the shipped file is what
its script builds); the shipped Polish model keeps no training strings."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from conftest import REPO

from pipeline.annotate.city_names import city_names

# Runs one Polish article (no Cyrillic) through run_local with one worker, then reports which of
# the other languages' models the process holds.
# (looked at just before the run releases the models)
PROBE = """
import json, sys
from pathlib import Path
import pipeline.run.local as local
from pipeline.annotate.nlp import get_nlp
from pipeline.annotate.ner_ru_natasha import tagger
loaded = {}
local.release_models = lambda: loaded.update(natasha=tagger.cache_info().currsize,
                                             spacy_pipelines=get_nlp.cache_info().currsize)
result = local.run_local([Path(sys.argv[1])], workers=1, quiet=True)
print(json.dumps({"processed": result.processed, **loaded, "spacy_cli": "spacy.cli" in sys.modules}))
"""


def test_one_worker_loads_only_what_a_polish_article_needs(tmp_path):
    (tmp_path / "pl.txt").write_text(
        "title: Forum gmin w Zamościu\npublished: 2022-03-02\n\n"
        "Dnia 1 marca 2022 r. w Zamościu odbyło się forum gmin pogranicza. Uczestnicy "
        "podpisali list intencyjny o współpracy.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == {"processed": 1, "natasha": 0, "spacy_pipelines": 1, "spacy_cli": False}


def test_shipped_city_names_are_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("build_city_names", REPO / "scripts" / "build_city_names.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    built = script.build()
    shipped = city_names()
    assert built["latin"] == shipped["latin"] and built["cyrillic"] == shipped["cyrillic"]
    assert "mohylew" in shipped["latin"] and "гродна" in shipped["cyrillic"]


# spaCy imported the way the run imports it: no command line, yet `spacy.info` answers and a
# later `import spacy.cli` gets the real package.
SPACY_PROBE = """
import json, sys
from pipeline.annotate.spacy_import import import_spacy
spacy = import_spacy()
without_cli = "spacy.cli" not in sys.modules and not hasattr(spacy, "cli")
version = spacy.info(markdown=False, silent=True)["spacy_version"]
import spacy.cli
print(json.dumps({"without_cli": without_cli, "version": version == spacy.__version__,
                  "real_cli": hasattr(spacy.cli, "setup_cli")}))
"""


def test_spacy_imported_without_its_command_line():
    proc = subprocess.run([sys.executable, "-c", SPACY_PROBE], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"without_cli": True, "version": True,
                                                                 "real_cli": True}


def test_shipped_polish_model_keeps_only_its_labels_as_strings():
    import srsly

    from pipeline.paths import pl_ner_model_dir
    folder = pl_ner_model_dir()
    moves = json.loads(srsly.msgpack_loads((folder / "ner" / "moves").read_bytes())["moves"])
    labels = sorted({label for action in moves.values() for label in action if label})
    assert json.loads((folder / "vocab" / "strings.json").read_text(encoding="utf-8")) == labels
