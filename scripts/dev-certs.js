#!/usr/bin/env node
// `npm run dev-certs`: creates the localhost certificate that `npm run dev-server` serves with, in
// ~/.office-addin-dev-certs (ca.crt, localhost.crt, localhost.key), without installing the CA into the
// system's trust store — which `npx office-addin-dev-certs install` does, and which needs sudo on Linux.
// Works offline. Excel only loads the pane if it trusts ca.crt: on Windows and macOS prefer
// `npx office-addin-dev-certs install`, which creates the same files and trusts the CA for your user.
'use strict';

const { X509Certificate, createPrivateKey } = require('crypto');
const fs = require('fs');
const certs = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

const days = Number(process.env.DEV_CERT_DAYS || 30);
const { caCertificatePath: ca, localhostCertificatePath: cert, localhostKeyPath: key } = defaults;

/** The files are there, the certificate is valid for at least another day and matches its key. */
function stillGood() {
  if (![ca, cert, key].every((file) => fs.existsSync(file))) return false;
  try {
    const x509 = new X509Certificate(fs.readFileSync(cert));
    const dayAhead = Date.now() + 24 * 3600 * 1000;
    return new Date(x509.validTo).getTime() > dayAhead && x509.checkPrivateKey(createPrivateKey(fs.readFileSync(key)));
  } catch {
    return false;
  }
}

if (stillGood()) {
  console.log(`The certificate in ${defaults.certificateDirectory} is still valid; nothing to do.`);
  process.exit(0);
}
// generateCertificates() writes nothing while an old ca.crt is there: take the old set away first.
certs.deleteCertificateFiles(defaults.certificateDirectory);
certs
  .generateCertificates(ca, cert, key, days)
  .then(() => console.log(`Valid for ${days} days. For a browser or Excel to accept it, trust ${ca}.`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
