// The accuracy scripts' `--split` selection (bench/accuracy/lib.mjs): `seen` leaves the sealed splits out, `all` takes
// every entry, and a name manifest.json does not have is an error (once `--split seen` scanned nothing, silently).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

type Entry = { name: string; split: string };
type Lib = { entriesOfSplit(manifest: { sealed?: string[]; repositories: Entry[] }, split: string): Entry[] };

const LIB = pathToFileURL(path.resolve(__dirname, '../../../bench/accuracy/lib.mjs')).href;
// A real dynamic import: tsx would turn a plain `import()` of an .mjs file into require(), which cannot load ESM.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Lib>;

describe('accuracy benchmark: --split selection', () => {
  const manifest = {
    sealed: ['holdout-2'],
    repositories: [
      { name: 'a', split: 'tune' },
      { name: 'b', split: 'holdout-1' },
      { name: 'c', split: 'holdout-2' },
    ],
  };

  it('seen is every split but the sealed ones; all is every entry; a split name is its entries', async () => {
    const { entriesOfSplit } = await importModule(LIB);
    assert.deepEqual(entriesOfSplit(manifest, 'seen').map((e) => e.name), ['a', 'b']);
    assert.deepEqual(entriesOfSplit(manifest, 'all').map((e) => e.name), ['a', 'b', 'c']);
    assert.deepEqual(entriesOfSplit(manifest, 'holdout-2').map((e) => e.name), ['c']);
  });

  it('an unknown split is an error naming the splits there are', async () => {
    const { entriesOfSplit } = await importModule(LIB);
    assert.throws(() => entriesOfSplit(manifest, 'holdout-9'), /no split "holdout-9" in manifest.json \(have: tune, holdout-1, holdout-2, seen, all\)/);
  });
});
