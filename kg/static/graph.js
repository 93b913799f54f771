/* graph.html: the actor network at its stored positions, a time range, search, filters and an
   evidence panel. Data: the JSON in #kg-data (kg/page_data.py); no request leaves the page. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const N = D.nodes, E = D.edges, M = D.meetings;
  const $ = (id) => document.getElementById(id);
  let lang = "ar";
  const t = (key, vars) => (D.ui[lang][key] || key).replace(/\{(\w+)\}/g, (_, k) => (vars || {})[k]);
  const vocab = (name) => (D.vocabulary[name] || {})[lang] || name;
  const label = (n) => (lang === "en" && N[n].en) || N[n].ar;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  /* ---- folding for search: kg.text's table, plus latin case and accents ---- */
  const strip = new RegExp(D.fold.strip, "g");
  function fold(s) {
    let out = "";
    for (const ch of String(s).normalize("NFC").replace(strip, "")) {
      const r = D.fold.map[ch];
      out += r === undefined ? ch : r;
    }
    return out.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").replace(/\s+/g, " ").trim();
  }
  const keys = N.map((n) => [n.ar, n.en, ...n.alt].filter(Boolean).map(fold));

  /* ---- meetings and treaties by year: each counts in the year its date starts ---- */
  const yearOf = (date) => (date ? parseInt(date.slice(0, 4), 10) : null);
  const year = M.map((m) => yearOf(m[1]));
  const treatyYear = D.treaties.map((x) => yearOf(x[1]));
  const dated = year.concat(treatyYear).filter((y) => y !== null);
  const minYear = dated.length ? Math.min(...dated) : 0, maxYear = dated.length ? Math.max(...dated) : 0;
  const meetingsOf = N.map(() => []);
  M.forEach((m, i) => m[3].forEach((p) => meetingsOf[p].push(i)));
  const state = { from: minYear, to: maxYear, undated: true, fade: false, isolated: true, min: 0,
                  classes: Object.fromEntries(Object.keys(D.style).map((c) => [c, true])), focus: null };
  const yearIn = (y) => (y === null ? state.undated : y >= state.from && y <= state.to);
  const inRange = (i) => yearIn(year[i]);
  const treatyIn = (j) => yearIn(treatyYear[j]);

  /* ---- the network, drawn once at the stored positions ---- */
  const fontSize = (n) => Math.round(Math.min(26, 14 + 2 * Math.sqrt(N[n].deg)));
  const nodes = new vis.DataSet(N.map((n, i) => ({
    id: i, x: n.x, y: n.y, label: n.ar, shape: D.style[n.c][1], color: D.style[n.c][0],
    size: 10 + 3 * Math.sqrt(n.deg), font: { size: fontSize(i), face: "Tahoma, Arial", strokeWidth: 4, strokeColor: "#fff" },
  })));
  const edges = new vis.DataSet(E.map((e, i) => ({ id: i, from: e[0], to: e[1] })));
  const network = new vis.Network($("network"), { nodes, edges }, {
    physics: false, layout: { randomSeed: 1, improvedLayout: false },
    edges: { smooth: false, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, multiselect: false },
  });
  network.on("beforeDrawing", (ctx) => { // a white ground, so the exported PNG is not transparent
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
  });

  /* ---- what the filters and the time range leave visible ---- */
  let view = { nodes: [], edges: [], meetings: 0 };
  function compute() {
    const active = M.map((_, i) => inRange(i));
    const count = N.map((_, n) => meetingsOf[n].reduce((s, i) => s + (active[i] ? 1 : 0), 0));
    const ok = N.map((n, i) => state.classes[n.c] && count[i] >= state.min);
    const edge = E.map((e) => {
      const met = e[3].reduce((s, i) => s + (active[i] ? 1 : 0), 0);
      const other = e[2].filter((k) => k !== "met" && (k !== "treaty" || e[4].some(treatyIn)));
      const kind = met ? "met" : other[0] || null;
      return { met, kind, shown: !!kind && ok[e[0]] && ok[e[1]] };
    });
    const linked = N.map(() => false);
    edge.forEach((x, i) => { if (x.shown) { linked[E[i][0]] = true; linked[E[i][1]] = true; } });
    const shown = ok.map((o, i) => o && (!state.isolated || linked[i]));
    return { active, edge, shown };
  }
  function apply() {
    const c = compute();
    const near = state.focus === null ? null : new Set([state.focus, ...network.getConnectedNodes(state.focus)]);
    nodes.update(N.map((n, i) => {
      const dim = !c.shown[i] || (near && !near.has(i));
      return { id: i, label: label(i), hidden: !c.shown[i] && !state.fade, opacity: dim ? 0.2 : 1,
               title: label(i) + " · " + vocab(n.c) };
    }));
    edges.update(E.map((e, i) => {
      const x = c.edge[i];
      const shown = x.shown && c.shown[e[0]] && c.shown[e[1]];
      const kind = x.kind || (e[2].includes("met") ? "met" : e[2][0]);
      const [colour, dashed] = D.edgeStyle[kind];
      const dim = !shown || (near && !(near.has(e[0]) && near.has(e[1])));
      return { id: i, hidden: !shown && !state.fade, dashes: dashed, width: kind === "met" ? 1 + 1.5 * Math.sqrt(x.met || 1) : 1,
               color: { color: colour, highlight: colour, hover: colour, opacity: dim ? 0.12 : 0.9 },
               title: kind === "met" ? t("meetings") + ": " + x.met : t(kind) };
    }));
    view = { nodes: c.shown.map((s, i) => (s ? i : -1)).filter((i) => i >= 0),
             edges: c.edge.map((x, i) => (x.shown && c.shown[E[i][0]] && c.shown[E[i][1]] ? i : -1)).filter((i) => i >= 0),
             meetings: c.active.filter(Boolean).length };
    const metShown = view.edges.filter((i) => c.edge[i].kind === "met").length;
    $("status").textContent = t("status", { edges: metShown, meetings: view.meetings });
    view.met = metShown;
    drawMarkers(c.active);
  }

  /* ---- the side panel ---- */
  const PANEL_MEETINGS = 150;  // listed at once, by date (a browser lays out more slowly than the script runs)
  let panel = null; // what it shows: ["node", n] or ["edge", e]
  function nodeLink(n) { return `<a class="node" data-node="${n}">${esc(label(n))}</a>`; }
  function sources(m) {  // each: the headline when known, and the file name (a link when there is a URL)
    const items = m[6].map((d) => {
      const [file, url, title] = D.docs[d];
      const name = url ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${esc(file)}</a>` : `<span class="file">${esc(file)}</span>`;
      return `<li class="source" data-file="${esc(file)}">` + (title ? `<q lang="ar">${esc(title)}</q> ` : "") + name + "</li>";
    });
    const more = m[7] - m[6].length;
    return items.join("") + (more > 0 ? `<li class="muted">${esc(t("more", { n: more }))}</li>` : "");
  }
  function meetingItems(list, self) {
    const when = (i) => M[i][1] || "9999";  // ISO dates sort as text; undated last
    const order = list.slice().sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a - b));
    const items = order.slice(0, PANEL_MEETINGS).map((i) => {
      const m = M[i];
      const date = m[1] ? m[1] + (m[2] ? " – " + m[2] : "") : t("undatedDate");
      const partners = m[3].filter((p) => !self.includes(p)).map(nodeLink).join("، ");
      const place = m[4] >= 0 ? ((lang === "en" && D.places[m[4]].en) || D.places[m[4]].ar) : "";
      return `<li class="meeting${inRange(i) ? "" : " out"}" data-meeting="${i}"><span class="when">${esc(date)}</span>` +
        `<span class="kind">${esc(vocab(m[0]))}</span>` +
        (partners ? ` ${esc(t("partners"))} ${partners}` : "") + (place ? ` · ${esc(t("place"))}: ${esc(place)}` : "") +
        m[5].map((v) => `<blockquote class="evidence" lang="ar">${esc(D.evidence[v])}</blockquote>`).join("") +
        `<div class="sources">${esc(t("sources"))}:<ul>${sources(m)}</ul></div></li>`;
    });
    const more = order.length - items.length;
    return `<ol class="meetings">${items.join("")}</ol>` + (more > 0 ? `<p class="muted">${esc(t("moreMeetings", { n: more }))}</p>` : "");
  }
  function showNode(n) {
    const x = N[n];
    const rows = [];
    if (x.roles.length) rows.push([t("roles"), x.roles.map(esc).join("، ")]);
    if (x.aff !== undefined) rows.push([t("affiliation"), nodeLink(x.aff)]);
    if (x.wd) rows.push([t("wikidata"), `<a href="https://www.wikidata.org/wiki/${esc(x.wd)}" target="_blank" rel="noopener noreferrer">${esc(x.wd)}</a>`]);
    rows.push([t("mentions"), x.n]);
    const list = meetingsOf[n];
    $("panel").innerHTML = `<h2 lang="ar">${esc(x.ar)}</h2>` + (x.en ? `<div class="en" lang="en">${esc(x.en)}</div>` : "") +
      `<div class="muted">${esc(vocab(x.c))}</div><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join("")}</dl>` +
      `<h3>${esc(t("meetings"))} (${list.filter(inRange).length}/${list.length})</h3>` + meetingItems(list, [n]);
    panel = ["node", n];
  }
  function showEdge(i) {
    const [a, b, kinds, list, treaties] = E[i];
    const others = kinds.filter((k) => k !== "met" && k !== "treaty").map((k) => esc(t(k)));
    $("panel").innerHTML = `<h2>${esc(t("between"))}</h2><div>${nodeLink(a)} · ${nodeLink(b)}</div>` +
      (list.length ? `<h3>${esc(t("meetings"))} (${list.filter(inRange).length}/${list.length})</h3>` + meetingItems(list, [a, b]) : "") +
      (treaties.length ? `<h3>${esc(t("treaties"))}</h3><ul>${treaties.map((j) => `<li class="treaty${treatyIn(j) ? "" : " out"}">` +
        esc(D.treaties[j][0]) + (D.treaties[j][1] ? ` <span class="when">${esc(D.treaties[j][1])}</span>` : "") + "</li>").join("")}</ul>` : "") +
      (others.length ? `<h3>${esc(t("ties"))}</h3><p>${others.join("، ")}</p>` : "");
    panel = ["edge", i];
  }
  function refreshPanel() { if (panel) ({ node: showNode, edge: showEdge, place: showPlace })[panel[0]](panel[1]); }
  $("panel").addEventListener("click", (ev) => {
    const a = ev.target.closest("a.node");
    if (a) { ev.preventDefault(); select(parseInt(a.dataset.node, 10)); }
  });

  /* ---- the map: meeting places and bases by their coordinates, on offline outlines ---- */
  const G = D.map;
  const placeName = (p) => (lang === "en" && D.places[p].en) || D.places[p].ar;
  let project = null, unit = 1;
  function drawMap() {
    const svg = $("map-svg");
    if (!G) { $("map-note").textContent = t("noCoordinates"); return; }
    const [w, s, e, n] = G.box, k = Math.cos(((s + n) / 2) * Math.PI / 180);
    project = (lon, lat) => [(lon - w) * k, n - lat];
    unit = Math.max((e - w) * k, n - s) / 120;
    svg.setAttribute("viewBox", `0 0 ${(e - w) * k} ${n - s}`);
    const path = (flat) => {
      let d = "";
      for (let i = 0; i < flat.length; i += 2) {
        const [x, y] = project(flat[i], flat[i + 1]);
        d += (i ? "L" : "M") + x.toFixed(2) + " " + y.toFixed(2);
      }
      return d;
    };
    const [width, height] = [(e - w) * k, n - s];  // outlines are cut at the box, the rest is sea
    svg.innerHTML = `<clipPath id="box"><rect width="${width}" height="${height}"/></clipPath><g clip-path="url(#box)">` +
      G.land.map((f) => `<path class="land" d="${path(f)}Z"/>`).join("") +
      G.lakes.map((f) => `<path class="lake" d="${path(f)}Z"/>`).join("") +
      G.borders.map((f) => `<path class="border" d="${path(f)}"/>`).join("") +
      `</g><rect class="frame" width="${width}" height="${height}"/><g id="markers"></g>`;
  }
  function drawMarkers(active) {
    if (!G) return;
    const at = new Map();
    M.forEach((m, i) => {
      if (active[i] && m[4] >= 0 && D.places[m[4]].lat != null) {
        if (!at.has(m[4])) at.set(m[4], []);
        at.get(m[4]).push(i);
      }
    });
    let html = "";
    N.forEach((n, i) => {
      if (n.c !== "MilitaryBase" || n.lat === undefined || !state.classes.MilitaryBase) return;
      const [x, y] = project(n.long, n.lat), r = 1.8 * unit;
      html += `<polygon class="base" data-node="${i}" points="${x},${y - r} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}">` +
        `<title>${esc(label(i))}</title></polygon>`;
    });
    for (const [p, list] of at) {  // over the bases: a base that is a meeting place keeps both
      const [x, y] = project(D.places[p].long, D.places[p].lat), r = unit * (1 + 0.7 * Math.sqrt(list.length));
      html += `<circle class="place" data-place="${p}" cx="${x}" cy="${y}" r="${r}"><title>${esc(placeName(p))}: ${list.length}</title></circle>` +
        `<text x="${x + r + unit * 0.4}" y="${y + unit * 0.6}" style="font-size:${2.2 * unit}px">${esc(placeName(p))}</text>`;
    }
    $("markers").innerHTML = html;
  }
  function showPlace(p) {
    const list = M.map((m, i) => (m[4] === p ? i : -1)).filter((i) => i >= 0);
    $("panel").innerHTML = `<h2>${esc(placeName(p))}</h2><h3>${esc(t("meetings"))} (${list.filter(inRange).length}/${list.length})</h3>` +
      meetingItems(list, []);
    panel = ["place", p];
  }
  $("map-svg").addEventListener("click", (ev) => {
    const place = ev.target.closest("[data-place]"), base = ev.target.closest("[data-node]");
    if (place) showPlace(parseInt(place.dataset.place, 10));
    else if (base) select(parseInt(base.dataset.node, 10));
  });
  function showView(map) {
    $("map").hidden = !map; $("network").hidden = map; $("legend").hidden = map;
    $("show-map").classList.toggle("on", map); $("show-network").classList.toggle("on", !map);
    if (!map) network.redraw();
  }
  $("show-map").addEventListener("click", () => showView(true));
  $("show-network").addEventListener("click", () => showView(false));

  /* ---- selection, search ---- */
  function select(n) {
    state.focus = n;
    if (nodes.get(n).hidden) { state.classes[N[n].c] = true; syncControls(); }
    apply();
    network.selectNodes([n]);
    network.focus(n, { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(n);
  }
  network.on("click", (p) => {
    if (p.nodes.length) { state.focus = p.nodes[0]; apply(); showNode(p.nodes[0]); }
    else if (p.edges.length) { state.focus = null; apply(); showEdge(p.edges[0]); }
    else if (state.focus !== null) { state.focus = null; apply(); }
  });
  function matches(q) {
    q = fold(q);
    if (!q) return [];
    const scored = [];
    keys.forEach((ks, n) => {
      let best = 9;
      for (const k of ks) {
        if (k === q) best = Math.min(best, 0);
        else if (k.startsWith(q)) best = Math.min(best, 1);
        else if (k.split(" ").some((w) => w.startsWith(q))) best = Math.min(best, 2);
        else if (k.includes(q)) best = Math.min(best, 3);
      }
      if (best < 9) scored.push([best, -N[n].deg, n]);
    });
    return scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map((s) => s[2]);
  }
  function showMatches() {
    const found = matches($("search").value).slice(0, 10);
    const ul = $("matches");
    ul.innerHTML = found.length ? found.map((n, k) => `<li data-node="${n}" class="${k ? "" : "active"}">${esc(N[n].ar)}` +
      (N[n].en ? `<span class="en">${esc(N[n].en)}</span>` : "") + "</li>").join("") : `<li>${esc(t("noMatch"))}</li>`;
    ul.hidden = !$("search").value.trim();
    return found;
  }
  $("search").addEventListener("input", showMatches);
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const found = showMatches();
    if (found.length) { select(found[0]); $("matches").hidden = true; }
  });
  $("matches").addEventListener("click", (ev) => {
    const li = ev.target.closest("li[data-node]");
    if (li) { select(parseInt(li.dataset.node, 10)); $("matches").hidden = true; }
  });

  /* ---- controls: time, filters, language, PNG ---- */
  function syncControls() {
    $("from").value = state.from; $("to").value = state.to;
    $("from-out").textContent = state.from; $("to-out").textContent = state.to;
    document.querySelectorAll("#classes input").forEach((el) => { el.checked = state.classes[el.value]; });
  }
  for (const id of ["from", "to"]) {
    const el = $(id);
    el.min = minYear; el.max = maxYear; el.step = 1;
    el.addEventListener("input", () => {
      state[id] = parseInt(el.value, 10);
      if (state.from > state.to) { if (id === "from") state.to = state.from; else state.from = state.to; }
      syncControls(); apply(); refreshPanel();
    });
  }
  const span = Math.max(1, maxYear - minYear), every = Math.ceil((span + 1) / 12);
  for (let y = minYear; y <= maxYear; y++) {
    $("years").insertAdjacentHTML("beforeend", `<option value="${y}"></option>`);
    const tick = (y - minYear) % every === 0, last = y === maxYear && (y - minYear) % every >= every / 2;
    if (tick || last) {
      $("ticks").insertAdjacentHTML("beforeend", `<span style="left:calc(8px + (100% - 16px) * ${(y - minYear) / span})">${y}</span>`);
    }
  }
  if (!dated.length) $("time").hidden = true;
  let playing = null;
  $("play").addEventListener("click", () => {
    if (playing) { clearInterval(playing); playing = null; $("play").innerHTML = "&#9654;"; return; }
    state.to = state.from; syncControls(); apply();
    $("play").innerHTML = "&#10074;&#10074;";
    playing = setInterval(() => {
      if (state.to >= maxYear) { clearInterval(playing); playing = null; $("play").innerHTML = "&#9654;"; return; }
      state.to += 1; syncControls(); apply(); refreshPanel();
    }, 700);
  });
  $("undated").addEventListener("change", (ev) => { state.undated = ev.target.checked; apply(); refreshPanel(); });
  $("fade").addEventListener("change", (ev) => { state.fade = ev.target.checked; apply(); });
  $("isolated").addEventListener("change", (ev) => { state.isolated = ev.target.checked; apply(); });
  $("min").addEventListener("input", (ev) => { state.min = Math.max(0, parseInt(ev.target.value, 10) || 0); apply(); });
  $("classes").addEventListener("change", (ev) => { state.classes[ev.target.value] = ev.target.checked; apply(); });

  const shapes = {
    dot: '<circle cx="8" cy="8" r="6"/>', diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
    square: '<rect x="2" y="2" width="12" height="12"/>', triangle: '<polygon points="8,1 15,14 1,14"/>',
  };
  function renderTexts() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    document.title = D.title[lang];
    $("title").textContent = D.title[lang];
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    $("search").placeholder = t("search");
    $("lang").textContent = t("language");
    $("png").textContent = t("png");
    $("play").title = t("play");
    $("classes").innerHTML = Object.keys(D.style).map((c) =>
      `<label><input type="checkbox" value="${c}"${state.classes[c] ? " checked" : ""}> ${esc(vocab(c))}</label>`).join(" ");
    $("legend").innerHTML = Object.entries(D.style).map(([c, [colour, shape]]) =>
      `<div><svg width="16" height="16" fill="${colour}">${shapes[shape]}</svg>${esc(vocab(c))}</div>`).join("") +
      Object.entries(D.edgeStyle).map(([k, [colour, dashed]]) =>
        `<div><svg width="30" height="10"><line x1="1" y1="5" x2="29" y2="5" stroke="${colour}" stroke-width="${k === "met" ? 3 : 2}"` +
        `${dashed ? ' stroke-dasharray="5,3"' : ""}/></svg>${esc(t(k))}</div>`).join("");
  }
  $("lang").addEventListener("click", () => { lang = lang === "ar" ? "en" : "ar"; renderTexts(); drawMap(); apply(); refreshPanel(); });
  function png() { network.redraw(); return $("network").querySelector("canvas").toDataURL("image/png"); }
  $("png").addEventListener("click", () => {
    const a = document.createElement("a");
    a.href = png(); a.download = (D.name || "graph") + ".png"; a.click();
  });

  drawMap(); renderTexts(); syncControls(); apply();
  network.fit({ nodes: view.nodes, animation: false });
  const scale = network.getScale();  // at the opening zoom no label is under 13 px on screen
  if (scale < 1) nodes.update(N.map((_, i) => ({ id: i, font: { size: Math.max(fontSize(i), 13 / scale) } })));
  window.kgView = { showView, meetingsOf: (n) => meetingsOf[n].length, ids: N.map((n) => n.id), iris: N.map((n) => n.iri), network, nodes, edges, state, view: () => view, select, png, matches: (q) => matches(q).map((n) => N[n].id),
                    positions: () => Object.fromEntries(N.map((n, i) => [n.id, network.getPositions([i])[i]])) };
})();
