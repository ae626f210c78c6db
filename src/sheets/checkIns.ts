/**
 * The Check-in sidebar's server side (PRODUCT sections 3 and 6, issue 4
 * items 1-3 and 5): the agenda of an assistant, scheduling, recording a
 * held check-in as one consistent change, the assistant's answer to the
 * upward question, owners updating their actions, and marking passed
 * check-ins Missed. Who may do what is checked here, not in the page:
 * managers pick any assistant, schedule and record; an assistant opens only
 * their own check-in and answers the upward question; an action is updated
 * by its owner or a manager.
 */
import type { DayNumber, Email } from '../engine/types';
import type { FeedbackLoop } from '../engine/snapshot';
import { t } from '../engine/i18n/messages';
import { readText } from '../engine/records/cells';
import {
  isOpen,
  type Action,
  type ActionStatus,
  type CheckIn,
} from '../engine/records/feedbackLoop';
import { buildAgenda, checkInsOf, upcomingOf } from '../engine/feedback/agenda';
import { changeAction, type ActionChange } from '../engine/feedback/actions';
import { feedbackDirection, reportsUnder } from '../engine/feedback/direction';
import { managerToday, sweepMissed, type PlannedCheckIn } from '../engine/feedback/schedule';
import { isoDay, localDay } from '../engine/time/calendar';
import type {
  ActionUpdated,
  ActionUpdateInput,
  CheckInContext,
  CheckInRecorded,
  CheckInRecordInput,
  CheckInScheduleInput,
  Person,
  Reply,
  Saved,
  UpwardAnswerInput,
} from '../ui/api';
import { LOCK_WAIT_MS, withDocumentLock, type Locked } from '../services/lock';
import { answer, identifyCaller, refuse, type Caller } from './caller';
import {
  actionView,
  agendaView,
  checkInsById,
  choicesOf,
  memberView,
  personOf,
  timeText,
} from './feedbackLoopViews';
import { InputCheck } from './feedbackLoopInputs';
import {
  CellMaker,
  noChanges,
  takeLoopIds,
  writeLoopChanges,
  type LoopChanges,
} from './feedbackLoopWriter';
import { appendRecordsBelowTypists, positionsOf } from './rowWriter';
import { columnLetter } from './setup';
import { loadFeedbackLoop, loadSnapshot, type Loaded } from './snapshot';

// ── Missed check-ins ────────────────────────────────────────────────────────

export interface MissedResult {
  /** How many Planned check-ins became Missed, and how many next ones were planned. */
  missed: number;
  planned: number;
  /** The check-ins, feedback and actions as the sheet now holds them. */
  loop: FeedbackLoop;
}

/**
 * Marks Planned check-ins whose day passed Missed and plans the next one
 * where an assistant was left with none (engine: sweepMissed). For callers
 * that already hold the document lock and read the feedback loop under it,
 * such as the hourly reminder run; everyone else calls markMissedCheckIns.
 * One write for all the Status cells (a RangeList) and one block of new rows.
 */
export function applyMissedCheckIns(loaded: Loaded, loop: FeedbackLoop): MissedResult {
  const { snapshot, moment, tabs } = loaded;
  const sheet = tabs.checkIns;
  const statusColumn = loop.columns.checkIns.status;
  const unchanged = { missed: 0, planned: 0, loop };
  if (!sheet || statusColumn === undefined) return unchanged;
  const sweep = sweepMissed(loop.checkIns, snapshot.team, moment.now, snapshot.settings.timeZone);
  if (sweep.missed.length === 0 && sweep.planned.length === 0) return unchanged;

  const cells = new CellMaker(snapshot.settings.lang, snapshot.settings.timeZone);
  if (sweep.missed.length > 0) {
    const letter = columnLetter(statusColumn + 1);
    sheet
      .getRangeList(sweep.missed.map((c) => `${letter}${c.row + 2}`))
      .setValue(cells.checkInStatus('Missed'));
  }
  const ids = takeLoopIds(loop, 'checkIns', sweep.planned.length);
  const rows = appendRecordsBelowTypists(
    sheet,
    'checkIns',
    positionsOf(loop.columns.checkIns),
    'checkInId',
    sweep.planned.map((p, i) => plannedCells(cells, ids[i] as string, p)),
  );
  const missed = new Set(sweep.missed);
  const checkIns = [
    ...loop.checkIns.map((c) => (missed.has(c) ? { ...c, status: 'Missed' as const } : c)),
    ...sweep.planned.map((p, i) => plannedRecord(p, ids[i] as string, (rows[i] as number) - 2)),
  ];
  return {
    missed: sweep.missed.length,
    planned: sweep.planned.length,
    loop: { ...loop, checkIns },
  };
}

/**
 * Marks passed Planned check-ins Missed, under the document lock, reading
 * the Check-ins, Feedback and Actions tabs once. Nothing is written when the
 * lock is not had (`ok: false`); the next run catches up.
 */
export function markMissedCheckIns(
  loaded: Loaded = loadSnapshot(),
  lockWaitMs = LOCK_WAIT_MS,
): Locked<MissedResult> {
  return withDocumentLock(
    () => applyMissedCheckIns(loaded, loadFeedbackLoop(loaded).loop),
    lockWaitMs,
  );
}

/** Opening the sidebar waits only briefly to mark Missed check-ins: the next opening or run will. */
const SIDEBAR_SWEEP_WAIT_MS = 2_000;

function plannedCells(cells: CellMaker, id: string, p: PlannedCheckIn) {
  return {
    checkInId: id,
    assistant: cells.person(p.assistant),
    manager: cells.person(p.manager),
    cadence: cells.cadence(p.cadence),
    date: cells.day(p.date),
    time: cells.time(p.time),
    meetingLink: p.meetingLink,
    status: cells.checkInStatus('Planned'),
  };
}

function plannedRecord(p: PlannedCheckIn, id: string, row: number): CheckIn {
  return { ...p, id, status: 'Planned', mood: null, summary: '', nextCheckIn: null, row };
}

// ── Who may open whose check-in ─────────────────────────────────────────────

function requireSetUp(caller: Caller): Reply<never> | null {
  if (!caller.email) return refuse(caller.lang, 'server.unknownUser');
  const { tabs } = caller.loaded;
  if (!tabs.team || !tabs.checkIns || !tabs.feedback || !tabs.actions)
    return refuse(caller.lang, 'server.notSetUp');
  if (!caller.member && !caller.manager)
    return refuse(caller.lang, 'server.notInTeam', { email: caller.email });
  return null;
}

/** Whom a manager may pick: everyone in Team but themselves who is an assistant or reports to them; their own reports first. */
function assistantsFor(caller: Caller): Person[] {
  const { team } = caller.loaded.snapshot;
  if (!caller.manager) return caller.member ? [personOf(caller.loaded.snapshot, caller.email)] : [];
  const reports = reportsUnder(team, caller.email);
  const reportsTo = (email: Email): boolean => reports.has(email);
  return team.members
    .filter(
      (m) => m.email !== caller.email && m.active && (m.role === 'Assistant' || reportsTo(m.email)),
    )
    .sort((a, b) => Number(reportsTo(b.email)) - Number(reportsTo(a.email)))
    .map((m) => ({ email: m.email, name: m.name }));
}

/** The assistant asked for, if the caller may open their check-in; a refusal otherwise. */
function chooseAssistant(caller: Caller, asked: unknown): Email | null | Reply<never> {
  const allowed = assistantsFor(caller);
  const text = readText(asked).toLowerCase();
  if (!text) return (allowed[0]?.email as Email | undefined) ?? null;
  const check = new InputCheck(caller.lang, caller.loaded.snapshot);
  const email = check.member(text, 'assistant');
  if (!email) return check.refusal();
  if (!allowed.some((p) => p.email === email))
    return refuse(caller.lang, caller.manager ? 'checkIn.notAnAssistant' : 'checkIn.ownOnly');
  return email;
}

const isReply = (x: unknown): x is Reply<never> => typeof x === 'object' && x !== null && 'ok' in x;

// ── The sidebar ─────────────────────────────────────────────────────────────

export function getCheckInContext(input?: { assistant: string }): Reply<CheckInContext> {
  return answer(() => {
    const caller = identifyCaller();
    const refusal = requireSetUp(caller);
    if (refusal) return refusal;
    const chosen = chooseAssistant(caller, input?.assistant);
    if (isReply(chosen)) return chosen;
    const loaded = caller.loaded;
    const { snapshot, moment } = loaded;
    const lang = caller.lang;

    // Opening the sidebar is when passed check-ins are marked Missed (the hourly run does it too).
    const swept = markMissedCheckIns(loaded, SIDEBAR_SWEEP_WAIT_MS);
    const loop = swept.ok ? swept.value.loop : loadFeedbackLoop(loaded).loop;
    const missed = swept.ok ? swept.value.missed : 0;
    const byId = checkInsById(loop.checkIns);
    const userZone = caller.member?.timeZone ?? snapshot.settings.timeZone;
    return {
      ok: true,
      value: {
        lang,
        user: memberView(snapshot, caller.email),
        canRecord: caller.manager,
        assistants: assistantsFor(caller),
        agenda: chosen
          ? agendaView(snapshot, buildAgenda(snapshot, loop, chosen, moment), byId, moment)
          : null,
        myActions: loop.actions
          .filter((a) => a.owner === caller.email && isOpen(a))
          .map((a) => actionView(snapshot, a, byId, moment.today)),
        today: isoDay(localDay(moment.now, userZone)),
        choices: {
          cadence: choicesOf(lang, 'cadence'),
          feedbackKind: choicesOf(lang, 'feedbackKind'),
          upwardKind: choicesOf(lang, 'feedbackKind', ['Suggestion', 'Blocker']),
          actionStatus: choicesOf(lang, 'actionStatus'),
        },
        notice: missed > 0 ? t(lang, 'checkIn.markedMissed', { count: missed }) : '',
      },
    };
  });
}

function managerCaller(): Caller | Reply<never> {
  const caller = identifyCaller();
  const refusal = requireSetUp(caller);
  if (refusal) return refusal;
  if (!caller.manager) return refuse(caller.lang, 'checkIn.managersOnly');
  return caller;
}

/** The assistant a manager names, who must be someone they may hold check-ins with. */
function recordableAssistant(caller: Caller, asked: unknown): Email | Reply<never> {
  if (!readText(asked)) return refuse(caller.lang, 'input.personMissing', {}, 'assistant');
  const chosen = chooseAssistant(caller, asked);
  return chosen ?? refuse(caller.lang, 'input.personMissing', {}, 'assistant');
}

// ── Scheduling ──────────────────────────────────────────────────────────────

export function scheduleCheckIn(input: CheckInScheduleInput): Reply<Saved> {
  return answer(() => {
    const caller = managerCaller();
    if (isReply(caller)) return caller;
    const assistant = recordableAssistant(caller, input?.assistant);
    if (isReply(assistant)) return assistant;
    const { snapshot, moment, tabs } = caller.loaded;
    const lang = caller.lang;
    const check = new InputCheck(lang, snapshot);
    const cadence = check.choice('cadence', input.cadence, 'cadence');
    const date = check.day(input.date, 'date', 'checkIn.dateMissing');
    const time = check.time(input.time, 'time');
    const meetingLink = check.link(input.meetingLink, 'meetingLink');
    const manager = snapshot.team.byEmail.get(assistant)?.manager ?? caller.email;
    const today = managerToday(snapshot.team, manager, moment.now, snapshot.settings.timeZone);
    if (date !== null && date < today)
      check.fail('checkIn.dateInPast', { date: isoDay(date), today: isoDay(today) }, 'date');
    if (check.problem) return check.refusal();

    const saved = withDocumentLock(() => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const cells = new CellMaker(lang, snapshot.settings.timeZone);
      const changes = noChanges();
      const planned = upcomingOf(checkInsOf(loop, assistant), snapshot, moment);
      const scheduled = {
        cadence: cells.cadence(cadence),
        date: cells.day(date),
        time: cells.time(time),
        meetingLink,
      };
      let id: string;
      if (planned) {
        id = planned.id || (takeLoopIds(loop, 'checkIns', 1)[0] as string);
        changes.update.push({
          tab: 'checkIns',
          row: planned.row,
          cells: { ...scheduled, checkInId: id },
        });
      } else {
        id = takeLoopIds(loop, 'checkIns', 1)[0] as string;
        changes.append.checkIns.push({
          checkInId: id,
          assistant,
          manager,
          ...scheduled,
          status: cells.checkInStatus('Planned'),
        });
      }
      writeLoopChanges(tabs, loop, changes);
      return id;
    });
    if (!saved.ok) return refuse(lang, 'server.lockBusy');
    return {
      ok: true,
      value: {
        id: saved.value,
        message: t(lang, 'checkIn.scheduled', {
          name: personOf(snapshot, assistant).name,
          date: isoDay(date as DayNumber),
          time: timeText(time),
        }),
      },
    };
  });
}

// ── Recording a held check-in ───────────────────────────────────────────────

export function recordCheckIn(input: CheckInRecordInput): Reply<CheckInRecorded> {
  return answer(() => {
    const caller = managerCaller();
    if (isReply(caller)) return caller;
    const assistant = recordableAssistant(caller, input?.assistant);
    if (isReply(assistant)) return assistant;
    const { snapshot, moment, tabs } = caller.loaded;
    const lang = caller.lang;
    const manager = caller.email;
    const heldOn = managerToday(snapshot.team, manager, moment.now, snapshot.settings.timeZone);

    // Every check that needs no sheet but Team and KPIs, before the lock.
    const check = new InputCheck(lang, snapshot);
    const summary = check.text(input.summary, 'summary', 'checkIn.summaryMissing');
    const mood = readMood(check, input.mood);
    const feedback = (input.feedback ?? []).map((item, i) => {
      const from = item?.from === 'assistant' ? assistant : manager;
      const to = from === assistant ? manager : assistant;
      return {
        from,
        to,
        kind: check.choice('feedbackKind', item?.kind, `feedback-${i}-kind`),
        kpi: check.kpi(item?.kpi, `feedback-${i}-kpi`, assistant),
        text: check.text(item?.text, `feedback-${i}-text`, 'feedback.textMissing'),
      };
    });
    const actions = (input.actions ?? []).map((item, i) => {
      const action = check.text(item?.action, `action-${i}-action`, 'action.textMissing');
      const owner = check.member(item?.owner, `action-${i}-owner`);
      const due = check.day(item?.due, `action-${i}-due`, 'action.dueMissing');
      if (due !== null && due < heldOn)
        check.fail('action.dueInPast', { date: isoDay(due) }, `action-${i}-due`);
      return {
        action,
        owner,
        due,
        kpi: check.kpi(item?.kpi, `action-${i}-kpi`, owner ?? assistant),
      };
    });
    const updates = (input.actionUpdates ?? []).map((item, i) => ({
      id: readText(item?.actionId),
      status: check.choice('actionStatus', item?.status, `update-${i}-status`),
      followUp: check.text(item?.followUp, `update-${i}-followUp`),
      field: `update-${i}-followUp`,
    }));
    const next = {
      cadence: check.choice('cadence', input.next?.cadence, 'nextCadence'),
      date: check.day(input.next?.date, 'nextDate', 'checkIn.nextMissing'),
      time: check.time(input.next?.time, 'nextTime'),
      meetingLink: check.link(input.next?.meetingLink, 'nextLink'),
    };
    if (next.date !== null && next.date <= heldOn)
      check.fail('checkIn.nextNotAhead', { date: isoDay(heldOn) }, 'nextDate');
    if (check.problem) return check.refusal();

    const saved = withDocumentLock((): Reply<CheckInRecorded> => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const mine = checkInsOf(loop, assistant);
      // The check-in being held: the one named, else the next planned one, else a new row.
      const askedId = readText(input.checkInId).toUpperCase();
      const held = askedId
        ? mine.find((c) => c.id.toUpperCase() === askedId)
        : mine.find((c) => c.status === 'Planned');
      if (askedId && (!held || held.status === 'Held' || held.status === 'Cancelled'))
        return refuse(lang, 'checkIn.notPlanned', { id: readText(input.checkInId) });
      const actionRows: Array<{ action: Action; change: ActionChange }> = [];
      for (const [i, update] of updates.entries()) {
        const action = findAction(loop, update.id);
        if (!action)
          return refuse(lang, 'action.notFound', { id: update.id }, `update-${i}-status`);
        const status = update.status as ActionStatus;
        const change = changeAction(action, status, update.followUp, heldOn);
        if (!change.ok)
          return refuse(lang, change.problem.key, change.problem.params, update.field);
        actionRows.push({ action, change: change.change });
      }
      const otherPlanned = mine.find((c) => c.status === 'Planned' && c !== held);

      // All checks passed: IDs, then the rows.
      const cells = new CellMaker(lang, snapshot.settings.timeZone);
      const changes: LoopChanges = noChanges();
      const newCheckIns = (held?.id ? 0 : 1) + (otherPlanned?.id ? 0 : 1);
      const checkInIds = takeLoopIds(loop, 'checkIns', newCheckIns);
      const heldId = held?.id || (checkInIds.shift() as string);
      const nextId = otherPlanned?.id || (checkInIds.shift() as string);
      const heldCells = {
        checkInId: heldId,
        assistant,
        manager,
        cadence: cells.cadence(next.cadence),
        date: cells.day(heldOn),
        status: cells.checkInStatus('Held'),
        mood: mood ?? '',
        summary,
        nextCheckIn: cells.day(next.date),
      };
      if (held) changes.update.push({ tab: 'checkIns', row: held.row, cells: heldCells });
      else changes.append.checkIns.push(heldCells);
      const nextCells = {
        checkInId: nextId,
        cadence: cells.cadence(next.cadence),
        date: cells.day(next.date),
        time: cells.time(next.time),
        meetingLink: next.meetingLink,
        status: cells.checkInStatus('Planned'),
      };
      if (otherPlanned)
        changes.update.push({ tab: 'checkIns', row: otherPlanned.row, cells: nextCells });
      else
        changes.append.checkIns.push({
          ...nextCells,
          assistant,
          manager: snapshot.team.byEmail.get(assistant)?.manager ?? manager,
        });

      const feedbackIds = takeLoopIds(loop, 'feedback', feedback.length);
      feedback.forEach((f, i) =>
        changes.append.feedback.push({
          feedbackId: feedbackIds[i],
          date: cells.day(heldOn),
          from: f.from,
          to: f.to,
          direction: cells.direction(feedbackDirection(snapshot.team, f.from, f.to)),
          kind: cells.kind(f.kind as NonNullable<typeof f.kind>),
          kpi: f.kpi?.id ?? '',
          text: f.text,
          checkInId: heldId,
          acknowledged: false,
        }),
      );
      const actionIds = takeLoopIds(loop, 'actions', actions.length);
      actions.forEach((a, i) =>
        changes.append.actions.push({
          actionId: actionIds[i],
          created: cells.day(heldOn),
          owner: a.owner,
          action: a.action,
          kpi: a.kpi?.id ?? '',
          source: heldId,
          due: cells.day(a.due),
          status: cells.actionStatus('Open'),
        }),
      );
      for (const { action, change } of actionRows)
        changes.update.push({ tab: 'actions', row: action.row, cells: actionCells(cells, change) });
      writeLoopChanges(tabs, loop, changes);
      return {
        ok: true,
        value: {
          checkInId: heldId,
          nextCheckInId: nextId,
          feedbackIds,
          actionIds,
          message: t(lang, 'checkIn.recorded', {
            name: personOf(snapshot, assistant).name,
            next: isoDay(next.date as DayNumber),
          }),
        },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}

function readMood(check: InputCheck, value: unknown): number | null {
  const text = readText(value);
  if (!text) return null;
  const mood = Number(text);
  if (Number.isInteger(mood) && mood >= 1 && mood <= 5) return mood;
  check.fail('checkIn.badMood', { value: text }, 'mood');
  return null;
}

// ── The upward question ─────────────────────────────────────────────────────

/**
 * "What do you need from me?": the assistant's answer is Upward feedback of
 * Kind Suggestion or Blocker to their manager, linked to the next planned
 * check-in by its ID, so it is on that check-in's agenda.
 */
export function answerUpwardQuestion(input: UpwardAnswerInput): Reply<Saved> {
  return answer(() => {
    const caller = identifyCaller();
    const refusal = requireSetUp(caller);
    if (refusal) return refusal;
    if (!caller.member) return refuse(caller.lang, 'server.notInTeam', { email: caller.email });
    const { snapshot, moment, tabs } = caller.loaded;
    const lang = caller.lang;
    const check = new InputCheck(lang, snapshot);
    const kind = check.choice('feedbackKind', input?.kind, 'kind', ['Suggestion', 'Blocker']);
    const text = check.text(input?.text, 'text', 'feedback.textMissing');
    if (check.problem) return check.refusal();

    const saved = withDocumentLock((): Reply<Saved> => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const upcoming = upcomingOf(checkInsOf(loop, caller.email), snapshot, moment);
      const manager = upcoming?.manager ?? caller.member?.manager ?? null;
      if (!manager) return refuse(lang, 'checkIn.noManager');
      const cells = new CellMaker(lang, snapshot.settings.timeZone);
      const [id] = takeLoopIds(loop, 'feedback', 1);
      const changes = noChanges();
      changes.append.feedback.push({
        feedbackId: id,
        date: cells.day(moment.today),
        from: caller.email,
        to: manager,
        direction: cells.direction('Upward'),
        kind: cells.kind(kind as NonNullable<typeof kind>),
        text,
        checkInId: upcoming?.id ?? '',
        acknowledged: false,
      });
      writeLoopChanges(tabs, loop, changes);
      return {
        ok: true,
        value: {
          id: id as string,
          message: t(lang, 'checkIn.answerSaved', { name: personOf(snapshot, manager).name }),
        },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}

// ── Actions ─────────────────────────────────────────────────────────────────

/** An action by its ID, as typed in any case. */
function findAction(loop: FeedbackLoop, id: string): Action | undefined {
  const wanted = id.trim().toUpperCase();
  return wanted ? loop.actions.find((a) => a.id.toUpperCase() === wanted) : undefined;
}

/** Only Status, Done on and Follow-up change: the rest of the row is the owner's. */
function actionCells(cells: CellMaker, change: ActionChange) {
  return {
    status: cells.actionStatus(change.status),
    doneOn: cells.day(change.doneOn),
    followUp: change.followUp,
  };
}

/** An owner updates their own action; a manager any. Dropped needs a note; Done sets Done on. */
export function updateAction(input: ActionUpdateInput): Reply<ActionUpdated> {
  return answer(() => {
    const caller = identifyCaller();
    const refusal = requireSetUp(caller);
    if (refusal) return refusal;
    const { snapshot, moment, tabs } = caller.loaded;
    const lang = caller.lang;
    const check = new InputCheck(lang, snapshot);
    const status = check.choice('actionStatus', input?.status, 'status');
    const followUp = check.text(input?.followUp, 'followUp');
    if (check.problem) return check.refusal();
    const id = readText(input?.actionId);
    const today = localDay(moment.now, caller.member?.timeZone ?? snapshot.settings.timeZone);

    const saved = withDocumentLock((): Reply<ActionUpdated> => {
      const { loop } = loadFeedbackLoop(caller.loaded);
      const action = findAction(loop, id);
      if (!action) return refuse(lang, 'action.notFound', { id });
      if (action.owner !== caller.email && !caller.manager)
        return refuse(lang, 'action.notYours', { id: action.id });
      const change = changeAction(action, status as ActionStatus, followUp, today);
      if (!change.ok) return refuse(lang, change.problem.key, change.problem.params, 'followUp');
      const cells = new CellMaker(lang, snapshot.settings.timeZone);
      const changes = noChanges();
      changes.update.push({
        tab: 'actions',
        row: action.row,
        cells: actionCells(cells, change.change),
      });
      writeLoopChanges(tabs, loop, changes);
      const updated = { ...action, ...change.change };
      return {
        ok: true,
        value: {
          action: actionView(snapshot, updated, checkInsById(loop.checkIns), moment.today),
          message: t(lang, 'action.updated', {
            id: action.id,
            status: cells.actionStatus(change.change.status),
          }),
        },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}
