import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, upload } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { Field, useGenomicsText } from './common.tsx';
import { JobOutcome } from './IngestJobs.tsx';
import { INGEST_KINDS, type IngestJob, type IngestKind, unfinished } from './types.ts';
import { kindFromFileName, parseSampleRoles, uploadQuery } from './uploadChoices.ts';

/** How often a running ingest is asked how far it has come. */
const POLL_MS = 500;
const FORM_ID = 'upload';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; loaded: number; total: number }
  | { step: 'ingesting' | 'finished'; job: IngestJob };

type Errors = { file?: string; samples?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lab uploads a pipeline's result file: the bytes go up with visible progress, the server
 * ingests in the background, and the page asks the job how far it has come until it ends, then
 * shows the outcome and the specimen's data as it now is.
 */
export function UploadForm({ specimenId, onIngested }: { specimenId: string; onIngested(): Promise<void> }) {
  const { g, format, number, percent, bytes } = useGenomicsText();
  const u = g.upload;
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const [kind, setKind] = useState<IngestKind>('vcf');
  const [samples, setSamples] = useState('');
  const [pipeline, setPipeline] = useState('');
  const [pipelineVersion, setPipelineVersion] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const busy = phase.step === 'uploading' || phase.step === 'ingesting';

  const showErrors = (found: Errors) => {
    setErrors(found);
    const first = (['file', 'samples'] as const).find((name) => found[name]);
    if (first) document.getElementById(`${FORM_ID}-${first}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const roles = parseSampleRoles(samples);
    const found: Errors = {};
    if (!file) found.file = g.errors.file;
    if (!roles) found.samples = g.errors.samples;
    if (!file || !roles) return showErrors(found);
    setErrors({});
    const url = `/api/specimens/${specimenId}/results?${uploadQuery({
      kind,
      fileName: file.name,
      roles,
      pipeline,
      pipelineVersion,
    })}`;
    setPhase({ step: 'uploading', fileName: file.name, loaded: 0, total: file.size });
    let job: IngestJob;
    try {
      job = await upload<IngestJob>(url, file, (loaded, total) => {
        if (mounted.current) setPhase({ step: 'uploading', fileName: file.name, loaded, total });
      });
    } catch (e) {
      setPhase({ step: 'idle' });
      const aboutSamples =
        e instanceof ApiError &&
        (e.problem.errors ?? []).some((x) => /^\/querystring\/(sample|role)/.test(x.path));
      if (aboutSamples) showErrors({ samples: g.errors.samples });
      else setError(e);
      return;
    }
    try {
      while (unfinished(job)) {
        if (mounted.current) setPhase({ step: 'ingesting', job });
        await sleep(POLL_MS);
        if (!mounted.current) return;
        job = await api<IngestJob>('GET', `/api/ingest-jobs/${job.id}`);
      }
    } catch (e) {
      setPhase({ step: 'idle' });
      setError(e);
      return;
    }
    if (!mounted.current) return;
    setPhase({ step: 'finished', job });
    setFile(null);
    setSamples('');
    setFileInput((n) => n + 1);
    await onIngested();
  };

  const finished = phase.step === 'finished' ? phase.job : null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${FORM_ID}-title`} className="action upload">
      <h3 id={`${FORM_ID}-title`}>{u.title}</h3>
      <p className="muted">{u.intro}</p>
      <div className="field-row">
        <Field id={`${FORM_ID}-file`} label={u.file} error={errors.file} required className="wide">
          {(props) => (
            <input
              {...props}
              key={fileInput}
              type="file"
              name="file"
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) setKind(kindFromFileName(chosen.name));
                if (errors.file) setErrors({ ...errors, file: undefined });
              }}
            />
          )}
        </Field>
        <Field
          id={`${FORM_ID}-kind`}
          label={u.kind}
          error={undefined}
          hint={file ? u.kindSuggested : undefined}
        >
          {(props) => (
            <select
              {...props}
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as IngestKind)}
            >
              {INGEST_KINDS.map((value) => (
                <option key={value} value={value}>
                  {g.kinds[value] ?? value}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field
          id={`${FORM_ID}-samples`}
          label={u.samples}
          hint={u.samplesHint}
          error={errors.samples}
          className="wide"
        >
          {(props) => (
            <input
              {...props}
              name="samples"
              spellCheck={false}
              value={samples}
              onChange={(event) => {
                setSamples(event.target.value);
                if (errors.samples) setErrors({ ...errors, samples: undefined });
              }}
            />
          )}
        </Field>
        <Field id={`${FORM_ID}-pipeline`} label={u.pipeline} error={undefined}>
          {(props) => (
            <input
              {...props}
              name="pipeline"
              value={pipeline}
              onChange={(event) => setPipeline(event.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${FORM_ID}-pipelineVersion`}
          label={u.pipelineVersion}
          error={undefined}
          className="narrow"
        >
          {(props) => (
            <input
              {...props}
              name="pipelineVersion"
              value={pipelineVersion}
              onChange={(event) => setPipelineVersion(event.target.value)}
            />
          )}
        </Field>
        <div className="field submit">
          <button type="submit" disabled={busy}>
            {u.submit}
          </button>
        </div>
      </div>
      {/* A request that never reached the server (status 0) was cut off: say so in words. */}
      <ErrorAlert error={error instanceof ApiError && error.problem.status === 0 ? u.interrupted : error} />
      <div className="ingest-progress">
        {phase.step === 'uploading' && (
          <div className="progress-line">
            <label htmlFor={`${FORM_ID}-progress`}>
              {format(u.uploadProgress, { file: phase.fileName })}
            </label>
            <progress id={`${FORM_ID}-progress`} max={phase.total || 1} value={phase.loaded} />
            <span>
              {format(u.uploaded, {
                percent: percent(phase.total ? phase.loaded / phase.total : 0),
                loaded: bytes(phase.loaded),
                total: bytes(phase.total),
              })}
            </span>
          </div>
        )}
        {phase.step === 'ingesting' && phase.job.fraction !== null && (
          <div className="progress-line">
            <label htmlFor={`${FORM_ID}-ingest-progress`}>
              {format(u.ingestProgress, { file: phase.job.fileName })}
            </label>
            <progress id={`${FORM_ID}-ingest-progress`} max={1} value={phase.job.fraction} />
            <span>{percent(phase.job.fraction)}</span>
          </div>
        )}
        <p role="status" data-testid="upload-status">
          {phase.step === 'uploading' && format(u.uploading, { file: phase.fileName })}
          {phase.step === 'ingesting' &&
            format(u.ingesting, { file: phase.job.fileName, n: number(phase.job.records, 0) })}
          {finished?.status === 'done' && <JobOutcome job={finished} />}
        </p>
        {(finished?.status === 'failed' || finished?.status === 'interrupted') && (
          <p role="alert" className="error">
            <JobOutcome job={finished} />
          </p>
        )}
      </div>
    </form>
  );
}
