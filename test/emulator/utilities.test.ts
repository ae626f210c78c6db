import { newEmulator } from './helpers';

const { Utilities } = newEmulator().globals;
const at = (iso: string) => new Date(iso);

describe('Utilities', () => {
  test('formatDate in Asia/Kolkata shows +05:30', () => {
    expect(
      Utilities.formatDate(at('2026-11-26T11:00:00Z'), 'Asia/Kolkata', "yyyy-MM-dd'T'HH:mm:ssXXX"),
    ).toBe('2026-11-26T16:30:00+05:30');
    expect(Utilities.formatDate(at('2026-11-26T11:00:00Z'), 'Asia/Kolkata', 'Z')).toBe('+0530');
  });

  test('formatDate across the Europe/Copenhagen DST change', () => {
    const pattern = 'yyyy-MM-dd HH:mm z Z';
    expect(Utilities.formatDate(at('2026-10-25T00:30:00Z'), 'Europe/Copenhagen', pattern)).toBe(
      '2026-10-25 02:30 CEST +0200',
    );
    expect(Utilities.formatDate(at('2026-10-25T01:30:00Z'), 'Europe/Copenhagen', pattern)).toBe(
      '2026-10-25 02:30 CET +0100',
    );
  });

  test('formatDate writes names, 12-hour clocks and quoted literals like SimpleDateFormat', () => {
    const date = at('2026-11-26T16:05:09.007Z');
    expect(Utilities.formatDate(date, 'UTC', "EEEE, d MMMM yy 'at' h:mm a (EEE MMM) SSS u")).toBe(
      'Thursday, 26 November 26 at 4:05 PM (Thu Nov) 007 4',
    );
    expect(Utilities.formatDate(date, 'UTC', "HH 'o''clock'")).toBe("16 o'clock");
  });

  test('an unknown time zone falls back to GMT, as Java does', () => {
    expect(Utilities.formatDate(at('2026-11-26T11:00:00Z'), 'Mars/Olympus', 'HH:mm')).toBe('11:00');
  });

  test('parseDate reads a wall-clock time in the given zone', () => {
    expect(
      Utilities.parseDate('26.11.2026 09:30', 'Europe/Copenhagen', 'dd.MM.yyyy HH:mm'),
    ).toEqual(at('2026-11-26T08:30:00Z'));
    expect(() => Utilities.parseDate('soon', 'UTC', 'yyyy-MM-dd')).toThrow(
      'Unparseable date: "soon"',
    );
  });

  test('formatString works like sprintf', () => {
    expect(
      Utilities.formatString('%s is %d%% done (%.1f) [%5s] [%-3s]', 'Leads', 80.9, 0.25, 'ab', 'x'),
    ).toBe('Leads is 80% done (0.3) [   ab] [x  ]');
  });

  test('sleep moves the emulator clock instead of waiting', () => {
    const emu = newEmulator();
    emu.globals.Utilities.sleep(1500);
    expect(emu.clock.now()).toBe(at('2026-11-26T11:00:01.500Z').getTime());
  });

  test('a seeded emulator gives the same UUIDs every run', () => {
    const first = newEmulator({ seed: 7 }).globals.Utilities.getUuid();
    expect(newEmulator({ seed: 7 }).globals.Utilities.getUuid()).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("digests and base64 use Java's signed bytes", () => {
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    expect(digest.slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(Utilities.base64Encode('KPI Loop')).toBe('S1BJIExvb3A=');
    expect(Utilities.newBlob(Utilities.base64Decode('S1BJIExvb3A=')).getDataAsString()).toBe(
      'KPI Loop',
    );
  });
});
