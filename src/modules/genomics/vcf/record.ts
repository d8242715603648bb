import { parseAllele } from './alleles.ts';
import { type FieldSpec, fieldSpec, formatSpecs } from './fieldSpecs.ts';
import { parseGenotype } from './genotype.ts';
import type { InfoValue, SampleValues, Scalar, VcfHeader, VcfRecord } from './model.ts';
import type { FixedColumns } from './recordCheck.ts';
import { parseFloatText, parseTypedValue } from './scalars.ts';

/** Builds records from lines that RecordChecker has accepted, so it repeats none of its checks. */
export class RecordParser {
  private readonly infoSpecs = new Map<string, FieldSpec>();
  private readonly formats = new Map<string, FieldSpec[]>();

  constructor(private readonly header: VcfHeader) {}

  parse(columns: string[], line: number): VcfRecord {
    const [chrom, pos, id, ref, alt, qual, filter, info] = columns as FixedColumns;
    const altText = alt === '.' ? [] : alt.split(',');
    return {
      line,
      chrom,
      pos: Number(pos),
      ids: id === '.' ? [] : id.split(';'),
      ref: ref.toUpperCase(),
      altText,
      alts: altText.map((text) => parseAllele(text, this.header.version)),
      qual: qual === '.' ? null : parseFloatText(qual),
      filters: filter === '.' ? [] : filter.split(';'),
      info: info === '.' ? new Map() : this.parseInfo(info),
      format: columns.length > 8 ? (columns[8] as string).split(':') : [],
      samples: columns.length > 8 ? this.parseSamples(columns) : [],
    };
  }

  private parseInfo(info: string): Map<string, InfoValue> {
    const values = new Map<string, InfoValue>();
    for (const entry of info.split(';')) {
      const eq = entry.indexOf('=');
      const key = eq < 0 ? entry : entry.slice(0, eq);
      const spec = this.infoSpec(key);
      if (eq < 0) {
        values.set(key, true);
      } else if (spec.type === 'Flag') {
        // DB=1 sets the flag and DB=0 leaves it unset: the only reading of a valued Flag that keeps both meanings.
        if (entry.slice(eq + 1) === '1') values.set(key, true);
      } else if (spec.annotation) {
        // Annotation entries are split on `|` and decoded per field later; decoding now would turn %2C into a separator.
        values.set(key, entry.slice(eq + 1).split(','));
      } else {
        values.set(key, parseValues(spec, entry.slice(eq + 1)));
      }
    }
    return values;
  }

  private infoSpec(key: string): FieldSpec {
    let spec = this.infoSpecs.get(key);
    if (spec === undefined) {
      spec = fieldSpec('INFO', key, this.header);
      this.infoSpecs.set(key, spec);
    }
    return spec;
  }

  private parseSamples(columns: string[]): SampleValues[] {
    const format = columns[8] as string;
    let specs = this.formats.get(format);
    if (specs === undefined) {
      specs = formatSpecs(format, this.header);
      this.formats.set(format, specs);
    }
    const samples: SampleValues[] = [];
    for (let i = 9; i < columns.length; i++) {
      const fields = (columns[i] as string).split(':');
      const sample: SampleValues = {
        sample: this.header.samples[i - 9] as string,
        genotype: null,
        values: new Map(),
      };
      fields.forEach((text, index) => {
        const spec = specs[index] as FieldSpec;
        if (spec.key === 'GT') sample.genotype = parseGenotype(text);
        else sample.values.set(spec.key, parseValues(spec, text));
      });
      samples.push(sample);
    }
    return samples;
  }
}

export function parseValues(spec: FieldSpec, text: string): Scalar[] {
  const quoted = text.length > 1 && text.startsWith('"') && text.endsWith('"');
  if (quoted || text.indexOf(',') < 0) return [parseTypedValue(spec.type, text)];
  return text.split(',').map((value) => parseTypedValue(spec.type, value));
}
