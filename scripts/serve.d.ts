// Types of scripts/serve.js (CommonJS, run by node as it is).
import type { RequestListener } from 'node:http';
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startServer(options: { root: string; port?: number; host?: string; tls?: { cert: Buffer; key: Buffer } | null }): Promise<RunningServer>;
export declare function staticHandler(root: string): RequestListener;
export declare const MIME: Record<string, string>;
