// The @vscode/test-electron suite (like lsp-sample's): downloads a desktop VS Code, starts it with this
// repository as the extension under development and runs the mocha suite in suite/ inside its extension
// host, on a scratch copy of test-fixtures/demo-clinic.
//   npm run test:vscode
// It needs to download VS Code from update.code.visualstudio.com, which the project's build machines
// cannot reach, so it does not run in CI there (the code-server e2e test does, see client/README.md).
// With a local VS Code, point VSCODE_EXECUTABLE at its binary and nothing is downloaded.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const outDir = path.join(root, 'out', 'integration');
  // The extension host loads plain JavaScript: bundle the suite (vscode and mocha stay external).
  await build({
    entryPoints: [path.join(__dirname, 'suite/index.ts'), path.join(__dirname, 'suite/extension.test.ts')],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  const scratch = mkdtempSync(path.join(tmpdir(), 'phi-guard-vscode-'));
  const workspace = path.join(scratch, 'demo-clinic');
  cpSync(path.join(root, 'test-fixtures/demo-clinic'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      extensionTestsEnv: { PHI_GUARD_TEST_SCRATCH: scratch },
      launchArgs: [
        workspace,
        '--disable-extensions', // other extensions only; PHI Guard is the one under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('PHI Guard VS Code integration tests failed:', error);
  process.exit(1);
});
