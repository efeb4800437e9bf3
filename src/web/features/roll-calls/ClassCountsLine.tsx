import { Flex, Tag } from 'antd';
import type { MarkStatus } from './api.js';
import { useRollCallText } from './i18n.js';
import { countMarks } from './marks.js';

/** A class's counts as tags: present, missing, injured, absent, not yet marked. */
export function ClassCountsLine({ subjects }: { subjects: { status: MarkStatus | null }[] }) {
  const rt = useRollCallText();
  const c = countMarks(subjects);
  return (
    <Flex gap={4} wrap style={{ marginTop: 8 }} data-testid="class-counts">
      <Tag color="green" data-testid="count-present">
        {rt('count.present', { n: c.present })}
      </Tag>
      <Tag color={c.missing > 0 ? 'red' : undefined} data-testid="count-missing">
        {rt('count.missing', { n: c.missing })}
      </Tag>
      {c.injured > 0 && <Tag color="orange">{rt('count.injured', { n: c.injured })}</Tag>}
      {c.absent > 0 && <Tag>{rt('count.absent', { n: c.absent })}</Tag>}
      <Tag color={c.notReported > 0 ? 'blue' : undefined} data-testid="count-not-reported">
        {rt('count.notReported', { n: c.notReported })}
      </Tag>
    </Flex>
  );
}
