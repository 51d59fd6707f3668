// The README's React example is the file packages/sdk/examples/react-connections.tsx, word for word. The file is
// type-checked with the rest of the repo (tsconfig includes packages/*/examples), so the example cannot rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);

test('the README shows the compiled React example verbatim', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const example = readFileSync(new URL('packages/sdk/examples/react-connections.tsx', root), 'utf8');
  // The headless example is the README's ```tsx block that uses the store (others show the React wrappers).
  const blocks = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const block = blocks.find((b) => b.includes('createRelinkStore'));
  assert.ok(block, 'README.md has a ```tsx block with the headless example');
  assert.equal(block, example);
  assert.ok(example.split('\n').length <= 45, 'the example stays about 40 lines');
  assert.match(example, /useSyncExternalStore\(s\.subscribe, s\.getSnapshot\)/);
});
