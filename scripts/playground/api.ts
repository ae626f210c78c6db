/**
 * The playground's API: one POST per thing a person does, JSON in and out.
 * Every answer but /api/run and /api/messages is an ActionReply: the new
 * state (drawn at the tab the page shows) and what the add-on said.
 */
import type { Playground } from './state';
import type { ActionReply, Said } from './types';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

type Body = Record<string, unknown>;

const MAX_ADVANCE_HOURS = 24 * 7;

export function handleApi(playground: Playground, route: string, body: Body): ApiAnswer {
  const sheet = typeof body.sheet === 'string' ? body.sheet : null;
  const answer = (said: Said): ApiAnswer => ({
    status: 200,
    body: { ...said, state: playground.state(sheet) } satisfies ActionReply,
  });
  switch (route) {
    case 'state':
      return answer(playground.reply());
    case 'type': {
      const { a1, values } = body;
      if (sheet === null || typeof a1 !== 'string' || !isTextGrid(values))
        return bad('type needs sheet, a1 and values (rows of text)');
      return answer(playground.type(sheet, a1, values));
    }
    case 'menu':
      if (typeof body.functionName !== 'string') return bad('menu needs functionName');
      return answer(playground.runMenu(body.functionName));
    case 'user':
      if (typeof body.email !== 'string') return bad('user needs email');
      return answer(playground.switchUser(body.email));
    case 'clock': {
      if (typeof body.wall === 'string' && typeof body.zone === 'string')
        return answer(playground.setWallTime(body.wall, body.zone));
      const hours = body.advanceHours;
      if (
        typeof hours === 'number' &&
        Number.isInteger(hours) &&
        hours > 0 &&
        hours <= MAX_ADVANCE_HOURS
      )
        return answer(playground.advance(hours));
      if (body.runTriggers === true) return answer(playground.runTimeTriggers());
      return bad('clock needs wall and zone, advanceHours (1 to 168) or runTriggers');
    }
    case 'close':
      if (typeof body.page !== 'string') return bad('close needs page');
      return answer(playground.closePage(body.page));
    case 'messages':
      return { status: 200, body: playground.messages() };
    case 'run':
      if (typeof body.page !== 'string' || typeof body.fn !== 'string')
        return bad('run needs page, fn and args');
      return { status: 200, body: playground.runFromPage(body.page, body.fn, body.args ?? []) };
    default:
      return { status: 404, body: { error: `No such API: ${route}` } };
  }
}

function bad(error: string): ApiAnswer {
  return { status: 400, body: { error } };
}

function isTextGrid(values: unknown): values is string[][] {
  return (
    Array.isArray(values) &&
    values.length > 0 &&
    values.every(
      (row) =>
        Array.isArray(row) && row.length > 0 && row.every((cell) => typeof cell === 'string'),
    )
  );
}
