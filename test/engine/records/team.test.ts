import {
  DEFAULT_WORK_DAYS,
  DEFAULT_WORK_HOURS,
  findPerson,
  readTeam,
  readWorkDays,
  readWorkHours,
} from '../../../src/engine/records/team';
import { toTable } from '../../../src/engine/records/table';
import type { CellContext } from '../../../src/engine/records/cells';
import type { TeamMember } from '../../../src/engine/types';
import { addRow, dateCell, day, editRow, teamValues } from '../fixtures';

const CTX: CellContext = { lang: 'en', timeZone: 'Europe/Copenhagen', dateOrder: 'DMY' };
const team = (values: unknown[][] = teamValues()) => readTeam(toTable('team', values), CTX);

//                         Mon    Tue    Wed    Thu    Fri    Sat    Sun
const MON_FRI = [true, true, true, true, true, false, false];
const SUN_THU = [true, true, true, true, false, false, true];

describe('reading Team', () => {
  it('reads the example team with zones, work days, hours, channels and managers', () => {
    const { members } = team();
    expect(members.map((m) => [m.name, m.email, m.role, m.timeZone, m.channel])).toEqual([
      ['Mette Jensen', 'mette@example.com', 'Manager', 'Europe/Copenhagen', 'Email'],
      ['Priya Sharma', 'priya@example.com', 'Assistant', 'Asia/Kolkata', 'Email'],
      ['Juan dela Cruz', 'juan@example.com', 'Assistant', 'Asia/Manila', 'Google Chat'],
      ['Ana Silva', 'ana@example.com', 'Assistant', 'America/Bogota', 'Slack'],
    ]);
    const priya = members[1] as TeamMember;
    expect(priya.manager).toBe('mette@example.com');
    expect(priya.workDays).toEqual(MON_FRI);
    expect(priya.workHours).toEqual({ start: 9 * 60 + 30, end: 18 * 60 + 30 });
    expect(priya.active).toBe(true);
    expect(priya.awayUntil).toBeNull();
  });

  it('reads a Danish Team tab the same', () => {
    const danish = [
      [
        'Navn',
        'E-mail',
        'Rolle',
        'Leder',
        'Tidszone',
        'Arbejdsdage',
        'Arbejdstid',
        'Kanal',
        'Væk indtil',
        'Aktiv',
      ],
      [
        'Priya Sharma',
        'priya@example.com',
        'Assistent',
        'mette@example.com',
        'Asia/Kolkata',
        'man-fre',
        '09:30-18:30',
        'E-mail',
        dateCell('2026-11-27'),
        'Ja',
      ],
    ];
    const priya = team(danish).members[0] as TeamMember;
    expect(priya.role).toBe('Assistant');
    expect(priya.workDays).toEqual(MON_FRI);
    expect(priya.channel).toBe('Email');
    expect(priya.awayUntil).toBe(day('2026-11-27'));
    expect(priya.active).toBe(true);
  });

  it('reads an e-mail written with a name, and keys people by lower-case address', () => {
    const values = editRow(teamValues(), 'Priya Sharma', {
      Email: 'Priya Sharma <Priya@Example.COM>',
    });
    const found = team(values).byEmail.get('priya@example.com' as never);
    expect(found?.name).toBe('Priya Sharma');
  });

  it('falls back to the defaults for unreadable cells: sheet zone, Mon-Fri, 09:00-17:00, Email, active', () => {
    const values = editRow(teamValues(), 'Ana Silva', {
      'Time zone': 'Bogota',
      'Work days': 'weekdays',
      'Work hours': '18:00-09:00',
      Channel: 'Pigeon',
      Role: 'Boss',
      Active: '',
      'Away until': 'soon',
    });
    const ana = team(values).byEmail.get('ana@example.com' as never) as TeamMember;
    expect(ana.timeZone).toBe('Europe/Copenhagen');
    expect(ana.workDays).toEqual(DEFAULT_WORK_DAYS);
    expect(ana.workHours).toEqual(DEFAULT_WORK_HOURS);
    expect(ana.channel).toBe('Email');
    expect(ana.role).toBe('Assistant');
    expect(ana.active).toBe(true);
    expect(ana.awayUntil).toBeNull();
  });

  it('skips rows without a readable e-mail, blank rows and a repeated e-mail', () => {
    let values = addRow(teamValues(), { Name: 'No Mail', Email: 'not an address' });
    values = [...values, Array(10).fill('')];
    values = addRow(values, { Name: 'Priya Again', Email: 'priya@example.com' });
    const read = team(values);
    expect(read.members).toHaveLength(4);
    expect(read.byEmail.get('priya@example.com' as never)?.name).toBe('Priya Sharma');
  });

  it('reads an unticked Active checkbox as inactive', () => {
    const values = editRow(teamValues(), 'Juan dela Cruz', { Active: false });
    expect(team(values).byEmail.get('juan@example.com' as never)?.active).toBe(false);
  });
});

describe('work days and hours', () => {
  it('reads ranges, lists and Danish day names', () => {
    expect(readWorkDays('Mon-Fri')).toEqual(MON_FRI);
    expect(readWorkDays('Sun-Thu')).toEqual(SUN_THU);
    expect(readWorkDays('søn-tor')).toEqual(SUN_THU);
    expect(readWorkDays('Mon, Wed, Fri')).toEqual([true, false, true, false, true, false, false]);
    expect(readWorkDays('Mon-Thu, Sat')).toEqual([true, true, true, true, false, true, false]);
    expect(readWorkDays('Monday – Friday')).toEqual(MON_FRI);
    expect(readWorkDays('Fri-Mon')).toEqual([true, false, false, false, true, true, true]);
  });

  it('gives no work days for text that names no weekday', () => {
    expect(readWorkDays('')).toBeNull();
    expect(readWorkDays('weekdays')).toBeNull();
    expect(readWorkDays('Mon-Wed-Fri')).toBeNull();
  });

  it('reads work hours and refuses hours that end before they start', () => {
    expect(readWorkHours('09:00-17:00', CTX)).toEqual({ start: 540, end: 1020 });
    expect(readWorkHours('8.30 – 16.30', CTX)).toEqual({ start: 510, end: 990 });
    expect(readWorkHours('9 AM-5 PM', CTX)).toEqual({ start: 540, end: 1020 });
    expect(readWorkHours('17:00-09:00', CTX)).toBeNull();
    expect(readWorkHours('all day', CTX)).toBeNull();
  });
});

describe('finding a person by e-mail or name', () => {
  const people = team();

  it('finds people by e-mail in any case, with or without a name, and by name', () => {
    expect(findPerson(people, 'PRIYA@example.com')).toMatchObject({
      ok: true,
      member: { name: 'Priya Sharma' },
    });
    expect(findPerson(people, 'Priya Sharma <priya@example.com>')).toMatchObject({ ok: true });
    expect(findPerson(people, 'juan dela cruz')).toMatchObject({
      ok: true,
      member: { email: 'juan@example.com' },
    });
  });

  it('says whether a person is missing, unknown or ambiguous', () => {
    expect(findPerson(people, '')).toEqual({ ok: false, reason: 'missing' });
    expect(findPerson(people, 'bob@example.com')).toEqual({ ok: false, reason: 'unknown' });
    expect(findPerson(people, 'Bob')).toEqual({ ok: false, reason: 'unknown' });
    const twoAnas = team(addRow(teamValues(), { Name: 'Ana Silva', Email: 'ana2@example.com' }));
    expect(findPerson(twoAnas, 'Ana Silva')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(findPerson(twoAnas, 'ana2@example.com')).toMatchObject({ ok: true });
  });
});
