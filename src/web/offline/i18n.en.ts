import type { OfflineKey } from './i18n.zh-CN.js';

/** The offline outbox and saved answers, English: the same keys as the zh-CN file (the compiler checks). */
export const offlineEn: Record<OfflineKey, string> = {
  'bar.offlineWaiting': 'Offline — {n} waiting to send',
  'bar.offline': 'Offline — new records are kept on this device and sent when the network returns',
  'bar.waiting': '{n} waiting to send',
  'bar.sending': 'Sending…',
  'bar.allSent': 'All sent',
  'bar.failed': '{n} not accepted',
  'bar.showFailed': 'Show',
  'failed.title': 'Records not accepted',
  'failed.hint':
    'The server refused these records; they will not be sent again. Check the reason and enter them again.',
  'failed.at': 'refused at {time}',
  'failed.dismiss': 'Got it',
  'failed.empty': 'No refused records',
  'saved.at': 'Offline: showing what was saved at {time}',
  'pending.tag': 'Waiting to send',
};
