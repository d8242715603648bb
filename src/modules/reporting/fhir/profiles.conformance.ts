import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUANTITY_INVARIANTS } from './invariants.ts';
import { CHECKED_PROFILES, UNCHECKED_PROFILES } from './profiles.ts';
import { IG_PROFILE_BASE, type Max, type ProfileRules, SYSTEM } from './rules.ts';

/*
 * Drift check: the HL7 Genomics Reporting IG's FSH source, read in place from ../shared beside the
 * repository, against the rules we transcribed by hand. For each profile we check, every fixed
 * code, cardinality, slice, type restriction, required binding, extension and reference target
 * the FSH states (through the profile's Parent chain) must appear in our data and agree, and
 * nothing in our IG-sourced data may lack an FSH statement. The FSH is read with line regexes,
 * which is enough for the plain `* path rule` style the IG uses; this is not an FSH parser.
 */
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const fshDirectory = resolve(
  repositoryRoot,
  '..',
  'shared',
  'data',
  'fhir-genomics-reporting',
  'input',
  'fsh',
);

interface Block {
  kind: string;
  name: string;
  meta: Map<string, string>;
  /** Top-level rules start with `*`; nested (indented) rules are kept but start with a space. */
  rules: string[];
}

const BLOCK_KINDS = new Set([
  'Profile',
  'Extension',
  'Invariant',
  'CodeSystem',
  'ValueSet',
  'Instance',
  'RuleSet',
  'Alias',
]);

function parseFsh(text: string): Block[] {
  const blocks: Block[] = [];
  const cleaned = text.replace(/"""[\s\S]*?"""/g, '""').replace(/\/\*[\s\S]*?\*\//g, '');
  let current: Block | undefined;
  for (const raw of cleaned.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)\/\/.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const header = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (header?.[1] && BLOCK_KINDS.has(header[1])) {
      current = { kind: header[1], name: (header[2] ?? '').trim(), meta: new Map(), rules: [] };
      blocks.push(current);
    } else if (header?.[1] && current) {
      current.meta.set(header[1], (header[2] ?? '').trim());
    } else if (current && (line.startsWith('*') || /^\s+\*/.test(line))) {
      current.rules.push(line);
    } else if (current && current.rules.length > 0) {
      current.rules[current.rules.length - 1] += ` ${line.trim()}`;
    }
  }
  return blocks;
}

const blocks = readdirSync(fshDirectory)
  .filter((file) => file.endsWith('.fsh'))
  .flatMap((file) => parseFsh(readFileSync(resolve(fshDirectory, file), 'utf8')));

const named = (kind: string, name: string) => blocks.find((b) => b.kind === kind && b.name === name);
const aliases = new Map(
  blocks
    .filter((b) => b.kind === 'Alias')
    .map((b) => b.name.split(/\s*=\s*/).map((part) => part.trim()) as [string, string]),
);
const profiles = blocks.filter((b) => b.kind === 'Profile');
const profileById = new Map(profiles.map((b) => [b.meta.get('Id') ?? '', b]));
const idOfProfile = (name: string) => named('Profile', name)?.meta.get('Id');

/** The profile and its ancestors, nearest first, and the FHIR type at the root. */
function lineage(id: string): { chain: Block[]; root: string } {
  const chain: Block[] = [];
  let block = profileById.get(id);
  while (block) {
    chain.push(block);
    const parent = block.meta.get('Parent') ?? '';
    const next = named('Profile', parent);
    if (!next) return { chain, root: parent };
    block = next;
  }
  throw new Error(`no FSH profile with Id ${id}`);
}

const rulesOf = (id: string) => lineage(id).chain.flatMap((b) => b.rules);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** First capture of the nearest rule matching `pattern`, which is anchored at the leading `* `. */
const find = (rules: string[], pattern: string) =>
  rules.map((r) => new RegExp(`^\\* ${pattern}$`).exec(r)).find((m) => m !== null);

const codeSystemUrl = (name: string) => {
  const block = named('CodeSystem', name);
  if (!block) return undefined;
  const override = block.rules.map((r) => /^\* \^url = "(.+)"$/.exec(r)?.[1]).find(Boolean);
  return (
    override ?? `${IG_PROFILE_BASE.replace('/StructureDefinition/', '/CodeSystem/')}${block.meta.get('Id')}`
  );
};
const systemOf = (token: string) => aliases.get(token) ?? codeSystemUrl(token) ?? token;
const codingOf = (token: string) => {
  const [system = '', code = ''] = token.split('#');
  return { system: systemOf(system), code };
};

interface Slice {
  type?: string;
  min: number;
  max: Max;
}

/** Slices declared by `* <element> contains …` anywhere in the chain. */
function slicesOf(rules: string[], element: string): Map<string, Slice> {
  const slices = new Map<string, Slice>();
  for (const rule of rules) {
    const body = new RegExp(`^\\* ${escapeRegExp(element)} contains (.+)$`).exec(rule)?.[1];
    for (const item of body ? body.split(/\s+and\s+/) : []) {
      const m = /^(?:(\S+)\s+named\s+)?(\S+)\s+(\d+)\.\.(\d+|\*)$/.exec(item.trim());
      if (!m?.[2]) throw new Error(`cannot read slice "${item}" in: ${rule}`);
      const max = m[4] === '*' ? '*' : Number(m[4]);
      slices.set(m[2], { min: Number(m[3]), max, ...(m[1] ? { type: m[1] } : {}) });
    }
  }
  return slices;
}

/** Reference(A or B) names → FHIR types (profiles replaced by their root type) and IG profile ids. */
function referenceTargets(list: string) {
  const names = list.split(/\s+or\s+/).map((n) => n.trim());
  const profileIds = names.map(idOfProfile).filter((id): id is string => id !== undefined);
  const types = new Set(names.map((n) => (idOfProfile(n) ? lineage(idOfProfile(n) ?? '').root : n)));
  return { types: [...types].sort(), profiles: profileIds.sort() };
}

const extensionUrl = (type: string) => {
  const extension = named('Extension', type);
  if (extension) return `${IG_PROFILE_BASE}${extension.meta.get('Id')}`;
  return aliases.get(type) ?? type;
};

/** Reference elements we leave to the R4 base rules, on purpose (see each profile file). */
const REFERENCES_NOT_TRANSCRIBED: Record<string, string[]> = {
  'genomic-report': ['result'],
  'genomic-study': ['asserter', 'reasonReference'],
  'genomic-study-analysis': ['performer.actor'],
};

describe('the IG profile inventory', () => {
  it('lists every FSH profile as checked or unchecked, on the right FHIR type', () => {
    const ours = [
      ...CHECKED_PROFILES.map((p) => [p.id, p.resourceType]),
      ...UNCHECKED_PROFILES.map((p) => [p.id, p.resourceType]),
    ].sort();
    const fsh = profiles.map((b) => [b.meta.get('Id'), lineage(b.meta.get('Id') ?? '').root]).sort();
    expect(ours).toEqual(fsh);
  });

  it('knows which unchecked profiles are abstract and which codes they fix', () => {
    for (const profile of UNCHECKED_PROFILES) {
      const rules = profileById.get(profile.id)?.rules ?? [];
      expect(rules.includes('* ^abstract = true'), profile.id).toBe(profile.abstract === true);
      const code = find(rules, 'code = (\\S+)')?.[1];
      expect(code ? codingOf(code) : undefined, profile.id).toEqual(profile.code);
    }
  });

  it('uses the code systems the FSH aliases name', () => {
    expect(aliases.get('$LNC')).toBe(SYSTEM.LNC);
    expect(aliases.get('$UCUM')).toBe(SYSTEM.UCUM);
    expect(aliases.get('$HGVS')).toBe(SYSTEM.HGVS);
    expect(aliases.get('$OBSCAT')).toBe(SYSTEM.OBSCAT);
    expect(aliases.get('$DIAGNOSTICSERVICE')).toBe(SYSTEM.DIAGNOSTICSERVICE);
    expect(codeSystemUrl('TbdCodesCS')).toBe(SYSTEM.TBD);
    expect(codeSystemUrl('VariantConfidenceStatusCS')).toBe(SYSTEM.VARIANT_CONFIDENCE);
  });
});

describe.each(CHECKED_PROFILES.map((p): [string, ProfileRules] => [p.id, p]))('%s', (id, profile) => {
  const { chain, root } = lineage(id);
  const rules = rulesOf(id);

  it('has the FSH parent chain and FHIR type', () => {
    expect(chain.slice(1).map((b) => b.meta.get('Id'))).toEqual(profile.parents);
    expect(root).toBe(profile.resourceType);
  });

  it('fixes the same code and status', () => {
    const code = find(rules, 'code = (\\S+)')?.[1];
    expect(profile.code).toEqual(code ? codingOf(code) : undefined);
    expect(profile.status).toBe(find(rules, 'status = #(\\S+)')?.[1]);
  });

  it('agrees on element cardinalities and type restrictions', () => {
    const cardinalities = new Map<string, string>();
    const types = new Map<string, string[]>();
    for (const rule of [...rules].reverse()) {
      const card = /^\* ([A-Za-z]+(?:\[x\])?) (\d+\.\.(?:\d+|\*))$/.exec(rule);
      if (card?.[1] && card[2]) cardinalities.set(card[1], card[2]);
      const only = /^\* ([A-Za-z]+\[x\]) only (.+)$/.exec(rule);
      if (only?.[1] && only[2]) types.set(only[1], only[2].split(/\s+or\s+/));
    }
    const ours = profile.elements.filter((e) => e.source === 'ig');
    for (const element of ours) {
      const card = cardinalities.get(element.element) ?? (types.has(element.element) ? '0..1' : undefined);
      expect(`${element.min}..${element.max}`, element.element).toBe(card);
      expect(element.types, element.element).toEqual(types.get(element.element));
    }
    const covered = new Set(ours.map((e) => e.element));
    expect([...cardinalities.keys(), ...types.keys()].filter((e) => !covered.has(e))).toEqual([]);
  });

  it('slices category the same way', () => {
    const slices = slicesOf(rules, 'category');
    expect((profile.categorySlices ?? []).map((s) => s.name).sort()).toEqual([...slices.keys()].sort());
    for (const slice of profile.categorySlices ?? []) {
      expect([slice.min, slice.max], slice.name).toEqual([
        slices.get(slice.name)?.min,
        slices.get(slice.name)?.max,
      ]);
      const coding = find(rules, `category\\[${slice.name}\\]\\.coding = (\\S+)`)?.[1] ?? '';
      expect(slice.coding, slice.name).toEqual(codingOf(coding));
      expect(slice.singleCoding, slice.name).toBe(
        find(rules, `category\\[${slice.name}\\]\\.coding 1\\.\\.1`) !== undefined,
      );
    }
    const single = find(rules, 'category\\.coding = (\\S+)')?.[1];
    expect(profile.singleCategory).toEqual(single ? codingOf(single) : undefined);
    if (single) expect(find(rules, 'category\\.coding 1\\.\\.1')).toBeDefined();
  });

  it('has the same component slices, codes, value types and bindings', () => {
    const slices = slicesOf(rules, 'component');
    expect((profile.components ?? []).map((c) => c.name).sort()).toEqual([...slices.keys()].sort());
    for (const component of profile.components ?? []) {
      const at = `component\\[${escapeRegExp(component.name)}\\]`;
      const fsh = slices.get(component.name);
      expect([component.min, component.max], component.name).toEqual([fsh?.min, fsh?.max]);
      expect(component.code, component.name).toEqual(
        codingOf(find(rules, `${at}\\.code = (\\S+)`)?.[1] ?? ''),
      );
      const only = find(rules, `${at}\\.value\\[x\\] only (.+)`)?.[1] ?? '';
      expect(component.valueTypes, component.name).toEqual(only.split(/\s+or\s+/));
      expect(component.valueRequired, component.name).toBe(
        find(rules, `${at}\\.value\\[x\\] 1\\.\\.1`) !== undefined,
      );
      const binding = find(rules, `${at}\\.value\\[x\\] from (\\S+) \\(required\\)`)?.[1];
      expect(component.binding?.valueSet, component.name).toBe(binding);
      const system = find(rules, `${at}\\.value\\[x\\]\\.system = (\\S+)`)?.[1];
      expect(component.quantitySystem, component.name).toBe(system ? systemOf(system) : undefined);
    }
  });

  it('binds value[x] the same way', () => {
    const binding = find(rules, 'valueCodeableConcept from (\\S+) \\(required\\)')?.[1];
    expect(profile.valueBinding?.valueSet).toBe(binding);
  });

  it('limits reference targets the same way', () => {
    const sliced = (element: string) =>
      rules.flatMap(
        (r) =>
          new RegExp(`^\\* ${escapeRegExp(element)}\\[[^\\]]+\\] only Reference\\((.+)\\)$`).exec(r)?.[1] ??
          [],
      );
    for (const reference of profile.references?.filter((r) => r.source === 'ig') ?? []) {
      const only = find(rules, `${escapeRegExp(reference.element)} only Reference\\((.+)\\)`)?.[1];
      const slices = sliced(reference.element);
      if (only)
        expect([...reference.target.types].sort(), reference.element).toEqual(referenceTargets(only).types);
      if (slices.length > 0) {
        expect([...(reference.target.profiles ?? [])].sort()).toEqual(
          referenceTargets(slices.join(' or ')).profiles,
        );
        const open =
          find(rules, `${escapeRegExp(reference.element)} \\^slicing\\.rules = #open`) !== undefined;
        expect(reference.target.open === true, reference.element).toBe(open);
      }
      expect(only !== undefined || slices.length > 0, reference.element).toBe(true);
    }
    const inFsh = new Set(
      rules.flatMap((r) => /^\* ([\w.]+)(?:\[[^\]]+\])? only Reference\(/.exec(r)?.[1] ?? []),
    );
    const ours = new Set(profile.references?.map((r) => r.element));
    const skipped = new Set(REFERENCES_NOT_TRANSCRIBED[id] ?? []);
    expect([...inFsh].filter((e) => !ours.has(e) && !skipped.has(e))).toEqual([]);
  });

  it('has the same extensions, cardinalities and extension targets', () => {
    const slices = slicesOf(rules, 'extension');
    expect((profile.extensions ?? []).map((e) => e.name).sort()).toEqual([...slices.keys()].sort());
    for (const extension of profile.extensions ?? []) {
      const fsh = slices.get(extension.name);
      expect([extension.url, extension.min, extension.max], extension.name).toEqual([
        extensionUrl(fsh?.type ?? ''),
        fsh?.min,
        fsh?.max,
      ]);
      if (!extension.target) continue;
      const block = named('Extension', fsh?.type ?? '');
      const only = find(block?.rules ?? [], 'value\\[x\\] only Reference\\((.+)\\)')?.[1] ?? '';
      const targets = referenceTargets(only);
      expect([...extension.target.types].sort(), extension.name).toEqual(targets.types);
      expect([...(extension.target.profiles ?? [])].sort(), extension.name).toEqual(targets.profiles);
    }
  });
});

describe('bindings we expand ourselves', () => {
  it('takes HGVSVS and VariantConfidenceStatusVS from their FSH definitions', () => {
    const bindings = CHECKED_PROFILES.flatMap((p) => p.components ?? []).flatMap((c) => c.binding ?? []);
    for (const binding of bindings.filter((b) => !b.valueSet.startsWith('http://loinc.org/vs/'))) {
      const valueSet = named('ValueSet', binding.valueSet);
      const include = find(valueSet?.rules ?? [], '(?:include )?codes from system (\\S+)')?.[1] ?? '';
      expect(binding.system, binding.valueSet).toBe(systemOf(include));
      const codes = named('CodeSystem', include)?.rules.flatMap((r) => /^\* #(\S+)/.exec(r)?.[1] ?? []);
      expect(binding.codes, binding.valueSet).toEqual(codes);
    }
  });
});

describe('invariants', () => {
  const invariants = blocks.filter((b) => b.kind === 'Invariant');

  it('implements every invariant of CGInvariants.fsh, as written there', () => {
    expect(Object.keys(QUANTITY_INVARIANTS).sort()).toEqual(invariants.map((b) => b.name).sort());
    for (const block of invariants) {
      const ours = QUANTITY_INVARIANTS[block.name];
      expect(`"${ours?.expression}"`, block.name).toBe(block.meta.get('Expression'));
      expect(`"${ours?.description}"`, block.name).toBe(block.meta.get('Description'));
      expect(block.meta.get('Severity'), block.name).toBe('#error');
    }
  });

  it('applies cnt-3 where the FSH repeats its wording, since no rule `obeys` it', () => {
    expect(blocks.flatMap((b) => b.rules).filter((r) => /\bobeys\b/.test(r))).toEqual([]);
    const requirements =
      find(rulesOf('variant'), 'component\\[copy-number\\] \\^requirements = "(.+)"')?.[1] ?? '';
    expect(requirements.length).toBeGreaterThan(0);
    expect(QUANTITY_INVARIANTS['cnt-3']?.description.startsWith(requirements)).toBe(true);
    const slice = CHECKED_PROFILES.flatMap((p) => p.components ?? []).find((c) => c.name === 'copy-number');
    expect(slice?.invariants).toEqual(['cnt-3']);
  });
});
