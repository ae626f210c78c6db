/**
 * The Give feedback sidebar's server side (PRODUCT section 6; issue 4 item
 * 3): feedback from the caller to anyone in Team, its Direction worked out
 * from the reporting lines, and the receiver acknowledging what they got.
 * Feedback is always given as the caller: nobody can give it in someone
 * else's name.
 */
import type { Email } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { choiceWord } from '../engine/i18n/vocabulary';
import { readText } from '../engine/records/cells';
import { directionsFrom, feedbackDirection } from '../engine/feedback/direction';
import type { FeedbackContext, FeedbackGiven, FeedbackInput, Reply, Saved } from '../ui/api';
import { withDocumentLock } from '../services/lock';
import { answer, identifyCaller, refuse, type Caller } from './caller';
import { dayText, feedbackView, personOf } from './feedbackLoopViews';
import { InputCheck } from './feedbackLoopInputs';
import { CellMaker, noChanges, takeLoopIds, writeLoopChanges } from './feedbackLoopWriter';
import { loadFeedbackLoop } from './snapshot';

/** How many of the caller's check-ins the form offers to link feedback to. */
const LINKABLE_CHECK_INS = 10;

/** Giving and acknowledging feedback is for people in Team. */
function teamCaller(): Caller | Reply<never> {
  const caller = identifyCaller();
  if (!caller.email) return refuse(caller.lang, 'server.unknownUser');
  if (!caller.loaded.tabs.feedback || !caller.loaded.tabs.team)
    return refuse(caller.lang, 'server.notSetUp');
  if (!caller.member) return refuse(caller.lang, 'server.notInTeam', { email: caller.email });
  return caller;
}

const isReply = (x: unknown): x is Reply<never> => typeof x === 'object' && x !== null && 'ok' in x;

export function getFeedbackContext(): Reply<FeedbackContext> {
  return answer(() => {
    const caller = teamCaller();
    if (isReply(caller)) return caller;
    const { snapshot } = caller.loaded;
    const lang = caller.lang;
    const { loop } = loadFeedbackLoop(caller.loaded);
    const me = caller.email;
    const directionTo = directionsFrom(snapshot.team, me);
    const people = snapshot.team.members
      .filter((m) => m.email !== me)
      .map((m) => {
        const direction = directionTo(m.email);
        return {
          email: m.email,
          name: m.name,
          direction,
          directionLabel: choiceWord(lang, 'feedbackDirection', direction),
        };
      });
    const kpis = snapshot.kpis.kpis
      .filter((k) => k.state === 'Active')
      .map((k) => ({ id: k.id, name: k.name }));
    const checkIns = loop.checkIns
      .filter((c) => c.id && (c.assistant === me || c.manager === me))
      .filter((c) => c.status === 'Held' || c.status === 'Planned')
      .sort((a, b) => (b.date ?? 0) - (a.date ?? 0) || b.row - a.row)
      .slice(0, LINKABLE_CHECK_INS)
      .map((c) => ({
        id: c.id,
        label: t(lang, 'feedback.checkInLabel', {
          id: c.id,
          date: dayText(c.date),
          name: personOf(snapshot, c.assistant === me ? c.manager : c.assistant).name,
        }),
      }));
    const inbox = loop.feedback
      .filter((f) => f.to === me && !f.acknowledged && f.id)
      .sort((a, b) => (b.date ?? 0) - (a.date ?? 0) || b.row - a.row)
      .map((f) => feedbackView(snapshot, f));
    return {
      ok: true,
      value: {
        lang,
        user: personOf(snapshot, me),
        people,
        kpis,
        checkIns,
        kinds: ['Praise', 'Constructive', 'Suggestion', 'Blocker'].map((value) => ({
          value,
          label: choiceWord(lang, 'feedbackKind', value as never),
        })),
        inbox,
      },
    };
  });
}

export function giveFeedback(input: FeedbackInput): Reply<FeedbackGiven> {
  return answer(() => {
    const caller = teamCaller();
    if (isReply(caller)) return caller;
    const { snapshot, moment, tabs } = caller.loaded;
    const lang = caller.lang;
    // The giver is whoever is signed in; a request naming someone else is refused, not rewritten.
    const claimed = readText((input as { from?: unknown } | undefined)?.from).toLowerCase();
    if (claimed && claimed !== caller.email) return refuse(lang, 'feedback.asSomeoneElse');
    const check = new InputCheck(lang, snapshot);
    const to = check.member(input?.to, 'to');
    if (to === caller.email) check.fail('feedback.toSelf', {}, 'to');
    const kind = check.choice('feedbackKind', input?.kind, 'kind');
    const kpi = check.kpi(input?.kpi, 'kpi', to);
    const text = check.text(input?.text, 'text', 'feedback.textMissing');
    const checkInId = readText(input?.checkInId);
    if (check.problem) return check.refusal();
    const from = caller.email;
    const direction = feedbackDirection(snapshot.team, from, to as Email);

    const saved = withDocumentLock((): Reply<FeedbackGiven> => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const linked = checkInId
        ? loop.checkIns.find((c) => c.id.toUpperCase() === checkInId.toUpperCase())
        : undefined;
      if (checkInId && !linked)
        return refuse(lang, 'feedback.unknownCheckIn', { id: checkInId }, 'checkInId');
      const cells = new CellMaker(lang, snapshot.settings.timeZone);
      const [id] = takeLoopIds(loop, 'feedback', 1);
      const changes = noChanges();
      changes.append.feedback.push({
        feedbackId: id,
        date: cells.day(moment.today),
        from,
        to,
        direction: cells.direction(direction),
        kind: cells.kind(kind as NonNullable<typeof kind>),
        kpi: kpi?.id ?? '',
        text,
        checkInId: linked?.id ?? '',
        acknowledged: false,
      });
      writeLoopChanges(tabs, loop, changes);
      const directionWord = choiceWord(lang, 'feedbackDirection', direction);
      return {
        ok: true,
        value: {
          id: id as string,
          direction: directionWord,
          message: t(lang, 'feedback.saved', {
            name: personOf(snapshot, to).name,
            direction: directionWord,
          }),
        },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}

/** The receiver, and only they, acknowledges feedback given to them. */
export function acknowledgeFeedback(input: { feedbackId: string }): Reply<Saved> {
  return answer(() => {
    const caller = teamCaller();
    if (isReply(caller)) return caller;
    const { snapshot, tabs } = caller.loaded;
    const lang = caller.lang;
    const id = readText(input?.feedbackId);
    const saved = withDocumentLock((): Reply<Saved> => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const feedback = id
        ? loop.feedback.find((f) => f.id.toUpperCase() === id.toUpperCase())
        : undefined;
      if (!feedback) return refuse(lang, 'feedback.notFound', { id });
      if (feedback.to !== caller.email)
        return refuse(lang, 'feedback.notYours', { id: feedback.id });
      const changes = noChanges();
      changes.update.push({ tab: 'feedback', row: feedback.row, cells: { acknowledged: true } });
      writeLoopChanges(tabs, loop, changes);
      return {
        ok: true,
        value: {
          id: feedback.id,
          message: t(lang, 'feedback.acknowledged', {
            name: personOf(snapshot, feedback.from).name,
          }),
        },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}
