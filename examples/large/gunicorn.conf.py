"""Gunicorn settings; every value can be overridden with GUNICORN_CMD_ARGS."""

import multiprocessing
import os

wsgi_app = "stage_hall.wsgi:app"
bind = os.environ.get("STAGE_HALL_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("STAGE_HALL_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 30
accesslog = "-"
# The application configures its own logging; keep Gunicorn's error log on stderr.
errorlog = "-"
