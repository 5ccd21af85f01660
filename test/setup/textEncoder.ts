// jsdom (the pane's tests) lacks TextEncoder, which every browser and Node have; the digest of the report's
// record needs it. Node's own stands in.
import { TextDecoder, TextEncoder } from 'node:util';

const scope = globalThis as unknown as { TextEncoder?: unknown; TextDecoder?: unknown };
scope.TextEncoder ??= TextEncoder;
scope.TextDecoder ??= TextDecoder;
