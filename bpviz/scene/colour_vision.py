"""Colour science for checking palettes (Qt-free): sRGB ↔ CIELAB, ΔE, luminance, contrast
ratio, and simulations of the three dichromacies.

Two published simulation methods are implemented from their formulas:

- Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
  color vision deficiency", IEEE TVCG 15(6): one 3×3 matrix per deficiency (the severity-1.0
  matrices of the paper's table), applied to linear RGB.
- Viénot, Brettel & Mollon (1999), "Digital video colourmaps for checking the legibility of
  displays by dichromats", Color Res. Appl. 24(4): linear RGB → LMS, the missing cone's
  response replaced by a linear combination of the other two, and back.

Both act on *linear* RGB, so sRGB values are decoded first and encoded after. Colours here are
floats in [0, 1], shape (..., 3).
"""

from __future__ import annotations

import numpy as np

DEFICIENCIES = ("protanopia", "deuteranopia", "tritanopia")

#: Machado et al. 2009, severity 1.0 (rows sum to 1: greys stay grey).
MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}

#: Viénot et al. 1999: linear RGB → LMS.
_RGB_TO_LMS = np.array([[17.8824, 43.5161, 4.11935],
                        [3.45565, 27.1554, 3.86714],
                        [0.0299566, 0.184309, 1.46709]])
#: The lost cone's response from the two left (rows: which cone is replaced; columns: L, M, S).
_VIENOT_PROJECTION = {
    "protanopia": np.array([[0.0, 2.02344, -2.52581], [0, 1, 0], [0, 0, 1]]),
    "deuteranopia": np.array([[1, 0, 0], [0.494207, 0.0, 1.24827], [0, 0, 1]]),
    "tritanopia": np.array([[1, 0, 0], [0, 1, 0], [-0.395913, 0.801109, 0.0]]),
}


def srgb_to_linear(c: np.ndarray) -> np.ndarray:
    """The sRGB transfer function undone (IEC 61966-2-1), (..., 3) in [0, 1]."""
    c = np.asarray(c, dtype=np.float64)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(c: np.ndarray) -> np.ndarray:
    c = np.clip(np.asarray(c, dtype=np.float64), 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def hex_to_rgb(text: str) -> np.ndarray:
    """"#rrggbb" → (3,) floats in [0, 1]."""
    s = text.lstrip("#")
    if len(s) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return np.array([int(s[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.float64) / 255.0


def simulate(rgb: np.ndarray, deficiency: str, method: str = "machado") -> np.ndarray:
    """How an sRGB colour (..., 3) looks to a dichromat (sRGB out, clipped to [0, 1])."""
    if deficiency not in DEFICIENCIES:
        raise ValueError(f"unknown deficiency {deficiency!r}; one of {', '.join(DEFICIENCIES)}")
    lin = srgb_to_linear(rgb)
    if method == "machado":
        m = MACHADO[deficiency]
    elif method == "vienot":
        m = np.linalg.inv(_RGB_TO_LMS) @ _VIENOT_PROJECTION[deficiency] @ _RGB_TO_LMS
    else:
        raise ValueError(f"unknown method {method!r}; machado or vienot")
    return linear_to_srgb(lin @ m.T)


# -- CIELAB (D65) ---------------------------------------------------------------------------------
_RGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
_WHITE = _RGB_TO_XYZ.sum(axis=1)   # D65 white of sRGB


def relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """Y of an sRGB colour (..., 3): 0 black … 1 white (WCAG's relative luminance)."""
    return srgb_to_linear(rgb) @ _RGB_TO_XYZ[1]


def contrast_ratio(fg: np.ndarray, bg: np.ndarray) -> float:
    """WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 … 21."""
    a, b = float(relative_luminance(fg)), float(relative_luminance(bg))
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def to_lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB (..., 3) → CIELAB (L*, a*, b*) under D65."""
    xyz = srgb_to_linear(rgb) @ _RGB_TO_XYZ.T / _WHITE
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def delta_e(c1: np.ndarray, c2: np.ndarray) -> np.ndarray:
    """CIE76 colour difference ΔE*ab of two sRGB colours (about 2.3 is just noticeable)."""
    return np.linalg.norm(to_lab(c1) - to_lab(c2), axis=-1)


def grey_lightness(rgb: np.ndarray) -> np.ndarray:
    """L* of a colour printed in greyscale (its luminance), 0 … 100."""
    return to_lab(rgb)[..., 0]
