import { DataTable, Section, useGenomicsText } from './common.tsx';
import type { CopyNumberCall, Fusion, Segment } from './types.ts';

/** The calls a reader must not miss get a shape as well as a colour; neutral gets nothing. */
const CALL_MARK: Record<CopyNumberCall, string> = {
  amplification: '▲▲',
  gain: '▲',
  neutral: '',
  loss: '▼',
  deletion: '▼▼',
  homdel: '▼▼',
};
const STRIKING = new Set<CopyNumberCall>(['amplification', 'homdel', 'deletion']);

/**
 * Segments as the caller wrote them (1-based, inclusive), with the file's call or genvei's, and
 * what the call rests on: a derived call can change when a new ploidy estimate comes in.
 */
export function CopyNumberSection({ segments }: { segments: Segment[] }) {
  const { g, number, format } = useGenomicsText();
  const c = g.copyNumber;
  const basis = (s: Segment) =>
    s.call_basis === 'file'
      ? c.basisFile
      : s.call_basis === 'copy-number'
        ? s.call_one_copy
          ? format(c.basisOneCopy, { half: number((s.call_ploidy ?? 2) / 2) })
          : format(c.basisCopyNumber, { ploidy: number(s.call_ploidy) })
        : c.basisLog2;
  return (
    <Section id="copy-number" title={c.title}>
      {segments.length === 0 ? (
        <p>{c.empty}</p>
      ) : (
        <DataTable
          testId="copy-number"
          columns={[
            c.segment,
            c.genes,
            { number: c.log2 },
            { number: c.copyNumber },
            { number: c.minorCopyNumber },
            c.call,
            c.basis,
          ]}
        >
          {segments.map((s) => (
            <tr
              key={`${s.file_id}-${s.chrom}-${s.start_pos}`}
              className={STRIKING.has(s.call) ? `striking cn-${s.call}` : undefined}
              data-call={s.call}
            >
              <td>
                <code>
                  {s.chrom}:{s.start_pos}-{s.end_pos}
                </code>
              </td>
              <th scope="row">{s.genes.join(', ')}</th>
              <td className="number">{number(s.log2_ratio)}</td>
              <td className="number">{number(s.copy_number)}</td>
              <td className="number">{number(s.minor_copy_number)}</td>
              <td>
                <span className={`badge call-${s.call}`}>
                  {CALL_MARK[s.call] && <span aria-hidden="true">{CALL_MARK[s.call]} </span>}
                  {g.calls[s.call] ?? s.call}
                </span>
              </td>
              <td>{basis(s)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

/** Fusions by their HGNC name (`EML4::ALK`), with both breakpoints, the evidence and the frame. */
export function FusionsSection({ fusions }: { fusions: Fusion[] }) {
  const { g, number } = useGenomicsText();
  const f = g.fusions;
  return (
    <Section id="fusions" title={f.title}>
      {fusions.length === 0 ? (
        <p>{f.empty}</p>
      ) : (
        <DataTable
          testId="fusions"
          columns={[
            f.name,
            f.breakpoint5,
            f.breakpoint3,
            { number: f.junctionReads },
            { number: f.spanningReads },
            f.frame,
            f.confidence,
            f.caller,
          ]}
        >
          {fusions.map((fusion) => (
            <tr key={`${fusion.file_id}-${fusion.name}-${fusion.pos5}-${fusion.pos3}`}>
              <th scope="row">{fusion.name}</th>
              <td>
                <Breakpoint chrom={fusion.chrom5} pos={fusion.pos5} strand={fusion.strand5} />
                {fusion.transcript5 && <div className="muted">{fusion.transcript5}</div>}
              </td>
              <td>
                <Breakpoint chrom={fusion.chrom3} pos={fusion.pos3} strand={fusion.strand3} />
                {fusion.transcript3 && <div className="muted">{fusion.transcript3}</div>}
              </td>
              <td className="number">{number(fusion.junction_reads)}</td>
              <td className="number">{number(fusion.spanning_reads)}</td>
              <td>{g.frames[fusion.frame] ?? fusion.frame}</td>
              <td>
                {fusion.confidence ? (
                  <span className={`badge fusion-${fusion.confidence}`}>
                    {g.confidences[fusion.confidence] ?? fusion.confidence}
                  </span>
                ) : (
                  '–'
                )}
              </td>
              <td>{fusion.caller ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

/** `chr2:42299753 (+)`: copyable into a genome browser, the strand when the caller knew it. */
function Breakpoint({ chrom, pos, strand }: { chrom: string; pos: number; strand: '+' | '-' | null }) {
  return (
    <>
      <code>
        {chrom}:{pos}
      </code>
      {strand && ` (${strand})`}
    </>
  );
}
