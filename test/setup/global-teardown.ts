import * as fs from 'node:fs';
import { e2eState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = e2eState.__csmsE2e;
  if (!state) return;
  await state.database?.stop();
  if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true });
  e2eState.__csmsE2e = undefined;
}
