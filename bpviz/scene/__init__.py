"""Qt-free presentation logic: layout, colour binning, the step-through sequence."""
