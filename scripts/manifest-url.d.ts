// Types of scripts/manifest-url.js (a CommonJS module that webpack.config.js loads as it is).
export declare const DEV_URL: string;
export declare function normaliseAddinUrl(raw: string): string;
export declare function addinUrlFromEnv(env: Record<string, string | undefined>): string;
export declare function rewriteManifestUrls(xml: string, addinUrl: string): string;
