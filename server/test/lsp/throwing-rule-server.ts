// A language server composed for one test: the rule pack plus a rule that throws (see throwing-rule.ts).
// The harness bundles this entry the way the CLI's `lsp` command composes the real server.
import { allRules } from '../../../rules';
import { startLanguageServer } from '../../src/lsp/server';
import { throwingRule } from '../helpers/throwing-rule';

startLanguageServer({ transport: 'stdio', rules: [...allRules, throwingRule] });
