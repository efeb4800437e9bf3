import { App, Button, Empty, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useResource } from '../../components/useResource.js';
import { inspectionsApi, type Template } from './api.js';
import { useInspectionText } from './i18n.js';

interface Props {
  unitId: string;
  open: boolean;
  onClose: () => void;
  onCopied: () => void;
}

/** The checklists Steady ships; one tap copies one into the unit, in the unit's language. */
export function TemplateModal({ unitId, open, onClose, onCopied }: Props) {
  const tn = useInspectionText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const templates = useResource(() => (open ? inspectionsApi.templates(unitId) : Promise.resolve([])), [unitId, open]);

  const copy = async (template: Template) => {
    setBusy(template.id);
    try {
      const made = await inspectionsApi.copyTemplate(unitId, template.id);
      message.success(tn('templates.copied', { name: made.name }));
      onCopied();
      onClose();
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setBusy(null);
    }
  };

  const all = templates.data ?? [];
  const section = (title: string, items: Template[]) =>
    items.length > 0 && (
      <>
        <Typography.Text type="secondary" strong style={{ display: 'block', margin: '8px 0 4px' }}>
          {title}
        </Typography.Text>
        <List
          size="small"
          dataSource={items}
          renderItem={(template) => (
            <List.Item
              data-template-id={template.id}
              actions={[
                <Button
                  key="copy"
                  type={template.suits ? 'primary' : 'default'}
                  loading={busy === template.id}
                  onClick={() => void copy(template)}
                >
                  {tn('templates.copy')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={template.area}
                description={tn('templates.items', {
                  n: template.itemCount,
                  cadence: tn(`cadence.${template.frequency}`),
                })}
              />
            </List.Item>
          )}
        />
      </>
    );

  return (
    <Modal open={open} title={tn('templates.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{tn('templates.intro')}</Typography.Paragraph>
      {templates.loading ? null : all.length === 0 ? (
        <Empty />
      ) : (
        <div data-testid="template-list">
          {section(
            tn('templates.suits'),
            all.filter((x) => x.suits),
          )}
          {section(
            tn('templates.other'),
            all.filter((x) => !x.suits),
          )}
        </div>
      )}
    </Modal>
  );
}
