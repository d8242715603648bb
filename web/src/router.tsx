import { type AnchorHTMLAttributes, useEffect, useMemo, useState } from 'react';

/** A few routes need no router library: the path is the state, links push history. */
export function usePath(): string {
  return useLocationPart(readPath);
}

/** The query string as parameters, so a search or a comparison has a URL someone can cite. */
export function useSearchParams(): URLSearchParams {
  const search = useLocationPart(readSearch);
  return useMemo(() => new URLSearchParams(search), [search]);
}

const readPath = () => window.location.pathname;
const readSearch = () => window.location.search;

function useLocationPart(read: () => string): string {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onPop = () => setValue(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read]);
  return value;
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A path with its query, leaving out empty parameters: `/catalogue?gene=ALK`. */
export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}
