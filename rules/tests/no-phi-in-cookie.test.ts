import { runRuleTests } from './rule-tester';

const express = "import type { Request, Response } from 'express';\n";

runRuleTests('no-phi-in-cookie', {
  valid: [
    // opaque ids and metadata
    express + "export function f(req: Request, res: Response, patient: any) { res.cookie('sid', req.session.id, { httpOnly: true, secure: true }); }",
    'declare const res: any; declare const patient: any; res.cookie("patientId", patient.id);',
    'declare const res: any; declare const patient: any; res.cookie("rt", patient.resourceType);',
    'declare const res: any; const patientCount = 3; res.cookie("count", patientCount);',
    'declare const res: any; declare const isPatientSelected: boolean; res.cookie("selected", String(isPatientSelected));',
    'declare const res: any; declare const patient: any; const hasAllergy = patient.allergies.length > 0; res.cookie("a", hasAllergy);',
    "declare const res: any; const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/; res.cookie('p', SSN_PATTERN.source);",
    "declare const res: any; const DOB_FORMAT = 'YYYY-MM-DD'; res.cookie('dobFormat', DOB_FORMAT);",
    "declare const res: any; const emailTemplate = 'welcome'; res.cookie('tpl', emailTemplate);",
    // sanitised or encrypted values
    'declare const res: any; declare const patient: any; declare function redact(v: unknown): string; res.cookie("ssn", redact(patient.ssn));',
    'declare const res: any; declare const patient: any; const lastFour = patient.ssn.slice(-4); res.cookie("last4", lastFour);',
    'declare const res: any; declare const patient: any; declare function encryptPayload(v: unknown): string; res.cookie("profile", encryptPayload({ dob: patient.dob }));',
    // a literal value under a PHI-looking name is not PHI
    "declare const res: any; res.cookie('email', 'unset');",
    // options that are safe
    "import session from 'express-session'; session({ secret: 'x', cookie: { secure: true, httpOnly: true, sameSite: 'lax' } });",
    "declare const res: any; res.cookie('sid', 'abc', { secure: process.env.NODE_ENV === 'production', httpOnly: true });",
    // secure:false that has nothing to do with cookies
    "import nodemailer from 'nodemailer'; nodemailer.createTransport({ host: 'smtp', secure: false });",
    "declare const ws: any; ws.connect({ secure: false });",
    // document.cookie is no-phi-in-browser-storage's
    'declare const patient: any; document.cookie = `ssn=${patient.ssn}`;',
    // a Map named cookies with an opaque key
    "declare const cookies: any; declare const patient: any; cookies.set('theme', 'dark');",
  ],
  invalid: [
    {
      name: 'Express res.cookie with a date of birth',
      code: express + "export function f(req: Request, res: Response, patient: { id: string; dateOfBirth: string }) {\n  res.cookie('dob', patient.dateOfBirth, { httpOnly: true, secure: true });\n}",
      errors: [{ line: 3, column: 21, kinds: ['date-of-birth'], message: 'Writing date of birth into a cookie' }],
      output: null,
    },
    {
      name: 'an opaque value under a cookie name that names PHI',
      code: "declare const res: any; declare function loadValue(): string;\nres.cookie('patientSsn', loadValue());",
      errors: [{ line: 2, column: 26, kinds: ['ssn'] }],
    },
    {
      name: 'a whole patient object serialised into a cookie',
      code: "import type { Patient } from '@medplum/fhirtypes';\ndeclare const res: any;\nexport function f(patient: Patient) {\n  res.cookie('p', JSON.stringify({ name: patient.name, born: patient.birthDate }));\n}",
      errors: [{ line: 4, column: 19, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'Set-Cookie header through setHeader, set, append and a headers object',
      code: "declare const res: any; declare const patient: any;\nres.setHeader('Set-Cookie', `mrn=${patient.mrn}; HttpOnly`);\nres.set('set-cookie', [`dx=${patient.diagnosis}`]);\nres.append('Set-Cookie', `email=${patient.email}`);\nconst headers: Record<string, string> = {};\nheaders['Set-Cookie'] = `phone=${patient.phoneNumber}`;\nres.writeHead(200, { 'Set-Cookie': `zip=${patient.zipCode}` });",
      errors: [
        { line: 2, column: 29, kinds: ['mrn'] },
        { line: 3, column: 23, kinds: ['diagnosis'] },
        { line: 4, column: 26, kinds: ['email'] },
        { line: 6, column: 25, kinds: ['phone'] },
        { line: 7, column: 36, kinds: ['zip-code'], severity: 'warning' },
      ],
    },
    {
      name: 'js-cookie in the browser',
      code: "import Cookies from 'js-cookie';\ndeclare const form: { email: string };\nCookies.set('email', form.email, { expires: 7 });",
      errors: [{ line: 3, column: 22, kinds: ['email'] }],
    },
    {
      name: 'Next.js cookies() in both forms',
      code: "import { cookies } from 'next/headers';\nexport async function save(patient: any) {\n  cookies().set('diagnosis', patient.diagnosis);\n  (await cookies()).set({ name: 'mrn', value: patient.mrn, httpOnly: true });\n}",
      errors: [
        { line: 3, column: 30, kinds: ['diagnosis'] },
        { line: 4, column: 47, kinds: ['mrn'] },
      ],
    },
    {
      name: 'universal-cookie instance',
      code: "import Cookies from 'universal-cookie';\nconst cookies = new Cookies();\ndeclare const patient: any;\ncookies.set('insurance', patient.insuranceMemberNumber, { path: '/' });",
      errors: [{ line: 4, column: 26 }],
    },
    {
      name: 'express-session cookie over cleartext and readable by scripts (httpOnly gets a fix)',
      code: "import session from 'express-session';\napp.use(session({\n  secret: process.env.SESSION_SECRET!,\n  cookie: { secure: false, httpOnly: false, maxAge: 3600_000 },\n}));",
      errors: [
        { line: 4, column: 13, message: 'The session cookie is sent over cleartext HTTP' },
        { line: 4, column: 28, message: 'The session cookie is readable by scripts' },
      ],
      output: "import session from 'express-session';\napp.use(session({\n  secret: process.env.SESSION_SECRET!,\n  cookie: { secure: false, httpOnly: true, maxAge: 3600_000 },\n}));",
    },
    {
      name: 'cookie-session options and res.cookie options',
      code: "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: ['k'], secure: false }));\ndeclare const res: any;\nres.cookie('sid', 'abc', { httpOnly: false });",
      errors: [
        { line: 2, column: 55, message: 'session cookie' },
        { line: 4, column: 28, message: 'readable by scripts' },
      ],
      output: "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: ['k'], secure: false }));\ndeclare const res: any;\nres.cookie('sid', 'abc', { httpOnly: true });",
    },
    {
      name: 'cookie options kept in a variable',
      code: "export const sessionCookieOptions = { httpOnly: true, secure: false, sameSite: 'lax' as const };",
      errors: [{ line: 1, column: 55, message: 'session cookie is sent over cleartext' }],
      output: null,
    },
    {
      name: 'PHI value and an insecure flag on the same call',
      code: "declare const res: any; declare const patient: any;\nres.cookie('name', patient.fullName, { secure: false });",
      errors: [
        { line: 2, column: 20, kinds: ['name'] },
        { line: 2, column: 40 },
      ],
    },
  ],
});

describe('no-phi-in-cookie: the page query saved in a cookie where patient searches write page URLs', () => {
  const searchPage = {
    'src/registration/searchPatientController.js': "export function searchPatientController($scope, $location) {\n  $scope.search = function () {\n    $location.search({ registrationNumber: $scope.searchParameters.registrationNumber });\n  };\n}\n",
  };
  const logout = [
    'export function logout($window, $cookies, providerUuid) {',
    '  var params = decodeURIComponent($window.location.search.substring(1));',
    "  $cookies.put(providerUuid, $window.location.pathname + (params ? '?' + params : ''), { path: '/' });",
    '}',
  ].join('\n');
  runRuleTests('no-phi-in-cookie', {
    valid: [
      // No patient search writes page URLs in this workspace; only the path is saved; an opaque id with ngCookies.
      { code: logout, filename: 'src/auth/logout.js' },
      { code: "export function logout($window, $cookies, key) { $cookies.put(key, $window.location.pathname, { path: '/' }); }", filename: 'src/auth/logout.js', workspace: searchPage },
      { code: "export function remember($cookieStore, key, providerUuid) { $cookieStore.put(key, providerUuid); }", filename: 'src/auth/remember.js', workspace: searchPage },
    ],
    invalid: [
      {
        name: 'AngularJS $cookies.put saves the decoded page query (a patient search by record number elsewhere in the workspace)',
        filename: 'src/auth/logout.js',
        workspace: searchPage,
        code: logout,
        errors: [{ line: 3, column: 30, message: 'searchPatientController.js' }],
      },
      {
        name: 'AngularJS $cookieStore.put of a patient name',
        code: "declare const $cookieStore: any; declare const patient: any;\n$cookieStore.put('lastPatient', patient.fullName);",
        errors: [{ line: 2, column: 33, kinds: ['name', 'patient-record'] }],
      },
    ],
  });
});
