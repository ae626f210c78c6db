import {
  defaultRange,
  periodOptions,
  recipientOptions,
  validateReportForm,
  whoOptions,
} from '../../../src/ui/pages/report/form';
import { reportContext } from './reportFixtures';

describe('the Report dialog’s choices', () => {
  it('offers a manager the whole team first, then each assistant', () => {
    expect(whoOptions(reportContext())).toEqual([
      { value: '', label: 'The whole team' },
      { value: 'priya@example.com', label: 'Priya Sharma (priya@example.com)' },
      { value: 'juan@example.com', label: 'Juan dela Cruz (juan@example.com)' },
    ]);
  });

  it('offers an assistant only themself', () => {
    const context = reportContext({
      manager: false,
      user: { email: 'priya@example.com', name: 'Priya Sharma' },
      people: [{ email: 'priya@example.com', name: 'Priya Sharma' }],
    });
    expect(whoOptions(context).map((o) => o.value)).toEqual(['priya@example.com']);
  });

  it('starts weeks on the server’s last four and months on the last three', () => {
    const context = reportContext();
    expect(defaultRange(context, 'Week')).toEqual({ from: '2026-W45', to: '2026-W48' });
    expect(defaultRange(context, 'Month')).toEqual({ from: '2026-09', to: '2026-11' });
    expect(periodOptions(context, 'Month').map((o) => o.key)).toHaveLength(4);
  });

  it('names the caller as “you” among the recipients, in the workbook’s language', () => {
    expect(recipientOptions(reportContext()).map((o) => o.label)).toEqual([
      'Mette Jensen (you)',
      'Priya Sharma (priya@example.com)',
    ]);
    expect(recipientOptions(reportContext({ lang: 'da' }))[0]?.label).toBe('Mette Jensen (dig)');
  });

  it('refuses a From after To, and accepts one week', () => {
    const context = reportContext();
    expect(
      validateReportForm(
        { assistant: '', unit: 'Week', from: '2026-W48', to: '2026-W45' },
        context,
      ),
    ).toEqual([{ field: 'from', message: 'From must be the same as or before To.' }]);
    expect(
      validateReportForm(
        { assistant: '', unit: 'Week', from: '2026-W48', to: '2026-W48' },
        context,
      ),
    ).toEqual([]);
  });
});
