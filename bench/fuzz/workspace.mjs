// Writes one fuzz input to disk: files (bytes), folders, FIFOs and symbolic links. Shared by the scan
// worker (in-process runs) and the CLI checks, so both see the same workspace.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * entries: [{ name, bytes } | { name, kind: 'dir' } | { name, kind: 'fifo' } | { name, kind: 'symlink', target }]
 * (a symlink target is used as given: relative to the link's folder, or absolute).
 */
export function materialize(dir, entries) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of entries) {
    const absPath = path.join(dir, entry.name);
    fs.mkdirSync(path.dirname(absPath), { recursive: true });
    switch (entry.kind ?? 'file') {
      case 'file':
        fs.writeFileSync(absPath, entry.bytes);
        break;
      case 'dir':
        fs.mkdirSync(absPath, { recursive: true });
        break;
      case 'fifo':
        execFileSync('mkfifo', [absPath]);
        break;
      case 'symlink':
        fs.symlinkSync(entry.target, absPath);
        break;
      default:
        throw new Error(`unknown entry kind ${entry.kind}`);
    }
  }
}

/** The entries as plain data for postMessage / meta.json (bytes stay Uint8Array for the worker). */
export function describeEntries(entries) {
  return entries.map((entry) => ({ name: entry.name, kind: entry.kind ?? 'file', ...(entry.target ? { target: entry.target } : {}), ...(entry.bytes ? { bytes: entry.bytes.length } : {}) }));
}
