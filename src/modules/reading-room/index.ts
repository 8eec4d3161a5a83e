export { createReadingRoom, type ReadingRoomService, type ReadingRoomDeps } from './service.ts';
export type { ReadingRoomFilter, ReadingRoomPage, PublishedEntry, ReadingRoomChoices } from './types.ts';
