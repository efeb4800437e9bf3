import type { VisitorsKey } from './i18n.zh-CN.js';

/** Gate visitor screens, English: the same keys as the zh-CN file (the compiler checks). */
export const visitorsEn: Record<VisitorsKey, string> = {
  'page.title': 'Visitor log',
  'page.unit': 'Unit',
  'page.chooseUnit': 'Choose the unit whose gate you keep',
  'page.privacy':
    'Visitor records are personal data: kept only as long as the plan says, then removed automatically; every look ' +
    'at them is logged.',

  'tab.checkIn': 'Check in',
  'tab.inside': 'Inside',
  'tab.history': 'History',

  'form.name': 'Name',
  'form.namePlaceholder': 'Visitor’s name',
  'idKind.id_card': 'ID card',
  'idKind.passport': 'Passport',
  'idKind.other': 'Other',
  'form.idNumber': 'ID number',
  'form.idNumberPlaceholder': 'Type or scan the ID number',
  'form.idNumberHint':
    'Only the last four characters are kept. The rest is hidden as you type and never leaves this device.',
  'form.purpose': 'Purpose',
  'form.purposePlaceholder': 'e.g. delivery, repair, collecting a child',
  'purpose.parent': 'Parent visit',
  'purpose.delivery': 'Delivery',
  'purpose.repair': 'Repair',
  'purpose.official': 'Official business',
  'purpose.meeting': 'Meeting',
  'form.host': 'Visiting',
  'form.hostPlaceholder': 'Pick someone here, or type a name',
  'form.plate': 'Vehicle plate',
  'form.platePlaceholder': 'Leave empty if on foot',
  'form.submit': 'Check in',
  'form.done': '{name} checked in at {time}',
  'form.required': 'Enter the {field}',

  'inside.title': 'Still inside',
  'inside.empty': 'Nobody is inside now',
  'inside.entered': 'in at {time}',
  'inside.stay': 'inside for {duration}',
  'inside.visits': 'visiting {host}',
  'inside.checkOut': 'Out',
  'inside.checkedOut': '{name} checked out',
  'inside.refresh': 'Refresh',

  'history.from': 'From',
  'history.to': 'To',
  'history.export': 'Export to Excel',
  'history.exported': 'Exported',
  'history.empty': 'No visitors in these days',
  'history.total': '{total} visits',
  'history.stillInside': 'Still inside',
  'history.badRange': 'The last day cannot be before the first',

  'col.name': 'Name',
  'col.id': 'ID',
  'col.purpose': 'Purpose',
  'col.host': 'Visiting',
  'col.in': 'In',
  'col.out': 'Out',
  'col.plate': 'Plate',

  'dur.m': '{n} min',
  'dur.h': '{h} h',
  'dur.hm': '{h} h {m} min',
  'dur.d': '{d} d {h} h',
};
