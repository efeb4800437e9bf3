import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';

/** The bell and the contact-method editor: both languages side by side, the same keys. */
const zhCN = {
  'bell.label': '通知',
  'bell.unread': '{n} 条未读',
  'bell.markAll': '全部标为已读',
  'bell.empty': '暂无通知',
  'bell.drill': '演练',
  'bell.new': '新通知',
  'bell.loadFailed': '通知加载失败',

  'contacts.title': '通知接收方式',
  'contacts.hint': '发生突发事件时按顺序尝试：前一种方式发送失败，自动改用下一种。',
  'contacts.none': '尚未设置。只会收到系统内通知。',
  'contacts.edit': '修改',
  'contacts.add': '添加方式',
  'contacts.save': '保存',
  'contacts.saved': '通知接收方式已保存',
  'contacts.moveUp': '上移',
  'contacts.moveDown': '下移',
  'contacts.remove': '删除',
  'contacts.signed': '已签名',
  'contacts.channel': '方式',
  'contacts.to': '邮箱地址',
  'contacts.url': '机器人地址（Webhook）',
  'contacts.secret': '签名密钥',
  'contacts.secretOptional': '签名密钥（选填）',
  'contacts.kept': '已保存（{target}）。为保护凭据，地址和密钥不再显示；不填写则保持不变，填写新地址即替换。',
  'contacts.max': '最多 {max} 种方式',
  'contacts.required': '请填写{field}',
  'contacts.invalidUrl': '请填写以 http:// 或 https:// 开头的地址',
  'contacts.invalidEmail': '请填写有效的邮箱地址',
  'channel.email': '电子邮件',
  'channel.webhook': 'Webhook（签名）',
  'channel.dingtalk': '钉钉机器人',
  'channel.wecom': '企业微信机器人',
  'channel.feishu': '飞书机器人',
} as const;

export type NotificationsKey = keyof typeof zhCN;

const en: Record<NotificationsKey, string> = {
  'bell.label': 'Notifications',
  'bell.unread': '{n} unread',
  'bell.markAll': 'Mark all read',
  'bell.empty': 'No notifications',
  'bell.drill': 'Drill',
  'bell.new': 'New notification',
  'bell.loadFailed': 'Notifications could not be loaded',

  'contacts.title': 'How to reach this person',
  'contacts.hint': 'Tried in order when an incident happens: if one fails, the next is used.',
  'contacts.none': 'None set: in-app notifications only.',
  'contacts.edit': 'Change',
  'contacts.add': 'Add a method',
  'contacts.save': 'Save',
  'contacts.saved': 'Contact methods saved',
  'contacts.moveUp': 'Move up',
  'contacts.moveDown': 'Move down',
  'contacts.remove': 'Remove',
  'contacts.signed': 'signed',
  'contacts.channel': 'Channel',
  'contacts.to': 'Email address',
  'contacts.url': 'Robot address (webhook URL)',
  'contacts.secret': 'Signing secret',
  'contacts.secretOptional': 'Signing secret (optional)',
  'contacts.kept': 'Saved ({target}). Its address and secret are never shown, to keep them safe; leave them empty to keep them, or enter a new address to replace it.',
  'contacts.max': 'At most {max} methods',
  'contacts.required': 'Enter the {field}',
  'contacts.invalidUrl': 'Enter an address starting with http:// or https://',
  'contacts.invalidEmail': 'Enter a valid email address',
  'channel.email': 'Email',
  'channel.webhook': 'Webhook (signed)',
  'channel.dingtalk': 'DingTalk robot',
  'channel.wecom': 'WeCom robot',
  'channel.feishu': 'Feishu robot',
};

const dictionaries: Record<Locale, Record<NotificationsKey, string>> = { 'zh-CN': zhCN, en };
export type NotificationsT = (key: NotificationsKey, vars?: Record<string, string | number>) => string;

export function useNt(): NotificationsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  }, [locale]);
}
