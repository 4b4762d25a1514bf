"""The training pace: mini-batches per second on a log scale, in words (Qt-free).

The pace control is a slider of ``STEPS + 1`` positions: position p < STEPS means about
10^(p / PER_DECADE) mini-batches per second (1, 1.3, 1.6, 2, 2.5 … ≈ 333 per second), the
last position is full speed. The run gets it as the time between two mini-batches in whole
milliseconds (``TrainConfig.delay_ms``; 0 is full speed), so the rate a position names is the
one that whole number of milliseconds gives (8 ms: 125 per second), never a rounder one.
"""

from __future__ import annotations

import math

from bpviz.i18n import translate

PER_DECADE = 10          # slider positions per factor of 10
STEPS = 26               # positions 0..25 are 1 … ≈ 333 mini-batches/s, 26 is full speed
FULL_SPEED = STEPS
#: Slow enough to watch each update (edges flash, every cost point appears): a mini-batch
#: every 100 ms or more.
WATCHABLE_RATE = 10.0
#: What a newcomer can follow: 5 updates a second — each Δw flash and cost point can be seen,
#: and the first hundreds of mini-batches (where the cost falls fastest) take about a minute.
NEWCOMER_RATE = 5.0


def rate_of_position(p: int) -> float | None:
    """Mini-batches per second at slider position p, None for full speed."""
    p = int(p)
    if p >= FULL_SPEED:
        return None
    return 1000.0 / max(1, round(1000.0 / 10.0 ** (max(p, 0) / PER_DECADE)))


def delay_ms_of_rate(rate: float | None) -> int:
    """The time between two mini-batches in ms (0: full speed)."""
    if rate is None or rate <= 0:
        return 0
    return max(1, int(round(1000.0 / rate)))


def rate_of_delay_ms(ms: int) -> float | None:
    return None if ms <= 0 else 1000.0 / ms


def position_of_delay_ms(ms: int) -> int:
    """The slider position nearest to a delay (what a stored setting shows as)."""
    if ms <= 0:
        return FULL_SPEED
    p = round(PER_DECADE * math.log10(1000.0 / ms))
    return int(min(max(p, 0), FULL_SPEED - 1))


def describe_rate(rate: float | None) -> str:
    """ "1 mini-batch/s", "2.5 mini-batches/s", "40 mini-batches/s", "full speed"."""
    if rate is None:
        return translate("Pace", "full speed")
    if rate < 10:
        r = f"{rate:.2g}"
    else:
        r = f"{rate:.0f}"
    return (translate("Pace", "{r} mini-batch/s") if r == "1" else
            translate("Pace", "{r} mini-batches/s")).format(r=r)


def describe_pace(rate: float | None, batch_size: int) -> str:
    """The rate in words with what it means: samples per second and how an update looks."""
    if rate is None:
        return translate("Pace", "full speed: the view recolours about 3× a second")
    samples = rate * batch_size
    s = f"{samples:.3g}" if samples < 100 else f"{samples:,.0f}"
    text = (translate("Pace", "{rate} = {s} samples/s; each update flashes the edges that changed most")
            if rate <= WATCHABLE_RATE else
            translate("Pace", "{rate} = {s} samples/s; the view recolours about 3× a second"))
    return text.format(rate=describe_rate(rate), s=s)
