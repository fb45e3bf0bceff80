"""Answer settings file and threshold calibration."""
import json

import pytest

from assistant.answer import AnswerConfig, ConfigError, calibrate_threshold, load_config, save_config


def test_defaults_without_file(tmp_path):
    assert load_config(tmp_path) == AnswerConfig()
    assert load_config(None) == AnswerConfig()


def test_file_overrides_and_round_trips(tmp_path):
    (tmp_path / "answer_config.json").write_text(json.dumps({"abstain_threshold": 0.5, "top_clauses": 5}))
    config = load_config(tmp_path)
    assert config.abstain_threshold == 0.5 and config.top_clauses == 5 and isinstance(config.top_clauses, int)
    save_config(config, tmp_path)
    assert load_config(tmp_path) == config


@pytest.mark.parametrize("content", ['{"abstain_treshold": 0.5}', '{"abstain_threshold": "high"}', "[1]", "{oops"])
def test_bad_file_raises_named_error(tmp_path, content):
    (tmp_path / "answer_config.json").write_text(content)
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_unknown_key_error_lists_allowed_keys(tmp_path):
    (tmp_path / "answer_config.json").write_text('{"abstain_treshold": 0.5}')
    with pytest.raises(ConfigError, match="abstain_threshold"):
        load_config(tmp_path)


def test_calibration_maximizes_f1_above_the_precision_floor():
    cases = [(0.30, False), (0.40, False), (0.50, True), (0.55, False), (0.70, True), (0.90, True)]
    t = calibrate_threshold(cases)
    # Below 0.45: precision 1, recall 2/3 (F1 0.8); below 0.625 adds recall but precision 0.75 < 0.8.
    assert 0.40 < t < 0.50
    assert calibrate_threshold([{"evidence": s, "answerable": a} for s, a in cases]) == t
    assert 0.55 < calibrate_threshold(cases, min_precision=0.7) < 0.70


def test_calibration_does_not_settle_for_one_sure_abstention():
    # Precision first would abstain only below 0.275 (F1 0.57); F1 under the floor abstains below 0.51 (P 0.83, R 1).
    cases = [(0.20, False), (0.25, False), (0.30, True), (0.35, False), (0.40, False), (0.42, False),
             (0.60, True), (0.80, True), (0.90, True)]
    assert 0.42 < calibrate_threshold(cases) < 0.60


def test_calibration_falls_back_to_best_f1():
    cases = [(0.2, True), (0.3, False), (0.4, True), (0.5, False), (0.9, True)]
    t = calibrate_threshold(cases)  # no threshold reaches precision 0.8
    assert 0.5 < t < 0.9


def test_calibration_separable_cases():
    t = calibrate_threshold([(0.2, False), (0.3, False), (0.8, True), (0.9, True)])
    assert 0.3 < t < 0.8


def test_calibration_needs_cases():
    with pytest.raises(ValueError):
        calibrate_threshold([])
