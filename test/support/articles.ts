// Shapes for the articles, announcements and scheduling tests.
export interface Article {
  topicId: number;
  spaceId: number;
  title: string;
  toc: { level: number; text: string; anchor: string }[];
  lastReviewedAt: string | null;
  reviewedBy: { id: number; username: string | null } | null;
  needsReview: boolean;
  helpful: { yes: number; no: number };
  helpfulShare: number | null;
  myFeedback: { helpful: boolean; comment: string | null; updatedAt: string } | null;
}

export interface ArticleSummary {
  id: number;
  title: string;
  lastReviewedAt: string | null;
  helpful: { yes: number; no: number };
  helpfulShare: number | null;
  needsReview: boolean;
}

export interface Announcement {
  id: number;
  title: string;
  body: string;
  html: string;
  audience: 'everyone' | 'members';
  startsAt: string;
  endsAt: string | null;
  state: 'scheduled' | 'active' | 'ended';
  createdBy: { id: number; username: string | null } | null;
  dismissals: number;
}

export interface ScheduledItem {
  id: number;
  kind: 'topic' | 'article' | 'announcement';
  status: 'pending' | 'publishing' | 'published' | 'failed' | 'cancelled';
  publishAt: string;
  author: { id: number; username: string | null };
  title: string;
  body: string;
  spaceId: number | null;
  tags: string[];
  audience: string | null;
  endsAt: string | null;
  error: string | null;
  topicId: number | null;
  announcementId: number | null;
  publishedAt: string | null;
}
