import type { Locale } from '../../common/locale.js';
import type { PlanVersion, TemplateId } from '../../common/schemas/plans.js';
import { planBlanks } from '../../common/plan-blanks.js';
import { loadPlanTemplate } from './plan-templates.js';

/*
 * A plan version made from a template with invented people: what a template looks like once a unit
 * has filled it in. Tests render it; it can also preview a template before a unit adopts it.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const PEOPLE: Record<Locale, { name: string; phone: string | null }[]> = {
  'zh-CN': [
    { name: '王丽', phone: '13800000001' },
    { name: '李强', phone: '13800000002' },
    { name: '张敏', phone: '13800000003' },
    { name: '赵静', phone: '13800000004' },
    { name: '陈刚', phone: null },
  ],
  en: [
    { name: 'Wang Li', phone: '13800000001' },
    { name: 'Li Qiang', phone: '13800000002' },
    { name: 'Zhang Min', phone: '13800000003' },
    { name: 'Zhao Jing', phone: '13800000004' },
    { name: 'Chen Gang', phone: null },
  ],
};

const UNIT_NAMES: Record<TemplateId, Record<Locale, string>> = {
  kindergarten: { 'zh-CN': '城关第一幼儿园', en: 'Chengguan No. 1 Kindergarten' },
  school: { 'zh-CN': '城关第一小学', en: 'Chengguan No. 1 Primary School' },
  community: { 'zh-CN': '东风社区居民委员会', en: 'Dongfeng Community' },
  special_period: { 'zh-CN': '城关第一小学', en: 'Chengguan No. 1 Primary School' },
  special_period_community: { 'zh-CN': '东风社区居民委员会', en: 'Dongfeng Community' },
};

export function samplePlanVersion(templateId: TemplateId, locale: Locale): PlanVersion {
  const template = loadPlanTemplate(templateId);
  const people = PEOPLE[locale].map((person, i) => ({ id: id(i + 1), ...person }));
  const [leader, deputy, office, ...members] = people;
  const unitName = UNIT_NAMES[templateId][locale];
  const content = template.content[locale];
  content.leadership = {
    ...content.leadership,
    leaderId: leader?.id ?? null,
    deputyIds: deputy ? [deputy.id] : [],
    memberIds: [office, ...members].flatMap((p) => (p ? [p.id] : [])),
    officeContactId: office?.id ?? null,
  };
  const periodName = template.period?.[locale].name;
  return {
    id: id(101),
    planId: id(102),
    unitId: id(103),
    unitName,
    unitType: template.unitTypes[0] ?? 'other',
    kind: template.kind,
    title: template.title[locale].replace('{unit}', unitName),
    locale,
    version: 1,
    status: 'published',
    period: periodName ? { name: periodName, startDate: '2025-01-18', endDate: '2025-02-16' } : null,
    coversSubUnits: false,
    content,
    people,
    createdAt: '2025-01-02T02:00:00.000Z',
    updatedAt: '2025-01-05T02:00:00.000Z',
    publishedAt: '2025-01-06T02:00:00.000Z',
    approvedBy: leader ?? null,
    blanks: planBlanks({
      title: template.title[locale].replace('{unit}', unitName),
      period: periodName ? { name: periodName } : null,
      content,
    }),
  };
}
