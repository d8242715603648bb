import { Link, withQuery } from '../../router.tsx';
import { Loaded, useCatalogue, useCatalogueText } from './common.tsx';
import type { Lab } from './types.ts';

/** The labs: who to contact, what they are accredited for, and whose samples they take. */
export function LabsPage() {
  const { c } = useCatalogueText();
  const query = useCatalogue<{ labs: Lab[] }>('/api/catalogue/labs');
  return (
    <section>
      <h1>{c.labsTitle}</h1>
      <Loaded query={query}>
        {({ labs }) => (
          <ul className="cards">
            {labs.map((lab) => (
              <li key={lab.id}>
                <article aria-labelledby={`lab-${lab.id}`}>
                  <h2 id={`lab-${lab.id}`}>{lab.name}</h2>
                  <dl className="facts">
                    <dt>{c.orgNumber}</dt>
                    <dd>{lab.org_number ?? c.notGiven}</dd>
                    <dt>{c.contact}</dt>
                    <dd>
                      {lab.contact_email ? (
                        <a href={`mailto:${lab.contact_email}`}>{lab.contact_email}</a>
                      ) : (
                        c.notGiven
                      )}
                      {lab.contact_phone && ` · ${lab.contact_phone}`}
                      {lab.address && ` · ${lab.address}`}
                    </dd>
                    <dt>{c.accreditation}</dt>
                    <dd>
                      {[lab.accreditation_standard, lab.accreditation_number, lab.accreditation_scope]
                        .filter(Boolean)
                        .join(' – ') || c.notGiven}
                    </dd>
                    <dt>{c.acceptsFrom}</dt>
                    <dd>{lab.accepts_from.join(', ') || c.notGiven}</dd>
                  </dl>
                  <Link href={withQuery('/catalogue', { lab: lab.id })}>{c.analysesAtLab}</Link>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
