// metagraph pathway page: fitting the view, the collapsible legend, the search box, the
// kind filter and the "fit" button. Data text is only ever set as text (value,
// textContent), never parsed as HTML.
(function () {
  "use strict";
  var mg = window.metagraph;
  if (!mg) { return; }
  var network = mg.network, nodes = mg.nodes, edges = mg.edges;
  var container = document.getElementById("mynetwork");
  // Bend points of edges routed around nodes are invisible nodes (``via``): not found,
  // not filtered, hidden with the edge they carry.
  var all = nodes.get({fields: ["id", "label", "kind", "names", "region", "header", "folded", "at"],
                       filter: function (n) { return !n.via && !n.summary; }});
  var vias = nodes.get({fields: ["id", "ends", "stage"], filter: function (n) { return n.via; }});
  // A larger page opens on an overview (``mode`` "first"): each region's best-connected
  // nodes, the others folded into a "+N more" box (``summaries``), their edges bundled.
  // "Show all" (or a click on a box) draws every node where the full layout puts it.
  var mode = mg.overview ? "first" : "full";
  var summaries = nodes.get({fields: ["id", "region", "at"], filter: function (n) { return n.summary; }});
  var staged = edges.get({fields: ["id", "stage", "modes", "inside"],
                          filter: function (e) { return e.stage || e.modes; }});
  var kindHidden = Object.create(null);
  var collapsed = Object.create(null);
  function syncVias() {
    if (!vias.length) { return; }
    nodes.update(vias.map(function (v) {
      var off = Boolean(v.stage && v.stage !== mode);
      return {id: v.id, hidden: off || Boolean(nodes.get(v.ends[0]).hidden || nodes.get(v.ends[1]).hidden)};
    }));
  }
  // Which nodes are drawn: not of an unticked kind, not in a collapsed region (but its
  // title), not folded away in the overview; a "+N more" box only in the overview.
  function refresh() {
    var update = all.map(function (n) {
      var off = Boolean(kindHidden[n.kind] || (collapsed[n.region] && !n.header) || (mode === "first" && n.folded));
      return {id: n.id, hidden: off};
    });
    summaries.forEach(function (n) {
      update.push({id: n.id, hidden: mode !== "first" || Boolean(collapsed[n.region])});
    });
    nodes.update(update);
    syncVias();
  }

  // The body's compartments (muscle fibre, circulation, each organ, whole body) are drawn
  // as rounded boxes behind the nodes; an organ's own node is its box's title tab. A
  // region can be collapsed: its nodes are hidden, its box says how many.
  var regions = mg.regions || [];
  function regionBox(r) { return r.at ? r.at[mode] : r.box; }
  var FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";
  function roundedBox(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }
  network.on("beforeDrawing", function (ctx) {
    regions.forEach(function (r) {
      var b = regionBox(r);
      if (!b) { return; }
      ctx.save();
      ctx.globalAlpha = collapsed[r.key] ? 0.45 : 1;
      ctx.fillStyle = r.fill;
      ctx.strokeStyle = r.border;
      ctx.lineWidth = 2;
      roundedBox(ctx, b[0], b[1], b[2] - b[0], b[3] - b[1], 14);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#343a40";
      ctx.textBaseline = "middle";
      ctx.font = "600 18px " + FONT;
      if (r.titled) { ctx.fillText(r.label, b[0] + 16, b[1] + 22); }  // text, never markup
      if (collapsed[r.key]) {
        ctx.font = "16px " + FONT;
        ctx.fillText("collapsed: " + r.count + " hidden", b[0] + 16, b[1] + 58);
      }
      ctx.restore();
    });
  });

  // The legend floats over the network in narrow frames (pathway.css decides when):
  // there it starts closed, and it opens again when the frame becomes wide.
  var legend = document.getElementById("mg-legend");
  var floating = null;
  function placeLegend() {
    var now = window.getComputedStyle(legend).position === "absolute";
    if (now !== floating) {
      floating = now;
      legend.open = !now;
    }
  }
  placeLegend();
  window.addEventListener("resize", placeLegend);

  // vis-network's own fit leaves 5% around the node centres, so a long label at the
  // edge of the figure is cut off. Once a frame has been drawn every node's bounding
  // box includes its label, and we fit those boxes (and the edge labels) instead.
  var PADDING = 16;  // CSS pixels between the figure and the edge of the canvas
  var userMoved = false;

  function grow(box, left, top, right, bottom) {
    if (!(isFinite(left) && isFinite(top) && isFinite(right) && isFinite(bottom))) { return box; }
    if (!box) { return {left: left, top: top, right: right, bottom: bottom}; }
    box.left = Math.min(box.left, left);
    box.top = Math.min(box.top, top);
    box.right = Math.max(box.right, right);
    box.bottom = Math.max(box.bottom, bottom);
    return box;
  }

  function figureBox(ids, nodesOnly) {
    var box = null, shown = Object.create(null);
    if (!nodesOnly) {
      regions.forEach(function (r) {
        var b = regionBox(r);
        if (b) { box = grow(box, b[0], b[1], b[2], b[3]); }
      });
    }
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      if (b) { box = grow(box, b.left, b.top, b.right, b.bottom); shown[id] = true; }
    });
    // Edge labels and curves: vis-network keeps their drawn extent on its internal edge
    // objects; when a future version does not, the node boxes alone still fit.
    var drawn = network.body && network.body.edges;
    if (drawn) {
      edges.getIds().forEach(function (id) {
        var e = drawn[id];
        if (!e || !shown[e.fromId] || !shown[e.toId]) { return; }
        var size = e.labelModule && e.labelModule.size;
        if (e.options && e.options.label && size && size.width > 0) {
          box = grow(box, size.left, size.top, size.left + size.width, size.top + size.height);
        }
        if (e.edgeType && typeof e.edgeType.getPoint === "function") {
          for (var t = 0.25; t < 1; t += 0.25) {
            var pt = e.edgeType.getPoint(t);
            if (pt) { box = grow(box, pt.x, pt.y, pt.x, pt.y); }
          }
        }
      });
    }
    return box;
  }

  function visibleIds() {
    return nodes.getIds({filter: function (n) { return !n.hidden; }});
  }

  function fitView(ids) {
    var box = figureBox(ids || visibleIds(), Boolean(ids));
    if (!box) { return false; }
    // Keep the figure clear of the floating (closed) legend button too.
    var top = PADDING;
    if (floating && !legend.open) {
      top = Math.max(top, legend.getBoundingClientRect().bottom - container.getBoundingClientRect().top + 4);
    }
    var width = Math.max(container.clientWidth - 2 * PADDING, 1);
    var height = Math.max(container.clientHeight - top - PADDING, 1);
    var scale = Math.min(width / Math.max(box.right - box.left, 1), height / Math.max(box.bottom - box.top, 1), 1);
    network.moveTo({position: {x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2},
                    offset: {x: 0, y: (top - PADDING) / 2}, scale: scale, animation: false});
    return true;
  }
  mg.fit = fitView;

  var more = document.getElementById("mg-more");
  var moreText = more ? more.textContent : "";
  function setMode(next) {
    if (!mg.overview || next === mode) { return; }
    mode = next;
    var moved = [];
    all.concat(summaries).forEach(function (n) {
      var p = n.at && n.at[mode];
      if (p) { moved.push({id: n.id, x: p[0], y: p[1]}); }
    });
    nodes.update(moved);
    edges.update(staged.map(function (e) {
      var change = {id: e.id};
      if (e.modes) { Object.assign(change, e.modes[mode]); }
      if (e.stage) { change.hidden = e.stage !== mode || Boolean(e.inside); }
      return change;
    }));
    refresh();
    if (more) {
      more.textContent = mode === "first" ? moreText : "Back to overview";
      more.setAttribute("aria-pressed", mode === "first" ? "false" : "true");
    }
    userMoved = false;
    fitView();
    network.once("afterDrawing", function () { fitView(); });
  }
  mg.setMode = setMode;
  if (more) {
    more.addEventListener("click", function () { setMode(mode === "first" ? "full" : "first"); });
  }
  network.on("click", function (params) {
    var id = params.nodes.length === 1 ? params.nodes[0] : null;
    if (id !== null && summaries.some(function (n) { return n.id === id; })) { setMode("full"); }
  });

  // The first fit runs on boxes without labels; the frame it causes measures the labels,
  // the second fit uses them, and the frame after that is the figure (``ready``).
  network.once("afterDrawing", function () {
    fitView();
    network.once("afterDrawing", function () { mg.ready = true; });
  });
  if (!fitView()) { mg.ready = true; }  // an empty figure: nothing to wait for
  // A frame that changes size (a notebook cell, a window, the legend folding) is
  // fitted again until the reader zooms or pans by hand.
  network.on("resize", function () { if (!userMoved) { fitView(); } });
  network.on("zoom", function () { userMoved = true; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { userMoved = true; } });

  // Find forgives what people type: case, spaces, hyphens and other punctuation, accents,
  // Greek letters written out (α = alpha) and, when nothing contains the query, a typo or
  // two (edit distance). Everything runs here in the page: no library, no request.
  var GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
               "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda",
               "μ": "mu", "µ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho",
               "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
               "ψ": "psi", "ω": "omega"};
  function norm(s) {
    var t = String(s).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    t = t.replace(/[\u03b1-\u03c9\u00b5]/g, function (c) { return GREEK[c] || c; });
    var kept = t.replace(/[^\p{L}\p{N}]+/gu, "");
    return kept || t.replace(/\s+/g, "");  // a name of punctuation only is matched as written
  }

  // Optimal string alignment distance (a swap of two neighbours counts once), giving up
  // early once every path is longer than ``most``.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) { return most + 1; }
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j += 1) { prev.push(j); }
    for (i = 1; i <= a.length; i += 1) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j += 1) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        cur.push(d);
        if (d < low) { low = d; }
      }
      if (low > most) { return most + 1; }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }
  // How many typos a query of this length may hold: short names are too alike for more.
  function tolerance(q) { return q.length < 4 ? 0 : (q.length < 7 ? 1 : (q.length < 12 ? 2 : 3)); }

  var keys = Object.create(null);  // node id -> its normalised names
  all.forEach(function (n) { keys[n.id] = (n.names || [n.label]).map(norm); });

  var list = document.getElementById("mg-names");
  var seen = Object.create(null);
  var count = 0;
  all.forEach(function (n) {
    (n.names || [n.label]).forEach(function (name) {
      if (count >= 5000 || seen[name]) { return; }
      seen[name] = true;
      count += 1;
      var opt = document.createElement("option");
      opt.value = name;
      list.appendChild(opt);
    });
  });

  // The shown nodes that fit ``query``: every exact name match, else every name that
  // contains it, else the closest names within the typo tolerance. ``how`` says which.
  function find(query) {
    var q = norm(query);
    if (!q) { return {ids: [], how: "none"}; }
    // Folded nodes and collapsed regions are searched too (a match there is drawn); an unticked kind is not.
    var shown = all.filter(function (n) { return !kindHidden[n.kind]; });
    var exact = [], partial = [];
    shown.forEach(function (n) {
      var names = keys[n.id], hit = 0;
      for (var i = 0; i < names.length; i += 1) {
        if (names[i] === q) { hit = 2; break; }
        if (names[i].indexOf(q) >= 0) { hit = 1; }
      }
      if (hit === 2) { exact.push(n.id); } else if (hit === 1) { partial.push(n.id); }
    });
    if (exact.length) { return {ids: exact, how: "exact"}; }
    if (partial.length) { return {ids: partial, how: "partial"}; }
    var best = tolerance(q), close = [];
    shown.forEach(function (n) {
      var d = best + 1;
      keys[n.id].forEach(function (v) { d = Math.min(d, distance(q, v, best)); });
      if (d < best) { best = d; close = [n.id]; } else if (d === best) { close.push(n.id); }
    });
    return {ids: close, how: close.length ? "close" : "none"};
  }
  mg.find = function (query) { return find(query).ids; };

  // Draw the nodes found: every node when one is folded, their regions when collapsed.
  function reveal(ids) {
    var byId = Object.create(null);
    all.forEach(function (n) { byId[n.id] = n; });
    if (mode === "first" && ids.some(function (id) { return byId[id].folded; })) { setMode("full"); }
    ids.forEach(function (id) {
      var n = byId[id];
      if (collapsed[n.region] && !n.header) {
        var box = document.querySelector("input.mg-region[value='" + n.region + "']");
        if (box) { box.click(); }
      }
    });
  }

  var input = document.getElementById("mg-search");
  var found = document.getElementById("mg-found");
  function search() {
    if (!input.value.trim()) { found.textContent = ""; network.unselectAll(); return; }
    var result = find(input.value), ids = result.ids;
    if (ids.length) { reveal(ids); }
    if (!ids.length) {
      found.textContent = "no match: nothing is close to \u201c" + input.value.trim() + "\u201d";
    } else if (result.how === "close") {
      found.textContent = ids.length === 1
        ? "closest match: " + nodes.get(ids[0]).label
        : ids.length + " close matches";
    } else {
      found.textContent = ids.length + (ids.length === 1 ? " match" : " matches");
    }
    network.selectNodes(ids, true);
    if (ids.length) { userMoved = true; }
    if (ids.length === 1) {
      network.focus(ids[0], {scale: Math.max(network.getScale(), 1), animation: false});
    } else if (ids.length) {
      fitView(ids);
    }
  }
  input.addEventListener("change", search);
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(); } });

  Array.prototype.forEach.call(document.querySelectorAll("input.mg-kind"), function (box) {
    box.addEventListener("change", function () {
      kindHidden[box.value] = !box.checked;
      refresh();
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("input.mg-region"), function (box) {
    box.addEventListener("change", function () {
      collapsed[box.value] = !box.checked;
      refresh();
    });
  });
  mg.collapse = function (key, yes) {
    var box = document.querySelector("input.mg-region[value='" + key + "']");
    if (box && box.checked === Boolean(yes)) { box.click(); }
  };

  document.getElementById("mg-fit").addEventListener("click", function () {
    userMoved = false;
    fitView();
  });
}());
