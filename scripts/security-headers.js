// The pane's Content-Security-Policy and the other security headers, in one place: the meta tag webpack
// writes into dist/taskpane.html, `npm run serve` (scripts/serve.js), the webpack dev server, and the IIS /
// nginx examples in the README (a test checks those match). Why each source is there: docs/CSP.md.
'use strict';

/** Microsoft's office.js CDN: office.js and the host files it loads next to itself (excel-web-16.00.js …). */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * Who may frame the pane (frame-ancestors checks every ancestor, not only the parent). Desktop Excel shows
 * the pane as a top-level web view; Excel on the web frames it in an officeapps page, itself framed by the
 * page the workbook was opened from. Sources in docs/CSP.md.
 */
const OFFICE_FRAME_ANCESTORS = [
  // The frame that hosts add-ins in Excel on the web: the domains office.js itself trusts as a host
  // (excel-web-16.00.js, _isHostNameValidWacDomain), for Microsoft 365, 21Vianet (China), Germany, US gov.
  'https://*.officeapps.live.com',
  'https://*.partner.officewebapps.cn',
  'https://*.online.office.de',
  'https://*.gov.online.office365.us',
  'https://*.dod.online.office365.us',
  'https://*.office.net',
  // The pages a workbook is opened from, around that frame.
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://*.sharepoint.cn',
  'https://onedrive.live.com',
  'https://teams.microsoft.com',
];

/**
 * The policy's directives, in order. `header`: with frame-ancestors, which a meta tag cannot carry (browsers
 * ignore it there, with a console warning).
 */
function cspDirectives({ header }) {
  const directives = [
    ['default-src', "'self'"],
    // No inline script, no eval: the bundle, old-excel.js and office.js (which loads its host files from
    // the same CDN).
    ['script-src', "'self'", OFFICE_JS_ORIGIN],
    // Fluent UI (griffel) and office.js add styles at run time: griffel in empty <style> elements it fills
    // through CSSOM (which CSP does not restrict), office.js in Excel on the web also as inline style
    // attributes (OfficeDev/office-js#1687) whose text Microsoft changes at will, so no hash can pin it.
    // Inline CSS cannot run script; script-src stays strict.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    // The template fetched from the page's own folder; office.js may fetch from its CDN.
    ['connect-src', "'self'", OFFICE_JS_ORIGIN],
    // The .xlsx gateway's Web Worker: a webpack chunk of the same origin (blob: for a worker made in place).
    ['worker-src', "'self'", 'blob:'],
    // office.js, in Excel on the web on a host it does not know, checks it in a hidden frame from its CDN.
    ['frame-src', "'self'", OFFICE_JS_ORIGIN],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  if (header) directives.push(['frame-ancestors', "'self'", ...OFFICE_FRAME_ANCESTORS]);
  return directives;
}

/** The policy as a header or meta tag value: `default-src 'self'; script-src …`. */
function contentSecurityPolicy({ header = true } = {}) {
  return cspDirectives({ header })
    .map((parts) => parts.join(' '))
    .join('; ');
}

/** Headers for every response of the pane's server (a meta tag cannot carry nosniff or frame-ancestors). */
function securityHeaders() {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ header: true }),
    'X-Content-Type-Options': 'nosniff',
  };
}

module.exports = { OFFICE_JS_ORIGIN, OFFICE_FRAME_ANCESTORS, cspDirectives, contentSecurityPolicy, securityHeaders };
