// The graph view: the neighbourhood from /api/neighbourhood drawn with cytoscape.js.
// A click (tap) on a node adds its own neighbours; a double click opens its page.
(function () {
  "use strict";

  var box = document.getElementById("graph");
  if (!box || typeof window.cytoscape === "undefined") return;

  var ENTITY = "https://w3id.org/aseankg/id/";
  var iri = box.dataset.iri;
  var lang = box.dataset.lang || "en";
  var keepLang = !!box.dataset.keepLang;
  var GROUPS = {
    Person: "person",
    Ministry: "organization", GovernmentAgency: "organization",
    InternationalOrganization: "organization", Organization: "organization", WorkingGroup: "organization",
    Country: "country", Place: "place",
    Meeting: "meeting", MinisterialMeeting: "meeting", SeniorOfficialsMeeting: "meeting",
    WorkingGroupMeeting: "meeting", BilateralMeeting: "meeting", CabinetMeeting: "meeting",
    MeetingSeries: "series",
    MoU: "document", Agreement: "document", Declaration: "document", Plan: "document", PolicyDocument: "document",
    Fund: "document", Initiative: "document", Project: "document",
    Position: "position", NewsArticle: "article", Status: "status"
  };

  // The classes' colours are the stylesheet's (--c-person …), shared with the legend.
  var rootStyle = window.getComputedStyle(document.documentElement);
  function colour(group) {
    return rootStyle.getPropertyValue("--c-" + group).trim() || "#8a94a6";
  }

  function localName(type) {
    if (!type) return "";
    var cut = Math.max(type.lastIndexOf("#"), type.lastIndexOf("/"));
    return type.slice(cut + 1);
  }

  box.classList.add("live");
  var cy = window.cytoscape({
    container: box,
    elements: [],
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 140,
        "text-valign": "bottom", "text-margin-y": 4, "color": "#1d2733",
        "font-family": "Noto Sans Thai, Sarabun, Waree, Loma, Garuda, sans-serif",
        "background-color": colour("other"), "width": 26, "height": 26,
        "border-width": 2, "border-color": "#ffffff" } },
      { selector: "node.person", style: { "background-color": colour("person"), "shape": "ellipse" } },
      { selector: "node.organization", style: { "background-color": colour("organization"), "shape": "round-rectangle" } },
      { selector: "node.country", style: { "background-color": colour("country"), "shape": "hexagon" } },
      { selector: "node.place", style: { "background-color": colour("place"), "shape": "triangle" } },
      { selector: "node.meeting", style: { "background-color": colour("meeting"), "shape": "diamond" } },
      { selector: "node.series", style: { "background-color": colour("series"), "shape": "star" } },
      { selector: "node.document", style: { "background-color": colour("document"), "shape": "rectangle" } },
      { selector: "node.position", style: { "background-color": colour("position"), "shape": "round-tag", "width": 18, "height": 18 } },
      { selector: "node.article", style: { "background-color": colour("article"), "shape": "round-rectangle" } },
      { selector: "node.centre", style: { "width": 38, "height": 38, "border-color": "#f6ad55", "border-width": 4, "font-weight": "bold" } },
      { selector: "node.expanded", style: { "border-color": "#1d2733" } },
      { selector: "edge", style: {
        "label": "data(label)", "font-size": 9, "color": "#5a6678", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "width": 1.5, "line-color": "#c3cad6",
        "target-arrow-color": "#c3cad6", "text-rotation": "autorotate",
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1 } }
    ]
  });
  window.aseankgGraph = cy;  // for the browser tests and the curious

  var expanded = {};

  function add(data) {
    var elements = [];
    data.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).empty()) {
        elements.push({ group: "nodes", data: { id: n.id, label: n.label, type: n.type || "" },
                        classes: GROUPS[localName(n.type)] || "other" });
      }
    });
    data.edges.forEach(function (e) {
      var id = e.source + " " + e.predicate + " " + e.target;
      if (cy.getElementById(id).empty()) {
        elements.push({ group: "edges", data: { id: id, source: e.source, target: e.target, label: e.label } });
      }
    });
    cy.add(elements);
    return elements.length;
  }

  function layout() {
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, padding: 20 }).run();
  }

  function expand(id) {
    if (expanded[id]) return Promise.resolve();
    expanded[id] = true;
    var url = box.dataset.api + "?" + new URLSearchParams({ iri: id, depth: "1", lang: lang, limit: "60" });
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && add(data)) layout();
        cy.getElementById(id).addClass("expanded");
        box.dataset.nodes = String(cy.nodes().length);
      });
  }

  cy.on("tap", "node", function (evt) { expand(evt.target.id()); });
  cy.on("dbltap", "node", function (evt) {
    var id = evt.target.id();
    if (id.indexOf(ENTITY) === 0) {
      window.location.href = "/id/" + id.slice(ENTITY.length) + (keepLang ? "?lang=" + lang : "");
    }
  });

  expand(iri).then(function () {
    cy.getElementById(iri).addClass("centre");
    box.dataset.ready = "1";
  });
})();
