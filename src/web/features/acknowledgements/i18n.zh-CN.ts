/** The one-tap acknowledge page, zh-CN. */
export const ackZhCN = {
  'ack.title': '确认收到',
  'ack.intro': '点一下下面的按钮，即表示您已收到这条突发事件通知，报告链的这一步就完成了。',
  'ack.button': '确认收到',
  'ack.done': '已确认收到',
  'ack.doneHint': '{at} 已确认。后续处置请登录 Steady 查看。',
  'ack.doneVia': '确认方式：{via}',
  'ack.closed': '这一步已结束',
  'ack.closedHint': '事件已关闭或这一步已由他人完成，无需再确认。',
  'ack.notFound': '链接无效或已过期',
  'ack.notFoundHint': '这条确认链接不存在或已失效。请登录 Steady，或直接联系上级单位。',
  'ack.failed': '确认没有成功，请再试一次：{reason}',
  'ack.unit': '单位',
  'ack.event': '事件',
  'ack.severity': '{level}级',
  'ack.due': '确认时限',
  'ack.reported': '报告时间',
  'ack.drill': '演练',
  'ack.privacy': '此页面不显示任何个人信息；链接只能使用一次。',
  'ack.signIn': '登录 Steady',
  'via.link': '确认链接',
  'via.sms': '短信回复',
  'via.wecom_app': '企业微信回复',
  'via.app': 'Steady 应用内',
} as const;

export type AckKey = keyof typeof ackZhCN;
