// `phi-guard init`: writes a starter .phi-guard.json (JSON with comments) into the current folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from './args';
import { INIT_OPTIONS } from './commands';
import { EXIT_OK } from './errors';
import { initHelp } from './help';
import { writeAll, type CliIo } from './io';

export const STARTER_CONFIG = `{
  // PHI Guard configuration: https://github.com/phi-guard/phi-guard#configuration-phi-guardjson
  "rules": {
    // "no-phi-in-logs": "error"          (error | warning | note | off)
  },
  // Names that carry PHI in this codebase, mapped to a kind (phi-guard explain lists the kinds).
  "phiNames": {},
  // Names that are never PHI here.
  "notPhiNames": [],
  // Your redaction / encryption helpers (redact, mask, encrypt, hash, tokenize… are known already).
  "sanitizers": [],
  // Extra files to skip (gitignore syntax); .gitignore is honoured already.
  "ignore": []
}
`;

export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, INIT_OPTIONS, 'init');
  if (parsed.flags.has('help')) {
    await writeAll(io.stdout, initHelp());
    return EXIT_OK;
  }
  const target = path.join(io.cwd, '.phi-guard.json');
  if (fs.existsSync(target) && !parsed.flags.has('force')) {
    throw new UsageError('.phi-guard.json already exists here (use --force to overwrite it).', 'init');
  }
  fs.writeFileSync(target, STARTER_CONFIG);
  await writeAll(io.stdout, `Wrote ${target}\n`);
  return EXIT_OK;
}
