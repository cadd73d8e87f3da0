"""The service's settings: read once from the environment, so that every uvicorn worker
process (started by ``nianbao serve --workers N``) builds the same app.

    NIANBAO_API_KEY         when set, every /v1 request needs it in the X-API-Key header
    NIANBAO_MAX_BODY_BYTES  largest request body accepted (default 20 MB = 20971520)
    NIANBAO_MODEL           paragraph classifier to load (default: the shipped model)
    NIANBAO_POOL_SIZE       processes per worker that run the engine (default: CPU count)
    NIANBAO_TIMEOUT         seconds one request may take in the pool (default 120)

>>> Settings.from_env({"NIANBAO_MAX_BODY_BYTES": "1024", "NIANBAO_API_KEY": ""}).max_body_bytes
1024
>>> Settings.from_env({"NIANBAO_POOL_SIZE": "0"})
Traceback (most recent call last):
...
ValueError: NIANBAO_POOL_SIZE must be a whole number of at least 1, not '0'
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    api_key: Optional[str] = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    model_path: Optional[str] = None
    pool_size: int = 1
    timeout_s: float = 120.0

    @classmethod
    def from_env(cls, env=None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            api_key=env.get("NIANBAO_API_KEY") or None,
            max_body_bytes=_positive(env, "NIANBAO_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            model_path=env.get("NIANBAO_MODEL") or None,
            pool_size=_positive(env, "NIANBAO_POOL_SIZE", os.cpu_count() or 1),
            timeout_s=_seconds(env, "NIANBAO_TIMEOUT", 120.0),
        )


def _seconds(env, name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise ValueError(f"{name} must be a number of seconds above 0, not {raw!r}")
    return value


def _positive(env, name: str, default: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    if not raw.strip().isdigit() or int(raw) < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)
