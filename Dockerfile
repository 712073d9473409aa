# Conveyor, built for production: the designer and the compiled server, run by Node with
# only the run-time dependencies, as an unprivileged user. Data: /data (embedded store)
# or DATABASE_URL (PostgreSQL; see docker-compose.yml for several processes).

# 1. Build with every dependency (Vite, TypeScript).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Only what the server imports at run time.
FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The image: no compiler, no sources, not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY examples ./examples
COPY scripts/probe-ready.mjs ./scripts/probe-ready.mjs
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Ready, not just alive: the store answers, migrations are applied, timers run.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/probe-ready.mjs"]
# node is PID 1 (no shell in between), so `docker stop`'s SIGTERM reaches its handler and
# it drains (SHUTDOWN_TIMEOUT_MS, default 10 s; docker sends SIGKILL after 10 s, so raise
# --stop-timeout / stop_grace_period with it).
CMD ["node", "dist/runtime/main.js"]
