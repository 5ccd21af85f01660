// Where the add-in is served from, and the manifest rewritten to point there. Used by webpack.config.js
// (`ADDIN_URL=https://intranet.example/budget-eval/ npm run build` → dist/manifest.xml) and by
// test/manifest.test.ts. CommonJS, no dependencies: webpack loads it as it is.
'use strict';

/** The base URL that manifest.xml is written with: the dev server. */
const DEV_URL = 'https://localhost:3000/';

/**
 * Checks an add-in base URL and returns it with exactly one trailing slash. Office loads add-ins only over
 * https; a query or fragment would break every URL appended to the base.
 * @param {string} raw
 * @returns {string}
 */
function normaliseAddinUrl(raw) {
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${text}". Example: ADDIN_URL=https://intranet.example/budget-eval/`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_URL must start with https:// (Office loads add-ins only over https), got "${text}". ` +
        'Example: ADDIN_URL=https://intranet.example/budget-eval/',
    );
  }
  if (url.username || url.password) throw new Error(`ADDIN_URL must not carry a user name or password: "${text}".`);
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw new Error(`ADDIN_URL must be a plain folder URL, without "?" or "#": "${text}".`);
  }
  return url.href.replace(/\/*$/, '/');
}

/**
 * The add-in base URL for a build: ADDIN_URL when set (and not blank), else the dev server.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
function addinUrlFromEnv(env) {
  const raw = env.ADDIN_URL;
  return normaliseAddinUrl(raw === undefined || raw.trim() === '' ? DEV_URL : raw);
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Replaces every https://localhost:3000/ in a manifest with the given base URL (normalised, XML-escaped).
 * Throws if the base is not https, or if a dev-server URL in another form would survive the rewrite.
 * @param {string} xml
 * @param {string} addinUrl
 * @returns {string}
 */
function rewriteManifestUrls(xml, addinUrl) {
  const base = normaliseAddinUrl(addinUrl);
  const out = xml.split(DEV_URL).join(escapeXml(base));
  if (base !== DEV_URL && /localhost:3000/i.test(out)) {
    throw new Error('manifest.xml has a localhost:3000 URL that is not of the form https://localhost:3000/…; fix the manifest.');
  }
  return out;
}

module.exports = { DEV_URL, normaliseAddinUrl, addinUrlFromEnv, rewriteManifestUrls };
