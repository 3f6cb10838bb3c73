// metagraph pathway page: search box, kind filter and "fit" button. Data text is only
// ever set as text (value, textContent), never parsed as HTML.
(function () {
  "use strict";
  var mg = window.metagraph;
  if (!mg) { return; }
  var network = mg.network, nodes = mg.nodes;
  var all = nodes.get({fields: ["id", "label", "kind", "names"]});

  function norm(s) { return String(s).toLowerCase().replace(/[\s\-_]+/g, ""); }

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

  function find(query) {
    var q = norm(query);
    if (!q) { return []; }
    var exact = [], partial = [];
    all.forEach(function (n) {
      var names = n.names || [n.label], hit = 0;
      for (var i = 0; i < names.length; i += 1) {
        var v = norm(names[i]);
        if (v === q) { hit = 2; break; }
        if (v.indexOf(q) >= 0) { hit = 1; }
      }
      if (hit === 2) { exact.push(n.id); } else if (hit === 1) { partial.push(n.id); }
    });
    return (exact.length ? exact : partial).filter(function (id) { return !nodes.get(id).hidden; });
  }

  var input = document.getElementById("mg-search");
  var found = document.getElementById("mg-found");
  function search() {
    if (!input.value.trim()) { found.textContent = ""; network.unselectAll(); return; }
    var ids = find(input.value);
    found.textContent = ids.length ? ids.length + (ids.length === 1 ? " match" : " matches") : "no match";
    network.selectNodes(ids, true);
    if (ids.length === 1) {
      network.focus(ids[0], {scale: Math.max(network.getScale(), 1), animation: false});
    } else if (ids.length) {
      network.fit({nodes: ids, animation: false});
    }
  }
  input.addEventListener("change", search);
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(); } });

  Array.prototype.forEach.call(document.querySelectorAll("input.mg-kind"), function (box) {
    box.addEventListener("change", function () {
      var hide = !box.checked;
      nodes.update(all.filter(function (n) { return n.kind === box.value; })
        .map(function (n) { return {id: n.id, hidden: hide}; }));
    });
  });

  document.getElementById("mg-fit").addEventListener("click", function () {
    network.fit({animation: false});
  });
}());
