// The shared data lives in HA; the card and the CLI use the same store (src/ha/shared-store.ts).
export { parseShared, SharedStore, type StorageMode } from '../../../src/ha/shared-store.js';
