import { useState } from 'react';
import { useQuery } from 'urql';
import { PAGE_SIZE, Pager, usePaging } from '../../components/paging';
import { SearchForm } from '../../components/search-form';
import { QueryState } from '../../components/query-state';
import { CompaniesDocument, CompanyDocument, SiteAreaDocument, SiteDocument } from '../../graphql/generated';
import { formatPower } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { LiveNowSection } from './live-now-section';
import { PlacedStations } from './placed-stations';
import { SiteAreaLoadSection } from './site-area-load-section';
import { SmartChargingPlanSection } from './smart-charging-plan-section';

/** Companies → sites → site areas, each level a page with deep links, the stations at the bottom. */
export function CompaniesPage() {
  const { t } = useI18n();
  const paging = usePaging();
  const [name, setName] = useState('');
  const [{ data, fetching, error }] = useQuery({
    query: CompaniesDocument,
    variables: { first: PAGE_SIZE, after: paging.after, name: name || undefined },
  });
  return (
    <section aria-labelledby="companies-title">
      <header className="page-header">
        <h1 id="companies-title">{t('organizations.title')}</h1>
      </header>
      <SearchForm label={t('organizations.title')} value={name} onChange={setName} paging={paging} />
      <QueryState fetching={fetching && !data} error={error} />
      <ul className="tiles">
        {data?.companies.edges.map(({ node }) => (
          <li key={node.id} className="card">
            <h2>
              <Link href={paths.company(node.id)}>{node.name}</Link>
            </h2>
            <p className="muted">
              {[node.address?.city, node.address?.country].filter(Boolean).join(', ') || '–'}
            </p>
          </li>
        ))}
      </ul>
      {data?.companies.totalCount === 0 && <p className="muted">{t('organizations.none')}</p>}
      <Pager
        paging={paging}
        pageInfo={data?.companies.pageInfo}
        totalCount={data?.companies.totalCount}
        label={t('organizations.title')}
      />
    </section>
  );
}

export function CompanyPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: CompanyDocument, variables: { id } });
  const company = data?.company;
  return (
    <section aria-labelledby="company-title" className="stack">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={paths.organizations}>{t('organizations.title')}</Link>
      </nav>
      <QueryState fetching={fetching && !data} error={error} />
      {company && (
        <>
          <header className="page-header">
            <h1 id="company-title">{company.name}</h1>
          </header>
          <p className="muted">
            {[
              company.address?.street,
              company.address?.postalCode,
              company.address?.city,
              company.address?.country,
            ]
              .filter(Boolean)
              .join(', ')}
          </p>
          <section className="card" aria-labelledby="sites-title">
            <h2 id="sites-title">{t('organizations.sites')}</h2>
            <ul className="plain-list">
              {data.sites.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={paths.site(node.id)}>{node.name}</Link>{' '}
                  <span className="muted">
                    {node.address?.city ?? ''} {node.public ? `· ${t('organizations.public')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
            {data.sites.edges.length === 0 && <p className="muted">{t('organizations.noSites')}</p>}
          </section>
        </>
      )}
    </section>
  );
}

export function SitePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: SiteDocument, variables: { id } });
  const site = data?.site;
  return (
    <section aria-labelledby="site-title" className="stack">
      <QueryState fetching={fetching && !data} error={error} />
      {site && (
        <>
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <Link href={paths.organizations}>{t('organizations.title')}</Link>
            {site.company && <Link href={paths.company(site.company.id)}>{site.company.name}</Link>}
          </nav>
          <header className="page-header">
            <h1 id="site-title">{site.name}</h1>
            {site.public && <span className="badge badge-info">{t('organizations.public')}</span>}
          </header>
          <p className="muted">
            {[site.address?.street, site.address?.postalCode, site.address?.city, site.address?.country]
              .filter(Boolean)
              .join(', ')}
            {site.coordinates &&
              ` · ${site.coordinates.latitude.toFixed(5)}, ${site.coordinates.longitude.toFixed(5)}`}
          </p>
          <section className="card" aria-labelledby="areas-title">
            <h2 id="areas-title">{t('organizations.siteAreas')}</h2>
            <ul className="plain-list">
              {data.siteAreas.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={paths.siteArea(node.id)}>{node.name}</Link>{' '}
                  <span className="muted">
                    {formatPower(node.maximumPowerWatts, locale)}
                    {node.numberOfPhases
                      ? ` · ${t('organizations.phases', { count: node.numberOfPhases })}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
            {data.siteAreas.edges.length === 0 && <p className="muted">{t('organizations.noAreas')}</p>}
          </section>
          <LiveNowSection siteId={site.id} />
          <PlacedStations filter={{ siteId: site.id }} />
        </>
      )}
    </section>
  );
}

export function SiteAreaPage({ id, theme }: { id: string; theme: string }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: SiteAreaDocument, variables: { id } });
  const area = data?.siteArea;
  return (
    <section aria-labelledby="area-title" className="stack">
      <QueryState fetching={fetching && !data} error={error} />
      {area && (
        <>
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <Link href={paths.organizations}>{t('organizations.title')}</Link>
            {area.site?.company && (
              <Link href={paths.company(area.site.company.id)}>{area.site.company.name}</Link>
            )}
            {area.site && <Link href={paths.site(area.site.id)}>{area.site.name}</Link>}
            {area.parentSiteArea && (
              <Link href={paths.siteArea(area.parentSiteArea.id)}>{area.parentSiteArea.name}</Link>
            )}
          </nav>
          <header className="page-header">
            <h1 id="area-title">{area.name}</h1>
          </header>
          <dl className="facts">
            <div>
              <dt>{t('organizations.maxPower')}</dt>
              <dd>{formatPower(area.maximumPowerWatts, locale)}</dd>
            </div>
            <div>
              <dt>{t('organizations.phasesLabel')}</dt>
              <dd>{area.numberOfPhases ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('organizations.voltage')}</dt>
              <dd>{area.voltage ? `${area.voltage} V` : '–'}</dd>
            </div>
            <div>
              <dt>{t('organizations.accessControl')}</dt>
              <dd>{area.accessControl ? t('common.yes') : t('common.no')}</dd>
            </div>
            <div>
              <dt>{t('organizations.smartCharging')}</dt>
              <dd>{area.smartCharging ? t('common.yes') : t('common.no')}</dd>
            </div>
          </dl>
          <SiteAreaLoadSection siteArea={area} theme={theme} />
          <SmartChargingPlanSection siteAreaId={area.id} canPlan={area.canUpdate && !!area.smartCharging} />
          <PlacedStations filter={{ siteAreaId: area.id }} />
        </>
      )}
    </section>
  );
}
