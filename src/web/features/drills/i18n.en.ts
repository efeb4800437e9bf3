import type { DrillsKey } from './i18n.zh-CN.js';

/** Drill screens, English: the same keys as the zh-CN file (the compiler checks). */
export const drillsEn: Record<DrillsKey, string> = {
  'page.title': 'Drills',
  'page.schedule': 'Plan a drill',
  'page.recordNew': 'Record a drill',
  'page.allUnits': 'All units I can see',
  'view.drills': 'Drills',
  'view.compliance': 'On schedule?',
  'common.cancel': 'Cancel',

  'state.on_schedule': 'On schedule',
  'state.due_soon': 'Due soon',
  'state.overdue': 'Overdue',
  'state.not_required': 'Not required',
  'compliance.empty': 'No units to show',
  'compliance.noRequirement': 'The plan in force asks no drills of this unit.',
  'compliance.every.month': 'at least {n} a month, {held} this month',
  'compliance.every.quarter': 'at least {n} a quarter, {held} this quarter',
  'compliance.every.term': 'at least {n} a term, {held} this term',
  'compliance.lastDone': 'last {date}',
  'compliance.never': 'none yet',
  'compliance.dueBy': 'due by {date}',
  'compliance.missedBy': 'not done by {date}',
  'compliance.note':
    'Requirements come from each unit’s plan in force, counted per calendar month, quarter or term (spring ' +
    'February–July, autumn August–January) in the unit’s own time zone; where the plan sets no frequency, ' +
    'evacuation drills follow the national guidance: schools at least monthly, kindergartens at least quarterly. ' +
    'Not yet held near the period’s end shows as “due soon”; a period before that ended without one (never held ' +
    'included) is “overdue”.',

  'status.planned': 'Planned',
  'status.done': 'Done',
  'list.empty': 'No drills yet',
  'list.unit': 'Unit',
  'list.plannedFor': 'planned for {date}',
  'list.people': '{n} took part',
  'list.evacuation': 'evacuated in {time}',
  'list.problems': '{n} problems',
  'list.problemOne': '1 problem',

  'schedule.title': 'Plan a drill',
  'schedule.submit': 'Plan it',
  'schedule.saved': 'Drill planned',
  'record.saved': 'Drill recorded',

  'form.unit': 'Unit',
  'form.type': 'Drill type',
  'form.title': 'Name',
  'form.plannedDate': 'Planned for',
  'form.startedAt': 'Started',
  'form.endedAt': 'Ended',
  'form.endBeforeStart': 'The end must be after the start',
  'form.participants': 'People taking part',
  'form.evacuation': 'Evacuation time',
  'form.evacuationHint':
    'From the alarm until everyone is at the assembly point. A building of four storeys or fewer should be empty ' +
    'within 2 minutes; leave empty if not timed.',
  'form.evaluation': 'Evaluation',
  'form.evaluationPlaceholder': 'Was it orderly, was everyone at their post, what went well',
  'form.problems': 'Problems found',
  'form.problemsHint': 'One problem a line; once recorded, each can become a rectification task.',
  'form.problem': 'problem',
  'form.problemPlaceholder': 'Problem {n}, e.g. east stairs on the 2nd floor too dark',
  'form.addProblem': 'Add a problem',
  'form.removeProblem': 'Remove this problem',
  'form.record': 'Save the record',
  'form.required': 'Enter the {field}',
  'form.choose': 'Choose the {field}',

  'evacuation.min': 'min',
  'evacuation.sec': 's',
  'evacuation.onTarget': 'on target',
  'evacuation.over': '{over} over',
  'evacuation.target': 'target {target}',

  'details.length': 'Length',
  'details.minutes': '{n} min',
  'details.notTimed': 'not timed',
  'details.recordTitle': 'Record this drill',
  'details.notRecorded': 'This drill has not been recorded yet.',
  'details.problems': 'Problems found ({n})',
  'details.noProblems': 'No problems recorded.',

  'photos.title': 'Photos',
  'photos.none': 'No photos yet',
  'photos.add': 'Take or choose photos',
  'photos.uploading': 'Uploading {done}/{total}',
  'photos.failed': '{name}: {message}',

  'task.action': 'Make a rectification task',
  'task.title': 'Make a rectification task',
  'task.intro':
    'The task goes into the rectification ledger: its owner fixes it by the deadline, and someone else verifies ' +
    'the fix.',
  'task.name': 'What to fix',
  'task.owner': 'Owner',
  'task.ownerPlaceholder': 'Pick someone of the unit',
  'task.dueAt': 'Deadline',
  'task.risk': 'Risk',
  'task.create': 'Make the task',
  'task.created': 'Rectification task made',
  'task.made': 'Task made',
  'risk.low': 'Low',
  'risk.medium': 'Medium',
  'risk.high': 'High',
  'risk.major': 'Major',
};
