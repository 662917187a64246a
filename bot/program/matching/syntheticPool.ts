import type { OrgIndex } from '../../directory/orgIndex';
import { seededRandom } from '../../seededRandom';
import type { Participant } from './matchingRules';

/**
 * A large synthetic matching pool drawn from an org (for the benchmark and tests): executives among senior titles
 * (vice presidents and directors first, then managers), mentors among people without direct reports, each choosing one
 * to three of `topicCount` topics. Deterministic for a given org and seed.
 */
export function syntheticPool(
  org: OrgIndex,
  sizes: { executives: number; mentors: number; topicCount: number; seed: number },
): { executives: Participant[]; mentors: Participant[]; topicIds: string[] } {
  const random = seededRandom(sizes.seed);
  const topicIds = Array.from({ length: sizes.topicCount }, (_, i) => `t${i + 1}`);
  const topics = () => {
    const chosen = new Set<string>();
    const count = 1 + Math.floor(random() * 3);
    while (chosen.size < count) chosen.add(topicIds[Math.floor(random() * topicIds.length)]);
    return [...chosen];
  };
  const seniority = (title: string | undefined) => (/President/.test(title ?? '') ? 0 : /Director/.test(title ?? '') ? 1 : /Manager/.test(title ?? '') ? 2 : 3);
  const senior = org
    .all()
    .filter((p) => p.accountEnabled && org.hasDirectReports(p.id))
    .map((p) => ({ p, rank: seniority(p.jobTitle) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, sizes.executives)
    .map(({ p }) => p);
  const frontLine = org.all().filter((p) => p.accountEnabled && !org.hasDirectReports(p.id));
  for (let i = frontLine.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [frontLine[i], frontLine[j]] = [frontLine[j], frontLine[i]];
  }
  return {
    executives: senior.map((p) => ({ id: p.id, department: p.department, topicIds: topics() })),
    mentors: frontLine.slice(0, sizes.mentors).map((p) => ({ id: p.id, department: p.department, topicIds: topics() })),
    topicIds,
  };
}
