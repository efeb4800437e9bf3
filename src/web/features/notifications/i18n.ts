import { createDictionary, type Translator } from '../../i18n/index.js';

/** The bell and the contact-method editor: both languages side by side, the same keys. */
const zhCN = {
  'bell.label': '通知',
  'bell.unread': '{n} 条未读',
  'bell.markAll': '全部标为已读',
  'bell.empty': '暂无通知',
  'bell.drill': '演练',
  'bell.new': '新通知',
  'language.title': '消息语言',
  'language.hint': '通知、邮件、短信和机器人消息用这种语言发送；应用内的通知按当前界面语言显示。',
  'language.unit': '跟随单位',
  'language.saved': '已保存消息语言',

  'contacts.title': '通知接收方式',
  'contacts.hint': '发生突发事件时按顺序通知：前一种方式未能在时限内确认送达，就同时改用下一种。',
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
  'channel.sms': '短信',
  'channel.voice': '语音电话',
  'channel.wecom_app': '企业微信（本人）',
  'channel.dingtalk_app': '钉钉工作通知（本人）',
  'channel.feishu_app': '飞书（本人）',
  'channel.web_push': '浏览器推送（本设备）',
  'contacts.mobile': '手机号',
  'contacts.mobileHint': '中国大陆 11 位手机号，或 +国家码 号码',
  'contacts.invalidMobile': '请填写有效的手机号（11 位，或 +国家码 号码）',
  'contacts.userId': '用户 ID（在该应用通讯录中）',
  'contacts.mention': '@提醒的手机号（选填）',
  'contacts.pushSubscribe': '在此设备上接收推送',
  'contacts.pushSubscribed': '已订阅：{device}',
  'contacts.pushUnsupported': '此浏览器不支持推送通知。',
  'contacts.pushOff': '管理员尚未启用 Web 推送。',
  'contacts.pushDenied': '浏览器未允许通知，请在浏览器设置中允许后再试。',
  'contacts.pushChina':
    '在中国大陆，浏览器推送通常无法送达（Chrome 使用的推送服务无法访问），只作补充：请把短信、语音或工作应用放在前面。',
  'contacts.primaryHint': '建议把短信或本人的工作应用放在第一位。群机器人发在群里，不带确认链接，只能 @ 提醒本人。',
} as const;

export type NotificationsKey = keyof typeof zhCN;

const en: Record<NotificationsKey, string> = {
  'bell.label': 'Notifications',
  'bell.unread': '{n} unread',
  'bell.markAll': 'Mark all read',
  'bell.empty': 'No notifications',
  'bell.drill': 'Drill',
  'bell.new': 'New notification',
  'language.title': 'Language of messages',
  'language.hint':
    'Notifications, e-mail, SMS and robot messages are written in this language; in the app they show in the ' +
    'language of the screen.',
  'language.unit': 'The unit’s language',
  'language.saved': 'Language of messages saved',

  'contacts.title': 'How to reach this person',
  'contacts.hint':
    'Used in order when an incident happens: when one has not confirmed delivery in time, the next is started as well.',
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
  'contacts.kept':
    'Saved ({target}). Its address and secret are never shown, to keep them safe; leave them empty to keep them, ' +
    'or enter a new address to replace it.',
  'contacts.max': 'At most {max} methods',
  'contacts.required': 'Enter the {field}',
  'contacts.invalidUrl': 'Enter an address starting with http:// or https://',
  'contacts.invalidEmail': 'Enter a valid email address',
  'channel.email': 'Email',
  'channel.webhook': 'Webhook (signed)',
  'channel.dingtalk': 'DingTalk robot',
  'channel.wecom': 'WeCom robot',
  'channel.feishu': 'Feishu robot',
  'channel.sms': 'SMS',
  'channel.voice': 'Voice call',
  'channel.wecom_app': 'WeCom (personal)',
  'channel.dingtalk_app': 'DingTalk work notice (personal)',
  'channel.feishu_app': 'Feishu (personal)',
  'channel.web_push': 'Browser push (this device)',
  'contacts.mobile': 'Mobile number',
  'contacts.mobileHint': '11 digits in mainland China, or +country code and number',
  'contacts.invalidMobile': 'Enter a valid mobile number (11 digits, or +country code and number)',
  'contacts.userId': 'User id (in that app’s directory)',
  'contacts.mention': 'Mobile to @mention (optional)',
  'contacts.pushSubscribe': 'Receive pushes on this device',
  'contacts.pushSubscribed': 'Subscribed: {device}',
  'contacts.pushUnsupported': 'This browser does not support push notifications.',
  'contacts.pushOff': 'An administrator has not turned Web Push on.',
  'contacts.pushDenied': 'The browser did not allow notifications; allow them in its settings and try again.',
  'contacts.pushChina':
    'In mainland China browser pushes usually do not arrive (the push service Chrome uses cannot be reached): an ' +
    'extra only. Put SMS, a voice call or a work app first.',
  'contacts.primaryHint':
    'Put SMS or the person’s own work app first. A group robot posts to a group: it carries no acknowledge link ' +
    'and can only @mention the person.',
};

export type NotificationsT = Translator<NotificationsKey>;

export const { useText: useNotificationText } = createDictionary(zhCN, en);
