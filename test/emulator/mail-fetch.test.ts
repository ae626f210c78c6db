import { newEmulator } from './helpers';

describe('MailApp', () => {
  test('sent mail is recorded with its options', () => {
    const emu = newEmulator();
    emu.globals.MailApp.sendEmail('priya@example.com', 'KPI reminder', 'plain', {
      htmlBody: '<b>html</b>',
      name: 'KPI Loop',
    });
    expect(emu.mail.sent).toEqual([
      {
        to: 'priya@example.com',
        subject: 'KPI reminder',
        body: 'plain',
        htmlBody: '<b>html</b>',
        name: 'KPI Loop',
      },
    ]);
  });

  test('every recipient counts against the daily quota', () => {
    const emu = newEmulator({ mailQuota: 10 });
    emu.globals.MailApp.sendEmail({
      to: 'a@example.com,b@example.com',
      cc: 'c@example.com',
      subject: 's',
      body: 'b',
    });
    expect(emu.globals.MailApp.getRemainingDailyQuota()).toBe(7);
  });

  test('MailApp throws once the daily quota is used up', () => {
    const emu = newEmulator();
    emu.mail.setRemaining(1);
    const { MailApp } = emu.globals;
    MailApp.sendEmail('a@example.com', 'one', 'fits');
    expect(() => MailApp.sendEmail('a@example.com', 'two', 'does not')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(emu.mail.sent.map((m) => m.subject)).toEqual(['one']);
  });

  test('an invalid address is refused', () => {
    const { MailApp } = newEmulator().globals;
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
  });
});

describe('UrlFetchApp', () => {
  test("a routed request gets the route's reply and is logged", () => {
    const emu = newEmulator();
    emu.fetch.route('https://hooks.slack.com/', () => ({ code: 200, body: 'ok' }));
    const response = emu.globals.UrlFetchApp.fetch('https://hooks.slack.com/services/T1', {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ text: 'hi' }),
    });
    expect([response.getResponseCode(), response.getContentText()]).toEqual([200, 'ok']);
    expect(emu.fetch.requests).toEqual([
      {
        url: 'https://hooks.slack.com/services/T1',
        method: 'POST',
        headers: {},
        payload: '{"text":"hi"}',
        contentType: 'application/json',
      },
    ]);
  });

  test('an unrouted URL fails like a DNS failure and never reaches the network', () => {
    const { UrlFetchApp } = newEmulator().globals;
    expect(() => UrlFetchApp.fetch('https://example.invalid/x')).toThrow(
      'Address unavailable: https://example.invalid/x',
    );
  });

  test("a 500 throws Apps Script's message unless exceptions are muted", () => {
    const emu = newEmulator();
    emu.fetch.route(/chat\.googleapis\.com/, () => ({ code: 500, body: 'backend down' }));
    const url = 'https://chat.googleapis.com/v1/spaces/x/messages';
    expect(() => emu.globals.UrlFetchApp.fetch(url)).toThrow(
      'Request failed for https://chat.googleapis.com returned code 500. Truncated server response: backend down (use muteHttpExceptions option to examine full response)',
    );
    expect(emu.globals.UrlFetchApp.fetch(url, { muteHttpExceptions: true }).getResponseCode()).toBe(
      500,
    );
  });

  test('the route added last wins', () => {
    const emu = newEmulator();
    emu.fetch.route('https://x.test/', () => ({ code: 200, body: 'first' }));
    emu.fetch.route('https://x.test/', () => ({
      code: 429,
      body: 'second',
      headers: { 'Retry-After': '1' },
    }));
    const [response] = emu.globals.UrlFetchApp.fetchAll([
      { url: 'https://x.test/a', muteHttpExceptions: true },
    ]);
    expect([response?.getResponseCode(), response?.getHeaders()]).toEqual([
      429,
      { 'Retry-After': '1' },
    ]);
  });
});
