"""The cache key follows the Polish NER model a run uses, also one kept outside the package."""
import pytest

from pipeline.paths import PL_NER_MODEL_DIR, PL_NER_MODEL_ENV
from pipeline.run.cache import pipeline_version


@pytest.fixture
def version(monkeypatch):
    def of(model_dir=None) -> str:
        if model_dir is None:
            monkeypatch.delenv(PL_NER_MODEL_ENV, raising=False)
        else:
            monkeypatch.setenv(PL_NER_MODEL_ENV, str(model_dir))
        pipeline_version.cache_clear()
        return pipeline_version()

    yield of
    pipeline_version.cache_clear()


def test_a_model_outside_the_package_changes_the_key(version, tmp_path):
    shipped = version()
    assert version(PL_NER_MODEL_DIR) == shipped
    trial = tmp_path / "trial"
    trial.mkdir()
    (trial / "config.cfg").write_text("[nlp]\nlang = \"pl\"\n", encoding="utf-8")
    first = version(trial)
    assert first != shipped
    (trial / "config.cfg").write_text("[nlp]\nlang = \"pl\"\nbatch_size = 64\n", encoding="utf-8")
    assert version(trial) != first
