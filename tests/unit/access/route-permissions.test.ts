import { describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import express from 'express';
import { mountRoutes } from '../../../runtime/http/mount-routes.js';
import type { RouteDef } from '../../../runtime/http/route.js';

const route = (over: Partial<RouteDef>): RouteDef => ({
  method: 'get',
  path: '/api/x',
  summary: 'x',
  tag: 'x',
  responses: { 200: Type.Object({}) },
  handle: async () => ({ body: {} }),
  ...over,
});

describe('every route names its permission', () => {
  it('refuses to mount a route that needs credentials but names no permission', () => {
    const mount = (r: RouteDef) =>
      mountRoutes(
        express.Router(),
        [r],
        async () => undefined,
        async () => undefined,
      );
    expect(() => mount(route({}))).toThrow('routes without a permission: GET /api/x');
    expect(() => mount(route({ open: 'always' }))).not.toThrow();
    expect(() => mount(route({ permission: 'signed-in' }))).not.toThrow();
  });
});
