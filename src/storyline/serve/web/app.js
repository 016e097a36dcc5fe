// storyline's web page: stories, a story's timeline and relationship graph with the
// evidence for every entry, entity and document pages, search. Plain JavaScript over
// the REST API; pages are addressed by the URL's hash (#/story/ID), so links work.
"use strict";

const view = document.getElementById("view");

const esc = (text) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// Only web addresses become links: a document's url is whatever its input said
// ("javascript:…" included).
const webUrl = (url) => /^https?:\/\//i.test(String(url ?? "")) ? url : null;

const span = (first, last) => (first ? (first === last || !last ? first : `${first} – ${last}`) : "undated");
const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;

function badge(modality) {
  return modality && modality !== "asserted" ? `<span class="badge ${esc(modality)}">${esc(modality)}</span>` : "";
}

// --- pages ------------------------------------------------------------------------

async function storiesPage() {
  const stories = await api("/api/stories?limit=100");
  if (!stories.items.length) {
    view.innerHTML = `<h1>No stories yet</h1><p class="muted">Add articles with <code>storyline ingest PATH</code>.</p>`;
    return;
  }
  view.innerHTML = `<h1>Stories</h1><p class="muted">${plural(stories.total, "story", "stories")}, the biggest first.</p>
    <div class="cards">${stories.items.map((s) => `
      <article class="card story-card">
        <h3><a href="#/story/${esc(s.id)}">${esc(s.title)}</a></h3>
        <div class="meta">${esc(span(s.first, s.last))} · ${plural(s.size, "document")} · ${plural(s.outlets.length, "outlet")}</div>
        <div class="meta">${s.outlets.map(esc).join(", ")}</div>
      </article>`).join("")}</div>`;
}

async function storyPage(id) {
  const [story, timeline, graph] = await Promise.all([
    api(`/api/stories/${encodeURIComponent(id)}`),
    api(`/api/timeline?story=${encodeURIComponent(id)}`),
    api(`/api/graph?story=${encodeURIComponent(id)}`),
  ]);
  view.innerHTML = `
    <h1>${esc(story.title)}</h1>
    <p class="muted">${esc(span(story.first, story.last))} · ${plural(story.documents.length, "document")} from ${story.outlets.map(esc).join(", ") || "unknown outlets"}</p>
    <div class="grid2">
      <section><h2>Timeline</h2>${timelineHtml(timeline)}</section>
      <section>
        <h2>Relationships</h2>${graphHtml(graph)}
        <h2>Documents</h2>
        <ul class="plain">${story.documents.map((d) => `<li><a href="#/document/${esc(d.id)}">${esc(d.title || d.id)}</a>
          <span class="meta">${esc(d.outlet || "")} ${esc(d.published.value || "")}${d.duplicate_of ? " · copy" : ""}</span></li>`).join("")}</ul>
        <h2>Who is who</h2>
        <ul class="plain">${story.entities.slice(0, 15).map((e) => `<li><a href="#/entity/${esc(e.id)}">${esc(e.name)}</a></li>`).join("")}</ul>
      </section>
    </div>`;
}

function timelineHtml(timeline) {
  const entries = timeline.entries;
  if (!entries.length) return `<p class="muted">No events yet.</p>`;
  const more = timeline.total > entries.length ? `<p class="muted">The first ${entries.length} of ${timeline.total} entries.</p>` : "";
  const dated = entries.filter((e) => !e.undated);
  const undated = entries.filter((e) => e.undated);
  const list = (items) => `<ol class="timeline">${items.map(entryHtml).join("")}</ol>`;
  return list(dated) + (undated.length ? `<h2>Undated <span class="muted">(in the order reported)</span></h2>${list(undated)}` : "") + more;
}

function entryHtml(entry) {
  const conflicts = entry.conflicts.length
    ? `<span class="badge conflict" title="${esc(entry.conflicts.map((c) => `${c.field}: ${c.value}`).join("; "))}">sources disagree</span>`
    : "";
  const evidence = entry.evidence.map((v) => `
    <blockquote>${esc(v.text)}<br><span class="meta">— <a href="#/document/${esc(v.document)}">${esc(v.outlet || v.document)}</a>${v.published ? ", " + esc(v.published) : ""}</span></blockquote>`).join("");
  return `<li class="entry${entry.undated ? " undated" : ""}">
    <span class="when">${esc(entry.date || "undated")}</span>${badge(entry.modality)}${conflicts}
    <span class="what">${esc(entry.text)}</span><span class="outlets">${plural(entry.outlets, "outlet")}</span>
    <details class="evidence"><summary>Evidence (${entry.evidence.length})</summary>${evidence}</details></li>`;
}

// A circle of nodes, edges between them: small graphs read well without a layout engine.
function graphHtml(graph) {
  if (!graph.nodes.length) return `<p class="muted">No relations found.</p>`;
  const size = 420, centre = size / 2, radius = graph.nodes.length > 1 ? size / 2 - 70 : 0;
  const at = {};
  graph.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / graph.nodes.length - Math.PI / 2;
    at[n.id] = [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)];
  });
  const between = {};  // several relations of one pair: their labels stacked
  const edges = graph.edges.map((e) => {
    const [x1, y1] = at[e.source], [x2, y2] = at[e.target];
    const pair = [e.source, e.target].sort().join(" ");
    const nth = (between[pair] = (between[pair] ?? -1) + 1);
    const label = e.type.replace("_", " ") + (e.modality !== "asserted" ? ` (${e.modality})` : "");
    return `<g class="edge"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"></line>
      <text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4 + 13 * nth}" text-anchor="middle">${esc(label)}</text></g>`;
  }).join("");
  const nodes = graph.nodes.map((n) => {
    const [x, y] = at[n.id];
    const r = 7 + Math.min(10, Math.sqrt(n.mentions || 1) * 1.5);
    return `<a class="node" href="#/entity/${esc(n.id)}"><g class="node"><circle class="${esc(n.type)}" cx="${x}" cy="${y}" r="${r}"></circle>
      <text x="${x}" y="${y + r + 13}" text-anchor="middle">${esc(n.name)}</text></g></a>`;
  }).join("");
  const types = [...new Set(graph.nodes.map((n) => n.type))];
  return `<div class="graph"><svg viewBox="0 0 ${size} ${size}" role="img" aria-label="relationship graph">${edges}${nodes}</svg>
    <div class="legend">${types.map((t) => `<span><i class="${esc(t)}"></i>${esc(t)}</span>`).join("")}</div></div>`;
}

async function entityPage(id) {
  const [entity, timeline] = await Promise.all([
    api(`/api/entities/${encodeURIComponent(id)}`),
    api(`/api/timeline?entity=${encodeURIComponent(id)}`),
  ]);
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  const related = entity.relations.map((r) => {
    const other = r.subject === entity.id ? [r.object, r.object_name] : [r.subject, r.subject_name];
    return `<li>${esc(r.type.replace("_", " "))} ${badge(r.modality)}<a href="#/entity/${esc(other[0])}">${esc(other[1] || other[0])}</a>
      <span class="meta">${plural(r.evidence.length, "sentence")}</span></li>`;
  }).join("");
  view.innerHTML = `<h1>${esc(entity.name)}</h1>
    <p class="muted">${esc(entity.type)} · ${plural(entity.mentions, "mention")} in ${plural(entity.documents.length, "document")}${aliases.length ? " · also written " + aliases.map(esc).join(", ") : ""}</p>
    <div class="grid2">
      <section><h2>Timeline</h2>${timelineHtml(timeline)}</section>
      <section><h2>Related</h2>${related ? `<ul class="plain related">${related}</ul>` : `<p class="muted">No relations found.</p>`}
        <h2>Documents</h2><ul class="plain">${entity.documents.map((d) => `<li><a href="#/document/${esc(d)}">${esc(d)}</a></li>`).join("")}</ul>
      </section>
    </div>`;
}

async function documentPage(id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  let html = "", cursor = 0;
  const mentions = doc.mentions.slice().sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    if (m.start < cursor) continue;
    html += esc(doc.text.slice(cursor, m.start));
    html += `<a href="#/entity/${esc(m.entity)}"><mark class="${esc(m.type)}" title="${esc(m.name)} (${esc(m.type)})">${esc(doc.text.slice(m.start, m.end))}</mark></a>`;
    cursor = m.end;
  }
  html += esc(doc.text.slice(cursor));
  view.innerHTML = `<h1>${esc(doc.title || doc.id)}</h1>
    <p class="muted">${esc(doc.outlet || doc.source)} · ${esc(doc.published.value || "undated")}${doc.story ? ` · <a href="#/story/${esc(doc.story)}">its story</a>` : ""}${webUrl(doc.url) ? ` · <a href="${esc(doc.url)}" rel="noopener noreferrer">original</a>` : ""}</p>
    <div class="text">${html}</div>`;
}

async function searchPage(q) {
  const [hits, entities] = await Promise.all([
    api(`/api/search?q=${encodeURIComponent(q)}`),
    api(`/api/entities?q=${encodeURIComponent(q)}`),
  ]);
  const snippet = (s) => esc(s).replace(/\x02/g, "<mark>").replace(/\x03/g, "</mark>");
  view.innerHTML = `<h1>“${esc(q)}”</h1>
    ${entities.items.length ? `<h2>Entities</h2><ul class="plain">${entities.items.map((e) => `<li><a href="#/entity/${esc(e.id)}">${esc(e.name)}</a> <span class="meta">${esc(e.type)}</span></li>`).join("")}</ul>` : ""}
    <h2>Articles</h2>${hits.items.length ? `<ul class="plain">${hits.items.map((h) => `<li><a href="#/document/${esc(h.document)}">${esc(h.title || h.document)}</a><div class="meta">${snippet(h.snippet)}</div></li>`).join("")}</ul>` : `<p class="muted">No article matches.</p>`}`;
}

// --- routing ----------------------------------------------------------------------

async function route() {
  const [, page, ...rest] = location.hash.replace(/^#/, "").split("/");
  try {
    const arg = decodeURIComponent(rest.join("/"));  // throws on a stray "%"
    if (page === "story") await storyPage(arg);
    else if (page === "entity") await entityPage(arg);
    else if (page === "document") await documentPage(arg);
    else if (page === "search") await searchPage(arg);
    else await storiesPage();
  } catch (error) {
    view.innerHTML = `<h1>Not found</h1><p class="error">${esc(error.message)}</p><p><a href="#/">All stories</a></p>`;
  }
  window.scrollTo(0, 0);
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", route);
route();
