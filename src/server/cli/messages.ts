import { pickLocale } from '../../common/locale.js';
import type { UnitType } from '../../common/org.js';
import { HISTORY_DAYS, type HistoryCounts } from '../demo/history.js';
import { sampleAccounts, type SampleAccount } from '../demo/sample-organisation.js';
import { translate } from '../lib/messages.js';
import type { AuditProblem, AuditWarning } from '../modules/audit/audit-verify.js';

/** The CLI speaks the operator's language: zh-CN unless LANG or STEADY_LANG says English. */
export const cliLocale = () =>
  pickLocale((process.env.STEADY_LANG || process.env.LANG || '').replace('_', '-').split('.')[0]);
const say = (zh: string, en: string) => (cliLocale() === 'en' ? en : zh);

export const setupHint = (url: string) =>
  say(
    `Steady 已启动：${url}\n首次使用：在浏览器中打开上面的地址，创建最上级单位和第一位管理员。`,
    `Steady is running at ${url}\nFirst run: open that address in a ` +
      'browser to create the top unit and the first administrator.',
  );

export const listening = (url: string) => say(`Steady 已启动：${url}`, `Steady is running at ${url}`);

const GENERATED_NOTE_EN =
  ' (generated and kept in demo-password.txt in the data directory; set STEADY_DEMO_PASSWORD to choose one)';
export const demoSignIn = (
  url: string,
  password: string,
  generated: boolean,
  accounts: SampleAccount[] = sampleAccounts(),
) =>
  say(
    `\n示例组织已就绪。请在浏览器中打开 ${url} 登录（每种单位、每个角色各一个账号）：\n${accountTable(accounts)}` +
      `  密码（所有示例账号）：${password}${generated ? '（随机生成，已保存在数据目录的 demo-password.txt；可用 STEADY_DEMO_PASSWORD 指定）' : ''}\n`,
    `\nThe sample organisation is ready. Open ${url} and sign in as (one ` +
      `account per role and kind of unit):\n${accountTable(accounts)}` +
      `  password (every sample account): ${password}${generated ? GENERATED_NOTE_EN : ''}\n`,
  );

const UNIT_TYPE_LABELS: Record<UnitType, [string, string]> = {
  education_bureau: ['教育局', 'education bureau'],
  central_school: ['中心学校', 'central school'],
  school: ['学校', 'school'],
  kindergarten: ['幼儿园', 'kindergarten'],
  street_office: ['街道办事处', 'street office'],
  community: ['社区', 'community'],
  other: ['其他单位', 'other unit'],
};

/** Kind of unit, unit, roles, username: the username last on each line, so it is easy to copy. */
function accountTable(accounts: SampleAccount[]): string {
  const locale = cliLocale();
  const rows = [
    say('单位类型,单位,角色,用户名', 'kind of unit,unit,roles,username').split(','),
    ...accounts.map((a) => [
      UNIT_TYPE_LABELS[a.unitType][locale === 'en' ? 1 : 0],
      a.unitName,
      a.roles.map((r) => translate(locale, `role.${r}`)).join(locale === 'en' ? ', ' : '、'),
      a.username,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const pad = (cell: string, i: number) => cell + ' '.repeat(widths[i]! - displayWidth(cell) + 2);
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, i))).join('')}\n`).join('');
}

/** Columns a terminal gives the text: two for each CJK character. */
function displayWidth(text: string): number {
  return [...text].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
}

export const demoPassword = (password: string, generated: boolean) =>
  say(
    `示例账号（admin、s1.safety、k1.head、so.head 等）的密码：${password}${generated ? '（随机生成，已保存在数据目录的 demo-password.txt）' : ''}`,
    'Password of the sample accounts (admin, s1.safety, k1.head, so.head, ' +
      `…): ${password}${generated ? ' (generated and kept in demo-password.txt in the data directory)' : ''}`,
  );
export const demoLoaded = (units: number, people: number) =>
  say(
    `已载入示例组织：${units} 个单位，${people} 人。`,
    `Loaded the sample organisation: ${units} units, ${people} people.`,
  );
export const demoHistory = (h: HistoryCounts, seconds: number) =>
  say(
    `已生成过去 ${HISTORY_DAYS} 天的示例记录（示例载入共用时 ${seconds.toFixed(1)} ` +
      `秒）：每日报告 ${h.dailyReports} 份，事件 ${h.incidents} 起（已结案并附总结报告），` +
      `演练 ${h.drills} 次，检查 ${h.inspections} 次（整改任务 ${h.tasks} 项），访客 ${h.visitors} 人次，矛盾纠纷 ${h.cases} 件。`,
    `Wrote the past ${HISTORY_DAYS} days of the sample county (the demo loaded in ` +
      `${seconds.toFixed(1)} s): ${h.dailyReports} daily reports, ${h.incidents} incidents ` +
      `(closed, with after-action reports), ${h.drills} drills, ${h.inspections} inspections ` +
      `(${h.tasks} rectification tasks), ${h.visitors} visitors, ${h.cases} mediation cases.`,
  );
export const samplePlansPublished = (plans: number) =>
  say(
    `已发布 ${plans} 份示例预案（学校和幼儿园每日 15:00 前报送每日报告）。`,
    `Published ${plans} sample plans (schools and kindergartens send a daily report by 15:00).`,
  );
export const demoKept = () =>
  say(
    '数据库中已有单位，保留现有数据，不再载入示例。',
    'The database already has units; keeping them and not loading the sample again.',
  );
export const migrated = (names: string[]) =>
  names.length
    ? say(`已执行迁移：${names.join(', ')}`, `Applied migrations: ${names.join(', ')}`)
    : say('数据库已是最新结构。', 'The database is up to date.');
// --- audit verify, keygen, checkpoint (issue #12 item 9, #15) ---
export const auditOk = (n: number, waiting: number) =>
  say(
    `审计链完好：已核对 ${n} 条记录${waiting ? `，另有 ${waiting} 条已提交、认证有效、正等待入链` : ''}。`,
    `The audit chain is intact: ${n} entries ` +
      `checked${waiting ? `; ${waiting} more committed, authenticated and waiting to be chained` : ''}.`,
  );
export const auditCheckpointOk = (pos: number, at: string) =>
  say(
    `与最近的签名检查点一致（第 ${pos} 条，${at}）：此前的记录没有被截短、回滚或重算。`,
    `It matches the latest signed checkpoint (entry ${pos}, ` +
      `${at}): nothing up to it was cut short, rolled back or recomputed.`,
  );
export const auditWarning = (warning: AuditWarning) =>
  ({
    'no-key': say(
      '警告：未配置审计密钥（STEADY_AUDIT_KEY_FILE），持有数据库的人可以重算整条链。',
      'Warning: no audit key is configured (STEADY_AUDIT_KEY_FILE); ' +
        'whoever holds the database could recompute the whole chain.',
    ),
    'no-checkpoint': say(
      '警告：没有可比对的检查点（STEADY_AUDIT_CHECKPOINT_DIR），删除最后几条记录并回退链头无法被发现。',
      'Warning: no checkpoint to compare with (STEADY_AUDIT_CHECKPOINT_DIR); ' +
        'deleting the last entries and moving the head back would go unseen.',
    ),
    'not-anchored': say(
      '警告：链中没有用密钥认证的记录。',
      'Warning: no entry of the chain is authenticated with a key.',
    ),
  })[warning];
export const auditBad = (p: AuditProblem) =>
  say(`审计记录被篡改：${problemZh(p)}`, `The audit trail has been tampered with: ${problemEn(p)}`);
export const auditKeyWritten = (file: string, id: string, publicPem: string) =>
  say(
    `审计密钥已写入 ${file}（仅所有者可读），密钥编号 ${id}。请把它放在数据目录之外并另行备份；公钥（可公开，用于核对检查点）：\n${publicPem}`,
    `Audit key written to ${file} (readable by its owner only), key id ${id}. Keep it outside the data ` +
      `directory and back it up separately; the public key (shareable, to check checkpoints):\n${publicPem}`,
  );
export const auditCheckpointWritten = (pos: number, file: string) =>
  say(`已写入检查点：第 ${pos} 条，文件 ${file}。`, `Checkpoint written: entry ${pos}, in ${file}.`);
export const auditNoCheckpoint = () =>
  say(
    '未写入检查点：需要审计密钥和 STEADY_AUDIT_CHECKPOINT_DIR，且链上要有新记录。',
    'No checkpoint written: it needs an audit key and STEADY_AUDIT_CHECKPOINT_DIR, and new entries in the chain.',
  );

function problemZh(p: AuditProblem): string {
  switch (p.kind) {
    case 'gap':
      return `链上第 ${p.pos} 个位置缺失（下一个是 ${p.found}）。`;
    case 'unlinked':
      return `链上第 ${p.pos} 个位置没有接上前一个。`;
    case 'entry-removed':
      return `链上第 ${p.pos} 个位置的记录（第 ${p.seq} 号）被删除。`;
    case 'altered':
      return `第 ${p.seq} 号记录${p.pos ? `（链上第 ${p.pos} 个）` : '（等待入链）'}被改动：认证码与内容不符。`;
    case 'recomputed':
      return `链上第 ${p.pos} 个位置的链接被重算：与审计密钥算出的不符。`;
    case 'downgraded':
      return `第 ${p.seq} 号记录${p.pos ? `（链上第 ${p.pos} 个）` : ''}没有密钥认证，而此前的链有：被人不用密钥重算过。`;
    case 'unknown-key':
      return `有内容由未知密钥 ${p.keyId} 认证或签名；请提供该密钥，否则视为伪造。`;
    case 'head-mismatch':
      return `链头记为第 ${p.headPos} 个，而链在第 ${p.chainPos} 个结束：链头被移动过。`;
    case 'truncated':
      return `${p.checkpointAt} 的检查点证明链上已有 ${p.checkpointPos} 条，现在只剩 ${p.chainPos} 条：最后的记录被删除或数据库被回滚。`;
    case 'rewritten':
      return `链上第 ${p.checkpointPos} 个位置与 ${p.checkpointAt} 的检查点不符：此前的记录被重写。`;
    case 'bad-checkpoint':
      return `检查点文件第 ${p.line} 行不是有效签名的检查点：检查点文件被改动过。`;
    case 'marker-orphan':
      return `第 ${p.seq} 号记录在等待入链时被删除。`;
    case 'chained-twice':
      return `第 ${p.seq} 号记录已在链上，却又在等待入链：它被删除后又放回。`;
    case 'stray':
      return `第 ${p.seq} 号记录既不在链上也不在等待入链：被插入或其标记被删除。`;
  }
}

function problemEn(p: AuditProblem): string {
  switch (p.kind) {
    case 'gap':
      return `chain position ${p.pos} is missing (next found: ${p.found}).`;
    case 'unlinked':
      return `chain position ${p.pos} does not link to the one before it.`;
    case 'entry-removed':
      return `the entry at chain position ${p.pos} (#${p.seq}) was removed.`;
    case 'altered':
      return (
        `entry #${p.seq}${p.pos ? ` (chain position ${p.pos})` : ' (waiting to be chained)'} ` +
        'was altered: its authenticator does not match its content.'
      );
    case 'recomputed':
      return `the link at chain position ${p.pos} was recomputed: it does not match what the audit key makes.`;
    case 'downgraded':
      return (
        `entry #${p.seq}${p.pos ? ` (chain position ${p.pos})` : ''} is not authenticated ` +
        'with a key though the chain before it is: it was recomputed without the key.'
      );
    case 'unknown-key':
      return (
        'something is authenticated or signed with an unknown ' + `key ${p.keyId}; give that key, or take it as forged.`
      );
    case 'head-mismatch':
      return `the head says position ${p.headPos} but the chain ends at ${p.chainPos}: the head was moved.`;
    case 'truncated':
      return (
        `the checkpoint of ${p.checkpointAt} vouched for ${p.checkpointPos} entries, ` +
        `the chain now has ${p.chainPos}: the last entries were deleted or the database was rolled back.`
      );
    case 'rewritten':
      return (
        `chain position ${p.checkpointPos} differs from the ` +
        `checkpoint of ${p.checkpointAt}: the chain up to it was rewritten.`
      );
    case 'bad-checkpoint':
      return `line ${p.line} of the checkpoints file is not a checkpoint signed by our key: the file was altered.`;
    case 'marker-orphan':
      return `entry #${p.seq} was removed while it waited to be chained.`;
    case 'chained-twice':
      return `entry #${p.seq} is in the chain and also waiting for a place: it was removed and put back.`;
    case 'stray':
      return `entry #${p.seq} is neither chained nor waiting: it was slipped in, or its marker removed.`;
  }
}
// --- end audit ---
export const userAdded = (username: string, password: string | null) =>
  say(
    `已创建账号 ${username}。${password ? `初始密码：${password}（首次登录须修改）` : ''}`,
    'Created account ' +
      `${username}.${password ? ` Initial password: ${password} (must be changed at first sign-in)` : ''}`,
  );
export const passwordReset = (username: string, password: string | null) =>
  say(
    `已重置 ${username} 的密码。${password ? `新密码：${password}（登录后须修改）` : ''}`,
    'Reset the password of ' +
      `${username}.${password ? ` New password: ${password} (must be changed after signing in)` : ''}`,
  );
export const noSuchUser = (username: string) =>
  say(`没有用户名为 ${username} 的账号。`, `No account has the username ${username}.`);
export const noSuchUnit = (unit: string) => say(`找不到单位：${unit}`, `No unit matches: ${unit}`);
export const backupDone = (path: string) => say(`备份完成：${path}`, `Backup written to ${path}`);
export const pgBackupHint = (command: string) =>
  say(
    `PostgreSQL 数据库请用 pg_dump 备份（未找到 pg_dump 时请手动执行）：\n  ${command}`,
    `Back up a PostgreSQL database with pg_dump (run it yourself if pg_dump is not on PATH):\n  ${command}`,
  );
