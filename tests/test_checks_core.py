"""The engine the checks share, through the public checks: failures with mistake ids,
rounding told from other near misses, questions, every named mistake recognised as
itself, and every section a message names resolved against the notebooks' headings."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

import coursekit.checks as checks
from coursekit.checks import CheckFailed, NotDoneYet, check_answer, check_column_means
from coursekit.checks._core import MESSAGES, Exercise, run
from coursekit.checks.questions import QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = [value for module in checks.MODULES for value in vars(module).values()
             if isinstance(value, Exercise)]


def failure(check, *answer):
    with pytest.raises(CheckFailed) as info:
        check(*answer)
    return info.value


def test_failures_are_assertion_errors_that_nbgrader_scores():
    assert issubclass(CheckFailed, AssertionError)
    assert issubclass(NotDoneYet, CheckFailed)
    error = CheckFailed("the MSE is wrong", "03.safe_mse.broadcast")
    assert error._render_traceback_() == ["CheckFailed: the MSE is wrong",
                                          "[mistake: 03.safe_mse.broadcast]"]


def test_a_named_mistake_carries_its_id_on_the_last_line_and_a_section():
    error = failure(check_column_means, lambda M: M.sum(axis=0))
    assert error.mistake == "01.column_means.sums"
    assert str(error).splitlines()[-1] == "[mistake: 01.column_means.sums]"
    assert "(notebook 01, section 4)." in str(error)


def test_an_unnamed_mistake_has_no_id_but_a_section():
    error = failure(check_column_means, lambda M: M.max(axis=0))
    assert error.mistake is None and "[mistake:" not in str(error)
    assert "notebook 01, section 4" in str(error)


def test_rounding_is_named_only_when_the_answer_is_the_reference_rounded():
    assert failure(check_column_means, lambda M: M.mean(axis=0).round(3)).mistake \
        == "01.column_means.rounded"
    for near in (lambda M: M.mean(axis=0) * (1 + 3e-4),
                 lambda M: M.astype(np.float16).mean(axis=0)):
        assert failure(check_column_means, near).mistake == "01.column_means.near_miss"


def test_a_stub_a_learners_error_and_a_value_for_a_function_are_explained():
    def stub(M):
        raise NotImplementedError()

    with pytest.raises(NotDoneYet, match="Not done yet"):
        check_column_means(stub)
    with pytest.raises(CheckFailed, match=r"raised ValueError: .*shape \(5, 3\)"):
        check_column_means(lambda M: M @ np.ones(5))
    with pytest.raises(CheckFailed, match="pass the function itself"):
        check_column_means(np.ones(3))


def test_a_question_names_the_wrong_option_and_why(capsys):
    check_answer("01.q1", " B ")
    assert capsys.readouterr().out.startswith("Correct:")
    error = failure(check_answer, "01.q1", "a")
    assert error.mistake == "01.q1.row_means"
    assert "notebook 01, section 4" in str(error)
    assert failure(check_answer, "01.q1", "z").mistake is None
    # Options read in section 4, where the question stands; keepdims is notebook 03's.
    assert "notebook 01, section 4" in str(failure(check_answer, "01.q1", "d"))
    assert "notebook 03, section 5" in str(failure(check_answer, "01.q1", "c"))
    assert "moves only slowly" in str(failure(check_answer, "09.q2", "a"))
    with pytest.raises(NotDoneYet):
        check_answer("01.q1", None)


def test_every_question_has_one_right_option_and_reasons_for_the_others():
    for question, rows in QUESTIONS.items():
        keys = [key for _, key, _, _ in rows]
        assert keys.count("right") == 1, question
        assert len(set(keys)) == len(keys) and all(why for *_, why in rows), question


def _filled(wrong, reference, exercise):
    if wrong is None:
        return reference
    if exercise.parts:
        return tuple(r if w is None else w for w, r in zip(wrong, reference,
                                                            strict=True))
    return wrong


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_named_wrong_answer_is_recognised_as_itself(exercise):
    """A learner whose answers are a mistake's own wrong answers gets that mistake."""
    if exercise.reference is None:
        pytest.skip("build_neuron: its mistakes are Keras' errors and steps")
    for m in exercise.mistakes:
        if m.wrong is None:
            continue

        def learner(*args, m=m):
            return _filled(m.wrong(*args), exercise.reference(*args), exercise)

        answer = learner if exercise.function else learner()
        if exercise.id == "05.mse_from_averages":
            answer = checks.grid_search._watched(answer)
        if exercise.id == "09.confusion_counts":
            answer = checks.classifier._flat(answer)
        with pytest.raises(CheckFailed) as info:
            run(exercise, answer)
        assert info.value.mistake == f"{exercise.id}.{m.key}", str(info.value)


def headings():
    """{"06.7", ...}: the numbered sections of every notebook."""
    found = set()
    for path in (ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                found |= {f"{path.name[:2]}.{n}" for n in re.findall(
                    r"^## (\d+)\. ", "".join(cell["source"]), re.MULTILINE)}
    return found


def test_every_section_a_message_names_is_a_heading_of_its_notebook():
    named = {section for section, _ in MESSAGES.values()}
    named |= {section for rows in QUESTIONS.values() for _, _, section, _ in rows}
    text = " ".join(message for _, message in MESSAGES.values())
    named |= {f"{a}.{b}"
              for a, b in re.findall(r"notebook (\d\d), section (\d+)", text)}
    assert not sorted(named - headings()), "sections no notebook heading matches"


def test_every_exercise_and_mistake_has_its_message_and_every_message_its_mistake():
    ids = {e.id for e in EXERCISES} | {f"{e.id}.{m.key}" for e in EXERCISES
                                        for m in e.mistakes}
    ids |= {f"{e.id}.{key}" for e in EXERCISES for _, _, _, *keys in e.refuse()
            for key in keys}
    ids |= {f"08.build_neuron.{m.key}" for m in checks.keras_neuron.MISTAKES}
    ids |= {f"08.adam_learning_rate.{k}" for k in ("below_smallest", "too_small",
                                                    "overshoot")}
    optional = {i for i in MESSAGES if i.endswith((".near_miss", ".shape"))}
    assert not ids - set(MESSAGES), "mistakes without a message"
    assert not set(MESSAGES) - ids - optional, "messages no check uses"
    assert all(re.fullmatch(r"\d\d\.\w+(\.\w+)?", i) for i in MESSAGES)


ODD = [[[1], [2, 3]], object(), {"a": 1}, "text", (1, 2, 3), np.array([np.nan]),
       [None, None], (np.ones(3), "b"), iter([1, 2])]
VALUES = {"check_two_errors": 4, "check_grid_size": 2, "check_adam_learning_rate": 3,
          "check_gradients_and_update": 2}


@pytest.mark.parametrize("name", [n for n in checks.CHECKS
                                  if n != "check_build_neuron"])
def test_any_answer_at_all_gets_a_check_failed_never_another_error(name):
    for odd in ODD:
        for answer in (odd, lambda *args, odd=odd: odd):
            with pytest.raises(CheckFailed):
                getattr(checks, name)(*[answer] * VALUES.get(name, 1))
