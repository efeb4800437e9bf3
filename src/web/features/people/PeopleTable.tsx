import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Person } from '../../../common/schemas/people.js';
import type { Page } from '../../../common/schemas/shared.js';
import { PagedTable, usePagedRows, useUrlPagination } from '../../components/PagedTable.js';
import type { Resource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { PersonRoleTags } from './PersonRoleTags.js';

interface Props {
  people: Resource<Page<Person>>;
  compact: boolean;
  onOpen: (person: Person) => void;
}

function AccountCell({ person }: { person: Person }) {
  const t = useT();
  if (!person.account) return <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>;
  return (
    <span>
      <Typography.Text code>{person.account.username}</Typography.Text>
      {person.account.disabled && <Tag color="default">{t('people.disabledTag')}</Tag>}
    </span>
  );
}

/** People as a table on wide screens and as a list of cards on a phone. */
export function PeopleTable({ people, compact, onOpen }: Props) {
  const t = useT();
  const showTotal = (total: number) => t('people.total', { total });
  const { page, loading } = usePagedRows(people);
  const pagination = useUrlPagination(page, showTotal, { compact });
  const empty = <Empty description={t('people.empty')} />;

  if (compact) {
    return (
      <List
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={pagination}
        locale={{ emptyText: empty }}
        data-testid="people-list"
        renderItem={(person) => (
          <Card size="small" style={{ marginBottom: 8 }} onClick={() => onOpen(person)} hoverable>
            <Flex justify="space-between" align="baseline" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {person.name}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: '55%' }}>
                {person.homeUnitName}
              </Typography.Text>
            </Flex>
            <div style={{ margin: '6px 0' }}>
              <PersonRoleTags person={person} />
            </div>
            <Flex gap={16} wrap>
              {person.phone && (
                <a href={`tel:${person.phone}`} onClick={(e) => e.stopPropagation()}>
                  <PhoneOutlined /> {person.phone}
                </a>
              )}
              {person.account && (
                <Typography.Text type="secondary">
                  <UserOutlined /> {person.account.username}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      width: 140,
      fixed: 'left',
      render: (name: string, person) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(person)}>
          {name}
        </Button>
      ),
    },
    { title: t('people.homeUnit'), dataIndex: 'homeUnitName', width: 200 },
    { title: t('people.roles'), key: 'roles', render: (_, person) => <PersonRoleTags person={person} /> },
    {
      title: t('people.phone'),
      dataIndex: 'phone',
      width: 140,
      render: (phone: string | null) => phone ?? t('common.none'),
    },
    { title: t('people.account'), key: 'account', width: 170, render: (_, person) => <AccountCell person={person} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, person) => (
        <Button size="small" onClick={() => onOpen(person)}>
          {t('people.details')}
        </Button>
      ),
    },
  ];

  return (
    <PagedTable<Person>
      resource={people}
      showTotal={showTotal}
      rowKey="id"
      columns={columns}
      locale={{ emptyText: empty }}
      scroll={{ x: 900 }}
      size="middle"
      data-testid="people-table"
    />
  );
}
