"""The engine the checks share: failures with mistake ids, rounding against near
misses, questions, and every section a check names resolved against the notebooks."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

import coursekit.checks as checks
from coursekit.checks._core import CheckFailed, Exercise, Mistake, NotDoneYet, run
from coursekit.checks.questions import QUESTIONS, check_answer

ROOT = Path(__file__).resolve().parent.parent

SQUARE = Exercise(
    "00.square", "square", "01.4", reference=lambda x: x**2,
    cases=lambda: [((np.array([1.5, -2.25, 3.125]),), "three numbers")],
    mistakes=[Mistake("double", "01.4", "it doubles", wrong=lambda x: 2 * x),
              Mistake("text", "01.2", "text",
                      when=lambda got, x: isinstance(got, str))],
    passed="squares.")


def failure(answer, exercise=SQUARE):
    with pytest.raises(CheckFailed) as info:
        run(exercise, answer)
    return info.value


def test_failures_are_assertion_errors_that_nbgrader_scores():
    assert issubclass(CheckFailed, AssertionError)
    assert issubclass(NotDoneYet, CheckFailed)
    error = CheckFailed("the MSE is wrong", "03.safe_mse.broadcast")
    assert error._render_traceback_() == ["CheckFailed: the MSE is wrong",
                                         "[mistake: 03.safe_mse.broadcast]"]


def test_a_right_answer_prints_one_line(capsys):
    run(SQUARE, lambda x: x * x)
    assert capsys.readouterr().out == "Correct: squares.\n"


def test_a_named_mistake_carries_its_id_on_the_last_line():
    error = failure(lambda x: 2 * x)
    assert error.mistake == "00.square.double"
    assert str(error).splitlines()[-1] == "[mistake: 00.square.double]"
    assert "(notebook 01, section 4)" in str(error)
    assert failure(lambda x: "x").mistake == "00.square.text"


def test_an_unnamed_mistake_has_no_id():
    error = failure(lambda x: x + 1)
    assert error.mistake is None and "[mistake:" not in str(error)


def test_rounding_is_named_only_when_the_answer_is_the_reference_rounded():
    assert failure(lambda x: np.round(x**2, 1)).mistake == "00.square.rounded"
    assert failure(lambda x: np.float32(x**2 + 1e-5)).mistake == "00.square.near_miss"
    assert failure(lambda x: x**2 * (1 + 1e-4)).mistake == "00.square.near_miss"


def test_a_stub_and_a_learners_error_are_explained():
    def stub(x):
        raise NotImplementedError()

    with pytest.raises(NotDoneYet, match="Not done yet"):
        run(SQUARE, stub)
    with pytest.raises(CheckFailed, match=r"raised ValueError: .*shape \(3,\)"):
        run(SQUARE, lambda x: x @ np.ones(5))
    with pytest.raises(CheckFailed, match="pass the function itself"):
        run(SQUARE, 3.0)


def test_a_question_names_the_wrong_option_and_why(capsys):
    check_answer("01.q1", " b ")
    assert capsys.readouterr().out.startswith("Correct:")
    with pytest.raises(CheckFailed) as info:
        check_answer("01.q1", "a")
    assert info.value.mistake == "01.q1.row_means"
    assert "notebook 01, section 4" in str(info.value)
    with pytest.raises(CheckFailed, match="not one of the options"):
        check_answer("01.q1", "z")
    with pytest.raises(NotDoneYet):
        check_answer("01.q1", None)


def headings():
    """{"06.7": "## 7. The neuron by hand", ...} from the notebooks' markdown."""
    found = {}
    for path in (ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                for number in re.findall(r"^## (\d+)\. ", "".join(cell["source"]),
                                         re.MULTILINE):
                    found[f"{path.name[:2]}.{number}"] = path.name
    return found


def tables():
    """Every exercise of every check module, and every question."""
    return [value for module in checks.MODULES for value in vars(module).values()
            if isinstance(value, Exercise)]


def test_every_section_a_table_names_is_a_heading_of_its_notebook():
    named = {e.section for e in tables()}
    named |= {m.section for e in tables() for m in e.mistakes}
    named |= {q.section for q in QUESTIONS.values()}
    named |= {s for q in QUESTIONS.values() for _, s, _ in q.wrong.values()}
    text = " ".join(m.message for e in tables() for m in e.mistakes)
    named |= {f"{a}.{b}"
              for a, b in re.findall(r"notebook (\d\d), section (\d+)", text)}
    missing = sorted(named - set(headings()))
    assert not missing, f"sections that no notebook heading matches: {missing}"


def test_mistake_ids_are_unique_and_stable_in_form():
    ids = [f"{e.id}.{m.key}" for e in tables() for m in e.mistakes]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"\d\d\.\w+\.\w+", i) for i in ids)
