"""POST data for the admin's add and change forms, as a browser would send it."""

# Each translation's "published" box, ticked as the form shows it for published content.
TRANSLATIONS_PUBLISHED = {"published_en": "on", "published_es": "on"}


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def organisation_form(**fields):
    data = {
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
        "is_published": "on",
        **TRANSLATIONS_PUBLISHED,
        **inline_management("partnerships"),
    }
    data.update(fields)
    return data


def partnership_form(organisation, **fields):
    data = {
        "organisation": str(organisation.pk),
        "kind": "consultative_status",
        "since_year": "1993",
        "role_fr": "Statut consultatif",
        "benefits_fr": "Assister aux réunions\nSoumettre des déclarations écrites",
        "order": "10",
        "is_published": "on",
        **TRANSLATIONS_PUBLISHED,
        **inline_management("consultative_status"),
    }
    data.update(fields)
    return data


def status_form(partnership, **fields):
    data = {
        **TRANSLATIONS_PUBLISHED,
        "partnership": str(partnership.pk),
        "category": "special",
        "granted_year": "1993",
        "privileges_fr": "Inscrire des points à l’ordre du jour",
    }
    data.update(fields)
    return data


def figure_form(**fields):
    data = {
        "label_fr": "des victimes de la traite exploitées à des fins sexuelles",
        "label_en": "of trafficking victims exploited for sexual purposes",
        "key": "trafficking-victims-sexual-exploitation",
        "kind": "percentage",
        "qualifier": "exact",
        "value": "29",
        "scope_fr": "Europe",
        "order": "20",
        "is_published": "on",
        **TRANSLATIONS_PUBLISHED,
    }
    data.update(fields)
    return data


# The "Save and publish" button of a live object's form (editing/review_admin.py): without it a
# change to live content is kept as a draft.
PUBLISH = {"_publish": "1"}
