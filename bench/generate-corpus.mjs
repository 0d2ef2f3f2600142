#!/usr/bin/env node
// Writes a synthetic corpus in the shapes of a real healthcare TypeScript monorepo, for the benchmark:
// services, Express routes, React components (.tsx), FHIR resource handling (Medplum, @medplum/fhirtypes),
// Mongoose schemas and TypeORM entities, utils, a little legacy JavaScript, and JSON (configs, FHIR
// fixtures, message catalogues). Mostly safe code, with a realistic low density of leaks.
//
// Deterministic: a seeded PRNG (mulberry32, one stream per file), no Math.random, no dates, no
// environment. The same seed and options always give byte-identical files; the content hash printed at
// the end (sha256 over sorted "path\0content\0") proves it.
//
//   node bench/generate-corpus.mjs [outDir] [--files 2000] [--seed 1171] [--quiet]
//
// outDir defaults to .bench-corpus/ (git-ignored). An existing outDir is replaced only if it is empty or
// holds this generator's stamp file (.corpus.stamp), so a mistyped path never wipes a real folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 1171;
export const DEFAULT_FILES = 2000;
export const STAMP_FILE = '.corpus.stamp';
export const DEFAULT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.bench-corpus');

// ---------------------------------------------------------------------------------------------- PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  sample(items, n) {
    const copy = items.slice();
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ------------------------------------------------------------------------------------------ vocabulary

const MODULES = [
  'scheduling', 'billing', 'intake', 'labs', 'pharmacy', 'referrals', 'portal', 'messaging', 'claims',
  'eligibility', 'telehealth', 'care-plans', 'immunizations', 'documents', 'inventory', 'staffing',
  'reporting', 'notifications', 'identity', 'audit', 'triage', 'discharge', 'radiology', 'behavioral-health',
];
const ENTITIES = [
  'Patient', 'Appointment', 'Encounter', 'Observation', 'Prescription', 'Claim', 'Coverage', 'Provider',
  'Facility', 'Slot', 'LabOrder', 'Immunization', 'Allergy', 'CarePlan', 'Referral', 'Invoice', 'Task',
  'Consent', 'Device', 'Questionnaire', 'Message', 'Document', 'Visit', 'Admission', 'Vital', 'Payer',
];
const FHIR_TYPES = [
  'Patient', 'Observation', 'Condition', 'MedicationRequest', 'Encounter', 'AllergyIntolerance',
  'DiagnosticReport', 'Immunization', 'Coverage', 'Procedure', 'CarePlan', 'ServiceRequest', 'Appointment',
  'DocumentReference', 'Practitioner', 'Organization', 'Location', 'Claim',
];
const CODE_SYSTEMS = [
  'http://loinc.org', 'http://snomed.info/sct', 'http://hl7.org/fhir/sid/icd-10-cm',
  'http://www.nlm.nih.gov/research/umls/rxnorm', 'http://hl7.org/fhir/sid/cvx', 'http://www.ama-assn.org/go/cpt',
  'http://terminology.hl7.org/CodeSystem/observation-category', 'http://unitsofmeasure.org',
];
// [name, type, phi kind or null]
const PHI_FIELDS = [
  ['firstName', 'string'], ['lastName', 'string'], ['dateOfBirth', 'string'], ['ssn', 'string'],
  ['mrn', 'string'], ['email', 'string'], ['phone', 'string'], ['addressLine1', 'string'], ['postalCode', 'string'],
  ['diagnosis', 'string'], ['clinicalNotes', 'string'], ['insuranceMemberId', 'string'], ['allergies', 'string[]'],
  ['medications', 'string[]'], ['admissionDate', 'string'], ['dischargeDate', 'string'],
];
const SAFE_FIELDS = [
  ['id', 'string'], ['tenantId', 'string'], ['facilityId', 'string'], ['status', "'active' | 'inactive' | 'pending'"],
  ['createdAt', 'Date'], ['updatedAt', 'Date'], ['version', 'number'], ['isActive', 'boolean'],
  ['hasAllergy', 'boolean'], ['isPatientSelected', 'boolean'], ['priority', 'number'], ['code', 'string'],
  ['sortOrder', 'number'], ['retryCount', 'number'], ['lastSyncedAt', 'Date'], ['source', 'string'],
  ['channel', "'sms' | 'email' | 'portal'"], ['resourceType', 'string'], ['externalRef', 'string'], ['locale', 'string'],
];
const VERBS = ['load', 'fetch', 'sync', 'refresh', 'resolve', 'compute', 'validate', 'normalize', 'build', 'apply', 'merge', 'collect'];
const NOUNS = ['Summary', 'Totals', 'Window', 'Batch', 'Snapshot', 'Status', 'Metrics', 'Options', 'Filters', 'Queue', 'Digest', 'Schedule'];
const WORDS = [
  'appointment', 'reminder', 'visit', 'schedule', 'clinic', 'provider', 'coverage', 'claim', 'invoice', 'result',
  'order', 'message', 'consent', 'document', 'referral', 'intake', 'triage', 'status', 'review', 'summary',
];
const HTTPS_HOSTS = ['api.payer-gateway.example', 'fhir.hospital.example', 'labs.partner.example', 'eligibility.clearinghouse.example'];

const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s) => s.split(/[-_\s]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const plural = (s) => (s.endsWith('y') ? `${s.slice(0, -1)}ies` : s.endsWith('s') ? `${s}es` : `${s}s`);

// ------------------------------------------------------------------------------------------ leaks

/** Statements that leak; `v` is a variable holding a PHI-bearing record. Counted by kind. */
const CODE_LEAKS = [
  ['log', (v) => `console.log('debug record', ${v}.ssn);`],
  ['log', (v) => `this.logger.info(\`loaded \${${v}.firstName} \${${v}.lastName}\`);`],
  ['log', (v) => `logger.debug('record', { dob: ${v}.dateOfBirth, diagnosis: ${v}.diagnosis });`],
  ['storage', (v) => `localStorage.setItem('cached-record', JSON.stringify(${v}));`],
  ['storage', (v) => `sessionStorage.setItem('dob', ${v}.dateOfBirth);`],
  ['url', (v) => `void fetch(\`/api/lookup?mrn=\${${v}.mrn}&dob=\${${v}.dateOfBirth}\`);`],
  ['cleartext', () => `void fetch('http://legacy-feed.partner.example/v1/events');`],
  ['tls', () => `const insecureAgent = new https.Agent({ rejectUnauthorized: false });`],
  ['third-party', (v) => `analytics.track('Record Viewed', { diagnosis: ${v}.diagnosis });`],
  ['error', (v) => `if (!${v}.id) throw new Error(\`Missing id for \${${v}.email}\`);`],
  ['hash', (v) => `const lookupKey = createHash('sha1').update(${v}.ssn).digest('hex');`],
];
const JSON_LEAKS = [
  ['cleartext', '"callbackUrl": "http://hooks.partner.example/notify"'],
  ['transport', '"ssl": false'],
  ['tls', '"rejectUnauthorized": false'],
];

// --------------------------------------------------------------------------------------- code pieces

class FileWriter {
  constructor(rng, stats) {
    this.r = rng;
    this.stats = stats;
    /** Planted leaks of this file: { line (1-based), kind }. */
    this.planted = [];
    this.lines = [];
    this.seq = 0;
  }
  push(...lines) {
    for (const l of lines) this.lines.push(l);
  }
  get size() {
    let n = 0;
    for (const l of this.lines) n += l.length + 1;
    return n;
  }
  uid(base) {
    this.seq += 1;
    return `${base}${this.seq}`;
  }
  /** Maybe a leak statement (indent, variable). Low density: about one per 30–40 methods. */
  maybeLeak(indent, v, p = 0.018, prelude) {
    if (!this.r.chance(p)) return;
    const [kind, make] = this.r.pick(CODE_LEAKS);
    this.stats.leaks[kind] = (this.stats.leaks[kind] ?? 0) + 1;
    if (prelude) this.push(indent + prelude);
    this.planted.push({ line: this.lines.length + 1, kind });
    this.push(indent + make(v));
  }
  text() {
    return `${this.lines.join('\n')}\n`;
  }
}

function fieldsFor(r, n = r.int(6, 14)) {
  const phi = r.sample(PHI_FIELDS, r.int(1, Math.min(6, n - 2)));
  const safe = r.sample(SAFE_FIELDS.filter(([f]) => f !== 'id'), n - phi.length - 1);
  return [['id', 'string'], ...r.sample([...phi, ...safe], phi.length + safe.length)];
}

function interfaceBlock(w, name, fields) {
  w.push(`export interface ${name} {`);
  for (const [f, t] of fields) {
    if (w.r.chance(0.2)) w.push(`  /** ${pascal(kebab(f)).replace(/([A-Z])/g, ' $1').trim().toLowerCase()} as received from the upstream system. */`);
    w.push(`  ${f}${w.r.chance(0.25) ? '?' : ''}: ${t};`);
  }
  w.push('}', '');
}

function safeLog(w, indent, entity, v) {
  const r = w.r;
  const forms = [
    () => `${indent}this.logger.info('${lowerFirst(entity)} loaded', { id: ${v}.id });`,
    () => `${indent}this.logger.debug('cache miss', { entity: '${entity}', id: ${v}.id });`,
    () => `${indent}this.metrics.increment('${kebab(entity)}.loaded');`,
    () => `${indent}this.logger.info(\`${entity} \${${v}.id} updated (version \${${v}.version ?? 0})\`);`,
    () => `${indent}this.logger.info('${lowerFirst(entity)} masked', { ssn: redact(${v}.ssn) });`,
  ];
  w.push(r.pick(forms)());
}

function serviceMethod(w, entity) {
  const r = w.r;
  const E = entity;
  const v = lowerFirst(E);
  const kind = r.int(0, 6);
  const name = w.uid(`${r.pick(VERBS)}${E}${r.pick(NOUNS)}`);
  if (kind === 0) {
    w.push(
      `  async ${name}(id: string, options: FindOptions = {}): Promise<${E} | undefined> {`,
      `    const cacheKey = \`${kebab(E)}:\${this.tenantId}:\${id}\`;`,
      `    const cached = this.cache.get<${E}>(cacheKey);`,
      `    if (cached && !options.bypassCache) {`,
      `      this.metrics.increment('cache.hit', { entity: '${E}' });`,
      `      return cached;`,
      `    }`,
      `    const ${v} = await this.repository.findOne({ where: { id, tenantId: this.tenantId } });`,
      `    if (!${v}) {`,
      `      this.logger.warn('${E} not found', { id });`,
      `      return undefined;`,
      `    }`,
    );
    safeLog(w, '    ', E, v);
    w.maybeLeak('    ', v);
    w.push(`    this.cache.set(cacheKey, ${v}, ${r.pick([30, 60, 300, 900])});`, `    return ${v};`, '  }', '');
  } else if (kind === 1) {
    w.push(
      `  async ${name}(query: ListQuery): Promise<Page<${E}>> {`,
      `    const pageSize = Math.min(query.pageSize ?? ${r.pick([20, 25, 50])}, ${r.pick([100, 200])});`,
      `    const offset = Math.max(0, (query.page ?? 0) * pageSize);`,
      `    const where: Record<string, unknown> = { tenantId: this.tenantId };`,
      `    if (query.status) where.status = query.status;`,
      `    if (query.since) where.updatedAt = { $gte: new Date(query.since) };`,
      `    const [items, total] = await Promise.all([`,
      `      this.repository.find({ where, skip: offset, take: pageSize, order: { ${r.pick(['updatedAt', 'createdAt', 'sortOrder'])}: 'DESC' } }),`,
      `      this.repository.count({ where }),`,
      `    ]);`,
      `    const patientCount = items.length;`,
      `    this.logger.info('listed ${plural(v)}', { patientCount, total, page: query.page ?? 0 });`,
    );
    w.maybeLeak('    ', 'first', undefined, 'const first = items[0];');
    w.push(`    return { items, total, page: query.page ?? 0, pageSize, hasMore: offset + items.length < total };`, '  }', '');
  } else if (kind === 2) {
    const fields = r.sample(PHI_FIELDS.filter(([, t]) => t === 'string'), r.int(2, 4));
    w.push(`  async ${name}(input: Create${E}Input, actor: Actor): Promise<${E}> {`, `    const errors: string[] = [];`);
    for (const [f] of fields) {
      w.push(`    if (!input.${f} || input.${f}.trim().length === 0) errors.push('${f} is required');`);
    }
    if (fields.some(([f]) => f === 'ssn')) w.push(`    if (input.ssn && !SSN_PATTERN.test(input.ssn)) errors.push('ssn has the wrong format');`);
    if (fields.some(([f]) => f === 'dateOfBirth')) w.push(`    if (input.dateOfBirth && !isValidDate(input.dateOfBirth, DOB_FORMAT)) errors.push('dateOfBirth must be ' + DOB_FORMAT);`);
    w.push(
      `    if (errors.length > 0) {`,
      `      this.logger.warn('rejected ${lowerFirst(E)} input', { errorCount: errors.length, actor: actor.id });`,
      `      throw new ValidationError(errors);`,
      `    }`,
      `    const ${v} = this.repository.create({ ...input, tenantId: this.tenantId, createdBy: actor.id, version: 1 });`,
    );
    w.maybeLeak('    ', v, 0.04);
    w.push(
      `    await this.repository.save(${v});`,
      `    await this.audit.record({ action: 'create', entity: '${E}', entityId: ${v}.id, actorId: actor.id });`,
      `    this.events.emit('${kebab(E)}.created', { id: ${v}.id });`,
      `    return ${v};`,
      '  }',
      '',
    );
  } else if (kind === 3) {
    w.push(
      `  async ${name}(id: string, patch: Partial<${E}>, actor: Actor): Promise<${E}> {`,
      `    const existing = await this.repository.findOneOrFail({ where: { id, tenantId: this.tenantId } });`,
      `    const changed = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== (existing as Record<string, unknown>)[key]);`,
      `    if (changed.length === 0) return existing;`,
      `    const next = { ...existing, ...patch, version: (existing.version ?? 0) + 1, updatedAt: new Date() };`,
      `    await this.repository.save(next);`,
      `    await this.audit.record({ action: 'update', entity: '${E}', entityId: id, actorId: actor.id, fields: changed });`,
      `    this.logger.info('${lowerFirst(E)} updated', { id, changedCount: changed.length });`,
    );
    w.maybeLeak('    ', 'next');
    w.push(`    return next;`, '  }', '');
  } else if (kind === 4) {
    const num = r.pick(['priority', 'retryCount', 'version', 'sortOrder']);
    w.push(
      `  ${name}(items: ${E}[]): Record<string, number> {`,
      `    const byStatus: Record<string, number> = {};`,
      `    for (const item of items) {`,
      `      const key = String(item.status ?? 'unknown');`,
      `      byStatus[key] = (byStatus[key] ?? 0) + 1;`,
      `    }`,
      `    const total = items.reduce((sum, item) => sum + Number(item.${num} ?? 0), 0);`,
      `    const hasAllergy = items.some((item) => Array.isArray((item as { allergies?: string[] }).allergies) && ((item as { allergies?: string[] }).allergies ?? []).length > 0);`,
      `    this.logger.debug('aggregated', { groups: Object.keys(byStatus).length, total, hasAllergy });`,
      `    return { ...byStatus, total };`,
      '  }',
      '',
    );
  } else if (kind === 5) {
    const host = r.pick(HTTPS_HOSTS);
    w.push(
      `  async ${name}(id: string): Promise<void> {`,
      `    const ${v} = await this.repository.findOneOrFail({ where: { id } });`,
      `    const payload = { id: ${v}.id, status: ${v}.status, updatedAt: ${v}.updatedAt };`,
      `    for (let attempt = 1; attempt <= ${r.int(2, 5)}; attempt += 1) {`,
      `      try {`,
      `        await this.http.post('https://${host}/v2/${plural(kebab(E))}/' + encodeURIComponent(${v}.id), payload, { timeout: ${r.pick([5000, 10000, 15000])} });`,
      `        return;`,
      `      } catch (err) {`,
      `        this.logger.warn('push failed', { id: ${v}.id, attempt, code: (err as { code?: string }).code });`,
      `        await sleep(${r.pick([250, 500, 1000])} * attempt);`,
      `      }`,
      `    }`,
    );
    w.maybeLeak('    ', v);
    w.push(`    throw new RetryExhaustedError('${E}', id);`, '  }', '');
  } else {
    w.push(
      `  ${name}(${v}: ${E}): ${E}Dto {`,
      `    return {`,
      `      id: ${v}.id,`,
      `      status: ${v}.status ?? 'pending',`,
      `      displayName: [${v}.firstName, ${v}.lastName].filter(Boolean).join(' '),`,
      `      age: ${v}.dateOfBirth ? yearsBetween(new Date(${v}.dateOfBirth), new Date()) : undefined,`,
      `      maskedSsn: ${v}.ssn ? maskSsn(${v}.ssn) : undefined,`,
      `      updatedAt: ${v}.updatedAt?.toISOString(),`,
      `    };`,
      '  }',
      '',
    );
  }
}

function serviceFile(w, mod) {
  const r = w.r;
  const E = r.pick(ENTITIES);
  w.push(
    `import { createHash } from 'node:crypto';`,
    `import https from 'node:https';`,
    `import type { Repository } from 'typeorm';`,
    `import { analytics } from '@${mod}/telemetry';`,
    `import { logger, type Logger } from '@clinic/logging';`,
    `import { maskSsn, redact } from '@clinic/phi';`,
    `import { DOB_FORMAT, SSN_PATTERN, isValidDate, sleep, yearsBetween } from '@clinic/util';`,
    `import type { Actor, AuditTrail, Cache, EventBus, FindOptions, HttpClient, ListQuery, Metrics, Page } from '@clinic/core';`,
    `import { RetryExhaustedError, ValidationError } from '@clinic/core';`,
    '',
  );
  // The methods below (DTO mapping, validation, and the planted leaks) read these fields, so the entity
  // declares them: a leak through a field the type does not have would not be a fair test.
  const needed = ['firstName', 'lastName', 'dateOfBirth', 'ssn', 'mrn', 'email', 'diagnosis'];
  const fields = fieldsFor(r).filter(([f]) => !needed.includes(f));
  interfaceBlock(w, E, [...fields, ...needed.map((f) => [f, 'string']), ['version', 'number']].filter((f, i, all) => all.findIndex(([n]) => n === f[0]) === i));
  w.push(`export type Create${E}Input = Omit<${E}, 'id' | 'createdAt' | 'updatedAt'>;`, '');
  w.push(`export interface ${E}Dto {`, `  id: string;`, `  status: string;`, `  displayName: string;`, `  age?: number;`, `  maskedSsn?: string;`, `  updatedAt?: string;`, `}`, '');
  w.push(
    `/** ${pascal(mod)}: ${lowerFirst(E)} persistence, caching and partner sync. */`,
    `export class ${E}${r.pick(['Service', 'Manager', 'Repository', 'Facade'])} {`,
    `  constructor(`,
    `    private readonly repository: Repository<${E}>,`,
    `    private readonly cache: Cache,`,
    `    private readonly http: HttpClient,`,
    `    private readonly audit: AuditTrail,`,
    `    private readonly events: EventBus,`,
    `    private readonly metrics: Metrics,`,
    `    private readonly tenantId: string,`,
    `    private readonly logger: Logger = logger.child({ module: '${mod}' }),`,
    `  ) {}`,
    '',
  );
  return { close: () => w.push('}', ''), method: () => serviceMethod(w, E) };
}

function routeFile(w, mod) {
  const r = w.r;
  const E = r.pick(ENTITIES);
  const base = plural(kebab(E));
  w.push(
    `import { Router, type NextFunction, type Request, type Response } from 'express';`,
    `import { z } from 'zod';`,
    `import { requireAuth, requireScope } from '../middleware/auth';`,
    `import { logger } from '@clinic/logging';`,
    `import { redact } from '@clinic/phi';`,
    `import { ${lowerFirst(E)}Service } from '../services';`,
    '',
    `export const ${lowerFirst(E)}Router = Router();`,
    '',
    `const listSchema = z.object({ page: z.coerce.number().int().min(0).default(0), status: z.string().optional(), since: z.string().datetime().optional() });`,
    '',
  );
  const method = () => {
    const kind = r.int(0, 3);
    const scope = `${mod}:${r.pick(['read', 'write', 'admin'])}`;
    if (kind === 0) {
      w.push(
        `${lowerFirst(E)}Router.get('/${base}/:id', requireAuth, requireScope('${scope}'), async (req: Request, res: Response, next: NextFunction) => {`,
        `  try {`,
        `    const record = await ${lowerFirst(E)}Service.findById(req.params.id);`,
        `    if (!record) {`,
        `      res.status(404).json({ error: 'not_found' });`,
        `      return;`,
        `    }`,
        `    logger.info('read ${lowerFirst(E)}', { id: record.id, actor: req.user?.id });`,
      );
      w.maybeLeak('    ', 'record');
      w.push(`    res.json(${lowerFirst(E)}Service.toDto(record));`, `  } catch (err) {`, `    next(err);`, `  }`, `});`, '');
    } else if (kind === 1) {
      w.push(
        `${lowerFirst(E)}Router.get('/${base}', requireAuth, async (req: Request, res: Response, next: NextFunction) => {`,
        `  const parsed = listSchema.safeParse(req.query);`,
        `  if (!parsed.success) {`,
        `    res.status(400).json({ error: 'invalid_query', issues: parsed.error.issues.map((i) => i.path.join('.')) });`,
        `    return;`,
        `  }`,
        `  try {`,
        `    const page = await ${lowerFirst(E)}Service.list(parsed.data);`,
        `    res.setHeader('X-Total-Count', String(page.total));`,
        `    res.json(page);`,
        `  } catch (err) {`,
        `    next(err);`,
        `  }`,
        `});`,
        '',
      );
    } else if (kind === 2) {
      w.push(
        `${lowerFirst(E)}Router.post('/${base}', requireAuth, requireScope('${scope}'), async (req: Request, res: Response, next: NextFunction) => {`,
        `  try {`,
        `    const created = await ${lowerFirst(E)}Service.create(req.body, req.user!);`,
        `    logger.info('created ${lowerFirst(E)}', { id: created.id });`,
      );
      w.maybeLeak('    ', 'created');
      w.push(`    res.status(201).location(\`/${base}/\${created.id}\`).json({ id: created.id });`, `  } catch (err) {`, `    next(err);`, `  }`, `});`, '');
    } else {
      w.push(
        `${lowerFirst(E)}Router.patch('/${base}/:id', requireAuth, async (req: Request, res: Response, next: NextFunction) => {`,
        `  const { version, ...patch } = req.body as { version?: number } & Record<string, unknown>;`,
        `  try {`,
        `    const updated = await ${lowerFirst(E)}Service.update(req.params.id, patch, req.user!, version);`,
        `    logger.info('updated ${lowerFirst(E)}', { id: updated.id, fields: Object.keys(patch).length, note: redact(patch.clinicalNotes) });`,
        `    res.json({ id: updated.id, version: updated.version });`,
        `  } catch (err) {`,
        `    if ((err as { name?: string }).name === 'VersionConflict') {`,
        `      res.status(409).json({ error: 'version_conflict' });`,
        `      return;`,
        `    }`,
        `    next(err);`,
        `  }`,
        `});`,
        '',
      );
    }
  };
  return { close: () => {}, method };
}

function componentFile(w, mod) {
  const r = w.r;
  const E = r.pick(ENTITIES);
  const fields = fieldsFor(r, r.int(5, 9));
  const shown = fields.filter(([, t]) => t === 'string' || t === 'number').slice(0, 5);
  w.push(
    `import { useCallback, useEffect, useMemo, useState } from 'react';`,
    `import { Button, Spinner, Table, TextInput } from '@clinic/ui';`,
    `import { useApi } from '../../hooks/useApi';`,
    `import { analytics } from '../../telemetry';`,
    '',
  );
  interfaceBlock(w, `${E}Row`, fields);
  w.push(
    `const COLUMNS: Array<{ key: keyof ${E}Row; label: string }> = [`,
    ...shown.map(([f]) => `  { key: '${f}', label: '${pascal(kebab(f)).replace(/([A-Z])/g, ' $1').trim()}' },`),
    `];`,
    '',
  );
  const method = () => {
    const name = w.uid(`${E}${r.pick(['List', 'Panel', 'Card', 'Table', 'Summary', 'Editor', 'Picker'])}`);
    w.push(
      `export function ${name}({ tenantId, onSelect }: { tenantId: string; onSelect?: (row: ${E}Row) => void }) {`,
      `  const api = useApi();`,
      `  const [rows, setRows] = useState<${E}Row[]>([]);`,
      `  const [query, setQuery] = useState('');`,
      `  const [page, setPage] = useState(0);`,
      `  const [loading, setLoading] = useState(false);`,
      `  const [isPatientSelected, setPatientSelected] = useState(false);`,
      '',
      `  useEffect(() => {`,
      `    let cancelled = false;`,
      `    setLoading(true);`,
      `    api`,
      `      .get<{ items: ${E}Row[] }>(\`/api/${mod}/${plural(kebab(E))}?page=\${page}&tenant=\${tenantId}\`)`,
      `      .then((data) => {`,
      `        if (!cancelled) setRows(data.items);`,
      `      })`,
      `      .finally(() => !cancelled && setLoading(false));`,
      `    return () => {`,
      `      cancelled = true;`,
      `    };`,
      `  }, [api, page, tenantId]);`,
      '',
      `  const filtered = useMemo(() => {`,
      `    const needle = query.trim().toLowerCase();`,
      `    return needle ? rows.filter((row) => String(row.status ?? '').toLowerCase().includes(needle)) : rows;`,
      `  }, [rows, query]);`,
      '',
      `  const select = useCallback(`,
      `    (row: ${E}Row) => {`,
      `      setPatientSelected(true);`,
      `      analytics.track('${E} Selected', { page, isPatientSelected: true, resultCount: filtered.length });`,
    );
    w.maybeLeak('      ', 'row', 0.05);
    w.push(
      `      onSelect?.(row);`,
      `    },`,
      `    [filtered.length, onSelect, page],`,
      `  );`,
      '',
      `  if (loading && rows.length === 0) return <Spinner label="Loading ${plural(lowerFirst(E))}" />;`,
      `  return (`,
      `    <section className="${kebab(name)}" data-selected={isPatientSelected}>`,
      `      <header className="toolbar">`,
      `        <TextInput value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter by status" />`,
      `        <Button onClick={() => setPage((p) => Math.max(0, p - 1))} disabled={page === 0}>`,
      `          Previous`,
      `        </Button>`,
      `        <Button onClick={() => setPage((p) => p + 1)}>Next</Button>`,
      `      </header>`,
      `      <Table>`,
      `        <thead>`,
      `          <tr>`,
      `            {COLUMNS.map((c) => (`,
      `              <th key={String(c.key)}>{c.label}</th>`,
      `            ))}`,
      `          </tr>`,
      `        </thead>`,
      `        <tbody>`,
      `          {filtered.map((row) => (`,
      `            <tr key={row.id} onClick={() => select(row)}>`,
      ...shown.map(([f]) => `              <td>{String(row.${f} ?? '')}</td>`),
      `            </tr>`,
      `          ))}`,
      `        </tbody>`,
      `      </Table>`,
      r.chance(0.3)
        ? `      <svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" aria-hidden="true"><path d="M2 6h8" /></svg>`
        : `      <footer>{filtered.length} of {rows.length}</footer>`,
      `    </section>`,
      `  );`,
      `}`,
      '',
    );
  };
  return { close: () => {}, method };
}

function fhirFile(w, mod) {
  const r = w.r;
  const types = r.sample(FHIR_TYPES, 4);
  w.push(
    `import { MedplumClient, getReferenceString, createReference } from '@medplum/core';`,
    `import type { Bundle, ${types.join(', ')}, Reference } from '@medplum/fhirtypes';`,
    `import { logger } from '@clinic/logging';`,
    '',
    ...CODE_SYSTEMS.slice(0, r.int(2, 5)).map((s, i) => `export const SYSTEM_${i} = '${s}';`),
    '',
  );
  const method = () => {
    const T = r.pick(types);
    const t = lowerFirst(T);
    const kind = r.int(0, 3);
    const name = w.uid(`${r.pick(VERBS)}${plural(T)}`);
    if (kind === 0) {
      w.push(
        `export async function ${name}(medplum: MedplumClient, patientId: string): Promise<${T}[]> {`,
        `  const results = await medplum.searchResources('${T}', {`,
        `    ${T === 'Patient' ? '_id' : 'patient'}: patientId,`,
        `    _count: '${r.pick([20, 50, 100])}',`,
        `    _sort: '-_lastUpdated',`,
        `  });`,
        `  logger.info('fhir search', { resourceType: '${T}', count: results.length });`,
      );
      w.maybeLeak('  ', 'first', undefined, 'const first = results[0] as unknown as Record<string, string>;');
      w.push(`  return results.filter((r) => r.meta?.versionId !== undefined);`, `}`, '');
    } else if (kind === 1) {
      const system = r.pick(CODE_SYSTEMS);
      w.push(
        `export function ${name}(resource: ${T}, system = '${system}'): string[] {`,
        `  const out: string[] = [];`,
        `  const visit = (value: unknown): void => {`,
        `    if (Array.isArray(value)) {`,
        `      value.forEach(visit);`,
        `    } else if (value && typeof value === 'object') {`,
        `      const coding = value as { system?: string; code?: string };`,
        `      if (coding.system === system && coding.code) out.push(coding.code);`,
        `      Object.values(value).forEach(visit);`,
        `    }`,
        `  };`,
        `  visit(resource);`,
        `  return [...new Set(out)].sort();`,
        `}`,
        '',
      );
    } else if (kind === 2) {
      w.push(
        `export async function ${name}(medplum: MedplumClient, id: string): Promise<Reference<${T}>> {`,
        `  const ${t} = await medplum.readResource('${T}', id);`,
        `  logger.debug('read', { id: ${t}.id, resourceType: ${t}.resourceType, version: ${t}.meta?.versionId });`,
      );
      if (T === 'Patient') w.maybeLeak('  ', t, 0.08);
      w.push(`  return createReference(${t});`, `}`, '');
    } else {
      w.push(
        `export function ${name}(bundle: Bundle): Map<string, ${T}> {`,
        `  const byRef = new Map<string, ${T}>();`,
        `  for (const entry of bundle.entry ?? []) {`,
        `    const resource = entry.resource;`,
        `    if (resource?.resourceType !== '${T}') continue;`,
        `    byRef.set(getReferenceString(resource), resource as ${T});`,
        `  }`,
        `  if (bundle.link?.some((l) => l.relation === 'next')) {`,
        `    logger.warn('bundle truncated', { total: bundle.total, received: byRef.size });`,
        `  }`,
        `  return byRef;`,
        `}`,
        '',
      );
    }
  };
  return { close: () => {}, method };
}

function modelFile(w, mod) {
  const r = w.r;
  const E = r.pick(ENTITIES);
  const fields = fieldsFor(r, r.int(8, 16));
  const mongoose = r.chance(0.5);
  if (mongoose) {
    w.push(`import { Schema, model, type InferSchemaType } from 'mongoose';`, `import { fieldEncryption } from 'mongoose-field-encryption';`, '');
    const name = w.uid(`${lowerFirst(E)}Schema`);
    w.push(`const ${name} = new Schema(`, `  {`);
    for (const [f, t] of fields) {
      if (f === 'id') continue;
      const type = t === 'number' ? 'Number' : t === 'boolean' ? 'Boolean' : t === 'Date' ? 'Date' : t.endsWith('[]') ? '[String]' : 'String';
      w.push(`    ${f}: { type: ${type}${r.chance(0.3) ? ', required: true' : ''}${r.chance(0.15) ? ', index: true' : ''} },`);
    }
    w.push(`  },`, `  { timestamps: true, collection: '${plural(kebab(E))}' },`, `);`, '');
    const enc = fields.filter(([f]) => PHI_FIELDS.some(([p]) => p === f)).map(([f]) => `'${f}'`);
    if (enc.length) w.push(`${name}.plugin(fieldEncryption, { fields: [${enc.join(', ')}], secret: process.env.FIELD_KEY ?? '' });`);
    w.push(`${name}.index({ tenantId: 1, updatedAt: -1 });`, '', `export type ${E}Doc = InferSchemaType<typeof ${name}>;`, `export const ${E}Model${w.seq} = model('${E}${w.seq}', ${name});`, '');
  } else {
    w.push(`import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';`, `import { encrypted } from '@clinic/db-crypto';`, '');
    w.push(`@Entity({ name: '${plural(kebab(E)).replace(/-/g, '_')}' })`, `@Index(['tenantId', 'updatedAt'])`, `export class ${E}Entity${w.uid('')} {`, `  @PrimaryGeneratedColumn('uuid')`, `  id!: string;`, '');
    for (const [f, t] of fields) {
      if (f === 'id') continue;
      const phi = PHI_FIELDS.some(([p]) => p === f);
      const colType = t === 'number' ? 'int' : t === 'boolean' ? 'boolean' : t === 'Date' ? 'timestamptz' : t.endsWith('[]') ? 'simple-array' : 'text';
      if (f === 'createdAt') w.push(`  @CreateDateColumn()`);
      else if (f === 'updatedAt') w.push(`  @UpdateDateColumn()`);
      else w.push(`  @Column({ type: '${colType}', nullable: ${r.chance(0.5)}${phi ? ', transformer: encrypted' : ''} })`);
      w.push(`  ${f}${r.chance(0.5) ? '?' : '!'}: ${t};`, '');
    }
    w.push('}', '');
  }
  return { close: () => {}, method: () => utilMethod(w) };
}

function utilMethod(w) {
  const r = w.r;
  const kind = r.int(0, 4);
  const name = w.uid(`${r.pick(['format', 'parse', 'compute', 'normalize', 'group', 'clamp', 'chunk', 'merge'])}${r.pick(NOUNS)}`);
  if (kind === 0) {
    w.push(
      `export function ${name}(input: string, width = ${r.int(8, 40)}): string {`,
      `  const trimmed = input.replace(/\\s+/g, ' ').trim();`,
      `  if (trimmed.length <= width) return trimmed;`,
      `  const cut = trimmed.lastIndexOf(' ', width - 1);`,
      `  return \`\${trimmed.slice(0, cut > 0 ? cut : width - 1)}…\`;`,
      `}`,
      '',
    );
  } else if (kind === 1) {
    w.push(
      `export function ${name}<T>(items: readonly T[], size = ${r.int(10, 500)}): T[][] {`,
      `  if (size <= 0) throw new RangeError('size must be positive');`,
      `  const out: T[][] = [];`,
      `  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));`,
      `  return out;`,
      `}`,
      '',
    );
  } else if (kind === 2) {
    w.push(
      `export function ${name}(from: Date, to: Date, stepMinutes = ${r.pick([5, 10, 15, 20, 30])}): Array<{ start: string; end: string }> {`,
      `  const slots: Array<{ start: string; end: string }> = [];`,
      `  for (let t = from.getTime(); t + stepMinutes * 60_000 <= to.getTime(); t += stepMinutes * 60_000) {`,
      `    slots.push({ start: new Date(t).toISOString(), end: new Date(t + stepMinutes * 60_000).toISOString() });`,
      `  }`,
      `  return slots;`,
      `}`,
      '',
    );
  } else if (kind === 3) {
    const keys = r.sample(WORDS, 4);
    w.push(
      `export function ${name}<T extends { status?: string }>(items: T[]): Record<string, T[]> {`,
      `  const groups: Record<string, T[]> = { ${keys.map((k) => `${k}: []`).join(', ')} };`,
      `  for (const item of items) {`,
      `    const key = item.status ?? 'other';`,
      `    (groups[key] ??= []).push(item);`,
      `  }`,
      `  return groups;`,
      `}`,
      '',
    );
  } else {
    w.push(
      `export function ${name}(value: number, min = ${r.int(0, 10)}, max = ${r.int(50, 500)}): number {`,
      `  if (Number.isNaN(value)) return min;`,
      `  return Math.min(max, Math.max(min, Math.round(value * 100) / 100));`,
      `}`,
      '',
    );
  }
}

function utilFile(w) {
  w.push(`// Small pure helpers shared across modules. No I/O here.`, '');
  if (w.r.chance(0.3)) {
    w.push(`export const DOB_FORMAT = 'YYYY-MM-DD';`, `export const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/;`, `export const emailTemplate = '${w.r.pick(WORDS)}-notice';`, '');
  }
  return { close: () => {}, method: () => utilMethod(w) };
}

function legacyJsFile(w, mod) {
  const r = w.r;
  w.push(`'use strict';`, `// Legacy ${mod} helpers, kept until the v1 API is retired.`, `const axios = require('axios');`, `const { logger } = require('../logging');`, '');
  const method = () => {
    const name = w.uid(`${r.pick(VERBS)}${r.pick(NOUNS)}`);
    w.push(
      `async function ${name}(client, id, opts) {`,
      `  const options = Object.assign({ retries: ${r.int(1, 4)}, timeout: ${r.pick([3000, 5000])} }, opts || {});`,
      `  const res = await axios.get('https://${r.pick(HTTPS_HOSTS)}/v1/${r.pick(WORDS)}/' + encodeURIComponent(id), { timeout: options.timeout });`,
      `  if (!res.data || !res.data.items) {`,
      `    logger.warn('empty response', { id: id, status: res.status });`,
      `    return [];`,
      `  }`,
    );
    w.maybeLeak('  ', 'res.data.items[0]');
    w.push(`  return res.data.items.map(function (item) { return { id: item.id, status: item.status }; });`, `}`, `module.exports.${name} = ${name};`, '');
  };
  return { close: () => {}, method };
}

// ---------------------------------------------------------------------------------------------- JSON

function jsonFile(r, stats, kind, targetBytes, planted) {
  if (kind === 'config') {
    const cfg = {
      service: r.pick(MODULES),
      port: r.int(3000, 9000),
      logLevel: r.pick(['info', 'warn', 'info']),
      database: { host: `db-${r.int(1, 9)}.internal.example`, port: 5432, name: r.pick(WORDS), pool: { min: 2, max: r.int(10, 50) } },
      upstreams: {},
      features: {},
      retry: { attempts: r.int(2, 6), backoffMs: r.pick([100, 250, 500]) },
    };
    const n = Math.max(2, Math.floor(targetBytes / 260));
    for (let i = 0; i < n; i += 1) cfg.upstreams[`${r.pick(WORDS)}${i}`] = { url: `https://${r.pick(HTTPS_HOSTS)}/v${r.int(1, 3)}/${r.pick(WORDS)}`, timeoutMs: r.pick([2000, 5000, 10000]), system: r.pick(CODE_SYSTEMS) };
    for (let i = 0; i < n; i += 1) cfg.features[`${r.pick(WORDS)}-${r.pick(WORDS)}-${i}`] = r.chance(0.5);
    let text = JSON.stringify(cfg, null, 2);
    if (r.chance(0.12)) {
      const [leakKind, line] = r.pick(JSON_LEAKS);
      stats.leaks[`json-${leakKind}`] = (stats.leaks[`json-${leakKind}`] ?? 0) + 1;
      planted.push({ needle: line, kind: `json-${leakKind}` });
      text = text.replace('"retry": {', `${line},\n  "retry": {`);
    }
    return `${text}\n`;
  }
  if (kind === 'fhir') {
    const entries = [];
    const n = Math.max(1, Math.floor(targetBytes / 700));
    for (let i = 0; i < n; i += 1) {
      entries.push({
        fullUrl: `urn:uuid:${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`,
        resource: {
          resourceType: 'Observation',
          id: `obs-${hex(r, 10)}`,
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: r.pick(['8867-4', '59408-5', '8480-6', '8462-4', '29463-7']) }] },
          subject: { reference: `Patient/pat-${hex(r, 8)}` },
          valueQuantity: { value: r.int(40, 180), unit: r.pick(['/min', '%', 'mm[Hg]', 'kg']), system: 'http://unitsofmeasure.org' },
        },
      });
    }
    if (r.chance(0.15)) {
      stats.leaks['json-literal'] = (stats.leaks['json-literal'] ?? 0) + 1;
      const ssn = validSsn(r);
      planted.push({ needle: `"value": "${ssn}"`, kind: 'json-literal' });
      entries.push({ resource: { resourceType: 'Patient', id: `pat-${hex(r, 8)}`, identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: ssn }] } });
    }
    return `${JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries }, null, 2)}\n`;
  }
  // message catalogue
  const messages = {};
  const n = Math.max(4, Math.floor(targetBytes / 80));
  for (let i = 0; i < n; i += 1) {
    messages[`${r.pick(WORDS)}.${r.pick(WORDS)}.${i}`] = `${pascal(r.pick(WORDS))} ${r.sample(WORDS, r.int(3, 9)).join(' ')}.`;
  }
  return `${JSON.stringify(messages, null, 2)}\n`;
}

function hex(r, n) {
  let s = '';
  for (let i = 0; i < n; i += 1) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}

function validSsn(r) {
  let area;
  do area = r.int(1, 899);
  while (area === 666);
  const group = r.int(1, 99);
  const serial = r.int(1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

// ------------------------------------------------------------------------------------------ layout

// [kind, weight, extension, folder pattern]
const KINDS = [
  ['service', 24, '.ts', (m, n) => `packages/${m}/src/services/${n}.service.ts`],
  ['route', 14, '.ts', (m, n) => `apps/api/src/routes/${m}/${n}.routes.ts`],
  ['component', 24, '.tsx', (m, n) => `apps/web/src/components/${m}/${pascal(n)}.tsx`],
  ['fhir', 12, '.ts', (m, n) => `packages/${m}/src/fhir/${n}.ts`],
  ['model', 8, '.ts', (m, n) => `packages/${m}/src/models/${n}.model.ts`],
  ['util', 8, '.ts', (m, n) => `packages/${m}/src/lib/${n}.ts`],
  ['legacy', 3, '.js', (m, n) => `legacy/${m}/${n}.js`],
  ['json', 7, '.json', (m, n) => `packages/${m}/config/${n}.json`],
];
const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k[1], 0);

function pickKind(r) {
  let x = r.next() * TOTAL_WEIGHT;
  for (const k of KINDS) {
    x -= k[1];
    if (x < 0) return k;
  }
  return KINDS[0];
}

/** Target size: log-normal, median ~7.5 KB, a few files of 50–200 KB (generated clients, big screens). */
function targetSize(r) {
  return Math.round(Math.min(220_000, Math.max(700, Math.exp(Math.log(7_500) + 0.85 * r.normal()))));
}

function makeFile(index, seed, stats) {
  const r = new Rng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const [kind, , , pathOf] = pickKind(r);
  const mod = r.pick(MODULES);
  const base = `${kebab(r.pick(ENTITIES))}-${r.pick(WORDS)}-${index}`;
  const target = targetSize(r);
  const rel = pathOf(mod, base);
  if (kind === 'json') {
    const jsonKind = r.pick(['config', 'config', 'fhir', 'messages']);
    const planted = [];
    const text = jsonFile(r, stats, jsonKind, target, planted);
    const lines = text.split('\n');
    return {
      rel: rel.replace('/config/', jsonKind === 'config' ? '/config/' : jsonKind === 'fhir' ? '/fixtures/' : '/i18n/'),
      text,
      planted: planted.map((p) => ({ line: lines.findIndex((l) => l.includes(p.needle)) + 1, kind: p.kind })),
    };
  }
  const w = new FileWriter(r, stats);
  const body =
    kind === 'service' ? serviceFile(w, mod)
    : kind === 'route' ? routeFile(w, mod)
    : kind === 'component' ? componentFile(w, mod)
    : kind === 'fhir' ? fhirFile(w, mod)
    : kind === 'model' ? modelFile(w, mod)
    : kind === 'legacy' ? legacyJsFile(w, mod)
    : utilFile(w);
  let guard = 0;
  while (w.size < target && guard++ < 2000) body.method();
  body.close();
  if (kind === 'legacy') w.push(`module.exports.version = ${r.int(1, 9)};`);
  return { rel, text: w.text(), planted: w.planted };
}

// ---------------------------------------------------------------------------------------------- API

function isOurs(dir) {
  if (!existsSync(dir)) return true;
  const entries = readdirSync(dir);
  return entries.length === 0 || entries.includes(STAMP_FILE);
}

export function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Generates the corpus into `dir`; returns { dir, files, bytes, hash, leaks, byKind }. */
export function generateCorpus({ dir = DEFAULT_DIR, files = DEFAULT_FILES, seed = DEFAULT_SEED, write = true } = {}) {
  if (write && !isOurs(dir)) throw new Error(`${dir} exists and is not a generated corpus (no ${STAMP_FILE}); refusing to replace it`);
  const stats = { leaks: {} };
  const out = [];
  const used = new Set();
  for (let i = 0; i < files; i += 1) {
    const f = makeFile(i, seed, stats);
    if (used.has(f.rel)) throw new Error(`duplicate path ${f.rel}`);
    used.add(f.rel);
    out.push(f);
  }
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const hash = createHash('sha256');
  let bytes = 0;
  const byKind = {};
  for (const f of out) {
    const buf = Buffer.from(f.text, 'utf8');
    bytes += buf.length;
    hash.update(f.rel).update('\0').update(buf).update('\0');
    const ext = path.extname(f.rel);
    byKind[ext] = (byKind[ext] ?? 0) + 1;
  }
  const result = { generator: GENERATOR_VERSION, seed, files: out.length, bytes, hash: hash.digest('hex'), leaks: stats.leaks, byKind };
  // Where the leaks are (not part of the hash): lets the benchmark report recall on them.
  const planted = out.flatMap((f) => f.planted.map((p) => ({ file: f.rel, line: p.line, kind: p.kind })));
  if (write) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const made = new Set();
    for (const f of out) {
      const abs = path.join(dir, f.rel);
      const parent = path.dirname(abs);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      writeFileSync(abs, f.text);
    }
    writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify({ ...result, planted })}\n`);
  }
  return { dir, ...result, planted };
}

export function describe(result) {
  const leaks = Object.entries(result.leaks).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  const kinds = Object.entries(result.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
  const total = Object.values(result.leaks).reduce((s, n) => s + n, 0);
  return [
    `corpus ${result.dir}`,
    `  files ${result.files} (${kinds}), ${(result.bytes / 1024 / 1024).toFixed(2)} MB, seed ${result.seed}, generator v${result.generator}`,
    `  planted leaks ${total}: ${leaks}`,
    `  sha256 ${result.hash}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--quiet'));
  const dir = positional[0] ? path.resolve(positional[0]) : DEFAULT_DIR;
  const t0 = performance.now();
  const result = generateCorpus({ dir, files: opt('--files', DEFAULT_FILES), seed: opt('--seed', DEFAULT_SEED) });
  if (!args.includes('--quiet')) console.log(`${describe(result)}\n  written in ${Math.round(performance.now() - t0)} ms`);
}
