import { Link } from '../router.tsx';

export type SubNavSection = { key: string; path: string };

/**
 * A module's own navigation under the main menu: its sections as links, in the reader's words
 * (`names` by section key), the section on show marked as the current page for screen readers.
 */
export function SubNav({
  label,
  sections,
  names,
  current,
}: {
  label: string;
  sections: readonly SubNavSection[];
  names: Record<string, string>;
  current: SubNavSection | undefined;
}) {
  return (
    <nav aria-label={label} className="subnav">
      <ul>
        {sections.map((s) => (
          <li key={s.key}>
            <Link href={s.path} aria-current={s === current ? 'page' : undefined}>
              {names[s.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
