"""Charts for the documents and the overview: the one home of drawing.

matplotlib (with its file-only Agg backend, no screen needed) draws; it is imported here, on first
use, and only by the commands that draw (``ki render report``, ``ki overview``), never on the path
of ``ki validate``. Every chart is made with ``figure`` and given out with ``svg`` (HTML, PDF: text
stays text, so it can be searched and read aloud) or ``png`` (Word). Axis numbers are German.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from ki_cli.text import german_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CM = 1 / 2.54  # matplotlib measures in inches
FONT = ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]
COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5"]


def _matplotlib() -> Any:
    import matplotlib
    from cycler import cycler

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": FONT,
            "font.size": 9,
            "axes.prop_cycle": cycler(color=COLOURS),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "none",  # text as text
            "svg.hashsalt": "ki",  # the same chart gives the same file
            "path.simplify": True,
            "text.parse_math": False,  # a "$" in a user's text stays a dollar sign
        }
    )
    return matplotlib


def figure(width_cm: float = 16, height_cm: float = 7) -> tuple[Figure, Axes]:
    """A new figure with one set of axes, ``width_cm`` × ``height_cm`` large."""
    _matplotlib()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm * CM, height_cm * CM), layout="constrained")
    return fig, fig.add_subplot()


def german_axis(axes: Axes, axis: str = "y", decimals: int | None = None) -> None:
    """Numbers on ``axis`` ("x" or "y") written the German way (1.234,5)."""
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _pos: german_number(value, decimals))
    (axes.yaxis if axis == "y" else axes.xaxis).set_major_formatter(formatter)


def svg(fig: Figure, title: str = "") -> str:
    """The figure as an ``<svg>`` element to put into an HTML page (no XML header, no fixed ids)."""
    buffer = io.StringIO()
    metadata: dict[str, str | None] = {"Date": None}
    if title:
        metadata["Title"] = title
    fig.savefig(buffer, format="svg", metadata=metadata)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def png(fig: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes (for Word)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def goal_progress(
    points: list[tuple[dt.date, float]],
    beginn: dt.date,
    ende: dt.date,
    baseline: float | None,
    target: float | None,
    unit: str = "",
) -> Figure:
    """A goal over its period: the baseline at the start, the measured values as a line with dots,
    the target as a dashed line to the end; small enough to stand beside the goal's text."""
    import matplotlib.dates

    dates: Any = matplotlib.dates  # untyped
    day = dates.date2num
    fig, axes = figure(15, 4.6)
    colour, grey, green = COLOURS[0], "#595959", COLOURS[2]
    line_x: list[float] = []
    line_y: list[float] = []
    if baseline is not None:
        axes.plot([day(beginn)], [baseline], marker="s", color=grey, linestyle="none", label="Ausgangswert")
        line_x.append(day(beginn))
        line_y.append(baseline)
    if points:
        xs, ys = [float(day(d)) for d, _ in points], [v for _, v in points]
        axes.plot(line_x + xs, line_y + ys, color=colour, linewidth=1.6)
        axes.plot(xs, ys, marker="o", color=colour, linestyle="none", label="Messwert")
        for x, value in zip(xs, ys):
            axes.annotate(german_number(value), (x, value), textcoords="offset points", xytext=(0, 6), ha="center",
                          fontsize=8, color=colour)  # fmt: skip
        line_y += ys
    if target is not None:
        axes.axhline(target, color=green, linestyle="--", linewidth=1.2, label="Zielwert")
        axes.annotate(f"Ziel {german_number(target)}", (day(ende), target), textcoords="offset points",
                      xytext=(-2, 4), ha="right", fontsize=8, color=green)  # fmt: skip
    values = line_y + ([target] if target is not None else [])
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    pad = (high - low) * 0.18 or max(abs(high) * 0.1, 1.0)
    axes.set_ylim(0.0 if low >= 0 and low - pad < 0 else low - pad, high + pad)
    first = min([beginn, *(d for d, _ in points)])
    axes.set_xlim(day(first) - 10, day(ende) + 10)
    axes.xaxis.set_major_locator(dates.MonthLocator(bymonth=(1, 7)))
    axes.xaxis.set_major_formatter(dates.DateFormatter("%m.%Y"))
    if all(float(v).is_integer() for v in values):
        from matplotlib.ticker import MaxNLocator

        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    german_axis(axes, "y")
    if unit:
        axes.set_ylabel(unit)
    axes.grid(axis="y", color="#d9d9d9", linewidth=0.6)
    fig.legend(loc="outside upper left", fontsize=7.5, frameon=False, ncols=3)
    return fig
