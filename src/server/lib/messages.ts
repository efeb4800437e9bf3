import type { Locale } from '../../common/locale.js';

type Params = Record<string, string | number>;
type Text = { 'zh-CN': string; en: string };

/**
 * Every sentence the server says to a person, in both languages. `{name}` marks a parameter.
 * Field labels are here too, so an error names the field in words the user knows.
 */
export const MESSAGES = {
  'problem.validation': { 'zh-CN': '提交的内容有误，请检查标出的字段。', en: 'Some fields are not valid; see the fields named below.' },
  'problem.notFound': { 'zh-CN': '找不到该记录，或您无权查看。', en: 'Not found, or you may not see it.' },
  'problem.routeNotFound': { 'zh-CN': '没有这个接口：{method} {url}', en: 'No such endpoint: {method} {url}' },
  'problem.forbidden': { 'zh-CN': '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  'problem.unauthenticated': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'problem.csrf': { 'zh-CN': '请求缺少有效的 CSRF 令牌，请刷新页面后重试。', en: 'The request has no valid CSRF token; reload the page and try again.' },
  'problem.badJson': { 'zh-CN': '请求体不是有效的 JSON：{detail}', en: 'The request body is not valid JSON: {detail}' },
  'problem.tooLarge': { 'zh-CN': '请求体过大，上限为 {limit} 字节。', en: 'The request body is too large; the limit is {limit} bytes.' },
  'problem.unsupportedMedia': { 'zh-CN': '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  'problem.rateLimited': { 'zh-CN': '尝试次数过多，请 {seconds} 秒后再试。', en: 'Too many attempts; try again in {seconds} seconds.' },
  'problem.conflict': { 'zh-CN': '与已有数据冲突。', en: 'This conflicts with existing data.' },
  'problem.internal': { 'zh-CN': '服务器内部错误，已记录，请稍后再试。', en: 'Internal server error; it has been logged. Please try again later.' },
  'auth.badCredentials': { 'zh-CN': '用户名或密码不正确。', en: 'Wrong username or password.' },
  'auth.disabled': { 'zh-CN': '该账号已停用。', en: 'This account is disabled.' },
  'auth.setupDone': { 'zh-CN': '系统已完成初始化。', en: 'Steady has already been set up.' },
  'unit.cycle': { 'zh-CN': '不能把单位移动到它自己或它的下级单位之下。', en: 'A unit cannot be moved under itself or one of its own sub-units.' },
  'unit.moveScopeRoot': { 'zh-CN': '不能移动您权限范围的最上级单位，请由上级单位操作。', en: 'You cannot move the top unit of your own scope; ask its parent unit.' },
  'unit.tooDeep': { 'zh-CN': '组织层级过深（最多 {max} 级）。', en: 'The tree would be too deep (at most {max} levels).' },
  'unit.hasChildren': { 'zh-CN': '该单位下还有下级单位，不能删除。', en: 'This unit still has sub-units and cannot be deleted.' },
  'unit.rootExists': { 'zh-CN': '只有系统管理员可以新建最上级单位。', en: 'Only an administrator can create a top-level unit.' },
  'person.usernameTaken': { 'zh-CN': '用户名“{username}”已被使用。', en: 'The username "{username}" is already taken.' },
  'person.hasAccount': { 'zh-CN': '此人已有账号。', en: 'This person already has an account.' },
  'role.duplicate': { 'zh-CN': '此人在该单位已担任该角色。', en: 'This person already holds that role in that unit.' },
  'role.lastAdmin': { 'zh-CN': '不能移除最后一位系统管理员。', en: 'The last administrator cannot be removed.' },
  'field.username': { 'zh-CN': '只能包含小写字母、数字和 . _ -，并以字母或数字开头', en: 'may contain only lower-case letters, digits and . _ -, starting with a letter or digit' },
  'field.phone': { 'zh-CN': '只能包含数字、空格和 + - ( )', en: 'may contain only digits, spaces and + - ( )' },
  'field.timeZone': { 'zh-CN': '不是有效的时区名称（例如 Asia/Shanghai）', en: 'is not a valid time zone name (for example Asia/Shanghai)' },
  'field.required': { 'zh-CN': '必填', en: 'is required' },
  'field.empty': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'field.tooShort': { 'zh-CN': '至少 {min} 个字符', en: 'must be at least {min} characters' },
  'field.tooLong': { 'zh-CN': '最多 {max} 个字符', en: 'must be at most {max} characters' },
  'field.tooSmall': { 'zh-CN': '不能小于 {min}', en: 'must be at least {min}' },
  'field.tooBig': { 'zh-CN': '不能大于 {max}', en: 'must be at most {max}' },
  'field.tooFewItems': { 'zh-CN': '至少需要 {min} 项', en: 'needs at least {min} items' },
  'field.tooManyItems': { 'zh-CN': '最多 {max} 项', en: 'may have at most {max} items' },
  'field.wrongType': { 'zh-CN': '类型错误，应为{expected}', en: 'must be {expected}' },
  'field.oneOf': { 'zh-CN': '取值无效，应为以下之一：{values}', en: 'must be one of: {values}' },
  'field.format': { 'zh-CN': '格式不正确（应为{format}）', en: 'is not a valid {format}' },
  'field.unknownKeys': { 'zh-CN': '包含未知字段：{keys}', en: 'has unknown fields: {keys}' },
  'field.invalid': { 'zh-CN': '取值无效', en: 'is not valid' },
  'type.string': { 'zh-CN': '文本', en: 'text' },
  'type.number': { 'zh-CN': '数字', en: 'a number' },
  'type.boolean': { 'zh-CN': '是/否', en: 'true or false' },
  'type.object': { 'zh-CN': '对象', en: 'an object' },
  'type.array': { 'zh-CN': '列表', en: 'a list' },
  'format.email': { 'zh-CN': '电子邮箱', en: 'e-mail address' },
  'format.uuid': { 'zh-CN': '编号', en: 'id' },
  'format.regex': { 'zh-CN': '规定的格式', en: 'format' },
  'format.datetime': { 'zh-CN': '日期时间', en: 'date and time' },
  'label.body': { 'zh-CN': '请求体', en: 'request body' },
  'label.name': { 'zh-CN': '名称', en: 'name' },
  'label.type': { 'zh-CN': '类型', en: 'type' },
  'label.parentId': { 'zh-CN': '上级单位', en: 'parent unit' },
  'label.timeZone': { 'zh-CN': '时区', en: 'time zone' },
  'label.locale': { 'zh-CN': '语言', en: 'language' },
  'label.username': { 'zh-CN': '用户名', en: 'username' },
  'label.password': { 'zh-CN': '密码', en: 'password' },
  'label.phone': { 'zh-CN': '电话', en: 'phone' },
  'label.email': { 'zh-CN': '电子邮箱', en: 'e-mail' },
  'label.role': { 'zh-CN': '角色', en: 'role' },
  'label.unitId': { 'zh-CN': '单位', en: 'unit' },
  'label.personId': { 'zh-CN': '人员', en: 'person' },
  'label.page': { 'zh-CN': '页码', en: 'page' },
  'label.pageSize': { 'zh-CN': '每页条数', en: 'page size' },
  'label.unit': { 'zh-CN': '单位', en: 'unit' },
  'label.currentPassword': { 'zh-CN': '当前密码', en: 'current password' },
  'label.newPassword': { 'zh-CN': '新密码', en: 'new password' },
  'label.roles': { 'zh-CN': '角色', en: 'roles' },
  'label.homeUnitId': { 'zh-CN': '所属单位', en: 'home unit' },
  'label.account': { 'zh-CN': '账号', en: 'account' },
  'label.mustChange': { 'zh-CN': '下次登录须改密码', en: 'must change password' },
  'label.id': { 'zh-CN': '编号', en: 'id' },
  'label.roleId': { 'zh-CN': '角色编号', en: 'role id' },
  'label.q': { 'zh-CN': '搜索词', en: 'search text' },
  'label.subtree': { 'zh-CN': '含下级单位', en: 'include sub-units' },
  'label.roots': { 'zh-CN': '仅最上级单位', en: 'top units only' },
  'label.admin': { 'zh-CN': '管理员', en: 'administrator' },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template: string = MESSAGES[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The label for a field path such as `admin.username`; falls back to the path itself. */
export function fieldLabel(locale: Locale, path: string): string {
  const last = path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? path;
  const key = `label.${last}` as MessageKey;
  return key in MESSAGES ? translate(locale, key) : path;
}
