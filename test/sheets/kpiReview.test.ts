import { column, day, setUpExampleWorkbook, type Addon } from '../support/addon';

const METTE = 'mette@example.com';

const asManager = <T>(addon: Addon, work: () => T): T =>
  addon.emu.asUser(METTE, () => addon.emu.run(work));

const custom = (addon: Addon, name: string, ...args: unknown[]): unknown =>
  addon.emu.run(() => addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args)));

const review = (over: Record<string, string> = {}) => ({
  kpiId: 'K1',
  decision: 'keep',
  target: '',
  reason: '',
  nextReviewBy: '',
  ...over,
});

/** The example workbook with some KPIs' Review by moved into the past, saved through the editor. */
function withReviewsDue(changes: Record<string, Record<string, string>>): Addon {
  const addon = setUpExampleWorkbook();
  const drafts = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis;
  for (const [id, change] of Object.entries(changes)) {
    const draft = drafts.find((d: { id: string }) => d.id === id);
    asManager(addon, () => addon.gas.saveKpi({ draft: { ...draft, ...change }, reason: '' }));
  }
  return addon;
}

/** A Review by cell as the day it shows in Copenhagen. */
const reviewBy = (addon: Addon, row: number): number =>
  (column(addon, 'KPIs', 'Review by')[row] as Date).getTime();

describe('KPI review in the KPI editor', () => {
  test('the editor lists the KPIs whose Review by has passed, with the next date each would get', () => {
    const addon = withReviewsDue({
      K1: { reviewBy: '2026-11-20' },
      K4: { reviewBy: '2026-11-25', period: 'Month' },
      K2: { reviewBy: '2026-11-26' },
    });
    const context = asManager(addon, () => addon.gas.getKpiEditorContext()).value;
    expect(context.reviews).toEqual([
      { id: 'K1', reviewBy: '2026-11-20', nextReviewBy: '2026-12-26' },
      { id: 'K4', reviewBy: '2026-11-25', nextReviewBy: '2027-02-26' },
    ]);
  });

  test('keeping the target moves a weekly KPI’s Review by a month on and writes nothing to Targets', () => {
    const addon = withReviewsDue({ K1: { reviewBy: '2026-11-20' } });
    const targets = column(addon, 'Targets', 'Target').length;
    const reply = asManager(addon, () => addon.gas.reviewKpi(review()));
    expect(reply).toEqual({
      ok: true,
      value: {
        id: 'K1',
        target: '15',
        reviewBy: '2026-12-26',
        targetChanged: false,
        smart: 'OK',
        message: 'KPI K1: target 15 kept. Next review by 2026-12-26.',
      },
    });
    expect(reviewBy(addon, 0)).toBe(day('2026-12-26').getTime());
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);
    expect(column(addon, 'Targets', 'Target')).toHaveLength(targets);
    expect(asManager(addon, () => addon.gas.getKpiEditorContext()).value.reviews).toEqual([]);
  });

  test('a monthly KPI is next reviewed a quarter later', () => {
    const addon = withReviewsDue({ K4: { reviewBy: '2026-11-01', period: 'Month' } });
    const reply = asManager(addon, () => addon.gas.reviewKpi(review({ kpiId: 'K4' })));
    expect(reply.value.reviewBy).toBe('2027-02-26');
    expect(reviewBy(addon, 3)).toBe(day('2027-02-26').getTime());
  });

  test('changing the target needs a reason, goes to Targets and keeps past weeks on the old target', () => {
    const addon = withReviewsDue({ K1: { reviewBy: '2026-11-20' } });
    expect(
      asManager(addon, () =>
        addon.gas.reviewKpi(review({ decision: 'change', target: '18', reason: ' ' })),
      ),
    ).toEqual({
      ok: false,
      field: 'reviewReason',
      message: 'Say why the target changes: it is kept in Targets.',
    });
    expect(
      asManager(addon, () =>
        addon.gas.reviewKpi(review({ decision: 'change', target: 'lots', reason: 'x' })),
      ),
    ).toEqual({
      ok: false,
      field: 'reviewTarget',
      message: 'The new target "lots" is not a number.',
    });
    expect(
      asManager(addon, () =>
        addon.gas.reviewKpi(review({ decision: 'change', target: '15', reason: 'x' })),
      ),
    ).toMatchObject({ ok: false, field: 'reviewTarget' });
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);
    expect(reviewBy(addon, 0)).toBe(day('2026-11-20').getTime());

    const reply = asManager(addon, () =>
      addon.gas.reviewKpi(review({ decision: 'change', target: '18', reason: 'More clients' })),
    );
    expect(reply.value).toMatchObject({
      target: '18',
      targetChanged: true,
      reviewBy: '2026-12-26',
      message: 'KPI K1: target changed from 15 to 18. Next review by 2026-12-26.',
    });
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(18);
    expect(column(addon, 'Targets', 'Reason').at(-1)).toBe('More clients');
    expect(column(addon, 'Targets', 'Changed by').at(-1)).toBe(METTE);
    expect(custom(addon, 'KPI_TARGET', 'K1', '2026-W47')).toBe(15);
    expect(custom(addon, 'KPI_TARGET', 'K1')).toBe(18);
  });

  test('the manager may pick the next review date, but not one that is not ahead', () => {
    const addon = withReviewsDue({ K1: { reviewBy: '2026-11-20' } });
    expect(
      asManager(addon, () => addon.gas.reviewKpi(review({ nextReviewBy: '2026-11-26' }))),
    ).toEqual({
      ok: false,
      field: 'reviewNext',
      message: 'The next review must be after today (2026-11-26).',
    });
    expect(
      asManager(addon, () => addon.gas.reviewKpi(review({ nextReviewBy: '2026-02-30' }))),
    ).toMatchObject({ ok: false, field: 'reviewNext' });
    const reply = asManager(addon, () =>
      addon.gas.reviewKpi(review({ nextReviewBy: '2027-01-15' })),
    );
    expect(reply.value.reviewBy).toBe('2027-01-15');
    expect(reviewBy(addon, 0)).toBe(day('2027-01-15').getTime());
  });

  test('an assistant cannot review, and while the lock is held nothing is written', () => {
    const addon = withReviewsDue({ K1: { reviewBy: '2026-11-20' } });
    expect(
      addon.emu.asUser('priya@example.com', () =>
        addon.emu.run(() =>
          addon.gas.reviewKpi(review({ decision: 'change', target: '1', reason: 'x' })),
        ),
      ),
    ).toEqual({ ok: false, message: 'Only managers can change KPIs.' });
    addon.emu.holdDocumentLock('other@example.com');
    const busy = asManager(addon, () => addon.gas.reviewKpi(review()));
    expect(busy.ok).toBe(false);
    expect(reviewBy(addon, 0)).toBe(day('2026-11-20').getTime());
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);
  });
});
