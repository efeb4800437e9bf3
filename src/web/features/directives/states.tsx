import { Tag } from 'antd';
import type { DirectivesT } from './i18n.js';

interface SignState {
  signedAt: string | null;
  markedLate: boolean;
  signLate?: boolean;
  signDueAt?: string;
}

/** Where one unit stands with signing: to sign, overdue, signed, or signed late. */
export function signTag(dt: DirectivesT, s: SignState, now = Date.now()) {
  if (s.signedAt) {
    const late = s.signLate ?? s.markedLate;
    return late ? <Tag color="orange">{dt('state.signedLate')}</Tag> : <Tag color="green">{dt('state.signed')}</Tag>;
  }
  const overdue = s.markedLate || (s.signDueAt !== undefined && Date.parse(s.signDueAt) <= now);
  return overdue ? <Tag color="red">{dt('state.overdue')}</Tag> : <Tag color="blue">{dt('state.unsigned')}</Tag>;
}

export function replyTag(
  dt: DirectivesT,
  s: { repliedAt: string | null; replyLate?: boolean; replyDueAt: string | null },
) {
  if (s.repliedAt)
    return s.replyLate ? (
      <Tag color="orange">{dt('state.replyLate')}</Tag>
    ) : (
      <Tag color="green">{dt('state.replied')}</Tag>
    );
  return s.replyDueAt ? <Tag>{dt('state.awaitingReply')}</Tag> : null;
}

export const kindTag = (dt: DirectivesT, kind: 'notice' | 'directive') => (
  <Tag color={kind === 'directive' ? 'volcano' : 'geekblue'}>{dt(`kind.${kind}`)}</Tag>
);
