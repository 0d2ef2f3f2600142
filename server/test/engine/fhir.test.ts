// FHIR awareness: resources typed from @medplum/fhirtypes, @types/fhir or local declarations, values read
// through FHIR clients, and which fields of a resource are PHI.
import assert from 'node:assert/strict';
import path from 'node:path';
import { RULES } from '../helpers/rules';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/core/config-types';
import { WorkspaceIndex } from '../../src/engine/workspace-index';

const ROOT = path.resolve('/virtual');

function logged(text: string, workspace: Record<string, string> = {}): string[] {
  const index = new WorkspaceIndex();
  for (const [file, content] of Object.entries(workspace)) index.addFile(file, content);
  index.addFile('src/a.ts', text);
  const result = analyzeFile({ absPath: path.join(ROOT, 'src/a.ts'), relPath: 'src/a.ts', text, config: defaultConfig(ROOT), index, today: '2026-11-29', rules: RULES });
  assert.equal(result.skipped, undefined);
  return result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => `${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

describe('FHIR awareness', () => {
  it('a parameter typed Patient (@medplum/fhirtypes): PHI fields yes, id/resourceType/meta.versionId no', () => {
    const text = `import type { Patient } from '@medplum/fhirtypes';
export function f(patient: Patient) {
  console.log(patient.id, patient.resourceType, patient.meta?.versionId, patient.gender);
  console.log(patient.birthDate);
  console.log(patient.name?.[0]?.family);
  console.log(patient.telecom);
  console.log(patient.identifier?.[0].value);
}
`;
    assert.deepEqual(logged(text), ['4:date-of-birth', '5:name', '6:email,phone', '7:mrn']);
  });

  it('@types/fhir qualified names (fhir4.Observation): value[x] and code are PHI', () => {
    const text = `export function f(obs: fhir4.Observation, condition: fhir4.Condition) {
  console.log(obs.valueQuantity);
  console.log(obs.status);
  console.log(condition.code);
}
`;
    assert.deepEqual(logged(text), ['2:observation', '4:diagnosis']);
  });

  it('a class field of type Observation[] and a generic Bundle<Patient>', () => {
    const text = `import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
export class VitalsView {
  private observations: Observation[] = [];
  render() { console.log(this.observations); }
}
export function show(bundle: Bundle<Patient>) {
  console.log(bundle.entry);
}
`;
    assert.deepEqual(logged(text), ['4:observation', '7:patient-record']);
  });

  it('values read through Medplum, fhir-kit-client and SMART clients carry their resource kinds', () => {
    const text = `declare const medplum: any; declare const client: any; declare const smart: any;
export async function f(id: string) {
  const p = await medplum.searchOne('Patient', { identifier: id });
  console.log(p.birthDate);
  const obs = await client.read({ resourceType: 'Observation', id });
  console.log(obs.valueString);
  const me = await smart.patient.read();
  console.log(me.address);
  const conditions = await smart.request('Condition?patient=' + id);
  console.log(conditions.code);
  console.log(p.id, obs.id, me.id);
}
`;
    assert.deepEqual(logged(text), ['4:date-of-birth', '6:observation', '8:address', '10:diagnosis']);
  });

  it('a local Patient declaration wins over the FHIR one', () => {
    const text = `import type { Patient } from './types';
export function f(patient: Patient) { console.log(patient.nickname); console.log(patient.ssn); }
`;
    assert.deepEqual(logged(text, { 'src/types.ts': 'export interface Patient { id: string; nickname: string; ssn: string }' }), ['2:name', '2:ssn']);
  });

  it('object literals with resourceType: Patient give later reads their kinds', () => {
    const text = `declare const form: any;
const patient = { resourceType: 'Patient', birthDate: form.dob, active: true };
console.log(patient.active);
console.log(patient.birthDate);
`;
    assert.deepEqual(logged(text), ['4:date-of-birth']);
  });
});
