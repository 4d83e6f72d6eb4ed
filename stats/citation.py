"""“Cite this figure”: a ready sentence, in the page's language, to quote one key figure.

It names the figure (number and label), its scope and year, its source (or that none is given)
with the date it was consulted when known, and the figure's permanent address on our page, as
journalists' and researchers' citation styles ask (who, what, when, where found).
"""

from django.utils.translation import gettext

from .formatting import figure_display, format_day
from .models import KeyFigure


def figure_words(figure):
    """The figure as words: “more than 1.2 million children who…”; a dated fact is its label."""
    if figure.kind == KeyFigure.Kind.DATED_FACT:
        return figure.label
    return f"{figure_display(figure)} {figure.label}".strip()


def source_sentence(figure):
    """“Source: ILO, Global estimates, consulted on 12 March 2024.”, or that none is given."""
    if figure.source_missing:
        return gettext("No source given.")
    names = [str(figure.public_source_organisation or ""), figure.source_title or figure.source_url]
    source = ", ".join(name for name in names if name)
    if figure.source_consulted_on:
        # Translators: %(source)s names a figure's source; %(date)s is a day, “12 March 2024”.
        return gettext("Source: %(source)s, consulted on %(date)s.") % {
            "source": source,
            "date": format_day(figure.source_consulted_on),
        }
    # Translators: %(source)s names a figure's source, e.g. “ILO, Global estimates”.
    return gettext("Source: %(source)s.") % {"source": source}


def figure_citation(figure, page_url):
    """The sentence to cite `figure`, found at `page_url` (absolute), in the active language."""
    details = ", ".join(str(part) for part in (figure.scope, figure.year) if part)
    # Translators: quotation marks around a cited figure: « %(figure)s » in French.
    quoted = gettext("“%(figure)s”") % {"figure": figure_words(figure)}
    if details:
        quoted += f" ({details})"
    # Translators: who published a cited figure, and where: %(url)s is its permanent address.
    found_at = gettext("Quoted by Defence for Children International: %(url)s") % {
        "url": f"{page_url}#{figure.key}"
    }
    return f"{quoted}. {source_sentence(figure)} {found_at}"
