import type { AckKey } from './i18n.zh-CN.js';

/** The one-tap acknowledge page, English: the same keys as the zh-CN file (the compiler checks). */
export const ackEn: Record<AckKey, string> = {
  'ack.title': 'Acknowledge receipt',
  'ack.intro':
    'Tap the button below to confirm that you have received this incident notice; this step of the reporting chain ' +
    'is then done.',
  'ack.button': 'Acknowledge receipt',
  'ack.done': 'Receipt acknowledged',
  'ack.doneHint': 'Acknowledged at {at}. Sign in to Steady to follow the response.',
  'ack.doneVia': 'How: {via}',
  'ack.closed': 'This step is over',
  'ack.closedHint': 'The incident was closed or someone else completed this step; nothing more to do.',
  'ack.notFound': 'This link is not valid or has expired',
  'ack.notFoundHint':
    'There is no such acknowledge link, or it no longer works. Sign in to Steady, or call the unit above you.',
  'ack.failed': 'That did not work, please try again: {reason}',
  'ack.unit': 'Unit',
  'ack.event': 'Incident',
  'ack.severity': 'level {level}',
  'ack.due': 'Acknowledge by',
  'ack.reported': 'Reported',
  'ack.drill': 'Drill',
  'ack.privacy': 'This page shows nothing personal; the link works once.',
  'ack.signIn': 'Sign in to Steady',
  'via.link': 'acknowledge link',
  'via.sms': 'SMS reply',
  'via.wecom_app': 'reply in WeCom',
  'via.app': 'in the Steady app',
};
