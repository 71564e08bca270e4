// Draws the report from the JSON in #report-data: plain SVG, no library, nothing fetched.
"use strict";

const DATA = JSON.parse(document.getElementById("report-data").textContent);
const SVG_NS = "http://www.w3.org/2000/svg";
const REGIONS = new Map(DATA.regions.map(r => [r.region_id, r]));
const SECTORS = new Map(DATA.sectors.map(s => [s.code, s]));

function svgElement(parent, tag, attributes, text) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}

function htmlElement(parent, tag, attributes, text) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}

function sectorColour(code) {
  return code && SECTORS.has(code) ? SECTORS.get(code).colour : DATA.other_colour;
}

function shorten(text, most) {
  return text.length > most ? text.slice(0, most - 1) + "…" : text;
}

function shortName(name) {
  return name.replace(/^(Provinsi|Kabupaten|Kota) /, "");
}

// Each pair of parties of an event is an edge: an event of three parties draws a triangle.
function eventEdges() {
  const edges = [];
  for (const event of DATA.events) {
    const ids = [...new Set(event.parties.map(p => p.region_id))];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) edges.push({ source: ids[i], target: ids[j], event });
    }
  }
  // Events between the same two regions bend apart so that each stays visible.
  const seen = new Map();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join("|");
    edge.rank = seen.get(key) || 0;
    seen.set(key, edge.rank + 1);
  }
  return edges;
}

function curve(a, b, rank) {
  if (rank === 0) return `M${a.x},${a.y} L${b.x},${b.y}`;
  const bend = 22 * Math.ceil(rank / 2) * (rank % 2 ? 1 : -1);
  const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
  const cx = (a.x + b.x) / 2 - dy / length * bend, cy = (a.y + b.y) / 2 + dx / length * bend;
  return `M${a.x},${a.y} Q${cx},${cy} ${b.x},${b.y}`;
}

function edgeTitle(event) {
  const sector = event.main_sector ? SECTORS.get(event.main_sector).label : "no sector";
  return `${event.label}\n${event.type}, ${event.day || event.date || "undated"}\n${sector}`;
}

// Connected groups of regions: laid out one by one, then set side by side, so that a pair of
// regions that met only each other neither drifts away nor crowds the others.
function components(nodes, edges) {
  const group = new Map(nodes.map(n => [n.region_id, n.region_id]));
  const root = id => (group.get(id) === id ? id : root(group.get(id)));
  for (const edge of edges) group.set(root(edge.source), root(edge.target));
  const members = new Map();
  for (const node of nodes) {
    const key = root(node.region_id);
    if (!members.has(key)) members.set(key, []);
    members.get(key).push(node);
  }
  return [...members.values()].sort((a, b) => b.length - a.length || a[0].region_id.localeCompare(b[0].region_id));
}

// Fruchterman-Reingold, deterministic: nodes start on a circle in id order, repel one another and
// pull along their edges, with steps shrinking as it cools; `ideal` is the length an edge settles at.
function forceLayout(nodes, edges, ideal) {
  const byId = new Map(nodes.map(n => [n.region_id, n]));
  nodes.forEach((node, i) => {
    const angle = 2 * Math.PI * i / nodes.length;
    node.x = Math.cos(angle) * ideal * Math.sqrt(nodes.length) / 2;
    node.y = Math.sin(angle) * ideal * Math.sqrt(nodes.length) / 2;
  });
  // Small steps from the start: large ones let two nodes overshoot onto the same point, where no force parts them.
  let temperature = ideal / 4;
  for (let step = 0; step < 300; step++) {
    for (const node of nodes) { node.dx = -node.x * 0.01; node.dy = -node.y * 0.01; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, distance = Math.max(Math.hypot(dx, dy), 0.01);
        const push = ideal * ideal / distance / distance;
        a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
      }
    }
    for (const edge of edges) {
      const a = byId.get(edge.source), b = byId.get(edge.target);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, pull = Math.hypot(dx, dy) / ideal;
      a.dx += dx * pull; a.dy += dy * pull; b.dx -= dx * pull; b.dy -= dy * pull;
    }
    for (const node of nodes) {
      const move = Math.max(Math.hypot(node.dx, node.dy), 0.01), scale = Math.min(move, temperature) / move;
      node.x += node.dx * scale; node.y += node.dy * scale;
    }
    temperature = Math.max(temperature * 0.97, 0.5);
  }
}

// Each group in its own box, boxes in rows, the whole scaled (evenly) to fill the drawing.
function packLayout(nodes, edges, width, height, margin) {
  const ideal = 90, gap = 120;
  const boxes = components(nodes, edges).map(group => {
    forceLayout(group, edges, ideal);
    const left = Math.min(...group.map(n => n.x)), top = Math.min(...group.map(n => n.y));
    for (const node of group) { node.x -= left; node.y -= top; }
    return { group, width: Math.max(...group.map(n => n.x)), height: Math.max(...group.map(n => n.y)) };
  });
  const rowWidth = Math.max(Math.sqrt(boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0) * width / height),
                            ...boxes.map(b => b.width + gap));
  let x = 0, y = 0, rowHeight = 0, right = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) { x = 0; y += rowHeight + gap; rowHeight = 0; }
    for (const node of box.group) { node.x += x; node.y += y; }
    x += box.width + gap; rowHeight = Math.max(rowHeight, box.height); right = Math.max(right, x - gap);
  }
  const bottom = y + rowHeight;
  const scale = Math.min((width - 2 * margin) / (right || 1), (height - 2 * margin) / (bottom || 1), 2);
  const offsetX = (width - right * scale) / 2, offsetY = (height - bottom * scale) / 2;
  for (const node of nodes) { node.x = offsetX + node.x * scale; node.y = offsetY + node.y * scale; }
}

// Labels go beside their point where they overlap no other label or point, or are left out
// (the point's tooltip still names it); `taken` holds the boxes already used.
function placeLabel(parent, x, y, radius, text, taken, width, height) {
  const textWidth = text.length * 6.4 + 2, textHeight = 12;
  const options = [[x + radius + 3, y + 4, "start"], [x - radius - 3, y + 4, "end"], [x, y - radius - 4, "middle"],
                   [x, y + radius + 13, "middle"], [x + radius + 2, y - radius - 2, "start"], [x - radius - 2, y + radius + 11, "end"]];
  for (const [labelX, labelY, anchor] of options) {
    const left = anchor === "start" ? labelX : anchor === "end" ? labelX - textWidth : labelX - textWidth / 2;
    const box = [left, labelY - textHeight + 2, left + textWidth, labelY + 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
    if (taken.some(b => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    taken.push(box);
    return svgElement(parent, "text", { x: labelX, y: labelY, "text-anchor": anchor, class: "label-halo" }, text);
  }
  return null;
}

function pointBox(x, y, radius) {
  return [x - radius, y - radius, x + radius, y + radius];
}

function nodeRadius(region) {
  return 5 + 3 * Math.sqrt(region.events);
}

function drawNetwork() {
  const svg = document.getElementById("network");
  const edges = eventEdges();
  const nodes = DATA.regions.filter(r => r.events > 0).map(r => Object.assign({}, r));
  packLayout(nodes, edges, 900, 520, 40);
  const byId = new Map(nodes.map(n => [n.region_id, n]));
  const edgeLayer = svgElement(svg, "g", { class: "edges" });
  for (const edge of edges) {
    const path = svgElement(edgeLayer, "path", {
      class: "edge", d: curve(byId.get(edge.source), byId.get(edge.target), edge.rank),
      stroke: sectorColour(edge.event.main_sector), "data-event": edge.event.event_id,
    });
    svgElement(path, "title", {}, edgeTitle(edge.event));
  }
  const nodeLayer = svgElement(svg, "g", { class: "nodes" });
  for (const node of nodes) {
    const group = svgElement(nodeLayer, "g", { "data-region": node.region_id });
    const circle = svgElement(group, "circle", {
      class: "node", cx: node.x, cy: node.y, r: nodeRadius(node),
      fill: node.country === "ID" ? "#334e68" : "#9f580a",
    });
    svgElement(circle, "title", {}, `${node.name}${node.province && node.level !== "provinsi" ? ", " + node.province : ""}\n${node.events} event(s)`);
    group.addEventListener("click", () => selectRegion(node.region_id));
  }
  const taken = nodes.map(n => pointBox(n.x, n.y, nodeRadius(n)));
  const labels = svgElement(svg, "g", { class: "labels" });
  for (const node of nodes.slice().sort((a, b) => b.events - a.events || a.region_id.localeCompare(b.region_id))) {
    placeLabel(labels, node.x, node.y, nodeRadius(node), shortName(node.name), taken, 900, 520);
  }
  drawLegend();
}

function drawLegend() {
  const legend = document.getElementById("legend");
  const shown = DATA.sectors.filter(s => s.colour !== DATA.other_colour);
  for (const sector of shown) htmlElement(legend, "span", { style: `--swatch:${sector.colour}` }, sector.label);
  if (shown.length < DATA.sectors.length) htmlElement(legend, "span", { style: `--swatch:${DATA.other_colour}` }, "other or none");
  htmlElement(legend, "span", { style: "--swatch:#334e68" }, "Indonesian region");
  htmlElement(legend, "span", { style: "--swatch:#9f580a" }, "foreign city or country");
}

// Equirectangular over the frame, longitude shrunk by the cosine of the middle latitude so that
// shapes keep their proportions.
function projection([south, north, west, east], width, height, margin) {
  const shrink = Math.cos((south + north) / 2 * Math.PI / 180);
  const scale = Math.min((width - 2 * margin) / ((east - west) * shrink), (height - 2 * margin) / (north - south));
  const offsetX = (width - (east - west) * shrink * scale) / 2, offsetY = (height - (north - south) * scale) / 2;
  return (lat, lon) => [offsetX + (lon - west) * shrink * scale, offsetY + (north - lat) * scale];
}

// A point outside the drawing moves along the line from the centre to the drawing's edge.
function toEdge([x, y], width, height, margin) {
  const cx = width / 2, cy = height / 2, dx = x - cx, dy = y - cy;
  const reach = Math.min(Math.abs(dx) > 0 ? (width / 2 - margin) / Math.abs(dx) : Infinity,
                         Math.abs(dy) > 0 ? (height / 2 - margin) / Math.abs(dy) : Infinity);
  return reach >= 1 ? [x, y, false] : [cx + dx * reach, cy + dy * reach, true];
}

function drawMap() {
  const svg = document.getElementById("map");
  const width = 900, height = 480, margin = 14;
  const project = projection(DATA.frame, width, height, margin);
  const place = region => toEdge(project(region.lat, region.lon), width, height, margin);
  const land = svgElement(svg, "g", {});
  for (const [lat, lon, indonesian] of DATA.land) {
    const [x, y] = project(lat, lon);
    svgElement(land, "circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 1.2, fill: indonesian ? "#bcccdc" : "#e4e7eb" });
  }
  const placed = DATA.regions.filter(r => r.lat !== null && r.lon !== null);
  const links = svgElement(svg, "g", { class: "edges" });
  for (const edge of eventEdges()) {
    const a = REGIONS.get(edge.source), b = REGIONS.get(edge.target);
    if (a.lat === null || b.lat === null) continue;
    const [x1, y1] = place(a), [x2, y2] = place(b);
    const line = svgElement(links, "line", { x1, y1, x2, y2, class: "edge", stroke: sectorColour(edge.event.main_sector) });
    svgElement(line, "title", {}, edgeTitle(edge.event));
  }
  const points = svgElement(svg, "g", {});
  const radius = region => 3 + 1.5 * Math.sqrt(region.events);
  for (const region of placed) {
    const [x, y] = place(region);
    const group = svgElement(points, "g", { "data-region": region.region_id });
    const circle = svgElement(group, "circle", { class: "node", cx: x, cy: y, r: radius(region),
      fill: region.country === "ID" ? "#334e68" : "#9f580a" });
    svgElement(circle, "title", {}, `${region.name}${region.province ? ", " + region.province : ""}\nplaced at ${region.coordinates_source}`);
    group.addEventListener("click", () => selectRegion(region.region_id));
  }
  const taken = placed.map(r => pointBox(...place(r).slice(0, 2), radius(r)));
  const labels = svgElement(svg, "g", { class: "labels" });
  for (const region of placed.slice().sort((a, b) => b.events - a.events || a.region_id.localeCompare(b.region_id))) {
    const [x, y, atEdge] = place(region);
    placeLabel(labels, x, y, radius(region), atEdge ? `${shortName(region.name)}, ${region.country} ↗` : shortName(region.name),
               taken, width, height);
  }
}

function drawBars(svg, bars, { horizontal }) {
  const width = 440, height = 240, left = horizontal ? 200 : 28, bottom = horizontal ? 8 : 22, top = 8, right = 24;
  const most = Math.max(1, ...bars.map(b => b.value));
  if (horizontal) {
    const band = (height - top - bottom) / Math.max(bars.length, 1);
    bars.forEach((bar, i) => {
      const y = top + i * band, length = (width - left - right) * bar.value / most;
      const rect = svgElement(svg, "rect", { x: left, y: y + 2, width: length, height: band - 4, fill: bar.colour });
      svgElement(rect, "title", {}, `${bar.label}: ${bar.value}`);
      svgElement(svg, "text", { x: left - 6, y: y + band / 2 + 4, "text-anchor": "end" }, shorten(bar.label, 34));
      svgElement(svg, "text", { x: left + length + 4, y: y + band / 2 + 4 }, bar.value);
    });
    return;
  }
  const band = (width - left - right) / Math.max(bars.length, 1);
  svgElement(svg, "line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: "axis" });
  svgElement(svg, "text", { x: left - 6, y: top + 8, "text-anchor": "end" }, most);
  bars.forEach((bar, i) => {
    const x = left + i * band, length = (height - top - bottom) * bar.value / most;
    if (bar.value) {
      const rect = svgElement(svg, "rect", { x: x + band * 0.1, y: height - bottom - length, width: Math.max(band * 0.8, 1), height: length, fill: bar.colour });
      svgElement(rect, "title", {}, `${bar.label}: ${bar.value}`);
    }
    if (bar.tick) svgElement(svg, "text", { x: x + band / 2, y: height - 6, "text-anchor": "middle" }, bar.tick);
  });
}

function drawTimeline() {
  const months = DATA.events.filter(e => e.day).map(e => e.day.slice(0, 7)).sort();
  const undated = DATA.events.length - months.length;
  document.getElementById("undated").textContent =
    `${undated} event(s) without a year are left out. An event is placed at its day, else at its earliest publication.`;
  if (!months.length) return;
  const counts = new Map();
  for (const month of months) counts.set(month, (counts.get(month) || 0) + 1);
  const bars = [];
  let [year, month] = months[0].split("-").map(Number);
  const [lastYear, lastMonth] = months[months.length - 1].split("-").map(Number);
  const years = lastYear - year + 1;
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const tick = month === 1 || bars.length === 0 ? (years > 8 ? `'${String(year).slice(2)}` : String(year)) : "";
    bars.push({ label: key, value: counts.get(key) || 0, colour: "#334e68", tick });
    if (++month > 12) { month = 1; year++; }
  }
  drawBars(document.getElementById("timeline"), bars, { horizontal: false });
}

function drawSectors() {
  const bars = DATA.sectors.slice(0, 10).map(s => ({ label: s.label, value: s.events, colour: s.colour }));
  drawBars(document.getElementById("sectors"), bars, { horizontal: true });
}

function sourceCell(cell, source) {
  const text = source.title || source.doc_id;
  const item = htmlElement(cell, "li");
  if (source.url) htmlElement(item, "a", { href: source.url, target: "_blank", rel: "noopener" }, text);
  else item.textContent = text;
  if (source.published) htmlElement(item, "span", { class: "role" }, ` ${source.published}`);
}

function drawTable() {
  const body = document.querySelector("#events tbody");
  const rows = DATA.events.slice().sort((a, b) => (b.day || b.date || "").localeCompare(a.day || a.date || ""));
  for (const event of rows) {
    const row = htmlElement(body, "tr", { "data-regions": event.parties.map(p => p.region_id).join(" ") });
    htmlElement(row, "td", { class: "day" }, event.day || event.date || "—");
    htmlElement(row, "td", {}, event.type);
    const parties = htmlElement(htmlElement(row, "td"), "ul");
    for (const party of event.parties) {
      const item = htmlElement(parties, "li", {}, party.name);
      htmlElement(item, "span", { class: "role" }, ` ${party.role}`);
    }
    const officials = htmlElement(htmlElement(row, "td"), "ul");
    for (const official of event.officials) {
      const item = htmlElement(officials, "li", { title: official.person_id }, official.name);
      htmlElement(item, "span", { class: "role" }, ` ${official.position}`);
    }
    const sectors = htmlElement(row, "td");
    for (const code of event.sectors) {
      htmlElement(sectors, "span", { class: "chip", style: `background:${sectorColour(code)}` }, SECTORS.get(code).label);
    }
    const sources = htmlElement(htmlElement(row, "td"), "ul");
    for (const source of event.sources) sourceCell(sources, source);
    row.dataset.text = row.textContent.toLowerCase();
  }
}

function applyFilter(text, regionId) {
  for (const row of document.querySelectorAll("#events tbody tr")) {
    const matches = regionId ? row.dataset.regions.split(" ").includes(regionId) : row.dataset.text.includes(text.toLowerCase());
    row.hidden = !matches;
  }
}

function selectRegion(regionId) {
  const already = document.querySelector(`#network [data-region="${CSS.escape(regionId)}"] .node.selected`);
  for (const node of document.querySelectorAll(".node.selected")) node.classList.remove("selected");
  const input = document.getElementById("filter");
  if (already) { input.value = ""; applyFilter("", null); return; }
  for (const node of document.querySelectorAll(`[data-region="${CSS.escape(regionId)}"] .node`)) node.classList.add("selected");
  input.value = REGIONS.get(regionId).name;
  applyFilter("", regionId);
  document.getElementById("events").scrollIntoView({ behavior: "smooth" });
}

function drawTotals() {
  const sources = new Set(DATA.events.flatMap(e => e.sources.map(s => s.doc_id)));
  document.getElementById("totals").textContent =
    `${DATA.events.length} events · ${DATA.regions.length} regions · ${sources.size} source articles · ${DATA.sectors.length} sectors`;
}

drawTotals();
drawNetwork();
drawMap();
drawTimeline();
drawSectors();
drawTable();
document.getElementById("filter").addEventListener("input", event => {
  for (const node of document.querySelectorAll(".node.selected")) node.classList.remove("selected");
  applyFilter(event.target.value, null);
});
