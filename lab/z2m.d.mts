import type { MqttMessage } from './mqtt.mjs';
export const BASE: string;
export const FRIENDLY_NAME: string;
export const IEEE: string;
export const STATE_TOPIC: string;
export const INITIAL_STATE: Record<string, unknown>;
export function discoveryMessages(): MqttMessage[];
export function bridgeOnline(): MqttMessage;
export function stateMessage(state: Record<string, unknown>): MqttMessage;
export const PIN_CODE_COUNT: number;
export const EXPOSE_PIN: boolean;
export const PRESET_CODES: Readonly<Record<number, string>>;
export interface Z2mLock { codes(): Map<number, string>; handle(topic: string, payload: string): MqttMessage[] }
export function z2mLock(opts?: { exposePin?: boolean; codes?: Record<number, string>; count?: number }): Z2mLock;
export function legacyActionSensor(): MqttMessage;
export function removeLegacyActionSensor(): MqttMessage;
