// A rule that, on files containing a marker, throws outside the analysis: an error in a timer and a
// rejected promise nobody awaits. Nothing in the engine can catch those; they reach the process's
// `uncaughtException` / `unhandledRejection` handlers. Tests only (server/test/lsp/hardening.test.ts).
import { createRule } from '../../src/rule-api';
import { testRuleMeta } from './test-rule-meta';

export const STRAY_MARKER = '__phi_guard_stray__';

export const strayErrorRule = createRule({
  meta: testRuleMeta('test-stray-error-rule', `Throws asynchronously on files containing ${STRAY_MARKER} (tests only).`, 'Exercises the language server staying alive after a stray error.'),
  defaultOptions: {},
  create(context) {
    return {
      Program() {
        if (!context.text.includes(STRAY_MARKER)) return;
        setTimeout(() => {
          throw new Error('stray test error');
        }, 0);
        void Promise.reject(new Error('stray test rejection'));
      },
    };
  },
});
