// `appUsers: "patients"`: in a patient app or portal the signed-in account is a patient, so its contact data in
// code about users, accounts and sign-in is PHI; by default that code handles the workforce's own logins.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { patientAppEvidence } from '../../src/engine/app-users';
import { Project } from '../../src/engine/project';

describe('who signs in to the app (config appUsers)', () => {
  let dir: string;
  const files: Record<string, string> = {
    'src/utils/local-storage.js': "import AsyncStorage from '@react-native-async-storage/async-storage';\nexport const storeLocalData = async (key, data) => {\n  await AsyncStorage.setItem(`@app:${key}`, JSON.stringify(data));\n};\n",
    'src/store/user/actions.js': "import { storeLocalData } from '../../utils/local-storage';\nexport const setupPin = (pin, phone) => async (dispatch, getState) => {\n  await storeLocalData('auth', { phone, country: getState().user.countryCode });\n  console.log('signed in', getState().user.email);\n};\n",
    'src/admin/staff.js': "export function inviteStaff(practitioner) {\n  console.info('inviting', practitioner.email);\n}\n",
  };
  const scan = async (config: string | undefined, manifests: Record<string, string> = {}) => {
    fs.rmSync(path.join(dir, '.phi-guard.json'), { force: true });
    for (const manifest of ['package.json', 'src/admin/package.json']) fs.rmSync(path.join(dir, manifest), { force: true });
    for (const [manifest, text] of Object.entries(manifests)) fs.writeFileSync(path.join(dir, manifest), text);
    if (config) fs.writeFileSync(path.join(dir, '.phi-guard.json'), config);
    const result = await new Project({ root: dir, rules: allRules }).scan();
    return result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.ruleId}:${finding.phiKinds.join('+')}`).sort();
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-app-users-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads code about users as the workforce by default', async () => {
    assert.deepEqual(await scan(undefined), []);
    assert.deepEqual(await scan('{ "appUsers": "staff" }'), []);
  });

  it("reports a patient app's account data, and still not the staff screens", async () => {
    assert.deepEqual(await scan('{ "appUsers": "patients" }'), [
      'src/store/user/actions.js:3:no-phi-in-browser-storage:phone',
      'src/store/user/actions.js:4:no-phi-in-logs:email',
    ]);
  });

  it('reads a package named or described as a patient app or portal as used by patients, when no config says', async () => {
    const patientApp = [
      'src/store/user/actions.js:3:no-phi-in-browser-storage:phone',
      'src/store/user/actions.js:4:no-phi-in-logs:email',
    ];
    assert.deepEqual(await scan(undefined, { 'package.json': '{ "name": "@clinic/patient-app" }' }), patientApp);
    assert.deepEqual(await scan(undefined, { 'package.json': '{ "name": "web", "description": "Patient portal for lab results" }' }), patientApp);
    // a config that says wins over the manifest
    assert.deepEqual(await scan('{ "appUsers": "staff" }', { 'package.json': '{ "name": "@clinic/patient-app" }' }), []);
    // the nearest manifest decides: a staff package inside a patient-app repository stays the staff's
    assert.deepEqual(await scan(undefined, { 'package.json': '{ "name": "patient-portal" }', 'src/admin/package.json': '{ "name": "admin-console" }' }), patientApp);
  });

  it('keeps the staff reading for packages about patients that the workforce uses', async () => {
    assert.deepEqual(await scan(undefined, { 'package.json': '{ "name": "@hospital/esm-patient-chart-app", "description": "Patient dashboard microfrontend" }' }), []);
    assert.deepEqual(await scan(undefined, { 'package.json': '{ "name": "patient-management" }' }), []);
  });
});

describe('patientAppEvidence: what a package manifest says about who signs in', () => {
  const cases: Array<[string, boolean]> = [
    ['{ "name": "@webco/patient-app" }', true],
    ['{ "name": "patientPortal" }', true],
    ['{ "name": "member-portal" }', true],
    ['{ "name": "mobile", "description": "The patient-facing mobile app of the clinic" }', true],
    ['{ "name": "phr", "description": "A personal health record you keep on your phone" }', true],
    ['{ "productName": "Patient App" }', true],
    ['{ "name": "@org/esm-patient-registration-app" }', false],
    ['{ "name": "patients" }', false],
    ['{ "name": "patient-portal-admin" }', false],
    ['{ "name": "clinic", "description": "Staff app to review patient portal messages" }', false],
    ['{ "name": "ehr", "description": "EHR for clinicians" }', false],
    ['[1, 2]', false],
    ['', false],
  ];
  for (const [manifest, patients] of cases) {
    it(`${patients ? 'patients' : 'staff'}: ${manifest || '(empty)'}`, () => {
      assert.equal(patientAppEvidence(manifest) !== undefined, patients);
    });
  }
});
