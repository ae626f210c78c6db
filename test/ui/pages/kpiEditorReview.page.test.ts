/** @jest-environment jsdom */
import type { KpiReviewInput, Reply, KpiReviewed } from '../../../src/ui/api';
import { startKpiEditor } from '../../../src/ui/pages/kpiEditor/view';
import { contextAfterReview, validateReview } from '../../../src/ui/pages/kpiEditor/form';
import { editorContext, fakeServer, settle } from './fixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';
const reviewForm = (): HTMLFormElement => $<HTMLFormElement>('form.review');

function type(id: string, value: string): void {
  const control = $<HTMLInputElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(id: string, value: string): void {
  const control = $<HTMLSelectElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}
function click(id: string): void {
  $<HTMLInputElement>(`#${id}`).click();
}

const dueContext = () =>
  editorContext('en', {
    reviews: [{ id: 'K8', reviewBy: '2026-11-20', nextReviewBy: '2026-12-26' }],
  });

async function open(review?: (input: KpiReviewInput) => Reply<KpiReviewed>) {
  const server = fakeServer({
    getKpiEditorContext: () => ({ ok: true, value: dueContext() }),
    ...(review ? { reviewKpi: review } : {}),
  });
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startKpiEditor(root, server.call, { lang: 'en' });
  return server;
}

describe('the KPI editor’s Review section', () => {
  it('lists the KPIs due for review; choosing one opens its review, a KPI not due has none', async () => {
    await open();
    expect(text('.notice')).toBe('Due for review:K8 · Qualified leads');
    expect(reviewForm().hidden).toBe(true);
    $<HTMLButtonElement>('.notice button').click();
    expect($<HTMLSelectElement>('#pick').value).toBe('K8');
    expect($<HTMLInputElement>('#name').value).toBe('Qualified leads');
    expect(reviewForm().hidden).toBe(false);
    expect(text('form.review p')).toBe(
      'Review by 2026-11-20 has passed: keep the target or change it.',
    );
    expect(text('label[for="review-keep"]')).toBe(' Keep the target (15)');
    expect($<HTMLInputElement>('#reviewNext').value).toBe('2026-12-26');
    expect(text('#reviewNext-hint')).toBe(
      "From the KPI's period: 2026-12-26. Pick another date if you like.",
    );
    choose('pick', 'K1');
    expect(reviewForm().hidden).toBe(true);
  });

  it('asks for the new target and a reason only when the target changes', async () => {
    const server = await open();
    choose('pick', 'K8');
    const hidden = (id: string) => ($(`#${id}`).closest('.field') as HTMLElement).hidden;
    expect([hidden('reviewTarget'), hidden('reviewReason')]).toEqual([true, true]);
    click('review-change');
    expect([hidden('reviewTarget'), hidden('reviewReason')]).toEqual([false, false]);
    reviewForm().requestSubmit();
    expect(text('#reviewTarget-error')).toBe('Enter the new target.');
    expect(text('#reviewReason-error')).toBe('Say why the target changes.');
    expect(document.activeElement?.id).toBe('reviewTarget');
    expect(server.calls.map(([name]) => name)).toEqual(['getKpiEditorContext']);
  });

  it('sends the review, then shows the new target and Review by and drops the KPI from the list', async () => {
    const sent: KpiReviewInput[] = [];
    await open((input) => {
      sent.push(input);
      return {
        ok: true,
        value: {
          id: 'K8',
          target: '60',
          reviewBy: '2027-01-15',
          targetChanged: true,
          smart: 'OK',
          message: 'KPI K8: target changed from 15 to 60. Next review by 2027-01-15.',
        },
      };
    });
    choose('pick', 'K8');
    click('review-change');
    type('reviewTarget', '60');
    type('reviewReason', 'Two new campaigns');
    type('reviewNext', '2027-01-15');
    reviewForm().requestSubmit();
    await settle();
    expect(sent).toEqual([
      {
        kpiId: 'K8',
        decision: 'change',
        target: '60',
        reason: 'Two new campaigns',
        nextReviewBy: '2027-01-15',
      },
    ]);
    expect(text('[role="status"]')).toBe(
      'KPI K8: target changed from 15 to 60. Next review by 2027-01-15.',
    );
    expect($<HTMLInputElement>('#target').value).toBe('60');
    expect($<HTMLInputElement>('#reviewBy').value).toBe('2027-01-15');
    // The new target is the saved one: the KPI form asks for no reason.
    expect(($('#reason').closest('.field') as HTMLElement).hidden).toBe(true);
    expect(reviewForm().hidden).toBe(true);
    expect(($('.notice') as HTMLElement).hidden).toBe(true);
  });

  it('keeps the target with one click and shows the server’s refusal next to its field', async () => {
    const sent: KpiReviewInput[] = [];
    await open((input) => {
      sent.push(input);
      return { ok: false, field: 'reviewNext', message: 'The next review must be after today.' };
    });
    choose('pick', 'K8');
    reviewForm().requestSubmit();
    await settle();
    expect(sent[0]).toMatchObject({ kpiId: 'K8', decision: 'keep', nextReviewBy: '2026-12-26' });
    expect(text('#reviewNext-error')).toBe('The next review must be after today.');
  });
});

describe('review helpers', () => {
  it('need nothing to keep a target', () => {
    const keep = {
      kpiId: 'K1',
      decision: 'keep',
      target: '',
      reason: '',
      nextReviewBy: '',
    } as const;
    expect(validateReview(keep, 'en')).toEqual([]);
    expect(validateReview({ ...keep, decision: 'change', target: '3' }, 'da')).toEqual([
      { field: 'reviewReason', message: 'Skriv, hvorfor målet ændres.' },
    ]);
  });

  it('update the KPI list and take the KPI off the due list', () => {
    const context = contextAfterReview(dueContext(), {
      id: 'k8',
      target: '60',
      reviewBy: '2027-01-15',
      targetChanged: true,
      smart: 'OK',
      message: '',
    });
    expect(context.kpis[1]).toMatchObject({ id: 'K8', target: '60', reviewBy: '2027-01-15' });
    expect(context.kpis[0]).toMatchObject({ id: 'K1', target: '15' });
    expect(context.reviews).toEqual([]);
  });
});
