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


def test_errors_list_missed_spurious_and_wrong_attribute() -> None:
    text = (
        "Police arrested blogger Trần Văn B on May 2. "
        "On Friday the court sentenced Lê Văn A to five years in prison under Article 117.\n"
        "Nguyễn C was released."
    )
    gold = [
        {
            "id": "p1",
            "text": text,
            "events": [
                {"person": "Lê Văn A", "event_type": "sentence", "prison_months": 60, "charge_articles": [117]},
                {"person": "Trần Văn B", "event_type": "arrest", "date": "2021-05-02"},
            ],
        }
    ]
    pred = [
        {
            "id": "p1",
            "events": [
                {
                    "person": "Le Van A",
                    "event_type": "sentence",
                    "prison_months": 48,
                    "charge_articles": [117],
                    "evidence": "the court sentenced Lê Văn A to five years",
                },
                {"person": "Nguyễn C", "event_type": "release", "charge_articles": [], "date": None},
            ],
        }
    ]
    s = score(gold, pred)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    assert s["errors"] == [
        {
            "kind": "missed",
            "id": "p1",
            "event_type": "arrest",
            "person": "Trần Văn B",
            "attribute": None,
            "gold": {"date": "2021-05-02"},
            "got": None,
            "sentence": "Police arrested blogger Trần Văn B on May 2.",
        },
        {
            "kind": "spurious",
            "id": "p1",
            "event_type": "release",
            "person": "Nguyễn C",
            "attribute": None,
            "gold": None,
            "got": {},
            "sentence": "Nguyễn C was released.",
        },
        {
            "kind": "wrong",
            "id": "p1",
            "event_type": "sentence",
            "person": "Lê Văn A",
            "attribute": "prison_months",
            "gold": 60,
            "got": 48,
            "sentence": "the court sentenced Lê Văn A to five years",
        },
    ]


def test_errors_report_lines_follow_the_figures() -> None:
    from presswatch.evaluation import format_report

    gold = [
        {
            "id": "p1",
            "text": "Mr Son was jailed. Later he was freed.",
            "events": [{"person": "Son", "event_type": "sentence", "prison_months": 60}],
        }
    ]
    pred = [{"id": "p1", "events": [{"person": "Son", "event_type": "sentence", "prison_months": 48}]}]
    report = score(gold, pred)
    text = format_report(report)
    assert text.splitlines()[0].startswith("events: precision 1.000")
    assert "wrong prison_months (1):\n    [p1] sentence Son: gold 60 / got 48  | Mr Son was jailed." in text
    assert format_report(report, show_errors=False) == text.split("\n\nerrors:")[0]


def test_sentence_around_a_mention() -> None:
    from nlp.evaluate import sentence_around

    text = "Tin cho biết.Bà Hằng bị bắt hôm qua. Ông U.S. Smith nói."
    assert sentence_around(text, "Hằng") == "Bà Hằng bị bắt hôm qua."
    assert sentence_around(text, "Smith") == "Ông U.S. Smith nói."
    assert sentence_around(text, "Minh") == ""
    long_ = "word " * 200 + "Dung was held " + "word " * 200
    assert "Dung was held" in sentence_around(long_, "Dung")
    assert len(sentence_around(long_, "Dung")) <= 300
