export { checkGenomicsBundle } from './checkBundle.ts';
export type { ProfileIssue } from './issue.ts';
export { CHECKED_PROFILES, UNCHECKED_PROFILES } from './profiles.ts';
export { IG_CANONICAL, IG_PROFILE_BASE, profileUrl } from './rules.ts';
