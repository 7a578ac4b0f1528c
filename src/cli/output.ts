// Writing to stdout with backpressure: a long export never piles up in memory. Errors (a full disk, a closed
// terminal) are handled once in main.ts.
import { once } from 'node:events';

export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}
