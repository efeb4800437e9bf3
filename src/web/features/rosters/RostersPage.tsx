import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useQueryParams } from '../../components/useQueryParams.js';
import { useResource } from '../../components/useResource.js';
import { useMe } from '../auth/session.js';
import { rostersApi } from './api.js';
import { ClassRosterCard } from './ClassRosterCard.js';
import { useRosterText } from './i18n.js';
import { NewClassModal } from './NewClassModal.js';
import { TransferCard } from './TransferCard.js';
import './rosters.css';

const KEEPERS = ['accountable_head', 'safety_officer'];

/**
 * Class rosters: a school's head and safety officer keep every class (and import or export the
 * whole roster); a class teacher sees and keeps their own class. Which class is open is in the URL.
 */
export default function RostersPage() {
  const rt = useRosterText();
  const me = useMe();
  const [params, update] = useQueryParams();
  const unitId =
    params.get('unit') ?? me.scopes.find((s) => s.roles.includes('class_teacher'))?.unitId ?? me.scopes[0]?.unitId;
  const openClass = params.get('class');
  const keeper = me.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => KEEPERS.includes(r)));
  const classes = useResource(() => (unitId ? rostersApi.classes(unitId) : Promise.resolve([])), [unitId]);
  const [adding, setAdding] = useState(false);
  const list = classes.data ?? [];

  return (
    <div className="steady-rosters" data-testid="rosters-page">
      <PageTitle title={rt('page.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id, class: undefined })}
            placeholder={rt('page.chooseUnit')}
            style={{ minWidth: 240, flex: 1 }}
          />
          {keeper && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-class">
              {rt('class.new')}
            </Button>
          )}
        </Flex>
      </Card>
      {classes.error ? <LoadError error={classes.error} onRetry={classes.reload} /> : null}
      <div className="steady-rosters-body">
        <Card size="small" loading={classes.loading} className="steady-rosters-classes">
          {list.length === 0 ? (
            <Empty description={keeper ? rt('page.noClasses') : rt('page.noClassesTeacher')} />
          ) : (
            <List
              dataSource={list}
              renderItem={(c) => (
                <List.Item
                  className={c.id === openClass ? 'steady-rosters-open' : undefined}
                  onClick={() => update({ class: c.id })}
                  data-testid="class-row"
                  style={{ cursor: 'pointer' }}
                >
                  <List.Item.Meta
                    avatar={<TeamOutlined />}
                    title={c.name}
                    description={`${c.teacherName ?? rt('class.noTeacher')} · ${rt('class.pupils', { n: c.pupils })}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Flex vertical gap={12} className="steady-rosters-main">
          {openClass && unitId && (
            <ClassRosterCard key={openClass} classId={openClass} unitId={unitId} onChanged={classes.reload} />
          )}
          {keeper && unitId && <TransferCard unitId={unitId} onImported={classes.reload} />}
        </Flex>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
        {rt('page.privacy')}
      </Typography.Paragraph>
      {adding && unitId && (
        <NewClassModal
          unitId={unitId}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            classes.reload();
          }}
        />
      )}
    </div>
  );
}
