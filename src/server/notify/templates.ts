/**
 * SMS and voice vendors send only approved templates: fixed text with named variables. This is the
 * one place that decides, for a message, which template (by its kind) and which short parameters;
 * a message key with parameters per language (issue #13) maps onto it unchanged. The templates to
 * submit for approval are in docs/channels.md.
 */
import type { OutgoingMessage, TemplateKind } from './channels/channel.js';
import { hasDrillMark } from './channels/compose.js';

/** Aliyun: each variable of a notice template holds 1–35 characters (its template rules). */
export const ALIYUN_VARIABLE_MAX = 35;
/** Tencent reviews variable lengths with each template; ours are submitted for 20 characters. */
export const TENCENT_VARIABLE_MAX = 20;
/** Aliyun voice: all variables together under 250 characters, and no links. */
export const ALIYUN_VOICE_PARAMS_MAX = 249;

export interface TemplateCall {
  kind: TemplateKind;
  /** In template order: alert = unit, event, due, reply; notice = title. */
  names: string[];
  values: Record<string, string>;
}

/** The kind is the message's own; a message without parameters goes as a notice with its title. */
export function templateCall(message: OutgoingMessage, variableMax: number): TemplateCall {
  const drill = message.drill ? (message.locale === 'en' ? 'DRILL ' : '演练：') : '';
  const cut = (text: string) =>
    fit(
      text
        .replace(/[【】[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      variableMax,
    );
  if (message.template === 'alert' && message.params) {
    const p = message.params;
    const values = {
      unit: cut(p.unit ?? ''),
      event: cut(`${drill}${p.event ?? ''}`),
      due: cut(p.due ?? ''),
      reply: cut(message.ack?.reply ?? '1'),
    };
    return { kind: 'alert', names: ['unit', 'event', 'due', 'reply'], values };
  }
  // A title that already starts with 【演练】 says so once (the brackets become spaces below).
  const noticeDrill = hasDrillMark(message.title) ? '' : drill;
  return { kind: 'notice', names: ['title'], values: { title: cut(`${noticeDrill}${message.title}`) } };
}

/** The first `max` code points, the last one an ellipsis when cut. */
export function fit(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
