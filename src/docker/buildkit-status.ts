// BuildKit's progress as the Engine API streams it: `{"id":"moby.buildkit.trace","aux":"<base64>"}`, each a
// protobuf StatusResponse (moby/buildkit api/services/control/control.proto). dockerode's own decoder loads a
// .proto file by path, which a bundle does not ship, so the few messages read here are declared in code (the
// field numbers are BuildKit's; fields not declared are skipped by the decoder).
import { Root, type Type } from 'protobufjs/light';

export const BUILDKIT_TRACE_ID = 'moby.buildkit.trace';

const timestamp = { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } };
const descriptor = {
  nested: {
    StatusResponse: {
      fields: {
        vertexes: { rule: 'repeated', type: 'Vertex', id: 1 },
        logs: { rule: 'repeated', type: 'VertexLog', id: 3 },
        warnings: { rule: 'repeated', type: 'VertexWarning', id: 4 },
      },
    },
    Vertex: {
      fields: {
        digest: { type: 'string', id: 1 },
        name: { type: 'string', id: 3 },
        cached: { type: 'bool', id: 4 },
        started: { type: 'Timestamp', id: 5 },
        completed: { type: 'Timestamp', id: 6 },
        error: { type: 'string', id: 7 },
      },
    },
    VertexLog: { fields: { vertex: { type: 'string', id: 1 }, stream: { type: 'int64', id: 3 }, msg: { type: 'bytes', id: 4 } } },
    VertexWarning: { fields: { vertex: { type: 'string', id: 1 }, short: { type: 'bytes', id: 3 } } },
    Timestamp: timestamp,
  },
};

export interface BuildkitVertex {
  digest: string;
  name: string;
  cached: boolean;
  started: boolean;
  completed: boolean;
  /** '' when the vertex did not fail. */
  error: string;
}

export interface BuildkitStatus {
  vertexes: BuildkitVertex[];
  logs: { vertex: string; text: string }[];
  warnings: { vertex: string; text: string }[];
}

let statusType: Type | undefined;

/** One trace message's status (the `aux` string of a `moby.buildkit.trace` line). */
export function decodeBuildkitStatus(aux: string): BuildkitStatus {
  statusType ??= Root.fromJSON(descriptor).lookupType('StatusResponse');
  const message = statusType.toObject(statusType.decode(Buffer.from(aux, 'base64')), { defaults: true, longs: Number }) as {
    vertexes: { digest: string; name: string; cached: boolean; started: unknown; completed: unknown; error: string }[];
    logs: { vertex: string; msg: Uint8Array }[];
    warnings: { vertex: string; short: Uint8Array }[];
  };
  return {
    vertexes: message.vertexes.map((v) => ({ digest: v.digest, name: v.name, cached: v.cached, started: v.started != null, completed: v.completed != null, error: v.error })),
    logs: message.logs.map((l) => ({ vertex: l.vertex, text: Buffer.from(l.msg).toString('utf8') })),
    warnings: message.warnings.map((w) => ({ vertex: w.vertex, text: Buffer.from(w.short).toString('utf8') })),
  };
}
