# syntax=docker/dockerfile:1
# The presswatch application image: `presswatch run` (one nightly run) by default,
#
#   docker build -t presswatch .
#   docker run --rm -v presswatch-data:/data presswatch            # one run, embedded SQLite
#   docker run --rm -e PRESSWATCH_BACKEND=http://es:9200 presswatch # against Elasticsearch

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: install the project and its dependencies into a virtualenv ----------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# .dockerignore keeps .venv, data, .git and caches out of this copy.
COPY . .
RUN pip install .

# ---- app: the runtime image, sources not included ---------------------------------------------
FROM ${PYTHON_IMAGE} AS app
LABEL org.opencontainers.image.title="presswatch" \
      org.opencontainers.image.description="Nightly press-freedom monitoring: crawl, extract, index, alert" \
      org.opencontainers.image.licenses="MIT"
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PRESSWATCH_DATA_DIR=/data
# Same uid/gid as the airflow user of the Airflow image (50000:0), so both images can share
# the presswatch-data volume.
RUN useradd --uid 50000 --gid 0 --create-home --home-dir /home/presswatch \
        --shell /usr/sbin/nologin presswatch \
    && mkdir -p /data \
    && chown presswatch:0 /data \
    && chmod 2775 /data
COPY --from=build /opt/venv /opt/venv
USER presswatch
WORKDIR /home/presswatch
VOLUME ["/data"]
CMD ["presswatch", "run"]
