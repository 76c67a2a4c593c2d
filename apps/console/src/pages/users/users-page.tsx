import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PAGE_SIZE, Pager, usePaging } from '../../components/paging';
import { SearchForm } from '../../components/search-form';
import { QueryState, errorMessage } from '../../components/query-state';
import {
  CreateUserDocument,
  DeleteUserDocument,
  Role,
  UpdateUserStatusDocument,
  UsersDocument,
} from '../../graphql/generated';
import { formatDateTime } from '../../format/format';
import { LOCALES, LOCALE_NAMES, useI18n } from '../../i18n/i18n';
import { userName } from './user-name';

const ROLES: Role[] = ['BASIC', 'ADMIN', 'DEMO'];

/** Users of the tenant, for admins: search, create, block or unblock, delete (as canUpdate/canDelete allow). */
export function UsersPage() {
  const { t, locale } = useI18n();
  const paging = usePaging();
  const [search, setSearch] = useState('');
  const [{ data, fetching, error }, refresh] = useQuery({
    query: UsersDocument,
    variables: { first: PAGE_SIZE, after: paging.after, search: search || undefined },
  });
  const [, updateStatus] = useMutation(UpdateUserStatusDocument);
  const [, remove] = useMutation(DeleteUserDocument);
  const [failure, setFailure] = useState<string>();
  const reload = () => refresh({ requestPolicy: 'network-only' });

  return (
    <section aria-labelledby="users-title" className="stack">
      <header className="page-header">
        <h1 id="users-title">{t('users.title')}</h1>
      </header>
      <CreateUserForm onCreated={reload} />
      <SearchForm label={t('users.title')} value={search} onChange={setSearch} paging={paging} />
      <QueryState fetching={fetching && !data} error={error} />
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('signIn.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.users.edges.map(({ node: user }) => (
            <tr key={user.id}>
              <th scope="row">{userName({ ...user, email: undefined }) ?? '–'}</th>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>
                {user.status}
                {user.lockedUntil && (
                  <span className="muted">
                    {' '}
                    ({t('users.lockedUntil', { time: formatDateTime(user.lockedUntil, locale) })})
                  </span>
                )}
              </td>
              <td className="actions">
                {user.canUpdate && (
                  <button
                    type="button"
                    aria-label={t(user.status === 'BLOCKED' ? 'users.unblockUser' : 'users.blockUser', {
                      email: user.email,
                    })}
                    onClick={() =>
                      void updateStatus({
                        id: user.id,
                        status: user.status === 'BLOCKED' ? 'ACTIVE' : 'BLOCKED',
                      }).then((result) => setFailure(errorMessage(result.error)))
                    }
                  >
                    {user.status === 'BLOCKED' ? t('users.unblock') : t('users.block')}
                  </button>
                )}
                {user.canDelete && (
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('users.deleteUser', { email: user.email })}
                    onClick={() => {
                      if (!window.confirm(t('users.confirmDelete', { email: user.email }))) return;
                      void remove({ id: user.id }).then((result) => {
                        setFailure(errorMessage(result.error));
                        reload();
                      });
                    }}
                  >
                    {t('common.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        paging={paging}
        pageInfo={data?.users.pageInfo}
        totalCount={data?.users.totalCount}
        label={t('users.title')}
      />
    </section>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t, locale } = useI18n();
  const [, create] = useMutation(CreateUserDocument);
  const empty = {
    email: '',
    firstName: '',
    lastName: '',
    password: '',
    role: 'BASIC' as Role,
    locale: locale as string,
  };
  const [input, setInput] = useState(empty);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setInput({ ...input, [key]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      input: { ...input, firstName: input.firstName || undefined, lastName: input.lastName || undefined },
    });
    if (result.error) {
      setOutcome({ ok: false, text: errorMessage(result.error) ?? '' });
      return;
    }
    setOutcome({ ok: true, text: t('users.created', { email: input.email }) });
    setInput(empty);
    onCreated();
  };

  return (
    <details className="card">
      <summary>{t('users.create')}</summary>
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <label>
          {t('signIn.email')}
          <input type="email" required value={input.email} onChange={set('email')} />
        </label>
        <label>
          {t('users.firstName')}
          <input value={input.firstName} onChange={set('firstName')} />
        </label>
        <label>
          {t('users.lastName')}
          <input value={input.lastName} onChange={set('lastName')} />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="new-password"
            required
            value={input.password}
            onChange={set('password')}
          />
        </label>
        <label>
          {t('users.role')}
          <select value={input.role} onChange={set('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.language')}
          <select value={input.locale} onChange={set('locale')}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('users.create')}
        </button>
        <output aria-live="polite" className={outcome ? (outcome.ok ? 'ok' : 'error') : undefined}>
          {outcome?.text}
        </output>
      </form>
    </details>
  );
}
