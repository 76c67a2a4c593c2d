#!/usr/bin/env node
/**
 * Updates the car catalog of a running CSMS from a newer Open EV Data file:
 *   CSMS_URL=http://localhost:3000 CSMS_TOKEN=<super admin token or API key> npm run cars:import -- ev-data.json
 * New models are added, models still as an earlier file gave them are updated, and models a super
 * admin added or edited are left alone (the server's importCarModels mutation decides). The file is
 * sent in parts of PART_SIZE vehicles, each well under the server's request size limit.
 */
const { readFileSync } = require('node:fs');

const PART_SIZE = 50;

async function main() {
  const [path] = process.argv.slice(2);
  const url = process.env.CSMS_URL ?? 'http://localhost:3000';
  const token = process.env.CSMS_TOKEN;
  if (!path || !token) {
    console.error('Usage: CSMS_URL=… CSMS_TOKEN=… npm run cars:import -- path/to/ev-data.json');
    process.exit(2);
  }
  const file = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(file.data)) throw new Error(`${path} is not an Open EV Data file (no data array)`);
  let added = 0;
  let updated = 0;
  for (let start = 0; start < file.data.length; start += PART_SIZE) {
    const part = await importPart(url, token, { data: file.data.slice(start, start + PART_SIZE) });
    added += part.added;
    updated += part.updated;
  }
  console.log(`Car catalog: ${added} added, ${updated} updated`);
}

async function importPart(url, token, part) {
  const response = await fetch(`${url.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($json: String!) { importCarModels(json: $json) { added updated } }',
      variables: { json: JSON.stringify(part) },
    }),
  });
  const result = await response.json();
  if (result.errors?.length || !result.data) {
    throw new Error(
      `import refused: ${(result.errors ?? []).map((error) => error.message).join('; ') || response.status}`,
    );
  }
  return result.data.importCarModels;
}

main().catch((error) => {
  console.error(`Import failed: ${error.message}`);
  process.exit(1);
});
