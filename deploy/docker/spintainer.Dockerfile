# The "spintainer" image: Spindle's CLI as /spindle, for SpinAppExecutors with deploymentConfig.spinImage. The operator
# runs it with: up --listen 0.0.0.0:80 -f <app image> --runtime-config-file /runtime-config.toml [--component-id C]...
# Build from the repository root:  docker build -f deploy/docker/spintainer.Dockerfile -t spindle-spintainer .
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN dotnet publish src/Spindle.Cli -c Release -a $TARGETARCH --self-contained \
      -p:PublishSingleFile=true -p:DebugType=none -o /out

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/spindle /spindle
# Spin writes its cache and state under HOME. Root, because the app listens on port 80 and not every container runtime
# lets unprivileged users bind it (net.ipv4.ip_unprivileged_port_start); the pod's securityContext can still drop this.
ENV HOME=/tmp
USER 0:0
EXPOSE 80
ENTRYPOINT ["/spindle"]
