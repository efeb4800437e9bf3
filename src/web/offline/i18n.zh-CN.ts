/** The offline outbox and saved answers, zh-CN (the default language). The English file has exactly these keys. */
export const offlineZhCN = {
  'bar.offlineWaiting': '离线 — {n} 条待发送',
  'bar.offline': '离线 — 新的记录会先存在本机，联网后自动发送',
  'bar.waiting': '{n} 条待发送',
  'bar.sending': '正在发送…',
  'bar.allSent': '已全部发送',
  'bar.failed': '{n} 条未被接受',
  'bar.showFailed': '查看',
  'failed.title': '未被接受的记录',
  'failed.hint': '服务器拒绝了这些记录，它们不会再自动发送。请按原因核对后重新填写。',
  'failed.at': '{time} 被拒绝',
  'failed.dismiss': '知道了',
  'failed.empty': '没有未被接受的记录',
  'saved.at': '离线显示：{time} 保存的数据',
  'pending.tag': '待发送',
} as const satisfies Record<string, string>;

export type OfflineKey = keyof typeof offlineZhCN;
