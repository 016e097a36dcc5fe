"""The relationship graph: entities as nodes (type, mentions), relations as edges (type,
time span, modality, how much evidence), written as JSON, GraphML, GEXF or Mermaid."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING, Any

import networkx as nx

from storyline.connect.relations import SYMMETRIC
from storyline.models import Entity, Relation

if TYPE_CHECKING:
    from storyline.store import SQLiteStore

FORMATS = ("json", "graphml", "gexf", "mermaid")


def build_graph(entities: Sequence[Entity], relations: Sequence[Relation]) -> nx.MultiDiGraph[str]:
    """Nodes for the entities the relations connect, one edge per relation."""
    by_id = {e.id: e for e in entities}
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for relation in relations:
        for entity_id in (relation.subject, relation.object):
            entity = by_id.get(entity_id)
            if entity is not None and entity_id not in graph:
                graph.add_node(
                    entity_id, name=entity.name, type=entity.type, mentions=entity.mentions
                )
        if relation.subject in graph and relation.object in graph:
            graph.add_edge(
                relation.subject,
                relation.object,
                key=relation.id,
                type=relation.type,
                modality=relation.modality,
                since=(relation.since.value if relation.since else None) or "",
                until=(relation.until.value if relation.until else None) or "",
                symmetric=relation.type in SYMMETRIC,
                evidence=len(relation.evidence),
                events=len(relation.events),
            )
    return graph


def render(graph: nx.MultiDiGraph[str], fmt: str) -> str:
    if fmt == "json":
        data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt in {"graphml", "gexf"}:
        buffer = BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, buffer)
        return buffer.getvalue().decode("utf-8")
    if fmt == "mermaid":
        return _mermaid(graph)
    raise ValueError(f"unknown graph format {fmt!r}; choose from {', '.join(FORMATS)}")


def _mermaid(graph: nx.MultiDiGraph[str]) -> str:
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["graph LR"]
    for node, data in graph.nodes(data=True):
        lines.append(f'    {ids[node]}["{_label(data["name"])}<br/><small>{data["type"]}</small>"]')
    for subject, object_, data in graph.edges(data=True):
        arrow = "---" if data["symmetric"] else "-->"
        label = data["type"] + ("" if data["modality"] == "asserted" else f" ({data['modality']})")
        lines.append(f"    {ids[subject]} {arrow}|{_label(label)}| {ids[object_]}")
    return "\n".join(lines) + "\n"


def _label(text: str) -> str:
    return re.sub(r'["\[\]{}|<>]', "'", text)


def story_graph(
    store: SQLiteStore, *, story_id: str | None = None, entity_ids: Sequence[str] = ()
) -> nx.MultiDiGraph[str]:
    from storyline.connect.relations import relations

    found = relations(store, story_id=story_id, entity_ids=entity_ids)
    named = {r.subject for r in found} | {r.object for r in found}
    return build_graph([store.get_entity(e) for e in sorted(named)], found)
