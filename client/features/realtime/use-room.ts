import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { JoinAck } from "../../../shared/events.ts";
import type { VigilSocket } from "../../lib/socket.ts";
import { useSocket } from "./socket-context.tsx";

/** "station" or a session id. */
type Room = { kind: "station" } | { kind: "session"; sessionId: string };

function join(socket: VigilSocket, room: Room, ack: (r: JoinAck) => void) {
  if (room.kind === "station") socket.emit("station:join", ack);
  else socket.emit("session:join", room.sessionId, ack);
}

function leave(socket: VigilSocket, room: Room) {
  if (room.kind === "station") socket.emit("station:leave");
  else socket.emit("session:leave", room.sessionId);
}

/**
 * How many mounted hooks want each room, per socket: the station room is wanted both by the station
 * page and, for a physician, by the layout (alarms from every chair); leaving the page must not leave
 * the room the layout still needs.
 */
const users = new WeakMap<VigilSocket, Map<string, number>>();

function counts(socket: VigilSocket): Map<string, number> {
  let map = users.get(socket);
  if (!map) {
    map = new Map();
    users.set(socket, map);
  }
  return map;
}

/**
 * Joins a room on every (re)connect and then refetches `queryKey`, so nothing that happened while
 * disconnected is lost. Returns the last join error, if any.
 */
function useRoom(room: Room, queryKey: QueryKey, enabled = true): string | null {
  const socket = useSocket();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const roomKey = JSON.stringify(room);
  const keyString = JSON.stringify(queryKey);
  useEffect(() => {
    if (!socket || !enabled) return;
    const target = JSON.parse(roomKey) as Room;
    const wanted = counts(socket);
    wanted.set(roomKey, (wanted.get(roomKey) ?? 0) + 1);
    const key = JSON.parse(keyString) as QueryKey;
    const onConnect = () =>
      join(socket, target, (r) => {
        setError(r.ok ? null : r.error);
        if (r.ok) void client.invalidateQueries({ queryKey: key });
      });
    socket.on("connect", onConnect);
    if (socket.connected) onConnect();
    return () => {
      socket.off("connect", onConnect);
      const left = (wanted.get(roomKey) ?? 1) - 1;
      if (left > 0) wanted.set(roomKey, left);
      else wanted.delete(roomKey);
      if (left <= 0 && socket.connected) leave(socket, target);
    };
  }, [socket, client, roomKey, keyString, enabled]);
  return error;
}

export function useStationRoom(queryKey: QueryKey, enabled = true): string | null {
  return useRoom({ kind: "station" }, queryKey, enabled);
}

export function useSessionRoom(sessionId: string, queryKey: QueryKey): string | null {
  return useRoom({ kind: "session", sessionId }, queryKey);
}
