import { pickLocale } from '../../common/locale.js';

/** The CLI speaks the operator's language: zh-CN unless LANG or STEADY_LANG says English. */
export const cliLocale = () => pickLocale((process.env.STEADY_LANG || process.env.LANG || '').replace('_', '-').split('.')[0]);
const say = (zh: string, en: string) => (cliLocale() === 'en' ? en : zh);

export const setupHint = (url: string) =>
  say(`Steady 已启动：${url}\n首次使用：在浏览器中打开上面的地址，创建最上级单位和第一位管理员。`,
    `Steady is running at ${url}\nFirst run: open that address in a browser to create the top unit and the first administrator.`);

export const listening = (url: string) => say(`Steady 已启动：${url}`, `Steady is running at ${url}`);

export const demoSignIn = (url: string, password: string, generated: boolean) =>
  say(
    `\n示例组织已就绪。请在浏览器中打开 ${url} 登录：\n` +
      `  教育局管理员   admin\n  学校安全员     s1.safety\n  幼儿园园长     k1.head\n  街道主任       so.head\n` +
      `  密码（所有示例账号）：${password}${generated ? '（随机生成，已保存在数据目录的 demo-password.txt；可用 STEADY_DEMO_PASSWORD 指定）' : ''}\n`,
    `\nThe sample organisation is ready. Open ${url} and sign in as:\n` +
      `  bureau administrator  admin\n  school safety officer s1.safety\n  kindergarten head     k1.head\n  street office head    so.head\n` +
      `  password (every sample account): ${password}${generated ? ' (generated and kept in demo-password.txt in the data directory; set STEADY_DEMO_PASSWORD to choose one)' : ''}\n`,
  );

export const demoPassword = (password: string, generated: boolean) =>
  say(
    `示例账号（admin、s1.safety、k1.head、so.head 等）的密码：${password}${generated ? '（随机生成，已保存在数据目录的 demo-password.txt）' : ''}`,
    `Password of the sample accounts (admin, s1.safety, k1.head, so.head, …): ${password}${generated ? ' (generated and kept in demo-password.txt in the data directory)' : ''}`,
  );
export const demoLoaded = (units: number, people: number) =>
  say(`已载入示例组织：${units} 个单位，${people} 人。`, `Loaded the sample organisation: ${units} units, ${people} people.`);
export const samplePlansPublished = (plans: number) =>
  say(`已发布 ${plans} 份示例预案（学校和幼儿园每日 15:00 前报送每日报告）。`, `Published ${plans} sample plans (schools and kindergartens send a daily report by 15:00).`);
export const demoKept = () => say('数据库中已有单位，保留现有数据，不再载入示例。', 'The database already has units; keeping them and not loading the sample again.');
export const migrated = (names: string[]) =>
  names.length ? say(`已执行迁移：${names.join(', ')}`, `Applied migrations: ${names.join(', ')}`) : say('数据库已是最新结构。', 'The database is up to date.');
export const auditOk = (n: number) => say(`审计链完好：已核对 ${n} 条记录。`, `The audit chain is intact: ${n} entries checked.`);
export const auditBad = (seq: number, reason: string) => say(`审计链被篡改：第一条有问题的记录是第 ${seq} 条（${reason}）。`, `The audit chain has been tampered with: the first bad entry is #${seq} (${reason}).`);
export const userAdded = (username: string, password: string | null) =>
  say(`已创建账号 ${username}。${password ? `初始密码：${password}（首次登录须修改）` : ''}`, `Created account ${username}.${password ? ` Initial password: ${password} (must be changed at first sign-in)` : ''}`);
export const passwordReset = (username: string, password: string | null) =>
  say(`已重置 ${username} 的密码。${password ? `新密码：${password}（登录后须修改）` : ''}`, `Reset the password of ${username}.${password ? ` New password: ${password} (must be changed after signing in)` : ''}`);
export const noSuchUser = (username: string) => say(`没有用户名为 ${username} 的账号。`, `No account has the username ${username}.`);
export const noSuchUnit = (unit: string) => say(`找不到单位：${unit}`, `No unit matches: ${unit}`);
export const backupDone = (path: string) => say(`备份完成：${path}`, `Backup written to ${path}`);
export const pgBackupHint = (command: string) =>
  say(`PostgreSQL 数据库请用 pg_dump 备份（未找到 pg_dump 时请手动执行）：\n  ${command}`, `Back up a PostgreSQL database with pg_dump (run it yourself if pg_dump is not on PATH):\n  ${command}`);
