# syntax=docker/dockerfile:1
# Airflow 3 with presswatch installed, for the `airflow` service of docker-compose.yml.
# Build context: the repository root (docker-compose.yml sets it).
#
#   docker build -f docker/airflow.Dockerfile -t presswatch-airflow .

ARG AIRFLOW_IMAGE=apache/airflow:3.3.2-python3.11
FROM ${AIRFLOW_IMAGE}

USER root
RUN mkdir -p /data && chown airflow:0 /data && chmod 2775 /data
USER airflow

# Pinning apache-airflow to the image's own version keeps pip from replacing it while it
# resolves presswatch's dependencies (AIRFLOW_VERSION is set by the base image).
COPY --chown=airflow:0 . /tmp/presswatch-src
RUN pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" /tmp/presswatch-src \
    && rm -rf /tmp/presswatch-src

ENV PRESSWATCH_DATA_DIR=/data \
    AIRFLOW__CORE__LOAD_EXAMPLES=False
