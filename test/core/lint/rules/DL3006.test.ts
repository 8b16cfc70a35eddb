import rule from '../../../../src/core/lint/rules/DL3006';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\n',
    'FROM debian@sha256:0f1bcf3d3e5b3b7c2f5e3f4b1a7b6d4c6f8f2a9d1e5b3c7a9f1e2d3c4b5a6f7e8\n',
    'FROM scratch\n',
    'FROM golang:1.22 AS build\nFROM build\n',
    'ARG BASE=debian:12\nFROM ${BASE}\n',
    'FROM localhost:5000/app:1.0\n',
    { name: 'stage names are case-insensitive (Shipshape keeps this; hadolint main compares them as written)', code: 'FROM golang:1.22 AS Build\nFROM build\n' },
    { name: 'an image with a variable inside (Shipshape keeps this; hadolint main only skips a leading `$`, yet the variable may hold the tag)', code: 'ARG V=:1\nFROM debian${V}\n' },
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, message: /debian:latest/ }] },
    { code: 'FROM localhost:5000/app\n', errors: [{ line: 1 }] },
    { code: 'FROM golang:1.22 AS build\nFROM alpine\n', errors: [{ line: 2 }] },
    { name: 'a stage is not its own base, as hadolint main', code: 'FROM base AS base\n', errors: [{ line: 1 }] },
    { name: 'a stage named only later is pulled as an image, as hadolint main', code: 'FROM base\nFROM debian:12 AS base\n', errors: [{ line: 1, message: /base:latest/ }] },
  ],
});
