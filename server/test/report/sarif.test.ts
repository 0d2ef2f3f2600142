import assert from 'node:assert/strict';
import { docsUrl } from '../../src/rule-api';
import { asSentence, buildSarifLog, formatSarif, pascalCaseName, relativeUri, rootUri, sarifRegion } from '../../src/report/sarif';
import { TOOL_VERSION } from '../../src/report/tool-info';
import {
  assertValidSarif,
  formatMultitoolIssues,
  multitoolUnavailableReason,
  validateWithMultitool,
} from '../helpers/sarif-schema';
import { SECRET_LITERAL, emptyScanResult, range, sampleRules, sampleScanResult } from './sample-result';

describe('SARIF reporter', () => {
  const log = buildSarifLog(sampleScanResult(), sampleRules);
  const run = log.runs[0]!;

  it('matches the SARIF 2.1.0 schema, for a full and for an empty scan', () => {
    assertValidSarif(log);
    assertValidSarif(JSON.parse(formatSarif(emptyScanResult(), sampleRules)));
    assertValidSarif(buildSarifLog(emptyScanResult(), []));
  });

  it('identifies the tool and the schema', () => {
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = run.tool;
    assert.equal(driver.name, 'PHI Guard');
    assert.equal(driver.version, TOOL_VERSION);
    assert.equal(driver.semanticVersion, TOOL_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('describes every rule, whether or not it has results', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    for (const rule of sampleRules) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
    const logs = run.tool.driver.rules.find((rule) => rule.id === 'no-phi-in-logs')!;
    assert.equal(logs.name, 'NoPhiInLogs');
    assert.equal(logs.shortDescription.text, 'PHI must not be written to logs.');
    assert.match(logs.fullDescription.text, /^Log files are copied/);
    assert.equal(logs.helpUri, docsUrl('no-phi-in-logs'));
    assert.equal(logs.defaultConfiguration.level, 'error');
    assert.deepEqual(logs.properties!.tags, ['security', 'hipaa', 'phi', 'external/cwe/cwe-532']);
    assert.equal(logs.properties!.precision, 'high');
    assert.equal(logs.properties!['security-severity'], '7.5');
    assert.match(logs.help!.text, /Why: Log files/);
    assert.match(logs.help!.text, /HIPAA: 164\.312\(b\), 164\.502\(b\)/);
    assert.match(logs.help!.markdown!, /\[CWE-532\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/532\.html\)/);
    assert.ok(logs.help!.markdown!.includes(docsUrl('no-phi-in-logs')));
    const cleartext = run.tool.driver.rules.find((rule) => rule.id === 'no-cleartext-transport')!;
    assert.equal(cleartext.properties!['security-severity'], '6.0');
    assert.equal(cleartext.defaultConfiguration.level, 'warning');
  });

  it('writes results with rule index, level, relative locations and fingerprints', () => {
    assert.equal(run.results.length, 5);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(result.message.text, /\.$/);
    }
    const logResult = run.results.find((result) => result.ruleId === 'no-phi-in-logs' && !result.suppressions)!;
    assert.equal(logResult.level, 'error');
    assert.deepEqual(logResult.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'src/report.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 15, endLine: 5, endColumn: 26 },
    });
    assert.deepEqual(logResult.partialFingerprints, {
      primaryLocationLineHash: 'fp-no-phi-in-logs-src/report.ts-5',
      'phiGuard/v2': 'fp-no-phi-in-logs-src/report.ts-5',
    });
    assert.deepEqual(logResult.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/patient.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 6 },
        },
        message: { text: 'SSN read from `patient.ssn`.' },
      },
    ]);
    assert.deepEqual(logResult.properties.phiKinds, ['ssn']);
    assert.deepEqual(logResult.properties.hipaaIdentifiers, [7]);
    assert.deepEqual(logResult.properties.hipaaSafeguards, ['164.312(b)']);
  });

  it('encodes file names into URIs relative to %SRCROOT%', () => {
    const tls = run.results.find((result) => result.ruleId === 'no-tls-verification-disabled')!;
    assert.equal(tls.locations[0]!.physicalLocation.artifactLocation.uri, 'src/db%20client.ts');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/clinic%20app/' } });
    assert.equal(relativeUri('a/b#c/100%.ts'), 'a/b%23c/100%25.ts');
    assert.equal(rootUri('/'), 'file:///');
  });

  it('marks suppressed findings with an in-source suppression and its reason', () => {
    const suppressed = run.results.filter((result) => result.suppressions);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0]!.suppressions, [{ kind: 'inSource', justification: 'synthetic test data only' }]);
  });

  it('describes results of rules missing from the list instead of dangling', () => {
    const result = run.results.find((candidate) => candidate.ruleId === 'suppression-without-reason')!;
    const descriptor = run.tool.driver.rules[result.ruleIndex]!;
    assert.equal(descriptor.id, 'suppression-without-reason');
    assert.equal(descriptor.name, 'SuppressionWithoutReason');
    assert.ok(descriptor.help);
  });

  it('reports skipped files and rule errors as tool notifications that do not fail ingestion', () => {
    const invocation = run.invocations[0]!;
    assert.equal(invocation.executionSuccessful, true);
    const notifications = invocation.toolExecutionNotifications;
    assert.equal(notifications.length, 3);
    const descriptors = run.tool.driver.notifications;
    for (const notification of notifications) {
      assert.ok(notification.level === 'note' || notification.level === 'warning');
      assert.equal(descriptors[notification.descriptor.index]!.id, notification.descriptor.id);
    }
    const skip = notifications.find((notification) => notification.properties?.reason === 'too-large')!;
    assert.equal(skip.message.text, 'Skipped vendor/big.js (too-large): 2.3 MB exceeds the 1 MB limit.');
    const ruleError = notifications.find((notification) => notification.descriptor.id === 'rule-error')!;
    assert.equal(ruleError.level, 'warning');
    assert.equal(ruleError.associatedRule!.id, 'no-phi-in-logs');
  });

  it('never carries source text: no snippets, no fix replacement text', () => {
    const text = formatSarif(sampleScanResult(), sampleRules);
    assert.ok(!text.includes(SECRET_LITERAL));
    assert.ok(!text.includes('"snippet"'));
    assert.ok(!text.includes('"fixes"'));
  });

  it('never writes a region that ends before it starts', () => {
    assert.deepEqual(sarifRegion(range(4, 10, 4, 2)), { startLine: 4, startColumn: 10, endLine: 4, endColumn: 10 });
    assert.deepEqual(sarifRegion(range(4, 10, 6, 1)), { startLine: 4, startColumn: 10, endLine: 6, endColumn: 1 });
  });

  it('derives names and sentences', () => {
    assert.equal(pascalCaseName('no-phi-in-logs'), 'NoPhiInLogs');
    assert.equal(pascalCaseName('no-phi-in-url-2'), 'NoPhiInUrl2');
    assert.equal(asSentence('Done'), 'Done.');
    assert.equal(asSentence('Done?'), 'Done?');
  });

  describe('Microsoft SARIF multitool (Sarif;Gh rules)', function () {
    this.timeout(180_000);
    const unavailable = multitoolUnavailableReason();

    it('finds no error and no warning in the log', function () {
      if (unavailable) {
        console.warn(`skipped: the SARIF multitool cannot run on this machine: ${unavailable}`);
        this.skip();
      }
      const outcome = validateWithMultitool(log);
      const problems = [...outcome.errors, ...outcome.warnings];
      assert.equal(problems.length, 0, `multitool reported:\n${formatMultitoolIssues(problems)}`);
    });
  });
});
