"""DEI's partnerships as an open data set: one row per published, live partnership (of a live
organisation), in one language. stats/datafiles.py writes the files, with the site's licence.

Columns: identifier (the partnership's number), organisation_id, organisation_name,
organisation_acronym, organisation_website, organisation_url (its page here), kind (a code),
kind_label (in the file's language), since, until, role, description, benefits (what it lets DCI
do: a list in JSON, one point per line in a CSV cell), evidence_url, text_language,
last_modified.

`text_language` names the language of the row's texts (organisation name and acronym, role,
description, benefits): a row not yet translated into the file's language gives them all in
French and says "fr", never a silent mix.
"""

from django.urls import reverse
from django.utils.translation import get_language, gettext

from multilingual.availability import SOURCE_LANGUAGE, exists_in
from stats.datafiles import DataSet, newest
from stats.models import OpenDataSettings

from .models import Partnership, split_points

COLUMNS = [
    "identifier",
    "organisation_id",
    "organisation_name",
    "organisation_acronym",
    "organisation_website",
    "organisation_url",
    "kind",
    "kind_label",
    "since",
    "until",
    "role",
    "description",
    "benefits",
    "evidence_url",
    "text_language",
    "url",
    "last_modified",
]
ORGANISATION_TEXTS = ("name", "acronym")


def organisation_translated(organisation, language):
    """True when the organisation's name and acronym (where it has one) exist in `language`."""
    return all(
        getattr(organisation, f"{name}_{language}")
        for name in ORGANISATION_TEXTS
        if getattr(organisation, f"{name}_{SOURCE_LANGUAGE}")
    )


def text_language(partnership, language):
    """`language` if the partnership and its organisation are translated into it, else French."""
    if exists_in(partnership, language) and organisation_translated(
        partnership.organisation, language
    ):
        return language
    return SOURCE_LANGUAGE


def partnership_row(partnership, language, absolute):
    """One partnership as a row of COLUMNS; `absolute` turns a path into a full address."""
    organisation = partnership.organisation
    in_language = text_language(partnership, language)

    def text(obj, name):
        return getattr(obj, f"{name}_{in_language}") or ""

    return {
        "identifier": partnership.pk,
        "organisation_id": organisation.pk,
        "organisation_name": text(organisation, "name"),
        "organisation_acronym": text(organisation, "acronym"),
        "organisation_website": organisation.website,
        "organisation_url": absolute(organisation.get_absolute_url()),
        "kind": partnership.kind,
        "kind_label": partnership.get_kind_display(),
        "since": partnership.since_year,
        "until": partnership.until_year,
        "role": text(partnership, "role"),
        "description": text(partnership, "description"),
        "benefits": split_points(text(partnership, "benefits")),
        "evidence_url": partnership.evidence_url,
        "text_language": in_language,
        "url": absolute(f"{reverse('partners:list')}#partnership-{partnership.pk}"),
        "last_modified": newest(partnership.updated_at, organisation.updated_at),
    }


def partnership_dataset(absolute):
    """The published, live partnerships in the active language, as a DataSet.

    `absolute` turns a path into a full address (absolute_url). Two queries: the
    partnerships with their organisations, and the licence.
    """
    language = get_language()
    partnerships = list(Partnership.objects.published().select_related("organisation"))
    licence = OpenDataSettings.current()
    rows = [partnership_row(partnership, language, absolute) for partnership in partnerships]
    return DataSet(
        name="partnerships",
        filename=gettext("dci-partnerships") + f"-{language}",
        columns=COLUMNS,
        rows=rows,
        licence_name=licence.licence_name,
        licence_url=licence.licence_url,
        language=language,
        last_modified=newest(
            licence.updated_at,
            *(row["last_modified"] for row in rows),
            *(partnership.publish_at for partnership in partnerships),
            *(partnership.organisation.publish_at for partnership in partnerships),
        ),
        meta={
            "title": gettext("Partners"),
            "publisher": gettext("Defence for Children International"),
            "url": absolute(reverse("partners:list")),
        },
    )
