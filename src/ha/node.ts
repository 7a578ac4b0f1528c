// Node only: home-assistant-js-websocket expects a global WebSocket, which Node 20 lacks.
import WebSocket from 'ws';

export function useNodeWebSocket(): void {
  const g = globalThis as { WebSocket?: unknown };
  if (!g.WebSocket) g.WebSocket = WebSocket;
}
