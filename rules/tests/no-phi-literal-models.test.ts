// Table tests of no-phi-literal's evidence models, value by value: reserved and test ranges per identifier
// kind, placeholder contacts and names, sample-data files by path, texts about fictional people.
import assert from 'node:assert/strict';
import { isDataSampleFile, isRealisticEmail, isRealisticName, isRealisticPhone, isRealisticSsn, textNamesFictionalPerson } from '../no-phi-literal';
import { isIssuedNhsNumber, isLowEntropyDigits, isValidNhsNumber } from '../utils/identifiers';

const table = <T>(name: string, cases: ReadonlyArray<[T, boolean]>, check: (value: T) => boolean) => {
  describe(name, () => {
    for (const [value, expected] of cases) it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(check(value), expected));
  });
};

describe('no-phi-literal models', () => {
  table('(a) NHS numbers: only issued ranges are real', [
    ['4739205815', true], // England 4xx
    ['685 201 9470', true], // England 6xx
    ['9993812048', false], // the test range 999 000 0000–999 999 9999
    ['9458123674', false], // 9xx: test environments and sandboxes
    ['5029183744', false], // 5xx: never issued
    ['8217304955', false], // 8xx: never issued
  ], (value) => isValidNhsNumber(value) && isIssuedNhsNumber(value));

  table('(a) low-entropy digits are typed, not issued', [
    ['555444444', true],
    ['555555585', true],
    ['1111111111111', true],
    ['200003021', false], // five zeros of nine: below the line
    ['204817353', false],
    ['401227788', false],
    ['123', false], // too short to judge
  ], isLowEntropyDigits);

  table('(a) SSNs: issued ranges, not specimens, placeholders or the SSA advertising range', [
    ['401227788', true],
    ['987654325', false],
    ['078051120', false],
    ['555444444', false],
    ['912345678', false],
  ], isRealisticSsn);

  table('(c) phones: fictional and typed numbers', [
    ['(617) 253-9876', true],
    ['(617) 555-0142', false],
    ['+1-555-555-5585', false],
    ['(415) 867-5309', false],
    ['123-456-7890', false],
    ['+27 83 123 4567', false],
    ['+44 20 7946 1234', true],
  ], isRealisticPhone);

  table('(c) e-mails: reserved, placeholder and disposable domains', [
    ['maria.lopez82@gmail.com', true],
    ['jane@example.com', false],
    ['pt@clinic.test', false],
    ['someone@email.com', false],
    ['throwaway@mailinator.com', false],
  ], isRealisticEmail);

  table('(c) names: placeholders, fictional people, test prefixes, generator counters', [
    ['Adaeze Okafor', true],
    ['John Doe', false],
    ['Adam Everyman', false],
    ['Mon Mothma', false],
    ['ZZTESTPATIENT', false],
    ['Marisol412', false],
  ], isRealisticName);

  table('(b) sample-data files by folder and name', [
    ['src/services/patients.ts', false],
    ['data/intake-cases.json', false],
    ['performance/resources/patient.json', true],
    ['load-tests/data/patients.ts', true],
    ['k6/scripts/patients.js', true],
    ['src/demo/patients.ts', true],
    ['src/services/tracker/sandbox.ts', true],
    ['assets/sample_convert_request.json', true],
    ['js/gc-sample-patients.js', true],
    ['assets/create_patient_response.json', true],
    ['src/api/response.ts', false], // code named for a response handles one; only JSON exemplars are samples
    ['scripts/synthetic-patient-data/examples/case.json', true],
  ], isDataSampleFile);

  table('(c) texts naming a fictional person', [
    ['PID|||4471823^^^MRN||EVERYMAN^ADAM^A||19610615|M', true],
    ['PID|||4471823^^^MRN||OKAFOR^ADAEZE^A||19610615|F', false],
    ['Referred by Dr Okafor, contact ZTEST desk', true],
    ['Everymanagement report', false], // a word of its own, not a part of one
  ], textNamesFictionalPerson);
});
