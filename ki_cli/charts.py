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


def figure(width_cm: float = 16, height_cm: float = 7, *, constrained: bool = True) -> tuple[Figure, Axes]:
    """A new figure with one set of axes, ``width_cm`` × ``height_cm`` large; laid out by matplotlib's
    constrained layout unless ``constrained`` is False (the caller sets the margins)."""
    _matplotlib()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm * CM, height_cm * CM), layout="constrained" if constrained else None)
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


def inline_svg(fig: Figure, title: str = "") -> str:
    """``svg`` without its RDF metadata block (which names vocabulary URLs): for a page that must
    refer to nothing outside itself."""
    import re

    return re.sub(r"\s*<metadata>.*?</metadata>", "", svg(fig, title), count=1, flags=re.S)


def bars(
    labels: list[str],
    series: list[tuple[str, list[float]]],
    *,
    money: bool = False,
    stacked: bool = False,
    width_cm: float = 16,
    row_cm: float = 0.45,
    xlabel: str = "",
) -> Figure:
    """Horizontal bars: one row per label (top to bottom in the given order), one bar per series
    (side by side, or ``stacked``); a legend when there is more than one series. Axis numbers are
    German, in euros with ``money``."""
    import math

    count = max(1, len(labels))
    height = max(4.0, 2.0 + count * row_cm)  # ``row_cm`` per label, whatever the number of series
    fig, axes = figure(width_cm, height, constrained=False)
    positions = list(range(count))
    thickness = 0.8 if stacked or len(series) == 1 else 0.8 / len(series)
    left = [0.0] * count
    for i, (name, data) in enumerate(series):
        values = [0.0 if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in data]
        if stacked:
            axes.barh(positions, values, height=thickness, left=left, label=name)
            left = [a + b for a, b in zip(left, values, strict=True)]
        else:
            offset = (i - (len(series) - 1) / 2) * thickness
            axes.barh([p + offset for p in positions], values, height=thickness, label=name)
    import textwrap

    labels = [textwrap.fill(label, 34) for label in labels]  # a long name in two lines, not cut off
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_ylim(count - 0.5, -0.5)
    german_axis(axes, "x", 0)
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if money:
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{german_number(value, 0)} €"))
        axes.xaxis.set_major_locator(MaxNLocator(nbins=4))
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    if xlabel:
        axes.set_xlabel(xlabel)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    # Margins set by hand from the labels' length: the layout engine would lay out every label
    # twice more (a chart of 54 KIs took two thirds of its time in it).
    longest = max((len(line) for label in labels for line in label.split("\n")), default=1)
    left_cm = min(width_cm * 0.45, 0.5 + longest * 0.19)
    top_cm = 0.3 + (0.8 if len(series) > 1 else 0.0)
    bottom_cm = 0.8 + (0.5 if xlabel else 0.0)
    fig.subplots_adjust(
        left=left_cm / width_cm,
        right=1 - (0.9 if money else 0.4) / width_cm,
        top=1 - top_cm / height,
        bottom=bottom_cm / height,
    )
    if len(series) > 1:  # above the bars, never over them
        fig.legend(loc="upper left", bbox_to_anchor=(0.0, 1.0), ncol=len(series), frameon=False)
    return fig
