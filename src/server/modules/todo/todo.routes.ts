import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MyTodo } from '../../../common/schemas/todo.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { TodoService } from './todo.service.js';

const tags = ['todo'];

export function todoRoutes(app: FastifyInstance, todo: TodoService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/me/todo',
    {
      schema: {
        tags,
        summary:
          'My to-do (待办): what waits for me across modules, most urgent first, and for supervisors what is late below',
        response: { 200: MyTodo, ...problemResponses },
      },
    },
    async (req) => todo.forMe(actorOf(req)),
  );
}
