// Where office-addin-dev-certs keeps the localhost certificate (~/.office-addin-dev-certs), asked of the
// package itself; shared by webpack.config.js (the dev server) and scripts/serve.js.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

/** The CA, certificate and key file paths (they may not exist). */
function devCertPaths() {
  try {
    const d = require('office-addin-dev-certs/lib/defaults');
    return { ca: d.caCertificatePath, cert: d.localhostCertificatePath, key: d.localhostKeyPath };
  } catch {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    return { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
  }
}

/** The paths of the certificate files that are missing (none: https can be served). */
function missingDevCertFiles(files = devCertPaths()) {
  return Object.values(files).filter((file) => !fs.existsSync(file));
}

module.exports = { devCertPaths, missingDevCertFiles };
