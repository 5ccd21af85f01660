// Types of scripts/dev-cert-paths.js (CommonJS, loaded as it is by webpack.config.js and scripts/serve.js).
export interface DevCertPaths {
  ca: string;
  cert: string;
  key: string;
}
export declare function devCertPaths(): DevCertPaths;
export declare function missingDevCertFiles(files?: DevCertPaths): string[];
