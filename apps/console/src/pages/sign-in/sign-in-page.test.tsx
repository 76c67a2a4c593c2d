import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider, translate } from '../../i18n/i18n';
import { SignInPage, signInFailure } from './sign-in-page';

describe('sign in', () => {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate('en', key, values);

  it('says until when a locked account stays locked', () => {
    const message = signInFailure(
      {
        graphQLErrors: [
          {
            message: 'Account locked after 3 wrong passwords; try again in 5 minutes',
            extensions: {
              code: 'UNAUTHENTICATED',
              reason: 'ACCOUNT_LOCKED',
              lockedUntil: '2026-12-01T10:05:00Z',
            },
          },
        ],
      },
      t,
      'en-GB',
    );
    expect(message).toMatch(/^Too many wrong passwords: this account is locked until \d\d:\d\d\.$/);
  });

  it('says a wrong password plainly and passes other errors on', () => {
    expect(
      signInFailure(
        { graphQLErrors: [{ message: 'Invalid credentials', extensions: { code: 'UNAUTHENTICATED' } }] },
        t,
        'en',
      ),
    ).toBe('Wrong email or password.');
    expect(
      signInFailure(
        { graphQLErrors: [{ message: 'Too many attempts', extensions: { code: 'TOO_MANY_REQUESTS' } }] },
        t,
        'en',
      ),
    ).toBe('Too many attempts');
  });

  it('names every field, in the chosen language', () => {
    render(
      <I18nProvider initial="fr">
        <SignInPage />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Connexion à Voltgrid' })).toBeTruthy();
    expect(screen.getByLabelText('E-mail')).toBeTruthy();
    expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Organisation (locataire)').value).toBe('default');
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });
});
