import type { ReactNode } from 'react';
import { Checksum, DrsLink, useGenomicsText, WhenBy } from './common.tsx';
import type { RawFile, ResultFile } from './types.ts';

/** Each ingested file with where it came from: pipeline and version, reference, caller, annotation. */
export function ResultFilesSection({ files }: { files: ResultFile[] }) {
  const { g, number, bytes } = useGenomicsText();
  const f = g.files;
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{f.title}</h2>
      <div className="table-scroll">
        <table data-testid="result-files">
          <thead>
            <tr>
              <th scope="col">{f.file}</th>
              <th scope="col">{f.format}</th>
              <th scope="col">{f.pipeline}</th>
              <th scope="col">{f.reference}</th>
              <th scope="col">{f.caller}</th>
              <th scope="col">{f.annotation}</th>
              <th scope="col" className="number">
                {f.records}
              </th>
              <th scope="col" className="number">
                {f.size}
              </th>
              <th scope="col">{f.sha256}</th>
              <th scope="col">{f.ingested}</th>
              <th scope="col">{f.drs}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.id}>
                <th scope="row">{file.file_name}</th>
                <td>{g.formats[file.format] ?? file.format}</td>
                <td>{[file.pipeline, file.pipeline_version].filter(Boolean).join(' ') || '–'}</td>
                <td>{file.reference_build ?? '–'}</td>
                <td>{file.caller ?? '–'}</td>
                <td>{file.annotation_source ?? '–'}</td>
                <td className="number">{number(file.records)}</td>
                <td className="number">{bytes(file.size_bytes)}</td>
                <td>
                  <Checksum sha256={file.sha256} />
                </td>
                <td>
                  <WhenBy at={file.ingested_at} by={file.ingested_by} />
                </td>
                <td>
                  <DrsLink id={file.drs_id} name={file.file_name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Raw files by reference: where they are and what they are, never a copy; the lab's form below. */
export function RawFilesSection({ files, children }: { files: RawFile[]; children?: ReactNode }) {
  const { g, bytes } = useGenomicsText();
  const r = g.raw;
  return (
    <section aria-labelledby="raw-title">
      <h2 id="raw-title">{r.title}</h2>
      <p className="muted">{r.intro}</p>
      {files.length === 0 ? (
        <p data-testid="raw-files-empty">{r.empty}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="raw-files">
            <thead>
              <tr>
                <th scope="col">{r.name}</th>
                <th scope="col">{r.format}</th>
                <th scope="col">{r.uri}</th>
                <th scope="col" className="number">
                  {r.size}
                </th>
                <th scope="col">{g.files.sha256}</th>
                <th scope="col">{r.accessZone}</th>
                <th scope="col">{r.registered}</th>
                <th scope="col">{g.files.drs}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <th scope="row">{file.name}</th>
                  <td>{g.rawFormats[file.format] ?? file.format}</td>
                  <td>
                    <code className="uri">{file.uri}</code>
                  </td>
                  <td className="number">{bytes(file.size_bytes)}</td>
                  <td>
                    <Checksum sha256={file.sha256} />
                  </td>
                  <td>{file.access_zone}</td>
                  <td>
                    <WhenBy at={file.registered_at} by={file.registered_by} />
                  </td>
                  <td>
                    <DrsLink id={file.id} name={file.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
