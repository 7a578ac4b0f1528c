export const PHONES: Record<string, { name: string; role: 'admin' | 'nonadmin' }>;
export function registerPhone(base: string, token: string, objectId: string): Promise<string>;
export function movePhone(base: string, webhookId: string, location: 'home' | 'not_home'): Promise<void>;
export function registerPhones(base: string, tokens: Record<'admin' | 'nonadmin', string>): Promise<Record<string, string>>;
