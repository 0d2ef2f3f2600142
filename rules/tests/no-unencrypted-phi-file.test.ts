import { runRuleTests } from './rule-tester';

const fs = "import * as fs from 'node:fs';\n";

runRuleTests('no-unencrypted-phi-file', {
  valid: [
    // device file systems and copies of a whole on-device database
    {"name": "decrypted key material, configuration or secrets written to a file; a decryption kept in memory; the decrypted content re-encrypted", "filename": "src/services/files.js", "code": "import fs from 'node:fs/promises';\nimport { decrypt, decryptFile, encrypt } from './encryption';\nexport async function restore(encryptedKey, password, blob) {\n  const privateKey = await decrypt(password, encryptedKey);\n  await fs.writeFile('/etc/app/private.key', privateKey);\n  const settings = await decryptFile(blob, password);\n  await fs.writeFile('config/settings.json', settings);\n  const plain = await decryptFile(blob, password);\n  const view = plain.length;\n  await fs.writeFile('/tmp/out.bin', encrypt(plain, password));\n  return view;\n}"},
    {"name": "a decrypted file written by a test", "filename": "src/__tests__/files.test.js", "code": "import fs from 'node:fs';\nimport { decryptFile } from '../encryption';\nit('decrypts', async () => { fs.writeFileSync('/tmp/x', await decryptFile('abc', 'pw')); });"},
    {"name": "a Realm copy made with the live database's key", "filename": "src/backup.js", "code": "import { Individual } from './models';\nexport class Backup {\n  run(dest, key) {\n    this.db.writeCopyTo({ path: dest, encryptionKey: key });\n    return this.db.objects(Individual.schema.name).length;\n  }\n}"},
    {"name": "a Realm copy in a file that works with no patient-like type, or with options it cannot see", "filename": "src/backup.js", "code": "import { Concept, SubjectType, UserSubjectAssignment } from './models';\nexport class Backup {\n  run(dest, config) {\n    this.db.writeCopyTo({ path: dest });\n    this.db.writeCopyTo(config);\n    return [this.db.objects(Concept.schema.name), this.db.objects(SubjectType.schema.name), this.db.objects(UserSubjectAssignment.schema.name)];\n  }\n}"},
    {"name": "HTML-to-PDF renderers: a page without PHI, a PDF kept in memory (html-pdf toBuffer), an unrelated create()", "filename": "src/print.ts", "code": "import * as Print from 'expo-print';\nimport pdf from 'html-pdf';\ndeclare const clinic: { id: string };\ndeclare const patient: { diagnosis: string };\nawait Print.printToFileAsync({ html: `<h1>Opening hours</h1><p>${clinic.id}</p>` });\npdf.create(`<p>${patient.diagnosis}</p>`).toBuffer((err: unknown, buffer: Buffer) => buffer);\nconst store = { create: (html: string) => ({ toFile: (cb: () => void) => cb() }) };\nstore.create(`<p>${patient.diagnosis}</p>`).toFile(() => undefined);"},
    {"name": "react-native-fs and Capacitor writes of non-PHI values", "filename": "src/files.ts", "code": "import RNFS from 'react-native-fs';\nimport { Filesystem, Directory } from '@capacitor/filesystem';\ndeclare const patient: { id: string };\nawait RNFS.writeFile(`${RNFS.DocumentDirectoryPath}/last.txt`, patient.id, 'utf8');\nawait Filesystem.writeFile({ path: 'settings.json', data: JSON.stringify({ theme: 'dark' }), directory: Directory.Data });"},
    // ids, counts, flags and metadata
    fs + 'declare const patient: { id: string; ssn: string }; fs.writeFileSync("last.txt", patient.id);',
    fs + 'declare const patient: any; fs.writeFileSync("type.txt", `${patient.resourceType}/${patient.id}`);',
    fs + 'declare const patients: any[]; fs.appendFileSync("stats.log", `${patients.length} patients\\n`);',
    // who issued a record's identifier (an assigning authority, FHIR Identifier.assigner) is an organisation, not the person
    { code: "const fs = require('fs');\nclass LinkReport {\n  writeRow({ proaPatientData }) {\n    const out = fs.createWriteStream('links.csv');\n    out.write(`${proaPatientData.uuid}| ${proaPatientData.sourceAssigningAuthority}| ${proaPatientData.lastUpdated}|\\n`);\n    out.write(`${proaPatientData.identifier[0].assigner}|\\n`);\n  }\n}\nmodule.exports = LinkReport;", filename: 'src/runners/linkReport.js' },
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
    // a build step writing the deployment's environment into an environment file: configuration, whatever the variables are named after
    {
      name: 'environment variables written to an environment file',
      filename: 'tools/write-environment.ts',
      code: fs + "const content = `export const environment = { rxServiceCredential: '${process.env.EXTERNAL_PRESCRIPTION_CRED}', diagnosisApi: '${import.meta.env.VITE_DIAGNOSIS_API}' };`;\nfs.writeFileSync('src/environments/environment.ts', content);",
    },
    // spreadsheet exports of catalogue rows, counts and ids; a workbook never written; another library's writeFile
    {"name": "SheetJS exports of a price list, counts and opaque ids", "filename": "src/export.ts", "code": "import * as XLSX from 'xlsx';\ndeclare const services: { name: string; price: number }[];\ndeclare const patients: { id: string }[];\nconst sheet = XLSX.utils.json_to_sheet(services.map((s) => ({ Service: s.name, Price: s.price })));\nconst book = XLSX.utils.book_new();\nXLSX.utils.book_append_sheet(book, sheet, 'Services');\nXLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Patients', patients.length], ...patients.map((p) => [p.id])]), 'Counts');\nXLSX.writeFile(book, 'services.xlsx');"},
    {"name": "a workbook of patients built but only rendered, and a writeFile of a module that is not a spreadsheet library", "filename": "src/export.ts", "code": "import * as XLSX from 'xlsx';\nimport { writeFile } from './local-files';\ndeclare const patients: { name: string; birthDate: string }[];\nconst sheet = XLSX.utils.json_to_sheet(patients.map((p) => ({ Name: p.name, Born: p.birthDate })));\nexport const html = XLSX.utils.sheet_to_html(sheet);\nwriteFile('notes.txt', 'exported');"},
  ],
  invalid: [
    {
      name: 'an environment variable beside a patient field is still reported for the patient field',
      code: fs + "declare const patient: { ssn: string };\nfs.writeFileSync('out.txt', `${process.env.EXPORT_HEADER}:${patient.ssn}`);",
      errors: [{ line: 3, column: 29, message: 'Writing SSN' }],
    },
    // device file systems (React Native, Expo, Capacitor) and unencrypted copies of a whole on-device database
    {"name": "the plaintext of a decryption written to the device or server disk: a variable, a promise chain, a callback of the decryption's promise", "filename": "src/services/files.js", "code": "import RNFS from 'react-native-fs';\nimport RNFetchBlobFS from 'rn-fetch-blob/fs';\nimport fs from 'node:fs';\nimport { decrypt, decryptFile } from './encryption';\nexport async function download(res, entityKey, document) {\n  const decrypted = await decryptFile(res, entityKey);\n  await RNFS.writeFile(RNFS.TemporaryDirectoryPath + '/' + document.name, decrypted, 'base64');\n}\nexport function processEncryptedFile(path, password) {\n  return RNFetchBlobFS.readFile(path, 'base64')\n    .then((encryptedData) => decrypt(password, encryptedData))\n    .then((decryptedData) => RNFetchBlobFS.writeFile(path, decryptedData, 'base64'));\n}\nexport function decryptSync(password, buffer, filePath) {\n  return aesCrypto.decrypt(password, buffer).then(function (plain) {\n    fs.writeFile(filePath, plain, () => {});\n  });\n}", "errors": [{"line": 7, "column": 75, "message": "plaintext of a decryption"}, {"line": 12, "column": 60}, {"line": 16, "column": 28}]},
    {"name": "a Realm copy without a key in a file that reads patient-like object types", "filename": "src/backup.js", "code": "import { DraftSubject, DraftEncounter } from './models';\nexport class Backup {\n  run(dest) {\n    this.db.writeCopyTo({ path: dest });\n  }\n  reset() {\n    return [this.db.objects(DraftSubject.schema.name), this.db.objects('Encounter')];\n  }\n}", "errors": [{"line": 4, "column": 5, "kinds": ["encounter", "patient-record"], "message": "DraftSubject"}]},
    {"name": "HTML-to-PDF renderers that write the rendered page to a file (expo-print, react-native-html-to-pdf, html-pdf)", "filename": "src/print.ts", "code": "import * as Print from 'expo-print';\nimport { printToFileAsync } from 'expo-print';\nimport RNHTMLtoPDF from 'react-native-html-to-pdf';\nimport pdf from 'html-pdf';\ndeclare const patient: { givenName: string; diagnosis: string };\nawait Print.printToFileAsync({ html: `<h1>${patient.givenName}</h1>` });\nawait printToFileAsync({ html: `<p>${patient.diagnosis}</p>` });\nawait RNHTMLtoPDF.convert({ html: `<p>${patient.diagnosis}</p>`, fileName: 'summary' });\npdf.create(`<p>${patient.diagnosis}</p>`, { format: 'A4' }).toFile((err: unknown) => err);", "errors": [{"line": 6, "column": 38, "kinds": ["name"]}, {"line": 7, "column": 32, "kinds": ["diagnosis"]}, {"line": 8, "column": 35, "kinds": ["diagnosis"]}, {"line": 9, "column": 12, "kinds": ["diagnosis"]}]},
    {"name": "react-native-fs, expo-file-system and Capacitor writes of PHI to the device", "filename": "src/files.ts", "code": "import RNFS from 'react-native-fs';\nimport * as FileSystem from 'expo-file-system';\nimport { Filesystem, Directory } from '@capacitor/filesystem';\ndeclare const patient: { dateOfBirth: string; diagnosis: string };\nawait RNFS.appendFile(`${RNFS.DocumentDirectoryPath}/visits.log`, patient.diagnosis, 'utf8');\nawait FileSystem.writeAsStringAsync(FileSystem.documentDirectory + 'dx.txt', patient.diagnosis);\nawait Filesystem.writeFile({ path: 'dob.txt', data: patient.dateOfBirth, directory: Directory.Documents });\nawait RNFS.write('/sdcard/dx.txt', patient.diagnosis);", "errors": [{"line": 5, "column": 67, "kinds": ["diagnosis"]}, {"line": 6, "column": 78, "kinds": ["diagnosis"]}, {"line": 7, "column": 53, "kinds": ["date-of-birth"]}, {"line": 8, "column": 36, "kinds": ["diagnosis"]}]},
    {
      name: 'a SheetJS export of a patient list: rows into a sheet, the sheet into a workbook, the workbook written to a file',
      filename: 'src/export.ts',
      code: "import * as XLSX from 'xlsx';\ninterface Visit { patient: { name: string; phoneNumber: string } }\nexport function exportVisits(visits: Visit[]) {\n  const rows = visits.map((visit) => ({ 'Patient name': visit.patient.name, Phone: visit.patient.phoneNumber }));\n  const sheet = XLSX.utils.json_to_sheet(rows);\n  const book = XLSX.utils.book_new();\n  XLSX.utils.book_append_sheet(book, sheet, 'Visits');\n  XLSX.writeFile(book, 'visits.xlsx');\n}",
      errors: [{ line: 8, column: 18, kinds: ['name', 'phone'] }],
    },
    {
      name: 'a SheetJS export through helpers that build the sheet and the workbook, written with the named writeFile',
      filename: 'src/export.ts',
      code: "import { writeFile, utils } from 'xlsx';\ndeclare const patients: { name: string; birthDate: string }[];\nfunction toSheet<T>(data: T[]) {\n  return utils.json_to_sheet(data);\n}\nfunction toBook(sheet: ReturnType<typeof utils.json_to_sheet>) {\n  const book = utils.book_new();\n  utils.book_append_sheet(book, sheet, 'List');\n  return book;\n}\nexport function exportList() {\n  writeFile(toBook(toSheet(patients.map((p) => ({ Name: p.name, Born: p.birthDate })))), 'list.xlsx', { compression: true });\n}",
      errors: [{ line: 12, column: 13, kinds: ['date-of-birth', 'name'] }],
    },
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

// Data, not names: a build script's tables computed from the repository's own JSON modules (a FHIR compartment
// definition, compiled search parameters, a specification) are metadata, whatever they and their files are named.
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    {
      name: 'a code-generation script writes a search-parameter table computed from two JSON modules by a function of its own',
      filename: 'deploy/export/generate-compartment-params.js',
      code: "const fs = require('fs');\nconst compartmentPatient = require('./definitions/compartment-patient.json');\nconst searchParameters = require('./definitions/search-parameters.json');\nfunction tableFor(parameters, compartment) {\n  const byCode = {};\n  parameters.forEach((parameter) => { byCode[parameter.code] = parameter.expression; });\n  const table = {};\n  compartment.resource.forEach((resource) => { table[resource.code] = (resource.param || []).map((code) => byCode[code]); });\n  return table;\n}\nconst patientCompartmentR4 = tableFor(searchParameters, compartmentPatient);\nfs.writeFileSync('./definitions/patient-compartment-r4.json', JSON.stringify(patientCompartmentR4));",
    },
    {
      name: 'an ES module build step serialises an imported JSON specification to a file named after prescriptions',
      filename: 'scripts/bundle-openapi.mjs',
      code: "import { writeFileSync } from 'node:fs';\nimport prescriptionSpec from '../spec/prescriptions.json';\nconst patientPaths = Object.entries(prescriptionSpec.paths).filter(([path]) => path.startsWith('/Patient'));\nwriteFileSync('./dist/prescription-api.json', JSON.stringify(Object.fromEntries(patientPaths)));",
    },
  ],
  invalid: [
    {
      name: 'near miss: an asynchronous function handed a JSON module (a query it runs) returns records, not metadata',
      filename: 'scripts/export-patients.js',
      code: "const fs = require('fs');\nconst exportQuery = require('./export-query.json');\nasync function loadPatients(query) { return db.find(query); }\nasync function main() {\n  const patientRecords = await loadPatients(exportQuery);\n  fs.writeFileSync('./out/patients.json', JSON.stringify(patientRecords));\n}\nmain();",
      errors: [{ line: 6, column: 43, kinds: ['patient-record'] }],
    },
    {
      name: 'near miss: a JSON module mixed with data handed in at run time is not the repository\'s own content',
      filename: 'scripts/export-patients.js',
      code: "const fs = require('fs');\nconst columns = require('./columns.json');\nfunction toRows(records, layout) { return records.map((record) => layout.map((column) => record[column])); }\nexport function exportPatients(patientList) {\n  const patientRows = toRows(patientList, columns);\n  fs.writeFileSync('./out/patients.csv', JSON.stringify(patientRows));\n}",
      errors: [{ line: 6, column: 42, kinds: ['patient-record'] }],
    },
    {
      name: 'near miss: a module of code, not a JSON module, is not content the analysis can vouch for',
      filename: 'scripts/export-patients.js',
      code: "const fs = require('fs');\nconst patientCache = require('./patient-cache');\nfs.writeFileSync('./out/patients.json', JSON.stringify(patientCache.all()));",
      errors: [{ line: 3, column: 41, kinds: ['patient-record'] }],
    },
  ],
});

// A file's name is not its format nor its variant or version segments: `service-api.new.yaml` is named after an API.
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    {
      name: 'an opaque document written to a file named after a prescription API with a variant segment',
      filename: 'tools/merge-openapi.mjs',
      code: "import { writeFileSync } from 'fs';\ndeclare function mergeDocuments(): unknown;\ndeclare function toYaml(value: unknown): string;\nwriteFileSync('./prescription-service-api.new.yaml', toYaml(mergeDocuments()));\nwriteFileSync('./prescription-service-api.4.0.1.yaml', toYaml(mergeDocuments()));",
    },
  ],
  invalid: [
    {
      name: 'near miss: a variant segment after a name that says patients still names patients',
      filename: 'scripts/export.ts',
      code: "import * as fs from 'fs';\ndeclare function buildRows(): string;\nfs.writeFileSync('exports/patients.new.csv', buildRows());\nfs.writeFileSync('exports/daily.patients.csv', buildRows());",
      errors: [{ line: 3, column: 46, kinds: ['patient-record'], message: 'what the file name says' }, { line: 4, column: 48, kinds: ['patient-record'], message: 'what the file name says' }],
    },
  ],
});

// Files built piece by piece: an ExcelJS workbook filled row by row, csv-writer records, streams piped into a file
// and written into afterwards (PDFKit, archiver, CSV streams), and serialisers that turn records into CSV text.
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    {
      name: 'PDF documents: one filled with counts whose buffer is written, a patient one sent as the response, a buffer named alike outside the callback, a non-PDF report',
      filename: 'src/pdf.js',
      code: "const fs = require('fs');\nconst PDFDocument = require('pdfkit');\nconst helpers = require('./helpers');\nfunction summary(patients, dir) {\n  const doc = new PDFDocument();\n  renderCounts(doc, patients.length, 'Monthly');\n  doc.end();\n  helpers.streamToBuffer(doc, (err, buffer) => fs.writeFile(`${dir}/summary.pdf`, buffer, () => {}));\n}\nfunction dossier(patient, res) {\n  const doc = pdfUtils.createPdfDoc({ fontSize: 7 });\n  pdfUtils.displayModelDetails(doc, patient.diagnosis, true);\n  doc.end();\n  helpers.streamToBuffer(doc, (err, buffer) => res.send(buffer));\n}\nfunction other(patient, buffer) {\n  const doc = new PDFDocument();\n  pdfUtils.displayModelDetails(doc, patient.diagnosis);\n  helpers.streamToBuffer(doc, (err, bytes) => res.send(bytes));\n  fs.writeFileSync('cache.bin', buffer);\n}\nfunction report(patient, dir) {\n  const sheet = buildSheet();\n  fill(sheet, patient.diagnosis);\n  helpers.streamToBuffer(sheet, (err, buffer) => fs.writeFile(`${dir}/r.bin`, buffer, () => {}));\n}\nmodule.exports = { summary, dossier, other, report };",
    },
    {
      name: 'zlib: a compressed count written to a file, compressed patient data sent as the response, a buffer named alike outside the callback',
      filename: 'src/archive.js',
      code: "const fs = require('fs');\nconst zlib = require('zlib');\nfunction counts(patients) {\n  fs.writeFileSync('n.gz', zlib.gzipSync(String(patients.length)));\n}\nfunction send(patient, res, buffer) {\n  zlib.gzip(JSON.stringify({ ssn: patient.ssn }), (err, gz) => res.end(gz));\n  fs.writeFileSync('cache.bin', buffer);\n}\nmodule.exports = { counts, send };",
    },
    {
      name: 'an ExcelJS workbook of a price list, and a patient workbook streamed to the HTTP response, not to a file',
      filename: 'src/export.ts',
      code: "import ExcelJS from 'exceljs';\ndeclare const services: { code: string; price: number }[];\ndeclare const patients: { fullName: string; dateOfBirth: string }[];\ndeclare const res: any;\nexport async function prices() {\n  const book = new ExcelJS.Workbook();\n  const sheet = book.addWorksheet('Services');\n  sheet.columns = [{ header: 'Code', key: 'code' }, { header: 'Price', key: 'price' }];\n  services.forEach((s) => sheet.addRow({ code: s.code, price: s.price }));\n  await book.xlsx.writeFile('prices.xlsx');\n}\nexport async function download() {\n  const workbook = new ExcelJS.Workbook();\n  const ws = workbook.addWorksheet('Patients');\n  patients.forEach((p) => ws.addRow([p.fullName, p.dateOfBirth]));\n  await workbook.xlsx.write(res);\n}",
    },
    {
      name: 'declared columns that name a person only without a person in the table (staff contacts)',
      filename: 'src/staff.ts',
      code: "import { Workbook } from 'exceljs';\nimport { createObjectCsvWriter } from 'csv-writer';\ndeclare const rows: unknown[];\nexport async function staff() {\n  const wb = new Workbook();\n  const ws = wb.addWorksheet('Staff');\n  ws.columns = [{ header: 'Name', key: 'name' }, { header: 'Email', key: 'email' }];\n  ws.addRows(rows);\n  await wb.xlsx.writeFile('staff.xlsx');\n  const writer = createObjectCsvWriter({ path: 'counts.csv', header: [{ id: 'ward', title: 'Ward' }, { id: 'count', title: 'Count' }] });\n  await writer.writeRecords(rows);\n}",
    },
    {
      name: 'a PDF piped to the HTTP response, and a stream piped into a file but written only with constants and counts',
      filename: 'src/report.js',
      code: "const fs = require('fs');\nconst PDFDocument = require('pdfkit');\nfunction letter(patient, res) {\n  const doc = new PDFDocument();\n  doc.pipe(res);\n  doc.text(`${patient.firstName} ${patient.lastName}, born ${patient.dateOfBirth}`);\n  doc.end();\n}\nfunction summary(patients) {\n  const pdf = new PDFDocument();\n  pdf.pipe(fs.createWriteStream('summary.pdf'));\n  pdf.fontSize(14).text('Monthly summary');\n  pdf.text(`${patients.length} patients seen`);\n  pdf.end();\n}",
    },
    {
      name: 'a json2csv parser of non-PHI rows written to a file',
      filename: 'src/export.ts',
      code: "import * as fs from 'fs';\nimport { Parser } from 'json2csv';\ndeclare const wards: { code: string; beds: number }[];\nconst parser = new Parser({ fields: ['code', 'beds'] });\nfs.writeFileSync('wards.csv', parser.parse(wards));",
    },
  ],
  invalid: [
    {
      name: 'an ExcelJS workbook filled with patients row by row and written to a file (also a streaming WorkbookWriter, and a buffer of it)',
      filename: 'src/export.ts',
      code: "import ExcelJS from 'exceljs';\nimport * as fs from 'fs';\ninterface Patient { fullName: string; dateOfBirth: string; diagnosis: string }\nexport async function exportList(patients: Patient[]) {\n  const workbook = new ExcelJS.Workbook();\n  const sheet = workbook.addWorksheet('List');\n  for (const p of patients) sheet.addRow([p.fullName, p.dateOfBirth]);\n  await workbook.xlsx.writeFile('/exports/list.xlsx');\n}\nexport async function streamed(patients: Patient[]) {\n  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: 'dx.xlsx' });\n  const ws = writer.addWorksheet('Dx');\n  patients.forEach((p) => ws.addRow({ dx: p.diagnosis }).commit());\n  await writer.commit();\n}\nexport async function buffered(patient: Patient) {\n  const book = new ExcelJS.Workbook();\n  const ws = book.addWorksheet('One');\n  ws.getCell('A1').value = patient.fullName;\n  const buffer = await book.xlsx.writeBuffer();\n  fs.writeFileSync('one.xlsx', buffer);\n}",
      errors: [
        { line: 8, column: 9, kinds: ['date-of-birth', 'name'], message: 'Writing date of birth and person' },
        { line: 14, column: 9, kinds: ['diagnosis'] },
        { line: 21, column: 32, kinds: ['name'] },
      ],
    },
    {
      name: 'a workbook whose declared columns are a patient\'s identifiers, its rows filled elsewhere',
      filename: 'src/report.js',
      code: "const ExcelJS = require('exceljs');\nfunction report(id, fill) {\n  const workbook = new ExcelJS.Workbook();\n  const matches = workbook.addWorksheet('Matches');\n  matches.columns = [{ header: 'Patient id', key: 'patient_id' }, { header: 'Names', key: 'names' }, { header: 'DOB', key: 'dob' }, { header: 'Phone', key: 'phone' }];\n  fill(matches);\n  return workbook.xlsx.writeFile(`tmp/${id}.xlsx`);\n}\nmodule.exports = report;",
      errors: [{ line: 7, column: 10, kinds: ['date-of-birth', 'name', 'phone'], message: 'declared columns are date of birth' }],
    },
    {
      name: 'csv-writer records of patients, and a writer whose header names a patient\'s date of birth and SSN',
      filename: 'src/export.ts',
      code: "import { createObjectCsvWriter } from 'csv-writer';\ndeclare const visits: { patient: { mrn: string } }[];\ndeclare function loadRows(): Promise<object[]>;\nexport async function run() {\n  const writer = createObjectCsvWriter({ path: 'mrns.csv', header: [{ id: 'mrn', title: 'MRN' }] });\n  await writer.writeRecords(visits.map((v) => ({ mrn: v.patient.mrn })));\n  const byHeader = createObjectCsvWriter({ path: 'ids.csv', header: [{ id: 'dob', title: 'Date of birth' }, { id: 'ssn', title: 'SSN' }] });\n  await byHeader.writeRecords(await loadRows());\n}",
      errors: [
        { line: 6, column: 29, kinds: ['mrn'] },
        { line: 8, column: 31, kinds: ['date-of-birth', 'ssn'], message: 'declared columns' },
      ],
    },
    {
      name: 'a PDF, an archive and a CSV stream piped into files, then written with patient data',
      filename: 'src/letters.js',
      code: "const fs = require('fs');\nconst PDFDocument = require('pdfkit');\nconst archiver = require('archiver');\nfunction letter(patient) {\n  const doc = new PDFDocument();\n  doc.pipe(fs.createWriteStream(`letters/${patient.id}.pdf`));\n  doc.fontSize(12).text(`Dear ${patient.firstName} ${patient.lastName}`);\n  doc.text(patient.diagnosis);\n  doc.end();\n}\nfunction backup(records) {\n  const out = fs.createWriteStream('backup.zip');\n  const archive = archiver('zip');\n  archive.pipe(out);\n  for (const record of records) archive.append(JSON.stringify({ ssn: record.ssn }), { name: 'r.json' });\n  return archive.finalize();\n}\nfunction csv(stream, patients) {\n  stream.pipe(fs.createWriteStream('list.csv'));\n  patients.forEach((p) => stream.write({ phone: p.phoneNumber }));\n}\nmodule.exports = { letter, backup, csv };",
      errors: [
        { line: 7, column: 25, kinds: ['name'] },
        { line: 8, column: 12, kinds: ['diagnosis'] },
        { line: 15, column: 48, kinds: ['ssn'] },
        { line: 20, column: 40, kinds: ['phone'] },
      ],
    },
    {
      // Writes are evaluated only for a document already built or in a file that pipes at all: the writes may come before the pipe.
      name: 'a stream written with patient data before it is piped into a file',
      filename: 'src/export.js',
      code: "const fs = require('fs');\nfunction csv(stream, patients) {\n  patients.forEach((p) => stream.write({ phone: p.phoneNumber }));\n  stream.pipe(fs.createWriteStream('list.csv'));\n}\nmodule.exports = { csv };",
      errors: [{ line: 3, column: 40, kinds: ['phone'] }],
    },
    {
      // No stream is piped anywhere in the file: what the document's own methods write still counts for the document.
      name: 'a PDF document written by its own methods, its buffer written to a file, in a file that pipes nothing',
      filename: 'src/letter.js',
      code: "const fs = require('fs');\nconst PDFDocument = require('pdfkit');\nconst helpers = require('./helpers');\nfunction letter(patient, dir) {\n  const doc = new PDFDocument();\n  doc.text(patient.diagnosis);\n  doc.end();\n  helpers.streamToBuffer(doc, (err, buffer) => fs.writeFile(`${dir}/letter.pdf`, buffer, () => {}));\n}\nmodule.exports = { letter };",
      errors: [{ line: 8, column: 82, kinds: ['diagnosis'] }],
    },
    {
      name: 'PDF documents filled by helpers handed the document and a record: their buffer written to a temp file, or piped into a file (PDFKit, a PDF factory, pdfmake)',
      filename: 'src/dossier.js',
      code: "const fs = require('fs');\nconst PDFDocument = require('pdfkit');\nconst helpers = require('./helpers');\nfunction dossier(patient, tmpDir) {\n  const doc = pdfUtils.createPdfDoc({ fontSize: 7 });\n  pdfUtils.displayModelDetails(doc, patient.diagnosis, true, 'Details');\n  doc.end();\n  helpers.streamToBuffer(doc, (err, buffer) => {\n    fs.writeFile(`${tmpDir}/dossier.pdf`, buffer, () => {});\n  });\n}\nasync function letter(patient) {\n  const doc = new PDFDocument();\n  doc.pipe(fs.createWriteStream('letter.pdf'));\n  writeAddress(doc, patient.homeAddress);\n  doc.end();\n}\nfunction printed(printer, patient) {\n  const pdfDoc = printer.createPdfKitDocument({ content: [patient.fullName] });\n  pdfDoc.pipe(fs.createWriteStream('p.pdf'));\n  pdfDoc.end();\n}\nmodule.exports = { dossier, letter, printed };",
      errors: [
        { line: 9, column: 43, kinds: ['diagnosis'] },
        { line: 15, column: 21, kinds: ['address'] },
        { line: 19, column: 47, kinds: ['name'] },
      ],
    },
    {
      name: 'patient data compressed with zlib (sync, and the callback form) and written to a file',
      filename: 'src/archive.js',
      code: "const fs = require('fs');\nconst zlib = require('zlib');\nfunction sync(patient) {\n  fs.writeFileSync('p.gz', zlib.gzipSync(JSON.stringify({ ssn: patient.ssn })));\n}\nfunction callback(patient, dir) {\n  zlib.gzip(JSON.stringify({ diagnosis: patient.diagnosis }), (err, buffer) => {\n    fs.writeFile(`${dir}/p.gz`, buffer, () => {});\n  });\n}\nmodule.exports = { sync, callback };",
      errors: [
        { line: 4, column: 28, kinds: ['ssn'] },
        { line: 8, column: 33, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'a json2csv parser of patient rows, its text written to a file',
      filename: 'src/export.ts',
      code: "import * as fs from 'fs';\nimport { Parser } from 'json2csv';\ndeclare const patients: { fullName: string; dateOfBirth: string }[];\nconst parser = new Parser({ fields: ['name', 'dob'] });\nconst csv = parser.parse(patients.map((p) => ({ name: p.fullName, dob: p.dateOfBirth })));\nfs.writeFileSync('patients.csv', csv);",
      errors: [{ line: 6, column: 34, kinds: ['date-of-birth', 'name'] }],
    },
  ],
});

// Uploads multer saves to the server's disk, on routes whose path or upload field names patient documents.
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    {
      name: 'an upload helper of the workspace that writes to disk, mounted only on routes for price lists and themes (or on none)',
      filename: 'server/lib/uploader.js',
      code: "const multer = require('multer');\n\nexports.middleware = Uploader;\n\nfunction Uploader(prefix, field) {\n  const storage = multer.diskStorage({ destination: (req, file, cb) => cb(null, `uploads/${prefix}`), filename: (req, file, cb) => cb(null, file.originalname) });\n  const upload = multer({ storage });\n  return upload.array(field);\n}",
      workspace: {
        'server/config/routes.js': "const upload = require('../lib/uploader');\nmodule.exports = (app) => {\n  app.post('/prices/item/import', upload.middleware('csv', 'file'), importItems);\n  app.post('/themes/logo', upload.middleware('pics', 'logo'), setLogo);\n};",
      },
    },
    {
      name: 'disk uploads of theme images and slides, memory and cloud storage of patient documents, and a route without a constant path',
      filename: 'src/routes.ts',
      code: "import multer from 'multer';\nimport express from 'express';\ndeclare const s3Storage: any;\ndeclare const paths: { upload: string };\nconst router = express.Router();\nconst images = multer({ storage: multer.diskStorage({ destination: 'public/images' }) });\nconst inMemory = multer({ storage: multer.memoryStorage() });\nconst cloud = multer({ storage: s3Storage });\nconst disk = multer({ dest: 'uploads/' });\nrouter.put('/theme/logo', images.single('file'), () => {});\nrouter.post('/patients/:id/documents', inMemory.single('document'), () => {});\nrouter.post('/patients/:id/scans', cloud.array('scans'), () => {});\nrouter.post(paths.upload, disk.single('file'), () => {});",
    },
  ],
  invalid: [
    {
      name: 'an upload helper of the workspace writing to disk, mounted by another file on a route for patient documents: reported once, at its disk storage',
      filename: 'server/lib/uploader.js',
      code: "const multer = require('multer');\n\nexports.middleware = Uploader;\n\nfunction Uploader(prefix, field) {\n  const storage = multer.diskStorage({ destination: (req, file, cb) => cb(null, `uploads/${prefix}`), filename: (req, file, cb) => cb(null, file.originalname) });\n  const upload = multer({ storage });\n  return upload.array(field);\n}",
      workspace: {
        'server/config/routes.js': "const upload = require('../lib/uploader');\nmodule.exports = (app) => {\n  app.post('/prices/item/import', upload.middleware('csv', 'file'), importItems);\n  app.post('/patients/:uuid/documents', upload.middleware('docs', 'documents'), createDocument);\n};",
      },
      errors: [
        { line: 6, column: 19, kinds: ['patient-record'], message: 'multer disk storage' },
      ],
    },
    {
      name: 'patient documents and a lab report field saved by multer disk storage',
      filename: 'src/routes.js',
      code: "const multer = require('multer');\nconst express = require('express');\nconst router = express.Router();\nconst engine = multer.diskStorage({ destination: (req, file, cb) => cb(null, 'uploads/'), filename: (req, file, cb) => cb(null, file.originalname) });\nconst upload = multer({ storage: engine });\nrouter.post('/patients/:id/attachments', upload.single('file'), (req, res) => res.sendStatus(201));\nrouter.post('/uploads', multer({ dest: 'tmp/' }).single('labReport'), (req, res) => res.sendStatus(201));\nmodule.exports = router;",
      errors: [
        { line: 6, column: 42, kinds: ['patient-record'], message: "Saving uploaded files that the route or its upload field says are patient record to the server's disk" },
        { line: 7, column: 25, kinds: ['lab-result'], message: 'multer disk storage' },
      ],
    },
  ],
});

// Browser downloads: file-saver, downloadjs/js-file-download, react-csv, and an anchor given a download name and an
// object URL or data: URI. The browser writes the content to the user's disk as a plain file.
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    {
      name: 'an object URL of a patient photo shown in an image, not downloaded; an anchor that only links',
      filename: 'src/photo.ts',
      code: "declare const patient: { photo: Blob; diagnosis: string };\nexport function show(img: HTMLImageElement, link: HTMLAnchorElement) {\n  img.src = URL.createObjectURL(new Blob([patient.diagnosis]));\n  link.href = URL.createObjectURL(new Blob([patient.diagnosis]));\n}",
    },
    {
      name: 'a download of a literal template, of counts, and of an encrypted record',
      filename: 'src/export.ts',
      code: "import { saveAs } from 'file-saver';\ndeclare function encrypt(v: string): string;\ndeclare const patients: { ssn: string }[];\nexport function template() {\n  saveAs(new Blob(['id,created\\n'], { type: 'text/csv' }), 'template.csv');\n  saveAs(new Blob([String(patients.length)]), 'count.txt');\n  saveAs(new Blob([encrypt(JSON.stringify(patients))]), 'patients.enc');\n}",
    },
    {
      name: 'an opaque server response downloaded under a name that sounds like a record, or a product’s user manual: the name is not the content',
      filename: 'src/export.ts',
      code: "import FileSaver from 'file-saver';\ndeclare const http: { get(url: string): Promise<{ data: Blob }> };\nexport async function save(id: string) {\n  const response = await http.get(`/reports/${id}`);\n  FileSaver.saveAs(response.data, 'patient-summary.pdf');\n  FileSaver.saveAs(response.data, 'ClinicEMR-UserManual.pdf');\n}",
    },
    {
      name: 'a saveAs that is not file-saver’s, and a download name set in another function than the href',
      filename: 'src/export.ts',
      code: "import { saveAs } from './drafts';\ndeclare const patient: { ssn: string; diagnosis: string };\nexport function keep() {\n  saveAs(patient, 'draft');\n}\nexport function name(a: HTMLAnchorElement) {\n  a.download = 'record.json';\n}\nexport function link(a: HTMLAnchorElement) {\n  a.href = URL.createObjectURL(new Blob([JSON.stringify(patient)]));\n}",
    },
  ],
  invalid: [
    {
      name: 'file-saver’s saveAs of a Blob of a patient list as CSV',
      filename: 'src/export.ts',
      code: "import { saveAs } from 'file-saver';\ninterface Patient { name: string; birthDate: string; phone: string }\nexport function exportPatients(patients: Patient[]) {\n  const csv = patients.map((p) => `${p.name},${p.birthDate}`).join('\\n');\n  const blob = new Blob([csv], { type: 'text/csv' });\n  saveAs(blob, 'list.csv');\n}",
      errors: [{ line: 5, column: 26, message: 'browser download' }],
    },
    {
      name: 'the legacy msSaveOrOpenBlob download of a Blob of a patient’s record',
      filename: 'src/export.ts',
      code: "declare const patient: { fullName: string; dateOfBirth: string };\nexport function save() {\n  const blob = new Blob([JSON.stringify(patient)], { type: 'application/json' });\n  (window.navigator as any).msSaveOrOpenBlob(blob, 'record.json');\n}",
      errors: [{ line: 3, column: 26, message: 'browser download' }],
    },
    {
      name: 'an anchor given a download name and an object URL of a record, and one given a data: URI through setAttribute',
      filename: 'src/download.ts',
      code: "export function download(patient: { ssn: string; diagnosis: string }) {\n  const blob = new Blob([JSON.stringify(patient)], { type: 'application/json' });\n  const url = URL.createObjectURL(blob);\n  const link = document.createElement('a');\n  link.href = url;\n  link.download = 'record.json';\n  link.click();\n}\nexport function downloadDiagnosis(diagnosis: string) {\n  const a = document.createElement('a');\n  a.setAttribute('download', 'dx.txt');\n  a.setAttribute('href', 'data:text/plain;charset=utf-8,' + encodeURIComponent(diagnosis));\n  a.click();\n}",
      errors: [{ line: 2, column: 26, message: 'browser download', kinds: ['patient-record'] }, { line: 12, column: 26, message: 'browser download', kinds: ['diagnosis'] }],
    },
    {
      name: 'react-csv’s CSVLink of patient rows, a JSX anchor with a download attribute, and js-file-download',
      filename: 'src/ExportButton.tsx',
      code: "import { CSVLink } from 'react-csv';\nimport fileDownload from 'js-file-download';\ninterface Patient { fullName: string; dateOfBirth: string }\nexport function ExportButton({ patients, url }: { patients: Patient[]; url: string }) {\n  const rows = patients.map((p) => ({ Name: p.fullName, Born: p.dateOfBirth }));\n  const onClick = () => fileDownload(JSON.stringify(patients), 'list.json');\n  const href = URL.createObjectURL(new Blob([JSON.stringify(rows)]));\n  return <div><CSVLink data={rows} filename=\"list.csv\">CSV</CSVLink><a href={href} download=\"list.json\">JSON</a><button onClick={onClick} /></div>;\n}",
      errors: [{ line: 6, column: 38 }, { line: 7, column: 46, kinds: ['date-of-birth', 'name'] }, { line: 8, column: 30, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'an ExcelJS workbook of patients saved as a browser download through its buffer',
      filename: 'src/export.ts',
      code: "import ExcelJS from 'exceljs';\nimport { saveAs } from 'file-saver';\ndeclare const patients: { fullName: string; dateOfBirth: string }[];\nexport async function download() {\n  const workbook = new ExcelJS.Workbook();\n  const ws = workbook.addWorksheet('Patients');\n  patients.forEach((p) => ws.addRow([p.fullName, p.dateOfBirth]));\n  const buffer = await workbook.xlsx.writeBuffer();\n  saveAs(new Blob([buffer]), 'list.xlsx');\n}",
      errors: [{ line: 9, column: 20 }],
    },
  ],
});

// `chart` in a module that draws graphs with a charting library is the graph, not a patient's chart: a CSV of the
// graph's points (equipment readings) is not a patient record by its name. Without the library, or with a patient
// word in the name, the name still reads as a record.
const graphExport = (imports: string, stateName: string) =>
  `import React, { useState } from 'react';\n${imports}export function Trend() {\n  const [${stateName}, setPoints] = useState([]);\n  const exportCsv = () => {\n    const rows = ${stateName}.map((point) => \`\${point.date},\${point.value}\`).join('\\n');\n    const blob = new Blob([rows], { type: 'text/csv' });\n    const link = document.createElement('a');\n    link.setAttribute('href', URL.createObjectURL(blob));\n    link.setAttribute('download', 'trend.csv');\n    link.click();\n  };\n  return <button onClick={exportCsv}>{String(setPoints)}</button>;\n}\n`;
runRuleTests('no-unencrypted-phi-file', {
  valid: [
    { name: 'a graph module (charting library imported) downloads its chartData points', filename: 'src/Trend.jsx', code: graphExport("import { LineChart } from '@carbon/charts-react';\n", 'chartData') },
    { name: 'a graph module (recharts) downloads its chart points', filename: 'src/Trend.jsx', code: graphExport("import { LineChart } from 'recharts';\n", 'chart') },
  ],
  invalid: [
    { name: 'chartData without a charting library: a patient chart by its name', filename: 'src/Trend.jsx', code: graphExport('', 'chartData'), errors: [{ line: 6, column: 28, message: 'browser download', kinds: ['patient-record'] }] },
    { name: 'a graph module downloading patientChartData: the patient word keeps the record', filename: 'src/Trend.jsx', code: graphExport("import { LineChart } from '@carbon/charts-react';\n", 'patientChartData'), errors: [{ line: 7, column: 28, message: 'browser download', kinds: ['patient-record'] }] },
  ],
});
