import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import { peopleApi } from '../../api/endpoints.js';
import { useResource } from '../../components/useResource.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { useIncidentText } from './i18n.js';
import { DateField } from '../../components/date-fields/DateField.js';

/** The follow-up tasks of an after-action report: a task, an owner from the unit's people, a date. */
export function FollowUps({ unitId }: { unitId: string }) {
  const it = useIncidentText();
  const people = useResource(() => peopleApi.list({ unitId, subtree: false, pageSize: 100 }), [unitId]);
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  // The earliest due date is the unit's today, as the server reads it in the unit's zone.
  const today = useUnitToday(unitId).data?.today;
  const required = (field: string) => [{ required: true, whitespace: true, message: it('report.required', { field }) }];

  return (
    <Form.List name="followUps">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="follow-up">
              <Form.Item
                name={[field.name, 'task']}
                label={it('close.task')}
                rules={required(it('close.task'))}
                style={{ marginBottom: 8 }}
              >
                <Input maxLength={500} />
              </Form.Item>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-end' }}>
                <Form.Item
                  name={[field.name, 'ownerId']}
                  label={it('close.owner')}
                  rules={[{ required: true, message: it('report.required', { field: it('close.owner') }) }]}
                  style={{ flex: '1 1 160px', marginBottom: 0 }}
                >
                  <Select options={options} loading={people.loading} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'dueDate']}
                  label={it('close.dueDate')}
                  rules={required(it('close.dueDate'))}
                  style={{ flex: '1 1 140px', marginBottom: 0 }}
                >
                  <DateField min={today} />
                </Form.Item>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={it('close.removeFollowUp')}
                  onClick={() => remove(field.name)}
                />
              </div>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ task: '', dueDate: '' })}
            block
            type="dashed"
            data-testid="add-follow-up"
          >
            {it('close.addFollowUp')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
