// Why moderation acted on a post, in words: the source, the message, the guideline, the evidence and
// (for staff) the classifier scores.
import { describeSource, readReason } from './reason';
import { percent } from './words';

export function ReasonDetails({ reason, showScores = false }: { reason: unknown; showScores?: boolean }) {
  const read = readReason(reason);
  return (
    <div class="reason">
      <p class="reason-source">
        <strong>Why:</strong> {describeSource(read)}
      </p>
      {read.message && <p class="reason-message">{read.message}</p>}
      {read.guideline && (
        <p class="small">
          Guideline: <span class="reason-guideline">{read.guideline}</span>
        </p>
      )}
      {read.flags && read.flags.reasons.length > 0 && (
        <p class="small">Flag reasons: {read.flags.reasons.map((r) => `${r.label} × ${r.count}`).join(', ')}</p>
      )}
      {read.evidence.length > 0 && (
        <>
          <p class="small reason-heading">What matched:</p>
          <ul class="evidence">
            {read.evidence.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {showScores && read.scores.length > 0 && (
        <>
          <p class="small reason-heading">Classifier scores:</p>
          <dl class="scores">
            {read.scores.map((score) => (
              <div key={score.label}>
                <dt>{score.label}</dt>
                <dd>{percent(score.value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
