// Screenshot fixture (temporary, not part of the repo): a server with the demo, a special period,
// two weeks of statuses and a directive.
import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { loadConfig } from './src/server/config.js';
import { loadDemo } from './src/server/demo/load-demo.js';
import { startServer } from './src/server/server.js';

const dir = '/tmp/drshots/data';
rmSync(dir, { recursive: true, force: true });
const PASSWORD = 'shots-password-1';
const config = loadConfig({ STEADY_DATA_DIR: dir, PORT: '8791', HOST: '127.0.0.1', LOG_LEVEL: 'error', STEADY_WEB_DIR: '/tmp/dr-web' });
const server = await startServer(config);
const c = server.container;
await loadDemo(c, PASSWORD);
const url = server.url;

async function client(username: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await res.json()) as { csrfToken: string; scopes: { unitId: string }[] };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}/api/v1${path}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { me, call };
}
const unit = async (name: string) => (await c.db.selectFrom('units').select(['id']).where('name', '=', name).executeTakeFirstOrThrow()).id;
const today = DateTime.now().setZone('Asia/Shanghai');
const bureau = await unit('青山县教育局');
const head = await client('bureau.head');
const plan = await head.call('POST', '/plans', { unitId: bureau, template: 'special_period', period: { name: '寒假', startDate: today.minus({ days: 20 }).toISODate(), endDate: today.plus({ days: 20 }).toISODate() } });
const reportingChain = [
  { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
  { kind: 'notify', target: 'unit', role: 'safety_officer', deadlineMinutes: 30, note: '' },
];
await head.call('PATCH', `/plans/${plan.planId}/draft`, { coversSubUnits: true, content: { ...plan.content, dailyReport: { required: true, deadline: '23:30' }, reportingChain } });
await head.call('POST', `/plans/${plan.planId}/publish`, {});

// Two weeks of past statuses for the screenshot (the engine plans only from today on).
const units = await c.db.selectFrom('units').select(['id', 'path']).execute();
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
for (const u of units.filter((x) => x.path !== `/${bureau}/` && x.path.startsWith(`/${bureau}/`) || x.id === bureau)) {
  for (let d = 20; d >= 1; d--) {
    const day = today.minus({ days: d }).toISODate()!;
    const r = random();
    const code = r < 0.8 ? 'o' : r < 0.9 ? 'l' : 'm';
    const month = day.slice(0, 7);
    await c.db.insertInto('daily_report_months').values({ month, unit_id: u.id, days: '.'.repeat(31) }).onConflict((oc) => oc.columns(['month', 'unit_id']).doNothing()).execute();
    const i = Number(day.slice(8));
    const row = await c.db.selectFrom('daily_report_months').select('days').where('month', '=', month).where('unit_id', '=', u.id).executeTakeFirstOrThrow();
    await c.db.updateTable('daily_report_months').set({ days: row.days.slice(0, i - 1) + code + row.days.slice(i) }).where('month', '=', month).where('unit_id', '=', u.id).execute();
    if (code !== 'm') await c.db.insertInto('daily_reports').values({ id: crypto.randomUUID(), unit_id: u.id, day, status: code === 'o' ? 'on_time' : 'late', zero: d % 4 ? 1 : 0, items_json: d % 4 ? '[]' : JSON.stringify([{ kind: 'problems', text: '东侧围墙有一处裂缝，已设置警示并报修。' }]), deadline: '15:00', submitted_at: today.minus({ days: d }).set({ hour: code === 'o' ? 14 : 16 }).toUTC().toISO()!, submitted_by_person_id: null }).execute();
  }
}
await new Promise((r) => setTimeout(r, 1500)); // the engine plans today
for (const name of ['s1.teacher1', 's2.teacher1', 'k2.teacher1', 's4.teacher1', 's5.teacher1']) {
  const who = await client(name);
  await who.call('POST', '/daily-reports/zero', { unitId: who.me.scopes[0]!.unitId });
}
const s3 = await client('s3.safety');
await s3.call('POST', '/daily-reports', { unitId: s3.me.scopes[0]!.unitId, items: [{ kind: 'safety', text: '午间巡查发现二楼消防通道堆放杂物，已清理。' }, { kind: 'requests', text: '请中心学校协调更换两具过期灭火器。' }] });

const cs1head = await client('cs1.head');
const [cs1, s1, s2, k1] = await Promise.all(['青山县城关镇中心学校', '城关镇第一小学', '城关镇第二小学', '城关镇中心幼儿园'].map(unit));
const directive = await cs1head.call('POST', '/directives', {
  senderUnitId: cs1, kind: 'notice', title: '关于做好寒假期间校园安全工作的通知', targetUnitIds: [s1, s2, k1],
  text: '各学校、幼儿园：\n寒假期间，请落实 24 小时值班和领导带班制度，每日 15:00 前报送每日报告（无事也须零报告）。\n请于收到后签收，并于规定时间内回复本单位值班安排。',
  signDueAt: DateTime.now().plus({ hours: 20 }).toUTC().toISO(), replyDueAt: DateTime.now().plus({ days: 3 }).toUTC().toISO(),
});
const s1head = await client('s1.head');
await s1head.call('POST', `/directives/${directive.id}/sign`, { unitId: s1 });
await s1head.call('POST', `/directives/${directive.id}/reply`, { unitId: s1, text: '已签收。寒假值班表已排定，校长带班，值班电话 0731-0000000。' });
console.log(JSON.stringify({ url, directive: directive.id, cs1 }));
