/** A tumour ploidy from a sample's metrics, with the sample's name in its file. */
export interface PloidyEstimate {
  name_in_file: string;
  ploidy: number;
}

/**
 * The ploidy a tumour sample's copy numbers are called against, from the specimen's metrics
 * (latest ingested first): those of the sample of the same name, as the pipeline wrote the
 * segments and the metrics for one sample; else the latest estimate for the specimen's tumour;
 * else none (diploid). A re-estimated ploidy thus replaces the old one for every later read.
 */
export function ploidyFor(sampleName: string, estimates: readonly PloidyEstimate[]): number | null {
  const own = estimates.find((estimate) => estimate.name_in_file === sampleName);
  return (own ?? estimates[0])?.ploidy ?? null;
}
