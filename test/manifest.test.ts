/**
 * @jest-environment jsdom
 */
// The add-in manifest, checked offline: the element order the 1.1 schema demands, the parts Excel needs
// (Workbook host, ExcelApi 1.1, a Home-tab button that opens the pane), that every resource id resolves,
// that every URL is https and names a file this project has, and the ADDIN_URL rewrite of `npm run build`.
// (The full schema check is `npm run validate`, a dev-time check that needs the schemas and xmllint.)
// jsdom's DOMParser is the XML parser: namespace-aware, and already installed for the pane's tests.
import * as fs from 'fs';
import * as path from 'path';
import { DEV_URL, addinUrlFromEnv, normaliseAddinUrl, rewriteManifestUrls } from '../scripts/manifest-url';

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Children of OfficeApp, in the order of OfficeAppManifestV1_1.xsd (OfficeApp, then TaskPaneApp's extension). */
const SCHEMA_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

function children(element: Element, ns?: string, name?: string): Element[] {
  return [...element.children].filter((c) => (ns === undefined || c.namespaceURI === ns) && (name === undefined || c.localName === name));
}

function only(element: Element, ns: string, name: string): Element {
  const found = children(element, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.localName}>, found ${found.length}`);
  return found[0];
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, 'type');
}

/** Every URL the manifest holds: DefaultValue / Value attributes and URL-typed text, with where it is. */
function urls(doc: Document): { url: string; where: string }[] {
  const out: { url: string; where: string }[] = [];
  for (const element of [...doc.getElementsByTagName('*')]) {
    for (const attr of [...element.attributes]) {
      if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue; // namespace names, not locations
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) out.push({ url: attr.value, where: `<${element.localName} ${attr.name}>` });
    }
    if (element.children.length === 0 && /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(element.textContent ?? '')) {
      out.push({ url: (element.textContent ?? '').trim(), where: `<${element.localName}>` });
    }
  }
  return out;
}

/** The project file a dev-server URL is served from (webpack: the page from its template, assets copied). */
function localFileFor(url: string): string {
  const rel = url.slice(DEV_URL.length);
  if (rel === 'taskpane.html') return path.join(ROOT, 'src', 'taskpane', 'taskpane.html');
  return path.join(ROOT, ...rel.split('/'));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const doc = parse(MANIFEST);
const app = doc.documentElement;

describe('manifest.xml', () => {
  test('is an add-in-only task pane manifest in the 1.1 namespace', () => {
    expect(app.localName).toBe('OfficeApp');
    expect(app.namespaceURI).toBe(NS.app);
    expect(xsiType(app)).toBe('TaskPaneApp');
  });

  test('has its elements in schema order, the required ones present, none twice', () => {
    const names = children(app).map((c) => c.localName);
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    for (let i = 1; i < positions.length; i++) {
      if (positions[i] <= positions[i - 1]) throw new Error(`<${names[i]}> must not follow <${names[i - 1]}>`);
    }
    for (const name of [...REQUIRED, 'IconUrl', 'HighResolutionIconUrl', 'Hosts', 'Requirements', 'VersionOverrides']) {
      expect(names).toContain(name);
    }
  });

  test('identity: a GUID, a four-part version, zh-CN by default with en-US overrides', () => {
    expect(only(app, NS.app, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(only(app, NS.app, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(only(app, NS.app, 'DefaultLocale').textContent).toBe('zh-CN');
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const element = only(app, NS.app, name);
      const values = [element.getAttribute('DefaultValue') ?? '', ...children(element, NS.app, 'Override').map((o) => o.getAttribute('Value') ?? '')];
      expect(children(element, NS.app, 'Override').map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      for (const value of values) {
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(max);
      }
    }
  });

  test('runs in Excel (Workbook) with ExcelApi 1.1 and reads and writes the document', () => {
    const hosts = children(only(app, NS.app, 'Hosts'), NS.app, 'Host').map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    const sets = only(only(app, NS.app, 'Requirements'), NS.app, 'Sets');
    const required = children(sets, NS.app, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(required).toEqual(['ExcelApi 1.1']);
    expect(only(app, NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  describe('VersionOverrides', () => {
    const overrides = only(app, NS.ov, 'VersionOverrides');
    const resources = only(overrides, NS.ov, 'Resources');
    /** Resource collection → id → element. */
    const byKind = new Map<string, Map<string, Element>>();
    for (const collection of children(resources, NS.bt)) {
      const entries = new Map<string, Element>();
      for (const entry of children(collection, NS.bt)) {
        const id = entry.getAttribute('id') ?? '';
        if (entries.has(id)) throw new Error(`resource id ${id} is defined twice in ${collection.localName}`);
        entries.set(id, entry);
      }
      byKind.set(collection.localName, entries);
    }
    /** Which resource collection a resid on this element must name. */
    const KIND: Record<string, string> = {
      Image: 'Images',
      SourceLocation: 'Urls',
      FunctionFile: 'Urls',
      LearnMoreUrl: 'Urls',
      Label: 'ShortStrings',
      Title: 'ShortStrings',
      Description: 'LongStrings',
    };
    const references = [...overrides.getElementsByTagName('*')].filter((e) => e.hasAttribute('resid'));

    test('is the task pane 1.0 schema', () => {
      expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
    });

    test('every resid resolves to a resource of the right kind, and every resource is used', () => {
      expect(references.length).toBeGreaterThan(0);
      const used = new Set<string>();
      for (const element of references) {
        const resid = element.getAttribute('resid') ?? '';
        const kind = KIND[element.localName];
        if (!kind) throw new Error(`no known resource kind for <${element.localName} resid="${resid}">`);
        if (!byKind.get(kind)?.has(resid)) throw new Error(`<${element.localName} resid="${resid}"> is not in Resources/${kind}`);
        used.add(`${kind}/${resid}`);
      }
      for (const [kind, entries] of byKind) {
        for (const id of entries.keys()) {
          expect(id.length).toBeLessThanOrEqual(32);
          if (!used.has(`${kind}/${id}`)) throw new Error(`Resources/${kind} ${id} is never used`);
        }
      }
    });

    test('resource strings fit their types and have an en-US override', () => {
      for (const [kind, max] of [
        ['ShortStrings', 125],
        ['LongStrings', 250],
      ] as const) {
        for (const entry of byKind.get(kind)?.values() ?? []) {
          const overrides = children(entry, NS.bt, 'Override');
          expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
          for (const value of [entry.getAttribute('DefaultValue') ?? '', ...overrides.map((o) => o.getAttribute('Value') ?? '')]) {
            expect(value.length).toBeGreaterThan(0);
            expect(value.length).toBeLessThanOrEqual(max);
          }
        }
      }
    });

    test('puts a button on the Home tab that opens the task pane', () => {
      const host = only(only(overrides, NS.ov, 'Hosts'), NS.ov, 'Host');
      expect(xsiType(host)).toBe('Workbook');
      const point = only(only(host, NS.ov, 'DesktopFormFactor'), NS.ov, 'ExtensionPoint');
      expect(xsiType(point)).toBe('PrimaryCommandSurface');
      const tab = only(point, NS.ov, 'OfficeTab');
      expect(tab.getAttribute('id')).toBe('TabHome');
      const group = only(tab, NS.ov, 'Group');
      const button = only(group, NS.ov, 'Control');
      expect(xsiType(button)).toBe('Button');
      const action = only(button, NS.ov, 'Action');
      expect(xsiType(action)).toBe('ShowTaskpane');
      const resid = only(action, NS.ov, 'SourceLocation').getAttribute('resid') ?? '';
      const paneUrl = byKind.get('Urls')?.get(resid)?.getAttribute('DefaultValue');
      const defaultPane = only(only(app, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation').getAttribute('DefaultValue');
      expect(paneUrl).toBe(defaultPane);
      for (const owner of [group, button]) {
        const sizes = children(only(owner, NS.ov, 'Icon'), NS.bt, 'Image').map((i) => i.getAttribute('size'));
        expect(sizes).toEqual(['16', '32', '80']);
      }
    });

    test('each ribbon image has the pixel size it is declared at', () => {
      for (const image of references.filter((e) => e.localName === 'Image')) {
        const url = byKind.get('Images')?.get(image.getAttribute('resid') ?? '')?.getAttribute('DefaultValue') ?? '';
        const size = Number(image.getAttribute('size'));
        expect(pngSize(localFileFor(url))).toEqual({ width: size, height: size });
      }
    });
  });

  test('the add-in icons are 32 and 64 px', () => {
    expect(pngSize(localFileFor(only(app, NS.app, 'IconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({ width: 32, height: 32 });
    const high = only(app, NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '';
    expect(pngSize(localFileFor(high))).toEqual({ width: 64, height: 64 });
  });

  test('every URL is https, on the dev server, and names a file of this project', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const { url, where } of found) {
      if (!url.startsWith('https://')) throw new Error(`${where}: ${url} is not https`);
      if (!url.startsWith(DEV_URL)) throw new Error(`${where}: ${url} is not under ${DEV_URL}, so ADDIN_URL would not move it`);
      if (!fs.existsSync(localFileFor(url))) throw new Error(`${where}: ${url} has no file ${path.relative(ROOT, localFileFor(url))}`);
    }
  });
});

describe('ADDIN_URL rewrite (scripts/manifest-url.js)', () => {
  test('moves every URL to the new base and nothing else', () => {
    const rewritten = rewriteManifestUrls(MANIFEST, 'https://intranet.example/budget-eval');
    expect(rewritten).not.toMatch(/https:\/\/localhost/);
    const before = urls(doc).map((u) => u.url.replace(DEV_URL, 'https://intranet.example/budget-eval/'));
    expect(urls(parse(rewritten)).map((u) => u.url)).toEqual(before);
    expect(rewritten.replace(/https:\/\/intranet\.example\/budget-eval\//g, DEV_URL)).toBe(MANIFEST);
  });

  test('normalises the trailing slash', () => {
    expect(normaliseAddinUrl('https://intranet.example/budget-eval')).toBe('https://intranet.example/budget-eval/');
    expect(normaliseAddinUrl('https://intranet.example/budget-eval///')).toBe('https://intranet.example/budget-eval/');
    expect(normaliseAddinUrl(' https://intranet.example ')).toBe('https://intranet.example/');
    expect(normaliseAddinUrl('HTTPS://Intranet.Example:8443/a b/')).toBe('https://intranet.example:8443/a%20b/');
  });

  test('defaults to the dev server when ADDIN_URL is unset or blank', () => {
    expect(addinUrlFromEnv({})).toBe(DEV_URL);
    expect(addinUrlFromEnv({ ADDIN_URL: '  ' })).toBe(DEV_URL);
    expect(addinUrlFromEnv({ ADDIN_URL: 'https://x.example/eval' })).toBe('https://x.example/eval/');
    expect(rewriteManifestUrls(MANIFEST, DEV_URL)).toBe(MANIFEST);
  });

  test('rejects what Office would not load or what would break the URLs', () => {
    expect(() => rewriteManifestUrls(MANIFEST, 'http://intranet.example/budget-eval/')).toThrow(/https/);
    expect(() => addinUrlFromEnv({ ADDIN_URL: 'http://intranet.example/' })).toThrow(/https/);
    expect(() => normaliseAddinUrl('intranet.example/budget-eval')).toThrow(/not a URL/);
    expect(() => normaliseAddinUrl('https://intranet.example/?v=1')).toThrow(/\?/);
    expect(() => normaliseAddinUrl('https://intranet.example/#x')).toThrow(/#/);
    expect(() => normaliseAddinUrl('https://user:secret@intranet.example/')).toThrow(/password/);
  });

  test('escapes what XML needs escaped', () => {
    const rewritten = rewriteManifestUrls(MANIFEST, 'https://intranet.example/r&d/');
    expect(rewritten).toContain('https://intranet.example/r&amp;d/taskpane.html');
    expect(urls(parse(rewritten)).some((u) => u.url === 'https://intranet.example/r&d/taskpane.html')).toBe(true);
  });
});
