import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PAGE_SIZE, Pager, usePaging } from '../../components/paging';
import { SearchForm } from '../../components/search-form';
import { QueryState, errorMessage } from '../../components/query-state';
import {
  BadgesDocument,
  CreateBadgeDocument,
  DeleteBadgeDocument,
  SetBadgeActiveDocument,
  UsersDocument,
} from '../../graphql/generated';
import { formatDateTime } from '../../format/format';
import { useI18n } from '../../i18n/i18n';

/** RFID badges of the tenant, for admins: search, create for a user, activate or deactivate, delete. */
export function BadgesPage() {
  const { t, locale } = useI18n();
  const paging = usePaging();
  const [search, setSearch] = useState('');
  const [{ data, fetching, error }, refresh] = useQuery({
    query: BadgesDocument,
    variables: { first: PAGE_SIZE, after: paging.after, search: search || undefined },
  });
  const [, setActive] = useMutation(SetBadgeActiveDocument);
  const [, remove] = useMutation(DeleteBadgeDocument);
  const [failure, setFailure] = useState<string>();
  const reload = () => refresh({ requestPolicy: 'network-only' });

  return (
    <section aria-labelledby="badges-title" className="stack">
      <header className="page-header">
        <h1 id="badges-title">{t('badges.title')}</h1>
      </header>
      <CreateBadgeForm onCreated={reload} />
      <SearchForm label={t('badges.title')} value={search} onChange={setSearch} paging={paging} />
      <QueryState fetching={fetching && !data} error={error} />
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('badges.id')}</th>
            <th scope="col">{t('badges.owner')}</th>
            <th scope="col">{t('badges.description')}</th>
            <th scope="col">{t('badges.expires')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.tags.edges.map(({ node: badge }) => (
            <tr key={badge.id}>
              <th scope="row">
                {badge.id} {badge.default && <span className="badge badge-info">{t('badges.default')}</span>}
              </th>
              <td>{badge.user?.email ?? '–'}</td>
              <td>{badge.description ?? ''}</td>
              <td>{formatDateTime(badge.expiresAt, locale)}</td>
              <td>{badge.active ? t('badges.active') : t('badges.inactive')}</td>
              <td className="actions">
                {badge.canUpdate && (
                  <button
                    type="button"
                    aria-label={t(badge.active ? 'badges.deactivateBadge' : 'badges.activateBadge', {
                      id: badge.id,
                    })}
                    onClick={() =>
                      void setActive({ id: badge.id, active: !badge.active }).then((result) =>
                        setFailure(errorMessage(result.error)),
                      )
                    }
                  >
                    {badge.active ? t('badges.deactivate') : t('badges.activate')}
                  </button>
                )}
                {badge.canDelete && (
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('badges.deleteBadge', { id: badge.id })}
                    onClick={() => {
                      if (!window.confirm(t('badges.confirmDelete', { id: badge.id }))) return;
                      void remove({ id: badge.id }).then((result) => {
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
        pageInfo={data?.tags.pageInfo}
        totalCount={data?.tags.totalCount}
        label={t('badges.title')}
      />
    </section>
  );
}

function CreateBadgeForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [, create] = useMutation(CreateBadgeDocument);
  const [id, setId] = useState('');
  const [description, setDescription] = useState('');
  const [ownerSearch, setOwnerSearch] = useState('');
  const [userId, setUserId] = useState('');
  const [{ data: users }] = useQuery({
    query: UsersDocument,
    variables: { first: 20, search: ownerSearch || undefined },
  });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      input: { id, description: description || undefined, userId: userId || undefined },
    });
    if (result.error) {
      setOutcome({ ok: false, text: errorMessage(result.error) ?? '' });
      return;
    }
    setOutcome({ ok: true, text: t('badges.created', { id }) });
    setId('');
    setDescription('');
    onCreated();
  };

  return (
    <details className="card">
      <summary>{t('badges.create')}</summary>
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <label>
          {t('badges.id')}
          <input required maxLength={20} value={id} onChange={(e) => setId(e.target.value)} />
        </label>
        <label>
          {t('badges.description')}
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          {t('badges.findOwner')}
          <input type="search" value={ownerSearch} onChange={(e) => setOwnerSearch(e.target.value)} />
        </label>
        <label>
          {t('badges.owner')}
          <select value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('badges.noOwner')}</option>
            {users?.users.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.email}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('badges.create')}
        </button>
        <output aria-live="polite" className={outcome ? (outcome.ok ? 'ok' : 'error') : undefined}>
          {outcome?.text}
        </output>
      </form>
    </details>
  );
}
