import type { MqttMessage } from './mqtt.mjs';
export const BASE: string;
export const FRIENDLY_NAME: string;
export const IEEE: string;
export const STATE_TOPIC: string;
export const INITIAL_STATE: Record<string, unknown>;
export function discoveryMessages(): MqttMessage[];
export function bridgeOnline(): MqttMessage;
export function stateMessage(state: Record<string, unknown>): MqttMessage;
