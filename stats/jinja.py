"""The public templates' key-figure helpers (config/jinja_environment.py registers them).

- `{{ figure|figure_value }}`: the visible text, “more than 1.2 million”, in the active language;
- `{{ figure|figure_exact }}`: the machine value for `<data value="…">`, “1200000”;
- `{{ proportion_chart(figure) }}`: a small decorative SVG for a percentage or a ratio, hidden
  from assistive technologies (the number beside it says the same thing), "" otherwise;
- `{{ figure_citation(figure, page_url) }}`: the sentence to cite a figure (stats/citation.py);
- `{{ dataset_json_ld(figures, licence, page_url, csv_url, json_url) }}`: schema.org Dataset;
- `open_data_licence()`: the licence of the downloads (one query, kept for the content
  generation: sitecache/fragments.py; the partners page uses it).
"""

from jinja2 import pass_context

from .charts import proportion_chart
from .citation import figure_citation
from .formatting import figure_display, figure_exact_value
from .licence import licence_for
from .structured_data import dataset_json_ld


@pass_context
def open_data_licence(context):
    """The licence of the downloads (stats/licence.py), for the page's request."""
    return licence_for(context.get("request"))


FILTERS = {"figure_value": figure_display, "figure_exact": figure_exact_value}
GLOBALS = {
    "proportion_chart": proportion_chart,
    "figure_citation": figure_citation,
    "dataset_json_ld": dataset_json_ld,
    "open_data_licence": open_data_licence,
}
