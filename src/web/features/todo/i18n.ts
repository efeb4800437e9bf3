import type { LateKind, TodoKind } from '../../../common/schemas/todo.js';
import { createDictionary, type Translator } from '../../i18n/index.js';

/** My to-do: both languages side by side, the same keys. Item sentences take the server's parameters. */
const zhCN = {
  'todo.title': '我的待办',
  'todo.empty': '眼下没有等您处理的事。',
  'todo.count': '{n} 项',
  'todo.dueIn': '还剩 {time}',
  'todo.overdueBy': '已超时 {time}',
  'todo.noDeadline': '无时限',
  'todo.drill': '演练',
  'todo.lateBelow': '下级逾期',
  'todo.lateBelowNone': '下级单位暂无逾期事项。',
  'todo.lateBelowMore': '另有 {n} 项未列出',
  'todo.tabTodo': '待办',
  'todo.tabNotifications': '通知',
  'time.days': '{d} 天 {h} 小时',
  'time.hours': '{h} 小时 {m} 分',
  'time.minutes': '{m} 分钟',
  'time.lessThanMinute': '不到 1 分钟',

  'kind.incident_acknowledge': '确认收到突发事件：{type}（{severity}级）',
  'kind.incident_report': '向上级报告突发事件：{type}（{severity}级）',
  'kind.daily_report': '报送今日每日报告（{deadline} 前）',
  'kind.directive_sign': '签收通知：{title}',
  'kind.directive_reply': '回复通知：{title}',
  'kind.handover_accept': '接班：阅读并确认 {writer} 的交班记录',
  'kind.task_fix': '整改隐患：{title}',
  'kind.task_verify': '复查整改结果：{title}',
  'kind.swap_answer': '答复换班：{from} 想调换 {date} 的班',
  'kind.leave_approve': '审批请假：{head}（{from} 至 {to}）',
  'kind.visitors_inside': '仍有 {count} 名访客未登记离开（{closing} 闭校）',
  'kind.drill_due': '组织演练：{title}（{date}）',
  'kind.reunification_release': '接领放行：到{point}核对接领人并放行学生',
  'kind.roll_call_mark': '点名进行中：清点本班 {class}（还有 {count} 人未点）',

  'late.incident_step': '突发事件上报超时：{type}（{severity}级）',
  'late.daily_report': '今日每日报告逾期未报',
  'late.directive_sign': '逾期未签收：{title}',
  'late.task': '隐患逾期未整改：{title}',
} as const;

export type TodoKey = keyof typeof zhCN;

const en: Record<TodoKey, string> = {
  'todo.title': 'My to-do',
  'todo.empty': 'Nothing is waiting for you right now.',
  'todo.count': '{n} waiting',
  'todo.dueIn': '{time} left',
  'todo.overdueBy': 'Overdue by {time}',
  'todo.noDeadline': 'No deadline',
  'todo.drill': 'Drill',
  'todo.lateBelow': 'Late below you',
  'todo.lateBelowNone': 'Nothing is late in the units below you.',
  'todo.lateBelowMore': '{n} more not listed',
  'todo.tabTodo': 'To-do',
  'todo.tabNotifications': 'Notifications',
  'time.days': '{d} d {h} h',
  'time.hours': '{h} h {m} min',
  'time.minutes': '{m} min',
  'time.lessThanMinute': 'under a minute',

  'kind.incident_acknowledge': 'Acknowledge the incident: {type} (level {severity})',
  'kind.incident_report': 'Report the incident upward: {type} (level {severity})',
  'kind.daily_report': "Send today's daily report (by {deadline})",
  'kind.directive_sign': 'Sign for: {title}',
  'kind.directive_reply': 'Reply to: {title}',
  'kind.handover_accept': "Take over: read and accept {writer}'s handover",
  'kind.task_fix': 'Fix the hazard: {title}',
  'kind.task_verify': 'Verify the fix: {title}',
  'kind.swap_answer': 'Answer a swap: {from} asks to swap the shift of {date}',
  'kind.leave_approve': 'Approve leave: {head} ({from} to {to})',
  'kind.visitors_inside': 'Visitors not signed out yet: {count} (closing {closing})',
  'kind.drill_due': 'Hold the drill: {title} ({date})',
  'kind.reunification_release': 'Release children at {point}: check each adult against the list',
  'kind.roll_call_mark': 'Roll call open — mark your class {class} ({count} not yet marked)',

  'late.incident_step': 'Incident report overdue: {type} (level {severity})',
  'late.daily_report': "Today's daily report is late",
  'late.directive_sign': 'Not signed for in time: {title}',
  'late.task': 'Hazard not fixed in time: {title}',
};

export type TodoT = Translator<TodoKey>;

export const { useText: useTodoText } = createDictionary(zhCN, en);

export const kindKey = (kind: TodoKind): TodoKey => `kind.${kind}`;
export const lateKey = (kind: LateKind): TodoKey => `late.${kind}`;
