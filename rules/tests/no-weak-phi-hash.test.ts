import { runRuleTests } from './rule-tester';

const crypto = "import * as crypto from 'node:crypto';\n";

runRuleTests('no-weak-phi-hash', {
  valid: [
    {"name": "a SHA-1 digest used only as a React list key (in memory, never stored or sent)", "filename": "src/NotesList.tsx", "code": "import SHA1 from 'crypto-js/sha1';\nimport md5 from 'md5';\nexport const Notes = ({ clinicalNotes }: { clinicalNotes: string[] }) => (\n  <ul>{clinicalNotes.map((note) => <li key={SHA1(note).toString()}>{note}</li>)}{clinicalNotes.map((note) => <p key={`n-${md5(note)}`}>{note}</p>)}</ul>\n);"},
    // HMAC with a secret key is the right pseudonym
    crypto + "declare const key: string; declare const patient: any; crypto.createHmac('sha256', key).update(patient.ssn).digest('hex');",
    crypto + "declare const key: string; declare const patient: any; const mac = crypto.createHmac('sha1', key); mac.update(patient.mrn);",
    // salted / peppered fast hashes
    crypto + "declare const salt: string; declare const patient: any; crypto.createHash('sha256').update(salt + patient.ssn).digest('hex');",
    crypto + "declare const patient: any; crypto.createHash('sha256').update(`${patient.mrn}:${process.env.HASH_PEPPER}`).digest('hex');",
    crypto + "declare const pepper: Buffer; declare const patient: any; crypto.createHash('sha512').update(patient.email).update(pepper).digest();",
    crypto + "declare const secretKey: string; declare const patient: any; const h = crypto.createHash('sha256'); h.update(secretKey); h.update(patient.phoneNumber);",
    // non-PHI content, metadata and traps
    crypto + "declare const fileBuffer: Buffer; crypto.createHash('md5').update(fileBuffer).digest('hex');",
    crypto + "declare const body: string; crypto.createHash('sha1').update(body).digest('base64');",
    crypto + "declare const patient: any; crypto.createHash('md5').update(patient.id).digest('hex');",
    crypto + "declare const patient: any; crypto.createHash('md5').update(patient.resourceType).digest('hex');",
    crypto + "const patientCount = 3; crypto.createHash('md5').update(String(patientCount)).digest('hex');",
    crypto + "declare const isPatientSelected: boolean; crypto.createHash('sha1').update(String(isPatientSelected));",
    crypto + "declare const patient: any; const hasAllergy = patient.allergies.length > 0; crypto.createHash('md5').update(String(hasAllergy));",
    crypto + "const SSN_PATTERN = '^\\\\d{9}$'; const DOB_FORMAT = 'YYYY-MM-DD'; const emailTemplate = 'welcome'; crypto.createHash('md5').update(SSN_PATTERN + DOB_FORMAT + emailTemplate);",
    crypto + "declare function redact(v: string): string; declare const patient: any; crypto.createHash('md5').update(redact(patient.ssn));",
    crypto + "declare const patient: any; const lastFour = patient.ssn.slice(-4); crypto.createHash('sha256').update(lastFour);",
    // a fast hash of clinical (non-identifier) data is not an enumeration risk by itself
    crypto + "declare const note: { clinicalNotes: string }; crypto.createHash('sha256').update(note.clinicalNotes).digest('hex');",
    // modern ciphers
    crypto + "declare const key: Buffer; const iv = crypto.randomBytes(12); crypto.createCipheriv('aes-256-gcm', key, iv);",
    // bcrypt/scrypt are fine
    "import bcrypt from 'bcrypt'; declare const patient: any; await bcrypt.hash(patient.ssn, 12);",
    // a `mode` that is not a cipher mode
    "const game = { mode: 'ecb', players: 2 };",
  ],
  invalid: [
    {"name": "the same digest outside a key attribute (a data attribute sent with the page) is still reported", "filename": "src/NoteRow.tsx", "code": "import SHA1 from 'crypto-js/sha1';\nexport const Row = ({ clinicalNote }: { clinicalNote: string }) => <tr data-note={SHA1(clinicalNote).toString()}><td /></tr>;", "errors": [{"line": 2, "column": 88}]},
    {
      name: 'MD5 of an SSN, chained',
      code: crypto + "export function pseudonym(patient: { ssn: string }) {\n  return crypto.createHash('md5').update(patient.ssn).digest('hex');\n}",
      errors: [{ line: 3, column: 42, kinds: ['ssn'], message: 'MD5 hash of SSN' }],
      output: null,
    },
    {
      name: 'SHA-1 through a variable, algorithm in a constant',
      code: crypto + "const ALGO = 'sha1';\ndeclare const patient: any;\nconst hash = crypto.createHash(ALGO);\nhash.update(patient.medicalRecordNumber);\nexport const key = hash.digest('hex');",
      errors: [{ line: 5, column: 13, kinds: ['mrn'], message: 'SHA-1 hash of medical record number' }],
    },
    {
      name: 'salting does not rescue MD5',
      code: crypto + "declare const salt: string; declare const patient: any;\ncrypto.createHash('md5').update(salt + patient.email);",
      errors: [{ line: 3, column: 33, kinds: ['email'] }],
    },
    {
      name: 'npm md5, sha1 and crypto-js',
      code: "import md5 from 'md5';\nimport sha1 from 'sha1';\nimport CryptoJS from 'crypto-js';\ndeclare const patient: any;\nmd5(patient.ssn);\nsha1(patient.phoneNumber);\nCryptoJS.MD5(patient.dob).toString();\nCryptoJS.SHA256(patient.ssn).toString();",
      errors: [
        { line: 5, column: 5, kinds: ['ssn'] },
        { line: 6, column: 6, kinds: ['phone'] },
        { line: 7, column: 14, kinds: ['date-of-birth'] },
        { line: 8, column: 17, kinds: ['ssn'], message: 'Unsalted SHA-256 hash of SSN' },
      ],
    },
    {
      name: 'unsalted SHA-256 of an identifier (chained and through a variable)',
      code: crypto + "declare const patient: any;\nexport const token = crypto.createHash('sha256').update(patient.ssn).digest('hex');\nconst h = crypto.createHash('sha256');\nh.update(`${patient.firstName} ${patient.lastName} ${patient.birthDate}`);",
      errors: [
        { line: 3, column: 57, kinds: ['ssn'], message: 'can be reversed by enumerating them' },
        { line: 5, column: 10, kinds: ['date-of-birth', 'name'] },
      ],
    },
    {
      name: 'crypto.createCipher is always reported',
      code: crypto + "declare const password: string;\nconst cipher = crypto.createCipher('aes-256-cbc', password);\nimport { createDecipher } from 'crypto';\ncreateDecipher('aes-256-cbc', password);",
      errors: [
        { line: 3, column: 16, message: '`crypto.createCipher()` derives the key with MD5' },
        { line: 5, column: 1, message: '`createDecipher()`' },
      ],
    },
    {
      name: 'ECB mode in Node crypto, crypto-js and node-forge',
      code: crypto + "import CryptoJS from 'crypto-js';\nimport forge from 'node-forge';\ndeclare const key: Buffer; declare const patient: any;\ncrypto.createCipheriv('aes-128-ecb', key, null);\nCryptoJS.AES.encrypt(patient.ssn, 'k', { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });\nforge.cipher.createCipher('AES-ECB', 'k');\nconst options = { mode: 'ECB', padding: 'PKCS7' };",
      errors: [
        { line: 5, column: 23 },
        { line: 6, column: 48 },
        { line: 7, column: 27 },
        { line: 8, column: 25 },
      ],
    },
  ],
});
