"""A small decorative chart beside a percentage or a ratio."""

from decimal import Decimal

from django.utils.html import format_html, format_html_join

from .formatting import figure_proportion
from .models import KeyFigure

FILLED = "#1f5fa8"
TRACK = "#d9e2ec"
BAR_WIDTH = 120
BAR_HEIGHT = 12
DOT_SPACING = 14
DOT_RADIUS = 5
MAX_DOTS = 20


def _svg(width, height, content):
    return format_html(
        '<svg class="figure-chart" aria-hidden="true" focusable="false" width="{}" height="{}" '
        'viewBox="0 0 {} {}">{}</svg>',
        width,
        height,
        width,
        height,
        content,
    )


def _bar(proportion):
    filled = f"{round(proportion * BAR_WIDTH, 1):g}"  # 0.29 → "34.8", 1 → "120"
    rects = format_html(
        '<rect x="0" y="0" width="{}" height="{}" fill="{}"/>'
        '<rect x="0" y="0" width="{}" height="{}" fill="{}"/>',
        BAR_WIDTH,
        BAR_HEIGHT,
        TRACK,
        filled,
        BAR_HEIGHT,
        FILLED,
    )
    return _svg(BAR_WIDTH, BAR_HEIGHT, rects)


def _dots(filled, total):
    circles = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="{}" fill="{}"/>',
        (
            (
                DOT_SPACING * i + DOT_SPACING // 2,
                DOT_SPACING // 2,
                DOT_RADIUS,
                FILLED if i < filled else TRACK,
            )
            for i in range(total)
        ),
    )
    return _svg(DOT_SPACING * total, DOT_SPACING, circles)


def proportion_chart(figure):
    """A bar for a percentage, M dots (N filled) for a ratio “N in M” up to 20, else a bar."""
    proportion = figure_proportion(figure)
    if proportion is None:
        return ""
    if figure.kind == KeyFigure.Kind.RATIO and figure.ratio_total <= MAX_DOTS:
        n = Decimal(figure.value)
        if n == n.to_integral_value():
            return _dots(int(n), figure.ratio_total)
    return _bar(proportion)
