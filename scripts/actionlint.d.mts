export const WORKFLOWS: string;
export function lint(files?: string[]): Promise<string[]>;
