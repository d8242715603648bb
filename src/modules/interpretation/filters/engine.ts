/**
 * Runs a case's variants through a filter chain. Filters apply in chain order and the first one that
 * matches is the one named; before a variant is removed the chain's exceptions are checked (known
 * hotspots, variants already classified as, say, likely pathogenic), then the user's pull-backs.
 * Nothing is dropped silently: every variant ends up kept or removed with its reason.
 *
 * Pure and allocation-light: the chain is compiled once per call, variants that pass are returned
 * as the same objects, and reasons are built only for the variants a filter matches.
 */
import type { FilterChain } from './chain.ts';
import type {
  CaseVariant,
  FilterChainResult,
  FilterCount,
  KeepReason,
  KeptVariant,
  RemovedVariant,
  VariantId,
} from './model.ts';
import { compileFilter } from './predicates.ts';
import { type FilterReason, reasonText } from './reasons.ts';

const NOTHING_PULLED_BACK: ReadonlySet<VariantId> = new Set();

/**
 * Filters the variants. The chain must have passed parseFilterChain and have its gene panels bound
 * (bindPanel); an unbound gene-panel filter throws UnboundPanelError. Ids in `pulledBack` that no
 * filter matched change nothing.
 */
export function applyFilterChain(
  chain: FilterChain,
  variants: readonly CaseVariant[],
  pulledBack: ReadonlySet<VariantId> = NOTHING_PULLED_BACK,
): FilterChainResult {
  const stages = chain.filters.map((filter) => ({
    filter,
    test: compileFilter(filter),
    count: { filter: filter.name, kind: filter.kind, removed: 0, kept: 0 } satisfies FilterCount,
  }));
  const keepHotspots = chain.exceptions.keepHotspots;
  const keepClasses = new Set<string>(chain.exceptions.keepClasses);
  const keepReason = (variant: CaseVariant): KeepReason | null => {
    if (keepHotspots && variant.hotspot) return 'hotspot';
    if (variant.priorClass !== null && keepClasses.has(variant.priorClass)) return 'prior-class';
    if (pulledBack.has(variant.id)) return 'pulled-back';
    return null;
  };

  const kept: KeptVariant[] = [];
  const removed: RemovedVariant[] = [];
  for (const variant of variants) {
    let reason: FilterReason | null = null;
    let matched: (typeof stages)[number] | undefined;
    for (const stage of stages) {
      reason = stage.test(variant);
      if (reason !== null) {
        matched = stage;
        break;
      }
    }
    if (matched === undefined || reason === null) {
      kept.push(variant);
      continue;
    }
    const match = {
      filter: matched.filter.name,
      kind: matched.filter.kind,
      reason: reasonText(reason),
      reasonCode: reason.code,
      reasonParams: reason.params,
    };
    const because = keepReason(variant);
    if (because === null) {
      matched.count.removed++;
      removed.push({ variant, ...match });
    } else {
      matched.count.kept++;
      kept.push({ ...variant, keptBecause: because, overrode: match });
    }
  }
  const counts = stages.map((stage) => stage.count);
  return { chainId: chain.id, chainVersion: chain.version, kept, removed, counts };
}
