// The API docs page: Swagger UI (served by this app, no CDN) over /openapi.json.
(function () {
  "use strict";

  const root = document.getElementById("swagger-ui");
  if (!root) return;
  if (typeof SwaggerUIBundle === "undefined") {
    document.getElementById("docs-missing").hidden = false;  // the assets were not built
    return;
  }
  window.aseankgDocs = SwaggerUIBundle({
    url: root.dataset.openapi,
    domNode: root,
    deepLinking: true,
    validatorUrl: null,  // no badge fetched from another address
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
