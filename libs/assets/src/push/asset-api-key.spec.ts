import { issueAssetApiKey, matchesAssetApiKey } from './asset-api-key';

describe('asset API keys', () => {
  it('matches the key issued and nothing else', () => {
    const issued = issueAssetApiKey();
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    expect(issued.hash).not.toContain(issued.key);
    expect(matchesAssetApiKey(issued.key, issued.hash)).toBe(true);
    expect(matchesAssetApiKey(`${issued.key}x`, issued.hash)).toBe(false);
    expect(matchesAssetApiKey(issueAssetApiKey().key, issued.hash)).toBe(false);
    expect(matchesAssetApiKey(issued.key, undefined)).toBe(false);
  });
});
