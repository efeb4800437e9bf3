import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { rostersApi, type Pupil, type RosterAdult } from './api.js';
import { useRosterText } from './i18n.js';

type Kind = 'guardian' | 'collector' | 'guardianNoCollect';
interface AdultFields {
  name: string;
  relation: string;
  mobile: string;
  idLast4?: string;
  kind: Kind;
}
interface Values {
  name: string;
  adults: AdultFields[];
}

const kindOf = (a: RosterAdult): Kind => (!a.guardian ? 'collector' : a.mayCollect ? 'guardian' : 'guardianNoCollect');
const flagsOf = (kind: Kind) => ({ guardian: kind !== 'collector', mayCollect: kind !== 'guardianNoCollect' });

/** Adds a pupil to a class, or corrects one: their name and the adults who may collect them (replaced as sent). */
export function PupilModal({
  classId,
  pupil,
  onClose,
  onSaved,
}: {
  classId: string;
  pupil: Pupil | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const rt = useRosterText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    const body = {
      classId,
      name: values.name,
      adults: (values.adults ?? []).map(({ kind, idLast4, ...a }) => ({
        ...a,
        idLast4: idLast4 ? idLast4 : null,
        ...flagsOf(kind),
      })),
    };
    if (pupil) await rostersApi.updatePupil(pupil.id, body);
    else await rostersApi.addPupil(body);
    message.success(rt('pupil.saved'));
    onSaved();
  });
  const initial: Values = pupil
    ? {
        name: pupil.name,
        adults: pupil.adults.map((a) => ({ ...a, idLast4: a.idLast4 ?? undefined, kind: kindOf(a) })),
      }
    : { name: '', adults: [{ name: '', relation: '', mobile: '', kind: 'guardian' }] };
  const kinds: Kind[] = ['guardian', 'collector', 'guardianNoCollect'];

  return (
    <Modal
      open
      title={pupil ? `${rt('pupil.edit')} · ${pupil.name}` : rt('pupil.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="pupil-form">
        <Form.Item name="name" label={rt('pupil.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.List name="adults">
          {(fields, { add, remove }) => (
            <fieldset className="steady-rosters-adults">
              <legend>{rt('pupil.adults')}</legend>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="start" data-testid={`adult-${index}`}>
                  <Form.Item name={[field.name, 'name']} label={rt('adult.name')} rules={[{ required: true, max: 40 }]}>
                    <Input style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'relation']}
                    label={rt('adult.relation')}
                    rules={[{ required: true, max: 20 }]}
                  >
                    <Input style={{ width: 90 }} placeholder={rt('adult.relationPlaceholder')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mobile']} label={rt('adult.mobile')} rules={[{ required: true }]}>
                    <Input style={{ width: 140 }} inputMode="tel" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'idLast4']}
                    label={rt('adult.idLast4')}
                    rules={[{ pattern: /^[0-9A-Za-z]{4}$/, message: rt('adult.idLast4') }]}
                  >
                    <Input style={{ width: 80 }} maxLength={4} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label={rt('adult.kind')}>
                    <Select style={{ width: 170 }} options={kinds.map((k) => ({ value: k, label: rt(`kind.${k}`) }))} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`${rt('adult.name')} ${index + 1} ×`}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
              ))}
              {fields.length < 6 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', relation: '', mobile: '', kind: 'collector' })}
                >
                  {rt('pupil.addAdult')}
                </Button>
              )}
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
