// PHI passed to a function of another file whose parameter reaches a sink there: the workspace scan
// reports it at the caller, with the sink as a related location.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-xfile-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const STORAGE = `export function saveToStorage(key: string, value: unknown): void {
  localStorage.setItem(key, JSON.stringify(value));
}
export const audit = {
  record(event: string, details: unknown) {
    console.log(event, details);
  },
};
export function size(value: string) {
  return value.length;
}
`;

describe('cross-file flows', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports PHI passed to an imported function that stores or logs its parameter', async () => {
    dir = workspace({
      'src/lib/clientStorage.ts': STORAGE,
      'src/page.ts': `import { saveToStorage, audit, size } from './lib/clientStorage';
import * as store from './lib/clientStorage.js';
declare const patient: { id: string; ssn: string; dateOfBirth: string };
saveToStorage('patient-info', patient.dateOfBirth);
saveToStorage('patient-id', patient.id);
audit.record('viewed', { ssn: patient.ssn });
store.saveToStorage('x', patient.ssn);
size(patient.ssn);
// phi-guard-disable-next-line no-phi-in-browser-storage -- encrypted by the storage shim in this build (SEC-9)
saveToStorage('y', patient.ssn);
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}:${finding.phiKinds.join(',')}${finding.suppressed ? ':suppressed' : ''}`);
    assert.deepEqual(found.sort(), [
      'src/page.ts:10:no-phi-in-browser-storage:ssn:suppressed',
      'src/page.ts:4:no-phi-in-browser-storage:date-of-birth',
      'src/page.ts:6:no-phi-in-logs:ssn',
      'src/page.ts:7:no-phi-in-browser-storage:ssn',
    ]);
    const first = result.findings.find((finding) => finding.range.start.line === 4)!;
    assert.match(first.message, /through `saveToStorage\(\)`, src\/lib\/clientStorage\.ts:2\)$/);
    assert.ok(first.related.some((related) => related.file === 'src/lib/clientStorage.ts' && related.range.start.line === 2));
  });

  it('an event sender of the workspace (a helper posting its argument to a collector) reports its callers; the app\'s own API stays silent', async () => {
    dir = workspace({
      'src/lib/events.ts': `export function sendEvent(event: object) {
  return fetch('https://telemetry.vendor.io/v1/collect', { method: 'POST', body: JSON.stringify(event) });
}
export function saveDraft(draft: object) {
  return fetch('/api/drafts', { method: 'POST', body: JSON.stringify(draft) });
}
`,
      'src/intake.ts': `import { sendEvent, saveDraft } from './lib/events';
declare const patient: { id: string; dateOfBirth: string; phoneNumber: string };
sendEvent({ type: 'intake', dob: patient.dateOfBirth });
sendEvent({ type: 'intake', patientId: patient.id });
saveDraft({ phone: patient.phoneNumber });
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}:${finding.phiKinds.join(',')}`), ['src/intake.ts:3:no-phi-to-third-party:date-of-birth']);
    assert.ok(result.findings[0].related.some((related) => related.file === 'src/lib/events.ts' && related.range.start.line === 2));
    // The collector is known by its behaviour only (medium); the caller's finding is no surer than that sink.
    assert.equal(result.findings[0].precision, 'medium');
  });

  it('a hook or factory that returns a sender: callers of what it returns are reported; opaque ids, counts and a function returned among others stay silent', async () => {
    dir = workspace({
      'src/hooks/useTracking.ts': `import mixpanel from 'mixpanel-browser';
export const useTrackEvent = () => {
  const track = (name: string, props: object) => mixpanel.track(name, props);
  return track;
};
export function makeLogEvent(prefix: string) {
  return (name: string, props?: object) => window.gtag('event', prefix + name, props);
}
export const useTools = () => {
  const track = (props: object) => mixpanel.track('x', props);
  const label = (props: object) => String(props);
  return { track, label };
};
`,
      'src/pages/intake.tsx': `import { useTrackEvent, makeLogEvent, useTools } from '../hooks/useTracking';
declare const patient: { id: string; phoneNumber: string; diagnosis: string; visits: unknown[] };
export function Intake() {
  const track = useTrackEvent();
  const logEvent = makeLogEvent('intake_');
  track('saved', { phone: patient.phoneNumber });
  logEvent('viewed', { diagnosis: patient.diagnosis });
  track('opened', { patientId: patient.id, visits: patient.visits.length });
  const tools = useTools();
  tools.label({ phone: patient.phoneNumber });
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}:${finding.phiKinds.join(',')}`).sort(), [
      'src/pages/intake.tsx:6:no-phi-to-third-party:phone',
      'src/pages/intake.tsx:7:no-phi-to-third-party:diagnosis',
    ]);
    assert.ok(result.findings[0].related.some((related) => related.file === 'src/hooks/useTracking.ts' && related.range.start.line === 3));
  });

  it('follows CommonJS exports and require()', async () => {
    dir = workspace({
      'lib/logger.js': "function logStreamLine(level, payload) { console.log(level, payload); }\nmodule.exports = { logStreamLine };\n",
      'routes/intake.js': "const { logStreamLine } = require('../lib/logger');\nfunction submit(req) { logStreamLine('debug', JSON.stringify({ phone: req.body.mobileNumber })); }\nmodule.exports = { submit };\n",
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['routes/intake.js:2:phone']);
  });

  it('does not report the caller again when the sink is already reported in its own file', async () => {
    dir = workspace({
      'src/analytics.ts': "declare const analytics: any;\nexport function trackResult(diagnosis: string) {\n  analytics.track('viewed', { diagnosis });\n}\n",
      'src/page.ts': "import { trackResult } from './analytics';\ndeclare const visit: any;\ntrackResult(visit.diagnosis);\n",
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}`), ['src/analytics.ts:3']);
  });

  it('reports a patient request handed to a shared caching service that keeps it in Ionic Storage (ionic-cache)', async () => {
    dir = workspace({
      'src/app/shared/data-cache.service.ts': `import { Injectable } from '@angular/core';
import { CacheService } from 'ionic-cache';
@Injectable()
export class DataCacheService {
  constructor(protected cache: CacheService) {}
  public cacheRequest(url: string, params: { toString(): string }, request: unknown) {
    return this.cache.loadFromObservable(url + params.toString(), request);
  }
}
`,
      'src/app/patients.service.ts': `import { Injectable } from '@angular/core';
import { HttpClient, HttpParams } from '@angular/common/http';
import { DataCacheService } from './shared/data-cache.service';
@Injectable()
export class PatientSearchService {
  constructor(private http: HttpClient, private cacheService: DataCacheService) {}
  public search(params: HttpParams) {
    const request = this.http.get('/ws/rest/v1/patients/search', { params });
    return this.cacheService.cacheRequest('patients', params, request);
  }
  public settings(params: HttpParams) {
    const request = this.http.get('/ws/rest/v1/settings', { params });
    return this.cacheService.cacheRequest('settings', params, request);
  }
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}`);
    assert.deepEqual(found, ['src/app/patients.service.ts:9:no-phi-in-browser-storage']);
  });
});

describe('cross-file: actions imported from the app are code, not data', () => {
  it('an imported endpoint or function named for patients (`insertPatient`) handed to a helper that logs it is not patient data; the record handed beside it is', async () => {
    const dir = workspace({
      'src/api/compose.ts': 'export const compose = async (db: unknown, endpoint: { name: string }, args: unknown[]) => {\n  console.debug({ endpoint: endpoint.name });\n  console.debug(args);\n};\n',
      'src/api/patients/insert.ts': "export default { name: 'patients.insert' };\n",
      'src/api/create.ts': "import insertPatient from './patients/insert';\nimport { compose } from './compose';\nimport { currentPatient } from './store';\nexport async function run(db: unknown, patient: { firstName: string }) {\n  await compose(db, insertPatient, [patient.firstName]);\n  console.log('created', insertPatient);\n  console.log('for', currentPatient);\n}\n",
      'src/api/store.ts': 'export let currentPatient: unknown;\n',
    });
    try {
      const result = await scanWorkspace({ paths: [dir], cwd: dir });
      const found = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.column}:${finding.ruleId}`).sort();
      // The record's name goes to the log through compose's second log line; the endpoint definition does not,
      // and an imported value named as data (`currentPatient`) still is data.
      assert.deepEqual(found, ['src/api/create.ts:5:36:no-phi-in-logs', 'src/api/create.ts:7:22:no-phi-in-logs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cross-file: storage services exported as one instance, imported through tsconfig path aliases', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const BROWSER_STORE = `class BrowserStore {
  private available(): boolean {
    return globalThis.sessionStorage !== undefined;
  }
  write<T>(key: string, value: T): void {
    if (!this.available()) return;
    globalThis.sessionStorage.setItem(key, JSON.stringify(value));
  }
}
const browserStore = new BrowserStore();
export default browserStore;
`;
  const SESSION = `import browserStore from '~lib/browser-store';
class AppSession {
  keepSignedIn<T>(profile: T | null): void {
    if (profile === null) return;
    browserStore.write<T>('app:profile', profile);
  }
  keepWizard<T>(answers: T): void {
    browserStore.write<T>('app:wizard', answers);
  }
}
export const appSession = new AppSession();
`;

  it('follows the state of a provider through an exported service instance and a path alias to sessionStorage; UI state, step numbers and preferences stay silent', async () => {
    dir = workspace({
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~lib/*": ["web/lib/*"] } } }\n',
      'web/tsconfig.json': '// config of the app\n{ "extends": "../tsconfig.base.json", "compilerOptions": { "paths": { "~lib/*": ["./lib/*"], "#state/*": ["./state/*"] } } }\n',
      'web/lib/browser-store.ts': BROWSER_STORE,
      'web/lib/app-session.ts': SESSION,
      'web/state/ProfileProvider.tsx': `import { useCallback, useEffect, useState } from 'react';
import { appSession } from '~lib/app-session';
export interface PatientProfile { nhsNumber: string; birthdate: string; givenName: string; familyName: string; phoneNumber: string }
export interface WizardAnswers { deliveryAddress?: Address; mobileNumber?: string; step?: number }
export interface Address { addressLine1: string; postcode: string }
export interface Preferences { language: string; highContrast: boolean; step: number }
export function useProfile() {
  const [profile, setProfileState] = useState<PatientProfile | null>(null);
  const [answers, setAnswers] = useState<WizardAnswers>({});
  const [preferences] = useState<Preferences>({ language: 'en', highContrast: false, step: 1 });
  const setProfile = useCallback((next: PatientProfile | null) => {
    setProfileState(next);
    appSession.keepSignedIn<PatientProfile>(next);
  }, []);
  useEffect(() => {
    appSession.keepWizard<WizardAnswers>(answers);
  }, [answers]);
  useEffect(() => {
    appSession.keepWizard<Preferences>(preferences);
    appSession.keepWizard({ isMenuOpen: true, currentStep: 2, sessionId: 'abc' });
  }, [preferences]);
  return { profile, setProfile, answers, setAnswers, preferences };
}
`,
      'web/main.tsx': "import { useProfile } from '#state/ProfileProvider';\nexport function App() { return useProfile(); }\n",
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.filter((finding) => finding.file === 'web/state/ProfileProvider.tsx').map((finding) => `${finding.range.start.line}:${finding.ruleId}:${finding.phiKinds.join(',')}`);
    assert.deepEqual(found.sort(), ['13:no-phi-in-browser-storage:date-of-birth,name,nhs-number,phone', '16:no-phi-in-browser-storage:address,phone,zip-code']);
    const profile = result.findings.find((finding) => finding.range.start.line === 13)!;
    assert.match(profile.message, /through `appSession\.keepSignedIn\(\)` → `browserStore\.write\(\)`, web\/lib\/browser-store\.ts:7\)$/);
  });

  it('leaves package imports and specifiers no config maps unresolved', async () => {
    dir = workspace({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@app/*": ["./src/*"] } } }\n',
      'src/store.ts': BROWSER_STORE,
      'node_modules/store/index.ts': BROWSER_STORE,
      'src/page.ts': `import browserStore from 'store';
import other from '@other/store';
declare const patient: { dateOfBirth: string };
browserStore.write('dob', patient.dateOfBirth);
other.write('dob', patient.dateOfBirth);
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}`), []);
  });
});

describe('cross-file: opt-in flags of an exported helper', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a sink behind a flag that defaults to false is not charged to callers that leave it off; the always-on sink still is', async () => {
    dir = workspace({
      'src/helpers/logger.ts': `class AppLogger {
  info(message: string, details?: unknown, persist: boolean = false): void {
    if (persist) localStorage.setItem('last-log', JSON.stringify(details));
    console.info(message, details);
  }
}
export const logger = new AppLogger();
`,
      'src/banner.ts': `import { logger } from './helpers/logger';
declare const patient: { dateOfBirth: string; nhsNumber: string };
logger.info('banner shown', patient);
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}`), ['src/banner.ts:3:no-phi-in-logs']);
  });
});

describe('cross-file: a wrapper class named like the library type it holds', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('`this.logger.info(…)` on a field typed `pino.Logger` is the library\'s logger, not the wrapper `Logger` calling itself (whose opt-in RUM flag would then be unknown)', async () => {
    dir = workspace({
      'src/helpers/logger.ts': `import pino from 'pino';
import { AwsRum } from 'aws-rum-web';
declare const rum: AwsRum;
class Logger {
  logger: pino.Logger;
  constructor() {
    this.logger = pino({ level: 'info' });
  }
  private sendToRum(level: string, message: string, details?: unknown): void {
    rum.recordEvent(\`logger_\${level}\`, { message, ...(details ? { ...details } : {}) });
  }
  public info(message: string, args?: unknown, sendToRum: boolean = false): void {
    if (sendToRum) this.sendToRum('info', message, args);
    if (args) this.logger.info(args, message);
    else this.logger.info(message);
  }
}
export const logger = new Logger();
`,
      'src/banner.ts': `import { logger } from './helpers/logger';
declare const patient: { dateOfBirth: string; nhsNumber: string };
logger.info('banner shown', patient);
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}`), ['src/banner.ts:3:no-phi-in-logs']);
  });
});

describe('cross-file: an exhaustiveness check of another module', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a parameter typed `never` receives nothing (the branch that calls it is unreachable); a helper taking `unknown` still throws what it is given', async () => {
    dir = workspace({
      'src/utils/assert.ts': `export function assertNever(value: never): never {
  throw new Error(\`Unexpected value: \${value}\`);
}
export function unexpected(value: unknown): never {
  throw new Error(\`Unexpected value: \${JSON.stringify(value)}\`);
}
`,
      'src/calendar.ts': `import { assertNever, unexpected } from './utils/assert';
import type { Appointment, Patient, Slot } from 'fhir/r4';
type Entry = { type: 'appointment'; appointment: Appointment } | { type: 'slot'; slot: Slot };
export function pick(entry: Entry, open: (a: Appointment) => void) {
  if (entry.type === 'appointment') open(entry.appointment);
  else if (entry.type !== 'slot') assertNever(entry);
}
export function check(patient: Patient) {
  if (!patient.id) unexpected(patient.name);
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}`), ['src/calendar.ts:9:no-phi-in-error-message']);
  });
});

describe('cross-file: a module exporting an object that gathers its own functions by name', () => {
  it('follows `storage.save(key, visit)` to the module function the default export names (`export default { save, clear }`); a setting, and a function that only removes, stay silent', async () => {
    const dir = workspace({
      'src/services/storage.ts': `function save<T>(key: string, value: T): void {
  window.localStorage.setItem(key, JSON.stringify(value));
}
const clear = (key: string): void => {
  window.localStorage.removeItem(key);
};
export default { save, clear, keep: save };
`,
      'src/pages/visit.ts': `import storage from '../services/storage';
interface Visit { id: string; patientName: string; dateOfBirth: string }
interface Theme { mode: string; fontSize: number }
export function remember(visit: Visit, theme: Theme) {
  storage.save('visit', visit);
  storage.keep('visit-copy', visit);
  storage.clear('visit');
  storage.save('theme', theme);
}
`,
    });
    try {
      const result = await scanWorkspace({ paths: [dir], cwd: dir });
      const found = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}`).sort();
      assert.deepEqual(found, ['src/pages/visit.ts:5:no-phi-in-browser-storage', 'src/pages/visit.ts:6:no-phi-in-browser-storage']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
