from __future__ import annotations

from nlp.evaluate import match_events, name_level, score


def test_name_levels() -> None:
    assert name_level("pham chi dung", "pham chi dung") == 2
    assert name_level("dung", "pham chi dung") == 1
    assert name_level("chi", "pham chi dung") == 0


def test_short_name_matches_and_exact_wins() -> None:
    gold = [{"person": "Phạm Chí Dũng", "event_type": "arrest"}]
    pred = [{"person": "Dung", "event_type": "arrest"}, {"person": "Pham Chi Dung", "event_type": "arrest"}]
    assert match_events(gold, pred) == [(0, 1)]


def test_score_counts_and_attributes() -> None:
    gold = [
        {
            "id": "a",
            "events": [
                {
                    "person": "Lê Văn A",
                    "event_type": "sentence",
                    "prison_months": 60,
                    "date": "2020-03",
                    "charge_articles": [],
                    "charge_articles_inferred": [117],
                },
                {"person": "Trần B", "event_type": "arrest", "charge_articles": [88]},
            ],
        },
        {"id": "b", "events": []},
    ]
    pred = [
        {
            "id": "a",
            "events": [
                {
                    "person": "Le Van A",
                    "event_type": "sentence",
                    "prison_months": 60,
                    "date": "2020-03-05",
                    "charge_articles": [117],
                },
                {"person": "Trần B", "event_type": "charge", "charge_articles": [88]},
            ],
        },
    ]
    s = score(gold, pred)
    assert (s["tp"], s["fp"], s["fn"], s["docs_missing_in_pred"]) == (1, 1, 1, 1)
    assert s["f1"] == 0.5
    assert s["attribute_accuracy"] == {
        "charge_articles": 1.0,
        "prison_months": 1.0,
        "probation_months": None,
        "date": 1.0,
    }
    assert s["per_type_tp_fp_fn"]["sentence"] == [1, 0, 0]
    assert s["per_type_tp_fp_fn"]["arrest"] == [0, 0, 1]
    assert s["per_type_tp_fp_fn"]["charge"] == [0, 1, 0]
