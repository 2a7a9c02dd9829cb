# Image for a real deployment of the portal: docker compose up (see docker-compose.yml).
#
# The .NET 10 images are based on Ubuntu 24.04; no Debian images exist for .NET 10. Ubuntu's `chromium` package is
# only a wrapper that installs a snap, and snaps do not run in a container. The PDF feature needs a real Chromium,
# so the runtime stage is Debian 12 (the release the development and CI machines run, with the same `chromium`
# package the tests use) and takes the ASP.NET Core runtime from the official image.

# ---- build ------------------------------------------------------------------------------------------------------
# The SDK tag follows the newest feature band, which global.json (10.0.401, latestFeature) requires.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

# The web project's build runs `npm ci` to fetch Bootstrap and its icons.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

# Not /src: Directory.Build.props recognises production projects by "/src/" in their path.
WORKDIR /source

# Restore first, from the project files alone, so the layer survives source changes.
COPY global.json Directory.Build.props Directory.Packages.props dotnet-tools.json ./
COPY src/RugcentrumPortal.Clinical/RugcentrumPortal.Clinical.csproj src/RugcentrumPortal.Clinical/
COPY src/RugcentrumPortal.Data/RugcentrumPortal.Data.csproj src/RugcentrumPortal.Data/
COPY src/RugcentrumPortal.Data.PostgreSQL/RugcentrumPortal.Data.PostgreSQL.csproj src/RugcentrumPortal.Data.PostgreSQL/
COPY src/RugcentrumPortal.Data.Sqlite/RugcentrumPortal.Data.Sqlite.csproj src/RugcentrumPortal.Data.Sqlite/
COPY src/RugcentrumPortal.Data.SqlServer/RugcentrumPortal.Data.SqlServer.csproj src/RugcentrumPortal.Data.SqlServer/
COPY src/RugcentrumPortal.Web/RugcentrumPortal.Web.csproj src/RugcentrumPortal.Web/
RUN dotnet restore src/RugcentrumPortal.Web/RugcentrumPortal.Web.csproj

# Fill the npm cache in its own layer; the `npm ci` that runs during the build then installs from it.
COPY src/RugcentrumPortal.Web/package.json src/RugcentrumPortal.Web/package-lock.json src/RugcentrumPortal.Web/
RUN cd src/RugcentrumPortal.Web && npm ci --no-audit --no-fund --loglevel=error

COPY . .
# --no-restore skips only the NuGet restore. The npm target runs before Build, so it still runs here, and
# PublishFrontEndLibs copies wwwroot/lib into the output (.dockerignore keeps any local copy out of the context).
RUN dotnet publish src/RugcentrumPortal.Web/RugcentrumPortal.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM debian:bookworm-slim AS runtime

ENV APP_UID=1654 \
    ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Pdf__ChromiumPath=/usr/bin/chromium

# .NET needs libicu (the portal formats dates and numbers for nl and en) and libssl; tzdata serves Europe/Amsterdam.
# chromium and the fonts render PDFs; ffmpeg checks uploaded videos and takes their posters; curl serves the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libc6 \
        libgcc-s1 \
        libicu72 \
        libssl3 \
        libstdc++6 \
        tzdata \
        chromium \
        fonts-dejavu-core \
        fonts-liberation2 \
        ffmpeg \
        curl \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Same non-root user as the official .NET images. The data directory (for an SQLite file, when the image runs without
# a database server) exists and belongs to that user before a volume is mounted on it, so a new volume is writable.
RUN groupadd --gid="$APP_UID" app \
    && useradd --no-log-init --uid="$APP_UID" --gid="$APP_UID" --create-home app \
    && mkdir -p /var/lib/rugcentrum/data /var/lib/rugcentrum/media \
    && chown -R app:app /var/lib/rugcentrum

WORKDIR /app
COPY --from=build /app ./

USER $APP_UID
EXPOSE 8080

# /healthz answers 200 only when the database is reachable.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --output /dev/null http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "RugcentrumPortal.Web.dll"]
