import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INCIDENT_STATUSES } from '../../../common/schemas/incidents.js';
import { StatusBody } from '../../../common/schemas/incidents.js';
import { MESSAGES } from '../../../server/lib/messages.js';
import { ackEn } from '../acknowledgements/i18n.en.js';
import { ackZhCN } from '../acknowledgements/i18n.zh-CN.js';
import { FORWARD_STATUSES } from './format.js';
import { incidentsEn } from './i18n.en.js';
import { incidentsZhCN } from './i18n.zh-CN.js';

/*
 * One kind of 确认 (issue #13): a chain step is acknowledged by the person it is addressed to
 * (确认收到 / Acknowledge receipt); the incident's status is moved by its handler, with buttons that
 * say what they change. No two different actions, and no action and a status, read the same.
 */
const LANGUAGES = [
  { name: 'zh-CN', t: incidentsZhCN as Record<string, string>, ack: ackZhCN as Record<string, string> },
  { name: 'en', t: incidentsEn as Record<string, string>, ack: ackEn as Record<string, string> },
] as const;

describe('the incident page’s wording', () => {
  it('offers the handler only the statuses set by hand; 已接报 follows from a chain step', () => {
    assert.deepEqual([...FORWARD_STATUSES], ['responding', 'under_control']);
    assert.deepEqual(
      StatusBody.shape.status.options,
      [...FORWARD_STATUSES],
      'the API takes the same statuses as the control offers',
    );
  });

  for (const { name, t, ack } of LANGUAGES) {
    describe(name, () => {
      const statusLabels = INCIDENT_STATUSES.map((s) => t[`status.${s}`]!);
      const statusButtons = FORWARD_STATUSES.map((s) => t[`status.to.${s}`]!);
      const stepButtons = [t['step.acknowledge']!, t['step.fileReport']!];

      it('names every status differently', () => {
        assert.equal(new Set(statusLabels).size, statusLabels.length, statusLabels.join(' / '));
      });

      it('every action reads differently from every other action and from every status', () => {
        const actions = [...statusButtons, ...stepButtons, t['close.button']!];
        assert.equal(new Set(actions).size, actions.length, actions.join(' / '));
        for (const action of actions) assert.ok(!statusLabels.includes(action), `"${action}" reads like a status`);
      });

      it('each status button says which status it sets', () => {
        for (const status of FORWARD_STATUSES) {
          const button = t[`status.to.${status}`]!;
          const label = t[`status.${status}`]!;
          assert.ok(button.toLowerCase().includes(label.toLowerCase()), `"${button}" names "${label}"`);
          assert.match(button, name === 'en' ? /^Mark as / : /^标记为/);
        }
      });

      it('the step is acknowledged as receipt, in words no status uses', () => {
        assert.match(t['step.acknowledge']!, name === 'en' ? /receipt/ : /确认收到/);
        assert.match(ack['ack.button']!, name === 'en' ? /receipt/ : /确认收到/, 'the one-tap link says the same');
        for (const label of statusLabels) {
          assert.ok(
            !label.includes(name === 'en' ? 'Acknowledg' : '确认'),
            `status "${label}" must not read like the step’s acknowledgement`,
          );
        }
        assert.notEqual(t['step.acknowledged'], t['status.acknowledged']);
        assert.notEqual(ack['ack.done'], t['status.acknowledged']);
      });
    });
  }

  it('the server asks for receipt to be acknowledged in both languages', () => {
    for (const key of ['incident.ask.notify', 'incident.ask.copy', 'incident.ask.deputy'] as const) {
      assert.match(MESSAGES[key]['zh-CN'], /确认/);
      assert.match(MESSAGES[key].en, /acknowledge receipt/);
    }
  });
});
