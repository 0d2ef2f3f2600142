// What a file is for: path conventions, test-runner imports, generated banners, config globs, and how
// a Project reports (or hides, counted) findings by role.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { resolveConfig } from '../../src/engine/config';
import { Project } from '../../src/engine/project';
import { fileRole, roleOfPath, roleOfText } from '../../src/engine/roles';
import { simulatedPatientsEvidence } from '../../src/engine/simulated-patients';
import { testSupportEvidence } from '../../src/engine/test-support-packages';
import { assertLinearTime } from '../helpers/linear-time';

describe('file roles', () => {
  const byPath: Array<[string, string]> = [
    ['src/server/routes/patients.ts', 'production'],
    ['src/__tests__/patients.ts', 'test'],
    ['src/patients.test.ts', 'test'],
    ['src/patients.spec.tsx', 'test'],
    ['packages/api/test/helpers/db.ts', 'test'],
    ['src/setupTests.ts', 'test'],
    ['src/__mocks__/axios.ts', 'mock'],
    ['packages/app/integrationTest/RealmFrameworkTest.js', 'test'],
    ['src/mocks/handlers.ts', 'mock'],
    ['src/patient.mock.ts', 'mock'],
    ['src/mockPatients.ts', 'mock'],
    ['src/components/PatientListMockData.js', 'mock'],
    ['src/api/visitMocks.ts', 'mock'],
    ['test/fixtures/intake.json', 'fixture'],
    ['scripts/synthetic-patient-data/examples/maya.json', 'fixture'],
    ['packages/app/src/fake-data/people.ts', 'fixture'],
    ['src/components/PatientCard.stories.tsx', 'story'],
    ['.storybook/preview.ts', 'story'],
    ['e2e/login.spec.ts', 'e2e'],
    ['cypress/support/commands.js', 'e2e'],
    ['apps/ehr/tests/e2e/visit.ts', 'e2e'],
    ['src/login.cy.ts', 'e2e'],
    ['scripts/backfill-mrn.ts', 'script'],
    ['packages/api/src/scripts/backfill-mrn.ts', 'script'],
    ['db/migrations/20240101-add-dob.ts', 'script'],
    ['db/seeds/patients.ts', 'script'],
    ['src/api/generated/client.ts', 'generated'],
    ['src/graphql.generated.ts', 'generated'],
    ['public/vendor/chart.js', 'vendored'],
    ['lib/jquery.min.js', 'vendored'],
    ['.yarn/releases/yarn-4.1.0.cjs', 'vendored'],
    ['.pnp.cjs', 'generated'],
    ['docs/examples/fetch-patient.ts', 'docs'],
    ['package.json', 'production'],
    ['tsconfig.base.json', 'docs'],
    ['markdown_link_check_config.json', 'docs'],
    ['.markdown-link-check.json', 'docs'],
    ['cspell.json', 'docs'],
    ['.releaserc.json', 'docs'],
    ['release-please-config.json', 'docs'],
    ['config/link-check.json', 'production'],
    ['src/spellcheck-dictionary.json', 'production'],
    ['bom.json', 'docs'],
    ['reports/sbom.cdx.json', 'docs'],
    ['packages/utils/lib/helpers/create-demo-visits.ts', 'fixture'],
    ['src/fakePatients.ts', 'mock'],
    ['scripts/synthetic-census.ts', 'fixture'],
    ['server/install/scripts/develop/populateWithDummyData.js', 'fixture'],
    ['tools/loadFakePatients.ts', 'fixture'],
    ['src/store/modules/ehrOnlyDemoStore.js', 'production'],
    ['src/dev/tools/LocalAndDemoBonusActionMenu.tsx', 'production'],
    ['infrastructure/environments/dev/main.json', 'production'],
    ['src/app/dev/page.tsx', 'production'],
    ['bin/testdatarunner.js', 'fixture'],
    ['tools/test-data-generator.ts', 'fixture'],
    ['src/testDataFactory.ts', 'fixture'],
    ['src/testDatabase.ts', 'production'],
    ['src/latestData.ts', 'production'],
    ['src/demographics.ts', 'production'],
    ['config/production.json', 'production'],
    ['src/latest.ts', 'production'],
    ['src/hooks/useMockable.ts', 'production'],
    ['src/Hammocks.ts', 'production'],
    ['src/contest/entries.ts', 'production'],
    ['src/testimonials/list.tsx', 'production'],
    ['scripts/e2e-test-setup.ts', 'e2e'],
    ['scripts/run-e2e.ts', 'e2e'],
    ['packages/mobile/App/ui/components/PatientSectionList/fixture.tsx', 'fixture'],
    ['src/services/e2ee-keys.ts', 'production'],
    ['src/fixtureLoader.ts', 'production'],
    ['src/components/testCard/testCardTestConstants.ts', 'test'],
    ['packages/commons/src/test.utils.ts', 'test'],
    ['src/testUtils.ts', 'test'],
    ['js/gc-sample-patients.js', 'fixture'],
    ['src/samplePatients.ts', 'fixture'],
    ['src/lab/sample-collection.ts', 'production'],
    ['src/lab/sampleTracking.ts', 'production'],
    ['webapp/karma.conf.js', 'test'],
    ['jest.config.ts', 'test'],
    ['vitest.config.mts', 'test'],
    ['webapp/protractor.conf.js', 'e2e'],
    ['wdio.conf.ts', 'e2e'],
    ['playwright.config.ts', 'e2e'],
    ['src/config/jestures.ts', 'production'],
    // A developer playground is for trying the product out, not where a deployment handles its patients.
    ['apps/forms-app/src/features/playground/components/Playground.tsx', 'development'],
    ['server/src/playgrounds/sign-launch.js', 'development'],
    ['src/components/PlaygroundLink.tsx', 'production'],
    // A coding assistant's skills and hooks run on the developer's machine, whatever folder below names them.
    ['.claude/skills/chrome-devtools/scripts/performance.js', 'development'],
    // An IDE's settings and file templates are read by the developer's editor, never shipped.
    ['.idea/fileTemplates/FhirService.js', 'development'],
    ['.vscode/snippets/handler.js', 'development'],
    ['src/ideas/idea.ts', 'production'],
    ['.cursor/rules/hooks/format.ts', 'development'],
    ['src/claude/summarise.ts', 'production'],
    // Test support shipped as packages of their own (lambdas the regression suite calls).
    ['packages/testingSupport/resetSessions/src/handler.ts', 'test'],
    ['packages/test-support/src/clock.ts', 'test'],
    ['packages/regression-tests/src/setup.ts', 'test'],
    // A statistics module named for regression analysis, and an iframe sandbox by its name alone, are the product.
    ['src/analytics/regression/linear.ts', 'production'],
    ['apps/ehr/src/features/reports/sandbox/ReportFrame.tsx', 'production'],
  ];
  for (const [relPath, role] of byPath) {
    it(`${relPath} is ${role}`, () => assert.equal(roleOfPath(relPath)?.role ?? 'production', role));
  }

  it('third-party plugins a web server hands out as they are are vendored; an app\'s own plugins folder is not', () => {
    assert.equal(roleOfPath('Web/wwwroot/assets/global/plugins/charts/js/charts.src.js')?.role, 'vendored');
    assert.equal(roleOfPath('public/plugins/datepicker/datepicker.js')?.role, 'vendored');
    assert.equal(roleOfPath('static/js/plugins/select/select.js')?.role, 'vendored');
    assert.equal(roleOfPath('lib/plugins/careportal.js'), undefined);
    assert.equal(roleOfPath('src/plugins/patient-banner.ts'), undefined);
  });

  it("a library's distribution folder named by its release (`<library>-<x.y.z>[-variant]`) is vendored; version-like app folders are not", () => {
    assert.equal(roleOfPath('src/main/webapp/static/iconkit-free-5.13.1-web/js/all.js')?.role, 'vendored');
    assert.equal(roleOfPath('public/lib/querylib-ui-1.12.1/querylib-ui.js')?.role, 'vendored');
    assert.equal(roleOfPath('assets/styler_v4.6.0/js/styler.js')?.role, 'vendored');
    assert.equal(roleOfPath('src/api/v1.2/patients.ts'), undefined);
    assert.equal(roleOfPath('src/migrations-helpers/1.2.3/patients.ts'), undefined);
    assert.equal(roleOfPath('src/release-notes/patients.ts'), undefined);
  });

  it("a theme folder right under a static web folder is vendored; an app's own themes module is not", () => {
    assert.equal(roleOfPath('Web/wwwroot/themes/default/assets/js/main.js')?.role, 'vendored');
    assert.equal(roleOfPath('public/themes/dark/fonts/icons/js/all.js')?.role, 'vendored');
    assert.equal(roleOfPath('src/themes/dark.ts'), undefined);
    assert.equal(roleOfPath('src/app/public/themes.ts'), undefined);
  });

  it("a library's release banner (name and version, copyright, licence) makes a copied-in file vendored; a project's licence header does not", () => {
    assert.equal(roleOfText('/*\n ChartKit JS v5.0.6 (2016-12-07)\n\n (c) 2009-2016 A. Author\n\n License: chartkit.example/license\n*/\n(function (root) { root.ChartKit = {}; })(this);\n', 'code')?.role, 'vendored');
    assert.equal(roleOfText("/*! QueryLib v3.3.1 | (c) The Foundation | querylib.example/license */\n!function(e){e.q=1}(window);\n", 'code')?.role, 'vendored');
    assert.equal(roleOfText("'use strict';\n/*!\n * Widgets v2.1 (https://widgets.example)\n * Copyright 2011-2016 Widgets, Inc.\n * Licensed under MIT\n */\nmodule.exports = {};\n", 'code')?.role, 'vendored');
    // A project's own header: a licence version and a copyright, but no release of a library.
    assert.equal(roleOfText('/**\n * This Source Code Form is subject to the terms of the Mozilla Public License,\n * v. 2.0. If a copy of the MPL was not distributed with this file, you can obtain one at https://mozilla.org/MPL/2.0/.\n *\n * Copyright (C) Clinic Software Inc.\n */\nexport const patientBanner = 1;\n', 'code'), undefined);
    assert.equal(roleOfText('/* Copyright 2024 Clinic Inc. Licensed under the Apache License, Version 2.0 */\nexport function f() {}\n', 'code'), undefined);
    // A version without copyright and licence (a changelog note) says nothing.
    assert.equal(roleOfText('/* Registration form v2.1: adds the phone field */\nexport function f() {}\n', 'code'), undefined);
    // Further down than the file's first comment does not count.
    assert.equal(roleOfText('export const x = 1;\n/*! QueryLib v3.3.1 | (c) The Foundation | license */\n', 'code'), undefined);
  });

  it("a browser app's scripts folder (Yeoman's app/scripts, public/scripts) is the app's own code, not operator scripts", () => {
    assert.equal(roleOfPath('app/scripts/controllers/patients.js'), undefined);
    assert.equal(roleOfPath('root/webapp/app/scripts/services/userservice.js'), undefined);
    assert.equal(roleOfPath('public/scripts/main.js'), undefined);
    assert.equal(roleOfPath('app/scripts/test/patients.js')?.role, 'test');
  });

  it('the nearest folder decides: scripts/test-utils is test support, test/scripts is a test', () => {
    assert.equal(roleOfPath('scripts/test-utils/x.ts')?.role, 'test');
    assert.equal(roleOfPath('test/scripts/x.ts')?.role, 'script');
    // node-config's test environment; other environments and other folders stay production
    assert.equal(roleOfPath('config/test.json')?.role, 'test');
    assert.equal(roleOfPath('server/config/testing.yaml')?.role, 'test');
    assert.equal(roleOfPath('config/production.json'), undefined);
    assert.equal(roleOfPath('src/test.json')?.role, undefined);
  });

  it('a production-looking path that imports a test runner, a mock library, Storybook or an e2e driver is what it imports', () => {
    assert.equal(roleOfText("import { describe, it } from 'vitest';\n", 'code')?.role, 'test');
    assert.equal(roleOfText("const request = require('supertest');\n", 'code')?.role, 'test');
  });

  // A file of many `import` words with no `from` (about 400 KB) took seconds with the unbounded gap.
  it('reads the imports of a file of many bare import words in linear time, and still finds a runner after them', () => {
    const textOf = (n: number) => `${' import x'.repeat(n)}\nimport { it } from 'vitest';\n`;
    assert.equal(roleOfText(textOf(44_000), 'code')?.role, 'test');
    assertLinearTime((n) => roleOfText(textOf(n), 'code'), 44_000);
    assert.equal(roleOfText("import { render } from '@testing-library/react';\nimport { http } from 'msw';\n", 'code')?.role, 'mock');
    assert.equal(roleOfText("import type { Meta } from '@storybook/react';\n", 'code')?.role, 'story');
    assert.equal(roleOfText("import { test, expect } from '@playwright/test';\n", 'code')?.role, 'e2e');
    assert.equal(roleOfText("import { faker } from '@faker-js/faker';\n", 'code')?.role, 'fixture');
    assert.equal(roleOfText("describe('x', () => { it('y', () => { expect(1).toBe(1); }); });\n", 'code')?.role, 'test');
    assert.equal(roleOfText('// @generated by openapi-generator. DO NOT EDIT.\nexport const x = 1;\n', 'code')?.role, 'generated');
    assert.equal(roleOfText("import express from 'express';\nit('is not a test without assertions');\n", 'code'), undefined);
    // The JUnit/Jasmine naming convention, with the test written in it; the product's `LabTest.ts` model is not a test.
    assert.equal(roleOfText("suite('visits');\ntest('lists visits', function () { visits.length.should.equal(2); });\n", 'code', 'VisitServiceTest.js')?.role, 'test');
    assert.equal(roleOfText("describe('intake form', function () { it('renders'); });\n", 'code', 'intakeFormSpec.js')?.role, 'test');
    assert.equal(roleOfText("var result = compute(visit);\nassert.equal(result, 3);\n", 'code', 'ComputeTests.ts')?.role, 'test');
    assert.equal(roleOfText("export class LabTest { constructor(public code: string, public result: number) {} }\n", 'code', 'LabTest.ts'), undefined);
    assert.equal(roleOfText("export const formSpec = { fields: ['dob', 'mrn'] };\n", 'code', 'formSpec.ts'), undefined);
    assert.equal(roleOfText("it('is not a test without assertions');\n", 'code', 'patient-test.md.js')?.role, undefined);
  });

  it('a sandbox folder is development only where its code names a public test server', () => {
    const config = resolveConfig({}, '/ws/.phi-guard.json', '/ws');
    const launcher = "const issuer = 'https://launch.smarthealthit.org/v/r4/fhir';\nexport const client = connect(issuer);\n";
    const sandboxed = fileRole('/ws/src/sandbox/launch.ts', 'src/sandbox/launch.ts', launcher, 'code', config);
    assert.equal(sandboxed.role, 'development');
    assert.match(sandboxed.reason, /public test server launch\.smarthealthit\.org/);
    assert.equal(fileRole('/ws/src/sandbox/hapi.ts', 'src/sandbox/hapi.ts', "fetch('https://hapi.fhir.org/baseR4/Patient');\n", 'code', config).role, 'development');
    // The same server named outside a sandbox folder, and a sandbox folder talking to the app's own server: production.
    assert.equal(fileRole('/ws/src/launch.ts', 'src/launch.ts', launcher, 'code', config).role, 'production');
    assert.equal(fileRole('/ws/src/sandbox/ReportFrame.tsx', 'src/sandbox/ReportFrame.tsx', "fetch('/api/patients');\n", 'code', config).role, 'production');
  });

  it('config `roles` globs win over conventions', () => {
    const config = resolveConfig({ roles: { production: ['src/testing-kit/**'], test: ['qa/**'] } }, '/ws/.phi-guard.json', '/ws');
    assert.equal(fileRole('/ws/src/testing-kit/report.test.ts', 'src/testing-kit/report.test.ts', '', 'code', config).role, 'production');
    assert.equal(fileRole('/ws/qa/smoke.ts', 'qa/smoke.ts', '', 'code', config).role, 'test');
    assert.equal(fileRole('/ws/qa/smoke.ts', 'qa/smoke.ts', '', 'code', config).reason, 'config roles.test');
  });
});

describe('Project: findings by role', () => {
  let dir: string;
  const leak = "declare const patient: { ssn: string };\nconsole.log(patient.ssn);\n";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-roles-'));
    const files: Record<string, string> = {
      'src/app.ts': leak,
      'src/app.test.ts': leak,
      '__mocks__/api.ts': "export const base = 'http://lab.remote.example-lab.com/api';\nfetch(base);\n",
      'scripts/backfill.ts': leak,
      'src/playground/try-it.ts': leak,
      'test/fixtures/records.json': '{ "firstName": "Adaeze", "dateOfBirth": "1984-03-17", "ssn": "529-38-4172" }',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports production and scripts (a step lower), real identifiers in fixtures, and counts what tests and mocks hide', async () => {
    const result = await new Project({ root: dir, rules: allRules }).scan();
    const shown = result.findings.map((finding) => `${finding.file}:${finding.ruleId}:${finding.severity}:${finding.role}`).sort();
    assert.deepEqual(shown, [
      'scripts/backfill.ts:no-phi-in-logs:warning:script',
      'src/app.ts:no-phi-in-logs:error:production',
      'test/fixtures/records.json:no-phi-literal:error:fixture',
    ]);
    assert.deepEqual(result.hidden, { total: 3, byRole: { test: 1, mock: 1, development: 1 } });
  });

  it('reports every role with reportRoles all, and only the listed roles with a list', async () => {
    const all = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    assert.equal(all.findings.length, 6);
    assert.equal(all.findings.find((finding) => finding.file === 'src/playground/try-it.ts')?.roleReason, 'developer playground folder playground');
    assert.deepEqual(all.hidden, { total: 0, byRole: {} });
    const tests = await new Project({ root: dir, rules: allRules, reportRoles: ['test'] }).scan();
    assert.deepEqual(tests.findings.map((finding) => finding.file), ['src/app.test.ts']);
  });

  it('judges roles inside the scanned folder, not by the folders above it', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-roles-parent-'));
    try {
      const inner = path.join(parent, 'test-fixtures', 'clinic');
      fs.mkdirSync(path.join(inner, 'src'), { recursive: true });
      fs.writeFileSync(path.join(inner, 'src', 'app.ts'), leak);
      const result = await new Project({ root: parent, rules: allRules }).scan({ paths: [inner] });
      assert.deepEqual(result.findings.map((finding) => [finding.file, finding.role]), [['test-fixtures/clinic/src/app.ts', 'production']]);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('file roles by importers', () => {
  let dir: string;
  // Values that look like a person's contact details and identifiers, in a module that only tests import.
  const constants = "export const patient = { firstName: 'Adaeze', lastName: 'Okafor', phone: '(415) 253-2671', dob: '1984-03-17' };\n";
  // A serverless handler: its tests import it, the runtime calls it. Behaviour keeps its role.
  const handler = "export const index = async (input: { ssn: string }) => { console.log(input.ssn); };\n";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-importers-'));
    const files: Record<string, string> = {
      // names and dates are evidence only in the broad mode of no-phi-literal, which tells test data by its role
      '.phi-guard.json': '{ "rules": { "no-phi-literal": ["error", { "evidence": "broad" }] } }\n',
      'src/card/cardConstants.ts': constants,
      'src/card/Card.test.tsx': "import { patient } from './cardConstants';\nit('renders', () => { expect(patient).toBeTruthy(); });\n",
      'src/card/Card.stories.tsx': "import { patient } from './cardConstants';\nexport default { title: 'Card', args: { patient } };\n",
      'src/shared/people.ts': constants,
      'src/shared/index.ts': "export { patient } from './people';\n",
      'src/shared/Card.test.ts': "import { patient } from './people';\nit('x', () => { expect(patient).toBeTruthy(); });\n",
      'src/orphan.ts': constants,
      'src/lambdas/intake/index.ts': handler,
      'src/lambdas/intake/index.test.ts': "import { index } from './index';\nit('x', async () => { expect(await index({ ssn: '' })).toBeUndefined(); });\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a data module only tests and stories import is test data; one production code imports, nobody imports, or with behaviour keeps its role', async () => {
    const result = await new Project({ root: dir, rules: allRules }).scan();
    const files = new Set(result.findings.map((finding) => `${finding.file}:${finding.role}`));
    assert.ok(!files.has('src/card/cardConstants.ts:production'), 'test data is not reported as production');
    assert.ok(files.has('src/shared/people.ts:production'));
    assert.ok(files.has('src/orphan.ts:production'));
    assert.ok(files.has('src/lambdas/intake/index.ts:production'));
  });

  it('the editor judges an open file by the paths of its importers too', async () => {
    let ready!: () => void;
    const indexed = new Promise<void>((resolve) => (ready = resolve));
    const project = new Project({ root: dir, rules: allRules, backgroundIndex: true, onIndexReady: () => ready() });
    project.analyze(path.join(dir, 'src/orphan.ts'), constants);
    await indexed;
    const analysis = project.analyze(path.join(dir, 'src/card/cardConstants.ts'), constants);
    assert.equal(analysis.role.role, 'test');
    assert.equal(analysis.findings.length, 0);
  });
});

describe('simulated patients: a teaching simulation of a record system', () => {
  const leak = "declare const patient: { ssn: string };\nconsole.log(patient.ssn);\n";
  const manifest = (description: string, keywords?: string[]) => JSON.stringify({ name: 'chart-trainer', description, keywords });

  it('reads an educational or simulated record system from the manifest, and nothing else', () => {
    assert.ok(simulatedPatientsEvidence(manifest('An educational tool that replicates an electronic health record system inside course-ware.')));
    assert.ok(simulatedPatientsEvidence(manifest('Simulated EHR where nursing students chart fictional case studies')));
    assert.ok(simulatedPatientsEvidence(manifest('Practice charting', ['teaching simulation', 'EMR'])));
    // near misses: a teaching hospital's EHR, training models on EHR data, a patient-education app, an EHR with a demo mode
    assert.equal(simulatedPatientsEvidence(manifest('The EHR of a teaching hospital, with an educational tool for residents')), undefined);
    assert.equal(simulatedPatientsEvidence(manifest('Pipelines for training models on EHR data')), undefined);
    assert.equal(simulatedPatientsEvidence(manifest('An educational tool that teaches patients about diabetes')), undefined);
    assert.equal(simulatedPatientsEvidence(manifest('Open-source EMR for clinics, with a demo mode for training staff')), undefined);
    assert.equal(simulatedPatientsEvidence('not json'), undefined);
  });

  it("hides the product's findings as `simulation`, keeps tests tests, and a config's roles override it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-simulation-'));
    try {
      const files: Record<string, string> = {
        'package.json': manifest('An educational EHR: students chart simulated patients.'),
        'server/src/charting.ts': leak,
        'server/src/charting.test.ts': leak,
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const result = await new Project({ root: dir, rules: allRules }).scan();
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.hidden, { total: 2, byRole: { simulation: 1, test: 1 } });
      const listed = await new Project({ root: dir, rules: allRules, reportRoles: ['simulation'] }).scan();
      assert.deepEqual(listed.findings.map((finding) => [finding.file, finding.role, finding.roleReason]), [['server/src/charting.ts', 'simulation', 'package.json: package description of a simulated (teaching) record system']]);
      // The user knows better: a config's roles globs win.
      fs.writeFileSync(path.join(dir, '.phi-guard.json'), '{ "roles": { "production": ["server/src/charting.ts"] } }\n');
      const overridden = await new Project({ root: dir, rules: allRules }).scan();
      assert.deepEqual(overridden.findings.map((finding) => [finding.file, finding.role]), [['server/src/charting.ts', 'production']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a product without that description keeps its production code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-simulation-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), manifest('Electronic health record for community clinics'));
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'charting.ts'), leak);
      const result = await new Project({ root: dir, rules: allRules }).scan();
      assert.deepEqual(result.findings.map((finding) => finding.role), ['production']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('test-support packages: a package whose manifest says it only supports tests', () => {
  const leak = "export const handler = async (event: { body: string }) => { console.log(JSON.parse(event.body).patient.ssn); };\n";
  const manifest = (description: string) => JSON.stringify({ name: 'session-reset-lambda', description });

  it('reads test purposes from the description, and not a product that tests patients', () => {
    assert.ok(testSupportEvidence(manifest('Lambda to clear active sessions of a user for test purposes')));
    assert.ok(testSupportEvidence(manifest('Fake timer operations for regression testing purposes')));
    assert.ok(testSupportEvidence(manifest('Stubs for end-to-end tests of the pharmacy API')));
    // near misses: products about (lab or COVID) tests, and a product that has tests
    assert.equal(testSupportEvidence(manifest('Records COVID-19 test results for public health purposes')), undefined);
    assert.equal(testSupportEvidence(manifest('Lab test ordering service, with integration tests')), undefined);
    assert.equal(testSupportEvidence(manifest('Rapid testing support for clinics')), undefined);
  });

  it('hides the package as test; the product beside it keeps production', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-test-support-'));
    try {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: 'prescriptions', description: 'Prescription tracker' }),
        'packages/sessionReset/package.json': manifest('Lambda to clear active sessions of a user for test purposes'),
        'packages/sessionReset/src/handler.ts': leak,
        'packages/api/src/handler.ts': leak,
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const roles = [...new Set(result.findings.map((finding) => `${finding.file}:${finding.role}`))].sort();
      assert.deepEqual(roles, ['packages/api/src/handler.ts:production', 'packages/sessionReset/src/handler.ts:test']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
