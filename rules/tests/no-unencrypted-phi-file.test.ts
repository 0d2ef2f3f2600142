import { runRuleTests } from './rule-tester';

const fs = "import * as fs from 'node:fs';\n";

runRuleTests('no-unencrypted-phi-file', {
  valid: [
    // ids, counts, flags and metadata
    fs + 'declare const patient: { id: string; ssn: string }; fs.writeFileSync("last.txt", patient.id);',
    fs + 'declare const patient: any; fs.writeFileSync("type.txt", `${patient.resourceType}/${patient.id}`);',
    fs + 'declare const patients: any[]; fs.appendFileSync("stats.log", `${patients.length} patients\\n`);',
    fs + 'const patientCount = 3; fs.writeFileSync("count.txt", String(patientCount));',
    fs + 'declare const isPatientSelected: boolean; fs.writeFileSync("sel.json", JSON.stringify({ isPatientSelected }));',
    fs + 'declare const patient: any; const hasAllergy = patient.allergies.length > 0; fs.writeFileSync("a.json", JSON.stringify({ hasAllergy }));',
    fs + "const SSN_PATTERN = '^\\\\d{9}$'; const DOB_FORMAT = 'YYYY-MM-DD'; const emailTemplate = '<p>Hi</p>'; fs.writeFileSync('cfg.json', JSON.stringify({ SSN_PATTERN, DOB_FORMAT, emailTemplate }));",
    // sanitised and encrypted content
    fs + 'declare function redact(v: unknown): string; declare const patient: any; fs.writeFileSync("r.txt", redact(patient.ssn));',
    fs + 'declare const patient: any; const lastFour = patient.ssn.slice(-4); fs.writeFileSync("r.txt", lastFour);',
    fs + 'declare function encryptRecord(v: unknown): Buffer; declare const patient: any; fs.writeFileSync("p.enc", encryptRecord(patient));',
    fs + 'declare function encrypt(v: string): Buffer; declare const patient: any; const sealed = encrypt(JSON.stringify(patient.diagnosis)); fs.writeFileSync("p.enc", sealed);',
    "import { createWriteStream } from 'fs';\ndeclare function encryptLine(v: unknown): string; declare const patient: any;\nconst out = createWriteStream('export.enc');\nout.write(encryptLine({ ssn: patient.ssn }));",
    // stdout is not a file at rest
    fs + 'declare const patient: any; fs.writeFileSync("/dev/stdout", patient.ssn);',
    // not a file system
    'declare const res: any; declare const patient: any; res.write(patient.ssn);',
    'declare const cache: any; declare const patient: any; cache.writeFile(patient.ssn);',
    // a file named after patients with literal content
    fs + 'fs.writeFileSync("patients.csv", "id,created\\n");',
  ],
  invalid: [
    {
      name: 'writeFileSync with a patient record',
      code: fs + 'export function save(patient: { id: string; ssn: string; dateOfBirth: string }) {\n  fs.writeFileSync(`/tmp/${patient.id}.json`, JSON.stringify(patient));\n}',
      errors: [{ line: 3, column: 47, kinds: ['patient-record'], message: 'Writing patient record to a file without encryption' }],
      output: null,
    },
    {
      name: 'fs/promises named import, fs.promises and fs-extra',
      code: "import { writeFile, appendFile as append } from 'fs/promises';\nimport fse from 'fs-extra';\nimport * as fsSync from 'fs';\ndeclare const patient: any;\nawait writeFile('a.txt', patient.diagnosis);\nawait append('b.txt', `${patient.mrn}\\n`);\nawait fsSync.promises.writeFile('c.txt', patient.email);\nawait fse.outputJson('d.json', { phone: patient.phoneNumber });\nawait fse.writeJson('e.json', patient.medications);",
      errors: [
        { line: 5, column: 26, kinds: ['diagnosis'] },
        { line: 6, column: 23, kinds: ['mrn'] },
        { line: 7, column: 42, kinds: ['email'] },
        { line: 8, column: 32, kinds: ['phone'] },
        { line: 9, column: 31 },
      ],
    },
    {
      name: 'require and destructured require',
      code: "const fs = require('fs');\nconst { appendFileSync } = require('fs');\ndeclare const visit: any;\nfs.writeFile('v.txt', visit.clinicalNotes, () => {});\nappendFileSync('v.log', visit.diagnosis);",
      errors: [
        { line: 4, column: 23, kinds: ['clinical-note'] },
        { line: 5, column: 25, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'write streams: chained, through fs.createWriteStream and a bare createWriteStream',
      code: "import fs, { createWriteStream } from 'fs';\ndeclare const patient: any;\nfs.createWriteStream('a.csv').write(patient.ssn);\nconst out = fs.createWriteStream('b.csv');\nout.write(`${patient.firstName},${patient.lastName}\\n`);\nconst csv = createWriteStream('c.csv');\ncsv.end(patient.dob);",
      errors: [
        { line: 3, column: 37, kinds: ['ssn'] },
        { line: 5, column: 11, kinds: ['name'] },
        { line: 7, column: 9, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'CSV export through Papa.unparse of typed patients',
      code: "import Papa from 'papaparse';\nimport * as fs from 'fs';\nimport type { Patient } from './types';\nexport function exportCsv(patients: Patient[]) {\n  const csv = Papa.unparse(patients);\n  fs.writeFileSync('export.csv', csv);\n}",
      workspace: { 'src/types.ts': 'export interface Patient { id: string; fullName: string; birthDate: string }' },
      errors: [{ line: 6, column: 34, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'a stream named like a file stream is a guess (medium precision)',
      code: 'declare const fileStream: any; declare const patient: any;\nfileStream.write(patient.diagnosis);',
      errors: [{ line: 2, column: 18, kinds: ['diagnosis'] }],
    },
    {
      name: 'an opaque payload written to a file named after patients is a guess',
      code: "import * as fs from 'fs';\ndeclare function buildRows(): string;\nfs.writeFileSync('exports/patients.csv', buildRows());",
      errors: [{ line: 3, column: 42, kinds: ['patient-record'], message: 'what the file name says' }],
    },
  ],
});
