// PRODUCT.md §8, security: least-privilege scopes, listed in appsscript.json
// and tested. A new scope needs a written reason, then a change here.
import fs from 'node:fs';
import path from 'node:path';

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../appsscript.json'), 'utf8'),
) as Record<string, unknown>;

const SCOPES = [
  'spreadsheets.currentonly', // the bound workbook only, never the user's other files
  'script.container.ui', // menu, sidebars, dialogs
  'script.send_mail', // reminders and digests
  'script.scriptapp', // installing the time-driven reminder trigger
  'script.external_request', // chat webhooks
].map((scope) => `https://www.googleapis.com/auth/${scope}`);

describe('appsscript.json', () => {
  it('runs on V8 and logs exceptions to Cloud Logging', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  });

  it('asks for exactly the five least-privilege scopes, each once', () => {
    const scopes = manifest.oauthScopes as string[];
    expect(new Set(scopes).size).toBe(scopes.length);
    expect([...scopes].sort()).toEqual([...SCOPES].sort());
  });

  it('declares no web app, API executable or Workspace add-on, which would widen access', () => {
    expect(manifest).not.toHaveProperty('webapp');
    expect(manifest).not.toHaveProperty('executionApi');
    expect(manifest).not.toHaveProperty('addOns');
  });
});
