/** Every user-facing English string. `da.ts` must have the same keys (the type checks it). */
export const en = {
  // Status words (PRODUCT section 4)
  'status.On track': 'On track',
  'status.At risk': 'At risk',
  'status.Off track': 'Off track',
  'status.Met': 'Met',
  'status.Missed': 'Missed',
  'status.No data': 'No data',

  // The Log's Check column
  'check.ok': 'OK',
  'check.missingDate': 'Date is missing',
  'check.badDate': 'Date "{value}" is not a date',
  'check.futureDate': 'Date {date} is in the future',
  'check.missingAssistant': 'Assistant is missing',
  'check.unknownAssistant': 'Assistant "{value}" is not in Team',
  'check.missingKpi': 'KPI is missing',
  'check.unknownKpi': 'Unknown KPI "{value}"',
  'check.ambiguousKpi': 'KPI "{value}" is not one of {assistant}\'s KPIs',
  'check.notOwner': '{assistant} does not own KPI {kpi}',
  'check.ratioKpi': 'KPI {kpi} is a ratio: log its numerator and denominator KPIs instead',
  'check.missingValue': 'Value is missing',
  'check.notANumber': 'Value "{value}" is not a number',
  'check.negative': 'Value {value} is negative',
  'check.tooLarge': 'Value {value} is too large',
  'check.qualifier': 'Not counted: value must be {qualifier}',

  // SMART check
  'smart.ok': 'OK',
  'smart.S': 'S',
  'smart.M': 'M',
  'smart.A': 'A',
  'smart.R': 'R',
  'smart.T': 'T',
  'smart.measureMissing': 'Measure is empty',
  'smart.ownerMissing': 'Owner is empty',
  'smart.ownerUnknown': 'Owner {owner} is not in Team',
  'smart.ownerUnreadable': 'Owner "{value}" is not an e-mail address',
  'smart.aggregationMissing': 'Aggregation is missing',
  'smart.aggregationUnknown': 'Aggregation "{value}" is not one of {choices}',
  'smart.directionMissing': 'Direction is missing',
  'smart.targetMissing': 'Target is missing',
  'smart.targetNotNumber': 'Target "{value}" is not a number',
  'smart.unitMissing': 'Unit is missing',
  'smart.percentRange': 'A % target must be between 0 and 100',
  'smart.ratioKpis': 'A ratio needs both a Numerator KPI and a Denominator KPI',
  'smart.ratioKpiUnknown': 'KPI {kpi} (numerator or denominator) does not exist',
  'smart.qualifierUnreadable': 'Qualifier "{value}" is not a condition like >= 1200',
  'smart.beyondBest': 'Target {target} is beyond twice the best result so far ({best})',
  'smart.belowBest': 'Target {target} is below half the best result so far ({best})',
  'smart.goalMissing': 'Goal ID is empty',
  'smart.goalUnknown': 'Goal {goal} is not in Goals',
  'smart.periodMissing': 'Period is missing',
  'smart.periodUnknown': 'Period "{value}" is not one of {choices}',
  'smart.dueTimeInvalid': 'Due time "{value}" is not a time like 16:00',
  'smart.onTimeNeedsDue': 'An On-time KPI needs a Due time',
  'smart.reviewMissing': 'Review by is missing',

  // Custom function errors (shown in the cell)
  'fn.kpiMissing': 'Give a KPI ID or name',
  'fn.kpiNotFound': 'KPI "{kpi}" not found',
  'fn.kpiSeveralOwners': 'KPI "{kpi}" has several owners: name the assistant',
  'fn.kpiNotOwnedBy': 'KPI "{kpi}" is not owned by {assistant}',
  'fn.assistantNotFound': 'Assistant "{assistant}" not found in Team',
  'fn.assistantAmbiguous': 'Several people in Team are called "{assistant}": use the e-mail',
  'fn.assistantMissing': "Give an assistant's e-mail or name",
  'fn.periodUnreadable': 'Period "{period}" is not a date or a key like 2026-W48',
  'fn.periodTooCoarse':
    'Period "{period}" does not fit the KPI\'s period ({kind}): give a date or a key of that period',
  'fn.countInvalid': 'Count must be a whole number from 1 to {max}',
  'fn.notSetUp': 'KPI Loop is not set up in this spreadsheet: use KPI Loop > Set up tracker',
  'fn.kpiIncomplete': 'KPI "{kpi}" cannot be evaluated: {reason}',

  // Menu
  'menu.setUp': 'Set up tracker',
  'menu.setUpWithExamples': 'Set up tracker with example data',
  'menu.help': 'Help',

  // Set up
  'setup.done': 'KPI Loop is set up: {created} tabs created, {repaired} repaired.',
  'setup.unchanged': 'KPI Loop is set up; nothing needed repair.',
  'setup.examplesLoaded': 'Example team, goals and KPIs loaded.',
  'setup.examplesSkipped': 'Example data not loaded: {tab} already holds data.',
  'setup.title': 'KPI Loop',
  'setup.lockBusy':
    'Someone else is changing the tracker right now. Nothing was changed; try again in a moment.',
  'setup.managersOnly': 'Only managers can set up the tracker.',
  'setup.protection': 'KPI Loop: only managers edit this tab',
  'setup.checkHelp': 'Written by KPI Loop: OK, or why the row is not counted',

  'edit.targetReason': 'Edited in the KPIs tab',
  'examples.initialTarget': 'Initial target',
  'examples.changedBy': 'KPI Loop',

  // Help
  'help.title': 'KPI Loop help',
  'help.body':
    'Assistants log results as rows in the Log tab. Managers keep Team, Goals and KPIs. Formulas: =KPI_STATUS(kpi, [period], [assistant]) and the other KPI_ functions.',

  // Errors anyone may see
  'error.unexpected': 'Something went wrong: {message}',
  'error.badCell': '{tab} row {row}: {problem}',
} as const;

export type MessageKey = keyof typeof en;
