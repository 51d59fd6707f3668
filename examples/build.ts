// Builds the React and Vue examples and the plain-HTML page's bundle with Vite's `build()`.
import { build } from 'vite';
import { configFor, type ExampleName } from './vite.shared.js';

export const EXAMPLES: readonly ExampleName[] = ['react', 'vue', 'html'];

/** Builds each example in turn (two cores: one at a time is as fast and keeps the output readable). */
export async function buildExamples(names: readonly ExampleName[] = EXAMPLES): Promise<Record<ExampleName, number>> {
  const took = {} as Record<ExampleName, number>;
  for (const name of names) {
    const started = performance.now();
    await build(configFor(name));
    took[name] = Math.round(performance.now() - started);
  }
  return took;
}
