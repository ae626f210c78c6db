/** @jest-environment jsdom */
import type { Reply } from '../../../src/ui/api';
import type { Lang } from '../../../src/engine/types';
import { bootPage, startInBrowser, type BootSteps } from '../../../src/ui/pages/shared/boot';
import { createBridge } from '../../../src/ui/pages/shared/bridge';
import { el, replaceChildren } from '../../../src/ui/pages/shared/dom';
import type { Page } from '../../../src/ui/pages/shared/i18n';
import { settle } from './fixtures';

const ATTACK = '<img src=x onerror=alert(1)>';

interface Context {
  lang: Lang;
  title: string;
}

/** What the bridge answers when it cannot reach the spreadsheet, as outside Apps Script. */
function unreachable(lang: Lang): Promise<Reply<Context>> {
  const call = createBridge({ lang: () => lang, runner: () => undefined });
  return call('getLogWorkContext') as Promise<Reply<never>>;
}

/** Opens a page in an empty <main>; unless told otherwise it draws the context's title. */
async function open(
  steps: Partial<BootSteps<Context>> & Pick<BootSteps<Context>, 'load'>,
  page: Page = { lang: 'en' },
): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  document.documentElement.lang = 'en';
  await bootPage(root, page, {
    render: (context) => replaceChildren(root, el('h1', {}, context.title)),
    ...steps,
  });
  return root;
}

const answer = (value: Context) => (): Promise<Reply<Context>> =>
  Promise.resolve({ ok: true, value });
const refuse = (message: string) => (): Promise<Reply<Context>> =>
  Promise.resolve({ ok: false, message });

const text = (selector: string): string | null =>
  document.querySelector(selector)?.textContent ?? null;

describe('opening a page', () => {
  it('says it is loading, in the browser’s language, until the page replaces it', async () => {
    let loaded: (reply: Reply<Context>) => void = () => undefined;
    const opening = open(
      { load: () => new Promise<Reply<Context>>((resolve) => (loaded = resolve)) },
      { lang: 'da' },
    );
    expect(text('[role="status"]')).toBe('Indlæser…');
    loaded({ ok: true, value: { lang: 'en', title: 'Log work' } });
    const root = await opening;
    expect(root.textContent).toBe('Log work');
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('speaks the workbook’s language once the server has answered', async () => {
    const page: Page = { lang: 'en' };
    let seen: Lang | null = null;
    await open(
      {
        load: answer({ lang: 'da', title: 'Registrér arbejde' }),
        render: () => (seen = page.lang),
      },
      page,
    );
    expect([seen, page.lang, document.documentElement.lang]).toEqual(['da', 'da', 'da']);
  });

  it('shows the server’s refusal as an alert, as text, with nothing to try again', async () => {
    const drawn = jest.fn();
    const root = await open({ load: refuse(`Not in Team: ${ATTACK}`), render: drawn });
    expect(text('p.error[role="alert"]')).toBe(`Not in Team: ${ATTACK}`);
    expect(document.querySelector('img, button')).toBeNull();
    expect(drawn).not.toHaveBeenCalled();
    expect(root.children).toHaveLength(1);
  });

  it('says a refusal calmly as a notice on a page someone may open without being allowed', async () => {
    await open({ load: refuse('Only managers can change KPIs.'), refusal: 'notice' });
    expect(text('p.notice[role="status"]')).toBe('Only managers can change KPIs.');
    expect(document.querySelector('[role="alert"], button')).toBeNull();
  });

  it('offers to try again when the spreadsheet could not be reached, and opens the page then', async () => {
    let reachable = false;
    const root = await open(
      {
        load: () =>
          reachable ? answer({ lang: 'da', title: 'Indstillinger' })() : unreachable('da'),
        refusal: 'notice',
      },
      { lang: 'da' },
    );
    expect(text('p.error[role="alert"]')).toBe(
      'Kunne ikke få forbindelse til regnearket. Tjek din forbindelse, og prøv igen.',
    );
    const retry = document.querySelector('button') as HTMLButtonElement;
    expect([retry.textContent, document.activeElement]).toEqual(['Prøv igen', retry]);
    reachable = true;
    retry.click();
    await settle();
    expect(root.textContent).toBe('Indstillinger');
  });

  it('lets a page decide what trying again starts', async () => {
    const again = jest.fn();
    await open({ load: () => unreachable('en'), retry: again });
    (document.querySelector('button') as HTMLButtonElement).click();
    expect(again).toHaveBeenCalledTimes(1);
    expect(text('[role="alert"]')).toBe(
      'Could not reach the spreadsheet. Check your connection and try again.',
    );
  });
});

describe('a page in the browser', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('starts in #app with the bridge, and says so when Apps Script is not there', async () => {
    document.body.replaceChildren(el('main', { id: 'app' }));
    startInBrowser((root, call, page) =>
      bootPage(root, page, {
        load: () => call('getLogWorkContext'),
        render: () => undefined,
      }),
    );
    await settle();
    expect(text('#app [role="alert"]')).toBe(
      'Could not reach the spreadsheet. Check your connection and try again.',
    );
    expect(text('#app button')).toBe('Try again');
  });

  it('does nothing on a page without #app', () => {
    const start = jest.fn();
    startInBrowser(start);
    expect(start).not.toHaveBeenCalled();
  });
});
