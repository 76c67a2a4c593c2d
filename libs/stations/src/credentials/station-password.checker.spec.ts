import { StationPasswordChecker } from './station-password.checker';

/** A checker whose slow verification is counted: the right password is "s3cret" for hash "h1". */
function counted(options: Partial<ConstructorParameters<typeof StationPasswordChecker>[0]> = {}) {
  const verified: string[] = [];
  const checker = new StationPasswordChecker({
    failuresBeforeThrottle: 3,
    windowMs: 60_000,
    remembered: 100,
    verify: async (hash, password) => {
      verified.push(password);
      return hash === 'h1' && password === 's3cret';
    },
    ...options,
  });
  return { checker, verified };
}

describe('StationPasswordChecker', () => {
  it('verifies a password once, then knows it right (or wrong) for the same stored hash', async () => {
    const { checker, verified } = counted();
    expect(await checker.check('CS-1', 'h1', 's3cret')).toBe('right');
    expect(await checker.check('CS-1', 'h1', 's3cret')).toBe('right');
    expect(await checker.check('CS-1', 'h1', 'typo')).toBe('wrong');
    expect(await checker.check('CS-1', 'h1', 'typo')).toBe('wrong');
    expect(verified).toEqual(['s3cret', 'typo']);
    // A new password (a new hash) is verified again.
    expect(await checker.check('CS-1', 'h2', 's3cret')).toBe('wrong');
    expect(verified).toEqual(['s3cret', 'typo', 's3cret']);
  });

  it('throttles a station whose verifications keep failing, and lets its known password in all the same', async () => {
    const { checker, verified } = counted();
    expect(await checker.check('CS-1', 'h1', 's3cret', 0)).toBe('right');
    for (const guess of ['a', 'b', 'c']) expect(await checker.check('CS-1', 'h1', guess, 1000)).toBe('wrong');
    expect(await checker.check('CS-1', 'h1', 'd', 2000)).toBe('throttled');
    expect(await checker.check('CS-1', 'h1', 's3cret', 2000)).toBe('right');
    expect(verified).toEqual(['s3cret', 'a', 'b', 'c']);
    // Other stations are not affected; the throttle ends with its minute.
    expect(await checker.check('CS-2', 'h1', 'e', 2000)).toBe('wrong');
    expect(await checker.check('CS-1', 'h1', 'f', 61_001)).toBe('wrong');
  });

  it('verifies a password arriving many times at once only once, and counts guesses under way', async () => {
    const { checker, verified } = counted();
    const same = await Promise.all(Array.from({ length: 20 }, () => checker.check('CS-1', 'h1', 'typo')));
    expect(new Set(same)).toEqual(new Set(['wrong']));
    expect(verified).toEqual(['typo']);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => checker.check('CS-2', 'h1', `guess-${n}`)),
    );
    expect(guesses.filter((verdict) => verdict === 'wrong')).toHaveLength(3);
    expect(guesses.filter((verdict) => verdict === 'throttled')).toHaveLength(17);
    expect(verified).toHaveLength(4);
  });

  it('forgets the oldest digests beyond its bound', async () => {
    const { checker, verified } = counted({ remembered: 2 });
    for (const guess of ['a', 'b', 'c']) await checker.check(`CS-${guess}`, 'h1', guess);
    await checker.check('CS-a', 'h1', 'a');
    expect(verified).toEqual(['a', 'b', 'c', 'a']);
  });
});
