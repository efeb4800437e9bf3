import { DeleteOutlined, DownloadOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { downloadFile } from '../../components/download.js';
import { LoadError } from '../../components/LoadError.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { rostersApi, type Pupil, type RosterAdult } from './api.js';
import { useRosterText } from './i18n.js';
import { PupilModal } from './PupilModal.js';

const kindKey = (a: RosterAdult) =>
  !a.guardian ? 'kind.collector' : a.mayCollect ? 'kind.guardian' : 'kind.guardianNoCollect';

/** One class's pupils with the adults who may collect them; its teacher or a keeper adds, corrects and purges. */
export function ClassRosterCard({
  classId,
  unitId,
  onChanged,
}: {
  classId: string;
  unitId: string;
  onChanged: () => void;
}) {
  const rt = useRosterText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const roster = useResource(() => rostersApi.roster(classId), [classId]);
  const [editing, setEditing] = useState<Pupil | 'new' | null>(null);

  const changed = () => {
    setEditing(null);
    roster.reload();
    onChanged();
  };
  const purge = async (pupil: Pupil) => {
    try {
      await rostersApi.purgePupil(pupil.id);
      message.success(rt('pupil.purged'));
      changed();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };
  const download = () =>
    downloadFile(rostersApi.exportUrl(unitId, classId), 'class-roster.xlsx', locale).catch((e: unknown) =>
      message.error(applyProblem(null, e)),
    );

  if (roster.error) return <LoadError error={roster.error} onRetry={roster.reload} />;
  const data = roster.data;
  return (
    <Card
      size="small"
      loading={roster.loading}
      title={data ? `${data.name} · ${rt('class.pupils', { n: data.roster.length })}` : ' '}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            {rt('transfer.exportClass')}
          </Button>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEditing('new')} data-testid="add-pupil">
            {rt('pupil.add')}
          </Button>
        </Space>
      }
      data-testid="class-roster"
    >
      {data && data.roster.length === 0 ? (
        <Empty description={rt('pupil.none')} />
      ) : (
        <List
          dataSource={data?.roster ?? []}
          renderItem={(pupil) => (
            <List.Item
              data-testid="pupil-row"
              actions={[
                <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setEditing(pupil)}>
                  {rt('pupil.edit')}
                </Button>,
                <Popconfirm
                  key="left"
                  title={rt('pupil.leftConfirm', { name: pupil.name })}
                  onConfirm={() => purge(pupil)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {rt('pupil.left')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Flex vertical gap={4}>
                <Typography.Text strong>{pupil.name}</Typography.Text>
                <Flex gap={4} wrap>
                  {pupil.adults.length === 0 && (
                    <Typography.Text type="secondary">{rt('pupil.noAdults')}</Typography.Text>
                  )}
                  {pupil.adults.map((a, i) => (
                    <Tag key={i} color={a.mayCollect ? 'blue' : 'default'}>
                      {a.relation} {a.name} · {a.mobile} · {rt(kindKey(a))}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {editing && (
        <PupilModal
          classId={classId}
          pupil={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      )}
    </Card>
  );
}
