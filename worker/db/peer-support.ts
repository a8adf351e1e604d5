/** Whether a question is a "need to talk" request: its thread is peer support. */
export async function isPeerSupportThread(db: D1Database, questionId: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS x FROM questions WHERE id = ?1 AND kind = 'need_to_talk'")
    .bind(questionId)
    .first();
  return row !== null;
}
