// `appUsers: "patients"`: in a patient app or portal the signed-in account is a patient, so its contact data in
// code about users, accounts and sign-in is PHI; by default that code handles the workforce's own logins.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { Project } from '../../src/engine/project';

describe('who signs in to the app (config appUsers)', () => {
  let dir: string;
  const files: Record<string, string> = {
    'src/utils/local-storage.js': "import AsyncStorage from '@react-native-async-storage/async-storage';\nexport const storeLocalData = async (key, data) => {\n  await AsyncStorage.setItem(`@app:${key}`, JSON.stringify(data));\n};\n",
    'src/store/user/actions.js': "import { storeLocalData } from '../../utils/local-storage';\nexport const setupPin = (pin, phone) => async (dispatch, getState) => {\n  await storeLocalData('auth', { phone, country: getState().user.countryCode });\n  console.log('signed in', getState().user.email);\n};\n",
    'src/admin/staff.js': "export function inviteStaff(practitioner) {\n  console.info('inviting', practitioner.email);\n}\n",
  };
  const scan = async (config: string | undefined) => {
    fs.rmSync(path.join(dir, '.phi-guard.json'), { force: true });
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
});
