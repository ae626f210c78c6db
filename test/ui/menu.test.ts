import { loadAddon, setUpExampleWorkbook } from '../support/addon';
import type { AuthModeName } from '../../emulator';

const ITEMS = [
  'showLogWork',
  'showCheckIn',
  'showFeedback',
  'showKpiEditor',
  'refreshDashboard',
  'showReport',
  'showReminderPreview',
  'sendRemindersNow',
  'showSettings',
  'setUpTracker',
  'setUpTrackerWithExamples',
  'showHelp',
];

describe('the KPI Loop menu', () => {
  test.each<AuthModeName>(['NONE', 'LIMITED', 'FULL'])(
    'builds in AuthMode.%s without calling a service that mode forbids',
    (mode) => {
      const { emu, gas } = loadAddon();
      emu.run(() => emu.withAuthMode(mode, () => gas.onOpen({ authMode: mode })));
      const menu = emu.ui.menus.at(-1);
      const functions = (menu?.items ?? []).flatMap((item) =>
        typeof item === 'object' && 'functionName' in item ? [item.functionName] : [],
      );
      expect(functions).toEqual(ITEMS);
    },
  );

  test('onInstall builds the same menu', () => {
    const { emu, gas } = loadAddon();
    emu.run(() => gas.onInstall({ authMode: 'FULL' }));
    expect(emu.ui.menus).toHaveLength(1);
  });

  test('in a Danish workbook the menu speaks Danish once the add-on is in use', () => {
    const { emu, gas } = setUpExampleWorkbook({ locale: 'da_DK' });
    emu.run(() => emu.withAuthMode('LIMITED', () => gas.onOpen({ authMode: 'LIMITED' })));
    const captions = (emu.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
      typeof item === 'object' && 'caption' in item ? [item.caption] : [],
    );
    expect(captions).toEqual([
      'Registrér arbejde',
      'Opfølgning',
      'Giv feedback',
      'KPI-editor',
      'Oversigt: opdatér',
      'Rapport',
      'Påmindelser: forhåndsvis',
      'Påmindelser: send nu',
      'Indstillinger',
      'Opsæt tracker',
      'Opsæt tracker med eksempeldata',
      'Hjælp',
    ]);
  });

  test('Help opens a dialog with escaped text', () => {
    const { emu, gas } = loadAddon();
    emu.run(() => gas.showHelp());
    expect(emu.ui.dialogs.at(-1)?.content).toContain('=KPI_STATUS(kpi, [period], [assistant])');
  });
});
