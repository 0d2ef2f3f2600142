// Sources by provenance: PHI under generic names (`event`, `input`, `response`, `created`) found by where
// the value comes from, each rebuilt in our own synthetic code, with the near misses that must stay silent.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/core/config-types';
import { routeKinds, subscribedResourceType } from '../../src/engine/provenance';
import { WorkspaceIndex } from '../../src/engine/workspace-index';
import { NameClassifier } from '../../src/vocabulary/classify';
import { RULES } from '../helpers/rules';

const ROOT = path.resolve('/virtual');

function findings(text: string, file = 'src/app.ts') {
  const index = new WorkspaceIndex();
  index.addFile(file, text);
  const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

function reported(text: string, file?: string): string[] {
  return findings(text, file).map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

describe('provenance: tracker events of a health programme', () => {
  const stageLookup = (logged: string) =>
    [
      "import log from 'loglevel';",
      "import { errorCreator } from './errors';",
      'declare const programs: Map<string, any>;',
      'export function stageOf(visitEvent: { programId: string; programStageId: string }) {',
      '  const program = programs.get(visitEvent.programId);',
      `  if (!program) log.error(errorCreator('no program')(${logged}));`,
      '  return program?.stage(visitEvent.programStageId);',
      '}',
    ].join('\n');

  it('an event read for its programme stage, logged whole through a curried error builder, is reported at medium precision with the why', () => {
    const [finding, ...rest] = findings(stageLookup('{ visitEvent }'));
    assert.equal(rest.length, 0);
    assert.equal(`${finding.ruleId}:${finding.range.start.line}`, 'no-phi-in-logs:6');
    assert.deepEqual(finding.phiKinds, ['encounter', 'observation']);
    assert.equal(finding.precision, 'medium');
    assert.match(finding.related[0].message, /tracker event/);
  });

  it("stays silent on the event's id, a DOM event and an event never read for a programme", () => {
    assert.deepEqual(reported(stageLookup('{ id: visitEvent.programId }')), []);
    const dom = "export function onClick(event: MouseEvent) {\n  console.log('clicked', event, event.target);\n}\n";
    assert.deepEqual(reported(dom), []);
    const emitter = "export function onMessage(event: any) {\n  console.log('message', event.type, event);\n}\n";
    assert.deepEqual(reported(emitter), []);
  });
});

describe('provenance: the input of a FHIR subscription handler', () => {
  const handler = "import { wrapHandler } from '../../shared';\nexport const index = wrapHandler('intake', async (input: any) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  console.log('secrets loaded', Object.keys(input.secrets ?? {}).length);\n  return { statusCode: 200 };\n});\n";

  it('filed under subscriptions/<resource type>/, its whole input is the resource that changed', () => {
    const [finding, ...rest] = findings(handler, 'src/subscriptions/questionnaire-response/intake-harvest/index.ts');
    assert.equal(rest.length, 0);
    assert.equal(`${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`, 'no-phi-in-logs:3:clinical-note');
    assert.equal(finding.precision, 'medium');
    assert.match(finding.related[0].message, /subscription on QuestionnaireResponse/);
  });

  it('stays silent for a subscription on a resource that is not about a patient, and outside subscriptions', () => {
    assert.deepEqual(reported(handler, 'src/subscriptions/practitioner/sync/index.ts'), []);
    assert.deepEqual(reported(handler, 'src/ehr/get-chart-data/index.ts'), []);
  });

  it('a plain lambda entry (`export const handler`, `exports.handler`) is an entry too; its event body logged is the resource (and a body logged, as no-body-logging says)', () => {
    const esm = "export const handler = async (event: any) => {\n  console.info('received', event.body);\n};\n";
    assert.deepEqual(reported(esm, 'functions/subscriptions/observation/on-vitals.ts'), ['no-body-logging:2:', 'no-phi-in-logs:2:observation']);
    const cjs = "exports.handler = async function (event, context) {\n  console.info('received', JSON.parse(event.body));\n  console.info('request id', context.awsRequestId);\n};\n";
    assert.deepEqual(reported(cjs, 'functions/webhooks/encounter/index.js'), ['no-body-logging:2:', 'no-phi-in-logs:2:encounter']);
  });

  it("a page's component filed under a subscriptions folder is not a handler: its props are not the resource", () => {
    const page = 'export default function PatientSubscriptions(props: any) {\n  console.log(props);\n  return null;\n}\n';
    assert.deepEqual(reported(page, 'src/pages/subscriptions/patient/index.tsx'), []);
  });

  it('only the entry point: a helper of the same module logging its own argument is not the input', () => {
    const helper = 'export function describe(input: any) {\n  console.log(input);\n}\n';
    assert.deepEqual(reported(helper, 'src/subscriptions/diagnostic-report/handle-result/helpers.ts'), []);
  });

  it('knows which folders name which resource types', () => {
    assert.equal(subscribedResourceType('src/subscriptions/diagnostic-report/handle-lab-result/index.ts'), 'DiagnosticReport');
    assert.equal(subscribedResourceType('src/subscriptions/task/sub-ready-text/index.ts'), undefined);
    assert.equal(subscribedResourceType('src/patient/questionnaire-response/index.ts'), undefined);
  });
});

describe('provenance: the response of a request to a patient route', () => {
  it('a GET to a patient route: the response logged whole is reported, its status is not', () => {
    const text = [
      'export async function load(id: string) {',
      '  const response = await fetch(`/api/patients/${id}`);',
      "  console.log('status', response.status, response.ok);",
      '  const body = await response.json();',
      "  console.log('loaded', body);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:5:patient-record']);
  });

  it("jQuery's done callback receives the response of a read of treatments", () => {
    const text = "declare const $: any;\nexport function refresh() {\n  $.ajax({ url: '/api/v1/treatments/', headers: {} }).done(function loaded(result: unknown) {\n    console.info('treatments loaded', result);\n  });\n}\n";
    assert.deepEqual(reported(text, 'src/app.js'), ['no-phi-in-logs:4:procedure']);
  });

  it('stays silent on practitioner and count routes, writes, and non-HTTP get calls', () => {
    const text = [
      'declare const axios: any;',
      'export async function run() {',
      "  console.log(await axios.get('/api/practitioners'));",
      "  console.log(await axios.get('/api/patients/count'));",
      "  console.log(await fetch('/api/patients', { method: 'POST', body: '{}' }));",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('an update (PUT, PATCH) of one record answers with that record; a create, a delete, a bulk update and an update of a setting say nothing', () => {
    const text = [
      "const BASE = '/api/fhir';",
      'export async function save(id: string, ops: unknown[]) {',
      "  const updated = await fetch(`${BASE}/Patient/${id}`, { method: 'PATCH', body: JSON.stringify(ops) });",
      '  console.log(await updated.json());',
      "  const replaced = await fetch(`/api/patients/${id}`, { method: 'PUT', body: '{}' });",
      '  console.log(await replaced.json());',
      "  const removed = await fetch(`/api/patients/${id}`, { method: 'DELETE' });",
      '  console.log(await removed.json());',
      "  const bulk = await fetch('/api/patients', { method: 'PATCH', body: '[]' });",
      '  console.log(await bulk.json());',
      "  const theme = await fetch(`/api/settings/${id}`, { method: 'PUT', body: '{}' });",
      '  console.log(await theme.json());',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:4:patient-record', 'no-phi-in-logs:6:patient-record']);
  });

  it('a path under a configured base URL still says what is read: `base() + path`, a template after the base, a URL helper given path segments', () => {
    const text = [
      'declare const http: any; declare const settings: { etlBase(): string };',
      'export class ReportService {',
      "  getUrl(reportName: string, day: string): string { return settings.etlBase() + `${reportName}/${day}`; }",
      '  async load(day: string) {',
      "    const url: string = settings.etlBase() + 'patients-requiring-viral-load';",
      "    console.log(await http.get(url));",
      "    console.log(await http.get(`${settings.etlBase()}encounters/${day}`));",
      "    console.log(await http.get(this.getUrl('daily-visits', day)));",
      '  }',
      '}',
    ].join('\n');
    // `patients-requiring-viral-load`: the route names the viral load, a lab result, which the kind reported says first.
    assert.deepEqual(reported(text), ['no-phi-in-logs:6:lab-result', 'no-phi-in-logs:7:encounter', 'no-phi-in-logs:8:encounter']);
  });

  it('stays silent on a configured base with a settings or count path, and on a URL helper given no literal segment', () => {
    const text = [
      'declare const http: any; declare const settings: { apiBase(): string }; declare const report: string;',
      'export class ReportService {',
      "  getUrl(name: string): string { return settings.apiBase() + '/reports/' + name; }",
      '  async load() {',
      "    console.log(await http.get(settings.apiBase() + 'locations'));",
      "    console.log(await http.get(`${settings.apiBase()}patients/count`));",
      "    console.log(await http.get(this.getUrl(report)));",
      "    console.log(await http.get(this.getUrl('location-list')));",
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('reads what a route path says its responses hold', () => {
    const classifier = new NameClassifier();
    assert.deepEqual(routeKinds('https://ehr.example.org/fhir/Observation?code=x', classifier), ['observation']);
    assert.deepEqual(routeKinds('/api/patients/:id/encounters', classifier), ['encounter', 'patient-record']);
    assert.deepEqual(routeKinds('/api/patients/count', classifier), []);
    assert.deepEqual(routeKinds('/api/email/send', classifier), []);
  });
});

describe('provenance: FHIR clients', () => {
  it("fhir.js names the resource type `type`: a Patient search's result is the patients; a Practitioner search's is not", () => {
    const text = [
      'declare const client: any;',
      'export async function find(query: unknown) {',
      "  const result = await client.search({ type: 'Patient', query });",
      "  console.log('found', result);",
      "  const staff = await client.search({ type: 'Practitioner', query });",
      "  console.log('found', staff);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:4:patient-record']);
  });
});

describe('provenance: documents of a store named for patient data', () => {
  it("what a treatments store hands its write callback is logged: reported; the error alone is not", () => {
    const text = [
      'module.exports = function init(ctx, docs) {',
      '  ctx.treatments.create(docs, function (err, created) {',
      "    if (err) console.log('could not save', err);",
      "    else console.log('saved', created);",
      '  });',
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/api/treatments.js'), ['no-phi-in-logs:4:procedure']);
  });

  it("a store's find with a callback after its query hands the callback documents, not elements", () => {
    const text = "module.exports = function init(db) {\n  db.observations.find({ recent: true }, function (err, docs) {\n    console.log('recent', docs);\n  });\n};\n";
    assert.deepEqual(reported(text, 'lib/api/observations.js'), ['no-phi-in-logs:3:observation']);
  });

  it("stays silent for a store named for staff or settings, an array's find callback and a count", () => {
    const text = [
      'module.exports = function init(ctx, docs, treatments) {',
      "  ctx.settings.save(docs, function (err, saved) { console.log('saved', saved); });",
      "  ctx.practitioners.create(docs, function (err, created) { console.log('created', created); });",
      "  const first = treatments.find((t) => t.id === docs.id); console.log('first id', first && first.id);",
      "  ctx.treatments.count({}, function (err, count) { console.log('treatments', count); });",
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/api/setup.js'), []);
  });
});

describe('provenance: requests whose URL is spelled around a configured base', () => {
  it('a template or concatenation with an unknown base still names the route; the response, its data and its parsed body are reported', () => {
    const text = [
      "import axios from 'axios';",
      'declare const serverBase: string;',
      'export async function loadChart(chartId: string) {',
      '  const answer = await axios.get(`${serverBase}/Observation?subject=${chartId}`);',
      "  console.log('loaded', answer.data);",
      "  console.log('status', answer.status);",
      "  fetch(serverBase + '/encounters/' + chartId).then((r) => r.json()).then((parsed) => console.debug(JSON.stringify(parsed)));",
      '}',
    ].join('\n');
    const found = findings(text);
    assert.deepEqual(found.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['no-phi-in-logs:5:observation', 'no-phi-in-logs:7:encounter']);
    assert.ok(found.every((finding) => finding.precision === 'medium'));
    assert.match(found[0].related[0].message, /the response of a request to `…\/Observation\?subject=…`/);
  });

  it('a registry route named in the plural the vocabulary knows in the singular (beneficiaries) is a patient route', () => {
    const text = "declare const registry: string;\nexport async function lookUp(code: string) {\n  const reply = await fetch(`${registry}/beneficiaries/${code}`);\n  console.log(await reply.json());\n}\n";
    assert.deepEqual(reported(text), ['no-phi-in-logs:4:patient-record']);
  });

  it('stays silent for staff, organisation and metadata routes around an unknown base, and for a bare base', () => {
    const text = [
      "import axios from 'axios';",
      'declare const serverBase: string;',
      'export async function setup(orgId: string) {',
      '  console.log((await axios.get(`${serverBase}/Practitioner/${orgId}`)).data);',
      '  console.log((await axios.get(`${serverBase}/organizations/${orgId}`)).data);',
      '  console.log((await axios.get(`${serverBase}/metadata`)).data);',
      '  console.log((await axios.get(`${serverBase}/patients/count`)).data);',
      '  console.log((await axios.get(`${serverBase}`)).data);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });
});

describe('provenance: named collections of patient records', () => {
  it('documents read from a collection opened by a patient-side name are reported, through cursor methods too', () => {
    const text = [
      'declare const mongo: any; declare const logger: any;',
      'export async function recent(filter: object) {',
      "  const rows = await mongo.collection('labResults').find(filter).sort({ at: -1 }).limit(5).toArray();",
      "  logger.info('recent', rows);",
      "  const single = await mongo.collection('encounters').findOne(filter);",
      "  logger.warn('one', single);",
      '}',
    ].join('\n');
    const found = findings(text);
    assert.deepEqual(found.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['no-phi-in-logs:4:lab-result', 'no-phi-in-logs:6:encounter']);
    assert.match(found[1].related[0].message, /documents read from the `encounters` store/);
  });

  it('stays silent on counts, lengths and ids of them, on staff and settings collections, and on an insert acknowledgement', () => {
    const text = [
      'declare const mongo: any; declare const logger: any;',
      'export async function audit(filter: object, entry: object) {',
      "  const rows = await mongo.collection('encounters').find(filter).toArray();",
      "  logger.info('rows', rows.length, rows[0]?._id);",
      "  logger.info('total', await mongo.collection('encounters').countDocuments(filter));",
      "  logger.info('staff', await mongo.collection('practitioners').findOne(filter));",
      "  logger.info('settings', await mongo.collection('settings').find(filter).toArray());",
      "  const ack = await mongo.collection('audit').insertOne(entry);",
      "  logger.info('ack', ack, entry);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it("a collection's callback read is reported like a named store's", () => {
    const text = "module.exports = function (db) {\n  db.collection('observations').find({ recent: true }, function (err, docs) {\n    console.log('recent', docs);\n  });\n};\n";
    assert.deepEqual(reported(text, 'lib/observations.js'), ['no-phi-in-logs:3:observation']);
  });
});

describe('provenance: the document a write stores in a patient-record store', () => {
  it('logged after the write resolves, and by the catch of a failed write, it is reported with the store named', () => {
    const text = [
      'declare const encountersDb: any; declare const mongo: any; declare const log: any;',
      'export function keep(draft: object) {',
      "  encountersDb.put(draft).then(() => log.info('kept', draft));",
      '}',
      'export async function record(reading: object) {',
      "  try { await mongo.collection('observations').insertOne(reading); } catch (failure) { log.error('could not store', reading, failure); }",
      '}',
    ].join('\n');
    const found = findings(text);
    assert.deepEqual(found.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['no-phi-in-logs:3:encounter', 'no-phi-in-logs:6:observation']);
    assert.match(found[1].related[0].message, /`reading` is written to the `observations` store \(`insertOne`\)/);
  });

  it('a machinery word after the subject (`patientStore`, `EncounterModel`) still names the store; a settings store and a staff store do not', () => {
    const text = [
      'declare const patientStore: any; declare const settingsStore: any; declare const staffDb: any; declare const log: any;',
      'export async function keep(item: object, prefs: object, colleague: object) {',
      '  await patientStore.add(item);',
      "  log.debug('added', item);",
      '  await settingsStore.put(prefs);',
      "  log.debug('saved', prefs);",
      '  await staffDb.save(colleague);',
      "  log.debug('staff', colleague);",
      '}',
      'declare const encounter: { save(options: object): Promise<void> };',
      'export async function close(saveOptions: object) {',
      '  await encounter.save(saveOptions);',
      "  log.debug('closed with', saveOptions);",
      '}',
      'declare const seenPatients: Set<string>;',
      'export function mark(patientId: string) {',
      '  seenPatients.add(patientId);',
      "  log.debug('marked', patientId);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:4:patient-record']);
  });
});

describe('provenance: clinical measurement records', () => {
  it('an object that sets a measured value beside a clinical unit marks the list it is pushed to, logged through a debug or bows logger', () => {
    const text = [
      "const trace = require('debug')('meter');",
      "const bows = require('bows');",
      "const uiLog = bows('Meter');",
      'module.exports = function decode(frames) {',
      '  const out = [];',
      "  for (const frame of frames) out.push({ kind: 'reading', value: frame.level, units: 'mmol/L', at: frame.time });",
      "  trace('decoded', out);",
      '  uiLog(out);',
      "  trace('decoded', out.length);",
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/meter.js'), ['no-phi-in-logs:7:lab-result', 'no-phi-in-logs:8:lab-result']);
  });

  it('a builder chain that sets the value from data and a clinical unit builds a measurement record, handed on by its later calls', () => {
    const text = [
      "const trace = require('debug')('meter');",
      'module.exports = function build(factory, frame) {',
      "  const reading = factory.makeReading().with_value(frame.level).with_units('mg/dL').with_time(frame.at).done();",
      "  trace('built', reading);",
      "  const sample = factory.makeSample().withUnits('mmHg').withValue(frame.pressure).build();",
      "  trace('built', sample);",
      "  const usage = factory.makeSample().with_value(frame.bytes).with_units('kB').done();",
      "  const preset = factory.makeReading().with_value(100).with_units('mg/dL').done();",
      "  trace('usage', usage, preset);",
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/build.js'), ['no-phi-in-logs:4:lab-result', 'no-phi-in-logs:6:vital-signs']);
  });

  it('a property filled with measurement records in one function holds readings where another function reads it', () => {
    const text = [
      "const trace = require('debug')('meter');",
      'function collect(state, factory) {',
      '  for (const frame of state.frames) {',
      "    const reading = factory.makeReading().with_value(frame.level).with_units('mmol/L').done();",
      '    state.uploads.push(reading);',
      '  }',
      '}',
      'function read(state, factory) {',
      '  state.uploads = [];',
      '  collect(state, factory);',
      "  trace('to upload', state.uploads);",
      "  trace('to upload', state.uploads.length, state.frames);",
      '  state.samples = readSamples(factory, state.frames);',
      "  trace('samples', state.samples);",
      '}',
      'function readSamples(factory, frames) {',
      "  return frames.map((frame) => ({ value: frame.pressure, units: 'mmHg' }));",
      '}',
      'module.exports = { read };',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/meter-driver.js'), ['no-phi-in-logs:11:lab-result', 'no-phi-in-logs:14:vital-signs']);
  });

  it('a property filled with counters, settings or non-clinical samples holds no readings', () => {
    const text = [
      "const trace = require('debug')('meter');",
      'function collect(state, frame) {',
      '  state.counts.push(frame.recordCount);',
      "  state.usage.push({ value: frame.bytes, units: 'kB' });",
      "  state.presets.push({ value: 100, units: 'mg/dL' });",
      '}',
      'function report(state) {',
      "  trace('collected', state.counts, state.usage, state.presets);",
      '}',
      'module.exports = { collect, report };',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/meter-stats.js'), []);
  });

  it('a vital-sign unit counts; a literal value, a non-clinical unit and a unit alone do not', () => {
    const text = [
      'module.exports = function show(sample) {',
      "  console.log({ value: sample.pulse, unit: 'bpm' });",
      "  console.log({ value: 0, units: 'mg/dL' });",
      "  console.log({ value: sample.size, units: 'MB' });",
      "  console.log({ units: 'mg/dL', label: sample.label });",
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/show.js'), ['no-phi-in-logs:2:vital-signs']);
  });
});

describe('provenance: framework fetch helpers read like fetch', () => {
  it("OpenMRS O3's openmrsFetch of a patient resource: its response data is the patient's record; a write's is not", () => {
    const text = [
      "import { openmrsFetch } from '@openmrs/esm-framework';",
      'export async function loadPatient(uuid: string) {',
      '  const res = await openmrsFetch(`/ws/rest/v1/patient/${uuid}?v=full`);',
      '  console.log(res.data);',
      "  const saved = await openmrsFetch('/ws/rest/v1/patient', { method: 'POST', body: { uuid } });",
      '  console.log(saved.data);',
      "  const concepts = await openmrsFetch('/ws/rest/v1/concept?q=malaria');",
      '  console.log(concepts.data);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/patients/patient.resource.ts'), ['no-phi-in-logs:4:patient-record']);
  });

  it("unjs/Nuxt $fetch and ofetch resolve with the body of the route they read", () => {
    const text = [
      "import { ofetch } from 'ofetch';",
      'declare const $fetch: any;',
      'export async function show(id: string) {',
      '  console.log(await $fetch(`/api/patients/${id}`));',
      '  console.log(await ofetch(`/api/encounters/${id}`));',
      "  console.log(await ofetch('/api/settings'));",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/pages/show.ts').map((finding) => finding.split(':').slice(0, 2).join(':')), ['no-phi-in-logs:4', 'no-phi-in-logs:5']);
  });
});
