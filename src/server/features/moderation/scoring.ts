// Both classifiers on one text: what the post gate, automod and the review queue read.
export interface PostScores {
  /** label → probability: spam, ham */
  spam: Record<string, number>;
  /** label → probability: hate, offensive, neither */
  abuse: Record<string, number>;
  spamVersion: string;
  abuseVersion: string;
}

export interface Scorer {
  score(text: string): PostScores;
}
