import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../components/download.js';
import { LoadError } from '../../components/LoadError.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { supervisionApi, type UnitSheet } from './api.js';
import { useSupervisionText } from './i18n.js';
import { RecordsDrawer, type RecordsTarget } from './RecordsDrawer.js';

/** One unit's sheet: its total, and each item with its formula, figure, evidence and the unit's answer. */
export function UnitSheetView({ sheetId, unitId }: { sheetId: string; unitId: string }) {
  const st = useSupervisionText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const view = useResource(() => supervisionApi.unitSheet(sheetId, unitId), [sheetId, unitId]);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  const data = view.data;
  if (!data) return <Card loading />;
  const { sheet, score } = data;
  return (
    <>
      <Card data-testid="unit-sheet">
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {score.unitName}
            </Typography.Title>
            <Typography.Text type="secondary">
              {sheet.title} · {st('assessment.period', { from: sheet.periodStart, to: sheet.periodEnd })}
            </Typography.Text>
          </div>
          <Space>
            <Statistic
              title={st('assessment.total')}
              value={score.total ?? st('assessment.noData')}
              suffix={score.total === null ? undefined : '%'}
              data-testid="unit-total"
            />
            <Button
              onClick={() =>
                void downloadFile(supervisionApi.unitDocx(sheetId, unitId), 'assessment.docx', locale).catch(
                  (e: Error) => message.error(e.message),
                )
              }
            >
              {st('assessment.docx')}
            </Button>
          </Space>
        </Flex>
        {score.total !== null ? (
          <Typography.Text type="secondary">
            {st('assessment.assessed', { weight: score.assessedWeight })}
          </Typography.Text>
        ) : null}
      </Card>
      {sheet.items.map((item, i) => {
        const s = score.items[i]!;
        return (
          <Card
            key={item.id}
            size="small"
            style={{ marginTop: 12 }}
            data-testid="sheet-item"
            title={
              <Space wrap>
                <span>{item.title}</span>
                <Tag>
                  {st('assessment.weight')} {item.weight}
                </Tag>
                <Tag color={item.kind === 'manual' ? 'purple' : 'blue'}>
                  {st(item.kind === 'manual' ? 'assessment.manual' : 'assessment.computed')}
                </Tag>
              </Space>
            }
            extra={
              s.noData ? (
                <Tag data-testid="item-points">{st('assessment.noData')}</Tag>
              ) : (
                <Typography.Text strong data-testid="item-points">
                  {s.points}
                </Typography.Text>
              )
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {item.formula}
            </Typography.Paragraph>
            {item.kind === 'computed' ? (
              <Button
                size="small"
                onClick={() =>
                  setRecords({ sheetId, unitId, unitName: score.unitName, itemId: item.id, itemTitle: item.title })
                }
              >
                {st('assessment.records')} {s.met}/{s.counted}
              </Button>
            ) : s.evidence ? (
              <Typography.Paragraph>
                {st('assessment.evidence')}: {s.evidence}
              </Typography.Paragraph>
            ) : null}
            {item.kind === 'manual' && sheet.canEdit ? (
              <ScoreForm data={data} itemId={item.id} weight={item.weight} onSaved={view.reload} />
            ) : null}
            {s.answer ? (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                <Tag>{st('assessment.answer')}</Tag>
                {s.answer}
              </Typography.Paragraph>
            ) : null}
            {data.canAnswer ? (
              <AnswerForm data={data} itemId={item.id} initial={s.answer ?? ''} onSaved={view.reload} />
            ) : null}
          </Card>
        );
      })}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {st('assessment.rules')}
      </Typography.Paragraph>
      <RecordsDrawer target={records} onClose={() => setRecords(null)} />
    </>
  );
}

function ScoreForm({
  data,
  itemId,
  weight,
  onSaved,
}: {
  data: UnitSheet;
  itemId: string;
  weight: number;
  onSaved: () => void;
}) {
  const st = useSupervisionText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ score: number; evidence: string }>();
  const save = async (v: { score: number; evidence: string }) => {
    try {
      await supervisionApi.score(data.sheet.id, data.score.unitId, itemId, v.score, v.evidence ?? '');
      message.success(st('assessment.saved'));
      onSaved();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void save(v)} style={{ marginTop: 8, rowGap: 8 }}>
      <Form.Item name="score" label={st('assessment.score')}>
        <InputNumber min={0} max={weight} />
      </Form.Item>
      <Form.Item name="evidence" label={st('assessment.evidence')} style={{ minWidth: 240 }}>
        <Input />
      </Form.Item>
      <Button htmlType="submit">{st('assessment.saveScore')}</Button>
    </Form>
  );
}

function AnswerForm({
  data,
  itemId,
  initial,
  onSaved,
}: {
  data: UnitSheet;
  itemId: string;
  initial: string;
  onSaved: () => void;
}) {
  const st = useSupervisionText();
  const { message } = App.useApp();
  const [text, setText] = useState(initial);
  const send = async () => {
    try {
      await supervisionApi.answer(data.sheet.id, data.score.unitId, itemId, text);
      message.success(st('assessment.answered'));
      onSaved();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={st('assessment.answerPlaceholder')}
        aria-label={st('assessment.answer')}
      />
      <Button onClick={() => void send()} disabled={!text.trim()}>
        {st('assessment.sendAnswer')}
      </Button>
    </Space.Compact>
  );
}
