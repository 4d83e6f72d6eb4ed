"""Throw-away content at a given size: `size` organisations, each with two partnerships and a
description in three languages, and `size` key figures; English complete, Spanish on every
other object."""

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure

DESCRIPTION = {
    "fr": "Un organisme qui défend les droits de l’enfant dans sa région. " * 6,
    "en": "A body that stands up for children's rights in its region. " * 6,
    "es": "Un organismo que defiende los derechos de la infancia en su región. " * 6,
}


def translated(n, field, values):
    """fr and en always; es on even-numbered objects only (half translated)."""
    out = {f"{field}_fr": values["fr"], f"{field}_en": values["en"]}
    if n % 2 == 0:
        out[f"{field}_es"] = values["es"]
    return out


def build(size):
    organisations = Organisation.objects.bulk_create(
        Organisation(
            kind="ngo",
            is_published=True,
            **translated(n, "name", {lang: f"Organisme {n} ({lang})" for lang in DESCRIPTION}),
            **translated(n, "slug", {lang: f"body-{n}-{lang}" for lang in DESCRIPTION}),
            **translated(n, "summary", {lang: f"Résumé {n} {lang}" for lang in DESCRIPTION}),
            **translated(n, "description", DESCRIPTION),
        )
        for n in range(1, size + 1)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            organisation=organisation,
            kind=kind,
            order=n,
            is_published=True,
            since_year=2000 + n % 20,
            **translated(n, "role", {"fr": "Membre", "en": "Member", "es": "Miembro"}),
            **translated(
                n,
                "benefits",
                {"fr": "Siéger\nProposer", "en": "Sit\nPropose", "es": "Participar\nProponer"},
            ),
        )
        for n, organisation in enumerate(organisations, 1)
        for kind in ("consultative_status", "membership")
    )
    ConsultativeStatus.objects.bulk_create(
        ConsultativeStatus(partnership=p, category="special", privileges_fr="Siéger")
        for p in partnerships
        if p.kind == "consultative_status"
    )
    KeyFigure.objects.bulk_create(
        KeyFigure(
            key=f"figure-{n}",
            kind="ratio",
            value=1,
            ratio_total=4,
            year=2020,
            about_organisation=organisations[0],
            source_organisation=organisations[n - 1],
            order=n,
            is_published=True,
            **translated(n, "label", {"fr": "enfants", "en": "children", "es": "niños"}),
        )
        for n in range(1, size + 1)
    )
