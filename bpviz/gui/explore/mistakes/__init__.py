"""What the network gets wrong and how to teach it (issue 13): the GUI views, one concept per module.

- :mod:`.confusion` — the bottom tab "Mistakes": the test set's confusion matrix and its gallery.
- :mod:`.teach` — the left tab "Teach": one gradient-descent step on the shown example, exact undo.
- :mod:`.pixels` — the Teach tab's "Which pixels matter": ∂C/∂x and nudging the input.
- :mod:`.views` — their tabs and actions.

Every number comes from the Qt-free core (:mod:`bpviz.core.mistakes`,
:mod:`bpviz.scene.mistakes_text`); these modules only show them.
"""

from bpviz.gui.explore.mistakes.confusion import ConfusionPanel
from bpviz.gui.explore.mistakes.teach import TeachPanel
from bpviz.gui.explore.mistakes.views import MistakesViews

__all__ = ["ConfusionPanel", "MistakesViews", "TeachPanel"]
