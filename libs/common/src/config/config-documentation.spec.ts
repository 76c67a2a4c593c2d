import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from './config.schema';

const ROOT = path.resolve(__dirname, '../../../..');

describe('configuration documentation', () => {
  const variables = Object.keys(configSchema.innerType().shape);
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const envExample = readFileSync(path.join(ROOT, '.env.example'), 'utf8');

  it.each(variables.map((variable) => [variable]))(
    '%s is in the README table and .env.example',
    (variable) => {
      expect(readme).toContain(`\`${variable}\``);
      expect(envExample).toMatch(new RegExp(`^(# ?)?${variable}=`, 'm'));
    },
  );
});
