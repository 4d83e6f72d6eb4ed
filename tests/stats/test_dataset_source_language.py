"""The open data set falls back to the site's source language (settings.LANGUAGE_CODE, read by
multilingual/languages.py), never to a language written in the code."""

import pytest

from organisations.models import Organisation
from stats import dataset


def test_an_untranslated_source_is_named_in_the_source_language(monkeypatch):
    # A site written in English first: what LANGUAGE_CODE = "en" makes SOURCE_LANGUAGE.
    monkeypatch.setattr(dataset, "SOURCE_LANGUAGE", "en")
    body = Organisation(name_fr="Réseau européen", name_en="European network", name_es="")
    assert dataset.organisation_name(body, "es") == "European network"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "European network"), ("es", "Réseau européen")],
)
def test_a_source_is_named_in_the_file_language_or_else_in_french(language, expected):
    body = Organisation(name_fr="Réseau européen", name_en="European network", name_es="")
    assert dataset.organisation_name(body, language) == expected
