"""The relationship graph in every format: nodes are entities, edges relations."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from storyline.models import Entity, Relation, TimeValue
from storyline.present.graph import FORMATS, build_graph, render

ENTITIES = [
    Entity("e_yoon", "person", "Yoon Ha-rin", mentions=7),
    Entity("e_kang", "person", "Kang Do-jin", mentions=5),
    Entity("e_glass", "work", "Glass Garden", mentions=3),
    Entity("e_unrelated", "person", "Nobody Else"),
]
RELATIONS = [
    Relation("dating", "e_kang", "e_yoon", "rumoured", since=TimeValue("2025-06", "month")),
    Relation("cast_in", "e_yoon", "e_glass", events=["v_1"]),
]


def test_nodes_are_the_related_entities_and_edges_the_relations() -> None:
    graph = build_graph(ENTITIES, RELATIONS)
    assert set(graph.nodes) == {"e_yoon", "e_kang", "e_glass"}
    assert graph.nodes["e_yoon"] == {"name": "Yoon Ha-rin", "type": "person", "mentions": 7}
    [(_, _, dating)] = graph.edges("e_kang", data=True)
    assert dating["type"] == "dating" and dating["since"] == "2025-06"
    assert dating["modality"] == "rumoured" and dating["symmetric"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back(fmt: str) -> None:
    text = render(build_graph(ENTITIES, RELATIONS), fmt)
    if fmt == "json":
        assert len(json.loads(text)["edges"]) == 2
    elif fmt == "mermaid":
        assert text.startswith("graph LR") and "|dating (rumoured)|" in text
    else:
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        assert reader(io.BytesIO(text.encode("utf-8"))).number_of_edges() == 2
