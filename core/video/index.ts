export { createVideoService } from './service.js';
export type { JoinLink, JoinLinkInput, VideoErrorCode, VideoService } from './service.js';
export { ROOM_NAME_PATTERN, ROOM_PREFIX, newRoomName } from './room.js';
export {
  JOIN_EARLY_MS,
  MIN_SECRET_BYTES,
  STAY_LATE_MS,
  TOKEN_AUDIENCE,
  assertJitsiSettings,
  createRoomToken,
  subjectFor,
  tokenWindow,
} from './token.js';
export type { JitsiSettings, RoomTokenOptions, RoomUser } from './token.js';
export { roomUrl } from './links.js';
