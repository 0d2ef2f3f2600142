import { runRuleTests } from './rule-tester';

const REQUEST = 'Connection over http:// to a remote host';

runRuleTests('no-cleartext-transport', {
  valid: [
    {"name": "a FHIR ContactPoint in a server's capability metadata (the publisher's web page) is contact data, not a connection", "filename": "config/capability-statement.json", "code": "{\n  \"resourceType\": \"CapabilityStatement\",\n  \"publisher\": \"Acme Health\",\n  \"contact\": [{ \"telecom\": [{ \"system\": \"url\", \"value\": \"http://acme-health.org\" }] }],\n  \"implementation\": { \"url\": \"https://fhir.acme-health.org\" }\n}"},
    // a ValueSet base without a trailing slash and an app store page for people (found after the final accuracy round)
    "const baseValueSetUri = 'http://registry.acme-health.org/ValueSet';\nexport const donorsValueSetUri = `${baseValueSetUri}/donors`;\nexport const URL_UPLOADER_CHROME_STORE = 'http://chrome.google.com/webstore/detail/uploader/abc';",
    // extension URLs built on a base named as an identifier, in a table of extensions (regression: EHR monorepo constants)
    "export const SERVICE_EXTENSION = 'http://extensions.acme-health.com';\nexport const CoverageExtensions = { primary: { url: `${SERVICE_EXTENSION}/coverage-reference` } };\nexport const refs = { coverage: { url: `${SERVICE_EXTENSION}/eligibility` } };",
    // FHIR extensions name themselves with a url (regression: a local extension on real code)
    "const patient = { extension: [{ url: 'http://sisa/fhir/esquema', valueCoding: { code: 'x' } }] };",
    "const ext = { url: 'http://registry.acme-health.org/ext/ethnicity', valueString: 'x' };",
    { code: '{ "resourceType": "Patient", "extension": [{ "url": "http://sisa/fhir/esquema", "valueString": "x" }] }', filename: 'fixtures/patient.json' },
    // FHIR canonical URLs are identifiers (regression: SMART capability extensions on real code)
    "const extension = [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris' }];",
    "const profileUrl = 'http://example-registry.org/fhir/StructureDefinition/us-core-patient';",
    { code: '{ "extension": [{ "url": "http://acme-fhir.org/fhir/StructureDefinition/ethnicity" }] }', filename: 'config/production.json' },
    // a config's identifier systems and StructureDefinition base name records' identifiers, tags and extensions; nothing connects to them
    {
      filename: 'config/production.json',
      code: '{\n  "structureDefinition": { "uri": "http://registry.acme-health.org/fhir" },\n  "systems": {\n    "registryBaseURI": "http://registry.acme-health.org/fhir",\n    "localId": { "uri": ["http://registry.acme-health.org/local-id", "http://emr.acme-health.org/mrn"], "displayName": "Local ID" },\n    "duplicateFlag": { "uri": "http://registry.acme-health.org/duplicate" }\n  }\n}',
    },
    "export const settings = { systems: { nationalId: { uri: 'http://registry.acme-health.org/national-id' } }, profileDefinition: { baseUrl: 'http://registry.acme-health.org/fhir' } };",
    // a CI pipeline's or test environment's config points the suite at the stack it starts, not a deployment at patients' data
    { filename: 'server/config/config_cicd_template.json', code: '{ "fhirServer": { "baseURL": "http://fhir.ci-stack.acme-health.com/fhir" }, "search": { "server": "http://search.ci-stack.acme-health.com:9200" } }' },
    { filename: 'config/settings.test.json', code: '{ "labApi": { "url": "http://lab.acme-health.com/api" } }' },
    // a translation catalogue holds text for people: its URLs are links a person follows, not connections
    { filename: 'src/app/cancel/i18n/data/en/index.js', code: "module.exports = { yesButton: 'Yes, cancel', postCancelUrl: 'http://www.health.acme-gov.org/coverage' };" },
    { filename: 'src/locales/en.ts', code: "export default { portalUrl: 'http://www.health.acme-gov.org/portal', coverageEndpoint: 'http://www.health.acme-gov.org/' };" },
    // a developer's own machine and development/test overrides of a base config configure no deployment (the base is read)
    { filename: 'src/environments/environment.local.ts', code: "export const environment = { production: false, reportsURL: 'http://reports.sandbox.acme-health.com/api' };" },
    { filename: 'src/environments/environment.dev.ts', code: "export const environment = { apiUrl: 'http://api.dev.acme-health.com' };" },
    { filename: 'Apps/Reports/appsettings.Development.json', code: '{ "DocumentService": { "BaseEndpoint": "http://docs.acme-health.com" } }' },
    { filename: 'Apps/Reports/appsettings.aadev.json', code: '{ "DocumentService": { "BaseEndpoint": "http://docs.acme-health.com" } }' },
    { filename: 'Apps/Reports/appsettings.uattest.json', code: '{ "DocumentService": { "BaseEndpoint": "http://docs.acme-health.com" } }' },
    { filename: 'packages/android/capacitor.config.local.example.json', code: '{ "plugins": { "Shell": { "debugUrl": "http://192.168.0.20:3003" } } }' },
    // https and wss
    "fetch('https://lab.acme-health.com/results');",
    "import axios from 'axios';\naxios.get('https://lab.acme-health.com/results');\nconst api = axios.create({ baseURL: 'https://lab.acme-health.com' });",
    "const socket = new WebSocket('wss://vitals.acme-health.com/stream');",
    // loopback: the traffic never leaves the machine
    "fetch('http://localhost:3000/api/patients');",
    "fetch('http://127.0.0.1:8080/fhir/Patient');",
    "fetch('http://[::1]:8080/health');",
    "fetch('http://0.0.0.0:4000/');",
    "const ws = new WebSocket('ws://localhost:9229/devtools');",
    "fetch('http://app.localhost/x');",
    // a specification's base URL names identifiers, it is not a connection
    "export const REGISTRY_SPECIFICATION_URL = 'http://registry.acme-health.org/specs/';\nexport const specUri = 'http://registry.acme-health.org/spec';",
    // the emulator/VM alias of the developer's machine and hosted mock APIs: build targets for a test VM or a mock server
    "const targets = { vm: { apiEndpoint: 'http://10.0.2.2:8080/api' }, genymotion: { apiEndpoint: 'http://10.0.3.2:8080/api' } };",
    "const targets = { mock: { apiEndpoint: 'http://clinic.apiary-mock.com/api' }, postman: { apiEndpoint: 'http://abc123.mock.pstmn.io/v1' } };",
    "fetch('http://jsonplaceholder.typicode.com/users');",
    // documentation and test domains
    "fetch('http://api.example.com/patients');",
    "fetch('http://lab.example.org/results');",
    "fetch('http://fhir.test/Patient');",
    // identifiers that are never fetched
    "const coding = { system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' };",
    "const loinc = { system: 'http://loinc.org', code: '2345-7' };",
    "const ns = { xmlns: 'http://www.w3.org/1999/xhtml', namespace: 'http://acme-health.com/ns/intake' };",
    {
      name: 'an XML namespace in a JSX attribute',
      filename: 'src/Icon.tsx',
      code: 'export const Icon = () => (\n  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n    <path d="M0 0h24v24H0z" />\n  </svg>\n);',
    },
    {
      name: '$schema and FHIR code systems in JSON',
      filename: 'data/value-set.json',
      code: '{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "coding": [{ "system": "http://loinc.org", "code": "2345-7" }],\n  "meta": { "profile": ["http://hl7.org/fhir/StructureDefinition/Patient"] }\n}',
    },
    {
      name: 'a FHIR canonical URL under an endpoint-like key',
      filename: 'data/extension.json',
      code: '{ "url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race" }',
    },
    {
      name: 'package.json metadata',
      filename: 'package.json',
      code: '{\n  "name": "clinic-portal",\n  "homepage": "http://acme-health.com",\n  "repository": { "type": "git", "url": "http://github.com/acme-health/portal.git" },\n  "bugs": { "url": "http://github.com/acme-health/portal/issues" }\n}',
    },
    // prose that merely mentions http
    "const help = 'Do not use http:// for the lab feed; see the runbook.';",
    "const msg = 'Visit http://acme-health.com for details';",
    { filename: 'config/production.json', code: '{ "docs": "see http://acme-health.com/docs" }' },
    "declare const port: number;\nconsole.log(`Clinic API listening on http://localhost:${port}`);",
    // a URL that is not an endpoint (no sink, no endpoint name)
    "const website = 'http://acme-health.com';",
    // not a network call
    "declare const router: any;\nrouter.get('/patients', () => undefined);",
    "declare const map: Map<string, string>;\nmap.get('http://lab.acme-health.com');",
    // Connections, not strings: a developer default after an environment or config read is not where
    // production connects (regression: `process.env.HOST || 'http://…'` defaults on real code).
    "const labBase = process.env.LAB_URL ?? 'http://lab.acme-health.com';",
    "declare const config: { get(key: string): string };\nconst api = axios.create({ baseURL: config.get('labUrl') || 'http://lab.acme-health.com' });",
    // An unknown host may be this machine (a config default of localhost): regression, a polling job's `http://${config.host}`.
    "declare const host: string;\nfetch(`http://${host}/results`);\nfetch('http://' + host + '/orders');",
    "declare const config: { polling: { host: string; port: number } };\nconst options = { url: `http://${config.polling.host}:${config.polling.port}/trigger` };",
    // Identifiers and links named like URLs (regression: extension and code-system constants on real code)
    "export const extensionUrl = 'http://extensions.acme-health.com/visit-type';",
    "export const ORDER_DETAIL_MODALITY_CODE_SYSTEM_URL = 'http://pacs.acme-health.com/modality';",
    "export const theme = { logoUrl: 'http://cdn.acme-health.com/logo.png', privacyPolicyUrl: 'http://acme-health.com/privacy' };",
    "app.use(cors({ origin: 'http://portal.acme-health.com', credentials: false }));",
    // JSON outside configuration: data, fonts, recorded responses and package metadata hold links, not endpoints
    { filename: 'assets/fonts/icons.json', code: '{ "metadata": { "designerURL": "http://keyamoon.com" } }' },
    { filename: 'src/data/recorded-response.json', code: '{ "links": [{ "rel": "self", "uri": "http://openmrs.acme-health.com/ws/rest/v1/patient/5" }] }' },
    { filename: 'package.json', code: '{\n  "homepage": "http://acme-health.com",\n  "config": { "apiUrl": "http://api.acme-health.com" }\n}' },
    // Tests and mocks stub servers; only users who ask (--include-tests) see those
    { filename: 'src/__mocks__/api.ts', code: "export const base = 'http://lab.acme-health.com/api';\nfetch(base);" },
    { filename: 'src/patients.test.ts', code: "fetch('http://lab.acme-health.com/results');" },
    // a host the project allows (a sidecar terminates TLS)
    {
      code: "fetch('http://lab-sidecar.internal/results');",
      config: { rules: { 'no-cleartext-transport': ['error', { allowedHosts: ['lab-sidecar.internal'] }] } },
    },
    {
      // an operator's script or release tool connects where whoever runs it points it; it is not the deployed product
      name: 'an operator script (scripts/) calling an http:// host: not reported by default',
      filename: 'scripts/sync-terminology.ts',
      code: "fetch('http://terminology.acme-health.com/export');",
    },
  ],
  invalid: [
    {
      name: 'fetch to an http:// URL',
      code: "fetch('http://lab.acme-health.com/results');",
      errors: [{ line: 1, column: 7, message: REQUEST }],
      output: "fetch('https://lab.acme-health.com/results');",
    },
    {
      name: 'axios.get with a template literal (demo host on the .example TLD)',
      code: "import axios from 'axios';\nexport async function f(orderId: string) {\n  return axios.get(`http://results.northwind-labs.example/api/v2/orders/${orderId}`);\n}",
      errors: [{ line: 3, column: 20, message: REQUEST }],
      output: "import axios from 'axios';\nexport async function f(orderId: string) {\n  return axios.get(`https://results.northwind-labs.example/api/v2/orders/${orderId}`);\n}",
    },
    {
      name: 'axios({ url }) and axios.create({ baseURL })',
      code: "import axios from 'axios';\naxios({ url: 'http://lab.acme-health.com/x', method: 'get' });\nconst api = axios.create({ baseURL: 'http://lab.acme-health.com' });",
      errors: [
        { line: 2, column: 14, message: 'Endpoint `url` uses http://' },
        { line: 3, column: 37, message: 'Endpoint `baseURL` uses http://' },
      ],
      output: "import axios from 'axios';\naxios({ url: 'https://lab.acme-health.com/x', method: 'get' });\nconst api = axios.create({ baseURL: 'https://lab.acme-health.com' });",
    },
    {
      name: 'http.request, https.request with an http:// URL, http.get',
      code: "import http from 'node:http';\nimport https from 'node:https';\nhttp.request('http://lab.acme-health.com/x');\nhttps.request('http://lab.acme-health.com/x');\nhttp.get('http://lab.acme-health.com/y');",
      errors: [
        { line: 3, column: 14, message: REQUEST },
        { line: 4, column: 15, message: REQUEST },
        { line: 5, column: 10, message: REQUEST },
      ],
      output: "import http from 'node:http';\nimport https from 'node:https';\nhttp.request('https://lab.acme-health.com/x');\nhttps.request('https://lab.acme-health.com/x');\nhttp.get('https://lab.acme-health.com/y');",
    },
    {
      name: 'WebSocket over ws:// becomes wss://',
      code: "const socket = new WebSocket('ws://vitals.acme-health.com/stream');",
      errors: [{ line: 1, column: 30, message: 'Connection over ws:// to a remote host' }],
      output: "const socket = new WebSocket('wss://vitals.acme-health.com/stream');",
    },
    {
      name: 'socket.io and EventSource',
      code: "declare function io(url: string): unknown;\nconst chat = io('ws://chat.acme-health.com');\nconst events = new EventSource('http://events.acme-health.com/stream');",
      errors: [
        { line: 2, column: 17, message: 'Use wss://' },
        { line: 3, column: 32, message: 'Use https://' },
      ],
      output: "declare function io(url: string): unknown;\nconst chat = io('wss://chat.acme-health.com');\nconst events = new EventSource('https://events.acme-health.com/stream');",
    },
    {
      name: 'XMLHttpRequest.open',
      code: "const xhr = new XMLHttpRequest();\nxhr.open('GET', 'http://lab.acme-health.com/results');\nxhr.send();",
      errors: [{ line: 2, column: 17, message: REQUEST }],
      output: "const xhr = new XMLHttpRequest();\nxhr.open('GET', 'https://lab.acme-health.com/results');\nxhr.send();",
    },
    {
      name: 'a URL constant used with + and in a template: one finding, at the definition',
      code: "const LAB = 'http://lab.acme-health.com';\nfetch(LAB + '/orders');\nfetch(`${LAB}/results`);",
      errors: [{ line: 1, column: 13, message: REQUEST }],
      output: "const LAB = 'https://lab.acme-health.com';\nfetch(LAB + '/orders');\nfetch(`${LAB}/results`);",
    },
    {
      name: 'an endpoint-named constant is flagged where it is defined',
      code: "const LAB_API_URL = 'http://lab.acme-health.com';\nexport const orders = () => fetch(`${LAB_API_URL}/orders`);",
      errors: [{ line: 1, column: 21, message: 'Endpoint `LAB_API_URL` uses http://' }],
      output: "const LAB_API_URL = 'https://lab.acme-health.com';\nexport const orders = () => fetch(`${LAB_API_URL}/orders`);",
    },
    {
      name: 'an endpoint variable built from a template, used later',
      code: "declare const id: string;\nconst url = `http://lab.acme-health.com/orders/${id}`;\nfetch(url);",
      errors: [{ line: 2, column: 13, message: 'Endpoint `url`' }],
      output: "declare const id: string;\nconst url = `https://lab.acme-health.com/orders/${id}`;\nfetch(url);",
    },
    {
      name: 'an array of URLs: only the http:// element',
      code: "const LAB_URLS = ['https://a.acme-health.com', 'http://b.acme-health.com'];",
      errors: [{ line: 1, column: 48, message: 'Endpoint `LAB_URLS`' }],
      output: "const LAB_URLS = ['https://a.acme-health.com', 'https://b.acme-health.com'];",
    },
    {
      name: 'a nested config object in code',
      code: "export const config = { labApi: { url: 'http://lab.acme-health.com' } };",
      errors: [{ line: 1, column: 40, message: 'Endpoint `url`' }],
      output: "export const config = { labApi: { url: 'https://lab.acme-health.com' } };",
    },
    {
      name: 'a build target for a hosted staging server is a real deployment; a look-alike of a mock host and other 10.0.x addresses are remote',
      code: "const targets = {\n  staging: { apiEndpoint: 'http://staging.acme-health.com/api' },\n  vm: { apiEndpoint: 'http://10.0.2.20:8080/api' },\n  fake: { apiEndpoint: 'http://apiary-mock.com.acme-health.com/api' },\n};",
      errors: [
        { line: 2, column: 27, message: 'Endpoint `apiEndpoint`' },
        { line: 3, column: 22, message: 'Endpoint `apiEndpoint`' },
        { line: 4, column: 24, message: 'Endpoint `apiEndpoint`' },
      ],
    },
    {
      name: 'credentials in the URL, private addresses and IPv6 are remote',
      code: "fetch('http://svc:secret@lab.acme-health.com/x');\nfetch('http://10.0.0.5/x');\nfetch('http://[fd00::5]/x');\nfetch('http://localhost.acme-health.com/x');",
      errors: [
        { line: 1, column: 7 },
        { line: 2, column: 7 },
        { line: 3, column: 7 },
        { line: 4, column: 7 },
      ],
    },
    {
      name: 'allowedHosts exempts only the listed host',
      code: "fetch('http://lab-sidecar.internal/x');\nfetch('http://billing.internal/x');",
      config: { rules: { 'no-cleartext-transport': ['error', { allowedHosts: ['lab-sidecar.internal'] }] } },
      errors: [{ line: 2, column: 7 }],
    },
    {
      name: 'JSON config: a nested URL value',
      filename: 'config/production.json',
      code: '{\n  "labApi": {\n    "url": "http://lab.acme-health.com/api"\n  }\n}',
      errors: [{ line: 3, column: 12, message: 'Endpoint `labApi.url` uses http://' }],
      output: '{\n  "labApi": {\n    "url": "https://lab.acme-health.com/api"\n  }\n}',
    },
    {
      name: 'JSON config: arrays of URLs and a ws:// feed',
      filename: 'config/production.json',
      code: '{\n  "mirrors": ["https://a.acme-health.com", "http://b.acme-health.com"],\n  "vitalsFeed": "ws://vitals.acme-health.com"\n}',
      errors: [
        { line: 2, column: 44, message: 'Endpoint `mirrors.1`' },
        { line: 3, column: 17, message: 'Use wss://' },
      ],
      output: '{\n  "mirrors": ["https://a.acme-health.com", "https://b.acme-health.com"],\n  "vitalsFeed": "wss://vitals.acme-health.com"\n}',
    },
    {
      name: 'the base config a development override is layered on is what a deployment runs with',
      filename: 'Apps/Reports/appsettings.json',
      code: '{ "DocumentService": { "BaseEndpoint": "http://docs.acme-health.com" } }',
      errors: [{ line: 1, column: 40, message: 'Endpoint `DocumentService.BaseEndpoint` uses http://' }],
      output: '{ "DocumentService": { "BaseEndpoint": "https://docs.acme-health.com" } }',
    },
    {
      name: 'a staging override is still read',
      filename: 'Apps/Reports/appsettings.Staging.json',
      code: '{ "DocumentService": { "BaseEndpoint": "http://docs.acme-health.com" } }',
      errors: [{ line: 1, column: 40 }],
      output: '{ "DocumentService": { "BaseEndpoint": "https://docs.acme-health.com" } }',
    },
    {
      name: 'config.latest.json is not a test environment',
      filename: 'config/config.latest.json',
      code: '{ "labApi": { "url": "http://lab.acme-health.com/api" } }',
      errors: [{ line: 1, column: 22 }],
      output: '{ "labApi": { "url": "https://lab.acme-health.com/api" } }',
    },
    {
      name: 'a language module outside a translation folder still connects where it says',
      filename: 'src/app/cancel/language-service.ts',
      code: "export const translationApiUrl = 'http://translate.acme-health.com/api';",
      errors: [{ line: 1, column: 34, message: 'Endpoint `translationApiUrl` uses http://' }],
      output: "export const translationApiUrl = 'https://translate.acme-health.com/api';",
    },
    {
      name: 'a code file whose base name has the word local or test is product code, not an environment file',
      filename: 'src/services/localStorageSync.ts',
      code: "export const syncEndpoint = 'http://sync.acme-health.com/api';",
      errors: [{ line: 1, column: 29, message: 'Endpoint `syncEndpoint` uses http://' }],
      output: "export const syncEndpoint = 'https://sync.acme-health.com/api';",
    },
    {
      name: 'JSON in a development config is still reported (configs get copied to production)',
      filename: 'config/development.json',
      code: '{ "partnerLab": { "resultsUrl": "http://results.northwind-labs.example/api/v2" } }',
      errors: [{ line: 1, column: 33 }],
      output: '{ "partnerLab": { "resultsUrl": "https://results.northwind-labs.example/api/v2" } }',
    },
    {
      name: 'in an identifier-systems section a key naming a connection is still an endpoint; other systems sections are not identifiers',
      filename: 'config/production.json',
      code: '{\n  "systems": { "terminology": { "server": "http://tx.acme-health.com/fhir" } },\n  "externalSystems": { "lab": { "url": "http://lab.acme-health.com/api" } }\n}',
      errors: [
        { line: 2, column: 43, message: 'Endpoint `systems.terminology.server`' },
        { line: 3, column: 40, message: 'Endpoint `externalSystems.lab.url`' },
      ],
    },
    {
      name: 'a URL beside credentials is a connection, even in a systems or definition section',
      filename: 'config/production.json',
      code: '{\n  "systems": { "emr": { "uri": "http://emr.acme-health.com/ws", "username": "sync", "password": "x" } },\n  "feedDefinition": { "url": "http://feed.acme-health.com", "apiKey": "k" }\n}',
      errors: [
        { line: 2, column: 32, message: 'Endpoint `systems.emr.uri`' },
        { line: 3, column: 30, message: 'Endpoint `feedDefinition.url`' },
      ],
    },
    {
      name: 'code: a URL beside credentials in a systems section is a connection',
      code: "export const settings = { systems: { emr: { url: 'http://emr.acme-health.com/ws', token: process.env.EMR_TOKEN } } };",
      errors: [{ line: 1, column: 50, message: 'Endpoint `url`' }],
    },
    {
      name: 'a development config beside a CI one is still reported',
      filename: 'server/config/config_development_template.json',
      code: '{ "fhirServer": { "baseURL": "http://fhir.acme-health.com/fhir" } }',
      errors: [{ line: 1, column: 30, message: 'Endpoint `fhirServer.baseURL`' }],
    },
    {
      name: 'code: a connection key inside a systems section is still an endpoint',
      code: "export const settings = { systems: { terminology: { server: 'http://tx.acme-health.com/fhir' } } };",
      errors: [{ line: 1, column: 61, message: 'Endpoint `server`' }],
    },
    {
      name: 'a page loads an iframe, a script or posts a form over http://',
      filename: 'src/Portal.tsx',
      code: 'export const Portal = () => (\n  <>\n    <iframe src="http://viewer.acme-health.com/embed" />\n    <form action="http://forms.acme-health.com/intake" method="post" />\n    <a href="http://acme-health.com/about">about</a>\n  </>\n);',
      errors: [
        { line: 3, column: 17, message: REQUEST },
        { line: 4, column: 18, message: REQUEST },
      ],
      output: 'export const Portal = () => (\n  <>\n    <iframe src="https://viewer.acme-health.com/embed" />\n    <form action="https://forms.acme-health.com/intake" method="post" />\n    <a href="http://acme-health.com/about">about</a>\n  </>\n);',
    },
    {
      name: 'map tiles fetched over http:// (react-leaflet TileLayer, Leaflet tileLayer) around the place shown',
      filename: 'src/AddressMap.tsx',
      code: "import L from 'leaflet';\nexport const AddressMap = () => (\n  <Map>\n    <TileLayer url=\"http://{s}.tiles.example-maps.org/{z}/{x}/{y}.png\" attribution=\"<a href='http://example-maps.org/copyright'>maps</a>\" />\n  </Map>\n);\nL.tileLayer('http://{s}.tiles.example-maps.org/{z}/{x}/{y}.png').addTo(map);\nnew L.TileLayer('http://tiles.example-maps.org/{z}/{x}/{y}.png');",
      errors: [
        { line: 4, column: 20, message: REQUEST },
        { line: 7, column: 13, message: REQUEST },
        { line: 8, column: 17, message: REQUEST },
      ],
      output: "import L from 'leaflet';\nexport const AddressMap = () => (\n  <Map>\n    <TileLayer url=\"https://{s}.tiles.example-maps.org/{z}/{x}/{y}.png\" attribution=\"<a href='http://example-maps.org/copyright'>maps</a>\" />\n  </Map>\n);\nL.tileLayer('https://{s}.tiles.example-maps.org/{z}/{x}/{y}.png').addTo(map);\nnew L.TileLayer('https://tiles.example-maps.org/{z}/{x}/{y}.png');",
    },
    {
      name: 'a proxy target and a config file named for its environment',
      filename: 'src/environments/environment.prod.json',
      code: '{ "proxy": { "target": "http://backend.acme-health.com" }, "docsUrl": "http://acme-health.com/docs" }',
      errors: [{ line: 1, column: 24, message: 'Endpoint `proxy.target`' }],
    },
    {
      name: 'a test file is reported when every role is asked for',
      filename: 'src/patients.test.ts',
      code: "fetch('http://lab.acme-health.com/results');",
      allRoles: true,
      errors: [{ line: 1, column: 7, message: REQUEST }],
    },
    {
      name: 'an operator script is reported, one step lower, when every role is asked for',
      filename: 'scripts/sync-terminology.ts',
      code: "fetch('http://terminology.acme-health.com/export');",
      allRoles: true,
      errors: [{ line: 1, column: 7, message: REQUEST, severity: 'warning' }],
    },
    {
      name: 'severity from config',
      code: "fetch('http://lab.acme-health.com/x');",
      config: { rules: { 'no-cleartext-transport': 'warning' } },
      errors: [{ line: 1, column: 7, severity: 'warning' }],
    },
  ],
});
