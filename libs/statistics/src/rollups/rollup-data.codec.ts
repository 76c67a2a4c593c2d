import { IndexedMeasures, MEASURE_COUNT, Measures, round } from '../measures';

/** The breakdowns a rollup keeps (see bucket.ts), each a table of measures by a small index. */
export type RollupSection = 'totals' | 'months' | 'days' | 'hours' | 'weekdays';

const SECTION_CODES: Record<RollupSection, number> = { totals: 0, months: 1, days: 2, hours: 3, weekdays: 4 };
const SECTION_OF_CODE = Object.fromEntries(
  Object.entries(SECTION_CODES).map(([section, code]) => [code, section]),
) as Record<number, RollupSection>;

/** Per entry: a one-byte index (month, day, hour, weekday) and the measures as 64-bit floats. */
const ENTRY_BYTES = 1 + MEASURE_COUNT * 8;

export type RollupTables = Partial<Record<RollupSection, IndexedMeasures>>;

/**
 * A rollup's tables as one binary value: [section code u8, entry count u8, entries…]… The embedded
 * FerretDB stores every element of an array with its own type record, so reading a document of a
 * few hundred numbers cost milliseconds; the same numbers as one binary value cost microseconds.
 */
export function encodeRollupData(tables: RollupTables): Buffer {
  const sections = Object.entries(tables).filter(([, table]) => table && table.size > 0) as [
    RollupSection,
    IndexedMeasures,
  ][];
  const size = sections.reduce((bytes, [, table]) => bytes + 2 + table.size * ENTRY_BYTES, 0);
  const buffer = Buffer.alloc(size);
  let offset = 0;
  for (const [section, table] of sections) {
    buffer.writeUInt8(SECTION_CODES[section], offset);
    buffer.writeUInt8(table.size, offset + 1);
    offset += 2;
    table.forEach((index, measures) => {
      buffer.writeUInt8(index, offset);
      for (let m = 0; m < MEASURE_COUNT; m++) buffer.writeDoubleLE(round(measures[m]), offset + 1 + m * 8);
      offset += ENTRY_BYTES;
    });
  }
  return buffer;
}

export function decodeRollupData(buffer: Buffer): RollupTables {
  const tables: RollupTables = {};
  let offset = 0;
  while (offset + 2 <= buffer.length) {
    const section = SECTION_OF_CODE[buffer.readUInt8(offset)];
    const count = buffer.readUInt8(offset + 1);
    offset += 2;
    const table = new IndexedMeasures();
    for (let entry = 0; entry < count; entry++) {
      const measures = Array.from({ length: MEASURE_COUNT }, (_, m) =>
        buffer.readDoubleLE(offset + 1 + m * 8),
      ) as Measures;
      table.add(buffer.readUInt8(offset), measures);
      offset += ENTRY_BYTES;
    }
    if (section) tables[section] = table;
  }
  return tables;
}
