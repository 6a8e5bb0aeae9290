# Spindle's Spin Operator image: the manager published self-contained as /manager (the chart's command), on a
# chiseled Ubuntu base (no shell, CA certificates included: they seed the spin-ca Secret), non-root like SpinKube's.
# Build from the repository root:  docker build -f deploy/docker/operator.Dockerfile -t spindle-operator .
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN dotnet publish src/Spindle.Operator -c Release -a $TARGETARCH --self-contained \
      -p:PublishSingleFile=true -p:DebugType=none -o /out \
 && mv /out/Spindle.Operator /out/manager

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/manager /manager
USER 65532:65532
ENTRYPOINT ["/manager"]
