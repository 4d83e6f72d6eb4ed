"""Throw-away content at a given size: `size` organisations, each with two partnerships and a
description in three languages, and `size` key figures; English complete, Spanish on every
other object. Pages: About, the introductions, three in the menu, and a page of 1,000 words with
20 links and 5 live figures (issue 16: it must render within the partners page's budget)."""

from organisations.models import Organisation
from pages.models import NavigationItem, Page
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
    build_pages(organisations, list(KeyFigure.objects.order_by("pk")[:5]))


# 50 words a paragraph, 20 paragraphs: 1,000 words, each paragraph with a link and every fourth
# with a figure.
WORDS = {
    "fr": "Les droits de l’enfant sont universels et chaque enfant doit pouvoir les exercer ",
    "en": "Children's rights are universal and every child must be able to exercise them ",
    "es": "Los derechos de la infancia son universales y cada niño debe poder ejercerlos ",
}


def long_text(language, organisations, figures):
    paragraphs = []
    for n in range(20):
        words = (WORDS[language] * 4).split()[:44]
        link = organisations[n % len(organisations)].pk
        figure = f' <span data-figure="{figures[n // 4].pk}">x</span>' if n % 4 == 0 else ""
        paragraphs.append(
            f'<p>{" ".join(words)} <a href="#" data-organisation="{link}">un organisme '
            f"partenaire ici</a>{figure}.</p>"
        )
    return "<h2>Introduction</h2>" + "".join(paragraphs)


def build_pages(organisations, figures):
    def page(slug, placement="", body=None):
        return Page(
            placement=placement,
            is_published=True,
            **{f"title_{lang}": f"Page {slug} {lang}" for lang in WORDS},
            **{f"slug_{lang}": f"{slug}-{lang}" for lang in WORDS},
            **{f"summary_{lang}": f"Résumé {slug}" for lang in WORDS},
            **{f"body_{lang}": body[lang] if body else f"<p>{WORDS[lang]}</p>" for lang in WORDS},
        )

    long_body = {lang: long_text(lang, organisations, figures) for lang in WORDS}
    pages = [
        page("about", Page.Placement.ABOUT, long_body),
        page("home", Page.Placement.HOME),
        page("partners", Page.Placement.PARTNERS),
        page("figures", Page.Placement.KEY_FIGURES),
        page("search", Page.Placement.SEARCH),
        page("long", body=long_body),
    ]
    for obj in pages:
        obj.save()  # one by one: each builds its references
    for order, obj in enumerate(pages[:3]):
        NavigationItem.objects.create(page=obj, order=order)
