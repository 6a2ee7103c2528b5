# The dashboard in a container: slim Python, a non-root user, the app's own health check.
#   docker build -t moments-of-truth .
#   docker run -p 8501:8501 -e MOT_PASSWORD_HASH='scrypt$…' moments-of-truth
# With PostgreSQL: docker compose up (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MOT_DATA_DIR=/data

WORKDIR /app
# The PDF report writes its text with DejaVu Sans (mot/report_pdf.py).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN python -m pip install --upgrade pip && python -m pip install -r requirements.txt

COPY app.py ./
COPY .streamlit ./.streamlit
COPY data ./data
COPY mot ./mot
COPY pages ./pages
COPY ui ./ui

RUN useradd --create-home --uid 10001 mot && mkdir -p /data && chown mot:mot /data
USER mot
VOLUME ["/data"]
EXPOSE 8501

# The health route answers when the app and its database do (ui/hosting.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/healthz', timeout=4).status != 200)"]

CMD ["python", "-m", "ui.serve", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
