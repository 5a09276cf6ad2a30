export { attendanceOf, heldDuration, recordCallEvent } from './attendance.js';
export type { Attendance, CallEvent } from './attendance.js';
export { callNameOf } from './call-name.js';
export type { RoomPass, RoomSide } from './passes.js';
export { CONCLUDE_START_PREFIX, createRoomService, TICKET_TTL_MS } from './service.js';
export type { RoomEntry, RoomErrorCode, RoomLink, RoomService, RoomServiceDeps } from './service.js';
