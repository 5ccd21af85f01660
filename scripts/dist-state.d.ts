// Types of scripts/dist-state.js (CommonJS).
export declare const ROOT: string;
export declare const DIST: string;
export declare function distState(root?: string): 'missing' | 'stale' | 'fresh';
export declare function buildDist(): void;
