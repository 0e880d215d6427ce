# Parkeer's API with the web app, for running one or more instances (docs/operations.md,
# Containers). Build: `docker build -t parkeer .`; run: compose.yaml.

# --- build: every dependency, then the packages' dist folders and the web app ----------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# The manifests first: the install layer is reused while no dependency changed.
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/domain/package.json packages/domain/
COPY packages/api/package.json packages/api/
COPY packages/web/package.json packages/web/
# `npm install`, not `npm ci`: the lock file lacks some platforms' optional binaries (README, Run it).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

# --- runtime: production dependencies, the built packages and the start script ---------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
# The layout of the repository, reduced to what runs; owned by root, so the process (user node)
# cannot change its own code. node_modules/@parkeer/* are links into packages/.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages/shared/package.json ./packages/shared/
COPY --from=build /app/packages/shared/dist ./packages/shared/dist
COPY --from=build /app/packages/domain/package.json ./packages/domain/
COPY --from=build /app/packages/domain/dist ./packages/domain/dist
COPY --from=build /app/packages/api/package.json ./packages/api/
COPY --from=build /app/packages/api/dist ./packages/api/dist
COPY --from=build /app/packages/api/bin ./packages/api/bin
COPY --from=build /app/packages/web/package.json ./packages/web/
COPY --from=build /app/packages/web/dist ./packages/web/dist
# The official image's unprivileged user (uid 1000).
USER node
EXPOSE 4000
# Ready while the database answers (docs/operations.md, Health); Redis down is `degraded`, still 200.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["packages/api/bin/start"]
