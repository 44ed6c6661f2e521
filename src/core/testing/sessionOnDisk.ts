/**
 * What a session folder holds on disk, read straight from the files (not through
 * the store): the session file, then the votes its log adds. For tests that check
 * an acknowledged change is really on disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionRecord, Vote } from '../../shared/model';
import { applyVote } from '../../shared/voteList';

export async function sessionOnDisk(sessionsDir: string, sessionId: string): Promise<SessionRecord> {
  const file = JSON.parse(await readFile(join(sessionsDir, `${sessionId}.json`), 'utf8')) as { voteLog: number; session: SessionRecord };
  const log = await readFile(join(sessionsDir, `${sessionId}.votes.${file.voteLog}.jsonl`), 'utf8').catch(() => '');
  for (const line of log.split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as Vote | { voteLog: number } | { phone: unknown };
    // The log's header line and its phone admissions are not votes.
    if (!('voteLog' in entry) && !('phone' in entry)) applyVote(file.session.votes, entry);
  }
  return file.session;
}
