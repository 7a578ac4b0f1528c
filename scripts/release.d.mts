export function chunkImports(code: string): string[];
export function closure(dir: string, entry: string): { files: string[]; missing: string | null };
export function versionLine(version: string): string;
