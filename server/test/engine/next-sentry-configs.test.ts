// Sentry's Next.js SDK 8+ runs sentry.server.config / sentry.edge.config only from instrumentation.ts: an init
// there that nothing imports never runs (unreachable), while SDK 7 injected it and the client config is always loaded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { sentryNextMajor } from '../../src/engine/next-sentry-configs';
import { Project } from '../../src/engine/project';

const init = "import * as Sentry from '@sentry/nextjs';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });\n";

async function scan(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-next-sentry-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    return result.findings.filter((finding) => finding.ruleId === 'no-phi-to-third-party').map((finding) => [finding.file, finding.role, finding.roleReason]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Sentry Next.js runtime configs', () => {
  it('reads the SDK major version a manifest depends on', () => {
    assert.equal(sentryNextMajor('{ "dependencies": { "@sentry/nextjs": "9.13.0" } }'), 9);
    assert.equal(sentryNextMajor('{ "devDependencies": { "@sentry/nextjs": "^8.2.1" } }'), 8);
    assert.equal(sentryNextMajor('{ "dependencies": { "@sentry/nextjs": "~7.120.0" } }'), 7);
    assert.equal(sentryNextMajor('{ "dependencies": { "@sentry/nextjs": "latest" } }'), undefined);
    assert.equal(sentryNextMajor('{ "dependencies": { "@sentry/react": "9.0.0" } }'), undefined);
  });

  it('with SDK 8+, a server or edge config nothing imports never runs; the client config does', async () => {
    const found = await scan({
      'package.json': '{ "dependencies": { "@sentry/nextjs": "9.13.0", "next": "15.0.0" } }',
      'sentry.server.config.ts': init,
      'sentry.edge.config.ts': init,
      'sentry.client.config.ts': init,
    });
    assert.deepEqual(found, [
      ['sentry.client.config.ts', 'production', undefined],
      ['sentry.edge.config.ts', 'unreachable', '@sentry/nextjs 8 and later run sentry.edge.config.ts only from instrumentation.ts, and no file imports it'],
      ['sentry.server.config.ts', 'unreachable', '@sentry/nextjs 8 and later run sentry.server.config.ts only from instrumentation.ts, and no file imports it'],
    ]);
  });

  it('an instrumentation hook that imports the config, and SDK 7 (which injects it), keep it running', async () => {
    const hooked = await scan({
      'package.json': '{ "dependencies": { "@sentry/nextjs": "^8.40.0" } }',
      'src/sentry.server.config.ts': init,
      'src/instrumentation.ts': "export async function register() {\n  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./sentry.server.config');\n}\n",
    });
    assert.deepEqual(hooked, [['src/sentry.server.config.ts', 'production', undefined]]);
    const injected = await scan({
      'package.json': '{ "dependencies": { "@sentry/nextjs": "^7.100.0" } }',
      'sentry.server.config.ts': init,
    });
    assert.deepEqual(injected, [['sentry.server.config.ts', 'production', undefined]]);
  });
});
