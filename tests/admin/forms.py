"""What an editor types into the admin's add and change forms, in one place.

The `*_VALUES` dicts are typed into the pages' real forms by django-webtest (tests/webforms.py
`fill`); True and False tick or untick a checkbox. The `*_form()` builders give the same values
as the POST data a browser sends, for tests that post with Django's test client.
"""

# Each translation's "published" box, ticked as the form shows it for published content.
TRANSLATIONS_PUBLISHED = {"published_en": "on", "published_es": "on"}
PUBLISHED_TICKED = {"published_en": True, "published_es": True}

ORGANISATION_VALUES = {
    "name_fr": "Organisation internationale du Travail",
    "name_en": "International Labour Organization",
    "acronym_fr": "OIT",
    "acronym_en": "ILO",
    "name_es": "",
    "acronym_es": "",
    "slug_es": "",
    "slug_fr": "organisation-internationale-du-travail",
    "slug_en": "international-labour-organization",
    "kind": "un_specialised_agency",
    "summary_fr": "L’agence des Nations unies pour le monde du travail.",
    "website": "https://www.ilo.org/",
    "founded_year": "1919",
    "headquarters_city_fr": "Genève",
    "headquarters_country": "CH",
    "is_published": True,
    **PUBLISHED_TICKED,
}
PARTNERSHIP_VALUES = {
    "kind": "consultative_status",
    "since_year": "1993",
    "role_fr": "Statut consultatif",
    "benefits_fr": "Assister aux réunions\nSoumettre des déclarations écrites",
    "order": "10",
    "is_published": True,
    **PUBLISHED_TICKED,
}
STATUS_VALUES = {
    "category": "special",
    "granted_year": "1993",
    "privileges_fr": "Inscrire des points à l’ordre du jour",
    **PUBLISHED_TICKED,
}
FIGURE_VALUES = {
    "label_fr": "des victimes de la traite exploitées à des fins sexuelles",
    "label_en": "of trafficking victims exploited for sexual purposes",
    "key": "trafficking-victims-sexual-exploitation",
    "kind": "percentage",
    "qualifier": "exact",
    "value": "29",
    "scope_fr": "Europe",
    "order": "20",
    "is_published": True,
    **PUBLISHED_TICKED,
}


def as_posted(values):
    """The values as a browser posts them: a ticked checkbox sends "on", an unticked one nothing."""
    posted = {}
    for name, value in values.items():
        if value is True:
            posted[name] = "on"
        elif value is not False:
            posted[name] = value
    return posted


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def organisation_form(**fields):
    return {
        **as_posted(ORGANISATION_VALUES),
        **inline_management("partnerships"),
        **fields,
    }


def partnership_form(organisation, **fields):
    return {
        "organisation": str(organisation.pk),
        **as_posted(PARTNERSHIP_VALUES),
        **inline_management("consultative_status"),
        **fields,
    }


def status_form(partnership, **fields):
    return {"partnership": str(partnership.pk), **as_posted(STATUS_VALUES), **fields}


def figure_form(**fields):
    return {**as_posted(FIGURE_VALUES), **fields}


# The "Save and publish" button of a live object's form (editing/review_admin.py): without it a
# change to live content is kept as a draft.
PUBLISH = {"_publish": "1"}
