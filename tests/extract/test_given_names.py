"""The given-name table (``extract.given_names``): the library's answers, kept as one table."""
from pipeline.extract import given_names


def _library_vote(name: str, country: str | None = None):
    return given_names._GIVEN_NAME_VOTES.get(given_names.detector().get_gender(name, country))


def test_the_table_answers_as_the_library_for_every_name_it_knows():
    names = [*given_names.detector().names, "NATE", "Bernie", "Jean-Claude", "Zzyzx", "Paris", ""]
    for name in names:
        vote = _library_vote(name)
        assert given_names.given_name_gender(name) == vote, name
        english = vote if vote is not None and all(
            _library_vote(name, c) in (None, vote) or _library_vote(name, c)[0] == vote[0]
            for c in given_names.ENGLISH_USAGE) else None
        assert given_names.english_name_gender(name) == english, name


def test_a_name_of_the_other_gender_in_english_usage_gives_no_pronoun_vote():
    assert given_names.given_name_gender("Nate") == ("f", 2)      # pooled over the library's countries
    assert given_names.english_name_gender("Nate") is None          # male in the US list
    assert given_names.english_name_gender("Robert") == ("m", 2)
