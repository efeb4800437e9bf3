import type { Role, UnitType } from '../../common/org.js';

/** One unit of the sample organisation, with a short code that the sample usernames start with. */
export interface SampleUnit {
  code: string;
  name: string;
  type: UnitType;
  children?: SampleUnit[];
}

/** One sample account: `<unit code>.<suffix>` (or a bare name such as `admin`). */
export interface SampleSeat {
  username: string;
  roles: Role[];
}

const school = (code: string, name: string): SampleUnit => ({ code, name, type: 'school' });
const kindergarten = (code: string, name: string): SampleUnit => ({ code, name, type: 'kindergarten' });

/*
 * A made-up county: the names describe no real place. The education bureau supervises two town
 * central schools, which supervise six schools and three kindergartens; a street office, a tree
 * of its own, looks after three residential communities.
 */
export const SAMPLE_TREES: SampleUnit[] = [
  {
    code: 'bureau',
    name: '青山县教育局',
    type: 'education_bureau',
    children: [
      {
        code: 'cs1',
        name: '青山县城关镇中心学校',
        type: 'central_school',
        children: [
          school('s1', '城关镇第一小学'),
          school('s2', '城关镇第二小学'),
          school('s3', '城关镇初级中学'),
          kindergarten('k1', '城关镇中心幼儿园'),
          kindergarten('k2', '城关镇阳光幼儿园'),
        ],
      },
      {
        code: 'cs2',
        name: '青山县石桥镇中心学校',
        type: 'central_school',
        children: [
          school('s4', '石桥镇中心小学'),
          school('s5', '石桥镇白沙小学'),
          school('s6', '石桥镇初级中学'),
          kindergarten('k3', '石桥镇中心幼儿园'),
        ],
      },
    ],
  },
  {
    code: 'so',
    name: '青山县城关街道办事处',
    type: 'street_office',
    children: [
      { code: 'c1', name: '东门社区', type: 'community' },
      { code: 'c2', name: '南街社区', type: 'community' },
      { code: 'c3', name: '河滨社区', type: 'community' },
    ],
  },
];

/** Who holds which roles in each kind of unit. */
export function seatsFor(unit: SampleUnit): SampleSeat[] {
  const seat = (suffix: string, ...roles: Role[]) => ({ username: `${unit.code}.${suffix}`, roles });
  switch (unit.type) {
    case 'education_bureau':
      return [
        { username: 'admin', roles: ['admin'] },
        seat('head', 'accountable_head'),
        seat('safety', 'safety_officer', 'supervisor'),
        seat('duty', 'duty_leader', 'duty_staff'),
      ];
    case 'central_school':
      return [
        seat('head', 'accountable_head', 'supervisor'),
        seat('safety', 'safety_officer', 'duty_leader'),
        seat('duty', 'duty_staff'),
      ];
    case 'street_office':
      return [
        seat('head', 'accountable_head', 'admin'),
        seat('safety', 'safety_officer', 'supervisor'),
        seat('duty', 'duty_staff'),
      ];
    case 'community':
      return [
        seat('head', 'accountable_head'),
        seat('safety', 'safety_officer', 'duty_leader'),
        seat('duty', 'duty_staff'),
        seat('staff', 'staff'),
      ];
    default:
      return [
        seat('head', 'accountable_head', 'duty_leader'),
        seat('safety', 'safety_officer'),
        seat('gate', 'gatekeeper'),
        seat('teacher1', 'class_teacher', 'duty_staff'),
      ];
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳琪晨雪思雨梓萱子涵一诺昊天';

/** A seeded generator (mulberry32), so the sample is the same on every machine and every run. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct plausible Chinese names: a surname and one or two given-name characters. */
export function sampleNames(count: number, seed = 20261129): string[] {
  const random = seeded(seed);
  const pick = (text: string) => [...text][Math.floor(random() * [...text].length)]!;
  const names = new Set<string>();
  while (names.size < count) {
    const given = random() < 0.6 ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
    names.add(pick(SURNAMES) + given);
  }
  return [...names];
}

/** A mobile number in the 13x–19x ranges, deterministic per index; not a real subscriber. */
export function samplePhone(index: number): string {
  return `139${String(10000000 + index * 7919).slice(-8)}`;
}

/** One account to show at start: the first unit of its type, the seat's roles, its username. */
export interface SampleAccount {
  unitType: UnitType;
  unitName: string;
  roles: Role[];
  username: string;
}

/**
 * Every seat of the first unit of each type, in tree order: together one account for every role
 * in every kind of unit, so that the start banner lets one try each of them.
 */
export function sampleAccounts(trees: SampleUnit[] = SAMPLE_TREES): SampleAccount[] {
  const seen = new Set<UnitType>();
  const accounts: SampleAccount[] = [];
  const walk = (unit: SampleUnit) => {
    if (!seen.has(unit.type)) {
      seen.add(unit.type);
      for (const seat of seatsFor(unit))
        accounts.push({ unitType: unit.type, unitName: unit.name, roles: seat.roles, username: seat.username });
    }
    for (const child of unit.children ?? []) walk(child);
  };
  trees.forEach(walk);
  return accounts;
}
