import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Link } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { CopyNumberSection, FusionsSection } from './CallTables.tsx';
import { useGenomicsText } from './common.tsx';
import { RawFilesSection, ResultFilesSection } from './FileTables.tsx';
import { IngestJobsSection } from './IngestJobs.tsx';
import { RawFileForm } from './RawFileForm.tsx';
import { MetricsSection, QcSection } from './SampleTables.tsx';
import { type SpecimenGenomics, unfinished } from './types.ts';
import { UploadForm } from './UploadForm.tsx';

/** While someone's upload is being ingested, the page looks again this often. */
const RUNNING_REFRESH_MS = 2000;

/**
 * One specimen's sequencing at /genomics/specimens/:id: metrics, QC per sample, copy number,
 * fusions, the result files with their provenance and the raw files by reference. The performing
 * lab uploads and registers here; the server decides whether this user's trust may, and says so.
 */
export function SequencingPage({ specimenId }: { specimenId: string }) {
  const queryKey = ['genomics', 'specimen', specimenId];
  const queryClient = useQueryClient();
  const genomics = useQuery({
    queryKey,
    queryFn: () => api<SpecimenGenomics>('GET', `/api/specimens/${specimenId}/genomics`),
    refetchInterval: (query) => (query.state.data?.ingests.some(unfinished) ? RUNNING_REFRESH_MS : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  // The server says whether the policy lets this user bring data in (the performing lab, for care).
  return (
    <Loaded query={genomics}>
      {(data) => <SequencingView data={data} lab={data.mayAdd} refresh={refresh} />}
    </Loaded>
  );
}

function SequencingView({
  data,
  lab,
  refresh,
}: {
  data: SpecimenGenomics;
  lab: boolean;
  refresh(): Promise<void>;
}) {
  const { g, t, format } = useGenomicsText();
  const [notice, setNotice] = useState<string | null>(null);
  const { specimen } = data;
  const kind = t.orders.specimenKinds[specimen.kind] ?? specimen.kind;
  const specimenName = [kind, specimen.block_id ?? specimen.accession_id].filter(Boolean).join(' ');
  const fileNames = new Map(data.files.map((f) => [f.id, f.file_name]));
  const fileName = (id: string) => fileNames.get(id) ?? '–';
  const empty = data.files.length === 0;

  return (
    <article aria-labelledby="sequencing-title" className="sequencing">
      <header>
        <h1 id="sequencing-title">{format(g.pageTitle, { specimen: specimenName })}</h1>
        <dl className="facts" data-testid="specimen-facts">
          <dt>{g.order}</dt>
          <dd>
            <Link href={`/orders/${specimen.order_id}`}>{specimen.order_number}</Link>
          </dd>
          <dt>{g.specimen}</dt>
          <dd>{specimenName}</dd>
          <dt>{g.accessionId}</dt>
          <dd>{specimen.accession_id ?? '–'}</dd>
          <dt>{g.tumourCellPercent}</dt>
          <dd>
            {specimen.tumour_cell_percent === null
              ? '–'
              : format(g.percent, { n: specimen.tumour_cell_percent })}
          </dd>
        </dl>
      </header>

      {lab && <UploadForm specimenId={specimen.id} onIngested={refresh} />}
      <IngestJobsSection jobs={data.ingests} />

      {empty ? (
        <p className="note" data-testid="no-data">
          <strong>{g.noData}</strong> {g.noDataHint}
        </p>
      ) : (
        <>
          <MetricsSection samples={data.samples} fileName={fileName} />
          <QcSection samples={data.samples} fileName={fileName} />
          <CopyNumberSection segments={data.segments} />
          <FusionsSection fusions={data.fusions} />
          <ResultFilesSection files={data.files} />
        </>
      )}

      <RawFilesSection files={data.rawFiles}>
        <p role="status" className="ok" data-testid="raw-file-notice">
          {notice}
        </p>
        {lab && (
          <RawFileForm
            specimenId={specimen.id}
            onRegistered={async (text) => {
              await refresh();
              setNotice(text);
            }}
          />
        )}
      </RawFilesSection>
    </article>
  );
}
