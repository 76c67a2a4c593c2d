import { boundingBox, destination, haversineMeters, isInBox } from './geo-math';

const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const LONDON = { latitude: 51.5074, longitude: -0.1278 };

describe('geo math', () => {
  it('measures known great-circle distances', () => {
    expect(haversineMeters(PARIS, LONDON) / 1000).toBeCloseTo(343.9, 0);
    expect(haversineMeters(PARIS, PARIS)).toBe(0);
    expect(haversineMeters(LONDON, PARIS)).toBeCloseTo(haversineMeters(PARIS, LONDON), 6);
    // A quarter of a meridian.
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 }) / 1000).toBeCloseTo(
      10_007.5,
      0,
    );
  });

  it('finds the point at a distance and bearing (the inverse of haversine)', () => {
    for (const bearing of [0, 45, 90, 180, 270]) {
      const point = destination(PARIS, bearing, 12_345);
      expect(haversineMeters(PARIS, point)).toBeCloseTo(12_345, 3);
    }
  });

  it.each([
    ['Paris', PARIS, 5_000],
    ['the equator', { latitude: 0, longitude: 10 }, 200_000],
    ['the far north', { latitude: 78.2, longitude: 15.6 }, 50_000],
    ['the far south', { latitude: -60, longitude: -70 }, 300_000],
  ])('holds every point of the circle around %s, and not much more', (_name, center, radius) => {
    const box = boundingBox(center, radius);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      expect(isInBox(destination(center, bearing, radius * 0.999), box)).toBe(true);
    }
    expect(isInBox(destination(center, 0, radius * 1.01), box)).toBe(false);
    expect(isInBox(destination(center, 90, radius * 1.01), box)).toBe(false);
  });

  it('splits the longitudes across the antimeridian', () => {
    const fiji = { latitude: -17.7, longitude: 179.9 };
    const box = boundingBox(fiji, 50_000);
    expect(box.longitudeRanges).toHaveLength(2);
    const acrossTheLine = destination(fiji, 90, 40_000);
    expect(acrossTheLine.longitude).toBeLessThan(-179);
    expect(isInBox(acrossTheLine, box)).toBe(true);
    expect(isInBox({ latitude: -17.7, longitude: 0 }, box)).toBe(false);
  });

  it('covers every longitude when the circle holds a pole', () => {
    const box = boundingBox({ latitude: 89.9, longitude: 0 }, 50_000);
    expect(box.longitudeRanges).toEqual([[-180, 180]]);
    expect(box.maxLatitude).toBe(90);
  });
});
