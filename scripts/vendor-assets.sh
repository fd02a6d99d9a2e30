#!/usr/bin/env bash
# Copy the browser assets the web app serves from the installed npm packages.
set -euo pipefail
from=$1
to=$2
rm -rf "$to"
mkdir -p "$to"
cp "$from/@zazuko/yasgui/build/yasgui.min.js" "$from/@zazuko/yasgui/build/yasgui.min.css" "$to/"
cp "$from/cytoscape/dist/cytoscape.min.js" "$to/"
cp "$from/swagger-ui-dist/swagger-ui-bundle.js" "$from/swagger-ui-dist/swagger-ui.css" "$to/"
