import { Injectable } from '@nestjs/common';
import { JobHandler } from './job-handler';

/** The handler of each queue; handlers register in onModuleInit, the runner starts them at bootstrap. */
@Injectable()
export class JobHandlers {
  private readonly byQueue = new Map<string, JobHandler>();
  private readonly listeners = new Set<(handler: JobHandler) => void>();

  register<P>(handler: JobHandler<P>): void {
    if (this.byQueue.has(handler.queue)) throw new Error(`Two handlers for the job queue ${handler.queue}`);
    this.byQueue.set(handler.queue, handler);
    this.listeners.forEach((listener) => listener(handler));
  }

  /** Calls `listener` for every handler registered from now on. */
  onRegister(listener: (handler: JobHandler) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  all(): JobHandler[] {
    return [...this.byQueue.values()];
  }
}
