export { GRADING_CHANNEL, openChangeFeed, type ChangeFeed, type ChangeFeedOptions, type GradingSignal } from "./change-feed.ts";
export { GradingWatch, gradingStatuses, type GradingWatchOptions, type StatusListener } from "./grading-watch.ts";
