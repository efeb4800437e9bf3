import type { MyTodo } from '../../../common/schemas/todo.js';
import { http } from '../../api/client.js';

export type { LateItem, MyTodo, TodoItem } from '../../../common/schemas/todo.js';

export const todoApi = {
  mine: () => http.get<MyTodo>('/me/todo'),
};
