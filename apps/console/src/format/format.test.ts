import { describe, expect, it } from 'vitest';
import { formatDuration, formatEnergy, formatPower } from './format';

describe('formats', () => {
  it('shows energy in kWh and power in kW in the user’s language', () => {
    expect(formatEnergy(12_345, 'en')).toBe('12.35 kWh');
    expect(formatEnergy(12_345, 'de')).toBe('12,35 kWh');
    expect(formatPower(7_400, 'fr')).toBe('7,4 kW');
    expect(formatPower(null, 'en')).toBe('–');
  });

  it('shows durations the way an operator reads them', () => {
    const start = '2026-12-01T10:00:00Z';
    expect(formatDuration(start, '2026-12-01T10:00:45Z')).toBe('45 s');
    expect(formatDuration(start, '2026-12-01T10:12:00Z')).toBe('12 min');
    expect(formatDuration(start, '2026-12-01T11:05:00Z')).toBe('1 h 05 min');
  });
});
