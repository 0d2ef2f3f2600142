import { createRule, type FixDescriptor, type JsonNode, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { dottedName, keyName, lastSegment, memberCall, parentOf, splitWords, type Node } from './utils/ast';
import { isIdentifierUrl, needsTls, parseCleartextUrl, type CleartextUrl } from './utils/urls';
import { enclosingNames } from './utils/config-keys';

type MessageId = 'cleartextRequest' | 'cleartextEndpoint';

/** Functions whose first argument is a URL they connect to. */
const URL_FIRST_FUNCTIONS = new Set([
  'fetch', 'window.fetch', 'globalThis.fetch', 'axios', 'got', 'ky', 'superagent', 'request', 'needle', 'io', 'undici.request', 'undici.fetch', 'navigator.sendBeacon',
  // Leaflet map tiles: the browser fetches the tiles around the place shown — often where a patient lives.
  'L.tileLayer', 'L.tileLayer.wms', 'tileLayer', 'tileLayer.wms',
]);
/** The last segments of URL_FIRST_FUNCTIONS (`fetch` of `window.fetch`, `wms` of `L.tileLayer.wms`). */
const URL_FIRST_FUNCTION_LAST_NAMES = new Set([...URL_FIRST_FUNCTIONS].map((name) => name.slice(name.lastIndexOf('.') + 1)));
/** HTTP-client methods whose first argument is a URL. */
const URL_FIRST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch', 'stream', 'sendBeacon', 'connect']);
/** Receivers of those methods: HTTP clients by name (`axios`, `this.http`, `got`, `apiClient`). */
const HTTP_CLIENT_WORDS = new Set(['axios', 'http', 'https', 'got', 'superagent', 'request', 'ky', 'needle', 'undici', 'client', 'api', 'fetcher', 'agent', 'instance', 'navigator']);
/** Constructors whose first argument is a URL they connect to. */
const URL_CONSTRUCTORS = new Set(['WebSocket', 'EventSource', 'ReconnectingWebSocket', 'Request', 'TileLayer']);
/** Option and variable names that hold an endpoint. */
const ENDPOINT_WORDS = new Set(['url', 'uri', 'endpoint', 'base', 'host', 'server', 'webhook', 'callback', 'api', 'target', 'proxy', 'gateway', 'socket', 'ws']);
/**
 * Words that make an URL-named value an identifier, a link for people or metadata, not a connection:
 * `extensionUrl`, `CODE_SYSTEM_URL`, `profileUri`, `homepageUrl`, `logoUrl`, `termsUrl`.
 */
const NOT_A_CONNECTION_WORDS = new Set([
  'extension', 'extensions', 'system', 'systems', 'profile', 'profiles', 'namespace', 'ns', 'schema', 'canonical', 'code', 'codes', 'valueset',
  'definition', 'identifier', 'type', 'homepage', 'home', 'repository', 'repo', 'license', 'licence', 'doc', 'docs', 'documentation', 'help',
  'privacy', 'terms', 'policy', 'image', 'img', 'icon', 'logo', 'avatar', 'photo', 'picture', 'website', 'site', 'link', 'links', 'self', 'designer',
  'author', 'vendor', 'info', 'about', 'support', 'feedback', 'redirect', 'return', 'origin', 'referrer', 'referer', 'canonical', 'example', 'sample',
  // a specification's base, under which extension and identifier URLs are named: `SPECIFICATION_URL`, `specUri`
  'specification', 'specifications', 'spec', 'specs',
]);
/** Where a string is a connection's fallback after configuration: `process.env.LAB_URL ?? 'http://…'`. */
const CONFIGURED_VALUE = /^(process\.env|import\.meta\.env|Deno\.env|env|config|settings|cfg)\b/;
/**
 * JSX elements whose attribute is fetched by the browser from that URL. Map tile layers (react-leaflet's
 * `<TileLayer url>`) request the tiles around the location shown — a patient's home on a registration map.
 */
const FETCHED_ATTRIBUTES: Record<string, readonly string[]> = {
  iframe: ['src'], script: ['src'], form: ['action'], embed: ['src'], object: ['data'], frame: ['src'], TileLayer: ['url'], WMSTileLayer: ['url'],
};
/** JSON keys whose URL values are identifiers, documentation or package metadata, never endpoints. */
/** FHIR extensions name themselves with a canonical `url`, never fetched: `{ url, valueCoding }`. */
const FHIR_EXTENSION_KEYS = new Set(['extension', 'modifierExtension']);
const FHIR_VALUE_KEY = /^value[A-Z]/;

function isFhirExtensionUrl(property: TSESTree.Property): boolean {
  if (keyName(property.key) !== 'url') return false;
  const object = parentOf(property);
  if (object?.type !== 'ObjectExpression') return false;
  const siblings = object.properties.map((sibling) => (sibling.type === 'Property' ? keyName(sibling.key) : undefined));
  if (siblings.some((key) => key !== undefined && (FHIR_VALUE_KEY.test(key) || FHIR_EXTENSION_KEYS.has(key)))) return true;
  const holder = parentOf(object)?.type === 'ArrayExpression' ? parentOf(parentOf(object)!) : undefined;
  return holder?.type === 'Property' && FHIR_EXTENSION_KEYS.has(keyName(holder.key) ?? '');
}

function isFhirExtensionJsonUrl(node: JsonNode, path: string[]): boolean {
  if (path[path.length - 1] !== 'url') return false;
  if (path.slice(0, -1).some((segment) => FHIR_EXTENSION_KEYS.has(segment))) return true;
  const object = node.parent?.parent;
  return (object?.children ?? []).some((property) => {
    const key = String(property.children?.[0]?.value ?? '');
    return FHIR_VALUE_KEY.test(key) || FHIR_EXTENSION_KEYS.has(key);
  });
}

// `telecom`: a FHIR ContactPoint (a publisher's or a contact's phone, e-mail or web page), not a connection.
const NON_ENDPOINT_KEYS = new Set(['telecom', '$schema', '$id', '$ref', 'xmlns', 'namespace', 'system', 'homepage', 'repository', 'bugs', 'license', 'licenses', 'author', 'contributors', 'funding', 'profile', 'valueSet', 'definition', 'canonical', '@context', '@id', '@type']);

function isHttpClient(object: Node): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  return splitWords(name).some((word) => HTTP_CLIENT_WORDS.has(word));
}

/** `labUrl`, `LAB_API_URLS`, `webhookEndpoints`: a word of the name (or its singular) names an endpoint, none an identifier or a link. */
/** Words of an enclosing definition that make every URL inside it an identifier: `PatientExtensions = { a: { url } }`. */
const IDENTIFIER_DEFINITION_WORDS = new Set(['extension', 'extensions', 'namespace', 'namespaces', 'codesystem', 'valueset', 'canonical']);

function namesAnIdentifier(name: string | undefined): boolean {
  return !!name && splitWords(name).some((word) => NOT_A_CONNECTION_WORDS.has(word));
}

/** The variable or property a literal is the value of. */
function holderName(node: Node): string | undefined {
  const parent = parentOf(node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'Property') return keyName(parent.key);
  return undefined;
}

/** Whether a property sits inside an object defined under an identifier's name (`…Extensions = { a: { url } }`). */
function isInsideIdentifierDefinition(site: Node, name: string): boolean {
  const enclosing = enclosingNames(site);
  return enclosing.some((section) => splitWords(section).some((word) => IDENTIFIER_DEFINITION_WORDS.has(word))) || isInsideIdentifierSection(enclosing, name, siblingKeys(site));
}

/**
 * Config sections whose URLs name things rather than reach them: a bare `systems` (the identifier and tag systems
 * an application stamps on its records: `systems.nationalid.uri`, `systems.baseURI`) and a `…Definition` section
 * (`structureDefinition.uri`, the base its extension and profile URLs are built on). Only a bare `systems`:
 * `externalSystems` or `partnerSystems` may list the systems the application connects to.
 */
const IDENTIFIER_SECTION_KEYS = new Set(['system', 'systems']);
const IDENTIFIER_SECTION_WORDS = new Set(['definition', 'definitions']);
/**
 * In such a section a key naming a connection (`host`, `server`, `endpoint`, `api`, `webhook` …), or a URL beside
 * credentials (`{ url, username, password }`), is still an endpoint; only the ambiguous URL words (`url`, `uri`,
 * `base`: `CRBaseURI`) without credentials are read as the section's identifiers.
 */
const CONNECTION_ONLY_WORDS = new Set(['host', 'server', 'endpoint', 'webhook', 'callback', 'api', 'target', 'proxy', 'gateway', 'socket', 'ws']);

/** Keys of credentials: a URL beside them is where they are sent, a connection whatever section it sits in. */
const CREDENTIAL_WORDS = new Set(['username', 'user', 'password', 'passwd', 'pwd', 'token', 'secret', 'credential', 'credentials', 'auth', 'authorization', 'apikey']);

function namesCredentials(keys: readonly string[]): boolean {
  return keys.some((key) => /api[-_]?key/i.test(key) || splitWords(key).some((word) => CREDENTIAL_WORDS.has(word)));
}

/** Keys beside a JSON string (the object holding its property, or holding the array it is an element of). */
function jsonSiblingKeys(node: JsonNode): string[] {
  const value = node.parent?.type === 'array' ? node.parent : node;
  const property = value.parent;
  if (property?.type !== 'property') return [];
  return (property.parent?.children ?? []).map((sibling) => String(sibling.children?.[0]?.value ?? ''));
}

/** Keys beside a property in code. */
function siblingKeys(site: Node): string[] {
  const object = parentOf(site);
  if (object?.type !== 'ObjectExpression') return [];
  return object.properties.flatMap((sibling) => (sibling.type === 'Property' ? [keyName(sibling.key) ?? ''] : []));
}

function isInsideIdentifierSection(enclosing: readonly string[], name: string, siblings: readonly string[]): boolean {
  if (namesCredentials(siblings)) return false;
  const inSection = enclosing.some(
    (section) => IDENTIFIER_SECTION_KEYS.has(section.toLowerCase()) || splitWords(section).some((word) => IDENTIFIER_SECTION_WORDS.has(word) || IDENTIFIER_DEFINITION_WORDS.has(word)),
  );
  if (!inSection) return false;
  return !splitWords(name).some((word) => CONNECTION_ONLY_WORDS.has(word) || (word.length > 3 && word.endsWith('s') && CONNECTION_ONLY_WORDS.has(word.slice(0, -1))));
}

function isEndpointName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => NOT_A_CONNECTION_WORDS.has(word))) return false;
  return words.some((word) => ENDPOINT_WORDS.has(word) || (word.length > 3 && word.endsWith('s') && ENDPOINT_WORDS.has(word.slice(0, -1))));
}

/** The fallback of an environment or configuration read: a developer default, not where production connects. */
function isConfiguredValue(node: Node): boolean {
  let current = node;
  while (current.type === 'CallExpression') current = current.callee;
  const name = dottedName(current);
  return name !== undefined && CONFIGURED_VALUE.test(name);
}

/** JSON files that configure an application: a `config/` or `settings/` folder, or a config-named file. */
function isConfigJson(file: string): boolean {
  return /(^|\/)(config|configs|conf|settings|environments?|env)\//i.test(file) || /(^|\/)[^/]*(config|settings|environment|appsettings|\.env|endpoints?|servers?)[\w.-]*\.jsonc?$/i.test(file);
}

/**
 * Files named for an environment that is not a deployment holding real patients' data.
 * - A CI pipeline, a test environment or a developer's own machine (`config_cicd_template.json`, `settings.ci.json`,
 *   `config_test.json`, `e2e.config.json`, `environment.local.ts`, `capacitor.config.local.example.json`): they point
 *   the suite at the throwaway stack it starts, or a developer's build at their dev server.
 * - A development (or test) override layered on a base config, the environment a dotted segment after the base name
 *   (`appsettings.Development.json`, `environment.dev.ts`, also behind a short deployment prefix: `appsettings.hgdev.json`,
 *   `appsettings.uattest.json`): the base (`appsettings.json`, `environment.ts`) is what a deployment starts from and
 *   is still read. A whole file named for development (`config/development.json`, node-config's default when NODE_ENV
 *   is unset) is not an override and is still read, as are production and staging files.
 * A code file names its environment only in a dotted segment (`localStorage.ts` is product code), and only a local or
 * development one: `patients.test.ts` is a test file, which the roles a scan asks for decide on.
 */
const NON_DEPLOYMENT_WORDS = new Set(['ci', 'cicd', 'test', 'tests', 'testing', 'e2e', 'local']);
const DEVELOPMENT_WORDS = new Set(['dev', 'development', 'develop']);
/** A dotted segment naming a dev or test environment behind a short deployment prefix: `hgdev`, `uattest`. */
const PREFIXED_ENV_SEGMENT = /^[a-z]{1,4}(dev|test)$/;
const ENGLISH_WORDS_ENDING_LIKE_AN_ENV = new Set(['latest', 'contest', 'protest', 'attest']);

const isOverrideSegment = (segment: string) => {
  const lower = segment.toLowerCase();
  return NON_DEPLOYMENT_WORDS.has(lower) || DEVELOPMENT_WORDS.has(lower) || (PREFIXED_ENV_SEGMENT.test(lower) && !ENGLISH_WORDS_ENDING_LIKE_AN_ENV.has(lower));
};

/**
 * A translation catalogue (`i18n/`, `locales/`, `translations/` folders): text shown to people, whose URLs are links
 * a person follows, never a connection the application makes; JSON catalogues are already not config files.
 */
const TRANSLATION_FOLDER = /(^|\/)(i18n|l10n|locales?|translations?|lang|langs)\//i;

function isNonDeploymentConfig(file: string, json: boolean): boolean {
  const base = file.split('/').pop() ?? '';
  const name = base.replace(json ? /\.(jsonc?|json5)$/i : /\.[cm]?[jt]sx?$/i, '');
  // In code a test segment (`patients.test.ts`) is a test file, left to the roles a scan asks for.
  const overrides = name.split('.').slice(1);
  if (json ? overrides.some(isOverrideSegment) : overrides.some((segment) => isOverrideSegment(segment) && !/test|^ci$|^e2e$/i.test(segment))) return true;
  return json && (name.split(/[._-]+/).some((segment) => NON_DEPLOYMENT_WORDS.has(segment.toLowerCase())) || splitWords(name).some((word) => NON_DEPLOYMENT_WORDS.has(word) && word !== 'local'));
}

/**
 * The expressions whose string value may be the URL: the value itself, both sides of a fallback
 * (`process.env.LAB_URL ?? 'http://…'`), both branches of a conditional, the elements of an array, and
 * what a type assertion wraps.
 */
function urlCandidates(node: Node, depth = 0): Node[] {
  if (depth > 4) return [node];
  switch (node.type) {
    case 'LogicalExpression':
      if (node.operator === '&&') return urlCandidates(node.right, depth + 1);
      // `process.env.LAB_URL ?? 'http://…'`: the literal is a developer default, not where production connects.
      if (isConfiguredValue(node.left)) return urlCandidates(node.left, depth + 1);
      return [...urlCandidates(node.left, depth + 1), ...urlCandidates(node.right, depth + 1)];
    case 'ConditionalExpression':
      return [...urlCandidates(node.consequent, depth + 1), ...urlCandidates(node.alternate, depth + 1)];
    case 'ArrayExpression':
      return node.elements.flatMap((element) => (element && element.type !== 'SpreadElement' ? urlCandidates(element, depth + 1) : []));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return urlCandidates(node.expression, depth + 1);
    default:
      return [node];
  }
}

/** The URL argument(s) of a network call, if the call is one. */
function urlArguments(node: TSESTree.CallExpression | TSESTree.NewExpression): Node[] {
  // Run for every call: each answer below is an argument, and a method named like no URL-first function's last
  // segment (`list.map(…)`) cannot be one, so neither needs the callee's dotted name built.
  if (node.arguments.length === 0) return [];
  if (node.type === 'NewExpression') {
    const callee = dottedName(node.callee);
    return callee && URL_CONSTRUCTORS.has(lastSegment(node.callee) ?? '') && node.arguments[0] ? [node.arguments[0]] : [];
  }
  const method = node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' ? node.callee.property.name : undefined;
  const callee = method === undefined || URL_FIRST_FUNCTION_LAST_NAMES.has(method) ? dottedName(node.callee) : undefined;
  if (callee && URL_FIRST_FUNCTIONS.has(callee) && node.arguments[0]) return [node.arguments[0]];
  const call = memberCall(node);
  if (!call) return [];
  if (URL_FIRST_METHODS.has(call.method) && isHttpClient(call.object) && node.arguments[0]) return [node.arguments[0]];
  // xhr.open('GET', url)
  if (call.method === 'open' && node.arguments.length >= 2 && node.arguments[0].type === 'Literal' && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i.test(String(node.arguments[0].value))) {
    return [node.arguments[1]];
  }
  return [];
}

function schemeFix(literalStart: number, url: CleartextUrl): FixDescriptor {
  return {
    description: `Use ${url.secureScheme}://`,
    edits: [{ start: literalStart, end: literalStart + url.scheme.length, text: url.secureScheme }],
  };
}

/** Offset of a string literal's first character of content (after the quote or backtick). */
function contentStart(node: Node): number {
  return node.range[0] + 1;
}

function reportCode(context: RuleContext, literal: Node, url: CleartextUrl, messageId: MessageId, data: Record<string, string>): void {
  const unknownHost = url.host === '';
  context.report({
    node: literal,
    messageId,
    data: { ...data, scheme: url.scheme, secureScheme: url.secureScheme },
    fix: schemeFix(contentStart(literal), url),
    precision: unknownHost ? 'medium' : undefined,
  });
}

function jsonUrl(node: JsonNode | undefined): CleartextUrl | undefined {
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  return parseCleartextUrl(node.value);
}

export default createRule({
  meta: {
    id: 'no-cleartext-transport',
    description: 'Disallow http:// and ws:// connections to hosts other than this machine.',
    rationale:
      'Requests over http:// or ws:// travel unencrypted: anyone on the network path can read and change them, including the PHI in their bodies, headers and URLs. HIPAA’s transmission-security safeguard expects encryption in transit. Loopback addresses, documentation domains (example.com, *.test) and identifier URLs such as XML namespaces and code systems are not flagged.',
    category: 'transport',
    defaultSeverity: 'error',
    cwe: ['CWE-319'],
    hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    precision: 'very-high',
    securitySeverity: 7.4,
    messages: {
      cleartextRequest: 'Connection over {{scheme}}:// to a remote host: data, including any PHI, travels unencrypted. Use {{secureScheme}}://.',
      cleartextEndpoint: 'Endpoint `{{name}}` uses {{scheme}}://: whatever is sent to it travels unencrypted. Use {{secureScheme}}://.',
    },
    schema: {
      type: 'object',
      properties: {
        allowedHosts: { type: 'array', items: { type: 'string' }, description: 'Hosts allowed over cleartext (e.g. an internal service mesh that terminates TLS in a sidecar).' },
      },
      additionalProperties: false,
    },
    fixable: true,
    // Only the product's own connections: an operator's script, migration or release tool connects where whoever runs it
    // points it (a local stack, a staging bucket, a vendor's upload site) and is not what a deployment ships.
    roles: ['production'],
    languages: ['code', 'json'],
  },
  defaultOptions: { allowedHosts: [] as string[] },
  create(context, options) {
    const allowedHosts = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
    // An unknown host (`http://${host}`) may well be this machine (a config default of localhost): only a
    // known remote host is a finding.
    // A single-label host that a Docker Compose file above declares as a service is a container of the same stack,
    // reached on the stack's own network (`http://fhir:8080` in the stack's config): not a host across a network.
    const composeServices = new Set(context.config.composeServices ?? []);
    const isComposeService = (host: string) => !host.includes('.') && composeServices.has(host);
    const isFlagged = (url: CleartextUrl | undefined): url is CleartextUrl => !!url && url.host !== '' && needsTls(url) && !allowedHosts.has(url.host) && !isComposeService(url.host);
    // A dev, local or test environment's file (JSON or code) configures no deployment: nothing in it is where patients' data goes.
    if (isNonDeploymentConfig(context.file, context.language === 'json') || TRANSLATION_FOLDER.test(context.file)) return {};
    const configJson = context.language === 'json' && isConfigJson(context.file);

    const checkSinkCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      for (const argument of urlArguments(node).flatMap((candidate) => urlCandidates(candidate))) {
        const known = context.stringPrefixOf(argument);
        const url = known ? parseCleartextUrl(known.text) : undefined;
        if (isFlagged(url) && known) reportCode(context, known.node, url, 'cleartextRequest', {});
      }
      // axios.create({ baseURL: 'http://…' }), http.request({ protocol: 'http:', host: … }) are caught by Property below.
    };

    const checkEndpointValue = (name: string, value: Node, site: Node) => {
      if (!isEndpointName(name) || NON_ENDPOINT_KEYS.has(name) || isInsideIdentifierDefinition(site, name)) return;
      for (const candidate of urlCandidates(value)) {
        // A name or member refers to a constant flagged where it is defined (or at the call that uses it).
        if (candidate.type === 'Identifier' || candidate.type === 'MemberExpression') continue;
        const known = context.stringPrefixOf(candidate);
        if (!known) continue;
        // `{ url: `${SERVICE_EXTENSION}/coverage` }`: built on a base the code names as an identifier.
        if (known.node !== candidate && namesAnIdentifier(holderName(known.node))) continue;
        const url = parseCleartextUrl(known.text);
        if (isFlagged(url) && !isIdentifierUrl(known.text)) reportCode(context, known.node, url, 'cleartextEndpoint', { name });
      }
    };

    return {
      CallExpression: checkSinkCall,
      NewExpression: checkSinkCall,
      Property(node: TSESTree.Property) {
        if (node.computed || node.value.type === 'AssignmentPattern' || node.value.type === 'ObjectPattern') return;
        const name = keyName(node.key);
        if (name && !isFhirExtensionUrl(node)) checkEndpointValue(name, node.value as Node, node);
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type === 'Identifier' && node.init) checkEndpointValue(node.id.name, node.init, node);
      },
      JSXAttribute(node: TSESTree.JSXAttribute) {
        // <iframe src="http://…">, <form action="http://…">: the browser connects there.
        const element = parentOf(node);
        if (element?.type !== 'JSXOpeningElement' || element.name.type !== 'JSXIdentifier' || node.name.type !== 'JSXIdentifier') return;
        if (!FETCHED_ATTRIBUTES[element.name.name]?.includes(node.name.name) || node.value?.type !== 'Literal' || typeof node.value.value !== 'string') return;
        const url = parseCleartextUrl(node.value.value);
        if (isFlagged(url) && !isIdentifierUrl(node.value.value)) reportCode(context, node.value, url, 'cleartextRequest', {});
      },
      JsonString(node: JsonNode, path: string[]) {
        // Only configuration files hold endpoints; data, fonts, translations and metadata hold links and identifiers.
        if (!configJson) return;
        if (path.some((segment) => NON_ENDPOINT_KEYS.has(segment)) || isFhirExtensionJsonUrl(node, path)) return;
        const keys = path.filter((segment) => !/^\d+$/.test(segment));
        const last = keys[keys.length - 1];
        if (last !== undefined && splitWords(last).some((word) => NOT_A_CONNECTION_WORDS.has(word))) return;
        if (last !== undefined && isInsideIdentifierSection(keys.slice(0, -1), last, jsonSiblingKeys(node))) return;
        const url = jsonUrl(node);
        if (!isFlagged(url) || isIdentifierUrl(String(node.value))) return;
        context.report({
          jsonNode: node,
          messageId: 'cleartextEndpoint',
          data: { name: path.join('.') || '(root)', scheme: url.scheme, secureScheme: url.secureScheme },
          fix: schemeFix(node.offset + 1, url),
        });
      },
    };
  },
});
