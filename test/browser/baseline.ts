// Compares a fresh screenshot of the card with its committed baseline, in the page (canvas pixels, no dependency).
// A layout change fails (different size, or more than 1 % of pixels clearly different); UPDATE_BASELINES=1
// rewrites the baselines, so a change of the card's look is a deliberate commit.
import { executeServerCommand } from '@web/test-runner-commands';

interface BaselineReply { missing?: string; updated?: boolean; actual?: string; baseline?: string }

/** Pixels whose largest channel difference is above this count as different (anti-aliasing stays below). */
const CHANNEL_TOLERANCE = 48;
/** Share of different pixels that still passes (text rendering jitter). */
export const PIXEL_TOLERANCE = 0.01;

async function pixels(base64: string): Promise<ImageData> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = canvas.getContext('2d')!;
  g.drawImage(bitmap, 0, 0);
  return g.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** Share of pixels that differ clearly between two images of the same size. */
export function diffShare(a: ImageData, b: ImageData): number {
  let diff = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!));
    if (d > CHANNEL_TOLERANCE) diff++;
  }
  return diff / (a.width * a.height);
}

/**
 * Throws with what differs; resolves when the element looks like its baseline. `compareOnly` never rewrites the
 * baseline, even with UPDATE_BASELINES=1 (for the test that proves a change is caught).
 */
export async function matchBaseline(name: string, opts: { selector?: string; compareOnly?: boolean } = {}): Promise<void> {
  const payload = { name, selector: opts.selector ?? 'lock-sentinel-card', compareOnly: opts.compareOnly ?? false };
  const r = await executeServerCommand<BaselineReply, typeof payload>('baseline', payload);
  if (r.missing) throw new Error(`no baseline ${r.missing}: run the browser suite with UPDATE_BASELINES=1 and commit it`);
  const [actual, baseline] = await Promise.all([pixels(r.actual!), pixels(r.baseline!)]);
  if (actual.width !== baseline.width || actual.height !== baseline.height) {
    throw new Error(`${name}: layout changed, ${actual.width}×${actual.height} px now, ${baseline.width}×${baseline.height} px in the baseline (UPDATE_BASELINES=1 to accept)`);
  }
  const share = diffShare(actual, baseline);
  if (share > PIXEL_TOLERANCE) {
    throw new Error(`${name}: ${(share * 100).toFixed(2)} % of pixels differ from the baseline (tolerance ${PIXEL_TOLERANCE * 100} %; UPDATE_BASELINES=1 to accept)`);
  }
}
