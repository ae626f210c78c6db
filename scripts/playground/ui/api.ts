/** Talking to the playground's server: every call is a POST with the page's token. */
import type { ActionReply, Messages } from '../types';

const token =
  document.querySelector<HTMLMetaElement>('meta[name="playground-token"]')?.content ?? '';

export function pageToken(): string {
  return token;
}

async function post<T>(route: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=utf-8' },
    body: JSON.stringify({ ...body, token }),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
  return answer;
}

export const api = {
  state: (sheet: string | null) => post<ActionReply>('state', { sheet }),
  type: (sheet: string, a1: string, values: string[][]) =>
    post<ActionReply>('type', { sheet, a1, values }),
  menu: (sheet: string | null, functionName: string) =>
    post<ActionReply>('menu', { sheet, functionName }),
  user: (sheet: string | null, email: string) => post<ActionReply>('user', { sheet, email }),
  setClock: (sheet: string | null, wall: string, zone: string) =>
    post<ActionReply>('clock', { sheet, wall, zone }),
  advance: (sheet: string | null, advanceHours: number) =>
    post<ActionReply>('clock', { sheet, advanceHours }),
  runTriggers: (sheet: string | null) => post<ActionReply>('clock', { sheet, runTriggers: true }),
  close: (sheet: string | null, page: string) => post<ActionReply>('close', { sheet, page }),
  messages: () => post<Messages>('messages', {}),
};
