// Observables of responses (Angular's HttpClient, RxJS): what a read of a patient route emits reaches its
// subscribers and the callbacks of `pipe` operators, in the same file and through services of other files.
// A name's guess (`this.patients.getSettings()`) never makes an emission PHI. Our own synthetic code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';
import { defaultConfig } from '../../src/core/config-types';
import { analyzeFile } from '../../src/engine/analyze';
import { WorkspaceIndex } from '../../src/engine/workspace-index';
import { RULES } from '../helpers/rules';

const ROOT = path.resolve('/virtual');

function reported(text: string, file: string): string[] {
  const index = new WorkspaceIndex();
  index.addFile(file, text);
  const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

const HTTP = "import { HttpClient, HttpParams } from '@angular/common/http';\nimport { map, take, tap, switchMap } from 'rxjs/operators';\n";

describe('observables: what a response emits', () => {
  const cases: Array<{ name: string; body: string; expected: string[] }> = [
    { name: 'subscribe(next) receives the response of a patient route', body: "this.http.get('/api/patients/' + id).subscribe((patient) => console.log(patient));", expected: ['no-phi-in-logs:LINE:patient-record'] },
    { name: 'subscribe({ next }) too', body: "this.http.get('/api/encounters/' + id).subscribe({ next: (visit) => console.log(visit), error: (e) => console.log(e) });", expected: ['no-phi-in-logs:LINE:encounter'] },
    { name: 'through pipe(take(1), map(r => r.result))', body: "this.http.get('/api/patients/' + id).pipe(take(1), map((r: any) => r.result)).subscribe((x) => console.log(x));", expected: ['no-phi-in-logs:LINE:patient-record'] },
    { name: "a tap operator's callback", body: "this.http.get('/api/patients/' + id).pipe(tap((x) => console.log(x))).subscribe();", expected: ['no-phi-in-logs:LINE:patient-record'] },
    { name: 'a read filtered by one patient (HttpParams.set)', body: "this.http.get(this.base + 'obs', { params: new HttpParams().set('patient', id) }).subscribe((obs) => console.log(obs));", expected: ['no-phi-in-logs:LINE:patient-record'] },
    { name: 'a read filtered by one patient (params object, query string)', body: "this.http.get(this.base + 'order', { params: { patientUuid: id } }).subscribe((o) => console.log(o));", expected: ['no-phi-in-logs:LINE:patient-record'] },
    { name: 'a field of the component assigned the emission, then logged', body: "this.http.get('/api/patients/' + id).subscribe((rows) => { this.rows = rows; console.log('rows', this.rows); });", expected: ['no-phi-in-logs:LINE:patient-record'] },
    // near misses
    { name: 'a field assigned something else than a response', body: "this.http.get('/api/patients/' + id).subscribe(() => { this.loading = false; console.log('loading', this.loading); });", expected: [] },
    { name: 'a settings route', body: "this.http.get('/api/settings').subscribe((settings) => console.log(settings));", expected: [] },
    { name: "a name's guess: a method of a patient-named service that is not a response", body: 'this.patients.getSettings().subscribe((settings) => console.log(settings));', expected: [] },
    { name: 'a count read from the response', body: "this.http.get('/api/patients').pipe(map((r: any) => r.count)).subscribe((n) => console.log(n));", expected: [] },
    { name: 'a read filtered by patient whose path ends in a count', body: "this.http.get(this.base + 'obs/count', { params: { patient: id } }).subscribe((n) => console.log(n));", expected: [] },
    { name: 'a read filtered by a concept, not a patient', body: "this.http.get(this.base + 'obs', { params: new HttpParams().set('concept', id) }).subscribe((obs) => console.log(obs));", expected: [] },
    { name: "the error callback of subscribe", body: "this.http.get('/api/patients/' + id).subscribe(() => undefined, (error) => console.log(error));", expected: [] },
  ];
  for (const { name, body, expected } of cases) {
    it(name, () => {
      const text = `${HTTP}export class Page {\n  constructor(private http: HttpClient, private patients: any, private base: string) {}\n  load(id: string) {\n    ${body}\n  }\n}\n`;
      assert.deepEqual(reported(text, 'src/app/page.component.ts'), expected.map((entry) => entry.replace('LINE', '6')));
    });
  }

  it("this.method() of the component's class returns the response its body returns", () => {
    const text = `${HTTP}export class Page {\n  constructor(private http: HttpClient) {}\n  load(id: string) {\n    this.orders(id).subscribe((orders) => console.log(orders));\n    this.settings().subscribe((s) => console.log(s));\n  }\n  orders(id: string) {\n    return this.http.get('/api/patients/' + id + '/orders').pipe(map((r: any) => r.results));\n  }\n  settings() {\n    return this.http.get('/api/settings');\n  }\n}\n`;
    assert.deepEqual(reported(text, 'src/app/page.component.ts'), ['no-phi-in-logs:6:patient-record']);
  });
});

describe('observables: declared return types', () => {
  it("a method declared to return Observable<LabOrder[]> emits lab orders; Observable<Setting[]> and a staff member's Observable<Provider[]> do not", () => {
    const text = `${HTTP}interface LabOrder { patientUuid: string; testName: string; result: string; diagnosis: string }
interface Setting { key: string; value: string }
interface Provider { uuid: string; person: { display: string; gender: string; birthdate: string }; diagnosis: string }
export class Page {
  constructor(private http: HttpClient, private url: string) {}
  load(id: string) {
    this.orders(id).subscribe((orders) => console.log(orders));
    this.settings().subscribe((settings) => console.log(settings));
    this.searchProvider(id).subscribe((providers) => console.log(providers));
  }
  searchProvider(q: string): Observable<Provider[]> {
    return this.http.get<Provider[]>(this.url, { params: { q } });
  }
  orders(id: string): Observable<LabOrder[]> {
    return this.http.get<LabOrder[]>(this.url);
  }
  settings(): Observable<Setting[]> {
    return this.http.get<Setting[]>(this.url);
  }
}
`;
    const found = reported(text, 'src/app/page.component.ts');
    assert.equal(found.length, 1);
    assert.match(found[0], /^no-phi-in-logs:9:/);
  });
});

describe('observables: services of other files', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function workspace(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-rx-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  const RESOURCE = `${HTTP}const BASE = '/ws/rest/v1/';
export class LabResource {
  constructor(private http: HttpClient) {}
  byPatient(uuid: string) {
    return this.http.get(BASE + 'patient/' + uuid + '/labs').pipe(map((r: any) => r.results));
  }
  testTypes() {
    return this.http.get(BASE + 'labtesttype');
  }
}
`;
  const SUMMARY = `import { LabResource } from './lab.resource';
export class LabSummary {
  constructor(private labs: LabResource) {}
  latest(uuid: string) {
    return this.labs.byPatient(uuid);
  }
}
`;
  const CACHE = `import { CacheService } from 'ionic-cache';
export class DataCache {
  constructor(private cache: CacheService) {}
  cacheRequest(key: string, request: unknown) {
    return this.cache.loadFromObservable(key, request);
  }
}
`;

  it("a component's subscriber receives what an injected service's method returns, across files and through a second service", async () => {
    dir = workspace({
      'src/app/api/lab.resource.ts': RESOURCE,
      'src/app/api/lab.summary.ts': SUMMARY,
      'src/app/labs/labs.component.ts': `import { LabResource } from '../api/lab.resource';
import { LabSummary } from 'src/app/api/lab.summary';
export class LabsComponent {
  constructor(private resource: LabResource, private summary: LabSummary) {}
  load(uuid: string) {
    this.resource.byPatient(uuid).subscribe((labs) => console.log('labs', labs));
    this.summary.latest(uuid).subscribe({ next: (labs) => console.log(labs) });
    this.resource.testTypes().subscribe((types) => console.log(types));
  }
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.filter((finding) => finding.file === 'src/app/labs/labs.component.ts').map((finding) => `${finding.ruleId}:${finding.range.start.line}`);
    assert.deepEqual(found, ['no-phi-in-logs:6', 'no-phi-in-logs:7']);
    const related = result.findings.find((finding) => finding.range.start.line === 7)!.related.map((location) => location.message).join(' | ');
    assert.match(related, /returned by `LabResource\.byPatient`, returned by `LabSummary\.latest`/);
  });

  it("a service imported through a barrel (index.ts: export * / export { … } from) is followed to its module; a POST of only a patient's id is a read", async () => {
    dir = workspace({
      'src/app/api/lab.resource.ts': RESOURCE,
      'src/app/api/history.service.ts': `${HTTP}export class HistoryService {\n  constructor(private http: HttpClient) {}\n  previous(id: string) {\n    return this.http.post(environment.previousHistoryUrl, { beneficiaryRegID: id });\n  }\n}\n`,
      'src/app/api/index.ts': "export * from './lab.resource';\nexport { HistoryService } from './history.service';\n",
      'src/app/labs/labs.component.ts': `import { LabResource, HistoryService } from '../api';
export class LabsComponent {
  constructor(private resource: LabResource, private history: HistoryService) {}
  load(uuid: string) {
    this.resource.byPatient(uuid).subscribe((labs) => console.log('labs', labs));
    this.history.previous(uuid).subscribe((data) => console.log('data', data));
    this.resource.testTypes().subscribe((types) => console.log(types));
  }
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.filter((finding) => finding.file === 'src/app/labs/labs.component.ts').map((finding) => `${finding.ruleId}:${finding.range.start.line}`);
    assert.deepEqual(found, ['no-phi-in-logs:5', 'no-phi-in-logs:6']);
  });

  it("an imported service's method declared to return Observable<LabOrder[]> emits lab orders to the component's subscriber", async () => {
    dir = workspace({
      'src/app/models/lab-order.ts': 'export interface LabOrder { patientUuid: string; testName: string; diagnosis: string; result: string }\n',
      'src/app/api/orders.service.ts': `${HTTP}import { LabOrder } from '../models/lab-order';
export class OrdersService {
  constructor(private http: HttpClient, private url: string) {}
  pending(): Observable<LabOrder[]> {
    return this.http.get<LabOrder[]>(this.url);
  }
}
`,
      'src/app/labs/pending.component.ts': `import { OrdersService } from '../api/orders.service';
export class PendingComponent {
  constructor(private ordersService: OrdersService) {}
  load() {
    this.ordersService.pending().subscribe((orders) => console.log(orders));
  }
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.ruleId}:${finding.range.start.line}`), ['src/app/labs/pending.component.ts:no-phi-in-logs:5']);
  });

  it('a wrapper service that hands its parameter to ionic-cache stores what its callers pass: a response, not a location list', async () => {
    dir = workspace({
      'src/app/shared/data-cache.ts': CACHE,
      'src/app/api/visits.ts': `${HTTP}import { DataCache } from '../shared/data-cache';
export class Visits {
  constructor(private http: HttpClient, private dataCache: DataCache) {}
  byPatient(uuid: string) {
    const request = this.http.get('/api/patient/' + uuid + '/visits').pipe(map((r: any) => r.result));
    return this.dataCache.cacheRequest('visits' + uuid, request);
  }
  locations() {
    return this.dataCache.cacheRequest('locations', this.http.get('/api/locations'));
  }
}
`,
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.ruleId}:${finding.range.start.line}`), ['src/app/api/visits.ts:no-phi-in-browser-storage:8']);
  });
});
