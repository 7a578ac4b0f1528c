export interface Broker { host: string; port: number }
export interface MqttMessage { topic: string; payload: string | object; retain?: boolean }
export function mqttPublish(broker: Broker, messages: MqttMessage[]): Promise<void>;
export interface MqttClient { publish(m: MqttMessage): void; close(): void }
export function mqttClient(broker: Broker, topics: string[], onMessage: (topic: string, payload: string, retain: boolean) => void): Promise<MqttClient>;
