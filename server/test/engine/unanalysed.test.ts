// Files the engine cannot analyse are findings, not silent skips (issue 10: the CI gate failed open).
// The rule's table test covers parse errors and nesting; these cover what is decided when a file is
// read (size limit, encoding), the roles that stay plain skips, and how the results reach a scan and
// an editor's analysis of a file on disk.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { Project } from '../../src/engine/project';
import { maskParserMessage } from '../../src/engine/value-mask';
import { rebalanceChains } from '../../src/engine/deep-parse';
import * as ts from 'typescript';

const LEAK = 'export function show(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';

describe('unanalysed files in a scan', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-unanalysed-')));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string | Buffer>): void {
    for (const [relPath, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relPath)), { recursive: true });
      fs.writeFileSync(path.join(root, relPath), content);
    }
  }

  const scan = () => new Project({ root, rules: allRules }).scan();
  const summary = (findings: Array<{ file: string; ruleId: string; severity: string }>) => findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.severity}`).sort();

  it('reports source files over maxFileSize and keeps the skips; JSON over the limit is data, a plain skip', async () => {
    write({ '.phi-guard.json': '{ "maxFileSize": 512 }', 'src/big.ts': `${LEAK}${'// pad\n'.repeat(100)}`, 'src/big.json': `{ "a": "${'x'.repeat(600)}" }`, 'src/ok.ts': 'export const ok = 1;\n' });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['src/big.ts unanalysed-file warning']);
    assert.match(result.findings.find((finding) => finding.file === 'src/big.ts')!.message, /^Not analysed, 779 bytes exceeds the 512 bytes limit \(`maxFileSize`\)/);
    assert.deepEqual(result.skipped.map((skip) => [skip.file, skip.reason]), [['src/big.json', 'too-large'], ['src/big.ts', 'too-large']]);
    assert.equal(result.filesScanned, 2);
  });

  it('lists a .json file that is not JSON by design as a plain skip with its reason; broken JSON stays a finding', async () => {
    write({
      'deploy/vault.json': 'storage "file" {\n  path = "/data"\n}\n',
      'app/env.json': '{ "port": ${PORT}, "title": "Console" }\n',
      'app/broken.json': '{ "port": 80 "title": "Console" }\n',
    });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['app/broken.json unanalysed-file warning']);
    assert.deepEqual(
      result.skipped.map((skip) => [skip.file, skip.reason]).sort(),
      [['app/broken.json', 'parse-error'], ['app/env.json', 'not-json'], ['deploy/vault.json', 'not-json']],
    );
    assert.match(result.skipped.find((skip) => skip.file === 'app/env.json')!.detail, /template/);
  });

  it('an oversized third-party bundle (UMD wrapper, release banner) is vendored, a plain skip; the application\'s own oversized module stays a finding', async () => {
    const pad = '// pad\n'.repeat(100);
    write({
      '.phi-guard.json': '{ "maxFileSize": 512 }',
      'src/assets/chartkit.js': `(function(f){if(typeof exports==="object"&&typeof module!=="undefined"){module.exports=f()}else if(typeof define==="function"&&define.amd){define([],f)}})(function(){ return {}; });\n${pad}`,
      'app/views/docs/apidocs-ui.js': `/**\n * apidocs-ui - renders API documentation\n * @version v3.2.1\n * @license Apache 2.0\n */\n(function(){ this.x = 1; })();\n${pad}`,
      'src/patients/registry.ts': `/*\n * Copyright (c) Acme Health. Licensed under the MPL 2.0.\n */\n${LEAK}${pad}`,
    });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['src/patients/registry.ts unanalysed-file warning']);
    assert.deepEqual(result.skipped.map((skip) => skip.file).sort(), ['app/views/docs/apidocs-ui.js', 'src/assets/chartkit.js', 'src/patients/registry.ts']);
  });

  it('an oversized module of literal data only (a code-system table) or a webpack build chunk is a plain skip; data with code in it stays a finding', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `{code:"A0${i}",desc:"Cholera (classical), unspecified",weight:-1.5e3,active:true,parent:null}`).join(',');
    write({
      '.phi-guard.json': '{ "maxFileSize": 512 }',
      'app/data/codes.js': `// generated from the code system\nexport default[${rows}];\n`,
      'app/data/terms.ts': `export const TERMS: Record<string, string> = {${rows.replace(/[{}]/g, '')}};\n`,
      'app/data/rows.js': `module.exports = [${rows}, \`${'x'.repeat(600)}`,
      'gui/js/chunk-vendors.1a2b3c.js': `(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["chunk-vendors"],{"0020":function(e,t){${'e.x=1;'.repeat(100)}}}]);\n`,
      'app/data/mixed.js': `export default[${rows}].map((row) => ({ ...row, label: row.desc }));\n`,
      'app/data/template.js': `export default[\`\${patient.ssn}\`, ${rows}];\n`,
      'app/data/called.js': `export const table = {${rows.replace(/[{}]/g, '')}, first: load(patient)};\n`,
    });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['app/data/called.js unanalysed-file warning', 'app/data/mixed.js unanalysed-file warning', 'app/data/template.js unanalysed-file warning']);
    assert.deepEqual(result.skipped.map((skip) => skip.file).sort(), ['app/data/called.js', 'app/data/codes.js', 'app/data/mixed.js', 'app/data/rows.js', 'app/data/template.js', 'app/data/terms.ts', 'gui/js/chunk-vendors.1a2b3c.js']);
  });

  it('an oversized module of type declarations only (generated resource types) is a plain skip; types followed by code stay a finding', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `    field${i}?: string | undefined;\n    _field${i}?: Element | undefined;`).join('\n');
    const types = `export interface Address extends Element {\n${fields}\n}\nexport type Age = Quantity\nexport type Use = 'home' | 'work'\n  | 'old';\n`;
    write({
      '.phi-guard.json': '{ "maxFileSize": 512 }',
      'packages/types/src/r4.ts': `/**\n * Copyright (c) Example. MIT licence.\n */\n${types}export declare namespace Fhir {\n  interface Coding { code: string; display?: string }\n}\n${types}`,
      'packages/types/src/withCode.ts': `${types}export type Patient = { name: string }\nfetch('/api', { body: patient.name });\n${types}`,
      'packages/types/src/aliasThenCall.ts': `export type Alias = Quantity\nsend(patient)\n${types}`,
    });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['packages/types/src/aliasThenCall.ts unanalysed-file warning', 'packages/types/src/withCode.ts unanalysed-file warning']);
    assert.deepEqual(result.skipped.map((skip) => skip.file).sort(), ['packages/types/src/aliasThenCall.ts', 'packages/types/src/r4.ts', 'packages/types/src/withCode.ts']);
  });

  it('a code-generation template with placeholder tokens is a plain skip with its reason; a template-named file broken elsewhere stays a finding', async () => {
    write({
      'db/migrations/.migrationTemplate.ts': "import { Migration } from './migration';\n\nexport class {MIGRATION_NAME}{TIMESTAMP} implements Migration {\n  async up(): Promise<void> {}\n}\n",
      'src/email/visitTemplate.ts': 'export const subject = (name: string) => `Visit for ${name}`;\nexport const body = (name: string) => { return name +; };\n',
      'src/intake/form.ts': 'export class {FORM_NAME} implements Form {}\n',
    });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['src/email/visitTemplate.ts unanalysed-file warning', 'src/intake/form.ts unanalysed-file warning']);
    const template = result.skipped.find((skip) => skip.file === 'db/migrations/.migrationTemplate.ts');
    assert.equal(template?.reason, 'parse-error');
    assert.match(template!.detail, /code-generation template/);
  });

  it('analyses code TypeScript parses but a compiler would reject (a class declaration without a name): its data flow is the same', async () => {
    write({ 'src/intake/form.ts': `export class {}\n${LEAK}` });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['src/intake/form.ts no-phi-in-logs error']);
    assert.deepEqual(result.skipped, []);
  });

  it('reports undecodable bytes (UTF-16 with an unpaired surrogate) as unanalysed', async () => {
    write({ 'src/broken.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const a = 1;', 'utf16le'), Buffer.from([0x00, 0xd8])]) });
    const result = await scan();
    assert.deepEqual(summary(result.findings), ['src/broken.ts unanalysed-file warning']);
    assert.match(result.findings[0].message, /invalid UTF-16LE/);
  });

  it('keeps generated and vendored files over the limit plain skips, judging a banner from the first bytes', async () => {
    write({
      '.phi-guard.json': '{ "maxFileSize": 512 }',
      'src/api.ts': `// @generated by openapi-typescript. DO NOT EDIT.\n${'export type A = string;\n'.repeat(40)}`,
      'vendor/lib.js': 'x'.repeat(600),
      'src/schema.generated.ts': 'x'.repeat(600),
    });
    const result = await scan();
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped.length, 3);
  });

  it('counts an unanalysed test file as hidden, like any finding in a test (--include-tests reports it)', async () => {
    write({ 'test/broken.test.ts': 'describe(;' });
    const result = await scan();
    assert.deepEqual(result.findings, []);
    assert.equal(result.hidden?.byRole.test, 1);
    const all = await new Project({ root, rules: allRules, reportRoles: 'all' }).scan();
    assert.deepEqual(summary(all.findings), ['test/broken.test.ts unanalysed-file warning']);
  });

  it('records how a non-UTF-8 file was read as a note on the scan', async () => {
    write({ 'src/latin1.ts': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${LEAK}`)]), 'src/utf8.ts': '// café\n' });
    const result = await scan();
    assert.deepEqual(result.notes, [{ file: 'src/latin1.ts', detail: 'not valid UTF-8 (byte offset 6): read as Windows-1252' }]);
    assert.deepEqual(summary(result.findings), ['src/latin1.ts no-phi-in-logs error']);
  });

  it('an editor analysing a file on disk over the limit gets the unanalysed-file finding too', () => {
    write({ '.phi-guard.json': '{ "maxFileSize": 512 }', 'src/big.ts': `${LEAK}${'// pad\n'.repeat(100)}` });
    const analysis = new Project({ root, rules: allRules }).analyzeDisk(path.join(root, 'src/big.ts'));
    assert.equal(analysis.skipped?.reason, 'too-large');
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['unanalysed-file']);
  });
});

describe('maskParserMessage', () => {
  const cases: Array<[string, string]> = [
    ["',' expected.", "',' expected."],
    ["Expected corresponding JSX closing tag for 'MargaretThornbury'.", "Expected corresponding JSX closing tag for '…'."],
    ["'287-65-4321' is not a valid identifier", "'…' is not a valid identifier"],
    ["'const' declarations must be initialized.", "'const' declarations must be initialized."],
    ["Invalid character.", "Invalid character."],
  ];
  for (const [message, masked] of cases) it(message, () => assert.equal(maskParserMessage(message), masked));
});

describe('rebalanceChains', () => {
  it('regroups a long chain into a shallow tree with the same operands, operators and source range', () => {
    const terms = Array.from({ length: 1_000 }, (_, i) => `a${i}`);
    const text = `x = ${terms.join(' + ')};`;
    const sourceFile = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
    const expression = ((sourceFile.statements[0] as ts.ExpressionStatement).expression as ts.BinaryExpression).right as ts.BinaryExpression;
    assert.equal(rebalanceChains(sourceFile), 1);
    const leaves: string[] = [];
    let depth = 0;
    const walk = (node: ts.Expression, level: number): void => {
      depth = Math.max(depth, level);
      if (ts.isBinaryExpression(node)) {
        assert.equal(node.operatorToken.kind, ts.SyntaxKind.PlusToken);
        assert.ok(node.operatorToken.pos >= node.left.end && node.operatorToken.end <= node.right.getStart(sourceFile), 'the operator stands between the halves');
        assert.equal(node.left.parent, node);
        walk(node.left, level + 1);
        walk(node.right, level + 1);
      } else leaves.push(node.getText(sourceFile));
    };
    walk(expression, 0);
    assert.deepEqual(leaves, terms);
    assert.ok(depth <= 11, `depth ${depth}`);
    assert.equal(expression.getText(sourceFile), terms.join(' + '));
  });

  it('leaves short chains and mixed operators alone', () => {
    const sourceFile = ts.createSourceFile('a.ts', `x = ${Array.from({ length: 20 }, (_, i) => `a${i}`).join(' + ')} - b - c;`, ts.ScriptTarget.Latest, true);
    assert.equal(rebalanceChains(sourceFile), 0);
  });
});
