from __future__ import annotations

import re
from collections.abc import Callable

from planner.record.model import Record
from planner.render.diagram import flowchart


def edges(chart: str) -> list[tuple[str, str]]:
    found = []
    for line in chart.splitlines():
        match = re.match(
            r"\s*(\w+) (?:-->|-\.->|-- \"[^\"]*\" -->|-\. \"[^\"]*\" \.->) (\w+)$", line
        )
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def test_by_feature_draws_one_box_per_feature(make_record: Callable[..., Record]) -> None:
    record = make_record(layout__features=["users", "billing", "search"])
    chart = flowchart(record.flat_answers())
    assert chart.startswith("flowchart TB\n")
    for name in ("users", "billing", "search"):
        assert f'subgraph f_{name}["feature: {name}"]' in chart
        assert ("app", f"{name}_routes") in edges(chart)
    assert chart.count("subgraph f_") == 3


def test_ports_and_adapters_domain_has_no_arrow_out(make_record: Callable[..., Record]) -> None:
    record = make_record(
        layout__style="ports_and_adapters",
        infrastructure__isolation="ports_and_adapters",
        infrastructure__framework="falcon",
        layout__features=["accounts", "postings"],
    )
    chart = flowchart(record.flat_answers())
    links = edges(chart)
    assert not [e for e in links if e[0] == "domain"]
    assert ("adapters", "ports") in links
    assert "entrypoints (Falcon)" in chart
    assert ("accounts_ep", "accounts_svc") in links
    assert ("accounts_svc", "domain") in links


def test_answers_shape_the_drawing(make_record: Callable[..., Record]) -> None:
    record = make_record(
        initialization__database="none",
        lifetimes__other_resources=["http_client", "cache"],
        deployment__artifact="rpm",
        logging__format="json",
    )
    chart = flowchart(record.flat_answers())
    assert "db[(" not in chart
    assert 'http(["Other services' in chart and 'cache[("Cache")]' in chart
    assert "RPM package" in chart and "Logs: JSON" in chart


def test_by_layer(make_record: Callable[..., Record]) -> None:
    chart = flowchart(
        make_record(layout__style="by_layer", infrastructure__isolation="none").flat_answers()
    )
    assert ("views", "services") in edges(chart) and ("models", "db") in edges(chart)


def test_many_features_keep_the_drawing_narrow(make_record: Callable[..., Record]) -> None:
    """Eight feature boxes side by side made the large example unreadable: one box stands for all."""
    names = ["accounts", "rooms", "playlists", "chat", "moderation", "search", "alerts", "billing"]
    record = make_record(layout__features=names, layout__style="by_feature")
    chart = flowchart(record.flat_answers())
    assert chart.count("subgraph f_") == 0
    assert 'subgraph features["each of the 8 features"]' in chart
    assert f'feature_names[/"{", ".join(names)}"/]' in chart
    assert ("app", "feature_routes") in edges(chart)
    assert max(len(line) for line in chart.splitlines()) < 120


def test_borrowed_resources_share_one_edge(make_record: Callable[..., Record]) -> None:
    """Two dotted edges from the app to side-by-side boxes crossed; one edge to their group does not."""
    record = make_record(lifetimes__other_resources=["http_client", "cache"])
    chart = flowchart(record.flat_answers())
    group = chart.split('subgraph borrowed["Borrowed per request"]\n', 1)[1].split("end", 1)[0]
    assert "http([" in group and "cache[(" in group
    targets = [b for a, b in edges(chart) if a == "app"]
    assert "borrowed" in targets and "http" not in targets and "cache" not in targets
