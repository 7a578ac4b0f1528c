export interface LabVersion { ha: string; python: 'chroot' | 'host'; zwave: boolean }
export const VERSIONS: Record<string, LabVersion>;
export const DEFAULT_VERSION: string;
export function versionFromArgs(argv: string[], env?: Record<string, string | undefined>): string;
