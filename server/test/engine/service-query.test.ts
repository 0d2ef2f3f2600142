// A workspace service method whose parameter becomes the query of a GET request: each caller that hands it a person's
// identifying values is reported at its call (naming the kinds), besides the one finding in the shared helper.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';
import type { Finding } from '../../src/core/types';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-svcquery-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const brief = (finding: Finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.column}:${finding.phiKinds.join(',')}`;

/** A workspace HTTP client (its get hands the URL on to Angular's HttpClient) and a service built on it. */
const CLIENT = `import { HttpClient } from '@angular/common/http';
export class Server {
  constructor(private http: HttpClient) {}
  get(url: string, options: any = {}) { return this.http.get(url, options); }
  post(url: string, body: any, options: any = {}) { return this.http.post(url, body, options); }
}
`;
const SERVICE = `import { Injectable } from '@angular/core';
import { Server } from '../shared/server';
@Injectable({ providedIn: 'root' })
export class CoverageService {
  private coverageUrl = '/modules/coverage';
  constructor(private server: Server) {}
  lookup(options: any) {
    return this.server.get(this.coverageUrl + '/lookup', { params: options });
  }
  register(options: any) {
    return this.server.post(this.coverageUrl + '/register', options);
  }
}
`;
const caller = (name: string, call: string) => `import { CoverageService } from '../services/coverage.service';
export class ${name} {
  constructor(private coverageService: CoverageService) {}
  load(patient: { nationalId: string; sex: string; id: string }) {
    ${call}
  }
}
`;

describe('service methods whose parameter becomes a GET query', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function urlFindings(files: Record<string, string>): Promise<string[]> {
    dir = workspace(files);
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    return result.findings.filter((finding) => finding.ruleId === 'no-phi-in-url').map(brief).sort();
  }

  it('reports each caller that passes a person\'s identifier into the query, and the shared helper once', async () => {
    const found = await urlFindings({
      'src/shared/server.ts': CLIENT,
      'src/services/coverage.service.ts': SERVICE,
      'src/screens/booking.ts': caller('Booking', "this.coverageService.lookup({ document: patient.nationalId, sex: patient.sex }).subscribe();"),
      'src/screens/agenda.ts': caller('Agenda', "this.coverageService.lookup({ document: patient.nationalId }).subscribe();"),
    });
    assert.deepEqual(found, [
      'src/screens/agenda.ts:5:33:national-id',
      'src/screens/booking.ts:5:33:national-id',
      'src/services/coverage.service.ts:8:68:national-id',
    ]);
  });

  it('names the helper the query goes through at the caller', async () => {
    dir = workspace({
      'src/shared/server.ts': CLIENT,
      'src/services/coverage.service.ts': SERVICE,
      'src/screens/booking.ts': caller('Booking', "this.coverageService.lookup({ document: patient.nationalId }).subscribe();"),
      'src/screens/agenda.ts': caller('Agenda', "this.coverageService.lookup({ document: patient.nationalId }).subscribe();"),
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const atCaller = result.findings.find((finding) => finding.file === 'src/screens/booking.ts' && finding.ruleId === 'no-phi-in-url');
    assert.ok(atCaller);
    assert.match(atCaller.message, /through `this\.coverageService\.lookup\(\)`, src\/services\/coverage\.service\.ts:8\)/);
    assert.doesNotMatch(atCaller.message, /\d{6,}/);
  });

  it('leaves callers that pass only opaque ids, paging or a POST body alone', async () => {
    const found = await urlFindings({
      'src/shared/server.ts': CLIENT,
      'src/services/coverage.service.ts': SERVICE,
      'src/screens/booking.ts': caller('Booking', "this.coverageService.lookup({ patient: patient.id, page: 2, limit: 20 }).subscribe();"),
      'src/screens/agenda.ts': caller('Agenda', "this.coverageService.register({ document: patient.nationalId }).subscribe();"),
      'src/screens/stock.ts': caller('Stock', "this.coverageService.lookup({ organization: 'x', skip: 0 }).subscribe();"),
    });
    assert.deepEqual(found, []);
  });
});
