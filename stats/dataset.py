"""The key figures as an open data set: one row per published, live figure, in one language.

Columns (the README lists the addresses; stats/datafiles.py writes the files):
identifier, label, value (the raw number: 1200000, 29, 7; empty for a dated fact), value_text
(as the page shows it in that language: “more than 1.2 million”), qualifier, kind, ratio_total,
scope, note, year, source_organisation, source_title, source_url, source_consulted_on,
source_missing (true when no source is given), text_language, url (the figure's permanent
anchor on the page), last_modified.

`text_language` names the language of the row's texts (label, scope, note, source title, the
source organisation's name). A figure not yet translated into the file's language gives all of
them in French, and says "fr": never a silent mix.
"""

from django.utils.translation import get_language, gettext
from modeltranslation.utils import build_localized_fieldname

from multilingual.availability import SOURCE_LANGUAGE, exists_in

from .datafiles import DataSet, newest
from .formatting import figure_display
from .models import KeyFigure, OpenDataSettings

COLUMNS = [
    "identifier",
    "label",
    "value",
    "value_text",
    "qualifier",
    "kind",
    "ratio_total",
    "scope",
    "note",
    "year",
    "source_organisation",
    "source_title",
    "source_url",
    "source_consulted_on",
    "source_missing",
    "text_language",
    "url",
    "last_modified",
]


def text_language(figure, language):
    """The language of the row's texts: `language` if the figure and its source organisation's
    name are translated into it, else the source language (French)."""
    source = figure.public_source_organisation
    source_named = (
        source is None or not name_in(source, SOURCE_LANGUAGE) or name_in(source, language)
    )
    return language if exists_in(figure, language) and source_named else SOURCE_LANGUAGE


def texts_in(obj, fields, language):
    """{field: the text in `language`} for the translated `fields` of `obj`."""
    return {name: getattr(obj, f"{name}_{language}") or "" for name in fields}


def name_in(organisation, language):
    """The organisation's own name in `language` ("" or None when not translated)."""
    return getattr(organisation, build_localized_fieldname("name", language))


def organisation_name(organisation, language):
    """The organisation's name in `language`, in the source language (settings.LANGUAGE_CODE)
    where it has none ("" if none)."""
    if organisation is None:
        return ""
    return name_in(organisation, language) or name_in(organisation, SOURCE_LANGUAGE) or ""


def figure_row(figure, language, page_url):
    """One figure as a row of COLUMNS, in `language` (the active language formats the number)."""
    in_language = text_language(figure, language)
    texts = texts_in(figure, KeyFigure.translation_core_fields, in_language)
    return {
        "identifier": figure.key,
        "label": texts["label"],
        "value": figure.value,
        "value_text": figure_display(figure),
        "qualifier": figure.qualifier,
        "kind": figure.kind,
        "ratio_total": figure.ratio_total,
        "scope": texts["scope"],
        "note": texts["note"],
        "year": figure.year,
        "source_organisation": organisation_name(figure.public_source_organisation, in_language),
        "source_title": texts["source_title"],
        "source_url": figure.source_url,
        "source_consulted_on": figure.source_consulted_on,
        "source_missing": figure.public_source_missing,
        "text_language": in_language,
        "url": f"{page_url}#{figure.key}",
        "last_modified": figure.updated_at,
    }


def figure_dataset(page_url):
    """The published, live key figures in the active language, as a DataSet.

    `page_url` is the key figures page's absolute address in that language. Two queries: the
    figures with their sources, and the licence.
    """
    language = get_language()
    figures = list(KeyFigure.objects.published().select_related("source_organisation"))
    licence = OpenDataSettings.current()
    return DataSet(
        name="figures",
        filename=gettext("dci-key-figures") + f"-{language}",
        columns=COLUMNS,
        rows=[figure_row(figure, language, page_url) for figure in figures],
        licence_name=licence.licence_name,
        licence_url=licence.licence_url,
        language=language,
        last_modified=newest(
            licence.updated_at,
            *(figure.updated_at for figure in figures),
            *(figure.publish_at for figure in figures),
        ),
        meta={
            "title": gettext("Key figures"),
            "publisher": gettext("Defence for Children International"),
            "url": page_url,
        },
    )
