"""The vocabulary of lesson quantities, read safely with :mod:`ast` (Qt-free, no evaluation).

:func:`parse` accepts names of the vocabulary, whole-number indices, the listed functions with
keyword arguments, numbers and + − × /; anything else is refused with the reason (and "did you
mean" for a misspelt name). The meaning of each name is in :mod:`.quantities`.
"""

from __future__ import annotations

import ast
import difflib

#: Per-sample arrays: name → (symbol, first layer, dimension of one layer's values).
ARRAYS = {"a": ("a", 1, 1), "z": ("z", 2, 1), "sigma_prime": ("σ′", 2, 1), "delta": ("δ", 2, 1),
          "w": ("w", 2, 2), "b": ("b", 2, 1), "dC_dw": ("∂C/∂w", 2, 2), "dC_db": ("∂C/∂b", 2, 1),
          "update_dw": ("Δw", 2, 2), "update_db": ("Δb", 2, 1)}
VECTORS = {"x": "x", "y": "y"}
SCALARS = ("cost", "cost_after_update", "prediction", "label", "L", "eta", "m", "lmbda", "n_params", "n_train",
           "accuracy")
LAYER_SCALARS = ("norm_delta", "speed", "sizes")
FUNCTIONS = ("abs", "norm", "sum", "max", "min", "argmax", "argmin", "nudge_dC", "nudge_predicted", "gradcheck",
             "accuracy_after")
#: Words computed from the numbers, for texts only ({{sign_word(delta[3][7])}}): a text never states a
#: sign, a comparison or a right/wrong that the live network could contradict.
WORDS = ("sign_word", "compare_word", "answer_word")
#: Every name of the vocabulary (for "did you mean").
NAMES = tuple(ARRAYS) + tuple(VECTORS) + SCALARS + LAYER_SCALARS + FUNCTIONS + WORDS
class QuantityError(ValueError):
    """An expression outside the vocabulary, or indices that do not fit the network."""


# -- parsing ----------------------------------------------------------------------------------
def parse(text: str, words: bool = False) -> ast.expr:
    """The expression tree of ``text``; QuantityError when it is not in the vocabulary
    (``words``: a text's placeholder, which may also be one of WORDS)."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as e:
        raise QuantityError(f"{text!r} is not an expression ({e.msg})") from None
    if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id in WORDS:
        if not words:
            raise QuantityError(f"{tree.func.id} gives a word, for texts only; an answer needs a quantity")
        want = {"sign_word": 1, "compare_word": 2, "answer_word": 0}[tree.func.id]
        if len(tree.args) != want or tree.keywords:
            raise QuantityError(f"{tree.func.id} takes {want} quantities")
        for a in tree.args:
            _check(a)
        return tree
    _check(tree)
    return tree


def suggest(name: str) -> str:
    close = difflib.get_close_matches(name, NAMES, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _check(node: ast.AST) -> None:
    if isinstance(node, ast.Constant):
        if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
            raise QuantityError(f"only numbers may appear as constants (got {node.value!r})")
    elif isinstance(node, ast.Name):
        if node.id not in NAMES or node.id in FUNCTIONS:
            raise QuantityError(f"unknown quantity {node.id!r}{suggest(node.id)}")
    elif isinstance(node, ast.Subscript):
        _check(node.value)
        if not isinstance(node.slice, (ast.Constant, ast.UnaryOp)):
            raise QuantityError("an index must be a whole number, as in a[3][2]")
        _check(node.slice)
        index_value(node.slice)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = getattr(node.func, "id", "?")
            raise QuantityError(f"unknown function {name!r}{suggest(name)}")
        for a in node.args:
            _check(a)
        for kw in node.keywords:
            if kw.arg is None:
                raise QuantityError("** is not allowed")
            if isinstance(kw.value, ast.Tuple):
                for e in kw.value.elts:
                    _check(e)
            else:
                _check(kw.value)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        _check(node.left)
        _check(node.right)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        _check(node.operand)
    else:
        raise QuantityError(f"{ast.unparse(node)!r} is not allowed in a quantity")


def constant(node: ast.AST) -> float:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return -node.operand.value if isinstance(node.op, ast.USub) else node.operand.value
    raise QuantityError(f"{ast.unparse(node)!r} must be a number")


def index_value(node: ast.AST) -> int:
    v = constant(node)
    if not isinstance(v, int):
        raise QuantityError(f"index {v!r} must be a whole number")
    return v



def names_in(text: str) -> set[str]:
    """The vocabulary names an expression uses."""
    return {n.id for n in ast.walk(parse(text)) if isinstance(n, ast.Name)}
