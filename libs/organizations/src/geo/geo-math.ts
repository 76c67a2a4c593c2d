/** Spherical-earth geometry for "stations near a point"; good to about 0.5 % (the earth is not a sphere). */

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** A latitude band and the longitude ranges (two when it crosses the antimeridian) that cover a circle. */
export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  longitudeRanges: [min: number, max: number][];
}

/** Mean earth radius (IUGG). */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;
const toDegrees = (radians: number): number => (radians * 180) / Math.PI;

/** Great-circle distance by the haversine formula, in meters. */
export function haversineMeters(from: LatLng, to: LatLng): number {
  const dLat = toRadians(to.latitude - from.latitude);
  const dLng = toRadians(to.longitude - from.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest latitude/longitude box holding every point within `radiusMeters` of `center`
 * (J. P. Matuschek's method): a cheap, index-friendly prefilter before the exact haversine test.
 * Near a pole the circle covers every longitude; across ±180° the longitudes split in two ranges.
 */
export function boundingBox(center: LatLng, radiusMeters: number): BoundingBox {
  const angular = radiusMeters / EARTH_RADIUS_METERS;
  const lat = toRadians(center.latitude);
  const minLat = lat - angular;
  const maxLat = lat + angular;
  if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2 || angular >= Math.PI) {
    return {
      minLatitude: Math.max(-90, toDegrees(minLat)),
      maxLatitude: Math.min(90, toDegrees(maxLat)),
      longitudeRanges: [[-180, 180]],
    };
  }
  const dLng = toDegrees(Math.asin(Math.sin(angular) / Math.cos(lat)));
  const minLng = center.longitude - dLng;
  const maxLng = center.longitude + dLng;
  const longitudeRanges: [number, number][] =
    minLng < -180
      ? [
          [minLng + 360, 180],
          [-180, maxLng],
        ]
      : maxLng > 180
        ? [
            [minLng, 180],
            [-180, maxLng - 360],
          ]
        : [[minLng, maxLng]];
  return { minLatitude: toDegrees(minLat), maxLatitude: toDegrees(maxLat), longitudeRanges };
}

/** The point `distanceMeters` away from `from` heading `bearingDegrees` (0 = north, 90 = east). */
export function destination(from: LatLng, bearingDegrees: number, distanceMeters: number): LatLng {
  const angular = distanceMeters / EARTH_RADIUS_METERS;
  const bearing = toRadians(bearingDegrees);
  const lat1 = toRadians(from.latitude);
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lng2 =
    toRadians(from.longitude) +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { latitude: toDegrees(lat2), longitude: ((toDegrees(lng2) + 540) % 360) - 180 };
}

export function isInBox(point: LatLng, box: BoundingBox): boolean {
  return (
    point.latitude >= box.minLatitude &&
    point.latitude <= box.maxLatitude &&
    box.longitudeRanges.some(([min, max]) => point.longitude >= min && point.longitude <= max)
  );
}
