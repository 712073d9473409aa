/** A build output and the sources it is made from (paths from the repository root). */
export interface BuildTarget {
  readonly name: 'designer' | 'storybook' | 'server';
  readonly outDir: string;
  readonly sources: readonly string[];
}

export declare const DESIGNER_BUILD: BuildTarget;
export declare const STORYBOOK_BUILD: BuildTarget;
export declare const SERVER_BUILD: BuildTarget;
export declare const BUILD_TARGETS: readonly BuildTarget[];
export declare function sourceHash(target: BuildTarget): string;
export declare function isFresh(target: BuildTarget): boolean;
export declare function writeStamp(target: BuildTarget, hash?: string): void;
export declare class BuildError extends Error {}
export declare function build(target: BuildTarget): void;
export declare function buildStale(targets: readonly BuildTarget[]): string[];
