import {
  escapeSlack,
  googleChatPayload,
  neutraliseChatMarkup,
  payloadFor,
  slackPayload,
  teamsPayload,
} from '../../src/services/chatFormats';

const message = {
  title: 'KPI Loop reminder: Missing entry',
  text: 'Approved posts: 9 of 15\n\nOpen the tracker: https://docs.google.com/x',
};

describe('the webhook message formats', () => {
  test('Google Chat and Slack take {"text": …}: the title, then the text', () => {
    expect(googleChatPayload(message)).toEqual({ text: `${message.title}\n${message.text}` });
    expect(slackPayload(message)).toEqual({ text: `${message.title}\n${message.text}` });
  });

  test("Slack's control characters are sent as entities, & first", () => {
    expect(escapeSlack('a & b <!channel> <https://x|y> &lt;')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;https://x|y&gt; &amp;lt;',
    );
  });

  test('in Google Chat "<" can no longer open a mention or a link, and reads the same', () => {
    const text = neutraliseChatMarkup('Hi <users/all>, see <https://evil.example|this>');
    expect(text).not.toMatch(/<users\/all>|<https:/);
    expect(text.replace(/\u200B/g, '')).toBe('Hi <users/all>, see <https://evil.example|this>');
  });

  test('Teams gets an Adaptive Card message, every line a TextRun (which renders no Markdown)', () => {
    expect(
      teamsPayload({ title: 'T **x**', text: 'one [a](https://evil.example)\n\ntwo' }),
    ).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.2',
            body: [
              {
                type: 'RichTextBlock',
                inlines: [{ type: 'TextRun', text: 'T **x**', weight: 'Bolder' }],
              },
              {
                type: 'RichTextBlock',
                inlines: [{ type: 'TextRun', text: 'one [a](https://evil.example)' }],
              },
              { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'two' }] },
            ],
          },
        },
      ],
    });
  });

  test('each channel gets its own format', () => {
    expect(payloadFor('Slack', { title: '<t>', text: 'x' })).toEqual({ text: '&lt;t&gt;\nx' });
    expect(payloadFor('Google Chat', { title: '<t>', text: 'x' })).toEqual({
      text: '<\u200Bt>\nx',
    });
    expect(payloadFor('Teams', message)).toHaveProperty('type', 'message');
  });
});
