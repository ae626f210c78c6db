import { ASSISTANT, OWNER, newEmulator } from './helpers';

describe('PropertiesService', () => {
  test('values are stored as strings', () => {
    const { PropertiesService } = newEmulator().globals;
    const props = PropertiesService.getDocumentProperties();
    props
      .setProperty('count', 3 as unknown as string)
      .setProperties({ on: true as unknown as string });
    expect(props.getProperties()).toEqual({ count: '3', on: 'true' });
    expect(props.getProperty('missing')).toBeNull();
  });

  test('setProperties with deleteAllOthers replaces the store', () => {
    const props = newEmulator().globals.PropertiesService.getScriptProperties();
    props.setProperty('old', 'x');
    props.setProperties({ new: 'y' }, true);
    expect(props.getKeys()).toEqual(['new']);
  });

  test('user properties belong to the user running the script', () => {
    const emu = newEmulator();
    const { PropertiesService } = emu.globals;
    emu.asUser(ASSISTANT, () => PropertiesService.getUserProperties().setProperty('lang', 'da'));
    expect(
      emu.asUser(OWNER, () => PropertiesService.getUserProperties().getProperty('lang')),
    ).toBeNull();
    expect(
      emu.asUser(ASSISTANT, () => PropertiesService.getUserProperties().getProperty('lang')),
    ).toBe('da');
  });

  test('a value over 9 KB is refused and nothing is written', () => {
    const props = newEmulator().globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(props.getProperty('big')).toBeNull();
  });

  test('a store over 500 KB is refused with the quota message', () => {
    const props = newEmulator().globals.PropertiesService.getDocumentProperties();
    expect(() => {
      for (let i = 0; i < 60; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    }).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getKeys().length).toBeGreaterThan(50);
    expect(props.getKeys().length).toBeLessThan(60);
  });
});

describe('CacheService', () => {
  test('an entry expires on the emulator clock', () => {
    const emu = newEmulator();
    const cache = emu.globals.CacheService.getDocumentCache()!;
    cache.put('agenda', 'cached', 60);
    emu.clock.advance(59_000);
    expect(cache.get('agenda')).toBe('cached');
    emu.clock.advance(1_000);
    expect(cache.get('agenda')).toBeNull();
  });

  test('entries live 600 seconds by default and never longer than 6 hours', () => {
    const emu = newEmulator();
    const cache = emu.globals.CacheService.getScriptCache();
    cache.putAll({ a: '1' });
    cache.put('b', '2', 999_999);
    emu.clock.advance(600_000);
    expect(cache.getAll(['a', 'b'])).toEqual({ b: '2' });
    emu.clock.advance(21_600_000);
    expect(cache.get('b')).toBeNull();
  });

  test('a value over 100 KB is refused', () => {
    const cache = newEmulator().globals.CacheService.getUserCache()!;
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});
