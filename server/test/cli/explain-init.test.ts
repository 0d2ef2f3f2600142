// `phi-guard explain` and `phi-guard init`, in-process against the real rule pack.
import { RULES } from '../helpers/rules';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import type { CliDeps } from '../../src/cli/deps';
import type { CliIo, OutputStream } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { parseConfigText } from '../../src/engine/config';

class Capture implements OutputStream {
  text = '';
  readonly isTTY = false;
  write(text: string, callback?: (error?: Error | null) => void): boolean {
    this.text += text;
    callback?.();
    return true;
  }
}

const deps: CliDeps = {
  scanWorkspace: () => Promise.reject(new Error('not used')),
  getRules: () => allRules,
  startLanguageServer: () => undefined,
};

async function cli(args: string[], cwd = process.cwd()) {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, env: {}, cwd };
  const code = await run(args, io, deps);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('phi-guard explain', () => {
  it('explains a PHI kind with its Safe Harbor identifier and sensitivity', async () => {
    const { code, stdout } = await cli(['explain', 'date-of-birth']);
    assert.equal(code, 0);
    assert.match(stdout, /^date of birth \(date-of-birth\)/);
    assert.match(stdout, /Safe Harbor identifier #3/);
    assert.match(stdout, /Sensitivity: high/);
  });

  it('marks quasi-identifiers as medium sensitivity', async () => {
    const { stdout } = await cli(['explain', 'zip-code']);
    assert.match(stdout, /Sensitivity: medium \(quasi-identifier/);
  });

  it('explains a rule with CWE, HIPAA and its docs link', async () => {
    const { code, stdout } = await cli(['explain', 'no-phi-in-logs']);
    assert.equal(code, 0);
    assert.match(stdout, /CWE: CWE-532/);
    assert.match(stdout, /HIPAA: 164\.312\(b\)/);
    assert.match(stdout, /rules\/docs\/no-phi-in-logs\.md/);
  });

  it('lists kinds and rules without an argument, as text and JSON', async () => {
    const text = await cli(['explain']);
    assert.match(text.stdout, /PHI kinds:[\s\S]*ssn[\s\S]*Rules:[\s\S]*no-cleartext-transport/);
    const json = JSON.parse((await cli(['explain', '--format', 'json'])).stdout);
    assert.ok(json.kinds.some((kind: { id: string; safeHarborIdentifier: number }) => kind.id === 'ssn' && kind.safeHarborIdentifier === 7));
    assert.deepEqual(json.rules, allRules.map((rule) => rule.meta.id));
  });

  it('rejects an unknown topic with a suggestion and exit 2', async () => {
    const { code, stderr } = await cli(['explain', 'no-phi-in-log']);
    assert.equal(code, 2);
    assert.match(stderr, /did you mean 'no-phi-in-logs'/);
  });
});

describe('phi-guard init', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-init-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a starter config that the config parser accepts', async () => {
    const { code } = await cli(['init'], dir);
    assert.equal(code, 0);
    const file = path.join(dir, '.phi-guard.json');
    assert.ok(existsSync(file));
    assert.doesNotThrow(() => parseConfigText(readFileSync(file, 'utf8'), file, RULES));
  });

  it('refuses to overwrite an existing config unless --force', async () => {
    writeFileSync(path.join(dir, '.phi-guard.json'), '{ "ignore": ["x"] }');
    assert.equal((await cli(['init'], dir)).code, 2);
    assert.equal(readFileSync(path.join(dir, '.phi-guard.json'), 'utf8'), '{ "ignore": ["x"] }');
    assert.equal((await cli(['init', '--force'], dir)).code, 0);
    assert.match(readFileSync(path.join(dir, '.phi-guard.json'), 'utf8'), /phiNames/);
  });
});
