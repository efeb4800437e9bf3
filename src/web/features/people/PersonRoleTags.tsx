import { Flex, Tag, Typography } from 'antd';
import type { Person } from '../../../common/schemas/people.js';
import { ROLE_COLOURS, roleLabel } from '../../components/labels.js';
import { useT } from '../../i18n/index.js';

/** "安全负责人 · 城关镇第一小学" tags; the unit is left out when it is the person's home unit. */
export function PersonRoleTags({ person, onRemove }: { person: Person; onRemove?: (roleId: string) => void }) {
  const t = useT();
  if (person.roles.length === 0) return <Typography.Text type="secondary">{t('people.noRoles')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {person.roles.map((r) => (
        <Tag
          key={r.id}
          color={ROLE_COLOURS[r.role]}
          style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
          closable={Boolean(onRemove)}
          onClose={(e) => {
            e.preventDefault();
            onRemove?.(r.id);
          }}
        >
          {roleLabel(t, r.role)}
          {r.unitId !== person.homeUnitId && ` · ${r.unitName}`}
        </Tag>
      ))}
    </Flex>
  );
}
