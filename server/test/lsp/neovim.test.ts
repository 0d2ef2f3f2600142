// A real second LSP client: Neovim 0.7 (Debian package `neovim`), headless, push diagnostics only.
// The Lua script starts the built server, attaches it to the fixture buffer, waits for diagnostics,
// asks for code actions, applies the https:// quick fix and waits for the re-analysed diagnostics.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildServerOnce, copyFixture, withTimeout } from './harness';

const LUA = String.raw`
local server, root, out = os.getenv('PHI_GUARD_SERVER'), os.getenv('PHI_GUARD_ROOT'), os.getenv('PHI_GUARD_OUT')
local result = { steps = {} }
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd('qa!')
end
local function simplify(list)
  local items = {}
  for _, d in ipairs(list) do
    table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code, source = d.source, severity = d.severity, message = d.message })
  end
  table.sort(items, function(a, b) return a.lnum < b.lnum end)
  return items
end
local ok, err = pcall(function()
  local id = vim.lsp.start_client({ name = 'phi-guard', cmd = { 'node', server, 'lsp', '--stdio' }, root_dir = root })
  result.client_id = id
  vim.lsp.buf_attach_client(0, id)
  result.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  result.diagnostics = simplify(vim.diagnostic.get(0))
  local target
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == 'no-cleartext-transport' then target = d end
  end
  if not target then error('no no-cleartext-transport diagnostic') end
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, target.lnum)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = line_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)
  local actions = {}
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do table.insert(actions, action) end
  end
  result.action_titles = {}
  local preferred
  for _, action in ipairs(actions) do
    table.insert(result.action_titles, action.title)
    if action.isPreferred and not preferred then preferred = action end
  end
  if not preferred then error('no preferred quick fix') end
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.fixed_line = vim.api.nvim_buf_get_lines(0, target.lnum, target.lnum + 1, false)[1]
  result.cleared = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.code == 'no-cleartext-transport' then return false end
    end
    return true
  end, 20)
  result.after = simplify(vim.diagnostic.get(0))
end)
if not ok then result.error = tostring(err) end
finish()
`;

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('language server: Neovim 0.7 as a real client (push diagnostics)', function () {
  this.timeout(90_000);

  before(function () {
    if (!hasNvim()) {
      console.warn('    SKIPPED: `nvim` is not installed (Debian package `neovim`; CI installs it).');
      this.skip();
    }
  });

  it('shows the diagnostics and applies the quick fix', async () => {
    const server = buildServerOnce();
    const root = copyFixture('basic');
    const script = path.join(root, 'test.lua');
    const out = path.join(root, 'result.json');
    fs.writeFileSync(script, LUA);
    const nvim = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${script}`, path.join(root, 'src', 'lab.ts')], {
      cwd: root,
      env: { ...process.env, PHI_GUARD_SERVER: server, PHI_GUARD_ROOT: root, PHI_GUARD_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    nvim.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await withTimeout(
      new Promise<number | null>((resolve) => nvim.on('exit', resolve)),
      'nvim to finish',
      60_000,
    ).catch((error) => {
      nvim.kill('SIGKILL');
      throw error;
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${code}): ${stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(root, { recursive: true, force: true });
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.got_diagnostics, true);
    assert.deepEqual(
      result.diagnostics.map((d: { lnum: number; col: number; code: string; source: string; severity: number }) => [d.lnum, d.col, d.code, d.source, d.severity]),
      [
        [3, 35, 'no-cleartext-transport', 'PHI Guard', 1],
        [9, 27, 'no-phi-in-logs', 'PHI Guard', 1],
      ],
    );
    assert.ok(result.action_titles.includes('Suppress no-cleartext-transport for this line'), result.action_titles.join(' | '));
    assert.equal(result.fixed_line, '  const { data } = await axios.get(`https://api.example-lab.com/orders/${orderId}`);');
    assert.equal(result.cleared, true, 'the server re-analysed the edited buffer');
    assert.deepEqual(result.after.map((d: { code: string }) => d.code), ['no-phi-in-logs']);
  });
});
