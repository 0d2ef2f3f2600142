import { runRuleTests } from './rule-tester';

const jwt = "import jwt from 'jsonwebtoken';\ndeclare const secret: string;\n";

runRuleTests('no-phi-in-jwt', {
  valid: [
    // a staff member's own session token (regression: clinic apps on real code)
    "import jwt from 'jsonwebtoken';\ndeclare const r: any;\njwt.sign({ role: 'doctor', doctor_id: r.doctor_id, firstname: r.firstname, email: r.email }, 'k');",
    "import jwt from 'jsonwebtoken';\ndeclare const admin: any;\njwt.sign({ adminId: admin.id, name: admin.fullName }, 'k');",
    // opaque ids, roles and metadata are what a token should carry
    jwt + "declare const patient: { id: string; ssn: string }; jwt.sign({ sub: patient.id, role: 'patient' }, secret, { expiresIn: '15m' });",
    jwt + 'declare const patient: any; jwt.sign({ sub: patient.id, typ: patient.resourceType }, secret);',
    jwt + 'declare const patientId: string; jwt.sign({ patientId }, secret);',
    jwt + 'const patientCount = 3; jwt.sign({ patientCount }, secret);',
    jwt + 'declare const isPatientSelected: boolean; jwt.sign({ isPatientSelected }, secret);',
    jwt + 'declare const patient: any; const hasAllergy = patient.allergies.length > 0; jwt.sign({ hasAllergy }, secret);',
    jwt + "const SSN_PATTERN = '^\\\\d{9}$'; const DOB_FORMAT = 'YYYY-MM-DD'; const emailTemplate = 'welcome'; jwt.sign({ SSN_PATTERN, DOB_FORMAT, emailTemplate }, secret);",
    // sanitised and encrypted payloads
    jwt + 'declare function redact(v: unknown): string; declare const patient: any; jwt.sign({ ssn: redact(patient.ssn) }, secret);',
    jwt + 'declare const patient: any; const lastFour = patient.ssn.slice(-4); jwt.sign({ lastFour }, secret);',
    jwt + 'declare function encryptClaims(v: unknown): string; declare const patient: any; jwt.sign({ data: encryptClaims({ dob: patient.birthDate }) }, secret);',
    // an encrypted JWE is fine
    "import { EncryptJWT } from 'jose';\ndeclare const key: Uint8Array; declare const patient: any;\nawait new EncryptJWT({ dob: patient.birthDate }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);",
    // verifying or decoding is not signing
    jwt + 'declare const patient: any; jwt.verify(patient.token, secret);',
    // other things called sign
    'declare const pdf: any; declare const patient: any; pdf.sign(patient.consentForm);',
    "import { sign } from './signature';\ndeclare const patient: any; sign(patient.fullName);",
    // NextAuth callback that keeps only an id
    "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [], callbacks: { async jwt({ token, user }) { if (user) token.uid = user.id; return token; } } });",
  ],
  invalid: [
    {
      name: 'a staff role does not excuse a patient key or an SSN',
      code: "import jwt from 'jsonwebtoken';\ndeclare const r: any;\njwt.sign({ role: 'doctor', patientName: r.patientName, ssn: r.ssn }, 'k');",
      errors: [{ line: 3, column: 10, kinds: ['name', 'ssn'] }],
    },
    {
      name: 'jsonwebtoken sign with identifiers in the payload',
      code: jwt + 'export function issue(patient: { id: string; mrn: string; dateOfBirth: string }) {\n  return jwt.sign({ sub: patient.id, mrn: patient.mrn, dob: patient.dateOfBirth }, secret);\n}',
      errors: [{ line: 4, column: 19, kinds: ['date-of-birth', 'mrn'], message: 'JWT payload carries date of birth and medical record number' }],
      output: null,
    },
    {
      name: 'a FHIR Patient spread into the payload',
      code: "import * as jsonwebtoken from 'jsonwebtoken';\nimport type { Patient } from '@medplum/fhirtypes';\nexport function issue(patient: Patient, secret: string) {\n  const claims = { ...patient, scope: 'patient/*.read' };\n  return jsonwebtoken.sign(claims, secret);\n}",
      errors: [{ line: 5, column: 28 }],
    },
    {
      name: 'named import of sign and require of jwt-simple',
      code: "import { sign as signToken } from 'jsonwebtoken';\nconst jwtSimple = require('jwt-simple');\ndeclare const patient: any; declare const secret: string;\nsignToken({ email: patient.email }, secret);\njwtSimple.encode({ diagnosis: patient.diagnosis }, secret);",
      errors: [
        { line: 4, column: 11, kinds: ['email'] },
        { line: 5, column: 18, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'jose SignJWT payload and subject',
      code: "import { SignJWT } from 'jose';\ndeclare const key: Uint8Array; declare const patient: any;\nexport const token = await new SignJWT({ name: patient.fullName })\n  .setProtectedHeader({ alg: 'HS256' })\n  .setSubject(patient.ssn)\n  .sign(key);",
      errors: [
        { line: 3, column: 40, kinds: ['name'] },
        { line: 5, column: 15, kinds: ['ssn'], message: 'JWT `sub` claim carries SSN' },
      ],
    },
    {
      name: '@fastify/jwt and NestJS JwtService',
      code: "declare const fastify: any; declare const reply: any; declare const patient: any;\nfastify.jwt.sign({ phone: patient.phoneNumber });\nreply.jwtSign({ insurance: patient.insurance });\nclass AuthService {\n  constructor(private readonly jwtService: any) {}\n  login(patient: any) { return this.jwtService.signAsync({ sub: patient.id, medications: patient.medications }); }\n}",
      errors: [
        { line: 2, column: 18, kinds: ['phone'] },
        { line: 3, column: 15 },
        { line: 6, column: 58 },
      ],
    },
    {
      name: 'NextAuth jwt callback copying PHI into the token',
      code: "import NextAuth from 'next-auth';\nexport default NextAuth({\n  providers: [],\n  callbacks: {\n    async jwt({ token, user }) {\n      if (user) token.dob = user.dateOfBirth;\n      return token;\n    },\n  },\n});",
      errors: [{ line: 7, column: 14, kinds: ['date-of-birth'], message: 'NextAuth `jwt` callback puts date of birth into the session token' }],
    },
    {
      name: 'NextAuth jwt callback as an arrow returning an object',
      code: "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [], callbacks: { jwt: ({ token, user }) => ({ ...token, mrn: user.mrn }) } });",
      errors: [{ line: 2, column: 82, kinds: ['mrn'] }],
    },
  ],
});
