import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { TestApp } from './test-app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface DocumentedRoute {
  /** `METHOD /api/path/{param}`, the matrix key. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  requiredQuery: string[];
  /** Content types of the request body, if the route takes one. */
  bodyTypes: string[];
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
  requestBody?: { content?: Record<string, unknown> };
}

/** The served OpenAPI document; built from the app's metadata if the docs are switched off. */
async function openApiPaths(t: TestApp): Promise<Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>> {
  const response = await t.http.get('/api/docs-json');
  if (response.status === 200 && response.body?.paths) return response.body.paths;
  return SwaggerModule.createDocument(t.app, new DocumentBuilder().build()).paths as never;
}

/** Every operation of the OpenAPI document (read fresh each run, so new routes show up). */
export async function documentedRoutes(t: TestApp): Promise<DocumentedRoute[]> {
  const paths = await openApiPaths(t);
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      routes.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        requiredQuery: parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
        bodyTypes: Object.keys(operation.requestBody?.content ?? {}),
      });
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Routes Express actually serves, in the matrix's key form. A route missing from the document would
 * escape the matrix, so the test compares both lists.
 */
export function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const keys: string[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') keys.push(`${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return [...new Set(keys)];
}

/** Fills `{param}` placeholders; every placeholder must be given. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}
