"""The word lists built from the libraries, kept beside the result cache (``extract.prebuilt``)."""
import json
import subprocess
import sys

import pytest

from pipeline.extract import prebuilt

# a child process: warm the lists from the cache at argv[1], print what it read and whether pint was imported
# (after extracting an article when argv[2] is given: every list the extractors consult must have been warmed)
PROBE = """
import json, sys
import pipeline.extract as ex
from pipeline.extract import prebuilt
from pipeline.extract.cache import ResultCache
found = ex.warm_lists(ResultCache(__import__("pathlib").Path(sys.argv[1]), "v1"))
if len(sys.argv) > 2:
    ex.extract([{"article_id": "a1", "text": sys.argv[2]}], ex.load_model())
from pipeline.extract.entities.lexicon import gazetteer
from pipeline.extract.figures.lexicon import units_ci, units_cs
from pipeline.extract.given_names import english_name_gender, given_name_gender
print(json.dumps({"found": found, "stored": sorted(prebuilt._STORE["loaded"]), "pint": "pint" in sys.modules,
                  "built": sorted(set(prebuilt._STORE["built"]) - set(prebuilt._STORE["loaded"])),
                  "names library": "gender_guesser" in sys.modules,
                  "paris": "paris" in gazetteer()[1], "km": units_cs().get("km"), "miles": units_ci().get("miles"),
                  "margaret": given_name_gender("Margaret"), "nate": [given_name_gender("Nate"), english_name_gender("Nate")]}))
"""


def probe(folder, *article: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(folder), *article], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("value", [
    frozenset({"a", "b"}), (frozenset({"x"}), frozenset()), {"km": "kilometre", "miles": "mile"},
    ["one", ("two", {"three": frozenset({"four"})})], "plain",
])
def test_stored_values_read_back_equal(value):
    assert prebuilt.decode(json.loads(json.dumps(prebuilt.encode(value)))) == value


def test_a_dict_reads_back_in_its_order():
    """Patterns are built from the unit dicts in their order: the store keeps it."""
    value = {"z": "1", "a": "2", "m": "3"}
    assert list(prebuilt.decode(prebuilt.encode(value))) == ["z", "a", "m"]


def test_other_values_are_refused():
    with pytest.raises(TypeError):
        prebuilt.encode(object())


def test_the_first_run_stores_the_lists_and_the_next_reads_them_without_building(tmp_path):
    first = probe(tmp_path)
    assert first["found"] == 0 and first["pint"] and first["names library"]   # built here: the libraries were needed
    store = tmp_path / "lexicons" / "v1.json"
    assert store.is_file()
    second = probe(tmp_path)
    assert second["found"] == 12 and second["stored"] == [
        "coref.gazetteer_places.cities", "coref.gazetteer_places.us_states", "entities.continents", "entities.gazetteer", "entities.regions",
        "entities.subdivision_countries", "entities.subdivisions", "figures.dimensioned_units",
        "figures.one_letter_symbols", "figures.units_ci", "figures.units_cs", "given_names"]
    assert not second["pint"] and not second["names library"]   # read back: the libraries are not even imported
    built = ("found", "stored", "pint", "names library", "built")
    assert {k: v for k, v in first.items() if k not in built} == {k: v for k, v in second.items() if k not in built} == \
           {"paris": True, "km": "kilometre", "miles": "mile", "margaret": ["f", 2], "nate": [["f", 2], None]}


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 1, "version": "other", "lists": {}}',
                                     b'{"format": 1, "version": "v1", "lists": {"entities.gazetteer": {"bad": 1}}}'])
def test_a_broken_or_foreign_store_is_a_miss_built_and_written_again(tmp_path, content):
    store = tmp_path / "lexicons" / "v1.json"
    store.parent.mkdir()
    store.write_bytes(content)
    assert probe(tmp_path)["found"] == 0
    assert json.loads(store.read_bytes())["version"] == "v1"
    assert probe(tmp_path)["found"] == 12


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path):
    blocker = tmp_path / "lexicons"
    blocker.write_text("a file where the folder would be")
    assert probe(tmp_path)["paris"]                         # the lists are built, the run goes on
    assert blocker.read_text() == "a file where the folder would be"


def test_extracting_after_the_lists_are_read_back_builds_none(tmp_path):
    """Every list an extractor consults is warmed (``preload``) and stored: a rebuild's workers, forked
    after the warm-up, never import pint or build a list of their own (each would pay ~1 s of CPU)."""
    article = ("Mayor Ann Lee said the city ran 517 rushing yards, 12 km of road at 8 m/s and $5 million in Paris. "
               '"It was hard," she said.')
    probe(tmp_path)
    after = probe(tmp_path, article)
    assert not after["pint"] and not after["names library"]
    assert after["built"] == []


def test_every_list_kept_by_the_store_is_warmed_before_workers_fork(tmp_path):
    """Each ``prebuilt.value`` name written in the extractors is among the lists ``warm_lists`` stores: a list
    that only an article's text calls for would be built again in every forked worker of every run."""
    import re
    from pathlib import Path

    import pipeline.extract as ex

    written = set()
    for path in Path(ex.__file__).parent.rglob("*.py"):
        for name in re.findall(r'prebuilt\.value\(\s*f?"([^"]+)"', path.read_text(encoding="utf-8")):
            written.update([name.replace("{kind}", kind) for kind in ("cities", "us_states")] if "{" in name
                           else [name])
    probe(tmp_path)
    assert written and written == set(probe(tmp_path)["stored"])
