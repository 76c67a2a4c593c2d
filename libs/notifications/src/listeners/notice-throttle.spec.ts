import { NoticeThrottle } from './notice-throttle';

describe('NoticeThrottle', () => {
  it('lets one notice per key through within the window, and another after it', () => {
    const throttle = new NoticeThrottle(60_000);
    expect(throttle.allow('CS-1/TAG', 0)).toBe(true);
    expect(throttle.allow('CS-1/TAG', 59_999)).toBe(false);
    expect(throttle.allow('CS-2/TAG', 30_000)).toBe(true);
    expect(throttle.allow('CS-1/OTHER', 30_000)).toBe(true);
    expect(throttle.allow('CS-1/TAG', 60_000)).toBe(true);
    expect(throttle.allow('CS-1/TAG', 90_000)).toBe(false);
  });

  it('forgets keys whose window has passed, so memory stays bounded', () => {
    const throttle = new NoticeThrottle(1000);
    for (let key = 0; key < 1500; key += 1) throttle.allow(`key-${key}`, key < 1000 ? 0 : 5000);
    expect(throttle.size).toBeLessThanOrEqual(1001);
    expect(throttle.allow('key-1499', 5500)).toBe(false);
  });
});
