import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Switch, Typography } from 'antd';
import { useState } from 'react';

import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { PeopleTable } from './PeopleTable.js';
import { PersonDrawer } from './PersonDrawer.js';
import { PersonEditor, type PersonEditorTarget } from './PersonEditor.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';

/** Everyone registered in the units the user can see; filters live in the address for sharing. */
export default function PeoplePage() {
  const t = useT();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [params, update] = useQueryParams({ resetPage: true });
  const unitId = params.get('unit') ?? undefined;
  const subtree = params.get('subtree') !== '0';
  const q = params.get('q') ?? '';
  const { page, pageSize } = pageParams(params, update);
  const [opened, setOpened] = useState<Person | null>(null);
  const [editing, setEditing] = useState<PersonEditorTarget | null>(null);

  const people = useResource(
    () => peopleApi.list({ unitId, subtree, q: q || undefined, page, pageSize }),
    [unitId, subtree, q, page, pageSize],
  );

  const onSaved = (person: Person) => {
    setEditing(null);
    people.reload();
    setOpened(person);
  };

  return (
    <>
      <PageTitle
        title={t('people.title')}
        extra={
          canManageAnything(me) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: 'create', homeUnitId: unitId })}
            >
              {t('people.add')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={t('people.allUnits')}
            allowClear
            style={{ width: compact ? '100%' : 280 }}
          />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <Switch
              size="small"
              checked={subtree}
              disabled={!unitId}
              onChange={(on) => update({ subtree: on ? undefined : '0' })}
            />
            <Typography.Text>{t('people.subtree')}</Typography.Text>
          </label>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('people.search')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: compact ? '100%' : 280 }}
            data-testid="people-search"
          />
        </Flex>
      </Card>
      {people.error ? <LoadError error={people.error} onRetry={people.reload} /> : null}
      <PeopleTable people={people} compact={compact} onOpen={setOpened} />
      <PersonDrawer
        person={opened}
        onClose={() => setOpened(null)}
        onChanged={(person) => {
          setOpened(person);
          people.reload();
        }}
        onEdit={(person) => setEditing({ kind: 'edit', person })}
      />
      <PersonEditor target={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
    </>
  );
}
