"""Themes and the projector mode as Qt-free data: colours by role, the light theme's counterpart of
every colour the dark interface uses, and how much larger the projector mode draws.

The light theme is for bright rooms and printed handouts: dark text on near-white, and every
accent (curves, highlights, coloured words) darkened so it keeps a contrast of at least 4.5:1
(WCAG AA) against the light background (tests/scene/test_themes.py computes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from bpviz.i18n import translate


@dataclass(frozen=True)
class ThemeColours:
    name: str
    window: str          # window and panel background
    field: str           # text fields, tables, the equation box
    plot: str            # plot and network view background
    text: str
    muted: str           # secondary text (captions, hints)
    border: str
    button: str
    axis: str            # axis lines and tick labels


DARK = ThemeColours("dark", window="#1f2229", field="#111318", plot="#16181d", text="#e5e7eb", muted="#9ca3af",
                    border="#374151", button="#2f3541", axis="#9ca3af")
LIGHT = ThemeColours("light", window="#f5f5f4", field="#ffffff", plot="#ffffff", text="#111827", muted="#374151",
                     border="#9ca3af", button="#e7e5e4", axis="#1f2937")
THEMES = {"dark": DARK, "light": LIGHT}

#: The dark interface's colours (as written in bpviz/gui) → the light theme's. Backgrounds become
#: light, text dark, and each accent a darker shade of its hue that reads on white.
LIGHT_MAP: dict[str, str] = {
    # backgrounds and borders
    "#1f2229": "#f5f5f4", "#16181d": "#ffffff", "#111318": "#ffffff", "#23262d": "#f5f5f4", "#2a2e37": "#e7e5e4",
    "#2f3541": "#e7e5e4", "#3a4150": "#d6d3d1", "#374151": "#9ca3af", "#4b5563": "#78716c",
    # message bar (info, warning, error) and the highlighted row
    "#1e3a5f": "#dbeafe", "#5c4410": "#fef3c7", "#7f1d1d": "#fee2e2", "#4b3f0f": "#fef08a",
    # text
    "#e5e7eb": "#111827", "#f3f4f6": "#111827", "#cbd5e1": "#1f2937", "#9ca3af": "#374151", "#94a3b8": "#374151",
    "#6b7280": "#44403c", "#ecfdf5": "#064e3b",
    # accents
    "#facc15": "#854d0e", "#fde047": "#854d0e", "#fcd34d": "#854d0e", "#fde68a": "#854d0e", "#fbbf24": "#92400e",
    "#f59e0b": "#92400e", "#60a5fa": "#1e40af", "#4ea8ff": "#1e40af", "#34d399": "#065f46", "#22d3ee": "#155e75",
    "#f87171": "#991b1b", "#fca5a5": "#991b1b", "#ff5a4e": "#9a3412", "#fb7185": "#9f1239", "#f472b6": "#9d174d",
    "#c084fc": "#6b21a8", "#a78bfa": "#5b21b6",
}
#: Colours of the light map that are backgrounds (the rest are drawn on them as text or lines).
LIGHT_BACKGROUNDS = frozenset({"#f5f5f4", "#ffffff", "#e7e5e4", "#d6d3d1", "#dbeafe", "#fef3c7", "#fee2e2", "#fef08a"})
#: Dark colours that are borders or fills, never text (not held to the text contrast).
NOT_TEXT = frozenset({"#1f2229", "#16181d", "#111318", "#23262d", "#2a2e37", "#2f3541", "#3a4150", "#374151",
                      "#4b5563", "#1e3a5f", "#5c4410", "#7f1d1d", "#4b3f0f"})


@dataclass(frozen=True)
class Projector:
    """How much larger the projector mode draws than the normal one."""

    font: float = 1.6        # every text (≥ 1.5× is the requirement)
    line: float = 2.0        # curve and edge widths
    marker: float = 1.6      # scatter markers and nodes


PROJECTOR = Projector()
#: Projector mode, stronger contrast: secondary (muted) text is drawn as main text, in either theme.
PROJECTOR_TEXT = {"#9ca3af": "#e5e7eb", "#94a3b8": "#e5e7eb", "#6b7280": "#cbd5e1", "#cbd5e1": "#e5e7eb"}
NORMAL = Projector(1.0, 1.0, 1.0)


def theme_names() -> tuple[str, ...]:
    return tuple(THEMES)


def theme_title(name: str) -> str:
    return {"dark": translate("Theme", "Dark"), "light": translate("Theme", "Light (bright rooms, handouts)")}.get(
        name, name)


def get_theme(name: str) -> ThemeColours:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(translate("Theme", "unknown theme {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(THEMES))) from None


def light_colour(hex_colour: str) -> str:
    """The light theme's counterpart of a colour of the dark interface (itself if it has none)."""
    return LIGHT_MAP.get(hex_colour.lower(), hex_colour)
