import { checkstyle } from './checkstyle';
import { codeclimate } from './codeclimate';
import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { tty } from './tty';
import type { Formatter } from './types';

export const formatters: Record<string, Formatter> = { tty, json, sarif, checkstyle, junit, codeclimate, github };
export type { FileResult, FormatInput } from './types';
