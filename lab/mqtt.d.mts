export interface Broker { host: string; port: number }
export interface MqttMessage { topic: string; payload: string | object; retain?: boolean }
export function mqttPublish(broker: Broker, messages: MqttMessage[]): Promise<void>;
