// Who the benchmark data belongs to: three profiles the extension shows, and one producer account per
// profile that shares groups and its catalog with it (producers have no profile: nobody browses them).
export const BENCH_REGION = 'us-east-1';

export interface BenchProfile {
  name: string;
  accountId: string;
  /** The producer account that shares its groups (and catalog) with this profile. */
  producerId: string;
}

export const BENCH_PROFILES: readonly BenchProfile[] = [
  { name: 'bench-a', accountId: '100000000001', producerId: '200000000001' },
  { name: 'bench-b', accountId: '100000000002', producerId: '200000000002' },
  { name: 'bench-c', accountId: '100000000003', producerId: '200000000003' },
];

/** The shape of the data, per profile (the numbers). */
export const SHAPE = {
  owned: 1000,
  /** Producer groups: all discoverable through its catalog share, most also shared through RAM. */
  producerGroups: 200,
  /** Of the producer's groups, shared through RAM in three shares: ReadOnly, ReadWrite, Admin. */
  producerShared: [50, 50, 50],
  /** Groups the next profile shares through RAM, in two shares: ReadOnly, ReadWrite. */
  peerShared: [60, 40],
  /** Single-group shares from the profile after next, never accepted. */
  pendingInvitations: 20,
} as const;

export const SHARED_PER_PROFILE = SHAPE.producerGroups + SHAPE.peerShared.reduce((a, b) => a + b, 0);

export function ownedGroupName(profile: BenchProfile, i: number): string {
  return `${profile.name}-features-${String(i).padStart(4, '0')}`;
}

export function producerGroupName(profile: BenchProfile, i: number): string {
  return `producer-for-${profile.name}-${String(i).padStart(3, '0')}`;
}

/** The profile whose groups `profile` receives through RAM, and the one that leaves invitations pending. */
export function peersOf(profile: BenchProfile): { sharer: BenchProfile; inviter: BenchProfile } {
  const i = BENCH_PROFILES.indexOf(profile);
  const n = BENCH_PROFILES.length;
  return { sharer: BENCH_PROFILES[(i + 1) % n], inviter: BENCH_PROFILES[(i + 2) % n] };
}

/** AWS config naming the sandbox for the three profiles (written to a temp folder, never ~/.aws). */
export function benchAwsConfig(sandboxUrl: string): string {
  return BENCH_PROFILES.map(
    (p) => `[profile ${p.name}]\naws_access_key_id = ${p.accountId}\naws_secret_access_key = sandbox\nregion = ${BENCH_REGION}\nendpoint_url = ${sandboxUrl}\n`,
  ).join('\n');
}
