// The real CLI (process wiring included: signal and stray-error handlers) with the rule pack plus a
// rule that throws outside the analysis. Run as `<bundle> lsp --stdio`, it proves that the CLI's
// exit-on-stray-error handler is not left installed in language-server mode.
import { allRules } from '../../../rules';
import { scanWorkspace } from '../../src/api';
import { startCli } from '../../src/cli/process';
import { strayErrorRule } from '../helpers/stray-error-rule';

startCli({ rules: [...allRules, strayErrorRule], scanWorkspace });
