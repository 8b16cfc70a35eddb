import rule from '../../../../src/core/lint/rules/DL3007';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian\n',
    'FROM debian:latest-slim\n',
    { name: 'a digest pins the image', code: 'FROM debian:latest@sha256:0f1bcf3d3e5b3b7c2f5e3f4b1a7b6d4c6f8f2a9d1e5b3c7a9f1e2d3c4b5a6f7e\n' },
    'ARG TAG=latest\nFROM debian:${TAG}\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 11, endColumn: 17, message: /pin node to a release tag/ }] },
    { code: 'FROM localhost:5000/app:latest AS base\n', errors: [{ line: 1 }] },
    { name: 'in a later stage', code: 'FROM golang:1.22 AS build\nFROM alpine:latest\n', errors: [{ line: 2, column: 13 }] },
    { code: 'FROM --platform=$BUILDPLATFORM docker.io/library/ubuntu:latest\n', errors: [{ line: 1 }] },
  ],
});
