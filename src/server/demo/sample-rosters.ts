import type { Container } from '../container.js';
import type { SystemActor } from '../modules/auth/actor.js';
import { accountByUsername } from '../modules/auth/auth.repository.js';
import { samplePhone } from './sample-organisation.js';

const demoActor: SystemActor = { kind: 'system', label: 'demo' };

/** The sample school whose classes have pupils (the others start empty, to try an import). */
export const ROSTER_SCHOOL = 's2';

/*
 * Made-up pupils with the textbook names every Chinese reader knows as "anyone" (小明, 小红…), and
 * adults named after them ("小明爸爸"): obviously fictional, and few. The first class is the sample
 * teacher's, so the roll call has a class on their phone.
 */
const CLASSES: { name: string; teacher: string | null; pupils: string[] }[] = [
  {
    name: '一年级1班',
    teacher: `${ROSTER_SCHOOL}.teacher1`,
    pupils: ['李小明', '王小红', '张小刚', '刘小丽', '陈小华', '杨小军'],
  },
  { name: '一年级2班', teacher: null, pupils: ['赵小芳', '黄小强', '周小燕', '吴小龙', '徐小雨'] },
  { name: '二年级1班', teacher: null, pupils: ['孙小雪', '马小兵', '朱小玲', '胡小海', '郭小云'] },
];

/**
 * A small roster for one sample school: three classes of made-up pupils, each with one made-up
 * adult who may collect them, so the roll call and its screens have children to mark.
 * Returns how many pupils it added.
 */
export async function seedSampleRosters(c: Container, schoolId: string): Promise<number> {
  let added = 0;
  for (const cls of CLASSES) {
    const teacher = cls.teacher ? await accountByUsername(c.db, cls.teacher) : undefined;
    const row = await c.rosters.createClass(demoActor, {
      unitId: schoolId,
      name: cls.name,
      teacherPersonId: teacher?.person_id ?? null,
    });
    for (const name of cls.pupils) {
      const given = name.slice(1);
      await c.rosters.addPupil(demoActor, {
        classId: row.id,
        name,
        adults: [
          {
            name: `${given}${added % 2 === 0 ? '妈妈' : '爸爸'}`,
            relation: added % 2 === 0 ? '母亲' : '父亲',
            mobile: samplePhone(5000 + added),
            idLast4: null,
            guardian: true,
            mayCollect: true,
          },
        ],
      });
      added += 1;
    }
  }
  return added;
}
