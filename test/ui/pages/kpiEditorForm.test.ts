import { smartOfDraft } from '../../../src/engine/kpi/draft';
import {
  applyTemplate,
  choiceFor,
  completeDraft,
  draftFromForm,
  emptyDraft,
  formFromDraft,
  kpiOptions,
  kpisAfterSave,
  liveSmart,
  smartReferences,
  targetChanged,
  validateKpiForm,
  visibleFields,
} from '../../../src/ui/pages/kpiEditor/form';
import { draft, editorContext } from './fixtures';

describe('a KPI draft in the form and back', () => {
  it('comes back unchanged from the form', () => {
    const context = editorContext();
    const k1 = draft();
    expect(draftFromForm(formFromDraft(k1, context), k1.id)).toEqual(k1);
  });

  it('shows choice words in the workbook’s language, whichever language the cell holds', () => {
    const context = editorContext('da');
    const values = formFromDraft(
      draft({ aggregation: 'Sum', direction: 'At least', period: 'week', status: 'Paused' }),
      context,
    );
    expect([values.aggregation, values.direction, values.period, values.status]).toEqual([
      'Sum',
      'Mindst',
      'Uge',
      'Pause',
    ]);
    expect(choiceFor(context, 'aggregation', 'On time')).toBe('Til tiden');
  });

  it('keeps a word it cannot read as typed, so the SMART check can name it', () => {
    const values = formFromDraft(draft({ aggregation: 'Total' }), editorContext());
    expect(values.aggregation).toBe('Total');
  });

  it('matches owner, goal and ratio KPIs whatever their case, and dates typed the Danish way', () => {
    const values = formFromDraft(
      draft({
        owner: 'Priya@Example.com',
        goalId: 'g1',
        numeratorKpi: 'k9',
        denominatorKpi: 'K8',
        start: '2.11.2026',
      }),
      editorContext('da'),
    );
    expect([
      values.owner,
      values.goalId,
      values.numeratorKpi,
      values.denominatorKpi,
      values.start,
    ]).toEqual(['priya@example.com', 'G1', 'K9', 'K8', '2026-11-02']);
  });

  it('trims what was typed and keeps the ID of the KPI being changed', () => {
    const values = formFromDraft(draft(), editorContext());
    expect(draftFromForm({ ...values, name: '  Approved posts  ', unit: ' posts ' }, 'K1')).toEqual(
      draft(),
    );
  });

  it('fills in fields a server left out, so the page never shows "undefined"', () => {
    expect(completeDraft({ id: 'K1', name: 'Posts' })).toEqual({
      ...draft(),
      ...Object.fromEntries(Object.keys(draft()).map((k) => [k, ''])),
      id: 'K1',
      name: 'Posts',
    });
  });
});

describe('the live SMART check', () => {
  it('goes from failing letters to OK as the manager fills the form', () => {
    const context = editorContext();
    let typed = { ...emptyDraft(context), name: 'Approved posts' };
    const letters = () => liveSmart(typed, context).findings.map((f) => f.letter);

    expect(liveSmart(typed, context).ok).toBe(false);
    expect(new Set(letters())).toEqual(new Set(['S', 'M', 'R', 'T']));

    typed = { ...typed, measure: 'Posts approved by the client', owner: 'priya@example.com' };
    expect(letters()).not.toContain('S');
    typed = {
      ...typed,
      aggregation: 'Sum',
      direction: 'At least',
      target: '15',
      unit: 'posts',
    };
    expect(letters()).not.toContain('M');
    typed = { ...typed, goalId: 'G1' };
    expect(letters()).toEqual(['T', 'T']);
    typed = { ...typed, period: 'Week', reviewBy: '2026-12-31' };
    expect(liveSmart(typed, context)).toEqual({ ok: true, text: 'OK', findings: [] });
  });

  it('gives each failed letter its reason, in Danish too', () => {
    const context = editorContext('da');
    const smart = liveSmart(draft({ unit: '', goalId: 'G9' }), context);
    expect(smart.findings).toEqual([
      { letter: 'M', reason: 'Enhed mangler' },
      { letter: 'R', reason: 'Målet G9 findes ikke under Mål' },
    ]);
  });

  it('says exactly what the SMART column will say: the engine’s own check', () => {
    const context = editorContext();
    const typed = draft({ owner: 'bob@example.com', target: '40', aggregation: 'Total' });
    const smart = liveSmart(typed, context);
    expect(smart.text).toBe(smartOfDraft(typed, smartReferences(context, typed), 'en', 'UTC'));
    expect(smart.findings.map((f) => `${f.letter}: ${f.reason}`).join('; ')).toBe(smart.text);
  });

  it('warns when a target is beyond twice the best result so far, for that KPI only', () => {
    const context = editorContext(); // K1's best is 14
    expect(liveSmart(draft({ target: '40' }), context).findings).toEqual([
      { letter: 'A', reason: 'Target 40 is beyond twice the best result so far (14)' },
    ]);
    expect(liveSmart(draft({ id: 'K8', target: '40' }), context).ok).toBe(true);
    expect(liveSmart(draft({ id: '', target: '40' }), context).ok).toBe(true);
  });

  it('knows the team, the goals and the KPIs from the context, whatever their case', () => {
    const refs = smartReferences(editorContext(), draft());
    expect([refs.isInTeam('PRIYA@example.com'), refs.isInTeam('bob@example.com')]).toEqual([
      true,
      false,
    ]);
    expect([refs.goalExists('g5'), refs.goalExists('G2')]).toEqual([true, false]);
    expect([refs.kpiExists('k9'), refs.kpiExists('K10')]).toEqual([true, false]);
    expect(refs.bestResult).toBe(14);
  });
});

describe('which fields the editor shows and asks for', () => {
  it('shows Numerator and Denominator KPI only for a ratio', () => {
    expect(visibleFields(draft()).ratio).toBe(false);
    expect(visibleFields(draft({ aggregation: 'Forhold' })).ratio).toBe(true);
  });

  it('shows Due time for an On-time or a daily KPI, or when one is already set', () => {
    expect(visibleFields(draft()).dueTime).toBe(false);
    expect(visibleFields(draft({ aggregation: 'On-time' })).dueTime).toBe(true);
    expect(visibleFields(draft({ period: 'Dag' })).dueTime).toBe(true);
    expect(visibleFields(draft({ dueTime: '16:00' })).dueTime).toBe(true);
  });

  it('sees a target change on an existing KPI only, and 15 and 15,0 as the same target', () => {
    expect(targetChanged(draft(), draft({ target: '20' }), 'en')).toBe(true);
    expect(targetChanged(draft(), draft({ target: '15,0' }), 'da')).toBe(false);
    expect(targetChanged(null, draft({ target: '20' }), 'en')).toBe(false);
  });

  it('requires a name, and a reason when the target changes', () => {
    expect(validateKpiForm(draft({ name: ' ' }), '', null, 'en')).toEqual([
      { field: 'name', message: 'Give the KPI a name.' },
    ]);
    expect(validateKpiForm(draft({ target: '20' }), '', draft(), 'da')).toEqual([
      { field: 'reason', message: 'Skriv, hvorfor målet ændres.' },
    ]);
    expect(validateKpiForm(draft({ target: '20' }), 'Client doubled', draft(), 'en')).toEqual([]);
  });

  it('lets a KPI that fails SMART be saved: the SMART column says what is missing', () => {
    expect(validateKpiForm(draft({ unit: '', goalId: '' }), '', draft(), 'en')).toEqual([]);
  });
});

describe('templates and saving', () => {
  it('fills the form from a template as a new KPI, keeping the owner already chosen', () => {
    const context = editorContext();
    const template = context.templates[0]!.drafts[0]!;
    const filled = applyTemplate(draft({ id: 'K1', owner: 'ana@example.com' }), template);
    expect(filled).toEqual({ ...template, id: '', owner: 'ana@example.com', goalId: 'G1' });
  });

  it('adds a new KPI to the list under its new ID, and replaces a changed one', () => {
    const { kpis } = editorContext();
    const added = kpisAfterSave(kpis, draft({ id: '', name: 'Leads' }), {
      id: 'K11',
      created: true,
      targetChanged: false,
      smart: 'OK',
      message: 'KPI K11 created.',
    });
    expect(added.map((k) => k.id)).toEqual(['K1', 'K8', 'K9', 'K11']);
    const changed = kpisAfterSave(kpis, draft({ target: '20' }), {
      id: 'K1',
      created: false,
      targetChanged: true,
      smart: 'OK',
      message: 'KPI K1 saved.',
    });
    expect(changed.map((k) => [k.id, k.target])).toEqual([
      ['K1', '20'],
      ['K8', '15'],
      ['K9', '15'],
    ]);
  });

  it('lists existing KPIs by ID and name', () => {
    expect(kpiOptions(editorContext()).map((o) => o.label)).toEqual([
      'K1 · Approved posts',
      'K8 · Qualified leads',
      'K9 · Converted leads',
    ]);
  });
});
