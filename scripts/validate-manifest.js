#!/usr/bin/env node
// `npm run validate`: checks manifest.xml (and dist/manifest.xml, when a build made one) against Office's
// add-in manifest schemas with xmllint, offline. A dev-time check: the schemas are not part of this
// project; they are looked for in $MANIFEST_XSD_DIR, else ../shared/reference/manifest-xsd.
// (`npx office-addin-manifest validate` checks more, but needs Microsoft's online service.)
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const xsdDir = process.env.MANIFEST_XSD_DIR || path.resolve(root, '..', 'shared', 'reference', 'manifest-xsd');
const xsd = path.join(xsdDir, 'OfficeAppManifestV1_1.xsd');

if (!fs.existsSync(xsd)) {
  console.error(`validate: no manifest schema at ${xsd}. Point MANIFEST_XSD_DIR at a folder holding OfficeAppManifestV1_1.xsd.`);
  process.exit(1);
}
const probe = spawnSync('xmllint', ['--version'], { stdio: 'ignore' });
if (probe.error) {
  console.error('validate: xmllint not found. Install it: apt-get install libxml2-utils (macOS has it already).');
  process.exit(1);
}

const manifests = ['manifest.xml', path.join('dist', 'manifest.xml')].filter((file) => fs.existsSync(path.join(root, file)));
let failed = false;
for (const manifest of manifests) {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, manifest], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
