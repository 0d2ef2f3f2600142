// The services a Docker Compose file beside a file (in its folder or a folder above it, up to the config's base)
// declares. Compose puts its services on a network of their own, where each one is reached by its service name
// (`http://fhir:8080`), its `container_name` or its `hostname`; a single-label host that is one of them is a
// container of the same stack, not a host across a network: connections, not strings (no-cleartext-transport).
// A cluster's service (`http://backend` in a Kubernetes or NAIS manifest) is not declared by a compose file and
// stays a remote host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSmallTextFile } from './read';

/** `docker-compose.yml`, `docker-compose.cicd.yml`, `compose.yaml`, `docker-compose.override.yaml`. */
const COMPOSE_FILE = /^(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$/i;
const MAX_COMPOSE_BYTES = 512 * 1024;

/**
 * The names a compose file's services are reached by on its network: the keys under the top-level `services:`
 * and their `container_name`, `hostname` and network `aliases`. A light reading of the YAML (indentation only):
 * what it cannot read it leaves out, so a URL stays a finding.
 */
export function composeServiceNames(text: string): string[] {
  const names = new Set<string>();
  const lines = text.split(/\r?\n/);
  let inServices = false;
  let serviceIndent = -1;
  let inAliases = -1;
  for (const line of lines) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inServices = /^services\s*:\s*(#.*)?$/.test(line);
      serviceIndent = -1;
      inAliases = -1;
      continue;
    }
    if (!inServices) continue;
    if (serviceIndent < 0) serviceIndent = indent;
    if (indent === serviceIndent) {
      const key = /^\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*:\s*(#.*)?$/.exec(line);
      if (key) names.add(key[1].toLowerCase());
      inAliases = -1;
      continue;
    }
    if (indent < serviceIndent) continue;
    const named = /^\s*(?:container_name|hostname)\s*:\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*(#.*)?$/.exec(line);
    if (named) names.add(named[1].toLowerCase());
    if (/^\s*aliases\s*:\s*$/.test(line)) {
      inAliases = indent;
      continue;
    }
    if (inAliases >= 0) {
      const alias = /^\s*-\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*$/.exec(line);
      if (alias && indent >= inAliases) names.add(alias[1].toLowerCase());
      else if (indent <= inAliases) inAliases = -1;
    }
  }
  return [...names].sort();
}

/** Per folder, the service names of the compose files in it and in the folders above it, up to a base folder. Cached. */
export class ComposeServicesFinder {
  private readonly byFolder = new Map<string, readonly string[]>();

  servicesFor(absPath: string, baseDir: string): readonly string[] {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (folder !== base && !folder.startsWith(base + path.sep)) return [];
    return this.forFolder(folder, base);
  }

  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string, base: string): readonly string[] {
    const known = this.byFolder.get(folder);
    if (known) return known;
    const above = folder !== base && path.dirname(folder) !== folder ? this.forFolder(path.dirname(folder), base) : [];
    let own: string[] = [];
    try {
      for (const entry of fs.readdirSync(folder)) {
        if (!COMPOSE_FILE.test(entry)) continue;
        const text = readSmallTextFile(path.join(folder, entry), MAX_COMPOSE_BYTES);
        if (text !== undefined) own.push(...composeServiceNames(text));
      }
    } catch {
      own = [];
    }
    const services = own.length ? [...new Set([...above, ...own])].sort() : above;
    this.byFolder.set(folder, services);
    return services;
  }
}
