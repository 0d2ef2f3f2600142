import { runRuleTests } from './rule-tester';

runRuleTests('no-permissive-cors-with-credentials', {
  valid: [
    // Koa CORS with credentials and an explicit origin; Express cors without origin (its default is *, no credentials sent)
    "import cors from '@koa/cors';\napp.use(cors({ origin: 'https://portal.acme-health.com', credentials: true }));",
    "import cors from 'kcors';\napp.use(cors({ allowMethods: 'GET,POST' }));",
    "import cors from 'kcors';\ndeclare const shared: object;\napp.use(cors({ ...shared, credentials: true }));",
    // a public API: any origin, no credentials
    "import cors from 'cors';\napp.use(cors());\napp.use(cors({ origin: '*' }));\napp.use(cors({ origin: true, credentials: false }));",
    // credentials with an explicit list, a single origin, or a checking callback
    "import cors from 'cors';\napp.use(cors({ origin: ['https://portal.example.com'], credentials: true }));\napp.use(cors({ origin: 'https://portal.example.com', credentials: true }));",
    "import cors from 'cors';\nconst allowed = new Set(['https://portal.example.com']);\napp.use(cors({ origin: (origin, cb) => cb(null, allowed.has(origin)), credentials: true }));",
    "import cors from 'cors';\napp.use(cors({ origin: /\\.example\\.com$/, credentials: true }));",
    // fetch's credentials option is a client setting
    "fetch('https://api.example.com', { mode: 'cors', credentials: 'include' });",
    // headers: wildcard without credentials; a reflected origin that is checked first
    "app.use((req, res, next) => { res.header('Access-Control-Allow-Origin', '*'); next(); });",
    "const allowed = ['https://portal.example.com'];\napp.use((req, res, next) => {\n  if (allowed.includes(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});",
    // wildcard and credentials in different handlers
    "app.get('/public', (req, res) => { res.set('Access-Control-Allow-Origin', '*'); res.send('ok'); });\napp.get('/me', (req, res) => { res.set('Access-Control-Allow-Credentials', 'true'); res.send('ok'); });",
    // JSON: explicit origins, or no credentials
    { code: '{ "cors": { "origin": ["https://portal.example.com"], "credentials": true }, "publicCors": { "origin": "*" } }', filename: 'config/app.json' },
    { code: '{ "headers": [{ "source": "/(.*)", "headers": [{ "key": "Access-Control-Allow-Origin", "value": "*" }] }] }', filename: 'vercel.json' },
  ],
  invalid: [
    {
      name: 'a Koa CORS middleware with credentials and no origin reflects every Origin (regression: an interoperability mediator)',
      code: "import cors from 'kcors';\nimport koaCors from '@koa/cors';\napp.use(cors({ allowMethods: 'GET,HEAD,PUT,POST,DELETE', credentials: true }));\napp.use(koaCors({ credentials: true }));",
      errors: [
        { line: 3, column: 58, message: 'no origin given, so kcors reflects the request' },
        { line: 4, column: 19, message: 'no origin given, so @koa/cors reflects the request' },
      ],
      output: null,
    },
    {
      name: 'cors with origin * and credentials',
      code: "import cors from 'cors';\napp.use(cors({ origin: '*', credentials: true }));",
      errors: [{ line: 2, column: 16, message: 'CORS allows origin `*` together with credentials' }],
      output: null,
    },
    {
      name: 'origin true reflects any origin',
      code: "import cors from 'cors';\napp.use(cors({\n  credentials: true,\n  origin: true,\n}));",
      errors: [{ line: 4, column: 3, message: 'origin `true` reflects' }],
    },
    {
      name: 'an origin callback that always says yes, and one that echoes the origin',
      code: "import cors from 'cors';\napp.use(cors({ origin: (o, cb) => cb(null, true), credentials: true }));\napp.use(cors({ origin: function (origin, callback) { callback(null, origin); }, credentials: true }));",
      errors: [
        { line: 2, column: 16, message: 'an origin callback that accepts every origin' },
        { line: 3, column: 16 },
      ],
    },
    {
      name: 'NestJS enableCors, socket.io and a match-all pattern',
      code: "declare const app: any;\napp.enableCors({ origin: /.*/, credentials: true });\nnew Server(httpServer, { cors: { origin: ['*'], credentials: true } });",
      errors: [{ line: 2, column: 18, message: 'a pattern that matches every origin' }, { line: 3, column: 34 }],
    },
    {
      name: 'a cors options delegate that echoes the Origin header',
      code: "const corsOptions = (req: any, cb: any) => cb(null, { origin: req.header('Origin'), credentials: true });",
      errors: [{ line: 1, column: 55, message: 'the request’s own Origin header' }],
    },
    {
      name: 'headers set in the same middleware',
      code: "app.use((req, res, next) => {\n  res.header('Access-Control-Allow-Origin', '*');\n  res.header('Access-Control-Allow-Credentials', true);\n  next();\n});",
      errors: [{ line: 2, column: 3, message: 'This handler sends `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`' }],
    },
    {
      name: 'the Origin header echoed unconditionally, in a headers object',
      code: "export function handler(req: any, res: any) {\n  res.writeHead(200, {\n    'Access-Control-Allow-Origin': req.headers.origin,\n    'Access-Control-Allow-Credentials': 'true',\n  });\n}",
      errors: [{ line: 3, column: 5, message: 'the request’s Origin' }],
    },
    {
      name: 'Fetch API headers.set in a route handler, with a fallback',
      code: "export async function GET(request: Request) {\n  const response = new Response('ok');\n  response.headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '');\n  response.headers.set('access-control-allow-credentials', 'true');\n  return response;\n}",
      errors: [{ line: 3, column: 3, message: 'the request’s Origin' }],
    },
    {
      name: 'JSON config: wildcard, reflect and .NET/Azure spellings',
      code: '{\n  "cors": { "origin": "*", "credentials": true },\n  "api": { "cors": { "origin": true, "credentials": "true" } },\n  "Host": { "CORS": { "AllowedOrigins": ["*"], "SupportCredentials": true } }\n}',
      filename: 'config/app.json',
      errors: [
        { line: 2, column: 13, message: 'origin `*`' },
        { line: 3, column: 22, message: 'origin `true`' },
        { line: 4, column: 23 },
      ],
    },
    {
      name: 'Vercel headers',
      code: '{ "headers": [{ "source": "/api/(.*)", "headers": [\n  { "key": "Access-Control-Allow-Origin", "value": "*" },\n  { "key": "Access-Control-Allow-Credentials", "value": "true" }\n] }] }',
      filename: 'vercel.json',
      errors: [{ line: 2, column: 3 }],
    },
  ],
});
