// Types for the parts of run.mjs that TypeScript code (the test and bench launchers) imports.
export declare const SERVER_ARGS: string[];
export declare const SERVER_BUNDLE: string;
export declare function isBuilt(): boolean;
