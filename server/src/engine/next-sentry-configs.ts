// Sentry's Next.js SDK loads its server and edge configuration files in two ways, by version. Up to version 7 its
// webpack plugin injected `sentry.server.config.ts` and `sentry.edge.config.ts` into every server and edge bundle.
// From version 8 it does not: they run only where the app's `instrumentation.ts` imports them from its `register()`
// hook. A `Sentry.init` there that nothing imports never runs, so what it would send is not an exposure: its findings
// get the `unreachable` role. The client config (`sentry.client.config.ts`) is still injected, and left alone.
import * as path from 'node:path';
import type { Finding } from '../core/types';
import { PACKAGE_MANIFEST_NAME } from '../shared/file-kinds';
import { readSmallTextFile } from './read';

const RUNTIME_CONFIG_FILE = /(?:^|\/)(sentry\.(?:server|edge)\.config)\.[cm]?[jt]s$/;
const MAX_MANIFEST_BYTES = 256 * 1024;
/** The first SDK major version that no longer injects the runtime configs. */
const FIRST_INSTRUMENTATION_HOOK_MAJOR = 8;

/** The major version of `@sentry/nextjs` a manifest depends on (`"9.13.0"`, `"^8.2.1"`), or undefined when it does not say. */
export function sentryNextMajor(manifestText: string): number | undefined {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestText) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const field of ['dependencies', 'devDependencies']) {
    const range = (manifest?.[field] as Record<string, unknown> | undefined)?.['@sentry/nextjs'];
    if (typeof range !== 'string') continue;
    const major = /^\s*[\^~>=v]*\s*(\d+)\./.exec(range)?.[1];
    return major === undefined ? undefined : Number(major);
  }
  return undefined;
}

/** The `@sentry/nextjs` major of the nearest manifest declaring it, from a file's folder up to the scan root. */
function majorFor(absPath: string, root: string, cache: Map<string, number | undefined>): number | undefined {
  const top = path.resolve(root);
  let folder = path.dirname(path.resolve(absPath));
  const visited: string[] = [];
  let major: number | undefined;
  for (;;) {
    if (cache.has(folder)) {
      major = cache.get(folder);
      break;
    }
    visited.push(folder);
    const text = readSmallTextFile(path.join(folder, PACKAGE_MANIFEST_NAME), MAX_MANIFEST_BYTES);
    major = text === undefined ? undefined : sentryNextMajor(text);
    if (major !== undefined || folder === top || !folder.startsWith(top + path.sep)) break;
    folder = path.dirname(folder);
  }
  for (const seen of visited) cache.set(seen, major);
  return major;
}

/**
 * Marks findings in `sentry.server.config.*` / `sentry.edge.config.*` unreachable when the package's `@sentry/nextjs`
 * is version 8 or later and no other file of the scan names the config (an `instrumentation.ts` import, static or
 * dynamic). Only for a scan that covers the project whole (`complete`); `texts` are the scanned files' texts.
 */
export function markUnloadedSentryConfigs(findings: Finding[], root: string, complete: boolean, texts: ReadonlyMap<string, string>): number {
  if (!complete) return 0;
  const candidates = findings.filter((finding) => (finding.role === undefined || finding.role === 'production' || finding.role === 'script') && RUNTIME_CONFIG_FILE.test(finding.file));
  if (candidates.length === 0) return 0;
  const cache = new Map<string, number | undefined>();
  const unloadedByFile = new Map<string, boolean>();
  let marked = 0;
  for (const finding of candidates) {
    let unloaded = unloadedByFile.get(finding.file);
    if (unloaded === undefined) {
      const configName = RUNTIME_CONFIG_FILE.exec(finding.file)![1];
      const major = majorFor(path.join(root, finding.file), root, cache);
      const named = [...texts].some(([file, text]) => file !== finding.file && text.includes(configName));
      unloaded = major !== undefined && major >= FIRST_INSTRUMENTATION_HOOK_MAJOR && !named;
      unloadedByFile.set(finding.file, unloaded);
    }
    if (!unloaded) continue;
    finding.role = 'unreachable';
    finding.roleReason = `@sentry/nextjs 8 and later run ${path.posix.basename(finding.file)} only from instrumentation.ts, and no file imports it`;
    marked++;
  }
  return marked;
}
