// Every rule has a doc with ❌/✅ examples, and every example behaves as the doc says when it runs
// through the engine. The README's rules table lists exactly the rules in rules/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { runCase } from '../../rules/tests/rule-tester';

const DOCS = path.resolve(__dirname, '../../rules/docs');
const README = path.resolve(__dirname, '../../README.md');
const EXTENSIONS: Record<string, string> = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js', javascript: 'js', jsx: 'jsx', json: 'json', jsonc: 'jsonc' };

interface Example {
  language: string;
  code: string;
  line: number;
  /** A file name after the language (```json config/production.json): where the example lives. */
  filename?: string;
}

/** Code blocks under a `## ❌ …` or `## ✅ …` heading. */
export function examplesUnder(markdown: string, marker: '❌' | '✅'): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) inSection = line.includes(marker);
    if (!inSection) continue;
    const fence = /^```(\w+)(?:\s+(\S+))?/.exec(line);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    examples.push({ language: fence[1], code: lines.slice(start, end).join('\n'), line: start, filename: fence[2] });
    i = end;
  }
  return examples;
}

describe('rule docs', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    const docPath = path.join(DOCS, `${id}.md`);
    describe(id, () => {
      it('has a doc with the rule id as title', () => {
        assert.ok(fs.existsSync(docPath), `missing ${path.relative(process.cwd(), docPath)}`);
        assert.ok(fs.readFileSync(docPath, 'utf8').startsWith(`# ${id}\n`));
      });
      if (!fs.existsSync(docPath)) return;
      const markdown = fs.readFileSync(docPath, 'utf8');
      const incorrect = examplesUnder(markdown, '❌');
      const correct = examplesUnder(markdown, '✅');
      if (id !== 'valid-suppression') {
        it('has ❌ and ✅ examples', () => {
          assert.ok(incorrect.length > 0 && correct.length > 0);
        });
      }
      for (const example of incorrect) {
        it(`❌ example at line ${example.line} is reported`, () => {
          const findings = runCase({ code: example.code, filename: example.filename ?? `docs-example.${EXTENSIONS[example.language] ?? 'ts'}`, allowSkip: id === 'unanalysed-file' });
          assert.ok(findings.some((finding) => finding.ruleId === id), `expected a ${id} finding`);
        });
      }
      for (const example of correct) {
        it(`✅ example at line ${example.line} is clean`, () => {
          const findings = runCase({ code: example.code, filename: example.filename ?? `docs-example.${EXTENSIONS[example.language] ?? 'ts'}` }).filter((finding) => finding.ruleId === id);
          assert.deepEqual(findings.map((finding) => `${finding.range.start.line}: ${finding.message}`), []);
        });
      }
    });
  }

  it('the README rules table lists exactly the rules in rules/', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const listed = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(rules\/docs\/\1\.md\)/gm)].map((match) => match[1]).sort();
    assert.deepEqual(listed, allRules.map((rule) => rule.meta.id).sort());
  });
});
