import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/*
 * Request logging that does not bury the console: each request's lines at `debug` (so `LOG_LEVEL=debug`
 * shows them, `info` does not), failures at `error` as always, and at `info` one line a minute that
 * says how many requests there were, how many failed, and how fast they were — only when there were any.
 */

/** Fastify's per-request lines, moved down to `debug`; errors stay at `error`. */
export class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, _request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`Route ${request.raw.method}:${request.raw.url} not found`);
  }
}

/** One minute's requests in figures. */
export interface RequestFigures {
  requests: number;
  status4xx: number;
  status5xx: number;
  p50Ms: number;
  p99Ms: number;
}

/** Collects each response's status and time; `take()` gives the figures since the last take and starts again. */
export class RequestSummary {
  private times: number[] = [];
  private clientErrors = 0;
  private serverErrors = 0;

  record(statusCode: number, ms: number): void {
    this.times.push(ms);
    if (statusCode >= 500) this.serverErrors += 1;
    else if (statusCode >= 400) this.clientErrors += 1;
  }

  /** The figures so far, or null when there was no request (nothing is worth a line then). */
  take(): RequestFigures | null {
    if (this.times.length === 0) return null;
    const sorted = this.times.sort((a, b) => a - b);
    const figures = {
      requests: sorted.length,
      status4xx: this.clientErrors,
      status5xx: this.serverErrors,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
    };
    this.times = [];
    this.clientErrors = 0;
    this.serverErrors = 0;
    return figures;
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export const SUMMARY_MESSAGE = 'requests in the last minute';

/**
 * Counts every response and writes the summary at `info` every `everyMs` (a minute); the timer does
 * not keep the process alive and stops when the app closes. Returns a function that writes the
 * summary now (tests, and the last figures at close).
 */
export function registerRequestSummary(app: FastifyInstance, everyMs = 60_000): () => void {
  const summary = new RequestSummary();
  app.addHook('onResponse', async (_request, reply) => summary.record(reply.statusCode, reply.elapsedTime));
  const write = () => {
    const figures = summary.take();
    if (figures) app.log.info(figures, SUMMARY_MESSAGE);
  };
  const timer = setInterval(write, everyMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    write();
  });
  return write;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the request summary now instead of at the next minute (tests; the timer does it otherwise). */
    writeRequestSummary: () => void;
  }
}
