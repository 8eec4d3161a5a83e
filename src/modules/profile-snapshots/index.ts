export { createProfileSnapshots, type ProfileSnapshotsService, type ProfileSnapshotsDeps, type RefreshResult } from './service.ts';
export { profileDifferences, type ProfileDifference } from './policy.ts';
