/** Types of scripts/lib/build.mjs (plain JavaScript, so that `npm start` runs without a TypeScript loader). */
export declare const projectRoot: string;
export declare function bundleDir(distDir: string): string;
export declare function bundledScript(distDir: string, name: "start" | "server" | "migrate" | "seed"): string;
export declare function sourceFingerprint(): string;
export declare function hasNextBuild(distDir: string): boolean;
export declare function buildIsCurrent(distDir: string): boolean;
export declare function canBuild(): boolean;
export declare function nextBin(): string;
export declare function readBuildId(distDir: string): string;
export declare function readDeploymentId(distDir: string): string | null;
export declare function bundleServer(distDir: string): Promise<{ inputs: Record<string, unknown>; outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }> }>;
type BuildOptions = { distDir: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void };
export declare function build(options: BuildOptions): Promise<void>;
export declare function ensureBuild(options: BuildOptions): Promise<void>;
export declare function precompressStatic(distDir: string): Promise<number>;
