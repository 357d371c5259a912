# syntax=docker/dockerfile:1
# The one image recipe for every deployable of the repository: the GraphQL services (the five
# subgraphs, the gateway, identity) and, as target `web`, the web app. They are all Node workspaces
# built the same way (turbo prune, npm ci from the pruned lockfile, turbo build) and differ only in
# which workspace, which folder under services/ and which port, so those are build arguments and
# this file sits beside the other deployment files in infra/ rather than in any one service.
# docker-compose.yml passes the arguments from the service catalog (packages/subgraph-kit/src/catalog.json);
# packages/deployment's tests check that they agree. The build context is the repository root:
#   docker build -f infra/docker/service.Dockerfile \
#     --build-arg WORKSPACE=@kinerja/goals --build-arg SERVICE=goals --build-arg PORT=4002 -t kinerja/goals .
#   docker build -f infra/docker/service.Dockerfile --target web \
#     --build-arg WORKSPACE=@kinerja/web --build-arg SERVICE=web --build-arg PORT=3000 -t kinerja/web .

# turbo prune keeps only the workspaces WORKSPACE depends on. A missing argument, or a SERVICE
# folder that is not WORKSPACE's, stops the build here with the reason.
FROM node:22-bookworm-slim AS prune
ARG WORKSPACE
ARG SERVICE
ARG PORT
WORKDIR /repo
RUN npm install -g turbo@2.11.11
COPY . .
RUN : "${WORKSPACE:?pass --build-arg WORKSPACE=@kinerja/<name>}" "${SERVICE:?pass --build-arg SERVICE=<folder under services/>}" "${PORT:?pass --build-arg PORT=<port>}" \
 && test "$(node -p "require('./services/${SERVICE}/package.json').name")" = "$WORKSPACE" \
 || { echo "services/${SERVICE}/package.json is not the workspace ${WORKSPACE}" >&2; exit 1; }
RUN turbo prune "$WORKSPACE" --docker

# Build WORKSPACE and what it depends on, then drop the development dependencies: the service
# image carries production dependencies only (the web image takes just its built files).
FROM node:22-bookworm-slim AS build
ARG WORKSPACE
WORKDIR /app
COPY --from=prune /repo/out/json/ ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY --from=prune /repo/out/full/ ./
COPY tsconfig.base.json turbo.json ./
# The checked-in, reviewed supergraph: web generates its typed operations from it
# (scripts/codegen.mjs) and the gateway serves it.
COPY infra/supergraph ./infra/supergraph
RUN npx turbo run build --filter=${WORKSPACE}... \
 && npm prune --omit=dev --no-audit --no-fund

# What both runtime images share: production settings, the unprivileged node user, the health check.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The web app: the built React files, the home screen's server renderer (dist-ssr/, one bundled
# module) and the small server (server/serve.mjs), no node_modules at all.
FROM runtime AS web
ARG PORT
ENV PORT=${PORT}
COPY --from=build --chown=node:node /app/services/web/dist ./services/web/dist
COPY --from=build --chown=node:node /app/services/web/dist-ssr ./services/web/dist-ssr
COPY --from=build --chown=node:node /app/services/web/server ./services/web/server
COPY --from=build --chown=node:node /app/services/web/package.json ./services/web/package.json
EXPOSE ${PORT}
CMD ["node", "services/web/server/serve.mjs"]

# A GraphQL service (the default target): the pruned, built tree with production dependencies.
# CMD cannot expand a variable in exec form, so a shell resolves SERVICE_MAIN and execs node in
# its place (node is PID 1 and gets the stop signal).
FROM runtime AS service
ARG SERVICE
ARG PORT
ENV PORT=${PORT} SERVICE_MAIN=services/${SERVICE}/dist/main.js
COPY --from=build --chown=node:node /app ./
EXPOSE ${PORT}
CMD ["sh", "-c", "exec node \"$SERVICE_MAIN\""]
