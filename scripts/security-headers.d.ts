// Types of scripts/security-headers.js (CommonJS, loaded as it is by webpack.config.js and scripts/serve.js).
export declare const OFFICE_JS_ORIGIN: string;
export declare const OFFICE_FRAME_ANCESTORS: readonly string[];
export declare function cspDirectives(options: { header: boolean }): string[][];
export declare function contentSecurityPolicy(options?: { header?: boolean }): string;
export declare function securityHeaders(): Record<string, string>;
