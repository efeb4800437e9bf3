import { useRef } from 'react';
import { useResource, type Resource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { todoApi, type MyTodo } from './api.js';

export interface TodoResource extends Resource<MyTodo> {
  /** Server time minus browser time when the list was read: countdowns run on the server's clock. */
  skewMs: number;
}

/**
 * The to-do list, re-read on every live event the board and the bell hear (an inbox changed, an
 * incident or a daily report in one's units), on reconnecting, and on the slow fallback poll.
 * Every screen mounts it afresh, so coming back from doing something shows the list without it.
 */
export function useTodo(): TodoResource {
  const skew = useRef(0);
  const todo = useResource(async () => {
    const asked = Date.now();
    const answer = await todoApi.mine();
    skew.current = Date.parse(answer.at) - (asked + Date.now()) / 2;
    return answer;
  }, []);
  useLive(() => todo.refresh());
  return { ...todo, skewMs: skew.current };
}
