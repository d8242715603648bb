import type { ReactNode } from 'react';
import { shownLines } from '../../../../src/modules/genomics/ingest/kinds.ts';
import { Checksum, DataTable, DrsLink, Section, useGenomicsText, WhenBy } from './common.tsx';
import type { RawFile, ResultFile } from './types.ts';

/** Each ingested file with where it came from: pipeline and version, reference, caller, annotation. */
export function ResultFilesSection({ files }: { files: ResultFile[] }) {
  const { g, format, number, bytes } = useGenomicsText();
  const f = g.files;
  return (
    <Section id="files" title={f.title}>
      <DataTable
        testId="result-files"
        columns={[
          f.file,
          f.format,
          f.pipeline,
          f.reference,
          f.caller,
          f.annotation,
          { number: f.records },
          { number: f.size },
          f.sha256,
          f.ingested,
          f.drs,
        ]}
      >
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
      </DataTable>
      {files
        .filter((file) => file.merged_alleles > 0)
        .map((file) => (
          <p key={file.id} className="note" data-testid="merged-alleles">
            {format(f.merged, {
              file: file.file_name,
              count: number(file.merged_alleles, 0),
              where: linesText(file.merged_lines, g, format, number),
            })}
          </p>
        ))}
    </Section>
  );
}

/** "linje 28" or "linjene 28, 30, …": a merged-allele list is given one line more when there are more. */
export function linesText(
  lines: readonly number[],
  g: { lineOne: string; lineMany: string },
  format: (text: string, values: Record<string, string>) => string,
  number: (value: number, digits: number) => string,
): string {
  const { shown, more } = shownLines(lines);
  const listed = shown.map((line) => number(line, 0)).join(', ') + (more ? ', …' : '');
  return format(lines.length === 1 ? g.lineOne : g.lineMany, { lines: listed });
}

/** Raw files by reference: where they are and what they are, never a copy; the lab's form below. */
export function RawFilesSection({ files, children }: { files: RawFile[]; children?: ReactNode }) {
  const { g, bytes } = useGenomicsText();
  const r = g.raw;
  return (
    <Section id="raw" title={r.title}>
      <p className="muted">{r.intro}</p>
      {files.length === 0 ? (
        <p data-testid="raw-files-empty">{r.empty}</p>
      ) : (
        <DataTable
          testId="raw-files"
          columns={[
            r.name,
            r.format,
            r.uri,
            { number: r.size },
            g.files.sha256,
            r.accessZone,
            r.registered,
            g.files.drs,
          ]}
        >
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
        </DataTable>
      )}
      {children}
    </Section>
  );
}
