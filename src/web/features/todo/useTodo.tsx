import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useResource, type Resource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { todoApi, type MyTodo } from './api.js';

export interface TodoResource extends Resource<MyTodo> {
  /** Server time minus browser time when the list was read: countdowns run on the server's clock. */
  skewMs: number;
}

const TodoContext = createContext<TodoResource | null>(null);

/**
 * One to-do list for the signed-in screens (the home screen and the bell share it), re-read on
 * every live event the board and the bell hear (an inbox changed, an incident or a daily report in
 * one's units), on reconnecting, on the slow fallback poll, and on moving to another screen: what
 * was just done elsewhere sends its doer no event, so coming back shows the list without it.
 */
export function TodoProvider({ children }: { children: ReactNode }) {
  const skew = useRef(0);
  const todo = useResource(async () => {
    const asked = Date.now();
    const answer = await todoApi.mine();
    skew.current = Date.parse(answer.at) - (asked + Date.now()) / 2;
    return answer;
  }, []);
  // A roll call's marks come many a second; its start reaches the teachers as a notification, which re-reads.
  useLive((event) => {
    if (event.kind !== 'roll-call') todo.reload();
  });
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    todo.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return <TodoContext.Provider value={{ ...todo, skewMs: skew.current }}>{children}</TodoContext.Provider>;
}

export function useTodo(): TodoResource {
  const todo = useContext(TodoContext);
  if (!todo) throw new Error('useTodo needs a TodoProvider (the app shell)');
  return todo;
}
