"""The public templates' key-figure helpers (config/jinja_environment.py registers them).

- `{{ figure|figure_value }}`: the visible text, “more than 1.2 million”, in the active language;
- `{{ figure|figure_exact }}`: the machine value for `<data value="…">`, “1200000”;
- `{{ proportion_chart(figure) }}`: a small decorative SVG for a percentage or a ratio, hidden
  from assistive technologies (the number beside it says the same thing), "" otherwise.
"""

from .charts import proportion_chart
from .formatting import figure_display, figure_exact_value

FILTERS = {"figure_value": figure_display, "figure_exact": figure_exact_value}
GLOBALS = {"proportion_chart": proportion_chart}
