import { limitWattsInForce } from './static-limit.events';

describe('limitWattsInForce', () => {
  it("is the lower of the station's and the connector's own limit", () => {
    const limits = [
      { connectorId: 0, watts: 11000 },
      { connectorId: 1, watts: 6900 },
      { connectorId: 2, watts: 22000 },
    ];
    expect(limitWattsInForce(limits, 1)).toBe(6900);
    expect(limitWattsInForce(limits, 2)).toBe(11000);
    expect(limitWattsInForce(limits, 3)).toBe(11000);
  });

  it('is undefined where nothing limits the connector', () => {
    expect(limitWattsInForce([], 1)).toBeUndefined();
    expect(limitWattsInForce([{ connectorId: 2, watts: 3000 }], 1)).toBeUndefined();
  });
});
