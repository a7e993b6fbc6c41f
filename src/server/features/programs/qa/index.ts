// Q&A spaces: accepted answers, answer votes, reputation, first-answer tracking, statistics.
export { createQaService, type QaService } from './qa.service';
export { defineQaJobs } from './qa.jobs';
export { registerQaRoutes } from './qa.routes';
export { acceptProblem, voteProblem, mayAccept, acceptEarns, countsAsAnswer } from './qa.rules';
