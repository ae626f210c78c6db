import { BUNDLE, newEmulator } from './helpers';

describe('Ui', () => {
  test('the add-on menu is recorded with its items, and building it again replaces it', () => {
    const emu = newEmulator({ addonName: 'KPI Loop' });
    const gas = emu.load(BUNDLE);
    gas.onOpen({ authMode: emu.globals.ScriptApp.AuthMode.NONE });
    gas.onOpen({ authMode: emu.globals.ScriptApp.AuthMode.FULL });
    expect(emu.ui.menus).toEqual([
      {
        title: 'KPI Loop',
        addon: true,
        items: [
          { caption: 'Log work', functionName: 'showLogWork' },
          { caption: 'Settings', functionName: 'showSettings' },
        ],
      },
    ]);
  });

  test('submenus and separators are kept in order', () => {
    const emu = newEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createMenu('Tools')
      .addItem('A', 'a')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('B', 'b'))
      .addToUi();
    expect(emu.ui.menus[0]?.items).toEqual([
      { caption: 'A', functionName: 'a' },
      'separator',
      { submenu: 'More', items: [{ caption: 'B', functionName: 'b' }] },
    ]);
  });

  test('sidebars and dialogs are recorded with their content', () => {
    const emu = newEmulator();
    const { SpreadsheetApp, HtmlService } = emu.globals;
    SpreadsheetApp.getUi().showSidebar(
      HtmlService.createHtmlOutput('<p>Log</p>').setTitle('Log work').setWidth(300),
    );
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput('<p>R</p>').setHeight(500),
      'Report',
    );
    expect(emu.ui.sidebars).toEqual([
      { title: 'Log work', content: '<p>Log</p>', width: 300, height: 0 },
    ]);
    expect(emu.ui.dialogs).toEqual([
      { title: 'Report', content: '<p>R</p>', width: 0, height: 500, modal: true },
    ]);
  });

  test('an alert answers with the queued button, or OK', () => {
    const emu = newEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    emu.ui.respond('NO');
    expect(ui.alert('Send now?', 'Three reminders are due.', ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(emu.ui.alerts.map((a) => [a.title, a.prompt, a.buttons])).toEqual([
      ['Send now?', 'Three reminders are due.', 'YES_NO'],
      [null, 'Saved', 'OK'],
    ]);
  });

  test('a prompt returns the queued text', () => {
    const emu = newEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    emu.ui.respond('OK', 'Target raised after Q3');
    const response = ui.prompt('Reason for the change', ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([
      ui.Button.OK,
      'Target raised after Q3',
    ]);
  });
});

describe('HtmlService', () => {
  test("a template's <?= ?> escapes HTML and <?!= ?> does not", () => {
    const { HtmlService } = newEmulator().globals;
    const template = HtmlService.createTemplate('<p><?= note ?></p><?!= raw ?>');
    Object.assign(template, { note: '<script>alert("x")</script> & co', raw: '<br>' });
    expect(template.evaluate().getContent()).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p><br>',
    );
  });

  test("a template file runs its scriptlets and can call the bundle's functions", () => {
    const emu = newEmulator();
    emu.load(BUNDLE);
    const template = emu.globals.HtmlService.createTemplateFromFile('Sidebar');
    Object.assign(template, { title: 'Log work', items: ['Calls', 'Leads'] });
    // Whitespace between tags is whatever the formatter left in the fixture.
    const html = template.evaluate().getContent().replace(/>\s+</g, '><');
    expect(html).toContain('<h1>Log work</h1>');
    expect(html).toContain('<li>Calls</li><li>Leads</li>');
    expect(html).toContain('<div><footer>KPI Loop</footer></div>');
  });

  test('a missing file is reported as Apps Script reports it', () => {
    const { HtmlService } = newEmulator().globals;
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });
});
